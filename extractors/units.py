"""The unit registry: measure words, units and multipliers from ``data/units.yaml``.

Modelled on pint: one definitions file whose header documents its grammar, each entry a
frozen definition that validates itself, one registry loaded once. The quantity pattern
is built from the registry (longest alias first) so no unit is ever listed in code.
"""

from __future__ import annotations

from collections.abc import Mapping as MappingType
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import regex

from extractors.language_data import (
    Flag,
    ListOf,
    Mapping,
    Number,
    Optional,
    Record,
    Strings,
    Text,
    fail,
    load,
    read_yaml,
    register,
)

DATA_DIR = Path(__file__).parent / "data"
UNITS_FILE = DATA_DIR / "units.yaml"


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

    multipliers: MappingType[str, Multiplier]
    dimensions: frozenset[str]
    units: tuple[UnitDefinition, ...]
    prefix_units: MappingType[str, str]
    fractions: MappingType[str, str]
    tenths: MappingType[str, str]
    _by_spelling: MappingType[str, UnitDefinition] = field(repr=False)

    def unit(self, spelling: str) -> UnitDefinition | None:
        """The unit written as ``spelling`` (a name or an alias), else None."""
        return self._by_spelling.get(spelling)

    def spelled(self, spelling: str) -> UnitDefinition:
        """The unit of a spelling of this registry (one its :meth:`unit_pattern` matched)."""
        return self._by_spelling[spelling]

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

    def fraction_pattern(self) -> str:
        """Regex alternation of the words between a denominator and a numerator (分之)."""
        return "|".join(regex.escape(p) for p in sorted(self.fractions, key=len, reverse=True))

    def tenths_pattern(self) -> str:
        """Regex alternation of the words that count tenths after a digit (成)."""
        return "|".join(regex.escape(p) for p in sorted(self.tenths, key=len, reverse=True))

    def prefix_unit_pattern(self) -> str:
        return "|".join(regex.escape(p) for p in sorted(self.prefix_units, key=len, reverse=True))


UNITS_SPEC = Record(
    multipliers=Mapping(Number()),
    dimensions=Strings(allow_empty=False),
    prefix_units=Optional(Mapping(Text()), default={}),
    fractions=Optional(Mapping(Text()), default={}),
    tenths=Optional(Mapping(Text()), default={}),
    units=ListOf(
        Record(
            name=Text(),
            dimension=Text(),
            aliases=Optional(Strings(), default=[]),
            classifier=Optional(Flag(), default=False),
            base=Optional(Text()),
            factor=Optional(Number(), default=1),
        ),
        allow_empty=False,
    ),
)
UNITS_DATA = register("units", UNITS_FILE, UNITS_SPEC, "extractors/units.py")


def build_registry(raw: object, path: Path = UNITS_FILE) -> UnitRegistry:
    """Check the parsed YAML of ``units.yaml`` (shape, then what only units know: a unit's
    dimension exists, its base is a unit of the same dimension) and build the registry."""
    data: dict[str, Any] = UNITS_SPEC.check(raw, Path(path), "")
    dimensions = frozenset(data["dimensions"])
    multipliers: dict[str, Multiplier] = {}
    for name, factor in data["multipliers"].items():
        try:
            multipliers[name] = Multiplier(name, Decimal(str(factor)))
        except (InvalidOperation, ValueError) as exc:
            raise fail(path, f"multipliers.{name}", f"bad factor {factor!r}") from exc
    units: list[UnitDefinition] = []
    by_spelling: dict[str, UnitDefinition] = {}
    for i, entry in enumerate(data["units"]):
        name = entry["name"]
        if entry["dimension"] not in dimensions:
            raise fail(path, f"units[{i}]", f"unit {name}: unknown dimension {entry['dimension']!r}")
        try:
            unit = UnitDefinition(
                name,
                entry["dimension"],
                tuple(entry["aliases"]),
                entry["classifier"],
                entry["base"],
                Decimal(str(entry["factor"])),
            )
        except (InvalidOperation, ValueError) as exc:
            raise fail(path, f"units[{i}]", str(exc)) from exc
        for spelling in unit.spellings:
            if spelling in by_spelling:
                raise fail(
                    path,
                    f"units[{i}]",
                    f"unit {name}: spelling {spelling!r} already used by {by_spelling[spelling].name}",
                )
            if spelling in multipliers:
                raise fail(path, f"units[{i}]", f"unit {name}: spelling {spelling!r} is also a multiplier")
            by_spelling[spelling] = unit
        units.append(unit)
    for unit in units:
        if unit.base is None:
            continue
        base = by_spelling.get(unit.base)
        if base is None or base.name != unit.base:
            raise fail(path, "units", f"unit {unit.name}: base {unit.base!r} is not a unit name")
        if base.dimension != unit.dimension:
            raise fail(
                path, "units", f"unit {unit.name}: base {unit.base} measures {base.dimension}, not {unit.dimension}"
            )
        if base.base is not None:
            raise fail(path, "units", f"unit {unit.name}: base {unit.base} has a base itself ({base.base})")
    for key in ("prefix_units", "fractions", "tenths"):
        for word, unit_name in data[key].items():
            if unit_name not in by_spelling:
                raise fail(path, f"{key}.{word}", f"unknown unit {unit_name!r}")
            if key != "prefix_units" and by_spelling[unit_name].dimension != "percent":
                raise fail(path, f"{key}.{word}", f"a fraction is a share: {unit_name!r} is not a percent unit")
    return UnitRegistry(
        multipliers=MappingProxyType(multipliers),
        dimensions=dimensions,
        units=tuple(units),
        prefix_units=MappingProxyType({k: by_spelling[v].name for k, v in data["prefix_units"].items()}),
        fractions=MappingProxyType({k: by_spelling[v].name for k, v in data["fractions"].items()}),
        tenths=MappingProxyType({k: by_spelling[v].name for k, v in data["tenths"].items()}),
        _by_spelling=MappingProxyType(by_spelling),
    )


def load_registry(path: Path = UNITS_FILE) -> UnitRegistry:
    """Read and validate a units file (uncached; use :func:`registry` in extractors)."""
    return build_registry(read_yaml(path), Path(path))


@cache
def registry() -> UnitRegistry:
    """The project's unit registry, loaded once per process."""
    return build_registry(load("units"), UNITS_FILE)
