"""Line up one issuer's targets year by year, measure by measure (→ ``target_series``).

Each plan names its headline targets once (今年发展的主要预期目标是：国内生产总值增长6.5%左右，
居民消费价格涨幅3%左右，城镇新增就业1100万人以上 …) but mentions the same measures again:
last year's outcome in the review, a five-year goal (十三五 城镇新增就业5000万人以上,
棚户区住房改造2000万套), a restatement further on. The series keeps, per (issuer, measure,
year), the year's own target — the one whose period is the plan's year — and gives
goals over several years rows of their own, so that a five-year goal is never read as the
year's target (棚户区住房改造 2016: 600万套 for the year, 2000万套 for 2016–2020).

Only measures enter (:mod:`pipeline.crossyear.measures`), each read in one unit: a key
that names no measure (县, 一档) is a fragment of one sentence, not a series.
"""

from __future__ import annotations

import pandas as pd

from pipeline.crossyear.measures import series_unit, to_unit
from pipeline.crossyear.target_rows import target_rows
from pipeline.tables.schemas import TARGET_SERIES

COLUMNS = TARGET_SERIES.names
PERIOD = ["period_start", "period_end"]


def plan_targets(rows: pd.DataFrame) -> pd.DataFrame:
    """Each document's target of each (measure, period), in the issuer's unit of the measure.

    Candidates are ``kind == 'target'`` rows outside a review part whose period is the
    plan's year (``annual``) or runs past it (a goal: 十三五, 到2020年). Amounts are
    converted to the unit the issuer writes the measure in most often; one that does not
    convert measures something else and is left out. Per (document, measure, period) the
    first mention in the headline list wins (:mod:`pipeline.crossyear.target_rows`),
    else the first in the document. Adds ``annual`` (bool).
    """
    cand = rows[
        (rows["kind"] == "target")
        & (rows["part"] != "review")
        & rows["period_start"].notna()
        & rows["period_end"].notna()
    ]
    ps, pe = cand["period_start"].astype("int64"), cand["period_end"].astype("int64")
    annual = (ps == cand["year"]) & (pe == cand["year"])
    goal = ~annual & (pe >= cand["year"]) & (ps <= pe)
    cand = cand[annual | goal].assign(annual=annual[annual | goal])
    if cand.empty:
        return cand
    cand = cand.sort_values(["issuer_slug", "indicator", "year", "char_start"], kind="mergesort")
    out = []
    for _, g in cand.groupby(["issuer_slug", "indicator"], sort=False):
        unit = series_unit(g.loc[g["annual"], "unit"].tolist() + g.loc[~g["annual"], "unit"].tolist())
        values = [to_unit(v, u, unit) for v, u in zip(g["value"], g["unit"])]
        maxes = [None if pd.isna(m) else to_unit(m, u, unit) for m, u in zip(g["value_max"], g["unit"])]
        g = g.assign(value=values, value_max=maxes, unit=unit or None)
        out.append(g[g["value"].notna()])
    cand = pd.concat(out, ignore_index=True)
    cand = cand.assign(_not_headline=~cand["headline"])
    cand = cand.sort_values(
        ["doc_id", "indicator", "period_start", "period_end", "_not_headline", "char_start"], kind="mergesort"
    )
    return cand.drop_duplicates(["doc_id", "indicator", *PERIOD], keep="first").drop(columns="_not_headline")


def build_target_series(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """``target_series`` from a run's tables (the cross-year builder interface).

    One row per (issuer, measure, year, period): the year's own target
    (``period_start == period_end == year``) and any goal over several years the plan
    states. If an issuer has two documents in a year, the first ``doc_id`` counts.
    A year whose plan sets no annual target for a measure that the issuer's *previous or
    next* plan sets gets an ``absent`` row (2016 sets no trade target after 2015's
    进出口增长6%左右). Documents are neighbours when consecutive in the issuer's ``ok``
    documents ordered by year, so a corpus gap (no 1989 report) does not break a series.
    """
    documents = tables["documents"]
    docs = documents.loc[documents["status"] == "ok", ["doc_id", "issuer", "issuer_slug", "year"]]
    docs = docs.sort_values(["issuer_slug", "year", "doc_id"], kind="mergesort")
    docs = docs.drop_duplicates(["issuer_slug", "year"], keep="first")
    chosen = plan_targets(target_rows(tables))
    if chosen.empty:
        return _typed(pd.DataFrame(columns=COLUMNS))
    chosen = chosen[chosen["doc_id"].isin(docs["doc_id"])]
    present = chosen.assign(absent=False)[COLUMNS]

    annual = chosen[chosen["annual"]]
    by_doc: dict[str, set[str]] = {}
    for doc_id, indicator in zip(annual["doc_id"], annual["indicator"]):
        by_doc.setdefault(doc_id, set()).add(indicator)
    absent_rows = []
    for _, group in docs.groupby("issuer_slug", sort=True):
        rows = list(group.itertuples(index=False))
        for i, doc in enumerate(rows):
            neighbours = set()
            if i > 0:
                neighbours |= by_doc.get(rows[i - 1].doc_id, set())
            if i + 1 < len(rows):
                neighbours |= by_doc.get(rows[i + 1].doc_id, set())
            for indicator in sorted(neighbours - by_doc.get(doc.doc_id, set())):
                absent_rows.append(
                    {
                        "issuer": doc.issuer,
                        "issuer_slug": doc.issuer_slug,
                        "indicator": indicator,
                        "year": doc.year,
                        "period_start": doc.year,
                        "period_end": doc.year,
                        "headline": False,
                        "doc_id": doc.doc_id,
                        "absent": True,
                    }
                )
    frames = [present] + ([pd.DataFrame(absent_rows, columns=COLUMNS)] if absent_rows else [])
    out = pd.concat(frames, ignore_index=True)
    out = out.sort_values(["issuer_slug", "indicator", "year", "period_start", "period_end"], kind="mergesort")
    return _typed(out.reset_index(drop=True))


def annual_series(series: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``target_series`` that are a year's own target (absent ones included)."""
    return series[(series["period_start"] == series["year"]) & (series["period_end"] == series["year"])]


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """The schema's column order and dtypes (nullable floats, int years, bool flags)."""
    frame = frame[COLUMNS].copy()
    for col in ("year", "period_start", "period_end"):
        frame[col] = frame[col].astype("int64")
    for col in ("absent", "headline"):
        frame[col] = frame[col].fillna(False).astype(bool)
    for col in ("value", "value_max"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce").astype("float64")
    for col in ("issuer", "issuer_slug", "indicator", "comparator", "unit", "doc_id", "task_id", "text", "sentence"):
        frame[col] = frame[col].astype(object).where(frame[col].notna(), None)
    return frame
