//! Helpers: a tmux session on a private socket, a small seeded random source, and a
//! direct look into the database file.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// The binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_sukima")
}

/// A number from the environment, or `default`.
pub fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// xorshift64*, seeded from the clock (or `SUKIMA_CRASH_SEED`) and printed, so a failing
/// run can be repeated.
pub struct Rng(u64);

impl Rng {
    pub fn seeded(what: &str) -> Rng {
        let seed = env_number(
            "SUKIMA_CRASH_SEED",
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64),
        ) | 1;
        eprintln!("{what}: SUKIMA_CRASH_SEED={seed}");
        Rng(seed)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
    }
}

/// `PRAGMA integrity_check` of the file, through a connection of our own.
pub fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    let rows: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    rows.join("; ")
}

/// The notes of every log entry, in id order.
pub fn log_notes(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.prepare("SELECT coalesce(note, '') FROM log ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// A tmux server of our own (its socket in a temporary folder, no user config) with one
/// 100x30 session. Killed on drop.
pub struct Tmux {
    socket: PathBuf,
    _dir: tempfile::TempDir,
}

impl Tmux {
    /// Starts `command` (run by `sh -c`) as the only pane.
    pub fn start(command: &str) -> Tmux {
        let dir = tempfile::tempdir().unwrap();
        let t = Tmux {
            socket: dir.path().join("tmux.sock"),
            _dir: dir,
        };
        let out = t
            .cmd()
            .args([
                "new-session",
                "-d",
                "-s",
                "t",
                "-x",
                "100",
                "-y",
                "30",
                command,
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        // Keep the pane (and its last screen) when the program in it ends.
        t.run(&["set-option", "-g", "remain-on-exit", "on"]);
        t
    }

    fn cmd(&self) -> Command {
        let mut c = Command::new("tmux");
        c.arg("-S").arg(&self.socket).args(["-f", "/dev/null"]);
        c
    }

    /// Runs a tmux command, returning its stdout.
    pub fn run(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        String::from_utf8_lossy(&out.stdout).to_string()
    }

    /// Sends keys by their tmux names (`Enter`, `F12`, `C-c`).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Types text literally.
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "t", "-l", text]);
    }

    /// The visible screen, as text.
    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "t"])
    }

    /// A tmux format evaluated for the pane (`#{alternate_on}`, `#{pane_pid}`).
    pub fn display(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", "t", format])
            .trim()
            .to_string()
    }

    /// Polls the screen until `pred` holds, giving up after `limit`: returns the screen and
    /// how long it took.
    pub fn wait_for(
        &self,
        limit: Duration,
        what: &str,
        pred: impl Fn(&str) -> bool,
    ) -> (String, Duration) {
        let started = Instant::now();
        loop {
            let screen = self.screen();
            if pred(&screen) {
                return (screen, started.elapsed());
            }
            assert!(
                started.elapsed() < limit,
                "timed out after {limit:?} waiting for {what}; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the pane's program has ended (tmux's `pane_dead`).
    pub fn wait_dead(&self, limit: Duration) {
        let started = Instant::now();
        while self.display("#{pane_dead}") != "1" {
            assert!(
                started.elapsed() < limit,
                "the pane did not end: {}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd().arg("kill-server").output();
    }
}

/// The planner on `env`'s database in a fresh tmux pane, once it shows its first screen.
pub fn start_planner(env: &crate::common::Env) -> Tmux {
    let tmux = Tmux::start(&format!(
        "exec {} {} --db {}",
        pane_env(env.dir.path()),
        bin(),
        env.db.display()
    ));
    tmux.wait_for(Duration::from_secs(10), "the planner", |s| {
        s.contains("Today")
    });
    tmux
}

/// The environment for a program in a pane: nothing from ours but a fixed clock.
pub fn pane_env(home: &Path) -> String {
    format!(
        "env -i HOME={home} PATH=/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 \
         SUKIMA_NOW=2027-01-06T08:00 NO_COLOR=1",
        home = home.display()
    )
}

/// Sends SIGKILL (or another signal) to a process by its id.
pub fn signal(pid: &str, sig: &str) {
    let st = Command::new("kill")
        .args([&format!("-{sig}"), pid])
        .status()
        .unwrap();
    assert!(st.success(), "kill -{sig} {pid}");
}

/// `sukima` as a `std::process::Command`, to spawn and kill: the environment of
/// `Env::cmd` (only our variables, a fixed clock).
pub fn sukima(env: &crate::common::Env) -> Command {
    let mut c = Command::new(bin());
    c.env_clear()
        .env("SUKIMA_DB", &env.db)
        .env("SUKIMA_NOW", crate::common::NOW)
        .env("HOME", env.dir.path())
        .env("XDG_CONFIG_HOME", env.dir.path().join("config"))
        .env("XDG_DATA_HOME", env.dir.path().join("data"))
        .env("NO_COLOR", "1");
    c
}
