"""Extract stated amounts (the ``targets`` table) from a passage of a normalised plan.

A mention is a number (Arabic, Chinese or mixed: 15, 十五, 1.3万亿, 百分之十三点四,
27，203，319，000元 with full-width thousands separators, 负5%) with its multipliers, unit
and the comparator words that belong to it (1100万人以上, 6.5%左右, 3-5所, 6%－6.5%,
不低于10M). Numbers that are names, ordinals, dates or titles (党的十九大, 第三期, “十三五”,
新36条, 《…(2017-2020年)》, 2018年) are not amounts (docs/annotation.md). Units, comparator
words and the not-an-amount rules are data (``data/units.yaml``, ``data/comparators.yaml``,
``data/not_quantities.yaml``); what an amount measures is found by ``extractors.subjects``,
keyed by ``extractors.indicators``, and what it is (kind, period) by
``extractors.target_kinds``.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping as MappingType
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path

import regex

from extractors.char_classes import CLAUSE_STOPS, LIST_COMMA, PHRASE_END, char_class
from extractors.context import Context
from extractors.indicators import indicator_for
from extractors.language_data import (
    EXTRACTORS_DATA,
    Integer,
    ListOf,
    Mapping,
    OneOf,
    Pattern,
    Record,
    Strings,
    Text,
    check_file,
    fail,
    load,
    register,
)
from extractors.numerals import (
    ARABIC_PLACES,
    CHINESE_NUMERAL_CHARS,
    DIGIT_CHARS,
    DIGITS,
    HALF,
    LARGE_GROUPS,
    PLACE_CHARS,
    TEN,
    YEAR_MARK,
    approximate,
    parse_arabic,
    parse_arabic_groups,
    parse_chinese,
    read_one_by_one,
)
from extractors.records import COMPARATORS as ALL_COMPARATORS
from extractors.records import KINDS, Quantity, TimeExpr
from extractors.segmentation import cut, tag
from extractors.sentences import SentenceIndex
from extractors.subject_examples import without_named_examples
from extractors.subject_lists import (
    after_a_colon,
    carry_through_list,
    distribute,
    examples_of_a_kind,
    parts_after_a_total,
    parts_of_a_count,
    shared_list_head,
    turned_changes,
    turns_of,
)
from extractors.subject_owners import owners_named_before
from extractors.subject_purposes import purposes_of_outlays
from extractors.subjects import (
    CLAUSE_END,
    Found,
    SubjectWords,
    find_subject,
    has_verb,
    level,
    strip_edges,
    subject_words,
    without_times,
)
from extractors.target_kinds import Reading, SentenceCues, TimeFrame, classify
from extractors.times import extract_times
from extractors.units import UnitRegistry, registry

__all__ = ["KINDS", "extract_quantities", "grammar", "load_comparators", "load_not_quantities", "read_table_cell"]

COMPARATORS_FILE = EXTRACTORS_DATA / "comparators.yaml"
NOT_QUANTITIES_FILE = EXTRACTORS_DATA / "not_quantities.yaml"

COMPARATORS = frozenset(ALL_COMPARATORS) - {"range"}  # words set a bound; a range is read from two amounts
_COMPARATOR = OneOf(*sorted(COMPARATORS))
COMPARATORS_SPEC = Record(
    prefix=Mapping(_COMPARATOR, allow_empty=False),
    prefix_verbs=Strings(),
    not_prefix=Strings(),
    suffix=Mapping(_COMPARATOR, allow_empty=False),
    closing_suffix=Mapping(_COMPARATOR, allow_empty=False),
    closing_before=Strings(),
    marks=Mapping(_COMPARATOR, allow_empty=False),
    clause_prefix=Mapping(_COMPARATOR, allow_empty=False),
    range_separators=Strings(allow_empty=False),
    approximate_separators=Strings(allow_empty=False),
    list_separators=Strings(allow_empty=False),
    negative_signs=Strings(allow_empty=False),
)
_QUOTE_PAIR = ListOf(Text())
NOT_QUANTITIES_SPEC = Record(
    ordinal_prefixes=Strings(allow_empty=False),
    basis_prefixes=Strings(allow_empty=False),
    basis_dimensions=Strings(allow_empty=False),
    title_quotes=ListOf(_QUOTE_PAIR),
    name_quotes=ListOf(_QUOTE_PAIR),
    max_quote_length=Integer(minimum=0),
    min_chinese_count=Integer(minimum=0),
    bare_chinese_scale=Integer(minimum=1),
    blocked_before=Pattern(),
    blocked_before_chinese=Pattern(),
    blocked_after=Pattern(),
    name_patterns=Strings(Pattern()),
    unit_word_breaks=Strings(allow_empty=False),
    per_unit_before=Pattern(),
)
COMPARATORS_DATA = register("comparators", COMPARATORS_FILE, COMPARATORS_SPEC, "extractors/quantities.py")
NOT_QUANTITIES_DATA = register("not_quantities", NOT_QUANTITIES_FILE, NOT_QUANTITIES_SPEC, "extractors/quantities.py")

_HAN_END = regex.compile(r"\p{Han}$")
_LATIN_OR_DIGIT = regex.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]")
# A clause is read at most this far either side of an amount: subjects are short, and an
# unpunctuated run (an OCR table, random text) must not make every amount re-read it all.
_CLAUSE_REACH = 80


def load_comparators(path: Path = COMPARATORS_FILE) -> dict:
    """Read and check ``comparators.yaml`` (uncached; the grammar uses the registered file)."""
    return check_file(COMPARATORS_DATA, path)


def check_not_quantities(data: dict, path: Path = NOT_QUANTITIES_FILE) -> dict:
    """What only this module knows of ``not_quantities.yaml``: quotes are pairs of characters."""
    for key in ("title_quotes", "name_quotes"):
        for i, pair in enumerate(data[key]):
            if len(pair) != 2 or not all(len(c) == 1 for c in pair):
                raise fail(path, f"{key}[{i}]", "must be [open, close], two single characters")
    return data


def load_not_quantities(path: Path = NOT_QUANTITIES_FILE) -> dict:
    """Read and check ``not_quantities.yaml`` (uncached)."""
    return check_not_quantities(check_file(NOT_QUANTITIES_DATA, path), Path(path))


@dataclass(frozen=True, slots=True)
class Grammar:
    """Compiled patterns and word tables for one load of the data files."""

    units: UnitRegistry
    number: regex.Pattern
    next_amount: regex.Pattern
    # a count written out: its number, multipliers and marks, one measure word (200多名, 十六万余人)
    written_count: regex.Pattern
    tail: regex.Pattern
    tail_token: regex.Pattern
    unit: regex.Pattern
    unit_any: regex.Pattern  # a unit spelling, word breaks or not
    word_break: regex.Pattern  # a word that begins with a unit spelling (unit_word_breaks)
    separator: regex.Pattern
    approximate_separator: regex.Pattern  # 二、三百亿度
    list_separator: regex.Pattern
    suffix: regex.Pattern
    prefix: regex.Pattern
    prefix_width: int
    prefix_verb: regex.Pattern
    not_prefix: tuple[str, ...]
    suffix_words: MappingType[str, str]
    prefix_words: MappingType[str, str]
    marks: MappingType[str, str]
    clause_prefix: tuple[tuple[str, str], ...]
    negative: regex.Pattern
    ordinal_prefixes: tuple[str, ...]
    basis_prefixes: tuple[str, ...]  # longest first
    basis_dimensions: frozenset[str]
    quote: regex.Pattern
    names: regex.Pattern
    blocked_before: regex.Pattern
    blocked_before_chinese: regex.Pattern
    blocked_after: regex.Pattern
    min_chinese_count: int
    per_unit_before: regex.Pattern  # a per-unit basis right before a small count: an average
    bare_chinese_scale: int  # a multiplier this large makes a Chinese numeral an amount alone
    any_digit: regex.Pattern  # a passage without one holds no amount


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) or r"(?!)"


@cache
def grammar() -> Grammar:
    """Build the quantity grammar from the data files (once per process)."""
    units = registry()
    comp = load("comparators")
    notq = check_not_quantities(load("not_quantities"))
    mult = units.multiplier_pattern()
    unit_alt = units.unit_pattern()
    marks = comp["marks"]
    # Chinese numerals may contain 百/千, except where they start a unit (五万千瓦).
    place = []
    for ch in "百千":
        rests = [s[1:] for s in units.spellings_longest_first() if s.startswith(ch) and len(s) > 1]
        place.append(regex.escape(ch) + (f"(?!{_alternation(rests)})" if rests else ""))
    cn_digit = f"[{regex.escape(DIGIT_CHARS)}]"
    cn = f"(?:{cn_digit}|十)(?:{cn_digit}|[十万亿]|{'|'.join(place)})*(?:点{cn_digit}+)?"
    # the 1998 report (as scraped) puts a space inside numbers and before units: 8 .8 %,
    # 1 .1 亿门, 74772 亿元; one space is read through, and dropped when parsing. The
    # 1956 and 1980 reports group thousands with a full-width comma: 27，203，319，000元.
    ar = (
        r"(?:[0-9]{1,3}(?:，[0-9]{3}(?![0-9]))+|[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*)"
        r"(?: ?[.．·][0-9０-９]+)?"
    )
    # 1万6千多户, 2万5千公里, 1亿3千多万: Arabic digits with place words of falling size
    arc = f"[0-9]+[{''.join(LARGE_GROUPS)}](?:[0-9]+[{ARABIC_PLACES}])+"
    pct = units.prefix_unit_pattern() or r"(?!)"
    numeral = regex.escape(DIGIT_CHARS + PLACE_CHARS)  # a Chinese numeral's characters
    # 三分之一, 十分之一: a denominator without 百/千 (百分之, 千分之 are prefix units)
    small = f"(?:{cn_digit}|{TEN}){{1,3}}"
    frac = units.fraction_pattern() or r"(?!)"
    # 七成以上, 一成: tenths, only where a comparator word or a stop follows (not 统一成为)
    tenths = units.tenths_pattern() or r"(?!)"
    ends = _alternation(list(comp["suffix"]) + list(comp["marks"]))
    # every alternative starts with a digit, 十 or a prefix unit (百分之): a cheap first test
    # at each position (nine times faster over the corpus than trying each alternative)
    starts = "".join(sorted({TEN, *DIGIT_CHARS, *(p[0] for p in units.prefix_units)}))
    first = f"(?=[0-9０-９{regex.escape(starts)}])"
    number = regex.compile(
        f"{first}(?:"
        f"(?P<den>{small})(?P<frac>{frac})(?P<num>{small})(?![{numeral}])"
        f"|(?<![{numeral}])(?P<tdig>{cn_digit}|{TEN})(?P<tenth>{tenths})(?=(?:{ends})|[^\\w]|$)"
        f"|(?P<pct>{pct})?(?:(?P<arc>{arc})|(?P<ar>{ar})|(?P<cn>{cn}))"
        ")"
    )
    tail_token = regex.compile(f"{mult}|{_alternation(marks)}")
    tail = regex.compile(f"(?: ?(?:{mult}|{_alternation(marks)}))*")
    quotes = []
    for pairs, limit in ((notq["title_quotes"], "*"), (notq["name_quotes"], f"{{0,{notq['max_quote_length']}}}")):
        for open_, close in pairs:
            o, c = regex.escape(open_), regex.escape(close)
            quotes.append(f"{o}[^{o}{c}\\n]{limit}{c}")
    return Grammar(
        units=units,
        number=number,
        # where the next amount starts: Arabic digits or 百分之 (Chinese digits are too often
        # part of words such as 一般性 to cut a phrase at)
        next_amount=regex.compile(f"[0-9０-９]|{pct}"),
        written_count=regex.compile(f"(?:{number.pattern}){tail.pattern}\\p{{Han}}"),
        tail=tail,
        tail_token=tail_token,
        unit=regex.compile(f"(?!{_alternation(notq['unit_word_breaks'])})(?:{unit_alt})"),
        unit_any=regex.compile(f"(?:{unit_alt})"),
        word_break=regex.compile(_alternation(notq["unit_word_breaks"])),
        separator=regex.compile(r"\s*(?:" + _alternation(comp["range_separators"]) + r")\s*"),
        approximate_separator=regex.compile(_alternation(comp["approximate_separators"])),
        list_separator=regex.compile(_alternation(comp["list_separators"])),
        # a closing suffix only before a stop or 的 (增加一倍多；, not …六百亿元多出54%)
        suffix=regex.compile(
            f"{_alternation(comp['suffix'])}|(?:{_alternation(comp['closing_suffix'])})"
            f"(?=[{regex.escape(CLAUSE_STOPS)}]|{_alternation(comp['closing_before'])}|$)"
        ),
        prefix=regex.compile(f"(?:{_alternation(comp['prefix'])})$"),
        prefix_width=max(map(len, comp["prefix"])),
        # 约增长百分之三十三: the prefix word before the verb that comes before the number
        prefix_verb=regex.compile(
            f"(?P<prefix>{_alternation(comp['prefix'])})(?:{_alternation(comp['prefix_verbs'])})$"
        ),
        not_prefix=tuple(comp["not_prefix"]),
        suffix_words={**comp["closing_suffix"], **comp["suffix"]},
        prefix_words=comp["prefix"],
        marks=marks,
        clause_prefix=tuple(sorted(comp["clause_prefix"].items(), key=lambda kv: -len(kv[0]))),
        negative=regex.compile(f"(?:{_alternation(comp['negative_signs'])})$"),
        ordinal_prefixes=tuple(notq["ordinal_prefixes"]),
        basis_prefixes=tuple(sorted(notq["basis_prefixes"], key=len, reverse=True)),
        basis_dimensions=frozenset(notq["basis_dimensions"]),
        quote=regex.compile("|".join(quotes) or r"(?!)"),
        names=regex.compile("|".join(notq["name_patterns"]) or r"(?!)"),
        blocked_before=regex.compile(notq["blocked_before"]),
        blocked_before_chinese=regex.compile(notq["blocked_before_chinese"]),
        blocked_after=regex.compile(notq["blocked_after"]),
        min_chinese_count=notq["min_chinese_count"],
        per_unit_before=regex.compile(notq["per_unit_before"]),
        bare_chinese_scale=notq["bare_chinese_scale"],
        any_digit=regex.compile(f"[0-9０-９十{regex.escape(DIGIT_CHARS)}]"),
    )


@dataclass(slots=True)
class _Amount:
    """One end of a mention while it is being read."""

    start: int
    end: int
    value: Decimal
    chinese: bool
    percent_unit: str | None
    scaled: bool
    mark: str | None
    unit: str | None  # canonical unit name written after the number
    high: Decimal | None = None  # the upper end of an approximate amount in words (三四十亿)


def _scale(value: Decimal, cn: str | None, factor: Decimal, parse=parse_chinese) -> Decimal:
    """``value`` times a multiplier written after it; in a numeral with a larger group, only
    the part after that group (六亿三千多万, 1亿3千多万: 6亿 + 3千万, not 6亿3千 × 万)."""
    if cn:
        for i in range(len(cn) - 1, -1, -1):
            big = LARGE_GROUPS.get(cn[i])
            if big is not None and big > factor:
                head, rest = parse(cn[: i + 1]), parse(cn[i + 1 :]) if cn[i + 1 :] else Decimal(0)
                if head is not None and rest is not None:
                    return head + rest * factor
                break
    return value * factor


def _share(g: Grammar, text: str, m: regex.Match, part: Decimal, unit: str) -> _Amount:
    """A share written in words (三分之二, 七成) as an amount in ``unit`` (a percent unit),
    with the marks after it; no scale or unit follows a share."""
    unit_def = g.units.spelled(unit)
    end = g.tail.match(text, m.end()).end()
    marks = [t.group() for t in g.tail_token.finditer(text, m.end(), end) if t.group() in g.marks]
    mark = g.marks[marks[0]] if marks else None
    return _Amount(m.start(), end, part * 100 / unit_def.factor, True, unit_def.name, False, mark, None)


def _read_amount(g: Grammar, text: str, m: regex.Match) -> _Amount | None:
    """Number, multipliers/marks and unit starting at match ``m``."""
    if m["frac"]:
        # 三分之二 → 66.67 % (units.yaml fractions)
        num, den = parse_chinese(m["num"]), parse_chinese(m["den"])
        if num is None or not den or num > den:
            return None
        return _share(g, text, m, num / den, g.units.fractions[m["frac"]])
    if m["tenth"]:
        digit = parse_chinese(m["tdig"])  # 七成以上 → 70 % (units.yaml tenths)
        return None if digit is None else _share(g, text, m, digit / 10, g.units.tenths[m["tenth"]])
    if m["cn"] and read_one_by_one(m["cn"]):
        return None  # 制订了一九八一和一九八二两个年度计划: years written without 年
    read = _arabic(m) if m["ar"] else parse_arabic_groups(m["arc"]) if m["arc"] else parse_chinese(m["cn"])
    around = approximate(m["cn"]) if m["cn"] and read is None else None
    if around is not None:
        read = around[0]  # 三四十亿元: 30亿 to 40亿元
    if read is None:
        return None
    value = read
    groups = m["cn"] or m["arc"]  # a numeral with place words, which a multiplier after it scales in part
    parse = parse_arabic_groups if m["arc"] else parse_chinese
    pos = m.end()
    # 十亿人民, 六亿五千万人民: a numeral written with 万 or 亿 is an amount without a unit,
    # like 10亿人口 (not_quantities.yaml bare_chinese_scale)
    scale = g.bare_chinese_scale
    scaled = bool(groups) and any(g.units.factor(k) >= scale for k in g.units.multipliers if k in groups)
    mark = None
    t = g.tail.match(text, pos)
    for tok in g.tail_token.finditer(text, pos, t.end()):
        word = tok.group()
        if word in g.marks:
            mark = mark or g.marks[word]
        else:
            value = _scale(value, groups, g.units.factor(word), parse)
            scaled = True
    pos = t.end()
    unit = None
    u = g.unit.match(text, pos) or (g.unit.match(text, pos + 1) if text.startswith(" ", pos) else None)
    if u is None:
        u = _unit_past_a_break(g, text, m.start(), pos)
    if u:
        unit = g.units.spelled(u.group()).name
        pos = u.end()
        if mark is None:
            # 2个多百分点: a mark inside a measure word of two parts (个 + 百分点)
            inside = next((w for w in g.marks if text.startswith(w, pos)), "")
            rest = g.unit.match(text, pos + len(inside)) if inside else None
            whole = g.units.unit(u.group() + rest.group()) if rest else None
            if rest and whole is not None:
                unit, mark, pos = whole.name, g.marks[inside], rest.end()
    percent_unit = g.units.prefix_units.get(m["pct"]) if m["pct"] else None
    high = value / around[0] * around[1] if around is not None else None
    share = g.units.spelled(percent_unit) if percent_unit else None
    if share is not None and share.base is not None:
        # 千分之五 → 0.5 %: a share written in words is a share in % (docs/annotation.md; ‰ as a
        # sign stays as written)
        value, percent_unit = value * share.factor, share.base
        high = high * share.factor if high is not None else None
    return _Amount(m.start(), pos, value, bool(m["cn"]), percent_unit, scaled, mark, unit, high)


# characters before a count searched for a basis per unit (not_quantities.yaml per_unit_before):
# longer than any basis it writes (平均每户), short enough to keep the scan linear
_BASIS_WINDOW = 8


def _unit_past_a_break(g: Grammar, text: str, start: int, pos: int) -> regex.Match | None:
    """The unit at ``pos`` that a word break (个人, 人民) hides, where the break's tail only
    opens a longer word: 二万四千多个人民公社 is 个 + 人民公社 (not 13亿多人口, 六亿人民, 一元化)."""
    u = g.unit_any.match(text, pos)
    brk = g.word_break.match(text, pos)
    if u is None or brk is None:
        return None
    rest = brk.group()[len(u.group()) :]
    n = start
    for w in cut(text[start : u.end() + 8]):
        n += len(w)
        if n == u.end():
            following = cut(text[n : n + 8])[:1]
            return u if following and following[0].startswith(rest) and len(following[0]) > len(rest) else None
        if n > u.end():
            return None
    return None


def _lone_digit(m: regex.Match) -> str | None:
    """The Chinese digit ``m`` reads when it is one digit alone (两 of 两、三倍), else None."""
    digit = m["cn"] if m["cn"] and len(m["cn"]) == 1 and not m["pct"] else None
    return digit if digit is not None and digit in DIGITS else None


def _listed_next(g: Grammar, text: str, m: regex.Match, first: _Amount) -> regex.Match | None:
    """The number after the approximate separator right after the lone digit at ``m`` (三倍 of
    两、三倍, 三百亿度 of 二、三百亿度), when it is in words and no share."""
    if _lone_digit(m) is None or first.end != m.end():
        return None
    sep = g.approximate_separator.match(text, first.end)
    m2 = g.number.match(text, sep.end()) if sep else None
    return m2 if m2 is not None and m2["cn"] and not m2["pct"] else None


def _approximate_pair(g: Grammar, text: str, m: regex.Match, first: _Amount) -> _Amount | None:
    """二、三百亿度: a lone digit, the approximate separator, then an amount in words opening
    with the next digit and a place value — one amount, 200 to 300亿度. Returns the low end
    (with the unit and scale of the second) whose ``high`` is the second, or None."""
    m2 = _listed_next(g, text, m, first)
    if m2 is None or first.unit or first.scaled or approximate(m["cn"] + m2["cn"]) is None:
        return None
    second = _read_amount(g, text, m2)
    if second is None or second.high is not None:
        return None
    low = second.value / DIGITS[m2["cn"][0]] * DIGITS[m["cn"]]
    return replace(second, start=first.start, value=low, high=second.value)


def _vague_pair(g: Grammar, text: str, m: regex.Match, first: _Amount) -> bool:
    """Is the lone digit at ``m`` one of two neighbouring digits with no place value, 、
    between them (增加两、三倍, 多五、六倍)? Like 五六倍, too vague to read: neither is an amount.
    (With a place value they are one: 二、三百亿度, :func:`_approximate_pair`.)"""
    digit = _lone_digit(m)
    if digit is None:
        return False
    m2 = _listed_next(g, text, m, first)
    if m2 is not None and _lone_digit(m2) is not None and DIGITS[m2["cn"]] == DIGITS[digit] + 1:
        return True  # the first of the two (两 of 两、三倍)
    # the second (三倍 of 两、三倍): the digit before it is alone, not an ordinal's (第一、二季度)
    if m.start() < 2 or not g.approximate_separator.fullmatch(text[m.start() - 1]):
        return False
    before = text[m.start() - 2]
    opening = text[: m.start() - 2]
    return (
        DIGITS.get(before) == DIGITS[digit] - 1
        and not opening.endswith(tuple(CHINESE_NUMERAL_CHARS))
        and not opening.endswith(g.ordinal_prefixes)
    )


def _dated(text: str, second: _Amount) -> bool:
    """Is the bare number ``second`` a year (一九五七年, 2020年): four digits before 年?"""
    return text.startswith(YEAR_MARK, second.end) and second.end - second.start == 4


def _is_range(first: _Amount, second: _Amount) -> bool:
    """Two amounts joined by a separator form a range: 3-5所, 6%－6.5%, 百分之八至九.

    Not 3000个到2020年 (the second number has no unit), nor 5-3所 (a date-like span).
    """
    if second.value < first.value:
        return False
    first_unit = first.unit or first.percent_unit
    second_unit = second.unit or second.percent_unit
    if first_unit and second_unit:
        return first_unit == second_unit
    if first.unit:
        return False  # 15所到2020年
    return bool(second_unit or first.percent_unit or second.scaled)


def _inherit_from_list(g: Grammar, text: str, first: _Amount, depth: int = 0) -> None:
    """A number listed before an amount takes its unit, and its scale if it has none.

    小微企业、“三农”贷款增速…分别高4.2和0.7个百分点 (gov-report 2014): 4.2 is in 个百分点
    too; 10.6万、3.8万、3.3万平方公里: every number is in 平方公里. The later amounts are
    found on their own.
    """
    join = g.list_separator.match(text, first.end)
    if not join or depth > 8:
        return
    m2 = g.number.match(text, join.end())
    second = _read_amount(g, text, m2) if m2 else None
    if second is None:
        return
    if not (second.unit or second.percent_unit):
        if second.percent_unit is None and not second.chinese:
            _inherit_from_list(g, text, second, depth + 1)  # 10.6万、3.8万、3.3万平方公里
        if not second.unit:
            return
    first.unit = second.unit or second.percent_unit
    if second.scaled and not first.scaled:
        first.value *= second.value / _unscaled(g, text, m2)
        first.scaled = True


def _in_spans(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


@lru_cache(maxsize=16)
def _clause_ends(text: str) -> list[int]:
    """Positions of the clause-ending marks of a passage (cached: asked once per amount)."""
    return [m.start() for m in CLAUSE_END.finditer(text)]


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``[start, end)``: from after the last mark before ``start`` to the next mark."""
    ends = _clause_ends(text)
    i = bisect.bisect_left(ends, start)
    j = bisect.bisect_left(ends, end)
    cs = ends[i - 1] + 1 if i > 0 else 0
    ce = ends[j] if j < len(ends) else len(text)
    return max(cs, start - _CLAUSE_REACH), min(ce, end + _CLAUSE_REACH)


@dataclass(frozen=True, slots=True)
class _Mention:
    """An amount as read: its span (prefix comparator to suffix), value, unit, comparator."""

    start: int
    end: int
    value: Decimal
    value_max: float | None
    unit: str
    comparator: str
    clause: tuple[int, int]
    bounded: bool  # the comparator is a word of bound (以上, 不到, 突破), not a mark (多, 余)


def _read_mention(g: Grammar, text: str, m: regex.Match) -> _Mention | None:
    """The amount starting at number match ``m``, or None when it is no amount.

    Reads a range (3-5所) or a single amount, the unit a listed bare number borrows
    (4.2和0.7个百分点), and the comparator: range, then a suffix (以上), a prefix (不低于),
    a mark (多/余), a word earlier in the clause (至少要建设2个), else ``=``.
    """
    first = _read_amount(g, text, m)
    if first is None or _vague_pair(g, text, m, first):
        return None
    first = _approximate_pair(g, text, m, first) or first
    last = first if first.high is None else replace(first, value=first.high)
    m2 = None
    sep = g.separator.match(text, first.end) if last is first else None
    if sep:
        m2 = g.number.match(text, sep.end())
        second = _read_amount(g, text, m2) if m2 else None
        if second is not None and second.unit is None and _dated(text, second):
            second = None  # 百分之六十点三到一九五七年下降为…: a year, no end of a range
        if second is not None and _is_range(first, second):
            last = second
    is_range = last is not first
    if not is_range and first.unit is None and not first.percent_unit:
        _inherit_from_list(g, text, first)
    unit = last.unit or first.unit or last.percent_unit or first.percent_unit
    scaled = first.scaled or last.scaled
    if unit is None and not scaled:
        return None  # a bare number: a code, a year, a list label
    unit_def = g.units.unit(unit) if unit else None
    end = last.end
    # half a unit more: 人均只有一亩半耕地 = 1.5亩, 平均每户一头半 = 1.5头 (not 一个半月, 半导体, 半年,
    # where jieba reads 半 into a word of its own)
    halved = (
        not is_range and unit_def is not None and text.startswith(HALF, end) and cut(text[end : end + 6])[0] == HALF
    )
    if (
        first.chinese
        and not is_range
        and not first.percent_unit
        and not scaled
        and first.value < g.min_chinese_count
        and first.value == first.value.to_integral_value()
        and unit_def is not None
        and unit_def.classifier
        and not halved  # a count with a half is an average, an amount
        and not g.per_unit_before.search(text, max(0, m.start() - _BASIS_WINDOW), m.start())  # 平均每户两头以上
    ):
        return None  # 一批, 两个指标, 三个代表: an article or a slogan count (not 一点二所)
    half = Decimal(0)
    if halved:
        half, end = Decimal("0.5"), end + len(HALF)
    suf = g.suffix.match(text, end)
    if suf:
        end = suf.end()
    if end < len(text) and g.blocked_after.match(text, end) and not (unit and _HAN_END.search(unit)):
        return None  # 10MB2, 3A级; but 接待重要外宾20批146人次 is two amounts
    start = m.start()
    pre = g.prefix.search(text, max(0, start - g.prefix_width), start)
    if pre and any(text.endswith(w, 0, start) for w in g.not_prefix):
        pre = None  # 节约10%
    sign = 1
    if _negative(g, text, start):
        sign, start = -1, start - 1  # 负5%, 增长-12.5%
        pre = g.prefix.search(text, max(0, start - g.prefix_width), start)
        if pre and any(text.endswith(w, 0, start) for w in g.not_prefix):
            pre = None
    mention_start = pre.start() if pre else start
    clause = _clause(text, mention_start, end)
    if is_range:
        comparator = "range"
    elif suf:
        comparator = g.suffix_words[suf.group()]
    elif pre:
        comparator = g.prefix_words[pre.group()]
    elif first.mark:
        comparator = first.mark
    else:
        before = text[clause[0] : mention_start]
        verb = g.prefix_verb.search(before)
        if verb and not any(before.endswith(w, 0, verb.end("prefix")) for w in g.not_prefix):
            comparator = g.prefix_words[verb.group("prefix")]  # 约增长百分之三十三
        else:
            comparator = next((c for w, c in g.clause_prefix if w in before), "=")
    value = first.value + half
    if is_range and not first.scaled and last.scaled and first.unit is None:
        value = first.value * (last.value / _unscaled(g, text, m2))  # 3-5万人 = 3万 to 5万
    return _Mention(
        start=mention_start,
        end=end,
        value=sign * value,
        value_max=float(last.value) if is_range else None,
        unit=unit or "",
        comparator=comparator,
        clause=clause,
        bounded=bool(suf or pre) and comparator in (">=", "<=", ">", "<"),
    )


def read_table_cell(cell: str, unit: str = "") -> tuple[float, float | None, str, str] | None:
    """The amount a table cell states on its own (6.5左右, ≥95, 120.5, 3-5, 8%), as
    (value, value_max, unit, comparator); ``unit`` (written as in text: 亿元, 万人, %) is
    the one its column or row names, read after each number that writes none. None when
    the cell holds anything besides one amount (与经济增长同步, 完成省下达任务, —)."""
    g = grammar()
    cell = cell.strip()
    if unit:
        pieces, pos = [], 0
        for m in g.number.finditer(cell):
            if m.start() < pos:
                continue
            end = g.tail.match(cell, m.end()).end()
            pieces.append(cell[pos:end])
            if not g.unit_any.match(cell, end):
                pieces.append(unit)
            pos = end
        cell = "".join(pieces) + cell[pos:]
    m = g.number.search(cell)
    mention = _read_mention(g, cell, m) if m else None
    if mention is None or cell[: mention.start].strip() or cell[mention.end :].strip():
        return None
    return float(mention.value), mention.value_max, mention.unit, mention.comparator


def _negative(g: Grammar, text: str, start: int) -> bool:
    """A minus sign right before the number: 负5%, 增长-12.5% — but not the hyphen of a
    range or span (3-5所, 6%－6.5%, 2018-2020年) nor the 负 of a word (税负5700多亿元)."""
    if start == 0 or not g.negative.search(text, start - 1, start):
        return False
    if any(text.endswith(w, 0, start) for w in g.not_prefix):
        return False
    if text[start - 1] == "负":
        return True
    before = text[start - 2] if start > 1 else ""
    if not before:
        return True
    if _LATIN_OR_DIGIT.match(before) or before in "%％‰":
        return False  # 3-5所, 6%－6.5%
    return g.units.unit(before) is None and before not in g.units.multipliers  # 5万元－3万元


def extract_quantities(
    text: str, *, offset: int = 0, context: Context = Context(), times: Sequence[TimeExpr] | None = None
) -> list[Quantity]:
    """Every stated amount in ``text`` (a passage starting at ``offset`` in the document).

    ``times``: the passage's times as :func:`extract_times` found them for the same
    ``offset`` and ``context`` (the pipeline passes the ``times`` table's records, so a
    passage's times are read once); found here when not given."""
    g = grammar()
    if not g.any_digit.search(text):
        return []
    skip_spans = sorted([m.span() for m in g.quote.finditer(text)] + [m.span() for m in g.names.finditer(text)])
    skip_starts = [s for s, _ in skip_spans]
    sentences: SentenceIndex | None = None
    read: list[tuple[_Mention, int, tuple[int, int], Found, bool]] = []
    previous: dict[int, list[Found]] = {}  # sentence start -> what the amounts before found
    # sentence start -> where the amounts before that count the noun after them end, in
    # order (every amount ends after the one before it), so in_count is one bisection
    count_ends: dict[int, list[int]] = {}
    ends = _clause_ends(text)
    # the passage's times, found once: no subject takes one in (五年全社会固定资产投资累计), and
    # the kind and period rules read them (offsets into the passage from here on)
    if times is None:
        times, shift = extract_times(text, context=context), 0
    else:
        shift = offset
    time_spans = [(t.char_start - shift, t.char_end - shift) for t in times]
    consumed = 0
    basis_spans: list[tuple[int, int]] = []
    for m in g.number.finditer(text):
        start = m.start()
        if start < consumed or _in_spans(skip_spans, skip_starts, start):
            continue
        if start > 0 and g.blocked_before.match(text, start - 1):
            continue
        if start > 0 and m["cn"] and not m["pct"] and g.blocked_before_chinese.match(text, start - 1):
            continue
        if any(text.endswith(p, 0, start) for p in g.ordinal_prefixes):
            continue
        mention = _read_mention(g, text, m)
        if mention is None:
            continue
        consumed = mention.end
        basis = next((p for p in g.basis_prefixes if text.endswith(p, 0, mention.start)), "")
        if basis and _dimension(g, mention.unit) in g.basis_dimensions:
            # 最低收购价每50公斤提高5到7元: the quantity a price is given per, no amount; the
            # subjects of the amounts after it read past it
            basis_spans.append((mention.start - len(basis), mention.end))
            continue
        if sentences is None:
            sentences = SentenceIndex(text)
        span = sentences.span_at(start)
        in_sentence = previous.setdefault(span[0], [])
        unit_def = g.units.unit(mention.unit) if mention.unit else None
        found = find_subject(
            text,
            mention.start,
            mention.end,
            mention.clause,
            bool(unit_def and unit_def.classifier),
            in_sentence,
            span[0],
            g.next_amount,
            ends,
            written_count=g.written_count,
            bounded=mention.bounded,
            time_spans=time_spans,
            basis_spans=basis_spans,
            unitless=not mention.unit,
            rate=bool(unit_def and unit_def.dimension in subject_words().rate_dimensions),
            multiple=bool(unit_def and unit_def.dimension == "ratio"),
        )
        counts = count_ends.setdefault(span[0], [])
        # a count earlier in the clause ends in (clause start, amount start]
        i = bisect.bisect_right(counts, mention.start) - 1
        in_count = i >= 0 and mention.clause[0] < counts[i]
        in_sentence.append(found)
        if found.number_first:
            counts.append(found.end)
        read.append((mention, start, span, found, in_count))
    if not read:
        return []
    dimensions = [_dimension(g, m.unit) for m, *_ in read]
    subjects = _shared_out(text, read)
    subjects = carry_through_list(
        text, [(m.clause, m.start, d, s) for (m, *_), d, s in zip(read, dimensions, subjects)]
    )
    subjects = after_a_colon(
        text,
        [(m.clause, m.start, d, s) for (m, *_), d, s in zip(read, dimensions, subjects)],
        subjects,
        context.lead,
    )
    counted: list[tuple[tuple[int, int], int, int, str | None, bool]] = [
        (span, m.start, m.end, m.unit, _classifier(g, m.unit)) for m, _, span, *_ in read
    ]
    subjects = parts_of_a_count(text, counted, subjects)
    subjects = parts_after_a_total(text, counted, [m.value for m, *_ in read], subjects)
    spans = [(m.start, m.end) for m, *_ in read]
    turns = turns_of(text, spans)  # found once: the subject rules and the period rules read them
    subjects = turned_changes(text, spans, turns, subjects)
    turned_from = {j: (t.fro, i, len(t.before)) for t in turns for i, j in enumerate(t.before)}
    amount_spans = [(m.start, m.end, d) for (m, *_), d in zip(read, dimensions)]  # for the list passes
    listed = shared_list_head(text, amount_spans, subjects)
    if listed != subjects:
        # the items after a list that took its lead go on taking it (…、电气化里程二千四百公里，
        # 港口深水泊位吞吐能力一亿吨 → 新增港口深水泊位吞吐能力)
        listed = carry_through_list(
            text, [(m.clause, m.start, d, s) for (m, *_), d, s in zip(read, dimensions, listed)]
        )
    subjects = without_named_examples(examples_of_a_kind(text, amount_spans, listed))
    subjects = _timeless_subjects(subjects, read)
    subjects = _paired_counts(text, subjects, read)
    subjects = owners_named_before(text, [(span, m.clause[0], m.start, m.end) for m, _, span, *_ in read], subjects)
    outlays = [(m.clause[0], m.start, m.end, d) for (m, *_), d in zip(read, dimensions)]
    subjects = purposes_of_outlays(text, outlays, subjects)
    limits, occurrences = subject_words().limit_dimensions, subject_words().occurrence_units
    subjects = [
        _done_within(text, m, s) if (m.comparator == "<=" and d in limits) or m.unit in occurrences else s
        for (m, *_), d, s in zip(read, dimensions, subjects)
    ]
    frames = TimeFrame(text, context, times, shift) if context.year else None  # times of the passage and its headings
    if frames is not None:
        frames.amount_starts = [mention.start for mention, *_ in read]
    cues = SentenceCues(text)  # the cue words of each sentence, read once for all its amounts
    out = []
    nexts = [m.start for m, *_ in read[1:]] + [len(text) + 1]
    for k, ((mention, start, span, found, in_count), subject, nxt, dimension) in enumerate(
        zip(read, subjects, nexts, dimensions)
    ):
        unit_def = g.units.unit(mention.unit) if mention.unit else None
        reading = Reading(
            start=mention.start,
            number_start=start,
            end=mention.end,
            clause=mention.clause,
            sentence=span,
            comparator=mention.comparator,
            bounded=mention.bounded,
            dimension=dimension,
            classifier=bool(unit_def and unit_def.classifier),
            subject=subject,
            # a verb inside a relative clause (符合减税政策的纳税人) does not count
            subject_has_verb=has_verb(subject.rsplit(subject_words().particle, 1)[-1]) if subject else False,
            phrase_start=found.phrase_start,
            followed_by_de=text.startswith(subject_words().particle, mention.end),
            noun_after=found.noun_after,
            in_count=in_count,
            before_amount=not text[mention.end : nxt].strip(),
            turned_from=turned_from.get(k),
        )
        kind, period_start, period_end = classify(text, reading, context, frames, cues)
        out.append(
            Quantity(
                text=text[mention.start : mention.end],
                char_start=offset + mention.start,
                char_end=offset + mention.end,
                sentence=text[span[0] : span[1]],
                value=float(mention.value),
                value_max=mention.value_max,
                unit=mention.unit,
                comparator=mention.comparator,
                subject=subject,
                indicator=indicator_for(subject, mention.unit or None),
                kind=kind,
                period_start=period_start,
                period_end=period_end,
            )
        )
    return out


def _shared_out(text: str, read: list) -> list[str]:
    """The subjects after lists are shared out (A、B分别X、Y), sentence by sentence."""
    words = subject_words()
    subjects = [found.subject for _, _, _, found, _ in read]
    out: list[str] = []
    i = 0
    while i < len(read):
        j = i
        while j + 1 < len(read) and read[j + 1][2] == read[i][2]:
            j += 1
        said = [text[mention.clause[0] : mention.start] for mention, *_ in read[i : j + 1]]
        flags = [any(w in x for w in words.respectively) for x in said]
        # 分别 written out, not a one-character word that may be part of another (the 均 of 平均)
        explicit = [any(w in x for w in words.respectively if len(w) > 1) for x in said]
        shared = distribute(text, subjects[i : j + 1], [m.start for m, *_ in read[i : j + 1]], flags, explicit)
        out.extend(_respectively_back(text, read[i : j + 1], shared, flags))
        i = j + 1
    return out


def _respectively_back(text: str, read: list, subjects: list[str], flags: list[bool]) -> list[str]:
    """A、B amounts listed first and 分别增长 X、Y after them: X is A's growth, Y is B's
    (全年来岚游客达380万人次、旅游收入27亿元，分别增长30%、45%以上, pingtan-gov-report 2018).

    The amounts of one clause run together; the earlier amounts of other clauses are
    looked up walking back from the run, as many as the run needs, so a sentence of n
    amounts takes n steps, not n².
    """
    words = subject_words()
    out = list(subjects)
    by_clause: dict[tuple[int, int], list[int]] = {}
    for i, item in enumerate(read):
        by_clause.setdefault(item[0].clause, []).append(i)
    k = 0
    while k < len(read):
        clause = read[k][0].clause
        group = by_clause[clause]
        run = group[bisect.bisect_left(group, k) :]
        k = run[-1] + 1
        first = read[run[0]][3]
        change = _bare_change(first.before, words) if len(run) > 1 else None
        if change is None or not (flags[run[0]] or _listed(text, [read[i][0] for i in run], words)):
            continue
        earlier: list[int] = []  # the last len(run) amounts before the run in other clauses
        i = run[0] - 1
        while i >= 0 and len(earlier) < len(run):
            if read[i][0].clause != clause:
                earlier.append(i)
            i -= 1
        if len(earlier) < len(run):
            continue
        levels = [level(subjects[e]) for e in reversed(earlier)]
        if not all(levels) or len(set(levels)) < len(levels):
            continue
        for i, measure in zip(run, levels):
            out[i] = measure + first.reckoning + change  # …，扣除价格因素，分别实际增长7.7%和6.8%
    return out


def _timeless_subjects(subjects: list[str], read: list) -> list[str]:
    """The subjects without their times; one left with nothing but its change continues the
    measure of the amount before it in its sentence (1984年全国职工工资总额比上年增长19%，其中
    第四季度增长38% → 全国职工工资总额增长)."""
    words = subject_words()
    out: list[str] = []
    for i, (subject, item) in enumerate(zip(subjects, read)):
        timeless = without_times(subject)
        if timeless != subject and timeless in words.change and i and read[i - 1][2] == item[2] and out[-1]:
            timeless = level(out[-1]) + timeless
        out.append(timeless)
    return out


def _paired_counts(text: str, subjects: list[str], read: list) -> list[str]:
    """A count with nothing to count, written right before another count, counts what that one
    does (将4852户8240名城乡困难群众纳入低保管理: households and persons of one group)."""
    out = list(subjects)
    for i in range(len(out) - 2, -1, -1):
        here, after = read[i][0], read[i + 1][0]
        if not out[i] and out[i + 1] and not text[here.end : after.start].strip(" "):
            out[i] = out[i + 1]
    return out


_AFTER_END = regex.compile(char_class(LIST_COMMA) + "|" + PHRASE_END.pattern)


def _done_within(text: str, mention, subject: str) -> str:
    """A time limit names what is to be done within it: 最迟5小时内发布权威信息、24小时内举行
    新闻发布会 → 发布权威信息, 举行新闻发布会 — the verb phrase after the amount, when one
    follows; else the subject found before it. A count of times names what is done that often
    (先后4次降低存款准备金率 → 降低存款准备金率)."""
    stop = _AFTER_END.search(text, mention.end)
    after = text[mention.end : stop.start() if stop else len(text)]
    tokens = tag(after)
    verb = bool(tokens) and (
        tokens[0][1].startswith("v") or (tokens[0][1] in ("d", "ad") and tokens[1:2] and tokens[1][1].startswith("v"))
    )
    if not verb or len(after) > 24:
        return subject
    words = subject_words()
    head, particle, tail = after.rpartition(words.particle)
    last = tag(tail)[-1:] if tail else ()
    if particle and head and last and (last[0][0] in words.non_naming or last[0][1] == "v"):
        after = head  # 举行新闻发布会的时限要求: the requirement is no part of what is done
    return strip_edges(after) or subject  # the verb stays: it is what is done


def _bare_change(before: str, words: SubjectWords) -> str | None:
    """The change a clause names without naming a measure (实际增长, 平均每年实际增长; 比1995年
    增长 → 增长; a change to a rate of change, 减为增长 → 增长), or None when it names one."""
    to_level = words.to_level_re.match(before)
    if to_level and to_level.end() < len(before):
        before = before[to_level.end() :]  # …分别增长5.6%和13.1%，减为增长1.2%和1.8%
    tokens = [w for w, _ in tag(before)] if before else []
    if not tokens or tokens[-1] not in words.change:
        return None
    kept: list[str] = []
    skipping = False
    for w in tokens:
        if w in words.comparison_marks:
            skipping = True  # 比1995年, 比上年, 较去年同期: the base goes
        elif w in words.change or w in words.change_manners:
            skipping = False
            if w not in words.respectively:
                kept.append(w)
        elif not skipping:
            return None
    return "".join(kept) if kept and not skipping else None


def _listed(text: str, mentions: list, words: SubjectWords) -> bool:
    """The amounts of a run follow each other joined only by list words (8.4%和8%)."""
    return all(text[a.end : b.start].strip() in words.list_words for a, b in zip(mentions, mentions[1:]))


def _dimension(g: Grammar, unit: str | None) -> str | None:
    unit_def = g.units.unit(unit) if unit else None
    return unit_def.dimension if unit_def else None


def _classifier(g: Grammar, unit: str | None) -> bool:
    unit_def = g.units.unit(unit) if unit else None
    return bool(unit_def and unit_def.classifier)


def _unscaled(g: Grammar, text: str, m: regex.Match) -> Decimal:
    """The bare number of match ``m`` before multipliers (for 3-5万人)."""
    value = _arabic(m) if m["ar"] else parse_arabic_groups(m["arc"]) if m["arc"] else parse_chinese(m["cn"])
    return value if value else Decimal(1)


def _arabic(m: regex.Match) -> Decimal | None:
    """The Arabic number of match ``m``: one space read through (8 .8), full-width thousands
    commas (27，203，319) and a middle dot as the decimal point (19·5%, gov-report 1999)."""
    return parse_arabic(m["ar"].replace(" ", "").replace("，", ",").replace("·", "."))
