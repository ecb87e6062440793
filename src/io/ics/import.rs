//! Import of busy time from an iCalendar file, over the planning horizon.
//!
//! What is busy, and how it is read (where RFC 5545 or the brief left a choice):
//!
//! - Every `VEVENT` is busy unless `STATUS:CANCELLED` or `TRANSP:TRANSPARENT` ("free").
//!   `TRANSP` defaults to `OPAQUE` as RFC 5545 says, for all-day events too: an all-day
//!   event without `TRANSP` fills its whole days. Google, Apple and Outlook write
//!   `TRANSPARENT` for all-day events shown as free (holidays, birthdays), so those are
//!   skipped. `STATUS:TENTATIVE` is busy. Other components (`VTODO`, `VFREEBUSY`) are ignored.
//! - Liberal, as DESIGN 8 asks: an event that cannot be read (no `DTSTART`, an end before
//!   its start, a date that is not one, a rule the `rrule` crate refuses) is left out and
//!   listed in [`BusyImport::unreadable`]; a line that is not a content line, or a broken
//!   `BEGIN`/`END` structure, is read around and listed in [`BusyImport::bad_lines`]. Only a
//!   file that is not an iCalendar at all is refused.
//! - One `UID` sent several times (a mailbox's invitations, a feed's history) with rising
//!   `SEQUENCE` numbers: the highest `SEQUENCE` wins, for the series and for each of its
//!   `RECURRENCE-ID` overrides apart; on a tie, the last in the file.
//! - Times: `Z` is UTC; `TZID` names an IANA zone (`America/New_York`, also with a leading
//!   `/` or in another case), else a `VTIMEZONE` of the file (Outlook's "Tokyo Standard
//!   Time"; its `X-LIC-LOCATION` is used when it names an IANA zone). A TZID that is neither
//!   is read as local time, with a note. Floating times are in the calendar's
//!   `X-WR-TIMEZONE` (as Google writes it) when it names a zone, else local. All-day events cover
//!   whole local days. A local time in a daylight-saving gap is read with the offset before
//!   the gap (02:30 is 03:30), one in an overlap as the first of the two.
//! - Length: `DTEND`, else `DURATION`, else one day for an all-day event and nothing for a
//!   timed one (RFC 5545: it ends when it starts), which is skipped as
//!   [`SkipReason::NoDuration`]. An all-day `DTEND` equal to its `DTSTART` (a known producer
//!   bug) is one day. A `DTEND` before `DTSTART`, or a negative `DURATION`, is an error.
//! - Recurrences: `RRULE` (with `COUNT`, `UNTIL`, `INTERVAL`, `BY...`), `RDATE` (dates and
//!   date-times; periods are skipped with a note), `EXDATE`, and `RECURRENCE-ID` overrides
//!   (the override replaces its occurrence; `RANGE=THISANDFUTURE` is read as that one
//!   occurrence). A series without `COUNT` that repeats by the week or more often is
//!   resumed just before the range, so old daily meetings cost little; one rule gives at
//!   most 40,000 occurrences, with a note when it had more.
//! - Results are the occurrences that overlap the range, not clipped to it, in local time,
//!   sorted by start, end, UID. Occurrences of one recurring event share its UID; an event
//!   without a UID gets `line-<N>`.
//!
//! Errors: a file that does not begin with `BEGIN:VCALENDAR`, or with another component
//! saved on its own (`BEGIN:VEVENT`, read as a calendar of one event), is refused in one line naming
//! the file and what it looks like. Any bytes give a result or that error, never a panic.

use super::lines::{self, Component};
use super::recur;
use super::value;
use super::zone::Zones;
use crate::domain::Interval;
use chrono::{Days, NaiveDateTime};
use chrono_tz::Tz;
use event::{Event, Reader};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::rc::Rc;

mod event;

/// A span of busy time, in local time.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct BusyEvent {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    /// The event's `UID` (shared by the occurrences of a recurring event, in memory too:
    /// a large calendar has hundreds of thousands of occurrences).
    pub uid: Rc<str>,
    /// The event's `SUMMARY`, unescaped; empty when it has none.
    pub summary: Rc<str>,
}

impl BusyEvent {
    /// The span, as the planner subtracts it from spare time.
    pub fn interval(&self) -> Interval {
        Interval {
            start: self.start,
            end: self.end,
        }
    }
}

/// What an import found: the busy time, and what it left out and why.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BusyImport {
    /// Busy time overlapping the range, sorted.
    pub events: Vec<BusyEvent>,
    /// Events left out because they are not busy time.
    pub skipped: Vec<Skipped>,
    /// Busy events with no occurrence in the range.
    pub outside_range: usize,
    /// What was read in a way the user may want to know (unknown zones, capped
    /// recurrences, unsupported parts), one line each.
    pub notes: Vec<String>,
    /// Events left out because they cannot be read, in file order.
    pub unreadable: Vec<Unreadable>,
    /// Lines left out or read around because the structure is broken there.
    pub bad_lines: Vec<BadLine>,
    /// Copies of an event replaced by a copy with a higher `SEQUENCE` (or a later one).
    pub superseded: usize,
    /// The calendar's own name (`X-WR-CALNAME`), if it has one.
    pub calendar_name: Option<String>,
}

/// An event that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// Its UID, or `None` when it has none.
    pub uid: Option<String>,
    /// The line of the property at fault (or of the event).
    pub line: usize,
    /// What is wrong, in a few words.
    pub reason: String,
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.uid {
            Some(uid) => write!(f, "event \"{uid}\" (line {}): {}", self.line, self.reason),
            None => write!(f, "event without UID (line {}): {}", self.line, self.reason),
        }
    }
}

/// A line that is not read as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    pub line: usize,
    pub reason: String,
}

/// An event that is not busy time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub uid: String,
    pub summary: String,
    pub reason: SkipReason,
}

/// Why an event is not busy time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SkipReason {
    /// `TRANSP:TRANSPARENT`: shown as free.
    Transparent,
    /// `STATUS:CANCELLED`.
    Cancelled,
    /// A timed event without `DTEND` or `DURATION`, or with a zero length.
    NoDuration,
}

/// Why a file could not be imported: only a file that is not an iCalendar file at all is
/// refused. The message is one line that names the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Not an iCalendar file at all.
    #[error("{file} is not an iCalendar file: {why}; export the calendar as .ics and import that")]
    NotICalendar { file: String, why: String },
}

/// The busy time in `bytes` (the content of the file called `file`, for messages) that
/// overlaps `range`, in the local zone `local`. See the module documentation for what
/// counts as busy.
pub fn import_busy(
    bytes: &[u8],
    file: &str,
    local: Tz,
    range: Range<NaiveDateTime>,
) -> Result<BusyImport, ImportError> {
    let text = sniff(bytes).map_err(|why| ImportError::NotICalendar {
        file: file.to_string(),
        why,
    })?;
    let (tree, problems) = lines::parse(&text);
    let mut out = BusyImport {
        bad_lines: problems
            .into_iter()
            .map(|p| BadLine {
                line: p.line,
                reason: p.message,
            })
            .collect(),
        ..BusyImport::default()
    };
    if matches!(text, Cow::Owned(_)) {
        out.notes.push(
            "the file is not valid UTF-8: unreadable characters were replaced with \u{fffd}"
                .to_string(),
        );
    }
    for calendar in tree.iter().filter(|c| c.name == "VCALENDAR") {
        read_calendar(calendar, local, &range, &mut out);
    }
    // Components outside any calendar (a file that is one bare event) are read as one.
    let bare: Vec<Component> = tree.into_iter().filter(|c| c.name != "VCALENDAR").collect();
    if !bare.is_empty() {
        let wrapper = Component {
            name: "VCALENDAR".into(),
            line: 1,
            properties: Vec::new(),
            children: bare,
        };
        read_calendar(&wrapper, local, &range, &mut out);
    }
    out.events.sort();
    Ok(out)
}

/// The text of the file, if it is an iCalendar file; else what it looks like.
fn sniff(bytes: &[u8]) -> Result<Cow<'_, str>, String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return Err("it is UTF-16 text (save it as UTF-8)".into());
    }
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head = bytes.get(start..).unwrap_or_default();
    let first_line = head.split(|b| *b == b'\n').next().unwrap_or_default();
    let first = first_line.trim_ascii();
    // A calendar, or one of its components saved on its own (an event attached to a
    // mail, a time zone).
    const COMPONENTS: [&[u8]; 8] = [
        b"VCALENDAR",
        b"VEVENT",
        b"VTODO",
        b"VJOURNAL",
        b"VFREEBUSY",
        b"VTIMEZONE",
        b"VALARM",
        b"VAVAILABILITY",
    ];
    let component = first
        .get(..6)
        .is_some_and(|b| b.eq_ignore_ascii_case(b"BEGIN:"))
        && first
            .get(6..)
            .is_some_and(|n| COMPONENTS.iter().any(|c| n.eq_ignore_ascii_case(c)));
    if component {
        // All of it, blank lines included, so that line numbers are the file's.
        return Ok(String::from_utf8_lossy(bytes));
    }
    let starts = |s: &[u8]| {
        head.get(..s.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(s))
    };
    let sample = head.get(..head.len().min(1024)).unwrap_or_default();
    // A character cut at the end of the sample is not a sign of binary data.
    let binary =
        sample.contains(&0) || std::str::from_utf8(sample).is_err_and(|e| e.error_len().is_some());
    Err(if head.is_empty() {
        "the file is empty".into()
    } else if binary {
        "it looks like binary data".into()
    } else if starts(b"{") || starts(b"[") {
        "it looks like JSON".into()
    } else if starts(b"<") {
        "it looks like HTML or XML".into()
    } else if starts(b"BEGIN:VCARD") {
        "it is a vCard (contacts), not a calendar".into()
    } else {
        "it does not begin with BEGIN:VCALENDAR".into()
    })
}

/// One `VCALENDAR`: its events, read with its time zones.
fn read_calendar(
    calendar: &Component,
    local: Tz,
    range: &Range<NaiveDateTime>,
    out: &mut BusyImport,
) {
    if out.calendar_name.is_none() {
        out.calendar_name = calendar
            .prop("X-WR-CALNAME")
            .map(|p| value::text(p.value.trim()))
            .filter(|n| !n.trim().is_empty());
    }
    let margin = |t: NaiveDateTime| t.checked_add_days(Days::new(2)).unwrap_or(t);
    let zones = Zones::new(local, calendar, margin(range.end));
    let mut events = Vec::new();
    for c in calendar.children.iter().filter(|c| c.name == "VEVENT") {
        let mut reader = Reader {
            zones: &zones,
            notes: &mut out.notes,
            component: c,
        };
        match reader.event() {
            Ok(event) => events.push(event),
            Err((line, reason)) => out.unreadable.push(Unreadable {
                uid: c
                    .prop("UID")
                    .map(|p| value::text(p.value.trim()))
                    .filter(|u| !u.is_empty()),
                line,
                reason,
            }),
        }
    }
    out.superseded += keep_latest_sequence(&mut events);
    let mut replaced: HashMap<&str, HashSet<NaiveDateTime>> = HashMap::new();
    for e in &events {
        if let Some(at) = e.recurrence_id {
            replaced.entry(&e.uid).or_default().insert(at);
        }
    }
    let none = HashSet::new();
    for e in &events {
        let timing = match &e.timing {
            Err(reason) => {
                out.skipped.push(Skipped {
                    uid: e.uid.clone(),
                    summary: e.summary.clone(),
                    reason: *reason,
                });
                continue;
            }
            Ok(timing) => timing,
        };
        let replaced = match e.recurrence_id {
            None => replaced.get(e.uid.as_str()).unwrap_or(&none),
            Some(_) => &none,
        };
        let before = out.events.len();
        let (uid, summary): (Rc<str>, Rc<str>) = (e.uid.as_str().into(), e.summary.as_str().into());
        let occurrences = timing.occurrences(
            &zones.local,
            range,
            margin(range.end),
            replaced,
            |start, end| {
                out.events.push(BusyEvent {
                    start,
                    end,
                    uid: Rc::clone(&uid),
                    summary: Rc::clone(&summary),
                });
            },
        );
        match occurrences {
            Err((line, reason)) => {
                out.events.truncate(before);
                out.unreadable.push(Unreadable {
                    uid: e.has_uid.then(|| e.uid.clone()),
                    line,
                    reason,
                });
                continue;
            }
            Ok(true) => note(
                &mut out.notes,
                format!(
                    "event \"{}\" repeats too often: only its first {} occurrences were read",
                    e.uid,
                    recur::MAX_STEPS
                ),
            ),
            Ok(false) => {}
        }
        if out.events.len() == before {
            out.outside_range += 1;
        }
    }
}

/// Keeps, of the events sharing a UID and a `RECURRENCE-ID` (or none), the one with the
/// highest `SEQUENCE` (the last in the file on a tie); returns how many were dropped.
/// Events without a UID are each their own.
fn keep_latest_sequence(events: &mut Vec<Event>) -> usize {
    let mut best: HashMap<(String, Option<NaiveDateTime>), usize> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        if !e.has_uid {
            continue;
        }
        let slot = best.entry((e.uid.clone(), e.recurrence_id)).or_insert(i);
        if e.sequence >= events[*slot].sequence {
            *slot = i;
        }
    }
    let keep: HashSet<usize> = best.into_values().collect();
    let before = events.len();
    let mut i = 0;
    events.retain(|e| {
        let kept = !e.has_uid || keep.contains(&i);
        i += 1;
        kept
    });
    before - events.len()
}

fn note(notes: &mut Vec<String>, text: String) {
    if !notes.contains(&text) {
        notes.push(text);
    }
}

#[cfg(test)]
mod tests;
