//! The planner (DESIGN 3): places study sessions for every renewal target into the spare
//! time, so that as many badges as possible are ready by their due day, the important ones
//! first, each as early as possible; and says which badges are at risk and what would save
//! them. Pure and deterministic: same input, same [`Plan`].
//!
//! # Algorithm
//!
//! 1. **Model** (`model`). Free intervals are clipped to `now`, split at midnight, cut
//!    around every pinned session, snapped inward to the grid and merged. Each day's
//!    *capacity* is `min(free minutes, daily cap − logged − pinned)`, floored to the grid.
//!    Each target needs `remaining − pinned minutes by its due`, rounded up to the grid
//!    (a session cannot end off the grid, so 7 minutes left take a 10-minute session).
//! 2. **Select** (`select`): choose the badges to put on time in the *day-level
//!    relaxation*, where minutes are divisible and a day offers its capacity to any badge
//!    released by then. A set fits iff preemptive EDF over days meets every due (Horn
//!    1974), equivalently iff every day interval holds the demand of the badges whose
//!    windows lie inside it (Hall's condition on the target→day transportation network).
//!    * Everything fits (the common case): one EDF pass, `O(n log n + days)`.
//!    * Otherwise a Hall matrix over the (release, due) breakpoints (`hall`) finds the
//!      *overloaded* intervals. A badge inside none of them can always be added, so it is
//!      kept. The others fall into *zones*, unions of overlapping overloaded intervals;
//!      zones are independent (an interval spanning two is not overloaded, so no choice
//!      can overload it). In each zone a branch and bound (`bnb`) over include/exclude
//!      maximises (#High, #Normal, #Low) on time lexicographically. Its state is the
//!      zone's *closed* slack matrix (each cell: the least slack of any interval
//!      containing it), so whether a badge still fits is one lookup and adding it one
//!      `O(k²)` update; its bound per class counts the undecided badges that fit alone,
//!      capped by how many of the smallest fit in the zone's total slack. It is seeded
//!      with a greedy EDF-with-rejection (`edf`, Moore–Hodgson style: at a missed due,
//!      free the minutes by rejecting the lowest class, largest demand first, or reject
//!      the late badge itself). Exact unless it runs out of [`WORK_BUDGET`] (matrix-cell
//!      operations, about 20–40 ms) or a zone has more than [`MAX_ZONE`] badges; then the
//!      heuristic's answer, completed by a pass that adds every badge that still fits, is
//!      used and [`Plan::exact`] is false. In tests every random zone of up to 60
//!      crowded badges was solved exactly.
//! 3. **Quotas** (`quota`): each badge left out gets a *quota*, the most of its need it
//!    can have by its due day in the relaxation without making any chosen badge late.
//!    They are served one after the other in planning order (due, then priority, then
//!    key), so the result is the lexicographic maximum of their minutes before due: by
//!    Hall's condition, the least slack of any release→due interval containing the
//!    badge's window, with the chosen badges and the earlier quotas counted. Coming by
//!    due, an earlier quota lowers every interval the next badge looks at uniformly per
//!    start row, so one row-closed slack matrix and a running total per row suffice.
//! 4. **Place** (`place`): one pass over the free slots in time order gives each next
//!    piece to the first released badge, by due (then priority, then key), that can take
//!    a legal piece there: at most `max_session`, at least `min_session` unless it
//!    finishes the badge, never touching another session of the same badge (pinned ones
//!    included), within the day's cap. In a gap shorter than `min_session` only a badge
//!    that can finish there is placed. A piece cut short by `max_session` is shortened
//!    further rather than leave less than `min_session` to do, when the time it frees
//!    stays usable; a piece cut by the slot or the cap is not (that would only move the
//!    sliver into the slot, where nobody could use it). When an earlier badge is blocked
//!    only because its own previous piece ends there, the badge that takes the time
//!    takes a short piece (`min_session`, if it keeps at least that much to do) so the
//!    blocked one resumes right after, instead of losing the rest of the window.
//!    Chosen badges are placed up to their due day; badges left out get their quota by
//!    their due day in the same way, and everything else they need from their release
//!    on, in the same order, but only where the *guard* (`guard`) allows: the exact
//!    day-level check that every protected minute still to place (chosen badges and
//!    quotas) still fits, `O(log dues)` per check. So a badge at risk never makes a
//!    chosen one late, is never starved by badges due months later, and once past its
//!    due it still goes by its due, so it is ready as early as the others allow.
//! 5. **Check and repair**: a chosen badge that did not get all its minutes by its due
//!    shows where the relaxation was optimistic (minimum and maximum session lengths,
//!    gaps and slivers lose minutes it does not see). The demands of the badges that
//!    missed are inflated by what they missed ([`INFLATE_ROUNDS`] times): the guard then
//!    keeps that much more for them, and an exact selection runs again, so it can trade
//!    a lower-priority badge for them. After that, the chosen badges are placed alone
//!    first and the others in the time left over (the order before quotas existed); if
//!    a chosen badge still misses, it is given up (at risk, with its quota) and the loop
//!    goes on until none does. In the *tight* model (`min_session` equal to the grid,
//!    `max_session` at least every window, no pinned session of a target next to free
//!    time) placement achieves exactly what the relaxation promises: no repair happens,
//!    the selection is optimal for the real problem, and every badge at risk gets
//!    exactly its quota by its due (property-tested against an independent max flow).
//!
//! **Prerequisites** (a target's `after`): no session of a badge before the planned finish
//! (the end of the last session) of a badge it waits for, and none while that one is not
//! fully planned. The selection then runs in *capacity time* (`chain`): a badge on time
//! takes everything it waits for along, due early enough for it, so the set stays the
//! lexicographic best (property-tested against a brute force over earliest-deadline-first
//! with modified deadlines); placement goes by those deadlines and holds each badge back
//! until what it waits for is finished (`place::Links`). Without prerequisites nothing of
//! this runs and the plan is as described above.
//!
//! Every outcome is measured on the sessions actually placed (`report`), never taken
//! from the relaxation; the rescue numbers come from the relaxation with every on-time
//! badge kept on time. A badge is at risk for [`Risk::SessionRules`] only when its whole
//! need fits by its due in the relaxation with the on-time set *and* the quotas of the
//! badges at risk ahead of it: the session rules are all that stand between it and
//! being on time.
//!
//! Limitations: with general session settings the on-time set is the relaxation's
//! optimum after repair, which may be short of the true optimum by the badges the
//! repair gave up (then [`Plan::exact`] is false); a badge at risk may get less than
//! its quota by its due (placement loses what the relaxation does not see), or only
//! the time left over when the repair fell back to placing the on-time badges first;
//! and the rescue numbers are lower bounds there.

mod bnb;
mod chain;
mod edf;
mod guard;
mod hall;
mod model;
mod place;
mod quota;
mod report;
mod select;

#[cfg(test)]
mod at_risk_tests;
#[cfg(test)]
mod chain_tests;
#[cfg(test)]
mod checker;
#[cfg(test)]
mod edge_tests;
#[cfg(test)]
mod oracle;
#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;

use super::log::Pinned;
use super::spare::Interval;
use super::work::PlanTarget;
pub use bnb::MAX_ZONE;
use chrono::{NaiveDate, NaiveDateTime};
use model::{Kind, Model};
pub use select::WORK_BUDGET;
use std::collections::BTreeMap;

/// How many times the selection is rerun with the demands of on-time badges that
/// placement (of the on-time badges by themselves) missed inflated by what they missed;
/// after that, badges that still miss are given up as at risk without another selection.
pub const INFLATE_ROUNDS: u32 = 1;

/// How many times the guard keeps more room (twice what they missed) for on-time badges
/// that missed only because badges at risk shared their time; after that the on-time
/// badges are placed first and those at risk in the time left over.
pub const MARGIN_ROUNDS: u32 = 2;

/// How sessions are shaped, in minutes. See [`Settings::normalized`] for what is applied
/// when the values do not fit together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Shortest session worth sitting down for; a shorter one only to finish a badge.
    pub min_session: u32,
    /// Longest run of one badge: two sessions of a badge never touch.
    pub max_session: u32,
    /// Most study in a day, logged and pinned minutes included.
    pub daily_cap: u32,
    /// Every session starts and ends a multiple of this many minutes after midnight.
    pub granularity: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            min_session: 15,
            max_session: 60,
            daily_cap: 120,
            granularity: 5,
        }
    }
}

impl Settings {
    /// The settings the planner applies: granularity within 1..=1440; max_session rounded
    /// down to the grid but at least one grid step; min_session rounded up to the grid,
    /// at least one step and at most max_session (a longer minimum than maximum would
    /// forbid every split, so the maximum wins); daily_cap as given.
    pub fn normalized(&self) -> Settings {
        let g = self.granularity.clamp(1, 1440);
        let max = (self.max_session.min(1440) / g * g).max(g);
        let min = u64::from(self.min_session).div_ceil(u64::from(g)) * u64::from(g);
        let min = u32::try_from(min).unwrap_or(u32::MAX).clamp(g, max);
        Settings {
            min_session: min,
            max_session: max,
            daily_cap: self.daily_cap,
            granularity: g,
        }
    }
}

/// Everything the planner looks at. Nothing else (no clock, no store).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanInput {
    pub now: NaiveDateTime,
    /// What to prepare; `remaining` is effort minus logged (pinned not yet subtracted).
    pub targets: Vec<PlanTarget>,
    /// Spare time from now to the horizon, minus blackouts, busy times and pinned
    /// sessions. The planner is defensive: it clips to `now`, cuts around pinned
    /// sessions, splits at midnight, merges overlaps and snaps inward to the grid.
    pub free: Vec<Interval>,
    /// Pinned sessions; those not yet ended (under way included) count toward their badge and
    /// their day's cap, and all of them are kept clear of planned sessions.
    pub pinned: Vec<Pinned>,
    /// Minutes already logged per day (they count toward that day's cap).
    pub logged_per_day: BTreeMap<NaiveDate, u32>,
    pub settings: Settings,
}

/// A study session, planned or pinned. It never crosses midnight (it may end at 00:00).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Session {
    pub badge: String,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    /// Placed by hand (kept as is), rather than planned.
    pub pinned: bool,
}

impl Session {
    /// Length in whole minutes.
    pub fn minutes(&self) -> u32 {
        u32::try_from((self.end - self.start).num_minutes().max(0)).unwrap_or(u32::MAX)
    }
}

/// How one target fares in the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub key: String,
    pub release: NaiveDate,
    pub due: NaiveDate,
    /// Minutes still to study (effort − logged), before pinned sessions.
    pub remaining: u32,
    /// Pinned (from now on) plus planned minutes on or before the due day.
    pub planned_before_due: u32,
    /// `remaining − planned_before_due`, or 0.
    pub shortfall: u32,
    /// The day the last needed minute (pinned or planned) falls on; `None` when it cannot
    /// be finished within the free time given, or when nothing was left to do.
    pub finish: Option<NaiveDate>,
    /// Time to spare: the usable minutes left unplanned between the badge's release (or
    /// today) and its due day, both included, after the whole plan. A day's usable minutes
    /// are its unplanned free minutes, capped by what its daily cap still allows, on the
    /// grid. They are shared: two badges with overlapping windows see the same minutes.
    /// 0 when the badge is at risk.
    pub slack: u32,
    /// Not ready by its due day (or cannot be planned at all).
    pub at_risk: bool,
    /// Why it is at risk, and what would save it.
    pub risk: Option<Risk>,
}

impl Outcome {
    /// The dates a table of outcomes shows: the due day and, when known, the finish.
    pub fn dates(&self) -> impl Iterator<Item = NaiveDate> {
        std::iter::once(self.due).chain(self.finish)
    }
}

/// Why a badge is at risk. The rescue numbers come from the day-level relaxation with
/// every on-time badge kept on time: they are exact when sessions can be split freely and
/// a lower bound otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Risk {
    /// Another target earlier in the input has the same key; this one is not planned.
    DuplicateKey,
    /// The due day is already past; it is planned from now on, late.
    DuePassed,
    /// The due day comes before the release day; it is planned from its release, late.
    DueBeforeRelease,
    /// Not a usable minute between release and due (no spare time, or the daily cap is
    /// already used up).
    NoSpareTime {
        /// Raising the daily cap by this much (a multiple of the granularity) would save it;
        /// `None` when no raise would (the spare time is missing, not the cap).
        extra_minutes_per_day: Option<u32>,
        /// This much more spare time between release and due would save it; `None` when
        /// the daily cap leaves no room for that much.
        extra_spare_minutes: Option<u32>,
    },
    /// Some time, but not enough: the other badges on time need the rest (or, when the
    /// repair left out a badge that would fit with the on-time set alone, the badges at
    /// risk ahead of it; the rescue numbers then keep those at their quotas too).
    NotEnoughTime {
        /// As in [`Risk::NoSpareTime`].
        extra_minutes_per_day: Option<u32>,
        /// As in [`Risk::NoSpareTime`].
        extra_spare_minutes: Option<u32>,
    },
    /// The minutes fit (in the day-level relaxation, with the on-time badges and the
    /// badges at risk ahead of it kept), but not in pieces the session rules allow
    /// (min_session, max_session, the gap between two sessions of a badge): longer
    /// windows or a shorter minimum session would help.
    SessionRules,
}

/// The plan: sessions and one outcome per target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Planned and pinned (from now on) sessions, sorted by start.
    pub sessions: Vec<Session>,
    /// One per target: at-risk first, then by due, then by key.
    pub outcomes: Vec<Outcome>,
    /// The set of badges on time is proven to be the best possible (always the case when
    /// everything fits). False when the selection hit its work budget, used the heuristic
    /// for a very large conflict, or had to be repaired after placement.
    pub exact: bool,
}

/// Plans the sessions. Never panics; see the module documentation for the algorithm.
pub fn plan(input: &PlanInput) -> Plan {
    let model = Model::build(input);
    let n = model.items.len();
    let zero = vec![0u64; n];
    let mut inflate = zero.clone();
    let mut budget = select::WORK_BUDGET;
    let (mut sel, selection_exact) = choose(&model, &inflate, &mut budget);
    let mut exact = selection_exact;

    // The on-time badges by themselves, repaired until placement gives them all they
    // need.
    let mut round = 0u32;
    let alone = loop {
        let placed = place_all(&model, &sel, &zero, &zero, Mode::Alone);
        if placed.2.is_empty() {
            break placed;
        }
        // The relaxation promised what placement could not deliver.
        exact = false;
        round += 1;
        if round <= INFLATE_ROUNDS && selection_exact {
            // A new exact selection with the demands inflated keeps the optimal trade-offs
            // (drop a Low rather than the High that missed); a heuristic selection has
            // none to keep.
            for &(i, short) in &placed.2 {
                inflate[i] = inflate[i].saturating_add(short);
            }
            sel = choose(&model, &inflate, &mut budget).0;
        } else {
            let missed: Vec<usize> = placed.2.iter().map(|&(i, _)| i).collect();
            sel.give_up(&model, &missed, &inflate);
        }
    };

    // Then the badges at risk with them, as long as that leaves every on-time badge on
    // time: the guard and the quotas keep `margin` more for those that missed.
    let mut margin = inflate;
    let mut quotas = quota::quotas(&model, &sel.kept, &margin);
    let (pieces, cap, quotas) = if has_late(&model, &sel.kept) {
        let mut tries = 0;
        loop {
            let (pieces, cap, missed) =
                place_all(&model, &sel, &quotas.quota, &margin, Mode::Together);
            if missed.is_empty() {
                break (pieces, cap, quotas);
            }
            tries += 1;
            if tries > MARGIN_ROUNDS {
                // Give up sharing: the on-time badges first, as they fit by themselves.
                let (pieces, cap, _) =
                    place_all(&model, &sel, &quotas.quota, &margin, Mode::KeptFirst);
                break (pieces, cap, quotas);
            }
            for (i, short) in missed {
                margin[i] = margin[i].saturating_add(2 * short);
            }
            quotas = quota::quotas(&model, &sel.kept, &margin);
        }
    } else {
        (alone.0, alone.1, quotas)
    };
    report::assemble(input, &model, &pieces, &cap, exact, &quotas, &margin)
}

/// The badges chosen to be on time, and how placement treats them.
struct Selection {
    /// On time (counted), per item.
    counted: Vec<bool>,
    /// Placed as protected: the counted ones and, with prerequisites, everything they
    /// wait for (see `chain`).
    kept: Vec<bool>,
    /// Per kept item that is not counted: the last day it may be placed on (the day its
    /// dependants need it done by).
    needed_by: Vec<Option<usize>>,
    /// The planning order for placement: the model's, or with prerequisites by the kept
    /// items' deadlines.
    rank: Vec<usize>,
}

impl Selection {
    /// Without prerequisites: the counted items are the kept ones.
    fn plain(model: &Model, counted: Vec<bool>) -> Selection {
        Selection {
            kept: counted.clone(),
            counted,
            needed_by: vec![None; model.items.len()],
            rank: model.items.iter().map(|it| it.rank).collect(),
        }
    }

    fn chained(model: &Model, c: chain::Choice) -> Selection {
        let pre = hall::prefix(&model.capacity);
        // The day a deadline in capacity time falls on.
        let day_of = |x: u64| pre.partition_point(|&p| p < x).saturating_sub(1);
        let n = model.items.len();
        let needed_by = (0..n)
            .map(|i| {
                (c.kept[i] && !c.counted[i])
                    .then(|| c.deadline[i].map(day_of))
                    .flatten()
            })
            .collect();
        // Earliest deadline first: kept items by their deadline, others by the end of
        // their due day; then as the model orders them.
        let key = |i: usize| -> (i64, usize) {
            let it = &model.items[i];
            let d = match c.deadline[i].filter(|_| c.kept[i]) {
                Some(x) => i64::try_from(x).unwrap_or(i64::MAX),
                None if it.due < 0 => -1,
                None => {
                    let last = model.days.saturating_sub(1);
                    let day = usize::try_from(it.due).map_or(last, |d| d.min(last));
                    i64::try_from(pre.get(day + 1).copied().unwrap_or(0)).unwrap_or(i64::MAX)
                }
            };
            (d, it.rank)
        };
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| key(i));
        let mut rank = vec![0; n];
        for (r, &i) in order.iter().enumerate() {
            rank[i] = r;
        }
        Selection {
            counted: c.counted,
            kept: c.kept,
            needed_by,
            rank,
        }
    }

    /// Gives up the items that missed: a counted one is no longer counted; one only
    /// needed early takes the counted items waiting for it down with it.
    fn give_up(&mut self, model: &Model, missed: &[usize], inflate: &[u64]) {
        let mut stack: Vec<usize> = missed.to_vec();
        let mut seen = vec![false; model.items.len()];
        while let Some(i) = stack.pop() {
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            if self.counted[i] {
                self.counted[i] = false;
            } else {
                stack.extend(model.succs[i].iter().copied());
            }
        }
        if model.chained() {
            *self = Selection::chained(model, chain::closure(model, inflate, &self.counted));
        } else {
            self.kept.clone_from(&self.counted);
        }
    }
}

/// Whether some badge not kept has minutes to place.
fn has_late(model: &Model, kept: &[bool]) -> bool {
    (0..model.items.len()).any(|i| !kept[i] && late_kind(model, i))
}

/// Placed when not on time: a candidate left out, or a badge that cannot be on time.
fn late_kind(model: &Model, i: usize) -> bool {
    let it = &model.items[i];
    match it.kind {
        Kind::Candidate => it.need_due > 0,
        Kind::Late(_) => it.need_total > 0,
        _ => false,
    }
}

/// How [`place_all`] places the badges not on time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// With the on-time badges: their quota protected, the rest where the guard allows.
    Together,
    /// After the on-time badges, in the time they leave over (the repair's fallback).
    KeptFirst,
    /// Not at all: only to see whether the on-time badges fit by themselves.
    Alone,
}

/// When each item is finished before placement starts: at once (or when its last pinned
/// session ends) for one with nothing to place in any mode; not yet for the others.
fn nothing_to_place(model: &Model) -> Vec<Option<i64>> {
    (0..model.items.len())
        .map(|i| {
            let it = &model.items[i];
            let idle = match it.kind {
                Kind::Candidate => it.need_due == 0,
                Kind::Late(_) => it.need_total == 0,
                _ => true,
            };
            idle.then(|| model.pin_end[i].unwrap_or(i64::MIN))
        })
        .collect()
}

/// Places the badges on time up to their due day, and the others as `mode` says.
/// Returns the pieces in time order, the cap left per day, and the kept badges that
/// missed minutes by their due day (with how many).
fn place_all(
    model: &Model,
    sel: &Selection,
    quotas: &[u64],
    reserve: &[u64],
    mode: Mode,
) -> (Vec<place::Piece>, Vec<u32>, Vec<(usize, u64)>) {
    let n = model.items.len();
    let ranked = |mut it: place::PlaceItem| {
        it.rank = sel.rank[it.item];
        it
    };
    let kept: Vec<place::PlaceItem> = (0..n)
        .filter(|&i| sel.kept[i])
        .map(|i| match sel.needed_by[i] {
            Some(day) if !sel.counted[i] => ranked(model.needed_item(i, day, reserve[i])),
            _ => ranked(model.on_time_item(i, reserve[i])),
        })
        .collect();
    let late = (0..n).filter(|&i| !sel.kept[i] && late_kind(model, i));
    let pre = hall::prefix(&model.capacity);
    let mut cap = model.cap_left.clone();
    let links = place::Links {
        preds: &model.preds,
        succs: &model.succs,
        pin_end: &model.pin_end,
    };
    let mut finish = nothing_to_place(model);
    let mut place = |slots: &[model::Slot], cap: &mut [u32], items: &[place::PlaceItem]| {
        place::place(
            slots,
            cap,
            items,
            &model.edges,
            model.shape(),
            &pre,
            &links,
            &mut finish,
        )
    };
    let (pieces, placed) = match mode {
        Mode::Together => {
            let mut items = kept.clone();
            items.extend(late.map(|i| ranked(model.at_risk_item(i, quotas[i]))));
            place(&model.slots, &mut cap, &items)
        }
        Mode::KeptFirst | Mode::Alone => {
            let (mut pieces, placed) = place(&model.slots, &mut cap, &kept);
            let late: Vec<place::PlaceItem> =
                late.map(|i| ranked(model.at_risk_item(i, 0))).collect();
            if mode == Mode::KeptFirst && !late.is_empty() {
                let leftover = place::subtract(&model.slots, &pieces);
                let (more, _) = place(&leftover, &mut cap, &late);
                pieces.extend(more);
                pieces.sort_by_key(|p| (p.day, p.start));
            }
            (pieces, placed)
        }
    };
    let missed = kept
        .iter()
        .zip(&placed)
        .filter(|(it, got)| **got < it.need)
        .map(|(it, got)| (it.item, it.need - got))
        .collect();
    (pieces, cap, missed)
}

/// Selects the on-time set among the candidates, demands inflated by `inflate`.
fn choose(model: &Model, inflate: &[u64], budget: &mut u64) -> (Selection, bool) {
    if model.chained() {
        let c = chain::select(model, inflate, budget);
        let exact = c.exact;
        return (Selection::chained(model, c), exact);
    }
    let n = model.items.len();
    let cands: Vec<usize> = (0..n)
        .filter(|&i| model.items[i].kind == Kind::Candidate && model.window(i).is_some())
        .collect();
    let jobs: Vec<edf::Job> = cands
        .iter()
        .map(|&i| {
            let it = &model.items[i];
            let (r, d) = model.window(i).unwrap_or((0, 0));
            edf::Job {
                r,
                d,
                p: it.need_due.saturating_add(inflate[i]),
                class: it.class,
                rank: it.rank,
            }
        })
        .collect();
    let choice = select::select(&jobs, &model.capacity, budget);
    let mut on_time = vec![false; n];
    for (k, &i) in cands.iter().enumerate() {
        on_time[i] = choice.chosen[k];
    }
    (Selection::plain(model, on_time), choice.exact)
}
