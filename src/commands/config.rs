//! `sukima config`: the effective configuration, or where it is read from.

use super::Ctx;
use anyhow::Result;
use std::io::Write;

/// Prints the configuration as TOML (defaults included), or its path with `--path`.
pub fn run(ctx: &Ctx, args: &crate::cli::ConfigArgs, out: &mut dyn Write) -> Result<()> {
    if let Some(crate::cli::ConfigCommand::Set { key, value }) = &args.action {
        let path = ctx
            .config_path
            .clone()
            .or_else(crate::config::default_path)
            .ok_or_else(|| {
                anyhow::Error::from(crate::present::usage::UsageError::NoConfigFolder)
            })?;
        let old = crate::config::set_in_file(&path, key, value)?;
        match old {
            Some(o) if o == value.trim() => {
                writeln!(out, "{key} is already {o} in {}", path.display())?;
            }
            Some(o) => writeln!(
                out,
                "{key} = {} in {} (was {o})",
                value.trim(),
                path.display()
            )?,
            None => writeln!(out, "{key} = {} in {}", value.trim(), path.display())?,
        }
        return Ok(());
    }
    if args.path {
        match crate::config::default_path() {
            Some(p) => writeln!(out, "{}", p.display())?,
            None => writeln!(out, "(no config folder on this system: use --config PATH)")?,
        }
        return Ok(());
    }
    let text = ctx.config.to_toml();
    write!(out, "{text}")?;
    if text.trim_end().ends_with("[ui.keys]") {
        writeln!(
            out,
            "# none rebound; for example: \"ctrl-n\" = \"quick_add\" (the help overlay, ?, lists every action)"
        )?;
    }
    Ok(())
}
