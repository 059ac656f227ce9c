"""Tests of pipeline/evaluation/evaluate.py on small synthetic gold files and Parquet tables.

The text is made of real dalian-edu 2018 phrases; the tables are written by the test so
each case changes exactly one thing against a perfect prediction.
"""

from __future__ import annotations

import json
import pickle
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from pipeline.evaluation.cli import main
from pipeline.evaluation.evaluate import Score, evaluate, match_spans
from pipeline.evaluation.gold import GoldFileError, find_occurrence, load_gold
from pipeline.evaluation.report import format_markdown, format_report

DOC = "dalian-edu-2018"
LINES = [
    "2018年工作要点",
    "15.推进学前教育普惠健康发展。新开办公办幼儿园15所,增加公办幼儿学位3000个。",
    "16.推动义务教育城乡一体化发展。确保2018年实现基本消除66人以上超大班额目标。",
    "18.办好特殊教育和民族教育。出台并实施《大连市第二期特殊教育提升计划实施方案》,依托教育部。",
    "19.提升基础教育质量。“送演出”到学校120场、“送讲座”到学校20场。",
]
TEXT = "\n".join(LINES)


def at(text: str, occurrence: int = 1, line: int | None = None) -> tuple[int, int]:
    """Document span of the ``occurrence``-th ``text`` (inside line ``line`` if given)."""
    base = 0
    hay = TEXT
    if line is not None:
        base = sum(len(x) + 1 for x in LINES[:line])
        hay = LINES[line]
    i = find_occurrence(hay, text, occurrence)
    assert i >= 0, text
    return base + i, base + i + len(text)


def gold_doc(**complete) -> dict:
    return {
        "doc_id": DOC,
        "annotator": "test",
        "complete": complete
        or {"targets": "document", "times": "document", "policy_refs": "document", "entities": "document"},
        "paragraphs": [
            {
                "id": "t15",
                "anchor": "15.推进学前教育普惠",
                "targets": [
                    {
                        "text": "15所",
                        "occurrence": 1,
                        "value": 15,
                        "value_max": None,
                        "unit": "所",
                        "comparator": "=",
                        "kind": "target",
                        "subject": "新开办公办幼儿园",
                    },
                    {
                        "text": "3000个",
                        "occurrence": 1,
                        "value": 3000,
                        "value_max": None,
                        "unit": "个",
                        "comparator": "=",
                        "kind": "target",
                        "subject": "增加公办幼儿学位",
                    },
                ],
            },
            {
                "id": "t16",
                "anchor": "16.推动义务教育城乡",
                "targets": [
                    {
                        "text": "66人以上",
                        "occurrence": 1,
                        "value": 66,
                        "value_max": None,
                        "unit": "人",
                        "comparator": ">=",
                        "kind": "other",
                        "subject": "超大班额",
                        "optional": True,
                    },
                ],
                "times": [
                    {
                        "text": "2018年",
                        "occurrence": 1,
                        "start": "2018-01-01",
                        "end": "2018-12-31",
                        "granularity": "year",
                        "role": "deadline",
                    },
                ],
            },
            {
                "id": "t18",
                "anchor": "18.办好特殊教育和民族",
                "policy_refs": [
                    {
                        "text": "《大连市第二期特殊教育提升计划实施方案》",
                        "occurrence": 1,
                        "title": "大连市第二期特殊教育提升计划实施方案",
                        "qualifier": None,
                        "action": "issue",
                        "action_text": "出台并实施",
                    },
                ],
                "entities": [
                    {"text": "大连市", "occurrence": 1, "label": "GPE", "optional": True},
                    {"text": "教育部", "occurrence": 1, "label": "ORG"},
                ],
            },
            {
                "id": "t19",
                "anchor": "19.提升基础教育质量",
                "targets": [
                    {
                        "text": "120场",
                        "occurrence": 1,
                        "value": 120,
                        "value_max": None,
                        "unit": "场",
                        "comparator": "=",
                        "kind": "target",
                        "subject": "送演出到学校",
                    },
                    {
                        "text": "20场",
                        "occurrence": 2,
                        "value": 20,
                        "value_max": None,
                        "unit": "场",
                        "comparator": "=",
                        "kind": "target",
                        "subject": "送讲座到学校",
                    },
                ],
                "entities": [
                    {"text": "“送演出”", "occurrence": 1, "label": "PROGRAM"},
                    {"text": "“送讲座”", "occurrence": 1, "label": "PROGRAM"},
                ],
            },
        ],
        "sections": [{"label": "一", "level": 1, "heading": "聚焦根本保证", "part": "plan"}],
        "tasks": [
            {"number": 15, "title": "推进学前教育普惠健康发展", "part": "plan"},
            {"number": 16, "title": "推动义务教育城乡一体化发展", "part": "plan"},
            {"number": 18, "title": "办好特殊教育和民族教育", "part": "plan"},
            {"number": 19, "title": "提升基础教育质量", "part": "plan"},
        ],
    }


def _row(text: str, span: tuple[int, int], **fields) -> dict:
    return {
        "doc_id": DOC,
        "task_id": None,
        "section_id": None,
        "text": text,
        "char_start": span[0],
        "char_end": span[1],
        "sentence": "",
        **fields,
    }


def perfect_tables() -> dict[str, list[dict]]:
    return {
        "documents": [{"doc_id": DOC, "text": TEXT, "status": "ok", "error": None}],
        "sections": [
            {
                "doc_id": DOC,
                "section_id": f"{DOC}/1",
                "level": 1,
                "label": "一",
                "number": 1,
                "heading": "聚焦根本保证",
                "part": "plan",
                "char_start": 0,
                "char_end": 1,
            }
        ],
        "tasks": [
            {
                "doc_id": DOC,
                "task_id": f"{DOC}/{n}",
                "number": n,
                "title": title,
                "part": "plan",
                "char_start": at(f"{n}.")[0],
                "char_end": at(f"{n}.")[1],
            }
            for n, title in [
                (15, "推进学前教育普惠健康发展"),
                (16, "推动义务教育城乡一体化发展"),
                (18, "办好特殊教育和民族教育"),
                (19, "提升基础教育质量"),
            ]
        ],
        "targets": [
            _row(
                "15所",
                at("15所"),
                value=15.0,
                value_max=None,
                unit="所",
                comparator="=",
                kind="target",
                subject="新开办公办幼儿园",
                indicator="x",
            ),
            _row(
                "3000个",
                at("3000个"),
                value=3000.0,
                value_max=None,
                unit="个",
                comparator="=",
                kind="target",
                subject="增加公办幼儿学位",
                indicator="x",
            ),
            _row(
                "120场",
                at("120场"),
                value=120.0,
                value_max=None,
                unit="场",
                comparator="=",
                kind="target",
                subject="“送演出”到学校",
                indicator="x",
            ),
            _row(
                "20场",
                at("20场", 2, line=4),
                value=20.0,
                value_max=None,
                unit="场",
                comparator="=",
                kind="target",
                subject="送讲座到学校",
                indicator="x",
            ),
        ],
        "times": [
            _row(
                "2018年",
                at("2018年", 1, line=2),
                start=date(2018, 1, 1),
                end=date(2018, 12, 31),
                granularity="year",
                role="deadline",
            ),
        ],
        "policy_refs": [
            _row(
                "《大连市第二期特殊教育提升计划实施方案》",
                at("《大连市第二期特殊教育提升计划实施方案》"),
                title="大连市第二期特殊教育提升计划实施方案",
                qualifier=None,
                action="issue",
                action_text="出台并实施",
                ref_key="k",
            ),
        ],
        "entities": [
            _row("教育部", at("教育部"), label="ORG", source="rule"),
            _row("“送演出”", at("“送演出”"), label="PROGRAM", source="rule"),
            _row("“送讲座”", at("“送讲座”"), label="PROGRAM", source="rule"),
        ],
    }


def write(tmp_path: Path, tables: dict[str, list[dict]], gold: dict | None = None) -> tuple[Path, Path]:
    gold_dir, out_dir = tmp_path / "gold", tmp_path / "out"
    gold_dir.mkdir(parents=True, exist_ok=True)
    (gold_dir / f"{DOC}.json").write_text(json.dumps(gold or gold_doc(), ensure_ascii=False), encoding="utf-8")
    for name, rows in tables.items():
        folder = out_dir / name
        folder.mkdir(parents=True, exist_ok=True)
        frame = (
            pd.DataFrame(rows)
            if rows
            else pd.DataFrame(
                {
                    "doc_id": pd.Series([], dtype=str),
                    "char_start": pd.Series([], dtype=int),
                    "char_end": pd.Series([], dtype=int),
                }
            )
        )
        frame.to_parquet(folder / "part-0.parquet", index=False)
    return gold_dir, out_dir


def run(tmp_path: Path, tables=None, gold=None):
    gold_dir, out_dir = write(tmp_path, tables or perfect_tables(), gold)
    return evaluate(gold_dir, out_dir)


def test_evaluate_perfect_prediction_scores_one(tmp_path):
    ev = run(tmp_path)
    figures = ev.figures()
    assert set(ev.tables) == {"targets", "times", "policy_refs", "entities", "tasks", "sections"}
    assert all(v == 1.0 for v in figures.values()), {k: v for k, v in figures.items() if v != 1.0}
    assert ev.tables["targets"].gold == 4 and ev.tables["targets"].predicted == 4
    assert ev.problems == ()


def test_evaluate_shifted_span_is_miss_and_false_alarm(tmp_path):
    tables = perfect_tables()
    tables["entities"][0] = _row("依托", at("依托"), label="ORG", source="rule")  # next to 教育部
    ev = run(tmp_path, tables)
    d = ev.tables["entities"].detection
    assert (d.tp, d.fp, d.fn) == (2, 1, 1)
    kinds = sorted(p.kind for p in ev.problems if p.table == "entities")
    assert kinds == ["false alarm", "miss"]


def test_evaluate_partial_overlap_matches(tmp_path):
    tables = perfect_tables()
    s, e = at("3000个")
    tables["targets"][1] = {**tables["targets"][1], "text": "3000", "char_end": e - 1}
    ev = run(tmp_path, tables)
    assert ev.tables["targets"].detection == Score(4, 0, 0)


def test_evaluate_wrong_comparator_lowers_fields_not_detection(tmp_path):
    tables = perfect_tables()
    tables["targets"][0] = {**tables["targets"][0], "comparator": ">="}
    ev = run(tmp_path, tables)
    ts = ev.tables["targets"]
    assert ts.detection.f1 == 1.0
    assert ts.fields["comparator"].accuracy == 0.75
    assert ts.fields["amount"].accuracy == 0.75
    assert ts.fields["value"].accuracy == 1.0
    assert ts.strict == Score(3, 1, 1)
    wrong = [p for p in ev.problems if p.kind == "wrong"]
    assert [(p.text, p.wrong) for p in wrong] == [("15所", ("amount", "comparator"))]


def test_evaluate_value_tolerance_and_dates(tmp_path):
    tables = perfect_tables()
    tables["targets"][0] = {**tables["targets"][0], "value": 15 * (1 + 1e-12)}
    tables["times"][0] = {**tables["times"][0], "start": pd.Timestamp("2018-01-01"), "end": date(2018, 12, 30)}
    ev = run(tmp_path, tables)
    assert ev.tables["targets"].fields["value"].accuracy == 1.0
    assert ev.tables["times"].fields["start"].accuracy == 1.0
    assert ev.tables["times"].fields["end"].accuracy == 0.0


def test_evaluate_subject_quotes_ignored_and_containment(tmp_path):
    tables = perfect_tables()
    tables["targets"][1] = {**tables["targets"][1], "subject": "公办幼儿学位"}
    ev = run(tmp_path, tables)
    fields = ev.tables["targets"].fields
    assert fields["subject"].accuracy == 0.75  # “送演出”到学校 == 送演出到学校; 公办幼儿学位 is not exact
    assert fields["subject~"].accuracy == 1.0


def test_evaluate_optional_mentions_are_ignored(tmp_path):
    tables = perfect_tables()
    tables["targets"].append(
        _row(
            "66人以上",
            at("66人以上"),
            value=66.0,
            value_max=None,
            unit="人",
            comparator=">=",
            kind="target",
            subject="超大班额",
            indicator="x",
        )
    )
    tables["entities"].append(_row("大连市第二期", at("大连市第二期"), label="GPE", source="rule"))
    ev = run(tmp_path, tables)
    assert ev.tables["targets"].detection == Score(4, 0, 0)
    assert ev.tables["entities"].detection == Score(3, 0, 0)
    # and not predicting an optional mention is no miss either (perfect tables lack them)
    assert ev.problems == ()


def test_evaluate_scope_paragraphs_ignores_predictions_elsewhere(tmp_path):
    tables = perfect_tables()
    tables["times"].append(
        _row(
            "2018年",
            at("2018年", 1, line=0),
            start=date(2018, 1, 1),
            end=date(2018, 12, 31),
            granularity="year",
            role="period",
        )
    )
    ev_par = run(tmp_path / "a", tables, gold_doc(times="paragraphs"))
    assert ev_par.tables["times"].detection == Score(1, 0, 0)
    ev_doc = run(tmp_path / "b", tables, gold_doc(times="document"))
    assert ev_doc.tables["times"].detection == Score(1, 1, 0)
    alarm = [p for p in ev_doc.problems if p.kind == "false alarm"]
    assert [(p.paragraph, p.text) for p in alarm] == [("line 1", "2018年")]


def test_evaluate_unscored_tables_are_absent(tmp_path):
    ev = run(tmp_path, gold=gold_doc(policy_refs="document"))
    assert "targets" not in ev.tables and "policy_refs" in ev.tables


def test_evaluate_one_to_one_matching(tmp_path):
    tables = perfect_tables()
    s, e = at("教育部")
    tables["entities"].append(_row("教育", (s, s + 2), label="ORG", source="rule"))
    ev = run(tmp_path, tables)
    assert ev.tables["entities"].detection == Score(3, 1, 0)
    assert [p.text for p in ev.problems if p.kind == "false alarm"] == ["教育"]


def test_match_spans_prefers_largest_overlap():
    gold = [(0, 4), (4, 8)]
    pred = [(2, 7), (3, 8)]
    # (3,8) overlaps gold 2 by 4: taken first; (2,7) then gets gold 1 (overlap 2)
    assert sorted(match_spans(gold, pred)) == [(0, 0), (1, 1)]
    assert match_spans([(0, 2)], [(2, 4)]) == []


def test_evaluate_tasks_by_number_in_order(tmp_path):
    tables = perfect_tables()
    tables["tasks"] = [t for t in tables["tasks"] if t["number"] != 16]
    tables["tasks"][0] = {**tables["tasks"][0], "title": "推进学前教育普惠健康发展。新开办"}
    tables["tasks"].append({**tables["tasks"][-1], "number": 20, "char_start": 10_000})
    ev = run(tmp_path, tables)
    ts = ev.tables["tasks"]
    assert ts.detection == Score(3, 1, 1)
    assert ts.fields["title"].accuracy == pytest.approx(2 / 3)
    assert ts.strict == Score(2, 2, 2)
    kinds = sorted((p.kind, p.paragraph) for p in ev.problems if p.table == "tasks")
    assert kinds == [("false alarm", "20"), ("miss", "16."), ("wrong", "15.")]


def test_evaluate_sections_match_labels_with_punctuation(tmp_path):
    tables = perfect_tables()
    tables["sections"][0] = {**tables["sections"][0], "label": "一、"}
    ev = run(tmp_path, tables)
    assert ev.tables["sections"].detection == Score(1, 0, 0)
    assert ev.tables["sections"].fields["heading"].accuracy == 1.0


def test_evaluate_missing_document_counts_gold_as_missed(tmp_path):
    tables = perfect_tables()
    tables["documents"] = [{"doc_id": DOC, "text": None, "status": "failed", "error": "x"}]
    ev = run(tmp_path, tables)
    assert ev.tables["targets"].detection == Score(0, 0, 4)
    assert ev.tables["tasks"].detection.fn == 4
    assert any("counts as missed" in w for w in ev.warnings)


def test_evaluate_missing_table_means_no_predictions(tmp_path):
    tables = perfect_tables()
    del tables["entities"]
    ev = run(tmp_path, tables)
    assert ev.tables["entities"].detection == Score(0, 0, 3)
    assert any("entities" in w for w in ev.warnings)


def test_evaluate_reads_gold_in_subfolders_and_merges(tmp_path):
    gold = gold_doc(targets="document")
    ents = {
        "doc_id": DOC,
        "annotator": "t",
        "complete": {"entities": "paragraphs"},
        "paragraphs": [
            {
                "id": "p",
                "anchor": "18.办好特殊教育和民族",
                "entities": [{"text": "教育部", "occurrence": 1, "label": "ORG"}],
            }
        ],
    }
    gold_dir, out_dir = write(tmp_path, perfect_tables(), gold)
    (gold_dir / "entities").mkdir()
    (gold_dir / "entities" / f"{DOC}.json").write_text(json.dumps(ents, ensure_ascii=False), encoding="utf-8")
    ev = evaluate(gold_dir, out_dir)
    assert ev.tables["entities"].detection == Score(1, 0, 0)  # the programmes are outside its paragraph
    ents["complete"] = {"targets": "paragraphs"}
    (gold_dir / "entities" / f"{DOC}.json").write_text(json.dumps(ents, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(GoldFileError, match="already annotated"):
        evaluate(gold_dir, out_dir)


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda g: g["paragraphs"][0]["targets"][0].update(comparator="about"), "expected one of"),
        (lambda g: g["paragraphs"][0]["targets"][0].update(value_max=20), "value_max"),
        (lambda g: g["paragraphs"][0].update(anchor="15.推进学"), "at least 8"),
        (lambda g: g["paragraphs"][1]["times"][0].update(start="2018-13-01"), "ISO date"),
        (lambda g: g["paragraphs"][2]["policy_refs"][0].update(title="别的"), "inside 《》"),
        (lambda g: g["paragraphs"][3]["entities"][0].update(label="LOC"), "expected one of"),
        (lambda g: g["paragraphs"][0]["targets"][0].update(colour="red"), "unknown keys"),
        (lambda g: g["complete"].update(tasks="document"), "unknown table"),
        (lambda g: g["tasks"][0].update(part="future"), "tasks\\[0\\]"),
        (lambda g: g["tasks"][0].update(colour="red"), "tasks\\[0\\].colour: unknown key"),
        (lambda g: g["tasks"][0].pop("title"), "tasks\\[0\\].title: missing"),
        (lambda g: g["tasks"][0].update(number="1"), "tasks\\[0\\].number"),
    ],
)
def test_load_gold_rejects_bad_files(tmp_path, change, message):
    gold = gold_doc()
    change(gold)
    path = tmp_path / f"{DOC}.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(GoldFileError, match=message):
        load_gold(path)


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda g: g["paragraphs"][0].update(anchor="15.推进职业教育普惠"), "starts no line"),
        (lambda g: g["paragraphs"][0]["targets"][0].update(occurrence=2), "no occurrence 2"),
    ],
)
def test_evaluate_rejects_unlocatable_gold(tmp_path, change, message):
    gold = gold_doc()
    change(gold)
    with pytest.raises(GoldFileError, match=message):
        run(tmp_path, gold=gold)


def test_gold_file_error_pickles():
    err = GoldFileError("tests/gold/x.json", "paragraph t1: no line starts with anchor")
    back = pickle.loads(pickle.dumps(err))
    assert (back.path, back.problem, str(back)) == (err.path, err.problem, str(err))


def test_format_report_lists_problems(tmp_path):
    tables = perfect_tables()
    tables["targets"][0] = {**tables["targets"][0], "comparator": ">="}
    tables["entities"][0] = _row("依托", at("依托"), label="ORG", source="rule")
    report = format_report(run(tmp_path, tables), misses=20)
    assert "targets" in report and "strict F1" in report
    assert "WRONG  dalian-edu-2018 t15: 15所  amount: expected 15/None/所/= got 15.0/None/所/>=" in report
    assert "MISS   dalian-edu-2018 t18: 教育部  expected label=ORG" in report
    assert "FALSE  dalian-edu-2018 t18: 依托  got label=ORG" in report


def test_format_report_limits_problems(tmp_path):
    tables = perfect_tables()
    tables["targets"] = []
    report = format_report(run(tmp_path, tables), misses=1)
    assert report.count("MISS ") == 1 and "(first 1 shown)" in report


def test_format_markdown_table(tmp_path):
    md = format_markdown(run(tmp_path), gold=tmp_path / "gold", when=date(2026, 11, 28), commit="abc1234")
    assert "2026-11-28" in md and "`abc1234`" in md
    assert "| targets | 4 | 4 | 1.000 | 1.000 | 1.000 | 1.000 |" in md


@pytest.mark.issue(19)
def test_format_markdown_names_the_gold_folder_scored(tmp_path):
    # `evaluate --gold tests/gold/heldout --markdown` said "the hand-made gold in `tests/gold/`"
    from pipeline.evaluation.report import ROOT

    ev = run(tmp_path)
    md = format_markdown(ev, gold=ROOT / "tests" / "gold" / "heldout", when=date(2026, 11, 28), commit="x")
    assert "against the hand-made gold in `tests/gold/heldout/` (1 documents)" in md
    assert "`tests/gold/`" not in md
    md = format_markdown(ev, gold=tmp_path / "gold", commit="x")
    assert f"`{(tmp_path / 'gold').resolve().as_posix()}/`" in md


def test_main_prints_report_and_markdown(tmp_path, capsys):
    gold_dir, out_dir = write(tmp_path, perfect_tables())
    assert main(["--gold", str(gold_dir), "--out", str(out_dir)]) == 0
    assert "plantasks evaluate: 1 gold document(s): dalian-edu-2018" in capsys.readouterr().out
    assert main(["--gold", str(gold_dir), "--out", str(out_dir), "--markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Measured by `plantasks evaluate` against the hand-made gold in ")
    assert f"`{gold_dir.resolve().as_posix()}/`" in out


def test_main_without_outputs_says_so(tmp_path, capsys):
    assert main(["--gold", str(tmp_path), "--out", str(tmp_path / "nothing")]) == 2
    assert "run `plantasks run` first" in capsys.readouterr().err


def test_evaluate_empty_unit_is_null(tmp_path):
    gold = gold_doc()
    gold["paragraphs"][0]["targets"][0]["unit"] = None
    tables = perfect_tables()
    tables["targets"][0] = {**tables["targets"][0], "unit": ""}
    ev = run(tmp_path, tables, gold)
    assert ev.tables["targets"].fields["unit"].accuracy == 1.0


def test_evaluate_scores_per_document(tmp_path):
    tables = perfect_tables()
    tables["targets"] = tables["targets"][:2]
    ev = run(tmp_path, tables)
    assert ev.tables["targets"].by_document == {DOC: Score(2, 0, 2)}


def test_evaluate_optional_mention_keeps_its_best_prediction(tmp_path):
    # 依托教育部 (optional) and 教育部 (required) overlap: the long prediction goes to the
    # optional mention and is not counted; the short one is the hit.
    gold = gold_doc()
    gold["paragraphs"][2]["entities"].append({"text": "依托教育部", "occurrence": 1, "label": "ORG", "optional": True})
    tables = perfect_tables()
    tables["entities"].append(_row("依托教育部", at("依托教育部"), label="ORG", source="rule"))
    ev = run(tmp_path, tables, gold)
    assert ev.tables["entities"].detection == Score(3, 0, 0)
    tables["entities"].pop(0)  # without the short one, 教育部 is missed, the long one still ignored
    ev = run(tmp_path / "b", tables, gold)
    assert ev.tables["entities"].detection == Score(2, 0, 1)


def test_main_accepts_a_leading_separator(tmp_path, capsys):
    gold_dir, out_dir = write(tmp_path, perfect_tables())
    assert main(["--", "--gold", str(gold_dir), "--out", str(out_dir), "--markdown"]) == 0
    assert "| entities | 3 | 3 |" in capsys.readouterr().out


def test_evaluate_paragraph_without_the_key_is_outside_its_scope(tmp_path):
    # t18 lists only policy_refs and entities: a time predicted there is not scored for
    # times="paragraphs", although the paragraph is listed.
    tables = perfect_tables()
    tables["times"].append(
        _row("教育部", at("教育部"), start=date(2018, 1, 1), end=date(2018, 12, 31), granularity="year", role="period")
    )
    ev = run(tmp_path, tables, gold_doc(times="paragraphs"))
    assert ev.tables["times"].detection == Score(1, 0, 0)
    gold = gold_doc(times="paragraphs")
    gold["paragraphs"][2]["times"] = []  # "no times here": now it is a false alarm
    ev = run(tmp_path / "b", tables, gold)
    assert ev.tables["times"].detection == Score(1, 1, 0)
