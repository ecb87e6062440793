//! Expansion of an `RRULE` in wall-clock time, with the `rrule` crate.
//!
//! RFC 5545 repeats an event at the same local time in its own zone (9:00 stays 9:00 across
//! a change to summer time), so the rule is expanded on naive wall-clock times (UTC stands
//! in for "no zone" inside the crate) and each start is converted to an instant afterwards
//! by the caller. `UNTIL` is taken out of the rule and given to the crate as a wall-clock
//! time, because the crate insists that it be in the zone of `DTSTART`.
//!
//! A rule without `COUNT` that repeats by seconds up to weeks is started again at its
//! last whole period before the wanted window, so a daily meeting set up in 2015 costs
//! the days of the window, not a decade of days.

use chrono::{NaiveDateTime, TimeDelta, TimeZone};
use rrule::{Frequency, RRule, Unvalidated};
use std::ops::RangeInclusive;

/// Occurrences read for one rule, at most: a daily event over a century, or an hourly one
/// over eleven years. Enough for any calendar a person keeps, and fast.
pub(crate) const MAX_STEPS: usize = 40_000;

/// The start of each occurrence, in wall-clock time, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Expanded {
    pub starts: Vec<NaiveDateTime>,
    /// True when [`MAX_STEPS`] stopped the expansion before `stop_after`.
    pub capped: bool,
}

/// Expands `rule` (the value of an `RRULE`) from `start`: every occurrence in `wanted`, and
/// possibly some before it. `until` turns the text of an `UNTIL` into a wall-clock time,
/// `None` when it cannot be read. `DTSTART` is always the first occurrence (RFC 5545
/// section 3.8.5.3), even when the rule would not produce it.
pub(crate) fn expand(
    rule: &str,
    start: NaiveDateTime,
    until: &dyn Fn(&str) -> Option<NaiveDateTime>,
    wanted: RangeInclusive<NaiveDateTime>,
) -> Result<Expanded, String> {
    // RFC 5545 rules are ASCII; the `rrule` crate slices weekdays by bytes and panics on
    // other text (`BYDAY=1\u{fffd}U`, from a stray byte in the file), so refuse it first.
    if !rule.is_ascii() {
        return Err(format!(
            "RRULE:{rule} cannot be read: it has characters that are not ASCII"
        ));
    }
    let stop_after = *wanted.end();
    let mut parts = Vec::new();
    let mut until_wall = None;
    for part in rule.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        match part.split_once('=') {
            Some((key, value)) if key.trim().eq_ignore_ascii_case("UNTIL") => {
                let value = value.trim();
                until_wall = Some(until(value).ok_or_else(|| {
                    format!("UNTIL={value} is not a date (YYYYMMDD) or date-time")
                })?);
            }
            _ => parts.push(part),
        }
    }
    let single = Expanded {
        starts: vec![start],
        capped: false,
    };
    let mut parsed: RRule<Unvalidated> = parts
        .join(";")
        .parse()
        .map_err(|e| format!("RRULE:{rule} cannot be read: {e}"))?;
    let restart = match parsed.get_count() {
        Some(_) => start,
        None => restart(
            start,
            parsed.get_freq(),
            parsed.get_interval(),
            *wanted.start(),
        ),
    };
    if let Some(u) = until_wall {
        if u < restart {
            return Ok(single);
        }
        parsed = parsed.until(rrule::Tz::UTC.from_utc_datetime(&u));
    }
    let set = parsed
        .build(rrule::Tz::UTC.from_utc_datetime(&restart))
        .map_err(|e| format!("RRULE:{rule} cannot be used: {e}"))?;
    let mut starts = Vec::new();
    let mut capped = false;
    for (i, occurrence) in set.limit().into_iter().enumerate() {
        if i >= MAX_STEPS {
            capped = true;
            break;
        }
        let wall = occurrence.naive_utc();
        if wall > stop_after {
            break;
        }
        starts.push(wall);
    }
    if starts.first() != Some(&start) {
        starts.retain(|s| *s != start);
        starts.insert(0, start);
    }
    Ok(Expanded { starts, capped })
}

/// The last start on the grid of the rule (`start` plus whole periods of `interval`
/// units) at or before `not_before`, for frequencies whose grid is fixed; otherwise
/// `start`. Weeks keep the weekday and the parity of `INTERVAL=2`; days keep the time.
fn restart(
    start: NaiveDateTime,
    freq: Frequency,
    interval: u16,
    not_before: NaiveDateTime,
) -> NaiveDateTime {
    let unit = match freq {
        Frequency::Secondly => 1,
        Frequency::Minutely => 60,
        Frequency::Hourly => 3_600,
        Frequency::Daily => 86_400,
        Frequency::Weekly => 604_800,
        Frequency::Monthly | Frequency::Yearly => return start,
    };
    let period = unit * i64::from(interval.max(1));
    let behind = (not_before - start).num_seconds();
    if behind <= period {
        return start;
    }
    TimeDelta::try_seconds(behind / period * period)
        .and_then(|skip| start.checked_add_signed(skip))
        .unwrap_or(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        s.parse().unwrap()
    }

    fn run(rule: &str, start: &str, stop: &str) -> Result<Vec<String>, String> {
        let until =
            |v: &str| NaiveDateTime::parse_from_str(v.trim_end_matches('Z'), "%Y%m%dT%H%M%S").ok();
        expand(rule, t(start), &until, NaiveDateTime::MIN..=t(stop))
            .map(|e| e.starts.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn expands_in_wall_clock_time() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "FREQ=WEEKLY;COUNT=3",
                "2027-01-04T09:00:00",
                &[
                    "2027-01-04 09:00:00",
                    "2027-01-11 09:00:00",
                    "2027-01-18 09:00:00",
                ],
            ),
            (
                "FREQ=WEEKLY;UNTIL=20270111T090000Z",
                "2027-01-04T09:00:00",
                &["2027-01-04 09:00:00", "2027-01-11 09:00:00"],
            ),
            // DTSTART on a Tuesday, the rule on Mondays: DTSTART still counts.
            (
                "freq=weekly;byday=MO;count=2",
                "2027-01-05T09:00:00",
                &[
                    "2027-01-05 09:00:00",
                    "2027-01-11 09:00:00",
                    "2027-01-18 09:00:00",
                ],
            ),
            // UNTIL before DTSTART: just DTSTART.
            (
                "FREQ=DAILY;UNTIL=20200101T000000Z",
                "2027-01-05T09:00:00",
                &["2027-01-05 09:00:00"],
            ),
            // No end: up to the stop.
            (
                "FREQ=WEEKLY;INTERVAL=2",
                "2027-01-05T09:00:00",
                &["2027-01-05 09:00:00", "2027-01-19 09:00:00"],
            ),
        ];
        for (rule, start, want) in cases {
            assert_eq!(
                run(rule, start, "2027-01-20T00:00:00").unwrap(),
                want.to_vec(),
                "{rule}"
            );
        }
    }

    #[test]
    fn bad_rules_are_errors_and_runaway_rules_stop() {
        // Not ASCII: an error, not a panic inside the rrule crate (found by fuzzing).
        for rule in [
            "FREQ=FORTNIGHTLY",
            "COUNT=3",
            "FREQ=WEEKLY;UNTIL=soon",
            "FREQ=YEARLY;BYDAY=1\u{fffd}U;BYMONTH=11",
            "FREQ=WEEKLY;BYDAY=月",
        ] {
            assert!(
                run(rule, "2027-01-05T09:00:00", "2028-01-01T00:00:00").is_err(),
                "{rule}"
            );
        }
        let e = expand(
            "FREQ=SECONDLY",
            t("2020-01-01T00:00:00"),
            &|_| None,
            NaiveDateTime::MIN..=t("2030-01-01T00:00:00"),
        )
        .unwrap();
        assert!(e.capped);
        assert_eq!(e.starts.len(), MAX_STEPS);
        let never = expand(
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
            t("2027-01-01T00:00:00"),
            &|_| None,
            NaiveDateTime::MIN..=t("2030-01-01T00:00:00"),
        )
        .unwrap();
        assert_eq!(never.starts, vec![t("2027-01-01T00:00:00")]);
    }

    #[test]
    fn old_series_restart_near_the_window() {
        let window = t("2027-01-10T00:00:00")..=t("2027-01-20T00:00:00");
        let until = |_: &str| None;
        // Every other Monday since 2015-01-05, at 9:00.
        let e = expand(
            "FREQ=WEEKLY;INTERVAL=2",
            t("2015-01-05T09:00:00"),
            &until,
            window.clone(),
        )
        .unwrap();
        let tail: Vec<String> = e.starts.iter().skip(1).map(|s| s.to_string()).collect();
        // 2015-01-05 plus whole fortnights: 2027-01-04 is one (313 fortnights), 01-18 too.
        assert_eq!(tail, ["2027-01-04 09:00:00", "2027-01-18 09:00:00"]);
        assert_eq!(e.starts[0], t("2015-01-05T09:00:00"));
        // Every minute since 1970 reaches the window instead of stopping at the cap.
        let e = expand(
            "FREQ=MINUTELY;INTERVAL=7",
            t("1970-01-01T00:00:00"),
            &until,
            window.clone(),
        )
        .unwrap();
        assert!(!e.capped);
        assert!(e.starts.iter().any(|s| window.contains(s)));
        // With COUNT the series must be counted from its start.
        let e = expand(
            "FREQ=DAILY;COUNT=3",
            t("2015-01-05T09:00:00"),
            &until,
            window,
        )
        .unwrap();
        assert_eq!(e.starts.len(), 3);
    }
}
