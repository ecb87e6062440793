//! How the renewal calendar looks: the styles of its marks in the dark, light and colourless
//! (NO_COLOR) themes, the symbols every calendar widget shares, and the legend that explains
//! them.
//!
//! Every mark has a symbol as well as a colour, so the colourless theme loses nothing but
//! colour: it tells today, the selection and urgency apart with modifiers (bold, underline,
//! reverse, dim) only.

use crate::domain::status::Band;
pub use crate::present::month::{
    SYM_DUE, SYM_EXPIRY, SYM_GOAL, SYM_LOGGED, SYM_PLANNED, SYM_RENEWAL_OPENS, SYM_REPLACEMENT,
    SYM_RETIREMENT,
};
use crate::text;
use crate::tui::texts::ScreenTexts;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

/// The renewal window, from opening to expiry, in the timeline.
pub const SYM_WINDOW: &str = "-";
/// Heat levels 0..=4, from no study to a lot: the symbols carry the level without colour.
pub const HEAT_SYMBOLS: [&str; 5] = ["·", "░", "▒", "▓", "█"];

/// The styles of every calendar widget. `Default` is no styling at all (what the exact
/// buffer tests compare against); the app picks [`CalendarStyles::dark`],
/// [`CalendarStyles::light`] or, under NO_COLOR, [`CalendarStyles::plain`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CalendarStyles {
    /// Titles, weekday names and column headers.
    pub header: Style,
    /// Today's day number (and its heatmap cell).
    pub today: Style,
    /// Patched over the whole selected day.
    pub selected: Style,
    /// Days of the neighbouring months.
    pub other_month: Style,
    /// Secondary text: "↓ 3 more", empty heat cells, hints.
    pub dim: Style,
    /// An expiry already past.
    pub expiry_past: Style,
    /// An expiry fewer than 30 days away (also the legend's expiry mark).
    pub expiry_red: Style,
    /// An expiry fewer than 60 days away.
    pub expiry_yellow: Style,
    /// An expiry fewer than 90 days away.
    pub expiry_plain: Style,
    /// An expiry further away.
    pub expiry_far: Style,
    /// A renewal window opening.
    pub renewal_opens: Style,
    /// The renewal window span in the timeline.
    pub window: Style,
    /// A retirement.
    pub retirement: Style,
    /// A replacement becoming available.
    pub replacement: Style,
    /// A due date.
    pub due: Style,
    /// A target's goal date.
    pub goal: Style,
    /// Planned and pinned study.
    pub planned: Style,
    /// Logged study.
    pub logged: Style,
    /// A badge that cannot be prepared in time.
    pub at_risk: Style,
    /// Heatmap intensities 0..=4.
    pub heat: [Style; 5],
}

impl CalendarStyles {
    /// Colours for a dark terminal background.
    pub fn dark() -> Self {
        let fg = |c| Style::new().fg(c);
        CalendarStyles {
            header: Style::new().add_modifier(Modifier::BOLD),
            today: fg(Color::Cyan).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            other_month: fg(Color::DarkGray),
            dim: fg(Color::DarkGray),
            expiry_past: fg(Color::DarkGray),
            expiry_red: fg(Color::Red).add_modifier(Modifier::BOLD),
            expiry_yellow: fg(Color::Yellow),
            expiry_plain: Style::new(),
            expiry_far: Style::new(),
            renewal_opens: fg(Color::Green),
            window: fg(Color::Green),
            retirement: fg(Color::Magenta),
            replacement: fg(Color::Cyan),
            due: fg(Color::LightBlue).add_modifier(Modifier::BOLD),
            goal: fg(Color::LightBlue),
            planned: fg(Color::Blue),
            logged: fg(Color::Green),
            at_risk: fg(Color::Red).add_modifier(Modifier::BOLD),
            heat: [
                fg(Color::DarkGray),
                fg(Color::Indexed(22)),
                fg(Color::Indexed(28)),
                fg(Color::Indexed(34)),
                fg(Color::Indexed(40)),
            ],
        }
    }

    /// Colours for a light terminal background: no yellow or light tints on white.
    pub fn light() -> Self {
        let fg = |c| Style::new().fg(c);
        CalendarStyles {
            today: fg(Color::Indexed(25)).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            other_month: fg(Color::Gray),
            dim: fg(Color::Gray),
            expiry_past: fg(Color::Gray),
            expiry_yellow: fg(Color::Indexed(130)),
            renewal_opens: fg(Color::Indexed(28)),
            window: fg(Color::Indexed(28)),
            replacement: fg(Color::Indexed(30)),
            due: fg(Color::Blue).add_modifier(Modifier::BOLD),
            goal: fg(Color::Blue),
            logged: fg(Color::Indexed(28)),
            heat: [
                fg(Color::Indexed(250)),
                fg(Color::Indexed(151)),
                fg(Color::Indexed(114)),
                fg(Color::Indexed(71)),
                fg(Color::Indexed(28)),
            ],
            ..CalendarStyles::dark()
        }
    }

    /// No colour (NO_COLOR): symbols and modifiers only.
    pub fn plain() -> Self {
        let m = |m| Style::new().add_modifier(m);
        CalendarStyles {
            header: m(Modifier::BOLD),
            today: m(Modifier::BOLD | Modifier::UNDERLINED),
            selected: m(Modifier::REVERSED),
            other_month: m(Modifier::DIM),
            dim: m(Modifier::DIM),
            expiry_past: m(Modifier::DIM),
            expiry_red: m(Modifier::BOLD),
            at_risk: m(Modifier::BOLD),
            heat: [
                m(Modifier::DIM),
                Style::new(),
                Style::new(),
                Style::new(),
                Style::new(),
            ],
            ..CalendarStyles::default()
        }
    }

    /// The style of an expiry in `band`.
    pub fn expiry(&self, band: Band) -> Style {
        match band {
            Band::Past => self.expiry_past,
            Band::Red => self.expiry_red,
            Band::Yellow => self.expiry_yellow,
            Band::Plain => self.expiry_plain,
            Band::Far => self.expiry_far,
        }
    }
}

/// Writes `s` at (`x`, `y`) clipped to `area` (and to `max` cells), never splitting a wide
/// character; returns the column after the last cell written. Outside `area` it does nothing,
/// so callers can lay out freely and let small areas cut the rest.
pub(super) fn put(
    buf: &mut Buffer,
    area: Rect,
    x: u16,
    y: u16,
    s: &str,
    max: usize,
    style: Style,
) -> u16 {
    let area = area.intersection(*buf.area());
    if y < area.top() || y >= area.bottom() || x < area.left() || x >= area.right() {
        return x;
    }
    let room = usize::from(area.right() - x).min(max);
    buf.set_stringn(x, y, s, room, style).0
}

/// Patches `style` over the part of `rect` inside `area`.
pub(super) fn patch(buf: &mut Buffer, area: Rect, rect: Rect, style: Style) {
    buf.set_style(area.intersection(rect), style);
}

/// A key to the symbols of a calendar widget, wrapped onto as many lines as its area has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Legend {
    items: Vec<(&'static str, Style, &'static str)>,
}

impl Legend {
    /// The symbols of the month grid (and of `sukima calendar`).
    pub fn month(styles: &CalendarStyles, texts: &dyn ScreenTexts) -> Self {
        let marks = [
            (SYM_EXPIRY, styles.expiry_red),
            (SYM_RENEWAL_OPENS, styles.renewal_opens),
            (SYM_RETIREMENT, styles.retirement),
            (SYM_REPLACEMENT, styles.replacement),
            (SYM_DUE, styles.due),
            (SYM_GOAL, styles.goal),
            (SYM_PLANNED, styles.planned),
            (SYM_LOGGED, styles.logged),
        ];
        Legend::of(&marks, &texts.legend_month())
    }

    /// The symbols of the timeline.
    pub fn timeline(styles: &CalendarStyles, texts: &dyn ScreenTexts) -> Self {
        let marks = [
            (SYM_RENEWAL_OPENS, styles.renewal_opens),
            (SYM_WINDOW, styles.window),
            (SYM_PLANNED, styles.planned),
            (SYM_DUE, styles.due),
            (SYM_EXPIRY, styles.expiry_red),
            (SYM_RETIREMENT, styles.retirement),
        ];
        Legend::of(&marks, &texts.legend_timeline())
    }

    /// With the deal mark after the others (for a month that has a deal).
    pub fn with_deal(mut self, styles: &CalendarStyles, label: &'static str) -> Self {
        self.items
            .push((crate::present::month::SYM_DEAL, styles.due, label));
        self
    }

    fn of(marks: &[(&'static str, Style)], labels: &[&'static str]) -> Self {
        Legend {
            items: marks
                .iter()
                .zip(labels)
                .map(|(&(sym, style), &label)| (sym, style, label))
                .collect(),
        }
    }

    /// The items laid out in lines of at most `width` cells, as indexes into the items.
    fn lines(&self, width: usize) -> Vec<Vec<usize>> {
        let mut lines: Vec<Vec<usize>> = Vec::new();
        let mut used = 0;
        for (i, (sym, _, label)) in self.items.iter().enumerate() {
            let w = text::width(sym) + 1 + text::width(label);
            match lines.last_mut() {
                Some(line) if used + 2 + w <= width => {
                    line.push(i);
                    used += 2 + w;
                }
                _ => {
                    lines.push(vec![i]);
                    used = w;
                }
            }
        }
        lines
    }

    /// How many lines the legend needs at `width` cells.
    pub fn height(&self, width: u16) -> u16 {
        u16::try_from(self.lines(usize::from(width)).len()).unwrap_or(u16::MAX)
    }
}

impl Widget for &Legend {
    fn render(self, area: Rect, buf: &mut Buffer) {
        for (line, y) in self.lines(usize::from(area.width)).iter().zip(area.rows()) {
            let mut x = area.x;
            for (n, &i) in line.iter().enumerate() {
                let (sym, style, label) = self.items[i];
                if n > 0 {
                    x = put(buf, area, x, y.y, "  ", usize::MAX, Style::new());
                }
                x = put(buf, area, x, y.y, sym, usize::MAX, style);
                x = put(buf, area, x, y.y, " ", usize::MAX, Style::new());
                x = put(buf, area, x, y.y, label, usize::MAX, Style::new());
            }
        }
    }
}

/// Area sizes for the never-panic tests: every size up to 40x20, then a spread up to 200x60.
#[cfg(test)]
pub(super) fn test_sizes() -> Vec<(u16, u16)> {
    let widths = (0..=40).chain((41..200).step_by(9)).chain([200]);
    let heights: Vec<u16> = (0..=20).chain((21..60).step_by(6)).chain([60]).collect();
    widths
        .flat_map(|w| heights.iter().map(move |&h| (w, h)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legend_wraps_to_its_width() {
        let legend = Legend::month(&CalendarStyles::default(), &crate::present::En);
        assert_eq!(legend.height(200), 1);
        let mut buf = Buffer::empty(Rect::new(0, 0, 39, 3));
        (&legend).render(buf.area, &mut buf);
        assert_eq!(
            buf,
            Buffer::with_lines([
                "! expires  + renewal opens  x retires",
                "* replacement  D due  G goal  ▪ planned",
                "✓ logged",
            ])
        );
        assert_eq!(legend.height(39), 3);
    }

    #[test]
    fn plain_theme_has_no_colour() {
        let s = CalendarStyles::plain();
        let all = [
            s.header,
            s.today,
            s.selected,
            s.expiry_red,
            s.planned,
            s.heat[4],
        ];
        assert!(all.iter().all(|st| st.fg.is_none() && st.bg.is_none()));
        assert_ne!(s.today, s.selected);
        assert_ne!(s.expiry_red, s.expiry_far);
    }
}
