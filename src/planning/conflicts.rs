//! Pinned sessions that break a rule (DESIGN 3): placed by hand in a blackout, over busy
//! time, over the daily cap, before their badge's release or after it is done. They are
//! kept, because the user placed them, and flagged with the reason wherever they are
//! shown. Pure: the scenario's data in, conflicts out.

use crate::domain::log::Pinned;
use crate::domain::spare::{self, Interval, Window};
use crate::domain::work::PlanTarget;
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::BTreeMap;

/// Why a pinned session breaks the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    /// Its day is in a blackout.
    Blackout,
    /// It overlaps busy time imported from a calendar.
    Busy,
    /// With what is logged and pinned before it that day, it goes over the daily cap.
    DailyCap,
    /// It lies before the badge's release (its renewal window has not opened).
    BeforeRelease,
    /// The badge needs no more study: done, or nothing is planned for it.
    Done,
}

impl Reason {
    /// The id used in `plan --json`.
    pub fn id(self) -> &'static str {
        match self {
            Reason::Blackout => "blackout",
            Reason::Busy => "busy",
            Reason::DailyCap => "daily_cap",
            Reason::BeforeRelease => "before_release",
            Reason::Done => "done",
        }
    }
}

/// A pinned session and what it breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub badge: String,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    /// At least one, in [`Reason`] order.
    pub reasons: Vec<Reason>,
}

/// The conflicts of the pinned sessions that have not ended, in start order. `targets`:
/// what the planner works toward (a badge absent from it has nothing to study);
/// `logged_per_day`: minutes logged, which count toward the cap before any pinned session.
pub fn find(
    pinned: &[Pinned],
    targets: &[PlanTarget],
    windows: &[Window],
    busy: &[Interval],
    logged_per_day: &BTreeMap<NaiveDate, u32>,
    daily_cap: u32,
    now: NaiveDateTime,
) -> Vec<Conflict> {
    let mut ahead: Vec<&Pinned> = pinned.iter().filter(|p| p.counts_at(now)).collect();
    ahead.sort_by(|a, b| (a.start, &a.badge).cmp(&(b.start, &b.badge)));
    let target: BTreeMap<&str, &PlanTarget> = targets.iter().map(|t| (t.key.as_str(), t)).collect();
    let mut day_used: BTreeMap<NaiveDate, u32> = BTreeMap::new();
    let mut badge_pinned: BTreeMap<&str, u32> = BTreeMap::new();
    let mut out = Vec::new();
    for p in ahead {
        let (start, end) = (p.start, p.end());
        let day = start.date();
        let mut reasons = Vec::new();
        if spare::blacked_out(windows, day) {
            reasons.push(Reason::Blackout);
        }
        if busy.iter().any(|b| b.start < end && start < b.end) {
            reasons.push(Reason::Busy);
        }
        let used = day_used
            .entry(day)
            .or_insert_with(|| logged_per_day.get(&day).copied().unwrap_or(0));
        *used = used.saturating_add(p.minutes);
        if *used > daily_cap {
            reasons.push(Reason::DailyCap);
        }
        let before = badge_pinned.entry(p.badge.as_str()).or_default();
        match target.get(p.badge.as_str()) {
            Some(t) if day < t.release => reasons.push(Reason::BeforeRelease),
            Some(t) if *before >= t.remaining => reasons.push(Reason::Done),
            Some(_) => {}
            None => reasons.push(Reason::Done),
        }
        *before = before.saturating_add(p.minutes);
        if !reasons.is_empty() {
            out.push(Conflict {
                badge: p.badge.clone(),
                start,
                end,
                reasons,
            });
        }
    }
    out
}

/// How many of `pinned` (those not yet ended) fall on the days of a blackout.
pub fn pins_in_blackout(pinned: &[Pinned], blackout: &Window, now: NaiveDateTime) -> usize {
    pinned
        .iter()
        .filter(|p| {
            p.counts_at(now) && spare::blacked_out(std::slice::from_ref(blackout), p.start.date())
        })
        .count()
}

/// How many of `pinned` (those not yet ended) overlap some of `busy`.
pub fn pins_over_busy(pinned: &[Pinned], busy: &[Interval], now: NaiveDateTime) -> usize {
    pinned
        .iter()
        .filter(|p| p.counts_at(now) && busy.iter().any(|b| b.start < p.end() && p.start < b.end))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Priority;
    use crate::domain::dates::{parse_datetime, parse_ymd};
    use crate::domain::quick_add;

    fn dt(s: &str) -> NaiveDateTime {
        parse_datetime(s).unwrap()
    }

    fn pin(badge: &str, start: &str, minutes: u32) -> Pinned {
        Pinned {
            id: None,
            badge: badge.into(),
            start: dt(start),
            minutes,
        }
    }

    fn target(key: &str, release: &str, remaining: u32) -> PlanTarget {
        PlanTarget {
            key: key.into(),
            release: parse_ymd(release).unwrap(),
            due: parse_ymd("2027-03-01").unwrap(),
            remaining,
            priority: Priority::Normal,
            after: Vec::new(),
        }
    }

    #[test]
    fn each_rule_a_pinned_session_can_break() {
        let now = dt("2027-01-04T08:00");
        let windows = vec![quick_add::parse_off("2027-01-05", now).unwrap()];
        let busy = vec![Interval {
            start: dt("2027-01-06T19:30"),
            end: dt("2027-01-06T20:30"),
        }];
        let logged = BTreeMap::from([(parse_ymd("2027-01-07").unwrap(), 100)]);
        let pinned = vec![
            pin("aws", "2027-01-05T19:00", 60), // blackout
            pin("aws", "2027-01-06T19:00", 60), // busy 19:30-20:30
            pin("aws", "2027-01-07T19:00", 30), // 100 logged + 30 > 120
            pin("gcp", "2027-01-08T19:00", 30), // before its release
            pin("aws", "2027-01-09T19:00", 30), // aws needs 150: done by then
            pin("old", "2027-01-10T19:00", 30), // nothing to study
            pin("aws", "2027-01-03T19:00", 30), // ended: not counted
            pin("gcp", "2027-01-20T19:00", 30), // fine
        ];
        let targets = vec![
            target("aws", "2027-01-01", 150),
            target("gcp", "2027-01-15", 600),
        ];
        let found = find(&pinned, &targets, &windows, &busy, &logged, 120, now);
        let got: Vec<(&str, Vec<Reason>)> = found
            .iter()
            .map(|c| (c.badge.as_str(), c.reasons.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("aws", vec![Reason::Blackout]),
                ("aws", vec![Reason::Busy]),
                ("aws", vec![Reason::DailyCap]),
                ("gcp", vec![Reason::BeforeRelease]),
                ("aws", vec![Reason::Done]),
                ("old", vec![Reason::Done]),
            ]
        );
        assert_eq!(pins_in_blackout(&pinned, &windows[0], now), 1);
        assert_eq!(pins_over_busy(&pinned, &busy, now), 1);
    }

    #[test]
    fn a_day_long_pin_in_a_blackout_over_the_cap_gives_every_reason_and_no_panic() {
        let now = dt("2027-01-04T08:00");
        let windows = vec![quick_add::parse_off("2027-01-01..2027-12-31", now).unwrap()];
        let pinned = vec![pin("a", "2027-01-05T00:00", 24 * 60)];
        let found = find(
            &pinned,
            &[target("a", "2027-02-01", 10)],
            &windows,
            &[],
            &BTreeMap::new(),
            0,
            now,
        );
        assert_eq!(
            found[0].reasons,
            [Reason::Blackout, Reason::DailyCap, Reason::BeforeRelease]
        );
    }
}
