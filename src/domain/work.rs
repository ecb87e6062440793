//! What each badge asks of the planner (DESIGN 2): a renewal, its replacement, a target,
//! or nothing, with the release day, the due day and the minutes still to study.

use super::badge::{Badge, Priority};
use chrono::{Days, NaiveDate};
use std::collections::BTreeMap;

/// One thing to prepare: study `remaining` minutes for badge `key` between `release` and
/// `due`, both days included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanTarget {
    /// The badge studied for (for a replacement, the replacement's key).
    pub key: String,
    pub release: NaiveDate,
    pub due: NaiveDate,
    /// Effort minus what was logged in this cycle (pinned sessions not subtracted).
    pub remaining: u32,
    pub priority: Priority,
    /// Keys of the targets it must wait for: no session of it before their planned
    /// finish (prerequisites not yet held; see [`crate::domain::prereq`]).
    pub after: Vec<String>,
}

/// What a badge gives the planner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Work {
    /// Renew a held badge before it expires.
    Renewal(PlanTarget),
    /// Earn `target.key`, which replaces the retiring badges in `replaces`.
    Replacement {
        target: PlanTarget,
        replaces: Vec<String>,
    },
    /// Earn a target by its goal date.
    Target(PlanTarget),
    /// Nothing to plan, and why.
    Nothing(Idle),
}

impl Work {
    /// The target to plan, if any.
    pub fn target(&self) -> Option<&PlanTarget> {
        match self {
            Work::Renewal(t) | Work::Target(t) | Work::Replacement { target: t, .. } => Some(t),
            Work::Nothing(_) => None,
        }
    }
}

/// Why a badge has nothing to plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Idle {
    /// Archived: hidden from planning.
    Archived,
    /// Retiring on or before expiry with no replacement: let it lapse.
    LetLapse,
    /// Retiring, and its replacement is planned instead (the replacement's key).
    ReplacedBy(String),
    /// Its replacement is already held (the replacement's key).
    ReplacementHeld(String),
    /// Already expired (set a goal date to plan earning it again).
    Expired,
    /// Already retired.
    Retired,
    /// Held and never expires.
    NoExpiry,
    /// A target without a goal date.
    NoGoal,
}

/// The settings that shape work: the clock's day, the buffer before expiry, and each
/// issuer's renewal window.
pub struct WorkRules<'a> {
    pub today: NaiveDate,
    /// Days before expiry the renewal must be done (time to sit the assessment).
    pub buffer_days: u32,
    /// Renewal window in days for an issuer name.
    pub renewal_window: &'a dyn Fn(&str) -> u32,
}

fn minus_days(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_sub_days(Days::new(u64::from(n)))
        .unwrap_or(NaiveDate::MIN)
}

/// The work of every badge, keyed by badge key. `logged_in_cycle` gives, for a badge, the
/// minutes logged since its cycle start.
pub fn work_for_all(
    badges: &[Badge],
    rules: &WorkRules<'_>,
    logged_in_cycle: &dyn Fn(&Badge) -> u32,
) -> BTreeMap<String, Work> {
    let by_key: BTreeMap<&str, &Badge> = badges.iter().map(|b| (b.key.as_str(), b)).collect();
    let today = rules.today;
    let remaining = |b: &Badge| b.effort_minutes.saturating_sub(logged_in_cycle(b));

    // Replacements first: a target due because a badge it replaces is retiring.
    // replacement key -> (due, retiring keys)
    let mut replacing: BTreeMap<&str, (Option<NaiveDate>, Vec<String>)> = BTreeMap::new();
    for b in badges {
        if b.archived || !b.is_held() || !b.retires_before_expiry() {
            continue;
        }
        let Some(rep) = b.replaced_by.as_deref().and_then(|k| by_key.get(k)) else {
            continue;
        };
        if rep.archived || rep.is_held() || rep.key == b.key {
            continue;
        }
        let old_due = b
            .expires_on
            .map(|e| minus_days(e, rules.buffer_days))
            .or(b.retires_on);
        let entry = replacing.entry(rep.key.as_str()).or_default();
        entry.0 = match (entry.0, old_due) {
            (Some(a), Some(x)) => Some(a.min(x)),
            (a, x) => a.or(x),
        };
        entry.1.push(b.key.clone());
    }

    let mut out = BTreeMap::new();
    for b in badges {
        let work = if b.archived {
            Work::Nothing(Idle::Archived)
        } else if let Some((old_due, replaces)) = replacing.get(b.key.as_str()) {
            let due = match (b.goal_on, *old_due) {
                (Some(g), Some(o)) => g.min(o),
                (g, o) => g.or(o).unwrap_or(today),
            };
            Work::Replacement {
                target: PlanTarget {
                    key: b.key.clone(),
                    release: b.available_on.map_or(today, |a| a.max(today)),
                    due,
                    remaining: remaining(b),
                    priority: b.priority,
                    after: Vec::new(),
                },
                replaces: replaces.clone(),
            }
        } else if !b.is_held() {
            match (b.retires_on, b.goal_on) {
                (Some(r), _) if r < today => Work::Nothing(Idle::Retired),
                (_, Some(goal)) => Work::Target(PlanTarget {
                    key: b.key.clone(),
                    release: b.available_on.map_or(today, |a| a.max(today)),
                    due: goal,
                    remaining: remaining(b),
                    priority: b.priority,
                    after: Vec::new(),
                }),
                (_, None) => Work::Nothing(Idle::NoGoal),
            }
        } else {
            held_work(b, &by_key, rules, remaining(b))
        };
        out.insert(b.key.clone(), work);
    }
    out
}

fn held_work(
    b: &Badge,
    by_key: &BTreeMap<&str, &Badge>,
    rules: &WorkRules<'_>,
    remaining: u32,
) -> Work {
    let today = rules.today;
    let expired = b.expires_on.is_some_and(|e| e < today);
    let retired = b.retires_on.is_some_and(|r| r < today);
    // Rule 5: past its date, only a goal brings it back into the plan.
    if expired || retired {
        return match b.goal_on {
            Some(goal) if !retired => Work::Target(PlanTarget {
                key: b.key.clone(),
                release: today,
                due: goal,
                remaining: b.effort_minutes,
                priority: b.priority,
                after: Vec::new(),
            }),
            _ if retired => Work::Nothing(Idle::Retired),
            _ => Work::Nothing(Idle::Expired),
        };
    }
    if b.retires_before_expiry() {
        return match b.replaced_by.as_deref().and_then(|k| by_key.get(k)) {
            Some(rep) if rep.is_held() => Work::Nothing(Idle::ReplacementHeld(rep.key.clone())),
            Some(rep) if !rep.archived && rep.key != b.key => {
                Work::Nothing(Idle::ReplacedBy(rep.key.clone()))
            }
            _ => Work::Nothing(Idle::LetLapse),
        };
    }
    let Some(expires) = b.expires_on else {
        return Work::Nothing(Idle::NoExpiry);
    };
    let opens = b
        .renewal_opens((rules.renewal_window)(&b.issuer))
        .unwrap_or(today);
    Work::Renewal(PlanTarget {
        key: b.key.clone(),
        release: opens.max(today),
        due: minus_days(expires, rules.buffer_days),
        remaining,
        priority: b.priority,
        after: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::dates::parse_ymd;

    fn d(s: &str) -> NaiveDate {
        parse_ymd(s).unwrap()
    }

    fn held(key: &str, earned: &str, expires: Option<&str>) -> Badge {
        Badge {
            key: key.into(),
            name: key.into(),
            issuer: "IBM".into(),
            earned_on: Some(d(earned)),
            expires_on: expires.map(d),
            effort_minutes: 300,
            ..Badge::default()
        }
    }

    fn target(key: &str) -> Badge {
        Badge {
            key: key.into(),
            name: key.into(),
            issuer: "IBM".into(),
            effort_minutes: 600,
            ..Badge::default()
        }
    }

    fn run(badges: &[Badge], today: &str) -> BTreeMap<String, Work> {
        let window = |_: &str| 90;
        let rules = WorkRules {
            today: d(today),
            buffer_days: 7,
            renewal_window: &window,
        };
        work_for_all(badges, &rules, &|b: &Badge| {
            if b.key == "logged" { 100 } else { 0 }
        })
    }

    #[test]
    fn renewal_release_due_remaining() {
        let mut logged = held("logged", "2026-01-01", Some("2027-06-30"));
        logged.renew_from = Some(d("2027-01-15"));
        let w = run(
            &[held("a", "2026-01-01", Some("2027-06-30")), logged],
            "2027-01-10",
        );
        assert_eq!(
            w["a"],
            Work::Renewal(PlanTarget {
                key: "a".into(),
                release: d("2027-04-01"), // expiry minus the 90-day window
                due: d("2027-06-23"),     // expiry minus the 7-day buffer
                remaining: 300,
                priority: Priority::Normal,
                after: Vec::new()
            })
        );
        let t = w["logged"].target().unwrap();
        assert_eq!((t.release, t.remaining), (d("2027-01-15"), 200));
    }

    #[test]
    fn release_is_never_before_today() {
        let w = run(&[held("a", "2026-01-01", Some("2027-01-20"))], "2027-01-10");
        let t = w["a"].target().unwrap();
        assert_eq!(t.release, d("2027-01-10"));
        assert_eq!(t.due, d("2027-01-13"));
    }

    #[test]
    fn expiry_today_is_still_renewable_but_due_has_passed() {
        let w = run(&[held("a", "2026-01-01", Some("2027-01-10"))], "2027-01-10");
        let t = w["a"].target().unwrap();
        assert!(
            t.due < t.release,
            "due before release: the planner reports it at risk"
        );
    }

    #[test]
    fn retiring_without_replacement_lets_lapse() {
        let mut b = held("old", "2026-01-01", Some("2027-06-30"));
        b.retires_on = Some(d("2027-06-30")); // retirement on the expiry day
        assert_eq!(
            run(&[b], "2027-01-10")["old"],
            Work::Nothing(Idle::LetLapse)
        );
    }

    #[test]
    fn retiring_after_expiry_is_still_renewed() {
        let mut b = held("old", "2026-01-01", Some("2027-06-30"));
        b.retires_on = Some(d("2027-07-01"));
        assert!(matches!(run(&[b], "2027-01-10")["old"], Work::Renewal(_)));
    }

    #[test]
    fn retiring_with_replacement_plans_the_replacement() {
        let mut old = held("old", "2026-01-01", Some("2027-06-30"));
        old.retires_on = Some(d("2027-03-31"));
        old.replaced_by = Some("new".into());
        let mut new = target("new");
        new.available_on = Some(d("2027-02-01"));
        new.goal_on = Some(d("2027-12-31"));
        let w = run(&[old, new], "2027-01-10");
        assert_eq!(w["old"], Work::Nothing(Idle::ReplacedBy("new".into())));
        let Work::Replacement { target, replaces } = &w["new"] else {
            panic!("expected a replacement, got {:?}", w["new"]);
        };
        assert_eq!(replaces, &vec!["old".to_string()]);
        assert_eq!(target.release, d("2027-02-01"));
        assert_eq!(
            target.due,
            d("2027-06-23"),
            "old expiry minus buffer beats the goal"
        );
    }

    #[test]
    fn replacement_goal_earlier_than_old_expiry_wins() {
        let mut old = held("old", "2026-01-01", Some("2027-06-30"));
        old.retires_on = Some(d("2027-03-31"));
        old.replaced_by = Some("new".into());
        let mut new = target("new");
        new.goal_on = Some(d("2027-05-01"));
        let w = run(&[old, new], "2027-01-10");
        assert_eq!(w["new"].target().unwrap().due, d("2027-05-01"));
    }

    #[test]
    fn replacement_available_after_old_expires_is_due_before_release() {
        let mut old = held("old", "2026-01-01", Some("2027-03-31"));
        old.retires_on = Some(d("2027-03-31"));
        old.replaced_by = Some("new".into());
        let mut new = target("new");
        new.available_on = Some(d("2027-06-30"));
        let w = run(&[old, new], "2027-01-10");
        let t = w["new"].target().unwrap();
        assert_eq!((t.release, t.due), (d("2027-06-30"), d("2027-03-24")));
    }

    #[test]
    fn held_replacement_means_nothing_to_do() {
        let mut old = held("old", "2026-01-01", Some("2027-06-30"));
        old.retires_on = Some(d("2027-03-31"));
        old.replaced_by = Some("new".into());
        let new = held("new", "2026-12-01", Some("2029-12-01"));
        let w = run(&[old, new], "2027-01-10");
        assert_eq!(w["old"], Work::Nothing(Idle::ReplacementHeld("new".into())));
        assert!(matches!(w["new"], Work::Renewal(_)));
    }

    #[test]
    fn targets_expired_retired_archived() {
        let mut goal = target("goal");
        goal.goal_on = Some(d("2027-03-01"));
        let nogoal = target("nogoal");
        let expired = held("expired", "2025-01-01", Some("2027-01-09"));
        let mut expired_goal = held("expired-goal", "2025-01-01", Some("2027-01-09"));
        expired_goal.goal_on = Some(d("2027-04-01"));
        let mut retired = held("retired", "2025-01-01", Some("2028-01-01"));
        retired.retires_on = Some(d("2027-01-01"));
        let mut archived = held("archived", "2025-01-01", Some("2027-03-01"));
        archived.archived = true;
        let noexp = held("noexp", "2025-01-01", None);
        let w = run(
            &[
                goal,
                nogoal,
                expired,
                expired_goal,
                retired,
                archived,
                noexp,
            ],
            "2027-01-10",
        );
        assert_eq!(w["goal"].target().unwrap().due, d("2027-03-01"));
        assert_eq!(w["nogoal"], Work::Nothing(Idle::NoGoal));
        assert_eq!(w["expired"], Work::Nothing(Idle::Expired));
        assert_eq!(w["expired-goal"].target().unwrap().due, d("2027-04-01"));
        assert_eq!(w["retired"], Work::Nothing(Idle::Retired));
        assert_eq!(w["archived"], Work::Nothing(Idle::Archived));
        assert_eq!(w["noexp"], Work::Nothing(Idle::NoExpiry));
    }
}
