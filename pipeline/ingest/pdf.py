"""Text of a PDF with a text layer, as paragraphs: lines the layout broke are rejoined,
running headers, footers and page numbers dropped.

Plans are often published as PDF attachments (the 平潭 2016 government work report
exists only as one). pypdfium2 (PDFium, the engine of Chrome's viewer; BSD-3/Apache-2.0
wheels that bundle the library, nothing downloaded at run time) gives each page's text
in reading order with a line break at the end of every layout line. A page line is
joined to the next unless the paragraph visibly ends there: the next line opens with a
heading marker (一、 （一） 1.) after a line that ended short, or with a sentence's end in a
text that does not mark paragraphs by indentation; an indent (by position, or typed as
ideographic spaces, measured from the edge of the line's column where a page is set in
columns) or a wider vertical gap; or this line ends a clause and stops short of the text
width. A line that recurs at the top or bottom of most pages (the plan's title as a
running header) and page numbers (- 3 -, 第3页, 3/12) are dropped. A scanned
PDF has no text layer: it fails alone, saying so.
"""

from __future__ import annotations

import ctypes
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace

import regex

from extractors.char_classes import (
    CLOSING,
    COLONS,
    FULL_STOP,
    HAN,
    LINE_HEAD_WORD,
    NEARLY_WIDE,
    NOT_AT_LINE_HEAD,
    OPENING,
    SEAM,
    SENTENCE_STOPS,
    SPACES,
    char_class,
    seam_room,
)
from pipeline.errors import DocumentError
from pipeline.ingest.cells import display_width, producer_room
from pipeline.ingest.layout_words import patterns as _patterns

NO_TEXT_LAYER = "no text layer: run OCR first (e.g. ocrmypdf -l chi_sim FILE.pdf OUT.pdf)"

_SPACES = SPACES
# a line that ends a clause: a stop, a colon or a semicolon, closing marks after it (…。”);
# a closing quote alone ends nothing (解决“条条”和“块块”|的矛盾)
_CLAUSE_END = regex.compile(char_class(SENTENCE_STOPS + COLONS) + char_class(CLOSING) + "*$")
# a line that ends a sentence: its last stop (not ；, which goes on a list), closers, spaces
_SENTENCE_END = regex.compile(FULL_STOP.pattern + char_class(CLOSING) + "*" + char_class(SPACES) + "*$")


# where a row stands: the index of its first glyph in its text, that glyph's left x, its
# baseline and type size, and the right x of the row's last character
# and the faces (font and weight) of its first and last Han characters
_Place = tuple[int, float, float, float, float, str, str]


@dataclass(frozen=True, slots=True)
class Line:
    """A layout line of a page: its text, and whether it starts indented or after a
    larger vertical gap than the lines of a paragraph (both open a paragraph)."""

    text: str
    indented: bool
    gap_before: bool = False
    baseline: float | None = None  # in em above the page's foot (PDF: y grows upward)
    size: float | None = None  # the type size of its first glyph
    room: float | None = None  # characters of its type between its end and its column's right edge
    centred: bool = False  # as far from its column's right edge as from its left, and well in
    faces: tuple[str, str] | None = None  # font and weight of its first and last Han characters


def pdf_pages(raw: bytes, path: str) -> list[list[Line]]:
    """The layout lines of every page (``raw``: the PDF's bytes).

    Indentation comes from the characters' positions (a first line indented with two
    ideographic spaces keeps no space in the text layer of many PDFs).
    """
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        raise DocumentError(path, f"not a readable PDF ({exc})") from exc
    try:
        return [_page_lines(page) for page in pdf]
    finally:
        pdf.close()


def _is_glyph(ch: str) -> bool:
    """A character whose box starts where its cell starts (Han, letter, digit); the
    boxes of full-width punctuation (“ （ ，) sit inside their cell."""
    return ch.isalnum()


def _cells(s: str) -> float:
    """Width of ``s`` in em: full-width characters take one, others half."""
    return sum(1.0 if ord(ch) >= 0x2E80 else 0.5 for ch in s)


# a placeholder for a space PDFium generated at a gap in the layout, and the width in em
# from which such a gap splits a table's cells
_GAP, CELL_GAP = "\x00", 1.0


def _page_lines(page) -> list[Line]:
    import pypdfium2.raw as pdfium_raw

    textpage = page.get_textpage()
    try:
        n = textpage.count_chars()
        text = textpage.get_text_range(0, n) if n else ""
        rows: list[tuple[str, _Place | None]] = []
        current: list[str] = []
        first = None  # index in the line, left x, baseline and size of its first glyph
        loose = None  # the same of its first mark, for a row without a glyph (a stop alone)
        last = -1  # the index of the row's last character
        hans: list[int] = []  # the indexes of the row's first and last Han characters, once met
        advances: list[float] = []
        prev_left = None
        gaps: list[float] = []  # the width of each gap PDFium filled with a space (GAP in the rows)
        for i, ch in enumerate(text[:n]):
            if (
                ch == " "
                and 0 < i < n - 1
                and text[i + 1] not in "\r\n"
                and pdfium_raw.FPDFText_IsGenerated(textpage, i)
            ):
                # a gap in the layout, not a space of the text: a table's cells are set apart so.
                # Measured between the characters' cells, not their ink: a full-width mark's ink
                # fills half its cell (由于 “四人帮”: a cell's width of ink gap, half a cell's room)
                gaps.append(_cell(textpage, i + 1, pdfium_raw).left - _cell(textpage, i - 1, pdfium_raw).right)
                current.append(_GAP)
                prev_left = None
                continue
            if ch in "\r\n":
                if ch == "\n" or (i + 1 < n and text[i + 1] != "\n"):
                    rows.append(("".join(current), _ended(first or loose, textpage, last, hans, pdfium_raw)))
                    current, first, loose, prev_left, hans = [], None, None, None, []
                continue
            if _is_glyph(ch) and (first is None or len(advances) < 400):
                box = textpage.get_charbox(i)
                if first is None:
                    first = (
                        len(current),
                        box[0],
                        _baseline(textpage, i, pdfium_raw),
                        pdfium_raw.FPDFText_GetFontSize(textpage, i),
                    )
                han = "\u4e00" <= ch <= "\u9fff"
                if prev_left is not None and han and box[0] > prev_left:
                    advances.append(box[0] - prev_left)
                prev_left = box[0] if han else None
                if han:
                    hans = [hans[0] if hans else i, i]
            else:
                prev_left = None
                if first is None and loose is None and ch not in _SPACES:
                    loose = (
                        len(current),
                        textpage.get_charbox(i)[0],
                        _baseline(textpage, i, pdfium_raw),
                        pdfium_raw.FPDFText_GetFontSize(textpage, i),
                    )
            current.append(ch)
            if ch not in _SPACES:
                last = i
        if current:
            rows.append(("".join(current), _ended(first or loose, textpage, last, hans, pdfium_raw)))
    finally:
        textpage.close()
        page.close()
    em = sorted(advances)[len(advances) // 2] if advances else 10.0
    if gaps:
        # a gap of a cell's width or more splits a table's cells (a tab, as a spreadsheet
        # copies them), a narrower one is a space; but where gaps stand between most of a
        # line's characters they spread it to the width (a justified line holding a long
        # figure, a letter-spaced heading: 收 为 9 ， 970 ， 000 … 占 本 年): no gaps at all
        widths = iter(gaps)
        # Word and WPS leave room between every Han character and a figure or a Latin word
        # (中文与西文之间自动调整间距): where a page shows it at most such places, it is no space
        seams = [len(_BOUNDARY.findall(t)) for t, _ in rows]
        gapped = [len(_BOUNDARY_GAP.findall(t)) for t, _ in rows]
        autospace = producer_room(sum(seams), sum(gapped), _AUTOSPACE_SEAMS)

        _, markers, _ = _patterns()

        def filled(t: str) -> str:
            spread = 2 * t.count(_GAP) >= len(t.replace(_GAP, "").strip(_SPACES))
            # a heading's one gap, after its marker, is the space a justified line stretched
            # (（六） 更加注重社会建设…), no table's cell boundary
            head = markers.match(t.lstrip(_SPACES))
            titled = t.count(_GAP) == 1 and head is not None and t.lstrip(_SPACES)[head.end() :].startswith(_GAP)

            def fill(m: regex.Match) -> str:
                width = next(widths)
                return " " if titled else _filler(width, em, spread or (autospace and _autospace(t, m.start())))

            return regex.sub(_GAP, fill, t)

        rows = [(filled(t), f) for t, f in rows]
    rows = _same_line_rows([r for r in rows if r[0].strip(_SPACES)], em)
    # where each line's text starts: its first glyph, less the cells of the marks before it
    # whose boxes sit inside their cells (“ （); spaces typed before it are indentation
    # (Word and WPS users indent first lines with two ideographic spaces)
    starts = [
        None if f is None or not any(map(_is_glyph, t)) else f[1] - em * _cells(t[: f[0]].lstrip(_SPACES))
        for t, f in rows
    ]
    lefts = [x for x in starts if x is not None]
    # the text's left edge: the leftmost place three lines start at (a printed web page's
    # date and address stand left of its text, once a page), else the leftmost start
    shared = [x for x in lefts if sum(abs(y - x) <= _SAME_START * em for y in lefts) >= _COLUMN_LINES]
    margin = min(shared or lefts) if lefts else 0.0
    columns = _columns(lefts, margin, em)
    # the step between the baselines of a paragraph's lines; a larger one, by a quarter of a
    # character or more, is space between paragraphs (Word's 段后 0.5 行) or before a heading
    baselines = [f[2] for _, f in rows if f is not None]
    steps = sorted(a - b for a, b in zip(baselines, baselines[1:]) if a > b)
    pitch = steps[len(steps) // 2] if steps else None
    sizes = sorted(f[3] for _, f in rows if f is not None)
    size = sizes[len(sizes) // 2] if sizes else 0.0
    lefts_of = [
        max((c for c in columns if x is not None and c <= x + _SAME_START * em), default=margin) for x in starts
    ]
    # each column's right edge: where half its lines not ending in a stop end, or further right
    # (a justified text's all end there; a ragged text's full lines near it)
    ends: dict[float, list[float]] = {}
    for (t, f), left in zip(rows, lefts_of):
        # a line ending in a stop may hang it past the edge
        if f is not None and t.rstrip(_SPACES)[-1:] not in NOT_AT_LINE_HEAD:
            ends.setdefault(left, []).append(f[4])
    edges = {c: sorted(v)[int(len(v) * _RIGHT_EDGE)] for c, v in ends.items() if len(v) >= _EDGE_LINES}
    out = []
    for k, ((t, f), x) in enumerate(zip(rows, starts)):
        prev = rows[k - 1][1] if k else None
        gap = (
            pitch is not None
            and f is not None
            and prev is not None
            # lines in a larger type (a heading's) stand about that much further apart: a
            # rougher measure, so a larger step tells a gap there
            and prev[2] - f[2]
            > (pitch + _PARAGRAPH_SPACE * em if f[3] <= size else pitch * f[3] / size + _SCALED_SPACE * em)
        )
        left = lefts_of[k]
        edge = edges.get(left)
        centred = (
            x is not None
            and f is not None
            and edge is not None
            and x - left >= _CENTRED * em
            and abs((x - left) - (edge - f[4])) <= _CENTRED_SLACK * em
        )
        out.append(
            Line(
                t,
                x is not None and x - left >= 1.5 * em,
                gap,
                None if f is None else f[2] / em,
                None if f is None else f[3],
                # in characters of the line's own type (a heading's are larger)
                None if f is None or edge is None else max(0.0, edge - f[4]) / (em * (f[3] / size if size else 1.0)),
                centred,
                None if f is None or len(f) < 7 else (f[5], f[6]),
            )
        )
    return out


_SAME_START = 0.25  # em: lines starting this close start at one place
_PARAGRAPH_SPACE = 0.12  # em: a step between baselines this much over the pitch is a gap
_SCALED_SPACE = 0.25  # em: the same, over the pitch scaled for a line in larger type
_SAME_BASELINE = 0.15  # em: rows whose baselines differ by less stand on one line
_RIGHT_EDGE = 0.5  # a column's right edge: where this share of its lines end, or further right
_EDGE_LINES = 3  # lines a column holds, at least, to tell its right edge
_HALF_WIDTH = 0.6  # em: a half-width glyph's width, at most
_CENTRED = 3.0  # em: a line set in from its column's edge this far, at least, may be centred
_CENTRED_SLACK = 1.5  # em: a centred line stands this close to midway (a header may set the margin left of the text)
_SIZE_STEP = 0.04  # a line in type this much larger or smaller than the line before is set apart
_ROUNDING = 0.03  # em: places that differ by less are one place written with rounding
# marks a Latin font may set off the Han characters' line: quotes, and what follows a quote
_SPLITS_ROWS = frozenset(OPENING + CLOSING + NOT_AT_LINE_HEAD)


def _cell(textpage, i: int, pdfium_raw):
    """Character ``i``'s cell: PDFium's loose box, its advance, not its ink (a stop's ink ends
    halfway across its cell, a full-width quote's fills its right half)."""
    cell = pdfium_raw.FS_RECTF()
    pdfium_raw.FPDFText_GetLooseCharBox(textpage, i, ctypes.byref(cell))
    return cell


def _ended(
    start: tuple[int, float, float, float] | None, textpage, last: int, hans: list[int], pdfium_raw
) -> _Place | None:
    """``start`` with the right x of the character ``last``'s cell (its advance, not its
    ink: a stop's box ends halfway across its cell; ``pdfium_raw``: PDFium's C functions) and
    the faces of the Han characters at ``hans`` (the row's first and last)."""
    if start is None:
        return None
    first, end = (_face(textpage, hans[0], pdfium_raw), _face(textpage, hans[-1], pdfium_raw)) if hans else ("", "")
    return (*start, _cell(textpage, last, pdfium_raw).right, first, end)


def _face(textpage, i: int, pdfium_raw) -> str:
    """Character ``i``'s font and weight: its font's name, and bold where its weight says so
    or where it is drawn stroked as well as filled (a bold a font lacks, made by the producer:
    LibreOffice's headings in WenQuanYi Zen Hei)."""
    name = ctypes.create_string_buffer(128)
    pdfium_raw.FPDFText_GetFontInfo(textpage, i, name, len(name), None)
    weight = pdfium_raw.FPDFText_GetFontWeight(textpage, i)
    mode = pdfium_raw.FPDFTextObj_GetTextRenderMode(pdfium_raw.FPDFText_GetTextObject(textpage, i))
    bold = weight >= _BOLD or mode in _STROKED
    return f"{name.value.decode('latin-1')}{'/bold' if bold else ''}"


_BOLD = 600  # a font weight this heavy or heavier is bold
_STROKED = (1, 2, 5, 6)  # render modes that stroke the glyphs' outlines (FPDF_TEXTRENDERMODE_*)


def _baseline(textpage, i: int, pdfium_raw) -> float:
    """The baseline of character ``i`` (its origin's y): the same for every glyph of a line,
    where a box's top differs from 一 to 国 by half a character (``pdfium_raw``: PDFium's C
    functions, imported where PDFs are read)."""
    x, y = ctypes.c_double(), ctypes.c_double()
    pdfium_raw.FPDFText_GetCharOrigin(textpage, i, ctypes.byref(x), ctypes.byref(y))
    return y.value


_COLUMN_GAP = 5.0  # em: a second column starts at least this far right of the page's text
_COLUMN_LINES = 3  # lines that start at a place, at least, for it to be a column's edge


def _same_line_rows(rows: list[tuple[str, _Place | None]], em: float) -> list[tuple[str, _Place | None]]:
    """Rows PDFium broke within one line joined again: a quote set in a Latin font (Word
    sets “ ” in Times New Roman unless told otherwise) sits higher than the Han characters
    around it, and PDFium starts a new row at it (江泽民同志指出：|“发展要有新, 三角债 ”|，提高). A
    row going on to the right on the baseline of the row before, at such a mark, is the same
    line (a second column's line beside it is not: no mark stands between); so is a stop
    hanging past the margin after such a quote, a row of its own (…“最多跑一次”|。)."""
    out: list[tuple[str, _Place | None]] = []
    for text, first in rows:
        before = out[-1][1] if out else None
        if (
            first is not None
            and before is not None
            and abs(first[2] - before[2]) < _SAME_BASELINE * em
            and first[1] > before[1] + em
            and (text.lstrip(_SPACES)[:1] in _SPLITS_ROWS or out[-1][0].rstrip(_SPACES)[-1:] in _SPLITS_ROWS)
        ):
            out[-1] = (out[-1][0] + text, (*before[:4], first[4], *before[5:6], *first[6:7]))
        else:
            out.append((text, first))
    return out


def _columns(lefts: list[float], margin: float, em: float) -> list[float]:
    """Where the columns of a page start: the page's text margin, and a place further right
    where lines start again (a gazette or a newspaper sets its text in two or more columns)
    that is no first lines' indentation: lines start there a few times, and far fewer start
    just left of it (a centred header may; where a column's lines start just left of it,
    it is their first lines' indentation)."""
    columns = [margin]
    xs = sorted(lefts)
    for x in xs:
        if x - columns[-1] < _COLUMN_GAP * em:
            continue
        near = bisect_right(xs, x + _SAME_START * em) - bisect_left(xs, x - _SAME_START * em)
        just_left = bisect_left(xs, x - _SAME_START * em) - bisect_left(xs, x - 2.5 * em)
        if near >= _COLUMN_LINES and just_left * 2 < near:
            columns.append(x)
    return columns


def _autospace(t: str, k: int) -> bool:
    """Is the gap at ``k`` the room Word and WPS leave between a Han character and a digit or
    Latin letter (中文与西文之间自动调整间距: 1957 年 6 月), no space of the text?"""
    return _BOUNDARY_GAP.match(t, k) is not None


# a Han character beside a figure or a Latin word, touching or a gap apart
# a seam without a gap counts against Word's room only between a Han character and a digit or
# a Latin letter: LibreOffice leaves none after % (8%左右), where Word and WPS may
_BOUNDARY = SEAM
_BOUNDARY_GAP = seam_room(_GAP)
_AUTOSPACE_SEAMS = 1  # such gaps on a page, at least, to be the producer's room (cells.producer_room)


def _filler(width: float, em: float, spread: bool) -> str:
    """What a gap PDFium filled with a space stands for: nothing where it spreads a line,
    a table's cell boundary from a character's width, else a space."""
    return "" if spread else "\t" if width >= CELL_GAP * em else " "


def _mask(line: str) -> str:
    """A line with its digits masked, so a running header with a page number repeats, and
    its parts apart by a gap in one order, so a header whose parts change sides on odd and
    even pages (公报名 | 2024年第5期) is one header."""
    parts = regex.split(char_class(_SPACES) + "{2,}|\t", regex.sub(r"\d+", "#", line.strip(_SPACES)))
    return "\t".join(sorted(p for p in parts if p))


def drop_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Drop lines that recur at the top or bottom of at least half the pages, once a page
    (a title under a running header of the same words is the text's), headers naming the
    chapter (below), and page numbers at the top or bottom of a page."""
    page_number, _, _ = _patterns()
    slots = (0, 1, -2, -1)  # a page's first two and last two lines
    at_edges: list[dict[int, str]] = []
    for lines in pages:
        content = [ln.text for ln in lines if ln.text.strip(_SPACES)]
        at_edges.append({p: _mask(content[p]) for p in slots if -len(content) <= p < len(content)})
    edge = Counter(m for e in at_edges for m in set(e.values()))
    # recurring: on two pages at least (with two pages, half of them is one: every edge line)
    running = {m for m, n in edge.items() if n >= 2 and n * 2 >= len(pages) - 1 and m}
    chapter = _chapter_headers(at_edges, edge, running, pages)
    # the side of the page (top, foot) each running line stands at; elsewhere it is the
    # text's (a chapter header on most pages, and its heading atop the chapter's first page)
    sides = Counter((m, p >= 0) for e in at_edges for p, m in e.items() if m in running)
    usual = {(m, top) for (m, top), n in sides.items() if n * _SIDE_SHARE >= edge[m]}
    out = []
    for lines in pages:
        kept: list[Line] = []
        dropped_before = False
        content = [k for k, ln in enumerate(lines) if ln.text.strip(_SPACES)]
        edges = set(content[:2] + content[-2:])  # a page number stands at the top or bottom
        # a number alone on a line inside the page is text the layout wrapped (…建议|1998|年是…)
        numbers = {k for k in edges if page_number.fullmatch(lines[k].text.strip(_SPACES))}
        # a running line stands once on a page: the title under a header of its words stays,
        # and so does a chapter's heading at the page's top when its header stands by the
        # page number at the foot (drawn last, copied last)
        dropped: dict[str, int] = {}
        for k in sorted(edges, key=lambda k: (k - 1 not in numbers and k + 1 not in numbers, k)):
            top = k in content[:2]
            if (mask := _mask(lines[k].text)) in running and mask not in dropped and (mask, top) in usual:
                dropped[mask] = k
        if chapter is not None and -len(content) <= chapter[1] < len(content):
            k = content[chapter[1]]
            if (mask := _mask(lines[k].text)) in chapter[0]:
                dropped[mask] = k
        for k, ln in enumerate(lines):
            if k in numbers or k in dropped.values():
                dropped_before = True
                continue
            if dropped_before and not kept:  # the gap below a running header opens nothing
                ln = replace(ln, gap_before=False)
            kept.append(ln)
            dropped_before = False
        out.append(kept)
    return out


def _chapter_headers(
    at_edges: list[dict[int, str]], edge: Counter, running: set[str], pages: list[list[Line]]
) -> tuple[set[str], int] | None:
    """A header naming the chapter (the latest 一、… heading), and the place on the page it
    stands at (first or last lines, as the page's drawing put it), or None. Such headers
    recur on their chapter's pages only, each at the edge of two pages or more, and stand,
    with the document's own header (on the left-hand pages), at the edge of most pages;
    a chapter of one page shows its header at that place, in words that stand elsewhere in
    the text too (the chapter's heading). Only that place is dropped: the heading itself
    may stand at a page's edge."""
    again = {m for m, n in edge.items() if n >= 2 and m and m not in running and _CLAUSE_END.search(m) is None}
    own = {m for m in running if HAN.search(m)}  # the document's header (page numbers, 3/56, are none)
    places = Counter(p for e in at_edges for p, m in e.items() if m in again)
    if not places and sum(bool(set(e.values()) & own) for e in at_edges) * 4 < 3 * len(pages):
        # chapters of a page or two, each header standing once: at the document header's place
        places = Counter(p for e in at_edges for p, m in e.items() if m in own)
    if not places:
        return None
    slot = places.most_common(1)[0][0]
    # at that place, a header naming a heading that is a sentence (四、…必须…。) recurs too
    at_slot = {e.get(slot) for e in at_edges}
    again |= {m for m in edge if edge[m] >= 2 and m not in running and len(m) >= _HEADER_SENTENCE and m in at_slot}
    # where the words stand in the text: on a line, or over two or three (a long heading)
    anywhere: Counter[str] = Counter()
    for lines in pages:
        texts = [ln.text.strip(_SPACES) for ln in lines if ln.text.strip(_SPACES)]
        for n in (1, 2, 3):
            anywhere.update(_mask("".join(texts[k : k + n])) for k in range(len(texts) - n + 1))
    alone = {m for e in at_edges if (m := e.get(slot)) and anywhere[m] >= 2 and _CLAUSE_END.search(m) is None}
    headers = again | alone | own
    if sum(bool(set(e.values()) & headers) for e in at_edges) * 4 < 3 * len(pages):
        return None
    return again | alone, slot


_SIDE_SHARE = 4  # a running line stands on a side of the page on one in this many pages, at least
_HEADER_SENTENCE = 8  # characters, at least, of a recurring header ending a sentence
_INDENTED_LINES = 3  # indented lines, at least, for a text to mark its paragraphs by indentation


def _ended_early(pages: list[list[Line]]) -> set[int]:
    """The last lines (their indexes over all pages) of pages that end a line's room or
    more above the text's foot: a line would have fit there, so the page broke before a
    paragraph (the space before it did not fit, a heading kept with its text went over) —
    or before a paragraph's last lines kept together (widow control)."""
    ends: list[tuple[int, float, float]] = []  # index, baseline, the page's pitch (in em)
    k = 0
    for lines in pages[:-1]:
        ys = [ln.baseline for ln in lines if ln.baseline is not None]
        steps = sorted(a - b for a, b in zip(ys, ys[1:]) if a > b)
        k += len(lines)
        if steps and lines[-1].baseline is not None:
            ends.append((k - 1, lines[-1].baseline, steps[len(steps) // 2]))
    if len(ends) < 2:
        return set()
    feet = sorted(y for _, y, _ in ends)
    # the foot: the lowest place two pages' text ends at (not one page's stray line)
    foot = next((a for a, b in zip(feet, feet[1:]) if b - a <= _SAME_BASELINE), feet[0])
    return {i for i, y, pitch in ends if y - pitch > foot - _ROUNDING}


def _resized(before: float | None, after: float | None) -> bool:
    return before is not None and after is not None and abs(after - before) > _SIZE_STEP * min(before, after)


def _restyled(before: Line, after: Line) -> bool:
    """Does the last Han character of ``before`` stand in another face (font, weight) than
    the first of ``after``? (Not known for a line without a Han character.)"""
    last = before.faces[1] if before.faces else ""
    first = after.faces[0] if after.faces else ""
    return bool(last and first) and last != first


def _next_word_fits(line: Line, following: str) -> bool:
    """Would the first word of the ``following`` line have fit in the room ``line`` left?
    A layout breaks a line where the next word no longer fits; where it would have, the
    paragraph ended."""
    head = following.strip(_SPACES)
    opened = len(head) - len(head.lstrip(OPENING))  # an opening mark goes down with what it opens
    word = LINE_HEAD_WORD.match(head, opened)
    if line.room is None or word is None:
        return False
    # a Chinese font sets marks of ambiguous width (“ — …) full width, and % @ M W nearly;
    # other half-width glyphs a little over half
    width = sum(1.0 if display_width(c) == 2 or c in NEARLY_WIDE else _HALF_WIDTH for c in head[: word.end()])
    return line.room + _ROUNDING >= width  # a word filling the room exactly fits


def join_lines(pages: list[list[Line]]) -> str:
    """Paragraphs, one per line, from the layout lines of all pages."""
    _, markers, prefix = _patterns()
    early = _ended_early(pages)
    lines = [ln for page in pages for ln in page]
    widths = [_cells(ln.text.strip(_SPACES)) for ln in lines]  # in em: digits take half a cell
    full = sorted(widths)[int(len(widths) * 0.9)] if widths else 0  # a full line's length
    numbered = [
        i
        for i, ln in enumerate(lines)
        if i and markers.match(body := ln.text.strip(_SPACES), (h.end() if (h := prefix.match(body)) else 0))
    ]
    # a text that indents the first lines of its paragraphs, numbered ones too (none stands
    # flush left after a short line): there a numbered line flush left after a full line
    # ending a sentence goes on in its paragraph (…请看事实：第一，…。|第二，…)
    indenting = sum(ln.indented for ln in lines) >= _INDENTED_LINES and not any(
        not lines[i].indented and widths[i - 1] < 0.85 * full for i in numbered
    )
    sizes = Counter(round(ln.size, 1) for ln in lines if ln.size is not None)
    body_size = sizes.most_common(1)[0][0] if sizes else None
    paragraphs: list[str] = []
    current = ""
    for i, line in enumerate(lines):
        body = line.text.strip(_SPACES)
        if "\t" in body:  # a table's row: a line of its own
            if current:
                paragraphs.append(current)
            paragraphs.append(body)
            current = ""
            continue
        head = prefix.match(body)
        # a marker opens a paragraph where the line before ended it: stopped short of the
        # text width or with a sentence's end; after a full line running on (…公开|（一）…,
        # a page dump) or announcing a list (国务院已经决定：|第一、…) the layout wrapped there
        ended = i > 0 and (
            widths[i - 1] < 0.85 * full or (not indenting and _SENTENCE_END.search(lines[i - 1].text) is not None)
        )
        opens_heading = ended and markers.match(body, head.end() if head else 0) is not None
        # type of another size: a heading's lines, or the text after them (over a page
        # break, where no space before a heading is left to see)
        resized = i > 0 and _resized(lines[i - 1].size, line.size)
        # a heading goes on, centred, on a line that only looks indented (set in larger type,
        # or standing midway: as far from the right edge as from the left)
        centred = (
            i > 0
            and not resized
            and _CLAUSE_END.search(lines[i - 1].text) is None
            and (
                line.centred
                or (line.size is not None and body_size is not None and line.size > body_size * (1 + _SIZE_STEP))
            )
        )
        # the face of the type changing between lines ended a heading (一、 in 黑体 over text in
        # 仿宋; a bold a font lacks, stroked), unless the line before ended in a stop or a mark
        restyled = (
            i > 0
            and _restyled(lines[i - 1], line)
            and lines[i - 1].text.rstrip(_SPACES)[-1:] not in NOT_AT_LINE_HEAD
            and FULL_STOP.search(lines[i - 1].text) is None  # a run-in heading's first line goes on
        )
        if current and ((line.indented and not centred) or line.gap_before or opens_heading or resized or restyled):
            paragraphs.append(current)
            current = ""
        current += body
        short = widths[i] < 0.85 * full or i in early
        if _next_word_fits(line, lines[i + 1].text if i + 1 < len(lines) else "") and (
            _CLAUSE_END.search(body) or FULL_STOP.search(current) is None
        ):
            # the layout did not break this line: the paragraph (or a heading) ended. A line
            # broken inside a sentence with room to spare is a layout breaking only at spaces
            # (a page dump set so: 累计达到|7071万元、…)
            paragraphs.append(current)
            current = ""
        elif short and _CLAUSE_END.search(body):
            paragraphs.append(current)
            current = ""
        elif short and widths[i] <= 0.6 * full and not any(c in body for c in "。，；"):
            paragraphs.append(current)  # a heading or title on a line of its own
            current = ""
    if current:
        paragraphs.append(current)
    return "\n".join(paragraphs)


def pdf_to_text(raw: bytes, path: str) -> str:
    """The decoded text of a PDF, or DocumentError (no text layer, unreadable file)."""
    pages = pdf_pages(raw, path)
    if not any(ln.text.strip(_SPACES) for lines in pages for ln in lines):
        raise DocumentError(path, NO_TEXT_LAYER)
    return join_lines(drop_running_lines(pages))
