"""What an amount is and which years it is about: ``kind`` and ``period`` of a quantity.

kind is ``target`` (a commitment for the plan period), ``achievement`` (reported as
done), ``fact`` (a stated fact nobody commits to: 14亿人, 我国有2.9亿在校学生, 现行16%的
税率), ``threshold`` (a number that defines a group: 不到100万元的小微企业, 1亿元以上项目)
or ``other`` (docs/annotation.md). period is the inclusive span of years a target or an
achievement is about, read from the time expressions of the sentence (``extractors.times``):
到2020年 in a 2018 plan → 2018–2020, “十三五”时期 in a 2021 report → 2016–2020 and so a
result, 今后五年 → the five years from the plan year, last year in a review part. A
sentence that opens with a time (五年来，…; 2017年，…) frames the sentences after it in
the same passage until another time opens one, so the review of a page dumped on one line
(平潭 2022: 五年来，… 一是 … 年均增长7.4%) keeps its years. The cue words are data:
``data/target_kinds.yaml``.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

from extractors.char_classes import (
    CLAUSE_END,
    CLAUSE_STOP,
    CLAUSE_STOPS,
    COLONS,
    COMMAS,
    LIST_COMMA,
    SEMICOLONS,
    SENTENCE_STOP,
    SENTENCE_STOPS,
    SPAN_JOINERS,
)
from extractors.context import Context
from extractors.indicators import table as indicator_table
from extractors.language_data import (
    EXTRACTORS_DATA,
    Integer,
    OneOf,
    Pattern,
    Record,
    Strings,
    Text,
    fail,
    load,
    register,
)
from extractors.numerals import CHINESE_NUMERAL_CHARS, DIGIT_CHARS, PLACE_CHARS, YEAR_MARK, parse_number
from extractors.prefix_substitution import PrefixSubstitution
from extractors.records import COMPARATORS, TimeExpr
from extractors.segmentation import cut, tag
from extractors.sentences import SentenceIndex
from extractors.units import registry

TARGET_KINDS_FILE = EXTRACTORS_DATA / "target_kinds.yaml"
TARGET_KINDS_SPEC = Record(
    achievement=Strings(allow_empty=False),
    past_value=Strings(),
    target=Strings(allow_empty=False),
    weak_target=Strings(),
    comparison_bases=Strings(),
    year_on_year=Strings(),
    time_bases=Strings(allow_empty=False),
    reckoning_bases=Strings(allow_empty=False),
    reckoning_after=Strings(allow_empty=False),
    hypothetical=Record(conditions=Strings(allow_empty=False), then=Strings(allow_empty=False)),
    time_particle=Text(),
    baseline_from=Strings(),
    baseline_to=Strings(),
    turns=Strings(allow_empty=False),
    now_reached=Strings(),
    standing_now=Strings(),
    fact=Record(
        current=Strings(),
        not_current=Strings(),
        existential=Strings(),
        not_existential=Strings(),
        population=Strings(),
        nations=Strings(),
        remaining=Strings(allow_empty=False),
        using=Strings(),
        made=Strings(),
        plan_nouns=Strings(),
        plan_objects=Strings(),
        level_nouns=Strings(),
        up_to=Strings(),
        past_eras=Strings(),
        share_of=Strings(),
        share_after=Pattern(),
    ),
    threshold=Record(
        bounds=Strings(OneOf(*COMPARATORS)),
        dimensions=Strings(),
        counted_after=Pattern(),
        sized_groups=Strings(),
        rating_dimensions=Strings(),
        rated_kinds=Strings(allow_empty=False),
        rated_kind_width=Integer(minimum=1),
        purposes=Strings(),
        milestones=Strings(),
    ),
    period=Record(
        plan_genres=Strings(),
        multi_year=Strings(),
        yearly_average=Strings(),
        over_the_years=Strings(),
        continuing=Strings(),
        change_bases=Strings(),
        compared_joiners=Strings(),
        compared_ends=Strings(),
        compared_estimates=Strings(),
        open_ended=Strings(),
        compared_span_marks=Strings(),
        closed_frames=Strings(),
        goal_set=Strings(allow_empty=False),
        rate_units=Strings(allow_empty=False),
        run_of_years=Pattern(),
        level_reached=Strings(),
        levels=Strings(),
        frame_relative=Strings(),
        own_sentence=Strings(),
    ),
    quoted_target=Pattern(),
    planned_before=Pattern(),
    required_by=Pattern(),
    obligation=Strings(),
    requirement_nouns=Strings(allow_empty=False),
    item_openers=Strings(allow_empty=False),
    recalls=Strings(allow_empty=False),
    recall_links=Strings(),
    weak_recalls=Strings(),
    said_parts=Strings(),
    frame_parts=Strings(),
    estimates=Strings(allow_empty=False),
    estimate_commits=Strings(allow_empty=False),
    estimate_of_base=Strings(allow_empty=False),
    striving=Record(**{"for": Strings(), "verbs": Strings()}),
    measured=Record(words=Strings(), unless=Strings(), months_so_far=Pattern()),
    perfect=Strings(),
    perfective=Record(mark=Text(), unless=Strings(), bases=Strings(), places=Strings(allow_empty=False)),
    results=Record(opens=Strings(allow_empty=False), unless=Strings(), losses=Strings(allow_empty=False)),
    held_to=Record(words=Strings(allow_empty=False), disposal=Text()),
    start_marks=Strings(allow_empty=False),
)
TARGET_KINDS_DATA = register("target_kinds", TARGET_KINDS_FILE, TARGET_KINDS_SPEC, "extractors/target_kinds.py")

_SENTENCE_REACH = 200
_SHARE_REACH = 10  # 占 this close before the whole of a share (占棉田实收面积八千五百多万亩)
_YEAR = regex.compile(r"((?:19|20)[0-9]{2})年")
# the base a multiple is of, a noun with no stop: 总和 of 前九年总和的1.6倍, 1950年到1997年全国公路
# 建设投资总和的1.7倍
_HAN_ONLY = regex.compile(r"\p{Han}{0,12}")
_YEAR_WRITTEN = regex.compile(f"[0-9]{{4}}年|[{DIGIT_CHARS}]{{4}}年")  # 1957年, 一九五七年
# a numeral in figures or in words (五百斤、八百斤的要求: the list of a quoted target)
_NUMERAL = regex.compile(f"[0-9０-９{DIGIT_CHARS}]")
_NUMBER_START = regex.compile(f"[0-9０-９{DIGIT_CHARS}{PLACE_CHARS}]")  # 十亿 opens with 十
# marks that may open a sentence before its framing time (一、2021年…, （二）2017年…)
_OPENING = regex.compile(r"(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.．、])?")


@dataclass(frozen=True, slots=True)
class KindWords:
    achievement: tuple[str, ...]
    achievement_re: regex.Pattern
    achievement_width: int  # the longest achievement word
    past_value: tuple[str, ...]
    target: tuple[str, ...]
    weak_target: tuple[str, ...]
    comparison_bases: regex.Pattern
    bases_width: int  # the longest comparison base
    time_bases: regex.Pattern  # 比/从/由… right before a time: a base, not a period
    reckoning_bases: regex.Pattern  # 按… right before a time: what is reckoned in, no period
    reckoning_words: tuple[str, ...]  # the same words, to find anywhere
    reckoning_reach: int  # the longest of them
    reckoning_after: tuple[str, ...]  # 不变价 right after a time: a price basis, no period
    year_not_base: regex.Pattern  # a year written in digits, not after a change base (比1955年)
    conditions: tuple[str, ...]  # 如果: a clause of supposition
    hypothetical_then: tuple[str, ...]  # 就: a consequence of the supposition
    time_particle: str  # 的 between a time and the amount it dates
    baseline_from: tuple[str, ...]
    baseline_to: regex.Pattern
    baseline_to_words: tuple[str, ...]
    turns: tuple[str, ...]  # 转为: a change turned into another (由上年下降2.3%转为增长8.5%)
    now_reached: tuple[str, ...]  # 现在的: the level a change reaches is today's
    standing_now: tuple[str, ...]  # 现已: where things stand now
    reached_now: tuple[str, ...]  # 减少到现在的, 提高到现在的 (baseline_to + now_reached)
    yearly_average: tuple[str, ...]
    over_the_years: tuple[str, ...]
    continuing: tuple[str, ...]
    change_bases: tuple[str, ...]
    compared_joiners: tuple[str, ...]
    compared_ends: tuple[str, ...]
    compared_estimates: tuple[str, ...]  # 预计 of 一九八二年预计同一九八○年比较
    rate_units: tuple[str, ...]  # 人均每月: between a year and the amount it dates, read through
    open_ended: tuple[str, ...]  # 今后一个时期: a span from the plan's year with no end
    compared_span_marks: tuple[str, ...]
    closed_frames: tuple[str, ...]
    goal_set: regex.Pattern  # 2004年我们提出…: the year a goal was set
    run_of_years: regex.Pattern  # 连续四年: group 1 counts the years of a run
    level_reached: tuple[str, ...]
    levels: tuple[str, ...]
    current: tuple[str, ...]
    not_current: tuple[str, ...]
    existential: tuple[str, ...]
    not_existential: tuple[str, ...]
    population: tuple[str, ...]
    nations: tuple[str, ...]  # 中国人: a count of the whole nation, a fact even after a verb
    remaining: tuple[str, ...]  # 只有[849天]了: the time left until a day
    using_re: regex.Pattern  # 用好[平潭]: a stock put to use, right before the amount
    year_on_year: tuple[str, ...]
    made: tuple[str, ...]
    plan_nouns: tuple[str, ...]
    plan_objects: tuple[str, ...]
    level_nouns: tuple[str, ...]  # 增加二十三亿八千万元的水平: the amount is the level, no size
    up_to: tuple[str, ...]  # 到今年上半年有…: a count taken up to a time, a result so far
    past_eras: tuple[str, ...]  # 解放以前, 旧中国: an amount of that era is a fact of it
    strive_for: tuple[str, ...]  # 为, before an amount in its clause, and after it
    strive: tuple[str, ...]  # 奋斗: the amount between them is a goal striven for
    bounds: frozenset[str]
    sizes: frozenset[str]
    sized_groups: tuple[str, ...]  # 班额: a group named by the size of each member
    rating_dimensions: frozenset[str]  # power, weight: a rating before 的 and a kind of plant…
    rated_kinds: tuple[str, ...]  # …电站, 联合企业, 高炉: says which kind, a threshold
    rated_kind_width: int  # the longest such kind (a longer phrase names one plant)
    purposes: tuple[str, ...]  # 用于: what money after it is for
    milestones: tuple[str, ...]  # 大关: a mark a bound amount passes, no group
    counted_after: regex.Pattern  # right after a size: the things that have it are counted
    plan_genres: frozenset[str]
    multi_year: tuple[str, ...]
    frame_relative: frozenset[str]
    own_sentence: tuple[str, ...]
    quoted_target: regex.Pattern
    planned_before: regex.Pattern
    required_by: regex.Pattern
    obligation: tuple[str, ...]  # 应该 before the amount in its clause: what it should be
    requirement_nouns: tuple[str, ...]
    item_openers: tuple[str, ...]  # 其中: opens a part of the measure before
    recalls: tuple[str, ...]  # 以上, 上述: a count right after one recalls what was listed
    weak_recalls: tuple[str, ...]  # 这, 以下: …only a count of the parts of what is said
    said_parts: tuple[str, ...]  # 方面, 方针, 条: the parts of what is said
    frame_parts: tuple[str, ...]  # 方针, 方向: parts of a frame, whoever counts them
    estimates: tuple[str, ...]  # a sentence estimating the year under way reports results
    estimate_commits: tuple[str, ...]  # …unless the clause commits to it (力争, 计划)
    estimate_re: regex.Pattern  # an estimate word not estimating a base (预计数, 预计的)
    measured: tuple[str, ...]  # 同期: against last year's same months, a result so far
    months_so_far: regex.Pattern  # 今年1至9月: the months of the year gone by, a result so far
    commitments: tuple[str, ...]  # …unless the clause commits (力争上半年比去年同期增长)
    perfect: tuple[str, ...]  # 已经 before the amount in its clause: a state reached
    perfective: str  # 了 after a verb before the amount, in a plan part: what was done
    perfective_unless: tuple[str, ...]  # …not after a verb setting a figure (提出了)
    perfective_bases: frozenset[str]  # …nor after a base of comparison (比上年…减少了)
    perfective_places: tuple[str, ...]  # 在 before an amount of places where 了 follows it
    result_opens: tuple[str, ...]  # a clause opening with 结果 tells the result of what was done
    result_unless: tuple[str, ...]  # …unless it holds a word of what may come (可能)
    losses: tuple[str, ...]  # 浪费, 损失: money lost, what happened, never what a plan commits to
    start_marks: tuple[str, ...]  # 起: a time after 从 that says from when, no base
    held_to: tuple[str, ...]  # 把…控制在: a level a plan holds a measure to, no past inherited
    disposal: str  # 把
    share_of: tuple[str, ...]  # 占 before the whole of a share
    share_after: regex.Pattern  # …的百分之二十八 after it


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) or r"(?!)"


# what a replaced word becomes: no cue word holds it, so a cue is never read across
# two pieces of text joined by it, nor across a replaced word
_REPLACED = "，"


@cache
def kind_words() -> KindWords:
    return build_kind_words(load("target_kinds"))


def build_kind_words(d: dict, path: Path = TARGET_KINDS_FILE) -> KindWords:
    """The word tables of checked ``target_kinds.yaml`` data (``path`` names it in errors)."""
    for key in ("achievement", "target", "weak_target"):
        for i, word in enumerate(d[key]):
            if _REPLACED in word:
                raise fail(path, f"{key}[{i}]", f"{word!r} holds {_REPLACED}, which stands for a replaced word")
    return KindWords(
        achievement=tuple(d["achievement"]),
        achievement_re=regex.compile(_alternation(d["achievement"])),
        achievement_width=max(map(len, d["achievement"])),
        past_value=tuple(sorted(d["past_value"], key=len, reverse=True)),
        target=tuple(d["target"]),
        weak_target=tuple(d["weak_target"]),
        comparison_bases=regex.compile(_alternation(d["comparison_bases"])),
        bases_width=max(map(len, d["comparison_bases"]), default=1),
        time_bases=regex.compile(f"(?:{_alternation(d['time_bases'])})$"),
        reckoning_bases=regex.compile(f"(?:{_alternation(d['reckoning_bases'])})$"),
        reckoning_words=tuple(d["reckoning_bases"]),
        reckoning_reach=max(map(len, d["reckoning_bases"])),
        reckoning_after=tuple(d["reckoning_after"]),
        year_not_base=regex.compile(f"(?<!{_alternation(d['period']['change_bases'])})((?:19|20)[0-9]{{2}})年"),
        conditions=tuple(d["hypothetical"]["conditions"]),
        hypothetical_then=tuple(d["hypothetical"]["then"]),
        time_particle=d["time_particle"],
        baseline_from=tuple(d["baseline_from"]),
        baseline_to=regex.compile(_alternation(d["baseline_to"])),
        baseline_to_words=tuple(d["baseline_to"]),
        turns=tuple(d["turns"]),
        now_reached=tuple(d["now_reached"]),
        standing_now=tuple(d["standing_now"]),
        reached_now=tuple(b + n for b in d["baseline_to"] for n in d["now_reached"]),
        yearly_average=tuple(d["period"]["yearly_average"]),
        over_the_years=tuple(d["period"]["over_the_years"]),
        continuing=tuple(d["period"]["continuing"]),
        change_bases=tuple(d["period"]["change_bases"]),
        compared_joiners=tuple(d["period"]["compared_joiners"]),
        compared_ends=tuple(d["period"]["compared_ends"]),
        compared_estimates=tuple(d["period"]["compared_estimates"]),
        rate_units=tuple(sorted(d["period"]["rate_units"], key=len, reverse=True)),
        open_ended=tuple(d["period"]["open_ended"]),
        compared_span_marks=tuple(d["period"]["compared_span_marks"]),
        closed_frames=tuple(d["period"]["closed_frames"]),
        goal_set=regex.compile(f"[^{regex.escape(CLAUSE_STOPS)}]{{0,4}}?(?:{_alternation(d['period']['goal_set'])})"),
        run_of_years=regex.compile(d["period"]["run_of_years"]),
        level_reached=tuple(d["period"]["level_reached"]),
        levels=tuple(d["period"]["levels"]),
        current=tuple(d["fact"]["current"]),
        not_current=tuple(d["fact"]["not_current"]),
        existential=tuple(sorted(d["fact"]["existential"], key=len, reverse=True)),
        not_existential=tuple(d["fact"]["not_existential"]),
        population=tuple(d["fact"]["population"]),
        nations=tuple(d["fact"]["nations"]),
        remaining=tuple(d["fact"]["remaining"]),
        using_re=regex.compile(
            f"(?:{_alternation(d['fact']['using'])})(?!{_alternation(d['fact']['made'])})\\p{{Han}}{{0,3}}$"
        ),
        year_on_year=tuple(d["year_on_year"]),
        made=tuple(d["fact"]["made"]),
        plan_nouns=tuple(d["fact"]["plan_nouns"]),
        plan_objects=tuple(d["fact"]["plan_objects"]),
        level_nouns=tuple(d["fact"]["level_nouns"]),
        up_to=tuple(d["fact"]["up_to"]),
        past_eras=tuple(d["fact"]["past_eras"]),
        bounds=frozenset(d["threshold"]["bounds"]),
        sizes=frozenset(d["threshold"]["dimensions"]),
        sized_groups=tuple(d["threshold"]["sized_groups"]),
        rating_dimensions=frozenset(d["threshold"]["rating_dimensions"]),
        rated_kinds=tuple(d["threshold"]["rated_kinds"]),
        rated_kind_width=d["threshold"]["rated_kind_width"],
        purposes=tuple(d["threshold"]["purposes"]),
        milestones=tuple(d["threshold"]["milestones"]),
        counted_after=regex.compile(d["threshold"]["counted_after"]),
        plan_genres=frozenset(d["period"]["plan_genres"]),
        multi_year=tuple(d["period"]["multi_year"]),
        frame_relative=frozenset(d["period"]["frame_relative"]),
        own_sentence=tuple(d["period"]["own_sentence"]),
        quoted_target=regex.compile(d["quoted_target"]),
        planned_before=regex.compile(d["planned_before"]),
        required_by=regex.compile(d["required_by"]),
        obligation=tuple(d["obligation"]),
        requirement_nouns=tuple(d["requirement_nouns"]),
        item_openers=tuple(d["item_openers"]),
        recalls=tuple(r + link for r in d["recalls"] for link in ("", *d["recall_links"])),
        weak_recalls=tuple(r + link for r in d["weak_recalls"] for link in ("", *d["recall_links"])),
        said_parts=tuple(d["said_parts"]),
        frame_parts=tuple(d["frame_parts"]),
        estimates=tuple(d["estimates"]),
        estimate_commits=tuple(d["estimate_commits"]),
        estimate_re=regex.compile(f"(?:{_alternation(d['estimates'])})(?!{_alternation(d['estimate_of_base'])})"),
        strive_for=tuple(d["striving"]["for"]),
        strive=tuple(d["striving"]["verbs"]),
        measured=tuple(d["measured"]["words"]),
        months_so_far=regex.compile(d["measured"]["months_so_far"]),
        commitments=tuple(d["measured"]["unless"]),
        perfect=tuple(d["perfect"]),
        perfective=d["perfective"]["mark"],
        perfective_unless=tuple(d["perfective"]["unless"]),
        perfective_bases=frozenset(d["perfective"]["bases"]),
        perfective_places=tuple(d["perfective"]["places"]),
        result_opens=tuple(d["results"]["opens"]),
        result_unless=tuple(d["results"]["unless"]),
        losses=tuple(d["results"]["losses"]),
        start_marks=tuple(d["start_marks"]),
        held_to=tuple(d["held_to"]["words"]),
        disposal=d["held_to"]["disposal"],
        share_of=tuple(d["fact"]["share_of"]),
        share_after=regex.compile(d["fact"]["share_after"]),
    )


@dataclass(frozen=True, slots=True)
class Reading:
    """What the quantity extractor knows of one amount, for the kind and period rules."""

    start: int  # mention start (a prefix comparator included)
    number_start: int
    end: int
    clause: tuple[int, int]
    sentence: tuple[int, int]
    comparator: str
    bounded: bool  # the comparator is a word of bound (以上, 不到), not a mark (5700多亿元)
    dimension: str | None  # of the unit (units.yaml), None without a unit
    classifier: bool
    subject: str
    subject_has_verb: bool
    phrase_start: int  # where the phrase before the amount starts (after an amount before it)
    followed_by_de: bool  # 16%的税率
    noun_after: str  # the noun phrase right after the amount, if any
    in_count: bool  # inside the phrase a count earlier in the clause counts (52个村…达到10万元以上)
    before_amount: bool = False  # another amount follows right after it (其中10亿元以上15个)
    # a change turned into another, before the turn: where its 由 stands, the amount's place in
    # the list before the turn and the list's length (由前三年分别上升4.9%、[5.5%]、0.2%，转为… →
    # (由, 1, 3); subject_lists.turns_of)
    turned_from: tuple[int, int, int] | None = None


@dataclass(frozen=True, slots=True)
class FrameTime:
    """A time of the passage as the kind and period rules read it: the years it spans
    (a time without dates frames nothing)."""

    text: str
    char_start: int
    start: int  # first year
    end: int  # last year
    role: str  # deadline | period | point | horizon | compared (carried: _carried_comparison)


def _frame_times(times: Sequence[TimeExpr], shift: int = 0) -> list[FrameTime]:
    """The dated times, at offsets ``shift`` less than theirs (document → passage)."""
    return [
        FrameTime(t.text, t.char_start - shift, t.start.year, t.end.year, t.role)
        for t in times
        if t.start is not None and t.end is not None
    ]


class TimeFrame:
    """The times of a passage, found once, and the frame each sentence opens."""

    def __init__(self, text: str, context: Context, times: Sequence[TimeExpr] | None = None, shift: int = 0) -> None:
        """``times``: those :func:`extract_times` found in ``text``, at offsets ``shift``
        more than their place in it (found here when not given)."""
        from extractors.times import extract_times

        self.context = context
        if times is None:
            times, shift = extract_times(text, context=context), 0
        self.times = _frame_times(times, shift)
        self._starts = [t.char_start for t in self.times]
        self.text = text
        # the times that may govern an amount: no base of comparison (比2010年; but 从1978年到
        # 1983年 is a period), no word that counts from the year under discussion (全年)
        # and no base of a reckoning (按一九五二年不变价格计算)
        relative = kind_words().frame_relative
        self._governing = [
            t
            for t in self.times
            if t.text not in relative
            and not text.startswith(kind_words().reckoning_after, t.char_start + len(t.text))
            and (
                not _after_base(text, t.char_start)
                or (t.start < t.end and _a_span_from(text, t))
                or t.text.endswith(kind_words().start_marks)  # 从2002年1月1日起: from when, no base
            )
            and not _base_of_a_multiple(text, t)
            and not _dates_a_noun(text, t, context.year)
            and not _dates_a_setting(text, t, context.year)
        ]
        self._governing_starts = [t.char_start for t in self._governing]
        self.sentences: SentenceIndex | None = None
        self.amount_starts: list[int] = []  # where the passage's amounts start (set by the caller)
        self._openings: dict[tuple[int, int], FrameTime | None] = {}
        self._heading: tuple[FrameTime | None] | None = None
        self._frames: dict[int, FrameTime | None] = {}
        # the frame sentence i and those before it set for a later sentence (_earlier_frame)
        self._chain: list[FrameTime | None] = []

    def between(self, start: int, end: int) -> list[FrameTime]:
        i = bisect.bisect_left(self._starts, start)
        j = bisect.bisect_left(self._starts, end)
        return self.times[i:j]

    def heading_frame(self) -> FrameTime | None:
        """The time of the innermost heading above the passage that names one, not as a
        base of comparison (二、“十三五”时期主要目标任务和重大举措 → 2016–2020)."""
        if self._heading is None:
            from extractors.times import extract_times

            found = None
            lines = self.context.heading.split("\n") if self.context.heading else []
            for line in reversed(lines):
                times = [
                    t
                    for t in _frame_times(extract_times(line, context=self.context))
                    if t.text not in kind_words().frame_relative and not _after_base(line, t.char_start)
                ]
                if times:
                    # the first single year before a span (2021年和过去五年工作回顾 → 2021)
                    found = next((t for t in times if t.start == t.end), times[-1])
                    break
            self._heading = (found,)
        return self._heading[0]

    def has_amount(self, span: tuple[int, int]) -> bool:
        i = bisect.bisect_left(self.amount_starts, span[0])
        return i < len(self.amount_starts) and self.amount_starts[i] < span[1]

    def opening(self, sentence: tuple[int, int]) -> FrameTime | None:
        """The time that opens the sentence (五年来，…), if one does."""
        if sentence in self._openings:
            return self._openings[sentence]
        self._openings[sentence] = found = self._opening(sentence)
        return found

    def _opening(self, sentence: tuple[int, int]) -> FrameTime | None:
        s, e = sentence
        from extractors.times import time_opens_sentence

        lead = _OPENING.match(self.text, s, e)
        start = lead.end() if lead else s
        first = self.between(s, e)[:1]
        if not first or _after_base(self.text, first[0].char_start):
            return None
        t = first[0]
        from extractors.times import load_time_words

        if t.text.endswith(load_time_words().decade_marks):
            return None  # 这是我国五十年代后期以来从未有过的: a decade frames no later sentence
        if t.start < t.end and self.text.startswith(kind_words().plan_nouns, t.char_start + len(t.text)):
            return None  # “十一五”规划纲要把节能和减排作为约束性目标: a plan's name, no frame
        if _dates_a_setting(self.text, t, self.context.year):
            return None  # 2004年我们提出用三年时间…: when a goal was set frames no sentence
        if _inside_closed_frame(self.text, t, e):
            return None  # 粮食总产量在上年大幅度增长的基础上，又增产291亿斤: 上年 frames only its phrase
        # at the start, after a topic, or after a short lead-in (刚刚过去的2017年，…)
        return t if time_opens_sentence(self.text, start, t.char_start) else None


def _inside_closed_frame(text: str, t: FrameTime, end: int) -> bool:
    """Does a phrase that frames only itself (在…的基础上) close after ``t`` in its clause?"""
    after = t.char_start + len(t.text)
    stop = CLAUSE_STOP.search(text, after, end)
    clause = text[after : stop.start() if stop else end]
    return any(c in clause for c in kind_words().closed_frames)


def _totalled_count(text: str, t: FrameTime) -> bool:
    """Is ``t`` a count of years after its measure (中央财政连续三年累计投入), framing its own
    sentence only? The times module, which read the time, says."""
    from extractors.times import totalled_count  # times never reads the kind rules

    return totalled_count(text, t.char_start, t.text)


def _base_of_a_multiple(text: str, t: FrameTime) -> bool:
    """Is ``t`` what a multiple is of (中央财政安排资金1713亿元，是2010年的2.2倍，全年…建成432万套
    in the 2012 review)? It frames nothing after it."""
    return bool(_multiple_after().match(text, t.char_start + len(t.text)))


def _dates_a_noun(text: str, t: FrameTime, year: int | None) -> bool:
    """Is ``t``, a time before which and before the document's ``year``, a bound of the things
    a relative clause after it names (对2000年底以前发布的756件行政法规进行全面清理，废止71件 in
    the 2003 review)? It says which things, not when the sentence's action was done, so it
    frames nothing (a later one is a deadline: 计划在一九八五年底以前全部建成的四百个)."""
    from extractors.times import load_time_words

    if year is None or t.end >= year:
        return False
    return t.text.endswith(load_time_words().deadline_suffixes) and bool(
        _relative_clause().match(text, t.char_start + len(t.text))
    )


def _dates_a_setting(text: str, t: FrameTime, year: int | None) -> bool:
    """Is ``t``, one past year, when a goal was set (2004年我们提出用三年时间…: the verbs of
    goal_set within four characters after it)?"""
    if year is None or not t.start == t.end < year:
        return False
    return bool(kind_words().goal_set.match(text, t.char_start + len(t.text)))


@cache
def _relative_clause() -> regex.Pattern:
    """A verb of up to four characters and the particle that makes it a noun's modifier (发布的)."""
    return regex.compile(f"\\p{{Han}}{{1,4}}?{regex.escape(kind_words().time_particle)}")


@cache
def _multiple_after() -> regex.Pattern:
    """的 and a multiple (的2.2倍): the time particle and the units of dimension ratio."""
    ratios = "|".join(regex.escape(u.name) for u in registry().units if u.dimension == "ratio")
    return regex.compile(f"{regex.escape(kind_words().time_particle)}[{CHINESE_NUMERAL_CHARS}0-9.]+(?:{ratios})")


def _a_span_from(text: str, t: FrameTime) -> bool:
    """Is the span of years ``t`` after a base word where it starts (从1979年到1984年,
    从1998年起: time_words.yaml since_from), a period, not a base of comparison?"""
    from extractors.times import load_time_words

    return any(j in t.text for j in SPAN_JOINERS) or text.endswith(load_time_words().since_from, 0, t.char_start)


def _after_base(text: str, pos: int) -> bool:
    """Is the time at ``pos`` a base (比2010年, 从2015年的…) or what an amount is reckoned in
    (按一九八○年不变价格计算), never a period?"""
    w = kind_words()
    return bool(
        w.time_bases.search(text, max(0, pos - 1), pos)
        or w.reckoning_bases.search(text, max(0, pos - w.reckoning_reach), pos)
    )


def _strip_bases(w: KindWords, s: str) -> str:
    return w.comparison_bases.sub(_REPLACED, s)


class SentenceCues:
    """The cue words of each sentence of a passage from where it begins (its ；-parts
    share one: _long_start) up to any position, the bases of comparison replaced first
    and, for the target words, the achievement words too (实现年初既定目标 holds no target).

    Each sentence is read once (:class:`PrefixSubstitution`), so an amount costs the
    same however far into its sentence it stands.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._scans: dict[tuple[int, int], tuple[int, PrefixSubstitution, PrefixSubstitution]] = {}
        self._multi_year: dict[tuple[int, int], bool] = {}

    def multi_year(self, sentence: tuple[int, int]) -> bool:
        """Whether the sentence speaks of a yearly average over years (年均)."""
        found = self._multi_year.get(sentence)
        if found is None:
            text = self.text[sentence[0] : sentence[1]]
            found = self._multi_year[sentence] = any(m in text for m in kind_words().multi_year)
        return found

    def before(self, sentence: tuple[int, int], pos: int) -> tuple[bool, bool, bool]:
        """``(achievement, target, weak target)``: whether a word of each kind is in
        ``text[_long_start(sentence):pos]`` as the kind rules read it (``pos`` in the sentence)."""
        w = kind_words()
        scan = self._scans.get(sentence)
        if scan is None:
            lo = _long_start(self.text, sentence[0])
            stripped = PrefixSubstitution(self.text[lo : sentence[1]], w.comparison_bases, _REPLACED, w.bases_width)
            plain = PrefixSubstitution(stripped.out, w.achievement_re, _REPLACED, w.achievement_width)
            scan = self._scans[sentence] = (lo, stripped, plain)
        lo, stripped, plain = scan
        c1, rest1 = stripped.apply(pos - lo)
        c2, rest2 = plain.apply(c1, rest1)
        return (
            stripped.contains(w.achievement, c1, rest1),
            plain.contains(w.target, c2, rest2),
            plain.contains(w.weak_target, c2, rest2),
        )


def _is_threshold(w: KindWords, r: Reading, text: str) -> bool:
    """不到100万元的小微企业, 1亿元以上项目, 52个村集体经济收入达到10万元以上.

    Only a bound written as a word (以上, 不到, 突破), and only on amounts of a size
    (money, area, weight …): a count or share before a noun is how many of them
    (引进5万名以上两岸大学生, 覆盖80%以上的大城市), not a group's definition.
    """
    if r.dimension in w.sizes and w.counted_after.match(text, r.end):
        return True  # 六十斤到七十九斤的有一百零四个县: the size defines the counties counted
    if r.bounded and r.comparator in w.bounds and any(g in (r.noun_after or "") for g in w.sized_groups):
        return True  # 66人以上超大班额: a count that is the size of each member of the group
    if (
        r.followed_by_de
        and r.dimension in w.rating_dimensions
        and r.noun_after
        and len(r.noun_after) <= w.rated_kind_width
        and r.noun_after.endswith(w.rated_kinds)
    ):
        return True  # 年产一百五十万吨的钢铁联合企业, 四十万千瓦的火电站: a rating that says which kind
    if not r.bounded or r.comparator not in w.bounds or r.dimension not in w.sizes:
        return False
    if text.startswith(w.purposes, r.end):
        return False  # 投入逾60亿元用于城市基础设施建设: money spent on something, no group
    if text.startswith(w.milestones, r.end):
        return False  # 国内生产总值突破3万亿元大关: a mark passed
    return r.in_count or bool(r.noun_after) or r.before_amount


def _fact(w: KindWords, r: Reading, text: str, review: bool = False) -> str | None:
    """Why the amount is a fact, or None: ``current`` (现行16%的税率), ``stock`` (我国有2.9亿
    在校学生, 高校毕业生超过1000万人, 14亿人的粮食安全), ``size`` (投资3亿元的海岸线保护修复
    工程: the size of something named, not an amount anyone delivers), ``whole`` (the whole a
    share or a part done is of) or ``countdown`` (只有849天了: the time left until a day)."""
    if w.quoted_target.match(text, r.end):
        return None  # 把我国人口控制在[12亿左右]的目标: what a goal sets, not what there is
    if r.dimension == "duration" and _countdown(w, text, r):
        return "countdown"
    before = text[max(r.clause[0], r.phrase_start) : r.start]
    plain = before
    for x in w.not_current:
        plain = plain.replace(x, _REPLACED)  # 截至目前已完成投资: up to now, a result
    current = [plain.find(c) for c in w.current if c in plain]
    if current and not any(p in plain[min(current) :] for p in w.perfect):
        # not 目前已完成78%, 目前…已经超过2万亿元: the level reached so far
        return "current"
    stripped = before.rstrip()
    if (
        stripped.endswith(w.existential)
        and not stripped.endswith(w.not_existential)
        and not any(o in (r.noun_after or "") for o in w.plan_objects)
        and not _plan_count(w, text[r.clause[0] : r.start])
        and not (review and _they_act(text, r))
    ):
        # not 化学工业部有二十三个建设项目: the projects a plan has are its work; nor 在今年内可以
        # 建设完工的有十四个: what the plan year will see done
        return "stock"
    had = next((p for p in w.population if stripped.endswith(p)), "")
    if had and stripped[: -len(had)].endswith(w.existential) and not stripped[: -len(had)].endswith(w.not_existential):
        return "stock"  # 西藏…共有人口一百二十万 (gov-report-1959): a people had, counted after it
    if not text[r.clause[0] : r.start].strip() and _continues_having(w, text, r):
        return "stock"  # 我国有十亿人口，两亿多户: the list goes on with what is had
    if _whole_of_share(w, text, r) or _whole_of_part(w, text, r):
        return "whole"
    held = any(h in plain for h in w.held_to)
    if r.subject and not r.subject_has_verb and r.subject.endswith(w.population) and not held:
        return "stock"  # 高校毕业生将达727万人; not 总人口必须控制在…, a level planned
    if r.dimension is None and r.noun_after.startswith(w.population) and not _object_of_verb(before):
        return "stock"  # 发挥八亿农民的积极性; not 今年再解决6000万农村人口的饮水安全问题
    if r.dimension is None and r.noun_after.startswith(w.nations):
        return "stock"  # 解决13亿中国人的吃饭问题: the nation is there, whatever is done for it
    if w.using_re.search(stripped):
        return "stock"  # 用好1800亿元引导基金: what is put to use is there already
    if r.followed_by_de and r.dimension == "people" and r.comparator in ("=", "~", ">") and not _object_of_verb(before):
        return "stock"  # 14亿人的粮食安全; not 今年再解决3200万人的安全饮水问题, what is done for them
    if (
        r.followed_by_de
        and r.comparator in ("=", "~")
        and r.dimension in w.sizes
        and not (r.noun_after or "").endswith(w.plan_nouns + w.level_nouns)
        and not any(v in text[r.clause[0] : r.start] for v in w.made)
    ):
        return "size"  # 投资3亿元的海岸线保护修复工程; not 总额4万亿元的两年投资计划, a plan's sum
    return None


def _countdown(w: KindWords, text: str, r: Reading) -> bool:
    """Is the duration the time left until a day (到1997年7月1日我国对香港恢复行使主权，只有[849天]
    了): a word of what remains right before it and the perfective 了 right after it?"""
    return text[r.clause[0] : r.start].endswith(w.remaining) and text.startswith(w.perfective, r.end)


def _they_act(text: str, r: Reading) -> bool:
    """Do the things counted after 有 do something in the rest of the clause (有八十一个国家的
    领导人来我国访问, 有15部法律草案…向社会公开征求意见): in a review, a count of what happened
    in the years reviewed, no stock — not a stock described (有七十四万多个高级农业生产合作社).
    Outside a review such a clause still states how things are (有三分之二的城镇职工在国有企业
    就业)."""
    rest = text[r.end : r.clause[1]]
    return any(f == "v" and w not in kind_words().existential for w, f in tag(rest))


def _object_of_verb(before: str) -> bool:
    """Does ``before`` (the phrase up to the amount) end in a verb the amount is the object of
    (解决[3200万人的…], 解决了[3亿多农村人口的…], 覆盖农村[5亿人口]: a place word between)?"""
    w = kind_words()
    tokens = [t for t in tag(before.rstrip()) if t[0] != w.perfective]
    if len(tokens) > 1 and tokens[-1][1].startswith(("n", "s")) and len(tokens[-1][0]) <= 2:
        tokens.pop()  # 覆盖农村5亿人口: where the people are
    return bool(tokens) and tokens[-1][1].startswith("v") and tokens[-1][1] != "vn"


def _striven_for(w: KindWords, text: str, r: Reading) -> bool:
    """Is the amount what its clause strives for (为…[amount]…而奋斗)?"""
    return any(b in text[r.clause[0] : r.start] for b in w.strive_for) and any(
        a in text[r.end : r.clause[1]] for a in w.strive
    )


def _plan_count(w: KindWords, before: str) -> bool:
    """A clause counting what the plan year will see (在今年内可以建设完工的有十四个): a target
    word in it, not one a count is taken up to (到今年上半年有6600个左右: a result so far)."""
    for t in w.target:
        at = before.find(t)
        if at >= 0 and not before.endswith(w.up_to, 0, at):
            return True
    return False


def _whole_of_share(w: KindWords, text: str, r: Reading) -> bool:
    """The amount is the whole a share is taken of (占全国[一千七百八十六个]县的百分之二十八):
    a count of what there is, whoever wrote it."""
    return share_whole(text, r.clause[0], r.start, r.end) is not None


def _whole_of_part(w: KindWords, text: str, r: Reading) -> bool:
    """The amount is a count of the whole of which a part counted after it is already done
    (对照…实施方案，[180项]重点试验任务已实施144项; [410个]“两基”攻坚县已有317个县实现目标): what
    there is to do, no result nor target of its own. The next amount of its sentence in the
    same unit follows 已."""
    before = text[r.clause[0] : r.start]
    if r.dimension != "count" or (before and not before.endswith(w.time_particle)):
        return False  # the count opens its phrase; not 新建学校[100所]，已建成80所: what was to be built
    unit = _COUNTED.match(text, r.number_start, r.end)
    if unit is None or not unit.group(1):
        return False
    after = next((m for m in _COUNTED.finditer(text, r.end, r.sentence[1]) if m.group(1) == unit.group(1)), None)
    if after is None:
        return False
    between = text[r.end : after.start()]
    # 已 right before the part (已有, 已实施): not 12个项目已经部分地投入生产以外，…
    near = between[-_PART_REACH:]
    return any(p in near for p in w.perfect) and not any(c in between for c in SENTENCE_STOPS)


_PART_REACH = 5  # how far before the part its 已 may stand (已经完成)


_HAN_RUN = regex.compile(r"\p{Han}*")  # the qualifier between a count and its noun (5个[核心]方向)

# a number and the first character after it (410个 → 个, 四十三种 → 种)
_COUNTED = regex.compile(
    f"[0-9０-９{DIGIT_CHARS}][0-9０-９.{CHINESE_NUMERAL_CHARS}]*([^0-9０-９.{CHINESE_NUMERAL_CHARS}]?)"
)


def share_whole(text: str, clause_start: int, start: int, end: int) -> tuple[int, int] | None:
    """Where the words naming the whole start (after 占) and where the share written after
    the amount ends (县的百分之) when ``text[start:end]`` is the whole a share is taken of
    (占全国[一千七百八十六个]县的百分之二十八), else None."""
    w = kind_words()
    after = w.share_after.match(text, end)
    if after is None:
        return None
    lo = max(clause_start, start - _SHARE_REACH)
    found = [(text.rfind(m, lo, start), m) for m in w.share_of]
    at = max((i + len(m) for i, m in found if i >= 0), default=-1)
    return (at, after.end()) if at >= 0 else None


def _continues_having(w: KindWords, text: str, r: Reading) -> bool:
    """The clause before, in the same sentence, says what is had with an amount right after
    the verb of having (我国有十亿人口), and this amount opens its own clause."""
    start = r.clause[0] - 1
    if start <= r.sentence[0]:
        return False
    prior_start = max(r.sentence[0], max(text.rfind(c, 0, start) for c in CLAUSE_STOPS) + 1)
    prior = text[prior_start:start]
    for word in w.existential:  # longest first
        at = prior.find(word)
        if at < 0:
            continue
        if prior.endswith(w.not_existential, 0, at + len(word)):
            return False
        rest = prior[at + len(word) :]
        # the number right after the verb, or after one word of approximation (有近十亿人口)
        return bool(_NUMBER_START.match(rest) or _NUMBER_START.match(rest, 1))
    return False


def classify(
    text: str, r: Reading, context: Context, frames: TimeFrame | None, cues: SentenceCues | None = None
) -> tuple[str, int | None, int | None]:
    """``(kind, period_start, period_end)`` of the amount read as ``r`` (``cues``: the
    passage's, shared by its amounts)."""
    w = kind_words()
    if _striven_for(w, text, r):
        # 正在为日产一千五百吨奋斗; 为争取每人平均至少一千五百斤粮食而奋斗: a goal, in a review too
        if context.year is None:
            return "target", None, None
        governing = _governing_time(text, r, frames)
        span = _after_its_base(
            w, text, r, frames, _period(w, text, r, "target", governing, context, context.year, frames, cues)
        )
        return "target", span[0], span[1]
    if _is_threshold(w, r, text):
        return "threshold", None, None
    if _supposed(w, text, r):
        return "other", None, None  # 如果每个人每年增加一元钱的购买力，…就增加六亿元
    recall = next((x for x in w.recalls if text.endswith(x, 0, r.start)), "")
    if not recall and (text.startswith(w.said_parts, r.end) or text.endswith(w.said_parts, 0, r.end)):
        recall = next((x for x in w.weak_recalls if text.endswith(x, 0, r.start)), "")
    if r.dimension == "count" and any(
        text.startswith(w.frame_parts, r.end + k) and _HAN_RUN.fullmatch(text, r.end, r.end + k) for k in range(3)
    ):
        # 聚焦…等5个核心方向, 提出了…的十条方针: the parts of a frame, counted by whoever drew it
        return "other", None, None
    if (
        recall
        and r.dimension == "count"
        and not _NUMERAL.search(text, max(0, r.start - len(recall) - 4), r.start - len(recall))
    ):
        # 国务院提出的以上[十项]经济建设方针: the parts of what was listed (not 10亿元以上15个,
        # where 以上 bounds the amount before)
        return "other", None, None
    if _of_a_past_era(w, text, r, frames):
        return "fact", None, None  # 直到抗日战争爆发以前，全国除东北外每年只生产钢四万吨左右
    base = _time_right_before(text, r, frames)
    if (
        base is not None
        and context.year
        and base.end < context.year
        and text.endswith(w.change_bases, 0, base.char_start)
        and text.startswith(w.time_particle, _after_span_mark(w, text, base))
    ):
        # the level of a base of comparison is that year's (比一九五七年的[三百一十二万吨]增加了
        # 一百九十万吨), in a plan chapter too, like 从去年的2.1%; a plan period's, its years
        # (比第五个五年计划期间的[五百七十七亿元]增加百分之六十八 → 1976–1980)
        return "achievement", base.start, base.end
    if context.year and context.part == "review" and _quotes_target(w, text, r):
        year = _reported(context)
        return "target", year, year  # a review quoting last year's target: 实现了7.5%左右的预期目标
    if context.part == "review" and _required(w, text, r) and not _is_baseline(w, text, r):
        # a review quoting what a plan requires (纲要要求：棉花的亩产量…分别达到四十斤、六十斤):
        # the plan's target, over the plan's years where the sentence gives them, reaching past
        # the year reviewed (从一九五六年开始，在十二年内 → 1956–1967), or of the year reviewed
        # where the sentence says so (去年我在政府工作报告中曾提出，要把…控制在百分之十以内),
        # else none; where a change starts is no requirement (物价涨幅要从14.8%降到10%左右)
        t = _governing_time(text, r, frames)
        reported = _reported(context) if context.year else None
        if t is not None and t.start < t.end and reported is not None and t.end > reported:
            return "target", t.start, t.end
        if t is not None and t.start == t.end == reported:
            return "target", reported, reported
        return "target", None, None
    fact = _fact(w, r, text, review=context.part == "review")
    if fact == "stock" and context.part != "review" and context.year is not None:
        governing = _governing_time(text, r, frames)
        if (
            governing is not None
            and governing.char_start < r.start
            and governing.end < context.year
            and governing.role != "horizon"
        ):
            # a stock dated before the plan's year (by a time before it: not 达到发达国家七十
            # 年代的水平) is what there was then, a result of that time (一九五八年初全国有
            # 七十四万多个高级农业生产合作社, in the 1960 report)
            return "achievement", governing.start, governing.end
        if (
            governing is not None
            and governing.char_start < r.start
            and governing.start < governing.end
            and governing.start <= context.year < governing.end
            and governing.role != "horizon"
            and not _reached(w, text[r.clause[0] : r.start])
        ):
            # what the plan's years, reaching ahead, will have is the plan's count, no stock
            # (能够在五年内建设完成的，工业方面有四百五十五个, in the 1955 plan chapter): a target
            # over them — not a state already reached (其中已开工建设的…有九十三个)
            return "target", governing.start, governing.end
    if fact is not None:
        if context.part != "review" or context.year is None or fact != "stock":
            return "fact", None, None
        # in a review, stocks and populations are results of the year reviewed
        # (市场主体总量超过1亿户, 近14亿人口的发展中大国 …实现了比较充分就业)
        year = _reported(context)
        if _is_baseline(w, text, r):
            start, end = _period(w, text, r, "achievement", None, context, context.year, frames, cues)
            return "achievement", start, end  # 农村贫困人口由4960万人减少到2820万人
        governing = _governing_time(text, r, frames)
        if governing is not None and governing.end <= year:
            return "achievement", governing.start, governing.end  # 五年内全国本专科毕业生1300万人
        return "achievement", year, year
    kind, governing = _kind(w, text, r, context, frames, cues)
    if kind in ("other", "fact") or context.year is None:
        return kind, None, None
    span = _period(w, text, r, kind, governing, context, context.year, frames, cues)
    if kind == "target":
        span = _after_its_base(w, text, r, frames, span)
        if governing is None and any(o in text[r.sentence[0] : r.start] for o in w.open_ended):
            # 今后一个时期，…促进约1亿农业转移人口落户城镇: from the plan's year on, with no end
            # year (not the plan year's own target)
            return kind, span[0], None
        if (
            governing is not None
            and governing.start == governing.end
            and governing.text.endswith(w.start_marks)
            and frames is not None
            and len(frames.between(*r.sentence)) == 1
        ):
            # 从今年起，国家财政将每年安排支出1030多亿元: from that year on, with no end (not
            # 从今年起…，五年内取消农业税: the sentence names the end)
            return kind, governing.start, None
    return kind, span[0], span[1]


def _kind(
    w: KindWords, text: str, r: Reading, context: Context, frames: TimeFrame | None, cues: SentenceCues | None = None
) -> tuple[str, FrameTime | None]:
    """target / achievement / other, and the time that decided it (if any)."""
    start, end = r.number_start, r.end
    cs, _ = r.clause
    ss, se = r.sentence
    before = text[cs : r.start]
    baseline = _is_baseline(w, text, r)
    # 已经 before the amount in its clause, no commitment there: a state already reached
    # (农业生产合作社在今年八月已经发展到十万个, in the 1954 plan chapter), which the plan
    # year's time words do not make a goal
    reached = not baseline and _reached(w, before)
    if context.part == "review":
        # the time the amount is about still dates it (五年内全国本专科毕业生1300万人), unless
        # it lies after the year reviewed (今年以来 in a plan written late in that year)
        governing = _governing_time(text, r, frames)
        if governing is not None and context.year and governing.end > _reported(context):
            commits = any(t in w.commitments for t in cut(before))
            if not reached and (governing.role == "deadline" or commits or _plan_year_named(w, text, r, governing)):
                # a goal the review restates, due after the year reviewed (纲要规定…，到一九六七年
                # …分别达到四百斤、五百斤、八百斤的指标, in the 1959 review of 1958), or one it
                # commits to for the year after it (今年…的资金将达305亿元, in the 2003 review)
                return "target", governing
            if not _estimates_own_year(w, text, r, governing, context.year):
                governing = None
        return "achievement", governing
    if not baseline and any(before.endswith(x) for x in w.past_value):
        return "achievement", None
    if not baseline and context.year:
        for own in (_governing_time(text, r, frames), _frame(text, r, frames)):
            if own is not None and _estimates_year_under_way(w, text, r, own, context.year):
                # the year under way estimated in a report written late in it (一九五四年预计
                # 现代工业的总产值将等于一九四九年的四点二倍, September 1954): a result
                return "achievement", own
    done = _done_before(w, before) or _done_in_places(w, text, r) or _a_result(w, text, r)
    if reached or (not baseline and done):
        governing = _governing_time(text, r, frames)
        if governing is None or not context.year or governing.end <= context.year:
            # not in a plan's span (五年内…的支出已经达到七百六十六亿四千万元: what the plan sets)
            return "achievement", governing
    if not baseline and before.rstrip().endswith(w.losses):
        # money wasted or lost (这个工程因为…而积压资金一百四十四亿余元, …浪费损失十八亿余元: examples of
        # waste in the 1954 and 1955 plan chapters): what happened, at the time its sentence names
        return "achievement", _governing_time(text, r, frames)
    months = w.months_so_far.search(text, ss, r.start)
    so_far = any(m in before for m in w.measured) or months
    # a plan fulfilled in the months gone by is no commitment (计划完成105%)
    binding = [c for c in w.commitments if not (months and c in w.weak_target)]
    if not baseline and so_far and not any(c in before for c in binding):
        # measured against last year's same months, a result so far even under 今年
        # (今年上半年，社会商品零售总额又比去年同期增长18.5%, in the 1980 plan chapter), and so is
        # what the months gone by of the year saw (今年1——5月份铁道货运量计划完成105%, 1956;
        # 今年1至9月安排了四百七十七万人就业, 1981)
        return "achievement", _governing_time(text, r, frames)
    clause_text = _strip_bases(w, text[cs : r.clause[1]])
    lo, hi = max(ss, start - _SENTENCE_REACH), min(se, end + _SENTENCE_REACH)
    near = text[lo:hi]
    if frames is not None:
        # the time opening a later clause speaks of that clause, and is no cue of an amount
        # before it (1979年重工业总产值比上年增长[7.7%]，今年上半年又比去年同期增长6%)
        for t in frames.between(r.clause[1], hi):
            if t.char_start > 0 and text[t.char_start - 1] in CLAUSE_STOPS:
                a = t.char_start - lo
                near = near[:a] + _REPLACED * len(t.text) + near[a + len(t.text) :]
    near = _strip_bases(w, near)
    earlier = _strip_bases(w, text[max(ss, start - _SENTENCE_REACH) : start])
    planned, weak, past = _cue_words(w, text, r, clause_text, near, cues or SentenceCues(text))
    said_past = past  # an achievement word says so
    governing = _governing_time(text, r, frames)
    if not past and context.year:
        # a past year in the clause or before it (1992年同1987年相比，钢产量增长百分之四十二),
        # unless the sentence also looks ahead (到2020年…比2010年增长1倍); in a report that sets
        # out the next year's plan its own year is past too (一九六四年，…比一九五七年增长四倍),
        # unless the clause commits to it (1980年将达到29%, 1980年计划…控制在500亿元)
        committed = context.plan_year is not None and any(t in w.commitments for t in cut(clause_text + earlier))
        now = context.plan_year if context.plan_year and not committed else context.year
        years = [int(y) for y in _YEAR.findall(near)]
        # a base of comparison (比1955年增长8.4%) looks back at nothing
        looks_back = any(int(y) < now for y in w.year_not_base.findall(clause_text + earlier))
        past = looks_back and all(y < now for y in years)
        if not past and governing is not None and governing.end < now and not planned:
            past = True  # “十三五”时期，5575万农村贫困人口实现脱贫 (in a 2021 plan chapter)
    frame = None
    if not past and not planned and governing is None and not _YEAR.search(clause_text + earlier):
        # a sentence with no time cue of its own continues the frame of the one before it:
        # 过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%… (gov-report 2011)
        prev = _previous_sentence(text, ss).lstrip()
        lead = _OPENING.match(prev)
        opening = prev[lead.end() if lead else 0 :][:8]
        # 把居民消费价格涨幅控制在3.5%左右 after 去年价格上涨的翘尾影响约有1个百分点 (2013): a
        # level the plan holds a measure to inherits no past
        held = _held_to(w, before)
        past = not held and any(opening.startswith(c) for c in w.achievement) and not any(c in prev for c in w.target)
        frame = _frame(text, r, frames)
        # (a report setting out the next year's plan reviews its own year under a frame of
        # 今年 too, but a figure of that year's plan quoted there stays a target)
        if not past and not held and frame is not None and context.year and frame.end <= _reported(context, late=False):
            past = True  # 五年来，… 一是 …; a 工作报告 of 2022 opening with 2022年
    if baseline:
        # where a change starts is no target: the level of the year written with it (从去年的
        # 2.1%提高到2.3%, 将由1955年的46%上升到…), in a report of results the earlier result
        # (农村低保标准由3600元提高到3960元), in a plan chapter without a year the level now, a
        # fact; the change is a result only when the passage says so: an achievement word, a
        # past frame, or two past years (1986年同1978年相比，…由3480亿元增加到9380亿元)
        one_year = len(set(_YEAR.findall(text[ss:se]))) <= 1 and frame is None and governing is None
        own = _time_right_before(text, r, frames)
        if own is not None and context.year and own.end < (context.plan_year or context.year):
            return "achievement", own  # 将由一九五七年的[百分之四十二左右]，提高到…: that year's level
        if planned or (context.part == "plan" and (not past or (one_year and not said_past))):
            return "fact", None  # 由每人每年[50元]提高到100元: the level now, which the plan changes
        return ("achievement" if past else "other"), governing
    if past and not planned:
        return "achievement", governing  # a weak cue (全年兑现…) does not undo a past frame
    if context.part == "plan" or planned or weak:
        return "target", governing
    current = governing if governing is not None else frame
    if current is not None and context.year and current.end >= context.year:
        return "target", current  # 2022年是…开局之年。… 新改扩建6所中小学幼儿园
    if context.part != "review" and context.genre in w.plan_genres:
        return "target", governing  # a 工作计划 without parts is a plan throughout
    return "other", governing


def _reached(w: KindWords, before: str) -> bool:
    """``before`` (the clause up to the amount) says a state was reached: a perfect marker
    (已经, 已) with no commitment in the clause, and not one that governs a reckoning the
    amount sits in (已按…的4%编制预算: the budget is drawn up at 4%, the plan year's)."""
    at = max((before.rfind(m) for m in w.perfect), default=-1)
    if at < 0 or any(c in before for c in w.commitments):
        return False
    return not any(b in before[at:] for b in w.reckoning_words)


def _held_to(w: KindWords, before: str) -> bool:
    """Does the clause before the amount hold a measure to a level with 把 (把居民消费价格涨幅
    控制在3.5%左右: the plan's), not state where it was held (居民消费价格涨幅控制在3.3%)?"""
    at = max((before.find(h) for h in w.held_to), default=-1)
    return at > 0 and w.disposal in before[:at]


def _done_before(w: KindWords, before: str) -> bool:
    """``before`` (the clause up to the amount) tells what was done: the aspect mark 了 as
    a word of its own after a verb (我们也接待了三十多个国家的领导人来访), with no commitment
    and no base of comparison in the clause (比上年国防费决算数减少了5.52%: the plan's budget
    against last year's) and not after a verb that sets a figure (提出了钢产量一千八百万吨)."""
    if w.perfective not in before or any(c in before for c in w.commitments):
        return False
    tokens = tag(before)
    for i in range(len(tokens) - 1, 0, -1):
        word, _ = tokens[i]
        verb, flag = tokens[i - 1]
        if word == w.perfective and flag.startswith("v"):
            compared = any(t in w.perfective_bases for t, _ in tokens[: i - 1])
            return not compared and not verb.endswith(w.perfective_unless)
    return False


def _done_in_places(w: KindWords, text: str, r: Reading) -> bool:
    """Does the amount count the places where its clause says something was done (在一百多个国营
    农场和一些县试办了农工商联合企业; 国家先后在58个城市进行了…试点): a preposition of place right
    before it, and after it the clause's verb with the aspect mark 了, no commitment in the clause."""
    before = text[r.clause[0] : r.start].rstrip()
    if not before.endswith(w.perfective_places):
        return False
    clause = text[r.clause[0] : r.clause[1]]
    if any(c in clause for c in w.commitments):
        return False
    tokens = tag(text[r.end : r.clause[1]])
    return any(
        word == w.perfective and flag.startswith("v") and not verb.endswith(w.perfective_unless)
        for (verb, flag), (word, _) in zip(tokens, tokens[1:])
    )


def _a_result(w: KindWords, text: str, r: Reading) -> bool:
    """Is the amount in a result told after what was done: a clause of its sentence before it
    opens with 结果 (…加强了管理，结果炼铁焦比由九百五十公斤降到七百零五公斤，生铁成本由…降到二百四十
    三元, gov-report-1981), and nothing from there on commits to or foresees it (结果将使…, 结果…还
    可能增加近百亿元)?"""
    starts = [r.sentence[0], *(m.end() for m in CLAUSE_END.finditer(text, r.sentence[0], r.start))]
    start = next((i for i in starts if text.startswith(w.result_opens, i)), None)
    if start is None:
        return False
    told = text[start : r.clause[1]]
    return not any(c in told for c in (*w.commitments, *w.result_unless))


def _plan_year_named(w: KindWords, text: str, r: Reading, t: FrameTime) -> bool:
    """In a review, the amount is about a year after the one reviewed, written out (1957年的
    国家预算收入比1956年增长近百分之二, in the 1957 review of 1956): that year's plan — unless
    its sentence estimates the year under way (一九八二年预计达到…, in a report of December 1982)."""
    if t.role != "period" or t.start != t.end or not _YEAR_WRITTEN.search(t.text):
        return False
    return not any(e in text[_long_start(text, r.sentence[0]) : r.start] for e in w.estimates)


def _estimates_own_year(w: KindWords, text: str, r: Reading, t: FrameTime, year: int) -> bool:
    """In a review, does the sentence estimate the document's own year, written out (一九八二年
    预计达到…, in the 1982 report delivered that December)? Then the amount is that year's."""
    if t.start != t.end or t.end != year or not _YEAR_WRITTEN.search(t.text):
        return False
    return any(e in text[t.char_start : r.start] for e in w.estimates)


def _estimates_year_under_way(w: KindWords, text: str, r: Reading, t: FrameTime, year: int) -> bool:
    """Outside a review, is the amount the document's own year (written out or 今年), in a
    sentence that estimates before it (预计今年的粮食产量可以等于…，棉花产量可以等于…), with
    no commitment in its clause (计划, 力争)? An estimate of the year under way is its expected
    result, not a commitment."""
    lo = _long_start(text, r.sentence[0])  # parts joined by ； share the estimate with their time
    if t.start != t.end or t.end != year or t.char_start < lo:
        return False
    said = text[lo : r.start]
    # not the estimate of a base (比一九五七年的预计数增加, 由今年预计的3%提高到)
    if not w.estimate_re.search(said):
        return False
    return not any(c in text[r.clause[0] : r.start] for c in w.estimate_commits)


def _supposed(w: KindWords, text: str, r: Reading) -> bool:
    """Is the amount part of a supposition: in a clause of condition (如果每个人每年增加一元
    钱的购买力), or in its consequence drawn with 就 (…，全国人民的购买力就增加六亿元)? A
    figure reckoned another way (如果把…加入计算，则…实际增长26.39%) and a plan under a
    caveat (如果没有特大的灾荒，粮食产量将要达到…) are no suppositions."""
    ss = _long_start(text, r.sentence[0])
    at = max((text.rfind(c, ss, r.start) for c in w.conditions), default=-1)
    if at < 0:
        return False
    stop = next((i for i in range(at, r.start) if text[i] in CLAUSE_STOPS), None)
    end = stop if stop is not None else r.clause[1]
    if any(c in text[at:end] for c in w.compared_ends):
        return False  # 如果同…一九五零年的一百七十亿元作比较: a base of comparison, no supposition
    if stop is None:
        return True  # the amount is inside the condition
    return any(word in w.hypothetical_then for word, _ in tag(text[stop + 1 : r.start]))


_FIRST_CLAUSE = regex.compile(f"[^{regex.escape(CLAUSE_STOPS)}]*")


def _of_a_past_era(w: KindWords, text: str, r: Reading, frames: TimeFrame | None) -> bool:
    """Does the amount's sentence open with a clause set in an era before the issuer's
    (直到抗日战争爆发以前，…), with no time written before the amount and the era not a base
    of comparison (比解放前…; 相当于解放前北京市的…六倍 in a later clause compares)?"""
    before = text[r.sentence[0] : r.start]
    first = _FIRST_CLAUSE.match(before)
    opening = first.group() if first else before
    at = max((opening.rfind(e) for e in w.past_eras), default=-1)
    if at < 0 or w.time_bases.search(before, max(0, at - 1), at):
        return False  # 比解放前的最高水平增加, 同解放前比较: a base of comparison
    # 旧中国从1932年到1936年…: the years say when
    return frames is None or not frames.between(r.sentence[0], r.start)


def _quotes_target(w: KindWords, text: str, r: Reading) -> bool:
    """In a review, the amount is last year's target quoted: right before 的预期目标, or in a
    list that ends in one (没有实现年初确定的单位国内生产总值能耗降低4%左右、主要污染物排放总量
    减少2%的目标)."""
    if w.quoted_target.match(text, r.end):
        return True
    if w.planned_before.fullmatch(text[r.clause[0] : r.start].strip()):
        return True  # 年度计划投资99.8亿元，截至目前已完成投资73.58亿元 (not 完成年度计划的102%)
    if not text.startswith(LIST_COMMA, r.end):
        return False
    m = w.quoted_target.search(text, r.end, r.clause[1])
    return m is not None and _NUMERAL.search(text, r.end, m.start()) is not None


def _required(w: KindWords, text: str, r: Reading) -> bool:
    """A plan's requirement quoted before the amount: in its clause (纲要规定的三十天), or
    opening its sentence with a colon (纲要要求：…分别达到四十斤); or a word of obligation
    in its clause before it (全国粮食总产量应该有…), not as a consequence (就应当是)."""
    before = text[r.clause[0] : r.start]
    for o in w.obligation:
        at = before.find(o)
        if at >= 0 and not before.endswith(w.hypothetical_then, 0, at):
            # 按照纲要要求的水平计算，全国粮食总产量应该有七千二百亿斤: what it should be; not
            # a figure reckoned anew (这样，一九五七年的工农业总产值就应当是…)
            return True
    for m in w.required_by.finditer(text, r.sentence[0], r.start):
        if text[m.end() : r.start].rstrip().endswith(w.requirement_nouns):
            continue  # 超过…计划所规定的一九五七年的指标百分之十七点三: the excess, a result
        if m.start() >= r.clause[0] or m.group()[-1] in COLONS:
            return True
        if m.group()[-1] in COMMAS and not text[m.end() : r.clause[0]].strip():
            return True  # 报告中曾提出，要把…控制在百分之十以内: the clause right after
    return False


def _is_baseline(w: KindWords, text: str, r: Reading) -> bool:
    """The amount is where a change starts: 从/由 earlier in its clause and 增加到/提高到 right
    after it (由1997年的65%提高到2002年的91%)."""
    before = text[r.clause[0] : r.start]
    if not any(x in before for x in w.baseline_from):
        return False
    after = r.end + 1 if text[r.end : r.end + 1] in COMMAS else r.end  # 由…的百分之四十二左右，提高到…
    return bool(w.baseline_to.match(text, after))


def _cue_words(
    w: KindWords, text: str, r: Reading, clause_text: str, near: str, cues: SentenceCues
) -> tuple[bool, bool, bool]:
    """``(planned, weak, past)``: a target word near the amount or earlier in its sentence,
    a weak target word there, an achievement word in its clause or earlier in its sentence.
    A target word inside a report of results is none (实现年初既定目标, 超过全年预期目标)."""
    plain = w.achievement_re.sub(_REPLACED, near)
    long_past, long_planned, long_weak = cues.before(r.sentence, r.number_start)
    planned = long_planned or any(c in plain for c in w.target)
    weak = long_weak or any(c in plain for c in w.weak_target)
    past = long_past or any(c in clause_text for c in w.achievement)
    # a level a change has reached by now is a result (由四百六十六个减少到现在的二百七十六个)
    past = past or text[r.clause[0] : r.start].rstrip().endswith(w.reached_now)
    return planned, weak, past


def _reported(context: Context, late: bool = True) -> int:
    """The year a passage's document reports on: its own for a report delivered late in it
    (``Context.plan_year``; unless ``late`` is False), else extractors.times.reported_year."""
    from extractors.times import reported_year  # times never reads the kind rules

    assert context.year is not None
    return context.year if late and context.plan_year is not None else reported_year(context.genre, context.year)


def _long_start(text: str, sentence_start: int) -> int:
    """Where the sentence that ``sentence_start`` is a part of begins: parts joined by ；
    share their time (初步预计，2017年地区生产总值234.4亿元，增长8.5%；一般公共预算总收入…)."""
    lo = max(0, sentence_start - _SENTENCE_REACH)
    cut = max(text.rfind(c, lo, sentence_start) for c in "。！？\n")
    return cut + 1 if cut >= 0 else lo


def _previous_sentence(text: str, start: int) -> str:
    """The sentence before ``start`` in the same passage (empty at its start)."""
    head = text[max(0, start - _SENTENCE_REACH) : start].rstrip()
    if not head:
        return ""
    head = head[:-1] if head[-1] in "。；！？" else head
    cut = max(head.rfind(c) for c in "。；！？")
    return head[cut + 1 :]


def _governing_time(text: str, r: Reading, frames: TimeFrame | None) -> FrameTime | None:
    """The time the amount is about: the nearest before it in its sentence that is not a
    base of comparison, else the first after it in its clause."""
    if frames is None:
        return None
    starts = frames._governing_starts
    i = bisect.bisect_left(starts, r.start) - 1
    g = frames._governing[i] if i >= 0 else None
    particle = kind_words().time_particle
    base_of = text[g.char_start + len(g.text) : r.start] if g is not None else ""
    if r.dimension == "ratio" and base_of.endswith(particle) and _HAN_ONLY.fullmatch(base_of[:-1]):
        i -= 1  # 是1997年的2.3倍, 相当于前九年总和的1.6倍: the years of the base a multiple counts from
    w = kind_words()
    while i >= 0 and _closed_before(w, text, frames._governing[i], r.start):
        i -= 1  # 在1979到1983年平均每年递增7.9%的基础上，比上年增长14.2%: not 1979–1983
    while i >= 0 and starts[i] < r.sentence[0] and _after_an_amount_of_its_part(text, frames, starts[i]):
        i -= 1  # 五年新增电力装机3.5亿千瓦，是1950年到2002年53年的总和；新增公路…: not 1950–2002
    if i >= 0 and starts[i] >= _long_start(text, r.sentence[0]):
        return frames._governing[i]
    j = bisect.bisect_left(starts, r.end)
    if j < len(starts) and starts[j] < r.clause[1]:
        return frames._governing[j]
    return None


def _after_an_amount_of_its_part(text: str, frames: TimeFrame, start: int) -> bool:
    """Does an amount come before the time at ``start`` in its part of a sentence joined by ；?
    Such a time speaks of that part's amount; only one before the part's amounts frames the
    parts after it."""
    lo = _long_start(text, start)
    part = max(text.rfind(c, lo, start) for c in SEMICOLONS) + 1 or lo
    k = bisect.bisect_left(frames.amount_starts, part)
    return k < len(frames.amount_starts) and frames.amount_starts[k] < start


def _closed_before(w: KindWords, text: str, t: FrameTime, pos: int) -> bool:
    """Does a phrase that frames only itself (在…的基础上) close between the time and ``pos``?"""
    between = text[t.char_start + len(t.text) : pos]
    return any(c in between for c in w.closed_frames) and not SENTENCE_STOP.search(between)


def _frame(text: str, r: Reading, frames: TimeFrame | None, context: Context | None = None) -> FrameTime | None:
    """The time frame of the amount's sentence: the time that opens it or the nearest
    earlier sentence of the passage that opens with one (五年来，…), unless a sentence in
    between speaks of the plan year or later (二、…全力推进2018年各项工作…), which starts
    the plan's frame. Words that count from the year under discussion (全年) open no frame
    of their own."""
    if frames is None:
        return None
    if r.sentence[0] in frames._frames:
        return frames._frames[r.sentence[0]]
    frames._frames[r.sentence[0]] = found = _find_frame(text, r, frames)
    return found


def _find_frame(text: str, r: Reading, frames: TimeFrame) -> FrameTime | None:
    if frames.sentences is None:
        frames.sentences = SentenceIndex(text)
    index = frames.sentences
    i = bisect.bisect_right(index._starts, r.sentence[0]) - 1
    if i < 0:
        return frames.heading_frame()
    if index.spans[i][0] == r.sentence[0]:
        # the amount's own sentence frames it only by the time that opens it
        t = frames.opening(index.spans[i])
        if t is not None and t.text not in kind_words().frame_relative:
            return t
        i -= 1
    return _earlier_frame(frames, index, i)


def _earlier_frame(frames: TimeFrame, index: SentenceIndex, i: int) -> FrameTime | None:
    """The frame that sentence ``i`` and those before it set for a later sentence: the
    nearest that opens with a time, or that has no amount and speaks of the plan year or
    later, else the heading's. Remembered for every sentence walked, so the sentences of
    a passage are walked once, not once per amount."""
    w = kind_words()
    reported = _reported(frames.context) if frames.context.year else None
    chain = frames._chain
    while len(chain) <= i:
        j = len(chain)
        span = index.spans[j]
        found = frames.opening(span)
        if found is not None and (
            found.text in w.frame_relative
            or found.text.startswith(w.own_sentence)
            or _totalled_count(frames.text, found)
            or (found.role == "deadline" and frames.context.part != "review")
        ):
            # 全年 counts from the frame; 近两年，…, 连续三年累计投入 and, outside a review, a deadline
            # (到明年底，…道路硬化。再解决6000万人…: this year's) frame their own sentence only
            found = None
        if (
            found is not None
            and found.role == "point"
            and (
                frames.context.part == "review"
                or (frames.context.year is not None and found.end < frames.context.year - 1)
            )
            and frames.has_amount(span)
        ):
            # 2012年底，城镇和农村人均住房面积32.9平方米…: a moment dating the levels of its own
            # sentence, not the frame of those after it (but 当一九五四年…召开的时候，… sets the
            # scene for the sentence after it); outside a review, so does a moment older than
            # last year (一九三六年的粮食产量是… in a 1955 plan chapter that a page dump runs into
            # one passage), while last year's still frames what follows (到一九五三年底，… in 1954)
            found = None
        if found is not None:
            found = _carried_comparison(w, frames, found)
        if (
            found is not None
            and frames.context.year
            and frames.context.part == "review"
            and found.start > frames.context.year
        ):
            # 提出到2020年…行动目标 in the 2011 review of 2006–2010: a goal announced for a
            # year after the document's frames no result after it
            found = None
        if found is None and reported is not None and frames.context.part != "review" and not frames.has_amount(span):
            # a sentence of no amount of its own that speaks of the plan year or later opens
            # the plan's frame (二、新一届政府努力方向和2022年重点工作今后五年，…), outside a review
            # (…可望在今年内陆续投产 in the 1985 review of 1984); a commitment with its own
            # deadline (力争在3-5年内引进5万名以上…; …，三年内给予…; 西部地区于2020年完成) frames
            # only itself
            ahead = [
                x
                for x in frames.between(*span)
                if x.start > reported
                and x.role not in ("point", "deadline")
                and x.text not in w.frame_relative
                and not _own_deadline(frames.text, x)
            ]
            if ahead:
                found = ahead[-1]
        chain.append(found if found is not None else chain[-1] if chain else frames.heading_frame())
    return chain[i] if i >= 0 else frames.heading_frame()


def _counted_years(written: str) -> bool:
    """Is ``written`` a bare count of years with a word of place (五年间, 三年中), not one
    counted from now (今后五年) or a deadline (五年内)?"""
    from extractors.times import load_time_words

    w = load_time_words()
    return (
        bool(_COUNTED_YEARS.fullmatch(written))
        and written.endswith(tuple(w.context_after))
        and not written.endswith(tuple(w.within_suffixes))
    )


_COUNTED_YEARS = regex.compile(f"[{DIGIT_CHARS}{PLACE_CHARS}0-9]{{1,3}}{YEAR_MARK}\\p{{Han}}")


def _own_deadline(text: str, t: FrameTime) -> bool:
    """Is ``t``, a span written with 内 (三年内), the deadline of the clause it stands in, before
    its verb (…的各类企业，三年内给予定额税费减免。 in the 2019 plan)? It frames that sentence
    only, not the sentences after it. (A time whose role is a deadline never frames a later
    sentence outside a review: ``_earlier_frame`` leaves it out before asking.)"""
    from extractors.times import load_time_words

    within = t.text.endswith(tuple(load_time_words().within_suffixes))
    if not within or t.char_start == 0 or text[t.char_start - 1] not in CLAUSE_STOPS:
        return False
    after = tag(text[t.char_start + len(t.text) : t.char_start + len(t.text) + 4])
    return bool(after) and after[0][1] == "v"


def _period(
    w: KindWords,
    text: str,
    r: Reading,
    kind: str,
    governing: FrameTime | None,
    context: Context,
    year: int,
    frames: TimeFrame | None,
    cues: SentenceCues | None = None,
) -> tuple[int, int]:
    """The years a target or an achievement is about (docs/annotation.md "period"), in a
    document of ``year``."""
    t = governing if governing is not None else _frame(text, r, frames)
    if kind == "target":
        over = _averaged_over(w, text, r, frames, year) if t is None or t.start == t.end else None
        if over is not None:
            return over  # 平均每年降低1个百分点以上，五年内取消农业税 → 2004–2008
        if t is not None and t.end >= year:
            if t.role in ("deadline", "horizon"):
                # from the plan's first year: the next one in a report delivered late in its
                # year (争取明年…达到1.2亿吨 in December 1980 → 1981, not 1980–1981)
                start = min(context.plan_year or year, t.start)
                since = _base_year(w, text, r, frames, from_words=True)
                if since is None:
                    since = _sentence_base_year(w, text, r, frames)
                if since is not None and since + 1 < start and _five_year_plan(since + 1, t.end):
                    # a change from the year before a five-year plan to its last year is that
                    # plan's goal, even in a report of a later year (到一九八五年…比一九八○年增长
                    # 百分之二十二 in the 1982 report → 六五, 1981–1985; not 比2010年翻一番 in 2016)
                    return since + 1, t.end
                return start, t.end  # 到2020年 in 2018 → 2018–2020
            return t.start, t.end  # 十四五, 今后五年, 今年
        if (cues or SentenceCues(text)).multi_year(r.sentence):
            # 年均增长6.5% with no time of its own: the five-year plan the plan year is in
            # (the plan periods of extractors/data/time_words.yaml)
            from extractors.times import load_time_words

            plan = next((p for p in load_time_words().plans if p.start <= year <= p.end), None)
            if plan is not None:
                return plan.start, plan.end
        return year, year
    if t is not None and t.end <= year:
        # 2017年…, 五年来, “十三五”时期, and a review chapter headed 过去五年工作回顾 where a
        # sentence names no time of its own (关停小火电2157万千瓦 → 2003–2007 in 2008)
        first, last = t.start, t.end
    elif t is not None and t.start == year < t.end and _counted_years(t.text):
        # 五年间，…累计达到2740.8亿美元 in the 2006 plan's chapter on the 十一五 draft: a count
        # of years read forward in a plan, but what was done in them is the years before
        first, last = year - (t.end - t.start + 1), year - 1
    else:
        first = last = _reported(context)
    turned = _turned_from(r, frames) if kind == "achievement" else None
    if turned is not None:
        return turned
    heading = frames.heading_frame() if frames is not None else None
    compared = _compared_years(w, text, r, frames) if kind == "achievement" else None
    if compared is None and kind == "achievement" and t is not None and t.role == "compared":
        compared = (t.start - 1, t.start - 1), (t.end, t.end)
    if compared is not None:
        # 1986年同1978年相比，国民生产总值由3480亿元[1978]增加到9380亿元[1986]，…增长102%
        # [1979–1986]: the frame holds for every part of the sentence joined by ；
        earlier, later = compared
        if _is_baseline(w, text, r):
            return earlier
        if not _reaches_level(w, text, r, frames) and (_is_change(text, r) or _done_in_the_years(w, text, r)):
            return earlier[1] + 1, later[1]
        return later
    run = _run_of_years(w, text, r) if kind == "achievement" else None
    if run is not None and run > 1:
        # what held through a run of years up to the year reviewed (经济增长连续四年达到或略高于
        # 10% in the review of 2006 → 2003–2006; 连续十年每年植树造林 in the review of 2016–2020
        # → 2011–2020)
        return last - run + 1, last
    if first < last and any(b in text[r.clause[0] : r.start] for b in w.year_on_year):
        # a change on the year before in a review of several years is the last year's (1993's
        # review of 1988–1992: 国民生产总值比上年增长百分之十二点八 → 1992)
        return last, last
    if first < last and _reaches_level(w, text, r, frames):
        # the level a change reaches over several years is the level of the last one (五年来…
        # 外汇储备由194亿美元增加到1399亿美元 in the review of 1993–1997 → 1997)
        return last, last
    base = _base_year(w, text, r, frames)
    if (
        base is None
        and kind == "achievement"
        and r.dimension == "ratio"
        and frames is not None
        and context.part == "review"
    ):
        # in a review, a multiple of a year's level is a change over the years since (2002年
        # 高等学校在校生1600万人，是1997年的[2.3倍] → 1998–2002); outside one it dates with its
        # level (一九五四年预计…将等于一九四九年的四点二倍, the year under way: 1954)
        base = next(
            (
                t.end
                for t in frames.between(r.clause[0], r.start)
                if t.start == t.end
                and text.endswith(indicator_table().multiple_bases, 0, t.char_start)
                and _multiple_after().match(text, t.char_start + len(t.text))
            ),
            None,
        )
    if base is None and kind == "achievement" and _is_change(text, r):
        base = _base_of_whole(w, text, r, frames)
        if base is None and frames is not None:
            # a change listed after one against a year shares its base (2006年，全国国有企业资产
            # 总额比2002年增长60.98%，实现利润增长[2.23倍] → 2003–2006)
            base = _year_after(text, frames, _long_start(text, r.sentence[0]), r.clause[0], w.change_bases)
    if base is not None and base + 1 < last and kind == "achievement":
        # a change against a year before the period is over the years since (2007年，国内生产
        # 总值…比2002年增长65.5% → 2003–2007)
        return base + 1, last
    if (
        first == last
        and heading is not None
        and heading.start < heading.end == last
        and _over_the_years(w, text, r.clause[0], r.start, frames)
    ):
        # a yearly average in a review of several years is over those years, even where the
        # sentence names the last one (1997年国内生产总值达到…，平均每年增长11% → 1993–1997)
        return heading.start, heading.end
    if _is_baseline(w, text, r):
        # where a change starts is the level of the year before the change: the year named
        # with it (从1997年的7.4万亿元), else the year before the period the change covers
        # (五年…农村贫困人口由4960万人减少到2820万人 → 1997)
        own = _time_right_before(text, r, frames)
        if own is not None:
            return own.start, own.end
        named = _years_named_before(text, r, frames)
        if len(named) >= 2:
            # a change from…to… after one between two named years starts from the earlier
            # (从1997年的509亿元增加到2002年的1161亿元，占…的比重从[0.64%]提高到1.13% → 1997)
            return min(named), min(named)
        if t is not None and t.start < t.end and text.endswith(w.baseline_from, 0, t.char_start):
            if any(j in t.text for j in SPAN_JOINERS):
                return t.start, t.start  # 从一九八○年至一九八五年，原煤产量由[六亿二千万吨]增加到…
            return t.start - 1, t.start - 1  # 从1999年起连续扩大招生规模，高考录取率从[36%]提高到59%
        if t is heading and heading is not None and heading.start < heading.end <= year:
            first = heading.start  # a change in a review of 过去五年 runs over those five years
        return first - 1, first - 1
    return first, last


def _turned_from(r: Reading, frames: TimeFrame | None) -> tuple[int, int] | None:
    """The year of a change that turned into another, before the turn: the one year after 由
    (工业企业利润由上年下降[2.3%]转为增长8.5% → 上年), or the years of a span one each, in
    order, when the list holds as many amounts (由前三年分别上升4.9%、[5.5%]、0.2%，转为下降1.2%
    → the second of the three)."""
    if frames is None or r.turned_from is None:
        return None
    fro, place, listed = r.turned_from
    times = frames.between(fro, r.start)
    if len(times) != 1:
        return None
    t = times[0]
    if t.start == t.end:
        return t.start, t.end
    if t.end - t.start + 1 == listed:
        return t.start + place, t.start + place
    return None


def _after_its_base(
    w: KindWords, text: str, r: Reading, frames: TimeFrame | None, span: tuple[int, int]
) -> tuple[int, int]:
    """A target starts after the year it is compared with (明年…比今年增长4%左右, 一九六五年…
    比一九六四年增长百分之五左右 in reports written late in the year)."""
    base = _base_year(w, text, r, frames)
    if base is not None and span[0] <= base:
        return base + 1, max(span[1], base + 1)
    return span


def _five_year_plan(start: int, end: int) -> bool:
    """Is ``start``–``end`` a five-year plan of extractors/data/time_words.yaml?"""
    from extractors.times import load_time_words

    return any(p.start == start and p.end == end for p in load_time_words().plans)


def _averaged_over(w: KindWords, text: str, r: Reading, frames: TimeFrame | None, year: int) -> tuple[int, int] | None:
    """The span of years ahead a yearly average in a plan runs over when its sentence names
    one after it (逐步降低农业税税率，平均每年降低1个百分点以上，五年内取消农业税 in 2004 →
    2004–2008), else None."""
    if frames is None or not any(a in text[r.clause[0] : r.start] for a in w.yearly_average):
        return None
    ahead = [x for x in frames.between(r.end, r.sentence[1]) if x.start >= year and x.end > x.start]
    return (ahead[0].start, ahead[0].end) if ahead else None


def _compared_years(
    w: KindWords, text: str, r: Reading, frames: TimeFrame | None
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The (earlier, later) spans of a frame comparing two years, or two plan periods,
    earlier in the sentence, its parts joined by ； included: 1986年同1978年相比 →
    ((1978, 1978), (1986, 1986)); “六五”时期同“五五”时期相比 → ((1976, 1980), (1981, 1985))."""
    if frames is None:
        return None
    found = frames.between(_long_start(text, r.sentence[0]), r.start)
    for a, b in reversed(list(zip(found, found[1:]))):  # the nearest frame
        pair = _compares(w, text, a, b)
        if pair is not None:
            return pair
    return None


def _compares(w: KindWords, text: str, a: FrameTime, b: FrameTime) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(earlier, later) where the times ``a`` and ``b``, in that order, make a frame comparing
    two years or two plan periods (1986年同1978年相比，…; 1956年比1950年，…)."""
    if a.end == b.end or (a.start < a.end) != (b.start < b.end):
        return None  # the same year, or a year and a span
    # past a plan period's 时期 (“六五”时期同“五五”时期相比) and an estimate word (一九八二年预计同…)
    joiner = text[_after_span_mark(w, text, a) : b.char_start]
    joiner = joiner[next((len(e) for e in w.compared_estimates if joiner.startswith(e)), 0) :]
    after = _after_span_mark(w, text, b)
    if (joiner in w.compared_joiners and text.startswith(w.compared_ends, after)) or (
        joiner in w.change_bases and text.startswith(tuple(COMMAS), after)
    ):
        earlier, later = sorted([(a.start, a.end), (b.start, b.end)], key=lambda span: span[1])
        return earlier, later
    return None


def _carried_comparison(w: KindWords, frames: TimeFrame, found: FrameTime) -> FrameTime:
    """The frame a sentence opened by a comparison of two years sets for the sentences after
    it: the years between them, as a comparison (1992年同1987年相比，钢产量增长…。…。铁路货运周转量
    增长百分之二十三，达到11620亿吨公里 → the change 1988–1992, the level reached 1992)."""
    i = bisect.bisect_right(frames._starts, found.char_start)
    if i >= len(frames.times) or found.start != found.end:
        return found
    pair = _compares(w, frames.text, found, frames.times[i])
    if pair is None:
        return found
    (_, earlier), (_, later) = pair
    return FrameTime(found.text, found.char_start, earlier + 1, later, "compared")


def _after_span_mark(w: KindWords, text: str, t: FrameTime) -> int:
    """Where the text after the time ``t`` goes on, past a plan period's 时期/期间."""
    after = t.char_start + len(t.text)
    if t.start < t.end:
        after += next((len(m) for m in w.compared_span_marks if text.startswith(m, after)), 0)
    return after


def _done_in_the_years(w: KindWords, text: str, r: Reading) -> bool:
    """Is the amount what was done in the years compared, not a level reached: a subject
    with a verb and no word of reaching (1992年同1987年相比，…。城镇新建居民住宅[9.2亿平方米]
    → 1988–1992; not 农民增加的收入达二百六十亿元)?"""
    if r.dimension == "percent" or not r.subject_has_verb:
        return False
    before = text[r.clause[0] : r.start].rstrip()
    return not before.endswith(tuple(w.level_reached)) and not text.startswith(
        tuple(w.level_reached), r.start, r.number_start
    )


def _is_change(text: str, r: Reading) -> bool:
    """Is the amount a change (增长102%), not a level, by the word right before it?"""
    return indicator_table().change_re.search(text[r.clause[0] : r.start].rstrip()) is not None


def _run_of_years(w: KindWords, text: str, r: Reading) -> int | None:
    """How many years a run named in the amount's clause lasts (连续四年, 连续10年; not 连续第7年,
    which counts this year), or None."""
    m = w.run_of_years.search(text, r.clause[0], r.start)
    if m is None:
        return None
    n = parse_number(m.group(1))
    return int(n) if n is not None and n == int(n) else None


def _base_year(w: KindWords, text: str, r: Reading, frames: TimeFrame | None, from_words: bool = False) -> int | None:
    """The year of a base of comparison in the amount's clause (比2002年增长, 较2010年), if any;
    with ``from_words`` also the year a change runs from (由一九八○年的…增加到)."""
    if frames is None:
        return None
    return _year_after(
        text, frames, r.clause[0], r.start, w.change_bases + w.baseline_from if from_words else w.change_bases
    )


def _year_after(text: str, frames: TimeFrame, start: int, end: int, marks: tuple[str, ...]) -> int | None:
    """The first single year between ``start`` and ``end`` written right after one of
    ``marks`` (比2002年, 由一九八○年), if any."""
    for t in frames.between(start, end):
        if t.start == t.end and text.endswith(marks, 0, t.char_start):
            return t.end
    return None


def _sentence_base_year(w: KindWords, text: str, r: Reading, frames: TimeFrame | None) -> int | None:
    """The year of a base of comparison or of where a change runs from anywhere in the
    amount's sentence, its parts joined by ； included: the base the items of a list share
    (到一九八五年，粮食产量…比一九八○年增长…；棉花…，增长[百分之三十三]) and the one after a
    level (一九八五年达到[四百五十六亿]印张，比一九八○年增长…)."""
    if frames is None:
        return None
    return _year_after(text, frames, _long_start(text, r.sentence[0]), r.sentence[1], w.change_bases + w.baseline_from)


def _base_of_whole(w: KindWords, text: str, r: Reading, frames: TimeFrame | None) -> int | None:
    """The base of comparison of the whole that a part opened by 其中 (item_openers) earlier
    in the sentence belongs to: …比一九四九年增长了百分之七十七点五，其中：现代工业增长了…，
    农业增长了[百分之四十八点五] → 1949."""
    if frames is None:
        return None
    start = _long_start(text, r.sentence[0])
    opened = max((text.rfind(o, start, r.clause[0] + len(o)) for o in w.item_openers), default=-1)
    return None if opened < 0 else _year_after(text, frames, start, opened, w.change_bases)


def _reaches_level(w: KindWords, text: str, r: Reading, frames: TimeFrame | None) -> bool:
    """Is the amount the level a change reaches (增加到, 提高到, 下降到…: the change words of
    ``baseline_to``), or a rate reached (覆盖率达到85%)?"""
    before = _before_its_list(text, r, frames)
    if before.endswith(w.baseline_to_words) or before.endswith(w.reached_now):
        return True  # 提高到1721元, 提高到现在的1721元
    if any(x in before for x in w.standing_now) and not _over_the_years(w, text, r.clause[0], r.start, frames):
        return True  # 现已吸纳农村劳动力1亿多人: where things stand now
    reached = before.rstrip().endswith(tuple(w.level_reached))
    if not reached and before.lstrip().startswith(w.item_openers):
        # a part of a level reached is a level too (铁路营业里程达到12.1万公里，其中高速铁路超过
        # 1.9万公里 → the last year's)
        start = _long_start(text, r.sentence[0])
        lo = max(text.rfind(c, start, r.clause[0] - 1) for c in CLAUSE_STOPS) + 1 or start
        reached = any(x in text[lo : r.clause[0]] for x in w.level_reached)
    # 参保超过13亿人: the word of reaching can open the mention of a level
    in_mention = text.startswith(tuple(w.level_reached), r.start, r.number_start)
    is_level = any(x in (r.subject or "") for x in w.levels)
    if r.dimension == "percent":
        # 覆盖率达到85%; 参保率超过80%, a rate of a level (not 贡献率超过30%: in a review of five
        # years their average)
        # …not the yearly average the amount carries on (…平均每年的增长速度都在4.3%以上，高的
        # 达到[5.5%]: over the span like the first)
        averaged = any(m in (r.subject or "") for m in w.yearly_average)
        return (
            (reached and not averaged)
            or _share_at_the_end(w, text, r, frames)
            or (
                in_mention
                and is_level
                and not any(m in text[r.clause[0] : r.start] for m in w.continuing)  # 持续超过4%
                and not _over_the_years(w, text, r.clause[0], r.start, frames)
            )
        )
    # a level reached by a measure that is a level, never a sum over the years (农村居民人均
    # 纯收入达到2090元 in the review of 1993–1997 → 1997; not 投资总额达到五千三百亿元)
    reached = reached or in_mention
    # …and a count of things that are there, not of things done (各类市场主体达到9800多万户;
    # not 新建…达到…个, a sum of what the years did)
    stock = r.dimension == "count" and bool(r.subject) and not r.subject_has_verb
    return (
        reached
        and (is_level or stock)
        and not _over_the_years(w, text, r.clause[0], r.start, frames)
        and not r.in_count
    )


_LISTED_AMOUNT = regex.compile(f"[0-9０-９{CHINESE_NUMERAL_CHARS}][^{CLAUSE_STOPS}{LIST_COMMA}]{{0,8}}{LIST_COMMA}")


def _before_its_list(text: str, r: Reading, frames: TimeFrame | None) -> str:
    """The amount's clause before the first amount of the list it is in, so that a later item
    shares the word before the first (森林覆盖率、绿化率分别提高到35.8%、[35.6%] → …提高到)."""
    end = r.start
    while frames is not None:
        k = bisect.bisect_left(frames.amount_starts, end) - 1
        if k < 0 or frames.amount_starts[k] < r.clause[0]:
            break
        if not _LISTED_AMOUNT.fullmatch(text, frames.amount_starts[k], end):
            break
        end = frames.amount_starts[k]
    return text[r.clause[0] : end]


def _share_at_the_end(w: KindWords, text: str, r: Reading, frames: TimeFrame | None) -> bool:
    """Is a share (占全国人口[65%]的地区, 在校生占…总人数的[56%]) the level at the end of a
    review of several years? Not where it starts a change (从[11.4%]提高到), holds through
    the years (持续超过4%), or is a share of what the sentence sums over a span written in it
    (五年的财政支出，…约占60%; 从一九五三年到一九八○年的二十八年中，…占…百分之二十)."""
    before = text[r.clause[0] : r.start]
    if not any(m in before for m in w.share_of) or any(m in before for m in w.continuing):
        return False
    if _is_baseline(w, text, r):
        return False
    start = _long_start(text, r.sentence[0])
    if _over_the_years(w, text, start, r.start, frames):
        return False
    return frames is None or not any(t.start < t.end for t in frames.between(start, r.start))


def _over_the_years(w: KindWords, text: str, start: int, end: int, frames: TimeFrame | None) -> bool:
    """Does ``text[start:end]`` sum or average over the years (平均每年, 五年累计)? Times are
    read out first: the 五年 of 一九八五年末 is a year, not five of them."""
    span = text[start:end]
    for t in frames.between(start, end) if frames is not None else ():
        a = t.char_start - start
        span = span[:a] + _REPLACED * len(t.text) + span[a + len(t.text) :]
    return any(m in span for m in w.yearly_average + w.over_the_years)


def _years_named_before(text: str, r: Reading, frames: TimeFrame | None) -> set[int]:
    """The single years named before the amount in its sentence (its parts joined by ；)."""
    if frames is None:
        return set()
    return {t.end for t in frames.between(_long_start(text, r.sentence[0]), r.start) if t.start == t.end}


def _time_right_before(text: str, r: Reading, frames: TimeFrame | None) -> FrameTime | None:
    """A time written right before the amount, bases of comparison included (从1997年的[7.4万亿元])."""
    if frames is None:
        return None
    i = bisect.bisect_left(frames._starts, r.start) - 1
    if i < 0:
        return None
    t = frames.times[i]
    w = kind_words()
    between = text[_after_span_mark(w, text, t) : r.start].removesuffix(w.time_particle)
    # the unit a rate is per stands between (从2004年[人均每月]700元提高到…)
    between = next((between.removesuffix(u) for u in w.rate_units if between.endswith(u)), between)
    between = between.removesuffix(w.time_particle)
    # an estimate of that year is its level too (由今年预计的[44%]提高到45%, December 1980)
    return t if between == "" or between in w.estimates else None
