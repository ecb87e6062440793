//! What both the command line and the planner show, beneath both: the catalogue of words
//! per language ([`texts`]), and text built from the plan that both print: a badge's
//! status label and at-risk advice (through [`texts::Texts`]), window descriptions
//! ([`window`]), quick-add previews ([`intent`]), and the month as a grid of text
//! ([`month`], [`month_text()`]).
//!
//! `commands` and `tui` import this module, never each other. Nothing here does I/O or
//! reads the clock or the environment: the caller passes today, the width and the texts.

pub mod fixes;
pub mod intent;
pub mod month;
pub mod month_text;
pub mod texts;
pub mod usage;
pub mod window;

pub use month_text::month_text;
pub use texts::{DealTexts, En, Ja, Texts};
