//! The English words of [`ScreenTexts`].

use super::ScreenTexts;
use crate::domain::badge::fields::Field;
use crate::domain::status::Band;
use crate::present::month::DayEventKind;
use crate::present::texts::{En, Texts};
use crate::tui::action::Action;
use crate::tui::app::SortBy;
use crate::tui::view::View;
use chrono::{NaiveDate, NaiveDateTime, Weekday};

impl ScreenTexts for En {
    fn view_title(&self, v: View) -> &'static str {
        match v {
            View::Today => "Today",
            View::Badges => "Badges",
            View::Plan => "Plan",
            View::Calendar => "Calendar",
            View::Spare => "Spare time",
            View::Log => "Log",
        }
    }

    fn view_short(&self, v: View) -> String {
        self.view_title(v).chars().take(3).collect()
    }

    fn action_help(&self, a: Action) -> &'static str {
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
            Action::NextFix => "select the next fix for a badge at risk",
            Action::ApplyFix => "apply the selected fix (u undoes it)",
            Action::Import => "import a Credly download, a CSV file or a calendar (.ics)",
            Action::PrevMonth => "previous month",
            Action::NextMonth => "next month",
            Action::GoToday => "back to today",
            Action::ToggleDetail => "show / hide details",
            Action::ToggleArchived => "show / hide archived badges",
            Action::ScrollUp => "scroll the timeline up",
            Action::ScrollDown => "scroll the timeline down",
            Action::Steps => "the badge's steps: add, edit, reorder, mark done, open",
            Action::Deals => {
                "the deals: the badges each needs by its date; add, edit, close, delete"
            }
            Action::CloseDeal => "close the selected deal: won, lost or dropped",
            Action::StepDone => "mark the current step done",
            Action::Open => "open the step's (or badge's) page in the browser",
            Action::Back => "clear the filter / close",
            Action::Confirm => "yes, in a confirmation",
            Action::Save => "save the form",
            Action::NextField => "next field; in quick-add, complete the #key",
            Action::Redo => "redo what undo took back",
            Action::ViewLog => "Log view",
            Action::Done => "the session is studied: log it (asks the minutes)",
            Action::Skip => "skip the session: its time is blocked, the work moves",
            Action::Move => "move the session to another time (pins it there)",
            Action::ReverseSort => "reverse the sort order",
            Action::PrevField => "previous field",
        }
    }

    fn action_hint(&self, a: Action) -> &'static str {
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
            Action::NextFix => "fixes",
            Action::ApplyFix => "apply fix",
            Action::Import => "import",
            Action::PrevMonth => "prev month",
            Action::NextMonth => "next month",
            Action::GoToday => "today",
            Action::Redo => "redo",
            Action::Done => "done",
            Action::Skip => "skip",
            Action::Move => "move",
            Action::Open => "open",
            Action::ReverseSort => "reverse",
            Action::ScrollDown => "timeline",
            Action::Steps => "steps",
            Action::Deals => "deals",
            Action::CloseDeal => "close",
            Action::StepDone => "step done",
            _ => self.action_help(a),
        }
    }

    fn filter_hints(&self) -> [(&'static str, &'static str); 3] {
        [
            ("Enter", "keep the filter"),
            ("Esc", "clear it"),
            ("↑↓", "back to the list"),
        ]
    }

    fn too_small(&self) -> &'static str {
        "sukima needs at least 40x12"
    }

    fn plan_summary(&self, outcomes: usize, risky: usize) -> String {
        match (outcomes, risky) {
            (0, _) => "nothing to prepare".to_string(),
            (n, 0) => format!("{n} to prepare, all on time"),
            (n, r) => format!("{n} to prepare, {r} at risk"),
        }
    }

    fn week_grid_day(&self, w: Weekday) -> &'static str {
        crate::domain::dates::weekday_name(w)
    }

    fn days_left(&self, days: i64) -> String {
        format!("{days:>3}d")
    }

    fn starts_in(&self, minutes: i64) -> String {
        match minutes {
            m if m <= 0 => "now".to_string(),
            m if m < 60 => format!("in {m}m"),
            m if m < 24 * 60 => format!("in {}h{:02}m", m / 60, m % 60),
            m => format!("in {}d", m / (24 * 60)),
        }
    }

    fn help_title(&self) -> &'static str {
        " Keys (Esc closes) "
    }

    fn help_everywhere(&self) -> &'static str {
        "Everywhere"
    }

    fn help_popups(&self) -> &'static str {
        "In popups"
    }

    fn help_quick_add(&self) -> &'static str {
        "Quick-add"
    }

    fn quick_add_help(&self) -> &'static [(&'static str, &'static str)] {
        const EN: &[(&str, &str)] = &[
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
            ("free weekdays 18:10-18:40 train home", "weekly spare time"),
            ("free sat 9:00-11:00", "one-off spare time (next Saturday)"),
            ("off 2027-01-02..2027-01-05 new year", "a blackout"),
        ];
        EN
    }

    fn quick_add_title(&self) -> &'static str {
        " Quick add (Enter adds, Esc cancels, Tab completes, ↑↓ history) "
    }

    fn quick_add_empty(&self) -> &'static str {
        "30m #key · 1h cp4d tomorrow 7:30 · free weekdays 7:10-7:40 commute · off 12/28..1/3"
    }

    fn confirm_title(&self) -> &'static str {
        " Confirm "
    }

    fn confirm_keys(&self) -> &'static str {
        "y: yes   any other key: no"
    }

    fn confirm_delete_badge(&self, name: &str, logs: usize, deals: &[&str]) -> String {
        let logs = crate::text::counted(logs, "log entry", "log entries");
        let deals = match deals {
            [] => String::new(),
            [one] => format!(" Deal {one} will no longer need it."),
            many => format!(" Deals {} will no longer need it.", many.join(", ")),
        };
        format!("Delete {name} and its {logs}?{deals} (u undoes)")
    }

    fn confirm_delete_window(&self, what: &str) -> String {
        format!("Delete {what}? (u undoes)")
    }

    fn renew_prompt(&self, name: &str) -> String {
        format!(" Renewed {name}: new expiry (YYYY-MM-DD) ")
    }

    fn import_prompt(&self) -> &'static str {
        " Import: a Credly user name or profile address, Credly badges.json (all pages: badges*.json), CSV, Open Badges JSON, or .ics busy time "
    }

    fn fetching_profile(&self, profile: &str) -> String {
        format!("fetching the Credly profile {profile}…")
    }

    fn window_add_prompt(&self) -> &'static str {
        " New spare time: `weekdays 7:10-7:40 commute`, `sat 9:00-11:00`, `off 2027-01-02..2027-01-05` "
    }

    fn window_edit_prompt(&self) -> &'static str {
        " Edit spare time "
    }

    fn not_spare_time(&self) -> &'static str {
        "not spare time: write it like `weekdays 7:10-7:40 commute`"
    }

    fn import_report(&self) -> &'static str {
        " Import (↑↓ scroll, any other key closes) "
    }

    fn form_new_title(&self) -> &'static str {
        " New badge "
    }

    fn form_edit_title(&self) -> &'static str {
        " Edit badge "
    }

    fn form_keys(&self) -> &'static str {
        "Tab/↑↓ move · Enter next · Ctrl-S save · Esc cancel"
    }

    fn form_field(&self, field: Field) -> (&'static str, &'static str) {
        match field {
            Field::Name => ("Name", "required"),
            Field::Key => ("Key", "a-z 0-9 -; empty: from the name"),
            Field::Issuer => ("Issuer", "IBM, Microsoft, AWS, Google Cloud…"),
            Field::Level => ("Level", ""),
            Field::Earned => ("Earned", "YYYY-MM-DD; empty for a target"),
            Field::Expires => (
                "Expires",
                "YYYY-MM-DD; empty: earned + the issuer's validity; never",
            ),
            Field::Renewed => ("Renewed", "YYYY-MM-DD"),
            Field::Retires => ("Retires", "YYYY-MM-DD, 2027, 2027-Q1, Q1 '27"),
            Field::ReplacedBy => ("Replaced by", "key of the replacement"),
            Field::After => ("After", "keys of badges it requires first"),
            Field::Available => ("Available", "for a target: first date"),
            Field::Goal => ("Goal", "for a target: wanted by"),
            Field::Effort => ("Effort", "90m, 1h30m, 6h; empty: issuer default"),
            Field::RenewFrom => ("Renew from", "empty: expiry minus the issuer's window"),
            Field::Priority => ("Priority", "low, normal, high"),
            Field::Tags => ("Tags", "words separated by spaces or commas"),
            Field::Url => ("URL", ""),
            Field::Notes => ("Notes", ""),
        }
    }

    fn cannot_replace_itself(&self) -> &'static str {
        "a badge cannot replace itself"
    }

    fn key_taken(&self, key: &str) -> String {
        format!("'{key}' is taken")
    }

    fn earned_after_today(&self, d: NaiveDate, _today: NaiveDate) -> String {
        format!("{d} is after today")
    }

    fn no_badge_with_key(&self, key: &str) -> String {
        format!("no badge has the key '{key}'")
    }

    fn no_badge_row(&self) -> &'static str {
        "no badge listed: clear the filter (Esc) or add one (n)"
    }

    fn no_timeline(&self) -> &'static str {
        "no room for the timeline: it needs 37 rows (or 150x33)"
    }

    fn fix_selected(&self, key: &str, command: &str) -> String {
        format!("fix for {key}: {command} (F applies it)")
    }

    fn fix_hint(&self, text: &str, count: usize) -> String {
        if count > 1 {
            format!("F: {text} · f: {} more", count - 1)
        } else {
            format!("F: {text}")
        }
    }

    fn fixes_searching(&self) -> &'static str {
        "finding fixes for the badges at risk…"
    }

    fn no_fixes(&self) -> &'static str {
        "no fix to apply"
    }

    fn no_config_folder(&self) -> &'static str {
        "no config folder on this system: start sukima with --config PATH"
    }

    fn daily_cap_set(&self, cap: &str, demo: bool) -> String {
        if demo {
            format!("daily cap {cap} (demo: not saved); u undoes it")
        } else {
            format!("daily cap {cap} (config.toml); u undoes it")
        }
    }

    fn daily_cap_undone(&self, cap: &str) -> String {
        format!("undid: daily cap back to {cap}")
    }

    fn outside_change(&self) -> &'static str {
        "reloaded: the database was changed outside"
    }

    fn archived_shown(&self) -> &'static str {
        "archived badges shown: x restores one"
    }

    fn archived_hidden(&self) -> &'static str {
        "archived badges hidden"
    }

    fn cancelled(&self) -> &'static str {
        "cancelled"
    }

    fn pin_gone(&self) -> &'static str {
        "this pinned session is no longer there"
    }

    fn sorted_by(&self, sort: SortBy) -> String {
        format!("sorted by {}", self.sort_name(sort))
    }

    fn pinned(&self, key: &str, start: NaiveDateTime) -> String {
        format!(
            "pinned {key} {}",
            self.weekday_date_time(start, start.date())
        )
    }

    fn next(&self) -> &'static str {
        "Next"
    }

    fn pinned_suffix(&self) -> &'static str {
        "  pinned"
    }

    fn nothing_today(&self) -> &'static str {
        " nothing planned today"
    }

    fn rest_of_week(&self) -> &'static str {
        "Rest of the week"
    }

    fn nothing_this_week(&self) -> &'static str {
        " nothing more this week"
    }

    fn next_week(&self) -> &'static str {
        "Next week"
    }

    fn nothing_next_week(&self) -> &'static str {
        " nothing planned next week"
    }

    fn at_risk(&self) -> &'static str {
        "At risk"
    }

    fn due(&self) -> &'static str {
        "due"
    }

    fn expiring(&self) -> &'static str {
        "Expiring"
    }

    fn lapsed(&self, expired: usize, retired: usize) -> String {
        let what = match (expired, retired) {
            (e, 0) => format!("{e} expired"),
            (0, r) => format!("{r} retired"),
            (e, r) => format!("{e} expired, {r} retired"),
        };
        format!("{what}: renew (r) or archive (x) in Badges")
    }

    fn nothing_expires(&self) -> &'static str {
        " nothing expires within 90 days"
    }

    fn retires_lapse(&self) -> &'static str {
        "retires: let it lapse"
    }

    fn expires(&self) -> &'static str {
        "expires"
    }

    fn this_week(&self) -> &'static str {
        "This week"
    }

    fn no_sessions(&self) -> &'static str {
        "Nothing planned: add spare time (5) or a badge to renew (2)."
    }

    fn all_on_time(&self) -> &'static str {
        "Everything is on time."
    }

    fn studied_of(&self, done: &str, goal: &str) -> String {
        format!("studied {done} of {goal}")
    }

    fn today_title(&self, total: &str) -> String {
        format!("Today · {total}")
    }

    fn after_expiry(&self) -> &'static str {
        "after expiry"
    }

    fn retires_to(&self, key: &str) -> String {
        format!("retires → #{key}")
    }

    fn after_it(&self, bar: &str, done: &str, effort: &str) -> String {
        format!(" {bar} {done}/{effort} after it")
    }

    fn badges_columns(&self) -> [&'static str; 7] {
        [
            "STATUS",
            "NAME",
            "ISSUER",
            "EXPIRES",
            "RETIRES / REPLACED BY",
            "PROGRESS",
            "NEXT",
        ]
    }

    fn no_issuer(&self) -> &'static str {
        "no issuer"
    }

    fn archived(&self) -> &'static str {
        "archived"
    }

    fn no_replacement(&self) -> &'static str {
        "no repl."
    }

    fn no_badges(&self) -> &'static str {
        "No badges yet: n adds one, i imports a Credly download or a CSV."
    }

    fn no_match(&self) -> &'static str {
        "No badge matches the filter (Esc clears it)."
    }

    fn filter_prompt(&self) -> &'static str {
        "filter: "
    }

    fn sort_name(&self, sort: SortBy) -> &'static str {
        match sort {
            SortBy::Urgency => "urgency",
            SortBy::Name => "name",
            SortBy::Issuer => "issuer",
            SortBy::Expiry => "expiry",
            SortBy::Progress => "progress",
        }
    }

    fn badges_title(&self, shown: usize, total: usize, sort: SortBy) -> String {
        format!(
            " {shown} of {total} badges · sort: {}",
            self.sort_name(sort)
        )
    }

    fn detail_labels(&self) -> [&'static str; 8] {
        [
            "earned",
            "expires",
            "renew ≥",
            "retires",
            "avail.",
            "goal",
            "replaced",
            "studied",
        ]
    }

    fn tags(&self) -> &'static str {
        "tags"
    }

    fn studied_detail(
        &self,
        logged: &str,
        effort: &str,
        priority: crate::domain::badge::Priority,
    ) -> String {
        format!("{logged} of {effort} · {priority} priority")
    }

    fn on_time(&self, due: NaiveDate, ready: Option<NaiveDate>, _today: NaiveDate) -> String {
        format!(
            "on time: due {due}, ready {}",
            ready.map_or_else(|| "now".into(), |f| f.to_string())
        )
    }

    fn at_risk_line(&self, reason: &str) -> String {
        format!("AT RISK: {reason}")
    }

    fn today_mark(&self) -> &'static str {
        " today"
    }

    fn outcome_headers(&self) -> [&'static str; 5] {
        ["BADGE", "DUE", "LEFT", "SLACK", "READY"]
    }

    fn agenda_title(
        &self,
        sessions: usize,
        total: &str,
        until: NaiveDate,
        _today: NaiveDate,
    ) -> String {
        format!("Agenda · {sessions} sessions · {total} until {until} · ◆ pinned")
    }

    fn outcomes_title(&self, risky: usize) -> String {
        format!("Outcomes · {risky} at risk")
    }

    fn more_outcomes(&self, keys: &[&str]) -> String {
        format!("  … {} more: {}", keys.len(), keys.join(", "))
    }

    fn windows(&self) -> &'static str {
        "Windows"
    }

    fn busy_imports(&self) -> &'static str {
        " busy time imported from calendars (sukima window rm SOURCE):"
    }

    fn no_windows(&self) -> &'static str {
        "No spare time yet: n adds a window, like `weekdays 7:10-7:40 commute`."
    }

    fn spare_week_title(&self, total: &str) -> String {
        format!("Week · {total} of spare time")
    }

    fn window_kind(&self, kind: &crate::domain::spare::WindowKind) -> &'static str {
        match kind {
            crate::domain::spare::WindowKind::Weekly { .. } => "weekly",
            crate::domain::spare::WindowKind::Once { .. } => "once",
            crate::domain::spare::WindowKind::Blackout { .. } => "blackout",
        }
    }

    fn busy_source(&self, source: &str, events: u32, first: &str, last: &str) -> String {
        format!("   {source}: {events} events, {first} – {last}")
    }

    fn timeline(&self) -> &'static str {
        "Timeline (J/K scroll)"
    }

    fn heatmap(&self) -> &'static str {
        "Study over the year"
    }

    fn legend_timeline(&self) -> [&'static str; 6] {
        ["opens", "window", "study", "due", "expires", "retires"]
    }

    fn detail_label(&self, kind: DayEventKind) -> &'static str {
        match kind {
            DayEventKind::Expiry(Band::Past) => "Expired",
            DayEventKind::Expiry(_) => "Expires",
            DayEventKind::RenewalOpens => "Renewal opens",
            DayEventKind::Retirement => "Retires",
            DayEventKind::ReplacementAvailable => "Replacement",
            DayEventKind::Due => "Due",
            DayEventKind::Goal => "Goal",
            DayEventKind::Deal => "Deal",
        }
    }

    fn day_pinned(&self) -> &'static str {
        "Pinned"
    }

    fn day_planned(&self) -> &'static str {
        "Planned"
    }

    fn day_logged(&self) -> &'static str {
        "Logged"
    }

    fn day_total(&self) -> &'static str {
        "Total"
    }

    fn day_empty(&self) -> &'static str {
        "Nothing due and no study."
    }

    fn days_from_today(&self, n: i64) -> String {
        match n {
            0 => "today".to_string(),
            1 => "tomorrow".to_string(),
            -1 => "yesterday".to_string(),
            n if n > 0 => format!("in {n} days"),
            n => format!("{} days ago", -n),
        }
    }

    fn day_totals(&self, planned: u32, logged: u32) -> String {
        use crate::domain::duration::format_minutes;
        let sep = ", ";
        [("planned", planned), ("logged", logged)]
            .iter()
            .filter(|(_, m)| *m > 0)
            .map(|(what, m)| format!("{what} {}", format_minutes(*m)))
            .collect::<Vec<_>>()
            .join(sep)
    }

    fn more_above(&self, n: usize) -> String {
        format!("↑ {n} more")
    }

    fn more_below(&self, n: usize) -> String {
        format!("↓ {n} more")
    }

    fn more_in_day(&self, n: usize) -> String {
        format!("+{n} more")
    }

    fn nothing_to_renew(&self, today: NaiveDate) -> String {
        format!("Nothing to renew from {}.", self.weekday_date(today, today))
    }

    fn heat_summary(&self, streak: u32, week: &str, year: &str) -> String {
        let days = if streak == 1 { "day" } else { "days" };
        format!("Streak {streak} {days} · this week {week} · past year {year}")
    }

    fn heat_summary_short(&self, streak: u32, week: &str, year: &str) -> String {
        format!("{streak}d streak · week {week} · year {year}")
    }

    fn heat_less(&self) -> &'static str {
        "less "
    }

    fn heat_more(&self) -> &'static str {
        " more"
    }

    fn steps_title(&self, name: &str) -> String {
        format!(" Steps: {name} ")
    }

    fn steps_keys(&self) -> &'static str {
        "c done · o open · n add · e edit · J/K move · d delete · u undo · Esc close"
    }

    fn step_form_keys(&self) -> &'static str {
        "Tab/↑↓ move · Enter next · Ctrl-S save · Esc back"
    }

    fn step_form_title(&self, editing: bool) -> &'static str {
        if editing { " Edit step " } else { " New step " }
    }

    fn step_field(&self, name: &str) -> (&'static str, &'static str) {
        match name {
            "title" => ("Title", "required, like Module 2: Data governance"),
            "kind" => ("Kind", "course, assessment, exam, experience, other"),
            "minutes" => ("Estimate", "45m, 1h30m; empty: the kind's default"),
            "url" => ("URL", "https://… where to study it"),
            _ => ("", ""),
        }
    }

    fn steps_header(&self) -> [&'static str; 4] {
        ["#", "KIND", "EST", "STEP"]
    }

    fn step_done_on(&self, d: NaiveDate) -> String {
        format!("done {}", d.format("%m-%d"))
    }

    fn step_gone(&self) -> &'static str {
        "gone from the criteria"
    }

    fn steps_progress(&self, done: usize, all: usize, left: u32, total: u32) -> String {
        format!(
            "{done} of {all} steps done · {} left of {}",
            self.minutes(left),
            self.minutes(total)
        )
    }

    fn detail_steps(&self, done: usize, all: usize, current: Option<&str>) -> String {
        let current = current.map(|c| format!(" ▸ {c}")).unwrap_or_default();
        format!("Steps {done}/{all}{current} · t steps, c done, o open")
    }

    fn detail_after(&self, parts: &[(String, bool)]) -> String {
        let list: Vec<String> = parts
            .iter()
            .map(|(k, held)| format!("{k} ({})", if *held { "held" } else { "waiting" }))
            .collect();
        format!("After {}", list.join(", "))
    }

    fn detail_before(&self, keys: &[String]) -> String {
        format!("Before {}", keys.join(", "))
    }

    fn no_steps(&self, key: &str) -> String {
        format!("{key} has no steps: t, then n adds one")
    }

    fn no_url(&self) -> &'static str {
        "no address to open: give the step or the badge a URL (e to edit)"
    }

    fn nothing_to_open(&self) -> &'static str {
        "nothing selected to open"
    }

    fn opening(&self, url: &str) -> String {
        format!("opening {url}")
    }

    fn cannot_open(&self, why: &str) -> String {
        format!("cannot start a browser ({why}): set BROWSER to one")
    }

    fn title_required(&self) -> &'static str {
        "a title is required"
    }

    fn step_error(&self, e: &crate::domain::step::StepError) -> String {
        e.to_string()
    }

    fn prereq_problem(&self, e: &crate::domain::prereq::PrereqError) -> String {
        match e {
            crate::domain::prereq::PrereqError::Cycle { cycle } => {
                format!("a loop: {}", cycle.join(" → "))
            }
            other => other.to_string(),
        }
    }

    fn undo_key_hint(&self) -> &'static str {
        "u undoes"
    }

    fn deals_title(&self) -> &'static str {
        "Deals"
    }

    fn no_deals_here(&self) -> &'static str {
        "No deals yet: n adds one (the badges a deal needs, by its date)."
    }

    fn deals_keys(&self) -> &'static str {
        "n new · e edit · c close · d delete · u undo · Esc"
    }

    fn deal_form_keys(&self) -> &'static str {
        "Tab next field · Enter on the last or Ctrl-S saves · Esc cancels"
    }

    fn deal_form_title(&self, editing: bool) -> &'static str {
        if editing { "Edit deal" } else { "New deal" }
    }

    fn deal_field(&self, name: &str) -> (&'static str, &'static str) {
        match name {
            "name" => ("Name", "Acme DWH"),
            "by" => ("By", "YYYY-MM-DD"),
            "needs" => ("Needs", "badge keys, comma-separated"),
            "review" => ("Review", "cp4d-admin:2h (optional)"),
            "priority" => ("Priority", "low, normal, high"),
            _ => ("Notes", ""),
        }
    }

    fn deal_close_prompt(&self, name: &str) -> String {
        format!("Close {name}: w won · l lost · d dropped · Esc keeps it open")
    }

    fn deal_delete_prompt(&self, name: &str) -> String {
        format!("Delete the deal {name}? y deletes (u brings it back)")
    }
}
