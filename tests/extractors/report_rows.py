"""What the targets extractor reads in one sentence of a 政府工作报告 — the shared helper of the
regression tests written round by round (test_schemes_lists_and_parts.py and its siblings)."""

from __future__ import annotations

from extractors.context import Context
from extractors.quantities import extract_quantities
from extractors.records import Quantity


def quantities(sentence: str, year: int, part: str, heading: str = "") -> list[Quantity]:
    """The quantities of ``sentence`` in a report of ``year``, in its ``part`` (plan or review),
    under ``heading``."""
    context = Context(year=year, part=part, genre="政府工作报告", heading=heading)
    return list(extract_quantities(sentence, context=context))


def periods(sentence: str, year: int, part: str = "review", heading: str = "") -> dict[str, tuple]:
    """(period_start, period_end) of each quantity, by its text."""
    return {q.text: (q.period_start, q.period_end) for q in quantities(sentence, year, part, heading)}


def rows(sentence: str, year: int, part: str) -> list[tuple[str, str, str, str]]:
    """(text, subject, indicator, kind) of each quantity."""
    return [(q.text, q.subject, q.indicator, q.kind) for q in quantities(sentence, year, part)]


def row(sentence: str, year: int, part: str, text: str) -> tuple[str, str, str, str]:
    """The row of the quantity written ``text``."""
    return next(r for r in rows(sentence, year, part) if r[0] == text)


def by_text(sentence: str, year: int, part: str = "plan") -> dict[str, tuple[str, str, str, str]]:
    """(subject, indicator, kind, comparator) of each quantity, by its text."""
    return {q.text: (q.subject, q.indicator, q.kind, q.comparator) for q in quantities(sentence, year, part)}
