//! `sukima badge add/list/show/edit/renew/archive/rm`.

use super::texts::{CommandTexts, PlanLine, ShowField};
use super::{Ctx, date_flag, print_json};
use crate::changes;
use crate::cli::{BadgeCommand, BadgeFields, BadgeListArgs};
use crate::domain::badge::fields::{self, Field};
use crate::domain::badge::{Badge, key_for};
use crate::domain::decision::Decision;
use crate::domain::status::Status;
use crate::domain::validation::{IssuerRule, check_badge};
use crate::present::usage::UsageError;
use crate::store::badges;
use crate::text::{Align, table};
use anyhow::Result;
use std::io::Write;

/// Runs a `badge` subcommand.
pub fn run(ctx: &mut Ctx, cmd: BadgeCommand, out: &mut dyn Write) -> Result<()> {
    match cmd {
        BadgeCommand::Add { name, fields } => {
            let b = new_badge(ctx, &name, &fields)?;
            let msg = changes::add_badge(&mut ctx.store, &b)?;
            writeln!(out, "{}", ctx.texts.done(&msg))?;
            // DESIGN 7: an empty expiry is read as never; say so when the issuer's
            // validity would have given one.
            let validity = ctx.config.issuer(&b.issuer).validity_days;
            if b.expires_on.is_none()
                && validity > 0
                && let Some(earned) = b.earned_on
            {
                let would = earned + chrono::Days::new(u64::from(validity));
                writeln!(
                    out,
                    "{}",
                    ctx.texts
                        .assumed_no_expiry(&b.key, &b.issuer, validity, would)
                )?;
            }
        }
        BadgeCommand::List(args) => list(ctx, &args, out)?,
        BadgeCommand::Show { key, json } => show(ctx, &key, json, out)?,
        BadgeCommand::Edit { key, name, fields } => {
            let old = badges::get(ctx.store.conn(), &key)?
                .ok_or_else(|| changes::unknown_badge(ctx.store.conn(), &key))?;
            let mut b = old.clone();
            if let Some(n) = &name {
                b.name = text(n).ok_or(UsageError::EmptyName)?;
            }
            apply(ctx, &mut b, &fields)?;
            validate(ctx, &mut b)?;
            if b == old {
                writeln!(out, "{}", ctx.texts.nothing_to_change(&key))?;
                return Ok(());
            }
            let msg = changes::edit_badge(&mut ctx.store, &key, &b)?;
            writeln!(out, "{}", ctx.texts.done(&msg))?;
        }
        BadgeCommand::Renew { key, expires } => {
            let b = badges::get(ctx.store.conn(), &key)?
                .ok_or_else(|| changes::unknown_badge(ctx.store.conn(), &key))?;
            let today = ctx.today();
            let expires = match expires.as_deref() {
                Some(text) => date_flag("expires", text)?.ok_or(UsageError::ExpiresNeedsDate)?,
                None => default_renewal_expiry(ctx, &b),
            };
            let msg = changes::renew_badge(&mut ctx.store, &key, today, expires)?;
            writeln!(out, "{}", ctx.texts.done(&msg))?;
        }
        BadgeCommand::Archive { key, restore } => {
            let msg = changes::set_archived(&mut ctx.store, &key, !restore)?;
            writeln!(out, "{}", ctx.texts.done(&msg))?;
        }
        BadgeCommand::Rm { key } => {
            let msg = changes::remove_badge(&mut ctx.store, &key)?;
            writeln!(out, "{}{}", ctx.texts.done(&msg), ctx.texts.undo_hint())?;
        }
    }
    Ok(())
}

/// The expiry a renewal today suggests: today plus the issuer's validity.
pub fn default_renewal_expiry(ctx: &Ctx, b: &Badge) -> chrono::NaiveDate {
    let days = ctx.config.issuer(&b.issuer).validity_days;
    ctx.today() + chrono::Days::new(u64::from(days))
}

/// The one validation (DESIGN 8) of a badge typed on the command line: its issuer is
/// stored under the configured name, and an unknown one gets "did you mean".
fn validate(ctx: &Ctx, b: &mut Badge) -> Result<()> {
    let all = badges::all(ctx.store.conn())?;
    let issuers = ctx
        .config
        .known_issuers(all.iter().map(|b| b.issuer.as_str()));
    check_badge(b, &issuers, IssuerRule::MustBeKnown, Some(ctx.today()))?;
    Ok(())
}

fn new_badge(ctx: &Ctx, name: &str, f: &BadgeFields) -> Result<Badge> {
    if name.trim().is_empty() {
        return Err(UsageError::NeedsName.into());
    }
    let issuer = f.issuer.clone().unwrap_or_default();
    let key = match &f.key {
        Some(k) => k.clone(),
        None => {
            let all = badges::all(ctx.store.conn())?;
            let stored: Vec<(&str, &str)> = all
                .iter()
                .map(|b| (b.key.as_str(), b.name.as_str()))
                .collect();
            key_for(name, &stored)
        }
    };
    let mut b = Badge {
        key,
        name: name.trim().to_string(),
        issuer: issuer.clone(),
        effort_minutes: ctx.default_effort(&issuer),
        ..Badge::default()
    };
    apply(ctx, &mut b, f)?;
    validate(ctx, &mut b)?;
    Ok(b)
}

fn text(v: &str) -> Option<String> {
    let t = v.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Applies the flags given to a badge, read by the parser the planner's form uses.
fn apply(ctx: &Ctx, b: &mut Badge, f: &BadgeFields) -> Result<()> {
    let tags = (!f.tags.is_empty()).then(|| f.tags.join(","));
    let given = [
        (Field::Key, &f.key),
        (Field::Issuer, &f.issuer),
        (Field::Level, &f.level),
        (Field::Url, &f.url),
        (Field::Notes, &f.notes),
        (Field::Earned, &f.earned),
        (Field::Expires, &f.expires),
        (Field::Renewed, &f.renewed),
        (Field::Retires, &f.retires),
        (Field::Available, &f.available),
        (Field::Goal, &f.goal),
        (Field::RenewFrom, &f.renew_from),
        (Field::ReplacedBy, &f.replaced_by),
        (Field::Effort, &f.effort),
        (Field::Priority, &f.priority),
        (Field::Tags, &tags),
        (Field::After, &f.after),
    ];
    let effort = |issuer: &str| ctx.default_effort(issuer);
    for (field, value) in given {
        let Some(v) = value else {
            continue;
        };
        fields::set(b, field, v, &effort).map_err(|error| fields::FlagError {
            flag: field.flag(),
            error,
        })?;
        if field == Field::Earned
            && let Some(e) = b.earned_on.filter(|e| *e > ctx.today())
        {
            return Err(UsageError::EarnedAfterToday(e.to_string()).into());
        }
    }
    Ok(())
}

/// Badges in list order (the one urgency order of [`crate::domain::deal::urgency`], deals
/// counted), each with its decision.
fn sorted_for_list(ctx: &Ctx, all: Vec<Badge>) -> Result<Vec<(Badge, Decision)>> {
    let today = ctx.today();
    let logged = badges::logged_in_cycle(ctx.store.conn())?;
    // With the deals, so a badge a deal needs is as urgent here as in the planner.
    let conn = ctx.store.conn();
    let with_deals = crate::planning::Journeys {
        deals: crate::store::deals::all(conn)?,
        deal_logged: crate::store::deals::logged_on_needed(conn)?,
        ..Default::default()
    };
    let mut decided =
        crate::planning::decisions_with_journeys(&ctx.config, today, &all, &logged, &with_deals).0;
    let mut rows: Vec<(Badge, Decision)> = all
        .into_iter()
        .filter_map(|b| decided.remove(&b.key).map(|d| (b, d)))
        .collect();
    rows.sort_by_cached_key(|(b, d)| {
        (
            crate::domain::deal::urgency(b, d.status, &d.work, &d.deals, today),
            b.key.clone(),
        )
    });
    Ok(rows)
}

fn list(ctx: &Ctx, args: &BadgeListArgs, out: &mut dyn Write) -> Result<()> {
    let wanted: Vec<Status> = args
        .status
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            Status::parse(s).ok_or_else(|| {
                anyhow::Error::from(UsageError::NotAStatus {
                    typed: s.to_string(),
                    all: Status::ALL.map(Status::as_str).to_vec(),
                })
            })
        })
        .collect::<Result<_>>()?;
    let logged = badges::logged_in_cycle(ctx.store.conn())?;
    let rows: Vec<(Badge, Decision)> = sorted_for_list(ctx, badges::all(ctx.store.conn())?)?
        .into_iter()
        .filter(|(b, d)| {
            (args.all || !b.archived) && (wanted.is_empty() || wanted.contains(&d.status))
        })
        .collect();
    if args.json {
        let docs: Vec<serde_json::Value> = rows
            .iter()
            .map(|(b, d)| badge_json(b, d.status, logged.get(&b.key).copied().unwrap_or(0)))
            .collect();
        return print_json(out, &docs);
    }
    if rows.is_empty() {
        writeln!(out, "{}", ctx.texts.no_badges(!wanted.is_empty()))?;
        return Ok(());
    }
    let today = ctx.today();
    let mut cells: Vec<Vec<String>> = rows
        .iter()
        .map(|(b, d)| {
            let done = logged.get(&b.key).copied().unwrap_or(0);
            vec![
                if b.archived {
                    ctx.texts.archived().to_string()
                } else {
                    ctx.texts.planned_status_label(b, d.status, &d.work, today)
                },
                b.key.clone(),
                b.name.clone(),
                crate::text::truncate(&b.issuer, 16),
                b.expires_on
                    .map(|d| ctx.texts.list_date(d, today))
                    .unwrap_or_else(|| "-".into()),
                ctx.texts
                    .retirement_cell(d.retirement, b.replaced_by.as_deref(), today),
                format!(
                    "{}/{}",
                    ctx.texts.minutes(done.min(b.effort_minutes)),
                    ctx.texts.minutes(b.effort_minutes)
                ),
            ]
        })
        .collect();
    let mut headers = ctx.texts.badge_headers().to_vec();
    let mut align = vec![Align::Left; 6];
    align.push(Align::Right);
    // The replacement column only when some badge listed retires or is replaced; the
    // issuer gives way on a narrow terminal (`badge show` has it), so names stay legible.
    let mut dropped = Vec::new();
    if cells.iter().all(|row| row[5].is_empty()) {
        dropped.push(5);
    }
    if ctx.width < 110 {
        dropped.push(3);
    }
    for i in dropped {
        headers.remove(i);
        align.remove(i);
        for row in &mut cells {
            row.remove(i);
        }
    }
    write!(out, "{}", table(&headers, &align, &cells, 2, ctx.width))?;
    Ok(())
}

/// What the planner does for the badge, from the same decision as its status: the outcome
/// of its renewal or target, or why nothing is planned.
fn plan_line(
    texts: &dyn CommandTexts,
    overview: &crate::planning::Overview,
    info: &crate::planning::BadgeInfo,
) -> String {
    let Some(target) = info.work.target() else {
        return match &info.work {
            crate::domain::work::Work::Nothing(idle) => texts.idle(idle),
            _ => String::new(),
        };
    };
    texts.plan_line(PlanLine::Work {
        renewal: matches!(info.work, crate::domain::work::Work::Renewal(_)),
        due: target.due,
        outcome: overview.outcome(&target.key),
        today: overview.today(),
    })
}

/// A badge as JSON: the fields of DESIGN 1 plus `status` and `logged_minutes`.
pub fn badge_json(b: &Badge, status: Status, logged: u32) -> serde_json::Value {
    let mut v = serde_json::to_value(b).expect("a badge serialises");
    if let Some(map) = v.as_object_mut() {
        map.insert("status".into(), status.as_str().into());
        map.insert("logged_minutes".into(), logged.into());
    }
    v
}

fn show(ctx: &Ctx, key: &str, json: bool, out: &mut dyn Write) -> Result<()> {
    let conn = ctx.store.conn();
    let b = badges::get(conn, key)?.ok_or_else(|| changes::unknown_badge(conn, key))?;
    let today = ctx.today();
    let overview = crate::planning::Overview::load(conn, &ctx.config, ctx.now)?;
    let info = overview
        .badge(key)
        .ok_or_else(|| changes::unknown_badge(conn, key))?;
    let (st, logged) = (info.status, info.logged);
    let journey = super::step::Journey::load(ctx, &b)?;
    if json {
        let mut v = badge_json(&b, st, logged);
        if let Some(map) = v.as_object_mut() {
            map.insert("steps".into(), journey.json().into());
            // The keys of the open deals ahead that need it.
            let deals: Vec<&str> = info.deals.iter().map(|n| n.deal.as_str()).collect();
            map.insert("deals".into(), deals.into());
        }
        return print_json(out, &v);
    }
    let opens = b.renewal_opens(ctx.config.issuer(&b.issuer).renewal_window_days);
    let d = |d: Option<chrono::NaiveDate>| d.map(|d| ctx.texts.list_date(d, today));
    let t = ctx.texts;
    let fields = [
        (
            ShowField::Status,
            Some(t.planned_status_label(&b, st, &info.work, today)),
        ),
        (ShowField::Plan, Some(plan_line(t, &overview, info))),
        (ShowField::Name, Some(b.name.clone())),
        (
            ShowField::Issuer,
            Some(b.issuer.clone()).filter(|s| !s.is_empty()),
        ),
        (ShowField::Level, b.level.clone()),
        (ShowField::Earned, d(b.earned_on)),
        (ShowField::Expires, d(b.expires_on)),
        (ShowField::Renewed, d(b.renewed_on)),
        (ShowField::RenewalOpens, d(opens)),
        (
            ShowField::Retires,
            b.retires_on
                .map(|r| t.show_retires(r, info.retirement, today)),
        ),
        (ShowField::ReplacedBy, b.replaced_by.clone()),
        (ShowField::Available, d(b.available_on)),
        (ShowField::Goal, d(b.goal_on)),
        (ShowField::After, after_text(ctx, &b)?),
        (
            ShowField::Studied,
            Some(if journey.steps.is_empty() {
                t.show_studied(logged, b.effort_minutes)
            } else {
                t.show_studied_steps(logged)
            }),
        ),
        (ShowField::Priority, Some(b.priority.to_string())),
        (
            ShowField::Tags,
            Some(b.tags.join(", ")).filter(|s| !s.is_empty()),
        ),
        (ShowField::Url, b.url.clone()),
        (ShowField::Notes, b.notes.clone()),
        (
            ShowField::Source,
            Some(match &b.source_id {
                Some(id) => format!("{} ({id})", b.source.as_str()),
                None => b.source.as_str().to_string(),
            }),
        ),
        (ShowField::Archived, b.archived.then(|| t.yes().to_string())),
    ];
    writeln!(out, "{}", b.key)?;
    for (field, value) in &fields {
        if let Some(v) = value {
            writeln!(out, "  {}  {v}", crate::text::pad(t.show_label(*field), 13))?;
        }
    }
    // The open deals ahead that need it, as the planner's Badges detail names them.
    for n in &info.deals {
        let name = overview
            .deal(&n.deal)
            .map_or(n.deal.as_str(), |d| d.deal.name.as_str());
        writeln!(out, "  ◆ {}", t.deal_for(name, n.by, n.effect, today))?;
    }
    if !journey.steps.is_empty() {
        writeln!(out, "  {}", t.show_label(ShowField::Steps))?;
        for line in journey.text(t, ctx.width.saturating_sub(4), today).lines() {
            writeln!(out, "    {line}")?;
        }
    }
    Ok(())
}

/// The prerequisites, each with where it stands: `found (held), mid (waiting for it)`.
fn after_text(ctx: &Ctx, b: &Badge) -> Result<Option<String>> {
    use super::texts::AfterState;
    if b.after.is_empty() {
        return Ok(None);
    }
    let today = ctx.today();
    let mut parts = Vec::new();
    for k in &b.after {
        let state = match badges::get(ctx.store.conn(), k)? {
            Some(p) if crate::domain::prereq::satisfied(&p, today) => AfterState::Held,
            Some(p) if p.archived => AfterState::Archived,
            Some(_) => AfterState::Waiting,
            None => AfterState::Missing,
        };
        parts.push(ctx.texts.show_after(k, state));
    }
    Ok(Some(parts.join(", ")))
}
