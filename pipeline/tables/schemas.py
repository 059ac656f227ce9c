"""Arrow schemas of every output table — the one place columns are defined and described.

Each column carries its meaning as Arrow field metadata (``description``, and ``unit``,
``values`` — the allowed values — and ``references`` where it has them), and each schema
its table's description and primary key, so the contract travels inside every Parquet
file the writer produces (``pyarrow.parquet.read_schema(part).field("value").metadata``).
``docs/tables.md`` (``python -m tools.write_table_docs``) and each run's
``datapackage.json`` (``pipeline/tables/datapackage.py``) are generated from here.

Adding a column is one line: ``column(name, type, description, unit=…, values=…)`` in
its table. Allowed values come from the value sets defined once — the records' in
``extractors/records.py``, the pipeline's own below — never written out again.

``tests/pipeline/test_schemas.py`` checks each extraction schema against its record in
``extractors/records.py`` and each structure schema against ``pipeline/structure/parse.py``,
field by field, so neither drifts. Which tables exist, and what fills each, is
``pipeline/registry.py``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import pyarrow as pa

from extractors.indicators import DIRECTIONS
from extractors.records import ACTIONS, COMPARATORS, GRANULARITIES, KINDS, LABELS, PARTS, ROLES, SOURCES

S, I, F, D, B = pa.string(), pa.int64(), pa.float64(), pa.date32(), pa.bool_()  # noqa: E741 - one letter per type

# Value sets of columns the pipeline fills itself (the extractors' are in extractors/records.py).
DOCUMENT_STATUSES = ("ok", "failed")
LINK_DIRECTIONS = ("previous", "next")
LINK_STATUSES = ("continued", "new", "dropped")
FULFILMENT_STATUSES = ("met", "exceeded", "fell_short", "unknown")
FULFILMENT_DIRECTIONS = tuple(sorted(DIRECTIONS))
ACTORS = ("issuer", "other")

# Metadata keys, on fields and on schemas.
DESCRIPTION, UNIT, VALUES, REFERENCES, PRIMARY_KEY = "description", "unit", "values", "references", "primary_key"


def column(
    name: str,
    type_: pa.DataType,
    description: str,
    *,
    unit: str | None = None,
    values: Iterable[str] | None = None,
    references: str | None = None,
) -> pa.Field:
    """One column: its type, what it means, its unit, its allowed values, the column it points to.

    ``references`` is ``"table.column"`` (a foreign key: every non-null value is one of
    that column's values).
    """
    meta = {DESCRIPTION: description}
    if unit:
        meta[UNIT] = unit
    if values is not None:
        meta[VALUES] = json.dumps(list(values), ensure_ascii=False)
    if references:
        meta[REFERENCES] = references
    return pa.field(name, type_, metadata=meta)


def table(description: str, columns: Iterable[pa.Field], *, primary_key: Iterable[str] = ()) -> pa.Schema:
    """A table's schema: its columns, what one row is, and the columns that identify a row."""
    columns = list(columns)
    key = list(primary_key)
    names = [c.name for c in columns]
    unknown = [k for k in key if k not in names]
    if unknown:
        raise ValueError(f"pipeline/tables/schemas.py: primary key columns {unknown} are not columns")
    duplicated = sorted({n for n in names if names.count(n) > 1})
    if duplicated:
        raise ValueError(f"pipeline/tables/schemas.py: columns defined twice: {duplicated}")
    meta = {DESCRIPTION: description}
    if key:
        meta[PRIMARY_KEY] = json.dumps(key)
    return pa.schema(columns, metadata=meta)


def describe(field: pa.Field) -> dict:
    """A column's metadata as plain values: description, unit, values (list), references."""
    meta = {k.decode(): v.decode() for k, v in (field.metadata or {}).items()}
    out = {DESCRIPTION: meta.get(DESCRIPTION, ""), UNIT: meta.get(UNIT), VALUES: None, REFERENCES: meta.get(REFERENCES)}
    if VALUES in meta:
        out[VALUES] = json.loads(meta[VALUES])
    return out


def table_description(schema: pa.Schema) -> str:
    return (schema.metadata or {}).get(DESCRIPTION.encode(), b"").decode()


def primary_key(schema: pa.Schema) -> list[str]:
    raw = (schema.metadata or {}).get(PRIMARY_KEY.encode())
    return json.loads(raw) if raw else []


# ---------------------------------------------------------------- shared columns

DOC_ID = column("doc_id", S, "the document the row comes from", references="documents.doc_id")
TASK_ID = column("task_id", S, "the task the row stands in; null outside any task", references="tasks.task_id")
SECTION_ID = column(
    "section_id",
    S,
    "the innermost numbered section the row stands in; null before the first heading",
    references="sections.section_id",
)
PART = column(
    "part",
    S,
    "what the passage is for: plan (work to be done), review (what was done before), other (preamble, closing)",
    values=PARTS,
)
CHAR_START = column(
    "char_start",
    I,
    "start of the span in documents.text (half-open [char_start, "
    "char_end): documents.text[char_start:char_end] == text)",
    unit="characters",
)
CHAR_END = column("char_end", I, "end of the span in documents.text, exclusive", unit="characters")
YEAR = column("year", I, "the year the plan is for (the document's year)", unit="year")
ISSUER = column("issuer", S, "who issued the documents, as named (国务院, 大连市教育局)")
ISSUER_SLUG = column("issuer_slug", S, "the issuer's id in doc_ids (gov-report, dalian-edu)")
INDICATOR = column(
    "indicator",
    S,
    "normalised key of what is measured, the same across years for one measure (国内生产总值增长, 城镇新增就业)",
)
COMPARATOR = column(
    "comparator",
    S,
    "how the value binds: = exact, ~ about (左右/约), >= at least "
    "(以上/不低于), <= at most (以内/不超过), > (超过), < (低于), range "
    "(value to value_max)",
    values=COMPARATORS,
)
UNIT_COLUMN = column(
    "unit", S, "the unit after removing the multipliers 万/亿 (人, 所, %, 元, 平方米, M); null for a bare number"
)

# Every extraction row: where it is, then the record's own fields.
_EXTRACTION = [
    DOC_ID,
    TASK_ID,
    SECTION_ID,
    PART,
    column("text", S, "the mention exactly as written in the document"),
    CHAR_START,
    CHAR_END,
    column(
        "sentence",
        S,
        "the sentence or clause the mention stands in (in an indicator table: its row, cells split by tabs)",
    ),
]
_MENTION_KEY = ("doc_id", "char_start", "char_end")

# ---------------------------------------------------------------- per-document tables

DOCUMENTS = table(
    "one row per input document, failed ones included",
    [
        column(
            "doc_id",
            S,
            "stable id <issuer_slug>-<year>, with a suffix -2, -3 … when one issuer has several documents in a year",
        ),
        ISSUER,
        ISSUER_SLUG,
        YEAR,
        column("genre", S, "工作要点, 工作计划, 政府工作报告 …, from the manifest or the title; unknown if none"),
        column("title", S, "the document's title"),
        column("source", S, "where the document was obtained (the manifest's source: a URL or a note)"),
        column("source_path", S, "the file it was read from"),
        column("sha256", S, "SHA-256 of the file's bytes, hex"),
        column("encoding", S, "the text encoding the file was decoded from"),
        column("n_chars", I, "length of text", unit="characters"),
        column("text", S, "the normalised full text every char_start/char_end points into; null when failed"),
        column("status", S, "ok, or failed when the document could not be read or processed", values=DOCUMENT_STATUSES),
        column("error", S, "why the document failed, naming the file and the problem; null when ok"),
        column(
            "warnings",
            S,
            "what looks wrong in the document's structure (numbered lines but no task, gaps "
            "in numbering, a task far longer than the others), one per line; null when none",
        ),
        column("pipeline_version", S, "the plantasks version that wrote the row"),
    ],
    primary_key=["doc_id"],
)

SECTIONS = table(
    "one row per numbered heading above the tasks (一、 …, （一） …)",
    [
        DOC_ID,
        column("section_id", S, "<doc_id>/s<path>, e.g. gov-report-2018/s2 or dalian-edu-2018/s1.3"),
        column("parent_id", S, "the enclosing section; null at the top level", references="sections.section_id"),
        column("level", I, "depth of the heading, 1 at the top"),
        column("label", S, "the heading's number as written (三, （二）, 第五)"),
        column("number", I, "the heading's number as an integer (三 → 3)"),
        column("heading", S, "the heading text after the number; null when there is none"),
        PART,
        CHAR_START,
        CHAR_END,
    ],
    primary_key=["section_id"],
)

TASKS = table(
    "one row per numbered work item (1. …, （1） …, 第一 …: the lowest numbered level a plan has)",
    [
        DOC_ID,
        column(
            "task_id",
            S,
            "<doc_id>/<path>, e.g. gov-report-2018/3.1 (a second numbered series beside the"
            " first under one heading takes a letter: gov-report-1986/2.1b)",
        ),
        SECTION_ID,
        column("number", I, "the task's number as an integer"),
        column("title", S, "the task's title (its run-in heading or first clause); null when it has none"),
        column("text", S, "the task's full text: documents.text[char_start:char_end]"),
        PART,
        CHAR_START,
        CHAR_END,
    ],
    primary_key=["task_id"],
)

TARGETS = table(
    "one row per stated amount: a target, an achievement, a fact or a threshold",
    _EXTRACTION
    + [
        column(
            "value",
            F,
            "the amount in base units: 1100万人 → 11000000, 1.3万亿斤 → 1.3e12, 6.5% → 6.5; the lower end of a range",
            unit="given by the unit column",
        ),
        column(
            "value_max", F, "upper end of a range (6%－6.5% → 6.5); null otherwise", unit="given by the unit column"
        ),
        UNIT_COLUMN,
        COMPARATOR,
        column(
            "subject", S, "what is measured, as written (城镇新增就业, 公办幼儿园); null when the sentence names none"
        ),
        column(
            "indicator",
            S,
            "normalised key of the subject, the same across years for one measure; null without a subject",
        ),
        column(
            "kind",
            S,
            "target (committed for the plan period), achievement (reported as done), fact, "
            "threshold (a condition, not a commitment), other",
            values=KINDS,
        ),
        column(
            "period_start",
            I,
            "first year the target or achievement is about (an annual target of a 2019 "
            "plan: 2019; 十四五: 2021; last year's result in a review: the year before); "
            "null for fact, threshold and other",
            unit="year",
        ),
        column(
            "period_end",
            I,
            "last year it is about, inclusive (到2020年 in a 2018 plan: 2020; 到2035年: "
            "2035); equal to period_start for an annual figure; null for a target with no end "
            "year (今后一个时期)",
            unit="year",
        ),
        column(
            "headline",
            B,
            "true when the amount stands in the passage that lists the plan's main targets "
            "(今年发展的主要预期目标是：…), as the structure found it",
        ),
    ],
    primary_key=_MENTION_KEY,
)

TIMES = table(
    "one row per time expression, normalised to an inclusive span of dates",
    _EXTRACTION
    + [
        column(
            "start",
            D,
            "first day of the span (2017-2020年 → 2017-01-01; 今年 resolved against the "
            "document's year); null when open",
            unit="date",
        ),
        column("end", D, "last day of the span, inclusive (2018年底 → 2018-12-31; 十三五 → 2020-12-31)", unit="date"),
        column("granularity", S, "the precision of the expression", values=GRANULARITIES),
        column(
            "role",
            S,
            "deadline (by when something is due), period (a span of work), point, horizon (a long-range vision year)",
            values=ROLES,
        ),
    ],
    primary_key=_MENTION_KEY,
)

POLICY_REFS = table(
    "one row per named policy document 《…》",
    _EXTRACTION
    + [
        column("title", S, "the name inside the brackets"),
        column(
            "qualifier",
            S,
            "who or which the document is, written outside the brackets (我市, 国务院, "
            "大连市中小学, 新修订的); null when none",
        ),
        column(
            "action",
            S,
            "what the sentence does with the document: issue (出台/制定/印发), draft "
            "(编制/起草), revise (修订), implement (落实/贯彻/实施), evaluate (评估/督查), "
            "other",
            values=ACTIONS,
        ),
        column("action_text", S, "the verb as written; null when none was found"),
        column(
            "ref_key",
            S,
            "normalised key, the same for one document across years and issuers "
            "(short forms take their full title's key)",
        ),
    ],
    primary_key=_MENTION_KEY,
)

ENTITIES = table(
    "one row per named programme, organisation, place or person",
    _EXTRACTION
    + [
        column(
            "label", S, "PROGRAM (named campaigns and projects: 两学一做), ORG, GPE (places), PERSON", values=LABELS
        ),
        column("source", S, "rule (patterns and gazetteers) or model", values=SOURCES),
    ],
    primary_key=_MENTION_KEY,
)

# ---------------------------------------------------------------- cross-year tables

PERIOD_START = column(
    "period_start",
    I,
    "first year the target is for: the plan's year for its own target, 2016 for a 十三五 goal",
    unit="year",
)
PERIOD_END = column(
    "period_end",
    I,
    "last year the target is for, inclusive (= period_start for one year's target, 2020 for a 十三五 goal)",
    unit="year",
)

TARGET_SERIES = table(
    "one row per (issuer, measure, year, period): the target an issuer's plan set for "
    "its own year (period_start = period_end = year), a goal over several years in a "
    "row of its own, and absent rows for years that set none; measures of the "
    "vocabulary only",
    [
        ISSUER,
        ISSUER_SLUG,
        INDICATOR,
        YEAR,
        PERIOD_START,
        PERIOD_END,
        column(
            "value",
            F,
            "the target's amount in base units of the measure's one unit; null when absent",
            unit="given by the unit column",
        ),
        column("value_max", F, "upper end of a range target; null otherwise", unit="given by the unit column"),
        COMPARATOR,
        column(
            "unit",
            S,
            "the unit the issuer's series of this measure is read in (amounts in other units of "
            "the same dimension are converted); null for a bare number",
        ),
        column("headline", B, "true when the target stands in the plan's headline list (主要预期目标)"),
        column("doc_id", S, "the plan the target is taken from", references="documents.doc_id"),
        TASK_ID,
        column("text", S, "the target as written; null when absent"),
        column("sentence", S, "the sentence the target stands in; null when absent"),
        column(
            "absent",
            B,
            "true when this year's plan sets no target of its own for a measure the issuer's "
            "previous or next plan sets",
        ),
    ],
    primary_key=["issuer_slug", "indicator", "year", "period_start", "period_end"],
)

TASK_LINKS = table(
    "one row per plan task and direction: the task's best match in the issuer's previous or next plan",
    [
        ISSUER_SLUG,
        column(
            "direction", S, "previous: b is in the earlier plan; next: b is in the later plan", values=LINK_DIRECTIONS
        ),
        column("doc_id_a", S, "the plan of task a", references="documents.doc_id"),
        column("task_id_a", S, "the plan task the row is about (task a)", references="tasks.task_id"),
        column("title_a", S, "the title of task a"),
        column("doc_id_b", S, "the neighbouring plan", references="documents.doc_id"),
        column(
            "task_id_b",
            S,
            "task b, the best match in that plan, kept even below the threshold",
            references="tasks.task_id",
        ),
        column("title_b", S, "the title of task b"),
        column("score", F, "cosine similarity of TF-IDF weighted character bigrams of title and text", unit="0 to 1"),
        column(
            "status",
            S,
            "continued when the score reaches the threshold (0.10) or stands out from the "
            "pair of plans (1.8 × the mean score of all their task pairs); otherwise new "
            "(direction previous) or dropped (direction next)",
            values=LINK_STATUSES,
        ),
    ],
    primary_key=["direction", "task_id_a"],
)

POLICY_LIFECYCLE = table(
    "one row per (issuer, ref_key, year of the event): the main action taken on a named document that year",
    [
        ISSUER,
        ISSUER_SLUG,
        column(
            "ref_key",
            S,
            "the document's key (policy_refs.ref_key; short forms and drafts resolved to the document they name)",
        ),
        column(
            "year",
            I,
            "when the event took place: the time of the mention's own clause, else the year "
            "the document speaks of (a review: the year before it)",
            unit="year",
        ),
        DOC_ID,
        column("doc_year", I, "the year of the document that tells the event", unit="year"),
        column("title", S, "the document's name as written in the year's main mention"),
        column(
            "action",
            S,
            "the year's main action: the issuer's own current event first, then issue > draft "
            "> revise > implement > evaluate > other",
            values=ACTIONS,
        ),
        column(
            "actor",
            S,
            "issuer, or other when the clause names another government or body acting "
            "(美国制定了所谓《…》) or disowns the document",
            values=ACTORS,
        ),
        column(
            "retrospective",
            B,
            "true when the event is dated before the period the document covers (1990 told in the 1997 report)",
        ),
        TASK_ID,
        column("first_year", I, "the first year of an event of the document", unit="year"),
        column("n_years", I, "in how many years events of the document fall", unit="years"),
    ],
    primary_key=["issuer_slug", "ref_key", "year"],
)

FULFILMENT = table(
    "one row per target of target_series (a year's own target or a goal): the outcome a "
    "later document reports for the same measure and period, and which way it went",
    [
        ISSUER,
        ISSUER_SLUG,
        INDICATOR,
        column("year", I, "the year of the plan that set the target", unit="year"),
        PERIOD_START,
        PERIOD_END,
        column("target_value", F, "the target's amount in base units", unit="given by target_unit"),
        column("target_value_max", F, "upper end of a range target; null otherwise", unit="given by target_unit"),
        column("target_comparator", S, "the target's comparator", values=COMPARATORS),
        column("target_unit", S, "the target's unit (the measure's series unit); null for a bare number"),
        column("target_doc_id", S, "the plan that set the target", references="documents.doc_id"),
        column("target_task_id", S, "the task the target stands in", references="tasks.task_id"),
        column("target_text", S, "the target as written"),
        column(
            "outcome_value",
            F,
            "the outcome reported later, in base units of target_unit; null when none was found",
            unit="given by outcome_unit",
        ),
        column("outcome_unit", S, "the outcome's unit after conversion (= target_unit)"),
        column("outcome_doc_id", S, "the later document that reports the outcome", references="documents.doc_id"),
        column("outcome_text", S, "the outcome as written"),
        column("outcome_sentence", S, "the sentence the outcome stands in"),
        column("estimated", B, "true when the report gives the outcome as an estimate (预计)"),
        column(
            "direction",
            S,
            "which way is good for the measure: floor (at least), ceiling (at most), point (about)",
            values=FULFILMENT_DIRECTIONS,
        ),
        column(
            "tolerance", F, "the slack allowed for 左右 (about)", unit="given by target_unit (percentage points for %)"
        ),
        column(
            "gap",
            F,
            "the outcome minus the nearest end of the target (0 inside a range); null without an outcome",
            unit="given by target_unit (percentage points for %)",
        ),
        column(
            "status",
            S,
            "met; exceeded (above a point target or a ceiling); fell_short (below a point "
            "target or a floor); unknown when no later document states a figure for the period",
            values=FULFILMENT_STATUSES,
        ),
        column("rule", S, "the comparison that decided, in the plans' units (floor >= → at_least: 1310万人 ≥ 900万人)"),
    ],
    primary_key=["issuer_slug", "indicator", "year", "period_start", "period_end"],
)

# Columns the pipeline adds to a record's own fields: where the row stands.
STRUCTURE_ADDED = ("doc_id",)
# "headline" is added to the tables whose schema has the column (targets).
EXTRACTION_ADDED = ("doc_id", "task_id", "section_id", "part", "headline")
EXTRACTION_COLUMNS = tuple(f.name for f in _EXTRACTION)
