//! The full-screen planner.

pub mod widgets;
