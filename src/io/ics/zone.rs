//! Time zones of an imported file: IANA names, the file's own `VTIMEZONE` definitions (as
//! Outlook writes for "Tokyo Standard Time"), UTC and floating times, and the RFC 5545
//! rules for local times that fall in a daylight-saving gap (read with the offset before
//! the gap, so 02:30 becomes 03:30) or overlap (the first of the two).

use super::lines::{Component, Property};
use super::recur;
use super::{parse_tz, value};
use chrono::{NaiveDateTime, Offset, TimeDelta, TimeZone};
use chrono_tz::Tz;
use std::collections::HashMap;
use std::rc::Rc;

/// A zone in which wall-clock times of the file are read.
#[derive(Debug, Clone)]
pub(crate) enum Zone {
    /// From the tz database; UTC and floating (local) times are also this.
    Iana(Tz),
    /// From a `VTIMEZONE` of the file whose TZID is not an IANA name.
    Defined(Rc<Defined>),
}

/// The changes of offset of a `VTIMEZONE`, as UTC instants with the offset from then on.
#[derive(Debug)]
pub(crate) struct Defined {
    initial: i64,
    changes: Vec<(NaiveDateTime, i64)>,
}

impl Zone {
    /// Seconds ahead of UTC at the UTC instant `utc`.
    fn offset_at(&self, utc: NaiveDateTime) -> i64 {
        match self {
            Zone::Iana(tz) => i64::from(tz.offset_from_utc_datetime(&utc).fix().local_minus_utc()),
            Zone::Defined(d) => match d.changes.partition_point(|(at, _)| *at <= utc) {
                0 => d.initial,
                i => d.changes.get(i - 1).map_or(d.initial, |c| c.1),
            },
        }
    }

    /// The UTC instant of the wall-clock time `wall`. Offsets are tried from a day before
    /// and a day after; the earlier valid instant wins, and in a gap the offset from before
    /// it applies (RFC 5545 section 3.3.5).
    pub(crate) fn utc_of(&self, wall: NaiveDateTime) -> NaiveDateTime {
        let day = TimeDelta::hours(26);
        let before = self.offset_at(wall.checked_sub_signed(day).unwrap_or(wall));
        let after = self.offset_at(wall.checked_add_signed(day).unwrap_or(wall));
        let instant = |offset: i64| {
            wall.checked_sub_signed(TimeDelta::seconds(offset))
                .unwrap_or(wall)
        };
        [before, after]
            .into_iter()
            .map(instant)
            .filter(|utc| instant(self.offset_at(*utc)) == *utc)
            .min()
            .unwrap_or_else(|| instant(before))
    }

    /// The wall-clock time in this zone of the UTC instant `utc`.
    pub(crate) fn wall_of(&self, utc: NaiveDateTime) -> NaiveDateTime {
        utc.checked_add_signed(TimeDelta::seconds(self.offset_at(utc)))
            .unwrap_or(utc)
    }
}

/// The zones a calendar refers to by TZID, and the local zone.
#[derive(Debug)]
pub(crate) struct Zones {
    pub local: Zone,
    /// The zone of floating times: the calendar's `X-WR-TIMEZONE`, else `local`.
    pub floating: Zone,
    defined: HashMap<String, Zone>,
}

impl Zones {
    /// The `VTIMEZONE`s of `calendar` that are needed (their TZID is not an IANA name),
    /// with onsets computed up to `until` (a wall-clock time).
    pub(crate) fn new(local: Tz, calendar: &Component, until: NaiveDateTime) -> Self {
        let mut defined = HashMap::new();
        for vtz in calendar.children.iter().filter(|c| c.name == "VTIMEZONE") {
            let Some(tzid) = vtz.prop("TZID").map(|p| value::text(&p.value)) else {
                continue;
            };
            if parse_tz(&tzid).is_some() {
                continue;
            }
            let location = vtz
                .prop("X-LIC-LOCATION")
                .and_then(|p| parse_tz(&value::text(&p.value)));
            let zone = match location {
                Some(tz) => Some(Zone::Iana(tz)),
                None => defined_zone(vtz, until).map(|d| Zone::Defined(Rc::new(d))),
            };
            if let Some(zone) = zone {
                defined.insert(tzid, zone);
            }
        }
        let floating = calendar
            .prop("X-WR-TIMEZONE")
            .and_then(|p| parse_tz(&value::text(&p.value)))
            .unwrap_or(local);
        Zones {
            local: Zone::Iana(local),
            floating: Zone::Iana(floating),
            defined,
        }
    }

    /// The zone named by a TZID parameter: an IANA name, else a `VTIMEZONE` of the file.
    pub(crate) fn get(&self, tzid: &str) -> Option<Zone> {
        parse_tz(tzid)
            .map(Zone::Iana)
            .or_else(|| self.defined.get(tzid).cloned())
    }
}

/// The offsets of a `VTIMEZONE`: each `STANDARD` and `DAYLIGHT` observance starts at its
/// `DTSTART` and again at each `RRULE` and `RDATE` onset, up to `until`. `None` when an
/// observance lacks its offsets or its times cannot be read.
fn defined_zone(vtz: &Component, until: NaiveDateTime) -> Option<Defined> {
    let mut changes = Vec::new();
    for obs in vtz
        .children
        .iter()
        .filter(|c| c.name == "STANDARD" || c.name == "DAYLIGHT")
    {
        let from = value::utc_offset(&obs.prop("TZOFFSETFROM")?.value)?;
        let to = value::utc_offset(&obs.prop("TZOFFSETTO")?.value)?;
        let start = wall_time(obs.prop("DTSTART")?)?;
        let mut onsets = vec![start];
        for rule in obs.props("RRULE") {
            // UNTIL is in UTC here: its wall-clock time is in the offset before the change.
            let until_wall = |v: &str| {
                value::until(v, true).map(
                    |(t, utc)| {
                        if utc { t + TimeDelta::seconds(from) } else { t }
                    },
                )
            };
            let expanded =
                recur::expand(&rule.value, start, &until_wall, NaiveDateTime::MIN..=until).ok()?;
            onsets.extend(expanded.starts);
        }
        for rdate in obs.props("RDATE") {
            for v in rdate.value.split(',') {
                onsets.push(value::date_time(v.trim()).map(|(t, _)| t).ok()?);
            }
        }
        for onset in onsets {
            changes.push((onset - TimeDelta::seconds(from), to, from));
        }
    }
    changes.sort_by_key(|c| c.0);
    changes.dedup_by_key(|c| c.0);
    let initial = changes.first()?.2;
    Some(Defined {
        initial,
        changes: changes.into_iter().map(|(at, to, _)| (at, to)).collect(),
    })
}

/// A wall-clock time, or a date read as its midnight (some producers write the
/// `DTSTART` of an observance as a date).
fn wall_time(p: &Property) -> Option<NaiveDateTime> {
    let v = p.value.trim();
    value::date_time(v).ok().map(|(t, _)| t).or_else(|| {
        value::date(v)
            .ok()
            .map(|d| d.and_time(chrono::NaiveTime::MIN))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::ics::lines;

    fn t(s: &str) -> NaiveDateTime {
        s.parse().unwrap()
    }

    #[test]
    fn gaps_and_overlaps_follow_rfc_5545() {
        let ny = Zone::Iana(Tz::America__New_York);
        for (wall, utc) in [
            ("2027-01-05T09:00:00", "2027-01-05T14:00:00"),
            ("2027-07-05T09:00:00", "2027-07-05T13:00:00"),
            // 02:30 does not exist on 2027-03-14: read with -05:00, so 03:30 EDT.
            ("2027-03-14T02:30:00", "2027-03-14T07:30:00"),
            // 01:30 happens twice on 2027-11-07: the first, EDT.
            ("2027-11-07T01:30:00", "2027-11-07T05:30:00"),
        ] {
            assert_eq!(ny.utc_of(t(wall)), t(utc), "{wall}");
        }
        assert_eq!(
            ny.wall_of(t("2027-03-14T07:30:00")),
            t("2027-03-14T03:30:00")
        );
    }

    const OUTLOOK: &str = "BEGIN:VCALENDAR\r\n\
        BEGIN:VTIMEZONE\r\nTZID:Eastern Standard Time\r\n\
        BEGIN:STANDARD\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\n\
        RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r\nEND:STANDARD\r\n\
        BEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\n\
        RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n\
        BEGIN:VTIMEZONE\r\nTZID:Tokyo Standard Time\r\n\
        BEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\n\
        END:STANDARD\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n";

    #[test]
    fn vtimezone_definitions_are_used_for_unknown_names() {
        let cal = lines::parse(OUTLOOK).0.remove(0);
        let zones = Zones::new(Tz::Asia__Tokyo, &cal, t("2030-01-01T00:00:00"));
        let eastern = zones.get("Eastern Standard Time").unwrap();
        let ny = Zone::Iana(Tz::America__New_York);
        for wall in [
            "2027-01-05T09:00:00",
            "2027-07-05T09:00:00",
            "2027-03-14T02:30:00",
            "2027-11-07T01:30:00",
            "2029-11-04T12:00:00",
        ] {
            assert_eq!(eastern.utc_of(t(wall)), ny.utc_of(t(wall)), "{wall}");
        }
        let tokyo = zones.get("Tokyo Standard Time").unwrap();
        assert_eq!(
            tokyo.utc_of(t("2027-01-05T09:00:00")),
            t("2027-01-05T00:00:00")
        );
        assert!(zones.get("Mars/Olympus").is_none());
        assert!(matches!(zones.get("Asia/Tokyo"), Some(Zone::Iana(_))));
    }
}
