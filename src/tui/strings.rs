//! Every piece of text the planner shows, in one place, so a translation can follow.

use super::action::Action;
use super::view::View;

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

pub const APP_TITLE: &str = "sukima";
pub const PIN_NEXT: &str = "pin next";
pub const NO_BADGE_ROW: &str = "no badge listed: clear the filter (Esc) or add one (n)";
/// The footer while a filter is typed: (key, what it does).
pub const FILTER_HINTS: [(&str, &str); 3] = [
    ("Enter", "keep the filter"),
    ("Esc", "clear it"),
    ("↑↓", "back to the list"),
];
pub const NO_TIMELINE: &str = "no room for the timeline: it needs 37 rows (or 150x33)";
pub const TOO_SMALL: &str = "sukima needs at least 40x12";
pub const HELP_TITLE: &str = " Keys (Esc closes) ";
pub const HELP_EVERYWHERE: &str = "Everywhere";
pub const QUICK_ADD_TITLE: &str =
    " Quick add (Enter adds, Esc cancels, Tab completes, ↑↓ history) ";
pub const QUICK_ADD_EMPTY: &str =
    "30m #key · 1h cp4d tomorrow 7:30 · free weekdays 7:10-7:40 commute · off 12/28..1/3";
pub const CONFIRM_KEYS: &str = "y: yes   any other key: no";
pub const FORM_KEYS: &str = "Tab/↑↓ move · Enter next · Ctrl-S save · Esc cancel";
pub const NOTHING_TO_UNDO: &str = "nothing to undo";
pub const NO_BADGES: &str = "No badges yet: n adds one, i imports a Credly download or a CSV.";
pub const NO_MATCH: &str = "No badge matches the filter (Esc clears it).";
pub const NO_SESSIONS: &str = "Nothing planned: add spare time (5) or a badge to renew (2).";
pub const NO_WINDOWS: &str =
    "No spare time yet: n adds a window, like `weekdays 7:10-7:40 commute`.";
pub const ALL_ON_TIME: &str = "Everything is on time.";
pub const OUTSIDE_CHANGE: &str = "reloaded: the database was changed outside";

/// Footer text while filtering.
pub const FILTER_PROMPT: &str = "filter: ";

/// Titles of the prompts.
pub fn renew_prompt(name: &str) -> String {
    format!(" Renewed {name}: new expiry (YYYY-MM-DD) ")
}
pub const IMPORT_PROMPT: &str = " Import: Credly badges.json (all pages: badges*.json), CSV, Open Badges JSON, or .ics busy time ";
pub const WINDOW_ADD_PROMPT: &str = " New spare time: `weekdays 7:10-7:40 commute`, `sat 9:00-11:00`, `off 2027-01-02..2027-01-05` ";
pub const WINDOW_EDIT_PROMPT: &str = " Edit spare time ";
pub fn confirm_delete_badge(name: &str, logs: usize) -> String {
    let logs = crate::text::counted(logs, "log entry", "log entries");
    format!("Delete {name} and its {logs}? (u undoes)")
}
pub fn confirm_delete_window(what: &str) -> String {
    format!("Delete {what}? (u undoes)")
}

/// The quick-add grammar, for the help overlay.
pub const QUICK_ADD_HELP: &[&str] = &[
    "30m #aws-saa               log 30 minutes that end now",
    "1h cp4d yesterday          log on a past day (words match names)",
    "45min #az-104 7:30 -- ch.3 log from 7:30 today, with a note",
    "1h #gcp-pde tomorrow 19:00 pin a session in the future",
    "30分 データサイエンス 昨日 Japanese works too (全角 too)",
    "free weekdays 7:10-7:40 commute   weekly spare time",
    "free sat 9:00-11:00        one-off spare time (next Saturday)",
    "off 2027-01-02..2027-01-05 new year   a blackout",
];

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
pub const SHORT: &str = "short";
pub const EXPIRING: &str = "Expiring";
pub const NOTHING_EXPIRES: &str = " nothing expires within 90 days";
pub const RETIRES_LAPSE: &str = "retires: let it lapse";
pub const EXPIRES: &str = "expires";
pub const THIS_WEEK: &str = "This week";

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

/// "today", "tomorrow", or "Fri 01-08".
pub fn day_name(d: chrono::NaiveDate, today: chrono::NaiveDate) -> String {
    if d == today {
        "today".to_string()
    } else if Some(d) == today.succ_opt() {
        "tomorrow".to_string()
    } else {
        d.format("%a %m-%d").to_string()
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

// ----- Plan, Spare time, Calendar, Badges -----

pub const AGENDA: &str = "Agenda";
pub const SESSIONS: &str = "sessions";
pub const UNTIL: &str = "until";
pub const OUTCOMES: &str = "Outcomes";
pub const AT_RISK_LOWER: &str = "at risk";
pub const TODAY_MARK: &str = " today";
pub const PINNED_MARK: &str = "◆ pinned";
pub const OUTCOME_HEADERS: [&str; 5] = ["BADGE", "DUE", "LEFT", "SLACK", "READY"];
pub const WEEK: &str = "Week";
pub const OF_SPARE_TIME: &str = "of spare time";
pub const WINDOWS: &str = "Windows";
pub const BUSY_IMPORTS: &str = " busy time imported from calendars (sukima window rm SOURCE):";
pub const TIMELINE: &str = "Timeline (J/K scroll)";
pub const HEATMAP: &str = "Study over the year";
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

/// The kind of a window, as listed.
pub fn window_kind(kind: &crate::domain::spare::WindowKind) -> &'static str {
    match kind {
        crate::domain::spare::WindowKind::Weekly { .. } => "weekly",
        crate::domain::spare::WindowKind::Once { .. } => "once",
        crate::domain::spare::WindowKind::Blackout { .. } => "blackout",
    }
}

/// "14 of 15 badges · sort: urgency".
pub fn badges_title(shown: usize, total: usize, sort: &str) -> String {
    format!(" {shown} of {total} badges · sort: {sort}")
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

/// "on time: due 2027-01-10, ready 2026-12-05".
pub fn on_time(due: chrono::NaiveDate, ready: Option<chrono::NaiveDate>) -> String {
    format!(
        "on time: due {due}, ready {}",
        ready.map_or_else(|| "now".into(), |f| f.to_string())
    )
}

/// "AT RISK: …".
pub fn at_risk_line(reason: &str) -> String {
    format!("AT RISK: {reason}")
}

/// The quiet status line's plan summary.
pub fn plan_summary(outcomes: usize, risky: usize) -> String {
    match (outcomes, risky) {
        (0, _) => "nothing to prepare".to_string(),
        (n, 0) => format!("{n} to prepare, all on time"),
        (n, r) => format!("{n} to prepare, {r} at risk"),
    }
}

pub const IMPORT_REPORT: &str = " Import (↑↓ scroll, any other key closes) ";
