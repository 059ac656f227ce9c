"""Hermetic, fast Prefect settings; must run before ``prefect`` is first imported.

With no ``PREFECT_API_URL`` Prefect starts an ephemeral local server: keep its database
in memory, send no analytics, keep logs local, and give it time to start on a cold
machine. A user who points ``PREFECT_API_URL`` at a real server keeps their settings.
"""

from __future__ import annotations

import os
import tempfile
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


def configure() -> None:
    """Set the hermetic defaults unless the user already set them."""
    for key, value in _DEFAULTS.items():
        os.environ.setdefault(key, value)
    home = Path(os.environ.setdefault("PREFECT_HOME", str(Path(tempfile.gettempdir()) / "plantasks-prefect")))
    home.mkdir(parents=True, exist_ok=True)


def no_heartbeat():
    """Settings context without flow heartbeats (saves about a second per flow)."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    return temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})
