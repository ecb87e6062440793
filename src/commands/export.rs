//! `sukima export json|ics`.

use super::Ctx;
use crate::changes;
use crate::cli::ExportCommand;
use crate::io::FileError;
use crate::io::backup;
use anyhow::Result;
use std::io::Write;
use std::path::Path;

/// Runs an `export` subcommand.
pub fn run(ctx: &mut Ctx, cmd: ExportCommand, out: &mut dyn Write) -> Result<()> {
    match cmd {
        ExportCommand::Json { file } => {
            let data = changes::load_all(ctx.store.conn())?;
            let text = backup::to_json(&data);
            write_file(&file, &text, out)?;
            if file != Path::new("-") {
                let counts = changes::counts(&data);
                writeln!(
                    out,
                    "{}",
                    ctx.texts.exported(counts, &file.display().to_string())
                )?;
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
    // Checked first, so the error names what the user typed rather than a temporary file.
    if file.is_dir() {
        return Err(FileError::FolderToWrite {
            path: file.display().to_string(),
            example: file.join("sukima-backup.json").display().to_string(),
        }
        .into());
    }
    if !dir.is_dir() {
        return Err(FileError::NoFolder {
            path: file.display().to_string(),
            folder: dir.display().to_string(),
        }
        .into());
    }
    // tempfile adds the temporary file's path to its errors: not the user's business.
    let cannot = |e: std::io::Error| {
        let text = e.to_string();
        let text = text
            .split(" at path ")
            .next()
            .unwrap_or_default()
            .to_string();
        anyhow::Error::from(FileError::Write {
            path: file.display().to_string(),
            reason: text,
            kind: e.kind(),
        })
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(cannot)?;
    tmp.write_all(text.as_bytes()).map_err(cannot)?;
    tmp.persist(file).map_err(|e| cannot(e.error))?;
    Ok(())
}
