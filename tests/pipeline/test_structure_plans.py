"""Structure of plans of other issuers: page dumps, task tables, run-on and run-in
headings, parts from heading years, where the plan is (docs/annotation.md, "Structure").

Cases are the corpus documents of the development gold (tests/gold/plans); a held-out
document appears only in a regression test written after its one measurement (fujian-zwgk-
tasks 2017, said so at the test).
"""

from __future__ import annotations

import pytest

from pipeline.ingest.normalise import normalise
from pipeline.structure import structure_warnings
from pipeline.structure.body import find_body
from pipeline.structure.parse import parse_structure
from pipeline.structure.rules import load_rules


def _parse(normalised_texts, doc_id):
    text = normalised_texts[doc_id]
    return text, parse_structure(text, doc_id, int(doc_id[-4:]))


def _at(text, item):
    return text[item.char_start : item.char_start + 12]


def test_page_dump_headings_found_in_one_line(normalised_texts):
    # pingtan-haitan 2022: crawler header, then breadcrumb + （一）…（五） + footer on one line
    text, st = _parse(normalised_texts, "pingtan-haitan-2022")
    assert st.sections == []
    assert [t.title for t in st.tasks] == [
        "压实管党治党责任，在夯实基层基础上实现新进步",
        "锚定高质量发展目标，在推动产业项目升级上实现新突破",
        "践行以通促融理念，在深化对台融合上实现新作为",
        "厚植绿色发展底色，在创优宜居环境上实现新提升",
        "织密综合服务网格，在深化基层治理上实现新成效",
    ]
    assert all(t.part == "plan" for t in st.tasks)


def test_crawler_header_breadcrumb_and_footer_belong_to_no_task(normalised_texts):
    text, st = _parse(normalised_texts, "pingtan-haitan-2022")
    for p in st.paragraphs:
        span = text[p.char_start : p.char_end]
        if span.startswith(("标题:", "当前位置", "来源")) or "QQ空间" in span or "附件下载" in span:
            assert p.task_id is None and p.section_id is None and p.part == "other", span
    assert st.tasks[-1].text.endswith("进一步营造和谐稳定的基层政治生态。")


def test_paragraphs_never_cross_a_heading(normalised_texts):
    for doc_id in ("pingtan-gov-report-2018", "fujian-zwgk-tasks-2016", "pingtan-finance-2022", "gov-report-2019"):
        text, st = _parse(normalised_texts, doc_id)
        starts = {t.char_start for t in st.tasks} | {s.char_start for s in st.sections}
        par_starts = {p.char_start for p in st.paragraphs}
        assert starts <= par_starts, doc_id
        for p in st.paragraphs:
            assert not any(p.char_start < s < p.char_end for s in starts), (doc_id, p)
            if p.task_id is not None:
                task = next(t for t in st.tasks if t.task_id == p.task_id)
                assert task.char_start <= p.char_start and p.char_end <= task.char_end


def test_task_table_glued_markers_and_task_cells(normalised_texts):
    # fujian-zwgk-tasks 2016: …责任清单3.政府工作部门… (a row with only its task cell runs
    # into the next row); 6.推进企业信用信息公示系统建设省工商局省直各相关部门… (the title is
    # the task cell, before the lead unit)
    text, st = _parse(normalised_texts, "fujian-zwgk-tasks-2016")
    assert [t.number for t in st.tasks] == list(range(1, 67))
    by_number = {t.number: t for t in st.tasks}
    assert _at(text, by_number[3]).startswith("3.政府工作部门")
    assert by_number[2].title == "推动市县两级政府工作部门全面公开权力清单和责任清单"
    assert by_number[6].title == "推进企业信用信息公示系统建设"
    assert by_number[4].title == "依法公开随机抽查事项清单"  # …清单 省直各部门: a space ends the cell
    assert by_number[1].title == "全面公开省级政府工作部门权力清单和责任清单"  # …清单省编办（省审改办）省直…
    assert [s.heading for s in st.sections if s.level == 1][0] == "围绕深化改革推进公开"


def test_covering_notice_is_not_the_plan(normalised_texts):
    # fujian-zwgk-tasks 2016: 各市、县（区）人民政府…现将《…》印发给你们…福建省人民政府办公厅 2016年5月27日
    text = normalised_texts["fujian-zwgk-tasks-2016"]
    body = find_body(text, load_rules())
    assert body.notice_end is not None and text[: body.notice_end].endswith("2016年5月27日")
    st = parse_structure(text, "fujian-zwgk-tasks-2016", 2016)
    assert min(s.char_start for s in st.sections) > body.notice_end


def test_second_level_numbered_on_across_sections(normalised_texts):
    # fujian-zwgk-tasks 2018: （一）…（四） under 一、, （五）…（七） under 二、 … （十五）
    text, st = _parse(normalised_texts, "fujian-zwgk-tasks-2018")
    assert [s.number for s in st.sections if s.level == 2] == list(range(1, 16))
    assert [s.label for s in st.sections if s.level == 1] == list("一二三四")


def test_skipped_rows_keep_their_numbers_and_warn(normalised_texts):
    # pingtan-zwgk-tasks 2018: rows 34 → 37 (the source dropped the province's rows 35-36)
    text, st = _parse(normalised_texts, "pingtan-zwgk-tasks-2018")
    numbers = [t.number for t in st.tasks]
    assert numbers == list(range(1, 35)) + list(range(37, 43))
    assert any("skips 35–36" in w for w in structure_warnings(st, text))


def test_run_on_heading_titles(normalised_texts):
    # pingtan-finance 2022: （一）统筹学习，加强政治思想教育以习近平…; 1.强政治、增三力，永葆对党
    # 忠诚把党的政治建设…; （二）狠抓收入管理，着力培植壮大财源税源一是全面加强…
    text, st = _parse(normalised_texts, "pingtan-finance-2022")
    assert st.sections[0].heading == "统筹学习，加强政治思想教育"
    titles = {t.task_id.split("/")[1]: t.title for t in st.tasks}
    assert titles["1.1"] == "强政治、增三力，永葆对党忠诚"
    assert titles["2"] == "狠抓收入管理，着力培植壮大财源税源"
    assert titles["8"] == "扎实推进全面预算绩效管理工作"  # …工作提升预算绩效管理水平。


def test_mixed_lower_levels_and_enumerations_are_not_headings(normalised_texts):
    # pingtan-finance 2022: items 1.–4. under （一）; （二）…（八） hold only 一是… measures
    text, st = _parse(normalised_texts, "pingtan-finance-2022")
    assert [s.label for s in st.sections] == ["（一）"]
    assert [t.number for t in st.tasks] == [1, 2, 3, 4, 2, 3, 4, 5, 6, 7, 8]
    assert not any(t.title.startswith(("一是", "二是")) for t in st.tasks)


def test_run_in_headings_glued_to_their_section_heading(normalised_texts):
    # pingtan-gov-report 2017: （一）全力打造两岸合作平台，进一步提升对台吸引力推动两岸标准互认。
    text, st = _parse(normalised_texts, "pingtan-gov-report-2017")
    plan_sections = [s for s in st.sections if s.level == 2]
    assert plan_sections[0].heading == "全力打造两岸合作平台，进一步提升对台吸引力"
    first = [t for t in st.tasks if t.section_id == plan_sections[0].section_id]
    assert [t.title for t in first] == ["推动两岸标准互认", "加快两岸产业对接", "增进两岸文化认同", "促进两岸社会融合"]
    assert all(t.part == "plan" for t in first)


def test_run_in_headings_of_a_chapter_without_numbered_items(normalised_texts):
    # pingtan-gov-report 2018: 三、强化使命担当…各位代表，…始终把对党忠诚作为思想行动的根本。…
    text, st = _parse(normalised_texts, "pingtan-gov-report-2018")
    last = st.sections[-1]
    assert last.heading == "强化使命担当，以更严更实标准加强政府自身建设"
    tasks = [t for t in st.tasks if t.section_id == last.section_id]
    assert [t.title for t in tasks] == [
        "始终把对党忠诚作为思想行动的根本",
        "始终把依法行政作为政府工作的准则",
        "始终把敢于担当作为干事创业的自觉",
        "始终把廉洁从政作为政府工作的底线",
    ]
    assert [t.number for t in tasks] == [1, 2, 3, 4]


def test_a_few_short_sentences_are_not_a_heading_level(normalised_texts):
    # pingtan-gov-report 2022: （七）着力保障和改善民生。带着感情带着责任办好为民实事。… is a task
    text, st = _parse(normalised_texts, "pingtan-gov-report-2022")
    assert [s.label for s in st.sections] == ["一", "二"]
    assert len(st.tasks) == 14


def test_parts_from_heading_years_and_words(normalised_texts):
    # pingtan-gov-report 2020: 一、2019年工作回顾 (review) / 二、…扎实做好2020年工作 (plan)
    text, st = _parse(normalised_texts, "pingtan-gov-report-2020")
    top = [s for s in st.sections if s.level == 1]
    assert [(s.heading, s.part) for s in top[:2]] == [
        ("2019年工作回顾", "review"),
        ("稳稳地做、实实地干，扎实做好2020年工作", "plan"),
    ]
    review_tasks = [t for t in st.tasks if t.part == "review"]
    assert review_tasks and all(t.task_id.split("/")[1].startswith("1.") for t in review_tasks)


def test_report_only_document_is_review(normalised_texts):
    # pingtan-junshan 2022 (标题: …2022年度工作报告): unnumbered run-ins, no plan part
    text, st = _parse(normalised_texts, "pingtan-junshan-2022")
    assert [t.title for t in st.tasks] == [
        "持之以恒调结构、稳增长，产业发展翻开新篇章",
        "全面系统优生态、美环境，镇村面貌呈现新变化",
        "用心用情惠民生、解难事，民生福祉交出新答卷",
        "毫不懈怠转作风、提效能，政府自身建设取得新成效",
    ]
    assert {t.part for t in st.tasks} == {"review"}


def test_every_government_work_report_since_1978_has_tasks(normalised_texts):
    for doc_id, text in normalised_texts.items():
        if doc_id.startswith("gov-report-") and int(doc_id[-4:]) >= 1978:
            st = parse_structure(text, doc_id, int(doc_id[-4:]))
            assert st.tasks, doc_id


def test_gov_report_2015_run_in_chapters(normalised_texts):
    # 三、把改革开放扎实推向纵深 ⏎ …多管齐下改革投融资体制。大幅缩减…
    text, st = _parse(normalised_texts, "gov-report-2015")
    chapter = next(s for s in st.sections if s.heading == "把改革开放扎实推向纵深")
    titles = [t.title for t in st.tasks if t.section_id == chapter.section_id]
    assert "多管齐下改革投融资体制" in titles and "深化国企国资改革" in titles
    assert "开放也是改革" not in titles  # a statement (…是…), not a heading
    assert len([t for t in st.tasks if t.part == "plan"]) >= 30


def test_headline_passage_role(normalised_texts):
    # gov-report 2019: 今年经济社会发展的主要预期目标是：… (a line); pingtan-gov-report 2018:
    # the sentence with 主要预期目标 inside the one-line body
    for doc_id in ("gov-report-2019", "pingtan-gov-report-2018"):
        text, st = _parse(normalised_texts, doc_id)
        headline = [p for p in st.paragraphs if p.role == "headline"]
        assert headline, doc_id
        assert all("主要预期目标" in text[p.char_start : p.char_end] for p in headline)
        assert all(len(text[p.char_start : p.char_end]) < 600 for p in headline)
    assert all(p.role == "body" for p in _parse(normalised_texts, "dalian-edu-2018")[1].paragraphs)


def test_inline_enumerations_of_line_based_reports_are_not_headings(normalised_texts):
    # gov-report 2006: 加强安全生产必须标本兼治、重在治本。第一，各级政府要把安全生产摆在…
    # (inside a paragraph) → the chapter's task stays one task
    text, st = _parse(normalised_texts, "gov-report-2006")
    assert not any(t.title == "各级政府要" for t in st.tasks)


@pytest.mark.parametrize(
    "text,titles",
    [
        # markdown bold headings
        (
            "**一、总体要求**\n坚持稳中求进。\n**二、重点任务**\n1.加强组织领导。落实责任。\n2.完善工作机制。建立台账。",
            ["加强组织领导", "完善工作机制"],
        ),
        # item 3 runs into a year: 3.2018年底前…, counted as item 3 after items 1 and 2
        (
            "1.加强组织领导。落实责任。\n2.完善工作机制。建立台账。\n3.2018年底前完成清理工作。",
            ["加强组织领导", "完善工作机制", "2018年底前完成清理工作"],
        ),
    ],
)
def test_synthetic_layouts(text, titles):
    st = parse_structure(text, "x-2018", 2018)
    assert [t.title for t in st.tasks] == titles


def test_cross_references_and_phone_numbers_are_not_headings():
    # （见第十一版专栏1）, 010-87182093 inside running text
    text = "1.加强组织领导。详见专栏（见第十一版专栏1）。咨询电话010-87182093。\n2.完善工作机制。建立台账。"
    st = parse_structure(text, "x-2018", 2018)
    assert [t.number for t in st.tasks] == [1, 2]


def test_numbered_lines_without_tasks_warn():
    # numbered lines of running text: a first sentence too long to be a title, with no
    # comma where a title could end
    long = "".join(["加强组织领导落实工作责任"] * 8)
    text = "\n".join(f"{i}.{long}。" for i in range(1, 5))
    st = parse_structure(text, "x-2018", 2018)
    assert st.tasks == []
    assert any("no task was found" in w for w in structure_warnings(st, text))


def test_a_task_far_longer_than_the_others_warns(normalised_texts):
    # gov-report 1958 三、: the topic line 关于基本建设 holds the sub-items of several pages
    # (1964 did until its heading lines without a stop were read, the thirty-third round)
    text, st = _parse(normalised_texts, "gov-report-1958")
    assert any("times the median task length" in w and "关于基本建设" in w for w in structure_warnings(st, text))
    text, st = _parse(normalised_texts, "dalian-edu-2018")
    assert structure_warnings(st, text) == []


def test_task_table_row_whose_lead_unit_is_collective(normalised_texts):
    # fujian-zwgk-tasks 2017 (a held-out document, used here only after its one measurement):
    # 1.深入解读政策背景、依据、目标任务、涉及范围省直各部门，各设区市，… — no lead unit of its own,
    # the responsible units follow the task cell; the glued 1. was read as text and the
    # document gave 12 tasks under 3 sections instead of 60 under 28
    text, st = _parse(normalised_texts, "fujian-zwgk-tasks-2017")
    assert (len(st.sections), len(st.tasks)) == (28, 60)
    assert st.tasks[0].title == "深入解读政策背景、依据、目标任务、涉及范围"
    assert st.tasks[1].title == "按月公开全省财政收支情况"
    # a task cell that names a responsible unit inside it is not cut there (2016, dev)
    text, st = _parse(normalised_texts, "fujian-zwgk-tasks-2016")
    assert (len(st.sections), len(st.tasks)) == (30, 66)


def test_numbering_that_skips_at_line_starts_goes_on(normalised_texts):
    # gov-report 2007: the source dropped （三） (（二）发展现代农业… then （四）加快推进产业结构
    # 升级…, （五）…): headings that open lines and count on after a short gap are chapters,
    # not text of （二）, as in a page dump (pingtan-zwgk-tasks 2018 rows 34 → 37)
    text, st = _parse(normalised_texts, "gov-report-2007")
    titles = [t.title for t in st.tasks]
    assert "加快推进产业结构升级和自主创新" in titles and "进一步推动区域协调发展" in titles
    assert "发展现代农业和推进社会主义新农村建设" in titles
    assert any("numbering skips" in w for w in structure_warnings(st, text))


def test_a_task_table_saved_as_text_with_tabs():
    # a table saved as text (序号<TAB>重点任务<TAB>牵头单位<TAB>完成时限): the bare row number in
    # its first cell numbers the task, and the task's cell ends its title
    raw = (
        "2024年重点工作任务分工方案\n序号\t重点任务\t牵头单位\t完成时限\n"
        "1\t推进学前教育普惠发展，新增公办学位2000个\t市教育局\t2024年12月底前\n"
        "2\t促进义务教育优质均衡，新建学校3所\t市教育局、市发改委\t2024年9月底前\n"
        "3\t实施校园安全提升工程\t市教育局\t持续推进\n"
    )
    st = parse_structure(normalise(raw), "x-2024", 2024)
    assert [t.title for t in st.tasks] == [
        "推进学前教育普惠发展，新增公办学位2000个",
        "促进义务教育优质均衡，新建学校3所",
        "实施校园安全提升工程",
    ]
    # a number with a tab inside a line, or one of four digits, numbers nothing
    raw = "2024年工作要点\n一、总体要求\n全年目标\t2024\t年底前完成。\n2024\t完成投资500亿元。\n"
    assert [t.title for t in parse_structure(normalise(raw), "x-2024", 2024).tasks] == ["总体要求"]


@pytest.mark.parametrize(
    "raw,sections,tasks",
    [
        # 一.总体要求 / 二．重点任务: a chapter numeral written with a dot, as sloppy plans do
        (
            "2024年工作要点\n一.总体要求\n坚持稳中求进工作总基调。\n二．重点任务\n"
            "1.推进学前教育普惠发展。新增公办学位2000个。\n2.促进义务教育优质均衡。新建学校3所。\n"
            "三.保障措施\n加强组织领导。\n",
            ["总体要求", "重点任务", "保障措施"],
            ["推进学前教育普惠发展", "促进义务教育优质均衡"],
        ),
        # 1）推进… 2）促进…: the half of （1） many plans write; a figure closing an aside is none
        (
            "2024年工作要点\n一、重点任务\n1）推进学前教育普惠发展。新增公办学位2000个。\n"
            "2）促进义务教育优质均衡。新建学校3所（其中小学2所）。\n3）提升高中教育质量。\n"
            "二、保障措施\n加强组织领导，落实“十四五”规划（2021—2025）。\n",
            ["重点任务", "保障措施"],
            ["推进学前教育普惠发展", "促进义务教育优质均衡", "提升高中教育质量"],
        ),
    ],
    ids=["numeral-with-dot", "closing-bracket-only"],
)
def test_markers_plans_write_loosely(raw, sections, tasks):
    st = parse_structure(normalise(raw), "x-2024", 2024)
    assert [s.heading for s in st.sections] == sections
    assert [t.title for t in st.tasks] == tasks


def test_chapters_and_sections_of_a_long_range_plan():
    # 第一章 … 第三章 重点任务 / 第一节 …: a 规划's chapters and sections; 第三章 mentioned inside a
    # sentence (按照五年计划草案第三章关于…的规定) is no heading
    raw = (
        "某市“十四五”教育发展规划\n第一章 发展基础\n“十三五”期间，全市教育事业取得显著成就。\n"
        "第二章 主要目标\n到2025年，学前教育毛入园率达到95%以上。\n第三章 重点任务\n"
        "第一节 推进学前教育普及普惠\n新建改扩建幼儿园50所，按照规划纲要第三章关于布局的规定推进。\n"
        "第二节 促进义务教育优质均衡\n新建中小学30所。\n第四章 保障措施\n加强组织领导。\n"
    )
    st = parse_structure(normalise(raw), "x-2021", 2021)
    assert [(s.label, s.heading) for s in st.sections] == [
        ("第一章", "发展基础"),
        ("第二章", "主要目标"),
        ("第三章", "重点任务"),
        ("第四章", "保障措施"),
    ]
    assert [t.title for t in st.tasks] == ["推进学前教育普及普惠", "促进义务教育优质均衡"]


@pytest.mark.parametrize(
    "raw, parts",
    [
        # a mid-year report: 一、上半年工作成效 reviews, 三、下半年工作打算 plans (its amounts are
        # targets); 二、存在问题 names the problems met, where the half year's work left things
        (
            "某局2024年上半年工作总结及下半年工作打算\n一、上半年工作成效\n（一）经济运行稳中向好。上半年地区生产总值增长6%。\n"
            "（二）项目建设加快推进。完成固定资产投资150亿元。\n二、存在问题\n部分项目进度滞后。\n三、下半年工作打算\n"
            "（一）推动经济提质增效。全年地区生产总值增长6.5%左右。\n（二）扩大有效投资。下半年完成固定资产投资170亿元。\n",
            {"上半年工作成效": "review", "存在问题": "review", "下半年工作打算": "plan"},
        ),
        # 二、存在的问题 between a year's review and the next year's plan is review (its amounts are
        # no targets); a plan chapter that tackles problems (着力解决…问题) stays plan
        (
            "某县农业农村局2023年工作总结和2024年工作计划\n一、2023年工作总结\n（一）粮食生产稳中有增。总产量14.6万吨。\n"
            "二、存在的问题\n一是农业产业链条短；二是仍有3个村集体经济收入低于10万元。\n"
            "三、2024年工作计划\n（一）稳定粮食生产。总产量达到14.5万吨。\n四、着力解决群众反映强烈的问题\n（一）开展专项整治。\n",
            {
                "2023年工作总结": "review",
                "存在的问题": "review",
                "2024年工作计划": "plan",
                "着力解决群众反映强烈的问题": "plan",
            },
        ),
    ],
    ids=["mid-year report", "problems met"],
)
def test_part_words_of_review_and_plan_documents(raw, parts):
    st = parse_structure(normalise(raw), "x-2024", 2024)
    assert {s.heading: s.part for s in st.sections} == parts
