"""Tests for pipeline/crossyear/series.py: one target per (issuer, measure, year, period), gaps marked."""

from __future__ import annotations

import math

import pandas as pd
import pyarrow as pa
import pytest

from pipeline.crossyear.measures import is_measure
from pipeline.crossyear.series import annual_series, build_target_series, plan_targets
from pipeline.crossyear.target_rows import target_rows
from pipeline.tables.schemas import TARGET_SERIES


@pytest.fixture(scope="module")
def series(corpus_tables) -> pd.DataFrame:
    return build_target_series(corpus_tables)


def _row(series, indicator, year, period=None) -> pd.Series:
    start, end = period or (year, year)
    rows = series[
        (series["issuer_slug"] == "gov-report")
        & (series["indicator"] == indicator)
        & (series["year"] == year)
        & (series["period_start"] == start)
        & (series["period_end"] == end)
    ]
    assert len(rows) == 1, rows
    return rows.iloc[0]


# The published headline targets of the 政府工作报告 (今年…主要预期目标是：…), 2013–2019.
GDP = [
    (2013, 7.5, None, "~", "7.5%左右"),
    (2014, 7.5, None, "~", "7.5%左右"),
    (2015, 7.0, None, "~", "7%左右"),
    (2016, 6.5, 7.0, "range", "6.5%－7%"),
    (2017, 6.5, None, "~", "6.5%左右"),
    (2018, 6.5, None, "~", "6.5%左右"),
    (2019, 6.0, 6.5, "range", "6%－6.5%"),
]
CPI = [  # 居民消费价格涨幅 (2014: …涨幅控制在3.5%左右)
    (2013, 3.5, None, "~", "3.5%左右"),
    (2014, 3.5, None, "~", "3.5%左右"),
    (2015, 3.0, None, "~", "3%左右"),
    (2016, 3.0, None, "~", "3%左右"),
    (2017, 3.0, None, "~", "3%左右"),
    (2018, 3.0, None, "~", "3%左右"),
    (2019, 3.0, None, "~", "3%左右"),
]
JOBS = [  # 城镇新增就业; 2016 must not take the 十三五 goal 5000万人以上 stated before it
    (2013, 9e6, None, ">=", "900万人以上"),
    (2014, 1e7, None, ">=", "1000万人以上"),
    (2015, 1e7, None, ">=", "1000万人以上"),
    (2016, 1e7, None, ">=", "1000万人以上"),
    (2017, 1.1e7, None, ">=", "1100万人以上"),
    (2018, 1.1e7, None, ">=", "1100万人以上"),
    (2019, 1.1e7, None, ">=", "1100万人以上"),
]
CASES = (
    [("国内生产总值增长", "%", *c) for c in GDP]
    + [("居民消费价格涨幅", "%", *c) for c in CPI]
    + [("城镇新增就业", "人", *c) for c in JOBS]
)


@pytest.mark.parametrize("indicator,unit,year,value,value_max,comparator,text", CASES)
def test_series_published_targets_2013_2019(series, indicator, unit, year, value, value_max, comparator, text):
    row = _row(series, indicator, year)
    assert not row["absent"] and row["headline"]
    assert row["value"] == value
    assert (value_max is None and math.isnan(row["value_max"])) or row["value_max"] == value_max
    assert row["comparator"] == comparator
    assert row["unit"] == unit
    assert row["text"] == text
    assert row["doc_id"] == f"gov-report-{year}"
    assert text in row["sentence"]


@pytest.mark.parametrize(
    "year,text",
    [
        (2005, "8%左右"),
        (2006, "8%左右"),
        (2007, "8%左右"),
        (2008, "8%左右"),
        (2009, "8%左右"),
        (2010, "8%左右"),
        (2011, "8%左右"),
        (2012, "7.5%"),
        # before 主要预期目标 was the formula, the first plan mention wins
        # gov-report 1997 经济增长速度的调控目标定为8% (的调控目标 is key filler)
        (1997, "8%"),
        (1999, "7%左右"),
        (2003, "7%左右"),
        (2004, "7%左右"),
    ],
)
def test_series_published_gdp_targets_earlier_years(series, year, text):
    assert _row(series, "国内生产总值增长", year)["text"] == text


@pytest.mark.issue(18)
def test_series_2001_gdp_goal_is_the_tenth_five_year_plan(series):
    # gov-report 2001 (headline passage): “十五”期间年均经济增长速度预期目标为7%左右 is the
    # 2001–2005 goal, not the target of 2001, which the series took it for before periods
    assert _row(series, "国内生产总值增长", 2001, (2001, 2005))["text"] == "7%左右"


def test_series_2011_list_after_a_colon_paragraph(series):
    # gov-report 2011: 今年国民经济和社会发展的主要预期目标是：⏎国内生产总值增长8%左右；… —
    # the five-year 年均增长7% and the 十二五 4500万人 come earlier in the plan.
    assert _row(series, "国内生产总值增长", 2011)["text"] == "8%左右"
    assert _row(series, "城镇新增就业", 2011)["text"] == "900万人以上"
    assert _row(series, "居民消费价格涨幅", 2011)["text"] == "4%左右"


@pytest.mark.issue(18)
def test_series_five_year_goal_has_its_own_row(series):
    # gov-report 2016: 完善住房保障体系，城镇棚户区住房改造2000万套 (the 十三五 goal) and
    # 今年棚户区住房改造600万套: the year's target is 600万套, so compare no longer reads
    # 580万套 → 2000万套 → 600万套 (2015, 2016, 2017).
    year = _row(series, "棚户区住房改造", 2016)
    assert (year["value"], year["text"]) == (6e6, "600万套")
    goal = series[
        (series["indicator"] == "棚户区住房改造")
        & (series["year"] == 2016)
        & (series["period_end"] > series["period_start"])
    ]
    assert goal["value"].tolist() == [2e7]
    assert (goal["period_start"].iloc[0], goal["period_end"].iloc[0]) == (2016, 2020)
    # 十三五 城镇新增就业5000万人以上 beside 今年1000万人以上
    assert _row(series, "城镇新增就业", 2016, (2016, 2020))["value"] == 5e7
    annual = annual_series(series)
    values = annual[(annual["indicator"] == "棚户区住房改造") & ~annual["absent"]].set_index("year")["value"]
    assert values.loc[2015:2017].tolist() == [5.8e6, 6e6, 6e6]


@pytest.mark.issue(18)
def test_series_one_unit_per_measure(series):
    # 农村贫困人口减少1000万人以上 (2014, 2015) and 减少1000万以上 (2017–2019, no 人):
    # one series in 人, not two split by unit
    rows = series[(series["indicator"] == "农村贫困人口减少") & ~series["absent"]]
    assert set(rows["unit"]) == {"人"}
    assert set(rows.loc[rows["year"].between(2014, 2019), "value"]) == {1e7}
    present = series[~series["absent"]]
    assert (present.groupby(["issuer_slug", "indicator"])["unit"].nunique() <= 1).all()


@pytest.mark.issue(18)
def test_series_holds_only_measures(series, corpus_tables):
    # fragments such as 底线是严守, 县, 把中国人, 让最后, 一档 are keys of one sentence each
    assert series["indicator"].map(is_measure).all()
    assert not series["indicator"].isin(["底线是严守", "县", "把中国人", "让最后", "一档", "中央财政"]).any()
    fragments = corpus_tables["targets"]
    fragments = fragments[(fragments["kind"] == "target") & ~fragments["indicator"].map(is_measure)]
    assert len(fragments) > 1000  # they exist in the targets table; the series leaves them out


def test_series_absent_when_a_neighbour_names_it(series):
    # gov-report 2016 sets no trade target (进出口回稳向好); 2015 set 进出口增长6%左右.
    row = _row(series, "进出口增长", 2016)
    assert row["absent"]
    assert math.isnan(row["value"]) and row["text"] is None and row["doc_id"] == "gov-report-2016"


def test_series_one_row_per_issuer_indicator_year_period(series):
    assert not series.duplicated(["issuer_slug", "indicator", "year", "period_start", "period_end"]).any()
    assert series.loc[series["absent"], "value"].isna().all()
    assert (series["period_start"] <= series["period_end"]).all()
    assert (series["period_end"] >= series["year"]).all()


def test_series_matches_schema(series):
    assert list(series.columns) == TARGET_SERIES.names
    pa.Table.from_pandas(series, schema=TARGET_SERIES, preserve_index=False)


def test_series_is_written_by_the_run(corpus_tables, series):
    written = corpus_tables["target_series"]
    key = ["issuer_slug", "indicator", "year", "period_start", "period_end"]
    assert len(written) == len(series)

    def texts(frame):
        return frame.sort_values(key)["text"].fillna("").tolist()

    assert texts(written) == texts(series)


# ---- the rules, on small invented tables ----------------------------------------------


def _docs(*years, text="今年发展的主要预期目标是：国内生产总值增长7%左右。"):
    return pd.DataFrame(
        [
            {"doc_id": f"x-{y}", "issuer": "某市", "issuer_slug": "x", "year": y, "status": "ok", "text": text}
            for y in years
        ]
    )


def _target(doc_id, indicator, value, char_start, *, kind="target", part="plan", unit="%", **extra):
    """A targets row dated as the extractor dates it: the plan's year for a target, the year
    before for an achievement of a review (unless ``period_start``/``period_end`` are given)."""
    year = int(doc_id.rsplit("-", 1)[1])
    year = year if part == "plan" else year - 1
    row = {
        "doc_id": doc_id,
        "task_id": None,
        "section_id": None,
        "part": part,
        "text": f"{value}{unit}",
        "char_start": char_start,
        "char_end": char_start + 3,
        "sentence": "",
        "value": value,
        "value_max": None,
        "unit": unit,
        "comparator": "=",
        "subject": indicator,
        "indicator": indicator,
        "kind": kind,
        "period_start": year,
        "period_end": year,
        "headline": False,
    }
    return {**row, **extra}


GDP_KEY, JOBS_KEY, GRAIN = "国内生产总值增长", "城镇新增就业", "粮食产量"


def test_series_absent_only_next_to_a_naming_year():
    docs = _docs(2015, 2016, 2017, 2018)
    targets = pd.DataFrame(
        [
            _target("x-2015", GDP_KEY, 1.0, 0),
            _target("x-2017", GDP_KEY, 2.0, 0),
            _target("x-2015", JOBS_KEY, 1.0, 0, unit="人"),
        ]
    )
    out = build_target_series({"documents": docs, "targets": targets})
    got = {(r.indicator, r.year): r.absent for r in out.itertuples()}
    # GDP: 2016 between two naming years, 2018 after one; jobs: only 2016 neighbours 2015
    assert got == {
        (GDP_KEY, 2015): False,
        (GDP_KEY, 2016): True,
        (GDP_KEY, 2017): False,
        (GDP_KEY, 2018): True,
        (JOBS_KEY, 2015): False,
        (JOBS_KEY, 2016): True,
    }


def test_series_headline_beats_first_mention():
    text = "十三五目标增长6%。\n今年发展的主要预期目标是：增长7%左右。"
    docs = _docs(2016, text=text)
    targets = pd.DataFrame([_target("x-2016", GDP_KEY, 6.0, 7), _target("x-2016", GDP_KEY, 7.0, 23, headline=True)])
    out = build_target_series({"documents": docs, "targets": targets})
    assert out["value"].tolist() == [7.0] and out["headline"].tolist() == [True]


def test_series_review_achievements_and_fragments_never_enter():
    docs = _docs(2016)
    targets = pd.DataFrame(
        [
            _target("x-2016", GDP_KEY, 6.9, 0, kind="achievement"),
            _target("x-2016", GDP_KEY, 6.0, 5, part="review"),
            _target("x-2016", "底线是严守", 6.0, 9),
        ]
    )
    out = build_target_series({"documents": docs, "targets": targets})
    assert out.empty
    assert list(out.columns) == TARGET_SERIES.names


def test_series_reads_the_period_and_headline_columns_when_the_targets_have_them():
    # the targets table states the periods: no times table is needed, none is derived
    docs = _docs(2016, 2017)
    targets = pd.DataFrame(
        [
            _target("x-2016", JOBS_KEY, 5e7, 0, unit="人", period_start=2016, period_end=2020, headline=False),
            _target("x-2016", JOBS_KEY, 1e7, 9, unit="人", period_start=2016, period_end=2016, headline=True),
            _target("x-2017", JOBS_KEY, 1.1e7, 5, unit="人", period_start=2017, period_end=2017, headline=False),
            _target("x-2017", JOBS_KEY, 1.2e7, 1, unit="人", period_start=2016, period_end=2016, headline=False),
        ]
    )
    out = build_target_series({"documents": docs, "targets": targets})
    got = {(r.year, r.period_start, r.period_end): (r.value, r.headline) for r in out.itertuples()}
    assert got == {
        (2016, 2016, 2016): (1e7, True),
        (2016, 2016, 2020): (5e7, False),
        (2017, 2017, 2017): (1.1e7, False),
    }


def test_series_converts_amounts_to_one_unit():
    # 粮食产量 in 斤 one year and in 吨 two others: read in 吨, the unit written most often
    docs = _docs(2012, 2013, 2014)
    targets = pd.DataFrame(
        [
            _target("x-2012", GRAIN, 1.1e12, 0, unit="斤"),
            _target("x-2013", GRAIN, 5.5e8, 0, unit="吨"),
            _target("x-2014", GRAIN, 6e8, 0, unit="吨"),
        ]
    )
    rows = target_rows({"documents": docs, "targets": targets})
    chosen = plan_targets(rows)
    grain = chosen[chosen["indicator"] == GRAIN].sort_values("year")
    assert grain["value"].tolist() == [5.5e8, 5.5e8, 6e8] and set(grain["unit"]) == {"吨"}
