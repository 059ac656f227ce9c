"""The run of a corpus, the same for every engine: prepare, cache, process, write, cross-year, publish.

``run_documents`` is the one loop. Engines only say how documents are processed (one after
another here, a local process pool in ``pool.py``, Prefect tasks in ``flows.py``, a Dask
cluster through Prefect) and may build each issuer's cross-year rows elsewhere; they import
this module, never the reverse (``engines.py`` picks one). A document's bytes are read once:
for its metadata when the manifest lacks them, or when the run takes it up; the same bytes
give the cache key and go to the processor. Documents whose bytes, metadata and pipeline
code are unchanged since the last run into the same output folder are taken from its
content-hash cache (``cache.py``) instead of being processed again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline import __version__, registry
from pipeline.errors import DocumentError
from pipeline.extract.document import DocumentResult, document_row, process_document
from pipeline.ingest.corpus import DocumentSpec, assign_doc_ids, discover, infer_metadata, slugify
from pipeline.ingest.normalise import normalise
from pipeline.ingest.read import read_document, read_raw
from pipeline.orchestrate.cache import DocumentCache, failed_key
from pipeline.registry import CORPUS_TABLES, DOCUMENT_TABLES
from pipeline.tables.writer import RunWriter

log = logging.getLogger("plantasks")


@dataclass(frozen=True, slots=True)
class Prepared:
    """A document ready to process, or one that already failed while finding its metadata.

    ``raw`` holds the file's bytes once they have been read (for the metadata, or when the
    run takes the document up), so that they are read only once.
    """

    spec: DocumentSpec
    error: str | None = None
    raw: bytes | None = None


@dataclass
class RunSummary:
    out_dir: Path
    documents_ok: int = 0
    documents_failed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    documents_cached: int = 0
    warnings: list[tuple[str, str]] = field(default_factory=list)

    @property
    def documents(self) -> int:
        return self.documents_ok + self.documents_failed


def prepare(corpus: Path) -> list[Prepared]:
    """Discover the documents and settle each one's issuer, year and unique doc_id."""
    corpus = Path(corpus)
    prepared: list[Prepared] = []
    for spec in discover(corpus):
        if spec.error is not None:  # refused by discover (bad manifest row, path outside): never read
            prepared.append(
                Prepared(
                    replace(
                        spec, issuer_slug=spec.issuer_slug or "unknown", doc_id=f"failed-{slugify(spec.path.stem)}"
                    ),
                    spec.error,
                )
            )
            continue
        raw = None
        if spec.year is None or spec.issuer_slug is None or spec.issuer is None:
            try:
                raw, decoded = read_document(spec.path)
                opening = normalise(decoded[:4000])
                spec = infer_metadata(spec, opening, corpus if corpus.is_dir() else None)
            except DocumentError as exc:
                fallback = replace(
                    spec, issuer_slug=spec.issuer_slug or "unknown", doc_id=f"failed-{slugify(spec.path.stem)}"
                )
                prepared.append(Prepared(fallback, str(exc)))
                continue
        if spec.genre is None or spec.title is None:
            spec = replace(spec, genre=spec.genre or "unknown", title=spec.title or spec.path.stem)
        prepared.append(Prepared(spec, raw=raw))
    ok = assign_doc_ids([p.spec for p in prepared if p.error is None])
    it = iter(ok)
    out, failed_ids = [], {}
    for p in prepared:
        if p.error is None:
            out.append(Prepared(next(it), raw=p.raw))
        else:
            n = failed_ids[p.spec.doc_id] = failed_ids.get(p.spec.doc_id, 0) + 1
            doc_id = p.spec.doc_id if n == 1 else f"{p.spec.doc_id}-{n}"
            out.append(Prepared(replace(p.spec, doc_id=doc_id), p.error))
    return out


def failed_result(p: Prepared) -> DocumentResult:
    return DocumentResult(p.spec.doc_id, document_row(p.spec, sha256=None, text=None, error=p.error))


def crashed_result(p: Prepared, exc: BaseException, what: str = "task crashed") -> DocumentResult:
    """A document whose task or worker died: it fails alone, with the reason."""
    return failed_result(Prepared(p.spec, f"{p.spec.path}: {what} ({type(exc).__name__}: {exc})"))


class SubmissionWindow:
    """Submit documents ahead, at most ``limit`` in flight, and hand them back in input order.

    Shared by the Prefect flow and the local process pool: workers stay busy while
    results are written in input order, and no more than ``limit`` results are held.
    Iterating yields ``(prepared, future)``; the future is None for a document that
    already failed while its metadata was found.
    """

    def __init__(self, prepared: Iterable[Prepared], submit: Callable[[Prepared], Future], limit: int) -> None:
        self._todo = iter(prepared)
        self._submit = submit
        self._limit = limit
        self._pending: deque[tuple[Prepared, Future | None]] = deque()

    def __iter__(self) -> Iterator[tuple[Prepared, Future | None]]:
        while True:
            while len(self._pending) < self._limit:
                p = next(self._todo, None)
                if p is None:
                    break
                self._pending.append((p, None if p.error else self._submit(p)))
            if not self._pending:
                return
            yield self._pending.popleft()

    def take_pending(self) -> list[Prepared]:
        """Withdraw the documents submitted but not yet handed back (their pool died)."""
        taken = [p for p, _ in self._pending]
        self._pending.clear()
        return taken


def write_result(writer: RunWriter, result: DocumentResult, summary: RunSummary) -> None:
    writer.write_part("documents", result.doc_id, [result.document])
    for table, rows in result.tables.items():
        writer.write_part(table, result.doc_id, rows)
    summary.warnings.extend((result.document["source_path"], w) for w in result.warnings)
    if result.ok:
        summary.documents_ok += 1
    else:
        summary.documents_failed += 1
        summary.failures.append((result.document["source_path"], result.document["error"]))


def issuer_rows(staging: Path, doc_ids: list[str], name: str) -> dict[str, list[dict]]:
    """Cross-year rows of one issuer from its documents' staged parts (never reruns extractors).

    Reads only those documents' parts (through a folder of links), so memory is bounded
    by the largest issuer, not the corpus. Runs in the main process or in a worker.
    """
    from pipeline.crossyear.build import build_cross_year

    view = Path(staging) / f".view-{name}-{os.getpid()}"
    try:
        for table in DOCUMENT_TABLES:
            (view / table).mkdir(parents=True, exist_ok=True)
            for doc_id in doc_ids:
                staged = Path(staging) / table / f"{doc_id}.parquet"
                if not staged.exists():
                    continue
                try:
                    os.link(staged, view / table / staged.name)
                except OSError:
                    shutil.copy2(staged, view / table / staged.name)
        return build_cross_year(view)
    finally:
        shutil.rmtree(view, ignore_errors=True)


def build_issuer_here(staging: Path, slug: str, doc_ids: list[str]) -> Future:
    """One issuer's cross-year rows built now, in this process, as a finished future."""
    future: Future = Future()
    try:
        future.set_result(issuer_rows(staging, doc_ids, slug))
    except Exception as exc:  # noqa: BLE001 - raised again where the result is written
        future.set_exception(exc)
    return future


IssuerBuilder = Callable[[Path, str, list[str]], Future]


class CrossYear:
    """Builds each issuer's cross-year rows as soon as its last document is written.

    Started early, the builds of a process pool overlap the processing of the other
    issuers' documents; an issuer none of whose documents changed keeps its cached rows.
    Finished builds are written in the order they were started.
    """

    def __init__(
        self, prepared: list[Prepared], writer: RunWriter, doc_cache: DocumentCache | None, build: IssuerBuilder
    ) -> None:
        self.members = issuers_of(prepared)
        self.issuer_of = {d: slug for slug, ids in self.members.items() for d in ids}
        self.left = {slug: len(ids) for slug, ids in self.members.items()}
        self.keys: dict[str, str | None] = {}
        self.pending: deque[tuple[str, str | None, Future]] = deque()
        self.writer, self.doc_cache, self.build = writer, doc_cache, build

    def document_done(self, doc_id: str, key: str | None) -> None:
        self.keys[doc_id] = key
        slug = self.issuer_of[doc_id]
        self.left[slug] -= 1
        if self.left[slug] == 0:
            self._start(slug)
        self.write_finished()

    def _start(self, slug: str) -> None:
        doc_ids = self.members[slug]
        corpus_key = None
        if self.doc_cache is not None:
            corpus_key = self.doc_cache.corpus_key(slug, [self.keys[d] or "" for d in doc_ids])
            entry = self.doc_cache.lookup_corpus(corpus_key, slug)
            if entry is not None:
                self.doc_cache.adopt(entry, self.writer)
                return
        self.pending.append((slug, corpus_key, self.build(self.writer.staging, slug, doc_ids)))

    def write_finished(self, wait: bool = False) -> None:
        while self.pending and (wait or self.pending[0][2].done()):
            slug, corpus_key, future = self.pending.popleft()
            for table, rows in future.result().items():
                self.writer.write_part(table, slug, rows)
            if corpus_key is not None:
                self.doc_cache.store_corpus(corpus_key, slug, CORPUS_TABLES, self.writer)


def issuers_of(prepared: Iterable[Prepared]) -> dict[str, list[str]]:
    """doc_ids by issuer_slug: the cross-year tables only ever compare one issuer's plans."""
    groups: dict[str, list[str]] = {}
    for p in prepared:
        groups.setdefault(p.spec.issuer_slug or "unknown", []).append(p.spec.doc_id)
    return groups


def process_locally(prepared: Iterable[Prepared]) -> Iterator[DocumentResult]:
    """Process documents one after another in this process: the default engine."""
    for p in prepared:
        yield failed_result(p) if p.error else process_document(p.spec, p.raw)


Processor = Callable[[Iterable[Prepared]], Iterable[DocumentResult]]


@dataclass(frozen=True)
class RunHooks:
    """What the caller wants to hear during a run: the document count once the corpus is
    known, then each document as it is written (the CLI's progress bar)."""

    on_start: Callable[[int], None] | None = None
    on_document: Callable[[DocumentResult], None] | None = None


# Hooks reach a run through the context, so that an engine that cannot pass callables
# (a Prefect flow records its parameters) still calls them.
HOOKS: ContextVar[RunHooks] = ContextVar("plantasks_run_hooks", default=RunHooks())  # noqa: B039 - frozen


def take_up(p: Prepared) -> Prepared:
    """The document with its bytes read — once — or failed if they cannot be read."""
    if p.error is not None or p.raw is not None:
        return p
    try:
        return Prepared(p.spec, raw=read_raw(p.spec.path))
    except DocumentError as exc:
        return Prepared(p.spec, str(exc))


def run_documents(
    corpus: Path,
    out_dir: Path,
    processor: Processor,
    *,
    cache: bool = True,
    build_issuer: IssuerBuilder | None = None,
    started: float | None = None,
) -> RunSummary:
    """Prepare, take unchanged documents from the cache, process the rest with
    ``processor``, write each result as it arrives, build each issuer's cross-year rows
    with ``build_issuer`` (default: in this process) once its documents are in, publish.

    ``started`` (a ``time.perf_counter()`` reading) is when the user's command began, so
    the summary's seconds are the wall time the user waited.
    """
    hooks = HOOKS.get()
    started = time.perf_counter() if started is None else started
    registry.check()
    prepared = prepare(corpus)
    if hooks.on_start:
        hooks.on_start(len(prepared))
    writer = RunWriter(out_dir, corpus=corpus)
    summary = RunSummary(out_dir=out_dir)
    try:
        doc_cache = DocumentCache(out_dir) if cache else None
        cross_year = CrossYear(prepared, writer, doc_cache, build_issuer or build_issuer_here)
        todo = []
        for p in map(take_up, prepared):
            entry = None
            if doc_cache is not None and p.error is None:
                entry = doc_cache.lookup(p.spec, hashlib.sha256(p.raw).hexdigest())
            if entry is None:
                todo.append(p)
                continue
            doc_cache.adopt(entry, writer)
            summary.documents_ok += 1
            summary.documents_cached += 1
            row = doc_cache.document_row(entry)
            summary.warnings.extend((row["source_path"], w) for w in (row.get("warnings") or "").split("\n") if w)
            if hooks.on_document:
                hooks.on_document(DocumentResult(p.spec.doc_id, row))
            cross_year.document_done(p.spec.doc_id, entry.key)
        specs = {p.spec.doc_id: p.spec for p in todo}
        for result in processor(todo):
            write_result(writer, result, summary)
            key = None
            if doc_cache is not None:
                key = (
                    doc_cache.store(specs[result.doc_id], result.document["sha256"], writer)
                    if result.ok
                    else failed_key(result.document)
                )
            if hooks.on_document:
                hooks.on_document(result)
            cross_year.document_done(result.doc_id, key)
        cross_year.write_finished(wait=True)
        summary.rows = dict(writer.rows_written)
        summary.seconds = time.perf_counter() - started
        writer.commit(
            list(DOCUMENT_TABLES) + list(CORPUS_TABLES),
            run_info={
                "corpus": str(corpus),
                "pipeline_version": __version__,
                "documents_ok": summary.documents_ok,
                "documents_failed": summary.documents_failed,
                "documents_cached": summary.documents_cached,
                "failures": summary.failures,
                "rows": summary.rows,
                "seconds": round(summary.seconds, 2),
            },
        )
    except BaseException:
        writer.abort()
        raise
    if doc_cache is not None:
        doc_cache.prune()
    summary.seconds = time.perf_counter() - started
    return summary
