//! Hall's condition for the day-level relaxation. A set of jobs fits iff for every day
//! interval `[a, b]` the jobs whose windows lie inside it need no more than its capacity.
//! Only intervals from a release to a due matter. The matrix holds, for each such
//! breakpoint pair, the *closed* slack: the least slack of any interval that contains
//! `[a, b]`, so the most one more job with window `[a, b]` can get is one lookup.

use super::edf::Job;

/// No constraint (an interval ending before it starts).
const FREE: i64 = i64::MAX / 4;

pub(super) struct Hall {
    rs: Vec<usize>,
    ds: Vec<usize>,
    /// Row-major `rs.len() × ds.len()`.
    cells: Vec<i64>,
}

/// Prefix sums of day capacities: `prefix[t]` is the capacity of days `0..t`.
pub(super) fn prefix(cap: &[u64]) -> Vec<u64> {
    let mut p = Vec::with_capacity(cap.len() + 1);
    let mut s = 0u64;
    p.push(0);
    for &c in cap {
        s += c;
        p.push(s);
    }
    p
}

fn to_i64(x: u64) -> i64 {
    i64::try_from(x).unwrap_or(FREE)
}

impl Hall {
    /// The raw slack (capacity minus contained demand) of every breakpoint interval.
    /// `rs` and `ds` are sorted and distinct, and contain every job's release and due.
    pub(super) fn raw<'a>(
        rs: Vec<usize>,
        ds: Vec<usize>,
        prefix: &[u64],
        jobs: impl Iterator<Item = &'a Job>,
    ) -> Hall {
        let (nr, nd) = (rs.len(), ds.len());
        let mut cells = vec![0i64; nr * nd];
        for j in jobs {
            let (Ok(a), Ok(b)) = (rs.binary_search(&j.r), ds.binary_search(&j.d)) else {
                continue;
            };
            cells[a * nd + b] += to_i64(j.p);
        }
        // Demand of jobs with release >= rs[a] and due <= ds[b].
        for a in (0..nr).rev() {
            let mut row = 0i64;
            for b in 0..nd {
                row += cells[a * nd + b];
                let below = if a + 1 < nr {
                    cells[(a + 1) * nd + b]
                } else {
                    0
                };
                cells[a * nd + b] = row + below;
            }
        }
        // Slack: capacity of [rs[a], ds[b]] minus that demand.
        for a in 0..nr {
            for b in 0..nd {
                let (ra, db) = (rs[a], ds[b]);
                let cell = &mut cells[a * nd + b];
                *cell = if ra > db {
                    FREE
                } else {
                    to_i64(prefix[db + 1] - prefix[ra]) - *cell
                };
            }
        }
        Hall { rs, ds, cells }
    }

    /// Turns raw slack into closed slack: each cell becomes the least slack over the
    /// intervals that contain it (earlier or equal start, later or equal end).
    pub(super) fn close(&mut self) {
        let nd = self.ds.len();
        for a in 0..self.rs.len() {
            for b in (0..nd).rev() {
                let mut v = self.cells[a * nd + b];
                if a > 0 {
                    v = v.min(self.cells[(a - 1) * nd + b]);
                }
                if b + 1 < nd {
                    v = v.min(self.cells[a * nd + b + 1]);
                }
                self.cells[a * nd + b] = v;
            }
        }
    }

    /// The overloaded day intervals (raw slack below zero), merged where they share a day:
    /// the independent zones. Call before [`Hall::close`].
    pub(super) fn zones(&self) -> Vec<(usize, usize)> {
        let nd = self.ds.len();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for (a, &ra) in self.rs.iter().enumerate() {
            if let Some(b) = (0..nd).rev().find(|&b| self.cells[a * nd + b] < 0) {
                spans.push((ra, self.ds[b]));
            }
        }
        spans.sort_unstable();
        let mut out: Vec<(usize, usize)> = Vec::new();
        for (a, b) in spans {
            match out.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => out.push((a, b)),
            }
        }
        out
    }

    /// Closed slack at a breakpoint pair: the most a new job with window `[r, d]` can get.
    pub(super) fn at(&self, r: usize, d: usize) -> i64 {
        match (self.rs.binary_search(&r), self.ds.binary_search(&d)) {
            (Ok(a), Ok(b)) => self.cells[a * self.ds.len() + b],
            _ => 0,
        }
    }

    /// Adds a job with window `[r, d]` and demand `p` to a closed matrix, keeping it
    /// closed. Cells inside the job's region lose `p`; any other cell may now be bound
    /// by the region's cell nearest to it.
    pub(super) fn add(&mut self, r: usize, d: usize, p: u64) {
        let (Ok(ja), Ok(jb)) = (self.rs.binary_search(&r), self.ds.binary_search(&d)) else {
            return;
        };
        close_add(
            &mut self.cells,
            self.rs.len(),
            self.ds.len(),
            ja,
            jb,
            to_i64(p),
        );
    }
}

/// The closed-matrix update shared with the branch and bound: subtract `p` on the region
/// `a <= ja, b >= jb`, then bound every other cell by its nearest region cell.
pub(super) fn close_add(cells: &mut [i64], nr: usize, nd: usize, ja: usize, jb: usize, p: i64) {
    for a in 0..=ja {
        for c in &mut cells[a * nd + jb..(a + 1) * nd] {
            *c -= p;
        }
    }
    for a in 0..nr {
        let aa = a.min(ja);
        for b in 0..nd {
            if a <= ja && b >= jb {
                continue;
            }
            let v = cells[aa * nd + b.max(jb)];
            let c = &mut cells[a * nd + b];
            if v < *c {
                *c = v;
            }
        }
    }
}
