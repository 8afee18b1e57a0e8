#!/usr/bin/env bash
# Quick start, step 1: install dependencies, build, and render the samples into out/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build/release -j"$(nproc)"
mkdir -p out
for f in samples/*.yaml; do
  n="$(basename "$f" .yaml)"
  build/release/cli/factline render "$f" -o "out/$n.svg" -o "out/$n.png" -o "out/$n.pdf" -o "out/$n.json"
done
echo "built build/release/cli/factline; rendered every sample into out/ (out/ai-chip-race.{svg,png,pdf,json} …)"
