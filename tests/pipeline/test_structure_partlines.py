"""Unnumbered part lines (关于国内建设 … 关于外交工作 … 结束语) as top-level headings.

docs/annotation.md, "Headings": a short paragraph of its own with no number, no final
punctuation and no figures but years heads a part when the document uses two or more of
them, or when it names a part (首先报告2001年的工作 → review, 结束语 → other); the
numbered headings after it nest below it and may restart at 一、.
"""

from __future__ import annotations

import pytest

from pipeline.structure.parse import parse_structure

SYNTHETIC = "\n".join(
    [
        "各位代表：",
        "我代表国务院向大会作政府工作报告，请予审议。",
        "关于国内建设",
        "一年来，国内建设取得新的进展。",
        "一、改革城市经济体制",
        "要认真改革城市经济体制。",
        "二、改革流通体制",
        "要改革流通体制，疏通流通渠道。",
        "关于外交工作",
        "一年来，我国积极开展外交活动。",
        "一、维护世界和平",
        "维护世界和平是我国对外政策的主要目标。",
        "二、加强同第三世界国家的合作",
        "我们坚决支持第三世界国家的斗争。",
        "结束语",
        "各位代表！让我们团结起来，为实现今年的各项任务而奋斗。",
    ]
)


def test_part_lines_head_restarting_numbering():
    st = parse_structure(SYNTHETIC, "doc", 1984)
    tops = [s for s in st.sections if s.parent_id is None]
    assert [s.heading for s in tops] == ["关于国内建设", "关于外交工作", "结束语"]
    assert [s.part for s in tops] == ["plan", "plan", "other"]
    assert [t.title for t in st.tasks] == [
        "改革城市经济体制",
        "改革流通体制",
        "维护世界和平",
        "加强同第三世界国家的合作",
    ]
    assert [t.section_id for t in st.tasks] == [tops[0].section_id] * 2 + [tops[1].section_id] * 2
    closing = next(p for p in st.paragraphs if SYNTHETIC[p.char_start :].startswith("各位代表！"))
    assert closing.part == "other" and closing.task_id is None


def test_single_part_line_without_part_words_is_text():
    text = SYNTHETIC.replace("关于外交工作\n", "").replace("结束语\n", "")
    st = parse_structure(text, "doc", 1984)
    assert not any(s.heading == "关于国内建设" for s in st.sections)


def test_review_part_line_before_the_plan_chapters_stays_apart():
    text = "\n".join(
        [
            "各位代表：",
            "现在，我代表国务院向大会作政府工作报告，请予审议。",
            "首先报告2001年的工作",
            "新世纪第一年，国民经济保持良好发展势头。",
            "2002年是非常重要的一年。今年要着重做好以下两个方面工作。",
            "一、扩大和培育内需",
            "要千方百计增加城乡居民收入。",
            "二、加快农业和农村经济发展",
            "要努力增加农民收入。",
        ]
    )
    st = parse_structure(text, "doc", 2002)
    # one heading level: every heading is a task, the review one too
    assert [(t.title, t.part, t.section_id) for t in st.tasks] == [
        ("首先报告2001年的工作", "review", None),
        ("扩大和培育内需", "plan", None),
        ("加快农业和农村经济发展", "plan", None),
    ]
    first = next(p for p in st.paragraphs if text[p.char_start :].startswith("新世纪第一年"))
    plan_intro = next(p for p in st.paragraphs if text[p.char_start :].startswith("2002年是"))
    assert first.part == "review" and plan_intro.part != "review"


def test_lines_inside_a_chapter_and_opening_lines_are_not_parts():
    text = "\n".join(
        [
            "政府工作报告",
            "周恩来",
            "各位代表：",
            "现在，我代表国务院作报告。",
            "一、关于社会主义建设",
            "我国的社会主义建设继续发展。",
            "关于教育改革问题",
            "一定的文化是一定社会的反映。",
            "关于向科学进军",
            "以往一年，我国科学事业有了发展。",
            "二、关于人民生活",
            "人民生活继续改善。",
        ]
    )
    st = parse_structure(text, "doc", 1957)
    # no part lines: the numbered chapters stay at the top; the two topic lines inside 一、
    # are its sub-headings (since the fifth held-out set, parse._add_topic_lines)
    assert [(s.label, s.heading) for s in st.sections] == [("一", "关于社会主义建设"), ("二", "关于人民生活")]
    assert [t.title for t in st.tasks] == ["关于教育改革问题", "关于向科学进军"]


@pytest.mark.parametrize(
    "doc_id,year,tops",
    [
        # 关于外交工作 holds 一、二、三、 (二、 and 三、 are long lines without a stop, third set gold)
        ("gov-report-1984", 1984, [("关于国内建设", "plan", 5), ("关于外交工作", "plan", 3), ("结束语", "other", 0)]),
        (
            "gov-report-1988",
            1988,
            [
                # the five lessons 一、…五、 and, before them, five review lines 五年来，… laid
                # out as headings with no stop (docs/annotation.md; the third set's gold
                # counts those as text, the 2003 gold the same layout as tasks)
                ("过去五年国内工作的基本总结", "review", 10),
                ("今后五年建设和改革的目标、方针和任务", "plan", 10),
                ("关于外交工作", "plan", 0),
                ("结束语", "other", 0),
            ],
        ),
    ],
)
def test_part_lines_in_reports(normalised_texts, doc_id, year, tops):
    st = parse_structure(normalised_texts[doc_id], doc_id, year)
    top = [s for s in st.sections if s.parent_id is None]
    children = {
        s.section_id: sum(1 for x in st.sections if x.parent_id == s.section_id)
        + sum(1 for t in st.tasks if t.section_id == s.section_id)
        for s in top
    }
    assert [(s.heading, s.part, children[s.section_id]) for s in top] == tops


def test_report_2002_review_before_the_plan(normalised_texts):
    st = parse_structure(normalised_texts["gov-report-2002"], "gov-report-2002", 2002)
    review = [t for t in st.tasks if t.part == "review"]
    assert [t.title for t in review] == ["首先报告2001年的工作"]
    assert [t.title[:5] for t in st.tasks if t.part == "plan"][0] == "扩大和培育"
    assert [s.heading for s in st.sections] == ["结束语"]


def test_reports_without_part_lines_keep_their_ids(normalised_texts):
    for year in (2004, 2017, 2019):
        st = parse_structure(normalised_texts[f"gov-report-{year}"], f"gov-report-{year}", year)
        assert all("/p" not in t.task_id and "/sp" not in s.section_id for t in st.tasks for s in st.sections)


def test_the_first_heading_of_a_plan_without_an_address_is_a_part_line():
    # a plan of unnumbered headings, one paragraph per line: its title, then the first heading
    # right above its text — no address or dateline opens it, so the opening ends there
    body = "深入学习贯彻党的二十大精神，健全党组织领导的校长负责制，推进清廉学校建设。"
    heads = ["加强党的全面领导", "推进学前教育普及普惠", "促进义务教育优质均衡"]
    raw = "2024年全市教育工作要点\n" + "".join(f"{h}\n{body}\n{body}\n" for h in heads)
    st = parse_structure(raw, "x-2024", 2024)
    assert [t.title for t in st.tasks] == heads
    # an opening that addresses its hearers keeps the lines above the address out
    raw = "2024年政府工作报告\n平潭综合实验区管委会主任\n各位代表：\n" + "".join(f"{h}\n{body}\n" for h in heads)
    assert "平潭综合实验区管委会主任" not in [t.title for t in parse_structure(raw, "x-2024", 2024).tasks]


def test_a_part_line_right_above_the_numbered_headings_it_heads():
    # 第二部分 2024年重点任务 has no text of its own: its 一、二、 follow at once; it heads them
    # (and plans, by its year), between a review part and a closing one
    raw = "\n".join(
        [
            "某市2024年工作计划",
            "第一部分 2023年工作回顾",
            "2023年，全市经济运行稳中有进，地区生产总值增长6%。",
            "第二部分 2024年重点任务",
            "一、推动产业转型升级",
            "新建5G基站1000个，规模以上工业增加值增长7%。",
            "二、扩大有效投资",
            "完成固定资产投资500亿元。",
            "第三部分 保障措施",
            "加强组织领导，强化督查考核。",
        ]
    )
    st = parse_structure(raw, "x-2024", 2024)
    assert [(s.heading, s.part) for s in st.sections if s.level == 1] == [
        ("第一部分 2023年工作回顾", "review"),
        ("第二部分 2024年重点任务", "plan"),
        ("第三部分 保障措施", "plan"),
    ]
    assert [(t.title, t.part) for t in st.tasks] == [("推动产业转型升级", "plan"), ("扩大有效投资", "plan")]
