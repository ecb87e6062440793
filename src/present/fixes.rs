//! What would save a badge at risk, and why a pinned session breaks the rules, in words:
//! shown by `sukima plan` and by the planner's Plan and Today views. (Moved here as the
//! planner's author wrote them, each taking the language; to be folded into
//! `present::Texts` like the rest.)

use crate::config::Language;
use crate::domain::dates::hm;
use crate::domain::duration::format_minutes;
use crate::domain::plan::Outcome;
use crate::planning::conflicts::Reason;
use crate::planning::fixes::{Fix, NoFix, Rescue};

/// One line of a rescue: what to change, and the command that changes it (none for a
/// kind of fix that does not exist).
pub struct FixLine {
    pub text: String,
    pub command: Option<String>,
}

/// The fixes of a badge at risk in words, in `language`, each with its command; then the
/// kinds with no fix and why.
pub fn fix_lines_in(r: &Rescue, o: &Outcome, language: Language) -> Vec<FixLine> {
    let ja = language == Language::Ja;
    let due = o.due;
    let mut out: Vec<FixLine> = r
        .fixes
        .iter()
        .map(|f| FixLine {
            text: match (f, ja) {
                (Fix::DailyCap { minutes }, false) => {
                    format!("raise the daily cap to {}", format_minutes(*minutes))
                }
                (Fix::DailyCap { minutes }, true) => {
                    format!("1日の上限を {} に上げる", format_minutes(*minutes))
                }
                (
                    Fix::Window {
                        days, start, end, ..
                    },
                    false,
                ) => format!(
                    "study {} {}-{} until {due}",
                    crate::domain::spare::format_days(days),
                    hm(*start),
                    hm(*end)
                ),
                (
                    Fix::Window {
                        days, start, end, ..
                    },
                    true,
                ) => format!(
                    "{due} まで {} {}-{} に時間枠を足す",
                    crate::domain::spare::format_days(days),
                    hm(*start),
                    hm(*end)
                ),
                (
                    Fix::LowerPriority {
                        badges,
                        to,
                        then_at_risk,
                    },
                    false,
                ) => {
                    let cost = if then_at_risk.is_empty() {
                        String::new()
                    } else {
                        format!(" ({} then at risk)", then_at_risk.join(", "))
                    };
                    format!("lower {} to {to} priority{cost}", badges.join(", "))
                }
                (
                    Fix::LowerPriority {
                        badges,
                        to,
                        then_at_risk,
                    },
                    true,
                ) => {
                    let cost = if then_at_risk.is_empty() {
                        String::new()
                    } else {
                        format!("(代わりに {} が遅延リスク)", then_at_risk.join(", "))
                    };
                    format!(
                        "{} の優先度を {} に下げる{cost}",
                        badges.join(", "),
                        match to {
                            crate::domain::Priority::Low => "低",
                            crate::domain::Priority::Normal => "通常",
                            crate::domain::Priority::High => "高",
                        }
                    )
                }
            },
            command: Some(f.command()),
        })
        .collect();
    for (_, why) in &r.missing {
        out.push(FixLine {
            text: no_fix_text(*why, o, ja),
            command: None,
        });
    }
    out
}

fn no_fix_text(why: NoFix, o: &Outcome, ja: bool) -> String {
    let due = o.due;
    let need = format_minutes(o.remaining);
    match (why, ja) {
        (NoFix::DuePassed, false) => format!("no fix: its due day {due} has passed"),
        (NoFix::DuePassed, true) => format!("対策なし: 期限 {due} を過ぎています"),
        (NoFix::DueBeforeRelease, false) => {
            format!("no fix: it is due {due}, before it can start: set a goal date")
        }
        (NoFix::DueBeforeRelease, true) => {
            format!("対策なし: 始められる日より前の {due} が期限です: 目標日を設定してください")
        }
        (NoFix::MoreThanTheDays, false) => {
            format!("no fix: {need} is more than the hours left until {due}")
        }
        (NoFix::MoreThanTheDays, true) => {
            format!("対策なし: {due} までの残り時間では {need} に足りません")
        }
        (NoFix::CapNotTheLimit, false) => {
            format!("no daily cap saves it: the spare time before {due} is what is missing")
        }
        (NoFix::CapNotTheLimit, true) => {
            format!("上限を上げても間に合いません: {due} までのスキマ時間が足りません")
        }
        (NoFix::CapFull, false) => {
            format!("no extra window saves it: the days until {due} are full under the daily cap")
        }
        (NoFix::CapFull, true) => {
            format!("時間枠を足しても間に合いません: {due} までの日は1日の上限に達しています")
        }
        (NoFix::NoFreeTimeOfDay, false) => {
            format!("no extra window: no time of day is free on the days until {due}")
        }
        (NoFix::NoFreeTimeOfDay, true) => {
            format!("時間枠を足せません: {due} までの日に空いている時間帯がありません")
        }
        (NoFix::WindowNotEnough, false) => {
            "no extra window saves it: not even a 4-hour one".to_string()
        }
        (NoFix::WindowNotEnough, true) => "4時間の時間枠を足しても間に合いません".to_string(),
        (NoFix::AlreadyLowest, false) => {
            "no priority change: it is already low priority".to_string()
        }
        (NoFix::AlreadyLowest, true) => "優先度では救えません: すでに低優先度です".to_string(),
        (NoFix::NoRival, false) => {
            format!("no priority change: no badge of its priority or higher studies before {due}")
        }
        (NoFix::NoRival, true) => {
            format!("優先度では救えません: {due} までに同等以上の優先度のバッジは学習していません")
        }
        (NoFix::RivalsNotEnough, false) => {
            "no priority change: even lowering every badge that takes its time would not".into()
        }
        (NoFix::RivalsNotEnough, true) => {
            "優先度では救えません: 時間を使う全バッジを下げても間に合いません".into()
        }
    }
}

/// Why a pinned session breaks the rules, in words: "in a blackout, over the daily cap".
pub fn conflict_text_in(reasons: &[Reason], language: Language) -> String {
    let ja = language == Language::Ja;
    reasons
        .iter()
        .map(|r| match (r, ja) {
            (Reason::Blackout, false) => "in a blackout",
            (Reason::Busy, false) => "over busy time",
            (Reason::DailyCap, false) => "over the daily cap",
            (Reason::BeforeRelease, false) => "before its renewal window",
            (Reason::Done, false) => "nothing left to study",
            (Reason::Blackout, true) => "休止期間中",
            (Reason::Busy, true) => "予定と重複",
            (Reason::DailyCap, true) => "1日の上限超過",
            (Reason::BeforeRelease, true) => "更新期間の前",
            (Reason::Done, true) => "学習は完了済み",
        })
        .collect::<Vec<_>>()
        .join(if ja { "、" } else { ", " })
}
