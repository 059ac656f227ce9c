"""Find the documents of a corpus folder and their metadata (manifest or inferred).

With ``MANIFEST.csv`` (columns path, issuer, issuer_slug, year, genre, title, source)
each row is one document. Without it, every text-like file below the folder is a
document, and issuer, year and genre come from the file name, its folder, or the
document's own opening lines (see ``infer_metadata``); a document whose year or issuer
cannot be found fails with a message saying so.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import regex

from extractors.datafiles import read_yaml
from extractors.errors import DataFileError
from pipeline.errors import DocumentError
from pipeline.ingest.read import TEXT_SUFFIXES, UNSUPPORTED_SUFFIXES

MANIFEST = "MANIFEST.csv"
DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "metadata.yaml"
_SLUG_UNSAFE = regex.compile(r"[^\p{L}\p{N}_-]+")
_YEAR = re.compile(r"(?<!\d)(19[4-9]\d|20\d\d)(?!\d)")


@dataclass(frozen=True, slots=True)
class DocumentSpec:
    """Where a document is and what is known of it before reading."""

    path: Path
    issuer: str | None = None
    issuer_slug: str | None = None
    year: int | None = None
    genre: str | None = None
    title: str | None = None
    source: str | None = None
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class MetadataWords:
    genres: tuple[str, ...]
    issuer_suffixes: tuple[str, ...]
    opening_lines: int


@cache
def metadata_words(path: Path = DATA_FILE) -> MetadataWords:
    data = read_yaml(path)
    try:
        genres = tuple(sorted((str(g) for g in data["genres"]), key=len, reverse=True))
        suffixes = tuple(sorted((str(s) for s in data["issuer_suffixes"]), key=len, reverse=True))
        lines = int(data["opening_lines"])
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(str(path), f"expected genres, issuer_suffixes, opening_lines: {exc}") from exc
    return MetadataWords(genres, suffixes, lines)


def slugify(name: str) -> str:
    """A folder- and id-safe slug: letters, digits, ``_`` and ``-`` only (no path separators)."""
    slug = _SLUG_UNSAFE.sub("-", name).strip("-").lower()
    return slug or "unknown"


def discover(corpus: Path) -> list[DocumentSpec]:
    """Documents of ``corpus`` in a stable order, with ids made unique per issuer and year."""
    corpus = Path(corpus)
    if not corpus.exists():
        raise DocumentError(str(corpus), "corpus folder not found")
    if corpus.is_file():
        specs = [DocumentSpec(path=corpus)]
    elif (corpus / MANIFEST).exists():
        specs = _from_manifest(corpus)
    else:
        specs = [
            DocumentSpec(path=p)
            for p in sorted(corpus.rglob("*"))
            if p.is_file() and not p.name.startswith(".")
            and (p.suffix.lower() in TEXT_SUFFIXES or p.suffix.lower() in UNSUPPORTED_SUFFIXES)
        ]
    return specs


def _from_manifest(corpus: Path) -> list[DocumentSpec]:
    manifest = corpus / MANIFEST
    try:
        rows = list(csv.DictReader(manifest.open(encoding="utf-8-sig", newline="")))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DocumentError(str(manifest), f"cannot read the manifest: {exc}") from exc
    specs = []
    for n, row in enumerate(rows, start=2):
        if not row.get("path"):
            raise DocumentError(str(manifest), f"line {n}: no path")
        year = row.get("year") or None
        try:
            year = int(year) if year else None
        except ValueError as exc:
            raise DocumentError(str(manifest), f"line {n}: year {year!r} is not a number") from exc
        path = (corpus / row["path"]).resolve()
        specs.append(DocumentSpec(
            path=path, issuer=row.get("issuer") or None,
            issuer_slug=slugify(row["issuer_slug"]) if row.get("issuer_slug") else None,
            year=year, genre=row.get("genre") or None, title=row.get("title") or None,
            source=row.get("source") or None,
        ))
    return specs


def infer_metadata(spec: DocumentSpec, text: str, corpus: Path | None = None) -> DocumentSpec:
    """Fill what the manifest did not say from the file name, its folder and opening lines."""
    words = metadata_words()
    opening = [ln.strip() for ln in text.split("\n") if ln.strip()][: words.opening_lines]
    name = spec.path.stem
    folder = spec.path.parent.name if corpus is None or spec.path.parent != Path(corpus) else ""
    year = spec.year
    if year is None:
        for source in (name, *opening):
            m = _YEAR.search(source)
            if m:
                year = int(m.group(1))
                break
    if year is None:
        raise DocumentError(str(spec.path), "no year found in the manifest, the file name or the opening lines; add it to MANIFEST.csv or the file name (e.g. 2018.txt)")
    genre = spec.genre or next(
        (g for g in words.genres for s in (name, *opening) if g in s), None)
    issuer = spec.issuer or _issuer_from(name, words) or next(
        (i for i in (_issuer_from(ln, words) for ln in opening) if i), None)
    slug = spec.issuer_slug
    if slug is None:
        if folder and folder.lower() not in {"corpus", "documents", "docs", "input", "inputs"}:
            slug = slugify(folder)
        elif issuer:
            slug = slugify(issuer)
    if issuer is None and slug is not None:
        issuer = slug
    if slug is None:
        raise DocumentError(str(spec.path), "no issuer found in the manifest, the folder or file name, or the opening lines; add a MANIFEST.csv row or put the file in a folder named after its issuer")
    title = spec.title or (opening[0][:80] if opening else name)
    return replace(spec, year=year, genre=genre or "unknown", issuer=issuer, issuer_slug=slug, title=title)


def _issuer_from(line: str, words: MetadataWords) -> str | None:
    """The Han-character name before a year that ends in an issuer suffix (大连市教育局2018年…)."""
    m = _YEAR.search(line)
    head = line[: m.start()] if m else line
    run = regex.search(r"\p{Han}+$", head)
    if not run:
        return None
    cand = run.group()
    for suffix in words.issuer_suffixes:
        if suffix in cand:
            return cand[: cand.rindex(suffix) + len(suffix)]
    return None


def assign_doc_ids(specs: list[DocumentSpec]) -> list[DocumentSpec]:
    """``<issuer_slug>-<year>``, with ``-2``, ``-3`` … for a second document of the same issuer and year."""
    seen: dict[str, int] = {}
    out = []
    for spec in specs:
        base = f"{spec.issuer_slug}-{spec.year}"
        seen[base] = seen.get(base, 0) + 1
        doc_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
        out.append(replace(spec, doc_id=doc_id))
    return out
