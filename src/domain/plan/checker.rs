//! An independent checker of the planner's hard rules, for the tests. It reads only the
//! input and the plan, with its own arithmetic, so it can catch the planner's mistakes.

use super::{Plan, PlanInput, Session};
use crate::domain::log::Pinned;
use chrono::{NaiveDate, NaiveDateTime, Timelike};
use std::collections::BTreeMap;

fn minute_of_day(t: NaiveDateTime) -> u32 {
    t.hour() * 60 + t.minute()
}

fn midnight_after(t: NaiveDateTime) -> NaiveDateTime {
    t.date()
        .succ_opt()
        .unwrap_or(NaiveDate::MAX)
        .and_hms_opt(0, 0, 0)
        .unwrap()
}

/// `Pinned::end` without overflow.
fn end_of(p: &Pinned) -> NaiveDateTime {
    p.start
        .checked_add_signed(chrono::TimeDelta::minutes(i64::from(p.minutes)))
        .unwrap_or(NaiveDateTime::MAX)
}

/// Checks every hard rule of DESIGN 3 and the consistency of the outcomes; the error says
/// which rule broke and where.
pub(super) fn check(input: &PlanInput, plan: &Plan) -> Result<(), String> {
    let s = input.settings.normalized();
    let g = s.granularity;
    let planned: Vec<&Session> = plan.sessions.iter().filter(|x| !x.pinned).collect();
    if !plan.sessions.windows(2).all(|w| w[0].start <= w[1].start) {
        return Err("sessions not sorted by start".into());
    }
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, t) in input.targets.iter().enumerate() {
        first.entry(t.key.as_str()).or_insert(i);
    }

    // The union of the free intervals.
    let mut free: Vec<(NaiveDateTime, NaiveDateTime)> = input
        .free
        .iter()
        .filter(|i| i.start < i.end)
        .map(|i| (i.start, i.end))
        .collect();
    free.sort();
    let mut union: Vec<(NaiveDateTime, NaiveDateTime)> = Vec::new();
    for (a, b) in free {
        match union.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => union.push((a, b)),
        }
    }

    for x in &planned {
        let here = format!("{} {}..{}", x.badge, x.start, x.end);
        if x.start >= x.end {
            return Err(format!("empty session {here}"));
        }
        if x.start < input.now {
            return Err(format!("starts before now: {here}"));
        }
        if x.end > midnight_after(x.start) {
            return Err(format!("crosses midnight: {here}"));
        }
        if !minute_of_day(x.start).is_multiple_of(g) || !minute_of_day(x.end).is_multiple_of(g) {
            return Err(format!("off the {g}-minute grid: {here}"));
        }
        if x.start.second() != 0 || x.end.second() != 0 {
            return Err(format!("not on whole minutes: {here}"));
        }
        if x.minutes() > s.max_session {
            return Err(format!("longer than max_session {}: {here}", s.max_session));
        }
        let Some(&ti) = first.get(x.badge.as_str()) else {
            return Err(format!("session for an unknown badge: {here}"));
        };
        let t = &input.targets[ti];
        if t.remaining == 0 {
            return Err(format!("session for a badge with nothing left: {here}"));
        }
        if x.start.date() < t.release {
            return Err(format!("before release {}: {here}", t.release));
        }
        if !union.iter().any(|&(a, b)| a <= x.start && x.end <= b) {
            return Err(format!("outside the free time: {here}"));
        }
    }

    // Overlaps: planned against planned and against every pinned session.
    let mut all: Vec<(NaiveDateTime, NaiveDateTime, bool, &str)> = planned
        .iter()
        .map(|x| (x.start, x.end, false, x.badge.as_str()))
        .collect();
    for p in input.pinned.iter().filter(|p| p.minutes > 0) {
        all.push((p.start, end_of(p), true, p.badge.as_str()));
    }
    all.sort();
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            if b.0 >= a.1 {
                break;
            }
            if !(a.2 && b.2) {
                return Err(format!(
                    "overlap: {} {}..{} and {} {}..{}",
                    a.3, a.0, a.1, b.3, b.0, b.1
                ));
            }
        }
    }
    // Two sessions of a badge never touch (one of them planned).
    for a in &all {
        for b in &all {
            if a.3 == b.3 && a.1 == b.0 && !(a.2 && b.2) {
                return Err(format!("{} runs on without a break at {}", a.3, a.1));
            }
        }
    }

    // Daily cap.
    let mut day_used: BTreeMap<NaiveDate, (u64, u64)> = BTreeMap::new();
    for (d, m) in &input.logged_per_day {
        day_used.entry(*d).or_default().0 += u64::from(*m);
    }
    for p in input.pinned.iter().filter(|p| p.counts_at(input.now)) {
        day_used.entry(p.start.date()).or_default().0 += u64::from(p.minutes);
    }
    for x in &planned {
        day_used.entry(x.start.date()).or_default().1 += u64::from(x.minutes());
    }
    for (d, (before, planned)) in &day_used {
        if *planned > 0 && before + planned > u64::from(s.daily_cap) {
            return Err(format!(
                "{d}: {before} logged/pinned + {planned} planned > cap {}",
                s.daily_cap
            ));
        }
    }

    // Minimum session, and no more than needed.
    let mut per_badge: BTreeMap<&str, Vec<&Session>> = BTreeMap::new();
    for x in &planned {
        per_badge.entry(x.badge.as_str()).or_default().push(x);
    }
    for (badge, list) in &per_badge {
        for x in &list[..list.len() - 1] {
            if x.minutes() < s.min_session {
                return Err(format!(
                    "{badge}: {} min piece at {} is not its last",
                    x.minutes(),
                    x.start
                ));
            }
        }
        let total: u64 = list.iter().map(|x| u64::from(x.minutes())).sum();
        let rem = u64::from(input.targets[first[badge]].remaining);
        if total > rem.div_ceil(u64::from(g)) * u64::from(g) {
            return Err(format!("{badge}: {total} planned for {rem} remaining"));
        }
    }

    // Prerequisites (acyclic, as the store keeps them): no planned session of a badge
    // before the finish of one it waits for, the end of that one's last session (planned
    // or pinned); and none at all while that one is not fully planned.
    for (i, t) in input.targets.iter().enumerate() {
        if first.get(t.key.as_str()) != Some(&i) {
            continue;
        }
        for a in &t.after {
            let Some(&ai) = first.get(a.as_str()) else {
                continue;
            };
            let need = u64::from(input.targets[ai].remaining);
            if need == 0 || ai == i {
                continue;
            }
            let of_a: Vec<&Session> = plan.sessions.iter().filter(|x| x.badge == *a).collect();
            let total: u64 = of_a.iter().map(|x| u64::from(x.minutes())).sum();
            let finish = (total >= need)
                .then(|| of_a.iter().map(|x| x.end).max())
                .flatten();
            for x in planned.iter().filter(|x| x.badge == t.key) {
                match finish {
                    Some(f) if x.start >= f => {}
                    Some(f) => {
                        return Err(format!(
                            "{} {}..{} before {a} finishes at {f}",
                            x.badge, x.start, x.end
                        ));
                    }
                    None => {
                        return Err(format!(
                            "{} {}..{} while {a} is not fully planned",
                            x.badge, x.start, x.end
                        ));
                    }
                }
            }
        }
    }

    // Pinned sessions from now on are all in the output, unchanged.
    let mut want: Vec<(String, NaiveDateTime, NaiveDateTime)> = input
        .pinned
        .iter()
        .filter(|p| p.counts_at(input.now))
        .map(|p| (p.badge.clone(), p.start, end_of(p)))
        .collect();
    let mut got: Vec<(String, NaiveDateTime, NaiveDateTime)> = plan
        .sessions
        .iter()
        .filter(|x| x.pinned)
        .map(|x| (x.badge.clone(), x.start, x.end))
        .collect();
    want.sort();
    got.sort();
    if want != got {
        return Err("pinned sessions not kept as given".into());
    }

    // Outcomes: one per target, sorted, and never a false on-time claim.
    if plan.outcomes.len() != input.targets.len() {
        return Err("not one outcome per target".into());
    }
    let key = |o: &super::Outcome| (!o.at_risk, o.due, o.key.clone());
    if !plan.outcomes.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        return Err("outcomes not sorted".into());
    }
    for o in &plan.outcomes {
        let pinned_due: u64 = input
            .pinned
            .iter()
            .filter(|p| p.badge == o.key && p.counts_at(input.now) && p.start.date() <= o.due)
            .map(|p| u64::from(p.minutes))
            .sum();
        let planned_due: u64 = planned
            .iter()
            .filter(|x| x.badge == o.key && x.start.date() <= o.due)
            .map(|x| u64::from(x.minutes()))
            .sum();
        let dup = input.targets.iter().filter(|t| t.key == o.key).count() > 1;
        if !o.at_risk
            && o.remaining > 0
            && !dup
            && pinned_due + planned_due < u64::from(o.remaining)
        {
            return Err(format!(
                "{} claimed on time with {} of {} minutes by {}",
                o.key,
                pinned_due + planned_due,
                o.remaining,
                o.due
            ));
        }
        if o.at_risk != o.risk.is_some() {
            return Err(format!("{}: at_risk and risk disagree", o.key));
        }
        if o.remaining == 0 && (o.at_risk || o.finish.is_some()) {
            return Err(format!(
                "{}: nothing to do, yet at risk or finishing",
                o.key
            ));
        }
        if o.at_risk && o.slack != 0 {
            return Err(format!("{}: at risk with slack", o.key));
        }
        if !dup
            && u64::from(o.shortfall)
                != u64::from(o.remaining).saturating_sub(pinned_due + planned_due)
        {
            return Err(format!("{}: shortfall {} is wrong", o.key, o.shortfall));
        }
    }
    Ok(())
}
