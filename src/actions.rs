//! User actions that change data, shared by the command line and the TUI. Each is one
//! transaction recorded for undo, and returns a one-line description of what it did.
//! Errors are user errors: one line naming the problem and the fix; nothing is written.

use crate::domain::badge::{self, Badge};
use crate::domain::log::{LogEntry, Pinned};
use crate::domain::spare::{self, Window};
use crate::io::backup::BackupData;
use crate::store::{Store, StoreError, badges, log, pinned, windows};
use crate::text::counted;
use anyhow::{Result, anyhow, bail};
use rusqlite::Connection;

fn badge_id(conn: &Connection, key: &str) -> Result<i64> {
    badges::id_of(conn, key)?.ok_or_else(|| unknown_badge(conn, key))
}

/// "no badge has the key 'x'", with the closest keys when there are some.
pub fn unknown_badge(conn: &Connection, key: &str) -> anyhow::Error {
    let keys: Vec<String> = badges::all(conn)
        .map(|all| all.into_iter().map(|b| b.key).collect())
        .unwrap_or_default();
    let close = crate::domain::similar::closest(key, keys.iter().map(String::as_str), 3);
    if close.is_empty() {
        anyhow!("no badge has the key '{key}': see `sukima badge list`")
    } else {
        anyhow!(
            "no badge has the key '{key}': did you mean {}?",
            close
                .iter()
                .map(|k| format!("'{k}'"))
                .collect::<Vec<_>>()
                .join(" or ")
        )
    }
}

/// Checks `b`'s replacement: it exists, and following replacements from it never comes
/// back to it. `old_key`: the key it is stored under when it is being edited (a rename
/// moves every reference to the old key onto the new one).
fn check_references(conn: &Connection, b: &Badge, old_key: Option<&str>) -> Result<()> {
    if let Some(rep) = &b.replaced_by
        && !badges::key_exists(conn, rep)?
    {
        return Err(unknown_badge(conn, rep).context(format!("--replaced-by of '{}'", b.key)));
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
            bail!(
                "--replaced-by makes a loop ({} → {k}): a badge cannot replace itself, even through others",
                seen.join(" → ")
            );
        }
        next = badges::get(conn, &k)?
            .and_then(|o| o.replaced_by)
            .map(renamed);
        seen.push(k);
    }
    Ok(())
}

/// Adds a badge with a key that must be free.
pub fn add_badge(store: &mut Store, b: &Badge) -> Result<String> {
    badge::check(b).map_err(|e| anyhow!(e))?;
    store.transact(&format!("add badge {}", b.key), |tx| -> Result<()> {
        if badges::key_exists(tx, &b.key)? {
            bail!(
                "a badge with the key '{}' already exists: choose another with --key",
                b.key
            );
        }
        check_references(tx, b, None)?;
        badges::insert(tx, b)?;
        Ok(())
    })?;
    Ok(format!("added {} ({})", b.key, b.name))
}

/// Replaces the badge keyed `old_key` with `b` (which may carry a new key).
pub fn edit_badge(store: &mut Store, old_key: &str, b: &Badge) -> Result<String> {
    badge::check(b).map_err(|e| anyhow!(e))?;
    store.transact(&format!("edit badge {old_key}"), |tx| -> Result<()> {
        badge_id(tx, old_key)?;
        if b.key != old_key && badges::key_exists(tx, &b.key)? {
            bail!(
                "a badge with the key '{}' already exists: choose another key",
                b.key
            );
        }
        check_references(tx, b, Some(old_key))?;
        badges::update(tx, old_key, b)?;
        Ok(())
    })?;
    Ok(if b.key == old_key {
        format!("updated {}", b.key)
    } else {
        format!("updated {old_key} (now {})", b.key)
    })
}

/// Marks a badge renewed today with a new expiry: the new cycle starts at zero.
pub fn renew_badge(
    store: &mut Store,
    key: &str,
    today: chrono::NaiveDate,
    expires: chrono::NaiveDate,
) -> Result<String> {
    if expires <= today {
        bail!("the new expiry {expires} is not after today ({today}): give a later --expires");
    }
    let verb = store.transact(&format!("renew {key}"), |tx| -> Result<&str> {
        let mut b = badges::get(tx, key)?.ok_or_else(|| unknown_badge(tx, key))?;
        // Retired the day after its retirement date (status counts that day as retiring).
        if let Some(r) = b.retires_on.filter(|r| *r < today) {
            bail!(
                "{key} retired on {r}: it can no longer be renewed (archive it, or fix the date with badge edit --retires)"
            );
        }
        if b.earned_on.is_some() && b.expires_on.is_none() {
            bail!("{key} never expires: nothing to renew (give it an expiry with badge edit --expires)");
        }
        // A target renewed is a target earned.
        let verb = if b.earned_on.is_none() {
            b.earned_on = Some(today);
            "earned"
        } else {
            b.renewed_on = Some(today);
            "renewed"
        };
        b.expires_on = Some(expires);
        b.renew_from = None;
        if b.goal_on.is_some_and(|g| g <= today) {
            b.goal_on = None;
        }
        badges::update(tx, key, &b)?;
        Ok(verb)
    })?;
    Ok(format!("{verb} {key}: expires {expires}"))
}

/// Archives (or restores) a badge.
pub fn set_archived(store: &mut Store, key: &str, archived: bool) -> Result<String> {
    let verb = if archived { "archive" } else { "restore" };
    store.transact(&format!("{verb} {key}"), |tx| -> Result<()> {
        let mut b = badges::get(tx, key)?.ok_or_else(|| unknown_badge(tx, key))?;
        if b.archived == archived {
            let state = if archived { "archived" } else { "not archived" };
            bail!("{key} is already {state}: nothing to {verb}");
        }
        b.archived = archived;
        badges::update(tx, key, &b)?;
        Ok(())
    })?;
    Ok(format!("{verb}d {key}"))
}

/// Sets the priority of several badges in one change (a fix for a badge at risk).
pub fn set_priority(
    store: &mut Store,
    keys: &[String],
    to: crate::domain::Priority,
) -> Result<String> {
    let conn = store.conn();
    let mut changed = Vec::new();
    for k in keys {
        let mut b = badges::get(conn, k)?.ok_or_else(|| unknown_badge(conn, k))?;
        if b.priority != to {
            b.priority = to;
            changed.push(b);
        }
    }
    if changed.is_empty() {
        return Ok(format!("{}: already {to} priority", keys.join(", ")));
    }
    let description = format!("{} to {to} priority", keys.join(", "));
    store.transact(&description, |tx| -> Result<()> {
        for b in &changed {
            badges::update(tx, &b.key, b)?;
        }
        Ok(())
    })?;
    Ok(description)
}

/// Deletes a badge with its log and pinned sessions.
pub fn remove_badge(store: &mut Store, key: &str) -> Result<String> {
    let (logs, pins, orphans) = store.transact(
        &format!("delete badge {key}"),
        |tx| -> Result<(i64, i64, Vec<String>)> {
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
            badges::delete(tx, key)?;
            Ok((logs, pins, orphans))
        },
    )?;
    let orphans = if orphans.is_empty() {
        String::new()
    } else {
        format!(
            "; {} no longer {} a replacement",
            orphans.join(", "),
            if orphans.len() == 1 { "has" } else { "have" }
        )
    };
    Ok(format!(
        "deleted {key} with {} and {}{orphans}",
        counted(
            usize::try_from(logs).unwrap_or(0),
            "log entry",
            "log entries"
        ),
        counted(
            usize::try_from(pins).unwrap_or(0),
            "pinned session",
            "pinned sessions"
        )
    ))
}

/// Adds a window of spare time or a blackout.
pub fn add_window(store: &mut Store, w: &Window) -> Result<(i64, String)> {
    spare::validate(&w.kind).map_err(|e| anyhow!(e))?;
    let what = describe_window(w);
    let id = store.transact(&format!("add {what}"), |tx| -> Result<i64> {
        // The same days and times twice would only clutter the list.
        if let Some(same) = windows::all(tx)?.into_iter().find(|o| o.kind == w.kind) {
            bail!(
                "that is already window {}: {}",
                same.id.unwrap_or_default(),
                describe_window(&same)
            );
        }
        Ok(windows::insert(tx, w)?)
    })?;
    Ok((id, format!("added window {id}: {what}")))
}

/// Replaces a window.
pub fn edit_window(store: &mut Store, id: i64, w: &Window) -> Result<String> {
    spare::validate(&w.kind).map_err(|e| anyhow!(e))?;
    let what = describe_window(w);
    store.transact(&format!("edit window {id}"), |tx| -> Result<()> {
        if !windows::update(tx, id, w)? {
            bail!("no window has the id {id}: see `sukima window list`");
        }
        Ok(())
    })?;
    Ok(format!("updated window {id}: {what}"))
}

/// Deletes a window.
pub fn remove_window(store: &mut Store, id: i64) -> Result<String> {
    store.transact(&format!("delete window {id}"), |tx| -> Result<()> {
        if !windows::delete(tx, id)? {
            bail!("no window has the id {id}: see `sukima window list`");
        }
        Ok(())
    })?;
    Ok(format!("deleted window {id}"))
}

/// One line describing a window: `weekdays 07:10-07:40 commute`.
pub fn describe_window(w: &Window) -> String {
    use crate::domain::dates::hm;
    use crate::domain::spare::{WindowKind, format_days};
    let label = if w.label.is_empty() {
        String::new()
    } else {
        format!(" {}", w.label)
    };
    match &w.kind {
        WindowKind::Weekly {
            days,
            start,
            end,
            from,
            to,
        } => {
            let range = match (from, to) {
                (None, None) => String::new(),
                (f, t) => format!(
                    " ({}..{})",
                    f.map(|d| d.to_string()).unwrap_or_default(),
                    t.map(|d| d.to_string()).unwrap_or_default()
                ),
            };
            format!(
                "{} {}-{}{range}{label}",
                format_days(days),
                hm(*start),
                hm(*end)
            )
        }
        WindowKind::Once { date, start, end } => {
            format!("{date} {}-{}{label}", hm(*start), hm(*end))
        }
        WindowKind::Blackout { from, to } if from == to => format!("off {from}{label}"),
        WindowKind::Blackout { from, to } => format!("off {from}..{to}{label}"),
    }
}

/// Logs study done.
pub fn add_log(store: &mut Store, e: &LogEntry) -> Result<i64> {
    if e.minutes == 0 {
        bail!("a log entry needs some minutes, like 30m");
    }
    store.transact(
        &format!(
            "log {} on {}",
            crate::domain::format_minutes(e.minutes),
            e.badge
        ),
        |tx| -> Result<i64> {
            let id = badge_id(tx, &e.badge)?;
            Ok(log::insert(tx, id, e)?)
        },
    )
}

/// Pins a session.
pub fn add_pin(store: &mut Store, p: &Pinned) -> Result<i64> {
    if p.minutes == 0 {
        bail!("a session needs some minutes, like 30m");
    }
    store.transact(
        &format!(
            "pin {} on {} at {}",
            crate::domain::format_minutes(p.minutes),
            p.badge,
            crate::domain::dates::ymd_hm(p.start)
        ),
        |tx| -> Result<i64> {
            let id = badge_id(tx, &p.badge)?;
            if let Some(o) = p.clash(&pinned::all(tx)?) {
                bail!(p.clash_message(o));
            }
            Ok(pinned::insert(tx, id, p)?)
        },
    )
}

/// Unpins a session.
pub fn remove_pin(store: &mut Store, id: i64) -> Result<String> {
    // Described by its badge and time, as the user saw it.
    let what = pinned::all(store.conn())?
        .into_iter()
        .find(|p| p.id == Some(id))
        .map_or_else(
            || format!("session {id}"),
            |p| format!("{} {}", p.badge, p.start.format("%a %Y-%m-%d %H:%M")),
        );
    store.transact(&format!("unpin {what}"), |tx| -> Result<()> {
        if !pinned::delete(tx, id)? {
            bail!("no pinned session has the id {id}");
        }
        Ok(())
    })?;
    Ok(format!("unpinned {what}"))
}

/// Everything in the store, as a backup holds it.
pub fn load_all(conn: &Connection) -> Result<BackupData, StoreError> {
    Ok(BackupData {
        badges: badges::all(conn)?,
        windows: windows::all(conn)?,
        log: log::all(conn, None)?,
        pinned: pinned::all(conn)?,
    })
}

/// Writes a whole backup into the store in one transaction. Refused when the store holds
/// data, unless `replace`, which deletes everything first (in the same transaction).
pub fn restore(store: &mut Store, data: &BackupData, replace: bool) -> Result<String> {
    store.transact("import backup", |tx| -> Result<()> {
        let existing = load_all(tx)?;
        if !existing.is_empty() && !replace {
            bail!(
                "the database already holds {}, {} and {}: add --replace to replace them all",
                counted(existing.badges.len(), "badge", "badges"),
                counted(existing.windows.len(), "window", "windows"),
                counted(existing.log.len(), "log entry", "log entries")
            );
        }
        badges::delete_all(tx)?;
        windows::delete_all(tx)?;
        write_data(tx, data)?;
        Ok(())
    })?;
    Ok(format!("imported {}", data.summary()))
}

/// Inserts every record of `data` (badges first, so the others can refer to them).
pub fn write_data(tx: &Connection, data: &BackupData) -> Result<(), StoreError> {
    for b in &data.badges {
        badges::insert(tx, b)?;
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
    Ok(())
}

/// Takes back the last change; the description says what it was.
pub fn undo(store: &mut Store) -> Result<String> {
    match store.undo()? {
        Some(what) => Ok(format!("undid: {what}")),
        None => bail!("nothing to undo"),
    }
}

/// Deletes everything a calendar import brought in.
/// `source` is the import's name, or the file name at the end of an import named by its
/// full path (`basic.ics` for `/home/me/Downloads/basic.ics`) when only one import has it.
pub fn remove_busy_source(store: &mut Store, source: &str) -> Result<String> {
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
                let list: Vec<&str> = many.iter().map(|s| s.as_str()).collect();
                bail!(
                    "several calendar imports are called '{source}': name one in full ({})",
                    list.join(", ")
                );
            }
        }
    };
    let source = source.as_str();
    let n = store.transact(
        &format!("delete busy time {source}"),
        |tx| -> Result<usize> { Ok(crate::store::busy::delete_source(tx, source)?) },
    )?;
    if n == 0 {
        bail!("no window id or calendar import is called '{source}': see `sukima window list`");
    }
    Ok(format!("deleted {n} busy events imported as {source}"))
}

/// Imports badges (Credly, CSV, Open Badges) in one transaction: the records pass the one
/// validation ([`crate::io::Import::checked`]; `issuers` is the configured ones), the merge is planned
/// against the badges as they are inside the transaction, then written. Returns the plan,
/// whose `report()` says what was added, updated, skipped and why.
pub fn import_badges(
    store: &mut Store,
    import: &crate::io::Import,
    today: chrono::NaiveDate,
    default_effort: &dyn Fn(&str) -> u32,
    issuers: &crate::domain::validation::Issuers,
    what: &str,
) -> Result<crate::io::merge::ImportPlan> {
    store.transact(&format!("import {what}"), |tx| -> Result<_> {
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
        let plan = crate::io::merge::plan(&existing, &import, today, default_effort);
        for u in &plan.update {
            badges::update(tx, &u.old.key, &u.new)?;
        }
        for b in &plan.add {
            badges::insert(tx, b)?;
        }
        Ok(plan)
    })
}

/// Writes what a quick-add line meant: a log entry, a pinned session or a window.
/// Returns the one-line description of what was written.
pub fn apply_intent(
    store: &mut Store,
    intent: &crate::domain::quick_add::Intent,
    badges: &[Badge],
) -> Result<String> {
    use crate::domain::quick_add::{Intent, describe};
    let what = describe(intent, badges);
    match intent {
        Intent::Log(e) => {
            add_log(store, e)?;
        }
        Intent::Pin(p) => {
            add_pin(store, p)?;
        }
        Intent::Window(w) => {
            add_window(store, w)?;
        }
    }
    Ok(what)
}
