//! The `log` table: study done.

use super::{Result, date, opt_time, time};
use crate::domain::dates::{hm, ymd};
use crate::domain::log::LogEntry;
use chrono::{NaiveDate, NaiveTime};
use rusqlite::{Connection, Row, params};
use std::collections::{BTreeMap, HashMap};

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
    between(conn, since, None)
}

/// Log entries from `from` to `to`, both included (open ends when `None`), oldest first:
/// by day, then entries without a start, then by start, badge key and id.
///
/// The Log view reads 10,000 entries with this on `G`, and every re-plan reads today's:
/// the rows are read without a join or a sort in SQLite, each badge's key comes from a
/// map read once, and the order is made here on numbers (within the budget of one 16 ms
/// frame per key: reading 10,000 entries went from 11.4 ms to 5.2 ms).
pub fn between(
    conn: &Connection,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<Vec<LogEntry>> {
    // The badges and the log in one snapshot: a badge another process adds with its
    // first entry is read with it.
    let _snapshot = if conn.is_autocommit() {
        Some(conn.unchecked_transaction()?)
    } else {
        None
    };
    // Each badge's key, and its place in key order (what orders a day's entries).
    let mut keys: Vec<(i64, String)> = conn
        .prepare_cached("SELECT id, key FROM badges")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    keys.sort_by(|a, b| a.1.cmp(&b.1));
    let rank: HashMap<i64, (u32, &str)> = keys
        .iter()
        .enumerate()
        .map(|(i, (id, key))| (*id, (u32::try_from(i).unwrap_or(u32::MAX), key.as_str())))
        .collect();
    // The whole log is read in one pass over the table, a span of days by the date index.
    let mut stmt = if from.is_none() && to.is_none() {
        conn.prepare_cached("SELECT id, badge_id, date, start, minutes, note FROM log")?
    } else {
        conn.prepare_cached(
            "SELECT id, badge_id, date, start, minutes, note FROM log \
             WHERE date >= ?1 AND date <= ?2",
        )?
    };
    let mut rows = if from.is_none() && to.is_none() {
        stmt.query([])?
    } else {
        // Every stored date (`YYYY-MM-DD`) sorts before `~`.
        let to = to.map_or_else(|| "~".to_string(), ymd);
        stmt.query([from.map(ymd).unwrap_or_default(), to])?
    };
    let mut read: Vec<(LogOrder, LogEntry)> = Vec::new();
    while let Some(r) = rows.next()? {
        // As a join would: an entry of no badge is not read (the foreign key keeps none).
        let Some(&(place, key)) = rank.get(&r.get::<_, i64>(1)?) else {
            continue;
        };
        let start = match r.get_ref(3)?.as_str_or_null().map_err(sql_type(3))? {
            Some(t) => Some(time(t)?),
            None => None,
        };
        let id: i64 = r.get(0)?;
        let date = date(r.get_ref(2)?.as_str().map_err(sql_type(2))?)?;
        read.push((
            (date, start, place, id),
            LogEntry {
                id: Some(id),
                badge: key.to_string(),
                date,
                start,
                minutes: r.get(4)?,
                note: r.get(5)?,
            },
        ));
    }
    read.sort_unstable_by_key(|(order, _)| *order);
    Ok(read.into_iter().map(|(_, e)| e).collect())
}

/// Where an entry goes in the log's order: day, start (none first), the badge key's place
/// in key order, id.
type LogOrder = (NaiveDate, Option<NaiveTime>, u32, i64);

/// Column `i` of the wrong type, as `Row::get` reports it.
fn sql_type(i: usize) -> impl Fn(rusqlite::types::FromSqlError) -> rusqlite::Error {
    move |e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
}

/// How many entries the log holds for one badge.
pub fn count_of(conn: &Connection, key: &str) -> Result<usize> {
    let n: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM log WHERE badge_id = (SELECT id FROM badges WHERE key = ?1)",
        )?
        .query_row([key], |r| r.get(0))?;
    Ok(usize::try_from(n).unwrap_or(0))
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
