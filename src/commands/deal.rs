//! `sukima deal add/list/show/edit/close/rm`: deals (案件登録), the badges they need by
//! a date (DESIGN 1, 6).

use super::{Ctx, print_json};
use crate::changes::ChangeError;
use crate::changes::deals as act;
use crate::cli::{DealCommand, DealFields};
use crate::domain::badge::Priority;
use crate::domain::deal::{self, Deal, DealError, DealState, DealStatus};
use crate::planning::Overview;
use crate::present::{DealTexts, En};
use crate::text::{Align, table};
use anyhow::Result;
use serde::Serialize;
use std::io::Write;

/// Runs a `deal` subcommand.
pub fn run(ctx: &mut Ctx, cmd: DealCommand, out: &mut dyn Write) -> Result<()> {
    let today = ctx.today();
    let done = match cmd {
        DealCommand::List { json } => return list(ctx, json, out),
        DealCommand::Show { key, json } => return show(ctx, &key, json, out),
        DealCommand::Add {
            name,
            by,
            needs,
            fields,
            key,
        } => {
            let key = match key {
                Some(k) => k.trim().to_string(),
                None => act::key_for(ctx.store.conn(), &name)?,
            };
            let mut d = Deal {
                key,
                name: name.trim().to_string(),
                by: parse_by(&by)?,
                needs: deal::parse_needs(&needs),
                review: Vec::new(),
                priority: Priority::High,
                state: DealState::Open,
                notes: None,
                created_on: today,
            };
            apply(&mut d, &fields).map_err(ChangeError::Deal)?;
            act::add(&mut ctx.store, &d)?
        }
        DealCommand::Edit {
            key,
            name,
            by,
            needs,
            fields,
            new_key,
        } => {
            let (_, mut d) = act::load(ctx.store.conn(), &key)?;
            if let Some(n) = name {
                d.name = n.trim().to_string();
            }
            if let Some(b) = by {
                d.by = parse_by(&b)?;
            }
            if let Some(n) = needs {
                d.needs = deal::parse_needs(&n);
                d.review.retain(|r| d.needs.contains(&r.badge));
            }
            if let Some(k) = new_key {
                d.key = k.trim().to_string();
            }
            apply(&mut d, &fields).map_err(ChangeError::Deal)?;
            act::edit(&mut ctx.store, &key, &d)?
        }
        DealCommand::Close {
            key,
            won,
            lost,
            dropped: _,
        } => {
            let state = if won {
                DealState::Won
            } else if lost {
                DealState::Lost
            } else {
                DealState::Dropped
            };
            act::close(&mut ctx.store, &key, state)?
        }
        DealCommand::Rm { key } => {
            let done = act::remove(&mut ctx.store, &key)?;
            writeln!(out, "{}{}", ctx.texts.done(&done), ctx.texts.undo_hint())?;
            return Ok(());
        }
    };
    writeln!(out, "{}", ctx.texts.done(&done))?;
    Ok(())
}

fn parse_by(text: &str) -> Result<chrono::NaiveDate> {
    crate::domain::dates::parse_ymd(text.trim()).map_err(|_| {
        ChangeError::Deal(DealError::BadDate {
            text: text.to_string(),
        })
        .into()
    })
}

fn apply(d: &mut Deal, f: &DealFields) -> Result<(), DealError> {
    if let Some(r) = &f.review {
        d.review = deal::parse_review(r)?;
    }
    if let Some(p) = &f.priority {
        d.priority = p
            .parse()
            .map_err(|_| DealError::BadPriority { text: p.clone() })?;
    }
    if let Some(n) = &f.notes {
        let n = n.trim();
        d.notes = (!n.is_empty()).then(|| n.to_string());
    }
    Ok(())
}

/// A deal as `deal list --json` prints it (DESIGN 6); `reasons` in English, as every
/// JSON field is the same whatever the language.
#[derive(Serialize)]
pub struct DealJson {
    pub key: String,
    pub name: String,
    pub by: String,
    pub needs: Vec<String>,
    pub review: Vec<ReviewJson>,
    pub priority: String,
    pub state: String,
    pub at_risk: bool,
    pub reasons: Vec<String>,
}

#[derive(Serialize)]
pub struct ReviewJson {
    pub badge: String,
    pub minutes: u32,
}

impl DealJson {
    /// The JSON of one deal as the overview assesses it.
    pub fn of(ov: &Overview, s: &DealStatus) -> DealJson {
        let d = &s.deal;
        DealJson {
            key: d.key.clone(),
            name: d.name.clone(),
            by: crate::domain::dates::ymd(d.by),
            needs: d.needs.clone(),
            review: d
                .review
                .iter()
                .map(|r| ReviewJson {
                    badge: r.badge.clone(),
                    minutes: r.minutes,
                })
                .collect(),
            priority: d.priority.as_str().to_string(),
            state: d.state.as_str().to_string(),
            at_risk: s.at_risk(),
            reasons: s
                .risks
                .iter()
                .map(|r| En.deal_risk(r, ov.name(&r.badge), ov.today()))
                .collect(),
        }
    }
}

fn overview(ctx: &Ctx) -> Result<Overview> {
    Ok(Overview::load(ctx.store.conn(), &ctx.config, ctx.now)?)
}

fn list(ctx: &Ctx, json: bool, out: &mut dyn Write) -> Result<()> {
    let ov = overview(ctx)?;
    if json {
        let v: Vec<DealJson> = ov.deals.iter().map(|s| DealJson::of(&ov, s)).collect();
        return print_json(out, &v);
    }
    let t = ctx.texts;
    if ov.deals.is_empty() {
        writeln!(out, "{}", t.no_deals())?;
        return Ok(());
    }
    let today = ov.today();
    let rows: Vec<Vec<String>> = ov
        .deals
        .iter()
        .map(|s| {
            vec![
                s.deal.key.clone(),
                s.deal.name.clone(),
                crate::domain::dates::ymd(s.deal.by),
                state_word(t, s),
                s.deal.needs.join(", "),
            ]
        })
        .collect();
    let text = table(&t.deal_heads(), &[Align::Left; 5], &rows, 1, ctx.width);
    for (line, s) in text
        .lines()
        .zip(std::iter::once(None).chain(ov.deals.iter().map(Some)))
    {
        writeln!(out, "{line}")?;
        for r in s.map(|s| s.risks.as_slice()).unwrap_or_default() {
            writeln!(out, "  ! {}", t.deal_risk(r, ov.name(&r.badge), today))?;
        }
    }
    Ok(())
}

/// The state column: a closed deal's state, else ready or at risk (open and ahead), else
/// open (its date has passed).
fn state_word(t: &dyn crate::present::Texts, s: &DealStatus) -> String {
    if s.at_risk() {
        t.deal_at_risk().to_string()
    } else if s.active {
        t.deal_ready().to_string()
    } else {
        t.deal_state(s.deal.state).to_string()
    }
}

fn show(ctx: &Ctx, key: &str, json: bool, out: &mut dyn Write) -> Result<()> {
    let ov = overview(ctx)?;
    let Some(s) = ov.deal(key) else {
        // The same refusal as a change to an unknown deal.
        act::load(ctx.store.conn(), key)?;
        return Ok(());
    };
    if json {
        #[derive(Serialize)]
        struct Show {
            #[serde(flatten)]
            deal: DealJson,
            notes: Option<String>,
        }
        return print_json(
            out,
            &Show {
                deal: DealJson::of(&ov, s),
                notes: s.deal.notes.clone(),
            },
        );
    }
    let t = ctx.texts;
    let today = ov.today();
    let [name, by, needs, review, priority, state, notes] = t.deal_fields();
    let d = &s.deal;
    let width = t
        .deal_fields()
        .iter()
        .map(|f| crate::text::width(f))
        .max()
        .unwrap_or(0);
    let field = |out: &mut dyn Write, label: &str, value: &str| -> Result<()> {
        writeln!(out, "{}  {value}", crate::text::pad(label, width))?;
        Ok(())
    };
    writeln!(out, "{}", d.key)?;
    field(out, name, &d.name)?;
    field(out, by, &t.date(d.by, today))?;
    let needed: Vec<String> = d
        .needs
        .iter()
        .map(|k| format!("{k} ({})", ov.name(k)))
        .collect();
    field(out, needs, &needed.join(", "))?;
    if !d.review.is_empty() {
        let r: Vec<String> = d
            .review
            .iter()
            .map(|r| format!("{} {}", r.badge, t.minutes(r.minutes)))
            .collect();
        field(out, review, &r.join(", "))?;
    }
    field(out, priority, d.priority.as_str())?;
    field(out, state, &state_word(t, s))?;
    if let Some(n) = &d.notes {
        field(out, notes, n)?;
    }
    for r in &s.risks {
        writeln!(out, "  ! {}", t.deal_risk(r, ov.name(&r.badge), today))?;
    }
    Ok(())
}
