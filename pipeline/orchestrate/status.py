"""What a run is doing before its first document is done, for the command line to show.

A Prefect run spends its first seconds starting a server and loading the extractors; the
progress bar would otherwise sit at ``0/68 0:00:00`` with no word of why. The run says
each step with :func:`say`; the command line listens with :func:`listening`. Library use
listens to nothing and the calls cost nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_LISTENER: ContextVar[Callable[[str], None] | None] = ContextVar("plantasks_status", default=None)


def say(message: str) -> None:
    """Tell the listener (the progress bar) what the run is doing now."""
    listener = _LISTENER.get()
    if listener is not None:
        listener(message)


@contextmanager
def listening(listener: Callable[[str], None]) -> Iterator[None]:
    """Send what the run says to ``listener`` while the block runs."""
    token = _LISTENER.set(listener)
    try:
        yield
    finally:
        _LISTENER.reset(token)
