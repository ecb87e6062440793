use super::*;
use crate::io::ics::import_busy;
use chrono::{NaiveDateTime, TimeZone};
use ical::parser::ical::component::IcalCalendar;
use proptest::prelude::*;

const GOLDEN: &str = include_str!("../../../../tests/data/ics/export-small.ics");

fn t(s: &str) -> NaiveDateTime {
    s.parse().unwrap()
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn stamp() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap()
}

fn session(key: &str, name: &str, start: &str, end: &str, pinned: bool) -> ExportSession {
    ExportSession {
        badge_key: key.into(),
        badge_name: name.into(),
        start: t(start),
        end: t(end),
        pinned,
        step: None,
        url: None,
    }
}

/// Two sessions (one pinned, one with a Japanese name) and the dates of three badges.
fn small() -> (Vec<ExportSession>, Vec<BadgeDates>) {
    let sessions = vec![
        session(
            "ds-basics",
            "データサイエンス基礎・機械学習入門コース",
            "2027-01-06T21:00:00",
            "2027-01-06T21:45:00",
            true,
        ),
        session(
            "aws-saa",
            "AWS SAA; Associate, C02",
            "2027-01-05T07:30:00",
            "2027-01-05T08:00:00",
            false,
        ),
    ];
    let badges = vec![
        BadgeDates {
            key: "aws-saa".into(),
            name: "AWS SAA; Associate, C02".into(),
            expires_on: Some(d("2027-03-31")),
            renewal_opens: Some(d("2027-01-01")),
            ..BadgeDates::default()
        },
        BadgeDates {
            key: "ds-basics".into(),
            name: "データサイエンス基礎・機械学習入門コース".into(),
            retires_on: Some(d("2027-12-31")),
            ..BadgeDates::default()
        },
        BadgeDates {
            key: "ds-v2".into(),
            name: "データサイエンス v2".into(),
            available_on: Some(d("2027-03-31")),
            ..BadgeDates::default()
        },
    ];
    (sessions, badges)
}

fn export_small() -> String {
    let (sessions, badges) = small();
    export_calendar(&sessions, &badges, Tz::Asia__Tokyo, stamp())
}

fn parse_with_ical(text: &str) -> IcalCalendar {
    let mut parser = ical::IcalParser::new(text.as_bytes());
    let calendar = parser.next().expect("a calendar").expect("parses");
    assert!(parser.next().is_none(), "one calendar only");
    calendar
}

/// Unescapes a TEXT value as RFC 5545 says, independently of the code under test (the
/// `ical` crate leaves values escaped).
fn unescape(v: &str) -> String {
    let mut out = String::new();
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out
}

fn value<'a>(props: &'a [ical::property::Property], name: &str) -> Option<&'a str> {
    props
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

fn param<'a>(props: &'a [ical::property::Property], name: &str, param: &str) -> Option<&'a str> {
    let p = props.iter().find(|p| p.name == name)?;
    let (_, values) = p.params.as_ref()?.iter().find(|(n, _)| n == param)?;
    values.first().map(String::as_str)
}

#[test]
fn golden_output() {
    let out = export_small();
    if out != GOLDEN {
        // Show the difference line by line, CRs visible.
        for (i, (a, b)) in out.split('\n').zip(GOLDEN.split('\n')).enumerate() {
            assert_eq!(a, b, "line {}", i + 1);
        }
        assert_eq!(out.len(), GOLDEN.len());
    }
}

/// Every line ends in CRLF, is at most 75 octets, and is valid UTF-8 on its own (so no
/// fold split a character).
fn assert_well_formed(out: &str) {
    assert!(out.ends_with("\r\n"));
    let bytes = out.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            assert_eq!(bytes.get(i.wrapping_sub(1)), Some(&b'\r'), "bare LF at {i}");
        }
        if *b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at {i}");
        }
    }
    for line in bytes.split(|b| *b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        assert!(line.len() <= 75, "{} octets", line.len());
        assert!(
            std::str::from_utf8(line).is_ok(),
            "a fold split a character"
        );
    }
}

#[test]
fn crlf_75_octets_and_whole_characters() {
    assert_well_formed(&export_small());
    let long = "クラウド・アーキテクト認定資格（プロフェッショナル）更新のための学習セッション";
    let sessions = [session(
        "cloud-arch",
        long,
        "2027-01-05T07:30:00",
        "2027-01-05T08:00:00",
        true,
    )];
    let badges = [BadgeDates {
        key: "cloud-arch".into(),
        name: long.into(),
        expires_on: Some(d("2027-06-30")),
        ..BadgeDates::default()
    }];
    let out = export_calendar(&sessions, &badges, Tz::Asia__Tokyo, stamp());
    assert_well_formed(&out);
    assert!(out.contains("\r\n "), "long names are folded");
    let cal = parse_with_ical(&out);
    for e in &cal.events {
        let summary = unescape(value(&e.properties, "SUMMARY").unwrap());
        assert!(summary.contains(long), "{summary}");
    }
}

#[test]
fn text_is_escaped() {
    let sessions = [session(
        "odd",
        "a;b,c\\d\nsecond line",
        "2027-01-05T07:30:00",
        "2027-01-05T08:00:00",
        false,
    )];
    let out = export_calendar(&sessions, &[], Tz::Asia__Tokyo, stamp());
    assert!(
        out.contains("SUMMARY:Study: a\\;b\\,c\\\\d\\nsecond line\r\n"),
        "{out}"
    );
}

#[test]
fn the_ical_crate_reads_it_back() {
    let cal = parse_with_ical(&export_small());
    assert_eq!(
        value(&cal.properties, "PRODID"),
        Some("-//sukima//sukima//EN")
    );
    assert_eq!(value(&cal.properties, "VERSION"), Some("2.0"));
    assert_eq!(value(&cal.properties, "CALSCALE"), Some("GREGORIAN"));
    assert_eq!(cal.timezones.len(), 1);
    assert_eq!(
        value(&cal.timezones[0].properties, "TZID"),
        Some("Asia/Tokyo")
    );

    let events: Vec<(String, String, String)> = cal
        .events
        .iter()
        .map(|e| {
            let p = &e.properties;
            (
                value(p, "UID").unwrap().to_string(),
                value(p, "DTSTART").unwrap().to_string(),
                unescape(value(p, "SUMMARY").unwrap()),
            )
        })
        .collect();
    let want = [
        (
            "session-aws-saa-20270105T0730@sukima",
            "20270105T073000",
            "Study: AWS SAA; Associate, C02",
        ),
        (
            "session-ds-basics-20270106T2100@sukima",
            "20270106T210000",
            "Study: データサイエンス基礎・機械学習入門コース (pinned)",
        ),
        (
            "renewal-aws-saa-20270101@sukima",
            "20270101",
            "AWS SAA; Associate, C02: renewal window opens",
        ),
        (
            "expiry-reminder-aws-saa-20270331@sukima",
            "20270130",
            "AWS SAA; Associate, C02 expires in 60 days",
        ),
        (
            "available-ds-v2-20270331@sukima",
            "20270331",
            "データサイエンス v2 becomes available",
        ),
        (
            "expiry-aws-saa-20270331@sukima",
            "20270331",
            "AWS SAA; Associate, C02 expires",
        ),
        (
            "retirement-ds-basics-20271231@sukima",
            "20271231",
            "データサイエンス基礎・機械学習入門コース retires",
        ),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(events, want);

    let session = &cal.events[0].properties;
    assert_eq!(param(session, "DTSTART", "TZID"), Some("Asia/Tokyo"));
    assert_eq!(param(session, "DTEND", "TZID"), Some("Asia/Tokyo"));
    assert_eq!(value(session, "DTEND"), Some("20270105T080000"));
    assert_eq!(value(session, "DTSTAMP"), Some("20270101T000000Z"));
    for e in &cal.events[2..] {
        assert_eq!(param(&e.properties, "DTSTART", "VALUE"), Some("DATE"));
        assert_eq!(value(&e.properties, "TRANSP"), Some("TRANSPARENT"));
    }
}

#[test]
fn alarm_sixty_days_before_each_expiry() {
    let cal = parse_with_ical(&export_small());
    let with_alarms: Vec<&str> = cal
        .events
        .iter()
        .filter(|e| !e.alarms.is_empty())
        .map(|e| value(&e.properties, "UID").unwrap())
        .collect();
    assert_eq!(with_alarms, ["expiry-aws-saa-20270331@sukima"]);
    let expiry = cal
        .events
        .iter()
        .find(|e| value(&e.properties, "UID") == Some("expiry-aws-saa-20270331@sukima"))
        .unwrap();
    let alarm = &expiry.alarms[0].properties;
    assert_eq!(value(alarm, "ACTION"), Some("DISPLAY"));
    assert_eq!(value(alarm, "TRIGGER"), Some("-P60D"));
    assert_eq!(
        unescape(value(alarm, "DESCRIPTION").unwrap()),
        "AWS SAA; Associate, C02 expires in 60 days"
    );
}

#[test]
fn same_input_same_uids_and_text() {
    let (mut sessions, mut badges) = small();
    let first = export_small();
    sessions.reverse();
    badges.reverse();
    let again = export_calendar(&sessions, &badges, Tz::Asia__Tokyo, stamp());
    assert_eq!(first, again, "order of the input does not matter");
    // A later export (new DTSTAMP) keeps every UID.
    let later = export_calendar(
        &sessions,
        &badges,
        Tz::Asia__Tokyo,
        Utc.with_ymd_and_hms(2027, 2, 1, 12, 0, 0).unwrap(),
    );
    let uids = |text: &str| -> Vec<String> {
        text.lines()
            .filter_map(|l| l.strip_prefix("UID:"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(uids(&first), uids(&later));
    assert_ne!(first, later);
}

#[test]
fn zones_with_daylight_saving_get_both_observances() {
    let sessions = [
        session(
            "a",
            "A",
            "2027-03-01T07:30:00",
            "2027-03-01T08:00:00",
            false,
        ),
        session(
            "a",
            "A",
            "2027-07-01T07:30:00",
            "2027-07-01T08:00:00",
            false,
        ),
    ];
    let out = export_calendar(&sessions, &[], Tz::America__New_York, stamp());
    assert_well_formed(&out);
    let cal = parse_with_ical(&out);
    let kinds: Vec<String> = cal.timezones[0]
        .transitions
        .iter()
        .map(|t| format!("{:?}", t.transition))
        .collect();
    assert_eq!(kinds, ["STANDARD", "DAYLIGHT", "STANDARD"]);
    assert!(out.contains("DTSTART;TZID=America/New_York:20270701T073000\r\n"));
}

#[test]
fn nothing_to_export_is_still_a_calendar() {
    let out = export_calendar(&[], &[], Tz::Asia__Tokyo, stamp());
    assert_eq!(
        out,
        "BEGIN:VCALENDAR\r\nPRODID:-//sukima//sukima//EN\r\nVERSION:2.0\r\n\
         CALSCALE:GREGORIAN\r\nX-WR-CALNAME:sukima\r\nEND:VCALENDAR\r\n"
    );
    assert!(parse_with_ical(&out).events.is_empty());
}

#[test]
fn an_empty_session_has_no_end() {
    let sessions = [session(
        "a",
        "A",
        "2027-03-01T07:30:00",
        "2027-03-01T07:30:00",
        false,
    )];
    let out = export_calendar(&sessions, &[], Tz::Asia__Tokyo, stamp());
    assert!(out.contains("DTSTART;TZID=Asia/Tokyo:20270301T073000\r\n"));
    assert!(!out.contains("DTEND"));
}

#[test]
fn dates_of_a_badge() {
    let held = Badge {
        key: "az-104".into(),
        name: "Azure Administrator".into(),
        earned_on: Some(d("2026-04-01")),
        expires_on: Some(d("2027-04-01")),
        ..Badge::default()
    };
    let dates = BadgeDates::from_badge(&held, 180);
    assert_eq!(dates.expires_on, Some(d("2027-04-01")));
    assert_eq!(dates.renewal_opens, Some(d("2026-10-03")));
    assert_eq!((dates.retires_on, dates.available_on), (None, None));

    // Retired before it expires, no replacement: no renewal to open.
    let retiring = Badge {
        retires_on: Some(d("2026-12-31")),
        ..held.clone()
    };
    let dates = BadgeDates::from_badge(&retiring, 180);
    assert_eq!(dates.renewal_opens, None);
    assert_eq!(dates.retires_on, Some(d("2026-12-31")));

    let target = Badge {
        key: "az-104-v2".into(),
        available_on: Some(d("2027-03-31")),
        expires_on: None,
        earned_on: None,
        ..held
    };
    let dates = BadgeDates::from_badge(&target, 180);
    assert_eq!(dates.available_on, Some(d("2027-03-31")));
    assert_eq!((dates.expires_on, dates.renewal_opens), (None, None));
}

#[test]
fn pinned_sessions_convert() {
    let pinned = Pinned {
        id: Some(3),
        badge: "aws-saa".into(),
        start: t("2027-01-05T07:30:00"),
        minutes: 45,
    };
    let s = ExportSession::from_pinned(&pinned, "AWS SAA");
    assert_eq!(s.end, t("2027-01-05T08:15:00"));
    assert!(s.pinned);
}

#[test]
fn import_reads_the_sessions_back_as_busy_time() {
    let out = export_small();
    let busy = import_busy(
        out.as_bytes(),
        "export.ics",
        Tz::Asia__Tokyo,
        t("2027-01-01T00:00:00")..t("2028-01-01T00:00:00"),
    )
    .unwrap();
    let got: Vec<(String, String, String)> = busy
        .events
        .iter()
        .map(|e| {
            (
                e.start.to_string(),
                e.end.to_string(),
                e.summary.to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "2027-01-05 07:30:00".to_string(),
                "2027-01-05 08:00:00".to_string(),
                "Study: AWS SAA; Associate, C02".to_string()
            ),
            (
                "2027-01-06 21:00:00".to_string(),
                "2027-01-06 21:45:00".to_string(),
                "Study: データサイエンス基礎・機械学習入門コース (pinned)".to_string()
            ),
        ]
    );
    // The all-day events are transparent: marked, not busy.
    assert_eq!(busy.skipped.len(), 5);
    // In New York, the Tokyo sessions are the evening before.
    let ny = import_busy(
        out.as_bytes(),
        "export.ics",
        Tz::America__New_York,
        t("2027-01-01T00:00:00")..t("2028-01-01T00:00:00"),
    )
    .unwrap();
    assert_eq!(ny.events[0].start, t("2027-01-04T17:30:00"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any name, in any language and with any punctuation or control characters, gives
    /// well-formed lines and comes back as it was (control characters other than line
    /// breaks and tabs dropped, line breaks as LF): exactly through an RFC 5545 reader, and
    /// through an independent parser too.
    #[test]
    fn any_name_round_trips(name in "[a-z ;,\\\\\\n\\r\\t\u{3}あ-ん漢字😀é]{0,120}") {
        let sessions = [session("k", &name, "2027-01-05T07:30:00", "2027-01-05T08:00:00", false)];
        let out = export_calendar(&sessions, &[], Tz::Asia__Tokyo, stamp());
        assert_well_formed(&out);
        let want = format!("Study: {}", name.replace("\r\n", "\n").replace('\r', "\n").replace('\u{3}', ""));
        let (tree, problems) = crate::io::ics::lines::parse(&out);
        prop_assert!(problems.is_empty());
        let event = tree[0].children.iter().find(|c| c.name == "VEVENT").unwrap();
        prop_assert_eq!(unescape(&event.prop("SUMMARY").unwrap().value), want.clone());
        // The ical crate trims white space at the ends of physical lines, which RFC 5545
        // unfolding keeps. Folds avoid white space where they can; where the text leaves no
        // choice (white space every other character), compare without it.
        let cal = parse_with_ical(&out);
        let summary = unescape(value(&cal.events[0].properties, "SUMMARY").unwrap());
        let pieces: Vec<&str> = out.split("\r\n ").collect();
        let fold_by_space = pieces.windows(2).any(|w| {
            w[0].ends_with(char::is_whitespace) || w[1].starts_with(char::is_whitespace)
        });
        if fold_by_space {
            let solid = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            prop_assert_eq!(solid(&summary), solid(&want));
        } else {
            prop_assert_eq!(summary.trim_end(), want.trim_end());
        }
    }
}

/// The `VTIMEZONE` written for a zone, read back under a name that is not an IANA zone
/// (so the reader must use the definition), gives the same instants as the tz database.
#[test]
fn written_zone_definitions_match_the_tz_database() {
    let sessions: Vec<ExportSession> = (0..48)
        .map(|i| {
            let day = d("2027-01-03") + chrono::Days::new(i * 15);
            let start = day.and_hms_opt(1, 30, 0).unwrap();
            ExportSession {
                badge_key: format!("k{i}"),
                badge_name: "N".into(),
                start,
                end: start + chrono::TimeDelta::minutes(45),
                pinned: false,
                step: None,
                url: None,
            }
        })
        .collect();
    for tz in [
        Tz::America__New_York,
        Tz::Europe__London,
        Tz::Europe__Dublin,
        Tz::Australia__Sydney,
        Tz::America__St_Johns,
        Tz::Asia__Tokyo,
        Tz::Asia__Kolkata,
    ] {
        let out = export_calendar(&sessions, &[], tz, stamp());
        let renamed = out
            .replace(&format!("TZID={}:", tz.name()), "TZID=Custom Zone:")
            .replace(&format!("TZID:{}\r\n", tz.name()), "TZID:Custom Zone\r\n");
        assert!(!renamed.contains(tz.name()), "{tz}");
        let range = t("2026-01-01T00:00:00")..t("2030-01-01T00:00:00");
        let read = |text: &str| import_busy(text.as_bytes(), "x", Tz::UTC, range.clone()).unwrap();
        let (by_name, by_definition) = (read(&out), read(&renamed));
        assert!(
            by_definition.notes.is_empty(),
            "{tz}: {:?}",
            by_definition.notes
        );
        assert_eq!(by_name.events.len(), 48);
        assert_eq!(by_name.events, by_definition.events, "{tz}");
    }
}

#[test]
fn a_session_names_its_step_with_the_address_to_open() {
    let mut s = session(
        "cp4d",
        "Cloud Pak",
        "2027-01-04T07:10:00",
        "2027-01-04T07:40:00",
        false,
    );
    s.step = Some("Module 2: Data governance · 30 of 45m".into());
    s.url = Some("https://example.com/m2?a=1,2".into());
    let text = export_calendar(&[s], &[], Tz::Asia__Tokyo, stamp());
    let unfolded = text.replace("\r\n ", "");
    assert!(
        unfolded.contains("SUMMARY:Study: Cloud Pak: Module 2: Data governance · 30 of 45m\r\n"),
        "{unfolded}"
    );
    assert!(
        unfolded.contains(
            "DESCRIPTION:Module 2: Data governance · 30 of 45m\\nhttps://example.com/m2?a=1\\,2\r\n"
        ),
        "{unfolded}"
    );
    assert!(
        unfolded.contains("URL:https://example.com/m2?a=1,2\r\n"),
        "{unfolded}"
    );
}
