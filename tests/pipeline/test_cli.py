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
    code = main(["run", str(corpus_dir / "dalian-edu" / "2018.txt"), "--out", str(bad_out), "--engine", "local", "--quiet"])
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
