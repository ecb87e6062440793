use super::{En, Ja, Texts};
use crate::domain::badge::Badge;
use crate::domain::plan::{Outcome, Risk};
use crate::domain::status::Status;
use chrono::NaiveDate;

fn both(f: impl Fn(&dyn Texts) -> String) -> (String, String) {
    (f(&En), f(&Ja))
}

#[test]
fn status_labels_in_both_languages() {
    let today = NaiveDate::from_ymd_opt(2027, 1, 6).unwrap();
    let expiring = Badge {
        earned_on: NaiveDate::from_ymd_opt(2026, 1, 31),
        expires_on: NaiveDate::from_ymd_opt(2027, 1, 31),
        ..Badge::default()
    };
    let expired = Badge {
        earned_on: NaiveDate::from_ymd_opt(2025, 1, 3),
        expires_on: NaiveDate::from_ymd_opt(2027, 1, 3),
        ..Badge::default()
    };
    let target = Badge::default();
    let cases = [
        (&expiring, Status::Expiring, "expiring 25d", "失効間近 25日"),
        (&expired, Status::Expired, "expired 3d ago", "失効 3日前"),
        (&target, Status::Target, "target", "目標"),
    ];
    for (b, st, en, ja) in cases {
        assert_eq!(
            both(|t| t.status_label(b, st, today)),
            (en.into(), ja.into())
        );
    }
}

#[test]
fn a_target_the_plan_gives_a_due_counts_down_to_it() {
    use crate::domain::work::{Idle, PlanTarget, Work};
    let today = NaiveDate::from_ymd_opt(2027, 1, 6).unwrap();
    let due = NaiveDate::from_ymd_opt(2027, 2, 5).unwrap();
    let given = Work::Target(PlanTarget {
        key: "found".into(),
        release: today,
        due,
        remaining: 60,
        priority: crate::domain::badge::Priority::Normal,
        after: Vec::new(),
    });
    let idle = Work::Nothing(Idle::NoGoal);
    let found = Badge::default();
    let label = |b: &Badge, w: &Work| both(|t| t.planned_status_label(b, Status::Target, w, today));
    // A prerequisite without a goal: the due its dependent gives it.
    assert_eq!(
        label(&found, &given),
        ("target 30d".into(), "目標 30日".into())
    );
    // Nothing planned: no countdown.
    assert_eq!(label(&found, &idle), ("target".into(), "目標".into()));
    // A goal of its own stays its countdown.
    let goal = Badge {
        goal_on: NaiveDate::from_ymd_opt(2027, 3, 8),
        ..Badge::default()
    };
    assert_eq!(
        label(&goal, &given),
        ("target 61d".into(), "目標 61日".into())
    );
}

#[test]
fn day_names_give_the_year_of_another_year() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    let day = |m, d| NaiveDate::from_ymd_opt(if m == 12 { 2026 } else { 2027 }, m, d).unwrap();
    let cases = [
        (day(12, 31), "today", "今日"),
        (day(1, 1), "tomorrow", "明日"),
        (day(1, 4), "Mon 2027-01-04", "2027年1月4日(月)"),
    ];
    for (d, en, ja) in cases {
        assert_eq!(both(|t| t.day_name(d, today)), (en.into(), ja.into()));
    }
    let earlier = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    assert_eq!(En.day_name(day(12, 4), earlier), "Fri 12-04");
    assert_eq!(Ja.day_name(day(12, 4), earlier), "12月4日(金)");
    // The date of a title and of the clock: the year only in another year.
    assert_eq!(
        both(|t| t.weekday_date(day(1, 4), today)),
        ("Mon 2027-01-04".into(), "2027年1月4日(月)".into())
    );
    assert_eq!(
        both(|t| t.weekday_date_time(day(12, 4).and_hms_opt(8, 0, 0).unwrap(), today)),
        ("Fri 2026-12-04 08:00".into(), "12月4日(金) 08:00".into())
    );
}

#[test]
fn japanese_dates_and_durations_read_as_japanese() {
    let today = NaiveDate::from_ymd_opt(2027, 1, 6).unwrap();
    let cases = [
        (
            NaiveDate::from_ymd_opt(2027, 1, 14).unwrap(),
            "2027-01-14",
            "1月14日(木)",
        ),
        (
            NaiveDate::from_ymd_opt(2026, 12, 28).unwrap(),
            "2026-12-28",
            "2026年12月28日(月)",
        ),
    ];
    for (d, en, ja) in cases {
        assert_eq!(both(|t| t.date(d, today)), (en.into(), ja.into()));
    }
    for (m, en, ja) in [
        (45, "45m", "45分"),
        (60, "1h", "1時間"),
        (90, "1h30m", "1時間30分"),
        (605, "10h05m", "10時間5分"),
    ] {
        assert_eq!(both(|t| t.minutes(m)), (en.into(), ja.into()));
    }
}

#[test]
fn risk_texts_in_both_languages() {
    let day = |m, d| NaiveDate::from_ymd_opt(2027, m, d).unwrap();
    let mut o = Outcome {
        key: "k".into(),
        release: day(1, 6),
        due: day(2, 3),
        remaining: 600,
        planned_before_due: 300,
        shortfall: 300,
        finish: None,
        slack: 0,
        at_risk: true,
        risk: Some(Risk::NotEnoughTime {
            extra_minutes_per_day: Some(15),
            extra_spare_minutes: Some(300),
        }),
    };
    assert_eq!(
        both(|t| t.risk_text(&o, day(1, 6))),
        (
            "short 5h by 2027-02-03, not ready within the plan".into(),
            "期限 2月3日(水) までに 5時間 不足、計画の範囲では終わりません".into()
        )
    );
    o.finish = NaiveDate::from_ymd_opt(2027, 2, 10);
    assert_eq!(
        En.risk_text(&o, day(1, 6)),
        "short 5h by 2027-02-03, ready 2027-02-10"
    );
    // Japanese names the year of a date in another year than today's.
    assert_eq!(
        Ja.risk_text(&o, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()),
        "期限 2027年2月3日(水) までに 5時間 不足、準備完了は 2027年2月10日(水)"
    );
    o.risk = Some(Risk::DuePassed);
    assert_eq!(
        Ja.risk_text(&o, day(2, 8)),
        "期限 2月3日(水) を過ぎています: 今から遅れて計画します"
    );
}

/// A calendar import that left things out, as both languages report it: the whole report
/// (the command line, the planner's report) and the short headline (its status line).
#[test]
fn calendar_import_reports_in_both_languages() {
    use crate::domain::change::{BadLine, CalendarImport, Done, LeftOut};
    let left = |uid: Option<&str>, line| LeftOut {
        uid: uid.map(str::to_string),
        line,
        reason: "it ends before it starts".into(),
    };
    let r = CalendarImport {
        file: "/home/me/Downloads/basic.ics".into(),
        source: "/home/me/Downloads/basic.ics".into(),
        added: 521,
        replaced: 520,
        free_or_cancelled: 2,
        outside_range: 0,
        horizon_days: 730,
        superseded: 1,
        unreadable: vec![
            left(Some("a@google.com"), 31),
            left(None, 40),
            left(Some("c"), 52),
            left(Some("d"), 60),
        ],
        bad_lines: vec![BadLine {
            line: 7,
            reason: "a line without ':'".into(),
        }],
        notes: vec![],
    };
    let done = Done::CalendarImported(r.clone());
    assert_eq!(
        En.done(&done),
        "imported 521 busy events from /home/me/Downloads/basic.ics (replacing 520 from the earlier import), skipped 2 (free or cancelled), 1 older copies of changed events left out, 4 unreadable events left out
  left out: event \"a@google.com\" (line 31): it ends before it starts
  left out: event without UID (line 40): it ends before it starts
  left out: event \"c\" (line 52): it ends before it starts
  left out: 1 more unreadable events
  note: 1 broken lines were read around (line 7: a line without ':')"
    );
    assert_eq!(
        Ja.done(&done),
        "/home/me/Downloads/basic.ics から予定 521件を取り込みました（前回の取り込み 520件を置き換え）、2件は空き時間か取り消しのため読み飛ばし、変更された予定の古い版 1件を除外、読めない予定 4件を除外
  除外: 予定 \"a@google.com\" (31行目): 終了が開始より前です
  除外: UID のない予定 (40行目): 終了が開始より前です
  除外: 予定 \"c\" (52行目): 終了が開始より前です
  除外: ほかに読めない予定 1件
  注意: 壊れた行 1件は補って読みました (7行目: ':' のない行)"
    );
    // The headline names the file, not its path twice, and keeps what was left out.
    assert_eq!(
        both(|t| t.calendar_headline(&r)),
        (
            "imported 521 busy events as 'basic.ics' (replacing 520), 4 unreadable left out"
                .into(),
            "予定 521件を「basic.ics」として取り込みました（520件を置き換え）、読めない予定 4件を除外"
                .into()
        )
    );
    let named = CalendarImport {
        source: "Team offsite".into(),
        added: 1,
        ..r
    };
    let quiet = CalendarImport {
        replaced: 0,
        unreadable: vec![],
        ..named
    };
    assert_eq!(
        both(|t| t.calendar_headline(&quiet)),
        (
            "imported 1 busy events as 'Team offsite'".into(),
            "予定 1件を「Team offsite」として取り込みました".into()
        )
    );
}

/// Every refusal of the one validation reads in each language: English as its `Display`,
/// Japanese in Japanese (the key, name or value it names kept as typed).
#[test]
fn badge_errors_in_both_languages() {
    use crate::domain::badge::KeyError;
    use crate::domain::validation::BadgeError;
    let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    let b = || "az-104".to_string();
    let errors = [
        BadgeError::Key(KeyError::Empty),
        BadgeError::Key(KeyError::TooLong {
            key: "k".repeat(41),
            max: 40,
        }),
        BadgeError::Key(KeyError::BadChar {
            key: "Bad Key".into(),
        }),
        BadgeError::NoName { badge: b() },
        BadgeError::NameTooLong {
            badge: b(),
            chars: 201,
        },
        BadgeError::ControlCharacter {
            badge: b(),
            field: "issuer",
        },
        BadgeError::ControlCharacterInNotes { badge: b() },
        BadgeError::UnknownIssuer {
            issuer: "Microsft".into(),
            suggestions: vec!["Microsoft".into()],
        },
        BadgeError::ReplacesItself { badge: b() },
        BadgeError::ExpiresBeforeEarned {
            badge: b(),
            earned: d("2026-03-01"),
            expires: d("2025-03-01"),
        },
        BadgeError::RenewedBeforeEarned {
            badge: b(),
            earned: d("2026-03-01"),
            renewed: d("2025-03-01"),
        },
        BadgeError::EarnedAfterToday {
            badge: b(),
            earned: d("2030-01-01"),
        },
        BadgeError::EffortTooLarge { badge: b() },
        BadgeError::BadTag("two words".into()),
        BadgeError::AfterKey {
            badge: b(),
            error: KeyError::Empty,
        },
        BadgeError::AfterItself { badge: b() },
    ];
    let japanese = |t: &str| {
        t.chars()
            .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'))
    };
    for e in &errors {
        let (en, ja) = both(|t| t.badge_error(e));
        assert_eq!(en, e.to_string());
        assert!(japanese(&ja) && !ja.contains("badge"), "{ja}");
    }
    assert_eq!(
        Ja.badge_error(&errors[7]),
        "発行元「Microsft」は未登録です（「Microsoft」のことですか？）: 設定済みの発行元 (`sukima config` を参照) を使うか、config.toml に [issuers.\"microsft\"] を追加してください"
    );
    // A refused spreadsheet row, named where it was read; a refused badge change too.
    let row = crate::io::InvalidRecord {
        origin: "typo-issuer.csv line 3".into(),
        source: crate::domain::Source::Csv,
        error: errors[7].clone(),
    };
    let (en, ja) = both(|t| t.error(&anyhow::Error::new(row.clone())));
    assert_eq!(en, row.to_string());
    assert!(
        ja.starts_with("typo-issuer.csv 3行目: 発行元「Microsft」は未登録です")
            && ja.ends_with("その行を直すか削除してから、もう一度取り込んでください"),
        "{ja}"
    );
    let refused = crate::domain::change::ChangeError::Badge(errors[9].clone());
    assert_eq!(
        Ja.error(&anyhow::Error::new(refused)),
        "バッジ 'az-104' の有効期限 (2025-03-01) が取得日 (2026-03-01) より前です"
    );
}
