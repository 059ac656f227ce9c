"""A table row of a saved page or a Word file as the cells of one line, split by tabs (as a
spreadsheet copies them): an indicator table's header names what its rows' bare numbers
are (``pipeline/structure/tables.py``), so a row must keep every column, spanned ones too.
"""

from __future__ import annotations

import unicodedata

import regex

MAX_SPAN = 50  # a span beyond any table's width is a page's layout or a typo


def columns_added(span: str | None) -> int:
    """The empty columns a cell spanning ``span`` columns leaves after it (colspan="2",
    gridSpan 2 → 1); 0 for no span or a malformed one."""
    if not span or not span.strip().isdigit():
        return 0
    return max(0, min(int(span), MAX_SPAN) - 1)


def spread(cells: list[str], added: dict[int, int]) -> list[str]:
    """The row's cells with the empty cells each spanning cell leaves after it
    (``added``: cell index → columns added): 2023年 over 实际 | 增长 → 2023年, ``""``."""
    out: list[str] = []
    for k, cell in enumerate(cells):
        out += [cell] + [""] * added.get(k, 0)
    return out


# A gap of two spaces or more between two cells of a row laid out with spaces (a PDF's text
# copied with its layout, ``pdftotext -layout``; ideographic spaces are folded to spaces
# before); one space is a word's or a letter-spaced heading's (责 任 单 位).
_GAP = regex.compile(r"(?<=\S) {2,}(?=\S)")
_CELL = regex.compile(r"\S+(?: \S+)*")  # a cell: words with single spaces between
_LETTER = regex.compile(r"\p{Han}")  # a cell of one character: a letter of a spaced-out word
_MIN_ROWS = 2  # lines with three cells or more that make a run of spaced lines a table


def display_width(text: str, ambiguous: int = 2) -> int:
    """Display columns of ``text``: a wide (CJK) character takes two, and so does one of
    ambiguous width (“ ” 、 — …), which a Chinese text sets full width — ``ambiguous``
    columns where a font sets them otherwise (WenQuanYi Zen Hei, Microsoft YaHei: one)."""
    return sum(2 if (w := unicodedata.east_asian_width(c)) in "WF" else ambiguous if w == "A" else 1 for c in text)


# Room a producer left where Han text meets a figure or a Latin word (Word's, WPS's and
# LibreOffice's 中文与西文之间自动调整间距) stands at nearly every such seam; a space the
# source typed here and there does not.
ROOM_SHARE = 0.8


def producer_room(bare: int, spaced: int, least: int) -> bool:
    """Are ``spaced`` gaps at seams, of ``bare + spaced`` seams, a producer's room (at least
    ``least`` of them, at ROOM_SHARE of the seams or more), no spaces of the text?"""
    return spaced >= least and spaced >= ROOM_SHARE * (bare + spaced)


def _spaced_cells(line: str) -> list[tuple[int, int, str]]:
    """The cells of a line (text between gaps), each with its display columns (start, end);
    single characters spaced out over a column (指    标, 单 位) are one word."""
    cells: list[tuple[int, int, str]] = []
    letters = False  # the last cell is one character, or letters spaced out
    pos = done = 0  # the display width of line[:done]
    for m in _CELL.finditer(line):
        start = pos + display_width(line[done : m.start()])
        pos, done = start + display_width(m.group(0)), m.end()
        words = m.group(0).split(" ")
        spaced = len(words) > 1 and all(_LETTER.fullmatch(w) for w in words)  # 单 位
        text = "".join(words) if spaced else m.group(0)
        letter = _LETTER.fullmatch(text) is not None
        if letter and letters:
            start, _, first = cells.pop()
            text = first + text
        cells.append((start, pos, text))
        letters = letter
    return cells


def _aligned(cells: list[tuple[int, int, str]], columns: list[tuple[int, int, str]]) -> list[str] | None:
    """``cells`` placed under the columns they overlap most (an empty cell for a column no
    cell stands under), or None when two cells fall under one column."""
    placed: dict[int, str] = {}
    bounds = [float("-inf")] + [(a[1] + b[0]) / 2 for a, b in zip(columns, columns[1:])] + [float("inf")]
    for start, end, text in cells:
        overlaps = [min(end, bounds[i + 1]) - max(start, bounds[i]) for i in range(len(columns))]
        best = max(range(len(columns)), key=lambda i: (overlaps[i], -i))
        if best in placed:
            return None
        placed[best] = text
    return [placed.get(i, "") for i in range(max(placed) + 1)] if placed else None


def spaced_rows(lines: list[str]) -> list[str]:
    """``lines`` with every table laid out with spaces turned into tab-separated rows.

    A table is a run of lines split into cells by gaps of two spaces or more (blank lines
    between them allowed), at least two of them with three cells or more. Each row's cells
    go under the columns of the run's widest line by their display position, so a row
    missing a middle cell (a figure not given) keeps its other figures under their
    headers."""
    out = list(lines)
    i = 0
    while i < len(lines):
        run, j = [], i
        while j < len(lines):
            line = lines[j]
            if not line.strip():
                j += 1
                continue
            if "\t" in line or not _GAP.search(line.strip()) or len(_GAP.findall(line)) >= MAX_SPAN:
                break  # no row laid out with spaces (or wider than any table)
            run.append(j)
            j += 1
        split = {k: _spaced_cells(lines[k]) for k in run}
        if sum(len(split[k]) >= 3 for k in run) >= _MIN_ROWS:
            columns = max((split[k] for k in run), key=len)
            for k in run:
                cells = _aligned(split[k], columns)
                out[k] = "\t".join(cells if cells else [c[2] for c in split[k]])
            i = run[-1] + 1
        else:
            i = max(j, i + 1)
    return out
