"""PDF input: PDFs generated here from corpus texts with a CJK font read back to the same
sections and tasks; running headers and page numbers go; a scanned PDF fails alone.

The font is Noto Sans CJK (Debian package fonts-noto-cjk, installed by scripts/test.sh).
Without it these tests fail, loudly: a PDF test that silently skipped would hide a
broken PDF reader.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import DocumentError
from pipeline.ingest.normalise import normalise
from pipeline.ingest.read import read_document
from pipeline.structure.parse import parse_structure

FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
)
SC = 2  # Simplified Chinese face of the Noto Sans CJK collection


@pytest.fixture(scope="module")
def cjk_font() -> str:
    for path in FONT_CANDIDATES:
        if Path(path).exists():
            return path
    pytest.fail("no CJK font: install Debian's fonts-noto-cjk (scripts/test.sh does) to test PDF input")


def make_pdf(text: str, out: Path, font: str, *, header: str | None = None, page_numbers: bool = True) -> Path:
    """A PDF of ``text``: one paragraph per line, first lines indented, wrapped at the
    page width, with a running header and a page number footer on every page."""
    from fpdf import FPDF

    class Doc(FPDF):
        def header(self):
            if header:
                self.set_font("cjk", size=9)
                self.cell(0, 8, header, align="C")
                self.ln(10)
                self.set_font("cjk", size=11)

        def footer(self):
            if page_numbers:
                self.set_y(-15)
                self.set_font("cjk", size=9)
                self.cell(0, 10, f"- {self.page_no()} -", align="C")

    pdf = Doc(format="A4")
    pdf.add_font("cjk", "", font, collection_font_number=SC)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("cjk", size=11)
    em = pdf.get_string_width("中")
    for paragraph in text.split("\n"):
        pdf.set_x(pdf.l_margin + 2 * em)
        pdf.write(6, paragraph)
        pdf.ln(6)
    pdf.output(str(out))
    return out


def _outline(text: str, doc_id: str, year: int):
    st = parse_structure(text, doc_id, year)
    return (
        [(s.level, s.label, s.heading, s.part) for s in st.sections],
        [(t.task_id, t.title, t.part) for t in st.tasks],
    )


@pytest.mark.parametrize(
    "doc_id",
    [
        "dalian-edu-2018",  # 一、 sections with 1.–31. tasks, one paragraph per line
        "gov-report-2019",  # review chapter, （一）…（十） tasks, 各位代表 breaks
        "gov-report-2015",  # run-in chapters: paragraphs must not merge across pages
        "pingtan-haitan-2022",  # a page dump: crawler header, one-line body, footer
        "pingtan-gov-report-2018",  # a page dump with run-on and run-in headings
    ],
)
def test_pdf_gives_the_same_sections_and_tasks_as_the_text(normalised_texts, tmp_path, cjk_font, doc_id):
    text = normalised_texts[doc_id]
    pdf = make_pdf(text, tmp_path / f"{doc_id}.pdf", cjk_font, header=f"{doc_id} 工作报告")
    _, read = read_document(pdf)
    assert _outline(normalise(read), doc_id, int(doc_id[-4:])) == _outline(text, doc_id, int(doc_id[-4:]))


def test_pdf_running_header_and_page_numbers_are_dropped(normalised_texts, tmp_path, cjk_font):
    text = normalised_texts["gov-report-2019"]
    pdf = make_pdf(text, tmp_path / "2019.pdf", cjk_font, header="2019年政府工作报告（全文）")
    _, read = read_document(pdf)
    assert "2019年政府工作报告（全文）" not in read
    assert "- 2 -" not in read and "- 1 -" not in read
    # the layout lines are rejoined: the normalised paragraphs are the source's
    assert normalise(read).split("\n") == text.split("\n")


def test_scanned_pdf_fails_alone(tmp_path, cjk_font, copy_corpus):
    from fpdf import FPDF

    from pipeline.orchestrate.engines import run_corpus

    scan = FPDF(format="A4")
    scan.add_page()
    scan.rect(20, 20, 170, 250, style="F")  # an image of a page: no text layer
    corpus = copy_corpus("pingtan-haitan/2022.txt")
    (corpus / "pingtan-suping").mkdir()
    scan.output(str(corpus / "pingtan-suping" / "2022.pdf"))
    with pytest.raises(DocumentError, match=r"2022\.pdf: no text layer: run OCR first"):
        read_document(corpus / "pingtan-suping" / "2022.pdf")
    summary = run_corpus(corpus, tmp_path / "out", engine="local")
    assert summary.documents_ok == 1 and summary.documents_failed == 1
    assert "no text layer: run OCR first" in summary.failures[0][1]
