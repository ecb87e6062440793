//! iCalendar (RFC 5545): export of study sessions and renewal dates to an `.ics` file, and
//! import of busy time from one. Pure: bytes and strings in and out, no clock, no disk.
//!
//! - [`export_calendar`] writes sessions and renewal events (see [`export`] for the shape of
//!   the output and the UIDs).
//! - [`import_busy`] reads the busy time of a calendar over the planning horizon (see
//!   [`import`] for what counts as busy and how times and recurrences are read).
//! - [`parse_tz`] turns an IANA zone name into a [`Tz`].
//!
//! Crates: `chrono-tz` for zones (and the `VTIMEZONE` we write), `rrule` to expand
//! `RRULE`s. The content lines themselves are ours, in both directions. The `icalendar`
//! crate's writer adds a `DTSTAMP` of the current time and a random `UID` to every
//! component it writes, `VALARM`, `VTIMEZONE`, `STANDARD` and `DAYLIGHT` included, which
//! makes the output non-deterministic and puts properties into `VTIMEZONE` that RFC 5545
//! does not allow; it also leaves a bare CR in text unescaped. Escaping and folding take a
//! few dozen lines here, tested against the independent `ical` parser. Reading is ours too,
//! so that every error can name its line and the reader can be lenient where real files
//! differ from the RFC without ambiguity (LF line ends, lower case, trailing text).

use chrono_tz::Tz;

pub mod export;
pub mod import;
mod lines;
mod recur;
mod text;
mod value;
mod vtimezone;
mod zone;

pub use export::{
    BadgeDates, ExportDeal, ExportSession, export_calendar, export_calendar_with_deals,
};
pub use import::{BusyEvent, BusyImport, ImportError, SkipReason, Skipped, import_busy};

/// The IANA time zone called `name` (`Asia/Tokyo`), matched exactly and then ignoring case;
/// a leading `/` (the "globally unique" TZID prefix of RFC 5545) is ignored. `None` when
/// there is no such zone.
pub fn parse_tz(name: &str) -> Option<Tz> {
    let name = name.trim();
    let name = name.strip_prefix('/').unwrap_or(name);
    if name.is_empty() {
        return None;
    }
    let exact = |name: &str| {
        name.parse::<Tz>().ok().or_else(|| {
            chrono_tz::TZ_VARIANTS
                .iter()
                .copied()
                .find(|tz| tz.name().eq_ignore_ascii_case(name))
        })
    };
    // A globally unique TZID with a vendor prefix, as Evolution and Thunderbird write
    // them (`/freeassociation.sourceforge.net/Tzfile/America/Argentina/Buenos_Aires`,
    // `/mozilla.org/20070129_1/America/New_York`): the longest tail that is a zone name.
    exact(name).or_else(|| {
        name.match_indices('/')
            .map(|(i, _)| &name[i + 1..])
            .filter(|tail| tail.contains('/'))
            .find_map(exact)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_names() {
        for (name, tz) in [
            ("Asia/Tokyo", Some(Tz::Asia__Tokyo)),
            ("asia/tokyo", Some(Tz::Asia__Tokyo)),
            (" /America/New_York ", Some(Tz::America__New_York)),
            (
                "/mozilla.org/20070129_1/America/New_York",
                Some(Tz::America__New_York),
            ),
            (
                "/freeassociation.sourceforge.net/Tzfile/America/Argentina/Buenos_Aires",
                Some(Tz::America__Argentina__Buenos_Aires),
            ),
            ("Mars/Olympus", None),
            ("/example.com/Olympus", None),
            ("UTC", Some(Tz::UTC)),
            ("Tokyo Standard Time", None),
            ("", None),
            ("/", None),
        ] {
            assert_eq!(parse_tz(name), tz, "{name:?}");
        }
    }
}
