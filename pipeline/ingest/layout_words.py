"""The layout words ingest reads from other rooms' data: page numbers (boilerplate.yaml)
and heading markers and the longest heading (structure.yaml), compiled once. The PDF reader
drops page numbers and opens paragraphs at markers; the web-page reader never takes a line
that opens with a marker for a menu item; the text normaliser keeps a numbered heading line
apart from the text under it."""

from __future__ import annotations

from functools import cache

import regex

from extractors.language_data import PIPELINE_DATA, Pattern, Record, Strings, register

# web-page leftovers and page numbers: dropped by normalise.py, page numbers by pdf.py too
register(
    "boilerplate",
    PIPELINE_DATA / "boilerplate.yaml",
    Record(
        line_patterns=Strings(Pattern()), trailer_patterns=Strings(Pattern()), page_number_patterns=Strings(Pattern())
    ),
    used_by="pipeline.ingest.normalise, pipeline.ingest.pdf (through pipeline.ingest.layout_words)",
)


@cache
def patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """(page number, heading marker, markup allowed before a marker at a line start)."""
    from extractors.language_data import load
    from pipeline.structure.rules import load_rules

    data = load("boilerplate")
    page_number = regex.compile("|".join(f"(?:{p})" for p in data["page_number_patterns"]) or r"(?!)")
    rules = load_rules()
    markers = regex.compile("|".join(f"(?:{m.pattern.pattern})" for m in rules.markers))
    return page_number, markers, rules.line_prefix


@cache
def heading_max_chars() -> int:
    """The longest heading of the structure rules (structure.yaml heading_max_chars)."""
    from pipeline.structure.rules import load_rules

    return load_rules().heading_max_chars


def heading_marker(line: str) -> bool:
    """Does ``line`` open with a heading marker of the structure rules (一、 （一） 1.)?"""
    return marker_end(line) is not None


def marker_end(line: str) -> int | None:
    """Where the heading marker ``line`` opens with ends (after 一、 （一） 1.), or None."""
    _, markers, prefix = patterns()
    head = prefix.match(line)
    found = markers.match(line, head.end() if head else 0)
    return found.end() if found else None
