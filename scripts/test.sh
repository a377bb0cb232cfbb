#!/usr/bin/env bash
# Dependencies, Release build of the program and every test suite (no benchmarks), then
# the whole test suite through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh all  # everything but the benchmarks (VERIFY_BUILD_BENCH is OFF)
jobs=$(nproc 2>/dev/null || echo 2)
cd build
ctest --output-on-failure -j"$jobs"
