"""Regression tests of the twentieth round (twenty-first audit, development half): running
totals, words of manner in keys, vocabulary spellings, and the extent of named campuses.
Sentences are from the corpus (source in a comment)."""

from __future__ import annotations

import pytest
from report_rows import row as _row
from report_rows import rows as _rows

from extractors.context import Context
from extractors.entities import extract_entities
from extractors.indicators import indicator_for
from extractors.quantities import extract_quantities


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "year", "text", "subject"),
    [
        # pingtan-invest 2025: jieba tags 盘活 vn
        ("截至目前，各区属国企共盘活资产价值16.92亿元。", 2025, "16.92亿元", "各区属国企盘活资产价值"),
        # gov-report 2003: jieba tags 清理 a
        (
            "国务院各部门共清理涉外规章和有关政策规定2300件，废止830件，修订325件。",
            2003,
            "2300件",
            "国务院各部门清理涉外规章和有关政策规定",
        ),
        # gov-report 1986: jieba glues 引进国外 into one word
        ("五年间全国共引进国外技术一万多项，其中有一部分是先进技术。", 1986, "一万多项", "全国引进国外技术"),
    ],
)
def test_the_mark_of_a_running_total_goes_before_any_verb(sentence, year, text, subject):
    assert _row(sentence, year, "review", text)[1] == subject


@pytest.mark.issue(17)
def test_a_total_mark_that_is_part_of_a_word_stays():
    """共同 and 共享 are words of their own, not the mark of a running total."""
    row = _row("全国共享单车投放量达到1000万辆。", 2018, "review", "1000万辆")
    assert "共享" in row[1]


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("subject", "key"),
    [
        ("重点项目加快推进", "重点项目推进"),  # pingtan-gov-report 2020
        ("美丽乡村建设加快推进", "美丽乡村建设推进"),  # pingtan-gov-report 2019
        ("在建项目加快推进", "在建项目推进"),  # pingtan-gov-report 2019
    ],
)
def test_speeding_up_is_a_word_of_manner_in_keys(subject, key):
    assert indicator_for(subject) == key


@pytest.mark.issue(17)
def test_a_word_of_manner_opening_the_object_of_a_verb_stays():
    """pingtan-gov-report 2024: 加快建设… is part of the title of the opinions issued."""
    key = indicator_for("省委发布加快建设两岸融合发展示范区的实施意见")
    assert key == "省委发布加快建设两岸融合发展示范区的实施意见"


@pytest.mark.issue(17)
def test_research_spending_spelled_with_shiyan_is_the_vocabulary_measure():
    """gov-report 2008 spells 研究与实验发展 where the vocabulary has 研究与试验发展."""
    sentence = (
        "全社会研究与实验发展经费，从2002年1288亿元增加到2007年的3664亿元，占国内生产总值比重从1.07%提高到1.49%。"
    )
    assert _row(sentence, 2008, "review", "1.49%")[2] == "研发经费投入强度"
    assert _row(sentence, 2008, "review", "3664亿元")[2] != "研发经费投入强度"


@pytest.mark.issue(17)
def test_the_current_account_keeps_its_first_word():
    """gov-report 2013: 经常项目 is a term, not the adverb 经常 before 项目."""
    sentence = "经常项目顺差占国内生产总值的比重从10.1%下降到2.6%。"
    assert _row(sentence, 2013, "review", "2.6%")[1] == "经常项目顺差占国内生产总值的比重"


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "entity"),
    [
        # pingtan-gov-report 2019: a named campus is part of its college
        ("福建信息职业技术学院平潭校区首批入驻学生1200名。", ("福建信息职业技术学院平潭校区", "ORG")),
        # pingtan-gov-report 2017: a new building of a school is no name
        ("加快建设平潭一中新校区。", ("平潭一中", "ORG")),
        # pingtan-gov-report 2021 (gov-report 1997: 香港 keeps its place before a free port's status)
        ("香港将继续保持自由港和国际金融中心的地位。", ("香港", "GPE")),
    ],
)
def test_entity_extents_of_campuses_and_free_ports(sentence, entity):
    assert entity in [(e.text, e.label) for e in extract_entities(sentence)]


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("学习借鉴海南自由港政策。", "海南"),  # pingtan-gov-report 2021: the free port's name
        ("福建信息职业技术学院平潭校区首批入驻学生1200名。", "平潭"),
        ("福建信息职业技术学院平潭校区首批入驻学生1200名。", "福建信息职业技术学院"),
    ],
)
def test_names_inside_campus_and_free_port_names_are_no_mentions(sentence, name):
    assert name not in [e.text for e in extract_entities(sentence)]


@pytest.mark.issue(17)
def test_a_count_of_what_is_done_shares_the_named_thing_of_the_next_count():
    """pingtan-gov-report 2020: 90个 counts projects too, not the bare verb 新开工."""
    sentence = "持续扩大有效投资，推出331个重点项目、54个“三重”项目，新开工90个、建成或投产80个项目。"
    assert _row(sentence, 2021, "plan", "90个")[1] == "新开工项目"
    assert _row(sentence, 2021, "plan", "80个")[1] == "建成或投产项目"


@pytest.mark.issue(17)
def test_counts_in_other_measure_words_share_nothing():
    rows = _rows("今年新开工20个、竣工15家。", 2021, "plan")
    assert rows[0][1] == "新开工"


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "year", "part", "text", "subject"),
    [
        # pingtan-gov-report 2019: an added value after an output is the same industry's
        ("加快发展特色产业，特色产业总产值293亿元，实现增加值106亿元。", 2020, "review", "106亿元", "特色产业增加值"),
        # pingtan-gov-report 2021 and 2017: an investment total after a count is the counted firms'
        (
            "到2025年，力争对台贸易额突破120亿元，累计落地台资企业2000家以上，投资总额100亿美元以上。",
            2021,
            "plan",
            "100亿美元以上",
            "台资企业投资总额",
        ),
        (
            "两岸经贸合作态势良好，全年新增注册台资企业227家，投资总额11.41亿元。",
            2018,
            "review",
            "11.41亿元",
            "台资企业投资总额",
        ),
    ],
)
def test_an_attribute_after_a_figure_takes_its_owner(sentence, year, part, text, subject):
    assert _row(sentence, year, part, text)[1] == subject


@pytest.mark.issue(17)
def test_the_owner_of_an_attribute_starts_after_the_verb_not_after_its_length():
    """新签约项目: the verb 签约 follows 新; the owner is 项目, not 约项目."""
    assert _row("新签约项目120个，总投资500亿元。", 2021, "plan", "500亿元")[1] == "项目总投资"


@pytest.mark.issue(17)
def test_an_output_with_a_compound_owner_of_its_own_takes_no_topic():
    """特色产业总产值 names its owner; the clause before (风能产业链初步形成) is no owner."""
    assert _row("风能产业链初步形成，特色产业总产值293亿元。", 2020, "review", "293亿元")[1] == "特色产业总产值"


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("subject", "key"),
    [
        ("连续十年每年植树造林", "植树造林"),  # pingtan-gov-report 2021
        ("企业退休人员基本养老金连续5年增加", "企业退休人员基本养老金提高"),  # gov-report 2010
        ("连续7年提高企业退休人员基本养老金水平", "企业退休人员基本养老金提高"),  # gov-report 2011
    ],
)
def test_a_run_of_years_is_a_time_not_part_of_the_key(subject, key):
    assert indicator_for(subject) == key


@pytest.mark.issue(17)
def test_continuing_without_a_count_of_years_stays_in_the_key():
    assert indicator_for("连续增长") == "连续增加"


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "year", "text", "subject"),
    [
        # pingtan-gov-report 2024: named projects and numbered forums are examples
        (
            "签约起帆平潭海缆基地、岚悦酒店等社会投资项目79个、计划总投资339亿元。",
            2024,
            "79个",
            "签约社会投资项目",
        ),
        (
            "举办第十二届共同家园论坛、第七届海峡两岸村里长交流会、第十四届闽台中医药学术论坛等涉台交流活动120余场。",
            2024,
            "120余场",
            "举办涉台交流活动",
        ),
        (
            "实施海洋科技文化中心、大练旅游环岛路等城乡建设品质提升项目136个，完成投资42.1亿元。",
            2024,
            "136个",
            "实施城乡建设品质提升项目",
        ),
        # gov-report 2015: a regulation's name, one example
        ("制定修订企业信息公示暂行条例等行政法规38件。", 2015, "38件", "制定修订行政法规"),
    ],
)
def test_named_examples_before_deng_leave_the_subject(sentence, year, text, subject):
    assert _row(sentence, year, "review", text)[1] == subject


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "year", "text", "kept"),
    [
        # kinds given as examples name what the measure is about (gov-report 2019, 2017)
        ("将交通运输业、建筑业等行业税率从10%降至9%。", 2019, "9%", "交通运输业、建筑业"),
        ("中央财政用于洪涝、干旱、地震等救灾救济支出150亿元。", 2017, "150亿元", "洪涝、干旱、地震"),
        # the body the verb asks to act comes before the examples (gov-report 2015)
        ("国务院提请全国人大常委会制定修订食品安全法等法律15件。", 2015, "15件", "食品安全法"),
    ],
)
def test_kinds_given_as_examples_stay(sentence, year, text, kept):
    assert kept in _row(sentence, year, "review", text)[1]


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        ("外贸集装箱吞吐量突破10万标箱，对台贸易额突破180亿元。", "突破10万标箱", "标箱"),  # pingtan 2023
        ("全球首台16兆瓦超大容量海上风电机组在平潭安装并网。", "16兆瓦", "兆瓦"),  # pingtan 2024
    ],
)
def test_measure_words_of_containers_and_megawatts(sentence, text, unit):
    context = Context(year=2024, part="review", genre="政府工作报告")
    assert (text, unit) in [(q.text, q.unit) for q in extract_quantities(sentence, context=context)]


@pytest.mark.issue(17)
def test_a_count_of_a_group_takes_what_the_group_does():
    """The verb phrase after a count of people named before it is what is counted."""
    assert _row("农村贫困人口1000万人以上实现脱贫。", 2021, "review", "1000万人以上")[1] == "农村贫困人口脱贫"
    # pingtan-gov-report 2020: both counts written one after the other
    rows = _rows(
        "坚决打好精准脱贫攻坚战，区定扶贫开发对象241户838人全部脱贫，脱贫攻坚质量和水平显著提升。", 2021, "review"
    )
    assert [r[1] for r in rows[:2]] == ["区定扶贫开发对象脱贫", "区定扶贫开发对象脱贫"]


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "text", "subject"),
    [
        # pingtan-gov-report 2024: the things counted after the count are a noun phrase
        ("省委发布加快建设两岸融合发展示范区的22条实施意见。", "22条", "省委发布加快建设两岸融合发展示范区的实施意见"),
        # pingtan-gov-report 2019: a kind counted after examples
        ("国际海洋产业园、对台邮件处理中心等25个在建项目加快推进。", "25个", "在建项目加快推进"),
        # adjacent counts of a visit keep their subject: nothing is done after them
        ("接待重要外宾20批146人次。", "146人次", "接待重要外宾"),
    ],
)
def test_a_noun_phrase_after_a_count_is_no_deed_of_a_group(sentence, text, subject):
    assert _row(sentence, 2021, "review", text)[1] == subject


@pytest.mark.issue(17)
def test_adverbs_before_a_term_ending_in_a_verb_leave_the_key():
    """gov-report 2006: jieba reads 初步建立 as one term of the user dictionary (tag x)."""
    assert indicator_for("县（市）已初步建立社会救助体系的基本框架") == "县市建立社会救助体系的基本框架"


@pytest.mark.issue(17)
def test_a_mark_inside_a_two_part_measure_word():
    """gov-report 2013: 2个多百分点 is more than 2 percentage points, not 2 个."""
    sentence = "其中出口额跃居世界第一位，占国际市场份额比2007年提高2个多百分点。"
    q = next(q for q in extract_quantities(sentence, context=Context(year=2013, part="review")) if q.value == 2)
    assert (q.text, q.unit, q.comparator) == ("2个多百分点", "个百分点", ">")


@pytest.mark.issue(17)
def test_reached_or_passed_is_at_least():
    """gov-report 2007: 达到或略高于10% is ≥ 10%."""
    qs = extract_quantities(
        "经济增长连续四年达到或略高于10%，没有出现明显通货膨胀。", context=Context(year=2007, part="review")
    )
    assert [(q.value, q.comparator) for q in qs] == [(10.0, ">=")]


@pytest.mark.issue(17)
def test_a_price_basis_is_no_period():
    """gov-report 2013: 2010年不变价 says in which prices, not when (a review of 2008–2012)."""
    sentence = "制定实施新十年农村扶贫开发纲要，将扶贫标准提高到2300元（2010年不变价），加强扶贫攻坚。"
    q = extract_quantities(sentence, context=Context(year=2013, part="review", genre="政府工作报告"))[0]
    assert (q.period_start, q.period_end) == (2012, 2012)


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "year", "text", "subject"),
    [
        ("国务院先后提出银行业监督管理法草案、对外贸易法修订草案等5部法律议案；", 2004, "5部", "提出法律议案"),
        (
            "国务院向全国人大常委会提请审议企业所得税法草案、反垄断法草案和义务教育法修订草案等7件法律议案。",
            2007,
            "7件",
            "提请审议法律议案",
        ),
    ],
)
def test_the_verb_a_body_does_to_examples_counts_them(sentence, year, text, subject):
    assert _row(sentence, year, "review", text)[1] == subject


@pytest.mark.issue(17)
def test_a_plans_own_verb_before_examples_stays_out():
    """pingtan-haitan 2023: with no body before it, 推动 is the plan's verb (left out as before)."""
    rows = _rows("推动龙凤头海滨浴场、坛南湾等15个重点文旅项目提质升级。", 2023, "plan")
    assert not rows[0][1].startswith("推动")


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "year", "subject"),
    [
        ("综合权衡，今年的经济增长目标定为7.5%左右是必要的、适宜的。", 2013, "经济增长"),  # gov-report 2013
        ("今年广义货币M2增长目标为17%左右，新增人民币贷款7.5万亿元左右。", 2010, "广义货币M2增长"),  # 2010
        ("这里要着重说明，提出8%左右的国内生产总值增长目标，综合考虑了发展的需要和可能。", 2009, "国内生产总值增长"),
    ],
)
def test_a_goal_word_ending_a_change_leaves_the_subject(sentence, year, subject):
    assert _rows(sentence, year, "plan")[0][1] == subject


@pytest.mark.issue(17)
def test_a_goal_that_is_the_measure_stays():
    """pingtan-gov-report 2020: 152% of the province's annual goal is a share of that goal."""
    assert _rows("完成省下达年度目标152%。", 2020, "review")[0][1] == "省下达年度目标"


@pytest.mark.issue(17)
def test_an_investment_total_after_a_count_and_containers_as_written():
    sentence = "累计签约岚商项目65个，总投资额476亿元。"  # pingtan-gov-report 2020
    assert _row(sentence, 2020, "review", "476亿元")[1] == "岚商项目总投资额"
    q = extract_quantities("外贸集装箱吞吐量突破10万标箱。", context=Context(year=2023, part="review"))[0]
    assert q.unit == "标箱"


@pytest.mark.issue(17)
def test_an_outlay_takes_the_purpose_a_clause_before_it_gives():
    """gov-report 2008: 为… right before the outlay's clause says what the money is for."""
    sentence = "为加快社会保障体系建设，今年中央财政将安排2762亿元，比上年增加458亿元。"
    assert _row(sentence, 2008, "plan", "2762亿元")[1] == "中央财政安排社会保障体系建设"
    # 为此: what 此 stands for was said before, no purpose of its own
    assert _rows("为此，中央财政安排100亿元。", 2008, "plan")[0][1] == "中央财政"


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("subject", "key"),
    [
        ("全国以各种形式实际使用的国外资金", "实际利用外资"),  # gov-report 1985
        ("全国农民的纯收入平均每年增长", "农村居民人均可支配收入增长"),  # gov-report 1986
        ("解决农村人口饮水困难和饮水安全问题", "解决农村人口饮水安全问题"),  # gov-report 2008
        ("新农合和城镇居民医保财政补助标准", "城乡居民医保人均财政补助标准"),  # gov-report 2011
    ],
)
def test_more_spellings_of_vocabulary_measures(subject, key):
    assert indicator_for(subject) == key


@pytest.mark.issue(17)
def test_a_target_from_this_year_on_has_no_end():
    """gov-report 2006: 从今年起…每年 names no end year."""
    sentence = "为保证农村义务教育的需要，从今年起，国家财政将每年安排支出1030多亿元，其中中央财政转移支付每年将达到780多亿元。"
    context = Context(year=2006, part="plan", genre="政府工作报告")
    assert [(q.period_start, q.period_end) for q in extract_quantities(sentence, context=context)] == [
        (2006, None),
        (2006, None),
    ]


@pytest.mark.issue(17)
def test_a_target_from_this_year_on_with_an_end_named_keeps_it():
    """gov-report 2004: …五年内取消农业税 names the end."""
    sentence = "从今年起，逐步降低农业税税率，平均每年降低1个百分点以上，五年内取消农业税。"
    q = extract_quantities(sentence, context=Context(year=2004, part="plan", genre="政府工作报告"))[0]
    assert (q.period_start, q.period_end) == (2004, 2008)


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("sentence", "year", "subject"),
    [
        # gov-report 2014 and 2018: the people a scheme reaches, counted without a unit
        ("启动教育扶贫工程，学生营养改善计划惠及3200万孩子。", 2014, "学生营养改善计划惠及孩子"),
        ("改善农村义务教育薄弱学校办学条件，营养改善计划惠及3600多万农村学生。", 2018, "营养改善计划惠及农村学生"),
    ],
)
def test_the_people_a_scheme_reaches_are_in_its_subject(sentence, year, subject):
    assert _rows(sentence, year, "review")[0][1] == subject


@pytest.mark.issue(17)
def test_a_measure_word_jieba_misreads_is_no_noun_reached():
    """gov-report 1960: 个人民公社 starts with the measure word 个, not the noun 个人."""
    rows = _rows("一九五八年初全国有七十四万多个农业生产合作社，合并改组成为二万四千多个人民公社。", 1960, "review")
    assert all("个人" not in r[1] for r in rows)
