"""The evaluation as people read it: a plain-text report and the README "Quality" table."""

from __future__ import annotations

import subprocess
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from pipeline.evaluation.evaluate import STRICT_FIELDS, Evaluation, Problem
from pipeline.evaluation.gold import TABLES

ROOT = Path(__file__).resolve().parents[2]


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
    head = (
        f"{'table':<12}{'gold':>6}{'pred':>6}{'TP':>6}{'FP':>6}{'FN':>6}"
        f"{'P':>8}{'R':>8}{'F1':>8}{'strict P':>10}{'strict R':>10}{'strict F1':>11}"
    )
    out += [head, "-" * len(head)]
    for t in TABLES:
        ts = ev.tables.get(t)
        if ts is None:
            continue
        d, s = ts.detection, ts.strict
        out.append(
            f"{t:<12}{ts.gold:>6}{ts.predicted:>6}{d.tp:>6}{d.fp:>6}{d.fn:>6}"
            f"{d.precision:>8.3f}{d.recall:>8.3f}{d.f1:>8.3f}"
            f"{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>11.3f}"
        )
    out += [
        "",
        "field accuracy (share of matched pairs exactly right; strict uses "
        + "; ".join(f"{t}: {'+'.join(f)}" for t, f in STRICT_FIELDS.items() if t in ev.tables)
        + ")",
    ]
    for t in TABLES:
        ts = ev.tables.get(t)
        if ts is None:
            continue
        parts = [f"{name} {_fmt(fs.accuracy)} ({fs.correct}/{fs.total})" for name, fs in ts.fields.items()]
        out.append(f"  {t:<12}" + ", ".join(parts))
    if len(ev.documents) > 1:
        shown = [t for t in TABLES if t in ev.tables]
        out += [
            "",
            "F1 per document (gold/predicted in brackets)",
            f"  {'document':<20}" + "".join(f"{t:>20}" for t in shown),
        ]
        for doc_id in ev.documents:
            cells = []
            for t in shown:
                sc = ev.tables[t].by_document.get(doc_id)
                cells.append(f"{'':>20}" if sc is None else f"{sc.f1:.3f} ({sc.tp + sc.fn}/{sc.tp + sc.fp})".rjust(20))
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
        out += [
            "",
            f"{t}: {counts['miss']} missed, {counts['wrong']} with wrong fields, "
            f"{counts['false alarm']} false alarms" + (f" (first {misses} shown)" if len(items) > misses else ""),
        ]
        for p in items[:misses]:
            where = f"{p.doc_id} {p.paragraph}"
            if p.kind == "miss":
                out.append(f"  MISS   {where}: {p.text}  expected {_describe(p.expected)}")
            elif p.kind == "false alarm":
                out.append(f"  FALSE  {where}: {p.text}  got {_describe(p.got)}")
            else:
                diffs = "; ".join(
                    f"{k}: expected {_field_show(p.expected, k)} got {_field_show(p.got, k)}" for k in p.wrong
                )
                out.append(f"  WRONG  {where}: {p.text}  {diffs}")
            if p.context:
                out.append(f"         {p.context}")
    return "\n".join(out) + "\n"


def _field_show(d: dict | None, name: str) -> str:
    if d is None:
        return "?"
    if name == "amount":
        return f"{d.get('value')}/{d.get('value_max')}/{d.get('unit')}/{d.get('comparator')}"
    if name == "period":
        return f"{d.get('period_start')}–{d.get('period_end')}"
    return repr(d.get(name))


def _commit() -> str:
    try:
        res = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return res.stdout.strip() or "unknown"


def gold_label(gold: Path) -> str:
    """The gold folder as the README names it: relative to the repository when inside it."""
    gold = Path(gold).resolve()
    try:
        return gold.relative_to(ROOT).as_posix() + "/"
    except ValueError:
        return gold.as_posix() + "/"


def format_markdown(ev: Evaluation, *, gold: Path, when: date | None = None, commit: str | None = None) -> str:
    """A README "Quality" table: the gold folder, date and commit measured, one row per table."""
    when = when or date.today()
    commit = commit or _commit()
    out = [
        f"Measured by `plantasks evaluate` against the hand-made gold in `{gold_label(gold)}` "
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
        out.append(
            f"| {t} | {ts.gold} | {ts.predicted} | {d.precision:.3f} | {d.recall:.3f} | "
            f"{d.f1:.3f} | {ts.strict.f1:.3f} | {fields} |"
        )
    return "\n".join(out) + "\n"
