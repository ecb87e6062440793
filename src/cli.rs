//! The command line's shape (clap types only; the work is in `commands`).

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// sukima: plan study for your expiring badges into the gaps of your day.
#[derive(Debug, Parser)]
#[command(name = "sukima", version, about, long_about = None)]
pub struct Cli {
    /// The database file [default: sukima.db in the platform data folder].
    #[arg(
        long,
        env = "SUKIMA_DB",
        global = true,
        value_name = "PATH",
        help_heading = "Global options"
    )]
    pub db: Option<PathBuf>,
    /// The configuration file [default: config.toml in the platform config folder].
    #[arg(
        long,
        env = "SUKIMA_CONFIG",
        global = true,
        value_name = "PATH",
        help_heading = "Global options"
    )]
    pub config: Option<PathBuf>,
    /// Fix the clock, as YYYY-MM-DDTHH:MM (for scripts, demos and tests).
    #[arg(
        long,
        env = "SUKIMA_NOW",
        global = true,
        value_name = "TIME",
        help_heading = "Global options"
    )]
    pub now: Option<String>,
    /// Use a fresh throw-away database filled with demo data.
    #[arg(long, global = true, help_heading = "Global options")]
    pub demo: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands; without one, sukima opens the interactive planner.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Quick-add study time, a session, spare time or a blackout from one line of text.
    Add {
        /// The text, e.g. "30m #aws-saa", "1h cp4d tomorrow 7:30", "free weekdays 18:10-18:40".
        #[arg(required = true, num_args = 1.., allow_hyphen_values = true)]
        text: Vec<String>,
    },
    /// Take back the last change made by add, import, edit and the like.
    Undo,
    /// Apply again what undo took back (until another change is made).
    Redo,
    /// Act on a session of the plan: list, done, skip, move, unpin.
    #[command(subcommand)]
    Session(SessionCommand),
    /// Manage badges.
    #[command(subcommand)]
    Badge(Box<BadgeCommand>),
    /// A badge's steps: its learning journey, in order.
    #[command(subcommand)]
    Step(StepCommand),
    /// Manage spare time (weekly and one-off windows, blackouts, imported busy time).
    #[command(subcommand)]
    Window(WindowCommand),
    /// Deals (案件登録): badges needed, held and valid, by a date.
    #[command(subcommand)]
    Deal(DealCommand),
    /// Show the study log.
    Log(LogArgs),
    /// The plan: sessions and each badge's outcome, at-risk first.
    Plan(PlanArgs),
    /// Sessions and renewal events, day by day.
    Agenda(AgendaArgs),
    /// The month grid of renewal events and study, printed.
    Calendar(CalendarArgs),
    /// One short line for a shell prompt or cron: what is next and what is at risk.
    Due(DueArgs),
    /// Import badges or busy time from a file.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Export a full backup or a calendar file.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Print the effective configuration (defaults included) as TOML.
    Config(ConfigArgs),
    /// Print the completion script for a shell (see the README for where it goes).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), every command on one page.
    Man,
}

impl Command {
    /// Whether it only prints text made from the argument definitions (completions, the
    /// man page): it needs no configuration, clock or database.
    pub fn is_self_description(&self) -> bool {
        matches!(self, Command::Completions { .. } | Command::Man)
    }

    /// Whether it changes the database (so `--demo` can say the change is not kept).
    pub fn writes(&self) -> bool {
        match self {
            Command::Add { .. } | Command::Undo | Command::Redo | Command::Import(_) => true,
            Command::Session(s) => !matches!(s, SessionCommand::List { .. }),
            Command::Log(l) => l.command.is_some(),
            Command::Badge(b) => !matches!(**b, BadgeCommand::List(_) | BadgeCommand::Show { .. }),
            Command::Window(w) => !matches!(w, WindowCommand::List { .. }),
            Command::Step(st) => !matches!(st, StepCommand::List { .. }),
            Command::Deal(d) => !matches!(d, DealCommand::List { .. } | DealCommand::Show { .. }),
            _ => false,
        }
    }
}

/// `badge …`.
#[derive(Debug, Subcommand)]
pub enum BadgeCommand {
    /// Add a badge (or a target: a badge not yet earned).
    Add {
        /// Its name, e.g. "AWS Certified Solutions Architect – Associate".
        #[arg(id = "badge_name", value_name = "NAME")]
        name: String,
        #[command(flatten)]
        fields: BadgeFields,
    },
    /// List badges (archived ones only with --all).
    List(BadgeListArgs),
    /// Show one badge in full.
    Show {
        key: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Change fields of a badge; an empty value clears a field.
    Edit {
        #[arg(id = "badge_key", value_name = "KEY")]
        key: String,
        /// A new name.
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        fields: BadgeFields,
    },
    /// Mark a badge renewed today; its new cycle starts at zero.
    Renew {
        key: String,
        /// The new expiry [default: today + the issuer's validity].
        #[arg(long, value_name = "DATE")]
        expires: Option<String>,
    },
    /// Archive a badge: hidden from planning and default lists, kept in the database.
    Archive {
        key: String,
        /// Bring an archived badge back instead.
        #[arg(long)]
        restore: bool,
    },
    /// Delete a badge with its log and pinned sessions (`sukima undo` brings it back).
    Rm { key: String },
}

/// The badge fields as flags. Dates take YYYY-MM-DD or a vendor period (2027, 2027-Q1,
/// "Q1 '27", 2027-H1): the last day of the period.
#[derive(Debug, Args, Default)]
pub struct BadgeFields {
    /// Short unique handle, [a-z0-9-] [default: derived from the name; edit: renames].
    #[arg(long)]
    pub key: Option<String>,
    /// Who issues it, like IBM, Microsoft, AWS, "Google Cloud" (see `sukima config`).
    #[arg(long)]
    pub issuer: Option<String>,
    /// Its level, like Foundation or Intermediate.
    #[arg(long)]
    pub level: Option<String>,
    /// Date earned; leave out for a target.
    #[arg(long, value_name = "DATE")]
    pub earned: Option<String>,
    /// Date it expires; leave out if it never does.
    #[arg(long, value_name = "DATE")]
    pub expires: Option<String>,
    /// Date of the last renewal.
    #[arg(long, value_name = "DATE")]
    pub renewed: Option<String>,
    /// Date the vendor retires it ("retired in 2027" is --retires 2027).
    #[arg(long, value_name = "DATE")]
    pub retires: Option<String>,
    /// Key of the badge that replaces it.
    #[arg(long, value_name = "KEY")]
    pub replaced_by: Option<String>,
    /// For a target: first date it can be studied for ("Coming in Q1 '27").
    #[arg(long, value_name = "DATE")]
    pub available: Option<String>,
    /// For a target: the date you want it by.
    #[arg(long, value_name = "DATE")]
    pub goal: Option<String>,
    /// Study needed this cycle, like 90m, 1h30m, 6h [default: the issuer's].
    #[arg(long, value_name = "DURATION")]
    pub effort: Option<String>,
    /// First date a renewal is possible [default: expiry minus the issuer's window].
    #[arg(long, value_name = "DATE")]
    pub renew_from: Option<String>,
    /// low, normal or high.
    #[arg(long)]
    pub priority: Option<String>,
    /// Its page, like the Credly badge URL.
    #[arg(long)]
    pub url: Option<String>,
    /// Free text, shown in the details.
    #[arg(long)]
    pub notes: Option<String>,
    /// A tag (repeat for several; `--tag ""` clears them).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Keys of the badges it requires first, comma-separated (`--after ""` clears them).
    #[arg(long, value_name = "KEY,…")]
    pub after: Option<String>,
}

/// `step …`: a badge's steps, named by their number in `step list` (from 1).
#[derive(Debug, Subcommand)]
pub enum StepCommand {
    /// Add a step (at the end, or at --at N).
    Add {
        #[arg(value_name = "KEY")]
        key: String,
        /// What to do, like "Module 2: Data governance".
        title: String,
        #[command(flatten)]
        fields: StepFields,
        /// Its place in the list, from 1 [default: the end].
        #[arg(long, value_name = "N")]
        at: Option<usize>,
    },
    /// List a badge's steps: done ✓, current ▸, estimates and progress.
    List {
        #[arg(value_name = "KEY")]
        key: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Change a step; an empty value clears a field (`--minutes ""`: the kind's default).
    Edit {
        #[arg(value_name = "KEY")]
        key: String,
        /// The step's number in the list.
        #[arg(value_name = "N")]
        number: usize,
        /// A new title.
        #[arg(long)]
        title: Option<String>,
        #[command(flatten)]
        fields: StepFields,
        /// Move it to this place in the list, from 1.
        #[arg(long, value_name = "M")]
        to: Option<usize>,
    },
    /// Mark a step done today (the current one by default); the next becomes current.
    Done {
        #[arg(value_name = "KEY")]
        key: String,
        /// The step's number [default: the current step].
        #[arg(value_name = "N")]
        number: Option<usize>,
        /// Mark it not done instead.
        #[arg(long)]
        undo: bool,
    },
    /// Delete a step (`sukima undo` brings it back).
    Rm {
        #[arg(value_name = "KEY")]
        key: String,
        #[arg(value_name = "N")]
        number: usize,
    },
}

/// A step's fields as flags.
#[derive(Debug, Args, Default)]
pub struct StepFields {
    /// course, assessment, exam, experience or other [default: other].
    #[arg(long)]
    pub kind: Option<String>,
    /// The estimate, like 45m or 2h [default: the kind's, from [journey] in the config].
    #[arg(long, value_name = "DURATION")]
    pub minutes: Option<String>,
    /// Where to study it (http or https).
    #[arg(long)]
    pub url: Option<String>,
}

/// `badge list`.
#[derive(Debug, Args)]
pub struct BadgeListArgs {
    /// Only these statuses (comma list): expired, retired, retiring, expiring, active,
    /// no-expiry, target.
    #[arg(long, value_delimiter = ',')]
    pub status: Vec<String>,
    /// Include archived badges.
    #[arg(long)]
    pub all: bool,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `window …`.
#[derive(Debug, Subcommand)]
pub enum WindowCommand {
    /// Add spare time in the quick-add grammar without `free`
    /// ("weekdays 7:10-7:40 commute", "sat 9:00-11:00"), or a blackout with --off
    /// ("2027-01-02..2027-01-05 new year").
    Add {
        #[arg(required = true, num_args = 1.., allow_hyphen_values = true)]
        text: Vec<String>,
        /// A blackout: no study on these days.
        #[arg(long)]
        off: bool,
    },
    /// List windows, blackouts and imported busy time.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Delete a window by its id, or a whole calendar import by its source name.
    Rm { id_or_source: String },
}

/// `session …`: a session is named by `next` or by its start, `YYYY-MM-DDTHH:MM`.
#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// The sessions one can act on: pinned ones whose time passed without an answer, then
    /// the plan's sessions ahead.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Log a session as studied, at its start (a pinned one leaves the pins).
    Done {
        /// `next`, or the session's start as YYYY-MM-DDTHH:MM.
        session: String,
        /// Minutes studied [default: the session's]: 45, or a duration like 1h30m.
        #[arg(long, value_name = "N")]
        minutes: Option<String>,
    },
    /// Skip a session: its time is blocked and the planner moves the work elsewhere.
    Skip {
        /// `next`, or the session's start as YYYY-MM-DDTHH:MM.
        session: String,
    },
    /// Pin a session at another time.
    Move {
        /// `next`, or the session's start as YYYY-MM-DDTHH:MM.
        session: String,
        /// Where to: a day and a time as quick-add reads them, like "tomorrow 19:00".
        #[arg(long, value_name = "WHEN")]
        to: String,
        /// Pin it even in the past, on a blackout or over busy time (flagged as a conflict).
        #[arg(long)]
        anyway: bool,
    },
    /// Hand a pinned session back to the planner.
    Unpin {
        /// `next`, or the session's start as YYYY-MM-DDTHH:MM.
        session: String,
    },
}

/// `log edit` / `log rm`.
#[derive(Debug, Subcommand)]
pub enum LogCommand {
    /// Change a log entry (its id is in `sukima log`); an empty --start or --note clears it.
    Edit {
        id: i64,
        /// Another badge, by key.
        #[arg(long = "badge", value_name = "KEY", id = "edit_badge")]
        badge: Option<String>,
        /// Another day, YYYY-MM-DD.
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// Another start, HH:MM.
        #[arg(long, value_name = "HH:MM")]
        start: Option<String>,
        /// Other minutes: 45, or a duration like 1h30m.
        #[arg(long, value_name = "N")]
        minutes: Option<String>,
        /// Another note.
        #[arg(long)]
        note: Option<String>,
    },
    /// Delete a log entry (`sukima undo` brings it back).
    Rm { id: i64 },
}

/// `log`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct LogArgs {
    #[command(subcommand)]
    pub command: Option<LogCommand>,
    /// Only entries on or after this day: YYYY-MM-DD, today, yesterday, or 7d (the last 7 days).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only this badge.
    #[arg(long, value_name = "KEY")]
    pub badge: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Show sessions of the next N days [default: 14].
    #[arg(long, value_name = "N")]
    pub days: Option<u32>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `agenda`.
#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// How many days, today included.
    #[arg(long, value_name = "N", default_value_t = 7)]
    pub days: u32,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `calendar`.
#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// The month, as YYYY-MM [default: this month].
    #[arg(long, value_name = "YYYY-MM")]
    pub month: Option<String>,
    /// Print JSON: each day of the month with its events and study minutes.
    #[arg(long)]
    pub json: bool,
}

/// `due`.
#[derive(Debug, Args)]
pub struct DueArgs {
    /// Look this many days ahead.
    #[arg(long, value_name = "N", default_value_t = 30)]
    pub days: u32,
    /// Print JSON: the next session and the counts, even when nothing is due.
    #[arg(long)]
    pub json: bool,
}

/// `import …`.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Credly badges.json pages, as saved from `https://www.credly.com/users/NAME/badges.json`,
    /// or fetched with --user.
    Credly {
        /// The saved pages (or a profile's address, as --user).
        #[arg(required_unless_present = "user", conflicts_with = "user")]
        files: Vec<PathBuf>,
        /// Fetch every page of a public profile over HTTPS: the user name, or the
        /// profile's address (https://www.credly.com/users/NAME).
        #[arg(long, value_name = "NAME|URL")]
        user: Option<String>,
    },
    /// Badges from a CSV file (columns name, issuer, earned_on, expires_on, retires_on, effort, url, notes).
    Csv { file: PathBuf },
    /// A full backup made by `sukima export json`.
    Json {
        file: PathBuf,
        /// Replace everything in a database that already holds data.
        #[arg(long)]
        replace: bool,
    },
    /// Busy time from an iCalendar file; re-importing the same file replaces it.
    Ics {
        file: PathBuf,
        /// Name of this import [default: the file name].
        #[arg(long)]
        name: Option<String>,
    },
}

/// `export …`.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// A full backup (`-` for standard output).
    Json { file: PathBuf },
    /// Planned and pinned sessions and renewal events as an iCalendar file.
    Ics { file: PathBuf },
}

/// `config`.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print where the configuration file is read from instead.
    #[arg(long)]
    pub path: bool,
    #[command(subcommand)]
    pub action: Option<ConfigCommand>,
}

/// `config set`.
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Set one key in the config file, keeping the rest of the file as it is
    /// (`sukima config set planner.daily_cap 3h`).
    Set {
        /// The key, as section.name: planner.daily_cap, ui.language…
        key: String,
        /// The value: a duration (3h), a number, or text.
        value: String,
    },
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}

/// `deal …`: deals (案件登録), named by a key derived from the name as for badges.
#[derive(Debug, Subcommand)]
pub enum DealCommand {
    /// Add a deal: the badges it needs, held and valid by a date.
    Add {
        /// Its name, e.g. "Acme DWH".
        #[arg(id = "deal_name", value_name = "NAME")]
        name: String,
        /// The date its badges must be held and valid by (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        by: String,
        /// The badges it needs, comma-separated keys.
        #[arg(long, value_name = "KEY,…")]
        needs: String,
        #[command(flatten)]
        fields: DealFields,
        /// Its key [default: derived from the name].
        #[arg(long)]
        key: Option<String>,
    },
    /// List deals: date, state, ready or at risk.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one deal in full, with what stands in its way.
    Show {
        #[arg(value_name = "DEAL")]
        key: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Change a deal; `--review ""` or `--notes ""` clears.
    Edit {
        #[arg(value_name = "DEAL")]
        key: String,
        /// A new name.
        #[arg(long)]
        name: Option<String>,
        /// A new date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        by: Option<String>,
        /// The badges it needs, comma-separated keys (replaces the list).
        #[arg(long, value_name = "KEY,…")]
        needs: Option<String>,
        #[command(flatten)]
        fields: DealFields,
        /// A new key.
        #[arg(long = "new-key", value_name = "KEY")]
        new_key: Option<String>,
    },
    /// Close a deal: it stops shaping the plan and stays on record.
    Close {
        #[arg(value_name = "DEAL")]
        key: String,
        /// The deal was won.
        #[arg(long, group = "outcome")]
        won: bool,
        /// The deal was lost.
        #[arg(long, group = "outcome")]
        lost: bool,
        /// The deal was dropped [default].
        #[arg(long, group = "outcome")]
        dropped: bool,
    },
    /// Delete a deal (`sukima undo` brings it back).
    Rm {
        #[arg(value_name = "DEAL")]
        key: String,
    },
}

/// A deal's optional fields as flags.
#[derive(Debug, Args, Default)]
pub struct DealFields {
    /// Review study before the date on held badges: KEY:DURATION,… (`cp4d:2h,aws-saa:90m`).
    #[arg(long, value_name = "KEY:DURATION,…")]
    pub review: Option<String>,
    /// low, normal or high [default: high].
    #[arg(long)]
    pub priority: Option<String>,
    /// Free text.
    #[arg(long)]
    pub notes: Option<String>,
}
