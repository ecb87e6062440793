//! Command-line tests, one module per command group.

mod backup;
mod badge;
mod basics;
mod credly_fetch;
mod deal;
mod imports;
pub mod japanese;
mod journey;
mod plan;
mod readme;
mod session;
mod shell;
mod trust;
