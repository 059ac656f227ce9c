"""Whole runs: the corpus end to end, invariants on every table, failures, re-runs."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.orchestrate.engines import run_corpus
from pipeline.orchestrate.run import prepare
from pipeline.registry import ALL_TABLES, DOCUMENT_TABLES


def test_run_corpus_all_documents_ok(corpus_tables, manifest_rows):
    docs = corpus_tables["documents"]
    assert len(docs) == len(manifest_rows) == 68
    assert set(docs.status) == {"ok"}
    assert docs.error.isna().all()
    assert docs.doc_id.is_unique
    assert set(docs.year) >= {1954, 1979, 1994, 2018, 2019}


def test_run_corpus_dalian_tasks(corpus_tables):
    tasks = corpus_tables["tasks"]
    dalian = tasks[tasks.doc_id == "dalian-edu-2018"].sort_values("number")
    assert dalian.number.tolist() == list(range(1, 32))
    assert dalian.title.iloc[16] == "扩增普通高中优质资源"
    assert len(corpus_tables["sections"].query("doc_id == 'dalian-edu-2018'")) == 6


def test_run_corpus_offsets_invariant_on_every_table(corpus_tables):
    texts = dict(zip(corpus_tables["documents"].doc_id, corpus_tables["documents"].text))
    checked = 0
    for table in DOCUMENT_TABLES:
        df = corpus_tables[table]
        if "char_start" not in df.columns:
            continue
        for row in df.itertuples():
            doc = texts[row.doc_id]
            assert 0 <= row.char_start <= row.char_end <= len(doc)
            if "text" in df.columns:
                assert doc[row.char_start : row.char_end] == row.text, (table, row)
            checked += 1
    assert checked > 1000


def test_run_corpus_extraction_rows_point_to_existing_tasks(corpus_tables):
    task_ids = set(corpus_tables["tasks"].task_id)
    section_ids = set(corpus_tables["sections"].section_id)
    for table in ("targets", "times", "policy_refs", "entities"):
        df = corpus_tables[table]
        assert set(df.task_id.dropna()) <= task_ids, table
        assert set(df.section_id.dropna()) <= section_ids, table


def test_run_corpus_tables_have_contract_schemas(corpus_outputs):
    for table, schema in ALL_TABLES.items():
        got = pd.read_parquet(corpus_outputs / table)
        assert list(got.columns) == schema.names, table


@pytest.fixture
def small_corpus(copy_corpus):
    """Three real documents, no manifest: metadata from folder and file names."""
    return copy_corpus("dalian-edu/2018.txt", "gov-report/2018.txt", "gov-report/2019.txt")


def _rows(out, table):
    df = pd.read_parquet(out / table)
    return sorted(map(repr, df.itertuples(index=False)))


def test_run_rerun_gives_same_rows(small_corpus, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    run_corpus(small_corpus, a)
    run_corpus(small_corpus, b)
    run_corpus(small_corpus, b)  # over existing outputs
    for table in ALL_TABLES:
        assert _rows(a, table) == _rows(b, table), table


def test_run_without_manifest_infers_metadata(small_corpus):
    specs = [p.spec for p in prepare(small_corpus)]
    assert [(s.doc_id, s.issuer_slug, s.year) for s in specs] == [
        ("dalian-edu-2018", "dalian-edu", 2018),
        ("gov-report-2018", "gov-report", 2018),
        ("gov-report-2019", "gov-report", 2019),
    ]
    assert specs[0].genre == "工作要点"


def test_run_issuer_and_year_from_file_name(tmp_path):
    (tmp_path / "大连市教育局2018年工作要点.txt").write_text("1.新开办公办幼儿园15所。", encoding="utf-8")
    (spec,) = [p.spec for p in prepare(tmp_path)]
    assert (spec.issuer, spec.year, spec.genre) == ("大连市教育局", 2018, "工作要点")
    assert spec.doc_id == "大连市教育局-2018"


def test_run_two_documents_same_issuer_and_year(tmp_path):
    d = tmp_path / "dalian-edu"
    d.mkdir()
    (d / "2018.txt").write_text("1.新开办公办幼儿园15所。", encoding="utf-8")
    (d / "2018-revised.txt").write_text("1.新开办公办幼儿园16所。", encoding="utf-8")
    ids = [p.spec.doc_id for p in prepare(tmp_path)]
    assert sorted(ids) == ["dalian-edu-2018", "dalian-edu-2018-2"]


def test_run_failed_documents_are_recorded_and_others_complete(small_corpus, tmp_path):
    bad = small_corpus / "bad"
    bad.mkdir()
    (bad / "2017.txt").write_bytes(b"")
    (bad / "2016.txt").write_bytes(bytes(range(256)) * 10)
    (bad / "notes.txt").write_text("没有年份的文件。", encoding="utf-8")
    out = tmp_path / "out"
    summary = run_corpus(small_corpus, out)
    assert summary.documents_ok == 3 and summary.documents_failed == 3
    docs = pd.read_parquet(out / "documents").set_index("source_path")
    failed = docs[docs.status == "failed"]
    errors = sorted(failed.error)
    assert any("2017.txt: empty file" in e for e in errors)
    assert any("2016.txt" in e and ("binary" in e or "not UTF-8" in e) for e in errors)
    assert any("notes.txt: no year found" in e for e in errors)
    assert failed.text.isna().all()
    # the good documents lost nothing
    tasks = pd.read_parquet(out / "tasks")
    assert (tasks.doc_id == "dalian-edu-2018").sum() == 31


def test_run_document_without_numbering_still_extracts(tmp_path):
    d = tmp_path / "corpus" / "some-bureau"
    d.mkdir(parents=True)
    (d / "2020.txt").write_text("今年新建公办幼儿园15所，年底前完成改造。落实《学前教育行动计划》。", encoding="utf-8")
    out = tmp_path / "out"
    run_corpus(d.parent, out)
    assert len(pd.read_parquet(out / "tasks")) == 0
    assert len(pd.read_parquet(out / "times")) >= 1
    assert len(pd.read_parquet(out / "policy_refs")) == 1


def test_run_reads_each_document_once(copy_corpus, tmp_path, monkeypatch):
    """A document's bytes are read once: the cache key and the processing use the same bytes."""
    import pipeline.ingest.read as read_module

    corpus = copy_corpus("dalian-edu/2018.txt", "gov-report/2018.txt")
    reads: list[str] = []
    real = read_module._open_fd  # the one place input files are opened

    def counting(path):
        if str(path).startswith(str(corpus)):
            reads.append(path.name)
        return real(path)

    monkeypatch.setattr(read_module, "_open_fd", counting)
    run_corpus(corpus, tmp_path / "out", engine="local")
    assert sorted(reads) == ["2018.txt", "2018.txt"], reads  # one per document (both are 2018.txt)


def test_run_structure_warnings_in_summary_and_documents_even_when_cached(copy_corpus, tmp_path):
    """pingtan-zwgk-tasks 2018 skips rows 35–36 (the source dropped them): the run says so,
    the documents table keeps it, and a cached re-run says it again."""
    corpus = copy_corpus("pingtan-zwgk-tasks/2018.txt")
    (corpus / "MANIFEST.csv").write_text(
        "path,issuer,issuer_slug,year\npingtan-zwgk-tasks/2018.txt,平潭综合实验区管委会办公室,pingtan-zwgk-tasks,2018\n",
        encoding="utf-8",
    )
    first = run_corpus(corpus, tmp_path / "out", engine="local")
    again = run_corpus(corpus, tmp_path / "out", engine="local")
    assert again.documents_cached == 1
    for summary in (first, again):
        assert any("numbering skips 35–36" in w for _, w in summary.warnings), summary.warnings
    docs = pd.read_parquet(tmp_path / "out" / "documents")
    assert "numbering skips 35–36" in docs.loc[0, "warnings"]
