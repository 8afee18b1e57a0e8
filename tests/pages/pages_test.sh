#!/usr/bin/env bash
# A `detail: all` timeline taller than a page, end to end: the PDF has one page per stretch and
# every event's title exactly once across them (pdfinfo, pdftotext); the PNG and SVG are one
# file per page, each the page (3× the width) but the last, every event once across the SVGs.
#   usage: pages_test.sh FACTLINE_BINARY SOURCE_DIR
set -uo pipefail
FL=$(realpath "$1")
SRC=$(realpath "$2")
source "$SRC/tests/check_lib.sh"
T=$(mktemp -d "${TMPDIR:-/tmp}/factline-pages.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$T"
PY=/usr/bin/python3
N=1000

# Titles carry a unique token (EV0000…) so text extraction can count each event.
$PY - "$N" >all.yaml <<'PYEOF'
import sys
n = int(sys.argv[1])
print("title: 천 개의 사건\nlocale: ko\ndetail: all\nevents:")
for i in range(n):
    y, m, d = 1990 + i * 30 // n, 1 + i % 12, 1 + i % 28
    if i % 10 == 3:
        print(f'  - {{start: "{y}-{m:02d}-{d:02d}", end: "{y + 1}-{m:02d}-01", title: "EV{i:04d} 협상"}}')
    else:
        print(f'  - {{date: "{y}-{m:02d}-{d:02d}", title: "EV{i:04d} 반도체 수출"}}')
PYEOF

"$FL" render all.yaml -o all.pdf -o all.png -o all.svg 2>err
check "a 1,000-event detail: all timeline renders to PDF, PNG and SVG" test $? -eq 0
pages=$(pdfinfo all.pdf | awk '/^Pages:/ { print $2 }')
check "the PDF has several pages ($pages)" test "${pages:-0}" -gt 1
check "one PNG file per PDF page, and no out.png" \
  bash -c "[[ -f all-$pages.png && ! -f all-$((pages + 1)).png && ! -f all.png ]]"
check "one SVG file per PDF page, and no out.svg" \
  bash -c "[[ -f all-$pages.svg && ! -f all-$((pages + 1)).svg && ! -f all.svg ]]"
pdftotext all.pdf all.txt
check "every event's title exactly once in the PDF" $PY - "$N" all.txt <<'PYEOF'
import re, sys, collections
n = int(sys.argv[1])
seen = collections.Counter(re.findall(r"EV\d{4}", open(sys.argv[2], encoding="utf-8").read()))
bad = [f"EV{i:04d}" for i in range(n) if seen[f"EV{i:04d}"] != 1]
print("not exactly once:", bad[:10]); sys.exit(bool(bad) or len(seen) != n)
PYEOF
check "every page says its number in its header" \
  bash -c "for k in \$(seq 1 $pages); do pdftotext -f \$k -l \$k all.pdf - | grep -q \" · \$k/${pages}쪽\" || exit 1; done"
check "every PNG page is the page, 1200 × 3600 px, but the last (at most 3600 tall)" $PY - "$pages" <<'PYEOF'
import struct, sys
pages = int(sys.argv[1])
for k in range(1, pages + 1):
    head = open(f"all-{k}.png", "rb").read(24)
    w, h = struct.unpack(">II", head[16:24])
    if w != 1200 or not 0 < h <= 3600 or (k < pages and h != 3600): print(k, w, h); sys.exit(1)
PYEOF
check "every event's title exactly once across the SVG pages" $PY - "$N" "$pages" <<'PYEOF'
import re, sys, collections
n, pages = int(sys.argv[1]), int(sys.argv[2])
seen = collections.Counter()
for k in range(1, pages + 1):
    text = open(f"all-{k}.svg", encoding="utf-8").read()
    seen.update(set(re.findall(r"EV\d{4}", re.sub(r"<title>.*?</title>|aria-label=\"[^\"]*\"", "", text))))
bad = [f"EV{i:04d}" for i in range(n) if seen[f"EV{i:04d}"] != 1]
print("not on exactly one page:", bad[:10]); sys.exit(bool(bad))
PYEOF
"$FL" render all.yaml -o again.pdf -o again.png 2>/dev/null
check "paged output is byte-identical across runs" \
  bash -c "cmp -s all.pdf again.pdf && for k in \$(seq 1 $pages); do cmp -s all-\$k.png again-\$k.png || exit 1; done"
check "no temporary files left" bash -c "! ls -A | grep -q '^\.fl-'"

# A timeline that fits one page is unchanged: one file, no page line.
$PY - >short.yaml <<'PYEOF'
print("title: 짧은 사건\ndetail: all\nevents:")
for i in range(5): print(f'  - {{date: "200{i}-01-01", title: "사건 {i}"}}')
PYEOF
"$FL" render short.yaml -o short.png -o short.pdf 2>/dev/null
check "a one-page detail: all timeline writes short.png itself" bash -c "[[ -f short.png && ! -f short-1.png ]]"
check "and a one-page PDF" bash -c "pdfinfo short.pdf | grep -q '^Pages: *1$'"

finish
