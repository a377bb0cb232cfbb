#!/usr/bin/env bash
# The installed package works outside the tree (docs/packaging.md, docs/python.md): builds
# `verify`, its libraries and the Python module in build/ (reused when present), installs
# them to a temporary prefix, builds examples/cpp against that prefix alone and runs it,
# runs examples/python/default_certificate.py on the installed module alone, and checks the
# 40 digits of D2's rho_eta each prints against what the installed `verify run --claims D2`
# writes to report.json. Exits non-zero, saying why, on any difference.
#
# ZG_PACKAGE_TEST_EXPECTED=<decimal> replaces the value read from report.json: only to see
# the comparison fail (docs/packaging.md, "The package test").
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jobs=$(nproc 2>/dev/null || echo 2)

fail() {
  echo "package_test: FAIL: $*" >&2
  exit 1
}

# Only the program and the libraries it links (zg_core and zg_lemmas among them), never the tests.
if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
# The Python module when the build has it (VERIFY_PYTHON: pybind11 and Python's headers found).
targets=(verify)
if cmake --build build --target help | grep -qw zgverify; then targets+=(zgverify); fi
cmake --build build -j"$jobs" --target "${targets[@]}"

work=$(mktemp -d "${TMPDIR:-/tmp}/zgverify-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
cmake --install build --prefix "$prefix" >/dev/null

# What was installed: the program alone in bin/, no test, benchmark or fuzz harness.
installed_programs=$(ls "$prefix/bin")
[ "$installed_programs" = "verify" ] || fail "bin/ holds '$installed_programs', expected only 'verify'"
if find "$prefix" -type f | grep -E '/(tests_|bench_|fuzz_)[^/]*$|/(tests|bench|fuzz)/'; then
  fail "test, benchmark or fuzz files were installed (listed above)"
fi
# Relocatable: the package names no path of this source or build tree.
if grep -rlF -e "$root" -e "$(cd build && pwd -P)" "$prefix/lib/cmake/ZGVerify"; then
  fail "the installed CMake files above name a path of the source or build tree ($root)"
fi

# The downstream project, configured outside the source tree with only the prefix to find
# ZGVerify in (no package registry, no ZGVerify_DIR from the environment).
unset ZGVerify_DIR ZGVerify_ROOT
cmake -S examples/cpp -B "$work/example" -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF >/dev/null
found_dir=$(sed -n 's/^ZGVerify_DIR:PATH=//p' "$work/example/CMakeCache.txt")
case "$found_dir" in
  "$prefix"/*) ;;
  *) fail "examples/cpp found ZGVerify in '$found_dir', not under the install prefix $prefix" ;;
esac
cmake --build "$work/example" -j"$jobs" >/dev/null
example_value=$("$work/example/default_rho_eta")

"$prefix/bin/verify" run --claims D2 --format json --out "$work/audit" >/dev/null
expected_source="$work/audit/report.json (claims D2, measurements.rho_eta.value)"
if [ -n "${ZG_PACKAGE_TEST_EXPECTED:-}" ]; then
  expected_source="ZG_PACKAGE_TEST_EXPECTED"
fi

# Compared as decimals rounded to 40 significant digits (Python's decimal module: exact
# decimal arithmetic, never a double).
# $1: the printed value, $2: who printed it.
compare() {
python3 - "$1" "$2" "$work/audit/report.json" "${ZG_PACKAGE_TEST_EXPECTED:-}" "$expected_source" <<'EOF'
import decimal
import json
import sys

DIGITS = 40
example_text, who, report_path, override, source = sys.argv[1:6]


def parse(text, what):
    try:
        d = decimal.Decimal(text.strip())
    except decimal.InvalidOperation:
        sys.exit(f"package_test: FAIL: {what} is not a decimal number: {text!r}")
    if not d.is_finite():
        sys.exit(f"package_test: FAIL: {what} is not finite: {text!r}")
    return d


if override:
    expected_text = override
else:
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    claims = [c for c in report["claims"] if c["id"] == "D2"]
    if len(claims) != 1 or "rho_eta" not in claims[0]["measurements"]:
        sys.exit(f"package_test: FAIL: {report_path} has no claim D2 with a measurement rho_eta")
    expected_text = claims[0]["measurements"]["rho_eta"]["value"]

example = parse(example_text, f"{who}'s output")
expected = parse(expected_text, source)
if len(example.as_tuple().digits) != DIGITS:
    sys.exit(f"package_test: FAIL: {who} printed {example_text!r}, not {DIGITS} significant digits")
# A value with fewer digits than compared would pass on digits nobody computed (or confirmed).
if not override and len(expected.as_tuple().digits) < DIGITS:
    sys.exit(f"package_test: FAIL: {source} = {expected_text} has fewer than {DIGITS} significant digits")
rounding = decimal.Context(prec=DIGITS, rounding=decimal.ROUND_HALF_EVEN)
if rounding.plus(example) != rounding.plus(expected):
    sys.exit(
        f"package_test: FAIL: rho_eta differs in its first {DIGITS} significant digits\n"
        f"  {who} (through the installed package): {example_text}\n"
        f"  {source}: {expected_text}"
    )
print(f"package_test: OK: rho_eta = {example_text} from {who} agrees with {source} to {DIGITS} digits")
EOF
}

compare "$example_value" examples/cpp

# The Python example on the installed module alone (Debian's interpreter: NumPy and mpmath).
if [[ " ${targets[*]} " == *" zgverify "* ]]; then
  module=$(find "$prefix" -name 'zgverify*.so' | head -n 1)
  [ -n "$module" ] || fail "the Python module zgverify was built but not installed under $prefix"
  python=/usr/bin/python3
  [ -x "$python" ] || python=python3
  printed=$(cd "$work" && PYTHONPATH=$(dirname "$module") "$python" "$root/examples/python/default_certificate.py")
  python_value=$(printf '%s\n' "$printed" | sed -n 's/^rho_eta = //p' | head -n 1)
  [ -n "$python_value" ] || fail "examples/python/default_certificate.py printed no 'rho_eta = ' line"
  compare "$python_value" examples/python/default_certificate.py
else
  echo "package_test: the build has no Python module (VERIFY_PYTHON off or pybind11 missing): Python not checked"
fi
