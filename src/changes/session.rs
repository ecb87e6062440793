//! Acting on a session (DESIGN 1), from the command line and the planner alike: done,
//! skip, move, and "not done" for a pinned session whose time passed. Each is one
//! transaction and one undo step. A skip blocks the session's time as busy time from the
//! source [`SKIPPED`] (listed and removable in Spare time like a calendar import), so the
//! planner moves the work elsewhere.

use super::{ChangeError, Done, Label, badge_id};
use crate::domain::change::MoveWarning;
use crate::domain::dates::ymd_hm;
use crate::domain::log::{LogEntry, Pinned};
use crate::domain::plan::Session;
use crate::domain::session::minutes_ok;
use crate::domain::spare::{Window, blacked_out};
use crate::store::busy::{self, Busy};
use crate::store::{Store, log, pinned};
use anyhow::Result;
use chrono::NaiveDateTime;
use rusqlite::Connection;

/// The busy-time source of skipped sessions.
pub const SKIPPED: &str = "skipped";

/// The stored pin of a pinned session (the first with its badge and start).
fn pin_of(conn: &Connection, s: &Session) -> Result<Option<Pinned>> {
    Ok(pinned::all(conn)?
        .into_iter()
        .find(|p| p.badge == s.badge && p.start == s.start))
}

/// Blocks a session's time as busy time from [`SKIPPED`]: "not then".
fn block(conn: &Connection, s: &Session) -> Result<()> {
    busy::insert(
        conn,
        &Busy {
            source: SKIPPED.into(),
            uid: format!("{}@{}", s.badge, ymd_hm(s.start)),
            summary: s.badge.clone(),
            interval: crate::domain::spare::Interval {
                start: s.start,
                end: s.end,
            },
        },
    )?;
    Ok(())
}

/// Logs a session as studied: `minutes` (1 minute to a day) at its start; a pinned one
/// leaves the pins.
pub fn done(store: &mut Store, s: &Session, minutes: u32) -> Result<Done> {
    if !minutes_ok(minutes) {
        return Err(ChangeError::BadMinutes { minutes }.into());
    }
    let label = Label::Done {
        duration: crate::domain::format_minutes(minutes),
        badge: s.badge.clone(),
        at: ymd_hm(s.start),
    };
    let unpinned = store.transact(&label.record(), |tx| -> Result<bool> {
        let id = badge_id(tx, &s.badge)?;
        let entry = LogEntry {
            id: None,
            badge: s.badge.clone(),
            date: s.start.date(),
            start: Some(s.start.time()),
            minutes,
            note: None,
        };
        log::insert(tx, id, &entry)?;
        let pin = if s.pinned { pin_of(tx, s)? } else { None };
        if let Some(p) = &pin {
            pinned::delete(tx, p.id.unwrap_or_default())?;
        }
        Ok(pin.is_some())
    })?;
    Ok(Done::SessionDone {
        badge: s.badge.clone(),
        start: s.start,
        minutes,
        unpinned,
    })
}

/// Skips a session: its time becomes busy (`skipped`), a pinned one leaves the pins.
pub fn skip(store: &mut Store, s: &Session) -> Result<Done> {
    let label = Label::Skip {
        badge: s.badge.clone(),
        at: ymd_hm(s.start),
    };
    store.transact(&label.record(), |tx| -> Result<()> {
        badge_id(tx, &s.badge)?;
        if s.pinned
            && let Some(p) = pin_of(tx, s)?
        {
            pinned::delete(tx, p.id.unwrap_or_default())?;
        }
        block(tx, s)?;
        Ok(())
    })?;
    Ok(Done::SessionSkipped {
        badge: s.badge.clone(),
        start: s.start,
        end: s.end,
    })
}

/// What is wrong with moving a session of `minutes` to `to`: it has passed, it falls on
/// a blackout, or it is busy (or skipped). `None`: a fine time.
pub fn move_warning(
    conn: &Connection,
    windows: &[Window],
    to: NaiveDateTime,
    minutes: u32,
    now: NaiveDateTime,
) -> Result<Option<MoveWarning>> {
    if to < now {
        return Ok(Some(MoveWarning::Past));
    }
    if blacked_out(windows, to.date()) {
        let label = windows
            .iter()
            .find(|w| match w.kind {
                crate::domain::WindowKind::Blackout { from, to: until } => {
                    from <= to.date() && to.date() <= until
                }
                _ => false,
            })
            .map(|w| w.label.clone())
            .unwrap_or_default();
        return Ok(Some(MoveWarning::Blackout(label)));
    }
    let end = to + chrono::Duration::minutes(i64::from(minutes));
    if !busy::intervals(conn, to, end)?.is_empty() {
        return Ok(Some(MoveWarning::Busy));
    }
    Ok(None)
}

/// Pins a session at `to` (a pinned one moves; a planned one becomes a pin there). The
/// time it leaves, when still to come and not overlapping the new one, is blocked as a
/// skip is ("not then, but then"), so the planner does not put the same work back there.
/// A time that breaks a rule ([`move_warning`]) is refused unless `anyway`; then it is
/// written and flagged as a conflict, and the warning comes back in [`Done::SessionMoved`].
pub fn move_to(
    store: &mut Store,
    s: &Session,
    to: NaiveDateTime,
    anyway: bool,
    now: NaiveDateTime,
) -> Result<Done> {
    let windows = crate::store::windows::all(store.conn())?;
    let warning = move_warning(store.conn(), &windows, to, s.minutes(), now)?;
    if let Some(why) = &warning
        && !anyway
    {
        return Err(ChangeError::MoveRefused {
            to,
            why: why.clone(),
        }
        .into());
    }
    let label = Label::Move {
        badge: s.badge.clone(),
        from: ymd_hm(s.start),
        to: ymd_hm(to),
    };
    store.transact(&label.record(), |tx| -> Result<()> {
        let id = badge_id(tx, &s.badge)?;
        let old = if s.pinned { pin_of(tx, s)? } else { None };
        let moved = Pinned {
            id: None,
            badge: s.badge.clone(),
            start: to,
            minutes: s.minutes(),
        };
        let others: Vec<Pinned> = pinned::all(tx)?
            .into_iter()
            .filter(|p| old.as_ref().is_none_or(|o| o.id != p.id))
            .collect();
        if let Some(o) = moved.clash(&others) {
            return Err(ChangeError::PinClash {
                start: to,
                other_badge: o.badge.clone(),
                other_start: o.start,
                other_end: o.end(),
            }
            .into());
        }
        if let Some(o) = &old {
            pinned::delete(tx, o.id.unwrap_or_default())?;
        }
        pinned::insert(tx, id, &moved)?;
        let overlaps = to < s.end && s.start < moved.end();
        if s.end > now && !overlaps {
            block(tx, s)?;
        }
        Ok(())
    })?;
    Ok(Done::SessionMoved {
        badge: s.badge.clone(),
        from: s.start,
        to,
        warning,
    })
}

/// A pinned session whose time passed was not studied: it leaves the pins, nothing is
/// logged.
pub fn not_done(store: &mut Store, s: &Session) -> Result<Done> {
    let label = Label::NotDone {
        badge: s.badge.clone(),
        at: ymd_hm(s.start),
    };
    store.transact(&label.record(), |tx| -> Result<()> {
        let Some(p) = pin_of(tx, s)? else {
            return Err(
                ChangeError::NoSession(crate::domain::session::LookupError::NoneAt {
                    at: s.start,
                    next: None,
                })
                .into(),
            );
        };
        pinned::delete(tx, p.id.unwrap_or_default())?;
        Ok(())
    })?;
    Ok(Done::SessionNotDone {
        badge: s.badge.clone(),
        start: s.start,
    })
}

/// Changes a log entry (its badge, day, start, minutes, note); refused for a day after
/// `today` or no minutes.
pub fn edit_log(
    store: &mut Store,
    id: i64,
    e: &LogEntry,
    today: chrono::NaiveDate,
) -> Result<Done> {
    if !minutes_ok(e.minutes) {
        return Err(ChangeError::BadMinutes { minutes: e.minutes }.into());
    }
    if e.date > today {
        return Err(ChangeError::LogInFuture { date: e.date }.into());
    }
    store.transact(&Label::EditLog(id).record(), |tx| -> Result<()> {
        let badge = badge_id(tx, &e.badge)?;
        if !log::update(tx, id, badge, e)? {
            return Err(ChangeError::UnknownLog { id }.into());
        }
        Ok(())
    })?;
    Ok(Done::LogEdited { id })
}

/// Deletes a log entry.
pub fn remove_log(store: &mut Store, id: i64) -> Result<Done> {
    let entry = log::get(store.conn(), id)?.ok_or(ChangeError::UnknownLog { id })?;
    store.transact(&Label::DeleteLog(id).record(), |tx| -> Result<()> {
        log::delete(tx, id)?;
        Ok(())
    })?;
    Ok(Done::LogDeleted {
        id,
        badge: entry.badge,
        date: entry.date,
        minutes: entry.minutes,
    })
}
