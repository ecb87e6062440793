//! Command-line tests, one module per command group.

mod backup;
mod badge;
mod basics;
mod imports;
mod japanese;
mod plan;
