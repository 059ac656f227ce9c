"""Read one input file into decoded text: encodings, HTML pages, .docx; clear errors otherwise.

Users feed whatever their browser or colleagues saved, so the decoder tries, in order:
a byte-order mark, strict UTF-8, UTF-16 without a mark (many NUL bytes in alternate
positions), then GB18030 (a superset of GBK/GB2312). PDFs with a text layer are read by
:mod:`pipeline.ingest.pdf`. Binary data, empty files, scanned PDFs and legacy Word files
fail with a message that names the file and says what to do.
"""

from __future__ import annotations

import codecs
import io
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

from pipeline.errors import DocumentError

TEXT_SUFFIXES = {".txt", ".text", ".md", ".htm", ".html", ".docx", ".pdf"}
UNSUPPORTED_SUFFIXES = {
    ".doc": "legacy .doc is not supported: save it as .docx or plain text "
            "(e.g. `libreoffice --headless --convert-to docx FILE.doc`)",
    ".wps": "WPS documents are not supported: save as .docx or plain text "
            "(e.g. `libreoffice --headless --convert-to docx FILE.wps`)",
}


def read_raw(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise DocumentError(str(path), "file not found") from exc
    except PermissionError as exc:
        raise DocumentError(str(path), "cannot read the file: permission denied") from exc
    except IsADirectoryError as exc:
        raise DocumentError(str(path), "is a folder, not a file") from exc
    except OSError as exc:
        raise DocumentError(str(path), f"cannot read the file: {exc.strerror or exc}") from exc


def decode(raw: bytes, path: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` of raw bytes, or raise DocumentError."""
    if not raw:
        raise DocumentError(path, "empty file")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise DocumentError(path, f"starts with a {enc} byte-order mark but is not valid {enc} (byte {exc.start})") from exc
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
    if b"\x00" in raw[:8192]:
        raise DocumentError(path, "binary data, not a text document")
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        raise DocumentError(
            path,
            f"not UTF-8, GB18030 or UTF-16 (invalid UTF-8 at byte {utf8_error.start}); "
            "re-save the file as UTF-8",
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


def _looks_like_mojibake(text: str) -> bool:
    """GB18030 decodes almost any bytes; refuse results full of control characters."""
    sample = text[:4000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\r\n\t") or 0xE000 <= ord(ch) <= 0xF8FF)
    return bad > max(3, len(sample) // 50)


class _HTMLText(HTMLParser):
    """Collect visible text, one block element per line, dropping scripts and menus."""

    SKIP = {"script", "style", "nav", "header", "footer", "noscript", "head", "select", "button", "form"}
    BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "td"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Main text of a saved web page: block elements become lines, menus and scripts go."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    # Menus are runs of very short lines; keep lines with sentence punctuation or length.
    kept = [ln for ln in lines if len(ln) >= 12 or any(p in ln for p in "。；：，")]
    return "\n".join(kept)


def looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head


def docx_to_text(raw: bytes, path: str) -> str:
    """Paragraph texts of a .docx (a zip holding word/document.xml), standard library only."""
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            xml = zf.read("word/document.xml")
        root = ElementTree.fromstring(xml)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as exc:
        raise DocumentError(path, f"not a valid .docx file ({exc})") from exc
    paragraphs = []
    for p in root.iter(f"{ns}p"):
        paragraphs.append("".join(t.text or "" for t in p.iter(f"{ns}t")))
    return "\n".join(paragraphs)


def read_document(path: Path, raw: bytes | None = None) -> tuple[bytes, str]:
    """Raw bytes and decoded (not yet normalised) text of one input file (``raw``: its
    bytes, when the caller has read them already)."""
    suffix = path.suffix.lower()
    if suffix in UNSUPPORTED_SUFFIXES:
        raise DocumentError(str(path), UNSUPPORTED_SUFFIXES[suffix])
    if raw is None:
        raw = read_raw(path)
    if suffix == ".docx":
        text = docx_to_text(raw, str(path))
    elif suffix == ".pdf" or raw.startswith(b"%PDF-"):
        from pipeline.ingest.pdf import pdf_to_text

        text = pdf_to_text(raw, str(path))
    else:
        if raw.startswith(b"PK\x03\x04"):
            raise DocumentError(str(path), "a zip archive (perhaps .docx) with a text name: rename it to .docx")
        text, _ = decode(raw, str(path))
        if suffix in {".htm", ".html"} or looks_like_html(text):
            text = html_to_text(text)
    if not text.strip():
        raise DocumentError(str(path), "no text: the file holds only whitespace")
    return raw, text
