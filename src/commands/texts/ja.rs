//! The Japanese words of [`CommandTexts`].

use super::{AfterState, CommandTexts, PlanLine, ShowField};
use crate::domain::change::Counts;
use crate::domain::decision::Retirement;
use crate::present::texts::{Ja, Texts};
use chrono::NaiveDate;

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

    fn retirement_cell(&self, r: Retirement, replaced_by: Option<&str>) -> String {
        match (r, replaced_by) {
            (Retirement::LetLapse(_), _) => "後継なし: 失効".into(),
            (Retirement::AfterExpiry(d), _) => format!("(廃止 {d})"),
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
        } = line;
        let what = if renewal { "更新" } else { "取得" };
        let Some(o) = outcome else {
            return format!("{due} までに{what}: まだ計画されていません");
        };
        let planned = self.minutes(o.planned_before_due);
        match (o.at_risk, o.finish) {
            (false, Some(f)) => format!(
                "{} までに{what}: 予定 {planned}、準備完了 {f} (間に合います)",
                o.due
            ),
            (false, None) => format!("{} までに{what}: 完了", o.due),
            (true, f) => format!(
                "{} までに{what}: 遅延リスク、{} 不足{}",
                o.due,
                self.minutes(o.shortfall),
                f.map(|f| format!("、準備完了 {f}")).unwrap_or_default()
            ),
        }
    }

    fn show_retires(&self, on: NaiveDate, r: Retirement) -> String {
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

    fn step_done_on(&self, d: NaiveDate) -> String {
        format!("{d} 完了")
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

    fn busy_summary(&self, events: u32, first: &str, last: &str) -> String {
        format!("取り込んだ予定 {events}件、{first} – {last}")
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
