#!/usr/bin/env bash
# Runs every fuzz target for FUZZ_SECONDS (default 600) each, two at a time, with a
# 5-second limit per input (a slower input counts as a hang and is saved as a finding).
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
#
#   fuzz/run.sh                 # all targets, 10 minutes each
#   fuzz/run.sh ics config      # some
#
# New inputs go to fuzz/target/corpus/TARGET (not committed); the committed seeds in
# fuzz/corpus/TARGET are only read. Findings land in fuzz/artifacts/TARGET.
set -euo pipefail
cd "$(dirname "$0")"
SECS=${FUZZ_SECONDS:-600}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(credly csv backup ics config)
# -s none: sukima forbids unsafe code, so AddressSanitizer finds little and halves the
# speed; -a: debug assertions and overflow checks on, so an overflow is a finding.
cargo +nightly fuzz build -s none -a
run() {
    mkdir -p "target/corpus/$1" "artifacts/$1"
    cargo +nightly fuzz run -s none -a "$1" "target/corpus/$1" "corpus/$1" -- \
        -max_total_time="$SECS" -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 \
        >"target/$1.log" 2>&1 || true
    local runs secs
    runs=$(grep -E '^stat::number_of_executed_units' "target/$1.log" | awk '{print $2}')
    secs=$(grep -oE '^Done [0-9]+ runs in [0-9]+' "target/$1.log" | awk '{print $5}')
    echo "$1: $runs inputs in ${secs:-?(stopped at a finding)} s; $(ls "artifacts/$1" | wc -l) findings in fuzz/artifacts/$1 (log: fuzz/target/$1.log)"
}
while [ ${#targets[@]} -gt 0 ]; do
    run "${targets[0]}" &
    [ ${#targets[@]} -gt 1 ] && run "${targets[1]}" &
    wait
    targets=("${targets[@]:2}")
done
