//! Exact selection inside one zone: branch and bound over include/exclude, maximising the
//! number of on-time badges per class, High first, then Normal, then Low.
//!
//! The state is the zone's closed slack matrix compressed to the zone's own release and
//! due breakpoints (cell `(a, b)`: the least slack of any interval starting by the `a`-th
//! release and ending from the `b`-th due on). A badge fits iff its own cell holds its
//! demand, and adding it is one [`close_add`]. The bound per class counts the undecided
//! badges that fit alone, capped by how many of the smallest fit together in the zone's
//! total slack; a branch is cut when that bound cannot beat the best set found,
//! lexicographically.

use super::edf::Job;
use super::hall::{Hall, close_add};

/// Zones with more involved badges than this are left to the heuristic.
pub const MAX_ZONE: usize = 64;

#[derive(Debug, Clone, Copy)]
struct ZItem {
    /// Index in the zone's job list.
    job: usize,
    a: usize,
    b: usize,
    p: i64,
    class: usize,
}

fn score(c: [u32; 3]) -> (u32, u32, u32) {
    (c[2], c[1], c[0])
}

struct Search {
    items: Vec<ZItem>,
    nd: usize,
    size: usize,
    arena: Vec<i64>,
    /// Item positions per class, by demand ascending.
    by_class: [Vec<usize>; 3],
    cur: [u32; 3],
    set: Vec<bool>,
    best: [u32; 3],
    best_set: Vec<bool>,
    budget: u64,
    aborted: bool,
}

impl Search {
    fn bound(&self, t: usize, lvl: usize) -> [u32; 3] {
        let m = &self.arena[lvl * self.size..(lvl + 1) * self.size];
        let total = m[self.nd - 1];
        let mut ub = self.cur;
        for (c, list) in self.by_class.iter().enumerate() {
            let mut sum = 0i64;
            for &i in list {
                let it = &self.items[i];
                if i < t || m[it.a * self.nd + it.b] < it.p {
                    continue;
                }
                if sum + it.p > total {
                    break;
                }
                sum += it.p;
                ub[c] += 1;
            }
        }
        ub
    }

    fn dfs(&mut self, t: usize, lvl: usize) {
        if self.budget == 0 {
            self.aborted = true;
            return;
        }
        self.budget -= 1;
        if t == self.items.len() {
            if score(self.cur) > score(self.best) {
                self.best = self.cur;
                self.best_set.clone_from(&self.set);
            }
            return;
        }
        if score(self.bound(t, lvl)) <= score(self.best) {
            return;
        }
        let it = self.items[t];
        let size = self.size;
        if self.arena[lvl * size + it.a * self.nd + it.b] >= it.p {
            let cost = u64::try_from(size).unwrap_or(u64::MAX);
            if self.budget < cost {
                self.aborted = true;
                return;
            }
            self.budget -= cost;
            let (lo, hi) = self.arena.split_at_mut((lvl + 1) * size);
            let next = &mut hi[..size];
            next.copy_from_slice(&lo[lvl * size..]);
            close_add(next, size / self.nd, self.nd, it.a, it.b, it.p);
            self.set[t] = true;
            self.cur[it.class] += 1;
            self.dfs(t + 1, lvl + 1);
            self.set[t] = false;
            self.cur[it.class] -= 1;
        }
        self.dfs(t + 1, lvl);
    }
}

/// Chooses the zone's jobs (all with `r`, `d` among `base`'s breakpoints) given the closed
/// slack `base` of everything always kept. `seed` is a known feasible choice to beat.
/// Returns the choice per job and whether it is proven optimal (the budget held).
pub(super) fn solve(
    jobs: &[Job],
    base: &Hall,
    seed: &[bool],
    budget: &mut u64,
) -> (Vec<bool>, bool) {
    let mut rs: Vec<usize> = jobs.iter().map(|j| j.r).collect();
    let mut ds: Vec<usize> = jobs.iter().map(|j| j.d).collect();
    rs.sort_unstable();
    rs.dedup();
    ds.sort_unstable();
    ds.dedup();
    let (nr, nd) = (rs.len(), ds.len());
    let size = nr * nd;
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&i| {
        let j = &jobs[i];
        (std::cmp::Reverse(j.class), j.d, j.p, j.rank)
    });
    let items: Vec<ZItem> = order
        .iter()
        .map(|&i| {
            let j = &jobs[i];
            ZItem {
                job: i,
                a: rs.binary_search(&j.r).unwrap_or(0),
                b: ds.binary_search(&j.d).unwrap_or(0),
                p: i64::try_from(j.p).unwrap_or(i64::MAX / 4),
                class: usize::from(j.class.min(2)),
            }
        })
        .collect();
    let n = items.len();
    let mut arena = vec![0i64; (n + 1) * size];
    for (a, &r) in rs.iter().enumerate() {
        for (b, &d) in ds.iter().enumerate() {
            arena[a * nd + b] = base.at(r, d);
        }
    }
    let mut by_class: [Vec<usize>; 3] = Default::default();
    for (i, it) in items.iter().enumerate() {
        by_class[it.class].push(i);
    }
    for list in &mut by_class {
        list.sort_by_key(|&i| (items[i].p, i));
    }

    // The seed, if it really fits, is the first incumbent.
    let mut best = [0u32; 3];
    let mut best_set = vec![false; n];
    let mut scratch = arena[..size].to_vec();
    let mut seed_ok = true;
    for (i, it) in items.iter().enumerate() {
        if seed[it.job] {
            if scratch[it.a * nd + it.b] < it.p {
                seed_ok = false;
                break;
            }
            close_add(&mut scratch, nr, nd, it.a, it.b, it.p);
            best[it.class] += 1;
            best_set[i] = true;
        }
    }
    if !seed_ok {
        best = [0; 3];
        best_set = vec![false; n];
    }

    let mut s = Search {
        items,
        nd,
        size,
        arena,
        by_class,
        cur: [0; 3],
        set: vec![false; n],
        best,
        best_set,
        budget: *budget,
        aborted: false,
    };
    s.dfs(0, 0);
    *budget = s.budget;
    let mut chosen = vec![false; jobs.len()];
    for (i, it) in s.items.iter().enumerate() {
        chosen[it.job] = s.best_set[i];
    }
    (chosen, !s.aborted)
}
