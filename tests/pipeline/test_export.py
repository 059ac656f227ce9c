"""Tests for pipeline/tables/export.py (CSV, JSON, XLSX); the README's DuckDB queries are run by tests/test_readme.py."""

from __future__ import annotations

import json
import re

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.errors import OutputError
from pipeline.registry import ALL_TABLES
from pipeline.tables.export import EXCEL_CELL_LIMIT, excel_safe, export_table, main


@pytest.mark.parametrize("table", ["targets", "times", "target_series", "task_links", "policy_lifecycle"])
@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_export_rows_and_columns(corpus_outputs, tmp_path, table, fmt):
    dest = export_table(table, fmt, out_dir=corpus_outputs, dest=tmp_path / f"{table}.{fmt}")
    expected = pd.read_parquet(corpus_outputs / table)
    if fmt == "csv":
        got = pd.read_csv(dest, dtype=str, keep_default_na=False)
    elif fmt == "json":
        got = pd.DataFrame(json.loads(dest.read_text(encoding="utf-8")), columns=ALL_TABLES[table].names)
    else:
        got = pd.read_excel(dest, sheet_name=table, dtype=str)
    assert list(got.columns) == ALL_TABLES[table].names
    assert len(got) == len(expected)


def test_export_json_nulls_and_dates(corpus_outputs, tmp_path):
    dest = export_table("times", "json", out_dir=corpus_outputs, dest=tmp_path / "t.json")
    rows = json.loads(dest.read_text(encoding="utf-8"))
    first = rows[0]  # dalian-edu 2018 title: 2018年工作要点, outside any task
    assert first["doc_id"] == "dalian-edu-2018" and first["task_id"] is None
    assert (first["start"], first["end"]) == ("2018-01-01", "2018-12-31")
    assert "NaN" not in dest.read_text(encoding="utf-8")


def test_export_csv_keeps_chinese_and_offsets(corpus_outputs, tmp_path):
    dest = export_table("targets", "csv", out_dir=corpus_outputs, dest=tmp_path / "t.csv")
    assert not dest.read_bytes().startswith(b"\xef\xbb\xbf")
    got = pd.read_csv(dest)
    docs = pd.read_parquet(corpus_outputs / "documents").set_index("doc_id")["text"]
    row = got[got["text"] == "1100万人以上"].iloc[0]  # gov-report 2017–2019 jobs target
    assert docs[row["doc_id"]][row["char_start"] : row["char_end"]] == "1100万人以上"


def test_export_xlsx_truncates_long_text(corpus_outputs, tmp_path):
    dest = export_table("documents", "xlsx", out_dir=corpus_outputs, dest=tmp_path / "d.xlsx")
    got = pd.read_excel(dest, sheet_name="documents").set_index("doc_id")
    full = pd.read_parquet(corpus_outputs / "documents").set_index("doc_id")
    long = full.index[full["text"].str.len() > EXCEL_CELL_LIMIT]
    assert len(long) > 0  # most 政府工作报告 exceed an Excel cell
    for doc_id in long:
        cell = got.loc[doc_id, "text"]
        assert len(cell) == EXCEL_CELL_LIMIT
        assert cell.endswith(
            f"{len(full.loc[doc_id, 'text'])} characters in full; see the CSV, JSON or Parquet export]"
        )
        assert full.loc[doc_id, "text"].startswith(cell[:1000])
    short = full.index[full["text"].str.len() <= EXCEL_CELL_LIMIT]
    assert all(got.loc[d, "text"] == full.loc[d, "text"] for d in short)


def test_export_cli(corpus_outputs, tmp_path, capsys):
    dest = tmp_path / "series.json"
    assert main(["target_series", "--format", "json", "--out", str(corpus_outputs), "--dest", str(dest)]) == 0
    assert capsys.readouterr().out.strip() == str(dest)
    assert json.loads(dest.read_text(encoding="utf-8"))


def test_export_cli_default_destination(corpus_outputs, tmp_path):
    import shutil

    out = tmp_path / "run"
    shutil.copytree(corpus_outputs / "task_links", out / "task_links")
    assert main(["task_links", "--out", str(out)]) == 0
    assert (out / "exports" / "task_links.csv").is_file()


@pytest.mark.issue(19)
def test_export_old_out_dir_option_still_reads_the_run(corpus_outputs, tmp_path, capsys):
    # export took --out-dir where run, evaluate and compare take --out
    dest = tmp_path / "links.json"
    assert main(["task_links", "--format", "json", "--out-dir", str(corpus_outputs), "--dest", str(dest)]) == 0
    assert "--out-dir is now --out" in capsys.readouterr().err
    assert json.loads(dest.read_text(encoding="utf-8"))


def test_export_csv_types(tmp_path):
    out = tmp_path / "run"
    (out / "target_series").mkdir(parents=True)
    rows = [
        {
            "issuer": "国务院",
            "issuer_slug": "gov-report",
            "indicator": "城镇新增就业",
            "year": 2016,
            "period_start": 2016,
            "period_end": 2016,
            "value": 1e7,
            "value_max": None,
            "comparator": ">=",
            "unit": "人",
            "headline": True,
            "doc_id": "gov-report-2016",
            "task_id": None,
            "text": "1000万人以上",
            "sentence": "城镇新增就业1000万人以上，城镇登记失业率4.5%以内",
            "absent": False,
        }
    ]
    schema = ALL_TABLES["target_series"]
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), out / "target_series" / "all.parquet")
    dest = export_table("target_series", "csv", out_dir=out)
    lines = dest.read_text(encoding="utf-8").splitlines()
    assert dest == out / "exports" / "target_series.csv"
    assert lines[1] == (
        '"国务院","gov-report","城镇新增就业",2016,2016,2016,10000000,,">=","人",true,'
        '"gov-report-2016",,"1000万人以上","城镇新增就业1000万人以上，城镇登记失业率4.5%以内",false'
    )


def test_export_empty_table_folder(tmp_path):
    (tmp_path / "fulfilment").mkdir()
    dest = export_table("fulfilment", "json", out_dir=tmp_path)
    assert json.loads(dest.read_text(encoding="utf-8")) == []


def test_export_missing_table_folder(tmp_path, capsys):
    assert main(["targets", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "no such table folder" in err and "with --out" in err


def test_export_unknown_table_or_format(tmp_path):
    with pytest.raises(SystemExit):
        main(["nonsense", "--out", str(tmp_path)])
    with pytest.raises(OutputError, match="unknown format"):
        export_table("targets", "parquet", out_dir=tmp_path)


def test_export_error_pickles():
    import pickle

    err = OutputError("outputs/targets", "no such table folder")
    assert str(pickle.loads(pickle.dumps(err))) == str(err)


def test_excel_safe_cases():
    assert excel_safe("x" * EXCEL_CELL_LIMIT) == "x" * EXCEL_CELL_LIMIT
    cut = excel_safe("x" * (EXCEL_CELL_LIMIT + 1))
    assert len(cut) == EXCEL_CELL_LIMIT and cut.endswith("see the CSV, JSON or Parquet export]")
    assert excel_safe("a\x00b\x1fc\td\ne") == "abc\td\ne"
    assert excel_safe(3.5) == 3.5 and excel_safe(None) is None


@given(st.text())
def test_excel_safe_never_raises(text):
    out = excel_safe(text)
    assert len(out) <= EXCEL_CELL_LIMIT
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", out)


@pytest.mark.issue(14)
@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan")])
def test_export_json_writes_null_for_non_finite_numbers(tmp_path, value):
    # a value that overflowed (an amount of 1e309 as written) became Infinity: invalid JSON
    out = tmp_path / "run"
    (out / "target_series").mkdir(parents=True)
    rows = [
        {
            "issuer": "国务院",
            "issuer_slug": "gov-report",
            "indicator": "城镇新增就业",
            "year": 2016,
            "value": value,
            "value_max": 1e7,
            "comparator": ">=",
            "unit": "人",
            "doc_id": "gov-report-2016",
            "task_id": None,
            "text": "1000万人以上",
            "sentence": "城镇新增就业1000万人以上",
            "absent": False,
        }
    ]
    pq.write_table(
        pa.Table.from_pylist(rows, schema=ALL_TABLES["target_series"]), out / "target_series" / "all.parquet"
    )
    dest = export_table("target_series", "json", out_dir=out)
    text = dest.read_text(encoding="utf-8")
    assert "Infinity" not in text and "NaN" not in text
    row = json.loads(text, parse_constant=lambda name: pytest.fail(f"invalid JSON constant {name}"))[0]
    assert row["value"] is None and row["value_max"] == 1e7
    xlsx = export_table("target_series", "xlsx", out_dir=out)
    from openpyxl import load_workbook

    cells = [c.value for c in next(load_workbook(xlsx).active.iter_rows(min_row=2, max_row=2))]
    assert cells[4] is None
