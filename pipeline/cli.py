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

    run = sub.add_parser(
        "run",
        help="process a corpus folder into Parquet tables",
        description="Process every document of CORPUS (default: corpus/) and write "
        "the tables under --out (default: outputs/). Documents that fail "
        "are listed with their reason; the exit status is 1 if any failed "
        "(0 with --allow-partial).",
        epilog=_EXIT_CODES,
    )
    run.add_argument(
        "corpus",
        nargs="?",
        type=Path,
        default=defaults.CORPUS,
        help="folder with the documents (and optionally MANIFEST.csv), or one file (default: corpus/)",
    )
    run.add_argument("--out", type=Path, default=defaults.OUT, help="output folder (default: outputs/)")
    run.add_argument(
        "--engine",
        choices=["prefect", "local"],
        default="prefect",
        help="prefect: the Prefect flow, one task per document (default); local: the same functions without Prefect",
    )
    run.add_argument(
        "--workers",
        type=_workers,
        default="auto",
        metavar="N",
        help="process documents on N local processes (default: auto, one per core "
        f"up to {MAX_AUTO_WORKERS} when at least {MIN_DOCUMENTS_FOR_WORKERS} "
        "documents need processing, else 1)",
    )
    run.add_argument(
        "--no-cache",
        action="store_true",
        help="process every document again, even those unchanged since the last run "
        "into --out (the cache under OUT/.plantasks/cache is kept)",
    )
    run.add_argument(
        "--dask-address",
        metavar="ADDR",
        help="run the Prefect flow's tasks on the Dask cluster whose scheduler is at "
        "ADDR (e.g. tcp://10.0.0.5:8786; needs prefect-dask and, for worker "
        "processes, a Prefect server in PREFECT_API_URL)",
    )
    run.add_argument(
        "--time-limit",
        type=float,
        default=None,
        metavar="SECONDS",
        help="a document still being processed after SECONDS fails alone with "
        "'took longer than SECONDS s' (default: document_seconds in "
        "pipeline/data/limits.yaml, 120; 0 turns the limit off)",
    )
    run.add_argument("--allow-partial", action="store_true", help="exit 0 even if some documents failed")
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.add_argument("--verbose", action="store_true", help="show Prefect's log lines and the traceback of an error")

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


# ``--workers auto``: worker processes cost a second or two to start and their memory
# (about 400 MB each with the extractors loaded), so a run starts them only when enough
# documents need processing, one per core, at most this many.
MAX_AUTO_WORKERS = 4
MIN_DOCUMENTS_FOR_WORKERS = 8


def _workers(value: str) -> int | str:
    if value == "auto":
        return value
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number or auto, not {value!r}") from None


def auto_workers(to_process: int, cores: int | None = None) -> int:
    """Worker processes for a run that will process ``to_process`` documents."""
    if cores is None:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if to_process < MIN_DOCUMENTS_FOR_WORKERS:
        return 1
    return max(1, min(cores, MAX_AUTO_WORKERS))


# Exit status of ``plantasks run`` (documented in its --help and the README).
EXIT_OK, EXIT_FAILED_DOCUMENTS, EXIT_CANNOT_RUN, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
_EXIT_CODES = (
    "exit status: 0 every document processed (or --allow-partial); 1 some documents failed "
    "(listed); 2 the run could not be done (a bad option, an unreadable corpus, an unusable "
    "output folder, a Prefect server that did not start): one line says why; 3 an unexpected "
    "error inside plantasks (one line; --verbose shows the traceback); 130 interrupted"
)


def _error(console, message: str) -> None:
    """One line on stderr, never wrapped (a terminal narrower than the message would split it)."""
    console.print("[red]error:[/red] ", end="")
    console.print(message, markup=False, highlight=False, soft_wrap=True)


def _run(args, started: float) -> int:
    from rich.console import Console

    from extractors.errors import PlantasksError
    from pipeline.limits import TIME_LIMIT_ENV

    console = Console(stderr=True)
    if args.workers != "auto" and args.workers < 1:
        _error(console, "--workers must be at least 1")
        return EXIT_CANNOT_RUN
    if args.dask_address and args.engine != "prefect":
        _error(console, "--dask-address runs the Prefect flow: use it with --engine prefect")
        return EXIT_CANNOT_RUN
    if args.time_limit is not None and not args.time_limit >= 0:
        _error(console, "--time-limit must be a number of seconds, 0 or more")
        return EXIT_CANNOT_RUN
    previous = os.environ.get(TIME_LIMIT_ENV)
    if args.time_limit is not None:
        # read by every process that runs documents (pipeline.limits), pool workers included
        os.environ[TIME_LIMIT_ENV] = repr(args.time_limit)
    try:
        from pipeline.tables.output_folder import OutputFolder

        # an output folder plantasks must not write into is refused before anything starts
        # (a Prefect server takes seconds); the writer checks again when it opens the run
        OutputFolder(args.out, args.corpus if args.corpus.is_dir() else None).check()
        return _run_corpus(args, started, console)
    except PlantasksError as exc:
        if args.verbose:
            console.print_exception()
        _error(console, str(exc))
        return EXIT_CANNOT_RUN
    except KeyboardInterrupt:
        _error(console, "interrupted; the previous tables are untouched")
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - a bug: one line, the traceback with --verbose
        if args.verbose:
            console.print_exception()
        _error(
            console,
            f"unexpected {type(exc).__name__}: {exc}"
            + ("" if args.verbose else " (run again with --verbose for the traceback)"),
        )
        return EXIT_INTERNAL
    finally:
        if previous is None:
            os.environ.pop(TIME_LIMIT_ENV, None)
        else:
            os.environ[TIME_LIMIT_ENV] = previous


def _run_corpus(args, started: float, console) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from pipeline import registry
    from pipeline.orchestrate import prefect_env, status
    from pipeline.orchestrate.engines import run_corpus

    registry.check()
    workers = args.workers
    if workers == "auto":
        from pipeline.orchestrate.run import prepare
        from pipeline.orchestrate.unchanged import documents_to_process

        workers = (
            1
            if args.dask_address
            else auto_workers(documents_to_process(prepare(args.corpus), args.out, cache=not args.no_cache))
        )
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=args.quiet,
    )
    with progress, prefect_env.quiet_logs(not args.verbose):
        bar = progress.add_task("processing", total=None)

        def start(total: int) -> None:
            progress.update(bar, total=total)

        def tick(result) -> None:
            progress.update(bar, advance=1, description=f"{result.doc_id:<24}")

        def say(message: str) -> None:
            progress.update(bar, description=message)

        with status.listening(say):
            # ``started``: the summary's seconds are the wall time since the command began
            summary = run_corpus(
                args.corpus,
                args.out,
                engine=args.engine,
                on_document=tick,
                on_start=start,
                workers=workers,
                cache=not args.no_cache,
                dask_address=args.dask_address,
                started=started,
            )
    rows = summary.rows
    counts = ", ".join(f"{t.summary}: {rows.get(t.name, 0)}" for t in registry.TABLES if t.summary)
    print(
        f"documents: {summary.documents_ok} ok, {summary.documents_failed} failed; {counts}; "
        f"{summary.seconds:.1f} s → {summary.out_dir}"
    )
    for path, warning in summary.warnings:
        print(f"warning: {path}: {warning}")
    for _, problem in summary.failures:
        print(f"failed: {problem}")
    if summary.documents_failed and not args.allow_partial:
        return EXIT_FAILED_DOCUMENTS
    return EXIT_OK


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
