"""The run's ``datapackage.json``: a Frictionless Data Package describing every table.

Tools that know Data Packages (frictionless, Open Data editors, CKAN) learn from it what
each table and column means, their types, units, allowed values and keys, without
reading plantasks' code. It is generated from ``pipeline/tables/schemas.py`` and the
registry, so it says exactly what the Parquet files hold; the writer publishes it with
the tables (``pipeline/tables/writer.py``).

Each resource's ``path`` is the table's folder, a Parquet dataset of one or more part
files (``frictionless``, pyarrow, pandas and DuckDB read a folder as one table). Missing
values are real Parquet nulls, never empty strings; ``missingValues`` also lists ``""``
because the CSV exports write a null as an empty field.
"""

from __future__ import annotations

import pyarrow as pa

from pipeline import __version__, registry
from pipeline.tables.schemas import describe, primary_key, table_description

FILE_NAME = "datapackage.json"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"
# "nan": frictionless reads Parquet through pandas, which turns the nulls of an integer
# column (targets.period_start of a fact) into NaN; read as missing, not as a bad integer
MISSING_VALUES = ["", "nan"]

_TYPES = {
    pa.string(): "string",
    pa.int64(): "integer",
    pa.float64(): "number",
    pa.date32(): "date",
    pa.bool_(): "boolean",
}


def field_descriptor(field: pa.Field) -> dict:
    """A Table Schema field from an Arrow field and its metadata."""
    if field.type not in _TYPES:
        raise ValueError(
            f"pipeline/tables/datapackage.py: no Table Schema type for column {field.name} of Arrow type {field.type}"
        )
    meta = describe(field)
    out = {"name": field.name, "type": _TYPES[field.type], "description": meta["description"]}
    if field.type == pa.date32():
        out["format"] = "default"  # ISO 8601 YYYY-MM-DD
    if meta["unit"]:
        out["unit"] = meta["unit"]
    if meta["values"] is not None:
        out["constraints"] = {"enum": meta["values"]}
    return out


def table_schema(name: str, schema: pa.Schema) -> dict:
    """A Table Schema: fields, missing values, primary key, foreign keys."""
    out = {"fields": [field_descriptor(f) for f in schema], "missingValues": MISSING_VALUES}
    key = primary_key(schema)
    if key:
        out["primaryKey"] = key
    foreign = []
    for f in schema:
        ref = describe(f)["references"]
        if not ref:
            continue
        table, column = ref.split(".", 1)
        # "" is Table Schema's name for the resource itself (sections.parent_id → sections)
        foreign.append(
            {"fields": [f.name], "reference": {"resource": "" if table == name else table, "fields": [column]}}
        )
    if foreign:
        out["foreignKeys"] = foreign
    return out


def descriptor() -> dict:
    """The Data Package of a run's output folder: one resource per table of the registry."""
    resources = []
    for t in registry.TABLES:
        resources.append(
            {
                "name": t.name,
                "type": "table",
                "path": t.name,
                "format": "parquet",
                "mediatype": PARQUET_MEDIATYPE,
                "description": table_description(t.schema),
                "schema": table_schema(t.name, t.schema),
            }
        )
    return {
        "name": "plantasks-outputs",
        "title": "plantasks tables",
        "description": "Tasks, targets, times, policy documents and entities extracted from Chinese "
        "government work plans, and the cross-year tables built from them. Column "
        "meanings: docs/tables.md of plantasks.",
        "version": __version__,
        "resources": resources,
    }
