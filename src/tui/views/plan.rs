//! Plan: the agenda day by day of planned and pinned sessions up to the horizon (pin or
//! unpin with `p`), and every badge's outcome with the at-risk ones first.

use super::{put, section};
use crate::domain::dates::hm;
use crate::domain::duration::format_minutes;
use crate::domain::plan::{Outcome, Session};
use crate::text::{pad, pad_left};
use crate::tui::app::App;
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

enum Row {
    Day(NaiveDate, u32),
    Session(usize),
}

fn rows(app: &App) -> Vec<Row> {
    let mut out = Vec::new();
    let mut day = None;
    for (i, s) in app.data.plan.sessions.iter().enumerate() {
        let d = s.start.date();
        if day != Some(d) {
            let total = app
                .data
                .sessions_between(d, d)
                .iter()
                .map(Session::minutes)
                .sum();
            out.push(Row::Day(d, total));
            day = Some(d);
        }
        out.push(Row::Session(i));
    }
    out
}

struct Parts {
    agenda: Rect,
    outcomes: Rect,
}

fn parts(area: Rect) -> Parts {
    if area.width >= 110 {
        let aw = area.width * 11 / 20;
        Parts {
            agenda: Rect::new(area.x, area.y, aw, area.height),
            outcomes: Rect::new(area.x + aw + 1, area.y, area.width - aw - 1, area.height),
        }
    } else {
        let oh = (area.height / 3).max(4).min(area.height);
        Parts {
            agenda: Rect::new(area.x, area.y, area.width, area.height - oh),
            outcomes: Rect::new(area.x, area.y + area.height - oh, area.width, oh),
        }
    }
}

/// The first list row shown, keeping the selected session (and its day) in view.
fn first_row(app: &App, rows: &[Row], height: usize) -> usize {
    let sel = rows
        .iter()
        .position(|r| matches!(r, Row::Session(i) if *i == app.plan.selected))
        .unwrap_or(0);
    let visible = height.saturating_sub(1).max(1);
    if sel < visible { 0 } else { sel + 1 - visible }
}

/// Draws the Plan view.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let p = parts(area);
    let rows = rows(app);
    let total: u32 = app.data.plan.sessions.iter().map(Session::minutes).sum();
    section(
        &app.texts.agenda_title(
            app.data.plan.sessions.len(),
            &format_minutes(total),
            app.data
                .plan
                .sessions
                .last()
                .map_or(app.data.horizon, |s| s.start.date()),
        ),
        Rect::new(p.agenda.x, p.agenda.y, p.agenda.width, 1),
        buf,
        t.header,
    );
    let list = Rect::new(
        p.agenda.x,
        p.agenda.y + 1,
        p.agenda.width,
        p.agenda.height.saturating_sub(1),
    );
    if rows.is_empty() {
        put(
            buf,
            list,
            0,
            &format!(" {}", app.texts.no_sessions()),
            t.dim,
        );
    }
    let first = first_row(app, &rows, list.height as usize + 1);
    for (n, row) in rows.iter().enumerate().skip(first) {
        let y = (n - first) as u16;
        if y >= list.height {
            break;
        }
        match row {
            Row::Day(d, total) => {
                let label = if *d == app.today() {
                    app.texts.today_mark().to_string()
                } else {
                    String::new()
                };
                put(
                    buf,
                    list,
                    y,
                    &format!(
                        "{}{label} · {}",
                        app.texts.weekday_date(*d),
                        format_minutes(*total)
                    ),
                    t.title,
                );
            }
            Row::Session(i) => {
                let s = &app.data.plan.sessions[*i];
                let selected = *i == app.plan.selected;
                // The pin mark goes before the key, where a long name cannot push it off
                // the row (without colour it is the only sign of a pinned session).
                // A pinned session that breaks a rule says which, before the name.
                let (mark, why) = match app.data.conflict(s) {
                    Some(c) => (
                        "!",
                        format!(
                            "{} · ",
                            crate::present::fixes::conflict_text_in(
                                &c.reasons,
                                app.texts.language()
                            )
                        ),
                    ),
                    None if s.pinned => ("◆", String::new()),
                    None => (" ", String::new()),
                };
                let text = format!(
                    "  {}-{} {:>5} {mark}{} {why}{}",
                    hm(s.start.time()),
                    hm(s.end.time()),
                    format_minutes(s.minutes()),
                    pad(&s.badge, 14),
                    // A badge with steps: the step the session advances.
                    match app.data.step_of(s) {
                        Some(step) => app.texts.session_step(step),
                        None => app.data.name(&s.badge).to_string(),
                    },
                );
                let style = if selected {
                    t.selected
                } else if app.data.conflict(s).is_some() {
                    t.error
                } else if s.pinned {
                    t.accent
                } else {
                    t.base
                };
                let text = pad(&text, list.width as usize);
                put(buf, list, y, &text, style);
            }
        }
    }
    outcomes(app, p.outcomes, buf);
}

fn outcomes(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let risky = app.data.at_risk().count();
    section(
        &app.texts.outcomes_title(risky),
        Rect::new(area.x, area.y, area.width, 1),
        buf,
        if risky > 0 { t.error } else { t.header },
    );
    let w = area.width as usize;
    // Dates in the current year as `MM-DD`; if any falls in another year, all carry the
    // year so the column stays straight.
    let today = app.today();
    let long = crate::domain::dates::any_in_another_year(
        app.data.plan.outcomes.iter().flat_map(Outcome::dates),
        today,
    );
    // BADGE, LEFT and SLACK, the spaces between, and two dates of `d` cells.
    let row_w = |d: usize| 14 + 6 + 7 + 4 + 2 * d;
    let (date_fmt, date_w) = match long {
        false => ("%m-%d", 5),
        true if w >= row_w(10) => ("%Y-%m-%d", 10),
        // Narrow: two-digit years keep SLACK and READY on the screen.
        true => ("%y-%m-%d", 8),
    };
    put(
        buf,
        area,
        1,
        &format!(
            "{} {} {} {} {}",
            pad(app.texts.outcome_headers()[0], 14),
            pad(app.texts.outcome_headers()[1], date_w),
            pad_left(app.texts.outcome_headers()[2], 6),
            pad_left(app.texts.outcome_headers()[3], 7),
            app.texts.outcome_headers()[4]
        ),
        t.header,
    );
    // Every row first, so a list cut short can say what it leaves out.
    let mut rows: Vec<(String, ratatui::style::Style, usize)> = Vec::new();
    for (k, o) in app.data.plan.outcomes.iter().enumerate() {
        let slack = if o.at_risk {
            format!("-{}", format_minutes(o.shortfall))
        } else {
            format_minutes(o.slack)
        };
        let line = format!(
            "{} {} {} {} {}",
            pad(&o.key, 14),
            o.due.format(date_fmt),
            pad_left(&format_minutes(o.remaining), 6),
            pad_left(&slack, 7),
            o.finish
                .map_or_else(|| "—".into(), |f| f.format(date_fmt).to_string())
        );
        rows.push((line, if o.at_risk { t.red } else { t.base }, k));
        if o.at_risk && w > 20 {
            for part in crate::text::wrap(&app.texts.risk_text(o), w.saturating_sub(2).max(1)) {
                rows.push((format!("  {part}"), t.dim, k));
            }
            match app.fixes.of(&o.key) {
                Some(r) => {
                    let mut fixes = r.fixes.iter();
                    for line in crate::present::fixes::fix_lines_in(r, o, app.texts.language()) {
                        let fix = line.command.as_ref().and_then(|_| fixes.next());
                        let selected = fix.is_some_and(|f| app.fixes.is_selected(&o.key, f));
                        let (mark, style) = match (fix, selected) {
                            (_, true) => ("▶", t.selected),
                            (Some(_), false) => ("▸", t.base),
                            (None, _) => ("·", t.dim),
                        };
                        let parts = crate::text::wrap(&line.text, w.saturating_sub(4).max(1));
                        for (n, part) in parts.iter().enumerate() {
                            let mark = if n == 0 { mark } else { " " };
                            rows.push((format!("  {mark} {part}"), style, k));
                        }
                    }
                }
                None if app.fixes.searching() => {
                    rows.push((format!("  {}", app.texts.fixes_searching()), t.dim, k));
                }
                None => {}
            }
        }
    }
    let room = usize::from(area.height.saturating_sub(2));
    let shown = if rows.len() > room {
        room.saturating_sub(1)
    } else {
        rows.len()
    };
    for (i, (line, style, _)) in rows.iter().take(shown).enumerate() {
        put(buf, area, 2 + i as u16, line, *style);
    }
    if shown < rows.len() {
        let first_hidden =
            rows[shown].2 + usize::from(shown > 0 && rows[shown - 1].2 == rows[shown].2);
        let hidden: Vec<&str> = app.data.plan.outcomes
            [first_hidden.min(app.data.plan.outcomes.len())..]
            .iter()
            .map(|o| o.key.as_str())
            .collect();
        let more = app.texts.more_outcomes(&hidden);
        put(buf, area, 2 + shown as u16, &more, t.dim);
    }
}

/// The session under the mouse.
pub fn row_at(app: &App, body: Rect, x: u16, y: u16) -> Option<usize> {
    let p = parts(body);
    let list = Rect::new(
        p.agenda.x,
        p.agenda.y + 1,
        p.agenda.width,
        p.agenda.height.saturating_sub(1),
    );
    if !list.contains(Position::new(x, y)) {
        return None;
    }
    let rows = rows(app);
    let first = first_row(app, &rows, list.height as usize + 1);
    match rows.get(first + (y - list.y) as usize) {
        Some(Row::Session(i)) => Some(*i),
        _ => None,
    }
}
