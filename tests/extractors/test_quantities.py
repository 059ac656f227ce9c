"""Tests for extractors/quantities.py: stated amounts (the targets table)."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.context import Context
from extractors.errors import DataFileError
from extractors.quantities import (
    COMPARATORS_FILE,
    KINDS,
    NOT_QUANTITIES_FILE,
    extract_quantities,
    load_comparators,
    load_not_quantities,
)

PLAN_2018 = Context(year=2018, part="plan")
PLAN_2019 = Context(year=2019, part="plan")


def _amounts(sentence, context=PLAN_2018):
    return [(q.text, q.value, q.value_max, q.unit, q.comparator) for q in extract_quantities(sentence, context=context)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # dalian-edu 2018
        (
            "新开办公办幼儿园15所,增加公办幼儿学位3000个。",
            [("15所", 15, None, "所", "="), ("3000个", 3000, None, "个", "=")],
        ),
        ("完成农村中小学“暖校舍”改造15万平方米。", [("15万平方米", 150000, None, "平方米", "=")]),
        ("培育3-5所市级教育教学改革典型学校。", [("3-5所", 3, 5, "所", "range")]),
        ("遴选5-8所第二批现代学徒制试点学校", [("5-8所", 5, 8, "所", "range")]),
        ("评选5所课程改革示范学校和20节示范精品课。", [("5所", 5, None, "所", "="), ("20节", 20, None, "节", "=")]),
        ("“送演出”到学校120场、“送讲座”到学校20场。", [("120场", 120, None, "场", "="), ("20场", 20, None, "场", "=")]),
        ("加快推进中小学班均出口带宽不低于10M建设。", [("不低于10M", 10, None, "M", ">=")]),
        ("每个区市县至少要建设2个示范性资源教室(花园口、长兴岛除外)", [("2个", 2, None, "个", ">=")]),
        # a comparator word earlier in the clause (gov-report 1993, sixth audit)
        ("中等职业技术学校在校学生已接近高中阶段学生人数的百分之五十。", [("百分之五十", 50, None, "%", "~")]),
        ("推动全市公办初中、小学操场100%面向社会开放。", [("100%", 100, None, "%", "=")]),
        ("开发1000节本地优质课堂教学微课实录。", [("1000节", 1000, None, "节", "=")]),
        # gov-report 2019 主要预期目标
        ("国内生产总值增长6%－6.5%；", [("6%－6.5%", 6, 6.5, "%", "range")]),
        ("城镇新增就业1100万人以上，", [("1100万人以上", 11000000, None, "人", ">=")]),
        ("城镇调查失业率5.5%左右，", [("5.5%左右", 5.5, None, "%", "~")]),
        ("城镇登记失业率4.5%以内；", [("4.5%以内", 4.5, None, "%", "<=")]),
        # a bound written after the target it is (pingtan-gov-report 2023, plans gold)
        ("失业率控制在3.5%目标以内。", [("3.5%目标以内", 3.5, None, "%", "<=")]),
        # a ship's deadweight tonnage is a unit of its own (pingtan-gov-report 2023)
        ("力争引进航运企业运力池近600万载重吨。", [("近600万载重吨", 6000000, None, "载重吨", "~")]),
        # 内 after an amount is a ceiling like 以内 (fujian-zwgk-tasks 2016–2018)
        ("应在完成审批程序后1个工作日内公开。", [("1个工作日内", 1, None, "个工作日", "<=")]),
        ("农村贫困人口减少1000万以上，", [("1000万以上", 10000000, None, "", ">=")]),
        (
            "今年赤字率拟按2.8%安排，比去年预算高0.2个百分点；",
            [("2.8%", 2.8, None, "%", "="), ("0.2个百分点", 0.2, None, "个百分点", "=")],
        ),
        (
            "今年财政支出超过23万亿元，增长6.5%。",
            [("超过23万亿元", 23e12, None, "元", ">"), ("6.5%", 6.5, None, "%", "=")],
        ),
        (
            "今年拟安排地方政府专项债券2.15万亿元，比去年增加8000亿元，",
            [("2.15万亿元", 2.15e12, None, "元", "="), ("8000亿元", 8e11, None, "元", "=")],
        ),
        # gov-report 2013–2017
        (
            "城镇新增就业900万人以上，城镇登记失业率低于4.6%；",
            [("900万人以上", 9e6, None, "人", ">="), ("低于4.6%", 4.6, None, "%", "<")],
        ),
        ("国内生产总值增长6.5%－7%，", [("6.5%－7%", 6.5, 7, "%", "range")]),
        (
            "全年再减少企业税负3500亿元左右、涉企收费约2000亿元，",
            [("3500亿元左右", 3.5e11, None, "元", "~"), ("约2000亿元", 2e11, None, "元", "~")],
        ),
        ("共减轻市场主体负担3万多亿元。", [("3万多亿元", 3e12, None, "元", ">")]),
        ("经济总量突破90万亿元。", [("突破90万亿元", 9e13, None, "元", ">")]),
        ("我国是一个拥有13亿多人口的发展中大国，", [("13亿多", 1.3e9, None, "", ">")]),
        ("就业人员近14亿", [("近14亿", 1.4e9, None, "", "~")]),
        ("去年价格上涨的翘尾影响约有1个百分点，", [("1个百分点", 1, None, "个百分点", "~")]),
        # the 1990s reports write numbers in Chinese
        (
            "国内生产总值突破3万亿元大关，比上年增长百分之十三点四。",
            [("突破3万亿元", 3e12, None, "元", ">"), ("百分之十三点四", 13.4, None, "%", "=")],
        ),
        ("今年经济增长速度的宏观调控目标，定为百分之八至九。", [("百分之八至九", 8, 9, "%", "range")]),
        ("努力把全年零售物价上涨幅度控制在百分之十以内。", [("百分之十以内", 10, None, "%", "<=")]),
        (
            "原煤产量增长百分之二十，达到11亿吨；",
            [("百分之二十", 20, None, "%", "="), ("11亿吨", 1.1e9, None, "吨", "=")],
        ),
        ("发电装机达到16500万千瓦；", [("16500万千瓦", 1.65e8, None, "千瓦", "=")]),
        ("以一百五十六个建设单位为中心", [("一百五十六个", 156, None, "个", "=")]),  # 1955
        ("增加三千五百万元", [("三千五百万元", 3.5e7, None, "元", "=")]),
        # ranges and units the corpus writes more rarely
        ("安排100万元至300万元资金", [("100万元至300万元", 1e6, 3e6, "元", "range")]),
        ("新建3~4所学校", [("3~4所", 3, 4, "所", "range")]),
        # a year after 到 ends no range (gov-report 1955: 百分之六十点三到一九五七年下降为… was
        # read as 60.3 to 1957 %); 宗 counts cases and lots (pingtan-gov-report 2018)
        (
            "将由百分之六十点三到一九五七年下降为百分之五十四点六。",
            [("百分之六十点三", 60.3, None, "%", "="), ("百分之五十四点六", 54.6, None, "%", "=")],
        ),
        ("拆除处置“两违”661宗", [("661宗", 661, None, "宗", "=")]),
        ("引进1,200名教师", [("1,200名", 1200, None, "名", "=")]),
        # the 1998 report puts spaces inside numbers and before units
        ("去年经济增长8 .8 %，", [("8 .8 %", 8.8, None, "%", "=")]),
        ("交换机总容量达到1 .1 亿门。", [("1 .1 亿门", 1.1e8, None, "门", "=")]),
        ("国内生产总值达到74772 亿元，", [("74772 亿元", 7.4772e12, None, "元", "=")]),
        ("人口覆盖率都达到了85 %以上。", [("85 %以上", 85, None, "%", ">=")]),
        # 节约 is "save", not 约 "about" (gov-report 1998)
        ("各项开支要比去年预算执行数节约10%的总要求", [("10%", 10, None, "%", "=")]),
    ],
)
def test_quantities_amounts(sentence, expected):
    assert _amounts(sentence) == expected


@pytest.mark.parametrize(
    ("phrase", "comparator"),
    [
        # the comparator words of the issue, each on a realistic amount
        ("6.5%左右", "~"),
        ("约4000亿元", "~"),
        ("近14亿", "~"),
        ("1100万人以上", ">="),
        ("不低于10M", ">="),
        ("不少于200所", ">="),
        ("至少30家", ">="),
        ("4.5%以内", "<="),
        ("不超过3000人", "<="),
        ("3%以下", "<="),
        ("超过23万亿元", ">"),
        ("高于6%", ">"),
        ("多于50户", ">"),
        ("低于4.6%", "<"),
        ("不到1000元", "<"),
        ("5万余人", ">"),
        ("5700多亿元", ">"),
        ("15所", "="),
    ],
)
def test_quantities_comparator_words(phrase, comparator):
    [(text, _, _, _, found)] = _amounts("今年安排" + phrase + "。")
    assert (text, found) == (phrase, comparator)


def test_quantities_control_within_is_a_ceiling():
    """控制在…以内: 城镇登记失业率控制在4.6%以内 (gov-report 2014)."""
    assert _amounts("城镇登记失业率控制在4.6%以内，") == [("4.6%以内", 4.6, None, "%", "<=")]


def test_quantities_bare_number_in_a_list_takes_the_unit():
    """分别高4.2和0.7个百分点 (gov-report 2014): 4.2 is in 个百分点 too."""
    found = _amounts("小微企业、“三农”贷款增速比各项贷款平均增速分别高4.2和0.7个百分点")
    assert found == [("4.2", 4.2, None, "个百分点", "="), ("0.7个百分点", 0.7, None, "个百分点", "=")]


def test_quantities_chinese_range_is_not_an_article():
    """三至五所 is a range even though 三 alone with 所 would be too small to count."""
    assert _amounts("新建三至五所学校") == [("三至五所", 3, 5, "所", "range")]


def test_quantities_respectively_gives_each_amount_its_item():
    """二氧化硫、氮氧化物排放要分别减少3%左右和5%左右 (gov-report 2015)."""
    found = extract_quantities("二氧化硫、氮氧化物排放要分别减少3%左右和5%左右。", context=PLAN_2018)
    assert [q.subject for q in found] == ["二氧化硫排放减少", "氮氧化物排放减少"]
    # one amount for two items stays one measure (gov-report 2017)
    [one] = extract_quantities("今年二氧化硫、氮氧化物排放量要分别下降3%，", context=PLAN_2018)
    assert one.subject == "二氧化硫、氮氧化物排放量下降"


@pytest.mark.parametrize(
    "sentence",
    [
        "全面贯彻党的十九大精神。",  # dalian-edu 2018: a name
        "扎实实施《大连市第三期学前教育行动计划(2017-2020年)》。",  # title with an ordinal and a span
        "扎实推进大连教育“十三五”规划实施,开展中期评估。",
        "落实大连“5+22”的人才政策,为在连高校引进高层次人才提供服务。",
        "紧紧围绕统筹推进“五位一体”总体布局和协调推进“四个全面”战略布局",
        "弘扬民族精神和时代精神,开展改革开放40周年纪念活动。",
        "稳妥推进2018年高考招生改革准备工作。",
        "举办高中学生综合素质大赛、第二届高中学生诗词大赛。",
        "深入落实《3-6岁儿童学习与发展指南》,规范幼儿园课程管理。",
        "评选第三批大连市中小学美育特色学校。",
        "推出一批党员教师示范课",  # 一批: an article, not an amount
        "这里，着重对经济增长和物价总水平两个指标作些说明。",  # gov-report 2013
        "今年广义货币M2预期增长",  # M2 is a name
        "重点地区细颗粒物（PM2.5）浓度继续下降",
        "加快5G商用步伐",
        "比一般杂粮的产量多五六倍",  # an approximation, not one number
        "建设几十个示范区",  # vague: a few dozen
        "帮助数十万人就业",
    ],
)
def test_quantities_not_amounts(sentence):
    assert extract_quantities(sentence, context=PLAN_2018) == []


def test_quantities_m2_growth_keeps_its_percentage():
    """The 2 of M2 is no amount, the 13% after it is (gov-report 2014)."""
    assert _amounts("今年广义货币M2预期增长13%左右。") == [("13%左右", 13, None, "%", "~")]


@pytest.mark.parametrize(
    ("sentence", "context", "kinds"),
    [
        # plan part, commitments of the year
        ("今年经济社会发展的主要预期目标是：国内生产总值增长6%－6.5%；", PLAN_2019, ["target"]),
        # review part: results (gov-report 2019, 2018年工作回顾)
        ("国内生产总值增长6.6%，总量突破90万亿元。", Context(year=2019, part="review"), ["achievement"] * 2),
        # a plan part quoting last year's value as the starting point (gov-report 2015)
        (
            "今年拟安排财政赤字1.62万亿元，比去年增加2700亿元，赤字率从去年的2.1%提高到2.3%。",
            Context(year=2015, part="plan"),
            ["target", "target", "achievement", "target"],
        ),
        # a report sentence with a past year and 比上年 outside any review section (gov-report 1992)
        ("1991年国民生产总值比上年增长百分之七。", Context(year=1992, part="other"), ["achievement"]),
        ("今年国民生产总值计划增长百分之八，是留有余地的。", Context(year=1993, part="other"), ["target"]),
        ("城镇新增就业1312万人，超过全年预期目标。", Context(year=2016, part="review"), ["achievement"]),
        # last year's figures quoted in a plan part (gov-report 2008) ...
        (
            "去年全国财政比年度预算超收7239亿元，其中中央财政超收4168亿元。",
            Context(year=2008, part="plan"),
            ["achievement", "achievement"],
        ),
        # a past comparison in a part the structure could not call review (gov-report 1993, 2006)
        (
            "1992年同1987年相比，钢产量增长百分之四十二，达到8000万吨；",
            Context(year=1993, part="plan"),
            ["achievement", "achievement"],
        ),
        (
            "2005年与2000年相比，国内生产总值增长57.3%，年均增长9.5%；",
            Context(year=2006, part="plan"),
            ["achievement", "achievement"],
        ),
        # a base year beside a future year is a plan (gov-report 2016, 十三五 targets)
        ("到2020年，国内生产总值比2010年增长1倍以上。", Context(year=2016, part="plan"), ["target"]),
        # ... but a cue after the amount does not make this year's target a result (2010)
        ("提出居民消费价格涨幅3%左右，综合考虑了去年价格变动的翘尾因素。", Context(year=2010, part="plan"), ["target"]),
    ],
)
def test_quantities_kind(sentence, context, kinds):
    assert [q.kind for q in extract_quantities(sentence, context=context)] == kinds


@pytest.mark.parametrize(
    ("sentence", "subjects"),
    [
        ("新开办公办幼儿园15所,增加公办幼儿学位3000个。", ["新开办公办幼儿园", "增加公办幼儿学位"]),
        # a number before the noun it counts: the noun with the verb that counts it (the
        # gold of the 政府工作报告 and 平潭 plans: 再开工项目, 新开工项目; subject~ holds it
        # against the noun alone)
        ("培育3-5所市级教育教学改革典型学校。", ["培育市级教育教学改革典型学校"]),
        ("评选5所课程改革示范学校和20节示范精品课。", ["评选课程改革示范学校", "评选示范精品课"]),
        ("“送演出”到学校120场、“送讲座”到学校20场。", ["送演出到学校", "送讲座到学校"]),
        ("全市义务教育集团数量扩增到33个;", ["义务教育集团数量"]),
        ("国内生产总值增长6%－6.5%；城镇新增就业1100万人以上，", ["国内生产总值增长", "城镇新增就业"]),
        ("居民消费价格涨幅控制在3.5%左右，城镇登记失业率控制在4.6%以内，", ["居民消费价格涨幅", "城镇登记失业率"]),
        ("今年赤字率拟按2.8%安排，比去年预算高0.2个百分点；", ["赤字率", "赤字率比去年预算高"]),
        ("今年财政支出超过23万亿元，增长6.5%。", ["财政支出", "财政支出增长"]),
        ("2005年与2000年相比，国内生产总值增长57.3%，年均增长9.5%；", ["国内生产总值增长", "国内生产总值年均增长"]),
        ("今年拟安排财政赤字1.2万亿元，", ["财政赤字"]),
        ("比上年分别下降3.14%和4.66%", ["比上年下降", "比上年下降"]),  # gov-report 2008
        ("继续实施退耕还林还草，今年拟安排500万亩。", ["实施退耕还林还草"]),  # gov-report 2014
        ("城乡居民医保财政补助由每人每年420元提高到450元，", ["城乡居民医保财政补助"] * 2),  # 2017
    ],
)
def test_quantities_subject(sentence, subjects):
    assert [q.subject for q in extract_quantities(sentence, context=PLAN_2018)] == subjects


def test_quantities_indicator_from_subject():
    found = extract_quantities("今年发展的主要预期目标是：国内生产总值增长6.5%左右；居民消费价格涨幅3%左右；")
    assert [q.indicator for q in found] == ["国内生产总值增长", "居民消费价格涨幅"]


def test_quantities_offsets_and_sentence():
    para = "深化普通高中校际间帮扶。培育3-5所市级教育教学改革典型学校。"
    offset = 1000
    [q] = extract_quantities(para, offset=offset, context=PLAN_2018)
    assert para[q.char_start - offset : q.char_end - offset] == q.text == "3-5所"
    assert q.sentence == "培育3-5所市级教育教学改革典型学校。"


@pytest.mark.issue(14)
@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("工业增加值增长负5%。", "负5%", -5),  # negative amounts keep their sign
        ("出口增长-12.5%。", "-12.5%", -12.5),
        ("进口下降5%。", "5%", 5),  # a direction word is no sign
        ("全年再减少企业税负3500亿元左右。", "3500亿元左右", 3.5e11),  # gov-report 2017: 税负 is no minus
        ("国内生产总值增长6%－6.5%；", "6%－6.5%", 6),  # a range, not a negative 6.5
        ("2018-2020年新建学校30所。", "30所", 30),
    ],
)
def test_quantities_negative_sign(sentence, text, value):
    found = [(q.text, q.value) for q in extract_quantities(sentence, context=PLAN_2018)]
    assert (text, value) in found
    assert all(v >= 0 for t, v in found if t != text)


@pytest.mark.issue(17)
def test_quantities_full_width_thousands_separators():
    """27，203，319，000元 is one amount, not 000元 (gov-report 1956 and 1980)."""
    found = _amounts("一九五五年本年收入合计27，203，319，000元，加上上年结转收入3，154，657，000元。")
    assert found == [
        ("27，203，319，000元", 27203319000, None, "元", "="),
        ("3，154，657，000元", 3154657000, None, "元", "="),
    ]
    # gov-report 1980: a group before a multiplier
    assert _amounts("粮食产量33，212万吨，比上年增加2，737万吨。") == [
        ("33，212万吨", 332120000, None, "吨", "="),
        ("2，737万吨", 27370000, None, "吨", "="),
    ]


@pytest.mark.issue(17)
def test_quantities_list_shares_its_unit():
    """10.6万、3.8万、3.3万平方公里: every number is in 平方公里."""
    found = _amounts("新增国家级自然保护区面积分别为10.6万、3.8万、3.3万平方公里。")
    assert [(t, v, u) for t, v, _, u, _ in found] == [
        ("10.6万", 106000, "平方公里"),
        ("3.8万", 38000, "平方公里"),
        ("3.3万平方公里", 33000, "平方公里"),
    ]


@pytest.mark.issue(17)
def test_quantities_number_in_a_name_is_no_amount():
    """新36条 names a State Council opinion; 36条措施 counts measures."""
    assert extract_quantities("落实鼓励民间投资的新36条。", context=PLAN_2018) == []
    assert _amounts("出台36条措施。") == [("36条", 36, None, "条", "=")]


def test_quantities_kilowatt_hours_and_once():
    """度 after an amount is a kilowatt-hour (发电量三百亿度, gov-report 1955–1986); 一度 and 两度
    are "once" and "twice" (1987: 一度出现的经济过热)."""
    assert _amounts("发电量由三千亿度增加到四千零七十三亿度。") == [
        ("三千亿度", 300000000000, None, "千瓦时", "="),
        ("四千零七十三亿度", 407300000000, None, "千瓦时", "="),
    ]
    assert extract_quantities("把1984年末至1985年一度出现的经济过热降下来。", context=PLAN_2018) == []


def test_quantities_a_chinese_numeral_with_wan_or_yi_needs_no_unit():
    """十亿人民, 六亿五千万人民: like 10亿人口 (gov-report 1984, 1960: third and fifth sets);
    a bare 一千 or 三百 is no amount."""
    assert _amounts("在六亿五千万人民的努力下。") == [("六亿五千万", 650000000, None, "", "=")]
    assert extract_quantities("第一千次会议，三百代表。", context=PLAN_2018) == []


@pytest.mark.parametrize(
    ("sentence", "text", "comparator"),
    [
        ("完成疫苗接种剂次超71万。", "超71万", ">"),  # pingtan-gov-report 2022
        ("新增各类市场主体超10万户。", "超10万户", ">"),
        ("签约6个国际产业合作项目。", "6个", "="),  # pingtan-gov-report 2018: 签约 is no 约 "about"
        # more than, closing a clause (gov-report 1959, 1957; the dev25b target sheet), not 多出
        ("高等学校的学生即增加一倍多；", "一倍多", ">"),
        ("占全部文教经费的24%强，", "24%强", ">"),
        ("比原来设想的六百亿元多出一半。", "六百亿元", "="),
    ],
)
def test_quantities_more_comparator_words(sentence, text, comparator):
    [(found, _, _, _, comp)] = _amounts(sentence)
    assert (found, comp) == (text, comparator)


@pytest.mark.issue(4)
def test_quantities_not_lower_than_is_a_floor():
    """不低于 is >=, not <= (JioNLP's money parser reads it the wrong way round)."""
    assert _amounts("一律按不低于5%的幅度压减一般性支出") == [("不低于5%", 5, None, "%", ">=")]


@pytest.mark.issue(4)
def test_quantities_threshold_defining_a_category_is_tolerated():
    """66人以上超大班额 is optional in gold: found or not, it must not break its neighbours."""
    found = _amounts("确保2018年实现义务教育阶段学校基本消除66人以上超大班额目标。")
    assert all(text == "66人以上" for text, *_ in found)


def test_quantities_whole_corpus_offsets(normalised_texts):
    """Every paragraph of every corpus document: text[start:end] == record.text."""
    total = 0
    for doc_id, text in normalised_texts.items():
        year = int(doc_id.rsplit("-", 1)[1])
        offset = 0
        for para in text.split("\n"):
            for q in extract_quantities(para, offset=offset, context=Context(year=year)):
                assert text[q.char_start : q.char_end] == q.text, (doc_id, q)
                assert q.comparator in {"=", "~", ">=", "<=", ">", "<", "range"}
                assert q.kind in KINDS
                assert (q.value_max is not None) == (q.comparator == "range")
                total += 1
            offset += len(para) + 1
    assert total > 1000


def test_quantities_comparator_data_validation(tmp_path):
    bad = tmp_path / "comparators.yaml"
    bad.write_text(COMPARATORS_FILE.read_text(encoding="utf-8").replace('左右: "~"', '左右: "about"'), encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_comparators(bad)
    assert "左右" in str(err.value) and "about" in str(err.value)
    assert pickle.loads(pickle.dumps(err.value)).problem == err.value.problem


def test_quantities_not_quantities_data_validation(tmp_path):
    bad = tmp_path / "not_quantities.yaml"
    bad.write_text(
        NOT_QUANTITIES_FILE.read_text(encoding="utf-8").replace("min_chinese_count: 10", "min_chinese_count: ten"),
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="min_chinese_count"):
        load_not_quantities(bad)


@pytest.mark.parametrize("text", ["九" + "亿" * 3000 + "元", "1" * 400 + "元", "百分之" * 500, "“" * 1000 + "5所"])
def test_quantities_never_raise_on_pathological_text(text):
    for q in extract_quantities(text, context=PLAN_2018):
        assert text[q.char_start : q.char_end] == q.text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.integers(min_value=0, max_value=10**6))
def test_quantities_never_raise(text, offset):
    for q in extract_quantities(text, offset=offset, context=Context(year=2018, part="other")):
        assert text[q.char_start - offset : q.char_end - offset] == q.text


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet="0123456789.,%－-~至到万亿千百十一二两三五九百分之点以上左右约近不低于多余个所人元平方米（）“”《》第年",
        max_size=40,
    )
)
def test_quantities_never_raise_on_number_soup(text):
    for q in extract_quantities(text, context=PLAN_2018):
        assert text[q.char_start : q.char_end] == q.text
        assert q.value == q.value  # not NaN


@pytest.mark.issue(11)
def test_quantities_kind_follows_previous_past_sentence():
    # gov-report 2011 (plan part): the results of 2010 follow 过去一年，…取得了很大成绩。
    from extractors.context import Context
    from extractors.quantities import extract_quantities

    text = "过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%，城镇新增就业1168万人。"
    kinds = {q.text: q.kind for q in extract_quantities(text, context=Context(year=2011, part="plan"))}
    assert kinds == {"10.3%": "achievement", "1168万人": "achievement"}
    # …but not when the sentence before also looks ahead (gov-report 2019 fiscal paragraph)
    text = "今年赤字率拟按2.8%安排，比去年预算高0.2个百分点；财政赤字2.76万亿元。"
    kinds = {q.text: q.kind for q in extract_quantities(text, context=Context(year=2019, part="plan"))}
    assert kinds["2.76万亿元"] == "target"


def test_quantities_a_mark_and_multiplier_after_a_larger_group():
    # 六亿三千多万平方米 is 6亿 + 3千多万 (gov-report-1986 audit), not 6亿3千 × 万
    found = {q.text: q.value for q in extract_quantities("新建住宅六亿三千多万平方米，人口十亿五千多万。")}
    assert found == {"六亿三千多万平方米": 630000000.0, "十亿五千多万": 1050000000.0}


@pytest.mark.issue(17)
def test_quantities_chinese_fractions_are_shares_in_percent():
    """三分之一, 四分之一以上 (units.yaml fractions): the share in %, with its comparator;
    百分之 is a prefix unit, 千分之 written in words a share in % too (千分之三 → 0.3 %,
    twenty-ninth round), and a fraction of a century is a span of time."""
    found = _amounts("专项转移支付项目要减少三分之一，企业开办时间缩短四分之一以上，约有三分之二左右。")
    assert [(t, round(v, 2), vm, u, c) for t, v, vm, u, c in found] == [
        ("三分之一", 33.33, None, "%", "="),
        ("四分之一以上", 25.0, None, "%", ">="),
        ("三分之二左右", 66.67, None, "%", "~"),
    ]
    assert _amounts("提高百分之八十五和千分之三。") == [
        ("百分之八十五", 85, None, "%", "="),
        ("千分之三", 0.3, None, "%", "="),
    ]
    assert _amounts("在今后不到四分之一世纪的时间内实现四个现代化。") == []
    # the subject is what the share is of, like any percent
    (q,) = extract_quantities("专项转移支付项目要减少三分之一。", context=Context(year=2014, part="plan"))
    assert (q.kind, q.subject) == ("target", "专项转移支付项目减少")


def test_quantities_a_small_chinese_decimal_with_a_measure_word_is_an_amount():
    """一批, 两个指标 are article counts (min_chinese_count), a decimal never is (gov-report 1960,
    fifth set, in-sample)."""
    assert _amounts("平均每个公社有农业中学一点二所。") == [("一点二所", 1.2, None, "所", "=")]
    assert _amounts("实施两个指标。") == []


@pytest.mark.issue(17)
def test_quantities_tenths_in_words_are_shares_in_percent():
    """七成以上, 一成 (units.yaml tenths) are shares in %, read only before a comparator word
    or a stop: 统一成为 and 一成不变 hold no amount (pingtan-gov-report 2022, gov-report 1980,
    in-sample)."""
    assert _amounts("对台特色创新占福建自贸试验区七成以上。") == [("七成以上", 70, None, "%", ">=")]
    assert _amounts("夏粮减产一成，满意率超过九成。") == [
        ("一成", 10, None, "%", "="),
        ("超过九成", 90, None, "%", ">"),
    ]
    assert _amounts("平衡成为不平衡，统一成为不统一，一成不变。") == []


def test_quantities_mei_counts_medals_and_spindles():
    """枚 is a measure word (pingtan-gov-report 2023 2枚金牌, gov-report 1958 纺锭…枚), and like
    any measure word a small whole Chinese count before it is an article (一枚运载火箭)."""
    assert _amounts("夺取2枚金牌，毛、麻纺锭七千三百三十枚，一枚运载火箭。") == [
        ("2枚", 2, None, "枚", "="),
        ("七千三百三十枚", 7330, None, "枚", "="),
    ]


@pytest.mark.issue(17)
def test_quantities_arabic_digits_with_place_words_of_falling_size():
    """1万6千多户, 2万5千公里, 1亿3千多万 (gov-report 2018, in-sample) are one number each, the
    万 after 1亿3千多 scaling only 3千; before, 1万 was read alone and 6千多户 as another."""
    assert _amounts("日均新设企业由5千多户增加到1万6千多户，出境旅游人次增加到1亿3千多万，里程2万5千公里。") == [
        ("5千多户", 5000, None, "户", ">"),
        ("1万6千多户", 16000, None, "户", ">"),
        ("1亿3千多万", 130000000, None, "", ">"),
        ("2万5千公里", 25000, None, "公里", "="),
    ]


@pytest.mark.issue(17)
def test_quantities_a_middle_dot_between_digits_is_a_decimal_point():
    """gov-report 1999 writes 19·5%: 19.5 %, where 5 % was read before (the 19 left in the
    subject, 增长19·)."""
    found = extract_quantities(
        "全年增长19·5%，全社会固定资产投资增长14·1%。", context=Context(year=1999, part="review")
    )
    assert [(q.text, q.value, q.subject) for q in found] == [
        ("19·5%", 19.5, "增长"),
        ("14·1%", 14.1, "全社会固定资产投资增长"),
    ]


def test_quantities_hours_counted_with_ge_are_one_unit():
    """个小时 is one measure word like 个工作日 (pingtan-gov-report 2023 通关时间压缩为5.7个小时:
    the unit was 个 and 小时 went to the subject); 5小时内 stays 小时."""
    assert _amounts("进口通关时间压缩为5.7个小时，最迟5小时内发布权威信息。") == [
        ("5.7个小时", 5.7, None, "个小时", "="),
        ("5小时内", 5, None, "小时", "<="),
    ]


@pytest.mark.issue(17)
def test_quantities_years_read_digit_by_digit_are_no_amounts():
    """一九八一和一九八二两个年度计划 (gov-report 1982): years written without 年 are no amounts
    (they had become 1981个 and 19822个); amounts in words carry place values."""
    assert _amounts("曾分别制订了一九八一和一九八二两个年度计划。") == []
    assert _amounts("全国设立一千九百八十一所学校。") == [("一千九百八十一所", 1981, None, "所", "=")]


@pytest.mark.issue(17)
def test_quantities_the_basis_of_a_price_is_no_amount():
    """小麦、稻谷最低收购价平均每50公斤分别提高7.4元和16元 (gov-report 2012, first held-out gold):
    每50公斤 is what the price is given per; the amounts after it keep their list. A time after
    每 stays an amount (每两天就有一个…, 1958)."""
    plan = Context(year=2012, part="plan", genre="政府工作报告")
    found = extract_quantities("今年小麦、稻谷最低收购价平均每50公斤分别提高7.4元和16元。", context=plan)
    assert [(q.text, q.subject) for q in found] == [("7.4元", "小麦最低收购价提高"), ("16元", "稻谷最低收购价提高")]
    assert [q.text for q in extract_quantities("差不多每两天就有一个重大企业建设完工。", context=plan)] == ["两天"]


@pytest.mark.issue(17)
def test_quantities_shipments_are_counted_in_piao():
    """累计进出口货物22万票、货值7700多万元 (pingtan-gov-report 2017, seventh audit): 票 counts
    shipments, so 22万 has its unit and 货值 no stray 票."""
    review = Context(year=2017, part="review", genre="政府工作报告")
    found = extract_quantities("累计进出口货物22万票、货值7700多万元。", context=review)
    assert [(q.text, q.unit, q.subject) for q in found] == [
        ("22万票", "票", "进出口货物"),
        ("7700多万元", "元", "货值"),
    ]


def test_quantities_half_a_unit_more():
    """一亩半 is 1.5亩 and 一倍半 1.5倍 (gov-report 1988, 1954; tenth audit); 半 starting a word
    (半导体) or after a classifier (两个半月) adds nothing."""
    ctx = Context(year=1988, part="plan")
    assert [(q.text, q.value) for q in extract_quantities("我国人均只有一亩半耕地。", context=ctx)] == [("一亩半", 1.5)]
    assert [(q.text, q.value) for q in extract_quantities("增长一倍半。", context=ctx)] == [("一倍半", 1.5)]
    assert [(q.text, q.value) for q in extract_quantities("建设3公里半导体产业园。", context=ctx)] == [("3公里", 3.0)]


def test_quantities_names_made_of_numbers():
    """Tours named by their length (推出18小时、24小时、36小时、48小时游产品, pingtan-gov-report-2024)
    and the statistics category 十种有色金属 (gov-report-1980) hold no amount (tenth audit); the
    amount after the category still counts."""
    ctx = Context(year=2024, part="plan")
    assert extract_quantities("推出18小时、24小时、36小时、48小时游产品。", context=ctx) == []
    found = extract_quantities("十种有色金属108万吨，水泥7800万吨。", context=ctx)
    assert [q.text for q in found] == ["108万吨", "7800万吨"]
