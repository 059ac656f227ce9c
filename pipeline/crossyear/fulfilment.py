"""Pair each year's targets with the outcome a later document reports (→ ``fulfilment``).

Plans set targets and the next year's document says what happened: a 政府工作报告's part
一 reviews the previous year (国内生产总值增长6.6%, 城镇新增就业1361万人), so a target of
year Y is judged against an ``achievement`` row of the same issuer and indicator whose
period is Y (#11). The period of a row is read from the text around it, never assumed
from its part alone, because the 2013 and 2018 reports review five years (年均增长7.1%,
城镇新增就业6600万人以上) beside the one year just past. How an outcome meets a target —
floor, ceiling or point, with what slack for 左右 — is data in ``data/fulfilment.yaml``.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import pandas as pd
import regex

from extractors.datafiles import read_yaml
from extractors.errors import DataFileError
from extractors.indicators import DIRECTIONS, indicator_direction
from pipeline.tables.schemas import FULFILMENT

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "fulfilment.yaml"

COMPARATORS = ("=", "~", ">=", ">", "<=", "<", "range")
TESTS = ("at_least", "above", "at_most", "below", "within")
COLUMNS = FULFILMENT.names


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
    multi_year_re: regex.Pattern
    comparison_before: tuple[str, ...]

    def tolerance(self, value: float, unit: str | None) -> float:
        """The slack for 左右 around ``value``, in its unit."""
        if unit in self.abs_tolerance:
            return self.abs_tolerance[unit]
        return round(abs(value) * self.relative_tolerance, 10)


def _fail(path: Path, problem: str) -> DataFileError:
    return DataFileError(str(path), problem)


def _number(path: Path, where: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise _fail(path, f"{where} must be a number >= 0, not {value!r}")
    return float(value)


def _words(path: Path, where: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(path, f"{where} must be a list of non-empty strings")
    return tuple(value)


def build_rules(data: object, path: Path = DATA_FILE) -> FulfilmentRules:
    """Validate the parsed YAML of ``fulfilment.yaml`` and build the rules."""
    top = {"tolerance", "rules", "direction_by_comparator", "period"}
    if not isinstance(data, dict) or set(data) != top:
        raise _fail(path, f"expected a mapping with keys {sorted(top)}")
    tol = data["tolerance"]
    if not isinstance(tol, dict) or set(tol) != {"by_unit", "relative"}:
        raise _fail(path, "tolerance must have keys by_unit, relative")
    by_unit = tol["by_unit"]
    if not isinstance(by_unit, dict):
        raise _fail(path, "tolerance.by_unit must map units to numbers")
    abs_tol = {str(u): _number(path, f"tolerance.by_unit.{u}", v) for u, v in by_unit.items()}
    relative = _number(path, "tolerance.relative", tol["relative"])

    raw_rules = data["rules"]
    if not isinstance(raw_rules, dict) or set(raw_rules) != DIRECTIONS:
        raise _fail(path, f"rules must have one entry per direction {sorted(DIRECTIONS)}")
    rules: dict[tuple[str, str], Rule] = {}
    for direction, by_comp in raw_rules.items():
        if not isinstance(by_comp, dict) or set(by_comp) != set(COMPARATORS):
            raise _fail(path, f"rules.{direction} must have one entry per comparator {list(COMPARATORS)}")
        for comp, entry in by_comp.items():
            where = f"rules.{direction}.{comp}"
            if not isinstance(entry, dict) or set(entry) - {"test", "tolerance"}:
                raise _fail(path, f"{where}: expected keys test, tolerance")
            if entry.get("test") not in TESTS:
                raise _fail(path, f"{where}: test {entry.get('test')!r} is not one of {list(TESTS)}")
            if not isinstance(entry.get("tolerance", False), bool):
                raise _fail(path, f"{where}: tolerance must be true or false")
            rules[(direction, comp)] = Rule(direction, comp, entry["test"], entry.get("tolerance", False))

    dbc = data["direction_by_comparator"]
    if not isinstance(dbc, dict) or set(dbc) != set(COMPARATORS):
        raise _fail(path, f"direction_by_comparator must map every comparator {list(COMPARATORS)}")
    for comp, direction in dbc.items():
        if direction not in DIRECTIONS:
            raise _fail(path, f"direction_by_comparator.{comp}: {direction!r} is not one of {sorted(DIRECTIONS)}")

    period = data["period"]
    if not isinstance(period, dict) or set(period) != {"multi_year", "comparison_before"}:
        raise _fail(path, "period must have keys multi_year, comparison_before")
    multi = _words(path, "period.multi_year", period["multi_year"])
    before = _words(path, "period.comparison_before", period["comparison_before"])
    multi_re = regex.compile("|".join(regex.escape(w) for w in sorted(multi, key=len, reverse=True)))
    return FulfilmentRules(
        MappingProxyType(abs_tol), relative, MappingProxyType(rules), MappingProxyType(dict(dbc)),
        multi_re, tuple(sorted(before, key=len, reverse=True)),
    )


def load_rules(path: Path = DATA_FILE) -> FulfilmentRules:
    """Read and validate a fulfilment rules file (uncached; the builder uses :func:`rules`)."""
    data = read_yaml(path)
    return build_rules(data, Path(path))


@cache
def rules() -> FulfilmentRules:
    """The project's fulfilment rules, loaded once per process."""
    return load_rules(DATA_FILE)


# ---------------------------------------------------------------- judging


@dataclass(frozen=True, slots=True)
class Verdict:
    status: str  # met | missed | unknown
    direction: str | None
    tolerance: float | None
    rule: str


def _fmt(x: float) -> str:
    """12210000 rather than 1.221e+07: rules are read by people."""
    if x == int(x) and abs(x) < 1e16:
        return str(int(x))
    return f"{x:.6g}"


def judge(value: float, value_max: float | None, comparator: str, unit: str | None,
          indicator: str, outcome: float | None, table: FulfilmentRules | None = None) -> Verdict:
    """Whether ``outcome`` meets the target; the rule text shows the comparison made.

    The direction is the indicator's (indicators.yaml); an indicator it does not know
    takes its direction from the comparator (以上 → floor).
    """
    table = table or rules()
    direction = indicator_direction(indicator) or table.direction_by_comparator.get(comparator)
    rule = table.rules.get((direction, comparator))
    if rule is None or value is None or math.isnan(value):
        return Verdict("unknown", direction, None, f"no rule for comparator {comparator!r}")
    slack = table.tolerance(value, unit) if rule.tolerance else 0.0
    hi = value_max if value_max is not None and not math.isnan(value_max) else value
    head = f"{direction} {comparator} → {rule.test}"
    if outcome is None or math.isnan(outcome):
        return Verdict("unknown", direction, slack, f"{head}: no outcome found")
    o = _fmt(outcome)
    plus = f" + {_fmt(slack)}" if slack else ""
    minus = f" − {_fmt(slack)}" if slack else ""
    if rule.test == "at_least":
        ok, text = outcome >= value - slack, f"{o} ≥ {_fmt(value)}{minus}"
    elif rule.test == "above":
        ok, text = outcome > value, f"{o} > {_fmt(value)}"
    elif rule.test == "at_most":
        ok, text = outcome <= hi + slack, f"{o} ≤ {_fmt(hi)}{plus}"
    elif rule.test == "below":
        ok, text = outcome < value, f"{o} < {_fmt(value)}"
    else:  # within
        ok = value - slack <= outcome <= hi + slack
        text = f"{_fmt(value)}{minus} ≤ {o} ≤ {_fmt(hi)}{plus}"
    # Rounding: 6.5 + 0.5 must admit 7.0 (binary floats would refuse it).
    if not ok and rule.test in ("at_least", "at_most", "within"):
        lo_b, hi_b = value - slack, hi + slack
        ok = (rule.test != "at_most" and math.isclose(outcome, lo_b)) or \
             (rule.test != "at_least" and math.isclose(outcome, hi_b))
    status = "met" if ok else "missed"
    return Verdict(status, direction, slack, f"{head}: {text}{'' if ok else ' fails'}")


# ---------------------------------------------------------------- periods


@dataclass(frozen=True, slots=True)
class _DocTimes:
    """The time expressions of one document that can say which year a row speaks of."""

    text: str
    year: int
    starts: list[int]
    years: list[int | None]  # the single year of each time, None if it spans several
    headings: Mapping[str, tuple[int, int, str | None]]  # section_id -> heading span, parent


def _doc_times(text: str, year: int, times: pd.DataFrame, sections: pd.DataFrame,
               table: FulfilmentRules) -> _DocTimes:
    starts, years = [], []
    for t in times.sort_values("char_start").itertuples(index=False):
        if t.start is None or t.end is None or pd.isna(t.start) or pd.isna(t.end):
            continue
        if any(text[max(0, t.char_start - len(w)):t.char_start] == w for w in table.comparison_before):
            continue  # 比上年: a base of comparison, not the period spoken of
        a, b = pd.Timestamp(t.start).year, pd.Timestamp(t.end).year
        starts.append(int(t.char_start))
        years.append(a if a == b else None)
    headings = {}
    for s in sections.itertuples(index=False):
        end = text.find("\n", s.char_start)
        headings[s.section_id] = (int(s.char_start), len(text) if end < 0 else end,
                                  s.parent_id if isinstance(s.parent_id, str) else None)
    return _DocTimes(text, year, starts, years, MappingProxyType(headings))


_NONE = object()


def _last_time(dt: _DocTimes, lo: int, hi: int):
    """The year of the last time expression starting in [lo, hi), or _NONE if none does."""
    i = bisect.bisect_left(dt.starts, hi) - 1
    if i >= 0 and dt.starts[i] >= lo:
        return dt.years[i]
    return _NONE


def period_year(dt: _DocTimes, char_start: int, sentence: str | None, part: str | None,
                section_id: str | None, table: FulfilmentRules) -> int | None:
    """The one year a target or achievement speaks of, or None when it speaks of several.

    In order: a multi-year word in its sentence (年均, 累计) → several; else the last time
    expression before it in its paragraph (刚刚过去的2017年，…增长6.9%); else the time in
    its section's heading, then the parent's (2015年工作回顾, 过去五年工作回顾); else the
    year before the document's for a review, the document's year otherwise.
    """
    if sentence and table.multi_year_re.search(sentence):
        return None
    para = dt.text.rfind("\n", 0, char_start) + 1
    found = _last_time(dt, para, char_start)
    if found is not _NONE:
        return found
    seen = set()
    while isinstance(section_id, str) and section_id in dt.headings and section_id not in seen:
        seen.add(section_id)
        lo, hi, parent = dt.headings[section_id]
        found = _last_time(dt, lo, hi)
        if found is not _NONE:
            return found
        section_id = parent
    return dt.year - 1 if part == "review" else dt.year


# ---------------------------------------------------------------- the table


def dated_rows(tables: dict[str, pd.DataFrame], docs: pd.DataFrame,
                  table: FulfilmentRules) -> pd.DataFrame:
    """Target and achievement rows of ok documents with issuer, doc year and ``period``.

    ``period`` is the one year a row speaks of (:func:`period_year`), NaN when several.
    """
    targets = tables["targets"]
    targets = targets[targets["kind"].isin(["target", "achievement"])
                      & targets["indicator"].notna() & (targets["indicator"] != "")
                      & targets["value"].notna()]
    targets = targets.merge(docs[["doc_id", "issuer", "issuer_slug", "year"]], on="doc_id")
    if targets.empty:
        return targets.assign(period=pd.Series(dtype="float64"))
    times, sections = tables["times"], tables["sections"]
    periods = pd.Series(index=targets.index, dtype="float64")  # NaN: several years
    for doc_id, rows in targets.groupby("doc_id"):
        doc = docs.loc[docs["doc_id"] == doc_id].iloc[0]
        dt = _doc_times(doc["text"], int(doc["year"]), times[times["doc_id"] == doc_id],
                        sections[sections["doc_id"] == doc_id], table)
        for idx, r in zip(rows.index, rows.itertuples(index=False)):
            year = period_year(dt, int(r.char_start), r.sentence, r.part, r.section_id, table)
            periods[idx] = math.nan if year is None else year
    return targets.assign(period=periods)


def build_fulfilment(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per (issuer, indicator, year) with a one-year target: target, outcome, status.

    The year's target is the first one-year target row of the plan for that year (plan
    part before others, then document order). Its outcome is an achievement of the same
    issuer, indicator and unit whose period is that year, from the earliest later
    document (a plain figure before a bound, review part first, then document order);
    none found → ``unknown``.
    """
    table = rules()
    documents = tables["documents"]
    docs = documents.loc[documents["status"] == "ok"]
    rows = dated_rows(tables, docs, table)
    if rows.empty:
        return FULFILMENT.empty_table().to_pandas()
    rows = rows.assign(plan_rank=(rows["part"] != "plan").astype(int),
                       review_rank=(rows["part"] != "review").astype(int),
                       unit_key=rows["unit"].fillna(""),
                       # A bound (控制在百分之十以内) is more often a target restated than an
                       # outcome, so a plain figure wins when the year has both.
                       exact_rank=(rows["comparator"] != "=").astype(int))
    targets = rows[(rows["kind"] == "target") & (rows["period"] == rows["year"])]
    targets = targets.sort_values(["issuer_slug", "indicator", "year", "plan_rank", "char_start"],
                                  kind="mergesort")
    targets = targets.drop_duplicates(["issuer_slug", "indicator", "year"], keep="first")
    outcomes = rows[(rows["kind"] == "achievement") & rows["period"].notna()
                    & (rows["period"] < rows["year"])]
    outcomes = outcomes.sort_values(["issuer_slug", "indicator", "period", "unit_key", "year",
                                     "exact_rank", "review_rank", "char_start"], kind="mergesort")
    outcomes = outcomes.drop_duplicates(["issuer_slug", "indicator", "period", "unit_key"], keep="first")
    last_year = docs.groupby("issuer_slug")["year"].max()

    out = []
    found = {(o["issuer_slug"], o["indicator"], int(o["period"]), o["unit_key"]): o
             for o in outcomes.to_dict("records")}
    for t in targets.itertuples(index=False):
        o = found.get((t.issuer_slug, t.indicator, int(t.year), t.unit_key))
        value_max = None if pd.isna(t.value_max) else float(t.value_max)
        verdict = judge(float(t.value), value_max, t.comparator, t.unit, t.indicator,
                        None if o is None else float(o["value"]), table)
        rule = verdict.rule
        if o is None and last_year.get(t.issuer_slug, t.year) <= t.year:
            rule = f"{rule} (no later document of this issuer)"
        out.append({
            "issuer": t.issuer, "issuer_slug": t.issuer_slug, "indicator": t.indicator,
            "year": int(t.year), "target_value": float(t.value), "target_value_max": value_max,
            "target_comparator": t.comparator, "target_unit": t.unit, "target_doc_id": t.doc_id,
            "target_task_id": t.task_id if isinstance(t.task_id, str) else None,
            "target_text": t.text,
            "outcome_value": None if o is None else float(o["value"]),
            "outcome_unit": None if o is None else o["unit"],
            "outcome_doc_id": None if o is None else o["doc_id"],
            "outcome_text": None if o is None else o["text"],
            "outcome_sentence": None if o is None else o["sentence"],
            "direction": verdict.direction, "tolerance": verdict.tolerance,
            "status": verdict.status, "rule": rule,
        })
    frame = pd.DataFrame(out, columns=COLUMNS)
    return frame.astype({"year": "int64"})
