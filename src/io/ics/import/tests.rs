use super::*;
use proptest::prelude::*;

fn t(s: &str) -> NaiveDateTime {
    s.parse().unwrap()
}

fn data(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/ics/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn import(name: &str, from: &str, to: &str) -> BusyImport {
    import_busy(&data(name), name, Tz::Asia__Tokyo, t(from)..t(to))
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Each event as `start..end summary`, times without seconds.
fn spans(busy: &BusyImport) -> Vec<String> {
    busy.events
        .iter()
        .map(|e| {
            format!(
                "{}..{} {}",
                e.start.format("%Y-%m-%dT%H:%M"),
                e.end.format("%Y-%m-%dT%H:%M"),
                e.summary
            )
        })
        .collect()
}

fn skipped(busy: &BusyImport) -> Vec<(&str, SkipReason)> {
    busy.skipped
        .iter()
        .map(|s| (s.uid.as_str(), s.reason))
        .collect()
}

#[test]
fn utc_times_become_local() {
    let busy = import("utc.ics", "2027-01-04T00:00:00", "2027-02-01T00:00:00");
    assert_eq!(
        spans(&busy),
        [
            "2027-01-05T09:00..2027-01-05T10:30 Standup",
            "2027-01-07T00:00..2027-01-07T02:00 Call with London",
        ]
    );
    assert_eq!(&*busy.events[0].uid, "standup-1@google.com");
    assert_eq!(busy.events[0].interval().minutes(), 90);
    assert_eq!(
        skipped(&busy),
        [("reminder@google.com", SkipReason::NoDuration)]
    );
    assert_eq!(busy.outside_range, 1);
    assert!(busy.notes.is_empty(), "{:?}", busy.notes);
}

#[test]
fn tzid_times_are_converted_to_the_local_zone() {
    let busy = import("tzid.ics", "2027-01-01T00:00:00", "2028-01-01T00:00:00");
    assert_eq!(
        spans(&busy),
        [
            // 19:00 EST is 09:00 the next day in Tokyo; 19:00 EDT is 08:00.
            "2027-01-06T09:00..2027-01-06T10:00 New York review (winter)",
            "2027-07-05T17:00..2027-07-05T18:00 Starts in London, ends in Tokyo",
            "2027-07-06T08:00..2027-07-06T09:00 New York review (summer)",
        ]
    );
    // The other way round: a Tokyo user's file read in New York.
    let ny = import_busy(
        &data("tzid.ics"),
        "tzid.ics",
        Tz::America__New_York,
        t("2027-01-01T00:00:00")..t("2028-01-01T00:00:00"),
    )
    .unwrap();
    assert_eq!(ny.events[0].start, t("2027-01-05T19:00:00"));
}

#[test]
fn floating_times_are_local() {
    let busy = import("floating.ics", "2027-01-01T00:00:00", "2027-02-01T00:00:00");
    assert_eq!(spans(&busy), ["2027-01-08T18:30..2027-01-08T19:30 歯医者"]);
    let elsewhere = import_busy(
        &data("floating.ics"),
        "floating.ics",
        Tz::Europe__Paris,
        t("2027-01-01T00:00:00")..t("2027-02-01T00:00:00"),
    )
    .unwrap();
    assert_eq!(elsewhere.events, busy.events);
}

#[test]
fn all_day_events_fill_whole_days_unless_transparent() {
    let busy = import("all-day.ics", "2027-01-01T00:00:00", "2027-02-01T00:00:00");
    assert_eq!(
        spans(&busy),
        [
            "2027-01-11T00:00..2027-01-13T00:00 出張 (business trip)",
            "2027-01-15T00:00..2027-01-16T00:00 Offsite (no TRANSP, no DTEND)",
            "2027-01-18T00:00..2027-01-19T00:00 DTEND equal to DTSTART",
            "2027-01-25T00:00..2027-02-01T00:00 A week off (date without VALUE=DATE)",
        ]
    );
    assert_eq!(skipped(&busy), [("holiday", SkipReason::Transparent)]);
}

#[test]
fn recurring_events_are_expanded_over_the_range() {
    let busy = import(
        "recurring.ics",
        "2027-01-01T00:00:00",
        "2027-04-01T00:00:00",
    );
    assert_eq!(
        spans(&busy),
        [
            // Yearly since 2020: only this year's falls in the range.
            "2027-01-01T00:00..2027-01-02T00:00 New year (every year since 2020)",
            // Weekly, COUNT=4, the second one excluded by EXDATE.
            "2027-01-04T19:00..2027-01-04T20:00 English lesson",
            // Weekly until the 19th: the 12th is moved, the 19th cancelled.
            "2027-01-06T08:00..2027-01-06T09:00 Team sync",
            "2027-01-13T10:00..2027-01-13T11:00 Team sync (moved)",
            "2027-01-18T19:00..2027-01-18T20:00 English lesson",
            "2027-01-25T19:00..2027-01-25T20:00 English lesson",
            // 18:00 in New York every week: 08:00 in Tokyo, then 07:00 from the change to
            // summer time on 14 March.
            "2027-03-02T08:00..2027-03-02T09:00 Across the change to summer time",
            "2027-03-09T08:00..2027-03-09T09:00 Across the change to summer time",
            "2027-03-16T07:00..2027-03-16T08:00 Across the change to summer time",
        ]
    );
    assert_eq!(skipped(&busy), [("weekly-until", SkipReason::Cancelled)]);
}

#[test]
fn recurrences_stop_at_the_range() {
    let busy = import(
        "recurring.ics",
        "2030-01-01T00:00:00",
        "2031-01-01T00:00:00",
    );
    assert_eq!(
        spans(&busy),
        ["2030-01-01T00:00..2030-01-02T00:00 New year (every year since 2020)"]
    );
    // The other five events (the cancelled override is skipped) have nothing there.
    assert_eq!(busy.outside_range, 4);
}

#[test]
fn cancelled_and_free_events_are_skipped() {
    let busy = import(
        "cancelled.ics",
        "2027-01-01T00:00:00",
        "2027-02-01T00:00:00",
    );
    assert_eq!(spans(&busy), ["2027-01-05T14:00..2027-01-05T15:00 Maybe"]);
    assert_eq!(
        skipped(&busy),
        [
            ("off", SkipReason::Cancelled),
            ("free", SkipReason::Transparent)
        ]
    );
}

#[test]
fn folded_lines_and_escapes_are_read() {
    let busy = import("folded.ics", "2027-01-01T00:00:00", "2027-02-01T00:00:00");
    assert_eq!(busy.events.len(), 1);
    let e = &busy.events[0];
    assert_eq!(
        (e.start, e.end),
        (t("2027-01-09T10:00:00"), t("2027-01-09T11:30:00"))
    );
    assert_eq!(
        &*e.summary,
        "プロジェクト定例会議; 議題: 予算, 日程\n持ち物: ノートPC \\ 資料一式（第二会議室）"
    );
    assert!(busy.notes.is_empty(), "{:?}", busy.notes);
}

#[test]
fn outlook_zone_names_use_the_files_vtimezone() {
    let busy = import("outlook.ics", "2027-01-01T00:00:00", "2028-01-01T00:00:00");
    assert_eq!(
        spans(&busy),
        [
            "2027-01-10T10:00..2027-01-10T11:00 Unknown zone",
            "2027-07-06T08:00..2027-07-06T09:00 Quarterly review",
        ]
    );
    assert_eq!(
        busy.notes,
        [
            "time zone \"Mars Standard Time\" is unknown and the file does not define it: \
          its times were read as local time"
        ]
    );
}

#[test]
fn files_that_are_not_icalendar_are_refused_in_one_line() {
    let range = t("2027-01-01T00:00:00")..t("2028-01-01T00:00:00");
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (data("not-calendar.json"), "it looks like JSON"),
        (
            vec![0x89, b'P', b'N', b'G', 0, 0, 0x1a, 0xff],
            "it looks like binary data",
        ),
        (Vec::new(), "the file is empty"),
        (b"  \r\n\n".to_vec(), "the file is empty"),
        (b"<html><body>".to_vec(), "it looks like HTML or XML"),
        (
            b"BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n".to_vec(),
            "it is a vCard",
        ),
        (
            b"name,issuer\nA,B\n".to_vec(),
            "it does not begin with BEGIN:VCALENDAR",
        ),
        (
            b"BEGIN:VCALENDARX\r\n".to_vec(),
            "it does not begin with BEGIN:VCALENDAR",
        ),
        (b"\xff\xfeB\0E\0".to_vec(), "UTF-16"),
    ];
    for (bytes, why) in cases {
        let err = import_busy(&bytes, "in.ics", Tz::Asia__Tokyo, range.clone()).unwrap_err();
        let message = err.to_string();
        assert!(matches!(err, ImportError::NotICalendar { .. }), "{message}");
        assert!(
            message.starts_with("in.ics is not an iCalendar file: "),
            "{message}"
        );
        assert!(message.contains(why), "{message}");
        assert!(!message.contains('\n'), "{message}");
    }
}

/// Issue 15, finding 1: one bad event no longer refuses the whole calendar.
#[test]
fn a_bad_event_is_left_out_named_and_the_rest_imported() {
    let busy = import(
        "bad-dtstart.ics",
        "2027-01-01T00:00:00",
        "2028-01-01T00:00:00",
    );
    assert_eq!(spans(&busy), ["2027-01-05T10:00..2027-01-05T11:00 "]);
    assert_eq!(busy.unreadable.len(), 1);
    assert_eq!(
        busy.unreadable[0].to_string(),
        "event \"broken@example.com\" (line 11): DTSTART: \
         '2027-01-05 10:00' is not a date-time (YYYYMMDDTHHMMSS)"
    );
}

/// Wraps events in a calendar, CRLF.
fn calendar(events: &str) -> Vec<u8> {
    let body: Vec<&str> = events
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{}\r\nEND:VCALENDAR\r\n",
        body.join("\r\n")
    )
    .into_bytes()
}

fn run(events: &str) -> Result<BusyImport, ImportError> {
    import_busy(
        &calendar(events),
        "t.ics",
        Tz::Asia__Tokyo,
        t("2027-01-01T00:00:00")..t("2028-01-01T00:00:00"),
    )
}

/// Issue 15, finding 1: each kind of unreadable event real calendars hold is left out,
/// named with its line, and the good event beside it is imported.
#[test]
fn malformed_events_are_left_out_and_named() {
    let good = "BEGIN:VEVENT\nUID:good\nDTSTART:20270106T010000Z\nDURATION:PT1H\nEND:VEVENT";
    let cases = [
        (
            "BEGIN:VEVENT\nUID:a\nSUMMARY:x\nEND:VEVENT",
            "event \"a\" (line 4): it has no DTSTART",
        ),
        (
            "BEGIN:VEVENT\nDTSTART:20150105T010000Z\nDTEND:20150105T000000Z\nEND:VEVENT",
            "event without UID (line 6): it ends before it starts",
        ),
        (
            "BEGIN:VEVENT\nUID:b\nDTSTART:20270105T010000Z\nDURATION:soon\nEND:VEVENT",
            "event \"b\" (line 7): 'soon' is not a duration (like PT1H30M or P1D)",
        ),
        (
            "BEGIN:VEVENT\nUID:c\nDTSTART;VALUE=DATE:20270105\nDTEND:20270105T010000Z\nEND:VEVENT",
            "event \"c\" (line 7): DTSTART and DTEND must both be dates or both date-times",
        ),
        (
            "BEGIN:VEVENT\nUID:d\nDTSTART:20270105T010000Z\nDURATION:PT1H\nRRULE:FREQ=SOMETIMES\nEND:VEVENT",
            "event \"d\" (line 8): RRULE:FREQ=SOMETIMES cannot be read",
        ),
        // A Google birthday calendar's RDATE.
        (
            "BEGIN:VEVENT\nUID:e\nDTSTART;VALUE=DATE:20131210\nRRULE:FREQ=YEARLY\nRDATE:20131210Z\nEND:VEVENT",
            "event \"e\" (line 8): RDATE:",
        ),
    ];
    for (event, want) in cases {
        let busy = run(&format!("{event}\n{good}")).unwrap();
        assert_eq!(busy.unreadable.len(), 1, "{event}");
        let named = busy.unreadable[0].to_string();
        assert!(named.starts_with(want), "{named}\nwanted {want}");
        assert_eq!(
            spans(&busy),
            ["2027-01-06T10:00..2027-01-06T11:00 "],
            "{event}"
        );
    }
    // Broken structure: read around, reported by line; the events are still read.
    for (events, line, what) in [
        (
            "BEGIN:VEVENT\nUID:e\nDTSTART:20270105T010000Z\nEND:VTODO\nEND:VEVENT",
            7,
            "END:VTODO without a matching BEGIN",
        ),
        (
            "BEGIN:VEVENT\nUID:f\nnonsense\nEND:VEVENT",
            6,
            "'nonsense' is not a content line",
        ),
        // A VFREEBUSY with an ORGANIZER line that is broken, which sukima never reads.
        (
            "BEGIN:VFREEBUSY\nORGANIZER;CN=\"unclosed:mailto:a@b\nEND:VFREEBUSY",
            5,
            "unclosed quote",
        ),
    ] {
        let busy = run(&format!("{events}\n{good}")).unwrap();
        assert_eq!(busy.bad_lines.len(), 1, "{events}: {:?}", busy.bad_lines);
        assert_eq!(busy.bad_lines[0].line, line, "{events}");
        assert!(
            busy.bad_lines[0].reason.contains(what),
            "{:?}",
            busy.bad_lines
        );
        assert!(
            spans(&busy).contains(&"2027-01-06T10:00..2027-01-06T11:00 ".to_string()),
            "{events}"
        );
    }
}

/// Issue 15, finding 7: one UID sent again with a higher SEQUENCE replaces the older
/// copy (for the series and for each override apart), whatever the order in the file.
#[test]
fn the_highest_sequence_of_a_uid_wins() {
    let v = |seq: u32, hour: u32| {
        format!(
            "BEGIN:VEVENT\nUID:m@x\nSEQUENCE:{seq}\nDTSTART:20270105T{hour:02}0000Z\nDURATION:PT1H\nSUMMARY:v{seq}\nEND:VEVENT"
        )
    };
    let o = |seq: u32, hour: u32| {
        format!(
            "BEGIN:VEVENT\nUID:w@x\nSEQUENCE:{seq}\nRECURRENCE-ID:20270112T000000Z\nDTSTART:20270112T{hour:02}0000Z\nDURATION:PT1H\nSUMMARY:o{seq}\nEND:VEVENT"
        )
    };
    let series = "BEGIN:VEVENT\nUID:w@x\nDTSTART:20270105T000000Z\nDURATION:PT1H\nRRULE:FREQ=WEEKLY;COUNT=2\nSUMMARY:weekly\nEND:VEVENT";
    let want = [
        "2027-01-05T09:00..2027-01-05T10:00 weekly",
        "2027-01-05T12:00..2027-01-05T13:00 v2",
        "2027-01-12T14:00..2027-01-12T15:00 o3",
    ];
    for order in [
        [
            v(0, 1),
            v(1, 2),
            v(2, 3),
            o(1, 4),
            o(3, 5),
            series.to_string(),
        ],
        [
            series.to_string(),
            o(3, 5),
            v(2, 3),
            o(1, 4),
            v(0, 1),
            v(1, 2),
        ],
    ] {
        let busy = run(&order.join("\n")).unwrap();
        assert_eq!(spans(&busy), want);
        assert_eq!(busy.superseded, 3);
    }
}

/// Google writes floating times with the calendar's zone in X-WR-TIMEZONE; its name is
/// X-WR-CALNAME.
#[test]
fn x_wr_timezone_applies_to_floating_times_and_x_wr_calname_names_it() {
    let text = "BEGIN:VCALENDAR\r\nX-WR-CALNAME:Work (Google)\r\nX-WR-TIMEZONE:America/New_York\r\n\
        BEGIN:VEVENT\r\nUID:f\r\nDTSTART:20270105T090000\r\nDTEND:20270105T100000\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:d\r\nDTSTART;VALUE=DATE:20270107\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let busy = import_busy(
        text.as_bytes(),
        "basic.ics",
        Tz::Asia__Tokyo,
        t("2027-01-01T00:00:00")..t("2027-02-01T00:00:00"),
    )
    .unwrap();
    // 09:00 in New York is 23:00 in Tokyo; an all-day event stays a local day.
    assert_eq!(
        spans(&busy),
        [
            "2027-01-05T23:00..2027-01-06T00:00 ",
            "2027-01-07T00:00..2027-01-08T00:00 "
        ]
    );
    assert_eq!(busy.calendar_name.as_deref(), Some("Work (Google)"));
}

#[test]
fn missing_end_and_durations() {
    let busy = run("
        BEGIN:VEVENT\nUID:dur\nDTSTART;TZID=America/New_York:20270313T120000\nDURATION:P1DT1H\nEND:VEVENT
        BEGIN:VEVENT\nUID:zero\nDTSTART:20270105T010000Z\nDTEND:20270105T010000Z\nEND:VEVENT
        BEGIN:VEVENT\nUID:moment\nDTSTART:20270105T010000Z\nEND:VEVENT
    ")
    .unwrap();
    // P1D is a calendar day in New York (23 hours across the change to summer time), then
    // one exact hour: 12:00 EST on the 13th to 13:00 EDT on the 14th.
    assert_eq!(spans(&busy), ["2027-03-14T02:00..2027-03-15T02:00 "]);
    assert_eq!(
        skipped(&busy),
        [
            ("zero", SkipReason::NoDuration),
            ("moment", SkipReason::NoDuration)
        ]
    );
}

#[test]
fn daylight_saving_gaps_follow_rfc_5545() {
    // 02:30 does not exist in New York on 14 March 2027: it is read as 03:30 EDT.
    let busy = run(
        "BEGIN:VEVENT\nUID:gap\nDTSTART;TZID=America/New_York:20270314T023000\nDURATION:PT30M\nEND:VEVENT",
    )
    .unwrap();
    assert_eq!(spans(&busy), ["2027-03-14T16:30..2027-03-14T17:00 "]);
}

#[test]
fn an_hour_across_the_clock_set_back_keeps_its_length() {
    // 01:30 EDT and one exact hour is 01:30 EST on 7 November 2027 in New York: the same
    // wall-clock time. The event is still an hour of busy time, not nothing.
    let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20271107T013000\r\nDURATION:PT1H\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let busy = import_busy(
        text.as_bytes(),
        "x.ics",
        Tz::America__New_York,
        t("2027-01-01T00:00:00")..t("2028-01-01T00:00:00"),
    )
    .unwrap();
    assert_eq!(spans(&busy), ["2027-11-07T01:30..2027-11-07T02:30 "]);
}

#[test]
fn rdate_and_date_exdate() {
    let busy = run("
        BEGIN:VEVENT\nUID:r\nDTSTART:20270104T010000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;COUNT=3
        EXDATE;VALUE=DATE:20270105\nRDATE:20270110T010000Z,20270111T010000Z\nRDATE;VALUE=PERIOD:20270112T010000Z/PT2H,20270113T010000Z/20270113T013000Z\nEND:VEVENT
    ")
    .unwrap();
    // RDATE periods keep their own lengths.
    assert_eq!(
        spans(&busy),
        [
            "2027-01-04T10:00..2027-01-04T11:00 ",
            "2027-01-06T10:00..2027-01-06T11:00 ",
            "2027-01-10T10:00..2027-01-10T11:00 ",
            "2027-01-11T10:00..2027-01-11T11:00 ",
            "2027-01-12T10:00..2027-01-12T12:00 ",
            "2027-01-13T10:00..2027-01-13T10:30 ",
        ]
    );
    assert!(busy.notes.is_empty(), "{:?}", busy.notes);
    // A moment (no length) with periods: only the periods are busy.
    let busy = run(
        "BEGIN:VEVENT\nUID:p\nDTSTART:20270219T133000\nRDATE;VALUE=PERIOD:20270219T133000/PT10H\nEND:VEVENT",
    )
    .unwrap();
    assert_eq!(spans(&busy), ["2027-02-19T13:30..2027-02-19T23:30 "]);
}

/// A rule that would repeat every second since 1970 stops at the cap, which is what keeps
/// it fast (the `input/ics_runaway_recurrence` benchmark measures how fast).
#[test]
fn runaway_recurrences_stop_at_the_cap() {
    let busy = run("
        BEGIN:VEVENT\nUID:s\nDTSTART:19700101T000000Z\nDURATION:PT1S\nRRULE:FREQ=SECONDLY\nEND:VEVENT
        BEGIN:VEVENT\nUID:d\nDTSTART:19700101T000000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY\nEND:VEVENT
    ")
    .unwrap();
    assert_eq!(
        busy.notes,
        ["event \"s\" repeats too often: only its first 40000 occurrences were read"]
    );
    // Daily since 1970 reaches 2027 (about 21,000 days) within the cap.
    assert_eq!(busy.events.len(), 365);
}

#[test]
fn lenient_where_unambiguous() {
    // Lower-case names, LF ends, a BOM, blank lines, CATEGORIES with escapes, unknown
    // properties and components, an invalid UTF-8 byte in a summary.
    let mut bytes =
        b"\xef\xbb\xbfbegin:vcalendar\n\nversion:2.0\nBEGIN:VTODO\nUID:t\nEND:VTODO\n".to_vec();
    bytes.extend_from_slice(
        b"begin:vevent\nuid:x\nx-custom;x-param=1:whatever\ndtstart:20270105T010000z\n",
    );
    bytes
        .extend_from_slice(b"dtend:20270105T020000Z\nsummary:caf\xe9\nend:vevent\nend:vcalendar\n");
    let busy = import_busy(
        &bytes,
        "odd.ics",
        Tz::Asia__Tokyo,
        t("2027-01-01T00:00:00")..t("2028-01-01T00:00:00"),
    )
    .unwrap();
    assert_eq!(
        spans(&busy),
        ["2027-01-05T10:00..2027-01-05T11:00 caf\u{fffd}"]
    );
    assert_eq!(busy.notes.len(), 1);
    assert!(busy.notes[0].contains("not valid UTF-8"));
}

/// A random property line made of pieces that look like a calendar's.
fn property() -> impl Strategy<Value = String> {
    let names = prop::sample::select(vec![
        "DTSTART",
        "DTSTART",
        "DTEND",
        "DURATION",
        "RRULE",
        "RRULE",
        "EXDATE",
        "RDATE",
        "RECURRENCE-ID",
        "UID",
        "SUMMARY",
        "TRANSP",
        "STATUS",
    ]);
    let params = prop::sample::select(vec![
        "",
        "",
        "",
        ";VALUE=DATE",
        ";TZID=America/New_York",
        ";TZID=Eastern",
        ";TZID=Nowhere",
        ";TZID=\"/Asia/Tokyo\"",
        ";RANGE=THISANDFUTURE",
        ";VALUE=PERIOD",
        ";X=\"a:b;c\"",
    ]);
    let values = prop::sample::select(vec![
        "20270105T010000Z",
        "20270105",
        "20270105T010000",
        "20270314T023000",
        "20271107T013000",
        "99991231T235959",
        "00000101",
        "20270105T010000Z/PT1H",
        "20270105T010000Z,20270106",
        "FREQ=DAILY;COUNT=5",
        "FREQ=WEEKLY;UNTIL=20270201",
        "FREQ=WEEKLY;UNTIL=20270201T000000Z;BYDAY=MO,TU",
        "FREQ=MINUTELY;BYSETPOS=-1;BYDAY=MO",
        "FREQ=YEARLY;BYWEEKNO=53;BYDAY=SU",
        "FREQ=MONTHLY;BYMONTHDAY=-31;INTERVAL=65535",
        "FREQ=HOURLY;BYHOUR=25",
        "FREQ=YEARLY;BYYEARDAY=-366;COUNT=4294967295",
        "FREQ=MONTHLY;BYDAY=-5FR;UNTIL=99991231",
        "FREQ=DAILY;UNTIL=00010101",
        "PT1H",
        "P99999W",
        "P999999999W",
        "-P1D",
        "P1DT",
        "PT0S",
        "TRANSPARENT",
        "CANCELLED",
        "日本語\\, テキスト",
        "",
    ]);
    (names, params, values).prop_map(|(n, p, v)| format!("{n}{p}:{v}"))
}

/// A calendar of random events, and sometimes a zone definition.
fn calendar_like() -> impl Strategy<Value = String> {
    let event = prop::collection::vec(property(), 0..8).prop_map(|lines| {
        format!(
            "BEGIN:VEVENT\r\n{}END:VEVENT\r\n",
            lines.iter().map(|l| format!("{l}\r\n")).collect::<String>()
        )
    });
    let zone = prop::sample::select(vec![
        "",
        "BEGIN:VTIMEZONE\r\nTZID:Eastern\r\nBEGIN:STANDARD\r\nDTSTART:16011104T020000\r\n\
         RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\n\
         END:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010311T020000\r\n\
         RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\n\
         END:DAYLIGHT\r\nEND:VTIMEZONE\r\n",
        "BEGIN:VTIMEZONE\r\nTZID:Eastern\r\nBEGIN:STANDARD\r\nDTSTART:99991231T235959\r\n\
         RRULE:FREQ=SECONDLY\r\nTZOFFSETFROM:+2359\r\nTZOFFSETTO:-2359\r\n\
         END:STANDARD\r\nEND:VTIMEZONE\r\n",
    ]);
    (zone, prop::collection::vec(event, 0..6)).prop_map(|(zone, events)| {
        format!(
            "BEGIN:VCALENDAR\r\n{zone}{}END:VCALENDAR\r\n",
            events.concat()
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = import_busy(&bytes, "x.ics", Tz::Asia__Tokyo, t("2027-01-01T00:00:00")..t("2028-01-01T00:00:00"));
        let mut framed = b"BEGIN:VCALENDAR\r\n".to_vec();
        framed.extend_from_slice(&bytes);
        let _ = import_busy(&framed, "x.ics", Tz::Asia__Tokyo, t("2027-01-01T00:00:00")..t("2028-01-01T00:00:00"));
    }

    #[test]
    fn calendar_like_files_never_panic(text in calendar_like()) {
        let result = import_busy(text.as_bytes(), "x.ics", Tz::America__New_York, t("2027-01-01T00:00:00")..t("2028-01-01T00:00:00"));
        if let Ok(busy) = result {
            for e in &busy.events {
                prop_assert!(e.start < e.end, "{:?}", e);
            }
            prop_assert!(busy.events.windows(2).all(|w| w[0] <= w[1]));
        }
    }
}

#[test]
fn line_numbers_count_leading_blank_lines() {
    let mut bytes = b"\r\n\r\n".to_vec();
    bytes.extend(calendar("BEGIN:VEVENT\nUID:a\nEND:VEVENT"));
    let busy = import_busy(
        &bytes,
        "t.ics",
        Tz::Asia__Tokyo,
        t("2027-01-01T00:00:00")..t("2028-01-01T00:00:00"),
    )
    .unwrap();
    assert_eq!(
        busy.unreadable[0].to_string(),
        "event \"a\" (line 6): it has no DTSTART"
    );
}

/// A stray byte inside a time zone's or an event's RRULE (read as U+FFFD) is an error or
/// a skipped rule, never a panic in the rrule crate (found by `fuzz/` target `ics`).
#[test]
fn rrule_with_a_stray_byte_does_not_panic() {
    let vtimezone = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:Eastern\r\n\
BEGIN:STANDARD\r\nDTSTART:16011104T020000\r\nRRULE:FREQ=YEARLY;BYDAY=1\x8dU;BYMONTH=11\r\n\
TZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n\
BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Eastern:20270110T100000\r\n\
DTEND;TZID=Eastern:20270110T110000\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20270111T100000Z\r\nDTEND:20270111T110000Z\r\n\
RRULE:FREQ=WEEKLY;BYDAY=M\xc3\xa9\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let range = t("2027-01-06T00:00:00")..t("2027-03-01T00:00:00");
    let _ = import_busy(vtimezone, "stray.ics", Tz::Asia__Tokyo, range);
}
