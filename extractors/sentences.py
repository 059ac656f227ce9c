"""Sentence spans of normalised text, shared by every extractor's ``sentence`` column."""

from __future__ import annotations

import bisect

# A sentence ends at 。！？； (and their ASCII forms) or a line break; closing quotes
# and brackets right after the stop stay with the sentence.
from extractors.char_classes import SENTENCE_END as _SENTENCE_END


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Half-open ``(start, end)`` spans covering ``text``, one per sentence, blanks dropped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end() if m.group() != "\n" else m.start()
        if text[start:end].strip():
            spans.append(_strip(text, start, end))
        start = m.end()
    if start < len(text) and text[start:].strip():
        spans.append(_strip(text, start, len(text)))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class SentenceIndex:
    """Finds the sentence around a position in O(log n)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = sentence_spans(text)
        self._starts = [s for s, _ in self.spans]

    def span_at(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0:
            s, e = self.spans[i]
            if s <= pos < e or (pos == e and e > s):
                return s, e
        return pos, pos

    def sentence_at(self, pos: int) -> str:
        s, e = self.span_at(pos)
        return self.text[s:e]
