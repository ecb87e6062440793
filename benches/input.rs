//! Input that once took quadratic time or ran away, answered at once: the speed checks that
//! used to be wall-clock assertions in unit tests (which only prove it runs, and panics).
//!
//! - `quick_add_long`: ten pasted walls of text (the list of the quick-add property test
//!   `long_input_is_answered`), parsed and key-completed. Budget: well under 1 s in all.
//! - `ics_runaway_recurrence`: an event repeating every second since 1970, cut at the cap.
//!   Budget: well under 5 s.
//! - `credly_import_10x48`: ten Credly pages of 48 badges each, once the bytes are here:
//!   read, matched against an empty database file and written in one transaction, as
//!   `sukima import credly --user` does after the fetch. Budget: 200 ms.
//!
//! Run with `cargo bench --bench input`.

#[path = "../tests/credly_pages.rs"]
mod credly_pages;

use chrono::NaiveDateTime;
use chrono_tz::Tz;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;
use sukima::domain::badge::Badge;
use sukima::domain::quick_add::{complete_key, parse};

fn at(s: &str) -> NaiveDateTime {
    s.parse().unwrap()
}

fn badges() -> Vec<Badge> {
    [
        ("aws-saa", "AWS Certified Solutions Architect – Associate"),
        ("cp4d-admin", "IBM Cloud Pak for Data v4.x Administrator"),
        ("ds-basic", "データサイエンス基礎"),
        ("gcp-pca", "Google Cloud Professional Cloud Architect"),
    ]
    .into_iter()
    .map(|(key, name)| Badge {
        key: key.into(),
        name: name.into(),
        ..Badge::default()
    })
    .collect()
}

fn long_inputs() -> Vec<String> {
    vec![
        "-".repeat(20_000),
        "1-".repeat(10_000),
        "7:30-".repeat(4_000),
        "データ".repeat(6_000),
        "30分".repeat(6_000),
        format!("30m {}", "aws ".repeat(4_000)),
        format!("30m #{}", "a".repeat(20_000)),
        "\"".repeat(10_001),
        "a b ".repeat(10_000),
        "7 pm ".repeat(4_000),
    ]
}

fn runaway_calendar() -> Vec<u8> {
    [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//t//EN",
        "BEGIN:VEVENT",
        "UID:s",
        "DTSTART:19700101T000000Z",
        "DURATION:PT1S",
        "RRULE:FREQ=SECONDLY",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    .join("\r\n")
    .into_bytes()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("input");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    let b = badges();
    let now = at("2027-01-06T08:00:00");
    let texts = long_inputs();
    group.bench_function("quick_add_long", |bench| {
        bench.iter(|| {
            for text in &texts {
                let _ = black_box(parse(text, now, &b));
                let _ = black_box(complete_key(text, &b));
            }
        });
    });
    let ics = runaway_calendar();
    let range = at("2027-01-01T00:00:00")..at("2028-01-01T00:00:00");
    group.bench_function("ics_runaway_recurrence", |bench| {
        bench.iter(|| {
            sukima::io::ics::import_busy(&ics, "t.ics", Tz::Asia__Tokyo, range.clone()).unwrap()
        });
    });
    let pages: Vec<(String, Vec<u8>)> = credly_pages::pages(10, 48)
        .into_iter()
        .enumerate()
        .map(|(i, p)| (format!("page {}", i + 1), p))
        .collect();
    group.bench_function("credly_import_10x48", |bench| {
        bench.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let store = sukima::store::Store::open(&dir.path().join("sukima.db")).unwrap();
                (dir, store)
            },
            |(dir, mut store)| {
                let import = sukima::io::credly::parse(&pages).unwrap();
                let plan = sukima::changes::import_badges(
                    &mut store,
                    &import,
                    now.date(),
                    &|_| 600,
                    &sukima::config::Config::default().known_issuers(std::iter::empty()),
                    "credly user many",
                )
                .unwrap();
                assert_eq!(plan.add.len(), 480);
                (dir, store)
            },
            criterion::BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
