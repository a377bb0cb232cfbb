#!/usr/bin/env bash
# The main job: dependencies, Release build, then the default audit (the embedded default
# configuration, every registered claim) with reports written to audit/.
# Extra arguments go to `verify run` (e.g. --digits 80 --out other-folder).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec ./build/verify/verify run --out audit "$@"
