"""Tests for extractors/prefix_substitution.py: one substitution answers for every prefix,
exactly as substituting that prefix afresh would."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.prefix_substitution import PrefixSubstitution
from extractors.target_kinds import kind_words

# words that overlap and nest, as the comparison bases do (比上年 / 比上年同期 / 上年)
WORDS = ["比上年同期", "比上年", "上年", "同期", "比去年预算", "较上年"]
PATTERN = regex.compile("|".join(regex.escape(w) for w in sorted(WORDS, key=lambda w: (-len(w), w))))
WIDTH = max(map(len, WORDS))
PIECES = WORDS + ["比", "上", "年", "同", "期", "增长", "1%", "，", "；", "去年", "较"]


def _direct(text: str, a: int, tail: str) -> str:
    return PATTERN.sub("，", text[:a] + tail)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=14), tail=st.sampled_from(["", "年同期", "期增长", "，"]))
def test_prefix_substitution_equals_substituting_each_prefix(pieces, tail):
    text = "".join(pieces)
    sub = PrefixSubstitution(text, PATTERN, "，", WIDTH)
    assert sub.out == PATTERN.sub("，", text)
    for a in range(len(text) + 1):
        c, rest = sub.apply(a, tail)
        direct = _direct(text, a, tail)
        assert sub.out[:c] + rest == direct, (text, a, tail)
        for words in (("上年",), ("增长", "同期"), ("，上",), ()):
            assert sub.contains(words, c, rest) == any(w in direct for w in words), (text, a, words)


def test_prefix_substitution_word_cut_by_the_prefix():
    # gov-report 1956: a prefix ending inside 比上年同期 holds 比上年 and a bare 同
    text = "本年1——5月份各工业部工业生产总值计划完成102.6%，比上年同期增长33.3%。"
    w = kind_words()
    sub = PrefixSubstitution(text, w.comparison_bases, "，", w.bases_width)
    cut = text.index("同期") + 1
    c, rest = sub.apply(cut)
    assert sub.out[:c] + rest == text[: text.index("比上年")] + "，同"
    for a in range(len(text) + 1):
        c, rest = sub.apply(a)
        assert sub.out[:c] + rest == w.comparison_bases.sub("，", text[:a])
