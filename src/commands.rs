//! One module per subcommand: each takes the parsed arguments and a [`Ctx`] and writes its
//! output to the given writer. Human output is aligned text that respects CJK widths;
//! `--json` prints one JSON document.

pub mod add;
pub mod badge;
pub mod calendar;
pub mod config;
pub mod deal;
pub mod export;
pub mod ics;
pub mod import;
pub mod log;
pub mod plan;
pub mod session;
pub mod shell;
pub mod step;
pub mod texts;
pub mod window;

use crate::cli::{Cli, Command};
use crate::config::Config;
use crate::present::Texts;
use crate::present::usage::UsageError;
use crate::store::Store;
use anyhow::Result;
use chrono::{NaiveDate, NaiveDateTime};
use std::io::Write;
use std::path::PathBuf;

/// What every command works with: the open store, the configuration and the clock.
pub struct Ctx {
    pub store: Store,
    pub config: Config,
    /// The config file given with `--config`, if any.
    pub config_path: Option<PathBuf>,
    pub now: NaiveDateTime,
    /// Columns available for tables (`usize::MAX` when not writing to a terminal).
    pub width: usize,
    /// The database file a reading command was pointed at but that does not exist: it ran
    /// on an empty database in memory, and no file was created.
    pub missing_db: Option<PathBuf>,
    /// The words of the output and the errors, in the configured language (`auto`
    /// resolved from the locale when the run starts).
    pub texts: &'static dyn texts::CommandTexts,
}

impl Ctx {
    /// Today's date by the (possibly fixed) clock.
    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    /// The default effort of an issuer, in minutes.
    pub fn default_effort(&self, issuer: &str) -> u32 {
        self.config.issuer(issuer).default_effort.0
    }
}

/// Reads `--now`: `YYYY-MM-DDTHH:MM`, or a date (midnight).
pub fn parse_now(text: &str) -> Result<NaiveDateTime> {
    let t = text.trim();
    crate::domain::dates::parse_datetime(t)
        .or_else(|| {
            chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S")
                .ok()
                .or_else(|| {
                    crate::domain::dates::parse_ymd(t)
                        .ok()
                        .and_then(|d| d.and_hms_opt(0, 0, 0))
                })
        })
        .ok_or_else(|| UsageError::NowNotATime(t.to_string()).into())
}

/// The database file a run works on: `--db` (or `SUKIMA_DB`), else the platform's.
pub fn db_path(cli: &Cli) -> Result<PathBuf> {
    match &cli.db {
        Some(p) => Ok(p.clone()),
        None => crate::config::default_db_path().ok_or_else(|| UsageError::NoHome.into()),
    }
}

/// The words of a run, for what is said before (or instead of) opening it: the
/// configuration's language, else the locale's.
pub fn texts_for(cli: &Cli) -> &'static dyn Texts {
    let language = Config::load(cli.config.as_deref())
        .map_or(crate::config::Language::Auto, |c| c.ui.language);
    crate::present::texts::for_language(language.resolve(|k| std::env::var(k).ok()))
}

/// Opens the configuration, the clock and the store for a run.
pub fn open(cli: &Cli) -> Result<Ctx> {
    // `config set` may be what creates the file, and may mend a broken one.
    let setting = matches!(
        &cli.command,
        Some(Command::Config(crate::cli::ConfigArgs {
            action: Some(_),
            ..
        }))
    );
    let mut config = match Config::load(cli.config.as_deref()) {
        Err(_) if setting => Config::default(),
        other => other?,
    };
    // Decided once, here at the edge: everything below is handed the language.
    config.ui.language = config.ui.language.resolve(|k| std::env::var(k).ok());
    let texts = texts::for_language(config.ui.language);
    let now = match &cli.now {
        Some(t) => parse_now(t)?,
        None => config.now(),
    };
    let mut missing_db = None;
    let store = if cli.demo {
        demo_store(now.date())?
    } else {
        let path = db_path(cli)?;
        // A command that only reads does not create the database: a typo in --db or
        // SUKIMA_DB leaves no empty file behind, and there is nothing to read anyway.
        let reads_only = cli.command.as_ref().is_some_and(|c| !c.writes());
        if reads_only && !path.exists() {
            missing_db = Some(path);
            Store::open_in_memory()?
        } else {
            Store::open(&path)?
        }
    };
    let mut store = store;
    store.set_clock(cli.now.is_some().then_some(now));
    store.set_timezone(config.timezone());
    // COLUMNS when set (also into a pipe), else the terminal's width; a pipe without
    // COLUMNS gets whole lines.
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0);
    let width = match columns {
        Some(c) => c,
        None if std::io::IsTerminal::is_terminal(&std::io::stdout()) => {
            crossterm::terminal::size().map_or(100, |(w, _)| usize::from(w))
        }
        None => usize::MAX,
    };
    Ok(Ctx {
        store,
        config,
        config_path: cli.config.clone(),
        now,
        width,
        missing_db,
        texts,
    })
}

/// A fresh in-memory database with the demo data as of `today`.
pub fn demo_store(today: NaiveDate) -> Result<Store> {
    let mut store = Store::open_in_memory()?;
    let data = crate::io::demo::demo(today);
    store.seed(|tx| crate::changes::write_data(tx, &data))?;
    Ok(store)
}

/// Runs the subcommand (the caller handles `None`, the TUI).
pub fn run(ctx: &mut Ctx, command: Command, out: &mut dyn Write) -> Result<()> {
    match command {
        Command::Add { text } => add::run(ctx, &text.join(" "), out),
        Command::Undo => {
            let msg = crate::changes::undo(&mut ctx.store)?;
            writeln!(out, "{}", ctx.texts.done(&msg))?;
            Ok(())
        }
        Command::Badge(cmd) => badge::run(ctx, *cmd, out),
        Command::Window(cmd) => window::run(ctx, cmd, out),
        Command::Step(cmd) => step::run(ctx, cmd, out),
        Command::Deal(cmd) => deal::run(ctx, cmd, out),
        Command::Log(args) => log::run(ctx, &args, out),
        Command::Session(cmd) => session::run(ctx, cmd, out),
        Command::Redo => {
            let msg = crate::changes::redo(&mut ctx.store)?;
            writeln!(out, "{}", ctx.texts.done(&msg))?;
            Ok(())
        }
        Command::Import(cmd) => import::run(ctx, cmd, out),
        Command::Export(cmd) => export::run(ctx, cmd, out),
        Command::Config(args) => config::run(ctx, &args, out),
        Command::Plan(args) => plan::plan(ctx, &args, out),
        Command::Agenda(args) => plan::agenda(ctx, &args, out),
        Command::Due(args) => plan::due(ctx, &args, out),
        Command::Calendar(args) => calendar::run(ctx, &args, out),
        Command::Completions { .. } | Command::Man => run_self_description(&command, out),
    }
}

/// Runs `completions` or `man`, which need no [`Ctx`] (`main` runs them before opening
/// the configuration and the database); does nothing for any other command.
pub fn run_self_description(command: &Command, out: &mut dyn Write) -> Result<()> {
    match command {
        Command::Completions { shell } => shell::completions(*shell, out),
        Command::Man => shell::man(out),
        _ => Ok(()),
    }
}

/// Writes a JSON document and a newline.
pub fn print_json(out: &mut dyn Write, value: &impl serde::Serialize) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// Parses a date flag (YYYY-MM-DD or a vendor period); empty means "clear".
pub fn date_flag(flag: &'static str, value: &str) -> Result<Option<NaiveDate>> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    crate::domain::dates::parse_date_or_period(value)
        .map(Some)
        .map_err(|error| UsageError::Date { flag, error }.into())
}
