"""Each Arrow schema matches the record that fills it, field by field."""

from __future__ import annotations

import dataclasses
import datetime
import typing

import pyarrow as pa
import pytest

from extractors import records
from pipeline import registry
from pipeline.structure import parse as structure
from pipeline.tables import schemas

_ARROW = {str: pa.string(), int: pa.int64(), float: pa.float64(), datetime.date: pa.date32(), bool: pa.bool_()}


def _arrow_type(hint) -> pa.DataType:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    return _ARROW[args[0] if args else hint]


@pytest.mark.parametrize(
    "record,schema,extra",
    [
        (records.Quantity, schemas.TARGETS, schemas.EXTRACTION_COLUMNS + ("headline",)),
        (records.TimeExpr, schemas.TIMES, schemas.EXTRACTION_COLUMNS),
        (records.PolicyRef, schemas.POLICY_REFS, schemas.EXTRACTION_COLUMNS),
        (records.Entity, schemas.ENTITIES, schemas.EXTRACTION_COLUMNS),
        (structure.Section, schemas.SECTIONS, ("doc_id",)),
        (structure.Task, schemas.TASKS, ("doc_id",)),
    ],
)
def test_schemas_match_records(record, schema, extra):
    hints = typing.get_type_hints(record)
    fields = [f.name for f in dataclasses.fields(record)]
    assert set(schema.names) == set(fields) | set(extra), "schema and record disagree on columns"
    for name in fields:
        assert schema.field(name).type == _arrow_type(hints[name]), name


def test_schemas_contract_columns_present():
    # the columns docs/tables.md promises users (it replaced the outside contract OUTPUT.md)
    assert {
        "doc_id",
        "issuer",
        "issuer_slug",
        "year",
        "genre",
        "title",
        "source_path",
        "sha256",
        "text",
        "status",
        "error",
    } <= set(schemas.DOCUMENTS.names)
    assert {"value", "value_max", "unit", "comparator", "subject", "indicator", "kind"} <= set(schemas.TARGETS.names)
    assert {"start", "end", "granularity", "role"} <= set(schemas.TIMES.names)
    assert {"title", "action", "action_text", "ref_key"} <= set(schemas.POLICY_REFS.names)
    assert {"label", "source"} <= set(schemas.ENTITIES.names)
    assert {"doc_id_a", "task_id_a", "doc_id_b", "task_id_b", "score", "status"} <= set(schemas.TASK_LINKS.names)
    assert {
        "issuer",
        "indicator",
        "year",
        "value",
        "value_max",
        "comparator",
        "unit",
        "doc_id",
        "task_id",
        "text",
        "absent",
    } <= set(schemas.TARGET_SERIES.names)
    for table in registry.DOCUMENT_TABLES:
        if table not in ("documents",):
            assert {"doc_id", "char_start", "char_end"} <= set(registry.ALL_TABLES[table].names)


# ------------------------------------------------------------------ descriptions


def test_schemas_every_table_and_column_is_described():
    for t in registry.TABLES:
        assert schemas.table_description(t.schema).startswith("one row per"), t.name
        for field in t.schema:
            assert len(schemas.describe(field)["description"]) >= 10, f"{t.name}.{field.name}"


# (table, column) -> the value set of extractors/records.py (or schemas.py) it must allow
CODED = {
    ("targets", "comparator"): records.COMPARATORS,
    ("targets", "kind"): records.KINDS,
    ("times", "granularity"): records.GRANULARITIES,
    ("times", "role"): records.ROLES,
    ("policy_refs", "action"): records.ACTIONS,
    ("entities", "label"): records.LABELS,
    ("entities", "source"): records.SOURCES,
    ("target_series", "comparator"): records.COMPARATORS,
    ("policy_lifecycle", "action"): records.ACTIONS,
    ("fulfilment", "target_comparator"): records.COMPARATORS,
    ("documents", "status"): schemas.DOCUMENT_STATUSES,
    ("task_links", "direction"): schemas.LINK_DIRECTIONS,
    ("task_links", "status"): schemas.LINK_STATUSES,
    ("fulfilment", "status"): schemas.FULFILMENT_STATUSES,
}


@pytest.mark.parametrize("table,column", sorted(CODED))
def test_schemas_coded_columns_allow_their_value_set(table, column):
    field = registry.ALL_TABLES[table].field(column)
    assert schemas.describe(field)["values"] == list(CODED[table, column])


def test_schemas_part_allows_the_parts_everywhere():
    for t in registry.TABLES:
        if "part" in t.schema.names:
            assert schemas.describe(t.schema.field("part"))["values"] == list(records.PARTS), t.name


def test_schemas_keys_and_references_name_real_columns():
    for t in registry.TABLES:
        assert set(schemas.primary_key(t.schema)) <= set(t.schema.names), t.name
        for field in t.schema:
            ref = schemas.describe(field)["references"]
            if ref:
                table, column = ref.split(".")
                assert column in registry.ALL_TABLES[table].names, f"{t.name}.{field.name} → {ref}"
                assert schemas.primary_key(registry.ALL_TABLES[table]) == [column], ref


def test_schemas_table_refuses_bad_definitions():
    a = schemas.column("a", pa.string(), "a column for the test")
    with pytest.raises(ValueError, match="defined twice"):
        schemas.table("one row per test", [a, a])
    with pytest.raises(ValueError, match=r"primary key columns \['b'\]"):
        schemas.table("one row per test", [a], primary_key=["b"])


def test_schemas_column_metadata_round_trip():
    field = schemas.column(
        "kind", pa.string(), "what the amount is", unit="人", values=("甲", "b"), references="documents.doc_id"
    )
    assert schemas.describe(field) == {
        "description": "what the amount is",
        "unit": "人",
        "values": ["甲", "b"],
        "references": "documents.doc_id",
    }
    plain = schemas.describe(schemas.column("x", pa.int64(), "a plain number"))
    assert plain == {"description": "a plain number", "unit": None, "values": None, "references": None}


@pytest.mark.issue(19)
def test_schemas_descriptions_travel_inside_the_parquet_files(corpus_outputs):
    import pyarrow.parquet as pq

    for t in registry.TABLES:
        part = sorted((corpus_outputs / t.name).glob("*.parquet"))[0]
        written = pq.read_schema(part)
        assert schemas.table_description(written) == schemas.table_description(t.schema), t.name
        assert schemas.primary_key(written) == schemas.primary_key(t.schema), t.name
        for field in t.schema:
            assert written.field(field.name).metadata == field.metadata, f"{t.name}.{field.name}"
