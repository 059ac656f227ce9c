"""Incremental runs: a cold run, an unchanged re-run, and a re-run after changing one document.

    python benchmarks/incremental.py [--copies 1]

On a private copy of the corpus (``--copies`` times it), in one process and one output
folder: a cold run (empty cache, extractors not yet loaded), a re-run with nothing
changed, then a re-run after editing one document. Prints each time, how many documents
were processed, and each re-run as a share of the cold run. Goal: an unchanged re-run
costs at most 10% of the cold run, and a change reprocesses only the changed document.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from _corpus import Timer, scaled_corpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=1)
    args = ap.parse_args()

    from pipeline.orchestrate.engines import run_corpus

    tmp = Path(tempfile.mkdtemp(prefix="plantasks-incremental-"))
    try:
        n = 48 * args.copies
        corpus = scaled_corpus(n, tmp / "corpus")
        # hard links in the copy would let the edit below reach the real corpus
        for path in corpus.rglob("*.txt"):
            data = path.read_bytes()
            path.unlink()
            path.write_bytes(data)
        out = tmp / "out"
        with Timer() as cold:
            first = run_corpus(corpus, out)
        print(
            f"cold run:        {cold.seconds:7.2f} s, {first.documents - first.documents_cached} of "
            f"{first.documents} documents processed"
        )
        with Timer() as again:
            second = run_corpus(corpus, out)
        print(
            f"unchanged rerun: {again.seconds:7.2f} s, {second.documents - second.documents_cached} "
            f"processed; {again.seconds / cold.seconds:.1%} of the cold run (goal <= 10%)"
        )
        doc = corpus / "c0" / "dalian-edu" / "2018.txt"
        text = doc.read_text(encoding="utf-8")
        doc.write_text(text.replace("新开办公办幼儿园15所", "新开办公办幼儿园25所"), encoding="utf-8")
        with Timer() as one:
            third = run_corpus(corpus, out)
        print(
            f"one doc changed: {one.seconds:7.2f} s, {third.documents - third.documents_cached} "
            f"processed; {one.seconds / cold.seconds:.1%} of the cold run"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
