//! `sukima import credly|csv|json|ics`.

use super::Ctx;
use crate::actions;
use crate::cli::ImportCommand;
use crate::io::backup;
use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;

/// Runs an `import` subcommand.
pub fn run(ctx: &mut Ctx, cmd: ImportCommand, out: &mut dyn Write) -> Result<()> {
    match cmd {
        ImportCommand::Json { file, replace } => {
            let text = read_text(&file)?;
            let config = ctx.config.clone();
            let data = backup::from_json(&text, &file.display().to_string(), &|issuer| {
                config.issuer(issuer).default_effort.0
            })
            .map_err(anyhow::Error::msg)?;
            let msg = actions::restore(&mut ctx.store, &data, replace)?;
            writeln!(out, "{msg}")?;
        }
        ImportCommand::Credly { files } => {
            let loaded = files
                .iter()
                .map(|f| Ok((f.display().to_string(), read_bytes(f)?)))
                .collect::<Result<Vec<_>>>()?;
            let import = crate::io::credly::parse(&loaded)?;
            let what = describe_files("credly", &files);
            badges(ctx, &import, &what, out)?;
        }
        ImportCommand::Csv { file } => {
            let import = crate::io::csv::parse(&file.display().to_string(), &read_bytes(&file)?)?;
            badges(
                ctx,
                &import,
                &describe_files("csv", std::slice::from_ref(&file)),
                out,
            )?;
        }
        ImportCommand::Ics { file, name } => super::ics::import(ctx, &file, name, out)?,
    }
    Ok(())
}

fn describe_files(kind: &str, files: &[std::path::PathBuf]) -> String {
    match files {
        [one] => format!("{kind} {}", one.display()),
        many => format!("{kind} ({} files)", many.len()),
    }
}

fn badges(
    ctx: &mut Ctx,
    import: &crate::io::Import,
    what: &str,
    out: &mut dyn Write,
) -> Result<()> {
    let config = ctx.config.clone();
    let plan = actions::import_badges(
        &mut ctx.store,
        import,
        ctx.now.date(),
        &|issuer| config.issuer(issuer).default_effort.0,
        what,
    )?;
    writeln!(out, "{}", plan.report())?;
    Ok(())
}

/// Imports whatever the file is, for the TUI's import prompt: a Credly download, an Open
/// Badges assertion, a CSV file, or an iCalendar file of busy time. A sukima backup is
/// refused here (it replaces everything: use `sukima import json`).
pub fn import_any(
    store: &mut crate::store::Store,
    config: &crate::config::Config,
    now: chrono::NaiveDateTime,
    file: &Path,
) -> Result<String> {
    let bytes = read_bytes(file)?;
    let name = file.display().to_string();
    let ext = file
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let effort = |issuer: &str| config.issuer(issuer).default_effort.0;
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_string();
    let import = if ext == "csv" || ext == "tsv" {
        crate::io::csv::parse(&name, &bytes)?
    } else if ext == "ics"
        || head
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with("BEGIN:VCALENDAR")
    {
        return super::ics::import_busy(store, config, now, file, &bytes, None);
    } else if head.contains("\"sukima-backup\"") {
        anyhow::bail!(
            "{name} is a sukima backup: restore it with `sukima import json {name} --replace`"
        );
    } else if head.contains("\"Assertion\"") || head.contains("\"issuedOn\"") {
        crate::io::openbadges::parse(&[(name.clone(), bytes)])?
    } else {
        crate::io::credly::parse(&[(name.clone(), bytes)])?
    };
    let plan = actions::import_badges(
        store,
        &import,
        now.date(),
        &effort,
        &format!("{} {name}", import.source.as_str()),
    )?;
    Ok(plan.report())
}

/// Reads a whole file (`-` for standard input) as bytes.
pub fn read_bytes(file: &Path) -> Result<Vec<u8>> {
    if file == Path::new("-") {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)?;
        return Ok(buf);
    }
    std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))
}

/// Reads a whole file as UTF-8 text.
pub fn read_text(file: &Path) -> Result<String> {
    let bytes = read_bytes(file)?;
    String::from_utf8(bytes).map_err(|_| {
        anyhow::anyhow!(
            "{} is not UTF-8 text; is it the right file?",
            file.display()
        )
    })
}
