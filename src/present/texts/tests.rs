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
fn day_names_give_the_year_of_another_year() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    let day = |m, d| NaiveDate::from_ymd_opt(if m == 12 { 2026 } else { 2027 }, m, d).unwrap();
    let cases = [
        (day(12, 31), "today", "今日"),
        (day(1, 1), "tomorrow", "明日"),
        (day(1, 4), "Mon 2027-01-04", "2027-01-04(月)"),
    ];
    for (d, en, ja) in cases {
        assert_eq!(both(|t| t.day_name(d, today)), (en.into(), ja.into()));
    }
    let earlier = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    assert_eq!(En.day_name(day(12, 4), earlier), "Fri 12-04");
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
        both(|t| t.risk_text(&o)),
        (
            "short 5h by 2027-02-03, not ready within the plan".into(),
            "期限 2027-02-03 までに 5h 不足、計画の範囲では終わりません".into()
        )
    );
    o.finish = NaiveDate::from_ymd_opt(2027, 2, 10);
    assert_eq!(En.risk_text(&o), "short 5h by 2027-02-03, ready 2027-02-10");
    o.risk = Some(Risk::DuePassed);
    assert_eq!(
        Ja.risk_text(&o),
        "期限 2027-02-03 を過ぎています: 今から遅れて計画します"
    );
}
