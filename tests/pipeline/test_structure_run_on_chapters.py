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
