"""Word files: paragraphs, and the markers Word's automatic numbering gives them (a plan
whose 一、 （一） 1. are list numbering, not text, keeps them)."""

from __future__ import annotations

import io
import zipfile

import pytest

from extractors.numerals import parse_chinese, to_chinese
from pipeline.errors import DocumentError
from pipeline.ingest.docx import docx_to_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(body: str, numbering: str = "", styles: str = "") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
        if numbering:
            z.writestr("word/numbering.xml", f'<w:numbering xmlns:w="{W}">{numbering}</w:numbering>')
        if styles:
            z.writestr("word/styles.xml", f'<w:styles xmlns:w="{W}">{styles}</w:styles>')
    return out.getvalue()


def _p(text: str, num: str | None = None, ilvl: int = 0, style: str | None = None) -> str:
    ppr = ""
    if num is not None or style is not None:
        inner = f'<w:pStyle w:val="{style}"/>' if style else ""
        if num is not None:
            inner += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'
        ppr = f"<w:pPr>{inner}</w:pPr>"
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


def _level(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
    )


# a plan's heading list: 一、 then （一） then 1. (gov-report and 大连 layouts)
PLAN_LIST = (
    '<w:abstractNum w:abstractNumId="0">'
    + _level(0, "chineseCounting", "%1、")
    + _level(1, "chineseCounting", "（%2）")
    + _level(2, "decimal", "%3.")
    + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)


@pytest.mark.parametrize(
    "n, text", [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (28, "二十八"), (105, "一百零五")]
)
def test_chinese_counting(n, text):
    assert to_chinese(n) == text


def test_chinese_counting_reads_back():
    assert all(parse_chinese(to_chinese(n)) == n for n in range(1, 10000))


def test_numbered_headings_get_their_markers_and_deeper_levels_restart():
    body = "".join(
        [
            _p("总体要求", "1", 0),
            _p("指导思想", "1", 1),
            _p("目标任务", "1", 1),
            _p("今年新建学校15所。"),
            _p("重点工作", "1", 0),
            _p("推进教育公平", "1", 1),
            _p("新开办公办幼儿园", "1", 2),
            _p("完成校舍改造", "1", 2),
        ]
    )
    text = docx_to_text(_docx(body, PLAN_LIST), "plan.docx")
    assert text.split("\n") == [
        "一、总体要求",
        "（一）指导思想",
        "（二）目标任务",
        "今年新建学校15所。",
        "二、重点工作",
        "（一）推进教育公平",
        "1.新开办公办幼儿园",
        "2.完成校舍改造",
    ]


def test_a_list_instance_restarting_and_a_style_that_numbers():
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + _level(0, "decimal", "%1.")
        + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        '<w:abstractNum w:abstractNumId="5">'
        + _level(0, "bullet", "•")
        + '</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="5"/></w:num>'
    )
    styles = (
        '<w:style w:styleId="TaskHeading"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:styleId="TaskHeading2"><w:basedOn w:val="TaskHeading"/></w:style>'
    )
    body = "".join(
        [
            _p("加强领导", style="TaskHeading"),
            _p("落实责任", style="TaskHeading2"),
            _p("完善机制", "2", 0),  # a new list instance that restarts at 1
            _p("健全制度", "2", 0),
            _p("注意事项", "7", 0),  # a bullet: no number
            _p("", "1", 0),  # an empty numbered paragraph counts nothing
        ]
    )
    assert docx_to_text(_docx(body, numbering, styles), "plan.docx").split("\n") == [
        "1.加强领导",
        "2.落实责任",
        "1.完善机制",
        "2.健全制度",
        "注意事项",
        "",
    ]


def test_tabs_and_line_breaks_inside_a_paragraph():
    body = "<w:p><w:r><w:t>一、</w:t><w:tab/><w:t>总体要求</w:t><w:br/><w:t>坚持稳中求进。</w:t></w:r></w:p>"
    assert docx_to_text(_docx(body), "plan.docx") == "一、 总体要求\n坚持稳中求进。"


def test_numbering_part_that_expands_too_far_is_refused():
    huge = "<w:abstractNum/>" * 10_000
    with pytest.raises(DocumentError, match=r"plan.docx: the .docx expands to more than"):
        docx_to_text(_docx(_p("加强领导", "1"), huge), "plan.docx", max_xml_bytes=50_000)
