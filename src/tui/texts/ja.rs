//! The Japanese words of [`ScreenTexts`].

use super::ScreenTexts;
use crate::domain::badge::fields::Field;
use crate::domain::status::Band;
use crate::present::month::DayEventKind;
use crate::present::texts::{Ja, Texts};
use crate::tui::action::Action;
use crate::tui::app::SortBy;
use crate::tui::view::View;
use chrono::{NaiveDate, NaiveDateTime, Weekday};

impl ScreenTexts for Ja {
    fn view_title(&self, v: View) -> &'static str {
        match v {
            View::Today => "今日",
            View::Badges => "バッジ",
            View::Plan => "計画",
            View::Calendar => "カレンダー",
            View::Spare => "スキマ時間",
            View::Log => "学習記録",
        }
    }

    fn view_short(&self, v: View) -> String {
        match v {
            View::Today => "今日",
            View::Badges => "バッジ",
            View::Plan => "計画",
            View::Calendar => "暦",
            View::Spare => "スキマ",
            View::Log => "記録",
        }
        .to_string()
    }

    fn action_help(&self, a: Action) -> &'static str {
        match a {
            Action::Quit => "終了",
            Action::Help => "このヘルプを表示",
            Action::QuickAdd => "クイック追加: 学習の記録、予定の固定、スキマ時間の追加",
            Action::Undo => "直前の変更を元に戻す",
            Action::NextView => "次の画面",
            Action::PrevView => "前の画面",
            Action::ViewToday => "今日の画面",
            Action::ViewBadges => "バッジの画面",
            Action::ViewPlan => "計画の画面",
            Action::ViewCalendar => "カレンダーの画面",
            Action::ViewSpare => "スキマ時間の画面",
            Action::Up => "上へ",
            Action::Down => "下へ",
            Action::Left => "左へ",
            Action::Right => "右へ",
            Action::PageUp => "前のページ",
            Action::PageDown => "次のページ",
            Action::Top => "先頭の行",
            Action::Bottom => "最後の行",
            Action::Select => "選択中の項目を開く / 編集",
            Action::New => "追加",
            Action::Edit => "編集",
            Action::Delete => "削除",
            Action::Renew => "更新済みにする",
            Action::Archive => "アーカイブ / 復元",
            Action::Sort => "次の列で並べ替え",
            Action::Filter => "絞り込み",
            Action::Pin => "セッションを固定 / 解除",
            Action::NextFix => "遅延リスクのバッジの次の対策を選ぶ",
            Action::ApplyFix => "選んだ対策を適用 (u で元に戻す)",
            Action::Import => "Credly のダウンロード、CSV、カレンダー (.ics) を取り込む",
            Action::PrevMonth => "前の月",
            Action::NextMonth => "次の月",
            Action::GoToday => "今日に戻る",
            Action::ToggleDetail => "詳細の表示 / 非表示",
            Action::ToggleArchived => "アーカイブ済みバッジの表示 / 非表示",
            Action::ScrollUp => "タイムラインを上へ",
            Action::ScrollDown => "タイムラインを下へ",
            Action::Steps => "バッジのステップ: 追加・編集・並べ替え・完了・開く",
            Action::Deals => "案件: 期日までに必要なバッジ。登録・編集・クローズ・削除",
            Action::CloseDeal => "選んだ案件を閉じる: 受注・失注・取り下げ",
            Action::StepDone => "現在のステップを完了にする",
            Action::Open => "ステップ (またはバッジ) のページをブラウザで開く",
            Action::Back => "絞り込みの解除 / 閉じる",
            Action::Confirm => "確認で「はい」",
            Action::Save => "フォームを保存",
            Action::NextField => "次の欄 / クイック追加では #キーを補完",
            Action::Redo => "元に戻した変更をやり直す",
            Action::ViewLog => "学習記録の画面",
            Action::Done => "セッションを学習済みにして記録 (時間を聞きます)",
            Action::Skip => "セッションをスキップ: その時間をふさぎ、学習を移す",
            Action::Move => "セッションを別の時間に移して固定",
            Action::ReverseSort => "並び順を逆にする",
            Action::PrevField => "前の欄",
        }
    }

    fn action_hint(&self, a: Action) -> &'static str {
        match a {
            Action::Quit => "終了",
            Action::Help => "ヘルプ",
            Action::QuickAdd => "追加",
            Action::Undo => "元に戻す",
            Action::NextView => "画面",
            Action::New => "新規",
            Action::Edit => "編集",
            Action::Delete => "削除",
            Action::Renew => "更新済み",
            Action::Archive => "アーカイブ",
            Action::Sort => "並べ替え",
            Action::Filter => "絞り込み",
            Action::Pin => "固定",
            Action::NextFix => "対策",
            Action::ApplyFix => "対策を適用",
            Action::Import => "取り込み",
            Action::PrevMonth => "前月",
            Action::NextMonth => "翌月",
            Action::GoToday => "今日",
            Action::Redo => "やり直し",
            Action::Done => "学習した",
            Action::Skip => "スキップ",
            Action::Move => "移動",
            Action::Open => "開く",
            Action::ReverseSort => "逆順",
            Action::ScrollDown => "タイムライン",
            Action::Steps => "ステップ",
            Action::Deals => "案件",
            Action::CloseDeal => "閉じる",
            Action::StepDone => "ステップ完了",
            _ => self.action_help(a),
        }
    }

    fn filter_hints(&self) -> [(&'static str, &'static str); 3] {
        [
            ("Enter", "絞り込みを確定"),
            ("Esc", "解除"),
            ("↑↓", "一覧に戻る"),
        ]
    }

    fn too_small(&self) -> &'static str {
        "sukima には 40x12 以上の画面が必要です"
    }

    fn plan_summary(&self, outcomes: usize, risky: usize) -> String {
        match (outcomes, risky) {
            (0, _) => "準備するものはありません".to_string(),
            (n, 0) => format!("準備 {n}件、すべて間に合います"),
            (n, r) => format!("準備 {n}件、うち遅延リスク {r}件"),
        }
    }

    fn week_grid_day(&self, w: Weekday) -> &'static str {
        self.weekday(w)
    }

    fn days_left(&self, days: i64) -> String {
        format!("{days:>3}日")
    }

    fn starts_in(&self, minutes: i64) -> String {
        match minutes {
            m if m <= 0 => "まもなく".to_string(),
            m if m < 24 * 60 => format!("{}後", self.minutes(u32::try_from(m).unwrap_or(0))),
            m => format!("{}日後", m / (24 * 60)),
        }
    }

    fn help_title(&self) -> &'static str {
        " キー一覧 (Esc で閉じる) "
    }

    fn help_everywhere(&self) -> &'static str {
        "共通"
    }

    fn help_popups(&self) -> &'static str {
        "ポップアップ内"
    }

    fn help_quick_add(&self) -> &'static str {
        "クイック追加"
    }

    fn quick_add_help(&self) -> &'static [(&'static str, &'static str)] {
        const JA: &[(&str, &str)] = &[
            ("30分 #aws-saa", "今終わった30分を記録"),
            (
                "30分 データサイエンス 昨日",
                "過去の日に記録 (語で名前を探す)",
            ),
            ("45分 #az-104 7:30 -- 3章", "今日の7:30から記録、メモ付き"),
            ("1時間 #gcp-pde 明日 19時", "先の時間に学習を固定"),
            ("1h cp4d yesterday", "英語でも書けます"),
            ("空き 平日 18:10-18:40 帰宅", "毎週のスキマ時間"),
            ("空き 土 9:00-11:00", "一度だけのスキマ時間 (次の土曜)"),
            ("休み 2027-01-02..2027-01-05 正月", "学習しない日"),
        ];
        JA
    }

    fn quick_add_title(&self) -> &'static str {
        " クイック追加 (Enter 追加 · Esc 取消 · Tab 補完 · ↑↓ 履歴) "
    }

    fn quick_add_empty(&self) -> &'static str {
        "30分 #key · 1時間 cp4d 明日 7:30 · 空き 平日 7:10-7:40 通勤 · 休み 12/28..1/3"
    }

    fn confirm_title(&self) -> &'static str {
        " 確認 "
    }

    fn confirm_keys(&self) -> &'static str {
        "y: はい   その他のキー: いいえ"
    }

    fn confirm_delete_badge(&self, name: &str, logs: usize, deals: &[&str]) -> String {
        // The question comes last in Japanese: a long name gives way so it still shows.
        let name = crate::text::truncate(name, 24);
        let deals = if deals.is_empty() {
            String::new()
        } else {
            format!("案件 {} の必要バッジから外れます。", deals.join("、"))
        };
        format!("{deals}{name} と記録 {logs}件を削除しますか？ (u で元に戻せます)")
    }

    fn confirm_delete_window(&self, what: &str) -> String {
        let what = crate::text::truncate(what, 24);
        format!("{what} を削除しますか？ (u で元に戻せます)")
    }

    fn renew_prompt(&self, name: &str) -> String {
        // What to type first: the title is cut at the right on a narrow screen.
        format!(" 新しい有効期限 (YYYY-MM-DD): {name} を更新 ")
    }

    fn import_prompt(&self) -> &'static str {
        " 取り込み: Credly のユーザー名かプロフィールの URL、Credly の badges.json (全ページは badges*.json)、CSV、Open Badges JSON、.ics の予定 "
    }

    fn fetching_profile(&self, profile: &str) -> String {
        format!("Credly のプロフィール {profile} を取得中…")
    }

    fn window_add_prompt(&self) -> &'static str {
        " 新しいスキマ時間: `平日 7:10-7:40 通勤`、`土 9:00-11:00`、`休み 2027-01-02..2027-01-05` "
    }

    fn window_edit_prompt(&self) -> &'static str {
        " スキマ時間を編集 "
    }

    fn not_spare_time(&self) -> &'static str {
        "スキマ時間ではありません: `平日 7:10-7:40 通勤` のように書いてください"
    }

    fn import_report(&self) -> &'static str {
        " 取り込み結果 (↑↓ スクロール、その他のキーで閉じる) "
    }

    fn form_new_title(&self) -> &'static str {
        " 新しいバッジ "
    }

    fn form_edit_title(&self) -> &'static str {
        " バッジを編集 "
    }

    fn form_keys(&self) -> &'static str {
        "Tab/↑↓ 移動 · Enter 次へ · Ctrl-S 保存 · Esc 取消"
    }

    fn form_field(&self, field: Field) -> (&'static str, &'static str) {
        match field {
            Field::Name => ("名前", "必須"),
            Field::Key => ("キー", "a-z 0-9 -。空欄なら名前から"),
            Field::Issuer => ("発行元", "IBM、Microsoft、AWS、Google Cloud…"),
            Field::Level => ("レベル", ""),
            Field::Earned => ("取得日", "YYYY-MM-DD。未取得の目標なら空欄"),
            Field::Expires => (
                "有効期限",
                "YYYY-MM-DD。空欄なら取得日＋発行元の有効期間。never で無期限",
            ),
            Field::Renewed => ("更新日", "YYYY-MM-DD"),
            Field::Retires => ("廃止日", "YYYY-MM-DD、2027、2027-Q1、Q1 '27"),
            Field::ReplacedBy => ("後継", "後継バッジのキー"),
            Field::After => ("前提", "先に必要なバッジのキー"),
            Field::Available => ("受験開始日", "目標用: 受験できる最初の日"),
            Field::Goal => ("目標日", "目標用: この日までに取得"),
            Field::Effort => ("学習量", "90m、1h30m、6h。空欄なら発行元の既定値"),
            Field::RenewFrom => (
                "更新開始日",
                "空欄なら有効期限から発行元の更新期間を引いた日",
            ),
            Field::Priority => ("優先度", "low、normal、high"),
            Field::Tags => ("タグ", "スペース・カンマ・読点区切りの語"),
            Field::Url => ("URL", ""),
            Field::Notes => ("メモ", ""),
        }
    }

    fn cannot_replace_itself(&self) -> &'static str {
        "バッジは自分自身の後継になれません"
    }

    fn key_taken(&self, key: &str) -> String {
        format!("'{key}' は使用済みです")
    }

    fn earned_after_today(&self, d: NaiveDate, today: NaiveDate) -> String {
        format!("{} は今日より後です", self.date(d, today))
    }

    fn no_badge_with_key(&self, key: &str) -> String {
        format!("キーが '{key}' のバッジはありません")
    }

    fn no_badge_row(&self) -> &'static str {
        "バッジがありません: 絞り込みを解除 (Esc) するか追加 (n) してください"
    }

    fn no_timeline(&self) -> &'static str {
        "タイムラインを出す場所がありません: 37行 (または 150x33) 必要です"
    }

    fn fix_selected(&self, key: &str, command: &str) -> String {
        format!("{key} の対策: {command} (F で適用)")
    }

    fn fix_hint(&self, text: &str, count: usize) -> String {
        if count > 1 {
            format!("F: {text} · f: 他 {}件", count - 1)
        } else {
            format!("F: {text}")
        }
    }

    fn fixes_searching(&self) -> &'static str {
        "遅延リスクのバッジの対策を探しています…"
    }

    fn no_fixes(&self) -> &'static str {
        "適用できる対策はありません"
    }

    fn no_config_folder(&self) -> &'static str {
        "この環境には設定フォルダがありません: --config PATH を付けて起動してください"
    }

    fn daily_cap_set(&self, cap: &str, demo: bool) -> String {
        if demo {
            format!("1日の上限を {cap} にしました (デモ: 保存しません)。u で元に戻せます")
        } else {
            format!("1日の上限を {cap} にしました (config.toml)。u で元に戻せます")
        }
    }

    fn daily_cap_undone(&self, cap: &str) -> String {
        format!("元に戻しました: 1日の上限 {cap}")
    }

    fn outside_change(&self) -> &'static str {
        "再読み込みしました: データベースが外部で変更されました"
    }

    fn archived_shown(&self) -> &'static str {
        "アーカイブ済みバッジを表示: x で復元"
    }

    fn archived_hidden(&self) -> &'static str {
        "アーカイブ済みバッジを非表示"
    }

    fn cancelled(&self) -> &'static str {
        "キャンセルしました"
    }

    fn pin_gone(&self) -> &'static str {
        "この固定セッションはもうありません"
    }

    fn sorted_by(&self, sort: SortBy) -> String {
        format!("並び順: {}", self.sort_name(sort))
    }

    fn pinned(&self, key: &str, start: NaiveDateTime) -> String {
        format!(
            "{key} を固定しました: {}",
            self.weekday_date_time(start, start.date())
        )
    }

    fn next(&self) -> &'static str {
        "次の学習"
    }

    fn pinned_suffix(&self) -> &'static str {
        "  固定"
    }

    fn nothing_today(&self) -> &'static str {
        " 今日の予定はありません"
    }

    fn rest_of_week(&self) -> &'static str {
        "今週の残り"
    }

    fn nothing_this_week(&self) -> &'static str {
        " 今週はもう予定がありません"
    }

    fn next_week(&self) -> &'static str {
        "来週"
    }

    fn nothing_next_week(&self) -> &'static str {
        " 来週の予定はありません"
    }

    fn at_risk(&self) -> &'static str {
        "遅延リスク"
    }

    fn due(&self) -> &'static str {
        "期限"
    }

    fn expiring(&self) -> &'static str {
        "失効間近"
    }

    fn lapsed(&self, expired: usize, retired: usize) -> String {
        let what = match (expired, retired) {
            (e, 0) => format!("失効 {e}件"),
            (0, r) => format!("廃止 {r}件"),
            (e, r) => format!("失効 {e}件、廃止 {r}件"),
        };
        format!("{what}: バッジ画面で r で更新、x でアーカイブ")
    }

    fn nothing_expires(&self) -> &'static str {
        " 90日以内に失効するものはありません"
    }

    fn retires_lapse(&self) -> &'static str {
        "廃止: そのまま失効"
    }

    fn expires(&self) -> &'static str {
        "失効予定"
    }

    fn this_week(&self) -> &'static str {
        "今週"
    }

    fn no_sessions(&self) -> &'static str {
        "予定がありません: スキマ時間 (5) か更新するバッジ (2) を追加してください。"
    }

    fn all_on_time(&self) -> &'static str {
        "すべて間に合います。"
    }

    fn studied_of(&self, done: &str, goal: &str) -> String {
        format!("学習 {done} / {goal}")
    }

    fn today_title(&self, total: &str) -> String {
        format!("今日 · {total}")
    }

    fn after_expiry(&self) -> &'static str {
        "失効後"
    }

    fn retires_to(&self, key: &str) -> String {
        format!("廃止 → #{key}")
    }

    fn after_it(&self, bar: &str, done: &str, effort: &str) -> String {
        format!(" {bar} 終了後 {done}/{effort}")
    }

    fn badges_columns(&self) -> [&'static str; 7] {
        [
            "状態",
            "名前",
            "発行元",
            "有効期限",
            "廃止 / 後継",
            "進捗",
            "次回",
        ]
    }

    fn no_issuer(&self) -> &'static str {
        "発行元なし"
    }

    fn archived(&self) -> &'static str {
        "アーカイブ"
    }

    fn no_replacement(&self) -> &'static str {
        "後継なし"
    }

    fn no_badges(&self) -> &'static str {
        "バッジはまだありません: n で追加、i で Credly のダウンロードや CSV を取り込めます。"
    }

    fn no_match(&self) -> &'static str {
        "絞り込みに一致するバッジはありません (Esc で解除)。"
    }

    fn filter_prompt(&self) -> &'static str {
        "絞り込み: "
    }

    fn sort_name(&self, sort: SortBy) -> &'static str {
        match sort {
            SortBy::Urgency => "緊急度",
            SortBy::Name => "名前",
            SortBy::Issuer => "発行元",
            SortBy::Expiry => "有効期限",
            SortBy::Progress => "進捗",
        }
    }

    fn badges_title(&self, shown: usize, total: usize, sort: SortBy) -> String {
        format!(" {total}件中 {shown}件 · 並び順: {}", self.sort_name(sort))
    }

    fn detail_labels(&self) -> [&'static str; 8] {
        [
            "取得日",
            "有効期限",
            "更新開始",
            "廃止日",
            "受験開始",
            "目標日",
            "後継",
            "学習",
        ]
    }

    fn tags(&self) -> &'static str {
        "タグ"
    }

    fn studied_detail(
        &self,
        logged: &str,
        effort: &str,
        priority: crate::domain::badge::Priority,
    ) -> String {
        use crate::domain::badge::Priority;
        let priority = match priority {
            Priority::Low => "低",
            Priority::Normal => "通常",
            Priority::High => "高",
        };
        format!("{logged} / {effort} · 優先度 {priority}")
    }

    fn on_time(&self, due: NaiveDate, ready: Option<NaiveDate>, today: NaiveDate) -> String {
        let due = self.date(due, today);
        match ready {
            Some(r) => format!("間に合います: 期限 {due}、準備完了 {}", self.date(r, today)),
            None => format!("間に合います: 期限 {due}、準備済み"),
        }
    }

    fn at_risk_line(&self, reason: &str) -> String {
        format!("遅延リスク: {reason}")
    }

    fn today_mark(&self) -> &'static str {
        " 今日"
    }

    fn outcome_headers(&self) -> [&'static str; 5] {
        ["バッジ", "期限", "残り", "余裕", "準備完了"]
    }

    fn agenda_title(
        &self,
        sessions: usize,
        total: &str,
        until: NaiveDate,
        today: NaiveDate,
    ) -> String {
        format!(
            "予定 · {sessions}回 · {} まで {total} · ◆ 固定",
            self.date(until, today)
        )
    }

    fn outcomes_title(&self, risky: usize) -> String {
        format!("見通し · 遅延リスク {risky}件")
    }

    fn more_outcomes(&self, keys: &[&str]) -> String {
        format!("  … 他 {}件: {}", keys.len(), keys.join(", "))
    }

    fn windows(&self) -> &'static str {
        "時間枠"
    }

    fn busy_imports(&self) -> &'static str {
        " カレンダーから取り込んだ予定 (削除: sukima window rm SOURCE):"
    }

    fn no_windows(&self) -> &'static str {
        "スキマ時間はまだありません: n で `平日 7:10-7:40 通勤` のように追加します。"
    }

    fn spare_week_title(&self, total: &str) -> String {
        format!("1週間 · スキマ時間 {total}")
    }

    fn window_kind(&self, kind: &crate::domain::spare::WindowKind) -> &'static str {
        match kind {
            crate::domain::spare::WindowKind::Weekly { .. } => "毎週",
            crate::domain::spare::WindowKind::Once { .. } => "一度だけ",
            crate::domain::spare::WindowKind::Blackout { .. } => "休み",
        }
    }

    fn busy_source(&self, source: &str, events: u32, first: &str, last: &str) -> String {
        format!("   {source}: {events}件、{first} – {last}")
    }

    fn timeline(&self) -> &'static str {
        "タイムライン (J/K でスクロール)"
    }

    fn heatmap(&self) -> &'static str {
        "この1年の学習"
    }

    fn legend_timeline(&self) -> [&'static str; 6] {
        ["更新開始", "更新期間", "学習", "期限", "失効", "廃止"]
    }

    fn detail_label(&self, kind: DayEventKind) -> &'static str {
        match kind {
            DayEventKind::Expiry(Band::Past) => "失効済み",
            DayEventKind::Expiry(_) => "失効",
            DayEventKind::RenewalOpens => "更新開始",
            DayEventKind::Retirement => "廃止",
            DayEventKind::ReplacementAvailable => "後継",
            DayEventKind::Due => "期限",
            DayEventKind::Goal => "目標",
            DayEventKind::Deal => "案件",
        }
    }

    fn day_pinned(&self) -> &'static str {
        "固定"
    }

    fn day_planned(&self) -> &'static str {
        "予定"
    }

    fn day_logged(&self) -> &'static str {
        "記録"
    }

    fn day_total(&self) -> &'static str {
        "合計"
    }

    fn day_empty(&self) -> &'static str {
        "期限も学習もありません。"
    }

    fn days_from_today(&self, n: i64) -> String {
        match n {
            0 => "今日".to_string(),
            1 => "明日".to_string(),
            -1 => "昨日".to_string(),
            n if n > 0 => format!("{n}日後"),
            n => format!("{}日前", -n),
        }
    }

    fn day_totals(&self, planned: u32, logged: u32) -> String {
        let sep = "、";
        [("予定", planned), ("記録", logged)]
            .iter()
            .filter(|(_, m)| *m > 0)
            .map(|(what, m)| format!("{what} {}", self.minutes(*m)))
            .collect::<Vec<_>>()
            .join(sep)
    }

    fn more_above(&self, n: usize) -> String {
        format!("↑ 他 {n}件")
    }

    fn more_below(&self, n: usize) -> String {
        format!("↓ 他 {n}件")
    }

    fn more_in_day(&self, n: usize) -> String {
        format!("+{n}件")
    }

    fn nothing_to_renew(&self, today: NaiveDate) -> String {
        format!(
            "{} 以降に更新するものはありません。",
            self.weekday_date(today, today)
        )
    }

    fn heat_summary(&self, streak: u32, week: &str, year: &str) -> String {
        format!("連続 {streak}日 · 今週 {week} · 過去1年 {year}")
    }

    fn heat_summary_short(&self, streak: u32, week: &str, year: &str) -> String {
        format!("連続{streak}日 · 週 {week} · 年 {year}")
    }

    fn heat_less(&self) -> &'static str {
        "少 "
    }

    fn heat_more(&self) -> &'static str {
        " 多"
    }

    fn steps_title(&self, name: &str) -> String {
        format!(" ステップ: {name} ")
    }

    fn steps_keys(&self) -> &'static str {
        "c 完了 o 開く n 追加 e 編集 J/K 移動 d 削除 u 戻す Esc 閉じる"
    }

    fn step_form_keys(&self) -> &'static str {
        "Tab/↑↓ 移動 · Enter 次へ · Ctrl-S 保存 · Esc 戻る"
    }

    fn step_form_title(&self, editing: bool) -> &'static str {
        if editing {
            " ステップを編集 "
        } else {
            " 新しいステップ "
        }
    }

    fn step_field(&self, name: &str) -> (&'static str, &'static str) {
        match name {
            "title" => ("タイトル", "必須 (例: Module 2: Data governance)"),
            "kind" => ("種類", "course、assessment、exam、experience、other"),
            "minutes" => ("見積もり", "45m、1h30m。空欄なら種類の既定値"),
            "url" => ("URL", "https://… 学習するページ"),
            _ => ("", ""),
        }
    }

    fn steps_header(&self) -> [&'static str; 4] {
        ["#", "種類", "見積", "ステップ"]
    }

    fn step_done_on(&self, d: NaiveDate) -> String {
        format!("{} 完了", d.format("%m/%d"))
    }

    fn step_gone(&self) -> &'static str {
        "取得基準から削除"
    }

    fn steps_progress(&self, done: usize, all: usize, left: u32, total: u32) -> String {
        format!(
            "{all} ステップ中 {done} 完了 · 残り {} / {}",
            self.minutes(left),
            self.minutes(total)
        )
    }

    fn detail_steps(&self, done: usize, all: usize, current: Option<&str>) -> String {
        let current = current.map(|c| format!(" ▸ {c}")).unwrap_or_default();
        format!("ステップ {done}/{all}{current} · t 一覧 c 完了 o 開く")
    }

    fn detail_after(&self, parts: &[(String, bool)]) -> String {
        let list: Vec<String> = parts
            .iter()
            .map(|(k, held)| format!("{k} ({})", if *held { "取得済" } else { "待ち" }))
            .collect();
        format!("前提 {}", list.join("、"))
    }

    fn detail_before(&self, keys: &[String]) -> String {
        format!("次に {}", keys.join("、"))
    }

    fn no_steps(&self, key: &str) -> String {
        format!("{key} にはステップがありません: t で開き n で追加できます")
    }

    fn no_url(&self) -> &'static str {
        "開くアドレスがありません: ステップかバッジに URL を設定してください (e で編集)"
    }

    fn nothing_to_open(&self) -> &'static str {
        "開く項目が選ばれていません"
    }

    fn opening(&self, url: &str) -> String {
        format!("ブラウザで開いています: {url}")
    }

    fn cannot_open(&self, why: &str) -> String {
        format!("ブラウザを起動できません ({why}): 環境変数 BROWSER を設定してください")
    }

    fn title_required(&self) -> &'static str {
        "タイトルは必須です"
    }

    fn step_error(&self, e: &crate::domain::step::StepError) -> String {
        crate::present::texts::ja_step_error(e)
    }

    fn prereq_problem(&self, e: &crate::domain::prereq::PrereqError) -> String {
        match e {
            crate::domain::prereq::PrereqError::Cycle { cycle } => {
                format!("前提が循環しています: {}", cycle.join(" → "))
            }
            other => crate::present::texts::ja_prereq_error(other),
        }
    }

    fn undo_key_hint(&self) -> &'static str {
        "u で元に戻せます"
    }

    fn deals_title(&self) -> &'static str {
        "案件"
    }

    fn no_deals_here(&self) -> &'static str {
        "案件はまだありません: n で登録します (期日までに必要なバッジ)。"
    }

    fn deals_keys(&self) -> &'static str {
        "n 新規 · e 編集 · c クローズ · d 削除 · u 取消 · Esc"
    }

    fn deal_form_keys(&self) -> &'static str {
        "Tab 次の項目 · 最後の項目で Enter か Ctrl-S で保存 · Esc 中止"
    }

    fn deal_form_title(&self, editing: bool) -> &'static str {
        if editing {
            "案件の編集"
        } else {
            "案件の登録"
        }
    }

    fn deal_field(&self, name: &str) -> (&'static str, &'static str) {
        match name {
            "name" => ("名前", "Acme DWH"),
            "by" => ("期日", "YYYY-MM-DD"),
            "needs" => ("必要", "バッジのキー、カンマ区切り"),
            "review" => ("復習", "cp4d-admin:2h (任意)"),
            "priority" => ("優先度", "low, normal, high"),
            _ => ("メモ", ""),
        }
    }

    fn deal_close_prompt(&self, name: &str) -> String {
        format!("{name} を閉じる: w 受注 · l 失注 · d 取り下げ · Esc そのまま")
    }

    fn deal_delete_prompt(&self, name: &str) -> String {
        format!("案件 {name} を削除しますか? y で削除 (u で戻せます)")
    }
}
