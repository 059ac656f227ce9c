"""The plantasks command line."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from pipeline.cli import main


def test_cli_help_lists_commands(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    for command in ("run", "evaluate"):
        assert command in out


def test_cli_run_summary_and_exit_codes(tmp_path, corpus_dir, capsys):
    corpus = tmp_path / "c" / "dalian-edu"
    corpus.mkdir(parents=True)
    shutil.copy(corpus_dir / "dalian-edu" / "2018.txt", corpus / "2018.txt")
    (corpus / "2017.txt").write_bytes(b"")
    out = tmp_path / "out"
    code = main(["run", str(corpus.parent), "--out", str(out), "--engine", "local", "--quiet"])
    printed = capsys.readouterr().out
    assert code == 1
    assert "documents: 1 ok, 1 failed; sections: 6, tasks: 31" in printed
    assert "failed: " in printed and "2017.txt: empty file" in printed
    assert len(pd.read_parquet(out / "tasks")) == 31
    code = main(["run", str(corpus.parent), "--out", str(out), "--engine", "local", "--quiet", "--allow-partial"])
    assert code == 0


def test_cli_run_output_is_a_file(tmp_path, corpus_dir, capsys):
    bad_out = tmp_path / "out.txt"
    bad_out.write_text("x")
    code = main(
        ["run", str(corpus_dir / "dalian-edu" / "2018.txt"), "--out", str(bad_out), "--engine", "local", "--quiet"]
    )
    assert code == 2
    assert "exists and is not a folder" in capsys.readouterr().err


@pytest.mark.issue(19)
@pytest.mark.parametrize("command", ["run", "evaluate", "compare", "export"])
def test_cli_every_command_names_the_output_folder_out(command, capsys):
    # export took --out-dir where the other commands take --out
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    text = capsys.readouterr().out
    assert "--out OUT" in text and "--out-dir" not in text


@pytest.mark.issue(19)
def test_cli_commands_default_to_the_same_folders(tmp_path, copy_corpus, monkeypatch, capsys):
    # run wrote to the repository's outputs/ while evaluate read ./outputs: now every
    # command's default is corpus/ and outputs/ of the current folder
    copy_corpus("dalian-edu/2018.txt")
    monkeypatch.chdir(tmp_path)
    assert main(["run", "--engine", "local", "--quiet"]) == 0
    assert "→ outputs" in capsys.readouterr().out
    assert len(pd.read_parquet(tmp_path / "outputs" / "tasks")) == 31
    assert main(["export", "tasks", "--format", "json"]) == 0
    assert capsys.readouterr().out.strip() == "outputs/exports/tasks.json"
    assert main(["compare", "dalian-edu", "--no-report"]) == 0
    assert capsys.readouterr().out.startswith("dalian-edu (dalian-edu), 2018–2018: 1 documents")


# --------------------------------------------------------------------------- safety: hostile input and careless folders


@pytest.fixture
def dalian(tmp_path, corpus_dir):
    corpus = tmp_path / "c" / "dalian-edu"
    corpus.mkdir(parents=True)
    shutil.copy(corpus_dir / "dalian-edu" / "2018.txt", corpus / "2018.txt")
    return corpus.parent


def _run(*args) -> int:
    return main(["run", *map(str, args), "--engine", "local", "--quiet"])


@pytest.mark.issue(14)
def test_cli_error_with_markup_in_a_file_name_is_printed_as_written(tmp_path, capsys):
    missing = tmp_path / "[/x]" / "[bold]corpus"
    assert _run(missing, "--out", tmp_path / "out") == 2
    err = capsys.readouterr().err
    assert f"{missing}: corpus folder not found" in err.replace("\n", "")


@pytest.mark.issue(14)
def test_cli_empty_corpus_exits_2_and_keeps_the_tables(dalian, tmp_path, capsys):
    out = tmp_path / "out"
    assert _run(dalian, "--out", out) == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    capsys.readouterr()
    assert _run(empty, "--out", out) == 2
    assert "no documents" in capsys.readouterr().err
    assert len(pd.read_parquet(out / "tasks")) == 31


@pytest.mark.issue(14)
def test_cli_out_inside_the_corpus_exits_2_before_writing(dalian, capsys):
    before = sorted(p.relative_to(dalian) for p in dalian.rglob("*"))
    assert _run(dalian, "--out", dalian) == 2
    assert "is the corpus folder itself" in capsys.readouterr().err
    assert _run(dalian, "--out", dalian / "dalian-edu") == 2
    assert "is inside the corpus folder" in capsys.readouterr().err
    assert sorted(p.relative_to(dalian) for p in dalian.rglob("*")) == before


@pytest.mark.parametrize("engine", ["prefect", "local"])
def test_cli_unusable_output_folder_is_refused_before_a_server_starts(
    tmp_path, corpus_dir, monkeypatch, capsys, engine
):
    from pipeline.orchestrate import prefect_server

    def no_server():
        raise AssertionError("a Prefect server was started for a run that cannot be done")

    monkeypatch.setattr(prefect_server, "start", no_server)
    (tmp_path / "out" / "tasks").mkdir(parents=True)
    (tmp_path / "out" / "tasks" / "my_todo.txt").write_text("x", encoding="utf-8")
    code = main(
        ["run", str(corpus_dir / "dalian-edu" / "2018.txt"), "--out", str(tmp_path / "out"), "--engine", engine]
    )
    assert code == 2
    assert "tasks exists and was not written by plantasks" in capsys.readouterr().err
    assert (tmp_path / "out" / "tasks" / "my_todo.txt").read_text(encoding="utf-8") == "x"


@pytest.mark.issue(14)
def test_cli_error_is_one_line(tmp_path, capsys):
    (tmp_path / "out" / "tasks").mkdir(parents=True)
    (tmp_path / "out" / "tasks" / "my_todo.txt").write_text("x", encoding="utf-8")
    assert _run(tmp_path / "nope-but-long-enough-to-wrap" / ("x" * 80), "--out", tmp_path / "out") == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


@pytest.mark.issue(14)
def test_cli_time_limit_fails_the_slow_document_alone(tmp_path, corpus_dir):
    """A document that takes longer than --time-limit fails with 'took longer than N s'."""
    import subprocess
    import sys
    from pathlib import Path

    corpus = tmp_path / "c"
    (corpus / "gov-report").mkdir(parents=True)
    (corpus / "dalian-edu").mkdir()
    shutil.copy(corpus_dir / "dalian-edu" / "2018.txt", corpus / "dalian-edu" / "2018.txt")
    report = (corpus_dir / "gov-report" / "2019.txt").read_text(encoding="utf-8")
    (corpus / "gov-report" / "2019.txt").write_text(report * 150, encoding="utf-8")  # 6M characters: ~20 s
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline.cli",
            "run",
            str(corpus),
            "--out",
            str(tmp_path / "out"),
            "--engine",
            "local",
            "--quiet",
            "--time-limit",
            "4",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 1, done.stderr
    assert "documents: 1 ok, 1 failed" in done.stdout
    assert "gov-report/2019.txt: took longer than 4 s" in done.stdout
    docs = pd.read_parquet(tmp_path / "out" / "documents").set_index("doc_id")
    assert docs.status.to_dict() == {"dalian-edu-2018": "ok", "gov-report-2019": "failed"}
