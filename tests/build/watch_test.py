"""`factline watch` end to end: an edit of the fact file (saved by rename, as editors do) and of
the CSV it reads re-renders within a second; a broken edit keeps the last good output and
prints a located diagnostic; SIGINT and SIGTERM stop it cleanly.
   usage: watch_test.py FACTLINE_BINARY SOURCE_DIR"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tests/harness.py
from harness import check, finish  # noqa: E402

FL = os.path.abspath(sys.argv[1])
T = tempfile.mkdtemp(prefix="factline-watch-test.")
os.chdir(T)
os.makedirs("story/data")


def save(path, text):
    """As an editor saves: a new file renamed over the old one."""
    with open(path + ".swp", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(path + ".swp", path)


def fact(title, date="2024-02"):
    return ("title: %s\nchart:\n  type: line\n  data: data/d.csv\n  x: date\n  series: [value]\n"
            "events:\n  - date: %s\n    title: marker\n" % (title, date))


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def wait_for(condition, seconds):
    """Seconds until condition() held, or None."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if condition():
            return time.monotonic() - start
        time.sleep(0.01)
    return None


class Watch:
    def __init__(self, *args):
        self.p = subprocess.Popen([FL, "watch", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.out, self.err = [], []
        for stream, lines in ((self.p.stdout, self.out), (self.p.stderr, self.err)):
            threading.Thread(target=lambda s=stream, l=lines: [l.append(x) for x in s], daemon=True).start()

    def said(self, text):
        return any(text in line for line in self.out)


    def stop(self, sig):
        self.p.send_signal(sig)
        try:
            return self.p.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.p.kill()
            return None


save("story/data/d.csv", "date,value\n2024-01,1\n2024-02,2\n2024-03,4\n")
save("story/facts.yaml", fact("First"))
w = Watch("story/facts.yaml", "-o", "out.svg", "-o", "out.png")
check("the first render comes", wait_for(lambda: w.said("rendered"), 30) is not None, "".join(w.out + w.err))
check("it says what it watches (the fact file, its CSV, its template)", wait_for(lambda: w.said("watching 3 files"), 5),
      "".join(w.out))
first = read("out.svg")
check("the outputs are written", first and b"First" in first and read("out.png"))

save("story/facts.yaml", fact("Second"))
took = wait_for(lambda: b"Second" in (read("out.svg") or b""), 5)
check("an edit of the fact file (saved by rename) re-renders within a second (%.3f s)" % (took or -1),
      took is not None and took < 1.0)

before, before_png = read("out.svg"), read("out.png")
with open("story/data/d.csv", "a", encoding="utf-8") as f:  # edited in place
    f.write("2024-04,9\n")
took = wait_for(lambda: read("out.svg") != before, 5)
check("an edit of the CSV it reads re-renders within a second (%.3f s)" % (took or -1), took is not None and took < 1.0)

wait_for(lambda: read("out.png") != before_png, 5)  # renamed into place just after the SVG
good = read("out.svg")
good_png = read("out.png")
errors_before = len(w.err)
save("story/facts.yaml", fact("Broken", "2024-02-30"))
took = wait_for(lambda: any("error:" in line for line in w.err[errors_before:]), 5)
check("a broken edit prints a diagnostic within a second (%.3f s)" % (took or -1), took is not None and took < 1.0,
      "".join(w.err))
check("the diagnostic is located: story/facts.yaml:8:19",
      any(line.startswith("story/facts.yaml:8:19: error:") for line in w.err), "".join(w.err))
time.sleep(0.2)
check("the last good outputs are kept", read("out.svg") == good and read("out.png") == good_png)
check("it says it keeps them", wait_for(lambda: w.said("keep their last good version"), 2), "".join(w.out))

save("story/facts.yaml", fact("Fixed"))
took = wait_for(lambda: b"Fixed" in (read("out.svg") or b""), 5)
check("fixing it re-renders (%.3f s)" % (took or -1), took is not None and took < 1.0)

rc = w.stop(signal.SIGINT)
check("Ctrl-C (SIGINT) stops it with exit 0", rc == 0, "exit %s\n%s" % (rc, "".join(w.err)))
check("it says it stopped", w.said("stopped"))
check("no temporary files are left", not [f for f in os.listdir(".") if f.startswith(".fl-")], os.listdir("."))

w = Watch("story/facts.yaml", "-o", "again.svg")
wait_for(lambda: w.said("watching"), 30)
rc = w.stop(signal.SIGTERM)
check("SIGTERM stops it with exit 0", rc == 0, "exit %s" % rc)

p = subprocess.run([FL, "watch", "story/facts.yaml", "-o", "x.gif"], capture_output=True, text=True, timeout=30)
check("an output it cannot write is a usage error (2), before watching", p.returncode == 2, p.stderr)

shutil.rmtree(T)
finish()
