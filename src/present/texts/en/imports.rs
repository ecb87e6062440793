//! The English words of imports: a calendar import's report, and why the one validation
//! refused a badge or a record.

use crate::domain::change::{CalendarImport, LeftOut};
use crate::domain::validation::BadgeError;
use crate::io::InvalidRecord;

/// The whole report of a calendar import: the headline with its counts, then a line for
/// each of the first few events left out, the broken lines and the reader's notes.
pub(super) fn calendar_report(r: &CalendarImport) -> String {
    let named = CalendarImport::NAMED;
    let mut msg = format!(
        "imported {} busy events from {} as '{}'",
        r.added, r.file, r.source
    );
    if r.replaced > 0 {
        msg.push_str(&format!(
            " (replacing {} from the earlier import)",
            r.replaced
        ));
    }
    if r.free_or_cancelled > 0 {
        msg.push_str(&format!(
            ", skipped {} (free or cancelled)",
            r.free_or_cancelled
        ));
    }
    if r.outside_range > 0 {
        msg.push_str(&format!(
            ", {} outside the next {} days",
            r.outside_range, r.horizon_days
        ));
    }
    if r.superseded > 0 {
        msg.push_str(&format!(
            ", {} older copies of changed events left out",
            r.superseded
        ));
    }
    if !r.unreadable.is_empty() {
        msg.push_str(&format!(
            ", {} unreadable events left out",
            r.unreadable.len()
        ));
    }
    for u in r.unreadable.iter().take(named) {
        msg.push_str(&format!("\n  left out: {}", left_out(u)));
    }
    if r.unreadable.len() > named {
        msg.push_str(&format!(
            "\n  left out: {} more unreadable events",
            r.unreadable.len() - named
        ));
    }
    if !r.bad_lines.is_empty() {
        let first: Vec<String> = r
            .bad_lines
            .iter()
            .take(named)
            .map(|b| format!("line {}: {}", b.line, b.reason))
            .collect();
        let more = r.bad_lines.len().saturating_sub(named);
        msg.push_str(&format!(
            "\n  note: {} broken lines were read around ({}{})",
            r.bad_lines.len(),
            first.join("; "),
            if more > 0 {
                format!("; {more} more")
            } else {
                String::new()
            }
        ));
    }
    for n in &r.notes {
        msg.push_str(&format!("\n  note: {n}"));
    }
    msg
}

fn left_out(u: &LeftOut) -> String {
    match &u.uid {
        Some(uid) => format!("event \"{uid}\" (line {}): {}", u.line, u.reason),
        None => format!("event without UID (line {}): {}", u.line, u.reason),
    }
}

/// The short line for the planner's status line.
pub(super) fn calendar_headline(r: &CalendarImport) -> String {
    let mut line = format!("imported {} busy events as '{}'", r.added, r.short_name());
    if r.replaced > 0 {
        line.push_str(&format!(" (replacing {})", r.replaced));
    }
    if !r.unreadable.is_empty() {
        line.push_str(&format!(", {} unreadable left out", r.unreadable.len()));
    }
    line
}

/// The English of the one validation is its `Display`.
pub(super) fn badge_error(e: &BadgeError) -> String {
    e.to_string()
}

pub(super) fn invalid_record(r: &InvalidRecord) -> String {
    r.to_string()
}
