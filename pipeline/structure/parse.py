"""Document structure: sections, tasks, and where every paragraph stands (part, role).

The rules are docs/annotation.md, "Structure". In short:

- the plan sits between a crawler header / breadcrumb / covering notice and the page
  footer (:mod:`pipeline.structure.body`);
- headings are markers (一、 （一） 1. （1） 第一，) anywhere in the text
  (:mod:`pipeline.structure.markers`) that continue their level's numbering (二 after 一,
  （五） after （四） across sections, 37 after 34 when the source skipped rows) or open a
  new level at 1; a glued marker counts only right after a heading with no text of its
  own (…推进公开（一）进一步…1.全面…);
- the levels nest as the document uses them; unnumbered run-in headings form the lowest
  level where a document uses them consistently (:mod:`pipeline.structure.runins`);
- unnumbered part lines (关于国内建设 … 结束语) are top-level headings, the numbered ones
  after them nesting below (:mod:`pipeline.structure.partlines`);
- a heading with sub-headings is a section, a heading without is a task, except a
  top-level 一、 chapter in a document whose other chapters have sub-headings;
- titles end at the first sentence end, or where the heading phrase ends when the page
  lost the stop (:mod:`pipeline.structure.titles`);
- the part (plan/review/other) comes from top-level heading words and years
  (:mod:`pipeline.structure.parts`).

Paragraphs are spans of the normalised text that never cross a heading, so a one-line
page dump is cut at every heading and every row of the tables gets its task.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import regex

from extractors.char_classes import COMMAS, LONG_SENTENCE_STOPS, SENTENCE_END, SENTENCE_STOPS, SPACES, char_class
from extractors.segmentation import tag
from pipeline.structure import partlines as partlines_mod
from pipeline.structure import parts as parts_mod
from pipeline.structure import runins
from pipeline.structure.body import Body, find_body
from pipeline.structure.markers import GLUED, LINE, STOP, Candidate, chinese_ordinal, find_candidates
from pipeline.structure.partlines import is_part_line
from pipeline.structure.records import PARTLINE, RUNIN, Paragraph, Section, Structure, Task
from pipeline.structure.rules import StructureRules, load_rules
from pipeline.structure.runins import is_candidate
from pipeline.structure.tables import TableRows, find_tables
from pipeline.structure.titles import clean, heading_end, old_style_title, parallel_ends, run_on_cut, sentence_end

__all__ = ["Section", "Task", "Paragraph", "Structure", "parse_structure", "chinese_ordinal", "load_rules"]

_COMMA_RE = regex.compile(char_class(COMMAS))
_FULL_STOPS = frozenset(LONG_SENTENCE_STOPS)  # they end a list whose items are separated by ；


@dataclass(eq=False)
class Node:
    """A heading of the tree (numbered or run-in) while the structure is built."""

    kind: str
    heading: str  # paragraph | sentence | runin
    number: int
    label: str
    pos: int  # marker start (the item's char_start)
    head: int  # title start
    parent: Node | None
    line_start: bool = False
    boundary: str = LINE
    children: list[Node] = field(default_factory=list)
    title_end: int = -1
    end: int = -1
    part: str = "plan"
    key: str | None = None  # the id component when not the number (a part line: p1, p2, …)
    stop: int | None = None  # its text ends here at the latest (a review part line before the plan)
    nested: bool = False  # opens or continues a series nested in a heading of its own kind
    untitled: bool = False  # a numeral alone on its line: no heading text, so no title

    @property
    def depth(self) -> int:
        d, n = 0, self
        while n.parent is not None:
            n, d = n.parent, d + 1
        return d

    def path(self) -> str:
        parts, n = [], self
        while n is not None:
            parts.append(n.key or str(n.number))
            n = n.parent
        return ".".join(reversed(parts))


# --------------------------------------------------------------------------- lines


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


class _Lines:
    """Line lookups, and which lines are page dumps (a body run into one line: more than
    half of the body, or longer than any paragraph of a line-based text)."""

    def __init__(self, text: str, body: Body) -> None:
        self.spans = _line_spans(text)
        self.starts = [s for s, _ in self.spans]
        body_len = max(1, body.end - body.start)
        self.dump = {
            i
            for i, (s, e) in enumerate(self.spans)
            if (min(e, body.end) - max(s, body.start) > body_len / 2 and e - s > 200) or e - s > 3000
        }

    def index(self, pos: int) -> int:
        from bisect import bisect_right

        return bisect_right(self.starts, pos) - 1

    def end_of(self, pos: int) -> int:
        return self.spans[self.index(pos)][1]

    def is_dump(self, pos: int) -> bool:
        return self.index(pos) in self.dump


# --------------------------------------------------------------------------- numbering


def _has_stop(text: str, start: int, end: int, rules: StructureRules) -> bool:
    return any(text[i] in rules.stops and text[i] not in rules.list_stops for i in range(start, end))


def _heading_ok(text: str, c: Candidate, limit: int, lines: _Lines, body: Body, rules: StructureRules) -> bool:
    """Is the text after the marker short enough to be a heading of its kind?"""
    line_end = lines.end_of(c.pos)
    limit = min(limit, line_end)
    if c.line_start and not lines.is_dump(c.pos):
        # a heading on its own line (the seed corpus): the whole line, or the first sentence
        rest = text[c.end : line_end]
        if c.heading == "paragraph":
            rest = rest.strip()
            # a line ending in a stop is text; one ending in ；is an item of a list (1987
            # 三、进一步整顿、充实和加强舆论阵地；)
            if rest and (rest[-1] == "。" or rest[-1] in rules.list_stops):
                return False
            if len(rest) <= rules.heading_max_chars:
                return True
            # a longer line without a stop is a heading when its first clause is a title
            # (1984 二、我们坚持…发展同世界各国的关系，并且主张…的普遍准则); it ends at the comma
            comma = _COMMA_RE.search(rest)
            return (
                comma is not None
                and comma.start() <= rules.title_max_chars
                and not _has_stop(rest, 0, len(rest), rules)
            )
        stop = sentence_end(text, c.end, line_end, rules)
        if stop - c.end <= rules.heading_max_chars:
            return True
        # a long first sentence ending in 。 is a heading when its first clause is a title
        # (（一）进一步增强企业…的活力，使它们真正成为…。; 第一、中国从…出发，把…作为…。)
        comma = _COMMA_RE.search(text, c.end, stop)
        return (
            stop < line_end
            and text[stop] == "。"
            and comma is not None
            and comma.start() - c.end <= rules.title_max_chars
        )
    if c.heading == "paragraph" and not lines.is_dump(c.pos):
        return False  # a 一、 inside a paragraph of a line-based text is an enumeration (1955)
    end = heading_end(text, c.end, limit, rules, table=body.is_table, section=c.heading == "paragraph")
    return 0 < end - c.end <= rules.heading_max_chars


def _build_numbered(
    text: str,
    cands: list[Candidate],
    body: Body,
    lines: _Lines,
    rules: StructureRules,
    part_lines: list[partlines_mod.PartLine] = (),
) -> list[Node]:
    """Accept the markers that continue their level's numbering; return the nodes in order.

    An unnumbered part line (:mod:`pipeline.structure.partlines`) is a top-level heading:
    the numbered headings after it nest below it (their numbering may restart at 一), or,
    when it does not nest, stay at the top."""
    nodes: list[Node] = []
    stack: list[Node] = []
    last_of_kind: dict[str, int] = {}
    later: dict[tuple[str, int], list[int]] = {}
    for i, c in enumerate(cands):
        later.setdefault((c.kind, c.number), []).append(i)

    def confirmed(i: int, kind: str, n: int) -> bool:
        return any(j > i for j in later.get((kind, n + 1), ()))

    pending = list(part_lines)
    listed = _colon_lists(text, cands, lines, rules)
    for i, c in enumerate(cands):
        if i in listed:
            continue
        while pending and pending[0].pos <= c.pos:
            nodes.append(_part_node(pending.pop(0), nodes))
            stack = [nodes[-1]] if nodes[-1].stop is None else []
        prev = nodes[-1] if nodes else None
        if c.boundary != LINE and not lines.is_dump(c.pos):
            continue  # inside a paragraph of a line-based text: 第一…第二… is an enumeration
        if c.boundary == GLUED and (
            prev is None
            or _has_stop(text, prev.head, c.pos, rules)
            or (not body.is_table and c.pos - prev.head > rules.heading_max_chars)
        ):
            # glued markers only follow a heading that has no text of its own: outside a
            # task table (whose rows run on without a stop), not one whose first sentence
            # runs on past a heading's length (…蝉联全省第一，对台…)
            continue
        level = next((j for j, n in enumerate(stack) if n.kind == c.kind), None)
        n = c.number
        # a series nested in a chapter of its own kind continues the innermost that it can
        # (四、 after the nested 一、…五、 of 三、 continues 三、, not the nested 五、)
        inner = [j for j, node in enumerate(stack) if node.kind == c.kind and node.number + 1 == n]
        if inner:
            level = inner[-1] if stack[inner[-1]].nested else inner[0]
        nested_parent = None
        if level is not None and n == 1 and _restarts_inside(i, cands, stack[level], text, lines, body, rules, listed):
            nested_parent = stack[level]
        if nested_parent is not None:
            # 二、“七五”时期… → 一、确定适度的经济增长率… 二、… 五、, then 三、 again: the
            # chapter's own numbered series (gov-report 1986)
            if not _heading_ok(text, c, cands[i + 1].pos if i + 1 < len(cands) else body.end, lines, body, rules):
                continue
            del stack[level + 1 :]
            node = Node(
                c.kind, c.heading, n, c.label, c.pos, c.end, nested_parent, c.line_start, c.boundary, nested=True
            )
            nested_parent.children.append(node)
            nodes.append(node)
            stack.append(node)
            continue
        if level is not None:
            last = stack[level].number
            if n == last + 1:
                pass
            elif (
                last + 1 < n <= last + 1 + rules.max_gap
                and c.boundary != GLUED
                and not c.year_after
                and (lines.is_dump(c.pos) or c.line_start)  # a heading by its place, not a number in text
                and confirmed(i, c.kind, n)
            ):
                pass
            else:
                continue
            parent = stack[level].parent
        else:
            last = last_of_kind.get(c.kind)
            if c.year_after:
                continue
            if n == 1:
                pass
            elif last is not None and (
                n == last + 1
                or (
                    last + 1 < n <= last + 1 + rules.max_gap
                    and (lines.is_dump(c.pos) or c.line_start)
                    and confirmed(i, c.kind, n)
                )
            ):
                pass  # numbering that runs on across sections (（五） under 二、 after （四）)
            else:
                continue
            if n == 1 and stack and _after_a_list(stack[-1], c, lines):
                del stack[-1]  # 第一、… after the list （一）…（五） of its chapter (gov-report 1979)
            parent = stack[-1] if stack else None
        if c.year_after and (level is None or n < 3):
            continue
        nxt = cands[i + 1].pos if i + 1 < len(cands) else body.end
        if not _heading_ok(text, c, nxt, lines, body, rules) and not _bracketed(i, cands, text, lines, body, rules):
            continue
        nested = level is not None and stack[level].nested
        if level is not None:
            del stack[level:]
        node = Node(c.kind, c.heading, n, c.label, c.pos, c.end, parent, c.line_start, c.boundary, nested=nested)
        if parent is not None:
            parent.children.append(node)
        nodes.append(node)
        stack.append(node)
        last_of_kind[c.kind] = n
    for p in pending:
        nodes.append(_part_node(p, nodes))
    return nodes


def _colon_lists(text: str, cands: list[Candidate], lines: _Lines, rules: StructureRules) -> set[int]:
    """Indices of the items of lists a sentence announces with a colon in a page dump: a
    series of chapter markers that opens after a colon is part of its paragraph, with the
    items that go on counting it, when one of its kind has already begun (gov-report 1986 as
    a dump: …调整投资结构的方向是：一、继续增加…。二、…四、…) or when its second item
    comes before the sentence ends (1978: 报告分六个部分：一、三年来…；二、把揭批…). A
    line-based text shows this by the items not opening lines."""
    listed: set[int] = set()
    seen: set[str] = set()
    patterns = {m.kind: m.pattern for m in rules.markers}
    for i, c in enumerate(cands):
        if (
            c.number == 1
            and lines.is_dump(c.pos)
            and text[: c.pos].rstrip(SPACES).endswith(("：", ":"))
            and ((c.heading == "paragraph" and c.kind in seen) or _second_item_in_sentence(text, c, patterns[c.kind]))
        ):
            expected = 1
            for j in range(i, len(cands)):
                if cands[j].kind != c.kind:
                    continue
                if cands[j].number != expected:
                    break
                listed.add(j)
                expected += 1
        seen.add(c.kind)
    return listed


def _second_item_in_sentence(text: str, c: Candidate, pattern: regex.Pattern) -> bool:
    """Does the next item of ``c``'s series come before the sentence ends (items of a list
    are separated by ；, which does not end it)?"""
    end = next((i for i in range(c.end, len(text)) if text[i] in _FULL_STOPS), len(text))
    return any(chinese_ordinal(m.group("n")) == 2 for m in pattern.finditer(text, c.end, end))


def _after_a_list(last: Node, c: Candidate, lines: _Lines) -> bool:
    """Does a new series at ``c`` come after a list rather than inside its last item?
    Yes when ``last`` closes a series of at least two items of one paragraph each (each
    item's line right after the one before) and unnumbered paragraphs stand between it and
    ``c``: gov-report 1979 二、 lists its requirements （一）…（五）, goes on in paragraphs
    and then counts its ten tasks 第一、…第十、 — those are the chapter's, not （五）'s."""
    if last.parent is None or last.number < 2 or lines.is_dump(c.pos) or last.kind in (RUNIN, PARTLINE):
        return False
    series = [n for n in last.parent.children if n.kind == last.kind]
    if len(series) < 2 or series[-1] is not last:
        return False
    rows = [lines.index(n.pos) for n in series]
    if any(b != a + 1 for a, b in zip(rows, rows[1:])):
        return False
    return lines.index(c.pos) > rows[-1] + 1


def _restarts_inside(
    i: int,
    cands: list[Candidate],
    outer: Node,
    text: str,
    lines: _Lines,
    body: Body,
    rules: StructureRules,
    listed: frozenset[int] | set[int] = frozenset(),
) -> bool:
    """Does the 一、 at ``cands[i]`` open a series of its own inside ``outer`` (a chapter of
    the same kind, on its own line)? Yes when the heading lines of that kind after it count
    1, 2, … and then the chapter's next number follows (二、 … 一、二、三、四、五、 … 三、):
    the series ends before the outer sequence goes on. Lines that are no headings (list
    items ending in ；, long lines) are skipped."""
    c = cands[i]
    dump = lines.is_dump(c.pos)
    if c.heading != "paragraph" or not (dump or (c.line_start and outer.line_start)):
        return False
    expected = 1
    for j in range(i, len(cands)):
        d = cands[j]
        # in a page dump a heading follows a sentence end instead of opening a line
        if j in listed or d.kind != c.kind or (d.boundary != STOP if dump else not d.line_start or d.boundary != LINE):
            continue
        nxt = cands[j + 1].pos if j + 1 < len(cands) else body.end
        if not _heading_ok(text, d, nxt, lines, body, rules):
            continue
        if d.number == expected:
            expected += 1
            continue
        return d.number == outer.number + 1 and expected > 2
    return False


def _bracketed(i: int, cands: list[Candidate], text: str, lines: _Lines, body: Body, rules: StructureRules) -> bool:
    """A chapter line that ran on into its text (gov-report 1987 三、深入改革经济体制和扩大对外
    开放国民经济的长期稳定发展，…: the source lost the line break) is a heading all the same
    when the next number of its kind follows as a proper heading line with no proper line
    of its own number in between: the sequence 二、 … 四、 needs it."""
    c = cands[i]
    if c.heading != "paragraph" or not c.line_start or lines.is_dump(c.pos):
        return False
    for j in range(i + 1, len(cands)):
        d = cands[j]
        if d.kind != c.kind or not d.line_start or d.boundary != LINE:
            continue
        nxt = cands[j + 1].pos if j + 1 < len(cands) else body.end
        if d.number == c.number and _heading_ok(text, d, nxt, lines, body, rules):
            return False
        if d.number == c.number + 1 and _heading_ok(text, d, nxt, lines, body, rules):
            return True
    return False


def _part_node(p: partlines_mod.PartLine, nodes: list[Node]) -> Node:
    """A part line's node: numbered by its place among the top-level headings (结束语 after
    四、 is the fifth), and identified by its place among the part lines (p1, p2)."""
    number = sum(n.parent is None for n in nodes) + 1
    key = f"p{sum(n.kind == PARTLINE for n in nodes) + 1}"
    node = Node(PARTLINE, "paragraph", number, "", p.pos, p.pos, None, True, LINE, key=key)
    node.title_end = p.end
    node.stop = p.stop
    return node


# --------------------------------------------------------------------------- ends and titles


def _closing_at(text: str, body: Body, lines: _Lines, rules: StructureRules) -> int:
    for s, e in lines.spans:
        if s >= body.start and e <= body.end and text[s:e].strip() in rules.closing_headings:
            return s
    return body.end


def _set_ends(nodes: list[Node], closing: int) -> None:
    ordered = sorted(nodes, key=lambda n: n.pos)
    for k, node in enumerate(ordered):
        depth = node.depth
        node.end = next((m.pos for m in ordered[k + 1 :] if m.depth <= depth), closing)
        node.end = min(node.end, closing) if node.pos < closing else node.end
        if node.stop is not None:
            node.end = min(node.end, node.stop)


def _task_break(text: str, start: int, end: int, rules: StructureRules) -> int | None:
    """A paragraph or sentence opening with 各位代表 ends the task before it."""
    best = None
    for word in rules.task_breaks:
        pos = text.find(word, start, end)
        while pos >= 0:
            before = text[pos - 1] if pos > 0 else "\n"
            j = pos - 1
            while j > start and text[j] in " \t\u3000":
                j -= 1
            if before == "\n" or text[j] in "。！？!?\n":
                best = pos if best is None else min(best, pos)
                break
            pos = text.find(word, pos + 1, end)
    return best


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\u3000\n":
        end -= 1
    return end


def _set_titles(text: str, nodes: list[Node], body: Body, lines: _Lines, rules: StructureRules) -> None:
    by_parent: dict[int, list[Node]] = {}
    for node in nodes:
        by_parent.setdefault(id(node.parent), []).append(node)
    for siblings in by_parent.values():
        forced = _glued_level(text, siblings, body, lines, rules)
        for node in siblings:
            limit = min(node.children[0].pos if node.children else node.end, lines.end_of(node.pos))
            if node.kind == PARTLINE:
                continue  # the whole line, set when it was found
            if node.line_start and not lines.is_dump(node.pos):
                line = text[node.head : lines.end_of(node.pos)]
                if node.heading == "paragraph" and not line.strip() and lines.end_of(node.pos) < node.end:
                    # a numeral alone on its line (gov-report-1960 一) has no title: its first
                    # sentence (up to its first comma when long) is only the text that parts
                    # read for the chapter's part (在过去四年中执行的情况 → review)
                    node.untitled = True
                    node.head = lines.end_of(node.pos) + 1
                    stop = sentence_end(text, node.head, lines.end_of(node.head), rules)
                    comma = _COMMA_RE.search(text, node.head, stop)
                    long = stop - node.head > rules.title_max_chars and comma is not None
                    node.title_end = comma.start() if comma is not None and long else stop
                    continue
                if node.heading == "paragraph":
                    node.title_end = node.head + len(line.rstrip())
                    comma = line.find("，")
                    if len(line.rstrip()) > rules.title_max_chars and comma > 0:
                        node.title_end = node.head + comma  # a long first sentence ends at its first comma
                    continue
                stop = sentence_end(text, node.head, lines.end_of(node.pos), rules)
                title = old_style_title(text[node.head : stop], rules)
                node.title_end = text.find(title, node.head) + len(title) if title else node.head
                continue
            node.title_end = heading_end(
                text,
                node.head,
                limit,
                rules,
                table=body.is_table and not node.children,
                force=forced,
                section=node.heading == "paragraph",
            )
        _parallel_titles(text, siblings, body, lines, rules)


def _parallel_titles(text: str, siblings: list[Node], body: Body, lines: _Lines, rules: StructureRules) -> None:
    """Sibling headings of a page dump that ran on into their text end like the siblings
    that ended clearly (:func:`pipeline.structure.titles.parallel_ends`)."""
    dumped = [n for n in siblings if lines.is_dump(n.pos)]
    if body.is_table or len(dumped) < 3:
        return
    limits = [min(n.children[0].pos if n.children else n.end, lines.end_of(n.pos)) for n in dumped]
    heads = [text[n.head : lim] for n, lim in zip(dumped, limits)]
    ends = parallel_ends(heads, [n.title_end - n.head for n in dumped], rules)
    for node, end in zip(dumped, ends):
        node.title_end = node.head + end


def _glued_level(text: str, siblings: list[Node], body: Body, lines: _Lines, rules: StructureRules) -> bool:
    """Do most of these sibling headings run on into their text without a stop?

    (pingtan-gov-report 2021 （一）…激发经济增长潜力慎终如始抓好疫情防控。: each of the
    eight headings of that level carries a run-in sub-heading glued to it.)
    """
    if body.is_table or len(siblings) < 2:
        return False
    glued = 0
    for node in siblings:
        if node.line_start and not lines.is_dump(node.pos):
            return False
        limit = min(node.children[0].pos if node.children else node.end, lines.end_of(node.pos))
        stop = sentence_end(text, node.head, limit, rules)
        if run_on_cut(text[node.head : stop], rules) is not None:
            glued += 1
    return glued * 2 > len(siblings)


# --------------------------------------------------------------------------- run-ins


def _add_runins(
    text: str, nodes: list[Node], body: Body, lines: _Lines, rules: StructureRules, set_apart: frozenset[int]
) -> list[Node]:
    """Run-in headings under childless headings (and at the top when nothing is numbered).

    A run-in level belongs to a level of the document, not to one heading: among sibling
    headings that could hold run-ins, at least half must have them (a heading whose
    text happens to hold a few short sentences is still a task: pingtan-gov-report 2021
    （七）坚持共治共享…, the only review heading with such sentences) — except a chapter
    whose paragraphs nearly all open with one (:func:`runins.chapter_alone`): a numbered
    chapter of a line-based document, or a top-level one where chapters already hold
    sub-headings (its childless siblings are sections then, whatever it does).
    """
    groups: dict[int, list[tuple[Node | None, list, int | None, bool]]] = {}
    nested = any(n.children for n in nodes if n.parent is None)  # sub-headings found so far
    parents: list[Node | None] = (
        [n for n in nodes if not n.children and n.kind not in (PARTLINE, RUNIN)] if nodes else [None]
    )
    for parent in parents:
        chapter = False
        if parent is None:
            start, end = body.start, body.end
            line_initial = not lines.is_dump(start)
        else:
            start, end = parent.title_end, parent.end
            if lines.is_dump(parent.pos):
                line_initial = False
            elif parent.parent is None and parent.heading == "paragraph":
                line_initial = True  # the chapters of a line-based report (gov-report 2015)
            else:
                # the （X） chapters of a line-based report (gov-report 2008 （二）): run-ins
                # open its paragraphs, up to the 各位代表！ that turns to the closing themes
                line_initial = chapter = True
                brk = _task_break(text, parent.title_end, end, rules)
                end = end if brk is None else brk
        while start < end and text[start] in "。；，：,:; \t\u3000":
            start += 1
        found = runins.candidates(
            text,
            start,
            end,
            rules,
            line_initial=line_initial,
            set_apart=set_apart,
            stopless=_own_line(text, parent, lines),
        )
        # what the sentences say (短, no statement) makes a level; those the source set apart
        # over their text join it below, whatever their shape
        apart = [f for f in found if f.alone]
        found = [f for f in found if not f.alone or runins.is_candidate(text[f.pos : f.title_end], rules)]
        if chapter:  # a chapter's blocks are its paragraphs: the first run-in is among its first paragraphs
            found = [replace(f, index=_paragraphs_before(text, start, f.pos, rules)) for f in found]
        glued, before = None, parent.title_end if parent is not None else None
        if parent is not None and not line_initial:
            glued = _glued_runin(text, parent, found, end, lines, rules)
        chosen = runins.select(
            text,
            sorted(found + ([glued] if glued else []), key=lambda f: f.pos),
            end,
            rules,
            line_initial=line_initial,
            chapter=chapter,
            any_start=chapter and not text[parent.title_end : lines.end_of(parent.pos)].strip(SPACES + SENTENCE_STOPS),
        )
        if chapter:
            chosen = runins.chapter_leading(text, found, runins.chapter_level(text, chosen, end, rules), rules)
            chosen = chosen or runins.topic_frames(text, start, end, rules)
        elif not chosen and parent is not None and line_initial:
            # a top-level chapter most of whose paragraphs open with a topic frame (gov-report
            # 1997 四、: 在科技工作方面，… 在教育工作方面，… four of seven); not frames here and there
            # in a chapter's text (1956 三、: 在农业方面，… six of 26 paragraphs)
            chosen = runins.topic_frames_of_most(text, start, end, rules)
        if glued is not None and glued not in chosen:
            parent.title_end = before
        taken = {f.pos for f in chosen}
        laid_out = [f for f in apart if f.pos not in taken]
        if laid_out and sum(f.alone for f in chosen) + len(laid_out) >= 2:
            # the sentences the source set apart over their text are one level whatever their
            # shape (1997 二、: 继续把加强农业放在经济工作的首位。, 加强水利建设是一项迫切任务。),
            # with the run-ins the chapter has besides
            chosen = sorted(chosen + laid_out, key=lambda f: f.pos)
        if not chapter and line_initial and len(chosen) >= 2 and all(f.alone for f in chosen):
            # a level the source set apart takes the verb phrase opening the heading's first
            # paragraph before it, which the source ran into its text (gov-report 2001 十、:
            # 大力加强社会主义精神文明建设。坚持两手抓…, then 积极推进社会主义民主法制建设。 set apart)
            chosen = runins.chapter_leading(text, found, chosen, rules)
        key = id(parent.parent) if parent is not None else 0
        # a chapter whose paragraphs nearly all open with one stands by itself (see above:
        # gov-report 2007 五、 beside 三、（一）…; elsewhere its siblings would turn from tasks
        # into sections without tasks, 1994 read without its layout; a page dump's chapter is
        # one paragraph, never alone), and so do run-ins the source set apart on lines of
        # their own (gov-report 1999 一、)
        stands = chapter or (parent is not None and line_initial and nested)
        alone = (stands and runins.chapter_alone(text, chosen, end, rules)) or (
            bool(chosen) and all(f.alone for f in chosen)
        )
        groups.setdefault(key, []).append((parent, chosen, before, alone))
    for line in [n for n in nodes if n.kind == PARTLINE and not n.children and not lines.is_dump(n.pos)]:
        # a part line's text holds run-ins only where the source set them apart (gov-report
        # 2002 首先报告2001年的工作 → 国民经济保持良好发展势头。…)
        found = runins.candidates(
            text, line.title_end, line.end, rules, line_initial=True, set_apart=set_apart, stopless=True
        )
        apart = runins.keep_balanced([f for f in found if f.alone], line.end, rules)
        if apart:
            groups.setdefault(id(line), []).append((line, apart, line.title_end, True))
    added: list[Node] = _runins_before_children(text, nodes, lines, rules, set_apart)
    for members in groups.values():
        if sum(1 for _, chosen, _, _ in members if chosen) * 2 < len(members):
            for parent, chosen, before, alone in members:
                if parent is not None and chosen and not alone:
                    parent.title_end = before
            members = [m for m in members if m[3]]
        for parent, chosen, _, _ in members:
            level = [_runin_node(f, k, parent) for k, f in enumerate(chosen, start=1)]
            if parent is not None:
                parent.children.extend(level)
            added.extend(level)
    return added


def _own_line(text: str, parent: Node | None, lines: _Lines) -> bool:
    """Is ``parent`` a heading on a line of its own (or the document)? Only then can lines
    without a stop be its sub-headings: under an item run into its text (gov-report 1964
    第四，文化、教育…有所提高。近几年…) a line laid out as a heading is no sub-heading of it."""
    if parent is None:
        return True
    return not text[parent.title_end : lines.end_of(parent.pos)].strip(SPACES + SENTENCE_STOPS)


def _runin_node(f: runins.RunIn, number: int, parent: Node | None) -> Node:
    node = Node(RUNIN, RUNIN, number, "", f.pos, f.pos, parent, boundary=LINE)
    node.title_end = f.title_end
    return node


def _runins_before_children(
    text: str, nodes: list[Node], lines: _Lines, rules: StructureRules, set_apart: frozenset[int]
) -> list[Node]:
    """Run-ins opening the paragraphs of a line-based chapter before its numbered items are
    run-ins of that chapter too, before the items: topic frames (gov-report 2008 （三）: seven
    在X方面 paragraphs, then 第一，…第六，), and sentences the source set apart over their text,
    two or more (1998 and 2001 一、: a review's results, 过去的五年，经济发展保持良好势头…。,
    then the lessons 第一，…)."""
    added: list[Node] = []
    for parent in nodes:
        numbered = [c for c in parent.children if c.kind not in (RUNIN, PARTLINE)]
        if not numbered or lines.is_dump(parent.pos):
            continue
        frames = runins.frames_in(text, parent.title_end, numbered[0].pos, rules)
        if not frames:
            found = runins.candidates(
                text,
                parent.title_end,
                numbered[0].pos,
                rules,
                line_initial=True,
                set_apart=set_apart,
                stopless=_own_line(text, parent, lines),
            )
            apart = runins.keep_balanced([f for f in found if f.alone], numbered[0].pos, rules)
            frames = apart if len(apart) >= 2 else []
        level = [_runin_node(f, k, parent) for k, f in enumerate(frames, start=1)]
        parent.children[:0] = level
        added.extend(level)
    return added


def _add_topic_lines(text: str, nodes: list[Node], lines: _Lines, rules: StructureRules) -> list[Node]:
    """Unnumbered topic lines inside a numbered chapter: short lines of their own shaped
    like part lines (no stop, comma or figure), each followed by text, at least
    ``part_lines.min_count`` in the chapter (gov-report 1957 二、关于社会主义建设 → 关于教育改革
    问题 … 关于向科学进军; 1958 （一） → 先说工业战线上的情况 …). They are the chapter's
    sub-headings, like run-ins on lines of their own."""
    added: list[Node] = []
    for parent in [n for n in nodes if not n.children and n.kind not in (PARTLINE, RUNIN)]:
        if lines.is_dump(parent.pos) or not parent.line_start:
            continue
        first = lines.index(parent.pos) + 1
        last = lines.index(max(parent.pos, parent.end - 1))
        found = []
        for i in range(first, last + 1):
            s, e = lines.spans[i]
            line = text[s:e].strip(SPACES)
            if not line or not is_part_line(line, rules) or i + 1 > last:
                continue
            nxt = text[lines.spans[i + 1][0] : lines.spans[i + 1][1]]
            if any(ch in rules.stops for ch in nxt):
                found.append((s + len(text[s:e]) - len(text[s:e].lstrip(SPACES)), s + len(text[s:e].rstrip(SPACES))))
        if len(found) < rules.part_line_min_count:
            continue
        for k, (pos, end) in enumerate(found, start=1):
            node = Node(RUNIN, RUNIN, k, "", pos, pos, parent, boundary=LINE)
            node.title_end = end
            parent.children.append(node)
            added.append(node)
    return added


def _paragraphs_before(text: str, start: int, pos: int, rules: StructureRules) -> int:
    """How many paragraphs of ``[start, pos)`` begin before ``pos``, not counting those
    that open an enumeration item (一是…: they belong to the paragraph before)."""
    lines = text[start:pos].split("\n")[:-1]
    return sum(1 for line in lines if line.strip() and not rules.runin_item.match(line))


def _glued_runin(text: str, parent: Node, found, end: int, lines: _Lines, rules: StructureRules):
    """The first run-in of ``parent`` when its heading ran on into it without a stop
    (pingtan-gov-report 2017 （一）…进一步提升对台吸引力推动两岸标准互认。), cut where the
    heading phrase ends or, failing that, where a tail begins like a run-in of the block."""
    limit = min(found[0].pos if found else end, lines.end_of(parent.pos))
    stop = sentence_end(text, parent.head, limit, rules)
    if stop >= limit or text[stop] != "。":
        return None  # the heading has its own stop
    s = text[parent.head : stop]
    if parent.title_end < stop:
        cut = parent.title_end - parent.head  # the title was cut already: the rest may be a run-in
    else:
        cut = run_on_cut(s, rules)
        if cut is None:
            cut = runins.parallel_cut(s, [text[f.pos : f.title_end] for f in found], rules)
    if cut is None or not is_candidate(s[cut:], rules):
        return None
    parent.title_end = parent.head + cut
    return runins.RunIn(parent.head + cut, stop, 0)


# --------------------------------------------------------------------------- assemble


def parse_structure(
    text: str, doc_id: str, year: int | None = None, set_apart: frozenset[int] = frozenset()
) -> Structure:
    """Sections, tasks and per-paragraph structure of a normalised document; ``set_apart``
    holds the layout evidence of normalisation (the stops of sentences the source set on a
    line of their own: run-in headings)."""
    rules = load_rules()
    body = find_body(text, rules)
    lines = _Lines(text, body)
    tables = find_tables(text, year)
    cands = find_candidates(text, body, rules)
    if tables:
        in_table = TableRows(tables).in_table
        cands = [c for c in cands if not in_table(c.pos)]  # 1<TAB>地区生产总值…: a row's 序号
    part_lines = partlines_mod.find(text, body, lines.spans, lines.dump, cands, rules, year)
    nodes = _build_numbered(text, cands, body, lines, rules, part_lines)
    nodes = _without_enumerated_statements(text, nodes)
    closing = _closing_at(text, body, lines, rules)
    nodes = [n for n in nodes if n.pos < closing or n.kind == PARTLINE]
    if any(n.kind == PARTLINE and lines.index(n.pos) == lines.index(closing) for n in nodes):
        closing = body.end  # the closing line is a part heading of its own (结束语)
    for n in nodes:
        n.children = [c for c in n.children if c.pos < closing]
    _set_ends(nodes, closing)
    _set_titles(text, nodes, body, lines, rules)
    topics = _add_topic_lines(text, nodes, lines, rules)
    nodes = sorted(nodes + topics, key=lambda n: n.pos)
    runins = _add_runins(text, nodes, body, lines, rules, set_apart)
    nodes = sorted(nodes + runins, key=lambda n: n.pos)
    _set_ends(nodes, closing)
    for node in nodes:
        if not node.children and (node.parent is not None or node.heading != "paragraph"):
            brk = _task_break(text, node.title_end, node.end, rules)
            if brk is not None:
                node.end = brk
        node.end = _trim_end(text, node.pos, node.end)
    parts_mod.assign(text, nodes, body, rules, year)
    _distinct_keys(nodes)
    structure = _assemble(text, doc_id, nodes, body, lines, rules, year)
    if not tables:
        return structure
    return replace(structure, tables=tables, paragraphs=_headline_tables(text, structure, tables, rules))


def _headline_tables(text: str, structure: Structure, tables, rules: StructureRules) -> list[Paragraph]:
    """The paragraphs with the rows of an indicator table that states the plan's main
    targets marked ``headline``: a table right after the headline passage or a line naming
    them (…主要预期目标如下：, 主要指标如下：) or under a heading that names them
    (二、2024年主要目标, or a heading above that one)."""
    sections = {s.section_id: s for s in structure.sections}
    tasks = {t.task_id: t for t in structure.tasks}
    rows: set[int] = set()
    for table in tables:
        last = next((p for p in reversed(structure.paragraphs) if p.char_end <= table.char_start), None)
        lead = (
            last is not None
            and not text[last.char_end : table.char_start].strip()
            and (last.role == "headline" or _names_main_targets(text[last.char_start : last.char_end], rules))
        )
        owner = next((p for p in structure.paragraphs if p.char_start >= table.char_start), None)
        headings = []
        if owner is not None:
            task = tasks.get(owner.task_id or "")
            headings.append(task.title if task else "")
            section = sections.get(owner.section_id or "")
            while section is not None:
                headings.append(section.heading)
                section = sections.get(section.parent_id or "")
        if lead or any(rules.headline_table.search(h) for h in headings):
            rows.update(start for start, _ in table.rows)
    return [replace(p, role="headline") if p.char_start in rows else p for p in structure.paragraphs]


def _names_main_targets(lead: str, rules: StructureRules) -> bool:
    """Does ``lead`` end in a short sentence introducing the main targets (2024年主要指标如下：)?
    A paragraph mentioning them in passing (完成了全年主要目标任务，…。) does not."""
    last = SENTENCE_END.split(lead.strip().rstrip(SENTENCE_STOPS))[-1]
    return len(last) <= rules.heading_max_chars and rules.headline_table.search(last) is not None


def _without_enumerated_statements(text: str, nodes: list[Node]) -> list[Node]:
    """Drop 第一，…第二， items that are statements under an item whose siblings have no
    items: each opens with what it is about, not with a verb (gov-report 1984 一、 →
    第一，企业与国家的分配关系用法令的形式固定下来，…; 第二，企业将从…): they spell out that item,
    which is the task. Items that are verb phrases (1978 第一，全国动员，大办农业) stay."""
    dropped: set[int] = set()
    siblings: dict[int, list[Node]] = {}
    for n in nodes:
        siblings.setdefault(id(n.parent), []).append(n)
    for group in siblings.values():
        for n in group:
            if not n.children or any(m.children for m in group if m is not n):
                continue
            if all(c.kind == "di_cn" and _opens_with_its_topic(text, c) for c in n.children):
                dropped.update(id(c) for c in n.children)
                n.children = []
    return [n for n in nodes if id(n) not in dropped]


def _opens_with_its_topic(text: str, node: Node) -> bool:
    """Does the item open with a noun (what it is about) rather than a verb, an adverb or a
    modal?"""
    head = text[node.head : node.head + 12]
    tokens = tag(head)
    return bool(tokens) and tokens[0][1].startswith("n") and len(tokens[0][0]) > 1


def _distinct_keys(nodes: list[Node]) -> None:
    """Give each series of a heading's children its own ids: where a second numbered
    series sits beside the first with the same numbers (gov-report 1986 二、: （一）…（三）
    then 一、…五、), each node of the second takes a letter (2.1b … 2.5b), so every task
    and section id is unique; run-ins beside a numbered series take the letters."""
    siblings: dict[int, list[Node]] = {}
    for n in nodes:
        siblings.setdefault(id(n.parent), []).append(n)
    for group in siblings.values():
        keys = [n.key or str(n.number) for n in group]
        if len(set(keys)) == len(keys):
            continue
        # numbered series first: run-ins added beside them (topic frames before a chapter's
        # items, gov-report 2008 （三）) take the letters, so the items keep their ids
        series = sorted(dict.fromkeys(n.kind for n in group), key=lambda kind: kind == RUNIN)
        for n, key in zip(group, keys):
            k = series.index(n.kind)
            if k:
                n.key = key + "abcdefghijklmnopqrstuvwxyz"[min(k, 25)]


def _is_task(text: str, node: Node, tops: list[Node], lines: _Lines) -> bool:
    """A heading without sub-headings, except a top-level chapter (一、, or a heading on a
    line of its own) among chapters that have sub-headings: a report's short chapter
    written as paragraphs (gov-report 1981 （一）当前的经济形势) stays a section."""
    if node.children or (node.kind == PARTLINE and node.part == "other"):
        return False  # a closing part line (结束语) is no work item
    if node.parent is None and any(t.children for t in tops):
        if node.heading == "paragraph":
            return False
        if (
            node.line_start
            and not lines.is_dump(node.pos)
            and not text[node.title_end : lines.end_of(node.pos)].strip(" \t\u3000。；，：")
        ):
            return False
    return True


def _assemble(text, doc_id, nodes, body, lines, rules, year) -> Structure:
    tops = [n for n in nodes if n.parent is None]
    sections: list[Section] = []
    tasks: list[Task] = []
    ids: dict[int, str] = {}
    task_of: dict[int, str] = {}
    for node in nodes:
        path = node.path()
        title = "" if node.untitled else clean(text[node.head : node.title_end])
        part = "review" if node.part == "mixed" else node.part
        if _is_task(text, node, tops, lines):
            tid = f"{doc_id}/{path}"
            task_of[id(node)] = tid
            tasks.append(
                Task(
                    tid,
                    ids.get(id(node.parent)) if node.parent else None,
                    node.number,
                    title,
                    text[node.pos : node.end],
                    part,
                    node.pos,
                    node.end,
                )
            )
        else:
            sid = f"{doc_id}/s{path}"
            ids[id(node)] = sid
            sections.append(
                Section(
                    sid,
                    ids.get(id(node.parent)) if node.parent else None,
                    node.depth + 1,
                    node.label,
                    node.number,
                    title,
                    part,
                    node.pos,
                    node.end,
                )
            )
    paragraphs = parts_mod.paragraphs(text, nodes, ids, task_of, body, lines.spans, rules, year, lines.dump)
    return Structure(sections, tasks, paragraphs)
