//! The planner's view of its input: whole minutes on the grid, days numbered from today,
//! normalized settings, each day's capacity, and every target classified.

use super::place::{Edges, PlaceItem, Shape};
use super::{PlanInput, Risk, Settings};
use crate::domain::badge::Priority;
use chrono::{NaiveDate, NaiveDateTime, Timelike};
use std::collections::BTreeMap;

/// Minutes in a day.
pub(super) const DAY: i64 = 1440;
/// Free time further than this many days from now is ignored (the horizon is two years at
/// most; this only bounds memory on absurd input).
pub(super) const MAX_DAYS: i64 = 20 * 366;

/// Free time within one day, in minutes after its midnight, both ends on the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Slot {
    pub day: usize,
    pub start: u32,
    pub end: u32,
}

/// What the planner does with a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Nothing left to study.
    Nothing,
    /// Same key as an earlier target: not planned.
    Duplicate,
    /// Pinned sessions already cover it by its due.
    Covered,
    /// To be put on time if possible.
    Candidate,
    /// Cannot be on time whatever happens; planned late.
    Late(Risk),
}

/// A target in planner units.
#[derive(Debug, Clone)]
pub(super) struct Item {
    /// Index in `PlanInput::targets`.
    pub input: usize,
    /// Rank of the key among the distinct keys (same key, same id).
    pub key: u32,
    /// 0 low, 1 normal, 2 high.
    pub class: u8,
    /// First day it may be studied (day number, today is 0).
    pub release: i64,
    /// Last day to be on time; may be negative (past).
    pub due: i64,
    /// Minutes to plan by the due day, on the grid.
    pub need_due: u64,
    /// Minutes to plan in all (pinned sessions after the due day count too), on the grid.
    pub need_total: u64,
    /// Minutes pinned (from now on) on or before the due day.
    pub pinned_due: u64,
    pub kind: Kind,
    /// Position in the planning order: due, then priority (high first), key, input order.
    pub rank: usize,
}

/// The normalized problem.
pub(super) struct Model {
    pub today: NaiveDate,
    pub settings: Settings,
    /// Days 0..days are modelled: up to the last free time or the last due, whichever is
    /// later.
    pub days: usize,
    pub slots: Vec<Slot>,
    /// Free minutes per day.
    pub free_min: Vec<u32>,
    /// Logged plus counted pinned minutes per day.
    pub used: Vec<u64>,
    /// What the daily cap still allows per day, floored to the grid.
    pub cap_left: Vec<u32>,
    /// `min(free_min, cap_left)` per day: what the relaxation may use.
    pub capacity: Vec<u64>,
    pub items: Vec<Item>,
    pub edges: Edges,
    /// Indices of the pinned sessions that count (not ended at now, some minutes).
    pub counted_pinned: Vec<usize>,
    /// Per item: the items it waits for (its prerequisites among the targets, first
    /// occurrences, with nothing left out that has work), with no loop.
    pub preds: Vec<Vec<usize>>,
    /// Per item: the items that wait for it.
    pub succs: Vec<Vec<usize>>,
    /// Per item: when its last counted pinned session ends (minutes from today's
    /// midnight), if it has one.
    pub pin_end: Vec<Option<i64>>,
}

/// Day number of `date`, today being 0.
pub(super) fn day_number(today: NaiveDate, date: NaiveDate) -> i64 {
    date.signed_duration_since(today).num_days()
}

/// Minutes from today's midnight, rounded down to the minute.
pub(super) fn abs_floor(today: NaiveDate, t: NaiveDateTime) -> i64 {
    day_number(today, t.date()) * DAY + i64::from(t.hour() * 60 + t.minute())
}

/// Minutes from today's midnight, rounded up to the minute.
pub(super) fn abs_ceil(today: NaiveDate, t: NaiveDateTime) -> i64 {
    abs_floor(today, t) + i64::from(t.second() > 0 || t.nanosecond() > 0)
}

pub(super) fn ceil_grid(m: u64, g: u32) -> u64 {
    m.div_ceil(u64::from(g)) * u64::from(g)
}

fn floor_grid(m: u32, g: u32) -> u32 {
    m / g * g
}

/// The prerequisite links between items: a target's `after` keys, each to the first target
/// of that key, leaving out links from or to items with no work of their own (nothing
/// left, duplicates) and links into items that pinned sessions already cover. Links that
/// close a loop are dropped (the store refuses loops; this keeps the planner total).
fn prerequisites(
    input: &PlanInput,
    items: &[Item],
    first: &BTreeMap<&str, usize>,
) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
    let n = items.len();
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
    let takes_part = |k: Kind| !matches!(k, Kind::Nothing | Kind::Duplicate);
    for (i, t) in input.targets.iter().enumerate() {
        if !takes_part(items[i].kind) || items[i].kind == Kind::Covered {
            continue;
        }
        for key in &t.after {
            if let Some(&a) = first.get(key.as_str())
                && a != i
                && takes_part(items[a].kind)
                && !preds[i].contains(&a)
            {
                preds[i].push(a);
            }
        }
        preds[i].sort_unstable();
    }
    // Kahn's algorithm; whatever is left sits on a loop and loses its links.
    let mut indegree: Vec<usize> = preds.iter().map(Vec::len).collect();
    let mut succs: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, list) in preds.iter().enumerate() {
        for &a in list {
            succs[a].push(i);
        }
    }
    let mut ready: Vec<usize> = (0..n).filter(|&i| indegree[i] == 0).collect();
    let mut seen = 0;
    while let Some(i) = ready.pop() {
        seen += 1;
        for &k in &succs[i] {
            indegree[k] -= 1;
            if indegree[k] == 0 {
                ready.push(k);
            }
        }
    }
    if seen < n {
        for i in 0..n {
            if indegree[i] > 0 {
                preds[i].retain(|&a| indegree[a] == 0);
            }
        }
        for list in &mut succs {
            list.clear();
        }
        for (i, list) in preds.iter().enumerate() {
            for &a in list {
                succs[a].push(i);
            }
        }
    }
    (preds, succs)
}

/// Merges sorted intervals that overlap or touch, when `join` allows.
fn merge(v: Vec<(i64, i64)>, join: impl Fn(i64, i64) -> bool) -> Vec<(i64, i64)> {
    let mut out: Vec<(i64, i64)> = Vec::with_capacity(v.len());
    for (a, b) in v {
        match out.last_mut() {
            Some(last) if a <= last.1 && join(last.0, a) => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// `free` minus `taken`, both sorted and disjoint.
fn subtract(free: &[(i64, i64)], taken: &[(i64, i64)]) -> Vec<(i64, i64)> {
    let mut out = Vec::with_capacity(free.len());
    let mut j = 0;
    for &(fa, fb) in free {
        while j < taken.len() && taken[j].1 <= fa {
            j += 1;
        }
        let mut cur = fa;
        let mut k = j;
        while k < taken.len() && taken[k].0 < fb {
            if taken[k].0 > cur {
                out.push((cur, taken[k].0));
            }
            cur = cur.max(taken[k].1);
            k += 1;
        }
        if cur < fb {
            out.push((cur, fb));
        }
    }
    out
}

fn class_of(p: Priority) -> u8 {
    match p {
        Priority::Low => 0,
        Priority::Normal => 1,
        Priority::High => 2,
    }
}

impl Model {
    pub(super) fn build(input: &PlanInput) -> Model {
        let settings = input.settings.normalized();
        let g = settings.granularity;
        let today = input.now.date();
        let now_abs = abs_ceil(today, input.now);

        // Every pinned session is kept clear, whenever it started.
        let pin_span = |p: &crate::domain::log::Pinned| {
            (
                abs_floor(today, p.start),
                abs_ceil(today, p.start) + i64::from(p.minutes),
            )
        };
        let mut taken: Vec<(i64, i64)> = input
            .pinned
            .iter()
            .filter(|p| p.minutes > 0)
            .map(pin_span)
            .collect();
        taken.sort_unstable();
        let taken = merge(taken, |_, _| true);

        let mut raw = Vec::new();
        for iv in &input.free {
            let mut a = abs_ceil(today, iv.start).max(now_abs);
            let e = abs_floor(today, iv.end).min(MAX_DAYS * DAY);
            while a < e {
                let b = e.min((a.div_euclid(DAY) + 1) * DAY);
                raw.push((a, b));
                a = b;
            }
        }
        raw.sort_unstable();
        let same_day = |x: i64, y: i64| x.div_euclid(DAY) == y.div_euclid(DAY);
        let raw = merge(raw, same_day);
        let mut slots: Vec<Slot> = Vec::with_capacity(raw.len());
        for (a, b) in subtract(&raw, &taken) {
            let day = a.div_euclid(DAY);
            // Within one day: 0 <= a - day*DAY < b - day*DAY <= 1440.
            let s = u32::try_from(a - day * DAY).unwrap_or(0);
            let e = u32::try_from(b - day * DAY).unwrap_or(0);
            let (s, e) = (s.div_ceil(g) * g, floor_grid(e, g));
            let Ok(day) = usize::try_from(day) else {
                continue;
            };
            if s >= e {
                continue;
            }
            match slots.last_mut() {
                Some(last) if last.day == day && s <= last.end => last.end = last.end.max(e),
                _ => slots.push(Slot {
                    day,
                    start: s,
                    end: e,
                }),
            }
        }

        let slot_days = slots.last().map_or(0, |s| s.day + 1);
        let due_days = input
            .targets
            .iter()
            .filter(|t| t.remaining > 0)
            .map(|t| day_number(today, t.due).saturating_add(1))
            .max()
            .unwrap_or(0);
        let days = usize::try_from(due_days.clamp(0, MAX_DAYS))
            .unwrap_or(0)
            .max(slot_days);

        let mut free_min = vec![0u32; days];
        for s in &slots {
            free_min[s.day] += s.end - s.start;
        }
        let mut used = vec![0u64; days];
        for (date, m) in input.logged_per_day.range(today..) {
            if let Ok(d) = usize::try_from(day_number(today, *date))
                && d < days
            {
                used[d] += u64::from(*m);
            }
        }
        let counted_pinned: Vec<usize> = (0..input.pinned.len())
            .filter(|&k| input.pinned[k].counts_at(input.now))
            .collect();
        for &k in &counted_pinned {
            let p = &input.pinned[k];
            if let Ok(d) = usize::try_from(day_number(today, p.start.date()))
                && d < days
            {
                used[d] += u64::from(p.minutes);
            }
        }
        let cap_left: Vec<u32> = used
            .iter()
            .map(|&u| {
                let left = u64::from(settings.daily_cap).saturating_sub(u);
                floor_grid(u32::try_from(left).unwrap_or(u32::MAX), g)
            })
            .collect();
        let capacity: Vec<u64> = (0..days)
            .map(|d| u64::from(free_min[d].min(cap_left[d])))
            .collect();

        // Keys: ids by sorted order, first occurrence wins.
        let mut keys: Vec<&str> = input.targets.iter().map(|t| t.key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        let key_id =
            |k: &str| u32::try_from(keys.binary_search(&k).unwrap_or(0)).unwrap_or(u32::MAX);
        let mut first: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, t) in input.targets.iter().enumerate() {
            first.entry(t.key.as_str()).or_insert(i);
        }
        let mut pinned_by_key: BTreeMap<&str, Vec<(NaiveDate, u32)>> = BTreeMap::new();
        for &k in &counted_pinned {
            let p = &input.pinned[k];
            pinned_by_key
                .entry(p.badge.as_str())
                .or_default()
                .push((p.start.date(), p.minutes));
        }

        let mut items: Vec<Item> = input
            .targets
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let release = day_number(today, t.release).max(0);
                let due = day_number(today, t.due);
                let pins = pinned_by_key
                    .get(t.key.as_str())
                    .map_or(&[][..], Vec::as_slice);
                let pin_due: u64 = pins
                    .iter()
                    .filter(|(d, _)| *d <= t.due)
                    .map(|(_, m)| u64::from(*m))
                    .sum();
                let pin_total: u64 = pins.iter().map(|(_, m)| u64::from(*m)).sum();
                let rem = u64::from(t.remaining);
                let need_due = ceil_grid(rem.saturating_sub(pin_due), g);
                let need_total = ceil_grid(rem.saturating_sub(pin_total), g);
                let kind = if first.get(t.key.as_str()) != Some(&i) {
                    Kind::Duplicate
                } else if t.remaining == 0 {
                    Kind::Nothing
                } else if due < 0 {
                    Kind::Late(Risk::DuePassed)
                } else if release > due {
                    Kind::Late(Risk::DueBeforeRelease)
                } else if need_due == 0 {
                    Kind::Covered
                } else {
                    Kind::Candidate
                };
                Item {
                    input: i,
                    key: key_id(&t.key),
                    class: class_of(t.priority),
                    release,
                    due,
                    need_due,
                    need_total,
                    pinned_due: pin_due,
                    kind,
                    rank: 0,
                }
            })
            .collect();
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (&items[a], &items[b]);
            (x.due, std::cmp::Reverse(x.class), x.key, x.input).cmp(&(
                y.due,
                std::cmp::Reverse(y.class),
                y.key,
                y.input,
            ))
        });
        for (rank, &i) in order.iter().enumerate() {
            items[i].rank = rank;
        }

        let mut edges = Edges::default();
        for p in input.pinned.iter().filter(|p| p.minutes > 0) {
            if keys.binary_search(&p.badge.as_str()).is_err() {
                continue;
            }
            let (a, b) = pin_span(p);
            let id = key_id(&p.badge);
            edges.starts.entry(a).or_default().push(id);
            edges.ends.entry(b).or_default().push(id);
        }

        let mut pin_end: Vec<Option<i64>> = vec![None; items.len()];
        for &k in &counted_pinned {
            let p = &input.pinned[k];
            if let Some(&i) = first.get(p.badge.as_str()) {
                let end = pin_span(p).1;
                pin_end[i] = Some(pin_end[i].map_or(end, |e| e.max(end)));
            }
        }
        let (preds, succs) = prerequisites(input, &items, &first);

        Model {
            today,
            settings,
            days,
            slots,
            free_min,
            used,
            cap_left,
            capacity,
            items,
            edges,
            counted_pinned,
            preds,
            succs,
            pin_end,
        }
    }

    /// Whether some badge waits for another.
    pub(super) fn chained(&self) -> bool {
        self.preds.iter().any(|p| !p.is_empty())
    }

    /// The days an item may be studied on time, clamped to the model: `None` if empty.
    pub(super) fn window(&self, i: usize) -> Option<(usize, usize)> {
        let it = &self.items[i];
        let last = i64::try_from(self.days).unwrap_or(0) - 1;
        let d = it.due.min(last);
        if it.release > d {
            return None;
        }
        Some((usize::try_from(it.release).ok()?, usize::try_from(d).ok()?))
    }

    /// A badge on time for placement: `need_due` minutes until its due day, all
    /// protected; the guard keeps `inflate` more for it.
    pub(super) fn on_time_item(&self, i: usize, inflate: u64) -> PlaceItem {
        let it = &self.items[i];
        let end = self.days.saturating_sub(1);
        let last = usize::try_from(it.due).map_or(0, |d| d.min(end));
        PlaceItem {
            item: i,
            key: it.key,
            release: usize::try_from(it.release).unwrap_or(usize::MAX),
            last_day: last,
            need: it.need_due,
            rank: it.rank,
            due_day: last,
            quota: it.need_due,
            reserve: it.need_due.saturating_add(inflate),
        }
    }

    /// A badge not on time itself but needed early by badges on time that wait for it:
    /// everything it needs by `day`, all protected.
    pub(super) fn needed_item(&self, i: usize, day: usize, inflate: u64) -> PlaceItem {
        let it = &self.items[i];
        let last = day.min(self.days.saturating_sub(1));
        PlaceItem {
            item: i,
            key: it.key,
            release: usize::try_from(it.release).unwrap_or(usize::MAX),
            last_day: last,
            need: it.need_total,
            rank: it.rank,
            due_day: last,
            quota: it.need_total,
            reserve: it.need_total.saturating_add(inflate),
        }
    }

    /// A badge at risk for placement: everything it needs, until the end of the model;
    /// `quota` of it protected by its due day, the rest only where the guard allows.
    pub(super) fn at_risk_item(&self, i: usize, quota: u64) -> PlaceItem {
        let it = &self.items[i];
        let end = self.days.saturating_sub(1);
        let quota = if self.window(i).is_some() { quota } else { 0 };
        PlaceItem {
            item: i,
            key: it.key,
            release: usize::try_from(it.release).unwrap_or(usize::MAX),
            last_day: end,
            need: it.need_total.max(quota),
            rank: it.rank,
            due_day: self.window(i).map_or(0, |w| w.1),
            quota,
            reserve: quota,
        }
    }

    pub(super) fn shape(&self) -> Shape {
        Shape {
            g: self.settings.granularity,
            min: self.settings.min_session,
            max: self.settings.max_session,
        }
    }
}
