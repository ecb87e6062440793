//! The fixes of a badge at risk, applied from the planner: a window or a priority change
//! through `changes`, or the daily cap in `config.toml`, which `u` can take back and `U`
//! apply again. The cap lives in the config file, not in the undo journal, so it joins
//! the journal's undo and redo only at the top: `u` takes it back while no database change
//! came after it, and `U` applies it again while nothing was changed, undone or redone
//! since (after that, `U` redoes the journal's changes only).

use super::App;
use crate::changes;
use crate::config::Config;

/// What a daily-cap fix changed, to undo it: the config as it was, the file's text as it
/// was (`None`: there was no file; only for a fix written to a file), and the undo
/// journal's last entry then (a database change after it comes first for `u`).
pub(super) struct ConfigUndo {
    config: Config,
    file: Option<(std::path::PathBuf, Option<String>)>,
    journal_top: Option<i64>,
}

/// A daily-cap fix taken back, to apply again: the cap, and the journal's undo and redo
/// tops when it was taken back (any change to either since makes it stale).
pub(super) struct ConfigRedo {
    minutes: u32,
    marks: (Option<i64>, Option<i64>),
}

impl App {
    /// Applies the selected fix: one change, undone with `u`.
    pub(super) fn apply_fix(&mut self) {
        self.fixes.poll();
        let Some((_, fix)) = self.fixes.selected() else {
            let text = if self.fixes.searching() {
                self.texts.fixes_searching()
            } else {
                self.texts.no_fixes()
            };
            self.say(text);
            return;
        };
        let fix = fix.clone();
        match &fix {
            crate::planning::fixes::Fix::DailyCap { minutes } => self.set_daily_cap(*minutes),
            crate::planning::fixes::Fix::Window { .. } => {
                let Some(w) = fix.window() else { return };
                let t = self.texts;
                let r = changes::add_window(&mut self.store, &w).map(|d| t.done(&d));
                self.after(r);
            }
            crate::planning::fixes::Fix::LowerPriority { badges, to, .. } => {
                let t = self.texts;
                let r = changes::set_priority(&mut self.store, badges, *to).map(|d| t.done(&d));
                self.after(r);
            }
        }
    }

    /// The daily-cap fix: `config.toml` gets the new cap (on the demo data, only the
    /// settings in memory), and `u` can put it back.
    fn set_daily_cap(&mut self, minutes: u32) {
        let old = self.config.clone();
        let journal_top = self.store.last_action_id().ok().flatten();
        let value = crate::domain::format_minutes(minutes);
        let file = if self.demo {
            None
        } else {
            let Some(path) = self
                .config_path
                .clone()
                .or_else(crate::config::default_path)
            else {
                self.fail(self.texts.no_config_folder());
                return;
            };
            let before = std::fs::read_to_string(&path).ok();
            if let Err(e) = crate::config::set_in_file(&path, "planner.daily_cap", &value) {
                self.fail(e);
                return;
            }
            Some((path, before))
        };
        self.config.planner.daily_cap = crate::config::Minutes(minutes);
        self.config_redo = None;
        self.config_undo = Some(ConfigUndo {
            config: old,
            file,
            journal_top,
        });
        self.reload();
        self.say(self.texts.daily_cap_set(&value, self.demo));
    }

    /// Takes back the last daily-cap fix, when nothing was written to the database since.
    pub(super) fn undo_config(&mut self) -> bool {
        let Some(u) = self.config_undo.take() else {
            return false;
        };
        if self.store.last_action_id().ok().flatten() != u.journal_top {
            // A change to the database came after it: that one is undone first.
            self.config_undo = Some(u);
            return false;
        }
        if let Some((path, before)) = &u.file {
            let restored = match before {
                Some(text) => std::fs::write(path, text),
                None => std::fs::remove_file(path),
            };
            if let Err(e) = restored {
                self.fail(e);
                return true;
            }
        }
        let cap = crate::domain::format_minutes(u.config.planner.daily_cap.0);
        let undone = self.config.planner.daily_cap.0;
        self.config = u.config;
        self.config_redo = Some(ConfigRedo {
            minutes: undone,
            marks: self.journal_marks(),
        });
        self.reload();
        self.say(self.texts.daily_cap_undone(&cap));
        true
    }

    /// The journal's undo and redo tops.
    fn journal_marks(&self) -> (Option<i64>, Option<i64>) {
        (
            self.store.last_action_id().ok().flatten(),
            self.store.next_redo_id().ok().flatten(),
        )
    }

    /// Applies again the daily-cap fix `u` just took back, if nothing happened since.
    pub(super) fn redo_config(&mut self) -> bool {
        let Some(r) = self.config_redo.take() else {
            return false;
        };
        if r.marks != self.journal_marks() {
            return false;
        }
        self.set_daily_cap(r.minutes);
        true
    }
}
