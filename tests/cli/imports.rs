use crate::common::{Env, s};
use std::path::Path;

fn data(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(rel)
        .display()
        .to_string()
}

#[test]
fn credly_pages_import_once_and_reimport_is_a_no_op() {
    let env = Env::new();
    let p1 = data("credly/page1.json");
    let p2 = data("credly/page2.json");
    let out = env.ok(&["import", "credly", &p1, &p2]);
    assert!(
        out.starts_with("added 10, updated 0, unchanged 0, skipped 1 (1 revoked)"),
        "{out}"
    );
    let after = env.snapshot();
    let out = env.ok(&["import", "credly", &p1, &p2]);
    assert!(out.starts_with("added 0, updated 0, unchanged 10"), "{out}");
    assert_eq!(env.snapshot(), after);
    // Statuses follow from the dates (now is 2027-01-06).
    let list: serde_json::Value =
        serde_json::from_str(&env.ok(&["badge", "list", "--json"])).unwrap();
    let status = |name: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|b| b["name"].as_str().unwrap().starts_with(name))
            .map(|b| b["status"].as_str().unwrap().to_string())
    };
    assert_eq!(status("IBM Cloud Essentials").as_deref(), Some("no-expiry"));
    assert_eq!(
        status("IBM Cloud Pak for Data").as_deref(),
        Some("expiring")
    );
    // One import, one undo.
    env.ok(&["undo"]);
    assert!(env.ok(&["badge", "list"]).starts_with("No badges"));
}

#[test]
fn user_edits_survive_a_newer_download() {
    let env = Env::new();
    let p1 = data("credly/page1.json");
    env.ok(&["import", "credly", &p1]);
    let list: serde_json::Value =
        serde_json::from_str(&env.ok(&["badge", "list", "--json"])).unwrap();
    let key = list[0]["key"].as_str().unwrap().to_string();
    let id = list[0]["source_id"].as_str().unwrap().to_string();
    let old_expiry = list[0]["expires_on"].as_str().unwrap().to_string();
    env.ok(&[
        "badge",
        "edit",
        &key,
        "--notes",
        "my notes",
        "--priority",
        "high",
        "--effort",
        "3h",
    ]);
    // A newer download: the same record, renewed for a year.
    let text = std::fs::read_to_string(&p1).unwrap();
    let newer = text.replace(
        &format!("\"expires_at_date\": \"{old_expiry}\""),
        "\"expires_at_date\": \"2031-01-31\"",
    );
    assert_ne!(newer, text, "the fixture holds the expiry");
    let f = env.write("newer.json", &newer);
    let out = env.ok(&["import", "credly", s(&f)]);
    assert!(out.contains("updated 1"), "{out}");
    let b: serde_json::Value =
        serde_json::from_str(&env.ok(&["badge", "show", &key, "--json"])).unwrap();
    assert_eq!(b["source_id"], id.as_str());
    assert_eq!(b["expires_on"], "2031-01-31");
    assert_eq!(b["notes"], "my notes");
    assert_eq!(b["priority"], "high");
    assert_eq!(b["effort_minutes"], 180);
}

#[test]
fn bad_files_change_nothing_and_name_the_file() {
    let env = Env::new();
    env.ok(&["import", "credly", &data("credly/page1.json")]);
    let before = env.snapshot();
    for (args, needle) in [
        (
            vec![
                "import".to_string(),
                "credly".into(),
                data("credly/page2.json"),
                data("credly/not-json.html"),
            ],
            "not-json.html",
        ),
        (
            vec![
                "import".to_string(),
                "credly".into(),
                data("credly/impossible-date.json"),
            ],
            "impossible-date.json",
        ),
        (
            vec![
                "import".to_string(),
                "credly".into(),
                data("credly/other-shape.json"),
            ],
            "other-shape.json",
        ),
        (
            vec![
                "import".to_string(),
                "credly".into(),
                data("credly/missing-id.json"),
            ],
            "missing-id.json",
        ),
        (
            vec![
                "import".to_string(),
                "csv".into(),
                data("csv/bad-date-after-multiline.csv"),
            ],
            "line",
        ),
        (
            vec![
                "import".to_string(),
                "csv".into(),
                data("csv/no-name-column.csv"),
            ],
            "name",
        ),
        (
            vec![
                "import".to_string(),
                "ics".into(),
                data("ics/not-calendar.json"),
            ],
            "not-calendar.json",
        ),
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let err = env.fails(&args);
        assert!(err.contains(needle), "{args:?}: {err}");
        assert_eq!(env.snapshot(), before, "{args:?} changed the database");
    }
}

#[test]
fn csv_imports_what_spreadsheets_produce() {
    let env = Env::new();
    // The sheet names an issuer the defaults do not know: configured, it is accepted.
    std::fs::create_dir_all(env.path("config/sukima")).unwrap();
    env.write(
        "config/sukima/config.toml",
        "[issuers.\"情報処理推進機構\"]\nvalidity_days = 1095\n",
    );
    let out = env.ok(&["import", "csv", &data("csv/good.csv")]);
    assert!(out.starts_with("added "), "{out}");
    let again = env.ok(&["import", "csv", &data("csv/good.csv")]);
    assert!(again.starts_with("added 0, updated 0"), "{again}");

    // A second sheet with other badges: those of the first are not reported as gone.
    // Names come in on one printable line, whatever the cells held.
    let other = env.write(
        "other.csv",
        "name,issuer,expires_on\n\"Two\nlines\",IBM,2027-06-30\n\"Esc\u{1b}[31mRED\",IBM,2027-06-30\n\u{200e},IBM,2027-06-30\n",
    );
    let out = env.ok(&["import", "csv", crate::common::s(&other)]);
    assert!(out.starts_with("added 3"), "{out}");
    assert!(!out.contains("gone"), "{out}");
    let list: serde_json::Value =
        serde_json::from_str(&env.ok(&["badge", "list", "--json"])).unwrap();
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Two lines"), "{names:?}");
    assert!(names.contains(&"Esc [31mRED"), "{names:?}");
    // Nothing but invisible characters: a visible stand-in, never an empty name.
    assert!(names.contains(&"?"), "{names:?}");
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|b| !b["issuer"].as_str().unwrap().is_empty())
    );

    // An issuer that is only a control character is no issuer sukima knows: refused.
    let bell = env.write("bell.csv", "name,issuer\nX,\u{7}\n");
    let err = env.fails(&["import", "csv", crate::common::s(&bell)]);
    assert!(err.contains("bell.csv line 2: unknown issuer"), "{err}");

    // Typed by hand, a control character is refused.
    let before = env.snapshot();
    let err = env.fails(&["badge", "add", "tab\there", "--issuer", "IBM"]);
    assert!(err.contains("control character"), "{err}");
    assert_eq!(env.snapshot(), before);
}

#[test]
fn calendar_export_and_busy_import() {
    let env = Env::new();
    env.ok(&[
        "badge",
        "add",
        "Renew; me, please",
        "--key",
        "a",
        "--issuer",
        "Microsoft",
        "--earned",
        "2026-02-10",
        "--expires",
        "2027-02-10",
        "--effort",
        "1h",
    ]);
    env.ok(&["window", "add", "daily", "7:00-8:00"]);
    let first = env.path("a.ics");
    let second = env.path("b.ics");
    env.cmd()
        .env("TZ", "Asia/Tokyo")
        .args(["export", "ics", s(&first)])
        .assert()
        .success();
    env.cmd()
        .env("TZ", "Asia/Tokyo")
        .args(["export", "ics", s(&second)])
        .assert()
        .success();
    let text = std::fs::read_to_string(&first).unwrap();
    assert_eq!(
        text,
        std::fs::read_to_string(&second).unwrap(),
        "same input, same file"
    );
    assert!(
        text.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo"),
        "{text}"
    );
    assert!(text.contains("TRIGGER:-P60D"));
    assert!(text.contains("Renew\\; me\\, please"));
    // The exported file parses in an independent reader.
    let reader = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let cal = reader.into_iter().next().unwrap().unwrap();
    assert!(cal.events.len() >= 3);
    // Busy time: importing a calendar keeps its events clear of sessions.
    let busy = env.write(
        "work.ics",
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\nBEGIN:VEVENT\r\nUID:m1\r\nDTSTART:20270107T070000\r\nDTEND:20270107T080000\r\nSUMMARY:Standup\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    );
    let out = env.ok(&["import", "ics", s(&busy)]);
    assert!(out.starts_with("imported 1 busy events"), "{out}");
    let plan: serde_json::Value = serde_json::from_str(&env.ok(&["plan", "--json"])).unwrap();
    assert!(
        plan["sessions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|x| !x["start"].as_str().unwrap().starts_with("2027-01-07"))
    );
    let again = env.ok(&["import", "ics", s(&busy)]);
    assert!(again.contains("replacing 1"), "{again}");
    assert!(env.ok(&["window", "list"]).contains("work.ics"));
    env.ok(&["window", "rm", "work.ics"]);
    assert!(!env.ok(&["window", "list"]).contains("work.ics"));
}

/// Issue 15, finding 6: two different calendars both downloaded as `basic.ics` (as
/// Google names them) are two imports, named by their full paths or their X-WR-CALNAME;
/// re-importing one replaces only it, and the report says so.
#[test]
fn calendars_with_the_same_file_name_do_not_replace_each_other() {
    let env = Env::new();
    let event = |uid: &str, day: u32| {
        format!(
            "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART:202701{day:02}T070000\r\nDTEND:202701{day:02}T080000\r\nEND:VEVENT\r\n"
        )
    };
    let cal = |head: &str, body: &str| {
        format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{head}{body}END:VCALENDAR\r\n")
    };
    std::fs::create_dir_all(env.path("home")).unwrap();
    std::fs::create_dir_all(env.path("work")).unwrap();
    let home = env.write(
        "home/basic.ics",
        &cal("", &(event("a", 7) + &event("b", 8))),
    );
    let work = env.write("work/basic.ics", &cal("", &event("c", 9)));
    let named = env.write(
        "work/other.ics",
        &cal("X-WR-CALNAME:Team offsite\r\n", &event("d", 10)),
    );
    let first = env.ok(&["import", "ics", s(&home)]);
    let home_name = std::fs::canonicalize(&home).unwrap().display().to_string();
    assert_eq!(
        first.trim_end(),
        // Named by its path, which the report says once.
        format!("imported 2 busy events from {home_name}")
    );
    let second = env.ok(&["import", "ics", s(&work)]);
    assert!(!second.contains("replacing"), "{second}");
    let third = env.ok(&["import", "ics", s(&named)]);
    assert!(third.contains("as 'Team offsite'"), "{third}");
    let list = env.ok(&["window", "list"]);
    for want in [home_name.as_str(), "work/basic.ics", "Team offsite"] {
        assert!(list.contains(want), "{want}: {list}");
    }
    let again = env.ok(&["import", "ics", s(&home)]);
    assert!(
        again.contains("(replacing 2 from the earlier import)"),
        "{again}"
    );
    let err = env.fails(&["window", "rm", "basic.ics"]);
    assert!(
        err.contains("several calendar imports are called 'basic.ics'"),
        "{err}"
    );
    env.ok(&["window", "rm", &home_name]);
    env.ok(&["window", "rm", "Team offsite"]);
    assert!(env.ok(&["window", "list"]).contains("work/basic.ics"));
}

/// Issue 15, finding 1 on the command line: a calendar with one unreadable event
/// imports the rest and names what it left out.
#[test]
fn a_calendar_with_a_bad_event_imports_the_rest() {
    let env = Env::new();
    let mut text = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
    for day in 7..12 {
        text.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:ok{day}\r\nDTSTART:202701{day:02}T070000Z\r\nDTEND:202701{day:02}T080000Z\r\nEND:VEVENT\r\n"
        ));
    }
    text.push_str("BEGIN:VEVENT\r\nUID:old@google.com\r\nDTSTART:20150105T010000Z\r\nDTEND:20150105T000000Z\r\nEND:VEVENT\r\n");
    text.push_str("BEGIN:VEVENT\r\nUID:nostart\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    let file = env.write("google.ics", &text);
    let out = env.ok(&["import", "ics", s(&file), "--name", "google"]);
    assert_eq!(
        out,
        "imported 5 busy events from ".to_string()
            + s(&file)
            + " as 'google', 2 unreadable events left out\n  left out: event \"old@google.com\" (line 31): it ends before it starts\n  left out: event \"nostart\" (line 33): it has no DTSTART\n"
    );
}

/// Issue 15, finding 8: a command that fails leaves no database, stamp or folder that it
/// created; one that succeeds keeps them, and a failure on an existing database leaves it.
#[test]
fn a_failed_command_leaves_nothing_behind() {
    let env = Env::new();
    let root = env.path("fresh");
    std::fs::create_dir(&root).unwrap();
    let db = root.join("a/b/typo.db");
    let db = db.to_str().unwrap();
    for args in [
        vec!["import", "credly", "nope.json"],
        vec!["import", "ics", "nope.ics"],
        vec!["badge", "add", "X", "--issuer", "Microsft"],
        vec!["add", "30m #nothing"],
    ] {
        let mut all = vec!["--db", db];
        all.extend(&args);
        env.fails(&all);
        let left: Vec<_> = std::fs::read_dir(&root).unwrap().collect();
        assert!(left.is_empty(), "{args:?} left {left:?}");
    }
    // The planner without a terminal fails too, and leaves nothing.
    let out = env.cmd().args(["--db", db]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_dir(&root).unwrap().count(), 0);
    // A success keeps its database; a later failure leaves it as it was.
    env.ok(&["--db", db, "badge", "add", "Kept", "--issuer", "IBM"]);
    let before = std::fs::read(db).unwrap();
    env.fails(&["--db", db, "import", "credly", "nope.json"]);
    assert!(std::path::Path::new(db).exists());
    assert_eq!(std::fs::read(db).unwrap(), before);
}

/// Issue 15, finding 9: `export ics` counts the badges that have dates in the file.
#[test]
fn export_ics_counts_the_badges_with_dates() {
    let env = Env::new();
    env.ok(&[
        "badge",
        "add",
        "Dated",
        "--issuer",
        "IBM",
        "--earned",
        "2026-01-01",
        "--expires",
        "2028-01-01",
    ]);
    for name in ["Undated one", "Undated two"] {
        env.ok(&[
            "badge",
            "add",
            name,
            "--issuer",
            "IBM",
            "--earned",
            "2026-01-01",
            "--expires",
            "",
        ]);
    }
    let file = env.path("out.ics");
    let out = env.ok(&["export", "ics", s(&file)]);
    assert!(out.contains("the renewal dates of 1 badges"), "{out}");
}

/// Issue 15, findings 3 and 4: a spreadsheet as Excel saves it (BOM, CRLF, `;`, quoted
/// cells, trailing empty columns, YYYY/MM/DD); its rows pass the checks `badge add`
/// makes; two rows for one badge keep the later expiry; `notes` is read and unknown
/// columns are named; an expiry changed in the sheet invents no renewal date.
#[test]
fn spreadsheets_as_excel_saves_them() {
    let env = Env::new();
    // A typo in an issuer is refused, naming the row, like `badge add` does.
    let err = env.fails(&["import", "csv", &data("csv/typo-issuer.csv")]);
    assert!(
        err.contains(
            "typo-issuer.csv line 3: unknown issuer 'Microsft' (did you mean 'Microsoft'?)"
        ),
        "{err}"
    );
    let err = env.fails(&["import", "csv", &data("csv/expiry-before-earned.csv")]);
    assert!(
        err.contains(
            "expiry-before-earned.csv line 3: badge 'Backwards, badge' expires (2025-03-01) before it was earned (2026-03-01)"
        ),
        "{err}"
    );
    assert!(!env.db.exists(), "nothing written, not even the database");

    let out = env.ok(&["import", "csv", &data("csv/excel-semicolon.csv")]);
    assert!(
        out.starts_with("added 2, updated 0, unchanged 0, skipped 1 (1 duplicate)"),
        "{out}"
    );
    assert!(
        out.contains("columns not read: Owner (sukima reads"),
        "{out}"
    );
    let show = |key: &str| -> serde_json::Value {
        serde_json::from_str(&env.ok(&["badge", "show", key, "--json"])).unwrap()
    };
    let azure = show("azure-administrator-associate");
    assert_eq!(azure["expires_on"], "2027-01-10", "the later expiry wins");
    assert_eq!(azure["notes"], "renew in December");
    let aws = show("cloud-practitioner");
    assert_eq!(aws["issuer"], "Amazon Web Services", "the configured name");
    assert_eq!(aws["notes"], "three years, then \"recertify\"");
    // The sheet's expiry changes: the expiry follows, no renewal date is invented.
    let next = env.write(
        "next.csv",
        "name,issuer,earned_on,expires_on\nAWS Certified Cloud Practitioner,AWS,2024-05-01,2027-08-01\n",
    );
    let out = env.ok(&["import", "csv", crate::common::s(&next)]);
    assert!(out.contains("expires_on 2027-05-01 → 2027-08-01"), "{out}");
    assert!(!out.contains("renewed_on"), "{out}");
    assert_eq!(
        show("cloud-practitioner")["renewed_on"],
        serde_json::Value::Null
    );
}

/// A calendar import is one undo step each way, however many events it brings (the rows
/// go in without one undo step each): undo takes a re-import back to the earlier import,
/// and a deleted import comes back whole.
#[test]
fn calendar_imports_undo_whole() {
    let env = Env::new();
    let cal = |n: u32| {
        let mut t = String::from("BEGIN:VCALENDAR\r\n");
        for d in 0..n {
            t.push_str(&format!(
                "BEGIN:VEVENT\r\nUID:u{d}\r\nSUMMARY:It's {d}\r\nDTSTART:202701{:02}T010000Z\r\nDTEND:202701{:02}T020000Z\r\nEND:VEVENT\r\n",
                d + 7,
                d + 7
            ));
        }
        t + "END:VCALENDAR\r\n"
    };
    let file = env.write("c.ics", &cal(3));
    env.ok(&["import", "ics", s(&file), "--name", "c"]);
    let three = env.snapshot();
    let listed = |env: &Env| env.ok(&["window", "list"]);
    assert!(
        listed(&env).contains("3 events imported"),
        "{}",
        listed(&env)
    );
    std::fs::write(&file, cal(1)).unwrap();
    env.ok(&["import", "ics", s(&file), "--name", "c"]);
    assert!(
        listed(&env).contains("1 event imported,"),
        "{}",
        listed(&env)
    );
    env.ok(&["undo"]);
    assert_eq!(env.snapshot(), three);
    assert!(
        listed(&env).contains("3 events imported"),
        "{}",
        listed(&env)
    );
    env.ok(&["window", "rm", "c"]);
    assert!(!listed(&env).contains("events imported"));
    env.ok(&["undo"]);
    assert!(
        listed(&env).contains("3 events imported"),
        "{}",
        listed(&env)
    );
    env.ok(&["undo"]);
    assert!(
        !listed(&env).contains("events imported"),
        "{}",
        listed(&env)
    );
}
