//! One `VEVENT`: reading its dates, length, recurrence and exceptions, and listing its
//! occurrences in local time.

use super::{SkipReason, note};
use crate::io::ics::lines::{Component, Property};
use crate::io::ics::recur;
use crate::io::ics::value::{self, Length};
use crate::io::ics::zone::{Zone, Zones};
use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use chrono_tz::Tz;
use std::collections::HashSet;
use std::ops::Range;

/// A `VEVENT` as read.
pub(super) struct Event {
    pub uid: String,
    /// Whether the file gave the UID (else it is `line-<N>`).
    pub has_uid: bool,
    /// `SEQUENCE` (0 when absent or unreadable).
    pub sequence: i64,
    pub summary: String,
    /// The local start of the occurrence it replaces, for an override.
    pub recurrence_id: Option<NaiveDateTime>,
    /// When it happens, or why it is not busy time.
    pub timing: Result<Timing, SkipReason>,
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
pub(super) struct Timing {
    start: When,
    length: Length,
    /// The `RRULE` and its line.
    rule: Option<(String, usize)>,
    /// Extra starts (`RDATE`), in the wall-clock time of `start`, with their own length
    /// when the `RDATE` is a period.
    extra: Vec<(NaiveDateTime, Option<Length>)>,
    /// Local starts left out (`EXDATE`), and whole days left out of a timed series.
    excluded: HashSet<NaiveDateTime>,
    excluded_days: HashSet<NaiveDate>,
}

impl Timing {
    /// Calls `emit` with the local start and end of each occurrence overlapping `range`.
    /// True when the recurrence was too long to read to its end.
    pub(super) fn occurrences(
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
        let mut starts: Vec<(NaiveDateTime, Option<Length>)> = match &self.rule {
            None => vec![(first, None)],
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
                expanded.starts.into_iter().map(|s| (s, None)).collect()
            }
        };
        starts.extend(self.extra.iter().cloned());
        // A period of an RDATE keeps its own length over the event's.
        starts.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.is_some().cmp(&a.1.is_some())));
        starts.dedup_by_key(|s| s.0);
        for (wall, length) in starts {
            let length = length.as_ref().unwrap_or(&self.length);
            if !length.is_positive() {
                continue;
            }
            let Some((start, end)) = Self::span(length, wall, zone, local, timed) else {
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
        length: &Length,
        wall: NaiveDateTime,
        zone: &Zone,
        local: &Zone,
        timed: bool,
    ) -> Option<(NaiveDateTime, NaiveDateTime)> {
        let days = |t: NaiveDateTime| {
            if length.days >= 0 {
                t.checked_add_days(Days::new(length.days.unsigned_abs()))
            } else {
                t.checked_sub_days(Days::new(length.days.unsigned_abs()))
            }
        };
        if !timed {
            let end = days(wall)?.checked_add_signed(length.exact)?;
            return Some((wall, end));
        }
        let start = zone.utc_of(wall);
        let end = zone.utc_of(days(wall)?).checked_add_signed(length.exact)?;
        let (from, to) = (local.wall_of(start), local.wall_of(end));
        // Across the hour a clock is set back, the local end can come at or before the
        // local start (01:30 and one hour is 01:30 again): the event still takes its time,
        // so the wall-clock span lasts as long as the event does.
        if to <= from && end > start {
            return Some((from, from.checked_add_signed(end - start)?));
        }
        Some((from, to))
    }
}

/// Reads one `VEVENT`; errors are the line and the message.
pub(super) struct Reader<'a> {
    pub zones: &'a Zones,
    pub notes: &'a mut Vec<String>,
    pub component: &'a Component<'a>,
}

type Failure = (usize, String);

impl Reader<'_> {
    pub(super) fn event(&mut self) -> Result<Event, Failure> {
        let c = self.component;
        let given = c
            .prop("UID")
            .map(|p| value::text(p.value.trim()))
            .filter(|u| !u.is_empty());
        let has_uid = given.is_some();
        let uid = given.unwrap_or_else(|| format!("line-{}", c.line));
        let sequence = c
            .prop("SEQUENCE")
            .and_then(|p| p.value.trim().parse::<i64>().ok())
            .unwrap_or(0);
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
            has_uid,
            sequence,
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
                let (at, length) = match v.split_once('/') {
                    Some((from, to)) => {
                        let (at, length) = self.period(p, from, to)?;
                        (at, Some(length))
                    }
                    None => (self.when(p, v)?, None),
                };
                let wall = match (&start, at) {
                    (When::Wall(_, zone), When::Wall(w, z)) => zone.wall_of(z.utc_of(w)),
                    (When::Wall(..), When::Day(d)) => d.and_time(NaiveTime::MIN),
                    (When::Day(_), other) => other
                        .local(&self.zones.local)
                        .date()
                        .and_time(NaiveTime::MIN),
                };
                extra.push((wall, length));
            }
        }
        let periods = extra
            .iter()
            .any(|(_, l)| l.as_ref().is_some_and(Length::is_positive));
        if !length.is_positive() && !periods {
            return Ok(Err(SkipReason::NoDuration));
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

    /// A PERIOD value `from/to` of an `RDATE`: its start, and its length (`to` is an end
    /// or a duration). Dates are read too, as whole days.
    fn period(&mut self, p: &Property, from: &str, to: &str) -> Result<(When, Length), Failure> {
        let start = self.when(p, from.trim())?;
        let to = to.trim();
        let length = if to.trim_start_matches(['+', '-']).starts_with(['P', 'p']) {
            value::duration(to).map_err(|e| (p.line, format!("RDATE: {e}")))?
        } else {
            match (&start, self.when(p, to)?) {
                (When::Day(s), When::Day(e)) => Length {
                    days: (e - *s).num_days(),
                    exact: TimeDelta::zero(),
                },
                (When::Wall(s, sz), When::Wall(e, ez)) => Length {
                    days: 0,
                    exact: ez.utc_of(e) - sz.utc_of(*s),
                },
                _ => {
                    return Err((
                        p.line,
                        "an RDATE period must begin and end with the same kind of value".into(),
                    ));
                }
            }
        };
        if length.days < 0 || (length.days == 0 && length.exact < TimeDelta::zero()) {
            return Err((p.line, "an RDATE period ends before it starts".into()));
        }
        Ok((start, length))
    }

    /// A DATE or DATE-TIME value `v` of property `p`, with its zone.
    fn when(&mut self, p: &Property, v: &str) -> Result<When, Failure> {
        let kind = p.param("VALUE").map(str::to_ascii_uppercase);
        let is_date = match kind.as_deref() {
            Some("DATE") => true,
            // The parts of a PERIOD are date-times (dates, in some files).
            Some("DATE-TIME" | "PERIOD") | None => v.len() == 8,
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
            (false, None) => self.zones.floating.clone(),
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
