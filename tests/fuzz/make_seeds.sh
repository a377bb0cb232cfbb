#!/usr/bin/env bash
# Seed corpora of the fuzz harnesses (tests/fuzz/), one folder per harness under OUT:
#   config_toml  configs/*.toml and tests/fuzz/seeds/config_toml/
#   config_json  configs/*.json, every configs/*.toml converted to JSON, the JSON texts of
#                tests/verify/config_test.cpp (its raw strings) and tests/fuzz/seeds/config_json/
#   report       tests/reports/golden/report.json, tests/fuzz/seeds/report/ and, with the
#                verify binary, a fresh report.json and one that carries a baseline section
#   certificate  tests/fuzz/seeds/certificate/ and, with the verify binary, the default
#                configuration's certificates/D2c.json (a proof; the committed seed is a
#                witness) and the degenerate 2-D one
# and, in each, the inputs of tests/fuzz/regressions/ (findings of earlier runs).
# Usage: tests/fuzz/make_seeds.sh OUT [VERIFY_EXE]   (VERIFY_EXE default build/verify/verify;
# when it is missing the generated seeds are left out, with a note). OUT is emptied first.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:?usage: tests/fuzz/make_seeds.sh OUT [VERIFY_EXE]}
verify=${2:-build/verify/verify}
rm -rf "$out"
mkdir -p "$out"/{config_toml,config_json,report,certificate}

cp configs/*.toml tests/fuzz/seeds/config_toml/* "$out/config_toml/"
cp configs/*.json tests/fuzz/seeds/config_json/* "$out/config_json/"
cp tests/reports/golden/report.json "$out/report/golden.json"
cp tests/fuzz/seeds/report/* "$out/report/"
cp tests/fuzz/seeds/certificate/* "$out/certificate/"
# Every input a run once found (tests/fuzz/regressions/HARNESS/) is replayed first.
for dir in tests/fuzz/regressions/*/; do
  if [[ -d "$out/$(basename "$dir")" ]]; then cp "$dir"* "$out/$(basename "$dir")/"; fi
done

# JSON twins of the TOML examples, and the JSON raw strings R"(...)" of the config tests.
python3 - "$out/config_json" <<'EOF'
import glob, json, os, re, sys, tomllib
out = sys.argv[1]
for path in sorted(glob.glob("configs/*.toml")):
    with open(path, "rb") as f:
        doc = tomllib.load(f)
    name = os.path.splitext(os.path.basename(path))[0]
    with open(os.path.join(out, "from_toml_" + name + ".json"), "w") as f:
        json.dump(doc, f, indent=1)
with open("tests/verify/config_test.cpp") as f:
    source = f.read()
for i, text in enumerate(re.findall(r'R"\((.*?)\)"', source, re.S)):
    if text.lstrip().startswith("{"):
        with open(os.path.join(out, "config_test_%d.json" % i), "w") as f:
            f.write(text)
EOF

if [[ -x "$verify" ]]; then
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  # Exit 1 is expected for the degenerate teacher (D2c fails with a proved witness).
  "$verify" run --config configs/default.toml --claims D2c --out "$scratch/default" --format json >/dev/null
  "$verify" run --config configs/degenerate_2d.toml --claims A1,D2c --out "$scratch/degenerate" --format json \
    >/dev/null || [[ $? -eq 1 ]]
  "$verify" report --from "$scratch/default/report.json" --baseline "$scratch/degenerate/report.json" \
    --format json --out "$scratch/compared" >/dev/null
  cp "$scratch/default/report.json" "$out/report/default_d2c.json"
  cp "$scratch/degenerate/report.json" "$out/report/degenerate.json"
  cp "$scratch/compared/report.json" "$out/report/with_baseline.json"
  cp "$scratch/default/certificates/D2c.json" "$out/certificate/default_d2c.json"
  cp "$scratch/degenerate/certificates/D2c.json" "$out/certificate/degenerate_2d.json"
else
  echo "make_seeds.sh: $verify not found: generated reports and certificates left out" >&2
fi

for dir in "$out"/*/; do
  echo "seeds $(basename "$dir"): $(find "$dir" -type f | wc -l) files, $(du -sh "$dir" | cut -f1)"
done
