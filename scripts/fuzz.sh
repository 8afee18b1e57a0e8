#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan, in build/fuzz) and runs each for SECONDS
# (default 60) on a corpus seeded from the samples, templates and tests.
#   usage: scripts/fuzz.sh [SECONDS] [TARGET...]     targets: load csv template pipeline
# The corpus grows in build/fuzz/corpus/TARGET and is kept between runs; a crash, a leak, a
# sanitizer report or an input slower than 10 s is written to build/fuzz/findings/ and fails
# the script. To fuzz for hours, give the seconds and run it in the background, or run one
# target by hand with more processes (docs/security.md, "Fuzzing").
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(load csv template pipeline)

dir=build/fuzz
cmake -S . -B "$dir" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFACTLINE_FUZZ=ON \
  -DBUILD_TESTING=OFF >/dev/null
cmake --build "$dir" -j"$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}")

seed() {  # seed TARGET FILES...: copies the seeds into the target's corpus
  local corpus=$dir/corpus/$1
  shift
  mkdir -p "$corpus"
  cp -n "$@" "$corpus/" 2>/dev/null || true
}
facts=(samples/*.yaml tests/schema/valid/*.yaml tests/schema/invalid/*.yaml tests/golden/cases/*.yaml
       tests/layout/*.yaml tests/hostile/*.yaml)
seed load "${facts[@]}"
seed pipeline samples/*.yaml tests/golden/cases/*.yaml tests/schema/valid/*.yaml
seed template templates/*.yaml
seed csv samples/data/*.csv tests/schema/valid/*.csv tests/build/timelinejs/*.csv

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
mkdir -p "$dir/findings"
status=0
for t in "${targets[@]}"; do
  echo "== fuzz_$t for $seconds s"
  log=$dir/fuzz_$t.log
  dict=()
  [[ $t == csv ]] || dict=(-dict=fuzz/yaml.dict)
  if "$dir/fuzz/fuzz_$t" "$dir/corpus/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -max_len=65536 "${dict[@]}" -artifact_prefix="$dir/findings/$t-" -print_final_stats=1 >"$log" 2>&1; then
    grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$log" | sed 's/^/   /'
  else
    status=1
    echo "   fuzz_$t found a problem: $(ls -t "$dir/findings" | head -n 1) (log: $log)"
    grep -E 'ERROR|SUMMARY|not well-formed' "$log" | head -n 5 | sed 's/^/   /'
  fi
done
exit $status
