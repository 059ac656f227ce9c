"""Extract stated amounts (the ``targets`` table) from a passage of a normalised plan.

A mention is a number (Arabic, Chinese or mixed: 15, 十五, 1.3万亿, 百分之十三点四) with
its multipliers, unit and the comparator words that belong to it (1100万人以上, 6.5%左右,
3-5所, 6%－6.5%, 不低于10M). Numbers that are names, ordinals, dates or titles (党的十九大,
第三期, “十三五”, 《…(2017-2020年)》, 2018年) are not amounts (ANNOTATION.md). Units,
comparator words, cue words and the not-an-amount rules are data (``data/units.yaml``,
``data/comparators.yaml``, ``data/not_quantities.yaml``); subjects are trimmed with the
shared jieba segmenter and keyed by ``extractors.indicators``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path
from typing import Mapping

import regex

from extractors.context import Context
from extractors.datafiles import read_yaml
from extractors.errors import DataFileError
from extractors.indicators import indicator_for, subject_words
from extractors.numerals import DIGIT_CHARS, parse_arabic, parse_chinese
from extractors.records import Quantity
from extractors.segmentation import cut
from extractors.sentences import SentenceIndex
from extractors.units import UnitRegistry, registry

DATA_DIR = Path(__file__).parent / "data"
COMPARATORS_FILE = DATA_DIR / "comparators.yaml"
NOT_QUANTITIES_FILE = DATA_DIR / "not_quantities.yaml"

COMPARATORS = frozenset({"=", "~", ">=", "<=", ">", "<"})
KINDS = ("target", "achievement", "other")

# A clause ends at these marks; a subject never runs across one.
_CLAUSE_END = regex.compile(r"[，,；;：:。！？!?\n（）()]")
# Marks a subject never starts or ends with; quotes are dropped (“暖校舍”改造 → 暖校舍改造).
_EDGE_MARKS = "、，,；;：:“”‘’\"'《》 "
_QUOTES = str.maketrans("", "", "“”‘’\"")
# A clause is read at most this far either side of an amount: subjects are short, and an
# unpunctuated run (an OCR table, random text) must not make every amount re-read it all.
_CLAUSE_REACH = 80
_SENTENCE_REACH = 200
_YEAR = regex.compile(r"((?:19|20)[0-9]{2})年")
_HAN = regex.compile(r"\p{Han}")


@dataclass(frozen=True, slots=True)
class Grammar:
    """Compiled patterns and word tables for one load of the data files."""

    units: UnitRegistry
    number: regex.Pattern
    next_amount: regex.Pattern
    tail: regex.Pattern
    tail_token: regex.Pattern
    unit: regex.Pattern
    separator: regex.Pattern
    list_separator: regex.Pattern
    suffix: regex.Pattern
    prefix: regex.Pattern
    prefix_width: int
    not_prefix: tuple[str, ...]
    suffix_words: Mapping[str, str]
    prefix_words: Mapping[str, str]
    marks: Mapping[str, str]
    clause_prefix: tuple[tuple[str, str], ...]
    achievement_cues: tuple[str, ...]
    past_value_cues: tuple[str, ...]
    target_cues: tuple[str, ...]
    baseline_from: tuple[str, ...]
    baseline_to: regex.Pattern
    ordinal_prefixes: tuple[str, ...]
    quote: regex.Pattern
    blocked_before: regex.Pattern
    blocked_before_chinese: regex.Pattern
    blocked_after: regex.Pattern
    min_chinese_count: int
    leading_long: tuple[str, ...]
    trailing_long: tuple[str, ...]
    leading_time: regex.Pattern
    trailing_time: regex.Pattern


def _word_map(path: Path, name: str, value: object, allowed: frozenset[str]) -> dict[str, str]:
    if not isinstance(value, dict) or not value:
        raise DataFileError(str(path), f"{name} must map words to comparators")
    for word, comp in value.items():
        if not isinstance(word, str) or not word:
            raise DataFileError(str(path), f"{name}: word {word!r} must be a non-empty string")
        if comp not in allowed:
            raise DataFileError(str(path), f"{name}: {word}: comparator {comp!r} not one of {sorted(allowed)}")
    return dict(value)


def _word_list(path: Path, name: str, value: object) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w for w in value):
        raise DataFileError(str(path), f"{name} must be a non-empty list of strings")
    return value


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def load_comparators(path: Path = COMPARATORS_FILE) -> dict:
    """Validate ``comparators.yaml``; returns its sections."""
    data = read_yaml(path)
    keys = {"prefix", "not_prefix", "suffix", "marks", "clause_prefix", "range_separators", "list_separators",
            "kind_cues"}  # fmt: skip
    if not isinstance(data, dict) or set(data) != keys:
        raise DataFileError(str(path), f"expected exactly the keys {sorted(keys)}")
    out = {k: _word_map(path, k, data[k], COMPARATORS) for k in ("prefix", "suffix", "marks", "clause_prefix")}
    out["range_separators"] = _word_list(path, "range_separators", data["range_separators"])
    out["list_separators"] = _word_list(path, "list_separators", data["list_separators"])
    out["not_prefix"] = _word_list(path, "not_prefix", data["not_prefix"])
    cues = data["kind_cues"]
    cue_keys = {"achievement", "past_value", "target", "baseline_from", "baseline_to"}
    if not isinstance(cues, dict) or set(cues) != cue_keys:
        raise DataFileError(str(path), f"kind_cues must have exactly the keys {sorted(cue_keys)}")
    out["kind_cues"] = {k: _word_list(path, f"kind_cues.{k}", cues[k]) for k in cue_keys}
    return out


def load_not_quantities(path: Path = NOT_QUANTITIES_FILE) -> dict:
    """Validate ``not_quantities.yaml``; returns its sections."""
    data = read_yaml(path)
    keys = {"ordinal_prefixes", "title_quotes", "name_quotes", "max_quote_length", "min_chinese_count",
            "blocked_before", "blocked_before_chinese", "blocked_after", "unit_word_breaks"}  # fmt: skip
    if not isinstance(data, dict) or set(data) != keys:
        raise DataFileError(str(path), f"expected exactly the keys {sorted(keys)}")
    _word_list(path, "ordinal_prefixes", data["ordinal_prefixes"])
    _word_list(path, "unit_word_breaks", data["unit_word_breaks"])
    for key in ("title_quotes", "name_quotes"):
        quotes = data[key]
        if not isinstance(quotes, list) or not all(
            isinstance(q, list) and len(q) == 2 and all(isinstance(c, str) and len(c) == 1 for c in q) for q in quotes
        ):
            raise DataFileError(str(path), f"{key} must be a list of [open, close] single characters")
    for key in ("max_quote_length", "min_chinese_count"):
        if not isinstance(data[key], int) or isinstance(data[key], bool) or data[key] < 0:
            raise DataFileError(str(path), f"{key} must be a non-negative integer")
    for key in ("blocked_before", "blocked_before_chinese", "blocked_after"):
        try:
            regex.compile(data[key])
        except (regex.error, TypeError) as exc:
            raise DataFileError(str(path), f"{key}: bad pattern {data[key]!r}: {exc}") from exc
    return data


@cache
def grammar() -> Grammar:
    """Build the quantity grammar from the data files (once per process)."""
    units = registry()
    comp = load_comparators()
    notq = load_not_quantities()
    mult = units.multiplier_pattern()
    unit_alt = units.unit_pattern()
    marks = comp["marks"]
    # Chinese numerals may contain 百/千, except where they start a unit (五万千瓦).
    place = []
    for ch in "百千":
        rests = [s[1:] for s in units.spellings_longest_first() if s.startswith(ch) and len(s) > 1]
        place.append(regex.escape(ch) + (f"(?!{_alternation(rests)})" if rests else ""))
    cn_digit = f"[{regex.escape(DIGIT_CHARS)}]"
    cn = (
        f"(?:{cn_digit}|十)(?:{cn_digit}|[十万亿]|{'|'.join(place)})*"
        f"(?:点{cn_digit}+)?"
    )
    # the 1998 report (as scraped) puts a space inside numbers and before units: 8 .8 %,
    # 1 .1 亿门, 74772 亿元; one space is read through, and dropped when parsing
    ar = r"[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?: ?[.．][0-9０-９]+)?"
    pct = units.prefix_unit_pattern() or r"(?!)"
    number = regex.compile(f"(?P<pct>{pct})?(?:(?P<ar>{ar})|(?P<cn>{cn}))")
    tail_token = regex.compile(f"{mult}|{_alternation(marks)}")
    tail = regex.compile(f"(?: ?(?:{mult}|{_alternation(marks)}))*")
    quotes = []
    for pairs, limit in ((notq["title_quotes"], "*"), (notq["name_quotes"], f"{{0,{notq['max_quote_length']}}}")):
        for open_, close in pairs:
            o, c = regex.escape(open_), regex.escape(close)
            quotes.append(f"{o}[^{o}{c}\\n]{limit}{c}")
    cues = comp["kind_cues"]
    words = subject_words()
    numeral = f"[0-9０-９{regex.escape(DIGIT_CHARS)}十]+"
    # 2018年, 1991年, 2007年底 and the like at either end of a subject are time, not measure
    suffix = f"(?:{_alternation(words.time_suffixes)})?"
    links = f"(?:{_alternation(words.time_links)})?"
    particle = regex.escape(words.particle)
    leading_time = regex.compile(f"(?:{numeral} ?年{suffix}|{numeral} ?月)+")
    trailing_time = regex.compile(
        f"{links}(?:{numeral} ?年{suffix}|{_alternation(words.relative_years)}){particle}?$"
    )
    return Grammar(
        units=units,
        number=number,
        # where the next amount starts: Arabic digits or 百分之 (Chinese digits are too often
        # part of words such as 一般性 to cut a phrase at)
        next_amount=regex.compile(f"[0-9０-９]|{pct}"),
        tail=tail,
        tail_token=tail_token,
        unit=regex.compile(f"(?!{_alternation(notq['unit_word_breaks'])})(?:{unit_alt})"),
        separator=regex.compile(r"\s*(?:" + _alternation(comp["range_separators"]) + r")\s*"),
        list_separator=regex.compile(_alternation(comp["list_separators"])),
        suffix=regex.compile(_alternation(comp["suffix"])),
        prefix=regex.compile(f"(?:{_alternation(comp['prefix'])})$"),
        prefix_width=max(map(len, comp["prefix"])),
        not_prefix=tuple(comp["not_prefix"]),
        suffix_words=comp["suffix"],
        prefix_words=comp["prefix"],
        marks=marks,
        clause_prefix=tuple(sorted(comp["clause_prefix"].items(), key=lambda kv: -len(kv[0]))),
        achievement_cues=tuple(cues["achievement"]),
        past_value_cues=tuple(sorted(cues["past_value"], key=len, reverse=True)),
        target_cues=tuple(cues["target"]),
        baseline_from=tuple(cues["baseline_from"]),
        baseline_to=regex.compile(_alternation(cues["baseline_to"])),
        ordinal_prefixes=tuple(notq["ordinal_prefixes"]),
        quote=regex.compile("|".join(quotes) or r"(?!)"),
        blocked_before=regex.compile(notq["blocked_before"]),
        blocked_before_chinese=regex.compile(notq["blocked_before_chinese"]),
        blocked_after=regex.compile(notq["blocked_after"]),
        min_chinese_count=notq["min_chinese_count"],
        leading_long=tuple(w for w in sorted(words.leading, key=len, reverse=True) if len(w) > 1),
        trailing_long=tuple(w for w in sorted(words.trailing, key=len, reverse=True) if len(w) > 1),
        leading_time=leading_time,
        trailing_time=trailing_time,
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


def _read_amount(g: Grammar, text: str, m: regex.Match) -> _Amount | None:
    """Number, multipliers/marks and unit starting at match ``m``."""
    if m["ar"]:
        value = parse_arabic(m["ar"].replace(" ", ""))
    else:
        value = parse_chinese(m["cn"])
    if value is None:
        return None
    pos = m.end()
    scaled = False
    mark = None
    t = g.tail.match(text, pos)
    for tok in g.tail_token.finditer(text, pos, t.end()):
        word = tok.group()
        if word in g.marks:
            mark = mark or g.marks[word]
        else:
            value *= g.units.factor(word)
            scaled = True
    pos = t.end()
    unit = None
    u = g.unit.match(text, pos) or (g.unit.match(text, pos + 1) if text.startswith(" ", pos) else None)
    if u:
        unit = g.units.unit(u.group()).name
        pos = u.end()
    percent_unit = g.units.prefix_units.get(m["pct"]) if m["pct"] else None
    return _Amount(m.start(), pos, value, bool(m["cn"]), percent_unit, scaled, mark, unit)


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


def _inherit_from_list(g: Grammar, text: str, first: _Amount) -> None:
    """A bare number listed before an amount takes its unit and scale.

    小微企业、“三农”贷款增速…分别高4.2和0.7个百分点 (gov-report 2014): 4.2 is in
    个百分点 too. The later amount is found on its own.
    """
    join = g.list_separator.match(text, first.end)
    if not join:
        return
    m2 = g.number.match(text, join.end())
    second = _read_amount(g, text, m2) if m2 else None
    if second is None or not (second.unit or second.percent_unit):
        return
    first.unit = second.unit or second.percent_unit
    if second.scaled:
        first.value *= second.value / _unscaled(g, text, m2)
        first.scaled = True


def _in_spans(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


@lru_cache(maxsize=16)
def _clause_ends(text: str) -> list[int]:
    """Positions of the clause-ending marks of a passage (cached: asked once per amount)."""
    return [m.start() for m in _CLAUSE_END.finditer(text)]


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``[start, end)``: from after the last mark before ``start`` to the next mark."""
    ends = _clause_ends(text)
    i = bisect.bisect_left(ends, start)
    j = bisect.bisect_left(ends, end)
    cs = ends[i - 1] + 1 if i > 0 else 0
    ce = ends[j] if j < len(ends) else len(text)
    return max(cs, start - _CLAUSE_REACH), min(ce, end + _CLAUSE_REACH)


def _trim(g: Grammar, phrase: str) -> str:
    """Drop filler words from both ends of a phrase, and modal words inside it.

    Words of two or more characters are stripped as strings (the generated user
    dictionary glues 今年安排 into one jieba word); one-character words (要, 在, 为) only
    when jieba cuts them off as words, so 主要 keeps its 要.
    """
    words = subject_words()
    s = phrase.translate(_QUOTES).strip(_EDGE_MARKS)
    for _ in range(12):
        before = s
        for w in g.leading_long:
            if s.startswith(w) and len(s) > len(w):
                s = s[len(w) :]
                break
        for w in g.trailing_long:
            if s.endswith(w):
                s = s[: -len(w)]
                break
        t = g.leading_time.match(s)
        if t and t.end() and t.end() < len(s):
            s = s[t.end() :]
        t = g.trailing_time.search(s)
        if t and t.start() > 0:
            s = s[: t.start()]
        if s == before:
            tokens = [w for w in cut(s) if w.strip()]
            if len(tokens) > 1 and tokens[0] in words.leading:
                s = s[len(tokens[0]) :].lstrip()
            elif tokens and tokens[-1] in words.trailing:
                s = s[: len(s) - len(tokens[-1])].rstrip()
        s = s.strip(_EDGE_MARKS)
        if s == before:
            break
    tokens = cut(s)
    if len(tokens) > 1 and any(w in words.inside for w in tokens):
        s = "".join(w for w in tokens if w not in words.inside)
    return s


def _after_subject(g: Grammar, text: str, end: int, clause_end: int, classifier: bool) -> str:
    """The noun phrase after an amount: 3-5所[市级教育教学改革典型学校].

    It runs to the clause end or the next number (评选5所[课程改革示范学校]和20节…), and
    is empty when the amount is followed by a verb or particle (由85个[减为]26个).
    """
    nxt = g.next_amount.search(text, end, clause_end)
    particle = subject_words().particle
    phrase = text[end : nxt.start() if nxt else clause_end].lstrip(particle)
    if not phrase or not _HAN.match(phrase):
        return ""
    tokens = cut(phrase)
    if not tokens or tokens[0] in subject_words().after_stop:
        return ""
    if not classifier and particle in tokens:
        tokens = tokens[: tokens.index(particle)]  # 近14亿人口[的发展中大国]
    while tokens and tokens[-1] in subject_words().after_stop:
        tokens.pop()
    return "".join(tokens)


def _previous_sentence(text: str, start: int) -> str:
    """The sentence before ``start`` in the same passage (empty at its start)."""
    head = text[max(0, start - _SENTENCE_REACH):start].rstrip()
    if not head:
        return ""
    head = head[:-1] if head[-1] in "。；！？" else head
    cut = max(head.rfind(c) for c in "。；！？")
    return head[cut + 1:]


def _kind(
    g: Grammar, text: str, span: tuple[int, int], clause: tuple[int, int], sentence: tuple[int, int], context: Context
) -> str:
    """target, achievement or other (ANNOTATION.md "kind").

    Target cues are looked for in the sentence, at most ``_SENTENCE_REACH`` characters
    either side of the amount.
    """
    if context.part == "review":
        return "achievement"
    start, end = span
    before = text[clause[0] : start]
    if any(w in before for w in g.baseline_from) and g.baseline_to.match(text, end):
        return "other"  # 从去年的2.1%提高到2.3%: 2.1% is where the change starts (#4)
    if any(before.endswith(w) for w in g.past_value_cues):
        return "achievement"
    clause_text = text[clause[0] : clause[1]]
    near = text[max(sentence[0], start - _SENTENCE_REACH) : min(sentence[1], end + _SENTENCE_REACH)]
    earlier = text[max(sentence[0], start - _SENTENCE_REACH) : start]
    planned = any(c in near for c in g.target_cues)
    # 去年全国财政比年度预算超收7239亿元，其中中央财政超收4168亿元 (gov-report 2008): a cue
    # in the clause or earlier in the sentence; not later (提出…3%左右，综合考虑了去年… is
    # this year's target, 2010)
    past = any(c in clause_text or c in earlier for c in g.achievement_cues)
    if not past and context.year:
        # a past year in the clause or before it (1992年同1987年相比，钢产量增长百分之四十二,
        # gov-report 1993), unless the sentence also looks ahead (到2020年…比2010年增长1倍)
        years = [int(y) for y in _YEAR.findall(near)]
        looks_back = any(int(y) < context.year for y in _YEAR.findall(clause_text + earlier))
        past = looks_back and all(y < context.year for y in years)
    if not past and not planned and not _YEAR.search(near):
        # a sentence with no time cue of its own continues the frame of the one before
        # it: 过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%… (gov-report 2011)
        prev = _previous_sentence(text, sentence[0])
        past = any(c in prev for c in g.achievement_cues) and not any(c in prev for c in g.target_cues)
    if past and not planned:
        return "achievement"
    if context.part == "plan" or planned:
        return "target"
    return "other"


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


def _read_mention(g: Grammar, text: str, m: regex.Match) -> _Mention | None:
    """The amount starting at number match ``m``, or None when it is no amount.

    Reads a range (3-5所) or a single amount, the unit a listed bare number borrows
    (4.2和0.7个百分点), and the comparator: range, then a suffix (以上), a prefix (不低于),
    a mark (多/余), a word earlier in the clause (至少要建设2个), else ``=``.
    """
    first = _read_amount(g, text, m)
    if first is None:
        return None
    last = first
    m2 = None
    sep = g.separator.match(text, first.end)
    if sep:
        m2 = g.number.match(text, sep.end())
        second = _read_amount(g, text, m2) if m2 else None
        if second is not None and _is_range(first, second):
            last = second
    is_range = last is not first
    if not is_range and first.unit is None and not first.percent_unit and not first.scaled:
        _inherit_from_list(g, text, first)
    unit = last.unit or first.unit or last.percent_unit or first.percent_unit
    scaled = first.scaled or last.scaled
    if unit is None and not scaled:
        return None  # a bare number: a code, a year, a list label
    unit_def = g.units.unit(unit) if unit else None
    if (
        first.chinese
        and not is_range
        and not first.percent_unit
        and not scaled
        and first.value < g.min_chinese_count
        and unit_def is not None
        and unit_def.classifier
    ):
        return None  # 一批, 两个指标, 三个代表: an article or a slogan count (#4)
    end = last.end
    suf = g.suffix.match(text, end)
    if suf:
        end = suf.end()
    if end < len(text) and g.blocked_after.match(text, end):
        return None
    start = m.start()
    pre = g.prefix.search(text, max(0, start - g.prefix_width), start)
    if pre and any(text.endswith(w, 0, start) for w in g.not_prefix):
        pre = None  # 节约10%
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
        comparator = next((c for w, c in g.clause_prefix if w in before), "=")
    value = first.value
    if is_range and not first.scaled and last.scaled and first.unit is None:
        value = first.value * (last.value / _unscaled(g, text, m2))  # 3-5万人 = 3万 to 5万
    return _Mention(
        start=mention_start,
        end=end,
        value=value,
        value_max=float(last.value) if is_range else None,
        unit=unit or "",
        comparator=comparator,
        clause=clause,
    )


def extract_quantities(text: str, *, offset: int = 0, context: Context = Context()) -> list[Quantity]:
    """Every stated amount in ``text`` (a passage starting at ``offset`` in the document)."""
    g = grammar()
    if not any(ch.isdigit() or ch in DIGIT_CHARS or ch == "十" for ch in text):
        return []
    quote_spans = [m.span() for m in g.quote.finditer(text)]
    quote_starts = [s for s, _ in quote_spans]
    sentences: SentenceIndex | None = None
    found: list[Quantity] = []
    # (sentence start, end, subject) of mentions already found, to continue a subject
    previous: dict[int, list[tuple[int, int, str]]] = {}
    consumed = 0
    for m in g.number.finditer(text):
        start = m.start()
        if start < consumed or _in_spans(quote_spans, quote_starts, start):
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
        mention_start, end, clause = mention.start, mention.end, mention.clause
        consumed = end
        if sentences is None:
            sentences = SentenceIndex(text)
        sentence = sentences.sentence_at(start)
        sentence_start = sentences.span_at(start)[0]
        in_sentence = previous.setdefault(sentence_start, [])
        subject, base = _subject(g, text, mention_start, end, clause, mention.unit, in_sentence, sentence_start)
        in_sentence.append((sentence_start, end, base))
        found.append(
            Quantity(
                text=text[mention_start:end],
                char_start=offset + mention_start,
                char_end=offset + end,
                sentence=sentence,
                value=float(mention.value),
                value_max=mention.value_max,
                unit=mention.unit,
                comparator=mention.comparator,
                subject=subject,
                indicator=indicator_for(subject),
                kind=_kind(g, text, (start, end), clause, sentences.span_at(start), context),
            )
        )
    return _distribute(text, offset, found)


def _distribute(text: str, offset: int, found: list[Quantity]) -> list[Quantity]:
    """Give each of A、B…分别 X、Y its own subject: A排放减少 X, B排放减少 Y.

    二氧化硫、氮氧化物排放要分别减少3%左右和5%左右 (gov-report 2015) names two measures;
    the amounts take the listed items in order, sharing the tail (排放减少) that starts at
    the first change word or shared tail word of the last item. Applied only when the
    items and the amounts are as many.
    """
    words = subject_words()
    out = list(found)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and out[j + 1].subject == out[i].subject and out[j + 1].sentence == out[i].sentence:
            j += 1
        run = out[i : j + 1]
        i = j + 1
        if len(run) < 2 or not run[0].subject:
            continue
        start = run[0].char_start - offset
        cs, _ = _clause(text, start, start)
        if not any(w in text[cs:start] for w in words.respectively):
            continue
        groups: list[list[str]] = [[]]
        for w in cut(run[0].subject):
            if w in words.list_words:
                groups.append([])
            else:
                groups[-1].append(w)
        if len(groups) != len(run) or not all(groups) or len(groups[-1]) < 2:
            continue
        last = groups[-1]
        cut_at = next((k for k in range(1, len(last)) if last[k] in words.change or last[k] in words.shared_tails), None)
        if cut_at is None:
            continue
        tail = "".join(last[cut_at:])
        items = ["".join(g) for g in groups[:-1]] + ["".join(last[:cut_at])]
        for k, item in enumerate(items):
            subject = item + tail
            out[i - len(run) + k] = replace(run[k], subject=subject, indicator=indicator_for(subject))
    return out


def _unscaled(g: Grammar, text: str, m: regex.Match) -> Decimal:
    """The bare number of match ``m`` before multipliers (for 3-5万人)."""
    value = parse_arabic(m["ar"].replace(" ", "")) if m["ar"] else parse_chinese(m["cn"])
    return value if value else Decimal(1)


def _subject(
    g: Grammar,
    text: str,
    start: int,
    end: int,
    clause: tuple[int, int],
    unit: str | None,
    previous: list[tuple[int, int, str]],
    sentence_start: int,
) -> tuple[str, str]:
    """What the amount measures: the noun after a measure word, else the clause before it.

    ``previous`` holds (sentence start, end, base subject) of the amounts already found in
    the sentence; a subject that is only a change (增长, 比去年增加) continues the base subject
    of the amount before it: 财政支出超过23万亿元，增长6.5% → 财政支出增长. Returns the
    subject and the base a later amount may continue.
    """
    words = subject_words()
    unit_def = g.units.unit(unit) if unit else None
    classifier = unit_def is not None and unit_def.classifier
    noun = _trim(g, _after_subject(g, text, end, clause[1], classifier))
    if classifier and noun:
        return noun, noun
    cs = clause[0]
    if previous and cs < previous[-1][1] <= start:
        cs = previous[-1][1]
    subject = _trim(g, text[cs:start])
    if subject in (words.after_stop | words.inside) and subject not in words.change:
        subject = ""  # 分别下降3.14%和4.66%: the 和 leaves the subject of the first amount
    if previous and (not subject or subject in words.change or subject.startswith(tuple(words.continues))):
        base = previous[-1][2]
        if subject in words.change:
            # 国内生产总值增长57.3%，年均增长9.5% → 国内生产总值年均增长 (gov-report 2006)
            ending = next((w for w in sorted(words.change, key=len, reverse=True) if base.endswith(w)), "")
            if ending and len(base) > len(ending):
                return base[: -len(ending)] + subject, base
        return base + subject, base
    if noun and subject and len(subject) <= 2 and len(cut(subject)) == 1:
        return subject + noun, subject + noun  # 新增4万亿元投资 → 新增投资; 覆盖80%以上的大城市
    if subject or noun:
        return subject or noun, subject or noun
    # 继续实施退耕还林还草，今年拟安排500万亩 (gov-report 2014): the clause before says what
    if clause[0] > sentence_start:
        pcs, pce = _clause(text, clause[0] - 1, clause[0] - 1)
        before = text[max(pcs, sentence_start) : pce]
        if not g.next_amount.search(before):
            subject = _trim(g, before)
            return subject, subject
    return "", ""
