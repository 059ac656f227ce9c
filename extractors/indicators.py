"""Map the subject of a quantity to an indicator key that is stable across years and issuers.

Plans word one measure several ways (国内生产总值增长 / 经济增长 / GDP增速; 居民消费价格涨幅 /
居民消费价格指数上涨; 规模以上 / 规上工业增加值; a subsidy 增加 one year and 提高 the next),
and ``target_series`` must line them up, so the key comes from the measure vocabulary
(``data/measures.yaml``, open to drop-in files in ``data/measures.d/``). A subject that
names no known measure gets a key made from its own words, cleaned the same way every year.
"""

from __future__ import annotations

from collections.abc import Mapping as MappingType
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import regex

from extractors.language_data import (
    EXTRACTORS_DATA,
    DataFile,
    Mapping,
    OneOf,
    Optional,
    Pattern,
    Record,
    Strings,
    Text,
    check_file,
    fail,
    load,
    register,
)
from extractors.numerals import DIGIT_CHARS
from extractors.segmentation import tag, word_tag
from extractors.units import registry

MEASURES_FILE = EXTRACTORS_DATA / "measures.yaml"
MEASURES_DIR = EXTRACTORS_DATA / "measures.d"

DIRECTIONS = frozenset({"floor", "ceiling", "point"})
CHANGE_CLASSES = ("up", "down")

_ADVERBS = frozenset({"d", "ad"})
# Quotes, brackets, list commas, dots and spaces never distinguish two measures.
_NOISE = regex.compile(r"[\s“”‘’\"'《》〈〉「」『』()（）\[\]【】、,，:：;；。.．·]+")

_MEASURE = Record(direction=OneOf(*sorted(DIRECTIONS)), unit=Optional(Text()), aliases=Optional(Strings(), default=[]))
_CHANGE = Record(words=Strings(allow_empty=False), percent=Text(), percentage_point=Text(), other=Text())
MEASURES_SPEC = Record(
    measures=Mapping(_MEASURE, allow_empty=False),
    key_filler=Strings(),
    key_filler_kept=Strings(),
    key_filler_kept_at_end=Strings(),
    counters=Strings(allow_empty=False),
    comparison_bases=Strings(),
    changes=Record(up=_CHANGE, down=_CHANGE),
    change_particle=Text(),
    comparatives=Record(up=Strings(), down=Strings()),
    scope=Strings(),
    key_scope=Strings(),
    item_marker=Pattern(),
    keep_adverbs=Strings(),
    manner_words=Strings(),
    narrowing=Strings(),
    foreign=Strings(),
    named_before=Strings(),
    produce=Strings(),
    share_marks=Strings(),
    key_times=Pattern(),
    adjustments=Strings(Pattern()),
    compared_with=Record(mark=Text(), not_after=Strings(), not_before=Strings()),
    multiple_bases=Strings(allow_empty=False),
)
EXTRA_MEASURES_SPEC = Record(measures=Mapping(_MEASURE, allow_empty=False))
MEASURES_DATA = register("measures", MEASURES_FILE, MEASURES_SPEC, "extractors/indicators.py")


@dataclass(frozen=True, slots=True)
class Indicator:
    """A known measure: its key, which way is better, its unit dimension, its wordings."""

    key: str
    direction: str
    unit: str | None
    variants: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class IndicatorTable:
    indicators: MappingType[str, Indicator]
    # (base, change class or "", key) of every wording, longest base first
    lookup: tuple[tuple[str, str, str], ...]
    by_base: MappingType[str, tuple[tuple[str, str], ...]]  # base -> ((change, key), ...)
    filler_re: regex.Pattern
    base_re: regex.Pattern
    change_re: regex.Pattern  # a change word at the end, group "w"
    opening_change_re: regex.Pattern  # a change verb opening a subject (减少财政收入), group "w"
    comparative_re: regex.Pattern
    change_class: MappingType[str, str]
    canonical: MappingType[str, MappingType[str, str]]
    scope_re: regex.Pattern
    item_re: regex.Pattern
    keep_adverbs: frozenset[str]
    manner_words: tuple[str, ...]  # 全面, 持续: words of manner jieba does not tag as adverbs
    narrowing: tuple[str, ...]  # right before a known measure they make another (人均, 工业)
    foreign: tuple[str, ...]  # owners abroad (英国, 世界): their measure is not the issuer's
    named_before: tuple[str, ...]  # pronouns for an owner named earlier (他们原定的煤炭产量)
    produce: frozenset[str]  # 生产 before a one-character measure (生产钢)
    share_marks: tuple[str, ...]  # 占: a measure after it is the whole of a share
    times_re: regex.Pattern  # times and bases of comparison in a time (比1983年, 五年, “六五”期间)
    adjustment_re: regex.Pattern  # how a figure was reckoned (按可比价格计算, 扣除物价因素)
    particle: str  # 的 (change_particle): left at the end by a filler word, it goes too
    compared_re: regex.Pattern  # 比 opening a base of comparison written any way
    multiple_bases: tuple[str, ...]  # 是, 相当于: before the base a multiple is of, longest first
    multiple_base_re: regex.Pattern  # such a base ending a subject (…是1997年的)


def after_a_count(counters) -> str:
    """A lookbehind: not right after a numeral and a counter (两个确保, 第一个五年), where what
    follows is part of a counted name."""
    return "".join(f"(?<![{DIGIT_CHARS}\\d]{regex.escape(c)})" for c in counters)


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) or r"(?!)"


def build_table(raw: object, path: Path = MEASURES_FILE, extra: tuple[tuple[Path, dict], ...] = ()) -> IndicatorTable:
    """Check the parsed YAML of ``measures.yaml`` (and of drop-in files) and build the table."""
    data: dict[str, Any] = MEASURES_SPEC.check(raw, Path(path), "")
    change_class = {w: cls for cls in CHANGE_CLASSES for w in data["changes"][cls]["words"]}
    canonical = {
        cls: MappingProxyType({k: v for k, v in data["changes"][cls].items() if k != "words"}) for cls in CHANGE_CLASSES
    }
    table = IndicatorTable(
        indicators=MappingProxyType({}),
        lookup=(),
        by_base=MappingProxyType({}),
        # a filler after a count (两个确保, a counted slogan's name) is part of that name
        filler_re=regex.compile(
            f"(?:{_alternation(data['key_filler_kept'])}|(?:{_alternation(data['key_filler_kept_at_end'])})$)(*SKIP)(*FAIL)|"
            f"{after_a_count(data['counters'])}(?:{_alternation(data['key_filler'])})"
        ),
        base_re=regex.compile(_alternation(data["comparison_bases"])),
        # 工农业总产值的增长: the particle before a change word at the end goes with it
        change_re=regex.compile(f"(?:{regex.escape(data['change_particle'])})?(?P<w>{_alternation(change_class)})$"),
        opening_change_re=regex.compile(f"^(?P<w>{_alternation(change_class)})"),
        comparative_re=regex.compile(
            f"(?P<w>{_alternation(data['comparatives']['up'] + data['comparatives']['down'])})$"
        ),
        change_class=MappingProxyType(
            {**change_class, **{w: c for c in CHANGE_CLASSES for w in data["comparatives"][c]}}
        ),
        canonical=MappingProxyType(canonical),
        scope_re=regex.compile(f"^(?:{_alternation(data['scope'] + data['key_scope'])})"),
        item_re=regex.compile(data["item_marker"]),
        keep_adverbs=frozenset(data["keep_adverbs"]),
        manner_words=tuple(sorted(data["manner_words"], key=len, reverse=True)),
        narrowing=tuple(data["narrowing"]),
        foreign=tuple(data["foreign"]),
        named_before=tuple(data["named_before"]),
        produce=frozenset(data["produce"]),
        share_marks=tuple(data["share_marks"]),
        times_re=regex.compile(data["key_times"]),
        adjustment_re=regex.compile("|".join(f"(?:{p})" for p in data["adjustments"]) or r"(?!)"),
        particle=data["change_particle"],
        compared_re=regex.compile(
            f"(?<![{regex.escape(''.join(data['compared_with']['not_after']))}])"
            f"{regex.escape(data['compared_with']['mark'])}"
            f"(?![{regex.escape(''.join(data['compared_with']['not_before']))}])"
        ),
        multiple_bases=tuple(sorted(data["multiple_bases"], key=len, reverse=True)),
        multiple_base_re=regex.compile(
            f"(?<=\\p{{Han}})(?:{_alternation(data['multiple_bases'])})[\\p{{Han}}0-9]{{1,12}}{regex.escape(data['change_particle'])}$"
        ),
    )
    dimensions = registry().dimensions
    indicators: dict[str, Indicator] = {}
    owner: dict[tuple[str, str, str], tuple[str, str]] = {}  # (base, change, unit) -> (key, file)
    sources = ((Path(path), data["measures"]),) + tuple((p, d["measures"]) for p, d in extra)
    for source, measures in sources:
        for key, entry in measures.items():
            where = f"measures.{key}"
            if key in indicators:
                raise fail(source, where, f"measure {key} is already defined ({owner_file(owner, key)})")
            if entry["unit"] is not None and entry["unit"] not in dimensions:
                raise fail(source, where, f"unit {entry['unit']!r} is not a dimension of units.yaml")
            variants = tuple(dict.fromkeys((key, *entry["aliases"])))
            indicators[key] = Indicator(key, entry["direction"], entry["unit"], variants)
            for v in variants:
                base, change = _split(table, _clean(table, v))
                if not base:
                    raise fail(source, where, f"alias {v!r} is empty once key_filler is removed")
                slot = (base, change, entry["unit"] or "")
                if slot in owner and owner[slot][0] != key:
                    raise fail(source, where, f"alias {v!r} already names {owner[slot][0]} ({owner[slot][1]})")
                owner[slot] = (key, source.name)
    lookup = tuple(sorted(((b, c, k) for (b, c, _), (k, _) in owner.items()), key=lambda t: (-len(t[0]), t)))
    by_base: dict[str, list[tuple[str, str]]] = {}
    for b, c, k in lookup:
        by_base.setdefault(b, []).append((c, k))
    return replace(
        table,
        indicators=MappingProxyType(indicators),
        lookup=lookup,
        by_base=MappingProxyType({b: tuple(v) for b, v in by_base.items()}),
    )


def owner_file(owner: dict, key: str) -> str:
    return next((f for (k, f) in owner.values() if k == key), "?")


def _extra_files() -> tuple[tuple[Path, dict], ...]:
    """The drop-in measure files of ``data/measures.d/``, each registered and checked."""
    out = []
    if MEASURES_DIR.is_dir():
        for p in sorted(MEASURES_DIR.glob("*.yaml")):
            df = register(f"measures.d/{p.stem}", p, EXTRA_MEASURES_SPEC, "extractors/indicators.py")
            out.append((p, load(df.name)))
    return tuple(out)


def load_table(path: Path = MEASURES_FILE) -> IndicatorTable:
    """Read and check a measures file (uncached; extractors use :func:`table`)."""
    return build_table(check_file(MEASURES_DATA, path), Path(path))


@cache
def table() -> IndicatorTable:
    """The project's measure vocabulary, loaded once per process."""
    return build_table(load("measures"), MEASURES_FILE, _extra_files())


_BASE_LONGEST = 15  # characters between 比 and the change: a base, not a clause


def _without_base(t: IndicatorTable, s: str) -> str:
    """``s`` without a base of comparison that runs up to the change at its end, whatever the
    base (社会保障基金积累比五年前增加 → 社会保障基金积累增加; 产品销售收入比年度计划增加,
    国防费支出比上年国防费决算数减少, 生产成本比年度计划多降低 → …降低): the base stays in the
    subject and leaves the key, so the measure's series does not split by what it is compared
    with."""
    change = t.change_re.search(s)
    if change is None:
        return s
    at = next(
        (m.start() for m in t.compared_re.finditer(s, 1, change.start()) if change.start() - m.end() <= _BASE_LONGEST),
        None,
    )
    if at is None or at + 1 == change.start() or t.base_re.match(s, at):
        return s  # 比上年 and the like leave by base_re (…企业比上年产值增长 → …企业产值增长)
    return s[:at] + s[change.start() :]


def _clean(t: IndicatorTable, subject: str) -> str:
    s = _NOISE.sub("", subject)
    s = t.multiple_base_re.sub("", s)  # a base leaves the key (高等学校在校生是1997年的 → 高等学校在校生)
    s = _without_base(t, s)
    s = t.base_re.sub("", s)
    unfilled = t.filler_re.sub("", s)
    if unfilled != s:
        # the particle before a filler word left at the end goes with it (部培养熟练工人的[计划]
        # → 部培养熟练工人, 超过原定的[年度计划] → 超过原定)
        unfilled = unfilled.removesuffix(t.particle)
    s = unfilled
    # a time is the period or the base of comparison, never the measure: 银行贷款总额比1983年
    # 增加, 进出口贸易总额一九九○年比一九八五年增长, 城乡居民的消费水平五年增长 → …增长
    s = _without_compared(t, s)
    s = t.times_re.sub("", s) or s
    s = t.adjustment_re.sub("", s) or s  # 国民收入按可比价格计算增长 → 国民收入增长
    for _ in range(3):
        before = s
        s = t.item_re.sub("", s)
        rest = t.scope_re.sub("", s)
        s = rest if len(rest) > 2 else s  # 全国首创 stays: 首创 alone names nothing
        if s == before:
            break
    # adverbs say how, not what: a key drops them (居民社会养老保险已参保缴费 →
    # 居民社会养老保险参保缴费; 能力持续提升 → 能力提升), the subject keeps the source words
    tokens = tag(s)
    if len(tokens) > 1:
        # an adverb before a verb (持续提升, 已参保); 特别国债 keeps its adverb-tagged 特别
        kept = []
        for i, (w, f) in enumerate(tokens):
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ("", "")
            verb_next = (nxt[1].startswith("v") and nxt[1] != "vn") or (
                # 已[初步建立]: a term of the user dictionary (tag x) that ends in a verb
                nxt[1] == "x" and len(nxt[0]) > 2 and word_tag(nxt[0][-2:]) == "v"
            )
            # a word of manner before anything (抗癌药大幅降价: jieba's 降价 a noun) or left at the
            # end by a verb after the amount (…比例持续[超过4%]), but not one that opens the object
            # of a verb (省委发布加快建设…的实施意见: part of a title)
            manner_here = w in t.manner_words and (bool(nxt[0]) or i > 0) and not (i and tokens[i - 1][1] == "v")
            if w not in t.keep_adverbs and ((verb_next and f in _ADVERBS) or manner_here):
                continue
            manner = next((m for m in t.manner_words if w.startswith(m) and len(w) > len(m) + 1), "")
            if manner and _is_verb(w[len(manner) :]):
                w = w[len(manner) :]  # 持续提升 (one word of the user dictionary) → 提升
            kept.append(w)
        s = "".join(kept) or s
    return s


def _is_verb(word: str) -> bool:
    flag = word_tag(word)
    return flag.startswith("v") and flag != "vn"


def before_base(s: str) -> str:
    """``s`` up to a base of comparison (棉纱产量比1980年预计增加 → 棉纱产量; 钢产量比上年增加 →
    钢产量), or all of it."""
    t = table()
    cuts = [m.start() for m in t.times_re.finditer(s) if m["cmp"] and m.start() > 0]
    m = t.base_re.search(s)
    if m is not None and m.start() > 0:
        cuts.append(m.start())
    return s[: min(cuts)] if cuts else s


def _without_compared(t: IndicatorTable, s: str) -> str:
    """``s`` without a base of comparison written with its year and what it compares with,
    up to the change at the end (经济建设支出比1955年经济建设支出决算数增长 → 经济建设支出增长):
    the year alone would leave the compared figure's words in the key."""
    m = next((m for m in t.times_re.finditer(s) if m["cmp"] and m.start() > 0), None)
    end = t.change_re.search(s, m.end()) if m is not None else None
    if m is None or end is None or end.start() <= m.end():
        return s
    return s[: m.start()] + s[end.start() :]


def _split(t: IndicatorTable, cleaned: str, compared: bool = False) -> tuple[str, str]:
    """``(base, change class)``: 城乡居民医保人均财政补助标准提高 → (…标准, up)."""
    m = t.change_re.search(cleaned)
    if m is None and compared:
        m = t.comparative_re.search(cleaned)
    if m is None or m.start() == 0:
        return cleaned, ""
    return cleaned[: m.start()], t.change_class[m["w"]]


def _canonical(t: IndicatorTable, change: str, dimension: str | None) -> str:
    if not change:
        return ""
    words = t.canonical[change]
    return (
        words.get(dimension or "", words["other"]) if dimension in ("percent", "percentage_point") else words["other"]
    )


@lru_cache(maxsize=8192)
def indicator_for(subject: str, unit: str | None = None) -> str:
    """The indicator key of a subject phrase: a known measure's key, else a derived key.

    国内生产总值增长 / 经济增长 / GDP增速 → 国内生产总值增长; 居民消费价格指数上涨 →
    居民消费价格涨幅; 规上工业增加值增长 → 规模以上工业增加值增长; an unknown subject →
    itself without filler, quotes and spaces, its change word made canonical for the
    unit (提高/增加 of an amount in 元 → 增加). ``unit`` (a unit name of units.yaml) keeps
    a rate measure from an amount in another dimension: 财政支出增加1万亿元 is not
    财政支出增长.
    """
    t = table()
    plain = _NOISE.sub("", subject)
    compared = bool(t.base_re.search(plain)) or any(m["cmp"] for m in t.times_re.finditer(plain))
    cleaned = _clean(t, subject)
    if not cleaned:
        return ""
    base, change = _split(t, cleaned, compared)
    unit_def = registry().unit(unit) if unit else None
    dimension = unit_def.dimension if unit_def else None
    if dimension == "ratio" and change:
        dimension = "percent"  # 增长一点二倍: a multiple is a relative change, one series with %
    opening = t.opening_change_re.match(cleaned) if not change else None
    if opening and opening.end() < len(cleaned):
        # a change verb before a measure of the vocabulary is that measure's change (减少财政收入
        # 五百二十亿元 → 一般公共预算收入减少, gov-report-1981; tenth audit)
        measure = indicator_for(cleaned[opening.end() :], unit)
        if measure in t.indicators and not _split(t, measure)[1] and not t.opening_change_re.match(measure):
            return measure + _canonical(t, t.change_class[opening["w"]], dimension)
    if base.startswith(t.foreign) or any(p in base for p in t.named_before):
        # 英国的煤产量, 他们原定的煤炭产量 (of a mine named before) are no 原煤产量 of the issuer
        return base + _canonical(t, change, dimension)
    fallback = None
    tokens = tag(base)
    starts = _word_starts(base, tokens)
    for k, i in enumerate(starts):  # every end of the subject that starts a word, longest first
        if base.endswith(t.narrowing, 0, i):
            continue  # 人均国内生产总值, 工农业生产总值: another measure than the one they end in
        if (
            k > 0
            and tokens[k - 1][1] == "uj"
            and tokens[0][1] == "v"
            and not any(w in t.keep_adverbs for w, _ in tokens[:k])
        ):
            # 支持社会事业发展的国债投资: a verb phrase before 的 (uj) makes a part of the measure
            # (not a negated one: 没有实现年初确定的单位国内生产总值能耗降低 quotes the target)
            continue
        if k > 1 and tokens[k - 1][1] == "uj" and all(f[:1] in ("n", "x") for _, f in tokens[: k - 1]):
            continue  # 公私合营企业的工业总产值, 农场的耕地面积: an owner's part of the measure
        if any(m in base[:i] for m in t.share_marks):
            continue  # …的产值占…工业总产值: the whole a share is taken of, not the measure
        if len(base) - i == 1 and k > 0 and not _may_precede(t, tokens[k - 1]):
            continue  # 以电代煤: a one-character measure (煤, 钢) alone or after a noun, 生产, 增产
        for alias_change, key in t.by_base.get(base[i:], ()):
            ind = t.indicators[key]
            # a change of a level measure (粮食产量增长 5%) may be in another dimension than
            # the level; the level itself may not (粮食总产量 102%: a share of the plan)
            level_changed = not alias_change and bool(change) and _split(t, key)[1] == ""
            if ind.unit and dimension and ind.unit != dimension and not level_changed:
                continue
            if alias_change == change:
                return key
            if level_changed and fallback is None:
                fallback = key + _canonical(t, change, dimension)
    if fallback:
        return fallback
    # a change of a known measure written with more words after it: 地方专项债券比去年增加
    bounds = set(_word_starts(base)) | {len(base)}
    for j in range(len(base), 0, -1):
        known = t.by_base.get(base[:j], ())
        if not known or (j < len(base) and (j not in bounds or _names_more(base[j:]))):
            continue  # 粮食最低收购价: the words after 粮食 name a measure of their own; 钢材 is no 钢
        for alias_change, key in known:
            ind = t.indicators[key]
            if ind.unit and dimension and ind.unit != dimension and not change:
                continue  # 粮食总产量 102%: no level of the measure
            if not alias_change and _split(t, key)[1] == "":
                return key + base[j:] + _canonical(t, change, dimension)
    return base + _canonical(t, change, dimension)


def _names_more(rest: str) -> bool:
    """Does ``rest`` (what follows a known measure's words) hold a noun of its own?"""
    return any(f.startswith("n") or f == "x" for _, f in tag(rest))


def _may_precede(t: IndicatorTable, token: tuple[str, str]) -> bool:
    """May ``token`` stand right before a one-character measure (全国煤, 生产钢, 增产钢)?"""
    word, pos = token
    return pos.startswith("n") or word in t.produce or t.change_re.fullmatch(word) is not None


def _word_starts(phrase: str, tokens: Sequence[tuple[str, str]] | None = None) -> list[int]:
    """Where the words of ``phrase`` (its ``tokens`` when tagged already) start: a measure
    is looked up from a word on, so 重工业总产值 is not 工业总产值."""
    starts, pos = [], 0
    for w, _ in tag(phrase) if tokens is None else tokens:
        starts.append(pos)
        pos += len(w)
    return starts


def indicator_direction(indicator: str) -> str | None:
    """floor, ceiling or point for a known indicator key; None for a derived key."""
    entry = table().indicators.get(indicator)
    return entry.direction if entry else None


def data_file() -> DataFile:
    return MEASURES_DATA
