#!/usr/bin/env bash
# The fast test suites under AddressSanitizer and UndefinedBehaviorSanitizer, in their own
# build folder (build-sanitize/): the reports suite (the emitters, JSON reader and
# attachments) and the core's hot paths (tests_core_sanitize: the double and MPFR/Arb loss
# and gradient, the kernels, H1's exact half-moments). Only those targets are built (the
# claims' long numerical tests are left to the Release suite: under ASan they take many
# times longer).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVERIFY_SANITIZE=ON -DVERIFY_BUILD_BENCH=OFF >/dev/null
cmake --build build-sanitize -j"$jobs" --target tests_reports tests_core_sanitize
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
build-sanitize/tests/tests_reports
build-sanitize/tests/tests_core_sanitize
