//! Each popup's keys, as gitui's popups take theirs: the popup gets the key (and what the
//! key map makes of it) first, changes its own state, and says what happened
//! ([`PopupEvent`]); `App` applies that (a write, a reload, a message). The keys come from
//! the key map's popup and global bindings, so `[ui.keys]` and the help overlay cover
//! them; only the characters of a line being typed bypass it.

use super::{BadgeForm, Confirmed, Popup, QuickAdd};
use crate::domain::badge::Badge;
use crate::domain::quick_add;
use crate::tui::action::Action;
use crate::tui::input::Edit;
use crossterm::event::{KeyEvent, KeyModifiers};

/// What a popup did with a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PopupEvent {
    /// Handled inside the popup; nothing else to do.
    Consumed,
    /// The text (or the form) changed: its preview or checks are due.
    Changed,
    /// Close the popup.
    Close,
    /// Close it, and say the question was not answered yes.
    Cancelled,
    /// Enter on a line, or Save on the form: write what it says.
    Submit,
    /// Yes to a confirmation.
    Confirmed(Confirmed),
    /// The filter changed as typed.
    Filter(String),
    /// Esc on the filter: clear it and close.
    ClearFilter,
    /// Quit sukima (Ctrl-C, from anywhere).
    Quit,
    /// A key of the view under the popup, for what the popup shows (a session's `c`).
    Act(Action),
}

/// What a popup may read while it takes a key.
pub struct PopupCtx<'a> {
    /// The badges, for `#key` completion.
    pub badges: &'a [Badge],
    /// Quick-add lines entered, oldest first.
    pub history: &'a [String],
    /// How far the help overlay scrolls on this screen.
    pub help_max: u16,
    /// What the key does in the view under the popup.
    pub view_action: Option<Action>,
}

impl Popup {
    /// Whether the popup has a line being typed (its characters are text, not keys).
    pub fn is_typing(&self) -> bool {
        self.input().is_some()
    }

    fn input(&self) -> Option<&crate::tui::input::LineInput> {
        match self {
            Popup::QuickAdd(q) => Some(&q.input),
            Popup::Filter(i) => Some(i),
            Popup::Prompt(p) => Some(&p.input),
            // While it asks whether to throw the changes away, `y` is an answer.
            Popup::BadgeForm(f) if f.discard.is_some() => None,
            Popup::BadgeForm(f) => f.fields.get(f.focus).map(|x| &x.input),
            Popup::Steps(s) => s
                .form
                .as_ref()
                .and_then(|f| f.fields.get(f.focus))
                .map(|x| &x.input),
            Popup::Deals(d) => d
                .form
                .as_ref()
                .and_then(|f| f.fields.get(f.focus))
                .map(|x| &x.input),
            Popup::Help { .. }
            | Popup::Confirm { .. }
            | Popup::Report { .. }
            | Popup::Session(_) => None,
        }
    }

    /// Takes a key: `action` is what the key map makes of it in a popup.
    pub fn on_key(
        &mut self,
        action: Option<Action>,
        key: &KeyEvent,
        ctx: &PopupCtx<'_>,
    ) -> PopupEvent {
        // Ctrl-C quits from anywhere (a changed form asks first); a plain `q` in a popup
        // only closes it.
        if action == Some(Action::Quit) && key.modifiers.contains(KeyModifiers::CONTROL) {
            if let Popup::BadgeForm(f) = self
                && f.changed()
                && f.discard.is_none()
            {
                f.discard = Some(super::Discard::Quit);
                return PopupEvent::Consumed;
            }
            return PopupEvent::Quit;
        }
        match self {
            Popup::Help { scroll } => {
                let max = usize::from(ctx.help_max);
                let mut at = usize::from(*scroll);
                let event = scrolled(action, &mut at, max);
                *scroll = u16::try_from(at).unwrap_or(u16::MAX);
                event
            }
            Popup::Report { scroll, lines, .. } => {
                scrolled(action, scroll, lines.len().saturating_sub(1))
            }
            Popup::Confirm { then, .. } => match action {
                // Only an explicit yes deletes: Enter is too easy to press by habit.
                Some(Action::Confirm) => PopupEvent::Confirmed(then.clone()),
                _ => PopupEvent::Cancelled,
            },
            Popup::Filter(input) => match action {
                Some(Action::Back) => PopupEvent::ClearFilter,
                Some(Action::Select | Action::Down | Action::Up) => PopupEvent::Close,
                _ => match input.handle(key) {
                    Edit::Changed => PopupEvent::Filter(input.text()),
                    _ => PopupEvent::Consumed,
                },
            },
            Popup::QuickAdd(q) => match action {
                Some(Action::Back) => PopupEvent::Close,
                Some(Action::Select) => PopupEvent::Submit,
                Some(Action::NextField) => {
                    complete(q, ctx.badges);
                    PopupEvent::Changed
                }
                Some(Action::Up | Action::Down) => {
                    q.history_pos = if action == Some(Action::Up) {
                        q.history_pos.saturating_sub(1)
                    } else {
                        (q.history_pos + 1).min(ctx.history.len())
                    };
                    let text = ctx.history.get(q.history_pos).cloned().unwrap_or_default();
                    q.input.set(&text);
                    PopupEvent::Changed
                }
                _ => edited(q.input.handle(key)),
            },
            Popup::Prompt(p) => match action {
                Some(Action::Back) => PopupEvent::Close,
                Some(Action::Select) => PopupEvent::Submit,
                _ => edited(p.input.handle(key)),
            },
            Popup::BadgeForm(form) => form_key(form, action, key),
            Popup::Session(_) => match (action, ctx.view_action) {
                (
                    _,
                    Some(
                        a @ (Action::Done
                        | Action::Skip
                        | Action::Move
                        | Action::Pin
                        | Action::Open),
                    ),
                ) => PopupEvent::Act(a),
                _ => PopupEvent::Close,
            },
            // It needs the badge's steps: `App` gives it its keys (`App::steps_key`).
            Popup::Steps(_) | Popup::Deals(_) => PopupEvent::Consumed,
        }
    }
}

/// Up, Down, the page keys, Home/`g` and End/`G` scroll a text to `max`; any other key
/// closes it.
fn scrolled(action: Option<Action>, at: &mut usize, max: usize) -> PopupEvent {
    match action {
        Some(Action::Down) => *at = (*at + 1).min(max),
        Some(Action::Up) => *at = at.saturating_sub(1),
        Some(Action::PageDown) => *at = (*at + 10).min(max),
        Some(Action::PageUp) => *at = at.saturating_sub(10),
        Some(Action::Top) => *at = 0,
        Some(Action::Bottom) => *at = max,
        _ => return PopupEvent::Close,
    }
    PopupEvent::Consumed
}

fn edited(edit: Edit) -> PopupEvent {
    match edit {
        Edit::Changed => PopupEvent::Changed,
        _ => PopupEvent::Consumed,
    }
}

fn form_key(form: &mut BadgeForm, action: Option<Action>, key: &KeyEvent) -> PopupEvent {
    // Asked whether to throw the changes away: only yes does; anything else goes back.
    if let Some(then) = form.discard.take() {
        return match (action, then) {
            (Some(Action::Confirm), super::Discard::Close) => PopupEvent::Cancelled,
            (Some(Action::Confirm), super::Discard::Quit) => PopupEvent::Quit,
            _ => PopupEvent::Consumed,
        };
    }
    let n = form.fields.len();
    match action {
        Some(Action::Back) if form.changed() => {
            form.discard = Some(super::Discard::Close);
            PopupEvent::Consumed
        }
        Some(Action::Back) => PopupEvent::Close,
        Some(Action::Save) => PopupEvent::Submit,
        Some(Action::Select) if form.focus + 1 >= n => PopupEvent::Submit,
        Some(Action::Select | Action::NextField | Action::Down) => {
            form.focus = (form.focus + 1) % n;
            PopupEvent::Consumed
        }
        Some(Action::PrevField | Action::Up) => {
            form.focus = (form.focus + n - 1) % n;
            PopupEvent::Consumed
        }
        _ => edited(form.fields[form.focus].input.handle(key)),
    }
}

/// Tab in the quick-add line: completes a partial `#ke` to the one key it can be, or to
/// what the candidates share; pressed again where that is all, goes round them.
fn complete(q: &mut QuickAdd, badges: &[Badge]) {
    let text = q.input.text();
    // Still the text the last cycling Tab produced: the next candidate.
    let next = match &q.cycle {
        Some((base, n, made)) if *made == text => Some((base.clone(), n + 1)),
        _ => None,
    };
    if let Some((base, n)) = next {
        if let Some(done) = quick_add::complete_key_nth(&base, badges, n) {
            q.input.set(&done);
            q.cycle = Some((base, n, done));
        }
    } else if let Some(done) = quick_add::complete_key(&text, badges) {
        q.input.set(&done);
        q.cycle = None;
    } else if quick_add::key_candidates(&text, badges).len() > 1
        && let Some(done) = quick_add::complete_key_nth(&text, badges, 0)
    {
        q.input.set(&done);
        q.cycle = Some((text, 0, done));
    }
}
