//! Widgets of the full-screen planner: plain ratatui widgets over plain data, each drawn
//! with `impl Widget for &T` and tested against exact buffers.
//!
//! The renewal calendar (view 4) is built from [`month_grid`] (the month and the selected
//! day's details), [`timeline`] (one bar per badge) and [`heatmap`] (logged study over a
//! year), all coloured by [`calendar_style`]; [`calendar_text`] prints the month grid for
//! `sukima calendar`.

pub mod calendar_style;
pub mod calendar_text;
pub mod day_detail;
pub mod heatmap;
pub mod month_grid;
pub mod timeline;

pub use calendar_style::{CalendarStyles, Legend};
pub use day_detail::{DayDetail, DayLog, DaySession};

pub use month_grid::{DayEvent, DayEventKind, DayInfo, MonthGrid};
