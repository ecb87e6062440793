use crate::common::Env;

#[test]
fn add_list_show_edit_renew_archive_rm() {
    let env = Env::new();
    assert_eq!(
        env.ok(&[
            "badge",
            "add",
            "AWS Certified Solutions Architect – Associate",
            "--issuer",
            "AWS",
            "--earned",
            "2024-03-01",
            "--expires",
            "2027-03-01",
            "--tag",
            "aws",
            "--priority",
            "high",
        ]),
        "added solutions-architect-associate (AWS Certified Solutions Architect – Associate)\n"
    );
    env.ok(&[
        "badge",
        "add",
        "データサイエンス基礎",
        "--key",
        "ds-basic",
        "--issuer",
        "IBM",
        "--earned",
        "2026-01-10",
        "--expires",
        "2028-01-10",
        "--effort",
        "1h30m",
    ]);
    env.ok(&[
        "badge",
        "add",
        "Target exam",
        "--key",
        "next",
        "--issuer",
        "IBM",
        "--goal",
        "2027-Q2",
    ]);
    assert_eq!(
        env.ok(&["badge", "list"]),
        "\
STATUS        KEY                            NAME                                           ISSUER            EXPIRES      STUDIED
expiring 54d  solutions-architect-associate  AWS Certified Solutions Architect – Associate  Amazon Web Serv…  2027-03-01    0m/20h
target 175d   next                           Target exam                                    IBM               -              0m/6h
active 369d   ds-basic                       データサイエンス基礎                           IBM               2028-01-10  0m/1h30m
"
    );
    let show = env.ok(&["badge", "show", "next"]);
    assert!(show.contains("goal           2027-06-30"), "{show}");
    env.ok(&[
        "badge",
        "edit",
        "solutions-architect-associate",
        "--key",
        "aws-saa",
        "--notes",
        "書籍",
    ]);
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["badge", "show", "aws-saa", "--json"])).unwrap();
    assert_eq!(json["notes"], "書籍");
    assert_eq!(json["status"], "expiring");
    assert_eq!(json["effort_minutes"], 1200, "AWS default effort");
    assert_eq!(json["tags"], serde_json::json!(["aws"]));
    // An empty value clears a field.
    env.ok(&["badge", "edit", "aws-saa", "--notes", ""]);
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["badge", "show", "aws-saa", "--json"])).unwrap();
    assert_eq!(json["notes"], serde_json::Value::Null);
    // Renewal: today + the issuer's validity (AWS: 3 years).
    assert_eq!(
        env.ok(&["badge", "renew", "aws-saa"]),
        "renewed aws-saa: expires 2030-01-05\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["badge", "show", "aws-saa", "--json"])).unwrap();
    assert_eq!(json["renewed_on"], "2027-01-06");
    env.ok(&["badge", "archive", "ds-basic"]);
    assert!(!env.ok(&["badge", "list"]).contains("ds-basic"));
    assert!(env.ok(&["badge", "list", "--all"]).contains("ds-basic"));
    env.ok(&["badge", "archive", "ds-basic", "--restore"]);
    assert!(env.ok(&["badge", "list"]).contains("ds-basic"));
    env.ok(&["badge", "rm", "next"]);
    assert!(!env.ok(&["badge", "list"]).contains("next"));
    assert_eq!(env.ok(&["undo"]), "undid: delete badge next\n");
    assert!(env.ok(&["badge", "list"]).contains("next"));
}

#[test]
fn list_filters_by_status() {
    let env = Env::new();
    env.ok(&[
        "badge",
        "add",
        "A",
        "--key",
        "a",
        "--issuer",
        "IBM",
        "--earned",
        "2026-01-01",
        "--expires",
        "2027-02-01",
    ]);
    env.ok(&[
        "badge",
        "add",
        "B",
        "--key",
        "b",
        "--issuer",
        "IBM",
        "--earned",
        "2026-01-01",
    ]);
    let out: serde_json::Value =
        serde_json::from_str(&env.ok(&["badge", "list", "--status", "no-expiry", "--json"]))
            .unwrap();
    assert_eq!(out.as_array().unwrap().len(), 1);
    assert_eq!(out[0]["key"], "b");
    let err = env.fails(&["badge", "list", "--status", "soon"]);
    assert!(err.contains("'soon' is not a status"), "{err}");
}

#[test]
fn vendor_periods_are_the_last_day() {
    let env = Env::new();
    env.ok(&[
        "badge",
        "add",
        "Old",
        "--key",
        "old",
        "--issuer",
        "IBM",
        "--earned",
        "2025-01-01",
        "--expires",
        "2028-01-01",
        "--retires",
        "2027",
        "--replaced-by",
        "",
    ]);
    env.ok(&[
        "badge",
        "add",
        "New",
        "--key",
        "new",
        "--issuer",
        "IBM",
        "--available",
        "Q1 '27",
    ]);
    env.ok(&["badge", "edit", "old", "--replaced-by", "new"]);
    let old: serde_json::Value =
        serde_json::from_str(&env.ok(&["badge", "show", "old", "--json"])).unwrap();
    assert_eq!(old["retires_on"], "2027-12-31");
    assert_eq!(old["replaced_by"], "new");
    let new: serde_json::Value =
        serde_json::from_str(&env.ok(&["badge", "show", "new", "--json"])).unwrap();
    assert_eq!(new["available_on"], "2027-03-31");
}

#[test]
fn bad_input_is_one_line_and_changes_nothing() {
    let env = Env::new();
    env.ok(&[
        "badge",
        "add",
        "A",
        "--key",
        "a",
        "--issuer",
        "IBM",
        "--earned",
        "2026-01-01",
        "--expires",
        "2027-06-01",
    ]);
    let before = env.snapshot();
    for (args, needle) in [
        (
            vec!["badge", "add", "B", "--expires", "2027-02-30"],
            "2027-02-30 is not a date",
        ),
        (vec!["badge", "add", "B", "--key", "a"], "already exists"),
        (vec!["badge", "add", "B", "--key", "Bad Key"], "--key"),
        (
            vec!["badge", "add", "B", "--issuer", "Oracel"],
            "unknown issuer 'Oracel'",
        ),
        (
            vec!["badge", "add", "B", "--effort", "lots"],
            "is not a duration",
        ),
        (
            vec!["badge", "add", "B", "--priority", "urgent"],
            "not a priority",
        ),
        (
            vec!["badge", "add", "B", "--replaced-by", "zz"],
            "no badge has the key 'zz'",
        ),
        (
            vec![
                "badge",
                "add",
                "B",
                "--earned",
                "2027-01-01",
                "--expires",
                "2026-01-01",
            ],
            "before it was earned",
        ),
        (
            vec!["badge", "edit", "zz", "--notes", "x"],
            "no badge has the key 'zz'",
        ),
        (
            vec!["badge", "edit", "a", "--goal", "2027-13-01"],
            "is not a date",
        ),
        (vec!["badge", "show", "aa"], "did you mean 'a'"),
        (
            vec!["badge", "renew", "a", "--expires", "2026-01-01"],
            "not after today",
        ),
        (vec!["badge", "rm", "nope"], "no badge has the key 'nope'"),
        (
            vec!["badge", "archive", "nope"],
            "no badge has the key 'nope'",
        ),
        (vec!["window", "rm", "42"], "no window"),
        (vec!["log", "--since", "yesterday-ish"], "--since"),
    ] {
        let err = env.fails(&args);
        assert!(err.contains(needle), "{args:?} gave {err}");
        assert_eq!(env.snapshot(), before, "{args:?} changed the database");
    }
}

#[test]
fn a_retiring_badge_says_what_replaces_it_or_to_let_it_lapse() {
    let env = Env::new();
    for (name, key, extra) in [
        ("Old Exam", "old", vec!["--retires", "2027-02-01"]),
        ("New Exam", "new", vec![]),
        (
            "Mid Exam",
            "mid",
            vec!["--retires", "2027-03-01", "--replaced-by", "new"],
        ),
    ] {
        let mut args = vec![
            "badge",
            "add",
            name,
            "--key",
            key,
            "--issuer",
            "IBM",
            "--earned",
            "2026-01-01",
            "--expires",
            "2027-06-30",
        ];
        args.extend(extra);
        env.ok(&args);
    }
    let list = env
        .cmd()
        .env("COLUMNS", "80")
        .args(["badge", "list"])
        .output()
        .unwrap();
    let list = String::from_utf8(list.stdout).unwrap();
    assert!(
        list.lines().next().unwrap().contains("REPLACEMENT"),
        "{list}"
    );
    let row = |k: &str| {
        list.lines()
            .find(|l| l.contains(&format!(" {k} ")))
            .unwrap()
            .to_string()
    };
    assert!(row("old").contains("none: lapse"), "{list}");
    assert!(row("mid").contains(" new "), "{list}");
    assert!(list.lines().all(|l| l.chars().count() <= 80), "{list}");
    let show = env.ok(&["badge", "show", "old"]);
    assert!(
        show.contains("2027-02-01, with no replacement: let it lapse"),
        "{show}"
    );
    // A loop of replacements is refused, also one a rename would close.
    let before = env.snapshot();
    let err = env.fails(&["badge", "edit", "new", "--replaced-by", "mid"]);
    assert!(err.contains("loop (new → mid → new)"), "{err}");
    let err = env.fails(&[
        "badge",
        "edit",
        "new",
        "--key",
        "n2",
        "--replaced-by",
        "mid",
    ]);
    assert!(err.contains("loop (n2 → mid → n2)"), "{err}");
    let err = env.fails(&[
        "badge",
        "edit",
        "old",
        "--key",
        "o2",
        "--replaced-by",
        "old",
    ]);
    assert!(err.contains("loop (o2 → o2)"), "{err}");
    assert_eq!(env.snapshot(), before);
    // Other edits of a badge in a chain go through.
    env.ok(&["badge", "edit", "mid", "--effort", "5h"]);
    let out = env.ok(&["badge", "rm", "new"]);
    assert!(out.contains("mid no longer has a replacement"), "{out}");
}

#[test]
fn renew_refuses_what_cannot_be_renewed_and_earns_a_target() {
    let env = Env::new();
    for (key, extra) in [
        (
            "gone",
            vec![
                "--earned",
                "2025-01-01",
                "--expires",
                "2027-06-30",
                "--retires",
                "2026-12-01",
            ],
        ),
        ("forever", vec!["--earned", "2025-01-01"]),
        ("goal", vec![]),
    ] {
        let mut args = vec!["badge", "add", key, "--key", key, "--issuer", "IBM"];
        args.extend(extra);
        env.ok(&args);
    }
    let before = env.snapshot();
    let err = env.fails(&["badge", "renew", "gone"]);
    assert!(
        err.contains("gone retired on 2026-12-01: it can no longer be renewed"),
        "{err}"
    );
    let err = env.fails(&["badge", "renew", "forever"]);
    assert!(
        err.contains("forever never expires: nothing to renew"),
        "{err}"
    );
    assert_eq!(env.snapshot(), before);
    let out = env.ok(&["badge", "renew", "goal"]);
    assert!(out.starts_with("earned goal: expires "), "{out}");
    // On its retirement day a badge is still retiring, so it can still be renewed.
    env.ok(&[
        "badge",
        "add",
        "last",
        "--key",
        "last",
        "--issuer",
        "IBM",
        "--earned",
        "2025-01-01",
        "--expires",
        "2027-06-30",
        "--retires",
        "2027-01-06",
    ]);
    let out = env.ok(&["badge", "renew", "last"]);
    assert!(out.starts_with("renewed last"), "{out}");
}

#[test]
fn add_says_an_empty_expiry_is_read_as_never_when_the_issuer_gives_a_validity() {
    // DESIGN 7: the command line reads an empty expiry as never, and `badge add` says
    // which it assumed (found driving a week: an AWS badge quietly became no-expiry).
    let env = Env::new();
    let add = |args: &[&str]| {
        let mut all = vec!["badge", "add"];
        all.extend_from_slice(args);
        env.ok(&all)
    };
    assert_eq!(
        add(&[
            "AWS SAA",
            "--key",
            "aws-saa",
            "--issuer",
            "aws",
            "--earned",
            "2024-03-20"
        ]),
        "added aws-saa (AWS SAA)\n\
         no --expires: aws-saa never expires; Amazon Web Services certifications usually last 3 years: sukima badge edit aws-saa --expires 2027-03-20\n"
    );
    // The suggested command does what it says.
    env.ok(&["badge", "edit", "aws-saa", "--expires", "2027-03-20"]);
    assert!(env.ok(&["badge", "show", "aws-saa"]).contains("2027-03-20"));
    // An expiry given, or a target (not earned): nothing assumed, nothing said.
    assert_eq!(
        add(&[
            "AZ-104",
            "--key",
            "az-104",
            "--issuer",
            "Microsoft",
            "--earned",
            "2026-02-20",
            "--expires",
            "2027-02-20"
        ]),
        "added az-104 (AZ-104)\n"
    );
    assert_eq!(
        add(&["GCP PDE", "--key", "gcp-pde", "--issuer", "Google Cloud"]),
        "added gcp-pde (GCP PDE)\n"
    );
    // In Japanese.
    let out = env
        .cmd()
        .env("LANG", "ja_JP.UTF-8")
        .args([
            "badge",
            "add",
            "AZ-900",
            "--key",
            "az-900",
            "--issuer",
            "microsoft",
            "--earned",
            "2026-06-01",
        ])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "az-900 (AZ-900) を追加しました\n\
         --expires がないので az-900 は無期限としました。Microsoft の認定は通常 1年 有効です: sukima badge edit az-900 --expires 2027-06-01\n"
    );
}
