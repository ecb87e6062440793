//! The pure core: badges, their status, spare time, the study log, the quick-add grammar
//! and the planner. Nothing here reads the clock, the disk or the terminal: every function
//! takes what it needs (including "now") as arguments, so it can be tested with tables.

pub mod badge;
pub mod change;
pub mod dates;
pub mod deal;
pub mod decision;
pub mod duration;
pub mod events;
pub mod log;
pub mod plan;
pub mod prereq;
pub mod quick_add;
pub mod session;
pub mod similar;
pub mod spare;
pub mod status;
pub mod step;
pub mod validation;
pub mod work;

pub use badge::{Badge, Priority, Source};
pub use duration::{format_minutes, parse_duration};
pub use log::{LogEntry, Pinned};
pub use spare::{Interval, Window, WindowKind};
pub use status::Status;
pub use work::{PlanTarget, Work};
