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
