//! What a change to the data did, what it is called in the undo journal, and why one was
//! refused: plain data, no words. The write services (`crate::changes`) return these;
//! the words are chosen where they are shown (`present::Texts::done`, `label`,
//! `change_error`), in the language of whoever reads them.

use chrono::{NaiveDate, NaiveDateTime};

/// What a change did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    /// A badge was added.
    BadgeAdded { key: String, name: String },
    /// A badge was edited, perhaps under a new key.
    BadgeUpdated { old_key: String, key: String },
    /// A badge was renewed (or a target earned) with a new expiry.
    BadgeRenewed {
        key: String,
        earned: bool,
        expires: NaiveDate,
    },
    /// A badge was archived, or restored from the archive.
    Archived { key: String, archived: bool },
    /// A badge was deleted with its log and pinned sessions; `orphans` lost it as their
    /// replacement, and the deals in `deals` no longer need it.
    BadgeDeleted {
        key: String,
        logs: usize,
        pins: usize,
        orphans: Vec<String>,
        deals: Vec<String>,
    },
    /// Badges were set to a priority (`already`: they all had it; nothing changed).
    PrioritySet {
        keys: Vec<String>,
        to: crate::domain::badge::Priority,
        already: bool,
    },
    /// A window of spare time (or a blackout) was added; `what` is its notation.
    /// `conflicts`: pinned sessions ahead that a new blackout now covers (kept, flagged).
    WindowAdded {
        id: i64,
        what: String,
        conflicts: usize,
    },
    /// A window was replaced.
    WindowUpdated { id: i64, what: String },
    /// A window was deleted.
    WindowDeleted { id: i64 },
    /// A pinned session was unpinned (`None`: it was already gone from the list).
    Unpinned {
        id: i64,
        session: Option<(String, NaiveDateTime)>,
    },
    /// A backup was written into the store.
    Restored(Counts),
    /// The busy time of one calendar import was deleted.
    BusyDeleted { source: String, events: usize },
    /// Busy time was imported from a calendar.
    CalendarImported(CalendarImport),
    /// The last change was taken back.
    Undone(Label),
    /// The change the last undo took back was applied again.
    Redone(Label),
    /// A session was studied: logged at its start (`unpinned`: it was a pinned one,
    /// now gone from the pins).
    SessionDone {
        badge: String,
        start: NaiveDateTime,
        minutes: u32,
        unpinned: bool,
    },
    /// A session was skipped: its time is blocked (`skipped`), the planner moves the work.
    SessionSkipped {
        badge: String,
        start: NaiveDateTime,
        end: NaiveDateTime,
    },
    /// A session was pinned at another time (`warning`: that time breaks a rule).
    SessionMoved {
        badge: String,
        from: NaiveDateTime,
        to: NaiveDateTime,
        warning: Option<MoveWarning>,
    },
    /// A pinned session whose time passed was not studied: it is gone.
    SessionNotDone { badge: String, start: NaiveDateTime },
    /// A log entry was changed.
    LogEdited { id: i64 },
    /// A log entry was deleted.
    LogDeleted {
        id: i64,
        badge: String,
        date: NaiveDate,
        minutes: u32,
    },
    /// A step was added to a badge's journey, at `number` (from 1).
    StepAdded {
        key: String,
        number: usize,
        title: String,
    },
    /// A step was changed (and moved to `now` when that differs from `number`).
    StepUpdated {
        key: String,
        number: usize,
        now: usize,
        title: String,
    },
    /// A step edit that changes nothing.
    StepUnchanged { key: String, number: usize },
    /// A step was moved from one place to another.
    StepMoved {
        key: String,
        from: usize,
        to: usize,
        title: String,
    },
    /// A step was marked done (or not done); `next`: the step now current, if any.
    StepMarked {
        key: String,
        number: usize,
        title: String,
        done: bool,
        next: Option<(usize, String)>,
    },
    /// A step was deleted.
    StepDeleted {
        key: String,
        number: usize,
        title: String,
    },
    /// A deal was added (`needs`: how many badges it needs).
    DealAdded {
        key: String,
        name: String,
        by: NaiveDate,
        needs: usize,
    },
    /// A deal was edited, perhaps under a new key.
    DealUpdated { old_key: String, key: String },
    /// A deal was closed as won, lost or dropped.
    DealClosed {
        key: String,
        state: crate::domain::deal::DealState,
    },
    /// A deal was deleted.
    DealDeleted { key: String },
}

/// Why a session moved somewhere is flagged as a conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoveWarning {
    /// The time has passed.
    Past,
    /// The day is a blackout (its label).
    Blackout(String),
    /// The time is busy, or was skipped.
    Busy,
}

/// What a calendar import did (DESIGN 8): the busy events it wrote under which name, the
/// earlier import of that name it replaced, and what it left out and why. Liberal: an
/// event that cannot be read is left out and named here, and the rest is imported.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CalendarImport {
    /// The file as it was given (`-` for standard input).
    pub file: String,
    /// The import's name: `--name`, else the calendar's `X-WR-CALNAME`, else the file's
    /// full path.
    pub source: String,
    /// Busy events written.
    pub added: usize,
    /// Busy events of the earlier import of the same name, now replaced.
    pub replaced: usize,
    /// Events that are not busy time (free or cancelled).
    pub free_or_cancelled: usize,
    /// Occurrences outside the planning horizon, and the horizon in days.
    pub outside_range: usize,
    pub horizon_days: u32,
    /// Older copies of events that a higher SEQUENCE changed.
    pub superseded: usize,
    /// Events that could not be read, in file order.
    pub unreadable: Vec<LeftOut>,
    /// Lines not read as written (broken folding and the like), in file order.
    pub bad_lines: Vec<BadLine>,
    /// Other things the reader noticed (the reader's words, English).
    pub notes: Vec<String>,
}

impl CalendarImport {
    /// How many unreadable events and broken lines a report names one by one.
    pub const NAMED: usize = 3;

    /// Whether the import is named by the full path of the file it read (no `--name`, no
    /// `X-WR-CALNAME`): its report then names the path once.
    pub fn named_by_path(&self) -> bool {
        self.source.starts_with('/')
            && std::path::Path::new(&self.source).file_name()
                == std::path::Path::new(&self.file).file_name()
    }

    /// The name to show where there is little room: the file name of an import named by
    /// its full path (`basic.ics`), else the name itself.
    pub fn short_name(&self) -> &str {
        if self.source.starts_with('/') {
            self.source.rsplit('/').next().unwrap_or(&self.source)
        } else {
            &self.source
        }
    }
}

/// An event a calendar import left out: its UID (if it has one), the line where it
/// starts, and why (the reader's words, English).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    pub uid: Option<String>,
    pub line: usize,
    pub reason: String,
}

/// A line of a calendar not read as written, and why (the reader's words, English).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    pub line: usize,
    pub reason: String,
}

/// How many of each record: a backup's summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub badges: usize,
    pub windows: usize,
    pub log: usize,
    pub pinned: usize,
}

/// A change as the undo journal names it. Stored as its [`Label::record`] (the English
/// words sukima always wrote there, so journals of every version read the same) and read
/// back with [`Label::parse`]; anything it does not know stays [`Label::Other`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    AddBadge(String),
    EditBadge(String),
    Renew(String),
    Archive(String),
    Restore(String),
    DeleteBadge(String),
    /// A window added, by its notation (`weekdays 07:10-07:40 commute`).
    AddWindow(String),
    EditWindow(i64),
    DeleteWindow(i64),
    /// Study logged: its duration as written (`1h30m`) and the badge.
    Log {
        duration: String,
        badge: String,
    },
    /// A session pinned: its duration, the badge, and when (`2027-01-05 07:30`).
    Pin {
        duration: String,
        badge: String,
        at: String,
    },
    /// A session unpinned, as it was described (`aws-saa Tue 2027-01-05 07:30`).
    Unpin(String),
    ImportBackup,
    /// The busy time of a calendar import deleted.
    DeleteBusy(String),
    /// Busy time imported from a calendar, by its source name.
    ImportCalendar(String),
    /// Badges imported (`credly badges.json`, `csv (2 files)`).
    Import(String),
    /// A step added to a badge.
    AddStep(String),
    /// Step `number` of a badge edited.
    EditStep {
        key: String,
        number: usize,
    },
    /// Step `number` of a badge moved.
    MoveStep {
        key: String,
        number: usize,
    },
    /// A step of a badge marked done, or not done.
    MarkStep {
        key: String,
        done: bool,
    },
    /// Step `number` of a badge deleted.
    DeleteStep {
        key: String,
        number: usize,
    },
    /// Badges set to a priority (`aws-saa, az-104` to `high`).
    SetPriority {
        keys: String,
        to: String,
    },
    /// A deal added.
    AddDeal(String),
    /// A deal edited.
    EditDeal(String),
    /// A deal closed (`won`, `lost`, `dropped`).
    CloseDeal {
        key: String,
        state: String,
    },
    /// A deal deleted.
    DeleteDeal(String),
    /// A session studied: its duration, the badge and its start (`2027-01-05 07:30`).
    Done {
        duration: String,
        badge: String,
        at: String,
    },
    /// A session skipped: the badge and its start.
    Skip {
        badge: String,
        at: String,
    },
    /// A session moved: the badge, from and to.
    Move {
        badge: String,
        from: String,
        to: String,
    },
    /// A pinned session that was not studied, dismissed.
    NotDone {
        badge: String,
        at: String,
    },
    /// A log entry changed, by id.
    EditLog(i64),
    /// A log entry deleted, by id.
    DeleteLog(i64),
    /// A journal entry written by something else.
    Other(String),
}

impl Label {
    /// The text stored in the undo journal.
    pub fn record(&self) -> String {
        match self {
            Label::AddBadge(k) => format!("add badge {k}"),
            Label::EditBadge(k) => format!("edit badge {k}"),
            Label::Renew(k) => format!("renew {k}"),
            Label::Archive(k) => format!("archive {k}"),
            Label::Restore(k) => format!("restore {k}"),
            Label::DeleteBadge(k) => format!("delete badge {k}"),
            Label::AddWindow(w) => format!("add {w}"),
            Label::EditWindow(id) => format!("edit window {id}"),
            Label::DeleteWindow(id) => format!("delete window {id}"),
            Label::Log { duration, badge } => format!("log {duration} on {badge}"),
            Label::Pin {
                duration,
                badge,
                at,
            } => format!("pin {duration} on {badge} at {at}"),
            Label::Unpin(what) => format!("unpin {what}"),
            Label::ImportBackup => "import backup".into(),
            Label::DeleteBusy(s) => format!("delete busy time {s}"),
            Label::ImportCalendar(s) => format!("import ics {s}"),
            Label::Import(what) => format!("import {what}"),
            Label::SetPriority { keys, to } => format!("{keys} to {to} priority"),
            Label::Done {
                duration,
                badge,
                at,
            } => format!("done {duration} on {badge} at {at}"),
            Label::Skip { badge, at } => format!("skip {badge} at {at}"),
            Label::Move { badge, from, to } => format!("move {badge} from {from} to {to}"),
            Label::NotDone { badge, at } => format!("not done {badge} at {at}"),
            Label::EditLog(id) => format!("edit log {id}"),
            Label::DeleteLog(id) => format!("delete log {id}"),
            Label::AddStep(k) => format!("add step to {k}"),
            Label::EditStep { key, number } => format!("edit step {number} of {key}"),
            Label::MoveStep { key, number } => format!("move step {number} of {key}"),
            Label::MarkStep { key, done } => {
                format!(
                    "mark a step of {key} {}",
                    if *done { "done" } else { "not done" }
                )
            }
            Label::DeleteStep { key, number } => format!("delete step {number} of {key}"),
            Label::AddDeal(k) => format!("add deal {k}"),
            Label::EditDeal(k) => format!("edit deal {k}"),
            Label::CloseDeal { key, state } => format!("close deal {key} as {state}"),
            Label::DeleteDeal(k) => format!("delete deal {k}"),
            Label::Other(text) => text.clone(),
        }
    }

    /// Reads a journal's text back (the inverse of [`Label::record`]).
    pub fn parse(text: &str) -> Label {
        type Make = fn(&str) -> Option<Label>;
        let prefixed: [(&str, Make); 13] = [
            ("edit log ", |s| s.parse().ok().map(Label::EditLog)),
            ("delete log ", |s| s.parse().ok().map(Label::DeleteLog)),
            ("add badge ", |k| Some(Label::AddBadge(k.into()))),
            ("edit badge ", |k| Some(Label::EditBadge(k.into()))),
            ("delete badge ", |k| Some(Label::DeleteBadge(k.into()))),
            ("edit window ", |s| s.parse().ok().map(Label::EditWindow)),
            ("delete window ", |s| {
                s.parse().ok().map(Label::DeleteWindow)
            }),
            ("delete busy time ", |s| Some(Label::DeleteBusy(s.into()))),
            ("renew ", |k| Some(Label::Renew(k.into()))),
            ("archive ", |k| Some(Label::Archive(k.into()))),
            ("restore ", |k| Some(Label::Restore(k.into()))),
            ("unpin ", |w| Some(Label::Unpin(w.into()))),
            ("import ics ", |s| Some(Label::ImportCalendar(s.into()))),
        ];
        if let Some(k) = text.strip_prefix("add step to ").filter(|k| !k.is_empty()) {
            return Label::AddStep(k.into());
        }
        for (prefix, make) in [("edit step ", 0u8), ("move step ", 1), ("delete step ", 2)] {
            if let Some(rest) = text.strip_prefix(prefix)
                && let Some((n, key)) = rest.split_once(" of ")
                && let Ok(number) = n.parse::<usize>()
                && !key.is_empty()
            {
                let key = key.to_string();
                return match make {
                    0 => Label::EditStep { key, number },
                    1 => Label::MoveStep { key, number },
                    _ => Label::DeleteStep { key, number },
                };
            }
        }
        if let Some(rest) = text.strip_prefix("mark a step of ") {
            if let Some(key) = rest.strip_suffix(" not done").filter(|k| !k.is_empty()) {
                return Label::MarkStep {
                    key: key.into(),
                    done: false,
                };
            }
            if let Some(key) = rest.strip_suffix(" done").filter(|k| !k.is_empty()) {
                return Label::MarkStep {
                    key: key.into(),
                    done: true,
                };
            }
        }
        if text == "import backup" {
            return Label::ImportBackup;
        }
        if let Some(rest) = text.strip_prefix("close deal ")
            && let Some((key, state)) = rest.rsplit_once(" as ")
            && !key.is_empty()
            && crate::domain::deal::DealState::parse(state).is_some()
        {
            return Label::CloseDeal {
                key: key.into(),
                state: state.into(),
            };
        }
        for (prefix, make) in [
            ("add deal ", Label::AddDeal as fn(String) -> Label),
            ("edit deal ", Label::EditDeal),
            ("delete deal ", Label::DeleteDeal),
        ] {
            if let Some(k) = text.strip_prefix(prefix).filter(|k| !k.is_empty()) {
                return make(k.into());
            }
        }
        for (prefix, make) in prefixed {
            if let Some(rest) = text.strip_prefix(prefix)
                && !rest.is_empty()
                && let Some(l) = make(rest)
            {
                return l;
            }
        }
        if let Some(rest) = text.strip_prefix("pin ")
            && let Some((duration, rest)) = rest.split_once(" on ")
            && let Some((badge, at)) = rest.split_once(" at ")
        {
            return Label::Pin {
                duration: duration.into(),
                badge: badge.into(),
                at: at.into(),
            };
        }
        if let Some(rest) = text.strip_prefix("done ")
            && let Some((duration, rest)) = rest.split_once(" on ")
            && let Some((badge, at)) = rest.split_once(" at ")
        {
            return Label::Done {
                duration: duration.into(),
                badge: badge.into(),
                at: at.into(),
            };
        }
        for (prefix, not_done) in [("skip ", false), ("not done ", true)] {
            if let Some(rest) = text.strip_prefix(prefix)
                && let Some((badge, at)) = rest.split_once(" at ")
            {
                let (badge, at) = (badge.into(), at.into());
                return if not_done {
                    Label::NotDone { badge, at }
                } else {
                    Label::Skip { badge, at }
                };
            }
        }
        if let Some(rest) = text.strip_prefix("move ")
            && let Some((badge, rest)) = rest.split_once(" from ")
            && let Some((from, to)) = rest.split_once(" to ")
        {
            return Label::Move {
                badge: badge.into(),
                from: from.into(),
                to: to.into(),
            };
        }
        if let Some(rest) = text.strip_prefix("log ")
            && let Some((duration, badge)) = rest.split_once(" on ")
        {
            return Label::Log {
                duration: duration.into(),
                badge: badge.into(),
            };
        }
        if let Some(rest) = text.strip_suffix(" priority")
            && let Some((keys, to)) = rest.rsplit_once(" to ")
            && ["low", "normal", "high"].contains(&to)
        {
            return Label::SetPriority {
                keys: keys.into(),
                to: to.into(),
            };
        }
        if let Some(rest) = text.strip_prefix("import ").filter(|r| !r.is_empty()) {
            return Label::Import(rest.into());
        }
        if let Some(rest) = text.strip_prefix("add ").filter(|r| !r.is_empty()) {
            return Label::AddWindow(rest.into());
        }
        Label::Other(text.into())
    }
}

/// Why a change was refused; nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChangeError {
    /// No badge has the key; `close` are the nearest keys (maybe none).
    #[error("no badge has the key '{key}'")]
    UnknownBadge { key: String, close: Vec<String> },
    /// The replacement named by `--replaced-by` of `of` does not exist.
    #[error("--replaced-by of '{of}': no badge has the key '{key}'")]
    UnknownReplacement {
        of: String,
        key: String,
        close: Vec<String>,
    },
    /// The key is taken; `renaming`: while editing (so not `--key` of an add).
    #[error("a badge with the key '{key}' already exists")]
    KeyTaken { key: String, renaming: bool },
    /// Following replacements comes back to the badge.
    #[error("--replaced-by makes a loop")]
    ReplacementLoop { chain: Vec<String> },
    /// A renewal's new expiry is not after today.
    #[error("the new expiry {expires} is not after today ({today})")]
    ExpiryNotAfterToday {
        expires: NaiveDate,
        today: NaiveDate,
    },
    /// A retired badge cannot be renewed.
    #[error("{key} retired on {on}")]
    Retired { key: String, on: NaiveDate },
    /// A held badge without an expiry has nothing to renew.
    #[error("{key} never expires")]
    NeverExpires { key: String },
    /// Archiving an archived badge, or restoring one that is not.
    #[error("{key} is already in that state")]
    AlreadyArchived { key: String, archived: bool },
    /// The same window already exists.
    #[error("that is already window {id}")]
    SameWindow { id: i64, what: String },
    /// No window has the id.
    #[error("no window has the id {id}")]
    UnknownWindow { id: i64 },
    /// No pinned session has the id.
    #[error("no pinned session has the id {id}")]
    UnknownPin { id: i64 },
    /// No window or calendar import has the name.
    #[error("no window id or calendar import is called '{name}'")]
    UnknownSource { name: String },
    /// Several calendar imports have the file name given (imports named by full path).
    #[error("several calendar imports are called '{name}'")]
    AmbiguousSource {
        name: String,
        candidates: Vec<String>,
    },
    /// A log entry or a session of no minutes.
    #[error("no minutes")]
    NoMinutes { session: bool },
    /// A pinned session overlaps another pinned session.
    #[error("the session overlaps another pinned session")]
    PinClash {
        start: NaiveDateTime,
        other_badge: String,
        other_start: NaiveDateTime,
        other_end: NaiveDateTime,
    },
    /// Restoring a backup over data without `--replace`.
    #[error("the database already holds data")]
    NotEmpty(Counts),
    /// The undo journal is empty.
    #[error("nothing to undo")]
    NothingToUndo,
    /// Nothing was undone since the last change.
    #[error("nothing to redo")]
    NothingToRedo,
    /// A session's minutes out of 1 minute to 24 hours.
    #[error("{minutes} minutes is not a session's length")]
    BadMinutes { minutes: u32 },
    /// A session name that names nothing.
    #[error("no such session")]
    NoSession(crate::domain::session::LookupError),
    /// A move into the past or a blackout, not confirmed (`--anyway`).
    #[error("that time breaks a rule")]
    MoveRefused { to: NaiveDateTime, why: MoveWarning },
    /// No log entry has the id.
    #[error("no log entry has the id {id}")]
    UnknownLog { id: i64 },
    /// A log entry dated after today.
    #[error("{date} is in the future")]
    LogInFuture { date: NaiveDate },
    /// A prerequisite (`--after` of `of`) names no badge.
    #[error("--after of '{of}': no badge has the key '{key}'")]
    UnknownPrerequisite {
        of: String,
        key: String,
        close: Vec<String>,
    },
    /// Prerequisites that cannot be: archived, the badge itself, a loop.
    #[error("{0}")]
    Prerequisite(crate::domain::prereq::PrereqError),
    /// A step that cannot be written (no title, an absurd estimate, an address that is
    /// not http(s)).
    #[error("{0}")]
    Step(crate::domain::step::StepError),
    /// The badge has no steps.
    #[error("{key} has no steps")]
    NoSteps { key: String },
    /// No step has that number (`len` steps).
    #[error("{key} has steps 1 to {len}, not {number}")]
    NoSuchStep {
        key: String,
        len: usize,
        number: usize,
    },
    /// A new step cannot go there (`1..=max`).
    #[error("a new step of {key} goes at 1 to {max}, not {number}")]
    StepPlace {
        key: String,
        max: usize,
        number: usize,
    },
    /// The step is already done (or not done).
    #[error("step {number} of {key} is already in that state")]
    StepAlready {
        key: String,
        number: usize,
        title: String,
        done: bool,
    },
    /// Every step is done: no current one to mark.
    #[error("every step of {key} is done")]
    AllStepsDone { key: String },
    /// A badge that the one validation refused.
    #[error("{0}")]
    Badge(#[from] crate::domain::validation::BadgeError),
    /// A field the domain rejected, in its words (English).
    #[error("{0}")]
    Invalid(String),
    /// A deal that cannot be written.
    #[error("{0}")]
    Deal(#[from] crate::domain::deal::DealError),
    /// No deal has the key; `close` are the nearest keys (maybe none).
    #[error("no deal has the key '{key}'")]
    UnknownDeal { key: String, close: Vec<String> },
    /// The deal key is taken.
    #[error("a deal with the key '{key}' already exists")]
    DealKeyTaken { key: String },
    /// Closing a deal that is already closed.
    #[error("deal {key} is already closed ({})", state.as_str())]
    DealAlreadyClosed {
        key: String,
        state: crate::domain::deal::DealState,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_reads_back_as_itself() {
        let labels = [
            Label::AddBadge("aws-saa".into()),
            Label::EditBadge("aws-saa".into()),
            Label::Renew("az-104".into()),
            Label::Archive("old".into()),
            Label::Restore("old".into()),
            Label::DeleteBadge("x".into()),
            Label::AddWindow("weekdays 07:10-07:40 commute".into()),
            Label::AddWindow("off 2027-01-02..2027-01-05 new year".into()),
            Label::EditWindow(3),
            Label::DeleteWindow(12),
            Label::Log {
                duration: "1h30m".into(),
                badge: "aws-saa".into(),
            },
            Label::Pin {
                duration: "45m".into(),
                badge: "gcp-pde".into(),
                at: "2027-01-05 07:30".into(),
            },
            Label::Unpin("aws-saa Tue 2027-01-05 07:30".into()),
            Label::ImportBackup,
            Label::DeleteBusy("work.ics".into()),
            Label::ImportCalendar("work.ics".into()),
            Label::Import("credly badges.json".into()),
            Label::Import("csv (2 files)".into()),
            Label::SetPriority {
                keys: "aws-saa, az-104".into(),
                to: "high".into(),
            },
            Label::Done {
                duration: "30m".into(),
                badge: "aws-saa".into(),
                at: "2027-01-05 07:30".into(),
            },
            Label::Skip {
                badge: "aws-saa".into(),
                at: "2027-01-05 07:30".into(),
            },
            Label::NotDone {
                badge: "aws-saa".into(),
                at: "2027-01-05 07:30".into(),
            },
            Label::Move {
                badge: "aws-saa".into(),
                from: "2027-01-05 07:30".into(),
                to: "2027-01-06 19:00".into(),
            },
            Label::EditLog(4),
            Label::DeleteLog(12),
            Label::AddStep("df-prac".into()),
            Label::EditStep {
                key: "df-prac".into(),
                number: 2,
            },
            Label::MoveStep {
                key: "df-prac".into(),
                number: 12,
            },
            Label::MarkStep {
                key: "df-prac".into(),
                done: true,
            },
            Label::MarkStep {
                key: "df-prac".into(),
                done: false,
            },
            Label::DeleteStep {
                key: "df-prac".into(),
                number: 1,
            },
            Label::AddDeal("acme-dwh".into()),
            Label::EditDeal("acme-dwh".into()),
            Label::CloseDeal {
                key: "acme-dwh".into(),
                state: "won".into(),
            },
            Label::DeleteDeal("acme-dwh".into()),
            Label::Other("something else".into()),
        ];
        for l in labels {
            assert_eq!(Label::parse(&l.record()), l, "{}", l.record());
        }
    }
}
