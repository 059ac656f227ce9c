"""Chapter lines of a line-based report: a line that ran on into its text, and list items.

docs/annotation.md, "Headings": a 一、 line ending in ；is an item of a list (对以下三类
企业…：一、…企业；二、…企业；), never a heading; a 一、 line that ran on into its text
(the source lost the line break: 1987 三、深入改革经济体制和扩大对外开放国民经济的…)
is a chapter when the numbering needs it — the chapter before it and the next number
are proper heading lines.
"""

from __future__ import annotations

from pipeline.structure.parse import parse_structure

_BODY = "要认真做好这方面的工作，抓紧制定具体措施，确保各项任务落到实处，取得实效。"


def test_a_chapter_line_that_ran_on_into_its_text_keeps_the_numbering():
    text = "\n".join(
        [
            "各位代表：",
            "一、当前国内形势和基本任务",
            _BODY * 3,
            "二、坚持长期稳定发展经济的方针",
            _BODY * 3,
            "三、深入改革经济体制和扩大对外开放国民经济的长期稳定发展，既要靠坚持正确的建设方针，又要靠深入改革。"
            + _BODY,
            _BODY * 3,
            "四、巩固和发展安定团结的政治局面",
            _BODY * 3,
        ]
    )
    st = parse_structure(text, "doc", 1987)
    assert [t.number for t in st.tasks] == [1, 2, 3, 4]
    assert st.tasks[2].char_start == text.index("三、深入改革")


def test_list_items_ending_in_semicolons_are_no_chapters():
    text = "\n".join(
        [
            "各位代表：",
            "一、当前国内形势和基本任务",
            _BODY * 3,
            "二、巩固和发展安定团结的政治局面",
            "今年要着重做好以下几件事：",
            "一、继续深入批评资产阶级自由化的错误观点；",
            "二、认真进行坚持四项基本原则的正面教育；",
            "三、进一步整顿、充实和加强舆论阵地；",
            "四、切实加强和改进各条战线的思想政治工作。",
            _BODY * 3,
        ]
    )
    st = parse_structure(text, "doc", 1987)
    assert [t.title for t in st.tasks] == ["当前国内形势和基本任务", "巩固和发展安定团结的政治局面"]
    assert st.sections == []


def test_a_long_enumeration_line_inside_a_chapter_is_no_chapter():
    # the run-on rule needs the next number as a proper heading line after it, with no
    # proper line of its own number between (1955: a list of long 一、… lines in a chapter)
    text = "\n".join(
        [
            "各位代表：",
            "一、当前国内形势",
            _BODY * 2,
            "二、经济建设",
            "一、在私营工厂做工的工人，他们的生活有了改善，但是还有不少困难需要解决，需要各方面共同努力。",
            "二、在手工业合作社做工的手工业者，他们的收入有了增加，但是还有不少困难需要解决，需要共同努力。",
            _BODY * 2,
            "三、文化教育",
            _BODY * 2,
        ]
    )
    st = parse_structure(text, "doc", 1987)
    assert [t.title for t in st.tasks] == ["当前国内形势", "经济建设", "文化教育"]


def test_a_chapter_with_its_own_numbered_series_nests_it():
    # gov-report 1986: 二、 holds its own 一、…三、, then 三、 continues the chapters; the
    # nested 三、 is not taken for the third chapter
    text = "\n".join(
        [
            "各位代表：",
            "一、“六五”计划执行情况的回顾",
            _BODY * 3,
            "二、“七五”时期的基本任务和主要建设方针",
            _BODY,
            "一、确定适度的经济增长率",
            _BODY * 2,
            "二、规定恰当的投资规模",
            _BODY * 2,
            "三、坚持把科技进步和智力开发放在重要的战略地位",
            _BODY * 2,
            "三、“七五”时期的经济体制改革",
            _BODY,
            "一、充分认识经济体制改革的要求",
            _BODY * 2,
            "二、充分认识新旧体制转换过程的艰巨性",
            _BODY * 2,
            "四、坚持独立自主的和平外交政策",
            _BODY * 3,
        ]
    )
    st = parse_structure(text, "doc", 1986)
    assert [s.label for s in st.sections] == ["一", "二", "三", "四"]  # chapters among chapters
    assert [t.task_id.rpartition("/")[2] for t in st.tasks] == ["2.1", "2.2", "2.3", "3.1", "3.2"]
    assert st.tasks[2].title == "坚持把科技进步和智力开发放在重要的战略地位"
