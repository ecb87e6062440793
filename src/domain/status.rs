//! The status of a badge at a date (DESIGN section 2), with its countdown.

use super::badge::Badge;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Exactly one per badge at a given day. The order of the variants is the precedence:
/// the first row of the status table that applies wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Held, and `expires_on` is before today.
    Expired,
    /// `retires_on` is before today.
    Retired,
    /// Held, and the vendor retires it on a day still ahead (today included).
    Retiring,
    /// Held, expires within `warn_days` (today included).
    Expiring,
    /// Held, expiry further away.
    Active,
    /// Held, never expires.
    NoExpiry,
    /// Not yet earned.
    Target,
}

impl Status {
    /// Every status, in precedence order.
    pub const ALL: [Status; 7] = [
        Status::Expired,
        Status::Retired,
        Status::Retiring,
        Status::Expiring,
        Status::Active,
        Status::NoExpiry,
        Status::Target,
    ];

    /// The name as printed and accepted by `--status`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Expired => "expired",
            Status::Retired => "retired",
            Status::Retiring => "retiring",
            Status::Expiring => "expiring",
            Status::Active => "active",
            Status::NoExpiry => "no-expiry",
            Status::Target => "target",
        }
    }

    /// Reads a status name.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s.trim())
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The status of `badge` on `today`.
///
/// Precedence follows the table in DESIGN 2, top row first: a held badge that has expired
/// is `expired` even if it was also retired. A retirement ahead makes a badge `retiring`
/// only when it ends the badge first (on or before its expiry, or it never expires, or it
/// is a target); a badge that retires after it expires follows its expiry and is renewed
/// as usual, its retirement shown beside the status ([`later_retirement`]). A target
/// (not earned) cannot expire.
pub fn status_at(badge: &Badge, today: NaiveDate, warn_days: u32) -> Status {
    let retirement_first = !badge.is_held() || badge.retires_before_expiry();
    match (badge.is_held(), badge.expires_on, badge.retires_on) {
        (true, Some(e), _) if e < today => Status::Expired,
        (_, _, Some(r)) if r < today => Status::Retired,
        (_, _, Some(_)) if retirement_first => Status::Retiring,
        (false, _, _) => Status::Target,
        (true, Some(e), _) if (e - today).num_days() <= i64::from(warn_days) => Status::Expiring,
        (true, Some(_), _) => Status::Active,
        (true, None, _) => Status::NoExpiry,
    }
}

/// A retirement that comes after the badge expires: it does not decide the status (the
/// expiry does, and the badge is renewed as usual) but is shown beside it.
pub fn later_retirement(badge: &Badge, status: Status) -> Option<NaiveDate> {
    match status {
        Status::Expiring | Status::Active | Status::Expired => badge
            .retires_on
            .filter(|_| badge.is_held() && !badge.retires_before_expiry()),
        _ => None,
    }
}

/// The order of "most urgent first", the one every list uses (`badge list`, the Badges
/// view): the next date that matters first (an expiry, a retirement, a goal), then badges
/// with no such date, then the ones already past it, the most recent first; ties by key.
pub fn urgency(badge: &Badge, status: Status, today: NaiveDate) -> (bool, bool, i64) {
    let days = countdown_days(badge, status, today);
    let past = matches!(status, Status::Expired | Status::Retired);
    (
        past,
        days.is_none(),
        if past {
            -days.unwrap_or(0)
        } else {
            days.unwrap_or(0)
        },
    )
}

/// The date a status counts toward: expiry, retirement, or for a target its goal.
pub fn countdown_date(badge: &Badge, status: Status) -> Option<NaiveDate> {
    match status {
        Status::Expired | Status::Expiring | Status::Active => badge.expires_on,
        Status::Retired | Status::Retiring => badge.retires_on,
        Status::Target => badge.goal_on.or(badge.available_on),
        Status::NoExpiry => None,
    }
}

/// Days from today to the status's date (negative once it has passed).
pub fn countdown_days(badge: &Badge, status: Status, today: NaiveDate) -> Option<i64> {
    countdown_date(badge, status).map(|d| (d - today).num_days())
}

/// How urgent an expiry is, for colour: within 30, 60 or 90 days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Band {
    /// Already past.
    Past,
    /// Fewer than 30 days.
    Red,
    /// Fewer than 60 days.
    Yellow,
    /// Fewer than 90 days.
    Plain,
    /// Further away.
    Far,
}

/// The colour band of a countdown in days.
pub fn band(days: i64) -> Band {
    match days {
        d if d < 0 => Band::Past,
        d if d < 30 => Band::Red,
        d if d < 60 => Band::Yellow,
        d if d < 90 => Band::Plain,
        _ => Band::Far,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::parse_ymd;

    fn d(s: &str) -> Option<NaiveDate> {
        (!s.is_empty()).then(|| parse_ymd(s).unwrap())
    }

    fn badge(earned: &str, expires: &str, retires: &str) -> Badge {
        Badge {
            key: "b".into(),
            name: "B".into(),
            earned_on: d(earned),
            expires_on: d(expires),
            retires_on: d(retires),
            ..Badge::default()
        }
    }

    /// One row per line of the status table, plus the edges and precedence between rows.
    #[test]
    fn status_table() {
        let today = d("2027-01-10").unwrap();
        for (earned, expires, retires, expected, why) in [
            (
                "2026-01-01",
                "2027-01-09",
                "",
                Status::Expired,
                "expired yesterday",
            ),
            (
                "2026-01-01",
                "2027-01-10",
                "",
                Status::Expiring,
                "expires today: still valid",
            ),
            (
                "2026-01-01",
                "2027-04-10",
                "",
                Status::Expiring,
                "exactly warn_days (90) away",
            ),
            (
                "2026-01-01",
                "2027-04-11",
                "",
                Status::Active,
                "91 days away",
            ),
            ("2026-01-01", "", "", Status::NoExpiry, "never expires"),
            ("", "", "", Status::Target, "not earned"),
            (
                "",
                "2027-02-01",
                "",
                Status::Target,
                "a target cannot be expiring",
            ),
            (
                "",
                "",
                "2027-01-09",
                Status::Retired,
                "a target whose exam retired",
            ),
            (
                "2026-01-01",
                "2028-01-01",
                "2027-01-09",
                Status::Retired,
                "retired yesterday",
            ),
            (
                "2026-01-01",
                "2028-01-01",
                "2027-01-10",
                Status::Retiring,
                "retires today",
            ),
            (
                "2026-01-01",
                "2027-02-01",
                "2027-02-01",
                Status::Retiring,
                "retiring on expiry day outranks expiring",
            ),
            (
                "2026-01-01",
                "",
                "2027-06-30",
                Status::Retiring,
                "no expiry, retiring",
            ),
            (
                "2026-01-01",
                "2027-02-01",
                "2027-12-31",
                Status::Expiring,
                "retires after it expires: the expiry decides",
            ),
            (
                "2026-01-01",
                "2028-01-01",
                "2028-06-30",
                Status::Active,
                "retires after a far expiry: active",
            ),
            (
                "",
                "",
                "2027-06-30",
                Status::Retiring,
                "a target whose exam retires ahead",
            ),
            (
                "2026-01-01",
                "2027-01-01",
                "2026-12-31",
                Status::Expired,
                "expired outranks retired",
            ),
            (
                "2026-01-01",
                "2027-01-01",
                "2027-03-01",
                Status::Expired,
                "expired outranks retiring",
            ),
        ] {
            assert_eq!(
                status_at(&badge(earned, expires, retires), today, 90),
                expected,
                "{why}"
            );
        }
    }

    #[test]
    fn a_later_retirement_is_shown_beside_the_expiry() {
        let today = d("2027-01-10").unwrap();
        let later = badge("2026-01-01", "2027-02-01", "2027-12-31");
        let st = status_at(&later, today, 90);
        assert_eq!(later_retirement(&later, st), d("2027-12-31"));
        assert_eq!(countdown_days(&later, st, today), Some(22));
        let first = badge("2026-01-01", "2027-02-01", "2027-01-31");
        assert_eq!(later_retirement(&first, status_at(&first, today, 90)), None);
    }

    #[test]
    fn urgency_puts_the_nearest_date_first_and_past_ones_last() {
        let today = d("2027-01-10").unwrap();
        let mut all = [
            ("expired-long-ago", badge("2025-01-01", "2026-06-01", "")),
            ("never", badge("2025-01-01", "", "")),
            ("soon", badge("2025-01-01", "2027-01-20", "")),
            (
                "retires-later",
                badge("2025-01-01", "2027-01-15", "2027-12-31"),
            ),
            ("expired-yesterday", badge("2025-01-01", "2027-01-09", "")),
            ("far", badge("2025-01-01", "2028-01-20", "")),
        ];
        all.sort_by_key(|(k, b)| (urgency(b, status_at(b, today, 90), today), *k));
        let order: Vec<&str> = all.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            order,
            [
                "retires-later",
                "soon",
                "far",
                "never",
                "expired-yesterday",
                "expired-long-ago"
            ]
        );
    }

    #[test]
    fn countdowns_and_bands() {
        let today = d("2027-01-10").unwrap();
        let b = badge("2026-01-01", "2027-02-09", "");
        let st = status_at(&b, today, 90);
        assert_eq!(countdown_days(&b, st, today), Some(30));
        assert_eq!(band(-1), Band::Past);
        assert_eq!(band(0), Band::Red);
        assert_eq!(band(29), Band::Red);
        assert_eq!(band(30), Band::Yellow);
        assert_eq!(band(59), Band::Yellow);
        assert_eq!(band(60), Band::Plain);
        assert_eq!(band(89), Band::Plain);
        assert_eq!(band(90), Band::Far);
    }

    #[test]
    fn status_names_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
    }
}
