//! The renewal timeline: a Gantt chart with one row per badge, from today to the latest date
//! any row needs. Each row shows the renewal window (`+` where it opens, `-` while open),
//! study sessions (`▪`), the due date (`D`), the expiry (`!`, coloured by band) and the
//! retirement (`x`); at-risk badges are flagged `!` before their name.
//!
//! The name column takes what the names need, up to two fifths of the width (names are cut
//! with `…`, never mid-character); the chart scales to whole days per column so the whole
//! span fits, with month labels on the header row and a faint `·` where each month starts.
//! Rows scroll by an offset; "↑ n more" / "↓ n more" lines say what is out of view.

use super::calendar_style::{
    CalendarStyles, SYM_DUE, SYM_EXPIRY, SYM_PLANNED, SYM_RENEWAL_OPENS, SYM_RETIREMENT,
    SYM_WINDOW, put,
};
use crate::domain::status::band;
use crate::present::texts::En;
use crate::text;
use crate::tui::texts::ScreenTexts;
use chrono::{Datelike, Days, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// One badge's renewal, as the timeline draws it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimelineRow {
    pub badge_name: String,
    pub renewal_opens: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub expires: Option<NaiveDate>,
    pub retires: Option<NaiveDate>,
    /// Days with planned or pinned study.
    pub sessions: Vec<NaiveDate>,
    pub at_risk: bool,
}

/// The timeline. Build it with [`Timeline::new`], then `.offset(..)` to scroll.
#[derive(Debug, Clone)]
pub struct Timeline<'a> {
    rows: &'a [TimelineRow],
    today: NaiveDate,
    offset: usize,
    styles: &'a CalendarStyles,
    texts: &'a dyn ScreenTexts,
}

/// The date axis: `cells` columns of `days_per_cell` days each, the first holding today.
struct Axis {
    from: NaiveDate,
    days_per_cell: i64,
    cells: u16,
}

impl Axis {
    fn cell_of(&self, date: NaiveDate) -> Option<u16> {
        let n = (date - self.from).num_days();
        let cell = u16::try_from(n.checked_div(self.days_per_cell)?).ok()?;
        (n >= 0 && cell < self.cells).then_some(cell)
    }

    /// Where labels go: the first column, then each column where a month begins (which
    /// also gets a faint mark in the rows). January is labelled with its year. The first
    /// label gives way when it would hide the next.
    fn ticks(&self, texts: &dyn ScreenTexts) -> Vec<(u16, String)> {
        let label = |d: NaiveDate| {
            if d.month() == 1 {
                d.year().to_string()
            } else {
                texts.month_abbr(d.month()).to_string()
            }
        };
        let mut ticks = vec![(0, label(self.from))];
        let mut next = self
            .from
            .with_day(1)
            .and_then(|d| d.checked_add_months(chrono::Months::new(1)));
        while let Some(first) = next {
            let Some(cell) = self.cell_of(first) else {
                break;
            };
            ticks.push((cell, label(first)));
            next = first.checked_add_months(chrono::Months::new(1));
        }
        if ticks.len() > 1 && usize::from(ticks[1].0) <= text::width(&ticks[0].1) {
            ticks.remove(0);
        }
        // Years (each January) first, then months left to right where they fit, a space
        // apart. A year is all digits; a month is not ("Nov", "11月").
        ticks.sort_by_key(|(cell, l)| (!l.chars().all(|c| c.is_ascii_digit()), *cell));
        let mut placed: Vec<(u16, String)> = Vec::new();
        for (cell, l) in ticks {
            let (from, to) = (usize::from(cell), usize::from(cell) + text::width(&l));
            let clear = placed.iter().all(|(c, pl)| {
                let c = usize::from(*c);
                to < c || c + text::width(pl) < from
            });
            if clear && to <= usize::from(self.cells) {
                placed.push((cell, l));
            }
        }
        placed.sort_by_key(|(cell, _)| *cell);
        placed
    }
}

/// Which rows are in view at a height: the first, how many, and whether the lines saying
/// how many more lie above and below are drawn.
struct View {
    first: usize,
    shown: usize,
    above: bool,
    below: bool,
}

impl<'a> Timeline<'a> {
    /// The rows in the order given, drawn from `today`.
    pub fn new(rows: &'a [TimelineRow], today: NaiveDate, styles: &'a CalendarStyles) -> Self {
        Timeline {
            rows,
            today,
            offset: 0,
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

    /// Scrolls so row `offset` is the first in view (clamped to the last row).
    #[must_use]
    pub fn offset(mut self, offset: usize) -> Self {
        self.offset = offset;
        self
    }

    /// The index into the rows of the row drawn on terminal line `y` when rendered in
    /// `area` (for mouse clicks).
    pub fn row_at(&self, area: Rect, y: u16) -> Option<usize> {
        if y <= area.y || y >= area.bottom() {
            return None;
        }
        let v = self.view(area.height);
        let line = usize::from(y - area.y - 1).checked_sub(usize::from(v.above))?;
        (line < v.shown).then_some(v.first + line)
    }

    fn view(&self, height: u16) -> View {
        let lines = usize::from(height.saturating_sub(1));
        let first = self.offset.min(self.rows.len().saturating_sub(1));
        let above = first > 0 && lines > 1;
        let room = lines - usize::from(above);
        let left = self.rows.len() - first;
        let below = left > room && room > 1;
        let shown = left.min(room - usize::from(below));
        View {
            first,
            shown,
            above,
            below,
        }
    }

    /// The axis for a chart `width` cells wide: from today to the latest date of any row
    /// (at least four weeks), in as few whole days per column as fit.
    fn axis(&self, width: u16) -> Axis {
        let last = self
            .rows
            .iter()
            .flat_map(|r| {
                [r.renewal_opens, r.due, r.expires, r.retires]
                    .into_iter()
                    .flatten()
                    .chain(r.sessions.iter().copied())
            })
            .max()
            .unwrap_or(self.today);
        let days = (last - self.today).num_days().max(27) + 1;
        let per = if width == 0 {
            days
        } else {
            (days + i64::from(width) - 1) / i64::from(width)
        };
        Axis {
            from: self.today,
            days_per_cell: per,
            cells: u16::try_from((days + per - 1) / per)
                .unwrap_or(0)
                .min(width),
        }
    }

    /// One row's chart: a symbol and style per column, or nothing.
    fn chart(
        &self,
        row: &TimelineRow,
        axis: &Axis,
        ticks: &[(u16, String)],
    ) -> Vec<Option<(&'static str, Style)>> {
        let st = self.styles;
        let mut cells = vec![None; usize::from(axis.cells)];
        let mut mark = |date: Option<NaiveDate>, sym, style| {
            if let Some(c) = date.and_then(|d| axis.cell_of(d)) {
                cells[usize::from(c)] = Some((sym, style));
            }
        };
        for &(c, _) in ticks.iter().filter(|(c, _)| *c > 0) {
            mark(
                axis.from
                    .checked_add_days(Days::new(u64::from(c) * axis.days_per_cell as u64)),
                "·",
                st.dim,
            );
        }
        let window_end = row.expires.or(row.due).or(row.retires);
        if let (Some(open), Some(end)) = (row.renewal_opens, window_end) {
            let mut d = open.max(self.today);
            while d <= end {
                mark(Some(d), SYM_WINDOW, st.window);
                let Some(next) = d.checked_add_days(Days::new(axis.days_per_cell as u64)) else {
                    break;
                };
                d = next;
            }
            mark(Some(end), SYM_WINDOW, st.window);
        }
        for &s in &row.sessions {
            mark(Some(s), SYM_PLANNED, st.planned);
        }
        mark(row.renewal_opens, SYM_RENEWAL_OPENS, st.renewal_opens);
        mark(row.due, SYM_DUE, st.due);
        mark(row.retires, SYM_RETIREMENT, st.retirement);
        if let Some(e) = row.expires {
            mark(
                Some(e),
                SYM_EXPIRY,
                st.expiry(band((e - self.today).num_days())),
            );
        }
        cells
    }
}

impl Widget for &Timeline<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(*buf.area());
        if area.is_empty() {
            return;
        }
        let st = self.styles;
        let width = usize::from(area.width);
        let flag_w = if self.rows.iter().any(|r| r.at_risk) {
            2
        } else {
            0
        };
        let names_w = self
            .rows
            .iter()
            .map(|r| text::width(&r.badge_name))
            .max()
            .unwrap_or(0);
        let name_w = (flag_w + names_w).min((width * 2 / 5).max(12)).min(width);
        let chart_x = area.x + u16::try_from(name_w + 1).unwrap_or(area.width);
        let axis = self.axis(area.right().saturating_sub(chart_x));
        let ticks = axis.ticks(self.texts);

        for (cell, label) in &ticks {
            put(
                buf,
                area,
                chart_x + cell,
                area.y,
                label,
                usize::MAX,
                st.header,
            );
        }
        if self.rows.is_empty() {
            let note = self.texts.nothing_to_renew(self.today);
            put(buf, area, area.x, area.y + 1, &note, usize::MAX, st.dim);
            return;
        }
        let v = self.view(area.height);
        let mut y = area.y + 1;
        if v.above {
            put(
                buf,
                area,
                area.x,
                y,
                &self.texts.more_above(v.first),
                usize::MAX,
                st.dim,
            );
            y += 1;
        }
        for row in &self.rows[v.first..v.first + v.shown] {
            let mut x = area.x;
            if flag_w > 0 {
                let flag = if row.at_risk { "! " } else { "  " };
                x = put(buf, area, x, y, flag, name_w, st.at_risk);
            }
            let name_style = if row.at_risk {
                st.at_risk
            } else {
                Style::new()
            };
            let name = text::truncate(&row.badge_name, name_w.saturating_sub(flag_w));
            put(buf, area, x, y, &name, usize::MAX, name_style);
            for (sym_style, cx) in self.chart(row, &axis, &ticks).into_iter().zip(chart_x..) {
                if let Some((sym, style)) = sym_style {
                    put(buf, area, cx, y, sym, 1, style);
                }
            }
            y += 1;
        }
        if v.below {
            let more = self.rows.len() - v.first - v.shown;
            put(
                buf,
                area,
                area.x,
                y,
                &self.texts.more_below(more),
                usize::MAX,
                st.dim,
            );
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

    fn rows() -> Vec<TimelineRow> {
        vec![
            TimelineRow {
                badge_name: "AWS SAA".into(),
                renewal_opens: Some(d("2026-11-01")),
                due: Some(d("2026-11-30")),
                expires: Some(d("2026-12-07")),
                sessions: vec![d("2026-11-12"), d("2026-11-20")],
                ..TimelineRow::default()
            },
            TimelineRow {
                badge_name: "IBM Db2 データベース管理者".into(),
                renewal_opens: Some(d("2026-11-20")),
                due: Some(d("2026-12-20")),
                expires: Some(d("2026-12-27")),
                sessions: vec![d("2026-11-25")],
                at_risk: true,
                ..TimelineRow::default()
            },
            TimelineRow {
                badge_name: "Legacy".into(),
                retires: Some(d("2026-12-31")),
                ..TimelineRow::default()
            },
        ]
    }

    fn render(t: &Timeline, w: u16, h: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        t.render(buf.area, &mut buf);
        buf
    }

    #[test]
    fn draws_each_badge_on_a_scaled_axis() {
        let rows = rows();
        let styles = CalendarStyles::default();
        let t = Timeline::new(&rows, d("2026-11-10"), &styles);
        // 52 days in 35 columns: two days a column, 26 columns.
        assert_eq!(
            render(&t, 60, 4),
            Buffer::with_lines([
                "                         Nov       Dec                      ",
                "  AWS SAA                -▪---▪----D--!                     ",
                "! IBM Db2 データベース…       +-▪------------D--!           ",
                "  Legacy                           ·              x         ",
            ])
        );
    }

    #[test]
    fn scrolls_with_more_lines() {
        let rows = rows();
        let styles = CalendarStyles::default();
        let t = Timeline::new(&rows, d("2026-11-10"), &styles);
        let top = render(&t, 60, 3);
        assert_eq!(
            (0..12).map(|x| top[(x, 2)].symbol()).collect::<String>(),
            "↓ 2 more    "
        );
        let t = t.offset(1);
        assert_eq!(
            render(&t, 60, 4),
            Buffer::with_lines([
                "                         Nov       Dec                      ",
                "↑ 1 more                                                    ",
                "! IBM Db2 データベース…       +-▪------------D--!           ",
                "  Legacy                           ·              x         ",
            ])
        );
        let area = Rect::new(0, 10, 60, 4);
        assert_eq!(t.row_at(area, 10), None, "header");
        assert_eq!(t.row_at(area, 11), None, "↑ line");
        assert_eq!(t.row_at(area, 12), Some(1));
        assert_eq!(t.row_at(area, 13), Some(2));
        assert_eq!(
            t.offset(99).row_at(area, 12),
            Some(2),
            "offset clamped to the last row"
        );
    }

    #[test]
    fn styles_by_band_and_risk() {
        let rows = rows();
        let styles = CalendarStyles::dark();
        let buf = render(&Timeline::new(&rows, d("2026-11-10"), &styles), 60, 4);
        assert_eq!(buf[(38, 1)].symbol(), "!");
        assert_eq!(buf[(38, 1)].fg, Color::Red, "27 days: red band");
        assert_eq!(buf[(48, 2)].symbol(), "!");
        assert_eq!(buf[(48, 2)].fg, Color::Yellow, "47 days: yellow band");
        assert_eq!(buf[(25, 1)].fg, Color::Green, "window");
        assert_eq!(buf[(2, 2)].fg, Color::Red, "at-risk name");
        assert!(buf[(0, 2)].modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn narrow_areas_drop_the_chart_and_long_spans_scale() {
        let rows = rows();
        let styles = CalendarStyles::default();
        let t = Timeline::new(&rows, d("2026-11-10"), &styles);
        assert_eq!(
            render(&t, 12, 2),
            Buffer::with_lines(["            ", "  AWS SAA   "])
        );
        let far = [TimelineRow {
            badge_name: "AWS".into(),
            renewal_opens: Some(d("2028-08-01")),
            expires: Some(d("2028-11-09")),
            ..TimelineRow::default()
        }];
        let t = Timeline::new(&far, d("2026-11-10"), &styles);
        // 731 days in 36 columns: 21 days a column, so 35 columns.
        assert_eq!(
            render(&t, 40, 2),
            Buffer::with_lines([
                "      2027  May Aug    2028 Apr Jul Oct ",
                "AWS   ·     ·   ·      ·    ·   · +---! ",
            ])
        );
    }

    #[test]
    fn never_panics_at_any_size() {
        let rows = rows();
        let styles = CalendarStyles::dark();
        for (w, h) in crate::tui::widgets::calendar_style::test_sizes() {
            for offset in [0, 1, 5] {
                let t = Timeline::new(&rows, d("2026-11-10"), &styles).offset(offset);
                render(&t, w, h);
                let _ = t.row_at(Rect::new(0, 0, w, h), 2);
            }
            render(&Timeline::new(&[], d("2026-11-10"), &styles), w, h);
        }
    }
}
