"""Pick the engine of a run: the one entry point for the CLI and library users.

Every engine runs the same loop (``run.run_documents``); they differ in where documents
are processed: ``local`` one after another in this process, or with ``workers`` > 1 on a
local process pool (``pool.py``); ``prefect`` as Prefect tasks of one flow (``flows.py``),
on threads, a local pool, or a Dask cluster. This module imports the engines; the loop
imports none of them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from pipeline.extract.document import DocumentResult
from pipeline.orchestrate.run import HOOKS, RunHooks, RunSummary, process_locally, run_documents

ENGINES = ("prefect", "local")


def run_corpus(
    corpus: Path,
    out_dir: Path,
    *,
    engine: str = "local",
    on_document: Callable[[DocumentResult], None] | None = None,
    on_start: Callable[[int], None] | None = None,
    workers: int = 1,
    cache: bool = True,
    dask_address: str | None = None,
    started: float | None = None,
) -> RunSummary:
    """Process every document of ``corpus`` and publish the tables under ``out_dir``.

    ``engine`` is ``local`` (plain functions, in this process or, with ``workers`` > 1,
    in a pool of that many processes) or ``prefect`` (the Prefect flow: one task per
    document, on ``workers`` processes, or on the Dask cluster whose scheduler listens at
    ``dask_address``). ``cache=False`` processes every document, ignoring and keeping the
    cache. ``on_start(n)`` hears the document count, ``on_document(result)`` each
    document as it is written; ``started`` is when the user's command began.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: use {' or '.join(ENGINES)}")
    if dask_address and engine != "prefect":
        raise ValueError("a Dask cluster needs the prefect engine (--engine prefect)")
    started = time.perf_counter() if started is None else started
    token = HOOKS.set(RunHooks(on_start=on_start, on_document=on_document))
    try:
        if engine == "prefect":
            from pipeline.orchestrate import prefect_server, status
            from pipeline.orchestrate.run import prepare
            from pipeline.orchestrate.unchanged import everything_cached

            if cache and not dask_address and everything_cached(prepare(corpus), Path(out_dir)):
                status.say("nothing changed since the last run: taking every table from the cache, no Prefect run")
                return run_documents(Path(corpus), Path(out_dir), process_locally, cache=cache, started=started)
            # started before Prefect is imported, so that it comes up while this process loads
            server = None if dask_address else prefect_server.start()
            from pipeline.orchestrate.flows import run_flow

            return run_flow(
                Path(corpus),
                Path(out_dir),
                workers=workers,
                cache=cache,
                dask_address=dask_address,
                started=started,
                server=server,
            )
        if workers > 1:
            from pipeline.orchestrate.pool import LocalPool

            with LocalPool(workers) as pool:
                return run_documents(
                    Path(corpus),
                    Path(out_dir),
                    pool.process,
                    cache=cache,
                    build_issuer=pool.submit_issuer,
                    started=started,
                )
        return run_documents(Path(corpus), Path(out_dir), process_locally, cache=cache, started=started)
    finally:
        HOOKS.reset(token)
