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
from pipeline.evaluation import pdf_roundtrip as roundtrip_mod
from pipeline.evaluation.same_document import outline
from pipeline.ingest.normalise import normalise
from pipeline.ingest.read import read_document, read_input


@pytest.fixture(scope="module")
def cjk_font() -> str:
    font = roundtrip_mod.cjk_font()
    if font is None:
        pytest.fail("no CJK font: install Debian's fonts-noto-cjk (scripts/test.sh does) to test PDF input")
    return font


make_pdf = roundtrip_mod.make_pdf


def _outline(text: str, doc_id: str, year: int):
    return outline(text, doc_id, year)


@pytest.mark.parametrize(
    "doc_id",
    [
        "dalian-edu-2018",  # 一、 sections with 1.–31. tasks, one paragraph per line
        "gov-report-2019",  # review chapter, （一）…（十） tasks, 各位代表 breaks
        "gov-report-2015",  # run-in chapters: paragraphs must not merge across pages
        "pingtan-haitan-2022",  # a page dump: crawler header, one-line body, footer
        "pingtan-gov-report-2018",  # a page dump with run-on and run-in headings
        "pingtan-suping-2022",  # two pages: the last lines of each are text, not running lines
        "gov-report-1985",  # 国务院已经决定：|第一、… wrapped: the list goes on in its sentence
        "gov-report-1998",  # 1998 年 wrapped onto a line of its own: a number inside a page is text
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


@pytest.mark.parametrize("doc_id", ["pingtan-suping-2022", "gov-report-1998"])
def test_pdf_loses_no_text(normalised_texts, tmp_path, cjk_font, doc_id):
    # a two-page PDF: its pages' last lines are no running lines; 1998: "1998" alone on a
    # wrapped line inside a page is no page number
    text = normalised_texts[doc_id]
    r = roundtrip_mod.roundtrip(text, doc_id, int(doc_id[-4:]), tmp_path, cjk_font)
    assert r["same_text"] and r["identical"]


def test_pdf_marker_after_a_full_line_running_on_stays_in_its_paragraph(tmp_path, cjk_font):
    # a page dump rendered to PDF: a layout line that happens to start with （二） after a
    # full line without a sentence end is where the layout wrapped, not a new paragraph
    from pipeline.ingest.pdf import Line, join_lines

    full = "推进政务公开" * 8
    lines = [Line(full, False), Line("（二）" + full[3:], False), Line("完成。", False), Line("（三）加强。", False)]
    assert join_lines([lines]).split("\n") == [full + "（二）" + full[3:] + "完成。", "（三）加强。"]


@pytest.mark.parametrize("doc_id", ["gov-report-2018", "gov-report-1957", "dalian-edu-2018"])
def test_pdf_with_first_lines_indented_by_typed_ideographic_spaces(normalised_texts, tmp_path, cjk_font, doc_id):
    # Word and WPS users indent first lines with two typed ideographic spaces, which stay in
    # the text layer: they are the indentation (the reader took them for cells of text before
    # the first glyph and saw no indentation: 6 of 48 documents kept their structure)
    text = normalised_texts[doc_id]
    pdf = make_pdf(text, tmp_path / f"{doc_id}.pdf", cjk_font, header=f"{doc_id} 工作报告", wrap="CHAR", typed=True)
    _, read = read_document(pdf)
    assert "\u3000\u3000" + text.split("\n")[1][:10] in roundtrip_mod.viewer_copy(pdf)
    assert normalise(read).split("\n") == text.split("\n")


@pytest.mark.parametrize("doc_id", ["gov-report-2018", "gov-report-1982", "gov-report-2010"])
def test_pdf_set_in_two_columns(normalised_texts, tmp_path, cjk_font, doc_id):
    # a gazette's or a newspaper's page: the right column's lines start halfway across, and
    # its first lines are indented from there, not from the page's margin (1982: a heading
    # wrapped after a closing quote, “块块”|的矛盾；, goes on: a closing quote ends no clause;
    # 2010: a page whose centred header starts just left of the right column still has it)
    text = normalised_texts[doc_id]
    pdf = make_pdf(text, tmp_path / f"{doc_id}.pdf", cjk_font, header=f"{doc_id} 工作报告", wrap="CHAR", columns=2)
    _, read = read_document(pdf)
    got = normalise(read)
    assert _outline(got, doc_id, int(doc_id[-4:])) == _outline(text, doc_id, int(doc_id[-4:]))
    assert got.split("\n") == text.split("\n")


def test_a_title_under_a_running_header_of_its_words_stays(normalised_texts, tmp_path, cjk_font):
    # the plan's title set atop its first page under a running header that repeats it: the
    # header goes on every page, the title is the text's
    text = normalised_texts["dalian-edu-2018"]
    title = text.split("\n")[0]
    pdf = make_pdf(text, tmp_path / "2018.pdf", cjk_font, header=title, wrap="CHAR")
    _, read = read_document(pdf)
    assert read.count(title) == 1 and roundtrip_mod.viewer_copy(pdf).count(title) >= 3
    assert normalise(read).split("\n") == text.split("\n")


def test_a_numbered_line_after_a_full_line_goes_on_where_paragraphs_are_indented():
    # first lines indented: a line flush left opening with 第二， after a full line ending a
    # sentence is the paragraph going on (gov-report 1957 …请看事实：第一，…。|第二，…); where
    # numbered lines stand flush left after short lines, the same shape opens a paragraph
    from pipeline.ingest.pdf import Line, join_lines

    full = "我们能够同意这种说法吗请看事实现有科学事业有了新的发展和成就。"
    indented = [Line(full, True), Line(full, False), Line("第二，" + full[3:], False), Line("完成。", False)]
    indented += [Line("第三，加强。", True), Line(full, True), Line("完成。", False)]
    assert join_lines([indented]).split("\n") == [
        full * 2 + "第二，" + full[3:] + "完成。",
        "第三，加强。",
        full + "完成。",
    ]
    flush = [Line(full, True), Line("完成。", False), Line("一、总体要求", False), Line(full, True), Line(full, False)]
    flush += [Line("二、" + full[2:], False), Line("完成。", False), Line(full, True), Line("完成。", False)]
    assert join_lines([flush]).split("\n")[3] == "二、" + full[2:] + "完成。"


def test_a_running_header_whose_parts_change_sides_is_one_header():
    # a gazette sets its name and issue apart, on odd pages name first, on even pages issue
    # first: each order recurs on half the pages or fewer, yet it is one running header
    # (the blind gazette PDFs kept it on even pages, inside paragraphs)
    from pipeline.ingest.pdf import Line, drop_running_lines, join_lines

    words = "推进政务公开标准化规范化建设全面提升政府信息公开质量和实效深化放管服改革优化营商环境加快数字政府建设"
    lines = [(words * 3)[k : k + 30] for k in range(len(words))]
    pages = []
    for k in range(5):
        header = "中华人民共和国国务院公报\t2024年第5期" if k % 2 else "2024年第5期\t中华人民共和国国务院公报"
        body = [Line(line, False) for line in lines[6 * k : 6 * k + 6]]
        pages.append([Line(header, False), *body, Line(str(k + 1), False)])
    text = join_lines(drop_running_lines(pages))
    assert "公报" not in text and text == "".join(lines[:30])


def test_a_justified_line_spread_wide_is_no_table_row(tmp_path, cjk_font):
    # a justified line holding a long unbreakable figure spreads its few characters over the
    # width: gaps of a character or more between most of them, which were read as a table's
    # cells, cutting the paragraph (blind gazette PDF of 1956: 收 为 9 ， 970 … 占 本 年)
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("cjk", "", cjk_font, collection_font_number=roundtrip_mod.SC)
    pdf.add_page()
    pdf.set_font("cjk", size=11)
    em = pdf.get_string_width("中")
    lines = [
        "各项税收中，工商税收的增长比例比较大，主要是由于工农业生产",
        "收为9，970，000元，占本年收入的",
        "增长和商品流转额扩大的结果，今年将继续保持稳定增长。",
    ]
    pdf.text(20 + 2 * em, 30, lines[0])
    for k, ch in enumerate(lines[1]):
        pdf.text(20 + k * 2.2 * em, 30 + 7, ch)  # spread: more than a character between any two
    pdf.text(20, 30 + 14, lines[2])
    pdf.output(str(tmp_path / "spread.pdf"))
    _, read = read_document(tmp_path / "spread.pdf")
    assert "\t" not in read
    assert normalise(read) == "".join(lines)


def test_pdf_roundtrip_cli_prints_every_document(capsys):
    corpus = Path(__file__).resolve().parents[2] / "corpus"
    assert roundtrip_mod.main(["--corpus", str(corpus), "--documents", "pingtan-suping-2023"]) == 0
    out = capsys.readouterr().out
    assert "pingtan-suping-2023" in out and "1 documents: structure identical on 1, text identical on 1" in out
    # a page dump (its body on one line) is counted apart from the documents with paragraphs
    assert "1 page dumps among them: structure identical on 1" in out
    assert "0 documents with paragraphs: structure identical on 0" in out
    assert "text copied out of the PDF: structure identical on" in out
    # and the same document set as Chinese word processors set it (a break anywhere)
    assert (
        "set as Chinese word processors set it (a break between any two characters): PDF structure identical on 1"
        in out
    )


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


def test_text_copied_out_of_a_pdf_reads_as_the_pdf(tmp_path, cjk_font):
    # select all, copy, paste into a .txt: lines as laid out, the first lines' indentation
    # lost, running header and page numbers inside paragraphs; read back with the plan's
    # paragraphs and structure (gov-report 2005: 144 paragraphs; before this reading its
    # copy kept every line apart)
    corpus = Path(__file__).resolve().parents[2] / "corpus"
    text = normalise(read_input(corpus / "gov-report" / "2005.txt").text)
    pdf = roundtrip_mod.make_pdf(text, tmp_path / "2005.pdf", cjk_font, header="2005年政府工作报告")
    copied = roundtrip_mod.viewer_copy(pdf)
    assert copied.count("2005年政府工作报告") >= 3 and "- 2 -" in copied
    got = normalise(copied)
    assert "2005年政府工作报告" not in got and "- 2 -" not in got
    assert got.split("\n") == text.split("\n")


@pytest.mark.parametrize("wrap", ["WORD", "CHAR"])
@pytest.mark.parametrize(
    "doc_id", ["gov-report-1958", "gov-report-2018", "gov-report-2001", "gov-report-1980", "gov-report-1998"]
)
def test_text_copied_out_of_a_pdf_keeps_its_structure(tmp_path, cjk_font, doc_id, wrap):
    # the copy of the PDF set at spaces where one fits (WORD) or between any two characters
    # (CHAR, as Chinese word processors set it): the same sections and tasks as the text.
    # Before the next-word reading each lost tasks (1958: items cut after a first line short
    # by its lost indentation; 2018: paragraphs ending at the margin run together, run-ins
    # cut out of paragraphs; 2001: its running header kept after first lines); 1980 ran a
    # heading without a stop that filled its line into its text, and 1998 set as Chinese
    # kept its running header where pages broke between paragraphs (thirty-seventh round)
    corpus = Path(__file__).resolve().parents[2] / "corpus"
    year = int(doc_id[-4:])
    text = normalise(read_input(corpus / doc_id.rsplit("-", 1)[0] / f"{year}.txt").text)
    pdf = roundtrip_mod.make_pdf(text, tmp_path / f"{doc_id}.pdf", cjk_font, header=f"{doc_id} 工作报告", wrap=wrap)
    got = normalise(roundtrip_mod.viewer_copy(pdf))
    assert outline(got, doc_id, year) == outline(text, doc_id, year)


def _placed_pdf(cjk_font: str, path: Path, pages: list[list[tuple]]) -> Path:
    """A PDF whose every run of text is placed by hand: (x mm, baseline mm, font, text, size pt),
    and optionally its render mode (2: filled and stroked, the bold a producer makes)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("cjk", "", cjk_font, collection_font_number=roundtrip_mod.SC)
    latin = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    if not latin.exists():
        pytest.fail("no Latin font: install Debian's fonts-dejavu-core (scripts/test.sh does)")
    pdf.add_font("latin", "", str(latin))
    for runs in pages:
        pdf.add_page()
        for x, y, font, text, size, *mode in runs:
            pdf.set_font(font, size=size)
            if mode:  # in a saved graphics state: fpdf2 writes no 0 Tr to end it
                with pdf.local_context(text_mode=mode[0]):
                    pdf.text(x, y, text)
            else:
                pdf.text(x, y, text)
    pdf.output(str(path))
    return path


_BODY = "推进政务公开标准化规范化建设全面提升政府信息公开质量和实效深化放管服改革优化营商环境加快数字政府建设"


def test_space_between_paragraphs_opens_them_where_nothing_is_indented(tmp_path, cjk_font):
    # a layout for phones: no first line indented, half a line between paragraphs (Word's
    # 段后 0.5 行). The gap between baselines is the only sign; a glyph box's top (一 sits low)
    # was too rough a measure to see it
    paragraphs = [_BODY[k : k + 20] + "，" + _BODY[k + 3 : k + 13] + "。" for k in range(4)]
    runs, y = [], 20.0
    for paragraph in paragraphs:
        for line in (paragraph[:16], paragraph[16:]):
            runs.append((20.0, y, "cjk", line, 14))
            y += 7.0
        y += 3.0
    _, read = read_document(_placed_pdf(cjk_font, tmp_path / "spaced.pdf", [runs]))
    assert normalise(read) == "\n".join(paragraphs)


def test_a_heading_in_larger_type_over_two_lines_stays_whole(tmp_path, cjk_font):
    # a heading set larger than the text stands on a larger pitch: its second line is no
    # paragraph of its own
    heading = "二、今年经济社会发展的总体要求、主要预期目标和宏观经济政策"
    text = [(_BODY * 4)[k * 30 : k * 30 + 30] for k in range(6)] + [_BODY[:10] + "。"]
    runs = [(20.0, 20.0, "cjk", heading[:20], 16), (20.0, 29.0, "cjk", heading[20:], 16)]
    runs += [(20.0 + 2 * 3.7 * (k == 0), 38.0 + 5.5 * k, "cjk", line, 10.5) for k, line in enumerate(text)]
    _, read = read_document(_placed_pdf(cjk_font, tmp_path / "heading.pdf", [runs]))
    assert normalise(read).split("\n") == [heading, "".join(text)]


def test_a_row_going_on_along_the_baseline_of_the_row_before_is_the_same_line():
    # Word sets “ ” in Times New Roman unless told otherwise: the quote sits higher than the
    # Han characters, and PDFium may start a new row at it (江泽民同志指出：|“发展要有新: the
    # blind 公文 PDFs, with the quote set in DejaVu Serif), which read as an indented line
    # opening a paragraph. (A PDF made here did not make PDFium split the row, so the joining
    # is tested on the rows themselves.)
    from pipeline.ingest.pdf import _same_line_rows

    em = 16.0
    rows = [
        ("增长率，就是了不起的成绩。江泽民同志指出：", (0, 80.0, 126.2, 16.0, 432.0)),
        ("“发展要有新", (1, 433.3, 126.2, 16.0, 525.0)),  # the same baseline, further right
        ("思路，真正转到以提高经济效益为中心的轨道上来", (0, 80.0, 98.2, 16.0, 525.0)),  # the next line
        ("第二栏的一行", (0, 300.0, 98.2, 16.0, 400.0)),  # a second column's line: after, not right of, its row
    ]
    joined = _same_line_rows(rows, em)
    assert [t for t, _ in joined] == [rows[0][0] + rows[1][0], rows[2][0], rows[3][0]]
    assert joined[0][1] == (*rows[0][1][:4], 525.0)  # it starts where its first row did, ends where its last did


def test_the_room_word_leaves_around_figures_is_no_space(tmp_path, cjk_font):
    # Word and WPS leave a quarter of a character between a Han character and a figure or a
    # Latin word; PDFium fills such a gap with a space (1957 年 6 月 26 日): a title read so
    # no longer matches, and the page shows it at every such place
    em = 14 * 0.3528
    parts = ["在", "1957", "年", "6", "月", "26", "日召开的第", "4", "次会议上"]
    runs, x = [], 20.0
    for part in parts:
        runs.append((x, 20.0, "cjk", part, 14))
        x += (len(part) * (0.55 if part.isdigit() else 1.0) + 0.25) * em
    _, read = read_document(_placed_pdf(cjk_font, tmp_path / "autospace.pdf", [runs]))
    assert normalise(read) == "".join(parts)


def test_the_room_libreoffice_leaves_around_figures_but_not_after_percent_is_no_space(tmp_path, cjk_font):
    # LibreOffice Writer leaves room between a Han character and a figure, as Word does, but
    # none after % (增长 8%左右): a seam without room after % is no sign of typed spaces (the
    # fourth blind PDF set: four of its worddefault pages kept 2009 年主要任务 so)
    em = 14 * 0.3528
    parts = ["国内生产总值增长", "8%", "左右，城镇新增就业", "900", "万人以上，居民消费价格涨幅", "4%", "左右"]
    room = {"8%": (0.25, 0.0), "900": (0.25, 0.25), "4%": (0.25, 0.0)}  # before, after
    runs, x = [], 20.0
    for part in parts:
        before, after = room.get(part, (0.0, 0.0))
        x += before * em
        runs.append((x, 20.0, "cjk", part, 14))
        x += (len(part) * (0.55 if part.isascii() else 1.0) + after) * em
    _, read = read_document(_placed_pdf(cjk_font, tmp_path / "libreoffice.pdf", [runs]))
    assert normalise(read) == "".join(parts)


def test_a_full_width_mark_s_half_empty_cell_is_no_table_cell(tmp_path, cjk_font):
    # a justified line stretched at a full-width quote: the gap between the ink of 于 and of “
    # (whose ink fills the right half of its cell) was over a character wide and read as a
    # table's cell boundary, so the line stood alone (the fourth blind set's 公文 PDFs, 1978 and
    # 2003); measured between the characters' cells it is half a character
    em = 16 * 0.3528
    first, second = "以巩固和发展无产阶级文化大革命的胜利成果。由于", "“四人帮”的干扰破坏，不少地方无法"
    runs = [
        (20.0, 20.0, "cjk", first, 16),
        (20.0 + (len(first) + 0.5) * em, 20.0, "cjk", second, 16),
        (20.0, 29.0, "cjk", "正常工作。", 16),
    ]
    _, read = read_document(_placed_pdf(cjk_font, tmp_path / "quote.pdf", [runs]))
    assert "\t" not in read
    assert normalise(read).replace(" ", "") == first + second + "正常工作。"


def test_a_heading_in_another_face_ends_where_the_text_s_face_begins(tmp_path, cjk_font):
    # a heading filling its line, in a bold the producer stroked, over text with no space or
    # indentation between them (LibreOffice's automatic outline numbering, the fourth blind
    # set): the change of face is the only sign; a run-in heading whose first line goes on in
    # the text's face keeps its paragraph (it holds a full stop)
    heading = "一、第一个五年计划时期内和第二个五年计划的第一年——一九五八年的伟大成就"
    text = ["在第一届全国人民代表大会的四年多的任期中间，我们的国家经历了一系列的具有", "重大历史意义的变化。"]
    runin = ["（三）加快经济结构调整。制定了加快振兴装备制造业的政策措施，推进关键领域", "重大技术装备自主制造。"]
    runs = [(20.0, 20.0, "cjk", heading, 10.5, 2)]
    runs += [(20.0, 25.0 + 5.0 * k, "cjk", line, 10.5) for k, line in enumerate(text)]
    runs += [(20.0, 37.0, "cjk", runin[0], 10.5, 2), (20.0, 42.0, "cjk", runin[1], 10.5)]
    _, read = read_document(_placed_pdf(cjk_font, tmp_path / "faces.pdf", [runs]))
    assert normalise(read).split("\n") == [heading, "".join(text), "".join(runin)]


def test_running_headers_naming_the_chapter_are_dropped_and_its_headings_kept():
    # a report printed as a book: the header names the current chapter, so its words change
    # from chapter to chapter (each recurs on its chapter's pages only), and the drawing puts
    # it last on the page, by the page number; the chapter headings in the text stay, one of
    # them the first line of its page
    from pipeline.ingest.pdf import Line, drop_running_lines, join_lines

    chapters = ["一、过去一年工作回顾", "二、今年工作总体部署", "三、政府工作任务"]
    lines = [_BODY[k % 20 : k % 20 + 24] + "。" for k in range(40)]
    pages: list[list[Line]] = []
    body: list[str] = []
    for number, (chapter, start, end) in enumerate(
        [(0, 0, 6), (0, 6, 12), (1, 12, 18), (1, 18, 24), (2, 24, 30), (2, 30, 36)], 1
    ):
        page = [Line(line, False) for line in lines[start:end]]
        if start in (0, 12, 24):  # the chapter opens on this page: its heading first
            page.insert(0, Line(chapters[chapter], False, True))
            body.append(chapters[chapter])
        body += lines[start:end]
        pages.append([*page, Line(chapters[chapter], False), Line(str(number), False)])
    text = join_lines(drop_running_lines(pages))
    assert [c for c in chapters if text.count(c) != 1] == []  # each heading once, no header
    assert text.replace("\n", "") == "".join(body)  # nothing else dropped, no page number left


def _lines(texts: list[str], top: float, pitch: float = 1.5, size: float = 10.5, gaps: frozenset = frozenset()):
    """Layout lines with their baselines (in em above the page's foot), ``gaps``: the
    indexes of lines standing after space between paragraphs."""
    from pipeline.ingest.pdf import Line

    return [Line(t, False, k in gaps, top - pitch * k, size) for k, t in enumerate(texts)]


def test_a_page_ending_a_line_short_of_the_foot_ends_its_paragraph():
    # a phone layout: no first line indented, space between paragraphs, which a page break
    # swallows. A page ending where one more line would have fit broke before a paragraph
    # (the space before it did not fit): its last line ends the paragraph, full as it is
    # (the second blind PDF set's phone layout ran 11 of 48 documents' paragraphs together so)
    from pipeline.ingest.pdf import join_lines

    full = _BODY[:19] + "。"  # a full line ending a sentence
    first = _lines([_BODY[:20], full, _BODY[20:40], full], top=8.5)  # ends at 4.0, room for one more
    second = _lines([_BODY[5:25], full, _BODY[:20], _BODY[10:30], full], top=8.5)  # ends at 2.5: the foot
    third = _lines([_BODY[2:22], full, _BODY[:6] + "。"], top=8.5, gaps=frozenset({1}))
    assert (
        join_lines([first, second, third]).split("\n")
        == [
            _BODY[:20] + full + _BODY[20:40] + full,
            _BODY[5:25] + full + _BODY[:20] + _BODY[10:30] + full + _BODY[2:22],  # the foot: no sign
            full + _BODY[:6] + "。",
        ]
    )


def test_type_of_another_size_sets_a_heading_apart_over_a_page_break():
    # a heading in larger type atop a page (the space before it went with the page break)
    # opens a paragraph; a centred heading's second line, which starts right of the margin,
    # goes on in it (the second blind PDF set's book layout)
    from pipeline.ingest.pdf import Line, join_lines

    full = _BODY[:19] + "。"
    first = _lines([_BODY[:20], full], top=4.0)
    second = [Line("坚持以人民为中心的发展思想，着力保障和改", False, False, 40.0, 15.0)]
    second += [Line("善民生", True, False, 38.0, 15.0)]
    second += _lines([_BODY[3:23], _BODY[:5] + "。"], top=36.0)
    assert join_lines([first, _lines([full] * 3, top=5.5), second]).split("\n") == [
        _BODY[:20] + full * 4,
        "坚持以人民为中心的发展思想，着力保障和改善民生",
        _BODY[3:23] + _BODY[:5] + "。",
    ]


def test_a_stop_alone_on_a_row_belongs_to_the_line_it_stands_on():
    # a stop hanging past the margin after a quote in a Latin font: PDFium puts it on a row
    # of its own, which has no glyph to place it by but its own box; one a layout moved to
    # the next page's first line (under its running header) is that line
    from pipeline.ingest.pdf import _same_line_rows

    rows = [
        ("必须到现场办的也要力争做到“最多跑一次”", (0, 80.0, 126.2, 16.0, 492.0)),
        ("。", (0, 492.0, 126.2, 16.0, 508.0)),
    ]
    rows += [("加强政务服务标准化建设", (0, 80.0, 98.2, 16.0, 256.0)), ("2024年工作报告", (0, 80.0, 800.0, 9.0, 150.0))]
    rows += [("。", (0, 80.0, 770.0, 16.0, 96.0))]
    assert [t for t, _ in _same_line_rows(rows, 16.0)] == [rows[0][0] + "。", rows[2][0], rows[3][0], "。"]


def test_chapter_headers_standing_once_each_go_with_the_document_header():
    # a book whose left-hand pages carry the report's header and right-hand pages the
    # chapter's, each chapter two pages long or so, so each chapter header stands once, and
    # the report's on three pages of seven (fewer than half); each chapter's heading, atop
    # its first page, wraps over two lines (the second blind PDF set's book layout)
    from pipeline.ingest.pdf import Line, drop_running_lines, join_lines

    chapters = [
        "一、过去一年工作回顾和今年经济社会发展的总体要求",
        "二、坚持稳中求进工作总基调全面做好今年政府工作",
        "三、加强政府自身建设和推进依法行政的主要任务",
    ]
    lines = [_BODY[k % 20 : k % 20 + 24] + "。" for k in range(40)]
    opens = {1: 0, 4: 1, 6: 2}  # the page each chapter opens on
    pages: list[list[Line]] = []
    body: list[str] = []
    chapter = 0
    for number in range(1, 8):
        page = [Line(line, False) for line in lines[5 * number : 5 * number + 5]]
        if number in opens:
            chapter = opens[number]
            page[:0] = [Line(chapters[chapter][:20], False, True), Line(chapters[chapter][20:], False)]
            body.append(chapters[chapter])
        body += lines[5 * number : 5 * number + 5]
        header = [] if number == 1 else [Line(chapters[chapter] if number % 2 else "2024年政府工作报告", False)]
        pages.append([*page, *header, Line(str(number), False)])
    text = join_lines(drop_running_lines(pages))
    assert "政府工作报告" not in text and text.replace("\n", "") == "".join(body)
    assert [c for c in chapters if text.count(c) != 1] == []


def test_a_running_chapter_header_leaves_the_heading_atop_its_chapter():
    # a header naming the chapter on most pages is a running line; atop the chapter's first
    # page, whose foot still names the chapter before, its words are the heading: a running
    # line is dropped only on the side of the page it stands on (gov-report 2011 as a book
    # lost 三、2011年的工作 so)
    from pipeline.ingest.pdf import Line, drop_running_lines, join_lines

    lines = [_BODY[k % 20 : k % 20 + 24] + "。" for k in range(40)]
    pages = [[Line(line, False) for line in lines[4 * k : 4 * k + 4]] for k in range(8)]
    pages[2].insert(0, Line("三、政府工作任务", False, True))
    for k, page in enumerate(pages):
        page += [Line("三、政府工作任务" if k >= 3 else "二、工作回顾", False), Line(str(k + 1), False)]
    text = join_lines(drop_running_lines(pages))
    assert text.count("三、政府工作任务") == 1 and "二、工作回顾" not in text


def test_a_line_ending_where_the_next_word_would_have_fit_ends_its_paragraph():
    # a web page printed to PDF, nothing indented and no space between paragraphs: a layout
    # breaks a line where the next word no longer fits, so a line ending where it would have
    # fit ended its paragraph (…请予审议。|过去五年的回顾), a heading's too (第五，…积极性|计划经济…);
    # a full line goes on, and so does one that a layout breaking only at spaces ended early
    # inside a sentence (the third blind PDF set's browser pages ran 15 of 48 together so)
    from pipeline.ingest.pdf import Line, join_lines

    def line(text: str, room: float) -> Line:
        return Line(text, False, False, None, 10.5, room)

    lines = [
        line("我代表国务院，向大会作政府工作报告，请予审议。", 1.0),  # 过 fits exactly
        line("过去五年的回顾", 16.0),
        line("第五，加强统一计划，发挥中央和地方两个积极性", 2.0),
        line("计划经济是社会主义经济的一个基本特征。我们必须", 0.0),
        line("坚决克服无政府状态。累计达到", 5.0),  # broken at a space: 7071 would have fit
        line("7071万元，增长“两成”，比上年提高了两个百分点。", 2.5),
        line("“四风”得到纠正。", 9.0),
    ]
    assert join_lines([lines]).split("\n") == [
        "我代表国务院，向大会作政府工作报告，请予审议。",
        "过去五年的回顾",
        "第五，加强统一计划，发挥中央和地方两个积极性",
        "计划经济是社会主义经济的一个基本特征。我们必须坚决克服无政府状态。累计达到7071万元，增长“两成”，比上年提高了两个百分点。",
        "“四风”得到纠正。",
    ]
    # an opening quote goes down with what it opens: “四 did not fit in 1.6 characters
    lines[5] = line("7071万元，增长“两成”，比上年提高了两个百分点。", 1.6)
    assert join_lines([lines]).split("\n")[3].endswith("百分点。“四风”得到纠正。")


def test_a_heading_line_s_room_is_counted_in_its_own_type(tmp_path, cjk_font):
    # a heading in larger type than the text: the room its first line leaves, more than one
    # of the text's characters, is less than one of its own, so it goes on (the phone layout
    # of the second blind PDF set broke 二、2012年工作总体部|署 so)
    heading = "二、二〇一二年工作总体部署要求"
    body = [(_BODY * 2)[k * 20 : k * 20 + 20] for k in range(5)] + [_BODY[:8] + "。"]
    # places in millimetres, sizes in points
    runs = [(20.0, 20.0, "cjk", heading[:13], 15.2), (20.0, 28.0, "cjk", heading[13:], 15.2)]
    runs += [(20.0, 36.0 + 6.0 * k, "cjk", text, 10.5) for k, text in enumerate(body)]
    assert 10.5 * 20 - 15.2 * 13 > 10.5  # the room: over one of the text's characters (in pt)
    _, read = read_document(_placed_pdf(cjk_font, tmp_path / "heading.pdf", [runs]))
    assert normalise(read).split("\n") == [heading, "".join(body)]


def test_a_centred_heading_line_goes_on_in_its_heading():
    # reportlab centres a heading set in the text's size: its second line stands midway, as
    # far from the right edge as from the left, and only looks indented
    from pipeline.ingest.pdf import Line, join_lines

    heading = "一、第一个五年计划时期内和第二个五年计划的第一年——一九五八年的伟大"
    lines = [Line(heading, False, True, None, 12.0, 0.0), Line("成就", True, False, None, 12.0, 15.8, True)]
    lines += [Line(_BODY[:30], True, True, None, 12.0, 0.0), Line(_BODY[:10] + "。", False, False, None, 12.0, 20.0)]
    lines += [
        Line("第二章", True, False, None, 12.0, 14.0, True),
        Line(_BODY[:20] + "。", True, False, None, 12.0, 9.0),
    ]
    assert join_lines([lines]).split("\n") == [
        heading + "成就",
        _BODY[:30] + _BODY[:10] + "。",
        "第二章",
        _BODY[:20] + "。",
    ]


def test_a_printed_web_page_s_header_sets_no_margin(tmp_path, cjk_font):
    # Chromium prints a page's date and address at the paper's edge, left of the article:
    # the text's left edge is where its lines start, not where the header does (every line
    # read as indented, a paragraph of its own)
    em = 12 * 0.3528
    paragraphs = [_BODY[k : k + 30] + _BODY[:8] + "。" for k in range(4)]
    runs = [(30.0 - 3 * em, 10.0, "latin", "11/21/24, 2:29 PM", 8)]  # three characters left of the text
    runs.append((30.0 - 3 * em, 290.0, "latin", "file:///tmp/plan.html", 8))
    y = 20.0
    for paragraph in paragraphs:
        for k, part in enumerate((paragraph[:26], paragraph[26:])):
            runs.append((30.0 + 2 * em * (k == 0), y, "cjk", part, 12))
            y += 6.0
    _, read = read_document(_placed_pdf(cjk_font, tmp_path / "web.pdf", [runs]))
    assert read.split("\n")[-4:] == paragraphs  # the reader's own paragraphs, before normalise


def test_two_points_between_paragraphs_set_them_apart(tmp_path, cjk_font):
    # reportlab's spaceAfter=2: a fifth of a character between paragraphs, nothing indented
    # (a quarter of a character was the least the reader saw)
    pt = 0.3528  # millimetres
    paragraphs = [_BODY[k : k + 20] + "，" + _BODY[k + 3 : k + 13] + "。" for k in range(4)]
    runs, y = [], 20.0
    for paragraph in paragraphs:
        for line in (paragraph[:16], paragraph[16:]):
            runs.append((20.0, y, "cjk", line, 10.5))
            y += 15.75 * pt
        y += 2 * pt
    _, read = read_document(_placed_pdf(cjk_font, tmp_path / "spaced.pdf", [runs]))
    assert read.split("\n") == paragraphs


def test_the_one_gap_after_a_heading_s_marker_is_a_space(tmp_path, cjk_font):
    # a justified heading stretches its one space (（六） 更加注重…) wider than a character:
    # no table's cells
    em = 14 * 0.3528
    runs = [
        (20.0, 20.0, "cjk", "（六）", 14),
        (20.0 + 4.6 * em, 20.0, "cjk", "更加注重社会建设，着力保障和改善民生", 14),
    ]
    runs += [(20.0, 28.0, "cjk", "指标", 14), (20.0 + 4.6 * em, 28.0, "cjk", "目标值", 14)]  # a table's row
    _, read = read_document(_placed_pdf(cjk_font, tmp_path / "heading.pdf", [runs]))
    assert read.split("\n") == ["（六） 更加注重社会建设，着力保障和改善民生", "指标\t目标值"]
