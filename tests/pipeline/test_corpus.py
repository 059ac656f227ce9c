"""Corpus discovery and the manifest: nothing outside the corpus is read, a bad row fails
alone, an empty corpus is an error, ids fit in file names."""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from pipeline.errors import DocumentError
from pipeline.ingest.corpus import MAX_SLUG_BYTES, discover, slugify
from pipeline.orchestrate.engines import run_corpus
from pipeline.orchestrate.run import prepare

HEADER = ["path", "issuer", "issuer_slug", "year", "genre", "title", "source"]


def _manifest(corpus: Path, rows: list[list[str]], *, encoding="utf-8", delimiter=",", header=HEADER) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    (corpus / "MANIFEST.csv").write_bytes(buf.getvalue().encode(encoding))


@pytest.fixture
def corpus(copy_corpus):
    """dalian-edu 2018 and gov-report 2019 in their issuer folders."""
    return copy_corpus("dalian-edu/2018.txt", "gov-report/2019.txt")


def _row(path: str, year: str = "2018", slug: str = "dalian-edu") -> list[str]:
    return [path, "大连市教育局", slug, year, "工作要点", "2018年工作要点", ""]


def _by_path(prepared):
    return {Path(p.spec.path).name if p.error is None else p.spec.doc_id: p for p in prepared}


# --------------------------------------------------------------------------- outside the corpus


@pytest.mark.issue(14)
@pytest.mark.parametrize("path", ["/etc/passwd", "../../../../etc/passwd", "gov-report/../../../x.txt"])
def test_corpus_manifest_path_outside_the_corpus_fails_alone_and_is_never_read(corpus, tmp_path, path):
    outside = tmp_path / "x.txt"
    outside.write_text("秘密 2018年", encoding="utf-8")
    _manifest(corpus, [_row("dalian-edu/2018.txt"), _row(path, "2019", "evil")])
    out = tmp_path / "out"
    summary = run_corpus(corpus, out)
    assert summary.documents_ok == 1 and summary.documents_failed == 1
    docs = pd.read_parquet(out / "documents")
    failed = docs[docs.status == "failed"].iloc[0]
    assert failed.error.endswith("refused") and (
        "leads outside the corpus folder" in failed.error or "is an absolute path" in failed.error
    )
    assert pd.isna(failed.text) and pd.isna(failed.sha256)
    assert not docs.text.fillna("").str.contains("root:|秘密").any()


@pytest.mark.issue(14)
def test_corpus_symlink_leaving_the_corpus_is_refused(corpus, tmp_path):
    secret = tmp_path / "secret" / "2020.txt"
    secret.parent.mkdir()
    secret.write_text("1.新开办公办幼儿园15所。", encoding="utf-8")
    os.symlink(secret, corpus / "dalian-edu" / "2020.txt")
    os.symlink(corpus / "gov-report" / "2019.txt", corpus / "dalian-edu" / "2019.txt")  # stays inside: fine
    specs = {s.path.name: s for s in discover(corpus)}
    assert specs["2020.txt"].error.endswith(
        f"a symbolic link to {secret.resolve()}, outside the corpus folder {corpus.resolve()}: "
        "refused (copy the file into the corpus instead)"
    )
    assert specs["2019.txt"].error is None and specs["2018.txt"].error is None
    summary = run_corpus(corpus, tmp_path / "out")
    assert summary.documents_failed == 1 and "symbolic link" in summary.failures[0][1]
    texts = pd.read_parquet(tmp_path / "out" / "documents").set_index("source_path").text
    assert pd.isna(texts[str(corpus / "dalian-edu" / "2020.txt")])


@pytest.mark.issue(14)
def test_corpus_manifest_symlink_leaving_the_corpus_is_refused(corpus, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("x", encoding="utf-8")
    os.symlink(secret, corpus / "dalian-edu" / "link.txt")
    _manifest(corpus, [_row("dalian-edu/2018.txt"), _row("dalian-edu/link.txt", "2019")])
    bad = [s for s in discover(corpus) if s.error]
    assert len(bad) == 1 and "line 3: dalian-edu/link.txt is a symbolic link to" in bad[0].error


# --------------------------------------------------------------------------- empty corpus


@pytest.mark.issue(14)
def test_corpus_empty_folder_is_an_error_and_keeps_the_previous_tables(corpus, tmp_path):
    out = tmp_path / "out"
    run_corpus(corpus, out)
    before = pd.read_parquet(out / "targets")
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.csv").write_bytes(b"a,b\n")
    with pytest.raises(
        DocumentError,
        match=r"empty: no documents: no .docx, .htm, .html, .md, .ofd, .pdf, .text, .txt, .xlsx file below the folder",
    ):
        run_corpus(empty, out)
    header_only = tmp_path / "header-only"
    header_only.mkdir()
    _manifest(header_only, [])
    with pytest.raises(DocumentError, match=r"MANIFEST.csv: lists no documents \(only a header\)"):
        run_corpus(header_only, out)
    assert pd.read_parquet(out / "targets").equals(before)
    assert len(pd.read_parquet(out / "documents")) == 2


# --------------------------------------------------------------------------- years


@pytest.mark.issue(14)
@pytest.mark.parametrize(
    "year,expected",
    [
        ("2018", 2018),
        ("二〇一八", 2018),
        ("二〇一八年", 2018),
        ("2018年", 2018),
        ("２０１８", 2018),
        (" 2018 ", 2018),
    ],
)
def test_corpus_manifest_years_read(corpus, year, expected):
    _manifest(corpus, [_row("dalian-edu/2018.txt", year)])
    (spec,) = discover(corpus)
    assert spec.error is None and spec.year == expected


@pytest.mark.issue(14)
@pytest.mark.parametrize("year", ["99999999999999999999", "18", "-5", "1800", "3018", "2018.5", "明年", "二〇一"])
def test_corpus_manifest_bad_year_fails_that_document_only(corpus, tmp_path, year):
    _manifest(corpus, [_row("dalian-edu/2018.txt", year), _row("gov-report/2019.txt", "2019", "gov-report")])
    summary = run_corpus(corpus, tmp_path / "out")
    assert summary.documents_ok == 1 and summary.documents_failed == 1
    assert f"line 2: year {year.strip()!r} is not a four-digit year between 1900 and 2100" in summary.failures[0][1]
    series = pd.read_parquet(tmp_path / "out" / "target_series")
    assert set(series.issuer_slug) <= {"gov-report"}


# --------------------------------------------------------------------------- manifest format


@pytest.mark.issue(14)
@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-8-sig"])
def test_corpus_manifest_decoded_like_documents(corpus, encoding):
    _manifest(corpus, [_row("dalian-edu/2018.txt")], encoding=encoding)
    (spec,) = discover(corpus)
    assert spec.issuer == "大连市教育局" and spec.title == "2018年工作要点" and spec.year == 2018


@pytest.mark.issue(14)
def test_corpus_manifest_undecodable_gives_a_hint(corpus):
    (corpus / "MANIFEST.csv").write_bytes(b"path,year\n" + bytes(range(128, 256)) * 4)
    with pytest.raises(DocumentError, match=r"MANIFEST.csv: cannot read the manifest: .*save it as CSV in UTF-8"):
        discover(corpus)


@pytest.mark.issue(14)
@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_corpus_manifest_separator_found_from_the_header(corpus, delimiter):
    _manifest(
        corpus, [_row("dalian-edu/2018.txt"), _row("gov-report/2019.txt", "2019", "gov-report")], delimiter=delimiter
    )
    assert [(s.path.name, s.year, s.issuer_slug) for s in discover(corpus)] == [
        ("2018.txt", 2018, "dalian-edu"),
        ("2019.txt", 2019, "gov-report"),
    ]


@pytest.mark.issue(14)
def test_corpus_manifest_without_path_column_says_so(corpus):
    _manifest(corpus, [["dalian-edu/2018.txt", "2018"]], header=["file", "year"])
    with pytest.raises(DocumentError, match="no path column in the header line 'file,year'"):
        discover(corpus)


@pytest.mark.issue(14)
def test_corpus_manifest_row_without_path_fails_alone(corpus):
    _manifest(corpus, [_row(""), _row("dalian-edu/2018.txt")])
    specs = discover(corpus)
    assert [s.error for s in specs] == [f"{corpus / 'MANIFEST.csv'}: line 2: no path", None]


@pytest.mark.issue(14)
def test_corpus_manifest_duplicate_path_reported_once(corpus, tmp_path):
    _manifest(corpus, [_row("dalian-edu/2018.txt"), _row("./dalian-edu/2018.txt"), _row("dalian-edu/2018.txt")])
    summary = run_corpus(corpus, tmp_path / "out")
    assert summary.documents_ok == 1 and summary.documents_failed == 2
    assert [e.split(": ", 1)[1] for _, e in summary.failures] == [
        "line 3: ./dalian-edu/2018.txt is already listed on line 2; processed once",
        "line 4: dalian-edu/2018.txt is already listed on line 2; processed once",
    ]
    docs = pd.read_parquet(tmp_path / "out" / "documents")
    assert (docs.status == "ok").sum() == 1 and len(pd.read_parquet(tmp_path / "out" / "tasks").doc_id.unique()) == 1


# --------------------------------------------------------------------------- names


@pytest.mark.issue(14)
def test_corpus_long_names_are_shortened_with_a_hash(tmp_path, corpus_dir):
    # a Chinese issuer folder of 100 characters is 300 bytes: over the 255-byte file-name limit
    issuer = "大连市教育局" * 17
    folder = tmp_path / "corpus" / issuer[:80]
    folder.mkdir(parents=True)
    shutil.copy(corpus_dir / "dalian-edu" / "2018.txt", folder / "2018.txt")
    slug = slugify(issuer)
    assert len(slug.encode()) <= MAX_SLUG_BYTES and slug != slugify(issuer[:-1])
    assert slug.startswith("大连市教育局")
    summary = run_corpus(folder.parent, tmp_path / "out")
    assert summary.documents_ok == 1
    (doc_id,) = pd.read_parquet(tmp_path / "out" / "documents").doc_id
    assert len(f"{doc_id}.parquet".encode()) < 255 and doc_id.endswith("-2018")


@pytest.mark.issue(14)
def test_corpus_slug_shortening_is_stable_and_keeps_short_names():
    assert slugify("dalian-edu") == "dalian-edu"
    long = "x" * 300
    assert slugify(long) == slugify(long) and len(slugify(long).encode()) == MAX_SLUG_BYTES


@pytest.mark.issue(14)
def test_corpus_prepare_never_reads_a_refused_document(corpus, monkeypatch):
    import pipeline.orchestrate.run as run

    _manifest(corpus, [["../../etc/passwd", "", "", "", "", "", ""]])  # no year: would be inferred by reading
    opened = []
    monkeypatch.setattr(run, "read_document", lambda path: opened.append(path))
    (p,) = prepare(corpus)
    assert opened == [] and "leads outside the corpus folder" in p.error and p.spec.doc_id == "failed-passwd"


@pytest.mark.parametrize(
    "line,year",
    [
        ("某局2023年工作总结和2024年工作思路", 2024),  # a review and the plan after it
        ("关于2022年工作情况暨2023年工作安排的报告", 2023),
        ("某市“十四五”教育发展规划（2021—2025年）", 2021),  # a span: its first year
        ("2019年政府工作报告", 2019),
        # a title without a year: the year of issue its document number names
        ("某局关于印发工作要点的通知\n某政〔2024〕3号", 2024),
        ("某局关于印发2023年工作要点的通知\n某政〔2022〕51号", 2023),  # the title's year first
    ],
)
def test_the_year_a_title_names_for_its_document(tmp_path, line, year):
    from pipeline.ingest.corpus import DocumentSpec, infer_metadata

    path = tmp_path / "plan.txt"
    assert infer_metadata(DocumentSpec(path=path), f"{line}\n一、总体要求\n坚持稳中求进。\n").year == year
