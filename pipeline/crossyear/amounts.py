"""Amounts in base units written back the way the plans write them (13100000 人 → 1310万人).

The tables keep values in base units so they compare; people read 万 and 亿. Every
place that shows an amount — fulfilment's ``rule``, ``plantasks compare``, the HTML
report, the notebook — formats it here.
"""

from __future__ import annotations

import math

import pandas as pd

SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "~": "≈"}


def missing(x: object) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x))


def format_amount(value: float | None, unit: str | None) -> str:
    """A value in base units the way the reports write it: 13610000 人 → 1361万人."""
    if missing(value):
        return "—"
    from extractors.units import registry

    unit = unit if isinstance(unit, str) else ""
    if unit != "%":
        # the reports scale large amounts by 万 and 亿, never by 千 or 百
        scales = sorted(
            ((float(m.factor), w) for w, m in registry().multipliers.items() if m.factor >= 10_000), reverse=True
        )
        for f, word in scales:
            if abs(value) >= f:
                value /= f
                # 1.3e12 is written 1.3万亿 (万 × 亿), not 13000亿
                for g, inner in scales:
                    if g < f and abs(value) >= g:
                        return f"{value / g:.6g}{inner}{word}{unit}"
                return f"{value:.6g}{word}{unit}"
    return f"{value:.6g}{unit}"


def format_target(value: float, value_max: float | None, comparator: str | None, unit: str | None) -> str:
    """6.5 ~ % → ≈6.5%; 6 range 6.5 % → 6%–6.5%; 1.1e7 >= 人 → ≥1100万人."""
    if not missing(value_max):
        return f"{format_amount(value, unit)}–{format_amount(value_max, unit)}"
    return f"{SIGNS.get(comparator, '')}{format_amount(value, unit)}"


def format_gap(gap: float | None, unit: str | None) -> str:
    """A signed difference in the target's unit: +0.2个百分点 for %, +261万人, −0.9个百分点."""
    if missing(gap):
        return "—"
    from extractors.units import registry

    sign = "+" if gap > 0 else "−" if gap < 0 else "±"
    reg = registry()
    written = reg.unit(unit) if isinstance(unit, str) and unit else None
    if written is not None and written.dimension == "percent":
        # the difference of two percentages is in percentage points (6.6% − 6.5%: 0.1个百分点)
        # (‰: 个千分点): the point unit of the same size as the percent unit
        points = next(
            (u.name for u in reg.units if u.dimension == "percentage_point" and u.factor == written.factor),
            written.name,
        )
        return f"{sign}{abs(gap):.6g}{points}"
    return f"{sign}{format_amount(abs(gap), unit)}"


def format_period(year: int, start: int, end: int) -> str:
    """The years a target is for: 2018 (the plan's own year), 2016–2020 (a goal), 2020 (set 2018)."""
    if start != end:
        return f"{start}–{end}"
    return str(end) if end == year else f"{end} (set {year})"
