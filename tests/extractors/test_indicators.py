"""Tests for extractors/indicators.py: subject phrases to indicator keys stable across years."""

from __future__ import annotations

import pickle

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.context import Context
from extractors.errors import DataFileError
from extractors.indicators import (
    DIRECTIONS,
    INDICATORS_FILE,
    build_table,
    indicator_direction,
    indicator_for,
    table,
)
from extractors.quantities import extract_quantities


@pytest.mark.parametrize(
    ("subject", "key"),
    [
        # one measure, several wordings, several years
        ("国内生产总值增长", "国内生产总值增长"),  # gov-report 2013..2019
        ("经济增长", "国内生产总值增长"),
        ("经济增长预期目标", "国内生产总值增长"),  # 今年经济增长预期目标定为7.5%左右 (2013)
        ("GDP增速", "国内生产总值增长"),
        ("国内生产总值比上年增长", "国内生产总值增长"),  # 1994
        ("城镇新增就业", "城镇新增就业"),
        ("城镇新增就业预期目标", "城镇新增就业"),
        ("居民消费价格涨幅", "居民消费价格涨幅"),
        ("居民消费价格涨幅控制在", "居民消费价格涨幅"),  # 2014
        ("把居民消费价格涨幅", "居民消费价格涨幅"),
        ("城镇登记失业率", "城镇登记失业率"),
        ("城镇调查失业率", "城镇调查失业率"),
        ("赤字率", "赤字率"),
        ("今年赤字率", "赤字率"),
        ("拟安排财政赤字", "财政赤字"),  # 2013–2016
        ("财政赤字", "财政赤字"),  # 2017–2019
        ("中央财政赤字", "中央财政赤字"),
        ("代地方发债", "地方财政赤字"),  # 2013 wording of the local deficit
        ("安排地方专项债券", "地方政府专项债券"),  # 2016, 2017
        ("地方政府专项债券", "地方政府专项债券"),  # 2019
        ("广义货币M2预期增长", "广义货币M2增长"),
        ("能耗强度下降", "单位国内生产总值能耗下降"),  # 2015
        ("单位国内生产总值能耗下降", "单位国内生产总值能耗下降"),
        ("今年全国财政支出", "财政支出"),
        ("零售物价上涨幅度", "零售物价涨幅"),  # 1994: a different index from the CPI
    ],
)
def test_indicators_known_measures(subject, key):
    assert indicator_for(subject) == key


@pytest.mark.parametrize(
    ("subject", "key"),
    [
        ("“送演出”到学校", "送演出到学校"),  # dalian-edu 2018: quotes dropped
        ("新开办公办幼儿园", "新开办公办幼儿园"),
        ("地方政府专项债券比去年增加", "地方政府专项债券增加"),  # a change is its own measure
        ("财政赤字比去年预算增加", "财政赤字增加"),
        ("", ""),
    ],
)
def test_indicators_derived_keys(subject, key):
    assert indicator_for(subject) == key


def test_indicators_match_the_end_of_a_subject_only():
    """服务业对经济增长贡献率 measures a share, not economic growth (gov-report 2008)."""
    assert indicator_for("服务业对经济增长贡献率") != "国内生产总值增长"


@pytest.mark.parametrize(
    ("key", "direction"),
    [
        ("城镇新增就业", "floor"),
        ("居民消费价格涨幅", "ceiling"),
        ("国内生产总值增长", "point"),
        ("城镇调查失业率", "ceiling"),
        ("赤字率", "ceiling"),
        ("新开办公办幼儿园", "floor"),
        ("送演出到学校", None),
    ],
)
def test_indicators_direction(key, direction):
    assert indicator_direction(key) == direction


def test_indicators_every_key_has_a_direction():
    assert all(ind.direction in DIRECTIONS for ind in table().indicators.values())


# The 主要预期目标 paragraphs of gov-report 2013 and 2019 (normalised text).
_MAIN_2013 = (
    "今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右，发展的协调性进一步增强；"
    "居民消费价格涨幅3.5%左右；城镇新增就业900万人以上，城镇登记失业率低于4.6%；"
)
_MAIN_2019 = (
    "今年经济社会发展的主要预期目标是：国内生产总值增长6%－6.5%；城镇新增就业1100万人以上，"
    "城镇调查失业率5.5%左右，城镇登记失业率4.5%以内；居民消费价格涨幅3%左右；"
)


def test_indicators_same_key_across_years():
    keys = {}
    for year, text in ((2013, _MAIN_2013), (2019, _MAIN_2019)):
        found = extract_quantities(text, context=Context(year=year, part="plan"))
        keys[year] = {q.indicator for q in found}
    shared = {"国内生产总值增长", "城镇新增就业", "居民消费价格涨幅", "城镇登记失业率"}
    assert shared <= keys[2013]
    assert shared <= keys[2019]


def _data():
    return yaml.safe_load(INDICATORS_FILE.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["indicators"]["赤字率"].update(direction="down"), "direction 'down'"),
        (lambda d: d["indicators"]["赤字率"]["variants"].append("经济增长"), "already names 国内生产总值增长"),
        (lambda d: d["indicators"].update({"空": {"direction": "point", "variants": ["今年"]}}), "empty"),
        (lambda d: d.update(colour=1), "expected a mapping"),
        (lambda d: d["subject"].update(middle=[]), "subject must be"),
        (lambda d: d.update(key_filler="今年"), "key_filler must be"),
    ],
)
def test_indicators_validation_errors(change, message):
    data = _data()
    change(data)
    with pytest.raises(DataFileError) as err:
        build_table(data)
    assert message in str(err.value)
    again = pickle.loads(pickle.dumps(err.value))
    assert again.problem == err.value.problem


@settings(deadline=None)  # the machine may be busy; speed is for benchmarks
@given(st.text(max_size=40))
def test_indicators_never_raise(s):
    key = indicator_for(s)
    assert isinstance(key, str)
    assert indicator_direction(key) in DIRECTIONS | {None}
