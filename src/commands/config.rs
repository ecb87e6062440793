//! `sukima config`: the effective configuration, or where it is read from.

use super::Ctx;
use anyhow::Result;
use std::io::Write;

/// Prints the configuration as TOML (defaults included), or its path with `--path`.
pub fn run(ctx: &Ctx, args: &crate::cli::ConfigArgs, out: &mut dyn Write) -> Result<()> {
    if args.path {
        match crate::config::default_path() {
            Some(p) => writeln!(out, "{}", p.display())?,
            None => writeln!(out, "(no config folder on this system: use --config PATH)")?,
        }
        return Ok(());
    }
    write!(out, "{}", ctx.config.to_toml())?;
    Ok(())
}
