//! The English words of [`Texts`].

mod deals;
mod imports;

use super::{DealTexts, En, Texts};
use crate::config::Language;
use crate::domain::badge::Badge;
use crate::domain::change::{CalendarImport, ChangeError, Done, Label, MoveWarning};
use crate::domain::dates::{hm, month_day, ymd_hm};
use crate::domain::duration::format_minutes;
use crate::domain::plan::{Outcome, Risk};
use crate::domain::quick_add::{Intent, ParseError};
use crate::domain::session::LookupError;
use crate::domain::spare::format_days;
use crate::domain::status::Band;
use crate::domain::status::{Status, countdown_days};
use crate::domain::validation::BadgeError;
use crate::domain::work::Idle;
use crate::io::InvalidRecord;
use crate::planning::conflicts::Reason;
use crate::planning::fixes::{Fix, NoFix};
use crate::present::month::DayEventKind;
use crate::text::counted;
use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};

impl Texts for En {
    fn language(&self) -> Language {
        Language::En
    }

    fn status_label(&self, b: &Badge, status: Status, today: NaiveDate) -> String {
        let word = status.as_str();
        match countdown_days(b, status, today) {
            Some(d) if d < 0 => format!("{word} {}d ago", -d),
            Some(d) if status != Status::Target || b.goal_on.is_some() => format!("{word} {d}d"),
            _ => word.to_string(),
        }
    }

    fn risk_text(&self, o: &Outcome, _today: NaiveDate) -> String {
        let (due, release, short) = (o.due, o.release, format_minutes(o.shortfall));
        match (o.risk, o.finish) {
            (None, _) => String::new(),
            (Some(Risk::DuplicateKey), _) => "listed twice".into(),
            (Some(Risk::DuePassed), _) => format!("was due {due}: planned from now on, late"),
            (Some(Risk::DueBeforeRelease), _) => {
                format!("cannot start before {release} but is due {due}: set a goal date")
            }
            (Some(_), Some(r)) => format!("short {short} by {due}, ready {r}"),
            (Some(_), None) => format!("short {short} by {due}, not ready within the plan"),
        }
    }

    fn idle(&self, idle: &Idle) -> String {
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

    fn minutes(&self, minutes: u32) -> String {
        format_minutes(minutes)
    }

    fn weekday(&self, w: Weekday) -> &'static str {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][w.num_days_from_monday() as usize]
    }

    fn month_abbr(&self, month: u32) -> &'static str {
        const EN: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        EN[(month as usize + 11) % 12]
    }

    fn month_title(&self, first: NaiveDate) -> String {
        let name = u8::try_from(first.month())
            .ok()
            .and_then(|m| chrono::Month::try_from(m).ok())
            .map_or("", |m| m.name());
        format!("{name} {}", first.year())
    }

    fn weekday_date(&self, d: NaiveDate, _today: NaiveDate) -> String {
        format!("{} {}", self.weekday(d.weekday()), d.format("%Y-%m-%d"))
    }

    fn weekday_date_time(&self, t: NaiveDateTime, today: NaiveDate) -> String {
        format!(
            "{} {}",
            self.weekday_date(t.date(), today),
            t.format("%H:%M")
        )
    }

    fn day_name(&self, d: NaiveDate, today: NaiveDate) -> String {
        if d == today {
            "today".to_string()
        } else if Some(d) == today.succ_opt() {
            "tomorrow".to_string()
        } else {
            format!("{} {}", self.weekday(d.weekday()), month_day(d, today))
        }
    }

    fn date(&self, d: NaiveDate, _today: NaiveDate) -> String {
        d.format("%Y-%m-%d").to_string()
    }

    fn legend_month(&self) -> [&'static str; 8] {
        [
            "expires",
            "renewal opens",
            "retires",
            "replacement",
            "due",
            "goal",
            "planned",
            "logged",
        ]
    }

    fn event_label(&self, kind: DayEventKind) -> &'static str {
        match kind {
            DayEventKind::Expiry(Band::Past) => "expired",
            DayEventKind::Expiry(_) => "expires",
            DayEventKind::RenewalOpens => "renewal opens",
            DayEventKind::Retirement => "retires",
            DayEventKind::ReplacementAvailable => "replacement available",
            DayEventKind::Due => "due",
            DayEventKind::Goal => "goal",
            DayEventKind::Deal => "deal",
        }
    }

    fn event_note(&self, kind: DayEventKind) -> &'static str {
        match kind {
            DayEventKind::Expiry(Band::Red) => "in under 30 days",
            DayEventKind::Expiry(Band::Yellow) => "in under 60 days",
            DayEventKind::Expiry(Band::Plain) => "in under 90 days",
            _ => "",
        }
    }

    fn intent(
        &self,
        intent: &Intent,
        badges: &[Badge],
        today: NaiveDate,
        relative: bool,
    ) -> String {
        if relative {
            crate::present::intent::english_at(intent, badges, today)
        } else {
            crate::present::intent::english(intent, badges)
        }
    }

    fn parse_error(&self, e: &ParseError) -> String {
        e.message.clone()
    }

    fn blackout_conflicts(&self, pinned: usize) -> String {
        format!(
            "it falls on {} (kept, flagged in sukima plan)",
            crate::text::counted(pinned, "pinned session", "pinned sessions")
        )
    }

    fn done(&self, done: &Done) -> String {
        match done {
            Done::BadgeAdded { key, name } => format!("added {key} ({name})"),
            Done::BadgeUpdated { old_key, key } if old_key == key => format!("updated {key}"),
            Done::BadgeUpdated { old_key, key } => format!("updated {old_key} (now {key})"),
            Done::BadgeRenewed {
                key,
                earned,
                expires,
            } => format!(
                "{} {key}: expires {expires}",
                if *earned { "earned" } else { "renewed" }
            ),
            Done::Archived { key, archived } => {
                format!("{} {key}", if *archived { "archived" } else { "restored" })
            }
            Done::BadgeDeleted {
                key,
                logs,
                pins,
                orphans,
                deals,
            } => {
                let orphans = if orphans.is_empty() {
                    String::new()
                } else {
                    format!(
                        "; {} no longer {} a replacement",
                        orphans.join(", "),
                        if orphans.len() == 1 { "has" } else { "have" }
                    )
                };
                let deals = match deals.as_slice() {
                    [] => String::new(),
                    [one] => format!("; deal {one} no longer needs it"),
                    many => format!("; deals {} no longer need it", many.join(", ")),
                };
                format!(
                    "deleted {key} with {} and {}{orphans}{deals}",
                    counted(*logs, "log entry", "log entries"),
                    counted(*pins, "pinned session", "pinned sessions")
                )
            }
            Done::PrioritySet {
                keys,
                to,
                already: true,
            } => format!("{}: already {to} priority", keys.join(", ")),
            Done::PrioritySet { keys, to, .. } => format!("{} to {to} priority", keys.join(", ")),
            Done::WindowAdded {
                id,
                what,
                conflicts: 0,
            } => format!("added window {id}: {what}"),
            Done::WindowAdded {
                id,
                what,
                conflicts,
            } => format!(
                "added window {id}: {what}; {}",
                self.blackout_conflicts(*conflicts)
            ),
            Done::WindowUpdated { id, what } => format!("updated window {id}: {what}"),
            Done::WindowDeleted { id } => format!("deleted window {id}"),
            Done::Unpinned {
                session: Some((badge, start)),
                ..
            } => format!("unpinned {badge} {}", start.format("%a %Y-%m-%d %H:%M")),
            Done::Unpinned { id, session: None } => format!("unpinned session {id}"),
            Done::Restored(c) => format!(
                "imported {}, {}, {}, {}",
                counted(c.badges, "badge", "badges"),
                counted(c.windows, "window", "windows"),
                counted(c.log, "log entry", "log entries"),
                counted(c.pinned, "pinned session", "pinned sessions")
            ),
            Done::BusyDeleted { source, events } => {
                format!("deleted {events} busy events imported as {source}")
            }
            Done::CalendarImported(r) => imports::calendar_report(r),
            Done::Undone(label) => format!("undid: {}", self.label(label)),
            Done::Redone(label) => format!("redid: {}", self.label(label)),
            Done::SessionDone {
                badge,
                start,
                minutes,
                ..
            } => format!(
                "studied {} on {badge} at {}",
                format_minutes(*minutes),
                start.format("%a %Y-%m-%d %H:%M")
            ),
            Done::SessionSkipped { badge, start, end } => format!(
                "skipped {badge} {}-{}; the work moves elsewhere",
                start.format("%a %Y-%m-%d %H:%M"),
                end.format("%H:%M")
            ),
            Done::SessionMoved {
                badge,
                from,
                to,
                warning,
            } => {
                let warn = warning
                    .as_ref()
                    .map(|w| format!(" (a conflict: {})", self.move_warning(w)))
                    .unwrap_or_default();
                format!(
                    "moved {badge} from {} to {}, pinned{warn}",
                    from.format("%a %Y-%m-%d %H:%M"),
                    to.format("%a %Y-%m-%d %H:%M")
                )
            }
            Done::SessionNotDone { badge, start } => format!(
                "not studied: {badge} {} is off the pins",
                start.format("%a %Y-%m-%d %H:%M")
            ),
            Done::LogEdited { id } => format!("updated log entry {id}"),
            Done::LogDeleted {
                id,
                badge,
                date,
                minutes,
            } => format!(
                "deleted log entry {id} ({date} {} on {badge})",
                format_minutes(*minutes)
            ),
            Done::StepAdded { key, number, title } => {
                format!("added step {number} to {key}: {title}")
            }
            Done::StepUpdated {
                key,
                number,
                now,
                title,
            } if number == now => format!("updated step {number} of {key}: {title}"),
            Done::StepUpdated {
                key,
                number,
                now,
                title,
            } => format!("updated step {number} of {key}, now {now}: {title}"),
            Done::StepUnchanged { key, number } => {
                format!("step {number} of {key}: nothing to change")
            }
            Done::StepMoved {
                key,
                from,
                to,
                title,
            } => format!("moved step {from} of {key} to {to}: {title}"),
            Done::StepMarked {
                key,
                number,
                title,
                done: false,
                ..
            } => format!("step {number} of {key} not done: {title}"),
            Done::StepMarked {
                key,
                number,
                title,
                next,
                ..
            } => format!(
                "step {number} of {key} done: {title}; {}",
                next.as_ref().map_or_else(
                    || "every step is done".into(),
                    |(n, t)| format!("next: {n} {t}")
                )
            ),
            Done::StepDeleted { key, number, title } => {
                format!("deleted step {number} of {key}: {title}")
            }
            Done::DealAdded { .. }
            | Done::DealUpdated { .. }
            | Done::DealClosed { .. }
            | Done::DealDeleted { .. } => self.deal_done(done),
        }
    }

    fn label(&self, label: &Label) -> String {
        label.record()
    }

    fn change_error(&self, e: &ChangeError) -> String {
        let unknown = |key: &str, close: &[String]| {
            if close.is_empty() {
                format!("no badge has the key '{key}': see `sukima badge list`")
            } else {
                format!(
                    "no badge has the key '{key}': did you mean {}?",
                    close
                        .iter()
                        .map(|k| format!("'{k}'"))
                        .collect::<Vec<_>>()
                        .join(" or ")
                )
            }
        };
        match e {
            ChangeError::UnknownBadge { key, close } => unknown(key, close),
            ChangeError::UnknownReplacement { of, key, close } => {
                format!("--replaced-by of '{of}': {}", unknown(key, close))
            }
            ChangeError::KeyTaken {
                key,
                renaming: false,
            } => format!("a badge with the key '{key}' already exists: choose another with --key"),
            ChangeError::KeyTaken {
                key,
                renaming: true,
            } => format!("a badge with the key '{key}' already exists: choose another key"),
            ChangeError::ReplacementLoop { chain } => format!(
                "--replaced-by makes a loop ({}): a badge cannot replace itself, even through others",
                chain.join(" → ")
            ),
            ChangeError::ExpiryNotAfterToday { expires, today } => format!(
                "the new expiry {expires} is not after today ({today}): give a later --expires"
            ),
            ChangeError::Retired { key, on } => format!(
                "{key} retired on {on}: it can no longer be renewed (archive it, or fix the date with badge edit --retires)"
            ),
            ChangeError::NeverExpires { key } => format!(
                "{key} never expires: nothing to renew (give it an expiry with badge edit --expires)"
            ),
            ChangeError::AlreadyArchived {
                key,
                archived: true,
            } => format!("{key} is already archived: nothing to archive"),
            ChangeError::AlreadyArchived {
                key,
                archived: false,
            } => format!("{key} is already not archived: nothing to restore"),
            ChangeError::SameWindow { id, what } => format!("that is already window {id}: {what}"),
            ChangeError::UnknownWindow { id } => {
                format!("no window has the id {id}: see `sukima window list`")
            }
            ChangeError::UnknownPin { id } => format!("no pinned session has the id {id}"),
            ChangeError::UnknownSource { name } => format!(
                "no window id or calendar import is called '{name}': see `sukima window list`"
            ),
            ChangeError::AmbiguousSource { name, candidates } => format!(
                "several calendar imports are called '{name}': name one in full ({})",
                candidates.join(", ")
            ),
            ChangeError::Badge(e) => self.badge_error(e),
            ChangeError::NoMinutes { session: false } => {
                "a log entry needs some minutes, like 30m".into()
            }
            ChangeError::NoMinutes { session: true } => {
                "a session needs some minutes, like 30m".into()
            }
            ChangeError::PinClash {
                start,
                other_badge,
                other_start,
                other_end,
            } => format!(
                "{} overlaps the session pinned on {other_badge} {}-{}: pick another time, or unpin that one first",
                start.format("%a %Y-%m-%d %H:%M"),
                other_start.format("%H:%M"),
                other_end.format("%H:%M")
            ),
            ChangeError::NotEmpty(c) => format!(
                "the database already holds {}, {} and {}: add --replace to replace them all",
                counted(c.badges, "badge", "badges"),
                counted(c.windows, "window", "windows"),
                counted(c.log, "log entry", "log entries")
            ),
            ChangeError::NothingToUndo => "nothing to undo".into(),
            ChangeError::NothingToRedo => "nothing to redo (only what undo took back)".into(),
            ChangeError::BadMinutes { minutes } => format!(
                "{minutes} minutes is not a session's length: give 1 to 1440 minutes, like --minutes 30"
            ),
            ChangeError::NoSession(e) => self.lookup_error(e),
            ChangeError::MoveRefused { to, why } => format!(
                "{}: {}: pick another time, or add --anyway to pin it there as a conflict",
                ymd_hm(*to),
                self.move_warning(why)
            ),
            ChangeError::UnknownLog { id } => {
                format!("no log entry has the id {id}: see `sukima log --json`")
            }
            ChangeError::LogInFuture { date } => {
                format!("{date} is after today: study is logged on the day it was done")
            }
            ChangeError::UnknownPrerequisite { of, key, close } => {
                format!("--after of '{of}': {}", unknown(key, close))
            }
            ChangeError::Prerequisite(e) => e.to_string(),
            ChangeError::Step(e) => e.to_string(),
            ChangeError::NoSteps { key } => {
                format!("{key} has no steps: add one with `sukima step add {key} \"TITLE\"`")
            }
            ChangeError::NoSuchStep { key, len, number } => {
                format!("{key} has steps 1 to {len}, not {number}: see `sukima step list {key}`")
            }
            ChangeError::StepPlace { key, max, number } => {
                format!("a new step of {key} goes at 1 to {max}, not {number}")
            }
            ChangeError::StepAlready {
                key,
                number,
                title,
                done,
            } => format!(
                "step {number} of {key} is already {}: {title}",
                if *done { "done" } else { "not done" }
            ),
            ChangeError::AllStepsDone { key } => {
                format!("every step of {key} is done: nothing to mark")
            }
            ChangeError::Invalid(text) => text.clone(),
            ChangeError::Deal(_)
            | ChangeError::UnknownDeal { .. }
            | ChangeError::DealKeyTaken { .. }
            | ChangeError::DealAlreadyClosed { .. } => self.deal_change_error(e),
        }
    }

    fn step_kind(&self, k: crate::domain::step::StepKind) -> &'static str {
        k.as_str()
    }

    fn session_step(&self, s: &crate::domain::step::SessionStep) -> String {
        s.label()
    }

    fn badge_error(&self, e: &BadgeError) -> String {
        imports::badge_error(e)
    }

    fn invalid_record(&self, r: &InvalidRecord) -> String {
        imports::invalid_record(r)
    }

    fn calendar_headline(&self, r: &CalendarImport) -> String {
        imports::calendar_headline(r)
    }

    fn undo_hint(&self) -> &'static str {
        " (`sukima undo` brings them back)"
    }

    fn move_warning(&self, w: &MoveWarning) -> String {
        match w {
            MoveWarning::Past => "that time has passed".into(),
            MoveWarning::Blackout(label) if label.is_empty() => "that day is a blackout".into(),
            MoveWarning::Blackout(label) => format!("that day is a blackout ({label})"),
            MoveWarning::Busy => "that time is busy".into(),
        }
    }

    fn lookup_error(&self, e: &LookupError) -> String {
        match e {
            LookupError::NotAName(text) => format!(
                "'{text}' names no session: write next, or its start like 2027-01-14T07:40 (see `sukima session list`)"
            ),
            LookupError::NoneAt { at, next: Some(n) } if n.date() == at.date() => format!(
                "no session starts at {}; the next is {}",
                ymd_hm(*at),
                n.format("%H:%M")
            ),
            LookupError::NoneAt { at, next: Some(n) } => format!(
                "no session starts at {}; the next is {}",
                ymd_hm(*at),
                ymd_hm(*n)
            ),
            LookupError::NoneAt { at, next: None } => format!(
                "no session starts at {}, nor later (see `sukima session list`)",
                ymd_hm(*at)
            ),
            LookupError::NoSessions => {
                "no session to act on: nothing is planned (see `sukima plan`)".into()
            }
        }
    }

    fn nothing_to_change(&self, key: &str) -> String {
        format!("{key}: nothing to change")
    }

    fn needs_terminal(&self) -> &'static str {
        "the planner needs a terminal (stdin and stdout are not one); in scripts use a command such as `sukima agenda` or `sukima due` (see sukima --help)"
    }

    fn demo_not_kept(&self) -> &'static str {
        "(--demo: a throw-away database; nothing was kept)"
    }

    fn no_database_yet(&self, path: &str) -> String {
        format!(
            "(no database at {path} yet: it is created by the first change, such as `sukima badge add` or `sukima import credly`)"
        )
    }

    fn error_word(&self) -> &'static str {
        "error"
    }

    fn cal_today(&self) -> &'static str {
        "today"
    }

    fn cal_no_events(&self) -> &'static str {
        "No renewal events."
    }

    fn cal_no_events_in(&self, month: &str) -> String {
        format!("No renewal events in {month}.")
    }

    fn cal_study(&self, planned: &str, logged: &str) -> String {
        format!("Study this month: {planned} planned, {logged} logged.")
    }

    fn cal_study_short(&self, planned: &str, logged: &str) -> String {
        format!("Planned {planned}, logged {logged}.")
    }

    // The fixes and conflicts of the plan.

    fn fix_text(&self, f: &Fix, due: NaiveDate, _today: NaiveDate) -> String {
        match f {
            Fix::DailyCap { minutes } => {
                format!("raise the daily cap to {}", format_minutes(*minutes))
            }
            Fix::Window {
                days, start, end, ..
            } => format!(
                "study {} {}-{} until {due}",
                format_days(days),
                hm(*start),
                hm(*end)
            ),
            Fix::LowerPriority {
                badges,
                to,
                then_at_risk,
            } => {
                let cost = if then_at_risk.is_empty() {
                    String::new()
                } else {
                    format!(" ({} then at risk)", then_at_risk.join(", "))
                };
                format!("lower {} to {to} priority{cost}", badges.join(", "))
            }
        }
    }

    fn no_fix(&self, why: NoFix, o: &Outcome, _today: NaiveDate) -> String {
        let due = o.due;
        let need = format_minutes(o.remaining);
        match why {
            NoFix::DuePassed => format!("no fix: its due day {due} has passed"),
            NoFix::DueBeforeRelease => {
                format!("no fix: it is due {due}, before it can start: set a goal date")
            }
            NoFix::MoreThanTheDays => {
                format!("no fix: {need} is more than the hours left until {due}")
            }
            NoFix::CapNotTheLimit => {
                format!("no daily cap saves it: the spare time before {due} is what is missing")
            }
            NoFix::CapFull => format!(
                "no extra window saves it: the days until {due} are full under the daily cap"
            ),
            NoFix::NoFreeTimeOfDay => {
                format!("no extra window: no time of day is free on the days until {due}")
            }
            NoFix::WindowNotEnough => "no extra window saves it: not even a 4-hour one".into(),
            NoFix::AlreadyLowest => "no priority change: it is already low priority".into(),
            NoFix::NoRival => format!(
                "no priority change: no badge of its priority or higher studies before {due}"
            ),
            NoFix::RivalsNotEnough => {
                "no priority change: even lowering every badge that takes its time would not".into()
            }
        }
    }

    fn conflict_reason(&self, r: Reason) -> &'static str {
        match r {
            Reason::Blackout => "in a blackout",
            Reason::Busy => "over busy time",
            Reason::DailyCap => "over the daily cap",
            Reason::BeforeRelease => "before its renewal window",
            Reason::Done => "nothing left to study",
        }
    }

    fn minutes_cells(&self) -> usize {
        5
    }

    fn list_date(&self, d: NaiveDate, _today: NaiveDate) -> String {
        d.to_string()
    }

    fn short_date(&self, d: NaiveDate, today: NaiveDate) -> String {
        month_day(d, today)
    }

    fn list_separator(&self) -> &'static str {
        ", "
    }

    fn badge_import(&self, plan: &crate::io::merge::ImportPlan, _today: NaiveDate) -> String {
        plan.report()
    }

    // Errors: the English of each is its `Display`.

    fn config_error(&self, e: &crate::config::ConfigError) -> String {
        e.to_string()
    }

    fn store_error(&self, e: &crate::store::StoreError) -> String {
        e.to_string()
    }

    fn file_error(&self, e: &crate::io::FileError) -> String {
        e.to_string()
    }

    fn import_error(&self, e: &crate::io::ImportError) -> String {
        e.to_string()
    }

    fn field_error(&self, e: &crate::domain::badge::fields::FieldError) -> String {
        e.to_string()
    }

    fn usage_error(&self, e: &crate::present::usage::UsageError) -> String {
        e.to_string()
    }

    fn date_error(&self, e: &crate::domain::dates::DateError) -> String {
        e.to_string()
    }

    fn duration_error(&self, e: &crate::domain::duration::DurationError) -> String {
        e.to_string()
    }

    fn fetch_error(&self, e: &crate::net::credly::FetchError) -> String {
        e.to_string()
    }

    fn backup_error(&self, e: &crate::io::backup::BackupError) -> String {
        e.to_string()
    }

    fn calendar_error(&self, e: &crate::io::ics::ImportError) -> String {
        e.to_string()
    }
}
