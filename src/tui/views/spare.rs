//! Spare time: the weekly windows on a week grid, and every window, one-off and blackout
//! listed (add with `n`, edit with `e`, delete with `d`), with imported busy time.

use super::{put, section};
use crate::domain::spare::WindowKind;
use crate::present::window::describe as describe_window;
use crate::text::pad;
use crate::tui::app::App;
use crate::tui::widgets::week_grid::WeekGrid;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

struct Parts {
    grid: Rect,
    list: Rect,
}

fn parts(area: Rect) -> Parts {
    if area.width >= 120 {
        let gw = (area.width * 3 / 5).min(100);
        Parts {
            grid: Rect::new(area.x, area.y, gw, area.height.min(10)),
            list: Rect::new(area.x + gw + 2, area.y, area.width - gw - 2, area.height),
        }
    } else {
        let gh = 10.min(area.height / 2);
        Parts {
            grid: Rect::new(area.x, area.y, area.width, gh),
            list: Rect::new(area.x, area.y + gh, area.width, area.height - gh),
        }
    }
}

/// Draws the Spare time view.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let p = parts(area);
    let weekly_minutes: u32 = app
        .data
        .windows
        .iter()
        .map(|w| match &w.kind {
            WindowKind::Weekly {
                days, start, end, ..
            } => u32::try_from((*end - *start).num_minutes()).unwrap_or(0) * days.len() as u32,
            _ => 0,
        })
        .sum();
    section(
        &app.texts
            .spare_week_title(&crate::domain::duration::format_minutes(weekly_minutes)),
        Rect::new(p.grid.x, p.grid.y, p.grid.width, 1),
        buf,
        t.header,
    );
    let grid = WeekGrid {
        texts: app.texts,
        windows: &app.data.windows,
        week_start: app.config.ui.week_start.weekday(),
        fill: t.green,
        label: t.dim,
        empty: t.dim,
        week: Some((
            crate::domain::dates::week_start(app.today(), app.config.ui.week_start.weekday()),
            &app.data.busy,
        )),
        taken: t.accent,
    };
    let inner = Rect::new(
        p.grid.x,
        p.grid.y + 1,
        p.grid.width,
        p.grid.height.saturating_sub(1),
    );
    (&grid).render(inner, buf);
    section(
        app.texts.windows(),
        Rect::new(p.list.x, p.list.y, p.list.width, 1),
        buf,
        t.header,
    );
    let list = Rect::new(
        p.list.x,
        p.list.y + 1,
        p.list.width,
        p.list.height.saturating_sub(1),
    );
    if app.data.windows.is_empty() {
        put(buf, list, 0, &format!(" {}", app.texts.no_windows()), t.dim);
        return;
    }
    let first = first_row(app, list);
    let mut y = 0;
    for (i, w) in app.data.windows.iter().enumerate().skip(first) {
        if y >= list.height {
            break;
        }
        let kind = app.texts.window_kind(&w.kind);
        let text = pad(
            &format!(" {} {}", pad(kind, 8), describe_window(w)),
            list.width as usize,
        );
        let style = if i == app.spare.selected {
            t.selected
        } else if matches!(w.kind, WindowKind::Blackout { .. }) {
            t.accent
        } else {
            t.base
        };
        put(buf, list, y, &text, style);
        y += 1;
    }
    // Calendar imports (and skipped time) follow the windows: selectable, `d` removes one.
    let busy = &app.data.busy_sources;
    if !busy.is_empty() && y < list.height {
        if first <= app.data.windows.len() {
            put(
                buf,
                list,
                y,
                &format!(" {}", app.texts.calendars_title()),
                t.header,
            );
            y += 1;
        }
        let n0 = app.data.windows.len();
        for (n, (source, count, from, to)) in busy.iter().enumerate() {
            let i = n0 + n;
            if i < first {
                continue;
            }
            if y >= list.height {
                break;
            }
            let day = |s: &str| crate::domain::dates::parse_datetime(s).map(|t| t.date());
            let text = match (day(from), day(to)) {
                (Some(f), Some(l)) => app.texts.calendar_row(source, *count, f, l),
                _ => app.texts.busy_source(source, *count, from, to),
            };
            let style = if i == app.spare.selected {
                t.selected
            } else {
                t.dim
            };
            put(
                buf,
                list,
                y,
                &pad(&format!("  {text}"), list.width as usize),
                style,
            );
            y += 1;
        }
    }
}

fn first_row(app: &App, list: Rect) -> usize {
    let rows = list.height.max(1) as usize;
    app.spare.selected.saturating_sub(rows - 1)
}

/// The window under the mouse.
pub fn row_at(app: &App, body: Rect, x: u16, y: u16) -> Option<usize> {
    let p = parts(body);
    let list = Rect::new(
        p.list.x,
        p.list.y + 1,
        p.list.width,
        p.list.height.saturating_sub(1),
    );
    if !list.contains(Position::new(x, y)) {
        return None;
    }
    let i = first_row(app, list) + (y - list.y) as usize;
    (i < app.data.windows.len()).then_some(i)
}
