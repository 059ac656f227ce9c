"""Prefect flows only: they sequence the tasks of ``pipeline/tasks.py`` and nothing else.

The flow runs on one of three task runners: a thread (one document at a time, the
default), a local process pool (``workers`` > 1: jieba and the extractors are pure
Python, so only processes use more cores), or a Dask cluster (``dask_address``, through
prefect-dask). A Dask cluster whose workers are other processes or machines needs a
real Prefect server (``prefect server start`` and ``PREFECT_API_URL`` in every
process): with the ephemeral server each worker process would start one of its own.
Scripts that start a cluster themselves need an ``if __name__ == "__main__":`` guard.
"""

from __future__ import annotations

import os
from collections import deque
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from pipeline import prefect_env

prefect_env.configure()

from prefect import flow  # noqa: E402

from pipeline.process import DocumentResult  # noqa: E402
from pipeline.run import Prepared, RunSummary, failed_result, run_documents  # noqa: E402
from pipeline.tasks import process_document_task  # noqa: E402

# Documents submitted ahead of the one being written, per worker: keeps the workers busy
# while results are written in input order, without holding a whole corpus of results.
IN_FLIGHT_PER_WORKER = 4


def _submit_all(prepared: Iterable[Prepared], in_flight: int = 8) -> Iterator[DocumentResult]:
    """One task per document, at most ``in_flight`` at once; results yielded in input order."""
    todo = iter(prepared)
    pending: deque = deque()
    while True:
        while len(pending) < in_flight:
            p = next(todo, None)
            if p is None:
                break
            pending.append((p, None if p.error else process_document_task.submit(p.spec)))
        if not pending:
            return
        p, future = pending.popleft()
        if future is None:
            yield failed_result(p)
            continue
        try:
            yield future.result()
        except Exception as exc:  # noqa: BLE001 - a crashed task fails its document only
            yield failed_result(Prepared(p.spec, f"{p.spec.path}: task crashed ({type(exc).__name__}: {exc})"))


@flow(name="plantasks-run", log_prints=False, validate_parameters=False)
def corpus_flow(corpus: Path, out_dir: Path, cache: bool = True, in_flight: int = 8) -> RunSummary:
    """Process a corpus folder: one task per document, then the cross-year tables."""
    return run_documents(Path(corpus), Path(out_dir),
                         lambda prepared: _submit_all(prepared, in_flight), cache=cache)


def task_runner(workers: int = 1, dask_address: str | None = None):
    """The task runner for ``workers`` local processes, or for the Dask scheduler at ``dask_address``."""
    if dask_address:
        try:
            from prefect_dask import DaskTaskRunner
        except ImportError as exc:
            raise RuntimeError("running on a Dask cluster needs prefect-dask: pip install prefect-dask") from exc
        return DaskTaskRunner(address=dask_address)
    if workers > 1:
        from prefect.task_runners import ProcessPoolTaskRunner

        from pipeline.parallel import warm_up

        return ProcessPoolTaskRunner(max_workers=workers, initializer=warm_up)
    from prefect.task_runners import ThreadPoolTaskRunner

    return ThreadPoolTaskRunner(max_workers=1)


@contextmanager
def shared_ephemeral_server():
    """Point worker processes at this process's ephemeral Prefect server.

    Without ``PREFECT_API_URL`` every worker process of a process pool would start an
    ephemeral server of its own (about 10 s each, and their events fail to reach the
    flow's server): start ours first and export its address while the flow runs.
    """
    if os.environ.get("PREFECT_API_URL"):
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start()
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        yield
    finally:
        os.environ.pop("PREFECT_API_URL", None)


def start_server_while_warming() -> None:
    """Start the ephemeral Prefect server while this process loads the extractors.

    Both are one-off costs of a run (the server about 10 s, the extractors' data and
    models a few seconds) that would otherwise come one after the other: the server
    starts in its own process, so the two overlap on two cores (#10).
    """
    import threading

    from pipeline.parallel import warm_up

    if os.environ.get("PREFECT_API_URL"):
        warm_up()
        return
    from prefect.server.api.server import SubprocessASGIServer

    def start() -> None:
        try:
            SubprocessASGIServer().start()
        except Exception:  # noqa: BLE001 - the flow starts it again and reports the error
            return

    thread = threading.Thread(target=start, name="plantasks-prefect-server", daemon=True)
    thread.start()
    try:
        warm_up()
    finally:
        thread.join()


def run_flow(corpus: Path, out_dir: Path, *, workers: int = 1, cache: bool = True,
             dask_address: str | None = None, in_flight: int | None = None) -> RunSummary:
    """Run :func:`corpus_flow` on the task runner for ``workers`` or ``dask_address``."""
    if in_flight is None:
        in_flight = 64 if dask_address else max(2, workers * IN_FLIGHT_PER_WORKER)
    runner_flow = corpus_flow.with_options(task_runner=task_runner(workers, dask_address))
    if workers == 1 and not dask_address:
        start_server_while_warming()
    with prefect_env.no_heartbeat():
        if workers > 1 and not dask_address:
            with shared_ephemeral_server():
                return runner_flow(corpus, out_dir, cache=cache, in_flight=in_flight)
        return runner_flow(corpus, out_dir, cache=cache, in_flight=in_flight)
