"""Content-hash cache of per-document parts: unchanged documents are not processed again.

A document's key is the sha256 of its raw bytes, a fingerprint of the code and data that
process it (every file under ``extractors/`` and ``pipeline/`` plus the versions of the
libraries that segment and tag), and its metadata (path, issuer, year, genre, title,
source, doc_id: all of them land in its rows). A run that finds a key under
``<out>/.plantasks/cache/<key>/`` (inside plantasks' own area of the output folder,
never a ``.cache`` of someone else's) hard-links those Parquet parts into its staging folder with
``RunWriter.adopt_part`` instead of reprocessing; a processed document's staged parts
are hard-linked into the cache. Parts are never rewritten in place (every write is a new
file renamed over), so a part shared by the cache and a published table cannot change
under either. The cross-year rows of each issuer are cached the same way under a key made of
its documents' keys, so a re-run of an unchanged corpus neither processes nor rebuilds
anything, and a changed document rebuilds only its issuer's rows. Users process hundreds
of issuers over decades: re-runs after adding one year's plans touch only the new documents.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pyarrow.parquet as pq

from pipeline import __version__
from pipeline.ingest.corpus import DocumentSpec
from pipeline.registry import DOCUMENT_TABLES
from pipeline.tables.output_folder import AREA, CACHE, housekeeping
from pipeline.tables.writer import RunWriter

CACHE_DIR = f"{AREA}/{CACHE}"
META = "meta.json"
PACKAGE_ROOTS = (Path(__file__).resolve().parents[2] / "extractors", Path(__file__).resolve().parents[1])
# Libraries whose output ends up in the rows: a new jieba dictionary or spaCy matcher
# can change them as much as our own code.
LIBRARIES = ("jieba", "spacy", "opencc", "regex", "pyarrow")
_SKIP_DIRS = {"__pycache__"}
_SKIP_SUFFIXES = {".pyc", ".pyo", ".tmp"}


def code_fingerprint(roots: tuple[Path, ...] = PACKAGE_ROOTS) -> str:
    """sha256 over every code and data file under ``roots`` (names and bytes) and library versions."""
    h = hashlib.sha256(f"plantasks {__version__}\n".encode())
    for lib in LIBRARIES:
        try:
            version = metadata.version(lib)
        except metadata.PackageNotFoundError:
            version = "-"
        h.update(f"{lib} {version}\n".encode())
    for root in roots:
        root = Path(root)
        files = sorted(
            p
            for p in root.rglob("*")
            if p.is_file() and p.suffix not in _SKIP_SUFFIXES and not _SKIP_DIRS.intersection(p.relative_to(root).parts)
        )
        for path in files:
            h.update(f"{root.name}/{path.relative_to(root).as_posix()}\0".encode())
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def failed_key(document: dict) -> str:
    """A stand-in key for a failed document: its row, without text (it has none)."""
    row = {k: v for k, v in document.items() if k != "text"}
    return "failed-" + hashlib.sha256(json.dumps(row, sort_keys=True, default=str).encode()).hexdigest()


def document_key(sha256: str, spec: DocumentSpec, fingerprint: str) -> str:
    """The cache key of one document: raw bytes, code fingerprint and metadata."""
    meta = {
        "sha256": sha256,
        "code": fingerprint,
        "path": str(spec.path),
        "issuer": spec.issuer,
        "issuer_slug": spec.issuer_slug,
        "year": spec.year,
        "genre": spec.genre,
        "title": spec.title,
        "source": spec.source,
        "doc_id": spec.doc_id,
    }
    return hashlib.sha256(json.dumps(meta, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class CacheEntry:
    key: str
    folder: Path
    doc_id: str
    rows: dict[str, int]

    def part(self, table: str) -> Path:
        return self.folder / f"{table}.parquet"


class DocumentCache:
    """Per-document parts of earlier runs under ``<out_dir>/.plantasks/cache``, keyed by content."""

    def __init__(self, out_dir: Path, fingerprint: str | None = None) -> None:
        self.out_dir = Path(out_dir)
        self.root = self.out_dir / CACHE_DIR
        self.fingerprint = fingerprint or code_fingerprint()
        self.used: set[str] = set()
        self.hits = 0
        self.misses = 0

    def lookup(self, spec: DocumentSpec, sha256: str) -> CacheEntry | None:
        """The cached parts of ``spec`` whose bytes hash to ``sha256``, or None (a miss)."""
        key = document_key(sha256, spec, self.fingerprint)
        entry = self._read_entry(key)
        if entry is None or entry.doc_id != spec.doc_id:
            self.misses += 1
            return None
        self.hits += 1
        self.used.add(key)
        return entry

    def _read_entry(self, key: str) -> CacheEntry | None:
        folder = self.root / key
        try:
            meta = json.loads((folder / META).read_text(encoding="utf-8"))
            entry = CacheEntry(key, folder, meta["doc_id"], {t: int(n) for t, n in meta["rows"].items()})
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        if not all(entry.part(t).is_file() for t in entry.rows):
            return None
        return entry

    def adopt(self, entry: CacheEntry, writer: RunWriter) -> None:
        """Link the entry's parts into the run."""
        for table in entry.rows:
            writer.adopt_part(table, entry.doc_id, entry.part(table))

    def document_row(self, entry: CacheEntry) -> dict:
        """The ``documents`` row of a cached document."""
        return pq.read_table(entry.part("documents")).to_pylist()[0]

    def store(self, spec: DocumentSpec, sha256: str, writer: RunWriter) -> str:
        """Keep the parts ``writer`` staged for ``spec`` (an ok document) under its key."""
        key = document_key(sha256, spec, self.fingerprint)
        self._store(key, spec.doc_id, DOCUMENT_TABLES, writer)
        return key

    def corpus_key(self, issuer_slug: str, document_keys: Iterable[str]) -> str:
        """Key of one issuer's cross-year rows: the keys of all its documents, in any order."""
        h = hashlib.sha256(f"corpus {self.fingerprint} {issuer_slug}\n".encode())
        for key in sorted(document_keys):
            h.update(f"{key}\n".encode())
        return f"corpus-{h.hexdigest()}"

    def lookup_corpus(self, key: str, issuer_slug: str) -> CacheEntry | None:
        """The cached cross-year parts of one issuer (part name: its slug), or None."""
        entry = self._read_entry(key)
        if entry is None or entry.doc_id != issuer_slug:
            return None
        self.used.add(key)
        return entry

    def store_corpus(self, key: str, issuer_slug: str, tables: Iterable[str], writer: RunWriter) -> None:
        self._store(key, issuer_slug, tables, writer)

    def _store(self, key: str, name: str, tables: Iterable[str], writer: RunWriter) -> None:
        """Hard-link the parts ``name`` of ``tables`` staged by ``writer`` under ``key``.

        Written into a temporary folder and renamed into place, so a half-written entry
        is never found. A cache that cannot be written only costs speed, never the run.
        """
        self.used.add(key)
        folder = self.root / key
        if folder.is_dir():
            return
        tmp = self.root / f".tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        try:
            tmp.mkdir(parents=True)
            rows = {}
            for table in tables:
                part = writer.staged_part(table, name)
                if part is None:
                    continue
                target = tmp / f"{table}.parquet"
                try:
                    os.link(part, target)
                except OSError:
                    shutil.copy2(part, target)
                counted = writer.part_rows.get((table, name))
                rows[table] = counted if counted is not None else pq.read_metadata(target).num_rows
            (tmp / META).write_text(json.dumps({"doc_id": name, "rows": rows}), encoding="utf-8")
            os.replace(tmp, folder)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)

    def prune(self) -> None:
        """Drop the entries this run neither used nor wrote (and stale temporary folders).

        Only inside plantasks' own area, and only while no other run is writing there
        (that run may be adopting entries this one did not use); otherwise the next run
        prunes.
        """
        with housekeeping(self.out_dir) as folder:
            if folder is None or not self.root.is_dir() or self.root.is_symlink():
                return
            for entry in self.root.iterdir():
                if entry.name not in self.used:
                    if entry.is_symlink() or not entry.is_dir():
                        entry.unlink(missing_ok=True)
                    else:
                        shutil.rmtree(entry, ignore_errors=True)
