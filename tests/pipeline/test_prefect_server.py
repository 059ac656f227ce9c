"""The run's own Prefect server: database slots, start-up failures, no server outliving its run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.errors import PrefectServerError
from pipeline.orchestrate import prefect_server, status
from pipeline.orchestrate.prefect_server import PrefectServer, UsersServer, _lock_slot

ROOT = Path(__file__).resolve().parents[2]


def test_prefect_server_concurrent_runs_lock_different_slots(tmp_path):
    first, second = _lock_slot(tmp_path), _lock_slot(tmp_path)
    try:
        assert first.folder.name == "server-0" and second.folder.name == "server-1"
        first.release()
        again = _lock_slot(tmp_path)  # a finished run frees its slot
        assert again.folder.name == "server-0"
        again.release()
    finally:
        second.release()


def test_prefect_server_all_slots_busy_falls_back_to_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(prefect_server, "MAX_SLOTS", 1)
    held = _lock_slot(tmp_path)
    try:
        assert _lock_slot(tmp_path) is None
    finally:
        held.release()


class _NoProcess(PrefectServer):
    """A PrefectServer whose process is a stand-in command (no Prefect server starts)."""

    script = "import sys; sys.exit(3)"

    def command(self):
        return [sys.executable, "-c", self.script]


def test_prefect_server_oversized_database_is_started_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANTASKS_PREFECT_HOME", str(tmp_path))
    monkeypatch.setattr(prefect_server, "MAX_DATABASE_BYTES", 10)
    (tmp_path / "server-0").mkdir()
    (tmp_path / "server-0" / "prefect.db").write_bytes(b"x" * 100)
    said = []
    with status.listening(said.append):
        server = _NoProcess()
    try:
        assert not (tmp_path / "server-0" / "prefect.db").exists()
        assert server.new_database
        assert any("grown past" in s for s in said)
    finally:
        server.stop()


def test_prefect_server_that_cannot_start_is_one_error_naming_its_log(tmp_path, monkeypatch):
    """A server that exits while starting is retried on a fresh database, then reported in one line."""
    monkeypatch.setenv("PLANTASKS_PREFECT_HOME", str(tmp_path))
    (tmp_path / "server-0").mkdir()
    (tmp_path / "server-0" / "prefect.db").write_bytes(b"not a database")
    server = _NoProcess()
    try:
        with pytest.raises(PrefectServerError) as exc:
            server.wait(timeout=30)
    finally:
        server.stop()
    message = str(exc.value)
    assert "\n" not in message
    assert message.startswith(str(tmp_path / "server-0" / "server.log"))
    assert "exited with code 3" in message and "--engine local" in message
    assert not (tmp_path / "server-0" / "prefect.db").exists()  # the damaged database was dropped


def test_prefect_server_users_server_is_used_as_is(monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    server = prefect_server.start()
    assert isinstance(server, UsersServer)
    assert server.wait() == "http://127.0.0.1:4200/api"


_KILLED_PARENT = """
import sys
sys.path.insert(0, {root!r})
from pipeline.orchestrate.prefect_server import PrefectServer
server = PrefectServer()
server.wait()
print(server.process.pid, flush=True)
import time
time.sleep(600)
"""


def test_prefect_server_stops_when_its_run_is_killed(tmp_path):
    """A run killed with SIGKILL cannot stop its server: the server notices and stops itself."""
    env = {**os.environ, "PLANTASKS_PREFECT_HOME": os.environ["PLANTASKS_PREFECT_HOME"]}
    parent = subprocess.Popen(
        [sys.executable, "-c", _KILLED_PARENT.format(root=str(ROOT))], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        server_pid = int(parent.stdout.readline())
        os.kill(server_pid, 0)  # running
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and _alive(server_pid):
            time.sleep(0.2)
        assert not _alive(server_pid)
    finally:
        if parent.poll() is None:
            parent.kill()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # an exited child of a killed parent is reaped by init; a zombie counts as gone
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1][0] != "Z"
    except OSError:
        return False


class _Sleeping(_NoProcess):
    script = "import time; time.sleep(120)"


def test_prefect_server_a_forked_child_never_stops_its_parents_server(tmp_path, monkeypatch):
    """A process forked from the run (after the server started) exits without stopping it."""
    monkeypatch.setenv("PLANTASKS_PREFECT_HOME", str(tmp_path))
    server = _Sleeping()
    try:
        child = os.fork()
        if child == 0:
            server.stop()
            os._exit(0)
        os.waitpid(child, 0)
        assert server.alive()
        assert server.slot is not None  # the child did not release the parent's slot either
    finally:
        server.stop()
    assert not server.alive()
