//! The planner's state and `App::update`, the only place it changes. Keys go to the open
//! popup first, else through the key map to an [`Action`]. Every change is written to the
//! store in one transaction (through `crate::changes`), then everything is reloaded and
//! re-planned; rendering only reads what is here.

use super::action::Action;
use super::keymap::{Key, KeyMap};
use super::popups::Popup;
use super::texts::ScreenTexts;
use super::theme::Theme;
use super::view::View;
use crate::config::Config;
use crate::planning::Overview;
use crate::store::Store;
use chrono::{NaiveDate, NaiveDateTime, Timelike};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, MouseEvent};
use ratatui::layout::Rect;

mod act;
mod deals;
mod fetch;
mod fixes;
mod journey;
pub mod log;
mod mouse;
mod popup;
mod rows;
mod session;

/// An input to `update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Paste(String),
    Resize(u16, u16),
    /// The slow tick: rolls "today" over and notices outside changes.
    Tick,
    /// An action, as if its key had been pressed.
    Action(Action),
}

/// A message on the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLine {
    pub text: String,
    pub error: bool,
}

/// Columns the Badges table sorts by, cycled with `s`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Urgency,
    Name,
    Issuer,
    Expiry,
    Progress,
}

impl SortBy {
    fn next(self) -> SortBy {
        match self {
            SortBy::Urgency => SortBy::Name,
            SortBy::Name => SortBy::Issuer,
            SortBy::Issuer => SortBy::Expiry,
            SortBy::Expiry => SortBy::Progress,
            SortBy::Progress => SortBy::Urgency,
        }
    }
}

/// The Badges view.
#[derive(Debug, Clone)]
pub struct BadgesState {
    /// Indices into `data.badges`, filtered and sorted.
    pub rows: Vec<usize>,
    pub selected: usize,
    pub sort: SortBy,
    pub filter: String,
    pub show_archived: bool,
    pub detail: bool,
    /// The sort order reversed (`S`).
    pub reverse: bool,
}

/// The Calendar view.
#[derive(Debug, Clone)]
pub struct CalendarState {
    pub selected: NaiveDate,
    pub timeline_scroll: usize,
    /// Log entries of the selected day's month, for the day's details.
    pub logs: Vec<crate::domain::log::LogEntry>,
    /// The month `logs` holds (its first day).
    pub logs_month: Option<NaiveDate>,
}

/// Selections of the list views.
#[derive(Debug, Clone, Default)]
pub struct ListState {
    pub selected: usize,
}

/// The whole state of the planner.
pub struct App {
    pub store: Store,
    /// The words of the interface, in the configured language.
    pub texts: &'static dyn ScreenTexts,
    pub config: Config,
    /// Where the clock comes from: `None` when it is frozen (`--now`, tests).
    clock: Option<Box<dyn Fn() -> NaiveDateTime>>,
    pub now: NaiveDateTime,
    /// The fixes of the badges at risk, found off the key path.
    pub fixes: super::fixes::FixState,
    /// The config file a daily-cap fix writes (`None`: the platform's).
    pub config_path: Option<std::path::PathBuf>,
    /// On the demo data a daily-cap fix changes the settings in memory only.
    pub demo: bool,
    /// The last daily-cap fix, while `u` can still take it back.
    config_undo: Option<fixes::ConfigUndo>,
    /// The last daily-cap fix taken back, while `U` can still apply it again.
    config_redo: Option<fixes::ConfigRedo>,
    /// The sessions one can act on (pins to answer, then the plan's ahead), for Today.
    pub sessions: Vec<crate::domain::plan::Session>,
    /// Today's selection among `sessions`.
    pub today: ListState,
    /// Today's log entries, shown in Today.
    pub today_log: Vec<crate::domain::log::LogEntry>,
    /// The Log view.
    pub log: log::LogState,
    pub data: Overview,
    pub keymap: KeyMap,
    pub theme: Theme,
    pub cal_styles: crate::tui::widgets::CalendarStyles,
    pub view: View,
    pub badges: BadgesState,
    pub plan: ListState,
    pub calendar: CalendarState,
    pub spare: ListState,
    pub popup: Option<Popup>,
    pub status: Option<StatusLine>,
    /// Quick-add lines entered, oldest first.
    pub history: Vec<String>,
    pub quit: bool,
    /// The terminal size, for mouse hit-testing.
    pub size: Rect,
    /// F12 panics on purpose (`SUKIMA_PANIC_ON_KEY`), to test that the terminal is restored.
    pub panic_key: bool,
    /// The browser command for `o` (`$BROWSER` when the app was built); `None` uses the
    /// system's opener.
    pub browser: Option<String>,
    data_version: i64,
    /// What the last reload read from the store, kept for the next one: a write makes it
    /// read again only what depends on the tables it changed.
    reads: crate::planning::Reads,
    /// A Credly profile being fetched on its own thread; imported on the tick after its
    /// pages arrive.
    fetching: Option<(String, std::sync::mpsc::Receiver<fetch::Fetched>)>,
}

impl App {
    /// A planner over `store`. `fixed_now` freezes the clock (tests, `--now`). The
    /// language is the configuration's (`auto` resolved by the caller; left as it is, it
    /// reads as English).
    pub fn new(
        store: Store,
        config: Config,
        fixed_now: Option<NaiveDateTime>,
        no_color: bool,
    ) -> anyhow::Result<App> {
        let texts = crate::tui::texts::for_language(config.ui.language);
        // The one clock (DESIGN 7): now in `[ui] timezone` when it is set.
        let now = fixed_now.unwrap_or_else(|| config.now());
        let zone = config.timezone();
        let clock: Option<Box<dyn Fn() -> NaiveDateTime>> = match fixed_now {
            Some(_) => None,
            None => Some(Box::new(move || crate::config::now_in(zone))),
        };
        let keymap = KeyMap::with_user(&config.ui.keys).map_err(anyhow::Error::msg)?;
        let theme = Theme::new(config.ui.theme, no_color);
        let cal_styles = match (no_color, config.ui.theme) {
            (true, _) => crate::tui::widgets::CalendarStyles::plain(),
            (false, crate::config::Theme::Dark) => crate::tui::widgets::CalendarStyles::dark(),
            (false, crate::config::Theme::Light) => crate::tui::widgets::CalendarStyles::light(),
        };
        let data_version = store.data_version()?;
        let mut reads = crate::planning::Reads::default();
        store.take_changed();
        let data = Overview::load_keeping(store.conn(), &config, now, &mut reads)?;
        let mut app = App {
            store,
            texts,
            config,
            clock,
            now,
            fixes: super::fixes::FixState::default(),
            config_path: None,
            demo: false,
            config_undo: None,
            config_redo: None,
            sessions: Vec::new(),
            today: ListState::default(),
            today_log: Vec::new(),
            log: log::LogState::default(),
            data,
            keymap,
            theme,
            cal_styles,
            view: View::Today,
            badges: BadgesState {
                rows: Vec::new(),
                selected: 0,
                sort: SortBy::Urgency,
                filter: String::new(),
                show_archived: false,
                detail: true,
                reverse: false,
            },
            plan: ListState::default(),
            calendar: CalendarState {
                selected: now.date(),
                timeline_scroll: 0,
                logs: Vec::new(),
                logs_month: None,
            },
            spare: ListState::default(),
            popup: None,
            status: None,
            history: Vec::new(),
            quit: false,
            size: Rect::new(0, 0, 120, 40),
            panic_key: false,
            browser: std::env::var("BROWSER")
                .ok()
                .filter(|b| !b.trim().is_empty()),
            data_version,
            reads,
            fetching: None,
        };
        app.refresh_rows();
        app.fixes.start(&app.data);
        Ok(app)
    }

    /// Runs the app on `clock` instead of the system's (tests: a clock that advances).
    pub fn set_clock(&mut self, clock: Box<dyn Fn() -> NaiveDateTime>) {
        self.clock = Some(clock);
    }

    /// Today by the app's clock.
    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    /// Handles one input. Never panics on user input; failures become a status message.
    pub fn update(&mut self, msg: Msg) {
        self.fixes.poll();
        match msg {
            Msg::Key(key) => {
                if key.kind == KeyEventKind::Release {
                    return;
                }
                assert!(
                    !(self.panic_key && key.code == KeyCode::F(12)),
                    "panic requested with F12 (SUKIMA_PANIC_ON_KEY)"
                );
                let ctrl_c = key.code == KeyCode::Char('c')
                    && key
                        .modifiers
                        .contains(crossterm::event::KeyModifiers::CONTROL);
                if super::layout::too_small(self.size) {
                    // Only the notice is on screen: nothing may act unseen but quitting.
                    let quit = self.keymap.action(self.view, Key::of(&key)) == Some(Action::Quit);
                    self.quit |= ctrl_c || (quit && self.popup.is_none());
                } else if self.popup.is_some() {
                    self.popup_key(key);
                } else {
                    self.status = None;
                    if let Some(action) = self.keymap.action(self.view, Key::of(&key)) {
                        self.act(action);
                    }
                }
            }
            Msg::Paste(text) => {
                if let Some(input) = self.popup.as_mut().and_then(Popup::input_mut) {
                    input.paste(&text);
                    self.popup_changed();
                }
            }
            Msg::Mouse(_) if super::layout::too_small(self.size) => {}
            Msg::Mouse(m) => self.mouse(m),
            Msg::Resize(w, h) => self.size = Rect::new(0, 0, w, h),
            Msg::Tick => self.tick(),
            Msg::Action(a) => self.act(a),
        }
    }

    fn say(&mut self, text: impl Into<String>) {
        self.status = Some(StatusLine {
            text: text.into(),
            error: false,
        });
    }

    fn fail(&mut self, e: impl std::fmt::Display) {
        self.status = Some(StatusLine {
            text: e.to_string().replace('\n', " "),
            error: true,
        });
    }

    /// Reloads everything from the store and re-plans.
    pub fn reload(&mut self) {
        // The selection follows its badge, which a change may move in the order.
        let selected = self.selected_badge().map(|b| b.badge.key.clone());
        // Read again what this connection's writes changed; everything, when another
        // process has written since the last reload (SQLite's data version moved). The
        // version is read first: a write landing during the load is seen next time.
        let version = self.store.data_version().ok();
        let changed = self.store.take_changed();
        let outside = version != Some(self.data_version);
        self.reads.forget(if outside {
            crate::store::Tables::ALL
        } else {
            changed
        });
        match Overview::load_keeping(self.store.conn(), &self.config, self.now, &mut self.reads) {
            Ok(d) => self.data = d,
            Err(e) => {
                self.reads = Default::default();
                self.fail(e);
            }
        }
        if let Some(v) = version {
            self.data_version = v;
        }
        self.fixes.start(&self.data);
        self.log.loaded = false;
        self.refresh_rows();
        if self.view == View::Log {
            self.load_log();
        }
        if let Some(key) = selected
            && let Some(row) = self
                .badges
                .rows
                .iter()
                .position(|&i| self.data.badges[i].badge.key == key)
        {
            self.badges.selected = row;
        }
    }

    /// After a write: reload, and report the outcome.
    fn after(&mut self, result: anyhow::Result<String>) -> bool {
        match result {
            Ok(msg) => {
                self.reload();
                self.say(msg);
                true
            }
            Err(e) => {
                self.fail(self.texts.error(&e));
                false
            }
        }
    }

    /// The slow tick: the clock moves on (a new minute re-plans from now, so the planner
    /// always shows what `sukima plan` would at the same moment), and changes made by
    /// another sukima are picked up.
    fn tick(&mut self) {
        self.poll_fetch();
        if let Some(clock) = &self.clock {
            let now = clock();
            let minute = |t: NaiveDateTime| (t.date(), t.hour(), t.minute());
            let moved = minute(now) != minute(self.now);
            let rolled = now.date() != self.now.date();
            self.now = now;
            if rolled && self.calendar.selected == now.date().pred_opt().unwrap_or(now.date()) {
                self.calendar.selected = now.date();
            }
            if moved {
                // A write by another process may land with the new minute: still said.
                let outside = self.store.data_version().ok() != Some(self.data_version);
                self.reload();
                if outside {
                    self.say(self.texts.outside_change());
                }
                return;
            }
        }
        if let Ok(v) = self.store.data_version()
            && v != self.data_version
        {
            self.reload();
            self.say(self.texts.outside_change());
        }
    }

    /// Rows in the Spare time list: windows, then calendar imports (and skipped time).
    pub fn spare_len(&self) -> usize {
        self.data.windows.len() + self.data.busy_sources.len()
    }

    /// The calendar import selected in the Spare time list, if the selection is on one.
    pub fn selected_busy_source(&self) -> Option<&(String, u32, String, String)> {
        self.spare
            .selected
            .checked_sub(self.data.windows.len())
            .and_then(|i| self.data.busy_sources.get(i))
    }

    /// The badge selected in the Badges view.
    pub fn selected_badge(&self) -> Option<&crate::planning::BadgeInfo> {
        self.badges
            .rows
            .get(self.badges.selected)
            .and_then(|&i| self.data.badges.get(i))
    }
}
