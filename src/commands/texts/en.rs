//! The English words of [`CommandTexts`].

use super::{AfterState, CommandTexts, DueCounts, PlanLine, ShowField};
use crate::domain::change::Counts;
use crate::domain::dates::{hm, month_day, ymd, ymd_hm};
use crate::domain::decision::Retirement;
use crate::domain::duration::format_minutes;
use crate::domain::events::EventKind;
use crate::present::texts::En;
use crate::text::counted;
use chrono::{Datelike, NaiveDate, NaiveDateTime};

impl CommandTexts for En {
    fn badge_headers(&self) -> [&'static str; 7] {
        [
            "STATUS",
            "KEY",
            "NAME",
            "ISSUER",
            "EXPIRES",
            "REPLACEMENT",
            "STUDIED",
        ]
    }

    fn no_badges(&self, filtered: bool) -> &'static str {
        if filtered {
            "No badges with that status. Add one with `sukima badge add NAME` or `sukima import credly FILE`."
        } else {
            "No badges. Add one with `sukima badge add NAME` or `sukima import credly FILE`."
        }
    }

    fn archived(&self) -> &'static str {
        "archived"
    }

    fn retirement_cell(
        &self,
        r: Retirement,
        replaced_by: Option<&str>,
        _today: NaiveDate,
    ) -> String {
        match (r, replaced_by) {
            (Retirement::LetLapse(_), _) => "none: lapse".into(),
            (Retirement::AfterExpiry(d), _) => format!("(retires {d})"),
            (_, Some(k)) => k.to_string(),
            (_, None) => String::new(),
        }
    }

    fn show_label(&self, f: ShowField) -> &'static str {
        match f {
            ShowField::Status => "status",
            ShowField::Plan => "plan",
            ShowField::Name => "name",
            ShowField::Issuer => "issuer",
            ShowField::Level => "level",
            ShowField::Earned => "earned",
            ShowField::Expires => "expires",
            ShowField::Renewed => "renewed",
            ShowField::RenewalOpens => "renewal opens",
            ShowField::Retires => "retires",
            ShowField::ReplacedBy => "replaced by",
            ShowField::Available => "available",
            ShowField::Goal => "goal",
            ShowField::Studied => "studied",
            ShowField::After => "after",
            ShowField::Steps => "steps",
            ShowField::Priority => "priority",
            ShowField::Tags => "tags",
            ShowField::Url => "url",
            ShowField::Notes => "notes",
            ShowField::Source => "source",
            ShowField::Archived => "archived",
        }
    }

    fn plan_line(&self, line: PlanLine<'_>) -> String {
        let PlanLine::Work {
            renewal,
            due,
            outcome,
            ..
        } = line;
        let what = if renewal { "renew" } else { "earn" };
        let Some(o) = outcome else {
            return format!("{what} by {due}: not planned yet");
        };
        let planned = format_minutes(o.planned_before_due);
        match (o.at_risk, o.finish) {
            (false, Some(f)) => format!(
                "{what} by {}: {planned} planned, ready {f} (on time)",
                o.due
            ),
            (false, None) => format!("{what} by {}: done", o.due),
            (true, f) => format!(
                "{what} by {}: AT RISK, short {}{}",
                o.due,
                format_minutes(o.shortfall),
                f.map(|f| format!(", ready {f}")).unwrap_or_default()
            ),
        }
    }

    fn show_retires(&self, on: NaiveDate, r: Retirement, _today: NaiveDate) -> String {
        match r {
            Retirement::LetLapse(_) => format!("{on}, with no replacement: let it lapse"),
            Retirement::AfterExpiry(_) => format!("{on}, after it expires: renewed as usual"),
            _ => on.to_string(),
        }
    }

    fn show_studied(&self, logged: u32, effort: u32) -> String {
        format!(
            "{} of {} this cycle",
            format_minutes(logged),
            format_minutes(effort)
        )
    }

    fn show_studied_steps(&self, logged: u32) -> String {
        format!(
            "{} this cycle; the steps set the work",
            format_minutes(logged)
        )
    }

    fn show_after(&self, key: &str, state: AfterState) -> String {
        let s = match state {
            AfterState::Held => "held",
            AfterState::Archived => "archived",
            AfterState::Waiting => "waiting for it",
            AfterState::Missing => "missing",
        };
        format!("{key} ({s})")
    }

    fn step_headers(&self) -> [&'static str; 6] {
        ["#", "KIND", "EST", "STEP", "STATE", "URL"]
    }

    fn step_done_on(&self, d: NaiveDate, _today: NaiveDate) -> String {
        format!("done {d}")
    }

    fn step_gone(&self) -> &'static str {
        "gone from the criteria"
    }

    fn step_progress(&self, covered: u32, estimate: u32) -> String {
        format!("{covered} of {estimate}m")
    }

    fn steps_summary(&self, done: usize, all: usize, left: u32, total: u32) -> String {
        format!(
            "{done} of {all} steps done, {} left of {}",
            format_minutes(left),
            format_minutes(total)
        )
    }

    fn no_steps_yet(&self, key: &str) -> String {
        format!(
            "{key} has no steps: add one with `sukima step add {key} \"TITLE\" --kind course --minutes 45m`"
        )
    }

    fn yes(&self) -> &'static str {
        "yes"
    }

    fn no_windows(&self) -> &'static str {
        "No spare time yet. Add some: `sukima window add weekdays 7:10-7:40 commute`"
    }

    fn window_headers(&self) -> [&'static str; 3] {
        ["ID", "KIND", "WHEN"]
    }

    fn window_kind(&self, kind: &str) -> &'static str {
        match kind {
            "weekly" => "weekly",
            "once" => "once",
            "blackout" => "blackout",
            _ => "busy",
        }
    }

    fn busy_summary(&self, skipped: bool, events: u32, first: &str, last: &str) -> String {
        let s = if events == 1 { "" } else { "s" };
        if skipped {
            format!("{events} session{s} skipped, {first} to {last}")
        } else {
            format!("{events} event{s} imported, {first} to {last}")
        }
    }

    fn nothing_logged(&self, filtered: bool) -> &'static str {
        if filtered {
            "Nothing logged that matches."
        } else {
            "Nothing logged yet. Log study with `sukima add \"30m #KEY\"`."
        }
    }

    fn log_headers(&self) -> [&'static str; 6] {
        ["ID", "DATE", "START", "TIME", "BADGE", "NOTE"]
    }

    fn session_headers(&self) -> [&'static str; 5] {
        ["START", "END", "TIME", "BADGE", "STATE"]
    }

    fn session_state(&self, pinned: bool, overdue: bool, conflict: bool) -> &'static str {
        match (pinned, overdue, conflict) {
            (_, true, _) => "passed: did you study? (session done / unpin)",
            (true, _, true) => "pinned, a conflict",
            (true, _, false) => "pinned",
            (false, ..) => "planned",
        }
    }

    fn no_sessions_listed(&self) -> &'static str {
        "No sessions: nothing is planned (see `sukima plan`)."
    }

    fn not_pinned(&self, badge: &str, start: chrono::NaiveDateTime) -> String {
        format!(
            "{badge} {} is not pinned: the planner placed it (skip or move it instead)",
            crate::domain::dates::ymd_hm(start)
        )
    }

    fn log_total(&self, entries: usize, total: u32) -> String {
        format!(
            "{}, {} in all",
            counted(entries, "entry", "entries"),
            format_minutes(total)
        )
    }

    fn exported(&self, c: Counts, file: &str) -> String {
        format!(
            "exported {}, {}, {}, {} to {file}",
            counted(c.badges, "badge", "badges"),
            counted(c.windows, "window", "windows"),
            counted(c.log, "log entry", "log entries"),
            counted(c.pinned, "pinned session", "pinned sessions")
        )
    }

    // `plan`, `agenda` and `due`.

    fn plan_head(&self, now: NaiveDateTime, count: usize, at_risk: usize) -> String {
        format!(
            "Plan as of {}: {count} to prepare, {}",
            ymd_hm(now),
            if at_risk == 0 {
                "all on time".to_string()
            } else {
                format!("{at_risk} at risk")
            }
        )
    }

    fn plan_lapsed(&self, expired: usize, retired: usize, keys: &[&str]) -> String {
        let what = match (expired, retired) {
            (e, 0) => format!("{e} expired"),
            (0, r) => format!("{r} retired"),
            (e, r) => format!("{e} expired and {r} retired"),
        };
        format!(
            "{what} with nothing planned: renew (`sukima badge renew KEY`), set a goal date, or archive (`sukima badge archive KEY`): {}",
            keys.join(", ")
        )
    }

    fn nothing_to_plan(&self) -> &'static str {
        "Nothing to plan: no badge needs renewing and no target has a goal date."
    }

    fn plan_headers(&self) -> [&'static str; 8] {
        [
            "", "BADGE", "NAME", "DUE", "LEFT", "PLANNED", "READY", "SLACK",
        ]
    }

    fn plan_state(&self, at_risk: bool) -> &'static str {
        if at_risk { "AT RISK" } else { "ok" }
    }

    fn plan_date(&self, d: NaiveDate, today: NaiveDate, long: bool) -> String {
        if long { ymd(d) } else { month_day(d, today) }
    }

    fn risk_head(&self, key: &str, why: &str) -> String {
        format!("{key}: {why}.")
    }

    fn each_fix_alone(&self) -> &'static str {
        "Each of these alone puts it on time:"
    }

    fn conflicts_head(&self, n: usize) -> String {
        format!(
            "{} the rules (kept, as you placed them):",
            counted(n, "pinned session breaks", "pinned sessions break")
        )
    }

    fn sessions_head(&self, days: u32, count: usize, minutes: u32) -> String {
        format!(
            "Sessions, next {}: {count} ({})",
            counted(days as usize, "day", "days"),
            format_minutes(minutes)
        )
    }

    fn session_day(&self, d: NaiveDate, today: NaiveDate, full: bool) -> String {
        let day = if full { ymd(d) } else { month_day(d, today) };
        format!("{} {day}", short_weekday(d))
    }

    fn pinned_tail(&self, conflict: Option<&str>) -> String {
        match conflict {
            Some(why) => format!("  (pinned: {why})"),
            None => "  (pinned)".into(),
        }
    }

    fn agenda_day(&self, d: NaiveDate, today: NaiveDate) -> String {
        format!(
            "{} {}{}",
            short_weekday(d),
            ymd(d),
            if d == today { "  today" } else { "" }
        )
    }

    fn nothing_planned(&self) -> &'static str {
        "nothing planned"
    }

    fn event_kind(&self, kind: EventKind) -> &'static str {
        match kind {
            EventKind::Expiry => "expires",
            EventKind::RenewalOpens => "renewal opens",
            EventKind::Retirement => "retires",
            EventKind::Available => "available",
            EventKind::Due => "due",
            EventKind::Goal => "goal",
        }
    }

    fn quiet_days(&self, n: usize) -> String {
        let days = if n == 1 { "day" } else { "days" };
        format!("({n} more {days} with nothing planned)")
    }

    fn due_next(
        &self,
        start: NaiveDateTime,
        today: NaiveDate,
        badge: &str,
        minutes: u32,
    ) -> String {
        let when = if start.date() == today {
            hm(start.time())
        } else {
            format!(
                "{} {}",
                self.session_day(start.date(), today, start.year() != today.year()),
                hm(start.time())
            )
        };
        format!("next {when} {badge} {}", format_minutes(minutes))
    }

    fn exported_ics(&self, sessions: usize, badges: usize, file: &str, zone: &str) -> String {
        format!(
            "exported {sessions} sessions and the renewal dates of {badges} badges to {file} ({zone})"
        )
    }

    fn due_counts(&self, c: DueCounts) -> Vec<String> {
        let mut parts = Vec::new();
        if c.expiring > 0 {
            parts.push(format!("{} expiring within {}d", c.expiring, c.days));
        }
        if c.at_risk > 0 {
            parts.push(format!("{} at risk", c.at_risk));
        }
        if c.expired > 0 {
            parts.push(format!("{} expired", c.expired));
        }
        if c.retired > 0 {
            parts.push(format!("{} retired", c.retired));
        }
        parts
    }

    fn assumed_no_expiry(
        &self,
        key: &str,
        issuer: &str,
        validity_days: u32,
        would_expire: chrono::NaiveDate,
    ) -> String {
        let lasts = match super::validity_years(validity_days) {
            Some(1) => "1 year".to_string(),
            Some(y) => format!("{y} years"),
            None => format!("{validity_days} days"),
        };
        format!(
            "no --expires: {key} never expires; {issuer} certifications usually last {lasts}: \
             sukima badge edit {key} --expires {would_expire}"
        )
    }
}

/// `Thu`.
fn short_weekday(d: NaiveDate) -> &'static str {
    ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][d.weekday().num_days_from_monday() as usize]
}
