//! Readers and writers of outside formats: bytes in, domain values out (and back). Nothing
//! here touches the database or the clock; the caller reads the files, passes their bytes
//! and today's date, and writes the resulting plan in one transaction.
//!
//! Imports of badges work in two pure steps:
//!
//! 1. a parser ([`credly`], [`csv`], [`openbadges`]) turns files into an [`Import`]: the
//!    records it will bring in, the records it skips (revoked, rejected, duplicate) and
//!    notes for the user; a bad file is an [`ImportError`] naming the file and the record
//!    or line;
//! 2. [`merge::plan`] matches that against the badges already stored and returns an
//!    [`merge::ImportPlan`]: what to add, what to update (and what changes), what stays,
//!    and what vanished from the download.

pub mod backup;
pub mod credly;
pub mod csv;
pub mod demo;
pub mod ics;
pub mod import_error;
pub mod incoming;
mod json_value;
pub mod merge;
pub mod openbadges;

pub use import_error::ImportError;
pub use incoming::{Carried, Import, Incoming, InvalidRecord, SkipReason, Skipped};
