"""The entity tokenizer's words and spaces are spaCy's, computed in linear time."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.util import get_words_and_spaces

from extractors.entities import words_and_spaces
from extractors.segmentation import cut


@pytest.mark.parametrize(
    "words",
    [
        ["推进", "教育", "改革", "。"],
        ["2018", " ", "年", "  ", "计划", "\n", "一", "、"],
        ["　", "全面", " ", " ", "推进", " "],
        [" ", "开头"],
        ["结尾", "\t"],
    ],
)
def test_entity_tokenizer_words_and_spaces_as_spacys(words):
    text = "".join(words)
    assert words_and_spaces(words, text) == get_words_and_spaces(words, text)


@given(st.lists(st.sampled_from(["推进", "改革", " ", "  ", "\n", "　", "A", "1.", "（一）"]), min_size=1))
def test_entity_tokenizer_words_and_spaces_any_pieces(words):
    text = "".join(words)
    assert words_and_spaces(words, text) == get_words_and_spaces(words, text)


def test_entity_tokenizer_words_that_are_not_the_text_go_to_spacy():
    # a segmenter that dropped the spaces: spaCy's alignment, not the addition of offsets
    assert words_and_spaces(["推进", "改革"], "推进 改革") == (["推进", "改革"], [True, False])


@pytest.mark.slow
def test_entity_tokenizer_every_corpus_line_as_spacys(normalised_texts):
    for text in normalised_texts.values():
        for line in text.split("\n"):
            words = [w for w in cut(line) if w]
            assert words_and_spaces(words, line) == get_words_and_spaces(words, line), line[:60]
