"""Indicator tables saved as text: a header line of tab-separated cells naming years and
kinds (主要指标 | 单位 | 2023年实际 | 2024年目标) and the tab-separated rows under it.

Found once, with the structure, because what a row's bare numbers are is written only in
the header: extraction reads each row under its table's columns
(:mod:`extractors.table_rows`) instead of as a sentence, and the rows' leading numbers
(``1<TAB>地区生产总值…``) are no task markers. A table without such a header (a division of
tasks: 序号 | 工作任务 | 责任单位 | 完成时限) is none of these: its rows stay text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex

from extractors.char_classes import SENTENCE_STOPS, char_class
from extractors.numerals import ARABIC_DIGIT_CHARS
from extractors.table_columns import LABEL, UNIT, VALUE, YEAR, Column, read_header

_NUMBER_CELL = regex.compile(char_class(ARABIC_DIGIT_CHARS + ".．") + "+")
_DIGIT = regex.compile(char_class(ARABIC_DIGIT_CHARS))
_CATEGORY_CHARS = 20  # a category row names a group of measures: 一、经济发展, 民生福祉


@dataclass(frozen=True, slots=True)
class IndicatorTable:
    """One table: its header line's start, its last row's end, its columns, and the span
    of each row line."""

    char_start: int
    char_end: int
    columns: tuple[Column, ...]
    rows: tuple[tuple[int, int], ...]


def _header(line: str, year: int | None) -> tuple[Column, ...] | None:
    """The columns a tab-separated line heads, or None when it is no header: a header's
    cells are words (a bare number is a row's 序号 or figure), and besides a column of
    figures it names the measures, their units or a second column of figures."""
    cells = line.split("\t")
    if sum(1 for c in cells if c.strip()) < 2 or any(_NUMBER_CELL.fullmatch(c.strip()) for c in cells):
        return None
    columns = read_header(cells, year)
    if columns is None:
        return None
    roles = [c.role for c in columns]
    if LABEL in roles or UNIT in roles or roles.count(VALUE) >= 2:
        return columns
    return None


def _second_header_line(line: str) -> bool:
    """Is a line under a header its second line: words naming kinds or changes (实际 | 增长 |
    目标 | 增长 under 2023年 | 2024年), no figure?"""
    cells = [c.strip() for c in line.split("\t")]
    if any(_DIGIT.search(YEAR.sub("", c)) for c in cells):
        return False
    columns = read_header(cells, None)
    return columns is not None


def _two_line_header(first: str, second: str, width: int) -> list[str]:
    """The cells of a header written on two lines, as one line: a cell of the first spans
    the empty cells after it that the second fills (2023年 over 实际 | 增长 → 2023年实际,
    2023年增长). Normalising stripped the empty cells at the lines' ends, so the first line
    is aligned on the left (its measures' column first) and the second on the right, over
    ``width`` columns (the widest row's)."""
    top = first.split("\t")
    below = second.split("\t")
    width = max(width, len(top), len(below))
    top += [""] * (width - len(top))
    below = [""] * (width - len(below)) + below
    cells, spanning = [], ""
    for t, b in zip(top, below, strict=True):
        t, b = t.strip(), b.strip()
        spanning = t or spanning
        cells.append((t or (spanning if b else "")) + b)
    return cells


def _category_line(line: str) -> bool:
    """Is a line without tabs inside a table a category row (一、经济发展, 民生福祉: a cell merged
    across the table, whose empty cells normalising stripped), not text after the table?"""
    body = line.strip()
    return 0 < len(body) <= _CATEGORY_CHARS and not any(c in body for c in SENTENCE_STOPS)


def _runs(text: str, year: int | None) -> list[list[tuple[int, int]]]:
    """The runs of lines with tabs, each as its lines' spans; a category row between two
    lines with tabs goes on the run without being one of its lines (unless the line after
    it heads a table of its own: a second table under its title)."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), "\t" in line))
        pos += len(line) + 1
    runs: list[list[tuple[int, int]]] = []
    i = 0
    while i < len(lines):
        if not lines[i][2]:
            i += 1
            continue
        run = [lines[i][:2]]
        i += 1
        while i < len(lines):
            start, end, tabbed = lines[i]
            if tabbed:
                run.append((start, end))
            elif not (
                i + 1 < len(lines)
                and lines[i + 1][2]
                and _category_line(text[start:end])
                and _header(text[lines[i + 1][0] : lines[i + 1][1]], year) is None
            ):
                break
            i += 1
        runs.append(run)
    return runs


def find_tables(text: str, year: int | None = None) -> list[IndicatorTable]:
    """Every indicator table of a normalised text: a header line (the first of a run of
    lines with tabs) and the lines with tabs that follow it."""
    if "\t" not in text:
        return []
    out: list[IndicatorTable] = []
    for run in _runs(text, year):
        (hs, he), rows = run[0], run[1:]
        columns = None
        if len(rows) >= 2 and _second_header_line(text[rows[0][0] : rows[0][1]]):
            width = max(text.count("\t", a, b) + 1 for a, b in rows[1:])
            cells = _two_line_header(text[hs:he], text[rows[0][0] : rows[0][1]], width)
            columns = _header("\t".join(cells), year)
            rows = rows[1:] if columns is not None else rows
        if columns is None and rows:
            columns = _header(text[hs:he], year)
        if columns is not None:
            out.append(IndicatorTable(hs, rows[-1][1], columns, tuple(rows)))
    return out


class TableRows:
    """Which table row, if any, a position of the text stands in (one bisection)."""

    def __init__(self, tables: list[IndicatorTable]) -> None:
        self._rows = sorted((start, end, t.columns) for t in tables for start, end in t.rows)
        self._starts = [r[0] for r in self._rows]
        self._spans = [(t.char_start, t.char_end) for t in tables]

    def columns_at(self, pos: int) -> tuple[Column, ...]:
        """The columns of the row ``pos`` stands in (empty outside every row)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and pos < self._rows[i][1]:
            return self._rows[i][2]
        return ()

    def in_table(self, pos: int) -> bool:
        """Does ``pos`` stand in a table (its header, rows or category rows)?"""
        return any(s <= pos < e for s, e in self._spans)
