"""Where a heading's title ends.

A title is the heading text up to its first sentence end (docs/annotation.md, "Titles
and headings"). Scraped pages often lost the stop, and the heading runs straight into
its text (pingtan-finance 2022 （一）统筹学习，加强政治思想教育以习近平新时代…); the title
then ends where the heading phrase ends: before a word that always opens text (一是,
2019年是, 各位代表), or where a clause that already has its verb and object meets the
next verb phrase (进一步提升对台吸引力|推动两岸标准互认, pingtan-gov-report 2017). In a
flattened task table the title is the task cell, which ends where the lead unit begins
(2.按月公开全省财政收支情况|省财政厅各设区市…) or at a space between cells. Sibling
headings written alike (X，Y) end alike: one that ran on ends after a second clause as
long as that of a sibling that ended clearly (:func:`parallel_ends`).
"""

from __future__ import annotations

import regex

from extractors.char_classes import CLAUSE_STOPS, COMMAS, SENTENCE_STOPS, char_class
from pipeline.structure.rules import StructureRules

# a comma or colon ends a too-long title; a sentence stop or colon makes a title no X，Y pair
_COMMA_OR_COLON = regex.compile(char_class(COMMAS + "：:"))
_STOP_OR_COLON = regex.compile(char_class(SENTENCE_STOPS + "：:"))
_CLAUSE_STOP = regex.compile(char_class(CLAUSE_STOPS))
_INK = regex.compile(r"\S")  # a character that is not whitespace

_OPEN, _CLOSE = "“‘《（(【「", "”’》）)】」"
_CLAUSE_END = "，,：:；;"
_TRIM = "。；，：,:;.！？!? \t\u3000"


def sentence_end(text: str, start: int, limit: int, rules: StructureRules) -> int:
    """Position of the first sentence stop (。！？；) after ``start``, or of a tab (a table's
    cell ends there: 1<TAB>推进学前教育普惠发展<TAB>市教育局), or ``limit``."""
    for i in range(start, limit):
        if text[i] in "。！？；!?;\t":
            return i
    return limit


def _depths(s: str) -> list[int]:
    """Quote/bracket depth before each character of ``s``."""
    out, depth = [], 0
    for ch in s:
        out.append(depth)
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
    return out


def strong_cut(s: str, rules: StructureRules, *, section: bool = False) -> int | None:
    """Before the first word that always opens text (一是, 2019年是, 各位代表).

    In a top-level heading such a word may belong to the heading when a part word
    follows it at once (2021年和过去五年工作回顾: not before 过去五年).
    """
    return _first_opener(s, rules.strong_opener, rules, section=section)


def text_cut(s: str, rules: StructureRules, *, section: bool = False) -> int | None:
    """Before the first word that opens the text after a heading that ran on into it on
    its line (今年是, 党的十四届三中全会, 在…进程中，): where the heading's sentence ends."""
    return _first_opener(s, rules.text_opener, rules, section=section)


def _first_opener(s: str, pattern: regex.Pattern, rules: StructureRules, *, section: bool) -> int | None:
    depth = _depths(s)
    for m in pattern.finditer(s):
        if m.start() < rules.min_clause or depth[m.start()]:
            continue
        if section and rules.part_word.match(s, m.end()) or section and rules.part_word.match(s, m.end() + 1):
            continue
        return m.start()
    return None


def run_on_cut(
    s: str, rules: StructureRules, *, bare_opener_from: int | None = None, limit: int | None = None
) -> int | None:
    """Where a heading phrase meets the next verb phrase, or None.

    A clause (text since the last comma) whose first verb has an object of at least
    ``min_object`` characters ends before the next opener: [adverbs]verb or a
    preposition (以, 把, 围绕). ``bare_opener_from``: also cut at the first opener from
    that position in a clause without a verb (a table cell that starts with a noun:
    政府工作部门取消…事项的公开|重点公开保留的…).
    """
    depth = _depths(s)
    clause_start, head_end, frame = 0, None, False
    i = 0
    stop = len(s) if limit is None else min(len(s), limit + 1)
    while i < stop:
        ch = s[i]
        if ch in _CLAUSE_END and not depth[i]:
            clause_start, head_end, frame = i + 1, None, False
            i += 1
            continue
        if frame and ch in rules.frame_ends:
            frame = False  # 持续在构建现代化产业体系上|再聚焦: the frame closes
        if depth[i] or ch in _OPEN or ch in _CLOSE:
            i += 1
            continue
        m = rules.opener.match(s, i)
        if m is None:
            i += 1
            continue
        if s[m.end() : m.end() + 1] == "的":  # 示范引领的创新之城: an attribute, not a new clause
            i = m.end()
            continue
        joined = (i > 0 and s[i - 1] in rules.conjunctions) or _rest_clause(s, i) < rules.min_rest_clause
        if (
            head_end is not None
            and i - head_end >= rules.min_object
            and i - clause_start >= rules.min_clause
            and not joined
        ):
            return i
        if (
            bare_opener_from is not None
            and head_end is None
            and i >= bare_opener_from
            and (m.group("adv") or m.group("advonly"))
            and i - clause_start >= rules.min_clause
            and not joined
        ):
            return i
        if m.group("prep") and head_end is None and i - clause_start >= rules.min_clause and not joined:
            return i  # 永葆对党忠诚|把党的政治建设…: a preposition opens the text
        after = s[m.end() : m.end() + 1]
        if m.group("advonly") and after in rules.frame_coverbs and rules.frame_ends.intersection(s[m.end() :]):
            frame = True  # 持续在…上: a verb inside the frame is not the clause's verb
        if head_end is None and not frame and not (m.group("advonly") and after in rules.coverbs):
            head_end = m.end()  # the clause's verb (加快建设: an adverb before a verb-noun counts;
            # 持续在…上, 持续让…: an adverb before a coverb does not)
        i = m.end()
    return None


def _rest_clause(s: str, i: int) -> int:
    """Length of the clause that would open the text after a cut at ``i``."""
    for j in range(i, len(s)):
        if s[j] in _CLAUSE_END:
            return j - i
    return len(s) - i


def _not_a_unit(prefix: str, rules: StructureRules) -> bool:
    """Is what stands before a later unit text of the task cell (省财政收支情况), rather than a
    unit of the list (省发改委|省财政厅, 区行政审批局、|区公共…) or a level (区|市场监管局)?"""
    return len(prefix) >= 2 and prefix[-1] not in "、，, " and not rules.table_units.fullmatch(prefix)


def table_cut(s: str, rules: StructureRules) -> int | None:
    """End of a task cell: the lead unit, the responsible units, a space, or a header row."""
    cuts = []
    m = rules.table_unit.search(s, 2)
    if m:
        # the unit that ends there, not a longer span from an earlier 省/市 of the task
        # cell (按月公开全省财政收支情况|省财政厅各设区市…: not 全|省财政收支情况省财政厅)
        start = m.start()
        while (
            (later := rules.table_unit.search(s, start + 1)) is not None
            and later.end() == m.end()
            and _not_a_unit(s[start : later.start()], rules)
        ):
            start = later.start()
        cuts.append(start)
    m = rules.table_responsible.search(s, 2)
    if m:
        cuts.append(m.start())
    m = regex.search(r"[ \t\u3000]", s.strip())
    if m:
        lead = len(s) - len(s.lstrip())
        if m.start() + lead >= 2:
            cuts.append(m.start() + lead)
    m = rules.table_header.search(s, 2)
    if m:
        cuts.append(m.start())
    return min(cuts) if cuts else None


def title_break_cut(s: str, rules: StructureRules) -> int | None:
    """Before a governing verb + 《 the source ran the title on into (大连 2018 item 17)."""
    m = rules.title_break.search(s)
    return m.start() if m and m.start() >= 4 else None


def clean(s: str) -> str:
    """A title without its final punctuation and surrounding spaces."""
    return s.strip(" \t\u3000").rstrip(_TRIM).strip(" \t\u3000")


def old_style_title(first: str, rules: StructureRules) -> str:
    """The title of a heading on its own line (the seed corpus): its first sentence, cut
    before a verb + 《, or at its first comma when longer than ``title_max_chars``."""
    first = first.strip().rstrip("，,：:")
    cut = title_break_cut(first, rules)
    if cut is not None:
        first = first[:cut]
    if len(first) > rules.title_max_chars:
        comma = _COMMA_OR_COLON.search(first)
        if comma and comma.start() >= 4:
            first = first[: comma.start()]
    return first.strip()


def part_word_floor(s: str, rules: StructureRules) -> tuple[int, int]:
    """Start and end of the last part word (回顾, 工作安排, 工作) within a title's reach."""
    hits = [(m.start(), m.end()) for m in rules.part_word.finditer(s[: rules.title_max_chars])]
    return hits[-1] if hits else (0, 0)


def heading_end(
    text: str,
    start: int,
    limit: int,
    rules: StructureRules,
    *,
    table: bool = False,
    force: bool = False,
    section: bool = False,
) -> int:
    """End of the title that starts at ``start`` (the heading text after its marker).

    ``limit``: the next heading or the end of the line. ``table``: a row of a flattened
    task table. ``force``: look for a run-on end even in a short first sentence (its
    sibling headings run on, or it is glued to a run-in sub-heading). ``section``: a
    top-level heading (一、) of a page dump, which names its part: it does not end
    before its part word (2021年和过去五年工作回顾|2021年是) and ends after it when the
    text runs on (做成2021年工作|艰难方显勇毅).
    """
    while start < limit and text[start] in " \t\u3000":
        start += 1
    stop = sentence_end(text, start, limit, rules)
    s = text[start:stop]
    cut = strong_cut(s, rules, section=section)  # 2016年暨五年来的工作回顾|过去一年，…
    if cut is not None:
        return start + cut
    if stop < limit and _INK.search(text, stop + 1, limit):
        # text follows on the heading's line: its first sentence may hold the heading and
        # the text's first words (…的体制机制|今年是…)
        cut = text_cut(s, rules, section=section)
        if cut is not None:
            stop, s = start + cut, s[:cut]
            force = True  # and a verb phrase before it may open the text too (…建设|按照…)
    floor = part_word_floor(s, rules)[1] if section else 0
    if floor and stop < limit:  # text follows the heading: it may have run on into it
        if floor < len(s) and rules.opener.match(s, floor):
            return start + floor  # 2023年工作思路|认真学习宣传贯彻…: a verb phrase opens the text
        run_on = run_on_cut(s, rules, limit=rules.title_max_chars)
        if run_on is not None and run_on >= floor:
            return start + run_on
        if floor < len(s) and s[floor] not in _CLAUSE_END and not regex.match(r"[\p{Han}]{0,3}[，,]", s[floor:]):
            return start + floor
    if table:
        cut = table_cut(s, rules)
        if cut is not None:
            return start + cut
        if stop < limit:  # a requirement sentence follows the task cell
            cut = run_on_cut(s, rules, bare_opener_from=6)
            if cut is not None:
                return start + cut
        return stop
    cut = title_break_cut(s, rules)
    if cut is not None:
        s = s[:cut]
    if force or len(s) > rules.title_max_chars:
        run_on = run_on_cut(s, rules, limit=rules.title_max_chars)
        if run_on is not None:
            return start + run_on
    if len(s) > rules.title_max_chars:
        comma = _COMMA_OR_COLON.search(s)
        if comma and comma.start() >= 4:
            return start + comma.start()
    return start + len(s)


def _two_clauses(title: str) -> tuple[int, int] | None:
    """(first clause, second clause) lengths of a title written X，Y, else None."""
    depth = _depths(title)
    commas = [i for i, ch in enumerate(title) if ch in COMMAS and not depth[i]]
    if len(commas) != 1 or _STOP_OR_COLON.search(title):
        return None
    return commas[0], len(title) - commas[0] - 1


def parallel_ends(heads: list[str], ends: list[int], rules: StructureRules) -> list[int]:
    """Title ends of sibling headings re-read by their parallel wording.

    ``heads``: each heading's text from its start to its limit (no stop needed);
    ``ends``: where each title ends so far (offsets into ``heads``). Sibling headings are
    written alike: X，Y with the same lengths (pingtan-gov-report 2023 review: 培优产业调结构，
    经济运行增添活力 … 净化生态转作风，政府效能不断提升). Where one of them ended clearly
    (its own stop, or a cut before the text: 注入内涵提品质，文旅发展闯出新路|围绕打造…), a
    sibling with the same first clause that ran on into its text without a stop ends
    after a second clause of that length: one cut at its first comma (a long first
    sentence: 综合施策|，经济发展态势良好坚持…) ends there, moved by one character to a verb
    that opens the text (国际旅游岛加快建设|突出…); one that swallowed more clauses
    (统筹推进，城乡面貌不断改善坚持城乡一体发展，完善配套，…) ends there only where such a verb
    confirms it.
    """
    shapes: dict[int, list[int]] = {}
    for s, e in zip(heads, ends):
        shape = _two_clauses(clean(s[:e]))
        if shape and rules.min_clause <= shape[1] <= rules.title_max_chars // 3:
            shapes.setdefault(shape[0], []).append(shape[1])
    out = list(ends)
    for k, (s, e) in enumerate(zip(heads, ends)):
        title = clean(s[:e])
        comma = next((i for i, ch in enumerate(s) if ch in "，,"), None)
        if comma is None or e < comma or comma not in shapes:
            continue
        if _two_clauses(title):
            continue  # its own X，Y: evidence, not a target
        at_comma = e == comma
        many = title.count("，") + title.count(",") >= 2
        if not (at_comma or many):
            continue
        lengths = shapes[comma]
        second = max(set(lengths), key=lambda n: (lengths.count(n), -n))
        cut = comma + 1 + second
        if _CLAUSE_STOP.search(s, comma + 1, cut + 1):
            continue  # the second clause is shorter: not this shape
        near = [p for p in (cut, cut + 1, cut - 1) if p < len(s) and _opens_text(s, p, rules)]
        if near:
            out[k] = near[0]
        elif at_comma:
            out[k] = cut
    return out


def _opens_text(s: str, i: int, rules: StructureRules) -> bool:
    return s[i] in " \t\u3000" or rules.opener.match(s, i) is not None or rules.strong_opener.match(s, i) is not None
