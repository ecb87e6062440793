//! The SQLite database: opening (with the refusals of DESIGN 9), pragmas, numbered
//! migrations tracked in `PRAGMA user_version`, one module per table, and the undo journal.
//!
//! Every user action runs through [`Store::transact`]: one transaction, recorded in the undo
//! journal under a one-line description, so [`Store::undo`] can take it back exactly.

pub mod badges;
pub mod busy;
pub mod deals;
pub mod log;
pub mod pinned;
pub mod stamp;
pub mod steps;
pub mod windows;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The migrations, in order; migration N brings the schema to version N.
const MIGRATIONS: &[&str] = &[
    include_str!("store/migrations/001_initial.sql"),
    include_str!("store/migrations/002_journeys.sql"),
    include_str!("store/migrations/003_deals.sql"),
    include_str!("store/migrations/004_log_sums.sql"),
];

/// The schema version this program writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Marks a SQLite file as a sukima database (`PRAGMA application_id`): "skma".
pub const APPLICATION_ID: i32 = 0x736b_6d61;

/// How many user actions the undo journal keeps.
const UNDO_DEPTH: i64 = 50;

/// `undo_action.open` of a change that `undo` can take back (1 is the one being recorded).
const UNDONE: i64 = 0;

/// `undo_action.open` of a change taken back that `redo` can apply again: the schema-1
/// journal holds both stacks, told apart by this column, so no migration is needed.
const REDO: i64 = 2;

/// How long a writer waits for another process's transaction before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Why the database could not be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path} is not a sukima database (it is not SQLite); point --db at another file")]
    NotSqlite { path: PathBuf },
    #[error("{path} is a SQLite database of another program; point --db at another file")]
    Foreign { path: PathBuf },
    #[error("{path} is corrupt ({detail}); restore it from a backup (sukima export json)")]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "{path} was written by a newer sukima (schema {found}, this one knows up to {supported}); upgrade sukima"
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("cannot open {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the database is busy (another sukima is writing); try again")]
    Busy,
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        note_corruption(&e);
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::Busy
            }
            _ => StoreError::Sqlite(e),
        }
    }
}

/// Result of the store layer.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// A fixed clock (`--now`), for the time stamps of the undo journal.
    clock: Option<chrono::NaiveDateTime>,
    /// `[ui] timezone`, the zone of those time stamps without a fixed clock.
    zone: Option<chrono_tz::Tz>,
    /// When the file was last checked whole (seconds since the epoch), once it is known
    /// to be sound: by a check now, or by a stamp ([`stamp`]) that says nothing but
    /// sukima has touched it since. `None` until then, and for a refused file.
    checked: Option<u64>,
    /// Whether this open ran the full check (rather than trusting the stamp).
    checked_now: bool,
    /// The database file as it was once opened and checked, and SQLite's
    /// `data_version` then: if either has moved by the time it closes, something other
    /// than this process wrote it, and no stamp is written.
    opened: Option<(stamp::Snapshot, i64)>,
    /// The tables whose rows this connection changed since [`Store::take_changed`] last
    /// asked, as SQLite's update hook reports them ([`Tables`]).
    changed: std::sync::Arc<std::sync::atomic::AtomicU32>,
}

/// A set of sukima's tables: those a write changed, or those a read depends on. A reload
/// reads again only what a write changed (`planning::Reads`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tables(u32);

impl Tables {
    pub const NONE: Tables = Tables(0);
    pub const BADGES: Tables = Tables(1);
    pub const BADGE_AFTER: Tables = Tables(1 << 1);
    pub const LOG: Tables = Tables(1 << 2);
    pub const WINDOWS: Tables = Tables(1 << 3);
    pub const PINNED: Tables = Tables(1 << 4);
    pub const BUSY: Tables = Tables(1 << 5);
    pub const STEPS: Tables = Tables(1 << 6);
    pub const DEALS: Tables = Tables(1 << 7);
    pub const DEAL_BADGES: Tables = Tables(1 << 8);
    /// Every table, and any table sukima does not know by name.
    pub const ALL: Tables = Tables(u32::MAX);

    /// The table of this name. The undo journal's own tables are none of the data; a
    /// name not listed here (a later migration's table) counts as every table, so
    /// nothing read from it is ever kept stale.
    pub fn of(table: &str) -> Tables {
        match table {
            "badges" => Tables::BADGES,
            "badge_after" => Tables::BADGE_AFTER,
            "log" => Tables::LOG,
            "windows" => Tables::WINDOWS,
            "pinned" => Tables::PINNED,
            "busy" => Tables::BUSY,
            "steps" => Tables::STEPS,
            "deals" => Tables::DEALS,
            "deal_badges" => Tables::DEAL_BADGES,
            "undo_action" | "undo_step" => Tables::NONE,
            _ => Tables::ALL,
        }
    }

    /// Whether the two sets share a table.
    pub fn touches(self, other: Tables) -> bool {
        self.0 & other.0 != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl std::ops::BitOr for Tables {
    type Output = Tables;
    fn bitor(self, other: Tables) -> Tables {
        Tables(self.0 | other.0)
    }
}

/// Set once SQLite has reported a corrupt page in this process: no stamp is written
/// then, so the next open checks the whole file.
static CORRUPTION_SEEN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn note_corruption(e: &rusqlite::Error) {
    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) {
        CORRUPTION_SEEN.store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

impl Drop for Store {
    /// Closes the database, then stamps it as checked ([`stamp`]) if it was.
    fn drop(&mut self) {
        let (Some(path), Some(checked), Some((snapshot, version))) =
            (self.path.clone(), self.checked, self.opened)
        else {
            return;
        };
        // Only a file that nothing else has touched since it was checked is stamped.
        let untouched = stamp::Snapshot::of(&path) == snapshot
            && self.data_version().ok() == Some(version)
            && !CORRUPTION_SEEN.load(std::sync::atomic::Ordering::Relaxed);
        if !untouched {
            stamp::forget(&path);
            return;
        }
        // The stamp must describe the file as it is once closed: closing the last
        // connection folds the write-ahead log into the file.
        let Ok(placeholder) = Connection::open_in_memory() else {
            return;
        };
        let conn = std::mem::replace(&mut self.conn, placeholder);
        if conn.close().is_ok() {
            stamp::write(&path, checked);
        }
    }
}

impl Store {
    /// Opens (creating if needed, with its folder and mode 0600) the database at `path`,
    /// and migrates it. Refuses, without writing anything, a file that is not SQLite, a
    /// SQLite file of another program, a corrupt one, and one from a newer sukima.
    pub fn open(path: &Path) -> Result<Store> {
        // SQLite answers some lock conflicts at open (switching a new file to WAL while
        // another process does the same) with SQLITE_BUSY at once rather than through the
        // busy handler: try again, within the same timeout as a write.
        let started = std::time::Instant::now();
        loop {
            match Self::open_once(path) {
                Err(StoreError::Busy) if started.elapsed() < BUSY_TIMEOUT => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                other => return other,
            }
        }
    }

    fn open_once(path: &Path) -> Result<Store> {
        let io = |source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        };
        let exists = path.exists();
        // Read before SQLite opens the file, which creates its write-ahead log.
        let mut trusted = None;
        if exists {
            check_header(path)?;
            trusted = stamp::trusted(path);
        } else {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(io)?;
            }
            create_private(path).map_err(io)?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| classify_open_error(path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
            clock: None,
            zone: None,
            checked: None,
            checked_now: false,
            opened: None,
            changed: Default::default(),
        };
        store.check_and_migrate(path, trusted)?;
        store.watch_changes()?;
        Ok(store)
    }

    /// A fresh database in memory, for tests and `--demo`.
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        let mut store = Store {
            conn,
            path: None,
            clock: None,
            zone: None,
            checked: None,
            checked_now: false,
            opened: None,
            changed: Default::default(),
        };
        store.check_and_migrate(Path::new(":memory:"), None)?;
        store.watch_changes()?;
        Ok(store)
    }

    /// Has SQLite report every row this connection inserts, updates or deletes, by
    /// table (a trigger's and a cascade's too; sukima's tables all have rowids and
    /// delete triggers, so no change escapes the hook).
    fn watch_changes(&mut self) -> Result<()> {
        let changed = std::sync::Arc::clone(&self.changed);
        self.conn.update_hook(Some(
            move |_: rusqlite::hooks::Action, _db: &str, table: &str, _row: i64| {
                changed.fetch_or(Tables::of(table).0, std::sync::atomic::Ordering::Relaxed);
            },
        ))?;
        Ok(())
    }

    /// The tables this connection has changed since the last call (rolled-back changes
    /// included: a set too large costs a read, never a stale one).
    pub fn take_changed(&self) -> Tables {
        Tables(self.changed.swap(0, std::sync::atomic::Ordering::Relaxed))
    }

    /// Fixes the clock used to stamp the undo journal (`--now`).
    pub fn set_clock(&mut self, now: Option<chrono::NaiveDateTime>) {
        self.clock = now;
    }

    /// Sets the zone of the undo journal's time stamps (`[ui] timezone`).
    pub fn set_timezone(&mut self, zone: Option<chrono_tz::Tz>) {
        self.zone = zone;
    }

    /// Now, by the store's clock (`--now` when fixed), in `[ui] timezone` when set.
    pub fn now(&self) -> chrono::NaiveDateTime {
        self.clock
            .unwrap_or_else(|| crate::config::now_in(self.zone))
    }

    /// The file behind the store (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// `trusted`: when the file was last checked whole, if its stamp says nothing but
    /// sukima has touched it since ([`stamp::trusted`]).
    fn check_and_migrate(&mut self, path: &Path, trusted: Option<u64>) -> Result<()> {
        let corrupt = |e: rusqlite::Error| classify_open_error(path, e);
        // One statement, so one snapshot: read apart, another process's migration could
        // commit in between and make a half-made sukima file look like another program's.
        let (version, app_id, tables): (u32, i32, i64) = self
            .conn
            .query_row(
                "SELECT (SELECT user_version FROM pragma_user_version), \
                        (SELECT application_id FROM pragma_application_id), \
                        (SELECT count(*) FROM sqlite_master)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .map_err(corrupt)?;
        if (version > 0 || tables > 0) && app_id != APPLICATION_ID {
            return Err(StoreError::Foreign {
                path: path.to_path_buf(),
            });
        }
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: path.to_path_buf(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        if tables > 0 && trusted.is_none() {
            let check: String = self
                .conn
                .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
                .map_err(corrupt)?;
            if check != "ok" {
                return Err(StoreError::Corrupt {
                    path: path.to_path_buf(),
                    detail: check,
                });
            }
            self.checked_now = true;
        }
        // Sound: checked now, trusted by its stamp, or new.
        let checked = trusted.unwrap_or_else(stamp::now_secs);
        // Only now, with the file known to be ours, do we write to it.
        if self.path.is_some() {
            self.conn
                .pragma_update(None, "journal_mode", "WAL")
                .map_err(corrupt)?;
            self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        self.conn.pragma_update(None, "foreign_keys", true)?;
        if version < SCHEMA_VERSION {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            // Another process may have migrated while we waited for the lock.
            let current: u32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
                tx.execute_batch(sql)?;
                tx.pragma_update(
                    None,
                    "user_version",
                    i64::try_from(i + 1).unwrap_or(i64::MAX),
                )?;
            }
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
            tx.commit()?;
        }
        self.checked = Some(checked);
        if let Some(p) = self.path.as_deref() {
            self.opened = Some((stamp::Snapshot::of(p), self.data_version()?));
        }
        Ok(())
    }

    /// Whether opening ran `PRAGMA quick_check` over the whole file, rather than trusting
    /// its stamp ([`stamp`]); false for a new or in-memory database.
    pub fn checked_whole_file(&self) -> bool {
        self.checked_now
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Runs one user action in one transaction, recorded for undo under `description`.
    /// Nothing is written unless `f` succeeds.
    pub fn transact<T, E>(
        &mut self,
        description: &str,
        f: impl FnOnce(&Transaction<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E>
    where
        E: From<StoreError>,
    {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let now = self
            .clock
            .unwrap_or_else(|| crate::config::now_in(self.zone))
            .format("%Y-%m-%dT%H:%M:%S")
            .to_string();
        tx.execute(
            "INSERT INTO undo_action (at, description, open) VALUES (?1, ?2, 1)",
            (&now, description),
        )
        .map_err(StoreError::from)?;
        let value = f(&tx)?;
        let steps: i64 = tx
            .query_row(
                "SELECT count(*) FROM undo_step WHERE action_id = (SELECT id FROM undo_action WHERE open = 1)",
                [],
                |r| r.get(0),
            )
            .map_err(StoreError::from)?;
        if steps == 0 {
            // Nothing changed: nothing to undo.
            tx.execute("DELETE FROM undo_action WHERE open = 1", [])
                .map_err(StoreError::from)?;
        } else {
            tx.execute("UPDATE undo_action SET open = 0 WHERE open = 1", [])
                .map_err(StoreError::from)?;
            // A new change starts a new future: what was undone can no longer be redone.
            tx.execute("DELETE FROM undo_action WHERE open = ?1", [REDO])
                .map_err(StoreError::from)?;
            tx.execute(
                "DELETE FROM undo_action WHERE id <= (SELECT max(id) FROM undo_action) - ?1",
                [UNDO_DEPTH],
            )
            .map_err(StoreError::from)?;
        }
        tx.commit().map_err(StoreError::from)?;
        Ok(value)
    }

    /// Writes without recording an undo step: for seeding the demo database.
    pub fn seed<T, E>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E>
    where
        E: From<StoreError>,
    {
        let tx = self.conn.transaction().map_err(StoreError::from)?;
        let value = f(&tx)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(value)
    }

    /// The journal id of the change `undo` would take back: it changes with every change
    /// recorded or undone.
    pub fn last_action_id(&self) -> Result<Option<i64>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM undo_action WHERE open = 0 ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The description of the change `undo` would take back.
    pub fn last_action(&self) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row(
                "SELECT description FROM undo_action WHERE open = 0 ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Takes back the last recorded action, returning its description, or `None` when
    /// there is nothing to undo. What the undo does is recorded in turn (the triggers see
    /// an open action), so [`Store::redo`] can apply the change again.
    pub fn undo(&mut self) -> Result<Option<String>> {
        self.replay(UNDONE, REDO)
    }

    /// Applies again the change the last undo took back, returning its description, or
    /// `None` when there is nothing to redo; it goes back on the undo journal.
    pub fn redo(&mut self) -> Result<Option<String>> {
        self.replay(REDO, UNDONE)
    }

    /// The journal id of the change `redo` would apply again: it changes with every
    /// undo, redo and new change.
    pub fn next_redo_id(&self) -> Result<Option<i64>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM undo_action WHERE open = ?1 ORDER BY id DESC LIMIT 1",
                [REDO],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The description of the change `redo` would apply again.
    pub fn next_redo(&self) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row(
                "SELECT description FROM undo_action WHERE open = ?1 ORDER BY id DESC LIMIT 1",
                [REDO],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Runs the steps of the newest action in state `from` (in reverse order), recording
    /// their inverses as a new action in state `to`, and drops the one replayed.
    fn replay(&mut self, from: i64, to: i64) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let last: Option<(i64, String, String)> = tx
            .query_row(
                "SELECT id, description, at FROM undo_action WHERE open = ?1 ORDER BY id DESC LIMIT 1",
                [from],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((id, description, at)) = last else {
            return Ok(None);
        };
        let steps: Vec<String> = {
            let mut stmt =
                tx.prepare("SELECT sql FROM undo_step WHERE action_id = ?1 ORDER BY id DESC")?;
            stmt.query_map([id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        // While this action is open, the triggers record the inverse of each statement.
        tx.execute(
            "INSERT INTO undo_action (at, description, open) VALUES (?1, ?2, 1)",
            (&at, &description),
        )?;
        for sql in &steps {
            tx.execute_batch(sql)?;
        }
        tx.execute("UPDATE undo_action SET open = ?1 WHERE open = 1", [to])?;
        tx.execute("DELETE FROM undo_action WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(Some(description))
    }

    /// SQLite's `data_version`: changes when another connection commits, so a long-running
    /// process (the TUI) can notice outside changes and reload.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }
}

/// What a run that may create the database leaves behind if it fails: nothing it created
/// (DESIGN 8 and 9: a failed command leaves no database, stamp or folder where there was
/// none). Taken before the store is opened; [`NewFiles::remove_if_unused`] after it is
/// closed.
#[derive(Debug, Clone)]
pub struct NewFiles {
    db: PathBuf,
    /// Folders that did not exist, outermost first.
    dirs: Vec<PathBuf>,
}

impl NewFiles {
    /// `None` when the database already exists: then nothing is ever removed.
    pub fn before_open(db: &Path) -> Option<NewFiles> {
        if db.exists() {
            return None;
        }
        let mut dirs = Vec::new();
        let mut at = db.parent();
        while let Some(dir) = at.filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
            dirs.push(dir.to_path_buf());
            at = dir.parent();
        }
        dirs.reverse();
        Some(NewFiles {
            db: db.to_path_buf(),
            dirs,
        })
    }

    /// Removes the database, its journal files and stamp, and the folders made for it,
    /// unless it holds data: another sukima may have created it at the same moment and
    /// written to it, and that is kept.
    pub fn remove_if_unused(&self) {
        if self.db.exists() && !holds_nothing(&self.db) {
            return;
        }
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(stamp::beside(&self.db, suffix));
        }
        stamp::forget(&self.db);
        for dir in self.dirs.iter().rev() {
            // Only when empty: anything else in it is not ours.
            let _ = std::fs::remove_dir(dir);
        }
    }
}

/// Whether the database at `path` has no rows in any table (a schema and nothing else).
fn holds_nothing(path: &Path) -> bool {
    let Ok(conn) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return false;
    };
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
        .unwrap_or_default();
    tables.iter().all(|t| {
        conn.query_row(
            &format!("SELECT count(*) FROM \"{}\"", t.replace('"', "\"\"")),
            [],
            |r| r.get::<_, i64>(0),
        )
        .is_ok_and(|n| n == 0)
    })
}

/// Creates an empty file readable only by its owner.
fn create_private(path: &Path) -> std::io::Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    match opts.open(path) {
        Ok(_) => Ok(()),
        // Another process created it first: fine, it is checked next.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Refuses a non-empty file that does not start with the SQLite header.
fn check_header(path: &Path) -> Result<()> {
    let mut header = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(source) => {
                return Err(StoreError::Io {
                    path: path.to_path_buf(),
                    source,
                });
            }
        }
    }
    if read == 0 {
        return Ok(()); // an empty file becomes a new database
    }
    if read < header.len() || &header != b"SQLite format 3\0" {
        return Err(StoreError::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

fn classify_open_error(path: &Path, e: rusqlite::Error) -> StoreError {
    note_corruption(&e);
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotSqlite {
            path: path.to_path_buf(),
        },
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: "database disk image is malformed".into(),
        },
        _ => StoreError::from(e),
    }
}

/// Reads an optional `YYYY-MM-DD` column.
pub(crate) fn opt_date(v: Option<String>) -> rusqlite::Result<Option<chrono::NaiveDate>> {
    v.map(|s| date(&s)).transpose()
}

/// Reads a `YYYY-MM-DD` column.
pub(crate) fn date(s: &str) -> rusqlite::Result<chrono::NaiveDate> {
    // As sukima writes them: read without the general parser (the log's 10,000 rows).
    if let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *s.as_bytes()
        && [y0, y1, y2, y3, m0, m1, d0, d1]
            .iter()
            .all(u8::is_ascii_digit)
    {
        let n = |digits: &[u8]| {
            digits
                .iter()
                .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'))
        };
        if let Some(day) = chrono::NaiveDate::from_ymd_opt(
            i32::try_from(n(&[y0, y1, y2, y3])).unwrap_or(0),
            n(&[m0, m1]),
            n(&[d0, d1]),
        ) {
            return Ok(day);
        }
    }
    crate::domain::dates::parse_ymd(s).map_err(|e| conversion(&e))
}

/// Reads an optional `HH:MM` column.
pub(crate) fn opt_time(v: Option<String>) -> rusqlite::Result<Option<chrono::NaiveTime>> {
    v.map(|s| time(&s)).transpose()
}

/// Reads a `HH:MM` column.
pub(crate) fn time(s: &str) -> rusqlite::Result<chrono::NaiveTime> {
    crate::domain::dates::parse_hm(s).ok_or_else(|| conversion(&format!("bad time {s}")))
}

/// Reads a `YYYY-MM-DDTHH:MM` column.
pub(crate) fn datetime(s: &str) -> rusqlite::Result<chrono::NaiveDateTime> {
    crate::domain::dates::parse_datetime(s).ok_or_else(|| conversion(&format!("bad time {s}")))
}

fn conversion(e: &dyn std::fmt::Display) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.to_string().into())
}

#[cfg(test)]
mod tests;
