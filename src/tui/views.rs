//! The views, an exhaustive match over [`View`]; each renders from `App` state only.

pub mod badges;
pub mod calendar;
pub mod log;
pub mod plan;
pub mod spare;
pub mod today;

use super::action::Action;
use super::app::App;
use super::layout::{self, Areas};
use super::popups;
use super::view::View;
use crate::text::{truncate, width};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

/// Draws the whole screen; returns where the text cursor goes, if anywhere.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    buf.set_style(area, app.theme.base);
    if layout::too_small(area) {
        if area.height == 0 {
            return None;
        }
        let text = truncate(app.texts.too_small(), area.width as usize);
        buf.set_stringn(area.x, area.y, text, area.width as usize, app.theme.base);
        return None;
    }
    let a = layout::areas(area);
    tab_bar(app, a.tabs, buf);
    match app.view {
        View::Today => today::render(app, a.body, buf),
        View::Badges => badges::render(app, a.body, buf),
        View::Plan => plan::render(app, a.body, buf),
        View::Calendar => calendar::render(app, a.body, buf),
        View::Spare => spare::render(app, a.body, buf),
        View::Log => log::render(app, a.body, buf),
    }
    status_line(app, a.status, buf);
    footer(app, a.footer, a.body, buf);
    let cursor = popups::render::render(app, area, buf);
    cursor.or_else(|| badges::filter_cursor(app, a.body))
}

fn tab_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    buf.set_string(
        area.x,
        area.y,
        format!(" {} ", crate::tui::texts::APP_TITLE),
        t.title,
    );
    for (v, label, x, _) in layout::tabs(area, app.texts) {
        let style = if v == app.view { t.tab_active } else { t.tab };
        if x < area.right() {
            buf.set_stringn(x, area.y, label, (area.right() - x) as usize, style);
        }
    }
}

fn status_line(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let (text, style) = match &app.status {
        Some(s) if s.error => (format!("✗ {}", s.text), t.error),
        Some(s) => (format!("✓ {}", s.text), t.ok),
        None => match app.fetching_profile() {
            Some(p) => (format!("⋯ {}", app.texts.fetching_profile(p)), t.dim),
            None => (summary(app), t.dim),
        },
    };
    buf.set_stringn(
        area.x,
        area.y,
        truncate(&text, area.width as usize),
        area.width as usize,
        style,
    );
}

/// The quiet status line: today's date and the plan in a few words.
fn summary(app: &App) -> String {
    let risky = app.data.at_risk().count();
    let plan = app.texts.plan_summary(app.data.plan.outcomes.len(), risky);
    format!(
        "{}  ·  {plan}",
        app.texts.weekday_date_time(app.now, app.today())
    )
}

fn footer(app: &App, area: Rect, body: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let mut spans: Vec<Span> = Vec::new();
    if matches!(app.popup, Some(popups::Popup::Filter(_))) {
        let mut spans: Vec<Span> = Vec::new();
        for (k, label) in app.texts.filter_hints() {
            spans.push(Span::styled(k, t.key));
            spans.push(Span::styled(format!(" {label}  "), t.dim));
        }
        Paragraph::new(Line::from(spans)).render(area, buf);
        return;
    }
    let no_timeline = app.view == View::Calendar && !super::layout::shows_timeline(body);
    let selected = app.selected_session();
    let overdue = selected.is_some_and(|s| app.is_overdue(s));
    // With nothing at risk there is no fix to show or apply: room for the other keys.
    let no_fixes = app.data.at_risk().next().is_none();
    let hints: Vec<(String, &str, Action)> = app
        .keymap
        .hints(app.view)
        .into_iter()
        .filter(|(_, a)| !(no_timeline && matches!(a, Action::ScrollDown | Action::ScrollUp)))
        .filter(|(_, a)| !(no_fixes && matches!(a, Action::NextFix | Action::ApplyFix)))
        .map(|(key, action)| {
            let label = match action {
                // What `p` will do to the selected session.
                Action::Pin => app.texts.pin_hint(selected.is_some_and(|s| s.pinned)),
                Action::Done if overdue => app.texts.overdue_hints().0,
                Action::Skip if overdue => app.texts.overdue_hints().1,
                _ => app.texts.action_hint(action),
            };
            (key.to_string(), label, action)
        })
        .collect();
    // `? help` and `q quit` are always shown: the others give way first.
    let always = |a: Action| matches!(a, Action::Help | Action::Quit);
    let cost = |(k, label, _): &(String, &str, Action)| width(k) + width(label) + 3;
    let reserved: usize = hints.iter().filter(|h| always(h.2)).map(cost).sum();
    let mut budget = (area.width as usize).saturating_sub(reserved);
    let mut shown: Vec<&(String, &str, Action)> = Vec::new();
    for h in hints.iter().filter(|h| !always(h.2)) {
        if cost(h) > budget {
            break;
        }
        budget -= cost(h);
        shown.push(h);
    }
    shown.extend(hints.iter().filter(|h| always(h.2)));
    for (k, label, _) in shown {
        spans.push(Span::styled(k.clone(), t.key));
        spans.push(Span::styled(format!(" {label}  "), t.dim));
    }
    Paragraph::new(Line::from(spans)).render(area, buf);
}

/// The list row (0-based, within the view's list) under the mouse, if any.
pub fn row_at(app: &App, areas: &Areas, x: u16, y: u16) -> Option<usize> {
    if !areas.body.contains(Position::new(x, y)) {
        return None;
    }
    match app.view {
        View::Badges => badges::row_at(app, areas.body, x, y),
        View::Plan => plan::row_at(app, areas.body, x, y),
        View::Spare => spare::row_at(app, areas.body, x, y),
        View::Log => log::row_at(app, areas.body, x, y),
        View::Today | View::Calendar => None,
    }
}

/// A titled section header: `── Title ───────`.
pub fn section(title: &str, area: Rect, buf: &mut Buffer, style: ratatui::style::Style) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let text = format!("── {title} ");
    let w = width(&text);
    let line = if w < area.width as usize {
        format!("{text}{}", "─".repeat(area.width as usize - w))
    } else {
        truncate(&text, area.width as usize)
    };
    buf.set_stringn(area.x, area.y, line, area.width as usize, style);
}

/// Writes `text` truncated to the area's width on row `y` of `area` (if it exists).
pub fn put(buf: &mut Buffer, area: Rect, y: u16, text: &str, style: ratatui::style::Style) {
    if y < area.height && area.width > 0 {
        buf.set_stringn(
            area.x,
            area.y + y,
            truncate(text, area.width as usize),
            area.width as usize,
            style,
        );
    }
}
