//! DESIGN 10: with `LANG=ja_JP.UTF-8` and no configuration, what the README's commands
//! print reads Japanese, their errors too, and `--json` is byte for byte the English
//! JSON. The same scenario runs in two fresh databases, one per language.

use crate::common::{Env, s};

/// Whether the text holds Japanese (kana or kanji).
fn japanese(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'))
}

/// Runs `args` in English and in Japanese: (English, Japanese) stdout on success, else
/// stderr (the exit codes must agree).
fn both(en: &Env, ja: &Env, args: &[&str]) -> (String, String) {
    let run = |env: &Env, lang: Option<&str>| {
        let mut c = env.cmd();
        if let Some(l) = lang {
            c.env("LANG", l);
        }
        let out = c.args(args).output().unwrap();
        (
            out.status.code(),
            String::from_utf8(if out.status.success() {
                out.stdout
            } else {
                out.stderr
            })
            .unwrap(),
        )
    };
    let (code_en, text_en) = run(en, None);
    let (code_ja, text_ja) = run(ja, Some("ja_JP.UTF-8"));
    assert_eq!(code_en, code_ja, "{args:?}: {text_en} / {text_ja}");
    (text_en, text_ja)
}

/// The README's commands still printed in English; each is checked to still be so, so
/// this list only shrinks as they are translated.
const STILL_ENGLISH: &[&str] = &["plan", "agenda", "due"];

#[test]
fn every_readme_command_speaks_japanese_and_json_stays_the_same() {
    let (en, ja) = (Env::new(), Env::new());
    let backup = |env: &Env| s(&env.path("backup.json")).to_string();
    let mut checked = Vec::new();
    let mut say = |args: &[&str], first_word: &str| {
        let (e, j) = both(&en, &ja, args);
        let still = STILL_ENGLISH.contains(&first_word);
        assert!(!japanese(&e), "{args:?} in English: {e}");
        assert_eq!(
            japanese(&j),
            !still,
            "{args:?} in Japanese (still English: {still}): {j}"
        );
        checked.push(args.join(" "));
    };
    // Changes, each reporting what it did.
    say(
        &[
            "badge",
            "add",
            "AWS Certified Solutions Architect",
            "--key",
            "aws-saa",
            "--issuer",
            "AWS",
            "--earned",
            "2025-01-10",
            "--expires",
            "2027-02-20",
            "--effort",
            "6h",
        ],
        "badge",
    );
    say(
        &[
            "badge",
            "add",
            "Azure Admin",
            "--key",
            "az-104",
            "--issuer",
            "Microsoft",
            "--earned",
            "2026-01-01",
            "--expires",
            "2027-06-01",
        ],
        "badge",
    );
    say(
        &["window", "add", "weekdays", "7:10-7:40", "commute"],
        "window",
    );
    say(&["add", "30m #aws-saa"], "add");
    say(&["add", "1h #aws-saa tomorrow 19:00"], "add");
    say(
        &["badge", "edit", "aws-saa", "--notes", "chapter 3"],
        "badge",
    );
    say(&["badge", "renew", "az-104"], "badge");
    say(&["badge", "archive", "az-104"], "badge");
    say(&["badge", "archive", "az-104", "--restore"], "badge");
    say(&["undo"], "undo");
    // Listings.
    for args in [
        &["badge", "list"][..],
        &["badge", "list", "--all"],
        &["badge", "show", "aws-saa"],
        &["window", "list"],
        &["log"],
        &["calendar"],
        &["plan"],
        &["agenda"],
        &["due"],
    ] {
        say(args, args[0]);
    }
    // What machines read does not change with the language.
    for args in [
        &["badge", "list", "--json"][..],
        &["badge", "show", "aws-saa", "--json"],
        &["window", "list", "--json"],
        &["log", "--json"],
        &["calendar", "--json"],
        &["plan", "--json"],
        &["agenda", "--json"],
        &["due", "--json"],
        &["export", "json", "-"],
    ] {
        let (e, j) = both(&en, &ja, args);
        assert_eq!(e, j, "{args:?}");
    }
    // A backup written and read back, and deletions.
    let (e, j) = (
        en.ok(&["export", "json", &backup(&en)]),
        ja.cmd()
            .env("LANG", "ja_JP.UTF-8")
            .args(["export", "json", &backup(&ja)])
            .output()
            .unwrap(),
    );
    assert!(!japanese(&e) && japanese(&String::from_utf8(j.stdout).unwrap()));
    say(&["badge", "rm", "az-104"], "badge");
    say(&["window", "rm", "1"], "window");
    let (e, j) = (
        en.ok(&["import", "json", &backup(&en), "--replace"]),
        ja.cmd()
            .env("LANG", "ja_JP.UTF-8")
            .args(["import", "json", &backup(&ja), "--replace"])
            .output()
            .unwrap(),
    );
    assert!(!japanese(&e) && japanese(&String::from_utf8(j.stdout).unwrap()));
    assert!(checked.len() > 20, "{checked:?}");
}

#[test]
fn errors_are_japanese_too() {
    let (en, ja) = (Env::new(), Env::new());
    let (e, j) = both(&en, &ja, &["undo"]);
    assert_eq!(e, "error: nothing to undo\n");
    assert_eq!(j, "エラー: 元に戻す変更はありません\n");
    for env in [&en, &ja] {
        env.ok(&[
            "badge",
            "add",
            "AWS SAA",
            "--key",
            "aws-saa",
            "--issuer",
            "AWS",
            "--earned",
            "2025-01-10",
            "--expires",
            "2027-02-20",
        ]);
    }
    for args in [
        &["badge", "show", "aws-sa"][..],
        &["badge", "rm", "nope"],
        &["window", "rm", "99"],
        &["window", "rm", "work.ics"],
        &[
            "badge", "add", "Again", "--key", "aws-saa", "--issuer", "AWS",
        ],
        &["badge", "renew", "aws-saa", "--expires", "2026-01-01"],
        &["badge", "archive", "aws-saa", "--restore"],
        // The quick-add errors the README names.
        &["add", "30m #aws-sa"],
        &["add", "#aws-saa"],
        &["add", "30m"],
    ] {
        let (e, j) = both(&en, &ja, args);
        assert!(e.starts_with("error: ") && !japanese(&e), "{args:?}: {e}");
        assert!(j.starts_with("エラー: ") && japanese(&j), "{args:?}: {j}");
        assert_eq!(j.lines().count(), 1, "{j}");
    }
    // The did-you-mean keeps the key as typed.
    let (_, j) = both(&en, &ja, &["badge", "show", "aws-sa"]);
    assert!(j.contains("'aws-saa'"), "{j}");
    // The English names the Japanese unit too; the Japanese says it all in Japanese.
    let (_, j) = both(&en, &ja, &["add", "30 #aws-saa"]);
    assert!(j.contains("単位が必要です"), "{j}");
    let (e, j) = both(&en, &ja, &["add", "30m #aws-sa"]);
    assert_eq!(
        e,
        "error: unknown badge '#aws-sa': did you mean #aws-saa?\n"
    );
    assert_eq!(
        j,
        "エラー: '#aws-sa' というバッジはありません: #aws-saa のことですか？\n"
    );
}

#[test]
fn a_configured_language_wins_over_the_locale() {
    let env = Env::new();
    let config = env.write("config.toml", "[ui]\nlanguage = \"en\"\n");
    let out = env
        .cmd()
        .env("LANG", "ja_JP.UTF-8")
        .args(["--config", s(&config), "undo"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: nothing to undo\n"
    );
    let config = env.write("ja.toml", "[ui]\nlanguage = \"ja\"\n");
    let out = env
        .cmd()
        .args(["--config", s(&config), "undo"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "エラー: 元に戻す変更はありません\n"
    );
}

/// Issue 15's words in Japanese (DESIGN 10): the one validation's refusals (a typed
/// issuer, a spreadsheet row), the calendar import's report of what it left out, and a
/// calendar import named only in part.
#[test]
fn imports_and_the_one_validation_speak_japanese() {
    let (en, ja) = (Env::new(), Env::new());
    let (e, j) = both(
        &en,
        &ja,
        &["badge", "add", "Azure Admin", "--issuer", "Microsft"],
    );
    assert!(
        e.starts_with("error: unknown issuer 'Microsft' (did you mean 'Microsoft'?)"),
        "{e}"
    );
    assert!(
        j.starts_with("エラー: 発行元「Microsft」は未登録です（「Microsoft」のことですか？）"),
        "{j}"
    );
    let sheet = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/csv/typo-issuer.csv"
    );
    let (e, j) = both(&en, &ja, &["import", "csv", sheet]);
    assert!(
        e.contains("typo-issuer.csv line 3: unknown issuer 'Microsft'")
            && e.trim_end()
                .ends_with("correct that row (or delete it) and import the file again"),
        "{e}"
    );
    assert!(
        j.contains("typo-issuer.csv 3行目: 発行元「Microsft」は未登録です")
            && j.trim_end()
                .ends_with("その行を直すか削除してから、もう一度取り込んでください"),
        "{j}"
    );
    // A calendar with one event that ends before it starts: the rest is imported.
    let calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\
        BEGIN:VEVENT\r\nUID:ok\r\nDTSTART:20270107T070000Z\r\nDTEND:20270107T080000Z\r\nEND:VEVENT\r\n\
        BEGIN:VEVENT\r\nUID:old@google.com\r\nDTSTART:20150105T010000Z\r\nDTEND:20150105T000000Z\r\nEND:VEVENT\r\n\
        END:VCALENDAR\r\n";
    for env in [&en, &ja] {
        std::fs::create_dir_all(env.path("a")).unwrap();
        std::fs::create_dir_all(env.path("b")).unwrap();
        env.write("a/basic.ics", calendar);
        env.write("b/basic.ics", calendar);
    }
    let args = |env: &Env, dir: &str| {
        [
            "import".to_string(),
            "ics".into(),
            s(&env.path(&format!("{dir}/basic.ics"))).to_string(),
        ]
    };
    let run = |env: &Env, lang: Option<&str>, dir: &str| {
        let mut c = env.cmd();
        if let Some(l) = lang {
            c.env("LANG", l);
        }
        let out = c.args(args(env, dir)).output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let e = run(&en, None, "a");
    let j = run(&ja, Some("ja_JP.UTF-8"), "a");
    assert!(e.contains(", 1 unreadable events left out\n  left out: event \"old@google.com\" (line 11): it ends before it starts\n"), "{e}");
    assert!(j.contains("から予定 1件を「"), "{j}");
    assert!(j.contains("、読めない予定 1件を除外\n  除外: 予定 \"old@google.com\" (11行目): it ends before it starts\n"), "{j}");
    run(&en, None, "b");
    run(&ja, Some("ja_JP.UTF-8"), "b");
    // Two imports named by full paths that end alike: name one in full.
    let (e, j) = both(&en, &ja, &["window", "rm", "basic.ics"]);
    assert!(
        e.starts_with("error: several calendar imports are called 'basic.ics': name one in full ("),
        "{e}"
    );
    assert!(
        j.starts_with("エラー: 'basic.ics' という名前のカレンダーの取り込みが複数あります"),
        "{j}"
    );
}
