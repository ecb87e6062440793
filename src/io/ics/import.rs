//! Import of busy time from an iCalendar file, over the planning horizon.
//!
//! What is busy, and how it is read (where RFC 5545 or the brief left a choice):
//!
//! - Every `VEVENT` is busy unless `STATUS:CANCELLED` or `TRANSP:TRANSPARENT` ("free").
//!   `TRANSP` defaults to `OPAQUE` as RFC 5545 says, for all-day events too: an all-day
//!   event without `TRANSP` fills its whole days. Google, Apple and Outlook write
//!   `TRANSPARENT` for all-day events shown as free (holidays, birthdays), so those are
//!   skipped. `STATUS:TENTATIVE` is busy. Other components (`VTODO`, `VFREEBUSY`) are ignored.
//! - Times: `Z` is UTC; `TZID` names an IANA zone (`America/New_York`, also with a leading
//!   `/` or in another case), else a `VTIMEZONE` of the file (Outlook's "Tokyo Standard
//!   Time"; its `X-LIC-LOCATION` is used when it names an IANA zone). A TZID that is neither
//!   is read as local time, with a note. Floating times are local. All-day events cover
//!   whole local days. A local time in a daylight-saving gap is read with the offset before
//!   the gap (02:30 is 03:30), one in an overlap as the first of the two.
//! - Length: `DTEND`, else `DURATION`, else one day for an all-day event and nothing for a
//!   timed one (RFC 5545: it ends when it starts), which is skipped as
//!   [`SkipReason::NoDuration`]. An all-day `DTEND` equal to its `DTSTART` (a known producer
//!   bug) is one day. A `DTEND` before `DTSTART`, or a negative `DURATION`, is an error.
//! - Recurrences: `RRULE` (with `COUNT`, `UNTIL`, `INTERVAL`, `BY...`), `RDATE` (dates and
//!   date-times; periods are skipped with a note), `EXDATE`, and `RECURRENCE-ID` overrides
//!   (the override replaces its occurrence; `RANGE=THISANDFUTURE` is read as that one
//!   occurrence). Expansion stops after 40,000 occurrences of one rule, with a note.
//! - Results are the occurrences that overlap the range, not clipped to it, in local time,
//!   sorted by start, end, UID. Occurrences of one recurring event share its UID; an event
//!   without a UID gets `line-<N>`.
//!
//! Errors: a file that does not begin with `BEGIN:VCALENDAR` is refused in one line naming
//! the file and what it looks like; a broken structure names the line; an event whose
//! dates cannot be read names the event (UID) and the line. Any bytes give a result or an
//! error, never a panic.

use super::lines::{self, Component, Property};
use super::recur;
use super::value::{self, Length};
use super::zone::{Zone, Zones};
use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use chrono_tz::Tz;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// A span of busy time, in local time.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct BusyEvent {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    /// The event's `UID` (shared by the occurrences of a recurring event).
    pub uid: String,
    /// The event's `SUMMARY`, unescaped; empty when it has none.
    pub summary: String,
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

/// Why a file could not be imported. Each message is one line that names the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Not an iCalendar file at all.
    #[error("{file} is not an iCalendar file: {why}; export the calendar as .ics and import that")]
    NotICalendar { file: String, why: String },
    /// The structure of the file is broken at `line`.
    #[error("{file}, line {line}: {message}")]
    Syntax {
        file: String,
        line: usize,
        message: String,
    },
    /// One event cannot be read; `event` is its UID in quotes, or "without UID".
    #[error("{file}, event {event} (line {line}): {message}")]
    Event {
        file: String,
        event: String,
        line: usize,
        message: String,
    },
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
    let tree = lines::parse(&text).map_err(|e| ImportError::Syntax {
        file: file.to_string(),
        line: e.line,
        message: e.message,
    })?;
    let mut out = BusyImport::default();
    if matches!(text, Cow::Owned(_)) {
        out.notes.push(
            "the file is not valid UTF-8: unreadable characters were replaced with \u{fffd}"
                .to_string(),
        );
    }
    for calendar in tree.iter().filter(|c| c.name == "VCALENDAR") {
        read_calendar(calendar, file, local, &range, &mut out)?;
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
    if first_line
        .trim_ascii()
        .eq_ignore_ascii_case(b"BEGIN:VCALENDAR")
    {
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
    file: &str,
    local: Tz,
    range: &Range<NaiveDateTime>,
    out: &mut BusyImport,
) -> Result<(), ImportError> {
    let margin = |t: NaiveDateTime| t.checked_add_days(Days::new(2)).unwrap_or(t);
    let zones = Zones::new(local, calendar, margin(range.end));
    let mut events = Vec::new();
    for c in calendar.children.iter().filter(|c| c.name == "VEVENT") {
        let mut reader = Reader {
            zones: &zones,
            notes: &mut out.notes,
            component: c,
        };
        let event = reader
            .event()
            .map_err(|(line, message)| ImportError::Event {
                file: file.to_string(),
                event: c
                    .prop("UID")
                    .map_or_else(|| "without UID".to_string(), |p| format!("\"{}\"", p.value)),
                line,
                message,
            })?;
        events.push(event);
    }
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
        let capped = timing
            .occurrences(
                &zones.local,
                range,
                margin(range.end),
                replaced,
                |start, end| {
                    out.events.push(BusyEvent {
                        start,
                        end,
                        uid: e.uid.clone(),
                        summary: e.summary.clone(),
                    });
                },
            )
            .map_err(|(line, message)| ImportError::Event {
                file: file.to_string(),
                event: format!("\"{}\"", e.uid),
                line,
                message,
            })?;
        if capped {
            note(
                &mut out.notes,
                format!(
                    "event \"{}\" repeats too often: only its first {} occurrences were read",
                    e.uid,
                    recur::MAX_STEPS
                ),
            );
        }
        if out.events.len() == before {
            out.outside_range += 1;
        }
    }
    Ok(())
}

fn note(notes: &mut Vec<String>, text: String) {
    if !notes.contains(&text) {
        notes.push(text);
    }
}

/// A `VEVENT` as read.
struct Event {
    uid: String,
    summary: String,
    /// The local start of the occurrence it replaces, for an override.
    recurrence_id: Option<NaiveDateTime>,
    /// When it happens, or why it is not busy time.
    timing: Result<Timing, SkipReason>,
}

/// A start in the file: a whole day, or a wall-clock time in a zone.
#[derive(Debug, Clone)]
enum When {
    Day(NaiveDate),
    Wall(NaiveDateTime, Zone),
}

impl When {
    /// The local time it starts at (a day starts at midnight).
    fn local(&self, local: &Zone) -> NaiveDateTime {
        match self {
            When::Day(d) => d.and_time(NaiveTime::MIN),
            When::Wall(w, zone) => local.wall_of(zone.utc_of(*w)),
        }
    }
}

/// When an event happens: its first start, its length and its recurrence.
struct Timing {
    start: When,
    length: Length,
    /// The `RRULE` and its line.
    rule: Option<(String, usize)>,
    /// Extra starts (`RDATE`), in the wall-clock time of `start`.
    extra: Vec<NaiveDateTime>,
    /// Local starts left out (`EXDATE`), and whole days left out of a timed series.
    excluded: HashSet<NaiveDateTime>,
    excluded_days: HashSet<NaiveDate>,
}

impl Timing {
    /// Calls `emit` with the local start and end of each occurrence overlapping `range`.
    /// True when the recurrence was too long to read to its end.
    fn occurrences(
        &self,
        local: &Zone,
        range: &Range<NaiveDateTime>,
        stop_after: NaiveDateTime,
        replaced: &HashSet<NaiveDateTime>,
        mut emit: impl FnMut(NaiveDateTime, NaiveDateTime),
    ) -> Result<bool, Failure> {
        let (first, zone) = match &self.start {
            When::Day(d) => (d.and_time(NaiveTime::MIN), local),
            When::Wall(w, zone) => (*w, zone),
        };
        let timed = matches!(self.start, When::Wall(..));
        let mut capped = false;
        let mut starts = match &self.rule {
            None => vec![first],
            Some((rule, line)) => {
                let until = |v: &str| {
                    value::until(v, timed).map(|(t, utc)| if utc { zone.wall_of(t) } else { t })
                };
                // Occurrences starting this long before the range may still reach into
                // it (zones differ by up to a day).
                let reach = TimeDelta::try_days(self.length.days.saturating_add(2))
                    .and_then(|d| d.checked_add(&self.length.exact));
                let not_before = reach
                    .and_then(|r| range.start.checked_sub_signed(r))
                    .unwrap_or(NaiveDateTime::MIN);
                let expanded = recur::expand(rule, first, &until, not_before..=stop_after)
                    .map_err(|e| (*line, e))?;
                capped = expanded.capped;
                expanded.starts
            }
        };
        starts.extend(self.extra.iter().copied());
        starts.sort();
        starts.dedup();
        for wall in starts {
            let Some((start, end)) = self.span(wall, zone, local, timed) else {
                continue;
            };
            let left_out = self.excluded.contains(&start)
                || (timed && self.excluded_days.contains(&start.date()))
                || replaced.contains(&start);
            if !left_out && start < range.end && end > range.start {
                emit(start, end);
            }
        }
        Ok(capped)
    }

    /// The local start and end of the occurrence starting at `wall`; `None` past the end of
    /// the calendar (year 262143).
    fn span(
        &self,
        wall: NaiveDateTime,
        zone: &Zone,
        local: &Zone,
        timed: bool,
    ) -> Option<(NaiveDateTime, NaiveDateTime)> {
        let days = |t: NaiveDateTime| {
            if self.length.days >= 0 {
                t.checked_add_days(Days::new(self.length.days.unsigned_abs()))
            } else {
                t.checked_sub_days(Days::new(self.length.days.unsigned_abs()))
            }
        };
        if !timed {
            let end = days(wall)?.checked_add_signed(self.length.exact)?;
            return Some((wall, end));
        }
        let start = zone.utc_of(wall);
        let end = zone
            .utc_of(days(wall)?)
            .checked_add_signed(self.length.exact)?;
        Some((local.wall_of(start), local.wall_of(end)))
    }
}

/// Reads one `VEVENT`; errors are the line and the message.
struct Reader<'a> {
    zones: &'a Zones,
    notes: &'a mut Vec<String>,
    component: &'a Component,
}

type Failure = (usize, String);

impl Reader<'_> {
    fn event(&mut self) -> Result<Event, Failure> {
        let c = self.component;
        let uid = c
            .prop("UID")
            .map(|p| value::text(p.value.trim()))
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| format!("line-{}", c.line));
        let summary = c
            .prop("SUMMARY")
            .map(|p| value::text(&p.value))
            .unwrap_or_default();
        let is = |name: &str, want: &str| {
            c.prop(name)
                .is_some_and(|p| p.value.trim().eq_ignore_ascii_case(want))
        };
        let skip = if is("STATUS", "CANCELLED") {
            Some(SkipReason::Cancelled)
        } else if is("TRANSP", "TRANSPARENT") {
            Some(SkipReason::Transparent)
        } else {
            None
        };
        let recurrence_id = match c.prop("RECURRENCE-ID") {
            None => None,
            Some(p) => {
                if p.param("RANGE")
                    .is_some_and(|r| r.eq_ignore_ascii_case("THISANDFUTURE"))
                {
                    let text = format!(
                        "event \"{uid}\": RANGE=THISANDFUTURE is read as one changed occurrence"
                    );
                    note(self.notes, text);
                }
                Some(self.when(p, p.value.trim())?.local(&self.zones.local))
            }
        };
        let timing = match skip {
            Some(reason) => Err(reason),
            None => self.timing(&uid)?,
        };
        Ok(Event {
            uid,
            summary,
            recurrence_id,
            timing,
        })
    }

    fn timing(&mut self, uid: &str) -> Result<Result<Timing, SkipReason>, Failure> {
        let c = self.component;
        let dtstart = c
            .prop("DTSTART")
            .ok_or_else(|| (c.line, "it has no DTSTART".to_string()))?;
        let start = self.when(dtstart, dtstart.value.trim())?;
        let length = match (c.prop("DTEND"), c.prop("DURATION")) {
            (Some(p), _) => {
                let end = self.when(p, p.value.trim())?;
                match (&start, &end) {
                    (When::Day(s), When::Day(e)) => Length {
                        days: match (*e - *s).num_days() {
                            0 => 1,
                            days => days,
                        },
                        exact: TimeDelta::zero(),
                    },
                    (When::Wall(s, sz), When::Wall(e, ez)) => Length {
                        days: 0,
                        exact: ez.utc_of(*e) - sz.utc_of(*s),
                    },
                    _ => {
                        return Err((
                            p.line,
                            "DTSTART and DTEND must both be dates or both date-times".into(),
                        ));
                    }
                }
            }
            (None, Some(p)) => value::duration(&p.value).map_err(|e| (p.line, e))?,
            (None, None) => match start {
                When::Day(_) => Length {
                    days: 1,
                    exact: TimeDelta::zero(),
                },
                When::Wall(..) => Length::default(),
            },
        };
        let negative = length.days < 0 || (length.days == 0 && length.exact < TimeDelta::zero());
        if negative {
            let line = c
                .prop("DTEND")
                .or(c.prop("DURATION"))
                .map_or(c.line, |p| p.line);
            return Err((line, "it ends before it starts".into()));
        }
        if !length.is_positive() {
            return Ok(Err(SkipReason::NoDuration));
        }
        let rule = match c.props("RRULE").collect::<Vec<_>>().as_slice() {
            [] => None,
            [one] => Some((one.value.trim().to_string(), one.line)),
            [one, ..] => {
                let text = format!("event \"{uid}\" has several RRULEs: only the first is read");
                note(self.notes, text);
                Some((one.value.trim().to_string(), one.line))
            }
        };
        let mut extra = Vec::new();
        for p in c.props("RDATE") {
            for v in p.value.split(',').map(str::trim).filter(|v| !v.is_empty()) {
                let period = v.contains('/')
                    || p.param("VALUE")
                        .is_some_and(|t| t.eq_ignore_ascii_case("PERIOD"));
                if period {
                    let text = format!("event \"{uid}\": RDATE periods are not read");
                    note(self.notes, text);
                    continue;
                }
                extra.push(match (&start, self.when(p, v)?) {
                    (When::Wall(_, zone), When::Wall(w, z)) => zone.wall_of(z.utc_of(w)),
                    (When::Wall(..), When::Day(d)) => d.and_time(NaiveTime::MIN),
                    (When::Day(_), other) => other
                        .local(&self.zones.local)
                        .date()
                        .and_time(NaiveTime::MIN),
                });
            }
        }
        let mut excluded = HashSet::new();
        let mut excluded_days = HashSet::new();
        for p in c.props("EXDATE") {
            for v in p.value.split(',').map(str::trim).filter(|v| !v.is_empty()) {
                let when = self.when(p, v)?;
                if let When::Day(d) = when {
                    excluded_days.insert(d);
                }
                excluded.insert(when.local(&self.zones.local));
            }
        }
        Ok(Ok(Timing {
            start,
            length,
            rule,
            extra,
            excluded,
            excluded_days,
        }))
    }

    /// A DATE or DATE-TIME value `v` of property `p`, with its zone.
    fn when(&mut self, p: &Property, v: &str) -> Result<When, Failure> {
        let kind = p.param("VALUE").map(str::to_ascii_uppercase);
        let is_date = match kind.as_deref() {
            Some("DATE") => true,
            Some("DATE-TIME") | None => v.len() == 8,
            Some(other) => {
                return Err((p.line, format!("{} cannot be of type {other}", p.name)));
            }
        };
        if is_date {
            return value::date(v)
                .map(When::Day)
                .map_err(|e| (p.line, format!("{}: {e}", p.name)));
        }
        let (wall, utc) = value::date_time(v).map_err(|e| (p.line, format!("{}: {e}", p.name)))?;
        let zone = match (utc, p.param("TZID")) {
            (true, _) => Zone::Iana(Tz::UTC),
            (false, None) => self.zones.local.clone(),
            (false, Some(tzid)) => self.zones.get(tzid).unwrap_or_else(|| {
                let text = format!(
                    "time zone \"{tzid}\" is unknown and the file does not define it: \
                     its times were read as local time"
                );
                note(self.notes, text);
                self.zones.local.clone()
            }),
        };
        Ok(When::Wall(wall, zone))
    }
}

#[cfg(test)]
mod tests;
