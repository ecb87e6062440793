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

/// Range-add, range-min over `i64`, bottom-up on a power-of-two array: `min[p]` is the
/// minimum of `p`'s subtree including the additions pending at `p` (`add[p]`), which a
/// query first pushes down along the paths it reads.
struct MinTree {
    n: usize,
    height: u32,
    min: Vec<i64>,
    add: Vec<i64>,
}

impl MinTree {
    fn new(values: &[i64]) -> MinTree {
        let n = values.len().next_power_of_two();
        let mut min = vec![UNBOUNDED; 2 * n];
        min[n..n + values.len()].copy_from_slice(values);
        for p in (1..n).rev() {
            min[p] = min[2 * p].min(min[2 * p + 1]);
        }
        MinTree {
            n,
            height: n.trailing_zeros(),
            min,
            add: vec![0; n],
        }
    }

    fn apply(&mut self, p: usize, v: i64) {
        self.min[p] += v;
        if p < self.n {
            self.add[p] += v;
        }
    }

    fn rebuild(&mut self, mut p: usize) {
        while p > 1 {
            p >>= 1;
            self.min[p] = self.min[2 * p].min(self.min[2 * p + 1]) + self.add[p];
        }
    }

    fn push(&mut self, p: usize) {
        for s in (1..=self.height).rev() {
            let i = p >> s;
            let v = self.add[i];
            if v != 0 {
                self.apply(2 * i, v);
                self.apply(2 * i + 1, v);
                self.add[i] = 0;
            }
        }
    }

    /// Adds `v` on `l..r`.
    fn update(&mut self, l: usize, r: usize, v: i64) {
        if l >= r {
            return;
        }
        let (mut a, mut b) = (l + self.n, r + self.n);
        while a < b {
            if a & 1 == 1 {
                self.apply(a, v);
                a += 1;
            }
            if b & 1 == 1 {
                b -= 1;
                self.apply(b, v);
            }
            a >>= 1;
            b >>= 1;
        }
        self.rebuild(l + self.n);
        self.rebuild(r - 1 + self.n);
    }

    /// The minimum on `l..r` (`l < r`).
    fn query(&mut self, l: usize, r: usize) -> i64 {
        let (mut a, mut b) = (l + self.n, r + self.n);
        self.push(a);
        self.push(b - 1);
        let mut least = UNBOUNDED;
        while a < b {
            if a & 1 == 1 {
                least = least.min(self.min[a]);
                a += 1;
            }
            if b & 1 == 1 {
                b -= 1;
                least = least.min(self.min[b]);
            }
            a >>= 1;
            b >>= 1;
        }
        least
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
        self.tree.update(k, self.dues.len(), to_i64(minutes));
    }

    /// The least room over the breakpoints `lo..hi` at day `day` with `today` usable
    /// minutes left today: how much more may be placed today without breaking them.
    pub(super) fn room(&mut self, day: usize, today: u64, lo: usize, hi: usize) -> i64 {
        if lo >= hi {
            return UNBOUNDED;
        }
        let least = self.tree.query(lo, hi);
        least + to_i64(today) - to_i64(self.pre[day + 1])
    }
}
