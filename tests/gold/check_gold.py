"""Check the hand-made gold files against the normalised corpus texts.

Run from the repository root:

    /work/venv/bin/python tests/gold/check_gold.py [GOLD_FILE ...]

For every gold file (default: every ``tests/gold/**/*.json``): the schema and enums
(``pipeline.evaluation.evaluate.load_gold``), each anchor starting exactly one line, each
``text``/``occurrence`` present in its paragraph, and, where a table is complete, that
every 《…》 of the scope is annotated as a policy reference (ANNOTATION.md: every 《…》 is
one reference). It never produces annotations: it only says where a file is wrong.
Exit status 1 if any file has a problem. ``tests/gold/test_gold_files.py`` runs the same
checks.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extractors.char_classes import TITLE as _TITLE  # noqa: E402
from pipeline.evaluation.gold import (  # noqa: E402
    GoldFileError,
    find_anchor,
    gold_files,
    load_gold,
    locate,
)

GOLD_DIR = ROOT / "tests" / "gold"
CORPUS = ROOT / "corpus"


@cache
def document_texts(corpus: Path = CORPUS) -> dict[str, str]:
    """doc_id -> normalised text, with the doc_ids the pipeline assigns."""
    from pipeline.ingest.normalise import normalise
    from pipeline.ingest.read import read_document
    from pipeline.orchestrate.run import prepare

    texts = {}
    for p in prepare(corpus):
        if p.error is None and p.spec.doc_id:
            _, decoded = read_document(p.spec.path)
            texts[p.spec.doc_id] = normalise(decoded)
    return texts


def check_file(path: Path, texts: dict[str, str]) -> list[str]:
    """Problems of one gold file, as readable lines (empty when the file is right)."""
    try:
        gold = load_gold(path)
    except GoldFileError as exc:
        return [str(exc)]
    text = texts.get(gold.doc_id)
    if text is None:
        return [f"{path}: doc_id {gold.doc_id!r} is not a corpus document"]
    if path.stem != gold.doc_id:
        return [f"{path}: file name should be {gold.doc_id}.json"]
    try:
        mentions, spans = locate(gold, text)
    except GoldFileError as exc:
        return [str(exc)]
    problems = []
    for name in ("sections", "tasks"):
        items = getattr(gold, name) or ()
        positions = []
        for i, item in enumerate(items):
            if "anchor" not in item:
                continue
            try:
                positions.append(find_anchor(gold, text, f"{name}[{i}]", item["anchor"]))
            except GoldFileError as exc:
                problems.append(str(exc))
        if positions != sorted(positions):
            problems.append(f"{path}: {name} are not in document order")
    for table, items in mentions.items():
        seen = {}
        for m in items:
            key = (m.char_start, m.char_end)
            if key in seen:
                problems.append(
                    f"{path}: {table} {m.text!r} in {m.paragraph} is the same span as "
                    f"{seen[key]!r} in the same paragraph or another one"
                )
            seen[key] = m.text
    scope = gold.complete.get("policy_refs")
    if scope:
        annotated = {(m.char_start, m.char_end) for m in mentions["policy_refs"]}
        regions = [(0, len(text))] if scope == "document" else list(spans.values())
        for start, end in regions:
            for t in _TITLE.finditer(text, start, end):
                if (t.start(), t.end()) not in annotated:
                    problems.append(
                        f"{path}: {t.group()} at {t.start()} is not annotated although "
                        f"policy_refs is complete for the {scope}"
                    )
    return problems


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    paths = [Path(a) for a in argv] or gold_files(GOLD_DIR)
    texts = document_texts()
    bad = 0
    for path in paths:
        problems = check_file(path, texts)
        for line in problems:
            print(line)
        bad += bool(problems)
        if not problems:
            print(f"{path}: ok")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
