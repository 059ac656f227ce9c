"""Regression tests of the twenty-fifth round on period: a change turned into another is of the
year it turned from; a past time that bounds the things named after it frames nothing; a rate
of a level reached in a review of several years is the last year's. Sentences are from the
corpus (source in a comment) unless marked as made up to guard a rule's reach."""

from __future__ import annotations

import pytest
from report_rows import periods, row

REVIEW_2016 = "一、2016年工作回顾"
FIVE_YEARS = "一、过去五年工作回顾"


@pytest.mark.issue(17)
def test_a_change_turned_into_another_is_of_the_year_it_turned_from():
    # gov-report 2017
    p = periods("工业企业利润由上年下降2.3%转为增长8.5%，单位国内生产总值能耗下降5%。", 2017, heading=REVIEW_2016)
    assert p["2.3%"] == (2015, 2015)
    assert p["8.5%"] == p["5%"] == (2016, 2016)
    # gov-report 2007: a span shared one year each among as many amounts, in order
    p = periods(
        "2006年，单位国内生产总值能耗由前三年分别上升4.9%、5.5%、0.2%，转为下降1.2%；"
        "化学需氧量、二氧化硫排放量由上年分别增长5.6%和13.1%，减为增长1.2%和1.8%。",
        2007,
        heading="一、2006年工作回顾",
    )
    assert [p[x] for x in ("4.9%", "5.5%", "0.2%")] == [(2003, 2003), (2004, 2004), (2005, 2005)]
    assert p["5.6%"] == p["13.1%"] == (2005, 2005)
    assert p["1.2%"] == p["1.8%"] == (2006, 2006)
    # made up, as gov-report 1980: a turn to a level starts from the year after 由 too
    p = periods("积累率由2015年的36.5%，降为33.6%。", 2017, heading=REVIEW_2016)
    assert p["36.5%"] == (2015, 2015)


@pytest.mark.issue(17)
def test_a_span_not_shared_out_and_a_change_without_a_turn_keep_the_year_reviewed():
    # made up: one amount for three years cannot be one of them; no turn, no year turned from
    p = periods("2006年，单位国内生产总值能耗由前三年上升4.9%，转为下降1.2%。", 2007, heading="一、2006年工作回顾")
    assert p["4.9%"] != (2003, 2003)
    assert periods("工业企业利润由上年增长2.3%。", 2017, heading=REVIEW_2016)["2.3%"] == (2016, 2016)


@pytest.mark.issue(17)
def test_a_past_time_bounding_the_things_named_after_it_frames_nothing():
    # gov-report 2003: the regulations are those issued before 2000; the clean-up is of the five years
    p = periods(
        "适应发展社会主义市场经济和加入世贸组织的要求，对2000年底以前发布的756件行政法规进行全面清理，"
        "废止71件，宣布失效80件。",
        2003,
        heading=FIVE_YEARS,
    )
    assert p["71件"] == p["80件"] == (1998, 2002)
    # made up: a later one is the deadline of what the clause plans
    p = periods("五年内施工的建设项目，计划在2025年底以前全部建成的400个。", 2023, part="plan")
    assert p["400个"][1] == 2025


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "year", "text", "period"),
    [
        # gov-report 2016: a rate of a level (参保) reached is the last year's
        ("基本医疗保险实现全覆盖，基本养老保险参保率超过80%。", 2016, "超过80%", (2015, 2015)),
        # made up: a rate of a flow over the years is their average
        ("科技进步贡献率超过55%。", 2016, "超过55%", (2011, 2015)),
        # gov-report 2018: a level held through the years spans them
        ("坚持教育优先发展，财政性教育经费占国内生产总值比例持续超过4%。", 2018, "超过4%", (2013, 2017)),
        # made up, as gov-report 1978: a yearly average reached is over the years, like the one
        # it carries on
        ("粮食产量平均每年的增长速度都在4.3%以上，高的达到5.5%。", 2016, "5.5%", (2011, 2015)),
    ],
)
def test_a_rate_of_a_level_reached_in_a_review_of_years_is_the_last_years(sentence, year, text, period):
    assert periods(sentence, year, heading=FIVE_YEARS)[text] == period


def _kind(sentence: str, text: str, year: int = 2017) -> str:
    return row(sentence, year, "review", text)[3]


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("对照省和平潭自贸片区实施方案，180项重点试验任务已实施144项。", "180项"),  # pingtan-gov-report 2017
        ("410个“两基”攻坚县已有317个县实现目标。", "410个"),  # gov-report 2007
        ("列入第六个五年计划的六十五种主要产品的产量，到1984年已有四十三种提前达到1985年的指标。", "六十五种"),  # 1985
    ],
)
def test_the_whole_a_part_already_done_is_taken_of_is_a_fact(sentence, text):
    assert _kind(sentence, text) == "fact"


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("新建学校100所，已建成80所。", "100所"),  # made up: what was to be built, after its verb
        ("除了17个项目已经完工，12个项目已经部分地投入生产以外，本年又有5个项目开工。", "12个"),  # made up, as 1956
    ],
)
def test_a_count_done_or_one_far_from_the_next_is_no_whole(sentence, text):
    assert _kind(sentence, text) != "fact"


@pytest.mark.issue(17)
def test_a_current_word_before_a_level_reached_so_far_makes_no_fact():
    # gov-report 2013 (plan part): the level reached so far is a result
    sentence = "目前我国年度财政性教育经费支出总额已经超过2万亿元，今后还要继续增加。"
    assert row(sentence, 2013, "plan", "超过2万亿元")[3] == "achievement"
    # made up: the rate in force that a measure then changes stays a fact
    assert row("将现行16%的税率降至13%。", 2019, "plan", "16%")[3] == "fact"


@pytest.mark.issue(17)
def test_a_manner_word_left_at_the_end_of_a_key_is_dropped():
    # gov-report 2018: 持续 belongs to the verb after the amount (持续超过4%)
    sentence = "坚持教育优先发展，财政性教育经费占国内生产总值比例持续超过4%。"
    subject, indicator = row(sentence, 2018, "review", "超过4%")[1:3]
    assert subject.endswith("持续")  # the subject keeps the source words
    assert not indicator.endswith("持续") and indicator.endswith("比例")


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "year", "text"),
    [
        ("从今天起，到1997年7月1日我国对香港恢复行使主权，只有849天了。", 1995, "849天"),  # gov-report 1995
        ("现在，离香港回归祖国只有122天了，各项准备工作正在有条不紊地进行。", 1997, "122天"),  # 1997
    ],
)
def test_the_time_left_until_a_day_is_a_fact(sentence, year, text):
    assert row(sentence, year, "plan", text)[3] == "fact"


@pytest.mark.issue(17)
def test_a_duration_still_to_be_used_stays_a_target():
    # made up: no 了 after it, the days are what the plan allows
    assert row("还有30天完成全部工程。", 2020, "plan", "30天")[3] == "target"


@pytest.mark.issue(17)
def test_the_year_a_goal_was_set_frames_nothing_after_it():
    # gov-report 2007: what was repaid is the year reviewed's, not the year the goal was set
    p = periods(
        "2004年我们提出用三年时间基本解决建设领域历史上拖欠工程款和农民工工资的问题，这项工作基本完成，"
        "各地已偿还拖欠工程款1834亿元，占历史拖欠的98.6%。",
        2007,
        heading="一、2006年工作回顾",
    )
    assert p["1834亿元"] == p["98.6%"] == (2006, 2006)
    # made up: a year that dates what was given still frames it
    p = periods("2004年安排中央投资100亿元，支持农村饮水安全工程。", 2007, heading="一、过去五年工作回顾")
    assert p["100亿元"] == (2004, 2004)


@pytest.mark.issue(17)
def test_a_funds_balance_in_a_review_of_years_is_the_last_years():
    # gov-report 2003: what a fund has accumulated is where it stands at the end
    assert periods("建立了全国社会保障基金，已积累资金1242亿元。", 2003, heading=FIVE_YEARS)["1242亿元"] == (2002, 2002)
    # made up: what it took in over the years spans them
    assert periods("全国社会保障基金五年累计筹集资金1242亿元。", 2003, heading=FIVE_YEARS)["1242亿元"] == (1998, 2002)


@pytest.mark.issue(17)
def test_how_firmly_a_line_is_held_leaves_the_measure():
    # gov-report 2009: the red line of arable land keeps its one key across the years
    sentence = "坚持和落实最严格的耕地保护制度和最严格的节约用地制度，严守18亿亩耕地红线不动摇。"
    subject, indicator = row(sentence, 2009, "plan", "18亿亩")[1:3]
    assert not subject.endswith("不动摇")
    assert indicator == "耕地保有量"


@pytest.mark.issue(17)
def test_the_unit_a_rate_is_per_stands_between_a_year_and_its_amount():
    # gov-report 2013 (tenth audit): 人均每月 between 2004年 and the level it dates is read
    # through, so the change starts from 2004, not from the year before the five reviewed
    p = periods("企业退休人员基本养老金从2004年人均每月700元提高到现在的1721元。", 2013, heading=FIVE_YEARS)
    assert p["700元"] == (2004, 2004)
    assert p["1721元"] == (2012, 2012)
    # made up: without the year the start is still the year before the period
    p = periods("企业退休人员基本养老金从人均每月700元提高到现在的1721元。", 2013, heading=FIVE_YEARS)
    assert p["700元"] == (2007, 2007)


@pytest.mark.issue(17)
def test_a_share_held_every_year_runs_over_the_years_reviewed():
    # pingtan-gov-report 2021 (sheet heldout7, in-sample): 每年…都占…70%以上 holds in every
    # year of the five reviewed, like 持续超过4%, so it is not the last year's level
    p = periods("每年财政用于改善民生资金都占一般公共预算支出的70%以上，累计达到350亿元。", 2021, heading=FIVE_YEARS)
    assert p["70%以上"] == (2016, 2020)
    # made up: a share reached, with no word of every year, is the last year's
    p = periods("财政用于改善民生资金占一般公共预算支出的比重达到70%以上。", 2021, heading=FIVE_YEARS)
    assert p["70%以上"] == (2020, 2020)


@pytest.mark.issue(17)
def test_a_deadline_frames_its_own_sentence_in_a_plan():
    # gov-report 2009: 到明年底 is the deadline of the road works, not of the water and biogas
    # targets of the next sentence, which are this year's
    p = periods(
        "到明年底，基本实现全国乡镇和东中部地区具备条件的建制村道路硬化，西部地区具备条件的建制村通公路。"
        "再解决6000万人安全饮水问题，增加500万沼气用户。",
        2009,
        part="plan",
    )
    assert p["6000万人"] == p["500万"] == (2009, 2009)
    # gov-report 2017: 于2020年完成 dates the west's power plants only
    p = periods(
        "加大燃煤电厂超低排放和节能改造力度，东中部地区要分别于今明两年完成，西部地区于2020年完成。"
        "对所有重点工业污染源实行24小时在线监控，确保监控质量。",
        2017,
        part="plan",
    )
    assert p["24小时"] == (2017, 2017)
    # a deadline still dates the amounts of its own sentence
    p = periods("到2020年，森林覆盖率达到23%。", 2017, part="plan")
    assert p["23%"][1] == 2020
