//! End to end as a user: the real `sukima --demo` in a real terminal (tmux), keys sent
//! with `send-keys`, the screen read with `capture-pane`. Without tmux it fails, unless
//! `SUKIMA_SKIP_TMUX=1` skips it on purpose.

use super::NOW;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A detached tmux session on a private server (its socket in the test's temporary
/// folder), killed on drop, also when the test fails, so no session outlives the test.
struct Tmux {
    socket: std::path::PathBuf,
    session: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.session];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success(), "send-keys {keys:?}");
    }

    /// Types text literally (no key names).
    fn type_text(&self, text: &str) {
        self.send(&["-l", text]);
    }

    fn screen(&self) -> String {
        let out = self.run(&["capture-pane", "-p", "-t", &self.session]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows every one of `texts` and has stopped changing (a
    /// capture can land in the middle of a redraw); panics with the screen if not.
    fn wait_for(&self, texts: &[&str]) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            let screen = self.screen();
            if texts.iter().all(|t| screen.contains(t)) && screen == last {
                return screen;
            }
            last = screen.clone();
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "waited for {texts:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-session", "-t", &self.session]);
        let _ = self.run(&["kill-server"]);
    }
}

/// Quotes a word for `sh`.
fn sh(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}

/// `sukima --demo` in a fresh 100x30 tmux session, with no outside configuration, a fixed
/// clock, no colour and the variables `extra` (`NAME=value …`, quoted for `sh`); after
/// quitting, the shell says how sukima exited, on the normal screen (so the terminal was
/// restored).
fn start_demo(home: &std::path::Path, extra: &str) -> Tmux {
    let bin = assert_cmd::cargo::cargo_bin("sukima");
    let id = format!(
        "sukima-e2e-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );
    let tmux = Tmux {
        socket: home.join("tmux.sock"),
        session: id,
    };
    let h = home.to_str().unwrap();
    let script = format!(
        "env -i PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 HOME={home} \
         XDG_CONFIG_HOME={home}/config XDG_DATA_HOME={home}/data SUKIMA_NOW={now} NO_COLOR=1 \
         {extra} {bin} --demo; echo \"sukima exited with $?\"; sleep 60",
        home = sh(h),
        now = NOW,
        bin = sh(bin.to_str().unwrap()),
    );
    let out = tmux.run(&[
        "new-session",
        "-d",
        "-s",
        &tmux.session,
        "-x",
        "100",
        "-y",
        "30",
        "sh",
        "-c",
        &script,
    ]);
    assert!(
        out.status.success(),
        "tmux new-session: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    tmux
}

#[test]
fn a_person_logs_study_from_the_badges_view() {
    if !crate::common::tmux_ready() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let tmux = start_demo(home.path(), "");

    let screen = tmux.wait_for(&["sukima", "1 Today", "── Next", "Thu 2026-11-26 08:00"]);
    assert!(screen.contains("10 to prepare, 1 at risk"), "{screen}");

    tmux.send(&["2"]);
    let screen = tmux.wait_for(&["16 of 16 badges · sort: urgency", "STATUS"]);
    let row = screen
        .lines()
        .find(|l| l.contains("Google Cloud Professional"))
        .unwrap();
    assert!(row.contains("8h/48h"), "{row}");
    // Japanese names line up with the others: the expiry column starts at one place.
    let col = |needle: &str| {
        let l = screen.lines().find(|l| l.contains(needle)).unwrap();
        unicode_width::UnicodeWidthStr::width(&l[..l.find("20").unwrap()])
    };
    assert_eq!(col("データサイエンス基礎"), col("IBM Cloud Pak for Data"));

    tmux.send(&["a"]);
    tmux.wait_for(&["Quick add", "30m #key"]);
    tmux.type_text("30m #gcp-pde");
    tmux.wait_for(&[
        "› 30m #gcp-pde",
        "✓ log 30m on Google Cloud Professional Data Engineer",
    ]);
    tmux.send(&["Enter"]);
    let screen = tmux.wait_for(&["✓ log 30m on Google Cloud", "8h30m/48h"]);
    assert!(!screen.contains("Quick add"), "the popup closed:\n{screen}");

    // The filter, typed in Japanese.
    tmux.send(&["/"]);
    tmux.type_text("データ");
    let screen = tmux.wait_for(&["3 of 16 badges", "filter: データ"]);
    assert!(!screen.contains("Google Cloud Professional"), "{screen}");
    tmux.send(&["Escape"]);
    tmux.wait_for(&["16 of 16 badges"]);

    // Undo takes the log entry back.
    tmux.send(&["u"]);
    tmux.wait_for(&["✓ undid: log 30m on gcp-pde", "8h/48h"]);

    tmux.send(&["q"]);
    let screen = tmux.wait_for(&["sukima exited with 0"]);
    assert!(
        !screen.contains("STATUS"),
        "the normal screen is back:\n{screen}"
    );
}

/// The import prompt takes a Credly user name: the planner stays live while the profile's
/// pages come from a server (here one on 127.0.0.1), then shows the import's report, and
/// one `u` takes the whole import back.
#[test]
fn a_person_imports_a_credly_profile_by_name() {
    use crate::serve::{Reply, Server};
    if !crate::common::tmux_ready() {
        return;
    }
    let page = |n: u32| {
        let path = format!(
            "{}/tests/data/credly/page{n}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        (
            format!("/users/sample-earner/badges.json?page={n}"),
            Reply::Ok("application/json", std::fs::read(path).unwrap()),
        )
    };
    let server = Server::start(vec![page(1), page(2)]);
    let home = tempfile::tempdir().unwrap();
    let tmux = start_demo(
        home.path(),
        &format!("SUKIMA_CREDLY_URL={}", sh(&server.base())),
    );
    tmux.wait_for(&["1 Today"]);
    tmux.send(&["2"]);
    tmux.wait_for(&["16 of 16 badges"]);
    tmux.send(&["i"]);
    tmux.wait_for(&["a Credly user name"]);
    tmux.type_text("sample-earner");
    tmux.send(&["Enter"]);
    let screen = tmux.wait_for(&["added 10, updated 0, unchanged 0, skipped 1 (1 revoked)"]);
    assert!(
        screen.contains("#solutions-architect-associate"),
        "{screen}"
    );
    assert_eq!(server.requests().len(), 2);
    tmux.send(&["Escape"]);
    tmux.wait_for(&["26 of 26 badges"]);
    tmux.send(&["u"]);
    tmux.wait_for(&["16 of 16 badges", "undid: import credly user sample-earner"]);
    // A name Credly does not know: one line on the status line, nothing imported.
    tmux.send(&["i"]);
    tmux.wait_for(&["a Credly user name"]);
    tmux.type_text("nobody-here");
    tmux.send(&["Enter"]);
    tmux.wait_for(&["no public Credly profile 'nobody-here'", "16 of 16 badges"]);
    tmux.send(&["q"]);
    tmux.wait_for(&["sukima exited with 0"]);
}

#[test]
fn a_person_studies_skips_and_the_plan_follows_with_undo_and_redo() {
    if !crate::common::tmux_ready() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let tmux = start_demo(home.path(), "");
    let screen = tmux.wait_for(&["── Next", "c done  s skip  m move  p pin"]);
    // The first session of the day is the selected one: study it with c, Enter.
    assert!(screen.contains("── Today · 30m"), "{screen}");
    tmux.send(&["c"]);
    tmux.wait_for(&["how long?", "→ log 30m at Thu 2026-11-26 12:15"]);
    tmux.send(&["Enter"]);
    let screen = tmux.wait_for(&["✓ studied 30m on cp4d-admin at Thu 2026-11-26 12:15"]);
    assert!(
        screen.contains("── Today · 0m planned · 30m studied"),
        "{screen}"
    );
    assert!(screen.contains("✓IBM Cloud Pak for Data"), "{screen}");
    // Skip tomorrow's first session: the plan moves the work elsewhere.
    tmux.send(&["3"]);
    tmux.wait_for(&["── Agenda", "c done"]);
    let before = tmux.screen();
    tmux.send(&["s"]);
    let after = tmux.wait_for(&["✓ skipped cp4d-admin Fri 2026-11-27 07:10-07:40"]);
    assert_ne!(
        before.lines().find(|l| l.contains("07:10-07:40")),
        after.lines().find(|l| l.contains("07:10-07:40")),
        "the plan moved:\n{before}\n{after}"
    );
    // Undo brings the session back, redo skips it again.
    tmux.send(&["u"]);
    tmux.wait_for(&["✓ undid: skip cp4d-admin at 2026-11-27T07:10"]);
    tmux.send(&["U"]);
    tmux.wait_for(&["✓ redid: skip cp4d-admin at 2026-11-27T07:10"]);
    // The study is in the log.
    tmux.send(&["6"]);
    let screen = tmux.wait_for(&["── Study log · 30 entries", "12:15-12:45"]);
    assert!(screen.contains("this week 2h25m"), "{screen}");
    tmux.send(&["q"]);
    tmux.wait_for(&["sukima exited with 0"]);
}

#[test]
fn a_person_closes_a_deal_and_takes_it_back() {
    if !crate::common::tmux_ready() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let tmux = start_demo(home.path(), "");
    let screen = tmux.wait_for(&["── Deals · 2", "Globex AI platform", "at risk"]);
    assert!(screen.contains("✓ 2027-01-25 Acme DWH 案件"), "{screen}");
    tmux.send(&["D"]);
    tmux.wait_for(&["╭ Deals", "[at risk]", "n new · e edit · c close"]);
    // Globex is the second deal by key: close it as lost.
    tmux.send(&["j", "c"]);
    tmux.wait_for(&["Close globex-ai: w won · l lost · d dropped"]);
    tmux.send(&["l"]);
    let screen = tmux.wait_for(&["closed deal globex-ai as lost"]);
    assert!(screen.contains("[lost]"), "{screen}");
    tmux.send(&["Escape"]);
    let screen = tmux.wait_for(&["── Deals · 1"]);
    assert!(!screen.contains("Globex"), "{screen}");
    tmux.send(&["u"]);
    tmux.wait_for(&["undid: close deal globex-ai as lost", "── Deals · 2"]);
    tmux.send(&["q"]);
    tmux.wait_for(&["sukima exited with 0"]);
}
