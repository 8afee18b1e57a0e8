#!/usr/bin/env bash
# The installable package: `cmake --install` into a prefix inside the build tree, the installed
# factline working from there (moved, too: nothing points back at the source tree), and a
# consumer project (tests/package/consumer) that finds the package, renders through
# factline_add_chart and re-renders exactly what changed: the fact file, the CSV it reads, its
# template; nothing when nothing changed. With Ninja and with Makefiles.
#   usage: package_test.sh BUILD_DIR SOURCE_DIR [sanitize]
set -euo pipefail
BUILD=$(realpath "$1")
SRC=$(realpath "$2")
SANITIZE=${3:-}
T=$BUILD/package-test  # kept between runs: the install copies only what changed
PREFIX=$T/prefix
source "$(dirname "${BASH_SOURCE[0]}")/../check_lib.sh"
mkdir -p "$T"
rm -rf "$T/consumer" "$T/moved"

check "cmake --install into a prefix" cmake --install "$BUILD" --prefix "$PREFIX"
for f in bin/factline include/factline/api/factline.hpp include/factline/scene/scene.hpp \
         lib/libfactline_api.a lib/cmake/factline/factlineConfig.cmake \
         lib/cmake/factline/factlineConfigVersion.cmake lib/cmake/factline/FactlineChart.cmake \
         share/factline/fonts/Pretendard-Regular.otf share/factline/templates/news.yaml \
         share/man/man1/factline.1 share/bash-completion/completions/factline; do
  check "installed: $f" test -s "$PREFIX/$f"
done
check "the installed factline holds no path to the source tree's fonts or templates" \
  bash -c "! grep -qaE '$SRC/(fonts|templates)' '$PREFIX/bin/factline'"

# The installed command finds its fonts and templates beside itself, also once moved.
cp -r "$PREFIX" "$T/moved"
check "the moved install renders (fonts and templates found relative to itself)" \
  "$T/moved/bin/factline" render "$SRC/samples/ai-chip-race.yaml" --template minimal --strict -o "$T/moved.png"
check "the moved install lists the templates" bash -c "'$T/moved/bin/factline' templates | grep -q '^news (default)'"
rm -rf "$T/moved"

mtime() { stat -c %Y.%y "$1"; }
# consumer GENERATOR NAME [cmake options...]: configure, build, then edit and rebuild.
consumer() {
  local gen=$1 name=$2
  shift 2
  local C=$T/consumer/$name S=$T/consumer/$name-src
  mkdir -p "$C"
  cp -r "$SRC/tests/package/consumer" "$S"
  check "$name: the consumer configures (find_package(factline))" \
    cmake -S "$S" -B "$C" -G "$gen" -DCMAKE_PREFIX_PATH="$PREFIX" "$@"
  check "$name: the consumer builds" cmake --build "$C"
  check "$name: factline_add_chart rendered every output" \
    test -s "$C/charts/chart.svg" -a -s "$C/charts/chart.png" -a -s "$C/charts/timeline.svg"
  local chart timeline log
  build_and_log() { log=$(cmake --build "$C" 2>&1); }
  snap() { chart=$(mtime "$C/charts/chart.svg"); timeline=$(mtime "$C/charts/timeline.svg"); }
  rendered() {  # rendered CHART TIMELINE: which were rendered again (yes/no each)
    local c=no t=no
    [[ $(mtime "$C/charts/chart.svg") != "$chart" ]] && c=yes
    [[ $(mtime "$C/charts/timeline.svg") != "$timeline" ]] && t=yes
    [[ $c == "$1" && $t == "$2" ]] || { echo "chart rendered again: $c, timeline: $t"; echo "$log"; return 1; }
  }
  snap
  sleep 0.01
  build_and_log
  check "$name: a second build renders nothing" rendered no no
  printf 'year,sales\n2022,10\n2023,14\n2024,25\n' >"$S/facts/data/sales.csv"
  build_and_log
  check "$name: editing the CSV re-renders the chart that reads it, only" rendered yes no
  snap
  sed -i 's/title: Sales/title: Sales by year/' "$S/facts/chart.yaml"
  build_and_log
  check "$name: editing the fact file re-renders its chart, only" rendered yes no
  snap
  printf 'extends: dark\ndescription: the house look\n' >"$S/facts/looks/house.yaml"
  build_and_log
  check "$name: editing a template re-renders the chart that uses it, only" rendered no yes
  snap
  build_and_log
  check "$name: then nothing again" rendered no no
  if [[ -x $C/use_library ]]; then
    check "$name: a program linked to the installed library renders" "$C/use_library"
  fi
}
sanitize_flags=()
if [[ $SANITIZE == sanitize ]]; then
  sanitize_flags=(-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined)
fi
if command -v ninja >/dev/null; then
  consumer Ninja ninja -DUSE_LIBRARY=ON "${sanitize_flags[@]}"
else
  fail "ninja is installed (scripts/deps.sh installs ninja-build)"
fi
consumer "Unix Makefiles" make

finish
