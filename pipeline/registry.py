"""The table registry: every output table, its columns, and what fills it — one list.

Processing (``pipeline/extract/document.py``), the writer, the run summary,
``evaluate`` and the tests all read :data:`TABLES`; nothing looks a component up by a
name string, so static tools see every extractor the pipeline uses, and a missing or
broken component fails when the registry is imported or checked, never as an empty
table. Adding an extractor (say, the lead department of each task) means its module, its
record in ``extractors/records.py``, its schema in ``pipeline/tables/schemas.py`` and one
entry here.

Stages, in the order a run fills them:

- ``document``: one row per input document (``documents``);
- ``structure``: rows of the document's structure (``sections``, ``tasks``);
- ``passage``: ``extract(passage, offset=, context=)`` runs on every passage of the
  structure and returns records; an optional ``finish(records)`` sees all of one
  document's records (short forms of policy documents take the key of the full title);
  ``uses`` names passage tables whose records of the same passage the extract function
  receives as keyword arguments (targets read the ``times`` the times extractor found:
  later steps take what earlier ones found, never re-read it from the text);
- ``passages``: ``extract(passages, context)`` takes all ``(text, offset)`` passages of a
  document at once (the spaCy pipeline batches them);
- ``crossyear``: ``build(tables)`` makes the table from one issuer's per-document tables.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

import pyarrow as pa

from extractors.entities import extract_entities_batch
from extractors.errors import PlantasksError
from extractors.policy_refs import extract_policy_refs, resolve_ref_keys
from extractors.records import Entity, PolicyRef, Quantity, TimeExpr
from extractors.table_rows import extract_targets
from extractors.times import extract_times
from pipeline.crossyear.fulfilment import build_fulfilment
from pipeline.crossyear.lifecycle import build_policy_lifecycle_from
from pipeline.crossyear.links import build_task_links
from pipeline.crossyear.series import build_target_series
from pipeline.ingest import normalise as _normalise  # noqa: F401 - registers boilerplate.yaml
from pipeline.structure.parse import Section, Task
from pipeline.tables import schemas

STAGES = ("document", "structure", "passage", "passages", "crossyear")
PER_DOCUMENT = ("document", "structure", "passage", "passages")
EXTRACTION_STAGES = ("passage", "passages")


class RegistryError(PlantasksError):
    """The table registry is inconsistent: a run refuses to start."""


@dataclass(frozen=True)
class Table:
    """One output table: its name, its columns, and the component that fills it."""

    name: str
    schema: pa.Schema
    stage: str
    record: type | None = None
    extract: Callable | None = None
    finish: Callable | None = None
    build: Callable | None = None
    # Passage tables whose records of the same passage ``extract`` receives, by table name.
    uses: tuple[str, ...] = ()
    # How the run summary names its row count (None: not shown).
    summary: str | None = None

    @property
    def per_document(self) -> bool:
        return self.stage in PER_DOCUMENT

    @property
    def extraction(self) -> bool:
        """Rows that carry a mention's span and the passage it stands in."""
        return self.stage in EXTRACTION_STAGES


TABLES: tuple[Table, ...] = (
    Table("documents", schemas.DOCUMENTS, "document"),
    Table("sections", schemas.SECTIONS, "structure", record=Section, summary="sections"),
    Table("tasks", schemas.TASKS, "structure", record=Task, summary="tasks"),
    Table(
        "targets",
        schemas.TARGETS,
        "passage",
        record=Quantity,
        extract=extract_targets,
        uses=("times",),
        summary="targets",
    ),
    Table("times", schemas.TIMES, "passage", record=TimeExpr, extract=extract_times, summary="times"),
    Table(
        "policy_refs",
        schemas.POLICY_REFS,
        "passage",
        record=PolicyRef,
        extract=extract_policy_refs,
        finish=resolve_ref_keys,
        summary="policy refs",
    ),
    Table("entities", schemas.ENTITIES, "passages", record=Entity, extract=extract_entities_batch, summary="entities"),
    Table("target_series", schemas.TARGET_SERIES, "crossyear", build=build_target_series),
    Table("task_links", schemas.TASK_LINKS, "crossyear", build=build_task_links),
    Table("policy_lifecycle", schemas.POLICY_LIFECYCLE, "crossyear", build=build_policy_lifecycle_from),
    Table("fulfilment", schemas.FULFILMENT, "crossyear", build=build_fulfilment),
)


def check(tables: tuple[Table, ...] | None = None) -> tuple[Table, ...]:
    """Refuse an inconsistent registry, naming the table: unknown stage, a passage table
    without an extract function, a record whose fields are not the table's columns, a
    cross-year table without a builder, a name used twice, a table used that is not a
    passage table of its own (or uses others in turn)."""
    tables = TABLES if tables is None else tables
    seen: set[str] = set()
    by_name = {t.name: t for t in tables}
    for t in tables:
        where = f"table registry: {t.name}"
        if t.name in seen:
            raise RegistryError(f"{where}: defined twice")
        seen.add(t.name)
        for name in t.uses:
            used = by_name.get(name)
            if t.stage != "passage" or used is None or used.stage != "passage" or used.uses or used is t:
                raise RegistryError(f"{where}: uses {name!r}, which is not another passage table that uses none itself")
        if not isinstance(t.schema, pa.Schema):
            raise RegistryError(f"{where}: no Arrow schema")
        if t.stage not in STAGES:
            raise RegistryError(f"{where}: unknown stage {t.stage!r} (expected one of {', '.join(STAGES)})")
        if t.extraction and not callable(t.extract):
            raise RegistryError(f"{where}: a {t.stage} table needs an extract function, got {t.extract!r}")
        if t.finish is not None and not callable(t.finish):
            raise RegistryError(f"{where}: finish is not callable")
        if t.stage == "crossyear" and not callable(t.build):
            raise RegistryError(f"{where}: a cross-year table needs a build function, got {t.build!r}")
        if t.stage in ("structure", *EXTRACTION_STAGES):
            if t.record is None or not dataclasses.is_dataclass(t.record):
                raise RegistryError(f"{where}: needs a record dataclass")
            fields = [f.name for f in dataclasses.fields(t.record)]
            added = schemas.STRUCTURE_ADDED if t.stage == "structure" else schemas.EXTRACTION_ADDED
            missing = [c for c in t.schema.names if c not in fields and c not in added]
            extra = [f for f in fields if f not in t.schema.names]
            if missing or extra:
                raise RegistryError(
                    f"{where}: record {t.record.__name__} does not fit the schema "
                    f"(columns without a field: {missing}; fields without a column: {extra})"
                )
    return tables


def table(name: str) -> Table:
    """The registry entry of ``name``."""
    for t in TABLES:
        if t.name == name:
            return t
    raise KeyError(name)


def extraction_order(tables: tuple[Table, ...] | None = None) -> tuple[Table, ...]:
    """The extraction tables in the order they must run: every table a passage table
    ``uses`` before it (the registry's order otherwise)."""
    tables = TABLES if tables is None else tables
    extraction = [t for t in tables if t.extraction]
    used = {name for t in extraction for name in t.uses}
    return tuple([t for t in extraction if t.name in used] + [t for t in extraction if t.name not in used])


ALL_TABLES: dict[str, pa.Schema] = {t.name: t.schema for t in TABLES}
DOCUMENT_TABLES: dict[str, pa.Schema] = {t.name: t.schema for t in TABLES if t.per_document}
CORPUS_TABLES: dict[str, pa.Schema] = {t.name: t.schema for t in TABLES if t.stage == "crossyear"}
EXTRACTION_TABLES: tuple[str, ...] = tuple(t.name for t in TABLES if t.extraction)
