"""Document structure: numbered sections and tasks, and the part (plan/review/other) of each paragraph.

Numbered headings are recognised by the markers in ``pipeline/data/structure.yaml``.
A heading is accepted only if it continues the numbering of its level (一 after nothing,
二 after 一 …) or opens a new nested level at 1: this drops enumerations inside running
text (the 1955 report lists 一、二、 inside a section). Nodes with numbered children are
sections; childless nodes below the top level (or of an item kind such as ``1.``) are
tasks — the lowest numbered level the document uses (ANNOTATION.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import regex

from extractors.datafiles import read_yaml
from extractors.errors import DataFileError
from extractors.numerals import parse_number

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "structure.yaml"
_ITEM_KINDS = {"arabic", "arabic_paren", "di_cn"}
_SENTENCE_STOP = regex.compile(r"[。！？；!?;]")


@dataclass(frozen=True, slots=True)
class Section:
    """A row of ``sections``."""

    section_id: str
    parent_id: str | None
    level: int
    label: str
    number: int
    heading: str
    part: str
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class Task:
    """A row of ``tasks``; ``text`` is ``documents.text[char_start:char_end]``."""

    task_id: str
    section_id: str | None
    number: int
    title: str
    text: str
    part: str
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One line of the normalised text with where it stands in the structure."""

    char_start: int
    char_end: int
    section_id: str | None
    task_id: str | None
    part: str


@dataclass(frozen=True, slots=True)
class Structure:
    sections: list[Section]
    tasks: list[Task]
    paragraphs: list[Paragraph]


@dataclass(frozen=True, slots=True)
class StructureRules:
    markers: tuple[tuple[str, str, bool, regex.Pattern], ...]
    heading_max_chars: int
    title_max_chars: int
    review_cues: tuple[str, ...]
    plan_cues: tuple[str, ...]
    closing_headings: frozenset[str]
    mixed_switch_window: int
    plan_openers: tuple[str, ...]
    task_breaks: tuple[str, ...]


@cache
def load_rules(path: Path = DATA_FILE) -> StructureRules:
    data = read_yaml(path)
    try:
        markers = tuple(
            (m["kind"], m["heading"], bool(m.get("ends_with_stop", True)), regex.compile(m["pattern"]))
            for m in data["markers"])
        for kind, heading, _, pat in markers:
            if "n" not in pat.groupindex:
                raise DataFileError(str(path), f"marker {kind}: pattern has no group 'n'")
            if heading not in ("paragraph", "sentence"):
                raise DataFileError(str(path), f"marker {kind}: heading must be paragraph or sentence, not {heading!r}")
        return StructureRules(
            markers=markers,
            heading_max_chars=int(data["heading_max_chars"]),
            title_max_chars=int(data["title_max_chars"]),
            review_cues=tuple(data["review_cues"]),
            plan_cues=tuple(data["plan_cues"]),
            closing_headings=frozenset(data["closing_headings"]),
            mixed_switch_window=int(data["mixed_switch_window"]),
            plan_openers=tuple(data["plan_openers"]),
            task_breaks=tuple(data["task_breaks"]),
        )
    except DataFileError:
        raise
    except (KeyError, TypeError, ValueError, regex.error) as exc:
        raise DataFileError(str(path), f"invalid structure rules: {exc}") from exc


def chinese_ordinal(s: str) -> int | None:
    """一…九十九 (or Arabic digits) as used in heading numbers; None for anything else."""
    n = parse_number(s)
    return int(n) if n is not None and n == n.to_integral_value() and 0 < n < 100 else None


@cache
def _title_break():
    """Governing verbs that end a title the source ran on into (大连 item 17: …资源出台《…》)."""
    from extractors.policy_refs import action_adverbs, action_verbs

    verbs = "|".join(regex.escape(v) for v in action_verbs())
    adverbs = "|".join(regex.escape(a) for a in action_adverbs())
    return regex.compile(f"(?:{adverbs})*(?:{verbs})《" if adverbs else f"(?:{verbs})《")


def _title(body: str, rules: StructureRules) -> str:
    m = _SENTENCE_STOP.search(body)
    first = body[: m.start()] if m else body
    first = first.strip().rstrip("，,：:")
    brk = _title_break()
    if brk is not None:
        hit = brk.search(first)
        if hit and hit.start() >= 4:
            first = first[: hit.start()]
    if len(first) > rules.title_max_chars:
        cut = regex.search(r"[，,：:]", first)
        if cut and cut.start() >= 4:
            first = first[: cut.start()]
    return first.strip()


@dataclass
class _Node:
    kind: str
    number: int
    label: str
    start: int  # paragraph index
    char_start: int
    body: str
    parent: "_Node | None"
    children: list["_Node"] = field(default_factory=list)
    end_par: int = -1
    char_end: int = -1


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def parse_structure(text: str, doc_id: str, year: int | None = None) -> Structure:
    """Sections, tasks and per-paragraph structure of a normalised document."""
    rules = load_rules()
    spans = _paragraph_spans(text)
    roots: list[_Node] = []
    stack: list[_Node] = []
    closing_at = len(spans)
    last_of_kind: dict[str, int] = {}
    for i, (s, e) in enumerate(spans):
        para = text[s:e]
        if para.strip() in rules.closing_headings:
            closing_at = i
            break
        hit = _match_marker(para, rules)
        if hit is None:
            continue
        kind, number, label, body_offset = hit
        level = next((j for j, n in enumerate(stack) if n.kind == kind), None)
        if level is not None:
            if number != stack[level].number + 1:
                continue
            parent = stack[level].parent
            del stack[level:]
        elif number == 1 or number == last_of_kind.get(kind, -1) + 1:
            # a new nested level, or item numbering that runs on across sections (大连 1.–31.)
            parent = stack[-1] if stack else None
        else:
            continue
        last_of_kind[kind] = number
        node = _Node(kind, number, label, i, s, para[body_offset:], parent)
        (parent.children if parent else roots).append(node)
        stack.append(node)

    nodes = list(_walk(roots))
    ordered = sorted(nodes, key=lambda n: n.start)
    # a node ends where the next node at its depth or above begins (or the closing part)
    for node in ordered:
        depth = _depth(node)
        nxt = next((m.start for m in ordered if m.start > node.start and _depth(m) <= depth), closing_at)
        if not node.children and node.parent is not None:
            nxt = next((i for i in range(node.start + 1, nxt)
                        if text[spans[i][0]:spans[i][1]].startswith(rules.task_breaks)), nxt)
        node.end_par = nxt
        last = nxt - 1
        while last > node.start and not text[spans[last][0]:spans[last][1]].strip():
            last -= 1
        node.char_end = spans[last][1]

    sections: list[Section] = []
    tasks: list[Task] = []
    section_ids: dict[int, str] = {}
    part_of: dict[int, str] = {}
    for node in ordered:
        path = _path(node)
        is_task = not node.children and (node.parent is not None or node.kind in _ITEM_KINDS)
        part = _part(node, rules, year, part_of)
        part_of[id(node)] = part
        if is_task:
            parent_sid = section_ids.get(id(node.parent)) if node.parent else None
            tasks.append(Task(
                task_id=f"{doc_id}/{path}", section_id=parent_sid, number=node.number,
                title=_title(node.body, rules), text=text[node.char_start:node.char_end],
                part=part, char_start=node.char_start, char_end=node.char_end,
            ))
        else:
            sid = f"{doc_id}/s{path}"
            section_ids[id(node)] = sid
            sections.append(Section(
                section_id=sid,
                parent_id=section_ids.get(id(node.parent)) if node.parent else None,
                level=_depth(node) + 1, label=node.label, number=node.number,
                # a mixed section (回顾 and 基本方针) reports mostly what was done; its
                # paragraphs are split into review then plan below
                heading=node.body.strip().rstrip("。"), part="review" if part == "mixed" else part,
                char_start=node.char_start, char_end=node.char_end,
            ))

    paragraphs = _paragraph_parts(text, spans, ordered, section_ids, tasks, part_of, rules, year)
    return Structure(sections, tasks, paragraphs)


def _match_marker(para: str, rules: StructureRules):
    for kind, heading, stop_ok, pat in rules.markers:
        m = pat.match(para)
        if not m:
            continue
        number = chinese_ordinal(m.group("n"))
        if number is None or number == 0:
            return None
        body = para[m.end():]
        if heading == "paragraph":
            length = len(body.strip())
        else:
            stop = _SENTENCE_STOP.search(body)
            length = stop.start() if stop else len(body)
        if length > rules.heading_max_chars or (not stop_ok and body.rstrip().endswith("。")):
            return None
        label = m.group("n") if kind == "cn_dun" else m.group(0).rstrip("，、,：:.． ")
        return kind, number, label, m.end()
    return None


def _walk(nodes):
    for n in nodes:
        yield n
        yield from _walk(n.children)


def _depth(node: _Node) -> int:
    d = 0
    while node.parent is not None:
        node = node.parent
        d += 1
    return d


def _path(node: _Node) -> str:
    parts = []
    while node is not None:
        parts.append(str(node.number))
        node = node.parent
    return ".".join(reversed(parts))


def _heading_part(heading: str, rules: StructureRules, year: int | None) -> str | None:
    review = any(c in heading for c in rules.review_cues)
    plan = any(c in heading for c in rules.plan_cues)
    if year is not None:
        years = [int(y) for y in regex.findall(r"(?<!\d)(19\d\d|20\d\d)(?!\d)", heading)]
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


def _part(node: _Node, rules, year, part_of) -> str:
    if node.parent is not None:
        inherited = part_of.get(id(node.parent), "plan")
        return "review" if inherited == "mixed" else inherited
    return _heading_part(node.body, rules, year) or "plan"


def _paragraph_parts(text, spans, ordered, section_ids, tasks, part_of, rules, year):
    task_by_start = {t.char_start: t for t in tasks}
    out: list[Paragraph] = []
    # innermost node containing each paragraph
    owner: list[_Node | None] = [None] * len(spans)
    for node in ordered:  # parents come before children, so children overwrite
        for i in range(node.start, node.end_par):
            owner[i] = node
    mixed_switched: dict[int, bool] = {}
    for i, (s, e) in enumerate(spans):
        if s == e:
            continue
        node = owner[i]
        if node is None:
            out.append(Paragraph(s, e, None, None, "other"))
            continue
        task = task_by_start.get(node.char_start) if not node.children else None
        sec_node = node.parent if task is not None else node
        section_id = section_ids.get(id(sec_node)) if sec_node is not None else None
        top = node
        while top.parent is not None:
            top = top.parent
        part = part_of.get(id(node), "plan")
        if part_of.get(id(top)) == "mixed":
            # review until a paragraph opens with the plan year, 今年 …
            opener = text[s:e][: rules.mixed_switch_window]
            openers = [o.replace("{year}", str(year)) for o in rules.plan_openers
                       if year is not None or "{year}" not in o]
            if not mixed_switched.get(id(top)) and i > top.start and any(o in opener for o in openers):
                mixed_switched[id(top)] = True
            part = "plan" if mixed_switched.get(id(top)) else "review"
        out.append(Paragraph(s, e, section_id, task.task_id if task else None, part))
    return out
