//! Acting on the selected session in Today and Plan (DESIGN 1 and 5): its details
//! (Enter), done (`c`, asks the minutes), skip (`s`), move (`m`, a quick-add time with a
//! live preview), pin or unpin (`p`), open its step's or badge's address (`o`, through
//! `App::open_selected`); and "did you study?"
//! for a pinned session whose time passed (`c` done, `s` not done). Each write is one
//! change through `changes::session`, undone with `u` and redone with `U`.

use super::App;
use crate::changes;
use crate::domain::dates::hm;
use crate::domain::duration::format_minutes;
use crate::domain::plan::Session;
use crate::domain::session::{MoveTo, parse_move};
use crate::tui::action::Action;
use crate::tui::popups::{Popup, Prompt, PromptPurpose};
use crate::tui::view::View;

impl App {
    /// How many sessions Today lets you pick: those to answer, then the sessions up to
    /// the end of next week (what it shows).
    pub fn today_len(&self) -> usize {
        let end =
            crate::domain::dates::week_start(self.today(), self.config.ui.week_start.weekday())
                + chrono::Days::new(13);
        self.sessions.partition_point(|s| s.start.date() <= end)
    }

    /// The session under the cursor: Today's selection among the sessions to act on,
    /// or the Plan view's.
    pub fn selected_session(&self) -> Option<&Session> {
        match self.view {
            View::Today => self.sessions.get(self.today.selected),
            View::Plan => self.data.plan.sessions.get(self.plan.selected),
            _ => None,
        }
    }

    /// Whether a session is a pinned one whose time passed (asked about in Today).
    pub fn is_overdue(&self, s: &Session) -> bool {
        s.pinned && s.end <= self.now
    }

    /// `c`, `s`, `m`, `o` and Enter on the selected session.
    pub(super) fn act_on_session(&mut self, action: Action) {
        let Some(s) = self.selected_session().cloned() else {
            self.fail(self.texts.no_session_selected());
            return;
        };
        let t = self.texts;
        let name = self.data.name(&s.badge).to_string();
        let when = format!(
            "{} {}",
            t.day_name(s.start.date(), self.today()),
            hm(s.start.time())
        );
        match action {
            Action::Select => self.popup = Some(Popup::Session(Box::new(s))),
            Action::Done => {
                self.popup = Some(Popup::Prompt(Prompt::new(
                    self.prompt_title(|n| t.done_prompt(n, &when), &name, &s.badge),
                    &format_minutes(s.minutes()),
                    PromptPurpose::Done(Box::new(s)),
                )));
                self.popup_changed();
            }
            Action::Skip if self.is_overdue(&s) => {
                let r = changes::session::not_done(&mut self.store, &s).map(|d| t.done(&d));
                self.after(r);
            }
            Action::Skip => {
                let r = changes::session::skip(&mut self.store, &s).map(|d| t.done(&d));
                self.after(r);
            }
            Action::Move => {
                self.popup = Some(Popup::Prompt(Prompt::new(
                    self.prompt_title(|n| t.move_prompt(n, &when), &name, &s.badge),
                    "",
                    PromptPurpose::Move(Box::new(s)),
                )));
                self.popup_changed();
            }
            Action::Open => self.open_selected(),
            _ => {}
        }
    }

    /// A prompt's title naming the badge by its name, or by its key when the name would
    /// not leave the title whole in the prompt's frame (found at 80 columns: "Studied
    /// Microsoft Certified: Azure Administrator Associate today 10:00: …" lost its
    /// question).
    fn prompt_title(&self, make: impl Fn(&str) -> String, name: &str, key: &str) -> String {
        // The prompt is the screen's width less 4, at most 110, inside its corners.
        let room = usize::from(self.size.width.saturating_sub(4).min(110)).saturating_sub(2);
        let full = make(name);
        if crate::text::width(&full) <= room {
            full
        } else {
            make(key)
        }
    }

    /// The minutes typed in the done prompt: `30`, `30m`, `1h`.
    pub(super) fn typed_minutes(text: &str) -> Option<u32> {
        let t = text.trim();
        t.parse::<u32>()
            .ok()
            .or_else(|| crate::domain::parse_duration(t).ok())
    }

    /// The live preview of the done prompt.
    pub(super) fn done_preview(&self, s: &Session, text: &str) -> Result<String, String> {
        let t = self.texts;
        let minutes = Self::typed_minutes(text).ok_or_else(|| {
            t.parse_error(&crate::domain::quick_add::ParseError {
                message: format!("'{}' is not a duration: write it like 30m", text.trim()),
                span: None,
                kind: Some(crate::domain::quick_add::ParseErrorKind::NotADuration {
                    shown: text.trim().to_string(),
                }),
            })
        })?;
        if !crate::domain::session::minutes_ok(minutes) {
            return Err(t.change_error(&changes::ChangeError::BadMinutes { minutes }));
        }
        Ok(t.done_preview(
            &t.minutes(minutes),
            &t.weekday_date_time(s.start, self.today()),
        ))
    }

    /// Where the move prompt's text takes a session, and why that is a conflict.
    pub(super) fn move_target(
        &self,
        s: &Session,
        text: &str,
    ) -> Result<(MoveTo, Option<String>), String> {
        let badges = &self.data.all_badges;
        let to = parse_move(text, self.now, &s.badge, s.minutes(), badges)
            .map_err(|e| self.texts.parse_error(&e))?;
        let warning = changes::session::move_warning(
            self.store.conn(),
            &self.data.windows,
            to.start,
            s.minutes(),
            self.now,
        )
        .map_err(|e| e.to_string())?
        .map(|w| self.texts.move_warning(&w));
        Ok((to, warning))
    }

    /// Enter in the done or move prompt.
    pub(super) fn submit_session_prompt(&mut self, purpose: &PromptPurpose, text: &str) {
        let t = self.texts;
        let r = match purpose {
            PromptPurpose::Done(s) => match Self::typed_minutes(text) {
                Some(m) => changes::session::done(&mut self.store, s, m).map(|d| t.done(&d)),
                None => Err(anyhow::anyhow!(
                    self.done_preview(s, text).err().unwrap_or_default()
                )),
            },
            PromptPurpose::Move(s) => match self.move_target(s, text) {
                // The preview said so before Enter: a conflict is written, and flagged.
                Ok((to, _)) => {
                    changes::session::move_to(&mut self.store, s, to.start, true, self.now)
                        .map(|d| t.done(&d))
                }
                Err(e) => Err(anyhow::anyhow!(e)),
            },
            _ => return,
        };
        match r {
            Ok(msg) => {
                self.popup = None;
                self.after(Ok(msg));
            }
            Err(e) => {
                if let Some(Popup::Prompt(p)) = self.popup.as_mut() {
                    p.preview = Some(Err(t.error(&e)));
                }
            }
        }
    }

    /// `U` / Ctrl-R: a daily-cap fix just undone comes back first; else the store's redo.
    pub(super) fn redo(&mut self) {
        if self.redo_config() {
            return;
        }
        let t = self.texts;
        let r = changes::redo(&mut self.store).map(|d| t.done(&d));
        self.after(r);
    }
}
