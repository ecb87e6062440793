//! Chooses which badges to put on time, in the day-level relaxation: everything when it
//! fits; otherwise the lexicographic best (#High, #Normal, #Low), exactly per zone of
//! conflict, with a heuristic only past the work budget or for huge zones.

use super::bnb;
use super::edf::{self, Job};
use super::hall::{self, Hall};

/// Work allowed for the branch and bound per plan, in matrix-cell operations (about a
/// nanosecond each): bounds the worst case at some tens of milliseconds.
pub const WORK_BUDGET: u64 = 30_000_000;

/// The chosen jobs, and whether the choice is proven optimal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Choice {
    pub chosen: Vec<bool>,
    pub exact: bool,
}

fn sorted_by_release(jobs: &[Job], pick: impl Fn(usize) -> bool) -> Vec<Job> {
    let mut v: Vec<Job> = (0..jobs.len())
        .filter(|&i| pick(i))
        .map(|i| jobs[i])
        .collect();
    v.sort_by_key(|j| (j.r, j.rank));
    v
}

/// Chooses the on-time set among `jobs` (windows within `cap`'s days, `r <= d`).
pub(super) fn select(jobs: &[Job], cap: &[u64], budget: &mut u64) -> Choice {
    let n = jobs.len();
    let pre = hall::prefix(cap);
    // A job that does not fit even alone is never chosen.
    let viable: Vec<bool> = jobs
        .iter()
        .map(|j| j.p > 0 && j.d < cap.len() && j.p <= pre[j.d + 1] - pre[j.r])
        .collect();
    if edf::feasible(&sorted_by_release(jobs, |i| viable[i]), cap) {
        return Choice {
            chosen: viable,
            exact: true,
        };
    }

    let mut rs: Vec<usize> = (0..n).filter(|&i| viable[i]).map(|i| jobs[i].r).collect();
    let mut ds: Vec<usize> = (0..n).filter(|&i| viable[i]).map(|i| jobs[i].d).collect();
    rs.sort_unstable();
    rs.dedup();
    ds.sort_unstable();
    ds.dedup();
    let all = (0..n).filter(|&i| viable[i]).map(|i| &jobs[i]);
    let (mut whole, zones) = Hall::raw(rs.clone(), ds.clone(), &pre, all);
    whole.close();
    // Inside no overloaded interval: can always be added, so always kept.
    let involved: Vec<bool> = (0..n)
        .map(|i| viable[i] && whole.at(jobs[i].r, jobs[i].d) < 0)
        .collect();
    drop(whole);

    let forced: Vec<bool> = (0..n).map(|i| !involved[i]).collect();
    let heuristic = {
        let idx: Vec<usize> = (0..n).filter(|&i| viable[i]).collect();
        let sub: Vec<Job> = idx.iter().map(|&i| jobs[i]).collect();
        let sub_forced: Vec<bool> = idx.iter().map(|&i| forced[i]).collect();
        let acc = edf::greedy_reject(&sub, cap, &sub_forced);
        let mut h = vec![false; n];
        for (k, &i) in idx.iter().enumerate() {
            h[i] = acc[k];
        }
        h
    };

    let mut chosen: Vec<bool> = (0..n).map(|i| viable[i] && !involved[i]).collect();
    let mut exact = true;
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); zones.len()];
    for i in (0..n).filter(|&i| involved[i]) {
        let z = zones
            .partition_point(|&(a, _)| a <= jobs[i].r)
            .saturating_sub(1);
        members[z].push(i);
    }
    let base = members.iter().any(|z| z.len() <= bnb::MAX_ZONE).then(|| {
        let kept = (0..n)
            .filter(|&i| viable[i] && !involved[i])
            .map(|i| &jobs[i]);
        let (mut base, _) = Hall::raw(rs.clone(), ds.clone(), &pre, kept);
        base.close();
        base
    });
    for zone in &members {
        let Some(base) = base.as_ref().filter(|_| zone.len() <= bnb::MAX_ZONE) else {
            for &i in zone {
                chosen[i] = heuristic[i];
            }
            exact = false;
            continue;
        };
        let zjobs: Vec<Job> = zone.iter().map(|&i| jobs[i]).collect();
        let seed: Vec<bool> = zone.iter().map(|&i| heuristic[i]).collect();
        let (pick, proven) = bnb::solve(&zjobs, base, &seed, budget);
        exact &= proven;
        for (k, &i) in zone.iter().enumerate() {
            chosen[i] = pick[k];
        }
    }

    if !edf::feasible(&sorted_by_release(jobs, |i| chosen[i]), cap) {
        // Cannot happen if the zones are independent; stay safe anyway.
        debug_assert!(false, "zone choices do not fit together");
        chosen = heuristic;
        exact = false;
    }
    if !exact {
        fill(jobs, &pre, rs, ds, &viable, &mut chosen);
    }
    Choice { chosen, exact }
}

/// Adds every left-out job that still fits, best first.
fn fill(
    jobs: &[Job],
    pre: &[u64],
    rs: Vec<usize>,
    ds: Vec<usize>,
    viable: &[bool],
    chosen: &mut [bool],
) {
    let (mut h, _) = Hall::raw(
        rs,
        ds,
        pre,
        (0..jobs.len()).filter(|&i| chosen[i]).map(|i| &jobs[i]),
    );
    h.close();
    let mut rest: Vec<usize> = (0..jobs.len())
        .filter(|&i| viable[i] && !chosen[i])
        .collect();
    rest.sort_by_key(|&i| {
        (
            std::cmp::Reverse(jobs[i].class),
            jobs[i].d,
            jobs[i].p,
            jobs[i].rank,
        )
    });
    for i in rest {
        let j = &jobs[i];
        if h.at(j.r, j.d) >= i64::try_from(j.p).unwrap_or(i64::MAX) {
            h.add(j.r, j.d, j.p);
            chosen[i] = true;
        }
    }
}
