"""The rows the structure parser produces: sections, tasks, and paragraph spans."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.structure.tables import IndicatorTable

# the kinds of a heading that no marker numbers: a run-in heading, an unnumbered part line
RUNIN = "runin"
PARTLINE = "partline"


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
    """A span of the normalised text inside one line and one heading's block.

    ``role`` is ``headline`` for the passage that states the plan's main targets
    (今年经济社会发展的主要预期目标是：…), else ``body``.
    """

    char_start: int
    char_end: int
    section_id: str | None
    task_id: str | None
    part: str
    role: str = "body"


@dataclass(frozen=True, slots=True)
class Structure:
    sections: list[Section]
    tasks: list[Task]
    paragraphs: list[Paragraph]
    # indicator tables saved as text: extraction reads their rows under their headers
    tables: list[IndicatorTable] = field(default_factory=list)
