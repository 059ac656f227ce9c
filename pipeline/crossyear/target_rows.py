"""The target and achievement rows of measures that the cross-year tables compare.

``target_series`` and ``fulfilment`` need three things about every row of a measure,
and the targets table carries them as the extractors and the structure found them:
which years it speaks of (``period_start``..``period_end``: 2019–2019 for an annual
target of the 2019 plan, 2016–2020 for a 十三五 goal, 2018–2018 for last year's result in
the 2019 review), whether it stands in the plan's headline list (``headline``:
今年发展的主要预期目标是：…), and its issuer and document year. Nothing here re-derives
them from the text.
"""

from __future__ import annotations

import pandas as pd

from pipeline.crossyear.measures import is_measure

KINDS = ("target", "achievement")


def target_rows(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Target and achievement rows of measures in ``ok`` documents, with their context.

    Adds ``issuer``, ``issuer_slug``, ``year`` (the document's), ``period_start`` and
    ``period_end`` (nullable ints; null when the years cannot be told) and ``headline``.
    Rows of indicators that are not measures (fragments such as 县 or 底线是严守) and
    rows without a value are left out.
    """
    documents = tables["documents"]
    docs = documents.loc[documents["status"] == "ok", ["doc_id", "issuer", "issuer_slug", "year"]]
    targets = tables["targets"]
    rows = targets[
        targets["kind"].isin(KINDS) & targets["value"].notna() & targets["indicator"].map(is_measure).astype(bool)
    ]
    rows = rows.merge(docs, on="doc_id", how="inner")
    rows = rows.astype({"period_start": "Int64", "period_end": "Int64"})
    rows["headline"] = rows["headline"].fillna(False).astype(bool)
    return rows.reset_index(drop=True)
