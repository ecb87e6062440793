use super::*;
use crate::domain::badge::Badge;
use crate::domain::dates::parse_ymd;
use crate::domain::log::LogEntry;

fn badge(key: &str) -> Badge {
    Badge {
        key: key.into(),
        name: format!("Badge {key}"),
        issuer: "IBM".into(),
        earned_on: Some(parse_ymd("2026-01-01").unwrap()),
        expires_on: Some(parse_ymd("2027-06-30").unwrap()),
        effort_minutes: 300,
        tags: vec!["cloud".into(), "データ".into()],
        ..Badge::default()
    }
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn creates_folder_and_private_file_and_migrates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep/er/sukima.db");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let mode: String = store
        .conn()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = store
        .conn()
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    drop(store);
    // Opening again is a no-op migration.
    assert_eq!(
        Store::open(&path).unwrap().schema_version().unwrap(),
        SCHEMA_VERSION
    );
}

#[test]
fn an_empty_file_becomes_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    std::fs::write(&path, b"").unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn refuses_a_file_that_is_not_sqlite_untouched() {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in [
        (
            "notes.txt",
            b"hello, this is not a database at all".to_vec(),
        ),
        ("short", b"SQLite".to_vec()),
        (
            "binary",
            vec![
                0u8, 159, 146, 150, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
            ],
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &content).unwrap();
        let err = Store::open(&path).err().expect("refused");
        assert!(matches!(err, StoreError::NotSqlite { .. }), "{name}: {err}");
        assert!(err.to_string().contains("is not a sukima database"));
        assert_eq!(bytes(&path), content, "{name} untouched");
    }
}

#[test]
fn refuses_another_programs_database_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    let before = bytes(&path);
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
    assert_eq!(bytes(&path), before);
}

#[test]
fn refuses_a_newer_schema_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    drop(Store::open(&path).unwrap());
    {
        let c = Connection::open(&path).unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
        c.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    let before = bytes(&path);
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
    assert!(err.to_string().contains("newer sukima"));
    assert_eq!(bytes(&path), before);
}

#[test]
fn refuses_a_corrupt_database_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corrupt.db");
    {
        let mut store = Store::open(&path).unwrap();
        store
            .transact("fill", |tx| -> Result<()> {
                for i in 0..300 {
                    badges::insert(tx, &badge(&format!("b{i}")))?;
                }
                Ok(())
            })
            .unwrap();
        store
            .conn()
            .pragma_update(None, "journal_mode", "DELETE")
            .unwrap();
    }
    let mut content = bytes(&path);
    assert!(content.len() > 4096 * 4);
    // Scribble over the middle of the badges' pages, keeping the header intact.
    for b in &mut content[4096 * 2 + 8..4096 * 3] {
        *b = 0xA5;
    }
    std::fs::write(&path, &content).unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("corrupt"));
    assert_eq!(bytes(&path), content);
}

#[test]
fn badges_round_trip_and_key_rename_follows_references() {
    let mut store = Store::open_in_memory().unwrap();
    let mut a = badge("a");
    a.replaced_by = Some("b".into());
    let b = badge("b");
    store
        .transact("add", |tx| -> Result<()> {
            badges::insert(tx, &a)?;
            badges::insert(tx, &b)?;
            Ok(())
        })
        .unwrap();
    assert_eq!(badges::get(store.conn(), "a").unwrap(), Some(a.clone()));
    let mut b2 = b.clone();
    b2.key = "b2".into();
    store
        .transact("rename", |tx| badges::update(tx, "b", &b2))
        .unwrap();
    assert_eq!(
        badges::get(store.conn(), "a")
            .unwrap()
            .unwrap()
            .replaced_by
            .as_deref(),
        Some("b2")
    );
}

#[test]
fn a_failed_action_writes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let r: std::result::Result<(), StoreError> = store.transact("dup", |tx| {
        badges::insert(tx, &badge("a"))?;
        badges::insert(tx, &badge("a"))?; // unique key violated
        Ok(())
    });
    assert!(r.is_err());
    assert!(badges::all(store.conn()).unwrap().is_empty());
    assert_eq!(store.last_action().unwrap(), None);
}

#[test]
fn undo_takes_back_exactly_the_last_action() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .transact("add a", |tx| badges::insert(tx, &badge("a")))
        .unwrap();
    let snapshot = |store: &Store| {
        (
            badges::all(store.conn()).unwrap(),
            log::all(store.conn(), None).unwrap(),
        )
    };
    let before = snapshot(&store);
    let id = badges::id_of(store.conn(), "a").unwrap().unwrap();
    store
        .transact("log and edit", |tx| -> Result<()> {
            log::insert(
                tx,
                id,
                &LogEntry {
                    id: None,
                    badge: "a".into(),
                    date: parse_ymd("2026-11-20").unwrap(),
                    start: None,
                    minutes: 30,
                    note: Some("it's \"quoted\"; 日本語".into()),
                },
            )?;
            let mut changed = badge("a");
            changed.name = "Renamed's".into();
            badges::update(tx, "a", &changed)?;
            Ok(())
        })
        .unwrap();
    assert_ne!(snapshot(&store), before);
    assert_eq!(store.undo().unwrap().as_deref(), Some("log and edit"));
    assert_eq!(snapshot(&store), before);
    // Deleting a badge cascades to its log; undo brings both back.
    store
        .transact("log", |tx| {
            log::insert(
                tx,
                id,
                &LogEntry {
                    id: None,
                    badge: "a".into(),
                    date: parse_ymd("2026-11-21").unwrap(),
                    start: None,
                    minutes: 45,
                    note: None,
                },
            )
        })
        .unwrap();
    let with_log = snapshot(&store);
    store
        .transact("rm a", |tx| badges::delete(tx, "a"))
        .unwrap();
    assert!(badges::all(store.conn()).unwrap().is_empty());
    assert!(log::all(store.conn(), None).unwrap().is_empty());
    assert_eq!(store.undo().unwrap().as_deref(), Some("rm a"));
    assert_eq!(snapshot(&store), with_log);
    assert_eq!(store.undo().unwrap().as_deref(), Some("log"));
    assert_eq!(store.undo().unwrap().as_deref(), Some("add a"));
    assert!(badges::all(store.conn()).unwrap().is_empty());
    assert_eq!(store.undo().unwrap(), None);
}

#[test]
fn actions_that_change_nothing_are_not_undo_steps() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .transact("add a", |tx| badges::insert(tx, &badge("a")))
        .unwrap();
    store
        .transact("nothing", |_| Ok::<_, StoreError>(()))
        .unwrap();
    assert_eq!(store.last_action().unwrap().as_deref(), Some("add a"));
}

/// Waits out the file system's time stamp granularity, so a change made next gets a
/// later modification and change time than the stamp recorded.
fn next_tick() {
    std::thread::sleep(std::time::Duration::from_millis(30));
}

#[test]
fn a_closed_database_is_stamped_and_its_next_open_skips_the_full_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let stamp_path = stamp::path(&path);
    {
        let store = Store::open(&path).unwrap();
        assert!(
            !store.checked_whole_file(),
            "a new file has nothing to check"
        );
        assert!(!stamp_path.exists(), "stamped when closed, not before");
    }
    assert!(stamp_path.exists());
    {
        let mut store = Store::open(&path).unwrap();
        assert!(!store.checked_whole_file(), "trusted the stamp");
        // Its own writes keep the stamp good.
        store
            .transact("add", |tx| crate::store::badges::insert(tx, &badge("cp4d")))
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert!(!store.checked_whole_file(), "trusted after its own write");
    drop(store);

    // Anything else that writes the file means a full check, even with the same bytes.
    next_tick();
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes).unwrap();
    let store = Store::open(&path).unwrap();
    assert!(store.checked_whole_file(), "changed outside sukima");
    drop(store);
    let store = Store::open(&path).unwrap();
    assert!(!store.checked_whole_file(), "stamped again after the check");
    drop(store);

    // A copy put in its place (a new inode, even with the old times).
    next_tick();
    let copy = dir.path().join("copy.db");
    std::fs::copy(&path, &copy).unwrap();
    std::fs::rename(&copy, &path).unwrap();
    assert!(Store::open(&path).unwrap().checked_whole_file(), "replaced");
}

#[test]
fn an_old_missing_or_garbled_stamp_means_a_full_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    {
        let mut store = Store::open(&path).unwrap();
        store
            .transact("add", |tx| crate::store::badges::insert(tx, &badge("cp4d")))
            .unwrap();
    }
    let stamp_path = stamp::path(&path);
    let good = std::fs::read_to_string(&stamp_path).unwrap();
    assert!(!Store::open(&path).unwrap().checked_whole_file());

    // Last full check more than a day ago.
    let checked_line = good.lines().nth(1).unwrap();
    let day_old = stamp::now_secs() - stamp::FULL_CHECK_EVERY.as_secs() - 1;
    std::fs::write(
        &stamp_path,
        good.replace(checked_line, &format!("checked {day_old}")),
    )
    .unwrap();
    assert!(Store::open(&path).unwrap().checked_whole_file(), "too old");

    for garbled in [
        "",
        "sukima-checked 1\n",
        "not a stamp",
        &good[..good.len() / 2],
    ] {
        std::fs::write(&stamp_path, garbled).unwrap();
        assert!(
            Store::open(&path).unwrap().checked_whole_file(),
            "{garbled:?}"
        );
    }
    std::fs::remove_file(&stamp_path).unwrap();
    assert!(Store::open(&path).unwrap().checked_whole_file(), "missing");
    assert!(
        !Store::open(&path).unwrap().checked_whole_file(),
        "stamped again"
    );
}

#[test]
fn a_stamped_database_corrupted_later_is_still_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    {
        let mut store = Store::open(&path).unwrap();
        // One transaction: many would fill the write-ahead log until SQLite folds it into
        // the file midway, and a file that changed under the check is not stamped.
        store
            .transact("add", |tx| {
                for i in 0..200 {
                    let mut b = badge(&format!("b{i:03}"));
                    b.notes = Some("x".repeat(500));
                    crate::store::badges::insert(tx, &b)?;
                }
                Ok::<_, StoreError>(())
            })
            .unwrap();
    }
    assert!(stamp::path(&path).exists());
    next_tick();
    let mut bytes = std::fs::read(&path).unwrap();
    let page = 4096;
    let at = (bytes.len() / page / 2) * page;
    for (i, b) in bytes[at..at + page].iter_mut().enumerate() {
        *b = (i * 7 % 251) as u8;
    }
    std::fs::write(&path, &bytes).unwrap();
    let Err(e) = Store::open(&path) else {
        panic!("opened a corrupt file");
    };
    assert!(matches!(e, StoreError::Corrupt { .. }), "{e}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "untouched");
}

#[test]
fn a_file_changed_while_open_is_not_stamped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    {
        let mut store = Store::open(&path).unwrap();
        store
            .transact("add", |tx| crate::store::badges::insert(tx, &badge("a")))
            .unwrap();
    }
    assert!(stamp::path(&path).exists());

    // Another file moved into its place while a sukima has it open.
    let copy = dir.path().join("copy.db");
    std::fs::copy(&path, &copy).unwrap();
    let store = Store::open(&path).unwrap();
    next_tick();
    std::fs::rename(&copy, &path).unwrap();
    drop(store);
    assert!(
        !stamp::path(&path).exists(),
        "stamped a file it never checked"
    );
    assert!(Store::open(&path).unwrap().checked_whole_file());

    // Another connection commits while it is open.
    let store = Store::open(&path).unwrap();
    assert!(!store.checked_whole_file());
    let other = rusqlite::Connection::open(&path).unwrap();
    other
        .execute("UPDATE badges SET name = 'Changed' WHERE key = 'a'", [])
        .unwrap();
    drop(other);
    drop(store);
    assert!(
        !stamp::path(&path).exists(),
        "stamped after an outside commit"
    );

    // Its own writes keep the stamp.
    {
        let mut store = Store::open(&path).unwrap();
        store
            .transact("add", |tx| crate::store::badges::insert(tx, &badge("b")))
            .unwrap();
    }
    assert!(stamp::path(&path).exists());
}

#[test]
fn redo_applies_again_what_undo_took_back_until_a_new_change() {
    let mut store = Store::open_in_memory().unwrap();
    let snapshot = |store: &Store| {
        (
            badges::all(store.conn()).unwrap(),
            log::all(store.conn(), None).unwrap(),
        )
    };
    let empty = snapshot(&store);
    store
        .transact("add a", |tx| badges::insert(tx, &badge("a")))
        .unwrap();
    let id = badges::id_of(store.conn(), "a").unwrap().unwrap();
    let entry = |minutes| LogEntry {
        id: None,
        badge: "a".into(),
        date: parse_ymd("2026-11-20").unwrap(),
        start: None,
        minutes,
        note: Some("it's 日本語".into()),
    };
    store
        .transact("log", |tx| log::insert(tx, id, &entry(30)))
        .unwrap();
    let logged = snapshot(&store);
    store
        .transact("rm a", |tx| badges::delete(tx, "a"))
        .unwrap();
    let removed = snapshot(&store);
    // Three undos, then three redos, each back to exactly the state it left.
    assert_eq!(store.undo().unwrap().as_deref(), Some("rm a"));
    assert_eq!(snapshot(&store), logged);
    assert_eq!(store.undo().unwrap().as_deref(), Some("log"));
    assert_eq!(store.undo().unwrap().as_deref(), Some("add a"));
    assert_eq!(snapshot(&store), empty);
    assert_eq!(store.next_redo().unwrap().as_deref(), Some("add a"));
    assert_eq!(store.redo().unwrap().as_deref(), Some("add a"));
    assert_eq!(store.redo().unwrap().as_deref(), Some("log"));
    assert_eq!(snapshot(&store), logged);
    assert_eq!(store.redo().unwrap().as_deref(), Some("rm a"));
    assert_eq!(snapshot(&store), removed);
    assert_eq!(store.redo().unwrap(), None);
    // A redone change can be undone again, and redone again.
    assert_eq!(store.undo().unwrap().as_deref(), Some("rm a"));
    assert_eq!(snapshot(&store), logged);
    assert_eq!(store.redo().unwrap().as_deref(), Some("rm a"));
    assert_eq!(store.undo().unwrap().as_deref(), Some("rm a"));
    // A new change clears the redo stack.
    store
        .transact("log more", |tx| log::insert(tx, id, &entry(15)))
        .unwrap();
    assert_eq!(store.redo().unwrap(), None);
    assert_eq!(store.undo().unwrap().as_deref(), Some("log more"));
    assert_eq!(snapshot(&store), logged);
}

#[test]
fn dates_are_read_fast_as_written_and_checked_as_any_other() {
    let day = |s: &str| date(s).ok();
    assert_eq!(day("2027-01-14"), Some(parse_ymd("2027-01-14").unwrap()));
    assert_eq!(day("2028-02-29"), Some(parse_ymd("2028-02-29").unwrap()));
    // Not as sukima writes them, but readable: the general parser takes them.
    assert_eq!(day("2027-1-4"), Some(parse_ymd("2027-01-04").unwrap()));
    for bad in [
        "2027-02-30",
        "2027-13-01",
        "2027-00-10",
        "2027/01/14",
        "",
        "2027-01-1x",
    ] {
        assert_eq!(day(bad), None, "{bad}");
    }
}

proptest::proptest! {
    /// The log as `between` reads it is in the order the join with `ORDER BY` gave:
    /// by day, entries without a start first, then start, badge key, id; and only the
    /// entries of the days asked.
    #[test]
    fn log_between_reads_the_entries_of_its_days_in_the_log_order(
        entries in proptest::collection::vec(
            (0usize..4, 0u64..6, proptest::option::of(0u32..4), 1u32..90),
            0..40,
        ),
        from in proptest::option::of(0u64..6),
        span in proptest::option::of(0u64..4),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("s.db")).unwrap();
        // Keys whose order differs from their ids' order.
        let keys = ["zeta", "alpha", "mu", "beta"];
        let first = parse_ymd("2027-01-10").unwrap();
        let on = |d: u64| first + chrono::Days::new(d);
        store
            .seed(|tx| -> std::result::Result<(), StoreError> {
                let mut ids = Vec::new();
                for k in keys {
                    ids.push(badges::insert(tx, &badge(k))?);
                }
                for &(b, d, start, minutes) in &entries {
                    let entry = LogEntry {
                        id: None,
                        badge: keys[b].into(),
                        date: on(d),
                        start: start.and_then(|h| chrono::NaiveTime::from_hms_opt(7 + h, 0, 0)),
                        minutes,
                        note: None,
                    };
                    log::insert(tx, ids[b], &entry)?;
                }
                Ok(())
            })
            .unwrap();
        let from_day = from.map(on);
        let to_day = from_day.zip(span).map(|(f, s)| f + chrono::Days::new(s));
        let read = log::between(store.conn(), from_day, to_day).unwrap();
        let mut stmt = store
            .conn()
            .prepare(
                "SELECT l.id FROM log l JOIN badges b ON b.id = l.badge_id \
                 WHERE l.date >= ?1 AND l.date <= ?2 \
                 ORDER BY l.date, l.start IS NOT NULL, l.start, b.key, l.id",
            )
            .unwrap();
        let expected: Vec<i64> = stmt
            .query_map(
                [
                    from_day.map(crate::domain::dates::ymd).unwrap_or_default(),
                    to_day.map_or_else(|| "9999-12-31".into(), crate::domain::dates::ymd),
                ],
                |r| r.get(0),
            )
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let got: Vec<i64> = read.iter().map(|e| e.id.unwrap()).collect();
        proptest::prop_assert_eq!(got, expected);
    }
}

#[test]
fn every_change_is_reported_by_table_cascades_and_undo_redo_included() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(
        store.take_changed(),
        Tables::NONE,
        "opening reports nothing"
    );
    let entry = |key: &str| LogEntry {
        id: None,
        badge: key.into(),
        date: parse_ymd("2027-01-10").unwrap(),
        start: None,
        minutes: 30,
        note: None,
    };
    store
        .transact("add", |tx| -> std::result::Result<(), StoreError> {
            let id = badges::insert(tx, &badge("a"))?;
            log::insert(tx, id, &entry("a"))?;
            let pin = crate::domain::log::Pinned {
                id: None,
                badge: "a".into(),
                start: crate::domain::dates::parse_datetime("2027-01-11T07:10").unwrap(),
                minutes: 30,
            };
            pinned::insert(tx, id, &pin)?;
            Ok(())
        })
        .unwrap();
    let changed = store.take_changed();
    for t in [Tables::BADGES, Tables::LOG, Tables::PINNED] {
        assert!(changed.touches(t), "{t:?} in {changed:?}");
    }
    for t in [Tables::WINDOWS, Tables::BUSY, Tables::STEPS, Tables::DEALS] {
        assert!(!changed.touches(t), "{t:?} in {changed:?}");
    }
    assert_eq!(store.take_changed(), Tables::NONE, "asked once");
    // Deleting the badge deletes its log and pins by cascade: reported too.
    store
        .transact("rm", |tx| -> std::result::Result<(), StoreError> {
            badges::delete(tx, "a")?;
            Ok(())
        })
        .unwrap();
    let changed = store.take_changed();
    for t in [Tables::BADGES, Tables::LOG, Tables::PINNED] {
        assert!(changed.touches(t), "cascade: {t:?} in {changed:?}");
    }
    // Undo and redo replay the journal through the same connection.
    store.undo().unwrap();
    assert!(store.take_changed().touches(Tables::LOG));
    store.redo().unwrap();
    assert!(store.take_changed().touches(Tables::PINNED));
    // A write that fails and rolls back may report its tables (a read too many, never
    // one too few); a read reports nothing.
    log::all(store.conn(), None).unwrap();
    assert_eq!(store.take_changed(), Tables::NONE);
    assert_eq!(Tables::of("a_table_of_a_later_schema"), Tables::ALL);
    assert_eq!(Tables::of("undo_step"), Tables::NONE);
}
