//! Readers and writers of outside formats.

pub mod ics;
