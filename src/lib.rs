//! sukima plans study sessions to renew expiring badges and certifications into the gaps
//! of a day (スキマ時間).
//!
//! The architecture is a pure core with thin layers around it:
//!
//! - [`domain`]: plain data and pure functions: badges and their status, spare time, the
//!   study log, the quick-add grammar and the planner. No I/O and no clock.
//! - [`store`]: the SQLite database (rusqlite): opening, migrations, one module per table,
//!   every user action one transaction, and the undo journal.
//! - [`config`]: `config.toml`, with defaults embedded from `assets/`.
//! - [`io`]: readers and writers of outside formats: the JSON backup, Credly downloads,
//!   CSV, iCalendar, and the demo data.
//! - [`net`]: what is fetched over the network (a public Credly profile's pages), handed
//!   to the same import as files.
//! - [`commands`]: one module per CLI subcommand, each an `Args` and a `run` over the store.
//! - `tui`: the full-screen planner (ratatui), an Elm-like loop over the same library.
//!
//! `main.rs` only parses arguments, dispatches, and maps errors to exit codes.

pub mod actions;
pub mod cli;
pub mod commands;
pub mod config;
pub mod domain;
pub mod io;
pub mod net;
pub mod planning;
pub mod store;
pub mod text;
pub mod tui;
