#!/usr/bin/env bash
# factline against Graphviz, matplotlib and gnuplot on the article sample's 8 labels, side by
# side in one run: medians and ratios of wall time, peak memory and callgrind instruction counts
# (bench/README.md, "Peers"). Installs the peers first (scripts/deps.sh --bench).
#   usage: bench/peers.sh [ROUNDS=15] [--no-callgrind]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-15}
scripts/deps.sh --bench
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build/bench -j"$(nproc)" --target factline_cli >/dev/null
W=$(mktemp -d "${TMPDIR:-/tmp}/factline-peers.XXXXXX")
trap 'rm -rf "$W"' EXIT
/usr/bin/python3 bench/peers.py "$PWD/build/bench/cli/factline" "$ROUNDS" "$W" "${@:2}"
