"""Score the output tables against the hand-made gold files in ``tests/gold/`` (#3).

The gold format is described in ``tests/gold/README.md``. A gold mention is located by
position: the paragraph whose line starts with ``anchor``, then the ``occurrence``-th
start of ``text`` inside it. A predicted row matches a gold mention when their spans
overlap; pairs are taken greedily, largest overlap first, one to one. Detection
precision/recall/F1 come from those matches, field accuracy is the share of matched pairs
whose field is exactly right, and "strict" scores count a match only when the table's key
fields are right too. Predictions overlapping an ``optional`` gold mention are neither
credit nor fault. Tasks and sections are matched by number (label) in document order.

Reads only the tables (``outputs/<table>/``); never reruns an extractor.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable

from extractors import records
from extractors.errors import FileProblem

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = ROOT / "tests" / "gold"
DEFAULT_OUT = Path("outputs")

MENTION_TABLES = ("targets", "times", "policy_refs", "entities")
STRUCTURE_TABLES = ("sections", "tasks")
TABLES = STRUCTURE_TABLES + MENTION_TABLES
SCOPES = frozenset({"paragraphs", "document"})
ANCHOR_MIN = 8
VALUE_TOLERANCE = 1e-9

# Allowed values of the gold fields: the records' value sets.
COMPARATORS, KINDS, GRANULARITIES, ROLES, ACTIONS, LABELS, PARTS = (
    frozenset(values) for values in (records.COMPARATORS, records.KINDS, records.GRANULARITIES,
                                     records.ROLES, records.ACTIONS, records.LABELS, records.PARTS))

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

# Fields reported per table (name -> gold keys compared together), and the strict key.
REPORTED_FIELDS: dict[str, tuple[str, ...]] = {
    "targets": ("amount", "value", "unit", "comparator", "kind", "subject", "subject~", "period"),
    "times": ("start", "end", "role", "granularity"),
    "policy_refs": ("title", "action", "action_text"),
    "entities": ("label",),
    "tasks": ("title", "part"),
    "sections": ("heading", "part"),
}
# Reported only for gold mentions that carry the field (older gold files lack it).
GOLD_OPTIONAL_FIELDS = {"period": "period_start"}
STRICT_FIELDS: dict[str, tuple[str, ...]] = {
    "targets": ("amount", "kind"),
    "times": ("start", "end", "role"),
    "policy_refs": ("title", "action"),
    "entities": ("label",),
    "tasks": ("title",),
    "sections": ("heading",),
}
_QUOTES = str.maketrans("", "", "“”‘’\"'「」『』 \u3000")
_LABEL_PUNCT = str.maketrans("", "", "、.．()（）,， \u3000")


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
        if not isinstance(sections, list):
            _fail(path, "'sections' must be a list")
        for i, s in enumerate(sections):
            if (not isinstance(s, dict) or set(s) - {"label", "level", "number", "heading", "part", "anchor", "note"}
                    or not isinstance(s.get("label"), str) or not isinstance(s.get("heading"), str)
                    or not isinstance(s.get("level"), int) or s.get("part") not in PARTS
                    or not isinstance(s.get("anchor", ""), str)):
                _fail(path, f"sections[{i}]: expected {{label: str, level: int, heading: str, "
                            f"part: plan|review|other, anchor: str (optional)}}")
    tasks = data.get("tasks")
    if tasks is not None:
        if not isinstance(tasks, list):
            _fail(path, "'tasks' must be a list")
        for i, t in enumerate(tasks):
            if (not isinstance(t, dict) or set(t) - {"number", "label", "title", "part", "anchor", "note"}
                    or not isinstance(t.get("number"), int) or not isinstance(t.get("title"), str)
                    or t.get("part") not in PARTS or not isinstance(t.get("anchor", ""), str)):
                _fail(path, f"tasks[{i}]: expected {{number: int, title: str, part: plan|review|other, "
                            f"anchor: str (optional)}}")
    for name, items in (("sections", sections), ("tasks", tasks)):
        if items and any("anchor" in it for it in items) and not all(it.get("anchor") for it in items):
            _fail(path, f"{name}: give every item an anchor, or none")
    return GoldDocument(
        path=str(path), doc_id=data["doc_id"], complete=dict(complete),
        paragraphs=tuple(paragraphs),
        sections=tuple(sections) if sections is not None else None,
        tasks=tuple(tasks) if tasks is not None else None,
    )


HELDOUT = "heldout"


def gold_files(gold_dir: Path) -> list[Path]:
    """Every ``*.json`` under ``gold_dir`` (subfolders included), sorted.

    Subfolders named ``heldout…`` are skipped: they hold gold no extractor author has
    seen, and each is scored on its own (``--gold tests/gold/heldout``) so its figures
    stay out-of-sample.
    """
    root = Path(gold_dir)
    return sorted(
        p for p in root.rglob("*.json")
        if p.is_file() and not any(part.startswith(HELDOUT) for part in p.relative_to(root).parts[:-1])
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
            _fail(gold.path, f"paragraph {par.id}: anchor {par.anchor!r} starts no line and occurs "
                             f"{n} times in the text; it must occur exactly once")
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
                    _fail(gold.path, f"paragraph {par.id} {table}: {m['text']!r} has no occurrence "
                                     f"{m['occurrence']} in the paragraph")
                fields = {k: v for k, v in m.items() if k not in MENTION_COMMON}
                mentions[table].append(GoldMention(
                    table, gold.doc_id, par.id, m["text"], start + at, start + at + len(m["text"]),
                    fields, bool(m.get("optional", False))))
    return mentions, spans


# --------------------------------------------------------------------------- scores


@dataclass(frozen=True, slots=True)
class Score:
    """Counts of one matching; precision/recall/F1 derived."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def __add__(self, other: "Score") -> "Score":
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True, slots=True)
class FieldScore:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class TableScore:
    table: str
    documents: tuple[str, ...]
    detection: Score
    strict: Score
    fields: dict[str, FieldScore]
    by_document: dict[str, Score] = field(default_factory=dict)

    @property
    def gold(self) -> int:
        return self.detection.tp + self.detection.fn

    @property
    def predicted(self) -> int:
        return self.detection.tp + self.detection.fp


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing to fix: a ``miss``, a ``false alarm`` or a match with ``wrong`` fields."""

    table: str
    doc_id: str
    paragraph: str
    kind: str
    text: str
    char_start: int
    expected: dict | None = None
    got: dict | None = None
    wrong: tuple[str, ...] = ()
    context: str = ""  # the words around the mention, the mention in [brackets]


@dataclass(frozen=True, slots=True)
class Evaluation:
    tables: dict[str, TableScore]
    problems: tuple[Problem, ...]
    documents: tuple[str, ...]
    warnings: tuple[str, ...] = ()

    def figures(self) -> dict[tuple[str, str], float]:
        """Every measured figure as ``{(table, metric): value}``: precision, recall, f1,
        strict_precision, strict_recall, strict_f1, and each field's accuracy (0.0 when
        nothing matched), e.g. ``("targets", "f1")``, ``("times", "role")``."""
        out: dict[tuple[str, str], float] = {}
        for name, ts in self.tables.items():
            for prefix, score in (("", ts.detection), ("strict_", ts.strict)):
                out[(name, prefix + "precision")] = score.precision
                out[(name, prefix + "recall")] = score.recall
                out[(name, prefix + "f1")] = score.f1
            for fname, fs in ts.fields.items():
                if fs.total == 0 and fname in GOLD_OPTIONAL_FIELDS:
                    continue  # no gold file of this set carries the field
                out[(name, fname)] = fs.accuracy if fs.accuracy is not None else 0.0
        return out


# --------------------------------------------------------------------------- comparing


def _missing(v: Any) -> bool:
    if v is None:
        return True
    try:
        return bool(v != v)  # NaN, NaT
    except (TypeError, ValueError):
        return False


def _plain(v: Any) -> Any:
    """A Parquet cell as a plain Python value: None for nulls, ISO strings for dates."""
    if _missing(v):
        return None
    if isinstance(v, datetime):
        return v.date().isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        try:
            return v.item()
        except (ValueError, AttributeError):
            return v
    return v


def _same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return math.isclose(float(a), float(b), rel_tol=VALUE_TOLERANCE, abs_tol=0.0)
    except (TypeError, ValueError):
        return False


def _same_date(a: Any, b: Any) -> bool:
    a, b = _plain(a), _plain(b)
    a = a[:10] if isinstance(a, str) else a
    b = b[:10] if isinstance(b, str) else b
    return a == b


def _same_str(a: Any, b: Any) -> bool:
    """Equal strings; an empty string is the same as null (a unitless 6600多万 may be
    written with unit '' or null)."""
    a, b = _plain(a), _plain(b)
    return (a if a != "" else None) == (b if b != "" else None)


def _subject_key(v: Any) -> str:
    v = _plain(v)
    return v.translate(_QUOTES) if isinstance(v, str) else ""


def field_correct(table: str, name: str, gold: dict, pred: dict) -> bool:
    """Whether the predicted row gets the gold field ``name`` right."""
    if table == "targets":
        if name == "value":
            return _same_number(gold["value"], _plain(pred.get("value")))
        if name == "amount":
            return (_same_number(gold["value"], _plain(pred.get("value")))
                    and _same_number(gold["value_max"], _plain(pred.get("value_max")))
                    and _same_str(gold["unit"], pred.get("unit"))
                    and _same_str(gold["comparator"], pred.get("comparator")))
        if name == "subject":
            return _subject_key(gold["subject"]) == _subject_key(pred.get("subject"))
        if name == "subject~":
            g, p = _subject_key(gold["subject"]), _subject_key(pred.get("subject"))
            return bool(g and p) and (g in p or p in g)
        if name == "period":
            return all(_same_number(gold.get(k), _plain(pred.get(k))) for k in ("period_start", "period_end"))
    if table == "times" and name in ("start", "end"):
        return _same_date(gold[name], pred.get(name))
    return _same_str(gold.get(name), pred.get(name))


def _expected(table: str, fields: dict) -> dict:
    keys = [k for k in FIELD_SPECS[table] if k != "indicator" and k != "qualifier"]
    return {k: fields.get(k) for k in keys}


def _got(table: str, row: dict) -> dict:
    keys = [k for k in FIELD_SPECS[table] if k != "indicator" and k != "qualifier"]
    return {k: _plain(row.get(k)) for k in keys}


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def match_spans(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs of overlapping spans, greedy by largest
    overlap; ties go to the pair whose spans are most alike (Jaccard), then to document order."""
    pairs = []
    for gi, (g0, g1) in enumerate(gold):
        for pi, (p0, p1) in enumerate(pred):
            ov = _overlap(g0, g1, p0, p1)
            if ov > 0:
                union = max(g1, p1) - min(g0, p0)
                pairs.append((-ov, -ov / union, g0, p0, gi, pi))
    pairs.sort()
    used_g, used_p, out = set(), set(), []
    for *_, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


@dataclass
class _Tally:
    detection: Score = field(default_factory=Score)
    strict: Score = field(default_factory=Score)
    fields: dict[str, list[int]] = field(default_factory=dict)
    documents: list[str] = field(default_factory=list)
    by_document: dict[str, Score] = field(default_factory=dict)

    def add(self, doc_id: str, detection: Score, strict: Score) -> None:
        self.detection = self.detection + detection
        self.strict = self.strict + strict
        self.by_document[doc_id] = self.by_document.get(doc_id, Score()) + detection


def _paragraph_of(pos: int, spans: dict[str, tuple[int, int]], lines: list[tuple[int, int]]) -> str:
    for pid, (s, e) in spans.items():
        if s <= pos < e or (s == e == pos):
            return pid
    for i, (s, e) in enumerate(lines, 1):
        if s <= pos <= e:
            return f"line {i}"
    return "?"


CONTEXT_CHARS = 12


def context_of(text: str, start: int, end: int) -> str:
    """``…words[mention]words…`` within the mention's line, for the report."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = max(line_start, start - CONTEXT_CHARS)
    right = min(line_end, end + CONTEXT_CHARS)
    return (("…" if left > line_start else "") + text[left:start] + "[" + text[start:end] + "]"
            + text[end:right] + ("…" if right < line_end else ""))


def score_mentions(table: str, doc_id: str, gold: list[GoldMention], rows: list[dict],
                   listed: list[tuple[int, int]] | None, spans: dict[str, tuple[int, int]],
                   text: str, tally: _Tally, problems: list[Problem]) -> None:
    """Match one document's predictions of one table against its gold and add to ``tally``.

    ``listed``: the paragraph spans that bound the scored predictions (None: the whole
    document); ``spans``: every gold paragraph by id, to name where a false alarm is.
    """
    lines = paragraph_spans(text)
    if listed is not None:
        rows = [r for r in rows if any(s <= int(r["char_start"]) < e or (s == e == int(r["char_start"]))
                                       for s, e in listed)]
    pred_spans = [(int(r["char_start"]), int(r["char_end"])) for r in rows]
    pairs = match_spans([(g.char_start, g.char_end) for g in gold], pred_spans)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    optional = [g for g in gold if g.optional]
    tp = fp = fn = strict_tp = 0
    for gi, pi in pairs:
        g, row = gold[gi], rows[pi]
        if g.optional:
            continue
        tp += 1
        wrong = []
        for name in REPORTED_FIELDS[table]:
            if name in GOLD_OPTIONAL_FIELDS and GOLD_OPTIONAL_FIELDS[name] not in g.fields:
                continue
            ok = field_correct(table, name, g.fields, row)
            counts = tally.fields.setdefault(name, [0, 0])
            counts[0] += ok
            counts[1] += 1
            if not ok and name != "subject~":
                wrong.append(name)
        if all(field_correct(table, name, g.fields, row) for name in STRICT_FIELDS[table]):
            strict_tp += 1
        if wrong:
            problems.append(Problem(table, doc_id, g.paragraph, "wrong", g.text, g.char_start,
                                    _expected(table, g.fields), _got(table, row), tuple(wrong),
                                    context_of(text, g.char_start, g.char_end)))
    for gi, g in enumerate(gold):
        if gi not in matched_g and not g.optional:
            fn += 1
            problems.append(Problem(table, doc_id, g.paragraph, "miss", g.text, g.char_start,
                                    _expected(table, g.fields), None,
                                    context=context_of(text, g.char_start, g.char_end)))
    for pi, row in enumerate(rows):
        if pi in matched_p:
            continue
        p0, p1 = pred_spans[pi]
        if any(_overlap(p0, p1, o.char_start, o.char_end) for o in optional):
            continue
        fp += 1
        problems.append(Problem(table, doc_id, _paragraph_of(p0, spans, lines), "false alarm",
                                str(_plain(row.get("text"))), p0, None, _got(table, row),
                                context=context_of(text, p0, p1)))
    tally.add(doc_id, Score(tp, fp, fn), Score(strict_tp, tp + fp - strict_tp, tp + fn - strict_tp))


def _position(row: dict) -> int:
    v = _plain(row.get("char_start"))
    return int(v) if v is not None else 0


def _label_key(label: Any) -> str:
    return str(_plain(label) or "").translate(_LABEL_PUNCT)


def _align(gold_keys: list, pred_keys: list) -> list[tuple[int, int]]:
    """Pair gold items with predicted items of the same key, both in document order."""
    pairs, j = [], 0
    for gi, key in enumerate(gold_keys):
        for pj in range(j, len(pred_keys)):
            if pred_keys[pj] == key:
                pairs.append((gi, pj))
                j = pj + 1
                break
    return pairs


# A predicted task or section starts right when it starts within this many characters of
# the gold anchor (markup such as ** before a heading is neither credit nor fault).
START_SLACK = 2


def _align_by_position(gold_positions: list[int], rows: list[dict]) -> list[tuple[int, int]]:
    """Pair each gold item with the predicted item starting nearest its anchor (one to one)."""
    pairs, used = [], set()
    for gi, pos in enumerate(gold_positions):
        best = None
        for pi, row in enumerate(rows):
            d = abs(_position(row) - pos)
            if pi not in used and d <= START_SLACK and (best is None or d < best[0]):
                best = (d, pi)
        if best is not None:
            used.add(best[1])
            pairs.append((gi, best[1]))
    return pairs


def score_structure(table: str, doc_id: str, gold: tuple[dict, ...], rows: list[dict],
                    tally: _Tally, problems: list[Problem], positions: list[int] | None = None) -> None:
    """Tasks by number, sections by (level, label), in document order; then exact titles.

    With ``positions`` (gold items that carry anchors) an item is found only when a
    predicted one starts where the anchor does: the right start, whatever its number.
    """
    rows = sorted(rows, key=_position)
    if table == "tasks":
        gkeys = [g["number"] for g in gold]
        pkeys = [_plain(r.get("number")) for r in rows]
        text_key, what = "title", lambda g: f"{g['number']}."
    else:
        gkeys = [(g["level"], _label_key(g["label"])) for g in gold]
        pkeys = [(_plain(r.get("level")), _label_key(r.get("label"))) for r in rows]
        text_key, what = "heading", lambda g: f"{g['label']}、"
    pairs = _align(gkeys, pkeys) if positions is None else _align_by_position(positions, rows)
    strict_tp = 0
    for gi, pi in pairs:
        g, row = gold[gi], rows[pi]
        wrong = []
        for name in REPORTED_FIELDS[table]:
            ok = str(g.get(name) or "").strip() == str(_plain(row.get(name)) or "").strip()
            counts = tally.fields.setdefault(name, [0, 0])
            counts[0] += ok
            counts[1] += 1
            if not ok:
                wrong.append(name)
        if text_key not in wrong:
            strict_tp += 1
        if wrong:
            problems.append(Problem(table, doc_id, what(g), "wrong", g[text_key], _position(row),
                                    {k: g.get(k) for k in REPORTED_FIELDS[table]},
                                    {k: _plain(row.get(k)) for k in REPORTED_FIELDS[table]}, tuple(wrong)))
    mg, mp = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
    for gi, g in enumerate(gold):
        if gi not in mg:
            problems.append(Problem(table, doc_id, what(g), "miss", g[text_key], -1,
                                    {k: g.get(k) for k in REPORTED_FIELDS[table]}, None))
    for pi, row in enumerate(rows):
        if pi not in mp:
            label = _plain(row.get("number")) if table == "tasks" else _plain(row.get("label"))
            problems.append(Problem(table, doc_id, f"{label}", "false alarm",
                                    str(_plain(row.get(text_key)) or ""), _position(row),
                                    None, {k: _plain(row.get(k)) for k in REPORTED_FIELDS[table]}))
    tp, fp, fn = len(pairs), len(rows) - len(pairs), len(gold) - len(pairs)
    tally.add(doc_id, Score(tp, fp, fn), Score(strict_tp, tp + fp - strict_tp, tp + fn - strict_tp))


# --------------------------------------------------------------------------- evaluate


def _read_table(out_dir: Path, table: str, warnings: list[str]):
    import pandas as pd

    folder = Path(out_dir) / table
    if not folder.exists():
        warnings.append(f"{folder}: no such table; counted as no predictions")
        return None
    df = pd.read_parquet(folder)
    if "doc_id" in df.columns:
        df["doc_id"] = df["doc_id"].astype(str)
    return df


def _rows_by_doc(df, doc_ids: set[str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    if df is None or df.empty:
        return out
    sub = df[df["doc_id"].isin(doc_ids)]
    for row in sub.to_dict("records"):
        out[row["doc_id"]].append(row)
    return out


def _merge(golds: list[GoldDocument]) -> dict[str, list[GoldDocument]]:
    """Gold files per doc_id; a table may be declared complete by one file of a document only."""
    by_doc: dict[str, list[GoldDocument]] = defaultdict(list)
    for g in golds:
        for other in by_doc[g.doc_id]:
            both = set(other.complete) & set(g.complete)
            if both:
                _fail(g.path, f"{sorted(both)} of {g.doc_id} already annotated in {other.path}")
            if g.tasks is not None and other.tasks is not None:
                _fail(g.path, f"tasks of {g.doc_id} already annotated in {other.path}")
            if g.sections is not None and other.sections is not None:
                _fail(g.path, f"sections of {g.doc_id} already annotated in {other.path}")
        by_doc[g.doc_id].append(g)
    return by_doc


def evaluate(gold_dir: Path, out_dir: Path) -> Evaluation:
    """Score the tables under ``out_dir`` against every gold file under ``gold_dir``.

    Raises ``GoldFileError`` for a malformed gold file or a mention not found in the text.
    A gold document missing from ``documents`` (or failed) counts all its gold as misses.
    """
    golds = [load_gold(p) for p in gold_files(gold_dir)]
    by_doc = _merge(golds)
    warnings: list[str] = []
    doc_ids = set(by_doc)
    docs = _read_table(out_dir, "documents", warnings)
    texts: dict[str, str] = {}
    if docs is not None:
        for row in docs[docs["doc_id"].isin(doc_ids)].to_dict("records"):
            if row.get("status", "ok") == "ok" and isinstance(row.get("text"), str):
                texts[row["doc_id"]] = row["text"]
    frames = {t: _read_table(out_dir, t, warnings) for t in TABLES}
    rows = {t: _rows_by_doc(frames[t], doc_ids) for t in TABLES}
    tallies = {t: _Tally() for t in TABLES}
    problems: list[Problem] = []
    for doc_id in sorted(by_doc):
        text = texts.get(doc_id)
        if text is None:
            warnings.append(f"{doc_id}: not in the documents table or failed; its gold counts as missed")
        for g in by_doc[doc_id]:
            located = locate(g, text) if text is not None else None
            for table, scope in g.complete.items():
                tally = tallies[table]
                tally.documents.append(doc_id)
                if located is None:
                    n = sum(1 for p in g.paragraphs for m in p.mentions.get(table, ()) if not m.get("optional"))
                    tally.add(doc_id, Score(0, 0, n), Score(0, 0, n))
                    continue
                mentions, spans = located
                listed = None if scope == "document" else [
                    spans[p.id] for p in g.paragraphs if table in p.mentions]
                score_mentions(table, doc_id, mentions[table], rows[table].get(doc_id, []),
                               listed, spans, text, tally, problems)
            for table in STRUCTURE_TABLES:
                gold_items = getattr(g, table)
                if gold_items is None:
                    continue
                tally = tallies[table]
                tally.documents.append(doc_id)
                preds = rows[table].get(doc_id, []) if text is not None else []
                positions = None
                if gold_items and "anchor" in gold_items[0]:
                    positions = ([find_anchor(g, text, f"{table}[{i}]", it["anchor"])
                                  for i, it in enumerate(gold_items)] if text is not None
                                 else [-10] * len(gold_items))
                score_structure(table, doc_id, gold_items, preds, tally, problems, positions)
    tables = {
        t: TableScore(t, tuple(sorted(set(tl.documents))), tl.detection, tl.strict,
                      {k: FieldScore(*v) for k, v in tl.fields.items()}, dict(sorted(tl.by_document.items())))
        for t, tl in tallies.items() if tl.documents
    }
    for t, ts in tables.items():
        for name in REPORTED_FIELDS[t]:
            ts.fields.setdefault(name, FieldScore())
    order = {t: i for i, t in enumerate(TABLES)}
    kinds = {"miss": 0, "wrong": 1, "false alarm": 2}
    problems.sort(key=lambda p: (order[p.table], kinds[p.kind], p.doc_id, p.char_start))
    return Evaluation(tables, tuple(problems), tuple(sorted(by_doc)), tuple(warnings))


# --------------------------------------------------------------------------- reports


def _fmt(v: float | None) -> str:
    return "–" if v is None else f"{v:.3f}"


def _describe(d: dict | None, keys: Iterable[str] | None = None) -> str:
    if not d:
        return ""
    keys = list(keys) if keys is not None else list(d)
    return " ".join(f"{k}={d.get(k)!s}" for k in keys)


def format_report(ev: Evaluation, misses: int = 20) -> str:
    """Plain-text report: scores per table and field, then up to ``misses`` problems per
    table (misses, wrong fields, false alarms) with paragraph, text, expected and got."""
    out = [f"plantasks evaluate: {len(ev.documents)} gold document(s): {', '.join(ev.documents)}", ""]
    for w in ev.warnings:
        out.append(f"warning: {w}")
    if ev.warnings:
        out.append("")
    head = (f"{'table':<12}{'gold':>6}{'pred':>6}{'TP':>6}{'FP':>6}{'FN':>6}"
            f"{'P':>8}{'R':>8}{'F1':>8}{'strict P':>10}{'strict R':>10}{'strict F1':>11}")
    out += [head, "-" * len(head)]
    for t in TABLES:
        ts = ev.tables.get(t)
        if ts is None:
            continue
        d, s = ts.detection, ts.strict
        out.append(f"{t:<12}{ts.gold:>6}{ts.predicted:>6}{d.tp:>6}{d.fp:>6}{d.fn:>6}"
                   f"{d.precision:>8.3f}{d.recall:>8.3f}{d.f1:>8.3f}"
                   f"{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>11.3f}")
    out += ["", "field accuracy (share of matched pairs exactly right; strict uses "
            + "; ".join(f"{t}: {'+'.join(f)}" for t, f in STRICT_FIELDS.items() if t in ev.tables) + ")"]
    for t in TABLES:
        ts = ev.tables.get(t)
        if ts is None:
            continue
        parts = [f"{name} {_fmt(fs.accuracy)} ({fs.correct}/{fs.total})" for name, fs in ts.fields.items()]
        out.append(f"  {t:<12}" + ", ".join(parts))
    if len(ev.documents) > 1:
        shown = [t for t in TABLES if t in ev.tables]
        out += ["", "F1 per document (gold/predicted in brackets)",
                f"  {'document':<20}" + "".join(f"{t:>20}" for t in shown)]
        for doc_id in ev.documents:
            cells = []
            for t in shown:
                sc = ev.tables[t].by_document.get(doc_id)
                cells.append(f"{'':>20}" if sc is None else
                             f"{sc.f1:.3f} ({sc.tp + sc.fn}/{sc.tp + sc.fp})".rjust(20))
            out.append(f"  {doc_id:<20}" + "".join(cells))
    by_table: dict[str, list[Problem]] = defaultdict(list)
    for p in ev.problems:
        by_table[p.table].append(p)
    for t in TABLES:
        items = by_table.get(t)
        if not items:
            continue
        counts = defaultdict(int)
        for p in items:
            counts[p.kind] += 1
        out += ["", f"{t}: {counts['miss']} missed, {counts['wrong']} with wrong fields, "
                    f"{counts['false alarm']} false alarms" + (f" (first {misses} shown)" if len(items) > misses else "")]
        for p in items[:misses]:
            where = f"{p.doc_id} {p.paragraph}"
            if p.kind == "miss":
                out.append(f"  MISS   {where}: {p.text}  expected {_describe(p.expected)}")
            elif p.kind == "false alarm":
                out.append(f"  FALSE  {where}: {p.text}  got {_describe(p.got)}")
            else:
                diffs = "; ".join(f"{k}: expected {_field_show(p.expected, k)} got {_field_show(p.got, k)}"
                                  for k in p.wrong)
                out.append(f"  WRONG  {where}: {p.text}  {diffs}")
            if p.context:
                out.append(f"         {p.context}")
    return "\n".join(out) + "\n"


def _field_show(d: dict | None, name: str) -> str:
    if d is None:
        return "?"
    if name == "amount":
        return f"{d.get('value')}/{d.get('value_max')}/{d.get('unit')}/{d.get('comparator')}"
    return repr(d.get(name))


def _commit() -> str:
    try:
        res = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                             capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return res.stdout.strip() or "unknown"


def format_markdown(ev: Evaluation, *, when: date | None = None, commit: str | None = None) -> str:
    """The README "Quality" table: one row per table, with the date and commit measured."""
    when = when or date.today()
    commit = commit or _commit()
    out = [
        "## Quality",
        "",
        f"Measured by `plantasks evaluate` against the hand-made gold in `tests/gold/` "
        f"({len(ev.documents)} documents) on {when.isoformat()}, commit `{commit}`. "
        "A prediction matches a gold mention when their spans overlap; strict counts a match "
        "only when its key fields are right too.",
        "",
        "| table | gold | predicted | precision | recall | F1 | strict F1 | field accuracy |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for t in TABLES:
        ts = ev.tables.get(t)
        if ts is None:
            continue
        d = ts.detection
        fields = ", ".join(f"{name} {_fmt(fs.accuracy)}" for name, fs in ts.fields.items())
        out.append(f"| {t} | {ts.gold} | {ts.predicted} | {d.precision:.3f} | {d.recall:.3f} | "
                   f"{d.f1:.3f} | {ts.strict.f1:.3f} | {fields} |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    """``plantasks evaluate [--gold DIR] [--out DIR] [--markdown] [--misses N]``."""
    p = argparse.ArgumentParser(prog="plantasks evaluate",
                                description="Score the output tables against the hand-made gold files.")
    p.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help=f"gold folder (default: {DEFAULT_GOLD})")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: outputs/)")
    p.add_argument("--markdown", action="store_true", help="print the README Quality table instead")
    p.add_argument("--misses", type=int, default=20, help="problems shown per table (default: 20)")
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["--"]:  # `plantasks evaluate -- --out DIR` passes the separator on
        argv = argv[1:]
    args = p.parse_args(argv)
    if not (args.out / "documents").exists():
        print(f"error: {args.out}/documents: no outputs; run `plantasks run` first", file=sys.stderr)
        return 2
    try:
        ev = evaluate(args.gold, args.out)
    except GoldFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(format_markdown(ev) if args.markdown else format_report(ev, args.misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
