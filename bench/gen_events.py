#!/usr/bin/env python3
"""Dense timelines for the level-of-detail benchmarks and pictures: N events over 20 years
(40 % spread evenly, 60 % in bursts), Korean titles of 2-6 words (a vocabulary of 5,000 words of
2-3 syllables and some Latin ones, drawn with a skew, as news text is), a short title on a third,
text on half, spans on a tenth, three groups, importance on a fifth and 3 importance-5 events.
Deterministic for a seed.

  gen_events.py N yaml OUT.yaml        # the events in the fact file
  gen_events.py N csv OUT.yaml         # OUT.yaml names OUT.csv (events: from a CSV file)
  gen_events.py N yaml OUT.yaml --vertical --seed 7
"""
import argparse
import datetime
import os
import random

COMMON = ["반도체", "수출", "통제", "화웨이", "엔비디아", "AI", "GPU", "중국", "미국", "정부가",
          "발표", "공동", "개발", "TSMC", "삼성", "메모리", "투자", "공장", "규제", "합의"]
SYLLABLES = "가나다라마바사아자차카타파하국민정부기업시장경제발표협상투자공장개발연구"


def vocabulary(rng, size=5000):
    words, seen = list(COMMON), set(COMMON)
    while len(words) < size:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


def word(rng, words):
    return words[int(len(words) * rng.random() ** 3)]  # skewed: common words recur


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("form", choices=["yaml", "csv"])
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--vertical", action="store_true")
    ap.add_argument("--detail", default=None)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    words = vocabulary(random.Random(0))
    start = datetime.date(2005, 1, 1)
    days = 365 * 20
    centres = [rng.randrange(days) for _ in range(a.n // 2000 + 3)]
    musts = set(rng.sample(range(a.n), min(3, a.n)))
    rows = []
    for i in range(a.n):
        t = int(rng.gauss(rng.choice(centres), days / 60)) if rng.random() < 0.6 else rng.randrange(days)
        d = start + datetime.timedelta(days=min(max(t, 0), days - 1))
        title = " ".join(word(rng, words) for _ in range(rng.randint(2, 6)))
        ev = {"title": title}
        if rng.random() < 0.1:
            ev["start"] = d.isoformat()
            ev["end"] = (d + datetime.timedelta(days=rng.randint(10, 400))).isoformat()
        else:
            p = rng.random()
            ev["date"] = d.isoformat() if p < 0.8 else d.isoformat()[:7] if p < 0.95 else d.isoformat()[:4]
        if rng.random() < 0.33:
            ev["short"] = " ".join(title.split()[:2])
        if rng.random() < 0.5:
            ev["text"] = " ".join(word(rng, words) for _ in range(rng.randint(4, 10)))
        ev["group"] = rng.choice(["us", "china", "company"])
        if i in musts:
            ev["importance"] = "5"
        elif rng.random() < 0.2:
            ev["importance"] = str(rng.randint(1, 4))
        rows.append(ev)
    head = "title: 생성된 연표 {:,}건\n".format(a.n)
    if a.vertical:
        head += "orientation: vertical\n"
    if a.detail:
        head += "detail: {}\n".format(a.detail)
    head += ("groups:\n  - {id: us, label: 미국}\n  - {id: china, label: 중국}\n"
             "  - {id: company, label: 기업}\n")
    keys = ["date", "start", "end", "title", "short", "text", "group", "importance"]
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(head)
        if a.form == "csv":
            csv = os.path.splitext(a.out)[0] + ".csv"
            f.write("events: {}\n".format(os.path.basename(csv)))
            with open(csv, "w", encoding="utf-8") as c:
                c.write(",".join(keys) + "\n")
                for ev in rows:
                    c.write(",".join(ev.get(k, "") for k in keys) + "\n")
        else:
            f.write("events:\n")
            for ev in rows:
                f.write("  - " + ", ".join("{}: \"{}\"".format(k, ev[k]) if k != "importance" else
                                           "importance: {}".format(ev[k]) for k in keys if k in ev)
                        .join(["{", "}"]) + "\n")


if __name__ == "__main__":
    main()
