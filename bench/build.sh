#!/usr/bin/env bash
# factline build's throughput (docs: bench/README.md, "factline build"): COPIES copies of every
# sample (timelines, charts reading CSV files, the composite page) rendered to SVG and PNG by
#   - one process per file (`factline render`, what build replaces),
#   - `factline build -j1` and `-j2` from scratch, alternately, ROUNDS times,
#   - `factline build -j2` again with nothing to do.
#   usage: bench/build.sh [COPIES=8] [ROUNDS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
COPIES=${1:-8}
ROUNDS=${2:-3}
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build/bench -j"$(nproc)" --target factline_cli >/dev/null
FL=$PWD/build/bench/cli/factline
W=$(mktemp -d "${TMPDIR:-/tmp}/factline-build-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
for c in $(seq "$COPIES"); do
  mkdir -p "$W/in/copy$c"
  cp -r samples/. "$W/in/copy$c/"
done
N=$(find "$W/in" -name '*.yaml' | wc -l)
echo "$N fact files ($COPIES copies of samples/), SVG + PNG, $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
rate() { awk -v n="$N" -v s="$1" 'BEGIN { printf "%.1f files/s (%.2f s)", n / s, s }'; }
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
for r in $(seq "$ROUNDS"); do
  s=$(seconds bash -c "for f in \$(find '$W/in' -name '*.yaml'); do o=\$(dirname \$f); '$FL' render \$f -o \$o.svg -o \$o.png; done")
  echo "round $r: one process per file: $(rate "$s")"
  for j in 1 2; do
    rm -rf "$W/out"
    s=$(seconds "$FL" build "$W/in" -o "$W/out" --format svg,png -j$j)
    echo "round $r: build -j$j:               $(rate "$s")"
  done
  s=$(seconds "$FL" build "$W/in" -o "$W/out" --format svg,png -j2)
  echo "round $r: build -j2, all up to date: $(rate "$s")"
done
