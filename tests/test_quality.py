"""Extraction quality on the corpus stays at or above the floors.

Scores one pipeline run over corpus/ (the session fixture ``corpus_outputs``) against two
sets of hand-made gold with ``pipeline.evaluation.evaluate``:

- ``tests/gold/`` (in-sample: the extractor authors could see it), floors in
  ``tests/quality_floors.json``;
- ``tests/gold/heldout/`` (gov-report 2010–2012, annotated after the extractors were
  written and never used to tune them), floors in ``tests/quality_floors_heldout.json``;
- ``tests/gold/heldout-plans/`` (seven plans of the new issuers, annotated before the
  structure and targets work and measured once at its end), floors in
  ``tests/quality_floors_heldout_plans.json``;
- ``tests/gold/heldout2/`` (gov-report 2004, 2008, 2009, annotated blind and measured
  once at the end of the second round), floors in ``tests/quality_floors_heldout2.json``;
- ``tests/gold/heldout3/`` (gov-report 1984, 1987, 1988, annotated blind and measured
  once), floors in ``tests/quality_floors_heldout3.json``;
- ``tests/gold/heldout4/`` (gov-report 1978, 1985, 1986, 1995, registered before the third
  round's changes, annotated blind and measured once at its end), floors in
  ``tests/quality_floors_heldout4.json``;
- ``tests/gold/heldout5/`` (gov-report 1957, 1958, 1960, registered before the fourth
  round's changes, annotated blind and measured once at its end), floors in
  ``tests/quality_floors_heldout5.json``;
- ``tests/gold/dev30/`` (structure of gov-report 1997, 2000, 2003, 2006, annotated blind in
  the thirtieth round and then used to tune: in-sample, scored apart), floors in
  ``tests/quality_floors_dev30.json``;
- ``tests/gold/heldout27/`` (structure of gov-report 1980, 1982, 1992, 2012, annotated blind in
  the thirtieth round and scored at its start and end), floors in
  ``tests/quality_floors_heldout27.json``;
- ``tests/gold/dev31/`` (structure of gov-report 1994, 2002, 2005, 2007, annotated blind in
  the thirty-first round and then used to tune: in-sample, scored apart), floors in
  ``tests/quality_floors_dev31.json``;
- ``tests/gold/heldout31/`` (structure of gov-report 1981, 1983, 1998, 2001, annotated blind
  in the thirty-first round and scored at its start and end), floors in
  ``tests/quality_floors_heldout31.json``;
- ``tests/gold/heldout20/`` (targets of 66 paragraphs of 14 held-out documents, registered
  before the twenty-second round's changes, annotated blind and measured once), floors in
  ``tests/quality_floors_heldout20.json``;
- ``tests/gold/heldout40/`` (targets of 58 more paragraphs of the same 14 documents, registered
  in the fortieth round, annotated blind and scored at its start and end), floors in
  ``tests/quality_floors_heldout40.json``.

The floors only go up: raise one when an extractor gets better, so the ratchet shows in
the diff. Run with ``-s`` to see the full reports.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluation.evaluate import evaluate
from pipeline.evaluation.gold import TABLES
from pipeline.evaluation.report import format_report

HERE = Path(__file__).parent
GOLD_SETS = {
    "in_sample": (HERE / "gold", HERE / "quality_floors.json"),
    "heldout": (HERE / "gold" / "heldout", HERE / "quality_floors_heldout.json"),
    "heldout_plans": (HERE / "gold" / "heldout-plans", HERE / "quality_floors_heldout_plans.json"),
    "heldout2": (HERE / "gold" / "heldout2", HERE / "quality_floors_heldout2.json"),
    "heldout3": (HERE / "gold" / "heldout3", HERE / "quality_floors_heldout3.json"),
    "heldout4": (HERE / "gold" / "heldout4", HERE / "quality_floors_heldout4.json"),
    "heldout5": (HERE / "gold" / "heldout5", HERE / "quality_floors_heldout5.json"),
    "heldout20": (HERE / "gold" / "heldout20", HERE / "quality_floors_heldout20.json"),
    "dev30": (HERE / "gold" / "dev30", HERE / "quality_floors_dev30.json"),
    "heldout27": (HERE / "gold" / "heldout27", HERE / "quality_floors_heldout27.json"),
    "dev31": (HERE / "gold" / "dev31", HERE / "quality_floors_dev31.json"),
    "heldout31": (HERE / "gold" / "heldout31", HERE / "quality_floors_heldout31.json"),
    "dev32": (HERE / "gold" / "dev32", HERE / "quality_floors_dev32.json"),
    "heldout32": (HERE / "gold" / "heldout32", HERE / "quality_floors_heldout32.json"),
    "heldout40": (HERE / "gold" / "heldout40", HERE / "quality_floors_heldout40.json"),
}


def _floors(path: Path) -> dict[tuple[str, str], float]:
    return {
        (table, metric): floor
        for table, metrics in json.loads(path.read_text(encoding="utf-8")).items()
        if not table.startswith("_")
        for metric, floor in metrics.items()
    }


FLOORS = {name: _floors(floors) for name, (_, floors) in GOLD_SETS.items()}


@pytest.fixture(scope="module")
def quality(corpus_outputs):
    results = {}
    for name, (gold, _) in GOLD_SETS.items():
        ev = evaluate(gold, corpus_outputs)
        print(f"\n== {name} ==\n" + format_report(ev, misses=10))
        results[name] = ev.figures()
    return results


@pytest.mark.parametrize("name", sorted(GOLD_SETS))
def test_quality_floors_are_valid(name):
    floors = FLOORS[name]
    assert {table for table, _ in floors} <= set(TABLES)
    assert all(0.0 <= floor <= 1.0 for floor in floors.values())


@pytest.mark.slow
@pytest.mark.parametrize(
    "name,key",
    [(n, k) for n in sorted(FLOORS) for k in sorted(FLOORS[n])],
    ids=lambda v: v if isinstance(v, str) else f"{v[0]}-{v[1]}",
)
def test_quality_meets_floor(quality, name, key):
    figures = quality[name]
    assert key in figures, f"{key} is not a measured figure of {name}"
    floor = FLOORS[name][key]
    assert figures[key] >= floor - 1e-9, f"{name} {key}: {figures[key]:.3f} fell below its floor {floor}"
