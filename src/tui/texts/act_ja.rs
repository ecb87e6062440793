//! The Japanese words of [`ActTexts`].

use super::act::ActTexts;
use crate::present::texts::{Ja, Texts};
use chrono::{NaiveDate, NaiveDateTime};

impl ActTexts for Ja {
    fn pin_hint(&self, pinned: bool) -> &'static str {
        if pinned { "固定解除" } else { "固定" }
    }

    fn overdue_hints(&self) -> (&'static str, &'static str) {
        ("学習した", "しなかった")
    }

    fn did_you_study(&self) -> &'static str {
        "学習しましたか？"
    }

    fn done_prompt(&self, name: &str, when: &str) -> String {
        format!(" {name} {when} を学習: 何分？ ")
    }

    fn done_preview(&self, minutes: &str, at: &str) -> String {
        format!("→ {at} に {minutes} を記録")
    }

    fn move_prompt(&self, name: &str, when: &str) -> String {
        format!(" {name} {when} の移動先 (明日 19:00 など) ")
    }

    fn move_preview(&self, to: &str, warning: Option<&str>) -> String {
        match warning {
            Some(w) => format!("→ {to} に固定 ⚠ 競合: {w}"),
            None => format!("→ {to} に固定"),
        }
    }

    fn log_edit_prompt(&self) -> &'static str {
        " 記録の編集 (30m #キー 昨日 19:00 -- メモ など) "
    }

    fn log_edit_not_past(&self) -> &'static str {
        "記録は済んだ学習です: 今より前の日時にしてください"
    }

    fn no_session_selected(&self) -> &'static str {
        "セッションがありません: 今日か計画の画面で選んでください"
    }

    fn session_title(&self) -> &'static str {
        " セッション "
    }

    fn session_kind(&self, pinned: bool, overdue: bool) -> &'static str {
        match (pinned, overdue) {
            (_, true) => "固定・時間が過ぎました: 学習しましたか？",
            (true, false) => "自分で固定",
            (false, false) => "計画",
        }
    }

    fn session_step_line(&self, step: Option<&str>) -> String {
        match step {
            Some(s) => format!("ステップ: {s}"),
            None => "ステップ: — (このバッジにステップはありません)".into(),
        }
    }

    fn session_why(&self, due: &str, remaining: &str, planned: &str) -> String {
        format!("理由: 期日 {due}、残り {remaining}、計画 {planned}")
    }

    fn session_conflict(&self) -> &'static str {
        "⚠ 競合: この時間は規則に反します"
    }

    fn log_title(&self, entries: usize, total: &str) -> String {
        format!("学習記録 · {entries}件 · {total}")
    }

    fn log_day(&self, day: &str, total: &str) -> String {
        format!("{day} · {total}")
    }

    fn log_weeks(&self, this_week: &str, last_week: &str) -> String {
        format!("今週 {this_week} · 先週 {last_week}")
    }

    fn streak(&self, days: u32) -> String {
        match days {
            0 => "連続記録なし".into(),
            n => format!("{n}日連続"),
        }
    }

    fn overlaps(&self) -> &'static str {
        "⚠ 重複"
    }

    fn overlap_warning(&self, badge: &str, from: &str, to: &str) -> String {
        format!("⚠ {badge} {from}-{to} と重なります")
    }

    fn log_empty(&self) -> &'static str {
        "記録はまだありません: 今日か計画の画面のセッションで c、どんな学習も a で記録します。"
    }

    fn today_studied(&self, planned: &str, studied: &str) -> String {
        format!("今日 · 計画 {planned} · 学習 {studied}")
    }

    fn nothing_more_today(&self) -> &'static str {
        " 今日の計画はもうありません"
    }

    fn discard_form(&self) -> &'static str {
        "このフォームの変更を捨てますか？ y で捨てます。ほかのキーでフォームに戻ります"
    }

    fn sort_reversed(&self, by: &str, descending: bool) -> String {
        format!(
            "{by}で並べ替え ({})",
            if descending { "逆順" } else { "正順" }
        )
    }

    fn blackout_word(&self) -> &'static str {
        "休み"
    }

    fn busy_word(&self) -> &'static str {
        "予定"
    }

    fn calendars_title(&self) -> &'static str {
        "取り込んだカレンダーとスキップ"
    }

    fn calendar_row(&self, source: &str, events: u32, from: NaiveDate, to: NaiveDate) -> String {
        if source == crate::changes::session::SKIPPED {
            return format!("スキップしたセッション · {events}件 · {from}..{to}");
        }
        format!("{source} · 予定 {events}件 · {from}..{to}")
    }

    fn confirm_delete_calendar(&self, source: &str, events: u32) -> String {
        if source == crate::changes::session::SKIPPED {
            return format!(
                "スキップしたセッション {events}件の時間を計画に戻しますか？ y で戻す (u で元に戻せます)"
            );
        }
        format!(
            "{source} から取り込んだ予定 {events}件を削除しますか？ y で削除 (u で元に戻せます)"
        )
    }

    fn close_word(&self) -> &'static str {
        "閉じる"
    }

    fn session_when(&self, start: NaiveDateTime, end: NaiveDateTime) -> String {
        format!(
            "{}-{}",
            self.weekday_date_time(start, start.date()),
            end.format("%H:%M")
        )
    }
}
