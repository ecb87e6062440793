//! The real-calendar corpus (`tests/data/ics/corpus`, from the test suite of Python's
//! `icalendar`; see its README): every file imports without a whole-file refusal except
//! the ones that are not calendars, and the busy time sukima reads matches an independent
//! expansion (`expected.json`, written once by `expand.py` with `recurring-ical-events`),
//! event by event, wherever both read the event. Every difference is named and explained
//! below; a new or vanished difference fails the test.

use chrono::NaiveDateTime;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use sukima::io::ics::import::import_busy;

/// Files sukima refuses whole, and why: none of them is an iCalendar file (nor one of
/// its components saved on its own).
const REFUSED: &[(&str, &str)] = &[
    (
        "calendars/fuzz_testcase_0_char_in_component_name.ics",
        "a fuzzer's file: `BeGIN:` and a NUL byte",
    ),
    (
        "calendars/fuzz_testcase_invalid_month.ics",
        "a fuzzer's file: `BEGIN:V` and a stray RRULE",
    ),
    (
        "calendars/issue_178_component_with_invalid_name_represented.ics",
        "a custom component `MYCOMP`, no calendar",
    ),
    (
        "calendars/issue_178_custom_component_contains_other.ics",
        "a custom component `MYCOMPTOO` around an event, no calendar",
    ),
];

/// Why a `TZID` that is neither an IANA name nor defined in the file differs: sukima
/// reads such times as local time and says so in a note (DESIGN 8); `icalendar` guesses
/// a zone from the words ("Western/Central Europe" as Europe/Berlin, one hour ahead).
const UNKNOWN_TZID: &str = "TZID \"Western/Central Europe\" is neither an IANA name nor \
    defined in the file: sukima reads it as local time with a note, icalendar guesses CET";

/// Why khal's and Lotus Notes' series differ: they write a meeting series as one
/// `RECURRENCE-ID;RANGE=THISANDFUTURE` override whose `RDATE` periods are the meetings.
/// sukima reads every `RDATE` period of it as busy (the meetings the file lists);
/// `recurring-ical-events` reads an override as its own single occurrence. The periods
/// also name an undefined TZID ("Central Standard Time", "Western/Central Europe"),
/// which sukima reads as local time.
const THISANDFUTURE_RDATES: &str = "a THISANDFUTURE override listing its meetings as RDATE \
    periods: sukima reads each period, the expansion only the override itself";

/// Events where sukima's busy time differs from the independent expansion, and why.
/// `""` is the events without a UID.
const DIFFERENCES: &[(&str, &str, &str)] = &[
    (
        "calendars/issue_156_RDATE_with_PERIOD_TZID_khal.ics",
        "",
        THISANDFUTURE_RDATES,
    ),
    (
        "calendars/issue_156_RDATE_with_PERIOD_TZID_khal_2.ics",
        "BF5109494E67AAE20025875100566D31-Lotus_Notes_Generated",
        THISANDFUTURE_RDATES,
    ),
    (
        "calendars/issue_526_calendar_with_different_events.ics",
        "ical-jacadzaca-3",
        UNKNOWN_TZID,
    ),
    (
        "calendars/issue_526_calendar_with_different_events.ics",
        "ical-jacadzaca-4",
        UNKNOWN_TZID,
    ),
    (
        "calendars/issue_526_calendar_with_event_subset.ics",
        "1",
        UNKNOWN_TZID,
    ),
    (
        "calendars/issue_526_calendar_with_events.ics",
        "1",
        UNKNOWN_TZID,
    ),
    (
        "calendars/issue_526_calendar_with_events.ics",
        "2",
        UNKNOWN_TZID,
    ),
    (
        "calendars/issue_526_calendar_with_shuffeled_events.ics",
        "1",
        UNKNOWN_TZID,
    ),
    (
        "calendars/issue_526_calendar_with_shuffeled_events.ics",
        "2",
        UNKNOWN_TZID,
    ),
];

fn corpus() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ics/corpus")
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "ics") {
            out.push(path);
        }
    }
}

type Spans = Vec<(String, String)>;

#[test]
fn real_calendars_import_and_match_an_independent_expansion() {
    let root = corpus();
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("expected.json")).unwrap())
            .unwrap();
    let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap();
    let range =
        t(expected["range"][0].as_str().unwrap())..t(expected["range"][1].as_str().unwrap());
    let mut paths = Vec::new();
    files(&root, &mut paths);
    paths.sort();
    let mut refused = BTreeMap::new();
    let mut differing: BTreeMap<(String, String), String> = BTreeMap::new();
    let (mut imported, mut python_failed, mut compared, mut matching) = (0, 0, 0, 0);
    let (mut events, mut unreadable) = (0, 0);
    for path in &paths {
        let name = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let bytes = std::fs::read(path).unwrap();
        let busy = match import_busy(&bytes, &name, chrono_tz::UTC, range.clone()) {
            Ok(b) => b,
            Err(e) => {
                refused.insert(name.clone(), e.to_string());
                continue;
            }
        };
        imported += 1;
        events += busy.events.len();
        unreadable += busy.unreadable.len();
        let want = &expected["files"][&name];
        assert!(
            !want.is_null(),
            "{name} is not in expected.json: run expand.py"
        );
        if want.get("error").is_some() {
            python_failed += 1;
            continue;
        }
        let mut ours: BTreeMap<String, Spans> = BTreeMap::new();
        for e in &busy.events {
            let uid = if e.uid.starts_with("line-") {
                String::new()
            } else {
                e.uid.to_string()
            };
            ours.entry(uid).or_default().push((
                e.start.format("%Y-%m-%dT%H:%M:%S").to_string(),
                e.end.format("%Y-%m-%dT%H:%M:%S").to_string(),
            ));
        }
        let mut theirs: BTreeMap<String, Spans> = BTreeMap::new();
        for (uid, spans) in want["busy"].as_object().unwrap() {
            let spans = spans
                .as_array()
                .unwrap()
                .iter()
                .map(|s| {
                    (
                        s[0].as_str().unwrap().to_string(),
                        s[1].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            theirs.insert(uid.clone(), spans);
        }
        let python_unreadable: BTreeSet<&str> = want["unreadable"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let our_unreadable: BTreeSet<String> = busy
            .unreadable
            .iter()
            .map(|u| u.uid.clone().unwrap_or_default())
            .collect();
        let uids: BTreeSet<&String> = ours.keys().chain(theirs.keys()).collect();
        for uid in uids {
            if python_unreadable.contains(uid.as_str()) || our_unreadable.contains(uid) {
                continue;
            }
            compared += 1;
            let mut a = ours.get(uid).cloned().unwrap_or_default();
            let mut b = theirs.get(uid).cloned().unwrap_or_default();
            a.sort();
            b.sort();
            if a == b {
                matching += 1;
            } else {
                let first = |v: &Spans| {
                    v.first()
                        .map(|(s, e)| format!("{s}..{e}"))
                        .unwrap_or_default()
                };
                differing.insert(
                    (name.clone(), uid.clone()),
                    format!(
                        "sukima {} spans (first {}), expansion {} (first {})",
                        a.len(),
                        first(&a),
                        b.len(),
                        first(&b)
                    ),
                );
            }
        }
    }
    eprintln!(
        "corpus: {} files; {imported} imported ({events} busy spans, {unreadable} unreadable events left out), {} refused; \
         {python_failed} files the independent expansion cannot read; {compared} events compared, {matching} match, {} differ (explained)",
        paths.len(),
        refused.len(),
        differing.len()
    );
    for (file, why) in &refused {
        eprintln!("  refused {file}: {why}");
    }
    for ((file, uid), what) in &differing {
        eprintln!("  differs {file} {uid:?}: {what}");
    }
    let want_refused: BTreeSet<&str> = REFUSED.iter().map(|r| r.0).collect();
    let got_refused: BTreeSet<&str> = refused.keys().map(String::as_str).collect();
    assert_eq!(got_refused, want_refused, "refused files");
    let want_diff: BTreeSet<(&str, &str)> = DIFFERENCES.iter().map(|d| (d.0, d.1)).collect();
    let got_diff: BTreeSet<(&str, &str)> = differing
        .keys()
        .map(|(f, u)| (f.as_str(), u.as_str()))
        .collect();
    assert_eq!(got_diff, want_diff, "differences");
}
