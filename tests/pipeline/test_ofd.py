"""OFD input (GB/T 33190): OFDs written here from corpus texts, as an office suite and as a
converter write them, read back to the same paragraphs, sections and tasks; broken,
oversized and scanned OFDs fail alone with a one-line reason."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from pipeline.errors import DocumentError
from pipeline.evaluation.input_formats import as_ofd
from pipeline.evaluation.same_document import outline
from pipeline.ingest.normalise import normalise
from pipeline.ingest.ofd import _numbers, ofd_to_text
from pipeline.ingest.read import read_document, read_input
from pipeline.orchestrate.engines import run_corpus

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def _package(pages: list[str], doc_root: str = "Doc_0/Document.xml") -> bytes:
    """A minimal OFD: its entry, a document listing ``pages`` (each a page's Content.xml body)."""
    listed = "".join(f'<ofd:Page ID="{k}" BaseLoc="Pages/Page_{k}/Content.xml"/>' for k in range(len(pages)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(
            "OFD.xml", f"<ofd:OFD {_NS}><ofd:DocBody><ofd:DocRoot>{doc_root}</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
        )
        zf.writestr("Doc_0/Document.xml", f"<ofd:Document {_NS}><ofd:Pages>{listed}</ofd:Pages></ofd:Document>")
        for k, body in enumerate(pages):
            zf.writestr(
                f"Doc_0/Pages/Page_{k}/Content.xml",
                f"<ofd:Page {_NS}><ofd:Content><ofd:Layer>{body}</ofd:Layer></ofd:Content></ofd:Page>",
            )
    return buffer.getvalue()


def test_advances_in_ofds_shorthand():
    assert _numbers("g 3 4.2 1.5 g 2 0") == [4.2, 4.2, 4.2, 1.5, 0.0, 0.0]
    assert _numbers("") == []


@pytest.mark.parametrize("glyphs", [False, True])
@pytest.mark.parametrize("doc_id", ["dalian-edu-2018", "gov-report-2018", "gov-report-1980"])
def test_an_ofd_reads_back_to_the_texts_paragraphs_and_structure(tmp_path, doc_id, glyphs):
    # a text object per line (DeltaX advances) or per character (sized in points under a
    # CTM, the running header in a template page); first lines indented by position, a
    # header and a page number on every page: the paragraphs come back, the furniture goes
    issuer, year = doc_id.rsplit("-", 1)
    text = normalise(read_input(CORPUS / issuer / f"{year}.txt").text)
    path = tmp_path / f"{year}.ofd"
    path.write_bytes(as_ofd(text, glyphs=glyphs))
    _, decoded = read_document(path)
    got = normalise(decoded)
    assert "某市人民政府文件" not in got and "- 2 -" not in got
    assert got.split("\n") == text.split("\n")
    assert outline(got, doc_id, int(year)) == outline(text, doc_id, int(year))


@pytest.mark.parametrize("doc_id", ["gov-report-2019", "gov-report-1957"])
def test_an_ofd_set_in_two_columns_is_read_column_by_column(doc_id):
    # a gazette's page: lines of both columns share baselines, so a row holds two lines; the
    # second column's edge is where lines start again after a gap, the header and the page
    # number run across the gutter, stops hang into it, and the last page's second column
    # (2019: two lines) is where the page before had it
    issuer, year = doc_id.rsplit("-", 1)
    text = normalise(read_input(CORPUS / issuer / f"{year}.txt").text)
    assert normalise(ofd_to_text(as_ofd(text, columns=2), "x.ofd")).split("\n") == text.split("\n")


def test_an_ofd_without_font_sizes_is_measured_by_its_advances(tmp_path):
    # Size is optional in a text object: the characters' advances give the page's character
    # width, which indentation and table cells are judged by
    import re

    text = normalise(read_input(CORPUS / "dalian-edu" / "2018.txt").text)
    with zipfile.ZipFile(io.BytesIO(as_ofd(text))) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, re.sub(rb' Size="[^"]*"', b"", data))
    sized = [name for name, data in parts.items() if b" Size=" in data]
    assert sized  # the OFD had sizes, the copy has none
    assert normalise(ofd_to_text(buffer.getvalue(), "x.ofd")).split("\n") == text.split("\n")


def test_text_objects_are_read_in_the_pages_order_not_the_files():
    # producers write objects in any order: lines come by their place on the page, the
    # characters of one line by their place in it, a gap of a character's width a table's cell
    line = '<ofd:TextObject Boundary="{x} {y} 100 5" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="g 3 4">{t}</ofd:TextCode></ofd:TextObject>'
    page = "".join(
        [
            line.format(x=30, y=60, t="各项工作"),
            line.format(x=20, y=40, t="一、总体"),
            line.format(x=36, y=40, t="要求"),
            line.format(x=20, y=50, t="指标"),
            line.format(x=60, y=50, t="目标"),
        ]
    )
    assert ofd_to_text(_package([page]), "x.ofd").split("\n") == ["一、总体要求", "指标\t目标", "各项工作"]


def test_a_word_space_a_converter_left_undrawn_is_a_space():
    # a converter draws no glyph for a space, it leaves its gap: a quarter of a character
    # between 1998 and 年 (the source spaced its figures) is a space, so the heading's title
    # keeps its words as the text has them; a justified line's spacing is no space
    number = '<ofd:TextObject Boundary="20 40 20 5" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="g 3 2">1998</ofd:TextCode></ofd:TextObject>'
    words = '<ofd:TextObject Boundary="29 40 40 5" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="g 5 4.3">年政府工作建议</ofd:TextCode></ofd:TextObject>'
    assert ofd_to_text(_package([number + words]), "x.ofd") == "1998 年政府工作建议"


def test_a_text_code_running_onto_the_next_line_gives_two_lines():
    # one TextCode may go on below (DeltaY) and back to the left (a negative DeltaX): two lines
    from pipeline.ingest.ofd import ofd_pages

    code = '<ofd:TextCode X="0" Y="4" DeltaX="4 4 -8 4 4" DeltaY="0 0 7 0 0">一二三四五六</ofd:TextCode>'
    page = f'<ofd:TextObject Boundary="20 40 20 20" Size="4">{code}</ofd:TextObject>'
    assert [line.text for line in ofd_pages(_package([page]), "x.ofd", 10**6)[0]] == ["一二三", "四五六"]


def test_an_ofd_of_scanned_pages_fails_alone(tmp_path, copy_corpus):
    corpus = copy_corpus("pingtan-haitan/2022.txt")
    (corpus / "pingtan-suping").mkdir()
    image = '<ofd:ImageObject ID="3" ResourceID="4" Boundary="0 0 210 297" CTM="210 0 0 297 0 0"/>'
    (corpus / "pingtan-suping" / "2022.ofd").write_bytes(_package([image, image]))
    summary = run_corpus(corpus, tmp_path / "out", engine="local")
    assert summary.documents_ok == 1 and summary.documents_failed == 1
    assert "2022.ofd: no text: the OFD holds images only (a scan): run OCR first" in summary.failures[0][1]


@pytest.mark.parametrize(
    "raw,says",
    [
        (b"PK\x03\x04 cut short", "not a valid OFD file"),
        (_package(["<x/>"], doc_root="Doc_9/Document.xml"), r"not a valid OFD file \(no part Doc_9/Document.xml\)"),
        (_package(['<ofd:TextObject Boundary="0 0 1 1" Size="4"><ofd:TextCode X="0" Y="4">x'])[:-1], "not a valid"),
    ],
)
def test_a_broken_ofd_fails_with_a_reason(tmp_path, raw, says):
    path = tmp_path / "2022.ofd"
    path.write_bytes(raw)
    with pytest.raises(DocumentError, match="2022.ofd: " + says):
        read_document(path)


def test_an_ofd_part_expanding_past_the_budget_is_refused():
    big = (
        '<ofd:TextObject Boundary="0 0 1 1" Size="4"><ofd:TextCode X="0" Y="4">'
        + "政" * 200_000
        + "</ofd:TextCode></ofd:TextObject>"
    )
    with pytest.raises(DocumentError, match="x.ofd: the OFD expands to more than .* refused as a possible zip bomb"):
        ofd_to_text(_package([big]), "x.ofd", max_xml_bytes=100_000)
