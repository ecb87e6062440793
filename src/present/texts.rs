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

    /// Why a badge is at risk, in words: its shortfall by its due day and when it would
    /// be ready (the fixes that would save it are listed apart).
    fn risk_text(&self, o: &Outcome) -> String;

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

    /// "Thu 2026-11-26", or "2026-11-26(木)".
    fn weekday_date(&self, d: NaiveDate) -> String;

    /// "Thu 2026-11-26 08:00", or "2026-11-26(木) 08:00".
    fn weekday_date_time(&self, t: NaiveDateTime) -> String;

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
            let text = cause.to_string().replace('\n', " ");
            if !parts.iter().any(|p| p.contains(&text)) {
                parts.push(text);
            }
        }
        parts.join(": ")
    }

    /// "Study this month: 4h planned, 2h logged.".
    fn cal_study(&self, planned: &str, logged: &str) -> String;

    /// The short form: "Planned 4h, logged 2h.".
    fn cal_study_short(&self, planned: &str, logged: &str) -> String;
}

#[cfg(test)]
mod tests;
