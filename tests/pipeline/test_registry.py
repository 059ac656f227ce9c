"""The table registry: one list of tables; a broken entry stops a run before it writes."""

from __future__ import annotations

import dataclasses

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
