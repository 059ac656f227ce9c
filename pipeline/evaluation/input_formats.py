"""The same plan in every input format plantasks reads gives the same text and structure.

A user's copy of a plan may be a GBK text file from Windows, UTF-16 from Word's "save as
text", a file with CRLF line ends, a saved web page, a .docx, a spreadsheet or text copied
out of a PDF. This check writes each
corpus document in each of those forms and reads it back through ``read_input``:

- encodings and line ends (``gb18030``, ``utf-16`` with and without a byte-order mark,
  ``utf-8-sig``, ``crlf``) and the source in Traditional characters (``traditional``,
  OpenCC s2t: a Hong Kong or Taiwan copy) hold the source text itself: the structure read
  back must be the source's (a Traditional copy folds back to Simplified but for variant
  characters, 象 → 像, so its text may differ in a few);
- a task table as a site serves it (``html-table``: one row per heading, a task's cell apart
  from its units and requirements; only for the documents whose plan is a flattened task
  table, the rows made from the structure of the flattened text) and as a spreadsheet
  (``xlsx-table``: the same rows in an .xlsx);
- text copied out of a PDF (``wrapped``, ``wrapped-blank``, ``wrapped-flush``: each
  paragraph of the normalised text broken into lines at a margin, indented, set apart by
  blank lines, or neither; ``wrapped-hung``: indented and set as Chinese word processors set
  a text, stops hanging past the margin, an opening quote carried to the next line;
  ``wrapped-hung-copied``: the same with the indentation lost, as a viewer copies it; only
  for documents that are no page dump); an OFD (``ofd``: a text object per line, the
  characters' advances in ``DeltaX``; ``ofd-glyphs``: a text object per character under a
  ``CTM``, the running header in a template page), also only for documents that are no page
  dump;
- a web page (``html``: one ``<p>`` per paragraph, inside a page with a menu, as a site
  serves it) and a Word file (``docx``: one ``w:p`` per paragraph; ``docx-numbered``: the
  same with the markers that open lines — 一、 （一） 1. 第一， — made Word's automatic
  numbering) hold the paragraphs of the normalised text: text (but for whitespace) and
  structure read back must be its.

PDFs have their own check (:mod:`pipeline.evaluation.pdf_roundtrip`).
Usage: ``python -m pipeline.evaluation.input_formats [--corpus DIR] [--documents ID ...]``.
"""

from __future__ import annotations

import argparse
import html
import io
import sys
import tempfile
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from extractors.char_classes import NOT_AT_LINE_HEAD, OPENING
from pipeline.evaluation.same_document import documents, ink, is_page_dump, outline
from pipeline.ingest.cells import display_width
from pipeline.ingest.normalise import normalise, normalise_with_layout
from pipeline.ingest.read import read_input
from pipeline.structure.body import find_body
from pipeline.structure.parse import Structure, parse_structure
from pipeline.structure.rules import load_rules

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MENU = "".join(f"<li><a href='#'>{item}</a></li>" for item in ("首页", "政务公开", "政府工作报告", "互动交流"))


def as_html(text: str) -> bytes:
    """A saved web page: a menu, then one paragraph per line of ``text``."""
    body = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n"))
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>政府工作报告</title></head><body>"
        f"<ul class='menu'>{_MENU}</ul><div class='article'>{body}</div></body></html>"
    )
    return page.encode("utf-8")


def as_docx(text: str) -> bytes:
    """A minimal Word file: one paragraph per line of ``text``."""
    return _docx_zip(
        "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' for line in text.split("\n"))
    )


def _docx_zip(paragraphs: str, numbering: str | None = None) -> bytes:
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>'
        f"{paragraphs}</w:body></w:document>"
    )
    return _office_zip({"word/document.xml": document, "word/numbering.xml": numbering})


def _office_zip(parts: dict[str, str | None]) -> bytes:
    """A minimal Office file: its content types and ``parts`` (a part given None is left out)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        for name, xml in parts.items():
            if xml is not None:
                z.writestr(name, xml)
    return out.getvalue()


def as_numbered_docx(text: str) -> bytes:
    """A Word file whose numbered paragraphs use Word's automatic numbering: the marker a
    line opens with (一、 （一） 1. 第一，) leaves the text for a list level of its kind, and a
    list restarts where the source's count does not go on."""
    from pipeline.structure.markers import chinese_ordinal
    from pipeline.structure.rules import load_rules

    markers = load_rules().markers
    kinds: dict[tuple[str, bool], tuple[str, str, str]] = {}  # (template, digits) -> (abstractNumId, numFmt, lvlText)
    nums: list[tuple[str, str, int]] = []  # (numId, abstractNumId, start)
    current: dict[tuple[str, bool], tuple[str, int]] = {}  # (template, digits) -> (numId, last number)
    body = []
    for line in text.split("\n"):
        numbered = None
        for marker in markers:
            m = marker.pattern.match(line)
            n = chinese_ordinal(m.group("n")) if m else None
            if m and n:
                a, b = m.span("n")
                template = line[m.start() : a] + "%1" + line[b : m.end()]
                numbered = (template, m.group("n").isdigit(), n, m.end())
                break
        if numbered is None:
            body.append(f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>')
            continue
        template, digits, n, end = numbered
        kind = (template, digits)
        if kind not in kinds:
            kinds[kind] = (str(len(kinds) + 1), "decimal" if digits else "chineseCounting", template)
        num_id, last = current.get(kind, ("", -1))
        if n != last + 1:  # a new list, or a count that does not go on: restart at n
            num_id = str(len(nums) + 1)
            nums.append((num_id, kinds[kind][0], n))
        current[kind] = (num_id, n)
        body.append(
            f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
            f'<w:r><w:t xml:space="preserve">{escape(line[end:])}</w:t></w:r></w:p>'
        )
    abstracts = "".join(
        f'<w:abstractNum w:abstractNumId="{a}"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{escape(text_, {chr(34): "&quot;"})}"/></w:lvl></w:abstractNum>'
        for a, fmt, text_ in kinds.values()
    )
    instances = "".join(
        f'<w:num w:numId="{num}"><w:abstractNumId w:val="{a}"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'
        for num, a, start in nums
    )
    return _docx_zip(
        "".join(body),
        f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{_W}">{abstracts}{instances}</w:numbering>',
    )


def _table_rows(text: str, structure: Structure) -> tuple[list[str], list[list[str]]]:
    """A task table's lines before its first heading, and its rows: a section's heading
    alone, a task's cell (marker and title) and the rest of its row (units, requirements)."""
    items = sorted(
        [(s.char_start, False, s.heading) for s in structure.sections]
        + [(t.char_start, True, t.title) for t in structure.tasks]
    )
    before = [line for line in text[: items[0][0]].split("\n") if line.strip()]
    rows = []
    for k, (start, task, title) in enumerate(items):
        cell = text[start : items[k + 1][0] if k + 1 < len(items) else len(text)].strip()
        if not task:
            rows.append([cell])
            continue
        cut = cell.find(title)
        cut = len(cell) if cut < 0 else cut + len(title)
        rows.append([cell[:cut], cell[cut:]])
    return before, rows


def as_html_table(text: str, structure: Structure) -> bytes:
    """A task table as a site serves it: the text before the first heading in paragraphs,
    then one table row per heading — a section's heading across the row, a task's cell
    (marker and title) and the rest of its row (units, requirements) in cells of their own."""
    before, rows = _table_rows(text, structure)
    out = [f"<p>{html.escape(line)}</p>" for line in before] + ["<table>"]
    for cells in rows:
        if len(cells) == 1:
            out.append(f"<tr><td colspan='3'>{html.escape(cells[0])}</td></tr>")
        else:
            out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    out.append("</table>")
    return ("<!DOCTYPE html><html><body>" + "".join(out) + "</body></html>").encode("utf-8")


def as_xlsx_table(text: str, structure: Structure) -> bytes:
    """A task table as a spreadsheet, written with the standard library: the lines before
    the first heading one cell each, then the rows of the table (a section's heading alone
    in the first column)."""
    before, rows = _table_rows(text, structure)
    lines = [[line] for line in before] + rows
    sheet = "".join(
        f'<row r="{i}">'
        + "".join(
            f'<c r="{chr(65 + j)}{i}" t="inlineStr"><is><t xml:space="preserve">{escape(cell)}</t></is></c>'
            for j, cell in enumerate(cells)
        )
        + "</row>"
        for i, cells in enumerate(lines, 1)
    )
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    return _office_zip(
        {
            "xl/workbook.xml": f'<workbook xmlns="{ns}" xmlns:r="{rel}"><sheets><sheet name="tasks" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>',
            "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>",
            "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{ns}"><sheetData>{sheet}</sheetData></worksheet>',
        }
    )


def as_wrapped(
    text: str,
    width: int = 72,
    indent: str = "\u3000\u3000",
    blank: bool = False,
    *,
    kinsoku: bool = False,
    copied: bool = False,
) -> bytes:
    """Text copied out of a PDF: each line of ``text`` a paragraph broken into lines at
    ``width`` display columns (a wide character takes two), opened by ``indent`` (official
    documents indent each paragraph two characters), paragraphs apart by a blank line or
    not. With ``kinsoku`` set as Chinese word processors set it: no stop, comma or closing
    mark opens a line (it hangs past the margin) and no opening quote or bracket ends one (it
    goes down with the next character); ``copied``: the indentation lost, as a PDF viewer
    copies the text. Table rows (tabs) stay whole."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if "\t" in paragraph:
            lines.append(paragraph)
        else:
            wrapped = _wrap(indent + paragraph, width, kinsoku)
            lines += [line.lstrip("\u3000") for line in wrapped] if copied else wrapped
        if blank:
            lines.append("")
    return "\n".join(lines).encode("utf-8")


_OFD = "http://www.ofdspec.org/2016"
_PT = 0.3528  # millimetres in a point


def as_ofd(text: str, *, glyphs: bool = False, header: str = "某市人民政府文件", columns: int = 1) -> bytes:
    """An OFD (GB/T 33190) as an office suite or a converter writes one: A4 pages, each
    paragraph of ``text`` set in lines of 37 characters as Chinese word processors set them,
    first lines indented two characters, table rows in columns, ``header`` atop each page
    and its number at the foot. A text object per line, its characters' advances in
    ``DeltaX`` (``g 36 4.2``); with ``glyphs`` a text object per character, sized in points
    under a transformation to millimetres (``CTM``), as some converters write them, and the
    header in a template page; with ``columns`` 2 the text in two columns of 17 characters,
    as a gazette sets it."""
    size, left, top, width, per_page = 4.2, 27.0, 35.0, 155.4, 30
    chars = 37 if columns == 1 else 17
    shift = width - chars * size  # the second column starts where the first would end at the right margin
    pitch = size * 1.75
    rows: list[list[tuple[float, str]]] = []  # per line: (x of each run, run)
    for paragraph in text.split("\n"):
        if "\t" in paragraph:
            cells = paragraph.split("\t")
            rows.append([(left + k * width / len(cells), cell) for k, cell in enumerate(cells)])
            continue
        for line in _wrap("\u3000\u3000" + paragraph, 2 * chars, kinsoku=True):
            body = line.lstrip("\u3000")
            rows.append([(left + size * (len(line) - len(body)), body)])
    per_page *= columns
    pages = [rows[k : k + per_page] for k in range(0, len(rows), per_page)] or [[]]
    ids = iter(range(10, 10**9))

    def objects(x: float, y: float, run: str) -> str:
        advances = [size * display_width(c) / 2 for c in run]
        if not glyphs:
            deltas = " ".join(f"{a:g}" for a in advances[:-1])
            return (
                f'<ofd:TextObject ID="{next(ids)}" Boundary="{x:g} {y - size:g} {sum(advances):g} {size * 1.2:g}" '
                f'Font="3" Size="{size:g}"><ofd:TextCode X="0" Y="{size:g}" DeltaX="{deltas}">{escape(run)}'
                "</ofd:TextCode></ofd:TextObject>"
            )
        out = []
        for c, a in zip(run, advances):
            if c != " ":
                out.append(
                    f'<ofd:TextObject ID="{next(ids)}" CTM="{_PT} 0 0 {_PT} 0 0" Boundary="{x:g} {y - size:g} '
                    f'{a:g} {size * 1.2:g}" Font="3" Size="{size / _PT:.3f}"><ofd:TextCode X="0" '
                    f'Y="{size / _PT:.3f}">{escape(c)}</ofd:TextCode></ofd:TextObject>'
                )
            x += a
        return "".join(out)

    def page_xml(lines: list[list[tuple[float, str]]], number: int | None) -> str:
        at = per_page // columns  # lines a column holds
        body = [
            objects(x + (k // at) * shift, top + (k % at + 1) * pitch, run)
            for k, line in enumerate(lines)
            for x, run in line
            if run
        ]
        if number is not None:
            body.append(objects(left + width / 2 - size, 297 - 20, f"- {number} -"))
            if not glyphs:
                body.insert(0, objects(left, 22, header))
        template = '<ofd:Template TemplateID="2" ZOrder="Background"/>' if glyphs and number else ""
        return (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{_OFD}">{template}'
            f'<ofd:Content><ofd:Layer ID="{next(ids)}">{"".join(body)}</ofd:Layer></ofd:Content></ofd:Page>'
        )

    listed = "".join(f'<ofd:Page ID="{next(ids)}" BaseLoc="Pages/Page_{k}/Content.xml"/>' for k in range(len(pages)))
    parts = {
        "OFD.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{_OFD}" Version="1.0" DocType="OFD">'
        "<ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
        "</ofd:DocBody></ofd:OFD>",
        "Doc_0/Document.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{_OFD}">'
        "<ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
        '<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData>'
        f"<ofd:Pages>{listed}</ofd:Pages></ofd:Document>",
        "Doc_0/Tpls/Tpl_0/Content.xml": page_xml([[(left, header)]], None),
    }
    for k, lines in enumerate(pages):
        parts[f"Doc_0/Pages/Page_{k}/Content.xml"] = page_xml(lines, k + 1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, xml in parts.items():
            zf.writestr(name, xml)
    return out.getvalue()


# what a Chinese layout keeps off a line's head and off its end (kinsoku)
_NOT_AT_HEAD = frozenset(NOT_AT_LINE_HEAD)
_NOT_AT_END = frozenset(OPENING)


def _wrap(paragraph: str, width: int, kinsoku: bool = False) -> list[str]:
    lines, line, used = [], "", 0
    for c in paragraph:
        w = display_width(c)
        if used + w > width and not (kinsoku and line and c in _NOT_AT_HEAD):
            carried = ""
            while kinsoku and len(line) > 1 and line[-1] in _NOT_AT_END:
                carried, line = line[-1] + carried, line[:-1]
            lines.append(line)
            line, used = carried, display_width(carried)
        line += c
        used += w
    return lines + [line]


# name -> (what it holds: "source", "paragraphs", "printed" (the paragraphs of a document
# that has paragraphs, not a page dump's body on one line) or "table", suffix, writer)
FORMATS: dict[str, tuple[str, str, Callable]] = {
    "gb18030": ("source", ".txt", lambda t: t.encode("gb18030")),
    "utf-16": ("source", ".txt", lambda t: t.encode("utf-16")),
    "utf-16-le": ("source", ".txt", lambda t: t.encode("utf-16-le")),
    "utf-8-sig": ("source", ".txt", lambda t: t.encode("utf-8-sig")),
    "crlf": ("source", ".txt", lambda t: t.replace("\n", "\r\n").encode("utf-8")),
    "traditional": ("source", ".txt", lambda t: _s2t().convert(t).encode("utf-8")),
    "html": ("paragraphs", ".html", as_html),
    "docx": ("paragraphs", ".docx", as_docx),
    "docx-numbered": ("paragraphs", ".docx", as_numbered_docx),
    "html-table": ("table", ".html", as_html_table),
    "xlsx-table": ("table", ".xlsx", as_xlsx_table),
    "wrapped": ("printed", ".txt", as_wrapped),
    "wrapped-flush": ("printed", ".txt", lambda t: as_wrapped(t, width=60, indent="")),
    "wrapped-blank": ("printed", ".txt", lambda t: as_wrapped(t, width=60, indent="", blank=True)),
    "wrapped-hung": ("printed", ".txt", lambda t: as_wrapped(t, kinsoku=True)),
    "wrapped-hung-copied": ("printed", ".txt", lambda t: as_wrapped(t, kinsoku=True, copied=True)),
    "ofd": ("printed", ".ofd", as_ofd),
    "ofd-glyphs": ("printed", ".ofd", lambda t: as_ofd(t, glyphs=True)),
    "ofd-columns": ("printed", ".ofd", lambda t: as_ofd(t, columns=2)),
}


@cache
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def _read_back(decoded: str, doc_id: str, year: int | None) -> tuple[str, tuple[list, list]]:
    """Normalised text and outline of a decoded text (with the layout normalisation keeps)."""
    text, set_apart = normalise_with_layout(decoded)
    return text, outline(text, doc_id, year, set_apart)


def check(decoded: str, doc_id: str, year: int | None, folder: Path) -> dict[str, tuple[bool, bool]]:
    """Per format: (text the same but for whitespace, structure the same); the task-table
    form only for a document whose plan is a flattened task table, the printed forms only
    for a document that is no page dump."""
    paragraphs = normalise(decoded)
    expected = {"source": _read_back(decoded, doc_id, year), "paragraphs": _read_back(paragraphs, doc_id, year)}
    expected["table"] = expected["printed"] = expected["paragraphs"]
    out = {}
    for name, (holds, suffix, write) in FORMATS.items():
        if holds == "printed" and is_page_dump(paragraphs):
            continue  # no printed page holds a body on one line
        if holds == "table":
            if not find_body(paragraphs, load_rules()).is_table:
                continue
            data = write(paragraphs, parse_structure(paragraphs, doc_id, year))
        else:
            data = write(decoded if holds == "source" else paragraphs)
        path = folder / f"{doc_id}-{name}{suffix}"
        path.write_bytes(data)
        text, got = _read_back(read_input(path).text, doc_id, year)
        want_text, want = expected[holds]
        out[name] = (ink(text) == ink(want_text), got == want)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.evaluation.input_formats", description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    ap.add_argument("--documents", nargs="*", help="only these doc_ids (default: every document)")
    args = ap.parse_args(argv)
    totals = {name: [0, 0, 0] for name in FORMATS}  # documents, same text, same structure
    with tempfile.TemporaryDirectory() as tmp:
        for spec in documents(args.corpus, args.documents):
            result = check(read_input(spec.path).text, spec.doc_id, spec.year, Path(tmp))
            for name, (same_text, same_structure) in result.items():
                totals[name][0] += 1
                totals[name][1] += same_text
                totals[name][2] += same_structure
                if not (same_text and same_structure):
                    what = ", ".join(w for w, ok in (("text", same_text), ("structure", same_structure)) if not ok)
                    print(f"{spec.doc_id:28s} {name:12s} {what} differs")
    for name, (n, t, same) in totals.items():
        print(f"{name:12s} {n} documents: text the same on {t}, structure the same on {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
