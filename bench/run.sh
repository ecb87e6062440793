#!/usr/bin/env bash
# sukima against its peers: calcurse (appointments) and Taskwarrior (tasks), on the same
# generated data (bench/gen.py). Prints a Markdown table (also bench/results.md) and
# checks sukima's budgets: agenda at least 10x faster than calcurse's, add flat in the
# number of log entries, peak memory under 30 MiB.
#
#   bench/run.sh                 # 20 timed runs per command (BENCH_RUNS=N to change)
#
# Needs python3; installs calcurse, taskwarrior, hyperfine and GNU time from Debian when
# missing (apt-get, as root or with sudo). Works in target/bench (BENCH_DIR to change).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${BENCH_DIR:-$ROOT/target/bench}
RUNS=${BENCH_RUNS:-20}

need=()
command -v calcurse >/dev/null || need+=(calcurse)
command -v task >/dev/null || need+=(taskwarrior)
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq "${need[@]}"
fi

cargo build --release --quiet
S=$ROOT/target/release/sukima

rm -rf "$OUT"
mkdir -p "$OUT"
echo "generating data in $OUT" >&2
for n in 100 1000 10000; do
    python3 bench/gen.py "$OUT/data-$n" --log "$n"
    "$S" --db "$OUT/sukima-$n.db" import json "$OUT/data-$n/sukima.json" >&2
done
D=$OUT/data-10000
cp -r "$D/calcurse" "$OUT/calcurse"
export TASKRC=$OUT/taskrc TASKDATA=$OUT/task
printf 'data.location=%s\nconfirmation=off\nhooks=off\nnews.version=2.6.2\n' "$TASKDATA" >"$TASKRC"
mkdir -p "$TASKDATA"
task import "$D/tasks.json" >/dev/null 2>&1
echo "calcurse: $(wc -l <"$OUT/calcurse/apts") appointments; taskwarrior: $(task count status:pending 2>/dev/null) pending tasks" >&2

H=(hyperfine -N --warmup 3 --runs "$RUNS" --style basic)
"${H[@]}" --export-json "$OUT/agenda.json" \
    -n "sukima agenda --days 30" "$S --db $OUT/sukima-10000.db agenda --days 30" \
    -n "calcurse -r30" "calcurse -D $OUT/calcurse -r30" \
    -n "task next" "task next" >&2
"${H[@]}" --export-json "$OUT/add.json" \
    -n "sukima add" "$S --db $OUT/sukima-10000.db add '30m #b001 -- bench'" \
    -n "calcurse -i (one event)" "calcurse -D $OUT/calcurse -q -i $D/one.ics" \
    -n "task add" "task add 'study b001' due:tomorrow" >&2
"${H[@]}" --export-json "$OUT/add-flat.json" -L n 100,1000,10000 \
    -n "sukima add, {n} log entries" "$S --db $OUT/sukima-{n}.db add '30m #b001 -- bench'" >&2

# Peak resident memory (KiB), the largest of three runs.
rss() {
    local max=0 k
    for _ in 1 2 3; do
        k=$(/usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1)
        [ "$k" -gt "$max" ] && max=$k
    done
    echo "$max"
}
{
    echo "sukima agenda --days 30=$(rss "$S" --db "$OUT/sukima-10000.db" agenda --days 30)"
    echo "calcurse -r30=$(rss calcurse -D "$OUT/calcurse" -r30)"
    echo "task next=$(rss task next)"
    echo "sukima add=$(rss "$S" --db "$OUT/sukima-10000.db" add '30m #b001 -- bench')"
    echo "calcurse -i (one event)=$(rss calcurse -D "$OUT/calcurse" -q -i "$D/one.ics")"
    echo "task add=$(rss task add 'study b001' due:tomorrow)"
    echo "sukima plan --days 365=$(rss "$S" --db "$OUT/sukima-10000.db" plan --days 365)"
    echo "sukima import json (10,000 entries)=$(rm -f "$OUT/import.db"; rss "$S" --db "$OUT/import.db" import json --replace "$D/sukima.json")"
} >"$OUT/rss.txt"

python3 bench/report.py "$OUT" | tee bench/results.md
