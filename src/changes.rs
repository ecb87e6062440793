//! The changes a person makes to their data (the write services), shared by the command
//! line and the TUI. Each is one transaction recorded for undo under a typed [`Label`],
//! and returns what it did ([`Done`]); a refusal is a typed [`ChangeError`] and writes
//! nothing. The words for all three are chosen where they are shown (`present::Texts`).

pub mod deals;
pub mod import;
pub mod session;
pub mod steps;

use crate::domain::badge::{self, Badge};
pub use crate::domain::change::{ChangeError, Counts, Done, Label};
use crate::domain::log::{LogEntry, Pinned};
use crate::domain::spare::{self, Window};
use crate::io::backup::BackupData;
use crate::store::{Store, StoreError, badges, log, pinned, windows};
use anyhow::Result;
use rusqlite::Connection;

fn badge_id(conn: &Connection, key: &str) -> Result<i64> {
    badges::id_of(conn, key)?.ok_or_else(|| unknown_badge(conn, key))
}

/// The keys closest to `key`, for a did-you-mean.
fn closest_keys(conn: &Connection, key: &str) -> Vec<String> {
    let keys: Vec<String> = badges::all(conn)
        .map(|all| all.into_iter().map(|b| b.key).collect())
        .unwrap_or_default();
    crate::domain::similar::closest(key, keys.iter().map(String::as_str), 3)
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// No badge has the key: the error, with the closest keys when there are some.
pub fn unknown_badge(conn: &Connection, key: &str) -> anyhow::Error {
    ChangeError::UnknownBadge {
        key: key.to_string(),
        close: closest_keys(conn, key),
    }
    .into()
}

/// Checks `b`'s replacement: it exists, and following replacements from it never comes
/// back to it. `old_key`: the key it is stored under when it is being edited (a rename
/// moves every reference to the old key onto the new one).
fn check_references(conn: &Connection, b: &Badge, old_key: Option<&str>) -> Result<()> {
    check_prerequisites(conn, b, old_key)?;
    if let Some(rep) = &b.replaced_by
        && !badges::key_exists(conn, rep)?
    {
        return Err(ChangeError::UnknownReplacement {
            of: b.key.clone(),
            key: rep.clone(),
            close: closest_keys(conn, rep),
        }
        .into());
    }
    let stored = match old_key {
        Some(k) => badges::get(conn, k)?,
        None => None,
    };
    // A replacement left as it was is not checked again: an old loop (from a restored
    // backup) must not block every other edit.
    let renamed = |k: String| {
        if Some(k.as_str()) == old_key {
            b.key.clone()
        } else {
            k
        }
    };
    let unchanged =
        stored.is_some_and(|s| s.replaced_by.map(renamed) == b.replaced_by.clone().map(renamed));
    if unchanged {
        return Ok(());
    }
    let mut seen = vec![b.key.clone()];
    let mut next = b.replaced_by.clone().map(renamed);
    while let Some(k) = next {
        if seen.contains(&k) {
            seen.push(k);
            return Err(ChangeError::ReplacementLoop { chain: seen }.into());
        }
        next = badges::get(conn, &k)?
            .and_then(|o| o.replaced_by)
            .map(renamed);
        seen.push(k);
    }
    Ok(())
}

/// Checks `b`'s prerequisites against the stored badges: each exists and is not archived
/// (unless it already was one), and none leads back to it.
fn check_prerequisites(conn: &Connection, b: &Badge, old_key: Option<&str>) -> Result<()> {
    let mut all = badges::all(conn)?;
    let previous = old_key
        .and_then(|k| all.iter().find(|o| o.key == k))
        .map(|o| o.after.clone())
        .unwrap_or_default();
    // The badge as it will be: renamed, with its new list; references to the old key
    // follow the rename.
    all.retain(|o| Some(o.key.as_str()) != old_key);
    if let Some(old) = old_key.filter(|k| *k != b.key) {
        for o in &mut all {
            for k in &mut o.after {
                if k == old {
                    k.clone_from(&b.key);
                }
            }
        }
    }
    all.push(b.clone());
    match crate::domain::prereq::check(&b.key, &b.after, &previous, &all) {
        Ok(()) => Ok(()),
        Err(crate::domain::prereq::PrereqError::Unknown { key }) => {
            Err(ChangeError::UnknownPrerequisite {
                of: b.key.clone(),
                close: closest_keys(conn, &key),
                key,
            }
            .into())
        }
        Err(e) => Err(ChangeError::Prerequisite(e).into()),
    }
}

/// Adds a badge with a key that must be free.
pub fn add_badge(store: &mut Store, b: &Badge) -> Result<Done> {
    badge::check(b).map_err(ChangeError::Badge)?;
    store.transact(
        &Label::AddBadge(b.key.clone()).record(),
        |tx| -> Result<()> {
            if badges::key_exists(tx, &b.key)? {
                return Err(ChangeError::KeyTaken {
                    key: b.key.clone(),
                    renaming: false,
                }
                .into());
            }
            check_references(tx, b, None)?;
            badges::insert(tx, b)?;
            Ok(())
        },
    )?;
    Ok(Done::BadgeAdded {
        key: b.key.clone(),
        name: b.name.clone(),
    })
}

/// Replaces the badge keyed `old_key` with `b` (which may carry a new key).
pub fn edit_badge(store: &mut Store, old_key: &str, b: &Badge) -> Result<Done> {
    badge::check(b).map_err(ChangeError::Badge)?;
    store.transact(
        &Label::EditBadge(old_key.into()).record(),
        |tx| -> Result<()> {
            badge_id(tx, old_key)?;
            if b.key != old_key && badges::key_exists(tx, &b.key)? {
                return Err(ChangeError::KeyTaken {
                    key: b.key.clone(),
                    renaming: true,
                }
                .into());
            }
            check_references(tx, b, Some(old_key))?;
            badges::update(tx, old_key, b)?;
            Ok(())
        },
    )?;
    Ok(Done::BadgeUpdated {
        old_key: old_key.to_string(),
        key: b.key.clone(),
    })
}

/// Marks a badge renewed today with a new expiry: the new cycle starts at zero.
pub fn renew_badge(
    store: &mut Store,
    key: &str,
    today: chrono::NaiveDate,
    expires: chrono::NaiveDate,
) -> Result<Done> {
    if expires <= today {
        return Err(ChangeError::ExpiryNotAfterToday { expires, today }.into());
    }
    let earned = store.transact(&Label::Renew(key.into()).record(), |tx| -> Result<bool> {
        let mut b = badges::get(tx, key)?.ok_or_else(|| unknown_badge(tx, key))?;
        // Retired the day after its retirement date (status counts that day as retiring).
        if let Some(on) = b.retires_on.filter(|r| *r < today) {
            return Err(ChangeError::Retired {
                key: key.into(),
                on,
            }
            .into());
        }
        if b.earned_on.is_some() && b.expires_on.is_none() {
            return Err(ChangeError::NeverExpires { key: key.into() }.into());
        }
        // A target renewed is a target earned.
        let earned = b.earned_on.is_none();
        if earned {
            b.earned_on = Some(today);
        } else {
            b.renewed_on = Some(today);
        }
        b.expires_on = Some(expires);
        b.renew_from = None;
        if b.goal_on.is_some_and(|g| g <= today) {
            b.goal_on = None;
        }
        badges::update(tx, key, &b)?;
        // A new cycle: the journey starts again.
        crate::store::steps::undo_all(tx, badge_id(tx, key)?)?;
        Ok(earned)
    })?;
    Ok(Done::BadgeRenewed {
        key: key.into(),
        earned,
        expires,
    })
}

/// Archives (or restores) a badge.
pub fn set_archived(store: &mut Store, key: &str, archived: bool) -> Result<Done> {
    let label = if archived {
        Label::Archive(key.into())
    } else {
        Label::Restore(key.into())
    };
    store.transact(&label.record(), |tx| -> Result<()> {
        let mut b = badges::get(tx, key)?.ok_or_else(|| unknown_badge(tx, key))?;
        if b.archived == archived {
            return Err(ChangeError::AlreadyArchived {
                key: key.into(),
                archived,
            }
            .into());
        }
        b.archived = archived;
        badges::update(tx, key, &b)?;
        Ok(())
    })?;
    Ok(Done::Archived {
        key: key.into(),
        archived,
    })
}

/// Sets the priority of several badges in one change (a fix for a badge at risk).
pub fn set_priority(
    store: &mut Store,
    keys: &[String],
    to: crate::domain::Priority,
) -> Result<Done> {
    let conn = store.conn();
    let mut changed = Vec::new();
    for k in keys {
        let mut b = badges::get(conn, k)?.ok_or_else(|| unknown_badge(conn, k))?;
        if b.priority != to {
            b.priority = to;
            changed.push(b);
        }
    }
    let done = Done::PrioritySet {
        keys: keys.to_vec(),
        to,
        already: changed.is_empty(),
    };
    if changed.is_empty() {
        return Ok(done);
    }
    let label = Label::SetPriority {
        keys: keys.join(", "),
        to: to.to_string(),
    };
    store.transact(&label.record(), |tx| -> Result<()> {
        for b in &changed {
            badges::update(tx, &b.key, b)?;
        }
        Ok(())
    })?;
    Ok(done)
}

/// Deletes a badge with its log and pinned sessions.
pub fn remove_badge(store: &mut Store, key: &str) -> Result<Done> {
    let (logs, pins, orphans, deals) = store.transact(
        &Label::DeleteBadge(key.into()).record(),
        |tx| -> Result<(i64, i64, Vec<String>, Vec<String>)> {
            let id = badge_id(tx, key)?;
            // Badges it replaced lose their replacement: say so.
            let orphans: Vec<String> = {
                let mut stmt =
                    tx.prepare("SELECT key FROM badges WHERE replaced_by = ?1 ORDER BY key")?;
                stmt.query_map([key], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?
            };
            let logs: i64 =
                tx.query_row("SELECT count(*) FROM log WHERE badge_id = ?1", [id], |r| {
                    r.get(0)
                })?;
            let pins: i64 = tx.query_row(
                "SELECT count(*) FROM pinned WHERE badge_id = ?1",
                [id],
                |r| r.get(0),
            )?;
            // Deals that needed it no longer do: say so too.
            let deals: Vec<String> = {
                let mut stmt = tx.prepare(
                    "SELECT d.key FROM deals d JOIN deal_badges db ON db.deal_id = d.id \
                     WHERE db.badge_id = ?1 ORDER BY d.key",
                )?;
                stmt.query_map([id], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?
            };
            badges::delete(tx, key)?;
            Ok((logs, pins, orphans, deals))
        },
    )?;
    Ok(Done::BadgeDeleted {
        key: key.into(),
        logs: usize::try_from(logs).unwrap_or(0),
        pins: usize::try_from(pins).unwrap_or(0),
        orphans,
        deals,
    })
}

/// Adds a window of spare time or a blackout.
pub fn add_window(store: &mut Store, w: &Window) -> Result<Done> {
    spare::validate(&w.kind).map_err(ChangeError::Invalid)?;
    let what = crate::present::window::describe(w);
    let id = store.transact(
        &Label::AddWindow(what.clone()).record(),
        |tx| -> Result<i64> {
            // The same days and times twice would only clutter the list.
            if let Some(same) = windows::all(tx)?.into_iter().find(|o| o.kind == w.kind) {
                return Err(ChangeError::SameWindow {
                    id: same.id.unwrap_or_default(),
                    what: crate::present::window::describe(&same),
                }
                .into());
            }
            Ok(windows::insert(tx, w)?)
        },
    )?;
    // A blackout over sessions the user pinned keeps them, flagged as conflicts: say so.
    let conflicts = match w.kind {
        spare::WindowKind::Blackout { .. } => {
            let now = store.now();
            crate::planning::conflicts::pins_in_blackout(&pinned::all(store.conn())?, w, now)
        }
        _ => 0,
    };
    Ok(Done::WindowAdded {
        id,
        what,
        conflicts,
    })
}

/// Replaces a window.
pub fn edit_window(store: &mut Store, id: i64, w: &Window) -> Result<Done> {
    spare::validate(&w.kind).map_err(ChangeError::Invalid)?;
    let what = crate::present::window::describe(w);
    store.transact(&Label::EditWindow(id).record(), |tx| -> Result<()> {
        if !windows::update(tx, id, w)? {
            return Err(ChangeError::UnknownWindow { id }.into());
        }
        Ok(())
    })?;
    Ok(Done::WindowUpdated { id, what })
}

/// Deletes a window.
pub fn remove_window(store: &mut Store, id: i64) -> Result<Done> {
    store.transact(&Label::DeleteWindow(id).record(), |tx| -> Result<()> {
        if !windows::delete(tx, id)? {
            return Err(ChangeError::UnknownWindow { id }.into());
        }
        Ok(())
    })?;
    Ok(Done::WindowDeleted { id })
}

/// Logs study done.
pub fn add_log(store: &mut Store, e: &LogEntry) -> Result<i64> {
    if e.minutes == 0 {
        return Err(ChangeError::NoMinutes { session: false }.into());
    }
    let label = Label::Log {
        duration: crate::domain::format_minutes(e.minutes),
        badge: e.badge.clone(),
    };
    store.transact(&label.record(), |tx| -> Result<i64> {
        let id = badge_id(tx, &e.badge)?;
        Ok(log::insert(tx, id, e)?)
    })
}

/// Pins a session.
pub fn add_pin(store: &mut Store, p: &Pinned) -> Result<i64> {
    if p.minutes == 0 {
        return Err(ChangeError::NoMinutes { session: true }.into());
    }
    let label = Label::Pin {
        duration: crate::domain::format_minutes(p.minutes),
        badge: p.badge.clone(),
        at: crate::domain::dates::ymd_hm(p.start),
    };
    store.transact(&label.record(), |tx| -> Result<i64> {
        let id = badge_id(tx, &p.badge)?;
        if let Some(o) = p.clash(&pinned::all(tx)?) {
            return Err(ChangeError::PinClash {
                start: p.start,
                other_badge: o.badge.clone(),
                other_start: o.start,
                other_end: o.end(),
            }
            .into());
        }
        Ok(pinned::insert(tx, id, p)?)
    })
}

/// Unpins a session.
pub fn remove_pin(store: &mut Store, id: i64) -> Result<Done> {
    // Described by its badge and time, as the user saw it.
    let session = pinned::all(store.conn())?
        .into_iter()
        .find(|p| p.id == Some(id))
        .map(|p| (p.badge, p.start));
    let what = session.as_ref().map_or_else(
        || format!("session {id}"),
        |(badge, start)| format!("{badge} {}", start.format("%a %Y-%m-%d %H:%M")),
    );
    store.transact(&Label::Unpin(what).record(), |tx| -> Result<()> {
        if !pinned::delete(tx, id)? {
            return Err(ChangeError::UnknownPin { id }.into());
        }
        Ok(())
    })?;
    Ok(Done::Unpinned { id, session })
}

/// Everything in the store, as a backup holds it.
pub fn load_all(conn: &Connection) -> Result<BackupData, StoreError> {
    Ok(BackupData {
        badges: badges::all(conn)?,
        steps: crate::store::steps::all(conn)?,
        windows: windows::all(conn)?,
        log: log::all(conn, None)?,
        pinned: pinned::all(conn)?,
        deals: crate::store::deals::all(conn)?,
    })
}

/// Writes a whole backup into the store in one transaction. Refused when the store holds
/// data, unless `replace`, which deletes everything first (in the same transaction).
pub fn restore(store: &mut Store, data: &BackupData, replace: bool) -> Result<Done> {
    store.transact(&Label::ImportBackup.record(), |tx| -> Result<()> {
        let existing = load_all(tx)?;
        if !existing.is_empty() && !replace {
            return Err(ChangeError::NotEmpty(counts(&existing)).into());
        }
        crate::store::deals::delete_all(tx)?;
        badges::delete_all(tx)?;
        windows::delete_all(tx)?;
        write_data(tx, data)?;
        Ok(())
    })?;
    Ok(Done::Restored(counts(data)))
}

/// How many of each record a backup holds.
pub fn counts(data: &BackupData) -> Counts {
    Counts {
        badges: data.badges.len(),
        windows: data.windows.len(),
        log: data.log.len(),
        pinned: data.pinned.len(),
    }
}

/// Inserts every record of `data` (badges first, so the others can refer to them).
pub fn write_data(tx: &Connection, data: &BackupData) -> Result<(), StoreError> {
    for b in &data.badges {
        badges::insert(tx, b)?;
    }
    // Prerequisites may name badges inserted after them.
    for b in data.badges.iter().filter(|b| !b.after.is_empty()) {
        badges::set_after(tx, &b.key, &b.after)?;
    }
    for (key, list) in &data.steps {
        if let Some(id) = badges::id_of(tx, key)? {
            for (pos, s) in list.iter().enumerate() {
                crate::store::steps::insert(tx, id, pos, s)?;
            }
        }
    }
    for w in &data.windows {
        windows::insert(tx, w)?;
    }
    let ids: std::collections::HashMap<String, i64> = badges::all(tx)?
        .into_iter()
        .filter_map(|b| {
            badges::id_of(tx, &b.key)
                .ok()
                .flatten()
                .map(|id| (b.key, id))
        })
        .collect();
    for e in &data.log {
        if let Some(id) = ids.get(&e.badge) {
            log::insert(tx, *id, e)?;
        }
    }
    for p in &data.pinned {
        if let Some(id) = ids.get(&p.badge) {
            pinned::insert(tx, *id, p)?;
        }
    }
    for d in &data.deals {
        crate::store::deals::insert(tx, d)?;
    }
    Ok(())
}

/// Takes back the last change; the description says what it was.
pub fn undo(store: &mut Store) -> Result<Done> {
    match store.undo()? {
        Some(what) => Ok(Done::Undone(Label::parse(&what))),
        None => Err(ChangeError::NothingToUndo.into()),
    }
}

/// Applies again what the last undo took back.
pub fn redo(store: &mut Store) -> Result<Done> {
    match store.redo()? {
        Some(what) => Ok(Done::Redone(Label::parse(&what))),
        None => Err(ChangeError::NothingToRedo.into()),
    }
}

/// Deletes everything a calendar import brought in.
///
/// `source` is the import's name, or the file name at the end of an import named by its
/// full path (`basic.ics` for `/home/me/Downloads/basic.ics`) when only one import has it.
pub fn remove_busy_source(store: &mut Store, source: &str) -> Result<Done> {
    let names: Vec<String> = crate::store::busy::sources(store.conn())?
        .into_iter()
        .map(|s| s.0)
        .collect();
    let source = if names.iter().any(|n| n == source) {
        source.to_string()
    } else {
        let by_file: Vec<&String> = names
            .iter()
            .filter(|n| n.rsplit_once('/').is_some_and(|(_, f)| f == source))
            .collect();
        match by_file.as_slice() {
            [one] => (*one).clone(),
            [] => source.to_string(),
            many => {
                return Err(ChangeError::AmbiguousSource {
                    name: source.into(),
                    candidates: many.iter().map(|s| (*s).clone()).collect(),
                }
                .into());
            }
        }
    };
    let source = source.as_str();
    let n = store.transact(
        &Label::DeleteBusy(source.into()).record(),
        |tx| -> Result<usize> { Ok(crate::store::busy::delete_source(tx, source)?) },
    )?;
    if n == 0 {
        return Err(ChangeError::UnknownSource {
            name: source.into(),
        }
        .into());
    }
    Ok(Done::BusyDeleted {
        source: source.into(),
        events: n,
    })
}

/// Imports badges (Credly, CSV, Open Badges) in one transaction: the records pass the one
/// validation ([`crate::io::Import::checked`]; `issuers` are the configured ones), the
/// merge is planned against the badges as they are inside the transaction, then written.
/// Returns the plan, whose `report()` says what was added, updated, skipped and why.
pub fn import_badges(
    store: &mut Store,
    import: &crate::io::Import,
    today: chrono::NaiveDate,
    default_effort: &dyn Fn(&str) -> u32,
    issuers: &crate::domain::validation::Issuers,
    what: &str,
) -> Result<crate::io::merge::ImportPlan> {
    store.transact(&Label::Import(what.into()).record(), |tx| -> Result<_> {
        let existing = badges::all(tx)?;
        // The one validation, against the issuers configured and those on stored badges.
        let mut known = issuers.clone();
        for b in &existing {
            if !known
                .on_badges
                .iter()
                .any(|i| i.eq_ignore_ascii_case(&b.issuer))
            {
                known.on_badges.push(b.issuer.clone());
            }
        }
        let import = import.checked(&known, today)?;
        let mut plan = crate::io::merge::plan(&existing, &import, today, default_effort);
        for u in &plan.update {
            badges::update(tx, &u.old.key, &u.new)?;
        }
        for b in &plan.add {
            badges::insert(tx, b)?;
        }
        // The earning criteria: steps and prerequisites.
        let notes = steps::apply_criteria(tx, &import)?;
        plan.notes.extend(notes);
        Ok(plan)
    })
}

/// Writes what a quick-add line meant: a log entry, a pinned session or a window (the
/// caller shows the line's preview, `Texts::intent`).
///
/// Returns how many pinned sessions ahead a new blackout falls on (they are kept and
/// flagged as conflicts), for the caller to say so; 0 for anything else.
pub fn apply_intent(store: &mut Store, intent: &crate::domain::quick_add::Intent) -> Result<usize> {
    use crate::domain::quick_add::Intent;
    match intent {
        Intent::Log(e) => {
            add_log(store, e)?;
        }
        Intent::Pin(p) => {
            add_pin(store, p)?;
        }
        Intent::Window(w) => {
            if let Done::WindowAdded { conflicts, .. } = add_window(store, w)? {
                return Ok(conflicts);
            }
        }
    }
    Ok(0)
}
