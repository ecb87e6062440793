//! The trust issue's findings, each as it was found by trying sukima as a new user would:
//! one story per badge on every screen, fixes that provably save a badge, pinned sessions
//! that break a rule said out loud, and nothing vanishing. (The plan moving with the clock
//! is in tests/tui/update.rs; the README's examples in readme.rs.)

use crate::common::{Env, s};
use serde_json::Value;

const NOW: &str = "2026-12-05T10:00";

fn at_now(env: &Env, args: &[&str]) -> String {
    let out = env
        .cmd()
        .env("SUKIMA_NOW", NOW)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(env: &Env, args: &[&str]) -> Value {
    serde_json::from_str(&at_now(env, args)).unwrap()
}

/// Finding 1: a badge that retires after it expires is expiring and renewed, on every
/// screen, whether typed or imported from a spreadsheet.
#[test]
fn a_badge_retiring_after_it_expires_is_renewed_and_every_screen_says_so() {
    let typed = Env::new();
    at_now(
        &typed,
        &[
            "badge",
            "add",
            "IBM Cloud Pak for Data v4.x Administrator",
            "--key",
            "cp4d",
            "--issuer",
            "IBM",
            "--earned",
            "2024-12-30",
            "--expires",
            "2026-12-30",
            "--retires",
            "2027",
        ],
    );
    let sheet = Env::new();
    let csv = sheet.write(
        "badges.csv",
        "name,issuer,earned_on,expires_on,retires_on\nIBM Cloud Pak for Data v4.x Administrator,IBM,2024-12-30,2026-12-30,2027-12-31\n",
    );
    at_now(&sheet, &["import", "csv", s(&csv)]);
    for env in [&typed, &sheet] {
        at_now(env, &["window", "add", "weekdays 7:10-7:40"]);
        let key = json(env, &["badge", "list", "--json"])[0]["key"]
            .as_str()
            .unwrap()
            .to_string();
        let list = at_now(env, &["badge", "list"]);
        assert!(list.contains("expiring 25d"), "{list}");
        assert!(list.contains("(retires 2027-12-31)"), "{list}");
        assert!(!list.contains("lapse"), "{list}");
        let show = at_now(env, &["badge", "show", &key]);
        assert!(!show.contains("let it lapse"), "{show}");
        assert!(
            show.contains("plan           renew by 2026-12-23"),
            "{show}"
        );
        assert!(
            show.contains("retires        2027-12-31, after it expires: renewed as usual"),
            "{show}"
        );
        let plan = json(env, &["plan", "--json"]);
        assert_eq!(plan["badges"][0]["badge"], key.as_str());
        assert_eq!(plan["badges"][0]["status"], "expiring");
        assert_eq!(plan["badges"][0]["due"], "2026-12-23");
        let due = at_now(env, &["due"]);
        assert!(due.contains("1 expiring within 30d"), "{due}");
    }
}

/// Finding 2: each fix the plan prints for the demo's badge at risk, run as printed on a
/// copy of the data, puts that badge on time.
#[test]
fn the_demos_printed_fixes_each_save_its_badge_when_run() {
    let env = Env::new();
    let backup = env.path("demo.json");
    at_now(&env, &["--demo", "export", "json", s(&backup)]);
    at_now(&env, &["import", "json", s(&backup)]);
    let plan = json(&env, &["plan", "--json"]);
    let risky: Vec<&Value> = plan["badges"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["at_risk"] == true)
        .collect();
    assert!(!risky.is_empty(), "the demo has a badge at risk");
    let mut proven = 0;
    for b in risky {
        let key = b["badge"].as_str().unwrap();
        for fix in b["fixes"].as_array().unwrap() {
            let copy = Env::new();
            at_now(&copy, &["import", "json", s(&backup)]);
            let config = copy.write("config.toml", "# the fixes write here\n");
            for cmd in fix["command"].as_str().unwrap().split(" && ") {
                let words = shell_words(cmd);
                assert_eq!(words[0], "sukima", "{cmd}");
                let mut args = vec!["--config".to_string(), s(&config).to_string()];
                args.extend(words[1..].iter().cloned());
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                at_now(&copy, &args);
            }
            let after = json(&copy, &["--config", s(&config), "plan", "--json"]);
            let o = after["badges"]
                .as_array()
                .unwrap()
                .iter()
                .find(|o| o["badge"] == key)
                .unwrap();
            assert_eq!(o["at_risk"], false, "{fix} does not save {key}: {o}");
            proven += 1;
        }
    }
    assert!(proven >= 1, "at least one fix was printed and proven");
}

/// Splits a printed command the way a shell would (double quotes only: what fixes print).
fn shell_words(cmd: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in cmd.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Finding 3: a blackout over a pinned session says so, and the session stays, flagged,
/// in the agenda and the plan (and `plan --json` lists the conflict).
#[test]
fn a_pinned_session_in_a_blackout_is_kept_and_flagged() {
    let env = Env::new();
    at_now(
        &env,
        &[
            "badge",
            "add",
            "AWS SAA",
            "--key",
            "aws",
            "--issuer",
            "AWS",
            "--earned",
            "2024-04-19",
            "--expires",
            "2027-03-10",
        ],
    );
    at_now(&env, &["add", "1h aws tomorrow 19:00"]);
    let said = at_now(&env, &["add", "off tomorrow"]);
    assert!(
        said.contains("it falls on 1 pinned session (kept, flagged in sukima plan)"),
        "{said}"
    );
    let agenda = at_now(&env, &["agenda", "--days", "2"]);
    assert!(agenda.contains("(pinned: in a blackout)"), "{agenda}");
    let plan = at_now(&env, &["plan"]);
    assert!(
        plan.contains("1 pinned session breaks the rules (kept, as you placed them):"),
        "{plan}"
    );
    let conflicts = &json(&env, &["plan", "--json"])["conflicts"];
    assert_eq!(
        conflicts,
        &serde_json::json!([{"badge": "aws", "start": "2026-12-06T19:00",
            "end": "2026-12-06T20:00", "reason": "blackout"}])
    );
    // Over the daily cap too: three hours pinned on one day.
    at_now(&env, &["add", "3h aws 2026-12-08 18:00"]);
    let conflicts = &json(&env, &["plan", "--json"])["conflicts"];
    assert!(
        conflicts
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["reason"] == "daily_cap" && c["start"] == "2026-12-08T18:00"),
        "{conflicts}"
    );
}

/// Finding 5: expired badges with nothing planned are named, not left out of "all on
/// time".
#[test]
fn expired_certifications_are_named_by_plan_and_counted_by_due() {
    let env = Env::new();
    for (key, expired) in [
        ("a", "2026-11-16"),
        ("b", "2026-09-01"),
        ("c", "2026-07-01"),
        ("d", "2026-05-31"),
    ] {
        at_now(
            &env,
            &[
                "badge",
                "add",
                key,
                "--key",
                key,
                "--issuer",
                "Microsoft",
                "--earned",
                "2025-01-01",
                "--expires",
                expired,
            ],
        );
    }
    let plan = at_now(&env, &["plan"]);
    assert!(
        plan.contains("4 expired with nothing planned: renew (`sukima badge renew KEY`), set a goal date, or archive (`sukima badge archive KEY`): a, b, c, d"),
        "{plan}"
    );
    assert_eq!(at_now(&env, &["due"]), "4 expired\n");
    assert_eq!(json(&env, &["due", "--json"])["expired"], 4);
}
