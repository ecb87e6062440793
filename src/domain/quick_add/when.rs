//! Days and times as typed, and how they become dates relative to "now".

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};

/// Before or after noon (`am`/`pm`, `午前`/`午後`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mer {
    Am,
    Pm,
}

/// A time of day as typed, before the meridiem is applied (it may still carry over to
/// the other end of a range).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct TimePoint {
    pub h: u32,
    pub m: u32,
    pub mer: Option<Mer>,
}

impl TimePoint {
    /// The time, or `None` when it does not exist (`25:00`, `13pm`).
    pub fn time(self) -> Option<NaiveTime> {
        let h = match self.mer {
            None => self.h,
            Some(_) if self.h > 12 => return None,
            Some(Mer::Am) => self.h % 12,
            Some(Mer::Pm) => self.h % 12 + 12,
        };
        NaiveTime::from_hms_opt(h, self.m, 0)
    }
}

/// `next fri` (strictly after today) and `last fri` (strictly before).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Modifier {
    Plain,
    Next,
    Last,
}

/// A day as typed, resolved against today by the caller's rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DaySpec {
    /// Days from today: `today` 0, `yesterday` -1, `tomorrow` 1.
    Rel(i8),
    Date(NaiveDate),
    /// `1/5`, `1月5日`: a month and day in a year to be chosen.
    MonthDay(u32, u32),
    Weekday(Weekday, Modifier),
}

/// `now` without seconds: every comparison is to the minute.
pub(super) fn minute_of(now: NaiveDateTime) -> NaiveDateTime {
    now.with_nanosecond(0)
        .and_then(|t| t.with_second(0))
        .unwrap_or(now)
}

fn shift(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// Days from `from`'s weekday forward to `to` (0..=6).
fn ahead(from: Weekday, to: Weekday) -> i64 {
    i64::from((7 + to.num_days_from_monday() - from.num_days_from_monday()) % 7)
}

impl DaySpec {
    /// True for days that do not depend on which way one looks (today, a full date,
    /// `next fri`).
    pub fn is_fixed(self) -> bool {
        !matches!(
            self,
            DaySpec::MonthDay(..) | DaySpec::Weekday(_, Modifier::Plain)
        )
    }

    fn fixed(self, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            DaySpec::Rel(n) => shift(today, i64::from(n)),
            DaySpec::Date(d) => Some(d),
            DaySpec::Weekday(w, Modifier::Next) => {
                shift(today, (ahead(today.weekday(), w) + 6) % 7 + 1)
            }
            DaySpec::Weekday(w, Modifier::Last) => {
                shift(today, -((ahead(w, today.weekday()) + 6) % 7 + 1))
            }
            DaySpec::MonthDay(..) | DaySpec::Weekday(_, Modifier::Plain) => None,
        }
    }

    /// The first such day on or after `anchor` (fixed days as they are).
    pub fn on_or_after(self, anchor: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            DaySpec::MonthDay(m, d) => (anchor.year()..=anchor.year().saturating_add(8))
                .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
                .find(|x| *x >= anchor),
            DaySpec::Weekday(w, Modifier::Plain) => shift(anchor, ahead(anchor.weekday(), w)),
            _ => self.fixed(today),
        }
    }

    /// The last such day on or before `anchor` (fixed days as they are).
    pub fn on_or_before(self, anchor: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            DaySpec::MonthDay(m, d) => (anchor.year().saturating_sub(8)..=anchor.year())
                .rev()
                .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
                .find(|x| *x <= anchor),
            DaySpec::Weekday(w, Modifier::Plain) => shift(anchor, -ahead(w, anchor.weekday())),
            _ => self.fixed(today),
        }
    }

    /// For study: a month/day is the nearest such date (a tie goes to the past); a plain
    /// weekday is the last one, today included.
    pub fn nearest(self, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            DaySpec::MonthDay(m, d) => (today.year().saturating_sub(4)
                ..=today.year().saturating_add(4))
                .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
                .min_by_key(|x| ((*x - today).num_days().abs(), *x)),
            DaySpec::Weekday(_, Modifier::Plain) => self.on_or_before(today, today),
            _ => self.fixed(today),
        }
    }

    /// The next day at time `t` from `now`: a plain weekday is today if `t` has not
    /// passed, else the same weekday next week; a month/day is resolved by `other`.
    pub fn upcoming(
        self,
        t: NaiveTime,
        now: NaiveDateTime,
        other: impl Fn(DaySpec) -> Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        let today = now.date();
        match self {
            DaySpec::Weekday(_, Modifier::Plain) => {
                let d = self.on_or_after(today, today)?;
                if d == today && today.and_time(t) < now {
                    shift(d, 7)
                } else {
                    Some(d)
                }
            }
            _ => other(self),
        }
    }
}

/// The stretch of days meant by `a..b`: if `a` is fixed, from `a` to the first `b` on or
/// after it; otherwise the first occurrence that ends today or later (so `12/28..1/3`
/// typed in mid-January is the coming new year, and typed on Jan 2 the current one).
pub(super) fn span(a: DaySpec, b: DaySpec, today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    if a.is_fixed() {
        let start = a.on_or_after(today, today)?;
        Some((start, b.on_or_after(start, today)?))
    } else {
        let end = b.on_or_after(today, today)?;
        Some((a.on_or_before(end, today)?, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::domain::dates::parse_ymd(s).unwrap()
    }

    #[test]
    fn weekdays_and_month_days() {
        let wed = d("2027-01-06");
        let fri = DaySpec::Weekday(Weekday::Fri, Modifier::Plain);
        assert_eq!(fri.nearest(wed), Some(d("2027-01-01")));
        assert_eq!(fri.on_or_after(wed, wed), Some(d("2027-01-08")));
        let wed_plain = DaySpec::Weekday(Weekday::Wed, Modifier::Plain);
        assert_eq!(wed_plain.nearest(wed), Some(wed));
        let next_wed = DaySpec::Weekday(Weekday::Wed, Modifier::Next);
        assert_eq!(next_wed.on_or_after(wed, wed), Some(d("2027-01-13")));
        let last_wed = DaySpec::Weekday(Weekday::Wed, Modifier::Last);
        assert_eq!(last_wed.on_or_after(wed, wed), Some(d("2026-12-30")));
        assert_eq!(
            DaySpec::MonthDay(12, 28).nearest(wed),
            Some(d("2026-12-28"))
        );
        assert_eq!(DaySpec::MonthDay(2, 29).nearest(wed), Some(d("2028-02-29")));
        assert_eq!(
            span(DaySpec::MonthDay(12, 28), DaySpec::MonthDay(1, 3), wed),
            Some((d("2027-12-28"), d("2028-01-03")))
        );
        assert_eq!(
            span(
                DaySpec::MonthDay(12, 28),
                DaySpec::MonthDay(1, 3),
                d("2027-01-02")
            ),
            Some((d("2026-12-28"), d("2027-01-03")))
        );
    }
}
