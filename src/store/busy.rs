//! The `busy` table: busy time imported from calendar files, per source file.

use super::{Result, datetime};
use crate::domain::dates::ymd_hm;
use crate::domain::spare::Interval;
use rusqlite::{Connection, params};

/// One imported busy stretch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Busy {
    pub source: String,
    pub uid: String,
    pub summary: String,
    pub interval: Interval,
}

/// Busy intervals overlapping `[from, to)`.
pub fn intervals(
    conn: &Connection,
    from: chrono::NaiveDateTime,
    to: chrono::NaiveDateTime,
) -> Result<Vec<Interval>> {
    let mut stmt = conn.prepare_cached(
        "SELECT start, \"end\" FROM busy WHERE \"end\" > ?1 AND start < ?2 ORDER BY start",
    )?;
    let rows = stmt.query_map([ymd_hm(from), ymd_hm(to)], |r| {
        Ok(Interval {
            start: datetime(&r.get::<_, String>(0)?)?,
            end: datetime(&r.get::<_, String>(1)?)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every busy stretch of one source, earliest first.
pub fn of_source(conn: &Connection, source: &str) -> Result<Vec<Busy>> {
    let mut stmt = conn.prepare_cached(
        "SELECT source, uid, summary, start, \"end\" FROM busy WHERE source = ?1 ORDER BY start, uid",
    )?;
    let rows = stmt.query_map([source], |r| {
        Ok(Busy {
            source: r.get(0)?,
            uid: r.get(1)?,
            summary: r.get(2)?,
            interval: Interval {
                start: datetime(&r.get::<_, String>(3)?)?,
                end: datetime(&r.get::<_, String>(4)?)?,
            },
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A summary per source: (source, number of stretches, first start, last end).
pub fn sources(conn: &Connection) -> Result<Vec<(String, u32, String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT source, count(*), min(start), max(\"end\") FROM busy GROUP BY source ORDER BY source",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Replaces everything imported from `source` with `items`; returns (removed, added).
pub fn replace_source(conn: &Connection, source: &str, items: &[Busy]) -> Result<(usize, usize)> {
    let removed = delete_source(conn, source)?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO busy (source, uid, summary, start, \"end\") VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for b in items {
        stmt.execute(params![
            source,
            b.uid,
            b.summary,
            ymd_hm(b.interval.start),
            ymd_hm(b.interval.end)
        ])?;
    }
    Ok((removed, items.len()))
}

/// Adds one busy stretch.
pub fn insert(conn: &Connection, b: &Busy) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO busy (source, uid, summary, start, \"end\") VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        b.source,
        b.uid,
        b.summary,
        ymd_hm(b.interval.start),
        ymd_hm(b.interval.end)
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Deletes everything imported from `source`.
pub fn delete_source(conn: &Connection, source: &str) -> Result<usize> {
    Ok(conn.execute("DELETE FROM busy WHERE source = ?1", [source])?)
}
