"""Shared fixtures: the corpus, its normalised texts, and one pipeline run per session."""

from __future__ import annotations

import csv
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Prefect must see its hermetic settings before anything imports it.
os.environ.setdefault("PREFECT_HOME", str(Path(tempfile.gettempdir()) / "plantasks-prefect-tests"))
from pipeline.orchestrate import prefect_env  # noqa: E402

prefect_env.configure()

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def manifest_rows() -> list[dict]:
    with (CORPUS / "MANIFEST.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="session")
def normalised_texts(manifest_rows) -> dict[str, str]:
    """doc_id -> normalised text of every corpus document."""
    from pipeline.ingest.normalise import normalise

    return {
        f"{r['issuer_slug']}-{r['year']}": normalise((CORPUS / r["path"]).read_text(encoding="utf-8"))
        for r in manifest_rows
    }


@pytest.fixture
def copy_corpus(tmp_path):
    """Copy corpus documents (paths like ``gov-report/2019.txt``) into ``tmp_path/corpus``,
    keeping their issuer folders and leaving the manifest out; returns that folder."""

    def copy(*paths: str) -> Path:
        root = tmp_path / "corpus"
        for rel in paths:
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(CORPUS / rel, root / rel)
        return root

    return copy


@pytest.fixture(scope="session")
def corpus_outputs(tmp_path_factory, manifest_rows) -> Path:
    """Output folder of one local (no Prefect) run over the whole corpus."""
    from pipeline.orchestrate.engines import run_corpus

    out = tmp_path_factory.mktemp("outputs")
    summary = run_corpus(CORPUS, out, engine="local")
    assert summary.documents_failed == 0 and summary.documents_ok == len(manifest_rows), summary.failures
    return out


@pytest.fixture(scope="session")
def corpus_tables(corpus_outputs):
    import pandas as pd

    from pipeline.registry import ALL_TABLES

    return {t: pd.read_parquet(corpus_outputs / t) for t in ALL_TABLES}
