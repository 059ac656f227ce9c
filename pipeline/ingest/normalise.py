"""Turn decoded source text into the normalised text every offset points into.

Steps, in order: unify line ends; turn HTML left inside a plain-text file into text
(<br /> and </p> end lines, &nbsp; and other entities become characters, other tags go);
drop zero-width characters; fold full-width digits,
letters and a few signs (the 1990s reports write １９９４年, ６．５％); drop web-page
leftovers (the scraped 大连 page ends in 编辑:/打印 关闭/上一篇/Produced By); turn a table
laid out with spaces into tab-separated rows; rejoin lines the source broke inside a
paragraph (Wikisource puts wiki-links on their own lines: 细颗粒物（PM\\n2.5\\n）; text
copied out of a PDF breaks every line at the page's margin); convert Traditional
characters to Simplified (the 1954–1960 reports); write one paragraph per line, stripped
of indentation. Beside the
text, ``normalise_with_layout`` reports the layout the text no longer shows: the sentences
the source set on a line of their own at the head of a paragraph (run-in headings).
"""

from __future__ import annotations

import html
from bisect import bisect_left, bisect_right
from collections import Counter
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

from extractors.char_classes import (
    CLAUSE_STOPS,
    CLOSING,
    COLONS,
    HAN,
    LINE_HEAD_WORD,
    LONG_SENTENCE_STOPS,
    NEARLY_WIDE,
    NOT_AT_LINE_HEAD,
    OPENING,
    SEAM,
    SEMICOLONS,
    SENTENCE_STOPS,
    SPACES,
    char_class,
    seam_room,
)
from extractors.language_data import DATA_FILES, PIPELINE_DATA, check_file, load
from pipeline.ingest.cells import display_width, producer_room, spaced_rows
from pipeline.ingest.layout_words import heading_marker, heading_max_chars, marker_end  # registers boilerplate
from pipeline.ingest.layout_words import patterns as page_patterns

DATA_DIR = PIPELINE_DATA

_ZERO_WIDTH_LINE = regex.compile(r"\n[ \t\u3000]*[\u200b\u200c\u200d\u2060\ufeff]+[ \t\u3000]*(?=\n)")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_FULL_WIDTH = {
    **{0xFF10 + i: 0x30 + i for i in range(10)},  # ０-９
    **{0xFF21 + i: 0x41 + i for i in range(26)},  # Ａ-Ｚ
    **{0xFF41 + i: 0x61 + i for i in range(26)},  # ａ-ｚ
    ord("％"): ord("%"),
    ord("．"): ord("."),
    ord("＋"): ord("+"),
    ord("　"): ord(" "),  # ideographic space: indentation only, stripped below
    ord("\xa0"): ord(" "),
    ord("「"): ord("“"),
    ord("」"): ord("”"),
    ord("『"): ord("‘"),
    ord("』"): ord("’"),
}
# A share of Han characters that t2s changes above this marks a Traditional text.
_TRADITIONAL_SHARE = 0.02
# Wikisource sets a bold run-in heading (积极推进国有企业改革。) as the first line of its
# paragraph, after a line of indentation only: normalise_with_layout reports where it ends.
SET_APART = "\ue000"  # a private-use mark after such a line while the text is normalised
# 1 9 9 8 年 (1998 report headings): spaces between single digits go. The look-behind
# is one digit long: a longer one (``\d(?: \d)*``) allows the same spaces and rescans
# the whole run at every space, cubic on a page of ``1 1 1 …``. After a spaced-out decimal
# point the next single digit joins too (人口自然增长率下降到1 0 ．0 6 ‰ → 10 .06 ‰), not
# after a point written tight (6.5 7) nor before one (1 .5 2.3: numbers of a table).
_DIGIT_SPACE = regex.compile(r"(?<=(?:^|[^\d.])\d) (?=\d(?:\D|$))|(?<=\d \.\d) (?=\d(?:[^\d.]|$))")


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """Compiled web-page leftover patterns from ``pipeline/data/boilerplate.yaml``."""

    line: regex.Pattern
    trailer: regex.Pattern


@cache
@dataclass(frozen=True, slots=True)
class LineLayout:
    """How the source set its lines, as normalisation read them — what a user checking a
    copied or converted plan wants to see (``plantasks outline``)."""

    paragraphs: str  # "a line each", "blank lines between", "wrapped at a margin"
    margin: int | None = None  # display columns the lines wrap at (a wide character two)
    lost: int = 0  # columns of indentation the first lines lost (a PDF viewer's copy)
    page_numbers: int = 0  # page-number lines dropped
    running: tuple[tuple[str, int], ...] = ()  # running headers or footers dropped, with their count

    def describe(self) -> str:
        """One line: lines: wrapped at 60 columns, rejoined into paragraphs; …"""
        if self.margin is None:
            if self.paragraphs == "blank lines between":
                return "lines: paragraphs with blank lines between, their lines rejoined"
            return "lines: one paragraph a line"
        words = [f"lines: wrapped at {self.margin} columns, rejoined into paragraphs"]
        if self.lost:
            words.append(f"first lines short by the {self.lost // 2} characters of indentation a copy lost")
        if self.page_numbers:
            words.append(f"{self.page_numbers} page numbers dropped")
        words += [f"running header or footer “{line}” dropped {n} times" for line, n in self.running]
        return "; ".join(words)


def load_boilerplate(path: Path | None = None) -> Boilerplate:
    """The compiled patterns (``path``: another file of the same format, for tests)."""
    data = load("boilerplate") if path is None else check_file(DATA_FILES["boilerplate"], path)
    return Boilerplate(
        *(
            regex.compile("|".join(f"(?:{p})" for p in data[key]) or r"(?!)")
            for key in ("line_patterns", "trailer_patterns")
        )
    )


# HTML that a scraper left inside a .txt (a saved page is read by pipeline/ingest/read.py)
_HTML_BREAK = regex.compile(
    r"(?:[ \t]*(?:<\s*br\s*/?\s*>|<\s*/?\s*(?:p|div|li|tr|h[1-6])(?:\s[^<>]*)?>)[ \t]*\n?)+", regex.IGNORECASE
)
# a table's cells left as HTML: the cells of a row are split by tabs, as a saved page's
# are (pipeline/ingest/read.py), so an indicator table's header still names its columns
_HTML_CELL = regex.compile(r"<\s*/\s*t[dh]\s*>\s*(?=<\s*t[dh][\s>/])", regex.IGNORECASE)
# the rule under a Markdown table's header (|---|:---:|)
_PIPE_RULE = regex.compile(r"\|(?:\s*:?-{3,}:?\s*\|)+")
_HTML_TAG = regex.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?\s*>")
_HTML_ENTITY = regex.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")


def strip_html(text: str) -> str:
    """Line breaks for <br /> and closing block tags, characters for entities, no tags."""
    if "<" not in text and "&" not in text:
        return text
    text = _HTML_CELL.sub("\t", text)
    text = _HTML_BREAK.sub("\n", text)
    text = _HTML_TAG.sub("", text)
    return _HTML_ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


def _is_blank(line: str) -> bool:
    return not line.strip()


def _paragraphs(lines: list[str], seen: list[LineLayout] | None = None) -> list[str]:
    """Group lines into paragraphs (:func:`_grouped`). A text wrapped at a margin (a copy of a
    PDF) is read without the room its producer left around figures, which widened its lines
    past the margin, and with quotes and dashes half width where only that shows a margin: a
    font setting them so (WenQuanYi Zen Hei, Microsoft YaHei) makes a copy's lines holding them
    end past it. A text wrapped at no margin keeps its spaces."""
    roomless = _without_room(lines)
    ways = [(roomless, False), (roomless, True)] if roomless != lines else []
    ways += [(lines, False), (lines, True)]
    chosen: tuple[list[str], bool, int | None] = (lines, False, None)
    for candidate, narrow in ways:
        token = _NARROW_MARKS.set(narrow)
        margin = _wrap_width(candidate)
        _NARROW_MARKS.reset(token)
        if margin is not None:
            chosen = (candidate, narrow, margin)
            break
    token = _NARROW_MARKS.set(chosen[1])
    try:
        return _grouped(chosen[0], chosen[2], seen)
    finally:
        _NARROW_MARKS.reset(token)


# Whether marks of ambiguous width (“ ” — …) count one column, not two, in the text being read.
_NARROW_MARKS: ContextVar[bool] = ContextVar("narrow_marks", default=False)


def _width(text: str) -> int:
    """Display columns of ``text``, marks of ambiguous width counted as the text sets them."""
    return display_width(text, 1 if _NARROW_MARKS.get() else 2)


def _grouped(lines: list[str], margin: int | None, seen: list[LineLayout] | None = None) -> list[str]:
    """Group lines into paragraphs; ``margin``: the width the lines are wrapped at, if any.

    Three layouts. A source that separates paragraphs by blank lines (Wikisource) breaks
    lines only inside paragraphs, so every single line break is rejoined. A source that
    wraps its lines at a margin (text copied out of a PDF) rejoins a line reaching the
    margin with the next, and a line ending short or a line indented ends a paragraph. A
    source with one paragraph per line (the scraped 大连 page) keeps its lines. Where lines
    are rejoined, a table's row, a numbered heading on a line of its own (三、重点工作) and a
    numbered line after a sentence's end stand apart. How the lines were read is appended
    to ``seen``.
    """
    content = [i for i, line in enumerate(lines) if not _is_blank(line)]
    single = gaps = 0
    for a, b in zip(content, content[1:]):
        if b == a + 1:
            single += 1
        else:
            gaps += 1
    blank_separated = gaps > 0 and gaps >= single / 2
    numbers, running = 0, Counter[str]()
    if margin is not None:
        lines, numbers, running = _without_page_furniture(lines, margin)
    # the indentation a flush text's first lines lost (a PDF's copy), in display columns
    flush = margin is not None and _flush(lines, margin, gaps)
    lost = _lost_indentation(lines, margin) if margin is not None and flush else 0
    grid = _grid(lines, margin) if margin is not None else None
    if seen is not None:
        how = "wrapped at a margin" if margin else "blank lines between" if blank_separated else "a line each"
        seen.append(LineLayout(how, margin, lost, numbers, tuple(running.most_common())))
    paragraphs: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            paragraphs.append("".join(current))
            current.clear()

    indented = False  # the paragraph opened after a line of indentation only (SET_APART)
    opening = ""  # the line the paragraph opened with
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            if blank_separated and len(current) == 1 and indented and _stands_alone(current[0]):
                # a heading on a line of its own with its text in the paragraphs below
                # (gov-report 2001 六、: 促进科技进步和创新，…。, then 一要…)
                current[0] += SET_APART
            close()
            indented = bool(line)
            continue
        if not blank_separated and margin is None:
            paragraphs.append(stripped)
            continue
        if "\t" in stripped:
            # a table's row stands alone: it is never a wrapped line of a paragraph
            close()
            paragraphs.append(stripped)
            continue
        if current and current[-1][-1:] in _ENDS and heading_marker(stripped):
            close()  # a sentence ends and a numbered line opens: （二）… under （一）…。
        elif current and margin is not None and not flush and line[:1] in SPACES:
            close()  # an indented line opens a paragraph
        if blank_separated and len(current) == 1 and indented and _stands_alone(current[0]):
            current[0] += SET_APART  # a run-in heading set on its own line
        elif len(current) == 1 and _heading_line(opening, margin, lost):
            close()  # 三、重点工作 over its text: a line of its own
        first = not current
        if first:
            opening = line
        current.append(stripped)
        if margin is None:
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if not _goes_on(line, following, margin, lost if first else 0, grid):
            close()  # a line ending short of the margin ends its paragraph
        elif lost and stripped[-1] not in _PARAGRAPH_ENDS and _alone_on_its_line(lines, i, margin, lost, grid, first):
            close()  # a heading without a stop filling its line, the next paragraph's first line next
        elif stripped[-1] in _ENDS and _heading_after(
            following, lines[i + 2] if i + 2 < len(lines) else "", margin, grid
        ):
            close()  # a sentence ends at the margin, a heading without a stop on its own line next
        elif not flush or stripped[-1] not in _PARAGRAPH_ENDS:
            continue
        elif lost and _first_line(lines, i + 1, margin, lost, grid):
            close()  # a flush text's paragraph ending at the margin, the next one's first line next
        elif not lost and _opens_with_runin(following):
            close()  # a flush text's paragraph ending at the margin, a run-in heading next
    close()
    return paragraphs


def _without_room(paragraphs: list[str]) -> list[str]:
    """Lines without the room a PDF's producer left where Han text meets a figure or a Latin
    word (2009 年主要任务, 实施总额 4 万亿元: Word, WPS and LibreOffice leave it, a viewer
    copies it as a space), where a space stands at nearly every such seam of the text, as the
    PDF reader tells it (pipeline/ingest/pdf.py); a space typed here and there stays. Taken
    out before the lines' widths are measured, which it widened past the margin."""
    seams = sum(len(SEAM.findall(p)) for p in paragraphs)
    room = sum(len(_ROOM.findall(p)) for p in paragraphs)
    if not producer_room(seams, room, _ROOM_SEAMS):
        return paragraphs
    return [_ROOM.sub("", p) for p in paragraphs]


_ROOM = seam_room(" ")
_ROOM_SEAMS = 3  # spaces at seams in a whole text, at least, to be a producer's room


def _without_page_furniture(lines: list[str], margin: int) -> tuple[list[str], int, Counter[str]]:
    """The lines of a text wrapped at ``margin`` without what a PDF viewer copies of its
    pages' furniture: page numbers (- 3 -, 第3页: boilerplate.yaml page_number_patterns),
    and a line with words recurring on three pages or more (a running header or footer),
    a page's worth of lines apart each time, that mostly stands inside a paragraph, after a
    line reaching the margin or ending inside a sentence, or right next to a page number (各位
    代表！, which recurs too, follows paragraph ends at no regular distance; pages that
    break between paragraphs show a running header only by the page number beside it, before
    it or after it as the viewer copied the page's furniture).
    A header whose parts change sides on odd and even pages (a gazette's name and issue) is
    one line. Also how many page numbers and which recurring lines were dropped."""
    page_number = page_patterns()[0]
    numbers = {i for i, line in enumerate(lines) if line.strip() and page_number.fullmatch(line.strip())}
    where: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if (s := line.strip()) and i not in numbers and len(HAN.findall(s)) >= _RUNNING_HAN:
            where.setdefault(_parts(s), []).append(i)
    inside: Counter[str] = Counter()
    placed: set[int] = set()  # the occurrences standing where page furniture stands
    previous = None  # the last line that is neither blank nor a page number
    numbered = False  # a page number stands between ``previous`` and the line
    content = [i for i, line in enumerate(lines) if line.strip()]
    for i, after in zip(content, [*content[1:], None]):
        if i in numbers:
            numbered = True
            continue
        key = _parts(lines[i].strip())
        if len(where.get(key, ())) >= _RECURRING and (
            numbered or after in numbers or (previous is not None and _inside(previous, margin))
        ):
            inside[key] += 1
            placed.add(i)
        elif previous is None:
            placed.add(i)  # atop the first page
        previous = lines[i]
        numbered = False
    running = {key for key, n in inside.items() if n * 2 >= len(where[key]) and _evenly_apart(where[key])}
    # a chapter's header recurs in the words of the chapter's heading, which stands between
    # paragraphs, away from page numbers: the heading stays
    dropped = {i for key in running for i in where[key] if i in placed}
    kept = [line for i, line in enumerate(lines) if i not in numbers and i not in dropped]
    # each header by its words as first met, and how often it was dropped
    return kept, len(numbers), Counter({lines[where[key][0]].strip(): len(where[key]) for key in running})


def _parts(line: str) -> str:
    """A line's space-separated parts in a fixed order: the same running header on odd and
    even pages whatever side each part stands on."""
    return " ".join(sorted(line.split()))


def _inside(line: str, margin: int) -> bool:
    """Does the paragraph of ``line`` go on after it, as far as the line alone shows?"""
    return _reaches(line, margin) or line.strip()[-1] not in _PARAGRAPH_ENDS


def _evenly_apart(positions: list[int]) -> bool:
    """Do a line's occurrences stand a page apart each time (spacings within a third of
    one another, and two lines: pages hold their lines' count, give or take a gap)? One may
    stand off that rhythm right beside another: the text's own line that a running header
    repeats (各位代表： under the header 各位代表： atop the first page, LibreOffice's default
    header: the first line) — not a salutation recurring after paragraphs (各位代表！, 1995)."""

    def even(kept: list[int]) -> bool:
        spacings = [b - a for a, b in zip(kept, kept[1:])]
        return max(spacings) <= _PAGE_SPREAD * min(spacings) + 2

    if even(positions):
        return True
    # the text's own line stands right under (or over) the header's occurrence atop its page
    beside = [k for k in range(1, len(positions)) if positions[k] - positions[k - 1] <= _BESIDE]
    return len(positions) > _RECURRING and any(even(positions[:k] + positions[k + 1 :]) for k in beside)


def _flush(lines: list[str], margin: int, gaps: int) -> bool:
    """Does a wrapped text mark its paragraphs by neither indentation nor blank lines (most
    paragraph ends, lines short of the margin, have no blank line after them, and hardly any
    line is indented: a stray space at a line's head, where the source spaced a figure, is no
    paragraph's indentation)?"""
    ends = sum(1 for line in lines if line.strip() and not _reaches(line, margin))
    indented = sum(1 for line in lines if line[:1] in SPACES and line.strip())
    return ends > 2 * gaps and indented * _SHORT_STOPS < ends


def _reaches(line: str, margin: int, indent: int = 0) -> bool:
    """Does ``line`` end near the margin (``indent`` columns of lost indentation before it)?"""
    return _room(line, margin, indent) <= _WRAP_SLACK


def _opens_with_runin(line: str) -> bool:
    """Does ``line`` open with a short whole sentence, the shape of a run-in heading
    (扩大有效投资。)? In a text set flush from the start, whose first lines are as long as
    any, that is the one sign left of a paragraph that ended at the margin."""
    return _RUNIN_OPENING.match(line.strip()) is not None


def _room(line: str, margin: int, indent: int) -> int:
    """Display columns left between the end of ``line`` and the margin; a first line of a
    flush text had ``indent`` columns of indentation there."""
    return margin - _line_width(line) - indent


def _lost_indentation(lines: list[str], margin: int) -> int:
    """The indentation a flush text's paragraphs lost from their first lines: a PDF copies
    its text, not its indentation (official documents indent two characters, so a first line
    ends that much short of the margin), while a text set flush from the start has first
    lines as long as any. Decided by the first lines that wrap, after a line that plainly
    ended its paragraph; without any, as official documents are set."""
    short = full = 0
    for before, line, after in zip(lines, lines[1:], lines[2:]):
        if not (b := before.strip()) or not line.strip() or not after.strip():
            continue
        # a sentence's end well short of the margin, or a line of at most half its width
        # (a heading, a header line)
        if _room(before, margin, 0) <= (
            _FIRST_LINE_INDENT + _WRAP_SLACK + _drift(b) if b[-1] in _PARAGRAPH_ENDS else margin // 2
        ):
            continue
        room = _room(line, margin, 0) - _drift(line.strip())
        if _FIRST_LINE_INDENT - 1 <= room <= _FIRST_LINE_INDENT + _WRAP_SLACK:
            short += 1
        elif room <= 1:
            full += 1
    return _FIRST_LINE_INDENT if short >= full else 0  # no sign either way: as official documents


def _drift(body: str) -> int:
    """Columns a line's count may be off by: half-width glyphs (digits, Latin letters) are
    set a little wider or narrower than half a character, one column every few of them."""
    return _half_widths(body) // _HALF_WIDTH_DRIFT


def _nearly_wide(body: str) -> int:
    """How many glyphs of ``body`` a proportional font sets nearly a character wide though
    they count half (5%, 8% in a line ending inside a sentence: the line reaches the margin
    a column short for each)."""
    return sum(1 for c in body if c in _NEARLY_WIDE)


def _would_fit(room: int, body: str, following: str) -> bool:
    """Would the first word of ``following`` (one character, or a run of digits and Latin
    letters, which no layout breaks) have fit in the ``room`` ``body``'s line left? Then
    the layout did not break the line: the paragraph ended. A word of half-width glyphs
    may be wider than it counts (44 set a little over a character, 54% nearly two)."""
    word = LINE_HEAD_WORD.match(following.strip())  # none before a blank line: that closes it
    if word is None:
        return False
    text = word.group(0)
    return room >= _width(text) + _spill(body) + _spill(text) + _nearly_wide(text)


def _spill(text: str) -> int:
    """Columns the half-width glyphs of ``text`` may take past their count: one for every
    few of them, rounded up (``_drift`` rounds down: a tolerance either way)."""
    return -(-_half_widths(text) // _HALF_WIDTH_DRIFT)


def _half_widths(text: str) -> int:
    return sum(1 for c in text if _width(c) == 1)


def _goes_on(line: str, following: str, margin: int, indent: int, grid: int | None = None) -> bool:
    """Does ``line`` of a text wrapped at ``margin`` go on in the ``following`` line (its
    paragraph does not end)? A layout breaks a line where the next word no longer fits, so
    a line ending a sentence goes on only if the next line's first word would not have fit
    after it; a line ending inside a sentence goes on when it ends near the margin too (a
    paragraph seldom ends without a stop: a heading does, short of the margin), or in an
    opening bracket or quote; and a line opening with a stop or a closing bracket (which
    no paragraph opens with) continues the one before. A first line of a paragraph in a
    flush text may have lost ``indent`` columns of indentation."""
    body = line.strip()
    if following.strip()[:1] in _NO_LINE_START:
        return True
    room = _room(line, margin, indent)
    if not _would_fit(room, body, following):
        return True
    if body[-1] in _PARAGRAPH_ENDS:
        return False
    if body[-1] in OPENING:
        return True
    if grid is not None and _all_wide(body):
        # wide characters only, set on the grid: the line is full unless the next word would
        # have fit, or an opening mark went down with the character after it
        room = _room(line, grid, indent)
        if following.strip()[:1] in OPENING:
            return room < _width(following.strip()[:2])
        return not _would_fit(room, body, following)
    return room <= _WRAP_SLACK + _drift(body) + _nearly_wide(body)


def _grid(lines: list[str], margin: int) -> int | None:
    """The width lines of wide characters only fill, or None when too few do: a layout
    sets them on its grid exactly, while a line holding half-width glyphs (digits, a
    half-width comma) may reach a column or two past it and set the margin there. None
    too where lines a character short of it are many (a layout squeezing its stops, WPS's
    标点挤压, fits a character more into lines holding several)."""
    widths = Counter(
        w
        for line in lines
        if (body := line.strip()) and _all_wide(body) and (w := _line_width(_unhung(line))) <= margin
    )
    full = [w for w, n in widths.items() if margin - w <= _WRAP_SLACK and n * _GRID_SHARE >= sum(widths.values())]
    grid = max(full, default=None)
    # a layout that squeezes stops sets many lines a character short of the widest: no grid
    if grid is None or widths[grid] < _ON_GRID * (widths[grid] + widths[grid - 2]):
        return None
    return grid


def _all_wide(body: str) -> bool:
    """Does ``body`` hold wide characters only (no digit, letter or half-width sign)?"""
    return all(_width(c) == 2 for c in body)


def _heading_after(line: str, following: str, margin: int, grid: int | None) -> bool:
    """Is ``line``, after a line ending a sentence at the margin, a heading on a line of its
    own (过去五年的回顾, 结束语)? It is no sentence (no stop, semicolon or colon in it) and
    ends its paragraph short of the margin: were it the last line of the paragraph before,
    that paragraph would end without a stop."""
    body = line.strip()
    return (
        bool(body)
        and body[-1] not in _PARAGRAPH_ENDS
        and not _IN_SENTENCES.search(body)
        and not _goes_on(line, following, margin, 0, grid)
    )


def _first_line(lines: list[str], i: int, margin: int, lost: int, grid: int | None) -> bool:
    """Is line ``i`` of a flush text the first line of a paragraph, the one sign left that
    the paragraph before it ended at the margin? It wraps (a line follows), and it goes on
    as a first line, short by the indentation it lost, but would not as any other line. A
    layout that lets a stop open a line broke before it because it did not fit: in the room
    a first line of wide characters left on the grid, not in the room another would have."""
    if i + 1 >= len(lines) or not lines[i].strip() or not lines[i + 1].strip():
        return False
    body = lines[i].strip()
    if (mark := lines[i + 1].strip()[0]) in _NO_LINE_START and grid is not None and _all_wide(body):
        return _room(lines[i], grid, lost) < _width(mark) <= _room(lines[i], grid, 0)
    return _goes_on(lines[i], lines[i + 1], margin, lost, grid) and not _goes_on(
        lines[i], lines[i + 1], margin, 0, grid
    )


def _alone_on_its_line(lines: list[str], i: int, margin: int, lost: int, grid: int | None, first: bool) -> bool:
    """Is line ``i`` of a copy that lost its indentation, ending inside a sentence and
    filling its line, the end of a paragraph (a heading without a stop: 第三，…各方面的经济
    效果提高了, or its last line: 一、…，以保持国民经济的持续稳定增长)? The next line is a
    first line — it goes on only as one, short by the indentation — and shows it by ending
    inside a sentence too, or, after a paragraph's ``first`` line, by the line after it
    reaching the margin, as a continuation does. A paragraph's last line ending a sentence
    just short of the margin shows neither; nor does a heading's last line short by as much,
    which a first line follows (第一、…，切|实保证…按计划完成|我们要…必须保: were the middle
    line a first line, the last one would go on as none)."""
    if not _first_line(lines, i + 1, margin, lost, grid) or _first_line(lines, i + 2, margin, lost, grid):
        return False
    after = lines[i + 2] if i + 2 < len(lines) else ""
    return lines[i + 1].strip()[-1] not in _PARAGRAPH_ENDS or (
        first and bool(after.strip()) and _reaches(_unhung(after), margin)
    )


def _unhung(line: str) -> str:
    """``line`` without the last marks that may hang past the margin (a stop, a comma, a
    closing quote or bracket: `”、` hang together)."""
    text = line.rstrip()
    return text.rstrip(NOT_AT_LINE_HEAD) or text


def _line_width(line: str) -> int:
    """Display columns a line takes up to its last character, its indentation counted as
    the ideographic spaces it was (folded to spaces before)."""
    text = line.rstrip()
    body = text.lstrip()
    return _width(body) + 2 * (len(text) - len(body))


def _wrap_width(lines: list[str]) -> int | None:
    """The display width a source wraps its lines at, or None when it wraps none: the
    widest width that hardly any line passes and that a share of the lines at least
    ``_WRAPPED_SHARE`` reach (end within a character of it), most of them inside a
    sentence and going on in a line that opens with no heading marker. (The widest: a text
    of short paragraphs copied out of a PDF has as many first lines, their indentation lost,
    ending a little before the margin.)"""
    page_number = page_patterns()[0]  # a page's number (- 3 -) is no line of the text
    content = [line for line in lines if line.strip() and "\t" not in line and not page_number.fullmatch(line.strip())]
    # a stop or a closing mark no line may open with hangs past the margin in a layout that
    # keeps them off a line's head (Chinese word processors): the line is measured without it
    measured = [(_line_width(_unhung(line)), line.rstrip(), after) for line, after in zip(content, [*content[1:], ""])]
    widths = sorted(w for w, _, _ in measured)
    if len(widths) < _MIN_WRAPPED:
        return None
    for width in sorted(set(widths), reverse=True):
        if len(widths) - bisect_right(widths, width) > _PAST_MARGIN * len(widths):
            return None  # more lines pass every narrower width
        if width < 2 * _NARROWEST_MARGIN:
            return None
        reach = bisect_right(widths, width) - bisect_left(widths, width - _WRAP_SLACK)
        if reach < max(_MIN_REACH, _WRAPPED_SHARE * len(widths)):
            continue
        if bisect_right(widths, width) - bisect_left(widths, width) < _AT_MARGIN * len(widths):
            continue  # a few lines holding narrow glyphs end past the margin: it lies nearer
        # a wrapped line ends wherever the margin falls, seldom at a sentence's end, and the
        # next line goes on, seldom with a heading marker: lines of one length that end their
        # sentences, or a list of numbered items of one length (1.推进… 2.深化…), are
        # paragraphs, not a margin
        full = [(line, after) for w, line, after in measured if width - _WRAP_SLACK <= w <= width]
        ends = sum(line[-1] in _ENDS or heading_marker(after.strip()) for line, after in full)
        # and a paragraph's last line, short of the margin after a line reaching it, mostly
        # ends a sentence: a list of unpunctuated titles of about one length is no wrapped
        # text (lines short of it elsewhere, a document's header lines, say nothing)
        short = [
            line
            for (w, line, _), (before, _, _) in zip(measured[1:], measured)
            if w < width - _WRAP_SLACK and before >= width - _WRAP_SLACK
        ]
        stops = sum(line[-1] in _ENDS for line in short)
        # (a text of a few long paragraphs, a page dump printed with its running header
        # short after lines reaching the margin, has too few ends to judge)
        ended = len(short) * _FEW_ENDS < reach or stops * _SHORT_STOPS >= len(short)
        return width if ends <= reach / 2 and ended else None
    return None


# A source wrapping its lines at fewer characters than this wraps none (一是 over its text
# eight times is Wikisource's layout, not a margin).
_NARROWEST_MARGIN = 16
# Lines ending within this many display columns of the margin reach it (a character wide;
# half-width digits make wrapped lines of one margin differ by a column or two).
_WRAP_SLACK = 3
# The display width of the indentation of a paragraph's first line in official documents
# (首行缩进两字符), lost when a PDF's text is copied.
_FIRST_LINE_INDENT = 4
_RECURRING = 3  # a line copied from this many pages or more may be a running header ...
_RUNNING_HAN = 4  # ... when it has words (a stop wrapped onto a line of its own recurs too)
_PAGE_SPREAD = 1.3  # pages of one document hold about as many lines each
_BESIDE = 2  # lines: a header's occurrence and the text's own line this close stand together
_MIN_WRAPPED = 4  # fewer lines than this show no margin ...
_MIN_REACH = 3  # ... nor fewer lines than this reaching one width
_SHORT_STOPS = 4  # at least one in this many lines short of a margin ends a sentence ...
_FEW_ENDS = 10  # ... unless they are fewer than one in this many lines reaching it
_WRAPPED_SHARE = 0.2  # at least this share of the lines reaches a source's margin ...
_PAST_MARGIN = 0.05  # ... and at most this share passes it ...
_AT_MARGIN = 0.02  # ... and at least this share ends right at it
# A sentence of at most this many characters, without a comma, opening a line after a
# sentence that ended at the margin is taken for a run-in heading opening a paragraph.
_RUNIN_OPENING = regex.compile(r"[^\n" + regex.escape(CLAUSE_STOPS) + r"]{2,20}[。！？!?]")
# Every this many half-width glyphs in a line, its count of columns may be one off.
_HALF_WIDTH_DRIFT = 6
_NEARLY_WIDE = frozenset(NEARLY_WIDE)
# A width at least one in this many lines of wide characters only fill is the text's grid ...
_GRID_SHARE = 10
_ON_GRID = 0.8  # ... and at least this share of it and the width a character short fill it
# A stop, a semicolon or a colon: a line holding one holds a sentence, no title.
_IN_SENTENCES = regex.compile(char_class(LONG_SENTENCE_STOPS + SEMICOLONS + COLONS))
# A heading's title ends in a word or a closing bracket or quote, not in a comma or an open
# bracket (四、所有确定进行建设的项目， and 三、关于《 go on in the next line).
_TITLE_END = regex.compile(r"[\p{Han}\w" + regex.escape(CLOSING) + "]")
# A line ending in one of these ends a sentence (an answer's closing quote or bracket too).
_ENDS = frozenset(SENTENCE_STOPS + CLOSING)
# A paragraph's last line ends in one of these (a colon: a list follows).
_PARAGRAPH_ENDS = _ENDS | frozenset(COLONS)
# No paragraph opens with a stop, a comma or a closing bracket or quote: a line opening
# with one continues the line before (a layout that does not keep them off a line's head).
_NO_LINE_START = frozenset(NOT_AT_LINE_HEAD)


def _heading_line(line: str, margin: int | None, lost: int = 0) -> bool:
    """A numbered heading without a stop (三、2024年重点工作, （一）坚持创新驱动，建设产业体系)
    opening a paragraph: its text on the lines below is a paragraph of its own, not a wrapped
    rest of the heading. A bare marker (一是, 一、 over its text), a line ending in a comma
    or a bracket left open, and a line reaching the text's ``margin`` (the width the source
    wraps its lines at, if it does, short of it by the indentation the first line ``lost``)
    still rejoin."""
    end = marker_end(line.strip())
    if end is None or (margin is not None and _reaches(line, margin, lost)):
        return False
    title = line.strip()[end:].strip().rstrip("*#")  # **一、总体要求**: Markdown bold closing it
    return (
        len(HAN.findall(title)) >= 2
        and len(title) <= heading_max_chars()
        and not _IN_SENTENCES.search(title)
        and _TITLE_END.match(title[-1]) is not None
    )


def _stands_alone(line: str) -> bool:
    """A line that is one whole sentence (积极推进国有企业改革。); whether it is short enough
    for a heading is the structure step's to judge."""
    stops = LONG_SENTENCE_STOPS
    return line[-1:] in stops and not any(c in stops for c in line[:-1]) and bool(HAN.match(line))


def normalise(text: str) -> str:
    """Return the normalised text of a decoded document (see module docstring)."""
    return normalise_with_layout(text)[0]


def normalise_with_layout(text: str, seen: list[LineLayout] | None = None) -> tuple[str, frozenset[int]]:
    """The normalised text and the layout evidence the text itself loses: the offsets of
    the stops of sentences the source set on a line of their own at the head of a
    paragraph (Wikisource's bold run-in headings: 积极推进国有企业改革。 over its text),
    for the structure step. How the lines were read is appended to ``seen`` (:class:`LineLayout`)."""
    pieces = _normalise(text.replace(SET_APART, ""), seen).split(SET_APART)
    apart, length = [], 0
    for piece in pieces[:-1]:
        length += len(piece)
        apart.append(length - 1)
    return "".join(pieces), frozenset(apart)


def _normalise(text: str, seen: list[LineLayout] | None = None) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = strip_html(text)
    # A line holding only a zero-width space marks a page break inside a sentence
    # (gov-report 2017: 74.4\n\u200b\n万亿元): drop it so the halves rejoin.
    text = _ZERO_WIDTH_LINE.sub("", text)
    text = text.translate(_ZERO_WIDTH).translate(_FULL_WIDTH)
    # Always fold to Simplified: on Simplified text t2s is the identity (measured on
    # the corpus: no change in 1956-2019 but variant folds such as 拚→拼), while the
    # 1950s reports mix Traditional headings (1955: 第一個五年計劃) into Simplified text.
    # Folded before the boilerplate lines are matched: a Traditional page's 發佈時間 and
    # 打印 關閉 are the same page furniture.
    text = to_simplified(text)
    bp = load_boilerplate()
    kept: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and bp.trailer.fullmatch(stripped):
            break
        if stripped and bp.line.fullmatch(stripped):
            continue
        if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
            if _PIPE_RULE.fullmatch(stripped):
                continue  # |---|---|: a Markdown table's rule under its header
            # | 地区生产总值增长 | % | 6.1 | 6左右 |: a Markdown table's row, its cells split by tabs
            line = "\t".join(cell.strip() for cell in stripped[1:-1].split("|"))
        kept.append(line)
    # 地区生产总值增长    %    5.2    5.5左右: a table laid out with spaces, as tab rows
    paragraphs = _paragraphs(spaced_rows(kept), seen)
    text = "\n".join(p for p in paragraphs if p)
    return _DIGIT_SPACE.sub("", text)
