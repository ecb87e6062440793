//! `sukima import credly|csv|json|ics`.

use super::Ctx;
use crate::changes;
use crate::changes::import::{read_bytes, read_text};
use crate::cli::ImportCommand;
use crate::io::backup;
use anyhow::Result;
use std::io::Write;

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
            let msg = changes::restore(&mut ctx.store, &data, replace)?;
            writeln!(out, "{}", ctx.texts.done(&msg))?;
        }
        ImportCommand::Credly { files, user } => {
            let (loaded, what) = match user.or_else(|| profile_address(&files)) {
                Some(profile) => fetch_with_progress(&profile)?,
                None => (
                    files
                        .iter()
                        .map(|f| Ok((f.display().to_string(), read_bytes(f)?)))
                        .collect::<Result<Vec<_>>>()?,
                    describe_files("credly", &files),
                ),
            };
            let import = crate::io::credly::parse(&loaded)?;
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

/// A lone `http(s)://` argument is a profile to fetch, as with `--user`.
fn profile_address(files: &[std::path::PathBuf]) -> Option<String> {
    match files {
        [one] => one
            .to_str()
            .filter(|t| t.starts_with("https://") || t.starts_with("http://"))
            .map(str::to_string),
        _ => None,
    }
}

/// Every page of a public Credly profile, with progress on standard error when that is a
/// terminal (cleared at the end, so a failure is still one line).
fn fetch_with_progress(profile: &str) -> Result<(crate::net::credly::Pages, String)> {
    use std::io::IsTerminal;
    let terminal = std::io::stderr().is_terminal();
    let mut shown = false;
    let result = changes::import::fetch_profile(profile, &mut |user, p| {
        if terminal {
            let of = p.total.map(|t| format!(" of {t}")).unwrap_or_default();
            eprint!(
                "\r\x1b[Kfetching Credly profile {user}: page {}{of}",
                p.page
            );
            shown = true;
        }
    });
    if shown {
        eprint!("\r\x1b[K");
    }
    result
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
    let plan = changes::import_badges(
        &mut ctx.store,
        import,
        ctx.now.date(),
        &|issuer| config.issuer(issuer).default_effort.0,
        &config.known_issuers(std::iter::empty()),
        what,
    )?;
    writeln!(out, "{}", plan.report())?;
    Ok(())
}
