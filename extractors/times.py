"""Time expressions (→ ``times``): every explicit time outside 《…》 as an inclusive date span.

Built on patterns from ``extractors/data/time_words.yaml`` rather than a general date
parser, because the parsers people use get this genre wrong: JioNLP reads 十三五时期
as a clock time, rejects “十三五” and 年内 and turns 3-5所 into 5 March; Time-NLP puts
2018年底前 at 2018-01-01.

Dates (shared with the data file's header):

- ``start``/``end`` are inclusive. A year is 01-01..12-31; a span (2017-2020年,
  2017年至2020年, 一九五三年到一九五七年) runs from the first day of its first year to the
  last day of its last; a plan period (“十三五”, 第六个五年计划, 十四五时期) covers its
  five years. 1998、1999年 is two years, the first written without 年. 本世纪末 is the
  last year of the document's century (2000 in the 1980s reports), 下世纪中叶 2050.
- 年底/年末 is the last month: 2018年底 → 2018-12-01..2018-12-31, granularity
  ``month``; 年初 is the first month. 上半年/下半年 are halves, 一季度…四季度 quarters
  (前三季度 → 01-01..09-30, granularity ``quarter``).
- A deadline keeps the span of the time it names: 2020年前 → 2020-01-01..2020-12-31,
  2018年底前 → 2018-12-01..2018-12-31; the role says "by".
- Relative times resolve against ``context.year``: 今年, 年内, 明年, 去年, 今后五年,
  过去五年, 五年来, 三年内, and parts or dates without a year (上半年, 年底前, 3月5日).
  Words that count from the year under discussion (全年, 上年, 年末, 上半年) take the
  year before the document's in a ``review`` part: 比上年增长 in 一、2016年工作回顾 of the
  2017 report is 2015. 今后五年/未来五年 take the five-year plan that starts in the
  document year or the next when there is one (未来五年 in the 2015 report is 2016-2020),
  else the plan a heading above names when the document year is in it (五年内 under
  第六个五年计划的基本任务 in the 1982 report is 1981-1985). With ``context.year`` None they
  are returned with ``start``/``end`` None.

``text`` is the expression as written: with its quotes when quoted (“十三五”) and a
deadline word after it (2018年底前, 今年内), but without a cue before it (到2020年 →
2020年) or a head noun after it (“十三五”时期 → “十三五”).

Roles, in this order (the gold's reading, tests/gold/README.md): ``period`` for spans,
plan periods, counted spans (今后五年, 五年来, 三年内) and spans of months (今年1至9月);
``horizon`` for a single year more than ``horizon_years`` after the document year
(2035年, 2050年 in a 2018 plan); ``deadline`` for a time written with 前/以前/之前 after
it, or 内/以内 unless past; ``point`` after a status or baseline cue (截至2017年底,
比2010年翻一番, 从5月1日起) or before 已经/为止 (到5月份为止); ``deadline`` after a cue
(到2020年, 确保2018年实现; 于 only for a later year: 西部地区于2020年完成) unless past,
but ``point`` for a not-future time after a cue and before 的 (增加到2012年的1923亿元 in
the 2013 report); the word's own role (今年 period, 去年 point
but period when it opens a clause, 年内 deadline); ``period`` for a past year opening a
clause (1983年增长12.4%: the year reported on); ``deadline`` for a not-past year or
month end outside a review part (2018年底，每个区市县至少要建设…); ``period`` for halves,
quarters, and the plan year or the year under review written as a year (2018年工作要点,
1981年国民经济计划 in the 1980 report, delivered late in the year before its plan;
2015年是“十二五”收官之年); ``point`` otherwise (2022年冬奥会, 3月5日, a dateline).

Decades are periods (八十年代 in 1985 is 1980-1989; 1990年代), a horizon when they lie ahead;
so are ordinal centuries (二十一世纪 in 1984 is 2001-2100, a horizon).
Not times: ages (3-6岁), counts (三年行动计划, 若干年内), ordinals
(第三期), 改革开放40周年, and anything inside 《…》.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path

import regex

from extractors import language_data as ld
from extractors.char_classes import CLAUSE_STOP, CLAUSE_STOPS, COMMAS, LIST_COMMA, SENTENCE_STOPS, TITLE, char_class
from extractors.context import Context
from extractors.numerals import DIGITS, TEN, YEAR_MARK
from extractors.records import GRANULARITIES, ROLES, TimeExpr
from extractors.sentences import SentenceIndex


@dataclass(frozen=True, slots=True)
class PlanPeriod:
    """A five-year plan: “十三五” = 第十三个五年规划 = 2016..2020."""

    name: str
    ordinal: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class RelativeYear:
    """A word naming years relative to the document year (今年 → +0, 今明两年 → +0..+1)."""

    word: str
    first: int
    last: int
    role: str
    year_like: bool
    focus: bool


@dataclass(frozen=True, slots=True)
class YearPart:
    """A part of a year: 上半年 → months 1..6, half."""

    word: str
    first_month: int
    last_month: int
    granularity: str


@dataclass(frozen=True, slots=True)
class TimeWords:
    """Everything ``time_words.yaml`` holds, validated."""

    digits: dict[str, int]
    ten: str
    plans: tuple[PlanPeriod, ...]
    relative_years: dict[str, RelativeYear]
    forward_before: tuple[str, ...]
    backward_before: tuple[str, ...]
    linking: tuple[str, ...]
    context_before: tuple[str, ...]
    context_after: tuple[str, ...]
    forward_markers: tuple[str, ...]
    forward_later: tuple[str, ...]  # later in its sentence, a word of the future makes 这N年 count on
    locatives: tuple[str, ...]
    forward_after: tuple[str, ...]
    backward_after: tuple[str, ...]
    focus_back_before: tuple[str, ...]
    focus_back_not_after: str
    span_not_after: str
    focus_back_not_before: tuple[str, ...]
    bare_back_in_review: bool
    totalled_after: tuple[str, ...]
    closing_back_before: tuple[str, ...]
    closing_back_not_after: str
    plan_only_before: tuple[str, ...]
    totalled_not_after: str
    restating: tuple[str, ...]
    max_span_years: int
    century_years: dict[str, tuple[int, int]]
    decade_marks: tuple[str, ...]
    century_marks: tuple[str, ...]
    report_genres: frozenset[str]
    written_before: tuple[frozenset[str], str, tuple[str, ...]]  # genres, 明年, (今年, 本年)
    plan_for_next: tuple[frozenset[str], tuple[str, ...]]  # genres, words after the next year
    own_part: tuple[str, ...]  # 本年: resolved in its passage's own part, never shifted to last year
    century_not_before: tuple[str, ...]
    year_parts: dict[str, YearPart]
    month_parts: tuple[str, ...]
    deadline_suffixes: tuple[str, ...]
    within_suffixes: tuple[str, ...]
    since_suffixes: tuple[str, ...]
    since_from: tuple[str, ...]
    since_from_suffixes: tuple[str, ...]
    since_event: regex.Pattern
    start_marks: tuple[str, ...]
    span_starts: regex.Pattern
    topic_lead: regex.Pattern
    deadline_cues: tuple[str, ...]
    future_cues: tuple[str, ...]
    future_deadline_after: tuple[str, ...]
    plan_year_after: tuple[str, ...]
    point_after: tuple[str, ...]
    cue_exceptions: tuple[str, ...]
    cue_connectors: tuple[str, ...]
    point_cues: tuple[str, ...]
    horizon_years: int
    word_exceptions: tuple[str, ...]
    span_separators: str
    plan_heads: tuple[str, ...]
    plan_not_before: tuple[str, ...]
    plan_not_after: tuple[str, ...]
    plan_ordinal_eras: dict[str, int]
    particle: str
    not_after_year: str
    list_joiners: str
    not_after_count: tuple[str, ...]
    not_before_count: str
    not_before_standalone: str


_WORDS = ld.Strings()
TIME_WORDS = ld.register(
    "time_words",
    ld.EXTRACTORS_DATA / "time_words.yaml",
    used_by="extractors/times.py",
    spec=ld.Record(
        plan_periods=ld.ListOf(ld.Record(name=ld.Text(), ordinal=ld.Integer(1), start=ld.Integer(), end=ld.Integer())),
        relative_years=ld.Mapping(
            ld.Record(offset=ld.Pair(ld.Integer()), role=ld.OneOf(ROLES), year_like=ld.Flag(), focus=ld.Flag())
        ),
        relative_spans=ld.Record(
            forward_before=_WORDS,
            backward_before=_WORDS,
            linking=_WORDS,
            context_before=_WORDS,
            forward_after=_WORDS,
            backward_after=_WORDS,
            context_after=_WORDS,
            forward_markers=_WORDS,
            forward_later=_WORDS,
            locatives=_WORDS,
            focus_back_before=_WORDS,
            focus_back_not_after=ld.Text(),
            span_not_after=ld.Text(),
            focus_back_not_before=_WORDS,
            bare_back_in_review=ld.Flag(),
            totalled_after=_WORDS,
            closing_back_before=_WORDS,
            closing_back_not_after=ld.Text(),
            plan_only_before=_WORDS,
            totalled_not_after=ld.Text(),
            restating=_WORDS,
            max_years=ld.Integer(1),
        ),
        century_years=ld.Mapping(ld.Record(century=ld.OneOf(0, 1), year=ld.Integer(1))),
        decade_marks=_WORDS,
        century_marks=_WORDS,
        report_genres=_WORDS,
        written_before=ld.Record(genres=_WORDS, ahead=ld.Text(), now=_WORDS),
        plan_for_next=ld.Record(genres=_WORDS, after=_WORDS),
        own_part=_WORDS,
        century_not_before=_WORDS,
        year_parts=ld.Mapping(ld.Record(months=ld.Pair(ld.Integer(1)), granularity=ld.OneOf(GRANULARITIES))),
        month_parts=_WORDS,
        deadline_suffixes=_WORDS,
        within_suffixes=_WORDS,
        since_suffixes=_WORDS,
        since_from=_WORDS,
        since_from_suffixes=_WORDS,
        since_event=ld.Pattern(),
        start_marks=_WORDS,
        span_starts=ld.Pattern(),
        topic_lead=ld.Pattern(),
        deadline_cues=_WORDS,
        future_cues=_WORDS,
        future_deadline_after=_WORDS,
        plan_year_after=_WORDS,
        point_after=_WORDS,
        cue_exceptions=_WORDS,
        cue_connectors=_WORDS,
        point_cues=_WORDS,
        horizon_years=ld.Integer(1),
        word_exceptions=_WORDS,
        span_separators=ld.Text(),
        plan_heads=_WORDS,
        plan_not_before=_WORDS,
        plan_not_after=_WORDS,
        plan_ordinal_eras=ld.Mapping(ld.Integer()),
        particle=ld.Text(),
        not_after_year=ld.Text(),
        list_joiners=ld.Text(),
        not_after_count=_WORDS,
        not_before_count=ld.Text(),
        not_before_standalone=ld.Text(),
    ),
)


def build_time_words(data: dict, path: Path = TIME_WORDS.path) -> TimeWords:
    """The checked content of ``time_words.yaml`` as :class:`TimeWords` (plus what only
    this module knows: a five-year plan spans five years, a year-like word ends in 年)."""
    plans = []
    for item in data["plan_periods"]:
        if item["end"] - item["start"] != 4:
            raise ld.fail(path, f"plan_periods {item['name']}", "a five-year plan spans 5 years")
        plans.append(PlanPeriod(item["name"], item["ordinal"], item["start"], item["end"]))
    relative_years = {}
    for word, item in data["relative_years"].items():
        if item["year_like"] and not word.endswith("年"):
            raise ld.fail(path, f"relative_years.{word}", "a year_like word ends in 年")
        first, last = item["offset"]
        relative_years[word] = RelativeYear(word, first, last, item["role"], item["year_like"], item["focus"])
    year_parts = {}
    for word, item in data["year_parts"].items():
        first, last = item["months"]
        if last > 12:
            raise ld.fail(path, f"year_parts.{word}.months", "months must lie in 1..12")
        year_parts[word] = YearPart(word, first, last, item["granularity"])
    century_years = {}
    for word, item in data["century_years"].items():
        if item["year"] > 100:
            raise ld.fail(path, f"century_years.{word}.year", "year is 1..100")
        century_years[word] = (item["century"], item["year"])
    spans = data["relative_spans"]
    words = {k: tuple(v) for k, v in data.items() if isinstance(v, list) and k != "plan_periods"}
    return TimeWords(
        digits=dict(DIGITS),
        ten=TEN,
        plans=tuple(plans),
        relative_years=relative_years,
        forward_before=tuple(spans["forward_before"]),
        backward_before=tuple(spans["backward_before"]),
        linking=tuple(spans["linking"]),
        context_before=tuple(spans["context_before"]),
        context_after=tuple(spans["context_after"]),
        forward_markers=tuple(spans["forward_markers"]),
        forward_later=tuple(spans["forward_later"]),
        locatives=tuple(spans["locatives"]),
        forward_after=tuple(spans["forward_after"]),
        backward_after=tuple(spans["backward_after"]),
        focus_back_before=tuple(spans["focus_back_before"]),
        focus_back_not_after=spans["focus_back_not_after"],
        span_not_after=spans["span_not_after"],
        focus_back_not_before=tuple(spans["focus_back_not_before"]),
        bare_back_in_review=spans["bare_back_in_review"],
        totalled_after=tuple(spans["totalled_after"]),
        closing_back_before=tuple(spans["closing_back_before"]),
        closing_back_not_after=spans["closing_back_not_after"],
        plan_only_before=tuple(spans["plan_only_before"]),
        totalled_not_after=spans["totalled_not_after"],
        restating=tuple(spans["restating"]),
        max_span_years=spans["max_years"],
        century_years=century_years,
        decade_marks=tuple(data["decade_marks"]),
        century_marks=tuple(data["century_marks"]),
        report_genres=frozenset(data["report_genres"]),
        written_before=(
            frozenset(data["written_before"]["genres"]),
            data["written_before"]["ahead"],
            tuple(data["written_before"]["now"]),
        ),
        plan_for_next=(frozenset(data["plan_for_next"]["genres"]), tuple(data["plan_for_next"]["after"])),
        own_part=tuple(data["own_part"]),
        century_not_before=tuple(data["century_not_before"]),
        year_parts=year_parts,
        month_parts=words["month_parts"],
        deadline_suffixes=words["deadline_suffixes"],
        within_suffixes=words["within_suffixes"],
        since_suffixes=words["since_suffixes"],
        since_from=words["since_from"],
        since_from_suffixes=words["since_from_suffixes"],
        since_event=regex.compile(data["since_event"]),
        start_marks=words["start_marks"],
        span_starts=regex.compile(data["span_starts"]),
        topic_lead=regex.compile(data["topic_lead"]),
        deadline_cues=words["deadline_cues"],
        future_cues=words["future_cues"],
        future_deadline_after=words["future_deadline_after"],
        plan_year_after=tuple(words["plan_year_after"]),
        point_after=words["point_after"],
        cue_exceptions=words["cue_exceptions"],
        cue_connectors=words["cue_connectors"],
        point_cues=words["point_cues"],
        horizon_years=data["horizon_years"],
        word_exceptions=words["word_exceptions"],
        span_separators=data["span_separators"],
        plan_heads=words["plan_heads"],
        plan_not_before=words["plan_not_before"],
        plan_not_after=words["plan_not_after"],
        plan_ordinal_eras=dict(data["plan_ordinal_eras"]),
        particle=data["particle"],
        not_after_year=data["not_after_year"],
        list_joiners=data["list_joiners"],
        not_after_count=words["not_after_count"],
        not_before_count=data["not_before_count"],
        not_before_standalone=data["not_before_standalone"],
    )


def reported_year(genre: str | None, year: int) -> int:
    """The year a document of ``genre`` and ``year`` reports on: its own for a 工作报告 (the
    report_genres of time_words.yaml), else the year before."""
    return year if genre in load_time_words().report_genres else year - 1


def written_year(text: str, year: int | None, genre: str | None) -> int | None:
    """The year a document was written in, when its text shows it is not ``year``: a plan
    of its own year that calls that year 明年 and never says 今年 was written the year
    before (平潭君山 2023年工作计划: 明年的主要预期目标是：…; time_words.yaml written_before)."""
    genres, ahead, now = load_time_words().written_before
    if year is None or genre not in genres:
        return None
    plain = _grammar().bracketed.sub("", text)  # not inside 《…》
    return year - 1 if ahead in plain and not any(n in plain for n in now) else None


def plan_year(text: str, year: int | None, genre: str | None) -> int | None:
    """The year a report's plan is for, when the report sets out the next year's plan and
    so was delivered late in its own year (the 1964 report of December: 一九六五年的主要任务;
    1980: 1981年国民经济计划; time_words.yaml plan_for_next); else None."""
    w = load_time_words()
    genres, after = w.plan_for_next
    if year is None or genre not in genres:
        return None
    pattern = regex.compile(f"{_year_written(w)}(?:{_alt(after)})")
    plain = _grammar().bracketed.sub("", text)  # not inside 《…》
    return year + 1 if any(_year_value(m[1], w) == year + 1 for m in pattern.finditer(plain)) else None


def focus_year(ctx: Context, year: int) -> int:
    """The year under discussion in a passage of a document of ``year``: in a review part the
    year it reports on (its own in a report setting out the next year's plan), else its own."""
    if ctx.part != "review" or ctx.plan_year is not None:
        return year  # a report delivered late in its year reviews that year
    return reported_year(ctx.genre, year)


@cache
def load_time_words() -> TimeWords:
    """The project's time words (read and checked once per process)."""
    return build_time_words(ld.load("time_words"))


# --- patterns -----------------------------------------------------------------------


_alt = ld.longest_first


def _guarded(words, exceptions) -> str:
    """Alternation of ``words``, each refusing what ``exceptions`` say may not follow it."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        tails = [e[1:] for e in exceptions if e[0] == w[-1] and len(e) > 1]
        parts.append(regex.escape(w) + (f"(?!{_alt(tails)})" if tails else ""))
    return "|".join(parts) or "(?!)"


@dataclass(frozen=True, slots=True)
class _Grammar:
    words: TimeWords
    time: regex.Pattern
    time_no_span: regex.Pattern
    suffix: regex.Pattern
    since: regex.Pattern
    since_from: regex.Pattern  # 起 after a past year with 从 before it (从1998年起)
    point_after: regex.Pattern
    deadline_after: regex.Pattern
    point_cue: regex.Pattern
    deadline_cue: regex.Pattern
    future_cue: regex.Pattern
    cue_exception: regex.Pattern
    to_cue: regex.Pattern
    bracketed: regex.Pattern
    plans_by_name: dict[str, PlanPeriod]
    plans_by_ordinal: dict[int, PlanPeriod]
    end_parts: tuple[str, ...]


@cache
def _grammar() -> _Grammar:
    w = load_time_words()
    ten = regex.escape(w.ten)
    year_digits = "".join(regex.escape(c) for c in w.digits if c != "两")
    all_digits = "".join(regex.escape(c) for c in w.digits)
    one_to_nine = "".join(regex.escape(c) for c, v in w.digits.items() if v and c != "两")
    no_num = f"0-9{all_digits}{ten}百千万"
    not_year = f"(?![{regex.escape(w.not_after_year)}])"

    year_num = (
        rf"(?:(?<![0-9.])(?:1[89]|20)[0-9]{{2}}(?![0-9])"
        rf"|(?<![{no_num}])[{year_digits}]{{4}})"
    )
    # The 1998 report writes a space before 年/月/日: 1997 年, 1999 年12 月20 日.
    year = rf"{year_num} ?年{not_year}"
    cn_1_12 = rf"{ten}[{one_to_nine}]|{ten}|[{one_to_nine}]"
    month = (
        rf"(?:(?<![0-9.\-－—~～])(?:1[0-2]|0?[1-9])|(?<![{no_num}第每])(?:{cn_1_12}))"
        rf" ?(?:{_guarded(['月'], w.word_exceptions)})"
    )
    day = (
        rf"(?:3[01]|[12][0-9]|0?[1-9]|[{one_to_nine}]?{ten}[{one_to_nine}]?|[{one_to_nine}])"
        r" ?[日号]"
    )
    month_expr = rf"{month}(?:{day}|{_guarded(w.month_parts, w.word_exceptions)})?"
    # 1至9月, 一到九月, 3-5月: a span of months (3-5所 has no 月, 3-6岁 neither).
    month_num = rf"(?:1[0-2]|0?[1-9]|{cn_1_12})"
    month_range = (
        rf"(?<![0-9.\-－—~～{no_num}第每])(?P<m1>{month_num})月?"
        rf"\s*[{regex.escape(w.span_separators)}]{{1,2}}\s*(?P<m2>{month_num})月"
        rf"(?:{_guarded(w.month_parts, w.word_exceptions)})?"  # 1——5月份, 1至9月底
    )

    parts = list(w.year_parts)
    parts_after_year = parts + [p[1:] for p in parts if p.startswith("年") and len(p) > 1]
    year_like = [r.word for r in w.relative_years.values() if r.year_like]
    other_rel = [r.word for r in w.relative_years.values() if not r.year_like]
    guard = rf"(?<![{no_num}{regex.escape(w.not_before_standalone)}])"
    count_guard = rf"(?<![{no_num}{regex.escape(w.not_before_standalone + w.not_before_count)}])"

    plan_names = _alt(p.name for p in w.plans)
    not_plan = f"(?!{_alt(w.plan_not_before)})"
    ordinal = rf"(?:{ten}[{one_to_nine}]?|[{one_to_nine}])"
    seps = regex.escape(w.span_separators)
    count = rf"(?:[{one_to_nine}]?{ten}[{one_to_nine}]?|[{one_to_nine}两]|[0-9]{{1,2}})"
    before = _alt(w.forward_before + w.backward_before + w.context_before)
    after = _guarded(w.forward_after + w.backward_after + w.context_after, w.word_exceptions)
    count_year = f"年(?!{_alt(w.not_after_count)})"
    decade_digits = "".join(regex.escape(c) for c, v in w.digits.items() if 0 < v < 10 and c != "两")
    two_to_nine = "".join(regex.escape(c) for c, v in w.digits.items() if v > 1)
    count_of_years = rf"(?:[{one_to_nine}]?{ten}[{one_to_nine}]?|[{two_to_nine}]|[2-9]|[1-9][0-9])"
    clause_open = char_class(CLAUSE_STOPS + "\n")
    joiners = regex.escape(w.list_joiners)

    span = (
        rf"(?P<span>(?P<sy>{year_num})年?\s*[{seps}]{{1,2}}\s*(?P<ey>{year_num}) ?年{not_year}"
        rf"|(?P<sy2>{year_num})[{joiners}](?P<ey2>{year_num})两(?:年|个年度))"
    )
    # The same groups, never matching: for re-reading a span whose ends are out of order.
    no_span = "(?P<span>(?!)(?P<sy>)(?P<ey>)|(?!)(?P<sy2>)(?P<ey2>))"
    pattern = (
        rf"(?P<planq>[“\"]\s*(?P<pq>{plan_names})\s*[”’\"]){not_plan}"
        rf"|(?<![第{no_num}])(?P<pu>{plan_names})(?={_alt(w.plan_heads)}){not_plan}"
        rf"|(?<!{_alt(w.plan_not_after)})"
        rf"(?P<plano>(?P<era>{_alt(w.plan_ordinal_eras)})?第(?P<po>{ordinal})个五年(?:计划|规划))"
        rf"|(?P<decade>(?:[{decade_digits}]{ten}|[1-9]0|(?:19|20)[0-9]0){_alt(w.decade_marks)})"
        rf"|(?<![{no_num}])(?P<ordcentury>(?:{ten}[{one_to_nine}]|[{two_to_nine}]{ten}[{one_to_nine}]?|1[0-9]|2[0-9])"
        rf"(?={_alt(w.century_marks)}(?!{_alt(w.century_not_before)})))(?P<cmark>{_alt(w.century_marks)})"
        rf"|(?P<rspan>(?<![{regex.escape(w.span_not_after)}])(?P<rb>{before})(?:{_alt(w.linking)})?(?P<rn>{count}){count_year}(?P<ra>{after})?"
        rf"|{count_guard}(?P<rn2>{count}){count_year}(?P<ra2>{after})"
        rf"|(?<=^|{clause_open})(?P<rn3>{count}){count_year}(?=\p{{Han}})"
        rf"|(?<=\p{{Han}})(?<![{no_num}{regex.escape(w.totalled_not_after)}])"
        rf"(?P<rn5>{count_of_years})年(?={_alt(w.totalled_after)})"
        rf"|(?<![{regex.escape(w.closing_back_not_after)}]{_alt(w.closing_back_before)})"
        rf"(?<={_alt(w.closing_back_before)})(?P<rn6>{count}){count_year}(?=[{regex.escape(CLAUSE_STOPS)}\n]|$)"
        rf"|(?<![{regex.escape(w.focus_back_not_after)}])(?P<rfb>{_alt(w.focus_back_before)})"
        rf"(?P<rn4>{count_of_years})年(?!{_alt(w.focus_back_not_before)}))"
        rf"|(?P<listed>{year_num})(?=[{joiners}]{year_num}年{not_year})"
        rf"|(?P<century>{_alt(w.century_years)})"
        rf"|(?P<dated>(?:{year}|{guard}(?:{_guarded(year_like, w.word_exceptions)}))"
        rf"(?P<part>{_guarded(parts_after_year, w.word_exceptions)}|{month_range}|{month_expr})?)"
        rf"|{guard}(?P<rel>{_alt(other_rel)})"
        rf"|{guard}(?P<bare>{_guarded(parts, w.word_exceptions)})"
        rf"|(?<!年)(?P<bare_month>{month_range}|{month_expr})"
    )
    # Every alternative starts with one of these: a cheap first test at each position.
    starters = set('0123456789“"第') | set(w.digits) | {w.ten}
    starters |= {
        word[0]
        for word in [
            *w.relative_years,
            *w.year_parts,
            *w.forward_before,
            *w.century_years,
            *w.plan_ordinal_eras,
            *w.backward_before,
            *w.context_before,
            *w.focus_back_before,
            *(p.name for p in w.plans),
        ]
    }
    first = f"(?=[{''.join(regex.escape(c) for c in sorted(starters))}])"
    connectors = f"(?:{_alt(w.cue_connectors)})?"
    end_parts = [p for p, yp in w.year_parts.items() if yp.first_month == 12]
    end_parts += [p[1:] for p in end_parts if p.startswith("年")]
    return _Grammar(
        words=w,
        time=regex.compile(f"{first}(?:{span}|{pattern})"),
        time_no_span=regex.compile(f"{first}(?:{no_span}|{pattern})"),
        suffix=regex.compile(_guarded(w.deadline_suffixes + w.within_suffixes, w.word_exceptions)),
        since=regex.compile(_alt(w.since_suffixes)),
        since_from=regex.compile(_alt(w.since_from_suffixes)),
        point_after=regex.compile(rf"[，,]?(?:{_alt(w.point_after)})"),
        deadline_after=regex.compile(_alt(w.future_deadline_after)),
        point_cue=regex.compile(rf"(?:{_alt(w.point_cues)}){connectors}\s*[“\"]?$"),
        deadline_cue=regex.compile(rf"(?P<cue>{_alt(w.deadline_cues)}){connectors}\s*[“\"]?$"),
        future_cue=regex.compile(rf"(?P<cue>{_alt(w.future_cues)})\s*[“\"]?$"),
        cue_exception=regex.compile(rf"(?:{_alt(w.cue_exceptions)})$"),
        to_cue=regex.compile(rf"(?:{_alt(w.deadline_cues)})\s*[“\"]?$"),
        bracketed=TITLE,
        plans_by_name={p.name: p for p in w.plans},
        plans_by_ordinal={p.ordinal: p for p in w.plans},
        end_parts=tuple(end_parts + [m for m in w.month_parts if m in ("底", "末")]),
    )


# --- interpretation -----------------------------------------------------------------


def _number(s: str, w: TimeWords) -> int | None:
    """Value of a small number in Arabic or Chinese digits (5, 两, 十二, 二十三)."""
    s = s.strip()
    if s.isascii():
        return int(s) if s.isdigit() else None
    if w.ten in s:
        head, _, tail = s.partition(w.ten)
        return (w.digits.get(head, 1) if head else 1) * 10 + (w.digits.get(tail, 0) if tail else 0)
    return w.digits.get(s)


def _year_value(s: str, w: TimeWords) -> int | None:
    """1953 from 1953 or 一九五三."""
    s = s.strip()
    if s.isascii():
        return int(s) if s.isdigit() else None
    values = [w.digits.get(c) for c in s]
    return None if None in values else int("".join(map(str, values)))


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _years(first: int, last: int) -> tuple[date, date]:
    return date(first, 1, 1), date(last, 12, 31)


@dataclass(slots=True)
class _Parsed:
    start: date | None
    end: date | None
    granularity: str
    kind: str  # span | plan | rspan | rel | dated | bare | decade
    word_role: str | None = None  # role of a relative word (今年 period, 去年 point)
    absolute_year: int | None = None  # a year written out, for the horizon rule


def _month_span(year: int | None, text: str, w: TimeWords) -> tuple[date | None, date | None, str] | None:
    """(start, end, granularity) of 3月, 3月5日, 6月底 in ``year``; None if no such date."""
    m = regex.match(r"(.+?)月(.*)$", text)
    month = _number(m.group(1), w) if m else None
    if month is None or not 1 <= month <= 12:
        return None
    rest = m.group(2)
    if rest[-1:] in ("日", "号"):
        day = _number(rest[:-1], w)
        if year is None:
            return None, None, "day"
        if day is None or not 1 <= day <= _last_day(year, month):
            return None
        return date(year, month, day), date(year, month, day), "day"
    if year is None:
        return None, None, "month"
    return date(year, month, 1), date(year, month, _last_day(year, month)), "month"


def _counted_span(m: regex.Match, g: _Grammar, ctx: Context, after: str) -> _Parsed | None:
    """今后五年, 过去五年, 五年来, 三年内, 这五年."""
    w = g.words
    doc_year = ctx.year
    if (m.group("rn3") or m.group("rn5") or m.group("rn6")) and not (w.bare_back_in_review and ctx.part == "review"):
        # a bare N年 opening a clause of a plan (五年淘汰…) says nothing alone, nor does one
        # closing it (…发展关键的一年)
        return None
    if m.group("rn6"):
        opened = max(m.string.rfind(c, 0, m.start()) for c in SENTENCE_STOPS + "\n") + 1
        if g.time.search(m.string, opened, m.start()):
            return None  # 1986年是…取得显著成就的一年: it restates the time its sentence named
    if m.string.endswith(w.restating, 0, m.start()):
        return None  # 1953年到1978年的二十六年间: the count restates the years just written
    n = _number(
        m.group("rn") or m.group("rn2") or m.group("rn3") or m.group("rn4") or m.group("rn5") or m.group("rn6"), w
    )
    if not n or n > w.max_span_years:
        return None
    between = _years_counted_before(m, w, n)
    if between is not None:
        # 由一九七八年的…增加到一九八二年的…，四年间增长百分之七十五点二: the count restates the
        # years its sentence just went between
        return _Parsed(*_years(*between), "year", "rspan")
    if doc_year is None:
        return _Parsed(None, None, "year", "rspan")
    if m.group("rfb"):
        # 前三年 in the 1957 review of 1956: the three years before the year under discussion
        focus = focus_year(ctx, doc_year)
        return _Parsed(*_years(focus - n, focus - 1), "year", "rspan")
    before_word, after_word = m.group("rb"), m.group("ra") or m.group("ra2")
    if before_word in w.plan_only_before and ctx.part == "review":
        return None  # 提出用三年时间… in a review: a duration planned once, no time of this text
    if before_word in w.context_before and n > 1 and m.string.endswith(YEAR_MARK, 0, m.start()):
        return None  # …一九六○年这八年 with no other year written to count from: no time of its own
    if before_word in w.context_before:
        # 这三年要…; 在这十年里，要… (the place word and the comma after the span read through)
        rest = after
        for word in w.locatives:
            if rest.startswith(word):
                rest = rest[len(word) :]
                break
        rest = rest.lstrip(COMMAS + " ")
        # 这五年内，除了…以外，国家财政还将拨出…: a word of the future later in its sentence too
        stop = min((i for i in (m.string.find(c, m.end()) for c in SENTENCE_STOPS) if i >= 0), default=len(m.string))
        sentence = m.string[m.end() : stop]
        forward = ctx.part != "review" and (
            rest.startswith(w.forward_markers) or any(f in sentence for f in w.forward_later)
        )
    elif before_word:
        forward = before_word in w.forward_before
    elif after_word in w.context_after:
        forward = ctx.part != "review"
    else:
        forward = after_word in w.forward_after
    if forward:
        first, last = doc_year, doc_year + n - 1
        if n == 5:
            # 未来五年 in the 2015 report is “十三五”; 今后五年 in 2018 a new term.
            plan = next((p for p in w.plans if p.start in (doc_year, doc_year + 1)), None)
            if plan is not None:
                first, last = plan.start, plan.end
            else:
                # 五年内 under 第六个五年计划的基本任务 in the 1982 report: the plan the heading
                # names, which the document year falls in
                named = _plan_of_heading(g, ctx) or _plan_named_before(g, ctx, m)
                if named is not None:
                    first, last = named
    else:
        # the years before the document's, its own among them in a report delivered late in
        # it (这三年 in the report of December 1981 → 1979–1981)
        last = doc_year if ctx.plan_year is not None else doc_year - 1
        first = last - n + 1
    return _Parsed(*_years(first, last), "year", "rspan")


def _year_written(w: TimeWords) -> str:
    """A year written out in four digits, Arabic or Chinese, and 年: its digits are group 1."""
    digits = "".join(regex.escape(c) for c in w.digits)
    return f"([0-9{digits}]{{4}}){YEAR_MARK}"


@cache
def _year_written_re() -> regex.Pattern:
    return regex.compile(_year_written(load_time_words()))


def _years_counted_before(m: regex.Match, w: TimeWords, n: int) -> tuple[int, int] | None:
    """The years between two years written earlier in the sentence of a count of ``n`` years
    (…一九七八年…一九八二年…，四年间 → 1979–1982; 1998年…2002年…，五年来 → 1998–2002), or None."""
    opened = max(m.string.rfind(c, 0, m.start()) for c in SENTENCE_STOPS + "\n") + 1
    written = _year_written_re().findall(m.string, opened, m.start())
    years = sorted({y for y in (_year_value(x, w) for x in written) if y})
    for gap, first in ((n, 1), (n - 1, 0)):  # from the year before the count, else from its first
        pairs = [(a, b) for a in years for b in years if b - a == gap and b > a]
        if pairs:
            a, b = max(pairs, key=lambda p: p[1])  # the latest
            return a + first, b
    return None


def _plan_of_heading(g: _Grammar, ctx: Context) -> tuple[int, int] | None:
    """The five-year plan a heading above the passage names, when the document year is in it."""
    if not ctx.heading:
        return None
    return _plan_containing(g, ctx, ctx.heading)


def _plan_named_before(g: _Grammar, ctx: Context, m: regex.Match) -> tuple[int, int] | None:
    """The five-year plan named earlier in the sentence of a count of five years ahead, when the
    document year is in it (第一个五年计划规定农业…的总产值在五年内增长 in 1955 → 1953–1957)."""
    opened = max(m.string.rfind(c, 0, m.start()) for c in SENTENCE_STOPS + "\n") + 1
    return _plan_containing(g, ctx, m.string[opened : m.start()])


def _plan_containing(g: _Grammar, ctx: Context, text: str) -> tuple[int, int] | None:
    """The five-year plan ``text`` names that the document year falls in, if any."""
    if ctx.year is None:
        return None
    for hm in g.time.finditer(text):
        p = _parse(hm, g, Context(year=ctx.year, part=ctx.part, genre=ctx.genre), None, "")
        if p is not None and p.kind == "plan" and p.start is not None and p.end is not None:
            if p.start.year <= ctx.year <= p.end.year and p.end.year - p.start.year == 4:
                return p.start.year, p.end.year
    return None


def _ordered_span(m: regex.Match, w: TimeWords) -> bool:
    sy = _year_value(m.group("sy") or m.group("sy2"), w)
    ey = _year_value(m.group("ey") or m.group("ey2"), w)
    return sy is not None and ey is not None and 0 < ey - sy <= 100


def _parse(m: regex.Match, g: _Grammar, ctx: Context, listed_year: int | None, after: str) -> _Parsed | None:
    """Dates of a match; ``listed_year`` is the year of a time this one is listed after
    (去年10月、11月: 11月 is in 去年 too)."""
    w = g.words
    doc_year = ctx.year
    # The year under discussion: in a review part, the year before the document's.
    focus = None if doc_year is None else focus_year(ctx, doc_year)
    if m.group("span"):
        sy = _year_value(m.group("sy") or m.group("sy2"), w)
        ey = _year_value(m.group("ey") or m.group("ey2"), w)
        if sy is None or ey is None or not 0 < ey - sy <= 100:
            return None
        return _Parsed(*_years(sy, ey), "year", "span")
    if m.group("planq") or m.group("pu") or m.group("plano"):
        if m.group("plano"):
            era = w.plan_ordinal_eras.get(m.group("era") or "", 0)
            plan = g.plans_by_ordinal.get((_number(m.group("po"), w) or 0) + era)
        else:
            plan = g.plans_by_name.get(m.group("pq") or m.group("pu"))
        return None if plan is None else _Parsed(*_years(plan.start, plan.end), "year", "plan")
    if m.group("rspan"):
        return _counted_span(m, g, ctx, after)
    if m.group("listed"):
        # 1998、1999年: the first year of a list written once with 年
        year = _year_value(m.group("listed"), w)
        return None if year is None else _Parsed(*_years(year, year), "year", "dated", None, year)
    if m.group("decade"):
        # 八十年代 in 1985 is 1980-1989, 九十年代 1990-1999; 1990年代 is written whole
        digits = m.group("decade")[: -len(next(d for d in w.decade_marks if m.group("decade").endswith(d)))]
        value = int(digits) if digits.isdigit() else (_number(digits, w) or 0)
        if value >= 100:
            return _Parsed(*_years(value, value + 9), "year", "decade")
        if doc_year is None or not 10 <= value <= 90:
            return None
        century = (doc_year + w.horizon_years - value) // 100 * 100  # the latest not far ahead
        return _Parsed(*_years(century + value, century + value + 9), "year", "decade")
    if m.group("ordcentury"):
        # 二十一世纪, 21世纪: 2001-2100, read like a decade (a horizon when it lies ahead)
        digits = m.group("ordcentury")
        n = int(digits) if digits.isdigit() else _number(digits, w)
        if n is None or not 10 <= n <= 29:
            return None
        return _Parsed(*_years((n - 1) * 100 + 1, n * 100), "year", "decade")
    if m.group("century"):
        if doc_year is None:
            return _Parsed(None, None, "year", "dated")
        century, offset = w.century_years[m.group("century")]
        year = ((doc_year - 1) // 100 + century) * 100 + offset
        return _Parsed(*_years(year, year), "year", "dated", None, year)
    if m.group("rel"):
        rel = w.relative_years[m.group("rel")]
        base = focus if rel.focus else ctx.written or doc_year
        if base is None:
            return _Parsed(None, None, "year", "rel", rel.role)
        return _Parsed(*_years(base + rel.first, base + rel.last), "year", "rel", rel.role)

    # A year (written or relative) with an optional part, or a part alone.
    word_role = absolute = None
    if m.group("dated"):
        part = m.group("part") or ""
        head = m.group("dated")[: len(m.group("dated")) - len(part)].strip()
        if head in w.relative_years:
            rel = w.relative_years[head]
            base = focus if rel.focus else ctx.written or doc_year
            first = last = None if base is None else base + rel.first
            if base is not None:
                last = base + rel.last
            word_role = rel.role
        else:
            first = last = absolute = _year_value(head[:-1], w)
            if absolute is None:
                return None
        kind = "dated"
    else:
        first = last = listed_year if listed_year is not None else focus
        part = m.group("bare") or m.group("bare_month") or ""
        kind = "bare"

    if not part:
        if first is None:
            return _Parsed(None, None, "year", kind, word_role)
        return _Parsed(*_years(first, first if last is None else last), "year", kind, word_role, absolute)
    if m.group("m1"):
        m1, m2 = _number(m.group("m1"), w), _number(m.group("m2"), w)
        if m1 is None or m2 is None or not 1 <= m1 < m2 <= 12:
            return None
        if first is None:
            return _Parsed(None, None, "month", "months")
        return _Parsed(date(first, m1, 1), date(first, m2, _last_day(first, m2)), "month", "months")
    yp = w.year_parts.get(part) or w.year_parts.get("年" + part)
    if yp is not None:
        if first is None:
            return _Parsed(None, None, yp.granularity, kind, None, absolute)
        end = date(first, yp.last_month, _last_day(first, yp.last_month))
        return _Parsed(date(first, yp.first_month, 1), end, yp.granularity, kind, None, absolute)
    span = _month_span(first, part, w)
    if span is None:
        return None
    return _Parsed(*span, kind, None, absolute)


def _since(p: _Parsed, ctx: Context) -> _Parsed:
    """A time followed by 以来 spans from it to the year under discussion (the year reviewed
    in a review part): 1998年以来 in the 2003 review is 1998-2002; 今年以来 in the review of
    a plan written late in its year is that year."""
    assert p.start is not None and p.end is not None
    if ctx.year is None:
        return p
    focus = focus_year(ctx, ctx.year)
    if p.start.year > focus:  # 今年以来 in the review of a plan written late in its year
        return _Parsed(*_years(focus, focus), "year", p.kind, "period", p.absolute_year)
    return _Parsed(p.start, date(max(focus, p.end.year), 12, 31), p.granularity, p.kind, "period", p.absolute_year)


def _opens_sentence(before: str) -> bool:
    """True when the text before a match ends a sentence (or there is none)."""
    before = before.rstrip(' “"')
    return not before or before[-1] in SENTENCE_STOPS + "\n"


def _opens_clause(before: str) -> bool:
    """True when the text before a match ends a clause (…增长，[去年]全国平均每人…)."""
    before = before.rstrip(' “"')
    return not before or before[-1] in CLAUSE_STOPS + "\n"


def _role(p: _Parsed, m: regex.Match, suffix: str | None, before: str, after: str, g: _Grammar, ctx: Context) -> str:
    if p.kind == "decade" and p.start is not None and ctx.year is not None:
        return "horizon" if p.start.year > ctx.year else "period"  # 九十年代 in 1985; 八十年代
    if p.kind in ("span", "plan", "rspan", "months", "decade"):
        return "period"
    w = g.words
    doc_year = ctx.year
    if p.absolute_year is not None and doc_year is not None and (p.absolute_year - doc_year > w.horizon_years):
        return "horizon"
    past = doc_year is not None and p.end is not None and p.end.year < doc_year
    if suffix in w.deadline_suffixes or (suffix is not None and not past):
        return "deadline"
    point_cue = g.point_cue.search(before)
    if point_cue and not g.cue_exception.search(before[: point_cue.end()].rstrip(' “"')):
        return "point"
    if g.point_after.match(after):
        return "point"
    future = doc_year is not None and p.end is not None and p.end.year > doc_year
    if after.startswith(w.particle) and not future and g.to_cue.search(before):
        # 从2007年的639亿元增加到2012年的1923亿元: the date of a value reached
        return "point"
    if p.granularity == "year" and p.absolute_year is not None and after.startswith(w.plan_year_after):
        # the year of an annual plan, after the document year in a report delivered late in
        # the year before (1981年国民经济计划 in gov-report-1980): its figures are that year's
        return "period"
    cue = g.deadline_cue.search(before)
    if cue is None and doc_year is not None and p.end is not None and p.end.year > doc_year:
        cue = g.future_cue.search(before)
    if cue and not past and not g.cue_exception.search(before[: cue.end("cue")]):
        return "deadline"
    if future and p.word_role is None and g.deadline_after.match(after):
        return "deadline"
    if p.word_role is not None:
        if p.word_role == "point" and p.granularity == "year" and _opens_clause(before):
            # 去年 opening a sentence is the year it reports on (去年居民消费价格涨幅回落,
            # gov-report-2013); elsewhere a reference (去年价格上涨的翘尾影响).
            return "period"
        return p.word_role
    part = m.group("part") or m.group("bare") or ""
    if part in g.end_parts or (m.group("bare_month") or part).endswith(("底", "末")):
        if not past and ctx.part != "review":
            return "deadline"
    if p.granularity in ("half", "quarter"):
        return "period"
    if p.granularity == "year" and p.absolute_year is not None and doc_year is not None:
        # The plan year, or the year under review: 2018年工作要点, 2015年是“十二五”收官之年.
        if doc_year - 1 <= p.absolute_year <= doc_year:
            return "period"
        if past and _opens_clause(before) and not after.startswith(w.particle):
            # a year opening a clause is the year reported on (1982年重工业总产值比上年增长9.8%，
            # 1983年增长12.4%), not a reference
            return "period"
        if future:
            # a later year the plan looks to is when something is due, cue or not
            # (2015年国内生产总值将超过55万亿元, gov-report 2011; 2015年覆盖所有地级以上城市, 2012)
            return "deadline"
    return "point"


# a time this close to a sentence's start, in its first clause, opens it (刚刚过去的2017年)
LEAD_IN = 6


def totalled_count(text: str, t_start: int, t_text: str) -> bool:
    """Is the time ``t_text`` at ``t_start`` a count of years written after its measure and
    before a total or change (粮食两年增长, 中央财政连续三年累计投入: time_words.yaml
    totalled_after)? It speaks of its own clause, never of the sentences after it."""
    w = load_time_words()
    count = t_text[:-1]
    return (
        t_text.endswith(YEAR_MARK)
        and bool(count)
        and all(c in w.digits or c == w.ten or c.isdigit() for c in count)
        and t_start > 0
        and regex.match(r"\p{Han}", text[t_start - 1]) is not None
        and text.startswith(w.totalled_after, t_start + len(t_text))
    )


def time_opens_sentence(text: str, start: int, t_start: int) -> bool:
    """Does a time at ``t_start`` open the sentence whose words begin at ``start``: right
    there, after a topic (在经济领域，过去一年里: ``topic_lead``), or after a short lead-in in
    the first clause (刚刚过去的2017年)? The time frames of the kind rules and the past
    paragraphs of :func:`extract_times` read it alike."""
    topic = load_time_words().topic_lead.match(text, start, t_start)
    start = topic.end() if topic else start
    return t_start <= start + 1 or (t_start - start <= LEAD_IN and not CLAUSE_STOP.search(text, start, t_start))


def _from_a_start(text: str, offset: int, start: int, parsed: _Parsed, before: TimeExpr, w: TimeWords) -> _Parsed:
    """A counted span right after the year it starts from counts on from that year
    (从一九五六年开始，在十二年内 → 1956-1967, gov-report 1960), in a review too."""
    if parsed.start is None or parsed.end is None or before.start is None or before.end is None:
        return parsed
    if before.granularity != "year" or before.start.year != before.end.year:
        return parsed
    if not w.span_starts.fullmatch(text, before.char_end - offset, start):
        return parsed
    n = parsed.end.year - parsed.start.year
    first = before.start.year
    return replace(parsed, start=parsed.start.replace(year=first), end=parsed.end.replace(year=first + n))


def _the_year_named(parsed: _Parsed, before: list[TimeExpr]) -> _Parsed:
    """这一年 is the last single year named before it in the passage (一九五八年是…第一年。
    这一年…; 在一九五二年，即…的这一年), if any."""
    years = (t.start.year for t in reversed(before) if t.start and t.end and t.start.year == t.end.year)
    year = next(years, None)
    if year is None:
        return parsed
    return replace(parsed, start=date(year, 1, 1), end=date(year, 12, 31))


def extract_times(text: str, *, offset: int = 0, context: Context = Context()) -> list[TimeExpr]:
    """Time expressions in ``text``, a passage starting at document offset ``offset``."""
    g = _grammar()
    masked = [b.span() for b in g.bracketed.finditer(text)]
    sentences: SentenceIndex | None = None
    out: list[TimeExpr] = []
    pos = 0
    # a paragraph outside a review part that opens a sentence with last year (1986年是…;
    # 在经济领域，过去一年里…) speaks of last year from there on: 比上年 is the year before it
    past = None if context.year is None or context.part == "review" else replace(context, part="review")
    in_past = False
    while (m := g.time.search(text, pos)) is not None:
        if m.group("span") and not _ordered_span(m, g.words):
            # 2020年至2018年 is no span: read its first year alone, then go on
            m = g.time_no_span.match(text, m.start())
            if m is None:
                pos += 1
                continue
        start, end = m.span()
        pos = max(end, start + 1)
        if any(s <= start < e for s, e in masked):
            continue
        listed_year = None
        if m.group("bare_month") and out and out[-1].start is not None:
            gap = text[out[-1].char_end - offset : start]
            if len(gap) == 1 and gap in g.words.list_joiners:
                listed_year = out[-1].start.year
        # 本年 keeps the passage's own part in a paragraph that speaks of last year (同1955年国家
        # 决算比较，本年收入增长…: the plan year), time_words.yaml own_part
        read_in = past if in_past and past is not None and not text.startswith(g.words.own_part, start) else context
        try:
            parsed = _parse(m, g, read_in, listed_year, text[end : end + 4])
        except (ValueError, OverflowError):  # a date outside the calendar
            parsed = None
        if parsed is None:
            continue
        suffix = None
        since = g.since.match(text, end) if parsed.kind in ("dated", "rel") and parsed.start is not None else None
        if since is None and parsed.kind == "dated" and parsed.start is not None and context.year is not None:
            # 从1998年起 in the 2003 review: a past year something has gone on since
            focus = focus_year(context, context.year)
            if parsed.start.year <= focus and text.endswith(g.words.since_from, 0, start):
                since = g.since_from.match(text, end)
        if parsed.kind in ("dated", "bare"):
            sm = g.suffix.match(text, end)
            if sm is not None:
                suffix, end = sm.group(), sm.end()
        before, after = text[max(0, start - 8) : start], text[end : end + 8]
        role = _role(parsed, m, suffix, before, after, g, context)
        if role == "point" and out and out[-1].role == "period" and parsed.granularity == out[-1].granularity:
            gap = text[out[-1].char_end - offset : start]
            if gap == LIST_COMMA:
                role = "period"  # 1998、1999年连续遭受…: a listed year reads like the one before it
        if since is not None and suffix is None:
            parsed, end, role = _since(parsed, context), since.end(), "period"
        elif (
            suffix is None
            and parsed.kind == "dated"
            and parsed.start is not None
            and context.year is not None
            and parsed.start.year < focus_year(context, context.year)
            and _opens_sentence(text[max(0, start - 8) : start])
            and g.words.since_event.match(text, end)
        ):
            parsed, role = _since(parsed, context), "period"  # 1998年发生特大洪水后，…
        elif (
            parsed.granularity == "year"
            and parsed.absolute_year is not None
            and text.endswith(g.words.since_from, 0, start)
            and text.startswith(g.words.start_marks, end)
        ):
            role = "period"  # 从一九五六年开始，在十二年内: the year something starts in
        if parsed.kind == "rspan" and parsed.start is not None and parsed.end is not None and out:
            parsed = _from_a_start(text, offset, start, parsed, out[-1], g.words)
            one_year = parsed.start is not None and parsed.end is not None and parsed.start.year == parsed.end.year
            if one_year and m.group("rb") in g.words.context_before:
                parsed = _the_year_named(parsed, out)
        if sentences is None:
            sentences = SentenceIndex(text)
        if (
            past is not None
            and context.year is not None
            and parsed.start is not None
            and parsed.end is not None
            and (parsed.kind in ("dated", "rel") or text.startswith(g.words.backward_before, start))
            and time_opens_sentence(text, sentences.span_at(start)[0], start)
        ):
            # a year written out, 去年, or 过去一年 (not 这一年: the year just named)
            first_year, last_year = parsed.start.year, parsed.end.year
            if first_year == last_year == context.year - 1:
                in_past = True
            elif last_year >= context.year:
                in_past = False
        out.append(
            TimeExpr(
                text=text[start:end],
                char_start=offset + start,
                char_end=offset + end,
                sentence=sentences.sentence_at(start),
                start=parsed.start,
                end=parsed.end,
                granularity=parsed.granularity,
                role=role,
            )
        )
    return out
