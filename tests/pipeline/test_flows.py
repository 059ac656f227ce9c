"""One smoke test of the Prefect flow (ephemeral local server), against the local engine."""

from __future__ import annotations

import shutil

import pandas as pd

from pipeline.orchestrate.engines import run_corpus
from pipeline.registry import DOCUMENT_TABLES


def test_flows_prefect_run_matches_local(tmp_path, corpus_dir):
    corpus = tmp_path / "corpus" / "gov-report"
    corpus.mkdir(parents=True)
    for y in (1979, 2019):
        shutil.copy(corpus_dir / "gov-report" / f"{y}.txt", corpus / f"{y}.txt")
    seen = []
    flow_summary = run_corpus(corpus.parent, tmp_path / "prefect", engine="prefect", on_document=seen.append)
    local_summary = run_corpus(corpus.parent, tmp_path / "local", engine="local")
    assert flow_summary.documents_ok == local_summary.documents_ok == 2
    assert sorted(r.doc_id for r in seen) == ["gov-report-1979", "gov-report-2019"]
    for table in DOCUMENT_TABLES:
        a = pd.read_parquet(tmp_path / "prefect" / table)
        b = pd.read_parquet(tmp_path / "local" / table)
        assert sorted(map(repr, a.itertuples(index=False))) == sorted(map(repr, b.itertuples(index=False))), table
