//! The `VTIMEZONE` for a zone, from the tz database (chrono-tz): one `STANDARD` or
//! `DAYLIGHT` observance per change of offset over the years the calendar covers, and the
//! observance already in force when they begin. Explicit onsets rather than `RRULE`s: they
//! are exact for any zone, including ones whose rules change within the period.

use super::text::Lines;
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

/// One observance: from `onset` (local time, in the offset before it) the zone is
/// `offset_to` seconds ahead of UTC.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Observance {
    daylight: bool,
    onset: NaiveDateTime,
    offset_from: i64,
    offset_to: i64,
    name: Option<String>,
}

/// What a zone is at one instant.
#[derive(Debug, Clone, PartialEq, Eq)]
struct State {
    offset: i64,
    daylight: bool,
    name: Option<String>,
}

fn state(tz: Tz, at: DateTime<Utc>) -> State {
    let o = tz.offset_from_utc_datetime(&at.naive_utc());
    State {
        offset: (o.base_utc_offset() + o.dst_offset()).num_seconds(),
        daylight: o.dst_offset() > TimeDelta::zero(),
        name: o.abbreviation().map(str::to_string),
    }
}

/// Writes the `VTIMEZONE` for `tz`, good for local times from `first` to `last`.
pub(crate) fn write(lines: &mut Lines, tz: Tz, first: NaiveDate, last: NaiveDate) {
    lines.begin("VTIMEZONE");
    lines.text("TZID", tz.name());
    for o in observances(tz, first, last) {
        let kind = if o.daylight { "DAYLIGHT" } else { "STANDARD" };
        lines.begin(kind);
        lines.raw("DTSTART", &o.onset.format("%Y%m%dT%H%M%S").to_string());
        lines.raw("TZOFFSETFROM", &format_offset(o.offset_from));
        lines.raw("TZOFFSETTO", &format_offset(o.offset_to));
        if let Some(name) = &o.name {
            lines.text("TZNAME", name);
        }
        lines.end(kind);
    }
    lines.end("VTIMEZONE");
}

/// `+0900`, `-0430`, or with seconds when the offset has them (old local mean times).
fn format_offset(seconds: i64) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

fn observances(tz: Tz, first: NaiveDate, last: NaiveDate) -> Vec<Observance> {
    // Whole years, widened by two days for the largest offsets, at most a century; and two
    // years further back to find the change that put the first observance in force.
    let year_start = |y: i32| {
        NaiveDate::from_ymd_opt(y, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| d.and_utc())
    };
    let last_year = last
        .year()
        .clamp(first.year(), first.year().saturating_add(100));
    let span = (
        year_start(first.year()).and_then(|d| d.checked_sub_signed(TimeDelta::days(2))),
        year_start(last_year.saturating_add(1))
            .and_then(|d| d.checked_add_signed(TimeDelta::days(2))),
    );
    let (Some(start), Some(end)) = span else {
        return vec![fixed(tz, DateTime::UNIX_EPOCH)];
    };
    let lookback = start
        .checked_sub_signed(TimeDelta::days(800))
        .unwrap_or(start);
    let mut out = changes(tz, lookback, end);
    let in_range = out.iter().position(|o| onset_utc(o) >= start);
    let keep_from = in_range.unwrap_or(out.len()).saturating_sub(1);
    out.drain(..keep_from);
    if out.first().is_none_or(|o| onset_utc(o) >= start) {
        out.insert(0, fixed(tz, start));
    }
    out
}

/// The observance in force at `at`, as if it had always been (a zone without changes).
fn fixed(tz: Tz, at: DateTime<Utc>) -> Observance {
    let s = state(tz, at);
    Observance {
        daylight: s.daylight,
        onset: NaiveDate::from_ymd_opt(1970, 1, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .unwrap_or_default(),
        offset_from: s.offset,
        offset_to: s.offset,
        name: s.name,
    }
}

fn onset_utc(o: &Observance) -> DateTime<Utc> {
    (o.onset - TimeDelta::seconds(o.offset_from)).and_utc()
}

/// Every change of offset, daylight flag or abbreviation in `[from, to)`, found day by day
/// and then to the second by bisection. Zones do not change twice in one day.
fn changes(tz: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Observance> {
    let mut out = Vec::new();
    let mut at = from;
    let mut before = state(tz, at);
    while at < to {
        let next = at + TimeDelta::days(1);
        let after = state(tz, next);
        if after != before {
            // Invariant: state(lo) == before, state(hi) != before.
            let (mut lo, mut hi) = (at, next);
            while hi - lo > TimeDelta::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if state(tz, mid) == before {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            let now = state(tz, hi);
            out.push(Observance {
                daylight: now.daylight,
                onset: hi.naive_utc() + TimeDelta::seconds(before.offset),
                offset_from: before.offset,
                offset_to: now.offset,
                name: now.name.clone(),
            });
            before = now;
            // A second change within the same day would be seen from `hi` on.
            at = hi;
            continue;
        }
        at = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(tz: Tz, first: &str, last: &str) -> String {
        let mut lines = Lines::default();
        write(
            &mut lines,
            tz,
            first.parse().unwrap(),
            last.parse().unwrap(),
        );
        lines.finish().replace("\r\n", "\n")
    }

    #[test]
    fn tokyo_is_one_standard_observance() {
        assert_eq!(
            render(Tz::Asia__Tokyo, "2027-01-05", "2028-06-01"),
            "BEGIN:VTIMEZONE\nTZID:Asia/Tokyo\nBEGIN:STANDARD\nDTSTART:19700101T000000\n\
             TZOFFSETFROM:+0900\nTZOFFSETTO:+0900\nTZNAME:JST\nEND:STANDARD\nEND:VTIMEZONE\n"
        );
    }

    #[test]
    fn new_york_has_the_changes_of_the_year() {
        assert_eq!(
            render(Tz::America__New_York, "2027-02-01", "2027-12-31"),
            "BEGIN:VTIMEZONE\nTZID:America/New_York\n\
             BEGIN:STANDARD\nDTSTART:20261101T020000\nTZOFFSETFROM:-0400\nTZOFFSETTO:-0500\n\
             TZNAME:EST\nEND:STANDARD\n\
             BEGIN:DAYLIGHT\nDTSTART:20270314T020000\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0400\n\
             TZNAME:EDT\nEND:DAYLIGHT\n\
             BEGIN:STANDARD\nDTSTART:20271107T020000\nTZOFFSETFROM:-0400\nTZOFFSETTO:-0500\n\
             TZNAME:EST\nEND:STANDARD\nEND:VTIMEZONE\n"
        );
    }

    #[test]
    fn offsets() {
        for (s, text) in [
            (32400, "+0900"),
            (-16200, "-0430"),
            (0, "+0000"),
            (19800, "+0530"),
            (-17762, "-045602"),
        ] {
            assert_eq!(format_offset(s), text);
        }
    }
}
