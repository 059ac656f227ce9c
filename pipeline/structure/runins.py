"""Unnumbered run-in headings: a short first sentence that opens each block of a level.

pingtan-gov-report 2018 writes its tasks as 加快发展优势特色产业。一是…; gov-report 2015
opens the paragraphs of its chapters with 加大简政放权、放管结合改革力度。 Such a
sentence is a heading only where the document uses them consistently (docs/annotation.md):

- it is short, without figures, not a statement (…是…, …要…), not an enumeration item
  (一是…, ——…) and not inside one (followed by 二是 rather than 一是);
- a plain one (no comma, at most ``plain_max_chars``) counts by itself; a longer one only
  when it is parallel to another (秉持…，在…上力求新突破 / 对标…，在…上力求新突破: the same
  start, end, or punctuation skeleton);
- the first opens the block: it is one of the first ``first_within`` sentences after the
  heading (after at most an introduction);
- each opens a block of comparable size (a stray short sentence does not), and there are
  at least ``min_count`` of them;
- the template is the first candidate that gathers such a level (the leftover of a heading
  that ran on into its text, 对政府工作|提出了新的更高要求。, gathers none);
- candidates written alike (the same opening of ``family_prefix`` characters, or the same
  opening and punctuation skeleton: 深化打造音乐艺术欢乐岛 / 深化打造品牌赛事活力岛 /
  深化打造旅游体验舒心岛) are a family: a family of at least ``family_min_count`` with the
  template is the level by itself (another short sentence among them is text), and may
  open right after an announcement (…将重点做好以下工作：坚持转型升级，…) however long the
  introduction before it;
- candidates the source set apart on a line of their own (the layout evidence of
  normalisation: gov-report 1993–2002) are the level by themselves when there are at least
  ``min_count`` of them, whatever their length or shape.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from statistics import median

import regex

from extractors.char_classes import CLOSING, OPENING_QUOTES, ROUND_BRACKETS
from pipeline.structure.rules import StructureRules

_SENTENCE_END = "。！？!?"
# a heading laid out without a stop ends in a word (a Han character, a closing quote or
# bracket), and the text below it opens a sentence (not a mark or a unit going on from it)
_ENDS_A_HEADING = regex.compile(r"[\p{Han}" + regex.escape(CLOSING) + r"]$")
_OPENS_TEXT = regex.compile(r"[\p{Han}0-9A-Za-z" + regex.escape(OPENING_QUOTES + "".join(ROUND_BRACKETS) + "《") + r"]")
_DIGIT = regex.compile(r"[0-9%％]|百分之")
_PUNCT = regex.compile(r"[，,、]")
_COMMA = regex.compile(r"[，,]")
_QUOTED = regex.compile(r"“[^”]*”")  # 以“20字方针”引领乡村振兴: figures in a quoted name


@dataclass(frozen=True, slots=True)
class RunIn:
    pos: int  # start of the heading sentence
    title_end: int  # before its stop
    index: int  # how many sentences of the block come before it
    announced: bool = False  # right after an announcement (…以下工作：)
    alone: bool = False  # the source set it on a line of its own over its text


def is_candidate(sentence: str, rules: StructureRules, alone: bool = False, line: bool = False) -> bool:
    """Could ``sentence`` (without its stop) be a run-in heading? One the source set apart
    (``alone``) is, whatever its shape and though it opens with a time, unless it is an
    enumeration item (一是…) or longer than a title — or, a whole ``line`` without a stop,
    longer than a heading line."""
    s = sentence.strip(" \t\u3000")
    if alone:  # up to a title's length (title_max_chars): a longer sentence is no title
        longest = rules.heading_max_chars if line else rules.title_max_chars
        return rules.runin_min_chars <= len(s) <= longest and not rules.runin_not_start_apart.match(s)
    if not rules.runin_min_chars <= len(s) <= rules.runin_max_chars:
        return False
    if _DIGIT.search(_QUOTED.sub("", s)) or any(c in s for c in "：:；;《"):
        return False
    if rules.runin_not_start.match(s) or rules.runin_statement.search(s):
        return False
    return True


def is_plain(sentence: str, rules: StructureRules) -> bool:
    """Short and without a comma (加大简政放权、放管结合改革力度 is plain)."""
    return len(sentence) <= rules.runin_plain_max_chars and not _COMMA.search(sentence)


def sentence_starts(
    text: str, start: int, end: int, *, line_initial: bool, breaks: frozenset[int] = frozenset()
) -> list[int]:
    """Where sentences start in ``[start, end)`` (only at line starts if ``line_initial``);
    ``breaks``: positions of stops that also end a sentence (the colon of …以下工作：)."""
    starts = []
    pos = start
    while pos < end:
        while pos < end and text[pos] in " \t\u3000\n":
            pos += 1
        if pos >= end:
            break
        if not line_initial or pos == 0 or text[pos - 1] == "\n":
            starts.append(pos)
        if line_initial:
            nl = text.find("\n", pos, end)
            pos = end if nl < 0 else nl + 1
            continue
        nxt = pos
        while nxt < end and text[nxt] not in _SENTENCE_END and text[nxt] != "\n" and nxt not in breaks:
            nxt += 1
        pos = nxt + 1
    return starts


def _text_below(text: str, start: int, end: int) -> bool:
    """Does the line at ``start`` hold text: a sentence that opens there (no mark or unit
    continuing the line above: …国家外汇储备由194亿美元增加到1399 / 亿美元，… is one sentence a
    PDF's line broke) and ends on it (as under a topic line)?"""
    nl = text.find("\n", start, end)
    line = text[start : end if nl < 0 else nl].lstrip(" \t\u3000")
    return bool(_OPENS_TEXT.match(line)) and any(ch in _SENTENCE_END for ch in line)


def first_sentence(text: str, pos: int, end: int, *, stopless: bool = False) -> tuple[int, str, bool] | None:
    """End (exclusive, before the stop) and text of the sentence at ``pos``, if it ends in 。,
    and whether its line is laid out as a heading: with ``stopless``, a line without any
    stop that ends in a word (not a figure a broken line left: 本届政府从1993 年3) while text
    follows it is one, the whole line its title (gov-report 2003 一、 五年来，国民经济保持良好
    发展势头，经济结构战略性调整迈出重要步伐 on a line of its own, its text below)."""
    i = pos
    while i < end and text[i] not in _SENTENCE_END and text[i] != "\n":
        i += 1
    if stopless and i < end and text[i] == "\n":
        line = text[pos:i].rstrip(" \t\u3000")
        if _ENDS_A_HEADING.search(line) and _text_below(text, i + 1, end):
            return pos + len(line), line, True
    if i >= end or text[i] != "。":
        return None
    return i, text[pos:i], False


def candidates(
    text: str,
    start: int,
    end: int,
    rules: StructureRules,
    *,
    line_initial: bool,
    set_apart: frozenset[int] = frozenset(),
    stopless: bool = False,
) -> list[RunIn]:
    """Sentences of ``[start, end)`` that could be run-in headings; ``set_apart``: the stops
    of sentences the source set on a line of their own (normalise_with_layout); with
    ``stopless`` (line-initial only), also lines without a stop over their text, set apart
    by their layout."""
    found = []
    breaks = frozenset() if line_initial else announcements(text, start, end, rules)
    for index, pos in enumerate(sentence_starts(text, start, end, line_initial=line_initial, breaks=breaks)):
        hit = first_sentence(text, pos, end, stopless=stopless and line_initial)
        if hit is None:
            continue
        stop, sentence, line = hit
        alone = stop in set_apart or line
        # 加强水利建设是一项迫切任务。 set apart over its text: a statement, laid out as a heading
        if not is_candidate(sentence, rules, alone=alone, line=line):
            continue
        if line and len(sentence) > rules.title_max_chars and (comma := _COMMA.search(sentence)):
            stop = pos + comma.start()  # a heading line too long for a title: up to its first comma
        found.append(RunIn(pos, stop, index, announced=pos - 1 in breaks, alone=alone))
    return [f for f in found if not _inside_enumeration(text, start, f, end, rules)]


def announcements(text: str, start: int, end: int, rules: StructureRules) -> frozenset[int]:
    """Positions of the colons that end an announcement of what follows (…以下工作：)."""
    return frozenset(m.end() - 1 for m in rules.runin_announcement.finditer(text, start, end))


def _inside_enumeration(text: str, start: int, f: RunIn, until: int, rules: StructureRules) -> bool:
    """A short sentence between two items of an enumeration of measures sits inside it
    (pingtan-finance 2022: 一是…。加大产业奖补力度…。二是…), not above one: an item opened
    before it in the block and the next one, not a new 一是, follows. Items of a later
    paragraph alone are no evidence (gov-report 1995 二、: 保持适当的经济增长速度。… is a
    run-in, 二是…十是 come in the third run-in's paragraph)."""
    if rules.enumeration.search(text, start, f.pos) is None:
        return False
    m = rules.enumeration.search(text, f.title_end, until)
    return m is not None and m.group(0)[0] != "一"


def _skeleton(s: str) -> tuple[str, ...]:
    return tuple(m.group(0).replace(",", "，") for m in _PUNCT.finditer(s))


def _clauses(s: str) -> list[str]:
    return [c for c in _PUNCT.split(s) if c]


def _parallel(a: str, b: str) -> bool:
    """The same start or end (坚持…，强化… / …，在…上力求新突破), or the same punctuation
    at the same places (持之以恒调结构、稳增长，… / 全面系统优生态、美环境，…), or the
    same skeleton with clauses that open alike (…，加快构建… / …，加快打造…)."""
    if a[:2] == b[:2] or a[-2:] == b[-2:]:
        return True
    sa, sb = _skeleton(a), _skeleton(b)
    if not sa or sa != sb:
        return False
    pa = [m.start() for m in _PUNCT.finditer(a)]
    pb = [m.start() for m in _PUNCT.finditer(b)]
    if len(sa) >= 2 and all(abs(x - y) <= 1 for x, y in zip(pa, pb)):
        return True
    return any(x[:2] == y[:2] for x, y in zip(_clauses(a)[1:], _clauses(b)[1:]))


def alike(a: str, b: str, rules: StructureRules) -> bool:
    """Written alike: the same opening of ``family_prefix`` characters (深化打造…岛 /
    深化打造…岛), or the same two-character opening and punctuation skeleton
    (坚持转型升级，促项目、强产业，… / 坚持振兴乡村，增活力、赋新能，…)."""
    p = rules.runin_family_prefix
    if len(a) > p and len(b) > p and a[:p] == b[:p]:
        return True
    return a[:2] == b[:2] and bool(_skeleton(a)) and _skeleton(a) == _skeleton(b)


def select(
    text: str,
    found: list[RunIn],
    end: int,
    rules: StructureRules,
    *,
    line_initial: bool = False,
    chapter: bool = False,
    any_start: bool = False,
) -> list[RunIn]:
    """The run-in headings of one block among its candidates, or [] (see module doc).

    The first candidate that opens a level sets the template: the others must be of its
    kind (plain or not) and, in a page dump, of comparable length — or, where enough
    candidates are written alike with it, they alone. Where every candidate opens a
    paragraph (gov-report 2015), the paragraphs are the blocks. In a report's numbered
    chapter (``chapter``) and where candidates open paragraphs (``line_initial``: 1992 二、
    继续下大力气抓农业，争取农村经济更快发展。) two verb phrases with the same punctuation are
    parallel (推进国有企业改革，完善所有制结构。 / 加快金融体制改革，加强金融监管。), and under a
    chapter heading on its own line (``any_start``) the first run-in may follow an
    introduction of any length (:func:`chapter_level` then asks for verb phrases).
    """
    titles = {f.pos: text[f.pos : f.title_end] for f in found}

    def plain(f: RunIn) -> bool:
        t = titles[f.pos]
        # in a chapter, 毫不松懈地加强节能减排和生态环保工作 is of a kind with 大力推进科技创新
        return is_plain(t, rules) or (chapter and bool(rules.runin_adverbial.match(t)) and not _COMMA.search(t))

    def verbal(f: RunIn) -> bool:
        return bool(rules.opener.match(text, f.pos, f.title_end))

    def parallel(f: RunIn, g: RunIn) -> bool:
        a, b = titles[f.pos], titles[g.pos]
        if _parallel(a, b):
            return True
        if not chapter and not line_initial:
            return False
        if rules.runin_adverbial.match(a) and rules.runin_adverbial.match(b):
            return True  # 毫不放松地加强… / 坚定不移地推进…
        return bool(_skeleton(a)) and _skeleton(a) == _skeleton(b) and verbal(f) and verbal(g)

    apart = [f for f in found if f.alone]
    if len(apart) >= rules.runin_min_count:
        # headings the source set apart on lines of their own (gov-report 1993–2002, where
        # Wikisource keeps the bold run-in as its paragraph's first line) are the level
        level = keep_balanced(apart, end, rules)
        if level:
            return level
    kept = [f for f in found if plain(f) or any(g is not f and parallel(f, g) for g in found)]
    for template in kept:
        if template.index >= rules.runin_first_within and not template.announced and not any_start:
            break
        level = _level(template, kept, titles, end, rules, line_initial=line_initial, plain=plain, any_start=any_start)
        if level:
            return level
    return []


def _level(
    template: RunIn,
    kept: list[RunIn],
    titles: dict[int, str],
    end: int,
    rules: StructureRules,
    *,
    line_initial: bool,
    plain: Callable[[RunIn], bool],
    any_start: bool = False,
) -> list[RunIn]:
    """The level of run-ins that ``template`` opens among ``kept``, or []."""
    first = titles[template.pos]
    later = [f for f in kept if f.pos > template.pos]
    family = [f for f in later if alike(first, titles[f.pos], rules)]
    if len(family) + 1 >= rules.runin_family_min_count:
        members = [template, *family]
    elif template.index >= rules.runin_first_within and not any_start:
        return []  # only a family may open after an announcement and a long introduction
    else:
        kind = plain(template)
        ratio = rules.runin_length_ratio

        def of_kind(f: RunIn) -> bool:
            if plain(f) == kind:
                return True
            # paragraphs: a phrase without a comma a little over the plain length is of a
            # plain level (坚决执行计划生育和环境保护的基本国策。 after 继续扩大对外开放。)
            t = titles[f.pos]
            if line_initial and kind and rules.opener.match(first) and _two_verb_phrases(t, rules):
                return True  # 加强社会管理，维护社会和谐安定。 among 加强民主法制建设。 …
            return line_initial and kind and not _COMMA.search(t) and len(t) <= rules.runin_plain_max_chars * ratio

        members = [template] + [
            f
            for f in later
            if of_kind(f) and (line_initial or len(first) / ratio <= len(titles[f.pos]) <= len(first) * ratio)
        ]
    if not line_initial:
        # a candidate right after another is that one's first sentence of text, not a
        # heading (建设台胞宜居宜业首选地。推动对台海上客运直航尽快复航。…, pingtan-gov-report 2024)
        members = [f for k, f in enumerate(members) if k == 0 or f.index != members[k - 1].index + 1]
    members = keep_balanced(members, end, rules)
    if not members or (members[0].index >= rules.runin_first_within and not members[0].announced and not any_start):
        return []
    return members


def parallel_cut(s: str, titles: list[str], rules: StructureRules) -> int | None:
    """Where a heading that ran on into its first run-in without a stop ends, judged by
    the run-ins of its block: the earliest tail of its last clause (at least
    ``min_clause`` in) that is a plain candidate opening like a plain run-in of the block
    (…，加快构建现代产业体系|发展数字产业 … 发展生产性服务业。), or None."""
    plain = {t[:2] for t in titles if is_plain(t, rules)}
    clause = max((m.end() for m in _PUNCT.finditer(s)), default=0)
    for i in range(clause + rules.min_clause, len(s) - rules.runin_min_chars + 1):
        tail = s[i:]
        if tail[:2] in plain and is_candidate(tail, rules) and is_plain(tail, rules):
            return i
    return None


def keep_balanced(found: list[RunIn], end: int, rules: StructureRules) -> list[RunIn]:
    """Drop candidates whose block is much shorter than the others' (a stray short
    sentence is not a heading), then require ``min_count`` of them."""
    found = sorted(found, key=lambda f: f.pos)
    while len(found) >= rules.runin_min_count:
        blocks = [(b.pos if b else end) - a.pos for a, b in zip(found, found[1:] + [None])]
        med = median(blocks)
        worst = min(range(len(found)), key=lambda i: blocks[i])
        own = found[worst].title_end - found[worst].pos + 1
        if blocks[worst] >= rules.runin_min_block_ratio * med and blocks[worst] > own:
            break
        del found[worst]
    return found if len(found) >= rules.runin_min_count else []


def chapter_level(text: str, found: list[RunIn], end: int, rules: StructureRules) -> list[RunIn]:
    """The run-ins of a numbered chapter written as paragraphs (gov-report 2008 （二）
    全面深化农村改革。… 坚持完善基本经济制度。…), or [] (see the runin keys of structure.yaml):

    - a first paragraph that opens with a statement (中国的发展离不开世界。) where the
      others open with a verb is the chapter's introduction, not a run-in;
    - a level of statements rather than verb phrases needs ``chapter_min_statements``
      (two sayings in a chapter, 重任千钧惟担当。… 上下同欲者胜。, are rhetoric), each
      of them plain (就业和社会保障工作进一步加强。, not 中国一向关心同自己的邻近国家保持和发展睦邻关系。);
    - they open at least ``chapter_min_share`` of the paragraphs from the first one on,
      not counting paragraphs that open with an item of an enumeration (一是…, 二要…).
    """
    found = [f for f in found if not rules.runin_item.match(text, f.pos)]  # 一、开垦…: a numbered line
    verbal = [bool(rules.opener.match(text, f.pos, f.title_end)) for f in found]
    if len(found) > 1 and found[0].index == 0 and not verbal[0] and sum(verbal[1:]) * 2 > len(found) - 1:
        found, verbal = found[1:], verbal[1:]
    if len(found) < rules.runin_min_count:
        return []
    if sum(verbal) * 2 <= len(found) and (
        len(found) < rules.runin_chapter_min_statements
        or not all(v or is_plain(text[f.pos : f.title_end], rules) for f, v in zip(found, verbal))
    ):
        return []  # sayings; or long statements, sentences of text (1983 中国一向关心同…关系)
    if len(found) < rules.runin_chapter_min_share * len(_block_paragraphs(text, found, end, rules)):
        return []
    return found


def chapter_leading(text: str, found: list[RunIn], chosen: list[RunIn], rules: StructureRules) -> list[RunIn]:
    """``chosen`` with the longer verb phrases that open paragraphs before its first member
    (gov-report 2007 坚持把扩大就业放在经济社会发展的突出位置。 before 加强社会保障体系建设。):
    a phrase too long to be plain by itself belongs to a level the chapter already has when
    it comes first, and so do two short verb phrases joined by a comma (深化政治体制改革，
    发展社会主义政治文明。 before 全面落实依法治国基本方略。); after a member it is a sentence
    of that member's text."""
    if not chosen:
        return chosen
    lead = [
        f
        for f in found
        if f.pos < chosen[0].pos
        and (not _COMMA.search(text, f.pos, f.title_end) or _two_verb_phrases(text[f.pos : f.title_end], rules))
        and rules.opener.match(text, f.pos, f.title_end)
        and not rules.runin_item.match(text, f.pos)
    ]
    return lead + chosen


def _two_verb_phrases(title: str, rules: StructureRules) -> bool:
    """Two plain verb phrases joined by one comma (深化政治体制改革，发展社会主义政治文明)."""
    clauses = _COMMA.split(title)
    return len(clauses) == 2 and all(is_plain(c, rules) for c in clauses) and bool(rules.opener.match(clauses[0]))


def topic_frames(text: str, start: int, end: int, rules: StructureRules) -> list[RunIn]:
    """Paragraphs of a chapter opening with a topic frame (在教育方面，… 在卫生方面，…): a
    level of run-ins titled by the frame when ``family_min_count`` of them open at least
    ``chapter_min_share`` of the paragraphs from the first one on, or []."""
    found = _frame_openings(text, start, end, rules)
    if len(found) < rules.runin_family_min_count:
        return []
    if len(found) < rules.runin_chapter_min_share * len(_block_paragraphs(text, found, end, rules)):
        return []
    return found


def topic_frames_of_most(text: str, start: int, end: int, rules: StructureRules) -> list[RunIn]:
    """:func:`topic_frames` that open at least ``chapter_alone_share`` of all the paragraphs
    of ``[start, end)``, or []."""
    found = topic_frames(text, start, end, rules)
    paragraphs = len(sentence_starts(text, start, end, line_initial=True))
    return found if found and len(found) >= rules.runin_chapter_alone_share * paragraphs else []


def frames_in(text: str, start: int, end: int, rules: StructureRules) -> list[RunIn]:
    """Topic frames opening ``family_min_count`` or more paragraphs of ``[start, end)`` and at
    least ``chapter_min_share`` of the paragraphs from the first of them to the last, or []
    (the run of 在X方面 paragraphs before a chapter's numbered items)."""
    found = _frame_openings(text, start, end, rules)
    if len(found) < rules.runin_family_min_count:
        return []
    spanned = found[-1].index - found[0].index + 1
    return found if len(found) >= rules.runin_chapter_min_share * spanned else []


def _frame_openings(text: str, start: int, end: int, rules: StructureRules) -> list[RunIn]:
    """The paragraphs of ``[start, end)`` that open with a topic frame, titled by it."""
    found = []
    for index, pos in enumerate(sentence_starts(text, start, end, line_initial=True)):
        m = rules.runin_topic_frame.match(text, pos, end)
        if m is not None:
            found.append(RunIn(pos, m.end(), index))
    return found


def chapter_alone(text: str, found: list[RunIn], end: int, rules: StructureRules) -> bool:
    """Is the level of a chapter strong enough to stand without its sibling chapters
    (gov-report 2004 二、（六）, the only chapter of its report written so): at least
    ``chapter_alone_count`` run-ins opening at least ``chapter_alone_share`` of its paragraphs."""
    if len(found) < rules.runin_chapter_alone_count:
        return False
    return len(found) >= rules.runin_chapter_alone_share * len(_block_paragraphs(text, found, end, rules))


def _block_paragraphs(text: str, found: list[RunIn], end: int, rules: StructureRules) -> list[int]:
    """The paragraphs from the first run-in on, less those that open an enumeration item."""
    starts = sentence_starts(text, found[0].pos, end, line_initial=True)
    return [p for p in starts if not rules.runin_item.match(text, p)]
