"""What the user waits for: a cold ``plantasks run`` of the corpus against jieba on the same text.

    python benchmarks/end_to_end.py [--rounds 3] [--engines prefect,local] [--workers N] [--baseline DIR] [--stages]

In every round, for each engine, two cold runs of the command line in fresh processes
(new output folders): the whole corpus, and a corpus of one short document. Their
difference is the cost of the other documents — reading, extracting, writing Parquet,
the cache, the cross-year tables and the orchestration — without the one-off start-up
(``benchmarks/startup.py`` measures that). Between the runs, ``jieba.lcut`` (dictionary
loaded beforehand) segments the normalised text of those same documents, read back from
the run's ``documents`` table. Prints per round the ratio (corpus − one document) / jieba,
and the median and best. Goal: at most 2.5×. ``--baseline DIR`` adds the default engine
of an earlier checkout (``git archive C | tar -x -C DIR``) to every round: before and after.

``--stages`` then splits one in-process run (local engine, one process) by stage:
processing, writing the parts, the cache, and each cross-year builder.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from _cli import cli_run, median, one_document_corpus
from _corpus import CORPUS, ROOT


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--engines", default="prefect,local")
    ap.add_argument("--workers", help="passed to plantasks run (default: its own default)")
    ap.add_argument(
        "--document",
        default="pingtan-haitan/2022.txt",
        help="corpus path of the one-document run (default: the shortest in the corpus)",
    )
    ap.add_argument("--baseline", type=Path, help="a checkout of an earlier commit to compare with")
    ap.add_argument("--stages", action="store_true", help="split one in-process run by stage")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="plantasks-e2e-"))
    try:
        run(args, tmp)
        if args.stages:
            stages(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def normalised_texts(out: Path, leave_out: Path) -> list[str]:
    """The normalised texts of a run's ok documents, except the one at ``leave_out``."""
    import pandas as pd

    docs = pd.read_parquet(out / "documents", columns=["source_path", "status", "text"])
    keep = (docs["status"] == "ok") & (docs["source_path"].map(lambda p: Path(p).resolve()) != leave_out.resolve())
    return docs.loc[keep, "text"].tolist()


def run(args, tmp: Path) -> None:
    import jieba

    jieba.setLogLevel(60)
    jieba.lcut("预热")  # the dictionary loads once, outside the timing
    one = one_document_corpus(args.document, tmp / "one")
    extra = ["--workers", args.workers] if args.workers else []
    # (label, engine, checkout): this checkout's engines, then the baseline's default engine
    runs = [(engine, engine, ROOT) for engine in args.engines.split(",")]
    if args.baseline:
        runs.append(("baseline", "prefect", args.baseline))
    engines = [label for label, _, _ in runs]
    # the Prefect database of these runs exists before the first round, as on a user's machine
    cli_run(one, tmp / "warm-up", "--engine", runs[0][1], *extra)
    ratios: dict[str, list[float]] = {e: [] for e in engines}
    seconds: dict[str, list[float]] = {e: [] for e in engines}
    chars = 0
    for r in range(args.rounds):
        line = [f"round {r + 1}:"]
        jieba_seconds = []
        for engine, engine_option, code in runs:
            options = ["--engine", engine_option] + (extra if code == ROOT else [])
            corpus_s = cli_run(CORPUS, tmp / f"{engine}-corpus-{r}", *options, code=code)
            one_s = cli_run(one, tmp / f"{engine}-one-{r}", *options, code=code)
            texts = normalised_texts(tmp / f"{engine}-corpus-{r}", CORPUS / args.document)
            chars = sum(map(len, texts))
            started = time.perf_counter()
            for text in texts:
                jieba.lcut(text)
            jieba_s = time.perf_counter() - started
            jieba_seconds.append(jieba_s)
            ratio = (corpus_s - one_s) / jieba_s
            ratios[engine].append(ratio)
            seconds[engine].append(corpus_s - one_s)
            line.append(
                f"{engine}: corpus {corpus_s:.2f} s − one document {one_s:.2f} s = "
                f"{corpus_s - one_s:.2f} s, jieba {jieba_s:.2f} s, {ratio:.2f}×;"
            )
            shutil.rmtree(tmp / f"{engine}-corpus-{r}", ignore_errors=True)
        print(" ".join(line), flush=True)
    print(
        f"\n{len(texts)} documents, {chars:,} normalised characters (the corpus minus {args.document}); "
        f"{args.rounds} rounds"
    )
    for engine in engines:
        print(
            f"  {engine:<8} {median(seconds[engine]):6.2f} s beyond the one-document run: "
            f"{median(ratios[engine]):.2f}× jieba (median; best {min(ratios[engine]):.2f}×)"
        )
    print("goal: at most 2.5×")


def stages(tmp: Path) -> None:
    """Seconds of each stage of one in-process run (local engine, one process, extractors loaded)."""
    import dataclasses
    import functools
    from collections import Counter

    import pipeline.crossyear.build as build
    import pipeline.orchestrate.cache as cache
    import pipeline.orchestrate.run as run_module
    import pipeline.tables.writer as writer
    from pipeline import registry
    from pipeline.orchestrate.engines import run_corpus
    from pipeline.orchestrate.pool import warm_up

    spent: Counter = Counter()

    def timing(function, label: str):
        @functools.wraps(function)
        def wrapper(*a, **k):
            started = time.perf_counter()
            try:
                return function(*a, **k)
            finally:
                spent[label] += time.perf_counter() - started

        return wrapper

    def timed(owner, name: str, label: str) -> None:
        setattr(owner, name, timing(getattr(owner, name), label))

    warm_up()
    timed(run_module, "process_document", "processing (read, normalise, structure, extractors)")
    timed(writer.RunWriter, "write_part", "writing Parquet parts")
    timed(writer.RunWriter, "commit", "publishing")
    timed(cache.DocumentCache, "store", "cache: storing documents")
    timed(cache.DocumentCache, "store_corpus", "cache: storing cross-year rows")
    timed(cache.DocumentCache, "lookup", "cache: lookups")
    timed(run_module, "issuer_rows", "cross-year, all")
    timed(build, "read_tables", "  reading the issuer's parts")
    registry.TABLES = tuple(
        dataclasses.replace(t, build=timing(t.build, f"  {t.name}")) if t.stage == "crossyear" else t
        for t in registry.TABLES
    )
    started = time.perf_counter()
    run_corpus(CORPUS, tmp / "stages", engine="local", workers=1)
    total = time.perf_counter() - started
    print(f"\nstages of one in-process run (local engine, one process): {total:.2f} s")
    for label, value in spent.items():
        print(f"  {label:<52} {value:6.2f} s")


if __name__ == "__main__":
    main()
