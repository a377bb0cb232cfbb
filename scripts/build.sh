#!/usr/bin/env bash
# Installs missing dependencies (scripts/setup.sh) and builds everything in Release mode
# into build/. Shared by scripts/audit.sh and scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$jobs"
