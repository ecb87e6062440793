//! The weekly windows drawn on a week grid: one row per weekday, one column per half hour
//! (or hour, when narrow), filled where spare time is. Given this week's dates, it also
//! draws what takes the time away: a blackout day as `×` across its row, busy time
//! (imported calendars, skipped sessions) as `▒`, with a legend under the grid.

use crate::domain::spare::{WeekdayOrd, Window, WindowKind};
use chrono::{Timelike, Weekday};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// The grid of the weekly windows.
pub struct WeekGrid<'a> {
    pub windows: &'a [Window],
    pub texts: &'a dyn crate::tui::texts::ScreenTexts,
    pub week_start: Weekday,
    pub fill: Style,
    pub label: Style,
    pub empty: Style,
    /// The first day of the week shown and the busy time in it, to draw blackouts and
    /// busy time on the days they fall on (`None`: the weekly pattern only).
    pub week: Option<(chrono::NaiveDate, &'a [crate::domain::spare::Interval])>,
    /// The style of blackouts and busy time.
    pub taken: Style,
}

/// Minutes after midnight covered by weekly windows on a weekday.
fn covered(windows: &[Window], day: Weekday) -> Vec<(u32, u32)> {
    windows
        .iter()
        .filter_map(|w| match &w.kind {
            WindowKind::Weekly {
                days, start, end, ..
            } if days.contains(&WeekdayOrd::of(day)) => Some((
                start.hour() * 60 + start.minute(),
                end.hour() * 60 + end.minute(),
            )),
            _ => None,
        })
        .collect()
}

impl WeekGrid<'_> {
    /// The hour range shown: from the earliest window start to the latest end, at least
    /// 6:00–24:00 when there are none.
    fn hours(&self) -> (u32, u32) {
        let mut lo = 24;
        let mut hi = 0;
        for w in self.windows {
            if let WindowKind::Weekly { start, end, .. } = &w.kind {
                lo = lo.min(start.hour());
                hi = hi.max(end.hour() + u32::from(end.minute() > 0));
            }
        }
        if lo >= hi { (6, 24) } else { (lo, hi.min(24)) }
    }
}

impl Widget for &WeekGrid<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < 12 || area.height < 2 {
            return;
        }
        let (lo, hi) = self.hours();
        let label_w: u16 = 4;
        let avail = u32::from(area.width - label_w);
        let hours = hi - lo;
        // Minutes per cell: 30 when there is room, else 60, else whatever fits.
        let per_cell = [15u32, 30, 60, 120, 180]
            .into_iter()
            .find(|m| hours * 60 / m <= avail)
            .unwrap_or(240);
        let cells = (hours * 60).div_ceil(per_cell).min(avail);
        // Header: hour marks.
        let mut h = lo;
        while h < hi {
            let col = (h - lo) * 60 / per_cell;
            let text = format!("{h}");
            if col + text.len() as u32 <= cells {
                buf.set_string(area.x + label_w + col as u16, area.y, text, self.label);
            }
            h += if per_cell <= 30 { 2 } else { 3 }.max(per_cell / 60);
        }
        let mut day = self.week_start;
        for row in 0..7u16 {
            let y = area.y + 1 + row;
            if y >= area.bottom() {
                break;
            }
            let name = self.texts.week_grid_day(day);
            buf.set_string(area.x, y, name, self.label);
            let spans = covered(self.windows, day);
            let date = self
                .week
                .and_then(|(first, _)| first.checked_add_days(chrono::Days::new(u64::from(row))));
            let off = date.is_some_and(|d| crate::domain::spare::blacked_out(self.windows, d));
            let busy: Vec<(u32, u32)> = match (date, self.week) {
                (Some(d), Some((_, intervals))) => intervals
                    .iter()
                    .filter(|i| i.start.date() == d)
                    .map(|i| {
                        let end = if i.end.date() > d {
                            24 * 60
                        } else {
                            i.end.hour() * 60 + i.end.minute()
                        };
                        (i.start.hour() * 60 + i.start.minute(), end)
                    })
                    .collect(),
                _ => Vec::new(),
            };
            for c in 0..cells {
                let from = lo * 60 + c * per_cell;
                let to = from + per_cell;
                let full = spans.iter().any(|&(s, e)| s <= from && to <= e);
                let some = spans.iter().any(|&(s, e)| s < to && from < e);
                let taken = busy.iter().any(|&(s, e)| s < to && from < e);
                let (sym, style) = match (off, taken, full, some) {
                    (true, ..) => ("×", self.taken),
                    (false, true, ..) => ("▒", self.taken),
                    (false, false, true, _) => ("█", self.fill),
                    (false, false, false, true) => ("▌", self.fill),
                    _ => ("·", self.empty),
                };
                buf.set_string(area.x + label_w + c as u16, y, sym, style);
            }
            day = day.succ();
        }
        // The legend, on the row under the grid when there is one.
        let y = area.y + 8;
        if self.week.is_some() && y < area.bottom() {
            let legend = format!(
                "█ {}  ▒ {}  × {}",
                self.texts.view_title(crate::tui::view::View::Spare),
                self.texts.busy_word(),
                self.texts.blackout_word()
            );
            buf.set_stringn(
                area.x + label_w,
                y,
                legend,
                usize::from(area.width - label_w),
                self.label,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::parse_hm;
    use crate::domain::spare::parse_days;

    fn weekly(days: &str, s: &str, e: &str) -> Window {
        Window {
            id: None,
            kind: WindowKind::Weekly {
                days: parse_days(days).unwrap(),
                start: parse_hm(s).unwrap(),
                end: parse_hm(e).unwrap(),
                from: None,
                to: None,
            },
            label: String::new(),
        }
    }

    #[test]
    fn draws_windows_on_the_grid() {
        let windows = [
            weekly("weekdays", "07:00", "08:00"),
            weekly("sat", "09:00", "09:40"),
        ];
        let grid = WeekGrid {
            texts: &crate::present::En,
            windows: &windows,
            week_start: Weekday::Mon,
            fill: Style::new(),
            label: Style::new(),
            empty: Style::new(),
            week: None,
            taken: Style::new(),
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 16, 8));
        (&grid).render(buf.area, &mut buf);
        assert_eq!(
            buf,
            Buffer::with_lines([
                "    7       9   ",
                "mon ████········",
                "tue ████········",
                "wed ████········",
                "thu ████········",
                "fri ████········",
                "sat ········██▌·",
                "sun ············",
            ])
        );
    }

    #[test]
    fn draws_blackouts_and_busy_time_on_the_days_they_fall_on() {
        use crate::domain::dates::{parse_datetime, parse_ymd};
        use crate::domain::spare::Interval;
        let windows = [
            weekly("weekdays", "07:00", "08:00"),
            Window {
                id: None,
                kind: WindowKind::Blackout {
                    from: parse_ymd("2027-01-13").unwrap(),
                    to: parse_ymd("2027-01-13").unwrap(),
                },
                label: "trip".into(),
            },
        ];
        let busy = [Interval {
            start: parse_datetime("2027-01-12T07:00").unwrap(),
            end: parse_datetime("2027-01-12T07:30").unwrap(),
        }];
        let grid = WeekGrid {
            texts: &crate::present::En,
            windows: &windows,
            week_start: Weekday::Mon,
            fill: Style::new(),
            label: Style::new(),
            empty: Style::new(),
            week: Some((parse_ymd("2027-01-11").unwrap(), &busy)),
            taken: Style::new(),
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 16, 9));
        (&grid).render(buf.area, &mut buf);
        assert_eq!(
            buf,
            Buffer::with_lines([
                "    7           ",
                "mon ████        ",
                "tue ▒▒██        ",
                "wed ××××        ",
                "thu ████        ",
                "fri ████        ",
                "sat ····        ",
                "sun ····        ",
                "    █ Spare time",
            ])
        );
    }

    #[test]
    fn never_panics_on_small_areas() {
        let windows = [weekly("daily", "00:00", "23:55")];
        for w in 0..40 {
            for h in 0..10 {
                let grid = WeekGrid {
                    texts: &crate::present::En,
                    windows: &windows,
                    week_start: Weekday::Sun,
                    fill: Style::new(),
                    label: Style::new(),
                    empty: Style::new(),
                    week: None,
                    taken: Style::new(),
                };
                let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
                (&grid).render(buf.area, &mut buf);
            }
        }
    }
}
