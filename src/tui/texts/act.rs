//! The words of acting on sessions (done, skip, move, the session's details), the Log
//! view, redo, and the form's and list's small helpers: a part of [`super::ScreenTexts`]
//! kept in its own trait so each language's file stays readable.

use chrono::{NaiveDate, NaiveDateTime};

/// Words of the session actions and the Log view, per language.
pub trait ActTexts {
    /// The footer label of `p` on the selected session: what it will do.
    fn pin_hint(&self, pinned: bool) -> &'static str;

    /// The footer labels of `c` and `s` on a pinned session whose time passed.
    fn overdue_hints(&self) -> (&'static str, &'static str);

    /// The title above pinned sessions whose time passed without a log entry.
    fn did_you_study(&self) -> &'static str;

    /// The title of the prompt asking how long a session was studied.
    fn done_prompt(&self, name: &str, when: &str) -> String;

    /// What Enter in the done prompt writes.
    fn done_preview(&self, minutes: &str, at: &str) -> String;

    /// The title of the prompt asking where a session moves to.
    fn move_prompt(&self, name: &str, when: &str) -> String;

    /// What Enter in the move prompt writes; `warning`: why that time is a conflict.
    fn move_preview(&self, to: &str, warning: Option<&str>) -> String;

    /// The title of the prompt editing a log entry (as a quick-add line).
    fn log_edit_prompt(&self) -> &'static str;

    /// A log entry's preview that is not study in the past.
    fn log_edit_not_past(&self) -> &'static str;

    /// Nothing selected to act on.
    fn no_session_selected(&self) -> &'static str;

    /// The title of the session's details.
    fn session_title(&self) -> &'static str;

    /// "planned" / "pinned" in the session's details.
    fn session_kind(&self, pinned: bool, overdue: bool) -> &'static str;

    /// The line of the step a session advances (`step`: what
    /// [`crate::present::Texts::session_step`] says of it; `None`: the badge has no steps).
    fn session_step_line(&self, step: Option<&str>) -> String;

    /// Why a session is there: its badge's due day, what is left and what is planned.
    fn session_why(&self, due: &str, remaining: &str, planned: &str) -> String;

    /// A pinned session that breaks a rule, in the details.
    fn session_conflict(&self) -> &'static str;

    /// The Log view's title: entries and their total.
    fn log_title(&self, entries: usize, total: &str) -> String;

    /// A day's line in the Log view.
    fn log_day(&self, day: &str, total: &str) -> String;

    /// The week's total in the Log view ("this week 4h · last week 3h").
    fn log_weeks(&self, this_week: &str, last_week: &str) -> String;

    /// The streak of days studied, ending today or yesterday.
    fn streak(&self, days: u32) -> String;

    /// The mark of an entry that overlaps another.
    fn overlaps(&self) -> &'static str;

    /// A quick-add or edited entry that overlaps another.
    fn overlap_warning(&self, badge: &str, from: &str, to: &str) -> String;

    /// The Log view without entries.
    fn log_empty(&self) -> &'static str;

    /// Today's title when study was logged today: `Today · 1h planned · 30m studied`.
    fn today_studied(&self, planned: &str, studied: &str) -> String;

    /// Today with study logged and nothing left planned.
    fn nothing_more_today(&self) -> &'static str;

    /// The confirmation before a changed form is thrown away.
    fn discard_form(&self) -> &'static str;

    /// The status line after the sort order is reversed.
    fn sort_reversed(&self, by: &str, descending: bool) -> String;

    /// A day off in the week grid's legend and the calendar ("blackout").
    fn blackout_word(&self) -> &'static str;

    /// Busy time in the week grid's legend.
    fn busy_word(&self) -> &'static str;

    /// The Spare time view's title over imported calendars.
    fn calendars_title(&self) -> &'static str;

    /// An imported calendar's row: its events and their span.
    fn calendar_row(&self, source: &str, events: u32, from: NaiveDate, to: NaiveDate) -> String;

    /// The confirmation before an imported calendar is removed.
    fn confirm_delete_calendar(&self, source: &str, events: u32) -> String;

    /// "close", after Esc in a popup's keys.
    fn close_word(&self) -> &'static str;

    /// A session's time in the details: "Thu 2027-01-14 07:10-07:40".
    fn session_when(&self, start: NaiveDateTime, end: NaiveDateTime) -> String;
}
