"""What each column of an indicator table holds, read from its header cells.

An indicator table saved as text (主要指标 | 单位 | 2023年实际 | 2024年目标, cells split by
tabs) writes bare numbers in its rows; their year, kind and often their unit stand only in
the header. :func:`read_header` turns the header cells into :class:`Column` records, which
the structure step finds once per table and the row reader
(:mod:`extractors.table_rows`) applies to every row — a row is never re-read as a
sentence, where 6.1 and 6左右 would be two targets of the document's year. The words are
data (``data/table_headers.yaml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import regex

from extractors.char_classes import ROUND_BRACKETS, char_class
from extractors.language_data import EXTRACTORS_DATA, Record, Strings, load, longest_first, register

TABLE_HEADERS_FILE = EXTRACTORS_DATA / "table_headers.yaml"
TABLE_HEADERS_SPEC = Record(
    achievement_words=Strings(allow_empty=False),
    target_words=Strings(allow_empty=False),
    last_year_words=Strings(allow_empty=False),
    this_year_words=Strings(allow_empty=False),
    change_words=Strings(allow_empty=False),
    label_words=Strings(allow_empty=False),
    sub_row_words=Strings(allow_empty=False),
    unit_words=Strings(allow_empty=False),
    multi_year_words=Strings(allow_empty=False),
)
TABLE_HEADERS = register("table_headers", TABLE_HEADERS_FILE, TABLE_HEADERS_SPEC, "extractors/table_columns.py")

# the roles of a column
LABEL, UNIT, VALUE, OTHER = "label", "unit", "value", "other"

_YEAR = regex.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])\s*(?:年度|年)?")
_OPEN, _CLOSE = "".join(ROUND_BRACKETS), "".join(ROUND_BRACKETS.values())
# a note in round brackets (a unit: 增长（%）, 地区生产总值（亿元）; a kind: 2023年（预计）)
BRACKETED = regex.compile(f"{char_class(_OPEN)}\\s*([^{_OPEN}{_CLOSE}]{{1,8}}?)\\s*{char_class(_CLOSE)}")
# what may remain of a value column's header besides its year and words: 年, 度, 值, 数
_FILLER = regex.compile(r"[年度值数的及\s]*")


@dataclass(frozen=True, slots=True)
class Column:
    """One column of an indicator table: its role, and for a value column the year and
    kind of its figures, the change it measures (增长, or ``""`` for the measure itself)
    and the unit its header writes (``""`` when none)."""

    role: str
    year: int | None = None
    kind: str | None = None
    measure: str = ""
    unit: str = ""


@dataclass(frozen=True, slots=True)
class HeaderWords:
    kind: regex.Pattern  # one alternation of achievement, target and relative-year words
    kinds: dict[str, tuple[str, int]]  # word -> (kind, years back from the document's year)
    change: regex.Pattern
    multi_year: regex.Pattern
    label: frozenset[str]
    unit: frozenset[str]
    sub_row: tuple[str, ...]  # 其中 opening a sub-row's label


@cache
def header_words() -> HeaderWords:
    d = load("table_headers")
    kinds: dict[str, tuple[str, int]] = {}
    for w in d["achievement_words"]:
        kinds[w] = ("achievement", 1)
    for w in d["target_words"]:
        kinds[w] = ("target", 0)
    for w in d["last_year_words"]:
        kinds[w] = ("achievement", 1)
    for w in d["this_year_words"]:
        kinds[w] = ("target", 0)
    return HeaderWords(
        kind=regex.compile(longest_first(kinds)),
        kinds=kinds,
        change=regex.compile(longest_first(d["change_words"])),
        multi_year=regex.compile(longest_first(d["multi_year_words"])),
        label=frozenset(d["label_words"]),
        unit=frozenset(d["unit_words"]),
        sub_row=tuple(d["sub_row_words"]),
    )


def _column(cell: str, year: int | None) -> Column:
    """The column a header cell heads, before change columns take their value column's
    year and kind."""
    w = header_words()
    cell = "".join(cell.split())
    if cell in w.label:
        return Column(LABEL)
    if cell in w.unit:
        return Column(UNIT)
    unit = ""
    words = []
    for m in BRACKETED.finditer(cell):
        inner = m.group(1)
        if w.kind.fullmatch(inner) or w.change.fullmatch(inner):
            words.append(inner)  # 2023年（预计）: a kind word in brackets
        elif not unit:
            unit = inner
    rest = BRACKETED.sub("", cell) + "".join(words)
    if w.multi_year.search(rest) or len(_YEAR.findall(rest)) > 1:
        return Column(OTHER)  # 年均增长, 2021—2025年: no one year's figures
    found = _YEAR.search(rest)
    col_year = int(found.group(1)) if found else None
    rest = _YEAR.sub("", rest)
    kind_word = w.kind.search(rest)
    change = w.change.search(rest)
    for m in (kind_word, change):
        if m is not None:
            rest = rest.replace(m.group(), "", 1)
    if not _FILLER.fullmatch(rest):
        return Column(OTHER)  # 完成时限, 责任单位: not a column of figures
    kind = None
    if kind_word is not None:
        kind, back = w.kinds[kind_word.group()]
        if col_year is None and year is not None:
            col_year = year - back
    elif col_year is not None and year is not None:
        kind = "achievement" if col_year < year else "target"
    measure = change.group() if change else ""
    if kind is None and not measure:
        return Column(OTHER)
    return Column(VALUE, col_year, kind, measure, unit)


def read_header(cells: Sequence[str], year: int | None) -> tuple[Column, ...] | None:
    """The columns of an indicator table whose header row has ``cells``, in a document of
    ``year``; None when no column holds figures of a year or kind (a division-of-tasks
    table: 序号 | 工作任务 | 责任单位 | 完成时限). A change column without a year or kind
    of its own (增长（%）) measures the change over the value column before it."""
    columns = [_column(c, year) for c in cells]
    out: list[Column] = []
    for c in columns:
        if c.role == VALUE and c.kind is None:
            before = next((b for b in reversed(out) if b.role == VALUE and b.kind is not None), None)
            c = Column(VALUE, before.year, before.kind, c.measure, c.unit) if before else Column(OTHER)
        out.append(c)
    if not any(c.role == VALUE for c in out):
        return None
    return tuple(out)
