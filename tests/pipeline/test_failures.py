"""Bad input, crashes and full disks: clear errors, nothing lost."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline.errors import OutputError
from pipeline.ingest.corpus import slugify
from pipeline.limits import TIME_LIMIT_ENV
from pipeline.orchestrate.engines import run_corpus
from pipeline.tables.output_folder import OutputFolder

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def two_docs(copy_corpus):
    return copy_corpus("gov-report/2018.txt", "gov-report/2019.txt")


@pytest.mark.issue(9)
def test_failures_full_disk_gives_clear_error_and_keeps_previous(two_docs, tmp_path, monkeypatch):
    out = tmp_path / "out"
    run_corpus(two_docs, out)
    before = pd.read_parquet(out / "tasks")

    import pipeline.tables.writer as tables

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    # every way a part reaches the disk fails: fresh writes and reuse from the cache
    monkeypatch.setattr(tables.pq, "write_table", full)
    monkeypatch.setattr(tables.os, "link", full)
    monkeypatch.setattr(tables.shutil, "copy2", full)
    with pytest.raises(OutputError, match="no space left on the device"):
        run_corpus(two_docs, out)
    monkeypatch.undo()
    after = pd.read_parquet(out / "tasks")
    assert after.equals(before)
    assert [p.name for p in out.glob(".plantasks/versions/*")] == [OutputFolder(out).published_version()]
    run_corpus(two_docs, out)  # a re-run completes cleanly
    assert pd.read_parquet(out / "tasks").equals(before)


@pytest.mark.issue(9)
def test_failures_kill_mid_run_leaves_previous_outputs_intact(two_docs, tmp_path, corpus_dir):
    out = tmp_path / "out"
    run_corpus(two_docs, out)
    before = pd.read_parquet(out / "targets")
    big = tmp_path / "big"
    shutil.copytree(two_docs, big)
    for y in range(2000, 2012):  # enough work to be killed in the middle of
        shutil.copy(corpus_dir / "gov-report" / f"{y}.txt", big / "gov-report" / f"{y}.txt")
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", "run", str(big), "--out", str(out), "--engine", "local", "--quiet"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    published = OutputFolder(out).published_version()
    deadline = time.time() + 60
    while time.time() < deadline and not [
        p for p in out.glob(".plantasks/versions/*/documents/*.parquet") if p.parents[1].name != published
    ]:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    # the previous tables are whole and readable
    assert pd.read_parquet(out / "targets").equals(before)
    assert len(pd.read_parquet(out / "documents")) == 2
    summary = run_corpus(big, out)
    assert summary.documents_ok == 14
    assert len(pd.read_parquet(out / "documents")) == 14
    assert [p.name for p in out.glob(".plantasks/versions/*")] == [OutputFolder(out).published_version()]


@pytest.mark.issue(9)
def test_failures_no_network_needed(two_docs, tmp_path, monkeypatch):
    """The whole pipeline runs with every non-loopback connection refused."""
    real_connect = socket.socket.connect
    attempts = []

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and (
            host.startswith("127.") or host in ("::1", "localhost") or self.family == socket.AF_UNIX
        ):
            return real_connect(self, address)
        attempts.append(address)
        raise OSError(errno.ENETUNREACH, "network blocked by test")

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: (_ for _ in ()).throw(OSError("blocked")))
    summary = run_corpus(two_docs, tmp_path / "out")
    assert summary.documents_ok == 2
    assert attempts == []


@pytest.mark.parametrize("name", ["../../etc/passwd", "..", "a/b\\c", "/abs/path", "  "])
def test_failures_ids_from_input_are_safe(name):
    slug = slugify(name)
    assert "/" not in slug and "\\" not in slug and slug not in ("", ".", "..")


@pytest.mark.issue(9)
def test_failures_hostile_file_names_stay_inside_output(tmp_path):
    corpus = tmp_path / "corpus" / ".." / "corpus"
    real = tmp_path / "corpus" / "..evil"
    real.mkdir(parents=True)
    (real / "2018.txt").write_text("1.新开办公办幼儿园15所。", encoding="utf-8")
    out = tmp_path / "out"
    run_corpus(corpus, out)
    written = {p.resolve() for p in tmp_path.rglob("*.parquet")}
    assert all(str(p).startswith(str(out.resolve())) for p in written)
    docs = pd.read_parquet(out / "documents")
    assert docs.doc_id.tolist() == ["evil-2018"]


@pytest.mark.issue(9)
@pytest.mark.slow
def test_failures_20mb_document(tmp_path, corpus_dir, monkeypatch):
    # about 50 s alone, several times that on a busy machine: above the default time limit
    monkeypatch.setenv(TIME_LIMIT_ENV, "1200")
    src = (corpus_dir / "gov-report" / "2019.txt").read_bytes()
    d = tmp_path / "corpus" / "big-issuer"
    d.mkdir(parents=True)
    copies = 20 * 1024 * 1024 // len(src) + 1
    (d / "2019.txt").write_bytes(src * copies)
    assert (d / "2019.txt").stat().st_size >= 20 * 1024 * 1024
    summary = run_corpus(d.parent, tmp_path / "out")
    assert summary.documents_ok == 1
    targets = pd.read_parquet(tmp_path / "out" / "targets")
    one = pd.read_parquet(tmp_path / "out" / "documents").text.iloc[0]
    assert len(one) > 6_000_000
    # every copy of the report yields its targets
    assert len(targets) >= copies * 10
