"""The structure rules of ``pipeline/data/structure.yaml``, checked and compiled once.

The words and patterns (markers, title openers, run-in limits, crawler header and footer
cruft, covering-notice cues, part cues) are data; this module only declares their shape
for :mod:`extractors.language_data` and compiles them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

from extractors.language_data import (
    DATA_FILES,
    PIPELINE_DATA,
    Flag,
    Integer,
    ListOf,
    Number,
    OneOf,
    Optional,
    Pattern,
    Record,
    Strings,
    Text,
    check_file,
    fail,
    load,
    longest_first,
    register,
)

DATA_FILE = PIPELINE_DATA / "structure.yaml"

_PATTERNS = Strings(Pattern())
SPEC = Record(
    markers=ListOf(
        Record(
            kind=Text(),
            heading=OneOf("paragraph", "sentence"),
            pattern=Pattern("n"),
            year_after=Optional(Pattern("n")),
            whole_label=Optional(Flag(), False),
        ),
        allow_empty=False,
    ),
    line_prefix=Pattern(),
    first_words=Strings(),
    stops=Text(),
    list_stops=Text(),
    closers=Text(),
    heading_max_chars=Integer(1),
    title_max_chars=Integer(1),
    max_gap=Integer(0),
    titles=Record(
        strong_openers=_PATTERNS,
        text_openers=_PATTERNS,
        adverbs=Strings(),
        verbs=Strings(),
        prepositions=Strings(),
        modals=_PATTERNS,
        min_clause=Integer(1),
        min_object=Integer(1),
        min_rest_clause=Integer(1),
        conjunctions=Text(),
        coverbs=Text(),
        frame_coverbs=Text(),
        frame_ends=Text(),
        title_break_verbs=Strings(),
    ),
    table=Record(header=Pattern(), unit_first=Pattern(), unit_next=Pattern(), responsible=Pattern()),
    runin=Record(
        min_chars=Integer(1),
        max_chars=Integer(1),
        plain_max_chars=Integer(1),
        first_within=Integer(1),
        length_ratio=Number(),
        min_count=Integer(1),
        min_block_ratio=Number(),
        family_prefix=Integer(1),
        family_min_count=Integer(1),
        announcement=Pattern(),
        statement=_PATTERNS,
        not_start=_PATTERNS,
        not_start_unless_apart=_PATTERNS,
        enumeration=Pattern(),
        chapter_min_share=Number(),
        chapter_min_statements=Integer(1),
        chapter_alone_count=Integer(1),
        chapter_alone_share=Number(),
        items=Pattern(),
        adverbial=Pattern(),
        topic_frame=Pattern(),
    ),
    body=Record(
        header_lines=_PATTERNS,
        header_end=Pattern(),
        title_keys=Strings(),
        leading=_PATTERNS,
        trailing=_PATTERNS,
        notice_title=Pattern(),
        notice_body=Pattern(),
        notice_end=Pattern(),
    ),
    parts=Record(
        review_cues=Strings(),
        review_patterns=_PATTERNS,
        plan_cues=Strings(),
        mixed_switch_window=Integer(1),
        plan_openers=Strings(),
        review_titles=_PATTERNS,
        other_cues=Strings(),
        review_openers=Strings(),
        opener_window=Integer(1),
        dump_intro_chars=Integer(1),
        scope_ahead=Strings(),
        scope_names=Strings(allow_empty=False),
    ),
    part_lines=Record(min_chars=Integer(1), max_chars=Integer(1), min_count=Integer(1)),
    task_breaks=Strings(),
    closing_headings=Strings(),
    headline_cues=Strings(allow_empty=False),
    headline_table_cues=Strings(allow_empty=False),
    lead_in=Strings(),
    warnings=Record(long_task_ratio=Number(), min_tasks_for_ratio=Integer(1), numbered_lines=Integer(1)),
)
register("structure", DATA_FILE, SPEC, used_by="pipeline.structure")


@dataclass(frozen=True, slots=True)
class Marker:
    kind: str
    heading: str  # paragraph | sentence
    pattern: regex.Pattern
    year_after: regex.Pattern | None
    whole_label: bool = False  # labelled by the whole marker (第一章), not its numeral (一、 → 一)


@dataclass(frozen=True, slots=True)
class StructureRules:
    markers: tuple[Marker, ...]
    line_prefix: regex.Pattern
    first_word: regex.Pattern  # 首先， as 第一，
    stops: frozenset[str]
    list_stops: frozenset[str]
    closers: frozenset[str]
    heading_max_chars: int
    title_max_chars: int
    max_gap: int
    # titles
    strong_opener: regex.Pattern
    text_opener: regex.Pattern  # opens text a heading ran on into on its line (titles.heading_end)
    opener: regex.Pattern  # [adverbs]*verb | preposition | adverb+, at a position
    verb_words: frozenset[str]
    min_clause: int
    min_object: int
    min_rest_clause: int
    conjunctions: frozenset[str]
    coverbs: frozenset[str]
    frame_coverbs: frozenset[str]
    frame_ends: frozenset[str]
    title_break: regex.Pattern
    # tables
    table_header: regex.Pattern
    table_unit: regex.Pattern
    table_responsible: regex.Pattern
    table_units: regex.Pattern
    # run-ins
    runin_min_chars: int
    runin_max_chars: int
    runin_plain_max_chars: int
    runin_first_within: int
    runin_length_ratio: float
    runin_min_count: int
    runin_min_block_ratio: float
    runin_family_prefix: int
    runin_family_min_count: int
    runin_announcement: regex.Pattern
    runin_statement: regex.Pattern
    runin_not_start: regex.Pattern
    runin_not_start_apart: regex.Pattern
    runin_chapter_min_share: float
    runin_chapter_min_statements: int
    runin_chapter_alone_count: int
    runin_chapter_alone_share: float
    runin_item: regex.Pattern
    runin_adverbial: regex.Pattern
    runin_topic_frame: regex.Pattern
    enumeration: regex.Pattern
    # body
    header_line: regex.Pattern
    header_end: regex.Pattern
    title_keys: tuple[str, ...]
    leading: regex.Pattern
    trailing: regex.Pattern
    notice_title: regex.Pattern
    notice_body: regex.Pattern
    notice_end: regex.Pattern
    # parts
    review_cues: tuple[str, ...]
    review_pattern: regex.Pattern
    part_word: regex.Pattern
    plan_cues: tuple[str, ...]
    mixed_switch_window: int
    plan_openers: tuple[str, ...]
    review_title: regex.Pattern
    other_cues: tuple[str, ...]
    review_openers: tuple[str, ...]
    opener_window: int
    dump_intro_chars: int
    scope_ahead: tuple[str, ...]
    scope_names: tuple[str, ...]
    part_line_min_chars: int
    part_line_max_chars: int
    part_line_min_count: int
    task_breaks: tuple[str, ...]
    closing_headings: frozenset[str]
    headline: regex.Pattern
    headline_table: regex.Pattern
    lead_in: tuple[str, ...]
    long_task_ratio: float
    min_tasks_for_ratio: int
    numbered_lines: int


def plan_openers(rules: StructureRules, year: int | None) -> list[str]:
    """The words that open a paragraph of the plan (今年, 新的一年, the plan year written
    out: ``{year}`` in the data), for a document of ``year``."""
    return [o.replace("{year}", str(year)) for o in rules.plan_openers if year is not None or "{year}" not in o]


def _any(patterns: list[str]) -> regex.Pattern:
    return regex.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)")


@cache
def load_rules(path: Path | None = None) -> StructureRules:
    """The compiled rules (``path``: another file of the same format, for tests)."""
    data = load("structure") if path is None else check_file(DATA_FILES["structure"], path)
    where = path or DATA_FILE
    kinds = [m["kind"] for m in data["markers"]]
    if len(set(kinds)) != len(kinds):
        raise fail(where, "markers", "a kind is listed twice")
    t = data["titles"]
    adverbs, verbs, preps = longest_first(t["adverbs"]), longest_first(t["verbs"]), longest_first(t["prepositions"])
    modals = "|".join(f"(?:{p})" for p in t["modals"]) or "(?!)"
    opener = regex.compile(
        f"(?P<adv>(?:{modals})?(?:{adverbs})*)(?P<verb>{verbs})|(?P<prep>{preps})|(?P<advonly>(?:{adverbs})+)"
    )
    breaks = longest_first(t["title_break_verbs"])
    tb = data["table"]
    # the lead unit: units up to the responsible units, or a list of units joined by commas
    # (…舆论引导|省金融办，省财政厅，人行福州中心支行，…)
    table_unit = regex.compile(
        f"(?:{tb['unit_first']})(?:{tb['unit_next']})*(?:[\\s，,]*(?={tb['responsible']})|[，,](?={tb['unit_first']}))"
    )
    # a row whose lead unit is itself collective (省直各部门，各设区市，…): the responsible
    # units begin the row's second cell, a list (a task cell has no comma)
    table_responsible = regex.compile(f"(?:{tb['responsible']})\\p{{Han}}{{0,8}}?[，,、]\\s*(?:{tb['responsible']})")
    ri, body, parts = data["runin"], data["body"], data["parts"]
    return StructureRules(
        markers=tuple(
            Marker(
                m["kind"],
                m["heading"],
                regex.compile(m["pattern"]),
                regex.compile(m["year_after"]) if m["year_after"] else None,
                m["whole_label"],
            )
            for m in data["markers"]
        ),
        line_prefix=regex.compile(data["line_prefix"]),
        first_word=regex.compile(f"(?:{'|'.join(map(regex.escape, data['first_words']))})[，,]"),
        stops=frozenset(data["stops"]),
        list_stops=frozenset(data["list_stops"]),
        closers=frozenset(data["closers"]),
        heading_max_chars=data["heading_max_chars"],
        title_max_chars=data["title_max_chars"],
        max_gap=data["max_gap"],
        strong_opener=_any(t["strong_openers"]),
        text_opener=_any(t["text_openers"]),
        opener=opener,
        verb_words=frozenset(t["verbs"]),
        min_clause=t["min_clause"],
        min_object=t["min_object"],
        min_rest_clause=t["min_rest_clause"],
        conjunctions=frozenset(t["conjunctions"]),
        coverbs=frozenset(t["coverbs"]),
        frame_coverbs=frozenset(t["frame_coverbs"]),
        frame_ends=frozenset(t["frame_ends"]),
        title_break=regex.compile(f"(?:{adverbs})*(?:{breaks})《"),
        table_header=regex.compile(tb["header"]),
        table_unit=table_unit,
        table_responsible=table_responsible,
        table_units=regex.compile(f"(?:{tb['unit_first']})(?:{tb['unit_next']})*"),
        runin_min_chars=ri["min_chars"],
        runin_max_chars=ri["max_chars"],
        runin_plain_max_chars=ri["plain_max_chars"],
        runin_first_within=ri["first_within"],
        runin_length_ratio=float(ri["length_ratio"]),
        runin_min_count=ri["min_count"],
        runin_min_block_ratio=float(ri["min_block_ratio"]),
        runin_family_prefix=ri["family_prefix"],
        runin_family_min_count=ri["family_min_count"],
        runin_announcement=regex.compile(ri["announcement"]),
        runin_statement=_any(ri["statement"]),
        runin_not_start=regex.compile(f"(?:{'|'.join(ri['not_start'] + ri['not_start_unless_apart'])})"),
        runin_not_start_apart=regex.compile(f"(?:{'|'.join(ri['not_start'])})"),
        runin_chapter_min_share=float(ri["chapter_min_share"]),
        runin_chapter_min_statements=ri["chapter_min_statements"],
        runin_chapter_alone_count=ri["chapter_alone_count"],
        runin_chapter_alone_share=float(ri["chapter_alone_share"]),
        runin_item=regex.compile(ri["items"]),
        runin_adverbial=regex.compile(ri["adverbial"]),
        runin_topic_frame=regex.compile(ri["topic_frame"]),
        enumeration=regex.compile(ri["enumeration"]),
        header_line=_any(body["header_lines"]),
        header_end=regex.compile(body["header_end"]),
        title_keys=tuple(body["title_keys"]),
        leading=_any(body["leading"]),
        trailing=_any(body["trailing"]),
        notice_title=regex.compile(body["notice_title"]),
        notice_body=regex.compile(body["notice_body"]),
        notice_end=regex.compile(body["notice_end"]),
        review_cues=tuple(parts["review_cues"]),
        review_pattern=_any(parts["review_patterns"]),
        part_word=regex.compile(longest_first(parts["review_cues"] + parts["plan_cues"] + ["工作"])),
        plan_cues=tuple(parts["plan_cues"]),
        mixed_switch_window=parts["mixed_switch_window"],
        plan_openers=tuple(parts["plan_openers"]),
        review_title=_any(parts["review_titles"]),
        other_cues=tuple(parts["other_cues"]),
        review_openers=tuple(parts["review_openers"]),
        opener_window=parts["opener_window"],
        dump_intro_chars=parts["dump_intro_chars"],
        scope_ahead=tuple(parts["scope_ahead"]),
        scope_names=tuple(parts["scope_names"]),
        part_line_min_chars=data["part_lines"]["min_chars"],
        part_line_max_chars=data["part_lines"]["max_chars"],
        part_line_min_count=data["part_lines"]["min_count"],
        task_breaks=tuple(data["task_breaks"]),
        closing_headings=frozenset(data["closing_headings"]),
        headline=regex.compile(longest_first(data["headline_cues"])),
        headline_table=regex.compile(longest_first(data["headline_cues"] + data["headline_table_cues"])),
        lead_in=tuple(data["lead_in"]),
        long_task_ratio=float(data["warnings"]["long_task_ratio"]),
        min_tasks_for_ratio=data["warnings"]["min_tasks_for_ratio"],
        numbered_lines=data["warnings"]["numbered_lines"],
    )
