//! Every example in the README and in the help runs, against the demo data at a fixed
//! clock, and does what the text says: an example that fails on the data a newcomer tries
//! it on costs the whole manual its trust. A new example with no check here fails
//! `every_command_in_the_readme_is_run`, so none can go untested.

use crate::common::{Env, s};
use crate::serve::{Reply, Server};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The day the README's dates are written for (they lie ahead of it).
const README_NOW: &str = "2026-12-05T10:00";

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// A database holding the demo data as of `README_NOW`.
fn demo() -> Env {
    let env = Env::new();
    let backup = env.path("demo.json");
    run_ok(&env, &["--demo", "export", "json", s(&backup)]);
    run_ok(&env, &["import", "json", s(&backup)]);
    env
}

fn run(env: &Env, args: &[&str]) -> std::process::Output {
    env.cmd()
        .env("SUKIMA_NOW", README_NOW)
        .args(args)
        .output()
        .unwrap()
}

fn run_ok(env: &Env, args: &[&str]) -> String {
    let out = run(env, args);
    assert!(
        out.status.success(),
        "sukima {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn backup(env: &Env) -> Value {
    serde_json::from_str(&run_ok(env, &["export", "json", "-"])).unwrap()
}

fn list<'a>(v: &'a Value, what: &str) -> &'a Vec<Value> {
    v[what].as_array().unwrap()
}

/// What one quick-add line added: the entry of the backup list that grew by one.
fn added(before: &Value, after: &Value) -> (&'static str, Value) {
    let mut grew = Vec::new();
    for what in ["log", "pinned", "windows"] {
        let (b, a) = (list(before, what), list(after, what));
        if a.len() == b.len() + 1 {
            let new = a.iter().find(|x| !b.contains(x)).unwrap().clone();
            grew.push((what, new));
        } else {
            assert_eq!(a.len(), b.len(), "{what} changed by more than one");
        }
    }
    assert_eq!(grew.len(), 1, "one line adds one thing: {grew:?}");
    grew.pop().unwrap()
}

/// The Quick-add table: each `example` with the words that say what it writes.
fn quick_add_table(readme: &str) -> Vec<(String, String)> {
    let section = readme
        .split("\n## Quick-add")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    let mut rows = Vec::new();
    for line in section.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
        let says = cells[1].trim().to_string();
        for example in cells[0].split('`').skip(1).step_by(2) {
            rows.push((example.to_string(), says.clone()));
        }
    }
    assert!(rows.len() >= 10, "the table was read: {rows:?}");
    rows
}

/// Checks that `entry`, of kind `what`, is what `says` promises.
fn check_promise(
    example: &str,
    says: &str,
    what: &str,
    entry: &Value,
    names: &BTreeMap<String, String>,
) {
    let why = format!("`{example}` should be {says}: it wrote {what} {entry}");
    if says.starts_with("a log entry") || says.starts_with("1h30m") {
        assert_eq!(what, "log", "{why}");
        if says.contains("yesterday") {
            assert_eq!(entry["date"], "2026-12-04", "{why}");
        }
        if says.contains("ends now") {
            assert_eq!(entry["date"], "2026-12-05", "{why}");
            let end = entry["start"].as_str().unwrap();
            let minutes = entry["minutes"].as_u64().unwrap();
            assert_eq!((end, minutes), ("09:30", 30), "{why}");
        }
        if says.contains("from 7:30") {
            assert_eq!(entry["start"], "07:30", "{why}");
        }
        if says.contains("with a note") {
            assert!(entry["note"].is_string(), "{why}");
        }
        if says.starts_with("1h30m") {
            assert_eq!(entry["minutes"], 90, "{why}");
        }
        if let Some(word) = says.split("name contains ").nth(1) {
            let name = &names[entry["badge"].as_str().unwrap()];
            assert!(name.contains(word.trim()), "{why}");
        }
    } else if says.starts_with("a pinned session") {
        assert_eq!(what, "pinned", "{why}");
        assert!(entry["start"].as_str().unwrap() > README_NOW, "{why}");
    } else if says.starts_with("weekly spare time") {
        assert_eq!(
            (what, &entry["kind"]),
            ("windows", &Value::from("weekly")),
            "{why}"
        );
    } else if says.starts_with("one-off spare time") {
        assert_eq!(
            (what, &entry["kind"]),
            ("windows", &Value::from("once")),
            "{why}"
        );
    } else if says.starts_with("a blackout") {
        assert_eq!(
            (what, &entry["kind"]),
            ("windows", &Value::from("blackout")),
            "{why}"
        );
    } else {
        panic!("this test does not know what '{says}' promises: teach it");
    }
}

#[test]
fn the_quick_add_table_does_what_it_says_on_the_demo_data() {
    let env = demo();
    let base = backup(&env);
    let names: BTreeMap<String, String> = list(&base, "badges")
        .iter()
        .map(|b| (s_of(&b["key"]), s_of(&b["name"])))
        .collect();
    for (example, says) in quick_add_table(&readme()) {
        let before = backup(&env);
        run_ok(&env, &["add", &example]);
        let after = backup(&env);
        let (what, entry) = added(&before, &after);
        check_promise(&example, &says, what, &entry, &names);
        run_ok(&env, &["undo"]);
        assert_eq!(backup(&env), before, "`{example}` is undone whole");
    }
}

fn s_of(v: &Value) -> String {
    v.as_str().unwrap().to_string()
}

/// The README's "`X` gives `Y`" sentences: the input and its exact error.
#[test]
fn the_bad_input_examples_give_the_errors_the_readme_quotes() {
    let text = readme().replace('\n', " ");
    let mut checked = 0;
    for part in text.split("` gives `").collect::<Vec<_>>().windows(2) {
        let input = part[0].rsplit('`').next().unwrap();
        let error = part[1].split('`').next().unwrap();
        let env = demo();
        let before = backup(&env);
        let out = run(&env, &["add", input]);
        assert_eq!(out.status.code(), Some(1), "`{input}`");
        assert_eq!(
            String::from_utf8(out.stderr).unwrap(),
            format!("error: {error}\n"),
            "`{input}`"
        );
        assert_eq!(backup(&env), before, "`{input}` wrote nothing");
        checked += 1;
    }
    assert_eq!(checked, 3, "the README names three bad inputs");
}

/// The quick-add examples of the planner's help (both languages) and of `sukima add
/// --help`: each adds what its words say.
#[test]
fn the_help_examples_run_on_the_demo_data() {
    use sukima::config::Language;
    use sukima::tui::texts::for_language;
    let kind_of = |says: &str| -> &'static str {
        let has = |words: &[&str]| words.iter().any(|w| says.contains(w));
        if has(&["weekly", "毎週"])
            || has(&["one-off", "一度だけ"])
            || has(&["blackout", "学習しない"])
        {
            "windows"
        } else if has(&["pin", "固定"]) {
            "pinned"
        } else {
            "log"
        }
    };
    let mut examples: Vec<(String, &'static str)> = Vec::new();
    for texts in [for_language(Language::En), for_language(Language::Ja)] {
        for (example, says) in texts.quick_add_help() {
            examples.push((example.to_string(), kind_of(says)));
        }
    }
    let help = run_ok(&Env::new(), &["add", "--help"]);
    let eg = help
        .split("e.g. ")
        .nth(1)
        .expect("add --help gives examples");
    for quoted in eg.split('"').skip(1).step_by(2) {
        let kind = if quoted.starts_with("free") {
            "windows"
        } else if quoted.contains("tomorrow") {
            "pinned"
        } else {
            "log"
        };
        examples.push((quoted.to_string(), kind));
    }
    assert!(examples.len() >= 17, "{examples:?}");
    let env = demo();
    for (example, kind) in examples {
        let before = backup(&env);
        let out = run(&env, &["add", &example]);
        assert!(
            out.status.success(),
            "`{example}` fails on the demo data: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let (what, _) = added(&before, &backup(&env));
        assert_eq!(what, kind, "`{example}`");
        run_ok(&env, &["undo"]);
    }
}

/// Every `sukima …` the README shows, read from the file: a synopsis (`badge show KEY`) is
/// run as the concrete command beside it here, a command as it stands. The planner itself
/// and what needs a shell are driven elsewhere, and say where.
fn concrete(example: &str, dir: &Path) -> Option<Vec<String>> {
    let d = |p: &str| dir.join(p).display().to_string();
    let f = |rel: &str| data(rel).display().to_string();
    let args: Vec<String> = match example {
        // The planner in a terminal: tests/tui/e2e.rs drives it in tmux.
        "sukima" | "sukima --demo" => return None,
        // Fails on purpose: cli::imports::a_failed_command_leaves_nothing_behind runs it
        // and checks that it leaves no database, stamp or folder behind.
        "sukima --db typo.db import credly nope.json" => return None,
        // Needs a calendar import to delete, which the demo data has none of:
        // cli::imports::calendars_with_the_same_file_name_do_not_replace_each_other deletes
        // imports by their full name and by the file name alone.
        "sukima window rm NAME" => return None,
        "sukima add" | "sukima add \"TEXT\"" | "sukima add \"30m #aws-saa\"" => {
            vec!["add".into(), "30m #aws-saa".into()]
        }
        "sukima undo" => vec!["undo".into()],
        // Redo needs an undo before it: tests/cli/session.rs runs the pair.
        "sukima redo" => return None,
        "sukima session list [--json]" => ["session", "list", "--json"].map(String::from).to_vec(),
        "sukima session done S [--minutes N]" => ["session", "done", "next", "--minutes", "20"]
            .map(String::from)
            .to_vec(),
        "sukima session skip S" => ["session", "skip", "next"].map(String::from).to_vec(),
        "sukima session move S --to WHEN [--anyway]" => {
            ["session", "move", "next", "--to", "tomorrow 19:00"]
                .map(String::from)
                .to_vec()
        }
        // The demo's pinned session, the day after README_NOW.
        "sukima session unpin S" => ["session", "unpin", "2026-12-06T20:00"]
            .map(String::from)
            .to_vec(),
        "sukima log edit ID [--badge K] [--date D] [--start HH:MM] [--minutes N] [--note T]" => {
            ["log", "edit", "1", "--minutes", "45", "--note", "chapter 3"]
                .map(String::from)
                .to_vec()
        }
        "sukima log rm ID" => ["log", "rm", "1"].map(String::from).to_vec(),
        "sukima agenda" => vec!["agenda".into()],
        "sukima agenda --days 30" | "sukima agenda [--days N]" => {
            vec!["agenda".into(), "--days".into(), "30".into()]
        }
        "sukima badge add NAME [flags]" => [
            "badge",
            "add",
            "Example Practitioner",
            "--issuer",
            "IBM",
            "--earned",
            "2026-01-10",
            "--expires",
            "2028-01-10",
            "--effort",
            "3h",
        ]
        .map(String::from)
        .to_vec(),
        "sukima badge archive KEY [--restore]" => {
            ["badge", "archive", "az-900"].map(String::from).to_vec()
        }
        "sukima badge edit KEY [flags]" => ["badge", "edit", "az-104", "--notes", "chapter 3"]
            .map(String::from)
            .to_vec(),
        "sukima badge list [--status S,…] [--all]" => {
            ["badge", "list", "--status", "expiring,active", "--all"]
                .map(String::from)
                .to_vec()
        }
        "sukima badge renew KEY [--expires D]" => {
            ["badge", "renew", "az-104", "--expires", "2027-12-31"]
                .map(String::from)
                .to_vec()
        }
        "sukima badge rm KEY" => ["badge", "rm", "spss-stats"].map(String::from).to_vec(),
        "sukima badge show KEY" => ["badge", "show", "cp4d-admin"].map(String::from).to_vec(),
        "sukima calendar [--month YYYY-MM]" => ["calendar", "--month", "2027-01"]
            .map(String::from)
            .to_vec(),
        "sukima completions SHELL" => ["completions", "bash"].map(String::from).to_vec(),
        "sukima completions powershell >> $PROFILE" => {
            ["completions", "powershell"].map(String::from).to_vec()
        }
        "sukima config" | "sukima config [--path]" => vec!["config".into()],
        "sukima config --path" => ["config", "--path"].map(String::from).to_vec(),
        "sukima config set planner.daily_cap 3h" | "sukima config set KEY VALUE" => {
            let cfg = d("config.toml");
            [
                "--config",
                cfg.as_str(),
                "config",
                "set",
                "planner.daily_cap",
                "3h",
            ]
            .map(String::from)
            .to_vec()
        }
        "sukima due" => vec!["due".into()],
        "sukima due [--days N]" => ["due", "--days", "30"].map(String::from).to_vec(),
        "sukima export ics FILE" => vec!["export".into(), "ics".into(), d("out.ics")],
        "sukima export json FILE" => vec!["export".into(), "json".into(), d("out.json")],
        "sukima import json" | "sukima import json FILE" => {
            vec![
                "import".into(),
                "json".into(),
                d("demo.json"),
                "--replace".into(),
            ]
        }
        "sukima import credly FILE…" | "sukima import credly badges*.json" => vec![
            "import".into(),
            "credly".into(),
            f("tests/data/credly/page1.json"),
            f("tests/data/credly/page2.json"),
        ],
        "sukima import credly --user"
        | "sukima import credly --user <you>"
        | "sukima import credly --user NAME" => ["import", "credly", "--user", "sample-earner"]
            .map(String::from)
            .to_vec(),
        // A sheet as Excel saves it, whose issuers are all configured (good.csv names
        // one that is not, which the one validation refuses without its section).
        "sukima import csv FILE" | "sukima import csv badges.csv" => vec![
            "import".into(),
            "csv".into(),
            f("tests/data/csv/excel-semicolon.csv"),
        ],
        "sukima import ics calendar.ics" => vec![
            "import".into(),
            "ics".into(),
            f("tests/data/ics/recurring.ics"),
        ],
        "sukima import ics" | "sukima import ics FILE [--name N]" => vec![
            "import".into(),
            "ics".into(),
            f("tests/data/ics/recurring.ics"),
            "--name".into(),
            "work".into(),
        ],
        "sukima log [--since D] [--badge KEY]" => ["log", "--since", "7d", "--badge", "cp4d-admin"]
            .map(String::from)
            .to_vec(),
        "sukima man" | "sukima man | man -l -" => vec!["man".into()],
        "sukima plan --days 365" => ["plan", "--days", "365"].map(String::from).to_vec(),
        "sukima plan [--days N]" | "sukima plan" => {
            ["plan", "--days", "7"].map(String::from).to_vec()
        }
        "sukima plan --json" => ["plan", "--json"].map(String::from).to_vec(),
        // The fix the README shows for the demo's badge at risk (it must stay valid).
        "sukima window add \"weekdays 20:00-20:25 until 2027-01-07\"" => {
            ["window", "add", "weekdays 20:00-20:25 until 2027-01-07"]
                .map(String::from)
                .to_vec()
        }
        "sukima window add TEXT" => ["window", "add", "sat 14:00-15:00"]
            .map(String::from)
            .to_vec(),
        "sukima window list" => ["window", "list"].map(String::from).to_vec(),
        "sukima step add"
        | "sukima step add KEY \"TITLE\" [--kind K] [--minutes D] [--url U] [--at N]" => [
            "step",
            "add",
            "df-prac",
            "Review the lab notes",
            "--kind",
            "other",
            "--minutes",
            "20m",
            "--url",
            "https://example.com/notes",
            "--at",
            "4",
        ]
        .map(String::from)
        .to_vec(),
        "sukima step list KEY" => ["step", "list", "df-prac"].map(String::from).to_vec(),
        "sukima step edit KEY N [--title T] [--kind K] [--minutes D] [--url U] [--to M]" => [
            "step",
            "edit",
            "df-prac",
            "3",
            "--title",
            "Lab: a data catalog",
            "--minutes",
            "90m",
            "--to",
            "1",
        ]
        .map(String::from)
        .to_vec(),
        "sukima step done KEY [N] [--undo]" => {
            ["step", "done", "df-prac"].map(String::from).to_vec()
        }
        "sukima step rm KEY N" => ["step", "rm", "df-prac", "2"].map(String::from).to_vec(),
        "sukima window rm ID\\|SOURCE" => ["window", "rm", "1"].map(String::from).to_vec(),
        "sukima deal add NAME --by DATE --needs KEY,… [--review KEY:2h,…] [--priority P] [--notes T] [--key K]" => {
            [
                "deal",
                "add",
                "Initech BI",
                "--by",
                "2027-02-01",
                "--needs",
                "az-104,aws-saa",
                "--review",
                "az-104:1h",
                "--priority",
                "normal",
                "--notes",
                "call Ken",
                "--key",
                "initech",
            ]
            .map(String::from)
            .to_vec()
        }
        "sukima deal add \"Acme DWH\" --by 2027-03-01 --needs cp4d-admin,aws-saa --review cp4d-admin:2h" => {
            [
                "deal",
                "add",
                "Acme DWH",
                "--by",
                "2027-03-01",
                "--needs",
                "cp4d-admin,aws-saa",
                "--review",
                "cp4d-admin:2h",
            ]
            .map(String::from)
            .to_vec()
        }
        "sukima deal list" => ["deal", "list"].map(String::from).to_vec(),
        "sukima deal edit DEAL [--name --by --needs --review --priority --notes --new-key]" => [
            "deal",
            "edit",
            "acme-dwh",
            "--by",
            "2027-02-20",
            "--needs",
            "cp4i-v16-sa",
        ]
        .map(String::from)
        .to_vec(),
        "sukima deal close DEAL --won\\|--lost\\|--dropped" => {
            ["deal", "close", "acme-dwh", "--won"]
                .map(String::from)
                .to_vec()
        }
        "sukima deal rm DEAL" => ["deal", "rm", "globex-ai"].map(String::from).to_vec(),
        other => panic!(
            "the README shows `{other}`, which this test does not run yet: add it to `concrete`"
        ),
    };
    Some(args)
}

/// Every `sukima …` example of the README, as written.
fn readme_examples() -> std::collections::BTreeSet<String> {
    let readme = readme();
    let mut examples = std::collections::BTreeSet::new();
    let mut take = |text: &str| {
        let line = text.trim().split("  #").next().unwrap().trim();
        if line == "sukima" || line.starts_with("sukima ") {
            examples.insert(line.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    };
    // Fenced blocks line by line; inline spans whole (one may wrap onto the next line).
    let mut inline = String::new();
    for (i, part) in readme.split("```").enumerate() {
        if i % 2 == 1 {
            part.lines().for_each(&mut take);
        } else {
            inline.push_str(part);
            inline.push('\n');
        }
    }
    for span in inline.split('`').skip(1).step_by(2) {
        take(&span.replace('\n', " "));
    }
    assert!(examples.len() >= 30, "{examples:?}");
    examples
}

/// A Credly profile served for `import credly --user sample-earner`.
fn credly_server() -> Server {
    Server::start(vec![
        (
            "/users/sample-earner/badges.json?page=1".into(),
            Reply::Ok(
                "application/json",
                std::fs::read(data("tests/data/credly/page1.json")).unwrap(),
            ),
        ),
        (
            "/users/sample-earner/badges.json?page=2".into(),
            Reply::Ok(
                "application/json",
                std::fs::read(data("tests/data/credly/page2.json")).unwrap(),
            ),
        ),
    ])
}

#[test]
fn every_command_in_the_readme_is_run() {
    let examples = readme_examples();
    let server = credly_server();
    let mut ran = 0;
    for example in &examples {
        let env = demo();
        let Some(args) = concrete(example, env.dir.path()) else {
            continue;
        };
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = env
            .cmd()
            .env("SUKIMA_NOW", README_NOW)
            .env("SUKIMA_CREDLY_URL", server.base())
            .args(&args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "`{example}` (as {args:?}) fails: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        ran += 1;
    }
    assert!(ran >= 30, "{ran} of {examples:?}");
}

/// What may stay English in Japanese output: what a person typed or a vendor named (badge
/// names, issuers, step titles, notes, window labels) in the demo data and in the files
/// the README imports.
fn names(env: &Env) -> Vec<String> {
    let mut out = Vec::new();
    let mut take = |v: &Value| {
        let mut todo = vec![v.clone()];
        while let Some(v) = todo.pop() {
            match v {
                Value::Object(m) => {
                    for (k, x) in m {
                        match x {
                            Value::String(t)
                                if [
                                    "name", "title", "note", "notes", "label", "issuer", "level",
                                ]
                                .contains(&k.as_str()) =>
                            {
                                out.push(t)
                            }
                            other => todo.push(other),
                        }
                    }
                }
                Value::Array(a) => todo.extend(a),
                _ => {}
            }
        }
    };
    take(&backup(env));
    // The badges the README's imports bring in.
    let imported = Env::new();
    run_ok(
        &imported,
        &[
            "import",
            "credly",
            s(&data("tests/data/credly/page1.json")),
            s(&data("tests/data/credly/page2.json")),
        ],
    );
    run_ok(
        &imported,
        &[
            "import",
            "csv",
            s(&data("tests/data/csv/excel-semicolon.csv")),
        ],
    );
    take(&backup(&imported));
    out
}

/// DESIGN 10: every README command, with the language Japanese (from the locale, no
/// configuration), prints no English sentence; what machines read (JSON, TOML, the
/// completion script, the manual page) is left out.
#[test]
fn every_command_in_the_readme_speaks_japanese() {
    let examples = readme_examples();
    let server = credly_server();
    let mut found = Vec::new();
    let mut ran = 0;
    for example in &examples {
        let env = demo();
        let Some(args) = concrete(example, env.dir.path()) else {
            continue;
        };
        if args.iter().any(|a| a == "--json")
            || ["completions", "man", "config"].contains(&args[0].as_str())
            || args.ends_with(&["-".to_string()])
        {
            continue;
        }
        // What was typed on the command line may come back as typed.
        let allowed = [names(&env), args.clone()].concat();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = env
            .cmd()
            .env("SUKIMA_NOW", README_NOW)
            .env("SUKIMA_CREDLY_URL", server.base())
            .env("LANG", "ja_JP.UTF-8")
            .args(&args)
            .output()
            .unwrap();
        assert!(out.status.success(), "`{example}` fails");
        let text = String::from_utf8_lossy(&out.stdout).to_string()
            + &String::from_utf8_lossy(&out.stderr);
        for sentence in crate::cli::japanese::english_sentences(&text, &allowed) {
            found.push(format!("`{example}`: {sentence}"));
        }
        ran += 1;
    }
    assert!(ran >= 25, "{ran}");
    assert!(
        found.is_empty(),
        "English in Japanese output:\n{}",
        found.join("\n")
    );
}
