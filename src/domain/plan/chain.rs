//! The selection when badges wait for others (prerequisites, DESIGN 3): which badges to
//! put on time, exactly, with the hard rule that no session of a badge comes before the
//! planned finish of a badge it waits for.
//!
//! # Model
//!
//! Time is *capacity time*: the minutes the relaxation may use, counted from now, day
//! after day (a day is the stretch `pre[d]..pre[d+1]` of its capacity). A schedule there
//! is a single machine, and the placement walks it in the same order, so a prerequisite's
//! minutes before its dependant's in capacity time are before them in real time.
//!
//! For a set `S` of badges on time (counted), every badge that a badge of `S` waits for,
//! directly or not, must be done before it starts, whether it is on time itself or not:
//! the *closure* `cl(S)`. A badge `j` of the closure has the deadline
//! `e_j = min(D_j if j ∈ S, min over its dependants k in cl(S) of e_k − p_k)` (its own end
//! of due day `D_j`, and the latest finish that leaves each dependant its minutes `p_k`),
//! and the release `R_j = max(start of its release day, R_a + p_a over what it waits for)`.
//! By the classic result for one machine with preemption, release dates and precedence
//! (Lawler; Blazewicz 1976), `cl(S)` can be scheduled with the precedence iff the jobs with
//! these modified dates can be scheduled ignoring it, and earliest-deadline-first on the
//! modified deadlines keeps the precedence. So the exact test is the same earliest-
//! deadline-first (or Hall's condition) as without prerequisites, on *periods*: the days
//! cut at every modified release and every deadline a badge can have.
//!
//! # Selection
//!
//! Everything that fits alone, with its closure, is tried first (the common case: one
//! EDF pass). Otherwise Hall's condition with the tightest windows (everything included)
//! finds the overloaded intervals; a group of linked badges with a member inside one is
//! decided together, in a branch and bound over the zone that holds them, where a badge
//! is on time (counted), or needed early by a dependant on time (not counted: its own due
//! may be missed), or left out. Links run across zones only inside a group, so groups are
//! independent as the zones are without prerequisites. Past the work budget, or in a group
//! over [`super::MAX_ZONE`], a greedy choice completed by adding whatever still fits is
//! used and the selection is not exact.

use super::edf::{self, Job};
use super::hall::{self, Hall, close_add};
use super::model::{Kind, Model};

/// Deadlines one badge can have are counted up to this many; past it, a deadline that
/// falls between periods is rounded down (earlier: safe, maybe not optimal).
const MAX_DEADLINES: usize = 48;

/// The chosen badges.
#[derive(Debug, Clone)]
pub(super) struct Choice {
    /// On time (counted), per model item.
    pub counted: Vec<bool>,
    /// Placed as protected: the counted ones and everything they wait for.
    pub kept: Vec<bool>,
    /// Per kept item: its deadline in capacity time (see the module doc).
    pub deadline: Vec<Option<u64>>,
    pub exact: bool,
}

/// The relaxation with prerequisites, for one selection.
struct Chains<'a> {
    model: &'a Model,
    /// Period boundaries in capacity time, sorted and distinct; period `k` is
    /// `bounds[k]..bounds[k+1]`.
    bounds: Vec<u64>,
    /// Capacity per period.
    cap: Vec<u64>,
    /// Per item: whether it takes part (a job): countable, or waited for with minutes to
    /// place.
    job: Vec<bool>,
    /// Per item: may be counted (a candidate with a window).
    countable: Vec<bool>,
    /// Per item: minutes when counted (its need by its due) and when only needed early by
    /// a dependant (everything it still needs).
    p_counted: Vec<u64>,
    p_needed: Vec<u64>,
    /// Per item: modified release, in capacity time.
    release: Vec<u64>,
    /// Per item: the end of its due day in capacity time, when countable.
    own: Vec<Option<u64>>,
    /// Items, every one after all it waits for.
    topo: Vec<usize>,
    /// Per job: every deadline it can have, in capacity time, sorted.
    options: Vec<Vec<u64>>,
    /// Per item: its position in `topo`.
    topo_pos: Vec<usize>,
    /// Some deadline was rounded down to a boundary.
    rounded: std::cell::Cell<bool>,
}

impl<'a> Chains<'a> {
    fn new(model: &'a Model, inflate: &[u64]) -> Chains<'a> {
        let n = model.items.len();
        let pre = hall::prefix(&model.capacity);
        let end = pre.last().copied().unwrap_or(0);
        let days = model.days;
        let at_day = |d: i64| -> u64 {
            let d = usize::try_from(d.max(0)).unwrap_or(usize::MAX).min(days);
            pre[d]
        };
        let countable: Vec<bool> = (0..n)
            .map(|i| model.items[i].kind == Kind::Candidate && model.window(i).is_some())
            .collect();
        let topo = topological(model);
        // Waited for by someone with work, and minutes of its own to place.
        let waited: Vec<bool> = (0..n).map(|i| !model.succs[i].is_empty()).collect();
        let job: Vec<bool> = (0..n)
            .map(|i| {
                let it = &model.items[i];
                countable[i]
                    || (waited[i]
                        && matches!(it.kind, Kind::Candidate | Kind::Late(_))
                        && it.need_total > 0)
            })
            .collect();
        let p_counted: Vec<u64> = (0..n)
            .map(|i| model.items[i].need_due.saturating_add(inflate[i]))
            .collect();
        let p_needed: Vec<u64> = (0..n)
            .map(|i| model.items[i].need_total.saturating_add(inflate[i]))
            .collect();
        let mut release = vec![0u64; n];
        for &i in &topo {
            let mut r = at_day(model.items[i].release);
            for &a in &model.preds[i] {
                if job[a] {
                    r = r.max(release[a].saturating_add(p_needed[a].min(p_counted[a])));
                }
                if let Some(e) = model.pin_end[a] {
                    // Not before the day its last pinned session ends.
                    r = r.max(at_day(e.div_euclid(super::model::DAY)));
                }
            }
            release[i] = r.min(end);
        }
        let own: Vec<Option<u64>> = (0..n)
            .map(|i| {
                countable[i].then(|| {
                    let d = model.window(i).map_or(0, |w| w.1);
                    pre[d + 1]
                })
            })
            .collect();
        // Every deadline each job can have: its own, and for each dependant and each of
        // its deadlines, that less the dependant's minutes.
        let mut options: Vec<Vec<u64>> = vec![Vec::new(); n];
        let mut rounded = false;
        for &i in topo.iter().rev() {
            if !job[i] {
                continue;
            }
            let mut v: Vec<u64> = own[i].into_iter().collect();
            for &k in &model.succs[i] {
                if !job[k] {
                    continue;
                }
                for &e in &options[k] {
                    v.push(e.saturating_sub(p_counted[k]));
                    v.push(e.saturating_sub(p_needed[k]));
                }
            }
            v.sort_unstable();
            v.dedup();
            if v.len() > MAX_DEADLINES {
                // Keep the earliest and latest ones; others round down to them.
                let tail = v.split_off(v.len() - MAX_DEADLINES / 2);
                v.truncate(MAX_DEADLINES / 2);
                v.extend(tail);
                rounded = true;
            }
            options[i] = v;
        }
        let mut bounds: Vec<u64> = vec![0, end];
        for i in 0..n {
            if job[i] {
                bounds.push(release[i]);
                bounds.extend(options[i].iter().map(|&e| e.min(end)));
            }
        }
        bounds.sort_unstable();
        bounds.dedup();
        let cap = bounds.windows(2).map(|w| w[1] - w[0]).collect();
        Chains {
            model,
            bounds,
            cap,
            job,
            countable,
            p_counted,
            p_needed,
            release,
            own,
            topo_pos: {
                let mut v = vec![0; n];
                for (k, &i) in topo.iter().enumerate() {
                    v[i] = k;
                }
                v
            },
            topo,
            options,
            rounded: std::cell::Cell::new(rounded),
        }
    }

    /// The greatest boundary at or below `x`.
    fn floor(&self, x: u64) -> u64 {
        let k = self.bounds.partition_point(|&b| b <= x);
        let b = self.bounds[k.saturating_sub(1)];
        if b != x {
            self.rounded.set(true);
        }
        b
    }

    /// The period item `i` is released in.
    fn rel(&self, i: usize) -> usize {
        self.bounds.partition_point(|&b| b < self.release[i])
    }

    /// The window in periods of item `i` with deadline `e`: `None` when empty.
    fn window(&self, i: usize, e: u64) -> Option<(usize, usize)> {
        let r = self.rel(i);
        let end = *self.bounds.last()?;
        let d = self.bounds.partition_point(|&b| b < e.min(end));
        (d > r).then(|| (r, d - 1))
    }

    /// Whether item `i`, with everything it waits for, fits by itself.
    fn fits_alone(&self, i: usize) -> bool {
        // Its ancestors.
        let mut members = vec![i];
        let mut k = 0;
        while k < members.len() {
            for &a in &self.model.preds[members[k]] {
                if self.job[a] && !members.contains(&a) {
                    members.push(a);
                }
            }
            k += 1;
        }
        if members.len() == 1 {
            return self.own[i]
                .and_then(|e| self.window(i, e))
                .is_some_and(|(r, d)| self.bounds[d + 1] - self.bounds[r] >= self.p_counted[i]);
        }
        // Deadlines from `i` down to its ancestors (dependants first).
        members.sort_by_key(|&m| std::cmp::Reverse(self.topo_pos[m]));
        let mut deadline: Vec<Option<u64>> = vec![None; members.len()];
        let mut jobs = Vec::with_capacity(members.len());
        for (k, &j) in members.iter().enumerate() {
            let mut req: Option<u64> = None;
            for &s in &self.model.succs[j] {
                if let Some(e) = members
                    .iter()
                    .position(|&m| m == s)
                    .and_then(|q| deadline[q])
                {
                    let p = if s == i {
                        self.p_counted[s]
                    } else {
                        self.p_needed[s]
                    };
                    let x = self.floor(e.saturating_sub(p));
                    req = Some(req.map_or(x, |r| r.min(x)));
                }
            }
            let own = if j == i { self.own[j] } else { None };
            deadline[k] = match (own, req) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            let Some((r, d)) = deadline[k].and_then(|e| self.window(j, e)) else {
                return false;
            };
            let it = &self.model.items[j];
            jobs.push(Job {
                r,
                d,
                p: if j == i {
                    self.p_counted[j]
                } else {
                    self.p_needed[j]
                },
                class: it.class,
                rank: it.rank,
            });
        }
        feasible_in_range(jobs, &self.cap)
    }

    /// The closure of `counted` and the deadline of each of its members.
    fn effective(&self, counted: &[bool]) -> (Vec<bool>, Vec<Option<u64>>) {
        let n = counted.len();
        let mut kept = vec![false; n];
        let mut deadline: Vec<Option<u64>> = vec![None; n];
        for &i in self.topo.iter().rev() {
            if !self.job[i] {
                continue;
            }
            let mut req: Option<u64> = None;
            for &k in &self.model.succs[i] {
                if let Some(e) = deadline[k] {
                    let p = if counted[k] {
                        self.p_counted[k]
                    } else {
                        self.p_needed[k]
                    };
                    let x = self.floor(e.saturating_sub(p));
                    req = Some(req.map_or(x, |r| r.min(x)));
                }
            }
            let own = if counted[i] { self.own[i] } else { None };
            deadline[i] = match (own, req) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            kept[i] = deadline[i].is_some();
        }
        (kept, deadline)
    }

    /// The relaxation's jobs of a closure, with its deadlines; `None` when one of them has
    /// an empty window.
    fn jobs(&self, counted: &[bool], kept: &[bool], deadline: &[Option<u64>]) -> Option<Vec<Job>> {
        let mut v = Vec::new();
        for i in 0..kept.len() {
            if !kept[i] {
                continue;
            }
            let (r, d) = self.window(i, deadline[i]?)?;
            let it = &self.model.items[i];
            v.push(Job {
                r,
                d,
                p: if counted[i] {
                    self.p_counted[i]
                } else {
                    self.p_needed[i]
                },
                class: it.class,
                rank: it.rank,
            });
        }
        Some(v)
    }

    fn fits(&self, counted: &[bool]) -> bool {
        let (kept, deadline) = self.effective(counted);
        match self.jobs(counted, &kept, &deadline) {
            Some(jobs) => feasible_in_range(jobs, &self.cap),
            None => false,
        }
    }
}

/// Earliest-deadline-first feasibility of `jobs` on the periods between the first release
/// and the last due among them only (the others do not matter to it).
fn feasible_in_range(mut jobs: Vec<Job>, cap: &[u64]) -> bool {
    let (Some(lo), Some(hi)) = (
        jobs.iter().map(|j| j.r).min(),
        jobs.iter().map(|j| j.d).max(),
    ) else {
        return true;
    };
    for j in &mut jobs {
        j.r -= lo;
        j.d -= lo;
    }
    jobs.sort_by_key(|j| (j.r, j.rank));
    edf::feasible(&jobs, &cap[lo..=hi])
}

/// Items in an order where each comes after everything it waits for (ties by index).
fn topological(model: &Model) -> Vec<usize> {
    let n = model.items.len();
    let mut indegree: Vec<usize> = model.preds.iter().map(Vec::len).collect();
    let mut ready: std::collections::BTreeSet<usize> =
        (0..n).filter(|&i| indegree[i] == 0).collect();
    let mut out = Vec::with_capacity(n);
    while let Some(i) = ready.pop_first() {
        out.push(i);
        for &k in &model.succs[i] {
            indegree[k] -= 1;
            if indegree[k] == 0 {
                ready.insert(k);
            }
        }
    }
    out
}

/// Chooses the on-time set (see the module doc). `inflate` adds to the demands (repair).
pub(super) fn select(model: &Model, inflate: &[u64], budget: &mut u64) -> Choice {
    let c = Chains::new(model, inflate);
    let n = model.items.len();
    // Everything that fits alone (with what it waits for).
    let viable: Vec<bool> = (0..n)
        .map(|i| c.countable[i] && c.p_counted[i] > 0 && c.fits_alone(i))
        .collect();
    if c.fits(&viable) {
        return done(&c, viable, true);
    }

    // The tightest windows: everything viable included.
    let (kept0, dl0) = c.effective(&viable);
    let idx: Vec<usize> = (0..n).filter(|&i| kept0[i]).collect();
    let Some(jobs0) = c.jobs(&viable, &kept0, &dl0) else {
        return heuristic(&c, &viable);
    };
    let pre = hall::prefix(&c.cap);
    let mut rs: Vec<usize> = jobs0.iter().map(|j| j.r).collect();
    rs.sort_unstable();
    rs.dedup();
    let mut ds0: Vec<usize> = jobs0.iter().map(|j| j.d).collect();
    ds0.sort_unstable();
    ds0.dedup();
    let (mut whole, zones) = Hall::raw(rs.clone(), ds0, &pre, jobs0.iter());
    whole.close();
    let mut involved = vec![false; n];
    for (k, &i) in idx.iter().enumerate() {
        involved[i] = whole.at(jobs0[k].r, jobs0[k].d) < 0;
    }
    drop(whole);
    // Linked badges share the verdict, and the zone.
    let comp = components(model, &kept0);
    let mut any = vec![false; n];
    for &i in &idx {
        any[comp[i]] |= involved[i];
    }
    for &i in &idx {
        involved[i] = any[comp[i]];
    }
    let zone_of = |r: usize| zones.partition_point(|&(a, _)| a <= r).saturating_sub(1);
    let mut zone_root: Vec<usize> = (0..zones.len().max(1)).collect();
    fn root(v: &mut [usize], mut x: usize) -> usize {
        while v[x] != x {
            v[x] = v[v[x]];
            x = v[x];
        }
        x
    }
    let mut comp_zone: Vec<Option<usize>> = vec![None; n];
    for (k, &i) in idx.iter().enumerate() {
        if !involved[i] {
            continue;
        }
        let z = zone_of(jobs0[k].r);
        match comp_zone[comp[i]] {
            None => comp_zone[comp[i]] = Some(z),
            Some(y) => {
                let (a, b) = (root(&mut zone_root, y), root(&mut zone_root, z));
                zone_root[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (k, &i) in idx.iter().enumerate() {
        if involved[i] {
            let z = root(&mut zone_root, zone_of(jobs0[k].r));
            groups.entry(z).or_default().push(i);
        }
    }
    // Always kept: everything in no group, on time with its closure.
    let mut counted: Vec<bool> = (0..n).map(|i| viable[i] && !involved[i]).collect();
    let seed = heuristic(&c, &viable).counted;
    // The slack the always-kept leave, over every due a job of a group small enough for
    // the branch and bound can have: only when there is such a group.
    let mut options: Vec<Vec<(u64, usize)>> = vec![Vec::new(); n];
    let base = groups
        .values()
        .any(|m| m.len() <= super::MAX_ZONE)
        .then(|| {
            let mut ds: Vec<usize> = Vec::new();
            for &i in &idx {
                let v: Vec<(u64, usize)> = c.options[i]
                    .iter()
                    .filter_map(|&e| Some((e, c.window(i, e)?.1)))
                    .collect();
                ds.extend(v.iter().map(|x| x.1));
                options[i] = v;
            }
            ds.sort_unstable();
            ds.dedup();
            let forced_jobs = {
                let (k, d) = c.effective(&counted);
                c.jobs(&counted, &k, &d).unwrap_or_default()
            };
            let (mut base, _) = Hall::raw(rs, ds, &pre, forced_jobs.iter());
            base.close();
            base
        });

    let mut exact = true;
    let mut searched = false;
    for members in groups.values() {
        let Some(base) = base.as_ref().filter(|_| members.len() <= super::MAX_ZONE) else {
            for &i in members {
                counted[i] = seed[i];
            }
            exact = false;
            continue;
        };
        searched = true;
        let forced: Vec<bool> = (0..n).map(|i| viable[i] && !involved[i]).collect();
        let (pick, proven) = solve(&c, &viable, &forced, members, &options, base, &seed, budget);
        exact &= proven;
        for (k, &i) in members.iter().enumerate() {
            counted[i] = pick[k];
        }
    }
    if !c.fits(&counted) {
        debug_assert!(false, "group choices do not fit together");
        return heuristic(&c, &viable);
    }
    // The heuristic's choice is filled already; a search cut short may leave room.
    if !exact && searched {
        fill(&c, &viable, &mut counted);
    }
    done(&c, counted, exact)
}

/// The closure of `counted` and its deadlines, as [`select`] would give them.
pub(super) fn closure(model: &Model, inflate: &[u64], counted: &[bool]) -> Choice {
    let c = Chains::new(model, inflate);
    done(&c, counted.to_vec(), false)
}

fn done(c: &Chains<'_>, counted: Vec<bool>, exact: bool) -> Choice {
    let (kept, deadline) = c.effective(&counted);
    Choice {
        counted,
        kept,
        deadline,
        exact: exact && !c.rounded.get(),
    }
}

/// Items linked by prerequisites (among `kept`) share a component id.
fn components(model: &Model, kept: &[bool]) -> Vec<usize> {
    let n = model.items.len();
    let mut comp: Vec<usize> = (0..n).collect();
    fn root(v: &mut [usize], mut x: usize) -> usize {
        while v[x] != x {
            v[x] = v[v[x]];
            x = v[x];
        }
        x
    }
    for i in 0..n {
        if !kept[i] {
            continue;
        }
        for &a in &model.preds[i] {
            if kept[a] {
                let (x, y) = (root(&mut comp, i), root(&mut comp, a));
                comp[x.max(y)] = x.min(y);
            }
        }
    }
    (0..n).map(|i| root(&mut comp, i)).collect()
}

/// A greedy choice: earliest-deadline-first with rejection over the tightest windows,
/// then only badges whose closure was kept whole, then every left-out badge that still
/// fits, best first.
fn heuristic(c: &Chains<'_>, viable: &[bool]) -> Choice {
    let n = viable.len();
    let (kept0, dl0) = c.effective(viable);
    let idx: Vec<usize> = (0..n).filter(|&i| kept0[i]).collect();
    let mut counted = vec![false; n];
    if let Some(mut jobs) = c.jobs(viable, &kept0, &dl0) {
        // A badge others wait for is given up as reluctantly as the most important of
        // them: giving it up gives them up too.
        let mut class: Vec<u8> = (0..n)
            .map(|i| if viable[i] { c.model.items[i].class } else { 0 })
            .collect();
        for &i in c.topo.iter().rev() {
            for &k in &c.model.succs[i] {
                if kept0[k] {
                    class[i] = class[i].max(class[k]);
                }
            }
        }
        for (k, &i) in idx.iter().enumerate() {
            jobs[k].class = class[i];
        }
        let forced = vec![false; jobs.len()];
        let acc = edf::greedy_reject(&jobs, &c.cap, &forced);
        let mut accepted = vec![false; n];
        for (k, &i) in idx.iter().enumerate() {
            accepted[i] = acc[k];
        }
        // A badge stays only if everything it waits for stayed.
        for &i in &c.topo {
            let preds_ok = c.model.preds[i].iter().all(|&a| !c.job[a] || accepted[a]);
            accepted[i] &= preds_ok;
            counted[i] = viable[i] && accepted[i];
        }
        if !c.fits(&counted) {
            counted = vec![false; n];
        }
    }
    fill(c, viable, &mut counted);
    done(c, counted, false)
}

/// Adds every left-out viable badge that still fits with the chosen ones, High first,
/// then by due, demand and planning order. Each badge is taken at its tightest window
/// (every viable badge included), so a closed slack matrix of the chosen ones at theirs
/// says in one lookup whether it fits, and the set stays feasible at its own (looser)
/// windows. Only a badge whose prerequisites are all placed already is tried.
fn fill(c: &Chains<'_>, viable: &[bool], counted: &mut [bool]) {
    let n = viable.len();
    let (kept0, dl0) = c.effective(viable);
    let tight: Vec<Option<Job>> = (0..n)
        .map(|i| {
            let (r, d) = c.window(i, dl0[i]?)?;
            let it = &c.model.items[i];
            Some(Job {
                r,
                d,
                p: if viable[i] {
                    c.p_counted[i]
                } else {
                    c.p_needed[i]
                },
                class: it.class,
                rank: it.rank,
            })
        })
        .collect();
    let mut rs: Vec<usize> = tight.iter().flatten().map(|j| j.r).collect();
    let mut ds: Vec<usize> = tight.iter().flatten().map(|j| j.d).collect();
    rs.sort_unstable();
    rs.dedup();
    ds.sort_unstable();
    ds.dedup();
    let (mut kept, _) = c.effective(counted);
    let pre = hall::prefix(&c.cap);
    let (mut h, _) = Hall::raw(
        rs,
        ds,
        &pre,
        (0..n)
            .filter(|&i| kept[i])
            .filter_map(|i| tight[i].as_ref()),
    );
    h.close();
    let mut rest: Vec<usize> = (0..n)
        .filter(|&i| viable[i] && kept0[i] && !counted[i])
        .collect();
    let items = &c.model.items;
    rest.sort_by_key(|&i| {
        (
            std::cmp::Reverse(items[i].class),
            items[i].due,
            c.p_counted[i],
            items[i].rank,
        )
    });
    for i in rest {
        let Some(j) = tight[i] else { continue };
        let preds_in = c.model.preds[i].iter().all(|&a| !c.job[a] || kept[a]);
        if kept[i] {
            // Already placed as needed early by another: counting it asks its own due,
            // which its tightest window already keeps.
            counted[i] = true;
        } else if preds_in && h.at(j.r, j.d) >= i64::try_from(j.p).unwrap_or(i64::MAX) {
            h.add(j.r, j.d, j.p);
            counted[i] = true;
            kept[i] = true;
        }
    }
}

/// One badge in the branch and bound of a group.
#[derive(Debug, Clone)]
struct GItem {
    /// Model item.
    item: usize,
    /// Row of its release.
    a: usize,
    /// Countable, with the column of its own due.
    own: Option<(u64, usize)>,
    class: usize,
    /// Positions (in the search order) of what it waits for inside the group.
    preds: Vec<usize>,
}

struct Search<'a> {
    c: &'a Chains<'a>,
    items: Vec<GItem>,
    /// Per item: (deadline, column) options, to look a deadline up.
    cols: Vec<Vec<(u64, usize)>>,
    nd: usize,
    size: usize,
    arena: Vec<i64>,
    /// Per level, per item: the deadline its included dependants require.
    req: Vec<Option<u64>>,
    by_class: [Vec<usize>; 3],
    cur: [u32; 3],
    counted: Vec<bool>,
    best: [u32; 3],
    best_set: Vec<bool>,
    budget: u64,
    aborted: bool,
}

fn score(c: [u32; 3]) -> (u32, u32, u32) {
    (c[2], c[1], c[0])
}

impl Search<'_> {
    /// The column of deadline `e` for item `t`: the latest option at or below it.
    fn col(&self, t: usize, e: u64) -> Option<usize> {
        let v = &self.cols[t];
        let k = v.partition_point(|x| x.0 <= e);
        (k > 0).then(|| v[k - 1].1)
    }

    fn bound(&self, t: usize, lvl: usize) -> [u32; 3] {
        let m = &self.arena[lvl * self.size..(lvl + 1) * self.size];
        let total = m[self.nd - 1];
        let mut ub = self.cur;
        for (class, list) in self.by_class.iter().enumerate() {
            let mut sum = 0i64;
            for &i in list {
                let it = &self.items[i];
                let Some((_, b)) = it.own else { continue };
                let p = i64::try_from(self.c.p_counted[it.item]).unwrap_or(i64::MAX / 4);
                if i < t || m[it.a * self.nd + b] < p {
                    continue;
                }
                if sum + p > total {
                    break;
                }
                sum += p;
                ub[class] += 1;
            }
        }
        ub
    }

    /// Includes item `t` with deadline `e` (counted or not) if it fits, then searches on.
    fn include(&mut self, t: usize, lvl: usize, e: u64, counted: bool) {
        let it = self.items[t].clone();
        let Some(b) = self.col(t, e) else { return };
        let p_u = if counted {
            self.c.p_counted[it.item]
        } else {
            self.c.p_needed[it.item]
        };
        let p = i64::try_from(p_u).unwrap_or(i64::MAX / 4);
        let size = self.size;
        if self.arena[lvl * size + it.a * self.nd + b] < p {
            return;
        }
        let n = self.items.len();
        let cost = u64::try_from(size + n).unwrap_or(u64::MAX);
        if self.budget < cost {
            self.aborted = true;
            return;
        }
        self.budget -= cost;
        let (lo, hi) = self.arena.split_at_mut((lvl + 1) * size);
        let next = &mut hi[..size];
        next.copy_from_slice(&lo[lvl * size..]);
        close_add(next, size / self.nd, self.nd, it.a, b, p);
        let (rlo, rhi) = self.req.split_at_mut((lvl + 1) * n);
        let rnext = &mut rhi[..n];
        rnext.copy_from_slice(&rlo[lvl * n..]);
        if !it.preds.is_empty() {
            let x = self.c.floor(e.saturating_sub(p_u));
            for &k in &it.preds {
                rnext[k] = Some(rnext[k].map_or(x, |r| r.min(x)));
            }
        }
        self.counted[t] = counted;
        if counted {
            self.cur[it.class] += 1;
        }
        self.dfs(t + 1, lvl + 1);
        self.counted[t] = false;
        if counted {
            self.cur[it.class] -= 1;
        }
    }

    fn dfs(&mut self, t: usize, lvl: usize) {
        if self.budget == 0 || self.aborted {
            self.aborted = true;
            return;
        }
        self.budget -= 1;
        if t == self.items.len() {
            if score(self.cur) > score(self.best) {
                self.best = self.cur;
                self.best_set.clone_from(&self.counted);
            }
            return;
        }
        if score(self.bound(t, lvl)) <= score(self.best) {
            return;
        }
        let n = self.items.len();
        let req = self.req[lvl * n + t];
        if let Some((own, _)) = self.items[t].own {
            let e = req.map_or(own, |r| r.min(own));
            self.include(t, lvl, e, true);
        }
        match req {
            Some(r) => self.include(t, lvl, r, false),
            None => self.dfs(t + 1, lvl),
        }
    }
}

/// The exact choice inside a group: the counted ones among `members`, and whether it is
/// proven (the budget held).
#[allow(clippy::too_many_arguments)]
fn solve(
    c: &Chains<'_>,
    viable: &[bool],
    forced: &[bool],
    members: &[usize],
    options: &[Vec<(u64, usize)>],
    base: &Hall,
    seed: &[bool],
    budget: &mut u64,
) -> (Vec<bool>, bool) {
    let items = &c.model.items;
    // Search order: High first, then by due, demand and rank; then each badge before
    // what it waits for (its deadline is known once its dependants are decided).
    let mut order: Vec<usize> = members.to_vec();
    order.sort_by_key(|&i| {
        (
            std::cmp::Reverse(if viable[i] { items[i].class } else { 0 }),
            items[i].due,
            c.p_counted[i],
            items[i].rank,
        )
    });
    let pos: std::collections::BTreeMap<usize, usize> =
        order.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    let mut placed = vec![false; order.len()];
    let mut search_order = Vec::with_capacity(order.len());
    while search_order.len() < order.len() {
        // The first in `order` whose dependants in the group are all placed.
        let Some(k) = (0..order.len()).find(|&k| {
            !placed[k]
                && c.model.succs[order[k]]
                    .iter()
                    .all(|s| pos.get(s).is_none_or(|&q| placed[q]))
        }) else {
            break;
        };
        placed[k] = true;
        search_order.push(order[k]);
    }
    let at: std::collections::BTreeMap<usize, usize> = search_order
        .iter()
        .enumerate()
        .map(|(k, &i)| (i, k))
        .collect();
    let mut rs: Vec<usize> = Vec::new();
    let mut ds: Vec<usize> = Vec::new();
    for &i in &search_order {
        rs.push(c.rel(i));
        ds.extend(options[i].iter().map(|x| x.1));
    }
    rs.sort_unstable();
    rs.dedup();
    ds.sort_unstable();
    ds.dedup();
    let (nr, nd) = (rs.len(), ds.len());
    let size = nr * nd;
    let n = search_order.len();
    let gitems: Vec<GItem> = search_order
        .iter()
        .map(|&i| {
            let a = rs.binary_search(&c.rel(i)).unwrap_or(0);
            let own = c.own[i].filter(|_| viable[i]).and_then(|e| {
                let (_, d) = c.window(i, e)?;
                Some((e, ds.binary_search(&d).ok()?))
            });
            GItem {
                item: i,
                a,
                own,
                class: usize::from(items[i].class.min(2)),
                preds: c.model.preds[i]
                    .iter()
                    .filter_map(|p| at.get(p).copied())
                    .collect(),
            }
        })
        .collect();
    let cols: Vec<Vec<(u64, usize)>> = search_order
        .iter()
        .map(|&i| {
            options[i]
                .iter()
                .filter_map(|&(e, d)| Some((e, ds.binary_search(&d).ok()?)))
                .collect()
        })
        .collect();
    let mut arena = vec![0i64; (n + 1) * size.max(1)];
    for (a, &r) in rs.iter().enumerate() {
        for (b, &d) in ds.iter().enumerate() {
            arena[a * nd + b] = base.at(r, d);
        }
    }
    let mut by_class: [Vec<usize>; 3] = Default::default();
    for (k, it) in gitems.iter().enumerate() {
        if it.own.is_some() {
            by_class[it.class].push(k);
        }
    }
    for list in &mut by_class {
        list.sort_by_key(|&k| (c.p_counted[gitems[k].item], k));
    }
    // The seed is the first incumbent when it fits as a whole with the forced badges.
    let mut best = [0u32; 3];
    let mut best_set = vec![false; n];
    {
        // The group's members as the seed has them, with what is always kept.
        let mut counted = forced.to_vec();
        for &i in members {
            counted[i] = viable[i] && seed[i];
        }
        let (kept, dl) = c.effective(&counted);
        let ok = c.jobs(&counted, &kept, &dl).is_some_and(|mut j| {
            j.sort_by_key(|x| (x.r, x.rank));
            edf::feasible(&j, &c.cap)
        });
        if ok {
            for (k, it) in gitems.iter().enumerate() {
                if counted[it.item] {
                    best[it.class] += 1;
                    best_set[k] = true;
                }
            }
        }
    }
    if nd == 0 || size == 0 {
        let mut chosen = vec![false; members.len()];
        for (k, &i) in members.iter().enumerate() {
            chosen[k] = best_set[at[&i]];
        }
        return (chosen, true);
    }
    let mut s = Search {
        c,
        items: gitems,
        cols,
        nd,
        size,
        arena,
        req: vec![None; (n + 1) * n],
        by_class,
        cur: [0; 3],
        counted: vec![false; n],
        best,
        best_set,
        budget: *budget,
        aborted: false,
    };
    s.dfs(0, 0);
    *budget = s.budget;
    let chosen = members.iter().map(|i| s.best_set[at[i]]).collect();
    (chosen, !s.aborted)
}
