//! Renewal events on the calendar: expiries, renewal windows opening, retirements,
//! replacements becoming available, due days and goals. Pure: computed from badges and
//! their work, shared by the agenda, the calendar and the iCalendar export.

use super::badge::Badge;
use super::work::Work;
use chrono::NaiveDate;

/// What happens on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventKind {
    /// The badge expires (its last valid day).
    Expiry,
    /// The renewal window opens: renewal study and the assessment can start.
    RenewalOpens,
    /// The vendor retires the badge.
    Retirement,
    /// A target (usually a replacement) becomes available to study for.
    Available,
    /// The planner's due day: the renewal or target should be ready.
    Due,
    /// The user's goal date for a target.
    Goal,
}

impl EventKind {
    /// The stable snake_case name used in JSON output.
    pub fn id(self) -> &'static str {
        match self {
            EventKind::Expiry => "expiry",
            EventKind::RenewalOpens => "renewal_opens",
            EventKind::Retirement => "retirement",
            EventKind::Available => "available",
            EventKind::Due => "due",
            EventKind::Goal => "goal",
        }
    }
}

/// One event.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Event {
    pub date: NaiveDate,
    pub kind: EventKind,
    pub badge: String,
}

/// The events of the badges between `from` and `to` (both included), sorted by date,
/// kind, badge. Archived badges have none; a renewal window opening is shown only when
/// the badge will be renewed (not when it is left to lapse); the due day only for badges
/// with something to plan.
///
/// Each item is a badge, its work and the day its renewal window opens.
pub fn events<'a>(
    items: impl Iterator<Item = (&'a Badge, &'a Work, Option<NaiveDate>)>,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<Event> {
    let mut out = Vec::new();
    for (b, w, opens) in items.filter(|(b, _, _)| !b.archived) {
        let mut push = |date: Option<NaiveDate>, kind| {
            if let Some(date) = date
                && from <= date
                && date <= to
            {
                out.push(Event {
                    date,
                    kind,
                    badge: b.key.clone(),
                });
            }
        };
        if b.is_held() {
            push(b.expires_on, EventKind::Expiry);
        }
        push(b.retires_on, EventKind::Retirement);
        if matches!(w, Work::Renewal(_)) {
            push(opens, EventKind::RenewalOpens);
        }
        if !b.is_held() {
            push(b.available_on, EventKind::Available);
            push(b.goal_on, EventKind::Goal);
        }
        if let Some(t) = w.target() {
            push(Some(t.due), EventKind::Due);
        }
    }
    out.sort();
    out
}
