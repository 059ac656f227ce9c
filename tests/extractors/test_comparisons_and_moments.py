"""Regression tests of the twenty-third round on period (in-sample: rows of the development
audits): a comparison of two years that opens a sentence frames the sentences after it as a
comparison; a moment dating its own sentence's levels frames no sentence after it; a later
item of a list of levels reached shares the word before the first; a size (规模) reached is a
level; a time opening a later clause is no cue of an amount before it; in a review, things
counted after 有 that act are no stock. Sentences are from the corpus (source in a comment) unless marked as made up to guard a
rule's reach."""

from __future__ import annotations

import pytest
from report_rows import periods

from extractors.context import Context
from extractors.quantities import extract_quantities


@pytest.mark.issue(17)
def test_a_comparison_of_two_years_frames_the_sentences_after_it() -> None:
    # gov-report 1993 (the review of 1988–1992)
    got = periods(
        "1992年同1987年相比，钢产量增长百分之四十二，达到8000万吨。交通运输和邮电通信有新的发展。"
        "铁路货运周转量增长百分之二十三，达到11620亿吨公里；城乡电话总容量增长1.1倍，达到2860万门。"
        "城乡居民储蓄大幅度增加。城镇新建居民住宅9.2亿平方米，农村新建住房36亿平方米。",
        1993,
    )
    assert got["百分之四十二"] == (1988, 1992)  # its own sentence, as before
    assert got["百分之二十三"] == (1988, 1992)  # a change over the years compared
    assert got["1.1倍"] == (1988, 1992)
    assert got["11620亿吨公里"] == (1992, 1992)  # the level reached is the later year's
    assert got["2860万门"] == (1992, 1992)
    assert got["9.2亿平方米"] == (1988, 1992)  # what was built in those years
    assert got["36亿平方米"] == (1988, 1992)


@pytest.mark.issue(17)
def test_a_single_year_opening_a_sentence_still_frames_the_next_as_that_year() -> None:
    # made up: no comparison, so the year stays the frame of the sentence after it
    got = periods("1992年，国民生产总值接近24000亿元。铁路货运周转量增长百分之三，达到11620亿吨公里。", 1993)
    assert got["百分之三"] == (1992, 1992)


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("text", "year", "heading", "expected"),
    [
        # gov-report 2013, under the heading of the review of 2008–2012: a moment dating its own
        # levels frames no later sentence
        (
            "2012年底，城镇和农村人均住房面积32.9平方米、37.1平方米。旅游、文化消费大幅增加。"
            "服务业增加值占国内生产总值比重提高2.7个百分点，成为吸纳就业最多的产业。",
            2013,
            "一、过去五年工作回顾",
            {"32.9平方米": (2012, 2012), "2.7个百分点": (2008, 2012)},
        ),
        # gov-report 1959: a moment with no amount of its own only sets the scene, so 一九五四年
        # still dates the next sentence's levels
        (
            "当一九五四年第一届全国人民代表大会第一次会议召开的时候，我国社会主义经济已经居于主导的地位。"
            "农村中参加农业劳动互助组的农户达到了百分之六十左右，组成农业生产合作社的农户还只占农户总数的百分之二左右。",
            1959,
            "一、第一个五年计划时期内和第二个五年计划的第一年——一九五八年的伟大成就",
            {"百分之二左右": (1954, 1954)},
        ),
    ],
)
def test_a_moment_frames_later_sentences_only_when_it_sets_the_scene(text, year, heading, expected) -> None:
    got = periods(text, year, heading=heading)
    assert {k: got[k] for k in expected} == expected


@pytest.mark.issue(17)
def test_a_later_item_of_a_list_of_levels_reached_is_the_last_years() -> None:
    # pingtan-gov-report 2017, in its five-year review
    got = periods("五年来，持续实施防护林带和园林景观绿化工程，森林覆盖率、绿化率分别提高到35.8%、35.6%。", 2017)
    assert got["35.8%"] == (2016, 2016)
    assert got["35.6%"] == (2016, 2016)
    # made up: a later item of a list of changes stays a change over the years
    got = periods("五年来，森林覆盖率、绿化率分别提高3.5个、3.6个百分点。", 2017)
    assert got["3.6个百分点"] == (2012, 2016)


@pytest.mark.issue(17)
def test_a_size_reached_in_a_review_of_several_years_is_the_last_years() -> None:
    # gov-report 2008, in the review of 2003–2007
    got = periods("普通高等教育本科生和研究生规模达到1144万人。", 2008, heading="一、过去五年工作回顾")
    assert got["1144万人"] == (2007, 2007)
    # gov-report 2016: people newly employed over the five years stay a sum over them
    got = periods("城镇新增就业人数超过6400万人。", 2016, heading="一、“十二五”时期经济社会发展取得重大成就")
    assert got["超过6400万人"] == (2011, 2015)


@pytest.mark.issue(17)
def test_a_time_opening_a_later_clause_is_no_cue_of_an_amount_before_it():
    # gov-report 1980 (delivered late in 1980; heldout20 gold, in-sample): 今年 opens the next
    # clause and speaks of it, so the 1979 figure stays a result
    context = Context(year=1980, part="plan", genre="政府工作报告", plan_year=1981)
    found = extract_quantities("1979年重工业总产值比上年增长7.7%，今年上半年又比去年同期增长6%。", context=context)
    assert [(q.text, q.kind, q.period_start) for q in found] == [
        ("7.7%", "achievement", 1979),
        ("6%", "achievement", 1980),
    ]
    # made up: a commitment of its own clause is still a target
    found = extract_quantities("今年重工业总产值要比上年增长7%，明年上半年再增长6%。", context=context)
    assert [q.kind for q in found] == ["target", "target"]


@pytest.mark.issue(17)
def test_in_a_review_things_counted_after_you_that_act_are_no_stock():
    # gov-report 2008, in the review of 2003–2007: what happened over the years reviewed
    got = periods(
        "探索建立公众有序参与政府立法的机制和制度，有15部法律草案和行政法规草案向社会公开征求意见。",
        2008,
        heading="一、过去五年工作回顾",
    )
    assert got["15部"] == (2003, 2007)
    # made up: a stock described stays the last year's
    got = periods("全国有七十四万多个高级农业生产合作社。", 2008, heading="一、过去五年工作回顾")
    assert got["七十四万多个"] == (2007, 2007)
