//! The versioned JSON backup (DESIGN 6): `{"format": "sukima-backup", "version": 2,
//! "badges": [...], "windows": [...], "log": [...], "pinned": [...]}`.
//!
//! Version 2 adds to each badge its prerequisites (`"after": [keys]`) and its steps
//! (`"steps": [{"title", "kind", "minutes", "url", "done_on", "source_ref", "gone"}]`, in
//! order; `minutes` null means the default estimate of its kind). A version-1 backup still
//! imports: its badges have no steps and no prerequisites.
//!
//! Version 2 also carries the deals (`"deals": [{"key", "name", "by", "needs": [keys],
//! "review": [{"badge", "minutes"}], "priority", "state", "notes", "created_on"}]`, by
//! key), written only when there are some: absent means none, so a version-2 backup
//! made before deals existed, and its export today, are the same bytes.
//!
//! Export is deterministic (badges by key, windows in the order added, the log by date,
//! start and badge, pinned by start), so export → import into an empty database → export
//! gives the same bytes. Import is strict: unknown fields, impossible dates, duplicate keys
//! and references to missing badges are errors that name the record.

use crate::domain::badge::{Badge, Priority, Source, validate_key};
use crate::domain::dates::{hm, parse_datetime, parse_hm, parse_ymd, ymd, ymd_hm};
use crate::domain::deal::{Deal, DealState, Review};
use crate::domain::log::{LogEntry, Pinned};
use crate::domain::spare::{WeekdayOrd, Window, WindowKind, validate};
use crate::domain::step::{Step, StepKind};
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::collections::{BTreeSet, HashSet};

/// The `format` field's value.
pub const FORMAT: &str = "sukima-backup";
/// The version this program writes.
pub const VERSION: u32 = 2;
/// The oldest version this program reads.
pub const OLDEST_VERSION: u32 = 1;

/// Everything a backup holds, as domain values.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BackupData {
    pub badges: Vec<Badge>,
    /// The steps of each badge that has some, by badge key, in order.
    pub steps: BTreeMap<String, Vec<Step>>,
    pub windows: Vec<Window>,
    pub log: Vec<LogEntry>,
    pub pinned: Vec<Pinned>,
    /// Every deal, closed ones included.
    pub deals: Vec<Deal>,
}

impl BackupData {
    /// What it holds: `3 badges, 2 windows, 1 log entry, 0 pinned sessions`.
    pub fn summary(&self) -> String {
        use crate::text::counted;
        format!(
            "{}, {}, {}, {}",
            counted(self.badges.len(), "badge", "badges"),
            counted(self.windows.len(), "window", "windows"),
            counted(self.log.len(), "log entry", "log entries"),
            counted(self.pinned.len(), "pinned session", "pinned sessions")
        )
    }

    /// True when there is nothing at all.
    pub fn is_empty(&self) -> bool {
        self.badges.is_empty()
            && self.windows.is_empty()
            && self.log.is_empty()
            && self.pinned.is_empty()
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Doc {
    format: String,
    version: u32,
    #[serde(default)]
    badges: Vec<BadgeRec>,
    #[serde(default)]
    windows: Vec<WindowRec>,
    #[serde(default)]
    log: Vec<LogRec>,
    #[serde(default)]
    pinned: Vec<PinnedRec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    deals: Vec<DealRec>,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct DealRec {
    key: Option<String>,
    name: Option<String>,
    by: Option<String>,
    needs: Option<Vec<String>>,
    review: Option<Vec<ReviewRec>>,
    priority: Option<String>,
    state: Option<String>,
    notes: Option<String>,
    created_on: Option<String>,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct ReviewRec {
    badge: Option<String>,
    minutes: Option<u32>,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct BadgeRec {
    key: Option<String>,
    name: Option<String>,
    issuer: Option<String>,
    level: Option<String>,
    url: Option<String>,
    notes: Option<String>,
    tags: Option<Vec<String>>,
    earned_on: Option<String>,
    expires_on: Option<String>,
    renewed_on: Option<String>,
    retires_on: Option<String>,
    replaced_by: Option<String>,
    available_on: Option<String>,
    goal_on: Option<String>,
    effort_minutes: Option<u32>,
    renew_from: Option<String>,
    priority: Option<String>,
    source: Option<String>,
    source_id: Option<String>,
    archived: Option<bool>,
    after: Option<Vec<String>>,
    steps: Option<Vec<StepRec>>,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct StepRec {
    title: Option<String>,
    kind: Option<String>,
    minutes: Option<u32>,
    url: Option<String>,
    done_on: Option<String>,
    source_ref: Option<String>,
    gone: Option<bool>,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct WindowRec {
    kind: Option<String>,
    days: Option<Vec<String>>,
    date: Option<String>,
    from_date: Option<String>,
    to_date: Option<String>,
    start: Option<String>,
    end: Option<String>,
    label: Option<String>,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct LogRec {
    badge: Option<String>,
    date: Option<String>,
    start: Option<String>,
    minutes: Option<u32>,
    note: Option<String>,
}

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
struct PinnedRec {
    badge: Option<String>,
    start: Option<String>,
    minutes: Option<u32>,
}

fn opt_ymd(d: Option<NaiveDate>) -> Option<String> {
    d.map(ymd)
}

/// Writes the backup document, pretty-printed, ending in a newline.
pub fn to_json(data: &BackupData) -> String {
    let mut badges: Vec<&Badge> = data.badges.iter().collect();
    badges.sort_by(|a, b| a.key.cmp(&b.key));
    let mut log: Vec<&LogEntry> = data.log.iter().collect();
    log.sort_by(|a, b| {
        (a.date, a.start.is_some(), a.start, &a.badge).cmp(&(
            b.date,
            b.start.is_some(),
            b.start,
            &b.badge,
        ))
    });
    let mut pinned: Vec<&Pinned> = data.pinned.iter().collect();
    pinned.sort_by(|a, b| (a.start, &a.badge).cmp(&(b.start, &b.badge)));
    let doc = Doc {
        format: FORMAT.into(),
        version: VERSION,
        badges: badges
            .into_iter()
            .map(|b| BadgeRec {
                key: Some(b.key.clone()),
                name: Some(b.name.clone()),
                issuer: Some(b.issuer.clone()),
                level: b.level.clone(),
                url: b.url.clone(),
                notes: b.notes.clone(),
                tags: Some(b.tags.clone()),
                earned_on: opt_ymd(b.earned_on),
                expires_on: opt_ymd(b.expires_on),
                renewed_on: opt_ymd(b.renewed_on),
                retires_on: opt_ymd(b.retires_on),
                replaced_by: b.replaced_by.clone(),
                available_on: opt_ymd(b.available_on),
                goal_on: opt_ymd(b.goal_on),
                effort_minutes: Some(b.effort_minutes),
                renew_from: opt_ymd(b.renew_from),
                priority: Some(b.priority.as_str().into()),
                source: Some(b.source.as_str().into()),
                source_id: b.source_id.clone(),
                archived: Some(b.archived),
                after: Some(b.after.clone()),
                steps: Some(
                    data.steps
                        .get(&b.key)
                        .map(|list| list.iter().map(step_rec).collect())
                        .unwrap_or_default(),
                ),
            })
            .collect(),
        windows: data.windows.iter().map(window_rec).collect(),
        log: log
            .into_iter()
            .map(|e| LogRec {
                badge: Some(e.badge.clone()),
                date: Some(ymd(e.date)),
                start: e.start.map(hm),
                minutes: Some(e.minutes),
                note: e.note.clone(),
            })
            .collect(),
        pinned: pinned
            .into_iter()
            .map(|p| PinnedRec {
                badge: Some(p.badge.clone()),
                start: Some(ymd_hm(p.start)),
                minutes: Some(p.minutes),
            })
            .collect(),
        deals: {
            let mut deals: Vec<&Deal> = data.deals.iter().collect();
            deals.sort_by(|a, b| a.key.cmp(&b.key));
            deals
                .into_iter()
                .map(|d| DealRec {
                    key: Some(d.key.clone()),
                    name: Some(d.name.clone()),
                    by: Some(ymd(d.by)),
                    needs: Some(d.needs.clone()),
                    review: Some(
                        d.review
                            .iter()
                            .map(|r| ReviewRec {
                                badge: Some(r.badge.clone()),
                                minutes: Some(r.minutes),
                            })
                            .collect(),
                    ),
                    priority: Some(d.priority.as_str().into()),
                    state: Some(d.state.as_str().into()),
                    notes: d.notes.clone(),
                    created_on: Some(ymd(d.created_on)),
                })
                .collect()
        },
    };
    let mut text = serde_json::to_string_pretty(&doc).expect("the backup serialises");
    text.push('\n');
    text
}

fn step_rec(s: &Step) -> StepRec {
    StepRec {
        title: Some(s.title.clone()),
        kind: Some(s.kind.as_str().into()),
        minutes: s.minutes,
        url: s.url.clone(),
        done_on: opt_ymd(s.done_on),
        source_ref: s.source_ref.clone(),
        gone: Some(s.gone),
    }
}

/// A window as the JSON object of the backup and of `window list --json`.
pub fn window_json(w: &Window) -> serde_json::Value {
    serde_json::to_value(window_rec(w)).expect("a window serialises")
}

fn window_rec(w: &Window) -> WindowRec {
    let label = Some(w.label.clone());
    match &w.kind {
        WindowKind::Weekly {
            days,
            start,
            end,
            from,
            to,
        } => WindowRec {
            kind: Some("weekly".into()),
            days: Some(
                days.iter()
                    .map(|d| crate::domain::dates::weekday_name(d.weekday()).to_string())
                    .collect(),
            ),
            date: None,
            from_date: opt_ymd(*from),
            to_date: opt_ymd(*to),
            start: Some(hm(*start)),
            end: Some(hm(*end)),
            label,
        },
        WindowKind::Once { date, start, end } => WindowRec {
            kind: Some("once".into()),
            date: Some(ymd(*date)),
            start: Some(hm(*start)),
            end: Some(hm(*end)),
            label,
            ..WindowRec::default()
        },
        WindowKind::Blackout { from, to } => WindowRec {
            kind: Some("blackout".into()),
            from_date: Some(ymd(*from)),
            to_date: Some(ymd(*to)),
            label,
            ..WindowRec::default()
        },
    }
}

/// Why a backup cannot be read: the file as a whole (typed, so each language says it),
/// or one of its records (`Record`: the record and field named, as the reader wrote it).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    #[error("{file} is not valid JSON ({detail}); is it a sukima backup?")]
    NotJson { file: String, detail: String },
    #[error(
        "{file} is not a sukima backup (no \"format\": \"{FORMAT}\"); make one with `sukima export json`"
    )]
    NotABackup { file: String },
    #[error(
        "{file} is a backup of version {version}; this sukima reads versions {OLDEST_VERSION} to {VERSION}: upgrade sukima"
    )]
    TooNew { file: String, version: u64 },
    #[error("{0}")]
    Record(String),
}

/// Reads a backup. `file` names it in errors; `default_effort` gives an issuer's default
/// effort for badges without `effort_minutes`. Every error is one line naming the record.
pub fn from_json(
    text: &str,
    file: &str,
    default_effort: &dyn Fn(&str) -> u32,
) -> Result<BackupData, BackupError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| BackupError::NotJson {
            file: file.to_string(),
            detail: e.to_string(),
        })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(BackupError::NotABackup {
            file: file.to_string(),
        });
    }
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if (u64::from(OLDEST_VERSION)..=u64::from(VERSION)).contains(&v) => {}
        Some(v) => {
            return Err(BackupError::TooNew {
                file: file.to_string(),
                version: v,
            });
        }
        None => {
            return Err(BackupError::Record(format!(
                "{file}: \"version\" is missing or not a number"
            )));
        }
    }
    read_records(value, file, default_effort).map_err(BackupError::Record)
}

/// The records of a backup whose format and version were checked.
fn read_records(
    value: serde_json::Value,
    file: &str,
    default_effort: &dyn Fn(&str) -> u32,
) -> Result<BackupData, String> {
    let doc: Doc = serde_json::from_value(value).map_err(|e| format!("{file}: {e}"))?;
    let mut data = BackupData::default();
    let mut keys = HashSet::new();
    for (i, r) in doc.badges.into_iter().enumerate() {
        let at =
            |field: &str, msg: String| -> String { format!("{file}: badges[{i}] {field}: {msg}") };
        let key = r.key.ok_or_else(|| at("key", "missing".into()))?;
        validate_key(&key).map_err(|e| at("key", e.to_string()))?;
        if !keys.insert(key.clone()) {
            return Err(at("key", format!("'{key}' appears twice")));
        }
        let d = |field: &str, v: Option<String>| -> Result<Option<NaiveDate>, String> {
            v.map(|s| parse_ymd(&s).map_err(|e| at(field, e.to_string())))
                .transpose()
        };
        let issuer = r.issuer.unwrap_or_default();
        if let Some(list) = r.steps {
            let mut steps = Vec::with_capacity(list.len());
            for (j, sr) in list.into_iter().enumerate() {
                let at_f = |field: &str, msg: String| at(&format!("steps[{j}] {field}"), msg);
                let step = Step {
                    id: None,
                    title: sr.title.unwrap_or_default(),
                    kind: sr
                        .kind
                        .map(|k| k.parse::<StepKind>())
                        .transpose()
                        .map_err(|e| at_f("kind", e.to_string()))?
                        .unwrap_or_default(),
                    minutes: sr.minutes,
                    url: sr.url,
                    done_on: sr
                        .done_on
                        .map(|s| parse_ymd(&s).map_err(|e| at_f("done_on", e.to_string())))
                        .transpose()?,
                    source_ref: sr.source_ref,
                    gone: sr.gone.unwrap_or(false),
                };
                crate::domain::step::check(&step)
                    .map_err(|e| format!("{file}: badges[{i}] steps[{j}]: {e}"))?;
                steps.push(step);
            }
            if !steps.is_empty() {
                data.steps.insert(key.clone(), steps);
            }
        }
        let name = r
            .name
            .filter(|n| !n.trim().is_empty())
            .ok_or_else(|| at("name", "missing".into()))?;
        data.badges.push(Badge {
            effort_minutes: r.effort_minutes.unwrap_or_else(|| default_effort(&issuer)),
            key,
            name,
            issuer,
            level: r.level,
            url: r.url,
            notes: r.notes,
            tags: r.tags.unwrap_or_default(),
            earned_on: d("earned_on", r.earned_on)?,
            expires_on: d("expires_on", r.expires_on)?,
            renewed_on: d("renewed_on", r.renewed_on)?,
            retires_on: d("retires_on", r.retires_on)?,
            replaced_by: r.replaced_by,
            available_on: d("available_on", r.available_on)?,
            goal_on: d("goal_on", r.goal_on)?,
            renew_from: d("renew_from", r.renew_from)?,
            priority: r
                .priority
                .map(|p| p.parse::<Priority>())
                .transpose()
                .map_err(|e| at("priority", e))?
                .unwrap_or_default(),
            source: r
                .source
                .map(|s| s.parse::<Source>())
                .transpose()
                .map_err(|e| at("source", e))?
                .unwrap_or_default(),
            source_id: r.source_id,
            archived: r.archived.unwrap_or(false),
            after: r.after.unwrap_or_default(),
        });
    }
    for (i, b) in data.badges.iter().enumerate() {
        // The one validation (DESIGN 8); a backup's issuers are kept as written.
        crate::domain::validation::check(b).map_err(|e| format!("{file}: badges[{i}]: {e}"))?;
        if let Some(rep) = &b.replaced_by
            && !keys.contains(rep)
        {
            return Err(format!(
                "{file}: badges[{i}] replaced_by: no badge has the key '{rep}'"
            ));
        }
        for k in &b.after {
            if !keys.contains(k) {
                return Err(format!(
                    "{file}: badges[{i}] after: no badge has the key '{k}'"
                ));
            }
            if *k == b.key {
                return Err(format!(
                    "{file}: badges[{i}] after: '{k}' cannot come after itself"
                ));
            }
        }
    }
    let edges: std::collections::BTreeMap<&str, Vec<&str>> = data
        .badges
        .iter()
        .map(|b| (b.key.as_str(), b.after.iter().map(String::as_str).collect()))
        .collect();
    if let Some(cycle) = crate::domain::prereq::find_cycle(&edges) {
        return Err(format!(
            "{file}: prerequisites make a loop ({}): take one out of \"after\"",
            cycle.join(" → ")
        ));
    }
    for (i, r) in doc.windows.into_iter().enumerate() {
        data.windows
            .push(window_from(r).map_err(|e| format!("{file}: windows[{i}] {e}"))?);
    }
    for (i, r) in doc.log.into_iter().enumerate() {
        let at = |field: &str, msg: String| format!("{file}: log[{i}] {field}: {msg}");
        let badge = r.badge.ok_or_else(|| at("badge", "missing".into()))?;
        if !keys.contains(&badge) {
            return Err(at("badge", format!("no badge has the key '{badge}'")));
        }
        let minutes = r
            .minutes
            .filter(|m| *m > 0)
            .ok_or_else(|| at("minutes", "missing or zero".into()))?;
        data.log.push(LogEntry {
            id: None,
            badge,
            date: parse_ymd(&r.date.ok_or_else(|| at("date", "missing".into()))?)
                .map_err(|e| at("date", e.to_string()))?,
            start: r
                .start
                .map(|s| time(&s).map_err(|e| at("start", e)))
                .transpose()?,
            minutes,
            note: r.note,
        });
    }
    for (i, r) in doc.pinned.into_iter().enumerate() {
        let at = |field: &str, msg: String| format!("{file}: pinned[{i}] {field}: {msg}");
        let badge = r.badge.ok_or_else(|| at("badge", "missing".into()))?;
        if !keys.contains(&badge) {
            return Err(at("badge", format!("no badge has the key '{badge}'")));
        }
        let start = r.start.ok_or_else(|| at("start", "missing".into()))?;
        data.pinned.push(Pinned {
            id: None,
            badge,
            start: parse_datetime(&start)
                .ok_or_else(|| at("start", format!("'{start}' is not YYYY-MM-DDTHH:MM")))?,
            minutes: r
                .minutes
                .filter(|m| *m > 0)
                .ok_or_else(|| at("minutes", "missing or zero".into()))?,
        });
    }
    let mut deal_keys = HashSet::new();
    for (i, r) in doc.deals.into_iter().enumerate() {
        let at = |field: &str, msg: String| format!("{file}: deals[{i}] {field}: {msg}");
        let date = |field: &str, v: Option<String>| -> Result<NaiveDate, String> {
            let v = v.ok_or_else(|| at(field, "missing".into()))?;
            parse_ymd(&v).map_err(|e| at(field, e.to_string()))
        };
        let key = r.key.ok_or_else(|| at("key", "missing".into()))?;
        validate_key(&key).map_err(|e| at("key", e.to_string()))?;
        if !deal_keys.insert(key.clone()) {
            return Err(at("key", format!("'{key}' appears twice")));
        }
        let by = date("by", r.by)?;
        let needs = r.needs.unwrap_or_default();
        for k in &needs {
            if !keys.contains(k) {
                return Err(at("needs", format!("no badge has the key '{k}'")));
            }
        }
        let mut review = Vec::new();
        for (j, rr) in r.review.unwrap_or_default().into_iter().enumerate() {
            let badge = rr
                .badge
                .ok_or_else(|| at(&format!("review[{j}] badge"), "missing".into()))?;
            if !needs.contains(&badge) {
                return Err(at(
                    &format!("review[{j}] badge"),
                    format!("'{badge}' is not in needs"),
                ));
            }
            let minutes = rr
                .minutes
                .filter(|m| (1..=crate::domain::deal::MAX_REVIEW_MINUTES).contains(m))
                .ok_or_else(|| {
                    at(
                        &format!("review[{j}] minutes"),
                        "missing or out of range".into(),
                    )
                })?;
            review.push(Review { badge, minutes });
        }
        let state = match r.state {
            None => DealState::Open,
            Some(s) => DealState::parse(&s)
                .ok_or_else(|| at("state", format!("'{s}' is not open, won, lost or dropped")))?,
        };
        data.deals.push(Deal {
            name: r
                .name
                .filter(|n| !n.trim().is_empty())
                .ok_or_else(|| at("name", "missing".into()))?,
            created_on: match r.created_on {
                Some(_) => date("created_on", r.created_on)?,
                None => by,
            },
            key,
            by,
            needs,
            review,
            priority: r
                .priority
                .map(|p| p.parse::<Priority>())
                .transpose()
                .map_err(|e| at("priority", e))?
                .unwrap_or(Priority::High),
            state,
            notes: r.notes,
        });
    }
    Ok(data)
}

fn time(s: &str) -> Result<NaiveTime, String> {
    parse_hm(s).ok_or_else(|| format!("'{s}' is not a time (HH:MM)"))
}

fn window_from(r: WindowRec) -> Result<Window, String> {
    let need = |field: &str, v: Option<String>| v.ok_or_else(|| format!("{field}: missing"));
    let date = |field: &str, v: Option<String>| -> Result<NaiveDate, String> {
        parse_ymd(&need(field, v)?).map_err(|e| format!("{field}: {e}"))
    };
    let opt_date = |field: &str, v: Option<String>| -> Result<Option<NaiveDate>, String> {
        v.map(|s| parse_ymd(&s).map_err(|e| format!("{field}: {e}")))
            .transpose()
    };
    let t = |field: &str, v: Option<String>| -> Result<NaiveTime, String> {
        time(&need(field, v)?).map_err(|e| format!("{field}: {e}"))
    };
    let kind = match need("kind", r.kind)?.as_str() {
        "weekly" => {
            let days: Option<BTreeSet<WeekdayOrd>> = r
                .days
                .unwrap_or_default()
                .iter()
                .map(|d| crate::domain::dates::parse_weekday(d).map(WeekdayOrd::of))
                .collect();
            WindowKind::Weekly {
                days: days.ok_or("days: use mon, tue, wed, thu, fri, sat, sun")?,
                start: t("start", r.start)?,
                end: t("end", r.end)?,
                from: opt_date("from_date", r.from_date)?,
                to: opt_date("to_date", r.to_date)?,
            }
        }
        "once" => WindowKind::Once {
            date: date("date", r.date)?,
            start: t("start", r.start)?,
            end: t("end", r.end)?,
        },
        "blackout" => WindowKind::Blackout {
            from: date("from_date", r.from_date)?,
            to: date("to_date", r.to_date)?,
        },
        other => {
            return Err(format!("kind: '{other}' is not weekly, once or blackout"));
        }
    };
    validate(&kind)?;
    Ok(Window {
        id: None,
        kind,
        label: r.label.unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{"format": "sukima-backup", "version": 1,
        "badges": [{"key": "a", "name": "A", "issuer": "Microsoft"}]}"#;

    #[test]
    fn absent_fields_are_empty_and_effort_defaults_by_issuer() {
        let data = from_json(MINIMAL, "b.json", &|i| {
            if i == "Microsoft" { 240 } else { 1 }
        })
        .unwrap();
        let b = &data.badges[0];
        assert_eq!(b.effort_minutes, 240);
        assert_eq!(b.earned_on, None);
        assert_eq!(b.priority, Priority::Normal);
        assert!(b.tags.is_empty());
    }

    #[test]
    fn round_trip_is_byte_identical() {
        let text = to_json(&from_json(MINIMAL, "b.json", &|_| 60).unwrap());
        let again = to_json(&from_json(&text, "b.json", &|_| 60).unwrap());
        assert_eq!(text, again);
        assert!(
            text.contains("\"expires_on\": null"),
            "absent fields are null: {text}"
        );
    }

    #[test]
    fn bad_backups_name_the_record() {
        for (text, needle) in [
            ("", "is not valid JSON"),
            (
                "{\"format\": \"sukima-backup\", \"version\": 1, \"badges\": [",
                "is not valid JSON",
            ),
            ("[1, 2]", "is not a sukima backup"),
            (
                "{\"format\": \"other\", \"version\": 1}",
                "is not a sukima backup",
            ),
            (
                "{\"format\": \"sukima-backup\", \"version\": 9}",
                "version 9",
            ),
            (
                r#"{"format":"sukima-backup","version":1,"badges":[{"key":"a","name":"A","expires_on":"2027-02-30"}]}"#,
                "badges[0] expires_on: 2027-02-30 is not a date",
            ),
            (
                r#"{"format":"sukima-backup","version":1,"badges":[{"key":"a","name":"A"},{"key":"a","name":"B"}]}"#,
                "badges[1] key: 'a' appears twice",
            ),
            (
                r#"{"format":"sukima-backup","version":1,"badges":[{"key":"A B","name":"A"}]}"#,
                "badges[0] key",
            ),
            (
                r#"{"format":"sukima-backup","version":1,"badges":[{"key":"a","name":"A","replaced_by":"zz"}]}"#,
                "no badge has the key 'zz'",
            ),
            (
                r#"{"format":"sukima-backup","version":1,"badges":[{"key":"a","name":"A","colour":"red"}]}"#,
                "unknown field `colour`",
            ),
            (
                r#"{"format":"sukima-backup","version":1,"log":[{"badge":"x","date":"2027-01-01","minutes":3}]}"#,
                "log[0] badge: no badge has the key 'x'",
            ),
            (
                r#"{"format":"sukima-backup","version":1,"windows":[{"kind":"weekly","days":["mon"],"start":"08:00","end":"07:00"}]}"#,
                "windows[0]",
            ),
            (
                r#"{"format":"sukima-backup","version":1,"windows":[{"kind":"yearly"}]}"#,
                "windows[0] kind",
            ),
        ] {
            let err = from_json(text, "b.json", &|_| 60).unwrap_err().to_string();
            assert!(err.contains(needle), "{text}\n gave: {err}");
            assert!(err.starts_with("b.json"), "{err}");
            assert!(!err.contains('\n'), "{err}");
        }
    }
}
