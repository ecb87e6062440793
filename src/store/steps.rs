//! The `steps` table: each badge's learning journey, in order ([`Step`]), mapped in one
//! place; and the minutes logged since a badge's last step was marked done.

use super::{Result, opt_date};
use crate::domain::step::{Step, StepKind};
use rusqlite::{Connection, Row, params};
use std::collections::BTreeMap;

const COLUMNS: &str = "s.id, s.title, s.kind, s.minutes, s.url, s.done_on, s.source_ref, s.gone";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Step> {
    let kind: String = r.get(2)?;
    Ok(Step {
        id: Some(r.get(0)?),
        title: r.get(1)?,
        kind: kind.parse().unwrap_or(StepKind::Other),
        minutes: r.get(3)?,
        url: r.get(4)?,
        done_on: opt_date(r.get(5)?)?,
        source_ref: r.get(6)?,
        gone: r.get(7)?,
    })
}

/// The steps of one badge, in order.
pub fn of_badge(conn: &Connection, badge_id: i64) -> Result<Vec<Step>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM steps s WHERE s.badge_id = ?1 ORDER BY s.position, s.id"
    ))?;
    let rows = stmt.query_map([badge_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The steps of every badge that has some, by badge key, each list in order.
pub fn all(conn: &Connection) -> Result<BTreeMap<String, Vec<Step>>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS}, b.key FROM steps s JOIN badges b ON b.id = s.badge_id \
         ORDER BY b.key, s.position, s.id"
    ))?;
    let mut rows = stmt.query([])?;
    let mut out: BTreeMap<String, Vec<Step>> = BTreeMap::new();
    while let Some(row) = rows.next()? {
        let key: String = row.get(8)?;
        out.entry(key).or_default().push(from_row(row)?);
    }
    Ok(out)
}

/// Inserts a step at `position` of badge `badge_id` (the caller keeps positions distinct).
pub fn insert(conn: &Connection, badge_id: i64, position: usize, s: &Step) -> Result<i64> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO steps (badge_id, position, title, kind, minutes, url, done_on, \
         source_ref, gone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    stmt.execute(params![
        badge_id,
        i64::try_from(position).unwrap_or(i64::MAX),
        s.title,
        s.kind.as_str(),
        s.minutes,
        s.url,
        s.done_on.map(crate::domain::dates::ymd),
        s.source_ref,
        s.gone,
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Rewrites a step's fields (not its badge) and its position.
pub fn update(conn: &Connection, id: i64, position: usize, s: &Step) -> Result<bool> {
    let mut stmt = conn.prepare_cached(
        "UPDATE steps SET position = ?2, title = ?3, kind = ?4, minutes = ?5, url = ?6, \
         done_on = ?7, source_ref = ?8, gone = ?9 WHERE id = ?1",
    )?;
    let n = stmt.execute(params![
        id,
        i64::try_from(position).unwrap_or(i64::MAX),
        s.title,
        s.kind.as_str(),
        s.minutes,
        s.url,
        s.done_on.map(crate::domain::dates::ymd),
        s.source_ref,
        s.gone,
    ])?;
    Ok(n > 0)
}

/// Deletes a step.
pub fn delete(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.execute("DELETE FROM steps WHERE id = ?1", [id])? > 0)
}

/// Makes the badge's steps exactly `steps`, in that order: steps with an id are updated
/// where they differ (so an unchanged step writes nothing to the undo journal), the others
/// inserted, and stored steps not in the list deleted.
pub fn replace(conn: &Connection, badge_id: i64, steps: &[Step]) -> Result<()> {
    let stored = of_badge(conn, badge_id)?;
    let positions: BTreeMap<i64, usize> = {
        let mut stmt = conn.prepare_cached("SELECT id, position FROM steps WHERE badge_id = ?1")?;
        stmt.query_map([badge_id], |r| Ok((r.get(0)?, r.get::<_, i64>(1)?)))?
            .map(|row| row.map(|(id, p)| (id, usize::try_from(p).unwrap_or(usize::MAX))))
            .collect::<rusqlite::Result<_>>()?
    };
    for old in &stored {
        let id = old.id.unwrap_or_default();
        if !steps.iter().any(|s| s.id == Some(id)) {
            delete(conn, id)?;
        }
    }
    for (pos, s) in steps.iter().enumerate() {
        match s.id.and_then(|id| stored.iter().find(|o| o.id == Some(id))) {
            Some(old) => {
                let id = old.id.unwrap_or_default();
                if old != s || positions.get(&id) != Some(&pos) {
                    update(conn, id, pos, s)?;
                }
            }
            None => {
                insert(conn, badge_id, pos, s)?;
            }
        }
    }
    Ok(())
}

/// Minutes logged per badge key since its last step was marked done in the current cycle
/// (days after that one), or since the cycle start when none is: what counts toward the
/// steps still to do ([`crate::domain::step::progress`]). Only badges with steps.
pub fn logged_since_last_done(conn: &Connection) -> Result<BTreeMap<String, u32>> {
    let mut stmt = conn.prepare_cached(
        "SELECT b.key, sum(l.minutes) FROM log l JOIN badges b ON b.id = l.badge_id \
         WHERE EXISTS (SELECT 1 FROM steps s WHERE s.badge_id = b.id) \
           AND l.date >= coalesce(b.renewed_on, b.earned_on, '') \
           AND l.date > coalesce((SELECT max(s.done_on) FROM steps s WHERE s.badge_id = b.id \
               AND s.gone = 0 AND s.done_on >= coalesce(b.renewed_on, b.earned_on, '')), '') \
         GROUP BY b.key",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    let mut out = BTreeMap::new();
    for row in rows {
        let (k, m) = row?;
        out.insert(k, u32::try_from(m.max(0)).unwrap_or(u32::MAX));
    }
    Ok(out)
}

/// Clears the done dates of a badge's steps (a new cycle).
pub fn undo_all(conn: &Connection, badge_id: i64) -> Result<usize> {
    Ok(conn.execute(
        "UPDATE steps SET done_on = NULL WHERE badge_id = ?1 AND done_on IS NOT NULL",
        [badge_id],
    )?)
}
