"""The unit registry: measure words, units and multipliers from ``data/units.yaml``.

Modelled on pint: one definitions file whose header documents its grammar, each entry a
frozen definition that validates itself, one registry loaded once. The quantity pattern
is built from the registry (longest alias first) so no unit is ever listed in code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import regex

from extractors.datafiles import read_yaml
from extractors.errors import DataFileError

DATA_DIR = Path(__file__).parent / "data"
UNITS_FILE = DATA_DIR / "units.yaml"

_TOP_KEYS = {"multipliers", "dimensions", "prefix_units", "units"}
_UNIT_KEYS = {"name", "dimension", "aliases", "classifier", "base", "factor"}


@dataclass(frozen=True, slots=True)
class Multiplier:
    """A scale word between number and unit (万 = 1e4), removed from the unit."""

    name: str
    factor: Decimal

    def __post_init__(self) -> None:
        if not self.name or self.factor <= 0:
            raise ValueError(f"multiplier {self.name!r}: needs a name and a positive factor")


@dataclass(frozen=True, slots=True)
class UnitDefinition:
    """One unit: canonical ``name`` (written to ``targets.unit``), its dimension and aliases."""

    name: str
    dimension: str
    aliases: tuple[str, ...] = ()
    classifier: bool = False
    base: str | None = None  # the unit this one converts to (斤 → 公斤), None for a base
    factor: Decimal = Decimal(1)  # how many ``base`` one of this unit is

    def __post_init__(self) -> None:
        if not self.name or not self.dimension:
            raise ValueError(f"unit {self.name!r}: needs a name and a dimension")
        if any(not a for a in self.aliases):
            raise ValueError(f"unit {self.name}: empty alias")
        if self.factor <= 0 or (self.base is None and self.factor != 1):
            raise ValueError(f"unit {self.name}: factor needs a base and must be positive")

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class UnitRegistry:
    """All units, multipliers and dimensions; look-ups by any spelling."""

    multipliers: Mapping[str, Multiplier]
    dimensions: frozenset[str]
    units: tuple[UnitDefinition, ...]
    prefix_units: Mapping[str, str]
    _by_spelling: Mapping[str, UnitDefinition] = field(repr=False)

    def unit(self, spelling: str) -> UnitDefinition | None:
        """The unit written as ``spelling`` (a name or an alias), else None."""
        return self._by_spelling.get(spelling)

    def factor(self, multiplier: str) -> Decimal:
        """The factor of one multiplier word (万 → 1e4)."""
        return self.multipliers[multiplier].factor

    def convert(self, value: float, unit: str | None, to: str | None) -> float | None:
        """``value`` in ``unit`` expressed in ``to`` (1.3e12 斤 → 6.5e11 公斤), or None.

        Units convert when they share a base (斤 and 吨 through 公斤); a unit converts to
        itself, and no unit only to no unit. Multipliers are already multiplied out.
        """
        if (unit or "") == (to or ""):
            return value
        a, b = self.unit(unit or ""), self.unit(to or "")
        if a is None or b is None:
            return None
        base_a, base_b = a.base or a.name, b.base or b.name
        if base_a != base_b:
            return None
        # 12 significant digits: 3 公顷 is 45 亩, not 45.00000000000001
        return float(f"{Decimal(repr(value)) * a.factor / b.factor:.12g}")

    def spellings_longest_first(self) -> list[str]:
        return sorted(self._by_spelling, key=lambda s: (-len(s), s))

    def unit_pattern(self) -> str:
        """Regex alternation of every unit spelling, longest first (个百分点 before 个)."""
        return "|".join(regex.escape(s) for s in self.spellings_longest_first())

    def multiplier_pattern(self) -> str:
        """Regex alternation of multipliers that do not start a unit spelling.

        千 is a multiplier in 2千多户 but the start of 千瓦 in 16500万千瓦, so each
        multiplier carries a look-ahead for the units it begins.
        """
        parts = []
        for name in sorted(self.multipliers, key=lambda s: (-len(s), s)):
            rests = sorted(
                {s[len(name) :] for s in self._by_spelling if s.startswith(name) and s != name},
                key=lambda s: (-len(s), s),
            )
            look = f"(?!{'|'.join(regex.escape(r) for r in rests)})" if rests else ""
            parts.append(regex.escape(name) + look)
        return "|".join(parts)

    def prefix_unit_pattern(self) -> str:
        return "|".join(regex.escape(p) for p in sorted(self.prefix_units, key=len, reverse=True))


def _fail(path: Path, problem: str) -> DataFileError:
    return DataFileError(str(path), problem)


def _decimal(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise InvalidOperation
    return Decimal(str(value))


def build_registry(data: object, path: Path = UNITS_FILE) -> UnitRegistry:
    """Validate the parsed YAML of ``units.yaml`` and build the registry."""
    if not isinstance(data, dict):
        raise _fail(path, "expected a mapping with keys " + ", ".join(sorted(_TOP_KEYS)))
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise _fail(path, f"unknown keys {sorted(unknown)}; allowed: {sorted(_TOP_KEYS)}")
    dims = data.get("dimensions")
    if not isinstance(dims, list) or not all(isinstance(d, str) and d for d in dims):
        raise _fail(path, "dimensions must be a list of names")
    dimensions = frozenset(dims)

    mults_raw = data.get("multipliers") or {}
    if not isinstance(mults_raw, dict):
        raise _fail(path, "multipliers must map a word to a factor")
    multipliers: dict[str, Multiplier] = {}
    for name, factor in mults_raw.items():
        try:
            multipliers[str(name)] = Multiplier(str(name), _decimal(factor))
        except (InvalidOperation, ValueError) as exc:
            raise _fail(path, f"multiplier {name}: bad factor {factor!r}") from exc

    units_raw = data.get("units")
    if not isinstance(units_raw, list) or not units_raw:
        raise _fail(path, "units must be a non-empty list")
    units: list[UnitDefinition] = []
    by_spelling: dict[str, UnitDefinition] = {}
    for i, entry in enumerate(units_raw):
        if not isinstance(entry, dict) or set(entry) - _UNIT_KEYS:
            raise _fail(path, f"units[{i}]: expected keys {sorted(_UNIT_KEYS)}, got {entry!r}")
        name = entry.get("name")
        dim = entry.get("dimension")
        aliases = entry.get("aliases") or []
        classifier = entry.get("classifier", False)
        if not isinstance(name, str) or not name:
            raise _fail(path, f"units[{i}]: name must be a non-empty string")
        if dim not in dimensions:
            raise _fail(path, f"unit {name}: unknown dimension {dim!r}")
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise _fail(path, f"unit {name}: aliases must be a list of strings")
        if not isinstance(classifier, bool):
            raise _fail(path, f"unit {name}: classifier must be true or false")
        base = entry.get("base")
        if base is not None and (not isinstance(base, str) or not base):
            raise _fail(path, f"unit {name}: base must be a unit name")
        try:
            factor = _decimal(entry.get("factor", 1))
            unit = UnitDefinition(name, dim, tuple(aliases), classifier, base, factor)
        except InvalidOperation as exc:
            raise _fail(path, f"unit {name}: bad factor {entry.get('factor')!r}") from exc
        except ValueError as exc:
            raise _fail(path, str(exc)) from exc
        for spelling in unit.spellings:
            if spelling in by_spelling:
                raise _fail(path, f"unit {name}: spelling {spelling!r} already used by {by_spelling[spelling].name}")
            if spelling in multipliers:
                raise _fail(path, f"unit {name}: spelling {spelling!r} is also a multiplier")
            by_spelling[spelling] = unit
        units.append(unit)

    for unit in units:
        if unit.base is None:
            continue
        base = by_spelling.get(unit.base)
        if base is None or base.name != unit.base:
            raise _fail(path, f"unit {unit.name}: base {unit.base!r} is not a unit name")
        if base.dimension != unit.dimension:
            raise _fail(path, f"unit {unit.name}: base {unit.base} measures {base.dimension}, not {unit.dimension}")
        if base.base is not None:
            raise _fail(path, f"unit {unit.name}: base {unit.base} has a base itself ({base.base})")

    prefix_raw = data.get("prefix_units") or {}
    if not isinstance(prefix_raw, dict):
        raise _fail(path, "prefix_units must map a word to a unit name")
    for word, unit_name in prefix_raw.items():
        if unit_name not in by_spelling:
            raise _fail(path, f"prefix unit {word}: unknown unit {unit_name!r}")
    return UnitRegistry(
        multipliers=MappingProxyType(multipliers),
        dimensions=dimensions,
        units=tuple(units),
        prefix_units=MappingProxyType({str(k): by_spelling[v].name for k, v in prefix_raw.items()}),
        _by_spelling=MappingProxyType(by_spelling),
    )


def load_registry(path: Path = UNITS_FILE) -> UnitRegistry:
    """Read and validate a units file (uncached; use :func:`registry` in extractors)."""
    data = read_yaml(path)
    return build_registry(data, Path(path))


@cache
def registry() -> UnitRegistry:
    """The project's unit registry, loaded once per process."""
    return load_registry(UNITS_FILE)
