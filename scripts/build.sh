#!/usr/bin/env bash
# Installs missing dependencies (scripts/setup.sh) and builds, in Release mode into build/,
# only the targets named as arguments (default: the `verify` program). Shared by
# scripts/audit.sh (which needs `verify` alone) and scripts/test.sh (which adds the test
# suites). The Google Benchmark programs build only when asked:
#   VERIFY_BUILD_BENCH=ON bash scripts/build.sh bench_loss bench_certificate
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(verify)
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DVERIFY_BUILD_BENCH="${VERIFY_BUILD_BENCH:-OFF}" >/dev/null
cmake --build build -j"$jobs" --target "${targets[@]}"
