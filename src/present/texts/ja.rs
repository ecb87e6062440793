//! The Japanese words of [`Texts`].

use super::{Ja, Texts};
use crate::config::Language;
use crate::domain::badge::Badge;
use crate::domain::dates::month_day;
use crate::domain::plan::{Outcome, Risk};
use crate::domain::status::{Band, Status, countdown_days};
use crate::domain::work::Idle;
use crate::present::month::DayEventKind;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};

/// Minutes as the TUI's compact duration (`1h30m`): the risk advice keeps the short form
/// the planner's columns were laid out for.
fn short(minutes: u32) -> String {
    crate::domain::duration::format_minutes(minutes)
}

impl Texts for Ja {
    fn language(&self) -> Language {
        Language::Ja
    }

    fn status_label(&self, b: &Badge, status: Status, today: NaiveDate) -> String {
        let word = match status {
            Status::Expired => "失効",
            Status::Retired => "廃止済",
            Status::Retiring => "廃止予定",
            Status::Expiring => "失効間近",
            Status::Active => "有効",
            Status::NoExpiry => "無期限",
            Status::Target => "目標",
        };
        match countdown_days(b, status, today) {
            Some(d) if d < 0 => format!("{word} {}日前", -d),
            Some(d) if status != Status::Target || b.goal_on.is_some() => format!("{word} {d}日"),
            _ => word.to_string(),
        }
    }

    fn risk_text(&self, o: &Outcome) -> String {
        let save = |per_day: Option<u32>, spare: Option<u32>| {
            let mut ways = Vec::new();
            if let Some(m) = per_day {
                ways.push(format!("1日あたりあと {}", short(m)));
            }
            if let Some(m) = spare {
                ways.push(format!(
                    "{} までにスキマ時間をあと {} 以上",
                    o.due,
                    short(m)
                ));
            }
            if ways.is_empty() {
                "上限やスキマ時間を増やすだけでは間に合いません".to_string()
            } else {
                format!("{}増やせば間に合います", ways.join("、または "))
            }
        };
        let (due, release, short) = (o.due, o.release, short(o.shortfall));
        match o.risk {
            None => String::new(),
            Some(Risk::DuplicateKey) => "二重に登録されています".into(),
            Some(Risk::DuePassed) => {
                format!("期限 {due} を過ぎています: できるだけ早く計画してください")
            }
            Some(Risk::DueBeforeRelease) => format!(
                "{release} より前には始められませんが、期限は {due} です: 目標日を設定してください"
            ),
            Some(Risk::NoSpareTime {
                extra_minutes_per_day,
                extra_spare_minutes,
            }) => format!(
                "{due} までにスキマ時間がありません: {}",
                save(extra_minutes_per_day, extra_spare_minutes)
            ),
            Some(Risk::NotEnoughTime {
                extra_minutes_per_day,
                extra_spare_minutes,
            }) => format!(
                "{short} 不足: {}",
                save(extra_minutes_per_day, extra_spare_minutes)
            ),
            Some(Risk::SessionRules) => format!(
                "{short} 不足: スキマ時間の合計は足りていますが、設定 (min_session, max_session) で許される長さに区切れません: {due} までに時間枠を増やすか、[planner] の設定を変えてください"
            ),
        }
    }

    fn idle(&self, idle: &Idle) -> String {
        match idle {
            Idle::Archived => "アーカイブ済み: 計画しません".into(),
            Idle::LetLapse => "廃止予定、更新なし: そのまま失効させます".into(),
            Idle::ReplacedBy(k) => format!("廃止予定: 代わりに後継 #{k} を学習します"),
            Idle::ReplacementHeld(k) => format!("廃止予定: 後継 #{k} は取得済みです"),
            Idle::Expired => "失効済み: 取り直すには目標日を設定してください".into(),
            Idle::Retired => "廃止済".into(),
            Idle::NoExpiry => "無期限: 更新は不要です".into(),
            Idle::NoGoal => "目標日のない目標: 計画するには目標日を設定してください".into(),
        }
    }

    fn minutes(&self, minutes: u32) -> String {
        match (minutes / 60, minutes % 60) {
            (0, m) => format!("{m}分"),
            (h, 0) => format!("{h}時間"),
            (h, m) => format!("{h}時間{m}分"),
        }
    }

    fn weekday(&self, w: Weekday) -> &'static str {
        ["月", "火", "水", "木", "金", "土", "日"][w.num_days_from_monday() as usize]
    }

    fn month_abbr(&self, month: u32) -> &'static str {
        const JA: [&str; 12] = [
            "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
        ];
        JA[(month as usize + 11) % 12]
    }

    fn month_title(&self, first: NaiveDate) -> String {
        format!("{}年{}月", first.year(), first.month())
    }

    fn weekday_date(&self, d: NaiveDate) -> String {
        format!("{}({})", d.format("%Y-%m-%d"), self.weekday(d.weekday()))
    }

    fn weekday_date_time(&self, t: NaiveDateTime) -> String {
        format!("{} {}", self.weekday_date(t.date()), t.format("%H:%M"))
    }

    fn day_name(&self, d: NaiveDate, today: NaiveDate) -> String {
        if d == today {
            "今日".to_string()
        } else if Some(d) == today.succ_opt() {
            "明日".to_string()
        } else {
            format!("{}({})", month_day(d, today), self.weekday(d.weekday()))
        }
    }

    fn date(&self, d: NaiveDate, today: NaiveDate) -> String {
        let day = format!(
            "{}月{}日({})",
            d.month(),
            d.day(),
            self.weekday(d.weekday())
        );
        if d.year() == today.year() {
            day
        } else {
            format!("{}年{day}", d.year())
        }
    }

    fn legend_month(&self) -> [&'static str; 8] {
        [
            "失効",
            "更新開始",
            "廃止",
            "後継",
            "期限",
            "目標",
            "予定",
            "記録",
        ]
    }

    fn event_label(&self, kind: DayEventKind) -> &'static str {
        match kind {
            DayEventKind::Expiry(Band::Past) => "失効済み",
            DayEventKind::Expiry(_) => "失効",
            DayEventKind::RenewalOpens => "更新開始",
            DayEventKind::Retirement => "廃止",
            DayEventKind::ReplacementAvailable => "後継が受験可能",
            DayEventKind::Due => "期限",
            DayEventKind::Goal => "目標",
        }
    }

    fn event_note(&self, kind: DayEventKind) -> &'static str {
        match kind {
            DayEventKind::Expiry(Band::Red) => "30日以内",
            DayEventKind::Expiry(Band::Yellow) => "60日以内",
            DayEventKind::Expiry(Band::Plain) => "90日以内",
            _ => "",
        }
    }

    fn cal_today(&self) -> &'static str {
        "今日"
    }

    fn cal_no_events(&self) -> &'static str {
        "更新に関わる予定はありません。"
    }

    fn cal_no_events_in(&self, month: &str) -> String {
        format!("{month}は更新に関わる予定はありません。")
    }

    fn cal_study(&self, planned: &str, logged: &str) -> String {
        format!("今月の学習: 予定 {planned}、記録 {logged}。")
    }

    fn cal_study_short(&self, planned: &str, logged: &str) -> String {
        format!("予定 {planned}、記録 {logged}。")
    }
}
