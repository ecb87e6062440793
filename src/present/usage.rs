//! What was typed on the command line (or in the planner's import line) that cannot be
//! used, typed, so each language says it ([`crate::present::Texts::usage_error`]); the
//! English is the `Display`.

use crate::domain::dates::DateError;
use crate::domain::duration::DurationError;

/// A flag or an argument that cannot be used, and what to type instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UsageError {
    #[error("--now '{0}' is not a time: write it as YYYY-MM-DDTHH:MM")]
    NowNotATime(String),
    #[error("cannot find a home folder for the database: give --db PATH")]
    NoHome,
    #[error("no config folder on this system: give --config PATH")]
    NoConfigFolder,
    #[error("--month '{0}' is not a month: write it as YYYY-MM, like 2027-01")]
    NotAMonth(String),
    #[error(
        "--since '{0}' is not a day: write it as YYYY-MM-DD, today, yesterday or 7d (the last 7 days)"
    )]
    NotADay(String),
    #[error("--status: '{typed}' is not a status: use {}", .all.join(", "))]
    NotAStatus {
        typed: String,
        all: Vec<&'static str>,
    },
    #[error("--name cannot be empty")]
    EmptyName,
    #[error("--expires needs a date, like 2028-01-31")]
    ExpiresNeedsDate,
    #[error("a badge needs a name, like `sukima badge add \"AWS Certified Cloud Practitioner\"`")]
    NeedsName,
    #[error("--earned {0} is after today: leave it out for a badge not earned yet")]
    EarnedAfterToday(String),
    /// A date flag that is not a date.
    #[error("--{flag}: {error}")]
    Date {
        flag: &'static str,
        error: DateError,
    },
    /// A duration flag that is not a duration.
    #[error("--{flag}: {error}")]
    Duration {
        flag: &'static str,
        error: DurationError,
    },
    #[error("--start '{0}' is not a time: write it as HH:MM")]
    StartNotATime(String),
    #[error("--minutes '{0}' is not a number of minutes: write 45 or 1h30m")]
    NotMinutes(String),
    #[error("'{0}' cannot name an import (it looks like a window id): give --name")]
    NameLooksLikeId(String),
    #[error("{0} is a sukima backup: restore it with `sukima import json {0} --replace`")]
    IsABackup(String),
    #[error("no file named: type a path, like ~/Downloads/badges.json")]
    NoFileNamed,
    #[error(
        "{0} is not a page of a Credly download: only those import several at once; import it on its own"
    )]
    NotACredlyPage(String),
    #[error("the planner cannot read standard input: give a file's path")]
    NoStdinInPlanner,
    #[error("no file matches {0}")]
    NoFileMatches(String),
    #[error("{0} is not UTF-8 text; is it the right file?")]
    NotUtf8(String),
}
