#!/usr/bin/env bash
# Rewrites tests/golden/*.json from the current layout of every sample, and
# tests/golden/cases/*.json from the small one-idea cases beside them, and renders all of them as
# PNGs into out/ to look at. Run after an intended layout change; review the diff and the PNGs.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build/ci -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFACTLINE_WERROR=ON >/dev/null
cmake --build build/ci -j"$(nproc)"
FACTLINE_BLESS=1 build/ci/tests/factline_tests -tc='*golden*' >/dev/null
mkdir -p out
for f in samples/*.yaml; do
  n="$(basename "$f" .yaml)"
  build/ci/cli/factline render "$f" -o "out/$n.png" -o "out/$n.svg"
done
mkdir -p out/cases
for f in tests/golden/cases/*.yaml; do
  build/ci/cli/factline render "$f" -o "out/cases/$(basename "$f" .yaml).png"
done
git status --short tests/golden
