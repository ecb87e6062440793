//! Log: the study log, newest first, day by day with each day's total; this week's and
//! last week's totals and the streak of days studied above it; an entry that overlaps
//! another is marked. Only the rows on screen are drawn, so 10,000 entries cost what 20 do.

use super::{put, section};
use crate::domain::dates::{hm, week_start};
use crate::domain::duration::format_minutes;
use crate::text::{pad, truncate};
use crate::tui::app::App;
use crate::tui::app::log::LogRow;
use chrono::{Days, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

/// Days studied in a row, ending today (or yesterday, while today is still open).
pub fn streak(logged: &std::collections::BTreeMap<NaiveDate, u32>, today: NaiveDate) -> u32 {
    let studied = |d: NaiveDate| logged.get(&d).is_some_and(|m| *m > 0);
    let mut day = if studied(today) {
        today
    } else {
        match today.pred_opt() {
            Some(d) => d,
            None => return 0,
        }
    };
    let mut n = 0;
    while studied(day) {
        n += 1;
        match day.pred_opt() {
            Some(d) => day = d,
            None => break,
        }
    }
    n
}

/// The list's area: below the title and the totals line.
fn list_area(area: Rect) -> Rect {
    Rect::new(
        area.x,
        area.y + 2,
        area.width,
        area.height.saturating_sub(2),
    )
}

/// The first row shown, keeping the selected entry (and its day) in view.
fn first_row(app: &App, height: usize) -> usize {
    let sel = app.log.row_of.get(app.log.selected).copied().unwrap_or(0);
    let visible = height.max(1);
    if sel < visible { 0 } else { sel + 1 - visible }
}

/// Draws the Log view.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let log = &app.log;
    section(
        &app.texts
            .log_title(log.total_entries, &format_minutes(log.total_minutes)),
        Rect::new(area.x, area.y, area.width, 1),
        buf,
        t.header,
    );
    let today = app.today();
    let start = week_start(today, app.config.ui.week_start.weekday());
    let sum = |from: NaiveDate, to: NaiveDate| -> u32 {
        app.data
            .logged_per_day
            .range(from..=to)
            .map(|(_, m)| *m)
            .sum()
    };
    let this_week = sum(start, start + Days::new(6));
    let last_week = start
        .checked_sub_days(Days::new(7))
        .map_or(0, |s| sum(s, s + Days::new(6)));
    put(
        buf,
        area,
        1,
        &format!(
            " {} · {}",
            app.texts
                .log_weeks(&format_minutes(this_week), &format_minutes(last_week)),
            app.texts.streak(streak(&app.data.logged_per_day, today))
        ),
        t.accent,
    );
    let list = list_area(area);
    if log.entries.is_empty() {
        put(buf, list, 0, &format!(" {}", app.texts.log_empty()), t.dim);
        return;
    }
    let w = list.width as usize;
    let first = first_row(app, list.height as usize);
    for (n, row) in log.rows.iter().enumerate().skip(first) {
        let y = (n - first) as u16;
        if y >= list.height {
            break;
        }
        match *row {
            LogRow::Day(d, minutes) => {
                put(
                    buf,
                    list,
                    y,
                    &format!(
                        " {}",
                        app.texts
                            .log_day(&app.texts.weekday_date(d), &format_minutes(minutes))
                    ),
                    t.title,
                );
            }
            LogRow::Entry(i) => {
                let e = &log.entries[i];
                let when = match e.start {
                    Some(s) => format!(
                        "{}-{}",
                        hm(s),
                        hm(s + chrono::Duration::minutes(i64::from(e.minutes)))
                    ),
                    None => " ".repeat(11),
                };
                // The sign before the key, where a long name cannot push it off the
                // row; the words at the end, where there is room.
                let overlaps = log.overlaps.get(i).copied().unwrap_or(false);
                let (sign, mark) = if overlaps {
                    ("!", format!("  {}", app.texts.overlaps()))
                } else {
                    (" ", String::new())
                };
                let note = e
                    .note
                    .as_deref()
                    .map(|n| format!("  {n}"))
                    .unwrap_or_default();
                let text = format!(
                    "   {when} {:>6} {sign}{} {}{note}{mark}",
                    format_minutes(e.minutes),
                    pad(&e.badge, 14),
                    app.data.name(&e.badge),
                );
                let style = if i == log.selected {
                    t.selected
                } else if overlaps {
                    t.error
                } else {
                    t.base
                };
                put(buf, list, y, &pad(&truncate(&text, w), w), style);
            }
        }
    }
}

/// The entry (index) under the mouse, if any.
pub fn row_at(app: &App, body: Rect, x: u16, y: u16) -> Option<usize> {
    let list = list_area(body);
    if !list.contains(Position::new(x, y)) {
        return None;
    }
    let first = first_row(app, list.height as usize);
    match app.log.rows.get(first + (y - list.y) as usize) {
        Some(LogRow::Entry(i)) => Some(*i),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::parse_ymd;

    #[test]
    fn the_streak_counts_days_in_a_row_up_to_today_or_yesterday() {
        let d = |s: &str| parse_ymd(s).unwrap();
        let logged: std::collections::BTreeMap<NaiveDate, u32> = [
            (d("2027-01-01"), 30),
            (d("2027-01-03"), 30),
            (d("2027-01-04"), 10),
            (d("2027-01-05"), 45),
        ]
        .into();
        assert_eq!(streak(&logged, d("2027-01-05")), 3);
        assert_eq!(streak(&logged, d("2027-01-06")), 3, "today still open");
        assert_eq!(streak(&logged, d("2027-01-07")), 0);
        assert_eq!(streak(&logged, d("2027-01-02")), 1);
        assert_eq!(streak(&Default::default(), d("2027-01-02")), 0);
    }
}
