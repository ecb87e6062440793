//! The `windows` table: spare time (weekly, once) and blackouts.

use super::{Result, date, opt_date, time};
use crate::domain::dates::{hm, ymd};
use crate::domain::spare::{Window, WindowKind, parse_days};
use rusqlite::{Connection, Row, params};

fn from_row(r: &Row<'_>) -> rusqlite::Result<Window> {
    let kind: String = r.get("kind")?;
    let text = |c: &str| -> rusqlite::Result<String> {
        Ok(r.get::<_, Option<String>>(c)?.unwrap_or_default())
    };
    let kind = match kind.as_str() {
        "weekly" => WindowKind::Weekly {
            days: parse_days(&text("days")?).unwrap_or_default(),
            start: time(&text("start")?)?,
            end: time(&text("end")?)?,
            from: opt_date(r.get("from_date")?)?,
            to: opt_date(r.get("to_date")?)?,
        },
        "once" => WindowKind::Once {
            date: date(&text("date")?)?,
            start: time(&text("start")?)?,
            end: time(&text("end")?)?,
        },
        _ => WindowKind::Blackout {
            from: date(&text("from_date")?)?,
            to: date(&text("to_date")?)?,
        },
    };
    Ok(Window {
        id: Some(r.get("id")?),
        kind,
        label: r.get("label")?,
    })
}

/// Every window, in the order they were added.
pub fn all(conn: &Connection) -> Result<Vec<Window>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, days, date, from_date, to_date, start, \"end\", label FROM windows ORDER BY id",
    )?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

type Columns = (
    &'static str,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn columns(kind: &WindowKind) -> Columns {
    match kind {
        WindowKind::Weekly {
            days,
            start,
            end,
            from,
            to,
        } => (
            "weekly",
            Some(days_text(days)),
            None,
            from.map(ymd),
            to.map(ymd),
            Some(hm(*start)),
            Some(hm(*end)),
        ),
        WindowKind::Once { date, start, end } => (
            "once",
            None,
            Some(ymd(*date)),
            None,
            None,
            Some(hm(*start)),
            Some(hm(*end)),
        ),
        WindowKind::Blackout { from, to } => (
            "blackout",
            None,
            None,
            Some(ymd(*from)),
            Some(ymd(*to)),
            None,
            None,
        ),
    }
}

/// Days as stored: always a comma list (`mon,tue`), never the short names.
fn days_text(days: &std::collections::BTreeSet<crate::domain::spare::WeekdayOrd>) -> String {
    days.iter()
        .map(|d| crate::domain::dates::weekday_name(d.weekday()))
        .collect::<Vec<_>>()
        .join(",")
}

/// Inserts a window and returns its id.
pub fn insert(conn: &Connection, w: &Window) -> Result<i64> {
    let (kind, days, d, from, to, start, end) = columns(&w.kind);
    conn.prepare_cached(
        "INSERT INTO windows (kind, days, date, from_date, to_date, start, \"end\", label) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![kind, days, d, from, to, start, end, w.label])?;
    Ok(conn.last_insert_rowid())
}

/// Replaces the window with this id.
pub fn update(conn: &Connection, id: i64, w: &Window) -> Result<bool> {
    let (kind, days, d, from, to, start, end) = columns(&w.kind);
    let n = conn.execute(
        "UPDATE windows SET kind = ?1, days = ?2, date = ?3, from_date = ?4, to_date = ?5, \
         start = ?6, \"end\" = ?7, label = ?8 WHERE id = ?9",
        params![kind, days, d, from, to, start, end, w.label, id],
    )?;
    Ok(n > 0)
}

/// Deletes the window with this id.
pub fn delete(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.execute("DELETE FROM windows WHERE id = ?1", [id])? > 0)
}

/// Deletes every window.
pub fn delete_all(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM windows", [])?;
    Ok(())
}
