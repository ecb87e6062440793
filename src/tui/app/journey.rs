//! The planner's learning journeys: the steps popup's outcomes written through
//! `crate::changes::steps`, marking the current step done (`c`), and opening a step's or
//! a badge's address in the browser (`o`).

use super::App;
use crate::changes::steps as act;
use crate::tui::popups::Popup;
use crate::tui::popups::steps::{StepsOutcome, StepsPopup};
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
            self.fail(self.texts.no_steps(&key));
            return;
        }
        let today = self.today();
        let t = self.texts;
        let r = act::set_done(&mut self.store, &key, None, true, today).map(|d| t.done(&d));
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
                None => return self.fail(self.texts.nothing_to_open()),
            },
            View::Badges => match self.selected_badge() {
                Some(b) => b
                    .journey
                    .as_ref()
                    .and_then(|p| p.current)
                    .and_then(|i| b.steps.get(i))
                    .and_then(|s| s.url.clone())
                    .or_else(|| b.badge.url.clone()),
                None => return self.fail(self.texts.nothing_to_open()),
            },
            _ => return,
        };
        self.open_url(url);
    }

    /// Hands `url` to the browser, or says why not.
    fn open_url(&mut self, url: Option<String>) {
        let Some(url) = url.filter(|u| crate::domain::step::check_url(u).is_ok()) else {
            self.fail(self.texts.no_url());
            return;
        };
        match crate::tui::open::open(&url, self.browser.as_deref()) {
            Ok(()) => self.say(self.texts.opening(&url)),
            Err(e) => self.fail(self.texts.cannot_open(&e)),
        }
    }

    /// A key in the steps popup (it takes its own keys; this writes what they ask for).
    pub(super) fn steps_key(&mut self, key: &KeyEvent) {
        let texts = self.texts;
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
        let outcome = p.key(key, &steps, cycle, texts);
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
            StepsOutcome::Undo => crate::changes::undo(&mut self.store),
            StepsOutcome::Add(s) => act::add(&mut self.store, &badge_key, s, None),
            StepsOutcome::Edit(n, s) => act::edit(&mut self.store, &badge_key, *n, s, None),
            StepsOutcome::Done(n, done) => {
                act::set_done(&mut self.store, &badge_key, Some(*n), *done, today)
            }
            StepsOutcome::Move(from, to) => act::reorder(&mut self.store, &badge_key, *from, *to),
            StepsOutcome::Delete(n) => act::remove(&mut self.store, &badge_key, *n),
        };
        let deleted = matches!(outcome, StepsOutcome::Delete(_));
        let written = written.map(|d| {
            let text = texts.done(&d);
            if deleted {
                format!("{text} ({})", texts.undo_key_hint())
            } else {
                text
            }
        });
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
