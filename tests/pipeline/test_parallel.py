"""Local process-pool engine: the same rows as a serial run; a dying worker fails one document."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from pipeline.extract.document import process_document
from pipeline.orchestrate.engines import run_corpus
from pipeline.orchestrate.run import prepare
from pipeline.registry import ALL_TABLES


@pytest.fixture
def mixed_corpus(copy_corpus):
    """Four real documents and one that fails (empty file)."""
    root = copy_corpus("dalian-edu/2018.txt", *(f"gov-report/{y}.txt" for y in (1979, 2018, 2019)))
    (root / "gov-report" / "2017.txt").write_bytes(b"")
    return root


def _rows(out, table):
    return list(map(repr, pd.read_parquet(out / table).itertuples(index=False)))


def test_parallel_two_workers_match_serial(mixed_corpus, tmp_path):
    order = []
    serial = run_corpus(mixed_corpus, tmp_path / "serial", cache=False)
    pooled = run_corpus(
        mixed_corpus, tmp_path / "pooled", cache=False, workers=2, on_document=lambda r: order.append(r.doc_id)
    )
    assert (pooled.documents_ok, pooled.documents_failed) == (serial.documents_ok, serial.documents_failed) == (4, 1)
    assert pooled.failures == serial.failures
    assert pooled.rows == serial.rows
    # written in input order, as a serial run writes them
    assert order == [p.spec.doc_id for p in prepare(mixed_corpus)]
    for table in ALL_TABLES:
        assert _rows(tmp_path / "pooled", table) == _rows(tmp_path / "serial", table), table


def die_on_1979(spec, raw=None):
    """A worker that dies (as if killed or out of memory) on one document."""
    if spec.doc_id == "gov-report-1979":
        os._exit(3)
    return process_document(spec, raw)


def test_parallel_dead_worker_fails_only_its_document(mixed_corpus):
    from pipeline.orchestrate.pool import process_in_pool

    prepared = prepare(mixed_corpus)
    results = list(process_in_pool(prepared, 2, process=die_on_1979, start_method="fork", warm=False))
    assert [r.doc_id for r in results] == [p.spec.doc_id for p in prepared]
    status = {r.doc_id: r.document["status"] for r in results}
    assert status == {
        "dalian-edu-2018": "ok",
        "gov-report-1979": "failed",
        "failed-2017": "failed",
        "gov-report-2018": "ok",
        "gov-report-2019": "ok",
    }
    (died,) = [r for r in results if r.doc_id == "gov-report-1979"]
    assert "1979.txt: the worker process died" in died.document["error"]


def test_parallel_prefect_flow_on_local_pool_matches_serial(mixed_corpus, tmp_path):
    seen = []
    pooled = run_corpus(
        mixed_corpus,
        tmp_path / "prefect",
        engine="prefect",
        workers=2,
        cache=False,
        on_document=lambda r: seen.append(r.doc_id),
    )
    serial = run_corpus(mixed_corpus, tmp_path / "serial", cache=False)
    assert (pooled.documents_ok, pooled.documents_failed, pooled.rows) == (
        serial.documents_ok,
        serial.documents_failed,
        serial.rows,
    )
    assert seen == [p.spec.doc_id for p in prepare(mixed_corpus)]
    for table in ALL_TABLES:
        assert _rows(tmp_path / "prefect", table) == _rows(tmp_path / "serial", table), table
