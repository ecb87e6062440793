//! Durations as users write them (`90m`, `1h30m`, `1.5h`, `6h`, `45min`) and as sukima
//! prints them. Everything is whole minutes.

use std::fmt;
use unicode_normalization::UnicodeNormalization;

/// Why a duration could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DurationError(pub String);

impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' is not a duration: write it like 30m, 1h30m, 1.5h or 6h",
            self.0
        )
    }
}

impl std::error::Error for DurationError {}

/// The longest duration accepted anywhere: a year of minutes, so sums never overflow.
pub const MAX_MINUTES: u32 = 366 * 24 * 60;

/// Parses `90m`, `45min`, `1h`, `1h30m`, `1.5h`, `2hours`, `90` (bare minutes), `1:30`
/// (hours:minutes), and the Japanese units `3時間`, `45分`, `1時間30分` (full-width digits
/// too). Case-insensitive; spaces between number and unit are allowed.
pub fn parse_duration(text: &str) -> Result<u32, DurationError> {
    let err = || DurationError(text.to_string());
    // Full-width digits and letters from a Japanese input method read as ASCII.
    let s: String = text
        .trim()
        .nfkc()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    if s.is_empty() {
        return Err(err());
    }
    if let Some((h, m)) = s.split_once(':') {
        let h: u32 = parse_digits(h).ok_or_else(err)?;
        let m: u32 = parse_digits(m).ok_or_else(err)?;
        if m >= 60 || m.checked_add(h.checked_mul(60).ok_or_else(err)?).is_none() {
            return Err(err());
        }
        return check(h * 60 + m).ok_or_else(err);
    }
    if let Some(n) = parse_digits(&s) {
        return check(n).ok_or_else(err);
    }
    // A sequence of <number><unit> parts, hours before minutes, each unit at most once.
    let mut rest = s.as_str();
    let mut total = 0f64;
    let mut seen_h = false;
    let mut seen_m = false;
    while !rest.is_empty() {
        let num_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        if num_len == 0 {
            return Err(err());
        }
        let (num, tail) = rest.split_at(num_len);
        if num.starts_with('.') || num.ends_with('.') || num.matches('.').count() > 1 {
            return Err(err());
        }
        let value: f64 = num.parse().map_err(|_| err())?;
        let unit_len = tail
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(tail.len());
        let (unit, next) = tail.split_at(unit_len);
        match unit {
            "h" | "hr" | "hrs" | "hour" | "hours" | "時間" if !seen_h && !seen_m => {
                seen_h = true;
                total += value * 60.0;
            }
            // `1h30`: a bare number after the hours is minutes.
            "" if seen_h && !seen_m => {
                seen_m = true;
                total += value;
            }
            "m" | "min" | "mins" | "minute" | "minutes" | "分" if !seen_m => {
                seen_m = true;
                total += value;
            }
            _ => return Err(err()),
        }
        rest = next;
    }
    if !total.is_finite() || total > f64::from(MAX_MINUTES) {
        return Err(err());
    }
    let rounded = total.round();
    if (total - rounded).abs() > 1e-9 {
        return Err(err());
    }
    // Checked above: 0 <= rounded <= MAX_MINUTES.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    check(rounded as u32).ok_or_else(err)
}

fn parse_digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn check(m: u32) -> Option<u32> {
    (m <= MAX_MINUTES).then_some(m)
}

/// Formats minutes the way they are typed: `45m`, `2h`, `1h30m`.
pub fn format_minutes(minutes: u32) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m:02}m"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_users_type() {
        for (input, expected) in [
            ("90m", 90),
            ("3時間", 180),
            ("45分", 45),
            ("1時間30分", 90),
            ("１時間３０分", 90),
            ("１h", 60),
            ("45min", 45),
            ("45 min", 45),
            ("1h", 60),
            ("1h30m", 90),
            ("1h 30m", 90),
            ("1.5h", 90),
            ("6h", 360),
            ("2hours", 120),
            ("0.25h", 15),
            ("90", 90),
            ("1:30", 90),
            ("1h30", 90),
            ("1H30M", 90),
            ("0m", 0),
        ] {
            assert_eq!(parse_duration(input), Ok(expected), "{input}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_duration() {
        for input in [
            "",
            "h",
            "m",
            "1x",
            "1.h",
            ".5h",
            "1..5h",
            "30m1h",
            "1h1h",
            "30分1時間",
            "時間",
            "1.33h",
            "-5m",
            "1:75",
            "1.5",
            "99999999999m",
            "1e3m",
            "abc",
            "9999h",
            "1h30m15",
        ] {
            assert!(parse_duration(input).is_err(), "{input} should be rejected");
        }
    }

    #[test]
    fn formats_round_trip() {
        for m in [0, 5, 45, 60, 90, 125, 360, 1440] {
            assert_eq!(parse_duration(&format_minutes(m)), Ok(m));
        }
        assert_eq!(format_minutes(90), "1h30m");
        assert_eq!(format_minutes(65), "1h05m");
    }
}
