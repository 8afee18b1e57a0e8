#!/usr/bin/env bash
# Installs what factline needs to build, test and render, all from Debian 12 packages.
# Does nothing when everything is already installed. --bench adds the benchmark's peers. Runs apt-get as root, or through sudo.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake make pkg-config
  # libraries (README, "Dependencies")
  libcairo2-dev libpango1.0-dev libharfbuzz-dev libfontconfig-dev libyaml-dev
  libyaml-cpp-dev libcli11-dev nlohmann-json3-dev zlib1g-dev doctest-dev libcsv-dev libxxhash-dev libxml2-dev
  # fallback fonts for what the bundled Pretendard lacks: Hanja and kana, emoji
  fonts-noto-cjk fonts-noto-color-emoji
  # the tests check outputs with these
  librsvg2-bin poppler-utils libxml2-utils file python3 python3-yaml python3-jsonschema
  # the browser test: the report page in headless Chromium, its pixels compared
  chromium chromium-driver python3-selenium python3-numpy python3-pil
  # the package test builds a consumer project with both generators; docs/ci.md's hooks and
  # completion are run by pre-commit and bash-completion
  ninja-build git pre-commit bash-completion
  # the hardening test holds a write open with strace to send a signal in the middle; the
  # limits test measures time and memory with /usr/bin/time (prlimit is util-linux, essential)
  strace time
  # the determinism test compiles de_DE, ko_KR and tr_TR from their sources with localedef
  locales tzdata
  # the fuzz targets (scripts/fuzz.sh): clang with libFuzzer and its sanitizers
  clang libfuzzer-14-dev
)

# bench/peers.sh's peers, only with --bench (a benchmark is no part of building or testing):
# Graphviz, gnuplot and matplotlib draw the same labels as the sample; valgrind counts instructions.
if [ "${1:-}" = "--bench" ]; then
  packages+=(graphviz gnuplot-nox python3-matplotlib valgrind time)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
