//! Changes to deals, shared by `sukima deal` and the planner's deals list (`D`). Each is
//! one transaction recorded for undo, checked by [`deal::check`] first, and says what it
//! did ([`Done`]); a refusal writes nothing.

use super::{ChangeError, Done, Label};
use crate::domain::deal::{self, Deal, DealState};
use crate::store::{Store, badges, deals};
use anyhow::Result;
use rusqlite::Connection;

/// The deal with this key and its row id, or "no deal has the key" with the nearest.
pub fn load(conn: &Connection, key: &str) -> Result<(i64, Deal)> {
    let all = deals::all(conn)?;
    if let (Some(id), Some(d)) = (deals::id_of(conn, key)?, all.iter().find(|d| d.key == key)) {
        return Ok((id, d.clone()));
    }
    let close = crate::domain::similar::closest(key, all.iter().map(|d| d.key.as_str()), 3)
        .into_iter()
        .map(str::to_string)
        .collect();
    Err(ChangeError::UnknownDeal {
        key: key.to_string(),
        close,
    }
    .into())
}

/// The key a new deal named `name` gets: derived as a badge's, unique among deals.
pub fn key_for(conn: &Connection, name: &str) -> Result<String> {
    let all = deals::all(conn)?;
    let base = crate::domain::badge::derive_key(name);
    let base = if base == "badge" {
        "deal".to_string()
    } else {
        base
    };
    Ok(crate::domain::badge::unique_key(&base, |k| {
        all.iter().any(|d| d.key == k)
    }))
}

/// Adds a deal (its key already chosen; see [`key_for`]).
pub fn add(store: &mut Store, d: &Deal) -> Result<Done> {
    let today = store.now().date();
    store.transact(
        &Label::AddDeal(d.key.clone()).record(),
        |tx| -> Result<Done> {
            deal::check(d, &badges::all(tx)?, today, true).map_err(ChangeError::Deal)?;
            if deals::id_of(tx, &d.key)?.is_some() {
                return Err(ChangeError::DealKeyTaken { key: d.key.clone() }.into());
            }
            deals::insert(tx, d)?;
            Ok(Done::DealAdded {
                key: d.key.clone(),
                name: d.name.clone(),
                by: d.by,
                needs: d.needs.len(),
            })
        },
    )
}

/// Replaces the deal stored under `old_key` with `d` (perhaps under a new key). A date
/// moved into the past is refused; one left as it was is not checked again.
pub fn edit(store: &mut Store, old_key: &str, d: &Deal) -> Result<Done> {
    let today = store.now().date();
    let label = Label::EditDeal(old_key.to_string());
    store.transact(&label.record(), |tx| -> Result<Done> {
        let (id, old) = load(tx, old_key)?;
        let moved = old.by != d.by;
        deal::check(d, &badges::all(tx)?, today, moved).map_err(ChangeError::Deal)?;
        if d.key != old_key && deals::id_of(tx, &d.key)?.is_some() {
            return Err(ChangeError::DealKeyTaken { key: d.key.clone() }.into());
        }
        deals::update(tx, id, d)?;
        Ok(Done::DealUpdated {
            old_key: old_key.to_string(),
            key: d.key.clone(),
        })
    })
}

/// Closes a deal as won, lost or dropped: it stops shaping the plan and stays on record.
pub fn close(store: &mut Store, key: &str, state: DealState) -> Result<Done> {
    let label = Label::CloseDeal {
        key: key.to_string(),
        state: state.as_str().to_string(),
    };
    store.transact(&label.record(), |tx| -> Result<Done> {
        let (id, old) = load(tx, key)?;
        if old.state != DealState::Open {
            return Err(ChangeError::DealAlreadyClosed {
                key: key.to_string(),
                state: old.state,
            }
            .into());
        }
        deals::update(tx, id, &Deal { state, ..old })?;
        Ok(Done::DealClosed {
            key: key.to_string(),
            state,
        })
    })
}

/// Deletes a deal.
pub fn remove(store: &mut Store, key: &str) -> Result<Done> {
    store.transact(
        &Label::DeleteDeal(key.to_string()).record(),
        |tx| -> Result<Done> {
            let (id, _) = load(tx, key)?;
            deals::delete(tx, id)?;
            Ok(Done::DealDeleted {
                key: key.to_string(),
            })
        },
    )
}
