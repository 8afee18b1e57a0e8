#!/usr/bin/env bash
# The command against a careless or hostile caller (docs/security.md): inputs that are not
# files, error paths, and the atomic writes under signals, links and full disks.
#   usage: hardening_test.sh FACTLINE_BINARY SOURCE_DIR [sanitize]
# Under AddressSanitizer (third argument) memory is not limited with ulimit -v (ASan reserves
# terabytes of address space).
# Every command runs under `timeout`, so a hang is a failure, not a stuck test.
# Prints one line per check and ends with "N passed, M failed"; exits 1 if any check failed.
set -uo pipefail
FL=$(realpath "$1")
SRC=$(realpath "$2")
memory_limit=400000  # KiB of address space for the standard-input reads
[[ ${3:-} == sanitize ]] && memory_limit=unlimited
source "$SRC/tests/check_lib.sh"
SAMPLE=$SRC/samples/ai-chip-race.yaml
T=$(mktemp -d "${TMPDIR:-/tmp}/factline-hardening.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$T"

# expect NAME STATUS PATTERN ARGS...: factline ARGS exits with STATUS within 10 s, and its
# standard error matches PATTERN (grep -E).
expect() {
  local name=$1 want=$2 pattern=$3 rc=0
  shift 3
  timeout 10 "$FL" "$@" >"$T/stdout" 2>"$T/err" </dev/null || rc=$?
  if [[ $rc -ne $want ]]; then
    fail "$name: exit $rc, want $want" "$(head -c 600 "$T/err")"
  elif [[ -n $pattern ]] && ! grep -qE -- "$pattern" "$T/err"; then
    fail "$name: no \"$pattern\"" "$(head -c 600 "$T/err")"
  else
    pass "$name"
  fi
}

## Inputs that are not fact files
mkdir folder
mkfifo fifo
expect "a folder as input" 2 'cannot read "folder": it is a folder' render folder -o a.svg
expect "a folder to check" 2 'it is a folder' check folder
expect "a FIFO with no writer is refused, not waited on" 2 'not a regular file' render fifo -o a.svg
expect "/dev/zero by name" 2 'not a regular file' render /dev/zero -o a.svg
expect "/dev/urandom by name" 2 'not a regular file' check /dev/urandom
check "nothing written for them" test ! -e a.svg

# Standard input is read in chunks and stops one byte past 16 MiB: memory stays bounded.
rc=0
(ulimit -v "$memory_limit"; timeout 10 "$FL" render - -o a.svg </dev/zero) 2>err || rc=$?
if [[ $rc -eq 1 ]] && grep -q 'standard input is larger than 16 MiB' err; then pass "/dev/zero on standard input stops at 16 MiB"
else fail "/dev/zero on standard input: exit $rc" "$(cat err)"; fi
rc=0
(ulimit -v "$memory_limit"; timeout 10 "$FL" check - </dev/urandom) 2>err || rc=$?
if [[ $rc -eq 1 ]] && grep -q 'larger than 16 MiB' err; then pass "/dev/urandom on standard input stops at 16 MiB"
else fail "/dev/urandom on standard input: exit $rc" "$(cat err)"; fi
rc=0
timeout 10 "$FL" check - <"$SAMPLE" 2>err || rc=$?
if [[ $rc -eq 0 ]]; then pass "a pipe on standard input still works"; else fail "standard input: exit $rc" "$(cat err)"; fi

## Font folders: a bounded walk
expect "--font-dir /proc is refused quickly" 2 'kernel file system' render "$SAMPLE" --font-dir /proc -o a.svg
expect "--font-dir /sys is refused quickly" 2 'kernel file system' render "$SAMPLE" --font-dir /sys -o a.svg
expect "--font-dir / stops at the entry limit" 2 'more than [0-9]+ files and folders' render "$SAMPLE" --font-dir / -o a.svg
expect "--font-dir of a file" 2 'not a folder' render "$SAMPLE" --font-dir "$SAMPLE" -o a.svg
expect "build --font-dir /proc" 2 'kernel file system' build "$SRC/samples" --font-dir /proc -o out
check "nothing written for them" test ! -e a.svg -a ! -e out

## Error paths
for scale in nan NaN inf -inf 1e999 0.05 9 x; do
  expect "--scale $scale is refused" 2 'a number from 0.1 to 8' render "$SAMPLE" --scale "$scale" -o a.png
done
check "nothing written for them" test ! -e a.png

# A file name can hold any byte but / and NUL: a newline followed by "::error::" would be a fake
# CI annotation, an escape sequence would rewrite the log. Every message escapes them.
evil=$'evil\n::error file=x::pwned\e[2J.yaml'
printf 'title: t\nevents: 3\n' >"$evil"
no_raw_name() {  # the last run's standard error and output show the name only escaped
  ! grep -q '^::error' "$T/err" "$T/stdout" && ! grep -q $'\e' "$T/err" "$T/stdout" && grep -q 'evil\\u{A}::error' "$T/err" "$T/stdout"
}
named() {  # named WHAT ARGS...: factline ARGS prints the evil name only escaped
  local what=$1
  shift
  timeout 10 "$FL" "$@" >"$T/stdout" 2>"$T/err" </dev/null
  if no_raw_name; then pass "$what: a control character in a file name is escaped"
  else fail "$what: the name is printed raw" "$(cat -A "$T/err" "$T/stdout" | head -5)"; fi
}
named render render "$evil" -o a.svg
named check check "$evil"
named "an output" render "$evil" -o "$evil.svg"
named "build --list" build "$evil" -o out --list
named import import "$evil" -o x.yaml
cp "$SAMPLE" "$evil"
expect "a depfile cannot name a file with a line break" 2 'Make cannot read a control character' \
  render "$evil" -o dep.svg --depfile deps.d
check "  and is not written" test ! -e deps.d
expect "build --depfile the same" 2 'Make cannot read a control character' build "$evil" -o dep-out --depfile deps.d
check "  and is not written" test ! -e deps.d
timeout 10 "$FL" render "nowhere$evil" -o a.svg >"$T/stdout" 2>"$T/err"
if no_raw_name; then pass "a missing file's name is escaped"; else fail "a missing file's name is printed raw" "$(cat -A "$T/err")"; fi
timeout 10 "$FL" render "$SAMPLE" --scale "1$evil" -o a.svg >"$T/stdout" 2>"$T/err"
if no_raw_name; then pass "a bad option value is escaped"; else fail "a bad option value is printed raw" "$(cat -A "$T/err")"; fi
rm -f "$evil"

printf 'title: t\nwidth: 0.5\nevents:\n  - date: 2024\n    title: x\n' >small.yaml
expect "width: 0.5 is an error at its value" 1 'small.yaml:2:8: error: width must be at least 100 px' render small.yaml -o a.png
printf 'title: t\nchart:\n  type: line\n  x: k\n  series: [v]\n  rows:\n    - {k: 2020, v: 1}\n    - {k: 2021, v: -1e308}\n' >huge.yaml
expect "a chart value of -1e308 is an error at the value" 1 'huge.yaml:8:20: error: "-1e308" is beyond ±10\^15' render huge.yaml -o a.svg
check "nothing written for them" test ! -e a.png -a ! -e a.svg

## Atomic writes
cp "$SAMPLE" in.yaml
cp in.yaml keep.yaml
ln in.yaml hard.svg
ln -s in.yaml soft.svg
cp in.yaml same.svg
expect "the output is the input" 2 'is the input' render same.svg -o other.svg -o same.svg
expect "the output is a hard link to the input" 2 'is the input "in.yaml" \(by a link\)' render in.yaml -o hard.svg
expect "the output is a symbolic link to the input" 2 'is the input' render in.yaml -o soft.svg
mkdir b && cp in.yaml b/x.yaml && ln b/x.yaml b/x.svg
expect "build: an output that is its input" 2 "is the input" build b/x.yaml -o b --format svg
check "  it is intact" cmp b/x.yaml keep.yaml
cp "$SRC/tests/build/timelinejs/groups.json" tl.json && cp tl.json tl-keep.json
expect "import: the output is the input" 2 'is the input' import tl.json -o tl.json
check "  it is intact" cmp tl.json tl-keep.json
expect "the depfile is the input" 2 'is the input' render in.yaml -o x.svg --depfile in.yaml
check "the input is intact" cmp in.yaml keep.yaml
check "  and its links" cmp hard.svg keep.yaml
check "no partial outputs" test ! -e other.svg

ln -s elsewhere.svg link.svg
expect "a symbolic link as output" 0 '' render in.yaml -o link.svg
check "is replaced by the file, not followed" test -f link.svg -a ! -L link.svg -a ! -e elsewhere.svg
long=$(printf 'n%.0s' $(seq 251)).svg  # 255 bytes, the longest name a folder can hold
expect "a 255-byte output name" 0 '' render in.yaml -o "$long"
check "is written" test -s "$long"
expect "a folder that does not exist" 2 'cannot create a file in "nowhere": No such file' render in.yaml -o nowhere/a.svg
mkdir -p full
rc=0
(trap '' XFSZ; ulimit -f 8; timeout 10 "$FL" render in.yaml -o full/a.png) 2>err || rc=$?
if [[ $rc -eq 2 ]] && grep -q 'cannot write "full/a.png": File too large' err; then pass "a write that fails half-way is reported"
else fail "a write that fails half-way: exit $rc" "$(cat err)"; fi
if [[ $(id -u) -ne 0 ]]; then
  mkdir ro && chmod 555 ro
  expect "a read-only folder" 2 'cannot create a file in "ro": Permission denied' render in.yaml -o ro/a.svg
fi
check "no temporary files are left" test -z "$(find . -name '.fl-*')"

# A signal while the outputs are being written: strace holds the process in fsync (the
# temporary files exist then) while the signal comes; the files must be gone after.
for sig in INT TERM HUP; do
  rm -rf sig && mkdir sig
  strace -f -o /dev/null -e trace=fsync -e inject=fsync:delay_enter=3000000 \
    env --default-signal="$sig" "$FL" render in.yaml -o sig/a.svg -o sig/b.png 2>/dev/null &
  tracer=$!
  child=
  for _ in $(seq 100); do
    child=$(pgrep -P "$tracer" || true)
    [[ -n $child && -n $(find sig -name '.fl-*') ]] && break
    sleep 0.1
  done
  had=$(find sig -name '.fl-*' | wc -l)
  [[ -n $child ]] && kill -"$sig" "$child"
  rc=0
  wait "$tracer" 2>/dev/null || rc=$?
  left=$(ls -A sig)
  if [[ $had -gt 0 && $rc -ne 0 && -z $left ]]; then pass "SIG$sig during a write removes the temporary files (exit $rc)"
  else fail "SIG$sig during a write: $had temporary files before, exit $rc, left: $left"; fi
done

finish
