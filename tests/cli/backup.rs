use crate::common::{Env, s};

#[test]
fn export_import_export_is_byte_identical() {
    let demo = Env::new();
    let first = demo.path("first.json");
    demo.ok(&["--demo", "export", "json", s(&first)]);
    let fresh = Env::new();
    let msg = fresh.ok(&["import", "json", s(&first)]);
    assert!(msg.starts_with("imported 17 badges"), "{msg}");
    let second = fresh.path("second.json");
    fresh.ok(&["export", "json", s(&second)]);
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );
}

#[test]
fn import_into_a_non_empty_database_needs_replace() {
    let env = Env::new();
    env.ok(&["badge", "add", "Mine", "--key", "mine", "--issuer", "IBM"]);
    let backup = env.write(
        "b.json",
        r#"{"format": "sukima-backup", "version": 1, "badges": [{"key": "theirs", "name": "Theirs"}]}"#,
    );
    let before = env.snapshot();
    let err = env.fails(&["import", "json", s(&backup)]);
    assert!(err.contains("--replace"), "{err}");
    assert_eq!(env.snapshot(), before);
    env.ok(&["import", "json", s(&backup), "--replace"]);
    let list = env.ok(&["badge", "list"]);
    assert!(list.contains("theirs") && !list.contains("mine"), "{list}");
    // The whole replacement is one undoable step.
    env.ok(&["undo"]);
    assert_eq!(env.snapshot(), before);
}

#[test]
fn malformed_or_truncated_backups_change_nothing() {
    let env = Env::new();
    env.ok(&["badge", "add", "Mine", "--key", "mine", "--issuer", "IBM"]);
    let good = env.snapshot();
    let truncated = &good[..good.len() / 2];
    let before = env.snapshot();
    for (name, content, needle) in [
        ("t.json", truncated, "is not valid JSON"),
        ("x.json", "hello", "is not valid JSON"),
        ("o.json", r#"{"data": []}"#, "is not a sukima backup"),
        (
            "d.json",
            r#"{"format":"sukima-backup","version":1,"badges":[{"key":"a","name":"A","earned_on":"2027-02-30"}]}"#,
            "2027-02-30 is not a date",
        ),
    ] {
        let f = env.write(name, content);
        let err = env.fails(&["import", "json", s(&f), "--replace"]);
        assert!(err.contains(needle), "{name}: {err}");
        assert!(err.contains(name), "names the file: {err}");
        assert_eq!(env.snapshot(), before);
    }
    let err = env.fails(&["import", "json", s(&env.path("missing.json"))]);
    assert!(err.contains("cannot read"), "{err}");
}
