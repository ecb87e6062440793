//! The popups: quick-add line, help overlay, confirmation, prompts and the badge form.
//! Their state lives here; each takes its own keys ([`keys`]) and says what happened,
//! which `App::update` applies; the renderers only read it.

use super::input::LineInput;
use super::texts::ScreenTexts;
use crate::config::Config;
use crate::domain::badge::fields::{self, Field as BadgeField};
use crate::domain::badge::{Badge, Priority};
use crate::domain::validation::IssuerRule;
use crate::planning::Overview;

pub mod deals;
pub mod keys;
pub mod render;
pub mod steps;

/// The open popup, at most one.
#[derive(Debug, Clone)]
pub enum Popup {
    QuickAdd(QuickAdd),
    Help {
        scroll: u16,
    },
    Confirm {
        text: String,
        then: Confirmed,
    },
    /// A report to read, such as what an import did.
    Report {
        title: String,
        lines: Vec<String>,
        scroll: usize,
    },
    Filter(LineInput),
    Prompt(Prompt),
    BadgeForm(Box<BadgeForm>),
    /// A session's details and what can be done with it.
    Session(Box<crate::domain::plan::Session>),
    /// A badge's steps (Badges view, `t`): it takes its own keys (`steps::StepsPopup::key`).
    Steps(steps::StepsPopup),
    /// The deals (Today and Badges, `D`): it takes its own keys (`deals::DealsPopup::key`).
    Deals(deals::DealsPopup),
}

impl Popup {
    /// The text input being edited, if any (for pasting).
    pub fn input_mut(&mut self) -> Option<&mut LineInput> {
        match self {
            Popup::QuickAdd(q) => Some(&mut q.input),
            Popup::Filter(i) => Some(i),
            Popup::Prompt(p) => Some(&mut p.input),
            Popup::BadgeForm(f) => {
                let i = f.focus;
                f.fields.get_mut(i).map(|x| &mut x.input)
            }
            Popup::Steps(s) => s.input_mut(),
            Popup::Deals(d) => d.input_mut(),
            Popup::Help { .. }
            | Popup::Confirm { .. }
            | Popup::Report { .. }
            | Popup::Session(_) => None,
        }
    }
}

/// How many lines the help overlay has: each group of the key map (a title, its bindings
/// and a blank line), then the quick-add grammar under its title.
pub fn help_line_count(keymap: &super::keymap::KeyMap, texts: &dyn ScreenTexts) -> usize {
    let bindings: usize = keymap.help().iter().map(|(_, e)| e.len() + 2).sum();
    bindings + 1 + texts.quick_add_help().len()
}

/// Typed in the form's expiry: the badge never expires (empty takes the issuer's
/// validity from the day it was earned).
pub const NEVER: &str = "never";

/// Whether the expiry typed says "no expiry".
fn says_never(v: &str) -> bool {
    let v = v.trim();
    v.eq_ignore_ascii_case(NEVER) || v == "なし" || v == "無期限"
}

/// What a confirmation confirms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirmed {
    DeleteBadge(String),
    DeleteWindow(i64),
    /// Every busy time of a calendar import (or of skipped sessions).
    DeleteBusy(String),
}

/// The quick-add line with its live preview.
#[derive(Debug, Clone)]
pub struct QuickAdd {
    pub input: LineInput,
    /// Where Up/Down is in the history (`history.len()` = a new line).
    pub history_pos: usize,
    /// What Enter would do, or why it cannot.
    pub preview: Option<Result<String, String>>,
    /// The bytes of the token the error is about, to underline.
    pub error_span: Option<std::ops::Range<usize>>,
    /// Tab cycling through the keys a partial `#ke` can be: the text before the first
    /// cycling Tab, the candidate shown, and the text it produced.
    pub cycle: Option<(String, usize, String)>,
}

impl QuickAdd {
    /// An empty line.
    pub fn new(history_len: usize) -> QuickAdd {
        QuickAdd {
            input: LineInput::default(),
            history_pos: history_len,
            preview: None,
            error_span: None,
            cycle: None,
        }
    }
}

/// What a prompt asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptPurpose {
    /// The new expiry of a renewed badge.
    Renew(String),
    /// A file to import.
    Import,
    /// A new window in the quick-add grammar.
    WindowAdd,
    /// A changed window.
    WindowEdit(i64),
    /// The minutes a session was studied.
    Done(Box<crate::domain::plan::Session>),
    /// Where a session moves to.
    Move(Box<crate::domain::plan::Session>),
    /// A log entry, changed (as a quick-add line).
    LogEdit(i64),
}

/// A one-line question.
#[derive(Debug, Clone)]
pub struct Prompt {
    pub title: String,
    pub input: LineInput,
    pub purpose: PromptPurpose,
    pub preview: Option<Result<String, String>>,
}

impl Prompt {
    /// A prompt prefilled with `text`.
    pub fn new(title: String, text: &str, purpose: PromptPurpose) -> Prompt {
        Prompt {
            title,
            input: LineInput::new(text),
            purpose,
            preview: None,
        }
    }
}

/// One field of the badge form.
#[derive(Debug, Clone)]
pub struct Field {
    pub field: BadgeField,
    pub label: &'static str,
    pub input: LineInput,
    pub error: Option<String>,
    /// A hint shown when the field is empty or focused.
    pub hint: &'static str,
}

/// Why the prerequisites `keys` will not do for the badge keyed `key` (stored as
/// `own_key`), if they will not: a key with no badge, an archived one added, or a loop.
fn after_problem(
    keys: &[String],
    own_key: Option<&str>,
    key: &str,
    original: Option<&Badge>,
    data: &Overview,
    texts: &dyn ScreenTexts,
) -> Option<String> {
    let this = if key.is_empty() {
        own_key.unwrap_or("")
    } else {
        key
    };
    if let Some(k) = keys.iter().find(|k| data.badge(k).is_none()) {
        return Some(texts.no_badge_with_key(k));
    }
    let mut all: Vec<Badge> = data
        .badges
        .iter()
        .filter(|b| Some(b.badge.key.as_str()) != own_key)
        .map(|b| b.badge.clone())
        .collect();
    let mut me = original.cloned().unwrap_or_default();
    me.key = this.to_string();
    me.after = keys.to_vec();
    all.push(me);
    let previous = original.map(|b| b.after.clone()).unwrap_or_default();
    crate::domain::prereq::check(this, keys, &previous, &all)
        .err()
        .map(|e| texts.prereq_problem(&e))
}

/// The add/edit form of a badge: every field, checked as you type by the parser the
/// command line's flags use (`domain::badge::fields`).
#[derive(Debug, Clone)]
pub struct BadgeForm {
    /// The badge being edited (`None` when adding).
    pub original: Option<Badge>,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// A problem with the whole form (from saving).
    pub message: Option<String>,
    /// The fields as the form opened, to tell whether anything changed.
    pub initial: Vec<String>,
    /// Asking whether to throw the changes away: on Esc (close) or Ctrl-C (quit).
    pub discard: Option<Discard>,
}

/// What throwing a changed form away leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Discard {
    Close,
    Quit,
}

impl BadgeForm {
    /// A form for a new badge, or prefilled from `badge`.
    pub fn new(badge: Option<&Badge>, texts: &dyn ScreenTexts) -> BadgeForm {
        // A new badge starts empty (an empty effort is the issuer's default), at normal
        // priority.
        let value = |field: BadgeField| match badge {
            // Empty means the issuer's validity: a held badge without an expiry says so.
            Some(b) if field == BadgeField::Expires && b.is_held() && b.expires_on.is_none() => {
                NEVER.to_string()
            }
            Some(b) => field.text(b),
            None if field == BadgeField::Priority => Priority::Normal.to_string(),
            None => String::new(),
        };
        let initial = BadgeField::ALL.into_iter().map(value).collect();
        BadgeForm {
            original: badge.cloned(),
            initial,
            discard: None,
            fields: BadgeField::ALL
                .into_iter()
                .map(|field| {
                    let (label, hint) = texts.form_field(field);
                    Field {
                        field,
                        label,
                        input: LineInput::new(&value(field)),
                        error: None,
                        hint,
                    }
                })
                .collect(),
            focus: 0,
            message: None,
        }
    }

    /// Whether any field differs from what the form opened with.
    pub fn changed(&self) -> bool {
        self.fields
            .iter()
            .zip(&self.initial)
            .any(|(f, i)| f.input.text() != *i)
    }

    fn get(&self, field: BadgeField) -> String {
        self.fields
            .iter()
            .find(|f| f.field == field)
            .map(|f| f.input.text().trim().to_string())
            .unwrap_or_default()
    }

    /// Checks every field, setting or clearing its error.
    pub fn validate(&mut self, config: &Config, data: &Overview, texts: &dyn ScreenTexts) {
        let own_key = self.original.as_ref().map(|b| b.key.clone());
        let key_value = self.get(BadgeField::Key);
        for f in &mut self.fields {
            let v = f.input.text();
            let v = v.trim();
            let mut scratch = Badge::default();
            let v = if f.field == BadgeField::Expires && says_never(v) {
                ""
            } else {
                v
            };
            f.error = match (f.field, fields::set(&mut scratch, f.field, v, &|_| 0)) {
                // An empty key is made from the name.
                (BadgeField::Key, _) if v.is_empty() => None,
                (BadgeField::Issuer, _) => config
                    .known_issuers(data.badges.iter().map(|b| b.badge.issuer.as_str()))
                    .resolve(v, IssuerRule::MustBeKnown)
                    .err()
                    .map(|e| texts.badge_error(&e)),
                (_, Err(e)) => Some(texts.field_error(&e)),
                (BadgeField::Key, Ok(())) => (Some(v.to_string()) != own_key
                    && data.badge(v).is_some())
                .then(|| texts.key_taken(v)),
                (BadgeField::Earned, Ok(())) => scratch
                    .earned_on
                    .filter(|d| *d > data.today())
                    .map(|d| texts.earned_after_today(d, data.today())),
                (BadgeField::ReplacedBy, Ok(())) if v.is_empty() => None,
                (BadgeField::ReplacedBy, Ok(())) if data.badge(v).is_none() => {
                    Some(texts.no_badge_with_key(v))
                }
                (BadgeField::ReplacedBy, Ok(()))
                    if v == key_value || Some(v.to_string()) == own_key =>
                {
                    Some(texts.cannot_replace_itself().into())
                }
                (BadgeField::After, Ok(())) if !v.is_empty() => after_problem(
                    &scratch.after,
                    own_key.as_deref(),
                    &key_value,
                    self.original.as_ref(),
                    data,
                    texts,
                ),
                (_, Ok(())) => None,
            };
        }
        self.message = None;
    }

    /// The badge the form describes (call after `validate` found no errors).
    pub fn build(
        &self,
        config: &Config,
        data: &Overview,
        texts: &dyn ScreenTexts,
    ) -> Result<Badge, String> {
        let mut b = self.original.clone().unwrap_or_default();
        let effort = |issuer: &str| config.issuer(issuer).default_effort.0;
        for field in BadgeField::ALL {
            let typed = self.get(field);
            if field == BadgeField::Key && typed.is_empty() {
                // Kept when editing; made from the name (set just before) when adding.
                if self.original.is_none() {
                    let stored: Vec<(&str, &str)> = data
                        .badges
                        .iter()
                        .map(|b| (b.badge.key.as_str(), b.badge.name.as_str()))
                        .collect();
                    b.key = crate::domain::badge::key_for(&b.name, &stored);
                }
                continue;
            }
            if field == BadgeField::Expires {
                // Never, a date, or (empty) the issuer's validity from the day earned.
                b.expires_on = if says_never(&typed) {
                    None
                } else if typed.is_empty() {
                    let days = config.issuer(&self.get(BadgeField::Issuer)).validity_days;
                    let earned =
                        crate::domain::dates::parse_date_or_period(&self.get(BadgeField::Earned))
                            .ok();
                    earned
                        .filter(|_| days > 0)
                        .and_then(|e| e.checked_add_days(chrono::Days::new(u64::from(days))))
                } else {
                    fields::set(&mut b, field, &typed, &effort)
                        .map_err(|e| texts.field_error(&e))?;
                    b.expires_on
                };
                continue;
            }
            fields::set(&mut b, field, &typed, &effort).map_err(|e| texts.field_error(&e))?;
        }
        // The one validation (DESIGN 8): the configured name of the issuer is stored.
        b.issuer = config
            .known_issuers(data.badges.iter().map(|b| b.badge.issuer.as_str()))
            .resolve(&b.issuer, IssuerRule::MustBeKnown)
            .map_err(|e| texts.badge_error(&e))?;
        crate::domain::badge::check(&b).map_err(|e| texts.badge_error(&e))?;
        Ok(b)
    }
}
