"""Tests for extractors/times.py: explicit times as inclusive date spans with a role."""

from __future__ import annotations

import json
import pickle
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import language_data as ld
from extractors.context import Context
from extractors.errors import DataFileError
from extractors.times import TIME_WORDS, build_time_words, extract_times, load_time_words

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"

D = date.fromisoformat


def _times(text: str, year: int | None, part: str = "plan"):
    return [
        (r.text, r.start and r.start.isoformat(), r.end and r.end.isoformat(), r.granularity, r.role)
        for r in extract_times(text, context=Context(year=year, part=part))
    ]


# (sentence, document year, part, [(text, start, end, granularity, role), ...])
CASES = [
    # dalian-edu 2018
    ("2018年工作要点", 2018, "other", [("2018年", "2018-01-01", "2018-12-31", "year", "period")]),
    (
        "超前谋划大连教育2035年、2050年发展蓝图,启动编制《大连教育现代化2035》。",
        2018,
        "plan",
        [
            ("2035年", "2035-01-01", "2035-12-31", "year", "horizon"),
            ("2050年", "2050-01-01", "2050-12-31", "year", "horizon"),
        ],
    ),
    (
        "扎实推进大连教育“十三五”规划实施,开展中期评估。",
        2018,
        "plan",
        [("“十三五”", "2016-01-01", "2020-12-31", "year", "period")],
    ),
    (
        "确保2018年实现义务教育阶段学校基本消除66人以上超大班额目标。",
        2018,
        "plan",
        [("2018年", "2018-01-01", "2018-12-31", "year", "deadline")],
    ),
    (
        "2018年底,每个区市县至少要建设2个示范性资源教室(花园口、长兴岛除外);",
        2018,
        "plan",
        [("2018年底", "2018-12-01", "2018-12-31", "month", "deadline")],
    ),
    ("扎实实施《大连市第三期学前教育行动计划(2017-2020年)》。", 2018, "plan", []),
    ("深入落实《3-6岁儿童学习与发展指南》,规范幼儿园课程管理。", 2018, "plan", []),
    ("开展改革开放40周年纪念活动。", 2018, "plan", []),
    ("实施薄弱学校改造三年行动计划,采取“一校一案”精准改造薄弱学校", 2018, "plan", []),
    ("评选第三批大连市中小学美育特色学校。", 2018, "plan", []),
    # gov-report 2019
    (
        "对拖欠企业的款项年底前要清偿一半以上",
        2019,
        "plan",
        [("年底前", "2019-12-01", "2019-12-31", "month", "deadline")],
    ),
    (
        "今年赤字率拟按2.8%安排，比去年预算高0.2个百分点",
        2019,
        "plan",
        [("今年", "2019-01-01", "2019-12-31", "year", "period"), ("去年", "2018-01-01", "2018-12-31", "year", "point")],
    ),
    (
        "对招用农村贫困人口、城镇登记失业半年以上人员的各类企业，三年内给予定额税费减免。",
        2019,
        "plan",
        [("三年内", "2019-01-01", "2021-12-31", "year", "period")],
    ),
    # gov-report 2016
    (
        "到2020年国内生产总值和城乡居民人均收入比2010年翻一番，“十三五”时期经济年均增长保持在6.5%以上。",
        2016,
        "plan",
        [
            ("2020年", "2020-01-01", "2020-12-31", "year", "deadline"),
            ("2010年", "2010-01-01", "2010-12-31", "year", "point"),
            ("“十三五”", "2016-01-01", "2020-12-31", "year", "period"),
        ],
    ),
    (
        "一是全面实施营改增，从5月1日起，将试点范围扩大到建筑业",
        2016,
        "plan",
        [("5月1日", "2016-05-01", "2016-05-01", "day", "point")],
    ),
    (
        "今后五年，单位国内生产总值用水量、能耗、二氧化碳排放量分别下降23%、15%、18%",
        2016,
        "plan",
        [("今后五年", "2016-01-01", "2020-12-31", "year", "period")],
    ),
    (
        "2015年是“十二五”收官之年。过去五年，我国发展成就举世瞩目",
        2016,
        "review",
        [
            ("2015年", "2015-01-01", "2015-12-31", "year", "period"),
            ("“十二五”", "2011-01-01", "2015-12-31", "year", "period"),
            ("过去五年", "2011-01-01", "2015-12-31", "year", "period"),
        ],
    ),
    ("深化司法体制改革，开展法治宣传教育，启动实施“七五”普法规划", 2016, "plan", []),
    # 近N年 counts back like 过去N年 (gov-report 2008, 1987: held-out sets two and three, in-sample
    # since); 将近两年 and 接近三年 are durations, 最近三年 may look ahead, 近几年 is vague
    (
        "近两年，又提出并实施节能减排综合性工作方案",
        2008,
        "review",
        [("近两年", "2006-01-01", "2007-12-31", "year", "period")],
    ),
    ("根据近八年的经济建设经验", 1987, "review", [("近八年", "1979-01-01", "1986-12-31", "year", "period")]),
    ("草案公布以后将近两年，接近三年，最近三年，近几年", 1960, "review", []),
    # N年 after the measure and before a total or change counts back in a review (粮食两年增长;
    # 存款余额五年增长: in-sample, gov-report 1960, 2001); not 每两年, 头两年, 第一个五年合计,
    # nor in a plan, nor before other words (两年之内)
    (
        "粮食两年增长百分之四十六，棉花两年增长百分之四十七",
        1960,
        "review",
        [
            ("两年", "1958-01-01", "1959-12-31", "year", "period"),
            ("两年", "1958-01-01", "1959-12-31", "year", "period"),
        ],
    ),
    ("城乡居民储蓄存款余额五年增长1倍多", 2001, "review", [("五年", "1996-01-01", "2000-12-31", "year", "period")]),
    ("评比每两年增加一次，头两年增长较慢，第一个五年合计将达到一千六百三十万吨", 1957, "review", []),
    ("粮食两年增长百分之十", 2016, "plan", []),
    # 用N年时间 counts on from the plan year in a plan part (gov-report 2008, 2009: held-out set
    # two, in-sample); in a review it is a duration planned once, no time of this text
    (
        "争取用三年时间，解决750万户城市低收入住房困难家庭的住房问题",
        2009,
        "plan",
        [("用三年", "2009-01-01", "2011-12-31", "year", "period")],
    ),
    ("我们提出用三年时间基本解决", 2004, "review", []),
    # an ordinal century is its hundred years, a horizon ahead (gov-report 1984, 1995: held-out
    # sets three and four, in-sample since); 21世纪海上丝绸之路 is a programme's name
    ("中日两国领导人着眼于二十一世纪", 1984, "plan", [("二十一世纪", "2001-01-01", "2100-12-31", "year", "horizon")]),
    ("丝绸之路经济带和21世纪海上丝绸之路", 2015, "plan", []),
    # gov-report 2017: a review part counts 全年/上年/年末 from the year under review
    (
        "全年城镇新增就业1314万人，年末城镇登记失业率4.02%",
        2017,
        "review",
        [
            ("全年", "2016-01-01", "2016-12-31", "year", "period"),
            ("年末", "2016-12-01", "2016-12-31", "month", "point"),
        ],
    ),
    ("工业企业利润由上年下降2.3%转为增长8.5%", 2017, "review", [("上年", "2015-01-01", "2015-12-31", "year", "point")]),
    (
        "燃煤锅炉，东中部地区要分别于今明两年完成，西部地区于2020年完成。",
        2017,
        "plan",
        [
            ("今明两年", "2017-01-01", "2018-12-31", "year", "deadline"),
            ("2020年", "2020-01-01", "2020-12-31", "year", "deadline"),
        ],
    ),
    (
        "——2017年3月5日在第十二届全国人民代表大会第五次会议上",
        2017,
        "other",
        [("2017年3月5日", "2017-03-05", "2017-03-05", "day", "point")],
    ),
    # gov-report 2015: 未来五年 is the plan that starts next year
    (
        "做好“十三五”规划纲要编制工作，谋划好未来五年的发展蓝图。",
        2015,
        "plan",
        [
            ("“十三五”", "2016-01-01", "2020-12-31", "year", "period"),
            ("未来五年", "2016-01-01", "2020-12-31", "year", "period"),
        ],
    ),
    (
        "2005年底前注册营运的黄标车今年要全部淘汰。",
        2015,
        "plan",
        [
            ("2005年底前", "2005-12-01", "2005-12-31", "month", "deadline"),
            ("今年", "2015-01-01", "2015-12-31", "year", "period"),
        ],
    ),
    # gov-report 2013
    (
        "资本充足率从2007年底的8.4%提升到去年底的13.3%",
        2013,
        "review",
        [
            ("2007年底", "2007-12-01", "2007-12-31", "month", "point"),
            ("去年底", "2012-12-01", "2012-12-31", "month", "point"),
        ],
    ),
    (
        "补贴资金从2007年的639亿元增加到2012年的1923亿元",
        2013,
        "review",
        [
            ("2007年", "2007-01-01", "2007-12-31", "year", "point"),
            ("2012年", "2012-01-01", "2012-12-31", "year", "point"),
        ],
    ),
    # gov-report 2014: 年内 (JioNLP rejects it)
    (
        "完善准入退出机制，年内基本建成保障房480万套",
        2014,
        "plan",
        [("年内", "2014-01-01", "2014-12-31", "year", "deadline")],
    ),
    # gov-report 1955: Chinese-numeral years and the first five-year plan
    (
        "我国的第一个五年计划的期间是从一九五三年到一九五七年。",
        1955,
        "plan",
        [
            ("第一个五年计划", "1953-01-01", "1957-12-31", "year", "period"),
            ("一九五三年到一九五七年", "1953-01-01", "1957-12-31", "year", "period"),
        ],
    ),
    ("早在一九五○年就已经确定并", 1955, "review", [("一九五○年", "1950-01-01", "1950-12-31", "year", "point")]),
    ("列宁在十月革命前夜曾经对俄国人民指出", 1955, "other", []),
    ("而且比苏联第一个五年计划重工业投资的比重还要大", 1955, "plan", []),
    # gov-report 2001: the new century's first plan is the tenth
    (
        "从今年开始，我国将实施新世纪第一个五年计划。",
        2001,
        "other",
        [
            ("今年", "2001-01-01", "2001-12-31", "year", "point"),
            ("新世纪第一个五年计划", "2001-01-01", "2005-12-31", "year", "period"),
        ],
    ),
    # gov-report 1979
    (
        "在今年一月一日建交，使两国关系进入了一个新的阶级。",
        1979,
        "plan",
        [("今年一月一日", "1979-01-01", "1979-01-01", "day", "point")],
    ),
    (
        "国务院将提出一九八一年到一九八五年发展国民经济的第六个五年计划，请大会审议。",
        1979,
        "plan",
        [
            ("一九八一年到一九八五年", "1981-01-01", "1985-12-31", "year", "period"),
            ("第六个五年计划", "1981-01-01", "1985-12-31", "year", "period"),
        ],
    ),
    ("在今后若干年内，一方面对现行的全日制学校制度继续进行改革", 1975, "plan", []),
    # gov-report 1979: 这 counts on in a plan part; a future year before 要 is due
    (
        "这三年要把重点放在提高质量和增加品种规格上",
        1979,
        "plan",
        [("这三年", "1979-01-01", "1981-12-31", "year", "period")],
    ),
    # gov-report 1978 (fourth audit, in-sample): the place word and comma read through
    (
        "按照十年规划，在这十年里，要建立稳固的农业基础",
        1978,
        "plan",
        [("这十年", "1978-01-01", "1987-12-31", "year", "period")],
    ),
    ("一九八五年要降到千分之五左右", 1979, "plan", [("一九八五年", "1985-01-01", "1985-12-31", "year", "deadline")]),
    ("进入结婚、生育年龄的男女人数在本世纪最后二十年内还将有不小的增长", 1979, "plan", []),
    # gov-report 1975 and 1986: 这十年中 and, in a review part, 五年内 count back
    ("在这十年中，我们依靠自己的力量", 1975, "other", [("这十年", "1965-01-01", "1974-12-31", "year", "period")]),
    (
        "五年内新增发电装机容量一千九百五十万千瓦",
        1986,
        "review",
        [("五年内", "1981-01-01", "1985-12-31", "year", "period")],
    ),
    # gov-report 2013: and back in a review part
    (
        "这五年，我国宏观经济总体上保持增速平稳较快、物价相对稳定",
        2013,
        "review",
        [("这五年", "2008-01-01", "2012-12-31", "year", "period")],
    ),
    # gov-report 1981/1982: old plan names, quoted or not
    (
        "“六五”期间，要求国民收入的增长速度相等或接近于工农业总产值的增长速度；",
        1981,
        "plan",
        [("“六五”", "1981-01-01", "1985-12-31", "year", "period")],
    ),
    ("六五计划期间要求每年", 1982, "plan", [("六五", "1981-01-01", "1985-12-31", "year", "period")]),
    ("比“ 五五”时期的五百七十七亿元", 1986, "review", [("“ 五五”", "1976-01-01", "1980-12-31", "year", "period")]),
    (
        "1991年是我国执行“八五”计划和十年规划的第一年",
        1992,
        "review",
        [
            ("1991年", "1991-01-01", "1991-12-31", "year", "period"),
            ("“八五”", "1991-01-01", "1995-12-31", "year", "period"),
        ],
    ),
    # gov-report 1981/1982: spans of months, a month listed after a dated one
    (
        "城镇中，今年1至9月安排了四百七十七万人就业",
        1981,
        "review",
        [("今年1至9月", "1981-01-01", "1981-09-30", "month", "period")],
    ),
    (
        "国务院在去年10月、11月先后召开全体会议",
        1981,
        "review",
        [
            ("去年10月", "1980-10-01", "1980-10-31", "month", "point"),
            ("11月", "1980-11-01", "1980-11-30", "month", "point"),
        ],
    ),
    ("由于十年内乱，我们的优良传统受到破坏", 1981, "review", []),
    # gov-report 1994: / between two years
    (
        "中英两国政府代表关于香港1994／1995年选举安排谈判终止",
        1994,
        "review",
        [("1994／1995年", "1994-01-01", "1995-12-31", "year", "period")],
    ),
    # gov-report 2011: 基础上年均 has no 上年
    (
        "今后五年，我国经济增长预期目标是在明显提高质量和效益的基础上年均增长7%。",
        2011,
        "plan",
        [("今后五年", "2011-01-01", "2015-12-31", "year", "period")],
    ),
    # gov-report 2003: a list of years written once with 年
    (
        "1998、1999年连续遭受特大洪涝灾害",
        2003,
        "review",
        [
            # years opening a clause are the years reported on (a period, since the fourth
            # held-out set); the listed one reads like the first
            ("1998", "1998-01-01", "1998-12-31", "year", "period"),
            ("1999年", "1999-01-01", "1999-12-31", "year", "period"),
        ],
    ),
    # gov-report 1982: 本世纪末 is 2000, 18 years ahead: a horizon
    (
        "我们要到本世纪末实现工农业年总产值翻两番的宏伟目标",
        1982,
        "plan",
        [("本世纪末", "2000-01-01", "2000-12-31", "year", "horizon")],
    ),
    # gov-report 1983 and 1986: two years counted as 两年; a mismatched closing quote
    (
        "仅一九八一、一九八二两年就节约和少用能源",
        1983,
        "review",
        [("一九八一、一九八二两年", "1981-01-01", "1982-12-31", "year", "period")],
    ),
    ("而“六五’时期的年平均增长", 1986, "review", [("“六五’", "1981-01-01", "1985-12-31", "year", "period")]),
    # gov-report 1956: 本年, months joined by a double dash, with the 份 after them (eleventh
    # round: 份 was left over and opened the subject after it, 份各工业部…)
    ("本年1——5月份各工业部工业生产", 1956, "plan", [("本年1——5月份", "1956-01-01", "1956-05-31", "month", "period")]),
    # gov-report 1981: 三十二年来 counts back from the document year
    (
        "我国三十二年来国民收入的增长幅度",
        1981,
        "review",
        [("三十二年来", "1949-01-01", "1980-12-31", "year", "period")],
    ),
    # gov-report 1998: a space before 年/月/日
    (
        "澳门将于1999 年12 月20 日回到祖国怀抱",
        1998,
        "plan",
        [("1999 年12 月20 日", "1999-12-20", "1999-12-20", "day", "point")],
    ),
    # gov-report 1959: a past year with 内 is not due
    (
        "矿单位绝大部分在一九五八年内已经建成",
        1959,
        "review",
        [("一九五八年内", "1958-01-01", "1958-12-31", "year", "point")],
    ),
]


@pytest.mark.parametrize("sentence,year,part,expected", CASES)
def test_times_corpus_sentences(sentence, year, part, expected):
    assert _times(sentence, year, part) == expected


# Invented sentences for forms the corpus lacks, and the issue's list of forms.
@pytest.mark.parametrize(
    "sentence,year,expected",
    [
        ("2018年底前完成", 2018, [("2018年底前", "2018-12-01", "2018-12-31", "month", "deadline")]),
        ("今年年底前完成", 2019, [("今年年底前", "2019-12-01", "2019-12-31", "month", "deadline")]),
        ("六月前完成", 2019, [("六月前", "2019-06-01", "2019-06-30", "month", "deadline")]),
        ("2020年前基本完成", 2018, [("2020年前", "2020-01-01", "2020-12-31", "year", "deadline")]),
        ("2016—2020年", 2018, [("2016—2020年", "2016-01-01", "2020-12-31", "year", "period")]),
        ("2017年至2020年", 2018, [("2017年至2020年", "2017-01-01", "2020-12-31", "year", "period")]),
        ("十四五时期", 2020, [("十四五", "2021-01-01", "2025-12-31", "year", "period")]),
        ("“十五五”规划", 2025, [("“十五五”", "2026-01-01", "2030-12-31", "year", "period")]),
        ("九五期间", 1995, [("九五", "1996-01-01", "2000-12-31", "year", "period")]),
        ("上半年", 2019, [("上半年", "2019-01-01", "2019-06-30", "half", "period")]),
        ("第四季度", 2019, [("第四季度", "2019-10-01", "2019-12-31", "quarter", "period")]),
        ("前三季度", 2019, [("前三季度", "2019-01-01", "2019-09-30", "quarter", "period")]),
        # gov-report 1954
        ("预计明年春耕时将达五十万个", 1954, [("明年", "1955-01-01", "1955-12-31", "year", "point")]),
        ("到二〇三五年基本实现", 2019, [("二〇三五年", "2035-01-01", "2035-12-31", "year", "horizon")]),
        ("3月5日", 2019, [("3月5日", "2019-03-05", "2019-03-05", "day", "point")]),
        # a later year the plan looks to is a deadline, cue or not (held-out gold 2011, 2012)
        ("2020年初步建成", 2018, [("2020年", "2020-01-01", "2020-12-31", "year", "deadline")]),
        ("今年前两个月", 2019, [("今年", "2019-01-01", "2019-12-31", "year", "period")]),
        # a decade is a period (held-out gold 1960, 1985: 六十年代, 八十年代), a horizon ahead
        ("1990年代", 2019, [("1990年代", "1990-01-01", "1999-12-31", "year", "period")]),
        (
            "实现八十年代以至九十年代的三大任务",
            1985,
            [
                ("八十年代", "1980-01-01", "1989-12-31", "year", "period"),
                ("九十年代", "1990-01-01", "1999-12-31", "year", "horizon"),
            ],
        ),
        ("今后年均增长7%", 2010, []),
        ("到本世纪末实现", 1995, [("本世纪末", "2000-01-01", "2000-12-31", "year", "deadline")]),
        ("下个世纪中叶", 1997, [("下个世纪中叶", "2050-01-01", "2050-12-31", "year", "horizon")]),
        ("2月30日", 2019, []),
        # ends out of order: two years, not a span
        (
            "2020年至2018年",
            2019,
            [
                ("2020年", "2020-01-01", "2020-12-31", "year", "deadline"),
                ("2018年", "2018-01-01", "2018-12-31", "year", "period"),
            ],
        ),
    ],
)
def test_times_forms(sentence, year, expected):
    assert _times(sentence, year) == expected


# Known failures of JioNLP and Time-NLP this extractor must get right.
@pytest.mark.issue(5)
def test_times_jionlp_plan_period_is_not_a_clock_time():
    # gov-report 2016 writes it quoted; JioNLP reads 十三五时期 as a time of day.
    assert _times("实现“十三五”时期经济社会发展良好开局", 2016) == [
        ("“十三五”", "2016-01-01", "2020-12-31", "year", "period")
    ]
    assert _times("十三五时期", 2016) == [("十三五", "2016-01-01", "2020-12-31", "year", "period")]


@pytest.mark.issue(5)
def test_times_jionlp_quoted_plan_and_nianei_are_times():
    assert _times("“十三五”", 2018)[0][1:3] == ("2016-01-01", "2020-12-31")
    assert _times("网络流量资费年内至少降低20%", 2019) == [("年内", "2019-01-01", "2019-12-31", "year", "deadline")]


@pytest.mark.issue(5)
def test_times_jionlp_count_range_is_not_a_date():
    # dalian-edu 2018: JioNLP turns 3-5所 into 5 March.
    assert _times("培育3-5所市级教育教学改革典型学校", 2018) == []
    assert _times("遴选5-8所第二批现代学徒制试点学校", 2018) == []


@pytest.mark.issue(5)
def test_times_timenlp_year_end_deadline_ends_on_december_31():
    # Time-NLP puts 2018年底前 at 2018-01-01.
    [t] = extract_times("2018年底前完成资源教室建设", context=Context(year=2018))
    assert (t.end, t.role, t.text) == (D("2018-12-31"), "deadline", "2018年底前")


def test_times_relative_without_document_year():
    recs = extract_times("今年和年内，上半年，3月5日，今后五年", context=Context())
    assert [r.text for r in recs] == ["今年", "年内", "上半年", "3月5日", "今后五年"]
    assert all(r.start is None and r.end is None for r in recs)
    # absolute times still resolve
    [r] = extract_times("到2020年", context=Context())
    assert (r.start, r.end, r.role) == (D("2020-01-01"), D("2020-12-31"), "deadline")


def test_times_offsets_and_sentence():
    text = "落实教育部工作部署。确保2018年实现目标。"
    [r] = extract_times(text, offset=100, context=Context(year=2018))
    assert (r.char_start, r.char_end) == (112, 117)
    assert text[r.char_start - 100 : r.char_end - 100] == r.text == "2018年"
    assert r.sentence == "确保2018年实现目标。"


def test_times_start_not_after_end_and_granularity_known():
    text = "今年上半年、第四季度、2017-2020年、“十三五”、今后五年、年底前、3月5日、今年1至9月"
    for r in extract_times(text, context=Context(year=2018)):
        assert r.start <= r.end
        assert r.granularity in ("year", "half", "quarter", "month", "day")
        assert r.role in ("deadline", "period", "point", "horizon")


def test_times_data_file_loads():
    w = load_time_words()
    plans = {p.name: (p.start, p.end) for p in w.plans}
    assert plans["十三五"] == (2016, 2020) and plans["六五"] == (1981, 1985)
    assert [p.ordinal for p in w.plans] == list(range(1, 16))
    assert w.relative_years["年内"].role == "deadline"
    assert w.year_parts["年底"].first_month == 12


def _load(path):
    return build_time_words(ld.check_file(TIME_WORDS, path), path)


@pytest.mark.parametrize(
    "content,problem",
    [
        ("plan_periods: [", "cannot read"),
        ("- 1\n", "mapping"),
        ("plan_periods: []\n", "missing"),
    ],
)
def test_times_bad_data_file(tmp_path, content, problem):
    path = tmp_path / "time_words.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=problem) as info:
        _load(path)
    err = pickle.loads(pickle.dumps(info.value))
    assert err.path == str(path) and problem in err.problem


@pytest.mark.parametrize(
    "old,new,problem",
    [
        (
            "{name: 十三五, ordinal: 13, start: 2016, end: 2020}",
            "{name: 十三五, ordinal: 13, start: 2016, end: 2021}",
            "spans 5 years",
        ),
        ("今年: {offset: [0, 0], role: period,", "今年: {offset: [0, 0], role: soon,", "not one of"),
        ("上半年: {months: [1, 6], granularity: half}", "上半年: {months: [1, 13], granularity: half}", "1..12"),
        ("horizon_years: 10", "horizon_years: ten", "horizon_years"),
        ("horizon_years: 10", "horizon_years: 10\nweeks: 周", "weeks: unknown key"),
    ],
)
def test_times_invalid_data(tmp_path, old, new, problem):
    good = TIME_WORDS.path.read_text(encoding="utf-8")
    assert old in good
    path = tmp_path / "time_words.yaml"
    path.write_text(good.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError, match=problem):
        _load(path)


@pytest.mark.slow
def test_times_offsets_invariant_whole_corpus(normalised_texts):
    total = 0
    for doc_id, text in normalised_texts.items():
        year = int(doc_id.rsplit("-", 1)[1])
        pos = 0
        for para in text.split("\n"):
            for r in extract_times(para, offset=pos, context=Context(year=year)):
                assert text[r.char_start : r.char_end] == r.text, (doc_id, r)
                assert r.sentence and r.text in r.sentence
                assert r.start is not None and r.end is not None and r.start <= r.end
                total += 1
            pos += len(para) + 1
    assert total > 3000


def _gold_files():
    """Every gold file of the 政府工作报告 and 大连 that scores times (the line-anchored
    ones; the one-line page dumps of tests/gold/plans are scored by tests/test_quality.py)."""
    for path in sorted(GOLD.rglob("*.json")):
        if "plans" in path.parent.name:
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        if "times" in gold.get("complete", {}):
            yield gold


def _pair(gold_spans, pred_spans):
    """Greedy one-to-one pairs by largest overlap, as the evaluator pairs (tests/gold/README.md)."""
    overlaps = sorted(
        (
            (min(ge, pe) - max(gs, ps), g, p)
            for g, (gs, ge) in enumerate(gold_spans)
            for p, (ps, pe) in enumerate(pred_spans)
            if min(ge, pe) > max(gs, ps)
        ),
        reverse=True,
    )
    used_g, used_p, pairs = set(), set(), []
    for _, g, p in overlaps:
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            pairs.append((g, p))
    return pairs


def test_times_against_gold(normalised_texts):
    """start/end/role right on >= 95% of gold times, precision >= 95%.

    Passages and parts are the structure parser's paragraphs (as in a run), and gold
    paragraphs are placed as the evaluator places them (an anchor anywhere and `until`
    in one-line page dumps).
    """
    from pipeline.evaluation.evaluate import load_gold, locate
    from pipeline.evaluation.gold import gold_files
    from pipeline.structure.parse import parse_structure

    total = right = predicted = false_alarms = 0
    for path in gold_files(GOLD):  # held-out gold is scored apart (tests/test_quality.py)
        gold = load_gold(path)
        if "times" not in gold.complete:
            continue
        doc_id = gold.doc_id
        text = normalised_texts[doc_id]
        year = int(doc_id.rsplit("-", 1)[1])
        mentions, spans = locate(gold, text)
        golds = mentions["times"]
        scoped = [spans[p.id] for p in gold.paragraphs if "times" in p.mentions]
        preds = []
        for par in parse_structure(text, doc_id, year).paragraphs:
            context = Context(year=year, part=par.part)
            preds.extend(extract_times(text[par.char_start : par.char_end], offset=par.char_start, context=context))
        if gold.complete["times"] != "document":
            preds = [r for r in preds if any(s <= r.char_start and r.char_end <= e for s, e in scoped)]
        pairs = dict(_pair([(g.char_start, g.char_end) for g in golds], [(r.char_start, r.char_end) for r in preds]))
        for gi, g in enumerate(golds):
            if g.optional:
                continue
            total += 1
            r = preds[pairs[gi]] if gi in pairs else None
            if r is not None and (str(r.start), str(r.end), r.role) == (
                g.fields["start"],
                g.fields["end"],
                g.fields["role"],
            ):
                right += 1
        paired = {p: g for g, p in pairs.items()}
        for pi in range(len(preds)):
            if pi in paired and golds[paired[pi]].optional:
                continue
            predicted += 1
            false_alarms += pi not in paired
    assert total > 50
    assert right / total >= 0.95, f"{right}/{total} gold times right"
    assert 1 - false_alarms / predicted >= 0.95, f"{false_alarms} false alarms of {predicted}"


_ALPHABET = list(
    "0123456789年月日底前内今明去上全半季度第一二三四五六七八九十〇○“”《》-—至到、，。"
    "确保力争过去今后未来这来个五计划规划时期期间"
)


@given(
    st.text(alphabet=st.sampled_from(_ALPHABET) | st.characters(), max_size=60),
    st.integers(min_value=0, max_value=10**6),
    st.one_of(st.none(), st.integers(min_value=1, max_value=9998)),
    st.sampled_from(["plan", "review", "other"]),
)
@settings(max_examples=400, deadline=None)
def test_times_random_text_never_raises(text, offset, year, part):
    for r in extract_times(text, offset=offset, context=Context(year=year, part=part)):
        assert text[r.char_start - offset : r.char_end - offset] == r.text


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("text", "year", "part", "expected"),
    [
        # a time followed by 以来 spans up to the year under discussion (docs/annotation.md)
        ("1998年以来，", 2003, "review", [("1998年以来", "1998-01-01", "2002-12-31", "year", "period")]),
        ("今年以来，", 2023, "review", [("今年以来", "2022-01-01", "2022-12-31", "year", "period")]),
        ("今年以来，", 2019, "plan", [("今年以来", "2019-01-01", "2019-12-31", "year", "period")]),
        ("去年十月以来，", 1960, "other", [("去年十月以来", "1959-10-01", "1960-12-31", "month", "period")]),
        # a bare count of years opening a review clause counts back; 五年间 too
        ("五年全社会固定资产投资累计完成", 2003, "review", [("五年", "1998-01-01", "2002-12-31", "year", "period")]),
        ("五年间，国务院提出法律议案", 2003, "review", [("五年间", "1998-01-01", "2002-12-31", "year", "period")]),
        ("五年淘汰落后炼铁产能", 2007, "plan", []),
        ("三年行动计划完成", 2003, "review", []),
    ],
)
def test_times_since_and_bare_counts(text, year, part, expected):
    assert _times(text, year, part) == expected


def test_times_a_paragraph_that_opens_with_last_year_speaks_of_it():
    # gov-report 1987, a plan chapter: after 1986年是… and 在经济领域，过去一年里…, 比上年 is
    # 1985; after 今年 it is 1986 again; 这一年 (the year just named) sets nothing
    ctx = Context(year=1987, part="plan", genre="政府工作报告")
    text = "1986年是开始执行的一年。在经济领域，过去一年里取得了成绩。社会总产值比上年增长9.1%。今年要比上年增长7%。"
    found = [(t.text, t.start.year) for t in extract_times(text, context=ctx) if t.text == "上年"]
    assert found == [("上年", 1985), ("上年", 1986)]
    plan = Context(year=1958, part="plan", genre="政府工作报告")
    later = extract_times("在这一年内，我们应当积极修筑。这几条铁路干线在三、五年内建设完成。", context=plan)
    assert [(t.text, t.start.year, t.end.year) for t in later if t.text == "五年内"] == [("五年内", 1958, 1962)]


def test_times_a_topic_with_a_colon_opens_a_past_paragraph():
    # gov-report 1958: 商业方面：一九五七年… speaks of 1957; 年末 after it is 1957's
    ctx = Context(year=1958, part="plan", genre="政府工作报告")
    found = extract_times("商业方面：一九五七年社会商品零售总额增加五亿元，库存到年末增加二十亿元。", context=ctx)
    assert [(t.text, t.start.year, t.role) for t in found if t.text == "年末"] == [("年末", 1957, "point")]


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # a past year or 去年 opening a clause is the year reported on, a period (fourth
        # held-out set, in-sample since): 1985, 1984
        ("近几年农业生产连续大幅度增长，去年全国平均每人占有粮食近八百斤。", 1985, [("去年", "period")]),
        (
            "1982年重工业总产值比上年增长9.8%，1983年增长12.4%。",
            1985,
            [("1982年", "period"), ("上年", "point"), ("1983年", "period")],
        ),
        # a reference stays a point: a base, a date before 的 after a change
        ("积累率由1978年的36.5%降低到1981年的28.5%。", 1985, [("1978年", "point"), ("1981年", "point")]),
    ],
)
def test_times_a_year_opening_a_clause_is_reported_on(text, year, expected):
    assert [(t, role) for t, _, _, _, role in _times(text, year, "review")] == expected


@pytest.mark.issue(17)
@pytest.mark.parametrize("part", ["plan", "review"])
def test_times_a_counted_span_after_the_year_it_starts_from(part):
    # gov-report 1960 (in-sample): 从一九五六年开始，在十二年内 is the programme's 1956-1967,
    # in a review chapter too; without the year before it 十二年内 counts from the document
    text = "全国农业发展纲要要求：从一九五六年开始，在十二年内，粮食每亩平均年产量分别达到四百斤。"
    spans = [(t, s, e) for t, s, e, _, _ in _times(text, 1960, part) if t == "十二年内"]
    assert spans == [("十二年内", "1956-01-01", "1967-12-31")]
    alone = [(s, e) for t, s, e, _, _ in _times("在十二年内实现纲要。", 1960, part) if t == "十二年内"]
    assert alone and alone[0] != ("1956-01-01", "1967-12-31")


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("text", "part", "expected"),
    [
        # 的 between the word and the count (relative_spans linking; gov-report 1985, 1986:
        # the fourth set's gold, in-sample since)
        ("过去的一年，我们取得了很大成绩。", "review", [("过去的一年", "1984-01-01", "1984-12-31")]),
        ("在过去的五年里，经济持续增长。", "review", [("过去的五年", "1980-01-01", "1984-12-31")]),
        ("今后的五年，要加快发展。", "plan", [("今后的五年", "1986-01-01", "1990-12-31")]),
        # a count right after the years it restates is no time of its own (relative_spans
        # restating; gov-report 1985, fourth set: 1953年到1978年的二十六年间 is 1953-1978)
        (
            "远远超过了1953年到1978年的二十六年间平均每年增长3.2%的速度。",
            "review",
            [("1953年到1978年", "1953-01-01", "1978-12-31")],
        ),
        ("在一九七一年到一九八○年的十年间，", "plan", [("一九七一年到一九八○年", "1971-01-01", "1980-12-31")]),
    ],
)
def test_times_a_counted_span_with_de(text, part, expected):
    assert [(t, s, e) for t, s, e, _, _ in _times(text, 1985, part)] == expected


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("text", "year", "part", "expected"),
    [
        # 前N年 counts back from the year under discussion, without it (gov-report 1957, the
        # fifth set's audit, in-sample since: 1956 is reviewed, 前三年 is 1953-1955)
        ("食糖产量前三年共增加了十六万吨，", 1957, "review", [("前三年", "1953-01-01", "1955-12-31")]),
        ("前两年增长较快，", 1988, "plan", [("前两年", "1986-01-01", "1987-12-31")]),
        # not the first years of a named period, nor time before an event or an earlier year,
        # nor 提前, nor a span counted with 内 (前四年内: context_after decides)
        ("五年计划的前三年，", 1957, "review", []),
        ("提前两年达到", 1985, "plan", []),
        ("超过了一九七八年以前二十六年平均每年递增率", 1983, "review", [("一九七八年", "1978-01-01", "1978-12-31")]),
        ("前一年", 1959, "review", []),
        # the sum of those years (gov-report 1985, fourth set, in-sample): 前五年 is 1979–1983
        ("超过前五年的总和", 1985, "review", [("前五年", "1979-01-01", "1983-12-31")]),
        ("要在前两年多高等院校整顿的基础上", 1979, "plan", []),
    ],
)
def test_times_the_years_before_the_year_under_discussion(text, year, part, expected):
    assert [(t, s, e) for t, s, e, _, _ in _times(text, year, part)] == expected


@pytest.mark.issue(17)
def test_times_this_year_is_the_year_just_named():
    # 这一年 after a named year is that year (gov-report 1955, 1958: in-sample); alone it
    # keeps the year under discussion
    text = "在一九五二年，即我国结束经济恢复阶段的这一年，我国工业农业总产值比一九四九年增长了百分之七十七点五。"
    assert [(t, s) for t, s, _, _, _ in _times(text, 1955, "review") if t == "这一年"] == [("这一年", "1952-01-01")]
    text = "一九五八年是我国第二个五年计划的第一年。这一年发展国民经济的任务是……"
    assert [(t, s) for t, s, _, _, _ in _times(text, 1958, "plan") if t == "这一年"] == [("这一年", "1958-01-01")]
    assert [s for t, s, _, _, _ in _times("这一年，我们牢记嘱托。", 2024, "review") if t == "这一年"] == ["2023-01-01"]


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("text", "year", "part", "expected"),
    [
        # 从…年起 is a span up to the year under discussion, like …以来 (since_from; gov-report
        # 2003, the first held-out set's audit, in-sample since), not for a year still ahead
        ("从1998年起，教育经费所占比例每年提高", 2003, "review", [("1998年起", "1998-01-01", "2002-12-31", "period")]),
        ("从2020年起，实施新的标准", 2019, "plan", [("2020年", "2020-01-01", "2020-12-31", "period")]),
        # 上一年 is 上年 (gov-report 1958, fifth set, in-sample): the year before the one under
        # discussion
        ("比上一年增加三千一百七十五万亩", 1958, "plan", [("上一年", "1957-01-01", "1957-12-31", "point")]),
        ("比上一年增加三千一百七十五万亩", 1958, "review", [("上一年", "1956-01-01", "1956-12-31", "point")]),
        # with 开始 the year keeps its dates, a counted span may count on from it (span_starts),
        # and it is the year something starts in (start_marks; fifth set, in-sample); a day
        # stays a point
        ("从一九五六年开始，在十二年内", 1960, "plan", [("一九五六年", "1956-01-01", "1956-12-31", "period")]),
        ("从5月1日起，将试点范围扩大到建筑业", 2016, "plan", [("5月1日", "2016-05-01", "2016-05-01", "point")]),
    ],
)
def test_times_a_year_something_has_gone_on_from(text, year, part, expected):
    found = [(t, s, e, role) for t, s, e, _, role in _times(text, year, part)]
    assert [f[: len(x)] for f, x in zip(found, expected)] == expected and len(found) >= len(expected)


def test_times_a_report_on_its_own_year_reviews_that_year():
    """A 工作报告 of 2022 (pingtan-junshan-2022: 2022年度工作报告) reports on 2022: 全年 in its
    review is 2022, where the review part of a 政府工作报告 speaks of the year before
    (time_words.yaml report_genres)."""
    text = "全年农作物总产量40461吨"
    own = extract_times(text, context=Context(year=2022, part="review", genre="工作报告"))
    before = extract_times(text, context=Context(year=2022, part="review", genre="政府工作报告"))
    assert [(t.text, str(t.start), str(t.end)) for t in own] == [("全年", "2022-01-01", "2022-12-31")]
    assert [(t.text, str(t.start), str(t.end)) for t in before] == [("全年", "2021-01-01", "2021-12-31")]


@pytest.mark.issue(17)
def test_times_a_plan_that_calls_its_year_next_year_was_written_the_year_before():
    """平潭君山 2023年工作计划 (held-out plans, in-sample since) was written late in 2022: its
    明年的主要预期目标 are 2023's, not 2024's. A plan that says 今年, and a 政府工作报告,
    count from their own year (time_words.yaml written_before)."""
    from extractors.times import written_year

    plan = "2023年是开局之年。明年的主要预期目标是：地区生产总值增长5%。"
    assert written_year(plan, 2023, "工作计划") == 2022
    assert written_year(plan + "今年要抓好三件事。", 2023, "工作计划") is None
    assert written_year(plan, 2023, "政府工作报告") is None
    assert written_year("落实《明年行动方案》。", 2023, "工作计划") is None  # only inside a title
    [t] = [t for t in extract_times(plan, context=Context(year=2023, written=2022)) if t.text == "明年"]
    assert (str(t.start), str(t.end)) == ("2023-01-01", "2023-12-31")


@pytest.mark.issue(17)
def test_times_a_report_setting_out_the_next_years_plan_was_delivered_late_in_its_year():
    """The 1964 report (December: 一九六五年的主要任务), 1980 (1981年国民经济计划) and 1981
    (1982年的计划) set out the next year's plan (time_words.yaml plan_for_next): their review
    is of their own year, and a count of years back ends with it (这三年 in 1981 → 1979–1981;
    ninth and eighth audits). A report of March naming no plan of the next year has none, and
    a plan's genre is read by written_year instead."""
    from extractors.times import focus_year, plan_year

    assert plan_year("周总理指出，一九六五年的主要任务就是……", 1964, "政府工作报告") == 1965
    assert plan_year("1982年的计划，要求工农业总产值增长4%。", 1981, "政府工作报告") == 1982
    # the 1982 report (December) names 一九八三年的年度计划 (twenty-third round)
    assert plan_year("一九八三年的年度计划经过这次全国人大批准以后……", 1982, "政府工作报告") == 1983
    assert plan_year("2020年的年度计划。", 2018, "政府工作报告") is None
    assert plan_year("今年的主要预期目标是：国内生产总值增长6%。", 2019, "政府工作报告") is None
    assert plan_year("2020年的计划。", 2019, "工作计划") is None
    late = Context(year=1981, part="review", genre="政府工作报告", plan_year=1982)
    assert focus_year(late, 1981) == 1981
    assert focus_year(Context(year=2019, part="review", genre="政府工作报告"), 2019) == 2018
    [t] = [t for t in extract_times("这三年城镇共安排两千多万人就业。", context=late) if t.text == "这三年"]
    assert (str(t.start), str(t.end)) == ("1979-01-01", "1981-12-31")
    [t] = extract_times(
        "这三年城镇共安排两千多万人就业。", context=Context(year=1981, part="review", genre="政府工作报告")
    )
    assert (str(t.start), str(t.end)) == ("1978-01-01", "1980-12-31")


@pytest.mark.issue(17)
def test_times_this_year_is_the_year_under_discussion_in_its_own_part():
    """本年 in the review of the 1956 report (1955 final accounts: 本年支出合计…) is 1955, the
    year reviewed; in its plan part it is 1956, even in a paragraph opening with last year
    (同1955年国家决算比较，本年收入增长…; ninth audit; time_words.yaml own_part)."""
    review = Context(year=1956, part="review", genre="政府工作报告")
    [t] = extract_times("本年支出合计29，346，938，000元。", context=review)
    assert (str(t.start), str(t.end)) == ("1955-01-01", "1955-12-31")
    plan = Context(year=1956, part="plan", genre="政府工作报告")
    found = extract_times("同1955年国家决算比较，本年收入增长9.29%。", context=plan)
    assert [(t.text, str(t.start)) for t in found if t.text == "本年"] == [("本年", "1956-01-01")]


@pytest.mark.issue(16)
def test_times_the_years_that_close_a_review_heading_count_back():
    """一、改革开放和现代化建设取得伟大成就的五年 (gov-report 1993's review heading): the five years
    before the report, which frame the review's yearly averages (sixth audit). Not in a plan
    (…关键的一年), not 新的一年, and not where the sentence already named its time
    (1986年是…取得显著成就的一年)."""
    found = _times("一、改革开放和现代化建设取得伟大成就的五年", 1993, "review")
    assert [t[:3] for t in found] == [("五年", "1988-01-01", "1992-12-31")]
    assert _times("这是全面建设小康社会关键的一年。", 2004, "plan") == []
    assert _times("新的一年，要紧紧围绕强军目标。", 2014, "review") == []
    assert [t[0] for t in _times("1986年是取得显著成就的一年，", 1987, "review")] == ["1986年"]


@pytest.mark.issue(17)
def test_times_five_years_ahead_under_a_heading_naming_the_plan_the_year_is_in():
    """The 1982 report sets out the sixth five-year plan (1981–1985) in its first chapter,
    第六个五年计划的基本任务: 五年内 there is that plan (eighth audit), not 1982–1986; with no
    such heading it counts from the document year."""
    headed = Context(year=1982, part="plan", genre="政府工作报告", heading="一、第六个五年计划的基本任务")
    found = extract_times("五年内新建大型矿井二十八个。", context=headed)
    assert [(t.start.year, t.end.year) for t in found] == [(1981, 1985)]
    bare = Context(year=1982, part="plan", genre="政府工作报告")
    found = extract_times("五年内新建大型矿井二十八个。", context=bare)
    assert [(t.start.year, t.end.year) for t in found] == [(1982, 1986)]


@pytest.mark.issue(17)
def test_times_a_year_before_its_annual_plan_is_the_plans_period():
    """二、1981年国民经济计划的任务和主要指标 in the 1980 report (eighth audit): the plan's year,
    a period, not a deadline; 到1985年 stays a deadline."""
    context = Context(year=1980, part="plan", genre="政府工作报告")
    assert [t.role for t in extract_times("二、1981年国民经济计划的任务和主要指标", context=context)] == ["period"]
    assert [t.role for t in extract_times("到1985年粮食产量要达到4亿吨。", context=context)] == ["deadline"]


@pytest.mark.issue(17)
def test_times_this_count_of_years_with_a_future_later_in_its_sentence_counts_on():
    """这五年内，除了…以外，国家财政还将拨出… (gov-report 1982, under 第六个五年计划的基本任务;
    twenty-third round): a word of the future later in the sentence makes 这五年 count on, here
    the plan the heading names; 这八年 right after the years it counts restates them; a review
    still counts back (made up)."""
    plan = Context(year=1982, part="plan", genre="政府工作报告", plan_year=1983, heading="第六个五年计划的基本任务")
    [t] = extract_times("这五年内，除了国家每年增加的财政补贴以外，国家财政还将拨出二十五亿元专项资金。", context=plan)
    assert (t.start.year, t.end.year) == (1981, 1985)
    found = extract_times("从一九五三年到一九六○年这八年时间内，将基本上完成改建工程。", context=Context(year=1955))
    assert {(t.start.year, t.end.year) for t in found} == {(1953, 1960)}
    review = Context(year=2013, part="review", genre="政府工作报告")
    [t] = extract_times("这五年，我们还将继续推进各项改革。", context=review)
    assert (t.start.year, t.end.year) == (2008, 2012)
    # gov-report 1960 (heldout5 gold): 还要 also says "still", so it does not count on
    sentence = "虽然在这四年间，我国农村发生了深刻变化，但是这个纲要以后还要继续起动员群众的作用。"
    [t] = extract_times(sentence, context=Context(year=1960, part="plan", genre="政府工作报告"))
    assert (t.start.year, t.end.year) == (1956, 1959)


@pytest.mark.issue(17)
def test_times_a_count_of_years_restates_the_years_its_sentence_went_between():
    """由一九七八年的…增加到一九八二年的…，四年间增长百分之七十五点二 (gov-report 1983; heldout20
    gold, in-sample; twenty-third round): the count is those years, not years ahead of the
    document."""
    plan = Context(year=1983, part="plan", genre="政府工作报告")
    sentence = "预算外资金由一九七八年的三百七十一亿元增加到一九八二年的六百五十亿元，四年间增长百分之七十五点二。"
    [t] = [t for t in extract_times(sentence, context=plan) if t.text == "四年间"]
    assert (t.start.year, t.end.year) == (1979, 1982)
    # made up: a count with no two years written before it counts on in a plan, as before
    [t] = extract_times("农业总产值三年间增长一倍。", context=plan)
    assert (t.start.year, t.end.year) == (1983, 1985)
