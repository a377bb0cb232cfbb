#!/usr/bin/env bash
# libFuzzer runs of the readers of untrusted input (tests/fuzz/): the configuration (TOML,
# JSON), report.json and the D2c certificate, each for SECONDS (default 60) under ASan and
# UBSan, in their own build folder (build-fuzz/, clang). Seeds: tests/fuzz/make_seeds.sh;
# the corpus each run grows is kept in build-fuzz/fuzz/corpus/ for the next run.
# Exit status 1 when any harness found a crash, sanitizer report, timeout, leak or
# out-of-memory; its input is in build-fuzz/fuzz/artifacts/ (to replay: the harness
# followed by the file). Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 2; }
jobs=$(nproc 2>/dev/null || echo 2)
harnesses=(config_toml config_json report certificate)

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVERIFY_FUZZ=ON \
  -DVERIFY_BUILD_TESTS=OFF -DVERIFY_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz -j"$jobs" --target fuzz_harnesses  # one goal: make builds the four in parallel

work=build-fuzz/fuzz
tests/fuzz/make_seeds.sh "$work/seeds" build/verify/verify
mkdir -p "$work/artifacts" "$work/logs"
export ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

status=0
for h in "${harnesses[@]}"; do
  mkdir -p "$work/corpus/$h"
  log="$work/logs/$h.log"
  # -timeout: one input over 10 s is a finding (a reader must take milliseconds);
  # -rss_limit_mb also bounds any single allocation (malloc_limit_mb defaults to it).
  rc=0
  "build-fuzz/tests/fuzz/fuzz_$h" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/$h-" \
    "$work/corpus/$h" "$work/seeds/$h" >"$log" 2>&1 || rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  # libFuzzer stops at its first finding: 0 or 1 per run, its input named in the log.
  findings=$(grep -c 'Test unit written to' "$log" || true)
  if [[ $rc -ne 0 || $findings -ne 0 ]]; then
    status=1
    what=$(grep -m1 -E '^(SUMMARY: |==[0-9]+==ERROR|ERROR: libFuzzer)' "$log" || echo "exit $rc")
    input=$(sed -n 's/.*Test unit written to //p' "$log" | head -1)
    printf 'fuzz %-12s %10s executions in %ss, FINDING: %s; input %s; log %s\n' \
      "$h" "${runs:-?}" "$seconds" "$what" "${input:-none}" "$log"
  else
    printf 'fuzz %-12s %10s executions in %ss, 0 crashes/timeouts/leaks, corpus %s inputs\n' \
      "$h" "${runs:-?}" "$seconds" "$(find "$work/corpus/$h" -type f | wc -l)"
  fi
done
exit "$status"
