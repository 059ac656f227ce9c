"""Each Arrow schema matches the record that fills it, field by field."""

from __future__ import annotations

import dataclasses
import datetime
import typing

import pyarrow as pa
import pytest

from extractors import records
from pipeline import registry
from pipeline.tables import schemas
from pipeline.structure import parse as structure

_ARROW = {str: pa.string(), int: pa.int64(), float: pa.float64(), datetime.date: pa.date32(), bool: pa.bool_()}


def _arrow_type(hint) -> pa.DataType:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    return _ARROW[args[0] if args else hint]


@pytest.mark.parametrize("record,schema,extra", [
    (records.Quantity, schemas.TARGETS, schemas.EXTRACTION_COLUMNS),
    (records.TimeExpr, schemas.TIMES, schemas.EXTRACTION_COLUMNS),
    (records.PolicyRef, schemas.POLICY_REFS, schemas.EXTRACTION_COLUMNS),
    (records.Entity, schemas.ENTITIES, schemas.EXTRACTION_COLUMNS),
    (structure.Section, schemas.SECTIONS, ("doc_id",)),
    (structure.Task, schemas.TASKS, ("doc_id",)),
])
def test_schemas_match_records(record, schema, extra):
    hints = typing.get_type_hints(record)
    fields = [f.name for f in dataclasses.fields(record)]
    assert set(schema.names) == set(fields) | set(extra), "schema and record disagree on columns"
    for name in fields:
        assert schema.field(name).type == _arrow_type(hints[name]), name


def test_schemas_contract_columns_present():
    # ../shared/contract/OUTPUT.md
    assert {"doc_id", "issuer", "issuer_slug", "year", "genre", "title", "source_path",
            "sha256", "text", "status", "error"} <= set(schemas.DOCUMENTS.names)
    assert {"value", "value_max", "unit", "comparator", "subject", "indicator", "kind"} <= set(schemas.TARGETS.names)
    assert {"start", "end", "granularity", "role"} <= set(schemas.TIMES.names)
    assert {"title", "action", "action_text", "ref_key"} <= set(schemas.POLICY_REFS.names)
    assert {"label", "source"} <= set(schemas.ENTITIES.names)
    assert {"doc_id_a", "task_id_a", "doc_id_b", "task_id_b", "score", "status"} <= set(schemas.TASK_LINKS.names)
    assert {"issuer", "indicator", "year", "value", "value_max", "comparator", "unit", "doc_id",
            "task_id", "text", "absent"} <= set(schemas.TARGET_SERIES.names)
    for table in registry.DOCUMENT_TABLES:
        if table not in ("documents",):
            assert {"doc_id", "char_start", "char_end"} <= set(registry.ALL_TABLES[table].names)
