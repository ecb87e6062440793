//! Criterion benchmark of a calendar import (issue 15: 50,000 events, recurring and
//! single, several time zones, under 2 s): `io::ics::import_busy` over a two-year
//! horizon, on a calendar generated here like `bench/gen_ics.py` makes for the binary.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use criterion::{Criterion, criterion_group, criterion_main};
use std::fmt::Write as _;
use std::hint::black_box;

/// A small deterministic generator (xorshift64*), so runs compare.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 6).unwrap()
}

/// `n` events: single ones in UTC, IANA zones, an Outlook zone and floating time; every
/// tenth recurring (daily with COUNT, weekly with UNTIL, monthly and fortnightly without
/// end); every fiftieth all day.
fn calendar(n: usize) -> String {
    let zones = [
        Some("Z"),
        Some("America/New_York"),
        Some("Europe/London"),
        Some("Asia/Tokyo"),
        Some("Tokyo Standard Time"),
        None,
    ];
    let mut rng = Rng(50_000);
    let mut s = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\nX-WR-TIMEZONE:Asia/Tokyo\r\n\
         BEGIN:VTIMEZONE\r\nTZID:Tokyo Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n\
         TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n",
    );
    let first = today() - Duration::days(365);
    let fmt = |t: NaiveDateTime| t.format("%Y%m%dT%H%M%S").to_string();
    for i in 0..n {
        let day = first + Duration::days(rng.below(730) as i64);
        let t = day
            .and_hms_opt(7 + rng.below(13) as u32, 15 * rng.below(4) as u32, 0)
            .unwrap();
        let end = t + Duration::minutes(15 * (1 + rng.below(8) as i64));
        let _ = write!(
            s,
            "BEGIN:VEVENT\r\nUID:ev{i}@bench\r\nSUMMARY:Meeting {i}\r\n"
        );
        if i % 50 == 0 {
            let _ = write!(s, "DTSTART;VALUE=DATE:{}\r\n", day.format("%Y%m%d"));
        } else {
            match zones[rng.below(zones.len() as u64) as usize] {
                Some("Z") => {
                    let _ = write!(s, "DTSTART:{}Z\r\nDTEND:{}Z\r\n", fmt(t), fmt(end));
                }
                Some(z) => {
                    let _ = write!(
                        s,
                        "DTSTART;TZID={z}:{}\r\nDTEND;TZID={z}:{}\r\n",
                        fmt(t),
                        fmt(end)
                    );
                }
                None => {
                    let _ = write!(s, "DTSTART:{}\r\nDTEND:{}\r\n", fmt(t), fmt(end));
                }
            }
        }
        if i % 10 == 5 {
            let rule = match rng.below(4) {
                0 => format!("FREQ=DAILY;COUNT={}", 5 + rng.below(55)),
                1 => format!(
                    "FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL={}Z",
                    fmt(t + Duration::days(30 + rng.below(370) as i64))
                ),
                2 => "FREQ=MONTHLY".to_string(),
                _ => "FREQ=WEEKLY;INTERVAL=2".to_string(),
            };
            let _ = write!(s, "RRULE:{rule}\r\n");
        }
        s.push_str("END:VEVENT\r\n");
    }
    s.push_str("END:VCALENDAR\r\n");
    s
}

fn bench(c: &mut Criterion) {
    let text = calendar(50_000);
    let start = today().and_hms_opt(0, 0, 0).unwrap();
    let range = start..start + Duration::days(731);
    let mut group = c.benchmark_group("ics_import");
    group.sample_size(10);
    group.bench_function("50000_events", |b| {
        b.iter(|| {
            let busy = sukima::io::ics::import_busy(
                black_box(text.as_bytes()),
                "bench.ics",
                chrono_tz::Asia::Tokyo,
                range.clone(),
            )
            .unwrap();
            black_box(busy.events.len())
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
