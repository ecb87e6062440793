//! The full-screen planner: update tests (keys in, state and database out), render
//! snapshots of every view and popup, sizes from 0x0 up, and the real binary in tmux.
//!
//! Every test fixes the clock at [`NOW`] and draws without colour.

mod act;
mod deals;
mod e2e;
mod journey;
mod render;
mod resize;
mod update;

use chrono::NaiveDateTime;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use sukima::config::Config;
use sukima::tui::app::{App, Msg};
use unicode_width::UnicodeWidthStr;

/// Thursday morning, a fixed "now" for every TUI test.
pub const NOW: &str = "2026-11-26T08:00";

pub fn now() -> NaiveDateTime {
    sukima::commands::parse_now(NOW).unwrap()
}

/// The planner over the in-memory demo data, colourless, at [`NOW`].
pub fn demo_app() -> App {
    app_with(Config::default())
}

/// The planner over the demo data with `[ui] language = "ja"` (this thread speaks
/// Japanese from here on).
pub fn ja_app() -> App {
    let mut config = Config::default();
    config.ui.language = sukima::config::Language::Ja;
    app_with(config)
}

pub fn app_with(config: Config) -> App {
    let store = sukima::commands::demo_store(now().date()).unwrap();
    let mut app = App::new(store, config, Some(now()), true).unwrap();
    // What is drawn must not race the worker that finds fixes.
    app.fixes.sync = true;
    app.fixes.wait();
    app.update(Msg::Resize(120, 40));
    app
}

pub fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ch(c: char) -> Msg {
    let m = if c.is_ascii_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    Msg::Key(KeyEvent::new(KeyCode::Char(c), m))
}

pub fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// Presses the keys of a string, one `Msg::Key` per character.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(ch(c));
    }
}

pub fn press(app: &mut App, msgs: impl IntoIterator<Item = Msg>) {
    for m in msgs {
        app.update(m);
    }
}

pub fn click(col: u16, row: u16) -> Msg {
    Msg::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: col,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

/// Draws the app into a `w` x `h` buffer, as `tui::draw` does into a frame. The frame's
/// buffer, not what a terminal shows after the diff: text hidden under a wide character
/// (which the diff never sends) stays visible to [`layout_problems`].
pub fn draw(app: &App, w: u16, h: u16) -> Buffer {
    let area = ratatui::layout::Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    sukima::tui::views::render(app, area, &mut buf);
    buf
}

/// Draws through a real `Terminal` on a `TestBackend` (what the event loop does).
pub fn draw_on_terminal(app: &App, w: u16, h: u16) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| sukima::tui::draw(app, f)).unwrap();
    term.backend().buffer().clone()
}

/// The buffer as text, one line per row, wide characters once (their shadow cell
/// skipped), trailing spaces dropped.
pub fn text(buf: &Buffer) -> String {
    rows(buf)
        .iter()
        .map(|r| r.trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each row as a terminal would show it: exactly `width` cells.
pub fn rows(buf: &Buffer) -> Vec<String> {
    let a = buf.area;
    let mut out = Vec::new();
    for y in a.top()..a.bottom() {
        let mut line = String::new();
        let mut skip = 0usize;
        for x in a.left()..a.right() {
            let sym = buf[(x, y)].symbol();
            if skip == 0 {
                line.push_str(sym);
            }
            skip = skip.max(sym.width()).saturating_sub(1);
        }
        out.push(line);
    }
    out
}

/// Problems a user would see: a wide character that hangs over the right edge, a cell
/// hidden under a wide character that holds something (the text written there is lost,
/// or half a character was overwritten), a row that does not take exactly the width.
pub fn layout_problems(buf: &Buffer) -> Vec<String> {
    let a = buf.area;
    let mut out = Vec::new();
    for y in a.top()..a.bottom() {
        let mut x = a.left();
        while x < a.right() {
            let sym = buf[(x, y)].symbol();
            let w = sym.width().max(1) as u16;
            if x + w > a.right() {
                out.push(format!(
                    "row {y}: {sym:?} at column {x} hangs over the edge"
                ));
            }
            for dx in 1..w {
                if x + dx < a.right() {
                    let hidden = buf[(x + dx, y)].symbol();
                    if hidden != " " && !hidden.is_empty() {
                        out.push(format!(
                            "row {y}: {hidden:?} at column {} is hidden under {sym:?}",
                            x + dx
                        ));
                    }
                }
            }
            x += w;
        }
    }
    for (y, r) in rows(buf).iter().enumerate() {
        if r.width() != a.width as usize {
            out.push(format!("row {y} is {} cells wide: {r:?}", r.width()));
        }
    }
    out
}

/// Draws and asserts the screen has no layout problems; returns its text.
pub fn screen(app: &App, w: u16, h: u16) -> String {
    let buf = draw(app, w, h);
    let problems = layout_problems(&buf);
    assert!(
        problems.is_empty(),
        "{w}x{h}:\n{}\n{}",
        problems.join("\n"),
        text(&buf)
    );
    text(&buf)
}

/// Everything in the database, as the JSON backup writes it.
pub fn db_state(app: &App) -> String {
    let data = sukima::changes::load_all(app.store.conn()).unwrap();
    sukima::io::backup::to_json(&data)
}
