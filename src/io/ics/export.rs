//! Export of study sessions and renewal dates as an iCalendar file.
//!
//! The calendar has, in this order: a `VTIMEZONE` for the local zone (only when there are
//! sessions), one `VEVENT` per session, then the all-day events of each badge. Every event
//! has a UID derived from what it is, so exporting again and importing into the same
//! calendar updates events instead of duplicating them:
//!
//! | event | UID | summary |
//! |---|---|---|
//! | session | `session-<key>-<YYYYMMDDTHHMM>@sukima` (start) | `Study: <name>`, `Study: <name> (pinned)` |
//! | expiry | `expiry-<key>-<YYYYMMDD>@sukima` | `<name> expires`, with a `VALARM` 60 days before |
//! | 60 days before expiry | `expiry-reminder-<key>-<YYYYMMDD of expiry>@sukima` | `<name> expires in 60 days` |
//! | renewal window opens | `renewal-<key>-<YYYYMMDD>@sukima` | `<name>: renewal window opens` |
//! | retirement | `retirement-<key>-<YYYYMMDD>@sukima` | `<name> retires` |
//! | available (a replacement or other target) | `available-<key>-<YYYYMMDD>@sukima` | `<name> becomes available` |
//!
//! Sessions are written in local wall-clock time with the zone's `TZID`, exactly as given:
//! a start inside a daylight-saving gap (02:30 on the spring-forward night) is written as
//! such, and readers interpret it as RFC 5545 says (with the offset before the gap, so
//! 03:30). A session whose end is not after its start is written without `DTEND`, which
//! RFC 5545 reads as an instant. All-day events are `TRANSP:TRANSPARENT`: they mark a day,
//! they do not fill it. Alarms are kept for apps that honour them, but Google Calendar drops
//! alarms on import, hence the explicit reminder event.

use super::text::Lines;
use super::vtimezone;
use crate::domain::{Badge, Pinned};
use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use std::collections::BTreeSet;

/// How many days before an expiry the alarm and the reminder event fall.
pub const REMINDER_DAYS: u64 = 60;

/// The product identifier written in every export.
pub const PRODID: &str = "-//sukima//sukima//EN";

/// A planned or pinned study session, in local time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSession {
    pub badge_key: String,
    pub badge_name: String,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    /// Placed by hand rather than by the planner.
    pub pinned: bool,
    /// The step it advances, as a label (`Module 2: Data governance · 30 of 45m`).
    pub step: Option<String>,
    /// Where to study: the step's address, else the badge's.
    pub url: Option<String>,
}

impl ExportSession {
    /// A pinned session of the badge called `badge_name`.
    pub fn from_pinned(pinned: &Pinned, badge_name: &str) -> Self {
        ExportSession {
            badge_key: pinned.badge.clone(),
            badge_name: badge_name.to_string(),
            start: pinned.start,
            end: pinned.end(),
            pinned: true,
            step: None,
            url: None,
        }
    }
}

/// The dates of one badge that become all-day events; `None` writes no event.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BadgeDates {
    pub key: String,
    pub name: String,
    /// Expiry: an event, an alarm and a reminder event before it.
    pub expires_on: Option<NaiveDate>,
    /// The first day a renewal is possible.
    pub renewal_opens: Option<NaiveDate>,
    pub retires_on: Option<NaiveDate>,
    /// For a target (often the replacement of a retiring badge): when it can first be taken.
    pub available_on: Option<NaiveDate>,
}

impl BadgeDates {
    /// Whether it gives the calendar any event.
    pub fn has_any(&self) -> bool {
        self.expires_on.is_some()
            || self.renewal_opens.is_some()
            || self.retires_on.is_some()
            || self.available_on.is_some()
    }

    /// The events a user expects for `badge`: a held badge's expiry and, unless the vendor
    /// retires it first (then there is no renewal), its renewal window opening (`renew_from`,
    /// else `renewal_window_days` before expiry); its retirement; a target's availability.
    /// Whether archived badges are exported is the caller's choice.
    pub fn from_badge(badge: &Badge, renewal_window_days: u32) -> Self {
        let held = badge.is_held();
        BadgeDates {
            key: badge.key.clone(),
            name: badge.name.clone(),
            expires_on: badge.expires_on.filter(|_| held),
            renewal_opens: badge
                .renewal_opens(renewal_window_days)
                .filter(|_| held && badge.expires_on.is_some() && !badge.retires_before_expiry()),
            retires_on: badge.retires_on,
            available_on: badge.available_on.filter(|_| !held),
        }
    }
}

/// The `.ics` text (CRLF lines) of `sessions` and the all-day events of `badges`, with
/// session times in the zone `tz` and every `DTSTAMP` set to `dtstamp`. The same input
/// gives the same text, byte for byte; events are sorted by time, then key.
pub fn export_calendar(
    sessions: &[ExportSession],
    badges: &[BadgeDates],
    tz: Tz,
    dtstamp: DateTime<Utc>,
) -> String {
    export_calendar_with_deals(sessions, badges, &[], tz, dtstamp)
}

/// An open deal's date, exported as an all-day event (`deal-KEY-DATE@sukima`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportDeal {
    pub key: String,
    pub name: String,
    pub by: NaiveDate,
    /// The names of the badges it needs.
    pub needs: Vec<String>,
}

/// [`export_calendar`] with the open deals' dates as all-day events too.
pub fn export_calendar_with_deals(
    sessions: &[ExportSession],
    badges: &[BadgeDates],
    deals: &[ExportDeal],
    tz: Tz,
    dtstamp: DateTime<Utc>,
) -> String {
    let stamp = dtstamp.format("%Y%m%dT%H%M%SZ").to_string();
    let mut lines = Lines::default();
    lines.begin("VCALENDAR");
    lines.text("PRODID", PRODID);
    lines.raw("VERSION", "2.0");
    lines.raw("CALSCALE", "GREGORIAN");
    lines.text("X-WR-CALNAME", "sukima");

    let mut sessions: Vec<&ExportSession> = sessions.iter().collect();
    sessions.sort_by(|a, b| {
        (a.start, &a.badge_key, !a.pinned, a.end).cmp(&(b.start, &b.badge_key, !b.pinned, b.end))
    });
    let first = sessions.iter().map(|s| s.start.date()).min();
    let last = sessions.iter().map(|s| s.end.max(s.start).date()).max();
    if let (Some(first), Some(last)) = (first, last) {
        vtimezone::write(&mut lines, tz, first, last);
    }

    let mut seen = BTreeSet::new();
    for s in sessions {
        let uid = format!(
            "session-{}-{}@sukima",
            s.badge_key,
            s.start.format("%Y%m%dT%H%M")
        );
        if !seen.insert(uid.clone()) {
            continue;
        }
        let tzid = format!(";TZID={}", tz.name());
        lines.begin("VEVENT");
        lines.text("UID", &uid);
        lines.raw("DTSTAMP", &stamp);
        lines.raw(&format!("DTSTART{tzid}"), &date_time(s.start));
        if s.end > s.start {
            lines.raw(&format!("DTEND{tzid}"), &date_time(s.end));
        }
        // A badge with steps: the step in the summary, and in the description with the
        // address to open.
        let what = match &s.step {
            Some(step) => format!("{}: {step}", s.badge_name),
            None => s.badge_name.clone(),
        };
        if s.pinned {
            lines.text("SUMMARY", &format!("Study: {what} (pinned)"));
            lines.text_list("CATEGORIES", &["sukima", "study", "pinned"]);
        } else {
            lines.text("SUMMARY", &format!("Study: {what}"));
            lines.text_list("CATEGORIES", &["sukima", "study"]);
        }
        let description: Vec<&str> = s.step.iter().chain(&s.url).map(String::as_str).collect();
        if !description.is_empty() {
            lines.text("DESCRIPTION", &description.join("\n"));
        }
        if let Some(url) = &s.url {
            lines.raw("URL", url);
        }
        lines.end("VEVENT");
    }

    let mut days = day_events(badges);
    days.extend(deals.iter().map(|d| DayEvent {
        uid: format!("deal-{}-{}@sukima", d.key, date(d.by)),
        date: d.by,
        summary: format!("Deal: {} (badges needed by this day)", d.name),
        description: Some(format!("Needs: {}", d.needs.join(", "))),
        category: "deal",
        alarm: None,
    }));
    days.sort_by(|a, b| (a.date, &a.uid).cmp(&(b.date, &b.uid)));
    for d in days {
        if !seen.insert(d.uid.clone()) {
            continue;
        }
        let Some(next) = d.date.checked_add_days(Days::new(1)) else {
            continue;
        };
        lines.begin("VEVENT");
        lines.text("UID", &d.uid);
        lines.raw("DTSTAMP", &stamp);
        lines.raw("DTSTART;VALUE=DATE", &date(d.date));
        lines.raw("DTEND;VALUE=DATE", &date(next));
        lines.text("SUMMARY", &d.summary);
        if let Some(description) = &d.description {
            lines.text("DESCRIPTION", description);
        }
        lines.text_list("CATEGORIES", &["sukima", d.category]);
        lines.raw("TRANSP", "TRANSPARENT");
        if let Some(alarm) = &d.alarm {
            lines.begin("VALARM");
            lines.raw("ACTION", "DISPLAY");
            lines.raw("TRIGGER", &format!("-P{REMINDER_DAYS}D"));
            lines.text("DESCRIPTION", alarm);
            lines.end("VALARM");
        }
        lines.end("VEVENT");
    }
    lines.end("VCALENDAR");
    lines.finish()
}

/// An all-day event before it is written.
struct DayEvent {
    uid: String,
    date: NaiveDate,
    summary: String,
    description: Option<String>,
    category: &'static str,
    alarm: Option<String>,
}

fn day_events(badges: &[BadgeDates]) -> Vec<DayEvent> {
    let mut out = Vec::new();
    for b in badges {
        let (key, name) = (&b.key, &b.name);
        let event = |kind: &str, date: NaiveDate, summary: String, category| DayEvent {
            uid: format!("{kind}-{key}-{}@sukima", self::date(date)),
            date,
            summary,
            description: None,
            category,
            alarm: None,
        };
        if let Some(e) = b.expires_on {
            let soon = format!("{name} expires in {REMINDER_DAYS} days");
            out.push(DayEvent {
                alarm: Some(soon.clone()),
                ..event("expiry", e, format!("{name} expires"), "expiry")
            });
            if let Some(before) = e.checked_sub_days(Days::new(REMINDER_DAYS)) {
                out.push(DayEvent {
                    uid: format!("expiry-reminder-{key}-{}@sukima", date(e)),
                    date: before,
                    description: Some(format!("{name} expires on {e}")),
                    ..event("expiry-reminder", e, soon, "reminder")
                });
            }
        }
        if let Some(d) = b.renewal_opens {
            let summary = format!("{name}: renewal window opens");
            out.push(event("renewal", d, summary, "renewal"));
        }
        if let Some(d) = b.retires_on {
            out.push(event(
                "retirement",
                d,
                format!("{name} retires"),
                "retirement",
            ));
        }
        if let Some(d) = b.available_on {
            let summary = format!("{name} becomes available");
            out.push(event("available", d, summary, "available"));
        }
    }
    out
}

fn date_time(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

fn date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

#[cfg(test)]
mod tests;
