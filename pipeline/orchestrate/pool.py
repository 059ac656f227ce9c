"""Process documents on several local cores: a process pool, results back in input order.

jieba and the extractors are pure Python, so threads share one core; processes do not.
Workers start from a fork server (a clean process, not a fork of a caller that may run
threads such as the progress bar) that has loaded the extractors' data and models once,
so every worker starts ready and shares those pages with the others. The main
process keeps a few documents in flight per worker and yields results in input order,
so the tables are written as the run goes, in the same order as a serial run, and
memory stays flat however long the corpus. The same workers build each issuer's
cross-year rows as soon as its documents are written, while others are still processed.
A worker that dies (killed, out of memory, a crash in a C extension) fails only the
document it was processing: the documents that were in flight with it are retried one at a time in a fresh process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path

from pipeline.extract.document import DocumentResult, process_document
from pipeline.orchestrate.run import Prepared, SubmissionWindow, crashed_result, failed_result, issuer_rows

# Jobs in flight per worker: enough to keep every worker busy while the main process
# writes, few enough that results never pile up in memory.
IN_FLIGHT_PER_WORKER = 4


def warm_up() -> None:
    """Load every extractor's data and model in this process (a worker's initializer)."""
    from pipeline.extract.document import load_extractors

    load_extractors()


# Set only in the environment the fork server starts with: it then loads the extractors
# once when it imports this module, and every worker forked from it starts loaded.
_WARM_FORK_SERVER = "PLANTASKS_WARM_FORK_SERVER"


def _context(method: str | None):
    method = method or ("forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn")
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        from multiprocessing import forkserver

        ctx.set_forkserver_preload(["pipeline.orchestrate.pool"])
        os.environ[_WARM_FORK_SERVER] = "1"
        try:
            forkserver.ensure_running()
        finally:
            os.environ.pop(_WARM_FORK_SERVER, None)
    return ctx


class LocalPool:
    """``workers`` processes for a run's documents and then its cross-year tables."""

    def __init__(
        self,
        workers: int,
        *,
        process: Callable[..., DocumentResult] = process_document,
        start_method: str | None = None,
        warm: bool = True,
    ) -> None:
        self.workers = max(1, workers)
        self._process = process
        self._ctx = _context(start_method)
        self._warm = warm
        self._lock = threading.Lock()
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=self._ctx, initializer=warm_up if self._warm else None
        )

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def process(self, prepared: Iterable[Prepared]) -> Iterator[DocumentResult]:
        """Results of every document, in input order (a ``Processor`` for ``run_documents``)."""
        # submit through a lambda: the pool is replaced after a crash
        window = SubmissionWindow(
            prepared, lambda p: self._pool.submit(self._process, p.spec, p.raw), self.workers * IN_FLIGHT_PER_WORKER
        )
        for p, future in window:
            if future is None:
                yield failed_result(p)
                continue
            try:
                yield future.result()
            except BrokenProcessPool:
                self._pool.shutdown(wait=False, cancel_futures=True)
                yield from self._isolated([p] + window.take_pending())
                self._pool = self._new_pool()
            except Exception as exc:  # noqa: BLE001 - an unpicklable result fails its document only
                yield crashed_result(p, exc)

    def process_one(self, p: Prepared) -> DocumentResult:
        """One document on a worker (thread-safe: Prefect's task threads call it at once)."""
        pool = self._pool
        try:
            return pool.submit(self._process, p.spec, p.raw).result()
        except BrokenProcessPool:
            with self._lock:
                if self._pool is pool:
                    pool.shutdown(wait=False, cancel_futures=True)
                    self._pool = self._new_pool()
            return next(self._isolated([p]))

    def submit_issuer(self, staging: Path, slug: str, doc_ids: list[str]) -> Future:
        """Build one issuer's cross-year rows on a worker (an ``IssuerBuilder`` for ``run_documents``)."""
        return self._pool.submit(issuer_rows, staging, doc_ids, slug)

    def _isolated(self, prepared: list[Prepared]) -> Iterator[DocumentResult]:
        """Each document alone in a fresh one-worker pool: a crash fails only that document."""
        for p in prepared:
            if p.error:
                yield failed_result(p)
                continue
            with ProcessPoolExecutor(max_workers=1, mp_context=self._ctx) as pool:
                try:
                    yield pool.submit(self._process, p.spec, p.raw).result()
                except BrokenProcessPool as exc:
                    yield crashed_result(p, exc, "the worker process died")
                except Exception as exc:  # noqa: BLE001
                    yield crashed_result(p, exc)


_ACTIVE: LocalPool | None = None


@contextmanager
def active(pool: LocalPool):
    """Make ``pool`` the one :func:`process_on_active_pool` uses (the Prefect flow's tasks)."""
    global _ACTIVE
    previous, _ACTIVE = _ACTIVE, pool
    try:
        yield pool
    finally:
        _ACTIVE = previous


def active_pool() -> LocalPool | None:
    return _ACTIVE


def process_on_active_pool(p: Prepared) -> DocumentResult:
    """``process_document`` on a worker of the active pool (in this process if there is none)."""
    return _ACTIVE.process_one(p) if _ACTIVE is not None else process_document(p.spec, p.raw)


def process_in_pool(
    prepared: Iterable[Prepared],
    workers: int,
    *,
    process: Callable[..., DocumentResult] = process_document,
    start_method: str | None = None,
    warm: bool = True,
) -> Iterator[DocumentResult]:
    """Results of ``process(spec)`` for every document, in input order, from ``workers`` processes.

    ``process`` must be importable by the workers (a module-level function).
    """
    with LocalPool(workers, process=process, start_method=start_method, warm=warm) as pool:
        yield from pool.process(prepared)


if os.environ.get(_WARM_FORK_SERVER) == "1":
    warm_up()
