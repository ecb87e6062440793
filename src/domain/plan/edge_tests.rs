//! Table tests for odd input (never a panic, always a reason) and regressions.

use super::tests::{COMMUTE, EVENING, d, daily, dt, input, iv, out, run, sess, tgt};
use super::*;
use crate::domain::badge::Priority::{High, Low, Normal};

#[test]
fn odd_targets_are_reported_and_the_rest_planned() {
    let mut inp = input(
        "2027-01-04T06:00",
        vec![
            tgt("ok", "2027-01-04", "2027-01-10", 60, Normal),
            tgt("backwards", "2027-01-08", "2027-01-05", 30, Normal),
            tgt("past", "2026-12-01", "2027-01-01", 30, High),
            tgt("done", "2027-01-04", "2027-01-10", 0, Normal),
            tgt("ok", "2027-01-04", "2027-01-06", 30, High),
            tgt("huge", "2027-01-04", "2027-01-10", u32::MAX, Low),
        ],
        daily("2027-01-04", 10, &[COMMUTE, EVENING]),
    );
    let p = run(&inp);
    let o = |k: &str, due: &str| {
        p.outcomes
            .iter()
            .find(|o| o.key == k && o.due == d(due))
            .unwrap()
            .clone()
    };
    assert!(!o("ok", "2027-01-10").at_risk);
    assert_eq!(o("ok", "2027-01-06").risk, Some(Risk::DuplicateKey));
    assert_eq!(
        o("backwards", "2027-01-05").risk,
        Some(Risk::DueBeforeRelease)
    );
    // Planned late. Not from its release, though: "huge" (at risk, due 01-10) gets every
    // minute it can before its due first, which lowers its shortfall, while nothing can
    // lower that of a badge whose due comes before its release or has passed. After
    // 01-10 they go by due: "past" first, then "backwards", then "huge".
    assert_eq!(
        sess(&p, "backwards"),
        ["01-11 21:00-21:30"],
        "planned late, after the quota of the badge at risk due earlier"
    );
    assert_eq!(sess(&p, "past"), ["01-11 07:10-07:40"]);
    assert_eq!(o("past", "2027-01-01").risk, Some(Risk::DuePassed));
    let done = o("done", "2027-01-10");
    assert!(!done.at_risk && done.finish.is_none() && sess(&p, "done").is_empty());
    let huge = o("huge", "2027-01-10");
    assert!(huge.at_risk && huge.finish.is_none());
    assert!(matches!(
        huge.risk,
        Some(Risk::NotEnoughTime {
            extra_spare_minutes: None,
            ..
        })
    ));

    // Nothing free at all.
    inp.free.clear();
    let p = run(&inp);
    assert!(p.sessions.is_empty());
    let ok = p
        .outcomes
        .iter()
        .find(|o| o.key == "ok" && o.due == d("2027-01-10"))
        .unwrap();
    assert!(matches!(ok.risk, Some(Risk::NoSpareTime { .. })));
}

#[test]
fn odd_free_lists_and_settings_never_panic() {
    let targets = vec![
        tgt("a", "2027-01-04", "2027-01-06", 95, High),
        tgt("b", "2027-01-04", "2027-01-05", 40, Normal),
    ];
    let free = vec![
        iv("2027-01-05T21:00", "2027-01-05T22:00"), // unsorted
        iv("2027-01-04T07:00", "2027-01-04T07:00"), // empty
        iv("2027-01-04T08:00", "2027-01-04T07:00"), // backwards
        iv("2027-01-04T07:11", "2027-01-04T07:14"), // sub-grid
        iv("2027-01-03T20:00", "2027-01-04T06:30"), // before now, across midnight
        iv("2027-01-04T21:00", "2027-01-04T22:00"),
        iv("2027-01-04T21:30", "2027-01-04T22:30"), // overlaps
        iv("2027-01-05T23:00", "2027-01-06T01:00"), // across midnight
    ];
    for (min, max, cap, grid) in [
        (15, 60, 120, 5),
        (90, 30, 120, 5), // min > max
        (0, 0, 120, 0),   // zeros
        (15, 60, 120, 7), // not a divisor of a day
        (15, 60, 120, 2000),
        (15, 60, 0, 5),
        (1, 1, u32::MAX, 1),
    ] {
        let mut inp = input("2027-01-04T06:00", targets.clone(), free.clone());
        inp.now = dt("2027-01-04T06:00") + chrono::Duration::seconds(30);
        inp.settings = Settings {
            min_session: min,
            max_session: max,
            daily_cap: cap,
            granularity: grid,
        };
        let p = run(&inp);
        assert_eq!(p.outcomes.len(), 2);
    }
}

#[test]
fn fits_by_minutes_but_not_by_session_rules() {
    // Two 20-minute windows hold the 40 minutes, but min_session is 30: no legal piece.
    let mut inp = input(
        "2027-01-04T06:00",
        vec![tgt("x", "2027-01-04", "2027-01-05", 40, Normal)],
        daily("2027-01-04", 2, &[("07:10", "07:30")]),
    );
    inp.settings.min_session = 30;
    let p = run(&inp);
    let x = out(&p, "x");
    assert!(x.at_risk && sess(&p, "x").is_empty());
    assert_eq!(x.risk, Some(Risk::SessionRules));
    assert!(!p.exact, "the relaxation was repaired");
}

// Regressions.

#[test]
fn regression_sessions_sort_by_time_not_by_badge() {
    // The derived order on Session once compared the badge first.
    let p = run(&input(
        "2027-01-04T06:00",
        vec![
            tgt("b", "2027-01-04", "2027-01-04", 30, High),
            tgt("a", "2027-01-04", "2027-01-05", 30, Normal),
        ],
        daily("2027-01-04", 2, &[COMMUTE]),
    ));
    let badges: Vec<&str> = p.sessions.iter().map(|s| s.badge.as_str()).collect();
    assert_eq!(badges, ["b", "a"]);
}

#[test]
fn regression_a_cut_piece_is_not_shrunk_into_a_dead_tail() {
    // Shrinking a slot-filling piece "to avoid a short remainder" left a sliver in the
    // slot nobody could use, and made tight plans miss their due days.
    let p = run(&input(
        "2027-01-04T06:00",
        vec![
            tgt("a", "2027-01-04", "2027-01-04", 40, Normal),
            tgt("b", "2027-01-04", "2027-01-04", 20, Normal),
        ],
        vec![
            iv("2027-01-04T07:10", "2027-01-04T07:40"),
            iv("2027-01-04T12:00", "2027-01-04T12:30"),
        ],
    ));
    assert!(p.outcomes.iter().all(|o| !o.at_risk), "{p:#?}");
    assert!(p.exact);
}

#[test]
fn extreme_dates_never_panic() {
    let far = NaiveDate::MAX.and_hms_opt(23, 0, 0).unwrap();
    let mut inp = input(
        "2027-01-04T06:00",
        vec![PlanTarget {
            key: "x".into(),
            release: NaiveDate::MIN,
            due: NaiveDate::MAX,
            remaining: 30,
            priority: Normal,
            after: Vec::new(),
        }],
        vec![Interval {
            start: far,
            end: NaiveDateTime::MAX,
        }],
    );
    inp.pinned = vec![Pinned {
        id: None,
        badge: "x".into(),
        start: far,
        minutes: u32::MAX,
    }];
    let p = run(&inp);
    assert_eq!(p.outcomes.len(), 1);
    inp.now = far;
    let p = plan(&inp);
    assert_eq!(p.outcomes.len(), 1);
}
