"""A table row of a saved page or a Word file as the cells of one line, split by tabs (as a
spreadsheet copies them): an indicator table's header names what its rows' bare numbers
are (``pipeline/structure/tables.py``), so a row must keep every column, spanned ones too.
"""

from __future__ import annotations

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
