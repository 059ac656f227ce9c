"""Which passages a set of spaCy token patterns could match, read off the text before matching.

spaCy's ``Matcher`` walks every token of every passage (a Python ``Token`` per token),
whatever its patterns: for the ORG token patterns that was 3 s of the corpus's 6.4 s of
processing, although most passages hold none of the words those patterns need. Every
ORG pattern requires some literal token (``{"ORTH": {"IN": ["教育局", …]}}``) and often an
entity found before (``{"ENT_TYPE": "GPE", "OP": "+"}``); a token's text is a substring of
the passage, so a passage in which no required word occurs, or which lacks a required
entity label, cannot match. :class:`PatternGate` derives those requirements from the
patterns themselves (nothing to keep in sync by hand) and opens for every passage when
a pattern requires nothing it can check.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex

from extractors.language_data import longest_first

# Token attributes whose value is the token's verbatim text.
_VERBATIM = ("ORTH", "TEXT")


def _min_count(op: str | None) -> int:
    """How many times a token spec must occur, from spaCy's ``OP`` (``{1,3}`` → 1)."""
    if op is None or op in ("+", "1"):
        return 1
    if op in ("?", "*", "!"):
        return 0
    m = regex.fullmatch(r"\{(\d*)(?:,(\d*))?\}", op)
    if m is None:
        return 0  # an operator this module does not know requires nothing it can check
    return int(m.group(1) or 0)


@dataclass(frozen=True)
class Requirement:
    """What one token pattern needs: a word of each set somewhere, and these entity labels."""

    words: tuple[frozenset[str], ...]
    labels: frozenset[str]

    @property
    def checkable(self) -> bool:
        return bool(self.words or self.labels)


def requirement(pattern: Sequence[dict]) -> Requirement:
    """The words and entity labels a token ``pattern`` cannot match without."""
    words: list[frozenset[str]] = []
    labels: set[str] = set()
    for spec in pattern:
        spec = {str(k).upper(): v for k, v in spec.items()}
        if _min_count(spec.get("OP")) < 1:
            continue
        for attr in _VERBATIM:
            value = spec.get(attr)
            if isinstance(value, str):
                words.append(frozenset([value]))
            elif isinstance(value, dict) and set(value) == {"IN"} and value["IN"]:
                words.append(frozenset(map(str, value["IN"])))
        label = spec.get("ENT_TYPE")
        if isinstance(label, str):
            labels.add(label)
    return Requirement(tuple(words), frozenset(labels))


class PatternGate:
    """``could_match(text, labels)``: False only when no pattern can match the passage."""

    def __init__(self, patterns: Iterable[Sequence[dict]]) -> None:
        reqs = [requirement(p) for p in patterns]
        self.always = not reqs or any(not r.checkable for r in reqs)
        sets = sorted({s for r in reqs for s in r.words}, key=lambda s: sorted(s))
        self._index = {s: i for i, s in enumerate(sets)}
        self._finders = [regex.compile(longest_first(s)) for s in sets]
        self._reqs = [(tuple(self._index[s] for s in r.words), r.labels) for r in reqs]

    def could_match(self, text: str, labels: Iterable[str]) -> bool:
        if self.always:
            return True
        present = set(labels)
        found: dict[int, bool] = {}
        for sets, needed in self._reqs:
            if not needed <= present:
                continue
            ok = True
            for i in sets:
                if i not in found:
                    found[i] = self._finders[i].search(text) is not None
                if not found[i]:
                    ok = False
                    break
            if ok:
                return True
        return False
