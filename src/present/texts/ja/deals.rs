//! The Japanese words of deals (案件).

use super::super::{DealTexts, Ja, Texts};
use crate::domain::change::{ChangeError, Done, Label};
use crate::domain::deal::{DealError, DealRisk, DealState, Effect, RiskReason};
use chrono::NaiveDate;

fn did_you_mean(close: &[String]) -> String {
    close
        .iter()
        .map(|k| format!("'{k}'"))
        .collect::<Vec<_>>()
        .join(" または ")
}

fn state(s: DealState) -> &'static str {
    match s {
        DealState::Open => "進行中",
        DealState::Won => "受注",
        DealState::Lost => "失注",
        DealState::Dropped => "取り下げ",
    }
}

impl DealTexts for Ja {
    fn deal_done(&self, done: &Done) -> String {
        match done {
            Done::DealAdded {
                key,
                name,
                by,
                needs,
            } => format!(
                "案件 {key} ({name}) を登録しました: {} までにバッジ {needs} 件",
                self.date(*by, *by)
            ),
            Done::DealUpdated { old_key, key } if old_key == key => {
                format!("案件 {key} を更新しました")
            }
            Done::DealUpdated { old_key, key } => {
                format!("案件 {old_key} を更新しました (新しいキー {key})")
            }
            Done::DealClosed { key, state: s } => format!(
                "案件 {key} を{}で閉じました: もう計画には影響しません",
                state(*s)
            ),
            Done::DealDeleted { key } => format!("案件 {key} を削除しました"),
            other => self.done(other),
        }
    }

    fn deal_label(&self, label: &Label) -> String {
        match label {
            Label::AddDeal(k) => format!("案件 {k} の登録"),
            Label::EditDeal(k) => format!("案件 {k} の編集"),
            Label::CloseDeal { key, state: s } => format!(
                "案件 {key} のクローズ ({})",
                DealState::parse(s).map_or_else(|| s.clone(), |x| state(x).to_string())
            ),
            Label::DeleteDeal(k) => format!("案件 {k} の削除"),
            other => self.label(other),
        }
    }

    fn deal_change_error(&self, e: &ChangeError) -> String {
        match e {
            ChangeError::Deal(d) => self.deal_error(d),
            ChangeError::UnknownDeal { key, close } if close.is_empty() => {
                format!("キー '{key}' の案件はありません: `sukima deal list` で確認してください")
            }
            ChangeError::UnknownDeal { key, close } => format!(
                "キー '{key}' の案件はありません: {} のことですか?",
                did_you_mean(close)
            ),
            ChangeError::DealKeyTaken { key } => {
                format!("キー '{key}' の案件はすでにあります: --key で別のキーを指定してください")
            }
            ChangeError::DealAlreadyClosed { key, state: s } => format!(
                "案件 {key} はすでに閉じています ({}): 閉じるものはありません",
                state(*s)
            ),
            other => self.change_error(other),
        }
    }

    fn deal_error(&self, e: &DealError) -> String {
        match e {
            DealError::NoName => {
                "案件には名前が必要です: sukima deal add 名前 --by 日付 --needs キー".into()
            }
            DealError::NameTooLong { max } => {
                format!("案件の名前が {max} 文字を超えています: 短くしてください")
            }
            DealError::NoBadges => {
                "案件には少なくとも 1 つのバッジが必要です: --needs キー,... を指定してください"
                    .into()
            }
            DealError::DateInPast { by, today } => format!(
                "--by {by} は過去の日付です (今日は {today}): 案件登録の日付を指定してください"
            ),
            DealError::UnknownBadge { key, close } if close.is_empty() => format!(
                "--needs '{key}': そのキーのバッジはありません。`sukima badge list` で確認してください"
            ),
            DealError::UnknownBadge { key, close } => format!(
                "--needs '{key}': そのキーのバッジはありません。{} のことですか?",
                did_you_mean(close)
            ),
            DealError::ArchivedBadge { key } => {
                format!("--needs '{key}': そのバッジはアーカイブ済みです。先に戻してください")
            }
            DealError::ReviewNotNeeded { key } => format!(
                "--review '{key}': 案件はそのバッジを必要としていません。--needs に加えてください"
            ),
            DealError::ReviewNotHeld { key } => format!(
                "--review '{key}': そのバッジはまだ取得していません。復習は取得済みのバッジが対象です"
            ),
            DealError::ReviewMinutes { key, minutes, max } => format!(
                "--review '{key}': {} は範囲外です。1分から{}で指定してください",
                self.minutes(*minutes),
                self.minutes(*max)
            ),
            DealError::Key(k) => {
                self.badge_error(&crate::domain::validation::BadgeError::Key(k.clone()))
            }
            DealError::BadDate { text } => {
                format!("--by '{text}' は日付ではありません: YYYY-MM-DD で指定してください")
            }
            DealError::BadReview { text } => format!(
                "--review '{text}' は キー:時間 の形ではありません: cp4d-admin:2h や aws-saa:90m のように指定してください"
            ),
            DealError::BadPriority { text } => format!(
                "--priority '{text}' は優先度ではありません: low、normal、high のいずれかです"
            ),
        }
    }

    fn deal_state(&self, s: DealState) -> &'static str {
        state(s)
    }

    fn deal_word(&self) -> &'static str {
        "案件"
    }

    fn deal_ready(&self) -> &'static str {
        "準備OK"
    }

    fn deal_at_risk(&self) -> &'static str {
        "遅延リスク"
    }

    fn deal_risk(&self, r: &DealRisk, badge_name: &str, today: NaiveDate) -> String {
        match &r.reason {
            RiskReason::Retiring(Some(on)) if *on < today => {
                format!(
                    "{badge_name} は{}に廃止済み、後継なし",
                    self.date(*on, today)
                )
            }
            RiskReason::Unknown => format!("{} はもうありません", r.badge),
            RiskReason::Archived => format!("{badge_name} はアーカイブ済み"),
            RiskReason::Retiring(Some(on)) => {
                format!("{badge_name} は{}に廃止、後継なし", self.date(*on, today))
            }
            RiskReason::Retiring(None) => format!("{badge_name} は廃止予定、後継なし"),
            RiskReason::Lapsed => format!("{badge_name} は失効し計画なし"),
            RiskReason::Prerequisite(p) => {
                format!("{badge_name} が間に合わない: 前提 {p} が遅れる")
            }
            RiskReason::AtRisk { shortfall, .. } => format!(
                "{badge_name} が間に合わない ({}不足)",
                self.minutes(*shortfall)
            ),
        }
    }

    fn deal_for(&self, deal_name: &str, by: NaiveDate, effect: Effect, today: NaiveDate) -> String {
        let what = match effect {
            Effect::DueEarlier => "、期限を前倒し",
            Effect::Review { .. } => "、事前に復習",
            Effect::AlreadyInTime => "",
            Effect::Cannot => "、保持できない",
        };
        format!("{deal_name} のため {}まで{what}", self.date(by, today))
    }

    fn deals_at_risk(&self, n: usize) -> String {
        format!("遅延リスクの案件 {n}件")
    }

    fn deal_heads(&self) -> [&'static str; 5] {
        ["キー", "名前", "期日", "状態", "必要なバッジ"]
    }

    fn no_deals(&self) -> &'static str {
        "案件はまだありません: sukima deal add 名前 --by 日付 --needs キー,..."
    }

    fn deal_fields(&self) -> [&'static str; 7] {
        ["名前", "期日", "必要", "復習", "優先度", "状態", "メモ"]
    }
}
