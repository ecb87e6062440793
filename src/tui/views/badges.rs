//! Badges: a table with status and countdown, name, issuer, expiry, retirement and
//! replacement, progress and the next session; sorted (`s`), filtered (`/`), with a detail
//! pane.

use super::put;
use crate::domain::dates::hm;
use crate::domain::decision::Retirement;
use crate::domain::status::countdown_days;
use crate::planning::BadgeInfo;
use crate::text::{pad, pad_left, truncate, width};
use crate::tui::app::{App, SortBy};
use crate::tui::popups::Popup;
use crate::tui::texts::ScreenTexts;
use crate::tui::widgets::progress::bar;
use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

/// Where the table and the detail pane go.
struct Parts {
    title: Rect,
    table: Rect,
    detail: Option<Rect>,
}

fn parts(app: &App, area: Rect) -> Parts {
    let title = Rect::new(area.x, area.y, area.width, 1.min(area.height));
    let rest = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1),
    );
    if !app.badges.detail {
        return Parts {
            title,
            table: rest,
            detail: None,
        };
    }
    // Beside the table only where the table keeps its retirement column; below it
    // otherwise.
    if rest.width >= 147 {
        let dw = (rest.width / 3).clamp(36, 60).min(rest.width - 111);
        Parts {
            title,
            table: Rect::new(rest.x, rest.y, rest.width - dw - 1, rest.height),
            detail: Some(Rect::new(rest.right() - dw, rest.y, dw, rest.height)),
        }
    } else if rest.height >= 16 {
        let dh = if rest.height >= 30 { 9 } else { 7 };
        Parts {
            title,
            table: Rect::new(rest.x, rest.y, rest.width, rest.height - dh),
            detail: Some(Rect::new(rest.x, rest.bottom() - dh, rest.width, dh)),
        }
    } else {
        Parts {
            title,
            table: rest,
            detail: None,
        }
    }
}

/// The first table row shown, so the selection stays visible.
fn first_row(app: &App, table: Rect) -> usize {
    let rows = table.height.saturating_sub(1) as usize;
    app.badges.selected.saturating_sub(rows.saturating_sub(1))
}

/// The title row without the filter: how many badges are listed, of how many, and the
/// sort.
fn title(app: &App) -> String {
    let shown = app
        .data
        .badges
        .iter()
        .filter(|b| app.badges.show_archived || !b.badge.archived)
        .count();
    let arrow = if app.badges.reverse { " ▲" } else { " ▼" };
    format!(
        "{}{arrow}",
        app.texts
            .badges_title(app.badges.rows.len(), shown, app.badges.sort)
    )
}

/// Draws the Badges view.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let p = parts(app, area);
    let filtering = matches!(app.popup, Some(Popup::Filter(_)));
    let mut title = title(app);
    if filtering || !app.badges.filter.is_empty() {
        title.push_str(&format!(
            " · {}{}",
            app.texts.filter_prompt(),
            app.badges.filter
        ));
    }
    put(buf, p.title, 0, &title, t.title);
    table(app, p.table, buf);
    if let Some(d) = p.detail {
        detail(app, d, buf);
    }
}

/// Where the cursor goes while the filter is being typed.
pub fn filter_cursor(app: &App, body: Rect) -> Option<Position> {
    let Some(Popup::Filter(input)) = &app.popup else {
        return None;
    };
    if app.view != crate::tui::view::View::Badges {
        return None;
    }
    let prefix = format!("{} · {}", title(app), app.texts.filter_prompt());
    let x = body.x as usize + width(&prefix) + input.cursor_cells();
    (x < body.right() as usize).then(|| Position::new(x as u16, body.y))
}

/// The table's columns, shown as the width allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Status,
    Name,
    Issuer,
    Expires,
    Retires,
    Progress,
    Next,
}

impl Kind {
    fn header(self, texts: &dyn ScreenTexts) -> &'static str {
        texts.badges_columns()[self as usize]
    }
}

struct Col {
    kind: Kind,
    width: usize,
    right: bool,
}

fn columns(w: usize) -> Vec<Col> {
    // (column, width, right-aligned, the least screen width that shows it)
    let all = [
        (Kind::Status, 15, false, 0),
        (Kind::Name, 0, false, 0),
        (Kind::Issuer, 12, false, 100),
        (Kind::Expires, 10, false, 66),
        (Kind::Retires, 22, false, 110),
        (Kind::Progress, 17, false, 56),
        (Kind::Next, 11, true, 130),
    ];
    let mut cols: Vec<Col> = all
        .into_iter()
        .filter(|&(_, _, _, min)| w >= min)
        .map(|(kind, width, right, _)| Col { kind, width, right })
        .collect();
    let fixed: usize = cols.iter().map(|c| c.width + 1).sum();
    cols[1].width = w.saturating_sub(fixed).max(8);
    cols
}

fn cell(app: &App, b: &BadgeInfo, kind: Kind, w: usize) -> String {
    let today = app.today();
    match kind {
        // An archived badge is not planned: that is what its row must say first.
        Kind::Status if b.badge.archived => app.texts.archived().to_string(),
        Kind::Status => app
            .texts
            .planned_status_label(&b.badge, b.status, &b.work, today),
        Kind::Name => b.badge.name.clone(),
        Kind::Issuer => b.badge.issuer.clone(),
        Kind::Expires => b
            .badge
            .expires_on
            .map(|d| d.to_string())
            .unwrap_or_else(|| "—".into()),
        Kind::Retires => match (b.retirement, &b.badge.replaced_by) {
            (Retirement::LetLapse(r) | Retirement::Past(r), None) => {
                format!("{} {}", r.format("%y-%m-%d"), app.texts.no_replacement())
            }
            (Retirement::AfterExpiry(r), _) => {
                format!("{} {}", r.format("%y-%m-%d"), app.texts.after_expiry())
            }
            (r, Some(k)) => match r.date() {
                Some(d) => format!("{} → {k}", d.format("%y-%m-%d")),
                None => format!("→ {k}"),
            },
            (r, None) => r
                .date()
                .map(|d| d.format("%y-%m-%d").to_string())
                .unwrap_or_default(),
        },
        Kind::Progress => {
            // A badge with steps: how much of its steps' work is behind it.
            let (done, of) = match &b.journey {
                Some(p) => (p.total - p.remaining, p.total),
                None => (b.logged.min(b.badge.effort_minutes), b.badge.effort_minutes),
            };
            format!(
                "{} {}",
                bar(done, of, 6),
                pad_left(
                    // The column is narrow: the compact form in every language.
                    &format!(
                        "{}/{}",
                        crate::domain::duration::format_minutes(done),
                        crate::domain::duration::format_minutes(of)
                    ),
                    w.saturating_sub(7)
                )
            )
        }
        Kind::Next => app
            .data
            .plan
            .sessions
            .iter()
            .find(|s| s.badge == b.badge.key && s.end > app.now)
            .map(|s| {
                let today = app.today();
                // A session in another year shows its date alone, to fit the column.
                if s.start.year() == today.year() {
                    format!("{} {}", s.start.format("%m-%d"), hm(s.start.time()))
                } else {
                    crate::domain::dates::ymd(s.start.date())
                }
            })
            .unwrap_or_default(),
    }
}

fn table(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    if area.height == 0 {
        return;
    }
    let cols = columns(area.width as usize);
    // The sorted column carries the direction: ▼ in order, ▲ reversed (`S`).
    let sorted = match app.badges.sort {
        SortBy::Urgency => Kind::Status,
        SortBy::Name => Kind::Name,
        SortBy::Issuer => Kind::Issuer,
        SortBy::Expiry => Kind::Expires,
        SortBy::Progress => Kind::Progress,
    };
    let arrow = if app.badges.reverse { "▲" } else { "▼" };
    let header: String = cols
        .iter()
        .map(|c| {
            let name = c.kind.header(app.texts);
            let name = if c.kind == sorted {
                truncate(&format!("{name}{arrow}"), c.width)
            } else {
                name.to_string()
            };
            if c.right {
                pad_left(&name, c.width)
            } else {
                pad(&name, c.width)
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    put(buf, area, 0, &header, t.header);
    if app.badges.rows.is_empty() {
        let msg = if app.badges.filter.is_empty() {
            app.texts.no_badges()
        } else {
            app.texts.no_match()
        };
        put(buf, area, 1, &format!(" {msg}"), t.dim);
        return;
    }
    let first = first_row(app, area);
    let today = app.today();
    for (i, &idx) in app.badges.rows.iter().enumerate().skip(first) {
        let y = 1 + (i - first) as u16;
        if y >= area.height {
            break;
        }
        let b = &app.data.badges[idx];
        let selected = i == app.badges.selected;
        let mut x = area.x;
        for c in &cols {
            let text = cell(app, b, c.kind, c.width);
            let text = if c.right {
                pad_left(&text, c.width)
            } else {
                pad(&text, c.width)
            };
            let style = match c.kind {
                Kind::Status => t.status(b.status, countdown_days(&b.badge, b.status, today)),
                Kind::Progress => t.bar_done,
                _ if b.badge.archived => t.dim,
                _ => t.base,
            };
            let style = if selected {
                style.patch(t.selected)
            } else {
                style
            };
            if x < area.right() {
                buf.set_stringn(x, area.y + y, &text, (area.right() - x) as usize, style);
            }
            x = x.saturating_add(c.width as u16 + 1);
        }
        if selected && x <= area.right() {
            let fill = (area.right() - x.saturating_sub(1)) as usize;
            buf.set_stringn(
                x.saturating_sub(1),
                area.y + y,
                " ".repeat(fill),
                fill,
                t.selected,
            );
        }
    }
}

fn detail(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let Some(b) = app.selected_badge() else {
        return;
    };
    let today = app.today();
    let mut lines: Vec<(String, ratatui::style::Style)> = Vec::new();
    lines.push((format!("{}  #{}", b.badge.name, b.badge.key), t.title));
    lines.push((
        format!(
            "{} · {}{}",
            app.texts
                .planned_status_label(&b.badge, b.status, &b.work, today),
            if b.badge.issuer.is_empty() {
                app.texts.no_issuer()
            } else {
                &b.badge.issuer
            },
            b.badge
                .level
                .as_ref()
                .map(|l| format!(" · {l}"))
                .unwrap_or_default()
        ),
        t.status(b.status, countdown_days(&b.badge, b.status, today)),
    ));
    // The most useful lines first (what the plan says, what was studied), so a short
    // pane still shows them; the dates follow.
    let work = match &b.work {
        crate::domain::work::Work::Nothing(idle) => app.texts.idle(idle),
        w => {
            let o = w.target().and_then(|x| app.data.outcome(&x.key));
            match o {
                Some(o) if o.at_risk => {
                    app.texts.at_risk_line(&app.texts.risk_text(o, app.today()))
                }
                Some(o) => app.texts.on_time(o.due, o.finish, app.today()),
                None => String::new(),
            }
        }
    };
    lines.push((
        format!(
            "{}{}",
            pad(app.texts.detail_labels()[7], 9),
            match &b.journey {
                // With steps: how much of their work is behind it.
                Some(p) => app.texts.studied_detail(
                    &app.texts.minutes(p.total - p.remaining),
                    &app.texts.minutes(p.total),
                    b.badge.priority
                ),
                None => app.texts.studied_detail(
                    &app.texts.minutes(b.logged),
                    &app.texts.minutes(b.badge.effort_minutes),
                    b.badge.priority
                ),
            }
        ),
        t.base,
    ));
    if !work.is_empty() {
        lines.push((work, t.accent));
    }
    // The journey: its steps, and the chain of prerequisites it is part of.
    if let Some(p) = &b.journey {
        let current = p
            .current
            .and_then(|i| b.steps.get(i))
            .map(|s| s.title.as_str());
        lines.push((
            app.texts
                .detail_steps(p.steps_done, p.steps_counted, current),
            t.accent,
        ));
    }
    if !b.badge.after.is_empty() {
        let parts: Vec<(String, bool)> = b
            .badge
            .after
            .iter()
            .map(|k| (k.clone(), !b.waits_for.contains(k)))
            .collect();
        lines.push((app.texts.detail_after(&parts), t.base));
    }
    let before: Vec<String> = app
        .data
        .badges
        .iter()
        .filter(|o| !o.badge.archived && o.badge.after.contains(&b.badge.key))
        .map(|o| o.badge.key.clone())
        .collect();
    if !before.is_empty() {
        lines.push((app.texts.detail_before(&before), t.base));
    }
    // The open deals ahead that need it ("for Acme DWH by 3月1日").
    for n in &b.deals {
        let deal = app.data.deal(&n.deal);
        let name = deal.map_or(n.deal.as_str(), |d| d.deal.name.as_str());
        let risky = deal.is_some_and(|d| d.risks.iter().any(|r| r.badge == b.badge.key));
        lines.push((
            format!(
                "◆ {}",
                app.texts.deal_for(name, n.by, n.effect, app.today())
            ),
            if risky { t.red } else { t.accent },
        ));
    }
    let d = |label: &str, v: Option<chrono::NaiveDate>| {
        v.map(|v| {
            (
                format!("{}{}", pad(label, 9), app.texts.list_date(v, app.today())),
                t.base,
            )
        })
    };
    lines.extend(d(app.texts.detail_labels()[0], b.badge.earned_on));
    lines.extend(d(app.texts.detail_labels()[1], b.badge.expires_on));
    lines.extend(d(app.texts.detail_labels()[2], b.renewal_opens));
    lines.extend(d(app.texts.detail_labels()[3], b.badge.retires_on));
    lines.extend(d(app.texts.detail_labels()[4], b.badge.available_on));
    lines.extend(d(app.texts.detail_labels()[5], b.badge.goal_on));
    if let Some(r) = &b.badge.replaced_by {
        lines.push((
            format!(
                "{}{} ({})",
                pad(app.texts.detail_labels()[6], 9),
                app.data.name(r),
                r
            ),
            t.base,
        ));
    }
    // What would save it, when it is at risk (F applies one from Today or Plan).
    if let Some(target) = b.work.target()
        && let Some(o) = app.data.outcome(&target.key).filter(|o| o.at_risk)
        && let Some(r) = app.fixes.of(&o.key)
    {
        for line in app.texts.fix_lines(r, o, app.today()) {
            let mark = if line.command.is_some() { "▸" } else { "·" };
            lines.push((format!(" {mark} {}", line.text), t.dim));
        }
    }
    if !b.badge.tags.is_empty() {
        lines.push((
            format!("{}{}", pad(app.texts.tags(), 9), b.badge.tags.join(", ")),
            t.dim,
        ));
    }
    if let Some(n) = &b.badge.notes {
        lines.push((n.clone(), t.dim));
    }
    if let Some(u) = &b.badge.url {
        lines.push((u.clone(), t.dim));
    }
    let w = area.width as usize;
    buf.set_stringn(area.x, area.y, "─".repeat(w), w, t.dim);
    for (i, (text, style)) in lines.iter().enumerate() {
        let y = 1 + i as u16;
        if y >= area.height {
            break;
        }
        buf.set_stringn(
            area.x + 1,
            area.y + y,
            truncate(text, w.saturating_sub(1)),
            w,
            *style,
        );
    }
}

/// The row under the mouse.
pub fn row_at(app: &App, body: Rect, x: u16, y: u16) -> Option<usize> {
    let p = parts(app, body);
    if !p.table.contains(Position::new(x, y)) || y <= p.table.y {
        return None;
    }
    let i = first_row(app, p.table) + (y - p.table.y - 1) as usize;
    (i < app.badges.rows.len()).then_some(i)
}
