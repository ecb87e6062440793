//! `sukima export json|ics`.

use super::Ctx;
use crate::actions;
use crate::cli::ExportCommand;
use crate::io::backup;
use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;

/// Runs an `export` subcommand.
pub fn run(ctx: &mut Ctx, cmd: ExportCommand, out: &mut dyn Write) -> Result<()> {
    match cmd {
        ExportCommand::Json { file } => {
            let data = actions::load_all(ctx.store.conn())?;
            let text = backup::to_json(&data);
            write_file(&file, &text, out)?;
            if file != Path::new("-") {
                writeln!(out, "exported {} to {}", data.summary(), file.display())?;
            }
        }
        ExportCommand::Ics { file } => super::ics::export(ctx, &file, out)?,
    }
    Ok(())
}

/// Writes `text` to `file` atomically (a temporary file renamed over it), or to `out`
/// for `-`.
pub fn write_file(file: &Path, text: &str, out: &mut dyn Write) -> Result<()> {
    if file == Path::new("-") {
        out.write_all(text.as_bytes())?;
        return Ok(());
    }
    let dir = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot write to {}", dir.display()))?;
    tmp.write_all(text.as_bytes())
        .with_context(|| format!("cannot write {}", file.display()))?;
    tmp.persist(file)
        .with_context(|| format!("cannot write {}", file.display()))?;
    Ok(())
}
