#!/usr/bin/env bash
# Times the command on line charts of 1,000 to 100,000 noisy daily values in two series (a
# generated CSV), to SVG and to PNG, with /usr/bin/time (docs: bench/README.md, "Charts").
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build/bench -j"$(nproc)" --target factline_cli >/dev/null
W=$(mktemp -d "${TMPDIR:-/tmp}/factline-chart-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
for n in 1000 10000 100000; do
  /usr/bin/python3 - "$n" "$W/data.csv" <<'PY'
import datetime, random, sys
n, path = int(sys.argv[1]), sys.argv[2]
random.seed(1)
start = datetime.date(1800, 1, 1)
with open(path, "w") as f:
    f.write("d,a,b\n")
    for k in range(n):  # every 97th value of b is a gap
        b = "" if k % 97 == 0 else f"{random.random() * 50:.2f}"
        f.write(f"{start + datetime.timedelta(days=k)},{random.random() * 100:.2f},{b}\n")
PY
  printf 'title: bench\nchart:\n  type: line\n  data: data.csv\n  x: d\n  series: [a, b]\n' >"$W/chart.yaml"
  for ext in svg png; do
    /usr/bin/time -f "$n values → $ext: %e s, peak RSS %M KiB" build/bench/cli/factline render "$W/chart.yaml" -o "$W/out.$ext"
  done
done
