#!/usr/bin/env bash
# Installs missing dependencies (scripts/setup.sh) and builds, in Release mode into build/,
# only the targets named as arguments (default: the `verify` program). Shared by
# scripts/audit.sh (which needs `verify` alone) and scripts/test.sh (which adds the test
# suites). The Google Benchmark programs build only when asked:
#   VERIFY_BUILD_BENCH=ON bash scripts/build.sh bench_loss bench_certificate
# The build is for this machine's instruction set (-march=native, CMake option
# VERIFY_NATIVE); for a binary that runs on any x86-64 machine:
#   VERIFY_NATIVE=OFF bash scripts/build.sh
# Every report records the choice among its compiler flags.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(verify)
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DVERIFY_BUILD_BENCH="${VERIFY_BUILD_BENCH:-OFF}" \
  -DVERIFY_NATIVE="${VERIFY_NATIVE:-ON}" >/dev/null
cmake --build build -j"$jobs" --target "${targets[@]}"
