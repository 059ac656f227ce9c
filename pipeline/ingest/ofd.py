"""Text of an OFD file (GB/T 33190, China's standard for fixed-layout official documents), as
paragraphs.

Government bodies publish documents as OFD beside or instead of PDF. An OFD is a zip of XML:
``OFD.xml`` names the document's root, whose ``Document.xml`` lists the pages in order; a
page's ``Content.xml`` holds text objects, each a box (``Boundary``, in millimetres from the
page's top left) with runs of characters (``TextCode``: the first character's position in
the box, the advances of the rest in ``DeltaX``, where ``g 10 4.2`` stands for ten advances of
4.2, and in ``DeltaY`` where a run goes down), a font size and an optional transformation
(``CTM``). The characters are placed on the page, set into lines by their baselines (a page
in two columns read column by column), and the lines handed to the layout reader the PDF
reader uses (:func:`pipeline.ingest.pdf.join_lines`: indentation, vertical gaps, running
headers and page numbers). Templates, where producers put a page's furniture, are not read.
Standard library only; every part is read within the budget a .docx has (a zip bomb fails its
document alone). An OFD of scanned pages holds images only: it fails, saying so.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate
from xml.etree import ElementTree

from extractors.char_classes import NOT_AT_LINE_HEAD, SPACES
from pipeline.errors import DocumentError
from pipeline.ingest.cells import display_width
from pipeline.ingest.office import BROKEN, pieces
from pipeline.ingest.pdf import CELL_GAP, Line, drop_running_lines, join_lines
from pipeline.limits import limits

NO_TEXT = "no text: the OFD holds images only (a scan): run OCR first"
_SAME_LINE = 0.5  # baselines closer than half a character belong to one line
_DEFAULT_SIZE = 3.0  # millimetres: a character's size where the producer gave none (11 pt is 3.9)
_SPACE_GAP = 0.2  # a narrower gap of a fifth of a character is a space (a Latin word space)


@dataclass(frozen=True, slots=True)
class _Glyph:
    x: float  # left edge on the page, millimetres
    y: float  # baseline, millimetres from the top
    em: float  # the font size on the page
    char: str


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ElementTree.Element, name: str) -> list[ElementTree.Element]:
    return [e for e in element.iter() if _local(e.tag) == name]


def _numbers(value: str | None) -> list[float]:
    """``1 2.5 3`` → [1, 2.5, 3]; ``g 3 4.2`` (OFD's shorthand) → [4.2, 4.2, 4.2]."""
    out: list[float] = []
    words = (value or "").split()
    k = 0
    while k < len(words):
        if words[k] == "g" and k + 2 < len(words):
            out += [float(words[k + 2])] * int(float(words[k + 1]))
            k += 3
        else:
            out.append(float(words[k]))
            k += 1
    return out


def _part(zf: zipfile.ZipFile, names: dict[str, str], name: str, path: str, budget: int) -> ElementTree.Element:
    """One XML part, its name as the package writes it (absolute, or relative to the root;
    ``names``: the package's part names without a leading slash)."""
    wanted = posixpath.normpath(name.replace("\\", "/")).lstrip("/")
    if wanted not in names:
        raise DocumentError(path, f"not a valid OFD file (no part {name})")
    return ElementTree.fromstring(b"".join(pieces(zf, zf.getinfo(names[wanted]), budget, path, "OFD")))


def _glyphs(page: ElementTree.Element) -> list[_Glyph]:
    """Every character of a page's text objects, placed on the page."""
    out: list[_Glyph] = []
    for obj in _children(page, "TextObject"):
        box = _numbers(obj.get("Boundary")) + [0.0, 0.0]
        a, b, c, d, e, f = (_numbers(obj.get("CTM")) + [0.0] * 6)[:6] if obj.get("CTM") else (1, 0, 0, 1, 0, 0)
        scale = abs(a * d - b * c) ** 0.5 or 1.0
        given = float(obj.get("Size") or 0)  # a producer may leave it out: then the advances tell
        size = given * scale
        x = y = 0.0
        for code in _children(obj, "TextCode"):
            x = float(code.get("X") or x)
            y = float(code.get("Y") or y)
            advances = _numbers(code.get("DeltaX"))
            drops = _numbers(code.get("DeltaY"))  # a code running down (vertical text, or onto a next line)
            chars = [ch for ch in code.text or "" if ch not in "\r\n\t"]
            for k, ch in enumerate(chars):
                if ch not in SPACES:
                    out.append(_Glyph(box[0] + a * x + c * y + e, box[1] + b * x + d * y + f, size, ch))
                if k < len(advances):
                    x += advances[k]
                elif not drops:
                    x += (given or _DEFAULT_SIZE / scale) * display_width(ch) / 2
                if k < len(drops):
                    y += drops[k]
    return out


def _page_em(rows: list[list[_Glyph]]) -> float:
    """A page's character width: the font size most glyphs have, or where a producer gave
    none, the advance most wide characters take from one to the next (``rows`` left to right)."""
    sizes = sorted(g.em for row in rows for g in row if g.em)
    if sizes:
        return sizes[len(sizes) // 2]
    steps = sorted(b.x - a.x for row in rows for a, b in zip(row, row[1:]) if display_width(a.char) == 2 and b.x > a.x)
    return steps[len(steps) // 2] if steps else 1.0


def _lines(glyphs: list[_Glyph], edge_before: float | None = None) -> tuple[list[Line], float | None]:
    """A page's layout lines: glyphs on one baseline, left to right, a gap of a character or
    more a tab (a table's cells), a narrower one a space; a page set in two columns read
    column by column (:func:`_in_columns`); a line indented when it starts a character and a
    half or more right of its column's text, a gap before it when it stands further below the
    line above than lines of a paragraph do. Also the second column's edge, if any, for the
    next page (``edge_before``: the page before's)."""
    rows: list[list[_Glyph]] = []
    for g in sorted(glyphs, key=lambda g: (g.y, g.x)):
        if rows and g.y - rows[-1][0].y <= _SAME_LINE * (max(g.em, rows[-1][0].em) or _DEFAULT_SIZE):
            rows[-1].append(g)
        else:
            rows.append([g])
    if not rows:
        return [], edge_before
    for row in rows:
        row.sort(key=lambda g: g.x)
    em = _page_em(rows)
    page_left = min(row[0].x for row in rows)
    edge = _column_edge(rows, em, page_left, edge_before)
    ordered = _in_columns(rows, em, page_left, edge)
    steps = sorted(b[0].y - a[0].y for a, b in zip(rows, rows[1:]))
    pitch = steps[len(steps) // 2] if steps else None
    out = []
    for k, (row, left) in enumerate(ordered):
        text = row[0].char
        for before, g in zip(row, row[1:]):
            gap = g.x - before.x - (before.em or em) * display_width(before.char) / 2
            text += ("\t" if gap >= CELL_GAP * em else " " if gap >= _SPACE_GAP * em else "") + g.char
        above = ordered[k - 1][0][0].y if k else None
        gap_before = above is not None and pitch is not None and row[0].y - above > 1.5 * pitch
        out.append(Line(text, row[0].x - left >= 1.5 * em, gap_before))
    return out, edge


def _width(g: _Glyph, em: float) -> float:
    return (g.em or em) * display_width(g.char) / 2


def _in_columns(
    rows: list[list[_Glyph]], em: float, page_left: float, edge: float | None
) -> list[tuple[list[_Glyph], float]]:
    """The rows in reading order, each with the left edge of its column. On a page set in two
    columns (a gazette, a newspaper; :func:`_column_edge`) the rows between two rows that run
    across the gutter (a title, a header, a centred page number) are read left column first."""
    if edge is None:
        return [(row, page_left) for row in rows]
    split = edge - em / 4
    out: list[tuple[list[_Glyph], float]] = []
    left: list[list[_Glyph]] = []
    right: list[list[_Glyph]] = []

    def flush() -> None:
        out.extend((r, page_left) for r in left)
        out.extend((r, edge) for r in right)
        left.clear()
        right.clear()

    for row in rows:
        if _spans(row, split, em):
            flush()
            out.append((row, page_left))
            continue
        if part := [g for g in row if g.x < split]:
            left.append(part)
        if part := [g for g in row if g.x >= split]:
            right.append(part)
    flush()
    return out


def _spans(row: list[_Glyph], at: float, em: float) -> bool:
    """Does a row run across ``at`` (a title, a centred page number), not stop short of it
    and go on after a gap (two columns' lines, stops hanging into the gutter)? A glyph
    covers it, or the glyphs on either side of it stand less than a character apart, stops
    and closing marks left out."""
    if any(g.x <= at < g.x + _width(g, em) for g in row):
        return True
    before = [g for g in row if g.x < at]
    while before and before[-1].char in NOT_AT_LINE_HEAD:
        before.pop()  # stops and closing marks hanging past a column's edge into the gutter
    after = [g for g in row if g.x >= at]
    return bool(before and after) and after[0].x - before[-1].x - _width(before[-1], em) < em


_COLUMN_CHARS = 8  # characters a column's lines hold on average, at least
_COLUMN_LINES = 3  # lines, at least, that start at a column's edge


def _column_edge(rows: list[list[_Glyph]], em: float, page_left: float, before: float | None) -> float | None:
    """Where a page's second column starts, if it is set in two: the leftmost place, five
    characters or more right of the page's text, where three lines or more start again after
    a gap of a character and a half (the leftmost such place: the column's indented first
    lines start further right), their runs and the text left of them lines of several
    characters (a table's narrow columns are no text columns); on a page whose second column
    holds a line or two (a document's last page), the page ``before``'s edge where a line
    starts there again — or None."""
    starts: list[tuple[float, int, int]] = []  # where a run after a gap starts, its length, characters before it
    for row in rows:
        begin = 0
        for k in range(1, len(row) + 1):
            if k == len(row) or row[k].x - row[k - 1].x - _width(row[k - 1], em) >= 1.5 * em:
                if begin and row[begin].x - page_left >= 5 * em:
                    starts.append((row[begin].x, k - begin, begin))
                begin = k
    starts.sort()
    xs = [x for x, _, _ in starts]
    runs = list(accumulate((n for _, n, _ in starts), initial=0))  # sums over a window in one step
    leads = list(accumulate((b for _, _, b in starts), initial=0))
    for x in xs:
        lo, hi = bisect_left(xs, x - em / 4), bisect_right(xs, x + em / 4)
        lines = hi - lo
        if lines >= _COLUMN_LINES and min(runs[hi] - runs[lo], leads[hi] - leads[lo]) >= _COLUMN_CHARS * lines:
            return x
    if before is not None and bisect_right(xs, before + em / 4) > bisect_left(xs, before - em / 4):
        return before
    return None


def ofd_pages(raw: bytes, path: str, budget: int) -> list[list[Line]]:
    """The layout lines of every page of an OFD's first document, in the document's order."""
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        names = {n.lstrip("/"): n for n in zf.namelist()}
        root = _part(zf, names, "OFD.xml", path, budget)
        doc_roots = [e.text.strip() for e in _children(root, "DocRoot") if e.text and e.text.strip()]
        if not doc_roots:
            raise DocumentError(path, "not a valid OFD file (OFD.xml names no document)")
        document = _part(zf, names, doc_roots[0], path, budget)
        base = posixpath.dirname(doc_roots[0].replace("\\", "/").lstrip("/"))
        pages = []
        edge = None  # a page set in two columns: the next holds them where the last did
        for page in _children(document, "Page"):
            loc = (page.get("BaseLoc") or "").replace("\\", "/")
            if not loc:
                continue
            name = loc if loc.startswith("/") else posixpath.join(base, loc)
            lines, edge = _lines(_glyphs(_part(zf, names, name, path, budget)), edge)
            pages.append(lines)
        return pages


def ofd_to_text(raw: bytes, path: str, max_xml_bytes: int | None = None) -> str:
    """The decoded text of an OFD, or DocumentError (broken file, no text: a scan)."""
    budget = limits().docx_xml_bytes if max_xml_bytes is None else max_xml_bytes
    try:
        pages = ofd_pages(raw, path, budget)
    except BROKEN as exc:
        raise DocumentError(path, f"not a valid OFD file ({exc})") from exc
    if not any(line.text.strip() for lines in pages for line in lines):
        raise DocumentError(path, NO_TEXT)
    return join_lines(drop_running_lines(pages))
