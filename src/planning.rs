//! The whole picture at a moment: every badge with its status, its work and its logged
//! minutes, the spare time, and the plan. Loaded from the store and computed with the pure
//! domain; shared by `plan`, `agenda`, `due`, `calendar`, the iCalendar export and the TUI.

pub mod conflicts;
pub mod fixes;

use crate::config::Config;
use crate::domain::badge::Badge;
use crate::domain::deal::{self, Deal, DealStatus};
use crate::domain::decision::{Decision, Retirement, decide_all};
use crate::domain::events::{self, Event};
use crate::domain::log::Pinned;
use crate::domain::plan::{self, Outcome, Plan, PlanInput, Session, Settings};
use crate::domain::prereq;
use crate::domain::spare::{self, Interval, Window};
use crate::domain::status::Status;
use crate::domain::step::{self, Progress, SessionStep, Step};
use crate::domain::work::{Idle, PlanTarget, Work, WorkRules};
use crate::store::{StoreError, Tables, badges, busy, deals, log, pinned, steps, windows};
use chrono::{Days, NaiveDate, NaiveDateTime};
use rusqlite::Connection;
use std::collections::BTreeMap;

/// Days of logged study kept for the heatmap and the week totals.
pub const HISTORY_DAYS: u64 = 371;

/// The last day planned: the latest due day plus a quarter (so work at risk still gets a
/// projected finish), and never more than `horizon_days` ahead.
fn horizon(config: &Config, today: NaiveDate, all: &[Badge], deals: &[Deal]) -> NaiveDate {
    let max = today
        .checked_add_days(Days::new(u64::from(config.planner.horizon_days)))
        .unwrap_or(today);
    let latest = all
        .iter()
        .flat_map(|b| [b.expires_on, b.goal_on, b.retires_on])
        .flatten()
        .chain(deals.iter().filter(|d| d.is_active(today)).map(|d| d.by))
        .max()
        .unwrap_or(today);
    latest
        .checked_add_days(Days::new(92))
        .unwrap_or(latest)
        .clamp(today, max)
}

/// The decision (status, work, retirement) for every badge, by key: the one answer every
/// view and command reads. Badges are taken without their steps; see
/// [`decisions_with_journeys`].
pub fn decisions(
    config: &Config,
    today: NaiveDate,
    all: &[Badge],
    logged: &BTreeMap<String, u32>,
) -> BTreeMap<String, Decision> {
    decisions_with_journeys(config, today, all, logged, &Journeys::default()).0
}

/// [`decisions`] with the badges' journeys: a badge with steps works toward its undone
/// steps, less what was logged since the last step was marked done (DESIGN 1); a badge
/// waits for its prerequisites, and a prerequisite with nothing planned of its own is
/// planned for the badges waiting for it ([`prereq::apply`]). Also returns each journey's
/// progress.
pub fn decisions_with_journeys<'a>(
    config: &Config,
    today: NaiveDate,
    all: &'a [Badge],
    logged: &BTreeMap<String, u32>,
    journeys: &Journeys,
) -> (BTreeMap<String, Decision>, BTreeMap<&'a str, Progress>) {
    let p = &config.planner;
    let window_of = |issuer: &str| config.issuer(issuer).renewal_window_days;
    let rules = WorkRules {
        today,
        buffer_days: p.buffer_days,
        renewal_window: &window_of,
    };
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
    let counted = |b: &Badge| match progress.get(b.key.as_str()) {
        Some(p) => p.logged,
        None => logged.get(&b.key).copied().unwrap_or(0),
    };
    // With steps, the effort of this cycle is what its undone steps add up to.
    let effective: Vec<Badge>;
    let badges = if progress.is_empty() {
        all
    } else {
        effective = all
            .iter()
            .map(|b| match progress.get(b.key.as_str()) {
                Some(p) => Badge {
                    effort_minutes: p.total - p.done,
                    ..b.clone()
                },
                None => b.clone(),
            })
            .collect();
        &effective
    };
    let mut decided = decide_all(badges, &rules, p.warn_days, &counted);
    if journeys.deals.iter().any(|d| d.is_active(today)) {
        let mut work: BTreeMap<String, Work> = decided
            .iter()
            .map(|(k, d)| (k.clone(), d.work.clone()))
            .collect();
        let logged_since = |key: &str, from: NaiveDate| -> u32 {
            journeys
                .deal_logged
                .get(key)
                .map_or(0, |days| days.range(from..).map(|(_, m)| *m).sum())
        };
        let needs = deal::apply(
            &journeys.deals,
            badges,
            &mut work,
            today,
            p.buffer_days,
            &logged_since,
        );
        for (k, w) in work {
            if let Some(d) = decided.get_mut(&k) {
                d.work = w;
            }
        }
        for (k, n) in needs {
            if let Some(d) = decided.get_mut(&k) {
                d.deals = n;
            }
        }
    }
    if badges.iter().any(|b| !b.after.is_empty()) {
        let mut work: BTreeMap<String, Work> = decided
            .iter()
            .map(|(k, d)| (k.clone(), d.work.clone()))
            .collect();
        prereq::apply(badges, &mut work, today, &|b: &Badge| {
            b.effort_minutes.saturating_sub(counted(b))
        });
        for (k, w) in work {
            if let Some(d) = decided.get_mut(&k) {
                d.work = w;
            }
        }
    }
    (decided, progress)
}

/// What [`Overview::compute`] needs besides the badges to follow their journeys and the
/// deals they serve: the steps of every badge and what was logged toward them, and the
/// deals with the minutes logged on the badges they need.
#[derive(Debug, Clone, Default)]
pub struct Journeys {
    /// Steps by badge key, in order.
    pub steps: BTreeMap<String, Vec<Step>>,
    /// Minutes logged since each badge's last step was marked done (badges with steps).
    pub logged_since_last_done: BTreeMap<String, u32>,
    /// Every deal, closed ones included, in key order.
    pub deals: Vec<Deal>,
    /// Minutes logged per day on each badge an open deal needs (for its review study).
    pub deal_logged: BTreeMap<String, BTreeMap<NaiveDate, u32>>,
}

impl Journeys {
    /// Loads the steps, the deals and the minutes logged toward them.
    pub fn load(conn: &Connection) -> Result<Journeys, StoreError> {
        let deals = deals::all(conn)?;
        let deal_logged = deals::logged_on_needed(conn)?;
        Ok(Journeys {
            steps: steps::all(conn)?,
            logged_since_last_done: steps::logged_since_last_done(conn)?,
            deals,
            deal_logged,
        })
    }
}

/// The planner's input before spare time is expanded: what a fix changes (the daily cap,
/// one more window, a badge's priority) and re-plans. Owned, so a worker thread can take it.
#[derive(Debug, Clone)]
pub struct Scenario {
    pub now: NaiveDateTime,
    pub horizon: NaiveDate,
    pub targets: Vec<PlanTarget>,
    /// Weekly, one-off and blackout windows.
    pub windows: Vec<Window>,
    /// Busy time and the pinned sessions still ahead: spare time never covers them.
    pub taken: Vec<Interval>,
    /// Pinned sessions that have not ended.
    pub pinned: Vec<Pinned>,
    /// Minutes logged per day, from today on.
    pub logged_per_day: BTreeMap<NaiveDate, u32>,
    pub settings: Settings,
    /// The least priority each target keeps while open deals need it (the highest of
    /// their priorities): lowering the badge's own priority below it changes nothing, so
    /// no fix offers that.
    pub deal_floor: BTreeMap<String, crate::domain::badge::Priority>,
}

impl Scenario {
    /// The scenario of today's data.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        config: &Config,
        now: NaiveDateTime,
        decisions: &BTreeMap<String, Decision>,
        windows: &[Window],
        pinned: &[Pinned],
        logged_per_day: &BTreeMap<NaiveDate, u32>,
        busy: &[Interval],
        horizon: NaiveDate,
    ) -> Scenario {
        let p = &config.planner;
        let settings = Settings {
            min_session: p.min_session.0,
            max_session: p.max_session.0,
            daily_cap: p.daily_cap.0,
            granularity: 5,
        };
        let pinned: Vec<Pinned> = pinned.iter().filter(|x| x.end() > now).cloned().collect();
        let mut taken: Vec<Interval> = busy.to_vec();
        taken.extend(pinned.iter().map(|x| Interval {
            start: x.start,
            end: x.end(),
        }));
        let mut deal_floor: BTreeMap<String, crate::domain::badge::Priority> = BTreeMap::new();
        for (k, d) in decisions.iter().filter(|(_, d)| !d.deals.is_empty()) {
            // A deal needing a retiring badge holds up its replacement.
            let key = match &d.work {
                Work::Nothing(Idle::ReplacedBy(rep)) => rep.clone(),
                _ => k.clone(),
            };
            if let Some(p) = d.deals.iter().map(|n| n.priority).max() {
                let floor = deal_floor.entry(key).or_insert(p);
                *floor = (*floor).max(p);
            }
        }
        // Work that cannot start before the horizon is not planned yet (nor at risk).
        let targets = decisions
            .values()
            .filter_map(|d| d.work.target())
            .filter(|t| t.release <= horizon)
            .cloned()
            .collect();
        Scenario {
            now,
            horizon,
            targets,
            windows: windows.to_vec(),
            taken,
            pinned,
            logged_per_day: logged_per_day
                .range(now.date()..)
                .map(|(d, m)| (*d, *m))
                .collect(),
            settings,
            deal_floor,
        }
    }

    /// The free time of `windows` (with this scenario's blackouts) from now to the horizon.
    pub fn free_of(&self, windows: &[Window]) -> Vec<Interval> {
        spare::expand(
            windows,
            &self.taken,
            self.now,
            self.horizon,
            self.settings.granularity,
        )
    }

    /// The planner's input.
    pub fn input(&self) -> PlanInput {
        self.input_with_free(self.free_of(&self.windows))
    }

    /// The planner's input over the given free time.
    pub fn input_with_free(&self, free: Vec<Interval>) -> PlanInput {
        PlanInput {
            now: self.now,
            targets: self.targets.clone(),
            free,
            pinned: self.pinned.clone(),
            logged_per_day: self.logged_per_day.clone(),
            settings: self.settings,
        }
    }
}

/// One badge and what sukima knows of it today.
#[derive(Debug, Clone)]
pub struct BadgeInfo {
    pub badge: Badge,
    pub status: Status,
    pub work: Work,
    /// What its retirement means (the same decision as status and work).
    pub retirement: Retirement,
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
    /// The open deals ahead that need it, and what each did to its work.
    pub deals: Vec<deal::Need>,
}

/// Everything the views need, computed once per change.
#[derive(Debug, Clone)]
pub struct Overview {
    pub now: NaiveDateTime,
    /// Every badge, archived included, by key.
    pub badges: Vec<BadgeInfo>,
    /// The same badges alone, as the quick-add parser and the badge checks take them:
    /// copied once per change rather than on every key a prompt's preview reads.
    pub all_badges: Vec<Badge>,
    pub plan: Plan,
    pub windows: Vec<Window>,
    pub pinned: Vec<Pinned>,
    /// Minutes logged per day over the last [`HISTORY_DAYS`].
    pub logged_per_day: BTreeMap<NaiveDate, u32>,
    /// The last day the plan looks at.
    pub horizon: NaiveDate,
    /// Calendar imports: (source, events, first start, last end).
    pub busy_sources: Vec<(String, u32, String, String)>,
    /// What the plan was made from, for fixes that re-plan it.
    pub scenario: Scenario,
    /// The step each session of `plan.sessions` advances (same order; `None` for a badge
    /// without steps, or past its last step).
    pub session_steps: Vec<Option<SessionStep>>,
    /// Pinned sessions that break a rule, in start order.
    pub conflicts: Vec<conflicts::Conflict>,
    /// Every deal, in key order, ready or at risk (only open deals ahead are assessed).
    pub deals: Vec<DealStatus>,
    /// Busy time (imported calendars, skipped sessions) from now to the horizon.
    pub busy: Vec<Interval>,
    /// Pinned sessions whose time passed without a log entry of their badge at their
    /// start: asked about ("did you study?") rather than left to linger.
    pub overdue: Vec<Pinned>,
}

/// What [`Overview::load_keeping`] read from the store, kept between reloads so that a
/// reload reads again only what depends on the tables a write changed (SQLite reports
/// them: [`crate::store::Store::take_changed`]). Reading the badges and the log's sums
/// is about a third of a reload on the benchmark's 300 badges and 10,000 entries; a
/// skip, a move or a pin changes none of them.
#[derive(Debug, Clone, Default)]
pub struct Reads {
    badges: Option<Vec<Badge>>,
    logged: Option<BTreeMap<String, u32>>,
    windows: Option<Vec<Window>>,
    pinned: Option<Vec<Pinned>>,
    /// Minutes per day from the day in the key on.
    per_day: Option<(NaiveDate, BTreeMap<NaiveDate, u32>)>,
    journeys: Option<Journeys>,
    busy_sources: Option<Vec<(String, u32, String, String)>>,
}

impl Reads {
    /// Forgets what was read from any of the `changed` tables (all of it after a change
    /// made outside this connection).
    pub fn forget(&mut self, changed: Tables) {
        let badges = Tables::BADGES | Tables::BADGE_AFTER;
        if changed.touches(badges) {
            self.badges = None;
        }
        if changed.touches(Tables::LOG | Tables::BADGES) {
            self.logged = None;
        }
        if changed.touches(Tables::WINDOWS) {
            self.windows = None;
        }
        if changed.touches(Tables::PINNED | Tables::BADGES) {
            self.pinned = None;
        }
        if changed.touches(Tables::LOG) {
            self.per_day = None;
        }
        if changed
            .touches(Tables::STEPS | Tables::DEALS | Tables::DEAL_BADGES | Tables::LOG | badges)
        {
            self.journeys = None;
        }
        if changed.touches(Tables::BUSY) {
            self.busy_sources = None;
        }
    }
}

/// The value kept in `slot`, or what `read` gives, kept there.
fn kept<T: Clone>(
    slot: &mut Option<T>,
    read: impl FnOnce() -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    if let Some(v) = slot {
        return Ok(v.clone());
    }
    let v = read()?;
    *slot = Some(v.clone());
    Ok(v)
}

impl Overview {
    /// Loads everything and plans.
    pub fn load(
        conn: &Connection,
        config: &Config,
        now: NaiveDateTime,
    ) -> Result<Overview, StoreError> {
        Overview::load_keeping(conn, config, now, &mut Reads::default())
    }

    /// Loads and plans as [`Overview::load`], reading from the store only what `reads`
    /// no longer holds (and keeping it there). What depends on the clock (busy time and
    /// study from now on) is read every time.
    pub fn load_keeping(
        conn: &Connection,
        config: &Config,
        now: NaiveDateTime,
        reads: &mut Reads,
    ) -> Result<Overview, StoreError> {
        // One snapshot for every read: another process's write lands wholly before or
        // after it (read-only, so ending it changes nothing).
        let _snapshot = if conn.is_autocommit() {
            Some(conn.unchecked_transaction()?)
        } else {
            None
        };
        let today = now.date();
        let all = kept(&mut reads.badges, || badges::all(conn))?;
        let logged = kept(&mut reads.logged, || badges::logged_in_cycle(conn))?;
        let windows = kept(&mut reads.windows, || windows::all(conn))?;
        let pinned = kept(&mut reads.pinned, || pinned::all(conn))?;
        let history_from = today
            .checked_sub_days(Days::new(HISTORY_DAYS))
            .unwrap_or(today);
        if reads
            .per_day
            .as_ref()
            .is_some_and(|(from, _)| *from != history_from)
        {
            reads.per_day = None;
        }
        let far = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(today);
        let (_, logged_per_day) = kept(&mut reads.per_day, || {
            Ok((history_from, log::minutes_per_day(conn, history_from, far)?))
        })?;
        let journeys = kept(&mut reads.journeys, || Journeys::load(conn))?;
        let horizon = horizon(config, today, &all, &journeys.deals);
        let busy_table =
            busy::intervals(conn, now, horizon.and_hms_opt(23, 59, 59).unwrap_or(now))?;
        let mut busy = busy_table.clone();
        // Study logged ahead of the clock (a session marked done before its time) keeps
        // its time: the planner must not place the same work there again.
        busy.extend(log::all(conn, Some(today))?.into_iter().filter_map(|e| {
            let start = e.date.and_time(e.start?);
            let end = start + chrono::Duration::minutes(i64::from(e.minutes));
            (end > now).then_some(Interval { start, end })
        }));
        busy.sort();
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
        ov.busy_sources = kept(&mut reads.busy_sources, || busy::sources(conn))?;
        ov.busy = busy_table;
        // A pin already logged (by quick-add, say) is answered.
        if let Some(first) = ov.overdue.first().map(|p| p.start.date()) {
            let logged = log::between(conn, Some(first), Some(today))?;
            ov.overdue.retain(|p| {
                !logged.iter().any(|e| {
                    e.badge == p.badge
                        && e.date == p.start.date()
                        && e.start == Some(p.start.time())
                })
            });
        }
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
        let (mut decisions, progress) =
            decisions_with_journeys(config, today, &all, logged, journeys);
        let scenario = Scenario::new(
            config,
            now,
            &decisions,
            &windows,
            &pinned,
            &logged_per_day,
            busy,
            horizon,
        );
        let plan = plan::plan(&scenario.input());
        let deals = assess_deals(&journeys.deals, &all, &decisions, &scenario, &plan, today);
        let estimates = config.journey.estimates();
        let by_key: BTreeMap<&str, &Badge> = all.iter().map(|b| (b.key.as_str(), b)).collect();
        let mut waits: BTreeMap<String, Vec<String>> = all
            .iter()
            .filter(|b| !b.after.is_empty())
            .map(|b| {
                let list = prereq::waits_for(b, &by_key, today);
                (
                    b.key.clone(),
                    list.into_iter().map(str::to_string).collect(),
                )
            })
            .collect();
        let session_steps = name_steps(&plan.sessions, &by_key, journeys, &progress, &estimates);
        let mut journey: BTreeMap<String, Progress> = progress
            .into_iter()
            .map(|(k, p)| (k.to_string(), p))
            .collect();
        drop(by_key);
        let mut steps_of = journeys.steps.clone();
        let conflicts = conflicts::find(
            &scenario.pinned,
            &scenario.targets,
            &windows,
            busy,
            &scenario.logged_per_day,
            scenario.settings.daily_cap,
            now,
        );
        let badges: Vec<BadgeInfo> = all
            .into_iter()
            .map(|b| {
                let window = config.issuer(&b.issuer).renewal_window_days;
                let Decision {
                    status,
                    work,
                    retirement,
                    deals,
                } = decisions.remove(&b.key).unwrap_or(Decision {
                    status: Status::Target,
                    work: Work::Nothing(Idle::Archived),
                    retirement: Retirement::None,
                    deals: Vec::new(),
                });
                BadgeInfo {
                    steps: steps_of.remove(&b.key).unwrap_or_default(),
                    journey: journey.remove(&b.key),
                    waits_for: waits.remove(&b.key).unwrap_or_default(),
                    deals,
                    status,
                    work,
                    retirement,
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
        let overdue = pinned.iter().filter(|p| p.end() <= now).cloned().collect();
        let all_badges = badges.iter().map(|b: &BadgeInfo| b.badge.clone()).collect();
        Overview {
            now,
            badges,
            all_badges,
            plan,
            windows,
            overdue,
            busy: busy.to_vec(),
            pinned,
            logged_per_day,
            horizon,
            busy_sources: Vec::new(),
            scenario,
            session_steps,
            conflicts,
            deals,
        }
    }

    /// The deal with this key.
    pub fn deal(&self, key: &str) -> Option<&DealStatus> {
        self.deals.iter().find(|d| d.deal.key == key)
    }

    /// Open deals ahead, by date (then key): what Today lists.
    pub fn open_deals(&self) -> Vec<&DealStatus> {
        let mut v: Vec<&DealStatus> = self.deals.iter().filter(|d| d.active).collect();
        v.sort_by(|a, b| (a.deal.by, &a.deal.key).cmp(&(b.deal.by, &b.deal.key)));
        v
    }

    /// Open deals ahead that are at risk.
    pub fn deals_at_risk(&self) -> impl Iterator<Item = &DealStatus> {
        self.deals.iter().filter(|d| d.at_risk())
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

    /// The sessions one can act on: overdue pins, then the plan's that have not ended.
    pub fn actionable(&self) -> Vec<Session> {
        crate::domain::session::actionable(&self.plan.sessions, &self.overdue, self.now)
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

    /// The conflicts of a session, if it is a pinned one that breaks a rule.
    pub fn conflict(&self, s: &Session) -> Option<&conflicts::Conflict> {
        if !s.pinned {
            return None;
        }
        self.conflicts
            .iter()
            .find(|c| c.start == s.start && c.badge == s.badge)
    }

    /// Badges past their date with nothing planned (expired or retired, not archived, no
    /// goal): named by `plan`, counted by `due` and Today, so they never vanish without a
    /// word. In urgency order (the most recent first).
    pub fn lapsed(&self) -> Vec<&BadgeInfo> {
        let today = self.today();
        let mut v: Vec<&BadgeInfo> = self
            .badges
            .iter()
            .filter(|b| {
                !b.badge.archived
                    && matches!(b.status, Status::Expired | Status::Retired)
                    && b.work.target().is_none()
            })
            .collect();
        v.sort_by_cached_key(|b| {
            (
                crate::domain::status::urgency(&b.badge, b.status, today),
                b.badge.key.clone(),
            )
        });
        v
    }

    /// Outcomes at risk.
    pub fn at_risk(&self) -> impl Iterator<Item = &Outcome> {
        self.plan.outcomes.iter().filter(|o| o.at_risk)
    }
}

/// Whether each deal is ready or at risk, from the plan made with the deals applied.
fn assess_deals(
    deals: &[Deal],
    all: &[Badge],
    decisions: &BTreeMap<String, Decision>,
    scenario: &Scenario,
    plan: &Plan,
    today: NaiveDate,
) -> Vec<DealStatus> {
    if deals.is_empty() {
        return Vec::new();
    }
    let work: BTreeMap<String, Work> = decisions
        .iter()
        .map(|(k, d)| (k.clone(), d.work.clone()))
        .collect();
    let outcome = |key: &str| {
        plan.outcomes
            .iter()
            .find(|o| o.key == key)
            .map(|o| deal::Ready {
                at_risk: o.at_risk,
                shortfall: o.shortfall,
                finish: o.finish,
            })
    };
    let after = |key: &str| {
        scenario
            .targets
            .iter()
            .find(|t| t.key == key)
            .map(|t| t.after.clone())
            .unwrap_or_default()
    };
    deal::assess(deals, all, &work, today, &outcome, &after)
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
