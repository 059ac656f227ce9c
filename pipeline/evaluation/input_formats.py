"""The same plan in every input format plantasks reads gives the same text and structure.

A user's copy of a plan may be a GBK text file from Windows, UTF-16 from Word's "save as
text", a file with CRLF line ends, a saved web page or a .docx. This check writes each
corpus document in each of those forms and reads it back through ``read_input``:

- encodings and line ends (``gb18030``, ``utf-16`` with and without a byte-order mark,
  ``utf-8-sig``, ``crlf``) and the source in Traditional characters (``traditional``,
  OpenCC s2t: a Hong Kong or Taiwan copy) hold the source text itself: the structure read
  back must be the source's (a Traditional copy folds back to Simplified but for variant
  characters, 象 → 像, so its text may differ in a few);
- a web page (``html``: one ``<p>`` per paragraph, inside a page with a menu, as a site
  serves it) and a Word file (``docx``: one ``w:p`` per paragraph) hold the paragraphs of
  the normalised text: text (but for whitespace) and structure read back must be its.

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

from pipeline.evaluation.same_document import documents, ink, outline
from pipeline.ingest.normalise import normalise, normalise_with_layout
from pipeline.ingest.read import read_input

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
    paragraphs = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' for line in text.split("\n")
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>'
        f"{paragraphs}</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        z.writestr("word/document.xml", document)
    return out.getvalue()


# name -> (what it holds: "source" or "paragraphs", suffix, writer)
FORMATS: dict[str, tuple[str, str, Callable[[str], bytes]]] = {
    "gb18030": ("source", ".txt", lambda t: t.encode("gb18030")),
    "utf-16": ("source", ".txt", lambda t: t.encode("utf-16")),
    "utf-16-le": ("source", ".txt", lambda t: t.encode("utf-16-le")),
    "utf-8-sig": ("source", ".txt", lambda t: t.encode("utf-8-sig")),
    "crlf": ("source", ".txt", lambda t: t.replace("\n", "\r\n").encode("utf-8")),
    "traditional": ("source", ".txt", lambda t: _s2t().convert(t).encode("utf-8")),
    "html": ("paragraphs", ".html", as_html),
    "docx": ("paragraphs", ".docx", as_docx),
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
    """Per format: (text the same but for whitespace, structure the same)."""
    paragraphs = normalise(decoded)
    expected = {"source": _read_back(decoded, doc_id, year), "paragraphs": _read_back(paragraphs, doc_id, year)}
    out = {}
    for name, (holds, suffix, write) in FORMATS.items():
        path = folder / f"{doc_id}-{name}{suffix}"
        path.write_bytes(write(decoded if holds == "source" else paragraphs))
        text, got = _read_back(read_input(path).text, doc_id, year)
        want_text, want = expected[holds]
        out[name] = (ink(text) == ink(want_text), got == want)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.evaluation.input_formats", description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    ap.add_argument("--documents", nargs="*", help="only these doc_ids (default: every document)")
    args = ap.parse_args(argv)
    totals = {name: [0, 0] for name in FORMATS}
    n = 0
    with tempfile.TemporaryDirectory() as tmp:
        for spec in documents(args.corpus, args.documents):
            n += 1
            result = check(read_input(spec.path).text, spec.doc_id, spec.year, Path(tmp))
            for name, (same_text, same_structure) in result.items():
                totals[name][0] += same_text
                totals[name][1] += same_structure
                if not (same_text and same_structure):
                    what = ", ".join(w for w, ok in (("text", same_text), ("structure", same_structure)) if not ok)
                    print(f"{spec.doc_id:28s} {name:12s} {what} differs")
    for name, (t, s) in totals.items():
        print(f"{name:12s} {n} documents: text the same on {t}, structure the same on {s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
