"""Regression tests of the twenty-second round on what is an amount: a voltage class before
the facility it names, the dual structure (城乡二元结构) and 一元化 are no amounts; a small count
with a half, or right after a basis per unit, is an average and counts. Sentences are from
the corpus (source in a comment) unless marked as made up to guard a rule's reach."""

from __future__ import annotations

import pytest
from report_rows import quantities


def _amounts(sentence: str, year: int = 1960, part: str = "review") -> dict[str, tuple[float, str | None, str]]:
    return {q.text: (float(q.value), q.unit, q.comparator) for q in quantities(sentence, year, part)}


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "sentence",
    [
        # pingtan-gov-report 2017 (twelfth and thirteenth audits: a voltage class in a name)
        "建成220千伏娘宫输变电站和110千伏桥锦头输变电工程、三松再生水厂、垃圾焚烧发电厂等一批项目并投入运营。",
        # gov-report 1978 (eighteenth audit), 1975
        "各级革委会要在党的一元化领导下，重视工会、贫下中农协会、共青团、妇联和其他人民团体的作用。",
        "我们必须坚决拥护党的一元化领导。",
        # gov-report 2014 (twelfth audit)
        "城镇化是现代化的必由之路，是破除城乡二元结构的重要依托。",
    ],
)
def test_classes_and_words_are_no_amounts(sentence: str) -> None:
    assert _amounts(sentence, 2014, "plan") == {}


@pytest.mark.issue(17)
def test_a_voltage_class_leaves_the_count_of_what_it_names() -> None:
    # made up: the class goes, the count of substations stays
    assert _amounts("新建110千伏变电站3座。", 2020, "plan") == {"3座": (3.0, "座", "=")}


@pytest.mark.issue(17)
def test_a_voltage_standing_alone_is_still_read() -> None:
    # made up: no facility after it, so the name pattern does not take it
    assert _amounts("电压提高到220千伏。", 2020, "plan") != {}


@pytest.mark.issue(17)
def test_averages_per_household_count() -> None:
    # gov-report 1960 (span gold heldout5, two misses before)
    got = _amounts("全国一亿二千万农户，按年底存栏数平均每户一头半，按全年饲养量平均每户两头以上，提前达到了纲要要求。")
    assert got["一头半"] == (1.5, "头", "=")
    assert got["两头以上"] == (2.0, "头", ">=")


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        # gov-report 1988: a half after a unit of its own, as before
        ("我国人均只有一亩半耕地，要适应国家建设和人民生活对农副产品的需要。", "一亩半"),
    ],
)
def test_a_half_after_a_unit(sentence: str, text: str) -> None:
    assert _amounts(sentence, 1988, "plan")[text][0] == 1.5


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "sentence",
    [
        "要建立一批示范基地，制定两个指标。",  # made up: article counts stay out
        "工期缩短了一个半月。",  # made up: 半月 is a word of its own, no half of a count
        "生产了两个半导体。",  # made up: 半导体
    ],
)
def test_small_counts_without_a_basis_or_half_stay_out(sentence: str) -> None:
    assert _amounts(sentence, 2020, "plan") == {}


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        # gov-report 1960: jieba reads 个 + 人民公社, so the word break 个人 does not hold
        ("现在已经合并改组成为二万四千多个人民公社，平均一个人民公社拥有六万四千亩耕地。", "二万四千多个", "个"),
        # gov-report 2017: 人口 is a word, the amount has no unit
        ("我国有13亿多人口，就业压力很大。", "13亿多", ""),
        # gov-report 1958: jieba cuts 六亿人|民, but 民 is only the rest of the word 人民
        ("这是关系到全国六亿人民的事情。", "六亿", ""),
    ],
)
def test_a_word_break_holds_only_where_jieba_reads_the_word(sentence: str, text: str, unit: str) -> None:
    assert _amounts(sentence, 1960)[text][1] == unit
