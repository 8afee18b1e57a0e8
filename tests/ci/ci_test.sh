#!/usr/bin/env bash
# What docs/ci.md shows, working: its two Makefiles (extracted from the document), the
# pre-commit hooks of .pre-commit-hooks.yaml run offline by pre-commit from a local clone, and
# the bash completion.
#   usage: ci_test.sh FACTLINE_BINARY SOURCE_DIR
set -euo pipefail
FL=$(realpath "$1")
SRC=$(realpath "$2")
T=$(mktemp -d "${TMPDIR:-/tmp}/factline-ci-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export PATH="$(dirname "$FL"):$PATH" CI=true
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
export PRE_COMMIT_HOME=$T/pre-commit-home
source "$(dirname "${BASH_SOURCE[0]}")/../check_lib.sh"
# The code block after the marker line <!-- NAME: ... --> in docs/ci.md.
block() { awk -v m="<!-- $1:" 'index($0, m) == 1 {f = 1; next} f && /^```/ {if (n++) exit; next} f && n' "$SRC/docs/ci.md"; }
project() {  # a project with a charts/ folder: two fact files, one reading a CSV
  rm -rf "$1"
  mkdir -p "$1/charts/data"
  printf 'title: A\nevents:\n  - date: 2024-01\n    title: one\n  - date: 2024-03\n    title: two\n' >"$1/charts/a.yaml"
  printf 'year,v\n2022,1\n2023,3\n' >"$1/charts/data/v.csv"
  printf 'title: B\nchart:\n  type: bar\n  data: data/v.csv\n  x: year\n  series: [v]\n' >"$1/charts/b.yaml"
}

# --- the plain Makefile -------------------------------------------------------------------------
P=$T/make
project "$P"
block makefile >"$P/Makefile"
check "docs/ci.md has the Makefile" grep -q 'check-charts:' "$P/Makefile"
check "make charts builds every chart" make -C "$P" charts
check "the outputs are there" test -s "$P/public/charts/a.svg" -a -s "$P/public/charts/b.png"
check "make check-charts passes when they are current" make -C "$P" check-charts
printf 'year,v\n2022,1\n2023,5\n' >"$P/charts/data/v.csv"
fails_saying "make check-charts fails after a CSV edit, naming the chart and why" \
  'public/charts/b.svg: charts/data/v.csv changed' make -C "$P" check-charts
check "make charts rebuilds it" bash -c "make -C '$P' charts | grep -q '1 built, 1 up to date'"
check "make check-charts passes again" make -C "$P" check-charts

# --- the Makefile with a rule per chart (render --depfile) ----------------------------------------
P=$T/make-depfile
project "$P"
block makefile-depfile >"$P/Makefile"
check "docs/ci.md has the depfile Makefile" grep -q -- '--depfile' "$P/Makefile"
check "make -j2 renders each chart" make -C "$P" -j2
check "the outputs and depfiles are there" test -s "$P/public/b.svg" -a -s "$P/public/b.svg.d"
check "a second make renders nothing" bash -c "make -C '$P' | grep -q 'Nothing to be done'"
printf 'year,v\n2022,2\n2023,3\n' >"$P/charts/data/v.csv"
check "after a CSV edit make renders the chart that reads it, only" \
  bash -c "out=\$(make -C '$P'); grep -q 'render charts/b.yaml' <<<\"\$out\" && ! grep -q 'charts/a.yaml' <<<\"\$out\""
mv "$P/charts/data/v.csv" "$P/charts/data/w.csv"
sed -i 's/v.csv/w.csv/' "$P/charts/b.yaml"
check "a deleted data file does not break make (the depfile's empty rules): the chart renders again" \
  bash -c "make -C '$P' | grep -q 'render charts/b.yaml'"

# --- pre-commit, offline: the hooks from a local clone of ours ----------------------------------
if command -v pre-commit >/dev/null; then
  H=$T/hooks
  mkdir -p "$H"
  cp "$SRC/.pre-commit-hooks.yaml" "$H/"
  git -C "$H" init -q && git -C "$H" add . && git -C "$H" commit -qm hooks
  P=$T/precommit
  project "$P"
  git -C "$P" init -q
  "$FL" build "$P/charts" -o "$P/public" --format svg >/dev/null
  cat >"$P/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $H
    rev: $(git -C "$H" rev-parse HEAD)
    hooks:
      - id: factline-check
        args: [--strict]
      - id: factline-build-check
        args: [charts, -o, public, --format, svg]
EOF
  git -C "$P" add . && git -C "$P" commit -qm charts
  run_hooks() { (cd "$P" && pre-commit run --all-files 2>&1); }
  check "pre-commit: both hooks pass on current charts" run_hooks
  printf 'title: A\nevents:\n  - date: 2024-01\n    title: one changed\n' >"$P/charts/a.yaml"
  git -C "$P" add charts/a.yaml
  fails_saying "pre-commit: the build --check hook fails, naming the stale chart" \
    'public/a.svg: the fact file changed' run_hooks
  "$FL" build "$P/charts" -o "$P/public" --format svg >/dev/null
  git -C "$P" add .
  check "pre-commit: passes once it is rebuilt" run_hooks
  printf 'title: A\nevents:\n  - date: 2024-02-30\n    title: one\n' >"$P/charts/a.yaml"
  git -C "$P" add charts/a.yaml
  fails_saying "pre-commit: the check hook fails at the mistake's line and column" 'charts/a.yaml:3:19: error:' run_hooks
else
  fail "pre-commit is installed (scripts/deps.sh installs it)"
fi

# --- bash completion -----------------------------------------------------------------------------
COMP=$SRC/scripts/completion/factline.bash
check "the completion script is valid bash" bash -n "$COMP"
if [[ -r /usr/share/bash-completion/bash_completion ]]; then
  complete_line() {
    bash -c 'source /usr/share/bash-completion/bash_completion; source "$0"
      COMP_WORDS=("${@}"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
      COMPREPLY=(); _factline; printf "%s\n" "${COMPREPLY[@]}"' "$COMP" "$@"
  }
  expect_completion() {  # expect_completion WANT WORDS...
    local want=$1 got
    shift
    got=$(complete_line "$@" | tr '\n' ' ')
    [[ $got == "$want " ]] && pass "completion: $* → $want" || fail "completion: $*" "got: $got"
  }
  expect_completion build factline bu
  expect_completion --format factline build --form
  expect_completion "svg,png svg,pdf" factline build --format svg,p
  expect_completion minimal factline render x.yaml --template mi
else
  fail "bash-completion is installed (scripts/deps.sh installs it)"
fi

finish
