//! The passes that join tokens typed apart: `7 pm`, `45 min`, `at 7`, `next fri`,
//! `every sat`, `午後 7時`, `9:00 - 11:00`, `9時 から 11時`, `12/28 .. 1/3`, `from 1/10`,
//! `3/31まで`. Each pass is one walk over the tokens.

use super::ParseError;
use super::token::{Kind, Token, day_set, not_a_time, time_range};
use super::when::{DaySpec, Mer, Modifier, TimePoint};
use crate::domain::spare::WeekdayOrd;
use std::collections::BTreeSet;

/// One token standing for `parts`, all in a row.
fn joined(parts: &[Token], kind: Kind, original: &str) -> Token {
    let span = parts[0].span.start..parts[parts.len() - 1].span.end;
    Token {
        kind,
        norm: parts
            .iter()
            .map(|x| x.norm.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        shown: original.get(span.clone()).unwrap_or_default().to_string(),
        span,
        chunk: parts[0].chunk,
    }
}

/// Pushes `next` onto `out`, joining it with the tokens before it when `rule` says the
/// last `width - 1` of them and `next` mean something together. A joined token meets
/// the tokens before and after it in turn, so `at 7 pm` becomes one time.
fn push(
    out: &mut Vec<Token>,
    next: Token,
    width: usize,
    original: &str,
    rule: &impl Fn(&[Token], &str) -> Result<Option<Kind>, ParseError>,
) -> Result<(), ParseError> {
    if out.len() + 1 >= width {
        let from = out.len() + 1 - width;
        let mut parts: Vec<Token> = out[from..].to_vec();
        parts.push(next.clone());
        let span = parts[0].span.start..next.span.end;
        let shown = original.get(span.clone()).unwrap_or_default();
        if let Some(kind) = rule(&parts, shown).map_err(|e| e.spanned(span))? {
            out.truncate(from);
            // Offered again to the token before it: `1h 30 min` is `1h` + `30 min`.
            return push(out, joined(&parts, kind, original), width, original, rule);
        }
    }
    out.push(next);
    Ok(())
}

fn pass(
    t: Vec<Token>,
    width: usize,
    original: &str,
    rule: impl Fn(&[Token], &str) -> Result<Option<Kind>, ParseError>,
) -> Result<Vec<Token>, ParseError> {
    let mut out = Vec::with_capacity(t.len());
    for tok in t {
        push(&mut out, tok, width, original, &rule)?;
    }
    Ok(out)
}

/// The point of a token when it can be one end of a time range or carry a meridiem.
fn as_point(kind: &Kind) -> Option<TimePoint> {
    match kind {
        Kind::Time(tp) => Some(*tp),
        Kind::Number(h) if *h <= 24 => Some(TimePoint {
            h: *h,
            m: 0,
            mer: None,
        }),
        _ => None,
    }
}

fn with_mer(k: &Kind, m: Mer) -> Option<TimePoint> {
    as_point(k)
        .filter(|p| p.mer.is_none())
        .map(|p| TimePoint { mer: Some(m), ..p })
}

/// What two neighbouring tokens mean together, if anything (`7 pm`, `45 min`, `@ 7`,
/// `next fri`, `every sat`).
fn pair(a: &Token, b: &Token, shown: &str) -> Result<Option<Kind>, ParseError> {
    let point = |p: Option<TimePoint>| -> Result<Option<Kind>, ParseError> {
        match p {
            Some(p) if p.time().is_some() => Ok(Some(Kind::Time(p))),
            Some(_) => Err(not_a_time(shown)),
            None => Ok(None),
        }
    };
    Ok(match (&a.kind, &b.kind) {
        (Kind::Meridiem(m), k) => return point(with_mer(k, *m)),
        (k @ (Kind::Number(_) | Kind::Time(_)), Kind::Meridiem(m)) => {
            return point(with_mer(k, *m));
        }
        (Kind::At, k) => return point(as_point(k)),
        (Kind::Number(n), Kind::Unit(u)) => {
            let minutes = n
                .checked_mul(*u)
                .filter(|m| *m <= crate::domain::duration::MAX_MINUTES)
                .ok_or_else(|| super::token::bad_duration(shown))?;
            Some(Kind::Duration(minutes))
        }
        // `1h 30m`, `1時間 30分`: hours then minutes, typed apart.
        (Kind::Duration(h), Kind::Duration(m))
            if h % 60 == 0
                && *m < 60
                && a.norm.ends_with(['h', 's', 'r', '間'])
                && b.norm.ends_with(['m', 'n', 's', '分'])
                && !b.norm.contains(['h', '時']) =>
        {
            Some(Kind::Duration(h + m))
        }
        (Kind::Next, Kind::Day(DaySpec::Weekday(w, Modifier::Plain))) => {
            Some(Kind::Day(DaySpec::Weekday(*w, Modifier::Next)))
        }
        (Kind::Last, Kind::Day(DaySpec::Weekday(w, Modifier::Plain))) => {
            Some(Kind::Day(DaySpec::Weekday(*w, Modifier::Last)))
        }
        (Kind::Every, Kind::Day(DaySpec::Weekday(w, Modifier::Plain))) => {
            Some(Kind::Days(BTreeSet::from([WeekdayOrd::of(*w)])))
        }
        (Kind::Every, Kind::Days(d)) => Some(Kind::Days(d.clone())),
        (Kind::Every, Kind::Word) if b.norm == "day" => {
            day_set("daily").and_then(Result::ok).map(Kind::Days)
        }
        _ => None,
    })
}

/// Joins tokens typed apart, then turns what is left of the context words into words.
/// `original` is the text as typed, for the shown text of joined tokens.
pub(super) fn merge(t: Vec<Token>, original: &str) -> Result<Vec<Token>, ParseError> {
    // Pass 1: meridiems, units, @/at, next/last, every.
    let t = pass(t, 2, original, |p, shown| pair(&p[0], &p[1], shown))?;
    // Pass 2: ranges typed apart (`9:00 - 11:00`, `9時 から 11時`, `12/28 .. 1/3`).
    let t = pass(t, 3, original, |p, shown| {
        if p[1].kind != Kind::Sep {
            return Ok(None);
        }
        Ok(match (&p[0].kind, &p[2].kind) {
            (Kind::Day(a), Kind::Day(b)) => Some(Kind::DayRange(*a, *b)),
            (a, b) => match (as_point(a), as_point(b)) {
                (Some(x), Some(y)) => {
                    let (x, y) = time_range(x, y, shown)?;
                    Some(Kind::Range(x, y))
                }
                _ => None,
            },
        })
    })?;
    // Pass 3: `from D`, `until D`, `Dまで`, `from 9 to 11`, and a `まで` closing a range.
    let mut t = pass(t, 2, original, |p, _| {
        Ok(match (&p[0].kind, &p[1].kind) {
            (Kind::FromWord, Kind::Day(d)) => Some(Kind::From(*d)),
            (Kind::UntilWord, Kind::Day(d)) | (Kind::Day(d), Kind::Made) => Some(Kind::Until(*d)),
            (Kind::FromWord, k @ Kind::Range(..)) => Some(k.clone()),
            (k @ (Kind::Range(..) | Kind::DayRange(..)), Kind::Made) => Some(k.clone()),
            _ => None,
        })
    })?;
    for tok in &mut t {
        if matches!(
            tok.kind,
            Kind::Sep
                | Kind::Made
                | Kind::Meridiem(_)
                | Kind::Unit(_)
                | Kind::At
                | Kind::Every
                | Kind::Next
                | Kind::Last
                | Kind::FromWord
                | Kind::UntilWord
        ) {
            tok.kind = Kind::Word;
        }
    }
    Ok(t)
}
