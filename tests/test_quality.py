"""Extraction quality on the corpus stays at or above the floors in quality_floors.json (#3).

Scores one pipeline run over corpus/ (the session fixture ``corpus_outputs``) against the
hand-made gold in tests/gold/ with ``pipeline.evaluate``. The floors only go up: raise
one in tests/quality_floors.json when an extractor gets better, so the ratchet shows in
the diff. Run with ``-s`` to see the full report.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluate import TABLES, evaluate, format_report

HERE = Path(__file__).parent
GOLD_DIR = HERE / "gold"
FLOORS_FILE = HERE / "quality_floors.json"
FLOORS: dict[tuple[str, str], float] = {
    (table, metric): floor
    for table, metrics in json.loads(FLOORS_FILE.read_text(encoding="utf-8")).items()
    if not table.startswith("_")
    for metric, floor in metrics.items()
}


@pytest.fixture(scope="module")
def quality(corpus_outputs):
    ev = evaluate(GOLD_DIR, corpus_outputs)
    print("\n" + format_report(ev, misses=10))
    return ev


def test_quality_floors_cover_every_table():
    assert {table for table, _ in FLOORS} == set(TABLES)
    assert all(0.0 <= floor <= 1.0 for floor in FLOORS.values())


@pytest.mark.slow
@pytest.mark.parametrize("key", sorted(FLOORS), ids=lambda k: f"{k[0]}-{k[1]}")
def test_quality_meets_floor(quality, key):
    figures = quality.figures()
    assert key in figures, f"{key} is not a measured figure: fix {FLOORS_FILE.name}"
    assert figures[key] >= FLOORS[key] - 1e-9, f"{key}: {figures[key]:.3f} fell below its floor {FLOORS[key]}"
