#!/usr/bin/env bash
# Outputs are byte-identical whatever the time zone and the locale: every sample (and a chart
# with decimals) is rendered to SVG, PNG, PDF and scene JSON under several TZ, LC_ALL, LANG and
# LANGUAGE values, with and without SOURCE_DATE_EPOCH, and compared with the run under
# TZ=UTC LC_ALL=C. Real locales with a decimal comma (de_DE) and Korean (ko_KR) are compiled
# into a temporary LOCPATH with localedef (Debian's `locales` package holds their sources).
#   usage: determinism_test.sh FACTLINE_BINARY SOURCE_DIR
set -uo pipefail
FL=$(realpath "$1")
SRC=$(realpath "$2")
source "$SRC/tests/check_lib.sh"
T=$(mktemp -d "${TMPDIR:-/tmp}/factline-determinism.XXXXXX")
trap 'rm -rf "$T"' EXIT

export LOCPATH=$T/locales
mkdir -p "$LOCPATH"
for l in de_DE ko_KR tr_TR; do
  localedef -i "$l" -f UTF-8 "$LOCPATH/$l.UTF-8" 2>/dev/null || true
done
check "the test locales compile (de_DE, ko_KR, tr_TR)" test -d "$LOCPATH/de_DE.UTF-8" -a -d "$LOCPATH/ko_KR.UTF-8"

cat >"$T/decimals.yaml" <<'YAML'
title: Decimals 1.5
locale: en
chart:
  type: line
  x: month
  series: [v]
  decimals: 2
  rows:
    - {month: 2024-01, v: 1234.5}
    - {month: 2024-02, v: 0.25}
    - {month: 2024-03, v: -98765.125}
YAML
inputs=("$SRC"/samples/*.yaml "$T/decimals.yaml")

render_all() {  # render_all DIR ENV...: every input to every format under ENV
  local dir=$1 f base
  shift
  mkdir -p "$dir"
  for f in "${inputs[@]}"; do
    base=$(basename "$f" .yaml)
    env -u SOURCE_DATE_EPOCH -u TZ -u LC_ALL -u LANG -u LANGUAGE -u LC_NUMERIC -u LC_TIME "$@" \
      "$FL" render "$f" -o "$dir/$base.svg" -o "$dir/$base.png" -o "$dir/$base.pdf" -o "$dir/$base.json" \
      2>>"$dir/stderr" || echo "failed: $base" >>"$dir/stderr"
  done
}

render_all "$T/base" TZ=UTC LC_ALL=C
check "the reference run renders every input" test ! -s "$T/base/stderr"
n=0
for setting in "TZ=Asia/Seoul LC_ALL=ko_KR.UTF-8" "TZ=America/St_Johns LC_ALL=de_DE.UTF-8" \
               "TZ=Pacific/Kiritimati LANG=tr_TR.UTF-8 LANGUAGE=tr" "TZ=Etc/GMT+12 LC_ALL=C.UTF-8" \
               "TZ=:/nonexistent LC_ALL=xx_YY.UTF-8" "LC_NUMERIC=de_DE.UTF-8 LC_TIME=ko_KR.UTF-8 LANG=ja_JP.UTF-8"; do
  n=$((n + 1))
  # shellcheck disable=SC2086
  render_all "$T/run$n" $setting
  if diff -r -q -x stderr "$T/base" "$T/run$n" >"$T/diff" && cmp -s "$T/base/stderr" "$T/run$n/stderr"; then
    pass "byte-identical under $setting"
  else
    fail "outputs differ under $setting" "$(cat "$T/diff")"
  fi
done
# SOURCE_DATE_EPOCH dates the PDF; the same epoch gives the same bytes in every zone.
render_all "$T/epoch1" TZ=UTC LC_ALL=C SOURCE_DATE_EPOCH=1700000000
render_all "$T/epoch2" TZ=Asia/Seoul LC_ALL=de_DE.UTF-8 SOURCE_DATE_EPOCH=1700000000
if diff -r -q "$T/epoch1" "$T/epoch2" >"$T/diff"; then pass "with SOURCE_DATE_EPOCH, identical across zones and locales"
else fail "with SOURCE_DATE_EPOCH, outputs differ" "$(cat "$T/diff")"; fi
finish
