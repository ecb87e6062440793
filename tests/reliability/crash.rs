//! Processes killed at random moments (SIGKILL: no destructor, no handler runs) lose no
//! change they reported and leave a database that passes `PRAGMA integrity_check` and
//! opens again.

use super::support::{Rng, env_number, integrity, log_notes, signal, start_planner, sukima};
use crate::common::{Env, tmux_ready};
use std::collections::BTreeSet;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// A database with one badge to log study on.
pub fn env_with_badge() -> Env {
    let env = Env::new();
    env.ok(&[
        "badge",
        "add",
        "Cloud Pak Admin",
        "--key",
        "cp4d",
        "--issuer",
        "IBM",
        "--earned",
        "2025-01-01",
        "--expires",
        "2027-06-01",
    ]);
    env
}

/// How long one `sukima add` takes here, unkilled: the range the kill times are drawn from.
fn time_one_add(env: &Env) -> Duration {
    let started = Instant::now();
    env.ok(&["add", "5m #cp4d yesterday -- warm-up"]);
    started.elapsed()
}

/// Starts `sukima add "… -- n-<i>"` for each i at once, kills each after its delay, and
/// returns the i of those that reported success (exit 0 and the line naming their note).
fn add_and_kill(env: &Env, ids: std::ops::Range<u64>, rng: &mut Rng, span: Duration) -> Vec<u64> {
    let mut children = Vec::new();
    for i in ids {
        let child = sukima(env)
            .args(["add", &format!("10m #cp4d yesterday -- n-{i}")])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let delay = Duration::from_micros(rng.below(span.as_micros() as u64 + 1));
        children.push((i, Instant::now() + delay, child));
    }
    children.sort_by_key(|(_, at, _)| *at);
    let mut reported = Vec::new();
    for (i, at, mut child) in children {
        std::thread::sleep(at.saturating_duration_since(Instant::now()));
        let _ = child.kill(); // SIGKILL; harmless when it has already exited
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        if out.status.success() {
            assert!(
                stdout.contains(&format!("note \"n-{i}\"")),
                "add n-{i} exited 0 without saying what it wrote: {stdout:?}"
            );
            reported.push(i);
        } else if out.status.code().is_some() {
            // Not killed, and still failed: that is a real error (busy timeout, …).
            panic!(
                "add n-{i} failed on its own: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    reported
}

/// The outcome every crash test checks: intact, reopens, reported writes all there, and
/// nothing but whole, distinct entries.
fn check_database(env: &Env, reported: &[String], attempted: &BTreeSet<String>) {
    assert_eq!(integrity(&env.db), "ok");
    // The program itself still opens it (and its own quick_check agrees).
    let listed = env.ok(&["log", "--json"]);
    let notes = log_notes(&env.db);
    for r in reported {
        assert!(
            notes.contains(r),
            "reported add {r} is missing; have {notes:?}"
        );
    }
    let mut seen = BTreeSet::new();
    for n in &notes {
        assert!(attempted.contains(n), "unexpected log entry {n:?}");
        assert!(seen.insert(n.clone()), "log entry {n:?} written twice");
        assert!(listed.contains(n.as_str()));
    }
}

#[test]
fn killed_cli_adds_keep_every_reported_write() {
    let env = env_with_badge();
    let span = time_one_add(&env).mul_f64(1.3);
    let rounds = env_number("SUKIMA_CRASH_ROUNDS", 48);
    let mut rng = Rng::seeded("killed_cli_adds");
    let mut reported = Vec::new();
    // Six at a time, so some are killed while another holds the write lock.
    let mut next = 0;
    while next < rounds {
        let end = (next + 6).min(rounds);
        reported.extend(add_and_kill(&env, next..end, &mut rng, span));
        next = end;
    }
    let attempted: BTreeSet<String> = (0..rounds)
        .map(|i| format!("n-{i}"))
        .chain(["warm-up".to_string()])
        .collect();
    let reported: Vec<String> = reported.iter().map(|i| format!("n-{i}")).collect();
    let stored = log_notes(&env.db).len() - 1;
    eprintln!(
        "killed_cli_adds: {rounds} adds killed within {span:?}: {} reported success, {stored} stored",
        reported.len()
    );
    check_database(&env, &reported, &attempted);
}

/// Killed while creating a new database (the file, WAL mode, the first migration): the
/// next run still opens it, and a reported badge is there.
#[test]
fn killed_while_creating_the_database() {
    let mut rng = Rng::seeded("killed_while_creating");
    let rounds = env_number("SUKIMA_CRASH_ROUNDS", 48) / 4;
    let mut spans = Duration::from_millis(1);
    for round in 0..rounds {
        let env = Env::new();
        let started = Instant::now();
        let mut child = sukima(&env)
            .args(["badge", "add", "First", "--key", "first", "--issuer", "IBM"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The first round runs to the end, to learn how long creating takes.
        if round > 0 {
            std::thread::sleep(Duration::from_micros(rng.below(spans.as_micros() as u64)));
            let _ = child.kill();
        }
        let out = child.wait_with_output().unwrap();
        if round == 0 {
            assert!(out.status.success());
            spans = started.elapsed().mul_f64(1.2);
        }
        let listed = env.ok(&["badge", "list", "--json", "--all"]);
        if out.status.success() {
            assert!(
                listed.contains("\"first\""),
                "reported badge missing: {listed}"
            );
        }
        if env.db.exists() {
            assert_eq!(integrity(&env.db), "ok");
        }
    }
}

/// The TUI killed while it writes a quick-add: the database stays intact, and holds each
/// quick-add whole or not at all.
#[test]
fn killed_tui_leaves_an_intact_database() {
    if !tmux_ready() {
        return;
    }
    let env = env_with_badge();
    let mut rng = Rng::seeded("killed_tui");
    let rounds = (env_number("SUKIMA_CRASH_ROUNDS", 48) / 8).max(1);
    let mut attempted = BTreeSet::new();
    let mut written = 0;
    for round in 0..rounds {
        let tmux = start_planner(&env);
        let pid = tmux.display("#{pane_pid}");
        tmux.keys(&["a"]);
        tmux.wait_for(Duration::from_secs(5), "the quick-add line", |s| {
            s.contains("Quick add")
        });
        let note = format!("tui-{round}");
        tmux.type_text(&format!("10m #cp4d yesterday -- {note}"));
        attempted.insert(note.clone());
        // Wait until the line is typed (the preview shows the note), press Enter, and kill
        // somewhere in the next few milliseconds: before, during or after the write.
        tmux.wait_for(Duration::from_secs(5), "the typed line", |s| {
            s.contains(&note)
        });
        tmux.keys(&["Enter"]);
        std::thread::sleep(Duration::from_micros(rng.below(8_000)));
        signal(&pid, "KILL");
        tmux.wait_dead(Duration::from_secs(5));
        if log_notes(&env.db).contains(&note) {
            written += 1;
        }
        assert_eq!(
            integrity(&env.db),
            "ok",
            "after killing the TUI in round {round}"
        );
    }
    eprintln!("killed_tui: {rounds} TUIs killed after Enter, {written} had written");
    check_database(&env, &[], &attempted);
}
