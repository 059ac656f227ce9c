"""The layout words ingest reads from other rooms' data: page numbers (boilerplate.yaml)
and heading markers (structure.yaml), compiled once. The PDF reader drops page numbers
and opens paragraphs at markers; the web-page reader never takes a line that opens with a
marker for a menu item."""

from __future__ import annotations

from functools import cache

import regex


@cache
def patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """(page number, heading marker, markup allowed before a marker at a line start)."""
    from extractors.language_data import load
    from pipeline.ingest import normalise  # noqa: F401 - registers "boilerplate"
    from pipeline.structure.rules import load_rules

    data = load("boilerplate")
    page_number = regex.compile("|".join(f"(?:{p})" for p in data["page_number_patterns"]) or r"(?!)")
    rules = load_rules()
    markers = regex.compile("|".join(f"(?:{m.pattern.pattern})" for m in rules.markers))
    return page_number, markers, rules.line_prefix


def heading_marker(line: str) -> bool:
    """Does ``line`` open with a heading marker of the structure rules (一、 （一） 1.)?"""
    _, markers, prefix = patterns()
    head = prefix.match(line)
    return markers.match(line, head.end() if head else 0) is not None
