//! The planner's state and `App::update`, the only place it changes. Keys go to the open
//! popup first, else through the key map to an [`Action`]. Every change is written to the
//! store in one transaction (through `crate::actions`), then everything is reloaded and
//! re-planned; rendering only reads what is here.

use super::action::Action;
use super::input::{Edit, LineInput};
use super::keymap::{Key, KeyMap};
use super::layout;
use super::popups::{BadgeForm, Confirmed, Popup, Prompt, PromptPurpose, QuickAdd};
use super::strings;
use super::theme::Theme;
use super::view::View;
use crate::actions;
use crate::config::Config;
use crate::domain::quick_add;
use crate::net::credly::Pages;
use crate::planning::Overview;
use crate::store::Store;
use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, Timelike};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use std::sync::mpsc::{Receiver, TryRecvError};
use unicode_normalization::UnicodeNormalization;

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

/// What the thread that fetches a Credly profile sends back: its pages and the import's
/// name, or why they could not be had.
type Fetched = anyhow::Result<(Pages, String)>;

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

    /// The name shown in the table's title.
    pub fn label(self) -> &'static str {
        strings::sort_name(self)
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
    config_undo: Option<ConfigUndo>,
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
    data_version: i64,
    /// A Credly profile being fetched on its own thread; imported on the tick after its
    /// pages arrive.
    fetching: Option<(String, Receiver<Fetched>)>,
}

/// What a daily-cap fix changed, to undo it: the config as it was, the file's text as it
/// was (`None`: there was no file; only for a fix written to a file), and the undo
/// journal's last entry then (a database change after it comes first for `u`).
struct ConfigUndo {
    config: Config,
    file: Option<(std::path::PathBuf, Option<String>)>,
    journal_top: Option<i64>,
}

impl App {
    /// A planner over `store`. `fixed_now` freezes the clock (tests, `--now`). Sets the
    /// interface language of this thread from the configuration: update and draw the app
    /// on the thread that built it.
    pub fn new(
        store: Store,
        config: Config,
        fixed_now: Option<NaiveDateTime>,
        no_color: bool,
    ) -> anyhow::Result<App> {
        // Everything the app shows from here on, on this thread, is in this language.
        strings::set_language(config.ui.language);
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
        let data = Overview::load(store.conn(), &config, now)?;
        let data_version = store.data_version()?;
        let mut app = App {
            store,
            config,
            clock,
            now,
            fixes: super::fixes::FixState::default(),
            config_path: None,
            demo: false,
            config_undo: None,
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
            data_version,
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
        match Overview::load(self.store.conn(), &self.config, self.now) {
            Ok(d) => self.data = d,
            Err(e) => self.fail(e),
        }
        if let Ok(v) = self.store.data_version() {
            self.data_version = v;
        }
        self.fixes.start(&self.data);
        self.refresh_rows();
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
                self.fail(e);
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
                self.reload();
                return;
            }
        }
        if let Ok(v) = self.store.data_version()
            && v != self.data_version
        {
            self.reload();
            self.say(strings::outside_change());
        }
    }

    /// Applies the selected fix: one change, undone with `u`.
    fn apply_fix(&mut self) {
        self.fixes.poll();
        let Some((_, fix)) = self.fixes.selected() else {
            let text = if self.fixes.searching() {
                strings::fixes_searching()
            } else {
                strings::no_fixes()
            };
            self.say(text);
            return;
        };
        let fix = fix.clone();
        match &fix {
            crate::planning::fixes::Fix::DailyCap { minutes } => self.set_daily_cap(*minutes),
            crate::planning::fixes::Fix::Window { .. } => {
                let Some(w) = fix.window() else { return };
                let r = actions::add_window(&mut self.store, &w).map(|(_, msg)| msg);
                self.after(r);
            }
            crate::planning::fixes::Fix::LowerPriority { badges, to, .. } => {
                let r = actions::set_priority(&mut self.store, badges, *to);
                self.after(r);
            }
        }
    }

    /// The daily-cap fix: `config.toml` gets the new cap (on the demo data, only the
    /// settings in memory), and `u` can put it back.
    fn set_daily_cap(&mut self, minutes: u32) {
        let old = self.config.clone();
        let journal_top = self.store.last_action_id().ok().flatten();
        let value = crate::domain::format_minutes(minutes);
        let file = if self.demo {
            None
        } else {
            let Some(path) = self
                .config_path
                .clone()
                .or_else(crate::config::default_path)
            else {
                self.fail(strings::no_config_folder());
                return;
            };
            let before = std::fs::read_to_string(&path).ok();
            if let Err(e) = crate::config::set_in_file(&path, "planner.daily_cap", &value) {
                self.fail(e);
                return;
            }
            Some((path, before))
        };
        self.config.planner.daily_cap = crate::config::Minutes(minutes);
        self.config_undo = Some(ConfigUndo {
            config: old,
            file,
            journal_top,
        });
        self.reload();
        self.say(strings::daily_cap_set(&value, self.demo));
    }

    /// Takes back the last daily-cap fix, when nothing was written to the database since.
    fn undo_config(&mut self) -> bool {
        let Some(u) = self.config_undo.take() else {
            return false;
        };
        if self.store.last_action_id().ok().flatten() != u.journal_top {
            // A change to the database came after it: that one is undone first.
            self.config_undo = Some(u);
            return false;
        }
        if let Some((path, before)) = &u.file {
            let restored = match before {
                Some(text) => std::fs::write(path, text),
                None => std::fs::remove_file(path),
            };
            if let Err(e) = restored {
                self.fail(e);
                return true;
            }
        }
        let cap = crate::domain::format_minutes(u.config.planner.daily_cap.0);
        self.config = u.config;
        self.reload();
        self.say(strings::daily_cap_undone(&cap));
        true
    }

    /// Recomputes the Badges rows (filter and sort) and clamps every selection.
    pub fn refresh_rows(&mut self) {
        let today = self.today();
        let filter = fold(&self.badges.filter);
        let mut rows: Vec<usize> = self
            .data
            .badges
            .iter()
            .enumerate()
            .filter(|(_, b)| self.badges.show_archived || !b.badge.archived)
            .filter(|(_, b)| {
                filter.is_empty()
                    || filter.split_whitespace().all(|w| {
                        fold(&b.badge.name).contains(w)
                            || b.badge.key.contains(w)
                            || fold(&b.badge.issuer).contains(w)
                            || b.badge.tags.iter().any(|t| fold(t).contains(w))
                    })
            })
            .map(|(i, _)| i)
            .collect();
        let badges = &self.data.badges;
        match self.badges.sort {
            SortBy::Urgency => rows.sort_by_cached_key(|&i| {
                let b = &badges[i];
                (
                    crate::domain::status::urgency(&b.badge, b.status, today),
                    b.badge.key.clone(),
                )
            }),
            SortBy::Name => rows.sort_by_cached_key(|&i| fold(&badges[i].badge.name)),
            SortBy::Issuer => rows.sort_by_cached_key(|&i| {
                (fold(&badges[i].badge.issuer), fold(&badges[i].badge.name))
            }),
            SortBy::Expiry => rows.sort_by_key(|&i| {
                (
                    badges[i].badge.expires_on.is_none(),
                    badges[i].badge.expires_on,
                    i,
                )
            }),
            SortBy::Progress => rows.sort_by_key(|&i| {
                let b = &badges[i];
                let done = u64::from(b.logged.min(b.badge.effort_minutes)) * 1000
                    / u64::from(b.badge.effort_minutes.max(1));
                (done, i)
            }),
        }
        self.badges.rows = rows;
        self.badges.selected = self
            .badges
            .selected
            .min(self.badges.rows.len().saturating_sub(1));
        self.plan.selected = self
            .plan
            .selected
            .min(self.data.plan.sessions.len().saturating_sub(1));
        self.spare.selected = self.spare.selected.min(self.spare_len().saturating_sub(1));
        self.calendar.logs_month = None;
        self.load_month_logs();
    }

    /// Loads the log entries of the selected month, when it changed.
    fn load_month_logs(&mut self) {
        let (first, last) = super::views::calendar::log_span(self.calendar.selected);
        if self.calendar.logs_month == Some(first) {
            return;
        }
        match crate::store::log::all(self.store.conn(), Some(first)) {
            Ok(all) => {
                self.calendar.logs = all.into_iter().take_while(|l| l.date <= last).collect();
                self.calendar.logs_month = Some(first);
            }
            Err(e) => self.fail(e),
        }
    }

    /// Rows in the Spare time list: windows, then calendar imports.
    pub fn spare_len(&self) -> usize {
        self.data.windows.len()
    }

    /// The badge selected in the Badges view.
    pub fn selected_badge(&self) -> Option<&crate::planning::BadgeInfo> {
        self.badges
            .rows
            .get(self.badges.selected)
            .and_then(|&i| self.data.badges.get(i))
    }

    fn act(&mut self, action: Action) {
        if self.view == View::Badges
            && matches!(
                action,
                Action::Edit | Action::Select | Action::Delete | Action::Renew | Action::Archive
            )
            && self.selected_badge().is_none()
        {
            self.fail(strings::no_badge_row());
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.popup = Some(Popup::Help { scroll: 0 }),
            Action::QuickAdd => {
                self.popup = Some(Popup::QuickAdd(QuickAdd::new(self.history.len())));
                self.popup_changed();
            }
            Action::Undo => {
                if !self.undo_config() {
                    let r = actions::undo(&mut self.store);
                    self.after(r);
                }
            }
            Action::NextFix => {
                self.fixes.poll();
                self.fixes.next();
                match self.fixes.selected() {
                    Some((r, f)) => {
                        let text = strings::fix_selected(&r.key, &f.command());
                        self.say(text);
                    }
                    None if self.fixes.searching() => self.say(strings::fixes_searching()),
                    None => self.say(strings::no_fixes()),
                }
            }
            Action::ApplyFix => self.apply_fix(),
            Action::NextView => self.view = self.view.next(),
            Action::PrevView => self.view = self.view.prev(),
            Action::ViewToday => self.view = View::Today,
            Action::ViewBadges => self.view = View::Badges,
            Action::ViewPlan => self.view = View::Plan,
            Action::ViewCalendar => self.view = View::Calendar,
            Action::ViewSpare => self.view = View::Spare,
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-10),
            Action::PageDown => self.move_by(10),
            Action::Top => self.move_by(i64::MIN / 2),
            Action::Bottom => self.move_by(i64::MAX / 2),
            Action::Left => self.move_day(-1),
            Action::Right => self.move_day(1),
            Action::PrevMonth => self.move_month(-1),
            Action::NextMonth => self.move_month(1),
            Action::GoToday => {
                self.calendar.selected = self.today();
                self.load_month_logs();
            }
            Action::ScrollUp | Action::ScrollDown
                if !super::views::calendar::shows_timeline(
                    super::layout::areas(self.size).body,
                ) =>
            {
                self.say(strings::no_timeline());
            }
            Action::ScrollUp => {
                self.calendar.timeline_scroll = self.calendar.timeline_scroll.saturating_sub(1);
            }
            Action::ScrollDown => {
                self.calendar.timeline_scroll = (self.calendar.timeline_scroll + 1)
                    .min(self.data.badges.len().saturating_sub(1));
            }
            Action::Select | Action::Edit => self.edit_selected(action),
            Action::New => self.new_item(),
            Action::Delete => self.delete_selected(),
            Action::Renew => self.renew_selected(),
            Action::Archive => {
                if let Some(b) = self.selected_badge() {
                    let (key, archived) = (b.badge.key.clone(), b.badge.archived);
                    let r = actions::set_archived(&mut self.store, &key, !archived);
                    self.after(r);
                }
            }
            Action::Sort => {
                self.badges.sort = self.badges.sort.next();
                self.refresh_rows();
                self.say(strings::sorted_by(self.badges.sort));
            }
            Action::Filter => {
                self.popup = Some(Popup::Filter(LineInput::new(&self.badges.filter)));
            }
            Action::ToggleDetail => self.badges.detail = !self.badges.detail,
            Action::ToggleArchived => {
                self.badges.show_archived = !self.badges.show_archived;
                self.refresh_rows();
                self.say(if self.badges.show_archived {
                    strings::archived_shown()
                } else {
                    strings::archived_hidden()
                });
            }
            Action::Pin => self.pin_selected(),
            Action::Import => {
                self.popup = Some(Popup::Prompt(Prompt::new(
                    strings::import_prompt().into(),
                    "",
                    PromptPurpose::Import,
                )));
            }
            Action::Back => {
                if !self.badges.filter.is_empty() && self.view == View::Badges {
                    self.badges.filter.clear();
                    self.refresh_rows();
                }
            }
        }
    }

    fn move_by(&mut self, delta: i64) {
        let step = |sel: usize, len: usize| -> usize {
            if len == 0 {
                return 0;
            }
            let max = i64::try_from(len - 1).unwrap_or(i64::MAX);
            usize::try_from((i64::try_from(sel).unwrap_or(0).saturating_add(delta)).clamp(0, max))
                .unwrap_or(0)
        };
        match self.view {
            View::Badges => {
                self.badges.selected = step(self.badges.selected, self.badges.rows.len())
            }
            View::Plan | View::Today => {
                let len = self.data.plan.sessions.len();
                self.plan.selected = step(self.plan.selected, len);
            }
            View::Spare => self.spare.selected = step(self.spare.selected, self.spare_len()),
            View::Calendar => {
                let days = match delta {
                    d if d.abs() >= 10 => d.signum() * 28,
                    d => d * 7,
                };
                self.shift_selected_day(days);
            }
        }
    }

    fn move_day(&mut self, delta: i64) {
        if self.view == View::Calendar {
            self.shift_selected_day(delta);
        }
    }

    fn shift_selected_day(&mut self, days: i64) {
        let d = self.calendar.selected;
        let moved = if days >= 0 {
            d.checked_add_days(Days::new(days.unsigned_abs()))
        } else {
            d.checked_sub_days(Days::new(days.unsigned_abs()))
        };
        if let Some(m) = moved {
            self.calendar.selected = m;
        }
        self.load_month_logs();
    }

    fn move_month(&mut self, delta: i32) {
        let d = self.calendar.selected;
        let first = d.with_day(1).unwrap_or(d);
        let target = if delta >= 0 {
            first.checked_add_months(Months::new(delta.unsigned_abs()))
        } else {
            first.checked_sub_months(Months::new(delta.unsigned_abs()))
        };
        if let Some(t) = target {
            let last = crate::domain::dates::last_day_of_month(t.year(), t.month()).unwrap_or(t);
            self.calendar.selected = t.with_day(d.day()).unwrap_or(last).min(last);
        }
        self.load_month_logs();
    }

    fn new_item(&mut self) {
        match self.view {
            View::Badges => {
                self.popup = Some(Popup::BadgeForm(Box::new(BadgeForm::new(None))));
            }
            View::Spare => {
                self.popup = Some(Popup::Prompt(Prompt::new(
                    strings::window_add_prompt().into(),
                    "",
                    PromptPurpose::WindowAdd,
                )));
                self.popup_changed();
            }
            _ => {}
        }
    }

    fn edit_selected(&mut self, action: Action) {
        match self.view {
            View::Badges => {
                if let Some(b) = self.selected_badge() {
                    let form = BadgeForm::new(Some(&b.badge));
                    self.popup = Some(Popup::BadgeForm(Box::new(form)));
                }
            }
            View::Spare => {
                if let Some(w) = self.data.windows.get(self.spare.selected) {
                    // As the New prompt takes it: without `free` (a blackout keeps `off`).
                    let text = actions::describe_window(w);
                    let id = w.id.unwrap_or_default();
                    self.popup = Some(Popup::Prompt(Prompt::new(
                        strings::window_edit_prompt().into(),
                        &text,
                        PromptPurpose::WindowEdit(id),
                    )));
                    self.popup_changed();
                }
            }
            View::Calendar if action == Action::Select => {
                self.view = View::Plan;
                let day = self.calendar.selected;
                self.plan.selected = self
                    .data
                    .plan
                    .sessions
                    .partition_point(|s| s.start.date() < day)
                    .min(self.data.plan.sessions.len().saturating_sub(1));
            }
            _ => {}
        }
    }

    fn delete_selected(&mut self) {
        match self.view {
            View::Badges => {
                if let Some(b) = self.selected_badge() {
                    let logs: usize = crate::store::log::all(self.store.conn(), None)
                        .map(|l| l.iter().filter(|e| e.badge == b.badge.key).count())
                        .unwrap_or(0);
                    self.popup = Some(Popup::Confirm {
                        text: strings::confirm_delete_badge(&b.badge.name, logs),
                        then: Confirmed::DeleteBadge(b.badge.key.clone()),
                    });
                }
            }
            View::Spare => {
                if let Some(w) = self.data.windows.get(self.spare.selected) {
                    self.popup = Some(Popup::Confirm {
                        text: strings::confirm_delete_window(&actions::describe_window(w)),
                        then: Confirmed::DeleteWindow(w.id.unwrap_or_default()),
                    });
                }
            }
            _ => {}
        }
    }

    fn renew_selected(&mut self) {
        if self.view != View::Badges {
            return;
        }
        if let Some(b) = self.selected_badge() {
            let days = self.config.issuer(&b.badge.issuer).validity_days;
            let default = self.today() + Days::new(u64::from(days));
            self.popup = Some(Popup::Prompt(Prompt::new(
                strings::renew_prompt(&b.badge.name),
                &default.to_string(),
                PromptPurpose::Renew(b.badge.key.clone()),
            )));
        }
    }

    /// The session under the cursor in the Plan view (or the next one in Today).
    pub fn selected_session(&self) -> Option<&crate::domain::plan::Session> {
        match self.view {
            View::Today => self.data.next_session(),
            _ => self.data.plan.sessions.get(self.plan.selected),
        }
    }

    fn pin_selected(&mut self) {
        let Some(s) = self.selected_session().cloned() else {
            return;
        };
        let r = if s.pinned {
            let id = self
                .data
                .pinned
                .iter()
                .find(|p| p.badge == s.badge && p.start == s.start)
                .and_then(|p| p.id);
            match id {
                Some(id) => actions::remove_pin(&mut self.store, id)
                    .map(|english| strings::unpinned(&s.badge, s.start, english)),
                None => Err(anyhow::anyhow!(strings::pin_gone())),
            }
        } else {
            let p = crate::domain::log::Pinned {
                id: None,
                badge: s.badge.clone(),
                start: s.start,
                minutes: s.minutes(),
            };
            actions::add_pin(&mut self.store, &p).map(|_| strings::pinned(&s.badge, s.start))
        };
        self.after(r);
    }

    // ----- popups -----

    fn popup_key(&mut self, key: KeyEvent) {
        // Ctrl-C quits from anywhere, popups included.
        if key.code == KeyCode::Char('c')
            && key
                .modifiers
                .contains(crossterm::event::KeyModifiers::CONTROL)
        {
            self.quit = true;
            return;
        }
        // Scrolling stops at the help's last line, so Up works at once after PageDowns.
        let help_max = match self.popup {
            Some(Popup::Help { .. }) => super::popups::render::help_max_scroll(self, self.size),
            _ => 0,
        };
        let Some(popup) = self.popup.as_mut() else {
            return;
        };
        match popup {
            Popup::Help { scroll } => match key.code {
                KeyCode::Down | KeyCode::Char('j') => {
                    *scroll = scroll.saturating_add(1).min(help_max);
                }
                KeyCode::Up | KeyCode::Char('k') => *scroll = scroll.saturating_sub(1),
                KeyCode::PageDown | KeyCode::Char(' ') => {
                    *scroll = scroll.saturating_add(10).min(help_max);
                }
                KeyCode::PageUp => *scroll = scroll.saturating_sub(10),
                _ => self.popup = None,
            },
            Popup::Report { scroll, lines, .. } => match key.code {
                KeyCode::Down | KeyCode::Char('j') => {
                    *scroll = (*scroll + 1).min(lines.len().saturating_sub(1));
                }
                KeyCode::Up | KeyCode::Char('k') => *scroll = scroll.saturating_sub(1),
                KeyCode::PageDown | KeyCode::Char(' ') => {
                    *scroll = (*scroll + 10).min(lines.len().saturating_sub(1));
                }
                KeyCode::PageUp => *scroll = scroll.saturating_sub(10),
                _ => self.popup = None,
            },
            Popup::Confirm { then, .. } => match key.code {
                // Only an explicit y deletes: Enter is too easy to press by habit.
                KeyCode::Char('y' | 'Y') => {
                    let then = then.clone();
                    self.popup = None;
                    let r = match then {
                        Confirmed::DeleteBadge(k) => actions::remove_badge(&mut self.store, &k),
                        Confirmed::DeleteWindow(id) => actions::remove_window(&mut self.store, id),
                    };
                    self.after(r);
                }
                _ => {
                    self.popup = None;
                    self.say(strings::cancelled());
                }
            },
            Popup::Filter(input) => match key.code {
                KeyCode::Esc => {
                    self.badges.filter.clear();
                    self.popup = None;
                    self.refresh_rows();
                }
                KeyCode::Enter | KeyCode::Down | KeyCode::Up => {
                    self.popup = None;
                }
                _ => {
                    if input.handle(&key) == Edit::Changed {
                        self.badges.filter = input.text();
                        self.badges.selected = 0;
                        self.refresh_rows();
                    }
                }
            },
            Popup::QuickAdd(q) => match key.code {
                KeyCode::Esc => self.popup = None,
                KeyCode::Enter => self.submit_quick_add(),
                KeyCode::Tab => {
                    let badges: Vec<_> = self.data.badges.iter().map(|b| b.badge.clone()).collect();
                    if let Popup::QuickAdd(q) = self.popup.as_mut().expect("open") {
                        let text = q.input.text();
                        // Still the text the last cycling Tab produced: the next key.
                        let next = match &q.cycle {
                            Some((base, n, made)) if *made == text => Some((base.clone(), n + 1)),
                            _ => None,
                        };
                        if let Some((base, n)) = next {
                            if let Some(done) = quick_add::complete_key_nth(&base, &badges, n) {
                                q.input.set(&done);
                                q.cycle = Some((base, n, done));
                            }
                        } else if let Some(done) = quick_add::complete_key(&text, &badges) {
                            q.input.set(&done);
                            q.cycle = None;
                        } else if quick_add::key_candidates(&text, &badges).len() > 1
                            && let Some(done) = quick_add::complete_key_nth(&text, &badges, 0)
                        {
                            // Nothing more in common: Tab goes round the candidates.
                            q.input.set(&done);
                            q.cycle = Some((text, 0, done));
                        }
                    }
                    self.popup_changed();
                }
                KeyCode::Up | KeyCode::Down => {
                    let len = self.history.len();
                    let pos = if key.code == KeyCode::Up {
                        q.history_pos.saturating_sub(1)
                    } else {
                        (q.history_pos + 1).min(len)
                    };
                    q.history_pos = pos;
                    let text = self.history.get(pos).cloned().unwrap_or_default();
                    q.input.set(&text);
                    self.popup_changed();
                }
                _ => {
                    if q.input.handle(&key) == Edit::Changed {
                        self.popup_changed();
                    }
                }
            },
            Popup::Prompt(p) => match key.code {
                KeyCode::Esc => self.popup = None,
                KeyCode::Enter => self.submit_prompt(),
                _ => {
                    if p.input.handle(&key) == Edit::Changed {
                        self.popup_changed();
                    }
                }
            },
            Popup::BadgeForm(form) => match key.code {
                KeyCode::Esc => self.popup = None,
                KeyCode::Char('s')
                    if key
                        .modifiers
                        .contains(crossterm::event::KeyModifiers::CONTROL) =>
                {
                    self.submit_form();
                }
                KeyCode::Enter => {
                    if form.focus + 1 >= form.fields.len() {
                        self.submit_form();
                    } else {
                        form.focus += 1;
                    }
                }
                KeyCode::Tab | KeyCode::Down => form.focus = (form.focus + 1) % form.fields.len(),
                KeyCode::BackTab | KeyCode::Up => {
                    form.focus = (form.focus + form.fields.len() - 1) % form.fields.len();
                }
                _ => {
                    let i = form.focus;
                    if form.fields[i].input.handle(&key) == Edit::Changed {
                        form.validate(&self.config, &self.data);
                    }
                }
            },
        }
    }

    /// Recomputes the live preview of the open popup.
    fn popup_changed(&mut self) {
        let badges: Vec<_> = self.data.badges.iter().map(|b| b.badge.clone()).collect();
        let now = self.now;
        match self.popup.as_mut() {
            Some(Popup::QuickAdd(q)) => {
                let text = q.input.text();
                q.error_span = None;
                q.preview = if text.trim().is_empty() {
                    None
                } else {
                    Some(match quick_add::parse(&text, now, &badges) {
                        Ok(i) => {
                            // Said before Enter: a pin that writing it would refuse.
                            let clash = match &i {
                                quick_add::Intent::Pin(p) => {
                                    p.clash(&self.data.pinned).map(|o| p.clash_message(o))
                                }
                                _ => None,
                            };
                            match clash {
                                Some(why) => Err(why),
                                None => Ok(quick_add::describe_at(&i, &badges, now.date())),
                            }
                        }
                        Err(e) => {
                            q.error_span = e.span.clone();
                            Err(e.to_string())
                        }
                    })
                };
            }
            Some(Popup::Prompt(p))
                if matches!(
                    p.purpose,
                    PromptPurpose::WindowAdd | PromptPurpose::WindowEdit(_)
                ) =>
            {
                let typed = p.input.text();
                let text = window_text(&typed);
                // Nothing typed yet is not an error: the title shows what to type.
                p.preview = (!typed.trim().is_empty()).then(|| {
                    quick_add::parse(&text, now, &badges)
                        .map_err(|e| e.to_string())
                        .and_then(|i| match i {
                            quick_add::Intent::Window(w) => {
                                Ok(format!("→ {}", actions::describe_window(&w)))
                            }
                            _ => Err(strings::not_spare_time().into()),
                        })
                });
            }
            // Pasted text filters and validates as typed text does.
            Some(Popup::Filter(input)) => {
                self.badges.filter = input.text();
                self.badges.selected = 0;
                self.refresh_rows();
            }
            Some(Popup::BadgeForm(form)) => form.validate(&self.config, &self.data),
            _ => {}
        }
    }

    fn submit_quick_add(&mut self) {
        let Some(Popup::QuickAdd(q)) = self.popup.as_ref() else {
            return;
        };
        let text = q.input.text();
        if text.trim().is_empty() {
            self.popup = None;
            return;
        }
        let badges: Vec<_> = self.data.badges.iter().map(|b| b.badge.clone()).collect();
        let r = quick_add::parse(&text, self.now, &badges)
            .map_err(anyhow::Error::from)
            .and_then(|intent| actions::apply_intent(&mut self.store, &intent, &badges));
        if self.history.last() != Some(&text) {
            self.history.push(text);
        }
        if self.after(r) {
            self.popup = None;
        }
    }

    /// What a change reported: its first line on the status line; a report of several
    /// lines (an import) stays open to be read.
    fn report(&mut self, msg: &str) {
        let mut lines = msg.lines().map(str::to_string);
        let headline = lines.next().unwrap_or_default();
        let rest: Vec<String> = lines.collect();
        self.after(Ok(headline));
        if !rest.is_empty() {
            self.popup = Some(Popup::Report {
                title: strings::import_report().to_string(),
                lines: msg.lines().map(str::to_string).collect(),
                scroll: 0,
            });
        }
    }

    /// Fetches a Credly profile on a thread of its own (the network may take seconds;
    /// each request has its timeout), so the planner stays live meanwhile.
    fn start_fetch(&mut self, profile: String) {
        let (tx, rx) = std::sync::mpsc::channel();
        let asked = profile.clone();
        std::thread::spawn(move || {
            let _ = tx.send(crate::commands::import::fetch_profile(&asked, false));
        });
        self.fetching = Some((profile, rx));
        self.popup = None;
        // The quiet status line says it is under way (see `fetching_profile`).
        self.status = None;
    }

    /// The Credly profile being fetched, if one is.
    pub fn fetching_profile(&self) -> Option<&str> {
        self.fetching.as_ref().map(|(p, _)| p.as_str())
    }

    /// Imports the fetched profile once its pages are here and no popup is open (one
    /// transaction, one undo), or says why it could not be fetched.
    fn poll_fetch(&mut self) {
        // Not under an open popup: the report would take its place (and what was typed).
        let Some((_, rx)) = self.fetching.as_ref().filter(|_| self.popup.is_none()) else {
            return;
        };
        let fetched = match rx.try_recv() {
            Ok(fetched) => fetched,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => {
                Err(anyhow::anyhow!("the fetch stopped before it finished"))
            }
        };
        self.fetching = None;
        match fetched.and_then(|f| {
            crate::commands::import::import_fetched(&mut self.store, &self.config, self.now, f)
        }) {
            Ok(msg) => self.report(&msg),
            Err(e) => self.fail(e),
        }
    }

    fn submit_prompt(&mut self) {
        let Some(Popup::Prompt(p)) = self.popup.as_ref() else {
            return;
        };
        let text = p.input.text();
        let purpose = p.purpose.clone();
        let r = match purpose {
            PromptPurpose::Renew(key) => crate::domain::dates::parse_date_or_period(&text)
                .map_err(anyhow::Error::from)
                .and_then(|d| actions::renew_badge(&mut self.store, &key, self.now.date(), d)),
            PromptPurpose::Import
                if let Some(profile) = crate::commands::import::profile_in(&text) =>
            {
                self.start_fetch(profile);
                return;
            }
            PromptPurpose::Import => {
                crate::commands::import::expand_paths(&text).and_then(|files| {
                    crate::commands::import::import_paths(
                        &mut self.store,
                        &self.config,
                        self.now,
                        &files,
                    )
                })
            }
            PromptPurpose::WindowAdd | PromptPurpose::WindowEdit(_) => {
                let badges: Vec<_> = self.data.badges.iter().map(|b| b.badge.clone()).collect();
                match quick_add::parse(&window_text(&text), self.now, &badges) {
                    Ok(quick_add::Intent::Window(w)) => match purpose {
                        PromptPurpose::WindowEdit(id) => {
                            actions::edit_window(&mut self.store, id, &w)
                        }
                        _ => actions::add_window(&mut self.store, &w).map(|(_, m)| m),
                    },
                    Ok(_) => Err(anyhow::anyhow!(strings::not_spare_time())),
                    Err(e) => Err(e.into()),
                }
            }
        };
        match r {
            Ok(msg) => {
                self.popup = None;
                self.report(&msg);
            }
            Err(e) => {
                if let Some(Popup::Prompt(p)) = self.popup.as_mut() {
                    p.preview = Some(Err(e.to_string()));
                }
            }
        }
    }

    fn submit_form(&mut self) {
        let Some(Popup::BadgeForm(form)) = self.popup.as_mut() else {
            return;
        };
        form.validate(&self.config, &self.data);
        if let Some(i) = form.fields.iter().position(|f| f.error.is_some()) {
            form.focus = i;
            return;
        }
        let badge = match form.build(&self.config, &self.data) {
            Ok(b) => b,
            Err(e) => {
                form.message = Some(e);
                return;
            }
        };
        let original = form.original.clone();
        let r = match &original {
            Some(old) => actions::edit_badge(&mut self.store, &old.key, &badge),
            None => actions::add_badge(&mut self.store, &badge),
        };
        match r {
            Ok(msg) => {
                self.popup = None;
                self.after(Ok(msg));
                if let Some(pos) = self
                    .badges
                    .rows
                    .iter()
                    .position(|&i| self.data.badges[i].badge.key == badge.key)
                {
                    self.badges.selected = pos;
                }
            }
            Err(e) => {
                if let Some(Popup::BadgeForm(form)) = self.popup.as_mut() {
                    form.message = Some(e.to_string());
                }
            }
        }
    }

    // ----- mouse -----

    fn mouse(&mut self, m: MouseEvent) {
        match m.kind {
            MouseEventKind::Down(MouseButton::Left) => {}
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = m.kind == MouseEventKind::ScrollDown;
                let help_max = super::popups::render::help_max_scroll(self, self.size);
                match self.popup.as_mut() {
                    None => self.move_by(if down { 1 } else { -1 }),
                    Some(Popup::Help { scroll }) if down => {
                        *scroll = scroll.saturating_add(3).min(help_max);
                    }
                    Some(Popup::Help { scroll }) => *scroll = scroll.saturating_sub(3),
                    Some(_) => {}
                }
                return;
            }
            _ => return,
        }
        if self.popup.is_some() {
            return;
        }
        let areas = layout::areas(self.size);
        if let Some(v) = layout::tab_at(&areas, m.column, m.row) {
            self.view = v;
            return;
        }
        if let Some(row) = super::views::row_at(self, &areas, m.column, m.row) {
            match self.view {
                View::Badges => {
                    self.badges.selected = row.min(self.badges.rows.len().saturating_sub(1))
                }
                View::Plan => {
                    self.plan.selected = row.min(self.data.plan.sessions.len().saturating_sub(1))
                }
                View::Spare => self.spare.selected = row.min(self.spare_len().saturating_sub(1)),
                View::Calendar => {}
                View::Today => {}
            }
        }
        if self.view == View::Calendar
            && let Some(day) = super::views::calendar::day_at(self, &areas, m.column, m.row)
        {
            self.calendar.selected = day;
            self.load_month_logs();
        }
    }
}

/// The window grammar of the prompt: `free …` unless it already starts with `free`,
/// `off` or `空き`.
fn window_text(text: &str) -> String {
    let t = text.trim_start();
    let lower = t.to_lowercase();
    if lower.starts_with("free ")
        || lower.starts_with("off ")
        || t.starts_with("空き")
        || t.starts_with("休み")
        || lower == "off"
    {
        t.to_string()
    } else {
        format!("free {t}")
    }
}

/// Case-, width- and accent-insensitive text for matching (NFKC, lowercase, no marks).
pub fn fold(s: &str) -> String {
    // Drop accents, but keep the kana voicing marks (デ is not テ).
    s.nfkd()
        .filter(|c| {
            !unicode_normalization::char::is_combining_mark(*c)
                || ('\u{3099}'..='\u{309A}').contains(c)
        })
        .collect::<String>()
        .nfkc()
        .collect::<String>()
        .to_lowercase()
}
