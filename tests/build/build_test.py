"""`factline build` end to end: a folder of 32 fact files (timelines and charts reading CSV
files, a template of their own), -j2; incremental rebuilds judged by content; --check; a broken
file among good ones; --list, --shard, --depfile, globs.
   usage: build_test.py FACTLINE_BINARY SOURCE_DIR"""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tests/harness.py
from harness import check, finish  # noqa: E402

FL = os.path.abspath(sys.argv[1])
SRC = os.path.abspath(sys.argv[2])
T = tempfile.mkdtemp(prefix="factline-build-test.")
os.chdir(T)
ENV = dict(os.environ, CI="true")
ENV.pop("SOURCE_DATE_EPOCH", None)
# looks/ (below) is outside the fact files' folders: templates there are read only as a template
# folder (docs/security.md), given here as a user would in CI.
ENV["FACTLINE_TEMPLATE_PATH"] = os.path.join(T, "looks")


def run(*args):
    p = subprocess.run([FL, *args], capture_output=True, text=True, env=ENV)
    return p.returncode, p.stdout, p.stderr


def write(path, text):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def snapshot(folder):
    """Every output file under `folder` → (mtime_ns, bytes)."""
    out = {}
    for root, _, files in os.walk(folder):
        for name in files:
            if name.startswith("."):
                continue
            p = os.path.join(root, name)
            with open(p, "rb") as f:
                out[os.path.relpath(p, folder)] = (os.stat(p).st_mtime_ns, f.read())
    return out


def rewritten(before, after):
    return sorted(k for k in after if k not in before or after[k][0] != before[k][0])


# --- the corpus: 32 fact files in sub-folders ---------------------------------------------------
# 12 line charts read line/data/a.csv, 8 bar charts read bar/data/b.csv, 12 timelines; 6 of the
# timelines use the template looks/house.yaml (extends news).
write("charts/line/data/a.csv", "date,value\n2024-01,1\n2024-02,3\n2024-03,2\n2024-04,5\n")
write("charts/bar/data/b.csv", "name,value\nA,1\nB,4\nC,2\n")
write("looks/house.yaml", "extends: news\ndescription: house style\naccent: \"#aa3300\"\n")
A, B, HOUSE, PLAIN = [], [], [], []
for i in range(12):
    write("charts/line/l%02d.yaml" % i,
          "title: Line %d\nchart:\n  type: line\n  data: data/a.csv\n  x: date\n  series: [value]\n" % i)
    A.append("line/l%02d" % i)
for i in range(8):
    write("charts/bar/b%02d.yaml" % i,
          "title: Bar %d\nchart:\n  type: bar\n  data: data/b.csv\n  x: name\n  series: [value]\n" % i)
    B.append("bar/b%02d" % i)
for i in range(12):
    template = "template: ../../looks/house.yaml\n" if i < 6 else ""
    write("charts/time/t%02d.yaml" % i,
          "title: Timeline %d\n%sevents:\n  - date: 2024-01\n    title: first %d\n  - date: 2024-05\n    title: second\n"
          % (i, template, i))
    (HOUSE if i < 6 else PLAIN).append("time/t%02d" % i)
ALL = A + B + HOUSE + PLAIN
check("the corpus has 32 fact files", len(ALL) == 32)

# With a template in the charts folder, a fact file's own look is a template, not a fact file:
# looks/ is outside charts/.
rc, out, err = run("build", "charts", "-o", "out", "--format", "svg,png", "-j2")
check("build -j2 over 32 files: exit 0", rc == 0, err)
first = snapshot("out")
want = sorted("%s.%s" % (s, e) for s in ALL for e in ("svg", "png"))
check("every output made, mirroring the folders (64 files)", sorted(first) == want,
      "missing: %s\nextra: %s" % (sorted(set(want) - set(first))[:5], sorted(set(first) - set(want))[:5]))
check("the summary says 32 built", "32 built, 0 up to date, 0 failed" in out, out)
check("a manifest is kept in OUTDIR", os.path.isfile("out/.factline-manifest.json"))
check("no warnings or errors on stderr", err == "", err)

# Outputs are the same as `render` gives one file at a time (fonts loaded once, 2 threads).
rc, _, err = run("render", "charts/time/t03.yaml", "-o", "single.svg", "-o", "single.png")
check("render of one of them: exit 0", rc == 0, err)
same = open("single.svg", "rb").read() == first["time/t03.svg"][1] and \
    open("single.png", "rb").read() == first["time/t03.png"][1]
check("build's outputs are byte-identical to render's", same)

rc, out, err = run("build", "charts", "-o", "out", "--format", "svg,png", "-j2")
second = snapshot("out")
check("second run: exit 0", rc == 0, err)
check("second run rewrites nothing (every mtime kept)", rewritten(first, second) == [], rewritten(first, second))
check("second run says so: 0 built, 32 up to date", "0 built, 32 up to date, 0 failed" in out, out)

rc, out, err = run("build", "charts", "-o", "out", "--format", "svg,png", "--check")
check("--check on current outputs: exit 0", rc == 0, out + err)
check("--check says all 64 are up to date", "64 of 64 outputs up to date" in out, out)

# Touching a file without changing it rebuilds nothing (content, not timestamps).
os.utime("charts/line/data/a.csv", None)
rc, out, _ = run("build", "charts", "-o", "out", "--format", "svg,png")
check("a touched but unchanged CSV rebuilds nothing", "0 built, 32 up to date" in out, out)

# Changing one CSV rebuilds exactly the charts that read it.
write("charts/bar/data/b.csv", "name,value\nA,1\nB,4\nC,7\n")
rc, out, err = run("build", "charts", "-o", "out", "--format", "svg,png", "--check")
check("--check after a CSV edit: exit 1", rc == 1, out + err)
stale = sorted(l.split(":")[0] for l in out.splitlines() if l.startswith("out/"))
check("--check names exactly the 16 outputs of the 8 bar charts",
      stale == sorted("out/%s.%s" % (s, e) for s in B for e in ("svg", "png")), out)
check("--check says why: the CSV changed", "charts/bar/data/b.csv changed" in out, out)
check("--check wrote nothing", rewritten(second, snapshot("out")) == [])
before = snapshot("out")
rc, out, err = run("build", "charts", "-o", "out", "--format", "svg,png", "-j2")
changed = rewritten(before, snapshot("out"))
check("build after the CSV edit: exit 0", rc == 0, err)
check("exactly the bar charts were rebuilt", changed == sorted("%s.%s" % (s, e) for s in B for e in ("svg", "png")),
      changed)
check("the summary: 8 built, 24 up to date", "8 built, 24 up to date, 0 failed" in out, out)
rc, out, _ = run("build", "charts", "-o", "out", "--format", "svg,png", "--check")
check("--check after the build: exit 0", rc == 0, out)

# Changing a template rebuilds its users, and only them.
write("looks/house.yaml", "extends: news\ndescription: house style\naccent: \"#0033aa\"\n")
before = snapshot("out")
rc, out, err = run("build", "charts", "-o", "out", "--format", "svg,png", "-j2")
changed = rewritten(before, snapshot("out"))
check("build after a template edit: exit 0", rc == 0, err)
check("exactly the 6 timelines using the template were rebuilt",
      changed == sorted("%s.%s" % (s, e) for s in HOUSE for e in ("svg", "png")), changed)

# Editing a fact file: --check names it, build rebuilds it alone.
with open("charts/time/t08.yaml", "a", encoding="utf-8") as f:
    f.write("  - date: 2024-09\n    title: third\n")
rc, out, _ = run("build", "charts", "-o", "out", "--format", "svg,png", "--check")
check("--check after a fact-file edit: exit 1, naming its outputs",
      rc == 1 and "out/time/t08.svg: the fact file changed" in out and out.count("out/") == 2, out)
rc, out, _ = run("build", "charts", "-o", "out", "--format", "svg,png")
check("build after that: 1 built", "1 built, 31 up to date" in out, out)

# An output changed or removed by hand is rebuilt.
os.remove("out/bar/b01.png")
with open("out/bar/b02.svg", "a") as f:
    f.write("<!-- edited -->")
rc, out, _ = run("build", "charts", "-o", "out", "--format", "svg,png", "--check")
check("--check: a removed output is missing, an edited one changed",
      rc == 1 and "out/bar/b01.png: missing" in out and "out/bar/b02.svg: changed since it was built" in out, out)
run("build", "charts", "-o", "out", "--format", "svg,png")
rc, out, _ = run("build", "charts", "-o", "out", "--format", "svg,png", "--check")
check("both rebuilt", rc == 0, out)

# A fact file deleted since its outputs were built: --check names them, build removes them.
write("charts/time/gone.yaml", "title: gone\nevents:\n  - date: 2024-01\n    title: soon deleted\n")
rc, out, _ = run("build", "charts", "-o", "out", "--format", "svg,png")
check("a new fact file is built", "1 built, 32 up to date" in out and os.path.isfile("out/time/gone.png"), out)
os.remove("charts/time/gone.yaml")
rc, out, _ = run("build", "charts", "-o", "out", "--format", "svg,png", "--check")
check("--check after deleting a fact file: exit 1, naming its outputs",
      rc == 1 and "out/time/gone.svg: its fact file charts/time/gone.yaml was removed" in out and
      "2 left from removed fact files" in out, out)
rc, out, _ = run("build", "charts", "-o", "out", "--format", "svg,png")
check("build removes the deleted fact file's outputs",
      "0 built, 32 up to date, 0 failed, 2 removed" in out and not os.path.exists("out/time/gone.svg") and
      not os.path.exists("out/time/gone.png"), out)
rc, out, _ = run("build", "charts", "-o", "out", "--format", "svg,png", "--check")
check("--check passes again", rc == 0, out)

# New options rebuild what they change: a PNG scale touches only the PNGs.
before = snapshot("out")
rc, out, _ = run("build", "charts", "-o", "out", "--format", "svg,png", "--scale", "2")
changed = rewritten(before, snapshot("out"))
check("--scale 2 rebuilds every PNG and no SVG", changed == sorted("%s.png" % s for s in ALL), changed[:4])

# A broken file among good ones: the good ones are built, the exit status is 1, located errors.
write("charts/time/zz-broken.yaml", "title: broken\nevents:\n  - date: 2024-02-30\n    title: no such day\n")
write("charts/time/t00.yaml", "title: Timeline 0 again\nevents:\n  - date: 2024-02\n    title: changed\n")
rc, out, err = run("build", "charts", "-o", "out", "--format", "svg", "-j2")
check("a broken file among good ones: exit 1", rc == 1, out + err)
check("the broken file's error is located (file:line:column)",
      "charts/time/zz-broken.yaml:3:19: error:" in err, err)
check("the good ones were built (the changed one too)", os.path.isfile("out/time/t00.svg") and
      "Timeline 0 again" in open("out/time/t00.svg", encoding="utf-8").read())
check("nothing is written for the broken one", not os.path.exists("out/time/zz-broken.svg"))
check("the summary counts the failure", "1 failed" in out and "failed charts/time/zz-broken.yaml" in out, out)
os.remove("charts/time/zz-broken.yaml")

# An unreadable input is an I/O error (2), and the worst status wins.
rc, out, err = run("build", "charts", "no-such-folder", "-o", "out")
check("a missing input: exit 2, named", rc == 2 and "no-such-folder" in err, err)

# --list: inputs and outputs, tab-separated, for other build systems; nothing written.
rc, out, _ = run("build", "charts", "-o", "elsewhere", "--format", "svg,pdf", "--list")
lines = out.splitlines()
check("--list: 32 lines, input then its outputs", rc == 0 and len(lines) == 32 and
      lines[0].split("\t") == ["charts/bar/b00.yaml", "elsewhere/bar/b00.svg", "elsewhere/bar/b00.pdf"], lines[:2])
check("--list writes nothing", not os.path.exists("elsewhere"))

# --shard K/N: the shards partition the inputs, stably.
shards = []
for k in (1, 2, 3):
    rc, out, _ = run("build", "charts", "-o", "out", "--list", "--shard", "%d/3" % k)
    shards.append([l.split("\t")[0] for l in out.splitlines()])
every = sorted(sum(shards, []))
check("--shard 1/3, 2/3, 3/3 cover every input exactly once", every == sorted(
    "charts/%s.yaml" % s for s in ALL), [len(s) for s in shards])
check("each shard gets some", all(shards), [len(s) for s in shards])
write("charts/new/extra.yaml", "title: extra\nevents:\n  - date: 2024-01\n    title: x\n")
again = []
for k in (1, 2, 3):
    rc, out, _ = run("build", "charts", "-o", "out", "--list", "--shard", "%d/3" % k)
    again.append([l.split("\t")[0] for l in out.splitlines() if "extra" not in l])
check("adding a file moves no other file to another shard", again == shards)
rc, _, err = run("build", "charts", "-o", "out", "--shard", "4/3")
check("--shard 4/3 is a usage error", rc == 2, err)

# Globs (quoted, so factline expands them): paths under the glob's fixed folder.
rc, out, _ = run("build", "charts/*/t0[0-2].yaml", "charts/**/b07.yaml", "-o", "globbed", "--list")
check("globs: * and [..] in a folder, ** across folders", out.split() == [
    "charts/bar/b07.yaml", "globbed/bar/b07.svg", "charts/time/t00.yaml", "globbed/time/t00.svg",
    "charts/time/t01.yaml", "globbed/time/t01.svg", "charts/time/t02.yaml", "globbed/time/t02.svg"], out)

# --depfile: Make syntax, each output depending on its fact file, CSV and template chain.
rc, out, err = run("build", "charts/line/l00.yaml", "charts/time/t01.yaml", "-o", "dep", "--depfile", "dep.d")
text = open("dep.d", encoding="utf-8").read() if os.path.exists("dep.d") else ""
check("--depfile: a rule per input", rc == 0 and "dep/l00.svg:" in text and "dep/t01.svg:" in text, text + err)
rule = text.split("dep/t01.svg:")[1] if "dep/t01.svg:" in text else ""
check("--depfile: the line chart depends on its CSV; the timeline on its templates",
      "charts/line/data/a.csv" in text.split("dep/t01.svg:")[0] and "looks/house.yaml" in rule and
      "templates/news.yaml" in rule, text)

# Pages: a detail: all timeline taller than a page writes p-1.png, p-2.png, … (and one PDF); build
# records every page file, judges each, and removes the page files it no longer writes.
def paged(n):
    events = "".join('  - {date: "%d-%02d", title: "Event %d, with a title long enough to wrap"}\n'
                     % (2000 + i // 12, 1 + i % 12, i) for i in range(n))
    return "title: Pages\ndetail: all\nevents:\n" + events


def page_files():
    return sorted(f for f in os.listdir("pout") if f.startswith("p-") and f.endswith(".png"))


BUILD = ("build", "paged", "-o", "pout", "--format", "png,pdf")
write("paged/p.yaml", paged(200))
rc, out, err = run(*BUILD)
pages = page_files()
check("a paged timeline: one PNG per page (no p.png) and one PDF", rc == 0 and len(pages) >= 3 and
      pages[-1] == "p-%d.png" % len(pages) and os.path.isfile("pout/p.pdf") and not os.path.exists("pout/p.png"),
      out + err + str(pages))
before = snapshot("pout")
rc, out, err = run(*BUILD)
check("its pages are up to date on the next run: nothing rewritten",
      rc == 0 and "0 built, 1 up to date" in out and rewritten(before, snapshot("pout")) == [], out + err)
rc, out, _ = run(*(BUILD + ("--check",)))
check("--check: every page file current", rc == 0 and "2 of 2 outputs up to date" in out, out)
os.remove("pout/p-2.png")
rc, out, _ = run(*(BUILD + ("--check",)))
check("--check names a missing page file", rc == 1 and "pout/p.png: its page pout/p-2.png is missing" in out, out)
rc, out, err = run(*BUILD)
check("a build writes the missing page again", rc == 0 and page_files() == pages and
      run(*(BUILD + ("--check",)))[0] == 0, out + err)
with open("pout/p-1.png", "ab") as f:
    f.write(b"edited")
rc, out, _ = run(*(BUILD + ("--check",)))
check("--check names a page file changed by hand",
      rc == 1 and "pout/p.png: its page pout/p-1.png changed since it was built" in out, out)
rc, out, err = run(*BUILD)
check("a build writes it again", rc == 0 and run(*(BUILD + ("--check",)))[0] == 0, out + err)
write("paged/p.yaml", paged(100))
rc, out, err = run(*BUILD)
fewer = page_files()
check("fewer pages: the page files past the new count are removed", rc == 0 and 2 <= len(fewer) < len(pages) and
      fewer == ["p-%d.png" % k for k in range(1, len(fewer) + 1)] and
      ", %d removed" % (len(pages) - len(fewer)) in out, out + err + str(fewer))
write("pout/p-%d.png" % len(fewer), "edited by hand")
write("paged/p.yaml", paged(3))
rc, out, err = run(*BUILD)
check("back on one page: p.png is written and factline's page files removed, an edited one kept",
      rc == 0 and os.path.isfile("pout/p.png") and page_files() == ["p-%d.png" % len(fewer)], out + err + str(page_files()))
rc, out, _ = run(*(BUILD + ("--check",)))
check("--check: current again", rc == 0, out)
os.remove("pout/p-%d.png" % len(fewer))
write("paged/p.yaml", paged(200))
rc, out, err = run(*BUILD)
check("on pages again: p.png removed", rc == 0 and page_files() == pages and not os.path.exists("pout/p.png"), out + err)
os.remove("paged/p.yaml")
write("paged/other.yaml", "title: other\nevents:\n  - date: 2024-01\n    title: x\n")
rc, out, err = run(*BUILD)
check("its fact file removed: every page file goes", rc == 0 and page_files() == [] and
      ", %d removed" % (len(pages) + 1) in out, out + err)

shutil.rmtree(T)
finish()
