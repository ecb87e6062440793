//! The open popup: its keys (which the popup handles itself, `popups::keys`), its live
//! preview, and what Enter writes.

use super::App;
use crate::changes;
use crate::domain::badge::Badge;
use crate::domain::quick_add;
use crate::tui::action::Action;
use crate::tui::keymap::Key;
use crate::tui::layout;
use crate::tui::popups::keys::{PopupCtx, PopupEvent};
use crate::tui::popups::{Confirmed, Popup, PromptPurpose};
use crossterm::event::KeyEvent;

impl App {
    /// A key for the open popup: the popup takes it (with what the key map makes of it)
    /// and says what happened; this applies that.
    pub(super) fn popup_key(&mut self, key: KeyEvent) {
        if matches!(self.popup, Some(Popup::Deals(_))) {
            self.deals_key(&key);
            return;
        }
        if matches!(self.popup, Some(Popup::Steps(_))) {
            if self.keymap.popup_action(Key::of(&key), false) == Some(Action::Quit)
                && key
                    .modifiers
                    .contains(crossterm::event::KeyModifiers::CONTROL)
            {
                self.quit = true;
            } else {
                self.steps_key(&key);
            }
            return;
        }
        let help_max = self.help_max();
        let Some(popup) = self.popup.as_mut() else {
            return;
        };
        let action = self.keymap.popup_action(Key::of(&key), popup.is_typing());
        let view_action = self.keymap.action(self.view, Key::of(&key));
        let ctx = PopupCtx {
            badges: &self.data.all_badges,
            history: &self.history,
            help_max,
            view_action,
        };
        match popup.on_key(action, &key, &ctx) {
            PopupEvent::Consumed => {}
            PopupEvent::Changed => self.popup_changed(),
            PopupEvent::Close => self.popup = None,
            PopupEvent::Cancelled => {
                self.popup = None;
                self.say(self.texts.cancelled());
            }
            PopupEvent::Submit => match self.popup {
                Some(Popup::QuickAdd(_)) => self.submit_quick_add(),
                Some(Popup::Prompt(_)) => self.submit_prompt(),
                Some(Popup::BadgeForm(_)) => self.submit_form(),
                _ => self.popup = None,
            },
            PopupEvent::Confirmed(then) => {
                self.popup = None;
                let r = match then {
                    Confirmed::DeleteBadge(k) => changes::remove_badge(&mut self.store, &k),
                    Confirmed::DeleteWindow(id) => changes::remove_window(&mut self.store, id),
                    Confirmed::DeleteBusy(source) => {
                        changes::remove_busy_source(&mut self.store, &source)
                    }
                };
                let t = self.texts;
                self.after(r.map(|d| t.done(&d)));
            }
            PopupEvent::Filter(text) => {
                self.badges.filter = text;
                self.badges.selected = 0;
                self.refresh_rows();
            }
            PopupEvent::ClearFilter => {
                self.badges.filter.clear();
                self.popup = None;
                self.refresh_rows();
            }
            PopupEvent::Quit => self.quit = true,
            PopupEvent::Act(action) => {
                self.popup = None;
                self.act(action);
            }
        }
    }

    /// How far the help overlay scrolls on this screen (its last line at the bottom).
    pub(super) fn help_max(&self) -> u16 {
        layout::help_max_scroll(
            crate::tui::popups::help_line_count(&self.keymap, self.texts),
            self.size,
        )
    }

    /// Recomputes the live preview of the open popup.
    pub(super) fn popup_changed(&mut self) {
        let now = self.now;
        if let Some(Popup::QuickAdd(q)) = self.popup.as_ref() {
            let text = q.input.text();
            let (preview, span) = self.quick_add_preview(&text, &self.data.all_badges);
            if let Some(Popup::QuickAdd(q)) = self.popup.as_mut() {
                q.preview = preview;
                q.error_span = span;
            }
            return;
        }
        match self.popup.as_mut() {
            Some(Popup::Prompt(p))
                if matches!(
                    p.purpose,
                    PromptPurpose::WindowAdd | PromptPurpose::WindowEdit(_)
                ) =>
            {
                let typed = p.input.text();
                let text = window_text(&typed);
                // Nothing typed yet is not an error: the title shows what to type.
                p.preview = (!typed.trim().is_empty()).then(|| {
                    quick_add::parse(&text, now, &self.data.all_badges)
                        .map_err(|e| self.texts.parse_error(&e))
                        .and_then(|i| match i {
                            quick_add::Intent::Window(w) => {
                                Ok(format!("→ {}", crate::present::window::describe(&w)))
                            }
                            _ => Err(self.texts.not_spare_time().into()),
                        })
                });
            }
            Some(Popup::Prompt(p)) => {
                let text = p.input.text();
                let purpose = p.purpose.clone();
                let preview = match &purpose {
                    PromptPurpose::Done(s) => Some(self.done_preview(s, &text)),
                    PromptPurpose::Move(s) if text.trim().is_empty() => None,
                    PromptPurpose::Move(s) => Some(self.move_target(s, &text).map(|(to, w)| {
                        self.texts.move_preview(
                            &self.texts.weekday_date_time(to.start, self.today()),
                            w.as_deref(),
                        )
                    })),
                    PromptPurpose::LogEdit(id) => Some(self.log_line_preview(&text, Some(*id))),
                    _ => None,
                };
                if let Some(Popup::Prompt(p)) = self.popup.as_mut() {
                    p.preview = preview;
                }
            }
            // Pasted text filters and validates as typed text does.
            Some(Popup::Filter(input)) => {
                self.badges.filter = input.text();
                self.badges.selected = 0;
                self.refresh_rows();
            }
            Some(Popup::BadgeForm(form)) => form.validate(&self.config, &self.data, self.texts),
            _ => {}
        }
    }

    /// The quick-add line's preview and the span its error is about.
    fn quick_add_preview(
        &self,
        text: &str,
        badges: &[Badge],
    ) -> (
        Option<Result<String, String>>,
        Option<std::ops::Range<usize>>,
    ) {
        let now = self.now;
        if text.trim().is_empty() {
            return (None, None);
        }
        match quick_add::parse(text, now, badges) {
            Ok(i) => {
                // Said before Enter: a pin that writing it would refuse.
                let clash = match &i {
                    quick_add::Intent::Pin(p) => p.clash(&self.data.pinned).map(|o| {
                        self.texts.change_error(&changes::ChangeError::PinClash {
                            start: p.start,
                            other_badge: o.badge.clone(),
                            other_start: o.start,
                            other_end: o.end(),
                        })
                    }),
                    _ => None,
                };
                // Said before Enter too: study that overlaps study logged.
                let overlap = match &i {
                    quick_add::Intent::Log(e) => self.overlap_text(e),
                    _ => None,
                };
                let shown = self.texts.intent(&i, badges, now.date(), true);
                let preview = match (clash, overlap) {
                    (Some(why), _) => Err(why),
                    (None, Some(w)) => Ok(format!("{shown} {w}")),
                    (None, None) => Ok(shown),
                };
                (Some(preview), None)
            }
            Err(e) => (Some(Err(self.texts.parse_error(&e))), e.span.clone()),
        }
    }

    fn submit_quick_add(&mut self) {
        let Some(Popup::QuickAdd(q)) = self.popup.as_ref() else {
            return;
        };
        let text = q.input.text();
        if text.trim().is_empty() {
            self.popup = None;
            return;
        }
        let badges = self.data.all_badges.clone();
        let (t, today) = (self.texts, self.now.date());
        let r = quick_add::parse(&text, self.now, &badges)
            .map_err(anyhow::Error::from)
            .and_then(|intent| {
                let conflicts = changes::apply_intent(&mut self.store, &intent)?;
                let said = t.intent(&intent, &badges, today, false);
                Ok(match conflicts {
                    0 => said,
                    n => format!("{said} · {}", t.blackout_conflicts(n)),
                })
            });
        if self.history.last() != Some(&text) {
            self.history.push(text);
        }
        if self.after(r) {
            self.popup = None;
        }
    }

    fn submit_prompt(&mut self) {
        let Some(Popup::Prompt(p)) = self.popup.as_ref() else {
            return;
        };
        let text = p.input.text();
        let purpose = p.purpose.clone();
        match &purpose {
            PromptPurpose::Done(_) | PromptPurpose::Move(_) => {
                self.submit_session_prompt(&purpose, &text);
                return;
            }
            PromptPurpose::LogEdit(id) => {
                self.submit_log_edit(*id, &text);
                return;
            }
            _ => {}
        }
        let r = match purpose {
            PromptPurpose::Renew(key) => crate::domain::dates::parse_date_or_period(&text)
                .map_err(anyhow::Error::from)
                .and_then(|d| changes::renew_badge(&mut self.store, &key, self.now.date(), d))
                .map(|d| self.texts.done(&d)),
            PromptPurpose::Import
                if let Some(profile) = crate::changes::import::profile_in(&text) =>
            {
                self.start_fetch(profile);
                return;
            }
            PromptPurpose::Import => {
                let imported = crate::changes::import::expand_paths(&text).and_then(|files| {
                    crate::changes::import::import_paths(
                        &mut self.store,
                        &self.config,
                        self.now,
                        &files,
                    )
                });
                match imported {
                    Ok(imported) => {
                        self.popup = None;
                        self.imported(imported);
                        return;
                    }
                    Err(e) => Err(e),
                }
            }
            PromptPurpose::WindowAdd | PromptPurpose::WindowEdit(_) => {
                let badges = self.data.all_badges.clone();
                match quick_add::parse(&window_text(&text), self.now, &badges) {
                    Ok(quick_add::Intent::Window(w)) => match purpose {
                        PromptPurpose::WindowEdit(id) => {
                            changes::edit_window(&mut self.store, id, &w)
                        }
                        _ => changes::add_window(&mut self.store, &w),
                    }
                    .map(|d| self.texts.done(&d)),
                    Ok(_) => Err(anyhow::anyhow!(self.texts.not_spare_time())),
                    Err(e) => Err(e.into()),
                }
            }
            PromptPurpose::Done(_) | PromptPurpose::Move(_) | PromptPurpose::LogEdit(_) => return,
        };
        match r {
            Ok(msg) => {
                self.popup = None;
                self.report(&msg);
            }
            Err(e) => {
                // In the planner's language where the error is typed (a refused row).
                let said = self.texts.error(&e);
                if let Some(Popup::Prompt(p)) = self.popup.as_mut() {
                    p.preview = Some(Err(said));
                }
            }
        }
    }

    /// What a change reported: its first line on the status line; a report of several
    /// lines (an import) stays open to be read.
    pub(super) fn report(&mut self, msg: &str) {
        let mut lines = msg.lines().map(str::to_string);
        let headline = lines.next().unwrap_or_default();
        let rest: Vec<String> = lines.collect();
        self.after(Ok(headline));
        if !rest.is_empty() {
            self.popup = Some(Popup::Report {
                title: self.texts.import_report().to_string(),
                lines: msg.lines().map(str::to_string).collect(),
                scroll: 0,
            });
        }
    }

    /// What an import brought in: badges as [`Self::report`] shows them; a calendar's
    /// short headline (how many, under which name, how many left out) on the status line
    /// and the whole report, with what was left out and why, open to be read.
    pub(super) fn imported(&mut self, imported: crate::changes::import::Imported) {
        use crate::changes::import::Imported;
        match imported {
            Imported::Badges(plan) => self.report(&self.texts.badge_import(&plan, self.today())),
            Imported::Calendar(r) => {
                let headline = self.texts.calendar_headline(&r);
                let lines = self
                    .texts
                    .done(&crate::domain::change::Done::CalendarImported(r))
                    .lines()
                    .map(str::to_string)
                    .collect();
                if self.after(Ok(headline)) {
                    self.popup = Some(Popup::Report {
                        title: self.texts.import_report().to_string(),
                        lines,
                        scroll: 0,
                    });
                }
            }
        }
    }

    fn submit_form(&mut self) {
        let Some(Popup::BadgeForm(form)) = self.popup.as_mut() else {
            return;
        };
        form.validate(&self.config, &self.data, self.texts);
        if let Some(i) = form.fields.iter().position(|f| f.error.is_some()) {
            form.focus = i;
            return;
        }
        let badge = match form.build(&self.config, &self.data, self.texts) {
            Ok(b) => b,
            Err(e) => {
                form.message = Some(e);
                return;
            }
        };
        let original = form.original.clone();
        let r = match &original {
            Some(old) => changes::edit_badge(&mut self.store, &old.key, &badge),
            None => changes::add_badge(&mut self.store, &badge),
        };
        match r {
            Ok(done) => {
                self.popup = None;
                self.after(Ok(self.texts.done(&done)));
                if let Some(pos) = self
                    .badges
                    .rows
                    .iter()
                    .position(|&i| self.data.badges[i].badge.key == badge.key)
                {
                    self.badges.selected = pos;
                }
            }
            Err(e) => {
                let said = self.texts.error(&e);
                if let Some(Popup::BadgeForm(form)) = self.popup.as_mut() {
                    form.message = Some(said);
                }
            }
        }
    }
}

/// The window grammar of the prompt: `free …` unless it already starts with `free`,
/// `off` or `空き`.
fn window_text(text: &str) -> String {
    let t = text.trim_start();
    let lower = t.to_lowercase();
    if lower.starts_with("free ")
        || lower.starts_with("off ")
        || t.starts_with("空き")
        || t.starts_with("休み")
        || lower == "off"
    {
        t.to_string()
    } else {
        format!("free {t}")
    }
}
