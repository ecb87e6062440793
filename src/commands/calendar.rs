//! `sukima calendar [--month YYYY-MM]`: the month grid, a legend and the month's events.

use super::Ctx;
use crate::planning::Overview;
use crate::present::month::{days, grid_days};
use crate::present::month_text;
use anyhow::Result;
use chrono::NaiveDate;
use std::io::Write;

/// Prints the month (this one by default).
pub fn run(ctx: &Ctx, args: &crate::cli::CalendarArgs, out: &mut dyn Write) -> Result<()> {
    let month = match &args.month {
        Some(m) => parse_month(m)?,
        None => ctx.today(),
    };
    let ov = Overview::load(ctx.store.conn(), &ctx.config, ctx.now)?;
    let week_start = ctx.config.ui.week_start.weekday();
    let (first, last) = grid_days(month, week_start);
    let days = days(&ov, first, last);
    if args.json {
        use chrono::Datelike;
        let start = month.with_day(1).unwrap_or(month);
        let events = ov.events(first, last);
        let docs: Vec<serde_json::Value> = start
            .iter_days()
            .take_while(|d| d.month() == start.month())
            .map(|d| {
                let info = days.get(&d).cloned().unwrap_or_default();
                serde_json::json!({
                    "date": d.format("%Y-%m-%d").to_string(),
                    "events": events.iter().filter(|e| e.date == d).map(|e| serde_json::json!({
                        "kind": e.kind.id(), "badge": e.badge, "name": ov.name(&e.badge),
                    })).collect::<Vec<_>>(),
                    "planned_minutes": info.planned_minutes,
                    "logged_minutes": info.logged_minutes,
                })
            })
            .collect();
        return super::print_json(
            out,
            &serde_json::json!({"month": start.format("%Y-%m").to_string(), "days": docs}),
        );
    }
    // 80 columns when not writing to a terminal, so piped output reads anywhere.
    let width = if ctx.width == usize::MAX {
        80
    } else {
        ctx.width.min(100)
    };
    let text = month_text(ctx.texts, month, &days, ctx.today(), week_start, width);
    write!(out, "{text}")?;
    if !text.ends_with('\n') {
        writeln!(out)?;
    }
    Ok(())
}

fn parse_month(text: &str) -> Result<NaiveDate> {
    let t = text.trim();
    let bad = || anyhow::Error::from(crate::present::usage::UsageError::NotAMonth(t.to_string()));
    let (y, m) = t.split_once('-').ok_or_else(bad)?;
    if y.len() != 4 || !(1..=2).contains(&m.len()) {
        return Err(bad());
    }
    let (y, m): (i32, u32) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(bad)
}
