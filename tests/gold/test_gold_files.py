"""Every gold file under tests/gold/ is well-formed and fits the normalised corpus.

Runs the checks of ``tests/gold/check_gold.py``: schema and enums, anchors that start
exactly one line, every text at its occurrence inside its paragraph, every 《…》 of a
complete scope annotated, no two mentions of a table on the same span.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from check_gold import check_file

from pipeline.evaluation.gold import MENTION_TABLES, gold_files, load_gold, locate

GOLD_DIR = Path(__file__).parent
FILES = gold_files(GOLD_DIR)


def test_gold_files_exist():
    assert GOLD_DIR / "dalian-edu-2018.json" in FILES


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(GOLD_DIR)))
def test_gold_file_is_valid(path, normalised_texts):
    assert check_file(path, normalised_texts) == []


def test_gold_dalian_is_complete_for_the_whole_document(normalised_texts):
    # The full-document gold: every mention table for the document, 6 sections, 31 tasks.
    gold = load_gold(GOLD_DIR / "dalian-edu-2018.json")
    assert gold.complete == {t: "document" for t in MENTION_TABLES}
    assert [s["label"] for s in gold.sections] == list("一二三四五六")
    assert [t["number"] for t in gold.tasks] == list(range(1, 32))
    assert gold.tasks[16]["title"] == "扩增普通高中优质资源"
    text = normalised_texts["dalian-edu-2018"]
    # Every line of the document is listed, in order, so nothing was skipped while reading.
    starts = [p.anchor for p in gold.paragraphs]
    lines = text.split("\n")
    assert len(starts) == len(lines)
    assert all(line.startswith(a) for line, a in zip(lines, starts))
    mentions, _ = locate(gold, text)
    assert sum(not m.optional for m in mentions["policy_refs"]) == text.count("《") == 25


def test_gold_dalian_task_titles_open_their_paragraphs(normalised_texts):
    gold = load_gold(GOLD_DIR / "dalian-edu-2018.json")
    lines = normalised_texts["dalian-edu-2018"].split("\n")
    task_lines = [line for line in lines if line[:1].isdigit() and not line.startswith("2018年")]
    assert len(task_lines) == 31
    for task, line in zip(gold.tasks, task_lines):
        assert line.startswith(f"{task['number']}.{task['title']}")
    headings = [line for line in lines if line[1:2] == "、"]
    assert [f"{s['label']}、{s['heading']}" for s in gold.sections] == headings
