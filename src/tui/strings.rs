//! Every piece of text the planner shows, in one place, in English and Japanese
//! (`[ui] language`).
//!
//! The language is a thread-local set once from the configuration when the app is built
//! ([`set_language`]); the app is updated and drawn on that thread, and tests running in
//! parallel threads each keep their own. Every entry picks its text by the current
//! language: plain text through `tr`, formatted text with a `match`.
//!
//! Grouped by where it appears: the frame (tabs, status line, footer), dates, the help
//! overlay and the popups, the status messages of `App::update`, then each view and the
//! calendar widgets. A badge's status and at-risk advice have their Japanese here too
//! ([`status_label`], [`risk_text`]; English comes from the library). One exception:
//! messages from quick-add and the store (a quick-add preview or error, what an action
//! did) come from the library and stay in English, as does the command line (`sukima
//! calendar` prints the calendar widgets' text in English).
//!
//! Japanese text is two cells a character: callers pad and cut it with `crate::text`,
//! never with `format!` widths.

use super::action::Action;
use super::app::SortBy;
use super::view::View;
use super::widgets::DayEventKind;
use crate::config::Language;
use crate::domain::status::Band;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};
use std::cell::Cell;
use std::fmt::Display;

thread_local! {
    static LANGUAGE: Cell<Language> = const { Cell::new(Language::En) };
}

/// Sets the language of the interface for this thread.
pub fn set_language(language: Language) {
    LANGUAGE.with(|l| l.set(language));
}

/// The language of the interface on this thread (English unless set).
pub fn language() -> Language {
    LANGUAGE.with(Cell::get)
}

fn ja() -> bool {
    language() == Language::Ja
}

/// The text in the current language.
fn tr(en: &'static str, ja: &'static str) -> &'static str {
    if self::ja() { ja } else { en }
}

/// A badge's status and countdown, as the Badges table and detail pane show it
/// (`expiring 25d`, `expired 3d ago`; in Japanese `失効間近 25日`, `失効 3日前`).
pub fn status_label(
    b: &crate::domain::badge::Badge,
    status: crate::domain::status::Status,
    today: chrono::NaiveDate,
) -> String {
    crate::commands::badge::status_label_in(b, status, today, language())
}

/// What would save an at-risk badge, in words, in the interface's language.
/// The fixes of a badge at risk, and the kinds with none, in the interface language.
pub fn fix_lines(
    r: &crate::planning::fixes::Rescue,
    o: &crate::domain::plan::Outcome,
) -> Vec<crate::commands::plan::FixLine> {
    crate::commands::plan::fix_lines_in(r, o, language())
}

pub fn risk_text(o: &crate::domain::plan::Outcome) -> String {
    crate::commands::plan::risk_text_in(o, language())
}

// ----- Errors of the badge form's fields (English comes from the library) -----

/// A key that is not acceptable.
pub fn bad_key(english: String) -> String {
    if ja() {
        "キーは a-z・0-9・- の40文字以内 (先頭・末尾に - は不可)".into()
    } else {
        english
    }
}

/// A date field that does not read as a date.
pub fn bad_date(typed: &str, english: String) -> String {
    if ja() {
        format!(
            "'{typed}' は日付として読めません: 2027-03-31、2027、2027-Q1 などで入力してください"
        )
    } else {
        english
    }
}

/// An effort that does not read as a duration.
pub fn bad_duration(typed: &str, english: String) -> String {
    if ja() {
        format!("'{typed}' は時間として読めません: 90m、1h30m、6h、3時間 などで入力してください")
    } else {
        english
    }
}

/// A priority other than low, normal or high.
pub fn bad_priority(english: String) -> String {
    if ja() {
        "優先度は low、normal、high のどれかです".into()
    } else {
        english
    }
}

/// An issuer the badge form does not know ([`crate::domain::validation::BadgeError`]).
pub fn bad_issuer(error: &crate::domain::validation::BadgeError) -> String {
    use crate::domain::validation::BadgeError;
    match error {
        BadgeError::UnknownIssuer {
            issuer,
            suggestions,
        } if ja() => {
            let hint = if suggestions.is_empty() {
                String::new()
            } else {
                let names: Vec<String> = suggestions.iter().map(|s| format!("「{s}」")).collect();
                format!("（{}のことですか？）", names.join("か"))
            };
            format!(
                "発行元「{issuer}」は未登録です{hint}: 設定済みの発行元を使うか、config.toml に [issuers.\"{}\"] を追加してください",
                issuer.to_lowercase()
            )
        }
        other => other.to_string(),
    }
}

// ----- The frame: tabs, status line, footer -----

pub const APP_TITLE: &str = "sukima";

/// The tab title of a view.
pub fn view_title(v: View) -> &'static str {
    match v {
        View::Today => tr("Today", "今日"),
        View::Badges => tr("Badges", "バッジ"),
        View::Plan => tr("Plan", "計画"),
        View::Calendar => tr("Calendar", "カレンダー"),
        View::Spare => tr("Spare time", "スキマ時間"),
    }
}

/// The tab title of a view where the tab bar is narrow: "Tod", "Bad"…
pub fn view_short(v: View) -> String {
    if !ja() {
        return view_title(v).chars().take(3).collect();
    }
    match v {
        View::Today => "今日",
        View::Badges => "バッジ",
        View::Plan => "計画",
        View::Calendar => "暦",
        View::Spare => "スキマ",
    }
    .to_string()
}

/// The one-line description of an action, for the help overlay.
pub fn action_help(a: Action) -> &'static str {
    match a {
        Action::Quit => tr("quit", "終了"),
        Action::Help => tr("show this help", "このヘルプを表示"),
        Action::QuickAdd => tr(
            "quick-add: log study, pin a session, add spare time",
            "クイック追加: 学習の記録、予定の固定、スキマ時間の追加",
        ),
        Action::Undo => tr("undo the last change", "直前の変更を元に戻す"),
        Action::NextView => tr("next view", "次の画面"),
        Action::PrevView => tr("previous view", "前の画面"),
        Action::ViewToday => tr("Today view", "今日の画面"),
        Action::ViewBadges => tr("Badges view", "バッジの画面"),
        Action::ViewPlan => tr("Plan view", "計画の画面"),
        Action::ViewCalendar => tr("Calendar view", "カレンダーの画面"),
        Action::ViewSpare => tr("Spare time view", "スキマ時間の画面"),
        Action::Up => tr("move up", "上へ"),
        Action::Down => tr("move down", "下へ"),
        Action::Left => tr("move left", "左へ"),
        Action::Right => tr("move right", "右へ"),
        Action::PageUp => tr("page up", "前のページ"),
        Action::PageDown => tr("page down", "次のページ"),
        Action::Top => tr("first row", "先頭の行"),
        Action::Bottom => tr("last row", "最後の行"),
        Action::Select => tr("open / edit the selection", "選択中の項目を開く / 編集"),
        Action::New => tr("add", "追加"),
        Action::Edit => tr("edit", "編集"),
        Action::Delete => tr("delete", "削除"),
        Action::Renew => tr("mark renewed", "更新済みにする"),
        Action::Archive => tr("archive / restore", "アーカイブ / 復元"),
        Action::Sort => tr("sort by the next column", "次の列で並べ替え"),
        Action::Filter => tr("filter", "絞り込み"),
        Action::Pin => tr("pin / unpin the session", "セッションを固定 / 解除"),
        Action::NextFix => tr(
            "select the next fix for a badge at risk",
            "遅延リスクのバッジの次の対策を選ぶ",
        ),
        Action::ApplyFix => tr(
            "apply the selected fix (u undoes it)",
            "選んだ対策を適用 (u で元に戻す)",
        ),
        Action::Import => tr(
            "import a Credly download, a CSV file or a calendar (.ics)",
            "Credly のダウンロード、CSV、カレンダー (.ics) を取り込む",
        ),
        Action::PrevMonth => tr("previous month", "前の月"),
        Action::NextMonth => tr("next month", "次の月"),
        Action::GoToday => tr("back to today", "今日に戻る"),
        Action::ToggleDetail => tr("show / hide details", "詳細の表示 / 非表示"),
        Action::ToggleArchived => tr(
            "show / hide archived badges",
            "アーカイブ済みバッジの表示 / 非表示",
        ),
        Action::ScrollUp => tr("scroll the timeline up", "タイムラインを上へ"),
        Action::ScrollDown => tr("scroll the timeline down", "タイムラインを下へ"),
        Action::Back => tr("clear the filter / close", "絞り込みの解除 / 閉じる"),
    }
}

/// The short footer label of an action.
pub fn action_hint(a: Action) -> &'static str {
    match a {
        Action::Quit => tr("quit", "終了"),
        Action::Help => tr("help", "ヘルプ"),
        Action::QuickAdd => tr("add", "追加"),
        Action::Undo => tr("undo", "元に戻す"),
        Action::NextView => tr("views", "画面"),
        Action::New => tr("new", "新規"),
        Action::Edit => tr("edit", "編集"),
        Action::Delete => tr("delete", "削除"),
        Action::Renew => tr("renewed", "更新済み"),
        Action::Archive => tr("archive", "アーカイブ"),
        Action::Sort => tr("sort", "並べ替え"),
        Action::Filter => tr("filter", "絞り込み"),
        Action::Pin => tr("pin", "固定"),
        Action::NextFix => tr("fixes", "対策"),
        Action::ApplyFix => tr("apply fix", "対策を適用"),
        Action::Import => tr("import", "取り込み"),
        Action::PrevMonth => tr("prev month", "前月"),
        Action::NextMonth => tr("next month", "翌月"),
        Action::GoToday => tr("today", "今日"),
        Action::ScrollDown => tr("timeline", "タイムライン"),
        _ => action_help(a),
    }
}

/// The footer label of `p` in the Today view, where it pins the next session.
pub fn pin_next() -> &'static str {
    tr("pin next", "次を固定")
}

/// The footer while a filter is typed: (key, what it does).
pub fn filter_hints() -> [(&'static str, &'static str); 3] {
    [
        ("Enter", tr("keep the filter", "絞り込みを確定")),
        ("Esc", tr("clear it", "解除")),
        ("↑↓", tr("back to the list", "一覧に戻る")),
    ]
}

pub fn too_small() -> &'static str {
    tr(
        "sukima needs at least 40x12",
        "sukima には 40x12 以上の画面が必要です",
    )
}

/// The quiet status line's plan summary.
pub fn plan_summary(outcomes: usize, risky: usize) -> String {
    match (outcomes, risky, ja()) {
        (0, _, false) => "nothing to prepare".to_string(),
        (n, 0, false) => format!("{n} to prepare, all on time"),
        (n, r, false) => format!("{n} to prepare, {r} at risk"),
        (0, _, true) => "準備するものはありません".to_string(),
        (n, 0, true) => format!("準備 {n}件、すべて間に合います"),
        (n, r, true) => format!("準備 {n}件、うち遅延リスク {r}件"),
    }
}

// ----- Dates -----

/// A weekday in three letters ("Thu"), or one kanji ("木").
pub fn weekday(w: Weekday) -> &'static str {
    let i = w.num_days_from_monday() as usize;
    if ja() {
        ["月", "火", "水", "木", "金", "土", "日"][i]
    } else {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i]
    }
}

/// A weekday in the week grid of spare time: "mon", or "月".
pub fn week_grid_day(w: Weekday) -> &'static str {
    if ja() {
        weekday(w)
    } else {
        crate::domain::dates::weekday_name(w)
    }
}

/// A month in a few cells: "Nov", or "11月" (`month` 1..=12).
pub fn month_abbr(month: u32) -> &'static str {
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const JA: [&str; 12] = [
        "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月",
    ];
    let i = (month as usize + 11) % 12;
    if ja() { JA[i] } else { EN[i] }
}

/// A month and its year: "November 2026", or "2026年11月".
pub fn month_title(first: NaiveDate) -> String {
    if ja() {
        return format!("{}年{}月", first.year(), first.month());
    }
    let name = u8::try_from(first.month())
        .ok()
        .and_then(|m| chrono::Month::try_from(m).ok())
        .map_or("", |m| m.name());
    format!("{name} {}", first.year())
}

/// "Thu 2026-11-26", or "2026-11-26(木)".
pub fn weekday_date(d: NaiveDate) -> String {
    if ja() {
        format!("{}({})", d.format("%Y-%m-%d"), weekday(d.weekday()))
    } else {
        format!("{} {}", weekday(d.weekday()), d.format("%Y-%m-%d"))
    }
}

/// "Thu 2026-11-26 08:00", or "2026-11-26(木) 08:00".
pub fn weekday_date_time(t: NaiveDateTime) -> String {
    format!("{} {}", weekday_date(t.date()), t.format("%H:%M"))
}

/// "today", "tomorrow", "Fri 01-08", or "Mon 2027-01-04" in another year ("今日", "明日",
/// "01-08(金)", "2027-01-04(月)").
pub fn day_name(d: NaiveDate, today: NaiveDate) -> String {
    if d == today {
        tr("today", "今日").to_string()
    } else if Some(d) == today.succ_opt() {
        tr("tomorrow", "明日").to_string()
    } else if ja() {
        format!(
            "{}({})",
            crate::domain::dates::month_day(d, today),
            weekday(d.weekday())
        )
    } else {
        format!(
            "{} {}",
            weekday(d.weekday()),
            crate::domain::dates::month_day(d, today)
        )
    }
}

/// Days to an expiry in the Today view's list, right-aligned: " 25d" (" 25日").
pub fn days_left(days: i64) -> String {
    if ja() {
        format!("{days:>3}日")
    } else {
        format!("{days:>3}d")
    }
}

/// "now", "in 25m", "in 4h15m", "in 3d".
pub fn starts_in(minutes: i64) -> String {
    match (minutes, ja()) {
        (m, false) if m <= 0 => "now".to_string(),
        (m, false) if m < 60 => format!("in {m}m"),
        (m, false) if m < 24 * 60 => format!("in {}h{:02}m", m / 60, m % 60),
        (m, false) => format!("in {}d", m / (24 * 60)),
        (m, true) if m <= 0 => "まもなく".to_string(),
        (m, true) if m < 60 => format!("{m}m後"),
        (m, true) if m < 24 * 60 => format!("{}h{:02}m後", m / 60, m % 60),
        (m, true) => format!("{}日後", m / (24 * 60)),
    }
}

// ----- Help overlay -----

pub fn help_title() -> &'static str {
    tr(" Keys (Esc closes) ", " キー一覧 (Esc で閉じる) ")
}

pub fn help_everywhere() -> &'static str {
    tr("Everywhere", "共通")
}

/// The heading of the quick-add grammar.
pub fn help_quick_add() -> &'static str {
    tr("Quick-add", "クイック追加")
}

/// The quick-add grammar, for the help overlay: an example and what it does. The
/// grammar reads both languages, so the Japanese list shows both.
pub fn quick_add_help() -> &'static [(&'static str, &'static str)] {
    const EN: &[(&str, &str)] = &[
        ("30m #aws-saa", "log 30 minutes that end now"),
        ("1h cp4d yesterday", "log on a past day (words match names)"),
        (
            "45min #az-104 7:30 -- ch.3",
            "log from 7:30 today, with a note",
        ),
        ("1h #gcp-pde tomorrow 19:00", "pin a session in the future"),
        (
            "30分 データサイエンス 昨日",
            "Japanese works too (全角 too)",
        ),
        ("free weekdays 7:10-7:40 commute", "weekly spare time"),
        ("free sat 9:00-11:00", "one-off spare time (next Saturday)"),
        ("off 2027-01-02..2027-01-05 new year", "a blackout"),
    ];
    const JA: &[(&str, &str)] = &[
        ("30分 #aws-saa", "今終わった30分を記録"),
        (
            "30分 データサイエンス 昨日",
            "過去の日に記録 (語で名前を探す)",
        ),
        ("45分 #az-104 7:30 -- 3章", "今日の7:30から記録、メモ付き"),
        ("1時間 #gcp-pde 明日 19時", "先の時間に学習を固定"),
        ("1h cp4d yesterday", "英語でも書けます"),
        ("空き 平日 7:10-7:40 通勤", "毎週のスキマ時間"),
        ("空き 土 9:00-11:00", "一度だけのスキマ時間 (次の土曜)"),
        ("休み 2027-01-02..2027-01-05 正月", "学習しない日"),
    ];
    if ja() { JA } else { EN }
}

// ----- Popups: quick-add, confirmation, prompts, report -----

pub fn quick_add_title() -> &'static str {
    tr(
        " Quick add (Enter adds, Esc cancels, Tab completes, ↑↓ history) ",
        " クイック追加 (Enter 追加 · Esc 取消 · Tab 補完 · ↑↓ 履歴) ",
    )
}

/// The quick-add line's placeholder.
pub fn quick_add_empty() -> &'static str {
    tr(
        "30m #key · 1h cp4d tomorrow 7:30 · free weekdays 7:10-7:40 commute · off 12/28..1/3",
        "30分 #key · 1時間 cp4d 明日 7:30 · 空き 平日 7:10-7:40 通勤 · 休み 12/28..1/3",
    )
}

pub fn confirm_title() -> &'static str {
    tr(" Confirm ", " 確認 ")
}

pub fn confirm_keys() -> &'static str {
    tr(
        "y: yes   any other key: no",
        "y: はい   その他のキー: いいえ",
    )
}

pub fn confirm_delete_badge(name: &str, logs: usize) -> String {
    if ja() {
        // The question comes last in Japanese: a long name gives way so it still shows.
        let name = crate::text::truncate(name, 24);
        return format!("{name} と記録 {logs}件を削除しますか？ (u で元に戻せます)");
    }
    let logs = crate::text::counted(logs, "log entry", "log entries");
    format!("Delete {name} and its {logs}? (u undoes)")
}

pub fn confirm_delete_window(what: &str) -> String {
    if ja() {
        let what = crate::text::truncate(what, 24);
        format!("{what} を削除しますか？ (u で元に戻せます)")
    } else {
        format!("Delete {what}? (u undoes)")
    }
}

/// The title of the prompt for a renewed badge's new expiry.
pub fn renew_prompt(name: &str) -> String {
    if ja() {
        // What to type first: the title is cut at the right on a narrow screen.
        format!(" 新しい有効期限 (YYYY-MM-DD): {name} を更新 ")
    } else {
        format!(" Renewed {name}: new expiry (YYYY-MM-DD) ")
    }
}

pub fn import_prompt() -> &'static str {
    tr(
        " Import: a Credly user name or profile address, Credly badges.json (all pages: badges*.json), CSV, Open Badges JSON, or .ics busy time ",
        " 取り込み: Credly のユーザー名かプロフィールの URL、Credly の badges.json (全ページは badges*.json)、CSV、Open Badges JSON、.ics の予定 ",
    )
}

pub fn fetching_profile(profile: &str) -> String {
    if ja() {
        format!("Credly のプロフィール {profile} を取得中…")
    } else {
        format!("fetching the Credly profile {profile}…")
    }
}

pub fn window_add_prompt() -> &'static str {
    tr(
        " New spare time: `weekdays 7:10-7:40 commute`, `sat 9:00-11:00`, `off 2027-01-02..2027-01-05` ",
        " 新しいスキマ時間: `平日 7:10-7:40 通勤`、`土 9:00-11:00`、`休み 2027-01-02..2027-01-05` ",
    )
}

pub fn window_edit_prompt() -> &'static str {
    tr(" Edit spare time ", " スキマ時間を編集 ")
}

/// The window prompt given something other than spare time.
pub fn not_spare_time() -> &'static str {
    tr(
        "not spare time: write it like `weekdays 7:10-7:40 commute`",
        "スキマ時間ではありません: `平日 7:10-7:40 通勤` のように書いてください",
    )
}

pub fn import_report() -> &'static str {
    tr(
        " Import (↑↓ scroll, any other key closes) ",
        " 取り込み結果 (↑↓ スクロール、その他のキーで閉じる) ",
    )
}

// ----- The badge form -----

pub fn form_new_title() -> &'static str {
    tr(" New badge ", " 新しいバッジ ")
}

pub fn form_edit_title() -> &'static str {
    tr(" Edit badge ", " バッジを編集 ")
}

pub fn form_keys() -> &'static str {
    tr(
        "Tab/↑↓ move · Enter next · Ctrl-S save · Esc cancel",
        "Tab/↑↓ 移動 · Enter 次へ · Ctrl-S 保存 · Esc 取消",
    )
}

/// The label of a form field and the hint shown while it is empty. Labels fit in 12
/// cells.
pub fn form_field(name: &str) -> (&'static str, &'static str) {
    let (en, ja) = match name {
        "name" => (("Name", "required"), ("名前", "必須")),
        "key" => (
            ("Key", "a-z 0-9 -; empty: from the name"),
            ("キー", "a-z 0-9 -。空欄なら名前から"),
        ),
        "issuer" => (
            ("Issuer", "IBM, Microsoft, AWS, Google Cloud…"),
            ("発行元", "IBM、Microsoft、AWS、Google Cloud…"),
        ),
        "level" => (("Level", ""), ("レベル", "")),
        "earned" => (
            ("Earned", "YYYY-MM-DD; empty for a target"),
            ("取得日", "YYYY-MM-DD。未取得の目標なら空欄"),
        ),
        "expires" => (
            ("Expires", "YYYY-MM-DD; empty: never"),
            ("有効期限", "YYYY-MM-DD。空欄なら無期限"),
        ),
        "renewed" => (("Renewed", "YYYY-MM-DD"), ("更新日", "YYYY-MM-DD")),
        "retires" => (
            ("Retires", "YYYY-MM-DD, 2027, 2027-Q1, Q1 '27"),
            ("廃止日", "YYYY-MM-DD、2027、2027-Q1、Q1 '27"),
        ),
        "replaced_by" => (
            ("Replaced by", "key of the replacement"),
            ("後継", "後継バッジのキー"),
        ),
        "available" => (
            ("Available", "for a target: first date"),
            ("受験開始日", "目標用: 受験できる最初の日"),
        ),
        "goal" => (
            ("Goal", "for a target: wanted by"),
            ("目標日", "目標用: この日までに取得"),
        ),
        "effort" => (
            ("Effort", "90m, 1h30m, 6h; empty: issuer default"),
            ("学習量", "90m、1h30m、6h。空欄なら発行元の既定値"),
        ),
        "renew_from" => (
            ("Renew from", "empty: expiry minus the issuer's window"),
            (
                "更新開始日",
                "空欄なら有効期限から発行元の更新期間を引いた日",
            ),
        ),
        "priority" => (
            ("Priority", "low, normal, high"),
            ("優先度", "low、normal、high"),
        ),
        "tags" => (
            ("Tags", "words separated by spaces or commas"),
            ("タグ", "スペース・カンマ・読点区切りの語"),
        ),
        "url" => (("URL", ""), ("URL", "")),
        "notes" => (("Notes", ""), ("メモ", "")),
        _ => (("", ""), ("", "")),
    };
    if self::ja() { ja } else { en }
}

pub fn name_required() -> &'static str {
    tr("a name is required", "名前は必須です")
}

pub fn cannot_replace_itself() -> &'static str {
    tr(
        "a badge cannot replace itself",
        "バッジは自分自身の後継になれません",
    )
}

pub fn key_taken(key: &str) -> String {
    if ja() {
        format!("'{key}' は使用済みです")
    } else {
        format!("'{key}' is taken")
    }
}

pub fn earned_after_today(d: NaiveDate) -> String {
    if ja() {
        format!("{d} は今日より後です")
    } else {
        format!("{d} is after today")
    }
}

pub fn no_badge_with_key(key: &str) -> String {
    if ja() {
        format!("キーが '{key}' のバッジはありません")
    } else {
        format!("no badge has the key '{key}'")
    }
}

// ----- Status messages -----

pub fn no_badge_row() -> &'static str {
    tr(
        "no badge listed: clear the filter (Esc) or add one (n)",
        "バッジがありません: 絞り込みを解除 (Esc) するか追加 (n) してください",
    )
}

pub fn no_timeline() -> &'static str {
    tr(
        "no room for the timeline: it needs 37 rows (or 150x33)",
        "タイムラインを出す場所がありません: 37行 (または 150x33) 必要です",
    )
}

/// "fix for gcp-pde: sukima window add "…" (F applies it)".
pub fn fix_selected(key: &str, command: &str) -> String {
    if ja() {
        format!("{key} の対策: {command} (F で適用)")
    } else {
        format!("fix for {key}: {command} (F applies it)")
    }
}

/// A fix under a badge at risk in Today, with the key that applies it: "F: raise the
/// daily cap to 3h · f: 2 more".
pub fn fix_hint(text: &str, count: usize) -> String {
    match (count > 1, ja()) {
        (false, _) => format!("F: {text}"),
        (true, false) => format!("F: {text} · f: {} more", count - 1),
        (true, true) => format!("F: {text} · f: 他 {}件", count - 1),
    }
}

pub fn fixes_searching() -> &'static str {
    tr(
        "finding fixes for the badges at risk…",
        "遅延リスクのバッジの対策を探しています…",
    )
}

pub fn no_fixes() -> &'static str {
    tr("no fix to apply", "適用できる対策はありません")
}

pub fn no_config_folder() -> &'static str {
    tr(
        "no config folder on this system: start sukima with --config PATH",
        "この環境には設定フォルダがありません: --config PATH を付けて起動してください",
    )
}

/// After a daily-cap fix.
pub fn daily_cap_set(cap: &str, demo: bool) -> String {
    match (ja(), demo) {
        (false, false) => format!("daily cap {cap} (config.toml); u undoes it"),
        (false, true) => format!("daily cap {cap} (demo: not saved); u undoes it"),
        (true, false) => format!("1日の上限を {cap} にしました (config.toml)。u で元に戻せます"),
        (true, true) => {
            format!("1日の上限を {cap} にしました (デモ: 保存しません)。u で元に戻せます")
        }
    }
}

/// After undoing a daily-cap fix.
pub fn daily_cap_undone(cap: &str) -> String {
    if ja() {
        format!("元に戻しました: 1日の上限 {cap}")
    } else {
        format!("undid: daily cap back to {cap}")
    }
}

pub fn outside_change() -> &'static str {
    tr(
        "reloaded: the database was changed outside",
        "再読み込みしました: データベースが外部で変更されました",
    )
}

pub fn archived_shown() -> &'static str {
    tr(
        "archived badges shown: x restores one",
        "アーカイブ済みバッジを表示: x で復元",
    )
}

pub fn archived_hidden() -> &'static str {
    tr("archived badges hidden", "アーカイブ済みバッジを非表示")
}

pub fn cancelled() -> &'static str {
    tr("cancelled", "キャンセルしました")
}

pub fn pin_gone() -> &'static str {
    tr(
        "this pinned session is no longer there",
        "この固定セッションはもうありません",
    )
}

/// "sorted by name".
pub fn sorted_by(sort: SortBy) -> String {
    if ja() {
        format!("並び順: {}", sort_name(sort))
    } else {
        format!("sorted by {}", sort_name(sort))
    }
}

/// "pinned aws-saa Fri 2026-11-27 07:10".
pub fn pinned(key: &str, start: NaiveDateTime) -> String {
    if ja() {
        format!("{key} を固定しました: {}", weekday_date_time(start))
    } else {
        format!("pinned {key} {}", weekday_date_time(start))
    }
}

/// After `p` on a pinned session: "unpinned cp4d-admin Thu 2026-11-26 08:00" (the
/// library's English), or its Japanese.
pub fn unpinned(key: &str, start: NaiveDateTime, english: String) -> String {
    if ja() {
        format!("{key} の固定を外しました: {}", weekday_date_time(start))
    } else {
        english
    }
}

// ----- Today -----

pub fn next() -> &'static str {
    tr("Next", "次の学習")
}

pub fn pinned_suffix() -> &'static str {
    tr("  pinned", "  固定")
}

pub fn nothing_today() -> &'static str {
    tr(" nothing planned today", " 今日の予定はありません")
}

pub fn rest_of_week() -> &'static str {
    tr("Rest of the week", "今週の残り")
}

pub fn nothing_this_week() -> &'static str {
    tr(" nothing more this week", " 今週はもう予定がありません")
}

pub fn next_week() -> &'static str {
    tr("Next week", "来週")
}

pub fn nothing_next_week() -> &'static str {
    tr(" nothing planned next week", " 来週の予定はありません")
}

pub fn at_risk() -> &'static str {
    tr("At risk", "遅延リスク")
}

/// Before the due date of an at-risk badge.
pub fn due() -> &'static str {
    tr("due", "期限")
}

pub fn expiring() -> &'static str {
    tr("Expiring", "失効間近")
}

pub fn nothing_expires() -> &'static str {
    tr(
        " nothing expires within 90 days",
        " 90日以内に失効するものはありません",
    )
}

pub fn retires_lapse() -> &'static str {
    tr("retires: let it lapse", "廃止: そのまま失効")
}

pub fn expires() -> &'static str {
    tr("expires", "失効予定")
}

pub fn this_week() -> &'static str {
    tr("This week", "今週")
}

pub fn no_sessions() -> &'static str {
    tr(
        "Nothing planned: add spare time (5) or a badge to renew (2).",
        "予定がありません: スキマ時間 (5) か更新するバッジ (2) を追加してください。",
    )
}

pub fn all_on_time() -> &'static str {
    tr("Everything is on time.", "すべて間に合います。")
}

/// "studied 1h55m of 6h25m".
pub fn studied_of(done: &str, goal: &str) -> String {
    if ja() {
        format!("学習 {done} / {goal}")
    } else {
        format!("studied {done} of {goal}")
    }
}

/// "Today · 1h30m".
pub fn today_title(total: &str) -> String {
    format!("{} · {total}", tr("Today", "今日"))
}

/// "retires → #new-key".
/// Beside a retirement that comes after the expiry: the badge is renewed as usual.
pub fn after_expiry() -> &'static str {
    tr("after expiry", "失効後")
}

pub fn retires_to(key: &str) -> String {
    format!("{} → #{key}", tr("retires", "廃止"))
}

/// The next session's progress bar: "██░░ 2h/6h after it".
pub fn after_it(bar: &str, done: &str, effort: &str) -> String {
    if ja() {
        format!(" {bar} 終了後 {done}/{effort}")
    } else {
        format!(" {bar} {done}/{effort} after it")
    }
}

// ----- Badges -----

/// The table's column headers, in the order of its columns (each fits its column).
pub fn badges_columns() -> [&'static str; 7] {
    if ja() {
        [
            "状態",
            "名前",
            "発行元",
            "有効期限",
            "廃止 / 後継",
            "進捗",
            "次回",
        ]
    } else {
        [
            "STATUS",
            "NAME",
            "ISSUER",
            "EXPIRES",
            "RETIRES / REPLACED BY",
            "PROGRESS",
            "NEXT",
        ]
    }
}

pub fn no_issuer() -> &'static str {
    tr("no issuer", "発行元なし")
}

/// The status of an archived badge.
pub fn archived() -> &'static str {
    tr("archived", "アーカイブ")
}

/// A retirement without a replacement, in the table.
pub fn no_replacement() -> &'static str {
    tr("no repl.", "後継なし")
}

pub fn no_badges() -> &'static str {
    tr(
        "No badges yet: n adds one, i imports a Credly download or a CSV.",
        "バッジはまだありません: n で追加、i で Credly のダウンロードや CSV を取り込めます。",
    )
}

pub fn no_match() -> &'static str {
    tr(
        "No badge matches the filter (Esc clears it).",
        "絞り込みに一致するバッジはありません (Esc で解除)。",
    )
}

/// Before the filter in the title row.
pub fn filter_prompt() -> &'static str {
    tr("filter: ", "絞り込み: ")
}

/// The name of a sort order, as the title shows it.
pub fn sort_name(sort: SortBy) -> &'static str {
    match sort {
        SortBy::Urgency => tr("urgency", "緊急度"),
        SortBy::Name => tr("name", "名前"),
        SortBy::Issuer => tr("issuer", "発行元"),
        SortBy::Expiry => tr("expiry", "有効期限"),
        SortBy::Progress => tr("progress", "進捗"),
    }
}

/// "14 of 15 badges · sort: urgency".
pub fn badges_title(shown: usize, total: usize, sort: SortBy) -> String {
    if ja() {
        format!(" {total}件中 {shown}件 · 並び順: {}", sort_name(sort))
    } else {
        format!(" {shown} of {total} badges · sort: {}", sort_name(sort))
    }
}

/// Labels of the detail pane (each fits in 8 cells): earned, expires, renewal opens,
/// retires, available, goal, replaced by, studied.
pub fn detail_labels() -> [&'static str; 8] {
    if ja() {
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
    } else {
        [
            "earned",
            "expires",
            "renew ≥",
            "retires",
            "avail.",
            "goal",
            "replaced",
            "studied",
        ]
    }
}

pub fn tags() -> &'static str {
    tr("tags", "タグ")
}

/// "1h of 6h · normal": logged of the effort, and the priority.
pub fn studied_detail(logged: &str, effort: &str, priority: &dyn Display) -> String {
    if ja() {
        format!("{logged} / {effort} · {priority}")
    } else {
        format!("{logged} of {effort} · {priority}")
    }
}

/// "on time: due 2027-01-10, ready 2026-12-05".
pub fn on_time(due: NaiveDate, ready: Option<NaiveDate>) -> String {
    match (ready, ja()) {
        (Some(r), true) => format!("間に合います: 期限 {due}、準備完了 {r}"),
        (None, true) => format!("間に合います: 期限 {due}、準備済み"),
        (r, false) => format!(
            "on time: due {due}, ready {}",
            r.map_or_else(|| "now".into(), |f| f.to_string())
        ),
    }
}

/// "AT RISK: …".
pub fn at_risk_line(reason: &str) -> String {
    format!("{}: {reason}", tr("AT RISK", "遅延リスク"))
}

/// Why a badge has nothing to plan.
pub fn idle(idle: &crate::domain::work::Idle) -> String {
    use crate::domain::work::Idle;
    match (idle, ja()) {
        (Idle::Archived, false) => "archived: not planned".into(),
        (Idle::LetLapse, false) => "retiring, no renewal: let it lapse".into(),
        (Idle::ReplacedBy(k), false) => format!("retiring: study its replacement #{k} instead"),
        (Idle::ReplacementHeld(k), false) => format!("retiring: replacement #{k} already held"),
        (Idle::Expired, false) => "expired: set a goal date to earn it again".into(),
        (Idle::Retired, false) => "retired".into(),
        (Idle::NoExpiry, false) => "never expires: nothing to renew".into(),
        (Idle::NoGoal, false) => "target without a goal date: set one to plan it".into(),
        (Idle::Archived, true) => "アーカイブ済み: 計画しません".into(),
        (Idle::LetLapse, true) => "廃止予定、更新なし: そのまま失効させます".into(),
        (Idle::ReplacedBy(k), true) => format!("廃止予定: 代わりに後継 #{k} を学習します"),
        (Idle::ReplacementHeld(k), true) => format!("廃止予定: 後継 #{k} は取得済みです"),
        (Idle::Expired, true) => "失効済み: 取り直すには目標日を設定してください".into(),
        (Idle::Retired, true) => "廃止済".into(),
        (Idle::NoExpiry, true) => "無期限: 更新は不要です".into(),
        (Idle::NoGoal, true) => "目標日のない目標: 計画するには目標日を設定してください".into(),
    }
}

// ----- Plan -----

/// After the date of today's agenda heading.
pub fn today_mark() -> &'static str {
    tr(" today", " 今日")
}

/// The outcome list's headers: badge, due, left, slack, ready.
pub fn outcome_headers() -> [&'static str; 5] {
    if ja() {
        ["バッジ", "期限", "残り", "余裕", "準備完了"]
    } else {
        ["BADGE", "DUE", "LEFT", "SLACK", "READY"]
    }
}

/// "Agenda · 42 sessions · 31h30m until 2027-03-02 · ◆ pinned".
pub fn agenda_title(sessions: usize, total: &str, until: NaiveDate) -> String {
    if ja() {
        format!("予定 · {sessions}回 · {until} まで {total} · ◆ 固定")
    } else {
        format!("Agenda · {sessions} sessions · {total} until {until} · ◆ pinned")
    }
}

/// "Outcomes · 2 at risk".
pub fn outcomes_title(risky: usize) -> String {
    if ja() {
        format!("見通し · 遅延リスク {risky}件")
    } else {
        format!("Outcomes · {risky} at risk")
    }
}

/// The last line of a cut outcome list: "  … 3 more: a, b, c".
pub fn more_outcomes(keys: &[&str]) -> String {
    if ja() {
        format!("  … 他 {}件: {}", keys.len(), keys.join(", "))
    } else {
        format!("  … {} more: {}", keys.len(), keys.join(", "))
    }
}

// ----- Spare time -----

pub fn windows() -> &'static str {
    tr("Windows", "時間枠")
}

pub fn busy_imports() -> &'static str {
    tr(
        " busy time imported from calendars (sukima window rm SOURCE):",
        " カレンダーから取り込んだ予定 (削除: sukima window rm SOURCE):",
    )
}

pub fn no_windows() -> &'static str {
    tr(
        "No spare time yet: n adds a window, like `weekdays 7:10-7:40 commute`.",
        "スキマ時間はまだありません: n で `平日 7:10-7:40 通勤` のように追加します。",
    )
}

/// "Week · 6h20m of spare time".
pub fn spare_week_title(total: &str) -> String {
    if ja() {
        format!("1週間 · スキマ時間 {total}")
    } else {
        format!("Week · {total} of spare time")
    }
}

/// The kind of a window, as listed (fits in 8 cells).
pub fn window_kind(kind: &crate::domain::spare::WindowKind) -> &'static str {
    match kind {
        crate::domain::spare::WindowKind::Weekly { .. } => tr("weekly", "毎週"),
        crate::domain::spare::WindowKind::Once { .. } => tr("once", "一度だけ"),
        crate::domain::spare::WindowKind::Blackout { .. } => tr("blackout", "休み"),
    }
}

/// One calendar whose busy time was imported: "   work.ics: 12 events, 2026-11-02 – …".
pub fn busy_source(source: &str, events: u32, first: &str, last: &str) -> String {
    if ja() {
        format!("   {source}: {events}件、{first} – {last}")
    } else {
        format!("   {source}: {events} events, {first} – {last}")
    }
}

// ----- Calendar -----

pub fn timeline() -> &'static str {
    tr("Timeline (J/K scroll)", "タイムライン (J/K でスクロール)")
}

pub fn heatmap() -> &'static str {
    tr("Study over the year", "この1年の学習")
}

/// The legend of the month grid, in the order of its symbols (expiry, renewal opens,
/// retirement, replacement, due, goal, planned, logged).
pub fn legend_month() -> [&'static str; 8] {
    if ja() {
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
    } else {
        [
            "expires",
            "renewal opens",
            "retires",
            "replacement",
            "due",
            "goal",
            "planned",
            "logged",
        ]
    }
}

/// The legend of the timeline (opens, window, study, due, expires, retires).
pub fn legend_timeline() -> [&'static str; 6] {
    if ja() {
        ["更新開始", "更新期間", "学習", "期限", "失効", "廃止"]
    } else {
        ["opens", "window", "study", "due", "expires", "retires"]
    }
}

/// What happens on a day, in words (lower case): the calendar's event list.
pub fn event_label(kind: DayEventKind) -> &'static str {
    match kind {
        DayEventKind::Expiry(Band::Past) => tr("expired", "失効済み"),
        DayEventKind::Expiry(_) => tr("expires", "失効"),
        DayEventKind::RenewalOpens => tr("renewal opens", "更新開始"),
        DayEventKind::Retirement => tr("retires", "廃止"),
        DayEventKind::ReplacementAvailable => tr("replacement available", "後継が受験可能"),
        DayEventKind::Due => tr("due", "期限"),
        DayEventKind::Goal => tr("goal", "目標"),
    }
}

/// How soon an expiry is, in words ("" for other events).
pub fn event_note(kind: DayEventKind) -> &'static str {
    match kind {
        DayEventKind::Expiry(Band::Red) => tr("in under 30 days", "30日以内"),
        DayEventKind::Expiry(Band::Yellow) => tr("in under 60 days", "60日以内"),
        DayEventKind::Expiry(Band::Plain) => tr("in under 90 days", "90日以内"),
        _ => "",
    }
}

/// The label of an event in the selected day's details.
pub fn detail_label(kind: DayEventKind) -> &'static str {
    match kind {
        DayEventKind::Expiry(Band::Past) => tr("Expired", "失効済み"),
        DayEventKind::Expiry(_) => tr("Expires", "失効"),
        DayEventKind::RenewalOpens => tr("Renewal opens", "更新開始"),
        DayEventKind::Retirement => tr("Retires", "廃止"),
        DayEventKind::ReplacementAvailable => tr("Replacement", "後継"),
        DayEventKind::Due => tr("Due", "期限"),
        DayEventKind::Goal => tr("Goal", "目標"),
    }
}

/// Labels of the study rows of the day's details.
pub fn day_pinned() -> &'static str {
    tr("Pinned", "固定")
}

pub fn day_planned() -> &'static str {
    tr("Planned", "予定")
}

pub fn day_logged() -> &'static str {
    tr("Logged", "記録")
}

pub fn day_total() -> &'static str {
    tr("Total", "合計")
}

pub fn day_empty() -> &'static str {
    tr("Nothing due and no study.", "期限も学習もありません。")
}

/// A day as seen from today: "today", "in 4 days", "2 days ago".
pub fn days_from_today(n: i64) -> String {
    match (n, ja()) {
        (0, _) => tr("today", "今日").to_string(),
        (1, _) => tr("tomorrow", "明日").to_string(),
        (-1, _) => tr("yesterday", "昨日").to_string(),
        (n, false) if n > 0 => format!("in {n} days"),
        (n, false) => format!("{} days ago", -n),
        (n, true) if n > 0 => format!("{n}日後"),
        (n, true) => format!("{}日前", -n),
    }
}

/// The day's totals: "planned 1h, logged 30m" (a zero left out).
pub fn day_totals(planned: u32, logged: u32) -> String {
    use crate::domain::duration::format_minutes;
    let sep = tr(", ", "、");
    [
        (tr("planned", "予定"), planned),
        (tr("logged", "記録"), logged),
    ]
    .iter()
    .filter(|(_, m)| *m > 0)
    .map(|(what, m)| format!("{what} {}", format_minutes(*m)))
    .collect::<Vec<_>>()
    .join(sep)
}

/// Rows left out above a list: "↑ 3 more".
pub fn more_above(n: usize) -> String {
    if ja() {
        format!("↑ 他 {n}件")
    } else {
        format!("↑ {n} more")
    }
}

/// Rows left out below a list: "↓ 3 more".
pub fn more_below(n: usize) -> String {
    if ja() {
        format!("↓ 他 {n}件")
    } else {
        format!("↓ {n} more")
    }
}

/// Events left out of a month grid's day: "+2 more".
pub fn more_in_day(n: usize) -> String {
    if ja() {
        format!("+{n}件")
    } else {
        format!("+{n} more")
    }
}

/// The timeline with nothing ahead: "Nothing to renew from Thu 2026-11-26.".
pub fn nothing_to_renew(today: NaiveDate) -> String {
    if ja() {
        format!("{} 以降に更新するものはありません。", weekday_date(today))
    } else {
        format!("Nothing to renew from {}.", weekday_date(today))
    }
}

/// The heatmap's summary in words: "Streak 3 days · this week 2h · past year 80h".
pub fn heat_summary(streak: u32, week: &str, year: &str) -> String {
    if ja() {
        return format!("連続 {streak}日 · 今週 {week} · 過去1年 {year}");
    }
    let days = if streak == 1 { "day" } else { "days" };
    format!("Streak {streak} {days} · this week {week} · past year {year}")
}

/// The heatmap's summary where the words do not fit: "3d streak · week 2h · year 80h".
pub fn heat_summary_short(streak: u32, week: &str, year: &str) -> String {
    if ja() {
        format!("連続{streak}日 · 週 {week} · 年 {year}")
    } else {
        format!("{streak}d streak · week {week} · year {year}")
    }
}

/// Either side of the heatmap's key: "less ·░▒▓█ more".
pub fn heat_less() -> &'static str {
    tr("less ", "少 ")
}

pub fn heat_more() -> &'static str {
    tr(" more", " 多")
}

// ----- `sukima calendar` (the command line, always in English) -----

/// The legend's mark for today.
pub const CAL_TODAY: &str = "today";
pub const CAL_NO_EVENTS: &str = "No renewal events.";

/// "No renewal events in November 2026.".
pub fn cal_no_events_in(month: &str) -> String {
    format!("No renewal events in {month}.")
}

/// "Study this month: 4h planned, 2h logged.".
pub fn cal_study(planned: &str, logged: &str) -> String {
    format!("Study this month: {planned} planned, {logged} logged.")
}

/// The short form: "Planned 4h, logged 2h.".
pub fn cal_study_short(planned: &str, logged: &str) -> String {
    format!("Planned {planned}, logged {logged}.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::badge::Badge;
    use crate::domain::status::Status;
    use chrono::NaiveDate;

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
            set_language(Language::En);
            assert_eq!(status_label(b, st, today), en);
            set_language(Language::Ja);
            assert_eq!(status_label(b, st, today), ja);
        }
        set_language(Language::En);
    }

    #[test]
    fn form_errors_in_japanese_and_from_the_library_in_english() {
        let date = crate::domain::dates::parse_date_or_period("2027-13-01").unwrap_err();
        let effort = crate::domain::duration::parse_duration("3日").unwrap_err();
        set_language(Language::En);
        assert_eq!(bad_date("2027-13-01", date.to_string()), date.to_string());
        assert_eq!(bad_duration("3日", effort.to_string()), effort.to_string());
        set_language(Language::Ja);
        assert!(bad_date("2027-13-01", date.to_string()).starts_with("'2027-13-01' は日付"));
        assert!(bad_duration("3日", effort.to_string()).contains("3時間"));
        assert_eq!(
            bad_priority(String::new()),
            "優先度は low、normal、high のどれかです"
        );
        set_language(Language::En);
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
            set_language(Language::En);
            assert_eq!(day_name(d, today), en);
            set_language(Language::Ja);
            assert_eq!(day_name(d, today), ja);
        }
        set_language(Language::En);
        let earlier = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(day_name(day(12, 4), earlier), "Fri 12-04");
    }

    #[test]
    fn risk_texts_in_both_languages() {
        use crate::domain::plan::{Outcome, Risk};
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
        let both = |o: &Outcome| {
            set_language(Language::En);
            let en = risk_text(o);
            set_language(Language::Ja);
            let ja = risk_text(o);
            set_language(Language::En);
            (en, ja)
        };
        assert_eq!(
            both(&o),
            (
                "short 5h by 2027-02-03, not ready within the plan".into(),
                "期限 2027-02-03 までに 5h 不足、計画の範囲では終わりません".into()
            )
        );
        o.finish = Some(day(2, 10));
        assert_eq!(
            both(&o),
            (
                "short 5h by 2027-02-03, ready 2027-02-10".into(),
                "期限 2027-02-03 までに 5h 不足、準備完了は 2027-02-10".into()
            )
        );
        o.risk = Some(Risk::DuePassed);
        assert_eq!(
            both(&o).1,
            "期限 2027-02-03 を過ぎています: 今から遅れて計画します"
        );
    }
}
