//! Fixes for badges at risk in the planner: found on a worker thread after each change,
//! so no key waits for the re-plans that prove them (DESIGN 3), and applied with one key.
//! A fix of the daily cap changes `config.toml` (or, on the demo data, the settings in
//! memory); the app undoes it with `u` like any other change.

use crate::domain::plan::Plan;
use crate::planning::fixes::{self, Fix, Rescue};
use crate::planning::{Overview, Scenario};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// How long the data must stay unchanged before its fixes are searched.
const SETTLE: std::time::Duration = std::time::Duration::from_millis(250);

/// The rescues of the current data, once the worker has found them.
#[derive(Default)]
pub struct FixState {
    /// Bumped at every change, so a late answer about older data is dropped.
    generation: u64,
    /// The generation the newest search is for, shared with the workers: an older worker
    /// sees it move on and stops re-planning, so quick changes do not pile searches up.
    current: Arc<AtomicU64>,
    pending: Option<Receiver<(u64, Vec<Rescue>)>>,
    /// The rescues of the current plan (empty until ready, or when nothing is at risk).
    pub rescues: Vec<Rescue>,
    /// Which fix, counted over every rescue's fixes in order, is selected.
    pub selected: usize,
    /// Find them on the calling thread (tests, so what is drawn does not race the worker).
    pub sync: bool,
}

impl FixState {
    /// Starts finding the fixes of `data` (dropping any search of older data).
    pub fn start(&mut self, data: &Overview) {
        self.generation += 1;
        self.current.store(self.generation, Ordering::Relaxed);
        self.rescues.clear();
        if data.at_risk().next().is_none() {
            self.pending = None;
            self.selected = 0;
            return;
        }
        if self.sync {
            self.pending = None;
            self.rescues = fixes::rescues(&data.scenario, &data.plan, 1);
            self.selected = self.selected.min(self.count().saturating_sub(1));
            return;
        }
        let (tx, rx) = mpsc::channel();
        let generation = self.generation;
        let scenario: Scenario = data.scenario.clone();
        let plan: Plan = data.plan.clone();
        let current = Arc::clone(&self.current);
        // One thread: the interface keeps the other core.
        std::thread::spawn(move || {
            let stale = || current.load(Ordering::Relaxed) != generation;
            // Changes in quick succession (typing, undoing twice) start no search each:
            // only the data that stays a moment is searched.
            std::thread::sleep(SETTLE);
            if stale() {
                return;
            }
            let found = fixes::rescues_unless(&scenario, &plan, 1, &stale);
            if !stale() {
                let _ = tx.send((generation, found));
            }
        });
        self.pending = Some(rx);
    }

    /// Takes the worker's answer if it has come; true when something changed.
    pub fn poll(&mut self) -> bool {
        let Some(rx) = &self.pending else {
            return false;
        };
        match rx.try_recv() {
            Ok((g, found)) => {
                self.pending = None;
                if g == self.generation {
                    self.rescues = found;
                    self.selected = self.selected.min(self.count().saturating_sub(1));
                    return true;
                }
                false
            }
            Err(TryRecvError::Empty) => false,
            Err(TryRecvError::Disconnected) => {
                self.pending = None;
                false
            }
        }
    }

    /// Waits for the worker (tests and benchmarks).
    pub fn wait(&mut self) {
        if let Some(rx) = self.pending.take()
            && let Ok((g, found)) = rx.recv()
            && g == self.generation
        {
            self.rescues = found;
            self.selected = self.selected.min(self.count().saturating_sub(1));
        }
    }

    /// Whether the worker is still searching.
    pub fn searching(&self) -> bool {
        self.pending.is_some()
    }

    /// How many fixes there are, over every badge at risk.
    pub fn count(&self) -> usize {
        self.rescues.iter().map(|r| r.fixes.len()).sum()
    }

    /// The selected fix and its badge's rescue.
    pub fn selected(&self) -> Option<(&Rescue, &Fix)> {
        self.rescues
            .iter()
            .flat_map(|r| r.fixes.iter().map(move |f| (r, f)))
            .nth(self.selected)
    }

    /// Whether `fix` of `key` is the selected one.
    pub fn is_selected(&self, key: &str, fix: &Fix) -> bool {
        self.selected()
            .is_some_and(|(r, f)| r.key == key && std::ptr::eq(f, fix))
    }

    /// The rescue of a badge, once found.
    pub fn of(&self, key: &str) -> Option<&Rescue> {
        self.rescues.iter().find(|r| r.key == key)
    }

    /// Selects the next fix, wrapping around.
    pub fn next(&mut self) {
        let n = self.count();
        self.selected = if n == 0 { 0 } else { (self.selected + 1) % n };
    }
}

impl Drop for FixState {
    /// A worker still searching for an app that is gone stops at its next re-plan.
    fn drop(&mut self) {
        self.current.store(u64::MAX, Ordering::Relaxed);
    }
}
