"""Structure of documents that arrive as page dumps (docs/annotation.md, "Structure"): the
check that flattens any document (pipeline/evaluation/page_dumps.py) and the rules that keep
the structure of a line-based report when its line breaks are lost.

Cases are reports of the development gold and the tuning documents of the page-dump check;
the held-out six (gov-report 1957, 1960, 1985, 1988, 1995, 2009) appear in no test."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluation.page_dumps import _agreement, _ink_before, _moved, main, measure, page_dump
from pipeline.ingest.normalise import normalise_with_layout
from pipeline.ingest.read import read_input
from pipeline.structure.parse import parse_structure

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _dump(doc: str):
    issuer, year = doc.rsplit("-", 1)
    decoded = read_input(CORPUS / issuer / f"{year}.txt")[1]
    text, set_apart = normalise_with_layout(page_dump(decoded))
    return text, parse_structure(text, doc, int(year), set_apart)


def test_page_dump_joins_stripped_lines():
    assert page_dump("标题\n\n　一、总体要求 \n（一）加强领导。\n") == "标题一、总体要求（一）加强领导。\n"


def test_ink_carries_positions_between_a_text_and_its_dump():
    text = "一、总体要求\n\n（一）加强领导。"
    dump = page_dump(text)
    ink_positions = [i for i, ch in enumerate(text) if not ch.isspace()]
    row = {"char_start": dump.index("（一）"), "title": "加强领导"}
    [moved] = _moved([row], _ink_before(dump), ink_positions)
    assert text[moved["char_start"] :].startswith("（一）")


def test_agreement_counts_same_start_and_same_text():
    orig = [{"char_start": 0, "title": "a"}, {"char_start": 5, "title": "b"}, {"char_start": 9, "title": "c"}]
    dump = [{"char_start": 0, "title": "a"}, {"char_start": 5, "title": "bb"}, {"char_start": 7, "title": "x"}]
    assert _agreement(orig, dump, "title") == (3, 3, 2, 1)


def test_closing_heading_of_a_dumped_report_is_its_part_line():
    # gov-report 1987 as a dump: …保障社会安定。结束语各位代表！…
    text, st = _dump("gov-report-1987")
    closing = [s for s in st.sections if s.heading == "结束语"]
    assert len(closing) == 1 and closing[0].part == "other"
    assert text[closing[0].char_start :].startswith("结束语各位代表")


def test_series_restarting_inside_a_dumped_chapter_nests_in_it():
    # gov-report 1986 as a dump: 二、“七五”时期…。…一、确定适度的经济增长率…二、规定恰当的
    # 投资规模… are the chapter's own items, and the list …的方向是：一、继续增加…四、… inside
    # the second of them is part of its paragraph
    text, st = _dump("gov-report-1986")
    titles = [t.title for t in st.tasks]
    assert "确定适度的经济增长率，促进国民经济按比例、高效益地向前发展" in titles
    assert "规定恰当的投资规模，合理调整投资结构，努力提高投资效益" in titles
    assert not any(t.startswith("继续增加能源") for t in titles)
    chapter = next(s for s in st.sections if s.heading.startswith("“七五”时期的基本任务"))
    first = next(t for t in st.tasks if t.title.startswith("确定适度的经济增长率"))
    assert first.section_id == chapter.section_id


def test_colon_list_items_of_a_dump_are_no_headings():
    # gov-report 1955 as a dump: …的情况如下：一、…四、在私营工厂做工的工人… and …以下几点：
    # 一、开垦…五、使用新式步犁… are lists of their paragraphs, not chapters
    text, st = _dump("gov-report-1955")
    headings = [s.heading for s in st.sections]
    assert not any(h.startswith(("在私营工厂做工的工人", "使用新式步犁")) for h in headings)
    assert "保证工程的质量问题" in [t.title for t in st.tasks]


@pytest.mark.parametrize(
    "doc, title",
    [
        # the text after the heading opens with 随着 / 为了 / 我们要 / 当前，: the heading ends before it
        ("gov-report-1978", "加快发展基础工业，发挥工业的主导作用"),
        ("gov-report-1981", "分批进行企业的全面整顿和必要改组"),
        ("gov-report-1986", "“七五”时期的经济体制改革"),
    ],
)
def test_dumped_heading_ends_before_a_word_that_opens_text(doc, title):
    _, st = _dump(doc)
    assert title in [t.title for t in st.tasks] + [s.heading for s in st.sections]


def test_measure_scores_dumps_against_gold_anchors(capsys):
    gold = Path(__file__).resolve().parents[2] / "tests" / "gold"
    tallies, problems, agreement = measure(CORPUS, [gold / "heldout2"], ["gov-report-2004"])
    tasks = tallies["tasks"].detection
    assert tasks.tp + tasks.fn == 30  # the 2004 gold has 30 tasks
    assert tasks.tp >= 24
    o, d, same, exact = agreement["gov-report-2004"]["tasks"]
    assert o == 30 and same >= 24 and exact <= same
    assert main(["--corpus", str(CORPUS), "--documents", "dalian-edu-2018"]) == 0
    out = capsys.readouterr().out
    assert "dalian-edu-2018" in out and "same start 31/31" in out


def test_contents_listed_in_one_sentence_are_no_chapters():
    # gov-report 1978 as a dump: 报告分六个部分：一、三年来的斗争…；二、把揭批…；… lists the
    # chapters in one sentence; the chapter 一、 is the one after it
    text, st = _dump("gov-report-1978")
    first = st.sections[0]
    assert first.heading == "三年来的斗争和新时期的总任务"
    assert "二、把揭批" not in text[first.char_start : first.char_start + 60]
    assert "二、把揭批" in text[: first.char_start]


def test_dumped_heading_ends_before_years_counted_back():
    # gov-report 1998 as a dump: 四、关于国际形势和外交工作五年来，在国际风云变幻中…
    _, st = _dump("gov-report-1998")
    assert "关于国际形势和外交工作" in [s.heading for s in st.sections]
