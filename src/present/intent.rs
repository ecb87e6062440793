//! One-line previews of what a quick-add line will write, in each language: the
//! planner's live preview and what `sukima add` reports. English names its days by date
//! (`Wed 2027-01-06`, or `today` in the live preview); Japanese as `1月6日(水)`.

use crate::domain::badge::Badge;
use crate::domain::dates::hm;
use crate::domain::duration::format_minutes;
use crate::domain::quick_add::Intent;
use crate::domain::spare::{WeekdayOrd, WindowKind, format_days};
use crate::present::texts::{Ja, Texts};
use chrono::{Duration, NaiveDate, NaiveDateTime};
use std::collections::BTreeSet;

/// A one-line preview in English of what `intent` will write, with absolute dates:
/// `log 30m on AWS Certified Solutions Architect – Associate (#aws-saa), Wed 2027-01-06
/// 07:30-08:00`.
pub fn english(intent: &Intent, badges: &[Badge]) -> String {
    render(intent, badges, None)
}

/// Like [`english`], but says `today`, `yesterday` and `tomorrow` for those days (the
/// TUI's live preview passes the current date).
pub fn english_at(intent: &Intent, badges: &[Badge], today: NaiveDate) -> String {
    render(intent, badges, Some(today))
}

fn day(d: NaiveDate, today: Option<NaiveDate>) -> String {
    if let Some(t) = today {
        match (d - t).num_days() {
            0 => return "today".into(),
            -1 => return "yesterday".into(),
            1 => return "tomorrow".into(),
            _ => {}
        }
    }
    d.format("%a %Y-%m-%d").to_string()
}

fn badge(key: &str, badges: &[Badge]) -> String {
    match badges.iter().find(|b| b.key == key) {
        Some(b) if b.archived => format!("{} (#{key}, archived)", b.name),
        Some(b) => format!("{} (#{key})", b.name),
        None => format!("#{key}"),
    }
}

/// `07:30-08:00`, or `23:30-00:30 (next day)`.
fn stretch(start: NaiveDateTime, minutes: u32) -> String {
    let Some(end) = start.checked_add_signed(Duration::minutes(i64::from(minutes))) else {
        return format!("{} for {}", hm(start.time()), format_minutes(minutes));
    };
    let next = if end.date() > start.date() {
        " (next day)"
    } else {
        ""
    };
    format!("{}-{}{next}", hm(start.time()), hm(end.time()))
}

fn quoted(label: &str) -> String {
    if label.is_empty() {
        String::new()
    } else {
        format!(" \"{label}\"")
    }
}

fn render(intent: &Intent, badges: &[Badge], today: Option<NaiveDate>) -> String {
    match intent {
        Intent::Log(e) => {
            let when = match e.start {
                Some(s) => format!(
                    "{} {}",
                    day(e.date, today),
                    stretch(e.date.and_time(s), e.minutes)
                ),
                None => day(e.date, today),
            };
            let note = e
                .note
                .as_ref()
                .map(|n| format!(", note \"{n}\""))
                .unwrap_or_default();
            format!(
                "log {} on {}, {when}{note}",
                format_minutes(e.minutes),
                badge(&e.badge, badges)
            )
        }
        Intent::Pin(p) => format!(
            "pin {} on {}, {} {}",
            format_minutes(p.minutes),
            badge(&p.badge, badges),
            day(p.start.date(), today),
            stretch(p.start, p.minutes)
        ),
        Intent::Window(w) => match &w.kind {
            WindowKind::Weekly {
                days,
                start,
                end,
                from,
                to,
            } => {
                let bounds = match (from, to) {
                    (Some(f), Some(t)) => format!(", {} to {}", day(*f, today), day(*t, today)),
                    (Some(f), None) => format!(", from {}", day(*f, today)),
                    (None, Some(t)) => format!(", until {}", day(*t, today)),
                    (None, None) => String::new(),
                };
                format!(
                    "weekly spare time {} {}-{}{bounds}{}",
                    format_days(days),
                    hm(*start),
                    hm(*end),
                    quoted(&w.label)
                )
            }
            WindowKind::Once { date, start, end } => format!(
                "one-off spare time {} {}-{}{}",
                day(*date, today),
                hm(*start),
                hm(*end),
                quoted(&w.label)
            ),
            WindowKind::Blackout { from, to } if from == to => {
                format!("no study {}{}", day(*from, today), quoted(&w.label))
            }
            WindowKind::Blackout { from, to } => format!(
                "no study {} to {} ({} days){}",
                day(*from, today),
                day(*to, today),
                (*to - *from).num_days() + 1,
                quoted(&w.label)
            ),
        },
    }
}

/// A one-line preview in Japanese of what `intent` will write, its days relative to
/// `today` (`今日`, `昨日`, `明日`, else `1月6日(水)`).
pub fn japanese(intent: &Intent, badges: &[Badge], today: NaiveDate) -> String {
    let day = |d: NaiveDate| match (d - today).num_days() {
        0 => "今日".to_string(),
        -1 => "昨日".to_string(),
        1 => "明日".to_string(),
        _ => Ja.date(d, today),
    };
    let badge = |key: &str| match badges.iter().find(|b| b.key == key) {
        Some(b) if b.archived => format!("{} (#{key}、アーカイブ済み)", b.name),
        Some(b) => format!("{} (#{key})", b.name),
        None => format!("#{key}"),
    };
    let stretch = |start: NaiveDateTime, minutes: u32| {
        let Some(end) = start.checked_add_signed(Duration::minutes(i64::from(minutes))) else {
            return format!("{}から{}", hm(start.time()), Ja.minutes(minutes));
        };
        let next = if end.date() > start.date() {
            " (翌日)"
        } else {
            ""
        };
        format!("{}-{}{next}", hm(start.time()), hm(end.time()))
    };
    let quoted = |label: &str| {
        if label.is_empty() {
            String::new()
        } else {
            format!("「{label}」")
        }
    };
    match intent {
        Intent::Log(e) => {
            let when = match e.start {
                Some(s) => format!("{} {}", day(e.date), stretch(e.date.and_time(s), e.minutes)),
                None => day(e.date),
            };
            let note = e
                .note
                .as_ref()
                .map(|n| format!("、メモ「{n}」"))
                .unwrap_or_default();
            format!(
                "{}に{}を記録: {when}{note}",
                badge(&e.badge),
                Ja.minutes(e.minutes)
            )
        }
        Intent::Pin(p) => format!(
            "{}の学習{}を固定: {} {}",
            badge(&p.badge),
            Ja.minutes(p.minutes),
            day(p.start.date()),
            stretch(p.start, p.minutes)
        ),
        Intent::Window(w) => match &w.kind {
            WindowKind::Weekly {
                days,
                start,
                end,
                from,
                to,
            } => {
                let bounds = match (from, to) {
                    (Some(f), Some(t)) => format!("、{}〜{}", day(*f), day(*t)),
                    (Some(f), None) => format!("、{}から", day(*f)),
                    (None, Some(t)) => format!("、{}まで", day(*t)),
                    (None, None) => String::new(),
                };
                format!(
                    "毎週のスキマ時間 {} {}-{}{bounds}{}",
                    japanese_days(days),
                    hm(*start),
                    hm(*end),
                    quoted(&w.label)
                )
            }
            WindowKind::Once { date, start, end } => format!(
                "一度だけのスキマ時間 {} {}-{}{}",
                day(*date),
                hm(*start),
                hm(*end),
                quoted(&w.label)
            ),
            WindowKind::Blackout { from, to } if from == to => {
                format!("学習しない日 {}{}", day(*from), quoted(&w.label))
            }
            WindowKind::Blackout { from, to } => format!(
                "学習しない日 {}〜{} ({}日間){}",
                day(*from),
                day(*to),
                (*to - *from).num_days() + 1,
                quoted(&w.label)
            ),
        },
    }
}

/// Weekdays in Japanese: `平日`, `週末`, `毎日`, or `月・水・金`.
pub fn japanese_days(days: &BTreeSet<WeekdayOrd>) -> String {
    match format_days(days).as_str() {
        "weekdays" => "平日".into(),
        "weekends" => "週末".into(),
        "daily" => "毎日".into(),
        _ => days
            .iter()
            .map(|d| Ja.weekday(d.weekday()))
            .collect::<Vec<_>>()
            .join("・"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::quick_add::parse;

    fn now() -> NaiveDateTime {
        crate::domain::dates::parse_datetime("2027-01-06T08:00").unwrap()
    }

    fn badges() -> Vec<Badge> {
        let badge = |key: &str, name: &str, archived: bool| Badge {
            key: key.into(),
            name: name.into(),
            archived,
            ..Badge::default()
        };
        vec![
            badge(
                "aws-saa",
                "AWS Certified Solutions Architect – Associate",
                false,
            ),
            badge(
                "az-104",
                "Microsoft Certified: Azure Administrator Associate",
                false,
            ),
            badge("ds-basic", "データサイエンス基礎", false),
            badge("old-cert", "Legacy Java EE Developer", true),
        ]
    }

    #[test]
    fn describes_what_will_be_written() {
        let b = badges();
        let d = |s: &str| english(&parse(s, now(), &b).unwrap(), &b);
        assert_eq!(
            d("30m #aws-saa"),
            "log 30m on AWS Certified Solutions Architect – Associate (#aws-saa), Wed 2027-01-06 07:30-08:00"
        );
        assert_eq!(
            d("1h データ yesterday -- 第3章"),
            "log 1h on データサイエンス基礎 (#ds-basic), Tue 2027-01-05, note \"第3章\""
        );
        assert_eq!(
            d("90m #az-104 tomorrow 23:30"),
            "pin 1h30m on Microsoft Certified: Azure Administrator Associate (#az-104), Thu 2027-01-07 23:30-01:00 (next day)"
        );
        assert_eq!(
            d("free weekdays 7:10-7:40 commute"),
            "weekly spare time weekdays 07:10-07:40 \"commute\""
        );
        assert_eq!(
            d("free mon,wed 12:15-12:45 until 3/31"),
            "weekly spare time mon,wed 12:15-12:45, until Wed 2027-03-31"
        );
        assert_eq!(
            d("free sat 9-11"),
            "one-off spare time Sat 2027-01-09 09:00-11:00"
        );
        assert_eq!(
            d("off 12/28..1/3 new year"),
            "no study Tue 2027-12-28 to Mon 2028-01-03 (7 days) \"new year\""
        );
        assert_eq!(d("off tomorrow"), "no study Thu 2027-01-07");
        assert_eq!(
            d("30m #old-cert yesterday"),
            "log 30m on Legacy Java EE Developer (#old-cert, archived), Tue 2027-01-05"
        );
        let today = now().date();
        let rel = |s: &str| english_at(&parse(s, now(), &b).unwrap(), &b, today);
        assert_eq!(
            rel("30m #aws-saa"),
            "log 30m on AWS Certified Solutions Architect – Associate (#aws-saa), today 07:30-08:00"
        );
        assert_eq!(rel("off tomorrow"), "no study tomorrow");
        assert_eq!(
            rel("30分 データ 昨日"),
            "log 30m on データサイエンス基礎 (#ds-basic), yesterday"
        );
    }

    #[test]
    fn describes_what_will_be_written_in_japanese() {
        let b = badges();
        let today = now().date();
        let d = |s: &str| japanese(&parse(s, now(), &b).unwrap(), &b, today);
        for (line, want) in [
            (
                "30m #aws-saa",
                "AWS Certified Solutions Architect – Associate (#aws-saa)に30分を記録: 今日 07:30-08:00",
            ),
            (
                "1時間半 データ 昨日 -- 第3章",
                "データサイエンス基礎 (#ds-basic)に1時間30分を記録: 昨日、メモ「第3章」",
            ),
            (
                "90m #az-104 1/8 23:30",
                "Microsoft Certified: Azure Administrator Associate (#az-104)の学習1時間30分を固定: 1月8日(金) 23:30-01:00 (翌日)",
            ),
            (
                "free weekdays 7:10-7:40 commute",
                "毎週のスキマ時間 平日 07:10-07:40「commute」",
            ),
            (
                "空き 月,水 12:15-12:45",
                "毎週のスキマ時間 月・水 12:15-12:45",
            ),
            (
                "off 12/28..1/3 正月",
                "学習しない日 12月28日(火)〜2028年1月3日(月) (7日間)「正月」",
            ),
            (
                "30m #old-cert yesterday",
                "Legacy Java EE Developer (#old-cert、アーカイブ済み)に30分を記録: 昨日",
            ),
        ] {
            assert_eq!(d(line), want, "{line}");
        }
    }

    proptest::proptest! {
        /// Every line that parses has a preview in both languages.
        #[test]
        fn every_intent_has_a_preview(text in "[a-z0-9#: ./-]{0,30}|30m #aws-saa [a-z0-9:]{0,8}") {
            let b = badges();
            if let Ok(intent) = parse(&text, now(), &b) {
                proptest::prop_assert!(!english(&intent, &b).is_empty());
                proptest::prop_assert!(!english_at(&intent, &b, now().date()).is_empty());
                proptest::prop_assert!(!japanese(&intent, &b, now().date()).is_empty());
            }
        }
    }
}
