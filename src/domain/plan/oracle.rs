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
