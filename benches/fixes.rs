//! Criterion benchmark of the fix search for badges at risk (DESIGN 3; budgets: `sukima
//! plan` on a typical database, 30 badges with some at risk, within 50 ms; the 500-badge
//! overloaded instance of `benches/plan.rs` within 2 s). The same instances as that bench,
//! with their spare time as weekly windows (the search adds windows and re-expands them).

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use criterion::{Criterion, criterion_group, criterion_main};
use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Instant;
use sukima::domain::Priority;
use sukima::domain::log::Pinned;
use sukima::domain::plan::{Settings, plan};
use sukima::domain::quick_add::parse_free;
use sukima::domain::spare::Interval;
use sukima::domain::work::PlanTarget;
use sukima::planning::Scenario;
use sukima::planning::fixes::rescues;

/// xorshift64*, as in `benches/plan.rs`, so the instances are the same.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 4).unwrap()
}

fn at(day: u64, hh: u32, mm: u32) -> NaiveDateTime {
    (today() + chrono::Days::new(day)).and_time(NaiveTime::from_hms_opt(hh, mm, 0).unwrap())
}

/// `benches/plan.rs`'s `instance`, as a scenario over three daily windows for a year.
fn scenario(n: usize, min_effort: u64, seed: u64) -> Scenario {
    let mut rng = Rng(seed);
    let targets = (0..n)
        .map(|i| {
            let release = rng.below(300);
            let len = 30 + rng.below(150);
            let priority = match rng.below(5) {
                0 => Priority::High,
                1 => Priority::Low,
                _ => Priority::Normal,
            };
            PlanTarget {
                key: format!("badge-{i:03}"),
                release: today() + chrono::Days::new(release),
                due: today() + chrono::Days::new((release + len).min(364)),
                remaining: u32::try_from(min_effort + rng.below(3 * min_effort + 1)).unwrap(),
                priority,
                after: Vec::new(),
            }
        })
        .collect();
    let pinned: Vec<Pinned> = (0..5)
        .map(|k| Pinned {
            id: None,
            badge: format!("badge-{:03}", k * 7),
            start: at(3 + k * 11, 18, 0),
            minutes: 45,
        })
        .collect();
    let now = today().and_time(NaiveTime::from_hms_opt(7, 22, 0).unwrap()) + Duration::seconds(5);
    let windows = ["daily 7:10-7:40", "daily 12:15-12:45", "daily 21:00-22:00"]
        .iter()
        .map(|w| parse_free(w, now).unwrap())
        .collect();
    Scenario {
        now,
        horizon: today() + chrono::Days::new(364),
        targets,
        windows,
        taken: pinned
            .iter()
            .map(|p| Interval {
                start: p.start,
                end: p.end(),
            })
            .collect(),
        pinned,
        logged_per_day: BTreeMap::from([(today(), 40)]),
        settings: Settings::default(),
        deal_floor: BTreeMap::new(),
    }
}

fn bench(c: &mut Criterion) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let cases = [
        ("fixes: 30 badges, typical", scenario(30, 600, 11)),
        ("fixes: 30 badges, overloaded", scenario(30, 1200, 11)),
        ("fixes: 500 badges, overloaded", scenario(500, 60, 7)),
    ];
    for (name, sc) in &cases {
        let p = plan(&sc.input());
        let risky = p.outcomes.iter().filter(|o| o.at_risk).count();
        let started = Instant::now();
        let found = rescues(sc, &p, threads);
        let fixes: usize = found.iter().map(|r| r.fixes.len()).sum();
        eprintln!(
            "{name}: {risky} at risk, {fixes} fixes found, {:.1} ms on {threads} threads",
            started.elapsed().as_secs_f64() * 1000.0
        );
        // The large instance is timed once above; criterion samples the typical one.
        if sc.targets.len() <= 100 {
            let mut group = c.benchmark_group("fixes");
            group.sample_size(10);
            group.bench_function(*name, |b| b.iter(|| rescues(black_box(sc), &p, threads)));
            group.finish();
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
