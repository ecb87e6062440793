//! `sukima export ics` and `sukima import ics`: sessions and renewal dates out to a
//! calendar, busy time in from one.

use super::Ctx;
use crate::changes::import::{import_busy, local_timezone, read_bytes};
use crate::io::ics::{self, BadgeDates, ExportSession};
use crate::planning::Overview;
use anyhow::Result;
use chrono::TimeZone;
use std::io::Write;
use std::path::Path;

/// `sukima export ics FILE`.
pub fn export(ctx: &Ctx, file: &Path, out: &mut dyn Write) -> Result<()> {
    let ov = Overview::load(ctx.store.conn(), &ctx.config, ctx.now)?;
    let tz = local_timezone(&ctx.config);
    let sessions: Vec<ExportSession> = ov
        .plan
        .sessions
        .iter()
        .map(|s| ExportSession {
            badge_key: s.badge.clone(),
            badge_name: ov.name(&s.badge).to_string(),
            start: s.start,
            end: s.end,
            pinned: s.pinned,
            step: ov.step_of(s).map(crate::domain::step::SessionStep::label),
            url: ov.step_of(s).and_then(|st| {
                st.url
                    .clone()
                    .or_else(|| ov.badge(&s.badge).and_then(|b| b.badge.url.clone()))
            }),
        })
        .collect();
    let dates: Vec<BadgeDates> = ov
        .badges
        .iter()
        .filter(|b| !b.badge.archived)
        .map(|b| {
            BadgeDates::from_badge(
                &b.badge,
                ctx.config.issuer(&b.badge.issuer).renewal_window_days,
            )
        })
        .collect();
    let stamp = tz
        .from_local_datetime(&ctx.now)
        .earliest()
        .map_or_else(|| ctx.now.and_utc(), |t| t.with_timezone(&chrono::Utc));
    let deals: Vec<ics::ExportDeal> = ov
        .open_deals()
        .into_iter()
        .map(|d| ics::ExportDeal {
            key: d.deal.key.clone(),
            name: d.deal.name.clone(),
            by: d.deal.by,
            needs: d
                .deal
                .needs
                .iter()
                .map(|k| ov.name(k).to_string())
                .collect(),
        })
        .collect();
    let text = ics::export_calendar_with_deals(&sessions, &dates, &deals, tz, stamp);
    super::export::write_file(file, &text, out)?;
    if file != Path::new("-") {
        writeln!(
            out,
            "{}",
            ctx.texts.exported_ics(
                sessions.len(),
                dates.iter().filter(|d| d.has_any()).count(),
                &file.display().to_string(),
                tz.name()
            )
        )?;
    }
    Ok(())
}

/// `sukima import ics FILE [--name NAME]`.
pub fn import(ctx: &mut Ctx, file: &Path, name: Option<String>, out: &mut dyn Write) -> Result<()> {
    let bytes = read_bytes(file)?;
    let done = import_busy(&mut ctx.store, &ctx.config, ctx.now, file, &bytes, name)?;
    writeln!(
        out,
        "{}",
        ctx.texts
            .done(&crate::domain::change::Done::CalendarImported(done))
    )?;
    Ok(())
}
