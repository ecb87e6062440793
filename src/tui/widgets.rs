//! Widgets of the full-screen planner: plain ratatui widgets over plain data, each drawn
//! with `impl Widget for &T` and tested against exact buffers.
//!
//! The renewal calendar (view 4) is built from [`month_grid`] (the month), [`day_detail`]
//! (the selected day), [`timeline`] (one bar per badge) and [`heatmap`] (logged study over
//! a year), styled and explained by [`calendar_style`]; the days they draw come from
//! `present::month`, which also prints the month for `sukima calendar`. [`progress`] draws progress bars and [`week_grid`] the
//! weekly spare time.

pub mod calendar_style;
pub mod day_detail;
pub mod heatmap;
pub mod month_grid;
pub mod progress;
pub mod timeline;
pub mod week_grid;

pub use crate::present::month::{DayEvent, DayEventKind, DayInfo};
pub use calendar_style::{CalendarStyles, Legend};
pub use day_detail::{DayDetail, DayLog, DaySession};
pub use heatmap::{HeatSummary, Heatmap, heat_level};
pub use month_grid::MonthGrid;
pub use timeline::{Timeline, TimelineRow};
