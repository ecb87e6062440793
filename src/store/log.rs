//! The `log` table: study done.

use super::{Result, date, opt_time};
use crate::domain::dates::{hm, ymd};
use crate::domain::log::LogEntry;
use chrono::NaiveDate;
use rusqlite::{Connection, Row, params};
use std::collections::BTreeMap;

fn from_row(r: &Row<'_>) -> rusqlite::Result<LogEntry> {
    Ok(LogEntry {
        id: Some(r.get("id")?),
        badge: r.get("key")?,
        date: date(&r.get::<_, String>("date")?)?,
        start: opt_time(r.get("start")?)?,
        minutes: r.get("minutes")?,
        note: r.get("note")?,
    })
}

/// Log entries on or after `since` (all when `None`), oldest first.
pub fn all(conn: &Connection, since: Option<NaiveDate>) -> Result<Vec<LogEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.id, b.key, l.date, l.start, l.minutes, l.note FROM log l \
         JOIN badges b ON b.id = l.badge_id WHERE l.date >= ?1 \
         ORDER BY l.date, l.start IS NOT NULL, l.start, b.key, l.id",
    )?;
    let since = since.map(ymd).unwrap_or_default();
    let rows = stmt.query_map([since], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many entries the log holds and their minutes.
pub fn totals(conn: &Connection) -> Result<(usize, u32)> {
    let (n, minutes): (i64, i64) = conn
        .prepare_cached("SELECT count(*), coalesce(sum(minutes), 0) FROM log")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok((
        usize::try_from(n).unwrap_or(0),
        u32::try_from(minutes).unwrap_or(u32::MAX),
    ))
}

/// The day of the `n`th newest entry (from 1): the entries on or after it are at least the
/// `n` newest, in whole days. `None` when the log holds fewer than `n`.
pub fn day_of_newest(conn: &Connection, n: usize) -> Result<Option<NaiveDate>> {
    use rusqlite::OptionalExtension;
    let offset = i64::try_from(n.saturating_sub(1)).unwrap_or(i64::MAX);
    let day: Option<String> = conn
        .prepare_cached("SELECT date FROM log ORDER BY date DESC LIMIT 1 OFFSET ?1")?
        .query_row([offset], |r| r.get(0))
        .optional()?;
    Ok(match day {
        Some(d) => Some(date(&d)?),
        None => None,
    })
}

/// Inserts a log entry for an existing badge id.
pub fn insert(conn: &Connection, badge_id: i64, e: &LogEntry) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO log (badge_id, date, start, minutes, note) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        badge_id,
        ymd(e.date),
        e.start.map(hm),
        e.minutes,
        e.note
    ])?;
    Ok(conn.last_insert_rowid())
}

/// One log entry by id.
pub fn get(conn: &Connection, id: i64) -> Result<Option<LogEntry>> {
    use rusqlite::OptionalExtension;
    let mut stmt = conn.prepare_cached(
        "SELECT l.id, b.key, l.date, l.start, l.minutes, l.note FROM log l \
         JOIN badges b ON b.id = l.badge_id WHERE l.id = ?1",
    )?;
    Ok(stmt.query_row([id], from_row).optional()?)
}

/// Replaces a log entry's fields (its badge by id); false when no entry has the id.
pub fn update(conn: &Connection, id: i64, badge_id: i64, e: &LogEntry) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "UPDATE log SET badge_id = ?2, date = ?3, start = ?4, minutes = ?5, note = ?6 WHERE id = ?1",
        )?
        .execute(params![
            id,
            badge_id,
            ymd(e.date),
            e.start.map(hm),
            e.minutes,
            e.note
        ])?
        > 0)
}

/// Deletes one log entry.
pub fn delete(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.execute("DELETE FROM log WHERE id = ?1", [id])? > 0)
}

/// Minutes logged per day from `from` to `to`, both included.
pub fn minutes_per_day(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<BTreeMap<NaiveDate, u32>> {
    let mut stmt = conn.prepare_cached(
        "SELECT date, sum(minutes) FROM log WHERE date >= ?1 AND date <= ?2 GROUP BY date",
    )?;
    let rows = stmt.query_map([ymd(from), ymd(to)], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
    })?;
    let mut out = BTreeMap::new();
    for row in rows {
        let (d, m) = row?;
        out.insert(date(&d)?, u32::try_from(m.max(0)).unwrap_or(u32::MAX));
    }
    Ok(out)
}
