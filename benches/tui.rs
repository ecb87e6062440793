//! The planner's responsiveness with a large database: 300 badges, 10,000 log entries,
//! three windows of spare time a day.
//!
//! - `first_frame`: `App::new` (load and plan) and one render on a 120x40 terminal.
//! - `quick_add_enter`: Enter on a typed quick-add log line (write, reload, re-plan) and
//!   the render after it; `quick_add_typed` is the whole line typed key by key, then Enter.
//!   Each entry is undone outside the timing, so every benchmark reads the same data.
//! - `navigation_key`: `j`/`k` in the Badges view and the render after it.
//! - `session_done`, `session_skip`, `session_move`, `session_pin`, `session_details`,
//!   `redo`: each key on the selected session of the Plan view (the write, reload,
//!   re-plan and render; the undo that puts the data back is outside the timing).
//! - `log_open`: `6` opens the Log view on the 10,000 entries (it reads their newest days)
//!   and renders; `log_scroll`: PageDown/PageUp through them (further pages read on the
//!   way); `log_end`: `G` on a Log view just opened (it reads the rest).
//!
//! - `breakdown/*`: the parts of a data-changing key: the write, load and plan, plan
//!   alone, and a render of four views; the parts of opening the Log view (reading the
//!   entries, grouping them).
//!
//! Budgets: the first frame under 50 ms, every key press under 16 ms.
//! Run with `cargo bench --bench tui`.

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime};
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::BTreeSet;
use std::hint::black_box;
use std::time::{Duration, Instant};
use sukima::config::Config;
use sukima::domain::badge::{Badge, Priority};
use sukima::domain::log::{LogEntry, Pinned};
use sukima::domain::spare::{WeekdayOrd, Window, WindowKind};
use sukima::io::backup::BackupData;
use sukima::store::Store;
use sukima::tui::app::{App, Msg};

fn now() -> NaiveDateTime {
    sukima::commands::parse_now("2026-11-26T08:00").unwrap()
}

fn day(today: NaiveDate, offset: i64) -> NaiveDate {
    if offset >= 0 {
        today + Days::new(offset.unsigned_abs())
    } else {
        today - Days::new(offset.unsigned_abs())
    }
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// 300 badges across issuers and statuses, 10,000 log entries over three years, three
/// windows a day, a blackout and a few pinned sessions.
fn large_data(today: NaiveDate) -> BackupData {
    const ISSUERS: [&str; 5] = [
        "IBM",
        "Microsoft",
        "AWS",
        "Google Cloud",
        "Linux Foundation",
    ];
    let mut badges = Vec::new();
    for i in 0..300i64 {
        let issuer = ISSUERS[(i % 5) as usize];
        let key = format!("b{i:03}");
        let name = if i % 7 == 0 {
            format!("データサイエンス応用 {i} ({issuer})")
        } else {
            format!("{issuer} Certified Professional {i}")
        };
        let mut b = Badge {
            key,
            name,
            issuer: issuer.into(),
            effort_minutes: 600 + (i as u32 % 12) * 120,
            priority: match i % 10 {
                0 => Priority::High,
                1 | 2 => Priority::Low,
                _ => Priority::Normal,
            },
            tags: vec!["bench".into()],
            ..Default::default()
        };
        match i % 6 {
            // Held, expiring at different distances (within the planning horizon).
            0..=2 => {
                b.earned_on = Some(day(today, -400 - i));
                b.expires_on = Some(day(today, 10 + i * 2));
            }
            // Expired.
            3 => {
                b.earned_on = Some(day(today, -800));
                b.expires_on = Some(day(today, -(i % 50) - 1));
            }
            // Retiring, half of them with a replacement (the next badge, a target).
            4 => {
                b.earned_on = Some(day(today, -300));
                b.expires_on = Some(day(today, 200 + i));
                b.retires_on = Some(day(today, 30 + i % 60));
                if i % 12 == 4 {
                    b.replaced_by = Some(format!("b{:03}", i + 1));
                }
            }
            // Targets with a goal, or held without expiry.
            _ => {
                if i % 12 == 5 {
                    b.available_on = Some(day(today, i % 20));
                    b.goal_on = Some(day(today, 100 + i));
                } else {
                    b.earned_on = Some(day(today, -100));
                }
            }
        }
        badges.push(b);
    }
    let every_day: BTreeSet<WeekdayOrd> = (0..7).map(WeekdayOrd).collect();
    let weekly = |s: NaiveTime, e: NaiveTime, label: &str| Window {
        id: None,
        kind: WindowKind::Weekly {
            days: every_day.clone(),
            start: s,
            end: e,
            from: None,
            to: None,
        },
        label: label.into(),
    };
    let windows = vec![
        weekly(time(7, 10), time(7, 40), "commute"),
        weekly(time(12, 15), time(12, 45), "lunch"),
        weekly(time(21, 0), time(21, 45), "evening"),
        Window {
            id: None,
            kind: WindowKind::Blackout {
                from: day(today, 20),
                to: day(today, 24),
            },
            label: "trip".into(),
        },
    ];
    let slots = [time(7, 10), time(12, 15), time(21, 0)];
    let log = (0..10_000i64)
        .map(|i| LogEntry {
            id: None,
            badge: format!("b{:03}", i % 300),
            date: day(today, -1 - i % 1095),
            start: Some(slots[(i % 3) as usize]),
            minutes: 15 + (i as u32 % 4) * 10,
            note: None,
        })
        .collect();
    let pinned = (0..5i64)
        .map(|i| Pinned {
            id: None,
            badge: format!("b{:03}", i * 6),
            start: day(today, 1 + i).and_time(time(19, 0)),
            minutes: 45,
        })
        .collect();
    BackupData {
        badges,
        steps: Default::default(),
        windows,
        log,
        pinned,
        deals: Vec::new(),
    }
}

/// A database file holding the large data set.
fn large_db(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("bench.db");
    let mut store = Store::open(&path).unwrap();
    let data = large_data(now().date());
    store
        .seed(|tx| sukima::changes::write_data(tx, &data))
        .unwrap();
    path
}

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn enter() -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))
}

fn open_app(path: &std::path::Path) -> App {
    App::new(
        Store::open(path).unwrap(),
        Config::default(),
        Some(now()),
        true,
    )
    .unwrap()
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = large_db(dir.path());
    {
        let app = open_app(&path);
        assert_eq!(app.data.badges.len(), 300);
        assert!(app.data.plan.sessions.len() > 100, "plans a lot");
        eprintln!(
            "data: {} badges, {} log entries, {} windows; plan: {} sessions to {}, {} to prepare, {} at risk",
            app.data.badges.len(),
            sukima::store::log::all(app.store.conn(), None)
                .unwrap()
                .len(),
            app.data.windows.len(),
            app.data.plan.sessions.len(),
            app.data.horizon,
            app.data.plan.outcomes.len(),
            app.data.at_risk().count()
        );
    }

    let mut group = c.benchmark_group("tui");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(8));

    group.bench_function("first_frame", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let store = Store::open(&path).unwrap();
                let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
                let start = Instant::now();
                let mut app = App::new(store, Config::default(), Some(now()), true).unwrap();
                app.update(Msg::Resize(120, 40));
                term.draw(|f| sukima::tui::draw(&app, f)).unwrap();
                total += start.elapsed();
                black_box(&app);
            }
            total
        });
    });

    let mut app = open_app(&path);
    app.update(key('2'));
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    term.draw(|f| sukima::tui::draw(&app, f)).unwrap();

    group.bench_function("quick_add_enter", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for i in 0..iters {
                app.update(key('a'));
                for c in format!("30m #b{:03}", i % 300).chars() {
                    app.update(key(c));
                }
                let start = Instant::now();
                app.update(enter());
                term.draw(|f| sukima::tui::draw(&app, f)).unwrap();
                total += start.elapsed();
                assert!(app.popup.is_none(), "{:?}", app.status);
                // Taken back, untimed: the benchmarks after this one read the same
                // 10,000 entries, not a day piled with hundreds more.
                app.update(key('u'));
            }
            total
        });
    });

    group.bench_function("quick_add_typed", |b| {
        let mut i = 0;
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                app.update(key('a'));
                term.draw(|f| sukima::tui::draw(&app, f)).unwrap();
                for c in format!("45m #b{:03}", i % 300).chars() {
                    app.update(key(c));
                    term.draw(|f| sukima::tui::draw(&app, f)).unwrap();
                }
                app.update(enter());
                term.draw(|f| sukima::tui::draw(&app, f)).unwrap();
                total += start.elapsed();
                app.update(key('u'));
                i += 1;
            }
            total
        });
    });

    group.bench_function("navigation_key", |b| {
        let mut down = true;
        b.iter(|| {
            app.update(key(if down { 'j' } else { 'k' }));
            down = !down;
            term.draw(|f| sukima::tui::draw(&app, f)).unwrap();
        });
    });

    // The session keys, on the Plan view's selected session.
    app.update(key('3'));
    let timed_then_undone = |app: &mut App,
                             term: &mut Terminal<TestBackend>,
                             iters: u64,
                             before: &dyn Fn(&mut App),
                             keys: &[Msg]|
     -> Duration {
        let mut total = Duration::ZERO;
        for _ in 0..iters {
            before(app);
            let start = Instant::now();
            for k in keys {
                app.update(k.clone());
            }
            term.draw(|f| sukima::tui::draw(app, f)).unwrap();
            total += start.elapsed();
            assert!(
                app.status.as_ref().is_some_and(|s| !s.error),
                "{:?}",
                app.status
            );
            app.update(key('u'));
        }
        total
    };
    group.bench_function("session_done", |b| {
        b.iter_custom(|iters| {
            timed_then_undone(
                &mut app,
                &mut term,
                iters,
                &|app| app.update(key('c')),
                &[enter()],
            )
        });
    });
    group.bench_function("session_skip", |b| {
        b.iter_custom(|iters| timed_then_undone(&mut app, &mut term, iters, &|_| {}, &[key('s')]));
    });
    group.bench_function("session_move", |b| {
        b.iter_custom(|iters| {
            timed_then_undone(
                &mut app,
                &mut term,
                iters,
                &|app| {
                    app.update(key('m'));
                    for c in "tomorrow 6:00".chars() {
                        app.update(key(c));
                    }
                },
                &[enter()],
            )
        });
    });
    group.bench_function("session_pin", |b| {
        b.iter_custom(|iters| timed_then_undone(&mut app, &mut term, iters, &|_| {}, &[key('p')]));
    });
    group.bench_function("session_details", |b| {
        b.iter(|| {
            app.update(enter());
            term.draw(|f| sukima::tui::draw(&app, f)).unwrap();
            app.update(Msg::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)));
        });
    });
    group.bench_function("redo", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                app.update(key('p'));
                app.update(key('u'));
                let start = Instant::now();
                app.update(key('U'));
                term.draw(|f| sukima::tui::draw(&app, f)).unwrap();
                total += start.elapsed();
                assert!(app.status.as_ref().is_some_and(|s| !s.error));
                app.update(key('u'));
            }
            total
        });
    });

    // The Log view over the 10,000 entries.
    group.bench_function("log_open", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                app.update(key('1'));
                app.log.loaded = false;
                let start = Instant::now();
                app.update(key('6'));
                term.draw(|f| sukima::tui::draw(&app, f)).unwrap();
                total += start.elapsed();
                assert!(app.log.total_entries >= 10_000);
            }
            total
        });
    });
    // `G` on a Log view just opened: it reads the rest of the 10,000 entries.
    group.bench_function("log_end", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                app.update(key('1'));
                app.log = Default::default();
                app.update(key('6'));
                let start = Instant::now();
                app.update(key('G'));
                term.draw(|f| sukima::tui::draw(&app, f)).unwrap();
                total += start.elapsed();
                assert!(app.log.complete && app.log.entries.len() >= 10_000);
            }
            total
        });
    });
    group.bench_function("log_scroll", |b| {
        app.update(key('6'));
        let mut down = true;
        let mut n = 0;
        b.iter(|| {
            let k = if down {
                KeyCode::PageDown
            } else {
                KeyCode::PageUp
            };
            app.update(Msg::Key(KeyEvent::new(k, KeyModifiers::NONE)));
            term.draw(|f| sukima::tui::draw(&app, f)).unwrap();
            n += 1;
            if n % 500 == 0 {
                down = !down;
            }
        });
    });
    group.finish();

    // Where the time of a data-changing key goes: the write, reading everything back,
    // planning, and drawing.
    let mut group = c.benchmark_group("breakdown");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(5));
    let config = Config::default();
    // A fresh copy of the data: the benchmarks above have logged a few hundred entries.
    let fresh = tempfile::tempdir().unwrap();
    let store = Store::open(&large_db(fresh.path())).unwrap();
    group.bench_function("load_and_plan", |b| {
        b.iter(|| sukima::planning::Overview::load(store.conn(), &config, now()).unwrap());
    });
    let conn = store.conn();
    let ov = sukima::planning::Overview::load(conn, &config, now()).unwrap();
    let all = sukima::store::badges::all(conn).unwrap();
    let logged = sukima::store::badges::logged_in_cycle(conn).unwrap();
    let journeys = sukima::planning::Journeys::load(conn).unwrap();
    let windows = sukima::store::windows::all(conn).unwrap();
    let pinned = sukima::store::pinned::all(conn).unwrap();
    let far = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
    let per_day = sukima::store::log::minutes_per_day(conn, day(now().date(), -371), far).unwrap();
    let busy =
        sukima::store::busy::intervals(conn, now(), ov.horizon.and_time(time(23, 59))).unwrap();
    group.bench_function("plan_only", |b| {
        b.iter(|| {
            sukima::planning::Overview::compute(
                &config,
                now(),
                all.clone(),
                &logged,
                &journeys,
                windows.clone(),
                pinned.clone(),
                per_day.clone(),
                &busy,
                ov.horizon,
            )
        });
    });
    // The parts of opening the Log view: reading the 10,000 entries, then grouping them
    // by day and marking overlaps.
    group.bench_function("log_read", |b| {
        b.iter(|| sukima::store::log::all(conn, None).unwrap());
    });
    let entries = sukima::store::log::all(conn, None).unwrap();
    group.bench_function("log_fill", |b| {
        b.iter(|| {
            let mut state = sukima::tui::app::log::LogState::default();
            state.fill(entries.clone());
            state
        });
    });
    for (name, view) in [
        ("render_badges", '2'),
        ("render_plan", '3'),
        ("render_calendar", '4'),
        ("render_log", '6'),
    ] {
        app.update(key(view));
        group.bench_function(name, |b| {
            b.iter(|| {
                term.draw(|f| sukima::tui::draw(&app, f)).unwrap();
            });
        });
    }
    // Last, on its own database: it adds an entry per iteration.
    let scratch = tempfile::tempdir().unwrap();
    let mut store = Store::open(&large_db(scratch.path())).unwrap();
    group.bench_function("write_log", |b| {
        let entry = LogEntry {
            id: None,
            badge: "b001".into(),
            date: now().date(),
            start: None,
            minutes: 5,
            note: None,
        };
        b.iter(|| sukima::changes::add_log(&mut store, &entry).unwrap());
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
