"""What each part of a plan is for (plan, review, other), and the paragraph spans.

A top-level heading decides by its words (回顾, 执行情况 → review; 工作安排, 目标任务 →
plan) and by the years it names: a 2025 document's 一、2024年计划执行情况 reviews, its
二、2025年工作计划 plans. A heading naming both (1994: 一、1993年国内工作的回顾和1994年
工作的基本方针) is read as review until a paragraph opens with the plan year or 今年.
Sub-headings take their parent's part. A document without part headings is a plan,
unless its title says it only reports (平潭君山片区管理局2022年度工作报告).
"""

from __future__ import annotations

import regex

from extractors.char_classes import CLAUSE_STOP, COLONS, SENTENCE_END, char_class
from extractors.numerals import DIGIT_CHARS, parse_number
from pipeline.structure.body import Body
from pipeline.structure.records import PARTLINE, RUNIN, Paragraph
from pipeline.structure.rules import StructureRules, plan_openers
from pipeline.structure.titles import clean

# what an announcement of the report's scope is read within: a sentence, or the stretch after
# a colon — the address (各位代表：) ends the title and byline a page dump glues before it
_ANNOUNCEMENT_END = regex.compile(SENTENCE_END.pattern + "|" + char_class(COLONS))
# a date (1957年6月26日, the day the report was delivered, in a byline) names its year without
# looking ahead to it
_DATE = regex.compile(rf"[\d{DIGIT_CHARS}]{{4}}年[\d{DIGIT_CHARS}]{{1,2}}月(?:[\d{DIGIT_CHARS}]{{1,3}}日)?")
# a year written in figures or in Chinese digits (1984年, 一九八四年)
_ANY_YEAR = regex.compile(rf"(?<![\d{DIGIT_CHARS}])((?:19|20)\d\d|[一二][九{DIGIT_CHARS}][{DIGIT_CHARS}]{{2}})(?=年)")


def heading_part(heading: str, rules: StructureRules, year: int | None) -> str | None:
    """review, plan, mixed, other (结束语, or a chapter whose title is its first sentence and
    opens with the address of the closing: 各位代表，…), or None when the heading says nothing
    about its part."""
    if any(c in heading for c in rules.other_cues) or heading.startswith(rules.task_breaks):
        return "other"
    review = any(c in heading for c in rules.review_cues) or bool(rules.review_pattern.search(heading))
    plan = any(c in heading for c in rules.plan_cues)
    if year is not None:
        years = [y for y in map(_year, _ANY_YEAR.findall(heading)) if y is not None]
        if years and all(y < year for y in years):
            review = True
        if year in years:
            plan = True
    if review and plan:
        return "mixed"
    if review:
        return "review"
    if plan:
        return "plan"
    return None


def _opens_with_review(text: str, node, rules: StructureRules, year: int | None) -> bool:
    """Does the first paragraph under a heading open with last year or before (1985 （一）
    关于经济形势 → 刚刚过去的1984年，…), not with the plan year?"""
    nl = text.find("\n", node.title_end, node.end)
    # a heading whose text runs on in its line (a page dump) opens its paragraph at its end
    start = node.title_end if nl < 0 else nl + 1
    end = text.find("\n", start, node.end)
    window = text[start : (node.end if end < 0 else end)][: rules.opener_window]
    openers = plan_openers(rules, year)
    if any(o in window for o in openers):
        return False
    if any(o in window for o in rules.review_openers):
        return True
    years = [_year(y) for y in _ANY_YEAR.findall(window)]
    return year is not None and bool(years) and all(y is not None and y < year for y in years)


def _year(digits: str) -> int | None:
    value = parse_number(digits)
    return int(value) if value is not None else None


def document_part(body: Body, rules: StructureRules) -> str:
    """The part of a document whose headings name none: review for a report of last
    year's work only (its title: …年度工作报告, not 政府工作报告), else plan."""
    title = body.title or ""
    if title and rules.review_title.search(title) and not any(c in title for c in rules.plan_cues):
        return "review"
    return "plan"


def _announces_review(text: str, body: Body, tops, rules: StructureRules, year: int | None) -> bool:
    """Does the introduction say the report reviews and nothing else? A sentence of it
    naming 报告 holds review words, and none that names 报告 looks ahead (gov-report 1957:
    关于一年来的政府工作，国务院决定由我…作报告; not 1998 报告过去五年的工作，对今年的工作提出建议,
    nor 1960 …执行情况和争取提前实现这个纲要的报告)."""
    end = tops[0].pos if tops else body.end
    intro = text[body.start : end]
    if tops and _lead_looks_ahead(intro, rules, year):
        return False
    ahead = list(rules.plan_cues) + list(rules.scope_ahead)
    ahead += plan_openers(rules, year)
    announced = False
    for sentence in _ANNOUNCEMENT_END.split(intro):
        if not any(n in sentence for n in rules.scope_names):
            continue
        sentence = _DATE.sub("", sentence)
        if any(w in sentence for w in ahead):
            return False
        if any(c in sentence for c in rules.review_cues) or rules.review_pattern.search(sentence):
            announced = True
    return announced


def _lead_looks_ahead(intro: str, rules: StructureRules, year: int | None) -> bool:
    """Does the sentence that leads to the first heading open a clause with the plan year
    (按照这个总体要求，今年要着重做好以下八个方面工作。)? Then the headings plan, whatever the
    introduction reviewed before it — in a page dump the introduction runs on through an
    unnumbered review chapter (gov-report 2002: 首先报告2001年的工作…)."""
    sentences = [s for s in SENTENCE_END.split(intro) if s.strip()]
    if not sentences:
        return False
    openers = tuple(plan_openers(rules, year))
    return any(c.strip().startswith(openers) for c in CLAUSE_STOP.split(sentences[-1]))


def assign(text: str, nodes, body: Body, rules: StructureRules, year: int | None) -> None:
    """Set ``part`` on every node (nodes in document order, parents first)."""
    default = document_part(body, rules)
    tops = [n for n in nodes if n.parent is None]
    decided = {id(n): heading_part(clean(text[n.head : n.title_end]), rules, year) for n in tops}
    # a report whose headings name no review part reviews in its first chapter when that
    # opens with last year (1985 （一）关于经济形势, 1981 （一）当前的经济形势); a later chapter
    # opening so (关于外交工作: 过去一年…) reports on its way to the policy it plans
    first = next((n for n in tops if n.kind not in (RUNIN, PARTLINE)), None)
    if (
        first is not None
        and first is tops[0]
        and decided[id(first)] is None
        and "review" not in decided.values()
        and _opens_with_review(text, first, rules, year)
    ):
        decided[id(first)] = "review"
    if _announces_review(text, body, tops, rules, year):
        decided = {k: v or "review" for k, v in decided.items()}
    elif not any(v for v in decided.values() if v != "other"):
        decided = {k: v or default for k, v in decided.items()}
    for node in nodes:
        if node.parent is None:
            node.part = decided.get(id(node)) or "plan"
        else:
            node.part = "review" if node.parent.part == "mixed" else node.parent.part


def _headline_spans(text: str, body: Body, line_spans, dump_lines, rules: StructureRules) -> list[tuple[int, int]]:
    """Passages stating the plan's main targets: the paragraph (line) holding a headline
    cue, and the next one when it ends in a lead-in colon (2011, 2012); in a page dump,
    the sentence holding the cue."""
    spans = []
    for m in rules.headline.finditer(text, body.start, body.end):
        idx = _line_index(line_spans, m.start())
        s, e = line_spans[idx]
        if idx in dump_lines:
            a = max((text.rfind(c, s, m.start()) for c in "。！？!?"), default=-1)
            a = max(a + 1, s, body.start)
            b = min((p for p in (text.find(c, m.end(), e) for c in "。！？!?") if p >= 0), default=e - 1) + 1
            spans.append((a, min(b, e)))
            continue
        if text[s:e].rstrip().endswith(rules.lead_in) and idx + 1 < len(line_spans):
            e = line_spans[idx + 1][1]
        spans.append((s, e))
    return spans


def _line_index(line_spans, pos: int) -> int:
    from bisect import bisect_right

    return bisect_right([s for s, _ in line_spans], pos) - 1


def paragraphs(
    text: str,
    nodes,
    section_ids: dict,
    task_ids: dict,
    body: Body,
    line_spans,
    rules: StructureRules,
    year: int | None,
    dump_lines=frozenset(),
):
    """Paragraph spans: lines cut at every heading, at the body's ends and around the
    headline passage; each with the innermost heading that holds it."""
    cuts = {body.start, body.end}
    if body.notice_end is not None:
        cuts.add(body.notice_end)
    for node in nodes:
        cuts.add(node.pos)
        cuts.add(node.end)
    headline = _headline_spans(text, body, line_spans, dump_lines, rules)
    for a, b in headline:
        cuts.update((a, b))
    cuts.update(_dumped_switches(text, nodes, line_spans, dump_lines, rules, year))
    ordered = sorted(nodes, key=lambda n: (n.pos, n.depth))
    default = document_part(body, rules) if not nodes else "other"
    openers_cache: dict[int, bool] = {}
    out = []
    for s, e in line_spans:
        points = sorted(p for p in cuts if s < p < e)
        for a, b in zip([s] + points, points + [e]):
            while a < b and text[a] in " \t\u3000":
                a += 1
            while b > a and text[b - 1] in " \t\u3000":
                b -= 1
            if a >= b:
                continue
            role = "headline" if any(x <= a < y for x, y in headline) else "body"
            if a < body.start or a >= body.end:
                out.append(Paragraph(a, b, None, None, "other", role))
                continue
            owner = None
            for node in ordered:
                if node.pos <= a < node.end:
                    owner = node
                elif node.pos > a:
                    break
            if owner is None:
                part = default
                before_first = bool(ordered) and b <= ordered[0].pos
                if before_first and b - a > rules.dump_intro_chars and _line_index(line_spans, a) in dump_lines:
                    part = _dumped_intro_part(text[a:b], rules, year)
                out.append(Paragraph(a, b, None, None, part, role))
                continue
            tid = task_ids.get(id(owner))
            sec_node = owner.parent if tid is not None else owner
            sid = section_ids.get(id(sec_node)) if sec_node is not None else None
            top = owner
            while top.parent is not None:
                top = top.parent
            part = owner.part
            if top.part == "mixed":
                part = _mixed_part(text, a, b, top, rules, year, openers_cache)
            elif part == "mixed":
                part = "review"
            out.append(Paragraph(a, b, sid, tid, part, role))
    return out


def _dumped_switches(text: str, nodes, line_spans, dump_lines, rules: StructureRules, year: int | None) -> list[int]:
    """Where a review-then-plan chapter of a page dump turns to the plan: the first sentence
    opening with the plan year, 今年 or 新的一年 — the paragraph a line-based text starts
    there (gov-report 1994 一、1993年国内工作的回顾和1994年工作的基本方针 as a dump)."""
    openers = plan_openers(rules, year)
    out = []
    for node in nodes:
        if node.parent is not None or node.part != "mixed" or _line_index(line_spans, node.pos) not in dump_lines:
            continue
        for m in SENTENCE_END.finditer(text, node.title_end, node.end):
            if any(o in text[m.end() : m.end() + rules.mixed_switch_window] for o in openers):
                out.append(m.end())
                break
    return out


def _dumped_intro_part(intro: str, rules: StructureRules, year: int | None) -> str:
    """The part of the text before a page dump's first heading when it is longer than an
    introduction: a review chapter without a number ran into it (gov-report 2002: …请予审议。
    首先报告2001年的工作新世纪第一年，…) when a sentence of it opens with last year
    (过去的一年, 一年来) or names the report's review (首先报告2001年的工作); else other."""
    for sentence in SENTENCE_END.split(intro):
        sentence = sentence.strip()
        if sentence.startswith(tuple(rules.review_openers)):
            return "review"
        if any(n in sentence for n in rules.scope_names) and heading_part(sentence, rules, year) == "review":
            return "review"
    return "other"


def _mixed_part(text: str, a: int, b: int, top, rules: StructureRules, year, switched: dict) -> str:
    """In a review-then-plan chapter: review until a paragraph opens with the plan year,
    今年 or 新的一年 (gov-report 1994)."""
    if not switched.get(id(top)) and a > top.pos:
        opener = text[a:b][: rules.mixed_switch_window]
        openers = plan_openers(rules, year)
        if any(o in opener for o in openers):
            switched[id(top)] = True
    return "plan" if switched.get(id(top)) else "review"
