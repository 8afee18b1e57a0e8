#!/usr/bin/python3
"""factline against its peers on the article sample's labels (bench/README.md, "Peers").

Every tool draws the same 8 events (date and title, from samples/ai-chip-race.yaml) as a PNG:
  factline   render the sample itself to SVG + PNG in one process
  dot        Graphviz, a left-to-right chain of the 8 labelled nodes, -Tpng
  matplotlib the gallery's timeline recipe (stems, markers, annotated labels), savefig PNG
  gnuplot    the labels on a time axis, pngcairo
Runs are interleaved (A B C D A B C D ...) so a noisy machine slows them alike; each run is one
whole process, timed by wall clock, its peak memory from wait4's rusage. Then one callgrind run
of each counts instructions (stable where wall time is not).

usage: peers.py FACTLINE ROUNDS WORKDIR [--no-callgrind]
"""
import os
import statistics
import subprocess
import sys
import time

import yaml

factline, rounds, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
callgrind = "--no-callgrind" not in sys.argv
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sample = os.path.join(root, "samples", "ai-chip-race.yaml")
doc = yaml.safe_load(open(sample, encoding="utf-8"))
events = [(str(e.get("date") or e.get("start")), e["title"]) for e in doc["events"]][:8]
assert len(events) == 8, "the sample has 8 events"


def iso(d):  # "2023-10" -> "2023-10-01"; "2022" -> "2022-01-01"
    parts = (d.split("-") + ["01", "01"])[:3]
    return "-".join(p.zfill(2) for p in parts)


def write(name, text):
    path = os.path.join(work, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


FONT = "Noto Sans CJK KR"
dot = write("peer.dot", "digraph t {\n rankdir=LR; node [shape=box fontname=\"%s\" fontsize=13];\n%s\n %s;\n}\n" % (
    FONT,
    "\n".join(' e%d [label="%s\\n%s"];' % (i, d, t.replace('"', '\\"')) for i, (d, t) in enumerate(events)),
    " -> ".join("e%d" % i for i in range(len(events)))))

mpl = write("peer_mpl.py", """\
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import matplotlib.dates as mdates
import numpy as np
from datetime import datetime
plt.rcParams["font.family"] = "Noto Sans CJK JP"  # matplotlib names a collection by its first face
events = %r
dates = [datetime.strptime(d, "%%Y-%%m-%%d") for d, _ in events]
names = [t for _, t in events]
levels = np.tile([-5, 5, -3, 3, -1, 1], int(np.ceil(len(dates) / 6)))[:len(dates)]
fig, ax = plt.subplots(figsize=(12, 8.35), dpi=100, layout="constrained")
ax.set(title="%s")
ax.vlines(dates, 0, levels, color="tab:red")
ax.plot(dates, np.zeros_like(dates), "-o", color="k", markerfacecolor="w")
for d, l, r in zip(dates, levels, names):
    ax.annotate(r, xy=(d, l), xytext=(-3, np.sign(l) * 3), textcoords="offset points",
                horizontalalignment="right", verticalalignment="bottom" if l > 0 else "top")
ax.xaxis.set_major_locator(mdates.MonthLocator(interval=4))
ax.xaxis.set_major_formatter(mdates.DateFormatter("%%b %%Y"))
plt.setp(ax.get_xticklabels(), rotation=30, ha="right")
ax.yaxis.set_visible(False)
ax.spines[["left", "top", "right"]].set_visible(False)
ax.margins(y=0.1)
fig.savefig(%r)
""" % ([(iso(d), t) for d, t in events], doc["title"], os.path.join(work, "mpl.png")))

gp = write("peer.gp", "set terminal pngcairo size 1200,835 font '%s,10'\nset output '%s'\n"
           "set xdata time\nset timefmt '%%Y-%%m-%%d'\nset format x '%%Y-%%m'\nunset ytics\nset yrange [-6:6]\n"
           "set title '%s'\n%s\nplot '-' using 1:2 with impulses notitle, '' using 1:(0) with points pt 7 notitle\n%s\ne\n%s\ne\n" % (
               FONT, os.path.join(work, "gnuplot.png"), doc["title"],
               "\n".join("set label %d '%s' at '%s',%d center" % (i + 1, t.replace("'", "''"), iso(d), [5, -5, 3, -3][i % 4])
                         for i, (d, t) in enumerate(events)),
               "\n".join("%s %d" % (iso(d), [4, -4, 2, -2][i % 4]) for i, (d, _) in enumerate(events)),
               "\n".join(iso(d) for d, _ in events)))

tools = [
    ("factline", [factline, "render", sample, "-o", os.path.join(work, "f.svg"), "-o", os.path.join(work, "f.png")]),
    ("dot -Tpng", ["dot", "-Tpng", dot, "-o", os.path.join(work, "dot.png")]),
    ("matplotlib", ["/usr/bin/python3", mpl]),
    ("gnuplot", ["gnuplot", gp]),
]
startup = [
    ("factline --version", [factline, "--version"]),
    ("factline, one label", [factline, "render", write("one.yaml", "title: 반도체\nevents:\n  - date: 2024\n    title: 가\n"),
                             "-o", os.path.join(work, "one.svg")]),
]


def run(cmd):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    err = p.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), err))
    return wall, usage.ru_maxrss / 1024.0  # MiB


for name, cmd in tools + startup:  # warm the caches (fonts, Python's bytecode) once
    run(cmd)
wall = {n: [] for n, _ in tools + startup}
peak = {n: [] for n, _ in tools + startup}
for _ in range(rounds):
    for name, cmd in tools + startup:
        w, m = run(cmd)
        wall[name].append(w)
        peak[name].append(m)

instr = {}
if callgrind:
    for name, cmd in tools + startup[1:]:
        out = os.path.join(work, "cg.out")
        r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out] + cmd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for line in r.stderr.splitlines():
            if "Collected :" in line:
                instr[name] = int(line.split()[-1])

med = {n: statistics.median(v) for n, v in wall.items()}
f = med["factline"]
print("%d rounds, interleaved; %d cores; load %s" % (rounds, os.cpu_count(), open("/proc/loadavg").read().split()[0]))
print("%-22s %10s %12s %10s %14s %14s" % ("tool", "median s", "factline ÷", "peak MiB", "instructions", "factline ÷"))
for name, _ in tools + startup:
    ratio = f / med[name]
    i = instr.get(name)
    print("%-22s %10.3f %12s %10.1f %14s %14s" % (
        name, med[name], "%.2f×" % ratio if ratio >= 0.1 else "1/%.1f" % (1 / ratio), max(peak[name]),
        "%.0f M" % (i / 1e6) if i else "–",
        ("%.2f×" % (instr["factline"] / i)) if i and "factline" in instr else "–"))
print("start-up (one label) / sample: %.2f" % (med["factline, one label"] / f))
