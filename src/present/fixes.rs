//! What would save a badge at risk, in lines: shown by `sukima plan` and by the planner's
//! Plan, Today and Badges views. The words are the catalogue's ([`Texts::fix_lines`],
//! [`Texts::conflict_text`]).
//!
//! [`Texts::fix_lines`]: crate::present::Texts::fix_lines
//! [`Texts::conflict_text`]: crate::present::Texts::conflict_text

/// One line of a rescue: what to change, and the command that changes it (none for a
/// kind of fix that does not exist).
pub struct FixLine {
    pub text: String,
    pub command: Option<String>,
}
