"""Score the output tables against the hand-made gold files in ``tests/gold/``.

A predicted row matches a gold mention when their spans overlap; pairs are taken
greedily, largest overlap first, one to one. Detection precision/recall/F1 come from
those matches, field accuracy is the share of matched pairs whose field is exactly right,
and "strict" scores count a match only when the table's key fields are right too.
Predictions overlapping an ``optional`` gold mention are neither credit nor fault. Tasks
and sections are matched by their anchors' positions (or by number and label in document
order for gold without anchors).

Reads only the tables (``outputs/<table>/``); never reruns an extractor.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pipeline.evaluation.gold import (
    FIELD_SPECS,
    STRUCTURE_TABLES,
    TABLES,
    VALUE_TOLERANCE,
    GoldDocument,
    GoldMention,
    _fail,
    find_anchor,
    gold_files,
    load_gold,
    locate,
    paragraph_spans,
)
from pipeline.tables.read import read_table

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

    def __add__(self, other: Score) -> Score:
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
            return (
                _same_number(gold["value"], _plain(pred.get("value")))
                and _same_number(gold["value_max"], _plain(pred.get("value_max")))
                and _same_str(gold["unit"], pred.get("unit"))
                and _same_str(gold["comparator"], pred.get("comparator"))
            )
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


def context_of(text: str, start: int, end: int, chars: int = CONTEXT_CHARS) -> str:
    """``…words[mention]words…`` within the mention's line, for the report."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = max(line_start, start - chars)
    right = min(line_end, end + chars)
    return (
        ("…" if left > line_start else "")
        + text[left:start]
        + "["
        + text[start:end]
        + "]"
        + text[end:right]
        + ("…" if right < line_end else "")
    )


def score_mentions(
    table: str,
    doc_id: str,
    gold: list[GoldMention],
    rows: list[dict],
    listed: list[tuple[int, int]] | None,
    spans: dict[str, tuple[int, int]],
    text: str,
    tally: _Tally,
    problems: list[Problem],
) -> None:
    """Match one document's predictions of one table against its gold and add to ``tally``.

    ``listed``: the paragraph spans that bound the scored predictions (None: the whole
    document); ``spans``: every gold paragraph by id, to name where a false alarm is.
    """
    lines = paragraph_spans(text)
    if listed is not None:
        rows = [
            r for r in rows if any(s <= int(r["char_start"]) < e or (s == e == int(r["char_start"])) for s, e in listed)
        ]
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
            problems.append(
                Problem(
                    table,
                    doc_id,
                    g.paragraph,
                    "wrong",
                    g.text,
                    g.char_start,
                    _expected(table, g.fields),
                    _got(table, row),
                    tuple(wrong),
                    context_of(text, g.char_start, g.char_end),
                )
            )
    for gi, g in enumerate(gold):
        if gi not in matched_g and not g.optional:
            fn += 1
            problems.append(
                Problem(
                    table,
                    doc_id,
                    g.paragraph,
                    "miss",
                    g.text,
                    g.char_start,
                    _expected(table, g.fields),
                    None,
                    context=context_of(text, g.char_start, g.char_end),
                )
            )
    for pi, row in enumerate(rows):
        if pi in matched_p:
            continue
        p0, p1 = pred_spans[pi]
        if any(_overlap(p0, p1, o.char_start, o.char_end) for o in optional):
            continue
        fp += 1
        problems.append(
            Problem(
                table,
                doc_id,
                _paragraph_of(p0, spans, lines),
                "false alarm",
                str(_plain(row.get("text"))),
                p0,
                None,
                _got(table, row),
                context=context_of(text, p0, p1),
            )
        )
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


def score_structure(
    table: str,
    doc_id: str,
    gold: tuple[dict, ...],
    rows: list[dict],
    tally: _Tally,
    problems: list[Problem],
    positions: list[int] | None = None,
) -> None:
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
            problems.append(
                Problem(
                    table,
                    doc_id,
                    what(g),
                    "wrong",
                    g[text_key],
                    _position(row),
                    {k: g.get(k) for k in REPORTED_FIELDS[table]},
                    {k: _plain(row.get(k)) for k in REPORTED_FIELDS[table]},
                    tuple(wrong),
                )
            )
    mg, mp = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
    for gi, g in enumerate(gold):
        if gi not in mg:
            problems.append(
                Problem(
                    table, doc_id, what(g), "miss", g[text_key], -1, {k: g.get(k) for k in REPORTED_FIELDS[table]}, None
                )
            )
    for pi, row in enumerate(rows):
        if pi not in mp:
            label = _plain(row.get("number")) if table == "tasks" else _plain(row.get("label"))
            problems.append(
                Problem(
                    table,
                    doc_id,
                    f"{label}",
                    "false alarm",
                    str(_plain(row.get(text_key)) or ""),
                    _position(row),
                    None,
                    {k: _plain(row.get(k)) for k in REPORTED_FIELDS[table]},
                )
            )
    tp, fp, fn = len(pairs), len(rows) - len(pairs), len(gold) - len(pairs)
    tally.add(doc_id, Score(tp, fp, fn), Score(strict_tp, tp + fp - strict_tp, tp + fn - strict_tp))


# --------------------------------------------------------------------------- evaluate


def _read_table(out_dir: Path, table: str, warnings: list[str]):
    folder = Path(out_dir) / table
    if not folder.exists():
        warnings.append(f"{folder}: no such table; counted as no predictions")
        return None
    df = read_table(out_dir, table)
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
                listed = None if scope == "document" else [spans[p.id] for p in g.paragraphs if table in p.mentions]
                score_mentions(
                    table, doc_id, mentions[table], rows[table].get(doc_id, []), listed, spans, text, tally, problems
                )
            for table in STRUCTURE_TABLES:
                gold_items = getattr(g, table)
                if gold_items is None:
                    continue
                tally = tallies[table]
                tally.documents.append(doc_id)
                preds = rows[table].get(doc_id, []) if text is not None else []
                positions = None
                if gold_items and "anchor" in gold_items[0]:
                    positions = (
                        [find_anchor(g, text, f"{table}[{i}]", it["anchor"]) for i, it in enumerate(gold_items)]
                        if text is not None
                        else [-10] * len(gold_items)
                    )
                score_structure(table, doc_id, gold_items, preds, tally, problems, positions)
    tables = {
        t: TableScore(
            t,
            tuple(sorted(set(tl.documents))),
            tl.detection,
            tl.strict,
            {k: FieldScore(*v) for k, v in tl.fields.items()},
            dict(sorted(tl.by_document.items())),
        )
        for t, tl in tallies.items()
        if tl.documents
    }
    for t, ts in tables.items():
        for name in REPORTED_FIELDS[t]:
            ts.fields.setdefault(name, FieldScore())
    order = {t: i for i, t in enumerate(TABLES)}
    kinds = {"miss": 0, "wrong": 1, "false alarm": 2}
    problems.sort(key=lambda p: (order[p.table], kinds[p.kind], p.doc_id, p.char_start))
    return Evaluation(tables, tuple(problems), tuple(sorted(by_doc)), tuple(warnings))
