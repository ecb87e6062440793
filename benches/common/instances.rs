//! The generated instances `benches/plan.rs` and `benches/fixes.rs` share (included in
//! each with `#[path]`): a deterministic generator, the day they start, and `n` badges
//! with five pinned sessions, so both benchmarks measure the same data.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use sukima::domain::Priority;
use sukima::domain::log::Pinned;
use sukima::domain::work::PlanTarget;

/// A small deterministic generator (xorshift64*), so runs compare.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The first day of every instance (a Monday).
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 4).unwrap()
}

/// `hh:mm` on the `day`th day from [`today`].
pub fn at(day: u64, hh: u32, mm: u32) -> NaiveDateTime {
    (today() + chrono::Days::new(day)).and_time(NaiveTime::from_hms_opt(hh, mm, 0).unwrap())
}

/// When every instance is planned: early on its first day.
pub fn now() -> NaiveDateTime {
    today().and_time(NaiveTime::from_hms_opt(7, 22, 0).unwrap()) + Duration::seconds(5)
}

/// `n` badges: renewal windows opening over the year, 30 to 180 days long, efforts from
/// `min_effort` up to four times that; one in five High, one in five Low.
pub fn targets(n: usize, min_effort: u64, seed: u64) -> Vec<PlanTarget> {
    let mut rng = Rng(seed);
    (0..n)
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
        .collect()
}

/// Five pinned sessions of 45 minutes, on badges of every instance.
pub fn pinned() -> Vec<Pinned> {
    (0..5)
        .map(|k| Pinned {
            id: None,
            badge: format!("badge-{:03}", k * 7),
            start: at(3 + k * 11, 18, 0),
            minutes: 45,
        })
        .collect()
}
