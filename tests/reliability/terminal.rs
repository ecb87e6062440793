//! The terminal is given back after the planner ends by a panic, SIGTERM, SIGHUP, SIGINT or
//! Ctrl-C: the normal screen (not the alternate one), and a shell that echoes what is
//! typed (no raw mode left behind). The planner runs from a shell in a tmux pane.

use super::crash::env_with_badge;
use super::support::{Tmux, bin, pane_env, signal};
use crate::common::tmux_ready;
use std::time::Duration;

/// How the planner is made to stop.
enum End {
    Panic,
    Signal(&'static str),
    Keys(&'static [&'static str]),
}

/// Starts a shell, runs the planner from it, ends it as `how`, and checks the terminal;
/// returns the screen after the end.
fn run_and_end(how: End) -> String {
    let env = env_with_badge();
    let tmux = Tmux::start(&format!("{} PS1='$ ' sh", pane_env(env.dir.path())));
    tmux.wait_for(Duration::from_secs(5), "the shell prompt", |s| {
        s.contains('$')
    });
    // The shell stays, to take the terminal back and say how the planner ended.
    tmux.type_text(&format!(
        "SUKIMA_PANIC_ON_KEY=1 {} --db {}; echo \"ended with $?\"",
        bin(),
        env.db.display()
    ));
    tmux.keys(&["Enter"]);
    tmux.wait_for(Duration::from_secs(10), "the planner", |s| {
        s.contains("Today")
    });
    assert_eq!(
        tmux.display("#{alternate_on}"),
        "1",
        "the planner uses the alternate screen"
    );
    match how {
        End::Panic => tmux.keys(&["F12"]),
        End::Signal(sig) => {
            let shell = tmux.display("#{pane_pid}");
            let out = std::process::Command::new("pgrep")
                .args(["-P", &shell])
                .output()
                .unwrap();
            let pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
            assert!(!pid.is_empty() && !pid.contains('\n'), "one child: {pid:?}");
            signal(&pid, sig);
        }
        End::Keys(keys) => tmux.keys(keys),
    }
    let (screen, _) = tmux.wait_for(Duration::from_secs(5), "the end", |s| {
        s.contains("ended with")
    });
    assert_eq!(
        tmux.display("#{alternate_on}"),
        "0",
        "back on the normal screen:\n{screen}"
    );
    // Cooked mode again: what is typed is echoed, and Enter runs it.
    tmux.type_text("echo typed-$((40+2))");
    tmux.keys(&["Enter"]);
    let (screen, _) = tmux.wait_for(Duration::from_secs(5), "the shell to answer", |s| {
        s.contains("typed-42")
    });
    assert!(
        screen.contains("echo typed-$((40+2))"),
        "typing is echoed:\n{screen}"
    );
    // Mouse reporting is off again too.
    assert_eq!(
        tmux.display("#{mouse_any_flag}"),
        "0",
        "mouse capture left on"
    );
    screen
}

#[test]
fn terminal_restored_after_a_panic() {
    if !tmux_ready() {
        return;
    }
    let screen = run_and_end(End::Panic);
    assert!(
        screen.contains("panic requested with F12"),
        "the panic message:\n{screen}"
    );
    assert!(screen.contains("ended with 101"), "{screen}");
}

#[test]
fn terminal_restored_after_sigterm() {
    if !tmux_ready() {
        return;
    }
    let screen = run_and_end(End::Signal("TERM"));
    assert!(screen.contains("ended with "), "{screen}");
}

#[test]
fn terminal_restored_after_sighup() {
    if !tmux_ready() {
        return;
    }
    run_and_end(End::Signal("HUP"));
}

#[test]
fn terminal_restored_after_ctrl_c() {
    if !tmux_ready() {
        return;
    }
    let screen = run_and_end(End::Keys(&["C-c"]));
    assert!(screen.contains("ended with 0"), "{screen}");
}

#[test]
fn terminal_restored_after_sigint() {
    if !tmux_ready() {
        return;
    }
    run_and_end(End::Signal("INT"));
}
