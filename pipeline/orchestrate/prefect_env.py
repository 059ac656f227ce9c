"""Hermetic, fast Prefect settings; must run before ``prefect`` is first imported.

Prefect keeps its files (profiles, the server databases of ``prefect_server.py``) in a
folder plantasks owns, :func:`home`: ``$PLANTASKS_PREFECT_HOME``, else
``$XDG_CACHE_HOME/plantasks/prefect`` (``~/.cache/plantasks/prefect``). Analytics are
off, logs stay local, and a server Prefect would start by itself (a Dask worker without
``PREFECT_API_URL``) keeps its database in memory. A user who sets these variables, or
points ``PREFECT_API_URL`` at a running server, keeps their settings.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_DEFAULTS = {
    "PREFECT_SERVER_DATABASE_CONNECTION_URL": "sqlite+aiosqlite:///:memory:",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_LOGGING_TO_API_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_UI_ENABLED": "false",
}

HOME_VARIABLE = "PLANTASKS_PREFECT_HOME"


def home() -> Path:
    """The folder plantasks owns for Prefect's files (created if missing).

    Falls back to a per-user folder under the temporary directory when the cache
    folder cannot be created (a read-only home).
    """
    if os.environ.get(HOME_VARIABLE):
        folder = Path(os.environ[HOME_VARIABLE])
    else:
        cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = Path(cache) / "plantasks" / "prefect"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        uid = os.getuid() if hasattr(os, "getuid") else os.getlogin()
        folder = Path(tempfile.gettempdir()) / f"plantasks-prefect-{uid}"
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def configure() -> None:
    """Set the hermetic defaults unless the user already set them."""
    for key, value in _DEFAULTS.items():
        os.environ.setdefault(key, value)
    os.environ.setdefault("PREFECT_HOME", str(home()))
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)


def no_heartbeat():
    """Settings context without flow heartbeats (saves about a second per flow)."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    return temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})


@contextmanager
def quiet_logs(quiet: bool = True) -> Iterator[None]:
    """Silence Prefect's own log lines while the block runs (the command line's default).

    A run that fails reports its error in one line; without this Prefect would first
    log the flow's failure with a 20–47 line traceback. ``quiet=False`` (``--verbose``)
    shows Prefect's INFO lines instead. Works whether or not Prefect is imported yet:
    Prefect configures its loggers from ``PREFECT_LOGGING_LEVEL`` when first imported,
    so the variable is set for the block too.
    """
    level = "CRITICAL" if quiet else "INFO"
    previous_env = os.environ.get("PREFECT_LOGGING_LEVEL")
    os.environ["PREFECT_LOGGING_LEVEL"] = level
    names = ["prefect"] + [name for name in logging.root.manager.loggerDict if name.startswith("prefect.")]
    loggers = [logging.getLogger(name) for name in names]
    before = [logger.level for logger in loggers]
    for logger in loggers:
        if logger.name == "prefect" or logger.level != logging.NOTSET:
            logger.setLevel(level)
    try:
        yield
    finally:
        for logger, old in zip(loggers, before):
            logger.setLevel(old)
        if previous_env is None:
            os.environ.pop("PREFECT_LOGGING_LEVEL", None)
        else:
            os.environ["PREFECT_LOGGING_LEVEL"] = previous_env
