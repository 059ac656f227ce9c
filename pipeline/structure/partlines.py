"""Unnumbered part headings: short lines of their own that head the parts of a report.

Some reports head their parts with a short standalone paragraph that carries no number
and no final punctuation, followed by the text it heads (gov-report 1984 关于国内建设 …
关于外交工作 … 结束语; 1988 过去五年国内工作的基本总结 … 今后五年建设和改革的目标、方针和
任务; 2002 首先报告2001年的工作). Such a line is a top-level heading when the document uses
at least ``min_count`` of them, or when it names a part by its words or years
(docs/annotation.md, "Headings"). The numbered headings after it nest below it, so their
numbering may restart at 一、 under each part (1984, 1988); a review part line whose text
turns to the plan year before any numbered heading (2002: …2002年是…) ends there, and the
numbered chapters after it stay at the top.

A line between two numbered headings that count on (二、 … 关于教育改革问题 … 三、, 1957)
is a sub-topic inside a chapter, not a part heading; two or more in one chapter are its
sub-headings (``parse._add_topic_lines``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from extractors.char_classes import COMMAS, LONG_SENTENCE_STOPS, SPACES, char_class
from pipeline.structure import parts as parts_mod
from pipeline.structure.body import Body
from pipeline.structure.markers import Candidate
from pipeline.structure.rules import StructureRules, plan_openers

_YEARS = regex.compile(r"(?<!\d)(?:19|20)\d\d年")
_SENTENCE_ENDS = tuple(LONG_SENTENCE_STOPS.strip())


@dataclass(frozen=True, slots=True)
class PartLine:
    pos: int  # start of the heading text (the line, spaces skipped)
    end: int  # end of the heading text
    part: str | None  # what its words or years say (review, plan, other, mixed), or None
    nests: bool  # the numbered headings after it nest below it
    stop: int | None  # where its text ends when it does not nest (the plan opens), else None


def is_part_line(line: str, rules: StructureRules) -> bool:
    """Could this paragraph (stripped) be an unnumbered part heading by its own shape?"""
    if not rules.part_line_min_chars <= len(line) <= rules.part_line_max_chars:
        return False
    if any(ch in rules.stops or ch in COMMAS for ch in line):
        return False
    if regex.search(r"\d", _YEARS.sub("", line)):
        return False  # figures (dates, amounts), except the years a heading names
    if any(line.startswith(w) for w in rules.task_breaks):
        return False  # 各位代表
    for marker in rules.markers:
        if regex.match(f"(?:{rules.line_prefix.pattern}){marker.pattern.pattern}", line):
            return False
    return True


def _is_text(line: str, rules: StructureRules) -> bool:
    """A paragraph of running text: it holds a sentence end."""
    return any(ch in rules.stops for ch in line)


def find(
    text: str,
    body: Body,
    spans: list[tuple[int, int]],
    dump: set[int] | frozenset[int],
    cands: list[Candidate],
    rules: StructureRules,
    year: int | None,
) -> list[PartLine]:
    """The part lines of a document, in order: paragraphs of their own in a line-based
    text; in a page dump only its closing heading."""
    found: list[tuple[int, int, int]] = []  # (line index, start, end)
    seen_text = False
    for i, (s, e) in enumerate(spans):
        if s < body.start or e > body.end or i in dump:
            continue
        line = text[s:e].strip(SPACES)
        if not line:
            continue
        if not seen_text:
            # the opening (title, dateline, signature, 各位代表：) holds no part heading — but
            # for the first heading of a plan with no address, right above its text: a line
            # of the part line's shape, not the title, over a paragraph that ends a sentence
            # (2024年全市教育工作要点 / 加强党的全面领导 / 深入学习贯彻…。)
            seen_text = _is_text(line, rules) and not any(line.startswith(w) for w in rules.task_breaks)
            if seen_text or line == body.title:
                continue
        if not is_part_line(line, rules):
            continue
        nxt = next((k for k in range(i + 1, len(spans)) if text[spans[k][0] : spans[k][1]].strip(SPACES)), None)
        if nxt is None or spans[nxt][1] > body.end or nxt in dump:
            continue
        below = text[spans[nxt][0] : spans[nxt][1]].strip(SPACES)
        if not seen_text:
            if below[-1:] not in _SENTENCE_ENDS or any(below.startswith(w) for w in rules.task_breaks):
                continue
            seen_text = True
        if not _is_text(below, rules) and not _numbered_heading_at(spans[nxt][0], spans[nxt][1], cands):
            continue  # its text, or the numbered headings it heads (第二部分 2024年重点任务 / 一、…)
        a = s + len(text[s:e]) - len(text[s:e].lstrip(SPACES))
        found.append((i, a, a + len(line)))
    found += _closing_in_dumps(text, body, spans, dump, rules)
    found = sorted(f for f in found if not _inside_chapter(f[1], cands))
    with_part = [(i, a, b, parts_mod.heading_part(text[a:b], rules, year)) for i, a, b in found]
    if len(with_part) < rules.part_line_min_count:
        with_part = [f for f in with_part if f[3] is not None]
    out = []
    for k, (i, a, b, part) in enumerate(with_part):
        nxt_part = with_part[k + 1][1] if k + 1 < len(with_part) else body.end
        stop = _plan_opens(text, spans, i, nxt_part, cands, rules, year) if part == "review" else None
        out.append(PartLine(a, b, part, stop is None, stop))
    return out


def _closing_in_dumps(
    text: str, body: Body, spans: list[tuple[int, int]], dump: set[int] | frozenset[int], rules: StructureRules
) -> list[tuple[int, int, int]]:
    """Closing headings inside a page dump: one of ``closing_headings`` right after a
    sentence end and right before the address that opens its text (…作出更大的贡献。结束语
    各位代表！…, a report that lost its line breaks): the one part heading a dump still
    shows by its words alone."""
    if not dump:
        return []
    pattern = _closing_pattern(
        tuple(sorted(rules.closing_headings)),
        "".join(sorted((rules.stops - rules.list_stops) | rules.closers)),
        rules.task_breaks,
    )
    if pattern is None:
        return []
    out = []
    for i in sorted(dump):
        s, e = spans[i]
        out += [(i, m.start(), m.end()) for m in pattern.finditer(text, max(s, body.start), min(e, body.end))]
    return out


@cache
def _closing_pattern(headings: tuple[str, ...], stops: str, breaks: tuple[str, ...]) -> regex.Pattern | None:
    """A closing heading after a sentence end, before the address that opens its text."""
    words = sorted({h.rstrip("。") for h in headings}, key=len, reverse=True)
    if not words or not breaks:
        return None
    return regex.compile(
        f"(?<={char_class(stops)})(?:{'|'.join(map(regex.escape, words))})"
        f"(?={char_class(SPACES)}*(?:{'|'.join(map(regex.escape, breaks))}))"
    )


def _numbered_heading_at(start: int, end: int, cands: list[Candidate]) -> bool:
    """Does a numbered heading open the line ``[start, end)`` (一、推动产业转型升级)?"""
    return any(start <= c.pos < end and c.line_start for c in cands)


def _inside_chapter(pos: int, cands: list[Candidate]) -> bool:
    """Is ``pos`` between two line-start numbered headings of one kind that count on?"""
    after = next((c for c in cands if c.pos > pos and c.line_start), None)
    if after is None or after.number == 1:
        return False
    before = [c for c in cands if c.pos < pos and c.line_start and c.kind == after.kind]
    return bool(before) and before[-1].number == after.number - 1


def _plan_opens(text, spans, i, limit, cands, rules: StructureRules, year) -> int | None:
    """Where a review part line's text turns to the plan (a paragraph opening with the plan
    year, 今年 or 新的一年) before any numbered heading; None when it does not."""
    first_heading = next((c.pos for c in cands if c.pos > spans[i][1] and c.line_start), limit)
    openers = plan_openers(rules, year)
    for s, e in spans[i + 1 :]:
        if s >= min(first_heading, limit):
            return None
        head = text[s:e].lstrip(SPACES)[: rules.mixed_switch_window]
        if any(head.startswith(o) for o in openers):
            return s
    return None
