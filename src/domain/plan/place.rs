//! Placement in real time: walks the free slots in time order and gives each next piece
//! to the first badge, in planning order (due, priority, key), that can legally take one
//! there. Every hard rule about sessions is enforced here.

use super::model::{DAY, Slot};
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
/// Returns the pieces in time order and the minutes placed per item.
pub(super) fn place(
    slots: &[Slot],
    cap: &mut [u32],
    items: &[PlaceItem],
    edges: &Edges,
    shape: Shape,
) -> (Vec<Piece>, Vec<u64>) {
    let mut rem: Vec<u64> = items.iter().map(|i| i.need).collect();
    let mut placed = vec![0u64; items.len()];
    let mut pending: Vec<usize> = (0..items.len())
        .filter(|&i| rem[i] > 0 && items[i].release <= items[i].last_day)
        .collect();
    pending.sort_by_key(|&i| (items[i].release, items[i].rank));
    let mut next = 0;
    // Eligible badges: by planning order, and by minutes left (to find one that can
    // finish in a short gap).
    let mut by_rank: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut by_rem: BTreeSet<(u64, usize, usize)> = BTreeSet::new();
    let mut expiry: BinaryHeap<Reverse<(usize, usize)>> = BinaryHeap::new();
    let mut pieces = Vec::new();
    let mut prev: Option<(i64, u32)> = None;
    let mut day = usize::MAX;
    for slot in slots {
        if slot.day != day {
            day = slot.day;
            while next < pending.len() && items[pending[next]].release <= day {
                let i = pending[next];
                next += 1;
                if items[i].last_day >= day {
                    by_rank.insert((items[i].rank, i));
                    by_rem.insert((rem[i], items[i].rank, i));
                    expiry.push(Reverse((items[i].last_day, i)));
                }
            }
            while let Some(&Reverse((last, i))) = expiry.peek() {
                if last >= day {
                    break;
                }
                expiry.pop();
                if rem[i] > 0 {
                    by_rank.remove(&(items[i].rank, i));
                    by_rem.remove(&(rem[i], items[i].rank, i));
                }
            }
        }
        if by_rank.is_empty() {
            if next >= pending.len() {
                break;
            }
            continue;
        }
        let base = i64::try_from(day).unwrap_or(0) * DAY;
        let slot_end_abs = base + i64::from(slot.end);
        let mut t = slot.start;
        while t < slot.end && cap[day] >= shape.g && !by_rank.is_empty() {
            let space = (slot.end - t).min(cap[day]);
            let at = base + i64::from(t);
            let touches = |key: u32| prev == Some((at, key)) || edges.ends_at(at, key);
            let mut blocked = false;
            let mut pick: Option<(usize, u32)> = None;
            let try_one = |i: usize, blocked: &mut bool| {
                let key = items[i].key;
                if touches(key) {
                    *blocked = true;
                    return None;
                }
                let touch_end = edges.starts_at(slot_end_abs, key);
                piece_len(rem[i], space, t, slot.end, touch_end, shape)
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
                for &(_, i) in &by_rank {
                    if let Some(len) = try_one(i, &mut blocked) {
                        pick = Some((i, len));
                        break;
                    }
                }
            }
            let Some((i, len)) = pick else {
                if blocked {
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
            if rem[i] == 0 {
                by_rank.remove(&(items[i].rank, i));
            } else {
                by_rem.insert((rem[i], items[i].rank, i));
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
