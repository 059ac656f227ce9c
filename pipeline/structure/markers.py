"""Heading markers found anywhere in the plan, with what stands before each.

A scraped page runs every paragraph into one line (…新进步。（二）锚定…), so markers are
looked for everywhere, not only at line starts. What precedes a marker says how strongly
it opens a block: a line start, a sentence end (。！？：, possibly behind a closing
quote), a space (where the page lost a line break), or nothing at all (glued to the text
of the heading before: …推进公开（一）进一步…1.全面…). A marker after an in-sentence
separator (；，、) is a list item inside a sentence and is dropped here.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.numerals import parse_number
from pipeline.structure.body import Body
from pipeline.structure.rules import StructureRules

LINE, STOP, SPACE, GLUED = "line", "stop", "space", "glued"
_SPACES = " \t\u3000\xa0"
_CN_NUMERALS = "一二三四五六七八九十百零〇两第"


@dataclass(frozen=True, slots=True)
class Candidate:
    pos: int  # where the marker starts
    end: int  # where its heading text starts
    kind: str
    heading: str  # paragraph | sentence
    number: int
    label: str
    boundary: str  # line | stop | space | glued
    line_start: bool  # at the start of its line (old-style paragraph heading)
    year_after: bool  # 3.2018年: counts only as the expected item


def chinese_ordinal(s: str) -> int | None:
    """一…九十九 (or Arabic digits) as used in heading numbers; None for anything else."""
    n = parse_number(s)
    return int(n) if n is not None and n == n.to_integral_value() and 0 < n < 100 else None


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def at_line_start(text: str, pos: int, rules: StructureRules) -> bool:
    """Only spaces or markup (**, ##) stand between the line start and ``pos``."""
    prefix = text[_line_start(text, pos) : pos].strip(_SPACES)
    return not prefix or bool(rules.line_prefix.fullmatch(prefix))


def boundary_before(text: str, pos: int, body: Body, rules: StructureRules) -> str | None:
    """How the text before ``pos`` ends: LINE, STOP, SPACE, GLUED, or None (a list item)."""
    ls = _line_start(text, pos)
    if pos in body.block_starts or at_line_start(text, pos, rules):
        return LINE
    j = pos - 1
    spaced = False
    while j >= ls and text[j] in _SPACES:
        j -= 1
        spaced = True
    if j >= ls and (j + 1) in body.block_starts:
        return LINE
    k = j
    while k >= ls and text[k] in rules.closers:
        k -= 1
    if k >= ls and text[k] in rules.stops:
        return None if text[k] in rules.list_stops else STOP
    if j >= ls and text[j] in rules.list_stops:
        return None
    if j >= ls and text[j] == "*":  # **一、…** markup inside a line
        return STOP
    return SPACE if spaced else GLUED


def find_candidates(text: str, body: Body, rules: StructureRules) -> list[Candidate]:
    out: list[Candidate] = []
    lo = body.start if body.notice_end is None else max(body.start, body.notice_end)
    for marker in rules.markers:
        patterns = [(marker.pattern, False)]
        if marker.year_after is not None:
            patterns.append((marker.year_after, True))
        for pattern, year_after in patterns:
            for m in pattern.finditer(text, lo, body.end):
                pos = m.start()
                before = text[pos - 1] if pos > 0 else ""
                raw = m.group("n")
                if raw.isdigit():
                    if before and before.isascii() and (before.isalnum() or before in ".．-/:"):
                        continue  # 12.5, 2018.1., 010-87182093
                elif before and before in _CN_NUMERALS and marker.heading == "paragraph":
                    continue  # 第一、 十一、 seen from inside
                number = chinese_ordinal(raw)
                if number is None:
                    continue
                boundary = boundary_before(text, pos, body, rules)
                if boundary is None:
                    continue
                whole = m.group(0).rstrip("，、,：:.． ")
                label = raw if marker.heading == "paragraph" and not marker.whole_label else whole
                out.append(
                    Candidate(
                        pos,
                        m.end(),
                        marker.kind,
                        marker.heading,
                        number,
                        label,
                        boundary,
                        at_line_start(text, pos, rules),
                        year_after,
                    )
                )
    out.extend(_first_words(text, lo, body, rules, out))
    out.sort(key=lambda c: (c.pos, c.year_after))
    # one candidate per position (the longest marker wins: （一） over 一、 inside it cannot happen,
    # but 1、 and (1) patterns may overlap in odd texts)
    seen: set[int] = set()
    unique = []
    for c in out:
        if c.pos not in seen:
            seen.add(c.pos)
            unique.append(c)
    return unique


def _first_words(text: str, lo: int, body: Body, rules: StructureRules, found: list[Candidate]) -> list[Candidate]:
    """首先，… at a line start whose next line-initial 第X， is 第二， is that series' first item
    (gov-report 1955 （八）: 首先，我们必须大大地削减…。 … 第二，我们必须大大地降低…)."""
    series = sorted((c for c in found if c.kind == "di_cn" and c.line_start), key=lambda c: c.pos)
    out = []
    for m in rules.first_word.finditer(text, lo, body.end):
        if not at_line_start(text, m.start(), rules):
            continue
        after = next((c for c in series if c.pos > m.start()), None)
        boundary = boundary_before(text, m.start(), body, rules)
        if after is None or after.number != 2 or boundary is None:
            continue
        label = m.group(0).rstrip("，,")
        out.append(Candidate(m.start(), m.end(), "di_cn", "sentence", 1, label, boundary, True, False))
    return out
