#!/usr/bin/python3
"""Builds the report sample: an article page with factline's charts inline and as <img>, and a
Markdown file that embeds the SVG as an image (docs/embedding.md explains each way).

    samples/report/make_report.py FACTLINE [OUT_DIR]

FACTLINE is the factline command; OUT_DIR defaults to this folder. The browser test builds the
same page in its own folder. Two charts are inlined, and the first once more under another
--id-prefix, as a summary box would: the page must still have no duplicate id."""
import html
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
SAMPLES = HERE.parent


def render(factline, fact, out_dir, name, *extra):
    subprocess.run([factline, "render", str(SAMPLES / fact), "-o", str(out_dir / name), *extra], check=True)
    return (out_dir / name).read_text(encoding="utf-8") if name.endswith(".svg") else None


def inline(svg):
    return svg.split("\n", 1)[1] if svg.startswith("<?xml") else svg


def main():
    factline = sys.argv[1]
    out = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else HERE
    out.mkdir(parents=True, exist_ok=True)
    race = render(factline, "ai-chip-race.yaml", out, "ai-chip-race.svg", "--id-prefix", "race")
    render(factline, "ai-chip-race.yaml", out, "ai-chip-race.png")
    history = render(factline, "korean-history.yaml", out, "korean-history.svg")
    summary = render(factline, "ai-chip-race.yaml", out, "ai-chip-race-summary.svg", "--id-prefix", "race-summary")
    page = f"""<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>보고서 예시: factline 차트 넣기</title>
<style>
body {{ margin: 0; font-family: Pretendard, "Noto Sans CJK KR", system-ui, sans-serif; line-height: 1.6; }}
main {{ max-width: 960px; margin: 0 auto; padding: 1.5rem 1rem; }}
figure {{ margin: 2rem 0; }}
figure svg, figure img {{ display: block; width: 100%; height: auto; }}
figcaption {{ color: #555; font-size: .9rem; }}
aside {{ border: 1px solid #ddd; padding: 1rem; margin: 2rem 0; }}
</style>
</head>
<body>
<main>
<h1>보고서 예시: factline 차트 넣기</h1>
<p>아래 차트는 SVG를 문서 안에 그대로 넣은 것이다. 찾기(Ctrl+F)로 사건 제목을 찾을 수 있고,
글자를 선택해 복사할 수 있으며, 화면 낭독기는 사건마다 날짜와 제목을 읽는다.</p>
<figure id="inline-race">
{inline(race)}<figcaption>SVG를 문서에 직접 넣음 (<code>--id-prefix race</code>)</figcaption>
</figure>
<p>같은 파일을 <code>&lt;img&gt;</code>로 넣으면 그림은 같지만 글자를 찾거나 고를 수 없다.
대체 텍스트(alt)가 차트의 이름이 된다.</p>
<figure id="img-race">
<img src="ai-chip-race.svg" alt="{html.escape('미·중 AI 반도체 전쟁, 어디까지 왔나')}" width="1200" height="835">
<figcaption>같은 SVG를 &lt;img&gt;로 넣음</figcaption>
</figure>
<figure id="inline-history">
{inline(history)}<figcaption>두 번째 차트 (id 접두어는 내용에서 나온 기본값)</figcaption>
</figure>
<aside id="summary">
<h2>요약</h2>
<p>같은 차트를 한 쪽에 두 번 넣을 때는 두 번째에 다른 <code>--id-prefix</code>를 준다.</p>
<figure>
{inline(summary)}</figure>
</aside>
</main>
</body>
</html>
"""
    (out / "index.html").write_text(page, encoding="utf-8")
    (out / "README.md").write_text("""# 보고서 예시 (Markdown)

Markdown에서는 SVG를 그림으로 넣는다. 코드 호스팅 사이트와 정적 사이트 생성기가 모두 보여 준다.
그림으로 넣은 SVG는 찾기와 선택이 되지 않으므로, 본문에 사건을 함께 적거나
`factline render … -o page.html`의 표를 링크한다.

![미·중 AI 반도체 전쟁, 어디까지 왔나](ai-chip-race.svg)

크기를 정하려면 HTML을 쓴다 (가로에 맞추고 비율은 유지):

<img src="ai-chip-race.svg" alt="미·중 AI 반도체 전쟁, 어디까지 왔나" width="100%">

PNG가 필요한 곳(메일, 슬라이드)에는 같은 그림의 PNG를 쓴다: ![미·중 AI 반도체 전쟁](ai-chip-race.png)
""", encoding="utf-8")


if __name__ == "__main__":
    main()
