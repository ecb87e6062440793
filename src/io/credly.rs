//! Credly downloads: the pages of `https://www.credly.com/users/<name>/badges.json` as a
//! browser saves them (`{"data": [...], "metadata": {...}}`), read into an [`Import`].
//!
//! Per record: `id` is the `source_id`; `badge_template.name`, `.level` and `.url` are the
//! name, level and url; the issuer is `issuer.entities[].entity.name` of the entity marked
//! `primary` (else the first; else `issuer.summary` without its "issued by "); the dates are
//! `issued_at_date` and `expires_at_date` (null: never expires), falling back to the date
//! part of `issued_at` / `expires_at` when the `_date` field is absent.
//!
//! Choices where the contract is silent:
//! - `accepted` and `pending` records are imported, `revoked` and `rejected` skipped; a
//!   record without a state, or with one Credly did not document, is imported (and noted).
//! - The same id twice (the same page given twice, or a badge that moved between pages
//!   while they were saved): the later issue of the two is imported (as below), the other
//!   is a duplicate.
//! - Two records with the same name and issuer under different ids are issues of the same
//!   badge (Credly re-issues some badges on renewal): only the latest issue is imported,
//!   the older ones are skipped as superseded, so the user holds one badge per credential.
//!   The latest is DESIGN 8's: the later `issued_at`, then the later `expires_at_date`,
//!   then the larger id; the result never depends on the order of the records.
//! - A `data` that is a single object (one badge's JSON) is read as one record.
//! - The pagination `metadata` (`current_page`, `total_pages`) tells whether every page was
//!   given; if not, [`Import::complete`] is false and a note names the missing pages.
//! - Every record is checked, skipped ones included: a damaged file is refused whole.
//! - `badge_template.badge_template_activities` are the badge's earning criteria: see
//!   [`activities`]; `badge_template.id` links a `required_badge_template_id` to another
//!   badge of the same import.

use super::import_error::{ImportError, Location, Problem};
use super::incoming::{
    Activity, Carried, Import, Incoming, SkipReason, Skipped, drop_older_issues, later_issue,
};
use super::json_value::{self, day_of, describe, text_at};
use crate::domain::Source;
use crate::domain::badge::one_line;
use crate::domain::dates::parse_ymd;
use crate::domain::step::{check_url, kind_of_activity};
use chrono::NaiveDate;
use serde_json::{Map, Value};
use std::collections::{BTreeSet, HashMap};

/// Reads the pages of a Credly download: `(file name for messages, bytes)` each, in the
/// order given.
///
/// # Errors
///
/// The first file that is not JSON or not a badges page, or the first record without an
/// id or a name or with a date that is not one, refuses the whole batch.
pub fn parse(files: &[(String, Vec<u8>)]) -> Result<Import, ImportError> {
    let mut records = Vec::new();
    let mut skipped = Vec::new();
    let mut notes = Vec::new();
    let mut seen_ids: HashMap<String, usize> = HashMap::new();
    let mut pages = Pages::default();

    for (file, bytes) in files {
        let doc = read_document(file, bytes)?;
        pages.add(doc.get("metadata"));
        for (i, value) in data_records(file, &doc)?.iter().enumerate() {
            let rec = read_record(file, i + 1, value)?;
            let origin = format!("{file} record {}", i + 1);
            if let Some(&at) = seen_ids.get(&rec.incoming.source_id) {
                // The same id twice: the later issue is read, whatever the order.
                let mut dropped = Incoming {
                    origin,
                    ..rec.incoming
                };
                if let Some(kept) = records.get_mut(at)
                    && later_issue(&dropped, kept).is_gt()
                {
                    std::mem::swap(kept, &mut dropped);
                }
                let origin = dropped.origin.clone();
                skipped.push(Skipped::of(&dropped, SkipReason::Duplicate, origin));
                continue;
            }
            match rec.state.as_deref() {
                Some("revoked") => {
                    skipped.push(Skipped::of(&rec.incoming, SkipReason::Revoked, origin))
                }
                Some("rejected") => {
                    skipped.push(Skipped::of(&rec.incoming, SkipReason::Rejected, origin));
                }
                state => {
                    if let Some(s) = state.filter(|s| !matches!(*s, "accepted" | "pending")) {
                        notes.push(format!(
                            "{origin} ({}) has state \"{s}\", which sukima does not know; \
                             imported as held",
                            rec.incoming.name
                        ));
                    }
                    if rec.incoming.earned_on.is_none() {
                        notes.push(format!(
                            "{origin} ({}) has no issued date; imported as not yet earned",
                            rec.incoming.name
                        ));
                    }
                    seen_ids.insert(rec.incoming.source_id.clone(), records.len());
                    records.push(Incoming {
                        origin,
                        ..rec.incoming
                    });
                }
            }
        }
    }

    skipped.extend(drop_older_issues(&mut records));
    let complete = match pages.missing_note() {
        Some(note) => {
            notes.push(note);
            false
        }
        None => !files.is_empty(),
    };
    Ok(Import {
        source: Source::Credly,
        records,
        skipped,
        carried: Carried::ALL,
        complete,
        notes,
    })
}

fn read_document(file: &str, bytes: &[u8]) -> Result<Map<String, Value>, ImportError> {
    match json_value::parse(Source::Credly, file, bytes)? {
        Value::Object(map) => Ok(map),
        other => Err(wrong_shape(
            file,
            format!("the file holds {}", describe(&other)),
        )),
    }
}

fn wrong_shape(file: &str, found: String) -> ImportError {
    ImportError::file(
        Source::Credly,
        file,
        Problem::WrongShape {
            expected: EXPECTED,
            found,
        },
    )
}

const EXPECTED: &str = "a Credly badges page";

fn data_records<'a>(file: &str, doc: &'a Map<String, Value>) -> Result<&'a [Value], ImportError> {
    match doc.get("data") {
        Some(Value::Array(items)) => Ok(items),
        Some(one @ Value::Object(_)) => Ok(std::slice::from_ref(one)),
        Some(other) => Err(wrong_shape(
            file,
            format!("\"data\" is {}, not a list", describe(other)),
        )),
        None => {
            let mut keys: Vec<&str> = doc.keys().map(String::as_str).take(6).collect();
            if doc.len() > keys.len() {
                keys.push("...");
            }
            let what = if keys.is_empty() {
                "an empty object".to_string()
            } else {
                format!("an object with {}", keys.join(", "))
            };
            Err(wrong_shape(
                file,
                format!("no \"data\": the file holds {what}"),
            ))
        }
    }
}

struct Record {
    incoming: Incoming,
    state: Option<String>,
}

fn read_record(file: &str, index: usize, value: &Value) -> Result<Record, ImportError> {
    let err = |id: Option<String>, problem| {
        ImportError::new(
            Source::Credly,
            file,
            Location::Record { index, id },
            problem,
        )
    };
    let Value::Object(rec) = value else {
        return Err(err(
            None,
            Problem::WrongShape {
                expected: EXPECTED,
                found: format!("the record is {}, not an object", describe(value)),
            },
        ));
    };
    let id = match rec.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => return Err(err(None, Problem::Missing("id"))),
    };
    let template = rec.get("badge_template");
    let name = text_at(template, "name")
        .ok_or_else(|| err(Some(id.clone()), Problem::Missing("badge_template.name")))?;
    let date = |field: &'static str, fallback: &'static str| {
        read_date(rec, field, fallback).map_err(|problem| err(Some(id.clone()), problem))
    };
    let earned_on = date("issued_at_date", "issued_at")?;
    let expires_on = date("expires_at_date", "expires_at")?;
    let state = rec
        .get("state")
        .and_then(Value::as_str)
        .map(|s| s.trim().to_ascii_lowercase());
    Ok(Record {
        incoming: Incoming {
            source_id: id,
            name,
            issuer: issuer_name(rec.get("issuer")),
            level: text_at(template, "level"),
            url: text_at(template, "url"),
            earned_on,
            expires_on,
            issued_at: rec
                .get("issued_at")
                .and_then(Value::as_str)
                .and_then(|t| chrono::DateTime::parse_from_rfc3339(t.trim()).ok())
                .map(|t| t.naive_utc()),
            retires_on: None,
            effort_minutes: None,
            notes: None,
            origin: String::new(),
            template_id: text_at(template, "id"),
            activities: Some(activities(template)),
        },
        state,
    })
}

/// `badge_template.badge_template_activities`, in file order: each with a title becomes
/// an [`Activity`]; its kind from `activity_type` (and the title: a proctored exam is an
/// exam); its `url` when it is an http(s) address; `required_badge_template_id` names a
/// badge to earn first. Anything else in them is ignored.
fn activities(template: Option<&Value>) -> Vec<Activity> {
    let list = template
        .and_then(|t| t.get("badge_template_activities"))
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    list.iter()
        .filter_map(|a| {
            let title = one_line(&text_at(Some(a), "title")?);
            if title.is_empty() {
                return None;
            }
            let ty = text_at(Some(a), "activity_type").unwrap_or_default();
            Some(Activity {
                kind: kind_of_activity(&ty, &title),
                url: text_at(Some(a), "url").filter(|u| check_url(u).is_ok()),
                requires: match a.get("required_badge_template_id") {
                    Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
                    Some(Value::Number(n)) => Some(n.to_string()),
                    _ => None,
                },
                title: title
                    .chars()
                    .take(crate::domain::step::MAX_TITLE_CHARS)
                    .collect(),
            })
        })
        .collect()
}

/// The date in `field` (null: none), or when `field` is absent the date part of the
/// timestamp in `fallback`.
fn read_date(
    rec: &Map<String, Value>,
    field: &'static str,
    fallback: &'static str,
) -> Result<Option<NaiveDate>, Problem> {
    let (used, value) = match rec.get(field) {
        Some(v) => (field, v),
        None => match rec.get(fallback) {
            Some(v) => (fallback, v),
            None => return Ok(None),
        },
    };
    let bad = |text: String| Problem::BadDate {
        field: used,
        value: text,
    };
    match value {
        Value::Null => Ok(None),
        Value::String(s) if used == field => parse_ymd(s).map(Some).map_err(|_| bad(s.clone())),
        Value::String(s) => day_of(s).map(Some).ok_or_else(|| bad(s.clone())),
        other => Err(bad(other.to_string())),
    }
}

fn issuer_name(issuer: Option<&Value>) -> String {
    let entities = issuer
        .and_then(|i| i.get("entities"))
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let chosen = entities
        .iter()
        .find(|e| e.get("primary").and_then(Value::as_bool) == Some(true))
        .or_else(|| entities.first());
    if let Some(name) = text_at(chosen.and_then(|e| e.get("entity")), "name") {
        return name;
    }
    let summary = text_at(issuer, "summary").unwrap_or_default();
    match summary.get(..10) {
        Some(head) if head.eq_ignore_ascii_case("issued by ") => summary[10..].trim().to_string(),
        _ => summary,
    }
}

/// Which pages of a paginated download were given.
#[derive(Default)]
struct Pages {
    total: u64,
    seen: BTreeSet<u64>,
}

impl Pages {
    fn add(&mut self, metadata: Option<&Value>) {
        let number = |k: &str| metadata.and_then(|m| m.get(k)).and_then(Value::as_u64);
        if let Some(total) = number("total_pages") {
            self.total = self.total.max(total);
        }
        if let Some(page) = number("current_page") {
            self.seen.insert(page);
        }
    }

    fn missing_note(&self) -> Option<String> {
        let seen_in_range = self.seen.range(1..=self.total.max(1)).count() as u64;
        let missing_count = self.total.saturating_sub(seen_in_range);
        if missing_count == 0 {
            return None;
        }
        let shown: Vec<String> = (1..=self.total)
            .filter(|p| !self.seen.contains(p))
            .take(5)
            .map(|p| p.to_string())
            .collect();
        let more = if missing_count > 5 { ", ..." } else { "" };
        Some(format!(
            "the download has {} pages and page{} {}{more} {} not given: stored badges are \
             not checked against them; give every page to see which badges left Credly",
            self.total,
            if missing_count == 1 { "" } else { "s" },
            shown.join(", "),
            if missing_count == 1 { "was" } else { "were" },
        ))
    }
}

#[cfg(test)]
mod tests;
