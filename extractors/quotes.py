"""Whether a quoted string “…” names a programme, judged by its content and its context.

Plans quote programme names (深入开展“两学一做”学习教育, 深化“放管服”改革), but they also
quote idioms and metaphors (不搞“一刀切”, 创新发展的最大“富矿”), problems (坚决反对“台独”),
single words (“稳”的主要标志), and the names of ships, typhoons and honours (“辽宁舰”,
有效应对“海葵”等超强台风, 荣获“国家森林城市”称号). docs/annotation.md counts only the
first as PROGRAM. :func:`judge` weighs the cues listed in
``extractors/data/quoted_names.yaml`` (what is written around the quote) and jieba's
general dictionary (a quote that is an ordinary word of the language is emphasis, not a
name) and says which it is.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

from extractors.char_classes import CLAUSE_END, CLAUSE_STOPS, LIST_COMMA, QUOTES, char_class
from extractors.language_data import (
    EXTRACTORS_DATA,
    Mapping,
    Pattern,
    Strings,
    check_file,
    fail,
    longest_first,
    register,
)
from extractors.numerals import DIGIT_CHARS, DIGITS, PLACE_CHARS
from extractors.segmentation import tag

QUOTED_NAMES = register(
    "quoted_names",
    EXTRACTORS_DATA / "quoted_names.yaml",
    Mapping(Strings(), allow_empty=False),
    "extractors/quotes.py",
    doc="cues that tell a quoted programme name from a quoted word",
)

_WORD_KEYS = (
    "not_programmes",
    "programmes",
    "thing_endings",
    "things_after",
    "example_things_after",
    "things_before",
    "honour_verbs",
    "honour_qualifiers",
    "honours_after",
    "problem_verbs",
    "problems_after",
    "domain_problems_after",
    "manner_words",
    "manners_after",
    "categories_after",
    "programme_beginnings",
    "programme_endings",
    "programmes_after",
    "programme_verbs",
    "neutral_verbs",
    "owners_before",
    "disowning_words",
    "disowning_after",
    "disowning_joins",
    "citing_words",
    "citing_after",
    "descriptions_after",
)
_PATTERN_KEYS = ("not_programme_patterns",)

# The verdicts of judge(): a programme name, the name of a thing or honour (the places
# inside it are part of that name), or a word set off by quotes.
PROGRAMME, THING, WORD = "programme", "thing", "word"

# Quotes joined into one run (“扩容”“提升”“名校”工程; “除六害”和“扫黄”斗争).
_JOINERS = char_class(LIST_COMMA + "和及与或")
_QUOTE = r"“[^“”\n]{1,30}”"
# One quoted run of words (for the entity filter: a name inside a quoted term).
QUOTED = regex.compile(_QUOTE)
_RUN_AFTER = regex.compile(rf"(?:{_JOINERS}?{_QUOTE})*")
_RUN_BEFORE = regex.compile(rf"(?:{_QUOTE}{_JOINERS}?)*$")
# Numbered formulas: 三去一降一补, 两学一做, 双随机; a lone 一 is no formula (一刀切, 一站式).
_NUMERALS = frozenset(c for c in DIGIT_CHARS + PLACE_CHARS if DIGITS.get(c) != 0) | {"双"}
# A slogan of several parts: a list (、，) or a “+” (“互联网+”); a dash joins places into a
# route (平潭-高雄), no slogan.
_SEPARATORS = regex.compile(char_class(LIST_COMMA + "，," + "+＋/"))
_ROUTE = regex.compile(r"[-－—]")
# the items of a list in a quote (not the parts joined by +: “社区+物业+养老” is a model)
_LIST_SEPARATORS = regex.compile(char_class(LIST_COMMA + "，,"))
# The words between a verb and the quote it governs: no clause stop, no other quote.
_GAP = "[^" + regex.escape(CLAUSE_STOPS + QUOTES, special_only=True) + "\n]"


@dataclass(frozen=True)
class QuoteCues:
    """The compiled cues of ``quoted_names.yaml``."""

    not_programmes: frozenset[str]
    programmes: frozenset[str]
    not_programme: regex.Pattern
    thing_ending: regex.Pattern
    thing_after: regex.Pattern
    example_thing_after: regex.Pattern
    thing_before: regex.Pattern
    honour_before: regex.Pattern
    honour_after: regex.Pattern
    verb_before: regex.Pattern  # the nearest cue verb before the run, group "problem"/"programme"
    problem_next_to: regex.Pattern  # a problem verb right before the run (反对“台独”的政治基础)
    problem_after: regex.Pattern
    domain_problem_after: regex.Pattern  # outweighs the listed programmes (“三农”问题)
    manner_before: regex.Pattern
    manner_after: regex.Pattern
    category_after: regex.Pattern
    programme_beginning: regex.Pattern
    programme_ending: regex.Pattern
    programme_after: regex.Pattern
    owner_before: regex.Pattern
    disowned: regex.Pattern  # a smear or pretext word shortly before the run (污蔑为推行“…”)
    disowned_after: regex.Pattern  # a word condemning the run after it (“两个估计”的反革命谬论)
    cited: regex.Pattern  # right before the quote: someone's words cited (李白所说的“…”)
    cited_after: regex.Pattern  # right after the run: what someone said (毛主席的“…”的重要指示)
    description_after: regex.Pattern  # 的 and the spirit or pattern the run describes (…的革命精神)


def cues() -> QuoteCues:
    """The cues of the registered ``quoted_names.yaml``, read and compiled once per process."""
    return load_cues(QUOTED_NAMES.path)


@cache
def load_cues(path: Path) -> QuoteCues:
    """The cues of a file in the format of ``quoted_names.yaml``, checked and compiled."""
    data = check_file(QUOTED_NAMES, path)
    missing = [k for k in (*_WORD_KEYS, *_PATTERN_KEYS) if k not in data]
    if missing:
        raise fail(path, missing[0], "missing")
    unknown = [k for k in data if k not in (*_WORD_KEYS, *_PATTERN_KEYS)]
    if unknown:
        raise fail(path, unknown[0], f"unknown key; expected {', '.join((*_WORD_KEYS, *_PATTERN_KEYS))}")
    for i, pattern in enumerate(data["not_programme_patterns"]):
        Pattern().check(pattern, path, f"not_programme_patterns[{i}]")

    def alt(key: str) -> str:
        return longest_first(data[key])

    # the verb nearest the quote decides (解决实现“两不愁三保障”: what is achieved); a
    # problem verb may stand further from it (有效治理交通拥堵等“城市病”) than a programme
    # verb (保护生态环境“真宝贝” is no object of the 发展 before it)
    any_verb = longest_first([*data["problem_verbs"], *data["programme_verbs"], *data["neutral_verbs"]])
    gap = f"(?:(?!{any_verb}){_GAP})"
    verbs = (
        f"(?:(?P<problem>{alt('problem_verbs')}){gap}{{0,8}}"
        f"|(?P<programme>{alt('programme_verbs')}){gap}{{0,6}}"
        f"|(?P<neutral>{alt('neutral_verbs')}){gap}{{0,6}})$"
    )
    return QuoteCues(
        not_programmes=frozenset(data["not_programmes"]),
        programmes=frozenset(data["programmes"]),
        not_programme=regex.compile("|".join(f"(?:{p})" for p in data["not_programme_patterns"])),
        thing_ending=regex.compile(f"(?:{alt('thing_endings')})$"),
        thing_after=regex.compile(alt("things_after")),
        # 等 and up to eight characters of qualifier before the head (“乡村振兴闪贷”等普惠金融专属产品)
        example_thing_after=regex.compile(f"等{_GAP}{{0,8}}?(?:{alt('example_things_after')})(?!体系)"),
        thing_before=regex.compile(f"(?:{alt('things_before')})$"),
        honour_before=regex.compile(f"(?:{alt('honour_verbs')})(?:{alt('honour_qualifiers')}|\\d{{4}}年度?)*$"),
        honour_after=regex.compile(alt("honours_after")),
        verb_before=regex.compile(verbs),
        problem_next_to=regex.compile(f"(?:{alt('problem_verbs')})$"),
        disowned=regex.compile(f"(?:{alt('disowning_words')}){_GAP}{{0,6}}$"),
        # the condemning word heads the noun phrase the run is part of: a joining word (的, 等)
        # and up to four characters of qualifier may come between (“台湾独立”等严重分裂活动)
        disowned_after=regex.compile(f"(?:{alt('disowning_joins')})?{_GAP}{{0,4}}?(?:{alt('disowning_after')})"),
        cited=regex.compile(f"(?:{alt('citing_words')})$"),
        cited_after=regex.compile(f"(?:{alt('citing_after')})"),
        description_after=regex.compile(f"的{_GAP}{{0,6}}?(?:{alt('descriptions_after')})"),
        problem_after=regex.compile(alt("problems_after")),
        domain_problem_after=regex.compile(alt("domain_problems_after")),
        manner_before=regex.compile(f"(?:{alt('manner_words')}){_GAP}{{0,3}}$"),
        manner_after=regex.compile(alt("manners_after")),
        category_after=regex.compile(alt("categories_after")),
        programme_beginning=regex.compile(f"(?:{alt('programme_beginnings')})"),
        programme_ending=regex.compile(f"(?:{alt('programme_endings')})$"),
        # 执行“和平统一、一国两制”的方针: a 的 may come between
        programme_after=regex.compile(f"的?(?:{alt('programmes_after')})"),
        owner_before=regex.compile(f"(?:{alt('owners_before')})$"),
    )


_PROPER_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "eng"})
# jieba's noun tags: the common nouns, the proper ones and noun morphemes
_NOUN_TAGS = frozenset({"n", "ng", "nr", "ns", "nt", "nz"})


def _plain_nouns(content: str) -> bool:
    """A list of plain nouns, no verb, no number: “速度、质量、效益”, “产、城、人、文”.

    It names the aims or the sides of a thing (相统一, 融合发展), not a programme; a
    slogan of several parts has a verb or a count in them (“双随机、一公开”, “减量、增绿”,
    “和平统一、一国两制”). An item of one character counts as a noun only alone: the 成 of
    串珠成线 is a verb jieba tags n.
    """
    items = [item for item in _LIST_SEPARATORS.split(content) if item.strip()]
    if len(items) < 2 or any(ch in _NUMERALS for ch in content):
        return False
    for item in items:
        words = [(w, t) for w, t in tag(item.strip()) if w.strip()]
        if not words or any(t not in _NOUN_TAGS or (len(w) == 1 and len(words) > 1) for w, t in words):
            return False
    return True


@cache
def ordinary_words() -> frozenset[str]:
    """Words of jieba's general dictionary that are not names (its tags nr, ns, nt, nz, j).

    A quote that is such a word (“富矿”, “加速度”, “一刀切”, “硬骨头”) is the word used with
    a special sense, not a name; the names plans coin (“放管服”, “两学一做”) are not in a
    general dictionary, and the older ones that are (三个代表, 港人治港) carry a name tag.
    """
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    words = set()
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                word, _, rest = line.partition(" ")
                if 1 < len(word) <= 8 and rest.rsplit(" ", 1)[-1].strip() not in _PROPER_TAGS:
                    words.add(word)
    except OSError as exc:
        raise fail(path, "", f"cannot read jieba's dictionary: {exc}") from exc
    return frozenset(words)


def _formula(content: str) -> bool:
    """A numbered formula: 三农, 两学一做, 双随机、一公开, 一岛两窗三区 (but not 一刀切)."""
    numerals = sum(ch in _NUMERALS for ch in content)
    return numerals >= 2 or (numerals == 1 and content[0] in _NUMERALS and DIGITS.get(content[0]) != 1)


def judge(text: str, start: int, end: int) -> tuple[str, str]:
    """``(verdict, reason)`` for the quote ``text[start:end]`` (its quote marks included).

    The verdict is :data:`PROGRAMME`, :data:`THING` or :data:`WORD`; the reason names the
    cue that decided, for tests and for reading the decisions.
    """
    c = cues()
    content = text[start + 1 : end - 1].strip()
    run_end = _RUN_AFTER.match(text, end).end()
    run_start = _RUN_BEFORE.search(text, max(0, start - 200), start).start()
    after = text[run_end : run_end + 12]
    right = text[end : end + 12]  # what follows this quote itself
    clause = max(
        (m.end() for m in CLAUSE_END.finditer(text, max(0, run_start - 30), run_start)), default=max(0, run_start - 30)
    )
    before = text[clause:run_start]
    just_before = text[max(0, start - 12) : start]

    if len(content) <= 1:
        return WORD, "a single character"
    if content in c.not_programmes:
        return WORD, "listed as not a programme"
    if c.not_programme.fullmatch(content):
        return WORD, "matches a not-programme pattern"
    if c.disowned.search(before) or c.disowned_after.match(after):
        return WORD, "disowned by the text (a smear or a pretext)"
    if c.cited.search(just_before) or c.cited_after.match(after):
        return WORD, "someone's words cited"
    if c.description_after.match(after):
        return WORD, "describes a spirit or a pattern"
    # 问题 right after the run outweighs the list: 解决“三农”问题 names the problems of
    # a domain, not the programme of the same name
    if c.domain_problem_after.match(after):
        return WORD, "names the problems of a domain"
    if content in c.programmes:
        return PROGRAMME, "listed as a programme"
    if (
        c.thing_ending.search(content)
        or c.thing_after.match(after)
        or c.thing_after.match(right)
        or c.example_thing_after.match(after)
        or c.thing_before.search(just_before)
    ):
        return THING, "names a ship, typhoon, product or building"
    if c.honour_before.search(before) or c.honour_after.match(after):
        return THING, "names an honour or a list"
    if c.programme_ending.search(content) or c.programme_beginning.match(content):
        return PROGRAMME, "shaped like a programme name"
    if c.problem_after.match(after) or c.problem_next_to.search(before):
        return WORD, "names a problem or behaviour"
    if _plain_nouns(content):
        return WORD, "a list of plain nouns"
    if c.programme_after.match(after):
        return PROGRAMME, "followed by a programme word"
    verb = c.verb_before.search(before)
    if verb and verb.group("problem"):
        return WORD, "names a problem or behaviour"
    if c.manner_before.search(just_before) or c.manner_after.match(after):
        return WORD, "a way of acting or a comparison"
    if c.category_after.match(right):
        return WORD, "classifies people, money or duties"
    if c.owner_before.search(before):
        return PROGRAMME, "preceded by the body it belongs to"
    if _ROUTE.search(content):
        return WORD, "a route between places"
    if content in ordinary_words():
        return WORD, "an ordinary word of the dictionary"
    if _formula(content):
        return PROGRAMME, "a numbered formula"
    if _SEPARATORS.search(content):
        return PROGRAMME, "a slogan of several parts"
    if right.startswith("的"):
        return WORD, "describes the noun after it"
    if verb and verb.group("programme"):
        return PROGRAMME, "the object of a programme verb"
    return WORD, "no cue of a programme"
