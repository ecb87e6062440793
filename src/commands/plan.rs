//! `sukima plan`, `sukima agenda` and `sukima due`: the plan as a table, day by day, and
//! as one line for a shell prompt.

use super::{Ctx, print_json};
use crate::config::Language;
use crate::domain::dates::{any_in_another_year, hm, month_day, ymd, ymd_hm};
use crate::domain::duration::format_minutes;
use crate::domain::plan::{Outcome, Risk, Session};
use crate::domain::status::Status;
use crate::planning::Overview;
use crate::planning::conflicts::Reason;
use crate::planning::fixes::{self, Fix, NoFix, Rescue};
use crate::text::{Align, pad, table, truncate, width};
use anyhow::Result;
use chrono::{Datelike, Days, NaiveDate};
use std::io::Write;

fn overview(ctx: &Ctx) -> Result<Overview> {
    Ok(Overview::load(ctx.store.conn(), &ctx.config, ctx.now)?)
}

/// Why a badge is at risk, in words: its shortfall by its due day and when it would be
/// ready; what would save it is [`fix_lines_in`].
pub fn risk_text(o: &Outcome) -> String {
    risk_text_in(o, Language::En)
}

/// [`risk_text`] in `language`.
pub fn risk_text_in(o: &Outcome, language: Language) -> String {
    let ja = language == Language::Ja;
    let (due, release, short) = (o.due, o.release, format_minutes(o.shortfall));
    let ready = o.finish.map(|f| f.to_string());
    match (o.risk, ja) {
        (None, _) => String::new(),
        (Some(Risk::DuplicateKey), false) => "listed twice".into(),
        (Some(Risk::DuplicateKey), true) => "二重に登録されています".into(),
        (Some(Risk::DuePassed), false) => {
            format!("was due {due}: planned from now on, late")
        }
        (Some(Risk::DuePassed), true) => {
            format!("期限 {due} を過ぎています: 今から遅れて計画します")
        }
        (Some(Risk::DueBeforeRelease), false) => {
            format!("cannot start before {release} but is due {due}: set a goal date")
        }
        (Some(Risk::DueBeforeRelease), true) => format!(
            "{release} より前には始められませんが、期限は {due} です: 目標日を設定してください"
        ),
        (Some(_), false) => match ready {
            Some(r) => format!("short {short} by {due}, ready {r}"),
            None => format!("short {short} by {due}, not ready within the plan"),
        },
        (Some(_), true) => match ready {
            Some(r) => format!("期限 {due} までに {short} 不足、準備完了は {r}"),
            None => format!("期限 {due} までに {short} 不足、計画の範囲では終わりません"),
        },
    }
}

/// Why a pinned session breaks the rules, in words: "in a blackout, over the daily cap".
pub fn conflict_text_in(reasons: &[Reason], language: Language) -> String {
    let ja = language == Language::Ja;
    reasons
        .iter()
        .map(|r| match (r, ja) {
            (Reason::Blackout, false) => "in a blackout",
            (Reason::Busy, false) => "over busy time",
            (Reason::DailyCap, false) => "over the daily cap",
            (Reason::BeforeRelease, false) => "before its renewal window",
            (Reason::Done, false) => "nothing left to study",
            (Reason::Blackout, true) => "休止期間中",
            (Reason::Busy, true) => "予定と重複",
            (Reason::DailyCap, true) => "1日の上限超過",
            (Reason::BeforeRelease, true) => "更新期間の前",
            (Reason::Done, true) => "学習は完了済み",
        })
        .collect::<Vec<_>>()
        .join(if ja { "、" } else { ", " })
}

/// One line of a rescue: what to change, and the command that changes it (none for a
/// kind of fix that does not exist).
pub struct FixLine {
    pub text: String,
    pub command: Option<String>,
}

/// The fixes of a badge at risk in words, in `language`, each with its command; then the
/// kinds with no fix and why.
pub fn fix_lines_in(r: &Rescue, o: &Outcome, language: Language) -> Vec<FixLine> {
    let ja = language == Language::Ja;
    let due = o.due;
    let mut out: Vec<FixLine> = r
        .fixes
        .iter()
        .map(|f| FixLine {
            text: match (f, ja) {
                (Fix::DailyCap { minutes }, false) => {
                    format!("raise the daily cap to {}", format_minutes(*minutes))
                }
                (Fix::DailyCap { minutes }, true) => {
                    format!("1日の上限を {} に上げる", format_minutes(*minutes))
                }
                (
                    Fix::Window {
                        days, start, end, ..
                    },
                    false,
                ) => format!(
                    "study {} {}-{} until {due}",
                    crate::domain::spare::format_days(days),
                    hm(*start),
                    hm(*end)
                ),
                (
                    Fix::Window {
                        days, start, end, ..
                    },
                    true,
                ) => format!(
                    "{due} まで {} {}-{} に時間枠を足す",
                    crate::domain::spare::format_days(days),
                    hm(*start),
                    hm(*end)
                ),
                (
                    Fix::LowerPriority {
                        badges,
                        to,
                        then_at_risk,
                    },
                    false,
                ) => {
                    let cost = if then_at_risk.is_empty() {
                        String::new()
                    } else {
                        format!(" ({} then at risk)", then_at_risk.join(", "))
                    };
                    format!("lower {} to {to} priority{cost}", badges.join(", "))
                }
                (
                    Fix::LowerPriority {
                        badges,
                        to,
                        then_at_risk,
                    },
                    true,
                ) => {
                    let cost = if then_at_risk.is_empty() {
                        String::new()
                    } else {
                        format!("(代わりに {} が遅延リスク)", then_at_risk.join(", "))
                    };
                    format!(
                        "{} の優先度を {} に下げる{cost}",
                        badges.join(", "),
                        match to {
                            crate::domain::Priority::Low => "低",
                            crate::domain::Priority::Normal => "通常",
                            crate::domain::Priority::High => "高",
                        }
                    )
                }
            },
            command: Some(f.command()),
        })
        .collect();
    for (_, why) in &r.missing {
        out.push(FixLine {
            text: no_fix_text(*why, o, ja),
            command: None,
        });
    }
    out
}

fn no_fix_text(why: NoFix, o: &Outcome, ja: bool) -> String {
    let due = o.due;
    let need = format_minutes(o.remaining);
    match (why, ja) {
        (NoFix::DuePassed, false) => format!("no fix: its due day {due} has passed"),
        (NoFix::DuePassed, true) => format!("対策なし: 期限 {due} を過ぎています"),
        (NoFix::DueBeforeRelease, false) => {
            format!("no fix: it is due {due}, before it can start: set a goal date")
        }
        (NoFix::DueBeforeRelease, true) => {
            format!("対策なし: 始められる日より前の {due} が期限です: 目標日を設定してください")
        }
        (NoFix::MoreThanTheDays, false) => {
            format!("no fix: {need} is more than the hours left until {due}")
        }
        (NoFix::MoreThanTheDays, true) => {
            format!("対策なし: {due} までの残り時間では {need} に足りません")
        }
        (NoFix::CapNotTheLimit, false) => {
            format!("no daily cap saves it: the spare time before {due} is what is missing")
        }
        (NoFix::CapNotTheLimit, true) => {
            format!("上限を上げても間に合いません: {due} までのスキマ時間が足りません")
        }
        (NoFix::CapFull, false) => {
            format!("no extra window saves it: the days until {due} are full under the daily cap")
        }
        (NoFix::CapFull, true) => {
            format!("時間枠を足しても間に合いません: {due} までの日は1日の上限に達しています")
        }
        (NoFix::NoFreeTimeOfDay, false) => {
            format!("no extra window: no time of day is free on the days until {due}")
        }
        (NoFix::NoFreeTimeOfDay, true) => {
            format!("時間枠を足せません: {due} までの日に空いている時間帯がありません")
        }
        (NoFix::WindowNotEnough, false) => {
            "no extra window saves it: not even a 4-hour one".to_string()
        }
        (NoFix::WindowNotEnough, true) => "4時間の時間枠を足しても間に合いません".to_string(),
        (NoFix::AlreadyLowest, false) => {
            "no priority change: it is already low priority".to_string()
        }
        (NoFix::AlreadyLowest, true) => "優先度では救えません: すでに低優先度です".to_string(),
        (NoFix::NoRival, false) => {
            format!("no priority change: no badge of its priority or higher studies before {due}")
        }
        (NoFix::NoRival, true) => {
            format!("優先度では救えません: {due} までに同等以上の優先度のバッジは学習していません")
        }
        (NoFix::RivalsNotEnough, false) => {
            "no priority change: even lowering every badge that takes its time would not".into()
        }
        (NoFix::RivalsNotEnough, true) => {
            "優先度では救えません: 時間を使う全バッジを下げても間に合いません".into()
        }
    }
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
            .map(session_json)
            .collect();
        let rescued = rescues(&ov);
        let badges: Vec<serde_json::Value> = ov
            .plan
            .outcomes
            .iter()
            .map(|o| {
                let fixes: Vec<serde_json::Value> = rescued
                    .iter()
                    .find(|r| r.key == o.key)
                    .map(|r| r.fixes.iter().map(fix_json).collect())
                    .unwrap_or_default();
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
                    "risk": o.at_risk.then(|| risk_text(o)),
                    "fixes": fixes,
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
            let head = format!("{}: {}.", o.key, risk_text(o));
            for line in wrap(&head, 2) {
                writeln!(out, "{line}")?;
            }
            let Some(r) = rescued.iter().find(|r| r.key == o.key) else {
                continue;
            };
            if !r.fixes.is_empty() {
                writeln!(out, "  Each of these alone puts it on time:")?;
            }
            for f in fix_lines_in(r, o, Language::En) {
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
    if !ov.conflicts.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{} that break the rules (kept, as you placed them):",
            crate::text::counted(ov.conflicts.len(), "pinned session", "pinned sessions")
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

fn session_json(s: &Session) -> serde_json::Value {
    serde_json::json!({
        "badge": s.badge,
        "start": ymd_hm(s.start),
        "end": ymd_hm(s.end),
        "minutes": s.minutes(),
        "pinned": s.pinned,
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
        pad(&s.badge, 14),
    );
    // The name gives way, so "(pinned)" and a conflict are never cut off.
    let tail = match ov.conflict(s) {
        Some(c) => format!("  (pinned: {})", conflict_text_in(&c.reasons, Language::En)),
        None if s.pinned => "  (pinned)".to_string(),
        None => String::new(),
    };
    let tail = tail.as_str();
    let room = max
        .saturating_sub(2)
        .saturating_sub(width(&head) + width(tail));
    let line = format!("{head}{}{tail}", truncate(ov.name(&s.badge), room.max(1)));
    truncate(&line, max.saturating_sub(2))
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
                "sessions": sessions.iter().filter(|s| s.start.date() == d).map(session_json).collect::<Vec<_>>(),
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
                pad(&e.badge, 14),
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
    let next = ov.next_session().filter(|s| s.start.date() <= until);
    if args.json {
        return print_json(
            out,
            &serde_json::json!({
                "days": args.days,
                "next": next.map(session_json),
                "expiring": expiring,
                "at_risk": risky,
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
    if !parts.is_empty() {
        let line = parts.join(" · ");
        debug_assert!(width(&line) < 200);
        writeln!(out, "{line}")?;
    }
    Ok(())
}
