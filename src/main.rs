//! The `sukima` binary: parse arguments, dispatch, map errors to exit codes
//! (0 ok, 1 user error, 2 usage; a closed pipe is a quiet success).

use clap::Parser;
use std::io::Write;
use std::process::ExitCode;
use sukima::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    // The language of the errors, chosen before anything can fail.
    let texts = sukima::commands::texts_for(&cli);
    // A failed command leaves behind no database, stamp or folder that it created.
    let new_files = (!cli.demo)
        .then(|| sukima::commands::db_path(&cli).ok())
        .flatten()
        .and_then(|db| sukima::store::NewFiles::before_open(&db));
    let result = run(cli);
    if let (Err(e), Some(files)) = (&result, &new_files)
        && !is_broken_pipe(e)
    {
        files.remove_if_unused();
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "{}: {}",
                texts.error_word(),
                texts.error(&e)
            );
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    if let Some(command) = cli.command.as_ref().filter(|c| c.is_self_description()) {
        // No configuration, clock or database: a broken config file or a database that
        // cannot be opened must not keep a shell from loading its completions.
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        sukima::commands::run_self_description(command, &mut out)?;
        out.flush()?;
        return Ok(());
    }
    let mut ctx = sukima::commands::open(&cli)?;
    let Some(command) = cli.command else {
        // After opening, so a file sukima refuses is reported the same way everywhere.
        if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
            anyhow::bail!(ctx.texts.needs_terminal());
        }
        let fixed_now = cli.now.is_some().then_some(ctx.now);
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let mut app = sukima::tui::app::App::new(ctx.store, ctx.config, fixed_now, no_color)?;
        app.config_path = ctx.config_path;
        app.demo = cli.demo;
        return sukima::tui::run(app);
    };
    let demo_write = cli.demo && command.writes();
    // A shell prompt's `due` and `config` stay quiet; a listing says why it is empty.
    let missing = ctx
        .missing_db
        .clone()
        .filter(|_| !matches!(command, Command::Due(_) | Command::Config(_)));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    sukima::commands::run(&mut ctx, command, &mut out)?;
    out.flush()?;
    if demo_write {
        eprintln!("{}", ctx.texts.demo_not_kept());
    }
    if let Some(path) = missing {
        eprintln!("{}", ctx.texts.no_database_yet(&path.display().to_string()));
    }
    Ok(())
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    let pipe = Some(std::io::ErrorKind::BrokenPipe);
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().map(std::io::Error::kind) == pipe
            || c.downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == pipe
    })
}
