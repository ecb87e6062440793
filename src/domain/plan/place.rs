//! Placement in real time: walks the free slots in time order and gives each next piece
//! to the first badge, in planning order (due, priority, key), that can legally take one
//! there. Every hard rule about sessions is enforced here.

use super::guard::{Guard, UNBOUNDED};
use super::model::{DAY, Slot};
use std::cell::{Cell, RefCell};
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap};

/// Session shape, normalized: everything a multiple of `g`, `g <= min <= max`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Shape {
    pub g: u32,
    pub min: u32,
    pub max: u32,
}

/// Badges (key ids) of pinned sessions ending or starting at a minute (from today's
/// midnight): a planned session of the same badge must not touch them.
#[derive(Debug, Default)]
pub(super) struct Edges {
    pub ends: BTreeMap<i64, Vec<u32>>,
    pub starts: BTreeMap<i64, Vec<u32>>,
}

impl Edges {
    fn ends_at(&self, at: i64, key: u32) -> bool {
        self.ends.get(&at).is_some_and(|v| v.contains(&key))
    }
    fn starts_at(&self, at: i64, key: u32) -> bool {
        self.starts.get(&at).is_some_and(|v| v.contains(&key))
    }
}

/// What to place for one badge.
#[derive(Debug, Clone)]
pub(super) struct PlaceItem {
    /// Model item index.
    pub item: usize,
    pub key: u32,
    /// First day it may be placed on.
    pub release: usize,
    /// Last day it may be placed on.
    pub last_day: usize,
    /// Minutes to place, a multiple of the grid.
    pub need: u64,
    /// Planning order; lower goes first.
    pub rank: usize,
    /// Last day of the protected part (its due day, clamped to the model).
    pub due_day: usize,
    /// Protected minutes by `due_day` (all of `need` for a badge on time): placed in
    /// planning order like everything else. The rest of `need` is placed only where the
    /// guard allows.
    pub quota: u64,
    /// Minutes the guard keeps free for it by `due_day`: the quota, plus the repair's
    /// inflation for a badge on time.
    pub reserve: u64,
}

impl PlaceItem {
    /// Whether part of it is placed only where the guard allows: what is beyond its
    /// quota.
    fn soft(&self) -> bool {
        self.need > self.quota
    }

    /// Whether it may still be placed once its due day has passed (a badge at risk):
    /// what its quota could not get by then goes on after it, where the guard allows,
    /// rather than being dropped.
    fn goes_on_after_due(&self) -> bool {
        self.last_day > self.due_day
    }
}

/// The prerequisite links placement must keep (DESIGN 3): an item is placed only from the
/// moment everything it waits for is finished.
pub(super) struct Links<'a> {
    /// Per model item, the items it waits for.
    pub preds: &'a [Vec<usize>],
    /// Per model item, the items that wait for it.
    pub succs: &'a [Vec<usize>],
    /// Per model item, when its last counted pinned session ends.
    pub pin_end: &'a [Option<i64>],
}

/// A placed session of a model item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Piece {
    pub item: usize,
    pub day: usize,
    pub start: u32,
    pub end: u32,
}

/// The length of a legal piece starting at `t` for a badge with `rem` minutes left, or
/// `None`: at most `max`, at least `min` unless it finishes, and not ending at `slot_end`
/// when `touch_end`. A piece cut short by `max` is shortened further rather than leave
/// less than `min` behind, when what it frees in the slot stays usable (at least `min`);
/// a piece cut short by the slot or the cap is not, as that would only move the sliver
/// into the slot, where nobody could use it either.
fn piece_len(
    rem: u64,
    space: u32,
    t: u32,
    slot_end: u32,
    touch_end: bool,
    s: Shape,
) -> Option<u32> {
    let mut len = u32::try_from(rem.min(u64::from(s.max.min(space)))).unwrap_or(0);
    if u64::from(len) < rem {
        if len < s.min {
            return None;
        }
        let left = rem - u64::from(len);
        if left < u64::from(s.min) {
            let shorter = rem - u64::from(s.min);
            if shorter >= u64::from(s.min) && u64::from(space) >= shorter + u64::from(s.min) {
                len = u32::try_from(shorter).unwrap_or(len);
            }
        }
    }
    if touch_end && t + len == slot_end {
        if len < s.g + s.min {
            return None;
        }
        len -= s.g;
    }
    (len > 0).then_some(len)
}

/// Places `items` into `slots` (sorted, disjoint), spending `cap` (per day, on the grid).
/// `pre` holds the prefix sums of the relaxation's day capacities for these slots and
/// caps; it is only used when some item has a protected reservation and some item a soft
/// part. Returns the pieces in time order and the minutes placed per item.
///
/// At each point the next piece goes to the first item in planning order that can take a
/// legal one. A soft part (beyond an item's quota) may only take what the [`Guard`] says
/// leaves every protected demand feasible in the relaxation. When an earlier item is
/// blocked only because its previous piece ends here, the item that takes the time takes
/// a short piece (min_session, when it then has at least min_session left), so the
/// blocked one resumes right after instead of losing the rest of the slot.
#[allow(clippy::too_many_arguments)]
pub(super) fn place(
    slots: &[Slot],
    cap: &mut [u32],
    items: &[PlaceItem],
    edges: &Edges,
    shape: Shape,
    pre: &[u64],
    links: &Links<'_>,
    finish: &mut [Option<i64>],
) -> (Vec<Piece>, Vec<u64>) {
    let n = items.len();
    // Prerequisites: where each model item is in `items`, which are waiting for one, and
    // those whose prerequisites are finished but later than now, by that time.
    let chained = items.iter().any(|it| !links.preds[it.item].is_empty());
    let mut pos: Vec<Option<usize>> = vec![None; if chained { finish.len() } else { 0 }];
    if chained {
        for (k, it) in items.iter().enumerate() {
            pos[it.item] = Some(k);
        }
    }
    let mut waiting = vec![false; n];
    let mut ready_heap: BinaryHeap<Reverse<(i64, usize)>> = BinaryHeap::new();
    for it in items.iter().filter(|it| it.need == 0) {
        finish[it.item] = Some(links.pin_end[it.item].unwrap_or(i64::MIN));
    }
    // When item `i` may start: once everything it waits for has finished.
    let ready_at = |i: usize, finish: &[Option<i64>]| -> Option<i64> {
        links.preds[items[i].item]
            .iter()
            .try_fold(i64::MIN, |t, &a| finish[a].map(|f| t.max(f)))
    };
    let mut rem: Vec<u64> = items.iter().map(|i| i.need).collect();
    let mut quota: Vec<u64> = items.iter().map(|i| i.quota.min(i.need)).collect();
    let mut reserve: Vec<u64> = items.iter().map(|i| i.reserve).collect();
    let mut placed = vec![0u64; n];
    // Items placed only where the guard allows, now: soft ones from the start; one that
    // goes on after its due day from then on.
    let mut guarded: Vec<bool> = items.iter().map(PlaceItem::soft).collect();
    let guard = if items.iter().any(|i| i.soft() || i.goes_on_after_due()) {
        let reserved: Vec<(usize, u64)> = items.iter().map(|i| (i.due_day, i.reserve)).collect();
        Guard::new(pre, &reserved)
    } else {
        None
    };
    let due_index: Vec<usize> = match &guard {
        Some(g) => items.iter().map(|i| g.index(i.due_day)).collect(),
        None => vec![0; n],
    };
    let end = guard.as_ref().map_or(0, Guard::len);
    let guard = RefCell::new(guard);
    // The guard's first breakpoint still ahead.
    let mut first = 0;
    // Free minutes of the later slots of the same day, per slot.
    let mut after = vec![0u32; slots.len()];
    for k in (0..slots.len().saturating_sub(1)).rev() {
        if slots[k + 1].day == slots[k].day {
            after[k] = after[k + 1] + (slots[k + 1].end - slots[k + 1].start);
        }
    }
    let mut pending: Vec<usize> = (0..n)
        .filter(|&i| rem[i] > 0 && items[i].release <= items[i].last_day)
        .collect();
    pending.sort_by_key(|&i| (items[i].release, items[i].rank));
    let mut next = 0;
    // Reservations to release once their due day has passed.
    let mut due_heap: BinaryHeap<Reverse<(usize, usize)>> = (0..n)
        .filter(|&i| reserve[i] > 0)
        .map(|i| Reverse((items[i].due_day, i)))
        .collect();
    // Eligible items by planning order: `hard` may place without asking the guard for
    // the whole piece (no soft part, or quota left); `soft` only with the guard's leave.
    // And all of them by minutes left (to find one that can finish in a short gap).
    let mut hard: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut soft: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut by_rem: BTreeSet<(u64, usize, usize)> = BTreeSet::new();
    let mut expiry: BinaryHeap<Reverse<(usize, usize)>> = BinaryHeap::new();
    let is_hard = |i: usize, quota: &[u64], guarded: &[bool]| !guarded[i] || quota[i] > 0;
    let mut pieces = Vec::new();
    let mut prev: Option<(i64, u32)> = None;
    let mut day = usize::MAX;
    for (si, slot) in slots.iter().enumerate() {
        if slot.day != day {
            day = slot.day;
            first = guard.borrow().as_ref().map_or(0, |g| g.index(day));
            let day_start = i64::try_from(day).unwrap_or(0) * DAY;
            while next < pending.len() && items[pending[next]].release <= day {
                let i = pending[next];
                next += 1;
                if chained && items[i].last_day >= day {
                    match ready_at(i, finish) {
                        Some(t0) if t0 > day_start => {
                            ready_heap.push(Reverse((t0, i)));
                            continue;
                        }
                        Some(_) => {}
                        None => {
                            waiting[i] = true;
                            continue;
                        }
                    }
                }
                if items[i].last_day >= day {
                    if is_hard(i, &quota, &guarded) {
                        hard.insert((items[i].rank, i));
                    } else {
                        soft.insert((items[i].rank, i));
                    }
                    by_rem.insert((rem[i], items[i].rank, i));
                    expiry.push(Reverse((items[i].last_day, i)));
                }
            }
            while let Some(&Reverse((last, i))) = due_heap.peek() {
                if last >= day {
                    break;
                }
                due_heap.pop();
                if let Some(g) = guard.borrow_mut().as_mut() {
                    g.done(items[i].due_day, reserve[i]);
                }
                reserve[i] = 0;
                if quota[i] > 0 {
                    quota[i] = 0;
                    if rem[i] > 0 && hard.remove(&(items[i].rank, i)) {
                        guarded[i] |= items[i].goes_on_after_due();
                        if guarded[i] {
                            soft.insert((items[i].rank, i));
                        }
                    }
                }
            }
            while let Some(&Reverse((last, i))) = expiry.peek() {
                if last >= day {
                    break;
                }
                expiry.pop();
                if rem[i] > 0 {
                    hard.remove(&(items[i].rank, i));
                    soft.remove(&(items[i].rank, i));
                    by_rem.remove(&(rem[i], items[i].rank, i));
                }
            }
        }
        let base = i64::try_from(day).unwrap_or(0) * DAY;
        let slot_end_abs = base + i64::from(slot.end);
        let soon = |h: &BinaryHeap<Reverse<(i64, usize)>>| {
            h.peek().is_some_and(|Reverse((t0, _))| *t0 < slot_end_abs)
        };
        if hard.is_empty() && soft.is_empty() && !soon(&ready_heap) {
            if next >= pending.len() && ready_heap.is_empty() {
                break;
            }
            continue;
        }
        let mut t = slot.start;
        while t < slot.end && cap[day] >= shape.g {
            // Items whose prerequisites have finished by now join the others.
            while let Some(&Reverse((t0, i))) = ready_heap.peek() {
                if t0 > base + i64::from(t) {
                    break;
                }
                ready_heap.pop();
                if rem[i] > 0 && items[i].last_day >= day {
                    if is_hard(i, &quota, &guarded) {
                        hard.insert((items[i].rank, i));
                    } else {
                        soft.insert((items[i].rank, i));
                    }
                    by_rem.insert((rem[i], items[i].rank, i));
                    expiry.push(Reverse((items[i].last_day, i)));
                }
            }
            if hard.is_empty() && soft.is_empty() {
                // Nothing to place until the next item is ready, if that is in this slot.
                match ready_heap.peek() {
                    Some(&Reverse((t0, _))) if t0 < slot_end_abs => {
                        let at = u32::try_from(t0 - base).unwrap_or(slot.end);
                        t = at.div_ceil(shape.g) * shape.g;
                        continue;
                    }
                    _ => break,
                }
            }
            let space = (slot.end - t).min(cap[day]);
            let at = base + i64::from(t);
            // Usable minutes left today, as the relaxation counts them.
            let today = u64::from(cap[day].min(slot.end - t + after[si]));
            let room = |lo: usize, hi: usize| -> i64 {
                guard
                    .borrow_mut()
                    .as_mut()
                    .map_or(UNBOUNDED, |g| g.room(day, today, lo, hi))
            };
            // The room for items with no quota left, when first asked.
            let cached = Cell::new(None);
            let room_all = || -> i64 {
                cached.get().unwrap_or_else(|| {
                    let r = room(first, end);
                    cached.set(Some(r));
                    r
                })
            };
            // The most item `i` may take here.
            let allowed = |i: usize| -> u32 {
                if !guarded[i] || end == 0 {
                    return space;
                }
                let most = if quota[i] > 0 {
                    let k = due_index[i];
                    let q = i64::try_from(quota[i]).unwrap_or(UNBOUNDED);
                    room(first, k).min(q.saturating_add(room(k, end)))
                } else {
                    room_all()
                };
                u32::try_from(most.clamp(0, i64::from(space))).unwrap_or(0)
            };
            let touches = |key: u32| prev == Some((at, key)) || edges.ends_at(at, key);
            let mut blocked: Option<usize> = None;
            let mut pick: Option<(usize, u32)> = None;
            let try_one = |i: usize, blocked: &mut Option<usize>| {
                let key = items[i].key;
                if touches(key) {
                    blocked.get_or_insert(i);
                    return None;
                }
                let touch_end = edges.starts_at(slot_end_abs, key);
                let most = allowed(i);
                if most >= space {
                    return piece_len(rem[i], space, t, slot.end, touch_end, shape);
                }
                // Cut by the guard: never leave a sliver the protected badges cannot use
                // (the relaxation counts it for them).
                let len = piece_len(rem[i], most, t, slot.end, touch_end, shape)?;
                let left = space - len;
                if left == 0 || left >= shape.min {
                    return Some(len);
                }
                let len = space.checked_sub(shape.min)?;
                (len >= shape.min).then_some(len)
            };
            if space < shape.min {
                // Only a badge that finishes here can use it: the first such in order.
                let mut best: Option<(usize, usize, u32)> = None;
                for &(_, rank, i) in by_rem.range(..=(u64::from(space), usize::MAX, usize::MAX)) {
                    if best.is_some_and(|(r, _, _)| r < rank) {
                        continue;
                    }
                    if let Some(len) = try_one(i, &mut blocked) {
                        best = Some((rank, i, len));
                    }
                }
                pick = best.map(|(_, i, len)| (i, len));
            } else {
                let mut a = hard.iter().peekable();
                let mut b = soft.iter().peekable();
                // Whether soft items may take anything here (asked when first reached).
                let mut soft_live: Option<bool> = None;
                loop {
                    let soft_next = match (a.peek(), b.peek()) {
                        (Some(x), Some(y)) => y < x,
                        (None, Some(_)) => true,
                        (_, None) => false,
                    };
                    let soft_next = soft_next
                        && *soft_live
                            .get_or_insert_with(|| end == 0 || room_all() >= i64::from(shape.g));
                    let i = if soft_next { b.next() } else { a.next() };
                    let Some(&(_, i)) = i else { break };
                    if let Some(len) = try_one(i, &mut blocked) {
                        pick = Some((i, len));
                        break;
                    }
                }
                // Fill the gap after a blocked earlier item with a short piece.
                if let (Some((i, len)), Some(bi)) = (pick, blocked) {
                    let short = if rem[i] >= 2 * u64::from(shape.min) {
                        shape.min
                    } else {
                        len
                    };
                    if short < len {
                        let key_b = items[bi].key;
                        let t2 = t + short;
                        let space2 = (slot.end - t2).min(cap[day] - short);
                        let resumes = !edges.ends_at(base + i64::from(t2), key_b)
                            && piece_len(
                                rem[bi],
                                space2,
                                t2,
                                slot.end,
                                edges.starts_at(slot_end_abs, key_b),
                                shape,
                            )
                            .is_some();
                        if resumes {
                            pick = Some((i, short));
                        }
                    }
                }
            }
            let Some((i, len)) = pick else {
                if blocked.is_some() {
                    // Leave a gap after the badge that just ended, then try again.
                    t += shape.g;
                    continue;
                }
                break;
            };
            pieces.push(Piece {
                item: items[i].item,
                day,
                start: t,
                end: t + len,
            });
            cap[day] -= len;
            by_rem.remove(&(rem[i], items[i].rank, i));
            rem[i] -= u64::from(len);
            placed[i] += u64::from(len);
            if day <= items[i].due_day {
                let len = u64::from(len);
                let kept = len.min(reserve[i]);
                reserve[i] -= kept;
                if let Some(g) = guard.borrow_mut().as_mut() {
                    g.done(items[i].due_day, kept);
                }
                quota[i] -= len.min(quota[i]);
            }
            if rem[i] == 0 {
                hard.remove(&(items[i].rank, i));
                soft.remove(&(items[i].rank, i));
                if chained {
                    let end = base + i64::from(t + len);
                    let item = items[i].item;
                    finish[item] = Some(links.pin_end[item].map_or(end, |p| p.max(end)));
                    for &s in &links.succs[item] {
                        if let Some(j) = pos[s].filter(|&j| waiting[j])
                            && let Some(t0) = ready_at(j, finish)
                        {
                            waiting[j] = false;
                            ready_heap.push(Reverse((t0, j)));
                        }
                    }
                }
            } else {
                by_rem.insert((rem[i], items[i].rank, i));
                if quota[i] == 0 && guarded[i] && hard.remove(&(items[i].rank, i)) {
                    soft.insert((items[i].rank, i));
                }
            }
            t += len;
            prev = Some((base + i64::from(t), items[i].key));
        }
    }
    (pieces, placed)
}

/// `slots` minus `pieces` (both in time order).
pub(super) fn subtract(slots: &[Slot], pieces: &[Piece]) -> Vec<Slot> {
    let mut out = Vec::with_capacity(slots.len());
    let mut j = 0;
    for s in slots {
        while j < pieces.len() && (pieces[j].day, pieces[j].end) <= (s.day, s.start) {
            j += 1;
        }
        let mut cur = s.start;
        let mut k = j;
        while k < pieces.len() && pieces[k].day == s.day && pieces[k].start < s.end {
            if pieces[k].start > cur {
                out.push(Slot {
                    day: s.day,
                    start: cur,
                    end: pieces[k].start,
                });
            }
            cur = cur.max(pieces[k].end);
            k += 1;
        }
        if cur < s.end {
            out.push(Slot {
                day: s.day,
                start: cur,
                end: s.end,
            });
        }
    }
    out
}
