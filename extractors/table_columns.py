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

from extractors.char_classes import ROUND_BRACKETS, SPAN_JOINERS, TOTAL_BRACKETS, char_class
from extractors.context import LABEL, OTHER, UNIT, VALUE, Column, Context
from extractors.language_data import EXTRACTORS_DATA, Record, Strings, Text, load, longest_first, register
from extractors.times import extract_times

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
    average_words=Strings(allow_empty=False),
    average_change=Text(),
    change_unit=Text(),
    filler_words=Strings(allow_empty=False),
)
TABLE_HEADERS = register("table_headers", TABLE_HEADERS_FILE, TABLE_HEADERS_SPEC, "extractors/table_columns.py")


# a year a header names (2023年, 2023年度, 2023)
YEAR = regex.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])\s*(?:年度|年)?")
_OPEN, _CLOSE = "".join(ROUND_BRACKETS), "".join(ROUND_BRACKETS.values())
# a note in round brackets (a unit: 增长（%）, 地区生产总值（亿元）; a kind: 2023年（预计）)
BRACKETED = regex.compile(f"{char_class(_OPEN)}\\s*([^{_OPEN}{_CLOSE}]{{1,8}}?)\\s*{char_class(_CLOSE)}")
# a note in lenticular brackets (年均增长〔累计〕: the cells in 〔〕 are totals)
_NOTE = regex.compile(f"{char_class(TOTAL_BRACKETS[0])}[^{TOTAL_BRACKETS}]*{char_class(TOTAL_BRACKETS[1])}")


@dataclass(frozen=True, slots=True)
class HeaderWords:
    kind: regex.Pattern  # one alternation of achievement, target and relative-year words
    kinds: dict[str, tuple[str, int]]  # word -> (kind, years back from the document's year)
    change: regex.Pattern
    multi_year: regex.Pattern
    average: regex.Pattern  # 年均: a column of yearly averages over several years
    average_words: tuple[str, ...]
    label: frozenset[str]
    unit: frozenset[str]
    sub_row: tuple[str, ...]  # 其中 opening a sub-row's label
    average_change: str  # the change 年均 alone (年均（%）) averages: 增长
    change_unit: str  # the unit of a change column that names none: %
    filler: regex.Pattern  # what may remain of a value column's header: 年, 度, 值, 期间


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
        average=regex.compile(longest_first(d["average_words"])),
        average_words=tuple(d["average_words"]),
        label=frozenset(d["label_words"]),
        unit=frozenset(d["unit_words"]),
        sub_row=tuple(d["sub_row_words"]),
        average_change=d["average_change"],
        change_unit=d["change_unit"],
        filler=regex.compile(f"(?:{longest_first(d['filler_words'])}|\\s)*"),
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
    average = w.average.search(rest)
    if average:
        return _average_column(rest, average.group(), unit, year)
    if w.multi_year.search(rest) or len(YEAR.findall(rest)) > 1:
        return Column(OTHER)  # 累计, 2021—2025年: no one year's figures
    found = YEAR.search(rest)
    col_year = int(found.group(1)) if found else None
    rest = YEAR.sub("", rest)
    kind_word = w.kind.search(rest)
    change = w.change.search(rest)
    for m in (kind_word, change):
        if m is not None:
            rest = rest.replace(m.group(), "", 1)
    if not w.filler.fullmatch(rest):
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


def _average_column(rest: str, word: str, unit: str, year: int | None) -> Column:
    """A column of yearly averages (年均增长（%）, 2021—2025年年均增长): its change, and the
    years it names, if any; a cumulative note in its header (〔累计〕: the cells in 〔〕 are
    totals) is left to those cells, which hold no single amount."""
    w = header_words()
    rest = _NOTE.sub("", rest)
    # a span the time words name (“十四五”, 2021-2025年): its first and last years
    spans = [
        (t.text, t.start.year, t.end.year) for t in extract_times(rest, context=Context(year=year)) if t.start and t.end
    ]
    span = next((s for s in spans if s[2] > s[1]), None)
    if span is not None:
        years = [span[1], span[2]]
        rest = rest.replace(span[0], "", 1)
    else:
        years = sorted(int(y) for y in YEAR.findall(rest))
        rest = YEAR.sub("", rest)
    rest = rest.replace(word, "", 1)
    change = w.change.search(rest)
    if change is not None:
        rest = rest.replace(change.group(), "", 1)
    rest = "".join(c for c in rest if c not in SPAN_JOINERS)
    if not w.filler.fullmatch(rest) or len(years) > 2:
        return Column(OTHER)
    measure = word + (change.group() if change else w.average_change)
    return Column(
        VALUE, years[-1] if years else None, None, measure, unit, years[0] if len(years) == 2 else None, average=True
    )


def _spans_of_averages(columns: list[Column], year: int | None) -> list[Column]:
    """Each average column's years: those it names, else from the year after the last
    column of figures reached (the base year: 2020) or the document's year, to the last
    year a target column names (2025); an achievement when that year is past."""
    ends = [c.year for c in columns if c.role == VALUE and c.kind == "target" and c.year is not None]
    bases = [c.year for c in columns if c.role == VALUE and c.kind == "achievement" and c.year is not None]
    out = []
    for c in columns:
        if c.average:
            end = c.year if c.year is not None else (max(ends) if ends else None)
            start = c.start if c.start is not None else (max(bases) + 1 if bases else year)
            if end is None or start is None or start > end:
                c = Column(OTHER)
            else:
                kind = "target" if year is None or end >= year else "achievement"
                c = Column(VALUE, end, kind, c.measure, c.unit, start)
        out.append(c)
    return out


def read_header(cells: Sequence[str], year: int | None) -> tuple[Column, ...] | None:
    """The columns of an indicator table whose header row has ``cells``, in a document of
    ``year``; None when no column holds figures of a year or kind (a division-of-tasks
    table: 序号 | 工作任务 | 责任单位 | 完成时限). A change column without a year or kind
    of its own (增长（%）) measures the change over the value column before it."""
    columns = _spans_of_averages([_column(c, year) for c in cells], year)
    out: list[Column] = []
    for c in columns:
        if c.role == VALUE and c.kind is None:
            before = next((b for b in reversed(out) if b.role == VALUE and b.kind is not None), None)
            c = Column(VALUE, before.year, before.kind, c.measure, c.unit) if before else Column(OTHER)
        out.append(c)
    if not any(c.role == VALUE for c in out):
        return None
    return tuple(out)
