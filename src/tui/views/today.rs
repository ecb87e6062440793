//! Today: what to study next and when, today's and this week's sessions, what is at risk
//! and what is expiring, and this week's minutes against the plan.

use super::{put, section};
use crate::domain::dates::{hm, week_start};
use crate::domain::decision::Retirement;
use crate::domain::plan::Session;
use crate::domain::status::{Status, band, countdown_days};
use crate::text::{pad, truncate};
use crate::tui::app::App;
use crate::tui::widgets::progress::bar;
use chrono::{Datelike, Days};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Draws the Today view.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.width >= 80 {
        let left_w = area.width * 11 / 20;
        let left = Rect::new(area.x, area.y, left_w, area.height);
        let right = Rect::new(
            area.x + left_w + 1,
            area.y,
            area.width - left_w - 1,
            area.height,
        );
        let y = overdue(app, left, buf, 0);
        let y = next(app, left, buf, y);
        let y = today_sessions(app, left, buf, y + 1);
        let y = week_sessions(app, left, buf, y + 1);
        next_week_sessions(app, left, buf, y + 1);
        let y = deals(app, right, buf, 0);
        let y = at_risk(app, right, buf, y);
        let y = expiring(app, right, buf, y + 1);
        week_total(app, right, buf, y + 1);
    } else {
        let mut y = overdue(app, area, buf, 0);
        y = next(app, area, buf, y);
        y = deals(app, area, buf, y + 1);
        y = at_risk(app, area, buf, y);
        y = expiring(app, area, buf, y + 1);
        y = week_total(app, area, buf, y + 1);
        y = today_sessions(app, area, buf, y + 1);
        y = week_sessions(app, area, buf, y + 1);
        next_week_sessions(app, area, buf, y + 1);
    }
}

fn when(app: &App, s: &Session) -> String {
    let today = app.today();
    let day = app.texts.day_name(s.start.date(), today);
    let rel = app.texts.starts_in((s.start - app.now).num_minutes());
    format!("{day} {}-{} ({rel})", hm(s.start.time()), hm(s.end.time()))
}

fn next(app: &App, area: Rect, buf: &mut Buffer, y: u16) -> u16 {
    let t = &app.theme;
    // On a short screen the stacked sections run out of rows: draw nothing below.
    if y >= area.height {
        return y;
    }
    section(
        app.texts.next(),
        Rect::new(area.x, area.y + y, area.width, 1),
        buf,
        t.header,
    );
    let Some(s) = app.data.next_session() else {
        // Wrapped: it tells a new user where to start.
        let mut y = y + 1;
        for line in crate::text::wrap(
            app.texts.no_sessions(),
            (area.width as usize).saturating_sub(2).max(1),
        ) {
            put(buf, area, y, &format!(" {line}"), t.dim);
            y += 1;
        }
        return y;
    };
    let name = app.data.name(&s.badge);
    put(
        buf,
        area,
        y + 1,
        &format!(
            " {}  {}{}",
            when(app, s),
            app.texts.minutes(s.minutes()),
            if s.pinned {
                app.texts.pinned_suffix()
            } else {
                ""
            }
        ),
        t.title,
    );
    put(buf, area, y + 2, &format!(" {name}  #{}", s.badge), t.base);
    // A badge with steps: the step this session advances, where the progress bar goes.
    if let Some(step) = app.data.step_of(s) {
        put(
            buf,
            area,
            y + 3,
            &format!(" ▸ {}", app.texts.session_step(step)),
            t.accent,
        );
        return y + 4;
    }
    if let Some(b) = app.data.badge(&s.badge) {
        // Logged this cycle plus every session of this badge up to and including this one.
        let planned: u32 = app
            .data
            .plan
            .sessions
            .iter()
            .filter(|x| x.badge == s.badge && x.start <= s.start)
            .map(Session::minutes)
            .sum();
        let done = (b.logged + planned).min(b.badge.effort_minutes);
        let w = (area.width as usize).saturating_sub(30).clamp(4, 20);
        put(
            buf,
            area,
            y + 3,
            &app.texts.after_it(
                &bar(done, b.badge.effort_minutes, w),
                &app.texts.minutes(done),
                &app.texts.minutes(b.badge.effort_minutes),
            ),
            t.bar_done,
        );
        return y + 4;
    }
    y + 3
}

/// Pinned sessions whose time passed without a log entry: "did you study?", with the
/// keys that answer it. Nothing when there are none.
fn overdue(app: &App, area: Rect, buf: &mut Buffer, y: u16) -> u16 {
    let t = &app.theme;
    if app.data.overdue.is_empty() || y >= area.height {
        return y;
    }
    section(
        app.texts.did_you_study(),
        Rect::new(area.x, area.y + y, area.width, 1),
        buf,
        t.error,
    );
    let mut y = y + 1;
    for s in app.sessions.iter().filter(|s| app.is_overdue(s)) {
        if y >= area.height {
            break;
        }
        let day = app.texts.day_name(s.start.date(), app.today());
        let line = truncate(
            &format!(
                " {day} {}-{} {} ? {}",
                hm(s.start.time()),
                hm(s.end.time()),
                minutes_cell(app, s.minutes()),
                app.data.name(&s.badge)
            ),
            area.width as usize,
        );
        put(buf, area, y, &line, style_of(app, s, t.accent));
        y += 1;
    }
    let (done, not_done) = app.texts.overdue_hints();
    let key = |a| {
        app.keymap
            .keys_for(crate::tui::view::View::Today, a)
            .first()
            .map(ToString::to_string)
            .unwrap_or_default()
    };
    put(
        buf,
        area,
        y,
        &format!(
            "   {} {done} · {} {not_done}",
            key(crate::tui::action::Action::Done),
            key(crate::tui::action::Action::Skip)
        ),
        t.dim,
    );
    y + 2
}

/// The selected session's style, else `normal`.
fn style_of(app: &App, s: &Session, normal: ratatui::style::Style) -> ratatui::style::Style {
    match app.selected_session() {
        Some(sel) if sel.start == s.start && sel.badge == s.badge => app.theme.selected,
        _ => normal,
    }
}

fn session_line(app: &App, s: &Session, with_day: bool, w: usize) -> String {
    let day = if with_day {
        format!("{} ", app.texts.weekday(s.start.weekday()))
    } else {
        String::new()
    };
    // A pinned session that breaks a rule says which, before the name.
    let (mark, why) = match app.data.conflict(s) {
        Some(c) => ("!", format!("{} · ", app.texts.conflict_text(&c.reasons))),
        None if s.pinned => ("◆", String::new()),
        None => (" ", String::new()),
    };
    truncate(
        &format!(
            " {day}{}-{} {} {mark}{why}{}",
            hm(s.start.time()),
            hm(s.end.time()),
            minutes_cell(app, s.minutes()),
            // A badge with steps: its key and the step the session advances.
            match app.data.step_of(s) {
                Some(step) => format!("{} ▸ {}", s.badge, app.texts.session_step(step)),
                None => app.data.name(&s.badge).to_string(),
            },
        ),
        w,
    )
}

fn today_sessions(app: &App, area: Rect, buf: &mut Buffer, y: u16) -> u16 {
    let t = &app.theme;
    if y >= area.height {
        return y;
    }
    let today = app.today();
    let sessions = app.data.sessions_between(today, today);
    let total: u32 = sessions.iter().map(Session::minutes).sum();
    let studied: u32 = app.today_log.iter().map(|e| e.minutes).sum();
    let title = if studied > 0 {
        app.texts
            .today_studied(&app.texts.minutes(total), &app.texts.minutes(studied))
    } else {
        app.texts.today_title(&app.texts.minutes(total))
    };
    section(
        &title,
        Rect::new(area.x, area.y + y, area.width, 1),
        buf,
        t.header,
    );
    let mut y = y + 1;
    // What was logged today comes first, marked done.
    for e in &app.today_log {
        if y >= area.height {
            break;
        }
        let when = match e.start {
            Some(s) => format!(
                "{}-{}",
                hm(s),
                hm(s + chrono::Duration::minutes(i64::from(e.minutes)))
            ),
            None => " ".repeat(11),
        };
        let line = format!(
            " {when} {} ✓{}",
            minutes_cell(app, e.minutes),
            app.data.name(&e.badge)
        );
        put(buf, area, y, &truncate(&line, area.width as usize), t.ok);
        y += 1;
    }
    if sessions.is_empty() {
        let none = if studied > 0 {
            app.texts.nothing_more_today()
        } else {
            app.texts.nothing_today()
        };
        put(buf, area, y, none, t.dim);
        return y + 1;
    }
    for s in sessions {
        let style = match (s.end <= app.now, app.data.conflict(s).is_some()) {
            (true, _) => t.dim,
            (false, true) => t.error,
            (false, false) => t.base,
        };
        let style = style_of(app, s, style);
        put(
            buf,
            area,
            y,
            &session_line(app, s, false, area.width as usize),
            style,
        );
        y += 1;
    }
    y
}

fn week_sessions(app: &App, area: Rect, buf: &mut Buffer, y: u16) -> u16 {
    let today = app.today();
    let start = week_start(today, app.config.ui.week_start.weekday());
    let Some(tomorrow) = today.succ_opt() else {
        return y;
    };
    let end = start + Days::new(6);
    let title = app.texts.rest_of_week();
    days_sessions(
        app,
        area,
        buf,
        y,
        (tomorrow, end),
        title,
        app.texts.nothing_this_week(),
    )
}

/// Next week's sessions, in the rows the screen has left (none when it has fewer than
/// three).
fn next_week_sessions(app: &App, area: Rect, buf: &mut Buffer, y: u16) -> u16 {
    if y + 3 > area.height {
        return y;
    }
    let start = week_start(app.today(), app.config.ui.week_start.weekday()) + Days::new(7);
    let end = start + Days::new(6);
    let (title, none) = (app.texts.next_week(), app.texts.nothing_next_week());
    days_sessions(app, area, buf, y, (start, end), title, none)
}

/// A section of the sessions of the days `from..=to`, titled with their total.
fn days_sessions(
    app: &App,
    area: Rect,
    buf: &mut Buffer,
    y: u16,
    (from, to): (chrono::NaiveDate, chrono::NaiveDate),
    title: &str,
    none: &str,
) -> u16 {
    let t = &app.theme;
    if y >= area.height {
        return y;
    }
    let sessions = app.data.sessions_between(from, to);
    section(
        &format!(
            "{title} · {}",
            app.texts
                .minutes(sessions.iter().map(Session::minutes).sum())
        ),
        Rect::new(area.x, area.y + y, area.width, 1),
        buf,
        t.header,
    );
    let mut y = y + 1;
    if sessions.is_empty() {
        put(buf, area, y, none, t.dim);
        return y + 1;
    }
    for s in sessions {
        if y >= area.height {
            break;
        }
        put(
            buf,
            area,
            y,
            &session_line(app, s, true, area.width as usize),
            style_of(
                app,
                s,
                if app.data.conflict(s).is_some() {
                    t.error
                } else {
                    t.base
                },
            ),
        );
        y += 1;
    }
    y
}

/// The open deals ahead (DESIGN 5): date, name, ready or at risk, and for one at risk the
/// badge and the reason. Nothing, not even a title, without open deals; returns the row
/// after it and a blank one.
fn deals(app: &App, area: Rect, buf: &mut Buffer, y: u16) -> u16 {
    let t = &app.theme;
    let open = app.data.open_deals();
    if open.is_empty() || y >= area.height {
        return y;
    }
    let risky = open.iter().filter(|d| d.at_risk()).count();
    section(
        &format!("{} · {}", app.texts.deals_title(), open.len()),
        Rect::new(area.x, area.y + y, area.width, 1),
        buf,
        if risky == 0 { t.header } else { t.error },
    );
    let mut y = y + 1;
    let w = area.width as usize;
    let today = app.today();
    // One date form for the column: with the year if any date needs it.
    let long = crate::domain::dates::any_in_another_year(open.iter().map(|d| d.deal.by), today);
    for d in open {
        if y >= area.height {
            break;
        }
        let (mark, word, style) = if d.at_risk() {
            ("!", app.texts.deal_at_risk(), t.red)
        } else {
            ("✓", app.texts.deal_ready(), t.ok)
        };
        let tail = format!("  {word}");
        let date = if long {
            app.texts.list_date(d.deal.by, today)
        } else {
            app.texts.short_date(d.deal.by, today)
        };
        let head = format!(" {mark} {date} ");
        let name_w = w.saturating_sub(crate::text::width(&head) + crate::text::width(&tail));
        let line = format!(
            "{head}{}{tail}",
            pad(&truncate(&d.deal.name, name_w), name_w)
        );
        put(buf, area, y, &line, style);
        y += 1;
        // The first reason (two lines at most); `D` lists them all.
        if let Some(r) = d.risks.first() {
            let more = if d.risks.len() > 1 {
                format!(" (+{})", d.risks.len() - 1)
            } else {
                String::new()
            };
            // The badge by its key where its name would crowd out the reason.
            let name = app.data.name(&r.badge);
            let name = if crate::text::width(name) > w / 3 {
                r.badge.as_str()
            } else {
                name
            };
            let text = format!("{}{more}", app.texts.deal_risk(r, name, today));
            for part in crate::text::wrap(&text, w.saturating_sub(3).max(1))
                .iter()
                .take(2)
            {
                if y >= area.height {
                    break;
                }
                put(buf, area, y, &format!("   {part}"), t.dim);
                y += 1;
            }
        }
    }
    y + 1
}

fn at_risk(app: &App, area: Rect, buf: &mut Buffer, y: u16) -> u16 {
    let t = &app.theme;
    if y >= area.height {
        return y;
    }
    let risky: Vec<_> = app.data.at_risk().collect();
    section(
        &format!("{} · {}", app.texts.at_risk(), risky.len()),
        Rect::new(area.x, area.y + y, area.width, 1),
        buf,
        if risky.is_empty() { t.header } else { t.error },
    );
    let mut y = y + 1;
    if risky.is_empty() {
        put(buf, area, y, &format!(" {}", app.texts.all_on_time()), t.ok);
        return y + 1;
    }
    let w = area.width as usize;
    for o in risky {
        if y >= area.height {
            break;
        }
        // The name gives way to the due date; the shortfall and what would save the
        // badge wrap onto as many lines as they need (three at most).
        let due = format!(
            "  {} {}",
            app.texts.due(),
            app.texts.short_date(o.due, app.today())
        );
        let name_w = w.saturating_sub(1 + crate::text::width(&due));
        let line = format!(" {}{due}", truncate(app.data.name(&o.key), name_w));
        put(buf, area, y, &line, t.red);
        y += 1;
        for part in crate::text::wrap(
            &app.texts.risk_text(o, app.today()),
            w.saturating_sub(3).max(1),
        )
        .iter()
        .take(3)
        {
            put(buf, area, y, &format!("   {part}"), t.dim);
            y += 1;
        }
        // The selected fix when it is this badge's, else its first one: the Plan view
        // lists them all.
        let fix = match (app.fixes.selected(), app.fixes.of(&o.key)) {
            (Some((r, f)), _) if r.key == o.key => Some((f, true)),
            (_, Some(r)) => r.fixes.first().map(|f| (f, false)),
            _ => None,
        };
        let text = match (fix, app.fixes.of(&o.key)) {
            (Some((f, selected)), Some(r)) => {
                let line = app
                    .texts
                    .fix_lines(r, o, app.today())
                    .into_iter()
                    .find(|l| l.command.as_deref() == Some(f.command().as_str()));
                line.map(|l| (app.texts.fix_hint(&l.text, r.fixes.len()), selected))
            }
            (None, None) if app.fixes.searching() => {
                Some((app.texts.fixes_searching().to_string(), false))
            }
            _ => None,
        };
        if let Some((text, selected)) = text {
            for part in crate::text::wrap(&text, w.saturating_sub(3).max(1))
                .iter()
                .take(3)
            {
                let style = if selected { t.selected } else { t.accent };
                put(buf, area, y, &format!("   {part}"), style);
                y += 1;
            }
        }
    }
    y
}

fn expiring(app: &App, area: Rect, buf: &mut Buffer, y: u16) -> u16 {
    let t = &app.theme;
    if y >= area.height {
        return y;
    }
    let today = app.today();
    let mut list: Vec<(i64, &crate::planning::BadgeInfo)> = app
        .data
        .badges
        .iter()
        .filter(|b| !b.badge.archived && matches!(b.status, Status::Expiring | Status::Retiring))
        .filter_map(|b| countdown_days(&b.badge, b.status, today).map(|d| (d, b)))
        .filter(|(d, _)| *d < 90)
        .collect();
    list.sort_by_key(|(d, b)| (*d, b.badge.key.clone()));
    section(
        &format!("{} · {}", app.texts.expiring(), list.len()),
        Rect::new(area.x, area.y + y, area.width, 1),
        buf,
        t.header,
    );
    let mut y = y + 1;
    if list.is_empty() {
        put(buf, area, y, app.texts.nothing_expires(), t.dim);
        return lapsed(app, area, buf, y + 1);
    }
    // The words come from the badge's decision, as everywhere else.
    let what = |b: &crate::planning::BadgeInfo| -> String {
        match (b.retirement, &b.badge.replaced_by) {
            (Retirement::LetLapse(_), _) => app.texts.retires_lapse().to_string(),
            (Retirement::Replaced(_), Some(r)) if b.status == Status::Retiring => {
                app.texts.retires_to(r)
            }
            _ => app.texts.expires().to_string(),
        }
    };
    // A name column, then the words in a column beside it when there is room for both.
    // " 25d ! " before the name.
    let lead = 4 + crate::text::width(&app.texts.days_left(0));
    let avail = (area.width as usize).saturating_sub(lead + 1);
    let words_w = list
        .iter()
        .map(|(_, b)| crate::text::width(&what(b)))
        .max()
        .unwrap_or(0);
    let names_w = list
        .iter()
        .map(|(_, b)| crate::text::width(&b.badge.name))
        .max()
        .unwrap_or(0);
    let name_w = names_w.min(avail.saturating_sub(words_w + 2));
    let with_words = name_w >= 20;
    for (days, b) in &list {
        let style = if b.status == Status::Retiring {
            t.accent
        } else {
            t.band(band(*days))
        };
        // A mark that says it at any width.
        let mark = match (b.status, &b.badge.replaced_by) {
            (Status::Retiring, Some(_)) => "→",
            (Status::Retiring, None) => "×",
            _ => "!",
        };
        let days = app.texts.days_left(*days);
        let line = if with_words {
            format!(" {days} {mark} {}  {}", pad(&b.badge.name, name_w), what(b))
        } else {
            format!(" {days} {mark} {}", b.badge.name)
        };
        put(buf, area, y, &line, style);
        y += 1;
    }
    lapsed(app, area, buf, y)
}

/// Badges past their date with nothing planned, so they never vanish without a word: "2
/// expired, 1 retired: renew with r or archive with x (Badges)".
fn lapsed(app: &App, area: Rect, buf: &mut Buffer, y: u16) -> u16 {
    let lapsed = app.data.lapsed();
    if lapsed.is_empty() || y >= area.height {
        return y;
    }
    let expired = lapsed
        .iter()
        .filter(|b| b.status == Status::Expired)
        .count();
    let text = app.texts.lapsed(expired, lapsed.len() - expired);
    let mut y = y;
    for part in crate::text::wrap(&text, (area.width as usize).saturating_sub(1).max(1))
        .iter()
        .take(2)
    {
        put(buf, area, y, &format!(" {part}"), app.theme.dim);
        y += 1;
    }
    y
}

fn week_total(app: &App, area: Rect, buf: &mut Buffer, y: u16) -> u16 {
    let t = &app.theme;
    if y >= area.height {
        return y;
    }
    let today = app.today();
    let start = week_start(today, app.config.ui.week_start.weekday());
    let end = start + Days::new(6);
    let studied: u32 = app
        .data
        .logged_per_day
        .range(start..=end)
        .map(|(_, m)| *m)
        .sum();
    let ahead: u32 = app
        .data
        .sessions_between(today, end)
        .iter()
        .filter(|s| s.start >= app.now)
        .map(Session::minutes)
        .sum();
    section(
        app.texts.this_week(),
        Rect::new(area.x, area.y + y, area.width, 1),
        buf,
        t.header,
    );
    let goal = studied + ahead;
    let w = (area.width as usize).saturating_sub(28).clamp(4, 24);
    put(
        buf,
        area,
        y + 1,
        &format!(
            " {} {}",
            bar(studied, goal.max(1), w),
            app.texts
                .studied_of(&app.texts.minutes(studied), &app.texts.minutes(goal))
        ),
        t.bar_done,
    );
    y + 2
}

/// A duration right-aligned in its column, as wide as the language needs.
pub(super) fn minutes_cell(app: &App, minutes: u32) -> String {
    let m = app.texts.minutes(minutes);
    crate::text::pad_left(&m, app.texts.minutes_cells().max(crate::text::width(&m)))
}
