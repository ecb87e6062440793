//! The `deals` and `deal_badges` tables: deals ([`Deal`]) with the badges they need and
//! their review study, mapped in one place; and the minutes logged on the badges open
//! deals need.

use super::{Result, date};
use crate::domain::badge::Priority;
use crate::domain::deal::{Deal, DealState, Review};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::BTreeMap;

/// Every deal, in key order, with its badges in order.
pub fn all(conn: &Connection) -> Result<Vec<Deal>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, key, name, by_date, priority, state, notes, created_on FROM deals ORDER BY key",
    )?;
    let rows = stmt.query_map([], |r| {
        let by: String = r.get(3)?;
        let created: String = r.get(7)?;
        let priority: String = r.get(4)?;
        let state: String = r.get(5)?;
        Ok((
            r.get::<_, i64>(0)?,
            Deal {
                key: r.get(1)?,
                name: r.get(2)?,
                by: date(&by)?,
                needs: Vec::new(),
                review: Vec::new(),
                priority: priority.parse().unwrap_or(Priority::High),
                state: DealState::parse(&state).unwrap_or(DealState::Open),
                notes: r.get(6)?,
                created_on: date(&created)?,
            },
        ))
    })?;
    let mut deals: Vec<(i64, Deal)> = rows.collect::<rusqlite::Result<_>>()?;
    if deals.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(
        "SELECT d.deal_id, b.key, d.review_minutes FROM deal_badges d \
         JOIN badges b ON b.id = d.badge_id ORDER BY d.deal_id, d.position",
    )?;
    let mut rows = stmt.query([])?;
    let index: BTreeMap<i64, usize> = deals
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (*id, i))
        .collect();
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let key: String = row.get(1)?;
        let review: Option<u32> = row.get(2)?;
        if let Some(&i) = index.get(&id) {
            let d = &mut deals[i].1;
            if let Some(minutes) = review {
                d.review.push(Review {
                    badge: key.clone(),
                    minutes,
                });
            }
            d.needs.push(key);
        }
    }
    Ok(deals.into_iter().map(|(_, d)| d).collect())
}

/// The row id of the deal with this key.
pub fn id_of(conn: &Connection, key: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT id FROM deals WHERE key = ?1", [key], |r| r.get(0))
        .optional()?)
}

/// Inserts a deal with its badges (every key must name a badge); returns its row id.
pub fn insert(conn: &Connection, d: &Deal) -> Result<i64> {
    conn.execute(
        "INSERT INTO deals (key, name, by_date, priority, state, notes, created_on) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            d.key,
            d.name,
            crate::domain::dates::ymd(d.by),
            d.priority.as_str(),
            d.state.as_str(),
            d.notes,
            crate::domain::dates::ymd(d.created_on),
        ],
    )?;
    let id = conn.last_insert_rowid();
    write_badges(conn, id, d)?;
    Ok(id)
}

/// Rewrites the deal with row id `id`, its badges included.
pub fn update(conn: &Connection, id: i64, d: &Deal) -> Result<()> {
    conn.execute(
        "UPDATE deals SET key = ?2, name = ?3, by_date = ?4, priority = ?5, state = ?6, \
         notes = ?7, created_on = ?8 WHERE id = ?1",
        params![
            id,
            d.key,
            d.name,
            crate::domain::dates::ymd(d.by),
            d.priority.as_str(),
            d.state.as_str(),
            d.notes,
            crate::domain::dates::ymd(d.created_on),
        ],
    )?;
    conn.execute("DELETE FROM deal_badges WHERE deal_id = ?1", [id])?;
    write_badges(conn, id, d)
}

fn write_badges(conn: &Connection, id: i64, d: &Deal) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO deal_badges (deal_id, badge_id, position, review_minutes) \
         SELECT ?1, id, ?3, ?4 FROM badges WHERE key = ?2",
    )?;
    for (i, key) in d.needs.iter().enumerate() {
        let review = d.review_of(key);
        stmt.execute(params![
            id,
            key,
            i64::try_from(i).unwrap_or(i64::MAX),
            (review > 0).then_some(review),
        ])?;
    }
    Ok(())
}

/// Deletes the deal with row id `id` (and its links to badges).
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM deal_badges WHERE deal_id = ?1", [id])?;
    conn.execute("DELETE FROM deals WHERE id = ?1", [id])?;
    Ok(())
}

/// Deletes every deal.
pub fn delete_all(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM deal_badges", [])?;
    conn.execute("DELETE FROM deals", [])?;
    Ok(())
}

/// Minutes logged per day on each badge an open deal needs.
pub fn logged_on_needed(
    conn: &Connection,
) -> Result<BTreeMap<String, BTreeMap<chrono::NaiveDate, u32>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT b.key, l.date, sum(l.minutes) FROM log l JOIN badges b ON b.id = l.badge_id \
         WHERE l.badge_id IN (SELECT x.badge_id FROM deal_badges x JOIN deals d ON d.id = x.deal_id \
         WHERE d.state = 'open') GROUP BY b.key, l.date",
    )?;
    let mut rows = stmt.query([])?;
    let mut out: BTreeMap<String, BTreeMap<chrono::NaiveDate, u32>> = BTreeMap::new();
    while let Some(row) = rows.next()? {
        let key: String = row.get(0)?;
        let day: String = row.get(1)?;
        let m: i64 = row.get(2)?;
        out.entry(key)
            .or_default()
            .insert(date(&day)?, u32::try_from(m.max(0)).unwrap_or(u32::MAX));
    }
    Ok(out)
}
