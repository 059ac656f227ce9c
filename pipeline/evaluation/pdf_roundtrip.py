"""PDF input checked on every document: render it to a PDF, read the PDF back, compare.

Plans are often published as PDF attachments; the PDF reader (pipeline/ingest/pdf.py)
rejoins the lines the layout broke and drops running headers and page numbers. This check
renders each corpus document into an A4 PDF with a CJK font (one paragraph per source
line, first lines indented, a running header and a page number on every page: what a
word processor makes of the text), reads it back, and compares with the text itself:

- text: are the characters that are not whitespace the same (nothing lost, nothing added
  but the running header of a one-page PDF, which cannot be told from a title)?
- structure: are the sections and tasks (level, label, heading or title, part) the same?
- the text a PDF viewer copies (:func:`viewer_copy`: lines as laid out, the first lines'
  indentation lost, running header and page numbers included), read as a .txt: is its
  structure the same?
- the same two, for the document set as Chinese word processors set it (a line may break
  between any two characters; the first PDF breaks lines at a space where one fits, as a
  layout engine made for Western text does, which leaves lines short);
- the PDF of the document set that way with its first lines indented by two typed
  ideographic spaces (as Word and WPS users indent: the spaces are in the text layer), and
  set in two columns (a gazette's or a newspaper's page): is its structure the same?

The totals are printed for every document and apart for the page dumps (a crawler's body on
one line, rendered as one paragraph as long as the document: no published PDF looks like
that) and for the documents with paragraphs.

Needs fpdf2 (the ``test`` extra) and Noto Sans CJK (Debian's fonts-noto-cjk).
Usage: ``python -m pipeline.evaluation.pdf_roundtrip [--corpus DIR] [--documents ID ...]``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from pipeline.evaluation.same_document import documents, ink, is_page_dump, outline
from pipeline.ingest.normalise import normalise
from pipeline.ingest.read import read_document, read_input

FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
)
SC = 2  # Simplified Chinese face of the Noto Sans CJK collection


def cjk_font() -> str | None:
    return next((p for p in FONT_CANDIDATES if Path(p).exists()), None)


def make_pdf(
    text: str,
    out: Path,
    font: str,
    *,
    header: str | None = None,
    page_numbers: bool = True,
    wrap: str = "WORD",
    typed: bool = False,
    columns: int = 1,
) -> Path:
    """A PDF of ``text``: one paragraph per line, first lines indented, wrapped at the
    page width, with a running header and a page number footer on every page. ``wrap``
    "WORD" breaks lines at the last space that fits, if any (as a layout engine made for
    Western text does), "CHAR" between any two characters (as Chinese word processors set
    Chinese text). ``typed``: the indentation typed as two ideographic spaces, as Word and
    WPS users indent first lines (the spaces are in the text layer); ``columns``: the text
    set in that many columns, as a gazette or a newspaper sets it (typed indentation)."""
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
    if columns > 1:
        with pdf.text_columns(ncols=columns, gutter=2 * em, wrapmode=wrap) as set_in_columns:
            for paragraph in text.split("\n"):
                set_in_columns.write("\u3000\u3000" + paragraph + "\n")
    else:
        for paragraph in text.split("\n"):
            if typed:
                paragraph = "\u3000\u3000" + paragraph
            else:
                pdf.set_x(pdf.l_margin + 2 * em)
            pdf.write(6, paragraph, wrapmode=wrap)
            pdf.ln(6)
    pdf.output(str(out))
    return out


def roundtrip(text: str, doc_id: str, year: int | None, folder: Path, font: str) -> dict:
    """Counts for one normalised text: its sections and tasks, those the PDF gives back
    alike, and whether the PDF's text is the same but for whitespace."""
    pdf = make_pdf(text, folder / f"{doc_id}.pdf", font, header=f"{doc_id} 工作报告")
    read = normalise(read_document(pdf)[1])
    copied = normalise(viewer_copy(pdf))
    (sa, ta), (sb, tb) = outline(text, doc_id, year), outline(read, doc_id, year)
    sc, tc = outline(copied, doc_id, year)
    # the same text set as Chinese word processors set it: a line may break between any two
    # characters, never only at a space
    set_cjk = make_pdf(text, folder / f"{doc_id}-cjk.pdf", font, header=f"{doc_id} 工作报告", wrap="CHAR")
    sd, td = outline(normalise(read_document(set_cjk)[1]), doc_id, year)
    se, te = outline(normalise(viewer_copy(set_cjk)), doc_id, year)
    # first lines indented with typed ideographic spaces, and the text in two columns
    typed = make_pdf(text, folder / f"{doc_id}-typed.pdf", font, header=f"{doc_id} 工作报告", wrap="CHAR", typed=True)
    sf, tf = outline(normalise(read_document(typed)[1]), doc_id, year)
    two = make_pdf(text, folder / f"{doc_id}-columns.pdf", font, header=f"{doc_id} 工作报告", wrap="CHAR", columns=2)
    sg, tg = outline(normalise(read_document(two)[1]), doc_id, year)
    return {
        "sections": len(sa),
        "sections_same": len(set(sa) & set(sb)),
        "tasks": len(ta),
        "tasks_same": len(set(ta) & set(tb)),
        "identical": (sa, ta) == (sb, tb),
        "same_text": ink(read) == ink(text),
        "copy_identical": (sa, ta) == (sc, tc),
        "copy_tasks_same": len(set(ta) & set(tc)),
        "cjk_identical": (sa, ta) == (sd, td),
        "cjk_tasks_same": len(set(ta) & set(td)),
        "cjk_copy_identical": (sa, ta) == (se, te),
        "cjk_copy_tasks_same": len(set(ta) & set(te)),
        "typed_identical": (sa, ta) == (sf, tf),
        "typed_tasks_same": len(set(ta) & set(tf)),
        "columns_identical": (sa, ta) == (sg, tg),
        "columns_tasks_same": len(set(ta) & set(tg)),
    }


def viewer_copy(pdf: Path) -> str:
    """The text a PDF viewer copies out of ``pdf`` (select all, copy): each page's text in
    its lines, running header and page number included, pages one after the other — what a
    user pastes into a .txt."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        pages = []
        for page in document:
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range().replace("\r\n", "\n"))
            textpage.close()
            page.close()
        return "\n".join(pages)
    finally:
        document.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.evaluation.pdf_roundtrip", description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    ap.add_argument("--documents", nargs="*", help="only these doc_ids (default: every document)")
    args = ap.parse_args(argv)
    font = cjk_font()
    if font is None:
        print("no CJK font: install Debian's fonts-noto-cjk", file=sys.stderr)
        return 2
    keys = ("documents", "identical", "same_text", "tasks", "tasks_same", "copy_identical", "copy_tasks_same")
    keys += ("cjk_identical", "cjk_tasks_same", "cjk_copy_identical", "cjk_copy_tasks_same")
    keys += ("typed_identical", "typed_tasks_same", "columns_identical", "columns_tasks_same")
    total = dict.fromkeys(keys, 0)
    dumps = dict.fromkeys(keys, 0)  # the page dumps among them
    with tempfile.TemporaryDirectory() as tmp:
        for spec in documents(args.corpus, args.documents):
            text = normalise(read_input(spec.path)[1])
            r = roundtrip(text, spec.doc_id, spec.year, Path(tmp), font)
            r["documents"] = 1
            for k in keys:
                total[k] += int(r[k])
                if is_page_dump(text):
                    dumps[k] += int(r[k])
            flags = ("" if r["identical"] else "  structure differs") + ("" if r["same_text"] else "  text differs")
            flags += "" if r["copy_identical"] else "  copied text's structure differs"
            flags += "" if r["cjk_identical"] and r["cjk_copy_identical"] else "  set as Chinese: structure differs"
            flags += "" if r["typed_identical"] else "  typed indentation: structure differs"
            flags += "" if r["columns_identical"] else "  two columns: structure differs"
            print(
                f"{spec.doc_id:28s} sections {r['sections_same']:3d}/{r['sections']:3d}"
                f"  tasks {r['tasks_same']:3d}/{r['tasks']:3d}{flags}"
            )
    printed = {k: total[k] - dumps[k] for k in keys}
    for what, t in (("documents", total), ("page dumps among them", dumps), ("documents with paragraphs", printed)):
        print(
            f"{t['documents']} {what}: structure identical on {t['identical']}, text identical on "
            f"{t['same_text']}; tasks given back alike {t['tasks_same']}/{t['tasks']}; "
            f"text copied out of the PDF: structure identical on {t['copy_identical']}, "
            f"tasks alike {t['copy_tasks_same']}/{t['tasks']}; set as Chinese word processors set it "
            f"(a break between any two characters): PDF structure identical on {t['cjk_identical']}, "
            f"tasks alike {t['cjk_tasks_same']}/{t['tasks']}, copied text's structure identical on "
            f"{t['cjk_copy_identical']}, tasks alike {t['cjk_copy_tasks_same']}/{t['tasks']}; first lines "
            f"indented with typed ideographic spaces: structure identical on {t['typed_identical']}, tasks alike "
            f"{t['typed_tasks_same']}/{t['tasks']}; in two columns: structure identical on "
            f"{t['columns_identical']}, tasks alike {t['columns_tasks_same']}/{t['tasks']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
