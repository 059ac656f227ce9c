"""Text of an .xlsx, one line per row, its cells split by tabs as a spreadsheet copies them.

A plan's division of tasks (任务分工表: 序号 | 工作任务 | 责任单位 | 完成时限) and its indicator
table (主要指标 | 单位 | 2023年实际 | 2024年目标) are often published as spreadsheets. A row
becomes the line the structure step reads a table from (``pipeline/structure/tables.py``
for indicator tables, numbered rows for tasks); a row with one filled cell (the sheet's
title, a category merged across the table) is a line of text. Cells are shown as the
spreadsheet shows them: a shared or inline string as written, a number in its shortest
form (6.0999999999999996 → 6.1), a cell formatted as a percentage with its % (0.061 → 6.1%),
a date as a date (45657 → 2024年12月31日). Read with the standard library, every part in
pieces and bounded like a .docx's (``docx_xml_megabytes``): a zip bomb fails alone.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator
from datetime import date, timedelta
from xml.etree import ElementTree

import regex

from pipeline.errors import DocumentError
from pipeline.ingest.office import BROKEN, pieces
from pipeline.limits import limits

_S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# Excel's built-in number formats that show a date, and those that show a percentage
_DATE_FORMATS = frozenset([*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)])
_PERCENT_FORMATS = frozenset([9, 10])
# a custom format shows a date when it holds y, m or d (or 年月日) outside quotes and brackets
_QUOTED = regex.compile(r'"[^"]*"|\[[^\]]*\]|\\.')
_DATE_CODE = regex.compile(r"[ymdYMD年月日]")
_EPOCH = date(1899, 12, 30)  # day 0 of Excel's 1900 date system (its 1900-02-29 included)
_COLUMN = regex.compile(r"[A-Z]+")


def xlsx_to_text(raw: bytes, path: str, max_xml_bytes: int | None = None) -> str:
    """The rows of every sheet of an .xlsx, in the workbook's order, a blank line between
    sheets; more than ``max_xml_bytes`` in any part fails the document."""
    budget = limits().docx_xml_bytes if max_xml_bytes is None else max_xml_bytes
    lines: list[str] = []
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            strings = _shared_strings(zf, path, budget)
            styles = _styles(zf, path, budget)
            for part in _sheets(zf, path, budget):
                rows = _rows(zf, part, path, budget, strings, styles)
                if rows and lines:
                    lines.append("")
                lines += rows
    except BROKEN as exc:
        raise DocumentError(path, f"not a valid .xlsx file ({exc})") from exc
    return "\n".join(lines)


def _elements(zf: zipfile.ZipFile, name: str, path: str, budget: int) -> Iterator[ElementTree.Element]:
    """Every element of one part as it ends, the part read in pieces within ``budget``."""
    parser = ElementTree.XMLPullParser(events=("end",))
    for chunk in pieces(zf, zf.getinfo(name), budget, path, ".xlsx"):
        parser.feed(chunk)
        for _, element in parser.read_events():
            yield element
    parser.close()
    for _, element in parser.read_events():
        yield element


def _text(item: ElementTree.Element) -> str:
    """A string item's text: its ``t``, or the ``t`` of each of its runs (a phonetic guide,
    ``rPh``, is no part of it)."""
    parts = []
    for child in item:
        if child.tag == f"{_S}t":
            parts.append(child.text or "")
        elif child.tag == f"{_S}r":
            t = child.find(f"{_S}t")
            parts.append(t.text or "" if t is not None else "")
    return "".join(parts)


def _shared_strings(zf: zipfile.ZipFile, path: str, budget: int) -> list[str]:
    name = "xl/sharedStrings.xml"
    if name not in zf.namelist():
        return []
    out = []
    for element in _elements(zf, name, path, budget):
        if element.tag == f"{_S}si":
            out.append(_text(element))
            element.clear()
    return out


def _styles(zf: zipfile.ZipFile, path: str, budget: int) -> list[str | None]:
    """For each cell style (the ``s`` of a cell): "date", "percent" or None."""
    name = "xl/styles.xml"
    if name not in zf.namelist():
        return []
    custom: dict[int, str] = {}
    formats: list[int] = []
    for element in _elements(zf, name, path, budget):
        if element.tag == f"{_S}numFmt":
            custom[_int(element.get("numFmtId"))] = element.get("formatCode", "")
        elif element.tag == f"{_S}cellXfs":
            formats = [_int(xf.get("numFmtId")) for xf in element.findall(f"{_S}xf")]
    return [_kind_of_format(f, custom.get(f)) for f in formats]


def _kind_of_format(number_format: int, code: str | None) -> str | None:
    if code is not None:
        bare = _QUOTED.sub("", code)
        if "%" in bare:
            return "percent"
        if _DATE_CODE.search(bare) and "General" not in bare:
            return "date"
        return None
    if number_format in _PERCENT_FORMATS:
        return "percent"
    if number_format in _DATE_FORMATS:
        return "date"
    return None


def _sheets(zf: zipfile.ZipFile, path: str, budget: int) -> list[str]:
    """The sheets' parts in the workbook's order (xl/workbook.xml and its relationships)."""
    targets = {}
    for element in _elements(zf, "xl/_rels/workbook.xml.rels", path, budget):
        if element.tag == f"{_PKG}Relationship":
            target = element.get("Target", "")
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            targets[element.get("Id")] = part
    order = [
        targets.get(element.get(f"{_REL}id"))
        for element in _elements(zf, "xl/workbook.xml", path, budget)
        if element.tag == f"{_S}sheet"
    ]
    return [part for part in order if part and part in zf.namelist()]


def _rows(
    zf: zipfile.ZipFile, part: str, path: str, budget: int, strings: list[str], styles: list[str | None]
) -> list[str]:
    """The sheet's rows that hold text, each one line: cells at their columns from the
    sheet's first used column on, split by tabs (a gap keeps its empty cells, the empty
    cells at the end go); a row with one filled cell is its text alone."""
    rows: list[dict[int, str]] = []
    for element in _elements(zf, part, path, budget):
        if element.tag != f"{_S}row":
            continue
        cells: dict[int, str] = {}
        for c in element.findall(f"{_S}c"):
            ref = _COLUMN.match(c.get("r", ""))
            column = _column_number(ref.group(0)) if ref else max(cells, default=-1) + 1
            value = " ".join(_value(c, strings, styles).split())
            if value:
                cells[column] = value
        element.clear()
        if cells:
            rows.append(cells)
    first = min((min(cells) for cells in rows if len(cells) > 1), default=0)
    return [
        next(iter(cells.values()))
        if len(cells) == 1
        else "\t".join(cells.get(i, "") for i in range(first, max(cells) + 1))
        for cells in rows
    ]


def _int(text: str | None) -> int:
    return int(text) if text is not None and text.strip().isdigit() else -1


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _value(c: ElementTree.Element, strings: list[str], styles: list[str | None]) -> str:
    """What the spreadsheet shows in a cell."""
    kind = c.get("t", "n")
    if kind == "inlineStr":
        inline = c.find(f"{_S}is")
        return _text(inline) if inline is not None else ""
    v = c.find(f"{_S}v")
    raw = v.text if v is not None and v.text is not None else ""
    if kind == "s":
        index = int(raw) if raw.strip().isdigit() else -1
        return strings[index] if 0 <= index < len(strings) else ""
    if kind == "b":
        return {"0": "FALSE", "1": "TRUE"}.get(raw, raw)
    if kind != "n" or not raw:
        return raw  # a formula's string, an error (#DIV/0!)
    try:
        number = float(raw)
    except ValueError:
        return raw
    style = c.get("s", "")
    shown = styles[int(style)] if style.isdigit() and int(style) < len(styles) else None
    if shown == "percent":
        return _number(number * 100) + "%"
    if shown == "date" and 0 < number < 2958466:  # up to 9999-12-31
        day = _EPOCH + timedelta(days=int(number))
        return f"{day.year}年{day.month}月{day.day}日"
    return _number(number)


def _number(x: float) -> str:
    """A number as the sheet shows it in General format: at most 10 significant digits, no
    trailing zeros (6.0999999999999996 → 6.1, 5.0 → 5)."""
    text = f"{x:.10g}"
    return text if "e" not in text else f"{x:f}".rstrip("0").rstrip(".")
