#!/usr/bin/env bash
# Installs the Debian 12 packages the project builds and tests with.
# Idempotent: packages already present are left alone. Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libboost-dev libgmp-dev libmpfr-dev libmpfi-dev libflint-arb-dev
  libeigen3-dev catch2 libcli11-dev libtoml11-dev nlohmann-json3-dev libfmt-dev
  libbenchmark-dev libxml2-utils gnuplot-nox
  # Sweeps on several processes or machines (docs/scale-out.md): Open MPI and mpirun.
  libopenmpi-dev openmpi-bin
  # reports/: SHA-256 (libcrypto), the JUnit XML writer (libxml2), UTF-8 decoding (utfcpp).
  libssl-dev libxml2-dev libutfcpp-dev
  # scripts/fuzz.sh: clang with its libFuzzer runtime; python3 (tomllib) writes JSON seeds.
  clang libclang-rt-14-dev python3
  # --format pdf: pdflatex and latexmk, pgfplots (texlive-pictures), booktabs and
  # hyperref (texlive-latex-recommended); pdftotext (poppler-utils) for the PDF test.
  # About 70 MB to download, no fonts beyond Computer Modern.
  texlive-latex-base texlive-latex-recommended texlive-pictures latexmk poppler-utils
  # The zgverify Python module (python/, docs/python.md): pybind11 and the interpreter's
  # headers to build it; NumPy for its arrays, pytest for tests/python, mpmath for mpf values.
  pybind11-dev python3-dev python3-numpy python3-pytest python3-mpmath
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
