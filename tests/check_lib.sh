# Shared by the shell tests (source it): one line per check, "N passed, M failed" at the end.
PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); echo "ok   - $1"; }
fail() {  # fail NAME [DETAIL]
  FAILED=$((FAILED + 1))
  echo "FAIL - $1"
  [[ $# -gt 1 ]] && printf '%s\n' "$2" | head -n 15 | sed 's/^/       /'
  return 0
}
check() {  # check NAME COMMAND...: passes when COMMAND succeeds; its output shown on failure
  local name=$1 out
  shift
  if out=$("$@" 2>&1); then pass "$name"; else fail "$name" "$out"; fi
}
fails_saying() {  # fails_saying NAME PATTERN COMMAND...: COMMAND fails and its output has PATTERN
  local name=$1 pattern=$2 out
  shift 2
  if out=$("$@" 2>&1); then
    fail "$name (it succeeded)" "$out"
  elif grep -qE -- "$pattern" <<<"$out"; then
    pass "$name"
  else
    fail "$name (no \"$pattern\")" "$out"
  fi
}
finish() {
  echo "$PASSED passed, $FAILED failed"
  [[ $FAILED -eq 0 ]]
}
