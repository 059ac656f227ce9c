"""Process documents on several local cores: a process pool, results back in input order.

jieba and the extractors are pure Python, so threads share one core; processes do not.
Workers start from a fork server (a clean process, not a fork of a caller that may run
threads such as the progress bar) and load the extractors' data once each. The main
process keeps at most a few documents in flight per worker and yields results in input
order, so the tables are written as the run goes, in the same order as a serial run,
and memory stays flat however long the corpus. A worker that dies (killed, out of
memory, a crash in a C extension) fails only the document it was processing: the
documents that were in flight with it are retried one at a time in a fresh process.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator

from pipeline.process import DocumentResult, process_document
from pipeline.run import Prepared, failed_result

# Documents in flight per worker: enough to keep every worker busy while the main
# process writes, few enough that results never pile up in memory.
IN_FLIGHT_PER_WORKER = 4


def warm_up() -> None:
    """Load every extractor's data and model in this process (a worker's initializer)."""
    from pipeline.process import _extractors

    _extractors()
    try:
        from extractors.entities import build_nlp
    except ImportError:
        return
    build_nlp()


def _context(method: str | None):
    method = method or ("forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn")
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(["pipeline.process"])
    return ctx


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
    ctx = _context(start_method)
    todo = iter(prepared)
    pending: deque[tuple[Prepared, Future | None]] = deque()
    limit = max(1, workers) * IN_FLIGHT_PER_WORKER
    pool = _new_pool(workers, ctx, warm)
    try:
        while True:
            while len(pending) < limit:
                p = next(todo, None)
                if p is None:
                    break
                pending.append((p, None if p.error else pool.submit(process, p.spec)))
            if not pending:
                return
            p, future = pending.popleft()
            if future is None:
                yield failed_result(p)
                continue
            try:
                yield future.result()
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                retry = [p] + [q for q, _ in pending]
                pending.clear()
                yield from _isolated(retry, process, ctx)
                pool = _new_pool(workers, ctx, warm)
            except Exception as exc:  # noqa: BLE001 - an unpicklable result fails its document only
                yield _crashed(p, exc)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _new_pool(workers: int, ctx, warm: bool) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=max(1, workers), mp_context=ctx,
                               initializer=warm_up if warm else None)


def _isolated(prepared: list[Prepared], process, ctx) -> Iterator[DocumentResult]:
    """Each document alone in a fresh one-worker pool: a crash fails only that document."""
    for p in prepared:
        if p.error:
            yield failed_result(p)
            continue
        with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool:
            try:
                yield pool.submit(process, p.spec).result()
            except BrokenProcessPool as exc:
                yield _crashed(p, exc, "the worker process died")
            except Exception as exc:  # noqa: BLE001
                yield _crashed(p, exc)


def _crashed(p: Prepared, exc: BaseException, what: str = "task crashed") -> DocumentResult:
    return failed_result(Prepared(p.spec, f"{p.spec.path}: {what} ({type(exc).__name__}: {exc})"))
