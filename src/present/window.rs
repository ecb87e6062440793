//! A window of spare time or a blackout in one line, as the quick-add grammar writes it
//! (`weekdays 07:10-07:40 commute`, `off 2027-01-02..2027-01-05`): the same in every
//! language, since it is also what a person types.

use crate::domain::dates::hm;
use crate::domain::spare::{Window, WindowKind, format_days};

/// One line describing a window: `weekdays 07:10-07:40 commute`.
pub fn describe(w: &Window) -> String {
    let label = if w.label.is_empty() {
        String::new()
    } else {
        format!(" {}", w.label)
    };
    match &w.kind {
        WindowKind::Weekly {
            days,
            start,
            end,
            from,
            to,
        } => {
            let range = match (from, to) {
                (None, None) => String::new(),
                (f, t) => format!(
                    " ({}..{})",
                    f.map(|d| d.to_string()).unwrap_or_default(),
                    t.map(|d| d.to_string()).unwrap_or_default()
                ),
            };
            format!(
                "{} {}-{}{range}{label}",
                format_days(days),
                hm(*start),
                hm(*end)
            )
        }
        WindowKind::Once { date, start, end } => {
            format!("{date} {}-{}{label}", hm(*start), hm(*end))
        }
        WindowKind::Blackout { from, to } if from == to => format!("off {from}{label}"),
        WindowKind::Blackout { from, to } => format!("off {from}..{to}{label}"),
    }
}
