#!/usr/bin/env python3
"""Generates the same planner data for sukima, calcurse and Taskwarrior, for bench/run.sh.

    gen.py OUT_DIR [--log N] [--today YYYY-MM-DD]

Writes into OUT_DIR:
  sukima.json      a sukima backup: 300 badges (IBM, Microsoft, AWS, Google Cloud; held,
                   retiring with and without replacement, targets), a year of spare time
                   (5 weekly windows over the coming year, one-offs, blackouts), N log
                   entries (default 10,000) over the past two years, 20 pinned sessions
  calcurse/apts    N appointments (same days and times as the log, then the next year)
  tasks.json       N Taskwarrior tasks (pending, due over the coming year), `task import`
  one.ics          one event, the calcurse add (`calcurse -i`)

Deterministic for a given --today (default: the real today), so runs compare.
"""

import datetime as dt
import json
import os
import random
import sys
import uuid

ISSUERS = [("IBM", 730), ("Microsoft", 365), ("AWS", 1095), ("Google Cloud", 730)]
WORDS = ["Cloud", "Data", "Security", "Admin", "Developer", "Architect", "AI", "Network",
         "Analytics", "Integration", "Automation", "Storage", "データ", "セキュリティ"]


def main():
    args = sys.argv[1:]
    out = args[0]
    n_log = 10_000
    today = dt.date.today()
    if "--log" in args:
        n_log = int(args[args.index("--log") + 1])
    if "--today" in args:
        today = dt.date.fromisoformat(args[args.index("--today") + 1])
    rng = random.Random(20270106)
    os.makedirs(os.path.join(out, "calcurse"), exist_ok=True)
    ymd = lambda d: d.isoformat()

    badges = []
    for i in range(300):
        issuer, validity = ISSUERS[i % len(ISSUERS)]
        name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {issuer} #{i:03}"
        b = dict(key=f"b{i:03}", name=name, issuer=issuer, level=None, url=None, notes=None,
                 tags=[issuer.split()[0].lower()], earned_on=None, expires_on=None,
                 renewed_on=None, retires_on=None, replaced_by=None, available_on=None,
                 goal_on=None, effort_minutes=rng.choice([60, 120, 180, 240, 360, 480]),
                 renew_from=None, priority=rng.choice(["low", "normal", "normal", "high"]),
                 source="manual", source_id=None, archived=False)
        kind = i % 10
        expires = today + dt.timedelta(days=rng.randrange(-30, 720))
        if kind == 9:  # a target
            b["available_on"] = ymd(today + dt.timedelta(days=rng.randrange(0, 120)))
            b["goal_on"] = ymd(today + dt.timedelta(days=rng.randrange(120, 400)))
        else:
            b["earned_on"] = ymd(expires - dt.timedelta(days=validity))
            b["expires_on"] = ymd(expires)
            if kind == 7:  # retiring, replaced by the next target
                b["retires_on"] = ymd(expires - dt.timedelta(days=10))
                b["replaced_by"] = f"b{i + 2:03}"
            if kind == 8:  # retiring, no replacement
                b["retires_on"] = ymd(expires - dt.timedelta(days=5))
        badges.append(b)

    horizon_end = today + dt.timedelta(days=365)
    windows = [
        dict(kind="weekly", days=["mon", "tue", "wed", "thu", "fri"], start="07:10", end="07:40",
             label="commute"),
        dict(kind="weekly", days=["mon", "tue", "wed", "thu", "fri"], start="12:15", end="12:45",
             label="lunch"),
        dict(kind="weekly", days=["mon", "wed", "thu"], start="21:00", end="21:45",
             label="evening"),
        dict(kind="weekly", days=["sat"], start="09:00", end="11:00", label="weekend"),
        dict(kind="weekly", days=["sun"], start="14:00", end="15:30", label="library"),
    ]
    for w in windows:
        w.update(date=None, from_date=ymd(today), to_date=ymd(horizon_end))
    for k in range(48):  # a one-off most weeks
        d = today + dt.timedelta(days=3 + 7 * k)
        windows.append(dict(kind="once", days=None, date=ymd(d), from_date=None, to_date=None,
                            start="13:00", end="16:00", label=f"free afternoon {k}"))
    for k in range(8):  # a blackout every six weeks
        d = today + dt.timedelta(days=20 + 45 * k)
        windows.append(dict(kind="blackout", days=None, date=None, from_date=ymd(d),
                            to_date=ymd(d + dt.timedelta(days=3)), start=None, end=None,
                            label=f"trip {k}"))

    log = []
    apts = []
    starts = ["07:10", "12:15", "21:00", "09:00"]
    for k in range(n_log):
        d = today - dt.timedelta(days=1 + k * 730 // max(n_log, 1))
        start = starts[k % 4]
        minutes = rng.choice([15, 20, 30, 45])
        log.append(dict(badge=f"b{rng.randrange(300):03}", date=ymd(d), start=start,
                        minutes=minutes, note=f"log {k}" if k % 3 == 0 else None))
    for k in range(n_log):  # calcurse: half in the past, half in the coming year
        d = today + dt.timedelta(days=(k * 730 // max(n_log, 1)) - 365)
        h, m = [int(x) for x in starts[k % 4].split(":")]
        s = dt.datetime(d.year, d.month, d.day, h, m)
        e = s + dt.timedelta(minutes=30)
        apts.append(f"{s:%m/%d/%Y @ %H:%M} -> {e:%m/%d/%Y @ %H:%M} |study b{k % 300:03} {k}")
    pinned = []
    for k in range(20):
        d = today + dt.timedelta(days=2 + 9 * k)
        pinned.append(dict(badge=f"b{(k * 13) % 300:03}", start=f"{ymd(d)}T19:00", minutes=60))

    backup = {"format": "sukima-backup", "version": 1, "badges": badges, "windows": windows,
              "log": log, "pinned": pinned}
    with open(os.path.join(out, "sukima.json"), "w") as f:
        json.dump(backup, f, ensure_ascii=False, indent=1)
    with open(os.path.join(out, "calcurse", "apts"), "w") as f:
        f.write("\n".join(apts) + "\n")
    open(os.path.join(out, "calcurse", "todo"), "w").close()

    tasks = []
    base = dt.datetime(today.year, today.month, today.day)
    for k in range(n_log):
        due = base + dt.timedelta(days=k * 365 // max(n_log, 1), hours=19)
        tasks.append({"uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                      "description": f"study b{k % 300:03} {k}", "status": "pending",
                      "entry": (base - dt.timedelta(days=30)).strftime("%Y%m%dT%H%M%SZ"),
                      "due": due.strftime("%Y%m%dT%H%M%SZ"), "project": f"b{k % 300:03}"})
    with open(os.path.join(out, "tasks.json"), "w") as f:
        json.dump(tasks, f)

    t = base + dt.timedelta(days=1, hours=19)
    with open(os.path.join(out, "one.ics"), "w") as f:
        f.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\nBEGIN:VEVENT\r\n"
                f"UID:bench-add\r\nDTSTART:{t:%Y%m%dT%H%M%S}\r\n"
                f"DTEND:{t + dt.timedelta(minutes=30):%Y%m%dT%H%M%S}\r\n"
                "SUMMARY:study b001\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


if __name__ == "__main__":
    main()
