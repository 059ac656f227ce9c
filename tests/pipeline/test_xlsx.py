"""Spreadsheets (pipeline/ingest/xlsx.py): a plan's division of tasks or indicator table
published as an .xlsx reads as the tab-separated rows a spreadsheet copies, so the table
steps read it as they read a .txt, a web page or a .docx. The files are written by
openpyxl, as Excel users' tools write them."""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from pipeline.errors import DocumentError
from pipeline.extract.document import process_text
from pipeline.ingest.corpus import DocumentSpec
from pipeline.ingest.normalise import normalise_with_layout
from pipeline.ingest.read import read_input
from pipeline.ingest.xlsx import xlsx_to_text


def _xlsx(
    rows: list[list], *, start: str = "A1", formats: dict[str, str] | None = None, merge: str | None = None
) -> bytes:
    """An .xlsx with one sheet holding ``rows`` from cell ``start`` on; ``formats``: a
    cell → its number format; ``merge``: a range to merge (a title over the table)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    col0 = openpyxl.utils.cell.column_index_from_string(start.rstrip("0123456789"))
    row0 = int(start.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if value is not None:
                ws.cell(row=row0 + i, column=col0 + j, value=value)
    for ref, fmt in (formats or {}).items():
        ws[ref].number_format = fmt
    if merge:
        ws.merge_cells(merge)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _process(path: Path) -> tuple[str, dict]:
    text, set_apart = normalise_with_layout(read_input(path).text)
    spec = DocumentSpec(path=path, issuer="某市", issuer_slug="city", year=2024, doc_id="city-2024")
    return text, process_text(text, spec, [], set_apart)


def test_a_division_of_tasks_spreadsheet_gives_one_task_per_numbered_row(tmp_path):
    rows = [
        ["2024年教育工作要点任务分工表", None, None, None],
        ["序号", "工作任务", "责任单位", "完成时限"],
        [1, "推进学前教育普惠发展，新建幼儿园5所", "市教育局", "2024年12月底前"],
        [2, "深化义务教育集团化办学", "市教育局、各区政府", "2024年9月底前"],
        [3, "加强教师队伍建设，招聘教师300名", "市教育局、市人社局", "2024年8月底前"],
    ]
    path = tmp_path / "tasks.xlsx"
    path.write_bytes(_xlsx(rows, start="B2", merge="B2:E2"))
    text, tables = _process(path)
    assert text.split("\n")[:3] == [
        "2024年教育工作要点任务分工表",
        "序号\t工作任务\t责任单位\t完成时限",
        "1\t推进学前教育普惠发展，新建幼儿园5所\t市教育局\t2024年12月底前",
    ]
    assert [t["title"] for t in tables["tasks"]] == [
        "推进学前教育普惠发展，新建幼儿园5所",
        "深化义务教育集团化办学",
        "加强教师队伍建设，招聘教师300名",
    ]
    counts = {r["text"]: r["task_id"] for r in tables["targets"]}
    assert counts["5所"] == "city-2024/1" and counts["300名"] == "city-2024/3"


def test_an_indicator_table_spreadsheet_shows_its_cells_as_the_sheet_does(tmp_path):
    rows = [
        ["主要指标", "单位", "2023年实际", "2024年目标"],
        ["地区生产总值增长", "%", 6.1, "6左右"],
        ["一般公共预算收入", "亿元", 120.5, 125],
        ["城镇调查失业率", None, 0.051, 0.055],
        ["城镇新增就业", "万人", None, 8],
    ]
    path = tmp_path / "targets.xlsx"
    path.write_bytes(_xlsx(rows, formats={"C4": "0.0%", "D4": "0.0%"}))
    lines = read_input(path).text.split("\n")
    # a percentage cell keeps its %, a float its shortest form, an empty middle cell its place
    assert lines[3] == "城镇调查失业率\t\t5.1%\t5.5%"
    assert lines[1] == "地区生产总值增长\t%\t6.1\t6左右"
    assert lines[4] == "城镇新增就业\t万人\t\t8"
    text, tables = _process(path)
    got = {(r["subject"], r["kind"], r["period_start"]): (r["value"], r["unit"]) for r in tables["targets"]}
    assert got[("城镇调查失业率", "target", 2024)] == (pytest.approx(5.5), "%")
    assert got[("一般公共预算收入", "achievement", 2023)] == (pytest.approx(120.5e8), "元")
    assert got[("城镇新增就业", "target", 2024)] == (pytest.approx(8e4), "人")


def test_dates_and_numbers_read_as_shown(tmp_path):
    rows = [["完成时限", datetime.date(2024, 12, 31)], ["数量", 6.1], ["整数", 5.0], ["逻辑", True]]
    path = tmp_path / "cells.xlsx"
    path.write_bytes(_xlsx(rows))
    assert read_input(path).text.split("\n") == [
        "完成时限\t2024年12月31日",
        "数量\t6.1",
        "整数\t5",
        "逻辑\tTRUE",
    ]


def test_sheets_are_read_in_the_workbooks_order(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "目标"
    wb.active["A1"] = "一、主要目标"
    second = wb.create_sheet("任务")
    second["A1"] = "二、重点任务"
    wb.move_sheet("任务", offset=-1)  # the workbook's order: 任务 first
    out = io.BytesIO()
    wb.save(out)
    path = tmp_path / "two.xlsx"
    path.write_bytes(out.getvalue())
    assert read_input(path).text.split("\n") == ["二、重点任务", "", "一、主要目标"]


def test_a_broken_or_legacy_spreadsheet_fails_alone_with_a_hint(tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DocumentError, match="not a valid .xlsx file"):
        read_input(broken)
    legacy = tmp_path / "old.xls"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(DocumentError, match="convert-to xlsx"):
        read_input(legacy)


def test_a_spreadsheet_expanding_past_the_limit_is_refused(tmp_path):
    raw = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(_xlsx([["甲", "乙"]]))) as src,
        zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * 4_000_000)
            dst.writestr(item, data)
    with pytest.raises(DocumentError, match="zip bomb"):
        xlsx_to_text(raw.getvalue(), "big.xlsx", max_xml_bytes=1_000_000)
