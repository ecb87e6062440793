//! Small widgets over plain data, tested against exact buffers.

pub mod progress;
pub mod week_grid;
