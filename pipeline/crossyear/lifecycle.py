"""Follow a named policy document across one issuer's plans (→ ``policy_lifecycle``).

Plans announce a document one year (出台《…实施意见》) and implement it the next
(落实《…》), so the references of all of an issuer's documents are lined up by
``ref_key`` and year (#6).
"""

from __future__ import annotations

import pandas as pd

# When one year mentions a document several times, the row keeps the strongest action:
# a plan that both issues and implements a document (出台并实施) is first of all the
# year it is issued, and a bare citation (根据《…》) says least about its stage.
ACTION_STRENGTH = ("issue", "draft", "revise", "implement", "evaluate", "other")

COLUMNS = ["issuer", "issuer_slug", "ref_key", "year", "doc_id", "title", "action",
           "task_id", "first_year", "n_years"]


def build_policy_lifecycle(policy_refs: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """One row per (issuer, ref_key, year) with the year's strongest action.

    Every mention counts, ``other`` included, so a year that only cites a document
    still shows it alive. Ties in strength go to the earliest mention (document order).
    Failed documents are left out. ``first_year`` and ``n_years`` are per
    (issuer, ref_key).
    """
    docs = documents.loc[documents["status"] == "ok", ["doc_id", "issuer", "issuer_slug", "year"]]
    refs = policy_refs[["doc_id", "task_id", "title", "action", "ref_key", "char_start"]]
    df = refs.merge(docs, on="doc_id", how="inner")
    df = df[df["ref_key"].notna() & (df["ref_key"] != "")]
    if df.empty:
        return _empty()
    rank = {a: i for i, a in enumerate(ACTION_STRENGTH)}
    df = df.assign(_rank=df["action"].map(rank).fillna(len(rank)))
    df = df.sort_values(["issuer_slug", "ref_key", "year", "_rank", "doc_id", "char_start"],
                        kind="mergesort")
    keys = ["issuer_slug", "ref_key"]
    best = df.drop_duplicates(keys + ["year"], keep="first").copy()
    per_key = best.groupby(keys)["year"]
    best["first_year"] = per_key.transform("min")
    best["n_years"] = per_key.transform("nunique")
    out = best[COLUMNS].reset_index(drop=True)
    out = out.astype({"year": "int64", "first_year": "int64", "n_years": "int64"})
    return out


def build_policy_lifecycle_from(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """:func:`build_policy_lifecycle` on a run's tables (the cross-year builder interface)."""
    return build_policy_lifecycle(tables["policy_refs"], tables["documents"])


def _empty() -> pd.DataFrame:
    out = pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
    return out.astype({"year": "int64", "first_year": "int64", "n_years": "int64"})
