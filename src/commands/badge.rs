//! `sukima badge add/list/show/edit/renew/archive/rm`.

use super::{Ctx, date_flag, print_json};
use crate::actions;
use crate::cli::{BadgeCommand, BadgeFields, BadgeListArgs};
use crate::config::Language;
use crate::domain::badge::{Badge, Priority, key_for, validate_key};
use crate::domain::decision::{Decision, Retirement};
use crate::domain::duration::{format_minutes, parse_duration};
use crate::domain::status::{Status, countdown_days, urgency};
use crate::domain::validation::{IssuerRule, check_badge, split_tags};
use crate::store::badges;
use crate::text::{Align, table};
use anyhow::{Result, anyhow, bail};
use std::io::Write;

/// Runs a `badge` subcommand.
pub fn run(ctx: &mut Ctx, cmd: BadgeCommand, out: &mut dyn Write) -> Result<()> {
    match cmd {
        BadgeCommand::Add { name, fields } => {
            let b = new_badge(ctx, &name, &fields)?;
            let msg = actions::add_badge(&mut ctx.store, &b)?;
            writeln!(out, "{msg}")?;
        }
        BadgeCommand::List(args) => list(ctx, &args, out)?,
        BadgeCommand::Show { key, json } => show(ctx, &key, json, out)?,
        BadgeCommand::Edit { key, name, fields } => {
            let old = badges::get(ctx.store.conn(), &key)?
                .ok_or_else(|| actions::unknown_badge(ctx.store.conn(), &key))?;
            let mut b = old.clone();
            if let Some(n) = &name {
                b.name = text(n).ok_or_else(|| anyhow!("--name cannot be empty"))?;
            }
            apply(ctx, &mut b, &fields)?;
            validate(ctx, &mut b)?;
            if b == old {
                writeln!(out, "{key}: nothing to change")?;
                return Ok(());
            }
            let msg = actions::edit_badge(&mut ctx.store, &key, &b)?;
            writeln!(out, "{msg}")?;
        }
        BadgeCommand::Renew { key, expires } => {
            let b = badges::get(ctx.store.conn(), &key)?
                .ok_or_else(|| actions::unknown_badge(ctx.store.conn(), &key))?;
            let today = ctx.today();
            let expires = match expires.as_deref() {
                Some(text) => date_flag("expires", text)?
                    .ok_or_else(|| anyhow!("--expires needs a date, like 2028-01-31"))?,
                None => default_renewal_expiry(ctx, &b),
            };
            let msg = actions::renew_badge(&mut ctx.store, &key, today, expires)?;
            writeln!(out, "{msg}")?;
        }
        BadgeCommand::Archive { key, restore } => {
            let msg = actions::set_archived(&mut ctx.store, &key, !restore)?;
            writeln!(out, "{msg}")?;
        }
        BadgeCommand::Rm { key } => {
            let msg = actions::remove_badge(&mut ctx.store, &key)?;
            writeln!(out, "{msg} (`sukima undo` brings them back)")?;
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
        bail!("a badge needs a name, like `sukima badge add \"AWS Certified Cloud Practitioner\"`");
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

/// Applies the flags given to a badge.
fn apply(ctx: &Ctx, b: &mut Badge, f: &BadgeFields) -> Result<()> {
    if let Some(k) = &f.key {
        validate_key(k).map_err(|e| anyhow!("--key: {e}"))?;
        b.key.clone_from(k);
    }
    if let Some(i) = &f.issuer {
        b.issuer = i.trim().to_string();
    }
    if let Some(v) = &f.level {
        b.level = text(v);
    }
    if let Some(v) = &f.url {
        b.url = text(v);
    }
    if let Some(v) = &f.notes {
        b.notes = text(v);
    }
    let dates: [(&str, &Option<String>, &mut Option<chrono::NaiveDate>); 7] = [
        ("earned", &f.earned, &mut b.earned_on),
        ("expires", &f.expires, &mut b.expires_on),
        ("renewed", &f.renewed, &mut b.renewed_on),
        ("retires", &f.retires, &mut b.retires_on),
        ("available", &f.available, &mut b.available_on),
        ("goal", &f.goal, &mut b.goal_on),
        ("renew-from", &f.renew_from, &mut b.renew_from),
    ];
    for (flag, value, field) in dates {
        if let Some(v) = value {
            *field = date_flag(flag, v)?;
        }
    }
    if let Some(e) = b.earned_on.filter(|e| *e > ctx.today()) {
        bail!("--earned {e} is after today: leave it out for a badge not earned yet");
    }
    if let Some(v) = &f.replaced_by {
        b.replaced_by = text(v);
    }
    if let Some(v) = &f.effort {
        b.effort_minutes = if v.trim().is_empty() {
            ctx.default_effort(&b.issuer)
        } else {
            parse_duration(v).map_err(|e| anyhow!("--effort: {e}"))?
        };
    }
    if let Some(v) = &f.priority {
        b.priority = v
            .parse::<Priority>()
            .map_err(|e| anyhow!("--priority: {e}"))?;
    }
    if !f.tags.is_empty() {
        b.tags = split_tags(f.tags.iter().map(String::as_str));
    }
    Ok(())
}

/// The status flag with its countdown: `expiring 25d`, `expired 12d ago`, `retiring 34d`.
pub fn status_label(b: &Badge, status: Status, today: chrono::NaiveDate) -> String {
    status_label_in(b, status, today, Language::En)
}

/// [`status_label`] in `language` (the planner's interface speaks Japanese too:
/// `失効間近 25日`, `失効 12日前`; the command line is English).
pub fn status_label_in(
    b: &Badge,
    status: Status,
    today: chrono::NaiveDate,
    language: Language,
) -> String {
    let ja = language == Language::Ja;
    let word = if ja {
        match status {
            Status::Expired => "失効",
            Status::Retired => "廃止済",
            Status::Retiring => "廃止予定",
            Status::Expiring => "失効間近",
            Status::Active => "有効",
            Status::NoExpiry => "無期限",
            Status::Target => "目標",
        }
    } else {
        status.as_str()
    };
    match countdown_days(b, status, today) {
        Some(d) if d < 0 && ja => format!("{word} {}日前", -d),
        Some(d) if d < 0 => format!("{word} {}d ago", -d),
        Some(d) if status != Status::Target || b.goal_on.is_some() => {
            format!("{word} {d}{}", if ja { "日" } else { "d" })
        }
        _ => word.to_string(),
    }
}

/// Badges in list order (the one urgency order of [`urgency`]), each with its decision.
fn sorted_for_list(ctx: &Ctx, all: Vec<Badge>) -> Result<Vec<(Badge, Decision)>> {
    let today = ctx.today();
    let logged = badges::logged_in_cycle(ctx.store.conn())?;
    let mut decided = crate::planning::decisions(&ctx.config, today, &all, &logged);
    let mut rows: Vec<(Badge, Decision)> = all
        .into_iter()
        .filter_map(|b| decided.remove(&b.key).map(|d| (b, d)))
        .collect();
    rows.sort_by_cached_key(|(b, d)| (urgency(b, d.status, today), b.key.clone()));
    Ok(rows)
}

fn list(ctx: &Ctx, args: &BadgeListArgs, out: &mut dyn Write) -> Result<()> {
    let wanted: Vec<Status> = args
        .status
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            Status::parse(s).ok_or_else(|| {
                anyhow!(
                    "--status: '{s}' is not a status: use {}",
                    Status::ALL.map(Status::as_str).join(", ")
                )
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
        writeln!(
            out,
            "No badges{}. Add one with `sukima badge add NAME` or `sukima import credly FILE`.",
            if wanted.is_empty() {
                ""
            } else {
                " with that status"
            }
        )?;
        return Ok(());
    }
    let today = ctx.today();
    let mut cells: Vec<Vec<String>> = rows
        .iter()
        .map(|(b, d)| {
            let done = logged.get(&b.key).copied().unwrap_or(0);
            vec![
                if b.archived {
                    "archived".to_string()
                } else {
                    status_label(b, d.status, today)
                },
                b.key.clone(),
                b.name.clone(),
                crate::text::truncate(&b.issuer, 16),
                b.expires_on
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "-".into()),
                retirement(b, d.retirement),
                format!(
                    "{}/{}",
                    format_minutes(done.min(b.effort_minutes)),
                    format_minutes(b.effort_minutes)
                ),
            ]
        })
        .collect();
    let mut headers = vec![
        "STATUS",
        "KEY",
        "NAME",
        "ISSUER",
        "EXPIRES",
        "REPLACEMENT",
        "STUDIED",
    ];
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

/// What the badge's retirement means, from its decision: the replacement's key,
/// `none: lapse` (it retires first with nothing planned), `(retires DATE)` for a
/// retirement after the expiry (renewed as usual), or empty.
fn retirement(b: &Badge, r: Retirement) -> String {
    match (r, &b.replaced_by) {
        (Retirement::LetLapse(_), _) => "none: lapse".into(),
        (Retirement::AfterExpiry(d), _) => format!("(retires {d})"),
        (_, Some(k)) => k.clone(),
        (_, None) => String::new(),
    }
}

/// What the planner does for the badge, from the same decision as its status: the outcome
/// of its renewal or target, or why nothing is planned.
fn plan_line(overview: &crate::planning::Overview, info: &crate::planning::BadgeInfo) -> String {
    let Some(target) = info.work.target() else {
        return match &info.work {
            crate::domain::work::Work::Nothing(idle) => crate::tui::strings::idle(idle),
            _ => String::new(),
        };
    };
    let what = match &info.work {
        crate::domain::work::Work::Renewal(_) => "renew",
        _ => "earn",
    };
    let Some(o) = overview.outcome(&target.key) else {
        return format!("{what} by {}: not planned yet", target.due);
    };
    let planned = format_minutes(o.planned_before_due);
    match (o.at_risk, o.finish) {
        (false, Some(f)) => format!(
            "{what} by {}: {planned} planned, ready {f} (on time)",
            o.due
        ),
        (false, None) => format!("{what} by {}: done", o.due),
        (true, f) => format!(
            "{what} by {}: AT RISK, short {}{}",
            o.due,
            format_minutes(o.shortfall),
            f.map(|f| format!(", ready {f}")).unwrap_or_default()
        ),
    }
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
    let b = badges::get(conn, key)?.ok_or_else(|| actions::unknown_badge(conn, key))?;
    let today = ctx.today();
    let overview = crate::planning::Overview::load(conn, &ctx.config, ctx.now)?;
    let info = overview
        .badge(key)
        .ok_or_else(|| actions::unknown_badge(conn, key))?;
    let (st, logged) = (info.status, info.logged);
    if json {
        return print_json(out, &badge_json(&b, st, logged));
    }
    let opens = b.renewal_opens(ctx.config.issuer(&b.issuer).renewal_window_days);
    let d = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string());
    let fields = [
        ("status", Some(status_label(&b, st, today))),
        ("plan", Some(plan_line(&overview, info))),
        ("name", Some(b.name.clone())),
        ("issuer", Some(b.issuer.clone()).filter(|s| !s.is_empty())),
        ("level", b.level.clone()),
        ("earned", d(b.earned_on)),
        ("expires", d(b.expires_on)),
        ("renewed", d(b.renewed_on)),
        ("renewal opens", d(opens)),
        (
            "retires",
            b.retires_on.map(|r| match info.retirement {
                Retirement::LetLapse(_) => format!("{r}, with no replacement: let it lapse"),
                Retirement::AfterExpiry(_) => {
                    format!("{r}, after it expires: renewed as usual")
                }
                _ => r.to_string(),
            }),
        ),
        ("replaced by", b.replaced_by.clone()),
        ("available", d(b.available_on)),
        ("goal", d(b.goal_on)),
        (
            "studied",
            Some(format!(
                "{} of {} this cycle",
                format_minutes(logged),
                format_minutes(b.effort_minutes)
            )),
        ),
        ("priority", Some(b.priority.to_string())),
        ("tags", Some(b.tags.join(", ")).filter(|s| !s.is_empty())),
        ("url", b.url.clone()),
        ("notes", b.notes.clone()),
        (
            "source",
            Some(match &b.source_id {
                Some(id) => format!("{} ({id})", b.source.as_str()),
                None => b.source.as_str().to_string(),
            }),
        ),
        ("archived", b.archived.then(|| "yes".to_string())),
    ];
    writeln!(out, "{}", b.key)?;
    for (label, value) in &fields {
        if let Some(v) = value {
            writeln!(out, "  {}  {v}", crate::text::pad(label, 13))?;
        }
    }
    Ok(())
}
