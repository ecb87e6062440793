//! Logged study over the last year, like a contribution graph: seven rows (the weekdays,
//! from the configured first day of the week), one column per week ending with this week,
//! five intensities (`·░▒▓█`, coloured in the colour themes), month labels on top (January
//! by its year), weekday names on the left, and a summary line: the current streak, this
//! week's total and the past year's.
//!
//! It shows as many recent weeks as fit (up to 53), two cells a week when the whole year
//! fits that way. Shorter than nine lines it drops the month labels, then puts the summary
//! first and cuts weekdays from the bottom.

use super::calendar_style::{CalendarStyles, HEAT_SYMBOLS, patch, put};
use crate::domain::dates::week_start;
use crate::domain::duration::format_minutes;
use crate::present::texts::En;
use crate::text;
use crate::tui::texts::ScreenTexts;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use std::collections::BTreeMap;

/// The intensity 0..=4 of a day's logged minutes: none, up to 15, up to 30, up to an hour,
/// more. Fixed steps (not quantiles of the user's own days) so a colour means the same
/// amount of study from one week to the next.
pub fn heat_level(minutes: u32) -> usize {
    match minutes {
        0 => 0,
        1..=15 => 1,
        16..=30 => 2,
        31..=60 => 3,
        _ => 4,
    }
}

/// The numbers under the heatmap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeatSummary {
    /// Consecutive days with study, ending today, or yesterday when today has none yet.
    pub streak_days: u32,
    /// Logged from the start of this week through today.
    pub week_minutes: u32,
    /// Logged in the 365 days ending today.
    pub year_minutes: u32,
}

/// The heatmap. Build it with [`Heatmap::new`], then `.week_start(..)`.
#[derive(Debug, Clone)]
pub struct Heatmap<'a> {
    logged: &'a BTreeMap<NaiveDate, u32>,
    today: NaiveDate,
    week_start: Weekday,
    styles: &'a CalendarStyles,
    texts: &'a dyn ScreenTexts,
}

/// Where the parts fall in an area.
struct HeatLayout {
    labels_y: Option<u16>,
    grid_y: u16,
    summary_y: u16,
    grid_x: u16,
    col_w: u16,
    weeks: u16,
    /// The first day of the first column.
    from: NaiveDate,
}

impl<'a> Heatmap<'a> {
    /// Minutes logged per day (days without study may be missing), drawn up to `today`.
    /// Weeks start on Monday until set.
    pub fn new(
        logged: &'a BTreeMap<NaiveDate, u32>,
        today: NaiveDate,
        styles: &'a CalendarStyles,
    ) -> Self {
        Heatmap {
            logged,
            today,
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

    /// Starts each column on `day`.
    #[must_use]
    pub fn week_start(mut self, day: Weekday) -> Self {
        self.week_start = day;
        self
    }

    fn minutes(&self, day: NaiveDate) -> u32 {
        self.logged.get(&day).copied().unwrap_or(0)
    }

    fn sum(&self, from: Option<NaiveDate>) -> u32 {
        let from = from.unwrap_or(NaiveDate::MIN);
        self.logged.range(from..=self.today).map(|(_, m)| m).sum()
    }

    /// The streak and totals.
    pub fn summary(&self) -> HeatSummary {
        let mut day = self.today;
        if self.minutes(day) == 0 {
            day = day.pred_opt().unwrap_or(day);
        }
        let mut streak_days = 0;
        while self.minutes(day) > 0 {
            streak_days += 1;
            match day.pred_opt() {
                Some(d) => day = d,
                None => break,
            }
        }
        HeatSummary {
            streak_days,
            week_minutes: self.sum(Some(week_start(self.today, self.week_start))),
            year_minutes: self.sum(self.today.checked_sub_days(Days::new(364))),
        }
    }

    /// The day drawn at terminal cell (`x`, `y`) when rendered in `area` (for mouse clicks);
    /// `None` off the grid and for days after today.
    pub fn day_at(&self, area: Rect, x: u16, y: u16) -> Option<NaiveDate> {
        let l = self.layout(area)?;
        if x < l.grid_x || y < l.grid_y || x >= area.right() || y >= area.bottom() {
            return None;
        }
        let (col, row) = ((x - l.grid_x) / l.col_w, y - l.grid_y);
        if col >= l.weeks || row >= 7 || !(x - l.grid_x).is_multiple_of(l.col_w) {
            return None;
        }
        let day = l
            .from
            .checked_add_days(Days::new(u64::from(col) * 7 + u64::from(row)))?;
        (day <= self.today).then_some(day)
    }

    fn layout(&self, area: Rect) -> Option<HeatLayout> {
        if area.is_empty() {
            return None;
        }
        let label_w = if area.width >= 12 { 4 } else { 0 };
        let room = area.width - label_w;
        let col_w = if room >= 2 * 53 { 2 } else { 1 };
        let weeks = (room / col_w).min(53);
        let (labels_y, grid_y, summary_y) = match area.height {
            h if h >= 9 => (Some(area.y), area.y + 1, area.y + 8),
            8 => (None, area.y, area.y + 7),
            _ => (None, area.y + 1, area.y),
        };
        let back = u64::from(weeks.saturating_sub(1)) * 7;
        Some(HeatLayout {
            labels_y,
            grid_y,
            summary_y,
            grid_x: area.x + label_w,
            col_w,
            weeks,
            from: week_start(self.today, self.week_start).checked_sub_days(Days::new(back))?,
        })
    }

    /// The summary line at `width` cells: in words when it fits, else abbreviated.
    fn summary_text(&self, width: usize) -> String {
        let s = self.summary();
        let (week, year) = (
            format_minutes(s.week_minutes),
            format_minutes(s.year_minutes),
        );
        let long = self.texts.heat_summary(s.streak_days, &week, &year);
        if text::width(&long) <= width {
            return long;
        }
        let short = self.texts.heat_summary_short(s.streak_days, &week, &year);
        text::truncate(&short, width)
    }
}

impl Widget for &Heatmap<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(*buf.area());
        let Some(l) = self.layout(area) else {
            return;
        };
        let st = self.styles;
        let width = usize::from(area.width);
        let summary = self.summary_text(width);
        let x = put(buf, area, area.x, l.summary_y, &summary, width, st.dim);
        let key = HEAT_SYMBOLS.concat();
        let (less, more) = (self.texts.heat_less(), self.texts.heat_more());
        let key_w = text::width(less) + text::width(&key) + text::width(more);
        if usize::from(x - area.x) + 2 + key_w <= width {
            let mut x = area.right() - key_w as u16;
            x = put(buf, area, x, l.summary_y, less, usize::MAX, st.dim);
            for (sym, style) in HEAT_SYMBOLS.iter().zip(st.heat) {
                x = put(buf, area, x, l.summary_y, sym, 1, style);
            }
            put(buf, area, x, l.summary_y, more, usize::MAX, st.dim);
        }

        let column = |k: u16| l.from.checked_add_days(Days::new(u64::from(k) * 7));
        if let Some(y) = l.labels_y {
            // A month is labelled over the week holding its 1st, January by its year.
            let mut free = l.grid_x;
            for k in 0..l.weeks {
                let Some(last) = column(k).and_then(|d| d.checked_add_days(Days::new(6))) else {
                    continue;
                };
                if last.day() > 7 {
                    continue;
                }
                let label = if last.month() == 1 {
                    last.year().to_string()
                } else {
                    self.texts.month_abbr(last.month()).to_string()
                };
                let x = l.grid_x + k * l.col_w;
                let fits = usize::from(x - area.x) + text::width(&label) <= width;
                if x >= free && fits {
                    free = put(buf, area, x, y, &label, usize::MAX, st.header) + 1;
                }
            }
        }
        let mut weekday = self.week_start;
        for row in 0..7u16 {
            let y = l.grid_y + row;
            if l.grid_x > area.x {
                put(buf, area, area.x, y, self.texts.weekday(weekday), 3, st.dim);
            }
            weekday = weekday.succ();
            for k in 0..l.weeks {
                let Some(day) =
                    column(k).and_then(|d| d.checked_add_days(Days::new(u64::from(row))))
                else {
                    continue;
                };
                if day > self.today {
                    continue;
                }
                let level = heat_level(self.minutes(day));
                let x = l.grid_x + k * l.col_w;
                put(buf, area, x, y, HEAT_SYMBOLS[level], 1, st.heat[level]);
                if day == self.today {
                    // Today's modifiers only, so the cell keeps its heat colour.
                    let today = Style::new().add_modifier(st.today.add_modifier);
                    patch(buf, area, Rect::new(x, y, 1, 1), today);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    fn d(s: &str) -> NaiveDate {
        crate::domain::dates::parse_ymd(s).unwrap()
    }

    fn logged() -> BTreeMap<NaiveDate, u32> {
        [
            ("2025-11-01", 100),
            ("2025-12-01", 60),
            ("2026-10-01", 20),
            ("2026-11-20", 90),
            ("2026-11-24", 10),
            ("2026-11-25", 45),
            ("2026-11-26", 30),
        ]
        .into_iter()
        .map(|(day, m)| (d(day), m))
        .collect()
    }

    fn render(h: &Heatmap, w: u16, height: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, w, height));
        h.render(buf.area, &mut buf);
        buf
    }

    #[test]
    fn levels_and_summary() {
        for (m, level) in [
            (0, 0),
            (1, 1),
            (15, 1),
            (16, 2),
            (30, 2),
            (31, 3),
            (60, 3),
            (61, 4),
        ] {
            assert_eq!(heat_level(m), level, "{m}");
        }
        let logged = logged();
        let styles = CalendarStyles::default();
        // Thursday: this week is Monday the 23rd (nothing) to today.
        let h = Heatmap::new(&logged, d("2026-11-26"), &styles);
        assert_eq!(
            h.summary(),
            HeatSummary {
                streak_days: 3,
                week_minutes: 85,
                year_minutes: 255,
            }
        );
        // Nothing yet today: the streak ending yesterday still counts; from Sunday the
        // week holds the 22nd to the 27th.
        let h = Heatmap::new(&logged, d("2026-11-27"), &styles).week_start(Weekday::Sun);
        assert_eq!(h.summary().streak_days, 3);
        assert_eq!(h.summary().week_minutes, 85);
        let h = Heatmap::new(&logged, d("2026-11-28"), &styles);
        assert_eq!(h.summary().streak_days, 0);
    }

    #[test]
    fn draws_recent_weeks_that_fit() {
        let logged = logged();
        let styles = CalendarStyles::default();
        let h = Heatmap::new(&logged, d("2026-11-26"), &styles);
        assert_eq!(
            render(&h, 14, 9),
            Buffer::with_lines([
                "     Oct Nov  ",
                "Mon ··········",
                "Tue ·········░",
                "Wed ·········▓",
                "Thu ·▒·······▒",
                "Fri ········█ ",
                "Sat ········· ",
                "Sun ········· ",
                "3d streak · w…",
            ])
        );
        assert_eq!(
            h.day_at(Rect::new(0, 0, 14, 9), 13, 4),
            Some(d("2026-11-26"))
        );
        assert_eq!(h.day_at(Rect::new(0, 0, 14, 9), 13, 5), None, "tomorrow");
        assert_eq!(
            h.day_at(Rect::new(0, 0, 14, 9), 4, 1),
            Some(d("2026-09-21"))
        );
        assert_eq!(
            h.day_at(Rect::new(0, 0, 14, 9), 3, 1),
            None,
            "weekday label"
        );
    }

    #[test]
    fn weeks_can_start_on_sunday() {
        let logged = logged();
        let styles = CalendarStyles::default();
        let h = Heatmap::new(&logged, d("2026-11-26"), &styles).week_start(Weekday::Sun);
        assert_eq!(
            render(&h, 14, 9),
            Buffer::with_lines([
                "     Oct  Nov ",
                "Sun ··········",
                "Mon ··········",
                "Tue ·········░",
                "Wed ·········▓",
                "Thu ·▒·······▒",
                "Fri ········█ ",
                "Sat ········· ",
                "3d streak · w…",
            ])
        );
    }

    #[test]
    fn short_areas_put_the_summary_first() {
        let logged = logged();
        let styles = CalendarStyles::default();
        let h = Heatmap::new(&logged, d("2026-11-26"), &styles);
        assert_eq!(
            render(&h, 40, 3),
            Buffer::with_lines([
                "3d streak · week 1h25m · year 4h15m     ",
                "Mon ····································",
                "Tue ···································░",
            ])
        );
    }

    #[test]
    fn a_wide_area_shows_the_year_two_cells_a_week() {
        let logged = logged();
        let styles = CalendarStyles::dark();
        let h = Heatmap::new(&logged, d("2026-11-26"), &styles);
        let buf = render(&h, 120, 9);
        let line = |y: u16| (0..120).map(|x| buf[(x, y)].symbol()).collect::<String>();
        assert_eq!(
            line(8),
            format!(
                "{:<105}less ·░▒▓█ more",
                "Streak 3 days · this week 1h25m · past year 4h15m"
            )
        );
        // 53 weeks from the one of 2025-11-24; December's 1st falls in the second.
        assert!(
            line(0).starts_with("      Dec     2026    Feb"),
            "{}",
            line(0)
        );
        assert_eq!(line(4).trim_end().chars().count(), 4 + 53 * 2 - 1);
        // Today keeps its heat colour and gets today's modifiers.
        let today = &buf[(4 + 52 * 2, 4)];
        assert_eq!(today.symbol(), "▒");
        assert_eq!(today.fg, Color::Indexed(28));
        assert!(today.modifier.contains(Modifier::UNDERLINED));
        assert_eq!(buf[(4, 1)].fg, Color::DarkGray);
    }

    #[test]
    fn never_panics_at_any_size() {
        let logged = logged();
        let styles = CalendarStyles::dark();
        for (w, h) in crate::tui::widgets::calendar_style::test_sizes() {
            for start in [Weekday::Mon, Weekday::Sun] {
                let map = Heatmap::new(&logged, d("2026-11-26"), &styles).week_start(start);
                render(&map, w, h);
                let _ = map.day_at(Rect::new(0, 0, w, h), 5, 3);
            }
        }
    }
}
