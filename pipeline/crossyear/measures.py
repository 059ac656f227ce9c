"""Which indicators are measures, which way each is better, and the one unit a series is read in.

The cross-year tables compare measures only: the indicators of the measure vocabulary
(``extractors/data/measures.yaml``), such as 国内生产总值增长 or 城镇新增就业. A key
derived from a subject the vocabulary does not know (县, 底线是严守, 中央财政) is a
fragment of one sentence: it names no measure, so pairing two of its amounts across
years (中央财政 109亿元 for 再就业 against 219亿元 for 企业破产) says nothing.

One measure is written in several units over the years (农村贫困人口减少1000万人 /
减少1000万以上; 粮食产量 in 斤 and 吨), so every amount of a series is converted to one
unit before values are compared (``extractors/units.py``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from extractors.indicators import indicator_direction
from extractors.units import registry


def is_measure(indicator: object) -> bool:
    """Whether ``indicator`` is a key of the measure vocabulary."""
    return isinstance(indicator, str) and bool(indicator) and indicator_direction(indicator) is not None


def direction(indicator: str) -> str | None:
    """floor, ceiling or point for a measure; None for anything else."""
    return indicator_direction(indicator) if is_measure(indicator) else None


def series_unit(units: Iterable[object]) -> str:
    """The unit a measure's amounts are read in: the one written most often, ties to the first.

    An amount written without a unit (减少1000万以上) never decides it, unless no amount
    has one.
    """
    written = [u if isinstance(u, str) else "" for u in units]
    counts = Counter(u for u in written if u)
    if not counts:
        return ""
    best = max(counts.values())
    return next(u for u in written if counts.get(u) == best)


def to_unit(value: float | None, unit: object, target: str) -> float | None:
    """``value`` (in ``unit``) in the series unit ``target``; None when it does not convert.

    An amount without a unit takes the series unit, as the plan writes it
    (农村贫困人口减少1000万以上 beside 减少1000万人以上): the multiplier is already applied.
    """
    if value is None:
        return None
    unit = unit if isinstance(unit, str) else ""
    if not unit:
        return float(value)
    return registry().convert(float(value), unit, target)
