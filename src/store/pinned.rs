//! The `pinned` table: sessions the user placed by hand.

use super::{Result, datetime};
use crate::domain::dates::ymd_hm;
use crate::domain::log::Pinned;
use rusqlite::{Connection, params};

/// Every pinned session, earliest first.
pub fn all(conn: &Connection) -> Result<Vec<Pinned>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, b.key, p.start, p.minutes FROM pinned p JOIN badges b ON b.id = p.badge_id \
         ORDER BY p.start, b.key, p.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Pinned {
            id: Some(r.get(0)?),
            badge: r.get(1)?,
            start: datetime(&r.get::<_, String>(2)?)?,
            minutes: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Inserts a pinned session for an existing badge id.
pub fn insert(conn: &Connection, badge_id: i64, p: &Pinned) -> Result<i64> {
    conn.prepare_cached("INSERT INTO pinned (badge_id, start, minutes) VALUES (?1, ?2, ?3)")?
        .execute(params![badge_id, ymd_hm(p.start), p.minutes])?;
    Ok(conn.last_insert_rowid())
}

/// Deletes one pinned session.
pub fn delete(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.execute("DELETE FROM pinned WHERE id = ?1", [id])? > 0)
}
