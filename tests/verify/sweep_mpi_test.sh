#!/usr/bin/env bash
# The MPI sweeps against the serial one (docs/scale-out.md): `verify sweep certificate`
# under `mpirun -n 1`, `-n 2` and `-n 3`, and `verify sweep samples` under `-n 2`, write the
# bytes the plain process writes (run times aside); a 2-rank run killed with SIGTERM after its first results and
# resumed with --resume writes them too (that a resumed run computes only the missing tasks
# is tests/verify/sweep_engine_test.cpp's); `verify sweep seeds` under `-n 2` writes the
# serial run's bytes exactly (its outputs hold no times).
# Usage: sweep_mpi_test.sh VERIFY_EXE MPIRUN
set -euo pipefail
verify=$1
mpirun=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
launch=("$mpirun" --oversubscribe)
[ "$(id -u)" -ne 0 ] || launch+=(--allow-run-as-root)

fail() { echo "FAIL: $*" >&2; exit 1; }
# The outputs of a sweep folder, the run time of its summary replaced.
outputs() {
  cat "$1/sweep_certificate.csv"
  sed -E 's/points in [0-9.]+ s/points in T s/' "$1/sweep_certificate.md"
}

small=(sweep certificate --families equal,opposite,three --steps 8 --start-points 300)
"$verify" "${small[@]}" --out "$work/serial" >/dev/null
for n in 1 2 3; do
  "${launch[@]}" -n "$n" "$verify" "${small[@]}" --out "$work/n$n" >/dev/null
  cmp <(outputs "$work/serial") <(outputs "$work/n$n") || fail "-n $n differs from the serial sweep"
  [ ! -e "$work/n$n/checkpoint" ] || fail "-n $n left its checkpoint behind"
done
echo "ok: -n 1, 2, 3 write the serial certificate sweep's outputs"

# The sample sweep: its CSV and its summary's table, each without its last column (each
# point's seconds).
sample_outputs() {
  cut -d, -f1-8 "$1/sweep_samples.csv"
  sed -E 's/\| *[0-9.]+ *\|$/| T |/' "$1/sweep_samples.md"
}
samples=(sweep samples --samples 100,400 --dimensions 4,8 --pairs 8 --epochs 2)
"$verify" "${samples[@]}" --out "$work/samples_serial" >/dev/null
"${launch[@]}" -n 2 "$verify" "${samples[@]}" --out "$work/samples_n2" >/dev/null
cmp <(sample_outputs "$work/samples_serial") <(sample_outputs "$work/samples_n2") ||
  fail "the 2-rank sample sweep differs from the serial one"
echo "ok: -n 2 writes the serial sample sweep's outputs"

# Kill part-way: long enough (about 10 s on one core) that SIGTERM lands mid-sweep.
long=(sweep certificate --families equal,opposite,three --steps 24 --start-points 3000 --dimension 3)
"$verify" "${long[@]}" --out "$work/whole" >/dev/null
"${launch[@]}" -n 2 "$verify" "${long[@]}" --out "$work/killed" >/dev/null 2>&1 &
pid=$!
finished() { cat "$work/killed/checkpoint/"*.jsonl 2>/dev/null | grep -c '"task"' || true; }
for _ in $(seq 600); do
  [ "$(finished)" -ge 3 ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
kill -TERM "$pid" 2>/dev/null || fail "the 2-rank run ended before it could be killed"
wait "$pid" && fail "the killed run exited 0"
done_before=$(finished)
total=$((3 * 24))
[ "$done_before" -ge 3 ] && [ "$done_before" -lt "$total" ] || fail "killed with $done_before of $total finished"
if "$verify" "${long[@]}" --out "$work/killed" >/dev/null 2>"$work/refusal"; then
  fail "a rerun without --resume went over the checkpoint"
fi
grep -q -- "--resume" "$work/refusal" || fail "the refusal does not name --resume: $(cat "$work/refusal")"
"${launch[@]}" -n 2 "$verify" "${long[@]}" --out "$work/killed" --resume >/dev/null
cmp <(outputs "$work/whole") <(outputs "$work/killed") || fail "the resumed sweep differs from the uninterrupted one"
echo "ok: killed with $done_before of $total points finished; resumed to the uninterrupted sweep's outputs"

# The seed sweep: its CSV and its summary hold no times, so they must match byte for byte.
seeds=(sweep seeds --claims S1,W1 --seeds 1..4)
"$verify" "${seeds[@]}" --out "$work/seeds_serial" >/dev/null
"${launch[@]}" -n 2 "$verify" "${seeds[@]}" --out "$work/seeds_n2" >/dev/null
for f in sweep_seeds.csv sweep_seeds.md; do
  cmp "$work/seeds_serial/$f" "$work/seeds_n2/$f" || fail "the 2-rank seed sweep's $f differs from the serial one"
done
[ ! -e "$work/seeds_n2/checkpoint" ] || fail "the 2-rank seed sweep left its checkpoint behind"
echo "ok: -n 2 writes the serial seed sweep's CSV and summary byte for byte"

# The atlas: every table, grid and figure it writes, the run time of its Markdown summary
# replaced; both ranks, two sign patterns, and a cell no teacher can be drawn in (width 4 at
# 60 degrees in the plane).
atlas_outputs() {
  for f in "$1"/sweep_atlas*; do
    case "$f" in
      *.md) sed -E 's/teachers in [0-9.]+ s/teachers in T s/' "$f" ;;
      *) cat "$f" ;;
    esac
  done
}
atlas=(sweep atlas --ranks 2,3 --signs alternating,random --widths 2,4 --separations 10,60 --teachers 2
  --start-points 64 --certify 1 --proof-boxes 3000)
"$verify" "${atlas[@]}" --out "$work/atlas_serial" >/dev/null
for n in 1 2 3; do
  "${launch[@]}" -n "$n" "$verify" "${atlas[@]}" --out "$work/atlas_n$n" >/dev/null
  [ "$(ls "$work/atlas_serial" | wc -l)" -eq "$(ls "$work/atlas_n$n" | wc -l)" ] ||
    fail "-n $n atlas wrote other files than the serial one"
  cmp <(atlas_outputs "$work/atlas_serial") <(atlas_outputs "$work/atlas_n$n") ||
    fail "-n $n atlas differs from the serial one"
  [ ! -e "$work/atlas_n$n/checkpoint" ] || fail "-n $n atlas left its checkpoint behind"
done
echo "ok: -n 1, 2, 3 write the serial atlas's tables, grids and heat maps"
