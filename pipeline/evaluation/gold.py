"""The hand-made gold files: their format, validation, and where each mention lies in a text.

The format is described in ``tests/gold/README.md`` (and what counts in
``docs/annotation.md``). A gold mention is located by position: the paragraph whose line
starts with ``anchor`` (or, in one-line page dumps, the one place ``anchor`` occurs, up to
``until``), then the ``occurrence``-th start of ``text`` inside it; sections and tasks by
their own anchors.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from extractors import records
from extractors.errors import DataFileError, FileProblem
from extractors.language_data import Integer, ListOf, OneOf, Optional, Record, Text
from pipeline import registry

MENTION_TABLES = registry.EXTRACTION_TABLES
STRUCTURE_TABLES = ("sections", "tasks")
TABLES = STRUCTURE_TABLES + MENTION_TABLES
SCOPES = frozenset({"paragraphs", "document"})
ANCHOR_MIN = 8
VALUE_TOLERANCE = 1e-9

# Allowed values of the gold fields: the records' value sets.
COMPARATORS, KINDS, GRANULARITIES, ROLES, ACTIONS, LABELS, PARTS = (
    frozenset(values)
    for values in (
        records.COMPARATORS,
        records.KINDS,
        records.GRANULARITIES,
        records.ROLES,
        records.ACTIONS,
        records.LABELS,
        records.PARTS,
    )
)

# Per table: gold keys (beyond text/occurrence/optional) -> (required, check).
_STR = (str,)
_OPT_STR = (str, type(None))
_NUM = (int, float)
_OPT_NUM = (int, float, type(None))
FIELD_SPECS: dict[str, dict[str, tuple[bool, tuple, frozenset | None]]] = {
    "targets": {
        "value": (True, _NUM, None),
        "value_max": (True, _OPT_NUM, None),
        "unit": (True, _OPT_STR, None),
        "comparator": (True, _STR, COMPARATORS),
        "kind": (True, _STR, KINDS),
        "subject": (True, _OPT_STR, None),
        "indicator": (False, _OPT_STR, None),
        "period_start": (False, (int, type(None)), None),
        "period_end": (False, (int, type(None)), None),
    },
    "times": {
        "start": (True, _OPT_STR, None),
        "end": (True, _OPT_STR, None),
        "granularity": (True, _STR, GRANULARITIES),
        "role": (True, _STR, ROLES),
    },
    "policy_refs": {
        "title": (True, _STR, None),
        "qualifier": (True, _OPT_STR, None),
        "action": (True, _STR, ACTIONS),
        "action_text": (True, _OPT_STR, None),
    },
    "entities": {
        "label": (True, _STR, LABELS),
    },
}
MENTION_COMMON = {"text", "occurrence", "optional", "note"}


class GoldFileError(FileProblem):
    """A gold file is malformed, or one of its mentions cannot be found in the text."""


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True, slots=True)
class GoldParagraph:
    id: str
    anchor: str
    until: str | None
    mentions: dict[str, tuple[dict, ...]]  # table -> raw mention dicts


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One gold file, validated (not yet located in a text)."""

    path: str
    doc_id: str
    complete: dict[str, str]
    paragraphs: tuple[GoldParagraph, ...]
    sections: tuple[dict, ...] | None
    tasks: tuple[dict, ...] | None


@dataclass(frozen=True, slots=True)
class GoldMention:
    """A gold mention placed in the document text: ``[char_start, char_end)``."""

    table: str
    doc_id: str
    paragraph: str
    text: str
    char_start: int
    char_end: int
    fields: dict
    optional: bool


def _fail(path, problem: str):
    raise GoldFileError(str(path), problem)


# Anchored structure items, checked by the language-data specs (exact keys, types, parts).
_NOTE = Optional(Text(allow_empty=True))
_SECTION = Record(
    label=Text(allow_empty=True),
    level=Integer(1),
    number=Optional(Integer()),
    heading=Text(allow_empty=True),
    part=OneOf(*PARTS),
    anchor=Optional(Text(allow_empty=True)),
    note=_NOTE,
)
_TASK = Record(
    number=Integer(),
    label=Optional(Text(allow_empty=True)),
    title=Text(allow_empty=True),
    part=OneOf(*PARTS),
    anchor=Optional(Text(allow_empty=True)),
    note=_NOTE,
)


def _check_items(path, name: str, items, spec: Record) -> None:
    """``sections`` / ``tasks`` of a gold file, each item checked by ``spec``."""
    try:
        ListOf(spec).check(items, Path(path), name)
    except DataFileError as exc:
        raise GoldFileError(str(path), exc.problem) from None


def _check_fields(path, where: str, table: str, m: dict) -> None:
    spec = FIELD_SPECS[table]
    unknown = set(m) - set(spec) - MENTION_COMMON
    if unknown:
        _fail(path, f"{where}: unknown keys {sorted(unknown)}")
    if not isinstance(m.get("text"), str) or not m["text"]:
        _fail(path, f"{where}: 'text' must be a non-empty string")
    occ = m.get("occurrence")
    if not isinstance(occ, int) or isinstance(occ, bool) or occ < 1:
        _fail(path, f"{where} {m.get('text')!r}: 'occurrence' must be an integer >= 1")
    if not isinstance(m.get("optional", False), bool):
        _fail(path, f"{where} {m['text']!r}: 'optional' must be true or false")
    for key, (required, types, allowed) in spec.items():
        if key not in m:
            if required:
                _fail(path, f"{where} {m['text']!r}: missing '{key}'")
            continue
        value = m[key]
        if not isinstance(value, types) or isinstance(value, bool):
            _fail(path, f"{where} {m['text']!r}: '{key}' has type {type(value).__name__}")
        if allowed is not None and value not in allowed:
            _fail(path, f"{where} {m['text']!r}: '{key}' is {value!r}, expected one of {sorted(allowed)}")
    if table == "targets":
        if (m["comparator"] == "range") != (m["value_max"] is not None):
            _fail(path, f"{where} {m['text']!r}: value_max is set exactly when comparator is 'range'")
    if table == "times":
        for key in ("start", "end"):
            if m[key] is not None:
                try:
                    date.fromisoformat(m[key])
                except ValueError:
                    _fail(path, f"{where} {m['text']!r}: '{key}' {m[key]!r} is not an ISO date")
        if m["start"] and m["end"] and m["start"] > m["end"]:
            _fail(path, f"{where} {m['text']!r}: start is after end")
    if table == "policy_refs":
        if not (m["text"].startswith("《") and m["text"].endswith("》")):
            _fail(path, f"{where} {m['text']!r}: a policy reference's text is the title with its 《》")
        if m["text"][1:-1] != m["title"]:
            _fail(path, f"{where} {m['text']!r}: title {m['title']!r} is not the text inside 《》")


def load_gold(path: Path) -> GoldDocument:
    """Read and validate one gold file; raise ``GoldFileError`` naming the problem."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldFileError(str(path), f"cannot read: {exc}") from exc
    if not isinstance(data, dict):
        _fail(path, "top level must be an object")
    unknown = set(data) - {"doc_id", "annotator", "complete", "paragraphs", "sections", "tasks", "note"}
    if unknown:
        _fail(path, f"unknown top-level keys {sorted(unknown)}")
    for key in ("doc_id", "annotator"):
        if not isinstance(data.get(key), str) or not data[key]:
            _fail(path, f"'{key}' must be a non-empty string")
    complete = data.get("complete")
    if not isinstance(complete, dict):
        _fail(path, "'complete' must be an object {table: 'paragraphs'|'document'}")
    for table, scope in complete.items():
        if table not in MENTION_TABLES:
            _fail(path, f"complete: unknown table {table!r} (expected {', '.join(MENTION_TABLES)})")
        if scope not in SCOPES:
            _fail(path, f"complete.{table}: {scope!r} is not 'paragraphs' or 'document'")
    raw_pars = data.get("paragraphs")
    if not isinstance(raw_pars, list):
        _fail(path, "'paragraphs' must be a list")
    paragraphs = []
    ids, anchors = set(), set()
    for i, p in enumerate(raw_pars):
        if not isinstance(p, dict):
            _fail(path, f"paragraphs[{i}] must be an object")
        unknown = set(p) - {"id", "anchor", "until", "note"} - set(MENTION_TABLES)
        if unknown:
            _fail(path, f"paragraphs[{i}]: unknown keys {sorted(unknown)}")
        pid, anchor = p.get("id"), p.get("anchor")
        if not isinstance(pid, str) or not pid:
            _fail(path, f"paragraphs[{i}]: 'id' must be a non-empty string")
        if pid in ids:
            _fail(path, f"paragraph id {pid!r} is used twice")
        if not isinstance(anchor, str) or len(anchor) < ANCHOR_MIN:
            _fail(path, f"paragraph {pid}: 'anchor' must be a string of at least {ANCHOR_MIN} characters")
        if anchor in anchors:
            _fail(path, f"paragraph {pid}: anchor {anchor!r} is used twice")
        until = p.get("until")
        if until is not None and (not isinstance(until, str) or not until):
            _fail(path, f"paragraph {pid}: 'until' must be a non-empty string")
        ids.add(pid)
        anchors.add(anchor)
        mentions = {}
        for table in MENTION_TABLES:
            if table not in p:
                continue  # not annotated here: outside a "paragraphs" scope for that table
            items = p[table]
            if not isinstance(items, list):
                _fail(path, f"paragraph {pid}: '{table}' must be a list")
            for m in items:
                if not isinstance(m, dict):
                    _fail(path, f"paragraph {pid}: every {table} item must be an object")
                _check_fields(path, f"paragraph {pid} {table}", table, m)
            seen = set()
            for m in items:
                key = (m["text"], m["occurrence"])
                if key in seen:
                    _fail(path, f"paragraph {pid} {table}: {m['text']!r} occurrence {m['occurrence']} twice")
                seen.add(key)
            mentions[table] = tuple(items)
        paragraphs.append(GoldParagraph(pid, anchor, until, mentions))
    sections = data.get("sections")
    if sections is not None:
        _check_items(path, "sections", sections, _SECTION)
    tasks = data.get("tasks")
    if tasks is not None:
        _check_items(path, "tasks", tasks, _TASK)
    for name, items in (("sections", sections), ("tasks", tasks)):
        if items and any("anchor" in it for it in items) and not all(it.get("anchor") for it in items):
            _fail(path, f"{name}: give every item an anchor, or none")
    return GoldDocument(
        path=str(path),
        doc_id=data["doc_id"],
        complete=dict(complete),
        paragraphs=tuple(paragraphs),
        sections=tuple(sections) if sections is not None else None,
        tasks=tuple(tasks) if tasks is not None else None,
    )


# subfolders scored on their own: held-out sets, and development sets of one round whose
# figures are read apart from the seed gold's (dev30, dev31, dev32: structure gold of three rounds)
SCORED_APART = ("heldout", "dev")


def gold_files(gold_dir: Path) -> list[Path]:
    """Every ``*.json`` under ``gold_dir`` (subfolders included), sorted.

    Subfolders named ``heldout…`` are skipped: they hold gold no extractor author has
    seen, and each is scored on its own (``--gold tests/gold/heldout``) so its figures
    stay out-of-sample; so are ``dev…`` folders, a round's development gold, reported apart.
    """
    root = Path(gold_dir)
    return sorted(
        p
        for p in root.rglob("*.json")
        if p.is_file() and not any(part.startswith(SCORED_APART) for part in p.relative_to(root).parts[:-1])
    )


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every line of the normalised text."""
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def find_paragraph(gold: GoldDocument, text: str, par: GoldParagraph) -> tuple[int, int]:
    """The span a gold paragraph covers: the line starting with ``anchor``, or, in texts
    that run many paragraphs into one line (scraped page dumps), from the one place
    ``anchor`` occurs to the end of its line or to the first ``until`` after it."""
    hits = [(s, e) for s, e in paragraph_spans(text) if text.startswith(par.anchor, s)]
    if len(hits) > 1:
        _fail(gold.path, f"paragraph {par.id}: {len(hits)} lines start with anchor {par.anchor!r}; lengthen it")
    if not hits:
        n = text.count(par.anchor)
        if n != 1:
            _fail(
                gold.path,
                f"paragraph {par.id}: anchor {par.anchor!r} starts no line and occurs "
                f"{n} times in the text; it must occur exactly once",
            )
        start = text.index(par.anchor)
        end = text.find("\n", start)
        hits = [(start, len(text) if end < 0 else end)]
    start, end = hits[0]
    if par.until is not None:
        stop = text.find(par.until, start + 1, end)
        if stop < 0:
            _fail(gold.path, f"paragraph {par.id}: 'until' {par.until!r} not found after the anchor in its line")
        end = stop
    return start, end


def find_anchor(gold: GoldDocument, text: str, what: str, anchor: str) -> int:
    """Position of a section's or task's ``anchor``: it must occur exactly once in the text."""
    n = text.count(anchor)
    if n != 1:
        _fail(gold.path, f"{what}: anchor {anchor!r} occurs {n} times in the text; it must occur exactly once")
    return text.index(anchor)


def find_occurrence(haystack: str, needle: str, occurrence: int) -> int:
    """Index of the ``occurrence``-th (1-based) start of ``needle``, counting every start; -1 if none."""
    at = -1
    for _ in range(occurrence):
        at = haystack.find(needle, at + 1)
        if at < 0:
            return -1
    return at


def locate(gold: GoldDocument, text: str) -> tuple[dict[str, list[GoldMention]], dict[str, tuple[int, int]]]:
    """Place every mention of ``gold`` in ``text``: (table -> mentions, paragraph id -> span)."""
    mentions: dict[str, list[GoldMention]] = {t: [] for t in MENTION_TABLES}
    spans: dict[str, tuple[int, int]] = {}
    for par in gold.paragraphs:
        start, end = find_paragraph(gold, text, par)
        spans[par.id] = (start, end)
        line = text[start:end]
        for table, items in par.mentions.items():
            for m in items:
                at = find_occurrence(line, m["text"], m["occurrence"])
                if at < 0:
                    _fail(
                        gold.path,
                        f"paragraph {par.id} {table}: {m['text']!r} has no occurrence "
                        f"{m['occurrence']} in the paragraph",
                    )
                fields = {k: v for k, v in m.items() if k not in MENTION_COMMON}
                mentions[table].append(
                    GoldMention(
                        table,
                        gold.doc_id,
                        par.id,
                        m["text"],
                        start + at,
                        start + at + len(m["text"]),
                        fields,
                        bool(m.get("optional", False)),
                    )
                )
    return mentions, spans
