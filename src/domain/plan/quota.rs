//! How much of its need each badge at risk may get by its due day without making any
//! on-time badge late: its *quota*, in the day-level relaxation.
//!
//! Badges at risk are served one after the other in planning order (due, then priority,
//! then key), each getting the most that still leaves the on-time set and the quotas
//! already given feasible: the lexicographic maximum of the minutes before due. By Hall's
//! condition that most is the least slack of any release→due interval containing the
//! badge's window. Because the badges come by due, every earlier quota covers all the
//! intervals the next badge looks at (those ending on or after its due, which is not
//! earlier), so an earlier quota only lowers the slack of the rows starting on or before
//! its release, uniformly. Hence one row-closed matrix of the on-time set's raw slack and
//! a per-row running total: `O(rows × dues)` to build, `O(rows)` per badge at risk.

use super::edf::Job;
use super::hall::{self, Hall, RowClosed};
use super::model::{Kind, Model};

/// The quota of every item (0 for items on time and items with no window): minutes by
/// its due day; and the most it could get there (before clamping to its need).
/// `inflate` is added to the on-time items' demand (repair).
pub(super) fn quotas(model: &Model, on_time: &[bool], inflate: &[u64]) -> Quotas {
    let n = model.items.len();
    let mut out = Quotas {
        quota: vec![0; n],
        most: vec![0; n],
    };
    let late: Vec<(usize, Job)> = (0..n)
        .filter(|&i| !on_time[i] && model.items[i].kind == Kind::Candidate)
        .filter_map(|i| Some((i, job(model, i, 0)?)))
        .collect();
    if late.is_empty() {
        return out;
    }
    let kept: Vec<Job> = (0..n)
        .filter(|&i| on_time[i])
        .filter_map(|i| job(model, i, inflate[i]))
        .collect();
    let g = u64::from(model.settings.granularity);
    let most = serve(&kept, &late, &model.capacity, |k, most| {
        most.min(late[k].1.p) / g * g
    });
    for (k, &(i, _)) in late.iter().enumerate() {
        out.quota[i] = most[k].min(late[k].1.p) / g * g;
        out.most[i] = most[k];
    }
    out
}

/// Per item: its quota, and the most it could get by its due before clamping.
pub(super) struct Quotas {
    pub quota: Vec<u64>,
    pub most: Vec<u64>,
}

/// The relaxation job of an item with a window and minutes to do by its due.
pub(super) fn job(model: &Model, i: usize, inflate: u64) -> Option<Job> {
    let (r, d) = model.window(i)?;
    let it = &model.items[i];
    (it.need_due > 0).then_some(Job {
        r,
        d,
        p: it.need_due.saturating_add(inflate),
        class: it.class,
        rank: it.rank,
    })
}

/// Serves the `late` jobs in planning order with `kept` whole, on day capacities `cap`:
/// returns, per late job, the most it can get by its due (0 or more) with `kept` and the
/// late jobs before it at what `gives(k, most)` says job `k` takes.
pub(super) fn serve(
    kept: &[Job],
    late: &[(usize, Job)],
    cap: &[u64],
    mut gives: impl FnMut(usize, u64) -> u64,
) -> Vec<u64> {
    let mut out = vec![0u64; late.len()];
    // Every window lies inside the whole horizon: no room there, no room anywhere.
    let demand: u64 = kept.iter().map(|j| j.p).fold(0, u64::saturating_add);
    if cap.iter().sum::<u64>() <= demand {
        return out;
    }
    let mut order: Vec<usize> = (0..late.len()).collect();
    order.sort_by_key(|&k| late[k].1.rank);
    let mut rs: Vec<usize> = kept.iter().map(|j| j.r).collect();
    let mut ds: Vec<usize> = kept.iter().map(|j| j.d).collect();
    rs.extend(late.iter().map(|l| l.1.r));
    ds.extend(late.iter().map(|l| l.1.d));
    rs.sort_unstable();
    rs.dedup();
    ds.sort_unstable();
    ds.dedup();
    let pre = hall::prefix(cap);
    let (raw, _) = Hall::raw(rs, ds, &pre, kept.iter());
    let slack = RowClosed::new(raw);
    // Minutes given to the late jobs so far inside intervals starting at each row.
    let mut given = vec![0i64; slack.rows_upto(usize::MAX)];
    for k in order {
        let j = late[k].1;
        let Some(b) = slack.col(j.d) else { continue };
        let rows = slack.rows_upto(j.r);
        let most = (0..rows)
            .map(|a| slack.cell(a, b).saturating_sub(given[a]))
            .min()
            .unwrap_or(0);
        out[k] = u64::try_from(most.max(0)).unwrap_or(0);
        let q = i64::try_from(gives(k, out[k])).unwrap_or(i64::MAX);
        if q > 0 {
            for x in &mut given[..rows] {
                *x = x.saturating_add(q);
            }
        }
    }
    out
}
