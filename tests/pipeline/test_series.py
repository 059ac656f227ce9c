"""Tests for pipeline/crossyear/series.py: one target per (issuer, indicator, year), gaps marked (#8)."""

from __future__ import annotations

import math

import pandas as pd
import pyarrow as pa
import pytest

from pipeline.tables.schemas import TARGET_SERIES
from pipeline.crossyear.series import build_target_series, choose_targets


@pytest.fixture(scope="module")
def series(corpus_tables) -> pd.DataFrame:
    return build_target_series(corpus_tables)


def _row(series, indicator, year) -> pd.Series:
    rows = series[(series["issuer_slug"] == "gov-report") & (series["indicator"] == indicator)
                  & (series["year"] == year)]
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
CASES = ([("国内生产总值增长", "%", *c) for c in GDP] + [("居民消费价格涨幅", "%", *c) for c in CPI]
         + [("城镇新增就业", "人", *c) for c in JOBS])


@pytest.mark.parametrize("indicator,unit,year,value,value_max,comparator,text", CASES)
def test_series_published_targets_2013_2019(series, indicator, unit, year, value, value_max,
                                            comparator, text):
    row = _row(series, indicator, year)
    assert not row["absent"]
    assert row["value"] == value
    assert (value_max is None and math.isnan(row["value_max"])) or row["value_max"] == value_max
    assert row["comparator"] == comparator
    assert row["unit"] == unit
    assert row["text"] == text
    assert row["doc_id"] == f"gov-report-{year}"
    assert text in row["sentence"]


@pytest.mark.parametrize("year,text", [
    (2005, "8%左右"), (2006, "8%左右"), (2007, "8%左右"), (2008, "8%左右"), (2009, "8%左右"),
    (2010, "8%左右"), (2011, "8%左右"), (2012, "7.5%"),
    # before 主要预期目标 was the formula, the first plan mention wins
    # gov-report 1997 经济增长速度的调控目标定为8% (的调控目标 is key filler)
    (1997, "8%"),
    # (2001's 7%左右 is the “十五” goal, 年均 over 2001–2005: a five-year goal, no annual
    # target, so the series has no 2001 row since targets carry their period, issue 17)
    (1999, "7%左右"), (2003, "7%左右"), (2004, "7%左右"),
])
def test_series_published_gdp_targets_earlier_years(series, year, text):
    assert _row(series, "国内生产总值增长", year)["text"] == text


def test_series_2011_list_after_a_colon_paragraph(series):
    # gov-report 2011: 今年国民经济和社会发展的主要预期目标是：⏎国内生产总值增长8%左右；… —
    # the five-year 年均增长7% and the 十二五 4500万人 come earlier in the plan.
    assert _row(series, "国内生产总值增长", 2011)["text"] == "8%左右"
    assert _row(series, "城镇新增就业", 2011)["text"] == "900万人以上"
    assert _row(series, "居民消费价格涨幅", 2011)["text"] == "4%左右"


def test_series_absent_when_a_neighbour_names_it(series):
    # gov-report 2016 sets no trade target (进出口回稳向好); 2015 set 进出口增长6%左右.
    row = _row(series, "进出口增长", 2016)
    assert row["absent"]
    assert math.isnan(row["value"]) and row["text"] is None and row["doc_id"] == "gov-report-2016"


def test_series_one_row_per_issuer_indicator_year(series):
    assert not series.duplicated(["issuer_slug", "indicator", "year"]).any()
    assert set(series.loc[~series["absent"], "indicator"]).isdisjoint({"", None})
    assert series.loc[series["absent"], "value"].isna().all()


def test_series_matches_schema(series):
    assert list(series.columns) == TARGET_SERIES.names
    pa.Table.from_pandas(series, schema=TARGET_SERIES, preserve_index=False)


def test_series_is_written_by_the_run(corpus_tables, series):
    written = corpus_tables["target_series"]
    key = ["issuer_slug", "indicator", "year"]
    assert len(written) == len(series)
    def texts(frame):
        return frame.sort_values(key)["text"].fillna("").tolist()

    assert texts(written) == texts(series)


# ---- the rules, on small invented tables ----------------------------------------------

def _docs(*years, text="今年发展的主要预期目标是：国内生产总值增长7%左右。"):
    return pd.DataFrame([{"doc_id": f"x-{y}", "issuer": "某市", "issuer_slug": "x", "year": y,
                          "status": "ok", "text": text} for y in years])


def _target(doc_id, indicator, value, char_start, *, kind="target", part="plan"):
    return {"doc_id": doc_id, "task_id": None, "section_id": None, "part": part,
            "text": f"{value}%", "char_start": char_start, "char_end": char_start + 3,
            "sentence": "", "value": value, "value_max": None, "unit": "%", "comparator": "=",
            "subject": indicator, "indicator": indicator, "kind": kind}


def test_series_absent_only_next_to_a_naming_year():
    docs = _docs(2015, 2016, 2017, 2018)
    targets = pd.DataFrame([_target("x-2015", "a", 1.0, 0), _target("x-2017", "a", 2.0, 0),
                            _target("x-2015", "b", 1.0, 0)])
    out = build_target_series({"documents": docs, "targets": targets})
    got = {(r.indicator, r.year): r.absent for r in out.itertuples()}
    # a: 2016 between two naming years, 2018 after one; b: only 2016 neighbours 2015
    assert got == {("a", 2015): False, ("a", 2016): True, ("a", 2017): False, ("a", 2018): True,
                   ("b", 2015): False, ("b", 2016): True}


def test_series_headline_paragraph_beats_first_mention():
    text = "十三五目标增长6%。\n今年发展的主要预期目标是：增长7%左右。"
    docs = _docs(2016, text=text)
    targets = pd.DataFrame([_target("x-2016", "g", 6.0, 7), _target("x-2016", "g", 7.0, 23)])
    assert choose_targets(targets, docs)["value"].tolist() == [7.0]


def test_series_review_and_achievements_never_enter():
    docs = _docs(2016)
    targets = pd.DataFrame([_target("x-2016", "g", 6.9, 0, kind="achievement"),
                            _target("x-2016", "g", 6.0, 5, part="review")])
    out = build_target_series({"documents": docs, "targets": targets})
    assert out.empty
    assert list(out.columns) == TARGET_SERIES.names
