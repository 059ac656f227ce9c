"""Map the subject of a quantity to an indicator key that is stable across years.

The reports word one measure several ways (国内生产总值增长 / 经济增长 / GDP增速;
居民消费价格涨幅 / 居民消费价格涨幅控制在), and ``target_series`` must line them up, so
the key comes from a table of known measures (``data/indicators.yaml``). A subject the
table does not know gets a key derived from its own words, the same way every year.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import regex

from extractors.datafiles import read_yaml
from extractors.errors import DataFileError

DATA_DIR = Path(__file__).parent / "data"
INDICATORS_FILE = DATA_DIR / "indicators.yaml"

DIRECTIONS = frozenset({"floor", "ceiling", "point"})
_TOP_KEYS = {"indicators", "key_filler", "subject"}
_SUBJECT_LISTS = ("leading", "trailing", "after_stop", "change", "continues", "inside", "list_words", "shared_tails",
                  "respectively", "time_suffixes", "time_links", "relative_years")  # fmt: skip
_SUBJECT_KEYS = {*_SUBJECT_LISTS, "particle"}

# Quotes, brackets, list commas and spaces never distinguish two measures.
_NOISE = regex.compile(r"[\s“”‘’\"'《》〈〉「」『』()（）\[\]【】、,，:：;；。.·]+")


@dataclass(frozen=True, slots=True)
class Indicator:
    """A known measure: its key, which way is better, and the wordings that name it."""

    key: str
    direction: str
    variants: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SubjectWords:
    """Words that trim a clause down to the subject of a quantity."""

    leading: frozenset[str]
    trailing: frozenset[str]
    after_stop: frozenset[str]
    change: frozenset[str]
    continues: frozenset[str]
    inside: frozenset[str]
    list_words: frozenset[str]
    shared_tails: frozenset[str]
    respectively: frozenset[str]
    time_suffixes: frozenset[str]
    time_links: frozenset[str]
    relative_years: frozenset[str]
    particle: str


@dataclass(frozen=True, slots=True)
class IndicatorTable:
    indicators: Mapping[str, Indicator]
    key_filler: tuple[str, ...]
    subject: SubjectWords
    # (variant, key) pairs, longest variant first
    lookup: tuple[tuple[str, str], ...]
    filler_re: regex.Pattern


def _fail(path: Path, problem: str) -> DataFileError:
    return DataFileError(str(path), problem)


def _str_list(path: Path, where: str, value: object) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(path, f"{where} must be a list of non-empty strings")
    return value


def build_table(data: object, path: Path = INDICATORS_FILE) -> IndicatorTable:
    """Validate the parsed YAML of ``indicators.yaml`` and build the look-up table."""
    if not isinstance(data, dict) or set(data) - _TOP_KEYS:
        raise _fail(path, f"expected a mapping with keys {sorted(_TOP_KEYS)}")
    raw = data.get("indicators")
    if not isinstance(raw, dict) or not raw:
        raise _fail(path, "indicators must map keys to {direction, variants}")
    filler = tuple(sorted(set(_str_list(path, "key_filler", data.get("key_filler"))), key=len, reverse=True))
    filler_re = regex.compile("|".join(regex.escape(w) for w in filler) or r"(?!)")

    def clean(s: str) -> str:
        return filler_re.sub("", _NOISE.sub("", s))

    indicators: dict[str, Indicator] = {}
    owner: dict[str, str] = {}
    for key, entry in raw.items():
        if not isinstance(key, str) or not key:
            raise _fail(path, f"indicator key {key!r} must be a non-empty string")
        if not isinstance(entry, dict) or set(entry) - {"direction", "variants"}:
            raise _fail(path, f"indicator {key}: expected keys direction, variants")
        direction = entry.get("direction")
        if direction not in DIRECTIONS:
            raise _fail(path, f"indicator {key}: direction {direction!r} is not one of {sorted(DIRECTIONS)}")
        variants = (key, *_str_list(path, f"indicator {key}: variants", entry.get("variants")))
        indicators[key] = Indicator(key, direction, tuple(dict.fromkeys(variants)))
        for v in indicators[key].variants:
            cv = clean(v)
            if not cv:
                raise _fail(path, f"indicator {key}: variant {v!r} is empty once key_filler is removed")
            if owner.get(cv, key) != key:
                raise _fail(path, f"indicator {key}: variant {v!r} already names {owner[cv]}")
            owner[cv] = key
    subj = data.get("subject") or {}
    if not isinstance(subj, dict) or set(subj) - _SUBJECT_KEYS:
        raise _fail(path, f"subject must be a mapping with keys {sorted(_SUBJECT_KEYS)}")
    particle = subj.get("particle")
    if not isinstance(particle, str) or not particle:
        raise _fail(path, "subject.particle must be a non-empty string")
    words = SubjectWords(
        *(frozenset(_str_list(path, f"subject.{k}", subj.get(k))) for k in _SUBJECT_LISTS), particle=particle
    )
    lookup = tuple(sorted(owner.items(), key=lambda kv: (-len(kv[0]), kv[0])))
    return IndicatorTable(MappingProxyType(indicators), filler, words, lookup, filler_re)


def load_table(path: Path = INDICATORS_FILE) -> IndicatorTable:
    """Read and validate an indicators file (uncached; extractors use :func:`table`)."""
    data = read_yaml(path)
    return build_table(data, Path(path))


@cache
def table() -> IndicatorTable:
    """The project's indicator table, loaded once per process."""
    return load_table(INDICATORS_FILE)


def subject_words() -> SubjectWords:
    return table().subject


def _clean(subject: str) -> str:
    t = table()
    return t.filler_re.sub("", _NOISE.sub("", subject))


@lru_cache(maxsize=4096)
def indicator_for(subject: str) -> str:
    """The indicator key of a subject phrase: a known measure's key, else a derived key.

    国内生产总值增长 / 经济增长 / GDP增速 → 国内生产总值增长; 居民消费价格涨幅控制在 →
    居民消费价格涨幅; an unknown subject → itself without filler, quotes and spaces. A
    subject maps to the longest variant it ends with, so 今年全国财政支出 is 财政支出 but
    服务业对经济增长贡献率 is not 经济增长; one that starts with a variant keeps its own
    ending after the key (地方专项债券增加 → 地方政府专项债券增加).
    """
    cleaned = _clean(subject)
    if not cleaned:
        return ""
    lookup = table().lookup
    for variant, key in lookup:
        if cleaned.endswith(variant):
            return key
    # a change of a known measure keys on the measure: 地方专项债券增加 → 地方政府专项债券增加
    for variant, key in lookup:
        if cleaned.startswith(variant):
            return key + cleaned[len(variant) :]
    return cleaned


def indicator_direction(indicator: str) -> str | None:
    """floor, ceiling or point for a known indicator key; None for a derived key."""
    entry = table().indicators.get(indicator)
    return entry.direction if entry else None
