//! The whole picture at a moment: every badge with its status, its work and its logged
//! minutes, the spare time, and the plan. Loaded from the store and computed with the pure
//! domain; shared by `plan`, `agenda`, `due`, `calendar`, the iCalendar export and the TUI.

use crate::config::Config;
use crate::domain::badge::Badge;
use crate::domain::events::{self, Event};
use crate::domain::log::Pinned;
use crate::domain::plan::{self, Outcome, Plan, PlanInput, Session, Settings};
use crate::domain::prereq;
use crate::domain::spare::{self, Interval, Window};
use crate::domain::status::{Status, status_at};
use crate::domain::step::{self, Progress, SessionStep, Step};
use crate::domain::work::{Work, WorkRules, work_for_all};
use crate::store::{StoreError, badges, busy, log, pinned, steps, windows};
use chrono::{Days, NaiveDate, NaiveDateTime};
use rusqlite::Connection;
use std::collections::BTreeMap;

/// Days of logged study kept for the heatmap and the week totals.
pub const HISTORY_DAYS: u64 = 371;

/// The last day planned: the latest due day plus a quarter (so work at risk still gets a
/// projected finish), and never more than `horizon_days` ahead.
fn horizon(config: &Config, today: NaiveDate, all: &[Badge]) -> NaiveDate {
    let max = today
        .checked_add_days(Days::new(u64::from(config.planner.horizon_days)))
        .unwrap_or(today);
    let latest = all
        .iter()
        .flat_map(|b| [b.expires_on, b.goal_on, b.retires_on])
        .flatten()
        .max()
        .unwrap_or(today);
    latest
        .checked_add_days(Days::new(92))
        .unwrap_or(latest)
        .clamp(today, max)
}

/// One badge and what sukima knows of it today.
#[derive(Debug, Clone)]
pub struct BadgeInfo {
    pub badge: Badge,
    pub status: Status,
    pub work: Work,
    /// Minutes logged this cycle.
    pub logged: u32,
    /// When the renewal window opens (held badges that expire).
    pub renewal_opens: Option<NaiveDate>,
    /// Its steps, in order (empty: its work is `effort_minutes`).
    pub steps: Vec<Step>,
    /// Where it stands on its steps, when it has some.
    pub journey: Option<Progress>,
    /// The prerequisites it waits for today (not yet held), in order.
    pub waits_for: Vec<String>,
}

/// The steps of every badge and what was logged toward them: what [`Overview::compute`]
/// needs besides the badges to follow their journeys.
#[derive(Debug, Clone, Default)]
pub struct Journeys {
    /// Steps by badge key, in order.
    pub steps: BTreeMap<String, Vec<Step>>,
    /// Minutes logged since each badge's last step was marked done (badges with steps).
    pub logged_since_last_done: BTreeMap<String, u32>,
}

impl Journeys {
    /// Loads the steps and the minutes logged toward them.
    pub fn load(conn: &Connection) -> Result<Journeys, StoreError> {
        Ok(Journeys {
            steps: steps::all(conn)?,
            logged_since_last_done: steps::logged_since_last_done(conn)?,
        })
    }
}

/// Everything the views need, computed once per change.
#[derive(Debug, Clone)]
pub struct Overview {
    pub now: NaiveDateTime,
    /// Every badge, archived included, by key.
    pub badges: Vec<BadgeInfo>,
    pub plan: Plan,
    pub windows: Vec<Window>,
    pub pinned: Vec<Pinned>,
    /// Minutes logged per day over the last [`HISTORY_DAYS`].
    pub logged_per_day: BTreeMap<NaiveDate, u32>,
    /// The last day the plan looks at.
    pub horizon: NaiveDate,
    /// Calendar imports: (source, events, first start, last end).
    pub busy_sources: Vec<(String, u32, String, String)>,
    /// The step each session of `plan.sessions` advances (same order; `None` for a badge
    /// without steps, or past its last step).
    pub session_steps: Vec<Option<SessionStep>>,
}

impl Overview {
    /// Loads everything and plans.
    pub fn load(
        conn: &Connection,
        config: &Config,
        now: NaiveDateTime,
    ) -> Result<Overview, StoreError> {
        let today = now.date();
        let all = badges::all(conn)?;
        let logged = badges::logged_in_cycle(conn)?;
        let windows = windows::all(conn)?;
        let pinned = pinned::all(conn)?;
        let history_from = today
            .checked_sub_days(Days::new(HISTORY_DAYS))
            .unwrap_or(today);
        let far = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(today);
        let logged_per_day = log::minutes_per_day(conn, history_from, far)?;
        let horizon = horizon(config, today, &all);
        let busy = busy::intervals(conn, now, horizon.and_hms_opt(23, 59, 59).unwrap_or(now))?;
        let journeys = Journeys::load(conn)?;
        let mut ov = Overview::compute(
            config,
            now,
            all,
            &logged,
            &journeys,
            windows,
            pinned,
            logged_per_day,
            &busy,
            horizon,
        );
        ov.busy_sources = busy::sources(conn)?;
        Ok(ov)
    }

    /// Computes the overview from loaded data (pure).
    #[allow(clippy::too_many_arguments)]
    pub fn compute(
        config: &Config,
        now: NaiveDateTime,
        all: Vec<Badge>,
        logged: &BTreeMap<String, u32>,
        journeys: &Journeys,
        windows: Vec<Window>,
        pinned: Vec<Pinned>,
        logged_per_day: BTreeMap<NaiveDate, u32>,
        busy: &[Interval],
        horizon: NaiveDate,
    ) -> Overview {
        let today = now.date();
        let p = &config.planner;
        let window_of = |issuer: &str| config.issuer(issuer).renewal_window_days;
        let rules = WorkRules {
            today,
            buffer_days: p.buffer_days,
            renewal_window: &window_of,
        };
        // A badge with steps: its effort is its undone steps, and what counts against it
        // is what was logged since the last step was marked done (DESIGN 1).
        let estimates = config.journey.estimates();
        let progress: BTreeMap<&str, Progress> = all
            .iter()
            .filter_map(|b| {
                let list = journeys.steps.get(&b.key).filter(|l| !l.is_empty())?;
                let since = journeys
                    .logged_since_last_done
                    .get(&b.key)
                    .copied()
                    .unwrap_or(0);
                Some((
                    b.key.as_str(),
                    step::progress(list, b.cycle_start(), since, &estimates),
                ))
            })
            .collect();
        let effective: Vec<Badge> = all
            .iter()
            .map(|b| match progress.get(b.key.as_str()) {
                Some(p) => Badge {
                    effort_minutes: p.total - p.done,
                    ..b.clone()
                },
                None => b.clone(),
            })
            .collect();
        let counted = |b: &Badge| match progress.get(b.key.as_str()) {
            Some(p) => p.logged,
            None => logged.get(&b.key).copied().unwrap_or(0),
        };
        let mut work = work_for_all(&effective, &rules, &counted);
        prereq::apply(&effective, &mut work, today, &|b: &Badge| {
            b.effort_minutes.saturating_sub(counted(b))
        });
        let settings = Settings {
            min_session: p.min_session.0,
            max_session: p.max_session.0,
            daily_cap: p.daily_cap.0,
            granularity: 5,
        };
        let future_pins: Vec<Pinned> = pinned.iter().filter(|x| x.end() > now).cloned().collect();
        let mut taken: Vec<Interval> = busy.to_vec();
        taken.extend(future_pins.iter().map(|x| Interval {
            start: x.start,
            end: x.end(),
        }));
        let free = spare::expand(&windows, &taken, now, horizon, settings.granularity);
        // Work that cannot start before the horizon is not planned yet (nor at risk).
        let targets: Vec<_> = work
            .values()
            .filter_map(Work::target)
            .filter(|t| t.release <= horizon)
            .cloned()
            .collect();
        let input = PlanInput {
            now,
            targets,
            free,
            pinned: future_pins,
            logged_per_day: logged_per_day
                .range(today..)
                .map(|(d, m)| (*d, *m))
                .collect(),
            settings,
        };
        let plan = plan::plan(&input);
        let by_key: BTreeMap<&str, &Badge> = all.iter().map(|b| (b.key.as_str(), b)).collect();
        let mut waits: BTreeMap<String, Vec<String>> = all
            .iter()
            .map(|b| {
                let list = prereq::waits_for(b, &by_key, today);
                (
                    b.key.clone(),
                    list.into_iter().map(str::to_string).collect(),
                )
            })
            .collect();
        let session_steps = name_steps(&plan.sessions, &by_key, journeys, &progress, &estimates);
        drop((progress, by_key));
        let mut steps_of = journeys.steps.clone();
        let badges = all
            .into_iter()
            .map(|b| {
                let window = config.issuer(&b.issuer).renewal_window_days;
                let steps = steps_of.remove(&b.key).unwrap_or_default();
                let journey = (!steps.is_empty()).then(|| {
                    let since = journeys
                        .logged_since_last_done
                        .get(&b.key)
                        .copied()
                        .unwrap_or(0);
                    step::progress(&steps, b.cycle_start(), since, &estimates)
                });
                BadgeInfo {
                    steps,
                    journey,
                    waits_for: waits.remove(&b.key).unwrap_or_default(),
                    status: status_at(&b, today, p.warn_days),
                    work: work
                        .remove(&b.key)
                        .unwrap_or(Work::Nothing(crate::domain::work::Idle::Archived)),
                    logged: logged.get(&b.key).copied().unwrap_or(0),
                    renewal_opens: if b.is_held() {
                        b.renewal_opens(window)
                    } else {
                        None
                    },
                    badge: b,
                }
            })
            .collect();
        Overview {
            now,
            badges,
            plan,
            windows,
            pinned,
            logged_per_day,
            horizon,
            busy_sources: Vec::new(),
            session_steps,
        }
    }

    /// The step a session advances (see [`Overview::session_steps`]).
    pub fn step_of(&self, s: &Session) -> Option<&SessionStep> {
        let lo = self.plan.sessions.partition_point(|x| x.start < s.start);
        self.plan.sessions[lo..]
            .iter()
            .take_while(|x| x.start == s.start)
            .position(|x| x == s)
            .and_then(|k| self.session_steps.get(lo + k))
            .and_then(Option::as_ref)
    }

    /// Today by the overview's clock.
    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    /// The badge with this key.
    pub fn badge(&self, key: &str) -> Option<&BadgeInfo> {
        self.badges
            .binary_search_by(|b| b.badge.key.as_str().cmp(key))
            .ok()
            .map(|i| &self.badges[i])
    }

    /// The badge's name, or its key when it is unknown.
    pub fn name<'a>(&'a self, key: &'a str) -> &'a str {
        self.badge(key).map_or(key, |b| b.badge.name.as_str())
    }

    /// The planner's outcome for the badge with this key.
    pub fn outcome(&self, key: &str) -> Option<&Outcome> {
        self.plan.outcomes.iter().find(|o| o.key == key)
    }

    /// Sessions (planned and pinned) starting on days `from..=to`.
    pub fn sessions_between(&self, from: NaiveDate, to: NaiveDate) -> &[Session] {
        let s = &self.plan.sessions;
        let lo = s.partition_point(|x| x.start.date() < from);
        let hi = s.partition_point(|x| x.start.date() <= to);
        &s[lo..hi.max(lo)]
    }

    /// The next session that has not ended.
    pub fn next_session(&self) -> Option<&Session> {
        self.plan.sessions.iter().find(|s| s.end > self.now)
    }

    /// Renewal events between two days, both included.
    pub fn events(&self, from: NaiveDate, to: NaiveDate) -> Vec<Event> {
        events::events(
            self.badges
                .iter()
                .map(|b| (&b.badge, &b.work, b.renewal_opens)),
            from,
            to,
        )
    }

    /// Outcomes at risk.
    pub fn at_risk(&self) -> impl Iterator<Item = &Outcome> {
        self.plan.outcomes.iter().filter(|o| o.at_risk)
    }
}

/// The step each session advances: per badge with steps, its sessions in time order fill
/// its undone steps in order ([`step::session_steps`]).
fn name_steps(
    sessions: &[Session],
    by_key: &BTreeMap<&str, &Badge>,
    journeys: &Journeys,
    progress: &BTreeMap<&str, Progress>,
    estimates: &step::Estimates,
) -> Vec<Option<SessionStep>> {
    let mut out = vec![None; sessions.len()];
    let mut by_badge: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, s) in sessions.iter().enumerate() {
        if progress.contains_key(s.badge.as_str()) {
            by_badge.entry(s.badge.as_str()).or_default().push(i);
        }
    }
    for (key, idx) in by_badge {
        let (Some(b), Some(list), Some(p)) =
            (by_key.get(key), journeys.steps.get(key), progress.get(key))
        else {
            continue;
        };
        let minutes: Vec<u32> = idx.iter().map(|&i| sessions[i].minutes()).collect();
        let named = step::session_steps(list, b.cycle_start(), p.logged, estimates, &minutes);
        for (i, n) in idx.into_iter().zip(named) {
            out[i] = n;
        }
    }
    out
}
