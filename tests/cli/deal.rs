//! Deals (案件登録) from the command line: `sukima deal`, what a deal does to the plan
//! (DESIGN 1), closing it, `due`, backups and refusals. The clock is 2027-01-06T08:00.

use crate::common::Env;
use serde_json::{Value, json};

/// A database where one badge expires after the deal's date and another is only a
/// target: cp4d-admin (held, expires 2027-06-01) and aws-saa (target, goal 2027-05-01),
/// with weekday commutes to study in.
fn setup() -> Env {
    let env = Env::new();
    env.ok(&[
        "badge",
        "add",
        "Cloud Pak for Data Administrator",
        "--key",
        "cp4d-admin",
        "--issuer",
        "IBM",
        "--earned",
        "2026-03-01",
        "--expires",
        "2027-06-01",
        "--effort",
        "6h",
    ]);
    env.ok(&[
        "badge",
        "add",
        "AWS Certified Solutions Architect",
        "--key",
        "aws-saa",
        "--issuer",
        "aws",
        "--goal",
        "2027-05-01",
        "--effort",
        "10h",
    ]);
    env.ok(&["window", "add", "weekdays 07:10-07:40 commute"]);
    env.ok(&["window", "add", "sat 09:00-11:00 library"]);
    env
}

fn plan(env: &Env) -> Value {
    serde_json::from_str(&env.ok(&["plan", "--json"])).unwrap()
}

fn badge<'a>(p: &'a Value, key: &str) -> &'a Value {
    p["badges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["badge"] == key)
        .unwrap()
}

#[test]
fn a_deal_changes_the_plan_exactly_as_design_1_says_and_closing_gives_it_back() {
    let env = setup();
    let before_text = env.ok(&["plan", "--json"]);
    let before: Value = serde_json::from_str(&before_text).unwrap();
    assert_eq!(badge(&before, "aws-saa")["due"], "2027-05-01");
    assert_eq!(badge(&before, "cp4d-admin")["due"], "2027-05-25");
    assert_eq!(before["deals"], json!([]));

    let out = env.ok(&[
        "deal",
        "add",
        "Acme DWH",
        "--by",
        "2027-03-01",
        "--needs",
        "cp4d-admin,aws-saa",
    ]);
    assert_eq!(
        out,
        "added deal acme-dwh (Acme DWH): 2 badges by 2027-03-01\n"
    );
    let with = plan(&env);
    // The target is due by the deal's date minus the buffer, at the deal's priority.
    assert_eq!(badge(&with, "aws-saa")["due"], "2027-02-22");
    assert_eq!(badge(&with, "aws-saa")["deals"], json!(["acme-dwh"]));
    // The held badge is valid through the date: left alone.
    assert_eq!(
        badge(&with, "cp4d-admin"),
        badge(&before, "cp4d-admin")
            .clone()
            .as_object()
            .map(|o| {
                let mut o = o.clone();
                o.insert("deals".into(), json!(["acme-dwh"]));
                Value::Object(o)
            })
            .as_ref()
            .unwrap()
    );
    assert_eq!(
        with["deals"],
        json!([{
            "key": "acme-dwh",
            "name": "Acme DWH",
            "by": "2027-03-01",
            "needs": ["cp4d-admin", "aws-saa"],
            "review": [],
            "priority": "high",
            "state": "open",
            "at_risk": false,
            "reasons": [],
        }])
    );
    // badge show names the deal.
    let show = env.ok(&["badge", "show", "aws-saa"]);
    assert!(
        show.contains("  ◆ for Acme DWH by 2027-03-01, due moved up\n"),
        "{show}"
    );
    let show: Value =
        serde_json::from_str(&env.ok(&["badge", "show", "aws-saa", "--json"])).unwrap();
    assert_eq!(show["deals"], json!(["acme-dwh"]));
    // aws-saa's sessions come sooner: all of them before the deal.
    let last_aws = with["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["badge"] == "aws-saa")
        .map(|s| s["start"].as_str().unwrap().to_string())
        .max()
        .unwrap();
    assert!(last_aws.as_str() < "2027-02-23", "{last_aws}");

    env.ok(&["deal", "close", "acme-dwh", "--won"]);
    assert_eq!(env.ok(&["plan", "--json"]), before_text, "byte for byte");
    // Kept for the record.
    let list: Value = serde_json::from_str(&env.ok(&["deal", "list", "--json"])).unwrap();
    assert_eq!(list[0]["state"], "won");
}

#[test]
fn review_study_is_planned_before_the_date() {
    let env = setup();
    env.ok(&[
        "deal",
        "add",
        "Acme DWH",
        "--by",
        "2027-02-01",
        "--needs",
        "cp4d-admin",
        "--review",
        "cp4d-admin:2h",
    ]);
    let p = plan(&env);
    let cp4d = badge(&p, "cp4d-admin");
    assert_eq!(cp4d["due"], "2027-01-31");
    assert_eq!(cp4d["remaining_minutes"], 120);
    assert_eq!(cp4d["at_risk"], false);
    let minutes: u64 = p["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["badge"] == "cp4d-admin" && s["start"].as_str().unwrap() < "2027-02-01")
        .map(|s| s["minutes"].as_u64().unwrap())
        .sum();
    assert_eq!(minutes, 120);
}

#[test]
fn a_deal_at_risk_names_the_badge_and_the_reason_and_due_counts_it() {
    let env = setup();
    env.ok(&[
        "deal",
        "add",
        "Beta Bank",
        "--by",
        "2027-01-20",
        "--needs",
        "aws-saa",
    ]);
    let list: Value = serde_json::from_str(&env.ok(&["deal", "list", "--json"])).unwrap();
    assert_eq!(list[0]["at_risk"], true);
    let reasons = list[0]["reasons"].as_array().unwrap();
    assert_eq!(reasons.len(), 1);
    let r = reasons[0].as_str().unwrap();
    assert!(
        r.starts_with("AWS Certified Solutions Architect will not be ready ("),
        "{r}"
    );
    let due: Value = serde_json::from_str(&env.ok(&["due", "--json"])).unwrap();
    assert_eq!(due["deals_at_risk"], 1);
    assert!(env.ok(&["due"]).contains("1 deal at risk"));
    // The badge's risk names the deal, and its fixes are those of any badge at risk.
    let text = env.ok(&["plan"]);
    assert!(
        text.contains("(for Beta Bank by 2027-01-20, due moved up)"),
        "{text}"
    );
    assert!(
        text.contains(
            "deal Beta Bank (2027-01-20): at risk\n  ! AWS Certified Solutions Architect will not be ready ("
        ),
        "{text}"
    );
    let p = plan(&env);
    assert!(!badge(&p, "aws-saa")["fixes"].as_array().unwrap().is_empty());
    // A retiring badge without replacement cannot be held on the date.
    env.ok(&["badge", "edit", "cp4d-admin", "--retires", "2027-01-31"]);
    env.ok(&[
        "deal",
        "add",
        "Gamma",
        "--by",
        "2027-03-01",
        "--needs",
        "cp4d-admin",
    ]);
    let show: Value = serde_json::from_str(&env.ok(&["deal", "show", "gamma", "--json"])).unwrap();
    assert_eq!(
        show["reasons"],
        json!(["Cloud Pak for Data Administrator retires 2027-01-31 with no replacement"])
    );
}

#[test]
fn deal_commands_list_show_edit_and_rm_each_one_undoable_change() {
    let env = setup();
    env.ok(&[
        "deal",
        "add",
        "Acme DWH",
        "--by",
        "2027-03-01",
        "--needs",
        "cp4d-admin",
        "--priority",
        "normal",
        "--notes",
        "call Ken",
    ]);
    assert_eq!(
        env.ok(&["deal", "list"]),
        "KEY       NAME      BY          STATE  NEEDS\n\
         acme-dwh  Acme DWH  2027-03-01  ready  cp4d-admin\n"
    );
    let before = env.snapshot();
    assert_eq!(
        env.ok(&[
            "deal",
            "edit",
            "acme-dwh",
            "--needs",
            "cp4d-admin,aws-saa",
            "--new-key",
            "acme"
        ]),
        "updated deal acme-dwh (now acme)\n"
    );
    let show = env.ok(&["deal", "show", "acme"]);
    assert!(
        show.contains("needs     cp4d-admin (Cloud Pak for Data Administrator), aws-saa"),
        "{show}"
    );
    assert!(show.contains("notes     call Ken"), "{show}");
    assert_eq!(env.ok(&["undo"]), "undid: edit deal acme-dwh\n");
    assert_eq!(env.snapshot(), before);
    assert_eq!(
        env.ok(&["deal", "rm", "acme-dwh"]),
        "deleted deal acme-dwh (`sukima undo` brings them back)\n"
    );
    assert_eq!(
        env.ok(&["deal", "list"]),
        "no deals yet: sukima deal add NAME --by DATE --needs KEY,...\n"
    );
    env.ok(&["undo"]);
    assert_eq!(env.snapshot(), before);
}

#[test]
fn deleting_a_badge_a_deal_needs_says_the_deal_no_longer_needs_it() {
    let env = setup();
    env.ok(&[
        "deal",
        "add",
        "Acme DWH",
        "--by",
        "2027-03-01",
        "--needs",
        "cp4d-admin,aws-saa",
    ]);
    env.ok(&[
        "deal",
        "add",
        "Globex",
        "--by",
        "2027-04-01",
        "--needs",
        "aws-saa",
    ]);
    let before = env.snapshot();
    assert_eq!(
        env.ok(&["badge", "rm", "aws-saa"]),
        "deleted aws-saa with 0 log entries and 0 pinned sessions; \
         deals acme-dwh, globex no longer need it (`sukima undo` brings them back)\n"
    );
    let show = env.ok(&["deal", "show", "acme-dwh"]);
    assert!(!show.contains("aws-saa"), "{show}");
    env.ok(&["undo"]);
    assert_eq!(env.snapshot(), before);
    let cfg = env.write("ja.toml", "[ui]\nlanguage = \"ja\"\n");
    let out = env
        .cmd()
        .arg("--config")
        .arg(&cfg)
        .args(["badge", "rm", "cp4d-admin"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "cp4d-admin を記録 0件、固定セッション 0件とともに削除しました。\
         案件 acme-dwh の必要バッジから外れました (`sukima undo` で元に戻せます)\n"
    );
}

#[test]
fn bad_deals_are_one_line_and_write_nothing() {
    let env = setup();
    env.ok(&["badge", "add", "Old", "--key", "old", "--issuer", "IBM"]);
    env.ok(&["badge", "archive", "old"]);
    env.ok(&[
        "deal",
        "add",
        "Open",
        "--by",
        "2027-03-01",
        "--needs",
        "aws-saa",
    ]);
    env.ok(&[
        "deal",
        "add",
        "Done",
        "--by",
        "2027-03-01",
        "--needs",
        "aws-saa",
    ]);
    env.ok(&["deal", "close", "done", "--lost"]);
    let before = env.snapshot();
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "deal",
                "add",
                "X",
                "--by",
                "2027-03-01",
                "--needs",
                "aws-sa",
            ],
            "error: --needs 'aws-sa': no badge has that key; did you mean 'aws-saa'?\n",
        ),
        (
            &["deal", "add", "X", "--by", "2027-03-01", "--needs", "old"],
            "error: --needs 'old': that badge is archived; restore it first (sukima badge archive old --undo)\n",
        ),
        (
            &[
                "deal",
                "add",
                "X",
                "--by",
                "2027-01-05",
                "--needs",
                "aws-saa",
            ],
            "error: --by 2027-01-05 is in the past (today is 2027-01-06): give the date the deal is registered\n",
        ),
        (
            &[
                "deal",
                "add",
                "X",
                "--by",
                "2027-03-01",
                "--needs",
                "cp4d-admin",
                "--review",
                "cp4d-admin:0m",
            ],
            "error: --review 'cp4d-admin': 0m is out of range; give 1m to 200h\n",
        ),
        (
            &[
                "deal",
                "add",
                "X",
                "--by",
                "2027-03-01",
                "--needs",
                "cp4d-admin",
                "--review",
                "cp4d-admin:900h",
            ],
            "error: --review 'cp4d-admin': 900h is out of range; give 1m to 200h\n",
        ),
        (
            &["deal", "add", "X", "--by", "March", "--needs", "aws-saa"],
            "error: --by 'March' is not a date: write it as YYYY-MM-DD\n",
        ),
        (
            &["deal", "close", "done"],
            "error: deal done is already closed (lost): nothing to close\n",
        ),
        (
            &["deal", "close", "opn"],
            "error: no deal has the key 'opn': did you mean 'open'?\n",
        ),
        (
            &[
                "deal",
                "add",
                "Y",
                "--key",
                "open",
                "--by",
                "2027-03-01",
                "--needs",
                "aws-saa",
            ],
            "error: a deal with the key 'open' already exists: choose another with --key\n",
        ),
    ];
    for (args, want) in cases {
        assert_eq!(&env.fails(args), want, "{args:?}");
    }
    assert_eq!(env.snapshot(), before, "nothing written");
}

#[test]
fn deals_round_trip_through_the_backup_and_older_backups_still_import() {
    let env = setup();
    env.ok(&[
        "deal",
        "add",
        "Acme DWH",
        "--by",
        "2027-03-01",
        "--needs",
        "cp4d-admin,aws-saa",
        "--review",
        "cp4d-admin:90m",
    ]);
    env.ok(&[
        "deal",
        "add",
        "B",
        "--by",
        "2027-02-01",
        "--needs",
        "aws-saa",
    ]);
    env.ok(&["deal", "close", "b", "--dropped"]);
    let backup = env.snapshot();
    assert!(backup.contains("\"deals\": ["), "{backup}");
    let file = env.write("backup.json", &backup);
    let other = Env::new();
    other.ok(&["import", "json", file.to_str().unwrap()]);
    assert_eq!(other.snapshot(), backup, "byte for byte");
    // A version-2 backup without deals: none, and it exports without the field.
    let fresh = setup();
    let plain = fresh.snapshot();
    assert!(!plain.contains("\"deals\""));
    let file = fresh.write("plain.json", &plain);
    let third = Env::new();
    third.ok(&["import", "json", file.to_str().unwrap()]);
    assert_eq!(third.snapshot(), plain);
}

#[test]
fn deals_speak_japanese() {
    let env = setup();
    let cfg = env.write("ja.toml", "[ui]\nlanguage = \"ja\"\n");
    let ja = |args: &[&str]| {
        let out = env
            .cmd()
            .arg("--config")
            .arg(&cfg)
            .args(args)
            .output()
            .unwrap();
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (out, _) = ja(&[
        "deal",
        "add",
        "Acme DWH",
        "--by",
        "2027-01-20",
        "--needs",
        "aws-saa",
    ]);
    assert_eq!(
        out,
        "案件 acme-dwh (Acme DWH) を登録しました: 1月20日(水) までにバッジ 1 件\n"
    );
    let (out, _) = ja(&["deal", "list"]);
    assert!(out.contains("遅延リスク"), "{out}");
    assert!(out.contains("が間に合わない"), "{out}");
    let (_, err) = ja(&[
        "deal",
        "add",
        "X",
        "--by",
        "2027-03-01",
        "--needs",
        "aws-sa",
    ]);
    assert_eq!(
        err,
        "エラー: --needs 'aws-sa': そのキーのバッジはありません。'aws-saa' のことですか?\n"
    );
    // JSON does not change with the language.
    let (json, _) = ja(&["deal", "list", "--json"]);
    assert!(json.contains("will not be ready"), "{json}");
}

#[test]
fn a_deal_is_on_the_calendar_and_in_the_calendar_export() {
    let env = setup();
    env.ok(&[
        "deal",
        "add",
        "Acme DWH",
        "--by",
        "2027-03-01",
        "--needs",
        "aws-saa",
    ]);
    let march = env.ok(&["calendar", "--month", "2027-03"]);
    assert!(march.contains("  1 $"), "{march}");
    assert!(march.contains("$ deal"), "{march}");
    assert!(march.contains("Mon 03-01  $ deal"), "{march}");
    // A month without one reads as before: no deal in the legend.
    let feb = env.ok(&["calendar", "--month", "2027-02"]);
    assert!(!feb.contains("$ deal"), "{feb}");
    let ics = env.ok(&["export", "ics", "-"]);
    assert!(
        ics.contains("UID:deal-acme-dwh-20270301@sukima\r\n"),
        "{ics}"
    );
    assert!(
        ics.contains(
            "DTSTART;VALUE=DATE:20270301\r\nDTEND;VALUE=DATE:20270302\r\nSUMMARY:Deal: Acme DWH (badges needed by this day)\r\n"
        ),
        "{ics}"
    );
    assert!(
        ics.contains("DESCRIPTION:Needs: AWS Certified Solutions Architect\r\n"),
        "{ics}"
    );
    env.ok(&["deal", "close", "acme-dwh", "--dropped"]);
    assert!(!env.ok(&["export", "ics", "-"]).contains("deal-acme-dwh"));
}
