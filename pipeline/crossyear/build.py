"""Cross-year tables of one issuer, built from its per-document tables (never reruns extractors)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline import registry
from pipeline.tables.read import read_table


def read_tables(root: Path) -> dict[str, pd.DataFrame]:
    """Per-document tables under ``root`` (staging or published outputs) as DataFrames."""
    return {name: read_table(root, name) for name in registry.DOCUMENT_TABLES}


def build_cross_year(root: Path) -> dict[str, list[dict]]:
    """Rows of every cross-year table of the registry, from the tables under ``root``."""
    tables = read_tables(root)
    out: dict[str, list[dict]] = {}
    for t in registry.TABLES:
        if t.stage != "crossyear":
            continue
        frame = t.build(tables)
        out[t.name] = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return out
