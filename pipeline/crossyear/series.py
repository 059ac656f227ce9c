"""Line up one issuer's targets year by year (→ ``target_series``, #8).

Each plan names its headline targets once (今年发展的主要预期目标是：国内生产总值增长6.5%左右，
居民消费价格涨幅3%左右，城镇新增就业1100万人以上 …) but mentions the same indicators again:
last year's outcome in the review, a five-year goal (十三五 城镇新增就业5000万人以上), a
restatement further on. The series keeps one row per (issuer, indicator, year), chosen by
a fixed rule (:func:`choose_targets`), and marks the gaps: a year whose plan names no
target for an indicator that the issuer's previous or next plan names gets a row with
``absent = true``.

Variants of one measure (经济增长预期目标 / 国内生产总值增长, 居民消费价格涨幅控制在) share
an ``indicator`` key given by the extractor (``extractors/indicators.py``), so this
module only groups by it and never reinterprets subjects.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import regex

from pipeline.tables.schemas import TARGET_SERIES

COLUMNS = TARGET_SERIES.names


@dataclass(frozen=True, slots=True)
class SeriesWords:
    headline: regex.Pattern
    lead_in: tuple[str, ...]


def load_series_words() -> SeriesWords:
    """The headline cues and lead-in marks (``headline_cues``, ``lead_in`` of
    ``pipeline/data/structure.yaml``: the structure parser gives the headline passage
    its paragraph role, and this module reads the same words until it reads that role)."""
    from pipeline.structure.rules import load_rules

    rules = load_rules()
    return SeriesWords(rules.headline, rules.lead_in)

def choose_targets(targets: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The one target row of each (document, indicator), by a deterministic rule.

    Candidates are rows with ``kind == 'target'``, ``part == 'plan'`` and a non-empty
    ``indicator``. Among them the first mention in a paragraph containing
    one of the headline cues of ``pipeline/data/structure.yaml`` (or in the paragraph after it, when the cue paragraph ends in a
    colon) wins; without one, the first mention in the document
    (smallest ``char_start``). Review-year outcomes (``kind == 'achievement'``) and
    targets outside the plan part never enter the series.
    """
    cand = targets[(targets["kind"] == "target") & (targets["part"] == "plan")
                   & targets["indicator"].notna() & (targets["indicator"] != "")]
    if cand.empty:
        return cand.assign(_headline=pd.Series(dtype=bool))
    headline = _headline_spans(documents)
    in_headline = [
        any(s <= pos < e for s, e in headline.get(doc, ()))
        for doc, pos in zip(cand["doc_id"], cand["char_start"])
    ]
    cand = cand.assign(_headline=in_headline, _not_headline=[not h for h in in_headline])
    cand = cand.sort_values(["doc_id", "indicator", "_not_headline", "char_start"],
                            kind="mergesort")
    return cand.drop_duplicates(["doc_id", "indicator"], keep="first").drop(columns="_not_headline")


def build_target_series(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """``target_series`` from a run's tables (the cross-year builder interface).

    One row per (issuer, indicator, year) with the chosen target (:func:`choose_targets`);
    if an issuer has two documents in a year, the first ``doc_id`` counts. Documents are
    neighbours when they are consecutive in the issuer's ``ok`` documents ordered by year,
    so a gap in the corpus (no 1989 report) does not make 1988 and 1992 strangers.
    """
    documents = tables["documents"]
    docs = documents.loc[documents["status"] == "ok", ["doc_id", "issuer", "issuer_slug", "year"]]
    docs = docs.sort_values(["issuer_slug", "year", "doc_id"], kind="mergesort")
    docs = docs.drop_duplicates(["issuer_slug", "year"], keep="first")
    chosen = choose_targets(tables["targets"], documents).merge(docs, on="doc_id", how="inner")
    present = chosen.assign(absent=False)[COLUMNS]

    absent_rows = []
    named = set(zip(chosen["doc_id"], chosen["indicator"]))
    by_doc: dict[str, set[str]] = {}
    for doc_id, indicator in named:
        by_doc.setdefault(doc_id, set()).add(indicator)
    for _, group in docs.groupby("issuer_slug", sort=True):
        rows = list(group.itertuples(index=False))
        for i, doc in enumerate(rows):
            neighbours = set()
            if i > 0:
                neighbours |= by_doc.get(rows[i - 1].doc_id, set())
            if i + 1 < len(rows):
                neighbours |= by_doc.get(rows[i + 1].doc_id, set())
            for indicator in sorted(neighbours - by_doc.get(doc.doc_id, set())):
                absent_rows.append({
                    "issuer": doc.issuer, "issuer_slug": doc.issuer_slug,
                    "indicator": indicator, "year": doc.year, "doc_id": doc.doc_id,
                    "absent": True,
                })
    absent = pd.DataFrame(absent_rows, columns=COLUMNS)
    out = pd.concat([present, absent], ignore_index=True) if absent_rows else present
    out = out.sort_values(["issuer_slug", "indicator", "year"], kind="mergesort")
    return _typed(out.reset_index(drop=True))


def _headline_spans(documents: pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    """doc_id -> [start, end) of every paragraph (line) that contains the headline cue."""
    words = load_series_words()
    spans: dict[str, list[tuple[int, int]]] = {}
    for doc_id, text in zip(documents["doc_id"], documents["text"]):
        if not isinstance(text, str):
            continue
        hit = words.headline.search(text)
        while hit is not None:
            pos = hit.start()
            start = text.rfind("\n", 0, pos) + 1
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            if text[start:end].rstrip().endswith(words.lead_in) and end < len(text):
                # 主要预期目标是：⏎ 国内生产总值增长8%左右；… (2011, 2012): the list is the next line.
                following = text.find("\n", end + 1)
                end = len(text) if following < 0 else following
            spans.setdefault(doc_id, []).append((start, end))
            hit = words.headline.search(text, end)
    return spans


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """The schema's column order and dtypes (nullable floats, int years, bool absent)."""
    frame = frame[COLUMNS].copy()
    frame["year"] = frame["year"].astype("int64")
    frame["absent"] = frame["absent"].astype(bool)
    for col in ("value", "value_max"):
        frame[col] = frame[col].astype("float64")
    for col in ("issuer", "issuer_slug", "indicator", "comparator", "unit", "doc_id",
                "task_id", "text", "sentence"):
        frame[col] = frame[col].astype(object).where(frame[col].notna(), None)
    return frame
