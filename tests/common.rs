//! A test environment: a temporary folder with its own database and config, a fixed clock.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// Wednesday morning, a fixed "now" for every command.
pub const NOW: &str = "2027-01-06T08:00";

#[derive(Debug)]
pub struct Env {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl Default for Env {
    fn default() -> Self {
        Env::new()
    }
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("sukima.db");
        Env { dir, db }
    }

    /// `sukima` with only our variables set.
    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("sukima").unwrap();
        c.env_clear()
            .env("SUKIMA_DB", &self.db)
            .env("SUKIMA_NOW", NOW)
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("NO_COLOR", "1");
        c
    }

    /// Runs `sukima ARGS` and returns stdout, asserting success.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "sukima {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs `sukima ARGS`, asserting exit code 1 and a one-line error; returns stderr.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(1), "sukima {args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(err.starts_with("error: "), "{err}");
        err
    }

    /// The whole database as a backup document: compares states.
    pub fn snapshot(&self) -> String {
        self.ok(&["export", "json", "-"])
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, content: &str) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, content).unwrap();
        p
    }
}

pub fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Whether the tests that drive the real binary in a terminal (tmux) run. They are never
/// skipped silently: without tmux they fail with the fix, unless `SUKIMA_SKIP_TMUX=1` is set
/// on purpose, in which case they skip (with a line on stderr), whether tmux is there or not.
pub fn tmux_ready() -> bool {
    if std::env::var_os("SUKIMA_SKIP_TMUX").is_some_and(|v| v == "1") {
        eprintln!("SUKIMA_SKIP_TMUX=1: skipping a test that needs tmux");
        return false;
    }
    let found = std::process::Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "tmux is not installed: install it (apt-get install tmux), \
         or set SUKIMA_SKIP_TMUX=1 to skip the terminal tests on purpose"
    );
    true
}
