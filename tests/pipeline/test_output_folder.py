"""The output folder: plantasks writes and deletes only what it owns, one run at a time,
and publishes all tables or none."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.errors import OutputError
from pipeline.orchestrate.cache import DocumentCache
from pipeline.orchestrate.engines import run_corpus
from pipeline.registry import ALL_TABLES
from pipeline.tables.output_folder import AREA, MARKER, OutputFolder
from pipeline.tables.writer import RunWriter

ROOT = Path(__file__).resolve().parents[2]
# 1.新开办公办幼儿园15所 (dalian-edu 2018): one row in most tables
ROWS = {
    "sections": {
        "doc_id": "x-2018",
        "section_id": "x-2018/s1",
        "parent_id": None,
        "level": 1,
        "label": "一",
        "number": 1,
        "heading": "聚焦根本保证",
        "part": "plan",
        "char_start": 0,
        "char_end": 8,
    },
    "documents": {
        "doc_id": "x-2018",
        "issuer": "大连市教育局",
        "issuer_slug": "x",
        "year": 2018,
        "status": "ok",
        "text": "1.新开办公办幼儿园15所。",
    },
}


@pytest.fixture
def two_docs(copy_corpus):
    return copy_corpus("gov-report/2018.txt", "gov-report/2019.txt")


def _publish(out: Path, label: str, tables=tuple(ALL_TABLES)) -> None:
    """A run whose every row says ``label``: sections.heading and documents.title."""
    w = RunWriter(out)
    w.write_part("sections", "x-2018", [{**ROWS["sections"], "heading": label}])
    w.write_part("documents", "x-2018", [{**ROWS["documents"], "title": label}])
    w.commit(list(tables), run_info={"label": label, "pipeline_version": "test"})


def _label(out: Path) -> str:
    """The run every published table belongs to; fails on a mix or a missing table."""
    for table in ALL_TABLES:
        pd.read_parquet(out / table)  # each table readable
    heading = pd.read_parquet(out / "sections").heading.tolist()
    title = pd.read_parquet(out / "documents").title.tolist()
    info = json.loads((out / "_run.json").read_text(encoding="utf-8"))["label"]
    assert heading == title == [info], (heading, title, info)
    return info


# --------------------------------------------------------------------------- ownership


@pytest.mark.issue(14)
@pytest.mark.parametrize("table", ["tasks", "documents"])
def test_output_folder_refuses_the_users_own_table_named_folder(two_docs, tmp_path, table):
    out = tmp_path / "home"
    (out / table).mkdir(parents=True)
    mine = out / table / "my_todo.txt"
    mine.write_text("buy milk", encoding="utf-8")
    with pytest.raises(OutputError, match=f"{table} exists and was not written by plantasks.*my_todo.txt"):
        run_corpus(two_docs, out)
    assert mine.read_text(encoding="utf-8") == "buy milk"
    assert not (out / AREA).exists() or not any((out / AREA / "versions").glob("*/documents"))


@pytest.mark.issue(14)
def test_output_folder_refuses_the_root_of_the_file_system(tmp_path):
    # checked before anything is written: the root's entries stay as they are
    before = sorted(os.listdir("/"))
    with pytest.raises(OutputError, match="is the root of the file system"):
        OutputFolder(Path("/"), corpus=tmp_path).check()
    with pytest.raises(OutputError, match="is the root of the file system"):
        OutputFolder(Path("/tmp/.."), corpus=tmp_path).check()
    assert sorted(os.listdir("/")) == before
    OutputFolder(tmp_path / "out", corpus=tmp_path / "corpus").check()  # an ordinary folder passes


@pytest.mark.issue(14)
def test_output_folder_refuses_the_corpus_itself_and_keeps_its_documents(tmp_path, corpus_dir):
    corpus = tmp_path / "corpus"
    (corpus / "documents").mkdir(parents=True)
    doc = corpus / "documents" / "2018.txt"
    shutil.copy(corpus_dir / "dalian-edu" / "2018.txt", doc)
    before = doc.read_bytes()
    with pytest.raises(OutputError, match="is the corpus folder itself"):
        run_corpus(corpus, corpus)
    with pytest.raises(OutputError, match="inside the corpus folder"):
        run_corpus(corpus, corpus / "out")
    assert doc.read_bytes() == before
    assert sorted(p.name for p in corpus.rglob("*")) == ["2018.txt", "documents"]


@pytest.mark.issue(14)
def test_output_folder_refuses_a_foreign_plantasks_folder(tmp_path):
    out = tmp_path / "out"
    (out / AREA).mkdir(parents=True)
    (out / AREA / "notes.txt").write_text("not ours", encoding="utf-8")
    with pytest.raises(OutputError, match="was not made by plantasks"):
        RunWriter(out)
    assert (out / AREA / "notes.txt").exists()


@pytest.mark.issue(14)
def test_output_folder_leaves_someone_elses_cache_alone(two_docs, tmp_path):
    # --out $HOME: pip's cache must survive the cache clean-up
    home = tmp_path / "home"
    pip = home / ".cache" / "pip" / "http"
    pip.mkdir(parents=True)
    (pip / "wheel.bin").write_bytes(b"\x00" * 10)
    (home / "notes.md").write_text("mine", encoding="utf-8")
    run_corpus(two_docs, home)
    run_corpus(two_docs, home)
    assert (pip / "wheel.bin").read_bytes() == b"\x00" * 10
    assert (home / "notes.md").read_text(encoding="utf-8") == "mine"
    assert len(pd.read_parquet(home / "documents")) == 2
    assert any((home / AREA / "cache").iterdir())


@pytest.mark.issue(14)
def test_output_folder_is_marked_and_tables_are_links_into_the_current_run(two_docs, tmp_path):
    out = tmp_path / "out"
    run_corpus(two_docs, out)
    assert (out / AREA / MARKER).is_file() and OutputFolder(out).owned()
    for table in ALL_TABLES:
        assert (out / table).is_symlink() and os.readlink(out / table) == f"{AREA}/current/{table}"
    import duckdb

    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/documents/*.parquet')").fetchall()[0][0]
    assert n == 2


@pytest.mark.issue(14)
def test_output_folder_cache_prune_deletes_only_inside_the_area(two_docs, tmp_path):
    out = tmp_path / "out"
    run_corpus(two_docs, out)
    stray = out / AREA / "cache" / "not-a-key"
    stray.mkdir()
    neighbour = out / "cache-of-mine"
    neighbour.mkdir()
    DocumentCache(out).prune()
    assert not stray.exists() and neighbour.exists()


@pytest.mark.issue(14)
def test_output_folder_takes_over_a_folder_of_an_earlier_version(two_docs, tmp_path):
    """Real table folders next to _run.json (before .plantasks/) are moved in and linked."""
    out = tmp_path / "out"
    (out / "sections").mkdir(parents=True)
    pq.write_table(_one_section("legacy"), out / "sections" / "x-2018.parquet")
    (out / "_run.json").write_text(json.dumps({"pipeline_version": "0.1.0"}), encoding="utf-8")
    (out / "exports").mkdir()  # next to the tables, untouched
    w = RunWriter(out)
    w.abort()
    assert (out / "sections").is_symlink()
    assert pd.read_parquet(out / "sections").heading.tolist() == ["legacy"]
    run_corpus(two_docs, out)
    assert len(pd.read_parquet(out / "documents")) == 2 and (out / "exports").is_dir()


def _one_section(heading: str):
    from pipeline.tables.writer import to_table

    return to_table([{**ROWS["sections"], "heading": heading}], ALL_TABLES["sections"])


@pytest.mark.issue(14)
def test_output_folder_legacy_folder_with_user_files_is_refused(tmp_path):
    out = tmp_path / "out"
    (out / "tasks").mkdir(parents=True)
    (out / "tasks" / "my_todo.txt").write_text("x", encoding="utf-8")
    (out / "_run.json").write_text(json.dumps({"pipeline_version": "0.1.0"}), encoding="utf-8")
    with pytest.raises(OutputError, match="tasks exists and was not written by plantasks"):
        RunWriter(out)
    assert (out / "tasks" / "my_todo.txt").exists()


# --------------------------------------------------------------------------- one run at a time


@pytest.mark.issue(14)
def test_output_folder_second_writer_is_told_the_folder_is_busy(tmp_path):
    first = RunWriter(tmp_path)
    with pytest.raises(OutputError, match=rf"busy: another plantasks run \(pid {os.getpid()} since"):
        RunWriter(tmp_path)
    first.abort()
    RunWriter(tmp_path).abort()  # free again


@pytest.mark.issue(14)
def test_output_folder_runs_started_together_never_mix_tables(tmp_path, copy_corpus, corpus_dir):
    """Three runs of different corpora into one folder: each publishes whole or says busy."""
    corpora = []
    for i, years in enumerate([("2017", "2018"), ("2019",), ("2016", "2015", "2014")]):
        root = tmp_path / f"corpus{i}" / "gov-report"
        root.mkdir(parents=True)
        for y in years:
            shutil.copy(corpus_dir / "gov-report" / f"{y}.txt", root / f"{y}.txt")
        corpora.append((root.parent, {f"gov-report-{y}" for y in years}))
    out = tmp_path / "out"
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "pipeline.cli", "run", str(c), "--out", str(out), "--engine", "local", "--quiet"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for c, _ in corpora
    ]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    for code, err in results:
        assert code == 0 or (code == 2 and "busy: another plantasks run" in err), err
    assert any(code == 0 for code, _ in results)
    ids = {t: set(pd.read_parquet(out / t).doc_id) for t in ("documents", "targets", "times", "policy_refs")}
    expected = next(docs for _, docs in corpora if docs == ids["documents"])
    assert all(v <= expected for v in ids.values()), ids
    info = json.loads((out / "_run.json").read_text(encoding="utf-8"))
    assert Path(info["corpus"]).resolve() == next(c for c, d in corpora if d == expected).resolve()


# --------------------------------------------------------------------------- all or nothing


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs, no clean-up, the lock goes with the process."""


_STEPS = [
    ("os", "replace"),
    ("os", "symlink"),
    ("os", "link"),
    ("os", "unlink"),
    ("os", "rmdir"),
    ("os", "mkdir"),
    ("shutil", "rmtree"),
    ("shutil", "copy2"),
    ("pq", "write_table"),
]


def _commit_killed_at(out: Path, step: int, monkeypatch) -> bool:
    """Run a full commit of 'new' that dies at its ``step``-th file-system change; True if it did."""
    import pathlib

    w = RunWriter(out)
    w.write_part("sections", "x-2018", [{**ROWS["sections"], "heading": "new"}])
    w.write_part("documents", "x-2018", [{**ROWS["documents"], "title": "new"}])
    modules = {"os": os, "shutil": shutil, "pq": pq}
    count = [0]
    with monkeypatch.context() as m:
        for module, name in _STEPS:
            real = getattr(modules[module], name)

            def step_then(*args, _real=real, **kwargs):
                count[0] += 1
                if count[0] == step:
                    raise Killed()
                return _real(*args, **kwargs)

            m.setattr(modules[module], name, step_then)
        real_write_text = pathlib.Path.write_text

        def write_text(self, *args, **kwargs):
            count[0] += 1
            if count[0] == step:
                raise Killed()
            return real_write_text(self, *args, **kwargs)

        m.setattr(pathlib.Path, "write_text", write_text)
        m.setattr(RunWriter, "abort", lambda self: None)  # a killed process cleans nothing
        try:
            w.commit(list(ALL_TABLES), run_info={"label": "new", "pipeline_version": "test"})
        except Killed:
            w.folder.release()  # the kernel drops the lock of a dead process
            return True
    return False


@pytest.mark.issue(14)
def test_output_folder_kill_at_every_step_of_publishing_leaves_old_or_new_tables_whole(tmp_path, monkeypatch):
    seen = []
    step = 1
    while True:
        out = tmp_path / f"out{step}"
        _publish(out, "old")
        killed = _commit_killed_at(out, step, monkeypatch)
        seen.append(_label(out))  # right after the kill, before any recovery
        _publish(out, "after")  # the next run recovers and publishes
        assert _label(out) == "after"
        versions = list((out / AREA / "versions").iterdir())
        assert [v.name for v in versions] == [OutputFolder(out).published_version()]
        assert not [p for p in out.iterdir() if p.name.endswith(".link")]
        if not killed:
            break
        step += 1
    assert step > 10  # every table folder, the run info, the links and the switch were steps
    assert seen[0] == "old" and seen[-1] == "new" and set(seen) == {"old", "new"}
    # once switched, it stays switched: old never comes back after new
    assert seen == sorted(seen, key=lambda label: label == "new")


@pytest.mark.issue(14)
def test_output_folder_first_run_killed_before_its_marker_is_still_ours(tmp_path):
    out = tmp_path / "out"
    (out / AREA).mkdir(parents=True)
    (out / AREA / f".{MARKER}-1a2b3c4d").write_text("half", encoding="utf-8")  # killed mid-claim
    RunWriter(out).commit(["sections"])
    assert OutputFolder(out).owned() and (out / AREA / MARKER).is_file()
