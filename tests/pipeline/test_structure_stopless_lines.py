"""Headings laid out without a stop (docs/annotation.md, "Unnumbered run-in headings"): a
line that ends with no punctuation while its text follows below is a heading by its layout,
as a sentence the source set apart is (gov-report 2003 一、: eight lines 五年来，国民经济保持
良好发展势头，经济结构战略性调整迈出重要步伐 before the chapter's （一）…（九）; gov-report 1964, a
newspaper summary whose chapters hold such sub-headings and nothing else).
"""

from __future__ import annotations

from pipeline.ingest.normalise import normalise
from pipeline.structure.parse import parse_structure

_BODY = "要完善相关政策措施，加大工作力度，推动各项任务落到实处，切实提高工作质量和效益，让人民群众得到更多实惠。"
_RESULTS = [
    "五年来，国民经济保持良好发展势头，经济结构战略性调整迈出重要步伐",
    "五年来，改革开放取得突破性进展，社会主义市场经济体制初步建立",
    "五年来，人民生活显著改善，总体达到小康水平",
]


def _review(lines: list[str]) -> str:
    head = "各位代表：\n\n现在，我代表国务院，向大会作政府工作报告，请予审议。\n\n一、过去五年政府工作的回顾\n\n"
    results = "".join(f"{line}\n{_BODY}{_BODY}\n" for line in lines)
    lessons = "".join(
        f"（{n}）{t}\n{_BODY}{_BODY}\n" for n, t in (("一", "坚持扩大国内需求"), ("二", "坚持推进结构调整"))
    )
    plan = "二、对今年政府工作的建议\n\n（一）继续扩大国内需求\n" + _BODY + "\n（二）促进农业发展\n" + _BODY + "\n"
    return head + "五年来，我们主要做了以下工作。\n" + results + lessons + plan


def _titles(raw: str, year: int = 2003) -> list[str]:
    return [t.title for t in parse_structure(normalise(raw), f"x-{year}", year).tasks]


def test_lines_without_a_stop_over_their_text_are_tasks_before_the_numbered_items():
    titles = _titles(_review(_RESULTS))
    assert titles[:3] == _RESULTS
    assert titles[3:5] == ["坚持扩大国内需求", "坚持推进结构调整"]


def test_a_line_ending_in_a_comma_colon_or_stop_is_text():
    # the same lines with a mark at their end go on below or are sentences of the text
    for mark in ("，", "：", "。"):
        titles = _titles(_review([line + mark for line in _RESULTS]))
        assert not any(t.startswith("五年来") for t in titles), mark


def test_lines_without_a_stop_are_no_sub_headings_of_an_item_run_into_its_text():
    # gov-report 1964: 第四，…有所提高。 runs into its text; the heading lines after it begin
    # headings of the chapter, they do not turn the item into a section of its own
    raw = (
        "一、国民经济的成就\n"
        + "".join(f"第{n}，{t}。{_BODY}\n" for n, t in (("一", "农业生产连续增产"), ("二", "工业生产有了新的发展")))
        + "".join(f"{line}\n{_BODY}{_BODY}\n" for line in _RESULTS[:2])
        + "二、今后的任务\n（一）继续扩大国内需求\n"
        + _BODY
        + "\n（二）促进农业发展\n"
        + _BODY
        + "\n"
    )
    structure = parse_structure(normalise(raw), "x-1964", 1964)
    assert [s.heading for s in structure.sections] == ["国民经济的成就", "今后的任务"]
    assert not any(t.title.startswith("五年来") for t in structure.tasks)


def test_lines_a_broken_sentence_left_are_no_headings():
    # a PDF's line rejoined badly (gov-report 1998 as a PDF: 本届政府从1993 年3 / 月就职，…;
    # …平均每年增长11 / %。…): a line ending in a figure, or followed by a line that goes on
    # with a mark, is a broken sentence, not a heading
    lines = [f"{r}1998 年3" for r in _RESULTS]
    assert not any(t.startswith("五年来") for t in _titles(_review(lines)))
    raw = _review(_RESULTS)
    for r in _RESULTS:
        raw = raw.replace(f"{r}\n", f"{r}\n%。")
    assert not any(t.startswith("五年来") for t in _titles(raw))


def test_a_heading_line_longer_than_a_title_is_titled_up_to_its_first_comma():
    # 1964: 全世界各大洲的人民联合起来，结成最广泛的统一战线，就一定能够挫败…，保卫住世界和平
    long = "全世界各大洲的人民联合起来，结成最广泛的统一战线，就一定能够挫败一切侵略政策和战争政策，保卫住世界和平"
    assert 50 < len(long) <= 60
    titles = _titles(_review([long, *_RESULTS[1:]]))
    assert titles[0] == "全世界各大洲的人民联合起来"
    assert titles[1:3] == _RESULTS[1:]
