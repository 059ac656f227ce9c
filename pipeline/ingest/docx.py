"""Text of a .docx, one line per paragraph (a table's row one line, its cells split by
tabs), with the markers Word numbers for it.

A Word file keeps its paragraphs in word/document.xml, read with the standard library in
pieces (memory follows the text, not the XML: an 807 KB .docx that expands to 200 MB used
to take 4.8 GB, and a zip bomb ran out of memory). Plans often number their headings with
Word's automatic numbering: the 一、 （一） 1. of a heading is then not in its text but in
word/numbering.xml (a level's format, 中文 counting or decimal, and its text, ``（%1）``),
applied by the paragraph or by its style. Without them a plan loses the markers its
structure hangs on, so the markers are written back: each numbered paragraph counts on
its list's level (deeper levels restart under it, a list instance may restart a level),
and its marker is the level text with every ``%n`` in the format of level n.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree

from extractors.numerals import to_chinese
from pipeline.errors import DocumentError
from pipeline.ingest.cells import columns_added, spread
from pipeline.ingest.office import BROKEN, expands, pieces
from pipeline.limits import limits

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _letters(n: int, base: str) -> str:
    return base[(n - 1) % 26] * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        while n >= value:
            out, n = out + numeral, n - value
    return out


# Word's number formats (w:numFmt) as the marker shows them; a bullet or none shows no number
_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalEnclosedCircle": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "decimalEnclosedParen": lambda n: f"({n})",
    "chineseCounting": to_chinese,
    "chineseCountingThousand": to_chinese,
    "chineseLegalSimplified": to_chinese,
    "ideographTraditional": to_chinese,
    "japaneseCounting": to_chinese,
    "taiwaneseCounting": to_chinese,
    # digit by digit, zero as Word writes it in this format (二〇一八)
    "ideographDigital": lambda n: "".join("〇" if d == "0" else to_chinese(int(d)) for d in str(n)),
    "upperLetter": lambda n: _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "lowerLetter": lambda n: _letters(n, "abcdefghijklmnopqrstuvwxyz"),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
}


@dataclass(frozen=True, slots=True)
class _Level:
    start: int
    fmt: str
    text: str


@dataclass
class Numbering:
    """The numbering of one document: list definitions, list instances, styles that number
    their paragraphs, and the counters as the paragraphs are read."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId -> ilvl -> level
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId -> (abstract, restarts)
    styles: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)  # styleId -> (numId, ilvl)
    based_on: dict[str, str] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    restarted: set[tuple[str, int]] = field(default_factory=set)

    def style_numbering(self, style: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a paragraph style gives, following what it is based on."""
        num, ilvl, seen = None, None, set()
        while style and style not in seen:
            seen.add(style)
            s_num, s_ilvl = self.styles.get(style, (None, None))
            num = num if num is not None else s_num
            ilvl = ilvl if ilvl is not None else s_ilvl
            style = self.based_on.get(style)
        return num, ilvl

    def marker(self, num_id: str, ilvl: int) -> str:
        """Count one paragraph of list ``num_id`` at level ``ilvl``; its marker text."""
        if num_id not in self.nums or num_id == "0":
            return ""
        abstract, restarts = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract, {})
        if ilvl in restarts and (num_id, ilvl) not in self.restarted:
            self.restarted.add((num_id, ilvl))
            counters[ilvl] = restarts[ilvl] - 1
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a higher level restarts the ones below it
        level = levels[ilvl]
        if level.fmt not in _FORMATS:
            return ""  # a bullet, or no number
        text = level.text
        for k in range(8, -1, -1):
            if f"%{k + 1}" in text:
                lv = levels.get(k)
                n = counters.get(k, lv.start if lv else 1)
                text = text.replace(f"%{k + 1}", _FORMATS.get(lv.fmt if lv else "decimal", str)(n))
        return text


def _val(element: ElementTree.Element | None, name: str = "val") -> str | None:
    return None if element is None else element.get(f"{_W}{name}")


def _num_pr(ppr: ElementTree.Element | None) -> tuple[str | None, int | None]:
    if ppr is None:
        return None, None
    num_pr = ppr.find(f"{_W}numPr")
    if num_pr is None:
        return None, None
    ilvl = _val(num_pr.find(f"{_W}ilvl"))
    return _val(num_pr.find(f"{_W}numId")), int(ilvl) if ilvl and ilvl.isdigit() else None


def read_numbering(zf: zipfile.ZipFile, path: str, max_xml_bytes: int) -> Numbering:
    """The numbering definitions and numbered styles of a .docx (small parts: read whole)."""
    numbering = Numbering()
    for part in ("word/numbering.xml", "word/styles.xml"):
        try:
            info = zf.getinfo(part)
        except KeyError:
            continue
        if info.file_size > max_xml_bytes:
            raise DocumentError(path, expands(".docx", info.file_size, max_xml_bytes))
        root = ElementTree.fromstring(zf.read(info))
        if part.endswith("numbering.xml"):
            for a in root.iter(f"{_W}abstractNum"):
                levels = {}
                for lvl in a.iter(f"{_W}lvl"):
                    start = _val(lvl.find(f"{_W}start"))
                    levels[int(lvl.get(f"{_W}ilvl", "0"))] = _Level(
                        int(start) if start and start.lstrip("-").isdigit() else 1,
                        _val(lvl.find(f"{_W}numFmt")) or "decimal",
                        _val(lvl.find(f"{_W}lvlText")) or "",
                    )
                numbering.levels[a.get(f"{_W}abstractNumId", "")] = levels
            for num in root.iter(f"{_W}num"):
                restarts = {}
                for override in num.iter(f"{_W}lvlOverride"):
                    start = _val(override.find(f"{_W}startOverride"))
                    if start and start.isdigit():
                        restarts[int(override.get(f"{_W}ilvl", "0"))] = int(start)
                numbering.nums[num.get(f"{_W}numId", "")] = (_val(num.find(f"{_W}abstractNumId")) or "", restarts)
        else:
            for style in root.iter(f"{_W}style"):
                style_id = style.get(f"{_W}styleId", "")
                numbering.styles[style_id] = _num_pr(style.find(f"{_W}pPr"))
                based = _val(style.find(f"{_W}basedOn"))
                if based:
                    numbering.based_on[style_id] = based
    return numbering


def _paragraph(p: ElementTree.Element, numbering: Numbering) -> str:
    """A paragraph's text: its runs' text (a tab as a space, a line break as a line break)
    after the marker its numbering gives."""
    parts = []
    for e in p.iter():
        if e.tag == f"{_W}t":
            parts.append(e.text or "")
        elif e.tag == f"{_W}tab" and parts:
            parts.append(" ")
        elif e.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    text = "".join(parts)
    ppr = p.find(f"{_W}pPr")
    num_id, ilvl = _num_pr(ppr)
    if num_id is None or ilvl is None:
        s_num, s_ilvl = numbering.style_numbering(_val(ppr.find(f"{_W}pStyle")) if ppr is not None else None)
        num_id = num_id if num_id is not None else s_num
        ilvl = ilvl if ilvl is not None else (s_ilvl if s_ilvl is not None else 0)
    if num_id is None or not text.strip():
        return text
    return numbering.marker(num_id, ilvl) + text


def docx_to_text(raw: bytes, path: str, max_xml_bytes: int | None = None) -> str:
    """Paragraph texts of a .docx (a zip holding word/document.xml), standard library only;
    more than ``max_xml_bytes`` of XML (default: the limit) fails the document."""
    max_xml_bytes = limits().docx_xml_bytes if max_xml_bytes is None else max_xml_bytes
    paragraphs: list[str] = []
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            info = zf.getinfo("word/document.xml")
            if info.file_size > max_xml_bytes:
                raise DocumentError(path, expands(".docx", info.file_size, max_xml_bytes))
            numbering = read_numbering(zf, path, max_xml_bytes)
            parser = ElementTree.XMLPullParser(events=("start", "end"))
            open_elements: list[ElementTree.Element] = []
            rows: list[_Row] = []  # the table rows being read
            for chunk in pieces(zf, info, max_xml_bytes, path, ".docx"):
                parser.feed(chunk)
                _take_paragraphs(parser, open_elements, paragraphs, numbering, rows)
            parser.close()
            _take_paragraphs(parser, open_elements, paragraphs, numbering, rows)
    except BROKEN as exc:
        raise DocumentError(path, f"not a valid .docx file ({exc})") from exc
    return "\n".join(paragraphs)


@dataclass
class _Row:
    """A table row being read: each cell's paragraphs, and the cells spanning columns
    (cell index -> the columns they add)."""

    cells: list[list[str]] = field(default_factory=list)
    spans: dict[int, int] = field(default_factory=dict)


def _take_paragraphs(
    parser: ElementTree.XMLPullParser,
    open_elements: list,
    paragraphs: list[str],
    numbering: Numbering,
    rows: list[_Row],
) -> None:
    """Take the text of each paragraph finished so far, then drop every finished element
    from the tree (what remains is the path to the element being parsed)."""
    for event, element in parser.read_events():
        if event == "start":
            open_elements.append(element)
            if element.tag == f"{_W}tr":
                rows.append(_Row())
            elif element.tag == f"{_W}tc" and rows:
                rows[-1].cells.append([])
            continue
        open_elements.pop()
        if element.tag == f"{_W}p" and not any(e.tag == f"{_W}p" for e in open_elements):
            text = _paragraph(element, numbering)
            if rows and rows[-1].cells and any(e.tag == f"{_W}tc" for e in open_elements):
                rows[-1].cells[-1].append(text)  # a paragraph of a table cell: the cell's text
            else:
                paragraphs.append(text)
        elif element.tag == f"{_W}gridSpan" and rows and rows[-1].cells:
            added = columns_added(_val(element))
            if added:
                rows[-1].spans[len(rows[-1].cells) - 1] = added
        elif element.tag == f"{_W}tr" and rows:
            # a table row is one line, its cells split by tabs, as a spreadsheet copies it
            # (an indicator table's header names what its rows' bare numbers are); a cell
            # spanning columns (2023年 over 实际 | 增长) leaves the columns after it empty
            row = rows.pop()
            cells = spread([" ".join(p.strip() for p in cell if p.strip()) for cell in row.cells], row.spans)
            line = "\t".join(cells)
            if line.strip():
                paragraphs.append(line)
    for parent in open_elements:
        if parent.tag == f"{_W}p":
            break  # a paragraph still open keeps its runs until it ends
        still_open = len(parent) and any(parent[-1] is e for e in open_elements)
        del parent[: len(parent) - 1 if still_open else len(parent)]
