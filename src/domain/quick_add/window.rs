//! Spare-time lines (`free …`: weekly or one-off windows) and blackouts (`off …`).

use super::lex::Line;
use super::matching::Query;
use super::study::{put, two};
use super::token::{Kind, Token};
use super::when::{self, DaySpec, Modifier};
use super::{ParseError, ParseErrorKind};
use crate::domain::spare::{self, WeekdayOrd, Window, WindowKind};
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use std::collections::BTreeSet;

fn at(msg: String, t: &Token) -> ParseError {
    ParseError::at(msg, t.span.clone())
}

/// The label: the words left over, then the note, as typed.
fn label(words: &[&Token], line: &Line) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(q) = Query::of(words) {
        parts.push(q.shown);
    }
    if let Some(n) = line.note.as_ref().filter(|n| !n.text.is_empty()) {
        parts.push(n.text.clone());
    }
    parts.join(" ")
}

/// `mon..fri` in a weekly window: the days from one to the other, wrapping past Sunday.
fn weekday_run(a: Weekday, b: Weekday) -> BTreeSet<WeekdayOrd> {
    let mut out = BTreeSet::from([WeekdayOrd::of(a)]);
    let mut d = a;
    while d != b {
        d = d.succ();
        out.insert(WeekdayOrd::of(d));
    }
    out
}

fn too_far(t: &Token) -> ParseError {
    at(format!("'{}' is too far from today", t.shown), t).kind(ParseErrorKind::TooFar {
        shown: t.shown.clone(),
    })
}

fn backwards(from: NaiveDate, to: NaiveDate, t: &Token) -> ParseError {
    at(
        format!("'{}' ends ({to}) before it starts ({from})", t.shown),
        t,
    )
    .kind(ParseErrorKind::DaysBackwards {
        shown: t.shown.clone(),
        from,
        to,
    })
}

/// Bounds typed as `a..b`, `from a`, `until b`.
#[derive(Default)]
struct Bounds<'t> {
    range: Option<((DaySpec, DaySpec), &'t Token)>,
    from: Option<(DaySpec, &'t Token)>,
    until: Option<(DaySpec, &'t Token)>,
}

impl Bounds<'_> {
    fn any(&self) -> Option<&Token> {
        self.range
            .map(|(_, t)| t)
            .or(self.from.map(|(_, t)| t))
            .or(self.until.map(|(_, t)| t))
    }

    /// The first and last day, each optional; a range resolved as [`when::span`].
    fn resolve(
        &self,
        today: NaiveDate,
    ) -> Result<(Option<NaiveDate>, Option<NaiveDate>), ParseError> {
        if let (Some((_, r)), Some((_, o))) = (self.range, self.from.or(self.until)) {
            let (a, b) = if r.span.start < o.span.start {
                (r, o)
            } else {
                (o, r)
            };
            return Err(two("date ranges", a, b));
        }
        let (from, to, tok) = match (self.range, self.from, self.until) {
            (Some(((a, b), t)), _, _) => {
                let (f, u) = when::span(a, b, today).ok_or_else(|| too_far(t))?;
                (Some(f), Some(u), t)
            }
            (None, Some((a, ft)), Some((b, ut))) => {
                let (f, u) = when::span(a, b, today).ok_or_else(|| too_far(ft))?;
                (Some(f), Some(u), ut)
            }
            (None, Some((a, t)), None) => (
                Some(a.on_or_after(today, today).ok_or_else(|| too_far(t))?),
                None,
                t,
            ),
            (None, None, Some((b, t))) => (
                None,
                Some(b.on_or_after(today, today).ok_or_else(|| too_far(t))?),
                t,
            ),
            (None, None, None) => return Ok((None, None)),
        };
        if let (Some(f), Some(u)) = (from, to)
            && u < f
        {
            return Err(backwards(f, u, tok));
        }
        Ok((from, to))
    }
}

/// `free …`: a weekly or one-off window of spare time.
pub(super) fn free(line: &Line, now: NaiveDateTime) -> Result<Window, ParseError> {
    let today = now.date();
    let mut set: Option<(BTreeSet<WeekdayOrd>, &Token)> = None;
    let mut day: Option<(DaySpec, &Token)> = None;
    let mut bounds = Bounds::default();
    let mut range: Option<((NaiveTime, Option<NaiveTime>), &Token)> = None;
    let mut dur: Option<(u32, &Token)> = None;
    let mut words: Vec<&Token> = Vec::new();
    for t in line.body() {
        match &t.kind {
            Kind::Days(s) => put(&mut set, s.clone(), t, "sets of days")?,
            Kind::DayRange(
                DaySpec::Weekday(a, Modifier::Plain),
                DaySpec::Weekday(b, Modifier::Plain),
            ) => put(&mut set, weekday_run(*a, *b), t, "sets of days")?,
            Kind::Day(d) => put(&mut day, *d, t, "days")?,
            Kind::DayRange(a, b) => put(&mut bounds.range, (*a, *b), t, "date ranges")?,
            Kind::From(d) => put(&mut bounds.from, *d, t, "first days")?,
            Kind::Until(d) => put(&mut bounds.until, *d, t, "last days")?,
            Kind::Range(a, b) => put(&mut range, (*a, Some(*b)), t, "times")?,
            Kind::Time(tp) => put(
                &mut range,
                (tp.time().unwrap_or(NaiveTime::MIN), None),
                t,
                "times",
            )?,
            Kind::Duration(m) => put(&mut dur, *m, t, "durations")?,
            Kind::Key(_) => {
                return Err(at(
                    format!(
                        "'{}': spare time is for any badge, so leave the key out",
                        t.shown
                    ),
                    t,
                )
                .kind(ParseErrorKind::KeyNotWanted {
                    shown: t.shown.clone(),
                    blackout: false,
                }));
            }
            _ => words.push(t),
        }
    }
    if let (Some((_, a)), Some((_, b))) = (&set, &day) {
        let (a, b) = if a.span.start < b.span.start {
            (a, b)
        } else {
            (b, a)
        };
        return Err(two("days", a, b));
    }
    let (start, end) = match (range, dur) {
        (Some(((s, Some(e)), _)), None) => (s, e),
        (Some(((_, Some(_)), rt)), Some((_, dt))) => {
            return Err(at(
                format!("'{}' is not needed with '{}': keep one", dt.shown, rt.shown),
                dt,
            )
            .kind(ParseErrorKind::NotNeeded {
                duration: dt.shown.clone(),
                range: rt.shown.clone(),
            }));
        }
        (Some(((s, None), tt)), Some((m, dt))) => {
            let e = s + Duration::minutes(i64::from(m));
            if m == 0 || e <= s || m >= 24 * 60 {
                return Err(at(
                    format!(
                        "'{}' for '{}' runs past midnight: a window stays within one day",
                        tt.shown, dt.shown
                    ),
                    dt,
                )
                .kind(ParseErrorKind::PastMidnight {
                    start: tt.shown.clone(),
                    duration: dt.shown.clone(),
                }));
            }
            (s, e)
        }
        (Some(((_, None), tt)), None) => {
            return Err(at(
                format!("'{}' needs an end: write a range like 9:00-11:00", tt.shown),
                tt,
            )
            .kind(ParseErrorKind::NeedsEnd {
                shown: tt.shown.clone(),
            }));
        }
        (None, Some((_, dt))) => {
            return Err(at(
                format!(
                    "'{}' needs a start: write a range like 9:00-11:00",
                    dt.shown
                ),
                dt,
            )
            .kind(ParseErrorKind::NeedsStart {
                shown: dt.shown.clone(),
            }));
        }
        (None, None) => {
            return Err(ParseError::new(
                "add a time range, like sat 9:00-11:00 or weekdays 7:10-7:40",
            )
            .kind(ParseErrorKind::NeedsTimeRange));
        }
    };
    let kind = if let Some((days, _)) = set {
        let (from, to) = bounds.resolve(today)?;
        WindowKind::Weekly {
            days,
            start,
            end,
            from,
            to,
        }
    } else if let Some((spec, t)) = day {
        if let Some(b) = bounds.any() {
            return Err(at(
                format!(
                    "'{}' bounds weekly spare time; '{}' is a single day: keep one",
                    b.shown, t.shown
                ),
                b,
            ));
        }
        let date = spec
            .upcoming(start, now, |d| d.on_or_after(today, today))
            .ok_or_else(|| too_far(t))?;
        WindowKind::Once { date, start, end }
    } else if bounds.any().is_some() {
        let (from, to) = bounds.resolve(today)?;
        WindowKind::Weekly {
            days: (0..7).map(WeekdayOrd).collect(),
            start,
            end,
            from,
            to,
        }
    } else {
        return Err(
            ParseError::new("add a day: today, sat, 2027-02-11, weekdays or daily")
                .kind(ParseErrorKind::NeedsDay),
        );
    };
    spare::validate(&kind).map_err(ParseError::new)?;
    Ok(Window {
        id: None,
        kind,
        label: label(&words, line),
    })
}

/// `off …`: a blackout of whole days.
pub(super) fn off(line: &Line, now: NaiveDateTime) -> Result<Window, ParseError> {
    let today = now.date();
    let mut day: Option<(DaySpec, &Token)> = None;
    let mut bounds = Bounds::default();
    let mut words: Vec<&Token> = Vec::new();
    for t in line.body() {
        match &t.kind {
            Kind::Day(d) => {
                if let Some((_, first)) = day {
                    return Err(at(
                        format!(
                            "two days ('{}' and '{}'): for several days write {}..{}",
                            first.shown, t.shown, first.shown, t.shown
                        ),
                        t,
                    ));
                }
                day = Some((*d, t));
            }
            Kind::DayRange(a, b) => put(&mut bounds.range, (*a, *b), t, "date ranges")?,
            Kind::From(d) => put(&mut bounds.from, *d, t, "first days")?,
            Kind::Until(d) => put(&mut bounds.until, *d, t, "last days")?,
            Kind::Days(_) => {
                return Err(at(
                    format!(
                        "'{}' repeats: a blackout is one stretch of days, like 12/28..1/3",
                        t.shown
                    ),
                    t,
                ));
            }
            Kind::Range(..) | Kind::Time(_) | Kind::Duration(_) => {
                return Err(
                    at(format!("blackouts are whole days: drop '{}'", t.shown), t).kind(
                        ParseErrorKind::WholeDays {
                            shown: t.shown.clone(),
                        },
                    ),
                );
            }
            Kind::Key(_) => {
                return Err(at(
                    format!(
                        "'{}': a blackout stops all study, so leave the key out",
                        t.shown
                    ),
                    t,
                )
                .kind(ParseErrorKind::KeyNotWanted {
                    shown: t.shown.clone(),
                    blackout: true,
                }));
            }
            _ => words.push(t),
        }
    }
    let (from, to) = match (day, bounds.any()) {
        (Some((_, d)), Some(b)) => {
            let (a, b) = if d.span.start < b.span.start {
                (d, b)
            } else {
                (b, d)
            };
            return Err(two("days", a, b));
        }
        (Some((spec, t)), None) => {
            let d = spec.on_or_after(today, today).ok_or_else(|| too_far(t))?;
            (d, d)
        }
        (None, Some(t)) => match bounds.resolve(today)? {
            (Some(f), Some(u)) => (f, u),
            _ => {
                return Err(at(
                    format!(
                        "'{}' needs the other end too, like from 12/28 until 1/3 or 12/28..1/3",
                        t.shown
                    ),
                    t,
                ));
            }
        },
        (None, None) => {
            return Err(
                ParseError::new("add the days off, like tomorrow or 12/28..1/3")
                    .kind(ParseErrorKind::NeedsDaysOff),
            );
        }
    };
    let kind = WindowKind::Blackout { from, to };
    spare::validate(&kind).map_err(ParseError::new)?;
    Ok(Window {
        id: None,
        kind,
        label: label(&words, line),
    })
}
