//! The integration tests: one binary, a module per area (the real `sukima` binary driven
//! with a temporary database, a fixed clock and no outside environment).

mod cli;
mod common;
mod corpus;
mod credly_pages;
mod layers;
mod reliability;
mod serve;
mod tui;
