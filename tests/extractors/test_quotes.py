"""Tests for extractors/quotes.py: which quoted strings name a programme (docs/annotation.md)."""

from __future__ import annotations

import pickle

import pytest

from extractors import quotes
from extractors.errors import DataFileError
from extractors.quotes import PROGRAMME, THING, WORD, judge


def verdicts(sentence: str) -> list[tuple[str, str]]:
    """(quoted string, verdict) for every “…” of ``sentence``."""
    out, start = [], 0
    while (i := sentence.find("“", start)) >= 0:
        j = sentence.index("”", i) + 1
        out.append((sentence[i:j], judge(sentence, i, j)[0]))
        start = j
    return out


# (sentence, verdict of every quote in it); sources in comments.
CASES = [
    # programmes: a programme word after the quote, a verb that carries it out, a formula
    ("深化“放管服”改革。", [PROGRAMME]),  # gov-report-2018
    ("统筹推进“五位一体”总体布局和协调推进“四个全面”战略布局", [PROGRAMME, PROGRAMME]),  # 2018
    ("扎实推进“三去一降一补”。", [PROGRAMME]),  # gov-report-2018
    ("全面实施“双随机、一公开”监管", [PROGRAMME]),  # gov-report-2018
    # a dictionary idiom that is the State Council's commitment (2018 gold)
    ("持之以恒纠正“四风”，严格执行国务院“约法三章”。", [WORD, PROGRAMME]),
    # the run shares the word after it: 斗争 (gov-report-1994), 工程 (pingtan-gov-report-2020)
    ("禁止卖淫嫖娼、拐卖妇女儿童、吸毒贩毒等“除六害”和“扫黄”斗争；", [PROGRAMME, PROGRAMME]),
    ("新建和改扩建中小学校，实施“扩容”“提升”“名校”工程，", [PROGRAMME] * 3),
    # a slogan followed by 的方针 (gov-report-1994)
    ("我们要继续坚定不移地执行“和平统一、一国两制”的方针，", [PROGRAMME]),
    # national programmes that are also ordinary words (gov-report-2008, 2009, 2005)
    ("九要坚持实行“米袋子”省长负责制和“菜篮子”市长负责制。", [PROGRAMME, PROGRAMME]),
    ("加强境外能源资源合作，企业“走出去”步伐加快，", [PROGRAMME]),
    ("加快文化设施特别是广播电视“村村通”和乡镇综合文化站建设", [PROGRAMME]),
    ("鼓励计划生育家庭实行奖励扶助制度和“少生快富”扶贫工程的试点。", [PROGRAMME]),
    # an activity named by its verb (dalian-edu-2018)
    ("实施“艺术家进校园”工程,“送演出”到学校120场、“送讲座”到学校20场。", [PROGRAMME] * 3),
    # the nearest verb decides: 实现, not 解决 (gov-report-2019)
    ("重点解决实现“两不愁三保障”面临的突出问题，", [PROGRAMME]),
    # a campaign name wins over the 整治 before it (pingtan-gov-report-2017)
    ("实施交通秩序、卫生整治“三年攻坚战役”，积极创建第五届全国文明城市。", [PROGRAMME]),
    # words set off by quotes: a single character, ordinary words and metaphors
    ("“稳”的主要标志是，经济运行保持在合理区间。", [WORD]),  # gov-report-2015
    ("人才是创新的第一资源，这是创新发展的最大“富矿”。", [WORD]),  # gov-report-2018
    ("地方可因地制宜地制定具体政策，不搞“一刀切”。", [WORD]),  # gov-report-1997
    ("放开市场这只“看不见的手”，用好政府这只“看得见的手”，", [WORD, WORD]),  # gov-report-2014
    ("让企业和群众办事像“网购”一样方便。", [WORD]),  # fujian-zwgk-tasks-2018
    ("推出一批“小而美”的民生项目。", [WORD]),  # pingtan-gov-report-2024
    # problems and behaviours
    ("坚决反对和遏制“台独”分裂活动，", [WORD]),  # gov-report-2017
    ("巩固两岸坚持“九二共识”、反对“台独”的政治基础，", [PROGRAMME, WORD]),  # gov-report-2015
    ("政府要信守承诺，决不能“新官不理旧账”。", [WORD]),  # gov-report-2018
    ("加强固体废弃物和垃圾分类处置，严禁“洋垃圾”入境。", [WORD]),  # gov-report-2018
    ("抓紧消除城镇“大班额”，", [WORD]),  # gov-report-2018
    ("严格依法治税，做到应收尽收，堵塞“跑、冒、滴、漏”。", [WORD]),  # gov-report-2002
    # a word after the run condemns it: a fallacy, a wild demand, a splittist act
    # (gov-report-1978, 1957, 2000); a programme a condemning word merely follows keeps its name
    ("批判了他们炮制的“两个估计”的反革命谬论，", [WORD]),
    ("“党天下”、“请共产党下台”等等狂妄要求", [WORD, WORD]),
    ("推行“两国论”和“台湾独立”等严重分裂活动，", [WORD, WORD]),
    ("实施“两个估计”调查，批驳谬论。", [PROGRAMME]),
    # a scare quote after 什么, views listed and criticised (gov-report 1959, 1964; dev24p audit)
    ("社会主义国家根本不需要实行什么“经济扩张”和什么“倾销”。", [WORD, WORD]),
    ("对“合二而一”、“各阶级汇合的时代精神”、“写中间人物”等等资产阶级观点展开了批判", [WORD, WORD, WORD]),
    # someone's words cited after a speech verb, with or without its comma (gov-report 1964,
    # 1957, 1955); a programme someone put forward stays one
    ("周总理指出，毛主席说过，“民族斗争，说到底，是一个阶级斗争问题”。", [WORD]),
    ("北京工人说“共产党领导的中国就是工人阶级的天下，就是人民的天下”。", [WORD]),
    ("必须批判那种认为“建设经验不够，工作经验不够，浪费一点不可避免”的想法。", [WORD]),
    ("邓小平同志提出“一国两制”的构想", [PROGRAMME]),
    # a plot (gov-report 1964; dev24p4)
    ("制造“两个中国”或“一个中国、一个台湾”的阴谋。", [WORD, WORD]),
    # acts a law forbids (gov-report-1955; dev24p3)
    ("还在进行宪法所禁止的“危害公共利益、扰乱社会经济秩序、破坏国家经济计划”的非法行为", [WORD]),
    # an instruction's words (gov-report-1978); an instruction about a slogan keeps it (1958)
    ("继续执行毛主席的“军队要整顿”、“要准备打仗”的重要指示，", [WORD, WORD]),
    ("坚决执行党中央和毛主席关于“多、快、好、省”的指示，", [PROGRAMME]),
    # a motto qualifying a spirit, a pattern or a layout describes it (gov-report 1978, 2005,
    # pingtan-suping-2022; the dev24p4, dev25p2 sheets); a slogan heading a policy stays one
    ("发扬“愚公移山，改造中国”的大无畏革命精神，", [WORD]),
    ("形成“高产量、高附加值、高利用率”的农业发展格局。", [WORD]),
    ("应当按照“全国一盘棋”的战略布局，", [WORD]),
    ("坚持“与邻为善，以邻为伴”的周边外交方针，", [PROGRAMME]),
    # brands named as examples are things, a brand the quote names is a programme (2023, 2022)
    ("打造“星辰大海”“浪漫蓝眼泪”等旅游品牌。", [THING, THING]),
    ("打响“文化+旅游”品牌。", [PROGRAMME]),
    ("坚持“一国两制”方针，反对分裂活动。", [PROGRAMME]),
    ("有效治理交通拥堵等“城市病”，", [WORD]),  # gov-report-2017
    ("面积18.8万平方米，“两违”持续保持零增长。", [WORD]),  # pingtan-gov-report-2018
    # a category of people or money, a streak of results, a route, a goal sentence
    ("确保“零就业”家庭至少有一人就业。", [WORD]),  # gov-report-2014
    ("中央国家机关“三公”经费减少35%，", [WORD]),  # gov-report-2014
    ("进一步加大对“两类公司”“三类机构”的监管力度", [WORD, WORD]),  # pingtan-finance-2022
    ("粮食产量实现“九连增”；", [WORD]),  # gov-report-2013
    ("构建“全球-台湾-平潭”海空联运通道，", [WORD]),  # pingtan-gov-report-2021
    # the object of 实现 or 增强 is a state, not a programme (pingtan-gov-report-2022, 2020)
    ("率先实现大型岛屿“全绿电”供应。", [WORD]),
    ("决因病因灾返贫，增强“造血功能”，", [WORD]),
    # a website, a card (fujian-zwgk-tasks-2016, pingtan-gov-report-2021)
    ("做好各级政府网站与“信用中国”网站的连接工作", [THING]),
    ("全面推广“麒麟卡”“两岸共同家园卡”等台胞专属金融服务卡，", [THING, THING]),
    # financial products (pingtan-gov-report-2024)
    ("创新“文旅闪贷”“诚信闪贷”等金融产品，", [THING, THING]),
    ("打造“旅游+”产品体系。", [PROGRAMME]),  # a product line the quote names (pingtan-2019)
    # products and tools named as examples after 等 and a qualifier (pingtan-finance-2022; the
    # dev25p2 sheet, twenty-eighth round)
    ("创新“乡村振兴闪贷”等普惠金融专属产品和服务。", [THING]),
    ("运用“金融港运营监管平台”等现代科技监管手段加强日常监管工作，", [THING]),
    # a symposium named in quotes; misdeeds committed again (pingtan-gov-report-2024,
    # gov-report-1955; the dev25p2 and dev25p3 sheets)
    ("“环太平洋史前文化学术研讨会”等高规格涉外活动接连举办，", [THING]),
    ("用更巧妙的方法重犯“五毒”；", [WORD]),
    # a list of plain nouns names the aims or sides of a thing, no programme (pingtan-gov-report
    # 2020, gov-report-2002; the dev18, dev25p2 sheets); a list with a verb or a count is a
    # slogan still, and so is a model joined by + (made up beside the corpus's own)
    ("经济发展实现“速度、质量、效益”相统一。", [WORD]),
    ("促进“产、城、人、文”融合发展。", [WORD]),
    ("以“质量、品种、效益”为重点，选好项目。", [WORD]),
    ("全面推行“双随机、一公开”。", [PROGRAMME]),
    ("“串珠成线、联线成片”的君山旅游网格逐渐形成。", [PROGRAMME]),
    ("开展“社区+物业+养老”服务项目试点。", [PROGRAMME]),
    # names of ships, typhoons and honours
    ("第一艘航母“辽宁舰”入列；", [THING]),  # gov-report-2013
    ("有效应对“杜苏芮”“海葵”等超强台风不利影响，", [THING, THING]),  # pingtan-gov-report-2024
    ("森林覆盖率位居全省首位，荣获“国家森林城市”称号。", [THING]),  # pingtan-gov-report-2020
    ("大坪村获评2022年“福建省森林村庄”，", [THING]),  # pingtan-junshan-2022
    ("“智慧文旅”项目获评亚洲旅游“红珊瑚”奖。", [PROGRAMME, THING]),  # pingtan-gov-report-2021
]


@pytest.mark.parametrize("sentence, expected", CASES)
def test_quotes_verdicts(sentence, expected):
    assert [v for _, v in verdicts(sentence)] == expected


def test_quotes_judge_gives_a_reason():
    sentence = "人才是创新的第一资源，这是创新发展的最大“富矿”。"
    i = sentence.index("“")
    verdict, reason = judge(sentence, i, sentence.index("”") + 1)
    assert verdict == WORD and "dictionary" in reason


def test_quotes_ordinary_words_leave_out_names():
    words = quotes.ordinary_words()
    assert {"富矿", "一刀切", "硬骨头"} <= words
    # jieba tags these as names (nz, ns): they are no ordinary words
    assert not {"三个代表", "港人治港"} & words


def test_quotes_never_raise_at_text_edges():
    for text in ("“”", "“稳”", "“一带一路”", "反对“台独”"):
        i = text.index("“")
        assert judge(text, i, text.index("”", i) + 1)[0] in (PROGRAMME, THING, WORD)


@pytest.mark.parametrize(
    "content, problem",
    [
        ("not_programmes: [a]\n", "missing"),
        ("- a\n- b\n", "expected a mapping"),
    ],
)
def test_quotes_bad_file_names_the_file(tmp_path, content, problem):
    path = tmp_path / "quoted_names.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=problem) as info:
        quotes.load_cues(path)
    assert str(path) in str(info.value)
    assert pickle.loads(pickle.dumps(info.value)).problem == info.value.problem


def test_quotes_bad_pattern_is_refused(tmp_path):
    import yaml

    data = yaml.safe_load(quotes.QUOTED_NAMES.path.read_text(encoding="utf-8"))
    data["not_programme_patterns"] = ["([unclosed"]
    path = tmp_path / "quoted_names.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFileError, match="not_programme_patterns"):
        quotes.load_cues(path)
