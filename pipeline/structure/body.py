"""Where the plan is in a normalised text: after a crawler header, a breadcrumb and a
covering notice, before the page footer.

Scraped pages (the 福建/平潭 documents) open with crawler header lines (标题: …,
==== 正文 ====), then one line holding the breadcrumb (当前位置：首页… 时间：… 微信 微博
QQ空间), the whole plan and the footer (来源：… 附件下载). A task table is often sent
with a covering notice (关于印发…的通知 … 现将…印发给你们 … 2016年5月27日) whose
sentences must not be read as the plan. None of that belongs to a section or task
(docs/annotation.md, "Where the plan is"). The offsets refer to the normalised text,
which is never changed here.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.structure.rules import StructureRules

_SPACE = regex.compile(r"[ \t\u3000\xa0]*")


@dataclass(frozen=True, slots=True)
class Body:
    """The plan's span ``[start, end)`` and what surrounds it."""

    start: int
    end: int
    title: str | None  # the crawler header's 标题, else None
    notice_end: int | None  # a covering notice ends here (headings before it are not the plan's)
    table_headers: tuple[tuple[int, int], ...]  # header rows of a flattened task table
    block_starts: frozenset[int]  # positions that open a block although no line starts there

    @property
    def is_table(self) -> bool:
        return bool(self.table_headers)


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def find_body(text: str, rules: StructureRules) -> Body:
    lines = _lines(text)
    title = None
    first = 0
    # crawler header: leading lines of `key: value`, closed by ==== 正文 ====
    header_end_line = None
    for i, (s, e) in enumerate(lines[:20]):
        line = text[s:e].strip()
        if rules.header_end.fullmatch(line):
            header_end_line = i
            break
    if header_end_line is not None:
        first = header_end_line + 1
    else:
        while first < len(lines) and (
            not text[lines[first][0] : lines[first][1]].strip()
            or rules.header_line.fullmatch(text[lines[first][0] : lines[first][1]].strip())
        ):
            first += 1
    for s, e in lines[:first]:
        line = text[s:e].strip()
        for key in rules.title_keys:
            m = regex.match(rf"{regex.escape(key)}\s*[:：]\s*(.+)", line)
            if m and title is None:
                title = m.group(1).strip()
    while first < len(lines) and not text[lines[first][0] : lines[first][1]].strip():
        first += 1
    if first >= len(lines):
        return Body(len(text), len(text), title, None, (), frozenset())
    start = lines[first][0]
    block_starts = {start}
    # leading web cruft on the first body line (breadcrumb, date, share buttons)
    pos = _SPACE.match(text, start).end()
    while True:
        m = rules.leading.match(text, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
        pos = _SPACE.match(text, pos).end()
    if pos != start:
        start = pos
        block_starts.add(start)
    # trailing footer on the last non-empty line
    last = len(lines) - 1
    while last > first and not text[lines[last][0] : lines[last][1]].strip():
        last -= 1
    end = lines[last][1]
    trailing = regex.compile(f"(?:{rules.trailing.pattern})[ \\t\\u3000]*\\Z")
    while end > start:
        seg_start = lines[last][0] if lines[last][0] > start else start
        m = trailing.search(text, seg_start, end)
        if not m or m.start() == end:
            break
        end = m.start()
        while end > start and text[end - 1] in " \t\u3000":
            end -= 1
    if title is None:
        title = _title_from_text(text, lines, first, rules)
    notice_end = _notice_end(text, start, end, title, rules)
    if notice_end is not None:
        block_starts.add(notice_end)
    headers = tuple((m.start(), m.end()) for m in rules.table_header.finditer(text, start, end))
    block_starts.update(e for _, e in headers)
    return Body(start, end, title, notice_end, headers, frozenset(block_starts))


def _title_from_text(text: str, lines, first: int, rules: StructureRules) -> str | None:
    """A short first line without a sentence end is the document's title (2018年工作要点)."""
    s, e = lines[first]
    line = text[s:e].strip()
    if line and len(line) <= rules.heading_max_chars and not any(c in rules.stops for c in line):
        return line
    return None


def _notice_end(text: str, start: int, end: int, title: str | None, rules: StructureRules) -> int | None:
    """End of a covering notice (关于印发…的通知 … 现将…印发给你们 … dateline), or None."""
    m = rules.notice_body.search(text, start, min(end, start + 3000))
    if m is None:
        return None
    if (
        title is not None
        and not rules.notice_title.search(title)
        and not rules.notice_title.search(text, start, m.start())
    ):
        return None
    dateline = rules.notice_end.search(text, m.end(), min(end, m.end() + 2000))
    if dateline is not None:
        return dateline.end()
    stop = regex.compile("[" + regex.escape("".join(rules.stops)) + "]").search(text, m.end(), end)
    return stop.end() if stop else m.end()
