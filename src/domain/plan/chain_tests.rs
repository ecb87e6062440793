//! Table tests for prerequisites (DESIGN 3): a badge is planned only after the planned
//! finish of what it waits for; what fits is on time; loops and odd links never panic.

use super::tests::{daily, input, out, pin, run, sess, tgt};
use super::*;
use crate::domain::badge::Priority::{High, Low, Normal};

fn after(mut t: PlanTarget, keys: &[&str]) -> PlanTarget {
    t.after = keys.iter().map(|k| (*k).to_string()).collect();
    t
}

#[test]
fn a_badge_starts_after_what_it_waits_for_finishes_the_same_evening_too() {
    // One evening hour a day; A needs 90 minutes, B 60, B due first without the link.
    let inp = input(
        "2027-01-04T08:00",
        vec![
            tgt("a", "2027-01-04", "2027-01-20", 90, Normal),
            after(tgt("b", "2027-01-04", "2027-01-10", 60, Normal), &["a"]),
        ],
        daily("2027-01-04", 20, &[("20:00", "21:00")]),
    );
    let p = run(&inp);
    assert_eq!(sess(&p, "a"), ["01-04 20:00-21:00", "01-05 20:00-20:30"]);
    assert_eq!(sess(&p, "b"), ["01-05 20:30-21:00", "01-06 20:00-20:30"]);
    assert!(!out(&p, "a").at_risk && !out(&p, "b").at_risk);
}

#[test]
fn a_prerequisite_due_later_is_moved_earlier_so_both_are_on_time() {
    // Without the link A (due later) would go second and B would be late.
    let inp = input(
        "2027-01-04T08:00",
        vec![
            tgt("a", "2027-01-04", "2027-01-30", 120, Low),
            after(tgt("b", "2027-01-04", "2027-01-07", 120, High), &["a"]),
        ],
        daily("2027-01-04", 30, &[("20:00", "21:00")]),
    );
    let p = run(&inp);
    assert!(!out(&p, "a").at_risk && !out(&p, "b").at_risk);
    assert!(p.exact);
}

#[test]
fn a_prerequisite_past_its_goal_is_planned_first_and_the_badge_waiting_stays_on_time() {
    let inp = input(
        "2027-01-10T08:00",
        vec![
            tgt("found", "2027-01-01", "2027-01-05", 60, Normal), // goal passed
            after(
                tgt("adv", "2027-01-10", "2027-02-28", 120, Normal),
                &["found"],
            ),
        ],
        daily("2027-01-10", 50, &[("20:00", "20:30")]),
    );
    let p = run(&inp);
    assert!(out(&p, "found").at_risk);
    assert!(!out(&p, "adv").at_risk, "{p:#?}");
    assert_eq!(
        sess(&p, "found"),
        ["01-10 20:00-20:30", "01-11 20:00-20:30"]
    );
    assert_eq!(sess(&p, "adv")[0], "01-12 20:00-20:30");
}

#[test]
fn nothing_of_a_badge_is_planned_while_its_prerequisite_cannot_finish() {
    // A needs 10 hours; only 3 hours of spare time in the horizon.
    let inp = input(
        "2027-01-04T08:00",
        vec![
            tgt("a", "2027-01-04", "2027-01-08", 600, Normal),
            after(tgt("b", "2027-01-04", "2027-01-08", 30, Normal), &["a"]),
            tgt("c", "2027-01-04", "2027-01-08", 30, Low),
        ],
        daily("2027-01-04", 6, &[("20:00", "20:30")]),
    );
    let p = run(&inp);
    assert!(sess(&p, "b").is_empty());
    assert!(out(&p, "a").at_risk && out(&p, "b").at_risk);
    // The time A cannot use to finish still serves C.
    assert!(!out(&p, "c").at_risk);
}

#[test]
fn when_not_all_fit_the_choice_weighs_the_chain_as_a_whole() {
    // Two evenings of 60 minutes. Chain a (Low, 60) → b (High, 60) takes both; c (Normal,
    // 60) alone takes one. The best is b on time (High), which needs a done first.
    let inp = input(
        "2027-01-04T08:00",
        vec![
            tgt("a", "2027-01-04", "2027-01-05", 60, Low),
            after(tgt("b", "2027-01-04", "2027-01-05", 60, High), &["a"]),
            tgt("c", "2027-01-04", "2027-01-05", 60, Normal),
        ],
        daily("2027-01-04", 2, &[("20:00", "21:00")]),
    );
    let p = run(&inp);
    assert!(!out(&p, "b").at_risk && !out(&p, "a").at_risk);
    assert!(out(&p, "c").at_risk);
    assert!(p.exact);
}

#[test]
fn a_pinned_prerequisite_holds_the_badge_back_until_it_ends() {
    let mut inp = input(
        "2027-01-04T08:00",
        vec![
            tgt("a", "2027-01-04", "2027-01-20", 60, Normal),
            after(tgt("b", "2027-01-04", "2027-01-20", 60, Normal), &["a"]),
        ],
        daily("2027-01-04", 20, &[("20:00", "21:00")]),
    );
    inp.pinned = vec![pin("a", "2027-01-06T07:00", 60)];
    let p = run(&inp);
    assert!(sess(&p, "a").is_empty(), "the pinned session covers a");
    assert_eq!(sess(&p, "b"), ["01-06 20:00-21:00"]);
}

#[test]
fn loops_links_to_nothing_and_to_oneself_never_panic() {
    let inp = input(
        "2027-01-04T08:00",
        vec![
            after(
                tgt("a", "2027-01-04", "2027-01-20", 60, Normal),
                &["b", "a", "zz"],
            ),
            after(tgt("b", "2027-01-04", "2027-01-20", 60, Normal), &["a"]),
            after(tgt("c", "2027-01-04", "2027-01-20", 60, Normal), &["a"]),
            after(tgt("a", "2027-01-04", "2027-01-20", 60, Normal), &["c"]),
        ],
        daily("2027-01-04", 20, &[("20:00", "21:00")]),
    );
    let p = plan(&inp);
    assert_eq!(p.outcomes.len(), 4);
    assert!(!out(&p, "c").at_risk);
}
