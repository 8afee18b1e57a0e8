"""Checks of factline's outputs for cli_test.sh: `python3 cli_checks.py CHECK ARGS...`.

Each check exits 0 when it holds, and otherwise prints why (AssertionError) and exits 1.
"""
import json
import math
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

SVG_NS = "{http://www.w3.org/2000/svg}"


def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def top_level_scalar(fact_text, key):
    """A top-level `key: value` of a fact file: plain, 'single' or "double" quoted (no escapes
    other than '' inside single quotes)."""
    m = re.search(r"^%s:[ \t]*(.*?)[ \t]*$" % re.escape(key), fact_text, re.M)
    assert m, "no top-level %s: in the fact file" % key
    v = m.group(1)
    if len(v) >= 2 and v[0] == v[-1] == "'":
        return v[1:-1].replace("''", "'")
    if len(v) >= 2 and v[0] == v[-1] == '"':
        return v[1:-1]
    return v


def pdf_dated_only_by_date(undated, dated):
    """The dated PDF equals the undated one except inside its /CreationDate entry."""
    a, b = read_bytes(undated), read_bytes(dated)
    at = b.find(b"/CreationDate (")
    end = b.find(b")", at)
    assert at >= 0 and end > at, "no /CreationDate in the dated PDF"
    assert b"/CreationDate (" not in a, "the undated PDF has a /CreationDate"
    assert len(a) == len(b), "sizes differ: %d vs %d" % (len(a), len(b))
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    outside = [i for i in diff if not at <= i <= end]
    assert not outside, "bytes differ outside the CreationDate entry, at offsets %s" % outside[:5]
    assert diff, "the PDFs are identical"


def svg_structure(svg_path, json_path, fact_path):
    """width/height in px (unitless), matching viewBox and scene size, <title>/<desc> =
    title/subtitle, glyphs as outlines, every <text> in the one invisible text layer."""
    root = ET.parse(svg_path).getroot()
    scene = json.load(open(json_path, encoding="utf-8"))
    w, h = root.get("width", ""), root.get("height", "")
    assert re.fullmatch(r"[0-9.]+", w) and re.fullmatch(r"[0-9.]+", h), \
        "width/height not plain px: %r %r" % (w, h)
    wv, hv = float(w), float(h)
    vb = [float(v) for v in root.get("viewBox", "").split()]
    assert vb == [0, 0, wv, hv], "viewBox %r does not match %s x %s" % (vb, w, h)
    assert (wv, hv) == (scene["width"], scene["height"]), \
        "SVG is %gx%g, scene is %gx%g" % (wv, hv, scene["width"], scene["height"])
    fact = read_text(fact_path)
    for tag, key in (("title", "title"), ("desc", "subtitle")):
        el = root.find(SVG_NS + tag)
        want = top_level_scalar(fact, key)
        got = el.text if el is not None else None
        assert got == want, "<%s> is %r, want %r" % (tag, got, want)
    assert root.findall(".//" + SVG_NS + "use"), "no glyph outlines"
    layers = [g for g in root.iter(SVG_NS + "g") if (g.get("id") or "").endswith("-text")]
    assert len(layers) == 1 and layers[0].get("fill-opacity") == "0", "no single invisible text layer"
    inside = {id(e) for e in layers[0].iter()}
    stray = [e for e in root.iter(SVG_NS + "text") if id(e) not in inside]
    assert not stray, "%d <text> elements outside the text layer" % len(stray)


def svg_ids(svg_path):
    """Every id has one fl<hash> prefix (then - or _) and every reference resolves; prints the prefix."""
    svg = read_text(svg_path)
    ids = re.findall(r'\bid="([^"]*)"', svg)
    assert ids, "no ids"
    prefixes = {re.match(r"(fl[0-9a-f]{8})[-_]|", i).group(1) or "" for i in ids}
    assert len(prefixes) == 1 and "" not in prefixes, \
        "ids do not share one prefix: %s" % sorted(prefixes)[:5]
    refs = re.findall(r'href="#([^"]*)"', svg) + re.findall(r"url\(#([^)]*)\)", svg)
    missing = sorted(set(refs) - set(ids))
    assert not missing, "references to missing ids: %s" % missing[:5]
    print(prefixes.pop())


def svg_escaped_title(svg_path):
    """The <title> holds <script>&"' escaped; there is no raw <script> anywhere."""
    svg = read_text(svg_path)
    assert "<script" not in svg, "raw <script> in the SVG"
    start = svg.index("<title")
    title = svg[svg.index(">", start) + 1:svg.index("</title>", start)]
    assert "&lt;script&gt;&amp;" in title, "no escaped <script>& in %r" % title
    assert "<" not in title and re.search(r"&(?!lt;|gt;|amp;|quot;|apos;|#)", title) is None, \
        "unescaped markup in %r" % title


def png_size(png_path, json_path, scale):
    """A PNG whose pixel size is ceil(scene size * scale)."""
    png = read_bytes(png_path)
    scene = json.load(open(json_path, encoding="utf-8"))
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR", "not a PNG"
    w, h = struct.unpack(">II", png[16:24])
    s = float(scale)
    want = (math.ceil(scene["width"] * s), math.ceil(scene["height"] * s))
    assert (w, h) == want, "PNG is %dx%d, want %dx%d" % (w, h, *want)


def pdf_has_title(pdf_path, json_path):
    """pdftotext finds the (Korean) title: the PDF has real text, not just outlines."""
    scene = json.load(open(json_path, encoding="utf-8"))
    title = next(i["text"] for i in scene["items"] if i.get("role") == "title")
    assert re.search("[\uac00-\ud7a3]", title), "title %r has no Hangul" % title
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf_path, "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    squash = lambda s: re.sub(r"\s+", "", s)
    assert squash(title) in squash(text), "%r not in the pdftotext output %r" % (title, text[:300])


def scene_events(json_path, fact_path):
    """width, height, items; an event-title item for every event of the fact file."""
    scene = json.load(open(json_path, encoding="utf-8"))
    assert scene["width"] > 0 and scene["height"] > 0, "bad size"
    items = scene["items"]
    assert isinstance(items, list) and items, "no items"
    n = len(re.findall(r"^\s*- date:", read_text(fact_path), re.M))
    assert n == 8, "expected the sample to have 8 events, found %d" % n
    titled = {i.get("event") for i in items if i.get("role") == "event-title"}
    assert titled == set(range(n)), \
        "event-title items for events %s, want 0..%d" % (sorted(titled, key=str), n - 1)


def diagnostic(stderr_path, fact_path, line, source_line, value):
    """`file:line:col: error: message`, the source line, a caret under `value`, `hint: …`."""
    lines = read_text(stderr_path).splitlines()
    pattern = re.escape(fact_path) + r":(\d+):(\d+): error: \S"
    k = next((k for k, l in enumerate(lines) if re.match(pattern, l)), None)
    assert k is not None, "no %s:line:col: error: line in %r" % (fact_path, lines)
    got_line, col = (int(g) for g in re.match(pattern, lines[k]).groups())
    assert got_line == int(line), "error on line %d, want %s" % (got_line, line)
    assert source_line[col - 1:].startswith(value), "column %d is not at %r" % (col, value)
    assert len(lines) > k + 2, "no source line and caret after %r" % lines[k]
    assert lines[k + 1] == "  " + source_line, "source line is %r" % lines[k + 1]
    assert lines[k + 2].rstrip() == " " * (2 + col - 1) + "^", \
        "caret line %r for column %d" % (lines[k + 2], col)
    assert any(l.startswith("  hint: ") for l in lines[k + 3:]), "no hint: line"


def error_positions(stderr_path, fact_path, *positions):
    """Human diagnostics: exactly one `fact_path:L:C: error:` line per given "L:C", in order."""
    pattern = re.escape(fact_path) + r":(\d+):(\d+): error: \S"
    got = ["%s:%s" % m.groups() for m in
           (re.match(pattern, l) for l in read_text(stderr_path).splitlines()) if m]
    assert got == list(positions), "errors at %s, want %s" % (got, list(positions))


JSON_KEYS = ["file", "line", "column", "severity", "message", "hint"]


def json_diagnostics(stderr_path, fact_path, *positions):
    """--diagnostics=json: every line of stderr is one JSON object with exactly JSON_KEYS, in
    that order; one per given "L:C" (or "-" for no position), in order, all about fact_path.
    Text is raw UTF-8, not \\u-escaped."""
    text = read_bytes(stderr_path).decode("utf-8")
    lines = text.splitlines()
    assert text.endswith("\n"), "stderr does not end with a newline"
    assert len(lines) == len(positions), "%d lines, want %d: %r" % (len(lines), len(positions), lines)
    for line, want in zip(lines, positions):
        d = json.loads(line)
        assert isinstance(d, dict), "not an object: %r" % line
        assert list(d) == JSON_KEYS, "keys %s, want %s" % (list(d), JSON_KEYS)
        assert d["file"] == fact_path, "file %r, want %r" % (d["file"], fact_path)
        assert d["severity"] in ("error", "warning"), "severity %r" % d["severity"]
        assert isinstance(d["message"], str) and d["message"], "message %r" % d["message"]
        assert d["hint"] is None or isinstance(d["hint"], str) and d["hint"], "hint %r" % d["hint"]
        at = "-" if d["line"] is None else "%d:%d" % (d["line"], d["column"])
        assert at == want, "at %s, want %s: %r" % (at, want, line)
        if want == "-":
            assert d["column"] is None, "a column without a line: %r" % line
        for value in d.values():
            if isinstance(value, str) and any(ord(c) > 127 for c in value):
                assert json.dumps(value, ensure_ascii=False) in line, "%r is \\u-escaped, not UTF-8" % value


def write_tofu(path, codepoint):
    """A fact file whose title, on line 2, holds the given code point."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("# the title has a character no font has\n"
                "title: Tofu " + chr(int(codepoint, 16)) + " here\n"
                "events:\n  - date: 2024-05\n    title: event\n")


CHECKS = {f.__name__: f for f in (pdf_dated_only_by_date, svg_structure, svg_ids,
                                   svg_escaped_title, png_size, pdf_has_title, scene_events,
                                   diagnostic, error_positions, json_diagnostics, write_tofu)}

if __name__ == "__main__":
    try:
        CHECKS[sys.argv[1]](*sys.argv[2:])
    except (AssertionError, OSError, ValueError, KeyError, StopIteration, ET.ParseError,
            subprocess.CalledProcessError) as e:
        print("%s: %s" % (type(e).__name__, e))
        sys.exit(1)
