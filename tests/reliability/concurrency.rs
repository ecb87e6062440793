//! Several writers at once: each waits for the others within the busy timeout instead of
//! failing, nothing is lost; the TUI notices a change made outside within a second.

use super::crash::env_with_badge;
use super::support::{integrity, log_notes, start_planner, sukima};
use crate::common::{Env, tmux_ready};
use std::time::{Duration, Instant};

/// Runs `count` adds one after another, tagged `tag-<i>`; returns how many failed and why.
fn adds(env: &Env, tag: &str, count: usize) -> Vec<String> {
    let mut failures = Vec::new();
    for i in 0..count {
        let out = env
            .cmd()
            .args(["add", &format!("5m #cp4d yesterday -- {tag}-{i}")])
            .output()
            .unwrap();
        if !out.status.success() {
            failures.push(String::from_utf8_lossy(&out.stderr).to_string());
        }
    }
    failures
}

#[test]
fn two_writers_at_once_lose_nothing() {
    let env = env_with_badge();
    let per = 40;
    let started = Instant::now();
    let failures: Vec<String> = std::thread::scope(|s| {
        let a = s.spawn(|| adds(&env, "a", per));
        let b = s.spawn(|| adds(&env, "b", per));
        // A reader too, as `sukima due` from a prompt would be.
        let c = s.spawn(|| {
            (0..per / 2)
                .filter_map(|_| {
                    let out = env.cmd().args(["due"]).output().unwrap();
                    (!out.status.success())
                        .then(|| String::from_utf8_lossy(&out.stderr).to_string())
                })
                .collect::<Vec<_>>()
        });
        [a, b, c]
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(failures.is_empty(), "failed: {failures:?}");
    let notes = log_notes(&env.db);
    assert_eq!(notes.len(), 2 * per);
    for tag in ["a", "b"] {
        for i in 0..per {
            assert!(notes.contains(&format!("{tag}-{i}")), "{tag}-{i} lost");
        }
    }
    assert_eq!(integrity(&env.db), "ok");
    eprintln!(
        "two writers: {} adds and {} reads in {:?}",
        2 * per,
        per / 2,
        started.elapsed()
    );
}

/// Processes that all find no database create it together: one creates and migrates, the
/// others wait and use it.
#[test]
fn writers_racing_to_create_the_database() {
    // Several rounds: the race is won differently each time (one in six rounds once
    // found a half-migrated file, or a busy open).
    for _ in 0..8 {
        race_to_create();
    }
}

fn race_to_create() {
    let env = Env::new();
    let outs: Vec<_> = (0..6)
        .map(|i| {
            sukima(&env)
                .args([
                    "badge",
                    "add",
                    &format!("Badge {i}"),
                    "--key",
                    &format!("b{i}"),
                ])
                .args(["--issuer", "IBM"])
                .spawn()
                .unwrap()
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    for out in &outs {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let listed = env.ok(&["badge", "list", "--json"]);
    for i in 0..6 {
        assert!(listed.contains(&format!("\"b{i}\"")), "b{i} lost: {listed}");
    }
}

/// The TUI is open on the Badges view while the command line writes: the writes succeed
/// at once, and the TUI shows the outside change within a second (it polls SQLite's
/// `data_version` on its 500 ms tick).
#[test]
fn tui_shows_outside_changes_within_a_second() {
    if !tmux_ready() {
        return;
    }
    let env = env_with_badge();
    let tmux = start_planner(&env);
    tmux.keys(&["2"]);
    tmux.wait_for(Duration::from_secs(5), "the Badges view", |s| {
        s.contains("Cloud Pak Admin")
    });
    let mut worst = Duration::ZERO;
    for (i, name) in ["Zeta Outside", "Ypsilon Outside", "Xi Outside"]
        .iter()
        .enumerate()
    {
        // Some adds from outside while the TUI is open: none waits or fails.
        for j in 0..5 {
            env.ok(&["add", &format!("5m #cp4d yesterday -- outside-{i}-{j}")]);
        }
        env.ok(&[
            "badge",
            "add",
            name,
            "--key",
            &format!("out-{i}"),
            "--issuer",
            "IBM",
        ]);
        let (_, took) = tmux.wait_for(Duration::from_secs(3), name, |s| s.contains(name));
        worst = worst.max(took);
        assert!(
            took < Duration::from_secs(1),
            "{name} showed after {took:?}"
        );
    }
    let screen = tmux.screen();
    assert!(screen.contains("changed outside"), "{screen}");
    eprintln!("tui_shows_outside_changes: slowest refresh {worst:?}");
    tmux.keys(&["q"]);
    tmux.wait_dead(Duration::from_secs(5));
    assert_eq!(log_notes(&env.db).len(), 15);
}
