//! What an import changes: matches the records of an [`Import`] against the stored badges
//! and returns an [`ImportPlan`] (adds, updates with what changed, unchanged, skipped, and
//! stored badges gone from the download). Pure: the caller writes the plan in one
//! transaction, or shows it and writes nothing.
//!
//! Rules:
//! - A record matches the stored badge of the same source and `source_id`. Failing that,
//!   it matches a stored badge of the same source with the same name and issuer (see
//!   [`text_identity`]) whose own id is no longer among the records, if the record is not
//!   an older issue: a badge Credly re-issued under a new id on renewal. That badge then
//!   takes the new id. (An older issue than the stored one is skipped as superseded.)
//! - An update takes name, issuer, level, url, earned_on and expires_on from the record
//!   (only the fields the files carry: see [`super::incoming::Carried`]). It never touches
//!   what the user set: key, effort, priority, notes, tags, replacement, goal,
//!   available_on, renew_from, archived; a retirement only fills an empty one (CSV).
//! - A renewal (expires_on moving later) starts a new cycle: renewed_on becomes the new
//!   issued date when that moved later too, else today (the import is when sukima learns
//!   of it, as "mark renewed" would), except from a spreadsheet, where only a later
//!   earned date moves it: an expiry edited in a sheet invents no renewal date.
//!   renewed_on never moves earlier. Notes from a sheet fill empty notes only.
//! - A new badge gets a key derived from its name, unique among the stored keys and the
//!   other new ones (handed out in the order of the records' ids, so that the order of a
//!   file does not change them), the issuer's default effort unless the file gives one, and
//!   priority normal.
//! - Stored badges of the source that are in no record are reported as gone, never
//!   deleted, and only when the import is complete (every page given); archived ones are
//!   not reported.

use super::incoming::{Import, Incoming, SkipReason, Skipped, text_identity};
use crate::domain::badge::{derive_key, distinct_keys, unique_key};
use crate::domain::dates::ymd;
use crate::domain::{Badge, Source};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use std::fmt::{self, Write as _};

/// What an import will do; see the module doc for the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPlan {
    pub source: Source,
    /// New badges, complete, in file order.
    pub add: Vec<Badge>,
    /// Stored badges that change, in file order.
    pub update: Vec<Update>,
    /// Records that match a stored badge and change nothing.
    pub unchanged: usize,
    /// Records not imported, with the reason and the stored badge they match (if any,
    /// and if it is not updated by another record).
    pub skipped: Vec<Skipped>,
    /// Stored badges of this source missing from a complete download: reported, kept.
    pub vanished: Vec<Badge>,
    /// Things to tell the user (a missing page, a new badge that looks like a stored one).
    pub notes: Vec<String>,
}

/// A stored badge and what it becomes. `new.key == old.key`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    pub old: Badge,
    pub new: Badge,
    /// What differs, in field order, for the user.
    pub changes: Vec<Change>,
    /// Where the record was read.
    pub origin: String,
}

/// One changed field: `expires_on 2027-01-31 → 2028-01-31`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The field's name (section 1 of the design).
    pub field: &'static str,
    /// The old value as printed (`(empty)` for none).
    pub from: String,
    /// The new value as printed.
    pub to: String,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} → {}", self.field, self.from, self.to)
    }
}

/// Plans the import of `import` into `existing`. `today` dates a renewal whose issue date
/// did not move; `default_effort` gives an issuer's default effort in minutes.
pub fn plan(
    existing: &[Badge],
    import: &Import,
    today: NaiveDate,
    default_effort: impl Fn(&str) -> u32,
) -> ImportPlan {
    // Names and the like from files go on one printable line (a CSV cell may span
    // lines; nothing may reach the terminal as an escape sequence).
    let cleaned = import.cleaned();
    let import = &cleaned;
    let source = import.source;
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (i, b) in existing.iter().enumerate() {
        if let (true, Some(id)) = (b.source == source, b.source_id.as_deref()) {
            by_id.entry(id).or_insert(i);
        }
    }
    let incoming_ids: HashSet<&str> = import
        .records
        .iter()
        .map(|r| r.source_id.as_str())
        .collect();
    let mut taken: HashSet<String> = existing.iter().map(|b| b.key.clone()).collect();
    let mut claimed: HashSet<usize> = HashSet::new();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut out = ImportPlan {
        source,
        add: Vec::new(),
        update: Vec::new(),
        unchanged: 0,
        skipped: Vec::new(),
        vanished: Vec::new(),
        notes: import.notes.clone(),
    };
    let mut late_skips = Vec::new();
    let mut new_records: Vec<&Incoming> = Vec::new();
    // Keys for the records no stored badge has the id of, chosen together so that a
    // family of badges gets keys from the words that tell them apart. In the order of the
    // records' ids, not of the file, so that a download in another order gives every badge
    // the same key (DESIGN 8).
    let mut fresh: Vec<&Incoming> = import
        .records
        .iter()
        .filter(|r| !by_id.contains_key(r.source_id.as_str()))
        .collect();
    fresh.sort_by(|a, b| a.source_id.cmp(&b.source_id));
    let stored: Vec<(&str, &str)> = existing
        .iter()
        .map(|b| (b.key.as_str(), b.name.as_str()))
        .collect();
    let names: Vec<&str> = fresh.iter().map(|r| r.name.as_str()).collect();
    let fresh_keys: HashMap<&str, String> = fresh
        .iter()
        .map(|r| r.source_id.as_str())
        .zip(distinct_keys(&names, &stored))
        .collect();

    for rec in &import.records {
        if !seen.insert(rec.source_id.as_str()) {
            late_skips.push(skipped(rec, SkipReason::Duplicate, None));
            continue;
        }
        let (matched, reissue) = match by_id.get(rec.source_id.as_str()) {
            Some(&i) => (Some(i), false),
            None => (
                reissued(existing, source, rec, &incoming_ids, &claimed),
                true,
            ),
        };
        match matched {
            // The stored badge is a later issue than this record: keep it.
            Some(i) if reissue && rec.earned_on < existing[i].earned_on => {
                claimed.insert(i);
                let key = Some(existing[i].key.clone());
                late_skips.push(skipped(rec, SkipReason::Superseded, key));
            }
            Some(i) => {
                claimed.insert(i);
                let old = &existing[i];
                let new = updated(old, rec, import, today);
                let changes = changes(old, &new);
                if changes.is_empty() {
                    out.unchanged += 1;
                } else {
                    out.update.push(Update {
                        old: old.clone(),
                        new,
                        changes,
                        origin: rec.origin.clone(),
                    });
                }
            }
            None => new_records.push(rec),
        }
    }
    // Keys are handed out in the order of the records' ids, not of the file, so that the
    // same download in another order gives every badge the same key (DESIGN 8).
    let mut in_id_order: Vec<&Incoming> = new_records.clone();
    in_id_order.sort_by(|a, b| a.source_id.cmp(&b.source_id));
    let mut keys: HashMap<&str, String> = HashMap::new();
    for rec in in_id_order {
        let key = fresh_keys
            .get(rec.source_id.as_str())
            .cloned()
            .unwrap_or_else(|| derive_key(&rec.name));
        let key = unique_key(&key, |k| taken.contains(k));
        taken.insert(key.clone());
        keys.insert(rec.source_id.as_str(), key);
    }
    for rec in new_records {
        let key = keys.remove(rec.source_id.as_str()).unwrap_or_default();
        let badge = added(key, rec, source, &default_effort);
        if let Some(note) = look_alike(existing, source, &badge) {
            out.notes.push(note);
        }
        out.add.push(badge);
    }

    out.skipped = with_existing_keys(&import.skipped, existing, &by_id, &claimed);
    out.skipped.extend(late_skips);
    if import.complete {
        out.vanished = vanished(existing, import, &claimed);
    }
    out
}

/// The parser's skipped records, each with the stored badge it names when no record
/// updates that badge.
fn with_existing_keys(
    skipped: &[Skipped],
    existing: &[Badge],
    by_id: &HashMap<&str, usize>,
    claimed: &HashSet<usize>,
) -> Vec<Skipped> {
    skipped
        .iter()
        .map(|s| Skipped {
            existing_key: s
                .source_id
                .as_deref()
                .and_then(|id| by_id.get(id))
                .filter(|i| !claimed.contains(i))
                .map(|&i| existing[i].key.clone()),
            ..s.clone()
        })
        .collect()
}

/// Stored badges of the source that no record matched nor names (archived ones aside).
fn vanished(existing: &[Badge], import: &Import, claimed: &HashSet<usize>) -> Vec<Badge> {
    let skipped_ids: HashSet<&str> = import
        .skipped
        .iter()
        .filter_map(|s| s.source_id.as_deref())
        .collect();
    existing
        .iter()
        .enumerate()
        .filter(|(i, b)| {
            b.source == import.source
                && !b.archived
                && !claimed.contains(i)
                && b.source_id
                    .as_deref()
                    .is_some_and(|id| !skipped_ids.contains(id))
        })
        .map(|(_, b)| b.clone())
        .collect()
}

/// A stored badge this record is a re-issue of: same source, same name and issuer, and
/// its own id gone from the records.
fn reissued(
    existing: &[Badge],
    source: Source,
    rec: &Incoming,
    incoming_ids: &HashSet<&str>,
    claimed: &HashSet<usize>,
) -> Option<usize> {
    let identity = text_identity(&rec.name, &rec.issuer);
    existing.iter().enumerate().position(|(i, b)| {
        b.source == source
            && !claimed.contains(&i)
            && b.source_id
                .as_deref()
                .is_some_and(|id| !incoming_ids.contains(id))
            && text_identity(&b.name, &b.issuer) == identity
    })
}

fn skipped(rec: &Incoming, reason: SkipReason, existing_key: Option<String>) -> Skipped {
    Skipped {
        name: rec.name.clone(),
        source_id: Some(rec.source_id.clone()),
        reason,
        origin: rec.origin.clone(),
        existing_key,
    }
}

fn added(
    key: String,
    rec: &Incoming,
    source: Source,
    default_effort: impl Fn(&str) -> u32,
) -> Badge {
    Badge {
        key,
        name: rec.name.clone(),
        issuer: rec.issuer.clone(),
        level: rec.level.clone(),
        url: rec.url.clone(),
        earned_on: rec.earned_on,
        expires_on: rec.expires_on,
        retires_on: rec.retires_on,
        effort_minutes: rec
            .effort_minutes
            .unwrap_or_else(|| default_effort(&rec.issuer)),
        notes: rec.notes.clone(),
        source,
        source_id: Some(rec.source_id.clone()),
        ..Badge::default()
    }
}

fn updated(old: &Badge, rec: &Incoming, import: &Import, today: NaiveDate) -> Badge {
    let carried = import.carried;
    let mut new = old.clone();
    new.name.clone_from(&rec.name);
    new.source_id = Some(rec.source_id.clone());
    if carried.issuer {
        new.issuer.clone_from(&rec.issuer);
    }
    if carried.level {
        new.level.clone_from(&rec.level);
    }
    if carried.url {
        new.url.clone_from(&rec.url);
    }
    if carried.earned_on {
        new.earned_on = rec.earned_on;
    }
    if carried.expires_on {
        new.expires_on = rec.expires_on;
    }
    if new.retires_on.is_none() {
        new.retires_on = rec.retires_on;
    }
    if new.notes.is_none() {
        new.notes.clone_from(&rec.notes);
    }
    if let (Some(was), Some(now)) = (old.expires_on, new.expires_on)
        && now > was
    {
        let issued_later = new
            .earned_on
            .filter(|n| old.earned_on.is_none_or(|o| *n > o));
        // A spreadsheet is the user's own record: an expiry changed there is a
        // correction as often as a renewal, so no renewal date is invented for it.
        let learned = (import.source != Source::Csv).then_some(today);
        if let Some(start) = issued_later.or(learned) {
            new.renewed_on = old.renewed_on.max(Some(start));
        }
    }
    new
}

fn changes(old: &Badge, new: &Badge) -> Vec<Change> {
    fn text(v: Option<&str>) -> String {
        v.map_or_else(|| "(empty)".to_string(), |s| format!("\"{s}\""))
    }
    fn date(v: Option<NaiveDate>) -> String {
        v.map_or_else(|| "(empty)".to_string(), ymd)
    }
    let mut out = Vec::new();
    let mut push = |field, from: String, to: String| {
        if from != to {
            out.push(Change { field, from, to });
        }
    };
    push("name", text(Some(&old.name)), text(Some(&new.name)));
    push("issuer", text(Some(&old.issuer)), text(Some(&new.issuer)));
    push(
        "level",
        text(old.level.as_deref()),
        text(new.level.as_deref()),
    );
    push("url", text(old.url.as_deref()), text(new.url.as_deref()));
    push("earned_on", date(old.earned_on), date(new.earned_on));
    push("expires_on", date(old.expires_on), date(new.expires_on));
    push("renewed_on", date(old.renewed_on), date(new.renewed_on));
    push("retires_on", date(old.retires_on), date(new.retires_on));
    push(
        "source_id",
        text(old.source_id.as_deref()),
        text(new.source_id.as_deref()),
    );
    out
}

/// A note when a new badge has the name of a stored badge from elsewhere (typed by hand
/// before the first import, say), which is likely the same badge twice.
fn look_alike(existing: &[Badge], source: Source, new: &Badge) -> Option<String> {
    let name = text_identity(&new.name, "");
    let twin = existing
        .iter()
        .find(|b| b.source != source && text_identity(&b.name, "") == name)?;
    Some(format!(
        "\"{}\" (new, #{}) has the name of #{} ({}): if they are the same badge, archive or \
         delete one",
        new.name,
        new.key,
        twin.key,
        twin.source.as_str()
    ))
}

impl ImportPlan {
    /// True when the import would write nothing.
    pub fn is_noop(&self) -> bool {
        self.add.is_empty() && self.update.is_empty()
    }

    /// One line: `added 12, updated 1, unchanged 3, skipped 2 (1 revoked, 1 duplicate)`,
    /// plus `, 1 gone from the download (kept)` when some are.
    pub fn headline(&self) -> String {
        let mut line = format!(
            "added {}, updated {}, unchanged {}, skipped {}",
            self.add.len(),
            self.update.len(),
            self.unchanged,
            self.skipped.len()
        );
        if !self.skipped.is_empty() {
            let mut counts: Vec<(SkipReason, usize)> = Vec::new();
            for s in &self.skipped {
                match counts.iter_mut().find(|(r, _)| *r == s.reason) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((s.reason.clone(), 1)),
                }
            }
            counts.sort();
            let parts: Vec<String> = counts.iter().map(|(r, n)| format!("{n} {r}")).collect();
            let _ = write!(line, " ({})", parts.join(", "));
        }
        if !self.vanished.is_empty() {
            let _ = write!(
                line,
                ", {} gone from the download (kept)",
                self.vanished.len()
            );
        }
        line
    }

    /// The headline, then one line per added, updated, skipped and gone badge, then the
    /// notes.
    pub fn report(&self) -> String {
        let mut lines = vec![self.headline()];
        for b in &self.add {
            let expiry = b
                .expires_on
                .map_or_else(|| "never expires".into(), |d| format!("expires {}", ymd(d)));
            let issuer = if b.issuer.is_empty() {
                String::new()
            } else {
                format!(" ({})", b.issuer)
            };
            lines.push(format!(
                "  added     #{}  {}{issuer}, {expiry}",
                b.key, b.name
            ));
        }
        for u in &self.update {
            let changes: Vec<String> = u.changes.iter().map(ToString::to_string).collect();
            lines.push(format!(
                "  updated   #{}  {}: {}",
                u.new.key,
                u.old.name,
                changes.join(", ")
            ));
        }
        for s in &self.skipped {
            let kept = s
                .existing_key
                .as_ref()
                .map(|k| format!("; #{k} is kept as it is"))
                .unwrap_or_default();
            lines.push(format!(
                "  skipped   {}: {} ({}){kept}",
                s.name, s.reason, s.origin
            ));
        }
        for b in &self.vanished {
            lines.push(format!(
                "  gone      #{}  {}: not in the download; kept (archive it if it no longer counts)",
                b.key, b.name
            ));
        }
        for n in &self.notes {
            lines.push(format!("  note      {n}"));
        }
        lines.join("\n")
    }

    /// The badges after the import: `existing` with the updates applied, then the adds.
    /// For tests and previews; the store writes the plan itself.
    pub fn apply(&self, existing: &[Badge]) -> Vec<Badge> {
        let by_key: HashMap<&str, &Badge> = self
            .update
            .iter()
            .map(|u| (u.old.key.as_str(), &u.new))
            .collect();
        existing
            .iter()
            .map(|b| {
                by_key
                    .get(b.key.as_str())
                    .map_or_else(|| b.clone(), |&n| n.clone())
            })
            .chain(self.add.iter().cloned())
            .collect()
    }
}

impl fmt::Display for ImportPlan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.report())
    }
}

#[cfg(test)]
mod tests;
