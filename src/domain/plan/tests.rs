//! Table tests: one per hard rule and per objective step, the rescue numbers on
//! hand-computed cases, odd input, and regressions.

use super::checker::check;
use super::*;
use crate::domain::badge::Priority;
use crate::domain::dates::{parse_datetime, parse_ymd};
use Priority::{High, Low, Normal};

pub(super) fn d(s: &str) -> NaiveDate {
    parse_ymd(s).unwrap()
}
pub(super) fn dt(s: &str) -> NaiveDateTime {
    parse_datetime(s).unwrap()
}
pub(super) fn iv(a: &str, b: &str) -> Interval {
    Interval {
        start: dt(a),
        end: dt(b),
    }
}
pub(super) fn tgt(
    key: &str,
    release: &str,
    due: &str,
    remaining: u32,
    priority: Priority,
) -> PlanTarget {
    PlanTarget {
        key: key.into(),
        release: d(release),
        due: d(due),
        remaining,
        priority,
        after: Vec::new(),
    }
}
/// The same windows on `days` days from `first` (2027-01-04 is a Monday).
pub(super) fn daily(first: &str, days: u64, times: &[(&str, &str)]) -> Vec<Interval> {
    let mut v = Vec::new();
    for k in 0..days {
        let day = d(first) + chrono::Days::new(k);
        for (a, b) in times {
            v.push(iv(&format!("{day}T{a}"), &format!("{day}T{b}")));
        }
    }
    v
}
pub(super) fn input(now: &str, targets: Vec<PlanTarget>, free: Vec<Interval>) -> PlanInput {
    PlanInput {
        now: dt(now),
        targets,
        free,
        pinned: Vec::new(),
        logged_per_day: BTreeMap::new(),
        settings: Settings::default(),
    }
}
pub(super) fn pin(badge: &str, start: &str, minutes: u32) -> Pinned {
    Pinned {
        id: None,
        badge: badge.into(),
        start: dt(start),
        minutes,
    }
}
/// Plans, checks every hard rule, and checks determinism.
pub(super) fn run(inp: &PlanInput) -> Plan {
    let p = plan(inp);
    if let Err(e) = check(inp, &p) {
        panic!("hard rule broken: {e}\n{p:#?}");
    }
    assert_eq!(plan(inp), p, "same input, same plan");
    p
}
pub(super) fn out<'a>(p: &'a Plan, key: &str) -> &'a Outcome {
    p.outcomes.iter().find(|o| o.key == key).unwrap()
}
/// A badge's planned sessions as `MM-DD HH:MM-HH:MM`.
pub(super) fn sess(p: &Plan, key: &str) -> Vec<String> {
    p.sessions
        .iter()
        .filter(|s| s.badge == key && !s.pinned)
        .map(|s| {
            format!(
                "{}-{}",
                s.start.format("%m-%d %H:%M"),
                s.end.format("%H:%M")
            )
        })
        .collect()
}

pub(super) const COMMUTE: (&str, &str) = ("07:10", "07:40");
pub(super) const EVENING: (&str, &str) = ("21:00", "22:00");

#[test]
fn earliest_due_first_each_as_early_as_possible() {
    let inp = input(
        "2027-01-04T06:00",
        vec![
            tgt("b", "2027-01-04", "2027-01-10", 60, Normal),
            tgt("a", "2027-01-04", "2027-01-06", 90, Normal),
        ],
        daily("2027-01-04", 7, &[COMMUTE, EVENING]),
    );
    let p = run(&inp);
    assert_eq!(sess(&p, "a"), ["01-04 07:10-07:40", "01-04 21:00-22:00"]);
    assert_eq!(sess(&p, "b"), ["01-05 07:10-07:40", "01-05 21:00-21:30"]);
    let (a, b) = (out(&p, "a"), out(&p, "b"));
    assert_eq!(
        (a.finish, b.finish),
        (Some(d("2027-01-04")), Some(d("2027-01-05")))
    );
    assert!(!a.at_risk && !b.at_risk && p.exact);
    // Unplanned usable minutes: day 4 none, day 5 30, then 90 a day.
    assert_eq!((a.slack, b.slack), (30 + 90, 30 + 5 * 90));
    assert_eq!((a.planned_before_due, a.shortfall), (90, 0));
    // Outcomes by due when nothing is at risk.
    assert_eq!(p.outcomes[0].key, "a");
}

#[test]
fn same_due_then_priority_then_key() {
    let inp = input(
        "2027-01-04T06:00",
        vec![
            tgt("a", "2027-01-04", "2027-01-05", 30, Normal),
            tgt("c", "2027-01-04", "2027-01-05", 30, Normal),
            tgt("b", "2027-01-04", "2027-01-05", 30, High),
        ],
        daily("2027-01-04", 2, &[COMMUTE, ("12:00", "12:30")]),
    );
    let p = run(&inp);
    assert_eq!(sess(&p, "b"), ["01-04 07:10-07:40"]);
    assert_eq!(sess(&p, "a"), ["01-04 12:00-12:30"]);
    assert_eq!(sess(&p, "c"), ["01-05 07:10-07:40"]);
}

#[test]
fn release_day_and_due_day_both_count() {
    let free = daily("2027-01-04", 5, &[COMMUTE]);
    let p = run(&input(
        "2027-01-04T06:00",
        vec![tgt("x", "2027-01-06", "2027-01-06", 30, Normal)],
        free,
    ));
    assert_eq!(sess(&p, "x"), ["01-06 07:10-07:40"]);
    assert!(!out(&p, "x").at_risk);
}

#[test]
fn never_before_release_or_now() {
    let free = daily("2027-01-03", 4, &[COMMUTE]);
    let p = run(&input(
        "2027-01-04T07:22",
        vec![
            tgt("later", "2027-01-06", "2027-01-08", 30, High),
            tgt("now", "2027-01-01", "2027-01-08", 15, Normal),
        ],
        free,
    ));
    // Now falls mid-window: the session starts at the next grid point.
    assert_eq!(sess(&p, "now"), ["01-04 07:25-07:40"]);
    assert_eq!(sess(&p, "later"), ["01-06 07:10-07:40"]);
}

#[test]
fn snaps_inward_to_the_grid() {
    let mut inp = input(
        "2027-01-04T06:00",
        vec![tgt("x", "2027-01-04", "2027-01-04", 25, Normal)],
        vec![iv("2027-01-04T07:12", "2027-01-04T07:43")],
    );
    assert_eq!(sess(&run(&inp), "x"), ["01-04 07:15-07:40"]);
    inp.settings.granularity = 15;
    let p = run(&inp);
    assert_eq!(sess(&p, "x"), ["01-04 07:15-07:30"]);
    assert!(
        out(&p, "x").at_risk,
        "only 15 usable minutes on a 15-minute grid"
    );
}

#[test]
fn daily_cap_counts_logged_minutes() {
    let free = daily("2027-01-04", 2, &[COMMUTE, EVENING]);
    let mut inp = input(
        "2027-01-04T06:00",
        vec![tgt("x", "2027-01-04", "2027-01-05", 60, Normal)],
        free,
    );
    inp.logged_per_day.insert(d("2027-01-04"), 100);
    inp.logged_per_day.insert(d("2027-01-03"), 500); // yesterday: irrelevant
    // 20 minutes left today. Tomorrow the commute is filled and a short piece finishes:
    // shortening the first piece to 25 would only leave 5 minutes nobody can use.
    assert_eq!(
        sess(&run(&inp), "x"),
        [
            "01-04 07:10-07:30",
            "01-05 07:10-07:40",
            "01-05 21:00-21:10"
        ]
    );
    // Already over the cap: nothing today.
    inp.logged_per_day.insert(d("2027-01-04"), 130);
    assert_eq!(
        sess(&run(&inp), "x"),
        ["01-05 07:10-07:40", "01-05 21:00-21:30"]
    );
    // A cap of zero plans nothing at all.
    inp.settings.daily_cap = 0;
    let p = run(&inp);
    assert!(sess(&p, "x").is_empty());
    assert!(out(&p, "x").at_risk);
}

#[test]
fn pinned_sessions_are_kept_counted_and_not_touched() {
    let mut inp = input(
        "2027-01-04T06:00",
        vec![
            tgt("a", "2027-01-04", "2027-01-06", 90, Normal),
            tgt("b", "2027-01-04", "2027-01-06", 60, Normal),
        ],
        daily("2027-01-04", 3, &[COMMUTE, EVENING]),
    );
    inp.pinned = vec![
        pin("a", "2027-01-04T21:00", 60),
        pin("a", "2027-01-02T21:00", 60), // in the past: does not count
    ];
    let p = run(&inp);
    assert_eq!(sess(&p, "a"), ["01-04 07:10-07:40"]);
    assert_eq!(sess(&p, "b"), ["01-05 07:10-07:40", "01-05 21:00-21:30"]);
    let pinned: Vec<_> = p.sessions.iter().filter(|s| s.pinned).collect();
    assert_eq!(pinned.len(), 1);
    let a = out(&p, "a");
    assert_eq!(
        (a.planned_before_due, a.finish),
        (90, Some(d("2027-01-04")))
    );

    // The free list was not cut around the pinned session: the planner does it, and a
    // planned session of the same badge never runs straight on from it.
    let mut inp = input(
        "2027-01-04T06:00",
        vec![
            tgt("a", "2027-01-04", "2027-01-04", 40, Normal),
            tgt("b", "2027-01-04", "2027-01-04", 20, Normal),
        ],
        vec![iv("2027-01-04T07:00", "2027-01-04T08:00")],
    );
    inp.pinned = vec![pin("a", "2027-01-04T07:00", 20)];
    let p = run(&inp);
    assert_eq!(sess(&p, "b"), ["01-04 07:20-07:40"]);
    assert_eq!(sess(&p, "a"), ["01-04 07:40-08:00"]);
    // Pinned minutes count toward the day's cap: 30 left, room for one of them. Equal
    // priority, so the key decides; "a" waits a grid step after its pinned session.
    inp.settings.daily_cap = 50;
    let p = run(&inp);
    assert_eq!(sess(&p, "a"), ["01-04 07:25-07:45"]);
    assert!(sess(&p, "b").is_empty() && out(&p, "b").at_risk);
}

#[test]
fn max_session_leaves_a_gap() {
    let p = run(&input(
        "2027-01-04T06:00",
        vec![tgt("x", "2027-01-04", "2027-01-04", 120, Normal)],
        vec![iv("2027-01-04T19:00", "2027-01-04T21:10")],
    ));
    assert_eq!(sess(&p, "x"), ["01-04 19:00-20:00", "01-04 20:05-21:05"]);
    // Another badge may fill the gap instead.
    let p = run(&input(
        "2027-01-04T06:00",
        vec![
            tgt("x", "2027-01-04", "2027-01-04", 90, Normal),
            tgt("y", "2027-01-04", "2027-01-05", 20, Normal),
        ],
        vec![iv("2027-01-04T19:00", "2027-01-04T21:00")],
    ));
    assert_eq!(sess(&p, "x"), ["01-04 19:00-20:00", "01-04 20:20-20:50"]);
    assert_eq!(sess(&p, "y"), ["01-04 20:00-20:20"]);
}

#[test]
fn a_badge_the_session_rules_make_late_still_finishes_after_its_due() {
    // The relaxation fits all 120 minutes in the 2-hour window, but one badge may take
    // at most an hour in a row: 115 by the due day, and the last 5 the day after (they
    // were dropped once, with the badge shown as never ready).
    let p = run(&input(
        "2027-01-04T06:00",
        vec![tgt("x", "2027-01-04", "2027-01-04", 120, Normal)],
        daily("2027-01-04", 2, &[("19:00", "21:00")]),
    ));
    assert_eq!(
        sess(&p, "x"),
        [
            "01-04 19:00-20:00",
            "01-04 20:05-21:00",
            "01-05 19:00-19:05"
        ]
    );
    let o = out(&p, "x");
    assert!(o.at_risk);
    assert_eq!((o.shortfall, o.planned_before_due), (5, 115));
    assert_eq!(o.finish, Some(d("2027-01-05")));
    assert_eq!(o.risk, Some(Risk::SessionRules));
}

#[test]
fn short_gaps_only_finish_a_badge() {
    let free = daily("2027-01-04", 2, &[("07:10", "07:20"), EVENING]);
    let p = run(&input(
        "2027-01-04T06:00",
        vec![
            tgt("a", "2027-01-04", "2027-01-05", 60, Normal),
            tgt("b", "2027-01-04", "2027-01-05", 10, Normal),
        ],
        free.clone(),
    ));
    assert_eq!(sess(&p, "b"), ["01-04 07:10-07:20"]);
    assert_eq!(sess(&p, "a"), ["01-04 21:00-22:00"]);
    let p = run(&input(
        "2027-01-04T06:00",
        vec![tgt("a", "2027-01-04", "2027-01-05", 70, Normal)],
        free,
    ));
    // The last 10 minutes finish in the short gap.
    assert_eq!(sess(&p, "a"), ["01-04 21:00-22:00", "01-05 07:10-07:20"]);
    // A piece cut by max_session is shortened rather than leave a sliver, when what it
    // frees stays usable: 55 + 15 rather than 60 + 10.
    let p = run(&input(
        "2027-01-04T06:00",
        vec![tgt("a", "2027-01-04", "2027-01-05", 70, Normal)],
        vec![iv("2027-01-04T19:00", "2027-01-04T21:00")],
    ));
    assert_eq!(sess(&p, "a"), ["01-04 19:00-19:55", "01-04 20:00-20:15"]);
}

#[test]
fn priority_wins_when_not_everything_fits() {
    let mut free = vec![iv("2027-01-04T21:00", "2027-01-04T22:00")];
    free.push(iv("2027-01-08T21:00", "2027-01-08T22:00"));
    let p = run(&input(
        "2027-01-04T06:00",
        vec![
            tgt("low", "2027-01-04", "2027-01-04", 60, Low),
            tgt("high", "2027-01-04", "2027-01-04", 60, High),
        ],
        free.clone(),
    ));
    assert_eq!(sess(&p, "high"), ["01-04 21:00-22:00"]);
    // The one at risk is planned after, past its due, and told what would save it.
    assert_eq!(sess(&p, "low"), ["01-08 21:00-22:00"]);
    let low = out(&p, "low");
    assert!(low.at_risk && p.exact);
    assert_eq!((low.shortfall, low.finish), (60, Some(d("2027-01-08"))));
    assert_eq!(
        low.risk,
        Some(Risk::NotEnoughTime {
            extra_minutes_per_day: None,
            extra_spare_minutes: Some(60)
        })
    );
    assert_eq!(p.outcomes[0].key, "low", "at risk first");

    // One High beats two Normals.
    let p = run(&input(
        "2027-01-04T06:00",
        vec![
            tgt("n1", "2027-01-04", "2027-01-04", 30, Normal),
            tgt("n2", "2027-01-04", "2027-01-04", 30, Normal),
            tgt("h", "2027-01-04", "2027-01-04", 60, High),
        ],
        free.clone(),
    ));
    assert!(!out(&p, "h").at_risk && out(&p, "n1").at_risk && out(&p, "n2").at_risk);
    // With Highs tied, two Normals beat one.
    let p = run(&input(
        "2027-01-04T06:00",
        vec![
            tgt("big", "2027-01-04", "2027-01-04", 60, Normal),
            tgt("n1", "2027-01-04", "2027-01-04", 30, Normal),
            tgt("n2", "2027-01-04", "2027-01-04", 30, Normal),
            tgt("l", "2027-01-04", "2027-01-04", 15, Low),
        ],
        free,
    ));
    let risky: Vec<&str> = p
        .outcomes
        .iter()
        .filter(|o| o.at_risk)
        .map(|o| o.key.as_str())
        .collect();
    assert_eq!(risky, ["big", "l"]);
    assert!(p.exact);
}

#[test]
fn at_risk_badges_go_after_the_others() {
    // Low is due first, but putting it first would make High late.
    let p = run(&input(
        "2027-01-04T06:00",
        vec![
            tgt("high", "2027-01-04", "2027-01-05", 120, High),
            tgt("low", "2027-01-04", "2027-01-04", 60, Low),
        ],
        daily("2027-01-04", 3, &[EVENING]),
    ));
    assert_eq!(sess(&p, "high"), ["01-04 21:00-22:00", "01-05 21:00-22:00"]);
    assert_eq!(sess(&p, "low"), ["01-06 21:00-22:00"]);
    assert!(out(&p, "low").at_risk && !out(&p, "high").at_risk);
}

#[test]
fn rescue_numbers_hand_computed() {
    // The cap binds: 3 days of 60 free minutes, cap 30, 120 needed. 90 fit; raising the
    // cap by 10 gives 3 × 40 = 120. More spare time would not help.
    let mut inp = input(
        "2027-01-04T06:00",
        vec![tgt("a", "2027-01-04", "2027-01-06", 120, Normal)],
        daily("2027-01-04", 3, &[("19:00", "20:00")]),
    );
    inp.settings.daily_cap = 30;
    let p = run(&inp);
    let a = out(&p, "a");
    assert_eq!((a.shortfall, a.finish, a.slack), (30, None, 0));
    assert_eq!(
        a.risk,
        Some(Risk::NotEnoughTime {
            extra_minutes_per_day: Some(10),
            extra_spare_minutes: None
        })
    );
    // Spare time binds: 3 × 30 minutes, cap 120: 30 more spare minutes would do.
    let p = run(&input(
        "2027-01-04T06:00",
        vec![tgt("a", "2027-01-04", "2027-01-06", 120, Normal)],
        daily("2027-01-04", 3, &[COMMUTE]),
    ));
    assert_eq!(
        out(&p, "a").risk,
        Some(Risk::NotEnoughTime {
            extra_minutes_per_day: None,
            extra_spare_minutes: Some(30)
        })
    );
    // Competing with an on-time High: 2 days of 60, the High takes 90 of the 120.
    let p = run(&input(
        "2027-01-04T06:00",
        vec![
            tgt("h", "2027-01-04", "2027-01-05", 90, High),
            tgt("l", "2027-01-04", "2027-01-05", 60, Low),
        ],
        daily("2027-01-04", 2, &[EVENING]),
    ));
    let l = out(&p, "l");
    assert_eq!((l.planned_before_due, l.shortfall), (30, 30));
    assert_eq!(
        l.risk,
        Some(Risk::NotEnoughTime {
            extra_minutes_per_day: None,
            extra_spare_minutes: Some(30)
        })
    );
    // No spare time at all before due.
    let p = run(&input(
        "2027-01-04T06:00",
        vec![tgt("a", "2027-01-04", "2027-01-05", 45, Normal)],
        daily("2027-01-06", 2, &[EVENING]),
    ));
    let a = out(&p, "a");
    assert_eq!(
        a.risk,
        Some(Risk::NoSpareTime {
            extra_minutes_per_day: None,
            extra_spare_minutes: Some(45)
        })
    );
    assert_eq!((a.finish, sess(&p, "a").len()), (Some(d("2027-01-06")), 1));
}

#[test]
fn cap_raise_where_the_cap_binds_on_other_days() {
    // Day 4: 120 free, cap 60; day 5: 30 free. x (due 5) needs 120: 90 fit. Raising
    // the cap by 30 lets day 4 give 90: 120 in all.
    let mut inp = input(
        "2027-01-04T06:00",
        vec![tgt("x", "2027-01-04", "2027-01-05", 120, Normal)],
        vec![
            iv("2027-01-04T19:00", "2027-01-04T21:00"),
            iv("2027-01-05T07:10", "2027-01-05T07:40"),
        ],
    );
    inp.settings.daily_cap = 60;
    let p = run(&inp);
    assert_eq!(
        out(&p, "x").risk,
        Some(Risk::NotEnoughTime {
            extra_minutes_per_day: Some(30),
            extra_spare_minutes: Some(30)
        })
    );
}

#[test]
fn settings_are_normalized() {
    let n = |min, max, g| {
        let s = Settings {
            min_session: min,
            max_session: max,
            daily_cap: 120,
            granularity: g,
        }
        .normalized();
        (s.min_session, s.max_session, s.granularity)
    };
    assert_eq!(n(15, 60, 5), (15, 60, 5));
    assert_eq!(n(17, 62, 5), (20, 60, 5));
    assert_eq!(n(90, 30, 5), (30, 30, 5), "the maximum wins");
    assert_eq!(n(0, 0, 0), (1, 1, 1));
    assert_eq!(n(0, 3, 5), (5, 5, 5), "at least one grid step");
    assert_eq!(n(u32::MAX, u32::MAX, 5000), (1440, 1440, 1440));
}

#[test]
fn deterministic_whatever_the_input_order() {
    let targets = vec![
        tgt("a", "2027-01-04", "2027-01-06", 60, Normal),
        tgt("b", "2027-01-04", "2027-01-06", 60, Normal),
        tgt("c", "2027-01-04", "2027-01-06", 60, Normal),
    ];
    let free = daily("2027-01-04", 3, &[COMMUTE]);
    let p1 = run(&input("2027-01-04T06:00", targets.clone(), free.clone()));
    let mut rev = targets;
    rev.reverse();
    let mut free_rev = free;
    free_rev.reverse();
    let p2 = run(&input("2027-01-04T06:00", rev, free_rev));
    assert_eq!(p1, p2);
    assert_eq!(sess(&p1, "a"), ["01-04 07:10-07:40", "01-05 07:10-07:40"]);
    assert!(out(&p1, "c").at_risk);
}
