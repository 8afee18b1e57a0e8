#!/usr/bin/env bash
# Level of detail (docs: bench/README.md, "Level of detail"): dense generated timelines of 1,000
# to 100,000 events (bench/gen_events.py), from YAML and from CSV, horizontal and vertical, timed with /usr/bin/time
# beside the article sample in the same run; each figure is also given as a multiple of the
# sample's time (each the median of three runs, the sample's of five). Usage: bench/detail.sh
# [build-dir]   (default: a Release build in build/bench)
set -euo pipefail
cd "$(dirname "$0")/.."
B=${1:-}
if [[ -z $B ]]; then
  cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
  cmake --build build/bench -j"$(nproc)" --target factline_cli >/dev/null
  B=build/bench
fi
F=$B/cli/factline
W=$(mktemp -d "${TMPDIR:-/tmp}/factline-detail-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
for n in 1000 10000 100000; do
  /usr/bin/python3 bench/gen_events.py "$n" yaml "$W/y$n.yaml"
  /usr/bin/python3 bench/gen_events.py "$n" csv "$W/c$n.yaml"
done
/usr/bin/python3 bench/gen_events.py 10000 yaml "$W/all10000.yaml" --detail all
for n in 1000 10000; do /usr/bin/python3 bench/gen_events.py "$n" yaml "$W/v$n.yaml" --vertical; done
/usr/bin/python3 bench/gen_events.py 100000 csv "$W/vc100000.yaml" --vertical
# once LABEL ARGS…: wall seconds (by the nanosecond clock: /usr/bin/time's 10 ms would be a third
# of the sample) and peak RSS of one render, "label seconds KiB" on stdout.
once() {
  local label=$1 t0 t1
  shift
  t0=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$W/time" "$F" render "$@" >/dev/null 2>"$W/err" || { echo "$label failed: $(cat "$W/err")" >&2; return; }
  t1=$(date +%s%N)
  echo "$label $(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.4f", d / 1e9 }') $(cat "$W/time")"
}
# median N LABEL ARGS…: the run of median time of N (odd): one slow run on a shared machine moves
# no ratio.
median() {
  local n=$1
  shift
  for _ in $(seq "$n"); do once "$@"; done | sort -k2 -n | sed -n "$(((n + 1) / 2))p"
}
run() { median 3 "$@"; }
# The sample, the base of every ratio: the median of five runs.
sample() { median 5 "sample→svg+png" samples/ai-chip-race.yaml -o "$W/s.svg" -o "$W/s.png"; }
{
  sample
  for n in 1000 10000 100000; do
    run "yaml$n→json" "$W/y$n.yaml" -o "$W/o.json"
    run "csv$n→json" "$W/c$n.yaml" -o "$W/o.json"
    run "csv$n→svg" "$W/c$n.yaml" -o "$W/o.svg"
  done
  for n in 1000 10000; do run "yaml$n→svg+png" "$W/y$n.yaml" -o "$W/o.svg" -o "$W/o.png"; done
  run "yaml10000→pdf" "$W/y10000.yaml" -o "$W/o.pdf"
  for n in 1000 10000; do run "vertical$n→png" "$W/v$n.yaml" -o "$W/o.png"; done
  run "verticalcsv100000→png" "$W/vc100000.yaml" -o "$W/o.png"
  run "all10000→svg" "$W/all10000.yaml" -o "$W/o.svg"
} >"$W/results"
awk 'NR == 1 { base = $2 } { printf "%-28s %7.3f s %7.1f× sample %6d MiB\n", $1, $2, $2 / base, $3 / 1024 }' "$W/results"
