"""Structure of documents read as page dumps: does it come from the markers or from the lines?

A page scraped without its line breaks arrives as a few header lines and the whole body on
one line (the 福建/平潭 documents of the corpus). Every document can arrive that way, so
structure must not depend on where lines start. This check turns any document into the
dump a crawler would make of it (:func:`page_dump`: lines stripped, blank lines dropped,
the rest joined) and compares the structure of the dump with

- the hand-made structure gold, when the document has one (its anchors are placed in the
  original text and carried into the dump by counting the characters that are not
  whitespace, which the dump keeps in order): tasks and sections found with the right
  start, titles and headings exact — the figures of ``plantasks evaluate``;
- the structure of the original text, for every document (agreement): the share of tasks
  and sections of the original that the dump has at the same start with the same title;
  the share of the original's characters (not whitespace) whose paragraph has the same
  part (plan, review, other) in the dump — the part decides whether a figure is a target
  or an achievement; and with ``--kinds``, the share of the original's quantities the
  dump reads at the same start with the same ``kind``.

Usage: ``python -m pipeline.evaluation.page_dumps [--gold DIR ...] [--corpus DIR]
[--documents ID ...] [--misses] [--kinds]``.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path

from pipeline.evaluation import same_document
from pipeline.evaluation.evaluate import STRUCTURE_TABLES, Score, _Tally, score_structure
from pipeline.evaluation.gold import find_anchor, gold_files, load_gold
from pipeline.extract.document import extract_all
from pipeline.ingest.normalise import normalise_with_layout
from pipeline.ingest.read import read_input
from pipeline.structure.parse import Structure, parse_structure

# A source whose longest line holds at least this share of its characters is a page dump
# already: there is nothing to flatten.
DUMP_SHARE = 0.5


def page_dump(text: str) -> str:
    """``text`` as a crawler dumps a page: every line stripped, blank lines dropped, the
    rest joined into one line."""
    return "".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"


def _ink_before(text: str) -> list[int]:
    """For each position of ``text`` (and its end), how many non-whitespace characters
    come before it: the coordinate a dump shares with its source."""
    out, n = [], 0
    for ch in text:
        out.append(n)
        if not ch.isspace():
            n += 1
    out.append(n)
    return out


def _structure(decoded: str, doc_id: str, year: int | None) -> tuple[str, Structure]:
    text, set_apart = normalise_with_layout(decoded)
    return text, parse_structure(text, doc_id, year, set_apart)


def _rows(structure: Structure, table: str) -> list[dict]:
    return [asdict(r) for r in getattr(structure, table)]


def _moved(rows: list[dict], ink_from: list[int], ink_positions: list[int]) -> list[dict]:
    """``rows`` with ``char_start`` carried to the other text: to its character with as
    many non-whitespace characters before it (``ink_positions``: where each one is)."""
    out = []
    for r in rows:
        k = ink_from[r["char_start"]]
        out.append({**r, "char_start": ink_positions[k] if k < len(ink_positions) else ink_positions[-1] + 1})
    return out


def _ink_parts(text: str, structure: Structure) -> list[str | None]:
    """The part of the paragraph holding each non-whitespace character (None: no paragraph)."""
    parts: list[str | None] = [None] * len(text)
    for p in structure.paragraphs:
        parts[p.char_start : p.char_end] = [p.part] * (p.char_end - p.char_start)
    return [parts[i] for i, ch in enumerate(text) if not ch.isspace()]


def _part_agreement(orig: list[str | None], dump: list[str | None]) -> tuple[int, int]:
    """(characters of the original in a paragraph, those whose part the dump gives alike)."""
    pairs = [(a, b) for a, b in zip(orig, dump) if a is not None]
    return len(pairs), sum(1 for a, b in pairs if a == b)


def _kinds(text: str, structure: Structure, spec) -> dict[int, str]:
    """Each quantity's kind, by the non-whitespace characters before its start."""
    ink = _ink_before(text)
    tables = extract_all(text, structure, spec)
    return {ink[r["char_start"]]: r["kind"] for r in tables["targets"]}


def _kind_agreement(orig: dict[int, str], dump: dict[int, str]) -> tuple[int, int, int]:
    """(quantities of the original, those the dump has at the same start, with the same kind)."""
    same = [k for k in orig if k in dump]
    return len(orig), len(same), sum(1 for k in same if dump[k] == orig[k])


def _agreement(orig: list[dict], dump: list[dict], key: str) -> tuple[int, int, int, int]:
    """(items of the original, of the dump, same start, same start and same text)."""
    by_start = {r["char_start"]: r for r in dump}
    same = [r for r in orig if r["char_start"] in by_start]
    exact = sum(1 for r in same if by_start[r["char_start"]][key] == r[key])
    return len(orig), len(dump), len(same), exact


def measure(corpus: Path, gold_dirs: list[Path], documents: list[str] | None = None, kinds: bool = False):
    """Gold tallies (table -> _Tally, with problems) and agreement rows per document (with
    ``kinds``, also of the quantities' kinds: it runs every extractor, twice per document)."""
    specs = {spec.doc_id: spec for spec in same_document.documents(corpus)}
    golds = {}
    for d in gold_dirs:
        for p in gold_files(d):
            g = load_gold(p)
            if g.tasks is not None or g.sections is not None:
                golds[g.doc_id] = g
    wanted = documents or sorted(specs)
    tallies = {t: _Tally() for t in STRUCTURE_TABLES}
    problems: list = []
    agreement: dict[str, dict[str, tuple[int, int, int, int]]] = {}
    for doc_id in wanted:
        spec = specs[doc_id]
        _, decoded, _ = read_input(spec.path)
        if max(map(len, decoded.splitlines() or [""])) >= DUMP_SHARE * len(decoded):
            continue
        text, orig = _structure(decoded, doc_id, spec.year)
        dump_text, dump = _structure(page_dump(decoded), doc_id, spec.year)
        ink_positions = [i for i, ch in enumerate(text) if not ch.isspace()]
        dump_ink = _ink_before(dump_text)
        agreement[doc_id] = {"parts": _part_agreement(_ink_parts(text, orig), _ink_parts(dump_text, dump))}
        if kinds:
            agreement[doc_id]["kinds"] = _kind_agreement(_kinds(text, orig, spec), _kinds(dump_text, dump, spec))
        for table in STRUCTURE_TABLES:
            key = "title" if table == "tasks" else "heading"
            moved = _moved(_rows(dump, table), dump_ink, ink_positions)
            agreement[doc_id][table] = _agreement(_rows(orig, table), moved, key)
            g = golds.get(doc_id)
            items = getattr(g, table) if g is not None else None
            if not items or "anchor" not in items[0]:
                continue
            tallies[table].documents.append(doc_id)
            positions = [find_anchor(g, text, f"{table}[{i}]", it["anchor"]) for i, it in enumerate(items)]
            score_structure(table, doc_id, items, moved, tallies[table], problems, positions)
    return tallies, problems, agreement


def _pct(n: int, d: int) -> str:
    return f"{n}/{d} = {n / d:.3f}" if d else "0/0"


def report(tallies, problems, agreement, misses: bool = False) -> str:
    lines = ["Structure of page dumps (every document's body joined into one line)", ""]
    for table, tally in tallies.items():
        if not tally.documents:
            continue
        det: Score = tally.detection
        title = tally.fields.get("title" if table == "tasks" else "heading", [0, 0])
        lines.append(
            f"gold {table:8s} {len(set(tally.documents))} documents: found {_pct(det.tp, det.tp + det.fn)}, "
            f"false {det.fp}, P {det.precision:.3f}, exact text {_pct(title[0], title[1])}"
        )
        right = sum(1 for d, s in tally.by_document.items() if s.fp == 0 and s.fn == 0)
        lines.append(f"     {table} right on {right} of {len(tally.by_document)} documents")
    lines.append("")
    tot = {t: [0, 0, 0, 0] for t in STRUCTURE_TABLES}
    parts, kinds = [0, 0], [0, 0, 0]
    for doc_id, per in agreement.items():
        cells = []
        for t in STRUCTURE_TABLES:
            o, d, s, e = per[t]
            tot[t] = [a + b for a, b in zip(tot[t], per[t])]
            cells.append(f"{t} {o:3d} dump {d:3d} same start {s:3d} same text {e:3d}")
        parts = [a + b for a, b in zip(parts, per["parts"])]
        cells.append(f"part {_pct(per['parts'][1], per['parts'][0])}")
        if "kinds" in per:
            kinds = [a + b for a, b in zip(kinds, per["kinds"])]
            cells.append(f"kind {per['kinds'][2]}/{per['kinds'][0]}")
        lines.append(f"{doc_id:28s} " + " | ".join(cells))
    for t in STRUCTURE_TABLES:
        o, d, s, e = tot[t]
        lines.append(
            f"agreement {t}: {len(agreement)} documents, original {o}, dump {d}, "
            f"same start {_pct(s, o)}, same text {_pct(e, o)}"
        )
    lines.append(
        f"agreement parts: characters of the original whose part the dump gives alike {_pct(parts[1], parts[0])}"
    )
    if kinds[0]:
        lines.append(
            f"agreement kinds: quantities of the original at the same start {_pct(kinds[1], kinds[0])}, "
            f"same kind {_pct(kinds[2], kinds[0])}"
        )
    if misses:
        lines.append("")
        for p in problems:
            lines.append(f"{p.table} {p.doc_id} {p.kind}: {p.paragraph} {p.text!r} at {p.char_start}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.evaluation.page_dumps", description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    ap.add_argument("--gold", type=Path, action="append", default=[], help="structure gold folder (repeatable)")
    ap.add_argument("--documents", nargs="*", help="only these doc_ids (default: every document)")
    ap.add_argument("--misses", action="store_true", help="list the gold items missed or wrong")
    ap.add_argument("--kinds", action="store_true", help="also compare the quantities' kinds (runs the extractors)")
    args = ap.parse_args(argv)
    print(report(*measure(args.corpus, args.gold, args.documents, args.kinds), misses=args.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
