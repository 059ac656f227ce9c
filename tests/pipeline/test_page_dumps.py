"""Structure of documents that arrive as page dumps (docs/annotation.md, "Structure"): the
check that flattens any document (pipeline/evaluation/page_dumps.py) and the rules that keep
the structure of a line-based report when its line breaks are lost.

Cases are reports of the development gold and the tuning documents of the page-dump check;
the held-out six of the fifteenth round (gov-report 1957, 1960, 1985, 1988, 1995, 2009) appear
in no corpus test (two of their layouts, rebuilt in short texts, do since the thirtieth round,
when the parts of dumps were tuned on the other half of the corpus)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluation.page_dumps import (
    _agreement,
    _ink_before,
    _kind_agreement,
    _moved,
    _part_agreement,
    main,
    measure,
    page_dump,
)
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


_MORE = "各项工作取得了新的进展。" * 16  # a dump is a body run into one line of over 200 characters


def _parse(text: str, year: int):
    text, set_apart = normalise_with_layout(text.replace("。", "。" + _MORE, 1))
    return text, parse_structure(text, "dump", year, set_apart)


def test_part_and_kind_agreement_count_the_originals_items():
    assert _part_agreement(["review", "review", "plan", None], ["review", "plan", "plan", "other"]) == (3, 2)
    assert _kind_agreement({0: "target", 5: "achievement", 9: "fact"}, {0: "target", 5: "target"}) == (3, 2, 1)


def test_contents_listed_with_bracketed_numbers_are_no_chapter():
    # gov-report 1957's contents in one sentence, numbered （１）…（５）, before its chapters
    text, st = _parse(
        "各位代表：这个报告分为五个部分：（１）关于社会主义革命；（２）关于社会主义建设；（３）关于人民生活；"
        "（４）关于国家基本制度；（５）关于国内外团结。一、关于社会主义革命1956年，我国基本上完成了改造。"
        + _MORE
        + "二、关于社会主义建设我国的社会主义建设是同时进行的。"
        + _MORE
        + "三、关于人民生活解放以后生活改善了。\n",
        1957,
    )
    assert not any(s.heading.startswith("关于") for s in st.sections)
    assert [t.title[:6] for t in st.tasks] == ["关于社会主义", "关于社会主义", "关于人民生活"]
    assert text[st.tasks[0].char_start :].startswith("一、关于社会主义革命")


@pytest.mark.parametrize(
    "intro, part",
    [
        # the byline's date (1957年6月26日) is the day of the speech, not a look ahead
        (
            "政府工作报告1957年6月26日在第一届全国人民代表大会第四次会议上各位代表：关于一年来的政府工作，"
            "国务院决定由我作报告。",
            "review",
        ),
        # an introduction that names the plan year does look ahead
        ("各位代表：关于一年来的政府工作和1957年的计划，国务院决定由我作报告。", "plan"),
    ],
)
def test_a_byline_date_does_not_make_an_announced_review_look_ahead(intro, part):
    _, st = _parse(intro + "一、关于工业工业生产增长很快。二、关于农业农业生产有了发展。\n", 1957)
    assert {t.part for t in st.tasks} == {part}


def test_headings_of_a_dumped_report_after_an_unnumbered_review_plan():
    # gov-report 2002 as a dump: …请予审议。首先报告2001年的工作新世纪第一年，…按照这个总体要求，
    # 今年要着重做好以下八个方面工作。一、扩大和培育内需…: the review runs on in the text before
    # the first heading, and the sentence leading to the headings looks ahead
    text, st = _dump("gov-report-2002")
    assert [t.part for t in st.tasks if t.title.startswith("扩大和培育内需")] == ["plan"]
    assert {t.part for t in st.tasks} == {"plan"}
    review = next(p for p in st.paragraphs if "新世纪第一年" in text[p.char_start : p.char_end])
    assert review.part == "review" and review.section_id is None


def test_a_short_introduction_of_a_dump_stays_other():
    text, st = _parse(
        "各位代表：现在，我代表国务院作报告，请予审议。去年工作很好。一、关于工业今年工业要增长。"
        "二、关于农业今年农业要发展。\n",
        2002,
    )
    assert st.paragraphs[0].part == "other"


def test_headings_naming_years_in_chinese_digits_take_their_part():
    # gov-report 1958 as a dump: （一）一九五七年经济战线上的胜利 reviews, （二）争取一九五八年…的新跃进 plans
    _, st = _dump("gov-report-1958")
    named = {x.title[:7]: x.part for x in st.tasks} | {x.heading[:7]: x.part for x in st.sections}
    assert (named["一九五七年经济"], named["争取一九五八年"]) == ("review", "plan")


def test_first_chapter_of_a_dump_opening_with_last_year_reviews():
    # gov-report 1985's layout as a dump: （一）关于经济形势刚刚过去的1984年，…
    _, st = _parse(
        "各位代表：现在作报告。（一）关于经济形势刚刚过去的1984年，工业生产增长很快。"
        "（二）关于经济体制改革1985年，要加快改革。\n",
        1985,
    )
    assert [x.part for x in st.tasks] == ["review", "plan"]


def test_review_then_plan_chapter_of_a_dump_turns_at_the_plan_sentence():
    # gov-report 1994 as a dump: 一、1993年国内工作的回顾和1994年工作的基本方针 reviews until
    # the sentence that names 今年's policy (…明确提出了今年全党和全国工作的基本方针…)
    text, st = _dump("gov-report-1994")
    turn = text.index("明确提出了今年全党和全国工作的基本方针")
    at = next(p for p in st.paragraphs if p.char_start <= turn < p.char_end)
    before = next(p for p in st.paragraphs if p.char_start <= text.index("过去的一年，是全面贯彻") < p.char_end)
    assert (before.part, at.part) == ("review", "plan")


def test_kinds_flag_compares_the_quantities_of_a_dump(capsys):
    assert main(["--corpus", str(CORPUS), "--documents", "gov-report-2002", "--kinds"]) == 0
    out = capsys.readouterr().out
    assert "agreement kinds:" in out and "agreement parts:" in out
