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
        ImportCommand::Credly { .. } | ImportCommand::Csv { .. } | ImportCommand::Ics { .. } => {
            anyhow::bail!("TODO(wiring): not wired yet")
        }
    }
    Ok(())
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
