"""Read one input file into decoded text: encodings, HTML pages, .docx; clear errors otherwise.

Users feed whatever their browser or colleagues saved, so the decoder tries, in order:
a byte-order mark, UTF-16 without a mark that is mostly ASCII (NUL bytes in alternate
positions), strict UTF-8, UTF-16 without a mark that is mostly Chinese (no NUL bytes to
see, but it decodes to Han characters: the 大连 page saved by Notepad as "Unicode"), then
GB18030 (a superset of GBK/GB2312). PDFs with a text layer are read by
:mod:`pipeline.ingest.pdf`, OFDs by :mod:`pipeline.ingest.ofd`. Binary data, empty files,
scanned PDFs, legacy Word, WPS, OpenDocument and RTF files, and a zip archive with a text
name fail with a message that names the file and says what to do. Files above a size limit,
and .docx files whose text expands beyond one, are refused before they can exhaust
memory (``pipeline/data/limits.yaml``).
"""

from __future__ import annotations

import codecs
import os
import stat
from html.parser import HTMLParser
from itertools import groupby
from pathlib import Path
from typing import NamedTuple

import regex

from extractors.char_classes import CLAUSE_STOPS, HAN
from pipeline.errors import DocumentError
from pipeline.ingest.cells import columns_added, spread
from pipeline.ingest.docx import docx_to_text
from pipeline.ingest.layout_words import heading_marker
from pipeline.ingest.xlsx import xlsx_to_text
from pipeline.limits import MB, limits

TEXT_SUFFIXES = {".txt", ".text", ".md", ".htm", ".html", ".docx", ".pdf", ".xlsx", ".ofd"}
UNSUPPORTED_SUFFIXES = {
    ".doc": "legacy .doc is not supported: save it as .docx or plain text "
    "(e.g. `libreoffice --headless --convert-to docx FILE.doc`)",
    ".wps": "WPS documents are not supported: save as .docx or plain text "
    "(e.g. `libreoffice --headless --convert-to docx FILE.wps`)",
    ".xls": "legacy .xls is not supported: save it as .xlsx (e.g. `libreoffice --headless --convert-to xlsx FILE.xls`)",
    ".et": "WPS spreadsheets are not supported: save as .xlsx "
    "(e.g. `libreoffice --headless --convert-to xlsx FILE.et`)",
    ".odt": "OpenDocument text is not supported: save it as .docx "
    "(e.g. `libreoffice --headless --convert-to docx FILE.odt`)",
    ".ods": "OpenDocument spreadsheets are not supported: save as .xlsx "
    "(e.g. `libreoffice --headless --convert-to xlsx FILE.ods`)",
    ".rtf": "RTF is not supported: save it as .docx or plain text "
    "(e.g. `libreoffice --headless --convert-to docx FILE.rtf`)",
}


class InputFile(NamedTuple):
    """An input file read and decoded: raw bytes, text (not yet normalised), encoding."""

    raw: bytes
    text: str
    encoding: str


def _open_fd(path: Path) -> int:
    # O_NONBLOCK: a FIFO named like a document must not block the run waiting for a writer
    return os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))


def read_raw(path: Path, max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file no larger than ``max_bytes`` (default: the size limit)."""
    path = Path(path)
    max_bytes = limits().file_bytes if max_bytes is None else max_bytes
    try:
        fd = _open_fd(path)
        with os.fdopen(fd, "rb") as f:
            info = os.fstat(f.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError(21, "Is a directory", str(path))
            if not stat.S_ISREG(info.st_mode):
                raise DocumentError(str(path), "not a regular file (a device, pipe or socket)")
            if info.st_size > max_bytes:
                raise DocumentError(str(path), _too_large(info.st_size, max_bytes))
            raw = f.read(max_bytes + 1)
        if len(raw) > max_bytes:  # grew while being read
            raise DocumentError(str(path), _too_large(len(raw), max_bytes))
        return raw
    except FileNotFoundError as exc:
        raise DocumentError(str(path), "file not found") from exc
    except PermissionError as exc:
        raise DocumentError(str(path), "cannot read the file: permission denied") from exc
    except IsADirectoryError as exc:
        raise DocumentError(str(path), "is a folder, not a file") from exc
    except OSError as exc:
        raise DocumentError(str(path), f"cannot read the file: {exc.strerror or exc}") from exc


def _too_large(size: int, limit: int) -> str:
    return (
        f"too large: {size / MB:.1f} MB, the limit is {limit / MB:g} MB "
        "(split the document, or raise file_megabytes in pipeline/data/limits.yaml)"
    )


def decode(raw: bytes, path: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` of raw bytes, or raise DocumentError."""
    if not raw:
        raise DocumentError(path, "empty file")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    path, f"starts with a {enc} byte-order mark but is not valid {enc} (byte {exc.start})"
                ) from exc
    utf16 = _utf16_without_bom(raw)
    if utf16:
        try:
            return raw.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    chinese_utf16 = _chinese_utf16(raw)
    if chinese_utf16:
        return chinese_utf16
    if b"\x00" in raw[:8192]:
        raise DocumentError(path, "binary data, not a text document")
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        raise DocumentError(
            path,
            f"not UTF-8, GB18030 or UTF-16 (invalid UTF-8 at byte {utf8_error.start}); re-save the file as UTF-8",
        ) from utf8_error
    if _looks_like_mojibake(text):
        raise DocumentError(path, f"not UTF-8, GB18030 or UTF-16 (invalid UTF-8 at byte {utf8_error.start})")
    return text, "gb18030"


def _utf16_without_bom(raw: bytes) -> str | None:
    sample = raw[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    # ASCII-heavy UTF-16 has NULs on one side; CJK-heavy UTF-16 has none, so also accept
    # text that decodes cleanly and is mostly CJK.
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\p{Co}\p{Cn}]")
# Share of Han characters among the visible ones above which a UTF-16 reading is Chinese
# text. GB18030 and UTF-8 bytes read as UTF-16 give Yi, Hangul, surrogates and private
# use, almost never Han; a Chinese plan is well above half Han.
_UTF16_HAN_SHARE = 0.5


def _chinese_utf16(raw: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` if ``raw`` is UTF-16 without a byte-order mark holding Chinese text."""
    if len(raw) % 2:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            sample = raw[:8192].decode(enc)
        except UnicodeDecodeError:
            continue  # a lone surrogate at the cut is possible, but a mismatch is likelier
        visible = [ch for ch in sample if not ch.isspace()]
        if not visible or _CONTROL.search(sample):
            continue
        if len(HAN.findall(sample)) / len(visible) < _UTF16_HAN_SHARE:
            continue
        try:
            return raw.decode(enc), enc
        except UnicodeDecodeError:
            return None
    return None


def _looks_like_mojibake(text: str) -> bool:
    """GB18030 decodes almost any bytes; refuse results full of control characters."""
    sample = text[:4000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\r\n\t") or 0xE000 <= ord(ch) <= 0xF8FF)
    return bad > max(3, len(sample) // 50)


class _HTMLText(HTMLParser):
    """Collect visible text, one block element per line, dropping scripts and menus.

    A table row of short cells is one line, its cells split by tabs: an indicator table's
    header names what its rows' bare numbers are (``pipeline/structure/tables.py``). A row
    with a long cell is page layout (a site that sets its whole page in a table): its
    cells' lines are kept as lines.
    """

    SKIP = {"script", "style", "nav", "header", "footer", "noscript", "head", "select", "button", "form"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table"}
    CELL = {"td", "th"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        # the rows being read, innermost last: each a list of cells, each a list of texts
        self._rows: list[list[list[str]]] = []
        # for each row being read, its cells that span columns: cell index -> columns added
        self._spans: list[dict[int, int]] = []
        # for each open <table>, how many rows were open when it began
        self._tables: list[int] = []

    def _out(self) -> list[str]:
        """Where text goes: the open cell of the innermost row, else the page."""
        if self._rows and self._rows[-1]:
            return self._rows[-1][-1]
        return self.parts

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skip += 1
        elif tag == "tr":
            if self._tables and len(self._rows) > self._tables[-1]:
                self._end_row()  # a row left open (</tr> may be omitted) ends at the next
            self._rows.append([])
            self._spans.append({})
        elif tag in self.CELL and not self._rows:
            self._out().append("\n")  # a cell outside any row: a block of its own
        elif tag in self.CELL:
            self._rows[-1].append([])
            # a cell spanning columns (<th colspan="2">2023年</th> over 实际 | 增长) leaves
            # the columns after it empty, so the row keeps the table's count of cells
            added = columns_added(next((v for k, v in attrs if k == "colspan"), None))
            if added:
                self._spans[-1][len(self._rows[-1]) - 1] = added
        elif tag in self.BLOCK:
            if tag == "table":
                self._tables.append(len(self._rows))
            self._out().append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        elif tag == "tr" and self._rows and (not self._tables or len(self._rows) > self._tables[-1]):
            self._end_row()
        elif tag in self.CELL and not self._rows:
            self._out().append("\n")
        elif tag in self.BLOCK:
            if tag == "table" and self._tables:
                while len(self._rows) > self._tables[-1]:
                    self._end_row()
                self._tables.pop()
            self._out().append("\n")

    def close(self):
        super().close()
        while self._rows:
            self._end_row()  # rows a broken page never closed keep their text

    def _end_row(self) -> None:
        """Write the innermost row: one line of tab-separated cells when they are short, its
        cells' lines otherwise (page layout)."""
        spans = self._spans.pop()
        cells = spread(["".join(c) for c in self._rows.pop()], spans)
        flat = [" ".join(c.split()) for c in cells]
        lines = [sum(1 for ln in c.split("\n") if ln.strip()) for c in cells]
        if flat and all(
            len(f) <= _CELL_CHARS and (n <= 1 or len(f) <= _BROKEN_CELL_CHARS) for f, n in zip(flat, lines, strict=True)
        ):
            self._out().append("\n" + "\t".join(flat) + "\n")
        else:
            self._out().append("\n" + "\n".join(cells) + "\n")

    def handle_data(self, data):
        if not self._skip:
            self._out().append(data)


# a table cell longer than this is a page's layout, not a figure or a measure's name; a
# cell of several lines is one only when shorter than the second (地区生产总值<br>（亿元）)
_CELL_CHARS, _BROKEN_CELL_CHARS = 80, 30


# a menu is a run of at least _MENU_RUN lines, each shorter than _MENU_ITEM_CHARS and
# without sentence punctuation (首页 / 政务公开 / 政府工作报告 …)
_MENU_RUN, _MENU_ITEM_CHARS = 3, 12


def html_to_text(html: str) -> str:
    """Main text of a saved web page: block elements become lines, menus and scripts go."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    lines = [
        "\t".join(" ".join(cell.split()) for cell in line.split("\t")) for line in "".join(parser.parts).split("\n")
    ]
    lines = [ln for ln in lines if ln.strip()]
    # Menus and breadcrumbs are runs of very short lines without a clause stop; a short line
    # that is text (各位代表！), stands between paragraphs (结束语) or opens with a heading
    # marker (一、总体要求) stays.
    short = [
        len(ln) < _MENU_ITEM_CHARS
        and not any(p in ln for p in CLAUSE_STOPS)
        and not heading_marker(ln)
        and "\t" not in ln  # a table's row
        for ln in lines
    ]
    kept: list[str] = []
    for is_short, run in groupby(zip(short, lines), key=lambda pair: pair[0]):
        run_lines = [line for _, line in run]
        if not (is_short and len(run_lines) >= _MENU_RUN):
            kept.extend(run_lines)
    return "\n".join(kept)


# a part that tells what a zip archive is, and the suffix that reads it
_ZIP_KINDS = (("word/document.xml", ".docx"), ("xl/workbook.xml", ".xlsx"), ("OFD.xml", ".ofd"))


def _zip_named_as_text(raw: bytes) -> str:
    """What to do with a zip archive given a text file's name (a .docx saved as .txt)."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            names = set(zf.namelist())
            kind = next((suffix for part, suffix in _ZIP_KINDS if part in names), None)
            if kind is None and "mimetype" in names and b"opendocument" in zf.read("mimetype")[:100]:
                return "an OpenDocument file with a text name: save it as .docx or .xlsx"
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        kind = None
    if kind:
        return f"a {kind} file with a text name: rename it to {kind}"
    return "a zip archive with a text name: unpack it, or rename it to .docx, .xlsx or .ofd if it is one"


def looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head


def read_input(path: Path, raw: bytes | None = None) -> InputFile:
    """Raw bytes, decoded (not yet normalised) text and encoding of one input file
    (``raw``: its bytes, when the caller has read them already)."""
    suffix = path.suffix.lower()
    if suffix in UNSUPPORTED_SUFFIXES:
        raise DocumentError(str(path), UNSUPPORTED_SUFFIXES[suffix])
    if raw is None:
        raw = read_raw(path)
    if suffix == ".docx":
        text, encoding = docx_to_text(raw, str(path)), "docx"
    elif suffix == ".xlsx":
        text, encoding = xlsx_to_text(raw, str(path)), "xlsx"
    elif suffix == ".pdf" or raw.startswith(b"%PDF-"):
        from pipeline.ingest.pdf import pdf_to_text

        text, encoding = pdf_to_text(raw, str(path)), "pdf"
    elif suffix == ".ofd":
        from pipeline.ingest.ofd import ofd_to_text

        text, encoding = ofd_to_text(raw, str(path)), "ofd"
    else:
        if raw.startswith(b"PK\x03\x04"):
            raise DocumentError(str(path), _zip_named_as_text(raw))
        text, encoding = decode(raw, str(path))
        if suffix in {".htm", ".html"} or looks_like_html(text):
            text = html_to_text(text)
    if not text.strip():
        raise DocumentError(str(path), "no text: the file holds only whitespace")
    return InputFile(raw, text, encoding)


def read_document(path: Path, raw: bytes | None = None) -> tuple[bytes, str]:
    """Raw bytes and decoded (not yet normalised) text of one input file (``raw``: its
    bytes, when the caller has read them already)."""
    raw, text, _ = read_input(path, raw)
    return raw, text
