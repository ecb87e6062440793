//! The planner's learning journeys: the steps popup's outcomes written through
//! `crate::actions::steps`, marking the current step done (`c`), and opening a step's or
//! a badge's address in the browser (`o`).

use super::App;
use crate::actions::steps as act;
use crate::tui::popups::Popup;
use crate::tui::popups::steps::{StepsOutcome, StepsPopup};
use crate::tui::strings;
use crate::tui::view::View;
use crossterm::event::KeyEvent;

impl App {
    /// Opens the steps of the selected badge.
    pub(super) fn open_steps(&mut self) {
        if let Some(b) = self.selected_badge() {
            let p = StepsPopup::new(&b.badge.key);
            self.popup = Some(Popup::Steps(p));
        }
    }

    /// Marks the current step of the selected badge done.
    pub(super) fn step_done(&mut self) {
        let Some(b) = self.selected_badge() else {
            return;
        };
        let key = b.badge.key.clone();
        if b.steps.is_empty() {
            self.fail(strings::no_steps(&key));
            return;
        }
        let today = self.today();
        let r = act::set_done(&mut self.store, &key, None, true, today);
        self.after(r);
    }

    /// Opens the address of what is selected: the session's step (or its badge) in Today
    /// and Plan, the current step (or the badge) in Badges.
    pub(super) fn open_selected(&mut self) {
        let url = match self.view {
            View::Today | View::Plan => match self.selected_session() {
                Some(s) => self
                    .data
                    .step_of(s)
                    .and_then(|st| st.url.clone())
                    .or_else(|| self.data.badge(&s.badge).and_then(|b| b.badge.url.clone())),
                None => return self.fail(strings::nothing_to_open()),
            },
            View::Badges => match self.selected_badge() {
                Some(b) => b
                    .journey
                    .as_ref()
                    .and_then(|p| p.current)
                    .and_then(|i| b.steps.get(i))
                    .and_then(|s| s.url.clone())
                    .or_else(|| b.badge.url.clone()),
                None => return self.fail(strings::nothing_to_open()),
            },
            _ => return,
        };
        self.open_url(url);
    }

    /// Hands `url` to the browser, or says why not.
    fn open_url(&mut self, url: Option<String>) {
        let Some(url) = url.filter(|u| crate::domain::step::check_url(u).is_ok()) else {
            self.fail(strings::no_url());
            return;
        };
        match crate::tui::open::open(&url, self.browser.as_deref()) {
            Ok(()) => self.say(strings::opening(&url)),
            Err(e) => self.fail(strings::cannot_open(&e)),
        }
    }

    /// A key in the steps popup.
    pub(super) fn steps_key(&mut self, key: &KeyEvent) {
        let Some(Popup::Steps(p)) = self.popup.as_mut() else {
            return;
        };
        let (steps, cycle, badge_url) = match self.data.badge(&p.key) {
            Some(b) => (b.steps.clone(), b.badge.cycle_start(), b.badge.url.clone()),
            None => {
                self.popup = None;
                return;
            }
        };
        let badge_key = p.key.clone();
        let outcome = p.key(key, &steps, cycle);
        let today = self.today();
        let written = match &outcome {
            StepsOutcome::Nothing => return,
            StepsOutcome::Close => {
                self.popup = None;
                return;
            }
            StepsOutcome::Open(url) => {
                self.open_url(url.clone().or(badge_url));
                return;
            }
            StepsOutcome::Undo => crate::actions::undo(&mut self.store),
            StepsOutcome::Add(s) => act::add(&mut self.store, &badge_key, s, None),
            StepsOutcome::Edit(n, s) => act::edit(&mut self.store, &badge_key, *n, s, None),
            StepsOutcome::Done(n, done) => {
                act::set_done(&mut self.store, &badge_key, Some(*n), *done, today)
            }
            StepsOutcome::Move(from, to) => act::reorder(&mut self.store, &badge_key, *from, *to),
            StepsOutcome::Delete(n) => act::remove(&mut self.store, &badge_key, *n)
                .map(|m| format!("{m} ({})", strings::undo_hint())),
        };
        let ok = self.after(written);
        if let Some(Popup::Steps(p)) = self.popup.as_mut() {
            let count = self.data.badge(&p.key).map_or(0, |b| b.steps.len());
            match (&outcome, ok) {
                (StepsOutcome::Add(_), true) => p.added(count),
                (StepsOutcome::Move(from, _), false) => p.selected = from - 1,
                (_, true) => {
                    p.form = None;
                    p.selected = p.selected.min(count.saturating_sub(1));
                }
                _ => {}
            }
        }
    }
}
