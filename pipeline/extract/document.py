"""Process one document end to end — read, normalise, structure, extract — without Prefect.

``process_document`` is the plain function the Prefect task wraps, and what library
users and tests call. It never raises for a bad document: the failure becomes a
``documents`` row with ``status = failed`` and a message naming the file and the problem.
"""

from __future__ import annotations

import hashlib
import logging
import traceback
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from extractors.context import Context
from extractors.subject_lists import list_leads
from extractors.times import plan_year, written_year
from pipeline import __version__, registry
from pipeline.errors import DocumentError
from pipeline.ingest.corpus import DocumentSpec
from pipeline.ingest.normalise import normalise_with_layout
from pipeline.ingest.read import read_input
from pipeline.limits import limits, time_limit
from pipeline.structure import structure_warnings
from pipeline.structure.parse import Paragraph, Section, Structure, parse_structure
from pipeline.structure.tables import TableRows

log = logging.getLogger("plantasks")


@dataclass(slots=True)
class DocumentResult:
    """Rows of every per-document table for one document (plain dicts: they pickle)."""

    doc_id: str
    document: dict
    tables: dict[str, list[dict]] = field(default_factory=dict)
    # Things a user should check although the document did not fail (its structure looks odd).
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.document["status"] == "ok"


def _fields(record) -> dict:
    """A flat slotted record as a dict (``dataclasses.asdict`` deep-copies: ~5% of the run)."""
    return {name: getattr(record, name) for name in record.__slots__}


def document_row(
    spec: DocumentSpec,
    *,
    sha256: str | None,
    text: str | None,
    encoding: str | None = None,
    error: str | None = None,
    warnings: list[str] | None = None,
) -> dict:
    return {
        "doc_id": spec.doc_id,
        "issuer": spec.issuer,
        "issuer_slug": spec.issuer_slug,
        "year": spec.year,
        "genre": spec.genre,
        "title": spec.title,
        "source": spec.source,
        "source_path": str(spec.path),
        "sha256": sha256,
        "encoding": encoding,
        "n_chars": len(text) if text is not None else None,
        "text": text,
        "status": "failed" if error else "ok",
        "error": error,
        "warnings": "\n".join(warnings) if warnings else None,
        "pipeline_version": __version__,
    }


def process_text(
    text: str, spec: DocumentSpec, warnings: list[str] | None = None, set_apart: frozenset[int] = frozenset()
) -> dict[str, list[dict]]:
    """Rows of every per-document table of the registry for an already normalised text
    (``set_apart``: its layout evidence, :func:`normalise_with_layout`); what looks wrong
    in its structure is added to ``warnings``."""
    structure = parse_structure(text, spec.doc_id, spec.year, set_apart)
    if warnings is not None:
        warnings.extend(structure_warnings(structure, text))
    tables: dict[str, list[dict]] = {}
    for t in registry.TABLES:
        if t.stage == "structure":
            items = structure.sections if t.record is Section else structure.tasks
            tables[t.name] = [{"doc_id": spec.doc_id, **_fields(r)} for r in items]
    tables.update(extract_all(text, structure, spec))
    if warnings is not None:
        warnings.extend(_silent_tables(text, structure, tables.get("targets", [])))
    return tables


def _silent_tables(text: str, structure: Structure, targets: list[dict]) -> list[str]:
    """A warning for each indicator table none of whose cells gave a figure: its header
    was read, but no cell held a single amount in a unit written anywhere."""
    out = []
    for table in structure.tables:
        if not any(table.char_start <= r["char_start"] < table.char_end for r in targets):
            line = text.count("\n", 0, table.char_start) + 1
            out.append(
                f"the indicator table on line {line} gave no figures: its cells hold no single amounts, "
                "or their unit is written nowhere (no unit column, no unit in the label's or the header's brackets)"
            )
    return out


def _headings(structure: Structure) -> dict[str | None, str]:
    """section_id -> its heading with its parents', outermost first, one per line."""
    by_id = {s.section_id: s for s in structure.sections}
    out: dict[str | None, str] = {}
    for s in structure.sections:
        chain, node = [], s
        while node is not None and len(chain) < 8:
            chain.append(node.heading)
            node = by_id.get(node.parent_id) if node.parent_id else None
        out[s.section_id] = "\n".join(reversed(chain))
    return out


def extract_all(text: str, structure: Structure, spec: DocumentSpec) -> dict[str, list[dict]]:
    """Run every extraction entry of the registry on the structure's passages, adding
    where each row stands (doc_id, task_id, section_id, part)."""
    passages = [p for p in structure.paragraphs if p.char_end > p.char_start]
    contexts = passage_contexts(text, structure, spec, passages)
    found: dict[str, list[list]] = {}  # table -> its records of each passage
    out: dict[str, list[dict]] = {}
    for t in registry.extraction_order():
        found[t.name] = extract_table(t, text, passages, contexts, found, spec)
        headline = "headline" in t.schema.names
        records, wheres = [], []
        for par, recs in zip(passages, found[t.name], strict=True):
            records.extend(recs)
            wheres.extend([_where(spec, par, headline)] * len(recs))
        if t.finish is not None and records:
            records = list(t.finish(records))
        out[t.name] = [{**where, **_fields(rec)} for where, rec in zip(wheres, records, strict=True)]
    return {t.name: out[t.name] for t in registry.TABLES if t.name in out}


def passage_contexts(text: str, structure: Structure, spec: DocumentSpec, passages: list[Paragraph]) -> list[Context]:
    """What the extractors know of each passage: the document's year and genre, the year
    its plan is for when that is the next (a report delivered late in its year), the year
    it was written in where its text shows another (a plan calling its year 明年), the
    passage's part, the headings above it, the lead of a list it goes on and, for a row
    of an indicator table, the table's columns."""
    headings = _headings(structure)
    written = written_year(text, spec.year, spec.genre)
    later = plan_year(text, spec.year, spec.genre)  # a report delivered late in its year
    leads = list_leads([text[p.char_start : p.char_end] for p in passages])
    rows = TableRows(structure.tables)
    return [
        Context(
            year=spec.year,
            part=p.part,
            genre=spec.genre,
            heading=headings.get(p.section_id, ""),
            written=written,
            plan_year=later,
            lead=lead,
            columns=rows.columns_at(p.char_start),
        )
        for p, lead in zip(passages, leads, strict=True)
    ]


def extract_table(
    t: registry.Table,
    text: str,
    passages: list[Paragraph],
    contexts: list[Context],
    found: dict[str, list[list]],
    spec: DocumentSpec,
) -> list[list]:
    """The records of extraction table ``t`` in each passage, before its ``finish``;
    ``found`` holds the records of each passage of the tables ``t`` uses."""
    if t.stage == "passages":
        return list(
            t.extract(
                [(text[p.char_start : p.char_end], p.char_start) for p in passages],
                Context(year=spec.year, genre=spec.genre),
            )
        )
    return [
        list(
            t.extract(
                text[par.char_start : par.char_end],
                offset=par.char_start,
                context=context,
                **{name: found[name][i] for name in t.uses},
            )
        )
        for i, (par, context) in enumerate(zip(passages, contexts, strict=True))
    ]


def _where(spec: DocumentSpec, par: Paragraph, headline: bool) -> dict:
    """Where a row stands: its document, task, section and part (and, for tables with the
    column, whether its passage is the plan's headline-target list)."""
    where = {"doc_id": spec.doc_id, "task_id": par.task_id, "section_id": par.section_id, "part": par.part}
    if headline:
        where["headline"] = par.role == "headline"
    return where


@cache
def load_extractors() -> None:
    """Load every extractor's data and model in this process, once: one small passage
    through every registered extractor loads what each needs.

    Called before a document's clock starts: the seconds jieba and spaCy take to load
    are the run's cost, not the first document's.
    """
    process_text(
        "一、总体要求\n（一）今年新建学校15所，落实《纲要》。",
        DocumentSpec(path=Path("warm-up"), issuer="plantasks", issuer_slug="warm-up", year=2018, doc_id="warm-up"),
    )


def process_document(spec: DocumentSpec, raw: bytes | None = None) -> DocumentResult:
    """Read (unless ``raw`` holds the file's bytes already), normalise, structure and
    extract one document within its time limit; failures become a failed row."""
    sha = encoding = None
    try:
        load_extractors()
        with time_limit(limits().document_seconds, spec.path):
            raw, decoded, encoding = read_input(spec.path, raw)
            sha = hashlib.sha256(raw).hexdigest()
            text, set_apart = normalise_with_layout(decoded)
            if not text.strip():
                raise DocumentError(str(spec.path), "no text left after removing web-page leftovers")
            warnings: list[str] = []
            tables = process_text(text, spec, warnings, set_apart)
    except DocumentError as exc:
        return DocumentResult(spec.doc_id, document_row(spec, sha256=sha, text=None, error=str(exc)))
    except Exception as exc:  # noqa: BLE001 - one bad document must never stop the run
        log.error("internal error on %s:\n%s", spec.path, traceback.format_exc())
        error = f"{spec.path}: internal error while processing ({type(exc).__name__}: {exc})"
        return DocumentResult(spec.doc_id, document_row(spec, sha256=sha, text=None, error=error))
    return DocumentResult(
        spec.doc_id, document_row(spec, sha256=sha, text=text, encoding=encoding, warnings=warnings), tables, warnings
    )
