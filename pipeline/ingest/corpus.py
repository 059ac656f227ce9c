"""Find the documents of a corpus folder and their metadata (manifest or inferred).

With ``MANIFEST.csv`` (columns path, issuer, issuer_slug, year, genre, title, source)
each row is one document. Without it, every text-like file below the folder is a
document, and issuer, year and genre come from the file name, its folder, or the
document's own opening lines (see ``infer_metadata``); a document whose year or issuer
cannot be found fails with a message saying so.

Nothing outside the corpus folder is ever read: a manifest path that is absolute or
climbs out (``/etc/passwd``, ``../../etc/passwd``) and a symbolic link that leads out
fail that document alone, with ``DocumentSpec.error`` saying why, and are never opened.
A manifest row with a bad year or no path fails alone too. An empty corpus, or a
manifest without rows, is an error for the whole run: publishing nothing would replace
the previous tables with empty ones.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import regex

from extractors.language_data import Integer, Pattern, Record, Strings, check_file, load, register
from extractors.numerals import DIGIT_CHARS, parse_number
from pipeline.errors import DocumentError
from pipeline.ingest.read import TEXT_SUFFIXES, UNSUPPORTED_SUFFIXES, decode, read_raw
from pipeline.limits import limits

MANIFEST = "MANIFEST.csv"
DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "metadata.yaml"
_SLUG_UNSAFE = regex.compile(r"[^\p{L}\p{N}_-]+")
_YEAR = re.compile(r"(?<!\d)(19[4-9]\d|20\d\d)(?!\d)")
# A manifest year: four digits, Arabic (2018, ２０１８) or Chinese (二〇一八), 年 allowed.
_MANIFEST_YEAR = regex.compile(rf"(?:\d{{4}}|[{DIGIT_CHARS}]{{4}})年?")
# Slugs end up in file names (``<doc_id>.parquet``, cache and view folders): file systems
# refuse names over 255 bytes, so longer slugs keep a readable head and a hash of the
# whole (a Chinese issuer name of 90 characters is 270 bytes).
MAX_SLUG_BYTES = 96
_SLUG_HASH = 10
# Column separators a manifest may use; the one that splits the header into a ``path``
# column wins (spreadsheets in Chinese locales often save with semicolons or tabs).
_DELIMITERS = (",", ";", "\t", "|")


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
    # why this document fails before it is read (a bad manifest row, a path leading
    # outside the corpus); such a document is never opened
    error: str | None = None


@dataclass(frozen=True, slots=True)
class MetadataWords:
    genres: tuple[str, ...]
    issuer_suffixes: tuple[str, ...]
    opening_lines: int
    year_joins: tuple[str, ...]
    year_spans: tuple[str, ...]
    issue_number: regex.Pattern  # a document number naming its year of issue: 国发〔2024〕6号


METADATA_FILE = register(
    "metadata",
    DATA_FILE,
    Record(
        genres=Strings(allow_empty=False),
        issuer_suffixes=Strings(allow_empty=False),
        opening_lines=Integer(1),
        year_joins=Strings(allow_empty=False),
        year_spans=Strings(allow_empty=False),
        issue_number=Pattern("year"),
    ),
    used_by="pipeline/ingest/corpus.py",
)


@cache
def metadata_words(path: Path = DATA_FILE) -> MetadataWords:
    """The words of ``pipeline/data/metadata.yaml``, longest first (工作要点 before 要点)."""
    data = load("metadata") if path == DATA_FILE else check_file(METADATA_FILE, path)
    return MetadataWords(
        tuple(sorted(data["genres"], key=len, reverse=True)),
        tuple(sorted(data["issuer_suffixes"], key=len, reverse=True)),
        data["opening_lines"],
        tuple(data["year_joins"]),
        tuple(data["year_spans"]),
        regex.compile(data["issue_number"]),
    )


def document_year(line: str, words: MetadataWords) -> int | None:
    """The year a line names for its document: the first year, but the later of two joined
    as a review and the plan after it (2023年工作总结和2024年工作思路 → 2024), not the end of a
    span (2021—2025年 → 2021)."""
    years = list(_YEAR.finditer(line))
    if not years:
        return None
    if _plan_after_review(line, words) is not None:
        return max(int(m.group(1)) for m in years)
    return int(years[0].group(1))


def _plan_after_review(line: str, words: MetadataWords) -> int | None:
    """Where the plan's year begins in a line joining a review and the plan after it
    (2023年工作总结和|2024年工作思路), or None."""
    years = list(_YEAR.finditer(line))
    if len(years) < 2:
        return None
    between = line[years[0].end() : years[-1].start()]
    if any(j in between for j in words.year_joins) and not any(d in between for d in words.year_spans):
        return max(years, key=lambda m: int(m.group(1))).start()
    return None


def document_genre(line: str, words: MetadataWords) -> str | None:
    """The genre a line names (the longest genre word in it); in a line joining a review
    and the plan after it, the plan's (2023年工作总结和2024年工作思路 → 工作思路)."""
    plan = _plan_after_review(line, words)
    scope = line if plan is None else line[plan:]
    return next((g for g in words.genres if g in scope), None)


def slugify(name: str) -> str:
    """A folder- and id-safe slug: letters, digits, ``_`` and ``-`` only (no path separators),
    at most :data:`MAX_SLUG_BYTES` bytes of UTF-8 (longer ones end in a hash of the whole)."""
    slug = _SLUG_UNSAFE.sub("-", name).strip("-").lower() or "unknown"
    return shorten(slug)


def shorten(name: str, max_bytes: int = MAX_SLUG_BYTES) -> str:
    """``name`` if it fits in ``max_bytes`` of UTF-8, else its head and a hash of the whole."""
    encoded = name.encode("utf-8")
    if len(encoded) <= max_bytes:
        return name
    digest = hashlib.sha256(encoded).hexdigest()[:_SLUG_HASH]
    head = encoded[: max_bytes - _SLUG_HASH - 1].decode("utf-8", errors="ignore").rstrip("-")
    return f"{head}-{digest}"


def discover(corpus: Path) -> list[DocumentSpec]:
    """Documents of ``corpus`` in a stable order (ids are given later, by ``assign_doc_ids``).

    Raises DocumentError for the whole corpus when it is missing, holds no document, or
    its manifest cannot be read; a single bad row or path fails alone (``spec.error``).
    """
    corpus = Path(corpus)
    if not corpus.exists():
        raise DocumentError(str(corpus), "corpus folder not found")
    if corpus.is_file():
        return [DocumentSpec(path=corpus)]
    if (corpus / MANIFEST).exists():
        specs = _from_manifest(corpus)
        if not specs:
            raise DocumentError(
                str(corpus / MANIFEST),
                "lists no documents (only a header): add one row per "
                "document, or remove it to take every document below the folder",
            )
        return specs
    specs = _walk(corpus)
    if not specs:
        suffixes = ", ".join(sorted(TEXT_SUFFIXES))
        raise DocumentError(
            str(corpus),
            f"no documents: no {suffixes} file below the folder (and no MANIFEST.csv); the previous tables are kept",
        )
    return specs


def _walk(corpus: Path) -> list[DocumentSpec]:
    """Every text-like file below ``corpus`` but hidden ones; linked folders are not
    entered, and a symbolic link to a file outside the corpus is refused."""
    root = corpus.resolve()
    found: list[Path] = []
    for folder, _, files in os.walk(corpus, followlinks=False):
        found.extend(Path(folder) / name for name in files if not name.startswith("."))
    specs = []
    for path in sorted(found):
        if not _is_document(path):
            continue
        outside = _leaves_corpus(path, root) if path.is_symlink() else None
        if outside is not None:
            specs.append(DocumentSpec(path=path, error=outside))
        elif path.is_file():
            specs.append(DocumentSpec(path=path))
    return specs


def _is_document(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in TEXT_SUFFIXES or suffix in UNSUPPORTED_SUFFIXES


def _leaves_corpus(path: Path, root: Path) -> str | None:
    """Why the symbolic link ``path`` must not be followed, or None if it stays inside."""
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return None  # a broken link is not a document: skipped like any missing file
    except (OSError, RuntimeError) as exc:  # a loop of links
        return f"{path}: cannot follow the symbolic link ({exc})"
    if target.is_relative_to(root):
        return None
    return (
        f"{path}: a symbolic link to {target}, outside the corpus folder {root}: "
        "refused (copy the file into the corpus instead)"
    )


def _from_manifest(corpus: Path) -> list[DocumentSpec]:
    manifest = corpus / MANIFEST
    rows = _manifest_rows(manifest)
    root = corpus.resolve()
    specs = []
    seen: dict[Path, int] = {}
    for n, row in rows:
        rel = row.get("path") or ""
        meta = {
            "issuer": row.get("issuer") or None,
            "issuer_slug": slugify(row["issuer_slug"]) if row.get("issuer_slug") else None,
            "genre": row.get("genre") or None,
            "title": row.get("title") or None,
            "source": row.get("source") or None,
        }
        if not rel:
            specs.append(DocumentSpec(path=manifest, **meta, error=f"{manifest}: line {n}: no path"))
            continue
        path, error = _inside(corpus, root, rel, manifest, n)
        year, year_error = _manifest_year(row.get("year") or "", manifest, n)
        error = error or year_error
        if error is None:
            if path in seen:
                error = f"{manifest}: line {n}: {rel} is already listed on line {seen[path]}; processed once"
            else:
                seen[path] = n
        specs.append(DocumentSpec(path=path, year=year, **meta, error=error))
    return specs


def _manifest_rows(manifest: Path) -> list[tuple[int, dict[str, str]]]:
    """``(line number, row)`` of every non-blank manifest row, keys and values stripped.

    The manifest is decoded like a document (UTF-8, GB18030 or UTF-16: spreadsheets save
    all three) and may separate its columns with commas, semicolons, tabs or bars.
    """
    try:
        text, _ = decode(read_raw(manifest), str(manifest))
    except DocumentError as exc:
        raise DocumentError(str(manifest), f"cannot read the manifest: {exc.problem}; save it as CSV in UTF-8") from exc
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = next((d for d in _DELIMITERS if "path" in (c.strip().lower() for c in header.split(d))), None)
    if delimiter is None:
        raise DocumentError(
            str(manifest),
            f"no path column in the header line {header.strip()[:80]!r}: "
            "the first line must name the columns, e.g. path,issuer,issuer_slug,year,"
            "genre,title,source",
        )
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    try:
        lines = list(reader)
    except csv.Error as exc:
        raise DocumentError(str(manifest), f"cannot read the manifest: line {reader.line_num}: {exc}") from exc
    columns = [c.strip().lower() for c in lines[0]]
    rows = []
    for n, values in enumerate(lines[1:], start=2):
        if not any(v.strip() for v in values):
            continue
        rows.append((n, {c: v.strip() for c, v in zip(columns, values) if c}))
    return rows


def _inside(corpus: Path, root: Path, rel: str, manifest: Path, n: int) -> tuple[Path, str | None]:
    """The resolved path of a manifest entry, or an error if it leads outside the corpus."""
    written = corpus / rel
    if Path(rel).is_absolute():
        return written, (
            f"{manifest}: line {n}: {rel} is an absolute path: manifest paths are relative "
            f"to the corpus folder and stay inside it; refused"
        )
    try:
        path = written.resolve()
    except (OSError, RuntimeError) as exc:
        return written, f"{manifest}: line {n}: {rel}: cannot resolve the path ({exc})"
    if path.is_relative_to(root):
        return path, None
    lexical = Path(os.path.normpath(root / rel))
    if lexical.is_relative_to(root):
        return written, (
            f"{manifest}: line {n}: {rel} is a symbolic link to {path}, outside the corpus folder {root}: refused"
        )
    return written, f"{manifest}: line {n}: {rel} leads outside the corpus folder {root}: refused"


def _manifest_year(value: str, manifest: Path, n: int) -> tuple[int | None, str | None]:
    """A manifest year (2018, 二〇一八, 2018年) in the sane range, or an error; blank is None."""
    if not value:
        return None, None
    first, last = limits().first_year, limits().last_year
    problem = f"{manifest}: line {n}: year {value!r} is not a four-digit year between {first} and {last}"
    if not _MANIFEST_YEAR.fullmatch(value):
        return None, problem
    digits = value.rstrip("年")
    number = parse_number(digits) if digits[0] in DIGIT_CHARS else int(digits)
    if number is None or not first <= int(number) <= last:
        return None, problem
    return int(number), None


def opening_lines(text: str, words: MetadataWords) -> list[str]:
    """The non-blank lines at the top of a document, where its title and number stand."""
    return [ln.strip() for ln in text.split("\n") if ln.strip()][: words.opening_lines]


def infer_year(name: str, opening: list[str], words: MetadataWords) -> int | None:
    """The year a file name or a document's opening lines name for it; failing that, the
    year of issue its document number names (关于落实《政府工作报告》重点工作分工的意见 /
    国发〔2024〕6号 → 2024)."""
    year = next((y for y in (document_year(source, words) for source in (name, *opening)) if y), None)
    if year is None:
        issued = next((m for m in (words.issue_number.search(ln) for ln in opening) if m), None)
        year = int(issued.group("year")) if issued else None
    return year


def infer_metadata(spec: DocumentSpec, text: str, corpus: Path | None = None) -> DocumentSpec:
    """Fill what the manifest did not say from the file name, its folder and opening lines."""
    words = metadata_words()
    opening = opening_lines(text, words)
    name = spec.path.stem
    folder = spec.path.parent.name if corpus is None or spec.path.parent != Path(corpus) else ""
    year = spec.year if spec.year is not None else infer_year(name, opening, words)
    if year is None:
        raise DocumentError(
            str(spec.path),
            "no year found in the manifest, the file name or the opening lines; "
            "add it to MANIFEST.csv or the file name (e.g. 2018.txt)",
        )
    genre = spec.genre or next((g for g in (document_genre(s, words) for s in (name, *opening)) if g), None)
    issuer = (
        spec.issuer
        or _issuer_from(name, words)
        or next((i for i in (_issuer_from(ln, words) for ln in opening) if i), None)
    )
    slug = spec.issuer_slug
    if slug is None:
        if folder and folder.lower() not in {"corpus", "documents", "docs", "input", "inputs"}:
            slug = slugify(folder)
        elif issuer:
            slug = slugify(issuer)
    if issuer is None and slug is not None:
        issuer = slug
    if slug is None:
        raise DocumentError(
            str(spec.path),
            "no issuer found in the manifest, the folder or file name, or the opening lines; "
            "add a MANIFEST.csv row or put the file in a folder named after its issuer",
        )
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
