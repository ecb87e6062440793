//! The whole picture at a moment: every badge with its status, its work and its logged
//! minutes, the spare time, and the plan. Loaded from the store and computed with the pure
//! domain; shared by `plan`, `agenda`, `due`, `calendar`, the iCalendar export and the TUI.

use crate::config::Config;
use crate::domain::badge::Badge;
use crate::domain::events::{self, Event};
use crate::domain::log::Pinned;
use crate::domain::plan::{self, Outcome, Plan, PlanInput, Session, Settings};
use crate::domain::spare::{self, Interval, Window};
use crate::domain::status::{Status, status_at};
use crate::domain::work::{Work, WorkRules, work_for_all};
use crate::store::{StoreError, badges, busy, log, pinned, windows};
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
        let mut ov = Overview::compute(
            config,
            now,
            all,
            &logged,
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
        let mut work = work_for_all(&all, &rules, &|b: &Badge| {
            logged.get(&b.key).copied().unwrap_or(0)
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
        let badges = all
            .into_iter()
            .map(|b| {
                let window = config.issuer(&b.issuer).renewal_window_days;
                BadgeInfo {
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
        }
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
