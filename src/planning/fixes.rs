//! Fixes for badges at risk (DESIGN 3): for each, a short list of concrete changes, each
//! proven by re-planning today's data with that change alone applied. The kinds, in order:
//! the smallest daily cap that saves it; one extra weekly window, from today until its due
//! day, in time free of windows, busy time and blackouts, as short as will do; lowering the
//! priority of the named badges that take its time. When no fix of a kind exists, the
//! reason says so. Pure: a [`Scenario`] in, [`Rescue`]s out.
//!
//! A fix of the cap or the spare time must put the badge on time without putting any
//! other badge at risk; lowering priorities trades, so the badges it puts at risk are
//! named ([`Fix::LowerPriority::then_at_risk`]).
//!
//! Every candidate is checked by a full re-plan ([`crate::domain::plan::plan`]); the
//! search only chooses which candidates to check. Its starting points come from simple
//! bounds (minutes missing, room under the daily cap), then it grows the change until a
//! re-plan proves it, and narrows back by bisection: the fix printed is the smallest
//! change found that was proven, never an estimate.

use super::Scenario;
use crate::domain::badge::Priority;
use crate::domain::plan::{self, Plan, Risk};
use crate::domain::spare::{self, Interval, WeekdayOrd, Window, WindowKind};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

/// The most a day can hold.
const DAY_MINUTES: u32 = 24 * 60;

/// The latest a proposed window ends: 23:55, the last grid step a time of day can name.
const LAST_END: u32 = DAY_MINUTES - 5;

/// The longest extra window the search proposes.
const MAX_WINDOW: u32 = 4 * 60;

/// A change that puts one badge on time, proven by re-planning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fix {
    /// Raise `[planner] daily_cap` to this many minutes.
    DailyCap { minutes: u32 },
    /// Add a weekly window on `days`, from today until `until`.
    Window {
        days: BTreeSet<WeekdayOrd>,
        start: NaiveTime,
        end: NaiveTime,
        until: NaiveDate,
    },
    /// Lower these badges to priority `to`. The badges the re-plan then puts at risk (some
    /// of them, usually) are in `then_at_risk`.
    LowerPriority {
        badges: Vec<String>,
        to: Priority,
        then_at_risk: Vec<String>,
    },
}

/// The three kinds of fix, in the order they are tried and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FixKind {
    DailyCap,
    Window,
    LowerPriority,
}

impl Fix {
    /// Its kind.
    pub fn kind(&self) -> FixKind {
        match self {
            Fix::DailyCap { .. } => FixKind::DailyCap,
            Fix::Window { .. } => FixKind::Window,
            Fix::LowerPriority { .. } => FixKind::LowerPriority,
        }
    }

    /// The command that applies it, exactly as a user types it.
    pub fn command(&self) -> String {
        match self {
            Fix::DailyCap { minutes } => format!(
                "sukima config set planner.daily_cap {}",
                crate::domain::format_minutes(*minutes)
            ),
            Fix::Window {
                days,
                start,
                end,
                until,
            } => format!(
                "sukima window add \"{} {}-{} until {}\"",
                spare::format_days(days),
                start.format("%H:%M"),
                end.format("%H:%M"),
                until.format("%Y-%m-%d")
            ),
            Fix::LowerPriority { badges, to, .. } => badges
                .iter()
                .map(|k| format!("sukima badge edit {k} --priority {}", to.as_str()))
                .collect::<Vec<_>>()
                .join(" && "),
        }
    }

    /// The window a [`Fix::Window`] adds.
    pub fn window(&self) -> Option<Window> {
        match self {
            Fix::Window {
                days,
                start,
                end,
                until,
            } => Some(Window {
                id: None,
                kind: WindowKind::Weekly {
                    days: days.clone(),
                    start: *start,
                    end: *end,
                    from: None,
                    to: Some(*until),
                },
                label: String::new(),
            }),
            _ => None,
        }
    }
}

/// Why there is no fix of a kind, or none at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoFix {
    /// The due day has passed: nothing can put it on time.
    DuePassed,
    /// It is due before it can start.
    DueBeforeRelease,
    /// It needs more minutes than there are from now to the end of its due day.
    MoreThanTheDays,
    /// No daily cap saves it: the spare time before its due day is what is missing.
    CapNotTheLimit,
    /// No window saves it: the days before its due day are full under the daily cap.
    CapFull,
    /// No window saves it: no time of day is free of windows and busy time on those days.
    NoFreeTimeOfDay,
    /// No window saves it: not even the longest free one (up to 4 hours).
    WindowNotEnough,
    /// It is already low priority: no badge can be put below it.
    AlreadyLowest,
    /// No badge of its priority or higher takes its time.
    NoRival,
    /// Even lowering every badge that takes its time would not save it.
    RivalsNotEnough,
}

/// One badge at risk and what would save it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rescue {
    pub key: String,
    pub due: NaiveDate,
    pub shortfall: u32,
    /// The proven fixes, in [`FixKind`] order.
    pub fixes: Vec<Fix>,
    /// The kinds with no fix, and why; or one reason for all when nothing can save it.
    pub missing: Vec<(Option<FixKind>, NoFix)>,
}

/// The most badges at risk whose fixes are searched: the first in the plan's order (the
/// earliest due first). Past that many, the first fix applied changes the picture for the
/// others anyway, and each search costs re-plans of the whole plan.
pub const MAX_RESCUES: usize = 40;

/// With more badges at risk than this, only daily windows are tried (fewer re-plans).
const FEW_AT_RISK: usize = 5;

/// The fixes of the badges at risk in `plan` (made from `sc`), in the plan's order, for
/// the first [`MAX_RESCUES`] of them; the badges are shared among `threads` threads (the
/// result does not depend on how many).
pub fn rescues(sc: &Scenario, plan: &Plan, threads: usize) -> Vec<Rescue> {
    rescues_unless(sc, plan, threads, &|| false)
}

/// [`rescues`], given up as soon as `stop()` says so (the data changed meanwhile): the
/// searches left find nothing more, and the caller drops what comes back.
pub fn rescues_unless(
    sc: &Scenario,
    plan: &Plan,
    threads: usize,
    stop: &(dyn Fn() -> bool + Sync),
) -> Vec<Rescue> {
    let risky = plan.outcomes.iter().filter(|o| o.at_risk).count();
    let keys: Vec<&str> = plan
        .outcomes
        .iter()
        .filter(|o| o.at_risk)
        .take(MAX_RESCUES)
        .map(|o| o.key.as_str())
        .collect();
    // Fewer candidate windows when many badges are at risk, so `plan` stays within its
    // budget; each fix found is proven all the same.
    let effort = if risky > FEW_AT_RISK { 1 } else { 3 };
    let mut search = Search::new(sc, plan, effort);
    search.stop = stop;
    let threads = threads.clamp(1, keys.len().max(1));
    if threads == 1 {
        return keys.iter().map(|k| search.rescue(k)).collect();
    }
    let mut out: Vec<Option<Rescue>> = vec![None; keys.len()];
    std::thread::scope(|s| {
        let chunks: Vec<_> = out
            .chunks_mut(keys.len().div_ceil(threads))
            .zip(keys.chunks(keys.len().div_ceil(threads)))
            .map(|(slots, ks)| {
                let search = &search;
                s.spawn(move || {
                    for (slot, k) in slots.iter_mut().zip(ks) {
                        *slot = Some(search.rescue(k));
                    }
                })
            })
            .collect();
        for c in chunks {
            // A panic in a worker is a bug; surface it rather than hide a missing rescue.
            if let Err(e) = c.join() {
                std::panic::resume_unwind(e);
            }
        }
    });
    out.into_iter().flatten().collect()
}

/// A change to re-plan with; re-plans are shared between the badges' searches, since
/// many try the same daily caps.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Change {
    Cap(u32),
    Window(Vec<u8>, u32, u32, NaiveDate),
    Lower(Vec<String>, Priority),
}

/// What every search shares: the scenario, its plan, the spare time expanded once, and
/// the re-plans made so far (the badges at risk after each change).
struct Search<'a> {
    sc: &'a Scenario,
    plan: &'a Plan,
    free: Vec<Interval>,
    at_risk: BTreeSet<&'a str>,
    effort: u8,
    memo: Mutex<HashMap<Change, Arc<BTreeSet<String>>>>,
    /// Asked before each re-plan: when it says stop, nothing more is proven.
    stop: &'a (dyn Fn() -> bool + Sync),
}

impl<'a> Search<'a> {
    fn new(sc: &'a Scenario, plan: &'a Plan, effort: u8) -> Self {
        Search {
            sc,
            plan,
            free: sc.free_of(&sc.windows),
            at_risk: plan
                .outcomes
                .iter()
                .filter(|o| o.at_risk)
                .map(|o| o.key.as_str())
                .collect(),
            effort,
            memo: Mutex::new(HashMap::new()),
            stop: &|| false,
        }
    }

    fn rescue(&self, key: &str) -> Rescue {
        let o = self
            .plan
            .outcomes
            .iter()
            .find(|o| o.key == key)
            .expect("rescues are asked for badges of the plan");
        let mut r = Rescue {
            key: key.to_string(),
            due: o.due,
            shortfall: o.shortfall,
            fixes: Vec::new(),
            missing: Vec::new(),
        };
        if let Some(why) = self.hopeless(key) {
            r.missing.push((None, why));
            return r;
        }
        match self.daily_cap(key) {
            Ok(f) => r.fixes.push(f),
            Err(why) => r.missing.push((Some(FixKind::DailyCap), why)),
        }
        match self.window(key) {
            Ok(f) => r.fixes.push(f),
            Err(why) => r.missing.push((Some(FixKind::Window), why)),
        }
        match self.lower_priority(key) {
            Ok(f) => r.fixes.push(f),
            Err(why) => r.missing.push((Some(FixKind::LowerPriority), why)),
        }
        r
    }

    /// Why nothing at all can put the badge on time, if so.
    fn hopeless(&self, key: &str) -> Option<NoFix> {
        let o = self.plan.outcomes.iter().find(|o| o.key == key)?;
        match o.risk {
            Some(Risk::DuePassed) => return Some(NoFix::DuePassed),
            Some(Risk::DueBeforeRelease) => return Some(NoFix::DueBeforeRelease),
            _ => {}
        }
        let start = self.sc.now.max(o.release.and_time(NaiveTime::MIN));
        let end = end_of(o.due);
        let minutes = (end - start).num_minutes().max(0);
        (i64::from(o.remaining) > minutes).then_some(NoFix::MoreThanTheDays)
    }

    /// The badges at risk once `change` is applied to today's data, by a full re-plan.
    fn after(&self, change: &Change) -> Arc<BTreeSet<String>> {
        if (self.stop)() {
            // Given up: a set no badge is saved by (its own key is never a badge key).
            return Arc::new(BTreeSet::from([String::new()]));
        }
        if let Some(known) = self.memo.lock().ok().and_then(|m| m.get(change).cloned()) {
            return known;
        }
        let sc = self.sc;
        let mut input = match change {
            Change::Window(days, start, len, until) => {
                // The new window's time alone (blackouts and busy time still apply),
                // merged into the spare time already expanded: the same free minutes as
                // expanding every window again, since its ends lie on the grid.
                let days: BTreeSet<WeekdayOrd> = days.iter().map(|&d| WeekdayOrd(d)).collect();
                let mut windows: Vec<Window> = sc
                    .windows
                    .iter()
                    .filter(|w| matches!(w.kind, WindowKind::Blackout { .. }))
                    .cloned()
                    .collect();
                windows.push(window_of(&days, *start, *len, *until));
                let mut free = self.free.clone();
                free.extend(sc.free_of(&windows));
                free.sort();
                sc.input_with_free(spare::merge(free))
            }
            _ => sc.input_with_free(self.free.clone()),
        };
        match change {
            Change::Cap(c) => input.settings.daily_cap = *c,
            Change::Lower(names, to) => {
                for t in &mut input.targets {
                    if names.contains(&t.key) {
                        t.priority = *to;
                    }
                }
            }
            Change::Window(..) => {}
        }
        let p = plan::plan(&input);
        let risky: Arc<BTreeSet<String>> = Arc::new(
            p.outcomes
                .iter()
                .filter(|o| o.at_risk)
                .map(|o| o.key.clone())
                .collect(),
        );
        if let Ok(mut m) = self.memo.lock() {
            m.insert(change.clone(), Arc::clone(&risky));
        }
        risky
    }

    /// The badge is on time after the change, and (unless `trade`) no other badge is
    /// newly at risk.
    fn saves(&self, after: &BTreeSet<String>, key: &str, trade: bool) -> bool {
        !(self.stop)()
            && !after.contains(key)
            && (trade || after.iter().all(|k| self.at_risk.contains(k.as_str())))
    }

    fn daily_cap(&self, key: &str) -> Result<Fix, NoFix> {
        let s = &self.sc.settings;
        let g = s.granularity.max(1);
        let proven = |cap: u32| self.saves(&self.after(&Change::Cap(cap)), key, false);
        // The relaxation's estimate is where to start; without one, a step up.
        let hint = match self
            .plan
            .outcomes
            .iter()
            .find(|o| o.key == key)
            .and_then(|o| o.risk)
        {
            Some(
                Risk::NotEnoughTime {
                    extra_minutes_per_day: Some(m),
                    ..
                }
                | Risk::NoSpareTime {
                    extra_minutes_per_day: Some(m),
                    ..
                },
            ) => m,
            _ => g,
        };
        // No cap at all (the whole day) first: one re-plan shared by every badge at risk
        // tells which ones a cap can save.
        if s.daily_cap >= DAY_MINUTES || !proven(DAY_MINUTES) {
            return Err(NoFix::CapNotTheLimit);
        }
        let first = round_up(s.daily_cap.saturating_add(hint), g).min(DAY_MINUTES);
        let found = grow_then_narrow(s.daily_cap, first, DAY_MINUTES, g, proven);
        found
            .map(|minutes| Fix::DailyCap { minutes })
            .ok_or(NoFix::CapNotTheLimit)
    }

    fn window(&self, key: &str) -> Result<Fix, NoFix> {
        let o = self
            .plan
            .outcomes
            .iter()
            .find(|o| o.key == key)
            .ok_or(NoFix::WindowNotEnough)?;
        let sc = self.sc;
        let g = sc.settings.granularity.max(1);
        let today = sc.now.date();
        let from = o.release.max(today);
        let sets: &[&[Weekday]] = match self.effort {
            1 => &[&DAILY],
            _ => &[&DAILY, &WEEKDAYS, &WEEKENDS],
        };
        // Every day until its due at the daily cap: more spare time cannot help.
        let all_days: Vec<NaiveDate> = from.iter_days().take_while(|d| *d <= o.due).collect();
        if self
            .cap_room(&all_days)
            .iter()
            .map(|&r| u64::from(r))
            .sum::<u64>()
            < u64::from(o.remaining)
        {
            return Err(NoFix::CapFull);
        }
        // Each day set's shortest possible window, from the minutes missing and the room
        // under the cap; tried from the smallest estimated total, each proven by re-plans.
        let mut why = NoFix::CapFull;
        let mut candidates = Vec::new();
        for set in sets {
            let dates: Vec<NaiveDate> = from
                .iter_days()
                .take_while(|d| *d <= o.due)
                .filter(|d| set.contains(&d.weekday()) && !spare::blacked_out(&sc.windows, *d))
                .collect();
            let Some(first) = self.window_floor(&dates, o.shortfall) else {
                continue;
            };
            if why == NoFix::CapFull {
                why = NoFix::NoFreeTimeOfDay;
            }
            let slots = Slots::new(sc, &dates);
            let most = slots.longest().min(MAX_WINDOW);
            if first > most {
                continue;
            }
            let estimate = u64::from(first) * dates.len() as u64;
            candidates.push((estimate, set.len(), *set, dates.len(), first, most, slots));
        }
        candidates.sort_by_key(|c| (c.0, c.1));
        let mut best: Option<(u64, usize, Fix)> = None;
        for (estimate, n, set, dates, first, most, slots) in candidates {
            // A set whose smallest possible window already costs more cannot do better.
            if best
                .as_ref()
                .is_some_and(|(t, m, _)| (estimate, n) >= (*t, *m))
            {
                continue;
            }
            why = NoFix::WindowNotEnough;
            let days: Vec<u8> = set.iter().map(|d| WeekdayOrd::of(*d).0).collect();
            let proven = |len: u32| -> bool {
                slots.start_for(len).is_some_and(|start| {
                    let after = self.after(&Change::Window(days.clone(), start, len, o.due));
                    self.saves(&after, key, false)
                })
            };
            // The longest window these days allow first: if it does not save the badge,
            // no shorter one will, and one re-plan says so.
            if !proven(most) {
                continue;
            }
            let Some(len) = grow_then_narrow(0, first, most, g, proven) else {
                continue;
            };
            let Some(start) = slots.start_for(len) else {
                continue;
            };
            let total = u64::from(len) * dates as u64;
            let days: BTreeSet<WeekdayOrd> = set.iter().map(|d| WeekdayOrd::of(*d)).collect();
            let WindowKind::Weekly {
                days, start, end, ..
            } = window_of(&days, start, len, o.due).kind
            else {
                continue;
            };
            let fix = Fix::Window {
                days,
                start,
                end,
                until: o.due,
            };
            if best.as_ref().is_none_or(|(t, m, _)| (total, n) < (*t, *m)) {
                best = Some((total, n, fix));
            }
            // Many badges at risk: the first proven window will do.
            if self.effort == 1 {
                break;
            }
        }
        best.map(|(_, _, f)| f).ok_or(why)
    }

    /// The shortest window that could give `short` minutes on `dates` under the daily cap
    /// (logged and pinned minutes counted), at least `min_session`; `None` when even whole
    /// days under the cap could not.
    fn window_floor(&self, dates: &[NaiveDate], short: u32) -> Option<u32> {
        let s = self.sc.settings;
        let room = self.cap_room(dates);
        let total: u64 = room.iter().map(|&r| u64::from(r)).sum();
        if total < u64::from(short) {
            return None;
        }
        let g = s.granularity.max(1);
        let mut len = round_up(s.min_session.max(g), g);
        while room.iter().map(|&r| u64::from(r.min(len))).sum::<u64>() < u64::from(short) {
            len += g;
            if len > DAY_MINUTES {
                return None;
            }
        }
        Some(len)
    }

    /// What the daily cap leaves on each date once logged and pinned minutes are counted.
    fn cap_room(&self, dates: &[NaiveDate]) -> Vec<u32> {
        let sc = self.sc;
        let mut pinned: BTreeMap<NaiveDate, u32> = BTreeMap::new();
        for p in &sc.pinned {
            *pinned.entry(p.start.date()).or_default() += p.minutes;
        }
        dates
            .iter()
            .map(|d| {
                sc.settings
                    .daily_cap
                    .saturating_sub(sc.logged_per_day.get(d).copied().unwrap_or(0))
                    .saturating_sub(pinned.get(d).copied().unwrap_or(0))
            })
            .collect()
    }

    fn lower_priority(&self, key: &str) -> Result<Fix, NoFix> {
        let sc = self.sc;
        let o = self
            .plan
            .outcomes
            .iter()
            .find(|o| o.key == key)
            .ok_or(NoFix::NoRival)?;
        let mine = sc
            .targets
            .iter()
            .find(|t| t.key == key)
            .map_or(Priority::Normal, |t| t.priority);
        let to = match mine {
            Priority::Low => return Err(NoFix::AlreadyLowest),
            Priority::Normal => Priority::Low,
            Priority::High => Priority::Normal,
        };
        // Rivals: on-time badges of its priority or higher, by the minutes they study
        // between its release and its due day.
        let from = o.release.and_time(NaiveTime::MIN).max(sc.now);
        let until = end_of(o.due);
        let mut used: BTreeMap<&str, u32> = BTreeMap::new();
        for s in self.plan.sessions.iter().filter(|s| !s.pinned) {
            if s.start >= from && s.end <= until && s.badge != key {
                *used.entry(s.badge.as_str()).or_default() += s.minutes();
            }
        }
        let mut rivals: Vec<(&str, u32)> = used
            .into_iter()
            .filter(|(k, _)| {
                !self.at_risk.contains(k)
                    && sc.targets.iter().any(|t| t.key == *k && t.priority >= mine)
                    // A deal holds its priority up: lowering the badge would not move it.
                    && sc.deal_floor.get(*k).is_none_or(|p| *p <= to)
            })
            .collect();
        if rivals.is_empty() {
            return Err(NoFix::NoRival);
        }
        rivals.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let lowered = |n: usize| -> Arc<BTreeSet<String>> {
            let mut names: Vec<String> =
                rivals[..n].iter().map(|(k, _)| (*k).to_string()).collect();
            names.sort();
            self.after(&Change::Lower(names, to))
        };
        let proven = |n: u32| self.saves(&lowered(n as usize), key, true);
        // Start with the fewest rivals whose minutes cover the shortfall.
        let mut sum = 0u32;
        let first = rivals
            .iter()
            .position(|(_, m)| {
                sum = sum.saturating_add(*m);
                sum >= o.shortfall
            })
            .map_or(rivals.len(), |i| i + 1);
        let n = u32::try_from(rivals.len()).unwrap_or(u32::MAX);
        let first = u32::try_from(first).unwrap_or(n);
        // Every rival lowered first: if that does not save it, nothing of this kind does.
        if !proven(n) {
            return Err(NoFix::RivalsNotEnough);
        }
        let count = grow_then_narrow(0, first, n, 1, proven).ok_or(NoFix::RivalsNotEnough)?;
        let after = lowered(count as usize);
        let badges: Vec<String> = rivals[..count as usize]
            .iter()
            .map(|(k, _)| (*k).to_string())
            .collect();
        // Sorted, as the set is.
        let then_at_risk: Vec<String> = after
            .iter()
            .filter(|k| !self.at_risk.contains(k.as_str()))
            .cloned()
            .collect();
        Ok(Fix::LowerPriority {
            badges,
            to,
            then_at_risk,
        })
    }
}

const DAILY: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];
const WEEKDAYS: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];
const WEEKENDS: [Weekday; 2] = [Weekday::Sat, Weekday::Sun];
fn end_of(d: NaiveDate) -> NaiveDateTime {
    d.checked_add_days(Days::new(1))
        .map_or(NaiveDateTime::MAX, |n| n.and_time(NaiveTime::MIN))
}

fn round_up(x: u32, g: u32) -> u32 {
    x.div_ceil(g.max(1)).saturating_mul(g.max(1))
}

fn window_of(days: &BTreeSet<WeekdayOrd>, start: u32, len: u32, until: NaiveDate) -> Window {
    let t = |m: u32| {
        NaiveTime::from_num_seconds_from_midnight_opt(m.min(LAST_END) * 60, 0)
            .unwrap_or(NaiveTime::MIN)
    };
    Window {
        id: None,
        kind: WindowKind::Weekly {
            days: days.clone(),
            start: t(start),
            end: t(start + len),
            from: None,
            to: Some(until),
        },
        label: String::new(),
    }
}

/// The smallest `x` in `(floor, most]`, a multiple of `step` from `first` on, for which
/// `proven(x)`: try `first`, grow by doubling steps until proven, then bisect between the
/// last failure and the first success. Every answer was proven; the smallest is exact
/// when `proven` is monotone, and otherwise the smallest the search saw.
fn grow_then_narrow(
    floor: u32,
    first: u32,
    most: u32,
    step: u32,
    mut proven: impl FnMut(u32) -> bool,
) -> Option<u32> {
    let step = step.max(1);
    if first > most || first <= floor {
        return None;
    }
    let mut bad = floor;
    let mut x = first;
    let mut jump = step;
    let good = loop {
        if proven(x) {
            break x;
        }
        if x >= most {
            return None;
        }
        bad = x;
        x = x.saturating_add(jump).min(most);
        jump = jump.saturating_mul(2);
    };
    let (mut lo, mut hi) = (bad, good);
    while hi - lo > step {
        let mid = lo + (hi - lo) / 2 / step * step;
        let mid = if mid <= lo { lo + step } else { mid };
        if mid >= hi {
            break;
        }
        if proven(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(hi)
}

/// Times of day free on every one of some dates: no window, busy time or pinned session.
struct Slots {
    /// Per date, the taken intervals as minutes of the day, sorted.
    taken: Vec<Vec<(u32, u32)>>,
}

/// Starts tried in order: the evening, then the early morning, then lunch, then any
/// quarter hour of the day.
fn preferred_starts() -> impl Iterator<Item = u32> {
    [
        20 * 60,
        20 * 60 + 30,
        19 * 60 + 30,
        21 * 60,
        19 * 60,
        21 * 60 + 30,
        6 * 60 + 30,
        6 * 60,
        7 * 60,
        22 * 60,
        12 * 60,
        12 * 60 + 30,
    ]
    .into_iter()
    .chain((5 * 4..23 * 4).map(|q| q * 15))
}

impl Slots {
    fn new(sc: &Scenario, dates: &[NaiveDate]) -> Slots {
        let minute = |t: NaiveDateTime, d: NaiveDate| -> u32 {
            if t.date() < d {
                0
            } else if t.date() > d {
                DAY_MINUTES
            } else {
                t.time().num_seconds_from_midnight() / 60
            }
        };
        let taken = dates
            .iter()
            .map(|&d| {
                let day_start = d.and_time(NaiveTime::MIN);
                let day_end = end_of(d);
                let mut v: Vec<(u32, u32)> = spare::day_windows(&sc.windows, d)
                    .into_iter()
                    .chain(sc.taken.iter().copied())
                    .filter(|iv| iv.start < day_end && iv.end > day_start)
                    .map(|iv| (minute(iv.start, d), minute(iv.end, d)))
                    .collect();
                v.sort_unstable();
                v
            })
            .collect();
        Slots { taken }
    }

    /// How long a window starting at `start` can be on every date (ending by 23:55).
    fn room_at(&self, start: u32) -> u32 {
        let mut most = LAST_END.saturating_sub(start);
        for day in &self.taken {
            for &(a, b) in day {
                if a <= start && start < b {
                    return 0;
                }
                if a > start {
                    most = most.min(a - start);
                    break;
                }
            }
        }
        most
    }

    /// The first preferred start with room for `len` minutes.
    fn start_for(&self, len: u32) -> Option<u32> {
        preferred_starts().find(|&s| self.room_at(s) >= len)
    }

    /// The longest window any preferred start allows.
    fn longest(&self) -> u32 {
        preferred_starts()
            .map(|s| self.room_at(s))
            .max()
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests;
