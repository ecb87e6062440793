//! `sukima log`: the study log.

use super::{Ctx, date_flag, print_json};
use crate::domain::dates::hm;
use crate::domain::duration::format_minutes;
use crate::store::{badges, log};
use crate::text::{Align, table};
use anyhow::Result;
use std::io::Write;

/// Prints the study log, oldest first.
pub fn run(ctx: &Ctx, args: &crate::cli::LogArgs, out: &mut dyn Write) -> Result<()> {
    let since = match &args.since {
        Some(s) => date_flag("since", s)?,
        None => None,
    };
    let conn = ctx.store.conn();
    if let Some(k) = &args.badge
        && !badges::key_exists(conn, k)?
    {
        return Err(crate::actions::unknown_badge(conn, k));
    }
    let entries: Vec<_> = log::all(conn, since)?
        .into_iter()
        .filter(|e| args.badge.as_ref().is_none_or(|k| *k == e.badge))
        .collect();
    if args.json {
        let docs: Vec<serde_json::Value> = entries
            .iter()
            .map(|e| {
                serde_json::json!({
                    "id": e.id, "badge": e.badge, "date": e.date.to_string(),
                    "start": e.start.map(hm), "minutes": e.minutes, "note": e.note,
                })
            })
            .collect();
        return print_json(out, &docs);
    }
    if entries.is_empty() {
        if since.is_some() || args.badge.is_some() {
            writeln!(out, "Nothing logged that matches.")?;
        } else {
            writeln!(
                out,
                "Nothing logged yet. Log study with `sukima add \"30m #KEY\"`."
            )?;
        }
        return Ok(());
    }
    let total: u32 = entries.iter().map(|e| e.minutes).sum();
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            vec![
                e.date.to_string(),
                e.start.map(hm).unwrap_or_default(),
                format_minutes(e.minutes),
                e.badge.clone(),
                e.note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    write!(
        out,
        "{}",
        table(
            &["DATE", "START", "TIME", "BADGE", "NOTE"],
            &[
                Align::Left,
                Align::Left,
                Align::Right,
                Align::Left,
                Align::Left
            ],
            &rows,
            4,
            ctx.width,
        )
    )?;
    writeln!(
        out,
        "{} entries, {} in all",
        entries.len(),
        format_minutes(total)
    )?;
    Ok(())
}
