//! The check stamp: a small file beside the database (`<db>-checked`) that lets an open
//! skip `PRAGMA quick_check` when nothing but sukima has touched the file since sukima last
//! checked it whole.
//!
//! `quick_check` reads every page, so its cost grows with the database; run on every open
//! it made `sukima add` and `sukima due` (a shell prompt runs it every time) slower the
//! more a user had logged. When a sukima process that had checked the file (or trusted a
//! stamp) closes it, it writes down what the database and its WAL look like on disk: size,
//! modification and change times, inode. The next open skips the full check only if the
//! files still look exactly like that and the last full check is less than
//! [`FULL_CHECK_EVERY`] old. Anything else that writes the file (an editor, a copy, a
//! restore, another program) changes its change time or inode, which `touch` cannot set
//! back, so the file is checked whole again. Damage that changes none of them (a failing
//! disk) is still found by SQLite when it reads the damaged page, which fails that action
//! without writing, and by the next full check within a day.
//!
//! A process writes the stamp only if the file it closes is the one it checked: not if the
//! database file was replaced or written (by another program, or by SQLite folding the log
//! into it midway) while it was open, not if another connection committed meanwhile, and
//! not after SQLite reported a corrupt page. Then the stamp is removed instead, and the next
//! open checks the whole file.
//!
//! A stamp that is missing, unreadable or of another format only means a full check.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How old the last full check may be before an open checks the whole file again.
pub const FULL_CHECK_EVERY: Duration = Duration::from_secs(24 * 60 * 60);

/// The first line of a stamp file.
const MAGIC: &str = "sukima-checked 1";

/// What a file looks like on disk, as far as telling a change goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Meta {
    len: u64,
    modified_ns: i128,
    changed_ns: i128,
    inode: u64,
}

impl Meta {
    /// `None` when the file does not exist (or cannot be read).
    fn of(path: &Path) -> Option<Meta> {
        let m = std::fs::metadata(path).ok()?;
        let ns = |t: SystemTime| match t.duration_since(UNIX_EPOCH) {
            Ok(d) => i128::try_from(d.as_nanos()).unwrap_or(i128::MAX),
            Err(e) => -i128::try_from(e.duration().as_nanos()).unwrap_or(i128::MAX),
        };
        let modified_ns = m.modified().map(ns).unwrap_or(0);
        #[cfg(unix)]
        let (changed_ns, inode) = {
            use std::os::unix::fs::MetadataExt;
            (
                i128::from(m.ctime()) * 1_000_000_000 + i128::from(m.ctime_nsec()),
                m.ino(),
            )
        };
        #[cfg(not(unix))]
        let (changed_ns, inode) = (modified_ns, 0);
        Some(Meta {
            len: m.len(),
            modified_ns,
            changed_ns,
            inode,
        })
    }

    fn write(this: Option<Meta>) -> String {
        match this {
            Some(m) => format!("{} {} {} {}", m.len, m.modified_ns, m.changed_ns, m.inode),
            None => "-".into(),
        }
    }

    fn read(s: &str) -> Option<Option<Meta>> {
        if s == "-" {
            return Some(None);
        }
        let mut it = s.split(' ');
        let meta = Meta {
            len: it.next()?.parse().ok()?,
            modified_ns: it.next()?.parse().ok()?,
            changed_ns: it.next()?.parse().ok()?,
            inode: it.next()?.parse().ok()?,
        };
        it.next().is_none().then_some(Some(meta))
    }
}

/// The database file and its write-ahead log, as they look on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Files {
    db: Option<Meta>,
    wal: Option<Meta>,
}

impl Files {
    fn of(db: &Path) -> Files {
        // SQLite keeps the log beside the file a symbolic link points at.
        let real = std::fs::canonicalize(db).unwrap_or_else(|_| db.to_path_buf());
        Files {
            db: Meta::of(&real),
            wal: Meta::of(&beside(&real, "-wal")),
        }
    }
}

/// `db` with `suffix` appended to its file name.
pub(crate) fn beside(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// What the database file itself looks like on disk now (not its write-ahead log), to
/// tell, when sukima closes it, whether anything but this process's commits touched it
/// meanwhile: a file copied or moved into its place, or written by another program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snapshot(Option<Meta>);

impl Snapshot {
    pub fn of(db: &Path) -> Snapshot {
        Snapshot(Meta::of(db))
    }
}

/// Where the stamp of `db` lives.
pub fn path(db: &Path) -> PathBuf {
    beside(db, "-checked")
}

/// Seconds since the epoch, now.
pub fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// When the file at `db` was last checked whole, if its stamp says it has not changed
/// since and that check is recent enough to trust; `None` means: check it whole.
pub fn trusted(db: &Path) -> Option<u64> {
    let text = std::fs::read_to_string(path(db)).ok()?;
    let mut lines = text.lines();
    if lines.next()? != MAGIC {
        return None;
    }
    let checked: u64 = lines.next()?.strip_prefix("checked ")?.parse().ok()?;
    let files = Files {
        db: Meta::read(lines.next()?.strip_prefix("db ")?)?,
        wal: Meta::read(lines.next()?.strip_prefix("wal ")?)?,
    };
    let fresh = now_secs().checked_sub(checked)? < FULL_CHECK_EVERY.as_secs();
    (fresh && files.db.is_some() && files == Files::of(db)).then_some(checked)
}

/// Writes down what `db` looks like now, last checked whole at `checked`. Call it only
/// once every connection of this process to `db` is closed. Failing to write the stamp
/// only means the next open checks the whole file.
pub fn write(db: &Path, checked: u64) {
    let files = Files::of(db);
    let stamp = path(db);
    if files.db.is_none() {
        let _ = std::fs::remove_file(stamp);
        return;
    }
    let text = format!(
        "{MAGIC}\nchecked {checked}\ndb {}\nwal {}\n",
        Meta::write(files.db),
        Meta::write(files.wal)
    );
    // Written whole and renamed over the old one, so a reader never sees half a stamp.
    let dir = db.parent().filter(|d| !d.as_os_str().is_empty());
    let written =
        tempfile::NamedTempFile::new_in(dir.unwrap_or(Path::new("."))).and_then(|mut tmp| {
            std::io::Write::write_all(&mut tmp, text.as_bytes())?;
            tmp.persist(&stamp).map_err(|e| e.error)?;
            Ok(())
        });
    if written.is_err() {
        let _ = std::fs::remove_file(stamp);
    }
}

/// Removes the stamp of `db`, so the next open checks the whole file.
pub fn forget(db: &Path) {
    let _ = std::fs::remove_file(path(db));
}
