"""`factline import` end to end on TimelineJS's own examples (excerpts, see timelinejs/README.md)
and on fixtures of ours: every import validates against docs/factline.schema.json, passes
`factline check` and renders; eras and groups survive; no HTML reaches the fact file; what
cannot be carried over is a warning at its place.
   usage: import_test.py FACTLINE_BINARY SOURCE_DIR"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

import jsonschema

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # tests/harness.py
sys.path.insert(0, os.path.join(os.path.abspath(sys.argv[2]), "tests", "schema"))
from harness import check, finish  # noqa: E402
from validate_samples import load_fact_file  # noqa: E402

FL = os.path.abspath(sys.argv[1])
SRC = os.path.abspath(sys.argv[2])
HERE = os.path.join(SRC, "tests", "build", "timelinejs")
T = tempfile.mkdtemp(prefix="factline-import-test.")
import json  # noqa: E402

validator = jsonschema.Draft202012Validator(json.load(open(os.path.join(SRC, "docs", "factline.schema.json"))))
HTML = re.compile(r"<\s*/?\s*[A-Za-z!?]|&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);")


def run(*args):
    p = subprocess.run([FL, *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def imported(name):
    """Imports a fixture; checks what every import must give; returns (document, text, stderr)."""
    out = os.path.join(T, name + ".yaml")
    rc, _, err = run("import", os.path.join(HERE, name), "-o", out)
    check("%s: import exits 0" % name, rc == 0, err)
    text = open(out, encoding="utf-8").read() if os.path.exists(out) else ""
    check("%s: no HTML tag or entity reaches the fact file" % name, text and not HTML.search(text),
          HTML.search(text).group(0) if text and HTML.search(text) else "no file")
    doc = load_fact_file(out) if text else {}
    errors = [e.message for e in validator.iter_errors(doc)]
    check("%s: the fact file validates against the schema" % name, text and not errors, errors[:3])
    rc, _, check_err = run("check", out)
    check("%s: factline check passes it" % name, rc == 0, check_err)
    rc, _, render_err = run("render", out, "-o", out + ".svg", "-o", out + ".png")
    check("%s: it renders (SVG, PNG) without a warning" % name, rc == 0 and render_err == "", render_err)
    return doc, text, err


def events(doc):
    return doc.get("events", [])


# TimelineJS's own JSON example with eras.
doc, text, err = imported("eras-excerpt.json")
check("eras-excerpt.json: the title", doc.get("title") == "Eras Test", doc.get("title"))
check("eras-excerpt.json: 3 eras become era: true spans", [e["title"] for e in events(doc) if e.get("era")] ==
      ["Era Test 650-700", "Era Test 600-650", "Era Test 700-720"], text[:400])
check("eras-excerpt.json: the six events, spans with start/end", len([e for e in events(doc) if not e.get("era")]) == 6
      and events(doc)[0].get("start") == 602 and events(doc)[0].get("end") == 629, events(doc)[:1])
check("eras-excerpt.json: media URLs become link:",
      events(doc)[0].get("link") == "https://en.wikipedia.org/wiki/Roman-Persian_Wars", events(doc)[:1])
check("eras-excerpt.json: backgrounds are a warning at their place",
      "eras-excerpt.json: warning: events[0].background: backgrounds not carried over" in err, err)

# TimelineJS's Google Sheets layout, as CSV.
doc, text, err = imported("sheet-excerpt.csv")
check("sheet-excerpt.csv: the title-type row is the title", doc.get("title") == "MY OWN CSV", doc.get("title"))
ada = [e for e in events(doc) if e["title"] == "Ada Lovelace"]
check("sheet-excerpt.csv: Year/Month/Day and End Year/Month/Day make a span",
      ada and ada[0].get("start") == "1815-12-10" and ada[0].get("end") == "1852-11-27", ada)
check("sheet-excerpt.csv: HTML in Text is plain text", ada and ada[0]["text"].startswith(
    "Women have been programming since before it was a thing. Take Ada Lovelace: Daughter of Lord Byron"), ada)
check("sheet-excerpt.csv: a Media cell that is no address is a located warning (line:column of the cell)",
      re.search(r"sheet-excerpt\.csv:4:\d+: warning: media that is not an http\(s\) address", err), err)

# Ours: groups, eras, HTML and entities, what has no place.
doc, text, err = imported("groups.json")
check("groups.json: the title loses its tags, keeps its words", doc.get("title") == "Chips & power", doc.get("title"))
check("groups.json: groups survive, in order of use", [g["id"] for g in doc.get("groups", [])] == ["US", "China"],
      doc.get("groups"))
check("groups.json: events keep their group", [e.get("group") for e in events(doc)] == ["US", "China", "US", "China",
                                                                                          None, "US"], events(doc))
check("groups.json: eras become era: true spans (one ongoing, with its group)",
      [(e["title"], e.get("end"), e.get("group")) for e in events(doc) if e.get("era")] ==
      [("First round", 2020, None), ("Second round", None, "US")], events(doc))
huawei = events(doc)[0]
check("groups.json: entities decoded, <br> a line break, <script> dropped",
      huawei["title"] == "Huawei on the Entity List" and huawei["text"] == "Commerce adds Huawei & 68 affiliates.\n"
      "It’s a turning point for chips < 10 nm.", huawei)
check("groups.json: the script's code is gone", "alert" not in text)
check("groups.json: a list becomes lines", events(doc)[1]["text"] == "첫째\n둘째 & 셋째", events(doc)[1])
check("groups.json: a javascript: media URL is not a link", "javascript" not in text)
check("groups.json: an event with text only gets its text as the title",
      events(doc)[2]["title"].startswith("Rules tightened again"), events(doc)[2])
check("groups.json: Korean titles make the locale ko? (mixed: en wins here)", doc.get("locale") in ("en", "ko"))
for place, what in (("events[0].start_date.hour", "times of day not carried over"),
                    ("events[0].display_date", "display dates not carried over"),
                    ("events[0].media.caption", "media captions not carried over"),
                    ("events[0].unique_id", "unique_id not carried over"),
                    ("events[1].media.url", "media that is not an http(s) address"),
                    ("events[3].start_date", "year 0 is no year"),
                    ("events[4].text.headline", "links inside text not carried over")):
    check("groups.json: a warning at %s: %s" % (place, what), "groups.json: warning: %s: %s" % (place, what) in err, err)
check("groups.json: the year-0 event is left out, saying so", "events[3]: an event without a usable date is left out" in err
      and "No such year" not in text, err)

doc, text, err = imported("groups.csv")
check("groups.csv: title, era and groups", doc.get("title") == "Chips & power" and
      [e["title"] for e in events(doc) if e.get("era")] == ["First round"] and
      [g["id"] for g in doc.get("groups", [])] == ["US", "China"], text[:500])
check("groups.csv: the Time cell is a warning at its line and column (4:11)",
      "groups.csv:4:11: warning: times of day not carried over" in err, err)
check("groups.csv: the Background cell too (4:174)", re.search(r"groups\.csv:4:\d+: warning: backgrounds", err), err)

# --strict: warnings fail the import and nothing is written; bad input is an error (1).
out = os.path.join(T, "strict.yaml")
rc, _, err = run("import", os.path.join(HERE, "groups.json"), "-o", out, "--strict")
check("--strict with warnings: exit 1, nothing written", rc == 1 and not os.path.exists(out), err)
with open(os.path.join(T, "bad.json"), "w") as f:
    f.write('{"events": [1, 2')
rc, _, err = run("import", os.path.join(T, "bad.json"), "-o", out)
check("invalid JSON: exit 1, nothing written", rc == 1 and not os.path.exists(out) and "invalid JSON" in err, err)
with open(os.path.join(T, "none.json"), "w") as f:
    f.write('{"title": {"text": {"headline": "x"}}}')
rc, _, err = run("import", os.path.join(T, "none.json"), "-o", out)
check("JSON without events: exit 1 naming the problem", rc == 1 and "no \"events\" list" in err, err)
rc, _, err = run("import", os.path.join(T, "no-such.json"), "-o", out)
check("a missing input: exit 2", rc == 2, err)
rc, stdout, err = run("import", os.path.join(HERE, "groups.csv"), "-o", "-")
check("-o - writes the fact file to standard output", rc == 0 and stdout.startswith("# Imported from groups.csv"), err)

shutil.rmtree(T)
finish()
