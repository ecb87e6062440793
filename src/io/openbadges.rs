//! Open Badges 2.0 assertions (the JSON an issuer hosts for each awarded badge) read into an
//! [`Import`] of source [`Source::Openbadges`].
//!
//! Per assertion: `id` is the `source_id`; `issuedOn` and `expires` (ISO 8601 timestamps,
//! read as the day written; a number is an Open Badges 1.x Unix time) are earned_on and
//! expires_on; `badge.name` is the name, `badge.issuer.name` the issuer and `badge.id` the
//! url when it is a web address; `"revoked": true` skips it.
//!
//! Choices where the contract is silent:
//! - A file holds one assertion, or a list of them. Many assertions link to their badge
//!   class (and a class to its issuer) by URL instead of including it: give those JSON
//!   files in the same batch and the links are followed; nothing is fetched.
//! - An object is an assertion when its `type` says `Assertion`, or it has no `type` but
//!   has `badge` and `issuedOn`; `BadgeClass` and `Issuer`/`Profile` objects only serve
//!   links. A file with none of these is refused.
//! - Assertions are single files, not a full list, so an import is never complete: stored
//!   badges missing from it are not reported as gone.
//! - As for Credly, the same id twice counts once and only the latest issue of a badge
//!   (same name and issuer) is imported.

use super::import_error::{ImportError, Location, Problem};
use super::incoming::{Carried, Import, Incoming, SkipReason, Skipped, drop_older_issues};
use super::json_value::{self, day_of, describe, text_at};
use crate::domain::Source;
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

const EXPECTED: &str = "an Open Badges 2.0 assertion";

/// Reads assertions, and the badge class and issuer files they link to:
/// `(file name for messages, bytes)` each.
///
/// # Errors
///
/// A file that is not JSON or holds no assertion, badge class or issuer, or an assertion
/// without an id or a badge name or with a date that is not one, refuses the batch.
pub fn parse(files: &[(String, Vec<u8>)]) -> Result<Import, ImportError> {
    let mut docs = Vec::new();
    for (file, bytes) in files {
        docs.push((
            file.as_str(),
            json_value::parse(Source::Openbadges, file, bytes)?,
        ));
    }
    let mut linked: HashMap<&str, &Value> = HashMap::new();
    let mut assertions = Vec::new();
    for (file, doc) in &docs {
        let objects = match doc {
            Value::Array(items) => items.as_slice(),
            one => std::slice::from_ref(one),
        };
        let mut useful = false;
        for (i, obj) in objects.iter().enumerate() {
            match kind(obj) {
                Kind::Assertion => assertions.push((*file, i + 1, obj)),
                Kind::Linked => {
                    if let Some(id) = obj.get("id").and_then(Value::as_str) {
                        linked.insert(id, obj);
                    }
                }
                Kind::Other => continue,
            }
            useful = true;
        }
        if !useful {
            return Err(wrong_shape(file, found_instead(doc)));
        }
    }

    let mut records = Vec::new();
    let mut skipped = Vec::new();
    let mut notes = Vec::new();
    let mut seen = HashSet::new();
    for (file, index, obj) in assertions {
        let rec = read_assertion(file, index, obj, &linked)?;
        let origin = format!("{file} assertion {index}");
        if !seen.insert(rec.source_id.clone()) {
            skipped.push(Skipped::of(&rec, SkipReason::Duplicate, origin));
        } else if obj.get("revoked").and_then(Value::as_bool) == Some(true) {
            skipped.push(Skipped::of(&rec, SkipReason::Revoked, origin));
        } else {
            if rec.earned_on.is_none() {
                notes.push(format!(
                    "{origin} ({}) has no issuedOn; imported as not yet earned",
                    rec.name
                ));
            }
            records.push(Incoming { origin, ..rec });
        }
    }
    skipped.extend(drop_older_issues(&mut records));
    Ok(Import {
        source: Source::Openbadges,
        records,
        skipped,
        carried: Carried {
            level: false,
            ..Carried::ALL
        },
        complete: false,
        notes,
    })
}

enum Kind {
    Assertion,
    /// A badge class or an issuer, which an assertion may link to.
    Linked,
    Other,
}

fn kind(obj: &Value) -> Kind {
    let types: Vec<&str> = match obj.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let is = |name: &str| types.iter().any(|t| t.eq_ignore_ascii_case(name));
    if is("Assertion")
        || (types.is_empty() && obj.get("badge").is_some() && obj.get("issuedOn").is_some())
    {
        Kind::Assertion
    } else if is("BadgeClass") || is("Issuer") || is("Profile") {
        Kind::Linked
    } else {
        Kind::Other
    }
}

fn found_instead(doc: &Value) -> String {
    match doc {
        Value::Object(map) if map.contains_key("data") => {
            "it looks like a Credly download: import it as credly".into()
        }
        Value::Object(_) => "no object with \"type\": \"Assertion\"".into(),
        other => format!("the file holds {}", describe(other)),
    }
}

fn wrong_shape(file: &str, found: String) -> ImportError {
    ImportError::file(
        Source::Openbadges,
        file,
        Problem::WrongShape {
            expected: EXPECTED,
            found,
        },
    )
}

fn read_assertion<'a>(
    file: &str,
    index: usize,
    obj: &'a Value,
    linked: &HashMap<&'a str, &'a Value>,
) -> Result<Incoming, ImportError> {
    let err = |id: Option<String>, problem| {
        let at = Location::Record { index, id };
        ImportError::new(Source::Openbadges, file, at, problem)
    };
    let id = text_at(Some(obj), "id").ok_or_else(|| err(None, Problem::Missing("id")))?;
    let badge = follow(obj.get("badge"), linked);
    let name = text_at(badge, "name")
        .ok_or_else(|| err(Some(id.clone()), Problem::Missing("badge.name")))?;
    let issuer =
        text_at(follow(badge.and_then(|b| b.get("issuer")), linked), "name").unwrap_or_default();
    let url =
        text_at(badge, "id").filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    let date = |field: &'static str| {
        read_date(obj.get(field))
            .map_err(|value| err(Some(id.clone()), Problem::BadDate { field, value }))
    };
    Ok(Incoming {
        earned_on: date("issuedOn")?,
        expires_on: date("expires")?,
        source_id: id.clone(),
        name,
        issuer,
        level: None,
        url,
        retires_on: None,
        effort_minutes: None,
        issued_at: None,
        notes: None,
        origin: String::new(),
        template_id: None,
        activities: None,
    })
}

/// An embedded object as it is, or a link followed to an object given in the batch.
fn follow<'a>(v: Option<&'a Value>, linked: &HashMap<&'a str, &'a Value>) -> Option<&'a Value> {
    match v? {
        Value::String(link) => linked.get(link.as_str()).copied(),
        other @ Value::Object(_) => Some(other),
        _ => None,
    }
}

/// An ISO 8601 date or timestamp, or Unix seconds; absent or null is none. The error is
/// the value as written.
fn read_date(value: Option<&Value>) -> Result<Option<NaiveDate>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => day_of(s).map(Some).ok_or_else(|| s.clone()),
        Some(Value::Number(n)) => n
            .as_i64()
            .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
            .map(|t| Some(t.date_naive()))
            .ok_or_else(|| n.to_string()),
        Some(other) => Err(other.to_string()),
    }
}

#[cfg(test)]
mod tests;
