"""Orchestration overhead: the Prefect flow against the same functions called directly.

    python benchmarks/orchestration.py [--rounds 2] [--copies 5]

Prints, side by side in one run (the one-off start-up is ``benchmarks/startup.py``'s):
- per document, real work: the whole corpus through the flow and directly, alternated
  ``--rounds`` times once the server is up (best of each);
- per document, orchestration alone: the same two with the processing replaced by a
  lookup of results computed beforehand, on the corpus and on ``--copies`` times it, so
  the fixed cost of a flow run cancels out (slope per document).
Goal: at most 20 ms per document beyond the one-off start-up. The cache is off throughout.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from _corpus import CORPUS, Timer, scaled_corpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--copies", type=int, default=5)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="plantasks-bench-"))
    try:
        run(args, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(args, tmp: Path) -> None:
    import pipeline.orchestrate.run as run_module
    import pipeline.orchestrate.tasks as tasks_module
    from pipeline.extract.document import DocumentResult, document_row, process_document
    from pipeline.orchestrate.engines import run_corpus
    from pipeline.orchestrate.run import prepare

    with Timer() as warm:
        results = {(p.spec.path.parent.name, p.spec.path.name): process_document(p.spec) for p in prepare(CORPUS)}
    n = len(results)
    print(f"corpus: {n} documents (processed once to warm up: {warm.seconds:.1f} s)")

    best = {"direct": float("inf"), "prefect": float("inf")}
    for i in range(args.rounds):
        for engine, name in (("local", "direct"), ("prefect", "prefect")):
            with Timer() as t:
                run_corpus(CORPUS, tmp / f"out-{engine}", engine=engine, cache=False)
            best[name] = min(best[name], t.seconds)
            print(f"  round {i + 1}: {name:<7} {t.seconds:6.2f} s")
    per_doc = (best["prefect"] - best["direct"]) / n
    print(
        f"whole corpus: prefect {best['prefect']:.2f} s, direct {best['direct']:.2f} s, "
        f"ratio {best['prefect'] / best['direct']:.3f}; overhead {per_doc * 1000:.1f} ms per document (goal <= 20)"
    )

    # Orchestration alone: the processing is a lookup of the results computed above.
    def lookup(spec, raw=None):
        done = results[spec.path.parent.name, spec.path.name]  # copies keep folder and file names
        return DocumentResult(
            spec.doc_id, document_row(spec, sha256=done.document["sha256"], text=done.document["text"]), done.tables
        )

    run_module.process_document = lookup
    tasks_module.process_document = lookup
    big = scaled_corpus(n * args.copies, tmp / "scaled")
    times = {}
    for corpus, size in ((CORPUS, n), (big, n * args.copies)):
        for engine in ("local", "prefect"):
            with Timer() as t:
                run_corpus(corpus, tmp / f"stub-{engine}-{size}", engine=engine, cache=False)
            times[engine, size] = t.seconds
        print(
            f"  stub, {size:4d} documents: prefect {times['prefect', size]:.2f} s, direct {times['local', size]:.2f} s"
        )
    extra = (times["prefect", n * args.copies] - times["local", n * args.copies]) - (
        times["prefect", n] - times["local", n]
    )
    slope = extra / (n * args.copies - n)
    fixed = (times["prefect", n] - times["local", n]) - slope * n
    print(
        f"orchestration alone: {slope * 1000:.1f} ms per document (goal <= 20), "
        f"{fixed:.2f} s per flow run once the server is up"
    )


if __name__ == "__main__":
    main()
