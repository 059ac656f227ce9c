"""Language data: which data files exist, what shape each has, and one reader that checks it.

Words, units, verbs and patterns live in data files, never in code (spaCy keeps a
language's data in modules apart from the logic; dateparser validates its YAML on
load). This module is the only place that opens them: ``load(name)`` reads the file
registered under ``name`` in :data:`DATA_FILES`, rejects duplicate keys (a prose line
that lost its ``#`` silently redefined ``plan_openers`` in ``structure.yaml``), checks it
against the file's :class:`Spec`, and returns plain data. The module that uses the data
builds its compiled structures from it and checks what only it knows (a unit's dimension
exists, a variant names one indicator), raising :class:`DataFileError` through
:func:`fail`. Every error names the file and the key.

A spec is written with a handful of constructors::

    Record(direction=OneOf("floor", "ceiling", "point"), variants=Optional(Strings()))
    Mapping(Record(...))      # any string keys, each value a Record
    Strings()                 # a list of non-empty strings (a bare string is refused)
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import regex
import yaml

from extractors.errors import DataFileError

EXTRACTORS_DATA = Path(__file__).resolve().parent / "data"
PIPELINE_DATA = Path(__file__).resolve().parents[1] / "pipeline" / "data"


def fail(path: Path | str, where: str, problem: str) -> DataFileError:
    """The error for a data file: ``path: where: problem`` (``where`` names the key)."""
    return DataFileError(str(path), f"{where}: {problem}" if where else problem)


# --------------------------------------------------------------------------- specs


class Spec:
    """The expected shape of a value; ``check`` returns it normalised or raises."""

    def check(self, value: Any, path: Path, where: str) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def describe(self) -> str:
        return type(self).__name__.lower()


class Text(Spec):
    """A non-empty string (numbers written bare in YAML, such as 2018, are refused);
    ``allow_empty`` lets ``""`` through (a list joiner that is no word at all)."""

    def __init__(self, *, allow_empty: bool = False) -> None:
        self.allow_empty = allow_empty

    def check(self, value: Any, path: Path, where: str) -> Any:
        if not isinstance(value, str) or not (value or self.allow_empty):
            raise fail(path, where, f"expected a non-empty string, got {_show(value)}")
        return value

    def describe(self) -> str:
        return "a non-empty string"


class Pattern(Text):
    """A string that compiles as a ``regex`` pattern, with the named groups it must have."""

    def __init__(self, *groups: str) -> None:
        super().__init__()
        self.groups = groups

    def check(self, value: Any, path: Path, where: str) -> Any:
        value = super().check(value, path, where)
        try:
            compiled = regex.compile(value)
        except regex.error as exc:
            raise fail(path, where, f"bad pattern {value!r}: {exc}") from exc
        missing = [g for g in self.groups if g not in compiled.groupindex]
        if missing:
            raise fail(path, where, f"pattern {value!r} has no group {', '.join(missing)}")
        return value


class Integer(Spec):
    def __init__(self, minimum: int | None = None) -> None:
        self.minimum = minimum

    def check(self, value: Any, path: Path, where: str) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            raise fail(path, where, f"expected a whole number, got {_show(value)}")
        if self.minimum is not None and value < self.minimum:
            raise fail(path, where, f"must be at least {self.minimum}, got {value}")
        return value


class Number(Spec):
    def check(self, value: Any, path: Path, where: str) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise fail(path, where, f"expected a number, got {_show(value)}")
        return value


class Flag(Spec):
    def check(self, value: Any, path: Path, where: str) -> Any:
        if not isinstance(value, bool):
            raise fail(path, where, f"expected true or false, got {_show(value)}")
        return value


class OneOf(Spec):
    """One of a fixed set of values (a value set of ``extractors/records.py``, say)."""

    def __init__(self, *values: Any) -> None:
        self.values = tuple(values[0]) if len(values) == 1 and not isinstance(values[0], str) else values

    def check(self, value: Any, path: Path, where: str) -> Any:
        if value not in self.values:
            raise fail(path, where, f"{_show(value)} is not one of {', '.join(map(str, self.values))}")
        return value


class Optional(Spec):
    """A value that may be absent or null; ``default`` stands in for it."""

    def __init__(self, inner: Spec, default: Any = None) -> None:
        self.inner, self.default = inner, default

    def check(self, value: Any, path: Path, where: str) -> Any:
        return self.default if value is None else self.inner.check(value, path, where)


class Strings(Spec):
    """A list of non-empty strings; a bare string is refused (``回顾`` is not ``[回, 顾]``).

    ``unique`` refuses a word listed twice; ``allow_empty`` allows an empty list.
    """

    def __init__(self, item: Spec | None = None, *, unique: bool = True, allow_empty: bool = True) -> None:
        self.item, self.unique, self.allow_empty = item or Text(), unique, allow_empty

    def check(self, value: Any, path: Path, where: str) -> Any:
        if not isinstance(value, list):
            raise fail(path, where, f"expected a list, got {_show(value)}")
        if not value and not self.allow_empty:
            raise fail(path, where, "must not be empty")
        out = [self.item.check(v, path, f"{where}[{i}]") for i, v in enumerate(value)]
        if self.unique:
            seen: set = set()
            for v in out:
                if isinstance(v, str) and v in seen:
                    raise fail(path, where, f"{v!r} is listed twice")
                seen.add(v) if isinstance(v, str) else None
        return out


class ListOf(Strings):
    """A list of values of ``item`` (records, say)."""

    def __init__(self, item: Spec, *, allow_empty: bool = True) -> None:
        super().__init__(item, unique=False, allow_empty=allow_empty)


class Pair(Spec):
    """``[first, last]`` of ``item``, first not after last (a span of offsets or months)."""

    def __init__(self, item: Spec) -> None:
        self.item = item

    def check(self, value: Any, path: Path, where: str) -> Any:
        if not isinstance(value, list) or len(value) != 2:
            raise fail(path, where, f"expected [first, last], got {_show(value)}")
        first, last = (self.item.check(v, path, where) for v in value)
        if first > last:
            raise fail(path, where, f"first {first} is after last {last}")
        return first, last


class Record(Spec):
    """A mapping with exactly these keys; wrap a field's spec in :class:`Optional` to
    let it be left out. Unknown keys are refused, naming the known ones."""

    def __init__(self, **fields: Spec) -> None:
        self.fields = fields

    def check(self, value: Any, path: Path, where: str) -> Any:
        if not isinstance(value, dict):
            raise fail(path, where, f"expected a mapping with keys {', '.join(self.fields)}, got {_show(value)}")
        unknown = [k for k in value if k not in self.fields]
        if unknown:
            raise fail(path, _join(where, str(unknown[0])), f"unknown key; expected {', '.join(self.fields)}")
        out = {}
        for key, spec in self.fields.items():
            if key not in value and not isinstance(spec, Optional):
                raise fail(path, _join(where, key), "missing")
            out[key] = spec.check(value.get(key), path, _join(where, key))
        return out


class Mapping(Spec):
    """A mapping from non-empty string keys to values of ``value``."""

    def __init__(self, value: Spec, *, key: Spec | None = None, allow_empty: bool = True) -> None:
        self.value, self.key, self.allow_empty = value, key or Text(), allow_empty

    def check(self, value: Any, path: Path, where: str) -> Any:
        if not isinstance(value, dict):
            raise fail(path, where, f"expected a mapping, got {_show(value)}")
        if not value and not self.allow_empty:
            raise fail(path, where, "must not be empty")
        return {
            self.key.check(k, path, _join(where, str(k))): self.value.check(v, path, _join(where, str(k)))
            for k, v in value.items()
        }


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f"the string {value!r}"
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {value!r}"[:80]


# --------------------------------------------------------------------------- readers


class _UniqueKeyLoader(yaml.SafeLoader):
    """``yaml.safe_load`` that refuses a key written twice in one mapping."""


def _mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    loader.flatten_mapping(node)
    out: dict = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in out:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} is defined twice (line {key_node.start_mark.line + 1})", key_node.start_mark
            )
        out[key] = loader.construct_object(value_node, deep=deep)
    return out


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def read_yaml(path: Path | str) -> Any:
    """The parsed content of a YAML file, duplicate keys refused, or DataFileError."""
    path = Path(path)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), f"cannot read: {exc}") from exc


def _unique_pairs(path: Path, line: int):
    def hook(pairs):
        out = {}
        for k, v in pairs:
            if k in out:
                raise fail(path, f"line {line}", f"key {k!r} is defined twice")
            out[k] = v
        return out

    return hook


def read_jsonl(path: Path | str, spec: Spec | None = None) -> list[tuple[int, Any]]:
    """``(line number, object)`` of every JSON line; ``//`` comments and blank lines
    skipped, duplicate keys refused, each object checked against ``spec``."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), f"cannot read: {exc}") from exc
    out = []
    for n, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        try:
            obj = json.loads(line, object_pairs_hook=_unique_pairs(path, n))
        except json.JSONDecodeError as exc:
            raise fail(path, f"line {n}", f"not JSON: {exc.msg}") from exc
        out.append((n, spec.check(obj, path, f"line {n}") if spec is not None else obj))
    return out


# --------------------------------------------------------------------------- manifest


@dataclass(frozen=True)
class DataFile:
    """One language-data file: where it is, its shape, and which module builds on it."""

    name: str
    path: Path
    spec: Spec
    used_by: str
    kind: str = "yaml"  # yaml | jsonl
    doc: str = ""
    extra: dict = field(default_factory=dict)


DATA_FILES: dict[str, DataFile] = {}


def register(name: str, path: Path, spec: Spec, used_by: str, *, kind: str = "yaml", doc: str = "") -> DataFile:
    """Add a data file to the manifest (each loader module registers its own files here)."""
    if name in DATA_FILES and DATA_FILES[name].path != path:
        raise ValueError(f"data file {name!r} registered twice")
    DATA_FILES[name] = df = DataFile(name, Path(path), spec, used_by, kind, doc)
    return df


def check_file(data_file: DataFile, path: Path | str | None = None) -> Any:
    """Read ``path`` (default: the registered file) as ``data_file`` and check it."""
    path = Path(path) if path is not None else data_file.path
    if data_file.kind == "jsonl":
        return read_jsonl(path, data_file.spec)
    return data_file.spec.check(read_yaml(path), path, "")


@cache
def load(name: str) -> Any:
    """The checked content of the registered data file ``name`` (read once per process)."""
    try:
        data_file = DATA_FILES[name]
    except KeyError as exc:
        raise DataFileError(name, "no such data file in extractors/language_data.DATA_FILES") from exc
    return check_file(data_file)


def longest_first(words: Iterable[str]) -> str:
    """An alternation of ``words``, longest first, escaped (never matches when empty).

    Longest first so that 不低于 wins over 低于 at the same position.
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w) for w in ordered) or r"(?!)"
