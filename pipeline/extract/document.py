"""Process one document end to end — read, normalise, structure, extract — without Prefect.

``process_document`` is the plain function the Prefect task wraps, and what library
users and tests call. It never raises for a bad document: the failure becomes a
``documents`` row with ``status = failed`` and a message naming the file and the problem.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import traceback
from dataclasses import dataclass, field
from functools import cache

from extractors.context import Context
from pipeline import __version__
from pipeline.ingest.corpus import DocumentSpec
from pipeline.errors import DocumentError
from pipeline.ingest.normalise import normalise
from pipeline.ingest.read import read_input
from pipeline.limits import limits, time_limit
from pipeline.structure.parse import Paragraph, Structure, parse_structure

log = logging.getLogger("plantasks")


@dataclass(slots=True)
class DocumentResult:
    """Rows of every per-document table for one document (plain dicts: they pickle)."""

    doc_id: str
    document: dict
    tables: dict[str, list[dict]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.document["status"] == "ok"


# (table, module, function) of the extractors run on every paragraph.
PARAGRAPH_EXTRACTORS = (
    ("targets", "extractors.quantities", "extract_quantities"),
    ("times", "extractors.times", "extract_times"),
    ("policy_refs", "extractors.policy_refs", "extract_policy_refs"),
)


@cache
def _extractors():
    """The paragraph extractors that are installed, imported once per process."""
    found = []
    for table, module, name in PARAGRAPH_EXTRACTORS:
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            log.warning("extractor %s not available: table %s stays empty", module, table)
            continue
        found.append((table, getattr(mod, name)))
    return tuple(found)


def load_extractors() -> None:
    """Load every extractor's data and model in this process (once: both are cached).

    Called before a document's clock starts: the seconds jieba and spaCy take to load
    are the run's cost, not the first document's.
    """
    _extractors()
    try:
        from extractors.entities import build_nlp
    except ImportError:
        return
    build_nlp()


def _fields(record) -> dict:
    """A flat slotted record as a dict (``dataclasses.asdict`` deep-copies: ~5% of the run)."""
    return {name: getattr(record, name) for name in record.__slots__}


def document_row(spec: DocumentSpec, *, sha256: str | None, text: str | None,
                 encoding: str | None = None, error: str | None = None) -> dict:
    return {
        "doc_id": spec.doc_id, "issuer": spec.issuer, "issuer_slug": spec.issuer_slug,
        "year": spec.year, "genre": spec.genre, "title": spec.title, "source": spec.source,
        "source_path": str(spec.path), "sha256": sha256, "encoding": encoding,
        "n_chars": len(text) if text is not None else None, "text": text,
        "status": "failed" if error else "ok", "error": error,
        "pipeline_version": __version__,
    }


def process_text(text: str, spec: DocumentSpec) -> dict[str, list[dict]]:
    """Structure and extraction rows of an already normalised text."""
    structure = parse_structure(text, spec.doc_id, spec.year)
    tables: dict[str, list[dict]] = {
        "sections": [{"doc_id": spec.doc_id, **_fields(s)} for s in structure.sections],
        "tasks": [{"doc_id": spec.doc_id, **_fields(t)} for t in structure.tasks],
    }
    tables.update(extract_all(text, structure, spec))
    return tables


def extract_all(text: str, structure: Structure, spec: DocumentSpec) -> dict[str, list[dict]]:
    """Run every extractor on every paragraph, adding where each row stands."""
    extractors = _extractors()
    out: dict[str, list[dict]] = {table: [] for table, _, _ in PARAGRAPH_EXTRACTORS}
    for par in structure.paragraphs:
        passage = text[par.char_start:par.char_end]
        context = Context(year=spec.year, part=par.part, genre=spec.genre)
        where = _where(spec, par)
        for table, extract in extractors:
            for rec in extract(passage, offset=par.char_start, context=context):
                out[table].append({**where, **_fields(rec)})
    if out["policy_refs"]:
        out["policy_refs"] = _resolve_policy_keys(out["policy_refs"])
    out["entities"] = extract_entities_rows(text, structure, spec)
    return out


def _where(spec: DocumentSpec, par: Paragraph) -> dict:
    return {"doc_id": spec.doc_id, "task_id": par.task_id, "section_id": par.section_id, "part": par.part}


def _resolve_policy_keys(rows: list[dict]) -> list[dict]:
    """Short forms (《纲要草案》) take the key of the full title earlier in the document."""
    from extractors.policy_refs import resolve_ref_keys
    from extractors.records import PolicyRef

    fields = PolicyRef.__slots__
    recs = [PolicyRef(**{k: r[k] for k in fields}) for r in rows]
    resolved = resolve_ref_keys(recs)
    return [{**row, "ref_key": rec.ref_key} for row, rec in zip(rows, resolved)]


def extract_entities_rows(text: str, structure: Structure, spec: DocumentSpec) -> list[dict]:
    try:
        from extractors.entities import extract_entities_batch
    except ImportError:
        return []
    pars = [p for p in structure.paragraphs if p.char_end > p.char_start]
    passages = [(text[p.char_start:p.char_end], p.char_start) for p in pars]
    rows = []
    context = Context(year=spec.year, genre=spec.genre)
    for par, ents in zip(pars, extract_entities_batch(passages, context)):
        where = _where(spec, par)
        rows.extend({**where, **_fields(e)} for e in ents)
    return rows


def process_document(spec: DocumentSpec) -> DocumentResult:
    """Read, normalise, structure and extract one document; failures become a failed row."""
    sha = None
    try:
        load_extractors()
        with time_limit(limits().document_seconds, spec.path):
            raw, decoded, encoding = read_input(spec.path)
            sha = hashlib.sha256(raw).hexdigest()
            text = normalise(decoded)
            if not text.strip():
                raise DocumentError(str(spec.path), "no text left after removing web-page leftovers")
            tables = process_text(text, spec)
    except DocumentError as exc:
        return DocumentResult(spec.doc_id, document_row(spec, sha256=sha, text=None, error=str(exc)))
    except Exception as exc:  # noqa: BLE001 - one bad document must never stop the run
        log.error("internal error on %s:\n%s", spec.path, traceback.format_exc())
        error = f"{spec.path}: internal error while processing ({type(exc).__name__}: {exc})"
        return DocumentResult(spec.doc_id, document_row(spec, sha256=sha, text=None, error=error))
    return DocumentResult(spec.doc_id, document_row(spec, sha256=sha, text=text, encoding=encoding), tables)
