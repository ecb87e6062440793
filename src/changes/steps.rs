//! Changes to a badge's steps, shared by `sukima step` and the planner's Badges view. A
//! step is named by its number in the badge's list, from 1, as `sukima step list` shows
//! it. Each change is one transaction recorded for undo, and says what it did ([`Done`]).

use super::{ChangeError, Done, Label, badge_id};
use crate::domain::step::{self, Step, is_done};
use crate::store::{Store, badges, steps};
use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::Connection;

/// The badge's steps and its row id, or "no badge has the key".
fn load(conn: &Connection, key: &str) -> Result<(i64, Vec<Step>)> {
    let id = badge_id(conn, key)?;
    Ok((id, steps::of_badge(conn, id)?))
}

/// The index of step number `n` (from 1), or an error naming the range.
fn index(key: &str, list: &[Step], n: usize) -> Result<usize> {
    match list.len() {
        0 => Err(ChangeError::NoSteps { key: key.into() }.into()),
        len if n == 0 || n > len => Err(ChangeError::NoSuchStep {
            key: key.into(),
            len,
            number: n,
        }
        .into()),
        _ => Ok(n - 1),
    }
}

fn checked(s: &Step) -> Result<()> {
    step::check(s).map_err(|e| ChangeError::Step(e).into())
}

/// Adds a step at position `at` (from 1; the end when `None`).
pub fn add(store: &mut Store, key: &str, s: &Step, at: Option<usize>) -> Result<Done> {
    checked(s)?;
    store.transact(&Label::AddStep(key.into()).record(), |tx| -> Result<Done> {
        let (id, mut list) = load(tx, key)?;
        let pos = match at {
            Some(n) if n == 0 || n > list.len() + 1 => {
                return Err(ChangeError::StepPlace {
                    key: key.into(),
                    max: list.len() + 1,
                    number: n,
                }
                .into());
            }
            Some(n) => n - 1,
            None => list.len(),
        };
        list.insert(pos, s.clone());
        steps::replace(tx, id, &list)?;
        Ok(Done::StepAdded {
            key: key.into(),
            number: pos + 1,
            title: s.title.clone(),
        })
    })
}

/// Replaces step number `n` with `s` (keeping its identity in the source it came from),
/// and moves it to position `to` (from 1) when given: one change.
pub fn edit(store: &mut Store, key: &str, n: usize, s: &Step, to: Option<usize>) -> Result<Done> {
    checked(s)?;
    let label = Label::EditStep {
        key: key.into(),
        number: n,
    };
    store.transact(&label.record(), |tx| -> Result<Done> {
        let (id, mut list) = load(tx, key)?;
        let i = index(key, &list, n)?;
        let j = match to {
            Some(to) => index(key, &list, to)?,
            None => i,
        };
        let old = &list[i];
        let new = Step {
            id: old.id,
            source_ref: old.source_ref.clone(),
            gone: old.gone,
            ..s.clone()
        };
        if *old == new && i == j {
            return Ok(Done::StepUnchanged {
                key: key.into(),
                number: n,
            });
        }
        list.remove(i);
        list.insert(j, new);
        steps::replace(tx, id, &list)?;
        Ok(Done::StepUpdated {
            key: key.into(),
            number: n,
            now: j + 1,
            title: s.title.clone(),
        })
    })
}

/// Moves step number `from` to position `to` (both from 1).
pub fn reorder(store: &mut Store, key: &str, from: usize, to: usize) -> Result<Done> {
    let label = Label::MoveStep {
        key: key.into(),
        number: from,
    };
    store.transact(&label.record(), |tx| -> Result<Done> {
        let (id, mut list) = load(tx, key)?;
        let i = index(key, &list, from)?;
        let j = index(key, &list, to)?;
        let s = list.remove(i);
        let title = s.title.clone();
        list.insert(j, s);
        steps::replace(tx, id, &list)?;
        Ok(Done::StepMoved {
            key: key.into(),
            from,
            to,
            title,
        })
    })
}

/// Marks step number `n` done on `today` (the current step, the first not done, when
/// `None`), or not done when `done` is false.
pub fn set_done(
    store: &mut Store,
    key: &str,
    n: Option<usize>,
    done: bool,
    today: NaiveDate,
) -> Result<Done> {
    let label = Label::MarkStep {
        key: key.into(),
        done,
    };
    store.transact(&label.record(), |tx| -> Result<Done> {
        let (id, mut list) = load(tx, key)?;
        let badge = badges::get(tx, key)?.ok_or_else(|| super::unknown_badge(tx, key))?;
        let cycle = badge.cycle_start();
        let i = match n {
            Some(n) => index(key, &list, n)?,
            None => {
                index(key, &list, 1)?;
                list.iter()
                    .position(|s| !s.gone && !is_done(s, cycle))
                    .ok_or_else(|| ChangeError::AllStepsDone { key: key.into() })?
            }
        };
        let s = &mut list[i];
        if is_done(s, cycle) == done {
            return Err(ChangeError::StepAlready {
                key: key.into(),
                number: i + 1,
                title: s.title.clone(),
                done,
            }
            .into());
        }
        s.done_on = done.then_some(today);
        let title = s.title.clone();
        steps::replace(tx, id, &list)?;
        let next = list
            .iter()
            .enumerate()
            .find(|(_, s)| !s.gone && !is_done(s, cycle))
            .map(|(j, s)| (j + 1, s.title.clone()));
        Ok(Done::StepMarked {
            key: key.into(),
            number: i + 1,
            title,
            done,
            next,
        })
    })
}

/// Deletes step number `n`.
pub fn remove(store: &mut Store, key: &str, n: usize) -> Result<Done> {
    let label = Label::DeleteStep {
        key: key.into(),
        number: n,
    };
    store.transact(&label.record(), |tx| -> Result<Done> {
        let (id, mut list) = load(tx, key)?;
        let i = index(key, &list, n)?;
        let s = list.remove(i);
        steps::replace(tx, id, &list)?;
        Ok(Done::StepDeleted {
            key: key.into(),
            number: n,
            title: s.title,
        })
    })
}

/// Brings the earning criteria of an import's records to their badges (after the import
/// itself is written, in the same transaction): each criterion a step, merged with the
/// badge's steps ([`crate::domain::step::merge_criteria`]); each criterion that asks for
/// another badge of the same import a prerequisite, added to the badge's (never
/// removed: the user decides that). A criterion asking for a badge not in the import stays
/// a step, so it is not lost. Returns notes for the import's report.
pub fn apply_criteria(
    tx: &Connection,
    import: &crate::io::Import,
) -> Result<Vec<String>, crate::store::StoreError> {
    use crate::domain::step::{CriteriaChange, criterion_ref, merge_criteria};
    use std::collections::BTreeMap;
    let stored = badges::all(tx)?;
    let key_of = |source_id: &str| {
        stored
            .iter()
            .find(|b| b.source == import.source && b.source_id.as_deref() == Some(source_id))
            .map(|b| b.key.clone())
    };
    let by_template: BTreeMap<&str, String> = import
        .records
        .iter()
        .filter_map(|r| Some((r.template_id.as_deref()?, key_of(&r.source_id)?)))
        .collect();
    let mut total = CriteriaChange::default();
    let mut touched = 0usize;
    let mut notes = Vec::new();
    let mut all = stored.clone();
    for r in &import.records {
        let (Some(list), Some(key)) = (&r.activities, key_of(&r.source_id)) else {
            continue;
        };
        let Some(id) = badges::id_of(tx, &key)? else {
            continue;
        };
        let mut criteria = Vec::new();
        let mut after: Vec<String> = Vec::new();
        for a in list {
            match a.requires.as_deref().and_then(|t| by_template.get(t)) {
                Some(k) if *k != key => {
                    if !after.contains(k) {
                        after.push(k.clone());
                    }
                }
                _ => criteria.push(Step {
                    title: a.title.clone(),
                    kind: a.kind,
                    url: a.url.clone(),
                    source_ref: Some(criterion_ref(&a.title)),
                    ..Step::default()
                }),
            }
        }
        let old = steps::of_badge(tx, id)?;
        let (new, change) = merge_criteria(&old, &criteria);
        if new != old {
            steps::replace(tx, id, &new)?;
            touched += 1;
        }
        total.added += change.added;
        total.gone += change.gone;
        total.back += change.back;
        if change.gone > 0 {
            notes.push(format!(
                "#{key}: {} no longer in its criteria (kept, marked gone)",
                crate::text::counted(change.gone, "step is", "steps are")
            ));
        }
        // Prerequisites: only new ones, and never one that would make a loop.
        let Some(pos) = all.iter().position(|b| b.key == key) else {
            continue;
        };
        let mut list = all[pos].after.clone();
        for k in after {
            if list.contains(&k) {
                continue;
            }
            let mut trial = list.clone();
            trial.push(k.clone());
            match crate::domain::prereq::check(&key, &trial, &list, &{
                let mut v = all.clone();
                v[pos].after.clone_from(&trial);
                v
            }) {
                Ok(()) => {
                    notes.push(format!(
                        "#{key} now comes after #{k} (its criteria ask for it)"
                    ));
                    list = trial;
                }
                Err(e) => notes.push(format!("#{key} does not come after #{k}: {e}")),
            }
        }
        if list != all[pos].after {
            badges::set_after(tx, &key, &list)?;
            all[pos].after = list;
        }
    }
    if total.added > 0 {
        notes.insert(
            0,
            format!(
                "{} from the earning criteria of {}",
                crate::text::counted(total.added, "step added", "steps added"),
                crate::text::counted(touched, "badge", "badges")
            ),
        );
    }
    if total.back > 0 {
        notes.push(format!(
            "{} back in the criteria",
            crate::text::counted(total.back, "step is", "steps are")
        ));
    }
    Ok(notes)
}
