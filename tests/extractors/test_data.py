"""Every language-data file is registered, loads, and refuses a duplicate key, a string
where a list belongs and an unknown key, naming the file and the key."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
import yaml

import pipeline.ingest.corpus  # noqa: F401 - registers metadata.yaml (not imported by the registry)
import pipeline.limits  # noqa: F401 - registers limits.yaml (bounds of a run, used by no table)
import pipeline.registry  # noqa: F401 - imports every module that registers a data file
from extractors import language_data as ld
from extractors.errors import DataFileError

ROOT = Path(__file__).resolve().parents[2]
DATA_DIRS = (ROOT / "extractors" / "data", ROOT / "pipeline" / "data")
FILES = sorted(ld.DATA_FILES.values(), key=lambda f: f.name)


def _ids(df: ld.DataFile) -> str:
    return df.name


def test_data_every_data_file_is_registered():
    on_disk = {p for d in DATA_DIRS for p in d.iterdir() if p.suffix in (".yaml", ".yml", ".jsonl")}
    registered = {f.path for f in FILES}
    assert on_disk - registered == set(), "data files without a registered loader"
    assert all(f.path.exists() for f in FILES)


@pytest.mark.parametrize("df", FILES, ids=_ids)
def test_data_file_loads(df):
    assert ld.check_file(df) is not None


def _first(spec: ld.Spec, want: type) -> str | None:
    """A top-level key of a Record spec whose value has type ``want`` (Optional unwrapped)."""
    if not isinstance(spec, ld.Record):
        return None
    for key, field in spec.fields.items():
        inner = field.inner if isinstance(field, ld.Optional) else field
        if isinstance(inner, want) and not isinstance(inner, ld.ListOf):
            return key
    return None


def _objects(df: ld.DataFile) -> list:
    if df.kind == "jsonl":
        return [obj for _, obj in ld.read_jsonl(df.path)]
    return [ld.read_yaml(df.path)]


def _write(df: ld.DataFile, objects: list, path: Path, extra_line: str = "") -> None:
    if df.kind == "jsonl":
        text = "\n".join(json.dumps(o, ensure_ascii=False) for o in objects)
    else:
        text = yaml.safe_dump(objects[0], allow_unicode=True, sort_keys=False)
    path.write_text(text + extra_line, encoding="utf-8")


@pytest.mark.parametrize("df", FILES, ids=_ids)
def test_data_duplicate_key_names_file_and_key(df, tmp_path):
    objects = _objects(df)
    path = tmp_path / df.path.name
    if df.kind == "jsonl":
        key = next(iter(objects[0]))
        line = json.dumps(objects[0], ensure_ascii=False)
        dup = (
            line[:-1] + f", {json.dumps(key, ensure_ascii=False)}: {json.dumps(objects[0][key], ensure_ascii=False)}}}"
        )
        path.write_text(dup + "\n", encoding="utf-8")
    else:
        key = next(iter(objects[0]))
        _write(df, objects, path, "\n" + yaml.safe_dump({key: objects[0][key]}, allow_unicode=True))
    with pytest.raises(DataFileError) as info:
        ld.check_file(df, path)
    assert str(path) in str(info.value) and repr(key) in str(info.value) and "twice" in str(info.value)
    back = pickle.loads(pickle.dumps(info.value))
    assert str(back) == str(info.value)


@pytest.mark.parametrize("df", [f for f in FILES if _first(f.spec, ld.Strings)], ids=_ids)
def test_data_string_for_a_list_names_file_and_key(df, tmp_path):
    key = _first(df.spec, ld.Strings)
    objects = _objects(df)
    for obj in objects:
        obj[key] = "回顾"
    path = tmp_path / df.path.name
    _write(df, objects, path)
    with pytest.raises(DataFileError, match=f"{key}: expected a list") as info:
        ld.check_file(df, path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("df", [f for f in FILES if isinstance(f.spec, ld.Record)], ids=_ids)
def test_data_unknown_key_names_file_and_key(df, tmp_path):
    objects = _objects(df)
    for obj in objects:
        obj["zz_unknown"] = ["x"]
    path = tmp_path / df.path.name
    _write(df, objects, path)
    with pytest.raises(DataFileError, match="zz_unknown: unknown key") as info:
        ld.check_file(df, path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("df", [f for f in FILES if f.kind == "yaml"], ids=_ids)
def test_data_broken_yaml_names_the_file(df, tmp_path):
    broken = tmp_path / df.path.name
    broken.write_text("units: [unclosed\n  - : :\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        ld.check_file(df, broken)
    assert str(broken) in str(info.value)


@pytest.mark.parametrize(
    "spec,value,problem",
    [
        (ld.Strings(), "回顾", "expected a list"),
        (ld.Strings(), ["a", "a"], "listed twice"),
        (ld.Record(a=ld.Text()), {"a": "x", "b": 1}, "b: unknown key"),
        (ld.Record(a=ld.Text()), {}, "a: missing"),
        (ld.Pattern("n"), "(?P<m>x)", "no group n"),
        (ld.Pattern(), "(", "bad pattern"),
        (ld.OneOf("floor", "ceiling"), "flor", "not one of"),
        (ld.Pair(ld.Integer()), [3, 1], "after last"),
        (ld.Integer(1), True, "whole number"),
    ],
)
def test_data_specs_refuse(spec, value, problem):
    with pytest.raises(DataFileError, match=problem):
        spec.check(value, Path("x.yaml"), "")


def test_data_subject_words_dimensions_are_units_dimensions():
    # the list rules name dimensions of units.yaml; a misspelt one fails at load, naming
    # the file and the key, instead of silently matching no amount
    from extractors.indicators import MEASURES_DATA
    from extractors.subjects import SUBJECT_WORDS_DATA, build_subject_words
    from extractors.target_kinds import TARGET_KINDS_DATA

    data = dict(ld.load(SUBJECT_WORDS_DATA.name))
    measures, kinds = ld.load(MEASURES_DATA.name), ld.load(TARGET_KINDS_DATA.name)
    assert build_subject_words(data, measures, kinds).rate_dimensions >= {"percent"}
    data["rate_dimensions"] = ["percent", "precent"]
    with pytest.raises(DataFileError, match="rate_dimensions.*precent is not a dimension"):
        build_subject_words(data, measures, kinds)
