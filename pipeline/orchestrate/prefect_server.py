"""The Prefect server of a run: started first, on a database that persists, stopped at exit.

Left to itself, Prefect starts an ephemeral server when the flow begins, on an in-memory
SQLite database: 7 s on the project machine before the first document, half of it
creating the database from scratch (every Alembic migration, 3.4 s) and most of the
rest importing the server. Instead a run

- starts the server as its first step (:func:`start`), in its own process, so that it
  comes up while the main process imports Prefect and loads the extractors;
- keeps the server's SQLite database in a folder plantasks owns
  (``prefect_env.home()/server-<k>/``), so that later runs only check the migrations
  (0.07 s); runs at the same time each lock a slot of their own (``MAX_SLOTS``), and
  when all are busy the run falls back to a database in memory;
- starts a fresh database when one grows past ``MAX_DATABASE_BYTES`` or cannot be opened
  (the ephemeral server's database holds only the record of past runs);
- serves every later run of the same process (a notebook, the tests) and stops when
  the process exits, after Prefect's client has sent its last events; it also stops by
  itself when that process dies (killed), so no server outlives its runs;
- leaves all this to the user when ``PREFECT_API_URL`` names a running server.

The server process is ``python -m pipeline.orchestrate.prefect_server --port P --parent
PID``: Prefect's own ASGI app under uvicorn, as Prefect's ephemeral server runs it. What
the command line shows while it starts comes from ``status.say``.
"""

from __future__ import annotations

import atexit
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.errors import PrefectServerError
from pipeline.orchestrate import prefect_env
from pipeline.orchestrate.status import say

try:
    import fcntl
except ImportError:  # not on Windows: every run gets a database in memory there
    fcntl = None

# Runs at the same time, each with a database of its own; more share memory databases.
MAX_SLOTS = 4
# The database keeps every past flow run, task run and event; past this size the next
# run starts a fresh one (creating it costs 3.4 s once).
MAX_DATABASE_BYTES = 256 * 1024 * 1024
DATABASE = "prefect.db"
MEMORY_DATABASE = "sqlite+aiosqlite:///:memory:"
# The server process exits with this code when it could not start (uvicorn's convention).
STARTUP_FAILURE = 3
# Server work per task run, measured on the corpus (68 tasks, server CPU 7.3 s → 5.3 s):
# automations (triggers) cannot exist on a server that lives for one run, and the task-run
# recorder writes its states in batches instead of one transaction per event (it flushes
# them when the server stops: every task run is recorded). Block types are registered
# when the database is created and not checked again: the check imports every installed
# Prefect collection (prefect-dask brings Dask's ``distributed``, 0.3 s of the server's
# 3.2 s CPU to start). A user's value wins.
SERVER_SETTINGS = {
    "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "50",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_READ_BATCH_SIZE": "50",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_READ_BATCH_SIZE": "50",
    "PREFECT_SERVER_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false",
}


class _Slot:
    """A locked folder holding one server database, its block-registration memo and log."""

    def __init__(self, folder: Path, handle) -> None:
        self.folder = folder
        self.handle = handle  # open lock file: the lock lasts as long as the run and the server

    @property
    def database(self) -> Path:
        return self.folder / DATABASE

    def database_files(self) -> list[Path]:
        return [self.folder / f"{DATABASE}{suffix}" for suffix in ("", "-wal", "-shm", "-journal")]

    def size(self) -> int:
        return sum(p.stat().st_size for p in self.database_files() if p.exists())

    def reset(self) -> None:
        for path in self.database_files() + [self.folder / "memo_store.toml"]:
            path.unlink(missing_ok=True)

    def release(self) -> None:
        self.handle.close()


def _lock_slot(root: Path) -> _Slot | None:
    """The first free database slot under ``root``, locked for this run; None if all are busy."""
    if fcntl is None:
        return None
    for k in range(MAX_SLOTS):
        folder = root / f"server-{k}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle = open(folder / "lock", "a+b")
        except OSError:
            continue
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            continue
        return _Slot(folder, handle)
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PrefectServer:
    """A Prefect server process started for the runs of this process (see the module docstring)."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.owner = os.getpid()  # a forked child never stops its parent's server
        self.root = prefect_env.home()
        self.slot = _lock_slot(self.root)
        self.process: subprocess.Popen | None = None
        self.port = 0
        self._ready = False
        if self.slot is not None and self.slot.size() > MAX_DATABASE_BYTES:
            self.slot.reset()
            say(f"the Prefect database had grown past {MAX_DATABASE_BYTES // 2**20} MB: starting a fresh one")
        # creating the database (every migration) is most of a first start
        self.new_database = self.slot is None or not self.slot.database.exists()
        say("starting the Prefect server" + (" (first start: creating its database)" if self.new_database else ""))
        self._spawn()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    @property
    def database_url(self) -> str:
        return f"sqlite+aiosqlite:///{self.slot.database}" if self.slot is not None else MEMORY_DATABASE

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    @property
    def log_path(self) -> Path:
        return (self.slot.folder if self.slot is not None else self.root) / (
            "server.log" if self.slot is not None else f"server-{os.getpid()}.log"
        )

    def _spawn(self) -> None:
        self.port = _free_port()
        env = dict(os.environ)
        env.update(
            {
                "PREFECT_SERVER_DATABASE_CONNECTION_URL": self.database_url,
                "PREFECT_UI_ENABLED": "0",
                "PREFECT__SERVER_EPHEMERAL": "1",
                "PREFECT__SERVER_FINAL": "1",
            }
        )
        for key, value in SERVER_SETTINGS.items():
            env.setdefault(key, value)
        env.setdefault("PREFECT_SERVER_REGISTER_BLOCKS_ON_START", "true" if self.new_database else "false")
        if self.slot is not None:
            env["PREFECT_SERVER_MEMO_STORE_PATH"] = str(self.slot.folder / "memo_store.toml")
        package_root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        pass_fds = (self.slot.handle.fileno(),) if self.slot is not None else ()
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                self.command(),
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                pass_fds=pass_fds,
                start_new_session=False,
            )

    def command(self) -> list[str]:
        """The server process's command line (:func:`main` of this module)."""
        return [
            sys.executable,
            "-m",
            "pipeline.orchestrate.prefect_server",
            "--port",
            str(self.port),
            "--parent",
            str(os.getpid()),
        ]

    def _healthy(self) -> bool:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy
        try:
            with opener.open(f"{self.api_url}/health", timeout=2) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def wait(self, timeout: float | None = None) -> str:
        """Block until the server answers; its API URL. Raises PrefectServerError."""
        if self._ready:
            return self.api_url
        if timeout is None:
            timeout = float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", 90))
        retries = ["port"] + (["database"] if self.slot is not None else [])
        deadline = time.monotonic() + timeout
        while True:
            code = self.process.poll()
            if code is not None:
                if not retries:
                    raise PrefectServerError(
                        str(self.log_path),
                        f"the Prefect server exited with code {code} "
                        "while starting (its log is this file); use --engine local "
                        "or set PREFECT_API_URL to a running server",
                    )
                if retries.pop(0) == "database":
                    # a database an older or newer Prefect wrote, or a damaged file
                    self.slot.reset()
                    self.new_database = True
                    say("the Prefect database could not be opened: starting a fresh one")
                self._spawn()
                continue
            if self._healthy():
                self._ready = True
                return self.api_url
            if time.monotonic() > deadline:
                self.stop()
                raise PrefectServerError(
                    str(self.log_path),
                    f"the Prefect server did not answer within {timeout:.0f} s "
                    "(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS); use --engine local "
                    "or set PREFECT_API_URL to a running server",
                )
            time.sleep(0.05)

    @contextmanager
    def api(self) -> Iterator[str]:
        """Wait for the server, then point Prefect's client at it while the block runs."""
        if not self._ready:
            say("waiting for the Prefect server")
        url = self.wait()
        from prefect.settings import PREFECT_API_URL, temporary_settings

        with temporary_settings(updates={PREFECT_API_URL: url}):
            try:
                yield url
            finally:
                _deliver_events()

    def stop(self) -> None:
        """Stop the server (it finishes its writes) and free the database slot."""
        if os.getpid() != self.owner:
            return
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self.slot is not None:
            self.slot.release()
            self.slot = None
        elif process is not None:
            self.log_path.unlink(missing_ok=True)


def _deliver_events(timeout: float = 30) -> None:
    """Send the events Prefect's client still holds (task-run states travel as events),
    before the server stops: else they are lost and the client logs a connection error
    for each one when the process exits."""
    import asyncio

    from prefect.events.worker import EventsWorker

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        EventsWorker.drain_all(timeout=timeout, at_exit=False)
    # else (a notebook's loop): Prefect delivers them when the process exits, before the
    # server stops (its exit hook runs before ``atexit``'s)


class UsersServer:
    """The server the user named in ``PREFECT_API_URL``: nothing to start or stop."""

    new_database = False

    def alive(self) -> bool:
        return True

    def wait(self, timeout: float | None = None) -> str:
        return os.environ["PREFECT_API_URL"]

    @contextmanager
    def api(self) -> Iterator[str]:
        yield self.wait()

    def stop(self) -> None:
        pass


_RUNNING: PrefectServer | None = None


def start() -> PrefectServer | UsersServer:
    """The server for a run, starting now without waiting for it: the user's
    (``PREFECT_API_URL``), the one this process started for an earlier run, or a new one.

    A started server serves every run of the process (a notebook or the tests run several)
    and stops when the process exits, after Prefect's client has sent its last events.
    """
    global _RUNNING
    if os.environ.get("PREFECT_API_URL"):
        return UsersServer()
    if _RUNNING is not None and _RUNNING.alive():
        return _RUNNING
    prefect_env.configure()
    _RUNNING = PrefectServer()
    atexit.register(_RUNNING.stop)
    return _RUNNING


def running() -> PrefectServer | None:
    """The server this process started, if it is still running."""
    return _RUNNING if _RUNNING is not None and _RUNNING.alive() else None


def _serve(port: int, parent: int) -> int:
    """The server process: Prefect's app under uvicorn until stopped or the parent dies."""
    import threading

    import uvicorn

    config = uvicorn.Config(
        "prefect.server.api.server:create_app",
        factory=True,
        host="127.0.0.1",
        port=port,
        log_level="error",
        lifespan="on",
    )
    server = uvicorn.Server(config)

    def watch_parent() -> None:
        while not server.should_exit:
            if os.getppid() != parent:
                server.should_exit = True
                return
            time.sleep(0.5)

    threading.Thread(target=watch_parent, name="watch-parent", daemon=True).start()
    server.run()
    return 0 if server.started else STARTUP_FAILURE


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="the Prefect server of one plantasks run")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--parent", type=int, required=True, help="stop when this process is gone")
    args = parser.parse_args(argv)
    return _serve(args.port, args.parent)


if __name__ == "__main__":
    sys.exit(main())
