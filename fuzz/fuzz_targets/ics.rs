//! The iCalendar busy-time reader on arbitrary bytes, over a two-year range as
//! `sukima import ics` uses: an error, never a panic, and (with -timeout) never a hang
//! however the recurrence rules are written.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let start = NaiveDate::from_ymd_opt(2027, 1, 6)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap();
    let end = start + chrono::Days::new(731);
    let _ =
        sukima::io::ics::import::import_busy(data, "fuzz.ics", chrono_tz::Asia::Tokyo, start..end);
});
