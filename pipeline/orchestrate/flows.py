"""Prefect flows only: they sequence the tasks of ``pipeline/orchestrate/tasks.py`` and nothing else.

The flow runs its per-document tasks in one of three ways: one at a time in the flow's
own (main) thread, where the per-document time limit applies (the default); on a local
pool of ``workers`` processes (jieba and the extractors are pure Python, so only
processes use more cores: the tasks run in threads of the flow's
process and hand the work to the pool's workers, so Prefect tracks every document while
its server, which shares the same cores, sees no extra clients); or on a Dask cluster
(``dask_address``, through prefect-dask's ``DaskTaskRunner``). A Dask cluster whose
workers are other processes or machines needs a real Prefect server (``prefect server
start`` and ``PREFECT_API_URL`` in every process), the plantasks package installed on
every worker, and the corpus at the same path on every machine: with the ephemeral
server each worker process would start one of its own. Scripts that start a cluster
themselves need an ``if __name__ == "__main__":`` guard.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.orchestrate import prefect_env

prefect_env.configure()

from prefect import flow  # noqa: E402

from pipeline.extract.document import DocumentResult  # noqa: E402
from pipeline.orchestrate import pool as parallel  # noqa: E402
from pipeline.orchestrate import prefect_server  # noqa: E402
from pipeline.orchestrate.run import (  # noqa: E402
    Prepared,
    RunSummary,
    SubmissionWindow,
    crashed_result,
    failed_result,
    run_documents,
)
from pipeline.orchestrate.status import say  # noqa: E402
from pipeline.orchestrate.tasks import process_document_on_pool_task, process_document_task  # noqa: E402

# Documents submitted ahead of the one being written, per worker: keeps the workers busy
# while results are written in input order, without holding a whole corpus of results.
IN_FLIGHT_PER_WORKER = 4


def _submit_all(
    prepared: Iterable[Prepared], in_flight: int = 8, task=process_document_task
) -> Iterator[DocumentResult]:
    """One task per document, at most ``in_flight`` at once; results yielded in input order."""
    for p, future in SubmissionWindow(prepared, lambda p: task.submit(p.spec, p.raw), in_flight):
        if future is None:
            yield failed_result(p)
            continue
        try:
            yield future.result()
        except Exception as exc:  # noqa: BLE001 - a crashed task fails its document only
            yield crashed_result(p, exc)


def _call_each(prepared: Iterable[Prepared]) -> Iterator[DocumentResult]:
    """One task per document, each called in the flow's own thread, one after the other.

    The flow runs in the main thread, so the per-document clock of ``pipeline.limits``
    (a SIGALRM timer, which only the main thread receives) bounds every document, as it
    does with the local engine and in pool workers.
    """
    for p in prepared:
        if p.error:
            yield failed_result(p)
            continue
        try:
            yield process_document_task(p.spec, p.raw)
        except Exception as exc:  # noqa: BLE001 - a crashed task fails its document only
            yield crashed_result(p, exc)


@flow(name="plantasks-run", log_prints=False, validate_parameters=False)
def corpus_flow(
    corpus: Path,
    out_dir: Path,
    cache: bool = True,
    in_flight: int = 8,
    on_pool: bool = False,
    started: float | None = None,
    in_this_thread: bool = False,
) -> RunSummary:
    """Process a corpus folder: one task per document, then the cross-year tables.

    With ``on_pool`` the tasks hand their work to the active local process pool
    (:func:`pipeline.orchestrate.pool.active`), which also builds the cross-year rows;
    with ``in_this_thread`` each task runs in the flow's thread (one document at a time,
    under the per-document clock); else the flow's task runner runs them (Dask).
    """
    pool = parallel.active_pool() if on_pool else None
    task = process_document_on_pool_task if pool is not None else process_document_task
    if pool is None and in_this_thread:
        process = _call_each
    else:

        def process(prepared: Iterable[Prepared]) -> Iterator[DocumentResult]:
            return _submit_all(prepared, in_flight, task)

    return run_documents(
        Path(corpus),
        Path(out_dir),
        process,
        cache=cache,
        build_issuer=pool.submit_issuer if pool is not None else None,
        started=started,
    )


def task_runner(workers: int = 1, dask_address: str | None = None):
    """The task runner for the Dask scheduler at ``dask_address``, else threads for ``workers``."""
    if dask_address:
        try:
            from prefect_dask import DaskTaskRunner
        except ImportError as exc:
            raise RuntimeError("running on a Dask cluster needs prefect-dask: pip install prefect-dask") from exc
        return DaskTaskRunner(address=dask_address)
    from prefect.task_runners import ThreadPoolTaskRunner

    # one thread per document in flight: each only waits for its pool worker
    return ThreadPoolTaskRunner(max_workers=1 if workers == 1 else workers * IN_FLIGHT_PER_WORKER)


def run_flow(
    corpus: Path,
    out_dir: Path,
    *,
    workers: int = 1,
    cache: bool = True,
    dask_address: str | None = None,
    in_flight: int | None = None,
    started: float | None = None,
    server: prefect_server.PrefectServer | prefect_server.UsersServer | None = None,
) -> RunSummary:
    """Run :func:`corpus_flow` one document at a time, on ``workers`` local processes, or on Dask.

    ``server`` is the run's Prefect server, already starting (``prefect_server.start``,
    called here if not given, except for Dask: see the module docstring). The extractors
    (or the pool's workers) load while it starts, so the two one-off costs overlap.
    """
    if in_flight is None:
        in_flight = 64 if dask_address else max(2, workers * IN_FLIGHT_PER_WORKER)
    runner_flow = corpus_flow.with_options(task_runner=task_runner(workers, dask_address))
    with prefect_env.no_heartbeat():
        if dask_address:
            return runner_flow(corpus, out_dir, cache=cache, in_flight=in_flight, started=started)
        server = server or prefect_server.start()
        if workers == 1:
            say("loading the extractors")
            parallel.warm_up()
            with server.api():
                return runner_flow(corpus, out_dir, cache=cache, started=started, in_this_thread=True)
        # the pool's workers start and load the extractors while the server starts
        say(f"starting {workers} worker processes")
        with parallel.LocalPool(workers) as pool, parallel.active(pool), server.api():
            return runner_flow(corpus, out_dir, cache=cache, in_flight=in_flight, on_pool=True, started=started)
