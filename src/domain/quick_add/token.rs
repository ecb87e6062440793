//! What each token is: a duration, a time, a range, a day, a set of weekdays, a `#key`,
//! or a word.

use super::when::{DaySpec, Mer, Modifier, TimePoint};
use super::{ParseError, ParseErrorKind as PK};
use crate::domain::dates::{parse_weekday, parse_ymd};
use crate::domain::duration::parse_duration;
use crate::domain::spare::WeekdayOrd;
use chrono::{NaiveDate, NaiveTime, Weekday};
use std::collections::BTreeSet;
use std::ops::Range;

/// One token of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token {
    pub kind: Kind,
    /// Normalised (NFKC) and lowercased text.
    pub norm: String,
    /// The text as typed.
    pub shown: String,
    /// Byte range in the text as typed.
    pub span: Range<usize>,
    /// Index of the space-separated chunk it came from (glued pieces share one).
    pub chunk: usize,
}

/// The meaning of a token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    /// Whole minutes.
    Duration(u32),
    Time(TimePoint),
    /// A bare whole number: an hour inside a range, otherwise a word.
    Number(u32),
    /// A checked time range, start before end.
    Range(NaiveTime, NaiveTime),
    Day(DaySpec),
    DayRange(DaySpec, DaySpec),
    /// A weekly set of days: `weekdays`, `mon,wed`, `every sat`.
    Days(BTreeSet<WeekdayOrd>),
    /// `from D`: the first day of a weekly window.
    From(DaySpec),
    /// `until D`, `Dまで`: the last day of a weekly window.
    Until(DaySpec),
    /// `#key`, lowercased, without the `#`.
    Key(String),
    /// Words that only mean something next to another token; left alone they are words.
    Sep,
    Made,
    Meridiem(Mer),
    /// Minutes per unit: `min` 1, `h` 60.
    Unit(u32),
    At,
    Every,
    Next,
    Last,
    FromWord,
    UntilWord,
    Word,
}

type Class = Result<Option<Kind>, ParseError>;

/// Punctuation that may end a token without being part of it.
const TRAILING: &[char] = &[',', '.', ';', ':', '!', '?', '、', '。', '，'];

/// Bytes in the longest token the grammar has.
const MAX_TOKEN: usize = 96;

/// Classifies one piece of normalised text (`shown` is how it was typed, for messages).
/// `Ok(None)`: not a token of the grammar (a word, or a glued run to split). `Err`: it looks
/// like a time, date or duration but is not a valid one.
pub(super) fn classify(piece: &str, shown: &str) -> Class {
    // Nothing in the grammar is longer (the longest is a range of Japanese dates); a
    // pasted wall of text is a word, read in linear time.
    if piece.len() > MAX_TOKEN && !piece.starts_with(['#', '＃']) {
        return Ok(None);
    }
    let s = piece.to_lowercase();
    let s = s.as_str();
    if let Some(key) = s.strip_prefix('#') {
        if key.chars().any(super::lex::is_cjk) {
            // `#aws-saa、30分`: let the chunk be split where the Japanese starts.
            return Ok(None);
        }
        let key = key.trim_end_matches(TRAILING);
        if key.is_empty() {
            return Err(ParseError::new(format!(
                "'{shown}' needs a key after the #, like #aws-saa"
            ))
            .kind(PK::NeedsKey {
                shown: shown.to_string(),
            }));
        }
        return Ok(Some(Kind::Key(key.to_string())));
    }
    if let Some(rest) = s.strip_prefix('@') {
        return match hour_point(rest) {
            Some(Ok(tp)) => Ok(Some(Kind::Time(tp))),
            _ => Err(ParseError::new(format!(
                "'{shown}' is not a time: write it like @7:30 or @19:00"
            ))
            .kind(PK::NotATime {
                shown: shown.to_string(),
                at: true,
            })),
        };
    }
    if let Some(kind) = keyword(s) {
        return Ok(Some(kind));
    }
    // `yesterday.`, `7:30,`: punctuation ending a token is not part of it.
    let core = s.trim_end_matches(TRAILING);
    if core.len() < s.len() && !core.is_empty() && !s.ends_with("..") && !s.ends_with(".m.") {
        return classify(core, shown);
    }
    if let Some(kind) = ranges(s)? {
        return Ok(Some(kind));
    }
    if let Some(found) = time_point(s) {
        return found
            .map(|tp| Some(Kind::Time(tp)))
            .map_err(|()| not_a_time(shown));
    }
    if let Some(found) = duration(s) {
        return found
            .map(|m| Some(Kind::Duration(m)))
            .map_err(|()| bad_duration(shown));
    }
    if let Some(found) = day_point(s) {
        return found
            .map(|d| Some(Kind::Day(d)))
            .map_err(|()| not_a_date(shown));
    }
    if let Some(found) = day_set(s) {
        return found.map(|d| Some(Kind::Days(d))).map_err(|()| {
            ParseError::new(format!(
                "'{shown}' is not a list of days: write it like mon,wed,fri or 月,水,金"
            ))
            .kind(PK::NotDays {
                shown: shown.to_string(),
            })
        });
    }
    if let Some(rest) = s.strip_prefix("毎週")
        && let rest = if rest == "末" { "週末" } else { rest }
        && let Some(Ok(days)) = parse_weekday(rest)
            .map(|w| Ok(BTreeSet::from([WeekdayOrd::of(w)])))
            .or_else(|| day_set(rest))
    {
        return Ok(Some(Kind::Days(days)));
    }
    if s.len() <= 9 && !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(s.parse().ok().map(Kind::Number));
    }
    Ok(None)
}

pub(super) fn not_a_time(shown: &str) -> ParseError {
    let kind = PK::NotATime {
        shown: shown.to_string(),
        at: false,
    };
    if shown.starts_with("24") {
        ParseError::new(format!(
            "'{shown}' is not a time: times run from 0:00 to 23:59"
        ))
        .kind(kind)
    } else {
        ParseError::new(format!("'{shown}' is not a time")).kind(kind)
    }
}

/// `2/30`: a date that does not exist.
fn not_a_date(shown: &str) -> ParseError {
    ParseError::new(format!("{shown} is not a date")).kind(PK::NotADate {
        shown: shown.to_string(),
    })
}

/// A duration too long or not written right.
pub(super) fn bad_duration(shown: &str) -> ParseError {
    ParseError::new(format!(
        "'{shown}' is not a duration: write it like 30m, 1h30m, 1.5h or 30分"
    ))
    .kind(PK::BadDuration {
        shown: shown.to_string(),
    })
}

fn keyword(s: &str) -> Option<Kind> {
    Some(match s {
        "-" | "~" | "〜" | "–" | ".." | "to" | "から" => Kind::Sep,
        "まで" => Kind::Made,
        "am" | "a.m." | "午前" => Kind::Meridiem(Mer::Am),
        "pm" | "p.m." | "午後" => Kind::Meridiem(Mer::Pm),
        "m" | "min" | "mins" | "minute" | "minutes" | "分" => Kind::Unit(1),
        "h" | "hr" | "hrs" | "hour" | "hours" | "時間" => Kind::Unit(60),
        "@" | "at" => Kind::At,
        "every" | "毎週" => Kind::Every,
        "next" => Kind::Next,
        "last" => Kind::Last,
        "from" => Kind::FromWord,
        "until" | "till" => Kind::UntilWord,
        _ => return None,
    })
}

/// `7:10-7:40`, `19-21`, `9時〜11時`, `7-9pm`; `2027-01-02..2027-01-05`, `12/28..1/3`.
fn ranges(s: &str) -> Result<Option<Kind>, ParseError> {
    let s = s.strip_suffix("まで").unwrap_or(s);
    for sep in ["..", "〜", "~", "から", "–", "-"] {
        for (i, _) in s.match_indices(sep) {
            let (a, b) = (&s[..i], &s[i + sep.len()..]);
            if a.is_empty() || b.is_empty() {
                continue;
            }
            if let (Some(x), Some(y)) = (hour_point(a), hour_point(b)) {
                let x = x.map_err(|()| not_a_time(a))?;
                let y = y.map_err(|()| not_a_time(b))?;
                let shown = format!("{a}{sep}{b}");
                return time_range(x, y, &shown).map(|(p, q)| Some(Kind::Range(p, q)));
            }
            if let (Some(x), Some(y)) = (day_point(a), day_point(b)) {
                let x = x.map_err(|()| not_a_date(a))?;
                let y = y.map_err(|()| not_a_date(b))?;
                return Ok(Some(Kind::DayRange(x, y)));
            }
        }
    }
    Ok(None)
}

/// A checked time range; a meridiem on one end carries to the other when that makes
/// sense (`7-9pm` is 19:00-21:00, `11-1pm` is 11:00-13:00).
pub(super) fn time_range(
    a: TimePoint,
    b: TimePoint,
    shown: &str,
) -> Result<(NaiveTime, NaiveTime), ParseError> {
    let carry = |to: TimePoint, from: TimePoint| -> Option<TimePoint> {
        match (to.mer, from.mer) {
            (None, Some(m)) if to.h <= 12 => Some(TimePoint { mer: Some(m), ..to }),
            _ => None,
        }
    };
    let (ta, tb) = (a.time(), b.time());
    let (Some(mut ta), Some(mut tb)) = (ta, tb) else {
        return Err(not_a_time(shown));
    };
    if let Some(t) = carry(a, b).and_then(TimePoint::time)
        && t < tb
    {
        ta = t;
    }
    if let Some(t) = carry(b, a).and_then(TimePoint::time)
        && ta < t
    {
        tb = t;
    }
    if tb == ta {
        return Err(ParseError::new(format!(
            "'{shown}' is empty: the end must come after the start"
        ))
        .kind(PK::EmptyRange {
            shown: shown.to_string(),
        }));
    }
    if tb < ta {
        let fix = (b.mer.is_none() && b.h < 12 && tb + chrono::Duration::hours(12) > ta)
            .then(|| (ta, tb + chrono::Duration::hours(12)));
        let hint = match fix {
            Some((x, y)) => format!(
                ": did you mean {}-{}?",
                x.format("%-H:%M"),
                y.format("%-H:%M")
            ),
            None => ": keep it within one day (split it at midnight)".to_string(),
        };
        return Err(
            ParseError::new(format!("'{shown}' ends before it starts{hint}")).kind(PK::Backwards {
                shown: shown.to_string(),
                fix,
            }),
        );
    }
    Ok((ta, tb))
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn small(s: &str) -> Result<u32, ()> {
    if all_digits(s) && s.len() <= 4 {
        s.parse().map_err(|_| ())
    } else {
        Err(())
    }
}

/// A time of day: `7:30`, `7pm`, `7:30pm`, `7時`, `7時30分`, `7時半`, `午後7時`,
/// `午後7:30`, `noon`, `正午`. `None`: not shaped like a time. `Some(Err)`: shaped like
/// one but impossible (`25:00`, `13pm`, `7時60分`).
pub(super) fn time_point(s: &str) -> Option<Result<TimePoint, ()>> {
    if s == "noon" || s == "正午" {
        return Some(Ok(TimePoint {
            h: 12,
            m: 0,
            mer: None,
        }));
    }
    let (mer, body) = if let Some(b) = s.strip_prefix("午前") {
        (Some(Mer::Am), b)
    } else if let Some(b) = s.strip_prefix("午後") {
        (Some(Mer::Pm), b)
    } else if let Some(b) = s.strip_suffix("am").or_else(|| s.strip_suffix("a.m.")) {
        (Some(Mer::Am), b)
    } else if let Some(b) = s.strip_suffix("pm").or_else(|| s.strip_suffix("p.m.")) {
        (Some(Mer::Pm), b)
    } else {
        (None, s)
    };
    let parsed: Option<Result<(u32, u32), ()>> = if let Some((h, m)) = body.split_once(':') {
        if !all_digits(h) || !m.bytes().all(|b| b.is_ascii_digit() || b == b':') {
            None
        } else if m.len() != 2 {
            Some(Err(()))
        } else {
            Some(small(h).and_then(|h| Ok((h, small(m)?))))
        }
    } else if let Some((h, rest)) = body.split_once('時') {
        if !all_digits(h) || rest.starts_with('間') {
            None
        } else if rest.is_empty() {
            Some(small(h).map(|h| (h, 0)))
        } else if rest == "半" {
            Some(small(h).map(|h| (h, 30)))
        } else if let Some(m) = rest.strip_suffix('分')
            && all_digits(m)
        {
            Some(small(h).and_then(|h| Ok((h, small(m)?))))
        } else {
            None
        }
    } else if mer.is_some() && all_digits(body) {
        Some(small(body).map(|h| (h, 0)))
    } else {
        None
    };
    let (h, m) = match parsed? {
        Ok(hm) => hm,
        Err(()) => return Some(Err(())),
    };
    let tp = TimePoint { h, m, mer };
    Some(tp.time().map(|_| tp).ok_or(()))
}

/// A time, or a bare hour (`19`) as one end of a range or after `@`.
pub(super) fn hour_point(s: &str) -> Option<Result<TimePoint, ()>> {
    if all_digits(s) && s.len() <= 2 {
        let tp = TimePoint {
            h: s.parse().ok()?,
            m: 0,
            mer: None,
        };
        return Some(tp.time().map(|_| tp).ok_or(()));
    }
    time_point(s)
}

/// `30m`, `1h30m`, `1.5h`, `45min`, `2hours`, `30分`, `1時間`, `1時間30分`, `1時間半`.
/// `None`: not shaped like a duration. `Some(Err)`: shaped like one but not valid.
fn duration(s: &str) -> Option<Result<u32, ()>> {
    let starts_num = s.starts_with(|c: char| c.is_ascii_digit() || c == '.');
    if starts_num && (s.contains("時間") || s.ends_with('分')) {
        let ascii = s
            .replacen("時間半", "h30m", 1)
            .replacen("時間", "h", 1)
            .replacen('分', "m", 1);
        return Some(parse_duration(&ascii).map_err(|_| ()));
    }
    let unsigned = s.strip_prefix(['-', '+']);
    let body = unsigned.unwrap_or(s);
    let shaped = body.starts_with(|c: char| c.is_ascii_digit())
        && body.bytes().any(|b| b.is_ascii_alphabetic())
        && body
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b"hmrsoutine".contains(&b));
    if !shaped {
        return None;
    }
    if unsigned.is_some() {
        return Some(Err(()));
    }
    Some(parse_duration(body).map_err(|_| ()))
}

/// A single day. `None`: not shaped like one. `Some(Err)`: shaped like a date that does
/// not exist (`2027-02-30`, `2/30`).
pub(super) fn day_point(s: &str) -> Option<Result<DaySpec, ()>> {
    let rel = match s {
        "today" | "今日" | "きょう" | "本日" => Some(0),
        "yesterday" | "yday" | "昨日" | "きのう" => Some(-1),
        "tomorrow" | "tmr" | "tmrw" | "明日" | "あした" | "あす" => Some(1),
        "一昨日" | "おととい" => Some(-2),
        "明後日" | "あさって" => Some(2),
        _ => None,
    };
    if let Some(n) = rel {
        return Some(Ok(DaySpec::Rel(n)));
    }
    if let Some(w) = parse_weekday(s) {
        return Some(Ok(DaySpec::Weekday(w, Modifier::Plain)));
    }
    let parts: Vec<&str> = s.split(['-', '/']).collect();
    let jp = japanese_date(s);
    let parts = match (&jp, parts.as_slice()) {
        (Some(p), _) => p.iter().map(String::as_str).collect(),
        (None, [_, _] | [_, _, _]) if parts.iter().all(|p| all_digits(p)) => parts,
        _ => return None,
    };
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => Some(
            parse_ymd(&format!("{y}-{m}-{d}"))
                .map(DaySpec::Date)
                .map_err(|_| ()),
        ),
        [m, d] if m.len() <= 2 && d.len() <= 2 && !s.contains('-') => {
            let (m, d) = (small(m).ok()?, small(d).ok()?);
            // 2000 is a leap year: a month/day is real if it exists in some year.
            Some(
                NaiveDate::from_ymd_opt(2000, m, d)
                    .map(|_| DaySpec::MonthDay(m, d))
                    .ok_or(()),
            )
        }
        _ => None,
    }
}

/// `2027年1月5日` → [2027, 1, 5]; `1月5日` → [1, 5].
fn japanese_date(s: &str) -> Option<Vec<String>> {
    let body = s.strip_suffix('日')?;
    let (ym, d) = body.split_once('月')?;
    let mut out: Vec<String> = match ym.split_once('年') {
        Some((y, m)) => vec![y.to_string(), m.to_string()],
        None => vec![ym.to_string()],
    };
    out.push(d.to_string());
    out.iter().all(|p| all_digits(p)).then_some(out)
}

/// A weekly set of days. `None`: not shaped like one. `Some(Err)`: a list with a piece
/// that is not a day (`mon,xyz`).
pub(super) fn day_set(s: &str) -> Option<Result<BTreeSet<WeekdayOrd>, ()>> {
    use Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};
    let list: &[Weekday] = match s {
        "weekdays" | "weekday" | "平日" => &[Mon, Tue, Wed, Thu, Fri],
        "weekends" | "weekend" | "週末" | "土日" => &[Sat, Sun],
        "daily" | "everyday" | "毎日" => &[Mon, Tue, Wed, Thu, Fri, Sat, Sun],
        _ => {
            if s.contains([',', '、', '・']) {
                let pieces: Vec<Option<Weekday>> = s
                    .split([',', '、', '・'])
                    .filter(|p| !p.is_empty())
                    .map(parse_weekday)
                    .collect();
                if pieces.iter().all(Option::is_none) {
                    return None;
                }
                return Some(
                    pieces
                        .into_iter()
                        .map(|w| w.map(WeekdayOrd::of).ok_or(()))
                        .collect(),
                );
            }
            if s.chars().count() >= 2 && s.chars().all(|c| "月火水木金土日".contains(c)) {
                return Some(Ok(s
                    .chars()
                    .filter_map(|c| parse_weekday(c.encode_utf8(&mut [0; 4])))
                    .map(WeekdayOrd::of)
                    .collect()));
            }
            return None;
        }
    };
    Some(Ok(list.iter().copied().map(WeekdayOrd::of).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Class {
        classify(s, s)
    }

    #[test]
    fn classifies() {
        assert_eq!(k("1時間半"), Ok(Some(Kind::Duration(90))));
        assert_eq!(k("90分"), Ok(Some(Kind::Duration(90))));
        assert_eq!(k("1.5時間"), Ok(Some(Kind::Duration(90))));
        assert!(matches!(k("7時半"), Ok(Some(Kind::Time(_)))));
        assert!(matches!(k("午後7時"), Ok(Some(Kind::Time(_)))));
        assert!(matches!(k("19-21"), Ok(Some(Kind::Range(..)))));
        assert!(matches!(k("12/28..1/3"), Ok(Some(Kind::DayRange(..)))));
        assert_eq!(k("az-104"), Ok(None));
        assert_eq!(k("cp4d"), Ok(None));
        assert_eq!(k("104"), Ok(Some(Kind::Number(104))));
        assert!(k("25:00").is_err());
        assert!(k("2/30").is_err());
        assert!(k("1.33h").is_err());
        assert!(k("-5m").is_err());
        assert!(k("mon,xyz").is_err());
        assert!(matches!(k("毎週土曜"), Ok(Some(Kind::Days(_)))));
    }
}
