"""Cross-year tables built from the per-document tables of a run (never reruns extractors)."""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

import pandas as pd

from pipeline.tables.schemas import DOCUMENT_TABLES

log = logging.getLogger("plantasks")

# table -> (module, function(tables: dict[str, DataFrame]) -> DataFrame)
BUILDERS = {
    "policy_lifecycle": ("pipeline.crossyear.lifecycle", "build_policy_lifecycle_from"),
    "target_series": ("pipeline.crossyear.series", "build_target_series"),
    "task_links": ("pipeline.crossyear.links", "build_task_links"),
    "fulfilment": ("pipeline.crossyear.fulfilment", "build_fulfilment"),
}


def read_tables(root: Path) -> dict[str, pd.DataFrame]:
    """Per-document tables under ``root`` (staging or published outputs) as DataFrames."""
    frames = {}
    for table, schema in DOCUMENT_TABLES.items():
        folder = Path(root) / table
        files = sorted(folder.glob("*.parquet")) if folder.is_dir() else []
        if files:
            frames[table] = pd.concat([pd.read_parquet(f) for f in files], ignore_index=True)
        else:
            frames[table] = schema.empty_table().to_pandas()
    return frames


def build_cross_year(root: Path) -> dict[str, list[dict]]:
    """Rows of every cross-year table whose builder is installed."""
    tables = read_tables(root)
    out: dict[str, list[dict]] = {}
    for table, (module, name) in BUILDERS.items():
        try:
            builder = getattr(importlib.import_module(module), name)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue
        except AttributeError:
            continue
        frame = builder(tables)
        out[table] = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return out
