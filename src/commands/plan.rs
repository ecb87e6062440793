//! `sukima plan`, `sukima agenda` and `sukima due`: the plan as a table, day by day, and
//! as one line for a shell prompt.

use super::texts::DueCounts;
use super::{Ctx, print_json};
use crate::domain::dates::{any_in_another_year, hm, ymd, ymd_hm};
use crate::domain::plan::{Outcome, Session};
use crate::domain::status::Status;
use crate::planning::Overview;
use crate::planning::fixes::{self, Fix, Rescue};
use crate::present::{En, Texts};
use crate::text::{Align, pad, pad_left, table, truncate, width};
use anyhow::Result;
use chrono::{Datelike, Days};
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
                    "risk": o.at_risk.then(|| En.risk_text(o, today)),
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
    let t = ctx.texts;
    let risky = ov.at_risk().count();
    writeln!(
        out,
        "{}",
        t.plan_head(ctx.now, ov.plan.outcomes.len(), risky)
    )?;
    let lapsed = ov.lapsed();
    if !lapsed.is_empty() {
        let expired = lapsed
            .iter()
            .filter(|b| b.status == Status::Expired)
            .count();
        let retired = lapsed.len() - expired;
        let keys: Vec<&str> = lapsed.iter().map(|b| b.badge.key.as_str()).collect();
        let text = t.plan_lapsed(expired, retired, &keys);
        for line in crate::text::wrap(&text, ctx.width.saturating_sub(2).max(20)) {
            writeln!(out, "{line}")?;
        }
    }
    if ov.plan.outcomes.is_empty() {
        writeln!(out, "{}", t.nothing_to_plan())?;
    } else {
        writeln!(out)?;
        // One date form for the whole column: with the year if any date needs it.
        let long = any_in_another_year(ov.plan.outcomes.iter().flat_map(Outcome::dates), today);
        let date = |d| t.plan_date(d, today, long);
        let rows: Vec<Vec<String>> = ov
            .plan
            .outcomes
            .iter()
            .map(|o| {
                vec![
                    t.plan_state(o.at_risk).to_string(),
                    o.key.clone(),
                    ov.name(&o.key).to_string(),
                    date(o.due),
                    t.minutes(o.remaining),
                    t.minutes(o.planned_before_due),
                    o.finish.map_or_else(|| "-".into(), date),
                    if o.at_risk {
                        format!("-{}", t.minutes(o.shortfall))
                    } else {
                        t.minutes(o.slack)
                    },
                ]
            })
            .collect();
        write!(
            out,
            "{}",
            table(
                &t.plan_headers(),
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
            let head = t.risk_head(&o.key, &format!("{}{for_deals}", t.risk_text(o, today)));
            for line in wrap(&head, 2) {
                writeln!(out, "{line}")?;
            }
            let Some(r) = rescued.iter().find(|r| r.key == o.key) else {
                continue;
            };
            if !r.fixes.is_empty() {
                writeln!(out, "  {}", t.each_fix_alone())?;
            }
            for f in t.fix_lines(r, o, today) {
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
        writeln!(out, "{}", t.conflicts_head(ov.conflicts.len()))?;
        for c in &ov.conflicts {
            let d = c.start.date();
            let line = format!(
                "  {} {}-{}  {}  {}",
                t.session_day(d, today, d.year() != today.year()),
                hm(c.start.time()),
                hm(c.end.time()),
                c.badge,
                t.conflict_text(&c.reasons)
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
        "{}",
        t.sessions_head(
            days,
            sessions.len(),
            sessions.iter().map(Session::minutes).sum()
        )
    )?;
    // A list that reaches into another year gives every date its year, so the columns
    // still line up; the dates are padded to the widest (Japanese dates vary).
    let full = any_in_another_year(sessions.iter().map(|s| s.start.date()), today);
    let cells = sessions
        .iter()
        .map(|s| width(&t.session_day(s.start.date(), today, full)))
        .max()
        .unwrap_or(0);
    let dated = Dated::Day { full, cells };
    for s in sessions {
        writeln!(out, "  {}", session_line(ctx, &ov, s, dated))?;
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
    /// `Thu 01-07` (`Thu 2027-01-07` when `full`), padded to `cells`.
    Day { full: bool, cells: usize },
}

/// `Thu 01-07 07:10-07:40  30m  cp4d-admin  IBM Cloud Pak…`.
fn session_line(ctx: &Ctx, ov: &Overview, s: &Session, dated: Dated) -> String {
    let (t, today, max) = (ctx.texts, ctx.today(), ctx.width);
    let date = match dated {
        Dated::No => String::new(),
        Dated::Day { full, cells } => {
            format!(
                "{} ",
                pad(&t.session_day(s.start.date(), today, full), cells)
            )
        }
    };
    let minutes = t.minutes(s.minutes());
    let head = format!(
        "{date}{}-{}  {}  {}  ",
        hm(s.start.time()),
        hm(s.end.time()),
        pad_left(&minutes, t.minutes_cells().max(width(&minutes))),
        pad(&s.badge, key_width(ov, max)),
    );
    // The name gives way, so "(pinned)" and a conflict are never cut off. A badge with
    // steps shows the step the session advances instead of its name.
    let tail = match ov.conflict(s) {
        Some(c) => t.pinned_tail(Some(&t.conflict_text(&c.reasons))),
        None if s.pinned => t.pinned_tail(None),
        None => String::new(),
    };
    let tail = tail.as_str();
    let room = max
        .saturating_sub(2)
        .saturating_sub(width(&head) + width(tail));
    let what = ov
        .step_of(s)
        .map_or_else(|| ov.name(&s.badge).to_string(), |st| t.session_step(st));
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
        let title = ctx.texts.agenda_day(d, today);
        if day_sessions.is_empty() && day_events.is_empty() {
            if d == today {
                writeln!(out, "{title}")?;
                writeln!(out, "  {}", ctx.texts.nothing_planned())?;
            } else {
                quiet += 1;
            }
            continue;
        }
        writeln!(out, "{title}")?;
        for e in &day_events {
            // The key lines up with the sessions' keys below.
            let line = format!(
                "  {}  {}  {}",
                pad(ctx.texts.event_kind(e.kind), 18),
                pad(&e.badge, key_width(&ov, ctx.width)),
                ov.name(&e.badge)
            );
            writeln!(out, "{}", truncate(&line, ctx.width))?;
        }
        for s in day_sessions {
            writeln!(out, "  {}", session_line(ctx, &ov, s, Dated::No))?;
        }
    }
    if quiet > 0 {
        writeln!(out, "{}", ctx.texts.quiet_days(quiet))?;
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
    let t = ctx.texts;
    let mut parts = Vec::new();
    if let Some(s) = next {
        parts.push(t.due_next(s.start, today, &s.badge, s.minutes()));
    }
    parts.extend(t.due_counts(DueCounts {
        expiring,
        days: args.days,
        at_risk: risky,
        expired,
        retired,
    }));
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
