#!/usr/bin/env python3
"""Turns bench/run.sh's measurements (OUT_DIR) into the Markdown of the README's
Performance section, with sukima's budgets checked."""

import json
import os
import platform
import subprocess
import sys

out = sys.argv[1]


def results(name):
    with open(os.path.join(out, name)) as f:
        return {r["command"]: r for r in json.load(f)["results"]}


def ms(r):
    """Wall-clock mean ± standard deviation, and the CPU time (user + system)."""
    cpu = (r["user"] + r["system"]) * 1000
    return f"{r['mean'] * 1000:.1f} ± {r['stddev'] * 1000:.1f} ms (CPU {cpu:.1f} ms)"


def version(cmd):
    try:
        text = subprocess.run(cmd, capture_output=True, text=True).stdout
        return text.strip().splitlines()[0]
    except (OSError, IndexError):
        return "?"


agenda = results("agenda.json")
add = results("add.json")
flat = results("add-flat.json")
rss = dict(line.strip().split("=", 1) for line in open(os.path.join(out, "rss.txt")))
mib = lambda k: f"{int(rss[k]) / 1024:.1f} MiB"

cpu = "?"
for line in open("/proc/cpuinfo"):
    if line.startswith("model name"):
        cpu = line.split(":", 1)[1].strip()
        break
print(f"`bench/run.sh` on {os.cpu_count()} cores ({cpu}), {platform.system()} "
      f"{platform.release()}; sukima release build, "
      f"{version(['calcurse', '--version'])}, task {version(['task', '--version'])}, "
      f"{version(['hyperfine', '--version'])}. Same data for each: 10,000 log entries / "
      "appointments / tasks; sukima also 300 badges and a year of spare time "
      "(5 weekly windows, 48 one-offs, 8 blackouts, 20 pinned sessions).\n")
print("Times are hyperfine's wall-clock mean ± σ; CPU is user + system time.\n")
print("| | sukima | calcurse | Taskwarrior |")
print("|---|---|---|---|")
print(f"| agenda, next 30 days | {ms(agenda['sukima agenda --days 30'])} "
      f"| {ms(agenda['calcurse -r30'])} | {ms(agenda['task next'])} |")
print(f"| add one entry | {ms(add['sukima add'])} | {ms(add['calcurse -i (one event)'])} "
      f"| {ms(add['task add'])} |")
print(f"| peak memory, agenda | {mib('sukima agenda --days 30')} | {mib('calcurse -r30')} "
      f"| {mib('task next')} |")
print(f"| peak memory, add | {mib('sukima add')} | {mib('calcurse -i (one event)')} "
      f"| {mib('task add')} |")
print()
print("| sukima add with | 100 log entries | 1,000 | 10,000 |")
print("|---|---|---|---|")
f = [flat[f"sukima add, {n} log entries"] for n in (100, 1000, 10000)]
print(f"| time | {' | '.join(ms(r) for r in f)} |")
print()
print(f"Also: `sukima plan --days 365` peaks at {mib('sukima plan --days 365')}, "
      f"`sukima import json` of the 10,000-entry backup at "
      f"{mib('sukima import json (10,000 entries)')}.\n")

speedup = agenda["calcurse -r30"]["mean"] / agenda["sukima agenda --days 30"]["mean"]
growth = f[2]["mean"] / f[0]["mean"]
cpu = lambda r: r["user"] + r["system"]
cpu_growth = cpu(f[2]) / cpu(f[0])
peak = max(int(rss[k]) for k in rss if k.startswith("sukima")) / 1024
ok = lambda b: "met" if b else "**missed**"
print("Budgets:")
print(f"- agenda at least 10x faster than calcurse: {speedup:.1f}x, {ok(speedup >= 10)}")
print(f"- add flat in the number of entries: 10,000 vs 100 entries {growth:.2f}x wall "
      f"clock, {cpu_growth:.2f}x CPU, {ok(max(growth, cpu_growth) <= 1.2)} (flat: within 1.2x)")
print(f"- peak memory under 30 MiB: at most {peak:.1f} MiB, {ok(peak < 30)}")
