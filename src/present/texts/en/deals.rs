//! The English words of deals.

use super::super::{DealTexts, En, Texts};
use crate::domain::change::{ChangeError, Done, Label};
use crate::domain::deal::{DealError, DealRisk, DealState, Effect, RiskReason};
use crate::domain::duration::format_minutes;
use crate::text::counted;
use chrono::NaiveDate;

fn did_you_mean(close: &[String]) -> String {
    close
        .iter()
        .map(|k| format!("'{k}'"))
        .collect::<Vec<_>>()
        .join(" or ")
}

impl DealTexts for En {
    fn deal_done(&self, done: &Done) -> String {
        match done {
            Done::DealAdded {
                key,
                name,
                by,
                needs,
            } => format!(
                "added deal {key} ({name}): {} by {by}",
                counted(*needs, "badge", "badges")
            ),
            Done::DealUpdated { old_key, key } if old_key == key => {
                format!("updated deal {key}")
            }
            Done::DealUpdated { old_key, key } => format!("updated deal {old_key} (now {key})"),
            Done::DealClosed { key, state } => {
                format!(
                    "closed deal {key} as {}: it no longer shapes the plan",
                    state.as_str()
                )
            }
            Done::DealDeleted { key } => format!("deleted deal {key}"),
            other => self.done(other),
        }
    }

    fn deal_label(&self, label: &Label) -> String {
        label.record()
    }

    fn deal_change_error(&self, e: &ChangeError) -> String {
        match e {
            ChangeError::Deal(d) => self.deal_error(d),
            ChangeError::UnknownDeal { key, close } if close.is_empty() => {
                format!("no deal has the key '{key}': see `sukima deal list`")
            }
            ChangeError::UnknownDeal { key, close } => {
                format!(
                    "no deal has the key '{key}': did you mean {}?",
                    did_you_mean(close)
                )
            }
            ChangeError::DealKeyTaken { key } => {
                format!("a deal with the key '{key}' already exists: choose another with --key")
            }
            ChangeError::DealAlreadyClosed { key, state } => format!(
                "deal {key} is already closed ({}): nothing to close",
                state.as_str()
            ),
            other => self.change_error(other),
        }
    }

    fn deal_error(&self, e: &DealError) -> String {
        match e {
            DealError::NoName => {
                "a deal needs a name: sukima deal add NAME --by DATE --needs KEY".into()
            }
            DealError::NameTooLong { max } => {
                format!("the deal's name is longer than {max} characters: shorten it")
            }
            DealError::NoBadges => {
                "a deal needs at least one badge: give --needs KEY,... (see `sukima badge list`)"
                    .into()
            }
            DealError::DateInPast { by, today } => format!(
                "--by {by} is in the past (today is {today}): give the date the deal is registered"
            ),
            DealError::UnknownBadge { key, close } if close.is_empty() => {
                format!("--needs '{key}': no badge has that key; see `sukima badge list`")
            }
            DealError::UnknownBadge { key, close } => format!(
                "--needs '{key}': no badge has that key; did you mean {}?",
                did_you_mean(close)
            ),
            DealError::ArchivedBadge { key } => format!(
                "--needs '{key}': that badge is archived; restore it first (sukima badge archive {key} --undo)"
            ),
            DealError::ReviewNotNeeded { key } => {
                format!("--review '{key}': the deal does not need that badge; add it to --needs")
            }
            DealError::ReviewNotHeld { key } => format!(
                "--review '{key}': that badge is not held yet; review is for badges already earned"
            ),
            DealError::ReviewMinutes { key, minutes, max } => format!(
                "--review '{key}': {} is out of range; give 1m to {}",
                format_minutes(*minutes),
                format_minutes(*max)
            ),
            DealError::Key(k) => k.to_string(),
            DealError::BadDate { text } => {
                format!("--by '{text}' is not a date: write it as YYYY-MM-DD")
            }
            DealError::BadReview { text } => format!(
                "--review '{text}' is not KEY:DURATION: write it like cp4d-admin:2h or aws-saa:90m"
            ),
            DealError::BadPriority { text } => {
                format!("--priority '{text}' is not a priority: use low, normal or high")
            }
        }
    }

    fn deal_state(&self, s: DealState) -> &'static str {
        s.as_str()
    }

    fn deal_word(&self) -> &'static str {
        "deal"
    }

    fn deal_ready(&self) -> &'static str {
        "ready"
    }

    fn deal_at_risk(&self) -> &'static str {
        "at risk"
    }

    fn deal_risk(&self, r: &DealRisk, badge_name: &str, today: NaiveDate) -> String {
        match &r.reason {
            RiskReason::Retiring(Some(on)) if *on < today => {
                format!("{badge_name} was retired {on} with no replacement")
            }
            RiskReason::Unknown => format!("{} is no longer a badge", r.badge),
            RiskReason::Archived => format!("{badge_name} is archived"),
            RiskReason::Retiring(Some(on)) => {
                format!("{badge_name} retires {on} with no replacement")
            }
            RiskReason::Retiring(None) => format!("{badge_name} retires with no replacement"),
            RiskReason::Lapsed => format!("{badge_name} has lapsed and nothing is planned"),
            RiskReason::Prerequisite(p) => {
                format!("{badge_name} will not be ready: its prerequisite {p} is late")
            }
            RiskReason::AtRisk { shortfall, .. } => format!(
                "{badge_name} will not be ready ({} short)",
                format_minutes(*shortfall)
            ),
        }
    }

    fn deal_for(
        &self,
        deal_name: &str,
        by: NaiveDate,
        effect: Effect,
        _today: NaiveDate,
    ) -> String {
        let what = match effect {
            Effect::DueEarlier => ", due moved up",
            Effect::Review { .. } => ", review before",
            Effect::AlreadyInTime => "",
            Effect::Cannot => ", cannot be held",
        };
        format!("for {deal_name} by {by}{what}")
    }

    fn deals_at_risk(&self, n: usize) -> String {
        format!("{} at risk", counted(n, "deal", "deals"))
    }

    fn deal_heads(&self) -> [&'static str; 5] {
        ["KEY", "NAME", "BY", "STATE", "NEEDS"]
    }

    fn no_deals(&self) -> &'static str {
        "no deals yet: sukima deal add NAME --by DATE --needs KEY,..."
    }

    fn deal_fields(&self) -> [&'static str; 7] {
        [
            "name", "by", "needs", "review", "priority", "state", "notes",
        ]
    }
}
