"""Tests for extractors/numerals.py: Arabic, Chinese and mixed numbers as the reports write them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.numerals import parse_arabic, parse_arabic_groups, parse_chinese, parse_number, to_float


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("15", "15"),  # 新开办公办幼儿园15所 (dalian-edu 2018)
        ("1,100", "1100"),
        ("6.5", "6.5"),  # 6.5%左右 (gov-report 2017)
        ("0.95", "0.95"),
        ("１９９４", "1994"),  # full-width, as the 1990s sources write them
        ("６．５", "6.5"),
    ],
)
def test_numerals_arabic(written, expected):
    assert parse_arabic(written) == Decimal(expected)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("十", "10"),
        ("十五", "15"),
        ("二十", "20"),
        ("一百二十", "120"),  # 一百二十个 (gov-report 1955)
        ("一百零五", "105"),
        ("二千零十七万", "20170000"),  # 小学二千零十七万人 (gov-report 1958): after 零, 十 is 一十
        ("一万零十五", "10015"),
        ("两千", "2000"),
        ("三千五百万", "35000000"),
        ("六万万", "600000000"),  # 六万万人 (gov-report 1954)
        ("四百二十七亿四千万", "42740000000"),
        ("一万亿", "1000000000000"),
        ("十三点四", "13.4"),  # 百分之十三点四 (gov-report 1994)
        ("二十一点一", "21.1"),
        ("一九五四", "1954"),  # digits read one by one
        ("一九五○", "1950"),  # the 1950s reports write zero as ○
    ],
)
def test_numerals_chinese(written, expected):
    assert parse_chinese(written) == Decimal(expected)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("1.3万亿", "1300000000000"),  # 1.3万亿斤 (ANNOTATION.md)
        ("1100万", "11000000"),  # 1100万人以上 (gov-report 2017)
        ("5万", "50000"),
        ("2.15万亿", "2150000000000"),  # 地方政府专项债券2.15万亿元 (gov-report 2019)
        ("百分之八十五", "85"),
        ("百分之十三点四", "13.4"),  # gov-report 1994
        ("百分之七", "7"),  # gov-report 1992
        ("13500", "13500"),
        ("十五", "15"),
    ],
)
def test_numerals_parse_number(written, expected):
    assert parse_number(written) == Decimal(expected)


@pytest.mark.parametrize(
    "written", ["", "abc", "百分之", "三五百", "十百", "五六", "十十", "1.2.3", "点五", "十三点四点五"]
)
def test_numerals_rejects_non_numbers(written):
    """Malformed numerals and 五六 (an approximation, "five or six") are not one number."""
    assert parse_number(written) is None


def test_numerals_absurdly_long_numeral_is_not_a_number():
    assert parse_chinese("九" + "亿" * 3000) is None


def test_numerals_decimal_arithmetic_is_exact():
    """1.3万亿 is exactly 1.3e12 once turned into a float (no 1299999999999.9998)."""
    assert to_float(parse_number("1.3万亿")) == 1.3e12
    assert to_float(parse_number("2.76万亿")) == 2.76e12


@settings(deadline=None)  # the machine may be busy; speed is for benchmarks
@given(st.text(max_size=30))
def test_numerals_never_raise(s):
    for fn in (parse_arabic, parse_chinese, parse_number):
        result = fn(s)
        assert result is None or isinstance(result, Decimal)


@settings(deadline=None)  # the machine may be busy; speed is for benchmarks
@given(st.text(alphabet="零〇一二两三四五六七八九十百千万亿点", max_size=12))
def test_numerals_chinese_alphabet_never_raises(s):
    result = parse_chinese(s)
    assert result is None or result >= 0


@pytest.mark.parametrize(
    ("s", "value"),
    [
        ("1万6千", 16000),
        ("2万5千", 25000),
        ("1亿3千", 100003000),
        ("12万5千", 125000),
        ("1千1万", None),
        ("1万5", None),
    ],
)
def test_parse_arabic_groups(s, value):
    """Arabic digits with place words of falling size; a rising place or a bare tail is no number."""
    got = parse_arabic_groups(s)
    assert (got if got is None else int(got)) == value
