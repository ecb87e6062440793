use crate::common::Env;

/// One renewal due in three weeks, a weekday commute window, fixed clock (Wed 08:00).
fn setup() -> Env {
    let env = Env::new();
    env.ok(&[
        "badge",
        "add",
        "Azure Administrator",
        "--key",
        "az-104",
        "--issuer",
        "Microsoft",
        "--earned",
        "2026-02-10",
        "--expires",
        "2027-02-10",
        "--effort",
        "2h",
    ]);
    env.ok(&["window", "add", "weekdays", "7:10-7:40", "commute"]);
    env
}

#[test]
fn plan_json_has_the_documented_shape() {
    let env = setup();
    let v: serde_json::Value = serde_json::from_str(&env.ok(&["plan", "--json"])).unwrap();
    assert_eq!(v["now"], "2027-01-06T08:00");
    let b = &v["badges"][0];
    for field in [
        "badge",
        "name",
        "status",
        "release",
        "due",
        "remaining_minutes",
        "planned_minutes",
        "shortfall_minutes",
        "finish",
        "slack_minutes",
        "at_risk",
        "after",
    ] {
        assert!(b.get(field).is_some(), "badges[0] lacks {field}: {b}");
    }
    assert_eq!(b["badge"], "az-104");
    assert_eq!(b["due"], "2027-02-03", "expiry minus the 7-day buffer");
    assert_eq!(b["remaining_minutes"], 120);
    assert_eq!(b["planned_minutes"], 120);
    assert_eq!(b["at_risk"], false);
    let sessions = v["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 4, "four 30-minute commutes: {sessions:?}");
    assert_eq!(
        sessions[0],
        serde_json::json!({"badge": "az-104", "start": "2027-01-07T07:10", "end": "2027-01-07T07:40", "minutes": 30, "pinned": false, "step": null})
    );
    // Today's commute has passed (it is 08:00): the plan starts tomorrow.
    assert!(
        sessions
            .iter()
            .all(|s| s["start"].as_str().unwrap() > "2027-01-06T08:00")
    );
}

#[test]
fn logging_study_shrinks_the_plan_and_undo_restores_it() {
    let env = setup();
    let before = env.ok(&["plan", "--json"]);
    assert_eq!(
        env.ok(&["add", "1h #az-104 yesterday"]),
        "log 1h on Azure Administrator (#az-104), Tue 2027-01-05\n"
    );
    let v: serde_json::Value = serde_json::from_str(&env.ok(&["plan", "--json"])).unwrap();
    assert_eq!(v["badges"][0]["remaining_minutes"], 60);
    assert_eq!(v["sessions"].as_array().unwrap().len(), 2);
    let undone = env.ok(&["undo"]);
    assert!(undone.starts_with("undid: log 1h on az-104"), "{undone}");
    assert_eq!(env.ok(&["plan", "--json"]), before);
}

#[test]
fn a_renewal_that_cannot_fit_is_at_risk_with_a_rescue() {
    let env = setup();
    env.ok(&["badge", "edit", "az-104", "--effort", "11h"]);
    let v: serde_json::Value = serde_json::from_str(&env.ok(&["plan", "--json"])).unwrap();
    let b = &v["badges"][0];
    assert_eq!(b["at_risk"], true);
    // Commutes from Thu 01-07 to Wed 02-03: 20 weekdays, 30 minutes each: 10h of 11h.
    assert_eq!(b["planned_minutes"], 20 * 30);
    assert_eq!(b["shortfall_minutes"], 60);
    let text = env.ok(&["plan"]);
    assert!(text.contains("1 at risk"), "{text}");
}

#[test]
fn agenda_lists_sessions_and_renewal_events_day_by_day() {
    let env = setup();
    let out = env.ok(&["agenda", "--days", "3"]);
    assert_eq!(
        out,
        "\
Wed 2027-01-06  today
  nothing planned
Thu 2027-01-07
  07:10-07:40    30m  az-104          Azure Administrator
Fri 2027-01-08
  07:10-07:40    30m  az-104          Azure Administrator
"
    );
    let v: serde_json::Value =
        serde_json::from_str(&env.ok(&["agenda", "--days", "40", "--json"])).unwrap();
    let days = v.as_array().unwrap();
    assert_eq!(days.len(), 40);
    let expiry = days.iter().find(|d| d["date"] == "2027-02-10").unwrap();
    assert_eq!(expiry["events"][0]["kind"], "expiry");
    let due = days.iter().find(|d| d["date"] == "2027-02-03").unwrap();
    assert_eq!(due["events"][0]["kind"], "due");
}

#[test]
fn due_is_one_line_or_nothing() {
    let env = Env::new();
    assert_eq!(env.ok(&["due"]), "", "nothing due: empty output");
    let env = setup();
    assert_eq!(env.ok(&["due"]), "next Thu 01-07 07:10 az-104 30m\n");
    env.ok(&["badge", "edit", "az-104", "--expires", "2027-01-20"]);
    let line = env.ok(&["due"]);
    assert!(line.contains("1 expiring within 30d"), "{line}");
    assert_eq!(line.lines().count(), 1);
    let json: serde_json::Value = serde_json::from_str(&env.ok(&["due", "--json"])).unwrap();
    assert_eq!(json["expiring"], 1);
    assert_eq!(json["at_risk"], 0);
    assert_eq!(json["next"]["badge"], "az-104");
    assert_eq!(json["next"]["start"], "2027-01-07T07:10");
    // Nothing due is still a document.
    let json: serde_json::Value = serde_json::from_str(&Env::new().ok(&["due", "--json"])).unwrap();
    assert_eq!(json["next"], serde_json::Value::Null);
}

#[test]
fn calendar_json_has_every_day_of_the_month() {
    let env = setup();
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["calendar", "--month", "2027-02", "--json"])).unwrap();
    assert_eq!(json["month"], "2027-02");
    let days = json["days"].as_array().unwrap();
    assert_eq!(days.len(), 28);
    let expiry = &days[9];
    assert_eq!(expiry["date"], "2027-02-10");
    assert_eq!(expiry["events"][0]["kind"], "expiry");
    assert_eq!(expiry["events"][0]["badge"], "az-104");
}

#[test]
fn quick_add_writes_what_it_says_and_bad_lines_change_nothing() {
    let env = setup();
    assert_eq!(
        env.ok(&["add", "30m #az-104"]),
        "log 30m on Azure Administrator (#az-104), Wed 2027-01-06 07:30-08:00\n"
    );
    assert_eq!(
        env.ok(&["add", "1h az-104 tomorrow 19:00"]),
        "pin 1h on Azure Administrator (#az-104), Thu 2027-01-07 19:00-20:00\n"
    );
    let out = env.ok(&["add", "free sat 9:00-11:00 hike"]);
    assert!(
        out.contains("2027-01-09") && out.contains("09:00-11:00"),
        "{out}"
    );
    let before = env.snapshot();
    for (text, needle) in [
        ("#az-104", "no duration"),
        ("30m #zz-999", "unknown badge"),
        ("30m #az-104 2027-02-30", "2027-02-30 is not a date"),
        ("1h #az-104 7:30", "ends at 08:30, after now"),
        (
            "30m #az-104 tomorrow 19:30",
            "overlaps the session pinned on az-104 19:00-20:00",
        ),
    ] {
        let err = env.fails(&["add", text]);
        assert!(err.contains(needle), "{text}: {err}");
        assert_eq!(env.snapshot(), before);
    }
    let log: serde_json::Value = serde_json::from_str(&env.ok(&["log", "--json"])).unwrap();
    assert_eq!(log[0]["minutes"], 30);
    assert_eq!(log[0]["start"], "07:30");
}

#[test]
fn calendar_prints_the_month_within_80_columns() {
    let env = setup();
    let out = env.ok(&["calendar", "--month", "2027-02"]);
    assert!(out.contains("February 2027"), "{out}");
    assert!(out.contains("Azure Administrator"), "events listed: {out}");
    for line in out.lines() {
        assert!(sukima::text::width(line) <= 80, "too wide: {line}");
    }
    let err = env.fails(&["calendar", "--month", "2027-13"]);
    assert!(err.contains("is not a month"), "{err}");
}

#[test]
fn dates_in_another_year_carry_their_year() {
    let env = setup();
    let now = ["--now", "2026-12-30T08:00"];
    let plan = env.ok(&[now[0], now[1], "plan", "--days", "5"]);
    // The due date lies in 2027: the outcome table gives every date its year.
    assert!(
        plan.contains("az-104  Azure Administrator  2027-02-03"),
        "{plan}"
    );
    // 08:00 is past today's window. The list reaches into 2027: every line has its year, so the columns line up.
    let sessions: Vec<&str> = plan
        .lines()
        .skip_while(|l| !l.starts_with("Sessions, next 5 days"))
        .skip(1)
        .collect();
    assert_eq!(
        sessions,
        [
            "  Thu 2026-12-31 07:10-07:40    30m  az-104          Azure Administrator",
            "  Fri 2027-01-01 07:10-07:40    30m  az-104          Azure Administrator",
        ],
        "{plan}"
    );
    // Within one year, the short form.
    let plan = env.ok(&[now[0], now[1], "plan", "--days", "2"]);
    assert!(plan.contains("\n  Thu 12-31 07:10-07:40"), "{plan}");
    assert_eq!(
        env.ok(&["--now", "2026-12-31T20:00", "due"]),
        "next Fri 2027-01-01 07:10 az-104 30m\n"
    );
}
