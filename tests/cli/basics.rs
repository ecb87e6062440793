use crate::common::Env;

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    let env = Env::new();
    let out = env.cmd().arg("frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = env.cmd().arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("badge"));
}

#[test]
fn a_bad_clock_is_a_user_error() {
    let env = Env::new();
    let err = env.fails(&["--now", "tomorrow-ish", "badge", "list"]);
    assert!(err.contains("--now 'tomorrow-ish' is not a time"), "{err}");
}

#[test]
fn a_closed_pipe_is_quiet() {
    let env = Env::new();
    // Enough badges that the listing overflows the pipe buffer.
    let mut badges = Vec::new();
    for i in 0..3000 {
        badges.push(format!(
            r#"{{"key": "b{i}", "name": "Badge number {i} with a long name to fill the pipe", "issuer": "IBM", "expires_on": "2027-06-30", "earned_on": "2026-01-01"}}"#
        ));
    }
    let backup = env.write(
        "many.json",
        &format!(
            r#"{{"format": "sukima-backup", "version": 1, "badges": [{}]}}"#,
            badges.join(",")
        ),
    );
    env.ok(&["import", "json", crate::common::s(&backup)]);
    let bin = assert_cmd::cargo::cargo_bin("sukima");
    for (args, first) in [("badge list", "STATUS"), ("badge list --json", "[")] {
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(format!(
                "set -o pipefail; '{}' {args} | head -1",
                bin.display()
            ))
            .env("SUKIMA_DB", &env.db)
            .env("SUKIMA_NOW", crate::common::NOW)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args}: {:?}", out.status);
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args}");
        assert!(String::from_utf8_lossy(&out.stdout).starts_with(first));
    }
}

#[test]
fn the_planner_without_a_terminal_says_so() {
    let env = Env::new();
    env.ok(&["add", "free sat 9:00-11:00"]);
    let before = env.snapshot();
    // The test harness gives no terminal: stdin is null, stdout a pipe.
    let err = env.fails(&[]);
    assert!(err.contains("the planner needs a terminal"), "{err}");
    assert!(err.contains("sukima agenda"), "{err}");
    assert_eq!(env.snapshot(), before);
}

#[test]
fn config_prints_the_effective_configuration() {
    let env = Env::new();
    let out = env.ok(&["config"]);
    assert!(out.contains("[planner]"));
    assert!(out.contains("daily_cap = \"2h\""));
    assert!(out.contains("[issuers.microsoft]"));
    let cfg = env.write("c.toml", "[planner]\ndaily_cap = \"90m\"\n");
    let out = env.ok(&["--config", crate::common::s(&cfg), "config"]);
    assert!(out.contains("daily_cap = \"1h30m\""), "{out}");
    let bad = env.write("bad.toml", "[planner]\ndaily_capp = \"90m\"\n");
    let err = env.fails(&["--config", crate::common::s(&bad), "config"]);
    assert!(err.contains("daily_capp"), "{err}");
}

#[test]
fn refuses_a_file_that_is_not_a_database_untouched() {
    let env = Env::new();
    let notes = env.write("notes.txt", "my precious notes\n");
    let err = env.fails(&["--db", crate::common::s(&notes), "badge", "list"]);
    assert!(err.contains("is not a sukima database"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&notes).unwrap(),
        "my precious notes\n"
    );
}

#[test]
fn demo_works_with_every_read_command() {
    let env = Env::new();
    for args in [
        vec!["--demo", "badge", "list"],
        vec!["--demo", "badge", "list", "--all", "--json"],
        vec!["--demo", "badge", "show", "ds-basic"],
        vec!["--demo", "window", "list"],
        vec!["--demo", "log"],
        vec!["--demo", "export", "json", "-"],
        vec!["--demo", "config"],
    ] {
        let out = env.ok(&args);
        assert!(!out.is_empty(), "{args:?}");
    }
    // The demo never touches the real database.
    assert!(!env.db.exists());
    // Each run starts afresh.
    env.ok(&["--demo", "badge", "rm", "ds-basic"]);
    assert!(env.ok(&["--demo", "badge", "list"]).contains("ds-basic"));
}

#[test]
fn reading_commands_do_not_create_the_database() {
    let env = Env::new();
    for args in [
        &["badge", "list"][..],
        &["badge", "list", "--json"],
        &["window", "list"],
        &["log"],
        &["plan"],
        &["agenda"],
        &["calendar"],
        &["export", "json", "-"],
    ] {
        let out = env.cmd().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.starts_with(&format!("(no database at {} yet", env.db.display())),
            "{args:?}: {err}"
        );
        assert!(!env.db.exists(), "{args:?} created the database");
    }
    // A shell prompt's line stays quiet.
    let out = env.cmd().arg("due").output().unwrap();
    assert!(out.status.success() && out.stdout.is_empty() && out.stderr.is_empty());
    assert!(!env.db.exists());
    // The first change creates it, and listings read it without a note.
    env.ok(&["badge", "add", "Mine", "--key", "mine", "--issuer", "IBM"]);
    assert!(env.db.exists());
    let out = env.cmd().args(["badge", "list"]).output().unwrap();
    assert!(out.stderr.is_empty());
    assert!(String::from_utf8(out.stdout).unwrap().contains("mine"));
}

/// Issue 15, finding 2: with `[ui] timezone = "Asia/Tokyo"` on a machine in UTC, "now" is
/// Tokyo's everywhere: a quick-add's log entry, the plan, the export's DTSTAMP and the
/// undo journal. The real clock runs here (no SUKIMA_NOW), so times are compared within
/// a few minutes of the moment the command ran.
#[test]
fn one_clock_in_the_configured_zone() {
    use chrono::{NaiveDateTime, Utc};
    let env = Env::new();
    let config = env.write("config.toml", "[ui]\ntimezone = \"Asia/Tokyo\"\n");
    let run = |args: &[&str]| {
        let out = env
            .cmd()
            .env_remove("SUKIMA_NOW")
            .env("TZ", "UTC")
            .arg("--config")
            .arg(&config)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let tokyo_now = || {
        Utc::now()
            .with_timezone(&chrono_tz::Asia::Tokyo)
            .naive_local()
    };
    let close = |what: &str, got: NaiveDateTime, want: NaiveDateTime| {
        let off = (got - want).num_minutes().abs();
        assert!(off <= 3, "{what}: {got} is {off} minutes from {want}");
    };
    run(&[
        "badge",
        "add",
        "Clock",
        "--key",
        "x",
        "--issuer",
        "IBM",
        "--earned",
        "2026-01-01",
        "--expires",
        "2029-06-01",
    ]);
    // Quick-add: 30 minutes that end now, in Tokyo.
    let before = tokyo_now();
    run(&["add", "30m #x"]);
    let log: serde_json::Value = serde_json::from_str(&run(&["log", "--json"])).unwrap();
    let start = format!(
        "{}T{}",
        log[0]["date"].as_str().unwrap(),
        log[0]["start"].as_str().unwrap()
    );
    let start = NaiveDateTime::parse_from_str(&start, "%Y-%m-%dT%H:%M").unwrap();
    close(
        "the log entry's start",
        start,
        before - chrono::Duration::minutes(30),
    );
    // The plan's now.
    let plan: serde_json::Value = serde_json::from_str(&run(&["plan", "--json"])).unwrap();
    let now =
        NaiveDateTime::parse_from_str(plan["now"].as_str().unwrap(), "%Y-%m-%dT%H:%M").unwrap();
    close("the plan's now", now, tokyo_now());
    // The export's DTSTAMP is the current UTC instant.
    let ics = run(&["export", "ics", "-"]);
    let stamp = ics
        .lines()
        .find_map(|l| l.strip_prefix("DTSTAMP:"))
        .unwrap();
    let stamp = NaiveDateTime::parse_from_str(stamp.trim(), "%Y%m%dT%H%M%SZ").unwrap();
    close("DTSTAMP", stamp, Utc::now().naive_utc());
    // Imported busy time is in Tokyo too: 00:00 UTC tomorrow is 09:00 there.
    let day = (Utc::now() + chrono::Duration::days(1))
        .format("%Y%m%d")
        .to_string();
    let cal = env.write(
        "busy.ics",
        &format!("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTART:{day}T000000Z\r\nDTEND:{day}T010000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"),
    );
    run(&["import", "ics", cal.to_str().unwrap()]);
    assert!(
        run(&["window", "list"]).contains("09:00"),
        "busy time in Tokyo time"
    );
}
