//! A study line: a duration and a badge, with an optional day, time and note, becomes a
//! log entry (study done) or a pinned session (study placed in the future).

use super::lex::Line;
use super::matching::{self, Query};
use super::token::{Kind, Token};
use super::when::{DaySpec, Modifier};
use super::{Hint, Intent, ParseError, ParseErrorKind};
use crate::domain::badge::Badge;
use crate::domain::dates::hm;
use crate::domain::duration::format_minutes;
use crate::domain::log::{LogEntry, Pinned};
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// The longest single entry: a day.
const MAX_MINUTES: u32 = 24 * 60;

/// Records `value` in `slot`, or fails naming both tokens (`two durations ('30m' and
/// '1h'): keep one`).
pub(super) fn put<'t, T>(
    slot: &mut Option<(T, &'t Token)>,
    value: T,
    tok: &'t Token,
    what: &str,
) -> Result<(), ParseError> {
    if let Some((_, first)) = slot {
        return Err(two(what, first, tok));
    }
    *slot = Some((value, tok));
    Ok(())
}

pub(super) fn two(what: &str, first: &Token, second: &Token) -> ParseError {
    ParseError::at(
        format!(
            "two {what} ('{}' and '{}'): keep one",
            first.shown, second.shown
        ),
        second.span.clone(),
    )
    .kind(ParseErrorKind::Two {
        what: super::Twice::of(what),
        first: first.shown.clone(),
        second: second.shown.clone(),
    })
}

/// What a study line says, token by token.
#[derive(Default)]
struct Parts<'t> {
    duration: Option<(u32, &'t Token)>,
    /// A start time, or a range's start and end.
    time: Option<((NaiveTime, Option<NaiveTime>), &'t Token)>,
    day: Option<(DaySpec, &'t Token)>,
    key: Option<(String, &'t Token)>,
    words: Vec<&'t Token>,
}

fn collect(tokens: &[Token]) -> Result<Parts<'_>, ParseError> {
    let mut p = Parts::default();
    for t in tokens {
        let at = |msg: String| Err(ParseError::at(msg, t.span.clone()));
        match &t.kind {
            Kind::Duration(m) => put(&mut p.duration, *m, t, "durations")?,
            Kind::Time(tp) => {
                let start = tp.time().unwrap_or(NaiveTime::MIN);
                put(&mut p.time, (start, None), t, "times")?;
            }
            Kind::Range(a, b) => put(&mut p.time, (*a, Some(*b)), t, "times")?,
            Kind::Day(d) => put(&mut p.day, *d, t, "days")?,
            Kind::Key(k) => put(&mut p.key, k.clone(), t, "badges")?,
            Kind::Days(_) => {
                return Err(ParseError::at(format!(
                    "'{}' repeats every week: for spare time start the line with free, like free {} 7:10-7:40",
                    t.shown, t.shown
                ), t.span.clone())
                .kind(ParseErrorKind::RepeatsWeekly {
                    shown: t.shown.clone(),
                }));
            }
            Kind::DayRange(..) => {
                return Err(ParseError::at(
                    format!(
                        "'{}' is several days: log one day at a time (days off start with off)",
                        t.shown
                    ),
                    t.span.clone(),
                )
                .kind(ParseErrorKind::SeveralDays {
                    shown: t.shown.clone(),
                }));
            }
            Kind::From(_) | Kind::Until(_) => {
                return at(format!(
                    "'{}' bounds weekly spare time: start the line with free",
                    t.shown
                ));
            }
            _ => p.words.push(t),
        }
    }
    Ok(p)
}

pub(super) fn study(
    line: &Line,
    now: NaiveDateTime,
    badges: &[Badge],
) -> Result<Intent, ParseError> {
    if line.tokens.is_empty() && line.note.is_none() {
        return Err(ParseError::new(
            "nothing to add: type something like 30m #aws-saa, free sat 9:00-11:00 or off tomorrow",
        )
        .kind(ParseErrorKind::NothingToAdd));
    }
    let p = collect(line.body())?;
    let minutes = minutes(&p)?;
    let badge = badge(&p, badges)?;
    let note = line.note.as_ref().filter(|n| !n.text.is_empty());
    let today = now.date();
    let log = |date: NaiveDate, start: Option<NaiveTime>| {
        Intent::Log(LogEntry {
            id: None,
            badge: badge.key.clone(),
            date,
            start,
            minutes,
            note: note.map(|n| n.text.clone()),
        })
    };
    let out_of_range = |t: &Token| {
        ParseError::at(
            format!("'{}' is too far from today", t.shown),
            t.span.clone(),
        )
        .kind(ParseErrorKind::TooFar {
            shown: t.shown.clone(),
        })
    };
    let start = p.time.as_ref().map(|((s, _), _)| *s);
    let at = match (&p.day, start) {
        (None, None) => return Ok(ends_now(now, minutes, log)),
        (Some((spec, t)), None) => {
            let date = spec.nearest(today).ok_or_else(|| out_of_range(t))?;
            if date < today {
                return Ok(log(date, None));
            }
            if date == today {
                return Ok(ends_now(now, minutes, log));
            }
            let when = if *spec == DaySpec::Rel(1) {
                "tomorrow".to_string()
            } else {
                format!("on {}", date.format("%a %Y-%m-%d"))
            };
            return Err(ParseError::at(
                format!("add a time for a session {when}, like 7:30"),
                t.span.clone(),
            )
            .kind(ParseErrorKind::SessionNeedsTime {
                day: (*spec != DaySpec::Rel(1)).then_some(date),
            }));
        }
        (None, Some(s)) => today.and_time(s),
        (Some((spec, t)), Some(s)) => spec
            .upcoming(s, now, |d| d.nearest(today))
            .ok_or_else(|| out_of_range(t))?
            .and_time(s),
    };
    if at < now {
        let length = Duration::minutes(i64::from(minutes));
        // Past the last date chrono holds, the end is certainly after now.
        if at.checked_add_signed(length).is_none_or(|end| end > now) {
            // Study is logged once done: a log may not reach past now.
            let done = (now - at).num_minutes();
            let span = p.time.as_ref().map(|(_, t)| t.span.clone());
            let message = format!(
                "{} from {} ends at {}, after now: log {} from {}, or leave out the time to log {} ending now",
                format_minutes(minutes),
                hm(at.time()),
                hm(at.time().overflowing_add_signed(length).0),
                format_minutes(u32::try_from(done).unwrap_or(0)),
                hm(at.time()),
                format_minutes(minutes)
            );
            return Err(match span {
                Some(span) => ParseError::at(message, span),
                None => ParseError::new(message),
            });
        }
        return Ok(log(at.date(), Some(at.time())));
    }
    if let Some(n) = note {
        return Err(ParseError::at(
            format!(
                "\"{}\": a note goes with study done, and {} is still ahead; drop it",
                n.text,
                at.format("%Y-%m-%d %H:%M")
            ),
            n.span.clone(),
        ));
    }
    Ok(Intent::Pin(Pinned {
        id: None,
        badge: badge.key.clone(),
        start: at,
        minutes,
    }))
}

/// A log entry for today that ends now; without a start time when it would begin
/// yesterday.
fn ends_now(
    now: NaiveDateTime,
    minutes: u32,
    log: impl Fn(NaiveDate, Option<NaiveTime>) -> Intent,
) -> Intent {
    let start = now
        .checked_sub_signed(Duration::minutes(i64::from(minutes)))
        .filter(|s| s.date() == now.date())
        .map(|s| s.time());
    log(now.date(), start)
}

/// The minutes typed, from a duration or a time range (both if they agree).
fn minutes(p: &Parts<'_>) -> Result<u32, ParseError> {
    let ranged = match p.time {
        Some(((a, Some(b)), t)) => {
            let m = u32::try_from((b - a).num_minutes()).unwrap_or(0);
            Some((m, t))
        }
        _ => None,
    };
    let (m, t) = match (p.duration, ranged) {
        (Some(d), None) => d,
        (None, Some(r)) => r,
        (Some((m, dt)), Some((r, rt))) if m != r => {
            return Err(ParseError::at(
                format!(
                    "'{}' is {} but '{}' is {}: keep one",
                    rt.shown,
                    format_minutes(r),
                    dt.shown,
                    format_minutes(m)
                ),
                dt.span.clone(),
            ));
        }
        (Some(d), Some(_)) => d,
        (None, None) => {
            let bare = p
                .words
                .iter()
                .find(|w| matches!(w.kind, Kind::Number(n) if (1..=MAX_MINUTES).contains(&n)));
            // A word with a duration inside it (`X1h`, `30mn`): name it.
            let garbled = p.words.iter().find(|w| {
                let c: Vec<char> = w.norm.chars().collect();
                c.windows(2)
                    .any(|p| p[0].is_ascii_digit() && matches!(p[1], 'h' | 'm' | '分' | '時'))
            });
            return Err(match (bare, garbled) {
                (Some(w), _) => ParseError::at(
                    format!(
                        "no duration: '{}' needs a unit, like {}m or {}分",
                        w.shown, w.norm, w.norm
                    ),
                    w.span.clone(),
                )
                .kind(ParseErrorKind::DurationNeedsUnit {
                    shown: w.shown.clone(),
                    number: w.norm.clone(),
                }),
                (None, Some(w)) => ParseError::at(
                    format!(
                        "no duration: '{}' is not one; write it like 30m, 1h30m or 1.5h",
                        w.shown
                    ),
                    w.span.clone(),
                )
                .kind(ParseErrorKind::NotADuration {
                    shown: w.shown.clone(),
                }),
                (None, None) => ParseError::new("no duration: add one like 30m")
                    .kind(ParseErrorKind::NoDuration),
            });
        }
    };
    if m == 0 {
        return Err(ParseError::at(
            format!("'{}' is no time at all: log at least 1m", t.shown),
            t.span.clone(),
        )
        .kind(ParseErrorKind::ZeroDuration {
            shown: t.shown.clone(),
        }));
    }
    if m > MAX_MINUTES {
        return Err(ParseError::at(
            format!(
                "'{}' is more than a day: keep one entry to 24h or less",
                t.shown
            ),
            t.span.clone(),
        )
        .kind(ParseErrorKind::MoreThanADay {
            shown: t.shown.clone(),
        }));
    }
    Ok(m)
}

/// The badge: by `#key`, or by the words left over. A plain weekday that is also a word
/// of the badge's name is an error, not a guess.
fn badge<'a>(p: &Parts<'_>, badges: &'a [Badge]) -> Result<&'a Badge, ParseError> {
    let words = Query::of(&p.words);
    let weekday = p
        .day
        .as_ref()
        .filter(|(d, _)| matches!(d, DaySpec::Weekday(_, Modifier::Plain)))
        .map(|(_, t)| *t);
    if let Some((key, kt)) = &p.key {
        let b = matching::by_key(key, kt, badges)?;
        if let Some(q) = words
            && !matching::fits(&q, b)
        {
            return Err(leftover(&q, &p.words));
        }
        return Ok(b);
    }
    let found = match &words {
        Some(q) => matching::by_words(q, badges),
        None => Err(ParseError::new("no badge: add #key or a word of its name")
            .kind(ParseErrorKind::NoBadge)),
    };
    if let Some(wd) = weekday {
        // The weekday may have been meant as part of the name: say so rather than guess.
        let mut with_day = p.words.clone();
        with_day.push(wd);
        with_day.sort_by_key(|t| t.span.start);
        let named = match &found {
            Ok(b) if matching::names(b, &wd.norm) => Some(*b),
            Err(_) => Query::of(&with_day).and_then(|q| matching::by_words(&q, badges).ok()),
            Ok(_) => None,
        };
        if let Some(b) = named {
            return Err(ParseError::at(
                format!(
                    "'{}' is read as a day, but it is also in the name {}: write #{} for the badge, or last {} for the day",
                    wd.shown, b.name, b.key, wd.norm
                ),
                wd.span.clone(),
            ));
        }
    }
    match (found, &words) {
        (Err(e), Some(q)) if e.message.starts_with("unknown badge") => {
            Err(explain(&p.words, badges).unwrap_or(e))
        }
        (r, _) => r,
    }
}

/// Words left over beside a `#key`.
fn leftover(q: &Query, words: &[&Token]) -> ParseError {
    let single = match words {
        [w] => slip(w),
        _ => None,
    };
    misspelling(words).or(single).unwrap_or_else(|| {
        ParseError::at(
            format!(
                "'{}' is not understood: a note goes after -- or in quotes",
                q.shown
            ),
            q.span.clone(),
        )
        .kind(ParseErrorKind::NotUnderstood {
            shown: q.shown.clone(),
            hint: Hint::Note,
        })
    })
}

/// A word that looks like a misspelt keyword (`tomorow`).
fn misspelling(words: &[&Token]) -> Option<ParseError> {
    words.iter().find_map(|w| {
        matching::misspelt(&w.norm).map(|k| {
            ParseError::at(
                format!("'{}' is not understood: did you mean {k}?", w.shown),
                w.span.clone(),
            )
            .kind(ParseErrorKind::NotUnderstood {
                shown: w.shown.clone(),
                hint: Hint::DidYouMean(k.to_string()),
            })
        })
    })
}

/// A word that looks like a slip rather than part of a name: a bare number (`7`), or
/// `next`/`last` without a weekday.
fn slip(w: &Token) -> Option<ParseError> {
    let (msg, hint) = if let Kind::Number(n) = w.kind {
        match n {
            0..=23 => (
                format!(
                    "'{}' is not understood: write {n}:00 for a time or {n}m for minutes",
                    w.shown
                ),
                Some(Hint::TimeOrMinutes(n)),
            ),
            24..=MAX_MINUTES => (
                format!("'{}' is not understood: write {n}m for minutes", w.shown),
                Some(Hint::Minutes(n)),
            ),
            _ => (
                format!(
                    "'{}' is not understood: a note goes after -- or in quotes",
                    w.shown
                ),
                Some(Hint::Note),
            ),
        }
    } else if matches!(w.norm.as_str(), "next" | "last") {
        (
            format!(
                "'{}' needs a weekday after it, like {} fri",
                w.shown, w.norm
            ),
            None,
        )
    } else {
        return None;
    };
    let e = ParseError::at(msg, w.span.clone());
    Some(match hint {
        Some(hint) => e.kind(ParseErrorKind::NotUnderstood {
            shown: w.shown.clone(),
            hint,
        }),
        None => e,
    })
}

/// Why words that match no badge do not: a misspelt keyword, or a slip without which
/// the rest would match.
fn explain(words: &[&Token], badges: &[Badge]) -> Option<ParseError> {
    misspelling(words).or_else(|| {
        words.iter().find_map(|w| {
            let e = slip(w)?;
            // A number may be part of a name (`az 104`): blame it only if the rest fits.
            let rest: Vec<&Token> = words.iter().copied().filter(|x| x != w).collect();
            let fits = rest.is_empty()
                || !matches!(w.kind, Kind::Number(_))
                || Query::of(&rest).is_some_and(|q| matching::by_words(&q, badges).is_ok());
            fits.then_some(e)
        })
    })
}
