//! DESIGN 10: with `LANG=ja_JP.UTF-8` and no configuration, what the README's commands
//! print reads Japanese, their errors too, and `--json` is byte for byte the English
//! JSON. The same scenario runs in two fresh databases, one per language.

use crate::common::{Env, s};

/// The English sentences left in `text`: runs of three or more English words in a row,
/// once what may stay English is taken out: each of `allowed` (badge names, step titles,
/// notes: what a person typed or a vendor named), spans in backquotes or quotes
/// (commands, keys, what was typed), addresses and paths, and options (`--days`).
pub fn english_sentences(text: &str, allowed: &[String]) -> Vec<String> {
    let mut allowed: Vec<&String> = allowed.iter().filter(|a| !a.is_empty()).collect();
    allowed.sort_by_key(|a| std::cmp::Reverse(a.len()));
    let mut out = Vec::new();
    // A line that is a command, to copy as it is, stays as it is.
    for line in text
        .lines()
        .filter(|l| !l.trim_start().starts_with("sukima "))
    {
        let mut line = line.to_string();
        for a in &allowed {
            line = line.replace(a.as_str(), " ");
        }
        for quote in ['`', '"', '\'', '「'] {
            let close = if quote == '「' { '」' } else { quote };
            let mut kept = String::new();
            let mut rest = line.as_str();
            while let Some(i) = rest.find(quote) {
                kept.push_str(&rest[..i]);
                let after = &rest[i + quote.len_utf8()..];
                match after.find(close) {
                    Some(j) => {
                        kept.push(' ');
                        rest = &after[j + close.len_utf8()..];
                    }
                    None => {
                        rest = after;
                        break;
                    }
                }
            }
            kept.push_str(rest);
            line = kept;
        }
        // A cell cut short (`Amazon Web…`) is a name that did not fit.
        let line: String = line
            .split("  ")
            .filter(|cell| !cell.trim_end().ends_with('…'))
            .collect::<Vec<_>>()
            .join("  ");
        let mut run: Vec<&str> = Vec::new();
        let mut flush = |run: &mut Vec<&str>| {
            if run.len() >= 3 {
                out.push(run.join(" "));
            }
            run.clear();
        };
        // Items of a list (`name, issuer, url`) are not a sentence: a comma ends a run.
        for word in
            line.split_inclusive(|c: char| c.is_whitespace() || "、。：:（）()·,;".contains(c))
        {
            let ends_item = word.ends_with([',', '、']);
            let word = word
                .trim_end_matches(|c: char| c.is_whitespace() || "、。：:（）()·,;".contains(c));
            if word.is_empty() {
                if ends_item {
                    flush(&mut run);
                }
                continue;
            }
            let english = word.len() >= 2
                && word
                    .chars()
                    .all(|c| c.is_ascii_alphabetic() || c == '\'' || c == '-')
                && word.chars().any(|c| c.is_ascii_lowercase());
            let kept = word.contains('/') || word.starts_with("--") || word.contains("://");
            if english && !kept {
                run.push(word);
            } else {
                flush(&mut run);
            }
            if ends_item {
                flush(&mut run);
            }
        }
        flush(&mut run);
    }
    out
}

#[test]
fn english_sentences_are_found_and_names_are_not() {
    let names = vec!["IBM Cloud Pak for Data".to_string()];
    assert_eq!(
        english_sentences("nothing to undo", &names),
        vec!["nothing to undo"]
    );
    assert!(english_sentences("IBM Cloud Pak for Data を追加しました", &names).is_empty());
    assert!(english_sentences("`sukima badge renew キー` で更新", &names).is_empty());
    assert!(
        english_sentences(
            "12月29日(火) まで weekdays 19:30-19:50 に時間枠を足す",
            &names
        )
        .is_empty()
    );
    assert!(
        english_sentences(
            "sukima が読む列: name, issuer, earned_on, effort, url, notes",
            &names
        )
        .is_empty()
    );
    assert_eq!(
        english_sentences("if they are the same badge, archive or delete one", &names),
        vec!["if they are the same badge", "archive or delete one"]
    );
    assert_eq!(
        english_sentences("予定 \"x\" (11行目): it ends before it starts", &names),
        vec!["it ends before it starts"]
    );
}

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

#[test]
fn every_readme_command_speaks_japanese_and_json_stays_the_same() {
    let (en, ja) = (Env::new(), Env::new());
    let backup = |env: &Env| s(&env.path("backup.json")).to_string();
    let mut checked = Vec::new();
    let mut say = |args: &[&str], _first_word: &str| {
        let (e, j) = both(&en, &ja, args);
        assert!(!japanese(&e), "{args:?} in English: {e}");
        assert!(japanese(&j), "{args:?} in Japanese: {j}");
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
    assert!(j.contains("から予定 1件を取り込みました"), "{j}");
    assert!(j.contains("、読めない予定 1件を除外\n  除外: 予定 \"old@google.com\" (11行目): 終了が開始より前です\n"), "{j}");
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

/// The arguments of a command, made for the environment it runs in.
type Args = Box<dyn Fn(&Env) -> Vec<String>>;

/// One line in each language for every family of errors a person can meet (DESIGN 10):
/// each English error keeps its words, and its Japanese says it with no English sentence
/// left in it (what was typed, keys, commands and paths may stay).
#[test]
fn every_family_of_errors_speaks_japanese() {
    let (en, ja) = (Env::new(), Env::new());
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
        env.ok(&[
            "badge",
            "add",
            "AWS DEA",
            "--key",
            "aws-dea",
            "--issuer",
            "AWS",
            "--earned",
            "2025-01-10",
            "--expires",
            "2027-02-20",
        ]);
        env.write("bad.toml", "bad = [\n");
        env.write("lang.toml", "[ui]\nlanguage = \"xx\"\n");
        env.write("notdb.db", "hello, not a database\n");
        env.write("bad.json", "{");
        env.write("bad.ics", "hello\n");
        env.write("empty.json", "{}");
        env.write("noname.csv", "title,issuer\nX,IBM\n");
        std::fs::create_dir_all(env.path("dir")).unwrap();
    }
    {
        let newer = ja.path("newer.db");
        let conn = rusqlite::Connection::open(&newer).unwrap();
        conn.pragma_update(None, "user_version", sukima::store::SCHEMA_VERSION + 1)
            .unwrap();
        let newer_en = en.path("newer.db");
        let conn = rusqlite::Connection::open(&newer_en).unwrap();
        conn.pragma_update(None, "user_version", sukima::store::SCHEMA_VERSION + 1)
            .unwrap();
    }
    fn p(env: &Env, name: &str) -> String {
        s(&env.path(name)).to_string()
    }
    // Each family: (what it is, the arguments, the English it gives, at its start).
    let families: Vec<(&str, Args, &str)> = vec![
        (
            "config: not TOML",
            Box::new(|e| vec!["--config".into(), p(e, "bad.toml"), "plan".into()]),
            "error: config file ",
        ),
        (
            "config: a bad value",
            Box::new(|e| vec!["--config".into(), p(e, "lang.toml"), "plan".into()]),
            "error: config file ",
        ),
        (
            "config: missing",
            Box::new(|e| vec!["--config".into(), p(e, "nope.toml"), "plan".into()]),
            "error: cannot read config file ",
        ),
        (
            "store: not SQLite",
            Box::new(|e| vec!["--db".into(), p(e, "notdb.db"), "plan".into()]),
            "error: ",
        ),
        (
            "store: newer",
            Box::new(|e| vec!["--db".into(), p(e, "newer.db"), "plan".into()]),
            "error: ",
        ),
        (
            "file: missing",
            Box::new(|e| vec!["import".into(), "credly".into(), p(e, "nope.json")]),
            "error: cannot read ",
        ),
        (
            "file: a folder",
            Box::new(|e| vec!["import".into(), "csv".into(), p(e, "dir")]),
            "error: ",
        ),
        (
            "file: no folder",
            Box::new(|e| vec!["export".into(), "ics".into(), p(e, "no/such/x.ics")]),
            "error: cannot write ",
        ),
        (
            "import: not JSON",
            Box::new(|e| vec!["import".into(), "credly".into(), p(e, "bad.json")]),
            "error: ",
        ),
        (
            "import: no name column",
            Box::new(|e| vec!["import".into(), "csv".into(), p(e, "noname.csv")]),
            "error: ",
        ),
        (
            "import: not a calendar",
            Box::new(|e| vec!["import".into(), "ics".into(), p(e, "bad.ics")]),
            "error: ",
        ),
        (
            "fetch: unreachable",
            Box::new(|_| {
                ["import", "credly", "--user", "someone"]
                    .map(String::from)
                    .to_vec()
            }),
            "error: cannot reach ",
        ),
        (
            "backup: not JSON",
            Box::new(|e| vec!["import".into(), "json".into(), p(e, "bad.json")]),
            "error: ",
        ),
        (
            "backup: not a backup",
            Box::new(|e| vec!["import".into(), "json".into(), p(e, "empty.json")]),
            "error: ",
        ),
        (
            "flag: a date",
            Box::new(|_| {
                ["badge", "edit", "aws-saa", "--expires", "2027-13-01"]
                    .map(String::from)
                    .to_vec()
            }),
            "error: --expires: ",
        ),
        (
            "flag: a duration",
            Box::new(|_| {
                ["badge", "edit", "aws-saa", "--effort", "5q"]
                    .map(String::from)
                    .to_vec()
            }),
            "error: --effort: ",
        ),
        (
            "flag: --now",
            Box::new(|_| ["--now", "xx", "plan"].map(String::from).to_vec()),
            "error: --now ",
        ),
        (
            "flag: --month",
            Box::new(|_| {
                ["calendar", "--month", "2027-13"]
                    .map(String::from)
                    .to_vec()
            }),
            "error: --month ",
        ),
        (
            "flag: --since",
            Box::new(|_| ["log", "--since", "xx"].map(String::from).to_vec()),
            "error: --since ",
        ),
        (
            "flag: --status",
            Box::new(|_| {
                ["badge", "list", "--status", "xx"]
                    .map(String::from)
                    .to_vec()
            }),
            "error: --status: ",
        ),
        (
            "quick-add: a time",
            Box::new(|_| ["add", "30m #aws-saa 25:00"].map(String::from).to_vec()),
            "error: '25:00' is not a time",
        ),
        (
            "quick-add: a date",
            Box::new(|_| ["add", "30m #aws-saa 2/30"].map(String::from).to_vec()),
            "error: 2/30 is not a date",
        ),
        (
            "quick-add: two",
            Box::new(|_| ["add", "30m 1h #aws-saa"].map(String::from).to_vec()),
            "error: two durations",
        ),
        (
            "quick-add: several badges",
            Box::new(|_| ["add", "30m aws"].map(String::from).to_vec()),
            "error: 'aws' matches 2 badges",
        ),
        (
            "quick-add: nothing",
            Box::new(|_| vec!["add".into(), " ".into()]),
            "error: nothing to add",
        ),
        (
            "quick-add: a range",
            Box::new(|_| ["add", "free sat"].map(String::from).to_vec()),
            "error: add a time range",
        ),
        (
            "quick-add: a day",
            Box::new(|_| ["add", "free 9:00-11:00"].map(String::from).to_vec()),
            "error: add a day",
        ),
        (
            "quick-add: backwards",
            Box::new(|_| ["add", "free sat 11:00-9:00"].map(String::from).to_vec()),
            "error: '11:00-9:00' ends before it starts",
        ),
        (
            "quick-add: a session",
            Box::new(|_| ["add", "30m #aws-saa tomorrow"].map(String::from).to_vec()),
            "error: add a time for a session tomorrow",
        ),
        (
            "quick-add: a slip",
            Box::new(|_| ["add", "30m #aws-saa 7"].map(String::from).to_vec()),
            "error: '7' is not understood",
        ),
    ];
    let mut english_left = Vec::new();
    for (what, args, start) in &families {
        let (e, j) = (args(&en), args(&ja));
        let run = |env: &Env, args: &[String], lang: Option<&str>| {
            let mut c = env.cmd();
            // Nothing listens on port 9: a fetch cannot reach it.
            c.env("SUKIMA_CREDLY_URL", "http://127.0.0.1:9");
            if let Some(l) = lang {
                c.env("LANG", l);
            }
            let out = c.args(args).output().unwrap();
            assert!(!out.status.success(), "{what}: {args:?} succeeded");
            String::from_utf8(out.stderr).unwrap()
        };
        let (e, j) = (run(&en, &e, None), run(&ja, &j, Some("ja_JP.UTF-8")));
        assert!(e.starts_with(start), "{what}: {e}");
        assert!(!japanese(&e), "{what}: {e}");
        assert!(j.starts_with("エラー: ") && japanese(&j), "{what}: {j}");
        assert_eq!(j.lines().count(), 1, "{what}: {j}");
        // A parser's own detail, quoted in parentheses as it wrote it, may stay.
        let said: String = j
            .split('(')
            .map(|part| part.split_once(')').map_or(part, |(_, after)| after))
            .collect();
        for sentence in english_sentences(&said, &[]) {
            english_left.push(format!("{what}: {sentence} (in {j})"));
        }
    }
    assert!(english_left.is_empty(), "{}", english_left.join("\n"));
}
