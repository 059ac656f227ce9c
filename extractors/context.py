"""What an extractor may know about the text it is given, besides the text itself."""

from __future__ import annotations

from dataclasses import dataclass

# the roles of a column of an indicator table
LABEL, UNIT, VALUE, OTHER = "label", "unit", "value", "other"


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
    # the first year of a column over several years (年均增长 of a five-year plan: 2021, with
    # ``year`` 2025), None for a column of one year
    start: int | None = None
    average: bool = False  # a yearly average over the plan's years, its span still to find


@dataclass(frozen=True, slots=True)
class Context:
    """Document facts an extractor needs to interpret a passage.

    ``year`` resolves 今年/年内/明年; ``part`` (plan / review / other, from the
    document structure) tells a target from an achievement; ``heading`` is the text of
    the headings above the passage, outermost first: a time there frames the passage
    (二、“十三五”时期主要目标任务和重大举措 → a target in it is about 2016–2020);
    ``written`` is the year the text was written in where the document shows it is not
    ``year`` (:func:`extractors.times.written_year`): 今年 and 明年 count from it;
    ``plan_year`` is the year after ``year`` when the document, a report delivered late in
    its year, sets out that year's plan (:func:`extractors.times.plan_year`): its review is
    of its own year, and its own year written out is a result like an earlier one;
    ``lead`` is the last sentence of the passage before when it opens a list this passage
    goes on (it ends with a colon, or it is an item ending with ； after such a lead):
    五年基本建设的投资…，是这样分配的： before 工业部门为二百四十八亿五千万元，…;
    ``columns`` are the columns of the indicator table the passage is a row of (the
    structure step read them from the table's header), empty for any other passage.
    """

    year: int | None = None
    part: str = "plan"
    genre: str | None = None
    heading: str = ""
    written: int | None = None
    plan_year: int | None = None
    lead: str = ""
    columns: tuple[Column, ...] = ()
