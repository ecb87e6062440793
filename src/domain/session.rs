//! Acting on a session (DESIGN 1): naming one (`next`, or its start), the minutes a
//! "done" may log, and the time a "move" takes it to, read with the quick-add grammar.
//! Pure: the sessions, `now` and the badges come in as arguments.

use super::badge::Badge;
use super::dates::parse_datetime;
use super::log::Pinned;
use super::plan::Session;
use super::quick_add::{self, Intent, ParseError};
use chrono::NaiveDateTime;

/// The most a "done" may log: a day.
pub const MAX_MINUTES: u32 = 24 * 60;

/// How a session is named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionName {
    /// The next session that has not ended (a pinned one whose time passed without an
    /// answer comes first: it is the one waiting).
    Next,
    /// The session starting at this minute.
    At(NaiveDateTime),
}

/// Why a session name names nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupError {
    /// Neither `next` nor a `YYYY-MM-DDTHH:MM`.
    NotAName(String),
    /// No session starts then; `next` is the first one after it, if any.
    NoneAt {
        at: NaiveDateTime,
        next: Option<NaiveDateTime>,
    },
    /// There is no session at all.
    NoSessions,
}

impl SessionName {
    /// Reads `next` or `YYYY-MM-DDTHH:MM` (a space for the `T` too).
    pub fn parse(text: &str) -> Result<SessionName, LookupError> {
        let t = text.trim();
        if t.eq_ignore_ascii_case("next") {
            return Ok(SessionName::Next);
        }
        parse_datetime(&t.replacen(' ', "T", 1))
            .map(SessionName::At)
            .ok_or_else(|| LookupError::NotAName(t.to_string()))
    }
}

/// The sessions one can act on at `now`, in start order: pinned sessions whose time
/// passed without an answer (`overdue`), then the plan's sessions that have not ended.
pub fn actionable(sessions: &[Session], overdue: &[Pinned], now: NaiveDateTime) -> Vec<Session> {
    let mut out: Vec<Session> = overdue
        .iter()
        .map(|p| Session {
            badge: p.badge.clone(),
            start: p.start,
            end: p.end(),
            pinned: true,
        })
        .collect();
    out.extend(sessions.iter().filter(|s| s.end > now).cloned());
    out.sort_by(|a, b| (a.start, &a.badge).cmp(&(b.start, &b.badge)));
    out
}

/// The session `name` names among `sessions` (as [`actionable`] lists them).
pub fn find(sessions: &[Session], name: SessionName) -> Result<&Session, LookupError> {
    match name {
        SessionName::Next => sessions.first().ok_or(LookupError::NoSessions),
        SessionName::At(at) => sessions.iter().find(|s| s.start == at).ok_or_else(|| {
            if sessions.is_empty() {
                LookupError::NoSessions
            } else {
                LookupError::NoneAt {
                    at,
                    next: sessions.iter().map(|s| s.start).find(|s| *s > at),
                }
            }
        }),
    }
}

/// Whether a "done" may log `minutes`: 1 minute to a day.
pub fn minutes_ok(minutes: u32) -> bool {
    (1..=MAX_MINUTES).contains(&minutes)
}

/// Where a move takes a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoveTo {
    pub start: NaiveDateTime,
    /// The time has passed: allowed only as a conflict.
    pub past: bool,
}

/// Reads where to move a session of `badge` lasting `minutes`: a quick-add day and time
/// (`tomorrow 19:00`, `fri 7:30`, `明日 19時`), as a quick-add line pinning it would.
pub fn parse_move(
    text: &str,
    now: NaiveDateTime,
    badge: &str,
    minutes: u32,
    badges: &[Badge],
) -> Result<MoveTo, ParseError> {
    if text.trim().is_empty() {
        return Err(ParseError::new(
            "no time: write a day and a time, like tomorrow 19:00",
        ));
    }
    // The session's own badge and minutes make the rest a quick-add line.
    let line = format!("#{badge} {minutes}m {text}");
    match quick_add::parse(&line, now, badges) {
        Ok(Intent::Pin(p)) => Ok(MoveTo {
            start: p.start,
            past: false,
        }),
        Ok(Intent::Log(e)) => match e.start {
            Some(t) if has_time(text) => Ok(MoveTo {
                start: e.date.and_time(t),
                past: true,
            }),
            _ => Err(ParseError::new(
                "no time: write a day and a time, like tomorrow 19:00",
            )),
        },
        Ok(Intent::Window(_)) => Err(ParseError::new(
            "a move takes a day and a time, like tomorrow 19:00",
        )),
        Err(e) => Err(shift_span(e, line.len() - text.len())),
    }
}

/// Whether the text names a time of day (a quick-add line without one logs study that
/// ends now, which is no place to move a session to).
fn has_time(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_ascii_digit() || "時正午".contains(c))
        || text.to_lowercase().contains("noon")
}

/// An error's span moved back into the text as the user typed it.
fn shift_span(mut e: ParseError, by: usize) -> ParseError {
    e.span = e
        .span
        .and_then(|s| (s.start >= by).then(|| s.start - by..s.end - by));
    e
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::parse_datetime;

    fn t(s: &str) -> NaiveDateTime {
        parse_datetime(s).unwrap()
    }

    fn session(badge: &str, start: &str, end: &str, pinned: bool) -> Session {
        Session {
            badge: badge.into(),
            start: t(start),
            end: t(end),
            pinned,
        }
    }

    #[test]
    fn names_read_next_and_a_start() {
        for (text, want) in [
            ("next", Ok(SessionName::Next)),
            (" NEXT ", Ok(SessionName::Next)),
            (
                "2027-01-14T07:40",
                Ok(SessionName::At(t("2027-01-14T07:40"))),
            ),
            (
                "2027-01-14 07:40",
                Ok(SessionName::At(t("2027-01-14T07:40"))),
            ),
            ("tomorrow", Err(LookupError::NotAName("tomorrow".into()))),
            (
                "2027-02-30T07:40",
                Err(LookupError::NotAName("2027-02-30T07:40".into())),
            ),
        ] {
            assert_eq!(SessionName::parse(text), want, "{text}");
        }
    }

    #[test]
    fn find_names_the_next_session_when_none_starts_then() {
        let now = t("2027-01-14T07:00");
        let plan = [
            session("a", "2027-01-13T19:00", "2027-01-13T19:30", false),
            session("a", "2027-01-14T07:40", "2027-01-14T08:10", false),
            session("b", "2027-01-14T19:00", "2027-01-14T19:45", false),
        ];
        let overdue = [Pinned {
            id: Some(3),
            badge: "c".into(),
            start: t("2027-01-13T12:00"),
            minutes: 30,
        }];
        let all = actionable(&plan, &overdue, now);
        // The ended planned session is gone; the overdue pin leads.
        assert_eq!(
            all.iter().map(|s| s.badge.as_str()).collect::<Vec<_>>(),
            ["c", "a", "b"]
        );
        assert_eq!(find(&all, SessionName::Next).unwrap().badge, "c");
        assert_eq!(
            find(&all, SessionName::At(t("2027-01-14T19:00")))
                .unwrap()
                .badge,
            "b"
        );
        assert_eq!(
            find(&all, SessionName::At(t("2027-01-14T07:10"))),
            Err(LookupError::NoneAt {
                at: t("2027-01-14T07:10"),
                next: Some(t("2027-01-14T07:40"))
            })
        );
        assert_eq!(
            find(&all, SessionName::At(t("2027-01-15T07:10"))),
            Err(LookupError::NoneAt {
                at: t("2027-01-15T07:10"),
                next: None
            })
        );
        assert_eq!(find(&[], SessionName::Next), Err(LookupError::NoSessions));
    }

    #[test]
    fn minutes_are_one_to_a_day() {
        for (m, ok) in [
            (0, false),
            (1, true),
            (30, true),
            (1440, true),
            (1441, false),
        ] {
            assert_eq!(minutes_ok(m), ok, "{m}");
        }
    }

    #[test]
    fn moves_read_a_day_and_a_time() {
        let now = t("2027-01-14T12:00"); // a Thursday
        let badges = [Badge {
            key: "aws-saa".into(),
            name: "AWS Solutions Architect".into(),
            ..Badge::default()
        }];
        let mv = |s: &str| parse_move(s, now, "aws-saa", 30, &badges);
        for (text, start, past) in [
            ("tomorrow 19:00", "2027-01-15T19:00", false),
            ("19:00", "2027-01-14T19:00", false),
            ("fri 7:30", "2027-01-15T07:30", false),
            ("明日 19時", "2027-01-15T19:00", false),
            ("2027-01-20 7pm", "2027-01-20T19:00", false),
            ("yesterday 19:00", "2027-01-13T19:00", true),
            ("9:00", "2027-01-14T09:00", true),
        ] {
            assert_eq!(
                mv(text),
                Ok(MoveTo {
                    start: t(start),
                    past
                }),
                "{text}"
            );
        }
        for bad in ["", "tomorrow", "yesterday", "soon", "free mon 9-10"] {
            assert!(mv(bad).is_err(), "{bad}");
        }
        // The error points into the text as typed.
        let e = mv("tomorow 19:00").unwrap_err();
        assert_eq!(e.span, Some(0..7), "{e}");
    }
}
