//! One decision per badge (DESIGN 2): its status, what the planner works toward, and what
//! its retirement means, decided once so that every screen and command reads the same
//! answer. `badge list` and `badge show`, the Today, Badges and Plan views, `plan`, `due`
//! and the calendar all take a badge's status and labels from a [`Decision`].

use super::badge::Badge;
use super::status::{Status, later_retirement, status_at};
use super::work::{Idle, Work, WorkRules, work_for_all};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// What sukima says of one badge today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub status: Status,
    pub work: Work,
    pub retirement: Retirement,
    /// The open deals ahead that need it, and what each did to its work
    /// ([`super::deal::apply`]): the reason it matters now.
    pub deals: Vec<super::deal::Need>,
}

/// What a badge's retirement means for it, for the retirement column and the details.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retirement {
    /// No retirement announced.
    None,
    /// It retires first, nothing replaces it, nothing is planned: let it lapse.
    LetLapse(NaiveDate),
    /// It retires first; the replacement (a key in [`Work`] or the badge) takes over.
    Replaced(Option<NaiveDate>),
    /// It retires after it expires: renewed as usual, the retirement shown beside.
    AfterExpiry(NaiveDate),
    /// It retires ahead and that changes nothing planned (a target, an archived badge).
    Ahead(NaiveDate),
    /// The retirement has passed.
    Past(NaiveDate),
}

/// The decision for every badge, keyed by badge key. `warn_days`: how close an expiry
/// makes a badge `expiring`.
pub fn decide_all(
    badges: &[Badge],
    rules: &WorkRules<'_>,
    warn_days: u32,
    logged_in_cycle: &dyn Fn(&Badge) -> u32,
) -> BTreeMap<String, Decision> {
    let mut work = work_for_all(badges, rules, logged_in_cycle);
    badges
        .iter()
        .map(|b| {
            let status = status_at(b, rules.today, warn_days);
            let work = work.remove(&b.key).unwrap_or(Work::Nothing(Idle::Archived));
            let retirement = retirement(b, status, &work, rules.today);
            (
                b.key.clone(),
                Decision {
                    status,
                    work,
                    retirement,
                    deals: Vec::new(),
                },
            )
        })
        .collect()
}

fn retirement(b: &Badge, status: Status, work: &Work, today: NaiveDate) -> Retirement {
    let Some(r) = b.retires_on else {
        return match &b.replaced_by {
            Some(_) => Retirement::Replaced(None),
            None => Retirement::None,
        };
    };
    if r < today {
        return Retirement::Past(r);
    }
    if let Some(later) = later_retirement(b, status) {
        return Retirement::AfterExpiry(later);
    }
    match work {
        Work::Nothing(Idle::LetLapse) => Retirement::LetLapse(r),
        Work::Nothing(Idle::ReplacedBy(_) | Idle::ReplacementHeld(_)) => {
            Retirement::Replaced(Some(r))
        }
        _ => Retirement::Ahead(r),
    }
}

impl Retirement {
    /// The retirement date, when there is one.
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            Retirement::None => None,
            Retirement::Replaced(d) => d,
            Retirement::LetLapse(d)
            | Retirement::AfterExpiry(d)
            | Retirement::Ahead(d)
            | Retirement::Past(d) => Some(d),
        }
    }
}

#[cfg(test)]
mod tests;
