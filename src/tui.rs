//! The full-screen planner: an Elm-like loop over the same library as the command line.
//! Events become messages for `App::update`, the only place state changes; drawing reads
//! the state. The terminal is restored on quit, Ctrl-C, SIGTERM, SIGHUP and panic.

pub mod action;
pub mod app;
pub mod fixes;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod open;
pub mod popups;
pub mod texts;
pub mod theme;
pub mod view;
pub mod views;
pub mod widgets;

use app::{App, Msg};
use crossterm::event::{self, Event};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

/// How often the loop wakes without input: to notice outside changes to the database
/// within a second and to roll "today" over at midnight.
const TICK: Duration = Duration::from_millis(500);

/// How often the loop looks for the fixes a worker is finding.
const FIXES_POLL: Duration = Duration::from_millis(50);

/// Draws the app into a frame.
pub fn draw(app: &App, frame: &mut ratatui::Frame<'_>) {
    let area = frame.area();
    if let Some(pos) = views::render(app, area, frame.buffer_mut()) {
        frame.set_cursor_position(pos);
    }
}

/// Runs the planner until the user quits or a signal asks to stop.
pub fn run(mut app: App) -> anyhow::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    if std::env::var_os("SUKIMA_PANIC_ON_KEY").is_some() {
        app.panic_key = true;
    }
    // ratatui's panic hook leaves the alternate screen and raw mode, then calls the hook
    // installed before it: this one turns off what ratatui does not know we turned on, so
    // a panic does not leave the shell receiving mouse reports.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(
            std::io::stdout(),
            event::DisableMouseCapture,
            event::DisableBracketedPaste
        );
        previous(info);
    }));
    let mut terminal = ratatui::try_init()
        .map_err(|e| anyhow::anyhow!("cannot start the planner on this terminal: {e}"))?;
    let _ = crossterm::execute!(
        std::io::stdout(),
        event::EnableMouseCapture,
        event::EnableBracketedPaste
    );
    let result = event_loop(&mut app, &mut terminal, &stop);
    let _ = crossterm::execute!(
        std::io::stdout(),
        event::DisableMouseCapture,
        event::DisableBracketedPaste
    );
    ratatui::restore();
    result
}

/// Reads terminal events on their own thread, so the loop below keeps its tick even when
/// the terminal goes away (a closed pty makes crossterm's reader spin on end-of-file).
fn spawn_reader() -> mpsc::Receiver<std::io::Result<Event>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        loop {
            let ev = event::read();
            let failed = ev.is_err();
            if tx.send(ev).is_err() || failed {
                return;
            }
        }
    });
    rx
}

fn event_loop(
    app: &mut App,
    terminal: &mut ratatui::DefaultTerminal,
    stop: &AtomicBool,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    app.update(Msg::Resize(size.width, size.height));
    let events = spawn_reader();
    let mut dirty = true;
    let mut last_tick = Instant::now();
    loop {
        if dirty {
            terminal.draw(|f| draw(app, f))?;
            dirty = false;
        }
        if app.quit || stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        let mut wait = TICK.saturating_sub(last_tick.elapsed());
        if app.fixes.searching() {
            // The fixes show up soon after they are found, not at the next tick.
            wait = wait.min(FIXES_POLL);
        }
        match events.recv_timeout(wait) {
            Ok(ev) => {
                let msg = match ev? {
                    Event::Key(k) => Some(Msg::Key(k)),
                    Event::Mouse(m) => Some(Msg::Mouse(m)),
                    Event::Paste(p) => Some(Msg::Paste(p)),
                    Event::Resize(w, h) => Some(Msg::Resize(w, h)),
                    _ => None,
                };
                if let Some(msg) = msg {
                    app.update(msg);
                    dirty = true;
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => dirty |= app.fixes.poll(),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                anyhow::bail!("the terminal went away")
            }
        }
        if last_tick.elapsed() >= TICK {
            // The terminal is gone (a closed pty): stop rather than spin.
            crossterm::terminal::size()?;
            // Two quiet redraws a second keep the clock and countdowns current; ratatui
            // sends only the cells that changed.
            app.update(Msg::Tick);
            dirty = true;
            last_tick = Instant::now();
        }
    }
}
