"""One amount, two spellings: a percentage written in Chinese numerals (百分之六点五, as the
older reports and many plans write them) gives the same target row as the Arabic 6.5%.

Every paragraph of the 2016–2019 reports that holds a percentage is rewritten with each
X% as 百分之<X in Chinese numerals>, and both are extracted with the same context."""

from __future__ import annotations

import pytest
import regex

from extractors.context import Context
from extractors.quantities import extract_quantities

_DIGITS = "零一二三四五六七八九"
_PERCENT = regex.compile(r"(?<![\d.])(\d{1,3})(?:\.(\d+))?%")


def _chinese(n: int) -> str:
    """0–999 in Chinese numerals as the reports write them (十二, 一百零五, 三百二十)."""
    if n < 10:
        return _DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    if rest == 0:
        return _DIGITS[hundreds] + "百"
    if rest < 10:
        return _DIGITS[hundreds] + "百零" + _DIGITS[rest]
    tens, ones = divmod(rest, 10)
    return _DIGITS[hundreds] + "百" + _DIGITS[tens] + "十" + (_DIGITS[ones] if ones else "")


def _in_chinese(m: regex.Match) -> str:
    whole = _chinese(int(m.group(1)))
    decimals = "点" + "".join(_DIGITS[int(d)] for d in m.group(2)) if m.group(2) else ""
    return "百分之" + whole + decimals


def test_chinese_percent_writer():
    assert _PERCENT.sub(_in_chinese, "增长6.5%、12%和105%") == "增长百分之六点五、百分之十二和百分之一百零五"


def _rows(text: str, context: Context):
    return [
        (q.value, q.value_max, q.unit, q.comparator, q.kind, q.subject)
        for q in extract_quantities(text, context=context)
        if q.unit == "%"
    ]


@pytest.mark.parametrize("doc_id", ["gov-report-2016", "gov-report-2017", "gov-report-2018", "gov-report-2019"])
def test_percent_in_chinese_numerals_gives_the_same_targets(normalised_texts, doc_id):
    context = Context(int(doc_id[-4:]), "plan", genre="政府工作报告")
    compared = 0
    for paragraph in normalised_texts[doc_id].split("\n"):
        if "%" not in paragraph or "一档" in paragraph:
            continue  # 6%一档: 百分之六一档 reads as 61 in either spelling's grammar
        arabic = _rows(paragraph, context)
        assert _rows(_PERCENT.sub(_in_chinese, paragraph), context) == arabic, paragraph[:60]
        compared += len(arabic)
    assert compared >= 20
