//! Properties: no input panics, parsing is deterministic, the minutes typed are the
//! minutes written, and whatever parses is a valid entry. The long run
//! (`SUKIMA_FUZZ_CASES=N cargo test --lib fuzz_long -- --ignored`) is the same over many
//! more cases.

use super::tests::{badges, now};
use super::*;
use crate::domain::spare::validate;
use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

/// Pieces of the grammar, good and bad, to build token soup from.
const PIECES: &[&str] = &[
    "30m",
    "1h",
    "1.5h",
    "90分",
    "1時間半",
    "1時間30分",
    "0m",
    "25h",
    "24h",
    "1.33h",
    "-5m",
    "45",
    "min",
    "h",
    "分",
    "時間",
    "#aws-saa",
    "＃cp4d-admin",
    "#",
    "#awz",
    "#old-cert",
    "aws",
    "データ",
    "ﾃﾞｰﾀ",
    "cloud",
    "admin",
    "sun",
    "java",
    "securite",
    "today",
    "yesterday",
    "tomorrow",
    "今日",
    "昨日",
    "明日",
    "一昨日",
    "mon",
    "wed",
    "土曜",
    "水曜日",
    "月",
    "next",
    "last",
    "every",
    "毎週",
    "7:30",
    "７：３０",
    "19:00",
    "7pm",
    "12am",
    "13pm",
    "@7",
    "@",
    "at",
    "7時",
    "7時半",
    "午後",
    "午前",
    "pm",
    "noon",
    "25:00",
    "24:00",
    "9-11",
    "7:10〜7:40",
    "19-21",
    "8:00-7:00",
    "7-9pm",
    "9時から11時まで",
    "12/28..1/3",
    "..",
    "-",
    "〜",
    "から",
    "まで",
    "to",
    "from",
    "until",
    "1/5",
    "2/29",
    "2/30",
    "2027-01-05",
    "2027-02-30",
    "2027/1/5",
    "1月5日",
    "weekdays",
    "平日",
    "週末",
    "daily",
    "mon,wed,fri",
    "月・水・金",
    "mon-fri",
    "free",
    "off",
    "空き",
    "休み",
    "--",
    "—",
    "\"",
    "「",
    "」",
    "“",
    "”",
    "note",
    "ch 3",
    "é",
    "\u{301}",
    "\u{3099}",
    "ｶﾞ",
    "㍻",
    "½",
    "\u{0}",
    "\u{202e}",
    "🙂",
    "İ",
    "ß",
    "\u{fffd}",
];

const SEPARATORS: &[&str] = &[" ", " ", " ", "", "\u{3000}", "  ", "\t"];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(PIECES),
            prop::sample::select(SEPARATORS),
        ),
        0..10,
    )
    .prop_map(|v| v.into_iter().map(|(p, s)| format!("{p}{s}")).collect())
}

/// A valid line from the table, edited at random: characters inserted, removed or
/// repeated.
fn mutated() -> impl Strategy<Value = String> {
    let lines: Vec<String> = super::tests::inputs();
    let edit = (
        any::<prop::sample::Index>(),
        0u8..3,
        prop::sample::select(PIECES),
    );
    (
        prop::sample::select(lines),
        prop::collection::vec(edit, 1..4),
    )
        .prop_map(|(line, edits)| {
            let mut chars: Vec<String> = line.chars().map(String::from).collect();
            for (at, op, piece) in edits {
                let i = at.index(chars.len() + 1);
                match op {
                    0 => chars.insert(i, piece.to_string()),
                    1 if i < chars.len() => {
                        chars.remove(i);
                    }
                    _ if i < chars.len() => {
                        let c = chars[i].clone();
                        chars.insert(i, c);
                    }
                    _ => {}
                }
            }
            chars.concat()
        })
}

/// Mostly the table's `now`, sometimes any date chrono holds, including its ends.
fn any_now() -> impl Strategy<Value = NaiveDateTime> {
    prop_oneof![
        4 => Just(now()),
        1 => (-200_000i32..200_000, 1u32..=366, 0u32..1440).prop_map(|(y, d, m)| {
            NaiveDate::from_yo_opt(y, d)
                .unwrap_or(NaiveDate::MIN)
                .and_hms_opt(m / 60, m % 60, 0)
                .unwrap_or_default()
        }),
        1 => prop::sample::select(vec![
            NaiveDate::MIN.and_hms_opt(0, 0, 0).unwrap_or_default(),
            NaiveDate::MAX.and_hms_opt(23, 59, 0).unwrap_or_default(),
            NaiveDate::MAX.and_hms_opt(0, 5, 0).unwrap_or_default(),
        ]),
    ]
}

/// What must hold for any input: no panic, the same answer twice, a preview for every
/// success, and only valid entries.
fn holds(text: &str, at: NaiveDateTime) -> Result<(), TestCaseError> {
    let b = badges();
    let first = parse(text, at, &b);
    prop_assert_eq!(&first, &parse(text, at, &b));
    let _ = complete_key(text, &b);
    let _ = key_candidates(text, &b);
    match &first {
        Ok(intent) => {
            let now = super::when::minute_of(at);
            match intent {
                Intent::Log(e) => {
                    prop_assert!((1..=1440).contains(&e.minutes));
                    prop_assert!(e.date <= now.date());
                    if let Some(s) = e.start {
                        prop_assert!(e.date.and_time(s) < now);
                    }
                }
                Intent::Pin(p) => {
                    prop_assert!((1..=1440).contains(&p.minutes));
                    prop_assert!(p.start >= now);
                }
                Intent::Window(w) => prop_assert!(validate(&w.kind).is_ok()),
            }
        }
        Err(e) => {
            prop_assert!(!e.message.is_empty() && !e.message.contains('\n'));
            if let Some(r) = &e.span {
                prop_assert!(text.get(r.clone()).is_some(), "span {:?} of {:?}", r, text);
            }
        }
    }
    Ok(())
}

/// A duration of `m` minutes, written in one of the ways users type it.
fn typed(m: u32, style: u8) -> String {
    let (h, r) = (m / 60, m % 60);
    match style % 6 {
        0 => format!("{m}m"),
        1 => format!("{m}分"),
        2 if h > 0 && r > 0 => format!("{h}h{r}m"),
        3 if h > 0 && r > 0 => format!("{h}時間{r}分"),
        4 => format!("{m} min"),
        _ if r == 0 => format!("{h}h"),
        _ => format!("{m}min"),
    }
}

/// ASCII letters, digits and punctuation as a Japanese IME types them.
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            ' ' => '\u{3000}',
            c => c,
        })
        .collect()
}

/// A study line with a duration of `m` minutes and other tokens in any order.
fn study_line() -> impl Strategy<Value = (u32, String)> {
    let badge = prop::sample::select(vec![
        "#aws-saa",
        "aws",
        "データ",
        "#ds-basic",
        "azure",
        "ﾃﾞｰﾀ",
    ]);
    let day = prop::sample::select(vec![
        "",
        "today",
        "yesterday",
        "昨日",
        "mon",
        "fri",
        "last fri",
        "1/5",
        "2027-01-02",
        "tomorrow",
        "明日",
        "12/31",
        "next sat",
    ]);
    let time = prop::sample::select(vec![
        "",
        "7:00",
        "6:15",
        "19:00",
        "7pm",
        "@7:45",
        "7時",
        "午後9時",
        "7時半",
        "at 23:59",
    ]);
    let note = prop::sample::select(vec!["", "-- ch 3", "\"review\"", "「第3章」"]);
    (
        1u32..=1440,
        any::<u8>(),
        badge,
        day,
        time,
        note,
        any::<bool>(),
    )
        .prop_flat_map(|(m, style, badge, day, time, note, wide)| {
            let parts: Vec<String> = [typed(m, style), badge.into(), day.into(), time.into()]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect();
            (Just(parts).prop_shuffle(), Just((m, note, wide))).prop_map(
                |(mut parts, (m, note, wide))| {
                    if !note.is_empty() {
                        parts.push(note.into());
                    }
                    let line = parts.join(" ");
                    (m, if wide { full_width(&line) } else { line })
                },
            )
        })
}

fn minutes_kept((m, line): (u32, String)) -> Result<(), TestCaseError> {
    match parse(&line, now(), &badges()) {
        Ok(Intent::Log(e)) => prop_assert_eq!(e.minutes, m, "{}", line),
        Ok(Intent::Pin(p)) => prop_assert_eq!(p.minutes, m, "{}", line),
        Ok(other) => prop_assert!(false, "{} gave {:?}", line, other),
        Err(e) => prop_assert!(
            e.message.starts_with("add a time for a session")
                || e.message.contains("a note goes with study done")
                || e.message.contains(", after now: log "),
            "{} failed: {}",
            line,
            e
        ),
    }
    Ok(())
}

fn run<S: Strategy>(cases: u32, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>) {
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    if let Err(e) = runner.run(&strategy, test) {
        panic!("{e}");
    }
}

#[test]
fn arbitrary_text_never_panics() {
    run(400, (any::<String>(), any_now()), |(s, at)| holds(&s, at));
}

#[test]
fn token_soup_never_panics() {
    run(600, (soup(), any_now()), |(s, at)| holds(&s, at));
}

#[test]
fn edited_lines_never_panic() {
    run(400, (mutated(), any_now()), |(s, at)| holds(&s, at));
}

#[test]
fn the_minutes_typed_are_the_minutes_written() {
    run(600, study_line(), minutes_kept);
}

/// The long run: `SUKIMA_FUZZ_CASES` cases of each strategy (default 50 000).
#[test]
#[ignore = "long: run with SUKIMA_FUZZ_CASES=N cargo test --lib fuzz_long -- --ignored"]
fn fuzz_long() {
    let cases: u32 = std::env::var("SUKIMA_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50_000);
    let started = std::time::Instant::now();
    run(cases, (any::<String>(), any_now()), |(s, at)| holds(&s, at));
    run(cases, (soup(), any_now()), |(s, at)| holds(&s, at));
    run(cases, (mutated(), any_now()), |(s, at)| holds(&s, at));
    run(cases, study_line(), minutes_kept);
    eprintln!(
        "fuzz_long: 4 x {cases} cases, no failure, {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

/// A pasted wall of text is answered, as an error that names what is wrong or as an entry,
/// never a panic. How fast (at once, not after a quadratic search) is measured by the
/// `input/quick_add_long` benchmark, with these same texts, not by the wall clock here.
#[test]
fn long_input_is_answered() {
    let b = badges();
    for text in LONG_INPUTS.iter().map(|make| make()) {
        let _ = complete_key(&text, &b);
        assert!(holds(&text, now()).is_ok(), "{}…", &text[..12]);
    }
}

/// Walls of text that once took quadratic time (`benches/input.rs` times the same list).
const LONG_INPUTS: [fn() -> String; 10] = [
    || "-".repeat(20_000),
    || "1-".repeat(10_000),
    || "7:30-".repeat(4_000),
    || "データ".repeat(6_000),
    || "30分".repeat(6_000),
    || format!("30m {}", "aws ".repeat(4_000)),
    || format!("30m #{}", "a".repeat(20_000)),
    || "\"".repeat(10_001),
    || "a b ".repeat(10_000),
    || "7 pm ".repeat(4_000),
];
