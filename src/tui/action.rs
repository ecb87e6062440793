//! Everything a key can do: the vocabulary of the key map and of `[ui.keys]` in the
//! configuration (`a = "quick_add"`).

use serde::{Deserialize, Serialize};

/// A user intention, independent of the key that asked for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Quit sukima.
    Quit,
    /// Show the list of keys.
    Help,
    /// Open the quick-add line.
    QuickAdd,
    /// Take back the last change.
    Undo,
    /// Apply again what undo took back.
    Redo,
    /// Go to the next view.
    NextView,
    /// Go to the previous view.
    PrevView,
    /// Go to the Today view.
    ViewToday,
    /// Go to the Badges view.
    ViewBadges,
    /// Go to the Plan view.
    ViewPlan,
    /// Go to the Calendar view.
    ViewCalendar,
    /// Go to the Spare time view.
    ViewSpare,
    /// Go to the Log view.
    ViewLog,
    /// Move the selection up.
    Up,
    /// Move the selection down.
    Down,
    /// Move the selection left.
    Left,
    /// Move the selection right.
    Right,
    /// Move a page up.
    PageUp,
    /// Move a page down.
    PageDown,
    /// Go to the first row.
    Top,
    /// Go to the last row.
    Bottom,
    /// Open or edit the selected item.
    Select,
    /// Add a badge or a window.
    New,
    /// Edit the selected item.
    Edit,
    /// Delete the selected item.
    Delete,
    /// Mark the selected badge renewed.
    Renew,
    /// Archive or restore the selected badge.
    Archive,
    /// Sort by the next column.
    Sort,
    /// Filter the list.
    Filter,
    /// Pin or unpin the selected session.
    Pin,
    /// Log the selected session as studied (asks the minutes).
    Done,
    /// Skip the selected session: its time is blocked, the work moves elsewhere.
    Skip,
    /// Move the selected session to another time (pins it there).
    Move,
    /// Reverse the sort order.
    ReverseSort,
    /// Select the next fix for a badge at risk.
    NextFix,
    /// Apply the selected fix (undo with u).
    ApplyFix,
    /// Import badges from a file.
    Import,
    /// Show the previous month.
    PrevMonth,
    /// Show the next month.
    NextMonth,
    /// Go back to today.
    GoToday,
    /// Show or hide the detail pane.
    ToggleDetail,
    /// Show or hide archived badges, to restore one.
    ToggleArchived,
    /// Scroll the timeline up.
    ScrollUp,
    /// Scroll the timeline down.
    ScrollDown,
    /// Show the selected badge's steps, to add, edit, reorder, mark done and open them.
    Steps,
    /// Mark the current step of the selected badge done.
    StepDone,
    /// Open the address of the session's step (or its badge) in the browser.
    Open,
    /// Clear the filter or close.
    Back,
    /// Say yes to a confirmation.
    Confirm,
    /// Save the badge form.
    Save,
    /// The next field of the form; in the quick-add line, complete the `#key`.
    NextField,
    /// The previous field of the form.
    PrevField,
    /// Show the deals: add, edit, close and delete them.
    Deals,
    /// Close the selected deal (won, lost or dropped).
    CloseDeal,
}

impl Action {
    /// Every action, for the help overlay and for checking `[ui.keys]`.
    pub const ALL: [Action; 54] = [
        Action::Quit,
        Action::Help,
        Action::QuickAdd,
        Action::Undo,
        Action::Redo,
        Action::NextView,
        Action::PrevView,
        Action::ViewToday,
        Action::ViewBadges,
        Action::ViewPlan,
        Action::ViewCalendar,
        Action::ViewSpare,
        Action::ViewLog,
        Action::Up,
        Action::Down,
        Action::Left,
        Action::Right,
        Action::PageUp,
        Action::PageDown,
        Action::Top,
        Action::Bottom,
        Action::Select,
        Action::New,
        Action::Edit,
        Action::Delete,
        Action::Renew,
        Action::Archive,
        Action::Sort,
        Action::Filter,
        Action::Pin,
        Action::Done,
        Action::Skip,
        Action::Move,
        Action::ReverseSort,
        Action::NextFix,
        Action::ApplyFix,
        Action::Import,
        Action::PrevMonth,
        Action::NextMonth,
        Action::GoToday,
        Action::ToggleDetail,
        Action::ToggleArchived,
        Action::ScrollUp,
        Action::ScrollDown,
        Action::Steps,
        Action::StepDone,
        Action::Open,
        Action::Back,
        Action::Confirm,
        Action::Save,
        Action::NextField,
        Action::PrevField,
        Action::Deals,
        Action::CloseDeal,
    ];

    /// The name used in the configuration (`quick_add`).
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// Reads a configuration name.
    pub fn from_name(name: &str) -> Option<Action> {
        serde_json::from_value(serde_json::Value::String(name.trim().to_string())).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_all_is_complete() {
        for a in Action::ALL {
            assert_eq!(Action::from_name(&a.name()), Some(a));
        }
        assert_eq!(Action::QuickAdd.name(), "quick_add");
        let unique: std::collections::BTreeSet<_> = Action::ALL.into_iter().collect();
        assert_eq!(unique.len(), Action::ALL.len());
        assert_eq!(Action::from_name("fly"), None);
    }
}
