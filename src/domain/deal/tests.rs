use super::*;
use crate::domain::work::{WorkRules, work_for_all};

fn d(s: &str) -> NaiveDate {
    crate::domain::dates::parse_ymd(s).unwrap()
}

const TODAY: &str = "2027-01-04";

fn held(key: &str, expires: Option<&str>) -> Badge {
    Badge {
        key: key.into(),
        name: key.to_uppercase(),
        issuer: "IBM".into(),
        earned_on: Some(d("2026-01-01")),
        expires_on: expires.map(d),
        effort_minutes: 240,
        ..Badge::default()
    }
}

fn target(key: &str, goal: Option<&str>) -> Badge {
    Badge {
        key: key.into(),
        name: key.to_uppercase(),
        issuer: "IBM".into(),
        goal_on: goal.map(d),
        effort_minutes: 600,
        ..Badge::default()
    }
}

fn deal(by: &str, needs: &[&str], review: &[(&str, u32)]) -> Deal {
    Deal {
        key: "acme".into(),
        name: "Acme DWH".into(),
        by: d(by),
        needs: needs.iter().map(|k| k.to_string()).collect(),
        review: review
            .iter()
            .map(|(b, m)| Review {
                badge: b.to_string(),
                minutes: *m,
            })
            .collect(),
        priority: Priority::High,
        state: DealState::Open,
        notes: None,
        created_on: d(TODAY),
    }
}

fn work_of(badges: &[Badge]) -> BTreeMap<String, Work> {
    let window = |_: &str| 60;
    let rules = WorkRules {
        today: d(TODAY),
        buffer_days: 7,
        renewal_window: &window,
    };
    work_for_all(badges, &rules, &|_| 0)
}

fn applied(
    badges: &[Badge],
    deals: &[Deal],
) -> (BTreeMap<String, Work>, BTreeMap<String, Vec<Need>>) {
    let mut w = work_of(badges);
    let needs = apply(deals, badges, &mut w, d(TODAY), 7, &|_, _| 0);
    (w, needs)
}

/// DESIGN 1, as a table: what an open deal ahead does to each kind of badge it needs.
#[test]
fn an_open_deal_shapes_each_badge_as_design_1_says() {
    // (badge, deal date, review, expected (due, priority, remaining) or None for no work,
    //  expected effect)
    type Row = (
        Badge,
        &'static str,
        u32,
        Option<(&'static str, Priority, u32)>,
        Effect,
    );
    let rows: Vec<Row> = vec![
        // A target with a later goal: due the deal's date minus the buffer.
        (
            target("t", Some("2027-06-01")),
            "2027-03-01",
            0,
            Some(("2027-02-22", Priority::High, 600)),
            Effect::DueEarlier,
        ),
        // A target with an earlier goal keeps it.
        (
            target("t", Some("2027-02-01")),
            "2027-03-01",
            0,
            Some(("2027-02-01", Priority::High, 600)),
            Effect::AlreadyInTime,
        ),
        // A target without a goal gets the deal's date as its due.
        (
            target("t", None),
            "2027-03-01",
            0,
            Some(("2027-02-22", Priority::High, 600)),
            Effect::DueEarlier,
        ),
        // A held badge expiring before the date: its renewal, usual due (it comes first).
        (
            held("h", Some("2027-02-15")),
            "2027-03-01",
            0,
            Some(("2027-02-08", Priority::High, 240)),
            Effect::AlreadyInTime,
        ),
        // ... with review: the larger of renewal and review.
        (
            held("h", Some("2027-02-15")),
            "2027-03-01",
            300,
            Some(("2027-02-08", Priority::High, 300)),
            Effect::Review { minutes: 300 },
        ),
        // A held badge valid through the date: untouched (its renewal as before).
        (
            held("h", Some("2027-09-01")),
            "2027-03-01",
            0,
            Some(("2027-08-25", Priority::Normal, 240)),
            Effect::AlreadyInTime,
        ),
        // ... with review: the review before the date.
        (
            held("h", Some("2027-09-01")),
            "2027-03-01",
            90,
            Some(("2027-02-28", Priority::High, 90)),
            Effect::Review { minutes: 90 },
        ),
        // Never expires: nothing, or the review.
        (
            held("n", None),
            "2027-03-01",
            0,
            None,
            Effect::AlreadyInTime,
        ),
        (
            held("n", None),
            "2027-03-01",
            60,
            Some(("2027-02-28", Priority::High, 60)),
            Effect::Review { minutes: 60 },
        ),
        // Expired: earned again by the date.
        (
            held("x", Some("2026-12-01")),
            "2027-03-01",
            0,
            Some(("2027-02-22", Priority::High, 240)),
            Effect::DueEarlier,
        ),
    ];
    for (i, (b, by, review, want, effect)) in rows.into_iter().enumerate() {
        let r: Vec<(&str, u32)> = if review > 0 {
            vec![(b.key.as_str(), review)]
        } else {
            vec![]
        };
        let dl = deal(by, &[b.key.as_str()], &r);
        let before = work_of(std::slice::from_ref(&b));
        let (w, needs) = applied(std::slice::from_ref(&b), &[dl]);
        let got = w[&b.key].target().map(|t| (t.due, t.priority, t.remaining));
        let want = want.map(|(due, p, m)| (d(due), p, m));
        assert_eq!(got, want, "row {i}: {:?} before", before[&b.key]);
        assert_eq!(needs[&b.key][0].effect, effect, "row {i}");
    }
}

#[test]
fn closed_and_past_deals_change_nothing() {
    let badges = [
        target("t", Some("2027-06-01")),
        held("h", Some("2027-02-15")),
    ];
    let before = work_of(&badges);
    for (state, by) in [
        (DealState::Won, "2027-03-01"),
        (DealState::Lost, "2027-03-01"),
        (DealState::Dropped, "2027-03-01"),
        (DealState::Open, "2027-01-03"),
    ] {
        let dl = Deal {
            state,
            ..deal(by, &["t", "h"], &[("h", 60)])
        };
        let (w, needs) = applied(&badges, &[dl]);
        assert_eq!(w, before, "{state:?} {by}");
        assert!(needs.is_empty());
    }
}

#[test]
fn priority_is_raised_never_lowered() {
    let mut b = target("t", Some("2027-06-01"));
    b.priority = Priority::High;
    let dl = Deal {
        priority: Priority::Low,
        ..deal("2027-03-01", &["t"], &[])
    };
    let (w, _) = applied(&[b], &[dl]);
    assert_eq!(w["t"].target().unwrap().priority, Priority::High);
}

#[test]
fn review_minutes_logged_since_the_deal_count() {
    let b = held("h", Some("2027-09-01"));
    let mut w = work_of(std::slice::from_ref(&b));
    let dl = deal("2027-03-01", &["h"], &[("h", 120)]);
    apply(&[dl], &[b], &mut w, d(TODAY), 7, &|_, from| {
        assert_eq!(from, d(TODAY));
        45
    });
    assert_eq!(w["h"].target().unwrap().remaining, 75);
}

#[test]
fn a_badge_that_cannot_be_held_puts_the_deal_at_risk_with_the_reason() {
    let mut lapse = held("lapse", Some("2027-12-01"));
    lapse.retires_on = Some(d("2027-02-01"));
    let mut archived = held("arch", Some("2027-12-01"));
    archived.archived = true;
    let ok = held("ok", Some("2027-12-01"));
    let late = target("late", Some("2027-06-01"));
    let badges = vec![lapse, archived, ok, late];
    let dl = deal("2027-03-01", &["lapse", "arch", "ok", "late", "gone"], &[]);
    let (w, _) = applied(&badges, std::slice::from_ref(&dl));
    let outcome = |k: &str| {
        (k == "late").then_some(Ready {
            at_risk: true,
            shortfall: 90,
            finish: Some(d("2027-03-10")),
        })
    };
    let st = assess(&[dl], &badges, &w, d(TODAY), &outcome, &|_| Vec::new());
    let reasons: Vec<(&str, &RiskReason)> = st[0]
        .risks
        .iter()
        .map(|r| (r.badge.as_str(), &r.reason))
        .collect();
    assert_eq!(
        reasons,
        vec![
            ("lapse", &RiskReason::Retiring(Some(d("2027-02-01")))),
            ("arch", &RiskReason::Archived),
            (
                "late",
                &RiskReason::AtRisk {
                    shortfall: 90,
                    finish: Some(d("2027-03-10"))
                }
            ),
            ("gone", &RiskReason::Unknown),
        ]
    );
    assert!(st[0].at_risk());
}

#[test]
fn a_late_prerequisite_is_named() {
    let mut b = target("adv", Some("2027-06-01"));
    b.after = vec!["found".into()];
    let badges = vec![b, target("found", Some("2027-02-01"))];
    let dl = deal("2027-03-01", &["adv"], &[]);
    let (w, _) = applied(&badges, std::slice::from_ref(&dl));
    let outcome = |_: &str| {
        Some(Ready {
            at_risk: true,
            shortfall: 30,
            finish: None,
        })
    };
    let st = assess(&[dl], &badges, &w, d(TODAY), &outcome, &|_| {
        vec!["found".into()]
    });
    assert_eq!(
        st[0].risks[0].reason,
        RiskReason::Prerequisite("found".into())
    );
}

#[test]
fn bad_deals_are_refused_by_the_one_check() {
    let badges = vec![
        held("cp4d-admin", Some("2027-09-01")),
        target("aws-saa", None),
        Badge {
            archived: true,
            ..held("old", None)
        },
    ];
    let today = d(TODAY);
    let cases: Vec<(Deal, DealError)> = vec![
        (
            Deal {
                name: " ".into(),
                ..deal("2027-03-01", &["cp4d-admin"], &[])
            },
            DealError::NoName,
        ),
        (
            deal("2027-01-03", &["cp4d-admin"], &[]),
            DealError::DateInPast {
                by: d("2027-01-03"),
                today,
            },
        ),
        (deal("2027-03-01", &[], &[]), DealError::NoBadges),
        (
            deal("2027-03-01", &["cp4d-admn"], &[]),
            DealError::UnknownBadge {
                key: "cp4d-admn".into(),
                close: vec!["cp4d-admin".into()],
            },
        ),
        (
            deal("2027-03-01", &["old"], &[]),
            DealError::ArchivedBadge { key: "old".into() },
        ),
        (
            deal("2027-03-01", &["cp4d-admin"], &[("cp4d-admin", 0)]),
            DealError::ReviewMinutes {
                key: "cp4d-admin".into(),
                minutes: 0,
                max: MAX_REVIEW_MINUTES,
            },
        ),
        (
            deal(
                "2027-03-01",
                &["cp4d-admin"],
                &[("cp4d-admin", MAX_REVIEW_MINUTES + 1)],
            ),
            DealError::ReviewMinutes {
                key: "cp4d-admin".into(),
                minutes: MAX_REVIEW_MINUTES + 1,
                max: MAX_REVIEW_MINUTES,
            },
        ),
        (
            deal("2027-03-01", &["cp4d-admin"], &[("aws-saa", 60)]),
            DealError::ReviewNotNeeded {
                key: "aws-saa".into(),
            },
        ),
        (
            deal("2027-03-01", &["aws-saa"], &[("aws-saa", 60)]),
            DealError::ReviewNotHeld {
                key: "aws-saa".into(),
            },
        ),
    ];
    for (dl, want) in cases {
        assert_eq!(check(&dl, &badges, today, true), Err(want));
    }
    // An edit that keeps a date now past is fine.
    assert_eq!(
        check(
            &deal("2027-01-03", &["cp4d-admin"], &[]),
            &badges,
            today,
            false
        ),
        Ok(())
    );
}

#[test]
fn review_and_needs_flags_read_as_written() {
    assert_eq!(
        parse_review("cp4d:2h, aws-saa:90m,cp4d:30m").unwrap(),
        vec![
            Review {
                badge: "cp4d".into(),
                minutes: 150
            },
            Review {
                badge: "aws-saa".into(),
                minutes: 90
            },
        ]
    );
    for bad in ["cp4d", "cp4d:", ":2h", "cp4d:soon"] {
        assert!(parse_review(bad).is_err(), "{bad}");
    }
    assert_eq!(parse_needs(" a, #b,a ,, c"), vec!["a", "b", "c"]);
}

#[test]
fn a_deal_makes_a_badge_as_urgent_as_its_date() {
    use crate::domain::status::{Status, status_at};
    let today = d(TODAY);
    let far = held("far", Some("2027-09-01"));
    let goal = target("goal", Some("2027-06-01"));
    let nothing = Work::Nothing(Idle::NoGoal);
    let none = held("none", None);
    let need = |by: &str| Need {
        deal: "acme".into(),
        by: d(by),
        effect: Effect::DueEarlier,
        priority: Priority::High,
    };
    let in_time = Need {
        effect: Effect::AlreadyInTime,
        ..need("2027-02-03")
    };
    assert_eq!(
        urgency(
            &far,
            status_at(&far, today, 90),
            &nothing,
            &[in_time],
            today
        ),
        (false, false, 240),
        "a deal that changes nothing of its work leaves it as it was"
    );
    for (b, needs, want) in [
        (&far, vec![], (false, false, 240)),
        (&far, vec![need("2027-02-03")], (false, false, 30)),
        // A deal later than its own countdown changes nothing.
        (&far, vec![need("2027-12-01")], (false, false, 240)),
        (
            &goal,
            vec![need("2027-03-05"), need("2027-02-03")],
            (false, false, 30),
        ),
        (&none, vec![], (false, true, 0)),
        (&none, vec![need("2027-02-03")], (false, false, 30)),
    ] {
        let status = status_at(b, today, 90);
        assert_eq!(
            urgency(b, status, &nothing, &needs, today),
            want,
            "{} {needs:?}",
            b.key
        );
    }
    // Past badges stay where they are.
    let gone = held("gone", Some("2026-12-01"));
    assert_eq!(status_at(&gone, today, 90), Status::Expired);
    assert_eq!(
        urgency(
            &gone,
            Status::Expired,
            &nothing,
            &[need("2027-02-03")],
            today
        ),
        crate::domain::status::urgency(&gone, Status::Expired, today)
    );
}

#[test]
fn a_prerequisite_without_a_date_is_as_urgent_as_the_due_its_dependent_gives_it() {
    use crate::domain::status::Status;
    let today = d(TODAY);
    let found = target("found", None);
    let given = Work::Target(PlanTarget {
        key: "found".into(),
        release: today,
        due: d("2027-03-05"),
        remaining: 60,
        priority: Priority::Normal,
        after: Vec::new(),
    });
    let idle = Work::Nothing(Idle::NoGoal);
    assert_eq!(
        urgency(&found, Status::Target, &idle, &[], today),
        (false, true, 0)
    );
    assert_eq!(
        urgency(&found, Status::Target, &given, &[], today),
        (false, false, 60)
    );
    // A deal sooner than that due still comes first.
    let need = Need {
        deal: "acme".into(),
        by: d("2027-02-03"),
        effect: Effect::DueEarlier,
        priority: Priority::High,
    };
    assert_eq!(
        urgency(&found, Status::Target, &given, &[need], today),
        (false, false, 30)
    );
    // A target with its own goal keeps it.
    let goal = target("goal", Some("2027-06-01"));
    assert_eq!(
        urgency(&goal, Status::Target, &given, &[], today),
        (false, false, 148)
    );
}

mod random {
    use super::*;
    use proptest::prelude::*;

    prop_compose! {
        /// A badge: held (expiring some day, or never) or a target (with a goal or not).
        fn any_badge(i: usize)(
            is_held in any::<bool>(),
            expires in prop::option::of(-30i64..400),
            goal in prop::option::of(0i64..400),
            effort in 0u32..600,
            p in 0u8..3,
        ) -> Badge {
            let day = |n: i64| d(TODAY) + chrono::Duration::days(n);
            let mut b = if is_held {
                held(&format!("b{i}"), None)
            } else {
                target(&format!("b{i}"), None)
            };
            if is_held {
                b.expires_on = expires.map(day);
            } else {
                b.goal_on = goal.map(day);
            }
            b.effort_minutes = effort;
            b.priority = [Priority::Low, Priority::Normal, Priority::High][usize::from(p)];
            b
        }
    }

    fn badges() -> impl Strategy<Value = Vec<Badge>> {
        (1usize..8).prop_flat_map(|n| (0..n).map(any_badge).collect::<Vec<_>>())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        /// DESIGN 1 on random badges: with an open deal ahead, a needed target is due by
        /// the earlier of its own due and the deal's date less the buffer, a held badge
        /// that expires before the date keeps its renewal's due, one valid through it is
        /// untouched; each takes at least the deal's priority; nothing else changes.
        #[test]
        fn an_open_deal_changes_the_work_exactly_as_design_1_says(
            all in badges(),
            pick in any::<u8>(),
            by in 1i64..300,
            p in 0u8..3,
        ) {
            let by = d(TODAY) + chrono::Duration::days(by);
            let needs: Vec<&str> = all
                .iter()
                .enumerate()
                .filter(|(i, _)| pick & (1 << i) != 0)
                .map(|(_, b)| b.key.as_str())
                .collect();
            prop_assume!(!needs.is_empty());
            let dl = Deal {
                by,
                priority: [Priority::Low, Priority::Normal, Priority::High][usize::from(p)],
                ..deal("2027-03-01", &needs, &[])
            };
            let before = work_of(&all);
            let (after, _) = applied(&all, std::slice::from_ref(&dl));
            let cut = minus_days(by, 7);
            for b in &all {
                let (was, now) = (&before[&b.key], &after[&b.key]);
                if !needs.contains(&b.key.as_str()) {
                    prop_assert_eq!(was, now);
                    continue;
                }
                if !b.is_held() {
                    // A target: its own due (if it had one) or none, brought to the cut.
                    let t = now.target().expect("a needed target is planned");
                    let own = was.target().map(|w| w.due);
                    prop_assert_eq!(t.due, own.map_or(cut, |o| o.min(cut)));
                    prop_assert!(t.priority >= dl.priority && t.priority >= b.priority);
                } else if b.expires_on.is_some_and(|e| e < d(TODAY)) {
                    // Expired: earned again by the cut.
                    prop_assert_eq!(now.target().map(|t| t.due), Some(cut));
                } else if b.expires_on.is_some_and(|e| e < by) {
                    // Renewed by its usual due, at the deal's priority at least.
                    let (w, t) = (was.target().unwrap(), now.target().unwrap());
                    prop_assert_eq!((w.due, w.release, w.remaining), (t.due, t.release, t.remaining));
                    prop_assert_eq!(t.priority, w.priority.max(dl.priority));
                } else {
                    // Valid through the date: untouched.
                    prop_assert_eq!(was, now);
                }
            }
            // Closed, the same deal changes nothing.
            let closed = Deal { state: DealState::Won, ..dl };
            prop_assert_eq!(applied(&all, &[closed]).0, before);
        }
    }
}
