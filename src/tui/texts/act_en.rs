//! The English words of [`ActTexts`].

use super::act::ActTexts;
use crate::present::texts::{En, Texts};
use chrono::{NaiveDate, NaiveDateTime};

impl ActTexts for En {
    fn pin_hint(&self, pinned: bool) -> &'static str {
        if pinned { "unpin" } else { "pin" }
    }

    fn overdue_hints(&self) -> (&'static str, &'static str) {
        ("done", "not done")
    }

    fn did_you_study(&self) -> &'static str {
        "Did you study?"
    }

    fn done_prompt(&self, name: &str, when: &str) -> String {
        format!(" Studied {name} {when}: how long? ")
    }

    fn done_preview(&self, minutes: &str, at: &str) -> String {
        format!("→ log {minutes} at {at}")
    }

    fn move_prompt(&self, name: &str, when: &str) -> String {
        format!(" Move {name} {when} to (like tomorrow 19:00) ")
    }

    fn move_preview(&self, to: &str, warning: Option<&str>) -> String {
        match warning {
            Some(w) => format!("→ pin at {to} ⚠ a conflict: {w}"),
            None => format!("→ pin at {to}"),
        }
    }

    fn log_edit_prompt(&self) -> &'static str {
        " Edit the entry (like 30m #key yesterday 19:00 -- note) "
    }

    fn log_edit_not_past(&self) -> &'static str {
        "a log entry is study done: give a day and time before now"
    }

    fn no_session_selected(&self) -> &'static str {
        "no session here: pick one in Today or Plan"
    }

    fn session_title(&self) -> &'static str {
        " Session "
    }

    fn session_kind(&self, pinned: bool, overdue: bool) -> &'static str {
        match (pinned, overdue) {
            (_, true) => "pinned, its time has passed: did you study?",
            (true, false) => "pinned by you",
            (false, false) => "planned",
        }
    }

    fn session_step_line(&self, step: Option<&str>) -> String {
        match step {
            Some(s) => format!("step: {s}"),
            None => "step: — (the badge has no steps)".into(),
        }
    }

    fn session_why(&self, due: &str, remaining: &str, planned: &str) -> String {
        format!("why: due {due}; {remaining} to study, {planned} planned")
    }

    fn session_conflict(&self) -> &'static str {
        "⚠ a conflict: this time breaks a rule"
    }

    fn log_title(&self, entries: usize, total: &str) -> String {
        format!(
            "Study log · {} · {total}",
            crate::text::counted(entries, "entry", "entries")
        )
    }

    fn log_day(&self, day: &str, total: &str) -> String {
        format!("{day} · {total}")
    }

    fn log_weeks(&self, this_week: &str, last_week: &str) -> String {
        format!("this week {this_week} · last week {last_week}")
    }

    fn streak(&self, days: u32) -> String {
        match days {
            0 => "no streak".into(),
            1 => "streak: 1 day".into(),
            n => format!("streak: {n} days"),
        }
    }

    fn overlaps(&self) -> &'static str {
        "⚠ overlaps"
    }

    fn overlap_warning(&self, badge: &str, from: &str, to: &str) -> String {
        format!("⚠ overlaps {badge} {from}-{to}")
    }

    fn log_empty(&self) -> &'static str {
        "Nothing logged yet: c on a session in Today or Plan logs it, a logs any study."
    }

    fn today_studied(&self, planned: &str, studied: &str) -> String {
        format!("Today · {planned} planned · {studied} studied")
    }

    fn nothing_more_today(&self) -> &'static str {
        " nothing more planned today"
    }

    fn discard_form(&self) -> &'static str {
        "Throw away the changes to this form? y throws them away, any other key goes back to it"
    }

    fn sort_reversed(&self, by: &str, descending: bool) -> String {
        format!(
            "sorted by {by}, {}",
            if descending { "reversed" } else { "in order" }
        )
    }

    fn blackout_word(&self) -> &'static str {
        "day off"
    }

    fn busy_word(&self) -> &'static str {
        "busy"
    }

    fn calendars_title(&self) -> &'static str {
        "Imported calendars and skipped time"
    }

    fn calendar_row(&self, source: &str, events: u32, from: NaiveDate, to: NaiveDate) -> String {
        if source == crate::changes::session::SKIPPED {
            let n = crate::text::counted(events as usize, "session", "sessions");
            return format!("skipped · {n} · {from}..{to}");
        }
        format!("{source} · {events} busy · {from}..{to}")
    }

    fn confirm_delete_calendar(&self, source: &str, events: u32) -> String {
        if source == crate::changes::session::SKIPPED {
            let sessions =
                crate::text::counted(events as usize, "skipped session", "skipped sessions");
            return format!(
                "Free the time of {sessions} for the plan again? y frees it (u undoes)"
            );
        }
        format!("Remove the {events} busy times imported as {source}? y removes them (u undoes)")
    }

    fn close_word(&self) -> &'static str {
        "close"
    }

    fn session_when(&self, start: NaiveDateTime, end: NaiveDateTime) -> String {
        format!(
            "{}-{}",
            self.weekday_date_time(start, start.date()),
            end.format("%H:%M")
        )
    }
}
