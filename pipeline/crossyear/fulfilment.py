"""Pair each target with the outcome a later document reports, and say which way it went (→ ``fulfilment``).

Plans set targets and the next year's document says what happened: a 政府工作报告's part
一 reviews the previous year (国内生产总值增长6.6%, 城镇新增就业1361万人), the 平潭 reports
open with 2020年地区生产总值301.4亿元，增长5.4%. So the target of a measure for a period
(the year's own target, or a goal over several years) is judged against an
``achievement`` of the same issuer and measure whose period is the same, read in the
same unit, from the earliest later document. Rows of two different measures are never
paired: both sides are keyed by a measure of the vocabulary, never by a fragment such
as 中央财政.

The verdict says which way it went, by the measure's direction (data in
``data/fulfilment.yaml``): ``met``; ``exceeded`` above a point target or a ceiling
(国内生产总值增长8%左右 → 10.3%); ``fell_short`` below a point target or a floor; a
floor over-achieved is met (解决农村人口饮水安全问题 6000万 → 6434万). ``gap`` is the
signed distance of the outcome from the target in the target's unit; ``estimated``
marks an outcome the report gives as an estimate (预计); ``unknown`` is left only where
no later document states a figure for that period.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

import pandas as pd
import regex

from extractors.indicators import DIRECTIONS
from extractors.language_data import (
    DATA_FILES,
    PIPELINE_DATA,
    Flag,
    Number,
    OneOf,
    Optional,
    Record,
    Strings,
    check_file,
    fail,
    load,
    longest_first,
    register,
)
from extractors.language_data import (
    Mapping as MappingOf,
)
from extractors.records import COMPARATORS
from extractors.target_kinds import kind_words
from pipeline.crossyear.amounts import format_amount
from pipeline.crossyear.measures import direction as measure_direction
from pipeline.crossyear.measures import to_unit
from pipeline.crossyear.series import plan_targets
from pipeline.crossyear.target_rows import target_rows
from pipeline.tables.schemas import FULFILMENT, FULFILMENT_STATUSES

DATA_FILE = PIPELINE_DATA / "fulfilment.yaml"
TESTS = ("at_least", "above", "at_most", "below", "within")
STATUSES = FULFILMENT_STATUSES
COLUMNS = FULFILMENT.names

_RULE = Record(test=OneOf(*TESTS), tolerance=Optional(Flag(), False))
register(
    "fulfilment",
    DATA_FILE,
    Record(
        tolerance=Record(by_unit=MappingOf(Number()), relative=Number()),
        rules=MappingOf(MappingOf(_RULE, key=OneOf(*COMPARATORS)), key=OneOf(*sorted(DIRECTIONS))),
        direction_by_comparator=MappingOf(OneOf(*sorted(DIRECTIONS)), key=OneOf(*COMPARATORS)),
        estimate_cues=Strings(allow_empty=False),
    ),
    used_by="pipeline/crossyear/fulfilment.py",
)


@dataclass(frozen=True, slots=True)
class Rule:
    """How an outcome is tested against a target of one direction and comparator."""

    direction: str
    comparator: str
    test: str
    tolerance: bool


@dataclass(frozen=True, slots=True)
class FulfilmentRules:
    abs_tolerance: Mapping[str, float]
    relative_tolerance: float
    rules: Mapping[tuple[str, str], Rule]
    direction_by_comparator: Mapping[str, str]
    estimate_re: regex.Pattern

    def tolerance(self, value: float, unit: str | None) -> float:
        """The slack for 左右 around ``value``, in its unit."""
        if unit in self.abs_tolerance:
            return self.abs_tolerance[unit]
        return round(abs(value) * self.relative_tolerance, 10)


def build_rules(data: dict, path=DATA_FILE) -> FulfilmentRules:
    """The rules from the checked content of ``fulfilment.yaml`` (every pair must be there)."""
    for where, value in (
        ("tolerance.relative", data["tolerance"]["relative"]),
        *((f"tolerance.by_unit.{u}", v) for u, v in data["tolerance"]["by_unit"].items()),
    ):
        if value < 0:
            raise fail(path, where, f"must be a number >= 0, not {value!r}")
    rules: dict[tuple[str, str], Rule] = {}
    for direction in sorted(DIRECTIONS):
        by_comp = data["rules"].get(direction)
        if by_comp is None or set(by_comp) != set(COMPARATORS):
            raise fail(path, f"rules.{direction}", f"must have one entry per comparator {list(COMPARATORS)}")
        for comp, entry in by_comp.items():
            rules[(direction, comp)] = Rule(direction, comp, entry["test"], entry["tolerance"])
    if set(data["direction_by_comparator"]) != set(COMPARATORS):
        raise fail(path, "direction_by_comparator", f"must map every comparator {list(COMPARATORS)}")
    return FulfilmentRules(
        MappingProxyType({str(u): float(v) for u, v in data["tolerance"]["by_unit"].items()}),
        float(data["tolerance"]["relative"]),
        MappingProxyType(rules),
        MappingProxyType(dict(data["direction_by_comparator"])),
        regex.compile(longest_first(data["estimate_cues"])),
    )


def load_rules(path=DATA_FILE) -> FulfilmentRules:
    """Read and check a fulfilment rules file (uncached; the builder uses :func:`rules`)."""
    return build_rules(check_file(DATA_FILES["fulfilment"], path), path)


@cache
def rules() -> FulfilmentRules:
    """The project's fulfilment rules, loaded once per process."""
    return build_rules(load("fulfilment"))


# ---------------------------------------------------------------- judging


@dataclass(frozen=True, slots=True)
class Verdict:
    status: str  # met | exceeded | fell_short | unknown
    direction: str | None
    tolerance: float | None
    gap: float | None  # outcome minus the nearest end of the target, in its unit
    rule: str


def _nan(x: float | None) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def judge(
    value: float,
    value_max: float | None,
    comparator: str,
    unit: str | None,
    indicator: str,
    outcome: float | None,
    table: FulfilmentRules | None = None,
) -> Verdict:
    """Whether ``outcome`` meets the target and, if not, which way it went.

    The direction is the measure's (measures.yaml); one the vocabulary gives none
    takes it from the comparator (以上 → floor). The rule text shows the comparison in
    the units the plans write (1310万人 ≥ 900万人).
    """
    table = table or rules()
    direction = measure_direction(indicator) or table.direction_by_comparator.get(comparator)
    rule = table.rules.get((direction, comparator))
    if rule is None or _nan(value):
        return Verdict("unknown", direction, None, None, f"no rule for comparator {comparator!r}")
    slack = table.tolerance(value, unit) if rule.tolerance else 0.0
    hi = value if _nan(value_max) else value_max
    head = f"{direction} {comparator} → {rule.test}"
    if _nan(outcome):
        return Verdict("unknown", direction, slack, None, f"{head}: no outcome found")

    def amount(x: float) -> str:
        return format_amount(x, unit)

    plus = f" + {amount(slack)}" if slack else ""
    minus = f" − {amount(slack)}" if slack else ""
    o = amount(outcome)
    lo_b, hi_b = value - slack, hi + slack
    # Rounding: 6.5 + 0.5 must admit 7.0 (binary floats would refuse it).
    at_least = outcome >= lo_b or math.isclose(outcome, lo_b)
    at_most = outcome <= hi_b or math.isclose(outcome, hi_b)
    if rule.test == "at_least":
        status, text = ("met" if at_least else "fell_short"), f"{o} ≥ {amount(value)}{minus}"
    elif rule.test == "above":
        status, text = ("met" if outcome > value else "fell_short"), f"{o} > {amount(value)}"
    elif rule.test == "at_most":
        status, text = ("met" if at_most else "exceeded"), f"{o} ≤ {amount(hi)}{plus}"
    elif rule.test == "below":
        status, text = ("met" if outcome < value else "exceeded"), f"{o} < {amount(value)}"
    else:  # within
        status = "fell_short" if not at_least else "exceeded" if not at_most else "met"
        text = f"{amount(value)}{minus} ≤ {o} ≤ {amount(hi)}{plus}"
    gap = outcome - value if outcome < value else outcome - hi if outcome > hi else 0.0
    verdict = {"met": "", "exceeded": " fails: above", "fell_short": " fails: below"}[status]
    return Verdict(status, direction, slack, round(gap, 10), f"{head}: {text}{verdict}")


# ---------------------------------------------------------------- the table


def averaged(rows: pd.DataFrame) -> pd.Series:
    """Is each row's amount a yearly average over a period of several years (年均经济增长速度
    7%左右 for 2001–2005)? Such a target is met or missed by the period's yearly average
    (国内生产总值年均增长9.5%), never by its total growth (增长57.3%), and the other way
    round; the words are target_kinds.yaml period.yearly_average."""
    words = kind_words().yearly_average
    several = rows["period_start"].notna() & (rows["period_start"] != rows["period_end"])
    said = rows["subject"].fillna("").map(lambda s: any(w in s for w in words)).astype(bool)
    return (several & said).astype(bool)


def outcome_rows(rows: pd.DataFrame, units: Mapping[tuple[str, str], str], table: FulfilmentRules) -> pd.DataFrame:
    """Achievements that can be a period's outcome, in the series unit of their measure.

    An achievement with a known period, in a document later than the period's end,
    whose amount converts to the unit of the measure's series. Adds ``estimated``
    (an estimate cue in the sentence), ``averaged`` (:func:`averaged`: one outcome per
    period for yearly averages, one for the rest) and the ranks that pick one per period: the
    earliest later document, then a plain figure before a bound (控制在百分之十以内 is
    more often the target restated), a review part first, then document order.
    """
    out = rows[(rows["kind"] == "achievement") & rows["period_start"].notna() & rows["period_end"].notna()]
    out = out[out["period_end"].astype("int64") < out["year"]]
    if out.empty:
        return out.assign(estimated=pd.Series(dtype=bool))
    keys = list(zip(out["issuer_slug"], out["indicator"]))
    unit = [units.get(k) for k in keys]
    converted = [None if u is None else to_unit(v, w, u) for v, w, u in zip(out["value"], out["unit"], unit)]
    out = out.assign(value=converted, unit=unit)
    out = out[out["value"].notna()]
    out = out.assign(
        estimated=out["sentence"].fillna("").map(lambda s: table.estimate_re.search(s) is not None),
        averaged=averaged(out),
        _exact=(out["comparator"] != "=").astype(int),
        _review=(out["part"] != "review").astype(int),
    )
    out = out.sort_values(
        ["issuer_slug", "indicator", "period_start", "period_end", "year", "_exact", "_review", "char_start"],
        kind="mergesort",
    )
    return out.drop_duplicates(["issuer_slug", "indicator", "period_start", "period_end", "averaged"], keep="first")


def build_fulfilment(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per target of ``target_series`` (annual or a goal): its outcome and verdict.

    The targets are the series' own (:func:`pipeline.crossyear.series.plan_targets`),
    so the chart of ``plantasks compare`` and this table judge the same target.
    """
    table = rules()
    documents = tables["documents"]
    docs = documents.loc[documents["status"] == "ok"]
    rows = target_rows(tables)
    targets = plan_targets(rows)
    if targets.empty:
        return _typed(pd.DataFrame(columns=COLUMNS))
    first = docs.sort_values(["issuer_slug", "year", "doc_id"]).drop_duplicates(["issuer_slug", "year"])
    targets = targets[targets["doc_id"].isin(first["doc_id"])]
    units = {(s, i): u or "" for s, i, u in zip(targets["issuer_slug"], targets["indicator"], targets["unit"])}
    outcomes = outcome_rows(rows, units, table)
    found = {
        (o["issuer_slug"], o["indicator"], int(o["period_start"]), int(o["period_end"]), bool(o["averaged"])): o
        for o in outcomes.to_dict("records")
    }
    targets = targets.assign(averaged=averaged(targets))
    last_year = docs.groupby("issuer_slug")["year"].max()

    out = []
    for t in targets.itertuples(index=False):
        ps, pe = int(t.period_start), int(t.period_end)
        o = found.get((t.issuer_slug, t.indicator, ps, pe, bool(t.averaged)))
        value_max = None if _nan(t.value_max) else float(t.value_max)
        verdict = judge(
            float(t.value),
            value_max,
            t.comparator,
            t.unit,
            t.indicator,
            None if o is None else float(o["value"]),
            table,
        )
        rule = verdict.rule
        if o is None:
            period = str(ps) if ps == pe else f"{ps}–{pe}"
            rule += (
                " (no later document of this issuer)"
                if last_year.get(t.issuer_slug, pe) <= pe
                else f" (no later document states a figure for {period})"
            )
        out.append(
            {
                "issuer": t.issuer,
                "issuer_slug": t.issuer_slug,
                "indicator": t.indicator,
                "year": int(t.year),
                "period_start": ps,
                "period_end": pe,
                "target_value": float(t.value),
                "target_value_max": value_max,
                "target_comparator": t.comparator,
                "target_unit": t.unit,
                "target_doc_id": t.doc_id,
                "target_task_id": t.task_id if isinstance(t.task_id, str) else None,
                "target_text": t.text,
                "outcome_value": None if o is None else float(o["value"]),
                "outcome_unit": None if o is None else o["unit"],
                "outcome_doc_id": None if o is None else o["doc_id"],
                "outcome_text": None if o is None else o["text"],
                "outcome_sentence": None if o is None else o["sentence"],
                "estimated": False if o is None else bool(o["estimated"]),
                "direction": verdict.direction,
                "tolerance": verdict.tolerance,
                "gap": verdict.gap,
                "status": verdict.status,
                "rule": rule,
            }
        )
    frame = pd.DataFrame(out, columns=COLUMNS)
    frame = frame.sort_values(["issuer_slug", "indicator", "year", "period_start", "period_end"], kind="mergesort")
    return _typed(frame.reset_index(drop=True))


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame[COLUMNS].copy()
    for col in ("year", "period_start", "period_end"):
        frame[col] = frame[col].astype("int64")
    frame["estimated"] = frame["estimated"].fillna(False).astype(bool)
    for col in ("target_value", "target_value_max", "outcome_value", "tolerance", "gap"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce").astype("float64")
    return frame
