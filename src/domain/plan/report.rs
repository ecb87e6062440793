//! Turns placed pieces into the [`Plan`]: sessions, and per target the outcome measured
//! on the sessions themselves, with the reason and rescue numbers for each badge at risk.

use super::edf::{self, Job};
use super::hall::{self, Hall};
use super::model::{DAY, Kind, Model};
use super::place::Piece;
use super::quota;
use super::{Outcome, Plan, PlanInput, Risk, Session};
use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use std::collections::BTreeMap;

fn datetime(today: NaiveDate, day: usize, minute: u32) -> NaiveDateTime {
    let abs = i64::try_from(day).unwrap_or(0) * DAY + i64::from(minute);
    let date = u64::try_from(abs.div_euclid(DAY))
        .ok()
        .and_then(|d| today.checked_add_days(Days::new(d)))
        .unwrap_or(NaiveDate::MAX);
    date.and_time(NaiveTime::MIN) + TimeDelta::minutes(abs.rem_euclid(DAY))
}

fn sat32(x: u64) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// Builds the plan from the pieces of both phases (in time order) and the cap left.
pub(super) fn assemble(
    input: &PlanInput,
    model: &Model,
    pieces: &[Piece],
    cap_after: &[u32],
    exact: bool,
    quotas: &quota::Quotas,
    margin: &[u64],
) -> Plan {
    let today = model.today;
    let mut sessions: Vec<Session> = pieces
        .iter()
        .map(|p| Session {
            badge: input.targets[model.items[p.item].input].key.clone(),
            start: datetime(today, p.day, p.start),
            end: datetime(today, p.day, p.end),
            pinned: false,
        })
        .collect();
    for &k in &model.counted_pinned {
        let p = &input.pinned[k];
        let end = p
            .start
            .checked_add_signed(TimeDelta::minutes(i64::from(p.minutes)))
            .unwrap_or(NaiveDateTime::MAX);
        sessions.push(Session {
            badge: p.badge.clone(),
            start: p.start,
            end,
            pinned: true,
        });
    }
    sessions.sort_by(|a, b| {
        (a.start, a.end, &a.badge, a.pinned).cmp(&(b.start, b.end, &b.badge, b.pinned))
    });

    // Usable minutes left unplanned per day, as prefix sums.
    let mut planned_on = vec![0u32; model.days];
    let mut by_item: Vec<Vec<&Piece>> = vec![Vec::new(); model.items.len()];
    for p in pieces {
        planned_on[p.day] += p.end - p.start;
        by_item[p.item].push(p);
    }
    let unused: Vec<u64> = (0..model.days)
        .map(|d| u64::from((model.free_min[d] - planned_on[d]).min(cap_after[d])))
        .collect();
    let unused = hall::prefix(&unused);

    let mut pinned_by_key: BTreeMap<&str, Vec<(NaiveDateTime, u32)>> = BTreeMap::new();
    for &k in &model.counted_pinned {
        let p = &input.pinned[k];
        pinned_by_key
            .entry(p.badge.as_str())
            .or_default()
            .push((p.start, p.minutes));
    }

    let mut outcomes: Vec<(usize, Outcome)> = Vec::with_capacity(model.items.len());
    for (i, it) in model.items.iter().enumerate() {
        let t = &input.targets[it.input];
        let planned_due: u64 = by_item[i]
            .iter()
            .filter(|p| i64::try_from(p.day).unwrap_or(i64::MAX) <= it.due)
            .map(|p| u64::from(p.end - p.start))
            .sum();
        let before_due = it.pinned_due + planned_due;
        let shortfall = u64::from(t.remaining).saturating_sub(before_due);
        let at_risk = match it.kind {
            Kind::Nothing => false,
            Kind::Duplicate => t.remaining > 0,
            _ => shortfall > 0,
        };
        let finish = if t.remaining == 0 || it.kind == Kind::Duplicate {
            None
        } else {
            let mut events: Vec<(NaiveDateTime, u32)> = by_item[i]
                .iter()
                .map(|p| (datetime(today, p.day, p.start), p.end - p.start))
                .collect();
            events.extend(pinned_by_key.get(t.key.as_str()).into_iter().flatten());
            events.sort_unstable();
            let mut sum = 0u64;
            events.iter().find_map(|&(at, m)| {
                sum += u64::from(m);
                (sum >= u64::from(t.remaining)).then_some(at.date())
            })
        };
        let slack = if at_risk || it.due < 0 {
            0
        } else {
            let last = i64::try_from(model.days).unwrap_or(0) - 1;
            match (
                usize::try_from(it.release),
                usize::try_from(it.due.min(last)),
            ) {
                (Ok(r), Ok(d)) if r <= d => sat32(unused[d + 1] - unused[r]),
                _ => 0,
            }
        };
        let risk = match (at_risk, it.kind) {
            (false, _) => None,
            (true, Kind::Duplicate) => Some(Risk::DuplicateKey),
            (true, Kind::Late(r)) => Some(r),
            (true, _) => None, // filled in below
        };
        outcomes.push((
            i,
            Outcome {
                key: t.key.clone(),
                release: t.release,
                due: t.due,
                remaining: t.remaining,
                planned_before_due: sat32(before_due),
                shortfall: sat32(shortfall),
                finish,
                slack,
                at_risk,
                risk,
            },
        ));
    }

    let late: Vec<usize> = outcomes
        .iter()
        .filter(|(i, o)| o.at_risk && model.items[*i].kind == Kind::Candidate)
        .map(|(i, _)| *i)
        .collect();
    if !late.is_empty() {
        let on_time: Vec<usize> = outcomes
            .iter()
            .filter(|(i, o)| !o.at_risk && model.items[*i].kind == Kind::Candidate)
            .map(|(i, _)| *i)
            .collect();
        let mut rescue = Rescue::new(model, &on_time, &late, margin);
        // What each gets by its due with the on-time set whole and the badges at risk
        // ahead of it at their quotas, with the daily cap and without.
        let kept: Vec<Job> = on_time
            .iter()
            .filter_map(|&i| quota::job(model, i, margin[i]))
            .collect();
        let jobs: Vec<(usize, Job)> = late
            .iter()
            .filter_map(|&i| Some((i, quota::job(model, i, 0)?)))
            .collect();
        // Without the daily cap, for the rescue of badges that would fit with the on-time
        // set alone (after a repair or a heuristic selection): built when first needed.
        let mut uncapped: Option<Vec<u64>> = None;
        let mut order: Vec<usize> = (0..jobs.len()).collect();
        order.sort_by_key(|&k| jobs[k].1.rank);
        let mut ahead: Vec<Job> = Vec::new();
        let mut risks: BTreeMap<usize, Risk> = BTreeMap::new();
        for k in order {
            let (i, job) = jobs[k];
            let mut free_most = || {
                uncapped.get_or_insert_with(|| {
                    let free: Vec<u64> = model.free_min.iter().map(|&f| u64::from(f)).collect();
                    quota::serve(&kept, &jobs, &free, |k, _| quotas.quota[jobs[k].0])
                })[k]
            };
            let shared = Shared {
                capped: quotas.most[i],
                uncapped: &mut free_most,
                ahead: &ahead,
            };
            risks.insert(i, rescue.risk(i, shared));
            if quotas.quota[i] > 0 {
                ahead.push(Job {
                    p: quotas.quota[i],
                    ..job
                });
            }
        }
        for (i, o) in &mut outcomes {
            if o.at_risk && o.risk.is_none() {
                o.risk = Some(risks.get(i).copied().unwrap_or(Risk::NoSpareTime {
                    extra_minutes_per_day: None,
                    extra_spare_minutes: None,
                }));
            }
        }
    }

    outcomes.sort_by(|(i, a), (j, b)| {
        (!a.at_risk, a.due, &a.key, model.items[*i].input).cmp(&(
            !b.at_risk,
            b.due,
            &b.key,
            model.items[*j].input,
        ))
    });
    Plan {
        sessions,
        outcomes: outcomes.into_iter().map(|(_, o)| o).collect(),
        exact,
    }
}

/// What a badge at risk gets by its due in the relaxation with the on-time set whole and
/// the badges at risk ahead of it at their quotas.
struct Shared<'a> {
    /// With the daily cap.
    capped: u64,
    /// Without any daily cap (computed when asked).
    uncapped: &'a mut dyn FnMut() -> u64,
    /// The badges at risk ahead of it, at their quotas.
    ahead: &'a [Job],
}

/// The rescue numbers of badges at risk, in the relaxation, keeping the on-time set.
struct Rescue<'a> {
    model: &'a Model,
    pre: Vec<u64>,
    /// On-time jobs, sorted by release.
    kept: Vec<Job>,
    /// The on-time set's closed slack; `None` when the whole horizon has none.
    hall: Option<Hall>,
    /// The free minutes of the whole horizon the on-time set leaves with no daily cap.
    free_room: u64,
    /// The most minutes a raise of the daily cap can add to any interval: what the cap
    /// withholds from the free time, over all days.
    withheld: u64,
    /// The kept jobs' closed slack with no daily cap at all (built when first needed): a
    /// raise of the cap can only help a job this matrix has room for.
    uncapped: Option<Hall>,
    breakpoints: (Vec<usize>, Vec<usize>),
    /// Day capacities with the cap raised by `k` grid steps.
    raised: BTreeMap<u32, Vec<u64>>,
    /// The raise, in grid steps, past which no day gains anything.
    max_raise: u32,
}

impl<'a> Rescue<'a> {
    fn job(model: &Model, i: usize) -> Option<Job> {
        let (r, d) = model.window(i)?;
        let it = &model.items[i];
        Some(Job {
            r,
            d,
            p: it.need_due,
            class: it.class,
            rank: it.rank,
        })
    }

    /// The most `job` gets by its due with the on-time set kept.
    fn gets(&self, job: Job) -> u64 {
        self.hall
            .as_ref()
            .map_or(0, |h| u64::try_from(h.at(job.r, job.d).max(0)).unwrap_or(0))
    }

    /// `margin`: what the repair keeps for each on-time badge beyond its need (the room
    /// its sessions need under the session rules); it counts as their demand.
    fn new(model: &'a Model, on_time: &[usize], late: &[usize], margin: &[u64]) -> Self {
        let pre = hall::prefix(&model.capacity);
        let mut kept: Vec<Job> = on_time
            .iter()
            .filter_map(|&i| quota::job(model, i, margin[i]))
            .collect();
        kept.sort_by_key(|j| (j.r, j.rank));
        let others: Vec<Job> = late.iter().filter_map(|&i| Self::job(model, i)).collect();
        let mut rs: Vec<usize> = kept.iter().chain(&others).map(|j| j.r).collect();
        let mut ds: Vec<usize> = kept.iter().chain(&others).map(|j| j.d).collect();
        rs.sort_unstable();
        rs.dedup();
        ds.sort_unstable();
        ds.dedup();
        // Every window lies inside the whole horizon: with no room there, no badge at
        // risk gets anything, and no matrix is needed to say so.
        let demand: u64 = kept.iter().map(|j| j.p).fold(0, u64::saturating_add);
        let hall = (pre[model.days] > demand).then(|| {
            let (mut hall, _) = Hall::raw(rs.clone(), ds.clone(), &pre, kept.iter());
            hall.close();
            hall
        });
        let free_total: u64 = model.free_min.iter().map(|&f| u64::from(f)).sum();
        let withheld = (0..model.days)
            .map(|d| u64::from(model.free_min[d].saturating_sub(model.cap_left[d])))
            .sum();
        let g = u64::from(model.settings.granularity);
        let daily = u64::from(model.settings.daily_cap);
        let max_raise = (0..model.days)
            .map(|d| (u64::from(model.free_min[d]) + model.used[d]).saturating_sub(daily))
            .max()
            .unwrap_or(0)
            .div_ceil(g);
        Rescue {
            max_raise: u32::try_from(max_raise).unwrap_or(u32::MAX).clamp(1, 1440),
            model,
            pre,
            kept,
            hall,
            free_room: free_total.saturating_sub(demand),
            withheld,
            uncapped: None,
            breakpoints: (rs, ds),
            raised: BTreeMap::new(),
        }
    }

    /// Why badge `i` is at risk. The rescue numbers keep the on-time set; when the badge
    /// would fit with it alone (the repair or a heuristic selection left it out), they
    /// keep the badges at risk ahead of it at their quotas too.
    fn risk(&mut self, i: usize, shared: Shared) -> Risk {
        let Some(job) = Self::job(self.model, i) else {
            return Risk::NoSpareTime {
                extra_minutes_per_day: None,
                extra_spare_minutes: None,
            };
        };
        let mut deficit = job.p.saturating_sub(self.gets(job));
        let mut also: Option<Shared> = None;
        if deficit == 0 {
            if shared.capped >= job.p {
                // The minutes are there, with everything ahead of it kept: only the
                // session rules kept placement from them.
                return Risk::SessionRules;
            }
            // Badges at risk ahead of it take the time.
            deficit = job.p - shared.capped;
            also = Some(shared);
        }
        let m = self.model;
        let room: u64 = (job.r..=job.d)
            .map(|d| u64::from(m.cap_left[d].saturating_sub(m.free_min[d])))
            .sum();
        let extra_spare_minutes = if room >= deficit {
            u32::try_from(deficit).ok()
        } else {
            None
        };
        let extra_minutes_per_day = match also {
            None => self.per_day(job, deficit, &[]),
            Some(sh) => {
                // No raise of the cap gives more than taking the cap away.
                if self.withheld < deficit || (sh.uncapped)() < job.p {
                    None
                } else {
                    self.per_day(job, deficit, sh.ahead)
                }
            }
        };
        if self.pre[job.d + 1] == self.pre[job.r] {
            Risk::NoSpareTime {
                extra_minutes_per_day,
                extra_spare_minutes,
            }
        } else {
            Risk::NotEnoughTime {
                extra_minutes_per_day,
                extra_spare_minutes,
            }
        }
    }

    /// The smallest raise of the daily cap, in grid steps, that fits `job` with the kept
    /// set; `None` if even a day-long raise would not.
    fn per_day(&mut self, job: Job, deficit: u64, also: &[Job]) -> Option<u32> {
        if self.withheld < deficit || self.free_room < job.p {
            return None;
        }
        let m = self.model;
        let (rs, ds) = &self.breakpoints;
        let kept = &self.kept;
        let uncapped = self.uncapped.get_or_insert_with(|| {
            let free: Vec<u64> = m.free_min.iter().map(|&f| u64::from(f)).collect();
            let (mut h, _) = Hall::raw(rs.clone(), ds.clone(), &hall::prefix(&free), kept.iter());
            h.close();
            h
        });
        if uncapped.at(job.r, job.d) < i64::try_from(job.p).unwrap_or(i64::MAX) {
            return None;
        }
        // The caller checked the same for `also`. With no cap at all it fits (the check
        // above is exact), and no raise past `max_raise` changes any day.
        let g = self.model.settings.granularity;
        let mut jobs = self.kept.clone();
        jobs.extend_from_slice(also);
        jobs.push(job);
        jobs.sort_by_key(|j| (j.r, j.rank));
        let (mut lo, mut hi) = (1u32, self.max_raise);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.fits(&jobs, mid) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        Some(lo * g)
    }

    fn fits(&mut self, jobs: &[Job], steps: u32) -> bool {
        let m = self.model;
        let cap = self.raised.entry(steps).or_insert_with(|| {
            let g = u64::from(m.settings.granularity);
            let daily = u64::from(m.settings.daily_cap) + u64::from(steps) * g;
            (0..m.days)
                .map(|d| {
                    let left = daily.saturating_sub(m.used[d]) / g * g;
                    left.min(u64::from(m.free_min[d]))
                })
                .collect()
        });
        edf::feasible(jobs, cap)
    }
}
