//! `sukima export ics` and `sukima import ics`: sessions and renewal dates out to a
//! calendar, busy time in from one.

use super::Ctx;
use crate::config::Config;
use crate::domain::spare::Interval;
use crate::io::ics::{self, BadgeDates, ExportSession};
use crate::planning::Overview;
use crate::store::Store;
use crate::store::busy;
use anyhow::Result;
use chrono::{NaiveDateTime, TimeZone};
use chrono_tz::Tz;
use std::io::Write;
use std::path::Path;

/// The time zone of local times: `[ui] timezone`, else `TZ`, else `/etc/localtime`, else UTC.
pub fn local_timezone(config: &Config) -> Tz {
    if let Some(tz) = config.timezone() {
        return tz;
    }
    if let Some(tz) = std::env::var("TZ")
        .ok()
        .and_then(|t| ics::parse_tz(t.trim_start_matches(':')))
    {
        return tz;
    }
    std::fs::read_link("/etc/localtime")
        .ok()
        .and_then(|p| {
            let p = p.to_string_lossy().to_string();
            p.split_once("zoneinfo/")
                .and_then(|(_, name)| ics::parse_tz(name))
        })
        .unwrap_or(Tz::UTC)
}

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
    let text = ics::export_calendar(&sessions, &dates, tz, stamp);
    super::export::write_file(file, &text, out)?;
    if file != Path::new("-") {
        writeln!(
            out,
            "exported {} sessions and the renewal dates of {} badges to {} ({})",
            sessions.len(),
            dates.iter().filter(|d| d.has_any()).count(),
            file.display(),
            tz.name()
        )?;
    }
    Ok(())
}

/// `sukima import ics FILE [--name NAME]`.
pub fn import(ctx: &mut Ctx, file: &Path, name: Option<String>, out: &mut dyn Write) -> Result<()> {
    let bytes = super::import::read_bytes(file)?;
    let msg = import_busy(&mut ctx.store, &ctx.config, ctx.now, file, &bytes, name)?;
    writeln!(out, "{msg}")?;
    Ok(())
}

/// How many unreadable events and bad lines an import report names one by one.
const NAMED: usize = 3;

/// Imports busy time from iCalendar bytes over the planning horizon, replacing an
/// earlier import of the same source in one transaction. The source is `name`, else the
/// calendar's own name (`X-WR-CALNAME`), else the file's full path: two different files
/// both called `basic.ics` (as Google names every download) do not replace each other.
pub fn import_busy(
    store: &mut Store,
    config: &Config,
    now: NaiveDateTime,
    file: &Path,
    bytes: &[u8],
    name: Option<String>,
) -> Result<String> {
    let looks_like_id = |s: &str| s.trim().is_empty() || s.trim().parse::<i64>().is_ok();
    if let Some(n) = name.as_deref().filter(|n| looks_like_id(n)) {
        anyhow::bail!("'{n}' cannot name an import (it looks like a window id): give --name");
    }
    let tz = local_timezone(config);
    let start = now.date().and_hms_opt(0, 0, 0).unwrap_or(now);
    let end = start + chrono::Days::new(u64::from(config.planner.horizon_days) + 1);
    let result = ics::import_busy(bytes, &file.display().to_string(), tz, start..end)?;
    let source = name
        .or_else(|| {
            result
                .calendar_name
                .as_deref()
                .map(crate::domain::badge::one_line)
                .filter(|n| !looks_like_id(n))
        })
        .unwrap_or_else(|| full_path(file));
    let items = result.events.iter().map(|e| {
        let interval = Interval {
            start: e.start,
            end: e.end,
        };
        (&*e.uid, &*e.summary, interval)
    });
    let (removed, added) = store.transact(&format!("import ics {source}"), |tx| {
        busy::replace_source_with(tx, &source, items)
    })?;
    let mut msg = format!(
        "imported {added} busy events from {} as '{source}'",
        file.display()
    );
    if removed > 0 {
        msg.push_str(&format!(" (replacing {removed} from the earlier import)"));
    }
    if !result.skipped.is_empty() {
        msg.push_str(&format!(
            ", skipped {} (free or cancelled)",
            result.skipped.len()
        ));
    }
    if result.outside_range > 0 {
        msg.push_str(&format!(
            ", {} outside the next {} days",
            result.outside_range, config.planner.horizon_days
        ));
    }
    if result.superseded > 0 {
        msg.push_str(&format!(
            ", {} older copies of changed events left out",
            result.superseded
        ));
    }
    if !result.unreadable.is_empty() {
        msg.push_str(&format!(
            ", {} unreadable events left out",
            result.unreadable.len()
        ));
    }
    for u in result.unreadable.iter().take(NAMED) {
        msg.push_str(&format!("\n  left out: {u}"));
    }
    if result.unreadable.len() > NAMED {
        msg.push_str(&format!(
            "\n  left out: {} more unreadable events",
            result.unreadable.len() - NAMED
        ));
    }
    if !result.bad_lines.is_empty() {
        let first: Vec<String> = result
            .bad_lines
            .iter()
            .take(NAMED)
            .map(|b| format!("line {}: {}", b.line, b.reason))
            .collect();
        let more = result.bad_lines.len().saturating_sub(NAMED);
        msg.push_str(&format!(
            "\n  note: {} broken lines were read around ({}{})",
            result.bad_lines.len(),
            first.join("; "),
            if more > 0 {
                format!("; {more} more")
            } else {
                String::new()
            }
        ));
    }
    for n in &result.notes {
        msg.push_str(&format!("\n  note: {n}"));
    }
    Ok(msg)
}

/// The full path of `file` as the name of an import: canonical when it exists (so
/// `./basic.ics` and `~/basic.ics` are one calendar), `standard input` for `-`.
fn full_path(file: &Path) -> String {
    if file == Path::new("-") {
        return "standard input".to_string();
    }
    std::fs::canonicalize(file)
        .unwrap_or_else(|_| file.to_path_buf())
        .display()
        .to_string()
}
