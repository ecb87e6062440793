//! The grammar as a table: input, fixed now, fixed badges, the exact result.

mod cases;

use super::*;
use crate::domain::dates::{parse_datetime, parse_hm, parse_ymd};
use crate::domain::spare::{WindowKind, parse_days};
use chrono::NaiveDateTime;

type Want = Result<Intent, String>;

/// Wednesday 2027-01-06, 08:00.
pub(super) fn now() -> NaiveDateTime {
    dt("2027-01-06T08:00")
}

fn dt(s: &str) -> NaiveDateTime {
    parse_datetime(s).unwrap()
}

fn badge(key: &str, name: &str, archived: bool) -> Badge {
    Badge {
        key: key.into(),
        name: name.into(),
        archived,
        ..Badge::default()
    }
}

pub(super) fn badges() -> Vec<Badge> {
    vec![
        badge(
            "aws-saa",
            "AWS Certified Solutions Architect – Associate",
            false,
        ),
        badge(
            "cp4d-admin",
            "IBM Cloud Pak for Data v4.x Administrator",
            false,
        ),
        badge(
            "az-104",
            "Microsoft Certified: Azure Administrator Associate",
            false,
        ),
        badge("ds-basic", "データサイエンス基礎", false),
        badge("secu-fr", "Sécurité Réseau Avancée", false),
        badge("gcp-ace", "Google Cloud Associate Cloud Engineer", false),
        badge(
            "gcp-pca",
            "Google Cloud Professional Cloud Architect",
            false,
        ),
        badge("sun-java", "Sun Certified Java Programmer", false),
        badge("old-cert", "Legacy Java EE Developer", true),
        badge("old-web", "Legacy Web Developer", true),
    ]
}

fn log(date: &str, start: Option<&str>, minutes: u32, key: &str) -> Want {
    note_log(date, start, minutes, key, None)
}

fn note_log(date: &str, start: Option<&str>, minutes: u32, key: &str, note: Option<&str>) -> Want {
    Ok(Intent::Log(LogEntry {
        id: None,
        badge: key.into(),
        date: parse_ymd(date).unwrap(),
        start: start.map(|s| parse_hm(s).unwrap()),
        minutes,
        note: note.map(Into::into),
    }))
}

fn pin(start: &str, minutes: u32, key: &str) -> Want {
    Ok(Intent::Pin(Pinned {
        id: None,
        badge: key.into(),
        start: dt(start),
        minutes,
    }))
}

fn weekly(
    days: &str,
    start: &str,
    end: &str,
    from: Option<&str>,
    to: Option<&str>,
    label: &str,
) -> Want {
    Ok(Intent::Window(Window {
        id: None,
        kind: WindowKind::Weekly {
            days: parse_days(days).unwrap(),
            start: parse_hm(start).unwrap(),
            end: parse_hm(end).unwrap(),
            from: from.map(|d| parse_ymd(d).unwrap()),
            to: to.map(|d| parse_ymd(d).unwrap()),
        },
        label: label.into(),
    }))
}

fn once(date: &str, start: &str, end: &str, label: &str) -> Want {
    Ok(Intent::Window(Window {
        id: None,
        kind: WindowKind::Once {
            date: parse_ymd(date).unwrap(),
            start: parse_hm(start).unwrap(),
            end: parse_hm(end).unwrap(),
        },
        label: label.into(),
    }))
}

fn off(from: &str, to: &str, label: &str) -> Want {
    Ok(Intent::Window(Window {
        id: None,
        kind: WindowKind::Blackout {
            from: parse_ymd(from).unwrap(),
            to: parse_ymd(to).unwrap(),
        },
        label: label.into(),
    }))
}

fn err(message: &str) -> Want {
    Err(message.into())
}

/// The inputs of the table, for the property tests to edit.
pub(super) fn inputs() -> Vec<String> {
    cases::cases()
        .into_iter()
        .map(|(i, _)| i.to_string())
        .collect()
}

fn check(input: &str, at: NaiveDateTime, want: &Want) -> Option<String> {
    let got = parse(input, at, &badges()).map_err(|e| e.message);
    (got != *want).then(|| format!("{input:?}\n   got  {got:?}\n   want {want:?}"))
}

#[test]
fn the_grammar_table() {
    let all = cases::cases();
    let failures: Vec<String> = all
        .iter()
        .filter_map(|(input, want)| check(input, now(), want))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
    assert!(all.len() >= 80);
}

#[test]
fn depends_on_now() {
    for (input, at, want) in [
        // A log ending now that would start yesterday has no start time.
        (
            "30m #aws-saa",
            "2027-01-06T00:20",
            log("2027-01-06", None, 30, "aws-saa"),
        ),
        (
            "30m #aws-saa",
            "2027-01-06T00:30",
            log("2027-01-06", Some("00:00"), 30, "aws-saa"),
        ),
        // Seconds do not count.
        (
            "30m #aws-saa",
            "2027-01-06T08:00",
            log("2027-01-06", Some("07:30"), 30, "aws-saa"),
        ),
        // During the new-year break, 12/28..1/3 is the current one.
        (
            "off 12/28..1/3",
            "2027-01-02T10:00",
            off("2026-12-28", "2027-01-03", ""),
        ),
        // Halfway between two 1/1s the past one wins.
        (
            "30m #aws-saa 1/1",
            "2027-07-02T12:00",
            log("2027-01-01", None, 30, "aws-saa"),
        ),
        (
            "30m #aws-saa 1/1 9:00",
            "2027-07-03T12:00",
            pin("2028-01-01T09:00", 30, "aws-saa"),
        ),
    ] {
        assert_eq!(check(input, dt(at), &want), None);
    }
    let with_seconds = dt("2027-01-06T08:00") + chrono::Duration::seconds(42);
    assert_eq!(
        check(
            "30m #aws-saa",
            with_seconds,
            &log("2027-01-06", Some("07:30"), 30, "aws-saa")
        ),
        None
    );
}

#[test]
fn errors_point_at_the_token_typed() {
    fn span(s: &str) -> Option<&str> {
        parse(s, now(), &badges()).unwrap_err().span.map(|r| &s[r])
    }
    assert_eq!(span("30m awz"), Some("awz"));
    assert_eq!(span("３０分 ２５：００ データ"), Some("２５：００"));
    assert_eq!(span("30m 1h #aws-saa"), Some("1h"));
    assert_eq!(span("30m #aws-saa tomorow"), Some("tomorow"));
    assert_eq!(span("30m aws solutons x"), Some("aws solutons x"));
    assert_eq!(span("#aws-saa"), None);
    assert_eq!(span("free sat 9:00 - 7:00"), Some("9:00 - 7:00"));
}

#[test]
fn windows_without_the_leading_word() {
    assert_eq!(
        parse_free("weekdays 7:10-7:40 commute", now()).map_err(|e| e.message),
        weekly("weekdays", "07:10", "07:40", None, None, "commute").map(|i| match i {
            Intent::Window(w) => w,
            _ => unreachable!(),
        })
    );
    assert!(parse_free("free sat 9-11", now()).is_ok());
    assert_eq!(
        parse_off("12/28..1/3", now()).map(|w| w.kind),
        parse_off("off 12/28..1/3", now()).map(|w| w.kind)
    );
    assert_eq!(
        parse_free("off tomorrow", now()).unwrap_err().message,
        "'off' starts days off, but spare time is expected here"
    );
    assert_eq!(
        parse_off("空き sat 9-11", now()).unwrap_err().message,
        "'空き' starts spare time, but days off is expected here"
    );
}

#[test]
fn the_end_of_time_is_an_error_not_a_panic() {
    let end = chrono::NaiveDate::MAX.and_hms_opt(23, 0, 0).unwrap();
    assert_eq!(
        parse("30m #aws-saa tomorrow 7:00", end, &badges())
            .unwrap_err()
            .message,
        "'tomorrow' is too far from today"
    );
    assert!(parse("off 12/28..1/3", end, &badges()).is_err());
    assert!(parse("30m #aws-saa 23:30", end, &badges()).is_ok());
    // A session earlier today whose end lies past the last date chrono holds.
    let last = chrono::NaiveDate::MAX.and_hms_opt(23, 59, 0).unwrap();
    assert_eq!(
        parse("7:30 24h #aws-saa", last, &badges())
            .unwrap_err()
            .message,
        "24h from 07:30 ends at 07:30, after now: log 16h29m from 07:30, or leave out the time to log 24h ending now"
    );
}

#[test]
fn no_badges_yet() {
    assert_eq!(
        parse("30m aws", now(), &[]).unwrap_err().message,
        "unknown badge 'aws': there are no badges yet, add one first"
    );
}

#[test]
fn tab_goes_round_the_candidates() {
    let b = badges();
    let n = |s: &str, k: usize| complete_key_nth(s, &b, k);
    assert_eq!(n("30m #gcp-", 0), Some("30m #gcp-ace ".into()));
    assert_eq!(n("30m #gcp-", 1), Some("30m #gcp-pca ".into()));
    assert_eq!(n("30m #gcp-", 2), Some("30m #gcp-ace ".into()));
    assert_eq!(n("30m #zz", 0), None);
    assert_eq!(n("30m aws", 0), None);
}

#[test]
fn completes_keys() {
    let b = badges();
    let c = |s: &str| complete_key(s, &b);
    assert_eq!(c("30m #aw"), Some("30m #aws-saa ".into()));
    assert_eq!(c("30m #gcp"), Some("30m #gcp-".into()));
    assert_eq!(c("30m #gcp-"), None);
    assert_eq!(c("30m #g"), Some("30m #gcp-".into()));
    assert_eq!(c("30m #AZ"), Some("30m #az-104 ".into()));
    assert_eq!(c("30分 ＃ds"), Some("30分 #ds-basic ".into()));
    assert_eq!(c("30分＃ds"), Some("30分#ds-basic ".into()));
    assert_eq!(c("30m #old"), Some("30m #old-".into()));
    assert_eq!(c("30m #old-c"), Some("30m #old-cert ".into()));
    assert_eq!(c("30m #aws-saa "), None);
    assert_eq!(c("30m #zz"), None);
    assert_eq!(c("30m aws"), None);
    assert_eq!(c("30m #aws-saa -- see #aw"), None);
    assert_eq!(c("30m \"see #aw"), None);
    assert_eq!(c(""), None);
    let keys: Vec<&str> = key_candidates("30m #gcp", &b)
        .iter()
        .map(|b| b.key.as_str())
        .collect();
    assert_eq!(keys, ["gcp-ace", "gcp-pca"]);
}
