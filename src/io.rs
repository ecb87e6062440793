//! Readers and writers of outside formats: bytes in, domain values out (and back). No
//! database access here; the commands put the results into the store.

pub mod backup;
pub mod demo;
