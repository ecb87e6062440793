//! The exact day-level check that lets a badge at risk take minutes beyond its quota only
//! where every protected demand (the on-time badges' minutes and the quotas) still fits.
//!
//! During placement, at day `t` with `R` usable minutes left today, the protected minutes
//! still to place fit in the relaxation iff for every due breakpoint `b >= t`:
//! `R + cap(t+1..=b) - left(due <= b) >= 0` (Hall's condition on the intervals `[t, b]`;
//! those starting later are untouched by what is placed today). Writing
//! `cap(t+1..=b) = pre[b+1] - pre[t+1]` and `left(due <= b) = reserved(due <= b) -
//! done(due <= b)`, the part that changes is `done`, which only grows by suffix additions
//! (a protected minute placed, or the rest of a reservation released when its due day has
//! passed). A min segment tree over `pre[b+1] - reserved(due <= b) + done(due <= b)`
//! answers the room for one more minute in `O(log dues)`.

/// Range-add, range-min over `i64`, no push-down: a node's value is the minimum of its
/// subtree including its own pending addition.
struct MinTree {
    n: usize,
    min: Vec<i64>,
    add: Vec<i64>,
}

impl MinTree {
    fn new(values: &[i64]) -> MinTree {
        let n = values.len().max(1);
        let mut t = MinTree {
            n,
            min: vec![0; 4 * n],
            add: vec![0; 4 * n],
        };
        t.build(1, 0, n, values);
        t
    }

    fn build(&mut self, node: usize, l: usize, r: usize, values: &[i64]) {
        if r - l == 1 {
            self.min[node] = values.get(l).copied().unwrap_or(i64::MAX / 4);
            return;
        }
        let m = (l + r) / 2;
        self.build(2 * node, l, m, values);
        self.build(2 * node + 1, m, r, values);
        self.min[node] = self.min[2 * node].min(self.min[2 * node + 1]);
    }

    fn update(&mut self, node: usize, l: usize, r: usize, ql: usize, qr: usize, v: i64) {
        if qr <= l || r <= ql {
            return;
        }
        if ql <= l && r <= qr {
            self.min[node] += v;
            self.add[node] += v;
            return;
        }
        let m = (l + r) / 2;
        self.update(2 * node, l, m, ql, qr, v);
        self.update(2 * node + 1, m, r, ql, qr, v);
        self.min[node] = self.min[2 * node].min(self.min[2 * node + 1]) + self.add[node];
    }

    fn query(&self, node: usize, l: usize, r: usize, ql: usize, qr: usize) -> i64 {
        if qr <= l || r <= ql {
            return i64::MAX / 4;
        }
        if ql <= l && r <= qr {
            return self.min[node];
        }
        let m = (l + r) / 2;
        let below = self
            .query(2 * node, l, m, ql, qr)
            .min(self.query(2 * node + 1, m, r, ql, qr));
        below.saturating_add(self.add[node])
    }
}

/// No bound (an empty set of breakpoints).
pub(super) const UNBOUNDED: i64 = i64::MAX / 4;

pub(super) struct Guard {
    /// Prefix sums of the relaxation's day capacities.
    pre: Vec<u64>,
    /// Distinct due days of the protected demands, sorted.
    dues: Vec<usize>,
    tree: MinTree,
}

fn to_i64(x: u64) -> i64 {
    i64::try_from(x).unwrap_or(UNBOUNDED)
}

impl Guard {
    /// `reserved`: (due day, minutes) of every protected demand. `None` when there is
    /// nothing to protect.
    pub(super) fn new(pre: &[u64], reserved: &[(usize, u64)]) -> Option<Guard> {
        let mut dues: Vec<usize> = reserved
            .iter()
            .filter(|r| r.1 > 0)
            .map(|r| r.0.min(pre.len().saturating_sub(2)))
            .collect();
        if dues.is_empty() || pre.len() < 2 {
            return None;
        }
        dues.sort_unstable();
        dues.dedup();
        let mut by_due = vec![0u64; dues.len()];
        for &(d, m) in reserved {
            if let Ok(k) = dues.binary_search(&d.min(pre.len() - 2)) {
                by_due[k] = by_due[k].saturating_add(m);
            }
        }
        let mut run = 0u64;
        let values: Vec<i64> = dues
            .iter()
            .zip(&by_due)
            .map(|(&d, &m)| {
                run = run.saturating_add(m);
                to_i64(pre[d + 1]) - to_i64(run)
            })
            .collect();
        Some(Guard {
            pre: pre.to_vec(),
            tree: MinTree::new(&values),
            dues,
        })
    }

    /// The breakpoint index of the first due on or after `day`.
    pub(super) fn index(&self, day: usize) -> usize {
        self.dues.partition_point(|&d| d < day)
    }

    pub(super) fn len(&self) -> usize {
        self.dues.len()
    }

    /// Protected minutes due on `due_day` are placed (or released).
    pub(super) fn done(&mut self, due_day: usize, minutes: u64) {
        if minutes == 0 {
            return;
        }
        let k = self.index(due_day.min(self.pre.len().saturating_sub(2)));
        let n = self.tree.n;
        self.tree
            .update(1, 0, n, k, self.dues.len(), to_i64(minutes));
    }

    /// The least room over the breakpoints `lo..hi` at day `day` with `today` usable
    /// minutes left today: how much more may be placed today without breaking them.
    pub(super) fn room(&self, day: usize, today: u64, lo: usize, hi: usize) -> i64 {
        if lo >= hi {
            return UNBOUNDED;
        }
        let n = self.tree.n;
        let least = self.tree.query(1, 0, n, lo, hi);
        least + to_i64(today) - to_i64(self.pre[day + 1])
    }
}
