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
    replace_source_with(
        conn,
        source,
        items
            .iter()
            .map(|b| (b.uid.as_str(), b.summary.as_str(), b.interval)),
    )
}

/// Replaces everything imported from `source` with `items` (uid, summary, interval);
/// returns (removed, added). A calendar brings up to hundreds of thousands of rows: the
/// undo journal gets two steps for all of them (delete the new rows, put the old ones
/// back) instead of one per row, and the rows go in without the per-row undo triggers.
pub fn replace_source_with<'a>(
    conn: &Connection,
    source: &str,
    items: impl Iterator<Item = (&'a str, &'a str, Interval)>,
) -> Result<(usize, usize)> {
    compact_undo(conn, source, || {
        let removed = conn.execute("DELETE FROM busy WHERE source = ?1", [source])?;
        let mut stmt = conn.prepare_cached(
            "INSERT INTO busy (source, uid, summary, start, \"end\") VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let mut added = 0;
        for (uid, summary, interval) in items {
            stmt.execute(params![
                source,
                uid,
                summary,
                ymd_hm(interval.start),
                ymd_hm(interval.end)
            ])?;
            added += 1;
        }
        Ok((removed, added))
    })
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
    compact_undo(conn, source, || {
        Ok(conn.execute("DELETE FROM busy WHERE source = ?1", [source])?)
    })
}

/// Runs `change` (which touches only rows of `source`) with the undo triggers held off,
/// recording instead, when an action is open: one step that puts the rows of `source`
/// back as they are now, and one (run first on undo) that deletes what is there then.
fn compact_undo<T>(
    conn: &Connection,
    source: &str,
    change: impl FnOnce() -> Result<T>,
) -> Result<T> {
    use rusqlite::OptionalExtension;
    let open: Option<i64> = conn
        .query_row("SELECT id FROM undo_action WHERE open = 1", [], |r| {
            r.get(0)
        })
        .optional()?;
    let Some(action) = open else {
        return change();
    };
    conn.execute(
        "INSERT INTO undo_step (action_id, sql) \
         SELECT ?1, 'INSERT INTO busy (id, source, uid, summary, start, \"end\") VALUES ' || \
                group_concat('(' || id || ', ' || quote(source) || ', ' || quote(uid) || ', ' || \
                             quote(summary) || ', ' || quote(start) || ', ' || quote(\"end\") || ')', ', ') \
         FROM busy WHERE source = ?2 HAVING count(*) > 0",
        params![action, source],
    )?;
    // The triggers fire only for the action marked open = 1.
    conn.execute("UPDATE undo_action SET open = 2 WHERE id = ?1", [action])?;
    let value = change()?;
    conn.execute("UPDATE undo_action SET open = 1 WHERE id = ?1", [action])?;
    conn.execute(
        "INSERT INTO undo_step (action_id, sql) \
         SELECT ?1, 'DELETE FROM busy WHERE source = ' || quote(?2) \
         WHERE EXISTS (SELECT 1 FROM busy WHERE source = ?2) \
            OR EXISTS (SELECT 1 FROM undo_step WHERE action_id = ?1)",
        params![action, source],
    )?;
    Ok(value)
}
