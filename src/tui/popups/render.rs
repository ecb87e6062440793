//! Drawing the popups over the current view.

use super::{BadgeForm, Popup};
use crate::text::{pad, truncate, width};
use crate::tui::app::App;
use crate::tui::keymap::Scope;
use crate::tui::texts::ScreenTexts;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

/// A rectangle `w` x `h` centred in `area` (clipped to it).
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Clears `r` for a popup. A wide character just left of it whose second half falls
/// inside would be drawn over the popup's left border (the terminal gives it both
/// cells), so it is replaced by a space.
pub(super) fn clear(r: Rect, buf: &mut Buffer) {
    Clear.render(r, buf);
    if r.x > buf.area.x {
        for y in r.top()..r.bottom().min(buf.area.bottom()) {
            let left = &mut buf[(r.x - 1, y)];
            if width(left.symbol()) > 1 {
                left.set_symbol(" ");
            }
        }
    }
}

/// `text` broken into lines of at most `cells` cells: at spaces where it can, inside a
/// word (Japanese has no spaces) where it must. ratatui's `Wrap` can put a wide character
/// one cell past the width, over a popup's border.
fn wrap(text: &str, cells: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    // Spaces between words on one line are kept as written; a break drops them.
    let mut gap = 0;
    for (i, word) in text.split(' ').enumerate() {
        gap += usize::from(i > 0);
        if word.is_empty() {
            continue;
        }
        let sep = if line.is_empty() { 0 } else { gap };
        gap = 0;
        if width(&line) + sep + width(word) <= cells {
            line.push_str(&" ".repeat(sep));
            line.push_str(word);
            continue;
        }
        if !line.is_empty() && width(word) <= cells {
            lines.push(std::mem::take(&mut line));
            line.push_str(word);
            continue;
        }
        // Too long for a line of its own: fill this line, then break it by characters.
        if !line.is_empty() {
            line.push(' ');
        }
        for c in word.chars() {
            if width(&line) + width(c.encode_utf8(&mut [0; 4])) > cells {
                lines.push(std::mem::take(&mut line).trim_end().to_string());
            }
            line.push(c);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Draws `text` wrapped to `area`'s width, cut at its height; returns the rows used.
fn wrapped(text: &str, style: Style, area: Rect, buf: &mut Buffer) -> u16 {
    let mut y = 0;
    for line in wrap(text, area.width as usize) {
        if y >= area.height {
            break;
        }
        buf.set_stringn(area.x, area.y + y, &line, area.width as usize, style);
        y += 1;
    }
    y
}

pub(super) fn frame(title: &str, theme: &Theme) -> Block<'static> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .title(Span::styled(title.to_string(), theme.title))
        .style(theme.base)
}

/// The focused field of a form at `(x, y)`, `field_w` cells wide: what is typed, scrolled
/// to the cursor, and its problem beside it when there is room. Returns the cursor.
fn focused_field(
    input: &crate::tui::input::LineInput,
    error: Option<&str>,
    (x, y): (u16, u16),
    field_w: usize,
    theme: &Theme,
    buf: &mut Buffer,
) -> Position {
    let (shown, col) = input.visible(field_w.saturating_sub(1));
    buf.set_stringn(x, y, &shown, field_w, theme.selected);
    if let Some(e) = error {
        let used = width(&shown) + 2;
        if used < field_w {
            buf.set_stringn(
                x + used as u16,
                y,
                format!("✗ {e}"),
                field_w - used,
                theme.error,
            );
        }
    }
    Position::new(x + col as u16, y)
}

/// An empty field's hint. A placeholder reads as one without colour too: italic, and in
/// ‹ › when colour is off, so it never looks like a typed value.
fn placeholder(hint: &str, (x, y): (u16, u16), field_w: usize, theme: &Theme, buf: &mut Buffer) {
    let hint = if theme.colour || hint.is_empty() {
        hint.to_string()
    } else {
        format!("‹{hint}›")
    };
    let style = theme.dim.add_modifier(ratatui::style::Modifier::ITALIC);
    buf.set_stringn(x, y, truncate(&hint, field_w), field_w, style);
}

/// One row of a small form ([`small_form`]): its label, what was typed, the hint shown
/// while it is empty, and what is wrong with it.
pub(super) struct FormRow<'a> {
    pub label: &'a str,
    pub input: &'a crate::tui::input::LineInput,
    pub hint: &'a str,
    pub error: Option<&'a str>,
}

/// The small forms of the steps and deals popups: a framed list of labelled fields (the
/// focused one scrolled into view, with the cursor), an error of a field beside it, a
/// form-wide error above the keys when `error` is given, and the keys on the last row.
/// Returns where the text cursor goes.
#[allow(clippy::too_many_arguments)]
pub(super) fn small_form(
    block: Block<'_>,
    rows: &[FormRow<'_>],
    focus: usize,
    error: Option<Option<&str>>,
    keys: &str,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    // The keys' row, and the form-wide error's when the form has one.
    let extra = if error.is_some() { 2 } else { 1 };
    let w = area.width.saturating_sub(2).min(90);
    let h = (rows.len() as u16 + 2 + extra).min(area.height);
    let r = centred(area, w, h);
    clear(r, buf);
    let inner = block.inner(r);
    block.render(r, buf);
    if inner.height < 1 + extra || inner.width < 20 {
        return None;
    }
    let label_w = 12usize;
    let field_w = (inner.width as usize).saturating_sub(label_w + 1);
    let shown_rows = (inner.height - extra) as usize;
    let first = focus.saturating_sub(shown_rows.saturating_sub(1));
    let mut cursor = None;
    for (i, row) in rows.iter().enumerate().skip(first).take(shown_rows) {
        let y = inner.y + (i - first) as u16;
        let focused = i == focus;
        let label_style = if focused { theme.key } else { theme.header };
        buf.set_stringn(inner.x, y, pad(row.label, label_w), label_w, label_style);
        let x = inner.x + label_w as u16 + 1;
        let text = row.input.text();
        if focused {
            cursor = Some(focused_field(
                row.input,
                row.error,
                (x, y),
                field_w,
                theme,
                buf,
            ));
        } else if let Some(e) = row.error {
            let shown = format!("{text}  ✗ {e}");
            buf.set_stringn(
                x,
                y,
                truncate(shown.trim_start(), field_w),
                field_w,
                theme.error,
            );
        } else if text.is_empty() {
            placeholder(row.hint, (x, y), field_w, theme, buf);
        } else {
            buf.set_stringn(x, y, truncate(&text, field_w), field_w, theme.base);
        }
    }
    let cells = inner.width as usize;
    let bottom = inner.y + inner.height - 1;
    if let Some(Some(e)) = error {
        buf.set_stringn(
            inner.x,
            bottom - 1,
            truncate(&format!("✗ {e}"), cells),
            cells,
            theme.error,
        );
    }
    buf.set_stringn(inner.x, bottom, truncate(keys, cells), cells, theme.dim);
    cursor
}

/// Draws the open popup; returns where the text cursor goes, if anywhere.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let theme = &app.theme;
    match app.popup.as_ref()? {
        Popup::Help { scroll } => {
            help(app, area, buf, *scroll);
            None
        }
        Popup::Confirm { text, .. } => {
            let w = (width(text) as u16 + 6).clamp(30, area.width.saturating_sub(2));
            let r = centred(area, w, 5);
            clear(r, buf);
            let block = frame(app.texts.confirm_title(), theme);
            let inner = block.inner(r);
            block.render(r, buf);
            let used = wrapped(text, theme.base, inner, buf);
            let keys = Rect::new(
                inner.x,
                inner.y + used.min(inner.height),
                inner.width,
                inner.height.saturating_sub(used),
            );
            wrapped(app.texts.confirm_keys(), theme.dim, keys, buf);
            None
        }
        Popup::QuickAdd(q) => {
            let w = area.width.saturating_sub(4).min(110);
            let r = Rect::new(
                area.x + (area.width - w) / 2,
                area.y + area.height.saturating_sub(6) / 2,
                w,
                5.min(area.height),
            );
            let pos = line_popup(
                app.texts.quick_add_title(),
                &q.input,
                q.preview.as_ref(),
                app.texts.quick_add_empty(),
                theme,
                r,
                buf,
            );
            if let (Some(span), Some(p)) = (&q.error_span, pos) {
                underline(&q.input, span, r, p, theme, buf);
            }
            pos
        }
        Popup::Prompt(p) => {
            let w = area.width.saturating_sub(4).min(110);
            let r = centred(area, w, 5);
            line_popup(&p.title, &p.input, p.preview.as_ref(), "", theme, r, buf)
        }
        Popup::Filter(_) => None, // drawn by the Badges view in its title row
        Popup::Report {
            title,
            lines,
            scroll,
        } => {
            // As wide as the longest line (the screen allows), long lines wrapped under
            // themselves, so a note is read whole at any size.
            let longest = lines
                .iter()
                .map(|l| crate::text::width(l))
                .max()
                .unwrap_or(0);
            let w = u16::try_from(longest + 2)
                .unwrap_or(u16::MAX)
                .clamp(40, area.width.saturating_sub(4).max(1));
            let cells = usize::from(w.saturating_sub(2)).max(1);
            let mut rows: Vec<(String, bool)> = Vec::new();
            for (i, line) in lines.iter().enumerate() {
                let indent = line.len() - line.trim_start().len() + 2;
                for (k, part) in
                    crate::text::wrap(line.trim_start(), cells.saturating_sub(indent).max(1))
                        .into_iter()
                        .enumerate()
                {
                    let lead = if k == 0 { indent - 2 } else { indent };
                    rows.push((format!("{}{part}", " ".repeat(lead)), i == 0));
                }
            }
            let h = (rows.len() as u16 + 2).clamp(3, area.height.saturating_sub(2));
            let r = centred(area, w, h);
            Clear.render(r, buf);
            let block = frame(title, theme);
            let inner = block.inner(r);
            block.render(r, buf);
            for (i, (line, first)) in rows.iter().skip(*scroll).enumerate() {
                let y = inner.y + i as u16;
                if y >= inner.bottom() {
                    break;
                }
                let style = if *first { theme.title } else { theme.base };
                let cells = inner.width as usize;
                buf.set_stringn(inner.x, y, truncate(line, cells), cells, style);
            }
            None
        }
        Popup::BadgeForm(f) => form(f, app.texts, theme, area, buf),
        Popup::Steps(p) => {
            let b = app.data.badge(&p.key)?;
            super::steps::render(
                p,
                &b.badge.name,
                &b.steps,
                b.journey.as_ref(),
                b.badge.cycle_start(),
                &app.config.journey.estimates(),
                app.texts,
                theme,
                area,
                buf,
            )
        }
        Popup::Deals(p) => {
            let deals: Vec<&crate::domain::deal::DealStatus> = app.data.deals.iter().collect();
            let name = |k: &str| app.data.name(k).to_string();
            super::deals::render(p, &deals, &name, app.today(), app.texts, theme, area, buf)
        }
        Popup::Session(s) => {
            session(app, s, area, buf);
            None
        }
    }
}

/// A session's details: its badge, when, planned or pinned, the step it advances, why it
/// is there, and the keys that act on it.
fn session(app: &App, s: &crate::domain::plan::Session, area: Rect, buf: &mut Buffer) {
    let t = app.texts;
    let theme = &app.theme;
    let overdue = app.is_overdue(s);
    let mut lines: Vec<(String, Style)> = vec![
        (
            format!("{}  #{}", app.data.name(&s.badge), s.badge),
            theme.title,
        ),
        (
            format!(
                "{} · {} · {}",
                t.session_when(s.start, s.end),
                t.minutes(s.minutes()),
                t.session_kind(s.pinned, overdue)
            ),
            theme.base,
        ),
    ];
    if app.data.conflict(s).is_some() {
        lines.push((t.session_conflict().to_string(), theme.error));
    }
    // The step the session advances (its badge's journey), or that it has none.
    let step = app.data.step_of(s).map(|st| t.session_step(st));
    lines.push((t.session_step_line(step.as_deref()), theme.dim));
    if let Some(o) = app.data.outcome(&s.badge) {
        lines.push((
            t.session_why(
                &t.date(o.due, app.today()),
                &t.minutes(o.remaining),
                &t.minutes(o.planned_before_due),
            ),
            theme.base,
        ));
        if o.at_risk {
            lines.push((t.risk_text(o, app.today()), theme.red));
        }
    }
    let keys: Vec<String> = [
        crate::tui::action::Action::Done,
        crate::tui::action::Action::Skip,
        crate::tui::action::Action::Move,
        crate::tui::action::Action::Pin,
        crate::tui::action::Action::Open,
    ]
    .into_iter()
    .filter_map(|a| {
        let k = app.keymap.keys_for(app.view, a).first().copied()?;
        let label = match a {
            crate::tui::action::Action::Pin => t.pin_hint(s.pinned),
            crate::tui::action::Action::Done if overdue => t.overdue_hints().0,
            crate::tui::action::Action::Skip if overdue => t.overdue_hints().1,
            _ => t.action_hint(a),
        };
        Some(format!("{k} {label}"))
    })
    .chain(std::iter::once(format!("Esc {}", t.close_word())))
    .collect();
    let w = area.width.saturating_sub(4).min(90);
    let cells = usize::from(w.saturating_sub(2)).max(1);
    let mut rows: Vec<(String, Style)> = Vec::new();
    for (text, style) in lines {
        for part in wrap(&text, cells) {
            rows.push((part, style));
        }
    }
    rows.push((String::new(), theme.base));
    for part in wrap(&keys.join("  "), cells) {
        rows.push((part, theme.key));
    }
    let h = (rows.len() as u16 + 2).min(area.height);
    let r = centred(area, w, h);
    clear(r, buf);
    let block = frame(t.session_title(), theme);
    let inner = block.inner(r);
    block.render(r, buf);
    for (i, (text, style)) in rows.iter().enumerate() {
        let y = inner.y + i as u16;
        if y >= inner.bottom() {
            break;
        }
        buf.set_stringn(inner.x, y, text, inner.width as usize, *style);
    }
}

/// Underlines, in the error style, the cells of the input that the error is about.
fn underline(
    input: &crate::tui::input::LineInput,
    span: &std::ops::Range<usize>,
    r: Rect,
    cursor: Position,
    theme: &Theme,
    buf: &mut Buffer,
) {
    let inner_x = r.x + 1 + 2;
    let field = (r.width as usize).saturating_sub(4);
    let (start, _, _) = input.window(field);
    let offset = crate::text::width(&input.text().chars().take(start).collect::<String>());
    let cells = input.span_cells(span);
    let style = theme
        .error
        .add_modifier(ratatui::style::Modifier::UNDERLINED);
    for c in cells {
        if c < offset || c - offset >= field {
            continue;
        }
        let x = inner_x + (c - offset) as u16;
        if x < r.right().saturating_sub(1) {
            buf[(x, cursor.y)].set_style(style);
        }
    }
}

/// A titled box with an input line and a preview line under it.
fn line_popup(
    title: &str,
    input: &crate::tui::input::LineInput,
    preview: Option<&Result<String, String>>,
    placeholder: &str,
    theme: &Theme,
    r: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    clear(r, buf);
    let title = truncate(title, r.width.saturating_sub(2) as usize);
    let block = frame(&title, theme);
    let inner = block.inner(r);
    block.render(r, buf);
    if inner.height == 0 || inner.width < 3 {
        return None;
    }
    let field = inner.width as usize - 2;
    let (shown, col) = input.visible(field);
    buf.set_string(inner.x, inner.y, "›", theme.key);
    if input.text().is_empty() && !placeholder.is_empty() {
        buf.set_stringn(
            inner.x + 2,
            inner.y,
            truncate(placeholder, field),
            field,
            theme.dim,
        );
    } else {
        buf.set_stringn(inner.x + 2, inner.y, &shown, field, theme.base);
    }
    if inner.height >= 3 {
        let (text, style) = match preview {
            Some(Ok(p)) => (format!("✓ {p}"), theme.ok),
            Some(Err(e)) => (format!("✗ {e}"), theme.error),
            None => (String::new(), theme.dim),
        };
        wrapped(
            &text,
            style,
            Rect::new(inner.x, inner.y + 1, inner.width, inner.height - 1),
            buf,
        );
    }
    Some(Position::new(inner.x + 2 + col as u16, inner.y))
}

/// The help overlay's lines: every binding in effect, then the quick-add grammar.
fn help_lines(app: &App) -> Vec<Line<'static>> {
    let area = app.size;
    let theme = &app.theme;
    let mut lines: Vec<Line> = Vec::new();
    for (scope, entries) in app.keymap.help() {
        let title = match scope {
            Scope::Global => app.texts.help_everywhere().to_string(),
            Scope::In(v) => app.texts.view_title(v).to_string(),
            Scope::Popup => app.texts.help_popups().to_string(),
        };
        lines.push(Line::from(Span::styled(title, theme.title)));
        for (keys, action) in entries {
            let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", pad(&keys.join(" "), 14)), theme.key),
                Span::raw(app.texts.action_help(action)),
                // The configuration name, when there is room for it.
                Span::styled(
                    if area.width >= 100 {
                        format!("  ({})", action.name())
                    } else {
                        String::new()
                    },
                    theme.dim,
                ),
            ]));
        }
        lines.push(Line::default());
    }
    lines.push(Line::from(Span::styled(
        app.texts.help_quick_add(),
        theme.title,
    )));
    // The descriptions in a column; an example too long for it pushes its own along.
    for (example, what) in app.texts.quick_add_help() {
        let example = if width(example) <= 26 {
            pad(example, 27)
        } else {
            format!("{example}   ")
        };
        lines.push(Line::from(format!("  {example}{what}")));
    }
    lines
}

fn help(app: &App, area: Rect, buf: &mut Buffer, scroll: u16) {
    let r = crate::tui::layout::help_rect(area);
    clear(r, buf);
    let block = frame(app.texts.help_title(), &app.theme);
    Paragraph::new(help_lines(app))
        .block(block)
        .scroll((
            scroll.min(crate::tui::layout::help_max_scroll(
                crate::tui::popups::help_line_count(&app.keymap, app.texts),
                area,
            )),
            0,
        ))
        .render(r, buf);
}

fn form(
    f: &BadgeForm,
    texts: &dyn ScreenTexts,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    let title = if f.original.is_some() {
        texts.form_edit_title()
    } else {
        texts.form_new_title()
    };
    let w = area.width.saturating_sub(2).min(100);
    // Two rows at the bottom for the keys, or a message wrapped whole.
    let h = (f.fields.len() as u16 + 5).min(area.height);
    let r = centred(area, w, h);
    clear(r, buf);
    let block = frame(title, theme);
    let inner = block.inner(r);
    block.render(r, buf);
    if inner.height < 3 || inner.width < 20 {
        return None;
    }
    let label_w = 12usize;
    let field_w = (inner.width as usize).saturating_sub(label_w + 1);
    // Keep the focused field visible when the form is taller than the screen.
    let rows = inner.height as usize - 2;
    let first = f.focus.saturating_sub(rows.saturating_sub(1));
    let mut cursor = None;
    for (i, field) in f.fields.iter().enumerate().skip(first).take(rows) {
        let y = inner.y + (i - first) as u16;
        let focused = i == f.focus;
        let label_style = if focused { theme.key } else { theme.header };
        buf.set_stringn(inner.x, y, pad(field.label, label_w), label_w, label_style);
        let x = inner.x + label_w as u16 + 1;
        let text = field.input.text();
        match (&field.error, text.is_empty()) {
            (Some(e), _) if !focused || text.is_empty() => {
                let shown = if text.is_empty() {
                    format!("✗ {e}")
                } else {
                    format!("{text}  ✗ {e}")
                };
                buf.set_stringn(x, y, truncate(&shown, field_w), field_w, theme.error);
            }
            _ if focused => {
                let error = field.error.as_deref();
                cursor = Some(focused_field(
                    &field.input,
                    error,
                    (x, y),
                    field_w,
                    theme,
                    buf,
                ));
            }
            (None, true) => {
                placeholder(field.hint, (x, y), field_w, theme, buf);
            }
            _ => {
                buf.set_stringn(x, y, truncate(&text, field_w), field_w, theme.base);
            }
        }
    }
    // The bottom rows: a question, a problem, the focused field's error (wrapped whole:
    // the row beside the field cuts it), or the keys.
    let focused_error = f
        .fields
        .get(f.focus)
        .and_then(|x| x.error.as_ref().map(|e| format!("✗ {}: {e}", x.label)));
    let (msg, style): (String, Style) = match (&f.discard, &f.message, focused_error) {
        (Some(_), _, _) => (texts.discard_form().to_string(), theme.error),
        (None, Some(m), _) => (format!("✗ {m}"), theme.error),
        (None, None, Some(e)) => (e, theme.error),
        (None, None, None) => (texts.form_keys().to_string(), theme.dim),
    };
    let bottom = Rect::new(inner.x, inner.y + inner.height - 2, inner.width, 2);
    wrapped(&msg, style, bottom, buf);
    cursor
}
