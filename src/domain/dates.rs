//! Dates as users and vendors write them: `2027-01-05`, and the periods vendors announce
//! (`2027`, `2027-Q1`, `Q1 '27`, `2027-H1`, `27 H1`), each read as the last day of that
//! period, so "retired in 2027" is 2027-12-31 and "coming in Q1 '27" is 2027-03-31.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use std::fmt;

/// Why a date could not be read; the message names the text and the expected form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Looks like a date but does not exist (`2027-02-30`).
    NotADate(String),
    /// Not in any accepted form.
    Format(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::NotADate(s) => write!(f, "{s} is not a date"),
            DateError::Format(s) => write!(
                f,
                "'{s}' is not a date: write YYYY-MM-DD, or a period like 2027, 2027-Q1, \"Q1 '27\", 2027-H1"
            ),
        }
    }
}

impl std::error::Error for DateError {}

/// Date format used everywhere in storage and output.
pub const DATE_FMT: &str = "%Y-%m-%d";
/// Local date and time format used in storage, `--now` and JSON.
pub const DATETIME_FMT: &str = "%Y-%m-%dT%H:%M";

/// Parses a strict `YYYY-MM-DD` date; an impossible day names itself in the error.
pub fn parse_ymd(text: &str) -> Result<NaiveDate, DateError> {
    let t = text.trim();
    let parts: Vec<&str> = t.split('-').collect();
    let ok_shape = parts.len() == 3
        && parts[0].len() == 4
        && (1..=2).contains(&parts[1].len())
        && (1..=2).contains(&parts[2].len())
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !ok_shape {
        return Err(DateError::Format(t.to_string()));
    }
    let (y, m, d) = (
        parts[0]
            .parse::<i32>()
            .map_err(|_| DateError::Format(t.to_string()))?,
        parts[1]
            .parse::<u32>()
            .map_err(|_| DateError::Format(t.to_string()))?,
        parts[2]
            .parse::<u32>()
            .map_err(|_| DateError::Format(t.to_string()))?,
    );
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| DateError::NotADate(t.to_string()))
}

/// Parses a date or a vendor period (the last day of the period).
pub fn parse_date_or_period(text: &str) -> Result<NaiveDate, DateError> {
    let t = text.trim();
    if t.matches('-').count() == 2 {
        return parse_ymd(t);
    }
    let bad = || DateError::Format(t.to_string());
    let norm: String = t
        .to_ascii_uppercase()
        .chars()
        .map(|c| {
            if c == '-' || c == '\'' || c == '’' {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words: Vec<&str> = norm.split_whitespace().collect();
    let year_of = |w: &str| -> Option<i32> {
        if !w.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        match w.len() {
            4 => w.parse().ok(),
            2 => w.parse::<i32>().ok().map(|y| 2000 + y),
            _ => None,
        }
    };
    let period_of = |w: &str| -> Option<(char, u32)> {
        let mut cs = w.chars();
        let kind = cs.next()?;
        let n: u32 = cs.as_str().parse().ok()?;
        match kind {
            'Q' if (1..=4).contains(&n) => Some(('Q', n)),
            'H' if (1..=2).contains(&n) => Some(('H', n)),
            _ => None,
        }
    };
    let (year, period) = match words.as_slice() {
        [y] => (year_of(y).filter(|_| y.len() == 4).ok_or_else(bad)?, None),
        [a, b] => match (year_of(a), period_of(b), period_of(a), year_of(b)) {
            (Some(y), Some(p), _, _) | (_, _, Some(p), Some(y)) => (y, Some(p)),
            _ => return Err(bad()),
        },
        _ => return Err(bad()),
    };
    let end_month = match period {
        None => 12,
        Some(('Q', n)) => n * 3,
        Some((_, n)) => n * 6,
    };
    last_day_of_month(year, end_month).ok_or_else(bad)
}

/// The last day of a month, or `None` for a year chrono cannot hold.
pub fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// Parses `HH:MM` (24-hour clock).
pub fn parse_hm(text: &str) -> Option<NaiveTime> {
    let (h, m) = text.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    if !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// Parses `YYYY-MM-DDTHH:MM` (also with a space instead of `T`).
pub fn parse_datetime(text: &str) -> Option<NaiveDateTime> {
    let t = text.trim();
    let (d, tm) = t.split_once('T').or_else(|| t.split_once(' '))?;
    Some(parse_ymd(d).ok()?.and_time(parse_hm(tm)?))
}

/// Formats a date as `YYYY-MM-DD`.
pub fn ymd(d: NaiveDate) -> String {
    d.format(DATE_FMT).to_string()
}

/// `MM-DD` for a date in the year of `today`, else `YYYY-MM-DD`: short where the year
/// goes without saying.
pub fn month_day(d: NaiveDate, today: NaiveDate) -> String {
    use chrono::Datelike;
    if d.year() == today.year() {
        d.format("%m-%d").to_string()
    } else {
        ymd(d)
    }
}

/// Whether any of `dates` falls outside the year of `today`: then a column of them shows
/// every year, so it stays straight.
pub fn any_in_another_year(dates: impl IntoIterator<Item = NaiveDate>, today: NaiveDate) -> bool {
    use chrono::Datelike;
    dates.into_iter().any(|d| d.year() != today.year())
}

/// Formats a time as `HH:MM`.
pub fn hm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// Formats a local date-time as `YYYY-MM-DDTHH:MM`.
pub fn ymd_hm(t: NaiveDateTime) -> String {
    use chrono::{Datelike, Timelike};
    // By hand rather than through `format`: a calendar import writes hundreds of
    // thousands of these, and chrono's format parser showed in its profile.
    if (0..=9999).contains(&t.year()) {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}",
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            t.minute()
        )
    } else {
        t.format(DATETIME_FMT).to_string()
    }
}

/// Three-letter lowercase weekday name, as stored and typed (`mon`).
pub fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "mon",
        Weekday::Tue => "tue",
        Weekday::Wed => "wed",
        Weekday::Thu => "thu",
        Weekday::Fri => "fri",
        Weekday::Sat => "sat",
        Weekday::Sun => "sun",
    }
}

/// Reads a weekday from its English name or abbreviation (`mon`, `Monday`, `tues`)
/// or its Japanese name (`月`, `月曜`, `月曜日`).
pub fn parse_weekday(text: &str) -> Option<Weekday> {
    let t = text.trim().to_lowercase();
    let t = t
        .strip_suffix("曜日")
        .or_else(|| t.strip_suffix('曜'))
        .unwrap_or(&t);
    Some(match t {
        "mon" | "monday" | "月" => Weekday::Mon,
        "tue" | "tues" | "tuesday" | "火" => Weekday::Tue,
        "wed" | "weds" | "wednesday" | "水" => Weekday::Wed,
        "thu" | "thur" | "thurs" | "thursday" | "木" => Weekday::Thu,
        "fri" | "friday" | "金" => Weekday::Fri,
        "sat" | "saturday" | "土" => Weekday::Sat,
        "sun" | "sunday" | "日" => Weekday::Sun,
        _ => return None,
    })
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// The first day of the week containing `d`, for a week starting on `start`.
pub fn week_start(d: NaiveDate, start: Weekday) -> NaiveDate {
    let back = (7 + d.weekday().num_days_from_monday() - start.num_days_from_monday()) % 7;
    d - chrono::Days::new(u64::from(back))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, DATE_FMT).unwrap()
    }

    #[test]
    fn dates_and_periods() {
        for (input, expected) in [
            ("2027-01-05", "2027-01-05"),
            ("2027-1-5", "2027-01-05"),
            ("2028-02-29", "2028-02-29"),
            ("2027", "2027-12-31"),
            ("2027-Q1", "2027-03-31"),
            ("2027 Q2", "2027-06-30"),
            ("Q1 '27", "2027-03-31"),
            ("Q4 2026", "2026-12-31"),
            ("q3 '27", "2027-09-30"),
            ("2027-H1", "2027-06-30"),
            ("27 H1", "2027-06-30"),
            ("27 H2", "2027-12-31"),
            ("H2 2027", "2027-12-31"),
        ] {
            assert_eq!(parse_date_or_period(input), Ok(d(expected)), "{input}");
        }
    }

    #[test]
    fn impossible_dates_name_themselves() {
        assert_eq!(
            parse_ymd("2027-02-30").unwrap_err().to_string(),
            "2027-02-30 is not a date"
        );
        for bad in [
            "",
            "27",
            "2027-Q5",
            "2027-H3",
            "Q1",
            "tomorrow",
            "2027/01/05",
            "2027-13-01x",
        ] {
            assert!(parse_date_or_period(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn times_and_weekdays() {
        assert_eq!(parse_hm("7:30"), NaiveTime::from_hms_opt(7, 30, 0));
        assert_eq!(parse_hm("24:00"), None);
        assert_eq!(parse_hm("7:5"), None);
        assert_eq!(parse_weekday("Monday"), Some(Weekday::Mon));
        assert_eq!(parse_weekday("日曜日"), Some(Weekday::Sun));
        assert_eq!(parse_weekday("日"), Some(Weekday::Sun));
        assert_eq!(parse_weekday("水曜"), Some(Weekday::Wed));
        assert_eq!(parse_weekday("x"), None);
        assert_eq!(week_start(d("2026-11-26"), Weekday::Mon), d("2026-11-23"));
        assert_eq!(week_start(d("2026-11-26"), Weekday::Sun), d("2026-11-22"));
        assert_eq!(week_start(d("2026-11-22"), Weekday::Sun), d("2026-11-22"));
    }
}
