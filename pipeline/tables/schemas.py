"""Arrow schemas of every output table — the one place columns are defined.

``tests/pipeline/test_schemas.py`` checks each extraction schema against its record in
``extractors/records.py`` and each structure schema against ``pipeline/structure/parse.py``,
field by field, so neither drifts. Which tables exist, and what fills each, is
``pipeline/registry.py``.
"""

from __future__ import annotations

import pyarrow as pa

S, I, F, D, B = pa.string(), pa.int64(), pa.float64(), pa.date32(), pa.bool_()

DOCUMENTS = pa.schema([
    ("doc_id", S), ("issuer", S), ("issuer_slug", S), ("year", I), ("genre", S),
    ("title", S), ("source", S), ("source_path", S), ("sha256", S), ("encoding", S),
    ("n_chars", I), ("text", S), ("status", S), ("error", S), ("pipeline_version", S),
])

SECTIONS = pa.schema([
    ("doc_id", S), ("section_id", S), ("parent_id", S), ("level", I), ("label", S),
    ("number", I), ("heading", S), ("part", S), ("char_start", I), ("char_end", I),
])

TASKS = pa.schema([
    ("doc_id", S), ("task_id", S), ("section_id", S), ("number", I), ("title", S),
    ("text", S), ("part", S), ("char_start", I), ("char_end", I),
])

# Every extraction row: where it is, then the record's own fields.
_EXTRACTION = [
    ("doc_id", S), ("task_id", S), ("section_id", S), ("part", S), ("text", S),
    ("char_start", I), ("char_end", I), ("sentence", S),
]

TARGETS = pa.schema(_EXTRACTION + [
    ("value", F), ("value_max", F), ("unit", S), ("comparator", S), ("subject", S),
    ("indicator", S), ("kind", S),
])

TIMES = pa.schema(_EXTRACTION + [
    ("start", D), ("end", D), ("granularity", S), ("role", S),
])

POLICY_REFS = pa.schema(_EXTRACTION + [
    ("title", S), ("qualifier", S), ("action", S), ("action_text", S), ("ref_key", S),
])

ENTITIES = pa.schema(_EXTRACTION + [("label", S), ("source", S)])

TARGET_SERIES = pa.schema([
    ("issuer", S), ("issuer_slug", S), ("indicator", S), ("year", I), ("value", F),
    ("value_max", F), ("comparator", S), ("unit", S), ("doc_id", S), ("task_id", S),
    ("text", S), ("sentence", S), ("absent", B),
])

TASK_LINKS = pa.schema([
    ("issuer_slug", S), ("direction", S), ("doc_id_a", S), ("task_id_a", S), ("title_a", S),
    ("doc_id_b", S), ("task_id_b", S), ("title_b", S), ("score", F), ("status", S),
])

POLICY_LIFECYCLE = pa.schema([
    ("issuer", S), ("issuer_slug", S), ("ref_key", S), ("year", I), ("doc_id", S),
    ("title", S), ("action", S), ("task_id", S), ("first_year", I), ("n_years", I),
])

FULFILMENT = pa.schema([
    ("issuer", S), ("issuer_slug", S), ("indicator", S), ("year", I),
    ("target_value", F), ("target_value_max", F), ("target_comparator", S), ("target_unit", S),
    ("target_doc_id", S), ("target_task_id", S), ("target_text", S),
    ("outcome_value", F), ("outcome_unit", S), ("outcome_doc_id", S), ("outcome_text", S),
    ("outcome_sentence", S), ("direction", S), ("tolerance", F), ("status", S), ("rule", S),
])

# Columns the pipeline adds to a record's own fields: where the row stands.
STRUCTURE_ADDED = ("doc_id",)
EXTRACTION_ADDED = ("doc_id", "task_id", "section_id", "part")
EXTRACTION_COLUMNS = tuple(name for name, _ in _EXTRACTION)
