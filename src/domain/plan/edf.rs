//! Day-level earliest-deadline-first: the exact feasibility test of the relaxation, and a
//! greedy "EDF with rejection" that picks a good on-time set when not everything fits.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// A badge in the day-level relaxation: `p` minutes on days `r..=d`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Job {
    pub r: usize,
    pub d: usize,
    pub p: u64,
    /// 0 low, 1 normal, 2 high.
    pub class: u8,
    /// Planning order, unique: ties broken by it.
    pub rank: usize,
}

/// Whether every job gets its minutes by its due day, days offering `cap` minutes each.
/// `jobs` must be sorted by release. Exact for divisible minutes (Horn 1974).
pub(super) fn feasible(jobs: &[Job], cap: &[u64]) -> bool {
    debug_assert!(jobs.windows(2).all(|w| w[0].r <= w[1].r));
    let mut heap: BinaryHeap<Reverse<(usize, usize, usize)>> = BinaryHeap::new();
    let mut rem: Vec<u64> = jobs.iter().map(|j| j.p).collect();
    let mut next = 0;
    for (t, &c) in cap.iter().enumerate() {
        if next == jobs.len() && heap.is_empty() {
            return true;
        }
        while next < jobs.len() && jobs[next].r <= t {
            heap.push(Reverse((jobs[next].d, jobs[next].rank, next)));
            next += 1;
        }
        if heap.peek().is_some_and(|Reverse((d, _, _))| *d < t) {
            return false;
        }
        let mut c = c;
        while c > 0 {
            let Some(Reverse((_, _, k))) = heap.peek().copied() else {
                break;
            };
            let take = c.min(rem[k]);
            rem[k] -= take;
            c -= take;
            if rem[k] == 0 {
                heap.pop();
            }
        }
    }
    next == jobs.len() && heap.is_empty()
}

/// Greedy on-time set: EDF over the days; when a job misses its due, free capacity for it
/// inside its window by rejecting jobs (lowest class first, then largest demand,
/// Moore–Hodgson style) that come before it in that order, or reject the job itself if
/// that cannot cover the miss. `forced` jobs are never chosen as victims. The accepted
/// jobs always fit: the run keeps a valid day-level schedule for them.
pub(super) fn greedy_reject(jobs: &[Job], cap: &[u64], forced: &[bool]) -> Vec<bool> {
    let n = jobs.len();
    let days = cap.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (jobs[i].r, jobs[i].rank));
    let mut rem: Vec<u64> = jobs.iter().map(|j| j.p).collect();
    let mut accepted = vec![true; n];
    // Per day: (job, minutes), and minutes nobody uses.
    let mut alloc: Vec<Vec<(usize, u64)>> = vec![Vec::new(); days];
    let mut idle = vec![0u64; days];
    let mut job_days: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut held = vec![0u64; n];
    let mut heap: BinaryHeap<Reverse<(usize, usize, usize)>> = BinaryHeap::new();
    let mut next = 0;
    // Victim order, lowest first: class, then largest demand, latest due, last in rank.
    let mut by_victim: Vec<usize> = (0..n).collect();
    by_victim.sort_unstable_by_key(|&i| {
        (
            jobs[i].class,
            Reverse(jobs[i].p),
            Reverse(jobs[i].d),
            Reverse(jobs[i].rank),
        )
    });
    let mut victim_rank = vec![0usize; n];
    for (k, &i) in by_victim.iter().enumerate() {
        victim_rank[i] = k;
    }
    for t in 0..=days {
        while next < n && jobs[order[next]].r <= t {
            let i = order[next];
            heap.push(Reverse((jobs[i].d, jobs[i].rank, i)));
            next += 1;
        }
        while let Some(&Reverse((d, _, j))) = heap.peek() {
            if !accepted[j] || rem[j] == 0 {
                heap.pop();
                continue;
            }
            if d >= t && t < days {
                break;
            }
            heap.pop();
            // Job j missed its due by rem[j] minutes.
            let (r, d) = (jobs[j].r, jobs[j].d.min(days.saturating_sub(1)));
            let mut need = rem[j];
            for day in r..=d {
                if need == 0 {
                    break;
                }
                if idle[day] > 0 {
                    let take = idle[day].min(need);
                    idle[day] -= take;
                    need -= take;
                    give(&mut alloc[day], j, take);
                    job_days[j].push(day);
                }
            }
            if need > 0 {
                // Minutes each possible victim holds inside the window.
                let mut merged: Vec<(usize, u64)> = Vec::new();
                let before_j = |v: usize| forced[j] || victim_rank[v] < victim_rank[j];
                for day in &alloc[r..=d] {
                    for &(v, a) in day {
                        if v != j && accepted[v] && !forced[v] && before_j(v) {
                            if held[v] == 0 {
                                merged.push((v, 0));
                            }
                            held[v] += a;
                        }
                    }
                }
                for e in &mut merged {
                    e.1 = std::mem::take(&mut held[e.0]);
                }
                let total: u64 = merged.iter().map(|e| e.1).sum();
                if total < need {
                    merged.clear();
                }
                merged.sort_unstable_by_key(|&(v, _)| victim_rank[v]);
                let mut picked = Vec::new();
                let mut sum = 0u64;
                for (v, a) in merged {
                    picked.push(v);
                    sum += a;
                    if sum >= need {
                        break;
                    }
                }
                if sum >= need {
                    for v in picked {
                        accepted[v] = false;
                        rem[v] = 0;
                        for day in std::mem::take(&mut job_days[v]) {
                            let into = if (r..=d).contains(&day) && need > 0 {
                                Some(j)
                            } else {
                                None
                            };
                            let (gave, freed) = reassign(&mut alloc[day], v, into, &mut need);
                            idle[day] += freed;
                            if gave {
                                job_days[j].push(day);
                            }
                        }
                    }
                } else {
                    accepted[j] = false;
                    for day in std::mem::take(&mut job_days[j]) {
                        let mut none = 0;
                        idle[day] += reassign(&mut alloc[day], j, None, &mut none).1;
                    }
                }
            }
            rem[j] = 0;
        }
        if t == days {
            break;
        }
        let mut c = cap[t];
        while c > 0 {
            let Some(&Reverse((_, _, k))) = heap.peek() else {
                break;
            };
            if !accepted[k] || rem[k] == 0 {
                heap.pop();
                continue;
            }
            let take = c.min(rem[k]);
            alloc[t].push((k, take));
            if job_days[k].last() != Some(&t) {
                job_days[k].push(t);
            }
            rem[k] -= take;
            c -= take;
            if rem[k] == 0 {
                heap.pop();
            }
        }
        idle[t] = c;
    }
    accepted
}

/// Adds minutes of job `j` to a day.
fn give(day: &mut Vec<(usize, u64)>, j: usize, minutes: u64) {
    match day.iter_mut().find(|e| e.0 == j) {
        Some(e) => e.1 += minutes,
        None => day.push((j, minutes)),
    }
}

/// Takes the minutes of job `v` off a day: up to `need` to job `into`. Returns whether
/// `into` got any, and the minutes left idle.
fn reassign(
    day: &mut Vec<(usize, u64)>,
    v: usize,
    into: Option<usize>,
    need: &mut u64,
) -> (bool, u64) {
    let Some(k) = day.iter().position(|e| e.0 == v) else {
        return (false, 0);
    };
    let (_, minutes) = day.swap_remove(k);
    let take = if into.is_some() {
        minutes.min(*need)
    } else {
        0
    };
    *need -= take;
    if let Some(j) = into.filter(|_| take > 0) {
        give(day, j, take);
    }
    (take > 0, minutes - take)
}
