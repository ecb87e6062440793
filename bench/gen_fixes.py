#!/usr/bin/env python3
"""Generates sukima backups for timing `sukima plan` with its fixes (the trust issue's budgets):

    gen_fixes.py OUT_DIR [--today YYYY-MM-DD]

Writes into OUT_DIR:
  typical.json       30 badges over three daily windows, a handful of them at risk (the
                     "typical database" of the budget: `sukima plan` within 50 ms)
  overloaded.json    the 500-badge overloaded instance of benches/plan.rs and
                     benches/fixes.rs, as badges (`sukima plan` within 2 s)

The badges are renewals whose window opens on the instance's release day (renew_from)
and whose expiry is the due day plus the 7-day buffer, so sukima plans exactly the
benchmark's targets. The random numbers are benches/plan.rs's xorshift64*, so the
instance is the same.
"""

import datetime as dt
import json
import os
import sys

MASK = (1 << 64) - 1


class Rng:
    def __init__(self, seed):
        self.x = seed

    def next(self):
        x = self.x
        x ^= x >> 12
        x ^= (x << 25) & MASK
        x ^= x >> 27
        self.x = x
        return (x * 0x2545F4914F6CDD1D) & MASK

    def below(self, n):
        return self.next() % n


def instance(today, n, min_effort, seed):
    rng = Rng(seed)
    badges = []
    for i in range(n):
        release = rng.below(300)
        length = 30 + rng.below(150)
        priority = {0: "high", 1: "low"}.get(rng.below(5), "normal")
        due = today + dt.timedelta(days=min(release + length, 364))
        effort = min_effort + rng.below(3 * min_effort + 1)
        badges.append(dict(
            key=f"badge-{i:03}", name=f"Benchmark badge {i:03}", issuer="IBM", level=None,
            url=None, notes=None, tags=[],
            earned_on=(today - dt.timedelta(days=400)).isoformat(),
            expires_on=(due + dt.timedelta(days=7)).isoformat(), renewed_on=None,
            retires_on=None, replaced_by=None, available_on=None, goal_on=None,
            effort_minutes=effort,
            renew_from=(today + dt.timedelta(days=release)).isoformat(),
            priority=priority, source="manual", source_id=None, archived=False))
    windows = [dict(kind="weekly", days=["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                    date=None, from_date=None, to_date=None, start=s, end=e, label=label)
               for s, e, label in [("07:10", "07:40", "commute"), ("12:15", "12:45", "lunch"),
                                   ("21:00", "22:00", "evening")]]
    pinned = [dict(badge=f"badge-{k * 7:03}",
                   start=f"{(today + dt.timedelta(days=3 + k * 11)).isoformat()}T18:00",
                   minutes=45) for k in range(5) if k * 7 < n]
    log = [dict(badge="badge-000", date=today.isoformat(), start="06:30", minutes=40,
                note=None)]
    return dict(format="sukima-backup", version=1, badges=badges, windows=windows, log=log,
                pinned=pinned)


def main():
    args = sys.argv[1:]
    out = args[0]
    today = dt.date(2027, 1, 4)
    if "--today" in args:
        today = dt.date.fromisoformat(args[args.index("--today") + 1])
    os.makedirs(out, exist_ok=True)
    for name, data in [("typical", instance(today, 30, 600, 11)),
                       ("overloaded", instance(today, 500, 60, 7))]:
        with open(os.path.join(out, f"{name}.json"), "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
