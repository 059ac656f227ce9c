"""Warnings about a document whose structure looks wrong, for ``plantasks run`` and
``plantasks outline``: a user checking a new plan sees at once that its numbering was
not understood.

- numbered lines but no tasks: several lines open with a marker (一、 1. （一）) and yet
  nothing became a task (a layout the parser does not know);
- gaps in numbering: items of one level skip numbers (pingtan-zwgk-tasks 2018 goes from
  34 to 37: the source dropped two rows);
- a task far longer than the others: its text probably holds headings that were missed.
"""

from __future__ import annotations

from statistics import median

import regex

from pipeline.structure.rules import load_rules


def structure_warnings(structure, text: str) -> list[str]:
    """One line per problem found in ``structure`` (a :class:`Structure` of ``text``)."""
    rules = load_rules()
    out: list[str] = []
    numbered = 0
    for line in text.split("\n"):
        body = line.strip(" \t\u3000")
        head = rules.line_prefix.match(body)
        at = head.end() if head else 0
        if any(m.pattern.match(body, at) for m in rules.markers):
            numbered += 1
    if not structure.tasks and numbered >= rules.numbered_lines:
        out.append(
            f"{numbered} lines open with a heading marker but no task was found: "
            "check the numbering with `plantasks outline`"
        )
    out.extend(_gaps(structure))
    lengths = [t.char_end - t.char_start for t in structure.tasks]
    if len(lengths) >= rules.min_tasks_for_ratio:
        typical = median(lengths)
        for t, n in zip(structure.tasks, lengths):
            if typical and n > rules.long_task_ratio * typical:
                out.append(
                    f"task {t.task_id} ({t.title[:20]}) is {n / typical:.1f} times the median task "
                    f"length ({n} characters): it may hold headings that were missed"
                )
    return out


_MARKER_STYLE = (
    ("arabic", regex.compile(r"\d{1,2}\s*[.、．]")),
    ("arabic_paren", regex.compile(r"[（(]\s*\d{1,2}\s*[）)]")),
    ("cn_paren", regex.compile(r"[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]")),
    ("cn_dun", regex.compile(r"[一二三四五六七八九十]{1,3}\s*、")),
    ("di_cn", regex.compile(r"第[一二三四五六七八九十]{1,3}")),
)


def _style(text: str) -> str:
    for name, pattern in _MARKER_STYLE:
        if pattern.match(text.lstrip(" \t\u3000*#")):
            return name
    return ""


def _gaps(structure) -> list[str]:
    """Numbers skipped by consecutive items of one marker style (a restart at 1 is fine)."""
    out = []
    items = [
        (
            s.level,
            _style(s.label + ("、" if s.label and s.label[0] in "一二三四五六七八九十" else "")),
            s.number,
            s.section_id,
        )
        for s in structure.sections
    ] + [(0, _style(t.text[:8]), t.number, t.task_id) for t in structure.tasks]
    last: dict[tuple, int] = {}
    for _level, style, number, ident in sorted(items, key=lambda i: _start(structure, i[3])):
        if not style:
            continue
        key = (style, ident.rsplit("/", 1)[-1].lstrip("s").count("."))  # marker style and depth
        before = last.get(key)
        if before is not None and number > before + 1:
            missing = f"{before + 1}" if number == before + 2 else f"{before + 1}–{number - 1}"
            out.append(
                f"numbering skips {missing} before {ident}: items missing in the source, or a heading not recognised"
            )
        last[key] = number
    return out


def _start(structure, ident: str) -> int:
    for s in structure.sections:
        if s.section_id == ident:
            return s.char_start
    for t in structure.tasks:
        if t.task_id == ident:
            return t.char_start
    return 0
