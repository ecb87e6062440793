//! Deals (DESIGN 1, 案件登録): a deal, project or program requirement that needs badges
//! held and valid by a date. While a deal is open and its date is ahead, it shapes the
//! work of the badges it needs ([`apply`]); after the plan, [`assess`] says whether each
//! open deal is ready or at risk, naming the badge and the reason. Pure: no I/O, no
//! clock, no words.
//!
//! What a deal does to a badge it needs, by the badge's work today:
//! - a target (with a goal or without one, a replacement planned for it, an expired badge
//!   to earn again): due the earlier of its own due and the deal's date minus the buffer;
//! - a held badge that would expire before the date: its renewal, whose usual due already
//!   comes first, is kept;
//! - a held badge valid through the date: untouched;
//! - every one of them takes at least the deal's priority;
//! - review study (minutes on a held badge) is planned before the date: a badge renewed
//!   for the deal takes the larger of its renewal's minutes and the review (renewing is
//!   the refresh); a badge valid through the date gets the review as its work for now,
//!   released today and due the day before the deal, its renewal planned once the deal
//!   is past. Minutes logged on the badge since the deal was added count toward it.

use super::badge::{Badge, Priority};
use super::work::{Idle, PlanTarget, Work};
use chrono::{Days, NaiveDate};
use std::collections::BTreeMap;

/// The most review study a deal may ask of one badge (DESIGN: absurd sizes refused).
pub const MAX_REVIEW_MINUTES: u32 = 200 * 60;

/// The longest deal name, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// Where a deal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum DealState {
    /// Still to register: it shapes the plan while its date is ahead.
    #[default]
    Open,
    Won,
    Lost,
    Dropped,
}

impl DealState {
    /// The word stored and printed in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            DealState::Open => "open",
            DealState::Won => "won",
            DealState::Lost => "lost",
            DealState::Dropped => "dropped",
        }
    }

    /// Reads a stored word.
    pub fn parse(text: &str) -> Option<DealState> {
        Some(match text {
            "open" => DealState::Open,
            "won" => DealState::Won,
            "lost" => DealState::Lost,
            "dropped" => DealState::Dropped,
            _ => return None,
        })
    }
}

/// Review study a deal asks for on a held badge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub badge: String,
    pub minutes: u32,
}

/// A deal (DESIGN 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deal {
    /// Short unique handle, derived from the name as for badges.
    pub key: String,
    pub name: String,
    /// The date by which its badges must be held and valid.
    pub by: NaiveDate,
    /// Keys of the badges it needs, in the order given.
    pub needs: Vec<String>,
    /// Review study per held badge (each one of `needs`).
    pub review: Vec<Review>,
    pub priority: Priority,
    pub state: DealState,
    pub notes: Option<String>,
    /// The day it was added: review minutes logged from then on count toward it.
    pub created_on: NaiveDate,
}

impl Deal {
    /// Whether it shapes the plan today: open, and its date not past.
    pub fn is_active(&self, today: NaiveDate) -> bool {
        self.state == DealState::Open && self.by >= today
    }

    /// The review minutes it asks of a badge (0 for none).
    pub fn review_of(&self, badge: &str) -> u32 {
        self.review
            .iter()
            .filter(|r| r.badge == badge)
            .map(|r| r.minutes)
            .sum()
    }
}

/// Why a deal cannot be written; nothing was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DealError {
    #[error("a deal needs a name")]
    NoName,
    #[error("the deal's name is longer than {max} characters")]
    NameTooLong { max: usize },
    #[error("a deal needs at least one badge (--needs KEY,...)")]
    NoBadges,
    #[error("deal date {by} is in the past (today is {today})")]
    DateInPast { by: NaiveDate, today: NaiveDate },
    #[error("deal needs '{key}', which no badge has")]
    UnknownBadge { key: String, close: Vec<String> },
    #[error("deal needs '{key}', which is archived")]
    ArchivedBadge { key: String },
    #[error("--review names '{key}', which the deal does not need")]
    ReviewNotNeeded { key: String },
    #[error("--review of '{key}' is not held: review is for badges already earned")]
    ReviewNotHeld { key: String },
    #[error("--review of '{key}': {minutes} minutes is out of range (1 to {max})")]
    ReviewMinutes { key: String, minutes: u32, max: u32 },
    #[error("{0}")]
    Key(#[from] super::badge::KeyError),
    #[error("--by '{text}' is not a date (YYYY-MM-DD)")]
    BadDate { text: String },
    #[error("--review '{text}' is not KEY:DURATION (cp4d-admin:2h)")]
    BadReview { text: String },
    #[error("--priority '{text}' is not low, normal or high")]
    BadPriority { text: String },
}

/// Reads `--review KEY:DURATION,…` (empty: none).
pub fn parse_review(text: &str) -> Result<Vec<Review>, DealError> {
    let mut out: Vec<Review> = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let bad = || DealError::BadReview { text: part.into() };
        let (key, d) = part.split_once(':').ok_or_else(bad)?;
        let minutes = super::duration::parse_duration(d.trim()).map_err(|_| bad())?;
        let key = key.trim().to_string();
        if key.is_empty() {
            return Err(bad());
        }
        match out.iter_mut().find(|r| r.badge == key) {
            Some(r) => r.minutes = r.minutes.saturating_add(minutes),
            None => out.push(Review {
                badge: key,
                minutes,
            }),
        }
    }
    Ok(out)
}

/// Reads `--needs KEY,…`: trimmed, each once, in order.
pub fn parse_needs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for k in text.split(',').map(str::trim).filter(|k| !k.is_empty()) {
        let k = k.trim_start_matches('#').to_string();
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// Checks a deal before it is written: its name, badges and review, and (when `new`) a
/// date not in the past. `badges`: every badge, archived included.
pub fn check(deal: &Deal, badges: &[Badge], today: NaiveDate, new: bool) -> Result<(), DealError> {
    let name = deal.name.trim();
    if name.is_empty() {
        return Err(DealError::NoName);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(DealError::NameTooLong {
            max: MAX_NAME_CHARS,
        });
    }
    super::badge::validate_key(&deal.key)?;
    if new && deal.by < today {
        return Err(DealError::DateInPast { by: deal.by, today });
    }
    if deal.needs.is_empty() {
        return Err(DealError::NoBadges);
    }
    let by_key: BTreeMap<&str, &Badge> = badges.iter().map(|b| (b.key.as_str(), b)).collect();
    for key in &deal.needs {
        match by_key.get(key.as_str()) {
            None => {
                let close = super::similar::closest(
                    key,
                    badges
                        .iter()
                        .filter(|b| !b.archived)
                        .map(|b| b.key.as_str()),
                    3,
                )
                .into_iter()
                .map(str::to_string)
                .collect();
                return Err(DealError::UnknownBadge {
                    key: key.clone(),
                    close,
                });
            }
            Some(b) if b.archived => return Err(DealError::ArchivedBadge { key: key.clone() }),
            Some(_) => {}
        }
    }
    for r in &deal.review {
        if !deal.needs.contains(&r.badge) {
            return Err(DealError::ReviewNotNeeded {
                key: r.badge.clone(),
            });
        }
        if r.minutes == 0 || r.minutes > MAX_REVIEW_MINUTES {
            return Err(DealError::ReviewMinutes {
                key: r.badge.clone(),
                minutes: r.minutes,
                max: MAX_REVIEW_MINUTES,
            });
        }
        if by_key.get(r.badge.as_str()).is_some_and(|b| !b.is_held()) {
            return Err(DealError::ReviewNotHeld {
                key: r.badge.clone(),
            });
        }
    }
    Ok(())
}

/// What the open deals did to one badge's work (for its decision: the reason it matters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Need {
    /// The deal's key.
    pub deal: String,
    pub by: NaiveDate,
    pub effect: Effect,
    /// The deal's priority: the least the badge's work keeps while the deal is open.
    pub priority: Priority,
}

/// How a deal touched a badge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Its due was brought forward to the deal's date minus the buffer.
    DueEarlier,
    /// Planned to be ready by the deal already (its own due comes first, or it is held
    /// and valid through the date); at most its priority was raised.
    AlreadyInTime,
    /// Review study planned before the date.
    Review { minutes: u32 },
    /// It cannot be held on the date (retiring or retired with no replacement, archived,
    /// unknown): see [`assess`].
    Cannot,
}

fn minus_days(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_sub_days(Days::new(u64::from(n)))
        .unwrap_or(NaiveDate::MIN)
}

/// Whether a held badge is valid on `day` (not expired, not retired by then).
pub fn valid_on(b: &Badge, day: NaiveDate) -> bool {
    b.is_held() && b.expires_on.is_none_or(|e| e >= day) && b.retires_on.is_none_or(|r| r >= day)
}

/// Shapes the work of the badges the active deals need (the module's rules), and returns
/// per badge key what each deal did, in deal order. `logged_since(badge, day)`: minutes
/// logged on the badge from that day on. Deals are taken in key order, so the result
/// does not depend on the order given.
pub fn apply(
    deals: &[Deal],
    badges: &[Badge],
    work: &mut BTreeMap<String, Work>,
    today: NaiveDate,
    buffer_days: u32,
    logged_since: &dyn Fn(&str, NaiveDate) -> u32,
) -> BTreeMap<String, Vec<Need>> {
    let by_key: BTreeMap<&str, &Badge> = badges.iter().map(|b| (b.key.as_str(), b)).collect();
    let mut active: Vec<&Deal> = deals.iter().filter(|d| d.is_active(today)).collect();
    active.sort_by(|a, b| a.key.cmp(&b.key));
    let mut needs: BTreeMap<String, Vec<Need>> = BTreeMap::new();
    for deal in active {
        let due_by = minus_days(deal.by, buffer_days);
        for key in &deal.needs {
            let effect = match by_key.get(key.as_str()) {
                None => Effect::Cannot,
                Some(b) if b.archived => Effect::Cannot,
                Some(b) => one_badge(deal, b, work, today, due_by, logged_since),
            };
            needs.entry(key.clone()).or_default().push(Need {
                deal: deal.key.clone(),
                by: deal.by,
                effect,
                priority: deal.priority,
            });
        }
    }
    needs
}

fn raise(t: &mut PlanTarget, p: Priority) {
    t.priority = t.priority.max(p);
}

fn one_badge(
    deal: &Deal,
    b: &Badge,
    work: &mut BTreeMap<String, Work>,
    today: NaiveDate,
    due_by: NaiveDate,
    logged_since: &dyn Fn(&str, NaiveDate) -> u32,
) -> Effect {
    let review = deal
        .review_of(&b.key)
        .saturating_sub(logged_since(&b.key, deal.created_on.min(today)));
    let Some(w) = work.get_mut(&b.key) else {
        return Effect::Cannot;
    };
    // A retiring badge whose replacement is planned: the replacement must be ready.
    if let Work::Nothing(Idle::ReplacedBy(rep)) = w {
        if valid_on(b, deal.by) {
            return Effect::AlreadyInTime;
        }
        let rep = rep.clone();
        return match work.get_mut(&rep) {
            Some(Work::Replacement { target, .. } | Work::Target(target)) => {
                raise(target, deal.priority);
                bring_forward(target, due_by)
            }
            _ => Effect::Cannot,
        };
    }
    match w {
        Work::Renewal(t) => {
            let expires_before = b.expires_on.is_some_and(|e| e < deal.by);
            if expires_before {
                raise(t, deal.priority);
                t.remaining = t.remaining.max(review);
                if review > 0 {
                    Effect::Review { minutes: review }
                } else {
                    Effect::AlreadyInTime
                }
            } else if review > 0 {
                *w = Work::Target(review_target(b, deal, today, review));
                Effect::Review { minutes: review }
            } else {
                Effect::AlreadyInTime
            }
        }
        Work::Target(t) | Work::Replacement { target: t, .. } => {
            raise(t, deal.priority);
            bring_forward(t, due_by)
        }
        Work::Nothing(Idle::NoGoal | Idle::Expired) => {
            *w = Work::Target(PlanTarget {
                key: b.key.clone(),
                release: b.available_on.map_or(today, |a| a.max(today)),
                due: due_by,
                remaining: if b.is_held() {
                    b.effort_minutes
                } else {
                    b.effort_minutes
                        .saturating_sub(logged_since(&b.key, NaiveDate::MIN))
                },
                priority: b.priority.max(deal.priority),
                after: Vec::new(),
            });
            Effect::DueEarlier
        }
        Work::Nothing(Idle::NoExpiry | Idle::ReplacementHeld(_)) if valid_on(b, deal.by) => {
            if review > 0 {
                *w = Work::Target(review_target(b, deal, today, review));
                Effect::Review { minutes: review }
            } else {
                Effect::AlreadyInTime
            }
        }
        Work::Nothing(Idle::LetLapse) if valid_on(b, deal.by) => {
            if review > 0 {
                *w = Work::Target(review_target(b, deal, today, review));
                Effect::Review { minutes: review }
            } else {
                Effect::AlreadyInTime
            }
        }
        Work::Nothing(_) => Effect::Cannot,
    }
}

fn bring_forward(t: &mut PlanTarget, due_by: NaiveDate) -> Effect {
    if due_by < t.due {
        t.due = due_by;
        Effect::DueEarlier
    } else {
        Effect::AlreadyInTime
    }
}

fn review_target(b: &Badge, deal: &Deal, today: NaiveDate, minutes: u32) -> PlanTarget {
    PlanTarget {
        key: b.key.clone(),
        release: today,
        due: deal.by.pred_opt().unwrap_or(deal.by).max(today),
        remaining: minutes,
        priority: b.priority.max(deal.priority),
        after: Vec::new(),
    }
}

/// How urgent a badge is ([`super::status::urgency`]), counting the open deals ahead
/// that need it and change its work (a badge already in time for the deal, held and valid
/// through the date or due before it anyway, keeps its own): a deal's date closer than
/// the badge's own countdown makes it as urgent as that date, so a target a deal needs
/// next month sorts before a badge expiring in three. A target without a date of its own
/// that another badge waits for (a prerequisite) counts down to the due its work was
/// given, the dependent's, as the plan does.
pub fn urgency(
    b: &Badge,
    status: super::status::Status,
    work: &Work,
    needs: &[Need],
    today: NaiveDate,
) -> (bool, bool, i64) {
    let mut own = super::status::urgency(b, status, today);
    if own.1
        && status == super::status::Status::Target
        && let Work::Target(t) = work
    {
        own = (false, false, (t.due - today).num_days());
    }
    match needs
        .iter()
        .filter(|n| n.effect != Effect::AlreadyInTime)
        .map(|n| (n.by - today).num_days())
        .min()
    {
        Some(d) if !own.0 && (own.1 || d < own.2) => (false, false, d),
        _ => own,
    }
}

/// Why a deal is at risk: one of its badges, and what stands in the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DealRisk {
    pub badge: String,
    pub reason: RiskReason,
}

/// What keeps a badge from being ready for a deal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RiskReason {
    /// No badge has the key any more.
    Unknown,
    /// The badge is archived.
    Archived,
    /// It retires before the date with no replacement planned (the retirement day).
    Retiring(Option<NaiveDate>),
    /// It has expired or retired and nothing is planned to earn it again.
    Lapsed,
    /// It waits for a prerequisite that will not be ready in time (its key).
    Prerequisite(String),
    /// The planner cannot have it ready by its due (the shortfall in minutes, and the
    /// day it would be ready, if known).
    AtRisk {
        shortfall: u32,
        finish: Option<NaiveDate>,
    },
}

/// What sukima says of one deal today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DealStatus {
    pub deal: Deal,
    /// Open and ahead: it shapes the plan.
    pub active: bool,
    /// Each badge that will not be ready, and why (empty: ready, or not active).
    pub risks: Vec<DealRisk>,
}

impl DealStatus {
    pub fn at_risk(&self) -> bool {
        !self.risks.is_empty()
    }
}

/// A badge's plan outcome as [`assess`] needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ready {
    pub at_risk: bool,
    pub shortfall: u32,
    pub finish: Option<NaiveDate>,
}

/// Whether each deal is ready or at risk, after the plan: `work` the badges' work with the
/// deals applied, `outcome(key)` the planner's outcome of a target, `after(key)` the
/// prerequisites a badge waits for. Deals in their given order.
pub fn assess(
    deals: &[Deal],
    badges: &[Badge],
    work: &BTreeMap<String, Work>,
    today: NaiveDate,
    outcome: &dyn Fn(&str) -> Option<Ready>,
    after: &dyn Fn(&str) -> Vec<String>,
) -> Vec<DealStatus> {
    let by_key: BTreeMap<&str, &Badge> = badges.iter().map(|b| (b.key.as_str(), b)).collect();
    deals
        .iter()
        .map(|deal| {
            let active = deal.is_active(today);
            let risks = if active {
                deal.needs
                    .iter()
                    .filter_map(|k| {
                        badge_risk(deal, k, &by_key, work, outcome, after).map(|reason| DealRisk {
                            badge: k.clone(),
                            reason,
                        })
                    })
                    .collect()
            } else {
                Vec::new()
            };
            DealStatus {
                deal: deal.clone(),
                active,
                risks,
            }
        })
        .collect()
}

fn badge_risk(
    deal: &Deal,
    key: &str,
    by_key: &BTreeMap<&str, &Badge>,
    work: &BTreeMap<String, Work>,
    outcome: &dyn Fn(&str) -> Option<Ready>,
    after: &dyn Fn(&str) -> Vec<String>,
) -> Option<RiskReason> {
    let Some(b) = by_key.get(key) else {
        return Some(RiskReason::Unknown);
    };
    if b.archived {
        return Some(RiskReason::Archived);
    }
    // The target that makes it ready: its own work, or its replacement's.
    let planned = match work.get(key) {
        Some(Work::Nothing(Idle::ReplacedBy(rep))) if !valid_on(b, deal.by) => {
            work.get(rep).and_then(Work::target).map(|t| t.key.clone())
        }
        Some(w) => w.target().map(|t| t.key.clone()),
        None => None,
    };
    if let Some(tk) = planned {
        let r = outcome(&tk)?;
        if !r.at_risk {
            return None;
        }
        let late = after(&tk)
            .into_iter()
            .find(|p| outcome(p).is_some_and(|o| o.at_risk));
        return Some(match late {
            Some(p) => RiskReason::Prerequisite(p),
            None => RiskReason::AtRisk {
                shortfall: r.shortfall,
                finish: r.finish,
            },
        });
    }
    if valid_on(b, deal.by) {
        return None;
    }
    match work.get(key) {
        Some(Work::Nothing(Idle::LetLapse | Idle::ReplacedBy(_))) => {
            Some(RiskReason::Retiring(b.retires_on))
        }
        _ if b.retires_on.is_some_and(|r| r < deal.by) => Some(RiskReason::Retiring(b.retires_on)),
        _ => Some(RiskReason::Lapsed),
    }
}

#[cfg(test)]
mod tests;
