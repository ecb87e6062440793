//! Every combination of earned / expires / retires / replaced / target / archived / goal:
//! the status, the planned work and the retirement note must tell one story.

use super::*;
use crate::domain::dates::parse_ymd;

fn d(s: &str) -> NaiveDate {
    parse_ymd(s).unwrap()
}

const TODAY: &str = "2027-01-10";

fn rules(today: NaiveDate) -> (u32, NaiveDate) {
    (7, today)
}

/// One badge "b", and its replacement "r" when `replaced` says so.
#[derive(Debug, Clone, Copy)]
enum Replaced {
    No,
    ByTarget,
    ByHeld,
}

fn combos() -> Vec<(Badge, Replaced)> {
    let earned = [None, Some("2025-01-01")];
    let expires = [
        None,
        Some("2027-01-05"),
        Some("2027-02-01"),
        Some("2028-06-01"),
    ];
    let retires = [
        None,
        Some("2027-01-01"),
        Some("2027-01-31"),
        Some("2027-02-01"),
        Some("2027-03-01"),
        Some("2029-01-01"),
    ];
    let goal = [None, Some("2027-05-01")];
    let mut out = Vec::new();
    for e in earned {
        for x in expires {
            for r in retires {
                for g in goal {
                    for archived in [false, true] {
                        for rep in [Replaced::No, Replaced::ByTarget, Replaced::ByHeld] {
                            let b = Badge {
                                key: "b".into(),
                                name: "B".into(),
                                issuer: "IBM".into(),
                                earned_on: e.map(d),
                                expires_on: x.map(d),
                                retires_on: r.map(d),
                                goal_on: g.map(d),
                                replaced_by: (!matches!(rep, Replaced::No)).then(|| "r".into()),
                                effort_minutes: 300,
                                archived,
                                ..Badge::default()
                            };
                            out.push((b, rep));
                        }
                    }
                }
            }
        }
    }
    out
}

#[test]
fn status_work_and_retirement_agree_on_every_combination() {
    let today = d(TODAY);
    let (buffer_days, today) = rules(today);
    let window = |_: &str| 90;
    let rules = WorkRules {
        today,
        buffer_days,
        renewal_window: &window,
    };
    let mut checked = 0;
    for (b, rep) in combos() {
        let mut all = vec![b.clone()];
        match rep {
            Replaced::No => {}
            Replaced::ByTarget => all.push(Badge {
                key: "r".into(),
                name: "R".into(),
                effort_minutes: 600,
                ..Badge::default()
            }),
            Replaced::ByHeld => all.push(Badge {
                key: "r".into(),
                name: "R".into(),
                earned_on: Some(d("2026-06-01")),
                expires_on: Some(d("2029-06-01")),
                ..Badge::default()
            }),
        }
        let dec = decide_all(&all, &rules, 90, &|_| 0).remove("b").unwrap();
        let why = format!("{b:?} replaced {rep:?}: {dec:?}");
        let held = b.is_held();
        let lapse = dec.work == Work::Nothing(Idle::LetLapse);

        if b.archived {
            assert_eq!(dec.work, Work::Nothing(Idle::Archived), "{why}");
        } else {
            match dec.status {
                Status::Expiring | Status::Active => {
                    assert!(matches!(dec.work, Work::Renewal(_)), "{why}");
                }
                Status::Retiring if held => assert!(
                    matches!(
                        dec.work,
                        Work::Nothing(
                            Idle::LetLapse | Idle::ReplacedBy(_) | Idle::ReplacementHeld(_)
                        )
                    ),
                    "{why}"
                ),
                Status::Retiring | Status::Target => assert!(
                    matches!(
                        dec.work,
                        Work::Target(_) | Work::Replacement { .. } | Work::Nothing(Idle::NoGoal)
                    ),
                    "{why}"
                ),
                // Expired and also retired: renewing is not possible either way.
                Status::Expired => assert!(
                    matches!(
                        dec.work,
                        Work::Nothing(Idle::Expired | Idle::Retired) | Work::Target(_)
                    ),
                    "{why}"
                ),
                Status::Retired => assert_eq!(dec.work, Work::Nothing(Idle::Retired), "{why}"),
                Status::NoExpiry => {
                    assert_eq!(dec.work, Work::Nothing(Idle::NoExpiry), "{why}");
                }
            }
        }
        // "Let it lapse" is said exactly when nothing is planned for that reason.
        assert_eq!(
            matches!(dec.retirement, Retirement::LetLapse(_)),
            lapse,
            "{why}"
        );
        // A retirement after the expiry never stops the renewal.
        if let Retirement::AfterExpiry(r) = dec.retirement {
            assert!(b.expires_on.is_some_and(|e| e < r), "{why}");
            assert!(
                matches!(
                    dec.status,
                    Status::Expiring | Status::Active | Status::Expired
                ),
                "{why}"
            );
            assert!(
                b.archived
                    || matches!(dec.work, Work::Renewal(_) | Work::Target(_))
                    || dec.status == Status::Expired,
                "{why}"
            );
        }
        // A retiring status always has its retirement ahead, and comes first.
        if dec.status == Status::Retiring {
            assert!(b.retires_on.is_some_and(|r| r >= today), "{why}");
            assert!(
                !matches!(dec.retirement, Retirement::AfterExpiry(_)),
                "{why}"
            );
        }
        // A renewal is planned only while the badge is held and not expired.
        if let Work::Renewal(t) = &dec.work {
            assert!(held && b.expires_on.is_some_and(|e| e >= today), "{why}");
            assert!(t.due <= b.expires_on.unwrap(), "{why}");
        }
        checked += 1;
    }
    assert_eq!(checked, 2 * 4 * 6 * 2 * 2 * 3);
}

/// The finding of the trust issue: a badge that retires after it expires is renewed, and
/// every part of the decision says so.
#[test]
fn retiring_after_expiry_is_expiring_and_renewed() {
    let b = Badge {
        key: "cp4d".into(),
        name: "IBM Cloud Pak for Data v4.x Administrator".into(),
        issuer: "IBM".into(),
        earned_on: Some(d("2024-12-30")),
        expires_on: Some(d("2026-12-30")),
        retires_on: Some(d("2027-12-31")),
        effort_minutes: 360,
        ..Badge::default()
    };
    let window = |_: &str| 90;
    let rules = WorkRules {
        today: d("2026-12-05"),
        buffer_days: 7,
        renewal_window: &window,
    };
    let dec = decide_all(&[b], &rules, 90, &|_| 0).remove("cp4d").unwrap();
    assert_eq!(dec.status, Status::Expiring);
    assert_eq!(dec.retirement, Retirement::AfterExpiry(d("2027-12-31")));
    let Work::Renewal(t) = dec.work else {
        panic!("expected a renewal, got {:?}", dec.work)
    };
    assert_eq!((t.due, t.remaining), (d("2026-12-23"), 360));
}
