//! One validation of a badge, for every way one comes in (DESIGN 8): `badge add/edit`,
//! the badge form, CSV, Credly and Open Badges imports, and backups. Pure: the issuers the
//! configuration knows and the issuers already on badges are given as data.
//!
//! What is checked: the key (`[a-z0-9-]`), a name, no control characters, the issuer
//! (known, or "did you mean", where the rule asks for it), dates in order (expiry and
//! renewal not before the earned date, earned not after today where today is given), a
//! sane effort, tags of one word, no badge replacing itself. An issuer that names a
//! configured issuer (its section, its name or an alias, in any case) is stored as the
//! configured name (`aws` as `Amazon Web Services`).
//!
//! The errors are typed ([`BadgeError`]); each language's catalogue renders them
//! (`present::Texts::badge_error`). The English `Display` is the catalogue's English.

use super::badge::{Badge, KeyError, MAX_NAME_CHARS, is_unprintable, validate_key};
use super::duration::MAX_MINUTES;
use super::similar;
use chrono::NaiveDate;

/// Why a badge is not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadgeError {
    /// The key is not acceptable (the typed [`KeyError`] says which rule it breaks).
    #[error("{0}")]
    Key(#[from] KeyError),
    /// No name.
    #[error("badge '{badge}' needs a name")]
    NoName { badge: String },
    /// A name longer than a badge may have.
    #[error(
        "the name of badge '{badge}' is {chars} characters long: keep it under {MAX_NAME_CHARS}"
    )]
    NameTooLong { badge: String, chars: usize },
    /// A field holding a control character.
    #[error(
        "the {field} of badge '{badge}' holds a control character (a tab, newline or escape): type it without"
    )]
    ControlCharacter { badge: String, field: &'static str },
    /// Notes holding a control character other than a line break.
    #[error(
        "the notes of badge '{badge}' hold a control character (a tab or escape): type them without"
    )]
    ControlCharacterInNotes { badge: String },
    /// An issuer that is neither configured nor on a badge: likely a typo.
    #[error(
        "unknown issuer '{issuer}'{}: use a configured issuer (see `sukima config`) or add [issuers.\"{}\"] to config.toml",
        did_you_mean(suggestions),
        issuer.to_lowercase()
    )]
    UnknownIssuer {
        issuer: String,
        suggestions: Vec<String>,
    },
    /// `replaced_by` is the badge itself.
    #[error("badge '{badge}' cannot replace itself")]
    ReplacesItself { badge: String },
    /// A prerequisite (`--after`) whose key is not acceptable.
    #[error("--after: {error}")]
    AfterKey { badge: String, error: KeyError },
    /// A prerequisite that is the badge itself.
    #[error("badge '{badge}' cannot come after itself")]
    AfterItself { badge: String },
    /// An expiry before the earned date.
    #[error("badge '{badge}' expires ({expires}) before it was earned ({earned})")]
    ExpiresBeforeEarned {
        badge: String,
        earned: NaiveDate,
        expires: NaiveDate,
    },
    /// A renewal before the earned date.
    #[error("badge '{badge}' was renewed ({renewed}) before it was earned ({earned})")]
    RenewedBeforeEarned {
        badge: String,
        earned: NaiveDate,
        renewed: NaiveDate,
    },
    /// Earned on a day that has not come yet.
    #[error(
        "badge '{badge}' was earned on {earned}, after today: leave the date out for a badge not earned yet"
    )]
    EarnedAfterToday { badge: String, earned: NaiveDate },
    /// More effort than a year of minutes.
    #[error("badge '{badge}': effort is too large")]
    EffortTooLarge { badge: String },
    /// A tag with spaces, or empty.
    #[error("tag '{0}' must be one word without spaces")]
    BadTag(String),
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        return String::new();
    }
    let names: Vec<String> = suggestions.iter().map(|c| format!("'{c}'")).collect();
    format!(" (did you mean {}?)", names.join(" or "))
}

/// An issuer section of the configuration, as validation needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfiguredIssuer {
    /// The section name, lower case (`aws`).
    pub section: String,
    /// The name badges store (`Amazon Web Services`); `None` keeps what was typed.
    pub name: Option<String>,
    /// Other names that mean it, lower case.
    pub aliases: Vec<String>,
}

/// Whether an issuer must be one sukima knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssuerRule {
    /// Typed by a person (command line, form, spreadsheet): an unknown one is likely a typo.
    MustBeKnown,
    /// Written by a program (Credly, Open Badges, a backup): any name is real.
    AnyName,
}

/// The issuers sukima knows: configured ones and those already on badges.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Issuers {
    pub configured: Vec<ConfiguredIssuer>,
    pub on_badges: Vec<String>,
}

impl Issuers {
    /// The name to store for `typed`: a configured issuer's name when `typed` names it
    /// exactly (section, name or alias, any case), else the spelling already on a badge,
    /// else `typed` itself (trimmed) when it is known or `rule` allows any name.
    ///
    /// # Errors
    ///
    /// [`BadgeError::UnknownIssuer`] under [`IssuerRule::MustBeKnown`] for a name that is
    /// neither configured (nor starts with a configured section name and a space, as
    /// `IBM Japan`) nor on a badge, with the closest known names.
    pub fn resolve(&self, typed: &str, rule: IssuerRule) -> Result<String, BadgeError> {
        let typed = typed.trim();
        let lower = typed.to_lowercase();
        if lower.is_empty() {
            return Ok(String::new());
        }
        let exact = self.configured.iter().find(|c| {
            c.section == lower
                || c.name.as_deref().is_some_and(|n| n.to_lowercase() == lower)
                || c.aliases.iter().any(|a| a.to_lowercase() == lower)
        });
        if let Some(c) = exact {
            return Ok(c.name.clone().unwrap_or_else(|| {
                self.on_badge(&lower)
                    .map_or_else(|| typed.to_string(), str::to_string)
            }));
        }
        if let Some(stored) = self.on_badge(&lower) {
            return Ok(stored.to_string());
        }
        let prefixed = self.configured.iter().any(|c| {
            lower
                .strip_prefix(c.section.as_str())
                .is_some_and(|rest| rest.starts_with(' '))
        });
        if prefixed || rule == IssuerRule::AnyName {
            return Ok(typed.to_string());
        }
        let mut known: Vec<&str> = self.on_badges.iter().map(String::as_str).collect();
        for c in &self.configured {
            known.push(c.name.as_deref().unwrap_or(&c.section));
            known.extend(c.aliases.iter().map(String::as_str));
        }
        // One spelling per issuer: the one on the badges (listed first) wins.
        known.retain(|k| !k.is_empty());
        known.sort_by_key(|k| k.to_lowercase());
        known.dedup_by(|a, b| a.to_lowercase() == b.to_lowercase());
        let suggestions = similar::closest(typed, known.into_iter(), 2)
            .into_iter()
            .map(|s| s.to_string())
            .collect();
        Err(BadgeError::UnknownIssuer {
            issuer: typed.to_string(),
            suggestions,
        })
    }

    fn on_badge(&self, lower: &str) -> Option<&str> {
        self.on_badges
            .iter()
            .find(|i| i.to_lowercase() == lower)
            .map(String::as_str)
    }
}

/// Checks `b` as it would be stored, and stores its issuer under the configured name.
/// `today`, when given, refuses an earned date after it (a typo, not a badge).
///
/// # Errors
///
/// The first problem found, in field order.
pub fn check_badge(
    b: &mut Badge,
    issuers: &Issuers,
    rule: IssuerRule,
    today: Option<NaiveDate>,
) -> Result<(), BadgeError> {
    b.issuer = issuers.resolve(&b.issuer, rule)?;
    if let (Some(earned), Some(today)) = (b.earned_on, today)
        && earned > today
    {
        return Err(BadgeError::EarnedAfterToday {
            badge: b.key.clone(),
            earned,
        });
    }
    check(b)
}

/// The checks that need nothing but the badge: key, name, text, dates in order, effort,
/// tags, replacement.
///
/// # Errors
///
/// The first problem found, in field order.
pub fn check(b: &Badge) -> Result<(), BadgeError> {
    validate_key(&b.key)?;
    let badge = || b.key.clone();
    if b.name.trim().is_empty() {
        return Err(BadgeError::NoName { badge: badge() });
    }
    let chars = b.name.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(BadgeError::NameTooLong {
            badge: badge(),
            chars,
        });
    }
    for (field, text) in [
        ("name", Some(b.name.as_str())),
        ("issuer", Some(b.issuer.as_str())),
        ("level", b.level.as_deref()),
        ("url", b.url.as_deref()),
    ] {
        if text.is_some_and(|t| t.chars().any(is_unprintable)) {
            return Err(BadgeError::ControlCharacter {
                badge: badge(),
                field,
            });
        }
    }
    if b.notes
        .as_deref()
        .is_some_and(|n| n.chars().any(|c| c != '\n' && is_unprintable(c)))
    {
        return Err(BadgeError::ControlCharacterInNotes { badge: badge() });
    }
    if b.replaced_by.as_deref() == Some(b.key.as_str()) {
        return Err(BadgeError::ReplacesItself { badge: badge() });
    }
    for k in &b.after {
        validate_key(k).map_err(|error| BadgeError::AfterKey {
            badge: badge(),
            error,
        })?;
        if *k == b.key {
            return Err(BadgeError::AfterItself { badge: badge() });
        }
    }
    check_dates(&badge(), b.earned_on, b.expires_on, b.renewed_on)?;
    check_effort(&badge(), b.effort_minutes)?;
    for t in &b.tags {
        if t.trim().is_empty() || t.chars().any(char::is_whitespace) {
            return Err(BadgeError::BadTag(t.clone()));
        }
    }
    Ok(())
}

/// Expiry and renewal not before the earned date. `badge` names it in the error.
///
/// # Errors
///
/// [`BadgeError::ExpiresBeforeEarned`] or [`BadgeError::RenewedBeforeEarned`].
pub fn check_dates(
    badge: &str,
    earned: Option<NaiveDate>,
    expires: Option<NaiveDate>,
    renewed: Option<NaiveDate>,
) -> Result<(), BadgeError> {
    if let (Some(earned), Some(expires)) = (earned, expires)
        && expires < earned
    {
        return Err(BadgeError::ExpiresBeforeEarned {
            badge: badge.to_string(),
            earned,
            expires,
        });
    }
    if let (Some(earned), Some(renewed)) = (earned, renewed)
        && renewed < earned
    {
        return Err(BadgeError::RenewedBeforeEarned {
            badge: badge.to_string(),
            earned,
            renewed,
        });
    }
    Ok(())
}

/// An effort of at most a year of minutes.
///
/// # Errors
///
/// [`BadgeError::EffortTooLarge`].
pub fn check_effort(badge: &str, minutes: u32) -> Result<(), BadgeError> {
    if minutes > MAX_MINUTES {
        return Err(BadgeError::EffortTooLarge {
            badge: badge.to_string(),
        });
    }
    Ok(())
}

/// Tags as typed anywhere (a flag, the form, a cell): words separated by commas or
/// spaces, each kept once, in order.
pub fn split_tags<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in texts
        .into_iter()
        .flat_map(|t| t.split(|c: char| c == ',' || c == '、' || c.is_whitespace()))
        .filter(|w| !w.is_empty())
    {
        if !out.iter().any(|t| t == word) {
            out.push(word.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests;
