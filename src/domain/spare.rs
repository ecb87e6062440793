//! Spare time: weekly windows, one-off windows and blackouts, and their expansion into the
//! concrete free intervals between two moments, after blackouts and busy times.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};
use std::collections::BTreeSet;

/// A window of spare time, or a blackout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    /// Store id; `None` before it is written.
    pub id: Option<i64>,
    pub kind: WindowKind,
    pub label: String,
}

/// The three kinds of window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WindowKind {
    /// Every week on `days`, from `start` to `end`, optionally only between two dates.
    Weekly {
        days: BTreeSet<WeekdayOrd>,
        start: NaiveTime,
        end: NaiveTime,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
    /// Once, on `date`.
    Once {
        date: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
    },
    /// No study at all from `from` to `to`, both included.
    Blackout { from: NaiveDate, to: NaiveDate },
}

/// A weekday that sorts Monday first, so sets of days print in week order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WeekdayOrd(pub u8);

impl WeekdayOrd {
    /// Wraps a chrono weekday.
    pub fn of(w: Weekday) -> Self {
        // 0..=6, always fits.
        #[allow(clippy::cast_possible_truncation)]
        WeekdayOrd(w.num_days_from_monday() as u8)
    }

    /// The chrono weekday.
    pub fn weekday(self) -> Weekday {
        Weekday::try_from(self.0).unwrap_or(Weekday::Mon)
    }
}

/// Why a window is not acceptable.
pub fn validate(kind: &WindowKind) -> Result<(), String> {
    match kind {
        WindowKind::Weekly {
            days,
            start,
            end,
            from,
            to,
        } => {
            if days.is_empty() {
                return Err("a weekly window needs at least one day, like mon or weekdays".into());
            }
            check_times(*start, *end)?;
            if let (Some(f), Some(t)) = (from, to)
                && t < f
            {
                return Err(format!("the window ends ({t}) before it starts ({f})"));
            }
            Ok(())
        }
        WindowKind::Once { start, end, .. } => check_times(*start, *end),
        WindowKind::Blackout { from, to } => {
            if to < from {
                Err(format!(
                    "the blackout ends ({to}) before it starts ({from})"
                ))
            } else {
                Ok(())
            }
        }
    }
}

fn check_times(start: NaiveTime, end: NaiveTime) -> Result<(), String> {
    if end <= start {
        return Err(format!(
            "{}-{} ends before it starts: windows stay within one day (split 23:00-01:00 into two)",
            start.format("%H:%M"),
            end.format("%H:%M")
        ));
    }
    Ok(())
}

/// A half-open stretch of local time `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Interval {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
}

impl Interval {
    /// Whole minutes in the interval.
    pub fn minutes(&self) -> u32 {
        u32::try_from((self.end - self.start).num_minutes().max(0)).unwrap_or(u32::MAX)
    }
}

/// Whether a window is a blackout covering `day`.
pub fn blacked_out(windows: &[Window], day: NaiveDate) -> bool {
    windows.iter().any(|w| match w.kind {
        WindowKind::Blackout { from, to } => from <= day && day <= to,
        _ => false,
    })
}

/// The spare time of one day, merged, before blackouts and busy times.
pub fn day_windows(windows: &[Window], day: NaiveDate) -> Vec<Interval> {
    let mut v: Vec<Interval> = windows
        .iter()
        .filter_map(|w| match &w.kind {
            WindowKind::Weekly {
                days,
                start,
                end,
                from,
                to,
            } if days.contains(&WeekdayOrd::of(day.weekday()))
                && from.is_none_or(|f| f <= day)
                && to.is_none_or(|t| day <= t) =>
            {
                Some((*start, *end))
            }
            WindowKind::Once { date, start, end } if *date == day => Some((*start, *end)),
            _ => None,
        })
        .filter(|(s, e)| s < e)
        .map(|(s, e)| Interval {
            start: day.and_time(s),
            end: day.and_time(e),
        })
        .collect();
    v.sort();
    merge(v)
}

/// Merges sorted, possibly overlapping or touching intervals.
pub fn merge(sorted: Vec<Interval>) -> Vec<Interval> {
    let mut out: Vec<Interval> = Vec::with_capacity(sorted.len());
    for iv in sorted {
        match out.last_mut() {
            Some(last) if iv.start <= last.end => last.end = last.end.max(iv.end),
            _ => out.push(iv),
        }
    }
    out
}

/// `free` minus `taken`, both sorted and non-overlapping; the result is sorted.
pub fn subtract(free: &[Interval], taken: &[Interval]) -> Vec<Interval> {
    let mut out = Vec::new();
    let mut j = 0;
    for f in free {
        let mut cur = f.start;
        while j < taken.len() && taken[j].end <= f.start {
            j += 1;
        }
        let mut k = j;
        while k < taken.len() && taken[k].start < f.end {
            if taken[k].start > cur {
                out.push(Interval {
                    start: cur,
                    end: taken[k].start,
                });
            }
            cur = cur.max(taken[k].end);
            k += 1;
        }
        if cur < f.end {
            out.push(Interval {
                start: cur,
                end: f.end,
            });
        }
    }
    out
}

/// Rounds up to the next multiple of `grid` minutes.
pub fn ceil_to_grid(t: NaiveDateTime, grid: u32) -> NaiveDateTime {
    let grid = grid.max(1);
    let into = (t.hour() * 60 + t.minute()) % grid;
    let base = t
        .with_second(0)
        .and_then(|x| x.with_nanosecond(0))
        .unwrap_or(t);
    if into == 0 && base == t {
        t
    } else {
        base + chrono::Duration::minutes(i64::from(grid - into))
    }
}

/// Rounds down to a multiple of `grid` minutes.
pub fn floor_to_grid(t: NaiveDateTime, grid: u32) -> NaiveDateTime {
    let grid = grid.max(1);
    let into = (t.hour() * 60 + t.minute()) % grid;
    let base = t
        .with_second(0)
        .and_then(|x| x.with_nanosecond(0))
        .unwrap_or(t);
    base - chrono::Duration::minutes(i64::from(into))
}

/// The free intervals from `from` up to the end of day `to`: every window's occurrences,
/// merged, minus blackout days and the `taken` intervals (busy times, pinned sessions; any
/// order), clipped to start no earlier than `from`, snapped inward to the `grid`, and with
/// empty pieces dropped. Sorted by start.
pub fn expand(
    windows: &[Window],
    taken: &[Interval],
    from: NaiveDateTime,
    to: NaiveDate,
    grid: u32,
) -> Vec<Interval> {
    let mut taken = taken.to_vec();
    taken.sort();
    let taken = merge(taken);
    let mut out = Vec::new();
    let mut day = from.date();
    while day <= to {
        if !blacked_out(windows, day) {
            let free = day_windows(windows, day);
            for iv in subtract(&free, &taken) {
                let start = ceil_to_grid(iv.start.max(from), grid);
                let end = floor_to_grid(iv.end, grid);
                if start < end {
                    out.push(Interval { start, end });
                }
            }
        }
        match day.checked_add_days(Days::new(1)) {
            Some(next) => day = next,
            None => break,
        }
    }
    out
}

/// Weekday sets by name: `weekdays`, `weekends`, `daily`/`every day`, or a comma list.
pub fn parse_days(text: &str) -> Option<BTreeSet<WeekdayOrd>> {
    use Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};
    let t = text.trim().to_lowercase();
    let list: &[Weekday] = match t.as_str() {
        "weekdays" | "平日" => &[Mon, Tue, Wed, Thu, Fri],
        "weekends" | "weekend" | "週末" | "土日" => &[Sat, Sun],
        "daily" | "everyday" | "毎日" => &[Mon, Tue, Wed, Thu, Fri, Sat, Sun],
        _ => {
            let set: Option<BTreeSet<WeekdayOrd>> = t
                .split([',', '、', '，'])
                .map(|p| super::dates::parse_weekday(p).map(WeekdayOrd::of))
                .collect();
            return set.filter(|s| !s.is_empty());
        }
    };
    Some(list.iter().copied().map(WeekdayOrd::of).collect())
}

/// Prints a weekday set compactly: `weekdays`, `weekends`, `daily`, or `mon,wed,fri`.
pub fn format_days(days: &BTreeSet<WeekdayOrd>) -> String {
    let names: Vec<&str> = days
        .iter()
        .map(|d| super::dates::weekday_name(d.weekday()))
        .collect();
    match names.join(",").as_str() {
        "mon,tue,wed,thu,fri" => "weekdays".into(),
        "sat,sun" => "weekends".into(),
        "mon,tue,wed,thu,fri,sat,sun" => "daily".into(),
        other => other.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::{parse_datetime, parse_hm, parse_ymd};

    fn t(s: &str) -> NaiveTime {
        parse_hm(s).unwrap()
    }
    fn dt(s: &str) -> NaiveDateTime {
        parse_datetime(s).unwrap()
    }
    fn iv(a: &str, b: &str) -> Interval {
        Interval {
            start: dt(a),
            end: dt(b),
        }
    }
    fn weekly(days: &str, s: &str, e: &str) -> Window {
        Window {
            id: None,
            kind: WindowKind::Weekly {
                days: parse_days(days).unwrap(),
                start: t(s),
                end: t(e),
                from: None,
                to: None,
            },
            label: String::new(),
        }
    }

    #[test]
    fn expands_weekly_once_blackout_busy() {
        // 2027-01-04 is a Monday.
        let windows = vec![
            weekly("weekdays", "07:10", "07:40"),
            weekly("mon", "07:30", "08:00"), // overlaps the commute: merged
            weekly("sat", "09:00", "11:00"),
            Window {
                id: None,
                kind: WindowKind::Once {
                    date: parse_ymd("2027-01-05").unwrap(),
                    start: t("20:00"),
                    end: t("21:00"),
                },
                label: String::new(),
            },
            Window {
                id: None,
                kind: WindowKind::Blackout {
                    from: parse_ymd("2027-01-06").unwrap(),
                    to: parse_ymd("2027-01-07").unwrap(),
                },
                label: String::new(),
            },
        ];
        let busy = [iv("2027-01-05T20:20", "2027-01-05T20:33")];
        let got = expand(
            &windows,
            &busy,
            dt("2027-01-04T07:12"),
            parse_ymd("2027-01-09").unwrap(),
            5,
        );
        assert_eq!(
            got,
            vec![
                iv("2027-01-04T07:15", "2027-01-04T08:00"), // clipped to now, snapped up
                iv("2027-01-05T07:10", "2027-01-05T07:40"),
                iv("2027-01-05T20:00", "2027-01-05T20:20"),
                iv("2027-01-05T20:35", "2027-01-05T21:00"), // busy end snapped up
                iv("2027-01-08T07:10", "2027-01-08T07:40"),
                iv("2027-01-09T09:00", "2027-01-09T11:00"),
            ]
        );
    }

    #[test]
    fn subtract_cases() {
        let free = [iv("2027-01-04T10:00", "2027-01-04T12:00")];
        assert_eq!(
            subtract(&free, &[iv("2027-01-04T09:00", "2027-01-04T10:30")]),
            vec![iv("2027-01-04T10:30", "2027-01-04T12:00")]
        );
        assert_eq!(
            subtract(&free, &[iv("2027-01-04T09:00", "2027-01-04T13:00")]),
            vec![]
        );
        assert_eq!(
            subtract(
                &free,
                &[
                    iv("2027-01-04T10:15", "2027-01-04T10:30"),
                    iv("2027-01-04T11:00", "2027-01-04T11:15")
                ]
            ),
            vec![
                iv("2027-01-04T10:00", "2027-01-04T10:15"),
                iv("2027-01-04T10:30", "2027-01-04T11:00"),
                iv("2027-01-04T11:15", "2027-01-04T12:00"),
            ]
        );
    }

    #[test]
    fn day_sets() {
        assert_eq!(format_days(&parse_days("weekdays").unwrap()), "weekdays");
        assert_eq!(
            format_days(&parse_days("fri,mon,wed").unwrap()),
            "mon,wed,fri"
        );
        assert_eq!(format_days(&parse_days("平日").unwrap()), "weekdays");
        assert_eq!(format_days(&parse_days("土,日").unwrap()), "weekends");
        assert!(parse_days("mon,xyz").is_none());
        assert!(parse_days("").is_none());
    }

    #[test]
    fn rejects_backwards_windows() {
        assert!(validate(&weekly("mon", "08:00", "07:00").kind).is_err());
        assert!(validate(&weekly("mon", "08:00", "08:00").kind).is_err());
        assert!(validate(&weekly("mon", "07:00", "08:00").kind).is_ok());
    }
}
