//! `sukima plan`, `sukima agenda` and `sukima due`: the plan as a table, day by day, and
//! as one line for a shell prompt.

use super::{Ctx, print_json};
use crate::config::Language;
use crate::domain::dates::{any_in_another_year, hm, month_day, ymd, ymd_hm};
use crate::domain::duration::format_minutes;
use crate::domain::plan::{Outcome, Session};
use crate::domain::status::Status;
use crate::planning::Overview;
use crate::planning::fixes::{self, Fix, Rescue};
use crate::present::fixes::{conflict_text_in, fix_lines_in};
use crate::present::{En, Texts};
use crate::text::{Align, pad, table, truncate, width};
use anyhow::Result;
use chrono::{Datelike, Days, NaiveDate};
use std::io::Write;

fn overview(ctx: &Ctx) -> Result<Overview> {
    Ok(Overview::load(ctx.store.conn(), &ctx.config, ctx.now)?)
}

/// A fix as JSON (`plan --json`): its kind, its fields and its command.
fn fix_json(f: &Fix) -> serde_json::Value {
    let mut v = match f {
        Fix::DailyCap { minutes } => serde_json::json!({"kind": "daily_cap", "minutes": minutes}),
        Fix::Window {
            days,
            start,
            end,
            until,
        } => serde_json::json!({
            "kind": "window",
            "days": days.iter().map(|d| crate::domain::dates::weekday_name(d.weekday())).collect::<Vec<_>>(),
            "start": hm(*start),
            "end": hm(*end),
            "until": ymd(*until),
        }),
        Fix::LowerPriority { badges, to, .. } => serde_json::json!({
            "kind": "lower_priority", "badges": badges, "priority": to.as_str(),
        }),
    };
    if let Some(m) = v.as_object_mut() {
        m.insert("command".into(), f.command().into());
    }
    v
}

/// The rescues of every badge at risk, on as many threads as the machine has (at most 4).
pub fn rescues(ov: &Overview) -> Vec<Rescue> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    fixes::rescues(&ov.scenario, &ov.plan, threads)
}

/// `sukima plan`.
pub fn plan(ctx: &Ctx, args: &crate::cli::PlanArgs, out: &mut dyn Write) -> Result<()> {
    let ov = overview(ctx)?;
    let today = ctx.today();
    let until = args
        .days
        .map(|d| today + Days::new(u64::from(d.max(1)) - 1));
    if args.json {
        let sessions: Vec<serde_json::Value> = ov
            .plan
            .sessions
            .iter()
            .filter(|s| until.is_none_or(|u| s.start.date() <= u))
            .map(|s| session_json(&ov, s))
            .collect();
        let rescued = rescues(&ov);
        let badges: Vec<serde_json::Value> = ov
            .plan
            .outcomes
            .iter()
            .map(|o| {
                // `null` for a badge at risk whose fixes were not searched (past the
                // first MAX_RESCUES), `[]` when none was found or it is on time.
                let fixes: serde_json::Value = match rescued.iter().find(|r| r.key == o.key) {
                    Some(r) => r.fixes.iter().map(fix_json).collect(),
                    None if o.at_risk => serde_json::Value::Null,
                    None => serde_json::json!([]),
                };
                serde_json::json!({
                    "badge": o.key,
                    "name": ov.name(&o.key),
                    "status": ov.badge(&o.key).map_or("target", |b| b.status.as_str()),
                    "release": ymd(o.release),
                    "due": ymd(o.due),
                    "remaining_minutes": o.remaining,
                    "planned_minutes": o.planned_before_due,
                    "shortfall_minutes": o.shortfall,
                    "finish": o.finish.map(ymd),
                    "slack_minutes": o.slack,
                    "at_risk": o.at_risk,
                    "risk": o.at_risk.then(|| En.risk_text(o)),
                    "after": ov.badge(&o.key).map_or(&[][..], |b| &b.waits_for[..]),
                    "fixes": fixes,
                    "deals": ov.badge(&o.key).map_or_else(Vec::new, |b| b.deals.iter().map(|n| n.deal.as_str()).collect::<Vec<_>>()),
                })
            })
            .collect();
        return print_json(
            out,
            &serde_json::json!({
                "now": ymd_hm(ctx.now),
                "sessions": sessions,
                "badges": badges,
                "conflicts": ov.conflicts.iter().flat_map(|c| c.reasons.iter().map(|r| serde_json::json!({
                    "badge": c.badge,
                    "start": ymd_hm(c.start),
                    "end": ymd_hm(c.end),
                    "reason": r.id(),
                }))).collect::<Vec<_>>(),
                "deals": ov.open_deals().into_iter().map(|d| super::deal::DealJson::of(&ov, d)).collect::<Vec<_>>(),
            }),
        );
    }
    let risky = ov.at_risk().count();
    writeln!(
        out,
        "Plan as of {}: {} to prepare, {}",
        ymd_hm(ctx.now),
        ov.plan.outcomes.len(),
        if risky == 0 {
            "all on time".to_string()
        } else {
            format!("{risky} at risk")
        }
    )?;
    let lapsed = ov.lapsed();
    if !lapsed.is_empty() {
        let expired = lapsed
            .iter()
            .filter(|b| b.status == Status::Expired)
            .count();
        let retired = lapsed.len() - expired;
        let what = match (expired, retired) {
            (e, 0) => format!("{e} expired"),
            (0, r) => format!("{r} retired"),
            (e, r) => format!("{e} expired and {r} retired"),
        };
        let keys: Vec<&str> = lapsed.iter().map(|b| b.badge.key.as_str()).collect();
        let text = format!(
            "{what} with nothing planned: renew (`sukima badge renew KEY`), set a goal date, or archive (`sukima badge archive KEY`): {}",
            keys.join(", ")
        );
        for line in crate::text::wrap(&text, ctx.width.saturating_sub(2).max(20)) {
            writeln!(out, "{line}")?;
        }
    }
    if ov.plan.outcomes.is_empty() {
        writeln!(
            out,
            "Nothing to plan: no badge needs renewing and no target has a goal date."
        )?;
    } else {
        writeln!(out)?;
        // One date form for the whole column: with the year if any date needs it.
        let long = any_in_another_year(ov.plan.outcomes.iter().flat_map(Outcome::dates), today);
        let date = |d: NaiveDate| if long { ymd(d) } else { month_day(d, today) };
        let rows: Vec<Vec<String>> = ov
            .plan
            .outcomes
            .iter()
            .map(|o| {
                vec![
                    if o.at_risk { "AT RISK" } else { "ok" }.to_string(),
                    o.key.clone(),
                    ov.name(&o.key).to_string(),
                    date(o.due),
                    format_minutes(o.remaining),
                    format_minutes(o.planned_before_due),
                    o.finish.map_or_else(|| "-".into(), date),
                    if o.at_risk {
                        format!("-{}", format_minutes(o.shortfall))
                    } else {
                        format_minutes(o.slack)
                    },
                ]
            })
            .collect();
        write!(
            out,
            "{}",
            table(
                &[
                    "", "BADGE", "NAME", "DUE", "LEFT", "PLANNED", "READY", "SLACK"
                ],
                &[
                    Align::Left,
                    Align::Left,
                    Align::Left,
                    Align::Left,
                    Align::Right,
                    Align::Right,
                    Align::Left,
                    Align::Right,
                ],
                &rows,
                2,
                ctx.width,
            )
        )?;
        let rescued = rescues(&ov);
        let wrap = |text: &str, indent: usize| {
            crate::text::wrap(text, ctx.width.saturating_sub(indent).max(20))
        };
        for o in ov.at_risk() {
            writeln!(out)?;
            // A badge a deal needs names the deal where its risk is shown (DESIGN 1).
            let for_deals: String = ov
                .badge(&o.key)
                .map(|b| {
                    b.deals
                        .iter()
                        .map(|n| {
                            let name = ov
                                .deal(&n.deal)
                                .map_or(n.deal.as_str(), |d| d.deal.name.as_str());
                            format!(" ({})", ctx.texts.deal_for(name, n.by, n.effect, today))
                        })
                        .collect()
                })
                .unwrap_or_default();
            let head = format!("{}: {}{for_deals}.", o.key, ctx.texts.risk_text(o));
            for line in wrap(&head, 2) {
                writeln!(out, "{line}")?;
            }
            let Some(r) = rescued.iter().find(|r| r.key == o.key) else {
                continue;
            };
            if !r.fixes.is_empty() {
                writeln!(out, "  Each of these alone puts it on time:")?;
            }
            for f in fix_lines_in(r, o, ctx.texts.language()) {
                let text = match &f.command {
                    Some(_) => format!("- {}:", f.text),
                    None => format!("- {}", f.text),
                };
                for line in wrap(&text, 4) {
                    writeln!(out, "  {line}")?;
                }
                if let Some(cmd) = f.command {
                    // Never wrapped: it is copied as it is.
                    writeln!(out, "      {cmd}")?;
                }
            }
        }
    }
    deal_lines(ctx, &ov, out)?;
    if !ov.conflicts.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{} the rules (kept, as you placed them):",
            crate::text::counted(
                ov.conflicts.len(),
                "pinned session breaks",
                "pinned sessions break"
            )
        )?;
        for c in &ov.conflicts {
            let line = format!(
                "  {} {}-{}  {}  {}",
                day_label(c.start.date(), today),
                hm(c.start.time()),
                hm(c.end.time()),
                c.badge,
                conflict_text_in(&c.reasons, Language::En)
            );
            writeln!(out, "{}", truncate(&line, ctx.width))?;
        }
    }
    let days = args.days.unwrap_or(14).max(1);
    let until = today + Days::new(u64::from(days) - 1);
    let sessions = ov.sessions_between(today, until);
    writeln!(out)?;
    writeln!(
        out,
        "Sessions, next {}: {} ({})",
        crate::text::counted(days as usize, "day", "days"),
        sessions.len(),
        format_minutes(sessions.iter().map(Session::minutes).sum())
    )?;
    // A list that reaches into another year gives every date its year, so the columns
    // still line up.
    let dated = if any_in_another_year(sessions.iter().map(|s| s.start.date()), today) {
        Dated::Full
    } else {
        Dated::Short
    };
    for s in sessions {
        writeln!(out, "  {}", session_line(&ov, s, dated, ctx.width))?;
    }
    Ok(())
}

/// A session as JSON; `step` is the title of the step it advances (null without steps).
fn session_json(ov: &Overview, s: &Session) -> serde_json::Value {
    serde_json::json!({
        "badge": s.badge,
        "start": ymd_hm(s.start),
        "end": ymd_hm(s.end),
        "minutes": s.minutes(),
        "pinned": s.pinned,
        "step": ov.step_of(s).map(|st| st.title.as_str()),
    })
}

/// How a session line shows its day.
#[derive(Clone, Copy)]
enum Dated {
    /// No date: the line sits under its day's title.
    No,
    /// `Thu 01-07`.
    Short,
    /// `Thu 2027-01-07`.
    Full,
}

/// `Thu 01-07 07:10-07:40  30m  cp4d-admin  IBM Cloud Pak…`.
fn session_line(ov: &Overview, s: &Session, dated: Dated, max: usize) -> String {
    let d = s.start.date();
    let date = match dated {
        Dated::No => String::new(),
        Dated::Short => format!("{} {} ", weekday(d), d.format("%m-%d")),
        Dated::Full => format!("{} {} ", weekday(d), ymd(d)),
    };
    let head = format!(
        "{date}{}-{}  {:>5}  {}  ",
        hm(s.start.time()),
        hm(s.end.time()),
        format_minutes(s.minutes()),
        pad(&s.badge, key_width(ov, max)),
    );
    // The name gives way, so "(pinned)" and a conflict are never cut off. A badge with
    // steps shows the step the session advances instead of its name.
    let tail = match ov.conflict(s) {
        Some(c) => format!("  (pinned: {})", conflict_text_in(&c.reasons, Language::En)),
        None if s.pinned => "  (pinned)".to_string(),
        None => String::new(),
    };
    let tail = tail.as_str();
    let room = max
        .saturating_sub(2)
        .saturating_sub(width(&head) + width(tail));
    let what = ov
        .step_of(s)
        .map_or_else(|| ov.name(&s.badge).to_string(), |st| st.label());
    let line = format!("{head}{}{tail}", truncate(&what, room.max(1)));
    truncate(&line, max.saturating_sub(2))
}

/// The key column: 14 cells on a terminal (a longer key is cut there), as wide as the
/// longest key when the output is not a terminal, so a script reads every key whole.
fn key_width(ov: &Overview, max: usize) -> usize {
    if max != usize::MAX {
        return 14;
    }
    ov.badges
        .iter()
        .map(|b| width(&b.badge.key))
        .max()
        .unwrap_or(0)
        .max(14)
}

/// `Thu 01-07` in the current year, else `Thu 2027-01-07`.
fn day_label(d: NaiveDate, today: NaiveDate) -> String {
    format!("{} {}", weekday(d), month_day(d, today))
}

fn weekday(d: NaiveDate) -> &'static str {
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][d.weekday().num_days_from_monday() as usize]
}

/// `sukima agenda`.
pub fn agenda(ctx: &Ctx, args: &crate::cli::AgendaArgs, out: &mut dyn Write) -> Result<()> {
    let ov = overview(ctx)?;
    let today = ctx.today();
    let days = args.days.clamp(1, 3660);
    let until = today + Days::new(u64::from(days) - 1);
    let events = ov.events(today, until);
    let sessions = ov.sessions_between(today, until);
    if args.json {
        let mut docs = Vec::new();
        for d in today.iter_days().take(days as usize) {
            docs.push(serde_json::json!({
                "date": ymd(d),
                "sessions": sessions.iter().filter(|s| s.start.date() == d).map(|s| session_json(&ov, s)).collect::<Vec<_>>(),
                "events": events.iter().filter(|e| e.date == d).map(|e| serde_json::json!({
                    "kind": e.kind.id(), "badge": e.badge, "name": ov.name(&e.badge),
                })).collect::<Vec<_>>(),
            }));
        }
        return print_json(out, &docs);
    }
    let mut quiet = 0;
    for d in today.iter_days().take(days as usize) {
        let day_sessions: Vec<&Session> = sessions.iter().filter(|s| s.start.date() == d).collect();
        let day_events: Vec<_> = events.iter().filter(|e| e.date == d).collect();
        let title = format!(
            "{} {}{}",
            weekday(d),
            ymd(d),
            if d == today { "  today" } else { "" }
        );
        if day_sessions.is_empty() && day_events.is_empty() {
            if d == today {
                writeln!(out, "{title}")?;
                writeln!(out, "  nothing planned")?;
            } else {
                quiet += 1;
            }
            continue;
        }
        writeln!(out, "{title}")?;
        for e in &day_events {
            // The key lines up with the sessions' keys below.
            let line = format!(
                "  {:<18}  {}  {}",
                e.kind.label(),
                pad(&e.badge, key_width(&ov, ctx.width)),
                ov.name(&e.badge)
            );
            writeln!(out, "{}", truncate(&line, ctx.width))?;
        }
        for s in day_sessions {
            writeln!(out, "  {}", session_line(&ov, s, Dated::No, ctx.width))?;
        }
    }
    if quiet > 0 {
        let days = if quiet == 1 { "day" } else { "days" };
        writeln!(out, "({quiet} more {days} with nothing planned)")?;
    }
    Ok(())
}

/// The open deals ahead, each ready or at risk with its reasons (nothing without any).
fn deal_lines(ctx: &Ctx, ov: &Overview, out: &mut dyn Write) -> Result<()> {
    let open = ov.open_deals();
    if open.is_empty() {
        return Ok(());
    }
    let t = ctx.texts;
    let today = ov.today();
    writeln!(out)?;
    for d in open {
        let state = if d.at_risk() {
            t.deal_at_risk()
        } else {
            t.deal_ready()
        };
        let line = format!(
            "{} {} ({}): {state}",
            t.deal_word(),
            d.deal.name,
            t.date(d.deal.by, today)
        );
        writeln!(out, "{}", truncate(&line, ctx.width))?;
        for r in &d.risks {
            let text = format!("! {}", t.deal_risk(r, ov.name(&r.badge), today));
            for line in crate::text::wrap(&text, ctx.width.saturating_sub(2).max(20)) {
                writeln!(out, "  {line}")?;
            }
        }
    }
    Ok(())
}

/// `sukima due`: one line, or nothing when nothing is due.
pub fn due(ctx: &Ctx, args: &crate::cli::DueArgs, out: &mut dyn Write) -> Result<()> {
    let ov = overview(ctx)?;
    let today = ctx.today();
    let until = today + Days::new(u64::from(args.days));
    let expiring = ov
        .badges
        .iter()
        .filter(|b| !b.badge.archived && b.badge.is_held())
        .filter(|b| !matches!(b.status, Status::Expired | Status::Retired))
        .filter(|b| b.badge.expires_on.is_some_and(|e| e >= today && e <= until))
        .count();
    let risky = ov.at_risk().filter(|o| o.due <= until).count();
    let lapsed = ov.lapsed();
    let expired = lapsed
        .iter()
        .filter(|b| b.status == Status::Expired)
        .count();
    let retired = lapsed.len() - expired;
    let next = ov.next_session().filter(|s| s.start.date() <= until);
    let deals_at_risk = ov.deals_at_risk().count();
    if args.json {
        return print_json(
            out,
            &serde_json::json!({
                "days": args.days,
                "next": next.map(|s| session_json(&ov, s)),
                "expiring": expiring,
                "at_risk": risky,
                "expired": expired,
                "retired": retired,
                "deals_at_risk": deals_at_risk,
            }),
        );
    }
    let mut parts = Vec::new();
    if let Some(s) = next {
        let when = if s.start.date() == today {
            hm(s.start.time())
        } else {
            format!(
                "{} {}",
                day_label(s.start.date(), today),
                hm(s.start.time())
            )
        };
        parts.push(format!(
            "next {when} {} {}",
            s.badge,
            format_minutes(s.minutes())
        ));
    }
    if expiring > 0 {
        parts.push(format!("{expiring} expiring within {}d", args.days));
    }
    if risky > 0 {
        parts.push(format!("{risky} at risk"));
    }
    if expired > 0 {
        parts.push(format!("{expired} expired"));
    }
    if retired > 0 {
        parts.push(format!("{retired} retired"));
    }
    if deals_at_risk > 0 {
        parts.push(ctx.texts.deals_at_risk(deals_at_risk));
    }
    if !parts.is_empty() {
        let line = parts.join(" · ");
        debug_assert!(width(&line) < 200);
        writeln!(out, "{line}")?;
    }
    Ok(())
}
