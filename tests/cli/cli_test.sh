#!/usr/bin/env bash
# End-to-end tests of the factline command: outputs, determinism, exit codes, atomic writes,
# diagnostics and missing-glyph warnings. Output checks live in cli_checks.py beside this file.
#   usage: cli_test.sh FACTLINE_BINARY SOURCE_DIR
# Needs: python3, xmllint (libxml2-utils), rsvg-convert (librsvg2-bin),
#        pdfinfo/pdftoppm/pdftotext (poppler-utils), file, fc-list (fontconfig).
# Prints one line per check and ends with "N passed, M failed"; exits 1 if any check failed.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 FACTLINE_BINARY SOURCE_DIR" >&2
  exit 2
fi
FL=$(realpath "$1")
SRC=$(realpath "$2")
HERE=$(dirname "$(realpath "${BASH_SOURCE[0]}")")
SAMPLE=$SRC/samples/ai-chip-race.yaml

T=$(mktemp -d "${TMPDIR:-/tmp}/factline-cli-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
# Outputs are undated unless a check sets SOURCE_DATE_EPOCH itself.
unset SOURCE_DATE_EPOCH

PASSED=0
FAILED=0
pass() {
  PASSED=$((PASSED + 1))
  echo "ok   - $1"
}
fail() {
  FAILED=$((FAILED + 1))
  echo "FAIL - $1"
  if [[ $# -gt 1 && -n $2 ]]; then printf '%s\n' "$2" | head -n 20 | sed 's/^/       /'; fi
}
# check NAME COMMAND...: passes when COMMAND succeeds; its output is shown only on failure.
check() {
  local name=$1 out
  shift
  if out=$("$@" 2>&1); then pass "$name"; else fail "$name" "$out"; fi
}
# run ARGS...: runs factline; sets RC and leaves its output in $T/stdout and $T/stderr.
run() {
  RC=0
  "$FL" "$@" >"$T/stdout" 2>"$T/stderr" || RC=$?
}
expect_rc() {  # expect_rc NAME WANT: the last run's exit code
  if [[ $RC -eq $2 ]]; then
    pass "$1 (exit $RC)"
  else
    fail "$1: exit $RC, want $2" "$(head -c 1000 "$T/stderr")"
  fi
}
py() { python3 "$HERE/cli_checks.py" "$@"; }
absent() {
  local f
  for f; do [[ ! -e $f ]] || { echo "$f exists"; return 1; }; done
}
written() {
  local f
  for f; do [[ -s $f ]] || { echo "$f is missing or empty"; return 1; }; done
}
no_temp_files() {  # no_temp_files DIR: the atomic writer left no .NAME.tmp-XXXXXX behind
  local left
  left=$(find "$1" -name '.*.tmp-*')
  [[ -z $left ]] || { echo "left behind: $left"; return 1; }
}
stderr_empty() { [[ ! -s $T/stderr ]] || { cat "$T/stderr"; return 1; }; }
stderr_has() { grep -qE -- "$1" "$T/stderr" || { echo "stderr: $(cat "$T/stderr")"; return 1; }; }
pdf_creation_date() {  # pdf_creation_date PDF REGEX
  local info
  info=$(pdfinfo -isodates "$1") || return 1
  grep -qE "^CreationDate: +$2" <<<"$info" || { echo "$info"; return 1; }
}
is_png_file() { file "$1" | grep -q 'PNG image data' || { file "$1"; return 1; }; }

for tool in python3 xmllint rsvg-convert pdfinfo pdftoppm pdftotext file fc-list; do
  check "tool available: $tool" command -v "$tool"
done
check "sample exists" test -r "$SAMPLE"

# --- all four formats in one run, twice: byte-identical ----------------------------------------
mkdir "$T/run1" "$T/run2"
for r in run1 run2; do
  run render "$SAMPLE" -o "$T/$r/out.svg" -o "$T/$r/out.png" -o "$T/$r/out.pdf" -o "$T/$r/out.json"
  expect_rc "render the sample to .svg .png .pdf .json ($r)" 0
done
check "the sample renders without any warning (empty stderr)" stderr_empty
for ext in svg png pdf json; do
  check "a rerun gives a byte-identical .$ext" cmp "$T/run1/out.$ext" "$T/run2/out.$ext"
done
check "no temp files left after success" no_temp_files "$T/run1"
R=$T/run1

# --- PDF dated only from SOURCE_DATE_EPOCH -----------------------------------------------------
check "without SOURCE_DATE_EPOCH the PDF has no CreationDate" \
  bash -c "! pdfinfo '$R/out.pdf' | grep CreationDate"
mkdir "$T/epoch"
for i in 1 2; do
  SOURCE_DATE_EPOCH=1719705600 run render "$SAMPLE" -o "$T/epoch/dated$i.pdf"
  expect_rc "render the PDF with SOURCE_DATE_EPOCH=1719705600 (run $i)" 0
done
check "the dated PDF is identical across two runs" cmp "$T/epoch/dated1.pdf" "$T/epoch/dated2.pdf"
check "pdfinfo shows CreationDate 2024-06-30" pdf_creation_date "$T/epoch/dated1.pdf" '2024-06-30T00:00:00'
check "the dated PDF differs from the undated one only in its CreationDate" \
  py pdf_dated_only_by_date "$R/out.pdf" "$T/epoch/dated1.pdf"
# Cairo stamps local time, in a longer form outside UTC; the date must still be the given one.
TZ=KST-9 SOURCE_DATE_EPOCH=1719705600 run render "$SAMPLE" -o "$T/epoch/kst.pdf"
expect_rc "render the PDF with SOURCE_DATE_EPOCH in TZ=KST-9" 0
check "SOURCE_DATE_EPOCH is honoured outside UTC" pdf_creation_date "$T/epoch/kst.pdf" '2024-06-30T00:00:00Z'

# --- SVG ---------------------------------------------------------------------------------------
check "the SVG is well-formed (xmllint)" xmllint --noout "$R/out.svg"
check "SVG: px width/height, matching viewBox, <title>/<desc> = title/subtitle, no <text>" \
  py svg_structure "$R/out.svg" "$R/out.json" "$SAMPLE"
check "SVG ids share one prefix and every reference resolves" py svg_ids "$R/out.svg"
check "the SVG renders with rsvg-convert" rsvg-convert -o "$T/rsvg.png" "$R/out.svg"
check "rsvg-convert's image has the scene's size" py png_size "$T/rsvg.png" "$R/out.json" 1

# A second fact file, whose title and subtitle need escaping.
mkdir "$T/esc"
cat >"$T/esc/escape.yaml" <<'EOF'
title: 'Escape <script>&"'' me'
subtitle: 'a <b>bold</b> & "quoted" subtitle'
events:
  - date: 2024-01
    title: first
  - date: 2024-03
    title: second
EOF
run render "$T/esc/escape.yaml" -o "$T/esc/escape.svg" -o "$T/esc/escape.json"
expect_rc "render a fact file whose title has <script>&\"'" 0
check "that SVG is well-formed" xmllint --noout "$T/esc/escape.svg"
check "its <title> holds the escaped form and there is no raw <script>" \
  py svg_escaped_title "$T/esc/escape.svg"
check "its <title>/<desc> read back as the fact file's title/subtitle" \
  py svg_structure "$T/esc/escape.svg" "$T/esc/escape.json" "$T/esc/escape.yaml"
different_prefixes() {
  local a b
  a=$(py svg_ids "$1") && b=$(py svg_ids "$2") || { echo "$a $b"; return 1; }
  [[ $a != "$b" ]] || { echo "both use $a"; return 1; }
}
check "two different inputs give different SVG id prefixes" \
  different_prefixes "$R/out.svg" "$T/esc/escape.svg"

# --- PNG ---------------------------------------------------------------------------------------
check "file(1) calls the PNG a PNG" is_png_file "$R/out.png"
check "the PNG (default scale) has the scene's width/height" py png_size "$R/out.png" "$R/out.json" 1
mkdir "$T/scale"
run render "$SAMPLE" --scale 1 -o "$T/scale/x1.png"
expect_rc "render the PNG with --scale 1" 0
check "the PNG at --scale 1 has the scene's width/height" py png_size "$T/scale/x1.png" "$R/out.json" 1
run render "$SAMPLE" --scale 2 -o "$T/scale/x2.png"
expect_rc "render the PNG with --scale 2" 0
check "the PNG at --scale 2 has double the width/height" py png_size "$T/scale/x2.png" "$R/out.json" 2

# --- PDF ---------------------------------------------------------------------------------------
check "pdftoppm renders the PDF" pdftoppm -r 24 -png -singlefile "$R/out.pdf" "$T/pdfpage"
check "pdftoppm's page is a PNG" is_png_file "$T/pdfpage.png"
check "pdftotext extracts the Korean title" py pdf_has_title "$R/out.pdf" "$R/out.json"

# --- scene JSON --------------------------------------------------------------------------------
check "scene JSON: width, height, items, an event-title for each event 0..7" \
  py scene_events "$R/out.json" "$SAMPLE"

# --- standard input ----------------------------------------------------------------------------
mkdir "$T/stdin"
run render - -o "$T/stdin/x.svg" -o "$T/stdin/x.json" <"$SAMPLE"
expect_rc "render - reads the fact file from stdin" 0
check "stdin gives the same scene JSON as the file" cmp "$T/stdin/x.json" "$R/out.json"
check "stdin gives the same SVG as the file" cmp "$T/stdin/x.svg" "$R/out.svg"

# --- exit codes and failed runs ----------------------------------------------------------------
E=$T/errors
mkdir "$E"
run render "$E/no-such-file.yaml" -o "$E/missing.svg"
expect_rc "missing input file" 2
check "missing input: a message on stderr" stderr_has 'no-such-file\.yaml'
check "missing input: no output" absent "$E/missing.svg"

run render "$SAMPLE" -o "$E/out.gif"
expect_rc "unknown output extension .gif" 2
check "unknown extension: no file written" absent "$E/out.gif"
run render "$SAMPLE" -o "$E/ok.svg" -o "$E/also.gif"
expect_rc "a good and an unknown output extension" 2
check "unknown extension among others: nothing written" absent "$E/ok.svg" "$E/also.gif"

run render "$SAMPLE"
expect_rc "no -o" 2

BAD_LINE='  - date: someday'
printf 'title: Bad dates\nevents:\n  - date: 2024-01\n    title: fine\n%s\n    title: broken\n' \
  "$BAD_LINE" >"$E/bad.yaml"
run render "$E/bad.yaml" -o "$E/bad.svg" -o "$E/bad.png"
expect_rc "invalid fact file (a bad date)" 1
check "invalid input: file:line:col: error:, source line, caret, hint: on stderr" \
  py diagnostic "$T/stderr" "$E/bad.yaml" 5 "$BAD_LINE" someday
check "invalid input: no output file created" absent "$E/bad.svg" "$E/bad.png"

printf 'junk, not an SVG\n' >"$E/out.svg"
cp "$E/out.svg" "$E/junk.orig"
run render "$E/bad.yaml" -o "$E/out.svg"
expect_rc "invalid fact file over an existing output" 1
check "an existing output is left byte-identical when the run fails" cmp "$E/out.svg" "$E/junk.orig"

run render "$SAMPLE" -o "$E/no-such-dir/out.svg"
expect_rc "output under a non-existent folder" 2
check "unwritable output: a message on stderr" stderr_has 'no-such-dir'
run render "$SAMPLE" -o "$E/out.svg" -o "$E/no-such-dir/out.png"
expect_rc "one writable and one unwritable output" 2
check "a run that cannot write every output changes none" cmp "$E/out.svg" "$E/junk.orig"
check "no temp files left after failed runs" no_temp_files "$E"

run --help
expect_rc "--help" 0
check "--help prints usage naming the render command" grep -q render "$T/stdout"
run render --help
expect_rc "render --help" 0
run --version
expect_rc "--version" 0
VERSION=$(sed -n 's/^project(factline VERSION \([0-9.]*\).*/\1/p' "$SRC/CMakeLists.txt")
check "--version prints \"factline $VERSION\"" grep -qx "factline $VERSION" "$T/stdout"

# --- characters no font can draw ---------------------------------------------------------------
# What factline sees: the system fonts plus the bundled ones (Pretendard has private-use glyphs,
# U+E000 among them).
cat >"$T/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>$SRC/fonts</dir>
  <cachedir>$T/fontconfig-cache</cachedir>
</fontconfig>
EOF
CP=
for c in E000 F8FF F0000 10FFFD; do
  if [[ $(fc-list ":charset=$c" | wc -l) -eq 0 &&
        $(FONTCONFIG_FILE=$T/fonts.conf fc-list ":charset=$c" | wc -l) -eq 0 ]]; then
    CP=$c
    break
  fi
done
if [[ -n $CP ]]; then
  pass "found a code point no installed or bundled font has: U+$CP"
else
  fail "every candidate code point (E000 F8FF F0000 10FFFD) has a font"
  CP=10FFFD
fi
G=$T/glyph
mkdir "$G"
py write_tofu "$G/tofu.yaml" "$CP"
run render "$G/tofu.yaml" -o "$G/tofu.svg" -o "$G/tofu.pdf"
expect_rc "a title with U+$CP renders" 0
check "U+$CP: the outputs are written" written "$G/tofu.svg" "$G/tofu.pdf"
check "U+$CP: a warning naming U+$CP, the text and file:line of the title" \
  stderr_has "^$G/tofu\.yaml:2:[0-9]+: warning: .*U\+$CP.*Tofu"
run render --strict "$G/tofu.yaml" -o "$G/strict.svg"
expect_rc "a title with U+$CP and --strict" 1
check "--strict: the warning is printed" stderr_has "U\+$CP"
check "--strict: nothing written" absent "$G/strict.svg"
run render --strict "$SAMPLE" -o "$G/sample.svg"
expect_rc "the sample with --strict" 0
check "the sample with --strict: no warning" stderr_empty
check "no temp files left after the glyph runs" no_temp_files "$G"

echo "$PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]
