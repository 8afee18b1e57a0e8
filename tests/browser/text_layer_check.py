#!/usr/bin/python3
"""text_layer_check.py CHART.svg SCENE.json: checks factline's invisible text layer in headless
Chromium (Debian chromium + chromium-driver + python3-selenium) and rsvg-convert. (From the
measurements behind the layer's markup: the design note on SVG text layers.)

  1. invisible: the SVG renders pixel-identically with and without the layer (rsvg-convert,
     Inkscape when installed, and Chromium with the SVG inlined in a page);
  2. findable: window.find() finds every text item of the scene (wrapped lines joined by the
     characters the break consumed, as in the fact file) and selects exactly that text;
  3. in place: the invisible glyphs start and end where the drawn lines do (the item's box in the
     scene JSON, 1 px), and lie on them vertically (a quarter of a line: fallback fonts differ);
     dragging the mouse over each event title's drawn lines selects exactly its text and lights
     up its box;
  4. accessible: one graphics-document named by the chart title, one listitem per event named
     "date — title", and no text node under the document (nothing is read twice);
  5. printable: a PDF printed by Chromium carries every event title (pdftotext).
Exit 0 when all hold, 1 with one line per failure, 77 when the browser tools are missing (ctest:
SKIP_RETURN_CODE 77)."""
import base64, io, json, os, re, shutil, subprocess, sys, tempfile

try:
    import numpy as np
    from PIL import Image
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
except ImportError as e:
    print(f'skipped: {e}'); sys.exit(77)
if not (shutil.which('chromium') and shutil.which('chromedriver') and shutil.which('rsvg-convert')):
    print('skipped: chromium, chromedriver or rsvg-convert missing'); sys.exit(77)

SVG, SCENE = open(sys.argv[1], encoding='utf-8').read(), json.load(open(sys.argv[2], encoding='utf-8'))
LAYER_ROLES = {'title', 'subtitle', 'legend', 'tick', 'event-date', 'event-title', 'event-text',
               'as-of', 'source', 'credit', 'note', 'group'}
X_TOLERANCE = 1.0   # px: textLength puts both ends of each line on the drawn ends
Y_TOLERANCE = 0.25  # of the line height: the viewer's fallback font has its own ascent and descent
failures = []


def without_layer(svg):
    """The same SVG with the text layer (and its selection style) taken out."""
    p = re.search(r'<g id="(fl[0-9a-f]{8}-)text"', svg)
    if not p:
        failures.append('no text layer (<g id="fl…-text">) in the SVG'); return svg
    svg = re.sub(r'<style>#' + p.group(1) + r'text[^<]*</style>\n?', '', svg)
    start = at = svg.index(f'<g id="{p.group(1)}text"')
    depth = 0
    for m in re.finditer(r'<g[\s>]|</g>', svg[start:]):  # to the layer's own </g>
        depth += -1 if m.group() == '</g>' else 1
        if depth == 0:
            at = start + m.end(); break
    return svg[:start] + svg[at:].lstrip('\n')


def pixels(png_bytes):
    return np.asarray(Image.open(io.BytesIO(png_bytes)).convert('RGBA')).astype(int)


def same_pixels(a, b, what):
    if a.shape != b.shape or (a != b).any():
        n = int((np.abs(a - b).max(axis=2) > 0).sum()) if a.shape == b.shape else 'size'
        failures.append(f'{what}: the text layer is visible ({n} pixels differ)')


def page(svg):
    return ('<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>t</title>'
            '<style>body{margin:0}</style></head><body>' + re.sub(r'^<\?xml[^>]*>\s*', '', svg) +
            '</body></html>')


def joined(item):
    return item['text']  # the fact-file string: the lines plus what each break consumed


def main():
    bare = without_layer(SVG)
    tmp = tempfile.mkdtemp(prefix='svgtl-')
    for name, text in (('with.svg', SVG), ('without.svg', bare), ('with.html', page(SVG)),
                       ('without.html', page(bare))):
        open(os.path.join(tmp, name), 'w', encoding='utf-8').write(text)
    r = lambda f: subprocess.run(['rsvg-convert', os.path.join(tmp, f)], capture_output=True, check=True).stdout
    same_pixels(pixels(r('with.svg')), pixels(r('without.svg')), 'rsvg-convert')
    if shutil.which('inkscape'):  # optional: Inkscape paints fill="transparent" black
        def ink(f):
            out = os.path.join(tmp, f + '.png')
            subprocess.run(['inkscape', os.path.join(tmp, f), '--export-type=png', f'--export-filename={out}'],
                           capture_output=True, check=True, env={**os.environ, 'HOME': tmp})
            return pixels(open(out, 'rb').read())
        same_pixels(ink('with.svg'), ink('without.svg'), 'Inkscape')

    texts = [i for i in SCENE['items'] if i['type'] == 'text' and i['role'] in LAYER_ROLES]
    # How often each text occurs in the layer, also inside another ("2024년" in a subtitle): find
    # selects the first in document order, so positions are checked only for unique ones.
    every = [i['text'] for i in SCENE['items'] if i['type'] == 'text']
    counts = {joined(i): sum(t.count(joined(i)) for t in every) for i in texts}
    o = webdriver.ChromeOptions()
    for a in ('--headless=new', '--no-sandbox', '--disable-gpu', '--force-device-scale-factor=1',
              f'--window-size={int(SCENE["width"]) + 50},{int(SCENE["height"]) + 50}'):
        o.add_argument(a)
    o.binary_location = shutil.which('chromium')
    d = webdriver.Chrome(service=Service(shutil.which('chromedriver')), options=o)
    try:  # a viewport that holds the whole chart: nothing scrolls, mouse coordinates are page px
        d.execute_cdp_cmd('Emulation.setDeviceMetricsOverride', {
            'width': int(SCENE['width']) + 20, 'height': int(SCENE['height']) + 20,
            'deviceScaleFactor': 1, 'mobile': False})
        clip = {'x': 0, 'y': 0, 'width': SCENE['width'], 'height': SCENE['height'], 'scale': 1}
        shots = {}
        for name in ('without.html', 'with.html'):
            d.get('file://' + os.path.join(tmp, name))
            shots[name] = pixels(base64.b64decode(d.execute_cdp_cmd(
                'Page.captureScreenshot', {'format': 'png', 'clip': clip})['data']))
        same_pixels(shots['with.html'], shots['without.html'], 'Chromium')

        for item in texts:  # the page now shows with.html
            want = joined(item)
            got = d.execute_script("""
                getSelection().removeAllRanges();
                if (!window.find(arguments[0], true, false, true)) return null;
                // The <text> holding the match, one element per drawn line. Its glyph positions honour
                // textLength; Range rects and getBBox() do not quite (they use the fallback font's cells).
                let t = getSelection().getRangeAt(0).startContainer;
                while (t && t.nodeName !== 'text') t = t.parentNode;
                const lines = t.querySelector('tspan') ? [...t.querySelectorAll('tspan')] : [t];
                let l = 1e9, r = -1e9, top = 1e9, bottom = -1e9;
                for (const e of lines) {
                  const n = e.textContent.replace(/\s+$/, '').length, a = e.getExtentOfChar(0);  // drawn lines end in ink
                  l = Math.min(l, e.getStartPositionOfChar(0).x); r = Math.max(r, e.getEndPositionOfChar(n - 1).x);
                  top = Math.min(top, a.y); bottom = Math.max(bottom, a.y + a.height);
                }
                return [getSelection().toString(), l, r, top, bottom];""", want)
            if got is None:
                failures.append(f'find-in-page misses {want!r} ({item["role"]})'); continue
            if got[0] != want:
                failures.append(f'find selects {got[0]!r} for {want!r}')
            bx, by, bw, bh = item['box']
            ytol = Y_TOLERANCE * bh / len(item['lines'])
            if counts[want] == 1 and (abs(got[1] - bx) > X_TOLERANCE or abs(got[2] - (bx + bw)) > X_TOLERANCE
                                      or abs(got[3] - by) > ytol or abs(got[4] - (by + bh)) > ytol):
                failures.append(f'{want!r} lies at x {got[1]:.1f}..{got[2]:.1f} y {got[3]:.1f}..{got[4]:.1f}, '
                                f'drawn at x {bx}..{bx + bw:.2f} y {by}..{by + bh:.2f}')

        for item in texts:  # select with the mouse, as a reader would: drag over the drawn lines
            want = joined(item)
            if item['role'] != 'event-title' or counts[want] != 1:
                continue
            bx, by, bw, bh = item['box']
            lh = bh / len(item['lines'])
            x_end = d.execute_script("""
                for (const t of document.querySelectorAll('[id$="-text"] text')) {
                  if (t.textContent !== arguments[0]) continue;
                  const lines = t.querySelector('tspan') ? [...t.querySelectorAll('tspan')] : [t];
                  const e = lines[lines.length - 1], n = e.textContent.replace(/\\s+$/, '').length;
                  return e.getEndPositionOfChar(n - 1).x;
                }
                return null;""", want)
            if x_end is None:
                failures.append(f'no <text> holds {want!r} as its whole content'); continue
            d.execute_script('getSelection().removeAllRanges(); window.scrollTo(0, 0);')
            mouse = lambda t, x, y, **k: d.execute_cdp_cmd('Input.dispatchMouseEvent', {
                'type': t, 'x': x, 'y': y, 'button': 'left', **k})
            x0, y0, x1, y1 = bx + 1, by + lh / 2, x_end - 1, by + bh - lh / 2
            mouse('mouseMoved', x0, y0)
            mouse('mousePressed', x0, y0, clickCount=1, buttons=1)
            for f in (0.5, 1.0):
                mouse('mouseMoved', x0 + (x1 - x0) * f, y0 + (y1 - y0) * f, buttons=1)
            mouse('mouseReleased', x1, y1, clickCount=1)
            got = d.execute_script('return getSelection().toString();')
            if got != want:
                failures.append(f'dragging over {want!r} selects {got!r}')
            shot = pixels(base64.b64decode(d.execute_cdp_cmd(
                'Page.captureScreenshot', {'format': 'png', 'clip': clip})['data']))
            x, y, w, h = (int(round(v)) for v in item['box'])
            lit = (np.abs(shot[y:y + h, x:x + w] - shots['with.html'][y:y + h, x:x + w]).max(axis=2) > 0).mean()
            if lit < 0.25:
                failures.append(f'selecting {want!r} highlights {lit:.0%} of its box')
            d.execute_script('getSelection().removeAllRanges();')

        nodes = d.execute_cdp_cmd('Accessibility.getFullAXTree', {})['nodes']
        name = lambda n: str((n.get('name') or {}).get('value', ''))
        role = lambda n: str((n.get('role') or {}).get('value', ''))
        title = next(i['text'] for i in texts if i['role'] == 'title')
        docs = [n for n in nodes if not n.get('ignored') and role(n) == 'graphics-document']
        if len(docs) != 1 or name(docs[0]) != title:
            failures.append(f'want one graphics-document named {title!r}, got {[name(n) for n in docs]}')
        events = sorted({i['event'] for i in texts if i.get('event') is not None})
        want_items = []
        for e in events:
            date = next((i['text'] for i in texts if i.get('event') == e and i['role'] == 'event-date'), None)
            head = next((i['text'] for i in texts if i.get('event') == e and i['role'] == 'event-title'), None)
            want_items.append(f'{date} — {head}' if date else head)
        # The events' list is the first; the lists after it are charts' series (their values).
        lists = [n for n in nodes if not n.get('ignored') and role(n) == 'list']
        events_list = lists[0]['nodeId'] if lists else None
        got_items = [name(n) for n in nodes if not n.get('ignored') and role(n) == 'listitem'
                     and n.get('parentId') == events_list]
        if got_items != want_items:
            failures.append(f'listitems {got_items} != {want_items}')
        by = {n['nodeId']: n for n in nodes}
        def static_under(n):
            for c in n.get('childIds', []):
                k = by.get(c)
                if k and ((not k.get('ignored') and role(k) == 'StaticText') or static_under(k)):
                    return True
            return False
        if docs and static_under(docs[0]):
            failures.append('text nodes under the graphics-document: the labels would be read twice')

        pdf = base64.b64decode(d.execute_cdp_cmd('Page.printToPDF', {
            'printBackground': True, 'paperWidth': SCENE['width'] / 96 + 0.1,
            'paperHeight': SCENE['height'] / 96 + 0.1, 'marginTop': 0, 'marginBottom': 0,
            'marginLeft': 0, 'marginRight': 0})['data'])
        flat = ' '.join(subprocess.run(['pdftotext', '-', '-'], input=pdf, capture_output=True).stdout.decode().split())
        for i in texts:
            if i['role'] == 'event-title' and ' '.join(i['text'].split()) not in flat:
                failures.append(f'printed PDF lacks {i["text"]!r}')
    finally:
        d.quit()
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print('FAIL', f)
    if failures:
        sys.exit(1)
    print(f'ok: {len(texts)} texts findable and in place, event titles selectable by mouse, '
          f'{len(want_items)} events in the accessibility tree, layer invisible, titles in the printed PDF')


if __name__ == '__main__':
    main()
