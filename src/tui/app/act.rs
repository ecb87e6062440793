//! What each action does in a view: moving the selection, opening popups, and the
//! writes a key asks for directly (undo, archive, pin).

use super::App;
use crate::changes;
use crate::tui::action::Action;
use crate::tui::input::LineInput;
use crate::tui::layout;
use crate::tui::popups::{BadgeForm, Confirmed, Popup, Prompt, PromptPurpose, QuickAdd};
use crate::tui::view::View;
use chrono::{Datelike, Days, Months};

impl App {
    pub(super) fn act(&mut self, action: Action) {
        if self.view == View::Badges
            && matches!(
                action,
                Action::Edit
                    | Action::Select
                    | Action::Delete
                    | Action::Renew
                    | Action::Archive
                    | Action::Steps
                    | Action::StepDone
            )
            && self.selected_badge().is_none()
        {
            self.fail(self.texts.no_badge_row());
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.popup = Some(Popup::Help { scroll: 0 }),
            Action::QuickAdd => {
                self.popup = Some(Popup::QuickAdd(QuickAdd::new(self.history.len())));
                self.popup_changed();
            }
            Action::Redo => self.redo(),
            Action::ViewLog => {
                self.view = View::Log;
                self.load_log();
            }
            Action::Done | Action::Skip | Action::Move => self.act_on_session(action),
            Action::Open if self.view == View::Badges => self.open_selected(),
            Action::Open => self.act_on_session(action),
            Action::ReverseSort => {
                self.badges.reverse = !self.badges.reverse;
                self.refresh_rows();
                let by = self.texts.sort_name(self.badges.sort);
                self.say(self.texts.sort_reversed(by, self.badges.reverse));
            }
            Action::Undo => {
                if !self.undo_config() {
                    let t = self.texts;
                    let r = changes::undo(&mut self.store).map(|d| t.done(&d));
                    self.after(r);
                }
            }
            Action::NextFix => {
                self.fixes.poll();
                self.fixes.next();
                match self.fixes.selected() {
                    Some((r, f)) => {
                        let text = self.texts.fix_selected(&r.key, &f.command());
                        self.say(text);
                    }
                    None if self.fixes.searching() => self.say(self.texts.fixes_searching()),
                    None => self.say(self.texts.no_fixes()),
                }
            }
            Action::ApplyFix => self.apply_fix(),
            Action::NextView => {
                self.view = self.view.next();
                self.load_log_if_shown();
            }
            Action::PrevView => {
                self.view = self.view.prev();
                self.load_log_if_shown();
            }
            Action::ViewToday => self.view = View::Today,
            Action::ViewBadges => self.view = View::Badges,
            Action::ViewPlan => self.view = View::Plan,
            Action::ViewCalendar => self.view = View::Calendar,
            Action::ViewSpare => self.view = View::Spare,
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-10),
            Action::PageDown => self.move_by(10),
            Action::Top => self.move_by(i64::MIN / 2),
            Action::Bottom => self.move_by(i64::MAX / 2),
            Action::Left => self.move_day(-1),
            Action::Right => self.move_day(1),
            Action::PrevMonth => self.move_month(-1),
            Action::NextMonth => self.move_month(1),
            Action::GoToday => {
                self.calendar.selected = self.today();
                self.load_month_logs();
            }
            Action::ScrollUp | Action::ScrollDown
                if !layout::shows_timeline(layout::areas(self.size).body) =>
            {
                self.say(self.texts.no_timeline());
            }
            Action::ScrollUp => {
                self.calendar.timeline_scroll = self.calendar.timeline_scroll.saturating_sub(1);
            }
            Action::ScrollDown => {
                self.calendar.timeline_scroll = (self.calendar.timeline_scroll + 1)
                    .min(self.data.badges.len().saturating_sub(1));
            }
            Action::Select | Action::Edit => self.edit_selected(action),
            Action::New => self.new_item(),
            Action::Delete => self.delete_selected(),
            Action::Renew => self.renew_selected(),
            Action::Archive => {
                if let Some(b) = self.selected_badge() {
                    let (key, archived) = (b.badge.key.clone(), b.badge.archived);
                    let t = self.texts;
                    let r =
                        changes::set_archived(&mut self.store, &key, !archived).map(|d| t.done(&d));
                    self.after(r);
                }
            }
            Action::Sort => {
                self.badges.sort = self.badges.sort.next();
                self.refresh_rows();
                self.say(self.texts.sorted_by(self.badges.sort));
            }
            Action::Filter => {
                self.popup = Some(Popup::Filter(LineInput::new(&self.badges.filter)));
            }
            // Keys of the popups: nothing to do in a view.
            Action::Confirm | Action::Save | Action::NextField | Action::PrevField => {}
            Action::Steps => self.open_steps(),
            Action::Deals => self.open_deals(),
            Action::CloseDeal => {}
            Action::StepDone => self.step_done(),
            Action::ToggleDetail => self.badges.detail = !self.badges.detail,
            Action::ToggleArchived => {
                self.badges.show_archived = !self.badges.show_archived;
                self.refresh_rows();
                self.say(if self.badges.show_archived {
                    self.texts.archived_shown()
                } else {
                    self.texts.archived_hidden()
                });
            }
            Action::Pin => self.pin_selected(),
            Action::Import => {
                self.popup = Some(Popup::Prompt(Prompt::new(
                    self.texts.import_prompt().into(),
                    "",
                    PromptPurpose::Import,
                )));
            }
            Action::Back => {
                if !self.badges.filter.is_empty() && self.view == View::Badges {
                    self.badges.filter.clear();
                    self.refresh_rows();
                }
            }
        }
    }

    pub(super) fn move_by(&mut self, delta: i64) {
        let step = |sel: usize, len: usize| -> usize {
            if len == 0 {
                return 0;
            }
            let max = i64::try_from(len - 1).unwrap_or(i64::MAX);
            usize::try_from((i64::try_from(sel).unwrap_or(0).saturating_add(delta)).clamp(0, max))
                .unwrap_or(0)
        };
        match self.view {
            View::Badges => {
                self.badges.selected = step(self.badges.selected, self.badges.rows.len())
            }
            View::Plan => {
                let len = self.data.plan.sessions.len();
                self.plan.selected = step(self.plan.selected, len);
            }
            View::Today => self.today.selected = step(self.today.selected, self.today_len()),
            View::Log => {
                if delta > 0 {
                    let target = self
                        .log
                        .selected
                        .saturating_add(delta.unsigned_abs() as usize);
                    self.reach_log(target);
                }
                self.log.selected = step(self.log.selected, self.log.entries.len());
            }
            View::Spare => self.spare.selected = step(self.spare.selected, self.spare_len()),
            View::Calendar => {
                let days = match delta {
                    d if d.abs() >= 10 => d.signum() * 28,
                    d => d * 7,
                };
                self.shift_selected_day(days);
            }
        }
    }

    fn move_day(&mut self, delta: i64) {
        if self.view == View::Calendar {
            self.shift_selected_day(delta);
        }
    }

    fn shift_selected_day(&mut self, days: i64) {
        let d = self.calendar.selected;
        let moved = if days >= 0 {
            d.checked_add_days(Days::new(days.unsigned_abs()))
        } else {
            d.checked_sub_days(Days::new(days.unsigned_abs()))
        };
        if let Some(m) = moved {
            self.calendar.selected = m;
        }
        self.load_month_logs();
    }

    fn move_month(&mut self, delta: i32) {
        let d = self.calendar.selected;
        let first = d.with_day(1).unwrap_or(d);
        let target = if delta >= 0 {
            first.checked_add_months(Months::new(delta.unsigned_abs()))
        } else {
            first.checked_sub_months(Months::new(delta.unsigned_abs()))
        };
        if let Some(t) = target {
            let last = crate::domain::dates::last_day_of_month(t.year(), t.month()).unwrap_or(t);
            self.calendar.selected = t.with_day(d.day()).unwrap_or(last).min(last);
        }
        self.load_month_logs();
    }

    fn new_item(&mut self) {
        match self.view {
            View::Badges => {
                self.popup = Some(Popup::BadgeForm(Box::new(BadgeForm::new(None, self.texts))));
            }
            View::Spare => {
                self.popup = Some(Popup::Prompt(Prompt::new(
                    self.texts.window_add_prompt().into(),
                    "",
                    PromptPurpose::WindowAdd,
                )));
                self.popup_changed();
            }
            _ => {}
        }
    }

    fn edit_selected(&mut self, action: Action) {
        match self.view {
            View::Badges => {
                if let Some(b) = self.selected_badge() {
                    let form = BadgeForm::new(Some(&b.badge), self.texts);
                    self.popup = Some(Popup::BadgeForm(Box::new(form)));
                }
            }
            View::Spare => {
                if let Some(w) = self.data.windows.get(self.spare.selected) {
                    // As the New prompt takes it: without `free` (a blackout keeps `off`).
                    let text = crate::present::window::describe(w);
                    let id = w.id.unwrap_or_default();
                    self.popup = Some(Popup::Prompt(Prompt::new(
                        self.texts.window_edit_prompt().into(),
                        &text,
                        PromptPurpose::WindowEdit(id),
                    )));
                    self.popup_changed();
                }
            }
            View::Today | View::Plan if action == Action::Select => {
                self.act_on_session(Action::Select);
            }
            View::Log => self.edit_log_entry(),
            View::Calendar if action == Action::Select => {
                self.view = View::Plan;
                let day = self.calendar.selected;
                self.plan.selected = self
                    .data
                    .plan
                    .sessions
                    .partition_point(|s| s.start.date() < day)
                    .min(self.data.plan.sessions.len().saturating_sub(1));
            }
            _ => {}
        }
    }

    fn delete_selected(&mut self) {
        match self.view {
            View::Badges => {
                if let Some(b) = self.selected_badge() {
                    let logs =
                        crate::store::log::count_of(self.store.conn(), &b.badge.key).unwrap_or(0);
                    let deals: Vec<&str> = self
                        .data
                        .deals
                        .iter()
                        .filter(|d| d.deal.needs.contains(&b.badge.key))
                        .map(|d| d.deal.key.as_str())
                        .collect();
                    self.popup = Some(Popup::Confirm {
                        text: self.texts.confirm_delete_badge(&b.badge.name, logs, &deals),
                        then: Confirmed::DeleteBadge(b.badge.key.clone()),
                    });
                }
            }
            View::Spare if self.selected_busy_source().is_some() => {
                if let Some((source, events, _, _)) = self.selected_busy_source() {
                    self.popup = Some(Popup::Confirm {
                        text: self.texts.confirm_delete_calendar(source, *events),
                        then: Confirmed::DeleteBusy(source.clone()),
                    });
                }
            }
            View::Spare => {
                if let Some(w) = self.data.windows.get(self.spare.selected) {
                    self.popup = Some(Popup::Confirm {
                        text: self
                            .texts
                            .confirm_delete_window(&crate::present::window::describe(w)),
                        then: Confirmed::DeleteWindow(w.id.unwrap_or_default()),
                    });
                }
            }
            View::Log => self.delete_log_entry(),
            _ => {}
        }
    }

    fn renew_selected(&mut self) {
        if self.view != View::Badges {
            return;
        }
        if let Some(b) = self.selected_badge() {
            let days = self.config.issuer(&b.badge.issuer).validity_days;
            let default = self.today() + Days::new(u64::from(days));
            self.popup = Some(Popup::Prompt(Prompt::new(
                self.texts.renew_prompt(&b.badge.name),
                &default.to_string(),
                PromptPurpose::Renew(b.badge.key.clone()),
            )));
        }
    }

    /// Shows the log when the Log view comes up.
    fn load_log_if_shown(&mut self) {
        if self.view == View::Log {
            self.load_log();
        }
    }

    fn pin_selected(&mut self) {
        let Some(s) = self.selected_session().cloned() else {
            self.fail(self.texts.no_session_selected());
            return;
        };
        let r = if s.pinned {
            let id = self
                .data
                .pinned
                .iter()
                .find(|p| p.badge == s.badge && p.start == s.start)
                .and_then(|p| p.id);
            match id {
                Some(id) => {
                    let t = self.texts;
                    changes::remove_pin(&mut self.store, id).map(|d| t.done(&d))
                }
                None => Err(anyhow::anyhow!(self.texts.pin_gone())),
            }
        } else {
            let p = crate::domain::log::Pinned {
                id: None,
                badge: s.badge.clone(),
                start: s.start,
                minutes: s.minutes(),
            };
            changes::add_pin(&mut self.store, &p).map(|_| self.texts.pinned(&s.badge, s.start))
        };
        self.after(r);
    }
}
