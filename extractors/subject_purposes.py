"""What money given without a noun is for.

A report says who gives money and what for, often with no noun for the money itself:
中央财政拟投入423亿元，用于扶助和促进就业; 今后五年中央财政将投入100亿元支持职业教育发展;
中央财政安排429亿元，解决关闭破产国有企业退休人员医疗保险问题. The
giver and the verb alone (中央财政投入) would put every outlay of the budget under one key, so
the purpose after the amount joins the subject (中央财政投入用于扶助和促进就业; docs/annotation.md,
"subject"), or the purpose a clause opened by 为 gives right before (为加快社会保障体系建设，今年
中央财政将安排2762亿元 → 中央财政安排社会保障体系建设). Money with a noun of its own
(安排27亿元国债资金用于…) keeps its noun and no purpose.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from extractors.char_classes import CLAUSE_STOPS, COMMAS, char_class
from extractors.numerals import CHINESE_NUMERAL_CHARS
from extractors.segmentation import tag
from extractors.subjects import agent_verb, subject_words, trim
from extractors.target_kinds import kind_words

_COUNT_FLAGS = ("m", "mq", "q")  # jieba's numerals and measure words
_NUMBER = regex.compile(r"[\p{Nd}.]+|" + char_class(CHINESE_NUMERAL_CHARS) + "+")  # jieba tags 116 eng
_LONGEST_PURPOSE = 20  # characters: a longer purpose is a list of uses, no key
_LONGEST_CHANGE = 16  # characters of a change against last year between an outlay and its purpose


def purposes_of_outlays(
    text: str, amounts: Sequence[tuple[int, int, int, str | None]], subjects: Sequence[str]
) -> list[str]:
    """``amounts``: (clause start, amount start, amount end, dimension) of each amount;
    ``subjects`` as found so far. Returns the subjects, an outlay's with its purpose."""
    words = subject_words()
    out = list(subjects)
    for k, (clause_start, start, end, dimension) in enumerate(amounts):
        if dimension != "money":
            continue
        given = agent_verb(text[clause_start:start])
        if not given or not given.endswith(tuple(words.outlay_verbs)):
            continue
        if out[k] and out[k] not in given:
            continue  # a subject found from a noun of its own (安排…国债资金)
        if out[k]:
            given = given[given.index(out[k]) :]  # “十一五”时期[中央财政投入]: what opens it is a time
        purpose = _purpose(text, end) or _purpose_before(text, clause_start)
        if purpose:
            out[k] = given + purpose
    return out


def _purpose_before(text: str, clause_start: int) -> str:
    """The purpose a clause of its own gives right before the outlay's clause, opened by a
    purpose word (为加快社会保障体系建设，今年中央财政将安排2762亿元 → 加快…建设, trimmed)."""
    words = subject_words()
    if clause_start < 2 or text[clause_start - 1] not in COMMAS:
        return ""
    lo = max(0, clause_start - 1 - _LONGEST_PURPOSE - 2)
    stops = [i for i in range(lo, clause_start - 1) if text[i] in CLAUSE_STOPS or text[i] == "\n"]
    begin = stops[-1] + 1 if stops else lo
    if not stops and lo > 0:
        return ""  # longer than a purpose
    clause = text[begin : clause_start - 1].strip()
    opener = next((w for w in sorted(words.purpose_opens, key=len, reverse=True) if clause.startswith(w)), "")
    if not opener or _NUMBER.search(clause):
        return ""
    purpose = trim(clause[len(opener) :])
    first = tag(purpose)[:1]
    if len(purpose) < 2 or not first or first[0][1].startswith("r"):
        return ""  # 为此: what 此 stands for is said before
    return purpose


def _purpose(text: str, end: int) -> str:
    """The purpose right after an amount: a purpose word (用于) after an optional comma, or a
    verb right after it (投入100亿元[支持职业教育发展]), up to the clause's end."""
    words = subject_words()
    at = end + 1 if text.startswith(tuple(COMMAS), end) else end
    if at != end and text.startswith(tuple(words.comparison_marks), at):
        # 832亿元，比上年增加167亿元，支持…: a change against last year stands between
        nxt = next((i for i in range(at, min(len(text), at + _LONGEST_CHANGE)) if text[i] in CLAUSE_STOPS), -1)
        if nxt < 0 or text[nxt] not in COMMAS:
            return ""
        at = nxt + 1
    stop = at
    while stop < len(text) and text[stop] not in CLAUSE_STOPS and stop - at <= _LONGEST_PURPOSE:
        stop += 1
    phrase = text[at:stop]
    if not phrase or stop - at > _LONGEST_PURPOSE or words.particle in phrase:
        return ""
    # the count of what is supported is no part of the purpose (支持116户国有企业… → 支持国有企业…)
    phrase = "".join(w for w, f in tag(phrase) if f not in _COUNT_FLAGS and not _NUMBER.fullmatch(w))
    word = next((w for w in sorted(kind_words().purposes, key=len, reverse=True) if phrase.startswith(w)), "")
    if word:
        rest = trim(phrase[len(word) :])
        bare = min(kind_words().purposes, key=len)  # 主要用于 → 用于: a manner is no part of the key
        return bare + rest if rest else ""
    if at != end:
        # after a comma a purpose word, or a verb that gives money a use (…安排429亿元，[解决]…)
        lead = next((v for v in sorted(words.purpose_verbs, key=len, reverse=True) if phrase.startswith(v)), "")
        return trim(phrase) if lead and len(phrase) > len(lead) and not _NUMBER.search(phrase) else ""
    first = tag(phrase)[:1]
    if not first or first[0][1] != "v" or first[0][0] in words.change or first[0][0] in words.comparison_marks:
        return ""
    return trim(phrase)
