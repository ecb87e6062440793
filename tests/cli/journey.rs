//! Learning journeys from the command line: steps, prerequisites, the earning criteria of
//! a Credly download, and sessions that name their step.

use crate::common::{Env, s};
use serde_json::{Value, json};
use std::path::Path;

fn data(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(rel)
        .display()
        .to_string()
}

fn show(env: &Env, key: &str) -> Value {
    serde_json::from_str(&env.ok(&["badge", "show", key, "--json"])).unwrap()
}

/// (title, kind, url) of each step.
fn steps(v: &Value) -> Vec<(String, String, Option<String>)> {
    v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["title"].as_str().unwrap().to_string(),
                s["kind"].as_str().unwrap().to_string(),
                s["url"].as_str().map(str::to_string),
            )
        })
        .collect()
}

fn st(title: &str, kind: &str, url: Option<&str>) -> (String, String, Option<String>) {
    (title.into(), kind.into(), url.map(str::to_string))
}

#[test]
fn a_credly_download_with_criteria_gives_steps_kinds_urls_and_prerequisites() {
    let env = Env::new();
    let out = env.ok(&["import", "credly", &data("credly/journey.json")]);
    assert!(out.starts_with("added 4, updated 0"), "{out}");
    assert!(
        out.contains("note      8 steps added from the earning criteria of 3 badges"),
        "{out}"
    );
    let found = show(&env, "data-fabric-foundation");
    assert_eq!(
        steps(&found),
        [
            st(
                "Complete the Data Fabric Foundations course on IBM Training",
                "course",
                Some("https://www.ibm.com/training/course/data-fabric-foundations")
            ),
            st(
                "Pass the online quiz with a score of 80% or more",
                "assessment",
                None
            ),
        ]
    );
    assert_eq!(found["after"], json!([]));
    // Its first criterion asks for the foundation badge: a prerequisite, not a step.
    let prac = show(&env, "data-fabric-practitioner");
    assert_eq!(prac["after"], json!(["data-fabric-foundation"]));
    assert_eq!(
        steps(&prac),
        [
            st(
                "Module 2: Data governance",
                "course",
                Some("https://www.ibm.com/training/module/data-governance")
            ),
            st(
                "Two months of hands-on practice with a data catalog",
                "experience",
                None
            ),
            st(
                "Pass the 120-minute proctored IBM Data Fabric Practitioner exam (C1000-199)",
                "exam",
                Some("https://www.ibm.com/training/certification/C1000-199")
            ),
        ]
    );
    // The estimates are the [journey] defaults of each kind.
    let minutes: Vec<u64> = prac["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["minutes"].as_u64().unwrap())
        .collect();
    assert_eq!(minutes, [60, 30, 120]);
    // A badge not in the download stays a step; an address that is not http(s) is dropped.
    let expert = show(&env, "data-fabric-expert");
    assert_eq!(expert["after"], json!(["data-fabric-practitioner"]));
    assert_eq!(
        steps(&expert),
        [
            st(
                "Earn the IBM Cloud Architect badge",
                "other",
                Some("https://www.credly.com/org/ibm/badge/cloud-architect")
            ),
            st("Architecture workshop (3 days)", "course", None),
            st(
                "Pass the Data Fabric Expert exam",
                "exam",
                Some("https://www.ibm.com/training/certification/C1000-299")
            ),
        ]
    );
    assert_eq!(show(&env, "watson-studio-essentials")["steps"], json!([]));
    // The same file again changes nothing, and the undo takes the whole import back.
    let before = env.snapshot();
    let out = env.ok(&["import", "credly", &data("credly/journey.json")]);
    assert!(!out.contains("note"), "{out}");
    assert_eq!(env.snapshot(), before);
    env.ok(&["undo"]);
    assert!(!env.snapshot().contains("Data Fabric"));
}

#[test]
fn a_newer_download_keeps_what_the_user_made_and_marks_what_left() {
    let env = Env::new();
    env.ok(&["import", "credly", &data("credly/journey.json")]);
    let key = "data-fabric-practitioner";
    env.ok(&["step", "done", key]);
    env.ok(&["step", "edit", key, "3", "--minutes", "3h", "--to", "1"]);
    env.ok(&["step", "add", key, "Read the redbook", "--minutes", "90m"]);
    let out = env.ok(&["import", "credly", &data("credly/journey-newer.json")]);
    assert!(
        out.contains("#data-fabric-practitioner: 1 step is no longer in its criteria"),
        "{out}"
    );
    let v = show(&env, key);
    let got: Vec<(String, u64, Option<String>, bool)> = v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["title"].as_str().unwrap().chars().take(22).collect(),
                s["minutes"].as_u64().unwrap(),
                s["done_on"].as_str().map(str::to_string),
                s["gone"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Pass the 120-minute pr".into(), 180, None, false),
            (
                "Module 2: Data governa".into(),
                60,
                Some("2027-01-06".into()),
                false
            ),
            ("Module 3: Data lineage".into(), 60, None, false),
            ("Two months of hands-on".into(), 30, None, true),
            ("Read the redbook".into(), 90, None, false),
        ]
    );
    assert_eq!(
        v["steps"][0]["url"],
        "https://www.ibm.com/training/certification/C1000-199-v2"
    );
}

#[test]
fn steps_from_the_command_line_each_one_undoable_change() {
    let env = Env::new();
    env.ok(&[
        "badge",
        "add",
        "Data Engineer",
        "--key",
        "de",
        "--issuer",
        "IBM",
        "--goal",
        "2027-03-01",
    ]);
    assert_eq!(
        env.ok(&[
            "step",
            "add",
            "de",
            "Module 1",
            "--kind",
            "course",
            "--minutes",
            "45m",
            "--url",
            "https://learn.example.com/m1"
        ]),
        "added step 1 to de: Module 1\n"
    );
    env.ok(&[
        "step",
        "add",
        "de",
        "Module 2: Data governance",
        "--kind",
        "course",
    ]);
    env.ok(&["step", "add", "de", "Exam", "--kind", "exam"]);
    assert_eq!(
        env.ok(&["step", "done", "de"]),
        "step 1 of de done: Module 1; next: 2 Module 2: Data governance\n"
    );
    assert_eq!(
        env.ok(&["step", "list", "de"]),
        "\
de  Data Engineer
  #  KIND    EST  STEP                       STATE            URL
✓ 1  course  45m  Module 1                   done 2027-01-06  https://learn.example.com/m1
▸ 2  course   1h  Module 2: Data governance
  3  exam     2h  Exam
1 of 3 steps done, 3h left of 3h45m
"
    );
    // Work follows the steps: what is left of them, less what was logged since.
    env.ok(&["add", "30m #de tomorrow 7:00"]);
    let plan: Value = serde_json::from_str(&env.ok(&["plan", "--json"])).unwrap();
    let badge = plan["badges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["badge"] == "de")
        .unwrap()
        .clone();
    assert_eq!(badge["remaining_minutes"], 180);
    let before = env.snapshot();
    env.ok(&["step", "rm", "de", "3"]);
    env.ok(&[
        "step", "edit", "de", "2", "--title", "Module 2", "--to", "1",
    ]);
    env.ok(&["undo"]);
    env.ok(&["undo"]);
    assert_eq!(env.snapshot(), before, "one undo each");
    // Renewal starts the journey again.
    env.ok(&["badge", "renew", "de", "--expires", "2029-01-01"]);
    let v = show(&env, "de");
    assert!(
        v["steps"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["done_on"].is_null()),
        "{v}"
    );
}

#[test]
fn bad_steps_and_prerequisites_write_nothing_and_say_what_to_do() {
    let env = Env::new();
    env.ok(&["badge", "add", "A", "--key", "a", "--issuer", "IBM"]);
    env.ok(&[
        "badge", "add", "B", "--key", "b", "--issuer", "IBM", "--after", "a",
    ]);
    env.ok(&["badge", "add", "Old", "--key", "old", "--issuer", "IBM"]);
    env.ok(&["badge", "archive", "old"]);
    env.ok(&["step", "add", "a", "First"]);
    let before = env.snapshot();
    for (args, needle) in [
        (vec!["step", "add", "a", " "], "a step needs a title"),
        (
            vec!["step", "add", "a", "X", "--minutes", "0"],
            "an estimate of 0 minutes",
        ),
        (
            vec!["step", "add", "a", "X", "--minutes", "1001h"],
            "more than 1000 hours",
        ),
        (
            vec!["step", "add", "a", "X", "--url", "ftp://example.com"],
            "not a web address",
        ),
        (
            vec!["step", "add", "a", "X", "--kind", "lecture"],
            "'lecture' is not a kind of step",
        ),
        (vec!["step", "add", "zz", "X"], "no badge has the key 'zz'"),
        (
            vec!["step", "add", "a", "X", "--at", "9"],
            "goes at 1 to 2, not 9",
        ),
        (vec!["step", "done", "a", "5"], "a has steps 1 to 1, not 5"),
        (vec!["step", "rm", "b", "1"], "b has no steps"),
        (
            vec!["step", "edit", "a", "1", "--url", "javascript:alert(1)"],
            "not a web address",
        ),
        (
            vec!["badge", "edit", "a", "--after", "b"],
            "prerequisites make a loop (a → b → a)",
        ),
        (
            vec!["badge", "edit", "a", "--after", "a"],
            "cannot come after itself",
        ),
        (
            vec!["badge", "edit", "a", "--after", "nope"],
            "no badge has the key 'nope'",
        ),
        (
            vec!["badge", "edit", "a", "--after", "old"],
            "'old' is archived",
        ),
        (
            vec!["badge", "add", "C", "--issuer", "IBM", "--after", "b,zz"],
            "no badge has the key 'zz'",
        ),
    ] {
        let err = env.fails(&args);
        assert!(err.contains(needle), "{args:?}: {err}");
        assert_eq!(env.snapshot(), before, "{args:?} wrote something");
    }
    env.ok(&["step", "done", "a"]);
    assert!(
        env.fails(&["step", "done", "a"])
            .contains("every step of a is done")
    );
}

#[test]
fn sessions_name_their_step_and_wait_for_prerequisites() {
    let env = Env::new();
    env.ok(&["window", "add", "daily", "20:00-21:00", "evening"]);
    env.ok(&[
        "badge",
        "add",
        "Foundation",
        "--key",
        "found",
        "--issuer",
        "IBM",
        "--goal",
        "2027-02-01",
        "--effort",
        "90m",
    ]);
    env.ok(&[
        "badge",
        "add",
        "Advanced",
        "--key",
        "adv",
        "--issuer",
        "IBM",
        "--goal",
        "2027-02-15",
        "--after",
        "found",
    ]);
    env.ok(&[
        "step",
        "add",
        "adv",
        "Module 1",
        "--kind",
        "course",
        "--minutes",
        "45m",
        "--url",
        "https://learn.example.com/m1",
    ]);
    env.ok(&[
        "step",
        "add",
        "adv",
        "Exam",
        "--kind",
        "exam",
        "--minutes",
        "30m",
    ]);
    let plan: Value = serde_json::from_str(&env.ok(&["plan", "--json"])).unwrap();
    let sessions = plan["sessions"].as_array().unwrap();
    let of = |k: &str| -> Vec<&Value> { sessions.iter().filter(|s| s["badge"] == k).collect() };
    let found_end = of("found")
        .iter()
        .map(|s| s["end"].as_str().unwrap())
        .max()
        .unwrap();
    assert!(
        of("adv")
            .iter()
            .all(|s| s["start"].as_str().unwrap() >= found_end)
    );
    assert!(of("found").iter().all(|s| s["step"].is_null()));
    let named: Vec<&str> = of("adv")
        .iter()
        .map(|s| s["step"].as_str().unwrap())
        .collect();
    // 30 minutes the evening the foundation is done, then 45: the end of module 1 and
    // the exam.
    assert_eq!(named, ["Module 1", "Module 1"]);
    let adv = plan["badges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["badge"] == "adv")
        .unwrap();
    assert_eq!(adv["after"], json!(["found"]));
    assert_eq!(adv["at_risk"], false);
    // The agenda names the step, and the calendar export puts it with its address.
    let agenda = env.ok(&["agenda", "--days", "5"]);
    assert!(
        agenda.contains("adv             Module 1 · 30 of 45m\n"),
        "{agenda}"
    );
    assert!(
        agenda.contains("adv             Module 1 · 45 of 45m, then Exam\n"),
        "{agenda}"
    );
    let ics = env.path("plan.ics");
    env.ok(&["export", "ics", s(&ics)]);
    let text = std::fs::read_to_string(&ics).unwrap().replace("\r\n ", "");
    assert!(
        text.contains("SUMMARY:Study: Advanced: Module 1 · 30 of 45m"),
        "{text}"
    );
    assert!(text.contains("URL:https://learn.example.com/m1"), "{text}");
}

#[test]
fn a_backup_keeps_steps_and_prerequisites_and_version_1_still_imports() {
    let env = Env::new();
    env.ok(&["import", "credly", &data("credly/journey.json")]);
    env.ok(&["step", "done", "data-fabric-foundation"]);
    let backup = env.snapshot();
    assert!(backup.contains("\"version\": 2"), "{backup}");
    let copy = Env::new();
    let file = copy.write("backup.json", &backup);
    copy.ok(&["import", "json", s(&file)]);
    assert_eq!(
        copy.snapshot(),
        backup,
        "export, import, export: the same bytes"
    );
    let v1 = Env::new();
    let file = v1.write(
        "old.json",
        r#"{"format": "sukima-backup", "version": 1, "badges": [{"key": "a", "name": "A", "issuer": "IBM"}]}"#,
    );
    v1.ok(&["import", "json", s(&file)]);
    assert_eq!(show(&v1, "a")["steps"], json!([]));
    // A backup whose prerequisites loop is refused, naming the loop.
    let bad = v1.write(
        "loop.json",
        r#"{"format": "sukima-backup", "version": 2, "badges": [{"key": "a", "name": "A", "after": ["b"]}, {"key": "b", "name": "B", "after": ["a"]}]}"#,
    );
    let err = Env::new().fails(&["import", "json", s(&bad)]);
    assert!(
        err.contains("prerequisites make a loop (a → b → a)"),
        "{err}"
    );
}
