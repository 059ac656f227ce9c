"""A run with the default (Prefect) engine as the user sees it: what it says while starting,
no server when the cache answers everything, errors in one line, the summary's wall time."""

from __future__ import annotations

import time

import pandas as pd

from pipeline.cli import main
from pipeline.errors import OutputError
from pipeline.orchestrate import prefect_server, status
from pipeline.orchestrate.engines import run_corpus
from pipeline.registry import DOCUMENT_TABLES


def _no_server(*args, **kwargs):
    raise AssertionError("a Prefect server was started")


def test_prefect_run_says_what_it_does_and_unchanged_rerun_needs_no_server(copy_corpus, tmp_path, monkeypatch):
    if prefect_server.running() is not None:  # started by an earlier test
        prefect_server.running().stop()
    corpus = copy_corpus("dalian-edu/2018.txt")
    out = tmp_path / "out"
    said = []
    with status.listening(said.append):
        first = run_corpus(corpus, out, engine="prefect")
    assert first.documents_ok == 1
    assert said[0].startswith("starting the Prefect server")
    assert "loading the extractors" in said
    before = {t: pd.read_parquet(out / t) for t in DOCUMENT_TABLES}

    monkeypatch.setattr(prefect_server, "start", _no_server)
    said.clear()
    with status.listening(said.append):
        again = run_corpus(corpus, out, engine="prefect")
    assert again.documents_cached == 1
    assert said == ["nothing changed since the last run: taking every table from the cache, no Prefect run"]
    for table, frame in before.items():
        pd.testing.assert_frame_equal(pd.read_parquet(out / table), frame, check_like=True)


def test_prefect_run_changed_document_starts_the_server(copy_corpus, tmp_path, monkeypatch):
    """Only a fully cached run skips Prefect: an edited document is processed by the flow."""
    corpus = copy_corpus("dalian-edu/2018.txt")
    out = tmp_path / "out"
    run_corpus(corpus, out, engine="local")
    doc = corpus / "dalian-edu" / "2018.txt"
    doc.write_text(doc.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    started = []
    real_start = prefect_server.start
    monkeypatch.setattr(prefect_server, "start", lambda: started.append(1) or real_start())
    summary = run_corpus(corpus, out, engine="prefect")
    assert started == [1]
    assert summary.documents_ok == 1 and summary.documents_cached == 0


def _stderr_lines(capfd) -> list[str]:
    return [line for line in capfd.readouterr().err.splitlines() if line.strip()]


def test_prefect_run_output_is_a_file_is_one_line_before_any_server(corpus_dir, tmp_path, monkeypatch, capfd):
    monkeypatch.setattr(prefect_server, "start", _no_server)
    bad_out = tmp_path / "out.txt"
    bad_out.write_text("x")
    code = main(["run", str(corpus_dir / "dalian-edu" / "2018.txt"), "--out", str(bad_out), "--quiet"])
    assert code == 2
    assert _stderr_lines(capfd) == [f"error: {bad_out}: exists and is not a folder"]


def test_prefect_run_error_inside_the_flow_is_one_line(copy_corpus, tmp_path, monkeypatch, capfd):
    """An output error raised while the flow runs: no Prefect traceback, one line, exit 2."""
    corpus = copy_corpus("dalian-edu/2018.txt")

    def full_disk(self, table, name, rows):
        raise OutputError(str(self.out_dir), f"cannot write table {table}: no space left on the device")

    monkeypatch.setattr("pipeline.tables.writer.RunWriter.write_part", full_disk)
    code = main(["run", str(corpus), "--out", str(tmp_path / "out"), "--quiet", "--no-cache"])
    assert code == 2
    assert _stderr_lines(capfd) == [
        f"error: {tmp_path / 'out'}: cannot write table documents: no space left on the device"
    ]


def test_prefect_run_unexpected_error_is_one_line_and_verbose_shows_the_traceback(
    corpus_dir, tmp_path, monkeypatch, capfd
):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("pipeline.orchestrate.engines.run_corpus", broken)
    args = ["run", str(corpus_dir / "dalian-edu" / "2018.txt"), "--out", str(tmp_path / "o"), "--quiet"]
    assert main(args) == 3
    lines = _stderr_lines(capfd)
    assert lines == [
        "error: unexpected ZeroDivisionError: division by zero (run again with --verbose for the traceback)"
    ]
    assert main(args + ["--verbose"]) == 3
    err = capfd.readouterr().err
    assert "Traceback" in err and "def broken" in err


def test_prefect_run_summary_time_is_the_wall_time(copy_corpus, tmp_path, monkeypatch, capsys):
    """The summary counts from the command's start (a Prefect server's start-up included),
    not from when the documents began (the issue saw 15.9 s for 37 s of waiting)."""
    from pipeline import registry

    real_check = registry.check

    def slow_check():  # a stand-in for the seconds spent before the first document
        time.sleep(0.6)
        real_check()

    monkeypatch.setattr(registry, "check", slow_check)
    corpus = copy_corpus("dalian-edu/2018.txt")
    assert main(["run", str(corpus), "--out", str(tmp_path / "o"), "--quiet", "--engine", "local"]) == 0
    printed = capsys.readouterr().out
    seconds = float(printed.split("; ")[-1].split(" s → ")[0])
    assert seconds >= 0.6


def test_prefect_run_interrupted_is_one_line_exit_130(corpus_dir, tmp_path, monkeypatch, capfd):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("pipeline.orchestrate.engines.run_corpus", interrupted)
    args = ["run", str(corpus_dir / "dalian-edu" / "2018.txt"), "--out", str(tmp_path / "o"), "--quiet"]
    assert main(args) == 130
    assert _stderr_lines(capfd) == ["error: interrupted; the previous tables are untouched"]


def test_prefect_run_auto_workers_only_for_enough_documents():
    from pipeline.cli import MAX_AUTO_WORKERS, MIN_DOCUMENTS_FOR_WORKERS, auto_workers

    assert auto_workers(1, cores=2) == 1  # a pool would only add its start-up
    assert auto_workers(MIN_DOCUMENTS_FOR_WORKERS - 1, cores=8) == 1
    assert auto_workers(68, cores=2) == 2
    assert auto_workers(68, cores=1) == 1
    assert auto_workers(1000, cores=64) == MAX_AUTO_WORKERS


def test_prefect_run_documents_to_process_counts_cache_misses(copy_corpus, tmp_path):
    from pipeline.orchestrate.run import prepare
    from pipeline.orchestrate.unchanged import documents_to_process, everything_cached

    corpus = copy_corpus("dalian-edu/2018.txt", "gov-report/2018.txt")
    out = tmp_path / "out"
    assert documents_to_process(prepare(corpus), out) == 2
    run_corpus(corpus, out, engine="local")
    assert documents_to_process(prepare(corpus), out) == 0
    assert everything_cached(prepare(corpus), out)
    assert documents_to_process(prepare(corpus), out, cache=False) == 2
    doc = corpus / "gov-report" / "2018.txt"
    doc.write_bytes(doc.read_bytes() + b"\n")
    assert documents_to_process(prepare(corpus), out) == 1
    assert not everything_cached(prepare(corpus), out)


def test_prefect_run_every_document_is_a_recorded_task_run(copy_corpus, tmp_path):
    """The run's server records each document's task run (its services write in batches,
    flushed when it stops; the client's events are delivered before it stops)."""
    import sqlite3

    corpus = copy_corpus("dalian-edu/2018.txt", "gov-report/2018.txt", "gov-report/2019.txt")
    summary = run_corpus(corpus, tmp_path / "out", engine="prefect", cache=False)
    assert summary.documents_ok == 3
    server = prefect_server.running()
    assert server is not None and server.slot is not None, "no database slot: every slot was busy"
    folder = server.slot.folder
    server.stop()  # the next run starts a new one
    assert prefect_server.running() is None
    with sqlite3.connect(folder / prefect_server.DATABASE) as db:
        flow_run = db.execute("SELECT id FROM flow_run ORDER BY created DESC LIMIT 1").fetchone()[0]
        states = db.execute("SELECT state_type FROM task_run WHERE flow_run_id = ?", (flow_run,)).fetchall()
    assert sorted(s for (s,) in states) == ["COMPLETED"] * 3


def test_prefect_run_later_runs_of_a_process_share_its_server(copy_corpus, tmp_path, monkeypatch):
    corpus = copy_corpus("dalian-edu/2018.txt")
    run_corpus(corpus, tmp_path / "a", engine="prefect")
    first = prefect_server.running()
    assert first is not None
    monkeypatch.setattr(prefect_server, "PrefectServer", _no_server)
    summary = run_corpus(corpus, tmp_path / "b", engine="prefect")
    assert summary.documents_ok == 1
    assert prefect_server.running() is first
