#!/usr/bin/env python3
"""Independent expectations for the real-calendar corpus (tests/data/ics/corpus).

For every .ics file under this folder, expands its events with Python's `icalendar`
and `recurring-ical-events` (after `x-wr-timezone`, which applies X-WR-TIMEZONE to
floating times as Google means it) over a fixed range, keeps what sukima counts as busy
(not TRANSP:TRANSPARENT, not STATUS:CANCELLED, a positive length), converts every
occurrence to UTC (floating times and all-day dates are read as UTC, the "local" zone
of the Rust test) and writes `expected.json`:

    {"range": [start, end],
     "files": {"calendars/x.ics": {"busy": {"UID": [["YYYY-MM-DDTHH:MM:SS", "..."], ...]},
                                   "unreadable": {"UID": "why Python could not read it"}}
               | {"error": "why Python could not read the file"}}}

Busy time is grouped by UID (events without one under ""), so the Rust test can compare
the events both readers read. When the whole calendar cannot be expanded, each UID is
expanded on its own (with the calendar's time zones), as sukima skips event by event.

Run once by hand, not by CI (CI runs only `cargo test`; the Rust test reads the JSON):

    pip install icalendar==7.3.2 recurring-ical-events==3.8.2 x-wr-timezone==2.0.1
    python3 tests/data/ics/corpus/expand.py
"""

import datetime as dt
import json
import pathlib
import sys
import warnings

import icalendar
import recurring_ical_events
import x_wr_timezone

HERE = pathlib.Path(__file__).resolve().parent
# The same range as `tests/runner` module `corpus` passes to sukima.
START = dt.datetime(1990, 1, 1)
END = dt.datetime(2040, 1, 1)
# sukima reads at most this many occurrences of one rule; a file beyond it is left out
# of the comparison (it would take Python minutes).
MAX_OCCURRENCES = 40_000


def utc(value):
    """A DATE or DATE-TIME as a naive UTC datetime (floating and dates read as UTC)."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value
    return dt.datetime(value.year, value.month, value.day)


def busy(component):
    transp = str(component.get("TRANSP", "OPAQUE")).upper()
    status = str(component.get("STATUS", "")).upper()
    return transp != "TRANSPARENT" and status != "CANCELLED"


def occurrences(cal):
    """Busy spans of the events of `cal`, by UID."""
    out = {}
    query = recurring_ical_events.of(cal, components=["VEVENT"])
    for n, event in enumerate(query.between(START, END)):
        if n > MAX_OCCURRENCES:
            raise RuntimeError(f"more than {MAX_OCCURRENCES} occurrences")
        if not busy(event):
            continue
        start = event.get("DTSTART")
        if start is None:
            continue
        start = start.dt
        end = event.get("DTEND")
        if end is not None:
            end = end.dt
        elif event.get("DURATION") is not None:
            end = start + event.get("DURATION").dt
        elif isinstance(start, dt.datetime):
            end = start
        else:
            end = start + dt.timedelta(days=1)
        s, e = utc(start), utc(end)
        if e <= s:
            continue
        if s < END and e > START:
            out.setdefault(str(event.get("UID", "")), []).append([s.isoformat(), e.isoformat()])
    for spans in out.values():
        spans.sort()
    return out


def one_line(e):
    first = str(e).splitlines()[0] if str(e) else ""
    return f"{type(e).__name__}: {first}"[:160]


def expand(path):
    data = path.read_bytes()
    head = data.lstrip(b"\xef\xbb\xbf \r\n\t")[:16].upper()
    if head.startswith(b"BEGIN:V") and not head.startswith(b"BEGIN:VCALENDAR"):
        # A bare component (an event saved on its own): read inside a calendar, as sukima does.
        data = b"BEGIN:VCALENDAR\r\n" + data.rstrip(b"\r\n") + b"\r\nEND:VCALENDAR\r\n"
    cal = icalendar.Calendar.from_ical(data)
    cal = x_wr_timezone.to_standard(cal)
    try:
        return {"busy": occurrences(cal), "unreadable": {}}
    except Exception:  # noqa: BLE001 - fall back to event by event
        pass
    groups = {}
    for event in cal.walk("VEVENT"):
        groups.setdefault(str(event.get("UID", "")), []).append(event)
    zones = list(cal.walk("VTIMEZONE"))
    busy_by_uid, unreadable = {}, {}
    for uid, events in groups.items():
        one = icalendar.Calendar()
        for k, v in cal.property_items(recursive=False)[1:-1]:
            one.add(k, v)
        for z in zones:
            one.add_component(z)
        for e in events:
            one.add_component(e)
        try:
            busy_by_uid.update(occurrences(one))
        except Exception as e:  # noqa: BLE001
            unreadable[uid] = one_line(e)
    return {"busy": busy_by_uid, "unreadable": unreadable}


def main():
    warnings.filterwarnings("ignore")
    files = {}
    for path in sorted(HERE.rglob("*.ics")):
        name = path.relative_to(HERE).as_posix()
        try:
            files[name] = expand(path)
        except Exception as e:  # noqa: BLE001 - any failure is data here
            files[name] = {"error": one_line(e)}
    doc = {"range": [START.isoformat(), END.isoformat()], "files": files}
    (HERE / "expected.json").write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n")
    errors = sum(1 for f in files.values() if "error" in f)
    print(f"{len(files)} files, {errors} that Python could not read", file=sys.stderr)


if __name__ == "__main__":
    main()
