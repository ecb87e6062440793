//! The `badges` table: one row per badge, mapped to [`Badge`] in one place.

use super::{Result, opt_date};
use crate::domain::badge::{Badge, Priority, Source};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params_from_iter};
use std::collections::BTreeMap;

/// The columns a [`Badge`] is stored in, in the order of [`values`] and [`from_row`]:
/// the one list the reads, the insert and the update are built from.
const COLUMN_NAMES: [&str; 20] = [
    "key",
    "name",
    "issuer",
    "level",
    "url",
    "notes",
    "tags",
    "earned_on",
    "expires_on",
    "renewed_on",
    "retires_on",
    "replaced_by",
    "available_on",
    "goal_on",
    "effort_minutes",
    "renew_from",
    "priority",
    "source",
    "source_id",
    "archived",
];

/// `key, name, …` for a `SELECT`.
fn columns() -> String {
    COLUMN_NAMES.join(", ")
}

/// A badge's values, in the order of [`COLUMN_NAMES`].
fn values(b: &Badge) -> [Value; 20] {
    let text = |s: &str| Value::Text(s.to_string());
    let opt = |s: &Option<String>| s.as_deref().map_or(Value::Null, text);
    let date = |d: Option<chrono::NaiveDate>| {
        d.map_or(Value::Null, |d| Value::Text(crate::domain::dates::ymd(d)))
    };
    [
        text(&b.key),
        text(&b.name),
        text(&b.issuer),
        opt(&b.level),
        opt(&b.url),
        opt(&b.notes),
        Value::Text(serde_json::to_string(&b.tags).unwrap_or_else(|_| "[]".into())),
        date(b.earned_on),
        date(b.expires_on),
        date(b.renewed_on),
        date(b.retires_on),
        opt(&b.replaced_by),
        date(b.available_on),
        date(b.goal_on),
        Value::Integer(i64::from(b.effort_minutes)),
        date(b.renew_from),
        text(b.priority.as_str()),
        text(b.source.as_str()),
        opt(&b.source_id),
        Value::Integer(i64::from(b.archived)),
    ]
}

/// Reads a row of `SELECT {columns()}`, by position (in the order of [`COLUMN_NAMES`]).
fn from_row(r: &Row<'_>) -> rusqlite::Result<Badge> {
    let tags: String = r.get(6)?;
    let priority: String = r.get(16)?;
    let source: String = r.get(17)?;
    Ok(Badge {
        key: r.get(0)?,
        name: r.get(1)?,
        issuer: r.get(2)?,
        level: r.get(3)?,
        url: r.get(4)?,
        notes: r.get(5)?,
        tags: if tags == "[]" {
            Vec::new()
        } else {
            serde_json::from_str(&tags).unwrap_or_default()
        },
        earned_on: opt_date(r.get(7)?)?,
        expires_on: opt_date(r.get(8)?)?,
        renewed_on: opt_date(r.get(9)?)?,
        retires_on: opt_date(r.get(10)?)?,
        replaced_by: r.get(11)?,
        available_on: opt_date(r.get(12)?)?,
        goal_on: opt_date(r.get(13)?)?,
        effort_minutes: r.get(14)?,
        renew_from: opt_date(r.get(15)?)?,
        priority: priority.parse().unwrap_or(Priority::Normal),
        source: source.parse().unwrap_or(Source::Manual),
        source_id: r.get(18)?,
        archived: r.get(19)?,
        after: Vec::new(),
    })
}

/// The prerequisites of every badge that has some: badge key to the keys it requires, in
/// the order given.
fn after_all(conn: &Connection) -> Result<BTreeMap<String, Vec<String>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT b.key, p.key FROM badge_after a JOIN badges b ON b.id = a.badge_id \
         JOIN badges p ON p.id = a.after_id ORDER BY b.key, a.position, p.key",
    )?;
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (k, p) = row?;
        out.entry(k).or_default().push(p);
    }
    Ok(out)
}

/// The prerequisites of one badge, in order.
fn after_of(conn: &Connection, key: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.key FROM badge_after a JOIN badges b ON b.id = a.badge_id \
         JOIN badges p ON p.id = a.after_id WHERE b.key = ?1 ORDER BY a.position, p.key",
    )?;
    let rows = stmt.query_map([key], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Makes `key`'s prerequisites exactly `after` (keys without a badge are left out), writing
/// only what changes.
pub fn set_after(conn: &Connection, key: &str, after: &[String]) -> Result<()> {
    if after_of(conn, key)? == after {
        return Ok(());
    }
    let Some(id) = id_of(conn, key)? else {
        return Ok(());
    };
    let mut stored: Vec<(i64, i64)> = {
        let mut stmt =
            conn.prepare_cached("SELECT after_id, position FROM badge_after WHERE badge_id = ?1")?;
        stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?
    };
    let mut wanted: Vec<i64> = Vec::new();
    for k in after {
        if let Some(p) = id_of(conn, k)?
            && !wanted.contains(&p)
        {
            wanted.push(p);
        }
    }
    for (p, _) in stored.iter().filter(|(p, _)| !wanted.contains(p)) {
        conn.execute(
            "DELETE FROM badge_after WHERE badge_id = ?1 AND after_id = ?2",
            [id, *p],
        )?;
    }
    stored.retain(|(p, _)| wanted.contains(p));
    for (pos, p) in wanted.iter().enumerate() {
        let pos = i64::try_from(pos).unwrap_or(i64::MAX);
        match stored.iter().find(|(s, _)| s == p) {
            Some((_, old)) if *old == pos => {}
            Some(_) => {
                conn.execute(
                    "UPDATE badge_after SET position = ?3 WHERE badge_id = ?1 AND after_id = ?2",
                    [id, *p, pos],
                )?;
            }
            None => {
                conn.execute(
                    "INSERT INTO badge_after (badge_id, after_id, position) VALUES (?1, ?2, ?3)",
                    [id, *p, pos],
                )?;
            }
        }
    }
    Ok(())
}

/// Every badge, archived included, ordered by key.
pub fn all(conn: &Connection) -> Result<Vec<Badge>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {} FROM badges ORDER BY key", columns()))?;
    let rows = stmt.query_map([], from_row)?;
    let mut all: Vec<Badge> = rows.collect::<rusqlite::Result<_>>()?;
    let mut after = after_all(conn)?;
    for b in &mut all {
        if let Some(list) = after.remove(&b.key) {
            b.after = list;
        }
    }
    Ok(all)
}

/// The badge with this key.
pub fn get(conn: &Connection, key: &str) -> Result<Option<Badge>> {
    let mut stmt =
        conn.prepare_cached(&format!("SELECT {} FROM badges WHERE key = ?1", columns()))?;
    let Some(mut b) = stmt.query_row([key], from_row).optional()? else {
        return Ok(None);
    };
    b.after = after_of(conn, key)?;
    Ok(Some(b))
}

/// The row id of a badge key.
pub fn id_of(conn: &Connection, key: &str) -> Result<Option<i64>> {
    let mut stmt = conn.prepare_cached("SELECT id FROM badges WHERE key = ?1")?;
    Ok(stmt.query_row([key], |r| r.get(0)).optional()?)
}

/// Whether a key is taken.
pub fn key_exists(conn: &Connection, key: &str) -> Result<bool> {
    Ok(id_of(conn, key)?.is_some())
}

/// Inserts a new badge (the caller has checked the key is free).
pub fn insert(conn: &Connection, b: &Badge) -> Result<i64> {
    let marks: Vec<String> = (1..=COLUMN_NAMES.len()).map(|i| format!("?{i}")).collect();
    let mut stmt = conn.prepare_cached(&format!(
        "INSERT INTO badges ({}) VALUES ({})",
        columns(),
        marks.join(", ")
    ))?;
    stmt.execute(params_from_iter(values(b)))?;
    let id = conn.last_insert_rowid();
    set_after(conn, &b.key, &b.after)?;
    Ok(id)
}

/// Replaces every field of the badge now keyed `old_key` with `b`. A changed key is
/// carried over to the badges that name it as their replacement.
pub fn update(conn: &Connection, old_key: &str, b: &Badge) -> Result<bool> {
    let sets: Vec<String> = COLUMN_NAMES
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect();
    let mut stmt = conn.prepare_cached(&format!(
        "UPDATE badges SET {} WHERE key = ?{}",
        sets.join(", "),
        COLUMN_NAMES.len() + 1
    ))?;
    let old = Value::Text(old_key.to_string());
    let n = stmt.execute(params_from_iter(values(b).into_iter().chain([old])))?;
    if n > 0 && old_key != b.key {
        conn.execute(
            "UPDATE badges SET replaced_by = ?1 WHERE replaced_by = ?2",
            [&b.key, old_key],
        )?;
    }
    if n > 0 {
        set_after(conn, &b.key, &b.after)?;
    }
    Ok(n > 0)
}

/// Deletes a badge with its log and pinned sessions; clears references to it.
pub fn delete(conn: &Connection, key: &str) -> Result<bool> {
    let n = conn.execute("DELETE FROM badges WHERE key = ?1", [key])?;
    if n > 0 {
        conn.execute(
            "UPDATE badges SET replaced_by = NULL WHERE replaced_by = ?1",
            [key],
        )?;
    }
    Ok(n > 0)
}

/// Minutes logged per badge key since each badge's cycle start (renewed_on, else earned_on,
/// else ever).
pub fn logged_in_cycle(conn: &Connection) -> Result<BTreeMap<String, u32>> {
    let mut stmt = conn.prepare_cached(
        "SELECT b.key, sum(l.minutes) FROM log l JOIN badges b ON b.id = l.badge_id \
         WHERE l.date >= coalesce(b.renewed_on, b.earned_on, '') GROUP BY b.key",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    let mut out = BTreeMap::new();
    for row in rows {
        let (k, m) = row?;
        out.insert(k, u32::try_from(m.max(0)).unwrap_or(u32::MAX));
    }
    Ok(out)
}

/// Deletes every badge (and so every log entry and pinned session).
pub fn delete_all(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM badges", [])?;
    Ok(())
}
