#!/usr/bin/env bash
# Builds the benchmark in Release and runs it for 100 to 100,000 events (docs: bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build/bench -j"$(nproc)" --target timeline_bench
for n in 100 1000 10000 100000; do build/bench/bench/timeline_bench "$n"; done
