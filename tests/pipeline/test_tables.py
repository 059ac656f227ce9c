"""The table writer: atomic publication, recovery after a crash, clear errors."""

from __future__ import annotations

import os
import pickle

import pandas as pd
import pytest

from pipeline.errors import DocumentError, OutputError
from pipeline.tables.output_folder import OutputFolder
from pipeline.tables.writer import RunWriter

ROW = {
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
}


def _publish(out, heading):
    w = RunWriter(out)
    w.write_part("sections", "x-2018", [{**ROW, "heading": heading}])
    w.commit(["sections"])


def test_tables_commit_publishes_and_replaces(tmp_path):
    _publish(tmp_path, "old")
    _publish(tmp_path, "new")
    assert pd.read_parquet(tmp_path / "sections").heading.tolist() == ["new"]
    assert not any(p.name.startswith(".staging-") for p in tmp_path.iterdir())


def test_tables_empty_table_is_readable(tmp_path):
    w = RunWriter(tmp_path)
    w.commit(["targets"])
    df = pd.read_parquet(tmp_path / "targets")
    assert len(df) == 0 and "value" in df.columns


def test_tables_abandoned_run_leaves_previous_outputs(tmp_path):
    _publish(tmp_path, "old")
    w = RunWriter(tmp_path)
    w.write_part("sections", "x-2018", [{**ROW, "heading": "half"}])
    # the process dies here: no commit, no abort; its lock goes with it
    w.folder.release()
    assert pd.read_parquet(tmp_path / "sections").heading.tolist() == ["old"]
    _publish(tmp_path, "rerun")
    assert pd.read_parquet(tmp_path / "sections").heading.tolist() == ["rerun"]


def test_tables_next_run_deletes_what_a_killed_run_left(tmp_path):
    _publish(tmp_path, "old")
    w = RunWriter(tmp_path)
    w.write_part("sections", "x-2018", [{**ROW, "heading": "half"}])
    w.folder.release()  # killed: the lock goes with the process, the version stays behind
    left = w.staging
    _publish(tmp_path, "new")
    assert not left.exists()
    assert [p.name for p in OutputFolder(tmp_path).versions.iterdir()] == [OutputFolder(tmp_path).published_version()]
    assert pd.read_parquet(tmp_path / "sections").heading.tolist() == ["new"]


def test_tables_commit_of_some_tables_keeps_the_others(tmp_path):
    _publish(tmp_path, "old")
    w = RunWriter(tmp_path)
    w.commit(["targets"])
    assert pd.read_parquet(tmp_path / "sections").heading.tolist() == ["old"]
    assert len(pd.read_parquet(tmp_path / "targets")) == 0


def test_tables_output_path_is_a_file(tmp_path):
    f = tmp_path / "outputs"
    f.write_text("x")
    with pytest.raises(OutputError, match="exists and is not a folder"):
        RunWriter(f)


def test_tables_unwritable_output(tmp_path, monkeypatch):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o500)
    if os.geteuid() == 0:  # root writes whatever the mode: fail the write as it would for a user
        import pathlib

        def denied(self, *args, **kwargs):
            raise PermissionError(13, "Permission denied", str(self))

        monkeypatch.setattr(pathlib.Path, "mkdir", denied)
    with pytest.raises(OutputError, match="ro: cannot write the output folder: not writable"):
        RunWriter(out)


@pytest.mark.parametrize("name", ["../../evil", "/tmp/evil", "a/../../evil", "evil\0x"])
def test_tables_ids_cannot_escape_the_output_folder(tmp_path, name):
    w = RunWriter(tmp_path)
    with pytest.raises(OutputError, match="outside the output folder"):
        w.write_part("sections", name, [ROW])
    assert not (tmp_path.parent / "evil.parquet").exists()


def test_tables_a_dotted_id_stays_a_file_of_its_table_folder(tmp_path):
    w = RunWriter(tmp_path)
    w.write_part("sections", "..", [ROW])  # "...parquet": a file name like any other
    assert [p.name for p in (w.staging / "sections").iterdir()] == ["...parquet"]


def test_tables_a_table_folder_linked_elsewhere_is_refused(tmp_path):
    w = RunWriter(tmp_path / "out")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (w.staging / "sections").symlink_to(elsewhere)
    with pytest.raises(OutputError, match="outside the output folder"):
        w.write_part("sections", "doc-2018", [ROW])
    assert not any(elsewhere.iterdir())


@pytest.mark.parametrize("err", [DocumentError("a/b.txt", "empty file"), OutputError("out", "no space")])
def test_tables_errors_pickle(err):
    back = pickle.loads(pickle.dumps(err))
    assert str(back) == str(err) and back.path == err.path


@pytest.mark.issue(19)
def test_tables_empty_strings_are_written_as_null():
    # a target without a subject had subject "" (isna() counted 0)
    from pipeline.registry import ALL_TABLES
    from pipeline.tables.writer import to_table

    row = {**ROW, "heading": "", "label": "一"}
    table = to_table([row], ALL_TABLES["sections"])
    assert table.column("heading").to_pylist() == [None]
    assert table.column("label").to_pylist() == ["一"]
    assert table.column("level").to_pylist() == [1]


@pytest.mark.issue(19)
def test_tables_no_empty_string_in_any_table(corpus_tables):
    # targets.subject/indicator/unit and fulfilment units were "" when missing
    for name, frame in corpus_tables.items():
        for column in frame.columns:
            values = frame[column].dropna()
            if len(values) and isinstance(values.iloc[0], str):
                assert not (values == "").any(), f"{name}.{column} holds empty strings"
    targets = corpus_tables["targets"]
    assert targets["subject"].isna().any() and targets["indicator"].isna().any()
