//! Keys in, state and database out: an `App` over the in-memory demo data at a fixed clock.

use super::*;
