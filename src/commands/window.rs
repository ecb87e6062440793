//! `sukima window add/list/rm`: spare time, blackouts and imported busy time.

use super::{Ctx, print_json};
use crate::changes;
use crate::cli::WindowCommand;
use crate::domain::quick_add;
use crate::io::backup::window_json;
use crate::store::{busy, windows};
use crate::text::{Align, table};
use anyhow::Result;
use std::io::Write;

/// Runs a `window` subcommand.
pub fn run(ctx: &mut Ctx, cmd: WindowCommand, out: &mut dyn Write) -> Result<()> {
    match cmd {
        WindowCommand::Add { text, off } => {
            let text = text.join(" ");
            let w = if off {
                quick_add::parse_off(&text, ctx.now)?
            } else {
                quick_add::parse_free(&text, ctx.now)?
            };
            let msg = changes::add_window(&mut ctx.store, &w)?;
            writeln!(out, "{}", ctx.texts.done(&msg))?;
        }
        WindowCommand::List { json } => list(ctx, json, out)?,
        WindowCommand::Rm { id_or_source } => {
            let msg = match id_or_source.trim().parse::<i64>() {
                Ok(id) => changes::remove_window(&mut ctx.store, id)?,
                Err(_) => changes::remove_busy_source(&mut ctx.store, id_or_source.trim())?,
            };
            writeln!(out, "{}", ctx.texts.done(&msg))?;
        }
    }
    Ok(())
}

fn list(ctx: &Ctx, json: bool, out: &mut dyn Write) -> Result<()> {
    let conn = ctx.store.conn();
    let all = windows::all(conn)?;
    let sources = busy::sources(conn)?;
    if json {
        let mut docs: Vec<serde_json::Value> = all
            .iter()
            .map(|w| {
                let mut v = window_json(w);
                if let Some(m) = v.as_object_mut() {
                    m.insert("id".into(), w.id.into());
                }
                v
            })
            .collect();
        for (source, count, first, last) in &sources {
            docs.push(serde_json::json!({
                "kind": "busy", "source": source, "events": count,
                "from": first, "to": last,
            }));
        }
        return print_json(out, &docs);
    }
    if all.is_empty() && sources.is_empty() {
        writeln!(out, "{}", ctx.texts.no_windows())?;
        return Ok(());
    }
    let rows: Vec<Vec<String>> = all
        .iter()
        .map(|w| {
            let kind = match w.kind {
                crate::domain::spare::WindowKind::Weekly { .. } => "weekly",
                crate::domain::spare::WindowKind::Once { .. } => "once",
                crate::domain::spare::WindowKind::Blackout { .. } => "blackout",
            };
            vec![
                w.id.unwrap_or_default().to_string(),
                ctx.texts.window_kind(kind).to_string(),
                crate::present::window::describe(w),
            ]
        })
        .chain(sources.iter().map(|(source, count, first, last)| {
            vec![
                source.clone(),
                ctx.texts.window_kind("busy").to_string(),
                ctx.texts.busy_summary(
                    source == crate::changes::session::SKIPPED,
                    *count,
                    first,
                    last,
                ),
            ]
        }))
        .collect();
    write!(
        out,
        "{}",
        table(
            &ctx.texts.window_headers(),
            &[Align::Right, Align::Left, Align::Left],
            &rows,
            2,
            ctx.width,
        )
    )?;
    Ok(())
}
