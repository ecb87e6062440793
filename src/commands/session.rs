//! `sukima session list/done/skip/move/unpin`: act on a session of the plan from the
//! shell, as the planner's keys do (DESIGN 1). A session is named by `next` or by its
//! start, `YYYY-MM-DDTHH:MM`.

use super::{Ctx, print_json};
use crate::changes::{self, ChangeError};
use crate::cli::SessionCommand;
use crate::domain::dates::ymd_hm;
use crate::domain::duration::format_minutes;
use crate::domain::plan::Session;
use crate::domain::session::{self, SessionName};
use crate::planning::Overview;
use crate::text::{Align, table};
use anyhow::Result;
use std::io::Write;

/// Runs a `session` subcommand.
pub fn run(ctx: &mut Ctx, cmd: SessionCommand, out: &mut dyn Write) -> Result<()> {
    let ov = Overview::load(ctx.store.conn(), &ctx.config, ctx.now)?;
    let sessions = ov.actionable();
    let find = |name: &str| -> Result<Session> {
        let name = SessionName::parse(name).map_err(ChangeError::NoSession)?;
        Ok(session::find(&sessions, name)
            .map_err(ChangeError::NoSession)?
            .clone())
    };
    let done = match cmd {
        SessionCommand::List { json } => return list(ctx, &ov, &sessions, json, out),
        SessionCommand::Done { session, minutes } => {
            let s = find(&session)?;
            let minutes = match minutes {
                Some(m) => minutes_flag(&m)?,
                None => s.minutes(),
            };
            changes::session::done(&mut ctx.store, &s, minutes)?
        }
        SessionCommand::Skip { session } => {
            let s = find(&session)?;
            changes::session::skip(&mut ctx.store, &s)?
        }
        SessionCommand::Move {
            session,
            to,
            anyway,
        } => {
            let s = find(&session)?;
            let all = &ov.all_badges;
            let target = session::parse_move(&to, ctx.now, &s.badge, s.minutes(), all)
                .map_err(|e| anyhow::anyhow!("--to: {}", ctx.texts.parse_error(&e)))?;
            changes::session::move_to(&mut ctx.store, &s, target.start, anyway, ctx.now)?
        }
        SessionCommand::Unpin { session } => {
            let s = find(&session)?;
            if !s.pinned {
                return Err(anyhow::anyhow!(ctx.texts.not_pinned(&s.badge, s.start)));
            }
            let id = ov
                .pinned
                .iter()
                .find(|p| p.badge == s.badge && p.start == s.start)
                .and_then(|p| p.id)
                .unwrap_or_default();
            changes::remove_pin(&mut ctx.store, id)?
        }
    };
    writeln!(out, "{}", ctx.texts.done(&done))?;
    Ok(())
}

/// `--minutes`: whole minutes (`45`) or a duration (`1h30m`), 1 minute to a day.
pub fn minutes_flag(text: &str) -> Result<u32> {
    let t = text.trim();
    let m = match t.parse::<u32>() {
        Ok(m) => m,
        Err(_) => crate::domain::parse_duration(t).map_err(|_| {
            anyhow::Error::from(crate::present::usage::UsageError::NotMinutes(t.to_string()))
        })?,
    };
    if !session::minutes_ok(m) {
        return Err(ChangeError::BadMinutes { minutes: m }.into());
    }
    Ok(m)
}

fn list(
    ctx: &Ctx,
    ov: &Overview,
    sessions: &[Session],
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let overdue = |s: &Session| s.end <= ctx.now;
    if json {
        let docs: Vec<serde_json::Value> = sessions
            .iter()
            .map(|s| {
                serde_json::json!({
                    "badge": s.badge,
                    "start": ymd_hm(s.start),
                    "end": ymd_hm(s.end),
                    "minutes": s.minutes(),
                    "pinned": s.pinned,
                    "overdue": overdue(s),
                    "conflict": ov.conflict(s).is_some(),
                    // The title of the step it advances (as in `plan --json`).
                    "step": ov.step_of(s).map(|st| st.title.as_str()),
                })
            })
            .collect();
        return print_json(out, &docs);
    }
    if sessions.is_empty() {
        writeln!(out, "{}", ctx.texts.no_sessions_listed())?;
        return Ok(());
    }
    let rows: Vec<Vec<String>> = sessions
        .iter()
        .map(|s| {
            vec![
                ymd_hm(s.start),
                s.end.format("%H:%M").to_string(),
                format_minutes(s.minutes()),
                s.badge.clone(),
                ctx.texts
                    .session_state(s.pinned, overdue(s), ov.conflict(s).is_some())
                    .to_string(),
            ]
        })
        .collect();
    write!(
        out,
        "{}",
        table(
            &ctx.texts.session_headers(),
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
    Ok(())
}
