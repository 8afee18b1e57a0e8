#!/usr/bin/python3
"""factline's SVG in a real browser (issue 14): headless Chromium through chromedriver.

    browser_test.py FACTLINE SOURCE_DIR WORK_DIR

- the report sample page (two charts inline, one of them twice under two --id-prefix, and as
  <img>): no duplicate id; find-in-page finds every event title of both charts, also a title
  wrapped onto two lines, searched whole;
- factline's own page (-o page.html): the accessibility tree names the chart by its title once,
  holds one list item "DATE — TITLE" per event, each once, and the link of an event;
- the SVG's rendering by Chromium and by rsvg-convert against factline's PNG: at most 1 % of
  pixels differ by more than 16 of 255 and 0.15 % by more than 64;
- every SVG written passes xmllint and has no script, foreignObject or on… attribute.
Exit 0 when all pass, 1 with a line per failure, 77 (skipped) when a tool is missing."""
import base64
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

try:
    import numpy  # noqa: F401  (pixel_diff needs it)
    from PIL import Image  # noqa: F401
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
except ImportError as e:
    print(f"skipped: {e} (scripts/deps.sh installs python3-selenium, python3-numpy, python3-pil)")
    sys.exit(77)

import pixel_diff  # noqa: E402

SVG = "{http://www.w3.org/2000/svg}"
LIMIT_16, LIMIT_64 = 0.01, 0.0015
failures = []


def check(ok, what):
    print(("ok   - " if ok else "FAIL - ") + what, flush=True)
    if not ok:
        failures.append(what)


def run(*args):
    return subprocess.run([str(a) for a in args], check=True, capture_output=True)


def safe_svg(path):
    """xmllint passes; no script, foreignObject, on… attribute or javascript: reference."""
    lint = subprocess.run(["xmllint", "--noout", str(path)], capture_output=True, text=True)
    root = ET.parse(path).getroot()
    bad = []
    for el in root.iter():
        tag = el.tag.split("}")[-1]
        if tag in ("script", "foreignObject"):
            bad.append(tag)
        for name, value in el.attrib.items():
            if name.split("}")[-1].lower().startswith("on"):
                bad.append(name)
            if "href" in name and value.strip().lower().startswith("javascript:"):
                bad.append(value)
    check(lint.returncode == 0 and not bad, f"{path.name}: xmllint passes, nothing active {bad[:3]}")


def event_titles(scene_json):
    items = json.loads(scene_json.read_text(encoding="utf-8"))["items"]
    titles = {}
    for it in items:
        if it.get("role") == "event-title":
            titles.setdefault(it["event"], it["text"])
    return [titles[k] for k in sorted(titles)]


def start_browser(profile):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--hide-scrollbars", "--force-color-profile=srgb", "--font-render-hinting=none",
                 f"--user-data-dir={profile}", "--window-size=1400,1000"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def found(driver, text):
    """window.find from the top of the page, wrapping round: the browser's find-in-page."""
    return driver.execute_script(
        "window.getSelection().removeAllRanges();"
        "return window.find(arguments[0], false, false, true, false, true, false);", text)


def screenshot_svg(driver, svg_path, out_png, scheme="light", page=None):
    """Chromium's rendering of the SVG file (or of `page`, which holds it at 0,0) at its own
    size, device scale 1, with the reader's system asking for `scheme`."""
    root = ET.parse(svg_path).getroot()
    w, h = int(float(root.get("width"))), int(float(root.get("height")))
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": w, "height": h, "deviceScaleFactor": 1, "mobile": False})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    driver.get((page or svg_path).as_uri())
    time.sleep(0.3)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False})
    out_png.write_bytes(base64.b64decode(shot["data"]))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def compare(what, a, b):
    s16, s64 = pixel_diff.shares(a, b)
    check(s16 <= LIMIT_16 and s64 <= LIMIT_64,
          f"{what}: {100 * s16:.3f} % of pixels differ by > 16, {100 * s64:.4f} % by > 64")


def ax_nodes(driver):
    tree = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    out = []
    for n in tree:
        if n.get("ignored"):
            continue
        role = n.get("role", {}).get("value", "")
        name = n.get("name", {}).get("value", "")
        out.append((role, name))
    return out


def main():
    factline, source, work = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    for tool in ("chromium", "chromedriver", "rsvg-convert", "xmllint"):
        if not shutil.which(tool):
            print(f"skipped: {tool} is not installed (scripts/deps.sh installs it)")
            return 77
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    samples = source / "samples"
    # The report sample page, built as samples/report is.
    run("/usr/bin/python3", samples / "report" / "make_report.py", factline, work / "report")
    # factline's own outputs of the two samples.
    for name in ("ai-chip-race", "korean-history"):
        run(factline, "render", samples / f"{name}.yaml", "-o", work / f"{name}.svg", "-o", work / f"{name}.png",
            "-o", work / f"{name}.json", "-o", work / f"{name}.html")
    run(factline, "render", samples / "korea-chip-exports.yaml", "-o", work / "chart.svg")
    # Appearance auto: one SVG with both; the dark PNG to compare its dark rendering with.
    race = samples / "ai-chip-race.yaml"
    run(factline, "render", race, "--appearance", "auto", "-o", work / "auto.svg")
    run(factline, "render", race, "--appearance", "dark", "-o", work / "dark.png")
    auto_svg = (work / "auto.svg").read_text(encoding="utf-8")
    (work / "auto-class.html").write_text(
        '<!DOCTYPE html><html class="dark"><body style="margin:0">' + auto_svg.split("\n", 1)[1] + "</body></html>",
        encoding="utf-8")
    (work / "auto-img.html").write_text(
        '<!DOCTYPE html><html><body style="margin:0"><img src="auto.svg" style="display:block"></body></html>',
        encoding="utf-8")
    # A hostile fact file: markup, quotes and a link with & in every string.
    hostile = work / "hostile.yaml"
    hostile.write_text("""title: "<script>alert(1)</script> & \\"q\\" 'a' ]]> <!-- -->"
subtitle: "<foreignObject onload=\\"x()\\">"
events:
  - date: 2024-01
    title: "<svg onload=alert(1)> &amp; <![CDATA[ x ]]>"
    text: "javascript:alert(1) <a href='javascript:x'>"
    link: "https://example.com/?a=1&b=<2>&c=\\"3\\""
""", encoding="utf-8")
    for mode in ("outline+text", "outline", "text"):
        run(factline, "render", hostile, "--svg-text", mode, "-o", work / f"hostile-{mode}.svg")
    # Links in the PDF (an annotation with the URI), the scene JSON and the SVG; the PDF's language.
    run(factline, "render", hostile, "-o", work / "hostile.pdf", "-o", work / "hostile.json")
    url = "https://example.com/?a=1&b=<2>&c=\"3\""
    pdf = (work / "hostile.pdf").read_bytes()
    info = subprocess.run(["pdfinfo", str(work / "hostile.pdf")], capture_output=True, text=True)
    check(b"/URI (https://example.com/?a=1&b=<2>&c=\"3\")" in pdf and info.returncode == 0 and not info.stderr,
          "the PDF links the event's label to its URL, and pdfinfo reads it cleanly")
    check(b"/Lang (" in pdf, "the PDF has its language")
    linked = [i for i in json.loads((work / "hostile.json").read_text(encoding="utf-8"))["items"] if "link" in i]
    check(linked and all(i["link"] == url and i.get("event") == 0 for i in linked),
          f"the scene JSON carries the link on the event's labels ({len(linked)})")
    hrefs = [a.get("href") for a in ET.parse(work / "hostile-outline+text.svg").getroot().iter(SVG + "a")]
    check(hrefs == [url], f"the SVG links the event: {hrefs}")
    bad_link = work / "bad-link.yaml"
    bad_link.write_text("title: t\nevents:\n  - date: 2024-01\n    title: x\n    link: javascript:alert(1)\n",
                        encoding="utf-8")
    r = subprocess.run([str(factline), "render", str(bad_link), "-o", str(work / "bad-link.svg")],
                       capture_output=True, text=True)
    check(r.returncode != 0 and not (work / "bad-link.svg").exists() and "link" in r.stderr,
          "a javascript: link is an error and nothing is written")

    # Lean: the article sample's default SVG, text layer included, within 45 % of Cairo's 282,643 B.
    size = (work / "ai-chip-race.svg").stat().st_size
    check(size <= 127189, f"ai-chip-race.svg is {size:,} B (at most 127,189)")

    svgs = sorted(work.glob("*.svg")) + sorted((work / "report").glob("*.svg"))
    for svg in svgs:
        safe_svg(svg)

    # No duplicate id in the report page, which inlines three SVGs.
    page = (work / "report" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'\bid="([^"]*)"', page)
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    check(ids and not dupes, f"report page: {len(ids)} ids, none twice {dupes[:3]}")

    profile = tempfile.mkdtemp(prefix="factline-chromium-")
    driver = start_browser(profile)
    try:
        driver.get((work / "report" / "index.html").as_uri())
        check(not found(driver, "이 문장은 어디에도 없다"), "find-in-page does not find what is not there")
        for name in ("ai-chip-race", "korean-history"):
            titles = event_titles(work / f"{name}.json")
            missing = [t for t in titles if not found(driver, t)]
            check(titles and not missing, f"report page: find-in-page finds all {len(titles)} event titles "
                                          f"of {name} {missing[:2]}")
        wrapped = "미국, 저사양 AI 반도체 수출 금지 추가"
        lines = [it["lines"] for it in json.loads((work / "ai-chip-race.json").read_text(encoding="utf-8"))["items"]
                 if it.get("text") == wrapped]
        check(lines and len(lines[0]) == 2 and found(driver, wrapped),
              f"a title wrapped onto two lines {lines[:1]} is found whole")
        copied = driver.execute_script("return window.getSelection().toString()")
        check(copied == wrapped, f"the selection after finding it reads {copied!r}")

        # The accessibility tree of factline's own page (one SVG).
        scene = json.loads((work / "ai-chip-race.json").read_text(encoding="utf-8"))
        title = next(i["text"] for i in scene["items"] if i["role"] == "title")
        driver.get((work / "ai-chip-race.html").as_uri())
        nodes = ax_nodes(driver)
        named_title = [r for r, n in nodes if n == title and r != "RootWebArea"]
        check(named_title == ["graphics-document"], f"the title names one node: {named_title}")
        items = [n for r, n in nodes if r == "listitem"]
        dates = {}
        for it in scene["items"]:
            if it.get("role") == "event-date":
                dates.setdefault(it["event"], it["text"])
        titles = event_titles(work / "ai-chip-race.json")
        want = [f"{dates[k]} — {t}" for k, t in enumerate(titles)]
        check(items == want, f"one list item per event, in order ({len(items)} of {len(want)}): {items[:2]}")
        rows = driver.execute_script("return [...document.querySelectorAll('tbody tr')].map(r => r.cells[1].textContent)")
        check(len([1 for r, n in nodes if r == "table"]) == 1 and rows == titles,
              f"the page's table has a row per event, in order ({len(rows)})")
        # A chart: a group with a named list per series, an item per value.
        driver.get((work / "chart.svg").as_uri())
        chart_nodes = ax_nodes(driver)
        lists = [n for r, n in chart_nodes if r == "list"]
        values = [n for r, n in chart_nodes if r == "listitem"]
        check(lists == ["반도체 수출액"] and len(values) == 7 and values[0].startswith("2018: "),
              f"the chart's series is a named list of its values: {lists} {values[:2]}")
        texts = [n for r, n in nodes if r == "StaticText" and n == title]
        check(len(texts) == 0, f"the chart's title is not read again as text ({len(texts)})")

        # Pixels: Chromium and rsvg-convert against factline's PNG.
        for name in ("ai-chip-race", "korean-history"):
            shot = work / f"{name}.chromium.png"
            screenshot_svg(driver, work / f"{name}.svg", shot)
            compare(f"{name}: Chromium's SVG vs factline's PNG", shot, work / f"{name}.png")
            run("rsvg-convert", work / f"{name}.svg", "-o", work / f"{name}.rsvg.png")
            compare(f"{name}: rsvg-convert's SVG vs factline's PNG", work / f"{name}.rsvg.png", work / f"{name}.png")
        # Appearance auto: light without CSS (rsvg-convert) and for a light system; dark for a
        # dark system (the file, and as <img>) and under a page's .dark class.
        run("rsvg-convert", work / "auto.svg", "-o", work / "auto.rsvg.png")
        compare("auto, rsvg-convert (no media queries) vs the light PNG", work / "auto.rsvg.png",
                work / "ai-chip-race.png")
        for scheme, page, want in (("light", None, "ai-chip-race.png"), ("dark", None, "dark.png"),
                                   ("light", work / "auto-class.html", "dark.png"),
                                   ("dark", work / "auto-img.html", "dark.png")):
            how = page.stem if page else "the file"
            shot = work / f"auto-{scheme}-{page.stem if page else 'file'}.chromium.png"
            screenshot_svg(driver, work / "auto.svg", shot, scheme, page)
            compare(f"auto, Chromium, system {scheme}, {how} vs {want}", shot, work / want)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    if failures:
        print(f"{len(failures)} failed")
        return 1
    print("all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
