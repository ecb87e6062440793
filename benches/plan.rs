//! Criterion benchmark of a full re-plan (DESIGN 3: well under a frame, budget 5 ms for
//! 500 badges): a year of spare time in three windows a day, 500 badges and a typical 30,
//! each both when everything fits and when it does not.

use criterion::{Criterion, criterion_group, criterion_main};
use std::collections::BTreeMap;
use std::hint::black_box;
use sukima::domain::Priority;
use sukima::domain::plan::{PlanInput, Settings, plan};
use sukima::domain::spare::Interval;
use sukima::domain::step::{Estimates, Step, StepKind, session_steps};
use sukima::domain::work::PlanTarget;

#[path = "common/instances.rs"]
mod instances;
use instances::{Rng, at, today};

/// Commute 07:10-07:40, lunch 12:15-12:45, evening 21:00-22:00, every day for a year.
fn year_of_windows() -> Vec<Interval> {
    let mut v = Vec::new();
    for day in 0..365 {
        for ((h1, m1), (h2, m2)) in [((7, 10), (7, 40)), ((12, 15), (12, 45)), ((21, 0), (22, 0))] {
            v.push(Interval {
                start: at(day, h1, m1),
                end: at(day, h2, m2),
            });
        }
    }
    v
}

/// `n` badges over a year of three windows a day ([`instances::targets`]).
fn instance(n: usize, min_effort: u64, seed: u64) -> PlanInput {
    let mut logged = BTreeMap::new();
    logged.insert(today(), 40);
    PlanInput {
        now: instances::now(),
        targets: instances::targets(n, min_effort, seed),
        free: year_of_windows(),
        pinned: instances::pinned(),
        logged_per_day: logged,
        settings: Settings::default(),
    }
}

/// CPU time of this thread in clock ticks (utime + stime), where Linux tells it: on a
/// shared machine it shows the planner's own cost, which wall time under load does not.
fn cpu_ticks() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

/// `n` badges competing for a month of evenings (20:00 for 30 to 90 minutes): one large
/// conflict for the exact branch and bound.
fn crowded(n: usize, seed: u64) -> PlanInput {
    let mut rng = Rng(seed);
    let free = (0..30)
        .map(|d| {
            let len = 30 + 30 * u32::try_from(rng.below(3)).unwrap();
            Interval {
                start: at(d, 20, 0),
                end: at(d, 20 + len / 60, len % 60),
            }
        })
        .collect();
    let targets = (0..n)
        .map(|i| {
            let r = rng.below(20);
            let len = rng.below(15);
            PlanTarget {
                key: format!("c{i:02}"),
                release: today() + chrono::Days::new(r),
                due: today() + chrono::Days::new((r + len).min(29)),
                remaining: 30 + 15 * u32::try_from(rng.below(12)).unwrap(),
                priority: [Priority::Low, Priority::Normal, Priority::High]
                    [usize::try_from(rng.below(3)).unwrap()],
                after: Vec::new(),
            }
        })
        .collect();
    PlanInput {
        now: at(0, 0, 0),
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

/// Like [`year_of_windows`], over two years.
fn two_years(n: usize, min_effort: u64) -> PlanInput {
    let mut input = instance(n, min_effort, 3);
    let mut rng = Rng(5);
    for (i, t) in input.targets.iter_mut().enumerate() {
        let release = rng.below(650);
        t.release = today() + chrono::Days::new(release);
        t.due = today() + chrono::Days::new((release + 30 + rng.below(150)).min(729));
        t.key = format!("badge-{i:04}");
    }
    input.free = (0..730)
        .flat_map(|day| {
            [((7, 10), (7, 40)), ((12, 15), (12, 45)), ((21, 0), (22, 0))].map(
                |((h1, m1), (h2, m2))| Interval {
                    start: at(day, h1, m1),
                    end: at(day, h2, m2),
                },
            )
        })
        .collect();
    input
}

/// Like [`instance`], in chains of three (Foundation, then Intermediate, then Advanced):
/// each badge waits for the one before it, due 30 to 90 days after it.
fn chains(n: usize, min_effort: u64, seed: u64) -> PlanInput {
    let mut input = instance(n, min_effort, seed);
    let mut rng = Rng(seed ^ 0x5eed);
    for i in 0..n {
        if i % 3 == 0 {
            continue;
        }
        let (before_key, before_release, before_due) = {
            let b = &input.targets[i - 1];
            (b.key.clone(), b.release, b.due)
        };
        let t = &mut input.targets[i];
        t.after = vec![before_key];
        t.release = before_release;
        t.due = (before_due + chrono::Days::new(30 + rng.below(61))).min(at(364, 0, 0).date());
    }
    input
}

/// Plans, then names the step every session advances (four steps a badge), as the
/// planner's overview does.
fn plan_with_steps(input: &PlanInput, steps: &[Step]) -> usize {
    let p = plan(input);
    let mut by_badge: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for s in &p.sessions {
        by_badge
            .entry(s.badge.as_str())
            .or_default()
            .push(s.minutes());
    }
    let estimates = Estimates::default();
    by_badge
        .values()
        .map(|m| {
            session_steps(steps, None, 0, &estimates, m)
                .iter()
                .filter(|s| s.is_some())
                .count()
        })
        .sum()
}

/// [`instance`] with `deals` open deals ahead, each needing five random badges by a day
/// 20 to 200 days out (priority high): applied as the planning layer applies them
/// (`deal::apply`, dues brought forward, priorities raised).
fn with_deals(input: &PlanInput, deals: usize, seed: u64) -> PlanInput {
    use sukima::domain::badge::Badge;
    use sukima::domain::deal::{Deal, DealState, apply};
    use sukima::domain::work::Work;
    let mut rng = Rng(seed);
    let n = input.targets.len() as u64;
    let list: Vec<Deal> = (0..deals)
        .map(|k| Deal {
            key: format!("deal-{k:02}"),
            name: format!("Deal {k}"),
            by: today() + chrono::Days::new(20 + rng.below(181)),
            needs: (0..5)
                .map(|_| format!("badge-{:03}", rng.below(n)))
                .collect(),
            review: Vec::new(),
            priority: Priority::High,
            state: DealState::Open,
            notes: None,
            created_on: today(),
        })
        .collect();
    let badges: Vec<Badge> = input
        .targets
        .iter()
        .map(|t| Badge {
            key: t.key.clone(),
            goal_on: Some(t.due),
            ..Badge::default()
        })
        .collect();
    let mut work: BTreeMap<String, Work> = input
        .targets
        .iter()
        .map(|t| (t.key.clone(), Work::Target(t.clone())))
        .collect();
    apply(&list, &badges, &mut work, today(), 7, &|_, _| 0);
    PlanInput {
        targets: input
            .targets
            .iter()
            .map(|t| work[&t.key].target().cloned().unwrap_or_else(|| t.clone()))
            .collect(),
        ..input.clone()
    }
}

fn describe(name: &str, input: &PlanInput) {
    let p = plan(input);
    let risky = p.outcomes.iter().filter(|o| o.at_risk).count();
    let runs = 200;
    let cpu = cpu_ticks().and_then(|before| {
        for _ in 0..runs {
            black_box(plan(black_box(input)));
        }
        Some(cpu_ticks()? - before)
    });
    let per_run = cpu.map_or("n/a".to_string(), |t| {
        // Clock ticks are 10 ms on Linux.
        format!("{:.2} ms", t as f64 * 10.0 / f64::from(runs))
    });
    eprintln!(
        "{name}: {} badges, {} sessions, {risky} at risk, exact {}; CPU time per plan {per_run}",
        input.targets.len(),
        p.sessions.len(),
        p.exact
    );
}

fn bench(c: &mut Criterion) {
    let cases = [
        ("500 badges, all fit", instance(500, 15, 7)),
        ("500 badges, overloaded", instance(500, 60, 7)),
        ("30 badges, all fit", instance(30, 300, 11)),
        ("30 badges, overloaded", instance(30, 1200, 11)),
    ];
    for (name, input) in &cases {
        describe(name, input);
        c.bench_function(name, |b| b.iter(|| plan(black_box(input))));
    }
    // Deals: the same instances with 20 open deals ahead (100 badges needed).
    let dealt = [
        (
            "500 badges, all fit, 20 deals",
            with_deals(&cases[0].1, 20, 3),
        ),
        (
            "500 badges, overloaded, 20 deals",
            with_deals(&cases[1].1, 20, 3),
        ),
    ];
    for (name, input) in &dealt {
        describe(name, input);
        c.bench_function(name, |b| b.iter(|| plan(black_box(input))));
    }
    // Prerequisites: chains of three, and the steps named for every session.
    let steps: Vec<Step> = [
        ("Module 1", StepKind::Course),
        ("Module 2", StepKind::Course),
        ("Quiz", StepKind::Assessment),
        ("Exam", StepKind::Exam),
    ]
    .into_iter()
    .map(|(title, kind)| Step {
        title: title.into(),
        kind,
        ..Step::default()
    })
    .collect();
    let chained = [
        ("500 badges in chains of three, all fit", chains(500, 15, 7)),
        (
            "500 badges in chains of three, overloaded",
            chains(500, 60, 7),
        ),
    ];
    for (name, input) in &chained {
        describe(name, input);
        c.bench_function(name, |b| b.iter(|| plan(black_box(input))));
    }
    c.bench_function(
        "500 badges in chains of three, all fit, with steps named",
        |b| b.iter(|| plan_with_steps(black_box(&chained[0].1), &steps)),
    );
    // Exact selection under stress: the worst of 20 random crowded months.
    let crowded_cases: Vec<PlanInput> = (0..20).map(|seed| crowded(60, seed + 1)).collect();
    for (k, input) in crowded_cases.iter().enumerate().take(3) {
        describe(&format!("60 crowded badges #{k}"), input);
    }
    c.bench_function("60 crowded badges, 20 instances", |b| {
        b.iter(|| {
            for input in &crowded_cases {
                black_box(plan(black_box(input)));
            }
        });
    });
    // Larger than any user: reported, not measured by criterion.
    describe("2000 badges over two years, all fit", &two_years(2000, 5));
    describe(
        "2000 badges over two years, overloaded",
        &two_years(2000, 40),
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
