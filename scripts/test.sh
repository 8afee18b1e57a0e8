#!/usr/bin/env bash
# Quick start, step 2 (and CI): every test, twice: warnings as errors, then under
# AddressSanitizer + UndefinedBehaviorSanitizer; then each fuzz target for a minute (clang,
# ASan + UBSan, scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh
export TZ=UTC LC_ALL=C.UTF-8  # tests must not depend on the machine's zone or locale
jobs="$(nproc)"

run() {  # name, cmake options...
  local dir="build/$1"; shift
  echo "== $dir"
  cmake -S . -B "$dir" "$@" >/dev/null
  cmake --build "$dir" -j"$jobs"
  (cd "$dir" && ctest --output-on-failure -j"$jobs")
}

run ci -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFACTLINE_WERROR=ON
ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" \
  UBSAN_OPTIONS=print_stacktrace=1 \
  run asan -DCMAKE_BUILD_TYPE=Debug -DFACTLINE_WERROR=ON -DFACTLINE_SANITIZE=ON
scripts/fuzz.sh 60
