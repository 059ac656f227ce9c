"""A word substitution over every prefix of a string, in constant time per prefix.

The kind rules read the cue words of a whole sentence up to each of its amounts, with
some words replaced first (比上年 before 增长: a base of comparison, not a time cue). Done
afresh for every amount, a sentence of n amounts costs n² (增长1%增长1%… with no stop);
here the substitution runs once over the sentence and each prefix re-reads only its last
few characters, where a word may have been cut short.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

import regex


class PrefixSubstitution:
    """``pattern.sub(repl, text)`` run once, answering for ``text[:a] + tail`` for any ``a``.

    ``pattern`` must be plain alternatives of at most ``width`` characters (no anchors, no
    lookaround), so that whether and how it matches at a position depends on the next
    ``width`` characters only: a match of the whole text that starts ``width`` or more
    characters before ``a`` lies inside ``text[:a]`` and is the one the prefix makes too.
    The two scans agree up to there, and only the rest is substituted again.
    """

    def __init__(self, text: str, pattern: regex.Pattern, repl: str, width: int) -> None:
        self.text = text
        self.pattern = pattern
        self.repl = repl
        self.width = max(width, 1)
        parts: list[str] = []
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._removed: list[int] = []  # characters the matches up to this one removed, in all
        last = removed = 0
        for m in pattern.finditer(text):
            parts += [text[last : m.start()], repl]
            removed += m.end() - m.start() - len(repl)
            self._starts.append(m.start())
            self._ends.append(m.end())
            self._removed.append(removed)
            last = m.end()
        parts.append(text[last:])
        self.out = "".join(parts)
        self._words: dict[tuple[str, ...], tuple[int, regex.Pattern, int]] = {}

    def apply(self, a: int, tail: str = "") -> tuple[int, str]:
        """``(c, rest)`` such that ``pattern.sub(repl, text[:a] + tail) == out[:c] + rest``."""
        if not self._starts and not tail:
            return a, ""  # no word anywhere in the text, so none in a prefix of it
        k = a - self.width + 1
        j = bisect.bisect_left(self._starts, k) - 1
        safe = max(k, self._ends[j] if j >= 0 else 0, 0)
        c = safe - (self._removed[j] if j >= 0 else 0)
        return c, self.pattern.sub(self.repl, self.text[safe:a] + tail)

    def contains(self, words: tuple[str, ...], c: int, rest: str) -> bool:
        """Whether one of ``words`` occurs in ``out[:c] + rest``."""
        found = self._words.get(words)
        if found is None:
            # where the first occurrence of any of the words ends, the words as one pattern
            ends = [i + len(w) for w in words if (i := self.out.find(w)) >= 0]
            found = self._words[words] = (
                min(ends, default=len(self.out) + 1),
                _any_of(words),
                max(map(len, words), default=0),
            )
        first_end, pattern, longest = found
        if first_end <= c:
            return True
        if not rest:
            return False  # every occurrence in out[:c] ends by first_end
        return pattern.search(self.out[max(0, c - longest + 1) : c] + rest) is not None


@lru_cache(maxsize=64)
def _any_of(words: tuple[str, ...]) -> regex.Pattern:
    return regex.compile("|".join(regex.escape(w) for w in words) or r"(?!)")
