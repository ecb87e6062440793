//! `sukima log`: the study log.

use super::{Ctx, print_json};
use crate::cli::LogCommand;
use crate::domain::dates::hm;
use crate::domain::duration::format_minutes;
use crate::store::{badges, log};
use crate::text::{Align, table};
use anyhow::Result;
use std::io::Write;

/// Prints the study log, oldest first; or edits or deletes an entry.
pub fn run(ctx: &mut Ctx, args: &crate::cli::LogArgs, out: &mut dyn Write) -> Result<()> {
    match &args.command {
        Some(LogCommand::Rm { id }) => {
            let done = crate::changes::session::remove_log(&mut ctx.store, *id)?;
            writeln!(out, "{}", ctx.texts.done(&done))?;
            return Ok(());
        }
        Some(LogCommand::Edit {
            id,
            badge,
            date,
            start,
            minutes,
            note,
        }) => {
            let mut e = log::get(ctx.store.conn(), *id)?
                .ok_or(crate::changes::ChangeError::UnknownLog { id: *id })?;
            if let Some(b) = badge {
                e.badge = b.trim().to_string();
            }
            if let Some(d) = date {
                e.date = crate::domain::dates::parse_ymd(d.trim())
                    .map_err(|err| anyhow::anyhow!("--date: {err}"))?;
            }
            if let Some(s) = start {
                e.start = match s.trim() {
                    "" => None,
                    t => Some(crate::domain::dates::parse_hm(t).ok_or_else(|| {
                        anyhow::anyhow!("--start '{t}' is not a time: write it as HH:MM")
                    })?),
                };
            }
            if let Some(m) = minutes {
                e.minutes = super::session::minutes_flag(m)?;
            }
            if let Some(n) = note {
                e.note = Some(n.clone()).filter(|n| !n.is_empty());
            }
            let today = ctx.today();
            let done = crate::changes::session::edit_log(&mut ctx.store, *id, &e, today)?;
            writeln!(out, "{}", ctx.texts.done(&done))?;
            return Ok(());
        }
        None => {}
    }
    let since = match &args.since {
        Some(s) => since_day(s, ctx.today())?,
        None => None,
    };
    let conn = ctx.store.conn();
    if let Some(k) = &args.badge
        && !badges::key_exists(conn, k)?
    {
        return Err(crate::changes::unknown_badge(conn, k));
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
        let filtered = since.is_some() || args.badge.is_some();
        writeln!(out, "{}", ctx.texts.nothing_logged(filtered))?;
        return Ok(());
    }
    let total: u32 = entries.iter().map(|e| e.minutes).sum();
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            vec![
                e.id.unwrap_or_default().to_string(),
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
            &ctx.texts.log_headers(),
            &[
                Align::Right,
                Align::Left,
                Align::Left,
                Align::Right,
                Align::Left,
                Align::Left
            ],
            &rows,
            5,
            ctx.width,
        )
    )?;
    writeln!(out, "{}", ctx.texts.log_total(entries.len(), total))?;
    Ok(())
}

/// `--since`: a date, `today`, `yesterday`, or `7d` (the last seven days, today included).
fn since_day(text: &str, today: chrono::NaiveDate) -> Result<Option<chrono::NaiveDate>> {
    let t = text.trim().to_lowercase();
    let day = match t.as_str() {
        "" => return Ok(None),
        "today" => Some(today),
        "yesterday" => today.pred_opt(),
        _ => match t.strip_suffix('d').map(str::parse::<u64>) {
            Some(Ok(n)) if (1..=36_600).contains(&n) => {
                today.checked_sub_days(chrono::Days::new(n - 1))
            }
            _ => crate::domain::dates::parse_ymd(&t).ok(),
        },
    };
    day.map(Some).ok_or_else(|| {
        anyhow::anyhow!(
            "--since '{}' is not a day: write it as YYYY-MM-DD, today, yesterday or 7d (the last 7 days)",
            text.trim()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_takes_dates_and_recent_days() {
        let today = crate::domain::dates::parse_ymd("2027-01-06").unwrap();
        let d = |s: &str| since_day(s, today).unwrap().map(|d| d.to_string());
        assert_eq!(d("2026-12-31").as_deref(), Some("2026-12-31"));
        assert_eq!(d("today").as_deref(), Some("2027-01-06"));
        assert_eq!(d("Yesterday").as_deref(), Some("2027-01-05"));
        assert_eq!(d("7d").as_deref(), Some("2026-12-31"));
        assert_eq!(d("1d").as_deref(), Some("2027-01-06"));
        assert_eq!(d(""), None);
        for bad in ["2027-Q1", "0d", "soon", "2027-02-30"] {
            let err = since_day(bad, today).unwrap_err().to_string();
            assert!(
                err.starts_with(&format!("--since '{bad}' is not a day")),
                "{err}"
            );
        }
    }
}
