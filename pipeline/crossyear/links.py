"""Link each plan task to its best match in the issuer's previous and next plan (→ ``task_links``).

Plans reword their tasks every year (2017 用改革的办法深入推进“三去一降一补” → 2018 深入推进
供给侧结构性改革), so titles alone rarely match; the body of a task keeps most of its
vocabulary (去产能, 降成本, 放管服). Tasks are compared by the cosine of TF-IDF weighted
character bigrams of title and text, the best of the candidates measured on hand-labelled
links (``tests/data/task_link_gold.json``, ``benchmarks/task_link_similarity.py``).
Character bigrams need no segmenter, so new policy terms split no differently from one
year to the next.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

import pandas as pd
import regex

from pipeline.tables.schemas import TASK_LINKS

COLUMNS = TASK_LINKS.names

# Chosen on the gold links with benchmarks/task_link_similarity.py: the best pooled F1
# (both directions) on 10 pairs of adjacent 政府工作报告; each leave-one-pair-out fold
# picks 0.09 or 0.10. Cosines of whole task bodies are low (shared vocabulary is spread
# over long texts), so a genuinely new task scores near 0.05.
THRESHOLD = 0.10
# Plans of other issuers write shorter tasks (平潭's run-in headings of a line or two),
# so every cosine is lower and a real continuation can stay under 0.10. A best match
# also counts when it stands out from the pair of plans: a cosine at least RELATIVE
# times the mean cosine of all task pairs of the two plans. Chosen with the same
# benchmark on the development pairs of tests/data/task_link_gold_plans.json (平潭
# 2017→2018, 2020→2021, 2021→2022): F1 0.81 → 0.86 there, the 政府工作报告 links
# unchanged; any value from 1.3 to 1.8 gives within 0.01 of that.
RELATIVE = 1.8

_HAN_RUN = regex.compile(r"[\p{Han}\p{Latin}\p{Nd}]+")

Features = Callable[[str, str], Counter]


def char_bigrams(title: str, text: str) -> Counter:
    """Bigrams of letters inside runs of Han, Latin or digits of ``text`` (which starts with the title).

    Bigrams never span punctuation, so 。政 or ，加 add no noise. ``title`` is not
    counted apart: the tasks table's ``text`` already begins with it.
    """
    grams: Counter = Counter()
    for run in _HAN_RUN.findall(text or title or ""):
        grams.update(map(str.__add__, run, run[1:]))
    return grams


def idf_weights(documents: Iterable[Counter]) -> dict[str, float]:
    """Smoothed inverse document frequency, ``log((1 + n) / (1 + df)) + 1`` (as scikit-learn)."""
    df: Counter = Counter()
    n = 0
    for features in documents:
        n += 1
        df.update(features.keys())
    return {f: math.log((1 + n) / (1 + c)) + 1 for f, c in df.items()}


def tfidf(features: Counter, idf: dict[str, float]) -> dict[str, float]:
    """L2-normalised TF-IDF vector (sublinear tf: ``1 + log tf``)."""
    weight, log = idf.get, math.log
    # most bigrams occur once in a task: 1 + log 1 = 1 exactly, so skip the logarithm
    vec = {f: weight(f, 1.0) if c == 1 else (1 + log(c)) * weight(f, 1.0) for f, c in features.items() if c > 0}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {f: v / norm for f, v in vec.items()} if norm else {}


def cosine(u: dict[str, float], v: dict[str, float]) -> float:
    """Dot product of two normalised vectors, over the features they share only.

    Two tasks share a small part of their bigrams: the intersection is taken in C, and
    ``fsum`` makes the result independent of the order of the shared features.
    """
    return math.fsum(u[f] * v[f] for f in u.keys() & v.keys())


class TfidfCosine:
    """Cosine of sublinear TF-IDF vectors of ``features(title, text)``; IDF over the issuer's plan tasks.

    A scorer: ``scorer(issuer_tasks, previous, next)`` returns ``m[i][j]``, the similarity
    of task i of the previous plan and task j of the next. Features and IDF are cached
    per task and per issuer, so one instance serves a whole run.
    """

    def __init__(self, features: Features = None):
        self.features = features or char_bigrams
        self._features: dict[str, Counter] = {}
        self._idf: dict[tuple, dict[str, float]] = {}
        self._vectors: dict[tuple[tuple, str], dict[str, float]] = {}

    def _feats(self, tasks: pd.DataFrame) -> list[Counter]:
        out = []
        for tid, title, text in zip(tasks["task_id"], tasks["title"], tasks["text"]):
            if tid not in self._features:
                # a numeral heading without a title (gov-report 1960 一) has none: a null, not a string
                self._features[tid] = self.features(title if isinstance(title, str) else "", text or "")
            out.append(self._features[tid])
        return out

    def __call__(self, issuer_tasks: pd.DataFrame, previous: pd.DataFrame, next_: pd.DataFrame) -> list[list[float]]:
        key = tuple(issuer_tasks["task_id"])
        if key not in self._idf:
            self._idf[key] = idf_weights(self._feats(issuer_tasks))
        vec_p, vec_n = self._vecs(key, previous), self._vecs(key, next_)
        return [[cosine(u, v) for v in vec_n] for u in vec_p]

    def _vecs(self, key: tuple, tasks: pd.DataFrame) -> list[dict[str, float]]:
        """TF-IDF vectors of ``tasks`` under the IDF ``key``: a middle plan is compared twice,
        with the plan before and the plan after it, and vectorised once."""
        idf = self._idf[key]
        out = []
        for tid, features in zip(tasks["task_id"], self._feats(tasks)):
            if (key, tid) not in self._vectors:
                self._vectors[key, tid] = tfidf(features, idf)
            out.append(self._vectors[key, tid])
        return out


Scorer = Callable[[pd.DataFrame, pd.DataFrame, pd.DataFrame], list[list[float]]]


def plan_pairs(tables: dict[str, pd.DataFrame]) -> list[tuple[str, str, str]]:
    """(issuer_slug, previous doc_id, next doc_id) of consecutive plans of each issuer.

    A plan is an ``ok`` document with at least one ``plan`` task; documents without
    (a structure the splitter did not recognise, a report with no work chapter) are
    skipped, so their neighbours are linked to each other. Ordered by year, then doc_id.
    """
    documents, tasks = tables["documents"], tables["tasks"]
    with_tasks = set(tasks.loc[tasks["part"] == "plan", "doc_id"])
    docs = documents[(documents["status"] == "ok") & documents["doc_id"].isin(with_tasks)]
    docs = docs.sort_values(["issuer_slug", "year", "doc_id"], kind="mergesort")
    pairs = []
    for slug, group in docs.groupby("issuer_slug", sort=True):
        ids = group["doc_id"].tolist()
        pairs.extend((slug, a, b) for a, b in zip(ids, ids[1:]))
    return pairs


def build_task_links(
    tables: dict[str, pd.DataFrame],
    *,
    scorer: Scorer | None = None,
    threshold: float = THRESHOLD,
    relative: float | None = RELATIVE,
) -> pd.DataFrame:
    """``task_links`` from a run's tables (the cross-year builder interface).

    For consecutive plans P (earlier) and N (later) of an issuer (:func:`plan_pairs`):

    - every task of N gets a ``direction = 'previous'`` row: its best match in P,
      ``continued`` if the score reaches ``threshold`` or ``relative`` times the mean
      score of all task pairs of P and N, else ``new``;
    - every task of P gets a ``direction = 'next'`` row: its best match in N,
      ``continued`` or ``dropped``.

    ``*_a`` is the task the row is about, ``*_b`` its best match, kept with its score
    even below the threshold so that a near miss can be inspected: filter on ``status``
    to follow tasks. Ties go to the earlier task of the plan. ``scorer`` defaults to
    :class:`TfidfCosine` over :func:`char_bigrams`.
    """
    scorer = scorer or TfidfCosine()
    tasks = tables["tasks"]
    plan = tasks[tasks["part"] == "plan"].sort_values(["doc_id", "char_start"], kind="mergesort")
    issuer_of = dict(zip(tables["documents"]["doc_id"], tables["documents"]["issuer_slug"]))
    plan = plan.assign(_issuer=plan["doc_id"].map(issuer_of))
    by_doc = {doc: group for doc, group in plan.groupby("doc_id", sort=False)}
    by_issuer = {slug: group for slug, group in plan.groupby("_issuer", sort=False)}
    rows: list[dict] = []
    # (task ids, titles) of each plan as lists: rows pick their best match by position
    listed = {doc: (group["task_id"].tolist(), group["title"].tolist()) for doc, group in by_doc.items()}
    for slug, prev_doc, next_doc in plan_pairs(tables):
        p, n = by_doc[prev_doc], by_doc[next_doc]
        m = scorer(by_issuer[slug], p, n)
        bar = threshold
        if relative is not None:
            mean = sum(map(sum, m)) / (len(p) * len(n))
            bar = min(threshold, relative * mean) if mean > 0 else threshold
        for j, (tid, title) in enumerate(zip(*listed[next_doc])):
            scores = [m[i][j] for i in range(len(p))]
            rows.append(_row(slug, "previous", next_doc, tid, title, prev_doc, listed[prev_doc], scores, bar, "new"))
        for i, (tid, title) in enumerate(zip(*listed[prev_doc])):
            rows.append(_row(slug, "next", prev_doc, tid, title, next_doc, listed[next_doc], m[i], bar, "dropped"))
    out = pd.DataFrame(rows, columns=COLUMNS)
    out["score"] = out["score"].astype("float64")
    return out


def _row(slug, direction, doc_a, task_a, title_a, doc_b, candidates, scores, threshold, unmatched) -> dict:
    best = max(range(len(scores)), key=lambda k: (scores[k], -k))
    score = float(scores[best])
    return {
        "issuer_slug": slug,
        "direction": direction,
        "doc_id_a": doc_a,
        "task_id_a": task_a,
        "title_a": title_a,
        "doc_id_b": doc_b,
        "task_id_b": candidates[0][best],
        "title_b": candidates[1][best],
        "score": round(score, 6),
        "status": "continued" if score >= threshold else unmatched,
    }


def link_scores(links: pd.DataFrame, gold: dict, units: Mapping[str, str] | None = None) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 of ``continued`` links against the gold, per direction and pooled.

    A predicted link (a task and its ``continued`` match) is right when the gold lists
    the pair as acceptable. Recall counts, of the tasks that have at least one
    acceptable partner in the gold, those given a right link. ``status_accuracy`` is the
    share of rows whose status (continued or not) agrees with the gold. Only the gold's
    pairs of documents are scored.

    ``units`` maps a run's task to the gold unit that holds it, when the gold was
    labelled on coarser units than the run splits (a report's chapter, now a section
    of run-in tasks: :func:`pipeline.evaluation.link_gold.gold_units`). A link is then
    judged between the units of its two tasks, and a unit counts as found when any of
    its tasks has a right link. Without ``units``, the gold's own ``units`` key is used.
    """
    units = units if units is not None else gold.get("units")
    unit = (lambda t: units.get(t, t)) if units else (lambda t: t)
    counts = {d: Counter() for d in ("previous", "next")}
    groups = {key: frame for key, frame in links.groupby(["direction", "doc_id_a", "doc_id_b"], sort=False)}
    empty = links.iloc[0:0]
    for pair in gold["pairs"]:
        acceptable = {tuple(link) for link in pair["links"]}  # (earlier task, later task)
        for direction, doc_a, doc_b in (
            ("previous", pair["doc_b"], pair["doc_a"]),
            ("next", pair["doc_a"], pair["doc_b"]),
        ):

            def as_gold(task_a, task_b, direction=direction):
                return (task_b, task_a) if direction == "previous" else (task_a, task_b)

            side = 1 if direction == "previous" else 0
            with_partner = {link[side] for link in acceptable}
            rows = groups.get((direction, doc_a, doc_b), empty)
            c = counts[direction]
            c["gold"] += len(with_partner)
            found: set[str] = set()
            for task_a, task_b, status in zip(rows["task_id_a"], rows["task_id_b"], rows["status"]):
                ua = unit(task_a)
                continued = status == "continued"
                c["rows"] += 1
                c["status_agrees"] += continued == (ua in with_partner)
                if continued:
                    c["predicted"] += 1
                    right = as_gold(ua, unit(task_b)) in acceptable
                    c["right_links"] += right
                    if right:
                        found.add(ua)
            c["found"] += len(found)
    out = {}
    pooled: Counter = Counter()
    for direction, c in counts.items():
        out[direction] = _prf(c)
        pooled.update(c)
    out["pooled"] = _prf(pooled)
    return out


def _prf(c: Counter) -> dict[str, float]:
    p = c["right_links"] / c["predicted"] if c["predicted"] else 0.0
    r = c["found"] / c["gold"] if c["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    acc = c["status_agrees"] / c["rows"] if c["rows"] else 0.0
    return {
        "precision": p,
        "recall": r,
        "f1": f,
        "status_accuracy": acc,
        "right": c["right_links"],
        "found": c["found"],
        "predicted": c["predicted"],
        "gold": c["gold"],
    }
