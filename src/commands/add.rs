//! `sukima add "TEXT"`: quick-add from the command line.

use super::Ctx;
use crate::changes;
use crate::domain::quick_add;
use crate::store::badges;
use anyhow::Result;
use std::io::Write;

/// Parses the line and writes what it means; prints what was written.
pub fn run(ctx: &mut Ctx, text: &str, out: &mut dyn Write) -> Result<()> {
    let all = badges::all(ctx.store.conn())?;
    let intent = quick_add::parse(text, ctx.now, &all)?;
    let conflicts = changes::apply_intent(&mut ctx.store, &intent)?;
    writeln!(
        out,
        "{}",
        ctx.texts.intent(&intent, &all, ctx.today(), false)
    )?;
    if conflicts > 0 {
        writeln!(out, "{}", ctx.texts.blackout_conflicts(conflicts))?;
    }
    Ok(())
}
