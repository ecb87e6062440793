//! The planner's own words, in each language of [`Texts`]: the frame, the help overlay,
//! the popups, the status messages of `App::update` and the views. [`ScreenTexts`]
//! extends the shared catalogue, so one value (`App::texts`) gives both; a text missing
//! from a language is a compile error.
//!
//! Grouped by where it appears: the frame (tabs, status line, footer), dates, the help
//! overlay and the popups, the status messages, then each view and the calendar widgets.

pub mod act;
mod act_en;
mod act_ja;
mod en;
mod ja;

pub use act::ActTexts;

use super::action::Action;
use super::app::SortBy;
use super::view::View;
use crate::config::Language;
use crate::domain::badge::fields::Field;
use crate::present::month::DayEventKind;
use crate::present::texts::{En, Ja, Texts};
use chrono::{NaiveDate, NaiveDateTime, Weekday};

/// The application's title.
pub const APP_TITLE: &str = "sukima";

/// The planner's catalogue for `language` (`auto` must be resolved first; it reads as
/// English).
pub fn for_language(language: Language) -> &'static dyn ScreenTexts {
    match language {
        Language::Ja => &Ja,
        Language::En | Language::Auto => &En,
    }
}

/// Every word the planner shows beyond the shared [`Texts`].
pub trait ScreenTexts: Texts + ActTexts {
    /// The tab title of a view.
    fn view_title(&self, v: View) -> &'static str;

    /// The tab title of a view where the tab bar is narrow: "Tod", "Bad"…
    fn view_short(&self, v: View) -> String;

    /// The one-line description of an action, for the help overlay.
    fn action_help(&self, a: Action) -> &'static str;

    /// The short footer label of an action.
    fn action_hint(&self, a: Action) -> &'static str;

    /// The footer while a filter is typed: (key, what it does).
    fn filter_hints(&self) -> [(&'static str, &'static str); 3];

    fn too_small(&self) -> &'static str;

    /// The quiet status line's plan summary.
    fn plan_summary(&self, outcomes: usize, risky: usize) -> String;

    /// A weekday in the week grid of spare time: "mon", or "月".
    fn week_grid_day(&self, w: Weekday) -> &'static str;

    /// Days to an expiry in the Today view's list, right-aligned: " 25d" (" 25日").
    fn days_left(&self, days: i64) -> String;

    /// "now", "in 25m", "in 4h15m", "in 3d".
    fn starts_in(&self, minutes: i64) -> String;

    fn help_title(&self) -> &'static str;

    fn help_everywhere(&self) -> &'static str;

    /// The heading of the quick-add grammar.
    /// The heading of the keys that work in popups.
    fn help_popups(&self) -> &'static str;

    fn help_quick_add(&self) -> &'static str;

    /// The quick-add grammar, for the help overlay: an example and what it does. The
    /// grammar reads both languages, so the Japanese list shows both.
    fn quick_add_help(&self) -> &'static [(&'static str, &'static str)];

    fn quick_add_title(&self) -> &'static str;

    /// The quick-add line's placeholder.
    fn quick_add_empty(&self) -> &'static str;

    fn confirm_title(&self) -> &'static str;

    fn confirm_keys(&self) -> &'static str;

    /// Before a badge is deleted: its log entries go with it, and the deals that need it
    /// (by key) lose it.
    fn confirm_delete_badge(&self, name: &str, logs: usize, deals: &[&str]) -> String;

    fn confirm_delete_window(&self, what: &str) -> String;

    /// The title of the prompt for a renewed badge's new expiry.
    fn renew_prompt(&self, name: &str) -> String;

    fn import_prompt(&self) -> &'static str;

    /// On the status line while a Credly profile is fetched.
    fn fetching_profile(&self, profile: &str) -> String;

    fn window_add_prompt(&self) -> &'static str;

    fn window_edit_prompt(&self) -> &'static str;

    /// The window prompt given something other than spare time.
    fn not_spare_time(&self) -> &'static str;

    fn import_report(&self) -> &'static str;

    fn form_new_title(&self) -> &'static str;

    fn form_edit_title(&self) -> &'static str;

    fn form_keys(&self) -> &'static str;

    /// The label of a form field and the hint shown while it is empty. Labels fit in 12
    /// cells.
    fn form_field(&self, field: Field) -> (&'static str, &'static str);

    fn cannot_replace_itself(&self) -> &'static str;

    fn key_taken(&self, key: &str) -> String;

    fn earned_after_today(&self, d: NaiveDate, today: NaiveDate) -> String;

    fn no_badge_with_key(&self, key: &str) -> String;

    fn no_badge_row(&self) -> &'static str;

    fn no_timeline(&self) -> &'static str;

    /// "fix for gcp-pde: sukima window add "…" (F applies it)".
    fn fix_selected(&self, key: &str, command: &str) -> String;

    /// A fix under a badge at risk in Today, with the key that applies it: "F: raise the
    /// daily cap to 3h · f: 2 more".
    fn fix_hint(&self, text: &str, count: usize) -> String;

    fn fixes_searching(&self) -> &'static str;

    fn no_fixes(&self) -> &'static str;

    fn no_config_folder(&self) -> &'static str;

    /// After a daily-cap fix.
    fn daily_cap_set(&self, cap: &str, demo: bool) -> String;

    /// After undoing a daily-cap fix.
    fn daily_cap_undone(&self, cap: &str) -> String;

    fn outside_change(&self) -> &'static str;

    fn archived_shown(&self) -> &'static str;

    fn archived_hidden(&self) -> &'static str;

    fn cancelled(&self) -> &'static str;

    fn pin_gone(&self) -> &'static str;

    /// "sorted by name".
    fn sorted_by(&self, sort: SortBy) -> String;

    /// "pinned aws-saa Fri 2026-11-27 07:10".
    fn pinned(&self, key: &str, start: NaiveDateTime) -> String;

    fn next(&self) -> &'static str;

    fn pinned_suffix(&self) -> &'static str;

    fn nothing_today(&self) -> &'static str;

    fn rest_of_week(&self) -> &'static str;

    fn nothing_this_week(&self) -> &'static str;

    fn next_week(&self) -> &'static str;

    fn nothing_next_week(&self) -> &'static str;

    fn at_risk(&self) -> &'static str;

    /// Before the due date of an at-risk badge.
    fn due(&self) -> &'static str;

    fn expiring(&self) -> &'static str;

    /// Badges past their date with nothing planned, in Today: "2 expired, 1 retired: renew
    /// with r or archive with x (Badges)".
    fn lapsed(&self, expired: usize, retired: usize) -> String;

    fn nothing_expires(&self) -> &'static str;

    fn retires_lapse(&self) -> &'static str;

    fn expires(&self) -> &'static str;

    fn this_week(&self) -> &'static str;

    fn no_sessions(&self) -> &'static str;

    fn all_on_time(&self) -> &'static str;

    /// "studied 1h55m of 6h25m".
    fn studied_of(&self, done: &str, goal: &str) -> String;

    /// "Today · 1h30m".
    fn today_title(&self, total: &str) -> String;

    /// Beside a retirement that comes after the expiry: the badge is renewed as usual.
    fn after_expiry(&self) -> &'static str;

    /// "retires → #new-key".
    fn retires_to(&self, key: &str) -> String;

    /// The next session's progress bar: "██░░ 2h/6h after it".
    fn after_it(&self, bar: &str, done: &str, effort: &str) -> String;

    /// The table's column headers, in the order of its columns (each fits its column).
    fn badges_columns(&self) -> [&'static str; 7];

    fn no_issuer(&self) -> &'static str;

    /// The status of an archived badge.
    fn archived(&self) -> &'static str;

    /// A retirement without a replacement, in the table.
    fn no_replacement(&self) -> &'static str;

    fn no_badges(&self) -> &'static str;

    fn no_match(&self) -> &'static str;

    /// Before the filter in the title row.
    fn filter_prompt(&self) -> &'static str;

    /// The name of a sort order, as the title shows it.
    fn sort_name(&self, sort: SortBy) -> &'static str;

    /// "14 of 15 badges · sort: urgency".
    fn badges_title(&self, shown: usize, total: usize, sort: SortBy) -> String;

    /// Labels of the detail pane (each fits in 8 cells): earned, expires, renewal opens,
    /// retires, available, goal, replaced by, studied.
    fn detail_labels(&self) -> [&'static str; 8];

    fn tags(&self) -> &'static str;

    /// "1h of 6h · normal": logged of the effort, and the priority.
    fn studied_detail(
        &self,
        logged: &str,
        effort: &str,
        priority: crate::domain::badge::Priority,
    ) -> String;

    /// "on time: due 2027-01-10, ready 2026-12-05".
    fn on_time(&self, due: NaiveDate, ready: Option<NaiveDate>, today: NaiveDate) -> String;

    /// "AT RISK: …".
    fn at_risk_line(&self, reason: &str) -> String;

    /// After the date of today's agenda heading.
    fn today_mark(&self) -> &'static str;

    /// The outcome list's headers: badge, due, left, slack, ready.
    fn outcome_headers(&self) -> [&'static str; 5];

    /// "Agenda · 42 sessions · 31h30m until 2027-03-02 · ◆ pinned".
    fn agenda_title(
        &self,
        sessions: usize,
        total: &str,
        until: NaiveDate,
        today: NaiveDate,
    ) -> String;

    /// "Outcomes · 2 at risk".
    fn outcomes_title(&self, risky: usize) -> String;

    /// The last line of a cut outcome list: "  … 3 more: a, b, c".
    fn more_outcomes(&self, keys: &[&str]) -> String;

    fn windows(&self) -> &'static str;

    fn busy_imports(&self) -> &'static str;

    fn no_windows(&self) -> &'static str;

    /// "Week · 6h20m of spare time".
    fn spare_week_title(&self, total: &str) -> String;

    /// The kind of a window, as listed (fits in 8 cells).
    fn window_kind(&self, kind: &crate::domain::spare::WindowKind) -> &'static str;

    /// One calendar whose busy time was imported: "   work.ics: 12 events, 2026-11-02 – …".
    fn busy_source(&self, source: &str, events: u32, first: &str, last: &str) -> String;

    fn timeline(&self) -> &'static str;

    fn heatmap(&self) -> &'static str;

    /// The legend of the timeline (opens, window, study, due, expires, retires).
    fn legend_timeline(&self) -> [&'static str; 6];

    /// The label of an event in the selected day's details.
    fn detail_label(&self, kind: DayEventKind) -> &'static str;

    /// Labels of the study rows of the day's details.
    fn day_pinned(&self) -> &'static str;

    fn day_planned(&self) -> &'static str;

    fn day_logged(&self) -> &'static str;

    fn day_total(&self) -> &'static str;

    fn day_empty(&self) -> &'static str;

    /// A day as seen from today: "today", "in 4 days", "2 days ago".
    fn days_from_today(&self, n: i64) -> String;

    /// The day's totals: "planned 1h, logged 30m" (a zero left out).
    fn day_totals(&self, planned: u32, logged: u32) -> String;

    /// Rows left out above a list: "↑ 3 more".
    fn more_above(&self, n: usize) -> String;

    /// Rows left out below a list: "↓ 3 more".
    fn more_below(&self, n: usize) -> String;

    /// Events left out of a month grid's day: "+2 more".
    fn more_in_day(&self, n: usize) -> String;

    /// The timeline with nothing ahead: "Nothing to renew from Thu 2026-11-26.".
    fn nothing_to_renew(&self, today: NaiveDate) -> String;

    /// The heatmap's summary in words: "Streak 3 days · this week 2h · past year 80h".
    fn heat_summary(&self, streak: u32, week: &str, year: &str) -> String;

    /// The heatmap's summary where the words do not fit: "3d streak · week 2h · year 80h".
    fn heat_summary_short(&self, streak: u32, week: &str, year: &str) -> String;

    /// Either side of the heatmap's key: "less ·░▒▓█ more".
    fn heat_less(&self) -> &'static str;

    fn heat_more(&self) -> &'static str;

    // ----- Learning journeys: the steps popup and its form, the Badges detail, opening
    // an address -----

    /// The title of the steps popup: ` Steps: NAME `.
    fn steps_title(&self, name: &str) -> String;

    /// The keys of the steps popup, on its last line.
    fn steps_keys(&self) -> &'static str;

    /// The keys of the step form.
    fn step_form_keys(&self) -> &'static str;

    /// The step form's title: a new step, or one edited.
    fn step_form_title(&self, editing: bool) -> &'static str;

    /// The label of a field of the step form (title, kind, minutes, url) and its hint;
    /// labels fit in 12 cells.
    fn step_field(&self, name: &str) -> (&'static str, &'static str);

    /// The header of the steps list: number, kind, estimate, step.
    fn steps_header(&self) -> [&'static str; 4];

    /// A step done on a day: `done 01-05`.
    fn step_done_on(&self, d: NaiveDate) -> String;

    /// A step whose criterion left the source.
    fn step_gone(&self) -> &'static str;

    /// `1 of 4 steps done · 3h45m left of 4h30m`.
    fn steps_progress(&self, done: usize, all: usize, left: u32, total: u32) -> String;

    /// The Badges detail's journey line: steps done of all, the current one, the keys.
    fn detail_steps(&self, done: usize, all: usize, current: Option<&str>) -> String;

    /// The Badges detail's prerequisites, each with whether it is held.
    fn detail_after(&self, parts: &[(String, bool)]) -> String;

    /// The Badges detail's badges that wait for this one.
    fn detail_before(&self, keys: &[String]) -> String;

    /// A badge without steps where one is asked for.
    fn no_steps(&self, key: &str) -> String;

    /// `o` with no address to open.
    fn no_url(&self) -> &'static str;

    /// `o` with nothing selected.
    fn nothing_to_open(&self) -> &'static str;

    /// After handing an address to the browser.
    fn opening(&self, url: &str) -> String;

    /// When no browser could be started.
    fn cannot_open(&self, why: &str) -> String;

    /// A step form without a title.
    fn title_required(&self) -> &'static str;

    /// Why a step cannot be written (the form shows it beside its field).
    fn step_error(&self, e: &crate::domain::step::StepError) -> String;

    /// Why the prerequisites in the badge form cannot be.
    fn prereq_problem(&self, e: &crate::domain::prereq::PrereqError) -> String;

    /// After a deletion in the planner: `u undoes`.
    fn undo_key_hint(&self) -> &'static str;

    // Deals (案件): Today's section, the deals popup (`D`) and its form.

    /// The title of Today's deals section and of the deals popup.
    fn deals_title(&self) -> &'static str;

    /// The deals popup without deals.
    fn no_deals_here(&self) -> &'static str;

    /// The keys of the deals popup.
    fn deals_keys(&self) -> &'static str;

    /// The keys of the deal form.
    fn deal_form_keys(&self) -> &'static str;

    /// The deal form's title: a new deal, or one edited.
    fn deal_form_title(&self, editing: bool) -> &'static str;

    /// The label of a field of the deal form (name, by, needs, review, priority, notes)
    /// and its hint; labels fit in 12 cells.
    fn deal_field(&self, name: &str) -> (&'static str, &'static str);

    /// The prompt that closes a deal: won, lost or dropped.
    fn deal_close_prompt(&self, name: &str) -> String;

    /// The question before deleting a deal.
    fn deal_delete_prompt(&self, name: &str) -> String;
}
