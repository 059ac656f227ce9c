"""The ``plantasks`` command: run, evaluate, compare, export, outline."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from pipeline import __version__, defaults


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="plantasks",
        description="Turn Chinese government work plans (工作要点, 工作计划, 政府工作报告) into "
                    "Parquet tables of tasks, targets, times, policy documents and entities.",
    )
    p.add_argument("--version", action="version", version=f"plantasks {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    run = sub.add_parser("run", help="process a corpus folder into Parquet tables",
                         description="Process every document of CORPUS (default: corpus/) and write "
                                     "the tables under --out (default: outputs/). Documents that fail "
                                     "are listed with their reason; the exit status is 1 if any failed "
                                     "(0 with --allow-partial).")
    run.add_argument("corpus", nargs="?", type=Path, default=defaults.CORPUS,
                     help="folder with the documents (and optionally MANIFEST.csv), or one file "
                          "(default: corpus/)")
    run.add_argument("--out", type=Path, default=defaults.OUT, help="output folder (default: outputs/)")
    run.add_argument("--engine", choices=["prefect", "local"], default="prefect",
                     help="prefect: the Prefect flow, one task per document (default); "
                          "local: the same functions without Prefect")
    run.add_argument("--workers", type=int, default=1, metavar="N",
                     help="process documents on N local processes (default: 1)")
    run.add_argument("--no-cache", action="store_true",
                     help="process every document again, even those unchanged since the last run "
                          "into --out (the cache under OUT/.plantasks/cache is kept)")
    run.add_argument("--dask-address", metavar="ADDR",
                     help="run the Prefect flow's tasks on the Dask cluster whose scheduler is at "
                          "ADDR (e.g. tcp://10.0.0.5:8786; needs prefect-dask and, for worker "
                          "processes, a Prefect server in PREFECT_API_URL)")
    run.add_argument("--time-limit", type=float, default=None, metavar="SECONDS",
                     help="a document still being processed after SECONDS fails alone with "
                          "'took longer than SECONDS s' (default: document_seconds in "
                          "pipeline/data/limits.yaml, 120; 0 turns the limit off)")
    run.add_argument("--allow-partial", action="store_true",
                     help="exit 0 even if some documents failed")
    run.add_argument("--quiet", action="store_true", help="no progress bar")

    # Subcommands whose parsers live in their own modules: each module's main(argv)
    # parses the rest of the command line (``plantasks compare --help`` shows its options).
    for name, help_text in _DELEGATED.items():
        d = sub.add_parser(name, help=help_text, add_help=False)
        d.add_argument("args", nargs=argparse.REMAINDER)
    return p


# command -> (module, help)
_DELEGATED_MODULES = {
    "evaluate": "pipeline.evaluation.cli",
    "compare": "pipeline.reports.compare",
    "export": "pipeline.tables.export",
    "outline": "pipeline.structure.outline",
}
_DELEGATED = {
    "evaluate": "score the outputs against the hand-made gold files (precision, recall, F1)",
    "compare": "compare one issuer's plans across years: targets, tasks, documents; HTML report",
    "export": "export any table to CSV, JSON or XLSX for other tools",
    "outline": "print the sections and tasks found in one document, to check a new plan",
}


def _run(args, started: float) -> int:
    from rich.console import Console
    from rich.markup import escape

    from pipeline.limits import TIME_LIMIT_ENV

    console = Console(stderr=True)

    def error(message: str) -> int:
        # file names may hold [brackets]: never let rich read them as markup; one line,
        # however narrow the terminal, so that scripts can grep it
        console.print(f"[red]error:[/red] {escape(message)}", soft_wrap=True)
        return 2

    if args.workers < 1:
        return error("--workers must be at least 1")
    if args.dask_address and args.engine != "prefect":
        return error("--dask-address runs the Prefect flow: use it with --engine prefect")
    if args.time_limit is not None and not args.time_limit >= 0:
        return error("--time-limit must be a number of seconds, 0 or more")
    previous = os.environ.get(TIME_LIMIT_ENV)
    if args.time_limit is not None:
        # read by every process that runs documents (pipeline.limits), pool workers included
        os.environ[TIME_LIMIT_ENV] = repr(args.time_limit)
    try:
        return _run_corpus(args, started, console, error)
    finally:
        if previous is None:
            os.environ.pop(TIME_LIMIT_ENV, None)
        else:
            os.environ[TIME_LIMIT_ENV] = previous


def _run_corpus(args, started: float, console, error) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from pipeline import registry
    from pipeline.errors import DocumentError, OutputError
    from pipeline.orchestrate.engines import run_corpus

    registry.check()
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=console, disable=args.quiet)
    with progress:
        bar = progress.add_task("processing", total=None)

        def start(total: int) -> None:
            progress.update(bar, total=total)

        def tick(result) -> None:
            progress.update(bar, advance=1, description=f"{result.doc_id:<24}")

        try:
            summary = run_corpus(args.corpus, args.out, engine=args.engine, on_document=tick,
                                 on_start=start, workers=args.workers, cache=not args.no_cache,
                                 dask_address=args.dask_address, started=started)
        except (OutputError, DocumentError) as exc:
            progress.stop()
            return error(str(exc))
    rows = summary.rows
    counts = ", ".join(f"{t.summary}: {rows.get(t.name, 0)}" for t in registry.TABLES if t.summary)
    print(f"documents: {summary.documents_ok} ok, {summary.documents_failed} failed; {counts}; "
          f"{summary.seconds:.1f} s → {summary.out_dir}")
    for path, warning in summary.warnings:
        print(f"warning: {path}: {warning}")
    for _, problem in summary.failures:
        print(f"failed: {problem}")
    if summary.documents_failed and not args.allow_partial:
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in _DELEGATED_MODULES:
        # the module parses its own options (argparse.REMAINDER would drop leading --flags)
        import importlib

        return importlib.import_module(_DELEGATED_MODULES[argv[0]]).main(argv[1:])
    args = _parser().parse_args(argv)
    if args.command == "run":
        return _run(args, started)
    _parser().print_help()
    return 0


if __name__ == "__main__":
    sys.exit(main())
