//! Colours: a dark and a light theme, and a plain one for `NO_COLOR` that marks things
//! with bold, underline and reverse video only.

use crate::config::Theme as ThemeName;
use crate::domain::status::{Band, Status};
use ratatui::style::{Color, Modifier, Style};

/// Every style the views use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub base: Style,
    pub dim: Style,
    pub title: Style,
    pub header: Style,
    pub selected: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub key: Style,
    pub red: Style,
    pub yellow: Style,
    pub green: Style,
    pub blue: Style,
    pub accent: Style,
    pub error: Style,
    pub ok: Style,
    pub bar_done: Style,
    pub bar_todo: Style,
    pub colour: bool,
}

impl Theme {
    /// The theme for a configuration and environment (`no_color`: NO_COLOR is set).
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        if no_color {
            return Theme::plain();
        }
        match name {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
        }
    }

    /// Light text on a dark terminal.
    pub fn dark() -> Theme {
        let fg = |c| Style::new().fg(c);
        Theme {
            base: Style::new(),
            dim: fg(Color::DarkGray),
            title: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            header: fg(Color::Gray).add_modifier(Modifier::BOLD),
            selected: Style::new()
                .bg(Color::Rgb(40, 60, 90))
                .add_modifier(Modifier::BOLD),
            tab: fg(Color::Gray),
            tab_active: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            key: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            red: fg(Color::LightRed),
            yellow: fg(Color::Yellow),
            green: fg(Color::LightGreen),
            blue: fg(Color::LightBlue),
            accent: fg(Color::Magenta),
            error: fg(Color::LightRed).add_modifier(Modifier::BOLD),
            ok: fg(Color::LightGreen),
            bar_done: fg(Color::LightGreen),
            bar_todo: fg(Color::DarkGray),
            colour: true,
        }
    }

    /// Dark text on a light terminal.
    pub fn light() -> Theme {
        let fg = |c| Style::new().fg(c);
        Theme {
            base: Style::new(),
            dim: fg(Color::DarkGray),
            title: fg(Color::Blue).add_modifier(Modifier::BOLD),
            header: fg(Color::Black).add_modifier(Modifier::BOLD),
            selected: Style::new()
                .bg(Color::Rgb(200, 220, 245))
                .add_modifier(Modifier::BOLD),
            tab: fg(Color::DarkGray),
            tab_active: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            key: fg(Color::Blue).add_modifier(Modifier::BOLD),
            red: fg(Color::Red),
            yellow: fg(Color::Rgb(160, 110, 0)),
            green: fg(Color::Green),
            blue: fg(Color::Blue),
            accent: fg(Color::Magenta),
            error: fg(Color::Red).add_modifier(Modifier::BOLD),
            ok: fg(Color::Green),
            bar_done: fg(Color::Green),
            bar_todo: fg(Color::Gray),
            colour: true,
        }
    }

    /// No colour at all.
    pub fn plain() -> Theme {
        let s = Style::new();
        Theme {
            base: s,
            dim: s,
            title: s.add_modifier(Modifier::BOLD),
            header: s.add_modifier(Modifier::BOLD),
            selected: s.add_modifier(Modifier::REVERSED),
            tab: s,
            tab_active: s.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            key: s.add_modifier(Modifier::BOLD),
            red: s.add_modifier(Modifier::BOLD),
            yellow: s.add_modifier(Modifier::UNDERLINED),
            green: s,
            blue: s,
            accent: s,
            error: s.add_modifier(Modifier::BOLD),
            ok: s,
            bar_done: s,
            bar_todo: s,
            colour: false,
        }
    }

    /// The colour of a countdown band.
    pub fn band(&self, band: Band) -> Style {
        match band {
            Band::Past | Band::Red => self.red,
            Band::Yellow => self.yellow,
            Band::Plain | Band::Far => self.base,
        }
    }

    /// The colour of a status flag.
    pub fn status(&self, status: Status, days: Option<i64>) -> Style {
        match status {
            Status::Expired | Status::Retired => self.dim,
            Status::Expiring => {
                days.map_or(self.base, |d| self.band(crate::domain::status::band(d)))
            }
            Status::Retiring => self.accent,
            Status::Active | Status::NoExpiry => self.green,
            Status::Target => self.blue,
        }
    }
}
