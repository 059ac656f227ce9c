"""Tests for extractors/units.py: the unit registry loaded from data/units.yaml."""

from __future__ import annotations

import dataclasses
import pickle
from decimal import Decimal

import pytest
import regex
import yaml

from extractors.errors import DataFileError
from extractors.units import UNITS_FILE, UnitDefinition, build_registry, load_registry, registry


def _data():
    return yaml.safe_load(UNITS_FILE.read_text(encoding="utf-8"))


def test_units_registry_loads_once():
    assert registry() is registry()
    assert registry() == load_registry()


@pytest.mark.parametrize(("word", "factor"), [("万", Decimal("1e4")), ("亿", Decimal("1e8"))])
def test_units_multipliers(word, factor):
    assert registry().factor(word) == factor


@pytest.mark.parametrize(
    ("spelling", "name", "dimension"),
    [
        ("所", "所", "count"),  # 新开办公办幼儿园15所 (dalian-edu 2018)
        ("人", "人", "people"),  # 城镇新增就业1100万人以上 (gov-report 2019)
        ("平米", "平方米", "area"),
        ("㎡", "平方米", "area"),
        ("斤", "斤", "weight"),
        ("元", "元", "money"),
        ("美元", "美元", "money"),
        ("%", "%", "percent"),
        ("个百分点", "个百分点", "percentage_point"),  # 比去年预算高0.2个百分点 (gov-report 2019)
        ("百分点", "个百分点", "percentage_point"),
        ("M", "M", "bandwidth"),  # 班均出口带宽不低于10M (dalian-edu 2018)
        ("千瓦", "千瓦", "power"),
        # the 1950s reports' spellings (gov-report 1954–1958): 一千二百万平方公尺, 瓩, 公吨
        ("平方公尺", "平方米", "area"),
        ("公尺", "米", "length"),
        ("立方公尺", "立方米", "volume"),
        ("瓩", "千瓦", "power"),
        ("公吨", "吨", "weight"),
        ("市斤", "斤", "weight"),
        ("匹马力", "马力", "power"),  # 五十四匹马力的拖拉机: not 匹, the bolts of cloth
        ("匹", "匹", "count"),
        ("度", "千瓦时", "energy"),  # 发电量三百亿度
    ],
)
def test_units_lookup_by_any_spelling(spelling, name, dimension):
    unit = registry().unit(spelling)
    assert unit is not None
    assert (unit.name, unit.dimension) == (name, dimension)


@pytest.mark.parametrize("word", ["年", "月", "日", "岁", "G"])
def test_units_dates_and_ages_are_not_units(word):
    """Numbers before 年/岁 are dates and age bands, 5G is a name (ANNOTATION.md)."""
    assert registry().unit(word) is None


def test_units_pattern_prefers_longest_spelling():
    pattern = regex.compile(registry().unit_pattern())
    assert pattern.match("个百分点").group() == "个百分点"
    assert pattern.match("人次以上").group() == "人次"
    assert pattern.match("千瓦时").group() == "千瓦时"


def test_units_multiplier_does_not_swallow_a_unit():
    """千 is a multiplier in 2千多户 but the start of 千瓦 in 16500万千瓦."""
    mult = regex.compile(registry().multiplier_pattern())
    assert mult.match("千户")
    assert not mult.match("千瓦")
    assert mult.match("万千瓦").group() == "万"


def test_units_registry_is_frozen():
    reg = registry()
    with pytest.raises(dataclasses.FrozenInstanceError):
        reg.units = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        reg.multipliers["兆"] = None  # type: ignore[index]


def test_units_definition_validates_itself():
    with pytest.raises(ValueError):
        UnitDefinition("", "count")
    with pytest.raises(ValueError):
        UnitDefinition("所", "count", aliases=("",))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["units"].append({"name": "平米2", "dimension": "areas"}), "unknown dimension 'areas'"),
        (lambda d: d["units"].append({"name": "平米", "dimension": "area"}), "already used by 平方米"),
        (lambda d: d["units"].append({"name": "万", "dimension": "count"}), "also a multiplier"),
        (lambda d: d["units"].append({"name": "件2", "dimension": "count", "colour": 1}), "colour: unknown key"),
        (lambda d: d.update(extra=1), "extra: unknown key"),
        (lambda d: d["multipliers"].update(兆="lots"), "multipliers.兆: expected a number"),
        (lambda d: d["prefix_units"].update(百分比="percent"), "unknown unit"),
        (lambda d: d["fractions"].update(分之="个"), "is not a percent unit"),
        (lambda d: d["tenths"].update(成="元"), "is not a percent unit"),
    ],
)
def test_units_validation_errors_name_file_and_problem(change, message):
    data = _data()
    change(data)
    with pytest.raises(DataFileError) as err:
        build_registry(data)
    assert message in str(err.value)
    assert str(UNITS_FILE) in str(err.value)


def test_units_errors_pickle():
    data = _data()
    data["units"].append({"name": "x", "dimension": "nowhere"})
    with pytest.raises(DataFileError) as err:
        build_registry(data)
    again = pickle.loads(pickle.dumps(err.value))
    assert (again.path, again.problem) == (err.value.path, err.value.problem)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a measure word of two parts is one unit (docs/annotation.md): 4个工作日以内, 180件次
        ("4个工作日", "个工作日"),
        ("180件次", "件次"),
        ("1.2万人次", "人次"),
    ],
)
def test_units_two_part_measure_words(text, unit):
    found = [s for s in registry().spellings_longest_first() if text.endswith(s)]
    assert registry().unit(found[0]).name == unit


def test_units_unreadable_file(tmp_path):
    bad = tmp_path / "units.yaml"
    bad.write_text("units: [\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="cannot read"):
        load_registry(bad)


@pytest.mark.parametrize(
    ("value", "unit", "to", "expected"),
    [
        # 粮食产量: gov-report 2012 稳定在1.1万亿斤以上 against 6亿吨 elsewhere
        (1.3e12, "斤", "吨", 6.5e8),
        (6.5e8, "吨", "斤", 1.3e12),
        (3.0, "公顷", "亩", 45.0),  # 12 significant digits, no float noise
        (15.0, "‰", "%", 1.5),  # 人口自然增长率控制在15.0‰以内 (pingtan-gov-report 2017)
        (2.0, "名", "人", 2.0),
        (7.5, "%", "%", 7.5),
        (1e7, "", "", 1e7),
        (5.0, "个", "人", None),  # a count of things is not a count of people
        (5.0, "", "人", None),  # no unit is not a unit: the caller decides
        (5.0, "%", "个百分点", None),  # percent and percentage points never convert
        (5.0, "公里", "平方米", None),
    ],
)
def test_units_convert(value, unit, to, expected):
    got = registry().convert(value, unit, to)
    assert got == (None if expected is None else pytest.approx(expected))


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda u: u.update(base="公斤"), "base 公斤 measures weight, not"),
        (lambda u: u.update(base="不存在"), "base '不存在' is not a unit name"),
        (lambda u: u.update(factor=-1, base="平方米"), "factor needs a base and must be positive"),
        (lambda u: u.update(factor=2), "factor needs a base"),
        (lambda u: u.update(base="平方米", factor="many"), "'many'"),
    ],
)
def test_units_conversion_errors(tmp_path, edit, problem):
    data = _data()
    acre = next(u for u in data["units"] if u["name"] == "公顷")
    acre.pop("base"), acre.pop("factor")
    edit(acre)
    path = tmp_path / "units.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_registry(path)
    assert problem in str(info.value) and str(path) in str(info.value)


def test_units_base_of_a_base_is_refused(tmp_path):
    data = _data()
    next(u for u in data["units"] if u["name"] == "公斤").update(base="斤", factor=2)
    path = tmp_path / "units.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFileError, match="has a base itself"):
        load_registry(path)


def test_the_air_quality_unit_is_a_concentration():
    """细颗粒物（PM2.5）平均浓度 is given in 微克/立方米 (a plan's air-quality target)."""
    from extractors.quantities import extract_quantities

    (q,) = extract_quantities("细颗粒物（PM2.5）平均浓度下降到35微克/立方米以下。")
    assert (q.text, q.value, q.unit, q.comparator) == ("35微克/立方米以下", 35.0, "微克/立方米", "<=")
    assert registry().unit("微克/立方米").dimension == "concentration"
