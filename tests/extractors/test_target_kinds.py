"""Tests for extractors/target_kinds.py: target, achievement, fact, threshold or other, and the
years (period) a target or achievement is about (docs/annotation.md "kind", "period")."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.context import Context
from extractors.quantities import extract_quantities
from extractors.records import KINDS

PLAN = Context(year=2019, part="plan", genre="政府工作报告")


def _kinds(sentence: str, context: Context = PLAN) -> list[tuple[str, str, int | None, int | None]]:
    return [(q.text, q.kind, q.period_start, q.period_end) for q in extract_quantities(sentence, context=context)]


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "context", "expected"),
    [
        # population and cohort sizes, stocks and current rates are facts, not commitments
        ("保障好14亿人的粮食安全。", Context(year=2021, part="plan"), [("14亿人", "fact", None, None)]),
        ("我国有2.9亿在校学生。", Context(year=2021, part="plan"), [("2.9亿", "fact", None, None)]),
        # 再有 ("again have", a plan's amount) is no stock (gov-report 1998, second audit)
        (
            "争取今年再有1000万以上贫困人口解决温饱问题。",
            Context(year=1998, part="plan"),
            [("1000万以上", "target", 1998, 1998)],
        ),
        # a people counted with 万 or 亿 and no unit is a fact (gov-report 1984, 1987: third set;
        # 1985: fourth set)
        ("我国十亿人民坚决站在维护世界和平的一边。", Context(year=1984, part="plan"), [("十亿", "fact", None, None)]),
        ("十亿人民有党的马克思主义正确路线。", Context(year=1987, part="plan"), [("十亿", "fact", None, None)]),
        # the projects a plan has are its work, no stock (gov-report 1958, fifth set, in-sample)
        (
            "化学工业部有二十三个建设项目，地方有十九个建设项目。",
            Context(year=1958, part="plan"),
            [("二十三个", "target", 1958, 1958), ("十九个", "target", 1958, 1958)],
        ),
        # the size of a plan is its sum, a commitment, not the size of a thing (gov-report
        # 2009, second audit, in-sample)
        (
            "实施总额4万亿元的两年投资计划。",
            Context(year=2009, part="plan"),
            [("4万亿元", "target", 2009, 2009)],
        ),
        ("投资3亿元的海岸线保护修复工程。", Context(year=2009, part="plan"), [("3亿元", "fact", None, None)]),
        # a list goes on with what is had (gov-report 1985, fourth audit, in-sample); not a
        # list after a verb of doing
        (
            "我国有十亿人口，两亿多户，市场容量很大。",
            Context(year=1985, part="plan"),
            [("十亿", "fact", None, None), ("两亿多户", "fact", None, None)],
        ),
        (
            "今年要新建120所学校，30所幼儿园。",
            Context(year=1985, part="plan"),
            [("120所", "target", 1985, 1985), ("30所", "target", 1985, 1985)],
        ),
        # … but 将有 ("will have"), 应该有 ("should have") are the plan's amounts (gov-report
        # 1958, 1960, in-sample)
        (
            "全国粮食总产量应该有七千二百亿斤。",
            Context(year=1960, part="plan", genre="政府工作报告"),
            [("七千二百亿斤", "target", 1960, 1960)],
        ),
        (
            "计划规定，仅中央各部，在这一年将有三百七十二种重要的新产品进行试制。",
            Context(year=1958, part="plan", genre="政府工作报告"),
            [("三百七十二种", "target", 1958, 1958)],
        ),
        (
            "今年高校毕业生超过1000万人。",
            Context(year=2022, part="plan"),  # 2022 report
            [("超过1000万人", "fact", None, None)],
        ),
        (
            "把13亿中国人的饭碗牢牢端在自己手中。",
            Context(year=2016, part="plan"),  # gov-report 2016
            [("13亿", "fact", None, None)],
        ),
        # … but in a review a stock or a population is a result of the year reviewed
        # (docs/annotation.md; the gold of gov-report 2017 and 2019)
        (
            "近14亿人口的发展中大国，实现了比较充分就业。",
            Context(year=2019, part="review"),  # gov-report 2019
            [("近14亿", "achievement", 2018, 2018)],
        ),
        (
            "大众创业万众创新深入推进，市场主体总量超过1亿户。",
            Context(year=2019, part="review"),
            [("超过1亿户", "achievement", 2018, 2018)],
        ),
        # the current rate a measure changes is a fact, the new rate the target (gov-report 2019)
        ("将制造业等行业现行16%的税率降至13%。", PLAN, [("16%", "fact", None, None), ("13%", "target", 2019, 2019)]),
        # an amount of a size that defines a group is a threshold
        (
            "对年应纳税所得额不到100万元的小微企业，减半征收所得税。",
            Context(year=2021, part="plan"),
            [("不到100万元", "threshold", None, None)],
        ),
        (
            "力争引进1亿元以上项目40个、10亿元以上项目3个。",  # pingtan-gov-report 2022
            Context(year=2022, part="plan"),
            [
                ("1亿元以上", "threshold", None, None),
                ("40个", "target", 2022, 2022),
                ("10亿元以上", "threshold", None, None),
                ("3个", "target", 2022, 2022),
            ],
        ),
        (
            "52个村集体经济收入达到10万元以上，其中11个村收入突破50万元。",  # pingtan-junshan 2022
            Context(year=2022, part="review", genre="工作报告"),
            [
                ("52个", "achievement", 2022, 2022),
                ("10万元以上", "threshold", None, None),
                ("11个", "achievement", 2022, 2022),
                ("突破50万元", "threshold", None, None),
            ],
        ),
        # a count or a share before a noun is how many, not a group's definition
        (
            "力争在3-5年内引进5万名以上两岸大学生。",
            Context(year=2018, part="plan"),  # pingtan-gov-report 2018
            [("5万名以上", "target", 2018, 2022)],
        ),
        (
            "高速铁路营业里程达到3万公里、覆盖80%以上的大城市。",
            Context(year=2016, part="plan"),  # gov-report 2016
            [("3万公里", "target", 2016, 2016), ("80%以上", "target", 2016, 2016)],
        ),
    ],
)
def test_target_kinds_facts_and_thresholds(sentence, context, expected):
    assert _kinds(sentence, context) == expected


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "context", "expected"),
    [
        # results of a finished five-year plan written in a plan chapter (2021 report)
        (
            "“十三五”时期，脱贫攻坚成果举世瞩目，5575万农村贫困人口实现脱贫。",
            Context(year=2021, part="plan"),
            [("5575万", "achievement", 2016, 2020)],
        ),
        # this year's budget figures are targets, comparison with last year or not; the
        # same figures reported a year later are results of that year
        (
            "今年一般公共预算支出规模29.7万亿元、比上年增加1.2万亿元。",
            Context(year=2024, part="plan"),
            [("29.7万亿元", "target", 2024, 2024), ("1.2万亿元", "target", 2024, 2024)],
        ),
        (
            "去年一般公共预算支出规模29.7万亿元、比上年增加1.2万亿元。",
            Context(year=2025, part="plan"),
            [("29.7万亿元", "achievement", 2024, 2024), ("1.2万亿元", "achievement", 2024, 2024)],
        ),
        # a report of a target reached is no target (pingtan-gov-report 2022, review)
        (
            "固定资产投资预计完成210亿元，实现年初既定目标。",
            Context(year=2022, part="other"),
            [("210亿元", "other", None, None)],
        ),
    ],
)
def test_target_kinds_results_and_budgets(sentence, context, expected):
    assert _kinds(sentence, context) == expected


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "context", "expected"),
    [
        # five-year and long-range goals get their real period, so annual series skip them
        (
            "到2020年，国内生产总值比2010年增长1倍以上。",
            Context(year=2016, part="plan"),  # gov-report 2016
            [("1倍以上", "target", 2016, 2020)],
        ),
        (
            "“十四五”时期，单位国内生产总值能耗和二氧化碳排放分别降低13.5%、18%。",  # 2021
            Context(year=2021, part="plan"),
            [("13.5%", "target", 2021, 2025), ("18%", "target", 2021, 2025)],
        ),
        ("到2035年，森林覆盖率达到26%。", Context(year=2021, part="plan"), [("26%", "target", 2021, 2035)]),
        (
            "居民人均可支配收入年均增长6.5%。",
            Context(year=2022, part="plan"),  # 年均: the plan period
            [("6.5%", "target", 2021, 2025)],
        ),
        ("今年国内生产总值增长6%－6.5%。", PLAN, [("6%－6.5%", "target", 2019, 2019)]),
        # a review speaks of the year before; a 工作报告 of its own year
        (
            "国内生产总值增长6.6%。",
            Context(year=2019, part="review", genre="政府工作报告"),
            [("6.6%", "achievement", 2018, 2018)],
        ),
        (
            "新增造林105亩。",
            Context(year=2022, part="review", genre="工作报告"),
            [("105亩", "achievement", 2022, 2022)],
        ),
        (
            "过去五年，国内生产总值年均增长7.1%。",
            Context(year=2018, part="review"),  # gov-report 2018
            [("7.1%", "achievement", 2013, 2017)],
        ),
    ],
)
def test_target_kinds_periods(sentence, context, expected):
    assert _kinds(sentence, context) == expected


# A page dump with no structure (pingtan-gov-report 2022, shortened): the time that opens a
# sentence frames the sentences after it, until one speaks of the plan year.
_PAGE = (
    "一、2021年和过去五年工作回顾2021年是“十四五”开局之年。我们坚持稳中求进，各项工作取得新成效。"
    "预计完成地区生产总值328.63亿元，增长7.8%；一般公共预算总收入105.55亿元，增长16.2%。"
    "五年来，我们奋力谱写高质量发展篇章。一是坚持创新发展，地区生产总值年均增长7.4%。"
    "二、新一届政府努力方向和2022年重点工作今后五年，我们肩负历史重任。"
    "奋斗目标是：地区生产总值增速保持在6.5-7.5%。2022年是新一届政府开局之年。"
    "推动城乡义务教育均衡发展，新改扩建6所中小学幼儿园。"
)


@pytest.mark.issue(17)
def test_target_kinds_time_frames_of_a_page_dump():
    found = _kinds(_PAGE, Context(year=2022, part="other", genre="政府工作报告"))
    assert found == [
        ("328.63亿元", "achievement", 2021, 2021),
        ("7.8%", "achievement", 2021, 2021),
        ("105.55亿元", "achievement", 2021, 2021),
        ("16.2%", "achievement", 2021, 2021),
        ("7.4%", "achievement", 2017, 2021),
        ("6.5-7.5%", "target", 2022, 2026),
        ("6所", "target", 2022, 2022),
    ]


@pytest.mark.issue(16)
def test_a_point_in_history_dates_its_own_sentence_only():
    """A sentence opening with a year long past and giving its own figures (一九三六年的粮食产量
    是…) dates them, and no later sentence of a plan's passage (a page dump runs a chapter
    into one passage: gov-report 1955); last year's (到一九五三年底 in 1954) still frames the
    sentence after it."""
    found = _kinds(
        "一九三六年的粮食产量是三千亿斤，此后年年下降。内河轮驳船货物周转量将达到一百五十三亿吨公里。",
        Context(year=1955, part="plan"),
    )
    assert found == [("三千亿斤", "achievement", 1936, 1936), ("一百五十三亿吨公里", "target", 1955, 1955)]
    found = _kinds(
        "到一九五三年底，中央卫生部所属医院共有三千零六十八所。全国病床数比解放前的最高水平增加了百分之四百十一。",
        Context(year=1954, part="plan"),
    )
    assert [k[1:] for k in found] == [("achievement", 1953, 1953)] * 2


@pytest.mark.issue(17)
def test_target_kinds_target_quoted_in_a_review():
    """Last year's target quoted in a review is a target of last year (docs/annotation.md)."""
    found = _kinds("国内生产总值增长7.7%，实现了7.5%左右的预期目标。", Context(year=2013, part="review"))
    assert found == [("7.7%", "achievement", 2012, 2012), ("7.5%左右", "target", 2012, 2012)]


@pytest.mark.issue(17)
def test_target_kinds_the_years_plan_quoted_in_a_review():
    """年度计划投资 opening its clause in a review quotes the year's target; 截至目前 is "up to
    now", a result (pingtan-invest 2025, plans gold, in-sample); completing a share of the
    plan is a result."""
    review = Context(year=2025, part="review")
    found = _kinds("年度计划投资99.8亿元，截至目前已完成投资73.58亿元。", review)
    assert found == [("99.8亿元", "target", 2024, 2024), ("73.58亿元", "achievement", 2024, 2024)]
    assert _kinds("棉花产量达到3036万担，完成年度计划的117%。", review)[1][:2] == ("117%", "achievement")


@pytest.mark.issue(17)
def test_target_kinds_requirement_of_a_plan_quoted_in_a_review():
    """A plan's requirement quoted in a review is that plan's target (gov-report 1960,
    fifth held-out gold, in-sample since); the excess over a plan's figure is a result."""
    review = Context(year=1960, part="review", genre="政府工作报告")
    found = _kinds("全国农业发展纲要要求：棉花的亩产量在十二年内，分别达到四十斤、六十斤。", review)
    assert [(t, k) for t, k, *_ in found] == [("四十斤", "target"), ("六十斤", "target")]
    found = _kinds("其中有六亿一千万亩，抗旱能力已经达到纲要规定的三十天。", review)
    assert [(t, k) for t, k, *_ in found] == [("六亿一千万亩", "achievement"), ("三十天", "target")]
    found = _kinds("工业总产值超过第一个五年计划所规定的一九五七年的指标百分之十七点三。", review)
    assert [(t, k) for t, k, *_ in found] == [("百分之十七点三", "achievement")]


@pytest.mark.issue(17)
def test_target_kinds_weak_cue_in_a_past_frame():
    """全年 reports a year gone by in a review frame (pingtan-gov-report 2018)."""
    text = "一年来，我们重点抓了以下六个方面工作。全年兑现产业奖补资金9.3亿元。"
    assert _kinds(text, Context(year=2018, part="other")) == [("9.3亿元", "achievement", 2017, 2017)]


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "context", "kind"),
    [
        # where a change starts: no target in a plan but the level of the year written with it
        # (gov-report 2015, 1958: fifth set) or, without one, the level now, a fact like a
        # current rate (gov-report 2008: set two; pingtan 2019: held-out plans); the earlier
        # result in a review
        (
            "今年拟安排财政赤字1.62万亿元，赤字率从去年的2.1%提高到2.3%。",
            Context(year=2015, part="plan"),
            ("achievement", 2014),
        ),
        (
            "将由一九五七年的百分之四十二左右，提高到百分之六十左右。",
            Context(year=1958, part="plan"),
            ("achievement", 1957),
        ),
        ("用两年时间将筹资标准由每人每年50元提高到100元。", Context(year=2008, part="plan"), ("fact", None)),
        ("年度封顶线从2万元提高至10万元。", Context(year=2019, part="plan"), ("fact", None)),
        ("一年来，农村低保标准由3600元提高到3960元。", Context(year=2018, part="other"), ("achievement", 2016)),
    ],
)
def test_target_kinds_baselines(sentence, context, kind):
    starts = ("2.1%", "百分之四十二左右", "50元", "2万元", "3600元")
    baseline = [(q.kind, q.period_start) for q in extract_quantities(sentence, context=context) if q.text in starts]
    assert baseline == [kind]


def test_target_kinds_periods_only_for_targets_and_achievements(normalised_texts):
    """Every row of the corpus: period null exactly for fact, threshold and other."""
    for doc_id in ("gov-report-2016", "gov-report-2019", "pingtan-gov-report-2022", "dalian-edu-2018"):
        year = int(doc_id.rsplit("-", 1)[1])
        for para in normalised_texts[doc_id].split("\n"):
            for q in extract_quantities(para, context=Context(year=year, part="plan")):
                assert q.kind in KINDS
                dated = q.kind in ("target", "achievement")
                assert (q.period_start is not None) == dated and (q.period_end is not None) == dated
                if dated:
                    assert q.period_start <= q.period_end


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("heading", "year", "sentence", "expected"),
    [
        # a time in the chapter heading frames its passages (gov-report 2016: the 十三五 goal
        # stands beside the year's target, which names its own year)
        (
            "二、“十三五”时期主要目标任务和重大举措",
            2016,
            "完善住房保障体系，城镇棚户区住房改造2000万套。今年棚户区住房改造600万套。",
            [("2000万套", "target", 2016, 2020), ("600万套", "target", 2016, 2016)],
        ),
        # results of the finished plan in a plan chapter (the 2021 report)
        (
            "二、“十三五”时期经济社会发展主要成就",
            2021,
            "脱贫攻坚成果举世瞩目，5575万农村贫困人口实现脱贫。",
            [("5575万", "achievement", 2016, 2020)],
        ),
        ("三、2016年重点工作", 2016, "新建改建农村公路20万公里。", [("20万公里", "target", 2016, 2016)]),
    ],
)
def test_target_kinds_heading_frames_the_passage(heading, year, sentence, expected):
    context = Context(year=year, part="plan", genre="政府工作报告", heading=heading)
    assert _kinds(sentence, context) == expected


def _former_cues(text: str, sentence: tuple[int, int], pos: int) -> tuple[bool, bool, bool]:
    """The cue words before ``pos`` as the kind rules read them before SentenceCues: the
    sentence's text from where it begins, substituted afresh for every amount."""
    from extractors.target_kinds import _long_start, _strip_bases, kind_words

    w = kind_words()
    long_earlier = _strip_bases(w, text[_long_start(text, sentence[0]) : pos])
    plain = w.achievement_re.sub("，", long_earlier)
    return (
        any(c in long_earlier for c in w.achievement),
        any(c in plain for c in w.target),
        any(c in plain for c in w.weak_target),
    )


_CUE_PIECES = [
    "今年",
    "力争",
    "目标",
    "既定目标",
    "超过全年预期目标",
    "全年",
    "计划",
    "去年",
    "上年",
    "比上年",
    "比上年同期",
    "同比",
    "已",
    "已经",
    "过去一年",
    "增长1%",
    "，",
    "。",
    "；",
    "\n",
    "年",
    "比",
    "既定",
    "全",
]


@pytest.mark.issue(14)
@settings(max_examples=120, deadline=None, derandomize=True)
@given(pieces=st.lists(st.sampled_from(_CUE_PIECES), max_size=40))
def test_target_kinds_sentence_cues_read_as_before(pieces):
    """Reading each sentence once gives, at every position, what reading its text up to
    there afresh gave, in any order of asking."""
    from extractors.sentences import SentenceIndex
    from extractors.target_kinds import SentenceCues

    text = "".join(pieces)
    index = SentenceIndex(text)
    cues = SentenceCues(text)
    positions = [p for s, e in index.spans for p in range(s, e + 1)]
    for pos in positions + positions[::-1]:
        sentence = index.span_at(pos)
        assert cues.before(sentence, pos) == _former_cues(text, sentence, pos), (text, pos)


@pytest.mark.issue(14)
def test_target_kinds_target_word_parts_of_a_sentence_back():
    # gov-report 2019: the last target of the headline sentence is 181 characters after 今年,
    # in another ；-part, and still reads it
    text = (
        "今年经济社会发展的主要预期目标是：国内生产总值增长6%－6.5%；城镇新增就业1100万人以上，城镇调查失业率5.5%左右，"
        "城镇登记失业率4.5%以内；居民消费价格涨幅3%左右；国际收支基本平衡，进出口稳中提质；宏观杠杆率基本稳定，"
        "金融财政风险有效防控；农村贫困人口减少1000万以上，居民收入增长与经济增长基本同步；生态环境进一步改善，"
        "单位国内生产总值能耗下降3%左右。"
    )
    from extractors.sentences import SentenceIndex
    from extractors.target_kinds import SentenceCues, kind_words

    pos = text.rindex("3%左右")
    sentence = SentenceIndex(text).span_at(pos)
    assert not any(w in text[sentence[0] : pos] for w in kind_words().target)  # its ；-part holds none
    assert SentenceCues(text).before(sentence, pos) == (False, True, False)
    assert SentenceCues(text).before(sentence, sentence[0]) == (False, True, False)


def test_target_kinds_cue_word_holding_the_replacement_is_refused():
    from extractors.errors import DataFileError
    from extractors.language_data import load
    from extractors.target_kinds import build_kind_words

    data = dict(load("target_kinds"))
    data["target"] = [*data["target"], "目标，是"]
    with pytest.raises(DataFileError, match=r"target_kinds\.yaml.*target\[\d+\].*目标，是"):
        build_kind_words(data)


REVIEW_2003 = Context(year=2003, part="review", genre="政府工作报告")
REVIEW_1987 = Context(year=1987, part="review", genre="政府工作报告")


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "context", "expected"),
    [
        # where a change starts is the year before it: the year written with it, else the
        # year before the period the change covers
        (
            "国内生产总值从1997年的7.4万亿元增加到2002年的10.2万亿元。",
            REVIEW_2003,
            [("7.4万亿元", "achievement", 1997, 1997), ("10.2万亿元", "achievement", 2002, 2002)],
        ),
        (
            "五年内，农村贫困人口由4960万人减少到2820万人。",
            REVIEW_2003,
            [("4960万人", "achievement", 1997, 1997), ("2820万人", "achievement", 1998, 2002)],
        ),
        (
            "一年来，农村低保标准由3600元提高到3960元。",
            Context(year=2018, part="other"),
            [("3600元", "achievement", 2016, 2016), ("3960元", "achievement", 2017, 2017)],
        ),
        # a bare 五年 opening a clause of a review is that review's five years
        (
            "五年全社会固定资产投资累计完成17.2万亿元。",
            REVIEW_2003,
            [("17.2万亿元", "achievement", 1998, 2002)],
        ),
        # the time that dates an amount in a review dates it even for a stock
        (
            "2002年高等学校在校生1600万人，是1997年的2.3倍；五年内全国本专科毕业生1300万人。",
            REVIEW_2003,
            [
                ("1600万人", "achievement", 2002, 2002),
                # 1997 is the base of the multiple: the change runs over 1998–2002 (the dev10c
                # audit; the thirty-second round, before it 2002 alone)
                ("2.3倍", "achievement", 1998, 2002),
                ("1300万人", "achievement", 1998, 2002),
            ],
        ),
        # 今年 of a plan written late in the year before does not date last year's results
        (
            "一年来，今年以来共服务保障重点项目107个。",
            Context(year=2023, part="review", genre="工作计划"),
            [("107个", "achievement", 2022, 2022)],
        ),
        # a span after 从 is the period the amounts of its sentence are about, not a base of
        # comparison (gov-report-1978: 1977 before)
        (
            "从一九七四年到一九七六年，全国大约损失工业总产值一千亿元。",
            Context(year=1978, part="review", genre="政府工作报告"),
            [("一千亿元", "achievement", 1974, 1976)],
        ),
        # where a change over such a span starts is its first year (gov-report-1986: 1979
        # before, the year before the span), where it ends its last
        (
            "从一九八○年至一九八五年，我国原煤产量由六亿二千万吨增加到八亿五千万吨。",
            Context(year=1986, part="review", genre="政府工作报告"),
            [("六亿二千万吨", "achievement", 1980, 1980), ("八亿五千万吨", "achievement", 1985, 1985)],
        ),
        # a change against a year before the period is over the years since (gov-report 2008,
        # second held-out set, in-sample since its measurement)
        (
            "2007年，国内生产总值达到24.66万亿元，比2002年增长65.5%。",
            Context(year=2008, part="review", genre="政府工作报告"),
            [("24.66万亿元", "achievement", 2007, 2007), ("65.5%", "achievement", 2003, 2007)],
        ),
        # against last year it is last year's
        (
            "2007年，国内生产总值达到24.66万亿元，比上年增长11.4%。",
            Context(year=2008, part="review", genre="政府工作报告"),
            [("24.66万亿元", "achievement", 2007, 2007), ("11.4%", "achievement", 2007, 2007)],
        ),
        # a frame comparing two years dates every part of its sentence: where a change starts
        # is the earlier year, the level reached the later, the change the years between
        # (gov-report 1987, third set, in-sample); without it the change is the year reported
        (
            "1986年同1978年相比，国民生产总值由3480亿元增加到9380亿元，按可比价格计算增长102%；"
            "国家财政收入由1121亿元增加到2220亿元，增长98%。",
            REVIEW_1987,
            [
                ("3480亿元", "achievement", 1978, 1978),
                ("9380亿元", "achievement", 1986, 1986),
                ("102%", "achievement", 1979, 1986),
                ("1121亿元", "achievement", 1978, 1978),
                ("2220亿元", "achievement", 1986, 1986),
                ("98%", "achievement", 1979, 1986),
            ],
        ),
        (
            "国家财政收入由1121亿元增加到2220亿元，增长98%。",
            REVIEW_1987,
            [
                ("1121亿元", "achievement", 1985, 1985),
                ("2220亿元", "achievement", 1986, 1986),
                ("98%", "achievement", 1986, 1986),
            ],
        ),
        # in a review of five years a level reached is the last year's; a yearly average and a
        # sum over the years span them (second audit, in-sample)
        (
            "过去五年，我国经济快速增长。农村居民人均纯收入达到2090元，年均实际增长5.4%。全社会固定资产投资总额达到9万亿元。",
            Context(year=1998, part="review", genre="政府工作报告"),
            [
                ("2090元", "achievement", 1997, 1997),
                ("5.4%", "achievement", 1993, 1997),
                ("9万亿元", "achievement", 1993, 1997),
            ],
        ),
        # a change from…to… with no year of its own, after one between two named years, starts
        # from the earlier (gov-report 2003, first audit, in-sample)
        (
            "全国研究与试验开发经费，从1997年的509亿元增加到2002年的1161亿元，占国内生产总值的比重从0.64%提高到1.13%。",
            REVIEW_2003,
            [
                ("509亿元", "achievement", 1997, 1997),
                ("1161亿元", "achievement", 2002, 2002),
                ("0.64%", "achievement", 1997, 1997),
                ("1.13%", "achievement", 2002, 2002),
            ],
        ),
        # a time inside a phrase that frames only itself (在…的基础上) dates its own amount
        # (gov-report 1985, fourth set, in-sample)
        (
            "1984年，我国工农业总产值突破一万亿元，在1979到1983年平均每年递增7.9%的基础上，比上年增长14.2%。",
            Context(year=1985, part="review", genre="政府工作报告"),
            [
                ("突破一万亿元", "achievement", 1984, 1984),
                ("7.9%", "achievement", 1979, 1983),
                ("14.2%", "achievement", 1984, 1984),
            ],
        ),
    ],
)
def test_target_kinds_review_periods(sentence, context, expected):
    assert _kinds(sentence, context) == expected


def test_target_kinds_bare_count_of_years_opens_no_plan_period():
    """A bare 五年 opening a plan clause says nothing alone (no 今后, no 来)."""
    found = _kinds("五年淘汰落后炼铁产能1亿吨。", Context(year=2007, part="plan", genre="政府工作报告"))
    assert found == [("1亿吨", "target", 2007, 2007)]


def test_target_kinds_baseline_in_a_five_year_review():
    """A change with no year of its own in a chapter headed 过去五年… starts the year before
    those five years (gov-report 2003: 高考录取率从36%提高到59%)."""
    context = Context(year=2003, part="review", genre="政府工作报告", heading="一、过去五年政府工作回顾")
    found = _kinds("高考录取率从36%提高到59%。", context)
    assert found[0] == ("36%", "achievement", 1997, 1997)


def test_target_kinds_a_five_year_review_chapter_dates_sentences_without_a_time():
    """In a chapter headed 过去五年…, a sentence naming no time of its own is about the five
    years; a plan's name opening a sentence (“十一五”规划纲要把…) frames nothing (gov-report 2008,
    second set, in-sample); a year of its own still dates it."""
    context = Context(year=2008, part="review", genre="政府工作报告", heading="一、过去五年工作回顾")
    found = _kinds(
        "“十一五”规划纲要把节能和减排作为约束性目标。依法淘汰一大批落后生产能力，关停小火电2157万千瓦。"
        "2007年粮食产量达到5亿吨。",
        context,
    )
    assert found == [("2157万千瓦", "achievement", 2003, 2007), ("5亿吨", "achievement", 2007, 2007)]


def test_target_kinds_a_year_written_out_is_no_count_of_years():
    """The 五年 of 一九八五年末 is a year, not five of them: a level of 1985 in the review of
    the 六五 plan stays 1985 (gov-report 1986, fourth audit, in-sample)."""
    context = Context(year=1986, part="review", genre="政府工作报告", heading="“六五”计划执行情况的回顾")
    found = _kinds("城乡居民储蓄大幅度增加。一九八五年末达到一千六百二十三亿元。", context)
    assert found == [("一千六百二十三亿元", "achievement", 1985, 1985)]


def test_target_kinds_targets_quoted_as_a_list_in_a_review():
    """Every amount of a list that ends in 的目标 is last year's target quoted (gov-report 2007);
    so is a list ending in 的要求, numerals in words included (gov-report 1958, in-sample),
    while the counties that reached it are the year's result."""
    found = _kinds(
        "全国没有实现年初确定的单位国内生产总值能耗降低4%左右、主要污染物排放总量减少2%的目标。",
        Context(year=2007, part="review", genre="政府工作报告"),
    )
    assert found == [("4%左右", "target", 2006, 2006), ("2%", "target", 2006, 2006)]
    found = _kinds(
        "全国已经有六十五个县、市，分别达到了纲要所提出的每亩生产粮食四百斤、五百斤、八百斤的要求。",
        Context(year=1958, part="review", genre="政府工作报告"),
    )
    assert [kind for _, kind, _, _ in found] == ["achievement", "target", "target", "target"]


def test_target_kinds_a_topic_before_the_opening_time():
    # gov-report 1987: 在经济领域， before 过去一年里… still opens the sentence with a past
    # time, which frames the results after it (the chapter heading names no review)
    text = (
        "在经济领域，过去一年里取得的最重要的成绩，就是使整个国民经济继续纳入正常发展的轨道。"
        "全国社会总产值达到18774亿元，比上年增长9.1%。"
    )
    found = _kinds(text, Context(year=1987, part="plan", genre="政府工作报告"))
    assert found == [("18774亿元", "achievement", 1986, 1986), ("9.1%", "achievement", 1986, 1986)]
    # without a past time after the topic, a plan chapter's amount stays a target
    text = "在经济领域，要使整个国民经济继续纳入正常发展的轨道。全国社会总产值达到20000亿元。"
    assert _kinds(text, Context(year=1987, part="plan", genre="政府工作报告"))[0][1] == "target"


@pytest.mark.issue(17)
def test_target_kinds_levels_and_yearly_averages_in_a_review_of_several_years():
    # docs/annotation.md "period": in the review of 1993–1997 a level a change reaches and a
    # rate reached are 1997's; a yearly average is over the five years even where the
    # sentence names 1997; what was done over the years keeps the span
    review = Context(year=1998, part="review", genre="政府工作报告", heading="一、过去五年政府工作的回顾")
    text = (
        "国家外汇储备由194亿美元增加到1399亿美元。广播和电视的人口覆盖率都达到了85%以上。"
        "1997年国内生产总值达到74772亿元，按可比价格计算，平均每年增长11%。"
        "五年铁路正线铺轨总里程11344公里。"
    )
    assert _kinds(text, review) == [
        ("194亿美元", "achievement", 1992, 1992),
        ("1399亿美元", "achievement", 1997, 1997),
        ("85%以上", "achievement", 1997, 1997),
        ("74772亿元", "achievement", 1997, 1997),
        ("11%", "achievement", 1993, 1997),
        ("11344公里", "achievement", 1993, 1997),
    ]


@pytest.mark.issue(17)
def test_target_kinds_a_share_in_a_review_of_several_years_is_the_last_years_level():
    # docs/annotation.md "period" (gov-report 1998, second audit, in-sample): a share is a
    # level at the end of the review — unless it starts a change, holds through the years or
    # divides a sum over a span its own sentence names
    review = Context(year=1998, part="review", genre="政府工作报告", heading="一、过去五年政府工作的回顾")
    text = (
        "占全国人口65%的地区基本普及九年义务教育。"
        "第三产业占经济总量比重从30%提高到33%。"
        "财政性教育经费占国内生产总值比例持续超过4%。"
        "五年的财政支出，用于国家建设事业的约占60%以上。"
    )
    assert _kinds(text, review) == [
        ("65%", "achievement", 1997, 1997),
        ("30%", "achievement", 1992, 1992),
        ("33%", "achievement", 1997, 1997),
        ("超过4%", "achievement", 1993, 1997),
        ("60%以上", "achievement", 1993, 1997),
    ]


def test_target_kinds_growth_over_the_same_period_last_year_is_a_result():
    # 比去年同期增长: measured against the same months of last year, so already measured
    # (gov-report 1956, 1980), even in a plan chapter
    found = _kinds("1980年上半年又比去年同期增长20.2%。", Context(year=1981, part="plan", genre="政府工作报告"))
    assert found[0][:2] == ("20.2%", "achievement")
    found = _kinds("全部工业生产总值比上年同期增长33.3%。", Context(year=1956, part="plan", genre="政府工作报告"))
    assert found[0][:2] == ("33.3%", "achievement")
    # …even under 今年, which otherwise makes a plan chapter's amount a target (1980, 1984)
    found = _kinds(
        "今年上半年，社会商品零售总额又比去年同期增长18.5%。", Context(year=1980, part="plan", genre="政府工作报告")
    )
    assert found[0][:2] == ("18.5%", "achievement")
    # …unless the clause commits to it
    found = _kinds(
        "今年上半年，力争社会商品零售总额比去年同期增长18.5%。", Context(year=1980, part="plan", genre="政府工作报告")
    )
    assert found[0][:2] == ("18.5%", "target")


@pytest.mark.issue(17)
def test_target_kinds_a_sum_over_a_review_of_several_years_spans_them():
    # gov-report 2008 (five-year review): 五年累计, 五年支出 sum the five years; a level with
    # no such word stays the last year's
    review = Context(year=2008, part="review", genre="政府工作报告", heading="一、过去五年政府工作回顾")
    found = _kinds(
        "中央财政用于“三农”的支出五年累计1.6万亿元。中央财政五年支出551亿元。全国社会保障基金积累4140亿元。", review
    )
    assert found == [
        ("1.6万亿元", "achievement", 2003, 2007),
        ("551亿元", "achievement", 2003, 2007),
        ("4140亿元", "achievement", 2007, 2007),
    ]


def _ctx(year: int, part: str = "review") -> Context:
    return Context(year=year, part=part, genre="政府工作报告")


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "context", "expected"),
    [
        # 按一九五二年不变价格计算 is what the sum is reckoned in: no period (1958, fifth set's
        # audit, in-sample) and no past frame for the sentences after it in a plan (1986)
        (
            "农业和农副业总产值达到六百零三亿五千万元（按一九五二年不变价格计算），比一九五六年增长百分之三点五。",
            _ctx(1958),
            [("六百零三亿五千万元", "achievement", 1957, 1957), ("百分之三点五", "achievement", 1957, 1957)],
        ),
        (
            "按一九八○年不变价格计算，一九九○年工农业总产值达到一万六千七百七十亿元。城乡居民的实际消费水平五年增长百分之二十七左右。",
            _ctx(1986, "plan"),
            [("百分之二十七左右", "target", 1986, 1986)],
        ),
        # A年比B年， frames the changes after it, the nearest frame first (1957, 1959)
        (
            "1956年比1950年，棉布供应增加了两倍，胶鞋增加了1.9倍。",
            _ctx(1957),
            [("两倍", "achievement", 1951, 1956), ("1.9倍", "achievement", 1951, 1956)],
        ),
        (
            "一九五七年比一九五二年，钢增加了四百万吨；而一九五八年比一九五七年，钢增加了五百七十三万吨。",
            _ctx(1959),
            [("四百万吨", "achievement", 1953, 1957), ("五百七十三万吨", "achievement", 1958, 1958)],
        ),
        # a goal a review restates with a deadline after the year reviewed is a target (1959);
        # a year inside a name is no deadline (2017)
        (
            "粮食的单位面积产量，到一九六七年在全国三类地区分别达到四百斤、五百斤、八百斤的指标。",
            _ctx(1959),
            [("四百斤", "target", 1959, 1967), ("五百斤", "target", 1959, 1967)],
        ),
        (
            "部署启动面向2030年的科技创新重大项目，新设6个国家自主创新示范区。",
            _ctx(2017),
            [("6个", "achievement", 2016, 2016)],
        ),
        # a later year written out in a review is that year's plan (1957); a sentence that
        # estimates the year under way reports results (1982, delivered in December 1982)
        ("1957年的国家预算收入比1956年增长近百分之二。", _ctx(1957), [("近百分之二", "target", 1957, 1957)]),
        ("1956年的国家预算收入比1955年增长百分之五。", _ctx(1957), [("百分之五", "achievement", 1956, 1956)]),
        (
            "一九八二年计划为百分之四，预计可以达到百分之六点四。一九八二年预计比一九八一年增长百分之五。",
            _ctx(1982),
            [
                ("百分之四", "target", 1982, 1982),
                ("百分之六点四", "achievement", 1982, 1982),
                ("百分之五", "achievement", 1982, 1982),
            ],
        ),
        # 从1998年起 dates the amounts after it 1998–2002 (2003, first set's audit, in-sample);
        # where a change starts is the year before the span
        (
            "从1998年起，中央财政支出中教育经费所占比例每年提高一个百分点。",
            _ctx(2003),
            [("一个百分点", "achievement", 1998, 2002)],
        ),
        (
            "高等学校从1999年起连续扩大招生规模，高考录取率从36%提高到59%。",
            _ctx(2003),
            [("36%", "achievement", 1998, 1998), ("59%", "achievement", 2002, 2002)],
        ),
        # arithmetic on a supposition is `other`, in the condition and in a consequence drawn
        # with 就 (1957); a plan under a caveat, a figure reckoned another way (则) and a base
        # of comparison are no suppositions (1956, 1959)
        (
            "如果每个人每年增加一元钱的购买力，全国人民的购买力就增加六亿元。",
            _ctx(1957),
            [("一元", "other", None, None), ("六亿元", "other", None, None)],
        ),
        (
            "如果没有特大的灾荒，粮食产量将要达到3989亿斤，比1955年增长8.4%。",
            _ctx(1956, "plan"),
            [("3989亿斤", "target", 1956, 1956), ("8.4%", "target", 1956, 1956)],
        ),
        (
            "如果把乡村小学经费加入计算，则社会文教支出实际增长比例为26.39%。",
            _ctx(1956, "plan"),
            [("26.39%", "target", 1956, 1956)],
        ),
        (
            "如果同建国初期的一九五零年的一百七十亿元作比较，则增长二点八倍。",
            _ctx(1959),
            [("一百七十亿元", "achievement", 1950, 1950)],
        ),
        # a size whose holders are counted defines them; the count is the result (1960)
        (
            "亩产皮棉六十斤到七十九斤的有一百零四个县；一百斤以上的，共有二百零四个县。",
            _ctx(1960),
            [
                ("六十斤到七十九斤", "threshold", None, None),
                ("一百零四个", "achievement", 1959, 1959),
                ("一百斤以上", "threshold", None, None),
                ("二百零四个", "achievement", 1959, 1959),
            ],
        ),
        # the level of a base of comparison is that year's, in a review and in a plan (1960:
        # fifth audit; 1959)
        (
            "一九五九年的产量达到五百零二万吨，比一九五七年的三百一十二万吨增加了一百九十万吨。",
            _ctx(1960),
            [("三百一十二万吨", "achievement", 1957, 1957)],
        ),
        (
            "今年的工业总产值将比一九五八年的一千一百七十亿元增长百分之四十。",
            _ctx(1959, "plan"),
            [("一千一百七十亿元", "achievement", 1958, 1958), ("百分之四十", "target", 1959, 1959)],
        ),
        # an amount before 的水平 is the level itself, no size of a thing (1957: fifth audit)
        (
            "农业投资每年增加二十七亿四千万元，超过了前三年平均每年增加二十三亿八千万元的水平。",
            _ctx(1957),
            [("二十三亿八千万元", "achievement", 1953, 1955)],
        ),
        # a plan's requirement quoted in a review takes the plan's years where its sentence gives
        # them past the year reviewed (1960: fifth set), and none where it does not
        (
            "全国农业发展纲要要求：从一九五六年开始，在十二年内，粮食每亩平均年产量分别达到四百斤、五百斤和八百斤。",
            _ctx(1960),
            [("四百斤", "target", 1956, 1967), ("五百斤", "target", 1956, 1967), ("八百斤", "target", 1956, 1967)],
        ),
        (
            "纲要要求：棉花每亩平均年产量，在十二年内，分别达到四十斤、六十斤。",
            _ctx(1960),
            [("四十斤", "target", None, None), ("六十斤", "target", None, None)],
        ),
        # the years of a multiple's base do not date it (2003)
        (
            "五年来，中央财政用于水利建设的投入5800亿元，是1950年到1997年投入总和的1.7倍。",
            _ctx(2003),
            [("1.7倍", "achievement", 1998, 2002)],
        ),
        # the whole a share is taken of is a count of what there is, in a review too (1960);
        # a share's change from one year to another is no whole (1983)
        (
            "已经有五百零四个县，占全国一千七百八十六个县的百分之二十八。",
            _ctx(1960),
            [("五百零四个", "achievement", 1959, 1959), ("一千七百八十六个", "fact", None, None)],
        ),
        (
            "农业所占比重由一九七八年的百分之二十七点八提高到一九八二年的百分之三十三点六。",
            _ctx(1983),
            [("百分之二十七点八", "achievement", 1978, 1978)],
        ),
        # a stock dated before the plan's year by a time before it is what there was then
        # (1960, 1959), not one a later time only compares with, nor one striven for (1986)
        (
            "一九五八年初全国有七十四万多个高级农业生产合作社。",
            _ctx(1960, "plan"),
            [("七十四万多个", "achievement", 1958, 1958)],
        ),
        (
            "我国的高等学校的学生，一九五二年有十九万人，到了一九五七年已经有四十四万人。",
            _ctx(1959, "plan"),
            [("十九万人", "achievement", 1952, 1952), ("四十四万人", "achievement", 1957, 1957)],
        ),
        (
            "争取有百分之四十左右的主要工业产品达到发达国家七十年代末八十年代初的水平。",
            _ctx(1986, "plan"),
            [("百分之四十左右", "target", 1986, 1986)],
        ),
        ("全国有七十四万多个高级农业生产合作社。", _ctx(1960, "plan"), [("七十四万多个", "fact", None, None)]),
        # an amount striven for (为…奋斗) is a goal, in a review too (1958, 1960: fifth set)
        (
            "现在日产量已经达到一千二百多吨，并且正在为日产一千五百吨奋斗。",
            _ctx(1958, "plan"),
            [("一千二百多吨", "achievement", 1957, 1957), ("一千五百吨", "target", 1958, 1958)],
        ),
        (
            "还应当进一步为争取每人平均至少一千五百斤粮食而奋斗。",
            _ctx(1960),
            [("至少一千五百斤", "target", 1960, 1960)],
        ),
        # last year's report quoted in a review: its target, of the year reviewed; where the
        # change starts stays last year's level (1995, 1997: the fourth audit, in-sample)
        (
            "去年我在政府工作报告中曾提出，要把全年商品零售物价上涨幅度控制在百分之十以内。",
            _ctx(1995),
            [("百分之十以内", "target", 1994, 1994)],
        ),
        (
            "去年政府工作报告提出，物价涨幅要从14.8%降到10%左右，经过上下各方面的努力，实际回落到6.1%。",
            _ctx(1997),
            [
                ("14.8%", "achievement", 1995, 1995),
                ("10%左右", "target", 1996, 1996),
                ("6.1%", "achievement", 1996, 1996),
            ],
        ),
        # a sentence opening with an era before the issuer's speaks of that era: a fact of it
        # (1955, in-sample: read as the plan's target); as a base of comparison it is none
        (
            "直到抗日战争爆发以前，全国除东北外每年只生产钢四万吨左右，而且都是满清末年的产品。",
            _ctx(1955, "plan"),
            [("四万吨左右", "fact", None, None)],
        ),
        (
            "与解放前最高水平相比，在一九五三年年底，全国高等学校学生数增长了百分之四十。",
            _ctx(1954),
            [("百分之四十", "achievement", 1953, 1953)],
        ),
        # two plan periods compared like two years, each level taking its whole span (1986:
        # the fourth audit, in-sample); two years keep their years
        (
            "“六五”时期同“五五”时期相比，我国粮食的年平均产量由三亿零五百三十万吨增加到三亿七千零六十二万吨。",
            _ctx(1986),
            [("三亿零五百三十万吨", "achievement", 1976, 1980), ("三亿七千零六十二万吨", "achievement", 1981, 1985)],
        ),
        (
            "1986年同1978年相比，国民生产总值由3480亿元增加到9380亿元，增长102%。",
            _ctx(1987),
            [
                ("3480亿元", "achievement", 1978, 1978),
                ("9380亿元", "achievement", 1986, 1986),
                ("102%", "achievement", 1979, 1986),
            ],
        ),
        # what a measure should be is a requirement, a target in a review too (1960: fifth set's
        # audit, in-sample); not a figure reckoned anew after 就 (1959), nor results a later
        # clause says others should learn from (1979)
        (
            "但是按照纲要要求的水平计算，全国粮食总产量应该有七千二百亿斤到七千五百亿斤。",
            _ctx(1960),
            [("七千二百亿斤到七千五百亿斤", "target", None, None)],
        ),
        (
            "这样，一九五七年的工农业总产值就应当是一千二百四十一亿元。",
            _ctx(1959),
            [("一千二百四十一亿元", "achievement", 1957, 1957)],
        ),
        (
            "四川省由千分之二十九降到千分之六点一，他们的经验应该在全国城乡推广。",
            _ctx(1979),
            [("千分之六点一", "achievement", 1978, 1978)],
        ),
        # what the plan year will see done is counted for the plan, no stock (1958: fifth set);
        # a count taken up to a time stays one (1980)
        (
            "这些建设项目，在今年内可以建设完工的有十四个，例如大冶钢厂。",
            _ctx(1958, "plan"),
            [("十四个", "target", 1958, 1958)],
        ),
        (
            "实行扩大自主权试点的工业企业，到今年上半年有6，600个左右。",
            _ctx(1980, "plan"),
            [("6，600个左右", "fact", None, None)],
        ),
    ],
)
def test_target_kinds_readings_of_the_older_reports(sentence, context, expected):
    """Each expected reading is among the sentence's (the others are judged elsewhere)."""
    found = _kinds(sentence, context)
    assert [e for e in expected if e not in found] == []


def test_target_kinds_a_recent_span_frames_its_own_sentence_only():
    """近两年，… frames the sentence it opens (近三年淘汰落后炼钢炼铁产能9000多万吨 → 2013–2015 in
    the 2016 review), not the sentences after it, which keep the review's frame (gov-report
    2008: 近两年，又提出…方案。…关停小火电2157万千瓦 → 2003–2007; held-out set two, in-sample)."""
    review = Context(year=2016, part="review", genre="政府工作报告", heading="一、2015年工作回顾")
    assert _kinds("近三年淘汰落后炼钢炼铁产能9000多万吨。", review) == [("9000多万吨", "achievement", 2013, 2015)]
    review = Context(year=2008, part="review", genre="政府工作报告", heading="一、过去五年政府工作回顾")
    found = _kinds("近两年，又提出并实施节能减排综合性工作方案。依法关停小火电2157万千瓦。", review)
    assert found == [("2157万千瓦", "achievement", 2003, 2007)]


def test_target_kinds_a_yearly_average_runs_over_the_span_its_sentence_names_after_it():
    """平均每年降低1个百分点以上，五年内取消农业税 in the 2004 plan is 2004–2008 (held-out set two,
    in-sample); a yearly average whose sentence names no span ahead keeps the plan year."""
    plan = Context(year=2004, part="plan", genre="政府工作报告")
    found = _kinds("从今年起，逐步降低农业税税率，平均每年降低1个百分点以上，五年内取消农业税。", plan)
    assert found == [("1个百分点以上", "target", 2004, 2008)]
    assert _kinds("今年平均每年降低1个百分点以上。", plan) == [("1个百分点以上", "target", 2004, 2004)]


def test_target_kinds_a_count_of_years_after_its_measure_frames_its_own_sentence_only():
    """中央财政连续三年累计投入90亿元 is 2004–2006 in the 2007 review, but the sentence after it
    keeps the review's own year (in-sample, gov-report 2007)."""
    review = Context(year=2007, part="review", genre="政府工作报告", heading="一、2006年工作回顾")
    found = _kinds("中央财政连续三年累计投入90亿元。高等教育在学人数2500万人。", review)
    assert found == [("90亿元", "achievement", 2004, 2006), ("2500万人", "achievement", 2006, 2006)]


@pytest.mark.issue(17)
def test_target_kinds_a_state_already_reached_is_a_result_in_a_plan_chapter():
    """已经 before the amount in its clause, with no commitment there, says a state reached —
    a result even under the plan year's words (gov-report 1954, 1995: fourth set, in-sample);
    not where the plan's own span governs it (五年内…已经达到, the plan's total), nor where
    已 governs a reckoning the amount sits in (已按…的4%编制预算, the plan year's budget)."""
    plan = Context(year=1954, part="plan", genre="政府工作报告")
    assert _kinds("农业生产合作社在今年八月已经发展到十万个。", plan)[0][:2] == ("十万个", "achievement")
    plan = Context(year=1995, part="plan", genre="政府工作报告")
    assert (
        _kinds("由于已经连续三年增长速度在百分之十一以上，今年增长速度比去年低一点是适当的。", plan)[0][1]
        == "achievement"
    )
    plan = Context(year=1955, part="plan", genre="政府工作报告")
    found = _kinds("五年内国家对经济建设和文化教育建设的支出已经达到七百六十六亿四千万元。", plan)
    assert found[0][1:] == ("target", 1955, 1959)
    plan = Context(year=2012, part="plan", genre="政府工作报告")
    found = _kinds("今年中央财政已按全国财政性教育经费支出占国内生产总值的4%编制预算。", plan)
    assert found[0][1] == "target"


@pytest.mark.issue(17)
def test_kinds_a_comparison_with_last_year_is_no_time_spoken_of():
    """货币发行和新增信贷规模与去年大体持平，零售物价上涨幅度控制在百分之六以内 (gov-report 1992,
    sixth audit): 与去年 compares, like 比去年; the ceiling after it is the plan year's target."""
    plan = Context(year=1992, part="plan", genre="政府工作报告")
    found = _kinds("货币发行和新增信贷规模与去年大体持平，零售物价上涨幅度控制在百分之六以内。", plan)
    assert found == [("百分之六以内", "target", 1992, 1992)]


@pytest.mark.issue(17)
def test_kinds_a_size_made_is_no_size_of_a_thing():
    """建成仓容250亿公斤的国家粮食储备库 (gov-report 2000, second audit), 今年要新增8000万吨标准煤的
    节能能力 (2010): after a verb of making the amount is what is made, a result or a target;
    投资3亿元的海岸线保护修复工程 stays the size of a thing, a fact."""
    assert _kinds("今年要新增8000万吨标准煤的节能能力。") == [("8000万吨标准煤", "target", 2019, 2019)]
    assert _kinds("投资3亿元的海岸线保护修复工程有序推进。")[0][1] == "fact"


@pytest.mark.issue(17)
def test_periods_a_review_of_five_years_under_its_heading():
    """Under 一、改革开放和现代化建设取得伟大成就的五年 (gov-report 1993): a yearly average is over the
    five years, a change on the year before is the last year's (the fulfilment table judged
    1992's 6% growth target by it; the sixth audit)."""
    review = Context(
        year=1993, part="review", genre="政府工作报告", heading="一、改革开放和现代化建设取得伟大成就的五年"
    )
    assert _kinds("农业总产值平均每年增长百分之四点九。", review) == [("百分之四点九", "achievement", 1988, 1992)]
    assert _kinds("国民经济实现了快速增长，国民生产总值比上年增长百分之十二点八。", review) == [
        ("百分之十二点八", "achievement", 1992, 1992)
    ]


@pytest.mark.issue(17)
def test_target_kinds_the_plan_year_after_the_document_year():
    """gov-report 1980 (delivered in August) sets out 1981年国民经济计划: its figures are 1981's,
    not due "by 1981" from 1980 (eighth audit); 到1985年 in the same report stays a deadline."""
    context = Context(year=1980, part="plan", genre="政府工作报告")
    found = _kinds(
        "二、1981年国民经济计划的任务和主要指标\n对外贸易，进出口总额559亿元，比1980年预计增加42亿元。", context
    )
    assert [(k, s, e) for _, k, s, e in found] == [("target", 1981, 1981), ("target", 1981, 1981)]
    found = _kinds("到1985年，粮食产量要达到4亿吨。", context)
    assert [(s, e) for _, _, s, e in found] == [(1980, 1985)]


@pytest.mark.issue(17)
def test_target_kinds_a_target_changed_from_a_year_before_the_plans():
    """到一九八五年…由一九八○年的七千二百万吨增加到一亿二千万吨, …比一九八○年增长百分之二十二
    in the 1982 report (the sixth five-year plan, eighth audit): the change runs from the year
    after its base, 1981–1985, not from the document year."""
    context = Context(year=1982, part="plan", genre="政府工作报告")
    found = _kinds("到一九八五年，煤炭的外运能力将由一九八○年的七千二百万吨增加到一亿二千万吨。", context)
    assert found[-1][1:] == ("target", 1981, 1985)
    found = _kinds("到一九八五年，出版总量比一九八○年增长百分之二十二。", context)
    assert found[-1][1:] == ("target", 1981, 1985)
    found = _kinds("到一九八五年，出版总量比一九八一年增长百分之二十。", context)
    assert found[-1][1:] == ("target", 1982, 1985)  # from the document year at the latest


@pytest.mark.issue(17)
def test_target_kinds_a_late_report_estimating_its_own_year():
    """粮食…一九八二年预计达到三亿三千五百多万吨 in the review of the 1982 report, delivered that
    December (eighth audit): the estimate is 1982's; a year written without an estimate in a
    review stays its default (the year before)."""
    review = Context(year=1982, part="review", genre="政府工作报告")
    found = _kinds("粮食仍然连年增产，一九八二年预计达到三亿三千五百多万吨，比去年增产一千多万吨。", review)
    assert [(k, s, e) for _, k, s, e in found] == [("achievement", 1982, 1982)] * 2
    found = _kinds("粮食产量达到三亿二千五百万吨。", review)
    assert [(k, s, e) for _, k, s, e in found] == [("achievement", 1981, 1981)]


@pytest.mark.issue(17)
def test_target_kinds_a_quota_set_from_above_quoted_in_a_review():
    """超额完成粮食播种5.5万亩、总产量1.9万吨的省定任务 (pingtan-gov-report 2024, seventh audit):
    the quota the province set, a target of the year reviewed; 如期完成裁减员额50万的任务 (2003)
    reports the task done, a result."""
    review = Context(year=2024, part="review", genre="政府工作报告")
    found = _kinds("超额完成粮食播种5.5万亩、总产量1.9万吨的省定任务。", review)
    assert [(k, s) for _, k, s, _ in found] == [("target", 2023), ("target", 2023)]
    found = _kinds("如期完成裁减员额50万的任务。", Context(year=2003, part="review", genre="政府工作报告"))
    assert found[0][1] == "achievement"


@pytest.mark.issue(17)
def test_target_kinds_the_year_under_way_estimated_outside_a_review():
    """一九五四年预计现代工业的总产值将等于一九四九年的四点二倍 and 预计今年的粮食产量可以等于…
    (the report of September 1954, ninth audit): an estimate of the year under way is its
    expected result, not a commitment, for every item of the sentence; an estimate of a base
    (比一九五七年的预计数增加, 1958) and a commitment in the clause leave a target."""
    context = Context(year=1954, part="plan", genre="政府工作报告")
    found = _kinds("一九五四年预计现代工业的总产值将等于一九四九年的四点二倍。", context)
    assert found[-1][1:] == ("achievement", 1954, 1954)
    found = _kinds("预计今年的粮食产量可以等于一九四九年的一点五倍，棉花产量可以等于一九四九年的二点八倍。", context)
    assert [k for _, k, _, _ in found] == ["achievement", "achievement"]
    found = _kinds("今年粮食产量计划达到三千二百亿斤。", context)
    assert found[-1][1] == "target"
    plan1958 = Context(year=1958, part="plan", genre="政府工作报告")
    found = _kinds(
        "一九五八年的基本建设总投资额，拟定为一百四十五亿元，比一九五七年的预计数增加了二十二亿元。", plan1958
    )
    assert [k for _, k, _, _ in found] == ["target", "target"]


@pytest.mark.issue(17)
def test_target_kinds_a_target_starts_after_its_base_of_comparison():
    """工业总产值比一九六四年增长百分之十一左右 in the 1965 plan of the report of December 1964
    (ninth audit), 国民收入也安排为比今年增长4%左右 in the report of late 1981: a target
    compared with a year is of the years after it; 比上年 leaves the plan's own year."""
    found = _kinds("工业总产值比一九六四年增长百分之十一左右。", Context(year=1964, part="plan", genre="政府工作报告"))
    assert found[-1][1:] == ("target", 1965, 1965)
    found = _kinds("国民收入也安排为比今年增长4%左右。", Context(year=1981, part="plan", genre="政府工作报告"))
    assert found[-1][1:] == ("target", 1982, 1982)
    found = _kinds("粮食产量要比上年增长2%。", PLAN)
    assert found[-1][1:] == ("target", 2019, 2019)


@pytest.mark.issue(17)
def test_target_kinds_a_five_year_plan_from_a_base_anywhere_in_its_sentence():
    """到一九八五年，全国粮食产量计划达到…，比一九八○年增长…；棉花三百六十万吨，增长百分之三十三
    and 一九八五年达到四百五十六亿印张，比一九八○年增长百分之二十二 (1982 report, eighth audit):
    the base the list shares, or one after the level, makes the sixth five-year plan's span."""
    context = Context(year=1982, part="plan", genre="政府工作报告")
    found = _kinds(
        "到一九八五年，全国粮食产量计划达到三亿六千万吨，比一九八○年增长百分之十二点三；棉花三百六十万吨，增长百分之三十三。",
        context,
    )
    assert [(s, e) for _, _, s, e in found] == [(1981, 1985)] * 4
    found = _kinds("全国出版总量，一九八五年达到四百五十六亿印张，比一九八○年增长百分之二十二。", context)
    assert found[0][0] == "四百五十六亿印张"
    assert [(s, e) for _, _, s, e in found] == [(1981, 1985)] * 2


@pytest.mark.issue(17)
def test_target_kinds_arithmetic_on_a_condition_with_zhiyao():
    """中央和地方的国营工业的生产成本只要降低百分之一，就可以每年为国家节约八千四百亿元 (1954,
    ninth audit): a supposition and what follows from it are `other`, like 如果…就."""
    found = _kinds(
        "中央和地方的国营工业的生产成本只要降低百分之一，就可以每年为国家节约八千四百亿元。",
        Context(year=1954, part="plan"),
    )
    assert [(k, s) for _, k, s, _ in found] == [("other", None), ("other", None)]


@pytest.mark.issue(17)
def test_target_kinds_the_own_year_of_a_report_delivered_late_in_it():
    """一九六四年，全国拥有的农业用拖拉机台数比一九五七年增长四倍 in the report of December 1964,
    which sets out the 1965 plan (ninth audit): its own year is past, a result over the years
    since the base; a clause that commits to it stays a target (1980年将达到29%, 1980年计划…控制在
    500亿元, in the report of autumn 1980); in a report of March the own year is the plan's."""
    late = Context(year=1964, part="plan", genre="政府工作报告", plan_year=1965)
    found = _kinds("一九六四年，全国拥有的农业用拖拉机台数比一九五七年增长四倍。", late)
    assert found[-1][1:] == ("achievement", 1958, 1964)
    autumn = Context(year=1980, part="plan", genre="政府工作报告", plan_year=1981)
    assert _kinds("这个比重，1979年达到27%，1980年将达到29%。", autumn)[-1][1] == "target"
    assert _kinds("1980年计划基本建设投资总额控制在500亿元。", autumn)[-1][1] == "target"
    march = Context(year=1964, part="plan", genre="政府工作报告")
    assert _kinds("一九六四年，全国拥有的农业用拖拉机台数比一九五七年增长四倍。", march)[-1][1] == "target"


@pytest.mark.issue(17)
def test_target_kinds_parts_of_a_change_share_its_base_and_five_years_its_plan():
    """…比一九四九年增长了百分之七十七点五，其中：现代工业增长了…，农业增长了… (1955, ninth audit):
    the parts change against the whole's base, 1950–1952; 第一个五年计划规定…在五年内增长 names
    the plan its five years are (1953–1957), not five years from the document year."""
    review = Context(year=1955, part="review", genre="政府工作报告")
    found = _kinds(
        "一九五二年的工业农业总产值，比一九四九年增长了百分之七十七点五，其中：现代工业增长了百分之一百七十八点六，农业增长了百分之四十八点五。",
        review,
    )
    assert [(s, e) for _, _, s, e in found] == [(1950, 1952)] * 3
    plan = Context(year=1955, part="plan", genre="政府工作报告")
    found = _kinds("第一个五年计划规定农业及其副业的总产值在五年内增长百分之二十三点三。", plan)
    assert found[0][1:] == ("target", 1953, 1957)


@pytest.mark.issue(17)
def test_target_kinds_what_the_plans_years_will_have_is_a_target():
    """能够在五年内建设完成的，工业方面有四百五十五个 (1955 plan chapter, ninth audit) and 五年内大学
    毕业生共一百五十万人 (1982): a count the plan's years reaching ahead will have is the plan's
    count, a target over them; not one already reached (其中已开工建设的…有九十三个), a count of
    years already run (在一九五三和一九五四两年合计就有…, 1954), or a stock with no time."""
    plan = Context(year=1955, part="plan", genre="政府工作报告")
    found = _kinds("限额以上的建设单位，能够在五年内建设完成的，工业方面有四百五十五个。", plan)
    assert found[0][1] == "target" and found[0][3] - found[0][2] == 4
    assert _kinds("其中已开工建设的重大建设项目有九十三个。", Context(year=1983, part="plan"))[0][1] != "target"
    assert _kinds("我国有2.9亿在校学生。", Context(year=2021, part="plan"))[0][1] == "fact"


@pytest.mark.issue(17)
def test_target_kinds_a_count_recalling_what_was_listed_is_other():
    """国务院提出的以上十项经济建设方针 (1981, eighth audit): the count of what was just listed is
    `other`; 其中10亿元以上15个 (pingtan-gov-report 2018) counts projects, its 以上 bounding the
    amount before."""
    assert (
        _kinds("国务院提出的以上十项经济建设方针，涉及的问题比较广泛。", Context(year=1981, part="plan"))[0][1]
        == "other"
    )
    found = _kinds("全年争取引进产业项目50个，其中10亿元以上15个。", Context(year=2018, part="plan"))
    assert found[-1][1] == "target"


@pytest.mark.issue(17)
def test_target_kinds_a_bounded_size_of_each_member_defines_a_group():
    """66人以上超大班额 (dalian-edu-2018; docs/annotation.md's own example, tenth audit): the
    class size defines the group, a threshold with no period; 引进5万名以上两岸大学生 stays a count."""
    found = _kinds("确保2018年实现义务教育阶段学校基本消除66人以上超大班额目标。", Context(year=2018, part="plan"))
    assert found == [("66人以上", "threshold", None, None)]
    assert _kinds("力争引进5万名以上两岸大学生。", Context(year=2018, part="plan"))[0][1] == "target"


FIVE_YEAR_REVIEW_2003 = Context(year=2003, part="review", genre="政府工作报告", heading="一、过去五年的工作回顾")


@pytest.mark.issue(17)
def test_target_kinds_an_event_of_a_past_year_opens_what_went_on_since():
    """1998年发生特大洪水后，… in the 2003 review (tenth audit): what the passage tells went on
    from 1998 to the year reviewed, not in 1998 alone; a year that does not open its sentence,
    or one followed by no 后, frames as before."""
    text = "1998年发生特大洪水后，总结实施了基本措施。在长江流域实行退田还湖等政策，恢复水面2900平方公里。"
    assert _kinds(text, FIVE_YEAR_REVIEW_2003) == [("2900平方公里", "achievement", 1998, 2002)]
    assert _kinds("1998年，恢复水面2900平方公里。", FIVE_YEAR_REVIEW_2003)[0][2:] == (1998, 1998)


@pytest.mark.issue(17)
def test_target_kinds_a_time_after_an_amount_frames_no_later_part():
    """五年新增电力装机3.5亿千瓦，是1950年到2002年53年的总和；新增公路19.2万公里… (gov-report 2008,
    tenth audit): the span is the first item's comparison; the items after ； share the
    sentence's 五年, not it. A time opening a part still carries (初步预计，2017年…；…)."""
    review = Context(year=2008, part="review", genre="政府工作报告")
    text = "五年新增电力装机3.5亿千瓦，是1950年到2002年53年的总和；新增公路19.2万公里；建成万吨级以上泊位568个。"
    assert [(s, e) for _, _, s, e in _kinds(text, review)] == [(2003, 2007)] * 3
    text = "初步预计，2017年地区生产总值234.4亿元，增长8.5%；一般公共预算总收入30亿元。"
    assert _kinds(text, Context(year=2018, part="review"))[-1][2:] == (2017, 2017)


@pytest.mark.issue(17)
def test_target_kinds_parts_joined_by_semicolons_share_the_estimate():
    """拿…的一九五四年预计产量来同一九四九年产量比较一下，…：电力一百零八亿度，等于一九四九年的二点五倍；
    原煤… (the 1954 report, delivered late in 1954): every part is the estimate of 1954, an
    achievement of that year, not the 1949 base."""
    late = Context(year=1954, part="plan", genre="政府工作报告")
    text = (
        "拿几项最重要的工业产品的一九五四年预计产量来同一九四九年产量比较一下，我们可以看到以下的动人的数字："
        "电力一百零八亿度，等于一九四九年的二点五倍；原煤八千一百九十九万吨，等于一九四九年的二点六倍。"
    )
    found = _kinds(text, late)
    assert {(k, s, e) for _, k, s, e in found} == {("achievement", 1954, 1954)}


@pytest.mark.issue(17)
def test_target_kinds_a_deadline_in_a_late_report_starts_with_its_plan_year():
    """争取明年在建矿井规模达到1.2亿吨 in the report of December 1980 (tenth audit): the plan year
    is 1981, so the target is 1981's, not 1980–1981."""
    late = Context(year=1980, part="plan", genre="政府工作报告", plan_year=1981)
    assert _kinds("争取明年在建矿井规模达到1.2亿吨。", late) == [("1.2亿吨", "target", 1981, 1981)]
    assert _kinds("争取明年在建矿井规模达到1.2亿吨。", Context(year=1980, part="plan"))[0][2:] == (1980, 1981)


@pytest.mark.issue(17)
def test_target_kinds_changes_listed_after_one_against_a_year_share_its_base():
    """2006年，全国国有企业资产总额比2002年增长60.98%，实现利润增长2.23倍 (gov-report 2008, tenth
    audit): every change of the list runs over 2003–2006; a change against the year before
    keeps its own year."""
    review = Context(year=2008, part="review", genre="政府工作报告")
    text = "2006年，全国国有企业资产总额比2002年增长60.98%，实现利润增长2.23倍，税收增长1.05倍。"
    assert [(s, e) for _, _, s, e in _kinds(text, review)] == [(2003, 2006)] * 3
    assert _kinds("2006年，税收比上年增长20%。", review)[0][2:] == (2006, 2006)


@pytest.mark.issue(17)
def test_target_kinds_a_level_reached_by_now_is_a_result():
    """由四百六十六个减少到现在的二百七十六个 (gov-report-1981, a plan chapter) and 从2004年人均每月
    700元提高到现在的1721元 (the 2013 review of 2008–2012; tenth audit): the level reached now
    is a result, the last year's; a level to be reached stays a target."""
    found = _kinds("全国地县小铁厂由四百六十六个减少到现在的二百七十六个。", Context(year=1981, part="plan"))
    assert found[-1][1] == "achievement"
    review = Context(year=2013, part="review", genre="政府工作报告", heading="一、过去五年工作回顾")
    found = _kinds("五年来，企业退休人员基本养老金从2004年人均每月700元提高到现在的1721元。", review)
    assert found[-1][1:] == ("achievement", 2012, 2012)
    assert _kinds("小铁厂由四百六十六个减少到二百七十六个。", Context(year=1981, part="plan"))[-1][1] == "target"


@pytest.mark.issue(17)
def test_target_kinds_a_time_after_a_word_of_saying_opens_the_paragraph():
    """这里要特别指出，刚刚过去的1992年，… (gov-report-1993, tenth audit): the year opens its
    sentence after the word of saying, and frames the amounts of the sentences after it."""
    review = Context(year=1993, part="review", genre="政府工作报告", heading="一、过去五年的基本总结")
    text = "这里要特别指出，刚刚过去的1992年，我国改革开放进入了新阶段。对外开放显著扩大，增加了34个开放口岸。"
    assert _kinds(text, review) == [("34个", "achievement", 1992, 1992)]


@pytest.mark.issue(17)
def test_target_kinds_a_part_of_a_level_reached_is_the_last_years():
    """铁路营业里程达到12.1万公里，其中高速铁路超过1.9万公里 in the review of 2011–2015 (gov-report
    2016, tenth audit): a length in service reached and its part are the last year's levels."""
    review = Context(year=2016, part="review", genre="政府工作报告", heading="一、“十二五”时期发展成就")
    text = "五年来，铁路营业里程达到12.1万公里，其中高速铁路超过1.9万公里。"
    assert [(s, e) for _, _, s, e in _kinds(text, review)] == [(2015, 2015)] * 2
    assert [(s, e) for _, _, s, e in _kinds("五年来，新增铁路营业里程3万公里。", review)] == [(2011, 2015)]


@pytest.mark.issue(17)
def test_target_kinds_the_years_up_to_now_of_any_count_are_results():
    """三年来, 一年多以来 like 五年来, inside a plan too (gov-report 1959: 一年多以来，我国同苏联签订了
    关于…帮助我国建设四十七项企业…的…协定; the dev25 audit, in-sample); 三年中 also runs ahead."""
    plan = Context(year=1955, part="plan", genre="政府工作报告")
    assert _kinds("三年来，新建学校100所。", plan) == [("100所", "achievement", 1952, 1954)]
    assert [k for _, k, _, _ in _kinds("一年多以来，帮助我国建设四十七项企业。", plan)] == ["achievement"]
    assert [k for _, k, _, _ in _kinds("几年来，新建学校100所。", plan)] == ["achievement"]
    assert [k for _, k, _, _ in _kinds("多年来，新建学校100所。", plan)] == ["achievement"]
    assert _kinds("今后三年中，要新建学校100所。", plan) == [("100所", "target", 1955, 1957)]


@pytest.mark.issue(17)
def test_target_kinds_a_review_commits_to_the_year_after_it():
    """今年中央财政预算用于支持这项改革的资金将达305亿元 in the review part of the 2003 report
    (tenth audit): a commitment for the year after the one reviewed is a target; what the
    year reviewed reached stays a result."""
    review = Context(year=2003, part="review", genre="政府工作报告")
    assert _kinds("今年中央财政预算用于支持这项改革的资金将达305亿元。", review)[0][1:] == ("target", 2003, 2003)
    assert _kinds("去年中央财政用于支持这项改革的资金达到245亿元。", review)[0][1] == "achievement"


@pytest.mark.issue(17)
def test_target_kinds_an_estimated_start_of_a_planned_change_is_that_years():
    """由今年预计的44%提高到45% in the report of December 1980 (tenth audit): where the planned
    change starts is 1980's estimated level, a result of that year; without a year it stays
    the level now, a fact."""
    late = Context(year=1980, part="plan", genre="政府工作报告", plan_year=1981)
    found = _kinds("明年计划轻工业产值占工业总产值的比重，由今年预计的44%提高到45%。", late)
    assert found == [("44%", "achievement", 1980, 1980), ("45%", "target", 1981, 1981)]
    assert _kinds("报销比例由50%提高到60%。", Context(year=2016, part="plan"))[0][1] == "fact"


@pytest.mark.issue(17)
def test_target_kinds_a_count_of_the_list_that_follows_is_other():
    """必须认真贯彻执行下列十条方针 (gov-report-1981, tenth audit): the count of the parts of what
    is listed next is `other`, like 以上十项 of what was listed."""
    assert _kinds("必须认真贯彻执行下列十条方针。", Context(year=1981, part="plan"))[0][1] == "other"
    assert _kinds("今年要实施十项重点工程。", Context(year=1981, part="plan"))[0][1] == "target"


@pytest.mark.issue(17)
def test_target_kinds_a_count_of_a_frames_parts_is_other():
    """聚焦…等5个核心方向 (pingtan-gov-report-2024), 提出了…的十条方针 (gov-report-1982): a count of
    the directions or principles of a frame is `other`, recalled or not; not the areas a thing
    is done in (在建设一百四十一项企业方面, gov-report-1954)."""
    plan = Context(year=2024, part="plan")
    assert _kinds("聚焦数字技术应用、数字贸易等5个核心方向，推进数字经济项目。", plan)[0][1] == "other"
    assert _kinds("国务院提出了发展国民经济的十条方针。", Context(year=1982, part="plan"))[0][1] == "other"
    kinds = _kinds("尤其是在建设一百四十一项企业方面给了我们系统的援助。", Context(year=1954, part="plan"))
    assert kinds[0][1] != "other"
