"""``plantasks outline FILE``: the structure tree of one document, to check a new plan in
seconds.

Prints how the lines were read (one paragraph a line, or wrapped at a margin and rejoined,
with the page numbers and running headers dropped: a plan copied out of a PDF), where the
plan was found (after a crawler header, breadcrumb or covering notice;
before the page footer), then every section and task with its marker, title, part and
length, and every indicator table with the year and kind its columns give the rows'
figures, then the counts and any warning of :func:`pipeline.structure.checks.structure_warnings`
(numbered lines but no tasks, numbering gaps, a task far longer than the others).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extractors.numerals import DIGIT_CHARS, PLACE_CHARS
from pipeline.errors import DocumentError


def _year(path: Path, text: str, given: int | None) -> int | None:
    """The year given, else the one the file name or the opening lines name (no issuer needed)."""
    if given is not None:
        return given
    from pipeline.ingest.corpus import infer_year, metadata_words, opening_lines

    words = metadata_words()
    return infer_year(path.stem, opening_lines(text, words), words)


def outline(text: str, doc_id: str, year: int | None, set_apart: frozenset[int] = frozenset()) -> list[str]:
    """The lines ``plantasks outline`` prints for a normalised ``text`` (``set_apart``: its
    layout evidence)."""
    from pipeline.structure.body import find_body
    from pipeline.structure.checks import structure_warnings
    from pipeline.structure.parse import parse_structure
    from pipeline.structure.rules import load_rules

    structure = parse_structure(text, doc_id, year, set_apart)
    body = find_body(text, load_rules())
    out = [
        f"plan text: characters {body.start}–{body.end} of {len(text)}"
        + (f" (covering notice up to {body.notice_end})" if body.notice_end else "")
        + (", a flattened task table" if body.is_table else "")
    ]
    rows = [(s.char_start, 0, s) for s in structure.sections] + [(t.char_start, 1, t) for t in structure.tasks]
    rows += [(t.char_start, 2, t) for t in structure.tables]
    depth_of = {s.section_id: s.level for s in structure.sections}
    for _start, is_task, item in sorted(rows, key=lambda r: (r[0], r[1])):
        if is_task == 2:
            out.append(f"  = indicator table, {len(item.rows)} rows: {_columns(item.columns)}")
        elif is_task:
            depth = depth_of.get(item.section_id, 0) + 1 if item.section_id else 1
            marker = _marker(text, item.char_start, item.title)
            title = item.title or _untitled(item.text)
            out.append(
                f"{'  ' * (depth - 1)}- {marker}{title}  [task {item.part}, {item.char_end - item.char_start} chars]"
            )
        else:
            label = item.label or "·"
            if label[-1] in DIGIT_CHARS + PLACE_CHARS:
                label += "、"  # a bare numeral: 一、
            elif label[-1].isalpha():
                label += " "  # a whole marker ending in a word: 第一章 发展基础 (not （一）, ·)
            out.append(f"{'  ' * (item.level - 1)}+ {label}{item.heading}  [section {item.part}]")
    parts = {}
    for t in structure.tasks:
        parts[t.part] = parts.get(t.part, 0) + 1
    headline = [p for p in structure.paragraphs if p.role == "headline"]
    out.append(
        f"sections: {len(structure.sections)}, tasks: {len(structure.tasks)}"
        + (" (" + ", ".join(f"{k} {v}" for k, v in sorted(parts.items())) + ")" if parts else "")
        + f"; headline targets: {'yes' if headline else 'none'}"
    )
    for warning in structure_warnings(structure, text):
        out.append(f"warning: {warning}")
    return out


def _columns(columns) -> str:
    """The value columns of an indicator table as the rows' figures will be read:
    2023 achievement, 2023 achievement 增长 (%), 2024 target."""
    described = []
    for c in columns:
        if c.role == "value":
            years = f"{c.start}–{c.year}" if c.start else str(c.year) if c.year else ""
            words = [years, c.kind or "", c.measure, f"({c.unit})" if c.unit else ""]
            described.append(" ".join(w for w in words if w))
    return ", ".join(described)


def _untitled(text: str) -> str:
    """A task without a title (a numeral alone on its line): its marker and how its text opens."""
    marker, _, rest = text.strip().partition("\n")
    return f"{marker.strip()} (no title) {rest.strip()[:20]}…"


def _marker(text: str, start: int, title: str) -> str:
    """The marker before a task's title (1. or （一）), empty for a run-in heading."""
    at = text.find(title, start) if title else -1
    if at < 0 or at - start > 8:
        return ""
    marker = text[start:at].strip()
    # a table row's number stands in a cell of its own (1<TAB>推进…): 1 推进…, not 1推进…
    return marker + " " if marker[-1:].isascii() and marker[-1:].isalnum() else marker


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="plantasks outline",
        description="Print the sections and tasks found in one document "
        "(.txt, .html, .docx, .xlsx, .pdf, .ofd), with their part and warnings.",
    )
    p.add_argument("file", type=Path, help="the document")
    p.add_argument("--year", type=int, help="the plan's year (default: from the file name or opening lines)")
    args = p.parse_args(argv)
    from pipeline.ingest.normalise import LineLayout, normalise_with_layout
    from pipeline.ingest.read import read_document

    try:
        _, decoded = read_document(args.file)
    except DocumentError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    seen: list[LineLayout] = []
    text, set_apart = normalise_with_layout(decoded, seen)
    year = _year(args.file, decoded, args.year)
    print(f"{args.file}  (year {year if year is not None else 'unknown'}, {len(text)} characters)")
    print(seen[0].describe())
    for line in outline(text, args.file.stem, year, set_apart):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
