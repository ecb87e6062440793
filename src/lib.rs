//! sukima plans study sessions to renew expiring badges and certifications into the gaps
//! of a day (スキマ時間).
//!
//! The architecture is a pure core with thin layers around it; each module imports only
//! the ones below it (a test checks this on the sources):
//!
//! - [`domain`]: plain data and pure functions: badges and their status, spare time, the
//!   study log, the quick-add grammar, the planner, and what a change did or why it was
//!   refused ([`domain::change`]). No I/O, no clock, no words a person reads.
//! - [`store`]: the SQLite database (rusqlite): opening, migrations, one module per table,
//!   every change one transaction, and the undo journal.
//! - [`config`]: `config.toml`, with defaults embedded from `assets/`.
//! - [`io`]: readers and writers of outside formats: the JSON backup, Credly downloads,
//!   CSV, iCalendar, and the demo data.
//! - [`net`]: what is fetched over the network (a public Credly profile's pages), handed
//!   to the same import as files.
//! - [`planning`]: the plan of the moment ([`planning::Overview`]) over the store.
//! - [`changes`]: the writes both front ends share, each returning a typed
//!   [`changes::Done`] or refusing with a [`changes::ChangeError`].
//! - [`present`]: what both front ends show: the catalogue of words per language
//!   ([`present::Texts`], implemented by [`present::En`] and [`present::Ja`]), the month
//!   as text, quick-add previews. Chosen once per run and passed down, never global.
//! - [`commands`]: one module per CLI subcommand, each an `Args` and a `run` over the
//!   store, with its own words in [`commands::texts`].
//! - `tui`: the full-screen planner (ratatui), an Elm-like loop over the same library; its
//!   own words are in `tui::texts`. `commands` and `tui` never import each other.
//!
//! A command runs `main` → `commands::open` (configuration, clock, store, and the language,
//! `auto` resolved from the locale there) → the subcommand → `planning` to read or
//! `changes` to write → words from `Ctx::texts` → stdout; an error is printed by `main` in
//! the same language. A key press runs `tui::app::App::update` → the open popup takes it
//! (it asks the key map what the key means and says what happened) or the key map turns it
//! into an `Action` → a write through `changes` → reload and re-plan → the next frame,
//! drawn by `tui::views` from the state alone.
//!
//! `main.rs` only parses arguments, dispatches, and maps errors to exit codes.

pub mod changes;
pub mod cli;
pub mod commands;
pub mod config;
pub mod domain;
pub mod io;
pub mod net;
pub mod planning;
pub mod present;
pub mod store;
pub mod text;
pub mod tui;
