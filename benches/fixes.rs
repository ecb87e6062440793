//! Criterion benchmark of the fix search for badges at risk (DESIGN 3; budgets: `sukima
//! plan` on a typical database, 30 badges with some at risk, within 50 ms; the 500-badge
//! overloaded instance of `benches/plan.rs` within 2 s). The same instances as that bench,
//! with their spare time as weekly windows (the search adds windows and re-expands them).

use criterion::{Criterion, criterion_group, criterion_main};
use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Instant;
use sukima::domain::plan::{Settings, plan};
use sukima::domain::quick_add::parse_free;
use sukima::domain::spare::Interval;
use sukima::planning::Scenario;
use sukima::planning::fixes::rescues;

#[path = "common/instances.rs"]
mod instances;
use instances::today;

/// `benches/plan.rs`'s `instance`, as a scenario over three daily windows for a year.
fn scenario(n: usize, min_effort: u64, seed: u64) -> Scenario {
    let targets = instances::targets(n, min_effort, seed);
    let pinned = instances::pinned();
    let now = instances::now();
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
