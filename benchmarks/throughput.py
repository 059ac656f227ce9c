"""Throughput of the whole per-document processing against plain jieba, side by side.

    python benchmarks/throughput.py [--repeat 3] [--stages] [--profile N]

Processes every corpus document with ``pipeline.extract.document.process_document`` (read,
normalise, structure, every extractor, entities) and segments the same normalised texts
with ``jieba.lcut``, alternating the two ``--repeat`` times in one process, and prints
chars/s of each and the ratio (goal: processing costs at most 3x jieba). ``--stages``
adds the time of each stage; ``--profile N`` prints the N hottest functions (cProfile).
"""

from __future__ import annotations

import argparse
import time

from _corpus import CORPUS, Timer


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--stages", action="store_true", help="time each stage separately")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="print the N hottest functions")
    args = ap.parse_args()

    import jieba

    from pipeline.extract.document import process_document
    from pipeline.orchestrate.run import prepare

    jieba.setLogLevel(60)
    specs = [p.spec for p in prepare(CORPUS) if p.error is None]
    with Timer() as warm:
        first = process_document(specs[0])  # loads every extractor's data and model once
        jieba.lcut("预热")
    results = [process_document(s) for s in specs]
    texts = [r.document["text"] for r in results if r.ok]
    chars = sum(map(len, texts))
    print(
        f"corpus: {len(specs)} documents, {len(texts)} ok, {chars:,} normalised chars; "
        f"one-off warm-up {warm.seconds:.1f} s"
    )

    best_proc = best_jieba = float("inf")
    for i in range(args.repeat):
        with Timer() as tj:
            for text in texts:
                jieba.lcut(text)
        with Timer() as tp:
            for spec in specs:
                process_document(spec)
        best_proc, best_jieba = min(best_proc, tp.seconds), min(best_jieba, tj.seconds)
        print(
            f"  round {i + 1}: processing {tp.seconds:.2f} s, jieba {tj.seconds:.2f} s, "
            f"ratio {tp.seconds / tj.seconds:.2f}x"
        )
    print(f"processing: {chars / best_proc:,.0f} chars/s ({best_proc:.2f} s)")
    print(f"jieba lcut: {chars / best_jieba:,.0f} chars/s ({best_jieba:.2f} s)")
    print(f"ratio processing / jieba: {best_proc / best_jieba:.2f}x (goal <= 3x)")
    if args.stages:
        stages(specs, best_jieba)
    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        for spec in specs:
            process_document(spec)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.profile)
    del first


def stages(specs, jieba_seconds: float) -> None:
    """Seconds of each stage over the corpus, and each as a multiple of jieba's time: read,
    normalise, structure, then every extraction entry of the table registry, each given
    what the tables it uses found (targets: the times)."""
    from pipeline import registry
    from pipeline.extract.document import extract_table, passage_contexts
    from pipeline.ingest.normalise import normalise
    from pipeline.ingest.read import read_document
    from pipeline.structure.parse import parse_structure

    cost: dict[str, float] = {}

    def add(name, seconds):
        cost[name] = cost.get(name, 0.0) + seconds

    for spec in specs:
        t = time.perf_counter()
        _, decoded = read_document(spec.path)
        add("read", time.perf_counter() - t)
        t = time.perf_counter()
        text = normalise(decoded)
        add("normalise", time.perf_counter() - t)
        t = time.perf_counter()
        structure = parse_structure(text, spec.doc_id, spec.year)
        add("structure", time.perf_counter() - t)
        passages = [p for p in structure.paragraphs if p.char_end > p.char_start]
        contexts = passage_contexts(text, structure, spec, passages)
        found: dict[str, list[list]] = {}
        for entry in registry.extraction_order():
            t = time.perf_counter()
            found[entry.name] = extract_table(entry, text, passages, contexts, found, spec)
            add(entry.name, time.perf_counter() - t)
    total = sum(cost.values())
    print("stages (seconds, x jieba):")
    for name, seconds in sorted(cost.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<22} {seconds:7.2f} s  {seconds / jieba_seconds:6.2f}x")
    print(f"  {'total':<22} {total:7.2f} s  {total / jieba_seconds:6.2f}x")


if __name__ == "__main__":
    main()
