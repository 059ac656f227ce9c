"""What an extractor may know about the text it is given, besides the text itself."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Context:
    """Document facts an extractor needs to interpret a passage.

    ``year`` resolves 今年/年内/明年; ``part`` (plan / review / other, from the
    document structure) tells a target from an achievement.
    """

    year: int | None = None
    part: str = "plan"
    genre: str | None = None
