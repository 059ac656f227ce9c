"""The run's datapackage.json (pipeline/tables/datapackage.py), validated with frictionless."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from extractors.records import KINDS
from pipeline import registry
from pipeline.tables import datapackage, schemas


def test_datapackage_describes_every_table_and_column():
    desc = datapackage.descriptor()
    assert [r["name"] for r in desc["resources"]] == list(registry.ALL_TABLES)
    for resource in desc["resources"]:
        schema = registry.ALL_TABLES[resource["name"]]
        assert resource["path"] == resource["name"] and resource["format"] == "parquet"
        assert resource["description"] == schemas.table_description(schema)
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == schema.names
        assert all(f["description"] for f in fields)
        # "" and the "nan" pandas makes of a null integer (targets.period_start of a fact)
        assert resource["schema"]["missingValues"] == ["", "nan"]
        assert resource["schema"].get("primaryKey", []) == schemas.primary_key(schema)


def test_datapackage_types_enums_and_keys():
    by_name = {r["name"]: r["schema"] for r in datapackage.descriptor()["resources"]}
    targets = {f["name"]: f for f in by_name["targets"]["fields"]}
    assert targets["value"]["type"] == "number" and targets["char_start"]["type"] == "integer"
    assert targets["kind"]["constraints"] == {"enum": list(KINDS)}
    assert targets["char_start"]["unit"] == "characters"
    times = {f["name"]: f for f in by_name["times"]["fields"]}
    assert times["start"]["type"] == "date"
    assert {f["name"]: f["type"] for f in by_name["target_series"]["fields"]}["absent"] == "boolean"
    assert {"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}} in by_name["targets"][
        "foreignKeys"
    ]
    # a section's parent is a section of the same table
    assert {"fields": ["parent_id"], "reference": {"resource": "", "fields": ["section_id"]}} in by_name["sections"][
        "foreignKeys"
    ]


def test_datapackage_is_written_beside_the_tables(corpus_outputs):
    written = json.loads((corpus_outputs / datapackage.FILE_NAME).read_text(encoding="utf-8"))
    assert written == datapackage.descriptor()


def _validate(folder) -> dict:
    """``frictionless validate --json datapackage.json`` in ``folder``, as a user runs it."""
    res = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "--json", datapackage.FILE_NAME],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return json.loads(res.stdout), res.returncode


def _errors(report: dict) -> list[tuple]:
    """(table, error type, field) of every error; cell values are left out of test reports."""
    return sorted({(t["name"], e["type"], e.get("fieldName")) for t in report["tasks"] for e in t["errors"]})


@pytest.mark.issue(19)
def test_datapackage_frictionless_validate_passes_on_a_run(corpus_outputs):
    report, code = _validate(corpus_outputs)
    assert report["valid"] and code == 0, _errors(report)
    # every row of every table was read and checked
    rows = {t["name"]: t["stats"]["rows"] for t in report["tasks"]}
    for table in registry.ALL_TABLES:
        expected = sum(pq.read_metadata(p).num_rows for p in (corpus_outputs / table).glob("*.parquet"))
        assert rows[table] == expected, table


@pytest.mark.issue(19)
def test_datapackage_frictionless_finds_a_value_outside_the_contract(corpus_outputs, tmp_path):
    # the check is not vacuous: a kind no extractor may write, and a task that does not exist
    # (on targets and the tables it points to, to keep the test short)
    kept = ("documents", "sections", "tasks", "targets")
    for name in kept:
        shutil.copytree(corpus_outputs / name, tmp_path / name)
    desc = datapackage.descriptor()
    desc["resources"] = [r for r in desc["resources"] if r["name"] in kept]
    (tmp_path / datapackage.FILE_NAME).write_text(json.dumps(desc, ensure_ascii=False), encoding="utf-8")
    part = sorted((tmp_path / "targets").glob("*.parquet"))[0]
    table = pq.read_table(part)
    kinds = table.column("kind").to_pylist()
    tasks = table.column("task_id").to_pylist()
    kinds[0], tasks[0] = "wish", "nowhere-2018/1.1"
    table = table.set_column(table.schema.get_field_index("kind"), table.schema.field("kind"), [kinds])
    table = table.set_column(table.schema.get_field_index("task_id"), table.schema.field("task_id"), [tasks])
    pq.write_table(table, part)
    report, code = _validate(tmp_path)
    assert not report["valid"] and code != 0
    assert _errors(report) == [("targets", "constraint-error", "kind"), ("targets", "foreign-key", None)]
