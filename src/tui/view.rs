//! The six views.

/// A view of the planner, switched with 1–6, Tab and the tab bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum View {
    Today,
    Badges,
    Plan,
    Calendar,
    Spare,
    Log,
}

impl View {
    /// In tab order.
    pub const ALL: [View; 6] = [
        View::Today,
        View::Badges,
        View::Plan,
        View::Calendar,
        View::Spare,
        View::Log,
    ];

    /// Position in the tab bar.
    pub fn index(self) -> usize {
        View::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }

    /// The next view, wrapping.
    pub fn next(self) -> View {
        View::ALL[(self.index() + 1) % View::ALL.len()]
    }

    /// The previous view, wrapping.
    pub fn prev(self) -> View {
        View::ALL[(self.index() + View::ALL.len() - 1) % View::ALL.len()]
    }
}
