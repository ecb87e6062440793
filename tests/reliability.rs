//! Reliability (DESIGN 9): processes killed mid-write, concurrent writers, old, newer,
//! corrupt and foreign database files, and the terminal restored after a crash. These
//! drive the real binary; the tmux-based ones fail when tmux is missing, unless
//! `SUKIMA_SKIP_TMUX=1` skips them on purpose.
//!
//! `SUKIMA_CRASH_ROUNDS=N` runs N killed `sukima add` processes instead of the default 48
//! (and N/8 TUI kills), for a longer soak.

mod concurrency;
mod crash;
mod migration;
mod support;
mod terminal;
