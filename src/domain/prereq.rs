//! Prerequisites (DESIGN 1): a badge may require others first (`after`). A prerequisite is
//! satisfied once it is held (earned and not expired); until then the badge waits for the
//! prerequisite's planned finish (the planner's hard rule, DESIGN 3).
//!
//! Choices where the contract is silent:
//! - A prerequisite that is not satisfied and has nothing planned of its own (a target
//!   without a goal, an expired badge) is planned because of the badges that wait for it:
//!   released when it can be studied, due by the earliest due of those badges (the planner
//!   moves it earlier still, so they can be done after it). So a goal on the last badge of
//!   a chain (Foundation, Intermediate, Advanced) plans the whole chain.
//! - An archived or retired prerequisite can no longer be earned: it does not hold the
//!   badge back (and cannot be added as a prerequisite).

use super::badge::Badge;
use super::work::{PlanTarget, Work};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// Why a badge's prerequisites cannot be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrereqError {
    #[error(
        "no badge has the key '{key}': a prerequisite must be a badge (see `sukima badge list`)"
    )]
    Unknown { key: String },
    #[error("'{key}' is archived: restore it first, or leave it out of --after")]
    Archived { key: String },
    #[error("badge '{key}' cannot come after itself")]
    Itself { key: String },
    #[error(
        "prerequisites make a loop ({}): take one of them out of --after",
        .cycle.join(" → ")
    )]
    Cycle { cycle: Vec<String> },
}

/// Whether a prerequisite is met on `today`: held, and not expired.
pub fn satisfied(b: &Badge, today: NaiveDate) -> bool {
    b.is_held() && b.expires_on.is_none_or(|e| e >= today)
}

/// Whether a badge can still be earned, so that waiting for it makes sense.
fn can_be_earned(b: &Badge, today: NaiveDate) -> bool {
    !b.archived && b.retires_on.is_none_or(|r| r >= today)
}

/// The keys a badge waits for on `today`: its prerequisites that are not satisfied and can
/// still be earned, in the order given.
pub fn waits_for<'a>(
    b: &'a Badge,
    by_key: &BTreeMap<&str, &Badge>,
    today: NaiveDate,
) -> Vec<&'a str> {
    b.after
        .iter()
        .map(String::as_str)
        .filter(|k| {
            by_key
                .get(k)
                .is_some_and(|p| !satisfied(p, today) && can_be_earned(p, today))
        })
        .collect()
}

/// The first loop among the prerequisites, as the keys along it with the first repeated
/// at the end (`a → b → a`); `None` when there is none. Keys without a badge are ignored.
pub fn find_cycle<'a>(edges: &BTreeMap<&'a str, Vec<&'a str>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut mark: BTreeMap<&str, Mark> = edges.keys().map(|&k| (k, Mark::New)).collect();
    for &start in edges.keys() {
        if mark[start] != Mark::New {
            continue;
        }
        // Depth first, with an explicit stack of (node, next edge index).
        let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
        mark.insert(start, Mark::Open);
        while let Some(&mut (node, ref mut i)) = stack.last_mut() {
            let next = edges[node].get(*i).copied();
            *i += 1;
            match next {
                None => {
                    mark.insert(node, Mark::Done);
                    stack.pop();
                }
                Some(n) => match mark.get(n).copied() {
                    Some(Mark::New) => {
                        mark.insert(n, Mark::Open);
                        stack.push((n, 0));
                    }
                    Some(Mark::Open) => {
                        let from = stack.iter().position(|(k, _)| *k == n).unwrap_or(0);
                        let mut cycle: Vec<String> = stack[from..]
                            .iter()
                            .map(|(k, _)| (*k).to_string())
                            .collect();
                        cycle.push(n.to_string());
                        return Some(cycle);
                    }
                    _ => {}
                },
            }
        }
    }
    None
}

/// Checks the prerequisites `after` that badge `key` is to have, among `all` (the badges
/// as stored, `key`'s own entry replaced by the new list). `previous`: the list it had,
/// whose keys are not checked again for being archived (an old link must not block every
/// other edit).
pub fn check(
    key: &str,
    after: &[String],
    previous: &[String],
    all: &[Badge],
) -> Result<(), PrereqError> {
    let by_key: BTreeMap<&str, &Badge> = all.iter().map(|b| (b.key.as_str(), b)).collect();
    for k in after {
        if k == key {
            return Err(PrereqError::Itself { key: key.into() });
        }
        match by_key.get(k.as_str()) {
            None => return Err(PrereqError::Unknown { key: k.clone() }),
            Some(b) if b.archived && !previous.contains(k) => {
                return Err(PrereqError::Archived { key: k.clone() });
            }
            _ => {}
        }
    }
    let mut edges: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for b in all {
        let list = if b.key == key { after } else { &b.after };
        edges.insert(
            b.key.as_str(),
            list.iter()
                .map(String::as_str)
                .filter(|k| by_key.contains_key(k))
                .collect(),
        );
    }
    edges
        .entry(key)
        .or_insert_with(|| after.iter().map(String::as_str).collect());
    // Report the loop through this badge if there is one, else any.
    match find_cycle(&edges) {
        Some(cycle) => Err(PrereqError::Cycle { cycle }),
        None => Ok(()),
    }
}

/// Adds to the work of every badge the prerequisites it waits for (`PlanTarget::after`),
/// and gives a target to each prerequisite that is waited for by planned work but has
/// nothing planned itself (see the module doc). `remaining` gives a badge's minutes still
/// to study when it becomes such a target. A loop (from an old backup) is broken: the
/// links inside it are ignored.
pub fn apply(
    badges: &[Badge],
    work: &mut BTreeMap<String, Work>,
    today: NaiveDate,
    remaining: &dyn Fn(&Badge) -> u32,
) {
    let by_key: BTreeMap<&str, &Badge> = badges.iter().map(|b| (b.key.as_str(), b)).collect();
    let mut waits: BTreeMap<&str, Vec<&str>> = badges
        .iter()
        .map(|b| (b.key.as_str(), waits_for(b, &by_key, today)))
        .collect();
    // Drop links until no loop is left.
    while let Some(cycle) = find_cycle(&waits) {
        if let (Some(a), Some(b)) = (cycle.first(), cycle.get(1))
            && let Some(list) = waits.get_mut(a.as_str())
        {
            list.retain(|k| k != b);
        } else {
            break;
        }
    }
    // Dependents before their prerequisites: the due of a prerequisite without work comes
    // from the badges waiting for it, which must be known first. Repeat until nothing
    // changes (chains are short; each round fixes at least one level).
    let mut changed = true;
    let mut rounds = 0;
    while changed && rounds <= badges.len() {
        changed = false;
        rounds += 1;
        let mut due_by: BTreeMap<&str, NaiveDate> = BTreeMap::new();
        for (k, list) in &waits {
            let Some(t) = work.get(*k).and_then(Work::target) else {
                continue;
            };
            for p in list {
                let e = due_by.entry(p).or_insert(t.due);
                *e = (*e).min(t.due);
            }
        }
        for (p, due) in due_by {
            let b = by_key[p];
            let w = work
                .entry(p.to_string())
                .or_insert(Work::Nothing(crate::domain::work::Idle::NoGoal));
            if let Work::Nothing(_) = w {
                *w = Work::Target(PlanTarget {
                    key: b.key.clone(),
                    release: b.available_on.map_or(today, |a| a.max(today)),
                    due,
                    remaining: remaining(b),
                    priority: b.priority,
                    after: Vec::new(),
                });
                changed = true;
            }
        }
    }
    // Only prerequisites that are planned hold a badge back in the plan.
    let planned: BTreeSet<String> = work
        .iter()
        .filter(|(_, w)| w.target().is_some())
        .map(|(k, _)| k.clone())
        .collect();
    for (k, list) in waits {
        if let Some(t) = work.get_mut(k).and_then(target_mut) {
            t.after = list
                .into_iter()
                .filter(|p| planned.contains(*p))
                .map(str::to_string)
                .collect();
        }
    }
}

fn target_mut(w: &mut Work) -> Option<&mut PlanTarget> {
    match w {
        Work::Renewal(t) | Work::Target(t) | Work::Replacement { target: t, .. } => Some(t),
        Work::Nothing(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::parse_ymd;

    fn d(s: &str) -> NaiveDate {
        parse_ymd(s).unwrap()
    }

    fn badge(key: &str, after: &[&str]) -> Badge {
        Badge {
            key: key.into(),
            name: key.into(),
            effort_minutes: 100,
            after: after.iter().map(|s| (*s).to_string()).collect(),
            ..Badge::default()
        }
    }

    #[test]
    fn loops_are_found_and_named() {
        let all = vec![badge("a", &["b"]), badge("b", &["c"]), badge("c", &[])];
        assert_eq!(
            check("c", &["a".into()], &[], &all).unwrap_err(),
            PrereqError::Cycle {
                cycle: vec!["a".into(), "b".into(), "c".into(), "a".into()]
            }
        );
        assert_eq!(check("c", &[], &[], &all), Ok(()));
        assert_eq!(
            check("a", &["a".into()], &[], &all),
            Err(PrereqError::Itself { key: "a".into() })
        );
        assert_eq!(
            check("a", &["zz".into()], &[], &all),
            Err(PrereqError::Unknown { key: "zz".into() })
        );
        let mut archived = all.clone();
        archived[2].archived = true;
        assert_eq!(
            check("a", &["c".into()], &[], &archived),
            Err(PrereqError::Archived { key: "c".into() })
        );
        // An archived prerequisite it already had does not block an edit.
        assert_eq!(check("a", &["c".into()], &["c".into()], &archived), Ok(()));
        let e = PrereqError::Cycle {
            cycle: vec!["a".into(), "b".into(), "a".into()],
        };
        assert_eq!(
            e.to_string(),
            "prerequisites make a loop (a → b → a): take one of them out of --after"
        );
    }

    #[test]
    fn a_goal_at_the_end_of_a_chain_plans_the_chain() {
        let today = d("2027-01-04");
        let mut adv = badge("adv", &["mid"]);
        adv.goal_on = Some(d("2027-06-30"));
        let mid = badge("mid", &["found"]);
        let mut found = badge("found", &[]);
        found.earned_on = Some(d("2025-01-01"));
        found.expires_on = Some(d("2026-12-31")); // expired: not satisfied
        let held = {
            let mut h = badge("held", &[]);
            h.earned_on = Some(d("2026-01-01"));
            h
        };
        let mut other = badge("other", &["held"]);
        other.goal_on = Some(d("2027-03-01"));
        let all = vec![adv, mid, found, held, other];
        let window = |_: &str| 90;
        let rules = crate::domain::work::WorkRules {
            today,
            buffer_days: 7,
            renewal_window: &window,
        };
        let mut work = crate::domain::work::work_for_all(&all, &rules, &|_| 0);
        apply(&all, &mut work, today, &|b| b.effort_minutes);
        let t = |k: &str| work[k].target().cloned().unwrap();
        assert_eq!(t("adv").after, vec!["mid".to_string()]);
        assert_eq!(t("mid").after, vec!["found".to_string()]);
        assert_eq!(t("mid").due, d("2027-06-30"));
        assert_eq!(t("found").due, d("2027-06-30"));
        assert_eq!(t("found").remaining, 100);
        assert!(t("found").after.is_empty());
        // A held prerequisite is satisfied.
        assert!(t("other").after.is_empty());
        assert!(work["held"].target().is_none());
    }
}
