"""What an amount measures: the subject phrase of a quantity, from the words around it.

A subject is read from the grammar of the clause, not cut from a window of characters:
the clause is segmented and tagged with jieba's parts of speech (only the clause around
the amount, since tagging is slower than cutting), adverbs, prepositions and particles
are dropped at its edges and adverbs inside it (运转效率普遍提升 → 运转效率提升), and the
noun the number counts is taken after the measure word when the number comes first
(新开工122个项目 → 新开工项目). A subject that names nothing by itself — a change word
(同比增长), an attribute (面积), a verb such as 受益 — takes the measure of the amount
before it in the sentence (地区生产总值达12.4万亿元、同比增长8% → 地区生产总值增长), and a
list shares its measure (单位国内生产总值能耗和二氧化碳排放分别降低13.5%、18%). The words
are data: ``data/subject_words.yaml``.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

import regex

from extractors.char_classes import (
    CLAUSE_STOPS,
    COLONS,
    COMMAS,
    HAN,
    LIST_COMMA,
    LONG_SENTENCE_STOPS,
    OPENING_QUOTES,
    PHRASE_END,
    ROUND_BRACKETS,
    SENTENCE_STOPS,
    SPACES,
    SPAN_JOINERS,
)
from extractors.indicators import MEASURES_DATA, after_a_count, before_base, indicator_direction, indicator_for
from extractors.indicators import table as MEASURES_TABLE
from extractors.language_data import (
    EXTRACTORS_DATA,
    Mapping,
    Record,
    Strings,
    Text,
    fail,
    load,
    register,
)
from extractors.numerals import ARABIC_DIGIT_CHARS, DIGIT_CHARS, PERCENT_WORDS, PLACE_CHARS, TEN, YEAR_MARK
from extractors.segmentation import cut, tag, word_tag
from extractors.target_kinds import TARGET_KINDS_DATA, kind_words, share_whole
from extractors.units import registry

SUBJECT_WORDS_FILE = EXTRACTORS_DATA / "subject_words.yaml"
_LISTS = ("leading", "trailing", "inside", "keep", "verbs", "non_naming", "attributes", "owned_attributes",
          "after_stop", "continues", "change_alone", "to_level", "list_words", "shared_tails", "distributive",
          "respectively", "time_suffixes", "time_links", "relative_years", "phrase_breaks", "examples_end",
          "verb_ends", "prepositions", "modals", "list_heads", "list_leads", "measure_ends", "own_leads",
          "rate_dimensions", "counted_dimensions", "attribute_dimensions", "limit_dimensions", "change_manners",
          "comparison_marks", "reckoning_marks", "period_heads", "frame_heads",
          "exceeding", "month_suffixes", "day_marks", "times_before_verb", "setting_verbs",
          "whole_people", "goal_before_change", "share_verbs", "colon_intros", "colon_head_qualifiers", "item_links",
          "topic_opens", "topic_ends", "setting_sources",
          "output_dimensions", "change_dimensions", "output_heads", "named_plans", "sector_ends",
          "occurrence_units",
          "example_manners", "kept_manners", "goal_copulas", "verb_manners", "owner_needed", "system_ends",
          "kind_ends", "share_heads", "dividing_verbs", "divided_heads", "rate_ends", "outlay_verbs",
          "glued_trailing", "total_marks", "goal_after_change", "purpose_opens", "session_marks",
          "leading_tokens", "example_tokens", "bound_qualifiers", "place_opens", "reach_verbs",
          "extension_verbs", "extension_fillers",
          "member_count_verbs", "member_count_adverbs", "opening_adverbs",
          "purpose_verbs", "years_ends",
          "years_named_with", "comment_words", "comment_flags", "light_verbs", "product_words",
          "when_ends", "comparison_joins", "counts_back",
          "time_prepositions", "time_comparatives", "kept_times", "part_heads", "aside_openers")  # fmt: skip
SUBJECT_WORDS_SPEC = Record(
    particle=Text(),
    ordinal=Text(),
    drop_pos=Record(leading=Strings(), trailing=Strings(), inside=Strings()),
    completion_inside=Record(verbs=Strings(allow_empty=False), unless=Strings(), adverbs=Strings()),
    paired_groups=Mapping(Strings(), allow_empty=False),
    **{k: Strings() for k in _LISTS},
)
SUBJECT_WORDS_DATA = register("subject_words", SUBJECT_WORDS_FILE, SUBJECT_WORDS_SPEC, "extractors/subjects.py")

# A subject never runs across a clause stop; brackets do not end it (char_classes.PHRASE_END).
CLAUSE_END = PHRASE_END
# Marks a subject never starts or ends with; quotes are dropped (“暖校舍”改造 → 暖校舍改造).
_EDGE_MARKS = "、，,；;：:“”‘’\"'《》 （(）)"
_EDGE_MARKS_NO_ROUND = "、，,；;：:“”‘’\"'《》 "
_CLOSING_ROUND = "".join(ROUND_BRACKETS.values())
_QUOTES = str.maketrans("", "", '“”‘’"')
_DIGIT = regex.compile(r"[0-9０-９]")
# digits that are not a date (外贸出口从7月份开始大幅度回升 holds no amount)
_AMOUNT_DIGITS = regex.compile(r"[0-9０-９]+(?![0-9０-９.]*[年月日号])")


@dataclass(frozen=True, slots=True)
class SubjectWords:
    """The checked content of ``subject_words.yaml`` with what is built from it."""

    particle: str
    leading: frozenset[str]
    purpose_verbs: frozenset[str]  # 支持, 解决: after a comma, give money without a noun its use
    reach_verbs: frozenset[str]  # 惠及, 参保: a subject opening with one says whom, not what
    extension_verbs: frozenset[str]  # 扩大到: a scheme extended to a share of units
    extension_fillers: frozenset[str]  # 范围, 要, 全国: words around it that name no unit
    place_opens: frozenset[str]  # 在: may open what a group does (在国有企业就业)
    leading_tokens: frozenset[str]  # 保证, 一定: dropped as jieba's words only, not as strings
    example_tokens: frozenset[str]  # 如: opens an example before a noun, dropped as jieba's word
    having_tokens: frozenset[str]  # 共有: a verb of having before a noun, dropped as jieba's word
    bound_qualifiers: frozenset[str]  # 以上: a part of a count named by a bound (限额以上的有…)
    member_count_verbs: frozenset[str]  # 有 of 分布在内地的将有…: a count of members
    member_count_adverbs: frozenset[str]  # 将, 约 between 的 and that 有
    opening_adverbs: frozenset[str]  # 已, 将 opening the members' verb phrase
    trailing: frozenset[str]
    inside: frozenset[str]
    keep: frozenset[str]
    verbs: frozenset[str]
    non_naming: frozenset[str]
    attributes: frozenset[str]
    owned_attributes: frozenset[str]
    owner_needed: frozenset[str]  # 财政补助, 覆盖面: measures whose thing an earlier clause names
    system_ends: frozenset[str]  # 制度: ends a system's name, not the thing it is about
    kind_ends: frozenset[str]  # 级, 型: end a word that only says which kind (县级, 大型)
    share_heads: frozenset[str]  # 占比, 比重: list heads no change of the things takes
    dividing_verbs: frozenset[str]  # 占: items of a list of clauses dividing one whole
    divided_heads: frozenset[str]  # 投资, 支出: the measure word those items share
    rate_ends: frozenset[str]  # 率: ends a rate of what was handled (办结率)
    outlay_verbs: frozenset[str]  # 投入, 安排: money given without a noun takes its purpose
    glued_trailing: frozenset[str]  # 均达: a jieba word dropped whole at a subject's end
    total_marks: frozenset[str]  # 共: a running total's mark, dropped before any verb
    goal_after_change: frozenset[str]  # 目标 of 经济增长目标: a goal word ending a change
    purpose_opens: frozenset[str]  # 为: opens a clause saying what an outlay after it is for
    session_marks: frozenset[str]  # 届, 次: after 第 and a number, one numbered event
    ordinal: str  # 第
    completion_verbs: frozenset[str]  # 完成 inside a subject: no part of the measure…
    completion_unless: tuple[str, ...]  # …unless a plan it fulfils follows (完成预算)
    period_heads: frozenset[str]  # 初期, 期间: a phrase ending in one names a stretch of time
    frame_heads: frozenset[str]  # 的基础上, 情况下: a phrase ending in one frames circumstances
    exceeding: frozenset[str]  # 超过, 高于: …超过了…平均每年增长3.2%的速度
    scope: frozenset[str]
    after_stop: frozenset[str]
    continues: frozenset[str]
    change_alone: frozenset[str]
    to_level: frozenset[str]
    comparison_joins: frozenset[str]  # 及其 before a comparison a list's lead adds to its measure
    list_words: frozenset[str]
    shared_tails: frozenset[str]
    distributive: tuple[str, ...]
    respectively: frozenset[str]
    list_heads: frozenset[str]
    part_heads: frozenset[str]  # 总额: shared by the parts a 其中 opens only
    aside_openers: frozenset[str]  # 由于, 因为: a clause opening with one gives a cause, no measure
    list_leads: frozenset[str]
    example_manners: frozenset[str]  # 成功 of 成功举办A、B等35场活动
    kept_manners: frozenset[str]  # 重点 of 重点培育A、B等2个产业
    verb_manners: frozenset[str]  # 基本 of 基本建成511万套 (jieba: a noun)
    measure_ends: frozenset[str]
    own_leads: frozenset[str]
    rate_dimensions: frozenset[str]  # checked against units.yaml
    counted_dimensions: frozenset[str]
    attribute_dimensions: frozenset[str]
    limit_dimensions: frozenset[str]
    reckoning_marks: frozenset[str]
    change_manners: frozenset[str]
    comparison_marks: frozenset[str]
    counts_back: frozenset[str]  # 前 of 比前五年: a count of years back from now
    item_openers: frozenset[str]
    time_suffixes: frozenset[str]
    month_suffixes: frozenset[str]  # 份 of 4月份
    day_marks: frozenset[str]  # 日, 号 of 7月1日
    time_links: frozenset[str]
    relative_years: frozenset[str]
    phrase_breaks: frozenset[str]
    examples_end: frozenset[str]
    verb_ends: frozenset[str]
    prepositions: frozenset[str]
    time_prepositions: frozenset[str]  # 在, 从, 到 before a time inside a subject: they go with it
    time_comparatives: frozenset[str]  # 于 of 高于 before a time: a base, no period
    kept_times: frozenset[str]  # 全年 of 职工全年的平均工资: the stretch a measure sums over
    modals: frozenset[str]
    leading_pos: frozenset[str]
    trailing_pos: frozenset[str]
    inside_pos: frozenset[str]
    times_before_verb: frozenset[str]
    setting_verbs: frozenset[str]
    whole_people: frozenset[str]
    goal_before_change: frozenset[str]
    goal_copulas: frozenset[str]  # 为 of 固定资产投资总额计划为…
    share_verbs: frozenset[str]
    colon_intros: frozenset[str]  # 如下, 的情况是: end the clause that opens a list with a colon
    colon_head_qualifiers: frozenset[str]  # 主要 of 主要生产能力有…: which items, not the measure
    item_links: frozenset[str]  # 为, 是: between an item of such a list and its amount
    topic_opens: frozenset[str]  # 以, 拿: open a topic frame naming the measure (以产量说，…)
    topic_ends: frozenset[str]  # 说, 来说: end it
    setting_sources: frozenset[str]  # 计划, 预算: a plan before a setting verb (计划规定…)
    output_dimensions: frozenset[str]  # checked against units.yaml: what a list of products is in
    change_dimensions: frozenset[str]  # checked against units.yaml: a list of changes runs over them
    output_heads: frozenset[str]  # 产量: a list's head a product in another measure word takes
    when_ends: frozenset[str]  # 时: a phrase ending in a word of its own of these says when
    product_words: frozenset[str]  # 产品: a clause on products' output gives the products named after it 产量
    named_plans: frozenset[str]  # 投资计划: a plan named by what it does, whose 计划 stays
    paired_groups: tuple[tuple[str, tuple[str, ...]], ...]  # 城乡 → 城市, 农村 (longest first)
    sector_ends: frozenset[str]  # 业: 住宿业, 餐饮业 name sectors
    occurrence_units: frozenset[str]  # 次: 先后4次降低存款准备金率 counts what is done
    to_level_re: regex.Pattern  # a word of to_level opening a phrase, longest first (减为增长)
    period_frame: regex.Pattern  # 在二十世纪初期, 在上年大幅度增长的基础上 ending a subject
    set_by_re: regex.Pattern  # 国家预算规定, 第一个五年计划规定 opening a phrase (group 1: the plan's name)
    topic_re: regex.Pattern  # 以产量说，: a topic frame naming the measure (group 1)
    item_marker: regex.Pattern
    adjustment: regex.Pattern
    years_named: regex.Pattern  # 一九五八年 written out in full: a time, no amount
    plan_fulfilled: regex.Pattern  # 完成年度计划的[117%]: the share of a plan fulfilled
    members_counted: regex.Pattern  # …分布在沿海各地的将有[N个]: members that do something, counted
    opening_adverb: regex.Pattern  # 已 of 已开工的有…: an adverb of time opening the members' verb phrase
    leading_re: regex.Pattern
    trailing_re: regex.Pattern
    inside_re: regex.Pattern
    goal_re: regex.Pattern  # 能源生产[计划]增长: a goal word before a change
    scope_re: regex.Pattern
    leading_time: regex.Pattern
    leading_years: regex.Pattern  # 五年[城镇新增就业]: a count of years opening a subject
    light_verbs: frozenset[str]  # 进行, 予以: a light verb before what is done (进行全面清理)
    comment_words: frozenset[str]  # 是, 所: a comment on the things counted after them
    comment_flags: frozenset[str]  # i: jieba's idioms, comments too (精彩纷呈)
    years_ends: frozenset[str]  # 来, 间: may follow such a count of years
    years_named_with: frozenset[str]  # 计划, 义务教育: a name goes on with the count of years
    trailing_time: regex.Pattern
    # change words of measures.yaml (增长, 下降 …) plus change_alone
    change: frozenset[str]
    comparison_re: regex.Pattern  # comparison bases of measures.yaml (比上年, 比去年 …)
    # a base of comparison whose words stay whole: a listed one (比上年预计数) or a count of
    # years after a comparison mark (比前五年)
    base_words_re: regex.Pattern
    times_re: regex.Pattern  # key_times of measures.yaml (前三年, 第四季度, 比1983年 …)
    baseline_from: frozenset[str]  # where a change starts (从, 由), of target_kinds.yaml
    existential: tuple[str, ...]  # 有, 共有 (target_kinds.yaml), longest first: the holder and the noun
    population: frozenset[str]  # 人民, 人口 (target_kinds.yaml): a people counted without a unit


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) or r"(?!)"


def build_subject_words(data: dict, measures: dict, kinds: dict) -> SubjectWords:
    """The subject words of ``subject_words.yaml`` with what they take from ``measures.yaml``
    (change words, comparison bases, scope words, item numbers) and ``target_kinds.yaml``
    (the words a change starts from)."""
    changes = measures["changes"]
    change_words = [*changes["up"]["words"], *changes["down"]["words"]]
    sets = {k: frozenset(data[k]) for k in _LISTS if k != "distributive"}
    sets["scope"] = frozenset(measures["scope"])
    sets["item_openers"] = frozenset(kinds["item_openers"])  # 其中: target_kinds.yaml's
    # the verbs of having of target_kinds.yaml that are words of their own (共有, 拥有; not 有)
    sets["having_tokens"] = frozenset(w for w in kinds["fact"]["existential"] if len(w) > 1)
    known = registry().dimensions
    for key in (
        "rate_dimensions",
        "counted_dimensions",
        "attribute_dimensions",
        "limit_dimensions",
        "output_dimensions",
        "change_dimensions",
    ):
        unknown = sorted(sets[key] - set(known))
        if unknown:
            raise fail(SUBJECT_WORDS_FILE, key, f"{', '.join(unknown)} is not a dimension of units.yaml")
    # a year has two to four digits (2018年, 二〇一八年); 九年义务教育 is no time
    arabic, chinese = "0-9０-９", "一二三四五六七八九〇○零"
    year = f"(?:[{arabic}]{{2,4}}|[{chinese}]{{2,4}})"
    month = "[0-9０-９一二三四五六七八九十]{1,3}"
    suffix = f"(?:{_alternation(data['time_suffixes'])})?"
    return SubjectWords(
        particle=data["particle"],
        ordinal=data["ordinal"],
        distributive=tuple(sorted(data["distributive"], key=len, reverse=True)),
        paired_groups=tuple(
            sorted(((k, tuple(v)) for k, v in data["paired_groups"].items()), key=lambda kv: len(kv[0]), reverse=True)
        ),
        to_level_re=regex.compile(_alternation(data["to_level"])),
        leading_pos=frozenset(data["drop_pos"]["leading"]),
        trailing_pos=frozenset(data["drop_pos"]["trailing"]),
        inside_pos=frozenset(data["drop_pos"]["inside"]),
        completion_verbs=frozenset(data["completion_inside"]["verbs"]),
        completion_unless=tuple(data["completion_inside"]["unless"]),
        item_marker=regex.compile(measures["item_marker"]),
        period_frame=regex.compile(
            f"(?:{_alternation(w for w in data['time_links'] if len(w) == 1)})\\p{{Han}}{{1,10}}?"
            f"(?:{_alternation([*data['period_heads'], *data['frame_heads']])})$"
        ),
        adjustment=regex.compile("|".join(f"(?:{p})" for p in measures["adjustments"]) or r"(?!)"),
        years_named=regex.compile(f"(?:[{arabic}]{{4}}|[{chinese}]{{4}}){YEAR_MARK}"),
        members_counted=regex.compile(
            f"(?:{_alternation(kinds['item_openers'])})?(?P<does>.+?){regex.escape(data['particle'])}"
            f"(?:{_alternation(data['member_count_adverbs'])})?(?:{_alternation(data['member_count_verbs'])})"
        ),
        opening_adverb=regex.compile(f"^(?:{_alternation(data['opening_adverbs'])})"),
        plan_fulfilled=regex.compile(
            f"(?:{_alternation(data['completion_inside']['adverbs'])})?(?:{_alternation(data['completion_inside']['verbs'])})了?"
            f"\\p{{Han}}{{0,4}}?(?:{_alternation(data['completion_inside']['unless'])})数?"
        ),
        leading_re=regex.compile(f"^(?:{_alternation(w for w in data['leading'] if len(w) > 1)})"),
        trailing_re=regex.compile(f"(?:{_alternation(w for w in data['trailing'] if len(w) > 1)})$"),
        scope_re=regex.compile(f"^(?:{_alternation(measures['scope'])})"),
        # 年内 after a count of years takes the count with it: 五年内 is a span, no measure
        inside_re=regex.compile(
            f"(?:(?:[0-9]{{1,2}}|[{DIGIT_CHARS}{PLACE_CHARS}]{{1,3}})(?={YEAR_MARK}))?"
            f"(?:{_alternation(w for w in data['inside'] if len(w) > 1)})"
        ),
        # within eight characters, the plan word right before the setting verb
        set_by_re=regex.compile(
            f"(\\p{{Han}}{{0,8}}?)(?:{_alternation(data['setting_sources'])})(?:{_alternation(data['setting_verbs'])})"
        ),
        topic_re=regex.compile(
            f"(?<=^|[{regex.escape(CLAUSE_STOPS)}])(?:{_alternation(data['topic_opens'])})"
            f"(\\p{{Han}}{{1,6}}?)(?:{_alternation(data['topic_ends'])})[{regex.escape(COMMAS)}]"
        ),
        goal_re=regex.compile(  # not the end of a base: 比原计划增加, 比一九五八年计划增长
            f"(?<!(?:{_alternation(data['comparison_marks'])})\\p{{Han}}{{0,6}})"
            f"(?:{_alternation(data['goal_before_change'])})"
            f"(?=(?:(?:{_alternation(data['comparison_marks'])})\\p{{Han}}{{1,6}}?)?"
            f"(?:{_alternation(data['change_manners'])})?(?:{_alternation(change_words)}))"
        ),
        # 4月份成功发行的…; 到一九五八年九月底增加灌溉面积 (a time link before the time goes too)
        leading_time=regex.compile(
            f"(?:{_alternation(w for w in data['time_links'] if len(w) == 1)})?"
            f"(?:{year} ?年{suffix}|{month} ?月(?:{_alternation(data['month_suffixes'])})?"
            f"(?:{month} ?(?:{_alternation(data['day_marks'])}))?)+"
        ),
        # 五年城镇新增就业, 两年铁路的货物周转量增长: a count of years opening a subject is its
        # period (not 五年计划, 九年义务教育: a name)
        leading_years=regex.compile(
            f"(?:[0-9]{{1,2}}|[{DIGIT_CHARS}{TEN}]{{1,2}}){YEAR_MARK}(?:{_alternation(data['years_ends'])})?"
            f"(?!\\p{{Han}}{{0,3}}?(?:{_alternation(data['years_named_with'])}))"
        ),
        # …投资总额五年为…: a count of years ending a subject says over which years, like a year
        # (not a plan's: 第一个五年)
        trailing_time=regex.compile(
            f"(?:{_alternation(data['time_links'])})?(?:{year} ?年{suffix}|{_alternation(data['relative_years'])}"
            f"|(?<=\\p{{Han}}){after_a_count(measures['counters'])}[{DIGIT_CHARS}]{{1,2}}{YEAR_MARK})"
            f"{regex.escape(data['particle'])}?$"
        ),
        change=frozenset(change_words) | sets["change_alone"],
        comparison_re=regex.compile(_alternation(measures["comparison_bases"])),
        base_words_re=regex.compile(
            f"{_alternation(measures['comparison_bases'])}"
            f"|(?:{_alternation(data['comparison_marks'])})(?:{_alternation(data['counts_back'])})?"
            f"(?:[0-9]{{1,2}}|[{DIGIT_CHARS}{TEN}]{{1,2}}){YEAR_MARK}"
        ),
        times_re=regex.compile(measures["key_times"]),
        baseline_from=frozenset(kinds["baseline_from"]),
        existential=tuple(sorted(kinds["fact"]["existential"], key=len, reverse=True)),
        population=frozenset(kinds["fact"]["population"]),
        **sets,
    )


@cache
def subject_words() -> SubjectWords:
    """The subject words, loaded once per process (with the change words of measures.yaml)."""
    return build_subject_words(load("subject_words"), load(MEASURES_DATA.name), load(TARGET_KINDS_DATA.name))


# --------------------------------------------------------------------------- phrases


def _droppable(words: SubjectWords, word: str, flag: str, *, leading: bool) -> bool:
    if word in words.keep or word in words.verbs or word in words.change:
        return False
    if leading and word in words.continues:
        return False  # 比去年预算高: a comparison is kept for the subject before to continue
    if word in (words.leading if leading else words.trailing):
        return True
    if leading and word in words.leading_tokens:
        return True
    if not leading and word in words.glued_trailing:
        return True
    return flag in (words.leading_pos if leading else words.trailing_pos)


def _locative_modifier(words: SubjectWords, first: tuple[str, str], second: tuple[str, str]) -> bool:
    """A locative of two characters before a noun names where the things are (沿江城市, 中部
    地区): it modifies the noun, not the telling."""
    return first[1] == "f" and len(first[0]) > 1 and first[0] not in words.leading and second[1][:1] in ("n", "x")


@lru_cache(maxsize=16384)
def trim(phrase: str, counted: bool = False) -> str:
    """Drop what is not the measure from both ends of a phrase, and adverbs inside it.

    Listed words of two or more characters are stripped as strings (the generated user
    dictionary glues 今年安排 into one word); one-character words and parts of speech only
    when jieba cuts them off as words, so 主要 keeps its 要. A preposition is kept before
    a one-character word it binds (对台). ``counted``: the phrase after a count, whose first
    part is what is counted (17种[抗癌药]大幅降价并纳入国家医保目录), so 并 does not cut it.
    """
    words = subject_words()
    s = phrase.translate(_QUOTES).strip(" ")
    de_end = words.particle if s.endswith(words.particle) else ""
    m = words.item_marker.match(s)
    if m and m.end() < len(s):
        s = s[m.end() :]  # （二）九年义务教育巩固率: before its bracket goes with the edge marks
    s = strip_edges(s)
    m = words.set_by_re.match(s)
    if (
        m
        and m.end() < len(s)
        and not s.startswith(words.particle, m.end())  # 计划规定的速度: what the plan set, whole
        and all(f[:1] in ("n", "m", "q", "t", "j", "b", "r") for _, f in tag(m.group(1)))
    ):
        # 第一个五年计划规定[农业及其副业的总产值]: the plan that sets it; what stands before the
        # plan word must name it, not act (超过五年计划规定的…)
        s = s[m.end() :]
    tokens = tag(s)
    breaks = [i for i, (w, _) in enumerate(tokens) if w in words.phrase_breaks]
    if breaks and breaks[-1] < len(tokens) - 1 and not counted:
        s = "".join(w for w, _ in tokens[breaks[-1] + 1 :])  # 发布《平潭宣言》并签约 → 签约
    for _ in range(8):
        before = s
        s = _strip_strings(words, s)
        pairs = [(w, f) for w, f in tag(s) if w.strip()]
        while len(pairs) > 1:
            opening = pairs[0][0]
            if (opening in words.example_tokens or opening in words.having_tokens) and pairs[1][1].startswith("n"):
                # 如铁增长百分之五十六 → 铁增长: an example opens, not a verb; 共有人口一百二十万 →
                # 人口: what is had, not the verb of having
                pairs.pop(0)
            elif (
                _droppable(words, *pairs[0], leading=True)
                and pairs[0][0] + pairs[1][0] not in words.keep
                and (
                    pairs[0][0] in words.leading
                    or pairs[0][0] in words.leading_tokens
                    or len(pairs[1][0]) > 1
                    or pairs[0][0] in words.prepositions
                )
                and not _locative_modifier(words, pairs[0], pairs[1])
                # 一定期限, 保证城市…的需要: before a noun it qualifies or governs it
                and not (pairs[0][0] in words.leading_tokens and pairs[1][1][:1] in ("n", "m", "q"))
            ):
                pairs.pop(0)
            elif _fulfils_a_plan(words, pairs[-2][0], pairs[-1][0]):
                break  # 铁道货运量计划完成[105%]: a plan fulfilled, its share (docs/annotation.md)
            elif _droppable(words, *pairs[-1], leading=False):
                joined = "".join(w for w, _ in pairs)
                levels = _longest_first(words.to_level)
                to = next((x for x in levels if joined.endswith(x) and len(joined) > len(x)), None)
                if to is not None:
                    # 养老金标准提高到[每人每月]: the change to a level goes whole, not its 到 alone
                    pairs = [(w, f) for w, f in tag(joined[: -len(to)]) if w.strip()]
                    continue
                pairs.pop()
            else:
                break
        s = strip_edges("".join(w for w, _ in pairs))
        if s == before:
            break
    goal = next((g for g in words.goal_before_change if s.endswith(g) and len(s) > len(g)), "")
    if (
        goal
        and s[: -len(goal)].endswith(tuple(words.measure_ends))
        and not s.endswith(tuple(words.named_plans))
        and phrase.rstrip().endswith(tuple(goal + x for x in (*kind_words().level_reached, *words.goal_copulas)))
    ):
        # 全国粮食产量[计划]达到…, 固定资产投资总额[计划]为…: the plan's level of a measure is the measure's
        s = s[: -len(goal)]
    goal = next((g for g in words.goal_after_change if s.endswith(g) and len(s) > len(g)), "")
    if goal and _ends_in_change(s[: -len(goal)]):
        s = s[: -len(goal)]  # 经济增长[目标]定为7.5%左右: the change is the measure, 目标 says it is a goal
    if len(s) > 2:
        bases = [m.span() for m in words.base_words_re.finditer(s)]
        inner = words.inside_re.sub(lambda m: _kept_in_base(m, bases), s)
        inner = words.goal_re.sub("", inner) or s  # 由上年, 普遍: anywhere, even across words
        if inner != s and inner != phrase:
            return trim(inner, counted)  # what the removal left at an end goes too (在[十二年内] → 在)
    framed = words.period_frame.search(s)
    if framed and framed.start() > 0:
        # 英国的煤产量[在二十世纪初期]: the time it speaks of; 粮食总产量[在上年大幅度增长的基础上]:
        # the circumstances; no part of the measure
        s = s[: framed.start()]
    tokens = tag(s)
    cut_at = next(
        (
            i
            for i, (w, _) in enumerate(tokens)
            if w in words.baseline_from and i > 0 and 0 < len("".join(w for w, _ in tokens[i + 1 :])) <= 5
        ),
        None,
    )
    if cut_at is not None:
        s = "".join(w for w, _ in tokens[:cut_at])  # 增值税起征点[从月销售额]3万元提高到10万元
    tokens = tag(s)
    if tokens and all(
        _droppable(words, w, f, leading=True) or _droppable(words, w, f, leading=False) for w, f in tokens
    ):
        return ""  # 和, 其中, 约: nothing but function words
    if len(tokens) > 1:
        # one-character adverbs only when listed, and before a verb: 还 of 退耕还林还草 and
        # 均 of 班均出口带宽 stay, 均 of 均占大陆总额 goes, 又 of 又比去年同期增长 goes; not in
        # a clause defining what is counted (重大水利工程已开工的项目)
        kept: list[str] = []
        dropped = -1  # the index of a verb of completion left out, whose particle goes too
        bases = [m.span() for m in words.base_words_re.finditer(s)]
        at = 0
        for i, (w, f) in enumerate(tokens):
            at += len(w)
            if any(a <= at - len(w) and at <= b for a, b in bases):
                kept.append(w)  # 比上年[预计]数: a base of comparison keeps its words
                continue
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ("", "")
            # 已开工的项目: the verb after it ends a clause defining what is counted
            defines = (tokens[i + 2][0] if i + 2 < len(tokens) else de_end) == words.particle
            if (
                len(w) == 1
                and w in words.inside
                and not defines
                and (
                    nxt[1] in ("v", "vd", "d", "ad")
                    or nxt[0] in words.change
                    or nxt[0] in words.inside
                    or nxt[0] in words.comparison_marks
                    # 共盘活, 共清理, 共引进国外…: a verb after a running total's mark that jieba
                    # tags vn or a, or glues to its object
                    or (w in words.total_marks and (nxt[1] in ("vn", "a") or word_tag(nxt[0][:2]) == "v"))
                    # 试点要覆盖全国…: a modal between the thing and a word jieba glued to its verb
                    or (w in words.modals and bool(kept) and word_tag(nxt[0][:2]) == "v")
                )
            ):
                continue
            if len(w) > 1 and w in words.inside:
                continue
            if (
                kept
                and w in words.completion_verbs
                and i + 1 < len(tokens)
                and (len(nxt[0]) >= 2 or nxt[1].startswith("u"))  # not 完成数, what was done
                and nxt[0] != words.particle
                and not any(u in "".join(t for t, _ in tokens[i + 1 :]) for u in words.completion_unless)
            ):
                # 基层医疗卫生机构[完成]提升改造, 省（区、市）[完成了]村委会换届选举: the verb of
                # completion (and its aspect particle), not the measure
                dropped = i
                continue
            if 0 <= dropped == i - 1 and f.startswith("u"):
                continue
            if w in words.times_before_verb:
                # 中央财政当年就增加支出: past the one-character adverb dropped before the verb
                nxt = next((t for t in tokens[i + 1 :] if not (len(t[0]) == 1 and t[0] in words.inside)), ("", ""))
            if (
                len(w) > 1
                and (f in words.inside_pos or w in words.times_before_verb)
                and w not in words.keep
                and w not in words.change
                and w not in words.verbs
                and (nxt[1].startswith("v") and nxt[1] != "vn" or nxt[0] in words.change)
                and not (kept and kept[-1] in words.comparison_marks)
            ):
                # 运转效率普遍提升, 中央财政全年用于…; but 超长期特别国债 keeps its adverb-tagged
                # 特别, and a base of comparison its year (比去年增长)
                continue
            kept.append(w)
        if kept:
            s = "".join(kept)
    return close_brackets(s)


def _kept_in_base(m: regex.Match, bases: list[tuple[int, int]]) -> str:
    """What of a word removed anywhere in a subject stands in a base of comparison and stays
    (比上年[预计]数; 比前[五年]累计: the count of years is the base's, 累计 goes)."""
    start, end = m.span()
    base_end = next((b for a, b in bases if a <= start < b), start)
    return m.group(0)[: max(0, min(base_end, end) - start)]


def _unmatched(s: str) -> tuple[list[int], list[int]]:
    """Offsets of the round brackets of ``s`` that open or close nothing inside it."""
    opened: list[int] = []
    closed: list[int] = []
    closing = {c: o for o, c in ROUND_BRACKETS.items()}
    for i, ch in enumerate(s):
        if ch in ROUND_BRACKETS:
            opened.append(i)
        elif ch in closing:
            if opened and s[opened[-1]] == closing[ch]:
                opened.pop()
            else:
                closed.append(i)
    return opened, closed


def strip_edges(s: str) -> str:
    """Punctuation off both ends, but a closing bracket that closes a parenthesis of the
    phrase stays: 县（市、区）, not 县（市、区."""
    while True:
        t = s.strip(_EDGE_MARKS_NO_ROUND)
        opened, closed = _unmatched(t)
        if t and t[-1] in _CLOSING_ROUND and (len(t) - 1) in closed:
            t = t[:-1]
        elif t and t[0] in ROUND_BRACKETS and 0 in opened:
            t = t[1:]
        elif t and t[0] in _CLOSING_ROUND:
            t = t[1:]
        if t == s:
            return t
        s = t


def close_brackets(s: str) -> str:
    """A phrase cut inside a parenthesis keeps what stands before it: the amount qualifies
    the noun, not the aside (中央预算收入（扣除地方上解的部分 → 中央预算收入)."""
    opened, _ = _unmatched(s)
    if opened:
        head = strip_edges(s[: opened[0]])
        if head:
            return head
    return s


def _fulfils_a_plan(words: SubjectWords, before: str, verb: str) -> bool:
    """Is ``verb`` a verb of completion right after a plan word ``before`` ends in (计划完成):
    a plan fulfilled, whose share is a measure of its own?"""
    return verb in words.completion_verbs and before.endswith(words.completion_unless)


def _strip_strings(words: SubjectWords, s: str) -> str:
    """The string rules of :func:`trim`, until nothing changes: item numbers, listed words
    of two or more characters, times at either end."""
    for _ in range(16):
        before = s
        m = words.item_marker.match(s)
        if m and m.end() < len(s):
            s = s[m.end() :]
        m = words.leading_re.match(s) or words.scope_re.match(s)
        if m and m.end() < len(s) and not any(len(k) > m.end() and s.startswith(k) for k in words.keep):
            s = s[m.end() :]  # not a word kept whole (争取到…资金: obtained, no goal word)
        m = words.trailing_re.search(s)
        if m and m.start() > 0 and not _fulfils_a_plan(words, s[: m.start()], m.group()):
            s = s[: m.start()]  # but not after a plan word: 铁道货运量计划完成[105%], a plan fulfilled
        for opening in (words.leading_time, words.leading_years):
            t = opening.match(s)
            if t and t.end() and t.end() < len(s):
                s = s[t.end() :]
        t = words.trailing_time.search(s)
        if t and t.start() > 0:
            s = s[: t.start()]
        s = strip_edges(s)
        if s == before:
            return s
    return s


def names_nothing(phrase: str) -> bool:
    """True when no word of ``phrase`` names a measure: 受益, 同比增长, 规模, 提升至."""
    words = subject_words()
    if not phrase or phrase in words.non_naming or phrase in words.change or phrase in words.to_level:
        return True
    if phrase.endswith(tuple(words.period_heads)):
        return True  # 调整初期, 第一个五年计划期间: a stretch of time, no measure
    if phrase in words.change_manners:
        return True  # …计划为百分之三点七，[实际]达到百分之四点六: how, not what
    tokens = tag(phrase)
    if len(tokens) > 1 and tokens[-1][0] in words.when_ends:
        return True  # 今年2月[修订计划时]减少为三百亿元: when, no measure (not 课时, 工时: words of their own)
    for w, f in tokens:
        if not w.strip() or w in words.non_naming or w in words.change or w in words.to_level:
            continue
        if w in words.trailing or w in words.leading or f in words.leading_pos:
            continue
        return False
    return True


def _ends_in_change(phrase: str) -> bool:
    tokens = tag(phrase)
    return len(tokens) > 1 and tokens[-1][0] in subject_words().change


def is_attribute(phrase: str) -> bool:
    """面积, 总里程, 规模: a noun that measures something named before it."""
    return phrase in subject_words().attributes


def ends_with_verb(phrase: str) -> bool:
    """新开工, 引进, 征收: the phrase is a verb waiting for the object the amount counts."""
    tokens = tag(phrase)
    if not tokens:
        return False
    word, flag = tokens[-1]
    words = subject_words()
    return (flag.startswith("v") and flag != "vn") or word in words.verbs


def starts_with_verb(phrase: str) -> str:
    """The verbs a listed item shares with the items after it (征收房屋…、土地 → 征收;
    新建改建高速公路…、农村公路 → 新建改建; 新建及改建城乡供水管网…、污水管网 → 新建及改建), or ''."""
    tokens = tag(phrase)
    words = subject_words()
    out = ""
    # a listed verb jieba cuts apart (新改建 → 新/改建) is one verb
    listed = next((v for v in _longest_first(words.verbs) if len(v) >= 2 and phrase.startswith(v)), "")
    at = 0
    while listed and at < len(tokens) - 1 and len(out) < len(listed):
        out += tokens[at][0]
        at += 1
    if out != listed:
        out, at = "", 0
    verb_second = not out and len(tokens) > 2 and tokens[1][1] == "v" and len(tokens[1][0]) >= 2
    if verb_second and tokens[0][0] in words.own_leads:
        at = 1  # 新认定国家高新技术企业12家、… → 认定: "newly" says when, the verb what is done
    elif verb_second and tokens[0][0] in words.verb_manners:
        out, at = tokens[0][0], 1  # 基本建成棚改安置房…、公共租赁房… → 基本建成 (jieba: 基本 a noun)
    for i, (word, flag) in enumerate(tokens[:-1]):
        if i < at:
            continue
        if out and word in words.list_words and i + 2 < len(tokens):
            following, tag_after = tokens[i + 1]
            if len(following) >= 2 and (tag_after == "v" or following in words.verbs):
                out += word  # 新建及改建城乡供水管网…、污水管网 → 新建及改建: joined verbs
                continue
        if word in words.change and not (i == 0 and flag == "v"):
            break  # a change word after the verb ends it; 新增 opening a list item is its verb
        if word in words.keep or len(word) < 2:
            break  # 来岚游客: a one-character verb is too often part of a name
        if not (flag == "v" or word in words.verbs):
            break
        out += word
    return out


def _manner_verb(phrase: str) -> str:
    """The verb after one word of manner opening ``phrase``, with the word where it says which
    of the things are counted (重点培育会展… → 重点培育; 成功举办… → 举办), or ''."""
    words = subject_words()
    tokens = tag(phrase)[:3]
    manner = tokens[0][0] if tokens else ""
    if len(tokens) < 3 or manner not in words.example_manners | words.kept_manners or len(tokens[1][0]) < 2:
        return ""
    if tokens[1][1] not in ("v", "vn"):
        return ""
    return (manner if manner in words.kept_manners else "") + tokens[1][0]


def examples_start(tokens: Sequence[tuple[str, str]], words: SubjectWords) -> int | None:
    """Where examples listed before 等 start: after the first run of verbs before the first item
    ends that leaves the item two characters or more (开展[庭院式微宣讲], 制定修订[企业信息公示暂行
    条例]), but after a body the verb asks to act (国务院提请全国人大常委会制定修订[食品安全法])."""
    first_end = next((i for i, (w, _) in enumerate(tokens) if w in (LIST_COMMA, *words.list_words)), len(tokens))
    runs = [
        i + 1
        for i in range(first_end)
        if tokens[i][1] == "v" and len(tokens[i][0]) >= 2 and (i + 1 >= len(tokens) or tokens[i + 1][1] != "v")
    ]
    for end in runs:
        rest = tokens[end:first_end]
        if len("".join(w for w, _ in rest)) < 2:
            continue
        if any(f == "nt" and j + 1 < len(rest) and rest[j + 1][1] == "v" for j, (_, f) in enumerate(rest)):
            continue  # the body acts next: its verb opens the examples
        return end
    return None


def _verb_before_examples(before: str) -> str:
    """The verbs right before examples listed with 等, after the body that does it (国务院先后
    提出…、…等 → 提出; 国务院向全国人大常委会提请审议…等 → 提请审议), or ''."""
    words = subject_words()
    tokens = tag(before)
    at = next((i for i, (w, f) in enumerate(tokens) if w in words.examples_end and f.startswith("u")), len(tokens))
    end = examples_start(tokens[:at], words)
    if end is None:
        return ""
    start = end
    while start > 0 and tokens[start - 1][1] == "v":
        start -= 1
    verb = "".join(w for w, _ in tokens[start:end])
    if not any(f == "nt" for _, f in tokens[:start]):
        return ""  # only after a body that does it, not a plan's own verb (推动…、…等)
    return verb


def verb_tail(phrase: str) -> str:
    """The verbs that end a phrase, which the amount after them is the object of:
    每个区市县至少要建设 → 建设; 有序推进三批 → 推进; 与台湾 → ''. Verbs that only say
    "do it" (实现, 完成, 用于) are left out."""
    words = subject_words()
    tokens = list(tag(phrase))
    while tokens and tokens[-1][1] in ("m", "mq", "q"):
        tokens.pop()
    out: list[str] = []
    i = len(tokens) - 1
    while i >= 0:
        w, f = tokens[i]
        if (w in words.leading and f != "c") or w in words.keep:
            break  # a conjunction between verbs joins them below (取消和停征), even one dropped as leading
        if _is_verb(words, w, f) or (f == "x" and not out and w.endswith(tuple(words.verb_ends))):
            out.insert(0, w)
            i -= 1
            continue
        if out and w == LIST_COMMA and i > 0 and _is_verb(words, *tokens[i - 1]) and tokens[i - 1][0] not in words.keep:
            out[:0] = [tokens[i - 1][0], w]  # 新建、改造[500个以上]停车位: verbs listed share the object
            i -= 2
            continue
        # 建成或部分建成: verbs joined by a conjunction, a modifier between
        j = i
        while j >= 0 and tokens[j][1] != "c" and i - j < 2:
            j -= 1
        if out and j > 0 and tokens[j][1] == "c" and _is_verb(words, *tokens[j - 1]):
            out[:0] = [t for t, _ in tokens[j : i + 1]]
            i = j - 1
            continue
        break
    if len(out) == 1 and len(out[0]) == 1 and i >= 0 and tokens[i][0] in words.own_leads:
        out.insert(0, tokens[i][0])  # 新设[7个]自贸试验区: 新 and a one-character verb are one verb
    return "".join(out)


def _is_verb(words: SubjectWords, w: str, f: str) -> bool:
    return f in ("v", "vd", "vn") or w in words.verbs


def is_measure(phrase: str) -> bool:
    """The phrase names a measure of the vocabulary (measures.yaml): 调查失业率, 国内生产总值增长."""
    return indicator_direction(indicator_for(phrase)) is not None


def _own_verb(phrase: str) -> bool:
    """The item of a list has a verb of its own: 改建农村公路 (a verb before a noun) or
    竣工投产 (verbs alone), not 集中供养资金 (集中 qualifies 供养)."""
    tokens = tag(phrase)
    verbs = subject_words().verbs
    if len(tokens) < 2 or not (tokens[0][1] == "v" or tokens[0][0] in verbs) or len(tokens[0][0]) < 2:
        return False
    # verbs before a noun (新建改建农村公路: jieba tags 新建 a place), or verbs alone (竣工投产,
    # 开工建设: a predicate of its own)
    n = 1
    if tokens[0][0] in verbs:  # a listed verb may run on into more (新建改建)
        n = next((i for i, (w, f) in enumerate(tokens) if not (f == "v" or w in verbs)), len(tokens))
    return (n < len(tokens) and tokens[n][1].startswith("n")) or all(f in ("v", "vn") for _, f in tokens)


@lru_cache(maxsize=64)
def _longest_first(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _years_at_start() -> regex.Pattern:
    """A year or a count of years opening a phrase, with the place word or 来 a span takes
    (time_words.yaml relative_spans locatives, backward_after)."""
    from extractors.times import load_time_words

    w = load_time_words()
    after = "|".join(regex.escape(x) for x in sorted({*w.locatives, *w.backward_after}, key=len, reverse=True))
    return regex.compile(f"^[0-9{DIGIT_CHARS}]{{1,4}}{YEAR_MARK}(?:{after})?")


def without_opening_time(phrase: str) -> str:
    """``phrase`` without a time opening it (五年基本建设 → 基本建设)."""
    return _years_at_start().sub("", phrase)


def _overlapped(verb: str, item: str) -> str:
    """A list's verb before an item that repeats the verb's last word, written once (淘汰落后 +
    落后炼钢产能 → 淘汰落后炼钢产能)."""
    for k in range(len(verb) - 1, 1, -1):
        if item.startswith(verb[-k:]):
            return verb + item[k:]
    return verb + item


def _kind_of(verb: str, prev: Found, before: str) -> bool:
    """Is ``verb`` only what sets one kind of a thing apart, the next item another kind of the
    same (在建项目122个、预备项目82个、前期项目72个: 预备 says which projects, and 前期项目 is
    not 预备前期项目)? Then the next item does not share it."""
    if prev.list_verb:
        return False
    tokens = cut(prev.subject)
    return len(tokens) == 2 and tokens[0] == verb and before.endswith(tokens[1]) and before != tokens[1]


def done_only(phrase: str) -> bool:
    """Verbs alone, nothing named they are done to (新开工, 新开工建设, 建成或投产, 基本建成,
    宣布失效): listed verbs or jieba's verbs, joined by a conjunction, with adverbs and words of
    manner before them and a result after one (宣布[失效])."""
    words = subject_words()
    if phrase in words.verbs:
        return True
    tokens = [(w, f) for w, f in tag(phrase) if w.strip()]
    verb = [w in words.verbs or f == "v" for w, f in tokens]
    other = [
        f in ("vn", "d", "c") or w in words.verb_manners or (i > 0 and f == "a") for i, (w, f) in enumerate(tokens)
    ]
    return bool(tokens) and any(verb) and all(v or o for v, o in zip(verb, other, strict=True))


def _verbs_to_clause_end(text: str, end: int, clause_end: int, after: str) -> bool:
    """Do verbs alone, no change, end the clause after an amount (饮用水水质100%[达标]), so
    that a share may take them as what its things do?"""
    words = subject_words()
    does = after.strip(SPACES)
    return (
        bool(does)
        and not text[end:clause_end].strip(SPACES + CLAUSE_STOPS).removeprefix(does).strip()
        and done_only(does)
        and not any(w in words.change or w in words.to_level for w in cut(does))
    )


def _verbs_alone(phrase: str) -> bool:
    """Is ``phrase`` verbs and nothing else (建设, 改造提升; jieba's verbal nouns too)?"""
    tokens = [f for w, f in tag(phrase.strip(SPACES)) if w.strip()]
    return bool(tokens) and all(f.startswith("v") for f in tokens)


def has_verb(phrase: str) -> bool:
    words = subject_words()
    return any(f.startswith("v") or w in words.verbs for w, f in tag(phrase))


def _de_after(text: str, end: int) -> bool:
    """The amount qualifies the noun after it with 的: 16%的税率, 6%一档的税率."""
    words = subject_words()
    if text.startswith(words.particle, end):
        return True
    head = tag(text[end : end + 6])
    return len(head) > 1 and head[0][1] in ("m", "mq") and head[1][0] == words.particle


_PHRASE_BREAK = regex.compile(f"[{regex.escape(CLAUSE_STOPS + LIST_COMMA)}]")


_COUNTED_YEARS = regex.compile(
    f"(?<![0-9{DIGIT_CHARS}])(?:[0-9]{{1,2}}|[{DIGIT_CHARS}{PLACE_CHARS}]{{1,3}}){YEAR_MARK}$"
)
_NEXT_COUNTED = regex.compile(f"{LIST_COMMA}(?=[{DIGIT_CHARS}0-9])")


# one character between an amount and a list comma: that amount's measure word (6.8万[口]、)
_LONE_MEASURE_WORD = regex.compile(f"\\p{{Han}}{LIST_COMMA}")


def after_phrase(text: str, end: int, clause_end: int, next_amount: regex.Pattern, classifier: bool) -> str:
    """The phrase after an amount, to the clause end or the next number: 3-5所[市级…学校].

    Empty when the amount is followed by a verb or particle (由85个[减为]26个). A leading
    的 is read through (16%[的税率]); without a measure word, 的 ends the phrase
    (近14亿人口[的发展中大国]).
    """
    words = subject_words()
    nxt = next_amount.search(text, end, clause_end)
    raw = text[end : nxt.start() if nxt else clause_end]
    listed = _NEXT_COUNTED.search(raw)
    if listed:
        raw = raw[: listed.start()]  # 四十五个[县]、七百六十一万三千亩棉田: the list's next count
    head = tag(raw[:6])
    if len(head) > 1 and head[0][1] in ("m", "mq") and head[1][0] == words.particle:
        raw = raw[len(head[0][0]) :]  # 保持6%[一档]的税率不变
    de = raw.startswith(words.particle)
    phrase = raw[len(words.particle) :] if de else raw
    if not phrase or not HAN.match(phrase.lstrip(OPENING_QUOTES)):
        return ""  # 17个[“五星级”党组织], 600万载重吨[“运力池”]: a quoted name reads on
    tokens = cut(phrase)
    if not tokens or tokens[0] in words.after_stop:
        return ""
    if not (classifier or de) and words.particle in tokens:
        tokens = tokens[: tokens.index(words.particle)]
    for i in range(len(tokens) - 1):
        if tokens[i] == LIST_COMMA and (tokens[i + 1] in words.change or tokens[i + 1] in words.item_openers):
            # 28个影视综艺剧组落地拍摄[、比增65%]: the change is the next amount's; 24项创新举措
            # [、其中全国首创]15项: a part of them opens the next item
            tokens = tokens[:i]
            break
        if tokens[i] == LIST_COMMA and i > 0 and _a_clause_of_its_own(tokens[i + 1 :]):
            tokens = tokens[:i]  # 设立31个村级联合党委[、实现村居全覆盖]: a clause of its own
            break
        if tokens[i] == LIST_COMMA and i > 0 and nxt is not None and _verbs_alone("".join(tokens[i + 1 :])):
            tokens = tokens[:i]  # 2.2万多所农村中小学改造危房[、建设] 7000多所…: the next item's verb
            break
        if tokens[i] in words.list_words and _is_numeral(tokens[i + 1]) and i > 0:
            tokens = tokens[:i]  # 培育15个…示范村[和一批“一村一品”示范村]: an item counted apart
            break
    while tokens and tokens[-1] in words.after_stop:
        tokens.pop()
    phrase = "".join(tokens)
    having = next((w for w in words.existential if phrase.endswith(w) and len(phrase) > len(w)), "")
    # 410个“两基”攻坚县[已有]317个县…: the verb of having before the next amount is no part of the noun
    return phrase[: len(phrase) - len(having)] if having else phrase


def _a_clause_of_its_own(tokens: list[str]) -> bool:
    """Do ``tokens`` (after a list comma, to the phrase's end) open with a verb and end the
    item with a predicate (实现村居全覆盖), not with a noun (联合收割机: a listed thing)?"""
    item = tokens[: tokens.index(LIST_COMMA)] if LIST_COMMA in tokens else tokens
    if len(item) < 2 or len(item[0]) < 2:
        return False
    last = tag(item[-1])
    return word_tag(item[0]) == "v" and bool(last) and last[-1][1][:1] in ("v", "a", "d") and last[-1][1] != "vn"


def _is_numeral(word: str) -> bool:
    """一批, 一些: a count of its own (jieba's m)."""
    return word_tag(word) in ("m", "mq")


# --------------------------------------------------------------------------- subjects


@dataclass(frozen=True, slots=True)
class Found:
    """An amount's subject as found, with how: for the kind rules and for later amounts."""

    subject: str
    base: str  # what a later amount of the sentence continues
    number_first: bool  # the amount counts the noun after it (新开工[122个]项目)
    noun_after: str  # that noun phrase (trimmed), even when not taken as the subject
    before: str  # the trimmed phrase before the amount in its clause
    end: int  # end of the amount (offset in the passage)
    list_verb: str = ""  # the verb the items of a list share (发放 of 发放A 5万元、B 3万元)
    phrase_start: int = 0  # where the phrase before the amount starts (after an amount before it)
    part: str = ""  # for the whole of a share, the subject of the part it is taken of
    bounded: bool = False  # the amount's comparator is a word of bound (1亿元以上)
    reckoning: str = ""  # how the amount was reckoned, where the text says (按可比价格计算)


def find_subject(
    text: str,
    start: int,
    end: int,
    clause: tuple[int, int],
    classifier: bool,
    previous: Sequence[Found],
    sentence_start: int,
    next_amount: regex.Pattern,
    ends: list[int],
    bounded: bool = False,
    time_spans: Sequence[tuple[int, int]] = (),
    unitless: bool = False,
    basis_spans: Sequence[tuple[int, int]] = (),
    rate: bool = False,
    written_count: regex.Pattern | None = None,
    multiple: bool = False,
) -> Found:
    """The subject of the amount ``text[start:end]``.

    ``previous`` holds what was found for the amounts before it in the same sentence;
    ``written_count`` (the quantity grammar's) matches a count written out (200多名).
    Rules, in order: an amount right after another (接待重要外宾20批146人次) shares its
    subject; a number that counts the noun after it takes that noun, with the verb before
    it (新开工[122个]项目 → 新开工项目) or the noun phrase it qualifies (制造业等行业现行16%
    [的税率] → 制造业等行业税率); else the phrase before it in the clause; a phrase that
    names nothing by itself continues the subject before it (财政支出超过23万亿元，增长6.5%
    → 财政支出增长); an attribute noun takes its owner (安置房屋7690套、面积 → 安置房屋面积);
    with nothing in the clause, the clause before says what (继续实施退耕还林还草，今年拟
    安排500万亩).
    """
    words = subject_words()
    cs = clause[0]
    prev = previous[-1] if previous else None
    if prev is not None and cs < prev.end <= start:
        cs = prev.end
        if not text[cs:start].strip(" ") and prev.subject:
            return replace(prev, end=end, number_first=False, bounded=bounded)
    counted_before = (
        prev is not None
        and classifier
        and prev.number_first
        and not prev.bounded
        and bool(prev.noun_after)
        and cs == prev.end
        and text[cs:start].strip(" ") == prev.noun_after
    )
    cs, stop, inner = _around_time(text, cs, start, time_spans)
    de_after = _de_after(text, end)
    noun_raw = after_phrase(text, end, clause[1], next_amount, classifier or de_after)
    if not noun_raw.strip() and text[cs:start].rstrip().endswith(tuple(words.examples_end)):
        # …等10余批[200多名]高级别外宾来访: after examples, a count right before another counts
        # the same kind, named after both
        counted_next = written_count.match(text, end) if written_count is not None else None
        if counted_next is not None:
            noun_raw = after_phrase(text, counted_next.end(), clause[1], next_amount, classifier or de_after)
    noun = trim(noun_raw, counted=True)
    noun_ok = bool(noun) and not names_nothing(noun)
    if counted_before and prev is not None and not noun_raw.strip():
        # 接待…9个国家考察团[16批]234人次: a count right after the things counted before it,
        # with nothing of its own to count, counts them too (their batches, visits, persons)
        return replace(prev, end=end, number_first=False, bounded=bounded)
    cuts = [inner] if inner is not None else [(a, b) for a, b in basis_spans if cs <= a and b <= stop]
    cuts = sorted(cuts + _inner_times(text, cs, stop, time_spans, cuts))  # 收购价[每50公斤]提高
    raw_before, pos = "", cs
    for a, b in cuts:
        raw_before, pos = raw_before + text[pos:a], b
    raw_before += text[pos:stop]
    # how the figure was reckoned (按可比价格计算, 扣除物价因素) does not stop a change from
    # continuing the measure before it; the subject keeps it where the text has it
    # (…增加到9380亿元，按可比价格计算增长102% → 国民生产总值按可比价格计算增长)
    reckoned = words.adjustment.search(raw_before)
    written_before = trim(raw_before) if reckoned else ""
    if reckoned:
        raw_before = raw_before[: reckoned.start()] + raw_before[reckoned.end() :]
    elif clause[0] > sentence_start:
        # …达到67700多亿元，按可比价格计算，比上年增长9.7%: the reckoning in a clause of its own
        # before the change says the same (→ 国内生产总值按可比价格计算比上年增长)
        pcs = _clause_before(clause[0], sentence_start, ends)
        reckoned = words.adjustment.fullmatch(text[pcs : clause[0] - 1].strip(_EDGE_MARKS))
        written_before = trim(raw_before)
    if prev is not None and prev.number_first and cs == prev.end:
        # 1000人落地实训、[1000人]: what follows a count up to the list word is that count's
        seps = [raw_before.rfind(w) for w in words.list_words]
        if max(seps) >= 0 and not _unmatched(raw_before[max(seps) + 1 :])[1]:
            raw_before = raw_before[max(seps) + 1 :]  # not a list word inside brackets (（…和…）攻坚县)
    elif prev is not None and cs == prev.end and _LONE_MEASURE_WORD.match(raw_before):
        # 改造传统养殖渔排6.8万[口]、筏式养殖泡沫浮球1.8万亩: one character between an amount and
        # the list comma is that amount's measure word, whatever the unit table knows
        raw_before = raw_before[2:]
    before = trim(raw_before)
    before_names = not names_nothing(before)
    raw = raw_before.rstrip()
    people = next((p for p in sorted(words.whole_people, key=len, reverse=True) if text.startswith(p, end)), "")
    people = people if unitless else ""
    if people:
        # 凝聚13亿人民的智慧和力量, 关系到全国六亿人民的事情: the nation's people counted, a
        # population whatever the clause does with it
        return Found(people, people, True, people, before, end, phrase_start=cs, bounded=bounded)

    def found(subject: str, base: str | None = None, number_first: bool = False) -> Found:
        if reckoned and before and subject == before:
            subject = written_before
        elif reckoned and before and subject.endswith(before):
            subject = subject[: len(subject) - len(before)] + reckoned.group() + before
        return Found(
            subject,
            subject if base is None else base,
            number_first,
            noun if noun_ok else "",
            before,
            end,
            phrase_start=cs,
            bounded=bounded,
            reckoning=reckoned.group() if reckoned else "",
        )

    members = words.members_counted.fullmatch(raw.strip(_EDGE_MARKS))
    if (
        members
        and not noun_raw.strip()
        and classifier
        and has_verb(members.group("does"))
        and not any(b in members.group("does") for b in words.bound_qualifiers)  # 限额以上的有…
    ):
        # 六百九十四个工业建设单位，分布在沿海各地的将有[二百二十二个]: the things of a count before
        # in the sentence that do so (→ 分布在沿海各地的限额以上的工业建设单位)
        # the verb phrase as written (全部建成…, 分布在沿海各地), less an adverb of time opening it
        does = words.opening_adverb.sub("", members.group("does").strip())
        counted = next((p for p in reversed(previous) if _names_things(p)), None)
        if counted is not None and text[counted.end - 1] != text[end - 1]:
            counted = None  # 案件…四万四千六百六十三件，其中依法判刑的有二万六千二百二十七人: people, no cases
        if does and counted is not None:
            return found(f"{does}{words.particle}{_described_thing(counted.subject)}")
    base_of = _multiple_base(text[cs:start].strip(SPACES + _EDGE_MARKS), words) if multiple else None
    if base_of is not None and prev is not None and prev.subject and cs > prev.end:
        # 2002年高等学校在校生1600万人，是1997年的[2.3倍] → 高等学校在校生是1997年的: the measure
        # before, with a base named by its year, as 比1997年 stays; 是1950年到1997年全国公路建设
        # 投资总和的[1.7倍] → 全国公路建设投资: a base that restates the measure is no subject
        measure = level(prev.subject)
        if bare_noun(measure, words):
            measure = prev.subject  # 原煤…，等于一九四九年的[二点六倍]: a list's product, its head to come
        return found(measure + base_of if base_of and not bare_noun(measure, words) else measure, prev.base)
    fulfilled = words.plan_fulfilled.fullmatch(raw.strip().removesuffix(words.particle))
    if fulfilled and prev is not None and prev.subject:
        # 棉花产量达到3，036万担，完成年度计划的[117%]; 各项税收共收到…元，完成预算数的[92.49%]:
        # the share of the plan for the measure before, a measure of its own (docs/annotation.md:
        # a plan fulfilled keeps 完成 and its plan, and joins no series of the measure planned)
        return found(level(prev.subject) + fulfilled.group(), prev.base)
    if (
        prev is not None
        and raw.endswith(tuple(words.to_level))
        and (not before or not before_names or level(before) in prev.subject)
    ):
        measure = level(prev.subject) if rate else _part_of_share(level(prev.subject))
        return found(measure, prev.base)  # 制造业等行业现行16%的税率降至13% → 制造业等行业税率
    if (
        prev is not None
        and cs == prev.end
        and before_names
        and not has_verb(before)
        and prev.bounded
        and not _PHRASE_BREAK.search(text, prev.end, start)
    ):
        # 力争引进1亿元以上项目[40个]: the bound amount before says which projects are counted
        defined = trim(text[prev.phrase_start : start])
        if defined and not names_nothing(defined):
            first_item = without_opening_time(prev.subject)
            verb = starts_with_verb(first_item)
            verb = (
                first_item[: first_item.find(verb) + len(verb)] if verb and first_item.find(verb) <= 1 else ""
            )  # 新引进
            listed = text[max(0, prev.phrase_start - 2) : prev.phrase_start + 1].strip(SPACES)
            if listed.endswith(tuple(words.list_words)) and verb and not defined.startswith(verb):
                # 力争新引进亿元以上项目30个、10亿元以上项目[15个] → 新引进10亿元以上项目: the verb
                # of a list acts on every item, one a bound amount sets apart too
                return found(verb + defined)
            return found(defined)
    if prev is not None and de_after and noun in kind_words().level_nouns:
        # …增长14.5%，远远超过了1953年到1978年的二十六年间平均每年增长[3.2%]的速度: the rate
        # exceeded is of the measure before, over other years
        tokens = cut(raw_before.strip(_EDGE_MARKS))
        at = next((i for i, w in enumerate(tokens[:3]) if w in words.exceeding), None)
        if at is not None:
            exceeded = trim(without_times("".join(tokens[at + 1 :])))
            if exceeded and names_nothing(exceeded):
                measure = level(prev.base)
                overlap = next(
                    (k for k in range(min(len(measure), len(exceeded)), 1, -1) if measure.endswith(exceeded[:k])), 0
                )
                return found(measure + exceeded[overlap:], prev.base)
    whole = share_whole(text, clause[0], start, end)
    if whole is not None:
        # 占全国[一千七百八十六个]县的百分之二十八 → 全国县: the whole a share is taken of is what
        # follows 占, with the noun after the amount (占棉田实收面积[八千五百多万亩]的百分之四十二)
        noun_end = text.rfind(words.particle, end, whole[1])
        named = trim(text[whole[0] : start]) + trim(text[end:noun_end])
        if named and not names_nothing(named):
            part = prev.subject if prev is not None else ""  # the amount before it, if any
            return replace(found(named, number_first=noun_end > end), part=part)
    if prev is not None and prev.part and not trim(text[prev.end : start]):
        return found(prev.part, prev.part)  # …棉田，占棉田实收面积八千五百多万亩的[百分之四十二] → 棉田
    extended = _extended_scheme(raw, words) if rate else ""
    if extended:
        thing = trim(_until_verb(noun_raw)) if de_after else _counted_noun(noun)
        if thing and len(thing) <= _REACHED_LONGEST and not has_verb(thing) and thing not in kind_words().level_nouns:
            # 新型农村社会养老保险试点范围扩大到全国[40%]的县 → 新型农村社会养老保险试点县: the units
            # a pilot now reaches are its units, as with a count (…试点扩大到1000个县)
            return found(extended + thing)
    # 1. the number counts or qualifies the noun after it
    if rate and not de_after and (noun_ok or _verbs_to_clause_end(text, end, clause[1], noun_raw)):
        share_verb = next((v for v in _longest_first(words.share_verbs) if raw.endswith(v)), None)
        done = strip_edges(noun_raw.split(LIST_COMMA)[0])
        if share_verb is not None and done and has_verb(done):
            # 建制村实现100%通公交 → 建制村通公交; 确保100%及时回复 → 及时回复: a share of what
            # does the verb after it, the owner before the light verb (after a list comma)
            owner = trim(raw[: -len(share_verb)].split(LIST_COMMA)[-1])
            return found(owner + done)
        does = noun_raw.strip(SPACES + CLAUSE_STOPS)  # its quotes kept whole (实现“全程网办”)
        does_first = tag(does)[:1]
        if (
            share_verb is None
            and before_names
            and _names_a_group(before, user_terms=True)
            and does_first
            and does_first[0][1] in ("v", "p")
            and does_first[0][0] not in words.change
            and not any(w in words.change for w in cut(raw))  # 由上年下降2.3%转为增长: a change
            and len(does) <= _SHARE_DOES_LONGEST
            and not before.endswith(kind_words().population)
        ):
            # 转业军官[100%]安置在行政、参公单位 → 转业军官安置在行政、参公单位: the share of the
            # things named before it that do what the words after it say
            return found(before + does)
    if (
        classifier
        and not rate
        and not de_after
        and before_names
        and noun_raw.strip()
        and not raw.endswith(tuple(words.examples_end))  # …等25个[在建项目加快推进]: the kind counted
    ):
        does = what_a_group_does(before, noun_raw)
        if does:
            # 区定扶贫开发对象241户838人[全部脱贫], 农村贫困人口1000万人[实现脱贫]: a count of the
            # things named before it that do what the words after it say
            return found(before + does)
    reach = max(((before.rfind(v), v) for v in words.reach_verbs), default=(-1, ""))
    if rate and noun_ok and reach[0] >= 0 and len(before) - reach[0] - len(reach[1]) <= _REACH_PLACE_LONGEST:
        # 基本药物制度覆盖[80%以上]村卫生室 → 基本药物制度覆盖村卫生室: the share of the things a
        # scheme reaches (覆盖中西部地区80%以上的农村中小学: a place may stand between)
        thing = trim(_until_verb(noun_raw)) if de_after else _counted_noun(noun)
        if thing and len(thing) <= _REACHED_LONGEST and not has_verb(thing):
            return found(before + thing)
    verb_only = bool(before) and (not before_names or (len(tag(before)) == 1 and ends_with_verb(before)))
    if de_after and bounded and before_names:
        return found(before)  # 年应纳税所得额不到100万元的小微企业: the measure that defines the group
    if noun_ok and not de_after and not classifier:
        thing = _object(noun)
        given = agent_verb(raw_before, change_gives=bool(thing) and not unitless) if prev is None else ""
        if given and thing:
            # 中央财政今年再安排1300亿元灾后重建资金 → 中央财政安排灾后重建资金; 国务院同意地方
            # 发行2000亿元债券 → 地方发行债券: who gives, the verb, and what the amount is of
            return replace(found(given + thing, number_first=True), list_verb=given)
        if thing and prev is not None and prev.list_verb and prev.number_first and _only_list_words(raw_before, words):
            # …安排384亿元救灾款和[740亿元]恢复重建资金 → 中央财政安排恢复重建资金
            return replace(found(prev.list_verb + thing, number_first=True), list_verb=prev.list_verb)
    if noun_ok and unitless and not de_after and before_names and not verb_only and ends_with_verb(before):
        thing = _counted_noun(noun)
        reached = tag(thing)[:1]
        if (
            thing
            and len(thing) <= _REACHED_LONGEST
            and LIST_COMMA not in thing
            and registry().unit(thing[0]) is None  # 二万四千多个人民公社: a measure word jieba misread
            and reached
            and len(reached[0][0]) >= 2
            and reached[0][1].startswith("n")
            and not names_nothing(thing)
        ):
            # 学生营养改善计划惠及[3200万]孩子: who is reached, counted without a unit, after
            # the scheme and its verb
            return found(before + thing, number_first=True)
    if noun_ok and (classifier or de_after or verb_only or raw.endswith(words.particle)):
        if raw.endswith(tuple(words.examples_end)):
            # 建成社会福利中心、生活垃圾焚烧发电厂等49个项目 → 建成项目; 重点培育会展、电子信息等
            # 2个产业 → 重点培育产业 (one word of manner before the verb)
            verb = starts_with_verb(before) or _manner_verb(before) or _verb_before_examples(before)
            return found(verb + _before_comment(noun), number_first=True)
        if de_after and before_names and is_attribute(before):
            return found(trim(_until_verb(noun_raw)) + before, number_first=True)  # 投资3亿元的海岸线保护修复工程
        attribute = next((a for a in words.attributes if before.endswith(a) and len(a) < len(before)), "")
        if de_after and attribute and verb_tail(before[: -len(attribute)]) == before[: -len(attribute)]:
            # 建成仓容250亿公斤的国家粮食储备库 → 建成国家粮食储备库仓容: the verb, the thing, its attribute
            return found(before[: -len(attribute)] + trim(_until_verb(noun_raw)) + attribute, number_first=True)
        if raw.endswith(words.particle) and before_names:
            # 符合减税政策的约8000万纳税人; 重大水利工程已开工的57个项目[要加快建设]
            return found(before + words.particle + trim(_until_verb(noun_raw)), number_first=True)
        if de_after and before_names and not verb_only:
            if is_measure(before):
                return found(before)  # 调查失业率稳定在5%左右的较低水平
            return found(before + _until_verb(noun), number_first=True)  # 制造业等行业现行16%的税率[降至]
        last = tag(before)[-1:] if before else ()
        if classifier and (
            (before_names and last and not ends_with_verb(before) and has_verb(before) and len(before) <= 8)
            or (
                not before
                and prev is not None
                and prev.list_verb
                and prev.number_first
                and _only_list_words(raw_before, words)
            )
        ):
            # the count of the noun before it, then what they do: 吸引台湾青年1000人落地实训、
            # 1000人落地就业 → 吸引台湾青年落地实训, 吸引台湾青年落地就业
            head = before or (prev.list_verb if prev is not None else "")
            return replace(found(head + noun, number_first=True), list_verb=head)
        # 新开工122个项目 → 新开工项目; 有序推进三批24个补短板投资工程包 → 推进补短板投资工程包
        thing = _until_verb(noun) if de_after else _counted_noun(noun) if unitless else noun
        if de_after and noun_raw.rstrip(SPACES + CLAUSE_STOPS).endswith(tuple(words.goal_after_change)):
            thing = trim(_until_verb(noun_raw), counted=True)  # 8%左右的国内生产总值增长[目标]: a noun
        if classifier and before_names and raw.endswith(tuple(words.to_level)) and not is_measure(before):
            # 县级公立医院综合改革试点扩大到1000个县 → …试点县: the units a pilot or a scheme
            # now reaches (the eleventh audit)
            return found(before + thing, number_first=True)
        if de_after and rate and _names_a_group(thing):
            # 有三分之二的城镇职工在国有企业就业 → 城镇职工在国有企业就业: the share of a group
            # that does what the words after it say
            after = noun_raw.lstrip(SPACES)
            after = after[len(words.particle) :] if after.startswith(words.particle) else after
            does = what_a_group_does(thing, after[len(thing) :]) if after.startswith(thing) else ""
            if does:
                return found(thing + does, number_first=True)
        having = next((w for w in words.existential if raw.endswith(w)), "")
        if having:
            # what has them and what they are, not the verb of having (机械工业各部共有七十七个
            # 建设项目 → 机械工业建设项目; 化学工业部有二十三个建设项目 → 化学工业部建设项目;
            # 我国有2.9亿在校学生 → 在校学生)
            held = raw[: len(raw) - len(having)].rstrip()
            holder = trim(held)
            if not holder or names_nothing(holder):
                return found(thing, number_first=True)
            de = words.particle if held.endswith(words.particle) else ""  # 苏联帮助设计的共有…项目
            return found(holder + de + thing, number_first=True)
        verb = verb_tail(before)
        # the verb carries to the next counts of a list (新开放了5个沿江城市、18个省会城市 → 开放省会城市)
        return replace(found(verb + thing, number_first=True), list_verb=verb)
    if prev is None and before and not noun_ok:
        # 今年先发行1万亿元 after 拟连续几年发行超长期特别国债; 各地可降至16%; …政策，惠及4000多万人
        prior = _prior_clause(text, clause, sentence_start, next_amount, ends)
        verb = verb_tail(before)
        restated = bool(verb) and verb == before and verb in prior
        if restated:
            prior = prior[prior.rfind(verb) :]
        continued = prior and before.startswith(tuple(words.continues)) and (not has_verb(prior) or is_measure(prior))
        if continued and not names_nothing(prior) and tag(prior)[-1][1] != "f":  # not 在这一新的基础上
            return found(prior + before)  # 城镇居民人均可支配收入，…比上年实际增长9.3%
        if prior and not names_nothing(prior) and (restated or not before_names):
            # the prior clause is the measure, the change is this clause's (…社会商品零售总额…，
            # 平均每年增加253亿元 → 社会商品零售总额平均每年增加)
            changed = (before in words.change or _ends_in_change(before)) and (
                not has_verb(prior) or _listed_measures(prior, words)
            )
            if (before in words.non_naming or changed) and before not in words.to_level:
                return found(prior + before)  # 储蓄存款，今年1到10月增加了95亿元 → 储蓄存款增加
            # a clause with a predicate of its own gives what it is about (外贸出口从7月份开始大幅度
            # 回升，全年达到1949亿美元 → 外贸出口)
            topic = _about(prior)
            return found(
                topic + before if topic != prior and (_ends_in_change(before) or before in words.change) else topic
            )
    owned = before in words.owned_attributes
    owner = ""
    if prev is not None and before and (is_attribute(before) or owned):
        owner = _owner(_whole_before_parts(text, previous) or prev)
    if owned:
        # 粮食播种面积5.5万亩、总产量1.9万吨 → 粮食总产量; not what a verb acts on (超额完成粮食
        # 播种5.5万亩、总产量…: the owner is no noun phrase)
        owner = "" if has_verb(owner) else _thing_of(owner)
    if owner and not owner.endswith(before) and any(f[0] in "nx" for _, f in tag(owner)):
        # 安置房屋7690套、面积94万平方米; 总量突破90万亿元 — not the verbs of a list of counts
        # (…、竣工投产10个，完成投资46亿元 → 投资)
        return found(owner + before)
    if prev is None and before and _bare_attribute(before):
        # 粮食连续五年增产，总产量10570亿斤 → 粮食总产量; 三次较大幅度提高粮食最低收购价，提价
        # 幅度超过20% → 粮食最低收购价提价幅度: the clause before names what it measures
        prior = _prior_clause(text, clause, sentence_start, next_amount, ends)
        opening = tag(text[_clause_before(clause[0], sentence_start, ends) : clause[0]].strip())[:1]
        framed = bool(opening) and opening[0][1] == "p"  # 按全国农村人口平均，…每人收入: a frame
        topic = _topic(prior) if prior and not framed else ""
        if (
            not topic
            and prior
            and not framed
            and before in words.attributes
            and _heading_clause(text, clause, sentence_start, ends, prior)
        ):
            topic = prior  # 煤炭工业建设，投资一百七十九亿元 → 煤炭工业建设投资: a sector heading
        if topic and not topic.endswith(before):
            return found(joined_once(topic, before))
    opening = tag(before)[:2] if prev is not None and before else ()
    if (
        len(opening) == 2
        and opening[0][0] in words.change
        and opening[0][1].startswith("n")  # 增幅, 涨幅: a rate of change, not 增长较快
        and opening[1][0] in words.comparison_marks
        and prev is not None
        and level(prev.base) != prev.base  # the measure before was a change (…增长25.8%)
    ):
        # …固定资产投资增长25.8%，增幅比一季度回落17.2个百分点: the rate of change compared is
        # the measure's before
        return found(level(prev.base) + before, prev.base)
    # 2. the phrase before it names the measure
    if before_names:
        # 原煤增长 → 原煤; also after an amount of another clause, where the clause on products'
        # output stands between (工业总产值…增长一点九倍，主要产品的产量都有大幅度增长，钢增长…)
        opens = sentence_start if prev is None else prev.end
        product = level(before) if prev is None or _names_products(text, opens, clause[0]) else ""
        head = _product_output(product, text, clause, opens, next_amount, ends) if product else ""
        if head:
            # 主要工业产品产量继续增加，原煤达到10.9亿吨 → 原煤产量; …原煤增长 → 原煤产量增长
            return found(product + head + before[len(product) :])
        first = cut(raw_before.lstrip())[:1]
        if prev is not None and first and first[0] in words.list_words:
            verb = prev.list_verb or starts_with_verb(without_opening_time(prev.subject))  # 五年淘汰…
            if verb and not before.startswith(verb) and not _own_verb(before) and not _kind_of(verb, prev, before):
                # 征收房屋611座、土地5455亩; 发放农村低保补助资金1284万元、…、集中供养资金96万元
                return replace(found(_overlapped(verb, before)), list_verb=verb)
        if prev is not None and before.startswith(tuple(words.continues)):
            between = _topic_between(text, clause, prev, sentence_start, ends)
            if between:
                return found(between + before)
            # 比去年增加 → 专项债券比去年增加; after a change, its measure (重工业总产值比上年增长
            # 7.7%，今年上半年又比去年同期增长6% → 重工业总产值比去年同期增长)
            return found(before_base(level(prev.base)) + before, prev.base)
        if prev is None and before.startswith(tuple(words.continues)):
            # a comparison opening the sentence's first amount compares the measure the clause
            # before names (…的造价，应该比原计划至少节约百分之十 → …的造价比原计划节约)
            about = _about(_prior_clause(text, clause, sentence_start, next_amount, ends))
            if about.endswith(tuple(words.measure_ends)):
                return found(about + before, about)
        return found(before)
    # 3. a phrase that names nothing continues the subject before it, unless a clause of its
    # own between names another
    compared = before.startswith(tuple(words.continues)) or _ends_in_change(before)
    between = _topic_between(text, clause, prev, sentence_start, ends) if compared else ""
    if between:
        return found(between + before)
    if prev is not None and prev.base:
        if (
            not before
            and noun_ok
            and not unitless
            and prev.number_first
            and not de_after
            and text[prev.end : start].endswith(LIST_COMMA)
        ):
            # 四十五个县、[七百六十一万三千亩]棉田: the next count of a list names its own noun
            # (a bare 万/亿 count after one keeps it: 13亿人口、9亿劳动力资源 counts people)
            return found(noun, number_first=True)
        if not before:
            return found(prev.base if rate else _part_of_share(prev.base), prev.base)  # 分别增长8.2%、9%
        if raw_before.strip(_EDGE_MARKS).endswith(tuple(words.to_level)):
            # 由每人每年420元提高到450元; 国家财政收入比上年增加1501亿元，…达到11377亿元
            return found(level(prev.base), prev.base)
        if _ends_in_change(before) and not before.startswith(tuple(words.respectively)):
            # …增长百分之六十四点八，平均每年增加二百五十三亿元 → …平均每年增加; 钢产量比上年
            # 增加…，比上年降低了100万吨 → 钢产量比上年降低 (the measure without its change)
            measure = level(prev.base)
            overlap = next((k for k in range(min(len(measure), len(before)), 1, -1) if measure.endswith(before[:k])), 0)
            return found(measure + before[overlap:], prev.base)  # no 平均每年平均每年
        if before in words.inside:
            # …增加到2002年的4025亿元，五年共计12319亿元: a running total of the same measure,
            # which names no part of it
            return found(prev.base, prev.base)
        if before in words.change and prev.base.startswith(before + words.particle):
            return found(prev.base, prev.base)  # 扩大的灌溉面积…，而1956年就扩大了一亿多亩: no 扩大 twice
        if before in words.change:
            # 国内生产总值增长57.3%，年均增长9.5% → 国内生产总值年均增长 (gov-report 2006)
            ending = next(
                (
                    w
                    for w in sorted(words.change, key=len, reverse=True)
                    if prev.base.endswith(w) and len(prev.base) > len(w)
                ),
                "",
            )
            return found(prev.base[: len(prev.base) - len(ending)] + before, prev.base)
        if before.startswith(tuple(words.continues)) or any(w in words.verbs for w in cut(before)):
            return found(prev.base + before, prev.base)  # 比去年增加8000亿元; …政策，惠及4000多万户
        return found(prev.base, prev.base)  # 国内生产总值增长7.7%，实现了7.5%左右的预期目标
    if noun_ok:
        thing = _counted_noun(noun) if unitless else _before_comment(noun)  # 我国十亿人民[坚决站在…]
        return found(before + thing if before and ends_with_verb(before) else thing, number_first=True)
    if before:
        return found(before)
    # 4. nothing in the clause: the clause before says what (gov-report 2014), or what it is
    # about when it has a predicate of its own (外贸出口从7月份开始大幅度回升，全年达到1949亿美元)
    about = _about(_prior_clause(text, clause, sentence_start, next_amount, ends))
    if words.to_level_re.match(text, end):
        # 预算外资金却大幅度增加，由一九七八年的[三百七十一亿元]增加到…: a change's starting level
        # is the measure's level, not the change
        return found(level(about))
    return found(about)


def _part_of_share(measure: str) -> str:
    """The part a share's measure takes its share of (财政用于改善民生资金[占一般公共预算支出]),
    for an amount of its own that continues it (…的70%以上，累计达到[350亿元]); the measure
    itself when it is no share."""
    words = subject_words()
    at = min((i for v in words.dividing_verbs if (i := measure.find(v)) >= 2), default=-1)
    return measure[:at] if at > 0 else measure


def _topic_between(text: str, clause: tuple[int, int], prev: Found | None, sentence_start: int, ends: list[int]) -> str:
    """What a clause of its own, with no amount, between the amount before and this one is
    about (…能耗比上年下降3.27%，化学需氧量、二氧化硫排放总量首次出现双下降，比上年分别下降
    3.14%和4.66% → 化学需氧量、二氧化硫排放总量), or ''."""
    pcs = _clause_before(clause[0], sentence_start, ends)
    if prev is None or pcs <= prev.end:
        return ""
    words = subject_words()
    raw = text[pcs : clause[0] - 1].strip(_EDGE_MARKS)
    if _AMOUNT_DIGITS.search(raw) or words.adjustment.fullmatch(raw):
        return ""  # an amount, or only how the figures were reckoned (扣除物价上涨因素)
    prior = trim(raw)
    if not prior or not has_verb(prior):
        return ""
    tokens = tag(prior)
    lead = 0
    while lead < len(tokens):
        w, f = tokens[lead]
        nxt = tokens[lead + 1][1] if lead + 1 < len(tokens) else ""
        if not (f[:1] in ("n", "x") or w in words.list_words or (f in ("v", "vn") and nxt.startswith("n"))):
            break  # 排放 of 二氧化硫排放总量 is part of the noun phrase
        lead += 1
    rest = tokens[lead:]
    if not lead or not rest or rest[0][1] not in ("d", "ad", "a", "c", "p", "v", "t"):
        return ""  # it opens with no noun phrase, or the phrase runs on into no predicate
    topic = "".join(w for w, _ in tokens[:lead]).strip(_EDGE_MARKS)
    return topic if len(topic) >= 2 and not names_nothing(topic) else ""


def _listed_measures(phrase: str, words: SubjectWords) -> bool:
    """Is ``phrase`` measures of the vocabulary listed (城镇居民人均可支配收入和农村居民人均纯收入),
    whose verbs (可支配) are their names', no predicate?"""
    joiners = "|".join(map(regex.escape, sorted(words.list_words, key=len, reverse=True)))
    items = regex.split(joiners, phrase)
    return len(items) > 1 and all(i and is_measure(i) for i in items)


def _heading_clause(text: str, clause: tuple[int, int], sentence_start: int, ends: list[int], prior: str) -> bool:
    """Is ``prior`` the sentence's first clause and only nouns (煤炭工业建设，…; 对外贸易，…):
    the sector a list of figures after it is of?"""
    if _clause_before(clause[0], sentence_start, ends) != sentence_start:
        return False
    tokens = tag(prior)
    return len(prior) >= 2 and all(f.startswith("n") or f == "vn" for _, f in tokens) and not names_nothing(prior)


# the words saying what a share of a group does are a short verb phrase (安置在行政、参公单位);
# a longer run is a clause of its own, not part of the measure
_SHARE_DOES_LONGEST = 12


def _multiple_base(raw: str, words: SubjectWords) -> str | None:
    """``是1997年的`` of 是1997年的[2.3倍], the words before a multiple: the base it is of, written
    only with a time (the subject keeps them), '' for a base of other words, None for no
    base."""
    verb = next((v for v in MEASURES_TABLE().multiple_bases if raw.startswith(v)), "")
    if not verb or not raw.endswith(words.particle) or len(raw) <= len(verb) + 1:
        return None
    base = raw[len(verb) : -1]
    if not regex.fullmatch(r"[\p{Han}0-9]+", base):
        return None
    return raw if words.times_re.fullmatch(base) is not None else ""


def _extended_scheme(raw: str, words: SubjectWords) -> str:
    """The scheme a clause extends (新型农村社会养老保险试点 of …试点范围扩大到全国), or ''."""
    rest = _without_fillers(raw.rstrip(SPACES), words)
    verb = next((v for v in _longest_first(words.extension_verbs) if rest.endswith(v)), "")
    if not verb:
        return ""
    scheme = trim(_without_fillers(rest[: -len(verb)], words))
    return scheme if scheme and not names_nothing(scheme) and not ends_with_verb(scheme) else ""


def _without_fillers(s: str, words: SubjectWords) -> str:
    """``s`` without the extension fillers at its end (…试点范围[要], …扩大到[全国])."""
    while filler := next((f for f in _longest_first(words.extension_fillers) if s.endswith(f)), ""):
        s = s[: -len(filler)]
    return s


_REACH_PLACE_LONGEST = 6  # characters of a place between a verb of reach and a share (中西部地区)
_REACHED_LONGEST = 8  # characters of the people a scheme reaches (农村学生), not a clause


def _before_comment(noun: str) -> str:
    """The things counted before a comment on them (石油[是我国一笔很大的财富], 石油[所创造的价值],
    演艺活动[精彩纷呈]): a copula, 所 or an idiom right after a noun ends them."""
    words = subject_words()
    tokens = [(w, f) for w, f in tag(noun) if w.strip()]
    at = next(
        (
            i
            for i in range(1, len(tokens))
            if tokens[i][0] in words.comment_words or tokens[i][1] in words.comment_flags
        ),
        None,
    )
    if at is None or not (tokens[at - 1][1][:1] in ("n", "x", "j") or tokens[at - 1][1] == "vn"):
        return noun  # 过着有吃有穿: a verb's idiom, no comment on things named
    return "".join(w for w, _ in tokens[:at])


def what_a_group_does(before: str, after: str) -> str:
    """The verb phrase right after a count of a group named before it (农村贫困人口…[实现脱贫]),
    trimmed, or '': not a change (…[增长]), a level (…[达到]…), a noun the count counts
    (…项目[建设]: a verb-noun), nor after a phrase opened by a verb of its own (新建…)."""
    words = subject_words()
    said = after.strip(SPACES + CLAUSE_STOPS)
    does = trim(said)
    place = next((p for p in words.place_opens if said.startswith(p) and not does.startswith(p)), "")
    if place and said[len(place) :].startswith(does):
        does = place + does  # 在国有企业就业: trim drops a preposition opening a phrase
    tokens = tag(does)
    placed = bool(tokens) and tokens[0][0] in words.place_opens and any(f == "v" for _, f in tokens[1:])
    if (
        not tokens
        or (not placed and (tokens[0][1] != "v" or len(tokens[0][0]) < 2))
        or tokens[-1][1].startswith("n")  # 审批中介服务事项, 实施意见: the things counted
        or does.startswith(tuple(words.change) + tuple(words.to_level) + tuple(words.continues))
        or len(does) > _SHARE_DOES_LONGEST
        or starts_with_verb(before)
        or not _names_a_group(before, user_terms=True)
    ):
        return ""
    return does


def _names_a_group(phrase: str, user_terms: bool = False) -> bool:
    """A phrase ending in a noun that names a group (转业军官, 首届免费师范生), not a measure
    (城镇登记失业率) nor a change; with ``user_terms``, a term of the user dictionary too
    (jieba tags 农村贫困人口 x)."""
    tokens = tag(phrase)
    words = subject_words()
    return (
        bool(tokens)
        and (tokens[-1][1].startswith("n") or (user_terms and tokens[-1][1] == "x" and len(tokens[-1][0]) > 1))
        and not phrase.endswith(tuple(words.measure_ends))
        and not is_measure(phrase)
        and not _ends_in_change(phrase)
    )


def _bare_attribute(phrase: str) -> bool:
    """An attribute with no owner of its own: 总产量, 余额, or a verb's, a noun's or an
    adjective's attribute (提价幅度, 参保人数, 存款余额, 实际金额)."""
    owned = subject_words().owned_attributes
    if is_attribute(phrase) or phrase in owned:
        return True
    tokens = tag(phrase)
    return (
        len(tokens) == 2
        and tokens[0][1] in ("v", "vn", "n", "a")
        # 存款余额, but not 特色产业总产值: a compound noun of its own names the owner
        and not (tokens[0][1] == "n" and len(tokens[0][0]) > 2)
        and (is_attribute(tokens[1][0]) or tokens[1][0] in owned)
    )


def joined_once(topic: str, attribute: str) -> str:
    """The topic and an attribute that opens with the topic's last word, written once
    (城乡居民储蓄存款 + 存款余额 → 城乡居民储蓄存款余额)."""
    first = cut(attribute)[0]
    if len(first) >= 2 and len(attribute) > len(first) and topic.endswith(first):
        return topic + attribute[len(first) :]
    return topic + attribute


def _topic(clause: str) -> str:
    """What a clause is about: the whole clause when it is only a noun phrase with 的
    (海洋和淡水的渔业生产), the noun phrase it opens with when the rest is a predicate
    without nouns (粮食[连续五年增产], 城乡居民储蓄[大幅度增加]), else the object that ends a
    clause without prepositions (三次较大幅度提高[粮食最低收购价]), or ''."""
    tokens = tag(clause)
    words = subject_words()
    if (
        words.particle in clause
        and tokens[-1][1].startswith("n")
        and all(f[0] in "nxcu" or f == "a" for _, f in tokens)
        and not has_verb(clause)
        and not names_nothing(clause)
    ):
        return clause  # 海洋和淡水的渔业生产，一九五九年的产量…: a clause that is only a noun phrase
    lead = []
    for w, f in tokens:
        if not (f.startswith("n") or (f == "j" and w not in words.keep)):
            break  # 区属国企: an abbreviation is a noun, not 人均 (a qualifier of what follows)
        lead.append(w)
    named = not lead and len(tokens) > 1 and is_measure(tokens[0][0])
    if named:
        lead = [tokens[0][0]]  # 粮食产量[屡创历史新高] (jieba: l): a measure of the vocabulary
    rest = tokens[len(lead) :]
    if lead and rest:
        # the predicate opens with an adverb, a preposition or a verb (人均可支配收入 is a name);
        # after a measure of the vocabulary it may hold nouns of its own (创历史新高)
        opens = rest[0][1] in ("d", "ad", "a", "c", "p", "v")
        topic = "".join(lead) if opens and (named or _predicate_only(rest)) else ""
    elif lead or any(f == "p" for _, f in tokens):
        topic = ""
    else:
        verbs = [i for i, (_, f) in enumerate(tokens) if f == "v"]
        tail = tokens[verbs[-1] + 1 :] if verbs else []
        topic = "".join(w for w, _ in tail) if tail and all(f[0] in "nx" for _, f in tail) else ""
    return topic if len(topic) >= 2 and not names_nothing(topic) else ""


def _about(prior: str) -> str:
    """What a clause before an amount gives as its subject: the noun phrase it opens with
    when the rest is its predicate (:func:`_topic`), else the whole clause — unless it
    opens with a conjunction and has a verb, a clause of its own that names no measure
    (虽然在这方面做了很大努力，涨幅仍然高达…)."""
    if not prior:
        return prior
    topic = _topic(prior) if has_verb(prior) else ""
    if topic and topic[:1] == prior[:1]:
        return topic
    if tag(prior)[0][1] == "c" and has_verb(prior):
        return ""
    measure = before_base(prior)
    if measure != prior and has_verb(prior[len(measure) :]):
        # 确保物价上涨幅度[比去年有明显回落]，力争控制在…: what the clause compares, not how
        return measure
    return prior


def _predicate_only(tokens: Sequence[tuple[str, str]]) -> bool:
    """Do the tokens after a clause's opening noun phrase hold no other noun phrase, the
    objects of prepositions aside (外贸出口[从7月份开始大幅度回升])?"""
    in_phrase = False
    for w, f in tokens:
        if f == "p":
            in_phrase = True
        elif f.startswith("v"):
            in_phrase = False
        elif (f[0] in "nx" or w == subject_words().particle) and not in_phrase:
            return False
    return True


def _only_list_words(raw: str, words: SubjectWords) -> bool:
    """Is ``raw`` nothing but a list joiner (和, 、, 及: ``list_words``)?"""
    rest = raw.strip(_EDGE_MARKS)
    return not rest or rest in words.list_words


def _object(noun: str) -> str:
    """The noun phrase that opens ``noun``, without the verb phrase after it (国债资金[用于…],
    专项奖补资金[予以支持]; 恢复重建资金 stays whole: its verbs come before any noun), or ''
    when it holds no noun (支持再就业)."""
    out: list[str] = []
    seen = False
    toks = tag(noun)

    def nominal(w: str, f: str) -> bool:  # 救灾款/l, 奖补资金 (a user term, x)
        return f.startswith("n") or f in ("vn", "l") or (f == "x" and bool(HAN.match(w)))

    for i, (w, f) in enumerate(toks):
        if out and (f in ("d", "ad", "p", "c") or f.startswith("u") or (f == "x" and not HAN.match(w))):
            break
        # a verb after a noun opens the predicate, unless a last noun follows it inside the
        # phrase (专项奖补资金, 创业投资引导基金)
        inside = i + 2 == len(toks) and nominal(*toks[-1])
        if f.startswith("v") and f != "vn" and seen and not inside:
            break
        out.append(w)
        seen = seen or nominal(w, f)
    last = toks[len(out) - 1] if out else ("", "")
    if toks and toks[0][1].startswith("v") and toks[0][1] != "vn" and last[1] == "vn":
        return ""  # 支持职业教育发展: a purpose, not what the amount is of
    return "".join(out) if seen and nominal(*last) else ""


def agent_verb(raw_before: str, *, change_gives: bool = False) -> str:
    """The noun phrase and verb that end ``raw_before`` when it ends in a verb whose object
    is the amount's noun (中央财政今年再安排 → 中央财政安排; 国务院同意地方发行 → 地方发行),
    else ''. Adverbs, times and modals between them are left out; a noun of two or more
    characters must come right before (地方 of 同意地方发行), so a bare verb gives ''. A word
    of change gives only where ``change_gives`` (the amount has a noun of its own: 中央财政新增
    47亿元专项补助资金)."""
    words = subject_words()
    toks = list(tag(raw_before.strip(_EDGE_MARKS)))
    if len(toks) < 2 or toks[-1][1] != "v" or len(toks[-1][0]) < 2:
        return ""
    if toks[-1][0] in words.change and not change_gives:
        return ""  # 工业企业利润由上年下降[2.3%]: a change, not a giving
    verb = toks.pop()[0]
    while toks and (toks[-1][1] in ("d", "t", "p") or toks[-1][0] in words.leading or toks[-1][0] in words.modals):
        toks.pop()

    def nouns_before() -> str:  # the nouns ending toks, taken off it (no person names)
        taken: list[str] = []
        while toks and toks[-1][1].startswith("n") and toks[-1][1] != "nr":
            taken.insert(0, toks.pop()[0])
        return "".join(taken)

    head = nouns_before()
    if toks and toks[-1][1] == "p":  # 财政向银行发行: 银行 is the preposition's, not the agent
        toks.pop()
        head = nouns_before()
    return head + verb if len(head) >= 2 else ""


def _around_time(
    text: str, cs: int, start: int, time_spans: Sequence[tuple[int, int]]
) -> tuple[int, int, tuple[int, int] | None]:
    """Where the phrase before an amount starts and stops once the times in it are left out,
    and a time to cut from inside it: a time that opens it (五年[全社会固定资产投资累计]完成
    17.2万亿元, 2024年[去存]20%) starts it after the time; a time that dates the amount itself
    (覆盖率，由1997年的[65%]) ends it before the time, so the measure comes from the words
    before; a time between the measure and its verb goes (国内生产总值2000年达到 →
    国内生产总值达到)."""
    i = bisect.bisect_left(time_spans, (start,)) - 1
    while i >= 0 and time_spans[i][1] > start:
        i -= 1
    if i < 0 or time_spans[i][0] < cs:
        return cs, start, None
    ts, te = time_spans[i]
    from extractors.times import load_time_words  # times never reads subjects

    heads = load_time_words().plan_heads
    te += next((len(h) for h in sorted(heads, key=len, reverse=True) if text.startswith(h, te, start)), 0)
    rest = text[te:start]
    base = kind_words().time_bases.search(text, cs, ts)
    if rest in ("", subject_words().particle):
        return cs, base.start() if base else ts, None  # 比第五个五年计划期间的[577亿元]: 比 goes too
    lead = text[cs:ts].strip(_EDGE_MARKS)
    earlier = [(a, b) for a, b in time_spans[:i] if a >= cs]
    if earlier and not _only_times(text, cs, ts, earlier, heads):
        earlier = []
    if earlier:
        return te, start, None  # “六五”期间五年[平均]降到…: times alone open it
    if lead in subject_words().baseline_from and any(j in text[ts:te] for j in SPAN_JOINERS):
        return te, start, None  # 从1979年到1984年[安排了]四千二百多万城镇劳动力就业: a span that opens it
    prep = next((p for p in subject_words().prepositions if lead.endswith(p) and len(lead) > len(p)), "")
    if prep and names_nothing(trim(lead[: -len(prep)])):
        return te, start, None  # 为了实现在[本世纪末]把我国人口控制在…: a goal's verb and its time open it
    if not lead or lead in subject_words().prepositions:  # 2024年…; 在1979到1983年…
        # and the place word after it when it stands alone (在过去四年[中]共增加了: no 中共;
        # 去年中央财政 keeps its 中)
        place = next((w for w in load_time_words().locatives if text.startswith(w, te, start)), "")
        after = tag(text[te + len(place) : start])[:1] if place else ()
        if after and _COUNTED_YEARS.search(text, ts, te) and after[0][1][:1] in ("p", "d", "v", "c"):
            te += len(place)  # only after a count of years and before a function word or verb
        return te, start, None
    said = [w for w, f in tag(lead) if f not in ("ul", "uz", "ug")]
    if said and said[-1] in subject_words().setting_verbs and not names_nothing(trim(rest)):
        # 《纲要（草案）》提出了“十一五”期间[单位国内生产总值能源消耗降低]20%左右: who set it and
        # the verb before the time frame what follows it, the measure
        return te, start, None
    if base is None and names_nothing(trim(rest)) and not names_nothing(trim(text[cs:ts])):
        # the frame's words go with the time (粮食产量在[一九五三年到一九七八年]间平均每年…)
        words = subject_words()
        if text[ts - 1 : ts] in words.prepositions:
            ts -= 1
        te += next((len(w) for w in load_time_words().locatives if text.startswith(w, te, start)), 0)
        return cs, start, (ts, te)
    return cs, start, None


@cache
def _after_time_words() -> tuple[str, ...]:
    """Plan heads and place words that go with a time before them (计划, 期间; 中, 内), longest
    first: time_words.yaml's."""
    from extractors.times import load_time_words  # times never reads subjects

    tw = load_time_words()
    return tuple(sorted((*tw.plan_heads, *tw.locatives), key=len, reverse=True))


def _inner_times(
    text: str, cs: int, stop: int, time_spans: Sequence[tuple[int, int]], cuts: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Times standing inside the phrase before an amount, after the words naming the measure:
    they date it, so they go to the period and leave the subject. One after a preposition goes
    with it, the heads and place words after it and a 的 joining it to the rest
    (供销合作社[在今年上半年]已有基层社; …库存[到年末]比年初增加; 工业总产值要[在1957年的]基数上
    增长); one without goes when a word of comparison, an adverb or 的 follows it (社会商品零售额
    [今年]预计将比去年增长; 全国现代运输工具[前三年]的货运量), not before a noun or verb it qualifies
    (上年结余的金库存款, 年初确定的). A time after a word of comparison is the base (比去年)
    and stays, as does one the phrase opens with (the rules of :func:`_around_time`), one
    after a verb's 到 (结转到…), and one inside brackets."""
    words = subject_words()
    after_words = _after_time_words()
    spans: list[list[int]] = []
    for a, b in time_spans:  # 在一九五三年和一九五四年: times joined by a list word are one
        if a < cs or b > stop:
            continue
        if spans and text[spans[-1][1] : a] in (*words.list_words, *SPAN_JOINERS):
            spans[-1][1] = b
        else:
            spans.append([a, b])
    found: list[tuple[int, int]] = []
    for a, b in spans:
        if any(x < b and a < y for x, y in cuts) or text[a:b] in words.kept_times:
            continue
        lead = text[cs:a]
        if kind_words().time_bases.search(lead) and not (
            lead[-1:] in words.baseline_from and any(j in text[a:b] for j in SPAN_JOINERS)
        ):
            continue  # 比去年, 由1997年的: a base (a span 从…到… is a time)
        if lead.endswith(tuple(words.time_comparatives)):
            continue  # 高于一九五五年…, 小于…: a base
        prep = next((p for p in words.time_prepositions if lead.endswith(p)), "")
        head = lead[: len(lead) - len(prep)].strip(_EDGE_MARKS)
        if not regex.search(r"\p{Han}$", head) or names_nothing(trim(head)) or _unmatched(head)[0]:
            continue  # nothing names the measure before it: the time opens the phrase
        if prep and tag(head)[-1][1].startswith("v"):
            continue  # 结转到第七个五年计划期间: the verb's complement, no preposition
        b += next((len(w) for w in after_words if text.startswith(w, b, stop)), 0)
        b += next((k for k in (2, 1) if text.endswith(tuple(words.period_heads), cs, b + k)), 0)  # 初|期
        rest = text[b:stop]
        if not rest.strip(_EDGE_MARKS):
            continue  # a time dating the amount itself: _around_time's
        follows = tag(rest)[0]
        if prep or head.endswith(words.particle):
            b += len(words.particle) if rest.startswith(words.particle) else 0
        elif not (
            rest.startswith(words.particle)
            or rest.startswith(tuple(words.comparison_marks))
            or follows[1] in ("d", "a")
            or follows[0] in words.inside  # 今年[预计]将比去年增长
        ):
            continue
        found.append((a - len(prep), b))
    return found


def _only_times(text: str, cs: int, ts: int, spans: list[tuple[int, int]], heads: Sequence[str]) -> bool:
    """Does ``text[cs:ts]`` hold nothing but the times at ``spans``, each with a plan head
    after it (“六五”期间), and edge marks?"""
    pos = cs
    for a, b in spans:
        if text[pos:a].strip(_EDGE_MARKS):
            return False
        pos = b + next((len(h) for h in sorted(heads, key=len, reverse=True) if text.startswith(h, b, ts)), 0)
    return not text[pos:ts].strip(_EDGE_MARKS)


# the longest item of a list read as a thing's name (棉花, 猪牛羊肉, 海洋捕捞)
SHORT_ITEM = 8
# parts of speech of a noun-like word (a verb-noun, an idiom, an abbreviation, a distinguisher)
NOUNISH = ("n", "vn", "l", "j", "b")


def bare_noun(phrase: str, words: SubjectWords, longest: int = SHORT_ITEM, joined: bool = False) -> bool:
    """A short noun phrase naming a thing, not a measure (棉花, 猪牛羊肉; not 发电量); with
    ``joined`` also nouns joined by list words and noun-like words (农业、林业和水利部门;
    抚顺矿务局所属煤矿; 运输和邮电部门 — not the verb phrase 发展生产)."""
    tokens = tag(phrase)
    if len(phrase) > longest or phrase.endswith(tuple(words.measure_ends)):
        return False
    if not joined:
        # a category counted in its name is a thing too (十种有色金属, the statistics' ten metals)
        k = 1 if len(tokens) > 1 and tokens[0][1] == "m" and not tokens[0][0].isdigit() else 0
        return all(f.startswith("n") for _, f in tokens[k:])
    return (
        tokens[0][1].startswith(NOUNISH)
        and (tokens[0][1] != "vn" or tokens[-1][1] != "vn")
        and all(f.startswith(NOUNISH) or t in LIST_COMMA or t in words.list_words for t, f in tokens)
    )


def _product_output(
    product: str, text: str, clause: tuple[int, int], sentence_start: int, next_amount: regex.Pattern, ends: list[int]
) -> str:
    """The output head a product named alone takes from the clause before, where that clause
    speaks of the output of products in general (主要工业产品产量继续增加，原煤达到10.9亿吨 →
    原煤产量), or ''. The cheap tests first: it runs for the first amount of many sentences."""
    words = subject_words()
    if not any(p in text[sentence_start : clause[0]] for p in words.product_words):
        return _output_topic(product, text, sentence_start)
    if not bare_noun(product, words):
        return ""
    prior = _prior_clause(text, clause, sentence_start, next_amount, ends)
    # or a clause before that, where only a colon's lead stands between (拿几项最重要的工业产品的
    # 一九五四年预计产量来同一九四九年产量比较一下，我们可以看到以下的动人的数字：电力一百零八亿度
    # → 电力产量, gov-report-1954)
    colon = max(text.rfind(c, sentence_start, clause[0]) for c in COLONS)
    lead = text[sentence_start:colon] if colon >= 0 and not _AMOUNT_DIGITS.search(text, colon, clause[0]) else ""
    for stretch in (prior, lead):
        for head in sorted(words.output_heads, key=len, reverse=True):
            bare = head.removeprefix(words.particle)  # 的产量
            i = stretch.find(head)
            if i > 0 and stretch[i - 1] in _YEAR_DIGITS:
                continue  # 一九四九年产量: a year's output, not 年产量
            if i > 0 and any(p in stretch[:i] for p in words.product_words) and not product.endswith(bare):
                return bare
    return ""


_YEAR_DIGITS = frozenset(ARABIC_DIGIT_CHARS + DIGIT_CHARS)  # the digits a year is written in


def _names_products(text: str, start: int, end: int) -> bool:
    """Whether a clause between ``start`` and ``end`` speaks of products (产品)."""
    return any(p in text[start:end] for p in subject_words().product_words)


def _output_topic(product: str, text: str, sentence_start: int) -> str:
    """The output head a product named alone takes from the sentence before, when that
    sentence holds no amount, opens with the output of things in general and says no more of
    any other measure (燃料、动力和一些重要原材料的产量，从…转向逐步回升。一九八一年比一九八○年，
    原煤增长… → 原煤产量增长; not after …的产量，牲畜的数量，…也都将…有所增长), or ''."""
    sentence = _sentence_before(text, sentence_start)
    words = subject_words()
    first_stop = min((i for i in map(sentence.find, COMMAS + COLONS) if i >= 0), default=len(sentence))
    opening = words.leading_time.fullmatch(sentence[:first_stop].strip())
    if opening and first_stop < len(sentence):
        # 在一九五八年，花生、油菜子、烤烟等作物的产量，…: a time opening the sentence frames it
        sentence = sentence[first_stop + 1 :]
        first_stop = min((i for i in map(sentence.find, COMMAS + COLONS) if i >= 0), default=len(sentence))
    topic = sentence[:first_stop].strip()
    head = next((h for h in sorted(words.output_heads, key=len, reverse=True) if topic.endswith(h)), "")
    # the years a sentence names are no amounts (在一九五八年一年增加的数量)
    counted = words.years_named.sub("", sentence)
    if (
        not head
        or len(topic) == len(head)
        or _AMOUNT_DIGITS.search(counted)
        or _NUMERAL_RUN.search(counted)
        or any(w in sentence for w in PERCENT_WORDS)
        or any(m in sentence[first_stop:] for m in words.measure_ends)
        or not bare_noun(product, words)
        or product.endswith(head.removeprefix(words.particle))
    ):
        return ""
    return head.removeprefix(words.particle)


def _prior_clause(
    text: str, clause: tuple[int, int], sentence_start: int, next_amount: regex.Pattern, ends: list[int]
) -> str:
    """The clause before ``clause`` in its sentence, trimmed, if it holds no amount:
    继续实施退耕还林还草，今年拟安排500万亩 (gov-report 2014)."""
    frame = ""
    start = clause[0]
    if start <= sentence_start:
        return _topic_sentence(text, sentence_start)
    for _ in range(2):
        if start <= sentence_start:
            break
        pcs = _clause_before(start, sentence_start, ends)
        prior = text[pcs : start - 1]
        if _AMOUNT_DIGITS.search(prior):
            break
        if frame:
            # 粮食每亩平均年产量，在三种不同的地区，分别达到四百斤: a frame of place or manner
            # between the measure and its amounts names no measure
            measured = trim(prior)
            return measured if measured.endswith(tuple(subject_words().measure_ends)) else frame
        if not _frame_only(prior) and not subject_words().adjustment.fullmatch(prior.strip()):
            return trim(prior)
        frame = trim(prior)
        start = pcs
    return frame


_NUMERAL = regex.compile(f"[{regex.escape(DIGIT_CHARS + PLACE_CHARS)}]")
_NUMERAL_RUN = regex.compile(f"[{regex.escape(DIGIT_CHARS + PLACE_CHARS)}]{{2,}}")  # 一百, not 前两年
# a sentence that only names a topic and says it grew (城乡居民储蓄大幅度增加。) is at most this long
_TOPIC_SENTENCE = 16


def _topic_sentence(text: str, sentence_start: int) -> str:
    """What the sentence before says the next one is about, when it holds no amount and its
    last clause is a short statement whose rest is a predicate (四是，城乡居民储蓄大幅度增加。
    一九八五年末达到[一千六百二十三亿元] → 城乡居民储蓄), else ''."""
    sentence = _sentence_before(text, sentence_start)
    prior = sentence[max(sentence.rfind(c) for c in COMMAS + COLONS) + 1 :].strip()  # 四是，城乡居民储蓄…
    if not prior or len(prior) > _TOPIC_SENTENCE or _AMOUNT_DIGITS.search(sentence) or _NUMERAL.search(prior):
        return ""
    return _topic(prior)


def _sentence_before(text: str, sentence_start: int) -> str:
    """The whole sentence before the one starting at ``sentence_start``, without its stop, or
    '' when what comes before ends no whole sentence (a part before ；, or nothing)."""
    end = sentence_start
    while end > 0 and text[end - 1] in SPACES:
        end -= 1
    if end <= 0 or text[end - 1] not in LONG_SENTENCE_STOPS:
        return ""
    begin = max(text.rfind(c, 0, end - 1) for c in SENTENCE_STOPS + "\n") + 1
    return text[begin : end - 1]


def _clause_before(start: int, sentence_start: int, ends: list[int]) -> int:
    """Where the clause before the one starting at ``start`` starts, within its sentence."""
    i = bisect.bisect_left(ends, start - 1)
    return max(ends[i - 1] + 1 if i > 0 else 0, sentence_start)


def _frame_only(phrase: str) -> bool:
    """A clause that is only a frame of place or manner: a preposition and its noun phrase,
    no verb (在三种不同的地区, 按照不同的情况); or an aside giving a cause, whatever it holds
    (全国铁路运输的货物周转量，[由于不合理运输的减少]，比1954年只增长了5%)."""
    phrase = phrase.strip()
    if phrase.startswith(tuple(subject_words().aside_openers)):
        return True
    tokens = tag(phrase)
    return bool(tokens) and tokens[0][1] == "p" and not has_verb("".join(w for w, _ in tokens[1:]))


def without_times(subject: str) -> str:
    """The subject without the times inside it, which are its period (食糖产量前三年增加 →
    食糖产量增加; 城乡居民的实际消费水平五年增长; 第四季度增长). A base of comparison stays
    (国内生产总值比2002年增长: what the change is measured against), and so does the year of
    a reckoning (按一九五二年的不变价格计算的工业总产值); a subject that is nothing but a
    time is left whole."""
    words = subject_words()
    out, at = [], 0
    for m in words.times_re.finditer(subject):
        if m["cmp"] or subject.endswith(tuple(words.reckoning_marks), 0, m.start()):
            continue
        if subject.endswith(MEASURES_TABLE().multiple_bases, 0, m.start()) and subject[m.end() :] == words.particle:
            continue  # 高等学校在校生是1997年的[2.3倍]: the base of a multiple, like 比1997年
        out.append(subject[at : m.start()])
        # the 的 that tied the time to what follows goes with it (前三年的货运量 → 的 goes)
        at = m.end() + 1 if subject.startswith(words.particle, m.end()) else m.end()
    if not out:
        return subject
    rest = "".join(out) + subject[at:]
    return rest if len(rest) >= 2 else subject


def level(base: str) -> str:
    """The measure itself, without a comparison or change at its end: 国家财政收入比上年增加
    → 国家财政收入 (but 数字经济核心产业增加值占比 keeps its 占比)."""
    words = subject_words()
    tokens = list(tag(base))
    # a change verb goes (增长), a change noun stays (人口增长率, 物价涨幅); then the adverb
    # or preposition it left behind (人数将[增长], 总产值在[增长])
    while len(tokens) > 1 and tokens[-1][0] in words.change and tokens[-1][1].startswith("v"):
        tokens.pop()
        while len(tokens) > 1 and (tokens[-1][1] in ("d", "p") or tokens[-1][0] in words.modals):
            tokens.pop()
    if len(tokens) > 2 and _fulfils_a_plan(words, tokens[-2][0], tokens[-1][0]):
        tokens = tokens[:-2]  # 工业生产总值计划完成: the share of the plan fulfilled, of the measure
    out = "".join(w for w, _ in tokens)
    m = words.comparison_re.search(out)
    if m and m.start() > 0:
        out = out[: m.start()]  # 比上年: a comparison, not part of the measure (占比 stays)
    return out or base


def _until_verb(phrase: str) -> str:
    """A noun phrase without the predicate after it: 海岸线保护修复工程[有序推进],
    项目[要加快建设], 税率[降], 税率[不变]; 幅度压减一般性支出 and 职工技能提升和转岗转业培训
    stay whole (a verb inside a noun phrase is followed by more of it)."""
    words = subject_words()
    tokens = tag(phrase)
    out: list[str] = []
    for i, (w, f) in enumerate(tokens):
        last = i == len(tokens) - 1
        verb = (
            f.startswith("v") and f != "vn" or f == "x" and w.endswith(tuple(words.verb_ends))
        ) and w not in words.attributes
        if out and (f in ("d", "ad", "p") or w in words.inside or w in words.modals or (verb and (last or f == "x"))):
            break  # a preposition after the noun opens the predicate (挂职干部[为平潭…作出])
        out.append(w)
    return "".join(out)


def _counted_noun(phrase: str) -> str:
    """What a number without a unit counts. A people (人民, 人口, 农户: the population words of
    target_kinds.yaml) is the noun alone, before the predicate about it (我国十亿人民[坚决站在…],
    十亿人民[有党的…]); other people keep what happens to them, which is the measure
    (20多万无电人口都能用上电, 6600多万农村人口饮水安全问题得到解决)."""
    words = subject_words()
    tokens = tag(phrase)
    if not tokens or tokens[0][0] not in words.population:
        return phrase
    out = [tokens[0][0]]
    for w, f in tokens[1:]:
        if f in ("d", "ad", "p") or w in words.modals or w in words.existential:
            break
        out.append(w)
    return "".join(out)


def _owner(prev: Found) -> str:
    """What an attribute noun after an amount belongs to: the noun of the subject before
    (新建、续建及改造市政道路46条，总里程 → 市政道路总里程; 国内生产总值增长6.6%，总量 →
    国内生产总值总量)."""
    words = subject_words()
    owner = prev.subject
    verb = starts_with_verb(owner)
    if verb:
        # after the verb, not after as many characters (新签约项目: the verb 签约 follows 新)
        owner = owner[owner.find(verb) + len(verb) :].lstrip("、，及和与")
    tokens = cut(owner)
    while len(tokens) > 1 and tokens[-1] in words.change:
        tokens.pop()
    # an attribute before names the same owner (人大代表建议9件，办结率100%，满意率100% → 人大代表建议
    # 满意率, not …办结率满意率)
    attribute = next((a for a in _longest_first(words.attributes) if "".join(tokens).endswith(a)), "")
    if attribute and len("".join(tokens)) > len(attribute):
        tokens = cut("".join(tokens)[: -len(attribute)])
    # the noun phrase at the end: after the last list word or verb
    cut_at = max(
        (
            i + 1
            for i, (w, f) in enumerate(tag("".join(tokens)))
            if w in words.list_words or (f == "v" and w not in words.change)
        ),
        default=0,
    )
    tagged = tag("".join(tokens))
    if cut_at and len("".join(t for t, _ in tagged[cut_at:])) == 1:
        cut_at -= 1  # a one-character noun after the verb is a word with it (安置房, 保障房)
    tail = "".join(t for t, _ in tagged[cut_at:])
    # the kind of thing after examples listed with 等 (岚悦酒店等社会投资项目79个、计划总投资 →
    # 社会投资项目总投资), not the last example
    pieces = cut(tail)
    marks = [i for i, w in enumerate(pieces[:-1]) if w in words.examples_end]
    if marks:
        tail = "".join(pieces[marks[-1] + 1 :])
    return tail or "".join(tokens)


_PARTS_REACH = 12


def _names_things(found: Found) -> bool:
    """Does an amount's subject name things counted (六百九十四个[工业建设单位], 工矿企业共有…),
    not a change or a rate of them?"""
    if not found.subject or level(found.subject) != found.subject:
        return False
    last = tag(found.subject)[-1]
    return (last[1].startswith(("n", "j")) or last[1] == "x") and not found.subject.endswith(
        tuple(subject_words().attributes)
    )


def _described_thing(subject: str) -> str:
    """The thing a count's subject names with its descriptions, less the clauses that say what
    was done to it first (开始建设的限额以上的工业建设单位 → 限额以上的工业建设单位): a part that
    does something else keeps only what the things are."""
    words = subject_words()
    parts = subject.split(words.particle)
    while len(parts) > 1 and has_verb(parts[0]):
        parts.pop(0)
    return words.particle.join(parts)


def _whole_before_parts(text: str, previous: Sequence[Found]) -> Found | None:
    """The count a list of parts opened by 其中 belongs to, when the amounts before are those
    parts: an attribute after them is the whole's (区重点项目276个，其中在建项目122个、…、前期
    项目72个，总投资2156亿元 → 区重点项目总投资; twelfth audit), else None."""
    openers = tuple(subject_words().item_openers)
    # a list of parts is short: walk back a bounded number of items, so that a sentence of many
    # amounts costs linear time (test_linear_time)
    for k in range(len(previous) - 2, max(-1, len(previous) - 2 - _PARTS_REACH), -1):
        between = text[previous[k].end : previous[k + 1].end]
        if between.lstrip(SPACES + COMMAS + "".join(ROUND_BRACKETS)).startswith(openers):
            return previous[k] if previous[k].number_first or previous[k].subject else None
        if not between.strip(SPACES).startswith(LIST_COMMA) and k < len(previous) - 2:
            return None
    return None


def _thing_of(owner: str) -> str:
    """The thing a measure is of (粮食播种面积 → 粮食): what an owned attribute after it
    (总产量) belongs to."""
    words = subject_words()
    measured = max((a for a in words.attributes if owner.endswith(a) and len(owner) > len(a)), key=len, default="")
    return owner[: -len(measured)] if measured else owner
