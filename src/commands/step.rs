//! `sukima step add/list/edit/done/rm KEY`: a badge's learning journey.

use super::texts::CommandTexts;
use super::{Ctx, print_json};
use crate::changes::{self, ChangeError, Done, steps as act};
use crate::cli::{StepCommand, StepFields};
use crate::domain::badge::Badge;
use crate::domain::duration::parse_duration;
use crate::domain::step::{self, Estimates, Progress, Step, StepKind, is_done};
use crate::store::{badges, steps};
use crate::text::{Align, table};
use anyhow::{Result, anyhow};
use std::io::Write;

/// Runs a `step` subcommand.
pub fn run(ctx: &mut Ctx, cmd: StepCommand, out: &mut dyn Write) -> Result<()> {
    let today = ctx.today();
    let done: Done = match cmd {
        StepCommand::List { key, json } => return list(ctx, &key, json, out),
        StepCommand::Add {
            key,
            title,
            fields,
            at,
        } => {
            let mut s = Step {
                title: title.trim().to_string(),
                ..Step::default()
            };
            apply(&mut s, &fields)?;
            act::add(&mut ctx.store, &key, &s, at)?
        }
        StepCommand::Edit {
            key,
            number,
            title,
            fields,
            to,
        } => {
            let list = stored(ctx, &key)?;
            let old = match list.get(number.wrapping_sub(1)) {
                Some(s) => s.clone(),
                None if list.is_empty() => return Err(ChangeError::NoSteps { key }.into()),
                None => {
                    return Err(ChangeError::NoSuchStep {
                        key,
                        len: list.len(),
                        number,
                    }
                    .into());
                }
            };
            let mut s = old.clone();
            if let Some(t) = &title {
                s.title = t.trim().to_string();
            }
            apply(&mut s, &fields)?;
            act::edit(&mut ctx.store, &key, number, &s, to)?
        }
        StepCommand::Done { key, number, undo } => {
            act::set_done(&mut ctx.store, &key, number, !undo, today)?
        }
        StepCommand::Rm { key, number } => {
            let done = act::remove(&mut ctx.store, &key, number)?;
            writeln!(out, "{}{}", ctx.texts.done(&done), ctx.texts.undo_hint())?;
            return Ok(());
        }
    };
    writeln!(out, "{}", ctx.texts.done(&done))?;
    Ok(())
}

fn badge(ctx: &Ctx, key: &str) -> Result<Badge> {
    let conn = ctx.store.conn();
    badges::get(conn, key)?.ok_or_else(|| changes::unknown_badge(conn, key))
}

fn stored(ctx: &Ctx, key: &str) -> Result<Vec<Step>> {
    let conn = ctx.store.conn();
    let id = badges::id_of(conn, key)?.ok_or_else(|| changes::unknown_badge(conn, key))?;
    Ok(steps::of_badge(conn, id)?)
}

/// Applies the flags given to a step; an empty value clears the field.
fn apply(s: &mut Step, f: &StepFields) -> Result<()> {
    if let Some(k) = &f.kind {
        s.kind = if k.trim().is_empty() {
            StepKind::Other
        } else {
            k.parse::<StepKind>().map_err(ChangeError::Step)?
        };
    }
    if let Some(m) = &f.minutes {
        s.minutes = if m.trim().is_empty() {
            None
        } else {
            Some(parse_duration(m).map_err(|e| anyhow!("--minutes: {e}"))?)
        };
    }
    if let Some(u) = &f.url {
        let u = u.trim();
        s.url = (!u.is_empty()).then(|| u.to_string());
    }
    step::check(s).map_err(|e| ChangeError::Step(e).into())
}

/// A badge's steps and progress, as `step list` and `badge show` print them.
pub struct Journey {
    pub steps: Vec<Step>,
    pub progress: Progress,
    pub cycle_start: Option<chrono::NaiveDate>,
    pub estimates: Estimates,
}

impl Journey {
    /// Loads the journey of a badge.
    pub fn load(ctx: &Ctx, b: &Badge) -> Result<Journey> {
        let conn = ctx.store.conn();
        let id = badges::id_of(conn, &b.key)?.unwrap_or_default();
        let list = steps::of_badge(conn, id)?;
        let since = steps::logged_since_last_done(conn)?
            .get(&b.key)
            .copied()
            .unwrap_or(0);
        let estimates = ctx.config.journey.estimates();
        Ok(Journey {
            progress: step::progress(&list, b.cycle_start(), since, &estimates),
            steps: list,
            cycle_start: b.cycle_start(),
            estimates,
        })
    }

    /// The steps as JSON objects: `number`, `title`, `kind`, `minutes` (the estimate it
    /// counts for), `default_minutes` (whether that is its kind's default), `url`,
    /// `done_on`, `gone` and `current`.
    pub fn json(&self) -> Vec<serde_json::Value> {
        self.steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                serde_json::json!({
                    "number": i + 1,
                    "title": s.title,
                    "kind": s.kind.as_str(),
                    "minutes": step::estimate(s, &self.estimates),
                    "default_minutes": s.minutes.is_none(),
                    "url": s.url,
                    "done_on": s
                        .done_on
                        .filter(|_| is_done(s, self.cycle_start))
                        .map(crate::domain::dates::ymd),
                    "gone": s.gone,
                    "current": self.progress.current == Some(i),
                })
            })
            .collect()
    }

    /// The steps as a table (✓ done, ▸ current, - gone), then one line of progress.
    pub fn text(&self, t: &dyn CommandTexts, width: usize) -> String {
        let p = &self.progress;
        let rows: Vec<Vec<String>> = self
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let done = is_done(s, self.cycle_start);
                let mark = if s.gone {
                    "-"
                } else if done {
                    "✓"
                } else if p.current == Some(i) {
                    "▸"
                } else {
                    " "
                };
                let est = step::estimate(s, &self.estimates);
                let state = if s.gone {
                    t.step_gone().to_string()
                } else if let (true, Some(d)) = (done, s.done_on) {
                    t.step_done_on(d)
                } else if p.current == Some(i) && p.logged > 0 {
                    t.step_progress(p.logged.min(est), est)
                } else {
                    String::new()
                };
                vec![
                    format!("{mark} {}", i + 1),
                    t.step_kind(s.kind).to_string(),
                    t.minutes(est),
                    s.title.clone(),
                    state,
                    s.url.clone().unwrap_or_default(),
                ]
            })
            .collect();
        let mut out = table(
            &t.step_headers(),
            &[
                Align::Right,
                Align::Left,
                Align::Right,
                Align::Left,
                Align::Left,
                Align::Left,
            ],
            &rows,
            2,
            width,
        );
        out.push_str(&t.steps_summary(p.steps_done, p.steps_counted, p.remaining, p.total));
        out.push('\n');
        out
    }
}

fn list(ctx: &Ctx, key: &str, json: bool, out: &mut dyn Write) -> Result<()> {
    let b = badge(ctx, key)?;
    let j = Journey::load(ctx, &b)?;
    if json {
        return print_json(
            out,
            &serde_json::json!({
                "badge": b.key,
                "steps": j.json(),
                "total_minutes": j.progress.total,
                "remaining_minutes": j.progress.remaining,
            }),
        );
    }
    if j.steps.is_empty() {
        writeln!(out, "{}", ctx.texts.no_steps_yet(key))?;
        return Ok(());
    }
    writeln!(out, "{}  {}", b.key, b.name)?;
    write!(out, "{}", j.text(ctx.texts, ctx.width))?;
    Ok(())
}
