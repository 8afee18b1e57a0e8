#!/usr/bin/env bash
# factline build's throughput (docs: bench/README.md, "factline build"): COPIES copies of every
# sample (timelines, charts reading CSV files, the composite page) rendered to SVG and PNG by
#   - one process per file (`factline render`, what build replaces),
#   - `factline build -j1` and `-j2` from scratch, alternately, ROUNDS times (wall and CPU time),
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
# measure LABEL COMMAND...: files per second of wall time, and the CPU time it took (user + sys)
measure() {
  local label=$1 t
  shift
  /usr/bin/time -o "$W/time" -f "%e %U %S" "$@" >/dev/null 2>&1
  t=$(cat "$W/time")
  awk -v n="$N" -v l="$label" -v t="$t" 'BEGIN { split(t, a, " ");
    printf "%-34s %7.1f files/s  (%.2f s wall, %.2f s CPU)\n", l, n / a[1], a[1], a[2] + a[3] }'
}
for r in $(seq "$ROUNDS"); do
  measure "round $r: one process per file" bash -c \
    "for f in \$(find '$W/in' -name '*.yaml'); do '$FL' render \$f -o \${f%.yaml}.svg -o \${f%.yaml}.png; done"
  for j in 1 2; do
    rm -rf "$W/out"
    measure "round $r: build -j$j" "$FL" build "$W/in" -o "$W/out" --format svg,png -j$j
  done
  measure "round $r: build -j2, all up to date" "$FL" build "$W/in" -o "$W/out" --format svg,png -j2
done
# What the machine gives two threads now: two busy loops for a second (200 % on an idle machine).
/usr/bin/time -f "two busy loops got %P of the CPU" bash -c 'for i in 1 2; do timeout 1 sh -c "while :; do :; done" & done; wait' 
