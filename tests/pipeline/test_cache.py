"""The content-hash cache: unchanged documents are adopted, changed ones reprocessed."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

import pipeline.orchestrate.cache as cache_module
from pipeline.orchestrate.cache import CACHE_DIR, code_fingerprint
from pipeline.orchestrate.engines import run_corpus
from pipeline.registry import ALL_TABLES


@pytest.fixture
def small_corpus(copy_corpus):
    """Three real documents in folders named after their issuers (no manifest)."""
    return copy_corpus("dalian-edu/2018.txt", "gov-report/1979.txt", "gov-report/2019.txt")


@pytest.fixture(autouse=True)
def pinned_code(tmp_path, monkeypatch):
    """Fingerprint a private copy of extractors/ and pipeline/, so edits made to the
    working tree while the tests run cannot turn hits into misses, and tests may edit it."""
    roots = _copy_packages(tmp_path / "code")
    monkeypatch.setattr(cache_module, "PACKAGE_ROOTS", roots)
    monkeypatch.setattr(cache_module.code_fingerprint, "__defaults__", (roots,))
    return roots


def _rows(out, table):
    df = pd.read_parquet(out / table)
    return sorted(map(repr, df.itertuples(index=False)))


def _processed(monkeypatch):
    """Record the doc_ids the local engine really processes."""
    import pipeline.orchestrate.run as run

    seen = []
    real = run.process_document

    def spy(spec, raw=None):
        seen.append(spec.doc_id)
        return real(spec, raw)

    monkeypatch.setattr(run, "process_document", spy)
    return seen


def test_cache_unchanged_rerun_reprocesses_nothing(small_corpus, tmp_path, monkeypatch):
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    seen = _processed(monkeypatch)
    first = run_corpus(small_corpus, out)
    assert sorted(seen) == ["dalian-edu-2018", "gov-report-1979", "gov-report-2019"]
    assert first.documents_cached == 0
    seen.clear()
    again = run_corpus(small_corpus, out)
    assert seen == []
    assert (again.documents_ok, again.documents_cached) == (3, 3)
    assert again.rows == first.rows
    run_corpus(small_corpus, fresh, cache=False)
    for table in ALL_TABLES:
        assert _rows(out, table) == _rows(fresh, table), table


def test_cache_cross_year_tables_rebuilt_only_when_a_document_changes(small_corpus, tmp_path, monkeypatch):
    import pipeline.orchestrate.run as run

    builds = []
    real = run.issuer_rows

    def spy(staging, doc_ids, name):
        builds.append(name)
        return real(staging, doc_ids, name)

    monkeypatch.setattr(run, "issuer_rows", spy)
    out = tmp_path / "out"
    run_corpus(small_corpus, out)
    assert builds == ["dalian-edu", "gov-report"]  # issuer by issuer
    before = {t: _rows(out, t) for t in ("policy_lifecycle", "target_series", "task_links", "fulfilment")}
    assert sum(map(len, before.values())) > 0
    run_corpus(small_corpus, out)
    assert builds == ["dalian-edu", "gov-report"]
    assert {t: _rows(out, t) for t in before} == before
    (small_corpus / "gov-report" / "1979.txt").unlink()
    run_corpus(small_corpus, out)
    assert builds == ["dalian-edu", "gov-report", "gov-report"]


def test_cache_changed_document_alone_is_reprocessed(small_corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    seen = _processed(monkeypatch)
    run_corpus(small_corpus, out)
    seen.clear()
    doc = small_corpus / "dalian-edu" / "2018.txt"
    text = doc.read_text(encoding="utf-8")
    assert "新开办公办幼儿园15所" in text
    doc.write_text(text.replace("新开办公办幼儿园15所", "新开办公办幼儿园25所"), encoding="utf-8")
    summary = run_corpus(small_corpus, out)
    assert seen == ["dalian-edu-2018"]
    assert summary.documents_cached == 2
    targets = pd.read_parquet(out / "targets")
    kindergartens = targets[targets.sentence.str.startswith("新开办公办幼儿园")]
    assert kindergartens.text.tolist()[:1] == ["25所"]
    assert len(pd.read_parquet(out / "documents")) == 3
    # entries no run uses any more are dropped: one per document, one per issuer's cross-year rows
    entries = [p.name for p in (out / CACHE_DIR).iterdir()]
    assert len(entries) == 5 and sum(e.startswith("corpus-") for e in entries) == 2


def test_cache_metadata_change_reprocesses(small_corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    seen = _processed(monkeypatch)
    run_corpus(small_corpus, out)
    seen.clear()
    (small_corpus / "gov-report").rename(small_corpus / "state-council")
    run_corpus(small_corpus, out)
    assert sorted(seen) == ["state-council-1979", "state-council-2019"]
    assert set(pd.read_parquet(out / "documents").doc_id) == {
        "dalian-edu-2018",
        "state-council-1979",
        "state-council-2019",
    }


def test_cache_no_cache_processes_everything(small_corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    seen = _processed(monkeypatch)
    run_corpus(small_corpus, out)
    seen.clear()
    summary = run_corpus(small_corpus, out, cache=False)
    assert len(seen) == 3 and summary.documents_cached == 0


def test_cache_failed_documents_are_not_cached(small_corpus, tmp_path, monkeypatch):
    (small_corpus / "bad").mkdir()
    (small_corpus / "bad" / "2017.txt").write_bytes(b"")
    out = tmp_path / "out"
    run_corpus(small_corpus, out)
    summary = run_corpus(small_corpus, out)
    assert (summary.documents_cached, summary.documents_failed) == (3, 1)
    assert any("2017.txt: empty file" in e for _, e in summary.failures)


def _copy_packages(dest):
    roots = []
    for root in cache_module.PACKAGE_ROOTS:
        shutil.copytree(root, dest / root.name, ignore=shutil.ignore_patterns("__pycache__"))
        roots.append(dest / root.name)
    return tuple(roots)


def test_cache_fingerprint_sees_data_files(pinned_code):
    roots = pinned_code
    before = code_fingerprint(roots)
    assert code_fingerprint(roots) == before
    data = roots[0] / "data" / "units.yaml"
    data.write_text(data.read_text(encoding="utf-8") + "\n# one more comment\n", encoding="utf-8")
    assert code_fingerprint(roots) != before
    (roots[1] / "data" / "new.yaml").write_text("a: 1\n", encoding="utf-8")
    assert code_fingerprint(roots) != before


def test_cache_changed_data_file_invalidates_every_document(small_corpus, tmp_path, monkeypatch, pinned_code):
    roots = pinned_code
    out = tmp_path / "out"
    seen = _processed(monkeypatch)
    run_corpus(small_corpus, out)
    seen.clear()
    run_corpus(small_corpus, out)
    assert seen == []
    data = roots[0] / "data" / "time_words.yaml"
    data.write_text(data.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    summary = run_corpus(small_corpus, out)
    assert len(seen) == 3 and summary.documents_cached == 0
