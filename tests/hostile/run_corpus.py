#!/usr/bin/env python3
"""Runs factline on every file of the hostile corpus and checks the outcome each file states.

    usage: run_corpus.py FACTLINE_BINARY SOURCE_DIR [sanitize]

A case is tests/hostile/NAME.yaml. Its outcome is in its first comment lines (or, for a file
that cannot hold ASCII comments such as UTF-16, in NAME.yaml.expect):
    # expect: exit N
    # message: a fragment standard error must hold   (any number; empty ones are ignored)
    # text: a fragment the SVG's text must hold, unaltered  (any number)
Every case is rendered to SVG, PNG, PDF, scene JSON and HTML in a folder of its own, under prlimit
(1 GiB, 10 s of CPU; no memory limit under AddressSanitizer) and a 60 s timeout, and checked:
- the exit status and the message fragments;
- standard error holds no raw control character but newline, no line that starts with "::"
  (a CI annotation) and none of the decoy secrets placed around the case (a path that reaches
  one would print it);
- a failed run wrote nothing (no output, no temporary .fl-* file); a run that succeeded wrote
  every output, and its SVG and HTML pass svg_safety.py, as does its SVG with text only
  (`--svg-text text`, real text elements instead of glyph outlines);
- `factline check` on it ends within the same budget with status 0 or 1.
The samples' SVGs are checked with svg_safety.py too. Prints one line per case and
"N passed, M failed"; exits 1 on any failure.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tests/harness.py
import svg_safety  # noqa: E402
from harness import check, finish  # noqa: E402

FL = os.path.abspath(sys.argv[1])
SRC = os.path.abspath(sys.argv[2])
SANITIZE = len(sys.argv) > 3 and sys.argv[3] == "sanitize"
HERE = os.path.join(SRC, "tests", "hostile")
CANARY = "SECRET-CANARY-7f3a"
LIMITS = ["prlimit", "--cpu=50"] if SANITIZE else ["prlimit", "--as=1073741824", "--cpu=10"]


def expectations(case):
    sidecar = case + ".expect"
    text = open(sidecar if os.path.exists(sidecar) else case, "rb").read().decode("utf-8", "replace")
    text = text.lstrip("\ufeff")
    status, messages, texts = None, [], []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = re.match(r"#\s*expect:\s*exit\s+(\d+)", line)
        if m:
            status = int(m.group(1))
        m = re.match(r"#\s*message:\s*(.*)", line)
        if m and m.group(1).strip():
            messages.append(m.group(1).strip())
        m = re.match(r"#\s*text:\s(.*)", line)
        if m:
            texts.append(m.group(1))
    return status, messages, texts


def run(args, cwd):
    cmd = LIMITS + ["timeout", "60", FL] + args
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=90)
        return p.returncode, p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return -1, "timed out"


def stderr_problems(err):
    found = []
    if re.search(r"[\x00-\x09\x0b-\x1f\x7f\x80-\x9f]", err):
        found.append("a raw control character in the messages")
    if re.search(r"^::", err, re.M):
        found.append("a line that starts with :: (a CI annotation)")
    if CANARY in err or "root:x:0:0" in err:
        found.append("a decoy secret in the messages")
    return found


def check_case(case, work):
    name = os.path.basename(case)
    status, messages, texts = expectations(case)
    if status is None:
        check(name, False, "no '# expect: exit N' line")
        return
    folder = os.path.join(work, "stories", "case")
    shutil.rmtree(os.path.join(work, "stories"), ignore_errors=True)
    os.makedirs(folder)
    # Decoys a path that escaped the fact file's folder would reach.
    for decoy in (os.path.join(work, "stories", "secret.csv"), os.path.join(work, "x.csv"),
                  os.path.join(work, "secret.csv")):
        open(decoy, "w").write("k,v\n%s,1\n" % CANARY)
    shutil.copy(case, os.path.join(folder, name))
    outs = ["out.svg", "out.png", "out.pdf", "out.json", "out.html"]
    args = ["render", name] + [a for o in outs for a in ("-o", o)]
    rc, err = run(args, folder)
    problems = []
    if rc != status:
        problems.append("exit %d, want %d" % (rc, status))
    problems += ["no \"%s\" in the messages" % m for m in messages if m not in err]
    problems += stderr_problems(err)
    left = sorted(f for f in os.listdir(folder) if f != name)
    if rc != 0 and left:
        problems.append("a failed run left files: %s" % left)
    if rc == 0:
        missing = [o for o in outs if not os.path.exists(os.path.join(folder, o))]
        if missing:
            problems.append("outputs missing: %s" % missing)
        else:
            problems += svg_safety.problems(os.path.join(folder, "out.svg"))
            problems += svg_safety.problems(os.path.join(folder, "out.html"))
            trc, terr = run(["render", name, "-o", "text.svg", "--svg-text", "text"], folder)
            problems += ["--svg-text text: exit %d: %s" % (trc, terr[:300])] if trc else \
                svg_safety.problems(os.path.join(folder, "text.svg"))
            if texts and not trc:
                # User text is escaped, never edited: each fragment is in the SVG's character data.
                shown = "".join(ET.parse(os.path.join(folder, "text.svg")).getroot().itertext())
                problems += ["the SVG's text lacks %r" % t for t in texts if t not in shown]
    crc, cerr = run(["check", name], folder)
    if crc not in (0, 1):
        problems.append("check: exit %d: %s" % (crc, cerr[:300]))
    problems += ["check: " + p for p in stderr_problems(cerr)]
    check("%s (exit %d%s)" % (name, rc, ", " + messages[0] if messages else ""), not problems,
          "\n".join(problems) + "\n" + err[:600])


def main():
    cases = sorted(glob.glob(os.path.join(HERE, "*.yaml")))
    with tempfile.TemporaryDirectory(prefix="factline-hostile.") as work:
        for case in cases:
            check_case(case, work)
        for sample in sorted(glob.glob(os.path.join(SRC, "samples", "*.yaml"))):
            out = os.path.join(work, "sample.svg")
            rc, err = run(["render", sample, "-o", out], work)
            problems = ["exit %d: %s" % (rc, err[:300])] if rc != 0 else svg_safety.problems(out)
            check("the SVG of %s is safe" % os.path.basename(sample), not problems, "\n".join(problems))
    finish()


if __name__ == "__main__":
    main()
