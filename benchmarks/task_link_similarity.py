"""Which similarity links tasks across years best? Precision/recall on the hand-labelled links (#8).

Usage::

    python benchmarks/task_link_similarity.py [--out outputs]

reads the ``documents`` and ``tasks`` tables of a run (``plantasks run`` first), scores
every candidate similarity on the gold links of ``tests/data/task_link_gold.json`` and
prints, for each, the threshold with the best pooled F1 (both directions), precision,
recall and F1 at that threshold, the status accuracy (continued vs new/dropped), and the
leave-one-pair-out figures (threshold chosen on the other pairs, scored on the held-out
one; pooled), which are the honest estimate. ``best-match`` is the precision of the best
match when every task is linked (no threshold).
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
    TfidfCosine,
    _HAN_RUN,
    build_task_links,
    char_bigrams,
    link_scores,
)

GOLD = ROOT / "tests" / "data" / "task_link_gold.json"


# ---- candidate features -----------------------------------------------------------

def char_ngrams(n: int, field: str = "text"):
    def features(title: str, text: str) -> Counter:
        grams: Counter = Counter()
        for run in _HAN_RUN.findall(text if field == "text" else title):
            grams.update(run[i:i + n] for i in range(len(run) - n + 1))
        return grams
    return features


def words(field: str = "text"):
    from extractors.segmentation import cut

    def features(title: str, text: str) -> Counter:
        return Counter(w for w in cut(text if field == "text" else title)
                       if len(w) > 1 and _HAN_RUN.fullmatch(w))
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
        return [[sum(m[i][j] for m in ms) / len(ms) for j in range(len(next_))]
                for i in range(len(previous))]
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
    "mean(words text, bigrams text)": lambda: mean_of(TfidfCosine(words("text")),
                                                     TfidfCosine(char_bigrams)),
    "bm25 jieba words, text": BM25,
    "rapidfuzz ratio, title": lambda: rapidfuzz_scorer("ratio"),
    "rapidfuzz partial_ratio, title": lambda: rapidfuzz_scorer("partial_ratio"),
    "rapidfuzz token_set_ratio, jieba title": lambda: rapidfuzz_scorer("token_set_ratio", True),
    "mean(bigram text, rapidfuzz ratio title)": lambda: mean_of(TfidfCosine(char_bigrams),
                                                               rapidfuzz_scorer("ratio")),
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
        total.update({"right": r["right"], "predicted": r["predicted"], "gold": r["gold"]})
    p = total["right"] / total["predicted"] if total["predicted"] else 0.0
    r = total["right"] / total["gold"] if total["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}, thresholds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "outputs",
                    help="a run's output folder (default: outputs/)")
    args = ap.parse_args(argv)
    tables = read_tables(args.out)
    if tables["tasks"].empty:
        print(f"{args.out}: no tasks table; run `plantasks run --out {args.out}` first",
              file=sys.stderr)
        return 2
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    n_links = sum(len(p["links"]) for p in gold["pairs"])
    gold_docs = {p[k] for p in gold["pairs"] for k in ("doc_a", "doc_b")}
    n_new = sum(len(set(p["tasks_b"]) - {b for _, b in p["links"]}) for p in gold["pairs"])
    n_dropped = sum(len(set(p["tasks_a"]) - {a for a, _ in p["links"]}) for p in gold["pairs"])
    print(f"gold: {len(gold['pairs'])} pairs of adjacent plans, {n_links} acceptable links, "
          f"{n_new} new and {n_dropped} dropped tasks\n")
    header = (f"{'candidate':42} {'thr':>5} {'P':>6} {'R':>6} {'F1':>6} {'status':>6}"
              f" | {'LOO P':>6} {'LOO R':>6} {'LOO F1':>6} | {'best-match':>10}")
    print(header)
    print("-" * len(header))
    for name, make in CANDIDATES.items():
        try:
            scorer = make()
        except ImportError as exc:  # rapidfuzz is a benchmark-only extra
            print(f"{name:42} skipped: {exc}")
            continue
        links = build_task_links(tables, scorer=scorer, threshold=-math.inf)
        in_gold = links["doc_id_a"].isin(gold_docs) & links["doc_id_b"].isin(gold_docs)
        links = links[in_gold]
        threshold, result = best_threshold(links, gold)
        pooled = result["pooled"]
        loo, _ = leave_one_pair_out(links, gold)
        best_match = link_scores(links, gold)["pooled"]["precision"]
        print(f"{name:42} {threshold:5.2f} {pooled['precision']:6.3f} {pooled['recall']:6.3f} "
              f"{pooled['f1']:6.3f} {pooled['status_accuracy']:6.3f} | {loo['precision']:6.3f} "
              f"{loo['recall']:6.3f} {loo['f1']:6.3f} | {best_match:10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
