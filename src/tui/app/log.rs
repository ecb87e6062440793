//! The Log view's state: the study log newest first, grouped by day, with the entries
//! that overlap another marked; loaded when the view is shown (and after a change while
//! it is), so the other views never pay for 10,000 entries. It is read a page of whole
//! days at a time ([`PAGE`] entries or more), further pages as the selection nears the
//! end of what is read (all of it on `G`/End), so the view opens in one frame however
//! long the log. Edit (`e`, a quick-add line with a live preview) and delete (`d`, undone
//! with `u`).

use super::App;
use crate::changes;
use crate::domain::dates::hm;
use crate::domain::log::LogEntry;
use crate::domain::quick_add::{self, Intent};
use crate::tui::popups::{Popup, Prompt, PromptPurpose};
use chrono::NaiveDate;

/// How many entries the Log view reads at first (in whole days, so a few more).
pub const PAGE: usize = 500;

/// A row of the Log view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogRow {
    /// A day and its total minutes.
    Day(NaiveDate, u32),
    /// An entry, by index into `LogState::entries`.
    Entry(usize),
}

/// The Log view.
#[derive(Debug, Clone, Default)]
pub struct LogState {
    /// Every entry, newest first.
    pub entries: Vec<LogEntry>,
    /// Whether each entry overlaps another (same day, times crossing).
    pub overlaps: Vec<bool>,
    /// Day rows and entry rows, in order.
    pub rows: Vec<LogRow>,
    /// The row of each entry.
    pub row_of: Vec<usize>,
    /// The selected entry.
    pub selected: usize,
    /// Whether `entries` reflects the store.
    pub loaded: bool,
    /// Whether `entries` holds the whole log (else its newest days).
    pub complete: bool,
    /// Entries in the whole log, and their minutes.
    pub total_entries: usize,
    pub total_minutes: u32,
}

/// An entry's span in minutes of its day (it may run past midnight), if it has a start.
fn span(e: &LogEntry) -> Option<(u32, u32)> {
    use chrono::Timelike;
    let s = e.start?;
    let from = s.hour() * 60 + s.minute();
    Some((from, from + e.minutes))
}

/// Marks the entries that overlap another on the same day (entries without a start
/// never do).
pub fn overlapping(entries: &[LogEntry]) -> Vec<bool> {
    let mut marks = vec![false; entries.len()];
    let mut order: Vec<(NaiveDate, u32, u32, usize)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| span(e).map(|(a, b)| (e.date, a, b, i)))
        .collect();
    order.sort_unstable();
    // The entry reaching furthest so far on the day: (day, its end, its index).
    let mut reach: Option<(NaiveDate, u32, usize)> = None;
    for (day, from, to, i) in order {
        match reach {
            Some((d, r, j)) if d == day && from < r => {
                marks[i] = true;
                marks[j] = true;
                if to > r {
                    reach = Some((d, to, i));
                }
            }
            _ => reach = Some((day, to, i)),
        }
    }
    marks
}

/// The first entry `e` overlaps among `others` (same day, times crossing), if any.
pub fn overlap_with<'a>(e: &LogEntry, others: &'a [LogEntry]) -> Option<&'a LogEntry> {
    let (from, to) = span(e)?;
    others.iter().find(|o| {
        o.id != e.id && o.date == e.date && span(o).is_some_and(|(a, b)| a < to && from < b)
    })
}

impl LogState {
    /// Fills the state from the store's entries (oldest first).
    pub fn fill(&mut self, oldest_first: Vec<LogEntry>) {
        let marks = overlapping(&oldest_first);
        self.entries = oldest_first;
        self.overlaps = marks;
        self.entries.reverse();
        self.overlaps.reverse();
        self.rows.clear();
        self.row_of.clear();
        let mut i = 0;
        while i < self.entries.len() {
            let day = self.entries[i].date;
            let j = i + self.entries[i..].partition_point(|e| e.date == day);
            let total = self.entries[i..j].iter().map(|e| e.minutes).sum();
            self.rows.push(LogRow::Day(day, total));
            for k in i..j {
                self.row_of.push(self.rows.len());
                self.rows.push(LogRow::Entry(k));
            }
            i = j;
        }
        self.selected = self.selected.min(self.entries.len().saturating_sub(1));
        self.loaded = true;
    }
}

impl App {
    /// Loads the log for the Log view, if it is not loaded yet: its newest days, at least
    /// as many entries as were shown before (so a reload keeps the selection in reach).
    pub(super) fn load_log(&mut self) {
        if self.log.loaded {
            return;
        }
        let want = if self.log.complete {
            usize::MAX
        } else {
            self.log.entries.len().max(PAGE)
        };
        self.read_log(want);
    }

    /// Reads at least the `want` newest entries, in whole days (all when `usize::MAX`).
    fn read_log(&mut self, want: usize) {
        let conn = self.store.conn();
        let read = || -> crate::store::Result<_> {
            let totals = crate::store::log::totals(conn)?;
            let since = if want == usize::MAX {
                None
            } else {
                crate::store::log::day_of_newest(conn, want)?
            };
            Ok((totals, since, crate::store::log::all(conn, since)?))
        };
        match read() {
            Ok(((n, minutes), since, entries)) => {
                self.log.total_entries = n;
                self.log.total_minutes = minutes;
                self.log.complete = since.is_none() || entries.len() >= n;
                self.log.fill(entries);
            }
            Err(e) => self.fail(e),
        }
    }

    /// Before the Log view's selection moves to `target`: reads further pages when it
    /// nears the end of what is read (everything for a jump to the end).
    pub(super) fn reach_log(&mut self, target: usize) {
        let len = self.log.entries.len();
        if self.log.complete || target.saturating_add(PAGE / 5) < len {
            return;
        }
        let want = if target >= len.saturating_add(PAGE) {
            usize::MAX
        } else {
            (len * 2).max(target + PAGE)
        };
        self.read_log(want);
    }

    /// The selected log entry.
    pub fn selected_log(&self) -> Option<&LogEntry> {
        self.log.entries.get(self.log.selected)
    }

    /// `e` in the Log view: the entry as a quick-add line, to change.
    pub(super) fn edit_log_entry(&mut self) {
        let Some(e) = self.selected_log().cloned() else {
            return;
        };
        let mut line = format!(
            "{} #{} {}",
            crate::domain::format_minutes(e.minutes),
            e.badge,
            e.date
        );
        if let Some(s) = e.start {
            line.push(' ');
            line.push_str(&hm(s));
        }
        if let Some(n) = &e.note {
            line.push_str(" -- ");
            line.push_str(n);
        }
        self.popup = Some(Popup::Prompt(Prompt::new(
            self.texts.log_edit_prompt().into(),
            &line,
            PromptPurpose::LogEdit(e.id.unwrap_or_default()),
        )));
        self.popup_changed();
    }

    /// `d` in the Log view: deletes the entry (undone with `u`).
    pub(super) fn delete_log_entry(&mut self) {
        let Some(id) = self.selected_log().and_then(|e| e.id) else {
            return;
        };
        let t = self.texts;
        let r = changes::session::remove_log(&mut self.store, id).map(|d| t.done(&d));
        self.after(r);
    }

    /// What an edited (or quick-added) entry would be, with a warning when it overlaps
    /// another entry of its day.
    pub(super) fn log_line_preview(&self, text: &str, id: Option<i64>) -> Result<String, String> {
        let badges = &self.data.all_badges;
        match self.parse_log_line(text, badges) {
            Ok(Intent::Log(mut e)) => {
                e.id = id;
                let mut shown =
                    self.texts
                        .intent(&Intent::Log(e.clone()), badges, self.today(), true);
                if let Some(w) = self.overlap_text(&e) {
                    shown.push(' ');
                    shown.push_str(&w);
                }
                Ok(shown)
            }
            Ok(_) => Err(self.texts.log_edit_not_past().into()),
            Err(e) => Err(self.texts.parse_error(&e)),
        }
    }

    /// An edited log line. Today's study may be logged ahead of the clock (`c` on a
    /// session under way logs it whole at its start), so a line with a time later today
    /// is read as it is written rather than refused; anything after today still is.
    fn parse_log_line(
        &self,
        text: &str,
        badges: &[crate::domain::badge::Badge],
    ) -> Result<Intent, quick_add::ParseError> {
        // Read at the clock, a time later today is refused (it ends after now) or read
        // as a pin (it starts after now).
        let first = quick_add::parse(text, self.now, badges);
        if matches!(first, Ok(Intent::Log(_))) {
            return first;
        }
        let end_of_today = self.today().and_hms_opt(23, 59, 0).unwrap_or(self.now);
        match quick_add::parse(text, end_of_today, badges) {
            Ok(Intent::Log(e)) if e.start.is_some() && e.date == self.today() => Ok(Intent::Log(e)),
            _ => first,
        }
    }

    /// "⚠ overlaps …" when `e` overlaps an entry of its day.
    pub(super) fn overlap_text(&self, e: &LogEntry) -> Option<String> {
        e.start?;
        let same =
            crate::store::log::between(self.store.conn(), Some(e.date), Some(e.date)).ok()?;
        let o = overlap_with(e, &same)?;
        let from = o.start.map(hm).unwrap_or_default();
        let to = o
            .start
            .map(|s| hm(s + chrono::Duration::minutes(i64::from(o.minutes))))
            .unwrap_or_default();
        Some(self.texts.overlap_warning(&o.badge, &from, &to))
    }

    /// Enter in the log edit prompt.
    pub(super) fn submit_log_edit(&mut self, id: i64, text: &str) {
        let badges = &self.data.all_badges;
        let t = self.texts;
        let r = match self.parse_log_line(text, badges) {
            Ok(Intent::Log(e)) => {
                let warn = self.overlap_text(&LogEntry {
                    id: Some(id),
                    ..e.clone()
                });
                let today = self.today();
                changes::session::edit_log(&mut self.store, id, &e, today).map(|d| match warn {
                    Some(w) => format!("{} {w}", t.done(&d)),
                    None => t.done(&d),
                })
            }
            Ok(_) => Err(anyhow::anyhow!(t.log_edit_not_past())),
            Err(e) => Err(e.into()),
        };
        match r {
            Ok(msg) => {
                self.popup = None;
                self.after(Ok(msg));
            }
            Err(e) => {
                if let Some(Popup::Prompt(p)) = self.popup.as_mut() {
                    p.preview = Some(Err(t.error(&e)));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::{parse_hm, parse_ymd};

    fn e(id: i64, date: &str, start: Option<&str>, minutes: u32) -> LogEntry {
        LogEntry {
            id: Some(id),
            badge: "a".into(),
            date: parse_ymd(date).unwrap(),
            start: start.map(|s| parse_hm(s).unwrap()),
            minutes,
            note: None,
        }
    }

    #[test]
    fn overlaps_are_marked_on_both_sides_within_a_day() {
        let entries = [
            e(1, "2027-01-05", Some("07:10"), 30),
            e(2, "2027-01-05", Some("07:30"), 30), // crosses 1
            e(3, "2027-01-05", Some("08:00"), 10), // touches 2's end: fine
            e(4, "2027-01-05", None, 60),          // no time: never overlaps
            e(5, "2027-01-06", Some("07:10"), 30), // another day
            e(6, "2027-01-06", Some("09:00"), 120),
            e(7, "2027-01-06", Some("10:00"), 5), // inside 6
        ];
        assert_eq!(
            overlapping(&entries),
            [true, true, false, false, false, true, true]
        );
        assert_eq!(overlap_with(&entries[2], &entries), None);
        assert_eq!(
            overlap_with(&entries[1], &entries).map(|o| o.id),
            Some(Some(1))
        );
    }

    #[test]
    fn rows_group_days_newest_first() {
        let mut s = LogState::default();
        s.fill(vec![
            e(1, "2027-01-05", Some("07:10"), 30),
            e(2, "2027-01-05", Some("19:00"), 45),
            e(3, "2027-01-06", None, 20),
        ]);
        assert_eq!(
            s.rows,
            [
                LogRow::Day(parse_ymd("2027-01-06").unwrap(), 20),
                LogRow::Entry(0),
                LogRow::Day(parse_ymd("2027-01-05").unwrap(), 75),
                LogRow::Entry(1),
                LogRow::Entry(2),
            ]
        );
        assert_eq!(s.entries[0].id, Some(3));
        assert_eq!(s.row_of, [1, 3, 4]);
    }
}
