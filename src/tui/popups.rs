//! The popups: quick-add line, help overlay, confirmation, prompts and the badge form.
//! Their state lives here; `App::update` changes it; the renderers only read it.

use super::input::LineInput;
use super::strings;
use crate::config::Config;
use crate::domain::badge::{Badge, Priority, validate_key};
use crate::domain::dates::parse_date_or_period;
use crate::domain::duration::{format_minutes, parse_duration};
use crate::planning::Overview;

pub mod render;

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
            Popup::Help { .. } | Popup::Confirm { .. } | Popup::Report { .. } => None,
        }
    }
}

/// What a confirmation confirms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirmed {
    DeleteBadge(String),
    DeleteWindow(i64),
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
    pub name: &'static str,
    pub label: &'static str,
    pub input: LineInput,
    pub error: Option<String>,
    /// A hint shown when the field is empty or focused.
    pub hint: &'static str,
}

/// The add/edit form of a badge: every field, validated as you type.
#[derive(Debug, Clone)]
pub struct BadgeForm {
    /// The badge being edited (`None` when adding).
    pub original: Option<Badge>,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// A problem with the whole form (from saving).
    pub message: Option<String>,
}

/// The form's fields in order, by name (their labels and hints are in `strings`).
const FIELDS: &[&str] = &[
    "name",
    "key",
    "issuer",
    "level",
    "earned",
    "expires",
    "renewed",
    "retires",
    "replaced_by",
    "available",
    "goal",
    "effort",
    "renew_from",
    "priority",
    "tags",
    "url",
    "notes",
];

fn d(v: Option<chrono::NaiveDate>) -> String {
    v.map(|d| d.to_string()).unwrap_or_default()
}

impl BadgeForm {
    /// A form for a new badge, or prefilled from `badge`.
    pub fn new(badge: Option<&Badge>) -> BadgeForm {
        let value = |name: &str| -> String {
            let Some(b) = badge else {
                return if name == "priority" {
                    "normal".into()
                } else {
                    String::new()
                };
            };
            match name {
                "name" => b.name.clone(),
                "key" => b.key.clone(),
                "issuer" => b.issuer.clone(),
                "level" => b.level.clone().unwrap_or_default(),
                "earned" => d(b.earned_on),
                "expires" => d(b.expires_on),
                "renewed" => d(b.renewed_on),
                "retires" => d(b.retires_on),
                "replaced_by" => b.replaced_by.clone().unwrap_or_default(),
                "available" => d(b.available_on),
                "goal" => d(b.goal_on),
                "effort" => format_minutes(b.effort_minutes),
                "renew_from" => d(b.renew_from),
                "priority" => b.priority.to_string(),
                "tags" => b.tags.join(" "),
                "url" => b.url.clone().unwrap_or_default(),
                "notes" => b.notes.clone().unwrap_or_default(),
                _ => String::new(),
            }
        };
        BadgeForm {
            original: badge.cloned(),
            fields: FIELDS
                .iter()
                .map(|&name| {
                    let (label, hint) = strings::form_field(name);
                    Field {
                        name,
                        label,
                        input: LineInput::new(&value(name)),
                        error: None,
                        hint,
                    }
                })
                .collect(),
            focus: 0,
            message: None,
        }
    }

    fn get(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.input.text().trim().to_string())
            .unwrap_or_default()
    }

    /// Checks every field, setting or clearing its error.
    pub fn validate(&mut self, config: &Config, data: &Overview) {
        let own_key = self.original.as_ref().map(|b| b.key.clone());
        let key_value = self.get("key");
        for f in &mut self.fields {
            let v = f.input.text();
            let v = v.trim();
            f.error = match f.name {
                "name" if v.is_empty() => Some(strings::name_required().into()),
                "key" if !v.is_empty() => {
                    validate_key(v).err().map(strings::bad_key).or_else(|| {
                        (Some(v.to_string()) != own_key && data.badge(v).is_some())
                            .then(|| strings::key_taken(v))
                    })
                }
                "earned" | "expires" | "renewed" | "retires" | "available" | "goal"
                | "renew_from"
                    if !v.is_empty() =>
                {
                    match parse_date_or_period(v) {
                        Err(e) => Some(strings::bad_date(v, e.to_string())),
                        Ok(d) if f.name == "earned" && d > data.today() => {
                            Some(strings::earned_after_today(d))
                        }
                        Ok(_) => None,
                    }
                }
                "replaced_by" if !v.is_empty() => {
                    if data.badge(v).is_none() {
                        Some(strings::no_badge_with_key(v))
                    } else if v == key_value || Some(v.to_string()) == own_key {
                        Some(strings::cannot_replace_itself().into())
                    } else {
                        None
                    }
                }
                "effort" if !v.is_empty() => parse_duration(v)
                    .err()
                    .map(|e| strings::bad_duration(v, e.to_string())),
                "issuer" => config
                    .known_issuers(data.badges.iter().map(|b| b.badge.issuer.as_str()))
                    .resolve(v, crate::domain::validation::IssuerRule::MustBeKnown)
                    .err()
                    .map(|e| strings::bad_issuer(&e)),
                "priority" => v.parse::<Priority>().err().map(strings::bad_priority),
                _ => None,
            };
        }
        self.message = None;
    }

    /// The badge the form describes (call after `validate` found no errors).
    pub fn build(&self, config: &Config, data: &Overview) -> Result<Badge, String> {
        let opt = |name: &str| Some(self.get(name)).filter(|s| !s.is_empty());
        let date = |name: &str| -> Result<Option<chrono::NaiveDate>, String> {
            opt(name)
                .map(|v| parse_date_or_period(&v).map_err(|e| format!("{name}: {e}")))
                .transpose()
        };
        let name = self.get("name");
        let issuer = self.get("issuer");
        let key = match opt("key") {
            Some(k) => k,
            None => match &self.original {
                Some(b) => b.key.clone(),
                None => {
                    let stored: Vec<(&str, &str)> = data
                        .badges
                        .iter()
                        .map(|b| (b.badge.key.as_str(), b.badge.name.as_str()))
                        .collect();
                    crate::domain::badge::key_for(&name, &stored)
                }
            },
        };
        let mut b = self.original.clone().unwrap_or_default();
        b.key = key;
        b.name = name;
        // The one validation (DESIGN 8): the configured name of the issuer is stored.
        b.issuer = config
            .known_issuers(data.badges.iter().map(|b| b.badge.issuer.as_str()))
            .resolve(&issuer, crate::domain::validation::IssuerRule::MustBeKnown)
            .map_err(|e| e.to_string())?;
        b.level = opt("level");
        b.earned_on = date("earned")?;
        b.expires_on = date("expires")?;
        b.renewed_on = date("renewed")?;
        b.retires_on = date("retires")?;
        b.replaced_by = opt("replaced_by");
        b.available_on = date("available")?;
        b.goal_on = date("goal")?;
        b.effort_minutes = match opt("effort") {
            Some(e) => parse_duration(&e).map_err(|e| e.to_string())?,
            None => config.issuer(&issuer).default_effort.0,
        };
        b.renew_from = date("renew_from")?;
        b.priority = self.get("priority").parse()?;
        b.tags = crate::domain::validation::split_tags([self.get("tags").as_str()]);
        b.url = opt("url");
        b.notes = opt("notes");
        crate::domain::badge::check(&b).map_err(|e| e.to_string())?;
        Ok(b)
    }
}
