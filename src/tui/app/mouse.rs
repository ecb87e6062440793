//! The mouse: a click selects a tab, a row or a day; the wheel moves the selection or
//! scrolls the help.

use super::App;
use crate::tui::layout;
use crate::tui::popups::Popup;
use crate::tui::view::View;
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

impl App {
    pub(super) fn mouse(&mut self, m: MouseEvent) {
        match m.kind {
            MouseEventKind::Down(MouseButton::Left) => {}
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = m.kind == MouseEventKind::ScrollDown;
                let help_max = self.help_max();
                match self.popup.as_mut() {
                    None => self.move_by(if down { 1 } else { -1 }),
                    Some(Popup::Help { scroll }) if down => {
                        *scroll = scroll.saturating_add(3).min(help_max);
                    }
                    Some(Popup::Help { scroll }) => *scroll = scroll.saturating_sub(3),
                    Some(_) => {}
                }
                return;
            }
            _ => return,
        }
        if self.popup.is_some() {
            return;
        }
        let areas = layout::areas(self.size);
        if let Some(v) = layout::tab_at(&areas, m.column, m.row, self.texts) {
            self.act(match v {
                View::Today => crate::tui::action::Action::ViewToday,
                View::Badges => crate::tui::action::Action::ViewBadges,
                View::Plan => crate::tui::action::Action::ViewPlan,
                View::Calendar => crate::tui::action::Action::ViewCalendar,
                View::Spare => crate::tui::action::Action::ViewSpare,
                View::Log => crate::tui::action::Action::ViewLog,
            });
            return;
        }
        if let Some(row) = crate::tui::views::row_at(self, &areas, m.column, m.row) {
            match self.view {
                View::Badges => {
                    self.badges.selected = row.min(self.badges.rows.len().saturating_sub(1))
                }
                View::Plan => {
                    self.plan.selected = row.min(self.data.plan.sessions.len().saturating_sub(1))
                }
                View::Spare => self.spare.selected = row.min(self.spare_len().saturating_sub(1)),
                View::Log => self.log.selected = row.min(self.log.entries.len().saturating_sub(1)),
                View::Calendar => {}
                View::Today => {}
            }
        }
        if self.view == View::Calendar
            && let Some(day) = crate::tui::views::calendar::day_at(self, &areas, m.column, m.row)
        {
            self.calendar.selected = day;
            self.load_month_logs();
        }
    }
}
