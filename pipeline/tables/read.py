"""Read a table of a run back: the one reader of Parquet tables (cross-year builders,
compare, export and evaluate all use it), so a missing table reads the same everywhere."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq


def table_files(root: Path, name: str) -> list[Path]:
    """The Parquet parts of table ``name`` under ``root``, in a stable order."""
    folder = Path(root) / name
    return sorted(folder.rglob("*.parquet")) if folder.is_dir() else []


def read_table(root: Path, name: str, schema: pa.Schema | None = None) -> pd.DataFrame:
    """Table ``name`` under ``root`` (published outputs or a run's staging) as a DataFrame.

    A missing or empty table is an empty frame with the table's columns.
    """
    if schema is None:
        from pipeline.registry import ALL_TABLES

        schema = ALL_TABLES[name]
    files = table_files(root, name)
    if not files:
        return schema.empty_table().to_pandas()
    parts = [pq.read_table(f, schema=schema) for f in files]
    return pa.concat_tables(parts).to_pandas()
