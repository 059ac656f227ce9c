"""``plantasks outline FILE``: the structure tree of one document."""

from __future__ import annotations

from pathlib import Path

from pipeline.cli import main as cli_main
from pipeline.ingest.normalise import normalise
from pipeline.structure.outline import outline

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def test_outline_prints_tasks_parts_and_counts(capsys):
    assert cli_main(["outline", str(CORPUS / "pingtan-haitan" / "2022.txt")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("(year 2022, 1701 characters)")
    assert out[1] == "lines: one paragraph a line"
    assert "- （一）压实管党治党责任，在夯实基层基础上实现新进步  [task plan, 296 chars]" in out
    assert out[-1] == "sections: 0, tasks: 5 (plan 5); headline targets: none"


def test_outline_says_how_the_lines_of_a_copied_plan_were_read(capsys, tmp_path):
    # a plan copied out of a PDF: lines broken at 60 columns, the first lines' indentation
    # lost, a header atop and a number at the foot of every page. The outline says the lines
    # were rejoined at that margin and what was dropped, so that a user can trust the tree
    from pipeline.evaluation.input_formats import as_wrapped
    from pipeline.ingest.read import read_input

    text = normalise(read_input(CORPUS / "dalian-edu" / "2018.txt").text)
    lines = as_wrapped(text, width=60, copied=True).decode("utf-8").split("\n")
    pages = [lines[k : k + 30] for k in range(0, len(lines), 30)]
    copied = "\n".join("\n".join(["某区教育局文件", *page, f"- {n} -"]) for n, page in enumerate(pages, 1))
    (tmp_path / "2018.txt").write_text(copied, encoding="utf-8")
    assert cli_main(["outline", str(tmp_path / "2018.txt")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == (
        "lines: wrapped at 60 columns, rejoined into paragraphs; first lines short by the 2 characters of "
        f"indentation a copy lost; {len(pages)} page numbers dropped; running header or footer “某区教育局文件” "
        f"dropped {len(pages)} times"
    )
    assert out[2:] == outline(text, "2018", 2018)
    assert cli_main(["outline", str(CORPUS / "gov-report" / "2018.txt")]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "lines: paragraphs with blank lines between, their lines rejoined"


def test_outline_shows_sections_and_warnings(capsys):
    assert cli_main(["outline", str(CORPUS / "pingtan-zwgk-tasks" / "2018.txt")]) == 0
    out = capsys.readouterr().out
    assert "+ 一、着力加强公开解读回应工作  [section plan]" in out
    assert "  + （一）围绕建设法治政府全面推进政务公开  [section plan]" in out
    assert "warning: numbering skips 35–36" in out


def test_outline_shows_how_an_untitled_task_opens(capsys):
    # gov-report 1960: chapter numerals alone on their lines have no title; the outline shows
    # the numeral and the opening of the text instead of an empty line
    assert cli_main(["outline", str(CORPUS / "gov-report" / "1960.txt")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "- 二 (no title) 下面我首先说一下农业发展纲要在过去四年中…  [task review, 4644 chars]" in out


def test_outline_of_a_missing_file_fails_with_a_message(capsys, tmp_path):
    assert cli_main(["outline", str(tmp_path / "nope.txt")]) == 2
    assert "nope.txt: file not found" in capsys.readouterr().err


def test_outline_reads_the_year_of_a_plan_whose_issuer_it_cannot_name(capsys, tmp_path):
    # no issuer in the opening lines, no year in the title: the document number names the year
    plan = tmp_path / "分工意见.txt"
    plan.write_text(
        "关于落实《政府工作报告》重点工作分工的意见\n国发〔2024〕6号\n"
        "一、大力推进现代化产业体系建设\n（一）推动产业链供应链优化升级。实施制造业重点产业链高质量发展行动。\n"
        "（二）积极培育新兴产业和未来产业。开展“人工智能+”行动。\n",
        encoding="utf-8",
    )
    assert cli_main(["outline", str(plan)]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith("(year 2024, 113 characters)")


def test_a_table_rows_number_is_set_apart_from_its_title(tmp_path):
    # a division-of-tasks table numbers its rows in a cell of their own (1<TAB>推进…)
    plan = tmp_path / "2024.txt"
    plan.write_text(
        "序号\t工作任务\t责任单位\n1\t推进学前教育普惠发展\t市教育局\n2\t深化义务教育集团化办学\t市教育局\n",
        encoding="utf-8",
    )
    text = normalise(plan.read_text(encoding="utf-8"))
    lines = outline(text, "city-2024", 2024)
    assert "- 1 推进学前教育普惠发展  [task plan, " in "\n".join(lines)
