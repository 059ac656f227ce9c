"""Typed records returned by extractors, one class per output table.

Field names and types are those of the table's columns (see ``pipeline/tables/schemas.py``,
checked against these classes by ``tests/pipeline/test_schemas.py``). The pipeline adds
``doc_id``, ``task_id`` and ``section_id``. ``char_start``/``char_end`` are half-open
offsets into the normalised document text: ``text[char_start:char_end] == record.text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# The value sets of the records' coded fields, defined once (the gold checker, the
# schemas' allowed values and the extractors' data files refer to these).
COMPARATORS = ("=", "~", ">=", "<=", ">", "<", "range")
KINDS = ("target", "achievement", "fact", "threshold", "other")
GRANULARITIES = ("year", "half", "quarter", "month", "day")
ROLES = ("deadline", "period", "point", "horizon")
ACTIONS = ("issue", "draft", "revise", "implement", "evaluate", "other")
LABELS = ("PROGRAM", "ORG", "GPE", "PERSON")
SOURCES = ("rule", "model")
# What a passage of a document is for (sections, tasks and every extraction row).
PARTS = ("plan", "review", "other")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A stated amount (→ ``targets``): 新开办公办幼儿园15所 → 15, 所, ``=``."""

    text: str
    char_start: int
    char_end: int
    sentence: str
    value: float
    value_max: float | None
    unit: str
    comparator: str  # = ~ >= <= > < range
    subject: str
    indicator: str
    kind: str  # target | achievement | fact | threshold | other
    period_start: int | None  # inclusive years the amount is about; None for fact/threshold/other
    period_end: int | None


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """An explicit time (→ ``times``), normalised to an inclusive date span."""

    text: str
    char_start: int
    char_end: int
    sentence: str
    start: date | None
    end: date | None
    granularity: str  # year | half | quarter | month | day
    role: str  # deadline | period | point | horizon


@dataclass(frozen=True, slots=True)
class PolicyRef:
    """A named policy document 《…》 (→ ``policy_refs``)."""

    text: str
    char_start: int
    char_end: int
    sentence: str
    title: str
    qualifier: str | None
    action: str  # issue | draft | revise | implement | evaluate | other
    action_text: str | None
    ref_key: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A named programme, organisation, place or person (→ ``entities``)."""

    text: str
    char_start: int
    char_end: int
    sentence: str
    label: str  # PROGRAM | ORG | GPE | PERSON
    source: str  # rule | model
