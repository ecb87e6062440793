//! The demo data (`assets/demo.toml`), with dates relative to today, turned into a backup's
//! worth of domain values.

use super::backup::BackupData;
use crate::domain::badge::{Badge, Priority};
use crate::domain::dates::parse_hm;
use crate::domain::duration::parse_duration;
use crate::domain::log::{LogEntry, Pinned};
use crate::domain::spare::{WeekdayOrd, Window, WindowKind, parse_days};
use crate::domain::step::Step;
use chrono::{Datelike, Days, NaiveDate};
use serde::Deserialize;

/// The demo file, embedded.
pub const DEMO_TOML: &str = include_str!("../../assets/demo.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Demo {
    badge: Vec<DemoBadge>,
    window: Vec<DemoWindow>,
    log_pattern: Vec<DemoPattern>,
    log: Vec<DemoLog>,
    pinned: Vec<DemoPinned>,
    #[serde(default)]
    deal: Vec<DemoDeal>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoDeal {
    key: String,
    name: String,
    by: i64,
    needs: Vec<String>,
    #[serde(default)]
    review: Vec<String>,
    priority: Option<String>,
    notes: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoBadge {
    key: String,
    name: String,
    issuer: String,
    level: Option<String>,
    earned: Option<i64>,
    expires: Option<i64>,
    retires: Option<i64>,
    replaced_by: Option<String>,
    available: Option<i64>,
    goal: Option<i64>,
    effort: String,
    priority: Option<String>,
    notes: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    archived: bool,
    /// Keys of its prerequisites.
    #[serde(default)]
    after: Vec<String>,
    #[serde(default)]
    step: Vec<DemoStep>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoStep {
    title: String,
    kind: String,
    minutes: Option<String>,
    url: Option<String>,
    /// Days from today it was done (negative: past).
    done: Option<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoWindow {
    kind: String,
    days: Option<String>,
    start: Option<String>,
    end: Option<String>,
    from: Option<i64>,
    to: Option<i64>,
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoPattern {
    from: i64,
    to: i64,
    days: String,
    start: String,
    minutes: u32,
    badges: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoLog {
    badge: String,
    day: i64,
    minutes: u32,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoPinned {
    badge: String,
    day: i64,
    start: String,
    minutes: u32,
}

fn shift(today: NaiveDate, days: i64) -> NaiveDate {
    let n = Days::new(days.unsigned_abs());
    if days >= 0 {
        today.checked_add_days(n)
    } else {
        today.checked_sub_days(n)
    }
    .unwrap_or(today)
}

/// The demo data as of `today`.
pub fn demo(today: NaiveDate) -> BackupData {
    let demo: Demo = toml::from_str(DEMO_TOML).expect("the embedded demo data is valid");
    let at = |d: Option<i64>| d.map(|d| shift(today, d));
    let mut steps = std::collections::BTreeMap::new();
    let badges = demo
        .badge
        .into_iter()
        .map(|b| {
            let earned = at(b.earned);
            if !b.step.is_empty() {
                let list: Vec<Step> = b
                    .step
                    .iter()
                    .map(|s| Step {
                        title: s.title.clone(),
                        kind: s.kind.parse().expect("demo step kind"),
                        minutes: s
                            .minutes
                            .as_deref()
                            .map(|m| parse_duration(m).expect("demo step minutes")),
                        url: s.url.clone(),
                        done_on: at(s.done),
                        ..Step::default()
                    })
                    .collect();
                steps.insert(b.key.clone(), list);
            }
            Badge {
                key: b.key,
                name: b.name,
                issuer: b.issuer,
                level: b.level,
                url: None,
                notes: b.notes,
                tags: b.tags,
                earned_on: earned,
                expires_on: at(b.expires),
                renewed_on: None,
                retires_on: at(b.retires),
                replaced_by: b.replaced_by,
                available_on: at(b.available),
                goal_on: at(b.goal),
                effort_minutes: parse_duration(&b.effort).expect("demo effort"),
                renew_from: None,
                priority: b
                    .priority
                    .map_or(Priority::Normal, |p| p.parse().expect("demo priority")),
                source: crate::domain::badge::Source::Manual,
                source_id: None,
                archived: b.archived,
                after: b.after,
            }
        })
        .collect();
    let windows = demo
        .window
        .into_iter()
        .map(|w| {
            let time =
                |t: &Option<String>| parse_hm(t.as_deref().unwrap_or("")).expect("demo time");
            let kind = match w.kind.as_str() {
                "weekly" => WindowKind::Weekly {
                    days: parse_days(w.days.as_deref().unwrap_or("")).expect("demo days"),
                    start: time(&w.start),
                    end: time(&w.end),
                    from: None,
                    to: None,
                },
                _ => WindowKind::Blackout {
                    from: shift(today, w.from.unwrap_or(0)),
                    to: shift(today, w.to.unwrap_or(0)),
                },
            };
            Window {
                id: None,
                kind,
                label: w.label,
            }
        })
        .collect();
    let mut log = Vec::new();
    for p in demo.log_pattern {
        let days = parse_days(&p.days).expect("demo pattern days");
        let mut i = 0;
        for offset in p.from..=p.to {
            let date = shift(today, offset);
            if !days.contains(&WeekdayOrd::of(date.weekday())) {
                continue;
            }
            log.push(LogEntry {
                id: None,
                badge: p.badges[i % p.badges.len()].clone(),
                date,
                start: parse_hm(&p.start),
                minutes: p.minutes,
                note: None,
            });
            i += 1;
        }
    }
    for l in demo.log {
        log.push(LogEntry {
            id: None,
            badge: l.badge,
            date: shift(today, l.day),
            start: None,
            minutes: l.minutes,
            note: l.note,
        });
    }
    let pinned = demo
        .pinned
        .into_iter()
        .map(|p| Pinned {
            id: None,
            badge: p.badge,
            start: shift(today, p.day).and_time(parse_hm(&p.start).expect("demo pinned time")),
            minutes: p.minutes,
        })
        .collect();
    let deals = demo
        .deal
        .into_iter()
        .map(|d| crate::domain::deal::Deal {
            key: d.key,
            name: d.name,
            by: shift(today, d.by),
            needs: d.needs,
            review: crate::domain::deal::parse_review(&d.review.join(","))
                .expect("demo deal review"),
            priority: d
                .priority
                .map_or(Priority::High, |p| p.parse().expect("demo deal priority")),
            state: crate::domain::deal::DealState::Open,
            notes: d.notes,
            created_on: today,
        })
        .collect();
    BackupData {
        badges,
        steps,
        windows,
        log,
        pinned,
        deals,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::status::{Status, status_at};
    use std::collections::BTreeSet;

    #[test]
    fn the_demo_covers_every_status_and_japanese() {
        let today = crate::domain::dates::parse_ymd("2026-11-26").unwrap();
        let data = demo(today);
        let statuses: BTreeSet<Status> = data
            .badges
            .iter()
            .map(|b| status_at(b, today, 90))
            .collect();
        assert_eq!(statuses, Status::ALL.into_iter().collect());
        assert!(data.badges.iter().any(|b| b.name.contains("データ")));
        let issuers: BTreeSet<&str> = data.badges.iter().map(|b| b.issuer.as_str()).collect();
        assert!(issuers.len() >= 4);
        assert!(data.log.len() > 20);
        assert!(data.log.iter().all(|l| l.date < today));
        let keys: BTreeSet<&str> = data.badges.iter().map(|b| b.key.as_str()).collect();
        assert!(data.log.iter().all(|l| keys.contains(l.badge.as_str())));
    }
}
