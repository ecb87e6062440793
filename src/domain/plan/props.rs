//! Property tests on thousands of random small instances: the hard rules (independent
//! checker), determinism, and, in the tight model where placement equals the day-level
//! relaxation, optimality against an independent max-flow oracle and brute force.

use super::checker::check;
use super::edf::{self, Job};
use super::oracle::{
    OJob, best_counts, chained_best, chained_counts, chained_fits, chained_oracle, fits, max_flow,
    oracle, plan_counts,
};
use super::*;
use crate::domain::badge::Priority;
use chrono::{Days, Duration, NaiveTime};
use proptest::collection::vec;
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 4).unwrap()
}
fn at(day: i64, minute: i64) -> NaiveDateTime {
    today().and_time(NaiveTime::MIN) + Duration::days(day) + Duration::minutes(minute)
}
fn prio(p: u8) -> Priority {
    [Priority::Low, Priority::Normal, Priority::High][usize::from(p % 3)]
}
fn date(day: i64) -> NaiveDate {
    if day >= 0 {
        today() + Days::new(day.unsigned_abs())
    } else {
        today() - Days::new(day.unsigned_abs())
    }
}

/// The tight model: min_session = grid, no maximum that matters, windows on the grid away
/// from midnight, pinned sessions away from free time.
#[derive(Debug, Clone)]
struct Tight(PlanInput);

prop_compose! {
    fn tight(max_targets: usize)(
        g in prop::sample::select(vec![5u32, 15]),
        now_min in 0i64..1440,
        now_sec in any::<bool>(),
        windows in vec((0i64..21, 0i64..1000, 1i64..=12), 0..40),
        targets in vec((-2i64..22, -1i64..24, 0u32..400, any::<u8>()), 1..=max_targets),
        logged in vec((0i64..21, 0u32..=150), 0..6),
        pinned in vec((0i64..21, 0i64..4, 1u32..=5, any::<u8>()), 0..4),
        cap in 0u32..300,
    ) -> Tight {
        let steps = (1320 - 60) / i64::from(g);
        let free = windows
            .iter()
            .map(|&(day, s, len)| {
                let start = 60 + (s % steps) * i64::from(g);
                let end = (start + len * i64::from(g)).min(1380);
                Interval { start: at(day, start), end: at(day, end) }
            })
            .collect();
        let n = targets.len();
        let mut now = at(0, now_min);
        if now_sec {
            now += Duration::seconds(17);
        }
        Tight(PlanInput {
            now,
            targets: targets
                .iter()
                .enumerate()
                .map(|(i, &(rel, due, rem, p))| PlanTarget {
                    key: format!("t{i}"),
                    release: date(rel),
                    due: date(due),
                    remaining: rem,
                    priority: prio(p),
                    after: Vec::new(),
                })
                .collect(),
            free,
            pinned: pinned
                .iter()
                .map(|&(day, k, m, t)| Pinned {
                    id: None,
                    badge: format!("t{}", usize::from(t) % n),
                    start: at(day, k * 5),
                    minutes: m * 5,
                })
                .collect(),
            logged_per_day: logged.iter().map(|&(day, m)| (date(day), m)).collect(),
            settings: Settings { min_session: g, max_session: 1440, daily_cap: cap, granularity: g },
        })
    }
}

prop_compose! {
    /// Anything goes: odd grids, min/max sessions, windows across midnight and off the
    /// grid, pinned sessions anywhere, duplicate keys, huge efforts.
    fn general()(
        g in prop::sample::select(vec![1u32, 5, 7, 10, 15, 30]),
        min in 0u32..=90,
        max in 0u32..=150,
        cap in 0u32..=300,
        now_min in 0i64..1440,
        windows in vec((0i64..14, 0i64..1440, 0i64..300), 0..30),
        targets in vec((-3i64..16, -2i64..18, 0u32..600, any::<u8>(), 0usize..7), 1..=7),
        logged in vec((-1i64..14, 0u32..=200), 0..5),
        pinned in vec((-1i64..14, 0i64..1440, 0u32..=90, 0usize..8), 0..6),
        huge in any::<bool>(),
    ) -> PlanInput {
        PlanInput {
            now: at(0, now_min),
            targets: targets
                .iter()
                .enumerate()
                .map(|(i, &(rel, due, rem, p, k))| PlanTarget {
                    key: format!("k{k}"),
                    release: date(rel),
                    due: date(due),
                    remaining: if huge && i == 0 { u32::MAX - 3 } else { rem },
                    priority: prio(p),
                    after: Vec::new(),
                })
                .collect(),
            free: windows
                .iter()
                .map(|&(day, s, len)| Interval { start: at(day, s), end: at(day, s + len) })
                .collect(),
            pinned: pinned
                .iter()
                .map(|&(day, s, m, k)| Pinned {
                    id: None,
                    badge: format!("k{k}"),
                    start: at(day, s),
                    minutes: m,
                })
                .collect(),
            logged_per_day: logged.iter().map(|&(day, m)| (date(day), m)).collect(),
            settings: Settings { min_session: min, max_session: max, daily_cap: cap, granularity: g },
        }
    }
}

prop_compose! {
    /// Tight, with badges in two bursts (days 0–6 and 14–20) and a roomy week between:
    /// separate overloaded zones that the selection solves independently.
    fn bursty()(
        g in prop::sample::select(vec![5u32, 15]),
        windows in vec((0i64..21, 0i64..1000, 1i64..=8), 0..8),
        targets in vec((any::<bool>(), 0i64..7, 0i64..7, 1u32..300, any::<u8>()), 2..=10),
        cap in 300u32..600,
    ) -> Tight {
        let steps = (1320 - 60) / i64::from(g);
        let mut free: Vec<Interval> = windows
            .iter()
            .map(|&(day, s, len)| {
                let start = 60 + (s % steps) * i64::from(g);
                let end = (start + len * i64::from(g)).min(1380);
                Interval { start: at(day, start), end: at(day, end) }
            })
            .collect();
        for day in 0..21 {
            let (start, end) = if (7..14).contains(&day) { (60, 1380) } else { (1200, 1260) };
            free.push(Interval { start: at(day, start), end: at(day, end) });
        }
        Tight(PlanInput {
            now: at(0, 0),
            targets: targets
                .iter()
                .enumerate()
                .map(|(i, &(late, a, b, rem, p))| {
                    let shift = if late { 14 } else { 0 };
                    PlanTarget {
                        key: format!("t{i}"),
                        release: date(shift + a.min(b)),
                        due: date(shift + a.max(b)),
                        remaining: rem,
                        priority: prio(p),
                        after: Vec::new(),
                    }
                })
                .collect(),
            free,
            pinned: Vec::new(),
            logged_per_day: BTreeMap::new(),
            settings: Settings { min_session: g, max_session: 1440, daily_cap: cap, granularity: g },
        })
    }
}

fn checked(inp: &PlanInput) -> Result<Plan, TestCaseError> {
    let p = plan(inp);
    if let Err(e) = check(inp, &p) {
        return Err(TestCaseError::fail(format!("{e}\n{p:#?}")));
    }
    prop_assert_eq!(&plan(inp), &p, "same input, same plan");
    Ok(p)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn tight_everything_fits_means_everything_on_time_and_b_is_optimal(t in tight(8)) {
        let inp = t.0;
        let p = checked(&inp)?;
        let (cap, jobs, covered) = oracle(&inp);
        let all: Vec<&OJob> = jobs.iter().collect();
        if fits(&all, &cap) {
            for j in &jobs {
                let o = p.outcomes.iter().find(|o| o.key == j.key).unwrap();
                prop_assert!(!o.at_risk, "{} at risk though everything fits", j.key);
            }
        }
        prop_assert_eq!(plan_counts(&p, &jobs), best_counts(&jobs, &cap));
        for k in &covered {
            prop_assert!(p.outcomes.iter().any(|o| &o.key == k && !o.at_risk));
        }
        prop_assert!(p.exact, "the tight model needs no repair");
    }

    #[test]
    fn general_instances_keep_every_hard_rule(inp in general()) {
        let p = checked(&inp)?;
        // Input order does not matter when keys are distinct.
        let mut keys: Vec<&str> = inp.targets.iter().map(|t| t.key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        if keys.len() == inp.targets.len() {
            let mut shuffled = inp.clone();
            shuffled.targets.reverse();
            shuffled.free.reverse();
            shuffled.pinned.reverse();
            let q = plan(&shuffled);
            prop_assert_eq!(&p.sessions, &q.sessions);
            prop_assert_eq!(&p.outcomes, &q.outcomes);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn tight_lexicographic_optimum_with_more_targets(t in tight(16)) {
        let inp = t.0;
        let p = checked(&inp)?;
        let (cap, jobs, _) = oracle(&inp);
        prop_assert_eq!(plan_counts(&p, &jobs), best_counts(&jobs, &cap));
    }

    #[test]
    fn greedy_rejection_keeps_a_feasible_set(
        raw in vec((0usize..30, 0usize..30, 1u64..300, 0u8..3, any::<bool>()), 1..40),
        cap in vec(0u64..120, 30),
    ) {
        let jobs: Vec<Job> = raw
            .iter()
            .enumerate()
            .map(|(i, &(a, b, p, class, _))| Job { r: a.min(b), d: a.max(b), p, class, rank: i })
            .collect();
        let forced = vec![false; jobs.len()];
        let acc = edf::greedy_reject(&jobs, &cap, &forced);
        let mut set: Vec<Job> = (0..jobs.len()).filter(|&i| acc[i]).map(|i| jobs[i]).collect();
        set.sort_by_key(|j| (j.r, j.rank));
        prop_assert!(edf::feasible(&set, &cap));
        // And EDF agrees with max flow.
        let o: Vec<OJob> = jobs
            .iter()
            .map(|j| OJob { key: String::new(), class: 0, r: j.r, d: j.d, need: j.p })
            .collect();
        let mut sorted = jobs.clone();
        sorted.sort_by_key(|j| (j.r, j.rank));
        prop_assert_eq!(edf::feasible(&sorted, &cap), fits(&o.iter().collect::<Vec<_>>(), &cap));
    }
}

/// Checks, on a tight instance, that every badge at risk got the most it could by its due
/// while the on-time set stays on time: served in planning order (due, priority, key),
/// each gets what an independent max flow gives it with the on-time badges whole and the
/// badges at risk ahead of it at what they got.
fn check_most_before_due(inp: &PlanInput, p: &Plan) -> Result<(), TestCaseError> {
    let (cap, jobs, _) = oracle(inp);
    let outcome = |key: &str| p.outcomes.iter().find(|o| o.key == key).unwrap();
    let on: Vec<&OJob> = jobs.iter().filter(|j| !outcome(&j.key).at_risk).collect();
    let base: u64 = on.iter().map(|j| j.need).sum();
    prop_assert_eq!(max_flow(&on, &cap), base, "the on-time set fits");
    let mut risky: Vec<&OJob> = jobs.iter().filter(|j| outcome(&j.key).at_risk).collect();
    risky.sort_by_key(|j| (j.d, std::cmp::Reverse(j.class), j.key.clone()));
    let mut fixed: Vec<OJob> = Vec::new();
    for j in risky {
        let o = outcome(&j.key);
        let pinned: u64 = inp
            .pinned
            .iter()
            .filter(|x| x.badge == j.key && x.counts_at(inp.now) && x.start.date() <= o.due)
            .map(|x| u64::from(x.minutes))
            .sum();
        let got = u64::from(o.planned_before_due) - pinned;
        let ahead: u64 = fixed.iter().map(|f| f.need).sum();
        let mut with: Vec<&OJob> = on.clone();
        with.extend(fixed.iter());
        prop_assert_eq!(max_flow(&with, &cap), base + ahead);
        with.push(j);
        let most = max_flow(&with, &cap) - base - ahead;
        prop_assert_eq!(
            got,
            most,
            "{} got {} by its due, the most is {}",
            j.key,
            got,
            most
        );
        fixed.push(OJob {
            key: String::new(),
            class: j.class,
            r: j.r,
            d: j.d,
            need: got,
        });
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn tight_badges_at_risk_get_the_most_before_due_the_on_time_set_allows(t in tight(8)) {
        let inp = t.0;
        let p = checked(&inp)?;
        check_most_before_due(&inp, &p)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn tight_badges_at_risk_get_the_most_with_more_targets(t in tight(16)) {
        let inp = t.0;
        let p = checked(&inp)?;
        check_most_before_due(&inp, &p)?;
        prop_assert!(p.exact);
    }
}

#[test]
#[ignore = "statistics about the generators"]
fn generator_stats() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut n, mut allfit, mut conflict, mut nontrivial, mut sessions) = (0, 0, 0, 0, 0);
    for _ in 0..1000 {
        let inp = tight(8).new_tree(&mut runner).unwrap().current().0;
        let p = plan(&inp);
        let (cap, jobs, _) = oracle(&inp);
        n += 1;
        let all: Vec<&OJob> = jobs.iter().collect();
        if fits(&all, &cap) {
            allfit += 1
        } else {
            conflict += 1
        }
        let b = best_counts(&jobs, &cap);
        if b.iter().sum::<u32>() > 0 && (b.iter().sum::<u32>() as usize) < jobs.len() {
            nontrivial += 1
        }
        if p.sessions.iter().any(|s| !s.pinned) {
            sessions += 1
        }
    }
    println!(
        "tight: {n} cases, all fit {allfit}, conflict {conflict}, partial optimum {nontrivial}, with sessions {sessions}"
    );
    let (mut inexact, mut risky, mut sess, mut short) = (0, 0, 0, 0);
    for _ in 0..1000 {
        let inp = general().new_tree(&mut runner).unwrap().current();
        let p = plan(&inp);
        if !p.exact {
            inexact += 1
        }
        if p.outcomes.iter().any(|o| o.at_risk) {
            risky += 1
        }
        if p.sessions.iter().any(|s| !s.pinned) {
            sess += 1
        }
        if p.outcomes
            .iter()
            .any(|o| o.risk == Some(Risk::SessionRules))
        {
            short += 1
        }
    }
    println!(
        "general: inexact {inexact}, some at risk {risky}, with sessions {sess}, session-rules risk {short}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn tight_independent_zones_are_each_optimal(t in bursty()) {
        let inp = t.0;
        let p = checked(&inp)?;
        let (cap, jobs, _) = oracle(&inp);
        prop_assert_eq!(plan_counts(&p, &jobs), best_counts(&jobs, &cap));
        prop_assert!(p.exact);
    }
}

/// Random instances where `n` badges all compete for a month of evenings.
fn crowded(n: usize, seed: u64) -> PlanInput {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut rnd = |m: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % m
    };
    let free = (0..30)
        .map(|d| Interval {
            start: at(d, 20 * 60),
            end: at(d, 20 * 60 + 30 + 30 * i64::try_from(rnd(3)).unwrap()),
        })
        .collect();
    let targets = (0..n)
        .map(|i| {
            let r = i64::try_from(rnd(20)).unwrap();
            let len = i64::try_from(rnd(15)).unwrap();
            PlanTarget {
                key: format!("c{i:02}"),
                release: date(r),
                due: date((r + len).min(29)),
                remaining: 30 + 15 * u32::try_from(rnd(12)).unwrap(),
                priority: prio(u8::try_from(rnd(3)).unwrap()),
                after: Vec::new(),
            }
        })
        .collect();
    PlanInput {
        now: at(0, 0),
        targets,
        free,
        pinned: Vec::new(),
        logged_per_day: BTreeMap::new(),
        settings: Settings {
            min_session: 15,
            max_session: 1440,
            daily_cap: 240,
            granularity: 15,
        },
    }
}

#[test]
fn crowded_conflicts_of_thirty_are_solved_exactly() {
    for seed in 0..12 {
        let inp = crowded(30, seed);
        let p = plan(&inp);
        check(&inp, &p).unwrap();
        assert!(p.exact, "seed {seed}: not proven optimal");
        assert!(
            p.outcomes.iter().any(|o| o.at_risk),
            "seed {seed}: no conflict to solve"
        );
    }
}

#[test]
fn huge_conflicts_fall_back_to_the_heuristic_and_keep_every_rule() {
    for seed in 0..3 {
        let inp = crowded(120, seed);
        let p = plan(&inp);
        check(&inp, &p).unwrap();
        assert!(
            !p.exact,
            "seed {seed}: 120 in one zone is past the exact limit"
        );
        assert!(p.outcomes.iter().filter(|o| !o.at_risk).count() > 10);
    }
}

#[test]
#[ignore = "statistics: how often the branch and bound proves its answer"]
fn crowded_exactness_stats() {
    for n in [20, 30, 40, 60] {
        let (mut exact, mut worst) = (0, std::time::Duration::ZERO);
        let mut risky = 0;
        for seed in 0..100 {
            let inp = crowded(n, seed);
            let t = std::time::Instant::now();
            let p = plan(&inp);
            worst = worst.max(t.elapsed());
            check(&inp, &p).unwrap();
            exact += usize::from(p.exact);
            risky += p.outcomes.iter().filter(|o| o.at_risk).count();
        }
        println!(
            "n={n}: exact {exact}/100, worst {worst:?} (debug build), at risk avg {}",
            risky / 100
        );
    }
}

prop_compose! {
    /// Tight, with prerequisites: each target may wait for earlier ones (no loop), and
    /// pinned sessions only on targets outside every link (the relaxation cannot see where
    /// in a day a pinned session ends).
    fn chained_tight(max_targets: usize)(
        t in tight(max_targets),
        links in vec((0usize..16, 0usize..16), 0..8),
    ) -> Tight {
        let mut inp = t.0;
        let n = inp.targets.len();
        for &(a, b) in &links {
            let (a, b) = (a % n, b % n);
            if a < b {
                let key = format!("t{a}");
                if !inp.targets[b].after.contains(&key) {
                    inp.targets[b].after.push(key);
                }
            }
        }
        let linked: Vec<String> = inp
            .targets
            .iter()
            .filter(|t| !t.after.is_empty())
            .flat_map(|t| t.after.iter().cloned().chain([t.key.clone()]))
            .collect();
        inp.pinned.retain(|p| !linked.contains(&p.badge));
        Tight(inp)
    }
}

prop_compose! {
    /// Anything goes, with prerequisites (no loop) among the targets.
    fn chained_general()(
        inp in general(),
        links in vec((0usize..8, 0usize..8), 0..8),
    ) -> PlanInput {
        let mut inp = inp;
        let n = inp.targets.len();
        for &(a, b) in &links {
            let (a, b) = (a % n, b % n);
            // Keys k0..k6 repeat; link by key order so no loop can form.
            let (ka, kb) = (inp.targets[a].key.clone(), inp.targets[b].key.clone());
            if ka < kb && !inp.targets[b].after.contains(&ka) {
                inp.targets[b].after.push(ka);
            }
        }
        inp
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn chained_tight_optimum_with_more_targets(t in chained_tight(12)) {
        let inp = t.0;
        let p = checked(&inp)?;
        let (cap, jobs) = chained_oracle(&inp);
        prop_assert_eq!(chained_counts(&p, &jobs), chained_best(&jobs, &cap));
        prop_assert!(p.exact);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    /// Prerequisites never broken, whatever the input; the same input gives the same plan.
    #[test]
    fn chained_general_instances_keep_every_hard_rule(inp in chained_general()) {
        checked(&inp)?;
    }

    /// With prerequisites in the tight model: everything that fits is on time, and the
    /// on-time set is the lexicographic best (brute force over EDF in capacity time).
    #[test]
    fn chained_tight_everything_fits_means_on_time_and_is_optimal(t in chained_tight(8)) {
        let inp = t.0;
        let p = checked(&inp)?;
        let (cap, jobs) = chained_oracle(&inp);
        let all: Vec<bool> = jobs.iter().map(|j| j.d.is_some()).collect();
        if chained_fits(&jobs, &cap, &all) {
            for j in jobs.iter().filter(|j| j.d.is_some()) {
                let o = p.outcomes.iter().find(|o| o.key == j.key).unwrap();
                prop_assert!(!o.at_risk, "{} at risk though everything fits", j.key);
            }
        }
        prop_assert_eq!(chained_counts(&p, &jobs), chained_best(&jobs, &cap));
        prop_assert!(p.exact, "the tight model needs no repair");
    }
}

#[test]
#[ignore = "statistics about the generator with prerequisites"]
fn chained_generator_stats() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut linked, mut conflict, mut partial, mut dependant_on_time, mut waits_late) =
        (0, 0, 0, 0, 0);
    let n = 1000;
    for _ in 0..n {
        let inp = chained_tight(8).new_tree(&mut runner).unwrap().current().0;
        let p = plan(&inp);
        let (cap, jobs) = chained_oracle(&inp);
        if jobs.iter().any(|j| !j.preds.is_empty()) {
            linked += 1;
        } else {
            continue;
        }
        let all: Vec<bool> = jobs.iter().map(|j| j.d.is_some()).collect();
        if !chained_fits(&jobs, &cap, &all) {
            conflict += 1;
            let b = chained_best(&jobs, &cap);
            if b.iter().sum::<u32>() > 0 {
                partial += 1;
            }
        }
        let on = |k: &str| p.outcomes.iter().any(|o| o.key == k && !o.at_risk);
        if jobs
            .iter()
            .any(|j| !j.preds.is_empty() && j.need_due > 0 && on(&j.key))
        {
            dependant_on_time += 1;
        }
        // A dependant on time whose prerequisite is at risk (needed early, not counted).
        if jobs.iter().any(|j| {
            on(&j.key)
                && j.preds
                    .iter()
                    .any(|&a| jobs[a].need_total > 0 && !on(&jobs[a].key))
        }) {
            waits_late += 1;
        }
    }
    println!(
        "chained tight: {n} cases, linked {linked}, conflict {conflict}, partial optimum {partial}, a dependant on time {dependant_on_time}, on time after a prerequisite at risk {waits_late}"
    );
}

/// `crowded`, with every third badge waiting for the one before it.
fn crowded_chains(n: usize, seed: u64) -> PlanInput {
    let mut inp = crowded(n, seed);
    for i in (1..n).step_by(3) {
        let before = inp.targets[i - 1].key.clone();
        inp.targets[i].after.push(before);
    }
    inp
}

#[test]
fn crowded_chains_keep_every_rule_exactly_or_by_the_heuristic() {
    for (n, seeds) in [(30, 0..8), (120, 0..2)] {
        for seed in seeds {
            let inp = crowded_chains(n, seed);
            let p = plan(&inp);
            check(&inp, &p).unwrap_or_else(|e| panic!("n {n} seed {seed}: {e}"));
            assert!(
                p.outcomes.iter().filter(|o| !o.at_risk).count() > 10,
                "n {n} seed {seed}: too few on time"
            );
            if n > MAX_ZONE {
                assert!(!p.exact, "n {n} seed {seed}: past the exact limit");
            }
        }
    }
}

/// Deals (DESIGN 1) only bring dues forward and raise priorities of the targets they
/// need: on random instances, the input with an open deal differs from the one without
/// exactly so, the plan of it keeps every hard rule, is deterministic and (tight model)
/// optimal; a closed deal gives back the input, and so the plan, unchanged.
fn with_deal(
    inp: &PlanInput,
    by: i64,
    pick: u16,
    p: u8,
    state: crate::domain::deal::DealState,
) -> (PlanInput, Vec<bool>) {
    use crate::domain::badge::Badge;
    use crate::domain::deal::{Deal, apply};
    use crate::domain::work::Work;
    let badges: Vec<Badge> = inp
        .targets
        .iter()
        .map(|t| Badge {
            key: t.key.clone(),
            name: t.key.clone(),
            goal_on: Some(t.due),
            effort_minutes: t.remaining,
            priority: t.priority,
            ..Badge::default()
        })
        .collect();
    let needed: Vec<bool> = (0..inp.targets.len())
        .map(|i| pick & (1 << i) != 0)
        .collect();
    let deal = Deal {
        key: "d".into(),
        name: "D".into(),
        by: date(by),
        needs: inp
            .targets
            .iter()
            .zip(&needed)
            .filter(|(_, n)| **n)
            .map(|(t, _)| t.key.clone())
            .collect(),
        review: Vec::new(),
        priority: prio(p),
        state,
        notes: None,
        created_on: today(),
    };
    let mut work: BTreeMap<String, Work> = inp
        .targets
        .iter()
        .map(|t| (t.key.clone(), Work::Target(t.clone())))
        .collect();
    apply(&[deal], &badges, &mut work, today(), 2, &|_, _| 0);
    let targets = inp
        .targets
        .iter()
        .map(|t| work[&t.key].target().cloned().unwrap_or_else(|| t.clone()))
        .collect();
    (
        PlanInput {
            targets,
            ..inp.clone()
        },
        needed,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn tight_a_deal_brings_dues_forward_and_the_plan_stays_optimal(
        t in tight(8),
        by in -1i64..24,
        pick in any::<u16>(),
        p in any::<u8>(),
    ) {
        use crate::domain::deal::DealState;
        let inp = t.0;
        let (with, needed) = with_deal(&inp, by, pick, p, DealState::Open);
        let active = by >= 0;
        let cut = date(by) - Days::new(2);
        for ((a, b), n) in inp.targets.iter().zip(&with.targets).zip(&needed) {
            if *n && active {
                prop_assert_eq!(b.due, a.due.min(cut));
                prop_assert_eq!(b.priority, a.priority.max(prio(p)));
                prop_assert_eq!((&b.key, b.release, b.remaining), (&a.key, a.release, a.remaining));
            } else {
                prop_assert_eq!(a, b);
            }
        }
        let p_with = checked(&with)?;
        let (cap, jobs, _) = oracle(&with);
        prop_assert_eq!(plan_counts(&p_with, &jobs), best_counts(&jobs, &cap));
        prop_assert!(p_with.exact);
        // Closed: exactly the plan without the deal.
        let (closed, _) = with_deal(&inp, by, pick, p, DealState::Won);
        prop_assert_eq!(&closed, &inp);
        prop_assert_eq!(plan(&closed), plan(&inp));
    }
}
