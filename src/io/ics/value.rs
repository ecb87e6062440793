//! Property values of an imported file: dates, date-times, durations, UTC offsets and
//! text. Strict about digits (RFC 5545 forms only), so a wrong value is reported rather
//! than guessed.

use super::text::unescape;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

/// A TEXT value, unescaped.
pub(crate) fn text(v: &str) -> String {
    unescape(v)
}

/// `YYYYMMDD`.
pub(crate) fn date(v: &str) -> Result<NaiveDate, String> {
    let bad = || format!("'{}' is not a date (YYYYMMDD)", super::lines::shorten(v));
    if v.len() != 8 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let n = |r: std::ops::Range<usize>| v.get(r).and_then(|s| s.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (n(0..4), n(4..6), n(6..8)) else {
        return Err(bad());
    };
    i32::try_from(y)
        .ok()
        .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
        .ok_or_else(bad)
}

/// `YYYYMMDDTHHMMSS`, with `Z` for UTC: the time and whether it is UTC. A leap second
/// (`60`) is read as `59`.
pub(crate) fn date_time(v: &str) -> Result<(NaiveDateTime, bool), String> {
    let bad = || {
        format!(
            "'{}' is not a date-time (YYYYMMDDTHHMMSS)",
            super::lines::shorten(v)
        )
    };
    let (body, utc) = match v.strip_suffix(['Z', 'z']) {
        Some(body) => (body, true),
        None => (v, false),
    };
    let (Some(day), Some(sep), Some(time)) = (body.get(..8), body.get(8..9), body.get(9..)) else {
        return Err(bad());
    };
    if !sep.eq_ignore_ascii_case("T")
        || time.len() != 6
        || !time.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(bad());
    }
    let date = date(day).map_err(|_| bad())?;
    let n = |r: std::ops::Range<usize>| time.get(r).and_then(|s| s.parse::<u32>().ok());
    let (Some(h), Some(m), Some(s)) = (n(0..2), n(2..4), n(4..6)) else {
        return Err(bad());
    };
    let time = NaiveTime::from_hms_opt(h, m, s.min(59)).ok_or_else(bad)?;
    Ok((date.and_time(time), utc))
}

/// An `UNTIL` (or other DATE or DATE-TIME): the wall-clock time and whether it is UTC. A
/// date is its first moment, or its last when `end_of_day` (the inclusive end of a series of
/// timed events).
pub(crate) fn until(v: &str, end_of_day: bool) -> Option<(NaiveDateTime, bool)> {
    if v.len() == 8 {
        let d = date(v).ok()?;
        let t = if end_of_day {
            NaiveTime::from_hms_opt(23, 59, 59)?
        } else {
            NaiveTime::MIN
        };
        return Some((d.and_time(t), false));
    }
    date_time(v).ok()
}

/// `+0900`, `-0500`, `+053000`: seconds ahead of UTC.
pub(crate) fn utc_offset(v: &str) -> Option<i64> {
    let v = v.trim();
    let (sign, digits) = match v.split_at_checked(1)? {
        ("+", d) => (1, d),
        ("-", d) => (-1, d),
        _ => return None,
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| digits.get(r).and_then(|s| s.parse::<i64>().ok());
    let (h, m, s) = (n(0..2)?, n(2..4)?, n(4..6).unwrap_or(0));
    (h < 24 && m < 60 && s < 60).then_some(sign * (h * 3600 + m * 60 + s))
}

/// How long an event lasts: whole days (nominal: the same wall-clock time that many days
/// later) and then an exact time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Length {
    pub days: i64,
    pub exact: TimeDelta,
}

impl Length {
    pub(crate) fn is_positive(&self) -> bool {
        self.days > 0 || (self.days == 0 && self.exact > TimeDelta::zero())
    }
}

/// A DURATION value: `P1D`, `PT1H30M`, `P2W`, `P1DT12H`, `+PT15M`. Negative durations
/// are read (so they can be reported), as negative lengths.
pub(crate) fn duration(v: &str) -> Result<Length, String> {
    let bad = || {
        format!(
            "'{}' is not a duration (like PT1H30M or P1D)",
            super::lines::shorten(v)
        )
    };
    let v = v.trim().to_ascii_uppercase();
    let (sign, rest) = match v.strip_prefix('-') {
        Some(r) => (-1, r),
        None => (1, v.strip_prefix('+').unwrap_or(&v)),
    };
    let rest = rest.strip_prefix('P').ok_or_else(bad)?;
    let (mut days, mut seconds) = (0_i64, 0_i64);
    let mut number = String::new();
    let mut in_time = false;
    let (mut any, mut any_time) = (false, false);
    for c in rest.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        if c == 'T' && number.is_empty() && !in_time {
            in_time = true;
            continue;
        }
        // At most nine digits: no overflow below, and more is no real duration.
        if number.is_empty() || number.len() > 9 {
            return Err(bad());
        }
        let n: i64 = number.parse().map_err(|_| bad())?;
        number.clear();
        any = true;
        any_time |= in_time;
        match (c, in_time) {
            // `PT1W` and `PT1D` break the grammar but mean one thing.
            ('W', _) => days += n * 7,
            ('D', _) => days += n,
            ('H', true) => seconds += n * 3600,
            ('M', true) => seconds += n * 60,
            ('S', true) => seconds += n,
            _ => return Err(bad()),
        }
    }
    if !number.is_empty() || !any || (in_time && !any_time) {
        return Err(bad());
    }
    Ok(Length {
        days: sign * days,
        exact: TimeDelta::try_seconds(sign * seconds).ok_or_else(bad)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times() {
        assert_eq!(
            date("20270105"),
            Ok(NaiveDate::from_ymd_opt(2027, 1, 5).unwrap())
        );
        for bad in [
            "2027015",
            "2027-01-05",
            "20271305",
            "20270230",
            "２０２７０１０５",
        ] {
            assert!(date(bad).is_err(), "{bad}");
        }
        let at = |s: &str| s.parse::<NaiveDateTime>().unwrap();
        assert_eq!(
            date_time("20270105T093000"),
            Ok((at("2027-01-05T09:30:00"), false))
        );
        assert_eq!(
            date_time("20270105t093000z"),
            Ok((at("2027-01-05T09:30:00"), true))
        );
        assert_eq!(
            date_time("20261231T235960Z"),
            Ok((at("2026-12-31T23:59:59"), true))
        );
        for bad in [
            "20270105",
            "20270105T0930",
            "20270105 093000",
            "20270105T246000",
            "T",
        ] {
            assert!(date_time(bad).is_err(), "{bad}");
        }
        assert_eq!(
            until("20270105", true),
            Some((at("2027-01-05T23:59:59"), false))
        );
        assert_eq!(
            until("20270105", false),
            Some((at("2027-01-05T00:00:00"), false))
        );
    }

    #[test]
    fn offsets() {
        for (text, secs) in [
            ("+0900", Some(32400)),
            ("-0500", Some(-18000)),
            ("+053000", Some(19800)),
            ("0900", None),
            ("+2500", None),
            ("+09", None),
            ("", None),
            ("−0500", None),
        ] {
            assert_eq!(utc_offset(text), secs, "{text}");
        }
    }

    #[test]
    fn durations() {
        let len = |days, secs| Length {
            days,
            exact: TimeDelta::seconds(secs),
        };
        for (text, want) in [
            ("PT1H30M", len(0, 5400)),
            ("P1D", len(1, 0)),
            ("P2W", len(14, 0)),
            ("P1DT12H", len(1, 43200)),
            ("+PT15M", len(0, 900)),
            ("-PT15M", len(0, -900)),
            ("pt45s", len(0, 45)),
            // Seen in real files: weeks and days after the T.
            ("PT1W", len(7, 0)),
            ("PT1D", len(1, 0)),
        ] {
            assert_eq!(duration(text), Ok(want), "{text}");
        }
        for bad in ["P", "PT", "1H", "P1H", "P1DT", "PT999999999999H", "P1D2"] {
            assert!(duration(bad).is_err(), "{bad}");
        }
    }
}
