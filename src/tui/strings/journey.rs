//! The planner's words for learning journeys (steps and prerequisites), in English and
//! Japanese: the steps popup and its form, the Badges detail, the session lines, opening
//! an address, and the messages of what a step action did.

use super::{ja, tr};
use crate::domain::step::{SessionStep, StepKind};

/// What a session advances: `Module 2 · 30 of 45m` (`Module 2 · 30/45分`), and the next
/// step when it goes on to it.
pub fn session_step(s: &SessionStep) -> String {
    if !ja() {
        return s.label();
    }
    let head = format!("{} · {}/{}分", s.title, s.covered, s.estimate);
    match &s.then {
        Some(next) => format!("{head}、続けて {next}"),
        None => head,
    }
}

/// The name of a kind of step.
pub fn step_kind(k: StepKind) -> &'static str {
    match k {
        StepKind::Course => tr("course", "講座"),
        StepKind::Assessment => tr("assessment", "評価"),
        StepKind::Exam => tr("exam", "試験"),
        StepKind::Experience => tr("experience", "実務"),
        StepKind::Other => tr("other", "その他"),
    }
}

/// The title of the steps popup.
pub fn steps_title(name: &str) -> String {
    if ja() {
        format!(" ステップ: {name} ")
    } else {
        format!(" Steps: {name} ")
    }
}

/// The keys of the steps popup.
pub fn steps_keys() -> &'static str {
    tr(
        "c done · o open · n add · e edit · J/K move · d delete · u undo · Esc close",
        "c 完了 o 開く n 追加 e 編集 J/K 移動 d 削除 u 戻す Esc 閉じる",
    )
}

/// The keys of the step form.
pub fn step_form_keys() -> &'static str {
    tr(
        "Tab/↑↓ move · Enter next · Ctrl-S save · Esc back",
        "Tab/↑↓ 移動 · Enter 次へ · Ctrl-S 保存 · Esc 戻る",
    )
}

pub fn step_form_title(editing: bool) -> &'static str {
    if editing {
        tr(" Edit step ", " ステップを編集 ")
    } else {
        tr(" New step ", " 新しいステップ ")
    }
}

/// The label of a field of the step form and its hint (labels fit in 12 cells).
pub fn step_field(name: &str) -> (&'static str, &'static str) {
    let (en, ja_) = match name {
        "title" => (
            ("Title", "required, like Module 2: Data governance"),
            ("タイトル", "必須 (例: Module 2: Data governance)"),
        ),
        "kind" => (
            ("Kind", "course, assessment, exam, experience, other"),
            ("種類", "course、assessment、exam、experience、other"),
        ),
        "minutes" => (
            ("Estimate", "45m, 1h30m; empty: the kind's default"),
            ("見積もり", "45m、1h30m。空欄なら種類の既定値"),
        ),
        "url" => (
            ("URL", "https://… where to study it"),
            ("URL", "https://… 学習するページ"),
        ),
        _ => (("", ""), ("", "")),
    };
    if ja() { ja_ } else { en }
}

/// The header row of the steps list.
pub fn steps_header() -> [&'static str; 4] {
    if ja() {
        ["#", "種類", "見積", "ステップ"]
    } else {
        ["#", "KIND", "EST", "STEP"]
    }
}

/// `done 01-05` / `01-05 完了`.
pub fn step_done_on(d: chrono::NaiveDate) -> String {
    if ja() {
        format!("{}/{} 完了", d.format("%m"), d.format("%d"))
    } else {
        format!("done {}", d.format("%m-%d"))
    }
}

pub fn step_gone() -> &'static str {
    tr("gone from the criteria", "取得基準から削除")
}

/// `1 of 4 steps done · 3h45m left of 4h30m`.
pub fn steps_progress(done: usize, all: usize, left: &str, total: &str) -> String {
    if ja() {
        format!("{all} ステップ中 {done} 完了 · 残り {left} / {total}")
    } else {
        format!("{done} of {all} steps done · {left} left of {total}")
    }
}

/// The detail pane's journey line: `Steps 1/4 ▸ Module 2 · t steps, c done, o open`.
pub fn detail_steps(done: usize, all: usize, current: Option<&str>) -> String {
    let current = current.map(|c| format!(" ▸ {c}")).unwrap_or_default();
    if ja() {
        format!("ステップ {done}/{all}{current} · t 一覧 c 完了 o 開く")
    } else {
        format!("Steps {done}/{all}{current} · t steps, c done, o open")
    }
}

/// The detail pane's line when a badge has no steps.
pub fn detail_no_steps() -> &'static str {
    tr("No steps · t to add them", "ステップなし · t で追加")
}

/// The detail pane's prerequisites: `After found (waiting), mid (held)`.
pub fn detail_after(parts: &[(String, bool)]) -> String {
    let list: Vec<String> = parts
        .iter()
        .map(|(k, held)| {
            let state = match (held, ja()) {
                (true, false) => "held",
                (false, false) => "waiting",
                (true, true) => "取得済",
                (false, true) => "待ち",
            };
            format!("{k} ({state})")
        })
        .collect();
    if ja() {
        format!("前提 {}", list.join("、"))
    } else {
        format!("After {}", list.join(", "))
    }
}

/// The detail pane's dependants: `Before adv, expert`.
pub fn detail_before(keys: &[String]) -> String {
    if ja() {
        format!("次に {}", keys.join("、"))
    } else {
        format!("Before {}", keys.join(", "))
    }
}

pub fn no_steps(key: &str) -> String {
    if ja() {
        format!("{key} にはステップがありません: n で追加できます")
    } else {
        format!("{key} has no steps: add one with n")
    }
}

pub fn no_url() -> &'static str {
    tr(
        "no address to open: give the step or the badge a URL (e to edit)",
        "開くアドレスがありません: ステップかバッジに URL を設定してください (e で編集)",
    )
}

pub fn nothing_to_open() -> &'static str {
    tr("nothing selected to open", "開く項目が選ばれていません")
}

/// After handing an address to the browser.
pub fn opening(url: &str) -> String {
    if ja() {
        format!("ブラウザで開いています: {url}")
    } else {
        format!("opening {url}")
    }
}

/// When the browser could not be started.
pub fn cannot_open(why: &str) -> String {
    if ja() {
        format!("ブラウザを起動できません ({why}): 環境変数 BROWSER を設定してください")
    } else {
        format!("cannot start a browser ({why}): set BROWSER to one")
    }
}

pub fn title_required() -> &'static str {
    tr("a title is required", "タイトルは必須です")
}

pub fn undo_hint() -> &'static str {
    tr("u undoes", "u で元に戻せます")
}

/// Why prerequisites will not do, for the badge form.
pub fn prereq_problem(e: &crate::domain::prereq::PrereqError) -> String {
    use crate::domain::prereq::PrereqError as E;
    if !ja() {
        return match e {
            E::Cycle { cycle } => format!("a loop: {}", cycle.join(" → ")),
            other => other.to_string(),
        };
    }
    match e {
        E::Unknown { key } => format!("キーが '{key}' のバッジはありません"),
        E::Archived { key } => format!("'{key}' はアーカイブ済みです"),
        E::Itself { key } => format!("'{key}' は自分自身の前提になれません"),
        E::Cycle { cycle } => format!("前提が循環しています: {}", cycle.join(" → ")),
    }
}
