#!/usr/bin/env python3
"""Checks that an SVG (or HTML page) factline wrote is safe to put in a web page
(docs/security.md).

    usage: svg_safety.py FILE.svg|FILE.html...      (exit 1 and one line per problem if any)

- `xmllint --noout` accepts it (well-formed XML);
- parsed as XML, no element is script, foreignObject, iframe, object or embed (in any
  namespace, any case), no attribute's name starts with "on" (event handlers), and no
  attribute's value is a javascript:, vbscript: or data:text/html address (spaces and control
  characters ignored, any case, as browsers read them);
- the text has no DOCTYPE or entity declaration, and no "<script" anywhere.
Text that merely says "javascript:" is fine: it is escaped character data, not a link.
An HTML page is read with Python's HTML parser and held to the same element and attribute
rules (its inline SVG included).
"""
import html.parser
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

BAD_ELEMENTS = {"script", "foreignobject", "iframe", "object", "embed", "handler", "listener"}
BAD_URL = re.compile(r"^(javascript|vbscript|data:text/html)", re.I)


def local(name):
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def element_problems(tag, attrs):
    found = []
    if local(tag) in BAD_ELEMENTS:
        found.append("element <%s>" % local(tag))
    for name, value in attrs:
        if local(name).startswith("on"):
            found.append("event handler attribute %s=" % local(name))
        if BAD_URL.match(re.sub(r"[\s\x00-\x1f]", "", value or "")):
            found.append("attribute %s holds a script address: %.60s" % (local(name), value))
    return found


class HtmlChecker(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found += element_problems(tag, attrs)

    handle_startendtag = handle_starttag


def html_problems(path):
    checker = HtmlChecker()
    checker.feed(open(path, encoding="utf-8").read())
    checker.close()
    return checker.found


def problems(path):
    if path.endswith(".html"):
        return html_problems(path)
    found = []
    lint = subprocess.run(["xmllint", "--noout", "--nonet", path], capture_output=True, text=True)
    if lint.returncode != 0:
        found.append("xmllint: " + (lint.stderr.strip().splitlines() or ["failed"])[0])
        return found
    raw = open(path, "rb").read().decode("utf-8")
    if "<script" in raw.lower():
        found.append("holds <script")
    if re.search(r"<!(DOCTYPE|ENTITY)", raw, re.I):
        found.append("holds a DOCTYPE or ENTITY declaration")
    for el in ET.fromstring(raw).iter():
        found += element_problems(el.tag, el.attrib.items())
    return found


def main(paths):
    bad = 0
    for p in paths:
        for problem in problems(p):
            print("%s: %s" % (p, problem))
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
