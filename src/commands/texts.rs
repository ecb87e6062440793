//! The command line's own words, in each language of [`Texts`]: table headers, empty
//! listings and the lines of `badge show`. [`CommandTexts`] extends the shared catalogue,
//! so one value (`Ctx::texts`) gives both; a text missing from a language is a compile
//! error. JSON output never goes through here.

mod en;
mod ja;

use crate::config::Language;
use crate::domain::decision::Retirement;
use crate::domain::events::EventKind;
use crate::domain::plan::Outcome;
use crate::present::texts::{En, Ja, Texts};
use chrono::{NaiveDate, NaiveDateTime};

/// The command line's catalogue for `language` (`auto` must be resolved first; it reads
/// as English).
pub fn for_language(language: Language) -> &'static dyn CommandTexts {
    match language {
        Language::Ja => &Ja,
        Language::En | Language::Auto => &En,
    }
}

/// A line of `sukima badge show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShowField {
    Status,
    Plan,
    Name,
    Issuer,
    Level,
    Earned,
    Expires,
    Renewed,
    RenewalOpens,
    Retires,
    ReplacedBy,
    Available,
    Goal,
    Studied,
    /// The prerequisites, each with whether it is held.
    After,
    /// The heading of the steps' table.
    Steps,
    Priority,
    Tags,
    Url,
    Notes,
    Source,
    Archived,
}

/// Where a prerequisite stands, for `badge show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterState {
    Held,
    Archived,
    Waiting,
    Missing,
}

/// What the planner does for a badge, for `badge show`'s plan line.
#[derive(Debug, Clone, Copy)]
pub enum PlanLine<'a> {
    /// Renewing (or earning a target) by `due`, with its outcome when planned.
    Work {
        renewal: bool,
        due: NaiveDate,
        outcome: Option<&'a Outcome>,
        /// Today, for dates that name their year only in another year.
        today: NaiveDate,
    },
}

/// Every word the command line shows beyond the shared [`Texts`].
pub trait CommandTexts: Texts {
    /// `badge list`'s column headers: status, key, name, issuer, expires, replacement,
    /// studied.
    fn badge_headers(&self) -> [&'static str; 7];

    /// `badge list` with nothing to list (`filtered`: a `--status` left nothing).
    fn no_badges(&self, filtered: bool) -> &'static str;

    /// The status cell of an archived badge.
    fn archived(&self) -> &'static str;

    /// The replacement cell: `none: lapse`, `(retires DATE)`, or the replacement's key.
    fn retirement_cell(&self, r: Retirement, replaced_by: Option<&str>, today: NaiveDate)
    -> String;

    /// The label of a `badge show` line (fits in 13 cells).
    fn show_label(&self, f: ShowField) -> &'static str;

    /// `badge show`'s plan line.
    fn plan_line(&self, line: PlanLine<'_>) -> String;

    /// `badge show`'s retirement: the date and what it means.
    fn show_retires(&self, on: NaiveDate, r: Retirement, today: NaiveDate) -> String;

    /// `badge show`'s study this cycle: `1h of 6h this cycle`.
    fn show_studied(&self, logged: u32, effort: u32) -> String;

    /// `badge show`'s study this cycle for a badge with steps (which set the work).
    fn show_studied_steps(&self, logged: u32) -> String;

    /// A prerequisite in `badge show`: `found (held)`.
    fn show_after(&self, key: &str, state: AfterState) -> String;

    /// `step list`'s column headers: number, kind, estimate, step, state, address.
    fn step_headers(&self) -> [&'static str; 6];

    /// A step's state: done on a day.
    fn step_done_on(&self, d: NaiveDate, today: NaiveDate) -> String;

    /// A step's state: its criterion left the source.
    fn step_gone(&self) -> &'static str;

    /// The current step's state: `10 of 45m` studied since the last step was done.
    fn step_progress(&self, covered: u32, estimate: u32) -> String;

    /// `step list`'s last line: `1 of 4 steps done, 3h45m left of 4h30m`.
    fn steps_summary(&self, done: usize, all: usize, left: u32, total: u32) -> String;

    /// `step list` of a badge without steps.
    fn no_steps_yet(&self, key: &str) -> String;

    /// `yes`, for a flag that is set.
    fn yes(&self) -> &'static str;

    /// `window list` with nothing to list.
    fn no_windows(&self) -> &'static str;

    /// `window list`'s column headers: id, kind, when.
    fn window_headers(&self) -> [&'static str; 3];

    /// A window's kind: `weekly`, `once`, `blackout`, `busy`.
    fn window_kind(&self, kind: &str) -> &'static str;

    /// A calendar import in `window list`: `12 events imported, 2026-11-02 to 2027-02-28`;
    /// the time of skipped sessions (`skipped`): `2 sessions skipped, …`.
    fn busy_summary(&self, skipped: bool, events: u32, first: &str, last: &str) -> String;

    /// `log` with nothing that matches (`filtered`) or nothing at all.
    fn nothing_logged(&self, filtered: bool) -> &'static str;

    /// `log`'s column headers: date, start, time, badge, note.
    fn log_headers(&self) -> [&'static str; 6];

    /// The columns of `session list`: start, end, time, badge, state.
    fn session_headers(&self) -> [&'static str; 5];

    /// A session's state in `session list`: planned, pinned, passed without an answer, a
    /// conflict.
    fn session_state(&self, pinned: bool, overdue: bool, conflict: bool) -> &'static str;

    /// `session list` with nothing to act on.
    fn no_sessions_listed(&self) -> &'static str;

    /// `session unpin` on a session the planner placed.
    fn not_pinned(&self, badge: &str, start: chrono::NaiveDateTime) -> String;

    /// `log`'s last line: `3 entries, 2h in all`.
    fn log_total(&self, entries: usize, total: u32) -> String;

    /// `export json` to a file: what was written where.
    fn exported(&self, counts: crate::domain::change::Counts, file: &str) -> String;

    // `plan`, `agenda` and `due`.

    /// `plan`'s first line: `Plan as of 2027-01-06T08:00: 10 to prepare, 1 at risk`.
    fn plan_head(&self, now: NaiveDateTime, count: usize, at_risk: usize) -> String;

    /// Expired and retired badges with nothing planned, what to do, and their keys.
    fn plan_lapsed(&self, expired: usize, retired: usize, keys: &[&str]) -> String;

    /// `plan` when no badge needs work.
    fn nothing_to_plan(&self) -> &'static str;

    /// `plan`'s column headers: state, badge, name, due, left, planned, ready, slack.
    fn plan_headers(&self) -> [&'static str; 8];

    /// The state cell of `plan`'s table: `AT RISK` or `ok`.
    fn plan_state(&self, at_risk: bool) -> &'static str;

    /// A date in `plan`'s table; `long` when a date of the column is in another year
    /// than `today`'s (English then writes every date in full, so the column lines up).
    fn plan_date(&self, d: NaiveDate, today: NaiveDate, long: bool) -> String;

    /// A badge at risk and why: `gcp-pde: short 4h45m by 2027-02-08, ready 2027-02-12.`.
    fn risk_head(&self, key: &str, why: &str) -> String;

    /// Above the fixes of a badge at risk.
    fn each_fix_alone(&self) -> &'static str;

    /// Above the pinned sessions that break the rules.
    fn conflicts_head(&self, n: usize) -> String;

    /// Above the next days' sessions: `Sessions, next 14 days: 23 (12h45m)`.
    fn sessions_head(&self, days: u32, count: usize, minutes: u32) -> String;

    /// A session's day in a list: `Wed 01-06`, `Wed 2027-01-06` when `full`, or
    /// `1月6日(水)` (with its year in another year).
    fn session_day(&self, d: NaiveDate, today: NaiveDate, full: bool) -> String;

    /// After a pinned session: `  (pinned)`, or `  (pinned: in a blackout)` when it
    /// breaks the rules.
    fn pinned_tail(&self, conflict: Option<&str>) -> String;

    /// A day's title in `agenda`: `Wed 2027-01-06  today`.
    fn agenda_day(&self, d: NaiveDate, today: NaiveDate) -> String;

    /// Today in `agenda` when nothing happens.
    fn nothing_planned(&self) -> &'static str;

    /// What happens to a badge on a day, in `agenda`: `expires`, `renewal opens`.
    fn event_kind(&self, kind: EventKind) -> &'static str;

    /// `agenda`'s last line: `(1 more day with nothing planned)`.
    fn quiet_days(&self, n: usize) -> String;

    /// `due`'s next session: `next 12:15 cp4d-admin 30m` (the day too when not today).
    fn due_next(&self, start: NaiveDateTime, today: NaiveDate, badge: &str, minutes: u32)
    -> String;

    /// `export ics` to a file: how many sessions and badges' dates, where, in which zone.
    fn exported_ics(&self, sessions: usize, badges: usize, file: &str, zone: &str) -> String;

    /// `due`'s counts: `1 expiring within 30d`, `1 at risk`, `1 expired`, `1 retired`.
    fn due_counts(&self, counts: DueCounts) -> Vec<String>;

    /// `badge add` of an earned badge without `--expires` whose issuer gives a validity:
    /// what it assumed (never), and the expiry the validity would give.
    fn assumed_no_expiry(
        &self,
        key: &str,
        issuer: &str,
        validity_days: u32,
        would_expire: chrono::NaiveDate,
    ) -> String;
}

/// What `sukima due` counts.
#[derive(Debug, Clone, Copy)]
pub struct DueCounts {
    pub expiring: usize,
    /// The days ahead that `expiring` looks at.
    pub days: u32,
    pub at_risk: usize,
    pub expired: usize,
    pub retired: usize,
}

/// A validity in years when it is whole years (`3 years`), else in days.
pub(crate) fn validity_years(days: u32) -> Option<u32> {
    (days >= 365 && days.is_multiple_of(365)).then_some(days / 365)
}
