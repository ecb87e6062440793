//! Quick-add: one line of text, English or Japanese, turned into a study log entry, a
//! pinned session, a spare-time window or a blackout (DESIGN section 4). It either does
//! what the user meant or says, in one line naming the token, what is wrong; it never
//! guesses silently. Pure: `now` and the badge list come in as arguments.
//!
//! # Grammar
//!
//! The line is read as Unicode NFKC first, so full-width input from a Japanese input
//! method (`３０分`, `＃cp4d`, `７：３０`, the full-width space) is read as ASCII. Tokens
//! are separated by spaces and may come in any order. Japanese text glued to other
//! tokens is split where they start (`昨日30分データ` is `昨日` `30分` `データ`, and
//! `#cp4d勉強` is `#cp4d` `勉強`); Latin text, accents included, is never split.
//!
//! **Study time** (any line not starting with `free`/`off`): a duration and a badge,
//! optionally a day, a time and a note.
//! - duration: `30m` `45min` `1h` `1h30m` `1.5h` `90m` `2hours` `45 min`, `30分`
//!   `1時間` `1時間30分` `1時間半` `1.5時間`. A bare number (`25`) is not a duration.
//! - badge: `#key` (exact, case-insensitive; the only way to reach an archived badge), or
//!   the words left over, matched against names and keys ignoring case, width and
//!   accents: a Latin word must start a word of the name (`arch` finds "Architect",
//!   `tect` does not), a Japanese word may be anywhere in it (`30分 データ`). Every word
//!   must match. An exact name or key (`aws-saa`, `aws saa`) beats partial matches; two or
//!   more partial matches are an error listing them; none, an error with the closest.
//! - day: `today` `yesterday` `tomorrow` (`yday`, `tmr`, `tmrw`), `今日` `昨日` `明日`
//!   `一昨日` `明後日`, a weekday (`mon`, `monday`, `月`, `月曜`, `月曜日`), `next fri`,
//!   `last fri`, `2027-01-05`, `2027/1/5`, `2027年1月5日`, `1/5`, `1月5日`.
//! - time: `7:30` `07:30` `19:00` `7pm` `7:30pm` `7 pm` `@7:30` `@7` `at 7:30` `noon`,
//!   `7時` `7時30分` `7時半` `午前7時` `午後7時` `午後7:30` `正午`. `7時30分` is the time
//!   7:30; typed apart, `7時 30分` is 7:00 for 30 minutes.
//! - a time range instead of a time and a duration: `#aws-saa 7:00-7:45` (a duration
//!   may be given too if it agrees).
//! - note: everything after a lone `--` (or `—`, which some systems type for `--`), or a
//!   quoted string (`"…"`, `“…”`, `「…」`, `『…』`), kept exactly as typed.
//!
//! Meaning (`now` is cut to the minute):
//! - no day and no time, or a day that is today without a time: a log entry that ends
//!   now, starting `duration` earlier (no start time if that crosses midnight);
//! - a start before now: a log entry; a start at or after now: a pinned session;
//! - a past day without a time: a log entry on that day without a start time; a future
//!   day without a time is an error asking for a time;
//! - a weekday without a time is the last one (today counts); with a time, the next one
//!   (today counts if that time is still ahead); `next fri` is the first Friday after
//!   today, `last fri` the last one before;
//! - `1/5` is the nearest such date to today, past or future (a tie goes to the past);
//! - the duration is 1 minute to 24 hours; a pinned session has no note (an error).
//!
//! **Spare time**: starts with `free` (or `空き`, `空き時間`), then days, a time range
//! and a label (the words left over, then any note).
//! - weekly: `weekdays`/`平日`, `weekends`/`週末`/`土日`, `daily`/`毎日`/`every day`, a list
//!   `mon,wed,fri` / `月,水,金` / `月・水・金` / `月水金`, a run `mon-fri`, or `every sat` /
//!   `毎週土曜`; optionally bounded: `2027-01-10..2027-03-31`, `from 1/10`, `until 3/31`,
//!   `3/31まで`. A range of dates alone (`free 1/10..1/14 9-10`) is every day in it.
//! - one-off: `today`, `tomorrow`, a date, `1/5` (the next one, today included), or a
//!   single weekday (`free sat 9-11`: the next one, today included if the window has not
//!   started yet).
//! - time range: `7:10-7:40`, `7:10〜7:40`, `7:10~7:40`, `19-21`, `7-9pm`, `9時〜11時`,
//!   `9時から11時まで`, `午後1時〜3時`, `9:00 - 11:00`, `from 9 to 11`, or a start and a
//!   duration (`9:00 2h`). A meridiem on one end carries to the other when that makes a
//!   forward range. Backwards, empty and overnight ranges are errors (`9-5` asks
//!   "did you mean 9:00-17:00?").
//!
//! **Blackout**: starts with `off` (or `休み`), then one day or a range of days, and a
//! label: `off tomorrow`, `off fri`, `off 2027-01-02..2027-01-05 new year`,
//! `off 12/28..1/3`, `off 12/28〜1/3`, `off from 12/28 until 1/3`. Days given as `12/28` or
//! a weekday take the first occurrence of the range that ends today or later, so
//! `12/28..1/3` typed on 2027-01-06 is the coming new year, typed on 2027-01-02 the
//! current one, and `off mon..fri` typed on a Wednesday is this week's.
//!
//! Errors name the token (with its byte range, to underline) and, where there is one,
//! the fix: `unknown badge 'awz': did you mean #aws-saa?`, `no duration: add one like
//! 30m`, `2027-02-30 is not a date`, `two durations ('30m' and '1h'): keep one`,
//! `'25:00' is not a time`, `'tomorow' is not understood: did you mean tomorrow?`. Words
//! beside a `#key` that are not part of its badge's name are an error, not a silent note.
//! A plain weekday that is also a word of the matched badge's name (`30m sun java`
//! against "Sun Certified Java Programmer") is an error rather than a guess. A line
//! starting with `free`/`off` is always spare time/days off: name a badge whose name
//! starts with those words by `#key` or put the duration first.

mod describe;
mod lex;
mod matching;
mod merge;
mod study;
mod token;
mod when;
mod window;

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;

use super::badge::Badge;
use super::log::{LogEntry, Pinned};
use super::spare::Window;
use chrono::{NaiveDateTime, NaiveTime};
use std::fmt;
use std::ops::Range;

pub use describe::{complete_key, complete_key_nth, key_candidates};

/// What a quick-add line asks to write. Every `id` is `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    /// Study already done.
    Log(LogEntry),
    /// A session placed by hand in the future.
    Pin(Pinned),
    /// Spare time (weekly or one-off) or a blackout.
    Window(Window),
}

/// Why a line cannot be added: one line of text naming the offending token and what would
/// be right, and, where one token is at fault, its byte range in the text as typed (for the
/// TUI to underline).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// The message in English.
    pub message: String,
    /// Byte range of the offending token in the input, when there is one.
    pub span: Option<Range<usize>>,
    /// What went wrong as data, for the errors people meet most, so each language can
    /// say it (`present::Texts::parse_error`); the others are said in English.
    pub kind: Option<ParseErrorKind>,
}

/// The common quick-add errors, typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// No badge is called what was typed (`shown`); `close` are the nearest keys.
    UnknownBadge {
        shown: String,
        close: Vec<String>,
    },
    /// No badge named at all.
    NoBadge,
    /// No duration at all.
    NoDuration,
    /// A bare number: `shown` needs a unit (`number`m).
    DurationNeedsUnit {
        shown: String,
        number: String,
    },
    /// Something that looks like a duration but is not one.
    NotADuration {
        shown: String,
    },
    /// `#` without a key.
    NeedsKey {
        shown: String,
    },
    /// Not a time; `at`: typed after `@`.
    NotATime {
        shown: String,
        at: bool,
    },
    /// A duration too long, or not written right.
    BadDuration {
        shown: String,
    },
    /// Looks like a date but is none (`2/30`).
    NotADate {
        shown: String,
    },
    /// Looks like a list of days but is none.
    NotDays {
        shown: String,
    },
    /// A time range whose end is its start.
    EmptyRange {
        shown: String,
    },
    /// A time range that ends before it starts; `fix`: the range meant, when the end
    /// lacks its pm.
    Backwards {
        shown: String,
        fix: Option<(NaiveTime, NaiveTime)>,
    },
    /// A quote not closed.
    OpenQuote {
        quote: char,
        close: char,
    },
    /// Two notes.
    TwoNotes,
    /// Two of a kind where one is wanted.
    Two {
        what: Twice,
        first: String,
        second: String,
    },
    /// A word that is no badge.
    NotABadge {
        shown: String,
    },
    /// A word that matches several badges.
    Ambiguous {
        shown: String,
        keys: Vec<String>,
    },
    /// A word that matches archived badges only.
    OnlyArchived {
        shown: String,
        keys: Vec<String>,
    },
    /// A badge named when there are none.
    NoBadgesYet {
        shown: String,
    },
    /// A day too far from today.
    TooFar {
        shown: String,
    },
    /// Nothing typed.
    NothingToAdd,
    /// Spare time without a time range.
    NeedsTimeRange,
    /// Spare time without a day.
    NeedsDay,
    /// A blackout without days.
    NeedsDaysOff,
    /// Study of no time.
    ZeroDuration {
        shown: String,
    },
    /// Study of more than a day.
    MoreThanADay {
        shown: String,
    },
    /// A session in the future without a time (`day`: its day, `None` for tomorrow).
    SessionNeedsTime {
        day: Option<chrono::NaiveDate>,
    },
    /// A word that is not understood, and what it may have meant.
    NotUnderstood {
        shown: String,
        hint: Hint,
    },
    /// A weekly day in a study line.
    RepeatsWeekly {
        shown: String,
    },
    /// Several days in a study line.
    SeveralDays {
        shown: String,
    },
    /// A badge's key in a window (`blackout`: in a blackout) line.
    KeyNotWanted {
        shown: String,
        blackout: bool,
    },
    /// A duration beside a whole time range.
    NotNeeded {
        duration: String,
        range: String,
    },
    /// A start and a duration that run past midnight.
    PastMidnight {
        start: String,
        duration: String,
    },
    /// A time without its end, or a duration without its start, in a window line.
    NeedsEnd {
        shown: String,
    },
    NeedsStart {
        shown: String,
    },
    /// A time or duration in a blackout line.
    WholeDays {
        shown: String,
    },
    /// Days that end before they start.
    DaysBackwards {
        shown: String,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    },
}

/// What a quick-add line gave twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Twice {
    Durations,
    Times,
    Days,
    Badges,
    DateRanges,
    SetsOfDays,
    FirstDays,
    LastDays,
    Other,
}

impl Twice {
    /// What the English message calls them.
    pub fn of(what: &str) -> Twice {
        match what {
            "durations" => Twice::Durations,
            "times" => Twice::Times,
            "days" => Twice::Days,
            "badges" => Twice::Badges,
            "date ranges" => Twice::DateRanges,
            "sets of days" => Twice::SetsOfDays,
            "first days" => Twice::FirstDays,
            "last days" => Twice::LastDays,
            _ => Twice::Other,
        }
    }
}

/// What a word not understood may have meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hint {
    /// A note goes after `--` or in quotes.
    Note,
    /// A word of the grammar, misspelt.
    DidYouMean(String),
    /// A bare number: a time (`n:00`) or minutes (`nm`).
    TimeOrMinutes(u32),
    /// A bare number: minutes.
    Minutes(u32),
}

impl ParseError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        ParseError {
            message: message.into(),
            span: None,
            kind: None,
        }
    }

    pub(crate) fn at(message: impl Into<String>, span: Range<usize>) -> Self {
        ParseError {
            message: message.into(),
            span: Some(span),
            kind: None,
        }
    }

    /// The same error, at `span`.
    pub(crate) fn spanned(mut self, span: Range<usize>) -> Self {
        self.span = Some(span);
        self
    }

    /// The same error, typed as `kind`.
    pub(crate) fn kind(mut self, kind: ParseErrorKind) -> Self {
        self.kind = Some(kind);
        self
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ParseError {}

/// Reads one quick-add line (see the module documentation for the grammar).
pub fn parse(text: &str, now: NaiveDateTime, badges: &[Badge]) -> Result<Intent, ParseError> {
    let line = lex::lex(text)?;
    let now = when::minute_of(now);
    match line.mode {
        lex::Mode::Free => window::free(&line, now).map(Intent::Window),
        lex::Mode::Off => window::off(&line, now).map(Intent::Window),
        lex::Mode::Study => study::study(&line, now, badges),
    }
}

/// Reads spare time with or without the leading `free` (`weekdays 7:10-7:40 commute`),
/// for `sukima window add`.
pub fn parse_free(text: &str, now: NaiveDateTime) -> Result<Window, ParseError> {
    let mut line = lex::lex(text)?;
    line.assume(lex::Mode::Free)?;
    window::free(&line, when::minute_of(now))
}

/// Reads days off with or without the leading `off` (`12/28..1/3 new year`).
pub fn parse_off(text: &str, now: NaiveDateTime) -> Result<Window, ParseError> {
    let mut line = lex::lex(text)?;
    line.assume(lex::Mode::Off)?;
    window::off(&line, when::minute_of(now))
}
