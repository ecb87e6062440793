//! The planner's deals: the deals popup (`D`) and its outcomes written through
//! `crate::changes::deals`, each one undoable change.

use super::App;
use crate::changes::deals as act;
use crate::changes::{ChangeError, deals};
use crate::tui::keymap::Key;
use crate::tui::popups::Popup;
use crate::tui::popups::deals::{DealForm, DealsOutcome, DealsPopup};
use crossterm::event::KeyEvent;

impl App {
    /// Opens the deals list.
    pub(super) fn open_deals(&mut self) {
        self.popup = Some(Popup::Deals(DealsPopup::default()));
    }

    /// A key in the deals popup (it takes its own keys; this writes what they ask for).
    pub(super) fn deals_key(&mut self, key: &KeyEvent) {
        let texts = self.texts;
        let today = self.today();
        let typing = matches!(&self.popup, Some(Popup::Deals(p)) if p.is_typing());
        let action = self.keymap.popup_action(Key::of(key), typing);
        if action == Some(crate::tui::action::Action::Quit)
            && key
                .modifiers
                .contains(crossterm::event::KeyModifiers::CONTROL)
        {
            self.quit = true;
            return;
        }
        let Some(Popup::Deals(p)) = self.popup.as_mut() else {
            return;
        };
        let list: Vec<&crate::domain::deal::DealStatus> = self.data.deals.iter().collect();
        let outcome = p.key(action, key, &list, today, texts);
        let written = match &outcome {
            DealsOutcome::Nothing => return,
            DealsOutcome::Close => {
                self.popup = None;
                return;
            }
            DealsOutcome::Undo => crate::changes::undo(&mut self.store),
            DealsOutcome::Add(d) => {
                let mut d = d.clone();
                match deals::key_for(self.store.conn(), &d.name) {
                    Ok(k) => {
                        d.key = k;
                        act::add(&mut self.store, &d)
                    }
                    Err(e) => Err(e),
                }
            }
            DealsOutcome::Edit(old, d) => act::edit(&mut self.store, old, d),
            DealsOutcome::CloseDeal(k, state) => act::close(&mut self.store, k, *state),
            DealsOutcome::Delete(k) => act::remove(&mut self.store, k),
        };
        let deleted = matches!(outcome, DealsOutcome::Delete(_));
        match written {
            Ok(d) => {
                let text = texts.done(&d);
                let text = if deleted {
                    format!("{text} ({})", texts.undo_key_hint())
                } else {
                    text
                };
                self.after(Ok(text));
                if let Some(Popup::Deals(p)) = self.popup.as_mut() {
                    p.form = None;
                    p.selected = p.selected.min(self.data.deals.len().saturating_sub(1));
                }
            }
            Err(e) => {
                let text = texts.error(&e);
                // A refusal of the form's deal goes beside the form, on its field.
                let field = e
                    .chain()
                    .find_map(|c| c.downcast_ref::<ChangeError>())
                    .and_then(|c| match c {
                        ChangeError::Deal(d) => Some(DealForm::field_of(d)),
                        _ => None,
                    });
                if let Some(Popup::Deals(p)) = self.popup.as_mut() {
                    match (p.form.as_mut(), field) {
                        (Some(f), Some(i)) => {
                            f.focus = i;
                            f.error = Some((i, text));
                        }
                        (Some(f), None) => f.error = Some((f.focus, text)),
                        (None, _) => p.error = Some(text),
                    }
                }
            }
        }
    }
}
