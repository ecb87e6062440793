#!/usr/bin/env python3
"""A large calendar for the import benchmark (README, Performance).

    gen_ics.py OUT.ics [--events N] [--today YYYY-MM-DD]

N events (default 50,000), deterministic, shaped like a calendar kept for years: the
events spread over the eight years before --today and the one after (a calendar
accumulates its past; `--spread DAYS-BACK` changes that); 90% single events in UTC, in IANA zones (America/New_York, Europe/London,
Asia/Tokyo), in an Outlook zone defined by the file ("Tokyo Standard Time") and floating;
10% recurring (daily, weekly on weekdays, monthly), most with an end (COUNT or UNTIL),
some with EXDATEs and moved occurrences (RECURRENCE-ID); a few all-day and free ones;
one UID sent twice with a higher SEQUENCE every 500 events.
"""

import datetime as dt
import random
import sys

ZONES = ["UTC", "America/New_York", "Europe/London", "Asia/Tokyo", "Tokyo Standard Time", None]


def stamp(t):
    return t.strftime("%Y%m%dT%H%M%S")


def main():
    args = sys.argv[1:]
    out = args[0]
    n = int(args[args.index("--events") + 1]) if "--events" in args else 50_000
    today = (
        dt.date.fromisoformat(args[args.index("--today") + 1])
        if "--today" in args
        else dt.date(2027, 1, 6)
    )
    back = int(args[args.index("--spread") + 1]) if "--spread" in args else 8 * 365
    rng = random.Random(50_000)
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//sukima bench//EN",
        "X-WR-CALNAME:Bench", "X-WR-TIMEZONE:Asia/Tokyo",
        "BEGIN:VTIMEZONE", "TZID:Tokyo Standard Time", "BEGIN:STANDARD",
        "DTSTART:16010101T000000", "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900",
        "END:STANDARD", "END:VTIMEZONE",
    ]
    start_day = today - dt.timedelta(days=back)
    for i in range(n):
        day = start_day + dt.timedelta(days=rng.randrange(back + 365))
        t = dt.datetime.combine(day, dt.time(rng.randrange(7, 20), rng.choice([0, 15, 30, 45])))
        length = dt.timedelta(minutes=rng.choice([15, 30, 45, 60, 90, 120]))
        zone = rng.choice(ZONES)
        uid = f"ev{i}@bench"
        ev = ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{stamp(t)}Z",
              f"SUMMARY:Meeting {i} ミーティング"]
        if i % 50 == 0:
            ev += [f"DTSTART;VALUE=DATE:{day:%Y%m%d}", "TRANSP:TRANSPARENT" if i % 100 == 0 else "TRANSP:OPAQUE"]
        else:
            when = stamp(t)
            if zone == "UTC":
                ev += [f"DTSTART:{when}Z", f"DTEND:{stamp(t + length)}Z"]
            elif zone is None:
                ev += [f"DTSTART:{when}", f"DTEND:{stamp(t + length)}"]
            else:
                ev += [f"DTSTART;TZID={zone}:{when}", f"DTEND;TZID={zone}:{stamp(t + length)}"]
        if i % 10 == 5:
            kind = rng.randrange(4)
            if kind == 0:
                ev.append(f"RRULE:FREQ=DAILY;COUNT={rng.randrange(5, 60)}")
            elif kind == 1:
                until = t + dt.timedelta(days=rng.randrange(30, 400))
                ev.append(f"RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL={stamp(until)}Z")
            elif kind == 2:
                ev.append("RRULE:FREQ=MONTHLY;INTERVAL=1")
            else:
                ev.append("RRULE:FREQ=WEEKLY;INTERVAL=2")
            if i % 20 == 5 and i % 50 != 0:
                ex = t + dt.timedelta(days=7)
                ev.append(f"EXDATE;TZID=Asia/Tokyo:{stamp(ex)}" if zone not in ("UTC",) else f"EXDATE:{stamp(ex)}Z")
        ev.append("END:VEVENT")
        lines += ev
        if i % 500 == 7:
            lines += ["BEGIN:VEVENT", f"UID:{uid}", "SEQUENCE:1", f"DTSTAMP:{stamp(t)}Z",
                      f"DTSTART:{stamp(t + dt.timedelta(hours=1))}Z",
                      f"DTEND:{stamp(t + dt.timedelta(hours=2))}Z", "SUMMARY:Moved", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")


if __name__ == "__main__":
    main()
