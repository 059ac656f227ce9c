"""The same plan in every input format gives the same text and structure
(pipeline/evaluation/input_formats.py); a saved web page keeps its short headings."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluation import input_formats
from pipeline.ingest.cells import display_width
from pipeline.ingest.normalise import normalise
from pipeline.ingest.read import html_to_text, read_input

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
PRINTED = {
    "wrapped",
    "wrapped-flush",
    "wrapped-blank",
    "wrapped-hung",
    "wrapped-hung-copied",
    "ofd",
    "ofd-glyphs",
    "ofd-columns",
}
TABLES = {"html-table", "xlsx-table"}
PAGE_DUMPS = {"pingtan-suping-2022", "fujian-zwgk-tasks-2016", "pingtan-zwgk-tasks-2018"}


def test_web_page_keeps_short_headings_and_drops_its_menu():
    page = (
        "<html><body><ul><li>首页</li><li>政务公开</li><li>工作计划</li></ul>"
        "<p>一、总体要求</p><p>坚持稳中求进工作总基调，全面深化改革开放。</p>"
        "<p>结束语</p><p>各位代表！</p><p>让我们更加紧密地团结起来。</p></body></html>"
    )
    lines = html_to_text(page).split("\n")
    assert lines == [
        "一、总体要求",
        "坚持稳中求进工作总基调，全面深化改革开放。",
        "结束语",
        "各位代表！",
        "让我们更加紧密地团结起来。",
    ]


@pytest.mark.parametrize(
    "path, doc_id",
    [
        ("gov-report/2019.txt", "gov-report-2019"),  # short chapter headings on lines of their own
        ("gov-report/1994.txt", "gov-report-1994"),  # run-ins set apart (Wikisource layout)
        ("pingtan-suping/2022.txt", "pingtan-suping-2022"),  # a page dump
        ("fujian-zwgk-tasks/2016.txt", "fujian-zwgk-tasks-2016"),  # notice and flattened task table
        ("pingtan-zwgk-tasks/2018.txt", "pingtan-zwgk-tasks-2018"),  # a table whose rows skip 35–36
    ],
)
def test_every_format_reads_back_the_same_plan(tmp_path, path, doc_id):
    result = input_formats.check(read_input(CORPUS / path).text, doc_id, int(doc_id[-4:]), tmp_path)
    forms = set(input_formats.FORMATS)
    if "tasks" not in doc_id:
        forms -= TABLES  # only a flattened task table is served as one
    if doc_id in PAGE_DUMPS:
        forms -= PRINTED  # no printed page holds a body on one line
    assert set(result) == forms
    # text copied out of a PDF with neither indentation nor blank lines: a paragraph whose
    # last line reaches the margin cannot be told from a wrapped one (a limit, measured)
    assert all(same for name, (_, same) in result.items() if name != "wrapped-flush"), result
    # a Traditional copy folds back but for variant characters (象 → 像): its text may differ
    assert all(same_text for name, (same_text, _) in result.items() if name != "traditional"), result


def test_traditional_page_furniture_is_dropped_like_simplified():
    # a Hong Kong or Taiwan copy of a scraped page: 發佈時間 and 打印 關閉 are boilerplate too
    simplified = "标题: 工作计划\n发布时间: 2022-11-16 08:22\n一、加强领导。\n编辑: yy\n打印 关闭\n"
    traditional = "標題: 工作計劃\n發佈時間: 2022-11-16 08:22\n一、加強領導。\n編輯: yy\n打印 關閉\n"
    assert normalise(traditional) == normalise(simplified)
    assert "发布时间" not in normalise(traditional)


def test_input_formats_cli_counts_every_format(capsys):
    assert input_formats.main(["--corpus", str(CORPUS), "--documents", "gov-report-2019"]) == 0
    out = capsys.readouterr().out
    for name in input_formats.FORMATS.keys() - TABLES - {"wrapped-flush"}:
        assert f"{name:12s} 1 documents: text the same on 1, structure the same on 1" in out
    assert f"{'wrapped-flush':12s} 1 documents: text the same on 1, structure the same on " in out
    assert "html-table   0 documents" in out  # a report is no task table
    assert "xlsx-table   0 documents" in out


def test_text_copied_out_of_a_pdf_is_read_in_its_paragraphs():
    # 2019 printed at 36 characters a line, each paragraph indented two characters as an
    # official document is: the same text and structure as the report's paragraphs (the
    # lines used to stay apart: a word broken at the margin, 一般公|共预算, lost its measure)
    paragraphs = normalise(read_input(CORPUS / "gov-report/2019.txt").text)
    printed = input_formats.as_wrapped(paragraphs).decode("utf-8")
    assert max(map(display_width, printed.split("\n"))) == 72  # 36 wide characters
    assert normalise(printed) == paragraphs


def test_a_salutation_recurring_after_paragraphs_stays_in_a_printed_copy():
    # gov-report-1995 printed at 30 characters a line: 各位代表！ stands four times after
    # paragraphs, at no page's distance. A header repeating the text's first line may break its
    # page rhythm once, but only right beside its own occurrence; leaving out any one salutation
    # made the other three look a page apart, and all of them went (fortieth round)
    paragraphs = normalise(read_input(CORPUS / "gov-report/1995.txt").text)
    assert paragraphs.split("\n").count("各位代表！") >= 4
    printed = input_formats.as_wrapped(paragraphs).decode("utf-8")
    assert normalise(printed) == paragraphs
