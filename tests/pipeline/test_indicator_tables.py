"""Indicator tables saved as text: a header naming years and kinds (主要指标 | 单位 |
2023年实际 | 2024年目标) gives each row's bare numbers their unit, year and kind, from a
.txt (tabs), a saved web page (<td>), HTML left in a .txt, and a .docx table."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from extractors.quantities import read_table_cell
from extractors.table_columns import LABEL, OTHER, UNIT, VALUE, Column, read_header
from pipeline.extract.document import process_text
from pipeline.ingest.corpus import DocumentSpec
from pipeline.ingest.docx import docx_to_text
from pipeline.ingest.normalise import normalise_with_layout, strip_html
from pipeline.ingest.read import html_to_text
from pipeline.structure.outline import outline

HEADER = "主要指标\t单位\t2023年实际\t2024年目标"
ROWS = [
    "地区生产总值增长\t%\t6.1\t6左右",
    "一般公共预算收入\t亿元\t120.5\t125",
    "城镇新增就业\t万人\t8.2\t8",
    "城镇调查失业率\t%\t5.1\t5.5以内",
]
PLAN = (
    "2024年全市经济社会发展计划\n"
    "一、2024年主要预期目标\n"
    "2024年经济社会发展主要预期目标如下：\n" + "\n".join([HEADER, *ROWS]) + "\n"
    "二、2024年重点任务\n"
    "（一）推动产业转型升级。新建5G基站1000个。\n"
    "（二）扩大有效投资。实施重点项目200个。\n"
)
# what the four rows state: (text, value, unit, comparator, kind, subject, year)
EXPECTED = [
    ("6.1", 6.1, "%", "=", "achievement", "地区生产总值增长", 2023),
    ("6左右", 6.0, "%", "~", "target", "地区生产总值增长", 2024),
    ("120.5", 120.5e8, "元", "=", "achievement", "一般公共预算收入", 2023),
    ("125", 125e8, "元", "=", "target", "一般公共预算收入", 2024),
    ("8.2", 8.2e4, "人", "=", "achievement", "城镇新增就业", 2023),
    ("8", 8e4, "人", "=", "target", "城镇新增就业", 2024),
    ("5.1", 5.1, "%", "=", "achievement", "城镇调查失业率", 2023),
    ("5.5以内", 5.5, "%", "<=", "target", "城镇调查失业率", 2024),
]


def _approx(rows: list[tuple]) -> list[tuple]:
    """Rows as EXPECTED writes them, their values compared approximately."""
    return [(t, pytest.approx(v), *rest) for t, v, *rest in rows]


def _tables(raw: str, year: int = 2024) -> tuple[str, dict[str, list[dict]]]:
    text, set_apart = normalise_with_layout(raw)
    spec = DocumentSpec(path=Path("plan.txt"), issuer="某市", issuer_slug="city", year=year, doc_id=f"city-{year}")
    return text, process_text(text, spec, [], set_apart)


def _table_rows(text: str, tables: dict) -> list[tuple]:
    """The targets stated in table rows (lines with tabs), as EXPECTED writes them."""
    out = []
    for r in tables["targets"]:
        line_start = text.rfind("\n", 0, r["char_start"]) + 1
        line_end = text.find("\n", r["char_start"])
        if "\t" in text[line_start:line_end]:
            assert text[r["char_start"] : r["char_end"]] == r["text"]
            assert r["period_start"] == r["period_end"]
            out.append(
                (
                    r["text"],
                    pytest.approx(r["value"]),
                    r["unit"],
                    r["comparator"],
                    r["kind"],
                    r["subject"],
                    r["period_start"],
                )
            )
    return out


def test_a_tab_separated_indicator_table_gives_each_cell_its_columns_year_kind_and_unit():
    text, tables = _tables(PLAN)
    assert _table_rows(text, tables) == _approx(EXPECTED)
    # the measures keep their keys across years: one series each
    keys = {r["indicator"] for r in tables["targets"] if r["subject"] == "城镇调查失业率"}
    assert keys == {"城镇调查失业率"}
    # the sentences around the table are read as before
    assert any(r["text"] == "1000个" and r["kind"] == "target" for r in tables["targets"])
    assert [t["title"] for t in tables["tasks"]] == ["推动产业转型升级", "扩大有效投资"]
    # the table after the headline passage (…主要预期目标如下：) is the headline list
    assert {r["headline"] for r in tables["targets"] if "\t" in r["sentence"]} == {True}
    # plantasks outline shows the table and how its columns are read
    assert "  = indicator table, 4 rows: 2023 achievement, 2024 target" in outline(text, "city-2024", 2024)


def test_numbered_rows_of_an_indicator_table_are_no_tasks():
    rows = "\n".join(f"{i}\t{row}" for i, row in enumerate(ROWS, 1))
    raw = PLAN.replace("\n".join([HEADER, *ROWS]), "序号\t" + HEADER + "\n" + rows)
    text, tables = _tables(raw)
    assert [t["title"] for t in tables["tasks"]] == ["推动产业转型升级", "扩大有效投资"]
    assert _table_rows(text, tables) == _approx(EXPECTED)


def test_a_division_of_tasks_table_is_no_indicator_table():
    raw = (
        "2024年全市教育工作要点\n一、重点任务\n"
        "序号\t工作任务\t责任单位\t完成时限\n"
        "1\t推进学前教育普惠发展，新建幼儿园5所\t市教育局\t2024年12月底前\n"
        "2\t实施义务教育优质均衡工程\t各区县\t2024年\n"
    )
    _, tables = _tables(raw)
    assert [t["title"] for t in tables["tasks"]] == ["推进学前教育普惠发展，新建幼儿园5所", "实施义务教育优质均衡工程"]
    assert [(r["text"], r["subject"], r["kind"]) for r in tables["targets"]] == [("5所", "新建幼儿园", "target")]


def test_rows_are_aligned_on_their_label_when_edge_cells_are_empty():
    # a category merged over rows is written once; a missing figure leaves the row short
    raw = (
        "2024年全市经济社会发展计划\n一、主要预期目标\n"
        "类别\t指标（单位）\t2023年\t增长（%）\t2024年\n"
        "经济发展\t地区生产总值（亿元）\t5000\t6.1\t5300\n"
        "\t规模以上工业增加值增长（%）\t7\t\t7以上\n"
        "民生保障\t城镇新增就业（万人）\t8.2\t\t\n"
        "\t居民人均可支配收入增长（%）\t6\t\t与经济增长同步\n"
        "二、重点任务\n（一）推动产业转型升级。\n"
    )
    text, tables = _tables(raw)
    assert _table_rows(text, tables) == [
        ("5000", pytest.approx(5000e8), "元", "=", "achievement", "地区生产总值", 2023),
        ("6.1", pytest.approx(6.1), "%", "=", "achievement", "地区生产总值增长", 2023),
        ("5300", pytest.approx(5300e8), "元", "=", "target", "地区生产总值", 2024),
        ("7", pytest.approx(7.0), "%", "=", "achievement", "规模以上工业增加值增长", 2023),
        ("7以上", pytest.approx(7.0), "%", ">=", "target", "规模以上工业增加值增长", 2024),
        ("8.2", pytest.approx(8.2e4), "人", "=", "achievement", "城镇新增就业", 2023),
        ("6", pytest.approx(6.0), "%", "=", "achievement", "居民人均可支配收入增长", 2023),
    ]


@pytest.mark.parametrize(
    "cell, column",
    [
        ("2023年实际", Column(VALUE, 2023, "achievement")),
        ("2024年预期目标", Column(VALUE, 2024, "target")),
        ("2023年（预计）", Column(VALUE, 2023, "achievement")),
        ("预计完成", Column(VALUE, 2023, "achievement")),
        ("上年", Column(VALUE, 2023, "achievement")),
        ("目标值", Column(VALUE, 2024, "target")),
        ("2024年", Column(VALUE, 2024, "target")),
        ("2022年", Column(VALUE, 2022, "achievement")),
        ("金额（亿元）", Column(OTHER)),
        ("完成时限", Column(OTHER)),
        ("年均增长（%）", Column(VALUE, 2024, "target", "年均增长", "%", 2024)),
        ("累计（%）", Column(OTHER)),
        ("2021—2025年", Column(OTHER)),
        ("指标名称", Column(LABEL)),
        ("单位", Column(UNIT)),
    ],
)
def test_header_cells(cell, column):
    columns = read_header(["主要指标", cell, "2024年目标"], 2024)
    assert columns is not None and columns[1] == column


def test_a_change_column_measures_the_change_over_the_value_column_before_it():
    columns = read_header(["指标", "2023年实际", "增长（%）", "2024年目标", "增长（%）"], 2024)
    assert columns == (
        Column(LABEL),
        Column(VALUE, 2023, "achievement"),
        Column(VALUE, 2023, "achievement", "增长", "%"),
        Column(VALUE, 2024, "target"),
        Column(VALUE, 2024, "target", "增长", "%"),
    )
    assert read_header(["序号", "工作任务", "责任单位", "完成时限"], 2024) is None


@pytest.mark.parametrize(
    "cell, unit, read",
    [
        ("6.1", "%", (6.1, None, "%", "=")),
        ("6左右", "%", (6.0, None, "%", "~")),
        ("≥95", "%", (95.0, None, "%", ">=")),
        ("3-5", "%", (3.0, 5.0, "%", "range")),
        ("8.2", "万人", (82000.0, None, "人", "=")),
        ("6%", "", (6.0, None, "%", "=")),
        ("-0.5", "%", (-0.5, None, "%", "=")),
        ("—", "%", None),
        ("与经济增长同步", "%", None),
        ("6以上，力争7", "%", None),
        ("8", "", None),  # a bare number without a unit anywhere: not read
    ],
)
def test_table_cells(cell, unit, read):
    assert read_table_cell(cell, unit) == (pytest.approx(read) if read and read[1] is None else read)


def test_a_saved_web_pages_table_becomes_tab_separated_rows():
    page = (
        "<html><body><p>一、主要目标</p><table>"
        "<tr><th>主要指标</th><th>单位</th><th>2023年实际</th><th>2024年目标</th></tr>"
        "<tr><td>地区生产总值<br>增长</td><td>%</td><td>6.1</td><td><p>6左右</p></td></tr>"
        "</table><p>二、重点任务</p></body></html>"
    )
    assert html_to_text(page).split("\n") == [
        "一、主要目标",
        HEADER,
        "地区生产总值 增长\t%\t6.1\t6左右",
        "二、重点任务",
    ]


def test_a_page_laid_out_in_a_table_keeps_its_lines():
    text = "坚持稳中求进工作总基调，全面深化改革开放，推动高质量发展，各项工作取得新的成效，人民群众获得感不断增强。"
    page = (
        "<html><body><table><tr><td><ul><li>首页</li><li>政务公开</li><li>工作计划</li></ul></td>"
        f"<td><p>一、总体要求</p><p>{text}</p></td></tr></table></body></html>"
    )
    assert html_to_text(page).split("\n") == ["一、总体要求", text]


def test_html_left_in_a_text_file_splits_a_tables_cells_by_tabs():
    html = "<table><tr><td>主要指标</td><td>单位</td><td>2023年实际</td> <td>2024年目标</td></tr>"
    assert strip_html(html).strip() == HEADER


def test_a_docx_tables_rows_become_tab_separated_lines():
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def p(text: str) -> str:
        return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"

    def row(*cells: str) -> str:
        return "<w:tr>" + "".join(f"<w:tc>{''.join(p(x) for x in c.split('|'))}</w:tc>" for c in cells) + "</w:tr>"

    body = (
        p("一、主要目标")
        + "<w:tbl>"
        + row("主要指标", "单位", "2023年实际", "2024年目标")
        + row("地区生产总值|增长", "%", "6.1", "6左右")
        + "</w:tbl>"
        + p("二、重点任务")
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", f'<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>')
    assert docx_to_text(out.getvalue(), "plan.docx").split("\n") == [
        "一、主要目标",
        HEADER,
        "地区生产总值 增长\t%\t6.1\t6左右",
        "二、重点任务",
    ]


def test_a_pdfs_table_comes_back_as_tab_separated_rows(tmp_path):
    from fpdf import FPDF

    from pipeline.evaluation import pdf_roundtrip
    from pipeline.ingest.pdf import pdf_to_text

    font = pdf_roundtrip.cjk_font()
    if font is None:
        pytest.fail("no CJK font: install Debian's fonts-noto-cjk (scripts/test.sh does) to test PDF input")
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.add_font("cjk", "", font)
    pdf.set_font("cjk", size=12)
    pdf.multi_cell(0, 8, "一、2024年主要预期目标\n2024年经济社会发展主要预期目标如下：")
    for line in [HEADER, *ROWS]:
        for cell, width in zip(line.split("\t"), [60, 25, 40, 40], strict=True):
            pdf.cell(width, 8, cell, border=1)
        pdf.ln()
    pdf.multi_cell(
        0, 8, "二、2024年重点任务\n（一）推动产业转型升级。新建5G基站1000个。\n（二）扩大有效投资。实施重点项目200个。"
    )
    path = tmp_path / "plan.pdf"
    pdf.output(str(path))
    text = pdf_to_text(path.read_bytes(), str(path))
    assert "\n".join([HEADER, *ROWS]) in text.split("\n", 2)[2]
    text, tables = _tables("2024年全市经济社会发展计划\n" + text)
    assert _table_rows(text, tables) == _approx(EXPECTED)


def test_a_long_range_plans_table_gives_its_goals_their_period():
    raw = (
        "某市“十四五”经济社会发展规划（2021—2025年）\n一、主要目标\n"
        "指标\t单位\t2020年\t2025年\t年均增长〔累计〕（%）\t属性\n"
        "地区生产总值\t亿元\t5000\t7000\t6\t预期性\n"
        "单位地区生产总值能耗降低（%）\t\t\t\t〔13.5〕\t约束性\n"
        "二、重点任务\n（一）推动产业转型升级。\n"
    )
    text, tables = _tables(raw, year=2021)
    rows = [(r["text"], r["kind"], r["subject"], r["period_start"], r["period_end"]) for r in tables["targets"]]
    # the base year's figure, the goal for 2021–2025, and the yearly average over those years;
    # a total over the five years (in 〔〕) is not read
    assert rows == [
        ("5000", "achievement", "地区生产总值", 2020, 2020),
        ("7000", "target", "地区生产总值", 2021, 2025),
        ("6", "target", "地区生产总值年均增长", 2021, 2025),
    ]
    assert "  = indicator table, 2 rows: 2020 achievement, 2025 target, 2021–2025 target 年均增长 (%)" in outline(
        text, "city-2021", 2021
    )


TWO_LINE = [
    ("5000", pytest.approx(5000e8), "元", "=", "achievement", "地区生产总值", 2023),
    ("6.1", pytest.approx(6.1), "%", "=", "achievement", "地区生产总值增长", 2023),
    ("5300", pytest.approx(5300e8), "元", "=", "target", "地区生产总值", 2024),
    ("6左右", pytest.approx(6.0), "%", "~", "target", "地区生产总值增长", 2024),
]


def _two_line_plan(table: str) -> str:
    return f"2024年全市经济社会发展计划\n一、主要预期目标\n{table}\n二、重点任务\n（一）推动产业转型升级。\n"


def test_a_header_on_two_lines_spans_its_years_over_the_kinds_below():
    # 2023年 and 2024年 each span two columns: 实际 | 增长 and 目标 | 增长 (a growth column in %)
    table = "指标\t单位\t2023年\t\t2024年\t\n\t\t实际\t增长\t目标\t增长\n地区生产总值\t亿元\t5000\t6.1\t5300\t6左右"
    text, tables = _tables(_two_line_plan(table))
    assert _table_rows(text, tables) == TWO_LINE


def test_spanning_cells_of_a_web_page_and_a_docx_keep_the_columns():
    page = (
        "<html><body><table><tr><th rowspan=2>指标</th><th rowspan=2>单位</th><th colspan='2'>2023年"
        "<th colspan=2>2024年</th><tr><th>实际<th>增长<th>目标<th>增长"
        "<tr><td>地区生产总值</td><td>亿元</td><td>5000</td><td>6.1</td><td>5300</td><td>6左右</td></table></body></html>"
    )
    lines = ["指标\t单位\t2023年\t\t2024年\t", "实际\t增长\t目标\t增长", "地区生产总值\t亿元\t5000\t6.1\t5300\t6左右"]
    assert html_to_text(page).split("\n") == lines
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def tc(text: str, span: int = 1) -> str:
        pr = f'<w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>' if span > 1 else ""
        return f"<w:tc>{pr}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"

    body = (
        "<w:tbl><w:tr>"
        + tc("指标")
        + tc("单位")
        + tc("2023年", 2)
        + tc("2024年", 2)
        + "</w:tr><w:tr>"
        + "".join(tc(x) for x in ["", "", "实际", "增长", "目标", "增长"])
        + "</w:tr><w:tr>"
        + "".join(tc(x) for x in lines[2].split("\t"))
        + "</w:tr></w:tbl>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", f'<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>')
    docx_lines = docx_to_text(out.getvalue(), "plan.docx").split("\n")
    assert docx_lines == ["指标\t单位\t2023年\t\t2024年\t", "\t\t实际\t增长\t目标\t增长", lines[2]]
    for table in (lines, docx_lines):
        text, tables = _tables(_two_line_plan("\n".join(table)))
        assert _table_rows(text, tables) == TWO_LINE


def test_an_unclosed_row_of_a_broken_page_keeps_its_text():
    page = "<html><body><table><tr><td>一、总体要求<td>坚持稳中求进<tr><td>二、重点任务</body></html>"
    assert html_to_text(page).split("\n") == ["一、总体要求\t坚持稳中求进", "二、重点任务"]


def test_tables_of_two_years_give_the_series_and_the_fulfilment(tmp_path):
    """The 2023 plan's table sets the 2023 targets, the 2024 plan's `2023年实际` column
    reports how they went: the fulfilment table judges them."""
    import pandas as pd

    from pipeline.orchestrate.engines import run_corpus

    folder = tmp_path / "corpus" / "某市人民政府"
    folder.mkdir(parents=True)
    for year, reached, planned in [
        (2023, ["4.5", "7.9", "5.3"], ["6左右", "8以上", "5.5以内"]),
        (2024, ["6.1", "7.6", "5.1"], ["6左右", "8", "5.5以内"]),
    ]:
        rows = [
            f"{m}\t{u}\t{a}\t{b}"
            for (m, u), a, b in zip(
                [("地区生产总值增长", "%"), ("城镇新增就业", "万人"), ("城镇调查失业率", "%")],
                reached,
                planned,
                strict=True,
            )
        ]
        (folder / f"{year}年计划.txt").write_text(
            f"某市{year}年国民经济和社会发展计划\n一、{year}年主要预期目标\n"
            f"主要指标\t单位\t{year - 1}年实际\t{year}年目标\n" + "\n".join(rows) + "\n"
            "二、重点任务\n（一）推动产业转型升级。新建5G基站1000个。\n",
            encoding="utf-8",
        )
    summary = run_corpus(tmp_path / "corpus", tmp_path / "out", engine="local")
    assert summary.documents_ok == 2
    targets = pd.read_parquet(tmp_path / "out" / "targets")
    # a table under a heading naming the main targets is the headline list
    assert targets.loc[targets["text"] != "1000个", "headline"].all()
    fulfilment = pd.read_parquet(tmp_path / "out" / "fulfilment")
    judged = fulfilment[fulfilment["year"] == 2023].set_index("indicator")
    assert judged["status"].to_dict() == {
        "地区生产总值增长": "met",
        "城镇新增就业": "fell_short",
        "城镇调查失业率": "met",
    }
    assert judged.loc["城镇新增就业", "outcome_value"] == pytest.approx(76000)


def test_a_table_whose_cells_give_no_figure_is_warned_about():
    raw = (
        "2024年全市经济社会发展计划\n一、主要预期目标\n"
        "主要指标\t2023年实际\t2024年目标\n空气质量优良天数比例\t95.1\t95\n森林覆盖率\t66.8\t67\n"
        "二、重点任务\n（一）推动产业转型升级。\n"
    )
    text, set_apart = normalise_with_layout(raw)
    spec = DocumentSpec(path=Path("plan.txt"), issuer="某市", issuer_slug="city", year=2024, doc_id="city-2024")
    warnings: list[str] = []
    tables = process_text(text, spec, warnings, set_apart)
    assert not tables["targets"]
    assert warnings == [
        "the indicator table on line 3 gave no figures: its cells hold no single amounts, or their unit is "
        "written nowhere (no unit column, no unit in the label's or the header's brackets)"
    ]
    # with the unit in the labels' brackets the same table gives its four figures and no warning
    warnings.clear()
    text, set_apart = normalise_with_layout(raw.replace("比例", "比例（%）").replace("覆盖率", "覆盖率（%）"))
    tables = process_text(text, spec, warnings, set_apart)
    assert len(tables["targets"]) == 4 and warnings == []


@pytest.mark.parametrize(
    "label, subject, unit",
    [
        ("其中：城镇新增就业（万人）", "城镇新增就业", "人"),  # a sub-row's 其中 and the unit in brackets
        ("★单位地区生产总值能耗降低(%)", "单位地区生产总值能耗降低", "%"),  # a binding target's star
        ("细颗粒物（PM2.5）平均浓度（微克/立方米）", "细颗粒物（PM2.5）平均浓度", "微克/立方米"),
        ("1.地区生产总值增长（%）", "地区生产总值增长", "%"),  # a numbered label loses its number
        ("（2）城镇新增就业（万人）", "城镇新增就业", "人"),
    ],
)
def test_a_rows_label_gives_the_measure_and_the_unit(label, subject, unit):
    from extractors.table_rows import read_row

    columns = read_header(["指标", "2024年目标"], 2024)
    assert columns is not None
    (q,) = read_row(f"{label}\t8", 100, columns, 2024)
    assert (q.subject, q.unit, q.text, q.char_start, q.kind, q.period_start) == (
        subject,
        unit,
        "8",
        100 + len(label) + 1,
        "target",
        2024,
    )


def test_category_rows_inside_a_table_are_neither_rows_nor_headings():
    # a category merged across the table comes out as a line of its own (its empty cells
    # stripped); the table goes on after it, and its marker 一、 is no chapter
    raw = (
        "2024年全市经济社会发展计划\n一、2024年主要预期目标\n"
        "主要指标\t单位\t2023年实际\t2024年目标\n（一）经济发展\n地区生产总值增长\t%\t6.1\t6左右\n"
        "（二）民生福祉\n城镇新增就业\t万人\t8.2\t8\n"
        "二、2024年重点任务\n（一）推动产业转型升级。新建5G基站1000个。\n（二）扩大有效投资。实施重点项目200个。\n"
    )
    text, tables = _tables(raw)
    assert _table_rows(text, tables) == _approx(EXPECTED[:2] + EXPECTED[4:6])
    assert [t["title"] for t in tables["tasks"]] == ["推动产业转型升级", "扩大有效投资"]
    assert [s["heading"] for s in tables["sections"]] == ["2024年主要预期目标", "2024年重点任务"]


def test_a_second_table_under_its_title_has_its_own_header():
    raw = (
        "2024年全市经济社会发展计划\n一、2024年主要预期目标\n"
        + "\n".join([HEADER, *ROWS[:2]])
        + "\n表2 民生指标\n指标\t2023年实际\t2024年目标\n城镇新增就业（万人）\t8.2\t8\n城镇调查失业率（%）\t5.1\t5.5以内\n"
        "二、2024年重点任务\n（一）推动产业转型升级。新建5G基站1000个。\n"
    )
    text, tables = _tables(raw)
    assert _table_rows(text, tables) == _approx(EXPECTED)


@pytest.mark.parametrize(
    "cell, start, end, kind",
    [
        ("年均增长（%）", 2021, 2025, "target"),  # from the year after the base column to the last target's
        ("“十四五”年均增长〔累计〕（%）", 2021, 2025, "target"),  # the span the time words name
        ("十四五期间年均增长（%）", 2021, 2025, "target"),
        ("2021—2025年年均增长（%）", 2021, 2025, "target"),
        ("“十三五”年均增长（%）", 2016, 2020, "achievement"),  # a past plan's average: reached
    ],
)
def test_a_column_of_yearly_averages_spans_the_plans_years(cell, start, end, kind):
    columns = read_header(["指标", "2020年", "2025年", cell], 2021)
    assert columns is not None
    assert columns[3] == Column(VALUE, end, kind, "年均增长", "%", start)


def test_a_value_cell_written_in_words_keeps_its_amounts():
    # a column of a year's goals whose cells are phrases, not single figures: their amounts are
    # read as a sentence, with the column's year and kind
    from extractors.table_rows import read_row

    columns = read_header(["指标", "2024年目标", "2025年目标"], 2024)
    assert columns is not None
    row = "学前教育\t新建幼儿园5所\t普惠性幼儿园覆盖率达到90%以上"
    found = [
        (q.text, q.subject, q.kind, q.period_start, q.period_end, q.char_start) for q in read_row(row, 0, columns, 2024)
    ]
    assert found == [
        ("5所", "新建幼儿园", "target", 2024, 2024, row.index("5所")),
        ("90%以上", "普惠性幼儿园覆盖率", "target", 2024, 2025, row.index("90%")),
    ]


def test_a_markdown_table_in_a_text_with_blank_lines_between_paragraphs():
    # a plan converted to Markdown: paragraphs separated by blank lines (so single line breaks
    # are wrapped lines), the table written with pipes and a rule under its header
    rows = "\n".join("| " + " | ".join(line.split("\t")) + " |" for line in [HEADER, *ROWS])
    rule = "|---|---|---:|---:|"
    head, _, rest = rows.partition("\n")
    raw = (
        "2024年全市经济社会发展计划\n\n一、2024年主要预期目标\n\n2024年经济社会发展主要预期目标如下：\n\n"
        f"{head}\n{rule}\n{rest}\n\n二、2024年重点任务\n\n（一）推动产业转型升级。新建5G基站1000个。\n\n"
        "（二）扩大有效投资。实施重点项目200个。\n"
    )
    text, tables = _tables(raw)
    assert "\n".join([HEADER, *ROWS]) in text
    assert _table_rows(text, tables) == _approx(EXPECTED)


def test_a_table_under_a_subheading_of_the_main_targets_is_the_headline_list():
    raw = PLAN.replace("2024年经济社会发展主要预期目标如下：\n", "（一）经济运行指标\n")
    text, tables = _tables(raw)
    assert {r["headline"] for r in tables["targets"] if "\t" in r["sentence"]} == {True}


def test_a_cell_outside_any_row_is_a_block_of_its_own():
    page = "<html><body><table><td>一、总体要求</td><td>坚持稳中求进。</td></table></body></html>"
    assert html_to_text(page).split("\n") == ["一、总体要求", "坚持稳中求进。"]


@pytest.mark.parametrize("span, added", [("2", 1), (" 3 ", 2), ("1", 0), (None, 0), ("x", 0), ("-2", 0), ("1000", 49)])
def test_the_columns_a_spanning_cell_leaves(span, added):
    from pipeline.ingest.cells import columns_added, spread

    assert columns_added(span) == added
    assert spread(["指标", "2023年", "2024年"], {1: added}) == ["指标", "2023年", *[""] * added, "2024年"]


def _laid_out(lines: list[str], columns: list[int], indent: int = 4) -> str:
    """Tab rows laid out with spaces as ``pdftotext -layout`` prints a PDF's table: each
    cell at its column's display position (a wide character takes two), numbers right
    under their headers, an empty cell left blank."""
    from pipeline.ingest.cells import display_width

    out = []
    for line in lines:
        text, used = " " * indent, indent
        for cell, at in zip(line.split("\t"), columns):
            gap = max(2, at - used) if cell else 0
            if cell:
                text += " " * gap + cell
                used += gap + display_width(cell)
        out.append(text.rstrip())
    return "\n".join(out)


def test_a_table_laid_out_with_spaces_reads_as_its_columns():
    # text of a PDF copied with its layout: cells apart by runs of spaces, the header's
    # words letter-spaced (指    标), a middle cell empty (no 2023 figure for a new measure)
    header = "指\u3000\u3000\u3000标\t单\u3000位\t2023年实际\t2024年目标"
    rows = [*ROWS, "其中：规模以上工业增加值增长\t%\t\t6"]
    table = _laid_out([header, *rows], columns=[0, 36, 48, 64]).replace("\u3000", " ")
    raw = PLAN.replace("\n".join([HEADER, *ROWS]), table)
    text, tables = _tables(raw)
    assert "指标\t单位\t2023年实际\t2024年目标" in text
    new = ("6", 6.0, "%", "=", "target", "规模以上工业增加值增长", 2024)
    assert _table_rows(text, tables) == _approx([*EXPECTED, new])
    assert {r["headline"] for r in tables["targets"] if "\t" in r["sentence"]} == {True}


def test_text_with_runs_of_spaces_but_no_table_keeps_its_lines():
    # one gap per line is no table (a heading set off its marker: 一、  总体要求), nor is a
    # single line of three cells
    raw = "一、  总体要求\n（一）  指导思想\n联系人  张三  电话  12345\n坚持稳中求进工作总基调。\n"
    assert "\t" not in normalise_with_layout(raw)[0]


def test_a_table_under_a_heading_naming_the_main_targets_in_other_words_is_the_headline_list():
    raw = PLAN.replace("一、2024年主要预期目标\n2024年经济社会发展主要预期目标如下：\n", "一、2024年主要目标\n")
    text, tables = _tables(raw)
    assert {r["headline"] for r in tables["targets"] if "\t" in r["sentence"]} == {True}
    # and a short line naming them right above the table
    raw = PLAN.replace("2024年经济社会发展主要预期目标如下：", "主要指标如下：").replace(
        "2024年主要预期目标", "发展目标"
    )
    text, tables = _tables(raw)
    assert {r["headline"] for r in tables["targets"] if "\t" in r["sentence"]} == {True}
    # a paragraph mentioning them in passing is no lead
    raw = PLAN.replace(
        "2024年经济社会发展主要预期目标如下：",
        "去年完成了全年主要目标任务，经济运行总体平稳。发展质量稳步提升，人民生活持续改善。",
    ).replace("2024年主要预期目标", "发展环境")
    text, tables = _tables(raw)
    assert {r["headline"] for r in tables["targets"] if "\t" in r["sentence"]} == {False}
