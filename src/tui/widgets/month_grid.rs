//! The month grid of the renewal calendar: weeks as rows, each day with what happens on it
//! (expiries, renewal windows opening, retirements, planned and logged study).
//!
//! The grid adapts to its area. Seven columns of at least three cells hold a day number
//! (coloured like its most important mark when there is no room for one); each further
//! cell of a column holds one more mark, most important first (`12!+` in a 36x9 area).
//! When a week has two or more lines, a day shows its planned and logged minutes under its
//! number and then its events by badge name, ending in "+n more" when they do not fit.
//! Narrower than 21 columns only the title is drawn.

use super::calendar_style::{CalendarStyles, patch, put};
use crate::present::month::{
    DayEventKind, DayInfo, Mark, SYM_LOGGED, SYM_PLANNED, first_of_month, grid_days, grid_span,
    short_minutes,
};
use crate::present::texts::En;
use crate::text;
use crate::tui::texts::ScreenTexts;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use std::collections::BTreeMap;

/// The mark of a blackout day.
pub const SYM_OFF: &str = "×";

/// The mark of a day with busy time (imported or skipped).
pub const SYM_BUSY: &str = "▒";

/// The style of an event's mark.
pub(crate) fn event_style(kind: DayEventKind, styles: &CalendarStyles) -> Style {
    match kind {
        DayEventKind::Expiry(band) => styles.expiry(band),
        DayEventKind::RenewalOpens => styles.renewal_opens,
        DayEventKind::Retirement => styles.retirement,
        DayEventKind::ReplacementAvailable => styles.replacement,
        DayEventKind::Due => styles.due,
        DayEventKind::Goal => styles.goal,
        DayEventKind::Deal => styles.due,
    }
}

/// A day's marks with their styles (see [`DayInfo::marks`]).
pub(super) fn styled_marks(
    info: &DayInfo,
    styles: &CalendarStyles,
    minutes: bool,
) -> Vec<(&'static str, Style)> {
    info.marks(minutes)
        .into_iter()
        .map(|m| {
            let style = match m {
                Mark::Event(k) => event_style(k, styles),
                Mark::Planned => styles.planned,
                Mark::Logged => styles.logged,
            };
            (m.symbol(), style)
        })
        .collect()
}

/// The first characters of `name` that fit in `cells` ("Mo" of "Mon" in two cells).
fn abbreviated(name: &str, cells: usize) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if text::width(&out) + text::width(c.encode_utf8(&mut [0; 4])) > cells {
            break;
        }
        out.push(c);
    }
    out
}

/// The month grid. Build it with [`MonthGrid::new`], then `.selected(..)` and
/// `.week_start(..)`.
#[derive(Debug, Clone)]
pub struct MonthGrid<'a> {
    first: NaiveDate,
    days: &'a BTreeMap<NaiveDate, DayInfo>,
    today: NaiveDate,
    selected: Option<NaiveDate>,
    week_start: Weekday,
    styles: &'a CalendarStyles,
    texts: &'a dyn ScreenTexts,
}

/// Where the parts of a grid fall in an area.
struct GridLayout {
    title_y: Option<u16>,
    header_y: Option<u16>,
    /// Top-left of the first week; the grid is 7 cells of `cell_w` wide.
    x: u16,
    y: u16,
    cell_w: u16,
    cell_h: u16,
    weeks: u16,
    from: NaiveDate,
}

impl<'a> MonthGrid<'a> {
    /// The month containing `month` (any day of it), with `days` holding what happens on
    /// each day (missing days are empty). Weeks start on Monday and nothing is selected
    /// until set.
    pub fn new(
        month: NaiveDate,
        days: &'a BTreeMap<NaiveDate, DayInfo>,
        today: NaiveDate,
        styles: &'a CalendarStyles,
    ) -> Self {
        MonthGrid {
            first: first_of_month(month),
            days,
            today,
            selected: None,
            week_start: Weekday::Mon,
            styles,
            texts: &En,
        }
    }

    /// Draws its words from `texts` (English until set).
    #[must_use]
    pub fn texts(mut self, texts: &'a dyn ScreenTexts) -> Self {
        self.texts = texts;
        self
    }

    /// Highlights `day`.
    #[must_use]
    pub fn selected(mut self, day: NaiveDate) -> Self {
        self.selected = Some(day);
        self
    }

    /// Starts each week (each row) on `day`.
    #[must_use]
    pub fn week_start(mut self, day: Weekday) -> Self {
        self.week_start = day;
        self
    }

    /// The first and last day the grid shows (including the neighbouring months' days that
    /// fill its first and last week), so the caller knows which days to fill in.
    pub fn span(month: NaiveDate, week_start: Weekday) -> (NaiveDate, NaiveDate) {
        grid_days(month, week_start)
    }

    /// The day drawn at the terminal cell (`x`, `y`) when the grid was rendered in `area`
    /// (for mouse clicks). Days of the neighbouring months count; the title, header and
    /// the spare columns right of the grid do not.
    pub fn day_at(&self, area: Rect, x: u16, y: u16) -> Option<NaiveDate> {
        let l = self.layout(area)?;
        if x < l.x || y < l.y || x >= area.right() || y >= area.bottom() {
            return None;
        }
        let (col, row) = ((x - l.x) / l.cell_w, (y - l.y) / l.cell_h);
        if col >= 7 || row >= l.weeks {
            return None;
        }
        l.from.checked_add_days(Days::new(u64::from(row * 7 + col)))
    }

    fn layout(&self, area: Rect) -> Option<GridLayout> {
        if area.width < 21 || area.height == 0 {
            return None;
        }
        let (from, weeks) = grid_span(self.first, self.week_start);
        let top = match area.height {
            h if h >= weeks + 2 => 2,
            h if h >= 2 => 1,
            _ => 0,
        };
        Some(GridLayout {
            title_y: (top == 2).then_some(area.y),
            header_y: (top >= 1).then(|| area.y + top - 1),
            x: area.x,
            y: area.y + top,
            cell_w: area.width / 7,
            cell_h: ((area.height - top) / weeks).max(1),
            weeks,
            from,
        })
    }

    fn render_day(&self, date: NaiveDate, cell: Rect, area: Rect, buf: &mut Buffer) {
        let styles = self.styles;
        // The first column of a cell is the gap between days.
        let content = Rect::new(cell.x + 1, cell.y, cell.width - 1, cell.height);
        let w = usize::from(content.width);
        let (x, y) = (content.x, content.y);
        let number = format!("{:>2}", date.day());
        if date.month() != self.first.month() || date.year() != self.first.year() {
            put(buf, area, x, y, &number, w, styles.other_month);
            // A neighbouring month's day still shows the study logged on it.
            if let Some(info) = self.days.get(&date).filter(|i| i.logged_minutes > 0) {
                let logged = DayInfo {
                    logged_minutes: info.logged_minutes,
                    ..DayInfo::default()
                };
                self.render_info(&logged, content, area, buf);
            }
        } else {
            let number_style = if date == self.today {
                styles.today
            } else {
                Style::new()
            };
            put(buf, area, x, y, &number, w, number_style);
            if let Some(info) = self.days.get(&date) {
                self.render_info(info, content, area, buf);
            }
        }
        if Some(date) == self.selected {
            patch(buf, area, content, styles.selected);
        }
    }

    /// Marks after the day number; with more lines, minutes and events by name below it.
    fn render_info(&self, info: &DayInfo, content: Rect, area: Rect, buf: &mut Buffer) {
        let styles = self.styles;
        let w = usize::from(content.width);
        let roomy = content.height >= 2;
        let marks = styled_marks(info, styles, !roomy);
        if content.width <= 2 {
            // No room for a mark: the day number takes the most important one's style.
            if let Some((_, style)) = marks.first() {
                patch(buf, area, Rect::new(content.x, content.y, 2, 1), *style);
            }
            return;
        }
        let mut x = content.x + 2;
        // A day off, and busy time, before the events: no study goes there.
        let mut marks = marks;
        if info.busy_minutes > 0 {
            marks.insert(0, (SYM_BUSY, styles.dim));
        }
        if info.blackout {
            marks.insert(0, (SYM_OFF, styles.retirement));
        }
        for (sym, style) in marks {
            if x >= content.right() {
                break;
            }
            x = put(
                buf,
                area,
                x,
                content.y,
                sym,
                usize::from(content.right() - x),
                style,
            );
        }
        if !roomy {
            return;
        }
        let mut lines: Vec<Vec<(String, Style)>> = Vec::new();
        let mut minutes = Vec::new();
        if info.planned_minutes > 0 {
            let m = format!("{SYM_PLANNED}{}", short_minutes(info.planned_minutes));
            minutes.push((m, styles.planned));
        }
        if info.logged_minutes > 0 {
            let m = format!("{SYM_LOGGED}{}", short_minutes(info.logged_minutes));
            minutes.push((m, styles.logged));
        }
        if content.height == 2 && minutes.len() == 2 {
            minutes.insert(1, (" ".to_string(), Style::new()));
            lines.push(minutes);
        } else {
            lines.extend(minutes.into_iter().map(|m| vec![m]));
        }
        for e in info.events_by_rank() {
            let name = text::truncate(&e.badge_name, w.saturating_sub(2));
            lines.push(vec![
                (e.kind.symbol().to_string(), event_style(e.kind, styles)),
                (" ".to_string(), Style::new()),
                (name, Style::new()),
            ]);
        }
        let room = usize::from(content.height - 1);
        if lines.len() > room && room > 1 {
            let hidden = lines.len() - room + 1;
            lines.truncate(room - 1);
            let more = if w >= 7 {
                self.texts.more_in_day(hidden)
            } else {
                format!("+{hidden}")
            };
            lines.push(vec![(more, styles.dim)]);
        } else {
            // One line: the minutes (or the first event); the marks beside the day
            // number already show the rest.
            lines.truncate(room);
        }
        for (line, y) in lines.iter().zip(content.y + 1..) {
            let mut x = content.x;
            for (s, style) in line {
                x = put(buf, area, x, y, s, usize::from(content.right() - x), *style);
            }
        }
    }
}

impl Widget for &MonthGrid<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(*buf.area());
        if area.is_empty() {
            return;
        }
        let title = self.texts.month_title(self.first);
        let Some(l) = self.layout(area) else {
            let t = text::truncate(&title, usize::from(area.width));
            put(
                buf,
                area,
                area.x,
                area.y,
                &t,
                usize::MAX,
                self.styles.header,
            );
            return;
        };
        let grid_w = l.cell_w * 7;
        if let Some(y) = l.title_y {
            let t = text::truncate(&title, usize::from(grid_w));
            let indent = (grid_w - text::width(&t) as u16) / 2;
            put(
                buf,
                area,
                l.x + indent,
                y,
                &t,
                usize::MAX,
                self.styles.header,
            );
        }
        if let Some(y) = l.header_y {
            let mut day = self.week_start;
            for c in 0..7 {
                let name = abbreviated(self.texts.weekday(day), if l.cell_w >= 4 { 3 } else { 2 });
                put(
                    buf,
                    area,
                    l.x + c * l.cell_w + 1,
                    y,
                    &name,
                    usize::MAX,
                    self.styles.header,
                );
                day = day.succ();
            }
        }
        for row in 0..l.weeks {
            let y = l.y + row * l.cell_h;
            if y >= area.bottom() {
                break;
            }
            for col in 0..7 {
                let Some(date) = l.from.checked_add_days(Days::new(u64::from(row * 7 + col)))
                else {
                    continue;
                };
                let cell =
                    Rect::new(l.x + col * l.cell_w, y, l.cell_w, l.cell_h).intersection(area);
                self.render_day(date, cell, area, buf);
            }
        }
    }
}

#[cfg(test)]
mod tests;
