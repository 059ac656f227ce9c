"""Every language-data file loads and validates, and a broken one fails naming the file."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from extractors.errors import DataFileError

ROOT = Path(__file__).resolve().parents[2]


def _loaders():
    from extractors import entities, indicators, policy_refs, quantities, quotes, times, units
    from pipeline.crossyear import fulfilment, series
    from pipeline.ingest import corpus, normalise
    from pipeline.structure import parse as structure

    return {
        "extractors/data/units.yaml": units.load_registry,
        "extractors/data/comparators.yaml": quantities.load_comparators,
        "extractors/data/not_quantities.yaml": quantities.load_not_quantities,
        "extractors/data/indicators.yaml": indicators.load_table,
        "extractors/data/time_words.yaml": times.load_time_words,
        "extractors/data/policy_actions.yaml": policy_refs.load_policy_actions,
        "extractors/data/quoted_names.yaml": quotes.load_cues,
        "pipeline/data/boilerplate.yaml": normalise.load_boilerplate,
        "pipeline/data/structure.yaml": structure.load_rules,
        "pipeline/data/metadata.yaml": corpus.metadata_words,
        "pipeline/data/fulfilment.yaml": fulfilment.load_rules,
        "pipeline/data/series.yaml": series.load_series_words,
        # entity rule files are read by name from extractors/data (spaCy config refers to them)
        "extractors/data/program_patterns.jsonl": lambda p: entities.load_context_rules(p.name),
        "extractors/data/gpe_context_patterns.jsonl": lambda p: entities.load_context_rules(p.name),
        "extractors/data/person_patterns.jsonl": lambda p: entities.load_context_rules(p.name),
        "extractors/data/org_context_patterns.jsonl": lambda p: entities.load_context_rules(p.name),
        "extractors/data/entity_context.jsonl": lambda p: entities.load_filter_rules(p.name),
        "extractors/data/gazetteer_person.jsonl": lambda p: entities.load_ruler_patterns(p.name),
        "extractors/data/gazetteer_gpe.jsonl": lambda p: entities.load_ruler_patterns(p.name),
        "extractors/data/gazetteer_gpe_extra.jsonl": lambda p: entities.load_ruler_patterns(p.name),
        "extractors/data/gazetteer_org.jsonl": lambda p: entities.load_ruler_patterns(p.name),
    }


@pytest.mark.parametrize("rel", sorted(_loaders()))
def test_data_file_loads(rel):
    path = ROOT / rel
    assert path.exists()
    assert _loaders()[rel](path) is not None


def test_data_every_data_file_has_a_loader_or_is_covered():
    data_files = {str(p.relative_to(ROOT)) for d in ("extractors/data", "pipeline/data")
                  for p in (ROOT / d).iterdir() if p.suffix in (".yaml", ".yml")}
    assert data_files <= set(_loaders())


@pytest.mark.parametrize("rel", [r for r in sorted(_loaders()) if r.endswith(".yaml")])
def test_data_broken_file_names_the_file(rel, tmp_path):
    broken = tmp_path / Path(rel).name
    broken.write_text("units: [unclosed\n  - : :\n", encoding="utf-8")
    loader = _loaders()[rel]
    getattr(loader, "cache_clear", lambda: None)()
    with pytest.raises(DataFileError) as exc:
        loader(broken)
    assert str(broken) in str(exc.value)
    back = pickle.loads(pickle.dumps(exc.value))
    assert str(back) == str(exc.value) and back.path == exc.value.path


@pytest.mark.parametrize("rel", [r for r in sorted(_loaders()) if r.endswith(".yaml")])
def test_data_wrong_shape_is_rejected(rel, tmp_path):
    wrong = tmp_path / Path(rel).name
    wrong.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        _loaders()[rel](wrong)
