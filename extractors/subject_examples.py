"""Named examples before 等 leave a subject: the kind after 等 is what is counted.

`签约起帆平潭海缆基地、岚悦酒店等社会投资项目79个` counts social investment projects; the two
named ones are examples, and a key holding them would group with nothing in another year. Kinds
listed as examples (`交通运输业、建筑业等行业税率`, `在线访谈、新闻发布会等方式`) name what the
measure is about and stay: the audits' judges drop examples that are names — long (a place, a
body and a kind: 海洋科技文化中心) or numbered sessions (第十二届共同家园论坛) — and keep short
kinds. Pure: the subject strings in, the subject strings out.
"""

from __future__ import annotations

from functools import cache

import regex

from extractors.char_classes import char_class
from extractors.numerals import ARABIC_DIGIT_CHARS, DIGIT_CHARS, PLACE_CHARS
from extractors.segmentation import tag
from extractors.subjects import examples_start, subject_words

# An example item at least this long on average is a name, not a kind (kinds are words of two to
# five characters: 交通运输业, 新闻发布会; names run longer: 起帆平潭海缆基地, 大练旅游环岛路).
_NAME_LENGTH = 6


@cache
def _session() -> regex.Pattern:
    """A numbered session names one event (第十二届共同家园论坛, 第七届海峡两岸村里长交流会);
    the ordinal and session words are subject_words.yaml's."""
    words = subject_words()
    number = char_class(ARABIC_DIGIT_CHARS + DIGIT_CHARS + PLACE_CHARS)
    return regex.compile(f"{regex.escape(words.ordinal)}{number}+{char_class(''.join(words.session_marks))}")


def without_named_examples(subjects: list[str]) -> list[str]:
    """Each subject without the named examples before its 等 (the verb before them stays)."""
    return [_without_examples(s) if s else s for s in subjects]


def _without_examples(subject: str) -> str:
    words = subject_words()
    tokens = tag(subject)
    marks = [i for i, (w, f) in enumerate(tokens) if w in words.examples_end and f.startswith("u")]
    if len(marks) != 1:
        return subject
    at = marks[0]
    kind = "".join(w for w, _ in tokens[at + 1 :])
    if len(kind) < 2 or not tokens[-1][1].startswith(("n", "v", "x", "l")):
        return subject
    lead_end = examples_start(tokens[:at], words)
    if lead_end is None:
        return subject
    lead = "".join(w for w, _ in tokens[:lead_end])
    examples = "".join(w for w, _ in tokens[lead_end:at])
    items = [i for i in regex.split("|".join(map(regex.escape, words.list_words)), examples) if i]
    if not items:
        return subject
    named = sum(map(len, items)) / len(items) >= _NAME_LENGTH or any(_session().match(i) for i in items)
    return lead + kind if named else subject
