"""The Prefect flow on a Dask cluster (prefect-dask's DaskTaskRunner at a scheduler address).

The cluster here runs its workers as threads of the test process, so they share its
ephemeral Prefect server; a cluster of worker processes or machines works the same way
given a real Prefect server in PREFECT_API_URL (see docs/performance.md).
"""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.orchestrate.engines import run_corpus
from pipeline.orchestrate.run import prepare
from pipeline.registry import ALL_TABLES

distributed = pytest.importorskip("distributed", reason="test extra: pip install prefect-dask distributed")
pytest.importorskip("prefect_dask", reason="test extra: pip install prefect-dask distributed")


@pytest.fixture
def dask_address():
    cluster = distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None)
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def test_dask_flow_on_scheduler_address_matches_local(tmp_path, copy_corpus, dask_address):
    corpus = copy_corpus("gov-report/1979.txt", "gov-report/2019.txt") / "gov-report"
    (corpus / "2017.txt").write_bytes(b"")
    seen = []
    on_dask = run_corpus(
        corpus.parent,
        tmp_path / "dask",
        engine="prefect",
        dask_address=dask_address,
        cache=False,
        on_document=lambda r: seen.append(r.doc_id),
    )
    local = run_corpus(corpus.parent, tmp_path / "local", engine="local", cache=False)
    assert (on_dask.documents_ok, on_dask.documents_failed) == (local.documents_ok, local.documents_failed) == (2, 1)
    assert seen == [p.spec.doc_id for p in prepare(corpus.parent)]
    assert sorted(seen) == ["failed-2017", "gov-report-1979", "gov-report-2019"]
    for table in ALL_TABLES:
        a = pd.read_parquet(tmp_path / "dask" / table)
        b = pd.read_parquet(tmp_path / "local" / table)
        assert list(map(repr, a.itertuples(index=False))) == list(map(repr, b.itertuples(index=False))), table
