"""How the paragraphs of the fortieth round's blind span gold were chosen (seed 2140).

The same fourteen held-out documents and the same procedure as the twenty-second round's
(heldout20/select.py), leaving out the paragraphs that round chose and the paragraphs this
round's own corpus diffs had shown before the draw (EXCLUDED: sentences whose rows changed
in a whole-corpus comparison of outputs, and two held-out audit rows a search printed).
Run once on the round's first run's `documents` table; kept so the choice can be checked:

    python benchmarks/data/heldout40/select.py OUT_DIR   # prints the selection as JSON
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent


def _round22():  # heldout20/select.py, loaded by path (its name is a standard module's)
    import importlib.util

    spec = importlib.util.spec_from_file_location("heldout20_select", HERE.parent / "heldout20" / "select.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_R22 = _round22()
DOCS, QTY, anchor_at = _R22.DOCS, _R22.QTY, _R22.anchor_at
EXCLUDED = (
    "一九七七年比一九七六年增长",  # gov-report-1979 (heldout15 row printed by a search)
    "肉禽蛋的社会零售额",  # gov-report-1983 (heldout18 row printed by a search)
    "社会商品零售额今年预计",  # gov-report-1981 and the rest: shown by corpus diffs
    "世界上年产石油",
    "结转到第七个五年计划期间",
    "全国查处的经济违法犯罪案件",
    "这个速度高于一九五五年",
    "农业总产值一九八一年比一九八○年",
    "重工业总产值一九八一年比一九八○年",
    "各部门在各企业今年计划定额",
    "一百五十六项",
)


def _taken() -> dict[str, list[dict]]:
    return json.loads((HERE.parent / "heldout20" / "selection.json").read_text(encoding="utf-8"))


def _free(text: str, a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    """Is the window text[a:b] clear of the earlier round's windows and of what was shown?"""
    return all(b <= x or a >= y for x, y in spans) and not any(x in text[a:b] for x in EXCLUDED)


def select(out_dir: str) -> dict[str, list[dict]]:
    rng = random.Random(2140)
    taken = _taken()
    chosen: dict[str, list[dict]] = {}
    for doc in DOCS:
        text = pd.read_parquet(f"{out_dir}/documents/{doc}.parquet").text.iloc[0]
        before = taken.get(doc, [])
        sel = []
        if doc.startswith("gov-report"):
            old = {p["anchor"] for p in before}
            lines = [
                line
                for line in text.split("\n")
                if len(line) >= 40
                and len(QTY.findall(line)) >= 2
                and not any(line.startswith(a) for a in old)
                and not any(x in line for x in EXCLUDED)
            ]
            lines = rng.sample(lines, min(5, len(lines)))
            lines.sort(key=text.index)
            for line in lines:
                n = 8
                while sum(1 for x in text.split("\n") if x.startswith(line[:n])) > 1:
                    n += 1
                sel.append({"anchor": line[:n], "chars": len(line), "qty": len(QTY.findall(line))})
        else:
            import regex as re

            body = max(text.split("\n"), key=len)
            off = text.index(body)
            spans = []
            for p in before:  # the twenty-second round's windows, by position in the body
                s0 = text.index(p["anchor"])
                spans.append((s0, text.index(p["until"], s0) if p.get("until") else s0 + p["chars"]))
            sents = list(re.finditer(r"[^。；]*[。；]", body))

            cands = [
                k
                for k in range(len(sents) - 4)
                if QTY.search("".join(s.group() for s in sents[k : k + 4]))
                and _free(text, off + sents[k].start(), off + sents[k + 4].start(), spans)
            ]
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
