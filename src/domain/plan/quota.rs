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
/// its due day. `inflate` is added to the on-time items' demand (repair).
pub(super) fn quotas(model: &Model, on_time: &[bool], inflate: &[u64]) -> Vec<u64> {
    let n = model.items.len();
    let mut out = vec![0u64; n];
    let mut late: Vec<(usize, usize, usize)> = (0..n)
        .filter(|&i| !on_time[i] && model.items[i].kind == Kind::Candidate)
        .filter(|&i| model.items[i].need_due > 0)
        .filter_map(|i| model.window(i).map(|(r, d)| (i, r, d)))
        .collect();
    if late.is_empty() {
        return out;
    }
    late.sort_by_key(|&(i, _, _)| model.items[i].rank);
    let kept: Vec<Job> = (0..n)
        .filter(|&i| on_time[i])
        .filter_map(|i| {
            let (r, d) = model.window(i)?;
            let it = &model.items[i];
            Some(Job {
                r,
                d,
                p: it.need_due.saturating_add(inflate[i]),
                class: it.class,
                rank: it.rank,
            })
        })
        .collect();
    let mut rs: Vec<usize> = kept.iter().map(|j| j.r).collect();
    let mut ds: Vec<usize> = kept.iter().map(|j| j.d).collect();
    rs.extend(late.iter().map(|&(_, r, _)| r));
    ds.extend(late.iter().map(|&(_, _, d)| d));
    rs.sort_unstable();
    rs.dedup();
    ds.sort_unstable();
    ds.dedup();
    let pre = hall::prefix(&model.capacity);
    let (raw, _) = Hall::raw(rs, ds, &pre, kept.iter());
    let slack = RowClosed::new(raw);
    let g = u64::from(model.settings.granularity);
    // Minutes of the quotas given so far inside intervals starting at each row.
    let mut given = vec![0i64; slack.rows_upto(usize::MAX)];
    for (i, r, d) in late {
        let Some(b) = slack.col(d) else { continue };
        let rows = slack.rows_upto(r);
        let most = (0..rows)
            .map(|a| slack.cell(a, b).saturating_sub(given[a]))
            .min()
            .unwrap_or(0);
        let need = model.items[i].need_due;
        let q = u64::try_from(most.max(0)).unwrap_or(0).min(need) / g * g;
        if q > 0 {
            let qi = i64::try_from(q).unwrap_or(i64::MAX);
            for x in &mut given[..rows] {
                *x = x.saturating_add(qi);
            }
        }
        out[i] = q;
    }
    out
}
