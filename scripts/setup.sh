#!/usr/bin/env bash
# Quick start, step 1: install dependencies, build, and render the sample into out/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build/release -j"$(nproc)"
mkdir -p out
build/release/cli/factline render samples/ai-chip-race.yaml \
  -o out/ai-chip-race.svg -o out/ai-chip-race.png -o out/ai-chip-race.pdf -o out/ai-chip-race.json
echo "built build/release/cli/factline; rendered out/ai-chip-race.{svg,png,pdf,json}"
