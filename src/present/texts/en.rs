//! The English words of [`Texts`].

use super::{En, Texts};
use crate::config::Language;
use crate::domain::badge::Badge;
use crate::domain::dates::month_day;
use crate::domain::duration::format_minutes;
use crate::domain::plan::{Outcome, Risk};
use crate::domain::status::Band;
use crate::domain::status::{Status, countdown_days};
use crate::domain::work::Idle;
use crate::present::month::DayEventKind;
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

    fn risk_text(&self, o: &Outcome) -> String {
        let save = |per_day: Option<u32>, spare: Option<u32>| {
            let mut ways = Vec::new();
            if let Some(m) = per_day {
                ways.push(format!("{} more a day", format_minutes(m)));
            }
            if let Some(m) = spare {
                ways.push(format!(
                    "at least {} more spare time before {}",
                    format_minutes(m),
                    o.due
                ));
            }
            if ways.is_empty() {
                "no change to the cap or spare time alone would".to_string()
            } else {
                format!("save it with {}", ways.join(", or "))
            }
        };
        let (due, release, short) = (o.due, o.release, format_minutes(o.shortfall));
        match o.risk {
            None => String::new(),
            Some(Risk::DuplicateKey) => "listed twice".into(),
            Some(Risk::DuePassed) => format!("was due {due}: plan it as soon as possible"),
            Some(Risk::DueBeforeRelease) => {
                format!("cannot start before {release} but is due {due}: set a goal date")
            }
            Some(Risk::NoSpareTime {
                extra_minutes_per_day,
                extra_spare_minutes,
            }) => format!(
                "no spare time before {due}: {}",
                save(extra_minutes_per_day, extra_spare_minutes)
            ),
            Some(Risk::NotEnoughTime {
                extra_minutes_per_day,
                extra_spare_minutes,
            }) => format!(
                "short {short}: {}",
                save(extra_minutes_per_day, extra_spare_minutes)
            ),
            Some(Risk::SessionRules) => format!(
                "short {short}: the spare time holds the minutes, but not in sessions the rules allow (min_session, max_session): add more windows before {due}, or change those rules in [planner]"
            ),
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

    fn weekday_date(&self, d: NaiveDate) -> String {
        format!("{} {}", self.weekday(d.weekday()), d.format("%Y-%m-%d"))
    }

    fn weekday_date_time(&self, t: NaiveDateTime) -> String {
        format!("{} {}", self.weekday_date(t.date()), t.format("%H:%M"))
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
}
