//! The words of deals (DESIGN 1, 案件登録), shown by the command line and the planner
//! alike: what a change to a deal did or why it was refused, a deal's state, and why a
//! deal is at risk. A supertrait of [`super::Texts`], so every catalogue has them and a
//! missing one is a compile error.

use crate::domain::change::{ChangeError, Done, Label};
use crate::domain::deal::{DealError, DealRisk, DealState, Effect};
use chrono::NaiveDate;

/// The words of deals in one language.
pub trait DealTexts {
    /// What a change to a deal did (`Done::Deal*`; anything else as `other`).
    fn deal_done(&self, done: &Done) -> String;

    /// A deal change as the undo journal names it (`Label::*Deal`).
    fn deal_label(&self, label: &Label) -> String;

    /// Why a change to a deal was refused (`ChangeError::Deal*`, `UnknownDeal`).
    fn deal_change_error(&self, e: &ChangeError) -> String;

    /// Why a deal cannot be written.
    fn deal_error(&self, e: &DealError) -> String;

    /// `open`, `won`, `lost`, `dropped`.
    fn deal_state(&self, s: DealState) -> &'static str;

    /// "deal" (案件), before a deal's name.
    fn deal_word(&self) -> &'static str;

    /// "ready" (a deal whose badges will all be ready).
    fn deal_ready(&self) -> &'static str;

    /// "at risk".
    fn deal_at_risk(&self) -> &'static str;

    /// Why one badge keeps a deal at risk, naming the badge (its name given).
    fn deal_risk(&self, r: &DealRisk, badge_name: &str, today: NaiveDate) -> String;

    /// What a deal does for a badge it needs: "for Acme DWH by 1 Mar" (Badges detail).
    fn deal_for(&self, deal_name: &str, by: NaiveDate, effect: Effect, today: NaiveDate) -> String;

    /// "2 deals at risk" (`due`, Today's headline).
    fn deals_at_risk(&self, n: usize) -> String;

    /// The column heads of `deal list`: key, name, date, state, needs.
    fn deal_heads(&self) -> [&'static str; 5];

    /// "no deals yet: sukima deal add NAME --by DATE --needs KEY".
    fn no_deals(&self) -> &'static str;

    /// The field names of `deal show`: name, date, needs, review, priority, state, notes.
    fn deal_fields(&self) -> [&'static str; 7];
}
