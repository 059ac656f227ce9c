"""Entity precision on whole documents, judged by hand on a random sample of rows.

    python benchmarks/entity_precision.py sample --out OUT [--seed 17] [--n PROGRAM=40 ...] > audit.tsv
    python benchmarks/entity_precision.py score audit.tsv [more.tsv ...]

The entity gold (tests/gold) covers a few paragraphs; the targets audit samples
``entities`` rows at random from whole documents and judges each against
docs/annotation.md (Entities). ``sample`` draws, per label, rows uniformly at random from
the given documents of a run's output (default: the development documents gov-report
2013–2019, pingtan-gov-report 2017/2018/2020–2022/2024, fujian-zwgk-tasks 2016/2018) and
writes them as TSV with the sentence around each, an empty ``verdict`` column (``y``
right, ``n`` wrong) and a ``note``. ``score`` prints the precision per label with a
Wilson 95% interval. The judged samples of the change that introduced this script are in
benchmarks/data/.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import sys
from pathlib import Path

DEV_DOCS = (
    [f"gov-report-{y}" for y in range(2013, 2020)]
    + [f"pingtan-gov-report-{y}" for y in (2017, 2018, 2020, 2021, 2022, 2024)]
    + ["fujian-zwgk-tasks-2016", "fujian-zwgk-tasks-2018"]
)
DEFAULT_N = {"PROGRAM": 40, "ORG": 35, "GPE": 35, "PERSON": 20}
COLUMNS = ["label", "doc_id", "char_start", "text", "context", "verdict", "note"]


def sample(out: Path, seed: int, per_label: dict[str, int], docs: list[str]) -> list[dict]:
    import pandas as pd

    ents = pd.read_parquet(out / "entities")
    texts = pd.read_parquet(out / "documents", columns=["doc_id", "text"])
    texts = dict(zip(texts.doc_id, texts.text))
    ents = ents[ents.doc_id.isin(docs)].sort_values(["doc_id", "char_start", "label"])
    rng = random.Random(seed)
    rows = []
    for label, n in per_label.items():
        pool = ents[ents.label == label].to_dict("records")
        for r in sorted(rng.sample(pool, min(n, len(pool))), key=lambda r: (r["doc_id"], r["char_start"])):
            text = texts[r["doc_id"]]
            s, e = r["char_start"], r["char_end"]
            context = (text[max(0, s - 25) : s] + "[" + text[s:e] + "]" + text[e : e + 20]).replace("\n", "⏎")
            rows.append(
                {
                    "label": label,
                    "doc_id": r["doc_id"],
                    "char_start": s,
                    "text": r["text"],
                    "context": context,
                    "verdict": "",
                    "note": "",
                }
            )
    return rows


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def score(paths: list[Path]) -> None:
    for path in paths:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        unjudged = [r for r in rows if r["verdict"] not in ("y", "n")]
        if unjudged:
            sys.exit(f"{path}: {len(unjudged)} rows have no verdict (y or n)")
        print(f"{path}: {len(rows)} rows")
        for label in DEFAULT_N:
            got = [r for r in rows if r["label"] == label]
            k = sum(r["verdict"] == "y" for r in got)
            lo, hi = wilson(k, len(got))
            if got:
                print(f"  {label:<8} {k:>3}/{len(got):<3} = {k / len(got):.3f}   (95% {lo:.3f}–{hi:.3f})")
        k = sum(r["verdict"] == "y" for r in rows)
        print(f"  {'all':<8} {k:>3}/{len(rows):<3} = {k / len(rows):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--out", type=Path, required=True, help="output directory of a run")
    s.add_argument("--seed", type=int, default=17)
    s.add_argument("--n", nargs="*", default=[], metavar="LABEL=N")
    s.add_argument("--docs", nargs="*", default=DEV_DOCS)
    c = sub.add_parser("score")
    c.add_argument("files", type=Path, nargs="+")
    args = ap.parse_args()
    if args.cmd == "score":
        score(args.files)
        return
    per_label = dict(DEFAULT_N)
    for item in args.n:
        label, _, n = item.partition("=")
        per_label[label] = int(n)
    writer = csv.DictWriter(sys.stdout, COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(sample(args.out, args.seed, per_label, args.docs))


if __name__ == "__main__":
    main()
