"""Which similarity links tasks across years best? Precision/recall on the hand-labelled links.

Usage::

    python benchmarks/task_link_similarity.py [--out outputs] [--plans-segmentation gold|run]
                                          [--plans-set dev|heldout]

reads the ``documents`` and ``tasks`` tables of a run (``plantasks run`` first) and scores
every candidate similarity on two golds: the links between adjacent 政府工作报告 of
``tests/data/task_link_gold.json`` (keyed by the run's task ids) and the development
pairs of ``tests/data/task_link_gold_plans.json`` (平潭 government work reports, keyed by
anchors). ``--plans-set heldout`` scores its held-out pairs instead (福建 task tables, 平潭
片区 plans): that is the one measurement of the lead, never a development run. For the
plans, ``gold`` segmentation
(default) makes the tasks from the gold's anchors, so the similarity alone is measured;
``run`` maps the anchors to the run's own tasks, so structure parsing counts too.

For each candidate it prints the threshold with the best pooled F1 (both directions),
precision, recall and F1 at that threshold, the status accuracy (continued vs
new/dropped), and the leave-one-pair-out figures (threshold chosen on the other pairs,
scored on the held-out one; pooled), which are the honest estimate. ``best-match`` is
the precision of the best match when every task is linked (no threshold). A last table
gives the rule in use (cosine ≥ THRESHOLD, or ≥ RELATIVE × the pair's mean cosine) per
pair, and leave-one-pair-out over RELATIVE on all pairs of both golds.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.crossyear.build import read_tables  # noqa: E402
from pipeline.crossyear.links import (  # noqa: E402
    _HAN_RUN,
    RELATIVE,
    THRESHOLD,
    TfidfCosine,
    build_task_links,
    char_bigrams,
    link_scores,
)
from pipeline.evaluation.link_gold import gold_tasks, gold_units, resolve_anchors, select_pairs  # noqa: E402

GOLD = ROOT / "tests" / "data" / "task_link_gold.json"
PLANS_GOLD = ROOT / "tests" / "data" / "task_link_gold_plans.json"


# ---- candidate features -----------------------------------------------------------


def char_ngrams(n: int, field: str = "text"):
    def features(title: str, text: str) -> Counter:
        grams: Counter = Counter()
        for run in _HAN_RUN.findall(text if field == "text" else title):
            grams.update(run[i : i + n] for i in range(len(run) - n + 1))
        return grams

    return features


def words(field: str = "text"):
    from extractors.segmentation import cut

    def features(title: str, text: str) -> Counter:
        return Counter(w for w in cut(text if field == "text" else title) if len(w) > 1 and _HAN_RUN.fullmatch(w))

    return features


def title_and_text(title: str, text: str) -> Counter:
    """Text bigrams plus the title's bigrams counted three more times."""
    grams = char_bigrams(title, text)
    for g, c in char_ngrams(2, "title")(title, text).items():
        grams[g] += 3 * c
    return grams


def words_title_and_text(title: str, text: str) -> Counter:
    """Text words plus the title's words counted three more times."""
    grams = words("text")(title, text)
    for g, c in words("title")(title, text).items():
        grams[g] += 3 * c
    return grams


# ---- candidate scorers that are not TF-IDF cosines --------------------------------


class BM25:
    """Okapi BM25 (k1 = 1.2, b = 0.75) over jieba words, the later task as the query.

    Normalised by the query's score against itself, so 1 is a perfect match and one
    threshold serves all queries.
    """

    def __init__(self, k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        self.feats = words("text")
        self._cache: dict[str, Counter] = {}

    def _f(self, tasks):
        out = []
        for tid, title, text in zip(tasks["task_id"], tasks["title"], tasks["text"]):
            if tid not in self._cache:
                self._cache[tid] = self.feats(title, text)
            out.append(self._cache[tid])
        return out

    def __call__(self, issuer_tasks, previous, next_):
        corpus = self._f(issuer_tasks)
        n = len(corpus)
        df = Counter()
        for d in corpus:
            df.update(d.keys())
        avgdl = sum(sum(d.values()) for d in corpus) / n
        idf = {w: math.log(1 + (n - c + 0.5) / (c + 0.5)) for w, c in df.items()}

        def score(q: Counter, d: Counter) -> float:
            dl = sum(d.values())
            s = 0.0
            for w in q:
                tf = d.get(w, 0)
                if tf:
                    s += idf.get(w, 0.0) * tf * (self.k1 + 1) / (tf + self.k1 * (1 - self.b + self.b * dl / avgdl))
            return s

        docs_p, docs_n = self._f(previous), self._f(next_)
        self_scores = [score(q, q) or 1.0 for q in docs_n]
        return [[score(q, d) / self_scores[j] for j, q in enumerate(docs_n)] for d in docs_p]


def rapidfuzz_scorer(name: str, segmented: bool = False):
    from rapidfuzz import fuzz

    from extractors.segmentation import cut

    fn = getattr(fuzz, name)

    def prep(title: str) -> str:
        return " ".join(cut(title)) if segmented else title

    def scorer(issuer_tasks, previous, next_):
        tp = [prep(t) for t in previous["title"]]
        tn = [prep(t) for t in next_["title"]]
        return [[fn(a, b) / 100 for b in tn] for a in tp]

    return scorer


def mean_of(*scorers):
    def scorer(issuer_tasks, previous, next_):
        ms = [s(issuer_tasks, previous, next_) for s in scorers]
        return [[sum(m[i][j] for m in ms) / len(ms) for j in range(len(next_))] for i in range(len(previous))]

    return scorer


CANDIDATES = {
    "tfidf char bigrams, text (chosen)": lambda: TfidfCosine(char_bigrams),
    "tfidf char unigrams, text": lambda: TfidfCosine(char_ngrams(1)),
    "tfidf char trigrams, text": lambda: TfidfCosine(char_ngrams(3)),
    "tfidf char bigrams, title": lambda: TfidfCosine(char_ngrams(2, "title")),
    "tfidf char bigrams, text + 3x title": lambda: TfidfCosine(title_and_text),
    "tfidf jieba words, text": lambda: TfidfCosine(words("text")),
    "tfidf jieba words, title": lambda: TfidfCosine(words("title")),
    "tfidf jieba words, text + 3x title": lambda: TfidfCosine(words_title_and_text),
    "mean(words text, bigrams text)": lambda: mean_of(TfidfCosine(words("text")), TfidfCosine(char_bigrams)),
    "bm25 jieba words, text": BM25,
    "rapidfuzz ratio, title": lambda: rapidfuzz_scorer("ratio"),
    "rapidfuzz partial_ratio, title": lambda: rapidfuzz_scorer("partial_ratio"),
    "rapidfuzz token_set_ratio, jieba title": lambda: rapidfuzz_scorer("token_set_ratio", True),
    "mean(bigram text, rapidfuzz ratio title)": lambda: mean_of(TfidfCosine(char_bigrams), rapidfuzz_scorer("ratio")),
}


# ---- evaluation ---------------------------------------------------------------------


def with_threshold(links: pd.DataFrame, threshold: float) -> pd.DataFrame:
    unmatched = links["direction"].map({"previous": "new", "next": "dropped"})
    status = unmatched.where(links["score"] < threshold, "continued")
    return links.assign(status=status)


def best_threshold(links: pd.DataFrame, gold: dict) -> tuple[float, dict]:
    grid = [i / 100 for i in range(0, 101)]
    best = (-1.0, 0.0, None)
    for t in grid:
        result = link_scores(with_threshold(links, t), gold)
        f1 = result["pooled"]["f1"]
        if f1 > best[0] + 1e-12:
            best = (f1, t, result)
    return best[1], best[2]


def leave_one_pair_out(links: pd.DataFrame, gold: dict) -> tuple[dict, list[float]]:
    total: Counter = Counter()
    thresholds = []
    for k, held in enumerate(gold["pairs"]):
        train = {**gold, "pairs": [p for i, p in enumerate(gold["pairs"]) if i != k]}
        t, _ = best_threshold(links, train)
        thresholds.append(t)
        r = link_scores(with_threshold(links, t), {**gold, "pairs": [held]})["pooled"]
        total.update({"right": r["right"], "found": r["found"], "predicted": r["predicted"], "gold": r["gold"]})
    p = total["right"] / total["predicted"] if total["predicted"] else 0.0
    r = total["found"] / total["gold"] if total["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}, thresholds


def golds(tables: dict, segmentation: str, plans_set: str = "dev") -> list[tuple[str, dict, dict]]:
    """(name, tables, gold keyed by the tables' task ids) for each gold set."""
    gov = json.loads(GOLD.read_text(encoding="utf-8"))
    gov["units"] = gold_units(gov, tables["tasks"], tables["sections"])  # chapters split into run-ins
    plans = select_pairs(json.loads(PLANS_GOLD.read_text(encoding="utf-8")), [plans_set])
    if segmentation == "gold":
        plan_tables = {**tables, "tasks": gold_tasks(plans, tables["documents"])}
        plans = {**plans, "pairs": [{**p, "links": [list(link) for link in p["links"]]} for p in plans["pairs"]]}
    else:
        plan_tables, plans = tables, resolve_anchors(plans, tables["documents"], tables["tasks"])
    return [("政府工作报告 (gov-report)", tables, gov), (f"work-plan gold, {plans_set} pairs", plan_tables, plans)]


def _in_gold(links: pd.DataFrame, gold: dict) -> pd.DataFrame:
    docs = {p[k] for p in gold["pairs"] for k in ("doc_a", "doc_b")}
    return links[links["doc_id_a"].isin(docs) & links["doc_id_b"].isin(docs)]


def describe(gold: dict) -> str:
    n_links = sum(len(p["links"]) for p in gold["pairs"])
    n_new = sum(len(set(p["tasks_b"]) - {b for _, b in p["links"]}) for p in gold["pairs"])
    n_dropped = sum(len(set(p["tasks_a"]) - {a for a, _ in p["links"]}) for p in gold["pairs"])
    return (
        f"{len(gold['pairs'])} pairs of adjacent plans, {n_links} acceptable links, "
        f"{n_new} new and {n_dropped} dropped tasks"
    )


def candidates_table(tables: dict, gold: dict) -> None:
    header = (
        f"{'candidate':42} {'thr':>5} {'P':>6} {'R':>6} {'F1':>6} {'status':>6}"
        f" | {'LOO P':>6} {'LOO R':>6} {'LOO F1':>6} | {'best-match':>10}"
    )
    print(header)
    print("-" * len(header))
    for name, make in CANDIDATES.items():
        try:
            scorer = make()
        except ImportError as exc:  # rapidfuzz is a benchmark-only extra
            print(f"{name:42} skipped: {exc}")
            continue
        links = _in_gold(build_task_links(tables, scorer=scorer, threshold=-math.inf, relative=None), gold)
        threshold, result = best_threshold(links, gold)
        pooled = result["pooled"]
        loo, _ = leave_one_pair_out(links, gold)
        best_match = link_scores(links, gold)["pooled"]["precision"]
        print(
            f"{name:42} {threshold:5.2f} {pooled['precision']:6.3f} {pooled['recall']:6.3f} "
            f"{pooled['f1']:6.3f} {pooled['status_accuracy']:6.3f} | {loo['precision']:6.3f} "
            f"{loo['recall']:6.3f} {loo['f1']:6.3f} | {best_match:10.3f}"
        )


def rule_in_use(sets: list[tuple[str, dict, dict]]) -> None:
    """The production rule per pair, and leave-one-pair-out over RELATIVE on all pairs."""
    print(f"\nthe rule in use: cosine ≥ {THRESHOLD} or ≥ {RELATIVE} × the pair's mean cosine")
    grid = [None] + [r / 10 for r in range(11, 31)]
    per_pair: list[dict[object, Counter]] = []
    for name, tables, gold in sets:
        by_r = {r: _in_gold(build_task_links(tables, relative=r), gold) for r in grid}
        for pair in gold["pairs"]:
            one = {**gold, "pairs": [pair]}
            per_pair.append(
                {
                    r: Counter(
                        {
                            k: v
                            for k, v in link_scores(links, one)["pooled"].items()
                            if k in ("right", "predicted", "gold")
                        }
                    )
                    for r, links in by_r.items()
                }
            )
            res = link_scores(by_r[RELATIVE], one)["pooled"]
            print(
                f"  {pair['doc_a']} → {pair['doc_b']}: P {res['precision']:.3f} R {res['recall']:.3f} "
                f"F1 {res['f1']:.3f}"
            )
        for r in (None, RELATIVE):
            res = link_scores(by_r[r], gold)["pooled"]
            label = "cosine only" if r is None else f"used (RELATIVE {r})"
            print(f"  {name}, {label}: P {res['precision']:.3f} R {res['recall']:.3f} F1 {res['f1']:.3f}")

    def prf(c: Counter) -> tuple[float, float, float]:
        p = c["right"] / c["predicted"] if c["predicted"] else 0.0
        r = c["right"] / c["gold"] if c["gold"] else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    total, chosen = Counter(), []
    for k, held in enumerate(per_pair):
        train = {r: sum((c[r] for i, c in enumerate(per_pair) if i != k), Counter()) for r in grid}
        best = max(grid, key=lambda r: (prf(train[r])[2], -(r or 0)))
        chosen.append(best)
        total.update(held[best])
    p, r, f = prf(total)
    print(
        f"  leave-one-pair-out over RELATIVE, all {len(per_pair)} pairs: P {p:.3f} R {r:.3f} F1 {f:.3f} "
        f"(chosen: {', '.join('none' if c is None else str(c) for c in chosen)})"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "outputs", help="a run's output folder (default: outputs/)")
    ap.add_argument(
        "--plans-segmentation",
        choices=("gold", "run"),
        default="gold",
        help="tasks of the work-plan pairs: the gold's anchors (default) or the run's tasks",
    )
    ap.add_argument(
        "--plans-set",
        choices=("dev", "heldout"),
        default="dev",
        help="which pairs of task_link_gold_plans.json (heldout: the lead's one measurement)",
    )
    args = ap.parse_args(argv)
    tables = read_tables(args.out)
    if tables["tasks"].empty:
        print(f"{args.out}: no tasks table; run `plantasks run --out {args.out}` first", file=sys.stderr)
        return 2
    sets = golds(tables, args.plans_segmentation, args.plans_set)
    for name, set_tables, gold in sets:
        print(f"\n{name}: {describe(gold)}\n")
        candidates_table(set_tables, gold)
    rule_in_use(sets)
    return 0


if __name__ == "__main__":
    sys.exit(main())
