#!/usr/bin/env bash
# The budget (docs/security.md): any input within factline's limits finishes within 10 s and
# 1 GiB. Each case is an input at a limit (or just past it), run under prlimit: 1 GiB of address
# space and 10 s of CPU time (wall time would measure the machine's other load, not factline),
# with `timeout 60` against a hang that uses no CPU. Peak memory is read from /usr/bin/time.
#   usage: limits_test.sh FACTLINE_BINARY SOURCE_DIR [sanitize]
# Under AddressSanitizer (third argument, a Debug build) the address-space limit is left out
# (ASan reserves terabytes), CPU time may be 5 times as long, and the 100,000-event cases are
# skipped: the budget is for release builds, and there they would take minutes.
# Prints one line per case with its time and memory; ends with "N passed, M failed".
set -uo pipefail
FL=$(realpath "$1")
SRC=$(realpath "$2")
SANITIZE=${3:-}
source "$SRC/tests/check_lib.sh"
T=$(mktemp -d "${TMPDIR:-/tmp}/factline-limits.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$T"
PY=/usr/bin/python3

budget_cpu=10
limits=(--as=1073741824 --cpu=$budget_cpu)
if [[ -n $SANITIZE ]]; then budget_cpu=50; limits=(--cpu=$budget_cpu); fi

# at NAME STATUS ARGS...: factline ARGS exits with STATUS within the budget.
at() {
  local name=$1 want=$2 rc=0
  shift 2
  prlimit "${limits[@]}" timeout 60 /usr/bin/time -f '%U %S %M' -o usage "$FL" "$@" >/dev/null 2>err || rc=$?
  local user sys kb
  read -r user sys kb <<<"$(tail -n 1 usage)"
  local cpu
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  local mib=$((kb / 1024))
  if [[ $rc -ne $want ]]; then
    fail "$name: exit $rc, want $want (cpu ${cpu} s, ${mib} MiB)" "$(head -c 400 err)"
  elif [[ -z $SANITIZE && $kb -gt 1048576 ]]; then
    fail "$name: ${mib} MiB, more than 1 GiB"
  else
    pass "$name (cpu ${cpu} s, ${mib} MiB)"
  fi
}

# Inputs at the limits.
$PY - <<'PY'
import math
# A fact file of exactly 16 MiB: a few events and a long comment.
head = "title: sixteen MiB\nevents:\n  - date: 2024-01\n    title: one\n  - date: 2024-02\n    title: two\n"
line = "# " + "x" * 1021 + "\n"  # 1 KiB a line
body = head + line * ((16 * 2**20 - len(head)) // len(line))
body += "#" * (16 * 2**20 - len(body.encode()) - 1) + "\n"
assert len(body.encode()) == 16 * 2**20
open("16mib.yaml", "w").write(body)
open("16mib+1.yaml", "w").write(body + "\n")
# 1,000 labels, each a letter with 31 combining marks (the most a cluster may hold), and with 2,047.
for n, name in ((31, "marks31.yaml"), (2047, "marks2047.yaml")):
    with open(name, "w") as f:
        f.write("title: marks\nevents:\n")
        for i in range(1000):
            f.write('  - date: %d-%02d\n    title: "a%s"\n' % (1000 + i // 12, i % 12 + 1, "\u0301" * n))
# The most events a fact file may hold (100,000), and 10,000 to lay out.
def events(n, name):
    with open(name, "w") as f:
        f.write("title: %d events\nlocale: en\nevents:\n" % n)
        for i in range(n):
            f.write('  - date: %d-%02d-%02d\n    title: "Event number %d of the long timeline"\n'
                    '    text: "Some words about what happened on this day, %d."\n'
                    % (1900 + i // 365, (i // 28) % 12 + 1, i % 28 + 1, i, i))
events(100000, "events100k.yaml")
events(10000, "events10k.yaml")
# A line chart of 1,000,000 points (the most a line chart may hold).
with open("points.csv", "w") as f:
    f.write("day,v\n")
    for i in range(1000000):
        f.write("%d,%g\n" % (i, math.sin(i / 1000) * 100 + i / 10000))
open("points.yaml", "w").write("title: a million points\nchart:\n  type: line\n  data: points.csv\n  x: day\n  x_type: category\n  series: [v]\n")
PY
sample=$SRC/samples/ai-chip-race.yaml
sed 's/^title:/width: 16000\nheight: 3990\ntitle:/' "$sample" >area.yaml  # 63.8 million px at --scale 1
sed 's/^title:/width: 4000\nheight: 4000\ntitle:/' "$sample" >square.yaml

at "a fact file of exactly 16 MiB, checked" 0 check 16mib.yaml
at "  and rendered" 0 render 16mib.yaml -o 16mib.svg
at "one byte more is refused" 1 check 16mib+1.yaml
at "16 MiB + 1 on standard input is refused" 1 check - <16mib+1.yaml
at "1,000 labels of 31 combining marks" 0 render marks31.yaml -o marks.svg
at "1,000 labels of 2,047 combining marks are refused" 1 render marks2047.yaml -o marks.svg
if [[ -z $SANITIZE ]]; then
  at "100,000 events, checked" 0 check events100k.yaml
  at "100,000 events, rendered to SVG and PNG" 0 render events100k.yaml -o events.svg -o events.png
fi
at "10,000 events, rendered" 0 render events10k.yaml -o events.svg
at "a line chart of 1,000,000 points from CSV" 0 render points.yaml -o points.svg -o points.png
at "a PNG of 63.8 million pixels" 0 render area.yaml -o area.png
at "a PNG past 64 million pixels at --scale 2.01 is refused before drawing" 1 render square.yaml -o square.png --scale 2.01
check "  and nothing is written" test ! -e square.png

finish
