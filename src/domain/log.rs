//! Study done (the log) and study placed by hand in the future (pinned sessions).

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// Study actually done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogEntry {
    /// Store id; `None` before it is written.
    pub id: Option<i64>,
    /// Badge key.
    pub badge: String,
    pub date: NaiveDate,
    pub start: Option<NaiveTime>,
    pub minutes: u32,
    pub note: Option<String>,
}

/// A session the user placed by hand; the planner keeps it and plans around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pinned {
    /// Store id; `None` before it is written.
    pub id: Option<i64>,
    /// Badge key.
    pub badge: String,
    pub start: NaiveDateTime,
    pub minutes: u32,
}

impl Pinned {
    /// The first of `pins` this session would overlap, if any.
    pub fn clash<'a>(&self, pins: &'a [Pinned]) -> Option<&'a Pinned> {
        pins.iter()
            .find(|o| o.start < self.end() && self.start < o.end())
    }

    /// Whether it counts at `now`, toward its badge and its day's cap: it has minutes and
    /// has not ended (a session under way counts whole: the user is studying it).
    pub fn counts_at(&self, now: NaiveDateTime) -> bool {
        self.minutes > 0 && self.end() > now
    }

    /// When the session ends.
    pub fn end(&self) -> NaiveDateTime {
        self.start
            .checked_add_signed(chrono::Duration::minutes(i64::from(self.minutes)))
            .unwrap_or(NaiveDateTime::MAX)
    }
}
