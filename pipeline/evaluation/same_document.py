"""What the checks of one document in another form compare (page_dumps, pdf_roundtrip,
input_formats): its text but for whitespace, and its outline — sections and tasks with
their headings, titles and parts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pipeline.ingest.corpus import DocumentSpec
from pipeline.orchestrate.run import prepare
from pipeline.structure.parse import parse_structure


def is_page_dump(text: str) -> bool:
    """Does a normalised text hold more than half its characters on one line (a crawler's
    page dump, the 福建/平潭 documents)? No printed page holds a body on one line, so the
    checks of printed forms (text copied out of a PDF, a PDF) count such documents apart."""
    return max(map(len, text.split("\n"))) > len(text) / 2


def ink(text: str) -> str:
    """``text`` without whitespace: what a layout may not change."""
    return "".join(text.split())


def outline(text: str, doc_id: str, year: int | None, set_apart: frozenset[int] = frozenset()) -> tuple[list, list]:
    """Sections (level, label, heading, part) and tasks (id, title, part) of a normalised text."""
    st = parse_structure(text, doc_id, year, set_apart)
    return (
        [(s.level, s.label, s.heading, s.part) for s in st.sections],
        [(t.task_id, t.title, t.part) for t in st.tasks],
    )


def documents(corpus: Path, only: list[str] | None = None) -> Iterator[DocumentSpec]:
    """The corpus's documents (with their doc_ids and years), or only those named."""
    for p in prepare(corpus):
        if p.error is None and (not only or p.spec.doc_id in only):
            yield p.spec
