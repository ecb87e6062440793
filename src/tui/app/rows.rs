//! The rows each view lists: the Badges view's filter and sort, every selection kept in
//! range, and the log entries of the month the calendar shows.

use super::{App, SortBy};
use crate::domain::status::Status;
use crate::text::fold;

impl App {
    /// Recomputes the Badges rows (filter and sort) and clamps every selection.
    pub fn refresh_rows(&mut self) {
        let today = self.today();
        let filter = fold(&self.badges.filter);
        let mut rows: Vec<usize> = self
            .data
            .badges
            .iter()
            .enumerate()
            .filter(|(_, b)| self.badges.show_archived || !b.badge.archived)
            .filter(|(_, b)| {
                filter.is_empty()
                    || filter.split_whitespace().all(|w| {
                        // `#aws`: a key; a status word (`expiring`, `失効間近`,
                        // `at-risk`); else the name, key, issuer or a tag.
                        if let Some(k) = w.strip_prefix('#') {
                            return b.badge.key.starts_with(k);
                        }
                        let status = Status::parse(w) == Some(b.status)
                            || (w == "at-risk" || w == "risk")
                                && self.data.outcome(&b.badge.key).is_some_and(|o| o.at_risk)
                            || fold(&self.texts.status_label(&b.badge, b.status, today))
                                .split_whitespace()
                                .next()
                                .is_some_and(|word| word == w);
                        status
                            || fold(&b.badge.name).contains(w)
                            || b.badge.key.contains(w)
                            || fold(&b.badge.issuer).contains(w)
                            || b.badge.tags.iter().any(|t| fold(t).contains(w))
                    })
            })
            .map(|(i, _)| i)
            .collect();
        let badges = &self.data.badges;
        match self.badges.sort {
            SortBy::Urgency => rows.sort_by_cached_key(|&i| {
                let b = &badges[i];
                (
                    crate::domain::deal::urgency(&b.badge, b.status, &b.work, &b.deals, today),
                    b.badge.key.clone(),
                )
            }),
            SortBy::Name => rows.sort_by_cached_key(|&i| fold(&badges[i].badge.name)),
            SortBy::Issuer => rows.sort_by_cached_key(|&i| {
                (fold(&badges[i].badge.issuer), fold(&badges[i].badge.name))
            }),
            SortBy::Expiry => rows.sort_by_key(|&i| {
                (
                    badges[i].badge.expires_on.is_none(),
                    badges[i].badge.expires_on,
                    i,
                )
            }),
            SortBy::Progress => rows.sort_by_key(|&i| {
                let b = &badges[i];
                let done = u64::from(b.logged.min(b.badge.effort_minutes)) * 1000
                    / u64::from(b.badge.effort_minutes.max(1));
                (done, i)
            }),
        }
        if self.badges.reverse {
            rows.reverse();
        }
        self.badges.rows = rows;
        self.badges.selected = self
            .badges
            .selected
            .min(self.badges.rows.len().saturating_sub(1));
        self.plan.selected = self
            .plan
            .selected
            .min(self.data.plan.sessions.len().saturating_sub(1));
        self.spare.selected = self.spare.selected.min(self.spare_len().saturating_sub(1));
        // Today's selection follows its session across a re-plan when it can.
        let was = self.sessions.get(self.today.selected).cloned();
        self.sessions = self.data.actionable();
        if let Some(w) = was {
            let same = self
                .sessions
                .iter()
                .position(|s| s.badge == w.badge && s.start == w.start);
            let next = self.sessions.partition_point(|s| s.start < w.start);
            self.today.selected = same.unwrap_or(next);
        }
        self.today.selected = self.today.selected.min(self.today_len().saturating_sub(1));
        let today = self.today();
        self.today_log = crate::store::log::between(self.store.conn(), Some(today), Some(today))
            .unwrap_or_default();
        self.calendar.logs_month = None;
        self.load_month_logs();
    }

    /// Loads the log entries of the selected month, when it changed.
    pub(super) fn load_month_logs(&mut self) {
        let (first, last) = crate::tui::views::calendar::log_span(self.calendar.selected);
        if self.calendar.logs_month == Some(first) {
            return;
        }
        match crate::store::log::between(self.store.conn(), Some(first), Some(last)) {
            Ok(logs) => {
                self.calendar.logs = logs;
                self.calendar.logs_month = Some(first);
            }
            Err(e) => self.fail(e),
        }
    }
}
