"""Bounds on one document, so that no input hangs or kills a run: time, size, years.

A run used to have none: a 24 KB file of ``1 1 1 …`` took 94 s in one super-linear
pattern, an 807 KB .docx that expands to 200 MB of XML ran past 300 s at 4.8 GB and
nothing was written. The values live in ``pipeline/data/limits.yaml``; this module
loads them and holds :func:`time_limit`, the per-document clock.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from extractors.language_data import PIPELINE_DATA, Integer, ListOf, Record, fail, load, register
from pipeline.errors import DocumentError

LIMITS_FILE = register(
    "limits",
    PIPELINE_DATA / "limits.yaml",
    Record(
        document_seconds=Integer(1),
        file_megabytes=Integer(1),
        docx_xml_megabytes=Integer(1),
        years=ListOf(Integer(), allow_empty=False),
    ),
    used_by="pipeline/limits.py",
)
MB = 1024 * 1024
# ``plantasks run --time-limit N`` sets this, so that pool workers (forked after it is
# set) and Prefect task threads see the same limit as the main process.
TIME_LIMIT_ENV = "PLANTASKS_TIME_LIMIT"


@dataclass(frozen=True, slots=True)
class Limits:
    document_seconds: float
    file_bytes: int
    docx_xml_bytes: int
    first_year: int
    last_year: int


def limits() -> Limits:
    """The limits of ``pipeline/data/limits.yaml``, the time limit overridden by the environment."""
    data = load("limits")
    years = data["years"]
    if len(years) != 2 or years[0] > years[1]:
        raise fail(LIMITS_FILE.path, "years", f"expected [first, last], got {years}")
    seconds = data["document_seconds"]
    override = os.environ.get(TIME_LIMIT_ENV)
    if override:
        try:
            seconds = float(override)
        except ValueError as exc:
            raise DocumentError(TIME_LIMIT_ENV, f"not a number of seconds: {override!r}") from exc
    return Limits(seconds, data["file_megabytes"] * MB, data["docx_xml_megabytes"] * MB, years[0], years[1])


@contextmanager
def time_limit(seconds: float | None, path: Path | str) -> Iterator[None]:
    """Raise :class:`DocumentError` (``took longer than N s``) in the body once ``seconds`` have passed.

    A SIGALRM timer: it interrupts pure Python code and ``regex`` matching (which checks
    for signals), and needs the main thread, where every engine runs its documents (the
    local engine, the Prefect flow's tasks one at a time, every pool worker). Elsewhere
    (a thread of the caller's) there is no clock, and the body runs unbounded. ``None`` or
    0 turns the limit off. Once expired the alarm repeats every second, so code that
    swallows one exception cannot run on unbounded. An alarm set by a caller is restored, less the time the body took.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return
    problem = (
        f"took longer than {seconds:g} s (raise the limit with `plantasks run --time-limit` "
        "or document_seconds in pipeline/data/limits.yaml)"
    )

    def expire(signum, frame):
        raise DocumentError(str(path), problem)

    previous = signal.signal(signal.SIGALRM, expire)
    outer, _ = signal.getitimer(signal.ITIMER_REAL)
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    try:
        yield
    finally:
        left, _ = signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            # the caller's alarm goes on, less the time spent here (at least a tick)
            signal.setitimer(signal.ITIMER_REAL, max(outer - (seconds - left), 1e-3))
