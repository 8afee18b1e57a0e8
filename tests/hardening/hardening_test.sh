#!/usr/bin/env bash
# The command against a careless or hostile caller (docs/security.md): inputs that are not
# files, error paths, and the atomic writes under signals, links and full disks.
#   usage: hardening_test.sh FACTLINE_BINARY SOURCE_DIR
# Every command runs under `timeout`, so a hang is a failure, not a stuck test.
# Prints one line per check and ends with "N passed, M failed"; exits 1 if any check failed.
set -uo pipefail
FL=$(realpath "$1")
SRC=$(realpath "$2")
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
  elif ! grep -qE -- "$pattern" "$T/err"; then
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
(ulimit -v 400000; timeout 10 "$FL" render - -o a.svg </dev/zero) 2>err || rc=$?
if [[ $rc -eq 1 ]] && grep -q 'standard input is larger than 16 MiB' err; then pass "/dev/zero on standard input stops at 16 MiB"
else fail "/dev/zero on standard input: exit $rc" "$(cat err)"; fi
rc=0
(ulimit -v 400000; timeout 10 "$FL" check - </dev/urandom) 2>err || rc=$?
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

finish
