"""How the paragraphs of the twenty-second round's blind span gold were chosen (seed 2061).

Run once at f17ad1d on the run's `documents` table; kept so the choice can be checked:

    python benchmarks/data/heldout20/select.py OUT_DIR   # prints the selection as JSON
"""

from __future__ import annotations

import json
import random
import sys

import pandas as pd
import regex as re

DOCS = (
    "gov-report-1979 gov-report-1980 gov-report-1981 gov-report-1982 gov-report-1983 gov-report-1988 "
    "gov-report-1992 gov-report-1993 gov-report-1998 gov-report-1999 gov-report-2001 "
    "fujian-zwgk-tasks-2016 fujian-zwgk-tasks-2018 pingtan-zwgk-tasks-2018"
).split()
QTY = re.compile(
    r"(?:[0-9０-９.．]+|百分之[一二三四五六七八九十点零]+|[一二三四五六七八九十百千万亿两几]+)"
    r"(?!年|月|日|号|届|次会|是|、|）)(?:多|余)?"
    r"[个项万亿吨元公里所家人倍成件台套辆户座条%％平方米千瓦斤头只处名种批]"
)
RUN = re.compile(r"[\p{Han}0-9]{8,}")


def anchor_at(text: str, i: int, minlen: int = 12) -> str | None:
    """The shortest string of plain characters from i on that occurs once in the text."""
    for m in RUN.finditer(text, i):
        j = m.start()
        n = min(minlen, m.end() - j)
        while n <= m.end() - j:
            if text.count(text[j : j + n]) == 1:
                return text[j : j + n]
            n += 1
    return None


def select(out_dir: str) -> dict[str, list[dict]]:
    rng = random.Random(2061)
    chosen: dict[str, list[dict]] = {}
    for doc in DOCS:
        text = pd.read_parquet(f"{out_dir}/documents/{doc}.parquet").text.iloc[0]
        sel = []
        if doc.startswith("gov-report"):
            lines = [line for line in text.split("\n") if len(line) >= 40 and len(QTY.findall(line)) >= 2]
            lines = rng.sample(lines, min(5, len(lines)))
            lines.sort(key=text.index)
            for line in lines:
                n = 8
                while sum(1 for x in text.split("\n") if x.startswith(line[:n])) > 1:
                    n += 1
                sel.append({"anchor": line[:n], "chars": len(line), "qty": len(QTY.findall(line))})
        else:
            body = max(text.split("\n"), key=len)
            off = text.index(body)
            sents = list(re.finditer(r"[^。；]*[。；]", body))
            cands = [k for k in range(len(sents) - 4) if QTY.search("".join(s.group() for s in sents[k : k + 4]))]
            picked: list[int] = []
            for k in rng.sample(cands, len(cands)):
                if all(abs(k - p) >= 5 for p in picked):
                    picked.append(k)
                if len(picked) == 3:
                    break
            for k in sorted(picked):
                a = anchor_at(text, off + sents[k].start())
                u = anchor_at(text, off + sents[k + 4].start(), 8)
                assert a and u
                s0 = text.index(a)
                seg = text[s0 : text.index(u, s0)]
                sel.append({"anchor": a, "until": u, "chars": len(seg), "qty": len(QTY.findall(seg))})
        chosen[doc] = sel
    return chosen


if __name__ == "__main__":
    print(json.dumps(select(sys.argv[1]), ensure_ascii=False, indent=1))
