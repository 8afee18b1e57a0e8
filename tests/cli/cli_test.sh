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
py() { /usr/bin/python3 "$HERE/cli_checks.py" "$@"; }
absent() {
  local f
  for f; do [[ ! -e $f ]] || { echo "$f exists"; return 1; }; done
}
written() {
  local f
  for f; do [[ -s $f ]] || { echo "$f is missing or empty"; return 1; }; done
}
no_temp_files() {  # no_temp_files DIR: the atomic writer left no .fl-XXXXXX behind
  local left
  left=$(find "$1" -name '.fl-*')
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

for tool in /usr/bin/python3 xmllint rsvg-convert pdfinfo pdftoppm pdftotext file fc-list; do
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
check "--help names the check command" grep -qE "^ +check +" "$T/stdout"
run render --help
expect_rc "render --help" 0
run --version
expect_rc "--version" 0
VERSION=$(sed -n 's/^project(factline VERSION \([0-9.]*\).*/\1/p' "$SRC/CMakeLists.txt")
check "--version prints \"factline $VERSION\"" grep -qx "factline $VERSION" "$T/stdout"

# --- factline check ---------------------------------------------------------------------------
C=$T/check
mkdir "$C"
run check "$SAMPLE"
expect_rc "check the sample" 0
check "check the sample: empty stderr" stderr_empty
check "check the sample: empty stdout" test ! -s "$T/stdout"
run check "$SAMPLE" "$SAMPLE"
expect_rc "check the sample twice in one run" 0

# Five mistakes, one diagnostic each.
cat >"$C/mistakes.yaml" <<'EOF'
title: Many mistakes
width: 1200px
as_of: 2024-02-30
events:
  - date: 2024-01
    start: 2024-02
    title: both date and start
  - start: 2024-01
    end: 2023-05
    title: ends before it starts
    link: ftp://example.com/
EOF
MISTAKES=(2:8 3:16 6:5 9:10 11:11)
run check "$C/mistakes.yaml"
expect_rc "check a file with five mistakes" 1
check "check: one error per mistake, at its line:column" py error_positions "$T/stderr" "$C/mistakes.yaml" "${MISTAKES[@]}"
check "check: writes nothing on stdout" test ! -s "$T/stdout"
printf 'title: t\nevents:\n  - start: 2024-01\n    end: 2023-05\n    title: x\n' >"$C/span.yaml"
run check "$C/span.yaml"
expect_rc "check a span that ends before it starts" 1
check "check: file:line:col: error:, the source line, a caret under the end, a hint" \
  py diagnostic "$T/stderr" "$C/span.yaml" 4 "    end: 2023-05" 2023-05
check "check: the span message names both dates" stderr_has 'the span ends \(2023-05\) before it starts \(2024-01\)'

run check --diagnostics=json "$C/mistakes.yaml"
expect_rc "check --diagnostics=json on the five mistakes" 1
check "--diagnostics=json: one JSON object per line, keys file line column severity message hint" \
  py json_diagnostics "$T/stderr" "$C/mistakes.yaml" "${MISTAKES[@]}"
run check --diagnostics json "$SAMPLE"
expect_rc "check --diagnostics json (space) on the sample" 0
check "--diagnostics=json on a clean file: empty stderr" stderr_empty

printf 'title: 한글 제목\nevents:\n  - date: 지난해\n    title: 사건\n' >"$C/korean.yaml"
run check --diagnostics=json "$C/korean.yaml"
expect_rc "check --diagnostics=json on a Korean file with a bad date" 1
check "--diagnostics=json keeps Korean as UTF-8" py json_diagnostics "$T/stderr" "$C/korean.yaml" 3:11
check "--diagnostics=json: the message quotes the date" stderr_has '"message":"cannot read \\"지난해\\" as a date"'

run check "$C/no-such-file.yaml"
expect_rc "check a missing file" 2
check "check a missing file: a message naming it" stderr_has 'cannot read "[^"]*no-such-file\.yaml"'
run check --diagnostics=json "$C/no-such-file.yaml"
expect_rc "check --diagnostics=json on a missing file" 2
check "--diagnostics=json: a missing file is a JSON object with no position" \
  py json_diagnostics "$T/stderr" "$C/no-such-file.yaml" -

run check "$SAMPLE" "$C/mistakes.yaml" "$SAMPLE"
expect_rc "check three files, one of them bad" 1
check "check several files: only the bad one's errors" py error_positions "$T/stderr" "$C/mistakes.yaml" "${MISTAKES[@]}"
check "check several files: nothing about the good ones" bash -c "! grep -q ai-chip-race '$T/stderr'"
run check "$C/mistakes.yaml" "$C/no-such-file.yaml" "$SAMPLE"
expect_rc "check a bad, a missing and a good file (I/O wins)" 2
check "check goes on after a missing file" py error_positions "$T/stderr" "$C/mistakes.yaml" "${MISTAKES[@]}"

RC=0
"$FL" check - <"$C/mistakes.yaml" >"$T/stdout" 2>"$T/stderr" || RC=$?
expect_rc "check - reads standard input" 1
check "check -: diagnostics name -" py error_positions "$T/stderr" - "${MISTAKES[@]}"

run check
expect_rc "check without a file" 2
run check --diagnostics=xml "$SAMPLE"
expect_rc "check --diagnostics=xml" 2
run check --help
expect_rc "check --help" 0
check "check --help names --diagnostics and --strict" bash -c "grep -q -- --diagnostics '$T/stdout' && grep -q -- --strict '$T/stdout'"

run render --diagnostics=json "$C/mistakes.yaml" -o "$C/mistakes.svg"
expect_rc "render --diagnostics=json on the five mistakes" 1
check "render --diagnostics=json: the same JSON diagnostics" \
  py json_diagnostics "$T/stderr" "$C/mistakes.yaml" "${MISTAKES[@]}"
check "render --diagnostics=json: nothing written" absent "$C/mistakes.svg"
run render --diagnostics=json "$C/no-such-file.yaml" -o "$C/x.svg"
expect_rc "render --diagnostics=json on a missing file" 2
check "render --diagnostics=json: a missing file is a JSON object" \
  py json_diagnostics "$T/stderr" "$C/no-such-file.yaml" -

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
run render --strict "$G/tofu.yaml" -o "$G/strict.svg"
check "--strict: the warning that fails the run is printed as an error, at the character" \
  bash -c "grep -qE '^$G/tofu\.yaml:2:13: error: .*U\+$CP' '$T/stderr' && ! grep -q ': warning: ' '$T/stderr'"
# In orientation auto both layouts shape the event's title: its warning is printed once.
/usr/bin/python3 -c 'import sys; open(sys.argv[1], "w", encoding="utf-8").write(
  "title: t\nevents:\n  - date: 2024-05\n    title: \"a " + chr(int(sys.argv[2], 16)) + " b\"\n")' "$G/event.yaml" "$CP"
run render "$G/event.yaml" -o "$G/event.svg"
check "a character in an event title: one warning, at the character" \
  bash -c "[[ \$(grep -c ': warning: ' '$T/stderr') -eq 1 ]] && grep -qE '^$G/event\.yaml:4:15: warning: .*U\+$CP' '$T/stderr'"
run check "$G/tofu.yaml"
expect_rc "check: a title with U+$CP passes with a warning" 0
check "check lays the text out: the warning is printed" stderr_has "tofu\.yaml:2:13: warning: .*U\+$CP"
run check --strict "$G/tofu.yaml"
expect_rc "check --strict fails where render --strict does" 1
check "check --strict: printed as an error" stderr_has "tofu\.yaml:2:13: error: .*U\+$CP"
run check --strict --syntax-only "$G/tofu.yaml"
expect_rc "check --strict --syntax-only: the file alone is clean" 0
check "no temp files left after the glyph runs" no_temp_files "$G"

# Level of detail: --max-hidden fails the run when more events than allowed have no label.
L=$T/detail
mkdir "$L"
/usr/bin/python3 "$SRC/bench/gen_events.py" 300 csv "$L/dense.yaml"
run render "$L/dense.yaml" -o "$L/dense.json" --max-hidden 100000
expect_rc "300 events from CSV at a level of detail" 0
check "the scene JSON says how each event was placed" \
  /usr/bin/python3 -c "import json,sys; d=json.load(open('$L/dense.json'))['detail']; sys.exit(not (d['events'] == 300 and d['labelled'] + d['clustered'] + d['counted'] == 300 and len(d['status']) == 300))"
run render "$L/dense.yaml" -o "$L/strict.json" --max-hidden 3
expect_rc "--max-hidden 3 with hundreds hidden" 1
check "--max-hidden: the error says how many are hidden" stderr_has "error: [0-9]+ of 300 events have no label of their own"
check "--max-hidden: nothing written" absent "$L/strict.json"

run frobnicate
expect_rc "an unknown command is a usage error" 2
check "an unknown command says so and lists the commands" \
  stderr_has '^factline: unknown command "frobnicate"; the commands are render, check, build, watch, import, templates'


# Templates (docs/templates.md): the list, --template for render and check, and a template's
# own mistakes reported in its own file with its line shown.
M=$T/templates
mkdir "$M"
run templates
expect_rc "templates" 0
check "templates lists the four built-ins, news as the default" \
  bash -c "grep -qE '^news \(default\) +.+' '$T/stdout' && [[ \$(wc -l <'$T/stdout') -eq 4 ]] && grep -q '^print ' '$T/stdout'"
run render "$SAMPLE" --template dark -o "$M/dark.svg" -o "$M/dark.json"
expect_rc "render --template dark" 0
run render "$SAMPLE" -o "$M/news.svg" -o "$M/news.json"
check "--template dark: the same scene as news (it changes colours only), a different picture" \
  bash -c "cmp '$M/news.json' '$M/dark.json' && ! cmp -s '$M/news.svg' '$M/dark.svg'"
run render "$SAMPLE" --template nosuch -o "$M/nosuch.svg"
expect_rc "render --template nosuch" 2
check "--template nosuch: nothing written" absent "$M/nosuch.svg"
printf 'extends: news\naxis: "#ggg"\n' >"$M/bad.yaml"
run check "$SAMPLE" --template "$M/bad.yaml"
expect_rc "check with a broken template" 1
check "the template's mistake at its file:line:col, with its line" \
  bash -c "grep -q '^$M/bad.yaml:2:7: error: \"#ggg\" is not a colour' '$T/stderr' && grep -q 'axis: \"#ggg\"' '$T/stderr'"

# Charts and composite pages (docs/charts.md): every chart sample renders to all four formats,
# twice byte-identical, without a warning; CSV mistakes are errors at the CSV's own line and
# column, and nothing is written.
C=$T/charts
mkdir -p "$C/a" "$C/b"
for name in korea-chip-exports nvidia-revenue ai-chip-page; do
  for r in a b; do
    run render "$SRC/samples/$name.yaml" -o "$C/$r/$name.svg" -o "$C/$r/$name.png" -o "$C/$r/$name.pdf" \
      -o "$C/$r/$name.json"
    expect_rc "render samples/$name.yaml ($r)" 0
  done
  check "$name renders without any warning" stderr_empty
  for ext in svg png pdf json; do
    check "$name: a rerun gives a byte-identical .$ext" cmp "$C/a/$name.$ext" "$C/b/$name.$ext"
  done
  check "$name: the SVG is well-formed" xmllint --noout "$C/a/$name.svg"
  check "$name: the SVG renders with rsvg-convert" rsvg-convert -o "$C/$name-rsvg.png" "$C/a/$name.svg"
done
mkdir -p "$C/story/data"
printf '날짜,값\n2024-01,1\n2024-02,n/a\n2024-03,3\n' >"$C/story/data/d.csv"
printf 'title: t\nchart:\n  type: line\n  data: data/d.csv\n  x: 날짜\n  series: [값]\n' >"$C/story/bad.yaml"
run check "$C/story/bad.yaml"
expect_rc "check a chart whose CSV has a cell that is not a number" 1
check "the bad cell at the CSV's file:line:col, with its line" \
  bash -c "grep -q '^$C/story/data/d.csv:3:9: error: \"n/a\" is not a number' '$T/stderr' && grep -q '2024-02,n/a' '$T/stderr'"
run render "$C/story/bad.yaml" -o "$C/story/bad.svg"
expect_rc "render that chart" 1
check "the chart with a bad cell: nothing written" absent "$C/story/bad.svg"
printf 'x\n' >"$C/outside.csv"
printf 'title: t\nchart:\n  type: line\n  data: ../outside.csv\n  x: 날짜\n  series: [값]\n' >"$C/story/out.yaml"
run check "$C/story/out.yaml"
expect_rc "check a chart whose data path leaves the fact file's folder" 1
check "the path's error at the fact file's line and column" \
  stderr_has "^$C/story/out.yaml:4:9: error: the data path \"../outside.csv\" leaves the fact file's folder"

# Template paths (docs/security.md): a template is read only from the fact file's folder tree,
# the built-in templates and --template-dir / FACTLINE_TEMPLATE_PATH folders; anything else is
# refused without being opened, and no diagnostic quotes a file that is not a template.
S=$T/security
mkdir -p "$S/repo/stories/looks" "$S/outside" "$S/themes" "$S/out"
SECRET_KEY=AKIAFAKEFAKEFAKE1234
SECRET_VALUE=fakeSECRETfakeSECRETfake
printf 'aws_access_key_id: %s\naws_secret_access_key: %s\n' "$SECRET_KEY" "$SECRET_VALUE" >"$S/outside/creds.yaml"
ln -s ../../outside/creds.yaml "$S/repo/stories/link.yaml"
printf 'password: hunter2\n' >"$S/repo/stories/notes.yaml"
printf 'extends: news\naxis: "#654321"\n' >"$S/themes/brand.yaml"
facts_with_template() {  # facts_with_template FILE TEMPLATE
  printf 'title: t\ntemplate: "%s"\nevents:\n  - date: 2024\n    title: x\n' "$2" >"$1"
}
no_leak() {  # no_leak: neither the fake keys, nor /etc/passwd's or notes.yaml's lines in the output
  ! grep -qE "$SECRET_KEY|$SECRET_VALUE|root:|hunter2" "$T/stdout" "$T/stderr" || { cat "$T/stderr"; return 1; }
}
json_lines() {  # json_lines: stderr is JSON objects, one a line
  /usr/bin/python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$T/stderr" || { cat "$T/stderr"; return 1; }
}
for case in "../../etc/passwd:outside" "/etc/shadow:outside" "../../outside/creds.yaml:outside" "link.yaml:link"; do
  written=${case%:*}
  want="is outside the folders templates are read from"
  [[ ${case##*:} == link ]] && want="leads out of the folders templates are read from through a symbolic link"
  facts_with_template "$S/repo/stories/facts.yaml" "$written"
  for cmd in check render; do
    for format in human json; do
      out=()
      [[ $cmd == render ]] && out=(-o "$S/out/x.svg")
      run "$cmd" --diagnostics=$format "$S/repo/stories/facts.yaml" "${out[@]}"
      expect_rc "template: $written ($cmd, $format)" 1
      check "template: $written ($cmd, $format): refused, naming the path" \
        stderr_has "[\\]?\"${written//./\\.}[\\]?\" $want"
      check "template: $written ($cmd, $format): no line of any file outside is shown" no_leak
      [[ $format == json ]] && check "template: $written ($cmd): clean JSON lines" json_lines
    done
  done
done
check "refused templates: nothing written" absent "$S/out/x.svg"
facts_with_template "$S/repo/stories/facts.yaml" notes.yaml
run check "$S/repo/stories/facts.yaml"
expect_rc "template: a YAML file inside the tree that is no template" 1
check "its errors name it but quote none of its lines" bash -c "grep -q 'notes.yaml:1:1: error: unknown key' '$T/stderr' && ! grep -q hunter2 '$T/stderr'"
facts_with_template "$S/repo/stories/facts.yaml" ../../themes/brand.yaml
run render "$S/repo/stories/facts.yaml" -o "$S/out/brand.json"
expect_rc "a template in a folder not given" 1
run render "$S/repo/stories/facts.yaml" --template-dir "$S/themes" -o "$S/out/brand.json"
expect_rc "the same template with --template-dir" 0
facts_with_template "$S/repo/stories/facts.yaml" brand
FACTLINE_TEMPLATE_PATH="/nonexistent::$S/themes" run check "$S/repo/stories/facts.yaml"
expect_rc "a template by name from FACTLINE_TEMPLATE_PATH" 0
run check "$S/repo/stories/facts.yaml"
expect_rc "the same name without FACTLINE_TEMPLATE_PATH" 1
check "an unknown name is reported as one" stderr_has 'unknown template "brand"'
run templates --template-dir "$S/themes"
expect_rc "templates --template-dir" 0
check "templates lists the folder's template too" grep -q '^brand ' "$T/stdout"
run check "$S/repo/stories/facts.yaml" --template-dir "$S/no-such-folder"
expect_rc "--template-dir naming no folder" 2
RC=0
(cd "$S/repo/stories" && "$FL" check - <facts.yaml >"$T/stdout" 2>"$T/stderr") || RC=$?
expect_rc "standard input: a template by name needs its folder given" 1
RC=0
(cd "$S/repo/stories" && "$FL" check --template-dir "$S/themes" - <facts.yaml >"$T/stdout" 2>"$T/stderr") || RC=$?
expect_rc "standard input with --template-dir" 0

# Strings are checked after YAML's escapes are decoded (docs/security.md): each of these is an
# error at the string naming the code point, standard error holds JSON lines only (Pango and
# GLib never print), and nothing is written.
X=$T/escapes
mkdir -p "$X"
for case in 'uFFFF:U\+FFFF' 'uFFFE:U\+FFFE' 'N:U\+0085' '_:U\+00A0' '0:U\+0000' 'x04:U\+0004' 'e:U\+001B' \
            'u200B\u200B:U\+200B' 'u202Eabc:U\+202E'; do
  esc=${case%%:*}
  printf 'title: "\\%s"\nevents:\n  - date: 2024\n    title: "x\\%s"\n' "$esc" "$esc" >"$X/e.yaml"
  run render --diagnostics=json "$X/e.yaml" -o "$X/e.svg" -o "$X/e.pdf" -o "$X/e.png"
  expect_rc "title \"\\$esc\"" 1
  check "title \"\\$esc\": JSON lines only on stderr" json_lines
  check "title \"\\$esc\": the error is at the title and names ${case#*:}" stderr_has "\"line\":1,.*${case#*:}"
  check "title \"\\$esc\": nothing written" absent "$X/e.svg" "$X/e.pdf" "$X/e.png"
done
printf 'title: "10\\_km\\tand\\nmore"\nevents:\n  - date: 2024\n    title: "a\\_b"\n' >"$X/ok.yaml"
run render --diagnostics=json "$X/ok.yaml" -o "$X/ok.svg" -o "$X/ok.pdf" -o "$X/ok.png"
expect_rc "a title with \\_ (no-break space), a tab and a line break" 0
check "that title: nothing on standard error" stderr_empty
check "that title: the SVG is well-formed" xmllint --noout "$X/ok.svg"
check "that title: the SVG's <title> holds U+00A0 as UTF-8" grep -q $'10\xc2\xa0km' "$X/ok.svg"

echo "$PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]
