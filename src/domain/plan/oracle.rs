//! An independent oracle for the tests: day capacities computed minute by minute, a
//! day-level max flow (Edmonds–Karp), and the lexicographic optimum by brute force over
//! subsets. It shares no code with the planner.

use super::{Plan, PlanInput};
use crate::domain::badge::Priority;
use chrono::{NaiveDateTime, Timelike};

/// A target as the oracle sees it.
#[derive(Debug)]
pub(super) struct OJob {
    pub key: String,
    pub class: usize,
    pub r: usize,
    pub d: usize,
    pub need: u64,
}

/// The oracle's view, computed minute by minute without the planner's code: capacity per
/// day, the targets that need minutes (with a usable window), and the keys on time
/// whatever happens (pinned sessions cover them).
pub(super) fn oracle(inp: &PlanInput) -> (Vec<u64>, Vec<OJob>, Vec<String>) {
    let g = u64::from(inp.settings.granularity);
    let today = inp.now.date();
    let days = 48usize;
    let now_m = u64::from(inp.now.hour() * 60 + inp.now.minute())
        + u64::from(inp.now.second() > 0 || inp.now.nanosecond() > 0);
    let now_g = now_m.div_ceil(g) * g;
    let mut free = vec![[false; 1440]; days];
    let day_of = |t: NaiveDateTime| usize::try_from((t.date() - today).num_days()).ok();
    let minute = |t: NaiveDateTime| usize::try_from(t.hour() * 60 + t.minute()).unwrap();
    for iv in &inp.free {
        if let Some(d) = day_of(iv.start) {
            // Tight windows stay within a day.
            free[d][minute(iv.start)..minute(iv.end)].fill(true);
        }
    }
    free[0][..usize::try_from(now_g).unwrap().min(1440)].fill(false);
    let mut used = vec![0u64; days];
    for (d, m) in &inp.logged_per_day {
        if let Ok(k) = usize::try_from((*d - today).num_days()) {
            used[k] += u64::from(*m);
        }
    }
    for p in &inp.pinned {
        let d = day_of(p.start).unwrap();
        free[d][minute(p.start)..minute(p.end()).max(minute(p.start))].fill(false);
        if p.counts_at(inp.now) {
            used[d] += u64::from(p.minutes);
        }
    }
    let cap: Vec<u64> = (0..days)
        .map(|d| {
            let f = free[d].iter().filter(|&&x| x).count() as u64;
            let left = u64::from(inp.settings.daily_cap).saturating_sub(used[d]) / g * g;
            f.min(left)
        })
        .collect();
    let mut jobs = Vec::new();
    let mut covered = Vec::new();
    for t in &inp.targets {
        if t.remaining == 0 {
            continue;
        }
        let pinned: u64 = inp
            .pinned
            .iter()
            .filter(|p| p.badge == t.key && p.counts_at(inp.now) && p.start.date() <= t.due)
            .map(|p| u64::from(p.minutes))
            .sum();
        let need = u64::from(t.remaining).saturating_sub(pinned).div_ceil(g) * g;
        if need == 0 {
            covered.push(t.key.clone());
            continue;
        }
        let r = (t.release - today).num_days().max(0);
        let d = (t.due - today).num_days();
        if d < r {
            continue;
        }
        jobs.push(OJob {
            key: t.key.clone(),
            class: match t.priority {
                Priority::Low => 0,
                Priority::Normal => 1,
                Priority::High => 2,
            },
            r: usize::try_from(r).unwrap(),
            d: usize::try_from(d).unwrap(),
            need,
        });
    }
    (cap, jobs, covered)
}

/// Max flow source → job (need) → its days → sink (capacity), Edmonds–Karp.
pub(super) fn max_flow(jobs: &[&OJob], cap: &[u64]) -> u64 {
    let (nj, nd) = (jobs.len(), cap.len());
    let n = nj + nd + 2;
    let (s, t) = (n - 2, n - 1);
    let mut c = vec![vec![0u64; n]; n];
    for (i, j) in jobs.iter().enumerate() {
        c[s][i] = j.need;
        for d in j.r..=j.d.min(nd - 1) {
            c[i][nj + d] = u64::MAX / 4;
        }
    }
    for (d, &x) in cap.iter().enumerate() {
        c[nj + d][t] = x;
    }
    let mut flow = 0;
    loop {
        let mut prev = vec![usize::MAX; n];
        prev[s] = s;
        let mut queue = std::collections::VecDeque::from([s]);
        while let Some(u) = queue.pop_front() {
            for v in 0..n {
                if prev[v] == usize::MAX && c[u][v] > 0 {
                    prev[v] = u;
                    queue.push_back(v);
                }
            }
        }
        if prev[t] == usize::MAX {
            return flow;
        }
        let mut push = u64::MAX;
        let mut v = t;
        while v != s {
            push = push.min(c[prev[v]][v]);
            v = prev[v];
        }
        let mut v = t;
        while v != s {
            c[prev[v]][v] -= push;
            c[v][prev[v]] += push;
            v = prev[v];
        }
        flow += push;
    }
}

pub(super) fn fits(jobs: &[&OJob], cap: &[u64]) -> bool {
    max_flow(jobs, cap) == jobs.iter().map(|j| j.need).sum::<u64>()
}

/// The lexicographic best (#High, #Normal, #Low) on time, by brute force over subsets.
pub(super) fn best_counts(jobs: &[OJob], cap: &[u64]) -> [u32; 3] {
    let n = jobs.len();
    let mut masks: Vec<(u32, u32, u32, u32)> = (0..1u32 << n)
        .map(|m| {
            let mut c = [0u32; 3];
            for (i, j) in jobs.iter().enumerate() {
                if m >> i & 1 == 1 {
                    c[j.class] += 1;
                }
            }
            (c[2], c[1], c[0], m)
        })
        .collect();
    masks.sort_unstable_by(|a, b| b.cmp(a));
    for (h, nn, l, m) in masks {
        let set: Vec<&OJob> = (0..n)
            .filter(|&i| m >> i & 1 == 1)
            .map(|i| &jobs[i])
            .collect();
        if fits(&set, cap) {
            return [l, nn, h];
        }
    }
    [0; 3]
}

pub(super) fn plan_counts(p: &Plan, jobs: &[OJob]) -> [u32; 3] {
    let mut c = [0u32; 3];
    for j in jobs {
        if p.outcomes.iter().any(|o| o.key == j.key && !o.at_risk) {
            c[j.class] += 1;
        }
    }
    c
}

/// A target as the oracle sees it with prerequisites.
#[derive(Debug, Clone)]
pub(super) struct PJob {
    pub key: String,
    pub class: usize,
    pub r: usize,
    /// Its due day, when it can be on time at all.
    pub d: Option<usize>,
    /// Minutes to plan by its due, and in all.
    pub need_due: u64,
    pub need_total: u64,
    /// Indices of the jobs it waits for.
    pub preds: Vec<usize>,
}

/// The oracle's view with prerequisites: day capacities as [`oracle`] counts them, and
/// every target with minutes to plan, linked to the ones it waits for.
pub(super) fn chained_oracle(inp: &PlanInput) -> (Vec<u64>, Vec<PJob>) {
    let (cap, _, _) = oracle(inp);
    let g = u64::from(inp.settings.granularity);
    let today = inp.now.date();
    let mut jobs: Vec<PJob> = Vec::new();
    let mut keys: Vec<&str> = Vec::new();
    for t in &inp.targets {
        if t.remaining == 0 || keys.contains(&t.key.as_str()) {
            continue;
        }
        let pinned = |by_due: bool| -> u64 {
            inp.pinned
                .iter()
                .filter(|p| p.badge == t.key && p.counts_at(inp.now))
                .filter(|p| !by_due || p.start.date() <= t.due)
                .map(|p| u64::from(p.minutes))
                .sum()
        };
        let need_due = u64::from(t.remaining)
            .saturating_sub(pinned(true))
            .div_ceil(g)
            * g;
        let need_total = u64::from(t.remaining)
            .saturating_sub(pinned(false))
            .div_ceil(g)
            * g;
        let r = usize::try_from((t.release - today).num_days().max(0)).unwrap();
        let d = usize::try_from((t.due - today).num_days())
            .ok()
            .filter(|&d| d >= r && d < cap.len());
        keys.push(&t.key);
        jobs.push(PJob {
            key: t.key.clone(),
            class: match t.priority {
                Priority::Low => 0,
                Priority::Normal => 1,
                Priority::High => 2,
            },
            r,
            d,
            need_due,
            need_total,
            preds: Vec::new(),
        });
    }
    for t in &inp.targets {
        let Some(b) = keys.iter().position(|k| *k == t.key) else {
            continue;
        };
        for a in &t.after {
            if let Some(ai) = keys.iter().position(|k| k == a)
                && ai != b
                && !jobs[b].preds.contains(&ai)
            {
                jobs[b].preds.push(ai);
            }
        }
    }
    (cap, jobs)
}

/// Whether the jobs counted in `counted` can all be on time, each after everything it
/// waits for, by simulating earliest-deadline-first in capacity time (the minutes the
/// days offer, one after the other) with modified deadlines: a job must be done by its
/// due (if counted) and early enough for each job that waits for it to get its minutes
/// before its own deadline. A job waits until what it waits for is done.
pub(super) fn chained_fits(jobs: &[PJob], cap: &[u64], counted: &[bool]) -> bool {
    let n = jobs.len();
    let mut pre = vec![0u64; cap.len() + 1];
    for (k, c) in cap.iter().enumerate() {
        pre[k + 1] = pre[k] + c;
    }
    // Everything the counted ones wait for, directly or not.
    let mut inside = counted.to_vec();
    let mut stack: Vec<usize> = (0..n).filter(|&i| counted[i]).collect();
    while let Some(i) = stack.pop() {
        for &a in &jobs[i].preds {
            if !inside[a] {
                inside[a] = true;
                stack.push(a);
            }
        }
    }
    let p = |i: usize| {
        if counted[i] {
            jobs[i].need_due
        } else {
            jobs[i].need_total
        }
    };
    // Deadlines, by a fixed point (the links have no loop).
    let mut dl: Vec<Option<i64>> = vec![None; n];
    for _ in 0..=n {
        for i in 0..n {
            if !inside[i] {
                continue;
            }
            let mut e: Option<i64> = None;
            if counted[i] {
                e = Some(i64::try_from(pre[jobs[i].d.unwrap() + 1]).unwrap());
            }
            for k in 0..n {
                if inside[k]
                    && jobs[k].preds.contains(&i)
                    && let Some(x) = dl[k]
                {
                    let x = x - i64::try_from(p(k)).unwrap();
                    e = Some(e.map_or(x, |y| y.min(x)));
                }
            }
            dl[i] = e;
        }
    }
    let mut left: Vec<u64> = (0..n).map(|i| if inside[i] { p(i) } else { 0 }).collect();
    let mut done_at: Vec<Option<i64>> = (0..n).map(|i| (left[i] == 0).then_some(0)).collect();
    let release = |i: usize| i64::try_from(pre[jobs[i].r.min(cap.len())]).unwrap();
    let mut t: i64 = 0;
    loop {
        let ready = |i: usize, t: i64, done_at: &[Option<i64>]| {
            inside[i]
                && done_at[i].is_none()
                && release(i) <= t
                && jobs[i]
                    .preds
                    .iter()
                    .all(|&a| !inside[a] || done_at[a].is_some_and(|f| f <= t))
        };
        let pick = (0..n)
            .filter(|&i| ready(i, t, &done_at))
            .min_by_key(|&i| (dl[i].unwrap_or(i64::MAX), i));
        let Some(i) = pick else {
            // Idle until the next release of a job not yet done.
            let next = (0..n)
                .filter(|&i| inside[i] && done_at[i].is_none() && release(i) > t)
                .map(release)
                .min();
            match next {
                Some(x) => {
                    t = x;
                    continue;
                }
                None => break,
            }
        };
        // Run it until it is done or the next release.
        let next_release = (0..n)
            .filter(|&k| inside[k] && done_at[k].is_none() && release(k) > t)
            .map(release)
            .min()
            .unwrap_or(i64::MAX);
        let run = i64::try_from(left[i]).unwrap().min(next_release - t);
        t += run;
        left[i] -= u64::try_from(run).unwrap();
        if left[i] == 0 {
            done_at[i] = Some(t);
        }
    }
    let end = i64::try_from(pre[cap.len()]).unwrap();
    (0..n)
        .all(|i| !inside[i] || done_at[i].is_some_and(|f| f <= end && dl[i].is_none_or(|d| f <= d)))
}

/// The lexicographic best (#High, #Normal, #Low) on time with prerequisites, by brute
/// force over the subsets of the jobs that can be on time.
pub(super) fn chained_best(jobs: &[PJob], cap: &[u64]) -> [u32; 3] {
    let countable: Vec<usize> = (0..jobs.len()).filter(|&i| jobs[i].d.is_some()).collect();
    let m = countable.len();
    let mut masks: Vec<(u32, u32, u32, u32)> = (0..1u32 << m)
        .map(|mask| {
            let mut c = [0u32; 3];
            for (k, &i) in countable.iter().enumerate() {
                if mask >> k & 1 == 1 {
                    c[jobs[i].class] += 1;
                }
            }
            (c[2], c[1], c[0], mask)
        })
        .collect();
    masks.sort_unstable_by(|a, b| b.cmp(a));
    for (h, nn, l, mask) in masks {
        let mut counted = vec![false; jobs.len()];
        for (k, &i) in countable.iter().enumerate() {
            counted[i] = mask >> k & 1 == 1;
        }
        if chained_fits(jobs, cap, &counted) {
            return [l, nn, h];
        }
    }
    [0; 3]
}

pub(super) fn chained_counts(p: &Plan, jobs: &[PJob]) -> [u32; 3] {
    let mut c = [0u32; 3];
    for j in jobs.iter().filter(|j| j.d.is_some()) {
        if p.outcomes.iter().any(|o| o.key == j.key && !o.at_risk) {
            c[j.class] += 1;
        }
    }
    c
}
