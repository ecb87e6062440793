//! The month as the calendar shows it, without colour or terminal: what happens on each
//! day ([`DayInfo`], built from the plan by [`days`]), the one-character marks of each
//! kind of event, and the weeks a month grid spans. The planner's month grid
//! (`tui::widgets::month_grid`) and `sukima calendar` ([`super::month_text()`]) both draw
//! from it.

use crate::domain::dates::{last_day_of_month, week_start};
use crate::domain::events::EventKind;
use crate::domain::status::{Band, band};
use crate::planning::Overview;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::collections::BTreeMap;

/// An expiry.
pub const SYM_EXPIRY: &str = "!";
/// The renewal window opens.
pub const SYM_RENEWAL_OPENS: &str = "+";
/// The vendor retires the badge.
pub const SYM_RETIREMENT: &str = "x";
/// A replacement badge becomes available.
pub const SYM_REPLACEMENT: &str = "*";
/// The date a renewal must be prepared by.
pub const SYM_DUE: &str = "D";
/// The date the user wants a target by.
pub const SYM_GOAL: &str = "G";
/// The date an open deal needs its badges by.
pub const SYM_DEAL: &str = "$";
/// Planned (or pinned) study.
pub const SYM_PLANNED: &str = "▪";
/// Logged study.
pub const SYM_LOGGED: &str = "✓";

/// What happens to a badge on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayEventKind {
    /// The badge expires; the band says how urgent that is from today.
    Expiry(Band),
    /// Its renewal window opens (renew_from).
    RenewalOpens,
    /// The vendor retires it.
    Retirement,
    /// Its replacement becomes available to study for.
    ReplacementAvailable,
    /// The renewal must be prepared by this day.
    Due,
    /// The user wants this target by this day.
    Goal,
    /// An open deal needs its badges by this day (the event names the deal).
    Deal,
}

impl DayEventKind {
    /// The one-character mark in the grid.
    pub fn symbol(self) -> &'static str {
        match self {
            DayEventKind::Expiry(_) => SYM_EXPIRY,
            DayEventKind::RenewalOpens => SYM_RENEWAL_OPENS,
            DayEventKind::Retirement => SYM_RETIREMENT,
            DayEventKind::ReplacementAvailable => SYM_REPLACEMENT,
            DayEventKind::Due => SYM_DUE,
            DayEventKind::Goal => SYM_GOAL,
            DayEventKind::Deal => SYM_DEAL,
        }
    }

    /// Most important first: when a cell has room for one mark, this one wins.
    fn rank(self) -> u8 {
        match self {
            DayEventKind::Expiry(_) => 0,
            DayEventKind::Retirement => 1,
            DayEventKind::Deal => 2,
            DayEventKind::Due => 3,
            DayEventKind::RenewalOpens => 4,
            DayEventKind::ReplacementAvailable => 5,
            DayEventKind::Goal => 6,
        }
    }

    fn band(self) -> Option<Band> {
        match self {
            DayEventKind::Expiry(b) => Some(b),
            _ => None,
        }
    }
}

/// One mark of a day in a grid: an event, or study.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Event(DayEventKind),
    Planned,
    Logged,
}

impl Mark {
    /// Its one character.
    pub fn symbol(self) -> &'static str {
        match self {
            Mark::Event(k) => k.symbol(),
            Mark::Planned => SYM_PLANNED,
            Mark::Logged => SYM_LOGGED,
        }
    }
}

/// One badge's event on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayEvent {
    pub kind: DayEventKind,
    pub badge_key: String,
    pub badge_name: String,
}

/// Everything the calendar shows about one day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayInfo {
    pub events: Vec<DayEvent>,
    /// Planned and pinned study.
    pub planned_minutes: u32,
    pub logged_minutes: u32,
    /// A blackout (no study that day).
    pub blackout: bool,
    /// Minutes of busy time (imported calendars, skipped sessions) from now on.
    pub busy_minutes: u32,
}

impl DayInfo {
    /// The events, most important first (stable otherwise).
    pub fn events_by_rank(&self) -> Vec<&DayEvent> {
        let mut events: Vec<&DayEvent> = self.events.iter().collect();
        events.sort_by_key(|e| (e.kind.rank(), e.kind.band()));
        events
    }

    /// One mark per kind of event, most important first (the most urgent band of several
    /// expiries), then planned and logged study when `minutes`.
    pub fn marks(&self, minutes: bool) -> Vec<Mark> {
        let mut kinds: Vec<DayEventKind> = self.events.iter().map(|e| e.kind).collect();
        kinds.sort_by_key(|k| (k.rank(), k.band()));
        kinds.dedup_by_key(|k| k.rank());
        let mut marks: Vec<Mark> = kinds.into_iter().map(Mark::Event).collect();
        if minutes && self.planned_minutes > 0 {
            marks.push(Mark::Planned);
        }
        if minutes && self.logged_minutes > 0 {
            marks.push(Mark::Logged);
        }
        marks
    }
}

/// What each day between `from` and `to` holds: renewal events, planned and logged minutes.
pub fn days(ov: &Overview, from: NaiveDate, to: NaiveDate) -> BTreeMap<NaiveDate, DayInfo> {
    let today = ov.today();
    let mut out: BTreeMap<NaiveDate, DayInfo> = BTreeMap::new();
    for e in ov.events(from, to) {
        let kind = match e.kind {
            EventKind::Expiry => DayEventKind::Expiry(band((e.date - today).num_days())),
            EventKind::RenewalOpens => DayEventKind::RenewalOpens,
            EventKind::Retirement => DayEventKind::Retirement,
            EventKind::Available => DayEventKind::ReplacementAvailable,
            EventKind::Due => DayEventKind::Due,
            EventKind::Goal => DayEventKind::Goal,
        };
        out.entry(e.date).or_default().events.push(DayEvent {
            kind,
            badge_name: ov.name(&e.badge).to_string(),
            badge_key: e.badge,
        });
    }
    // Open deals ahead, by their date (the event names the deal, not a badge).
    for d in ov.open_deals() {
        if (from..=to).contains(&d.deal.by) {
            out.entry(d.deal.by).or_default().events.push(DayEvent {
                kind: DayEventKind::Deal,
                badge_key: d.deal.key.clone(),
                badge_name: d.deal.name.clone(),
            });
        }
    }
    for s in ov.sessions_between(from, to) {
        out.entry(s.start.date()).or_default().planned_minutes += s.minutes();
    }
    for (d, m) in ov.logged_per_day.range(from..=to) {
        out.entry(*d).or_default().logged_minutes += m;
    }
    let mut d = from;
    while d <= to {
        if crate::domain::spare::blacked_out(&ov.windows, d) {
            out.entry(d).or_default().blackout = true;
        }
        match d.succ_opt() {
            Some(n) => d = n,
            None => break,
        }
    }
    for b in &ov.busy {
        if b.start.date() >= from && b.start.date() <= to {
            out.entry(b.start.date()).or_default().busy_minutes += b.minutes();
        }
    }
    out
}

/// Minutes in at most five cells, exact to the minute below 100 hours: `45m`, `2h`,
/// `1h45`, `12h05`.
pub fn short_minutes(m: u32) -> String {
    let (h, rest) = (m / 60, m % 60);
    match (h, rest) {
        (0, _) => format!("{m}m"),
        (_, 0) => format!("{h}h"),
        (h, _) if h >= 100 => format!("{h}h"),
        (h, rest) => format!("{h}h{rest:02}"),
    }
}

/// The first day of the month of `d`.
pub fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// The days a month grid shows: from the start of the week of the 1st to the end of the
/// week of the last day, and how many weeks that is.
pub fn grid_span(month: NaiveDate, start: Weekday) -> (NaiveDate, u16) {
    let first = first_of_month(month);
    let last = last_day_of_month(first.year(), first.month()).unwrap_or(first);
    let from = week_start(first, start);
    let weeks = (last - from).num_days() / 7 + 1;
    (from, u16::try_from(weeks).unwrap_or(6))
}

/// The first and last day a month grid shows (including the neighbouring months' days
/// that fill its first and last week), so the caller knows which days to fill in.
pub fn grid_days(month: NaiveDate, week_start: Weekday) -> (NaiveDate, NaiveDate) {
    let (from, weeks) = grid_span(month, week_start);
    let to = from
        .checked_add_days(Days::new(u64::from(weeks) * 7 - 1))
        .unwrap_or(from);
    (from, to)
}

/// The month grid's symbols in the order of its legend (`Texts::legend_month`).
pub const MONTH_LEGEND: [&str; 8] = [
    SYM_EXPIRY,
    SYM_RENEWAL_OPENS,
    SYM_RETIREMENT,
    SYM_REPLACEMENT,
    SYM_DUE,
    SYM_GOAL,
    SYM_PLANNED,
    SYM_LOGGED,
];
