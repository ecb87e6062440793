//! The Japanese words of [`CommandTexts`].

use super::{AfterState, CommandTexts, DueCounts, PlanLine, ShowField};
use crate::domain::change::Counts;
use crate::domain::dates::hm;
use crate::domain::decision::Retirement;
use crate::domain::events::EventKind;
use crate::present::texts::{Ja, Texts};
use chrono::{NaiveDate, NaiveDateTime};

impl CommandTexts for Ja {
    fn badge_headers(&self) -> [&'static str; 7] {
        ["状態", "キー", "名前", "発行元", "有効期限", "後継", "学習"]
    }

    fn no_badges(&self, filtered: bool) -> &'static str {
        if filtered {
            "その状態のバッジはありません。`sukima badge add 名前` で追加するか、`sukima import credly ファイル` で取り込んでください。"
        } else {
            "バッジはありません。`sukima badge add 名前` で追加するか、`sukima import credly ファイル` で取り込んでください。"
        }
    }

    fn archived(&self) -> &'static str {
        "アーカイブ"
    }

    fn retirement_cell(
        &self,
        r: Retirement,
        replaced_by: Option<&str>,
        today: NaiveDate,
    ) -> String {
        match (r, replaced_by) {
            (Retirement::LetLapse(_), _) => "後継なし: 失効".into(),
            (Retirement::AfterExpiry(d), _) => format!("(廃止 {})", self.date(d, today)),
            (_, Some(k)) => k.to_string(),
            (_, None) => String::new(),
        }
    }

    fn show_label(&self, f: ShowField) -> &'static str {
        match f {
            ShowField::Status => "状態",
            ShowField::Plan => "計画",
            ShowField::Name => "名前",
            ShowField::Issuer => "発行元",
            ShowField::Level => "レベル",
            ShowField::Earned => "取得日",
            ShowField::Expires => "有効期限",
            ShowField::Renewed => "更新日",
            ShowField::RenewalOpens => "更新開始",
            ShowField::Retires => "廃止日",
            ShowField::ReplacedBy => "後継",
            ShowField::Available => "受験開始日",
            ShowField::Goal => "目標日",
            ShowField::Studied => "学習",
            ShowField::After => "前提",
            ShowField::Steps => "ステップ",
            ShowField::Priority => "優先度",
            ShowField::Tags => "タグ",
            ShowField::Url => "URL",
            ShowField::Notes => "メモ",
            ShowField::Source => "出所",
            ShowField::Archived => "アーカイブ",
        }
    }

    fn plan_line(&self, line: PlanLine<'_>) -> String {
        let PlanLine::Work {
            renewal,
            due,
            outcome,
            today,
        } = line;
        let what = if renewal { "更新" } else { "取得" };
        let Some(o) = outcome else {
            return format!(
                "{} までに{what}: まだ計画されていません",
                self.date(due, today)
            );
        };
        let planned = self.minutes(o.planned_before_due);
        let due = self.date(o.due, today);
        match (o.at_risk, o.finish) {
            (false, Some(f)) => format!(
                "{due} までに{what}: 予定 {planned}、準備完了 {} (間に合います)",
                self.date(f, today)
            ),
            (false, None) => format!("{due} までに{what}: 完了"),
            (true, f) => format!(
                "{due} までに{what}: 遅延リスク、{} 不足{}",
                self.minutes(o.shortfall),
                f.map(|f| format!("、準備完了 {}", self.date(f, today)))
                    .unwrap_or_default()
            ),
        }
    }

    fn show_retires(&self, on: NaiveDate, r: Retirement, today: NaiveDate) -> String {
        let on = self.date(on, today);
        match r {
            Retirement::LetLapse(_) => format!("{on}、後継なし: そのまま失効させます"),
            Retirement::AfterExpiry(_) => format!("{on}、失効後: これまでどおり更新します"),
            _ => on.to_string(),
        }
    }

    fn show_studied(&self, logged: u32, effort: u32) -> String {
        format!("今期 {} / {}", self.minutes(logged), self.minutes(effort))
    }

    fn show_studied_steps(&self, logged: u32) -> String {
        format!(
            "今回の期間に {}。学習量はステップで決まります",
            self.minutes(logged)
        )
    }

    fn show_after(&self, key: &str, state: AfterState) -> String {
        let s = match state {
            AfterState::Held => "取得済",
            AfterState::Archived => "アーカイブ済",
            AfterState::Waiting => "待ち",
            AfterState::Missing => "見つかりません",
        };
        format!("{key} ({s})")
    }

    fn step_headers(&self) -> [&'static str; 6] {
        ["#", "種類", "見積", "ステップ", "状態", "URL"]
    }

    fn step_done_on(&self, d: NaiveDate, today: NaiveDate) -> String {
        format!("{} 完了", self.date(d, today))
    }

    fn step_gone(&self) -> &'static str {
        "取得基準から削除"
    }

    fn step_progress(&self, covered: u32, estimate: u32) -> String {
        format!("{covered}/{estimate}分")
    }

    fn steps_summary(&self, done: usize, all: usize, left: u32, total: u32) -> String {
        format!(
            "{all} ステップ中 {done} 完了、残り {} / {}",
            self.minutes(left),
            self.minutes(total)
        )
    }

    fn no_steps_yet(&self, key: &str) -> String {
        format!(
            "{key} にはステップがありません: `sukima step add {key} \"タイトル\" --kind course --minutes 45m` で追加できます"
        )
    }

    fn yes(&self) -> &'static str {
        "はい"
    }

    fn no_windows(&self) -> &'static str {
        "スキマ時間はまだありません。`sukima window add 平日 7:10-7:40 通勤` のように追加してください"
    }

    fn window_headers(&self) -> [&'static str; 3] {
        ["ID", "種類", "日時"]
    }

    fn window_kind(&self, kind: &str) -> &'static str {
        match kind {
            "weekly" => "毎週",
            "once" => "一度だけ",
            "blackout" => "休み",
            _ => "予定",
        }
    }

    fn busy_summary(&self, skipped: bool, events: u32, first: &str, last: &str) -> String {
        if skipped {
            format!("スキップしたセッション {events}件、{first} – {last}")
        } else {
            format!("取り込んだ予定 {events}件、{first} – {last}")
        }
    }

    fn nothing_logged(&self, filtered: bool) -> &'static str {
        if filtered {
            "一致する記録はありません。"
        } else {
            "記録はまだありません。`sukima add \"30m #キー\"` で学習を記録します。"
        }
    }

    fn log_headers(&self) -> [&'static str; 6] {
        ["ID", "日付", "開始", "時間", "バッジ", "メモ"]
    }

    fn session_headers(&self) -> [&'static str; 5] {
        ["開始", "終了", "時間", "バッジ", "状態"]
    }

    fn session_state(&self, pinned: bool, overdue: bool, conflict: bool) -> &'static str {
        match (pinned, overdue, conflict) {
            (_, true, _) => "過ぎました: 学習しましたか？ (session done / unpin)",
            (true, _, true) => "固定・競合",
            (true, _, false) => "固定",
            (false, ..) => "計画",
        }
    }

    fn no_sessions_listed(&self) -> &'static str {
        "セッションはありません: 何も計画されていません (`sukima plan`)。"
    }

    fn not_pinned(&self, badge: &str, start: chrono::NaiveDateTime) -> String {
        format!(
            "{badge} {} は固定されていません: プランナーが置いたものです (スキップか移動をしてください)",
            crate::domain::dates::ymd_hm(start)
        )
    }

    fn log_total(&self, entries: usize, total: u32) -> String {
        format!("{entries}件、合計 {}", self.minutes(total))
    }

    fn exported(&self, c: Counts, file: &str) -> String {
        format!(
            "{file} に書き出しました: バッジ {}件、時間枠 {}件、記録 {}件、固定セッション {}件",
            c.badges, c.windows, c.log, c.pinned
        )
    }

    // `plan`, `agenda` and `due`.

    fn plan_head(&self, now: NaiveDateTime, count: usize, at_risk: usize) -> String {
        let today = now.date();
        format!(
            "{} {} 時点の計画: 準備 {count}件、{}",
            self.date(today, today),
            hm(now.time()),
            if at_risk == 0 {
                "すべて間に合います".to_string()
            } else {
                format!("うち遅延リスク {at_risk}件")
            }
        )
    }

    fn plan_lapsed(&self, expired: usize, retired: usize, keys: &[&str]) -> String {
        let what = match (expired, retired) {
            (e, 0) => format!("失効 {e}件"),
            (0, r) => format!("廃止済 {r}件"),
            (e, r) => format!("失効 {e}件と廃止済 {r}件"),
        };
        format!(
            "{what}は計画がありません: 更新する (`sukima badge renew キー`)、目標日を設定する、またはアーカイブする (`sukima badge archive キー`): {}",
            keys.join(", ")
        )
    }

    fn nothing_to_plan(&self) -> &'static str {
        "計画するものはありません: 更新の必要なバッジも、目標日のある目標もありません。"
    }

    fn plan_headers(&self) -> [&'static str; 8] {
        [
            "",
            "バッジ",
            "名前",
            "期限",
            "残り",
            "計画",
            "準備完了",
            "余裕",
        ]
    }

    fn plan_state(&self, at_risk: bool) -> &'static str {
        if at_risk { "遅延リスク" } else { "OK" }
    }

    fn plan_date(&self, d: NaiveDate, today: NaiveDate, _long: bool) -> String {
        self.date(d, today)
    }

    fn risk_head(&self, key: &str, why: &str) -> String {
        format!("{key}: {why}。")
    }

    fn each_fix_alone(&self) -> &'static str {
        "次のどれか一つで間に合います:"
    }

    fn conflicts_head(&self, n: usize) -> String {
        format!("固定したセッション {n}件が規則に反しています (置いたとおりに残します):")
    }

    fn sessions_head(&self, days: u32, count: usize, minutes: u32) -> String {
        format!(
            "今後 {days}日間のセッション: {count}件 ({})",
            self.minutes(minutes)
        )
    }

    fn session_day(&self, d: NaiveDate, today: NaiveDate, _full: bool) -> String {
        self.date(d, today)
    }

    fn pinned_tail(&self, conflict: Option<&str>) -> String {
        match conflict {
            Some(why) => format!("  (固定: {why})"),
            None => "  (固定)".into(),
        }
    }

    fn agenda_day(&self, d: NaiveDate, today: NaiveDate) -> String {
        format!(
            "{}{}",
            self.date(d, today),
            if d == today { "  今日" } else { "" }
        )
    }

    fn nothing_planned(&self) -> &'static str {
        "予定なし"
    }

    fn event_kind(&self, kind: EventKind) -> &'static str {
        match kind {
            EventKind::Expiry => "失効",
            EventKind::RenewalOpens => "更新開始",
            EventKind::Retirement => "廃止",
            EventKind::Available => "受験開始",
            EventKind::Due => "期限",
            EventKind::Goal => "目標",
        }
    }

    fn quiet_days(&self, n: usize) -> String {
        format!("(ほかに予定のない日が {n}日)")
    }

    fn due_next(
        &self,
        start: NaiveDateTime,
        today: NaiveDate,
        badge: &str,
        minutes: u32,
    ) -> String {
        let when = if start.date() == today {
            hm(start.time())
        } else {
            format!("{} {}", self.date(start.date(), today), hm(start.time()))
        };
        format!("次は {when} {badge} {}", self.minutes(minutes))
    }

    fn exported_ics(&self, sessions: usize, badges: usize, file: &str, zone: &str) -> String {
        format!(
            "{file} に書き出しました: セッション {sessions}件、バッジ {badges}件の更新日程 ({zone})"
        )
    }

    fn due_counts(&self, c: DueCounts) -> Vec<String> {
        let mut parts = Vec::new();
        if c.expiring > 0 {
            parts.push(format!("{}日以内に失効 {}件", c.days, c.expiring));
        }
        if c.at_risk > 0 {
            parts.push(format!("遅延リスク {}件", c.at_risk));
        }
        if c.expired > 0 {
            parts.push(format!("失効 {}件", c.expired));
        }
        if c.retired > 0 {
            parts.push(format!("廃止済 {}件", c.retired));
        }
        parts
    }

    fn assumed_no_expiry(
        &self,
        key: &str,
        issuer: &str,
        validity_days: u32,
        would_expire: chrono::NaiveDate,
    ) -> String {
        let lasts = match super::validity_years(validity_days) {
            Some(y) => format!("{y}年"),
            None => format!("{validity_days}日"),
        };
        format!(
            "--expires がないので {key} は無期限としました。{issuer} の認定は通常 {lasts} 有効です: \
             sukima badge edit {key} --expires {would_expire}"
        )
    }
}
