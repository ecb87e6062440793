//! What a parser hands to [`super::merge`]: badges as an outside file describes them,
//! before they are matched against the database, and the records it chose to skip.

use crate::domain::Source;
use crate::domain::validation::{BadgeError, IssuerRule, Issuers, check_dates, check_effort};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The result of reading one batch of files of one source (all the pages of a Credly
/// download, or one CSV file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    /// Where the records come from; merge matches existing badges of this source only.
    pub source: Source,
    /// The records to bring in, in file order, each `source_id` once.
    pub records: Vec<Incoming>,
    /// Records left out, with the reason.
    pub skipped: Vec<Skipped>,
    /// Which optional fields the files carry. A field they do not carry (a CSV without a
    /// `url` column) is left alone on update; one they carry empty is cleared.
    pub carried: Carried,
    /// True when the files hold everything the source has for this user (every page of a
    /// Credly download). Only then are stored badges missing from them reported as gone.
    pub complete: bool,
    /// Things the user should know that do not stop the import (a missing page).
    pub notes: Vec<String>,
}

impl Import {
    /// The same import with the records' texts made printable on one line
    /// ([`crate::domain::badge::one_line`]); a name longer than a badge may have is cut.
    pub fn cleaned(&self) -> Import {
        use crate::domain::badge::{MAX_NAME_CHARS, one_line};
        let mut out = self.clone();
        // Text that was nothing but control characters keeps a visible stand-in for each,
        // so a name or issuer never ends up empty.
        let visible = |raw: &str, clean: String| {
            if clean.is_empty() {
                raw.chars()
                    .map(|c| if c.is_whitespace() { ' ' } else { '?' })
                    .collect::<String>()
                    .trim()
                    .to_string()
            } else {
                clean
            }
        };
        for r in &mut out.records {
            let name = visible(&r.name, one_line(&r.name));
            r.name = name.chars().take(MAX_NAME_CHARS).collect();
            r.issuer = visible(&r.issuer, one_line(&r.issuer));
            r.level = r.level.as_deref().map(one_line).filter(|l| !l.is_empty());
            r.url = r.url.as_deref().map(one_line).filter(|u| !u.is_empty());
        }
        out
    }
}

impl Import {
    /// The records after the one validation of DESIGN 8
    /// ([`crate::domain::validation`]): each issuer stored under its configured name; a
    /// spreadsheet's issuers must be known (a typo gets "did you mean") and its earned
    /// dates not after `today`; every record's expiry not before its earned date and its
    /// effort sane. `issuers` knows the configured issuers and those on stored badges.
    ///
    /// # Errors
    ///
    /// The first record that fails, named by where it was read: the whole import is
    /// refused.
    pub fn checked(&self, issuers: &Issuers, today: NaiveDate) -> Result<Import, InvalidRecord> {
        let typed = self.source == Source::Csv;
        let rule = if typed {
            IssuerRule::MustBeKnown
        } else {
            IssuerRule::AnyName
        };
        let mut out = self.clone();
        for r in &mut out.records {
            let fail = |error| InvalidRecord {
                origin: r.origin.clone(),
                source: self.source,
                error,
            };
            r.issuer = issuers.resolve(&r.issuer, rule).map_err(fail)?;
            check_dates(&r.name, r.earned_on, r.expires_on, None).map_err(fail)?;
            if let Some(m) = r.effort_minutes {
                check_effort(&r.name, m).map_err(fail)?;
            }
            if let Some(earned) = r.earned_on.filter(|e| typed && *e > today) {
                return Err(fail(BadgeError::EarnedAfterToday {
                    badge: r.name.clone(),
                    earned,
                }));
            }
        }
        Ok(out)
    }
}

/// A record that fails the one validation: where it was read and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidRecord {
    /// `badges.csv line 4`, `page1.json record 3`.
    pub origin: String,
    pub source: Source,
    pub error: BadgeError,
}

impl fmt::Display for InvalidRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fix = match self.source {
            Source::Csv => "correct that row (or delete it) and import the file again",
            _ => "nothing was imported",
        };
        write!(f, "{}: {}; {fix}", self.origin, self.error)
    }
}

impl std::error::Error for InvalidRecord {}

/// One badge as a file describes it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Incoming {
    /// Its identity in the source: the Credly record id; for CSV, see [`super::csv`].
    pub source_id: String,
    pub name: String,
    pub issuer: String,
    pub level: Option<String>,
    pub url: Option<String>,
    pub earned_on: Option<NaiveDate>,
    /// Empty when it never expires.
    pub expires_on: Option<NaiveDate>,
    /// When it was issued, to the second (UTC), where the file says (Credly's
    /// `issued_at`): orders two issues of one badge issued on the same day.
    pub issued_at: Option<chrono::NaiveDateTime>,
    /// Only CSV carries it; used when adding, and to fill an empty retirement on update.
    pub retires_on: Option<NaiveDate>,
    /// Only CSV carries it; used when adding (otherwise the issuer's default).
    pub effort_minutes: Option<u32>,
    /// Only CSV carries it (a `notes` column); used when adding, and to fill empty notes
    /// on update.
    pub notes: Option<String>,
    /// Where it was read, for messages: `page1.json record 3`, `badges.csv line 4`.
    pub origin: String,
    /// Its identity as a kind of badge in the source (Credly's badge template id), to link
    /// the prerequisites of the badges imported together.
    pub template_id: Option<String>,
    /// Its earning criteria in the file's order (Credly's badge template activities);
    /// `None` when the source has none to give.
    pub activities: Option<Vec<Activity>>,
}

/// One earning criterion of a badge as a file lists it: a step to take, or another badge
/// to earn first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub title: String,
    pub kind: crate::domain::step::StepKind,
    /// An http(s) address, when the file gives a usable one.
    pub url: Option<String>,
    /// The badge template this one asks to earn first (Credly's
    /// `required_badge_template_id`).
    pub requires: Option<String>,
}

/// Which optional fields of [`Incoming`] a batch of files carries (name always is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)] // one flag per field is the plainest form here
pub struct Carried {
    pub issuer: bool,
    pub level: bool,
    pub url: bool,
    pub earned_on: bool,
    pub expires_on: bool,
}

impl Carried {
    /// Every field (a Credly download).
    pub const ALL: Carried = Carried {
        issuer: true,
        level: true,
        url: true,
        earned_on: true,
        expires_on: true,
    };
}

/// A record that is not imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub name: String,
    pub source_id: Option<String>,
    pub reason: SkipReason,
    /// Where it was read (`page2.json record 4`).
    pub origin: String,
    /// The stored badge with this record's identity, if any: it is kept as it is.
    /// Filled in by [`super::merge::plan`].
    pub existing_key: Option<String>,
}

impl Skipped {
    /// A record skipped by a parser (which knows no stored badge).
    pub(crate) fn of(rec: &Incoming, reason: SkipReason, origin: String) -> Self {
        Skipped {
            name: rec.name.clone(),
            source_id: Some(rec.source_id.clone()),
            reason,
            origin,
            existing_key: None,
        }
    }
}

/// Which of two issues of one badge is the later (DESIGN 8): the later `issued_at` (or
/// issued date), then the later expiry (a dated one over none), then the larger id
/// (numerically when both are numbers). Never depends on the order of the records.
pub(crate) fn later_issue(a: &Incoming, b: &Incoming) -> std::cmp::Ordering {
    let issued = |r: &Incoming| {
        r.issued_at
            .or_else(|| r.earned_on.map(|d| d.and_time(chrono::NaiveTime::MIN)))
    };
    let id = |r: &Incoming| {
        let n = r.source_id.parse::<u128>().ok();
        (n, r.source_id.clone())
    };
    issued(a)
        .cmp(&issued(b))
        .then(a.expires_on.cmp(&b.expires_on))
        .then_with(|| id(a).cmp(&id(b)))
}

/// Keeps the latest issue ([`later_issue`]) of each name and issuer, and returns the
/// older ones as superseded.
pub(crate) fn drop_older_issues(records: &mut Vec<Incoming>) -> Vec<Skipped> {
    let mut latest: HashMap<String, usize> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        let best = latest.entry(text_identity(&r.name, &r.issuer)).or_insert(i);
        if later_issue(r, &records[*best]).is_gt() {
            *best = i;
        }
    }
    let keep: HashSet<usize> = latest.into_values().collect();
    let mut skipped = Vec::new();
    let mut i = 0;
    records.retain(|r| {
        let kept = keep.contains(&i);
        i += 1;
        if !kept {
            skipped.push(Skipped::of(r, SkipReason::Superseded, r.origin.clone()));
        }
        kept
    });
    skipped
}

/// Why a record is not imported.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SkipReason {
    /// Credly state `revoked`: the issuer took it back.
    Revoked,
    /// Credly state `rejected`: the earner declined it.
    Rejected,
    /// The same record again (the same id on two pages, the same row twice); the first
    /// one read is imported.
    Duplicate,
    /// An older issue of a badge the files also hold a later issue of (a badge re-issued
    /// on renewal under a new id); the later one is imported.
    Superseded,
}

impl SkipReason {
    /// The word used in summaries.
    pub fn as_str(&self) -> &'static str {
        match self {
            SkipReason::Revoked => "revoked",
            SkipReason::Rejected => "rejected",
            SkipReason::Duplicate => "duplicate",
            SkipReason::Superseded => "older issue",
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The identity of a badge by its text: NFKC, lowercase, inner spaces collapsed, so
/// `Ａzure  Administrator` and `azure administrator` are the same. Used for CSV
/// `source_id`s and to recognise re-issued badges.
pub fn text_identity(name: &str, issuer: &str) -> String {
    format!("{}|{}", fold(name), fold(issuer))
}

fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let n: String = s.nfkc().collect::<String>().to_lowercase();
    n.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_identity_ignores_case_width_and_spacing() {
        assert_eq!(
            text_identity(" Ａzure  Administrator ", "MICROSOFT"),
            text_identity("azure administrator", "Microsoft")
        );
        assert_eq!(text_identity("データ基礎", ""), "データ基礎|");
        assert_ne!(text_identity("a", "b"), text_identity("a", "c"));
    }
}
