//! `sukima session …`, `sukima redo`, `sukima log edit/rm`: acting on the plan from the
//! shell, exact output, and the bad input of issue 13 (one line, nothing written).

use crate::common::Env;

/// A badge with 2h of work and half an hour every weekday evening (now: Wed 08:00).
fn env() -> Env {
    let env = Env::new();
    env.ok(&[
        "badge",
        "add",
        "AWS Solutions Architect",
        "--key",
        "aws-saa",
        "--issuer",
        "AWS",
        "--earned",
        "2024-02-01",
        "--expires",
        "2027-02-15",
        "--effort",
        "2h",
    ]);
    env.ok(&["window", "add", "weekdays 19:00-19:30 evening"]);
    env
}

fn session(start: &str, end: &str, pinned: bool, overdue: bool) -> String {
    format!(
        r#"  {{
    "badge": "aws-saa",
    "conflict": false,
    "end": "{end}",
    "minutes": 30,
    "overdue": {overdue},
    "pinned": {pinned},
    "start": "{start}",
    "step": null
  }}"#
    )
}

#[test]
fn list_prints_the_sessions_to_act_on() {
    let env = env();
    assert_eq!(
        env.ok(&["session", "list"]),
        "START             END    TIME  BADGE    STATE
2027-01-06T19:00  19:30   30m  aws-saa  planned
2027-01-07T19:00  19:30   30m  aws-saa  planned
2027-01-08T19:00  19:30   30m  aws-saa  planned
2027-01-11T19:00  19:30   30m  aws-saa  planned
"
    );
    let want = [
        session("2027-01-06T19:00", "2027-01-06T19:30", false, false),
        session("2027-01-07T19:00", "2027-01-07T19:30", false, false),
        session("2027-01-08T19:00", "2027-01-08T19:30", false, false),
        session("2027-01-11T19:00", "2027-01-11T19:30", false, false),
    ];
    assert_eq!(
        env.ok(&["session", "list", "--json"]),
        format!("[\n{}\n]\n", want.join(",\n"))
    );
}

#[test]
fn done_logs_the_session_and_the_plan_follows() {
    let env = env();
    assert_eq!(
        env.ok(&["session", "done", "next"]),
        "studied 30m on aws-saa at Wed 2027-01-06 19:00\n"
    );
    let log = env.ok(&["log", "--json"]);
    assert!(
        log.contains(r#""date": "2027-01-06""#) && log.contains(r#""start": "19:00""#),
        "{log}"
    );
    // 1h30m left: three sessions, the evening already studied is not planned again.
    assert_eq!(
        env.ok(&["session", "list"]),
        "START             END    TIME  BADGE    STATE
2027-01-07T19:00  19:30   30m  aws-saa  planned
2027-01-08T19:00  19:30   30m  aws-saa  planned
2027-01-11T19:00  19:30   30m  aws-saa  planned
"
    );
    assert_eq!(
        env.ok(&["session", "done", "2027-01-07T19:00", "--minutes", "20"]),
        "studied 20m on aws-saa at Thu 2027-01-07 19:00\n"
    );
    assert_eq!(
        env.ok(&["undo"]),
        "undid: done 20m on aws-saa at 2027-01-07T19:00\n"
    );
    assert_eq!(
        env.ok(&["redo"]),
        "redid: done 20m on aws-saa at 2027-01-07T19:00\n"
    );
    assert!(env.ok(&["log"]).contains("20m  aws-saa"));
}

#[test]
fn skip_blocks_the_time_and_move_pins_elsewhere() {
    let env = env();
    assert_eq!(
        env.ok(&["session", "skip", "2027-01-07T19:00"]),
        "skipped aws-saa Thu 2027-01-07 19:00-19:30; the work moves elsewhere\n"
    );
    let list = env.ok(&["session", "list"]);
    assert!(!list.contains("2027-01-07T19:00"), "{list}");
    assert!(
        list.contains("2027-01-12T19:00"),
        "the work moved on: {list}"
    );
    // Spare time names the skipped time for what it is, not as an imported calendar.
    let windows = env.ok(&["window", "list"]);
    assert!(
        windows.contains("1 session skipped, 2027-01-07T19:00 to 2027-01-07T19:30"),
        "{windows}"
    );
    assert!(!windows.contains("imported"), "{windows}");
    assert_eq!(
        env.ok(&["session", "move", "next", "--to", "tomorrow 7:00"]),
        "moved aws-saa from Wed 2027-01-06 19:00 to Thu 2027-01-07 07:00, pinned\n"
    );
    // The time it left is not given the same work again.
    let list = env.ok(&["session", "list"]);
    assert!(!list.contains("2027-01-06T19:00"), "{list}");
    let json = env.ok(&["session", "list", "--json"]);
    assert!(
        json.contains(&session(
            "2027-01-07T07:00",
            "2027-01-07T07:30",
            true,
            false
        )),
        "{json}"
    );
    // Unpinned, the planner takes the work back.
    assert_eq!(
        env.ok(&["session", "unpin", "2027-01-07T07:00"]),
        "unpinned aws-saa Thu 2027-01-07 07:00\n"
    );
    // Undo and redo walk the same changes.
    assert_eq!(
        env.ok(&["undo"]),
        "undid: unpin aws-saa Thu 2027-01-07 07:00\n"
    );
    assert_eq!(
        env.ok(&["undo"]),
        "undid: move aws-saa from 2027-01-06T19:00 to 2027-01-07T07:00\n"
    );
    assert_eq!(
        env.ok(&["redo"]),
        "redid: move aws-saa from 2027-01-06T19:00 to 2027-01-07T07:00\n"
    );
    // A new change clears what could be redone.
    env.ok(&["add", "10m #aws-saa"]);
    let err = env.fails(&["redo"]);
    assert_eq!(err, "error: nothing to redo (only what undo took back)\n");
}

#[test]
fn a_passed_pin_is_asked_about() {
    let env = env();
    env.ok(&["add", "30m #aws-saa today 12:00"]);
    let later = env
        .cmd()
        .env("SUKIMA_NOW", "2027-01-06T13:00")
        .args(["session", "list"])
        .output()
        .unwrap();
    let out = String::from_utf8(later.stdout).unwrap();
    assert!(
        out.starts_with(
            "START             END    TIME  BADGE    STATE
2027-01-06T12:00  12:30   30m  aws-saa  passed: did you study? (session done / unpin)
"
        ),
        "{out}"
    );
    let done = env
        .cmd()
        .env("SUKIMA_NOW", "2027-01-06T13:00")
        .args(["session", "done", "next"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(done.stdout).unwrap(),
        "studied 30m on aws-saa at Wed 2027-01-06 12:00\n"
    );
    // Answered: no longer pinned, no longer asked.
    let after = env.ok(&["export", "json", "-"]);
    assert!(after.contains(r#""pinned": []"#), "{after}");
}

#[test]
fn bad_input_is_one_line_and_writes_nothing() {
    let env = env();
    let before = env.snapshot();
    for (args, want) in [
        (
            &["session", "done", "2027-01-06T19:10"][..],
            "error: no session starts at 2027-01-06T19:10; the next is 2027-01-07T19:00\n",
        ),
        (
            &["session", "done", "2027-01-07T07:10"][..],
            "error: no session starts at 2027-01-07T07:10; the next is 19:00\n",
        ),
        (
            &["session", "done", "next", "--minutes", "0"][..],
            "error: 0 minutes is not a session's length: give 1 to 1440 minutes, like --minutes 30\n",
        ),
        (
            &["session", "done", "next", "--minutes", "25h"][..],
            "error: 1500 minutes is not a session's length: give 1 to 1440 minutes, like --minutes 30\n",
        ),
        (
            &["session", "skip", "soon"][..],
            "error: 'soon' names no session: write next, or its start like 2027-01-14T07:40 (see `sukima session list`)\n",
        ),
        (
            &["session", "move", "next", "--to", "yesterday 19:00"][..],
            "error: 2027-01-05T19:00: that time has passed: pick another time, or add --anyway to pin it there as a conflict\n",
        ),
        (
            &["session", "unpin", "next"][..],
            "error: aws-saa 2027-01-06T19:00 is not pinned: the planner placed it (skip or move it instead)\n",
        ),
        (
            &["log", "rm", "99"][..],
            "error: no log entry has the id 99: see `sukima log --json`\n",
        ),
    ] {
        assert_eq!(env.fails(args), want, "{args:?}");
        assert_eq!(env.snapshot(), before, "{args:?} wrote something");
    }
    // A move into a blackout is refused too, and allowed with --anyway as a conflict.
    env.ok(&["add", "off 2027-01-08 trip"]);
    let before = env.snapshot();
    assert_eq!(
        env.fails(&["session", "move", "next", "--to", "fri 19:00"]),
        "error: 2027-01-08T19:00: that day is a blackout (trip): pick another time, or add --anyway to pin it there as a conflict\n"
    );
    assert_eq!(env.snapshot(), before);
    assert_eq!(
        env.ok(&["session", "move", "next", "--to", "fri 19:00", "--anyway"]),
        "moved aws-saa from Wed 2027-01-06 19:00 to Fri 2027-01-08 19:00, pinned (a conflict: that day is a blackout (trip))\n"
    );
    let list = env.ok(&["session", "list"]);
    assert!(
        list.contains("2027-01-08T19:00  19:30   30m  aws-saa  pinned, a conflict"),
        "{list}"
    );
}

#[test]
fn log_entries_are_edited_and_removed_by_id() {
    let env = env();
    env.ok(&["add", "45m #aws-saa yesterday 19:00"]);
    assert_eq!(
        env.ok(&["log"]),
        "ID  DATE        START  TIME  BADGE    NOTE
 1  2027-01-05  19:00   45m  aws-saa
1 entry, 45m in all
"
    );
    assert_eq!(
        env.ok(&[
            "log",
            "edit",
            "1",
            "--minutes",
            "30",
            "--note",
            "on the train"
        ]),
        "updated log entry 1\n"
    );
    assert_eq!(
        env.ok(&["log", "--json"]),
        r#"[
  {
    "badge": "aws-saa",
    "date": "2027-01-05",
    "id": 1,
    "minutes": 30,
    "note": "on the train",
    "start": "19:00"
  }
]
"#
    );
    let before = env.snapshot();
    for (args, want) in [
        (
            &["log", "edit", "1", "--date", "2027-02-30"][..],
            "error: --date: 2027-02-30 is not a date\n",
        ),
        (
            &["log", "edit", "1", "--date", "2027-01-07"][..],
            "error: 2027-01-07 is after today: study is logged on the day it was done\n",
        ),
        (
            &["log", "edit", "1", "--minutes", "0"][..],
            "error: 0 minutes is not a session's length: give 1 to 1440 minutes, like --minutes 30\n",
        ),
        (
            &["log", "edit", "1", "--start", "25:00"][..],
            "error: --start '25:00' is not a time: write it as HH:MM\n",
        ),
    ] {
        assert_eq!(env.fails(args), want, "{args:?}");
        assert_eq!(env.snapshot(), before, "{args:?} wrote something");
    }
    assert_eq!(
        env.ok(&["log", "rm", "1"]),
        "deleted log entry 1 (2027-01-05 30m on aws-saa)\n"
    );
    assert_eq!(env.ok(&["undo"]), "undid: delete log 1\n");
    assert!(env.ok(&["log"]).contains("on the train"));
}

#[test]
fn sessions_name_their_step_and_redo_covers_step_changes() {
    let env = env();
    env.ok(&["step", "add", "aws-saa", "Module 1", "--minutes", "45m"]);
    env.ok(&["step", "add", "aws-saa", "Practice exam", "--minutes", "1h"]);
    // The sessions name the step they advance, as plan --json does.
    let v: serde_json::Value =
        serde_json::from_str(&env.ok(&["session", "list", "--json"])).unwrap();
    let steps: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(steps[..3], ["Module 1", "Module 1", "Practice exam"]);
    // A step marked done, undone, then redone: redo applies the same change again.
    let before = env.snapshot();
    assert_eq!(
        env.ok(&["step", "done", "aws-saa"]),
        "step 1 of aws-saa done: Module 1; next: 2 Practice exam\n"
    );
    let done = env.snapshot();
    assert_eq!(env.ok(&["undo"]), "undid: mark a step of aws-saa done\n");
    assert_eq!(env.snapshot(), before);
    assert_eq!(env.ok(&["redo"]), "redid: mark a step of aws-saa done\n");
    assert_eq!(env.snapshot(), done);
    // A deleted step comes back with undo and goes again with redo.
    env.ok(&["step", "rm", "aws-saa", "2"]);
    let gone = env.snapshot();
    env.ok(&["undo"]);
    assert_eq!(env.snapshot(), done);
    env.ok(&["redo"]);
    assert_eq!(env.snapshot(), gone);
}
