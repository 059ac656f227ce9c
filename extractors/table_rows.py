"""Amounts of a passage: an indicator table's row read cell by cell, any other passage as
sentences (:func:`extractors.quantities.extract_quantities`).

A row of 主要指标 | 单位 | 2023年实际 | 2024年目标 such as ``地区生产总值增长<TAB>%<TAB>6.1<TAB>6左右``
states two amounts of one measure: 6.1 % reached in 2023 and about 6 % planned for 2024.
Their measure is the row's label cell, their unit the unit cell (or the label's or the
header's brackets: 地区生产总值（亿元）, 增长（%）), their year and kind the column's, as the
structure step read them from the header (:class:`extractors.table_columns.Column`, passed
in the passage's context). A row with as many cells as the header takes them in order; one
with fewer or more (a category cell merged over rows is written in its first row only, and
normalising strips empty cells at a line's ends) is aligned on its label.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

import regex

from extractors.char_classes import COLONS, HAN, ROW_MARKS, char_class
from extractors.context import Context
from extractors.indicators import indicator_for
from extractors.language_data import longest_first
from extractors.numerals import ARABIC_DIGIT_CHARS
from extractors.quantities import extract_quantities, read_table_cell
from extractors.records import Quantity, TimeExpr
from extractors.subjects import subject_words
from extractors.table_columns import BRACKETED, LABEL, UNIT, VALUE, Column, header_words

_DIGIT = regex.compile(char_class(ARABIC_DIGIT_CHARS))


def extract_targets(
    text: str, *, offset: int = 0, context: Context = Context(), times: Sequence[TimeExpr] | None = None
) -> list[Quantity]:
    """Every stated amount of a passage (``context.columns`` set: the passage is a row of
    an indicator table)."""
    if context.columns:
        return read_row(text, offset, context.columns, context.plan_year or context.year)
    return extract_quantities(text, offset=offset, context=context, times=times)


def _cells(text: str) -> list[tuple[int, int]]:
    """The spans of a row's cells without their spaces (empty cells kept, as empty spans)."""
    spans, pos = [], 0
    for part in text.split("\t"):
        start, end = pos, pos + len(part)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        spans.append((start, end))
        pos += len(part) + 1
    return spans


def _label(cell: str) -> tuple[str, str]:
    """A label cell as (measure, the unit in its brackets): 地区生产总值（亿元） → 地区生产总值, 亿元."""
    unit = next((m.group(1) for m in BRACKETED.finditer(cell) if _is_unit(m.group(1))), "")
    measure = BRACKETED.sub(lambda m: "" if m.group(1) == unit else m.group(), cell)
    measure = _label_marks().sub("", "".join(measure.split()))
    numbered = subject_words().item_marker.match(measure)  # 1.地区生产总值, （2）城镇新增就业
    return measure[numbered.end() :] if numbered and numbered.end() < len(measure) else measure, unit


@cache
def _label_marks() -> regex.Pattern:
    """Marks before or after a label (★ 约束性, * 预期性) and a sub-row's 其中："""
    marks = char_class(ROW_MARKS) + "+"
    sub_row = f"(?:{longest_first(header_words().sub_row)}){char_class(COLONS)}?"
    return regex.compile(f"^(?:{sub_row}|{marks})+|{marks}$")


def _is_unit(written: str) -> bool:
    """Does ``written`` spell a unit (亿元, 万人, %), not a note (含职业教育, PM2.5)?"""
    read = read_table_cell("1", written)
    return read is not None and bool(read[2])


def _is_amount(cell: str) -> bool:
    """Does the cell hold one amount (with any unit: % stands for the one it may lack)?"""
    return read_table_cell(cell, "%") is not None


def _aligned(text: str, spans: list[tuple[int, int]], columns: tuple[Column, ...]):
    """Each cell's column, and the label cell. Normalising a text strips the empty cells at
    a line's ends (a category cell merged over rows, a missing figure), so a row with
    another count of cells than its header is aligned on its label: the cell with words
    nearest before its first amount stands in the header's label column (指标, or the one
    before the first unit or value column)."""
    if len(spans) == len(columns):
        paired = list(zip(spans, columns, strict=True))
        values = [i for i, (_, c) in enumerate(paired) if c.role == VALUE]
        if not values:
            return [], None
        label = next((sp for sp, c in paired if c.role == LABEL and HAN.search(text[sp[0] : sp[1]])), None)
        if label is None:
            label = next(
                (sp for sp, c in reversed(paired[: values[0]]) if c.role != UNIT and HAN.search(text[sp[0] : sp[1]])),
                None,
            )
        return paired, label
    at = None  # the cell with words nearest before the first amount after one
    for a, b in spans:
        cell = text[a:b]
        if at is not None and b > a and _is_amount(cell):
            break
        if HAN.search(cell) and not _is_unit(cell):
            at = (a, b)
    else:
        return [], None
    if at is None:
        return [], None
    at_index = spans.index(at)
    label_col = next((i for i, c in enumerate(columns) if c.role == LABEL), None)
    if label_col is None:
        label_col = next(i for i, c in enumerate(columns) if c.role in (UNIT, VALUE)) - 1
    shift = label_col - at_index
    paired = [(sp, columns[j + shift]) for j, sp in enumerate(spans) if j > at_index and j + shift < len(columns)]
    return paired, at


def _period_start(column: Column, year: int | None) -> int | None:
    if not column.kind or column.year is None:
        return None
    if column.start is not None:
        return column.start  # a yearly average over the plan's years
    if column.kind == "target" and year is not None and year < column.year:
        return year
    return column.year


def _subject(measure: str, column: Column) -> str:
    """The row's measure in a column: itself, or its change (地区生产总值 + 增长); a yearly
    average replaces the change the label names (地区生产总值增长 → 地区生产总值年均增长)."""
    if not column.measure:
        return measure
    if column.start is not None or column.measure.startswith(tuple(header_words().average_words)):
        changed = header_words().change.search(measure)
        if changed is not None and changed.end() == len(measure):
            measure = measure[: changed.start()]
        return measure + column.measure
    return measure if measure.endswith(column.measure) else measure + column.measure


def _amounts_in_words(
    text: str, offset: int, a: int, b: int, column: Column, measure: str, year: int | None
) -> list[Quantity]:
    """The amounts a value cell states in words (新建幼儿园5所, 力争达到95%以上), read as a
    sentence, of the column's year and kind; a subject the cell does not name is the row's."""
    if not _DIGIT.search(text, a, b):
        return []
    found = extract_quantities(text[a:b], offset=offset + a, context=Context(year=year, part="plan"))
    kind, start, end = column.kind or "other", _period_start(column, year), column.year if column.kind else None
    out = []
    for q in found:
        subject = q.subject or _subject(measure, column)
        indicator = indicator_for(subject, q.unit or None)
        out.append(
            replace(
                q, sentence=text, subject=subject, indicator=indicator, kind=kind, period_start=start, period_end=end
            )
        )
    return out


def read_row(text: str, offset: int, columns: tuple[Column, ...], year: int | None = None) -> list[Quantity]:
    """The amounts of one table row (``text``, at ``offset`` in the document) under
    ``columns``: one per value cell holding a single amount, measured by the row's label.
    A target of a year after the plan's ``year`` is a goal from that year to its own
    (a 2021 plan's 2025年目标: 2021–2025), as 到2025年 in a sentence."""
    paired, label_span = _aligned(text, _cells(text), columns)
    if label_span is None:
        return []
    label = text[label_span[0] : label_span[1]]
    measure, label_unit = _label(label)
    row_unit = next((text[a:b] for (a, b), c in paired if c.role == UNIT and _is_unit(text[a:b])), "") or label_unit
    out = []
    for (a, b), column in paired:
        if column.role != VALUE:
            continue
        # a change column (增长, 增长（%）) takes only a unit of its own, else %: the row's unit is
        # the measure's
        own = column.unit if column.unit and _is_unit(column.unit) else ""
        unit = own or (header_words().change_unit if column.measure else row_unit)
        read = read_table_cell(text[a:b], unit) if b > a else None
        if read is None:
            out.extend(_amounts_in_words(text, offset, a, b, column, measure, year))
            continue
        value, value_max, unit_name, comparator = read
        subject = _subject(measure, column)
        out.append(
            Quantity(
                text=text[a:b],
                char_start=offset + a,
                char_end=offset + b,
                sentence=text,
                value=value,
                value_max=value_max,
                unit=unit_name,
                comparator=comparator,
                subject=subject,
                indicator=indicator_for(subject, unit_name or None),
                kind=column.kind or "other",
                period_start=_period_start(column, year),
                period_end=column.year if column.kind else None,
            )
        )
    return out
