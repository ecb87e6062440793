//! Every piece of text the planner shows, in one place, so a translation can follow.
//!
//! Grouped by where it appears: the frame (tabs, status line, footer), dates, the help
//! overlay and the popups, the status messages of `App::update`, then each view and the
//! calendar widgets. One exception: messages from the planner, quick-add and the store
//! (a quick-add preview or error, a badge's status and risk, what an action did) come from
//! the library and stay in English.

use super::action::Action;
use super::app::SortBy;
use super::view::View;
use super::widgets::DayEventKind;
use crate::domain::status::Band;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};
use std::fmt::Display;

// ----- The frame: tabs, status line, footer -----

pub const APP_TITLE: &str = "sukima";

/// The tab title of a view.
pub fn view_title(v: View) -> &'static str {
    match v {
        View::Today => "Today",
        View::Badges => "Badges",
        View::Plan => "Plan",
        View::Calendar => "Calendar",
        View::Spare => "Spare time",
    }
}

/// The one-line description of an action, for the help overlay.
pub fn action_help(a: Action) -> &'static str {
    match a {
        Action::Quit => "quit",
        Action::Help => "show this help",
        Action::QuickAdd => "quick-add: log study, pin a session, add spare time",
        Action::Undo => "undo the last change",
        Action::NextView => "next view",
        Action::PrevView => "previous view",
        Action::ViewToday => "Today view",
        Action::ViewBadges => "Badges view",
        Action::ViewPlan => "Plan view",
        Action::ViewCalendar => "Calendar view",
        Action::ViewSpare => "Spare time view",
        Action::Up => "move up",
        Action::Down => "move down",
        Action::Left => "move left",
        Action::Right => "move right",
        Action::PageUp => "page up",
        Action::PageDown => "page down",
        Action::Top => "first row",
        Action::Bottom => "last row",
        Action::Select => "open / edit the selection",
        Action::New => "add",
        Action::Edit => "edit",
        Action::Delete => "delete",
        Action::Renew => "mark renewed",
        Action::Archive => "archive / restore",
        Action::Sort => "sort by the next column",
        Action::Filter => "filter",
        Action::Pin => "pin / unpin the session",
        Action::Import => "import a Credly download, a CSV file or a calendar (.ics)",
        Action::PrevMonth => "previous month",
        Action::NextMonth => "next month",
        Action::GoToday => "back to today",
        Action::ToggleDetail => "show / hide details",
        Action::ToggleArchived => "show / hide archived badges",
        Action::ScrollUp => "scroll the timeline up",
        Action::ScrollDown => "scroll the timeline down",
        Action::Back => "clear the filter / close",
    }
}

/// The short footer label of an action.
pub fn action_hint(a: Action) -> &'static str {
    match a {
        Action::Quit => "quit",
        Action::Help => "help",
        Action::QuickAdd => "add",
        Action::Undo => "undo",
        Action::NextView => "views",
        Action::New => "new",
        Action::Edit => "edit",
        Action::Delete => "delete",
        Action::Renew => "renewed",
        Action::Archive => "archive",
        Action::Sort => "sort",
        Action::Filter => "filter",
        Action::Pin => "pin",
        Action::Import => "import",
        Action::PrevMonth => "prev month",
        Action::NextMonth => "next month",
        Action::GoToday => "today",
        Action::ScrollDown => "timeline",
        _ => action_help(a),
    }
}

/// The footer label of `p` in the Today view, where it pins the next session.
pub const PIN_NEXT: &str = "pin next";
/// The footer while a filter is typed: (key, what it does).
pub const FILTER_HINTS: [(&str, &str); 3] = [
    ("Enter", "keep the filter"),
    ("Esc", "clear it"),
    ("↑↓", "back to the list"),
];
pub const TOO_SMALL: &str = "sukima needs at least 40x12";

/// The quiet status line's plan summary.
pub fn plan_summary(outcomes: usize, risky: usize) -> String {
    match (outcomes, risky) {
        (0, _) => "nothing to prepare".to_string(),
        (n, 0) => format!("{n} to prepare, all on time"),
        (n, r) => format!("{n} to prepare, {r} at risk"),
    }
}

// ----- Dates -----

/// A weekday in three letters: "Thu".
pub fn weekday(w: Weekday) -> &'static str {
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][w.num_days_from_monday() as usize]
}

/// A month in three letters: "Nov" (`month` 1..=12).
pub fn month_abbr(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES[(month as usize + 11) % 12]
}

/// A month and its year: "November 2026".
pub fn month_title(first: NaiveDate) -> String {
    let name = u8::try_from(first.month())
        .ok()
        .and_then(|m| chrono::Month::try_from(m).ok())
        .map_or("", |m| m.name());
    format!("{name} {}", first.year())
}

/// "Thu 2026-11-26".
pub fn weekday_date(d: NaiveDate) -> String {
    format!("{} {}", weekday(d.weekday()), d.format("%Y-%m-%d"))
}

/// "Thu 2026-11-26 08:00".
pub fn weekday_date_time(t: NaiveDateTime) -> String {
    format!("{} {}", weekday(t.weekday()), t.format("%Y-%m-%d %H:%M"))
}

/// "today", "tomorrow", or "Fri 01-08".
pub fn day_name(d: NaiveDate, today: NaiveDate) -> String {
    if d == today {
        "today".to_string()
    } else if Some(d) == today.succ_opt() {
        "tomorrow".to_string()
    } else {
        format!("{} {}", weekday(d.weekday()), d.format("%m-%d"))
    }
}

/// "now", "in 25m", "in 4h15m", "in 3d".
pub fn starts_in(minutes: i64) -> String {
    match minutes {
        m if m <= 0 => "now".to_string(),
        m if m < 60 => format!("in {m}m"),
        m if m < 24 * 60 => format!("in {}h{:02}m", m / 60, m % 60),
        m => format!("in {}d", m / (24 * 60)),
    }
}

// ----- Help overlay -----

pub const HELP_TITLE: &str = " Keys (Esc closes) ";
pub const HELP_EVERYWHERE: &str = "Everywhere";
/// The heading of the quick-add grammar.
pub const HELP_QUICK_ADD: &str = "Quick-add";

/// The quick-add grammar, for the help overlay: an example and what it does.
pub const QUICK_ADD_HELP: &[(&str, &str)] = &[
    ("30m #aws-saa", "log 30 minutes that end now"),
    ("1h cp4d yesterday", "log on a past day (words match names)"),
    (
        "45min #az-104 7:30 -- ch.3",
        "log from 7:30 today, with a note",
    ),
    ("1h #gcp-pde tomorrow 19:00", "pin a session in the future"),
    (
        "30分 データサイエンス 昨日",
        "Japanese works too (全角 too)",
    ),
    ("free weekdays 7:10-7:40 commute", "weekly spare time"),
    ("free sat 9:00-11:00", "one-off spare time (next Saturday)"),
    ("off 2027-01-02..2027-01-05 new year", "a blackout"),
];

// ----- Popups: quick-add, confirmation, prompts, report -----

pub const QUICK_ADD_TITLE: &str =
    " Quick add (Enter adds, Esc cancels, Tab completes, ↑↓ history) ";
pub const QUICK_ADD_EMPTY: &str =
    "30m #key · 1h cp4d tomorrow 7:30 · free weekdays 7:10-7:40 commute · off 12/28..1/3";
pub const CONFIRM_TITLE: &str = " Confirm ";
pub const CONFIRM_KEYS: &str = "y: yes   any other key: no";

pub fn confirm_delete_badge(name: &str, logs: usize) -> String {
    let logs = crate::text::counted(logs, "log entry", "log entries");
    format!("Delete {name} and its {logs}? (u undoes)")
}

pub fn confirm_delete_window(what: &str) -> String {
    format!("Delete {what}? (u undoes)")
}

/// Titles of the prompts.
pub fn renew_prompt(name: &str) -> String {
    format!(" Renewed {name}: new expiry (YYYY-MM-DD) ")
}
pub const IMPORT_PROMPT: &str = " Import: Credly badges.json (all pages: badges*.json), CSV, Open Badges JSON, or .ics busy time ";
pub const WINDOW_ADD_PROMPT: &str = " New spare time: `weekdays 7:10-7:40 commute`, `sat 9:00-11:00`, `off 2027-01-02..2027-01-05` ";
pub const WINDOW_EDIT_PROMPT: &str = " Edit spare time ";
/// The window prompt given something other than spare time.
pub const NOT_SPARE_TIME: &str = "not spare time: write it like `weekdays 7:10-7:40 commute`";

pub const IMPORT_REPORT: &str = " Import (↑↓ scroll, any other key closes) ";

// ----- The badge form -----

pub const FORM_NEW_TITLE: &str = " New badge ";
pub const FORM_EDIT_TITLE: &str = " Edit badge ";
pub const FORM_KEYS: &str = "Tab/↑↓ move · Enter next · Ctrl-S save · Esc cancel";

/// The label of a form field and the hint shown while it is empty.
pub fn form_field(name: &str) -> (&'static str, &'static str) {
    match name {
        "name" => ("Name", "required"),
        "key" => ("Key", "a-z 0-9 -; empty: from the name"),
        "issuer" => ("Issuer", "IBM, Microsoft, AWS, Google Cloud…"),
        "level" => ("Level", ""),
        "earned" => ("Earned", "YYYY-MM-DD; empty for a target"),
        "expires" => ("Expires", "YYYY-MM-DD; empty: never"),
        "renewed" => ("Renewed", "YYYY-MM-DD"),
        "retires" => ("Retires", "YYYY-MM-DD, 2027, 2027-Q1, Q1 '27"),
        "replaced_by" => ("Replaced by", "key of the replacement"),
        "available" => ("Available", "for a target: first date"),
        "goal" => ("Goal", "for a target: wanted by"),
        "effort" => ("Effort", "90m, 1h30m, 6h; empty: issuer default"),
        "renew_from" => ("Renew from", "empty: expiry minus the issuer's window"),
        "priority" => ("Priority", "low, normal, high"),
        "tags" => ("Tags", "words separated by spaces"),
        "url" => ("URL", ""),
        "notes" => ("Notes", ""),
        _ => ("", ""),
    }
}

pub const NAME_REQUIRED: &str = "a name is required";
pub const CANNOT_REPLACE_ITSELF: &str = "a badge cannot replace itself";

pub fn key_taken(key: &str) -> String {
    format!("'{key}' is taken")
}

pub fn earned_after_today(d: NaiveDate) -> String {
    format!("{d} is after today")
}

pub fn no_badge_with_key(key: &str) -> String {
    format!("no badge has the key '{key}'")
}

// ----- Status messages -----

pub const NO_BADGE_ROW: &str = "no badge listed: clear the filter (Esc) or add one (n)";
pub const NO_TIMELINE: &str = "no room for the timeline: it needs 37 rows (or 150x33)";
pub const OUTSIDE_CHANGE: &str = "reloaded: the database was changed outside";
pub const ARCHIVED_SHOWN: &str = "archived badges shown: x restores one";
pub const ARCHIVED_HIDDEN: &str = "archived badges hidden";
pub const CANCELLED: &str = "cancelled";
pub const PIN_GONE: &str = "this pinned session is no longer there";

/// "sorted by name".
pub fn sorted_by(sort: SortBy) -> String {
    format!("sorted by {}", sort_name(sort))
}

/// "pinned aws-saa Fri 2026-11-27 07:10".
pub fn pinned(key: &str, start: NaiveDateTime) -> String {
    format!("pinned {key} {}", weekday_date_time(start))
}

// ----- Today -----

pub const NEXT: &str = "Next";
pub const PINNED_SUFFIX: &str = "  pinned";
pub const NOTHING_TODAY: &str = " nothing planned today";
pub const REST_OF_WEEK: &str = "Rest of the week";
pub const NOTHING_THIS_WEEK: &str = " nothing more this week";
pub const NEXT_WEEK: &str = "Next week";
pub const NOTHING_NEXT_WEEK: &str = " nothing planned next week";
pub const AT_RISK: &str = "At risk";
pub const DUE: &str = "due";
pub const EXPIRING: &str = "Expiring";
pub const NOTHING_EXPIRES: &str = " nothing expires within 90 days";
pub const RETIRES_LAPSE: &str = "retires: let it lapse";
pub const EXPIRES: &str = "expires";
pub const THIS_WEEK: &str = "This week";
pub const NO_SESSIONS: &str = "Nothing planned: add spare time (5) or a badge to renew (2).";
pub const ALL_ON_TIME: &str = "Everything is on time.";

/// "studied 1h55m of 6h25m".
pub fn studied_of(done: &str, goal: &str) -> String {
    format!("studied {done} of {goal}")
}

/// "Today · 1h30m".
pub fn today_title(total: &str) -> String {
    format!("Today · {total}")
}

/// "retires → #new-key".
pub fn retires_to(key: &str) -> String {
    format!("retires → #{key}")
}

/// The next session's progress bar: "██░░ 2h/6h after it".
pub fn after_it(bar: &str, done: &str, effort: &str) -> String {
    format!(" {bar} {done}/{effort} after it")
}

// ----- Badges -----

pub const BADGES_COLUMNS: [&str; 7] = [
    "STATUS",
    "NAME",
    "ISSUER",
    "EXPIRES",
    "RETIRES / REPLACED BY",
    "PROGRESS",
    "NEXT",
];
pub const NO_ISSUER: &str = "no issuer";
pub const ARCHIVED: &str = "archived";
pub const NO_REPLACEMENT: &str = "no repl.";
pub const NO_BADGES: &str = "No badges yet: n adds one, i imports a Credly download or a CSV.";
pub const NO_MATCH: &str = "No badge matches the filter (Esc clears it).";
/// Before the filter in the title row.
pub const FILTER_PROMPT: &str = "filter: ";

/// The name of a sort order, as the title shows it.
pub fn sort_name(sort: SortBy) -> &'static str {
    match sort {
        SortBy::Urgency => "urgency",
        SortBy::Name => "name",
        SortBy::Issuer => "issuer",
        SortBy::Expiry => "expiry",
        SortBy::Progress => "progress",
    }
}

/// "14 of 15 badges · sort: urgency".
pub fn badges_title(shown: usize, total: usize, sort: SortBy) -> String {
    format!(" {shown} of {total} badges · sort: {}", sort_name(sort))
}

/// Labels of the detail pane.
pub const DETAIL_LABELS: [&str; 8] = [
    "earned",
    "expires",
    "renew ≥",
    "retires",
    "avail.",
    "goal",
    "replaced",
    "studied",
];
pub const TAGS: &str = "tags";

/// "1h of 6h · normal": logged of the effort, and the priority.
pub fn studied_detail(logged: &str, effort: &str, priority: &dyn Display) -> String {
    format!("{logged} of {effort} · {priority}")
}

/// "on time: due 2027-01-10, ready 2026-12-05".
pub fn on_time(due: NaiveDate, ready: Option<NaiveDate>) -> String {
    format!(
        "on time: due {due}, ready {}",
        ready.map_or_else(|| "now".into(), |f| f.to_string())
    )
}

/// "AT RISK: …".
pub fn at_risk_line(reason: &str) -> String {
    format!("AT RISK: {reason}")
}

/// Why a badge has nothing to plan.
pub fn idle(idle: &crate::domain::work::Idle) -> String {
    use crate::domain::work::Idle;
    match idle {
        Idle::Archived => "archived: not planned".into(),
        Idle::LetLapse => "retiring, no renewal: let it lapse".into(),
        Idle::ReplacedBy(k) => format!("retiring: study its replacement #{k} instead"),
        Idle::ReplacementHeld(k) => format!("retiring: replacement #{k} already held"),
        Idle::Expired => "expired: set a goal date to earn it again".into(),
        Idle::Retired => "retired".into(),
        Idle::NoExpiry => "never expires: nothing to renew".into(),
        Idle::NoGoal => "target without a goal date: set one to plan it".into(),
    }
}

// ----- Plan -----

pub const TODAY_MARK: &str = " today";
pub const OUTCOME_HEADERS: [&str; 5] = ["BADGE", "DUE", "LEFT", "SLACK", "READY"];

/// "Agenda · 42 sessions · 31h30m until 2027-03-02 · ◆ pinned".
pub fn agenda_title(sessions: usize, total: &str, until: NaiveDate) -> String {
    format!("Agenda · {sessions} sessions · {total} until {until} · ◆ pinned")
}

/// "Outcomes · 2 at risk".
pub fn outcomes_title(risky: usize) -> String {
    format!("Outcomes · {risky} at risk")
}

/// The last line of a cut outcome list: "  … 3 more: a, b, c".
pub fn more_outcomes(keys: &[&str]) -> String {
    format!("  … {} more: {}", keys.len(), keys.join(", "))
}

// ----- Spare time -----

pub const WINDOWS: &str = "Windows";
pub const BUSY_IMPORTS: &str = " busy time imported from calendars (sukima window rm SOURCE):";
pub const NO_WINDOWS: &str =
    "No spare time yet: n adds a window, like `weekdays 7:10-7:40 commute`.";

/// "Week · 6h20m of spare time".
pub fn spare_week_title(total: &str) -> String {
    format!("Week · {total} of spare time")
}

/// The kind of a window, as listed.
pub fn window_kind(kind: &crate::domain::spare::WindowKind) -> &'static str {
    match kind {
        crate::domain::spare::WindowKind::Weekly { .. } => "weekly",
        crate::domain::spare::WindowKind::Once { .. } => "once",
        crate::domain::spare::WindowKind::Blackout { .. } => "blackout",
    }
}

/// One calendar whose busy time was imported: "   work.ics: 12 events, 2026-11-02 – …".
pub fn busy_source(source: &str, events: u32, first: &str, last: &str) -> String {
    format!("   {source}: {events} events, {first} – {last}")
}

// ----- Calendar -----

pub const TIMELINE: &str = "Timeline (J/K scroll)";
pub const HEATMAP: &str = "Study over the year";
/// The legend of the month grid, in the order of its symbols (expiry, renewal opens,
/// retirement, replacement, due, goal, planned, logged).
pub const LEGEND_MONTH: [&str; 8] = [
    "expires",
    "renewal opens",
    "retires",
    "replacement",
    "due",
    "goal",
    "planned",
    "logged",
];
/// The legend of the timeline (opens, window, study, due, expires, retires).
pub const LEGEND_TIMELINE: [&str; 6] = ["opens", "window", "study", "due", "expires", "retires"];

/// What happens on a day, in words (lower case): the calendar's event list.
pub fn event_label(kind: DayEventKind) -> &'static str {
    match kind {
        DayEventKind::Expiry(Band::Past) => "expired",
        DayEventKind::Expiry(_) => "expires",
        DayEventKind::RenewalOpens => "renewal opens",
        DayEventKind::Retirement => "retires",
        DayEventKind::ReplacementAvailable => "replacement available",
        DayEventKind::Due => "due",
        DayEventKind::Goal => "goal",
    }
}

/// How soon an expiry is, in words ("" for other events).
pub fn event_note(kind: DayEventKind) -> &'static str {
    match kind {
        DayEventKind::Expiry(Band::Red) => "in under 30 days",
        DayEventKind::Expiry(Band::Yellow) => "in under 60 days",
        DayEventKind::Expiry(Band::Plain) => "in under 90 days",
        _ => "",
    }
}

/// The label of an event in the selected day's details.
pub fn detail_label(kind: DayEventKind) -> &'static str {
    match kind {
        DayEventKind::Expiry(Band::Past) => "Expired",
        DayEventKind::Expiry(_) => "Expires",
        DayEventKind::RenewalOpens => "Renewal opens",
        DayEventKind::Retirement => "Retires",
        DayEventKind::ReplacementAvailable => "Replacement",
        DayEventKind::Due => "Due",
        DayEventKind::Goal => "Goal",
    }
}

/// Labels of the study rows of the day's details.
pub const DAY_PINNED: &str = "Pinned";
pub const DAY_PLANNED: &str = "Planned";
pub const DAY_LOGGED: &str = "Logged";
pub const DAY_TOTAL: &str = "Total";
pub const DAY_EMPTY: &str = "Nothing due and no study.";

/// A day as seen from today: "today", "in 4 days", "2 days ago".
pub fn days_from_today(n: i64) -> String {
    match n {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        -1 => "yesterday".to_string(),
        n if n > 0 => format!("in {n} days"),
        n => format!("{} days ago", -n),
    }
}

/// The day's totals: "planned 1h, logged 30m" (a zero left out).
pub fn day_totals(planned: u32, logged: u32) -> String {
    use crate::domain::duration::format_minutes;
    [("planned", planned), ("logged", logged)]
        .iter()
        .filter(|(_, m)| *m > 0)
        .map(|(what, m)| format!("{what} {}", format_minutes(*m)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Rows left out above a list: "↑ 3 more".
pub fn more_above(n: usize) -> String {
    format!("↑ {n} more")
}

/// Rows left out below a list: "↓ 3 more".
pub fn more_below(n: usize) -> String {
    format!("↓ {n} more")
}

/// Events left out of a month grid's day: "+2 more".
pub fn more_in_day(n: usize) -> String {
    format!("+{n} more")
}

/// The timeline with nothing ahead: "Nothing to renew from Thu 2026-11-26.".
pub fn nothing_to_renew(today: NaiveDate) -> String {
    format!("Nothing to renew from {}.", weekday_date(today))
}

/// The heatmap's summary in words: "Streak 3 days · this week 2h · past year 80h".
pub fn heat_summary(streak: u32, week: &str, year: &str) -> String {
    let days = if streak == 1 { "day" } else { "days" };
    format!("Streak {streak} {days} · this week {week} · past year {year}")
}

/// The heatmap's summary where the words do not fit: "3d streak · week 2h · year 80h".
pub fn heat_summary_short(streak: u32, week: &str, year: &str) -> String {
    format!("{streak}d streak · week {week} · year {year}")
}

/// Either side of the heatmap's key: "less ·░▒▓█ more".
pub const HEAT_LESS: &str = "less ";
pub const HEAT_MORE: &str = " more";

// ----- `sukima calendar` (the command line, always in English) -----

/// The legend's mark for today.
pub const CAL_TODAY: &str = "today";
pub const CAL_NO_EVENTS: &str = "No renewal events.";

/// "No renewal events in November 2026.".
pub fn cal_no_events_in(month: &str) -> String {
    format!("No renewal events in {month}.")
}

/// "Study this month: 4h planned, 2h logged.".
pub fn cal_study(planned: &str, logged: &str) -> String {
    format!("Study this month: {planned} planned, {logged} logged.")
}

/// The short form: "Planned 4h, logged 2h.".
pub fn cal_study_short(planned: &str, logged: &str) -> String {
    format!("Planned {planned}, logged {logged}.")
}
