//! One catalogue of words per language ([`En`], [`Ja`]) behind one trait, [`Texts`]: what
//! both the command line and the planner show. A text missing from a language is a
//! compile error. The catalogue is chosen once, from the configuration and the locale
//! ([`for_language`]), and passed down to whatever shows text; nothing reads a global.
//!
//! Japanese text is two cells a character: callers pad and cut it with `crate::text`,
//! never with `format!` widths.

mod deals;
mod en;
mod ja;

pub use deals::DealTexts;

pub use ja::{prereq_error as ja_prereq_error, step_error as ja_step_error};

use crate::config::Language;
use crate::domain::badge::Badge;
use crate::domain::change::{CalendarImport, ChangeError, Done, Label, MoveWarning};
use crate::domain::plan::Outcome;
use crate::domain::quick_add::{Intent, ParseError};
use crate::domain::session::LookupError;
use crate::domain::status::Status;
use crate::domain::validation::BadgeError;
use crate::domain::work::Idle;
use crate::io::InvalidRecord;
use crate::io::merge::ImportPlan;
use crate::planning::conflicts::Reason;
use crate::planning::fixes::{Fix, NoFix, Rescue};
use crate::present::fixes::FixLine;
use crate::present::month::DayEventKind;
use chrono::{NaiveDate, NaiveDateTime, Weekday};

/// The English catalogue.
#[derive(Debug, Clone, Copy, Default)]
pub struct En;

/// The Japanese catalogue.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ja;

/// The catalogue of `language` (`auto` must be resolved first; it reads as English).
pub fn for_language(language: Language) -> &'static dyn Texts {
    match language {
        Language::Ja => &Ja,
        Language::En | Language::Auto => &En,
    }
}

/// Every word shown by both the command line and the planner, in one language.
pub trait Texts: DealTexts + Sync + std::fmt::Debug {
    /// The language these texts are in.
    fn language(&self) -> Language;

    /// A badge's status and countdown, as the badge list and the Badges view show it
    /// (`expiring 25d`, `expired 3d ago`; `失効間近 25日`, `失効 3日前`).
    fn status_label(&self, b: &Badge, status: Status, today: NaiveDate) -> String;

    /// [`Texts::status_label`] as the plan sees the badge: a target without a goal of its
    /// own that the plan still gives a due (a prerequisite of a badge with one, or a badge
    /// a deal needs) counts down to that due, as the lists sort it
    /// ([`crate::domain::deal::urgency`]).
    fn planned_status_label(
        &self,
        b: &Badge,
        status: Status,
        work: &crate::domain::work::Work,
        today: NaiveDate,
    ) -> String {
        match work {
            crate::domain::work::Work::Target(t)
                if status == Status::Target && b.goal_on.is_none() =>
            {
                let dated = Badge {
                    goal_on: Some(t.due),
                    ..b.clone()
                };
                self.status_label(&dated, status, today)
            }
            _ => self.status_label(b, status, today),
        }
    }

    /// Why a badge is at risk, in words: its shortfall by its due day and when it would
    /// be ready (the fixes that would save it are listed apart).
    fn risk_text(&self, o: &Outcome, today: NaiveDate) -> String;

    /// Why a badge has nothing to plan.
    fn idle(&self, idle: &Idle) -> String;

    /// Minutes as a duration: `1h30m`, or `1時間30分`.
    fn minutes(&self, minutes: u32) -> String;

    /// A weekday in three letters ("Thu"), or one kanji ("木").
    fn weekday(&self, w: Weekday) -> &'static str;

    /// A month in a few cells: "Nov", or "11月" (`month` 1..=12).
    fn month_abbr(&self, month: u32) -> &'static str;

    /// A month and its year: "November 2026", or "2026年11月".
    fn month_title(&self, first: NaiveDate) -> String;

    /// "Thu 2026-11-26", or "11月26日(木)" (with the year in another year than `today`'s).
    fn weekday_date(&self, d: NaiveDate, today: NaiveDate) -> String;

    /// "Thu 2026-11-26 08:00", or "11月26日(木) 08:00".
    fn weekday_date_time(&self, t: NaiveDateTime, today: NaiveDate) -> String;

    /// A day in a column of days: "today", "tomorrow", "Fri 01-08", or "Mon 2027-01-04"
    /// in another year ("今日", "明日", "01-08(金)", "2027-01-04(月)").
    fn day_name(&self, d: NaiveDate, today: NaiveDate) -> String;

    /// A date in running text: "2027-01-14" (English keeps the ISO date), or "1月14日(木)"
    /// ("2027年1月14日(木)" in another year than `today`'s).
    fn date(&self, d: NaiveDate, today: NaiveDate) -> String;

    /// The legend of the month grid, in the order of its symbols (expiry, renewal opens,
    /// retirement, replacement, due, goal, planned, logged).
    fn legend_month(&self) -> [&'static str; 8];

    /// What happens on a day, in words (lower case): the calendar's event list.
    fn event_label(&self, kind: DayEventKind) -> &'static str;

    /// How soon an expiry is, in words ("" for other events).
    fn event_note(&self, kind: DayEventKind) -> &'static str;

    /// The legend's word for today's mark in `sukima calendar`.
    fn cal_today(&self) -> &'static str;

    /// A month without events, where the month's name does not fit.
    fn cal_no_events(&self) -> &'static str;

    /// "No renewal events in November 2026.".
    fn cal_no_events_in(&self, month: &str) -> String;

    /// A one-line preview of what a quick-add line will write. `relative`: name today,
    /// yesterday and tomorrow so (the live preview); else by date (English).
    fn intent(&self, intent: &Intent, badges: &[Badge], today: NaiveDate, relative: bool)
    -> String;

    /// Why a quick-add line cannot be added (the common errors in this language, the
    /// rest in English).
    fn parse_error(&self, e: &ParseError) -> String;

    /// What a change did: `added aws-saa (AWS …)`, `undid: log 30m on aws-saa`.
    fn done(&self, done: &Done) -> String;

    /// After a blackout over pinned sessions: "it falls on 2 pinned sessions (kept,
    /// flagged in sukima plan)".
    fn blackout_conflicts(&self, pinned: usize) -> String;

    /// A change as the undo journal names it.
    fn label(&self, label: &Label) -> String;

    /// Why a change was refused, and what to do.
    fn change_error(&self, e: &ChangeError) -> String;

    /// Why the one validation (DESIGN 8) refused a badge, and what to do.
    fn badge_error(&self, e: &BadgeError) -> String;

    /// A record of an import that the one validation refused: where it was read, why,
    /// and that nothing was imported.
    fn invalid_record(&self, r: &InvalidRecord) -> String;

    /// A calendar import on one short line, for the planner's status line: how many
    /// busy events, under which name, what it replaced and how many it left out (the
    /// whole report is [`Texts::done`] of [`Done::CalendarImported`]).
    fn calendar_headline(&self, r: &CalendarImport) -> String;

    /// After what a deletion did: how to take it back.
    fn undo_hint(&self) -> &'static str;

    /// Why a time a session is moved to is a conflict.
    fn move_warning(&self, w: &MoveWarning) -> String;

    /// Why a session name names nothing (`no session starts at …; the next is 07:40`).
    fn lookup_error(&self, e: &LookupError) -> String;
    /// The name of a kind of step: `course`, or `講座`.
    fn step_kind(&self, k: crate::domain::step::StepKind) -> &'static str;

    /// What a session advances: `Module 2 · 30 of 45m` (`Module 2 · 30/45分`), with
    /// `, then Quiz` (`、続けて Quiz`) when it goes on to the next step.
    fn session_step(&self, s: &crate::domain::step::SessionStep) -> String;

    /// An edit that changes nothing: `aws-saa: nothing to change`.
    fn nothing_to_change(&self, key: &str) -> String;

    /// `sukima` without a subcommand, outside a terminal.
    fn needs_terminal(&self) -> &'static str;

    /// After a change to the `--demo` database.
    fn demo_not_kept(&self) -> &'static str;

    /// A reading command pointed at a database that does not exist yet.
    fn no_database_yet(&self, path: &str) -> String;

    /// The word before an error on the command line: `error`.
    fn error_word(&self) -> &'static str;

    /// An error and its causes on one line, the typed ones in this language.
    fn error(&self, e: &anyhow::Error) -> String {
        if let Some(c) = e.chain().find_map(|c| c.downcast_ref::<ChangeError>()) {
            return self.change_error(c);
        }
        if let Some(b) = e.chain().find_map(|c| c.downcast_ref::<BadgeError>()) {
            return self.badge_error(b);
        }
        if let Some(r) = e.chain().find_map(|c| c.downcast_ref::<InvalidRecord>()) {
            return self.invalid_record(r);
        }
        if let Some(p) = e.chain().find_map(|c| c.downcast_ref::<ParseError>()) {
            return self.parse_error(p);
        }
        let mut parts: Vec<String> = Vec::new();
        for cause in e.chain() {
            // A typed error in this language ends the line: what it says includes its
            // causes. What wraps it (a context) is said before it.
            if let Some(text) = self.typed_error(cause) {
                let text = text.replace('\n', " ");
                if !parts.iter().any(|p| p.contains(&text)) {
                    parts.push(text);
                }
                break;
            }
            let text = cause.to_string().replace('\n', " ");
            if !parts.iter().any(|p| p.contains(&text)) {
                parts.push(text);
            }
        }
        parts.join(": ")
    }

    /// The errors beyond the refusals of changes, in this language: a flag's value, a
    /// command-line mistake, a date or duration, the configuration, the database, a file,
    /// an import; `None` for an error of another type.
    fn typed_error(&self, e: &(dyn std::error::Error + 'static)) -> Option<String> {
        if let Some(f) = e.downcast_ref::<crate::domain::badge::fields::FlagError>() {
            return Some(format!("--{}: {}", f.flag, self.field_error(&f.error)));
        }
        if let Some(u) = e.downcast_ref::<crate::present::usage::UsageError>() {
            return Some(self.usage_error(u));
        }
        if let Some(d) = e.downcast_ref::<crate::domain::dates::DateError>() {
            return Some(self.date_error(d));
        }
        if let Some(d) = e.downcast_ref::<crate::domain::duration::DurationError>() {
            return Some(self.duration_error(d));
        }
        if let Some(c) = e.downcast_ref::<crate::config::ConfigError>() {
            return Some(self.config_error(c));
        }
        if let Some(s) = e.downcast_ref::<crate::store::StoreError>() {
            return Some(self.store_error(s));
        }
        if let Some(f) = e.downcast_ref::<crate::io::FileError>() {
            return Some(self.file_error(f));
        }
        if let Some(i) = e.downcast_ref::<crate::io::ImportError>() {
            return Some(self.import_error(i));
        }
        if let Some(f) = e.downcast_ref::<crate::net::credly::FetchError>() {
            return Some(self.fetch_error(f));
        }
        if let Some(b) = e.downcast_ref::<crate::io::backup::BackupError>() {
            return Some(self.backup_error(b));
        }
        e.downcast_ref::<crate::io::ics::ImportError>()
            .map(|i| self.calendar_error(i))
    }

    /// "Study this month: 4h planned, 2h logged.".
    fn cal_study(&self, planned: &str, logged: &str) -> String;

    /// The short form: "Planned 4h, logged 2h.".
    fn cal_study_short(&self, planned: &str, logged: &str) -> String;

    // What would save a badge at risk, and why a pinned session breaks the rules
    // (`sukima plan` and the planner's Plan, Today and Badges views).

    /// What a proven fix changes, in words: `raise the daily cap to 1h`; `due` is the day
    /// the badge at risk is due.
    fn fix_text(&self, f: &Fix, due: NaiveDate, today: NaiveDate) -> String;

    /// Why no fix of a kind saves a badge at risk.
    fn no_fix(&self, why: NoFix, o: &Outcome, today: NaiveDate) -> String;

    /// One reason a pinned session breaks the rules: `in a blackout`, or `休止期間中`.
    fn conflict_reason(&self, r: Reason) -> &'static str;

    /// The least cells of a duration in a column of them (right-aligned): `1h30m` fits
    /// in 5, `1時間30分` in 9.
    fn minutes_cells(&self) -> usize;

    /// A date in a list or a field: "2027-01-24" (English keeps the ISO date), or
    /// "1月24日(日)" (with the year in another year than `today`'s).
    fn list_date(&self, d: NaiveDate, today: NaiveDate) -> String;

    /// A date in a narrow place: "01-24" ("2027-01-24" in another year), or "1月24日(日)".
    fn short_date(&self, d: NaiveDate, today: NaiveDate) -> String;

    /// Between the items of a list in running text: `, `, or `、`.
    fn list_separator(&self) -> &'static str;

    // Imports.

    /// The whole report of a badge import (Credly, CSV, Open Badges): what was added,
    /// updated and skipped and why, then the notes.
    fn badge_import(&self, plan: &ImportPlan, today: NaiveDate) -> String;

    // The errors a person can meet beyond the refusals of changes: the configuration,
    // the database, files, imports.

    /// A `config.toml` that cannot be read, parsed or written.
    fn config_error(&self, e: &crate::config::ConfigError) -> String;

    /// A database that cannot be used.
    fn store_error(&self, e: &crate::store::StoreError) -> String;

    /// A file that cannot be read or written.
    fn file_error(&self, e: &crate::io::FileError) -> String;

    /// A badge file (Credly, CSV, Open Badges) refused, where in it, and what to do.
    fn import_error(&self, e: &crate::io::ImportError) -> String;

    /// Why what was typed as a badge's field (in the form, or as a `badge` flag) cannot
    /// be its value.
    fn field_error(&self, e: &crate::domain::badge::fields::FieldError) -> String;

    /// What was typed on the command line that cannot be used, and what to type.
    fn usage_error(&self, e: &crate::present::usage::UsageError) -> String;

    /// A date that cannot be read.
    fn date_error(&self, e: &crate::domain::dates::DateError) -> String;

    /// A duration that cannot be read.
    fn duration_error(&self, e: &crate::domain::duration::DurationError) -> String;

    /// A Credly profile that could not be fetched.
    fn fetch_error(&self, e: &crate::net::credly::FetchError) -> String;

    /// A backup that cannot be restored.
    fn backup_error(&self, e: &crate::io::backup::BackupError) -> String;

    /// A file that is not a calendar.
    fn calendar_error(&self, e: &crate::io::ics::ImportError) -> String;

    /// The fixes of a badge at risk in words, each with its command; then the kinds with
    /// no fix and why.
    fn fix_lines(&self, r: &Rescue, o: &Outcome, today: NaiveDate) -> Vec<FixLine> {
        let mut out: Vec<FixLine> = r
            .fixes
            .iter()
            .map(|f| FixLine {
                text: self.fix_text(f, o.due, today),
                command: Some(f.command()),
            })
            .collect();
        out.extend(r.missing.iter().map(|(_, why)| FixLine {
            text: self.no_fix(*why, o, today),
            command: None,
        }));
        out
    }

    /// Why a pinned session breaks the rules, in words: `in a blackout, over the daily cap`.
    fn conflict_text(&self, reasons: &[Reason]) -> String {
        reasons
            .iter()
            .map(|r| self.conflict_reason(*r))
            .collect::<Vec<_>>()
            .join(self.list_separator())
    }
}

#[cfg(test)]
mod tests;
