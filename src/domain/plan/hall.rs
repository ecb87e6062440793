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
    /// The raw slack (capacity minus contained demand) of every breakpoint interval, and
    /// the overloaded day intervals (raw slack below zero) merged where they share a day:
    /// the independent zones. `rs` and `ds` are sorted, distinct, and contain every job's
    /// release and due.
    pub(super) fn raw<'a>(
        rs: Vec<usize>,
        ds: Vec<usize>,
        prefix: &[u64],
        jobs: impl Iterator<Item = &'a Job>,
    ) -> (Hall, Vec<(usize, usize)>) {
        let (nr, nd) = (rs.len(), ds.len());
        let mut cells = vec![0i64; nr * nd];
        for j in jobs {
            let (Ok(a), Ok(b)) = (rs.binary_search(&j.r), ds.binary_search(&j.d)) else {
                continue;
            };
            cells[a * nd + b] += to_i64(j.p);
        }
        let cap_to: Vec<i64> = ds.iter().map(|&d| to_i64(prefix[d + 1])).collect();
        // Demand of jobs with release >= rs[a] and due <= ds[b], built bottom-up.
        let mut below = vec![0i64; nd];
        let mut spans = Vec::new();
        for a in (0..nr).rev() {
            let row = &mut cells[a * nd..(a + 1) * nd];
            let cap_from = to_i64(prefix[rs[a]]);
            let first = ds.partition_point(|&d| d < rs[a]);
            let mut run = 0i64;
            let mut last_neg = None;
            for b in 0..nd {
                run += row[b];
                below[b] += run;
                row[b] = cap_to[b] - cap_from - below[b];
                if row[b] < 0 && b >= first {
                    last_neg = Some(b);
                }
            }
            row[..first].fill(FREE);
            if let Some(b) = last_neg {
                spans.push((rs[a], ds[b]));
            }
        }
        spans.sort_unstable();
        let mut zones: Vec<(usize, usize)> = Vec::new();
        for (a, b) in spans {
            match zones.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => zones.push((a, b)),
            }
        }
        (Hall { rs, ds, cells }, zones)
    }

    /// Turns raw slack into closed slack: each cell becomes the least slack over the
    /// intervals that contain it (earlier or equal start, later or equal end).
    pub(super) fn close(&mut self) {
        let nd = self.ds.len();
        if nd == 0 {
            return;
        }
        for a in 0..self.rs.len() {
            let (done, rest) = self.cells.split_at_mut(a * nd);
            let row = &mut rest[..nd];
            if a > 0 {
                for (c, &up) in row.iter_mut().zip(&done[(a - 1) * nd..]) {
                    *c = (*c).min(up);
                }
            }
            for b in (0..nd - 1).rev() {
                row[b] = row[b].min(row[b + 1]);
            }
        }
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
/// `a <= ja, b >= jb`; every other cell may now be bound by its nearest region cell,
/// `(min(a, ja), max(b, jb))`.
pub(super) fn close_add(cells: &mut [i64], nr: usize, nd: usize, ja: usize, jb: usize, p: i64) {
    for a in 0..=ja {
        let row = &mut cells[a * nd..(a + 1) * nd];
        for c in &mut row[jb..] {
            *c -= p;
        }
        let edge = row[jb];
        for c in &mut row[..jb] {
            *c = (*c).min(edge);
        }
    }
    let (head, tail) = cells.split_at_mut((ja + 1) * nd);
    let reference = &head[ja * nd..];
    let edge = reference[jb];
    for a in 0..nr.saturating_sub(ja + 1) {
        let row = &mut tail[a * nd..(a + 1) * nd];
        for c in &mut row[..jb] {
            *c = (*c).min(edge);
        }
        for (c, &r) in row[jb..].iter_mut().zip(&reference[jb..]) {
            *c = (*c).min(r);
        }
    }
}

/// Raw slack closed along the due axis only: `cells[a][b]` is the least slack of the
/// intervals starting at `rs[a]` and ending at `ds[b]` or later.
pub(super) struct RowClosed {
    rs: Vec<usize>,
    ds: Vec<usize>,
    cells: Vec<i64>,
}

impl RowClosed {
    pub(super) fn new(hall: Hall) -> RowClosed {
        let Hall { rs, ds, mut cells } = hall;
        let nd = ds.len();
        if nd > 0 {
            for row in cells.chunks_mut(nd) {
                for b in (0..nd - 1).rev() {
                    row[b] = row[b].min(row[b + 1]);
                }
            }
        }
        RowClosed { rs, ds, cells }
    }

    /// The number of rows starting on or before day `r`.
    pub(super) fn rows_upto(&self, r: usize) -> usize {
        self.rs.partition_point(|&x| x <= r)
    }

    /// The column of the first due breakpoint on or after day `d`, if any.
    pub(super) fn col(&self, d: usize) -> Option<usize> {
        let b = self.ds.partition_point(|&x| x < d);
        (b < self.ds.len()).then_some(b)
    }

    pub(super) fn cell(&self, a: usize, b: usize) -> i64 {
        self.cells[a * self.ds.len() + b]
    }
}
