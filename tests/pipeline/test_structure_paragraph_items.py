"""Items of a report's chapters written as paragraphs (docs/annotation.md, "Unnumbered
run-in headings" and "Numbered headings"), after gov-report 1995 and 1986 (the fourth
held-out set, used here only after its one measurement):

- an enumeration (二是…十是) inside one run-in's paragraph does not make the run-ins
  before it items of that enumeration; a short sentence between 一是 and 二是 still is;
- a phrase without a comma a little over the plain length belongs to a plain level;
- a numbered paragraph (（一）, 第一、) whose first sentence is long is an item all the same
  when its first clause is a title: the title ends at the first comma.
"""

from __future__ import annotations

from pipeline.structure.parse import parse_structure

_TEXT = "要完善相关政策措施，加大工作力度，推动各项任务落到实处，切实提高工作质量和效益，让人民群众得到更多实惠"


def _tasks(text: str, year: int = 1995) -> list[str]:
    return [t.title for t in parse_structure(text, f"x-{year}", year).tasks]


def _p(first: str, rest: str = "") -> str:
    return f"{first}。{_TEXT}。{rest}{_TEXT}。"


def _report(*chapters: tuple[str, list[str]]) -> str:
    head = "各位代表：\n现在，我代表国务院，向大会作政府工作报告，请予审议。\n"
    body = [f"{n}、{heading}\n" + "\n".join(paras) for n, (heading, paras) in zip("一二三四", chapters)]
    return head + "\n".join(body) + "\n"


_ENUMERATION = "一要加强农业。" + "".join(f"{n}是{_TEXT}。" for n in "二三四五")


def test_an_enumeration_in_a_later_paragraph_hides_no_run_in():
    text = _report(
        (
            "促进国民经济持续、快速、健康发展",
            [
                _p("在今年的经济工作中，要加强和改善宏观调控，努力完成计划"),
                _p("保持适当的经济增长速度"),
                _p(_TEXT),
                _p("坚决控制物价上涨幅度"),
                _p("促进农村经济全面发展", _ENUMERATION),
                _p("继续扩大对外开放"),
                _p("坚决执行计划生育和环境保护的基本国策"),
            ],
        ),
        (
            "为改革和发展创造良好的社会环境",
            [_p("高度重视社会主义民主和法制建设"), _p("继续抓紧社会治安综合治理"), _p("加强国防现代化建设")],
        ),
    )
    assert _tasks(text) == [
        "保持适当的经济增长速度",
        "坚决控制物价上涨幅度",
        "促进农村经济全面发展",
        "继续扩大对外开放",
        "坚决执行计划生育和环境保护的基本国策",
        "高度重视社会主义民主和法制建设",
        "继续抓紧社会治安综合治理",
        "加强国防现代化建设",
    ]


def test_a_short_sentence_between_two_items_stays_inside_the_enumeration():
    # gov-report 2009 （二）: 一是扩大消费…。 / 加快建设“万村千乡”市场工程…。 / 二是…
    text = _report(
        (
            "积极扩大国内需求特别是消费需求",
            [
                "一是扩大消费尤其是居民消费。" + _TEXT + "。",
                _p("加快建设万村千乡市场工程"),
                "二是保持投资较快增长和优化投资结构。" + _TEXT + "。",
                _p("继续整顿房地产市场秩序"),
                "三是促进房地产市场稳定健康发展。" + _TEXT + "。",
            ],
        ),
        ("加快完善社会保障体系", [_p(_TEXT), _p(_TEXT)]),
    )
    assert "加快建设万村千乡市场工程" not in _tasks(text)
    assert "继续整顿房地产市场秩序" not in _tasks(text)


def test_numbered_paragraphs_with_a_long_first_sentence_are_items():
    # gov-report 1986 四、: 第一、中国从本国人民和世界人民的长远利益和根本利益出发，把…作为…。
    long_rest = "把反对霸权主义、维护世界和平、发展各国友好合作和促进共同经济繁荣，作为自己对外工作的根本目标和任务"
    text = _report(
        (
            "坚持独立自主的和平外交政策",
            [_p(_TEXT)] + [f"第{n}、中国坚持第{n}项对外政策的基本原则，{long_rest}。{_TEXT}。" for n in "一二三"],
        ),
        (
            "“七五”时期的经济体制改革",
            [
                _p(_TEXT),
                f"（一）进一步增强企业特别是全民所有制大中型企业的活力，{long_rest}。{_TEXT}。",
                f"（二）进一步发展社会主义的商品市场，逐步完善市场体系，{long_rest}。{_TEXT}。",
            ],
        ),
    )
    assert _tasks(text, 1986) == [
        "中国坚持第一项对外政策的基本原则",
        "中国坚持第二项对外政策的基本原则",
        "中国坚持第三项对外政策的基本原则",
        "进一步增强企业特别是全民所有制大中型企业的活力",
        "进一步发展社会主义的商品市场",
    ]


def test_two_numbered_series_under_one_chapter_keep_distinct_ids():
    # gov-report 1986 二、: the basic tasks （一）…（三）, then the chapter's own 一、…五、
    para = "我们要在五年内实现下列任务，确保完成各项指标，不断提高经济效益，使人民得到更多实惠"
    text = (
        "各位代表：\n一、“六五”计划执行情况的回顾\n"
        + _p(_TEXT)
        + "\n二、“七五”时期的基本任务\n"
        + _p(_TEXT)
        + "\n"
        + "\n".join(
            f"（{n}）{h}。{para}。"
            for n, h in zip("一二三", ["保持经济的持续稳定增长", "继续改善城乡人民生活", "加强重点建设"])
        )
        + "\n"
        + "\n".join(
            f"{n}、{h}\n{_p(_TEXT)}"
            for n, h in zip("一二三", ["确定适度的经济增长率", "规定恰当的投资规模", "发展科学教育事业"])
        )
        + "\n三、“七五”时期的经济体制改革\n"
        + _p(_TEXT)
        + "\n"
    )
    tasks = parse_structure(text, "x-1986", 1986).tasks
    ids = [t.task_id for t in tasks]
    assert [t.title for t in tasks if t.task_id.startswith("x-1986/2.")] == [
        "保持经济的持续稳定增长",
        "继续改善城乡人民生活",
        "加强重点建设",
        "确定适度的经济增长率",
        "规定恰当的投资规模",
        "发展科学教育事业",
    ]
    assert len(ids) == len(set(ids))


def test_a_series_after_a_list_of_one_paragraph_items_is_the_chapters():
    # gov-report 1979 二、: 下列几项主要要求：（一）…（五）, paragraphs, then 以下的十项工作 第一、…
    reqs = "（一）要使粮食生产的发展同人口的增长比较适应。\n（二）在轻纺工业方面，要使它们的增长速度赶上或略高于重工业的增长速度，使主要轻纺产品的增长大体上同国内购买力的增长相适应，并大量增加出口。\n（三）基本建设要坚决缩短战线。"
    tasks = "\n".join(
        f"第{n}、{h}。{_TEXT}。"
        for n, h in zip("一二三", ["坚持以农业为基础", "加快轻纺工业的发展", "坚决缩短基本建设战线"])
    )
    text = (
        "各位代表：\n一、伟大的历史性转变\n"
        + _p(_TEXT)
        + "\n二、打好第一个战役\n经过三年调整，我们要努力达到下列几项主要要求：\n"
        + reqs
        + "\n"
        + _p(_TEXT)
        + "\n当前的主要任务，是要着重抓好以下的三项工作。\n"
        + tasks
        + "\n三、加强社会主义法制\n"
        + _p(_TEXT)
        + "\n"
    )
    st = parse_structure(text, "x-1979", 1979)
    under = {t.task_id.split("/")[1]: t.title for t in st.tasks if t.task_id.startswith("x-1979/2.")}
    assert list(under.values())[-3:] == ["坚持以农业为基础", "加快轻纺工业的发展", "坚决缩短基本建设战线"]
    assert all(k.count(".") == 1 for k in under)  # none sits under （三）
    assert [s.heading for s in st.sections] == ["伟大的历史性转变", "打好第一个战役", "加强社会主义法制"]


def test_a_first_chapter_that_opens_with_last_year_reviews():
    # gov-report 1985 （一）关于经济形势: 刚刚过去的1984年，… — no review word in the heading;
    # a later chapter opening with the past (关于外交工作: 过去一年…) stays a plan chapter
    def chapter(n: str, heading: str, first: str) -> str:
        return f"（{n}）{heading}\n{first}，{_TEXT}。\n{_p(_TEXT)}"

    text = "各位代表：\n" + "\n".join(
        [
            chapter("一", "关于经济形势", "刚刚过去的1984年"),
            chapter("二", "关于经济体制改革", "今年要继续推进改革"),
            chapter("三", "关于外交工作", "过去一年"),
        ]
    )
    st = parse_structure(text, "x-1985", 1985)
    assert [(t.title, t.part) for t in st.tasks] == [
        ("关于经济形势", "review"),
        ("关于经济体制改革", "plan"),
        ("关于外交工作", "plan"),
    ]
    # the plan year opening it keeps a chapter a plan chapter
    text = text.replace("刚刚过去的1984年", "1985年是改革的关键一年")
    assert parse_structure(text, "x-1985", 1985).tasks[0].part == "plan"


def test_chapter_numerals_alone_on_their_lines_are_headings():
    # gov-report-1960 (fifth held-out set, in-sample since its measurement): 一 … 四 stand on
    # lines of their own with no heading text; a numeral inside a line is none
    body = "\n".join(f"{n}\n{_p(_TEXT)}\n{_p(_TEXT)}" for n in "一二三")
    text = "各位代表：\n" + body + "\n统一\n"
    tasks = parse_structure(text, "x-1960", 1960).tasks
    assert [t.number for t in tasks] == [1, 2, 3]
    # a numeral with no heading text gives no title (ANNOTATION.md: the first sentence is a
    # title only when it is a heading), though the task's text keeps the whole chapter
    assert [t.title for t in tasks] == [""] * 3
    assert all(t.text.lstrip().startswith(n) and _TEXT in t.text for t, n in zip(tasks, "一二三"))


def test_topic_lines_inside_a_chapter_are_its_sub_headings():
    # gov-report 1957 (fifth held-out set, in-sample since its measurement): 二、 holds the
    # unnumbered lines 关于教育改革问题 and 关于向科学进军, each followed by text; a single
    # such line is no level
    text = (
        "各位代表：\n一、关于社会主义革命\n"
        + _p(_TEXT)
        + "\n二、关于社会主义建设\n"
        + _p(_TEXT)
        + "\n关于教育改革问题\n"
        + _p(_TEXT)
        + "\n关于向科学进军\n"
        + _p(_TEXT)
        + "\n三、关于人民生活\n"
        + _p(_TEXT)
        + "\n关于劳动就业问题\n"
        + _p(_TEXT)
        + "\n"
    )
    st = parse_structure(text, "x-1957", 1957)
    assert [t.title for t in st.tasks] == ["关于教育改革问题", "关于向科学进军"]
    assert [s.heading for s in st.sections] == ["关于社会主义革命", "关于社会主义建设", "关于人民生活"]


def test_a_report_whose_introduction_announces_a_review_reviews_throughout():
    # gov-report 1957 (in-sample): 关于一年来的政府工作，…作报告 — the introduction says the
    # report reviews the year's work and says nothing of a plan, so chapters whose headings
    # name no part are review; an introduction that also looks ahead (1998: 报告过去五年的
    # 工作，对今年的工作提出建议; 1986: 作关于…第七个五年计划的报告) keeps them plan
    def report(intro: str) -> str:
        return (
            f"各位代表：\n{intro}\n一、关于社会主义革命\n"
            + _p(_TEXT)
            + "\n二、关于社会主义建设\n"
            + _p(_TEXT)
            + "\n三、关于人民生活\n"
            + _p(_TEXT)
            + "\n"
        )

    review = report("关于一年来的政府工作，国务院决定由我向大会作报告。")
    assert [t.part for t in parse_structure(review, "x-1957", 1957).tasks] == ["review"] * 3
    for intro in (
        "我代表国务院向大会报告过去一年的工作，对今年的工作提出建议。",
        "现在，我代表国务院，向大会作关于第七个五年计划的报告，请审议。",
        "我向大会作关于纲要的执行情况和争取提前实现这个纲要的报告。",
        "关于一年来的政府工作，国务院决定由我向大会作报告。1957年的计划报告如下。",
    ):
        assert [t.part for t in parse_structure(report(intro), "x-1957", 1957).tasks] == ["plan"] * 3, intro


def test_past_years_in_a_chapter_title_and_the_closing_address():
    # gov-report 1960 (in-sample): a bare-numeral chapter's first sentence, though no title,
    # decides its part: 农业发展纲要在过去四年中执行的情况 reviews (过去N年, 执行的情况); a chapter opening with
    # the address of the closing (各位代表，…) is part `other`
    text = (
        "各位代表：\n一\n"
        + _p("农业发展纲要是发展农业的纲领，要大力推进各项工作")
        + "\n二\n"
        + _p("下面我首先说一下农业发展纲要在过去四年中执行的情况")
        + "\n三\n"
        + _p("人民公社制度是我们提前实现农业发展纲要的根本保障")
        + "\n四\n"
        + _p("各位代表，全国农业发展纲要反映了我国农村前进的方向")
        + "\n"
    )
    parts = [t.part for t in parse_structure(text, "x-1960", 1960).tasks]
    assert parts == ["plan", "review", "plan", "other"]


def test_topic_frames_before_a_chapters_numbered_items():
    # gov-report 2008 （三） (second set, in-sample): seven 在X方面 paragraphs, then 第一，…;
    # the frames are run-ins of the chapter and the numbered items keep their ids
    frames = "".join(f"\n在{topic}方面。{_TEXT}。\n" for topic in ["教育", "卫生", "就业"])
    items = "".join(f"\n第{n}，必须坚持{w}。{_TEXT}。\n" for n, w in zip("一二", ["解放思想", "改革开放"]))
    text = (
        "各位代表：\n一、过去五年工作回顾\n（一）加强宏观调控\n"
        + _p(_TEXT)
        + "\n（二）全面加强社会建设\n"
        + _p(_TEXT)
        + frames
        + "\n过去五年，我们积累了宝贵经验。\n"
        + items
        + "\n二、今年的主要任务\n"
        + _p(_TEXT)
        + "\n"
    )
    tasks = parse_structure(text, "x-2008", 2008).tasks
    under = [(t.task_id.split("/")[1], t.title) for t in tasks if t.task_id.startswith("x-2008/1.2.")]
    assert under == [
        ("1.2.1b", "在教育方面"),
        ("1.2.2b", "在卫生方面"),
        ("1.2.3b", "在就业方面"),
        ("1.2.1", "必须坚持解放思想"),
        ("1.2.2", "必须坚持改革开放"),
    ]
    # two frames are no level: the chapter keeps its numbered items alone
    two = text.replace(frames, "".join(f"\n在{t}方面。{_TEXT}。\n" for t in ["教育", "卫生"]))
    assert [t.title for t in parse_structure(two, "x-2008", 2008).tasks if t.task_id.startswith("x-2008/1.2.")] == [
        "必须坚持解放思想",
        "必须坚持改革开放",
    ]


def test_two_short_verb_phrases_before_a_chapters_first_runin():
    # gov-report 2008 （八） (second set, in-sample): 深化政治体制改革，发展社会主义政治文明。
    # opens the chapter before its plain run-ins and belongs to their level; a longer
    # statement there does not
    def chapter(first: str) -> str:
        blocks = [first, "全面落实依法治国基本方略", "完善社会管理", "强化安全生产工作"]
        return "".join(f"\n{b}。{_TEXT}。{_TEXT}。\n" for b in blocks)

    def titles(first: str) -> list[str]:
        text = (
            "各位代表：\n一、今年的主要任务\n（一）搞好宏观调控\n"
            + _p(_TEXT)
            + "\n（二）加强民主法制建设"
            + chapter(first)
            + "\n（三）加强政府自身建设\n"
            + _p(_TEXT)
            + "\n"
        )
        return [t.title for t in parse_structure(text, "x-2008", 2008).tasks if t.task_id.startswith("x-2008/1.2.")]

    assert titles("深化政治体制改革，发展社会主义政治文明") == [
        "深化政治体制改革，发展社会主义政治文明",
        "全面落实依法治国基本方略",
        "完善社会管理",
        "强化安全生产工作",
    ]
    assert titles("深化政治体制改革，发展社会主义政治文明，扩大人民民主，健全民主制度")[0] == "全面落实依法治国基本方略"


def test_two_short_verb_phrases_among_a_chapters_plain_runins():
    # gov-report 2009 （六） (second set, in-sample): 做好人口和计划生育工作，稳定低生育水平。
    # and 加强社会管理，维护社会和谐安定。 (written alike) after 千方百计促进就业。 belong to its
    # level when the level opens with a verb phrase; not after a saying (重任千钧惟担当。,
    # gov-report 2016)
    def titles(first: str) -> list[str]:
        blocks = [
            first,
            "加快完善社会保障体系",
            "做好人口和计划生育工作，稳定低生育水平",
            "加强民主法制建设",
            "加强社会管理，维护社会和谐安定",
        ]
        text = (
            "各位代表：\n一、今年的主要任务\n（一）搞好宏观调控\n"
            + _p(_TEXT)
            + "\n（二）大力发展社会事业"
            + "".join(f"\n{b}。{_TEXT}。{_TEXT}。\n" for b in blocks)
            + "\n（三）加强政府自身建设\n"
            + _p(_TEXT)
            + "\n"
        )
        return [t.title for t in parse_structure(text, "x-2009", 2009).tasks if t.task_id.startswith("x-2009/1.2.")]

    assert "做好人口和计划生育工作，稳定低生育水平" in titles("千方百计促进就业")
    assert "做好人口和计划生育工作，稳定低生育水平" not in titles("重任千钧惟担当")


def test_paragraphs_opening_with_the_past_are_statements_not_runins():
    # gov-report 1986 review (fourth set, in-sample): 在过去的五年中，我国…取得了重大成就。
    # opens paragraph after paragraph; a sentence opening with the past is a statement
    def titles(opening: str) -> list[str]:
        firsts = [
            "我国的基本建设和技术改造取得了重大成就",
            "我国的财政收入由下降转为上升",
            "我国的人民生活得到显著改善",
        ]
        return _tasks(_report(("“六五”计划执行情况的回顾", [_p(opening + f) for f in firsts])), 1986)

    assert titles("在过去的五年中，") == ["“六五”计划执行情况的回顾"]  # the chapter is the task
    assert titles("") == [
        "我国的基本建设和技术改造取得了重大成就",
        "我国的财政收入由下降转为上升",
        "我国的人民生活得到显著改善",
    ]


def test_a_long_numbered_line_without_a_stop_is_a_heading():
    # gov-report 1984 关于外交工作 (third set, in-sample): 二、我们坚持…的关系，并且主张…普遍准则
    # runs past a heading's length on a line of its own with no stop: its first clause is
    # the title; a line ending in 。 stays text
    def titles(second_line_end: str) -> list[str]:
        text = (
            "各位代表：\n关于外交工作\n"
            "一、维护世界和平是我国对外政策的主要目标，我们要坚持不懈地为缓和国际紧张局势而努力。\n"
            + _TEXT
            + "。\n二、我们坚持在和平共处五项原则的基础上发展同世界各国的关系，并且主张世界上所有国家都应当遵循五项原则，使它真正成为国际关系的普遍准则"
            + second_line_end
            + "\n"
            + _TEXT
            + "。\n三、我们任何时候都把维护第三世界国家的权益作为自己的国际义务。\n"
            + _TEXT
            + "。\n"
        )
        return [t.title for t in parse_structure(text, "x-1984", 1984).tasks]

    assert "我们坚持在和平共处五项原则的基础上发展同世界各国的关系" in titles("")
    assert not any(t.startswith("我们坚持") for t in titles("。"))


def test_enumerated_statements_under_one_item_are_its_content():
    # gov-report 1984 一、 (third set, in-sample): 第一，企业与国家的分配关系…; 第二，企业将从…
    # open with what they are about, and no sibling of 一、 has items: they spell out 一、,
    # which is the task; verb phrases (1978 第一，全国动员，大办农业) stay tasks
    def titles(first: str, second: str) -> list[str]:
        text = (
            "各位代表：\n关于国内建设\n"
            "一、认真地改革城市经济中普遍存在的弊端，更好地调动企业和职工的积极性\n"
            + _TEXT
            + f"。\n第一，{first}，{_TEXT}。\n第二，{second}，{_TEXT}。\n"
            + "二、改革建筑业和基本建设的管理体制，大力提高投资效益\n"
            + _TEXT
            + "。\n三、改革流通体制，疏通流通渠道，做到货畅其流\n"
            + _TEXT
            + "。\n"
        )
        return [t.title for t in parse_structure(text, "x-1984", 1984).tasks]

    statements = titles("企业与国家的分配关系用法令的形式固定下来", "企业将从新增加的利润中得到较多的收益")
    assert statements[0] == "认真地改革城市经济中普遍存在的弊端，更好地调动企业和职工的积极性"
    assert len(statements) == 3
    verbs = titles("全国动员，大办农业", "加快发展基础工业")
    assert verbs[:2] == ["全国动员", "加快发展基础工业"]  # the items stay tasks


def test_shouxian_opens_a_series_that_goes_on_with_di_er():
    # gov-report 1955 （八）关于厉行节约问题: 首先，我们必须大大地削减…。 … 第二，… 第三，… (the thirty-
    # second round's development gold): 首先 at a line start stands for 第一
    items = ["我们必须大大地削减非生产性建设的支出", "我们必须大大地降低生产性建设的成本", "我们必须缩减行政管理费"]
    paras = [_p(f"{w}，{t}") for w, t in zip(["首先", "第二", "第三"], items)]
    text = _report(("关于厉行节约问题", [_p("发展国民经济的第一个五年计划，是以大规模的经济建设为主体的"), *paras]))
    st = parse_structure(text, "x-1955", 1955)
    assert [t.title for t in st.tasks] == items
    assert st.tasks[0].number == 1
    # 首先 without a 第二 after it is text; so is one inside a paragraph
    text = _report(("关于厉行节约问题", [_p("首先，我们必须大大地削减非生产性建设的支出"), _p("其次，要降低成本")]))
    assert _tasks(text, 1955) == ["关于厉行节约问题"]
