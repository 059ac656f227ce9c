"""Structure parsing on the seed (大连 2018) and on reports from several decades."""

from __future__ import annotations

import re

import pytest

from pipeline.ingest.normalise import normalise
from pipeline.structure.parse import chinese_ordinal, parse_structure

# Titles as they stand in corpus/dalian-edu/2018.txt (item 17: the source forgot the
# full stop, so the title ends where the heading phrase ends).
DALIAN_TITLES = (
    "持续推动党的十九大精神学习宣传全覆盖|切实加强教育系统党的建设|压实意识形态工作责任|"
    "大力加强基层党组织建设|加强干部队伍建设|严格监督执纪问责|始终坚持德育为先|构建学生德育工作合力|"
    "提升学生体质和艺术素养|加强教育改革统筹谋划|推进教育供给侧结构性改革|积极稳妥推进招生考试制度改革|"
    "深化教育教学改革|深化“放管服”改革|推进学前教育普惠健康发展|推动义务教育城乡一体化发展|"
    "扩增普通高中优质资源|办好特殊教育和民族教育|提升基础教育质量|完善职业教育和培训体系|"
    "推进民办教育健康发展|办好继续教育|加强教育国际交流合作|加强新时代教师队伍建设|加大经费管理力度|"
    "加快教育信息化建设|全面推进依法治教|强化教育督导|确保教育系统安全稳定|切实转变工作作风|凝聚教育发展合力"
).split("|")


@pytest.fixture(scope="module")
def dalian(normalised_texts):
    return parse_structure(normalised_texts["dalian-edu-2018"], "dalian-edu-2018", 2018)


def test_structure_dalian_sections(dalian):
    assert [s.label for s in dalian.sections] == list("一二三四五六")
    assert dalian.sections[0].heading == "聚焦根本保证,坚持和加强党对教育工作的领导"
    assert all(s.part == "plan" for s in dalian.sections)


def test_structure_dalian_tasks(dalian):
    assert [t.number for t in dalian.tasks] == list(range(1, 32))
    assert [t.title for t in dalian.tasks] == DALIAN_TITLES


def test_structure_dalian_tasks_belong_to_sections(dalian):
    by_section = {}
    for t in dalian.tasks:
        by_section.setdefault(t.section_id, []).append(t.number)
    assert by_section["dalian-edu-2018/s1"] == [1, 2, 3, 4, 5, 6]
    assert by_section["dalian-edu-2018/s6"] == list(range(24, 32))


def test_structure_dalian_footer_not_in_any_task(dalian, normalised_texts):
    text = normalised_texts["dalian-edu-2018"]
    last = dalian.tasks[-1]
    assert "打印" not in last.text and "Produced" not in text
    assert last.text.endswith("节能减耗等各项工作。")


@pytest.mark.parametrize(
    "doc_id,year,review,plan_tasks",
    [
        # 2019: 一、2018年工作回顾 / 二、总体要求 / 三、政府工作任务 with （一）…（十）, whose
        # paragraphs open with run-in headings (实施更大规模的减税。…): 34 tasks, （四） alone
        # has none
        ("gov-report-2019", 2019, ["一"], 34),
        # 2005: review part has （一）…（六）; plan tasks under 三、四、五 (run-ins in four of
        # their chapters) and 第一…第六 under 六
        ("gov-report-2005", 2005, ["一"], 32),
        # 1999: 一、1998年工作回顾和1999年工作的总体要求 (mixed: reviewed first);
        # tasks numbered 第一，第二 … inside sections 三、四、八
        ("gov-report-1999", 1999, ["一"], 11),
        # 1979: 一、伟大的历史性转变 reviews; 二、 lists five requirements （一）…（五） (one
        # paragraph each), goes on in paragraphs, then counts its ten tasks 第一、…第十、: both
        # series are the chapter's (the ten sat under （一） while the long requirements were
        # no headings, under （五） when they first were)
        ("gov-report-1979", 1979, ["一"], 15),
    ],
)
def test_structure_reports_across_decades(normalised_texts, doc_id, year, review, plan_tasks):
    st = parse_structure(normalised_texts[doc_id], doc_id, year)
    top = [s for s in st.sections if s.level == 1]
    assert [s.label for s in top if s.part == "review"] == review
    assert [s.number for s in top] == list(range(1, len(top) + 1))
    assert sum(t.part == "plan" for t in st.tasks) == plan_tasks


def test_structure_report_2019_task_titles(normalised_texts):
    st = parse_structure(normalised_texts["gov-report-2019"], "gov-report-2019", 2019)
    chapters = [s for s in st.sections if s.level == 2]
    assert chapters[0].heading == "继续创新和完善宏观调控，确保经济运行在合理区间"
    assert chapters[-1].heading == "加快发展社会事业，更好保障和改善民生"
    assert st.tasks[0].title == "实施更大规模的减税" and st.tasks[0].section_id == chapters[0].section_id
    assert st.tasks[-1].title == "加强和创新社会治理" and st.tasks[-1].section_id == chapters[-1].section_id
    assert st.sections[0].heading == "2018年工作回顾" and st.sections[0].part == "review"


def test_structure_1955_traditional_heading_and_inline_lists(normalised_texts):
    st = parse_structure(normalised_texts["gov-report-1955"], "gov-report-1955", 1955)
    headings = [s.heading for s in st.sections if s.level == 1]
    assert "第一个五年计划的若干问题" in headings  # converted from 第一個五年計劃的若幹問題
    # 一、我国人民已经推翻了… is an enumeration inside running text, not a section
    assert not any(h.startswith("我国人民") for h in headings)


def test_structure_mixed_section_splits_review_and_plan():
    # a chapter like 1994's 一、1993年国内工作的回顾和1994年工作的基本方针 in a report of one
    # heading level (each chapter is a task): its paragraphs review, then plan from the one
    # that opens with the plan year. (1994 itself, read without its layout, no longer serves:
    # since the thirty-third round its chapters hold their run-ins, as its gold has them.)
    raw = (
        "各位代表：\n现在，我代表国务院向大会作政府工作报告，请予审议。\n"
        "一、1993年国内工作的回顾和1994年工作的基本方针\n"
        "过去的一年，国民经济快速增长，全年国内生产总值比上年增长13%。各项改革取得新的进展。\n"
        "1993年，我们加强和改善宏观调控，整顿金融秩序，经济运行中的一些突出矛盾有所缓解。\n"
        "1994年是我国改革开放和现代化建设关键的一年。今年工作的基本方针是：抓住机遇，深化改革。\n"
        "今年国内生产总值计划增长9%，要把抑制通货膨胀作为宏观调控的首要任务。\n"
        "二、保持国民经济持续快速健康发展\n要加强农业基础地位，全面发展农村经济。\n"
        "三、加快建立社会主义市场经济体制\n今年改革的重点是财税、金融、投资和外贸体制改革。\n"
    )
    st = parse_structure(normalise(raw), "x-1994", 1994)
    assert [t.task_id for t in st.tasks] == ["x-1994/1", "x-1994/2", "x-1994/3"]
    parts = [p.part for p in st.paragraphs if p.task_id == "x-1994/1"]
    assert parts == ["review", "review", "review", "plan", "plan"]  # heading and review first, then plan


def test_structure_no_numbering_still_has_paragraphs():
    text = "今年要新建学校10所。\n年底前完成改造。"
    st = parse_structure(text, "x-2020", 2020)
    assert st.sections == [] and st.tasks == []
    assert [text[p.char_start : p.char_end] for p in st.paragraphs] == text.split("\n")
    assert {p.part for p in st.paragraphs} == {"plan"}  # a document without part headings plans


def test_structure_offsets_point_into_text(normalised_texts):
    for doc_id, text in normalised_texts.items():
        st = parse_structure(text, doc_id, int(doc_id[-4:]))
        for t in st.tasks:
            assert text[t.char_start : t.char_end] == t.text
            # every task has a title in its text, but a chapter numeral alone on its line
            # (gov-report 1960), whose text opens with that line
            bare = re.fullmatch("[一二三四五六七八九十]+", t.text.partition("\n")[0].strip())
            assert (t.title and t.title in t.text) or (not t.title and bare)
        for s in st.sections:
            assert s.heading in text[s.char_start : s.char_end]


@pytest.mark.parametrize(
    "s,n", [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("7", 7), ("甲", None)]
)
def test_structure_chinese_ordinal(s, n):
    assert chinese_ordinal(s) == n


@pytest.mark.issue(8)
def test_structure_last_task_stops_at_各位代表(normalised_texts):
    # gov-report 2019: after （十） the report turns to government building with 各位代表！
    text = normalised_texts["gov-report-2019"]
    st = parse_structure(text, "gov-report-2019", 2019)
    last = st.tasks[-1]
    assert "各位代表" not in last.text
    assert last.text.endswith("坚决守护好人民群众的平安生活。")
    after = [
        p for p in st.paragraphs if p.char_start >= last.char_end and p.section_id.startswith("gov-report-2019/s3")
    ]
    assert after and all(p.task_id is None for p in after)
