"""Regression tests of the twenty-first round (twenty-second audit, development half) on kind
and period: a stock put to use and the whole nation are facts; what held through a run of
years spans them. Sentences are from the corpus (source in a comment) unless marked as made up
to guard a rule's reach."""

from __future__ import annotations

import pytest
from report_rows import periods
from report_rows import row as _row


def _kind(sentence: str, year: int, text: str) -> str:
    return _row(sentence, year, "plan", text)[3]


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "year", "text"),
    [
        # gov-report 2016
        ("完善政府和社会资本合作模式，用好1800亿元引导基金，依法严格履行合同。", 2016, "1800亿元"),
        # pingtan-gov-report 2023: a place name between
        ("发展新兴海运服务业，用好平潭近600万载重吨“运力池”，推动建设航运服务平台。", 2023, "近600万载重吨"),
        # gov-report 2011: the whole nation, though the object of 解决
        ("解决13亿中国人的吃饭问题始终是头等大事，任何时候都不能掉以轻心。", 2011, "13亿"),
    ],
)
def test_a_stock_put_to_use_and_the_whole_nation_are_facts(sentence, year, text):
    assert _kind(sentence, year, text) == "fact"


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("今年再解决6000万农村人口的饮水安全问题。", "6000万"),  # gov-report 2009 alike: people served
        ("用好新增3亿元专项资金。", "3亿元"),  # made up: what is newly made is no stock
    ],
)
def test_people_served_and_new_money_put_to_use_stay_targets(sentence, text):
    assert _kind(sentence, 2016, text) == "target"


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "text", "subject"),
    [
        # gov-report 2008
        ("坚持把增加就业作为优先目标，五年城镇新增就业4500万人。", "4500万人", "城镇新增就业"),
        # gov-report 1955
        ("在运输交通方面：两年铁路的货物周转量增长百分之五十五。", "百分之五十五", "铁路的货物周转量增长"),
    ],
)
def test_a_count_of_years_opening_a_subject_is_its_period(sentence, text, subject):
    assert _row(sentence, 2008, "review", text)[1] == subject


def _period(sentence: str, year: int, text: str) -> tuple[int | None, int | None]:
    return periods(sentence, year)[text]


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "year", "text", "period"),
    [
        (
            "经济增长连续四年达到或略高于10%，没有出现明显通货膨胀。",
            2007,
            "达到或略高于10%",
            (2003, 2006),
        ),  # gov-report 2007
        (
            "连续十年每年植树造林1000万株以上，森林覆盖率提升至38.85%。",
            2021,
            "1000万株以上",
            (2011, 2020),
        ),  # pingtan 2021
    ],
)
def test_what_held_through_a_run_of_years_spans_them(sentence, year, text, period):
    assert _period(sentence, year, text) == period


@pytest.mark.issue(17)
def test_the_nth_year_of_a_run_is_that_year():
    """gov-report 2011: 连续第7年 counts this year, the figure is the year reviewed's."""
    assert _period("连续第7年提高企业退休人员基本养老金，全年人均增加1680元。", 2011, "1680元") == (2010, 2010)
