"""The table registry: one list of tables; a broken entry stops a run before it writes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from extractors.records import Quantity
from pipeline import registry
from pipeline.orchestrate.engines import run_corpus
from pipeline.registry import RegistryError


def test_registry_is_consistent():
    tables = registry.check()
    assert [t.name for t in tables][:3] == ["documents", "sections", "tasks"]
    assert set(registry.ALL_TABLES) == set(registry.DOCUMENT_TABLES) | set(registry.CORPUS_TABLES)
    assert registry.EXTRACTION_TABLES == ("targets", "times", "policy_refs", "entities")


def _broken(name: str, **changes) -> tuple[registry.Table, ...]:
    return tuple(dataclasses.replace(t, **changes) if t.name == name else t for t in registry.TABLES)


@pytest.mark.parametrize(
    "name,changes,problem",
    [
        ("targets", {"extract": None}, "targets: a passage table needs an extract function"),
        ("fulfilment", {"build": None}, "fulfilment: a cross-year table needs a build function"),
        ("times", {"record": Quantity}, "times: record Quantity does not fit the schema"),
        ("entities", {"stage": "sentence"}, "entities: unknown stage 'sentence'"),
    ],
)
def test_registry_broken_entry_fails_the_run_at_start(monkeypatch, copy_corpus, tmp_path, name, changes, problem):
    corpus = copy_corpus("dalian-edu/2018.txt")
    monkeypatch.setattr(registry, "TABLES", _broken(name, **changes))
    out = tmp_path / "out"
    with pytest.raises(RegistryError, match=problem):
        run_corpus(corpus, out, engine="local")
    assert not out.exists(), "nothing may be written before the registry is checked"


def test_registry_table_named_twice_is_refused():
    with pytest.raises(RegistryError, match="times: defined twice"):
        registry.check(registry.TABLES + (registry.table("times"),))


def test_registry_every_table_is_written(corpus_outputs):
    for name in registry.ALL_TABLES:
        assert (corpus_outputs / name).is_dir(), name


@pytest.mark.parametrize(
    "name,uses",
    [
        ("targets", ("nonexistent",)),  # no such table
        ("targets", ("targets",)),  # itself
        ("targets", ("entities",)),  # not a passage table
        ("policy_refs", ("targets",)),  # a table that uses another in turn
    ],
)
def test_registry_refuses_a_table_it_cannot_give(name, uses):
    with pytest.raises(RegistryError, match=f"{name}: uses {uses[0]!r}"):
        registry.check(_broken(name, uses=uses))


def test_extraction_order_runs_used_tables_first():
    order = [t.name for t in registry.extraction_order()]
    assert set(order) == set(registry.EXTRACTION_TABLES)
    for t in registry.TABLES:
        for name in t.uses:
            assert order.index(name) < order.index(t.name)


def test_targets_receive_the_times_the_times_table_found(monkeypatch):
    """A passage's times are read once: the targets extractor is given the times table's
    records of its passage, and finds with them what it finds reading the times itself."""
    from extractors.quantities import extract_quantities
    from pipeline.extract.document import process_text
    from pipeline.ingest.corpus import DocumentSpec

    text = (
        "一、2017年工作回顾\n过去一年，全市生产总值增长7%，新建学校12所。\n"
        "二、2018年工作安排\n今年全市生产总值增长7%左右，到2020年新建学校15所。"
    )
    spec = DocumentSpec(path=Path("t.txt"), issuer="测试", issuer_slug="t", year=2018, doc_id="t-2018")
    given = []

    def spy(passage, *, offset, context, times=None):
        given.extend(times if times is not None else [None])
        mine = extract_quantities(passage, offset=offset, context=context, times=times)
        assert mine == extract_quantities(passage, offset=offset, context=context)
        return mine

    monkeypatch.setattr(
        registry,
        "TABLES",
        tuple(dataclasses.replace(t, extract=spy) if t.name == "targets" else t for t in registry.TABLES),
    )
    tables = process_text(text, spec)
    assert None not in given, "targets read the times again"
    assert {(t.char_start, t.text) for t in given} == {(r["char_start"], r["text"]) for r in tables["times"]}
    assert {r["kind"] for r in tables["targets"]} == {"achievement", "target"}


def test_a_plan_written_the_year_before_dates_its_targets_in_its_own_year():
    """The pipeline tells the extractors when a plan was written (a 2023 plan saying 明年):
    its targets are the plan year's, end to end."""
    from pipeline.extract.document import process_text
    from pipeline.ingest.corpus import DocumentSpec

    text = "2023年工作计划\n2023年是开局之年。明年的主要预期目标是：地区生产总值增长5%，固定资产投资增长5.5%。"
    spec = DocumentSpec(
        path=Path("p.txt"), issuer="测试", issuer_slug="p", year=2023, doc_id="p-2023", genre="工作计划"
    )
    tables = process_text(text, spec)
    assert {(r["text"], r["period_start"], r["period_end"]) for r in tables["targets"]} == {
        ("5%", 2023, 2023),
        ("5.5%", 2023, 2023),
    }
