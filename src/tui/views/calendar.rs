//! Calendar: the month grid with the selected day's details beside it, and, when there is
//! room, the timeline of each badge to its expiry and the heatmap of logged study.

use super::section;
use crate::planning::Overview;
use crate::present::month::days;
use crate::tui::app::App;
use crate::tui::layout::{self, Areas};
use crate::tui::widgets::{
    DayDetail, DayLog, DaySession, Heatmap, Legend, MonthGrid, Timeline, TimelineRow,
};
use chrono::{Datelike, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::collections::BTreeMap;

/// One row per badge with something ahead within a year, soonest first; dates further
/// away are left out so the near ones keep a readable scale.
pub fn timeline_rows(ov: &Overview) -> Vec<TimelineRow> {
    let today = ov.today();
    let year = today + chrono::Days::new(366);
    let near = |d: Option<NaiveDate>| d.filter(|d| *d >= today && *d <= year);
    // Session days per badge in one pass (scanning every session for each badge cost
    // milliseconds a frame with hundreds of badges).
    let mut session_days: BTreeMap<&str, Vec<NaiveDate>> = BTreeMap::new();
    for s in ov.plan.sessions.iter().filter(|s| s.start.date() <= year) {
        let days = session_days.entry(s.badge.as_str()).or_default();
        if days.last() != Some(&s.start.date()) {
            days.push(s.start.date());
        }
    }
    let mut rows: Vec<(NaiveDate, &crate::planning::BadgeInfo, TimelineRow)> = ov
        .badges
        .iter()
        .filter(|b| !b.badge.archived)
        .filter_map(|b| {
            let outcome = b.work.target().and_then(|t| ov.outcome(&t.key));
            let expires = near(b.badge.expires_on.filter(|_| b.badge.is_held()));
            let retires = near(b.badge.retires_on);
            let due = near(outcome.map(|o| o.due));
            let key_date = [due, expires, retires, near(b.badge.goal_on)]
                .into_iter()
                .flatten()
                .min()?;
            let sessions = session_days
                .get(b.badge.key.as_str())
                .cloned()
                .unwrap_or_default();
            Some((
                key_date,
                b,
                TimelineRow {
                    badge_name: b.badge.name.clone(),
                    renewal_opens: b.renewal_opens.filter(|d| outcome.is_some() && *d <= year),
                    due,
                    expires,
                    retires,
                    sessions,
                    at_risk: outcome.is_some_and(|o| o.at_risk),
                },
            ))
        })
        .collect();
    rows.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| a.2.badge_name.cmp(&b.2.badge_name))
    });
    chains(rows)
}

/// The rows in order, each badge that waits for another shown right after it, marked `↳`:
/// the journey across badges reads down the timeline.
fn chains(rows: Vec<(NaiveDate, &crate::planning::BadgeInfo, TimelineRow)>) -> Vec<TimelineRow> {
    let keys: Vec<&str> = rows.iter().map(|r| r.1.badge.key.as_str()).collect();
    // The first prerequisite shown that each row waits for.
    let parent: Vec<Option<usize>> = rows
        .iter()
        .map(|r| {
            r.1.waits_for
                .iter()
                .find_map(|k| keys.iter().position(|x| x == k))
        })
        .collect();
    let mut out = Vec::with_capacity(rows.len());
    let mut placed = vec![false; rows.len()];
    fn place(
        i: usize,
        depth: usize,
        rows: &[(NaiveDate, &crate::planning::BadgeInfo, TimelineRow)],
        parent: &[Option<usize>],
        placed: &mut [bool],
        out: &mut Vec<TimelineRow>,
    ) {
        if std::mem::replace(&mut placed[i], true) {
            return;
        }
        let mut row = rows[i].2.clone();
        if depth > 0 {
            row.badge_name = format!("{}↳ {}", " ".repeat(depth - 1), row.badge_name);
        }
        out.push(row);
        for k in 0..rows.len() {
            if parent[k] == Some(i) {
                place(k, depth + 1, rows, parent, placed, out);
            }
        }
    }
    for i in 0..rows.len() {
        // A row waiting for one shown goes under it (unless they wait for each other).
        let root = parent[i].is_none_or(|p| parent[p] == Some(i));
        if root {
            place(i, 0, &rows, &parent, &mut placed, &mut out);
        }
    }
    for i in 0..rows.len() {
        place(i, 0, &rows, &parent, &mut placed, &mut out);
    }
    out
}

/// Draws the Calendar view.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let ov = &app.data;
    let styles = &app.cal_styles;
    let today = app.today();
    let selected = app.calendar.selected;
    let week_start = app.config.ui.week_start.weekday();
    let p = layout::calendar_parts(area);
    let (first, last) = MonthGrid::span(selected, week_start);
    let days = days(ov, first, last);
    let grid = MonthGrid::new(selected, &days, today, styles)
        .texts(app.texts)
        .selected(selected)
        .week_start(week_start);
    (&grid).render(p.grid, buf);
    if p.legend.height > 0 {
        // The deal mark is explained in a month that has a deal.
        let has_deal = days.iter().any(|(d, i)| {
            d.month() == selected.month()
                && d.year() == selected.year()
                && i.events
                    .iter()
                    .any(|e| e.kind == crate::present::month::DayEventKind::Deal)
        });
        let legend = Legend::month(styles, app.texts);
        let legend = if has_deal {
            legend.with_deal(
                styles,
                app.texts
                    .event_label(crate::present::month::DayEventKind::Deal),
            )
        } else {
            legend
        };
        (&legend).render(p.legend, buf);
    }
    let sessions: Vec<DaySession> = ov
        .sessions_between(selected, selected)
        .iter()
        .map(|s| DaySession {
            start: s.start.time(),
            end: s.end.time(),
            // A pinned session that breaks a rule says which, as in Today and Plan.
            badge_name: match ov.conflict(s) {
                Some(c) => format!(
                    "! {} · {}",
                    app.texts.conflict_text(&c.reasons),
                    ov.name(&s.badge)
                ),
                None => ov.name(&s.badge).to_string(),
            },
            pinned: s.pinned,
        })
        .collect();
    let logs: Vec<DayLog> = app
        .calendar
        .logs
        .iter()
        .filter(|l| l.date == selected)
        .map(|l| DayLog {
            start: l.start,
            minutes: l.minutes,
            badge_name: ov.name(&l.badge).to_string(),
        })
        .collect();
    let detail = DayDetail::new(selected, today, days.get(&selected), styles)
        .texts(app.texts)
        .sessions(&sessions)
        .logs(&logs);
    (&detail).render(p.detail, buf);
    if let Some(t) = p.timeline
        && t.height > 1
    {
        section(
            app.texts.timeline(),
            Rect::new(t.x, t.y, t.width, 1),
            buf,
            app.theme.header,
        );
        let rows = timeline_rows(ov);
        let tl = Timeline::new(&rows, today, styles)
            .texts(app.texts)
            .offset(app.calendar.timeline_scroll);
        (&tl).render(Rect::new(t.x, t.y + 1, t.width, t.height - 1), buf);
    }
    if let Some(h) = p.heatmap
        && h.height > 1
    {
        section(
            app.texts.heatmap(),
            Rect::new(h.x, h.y, h.width, 1),
            buf,
            app.theme.header,
        );
        let hm = Heatmap::new(&ov.logged_per_day, today, styles)
            .texts(app.texts)
            .week_start(week_start);
        (&hm).render(Rect::new(h.x, h.y + 1, h.width, h.height - 1), buf);
    }
}

/// The day under the mouse, in the month grid or the heatmap.
pub fn day_at(app: &App, areas: &Areas, x: u16, y: u16) -> Option<NaiveDate> {
    let p = layout::calendar_parts(areas.body);
    let selected = app.calendar.selected;
    let week_start = app.config.ui.week_start.weekday();
    let empty = BTreeMap::new();
    let grid = MonthGrid::new(selected, &empty, app.today(), &app.cal_styles)
        .texts(app.texts)
        .selected(selected)
        .week_start(week_start);
    if let Some(d) = grid.day_at(p.grid, x, y) {
        return Some(d);
    }
    let h = p.heatmap?;
    let hm = Heatmap::new(&app.data.logged_per_day, app.today(), &app.cal_styles)
        .texts(app.texts)
        .week_start(week_start);
    hm.day_at(
        Rect::new(h.x, h.y + 1, h.width, h.height.saturating_sub(1)),
        x,
        y,
    )
}

/// The first and last day whose logs the view needs for a selected day.
pub fn log_span(selected: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = selected.with_day(1).unwrap_or(selected);
    let last =
        crate::domain::dates::last_day_of_month(first.year(), first.month()).unwrap_or(first);
    (first, last)
}
