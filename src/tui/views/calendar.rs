//! Calendar: the month grid with the selected day's details, the timeline and the heatmap.

use crate::tui::app::App;
use crate::tui::layout::Areas;
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Draws the Calendar view.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    super::put(
        buf,
        area,
        0,
        &format!(" {}", app.calendar.selected),
        app.theme.title,
    );
}

/// The day under the mouse.
pub fn day_at(_app: &App, _areas: &Areas, _x: u16, _y: u16) -> Option<NaiveDate> {
    None
}
