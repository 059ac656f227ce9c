"""Word segmentation shared by the extractors: jieba with the domain user dictionary.

The user dictionary (``extractors/data/userdict.txt``, jieba's ``word [freq] [tag]``
format) keeps policy terms such as 立德树人, 放管服 and 普惠性 in one piece. jieba's
own cache goes to ``$TMPDIR``; nothing is downloaded.
"""

from __future__ import annotations

import logging
from functools import cache, lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
USER_DICT = DATA_DIR / "userdict.txt"


@cache
def tokenizer():
    """The loaded jieba tokenizer (one per process)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    if USER_DICT.exists():
        tok.load_userdict(str(USER_DICT))
    tok.initialize()
    return tok


def cut(text: str) -> list[str]:
    """Segment ``text`` into words (precise mode, no HMM guessing of new words)."""
    return tokenizer().lcut(text, HMM=False)


@cache
def pos_tokenizer():
    """jieba's part-of-speech tagger over the same tokenizer and user dictionary."""
    import jieba.posseg

    return jieba.posseg.POSTokenizer(tokenizer())


@lru_cache(maxsize=16384)
def tag(text: str) -> tuple[tuple[str, str], ...]:
    """``(word, part of speech)`` of ``text`` (no HMM guessing, like :func:`cut`).

    Subjects are found on the short clause around an amount only, never on a whole
    document: tagging is several times slower than cutting.
    """
    return tuple((p.word, p.flag) for p in pos_tokenizer().lcut(text, HMM=False))


def word_tag(word: str) -> str:
    """The part of speech of ``word`` when jieba reads it as one word, else ''."""
    tagged = tag(word)
    return tagged[0][1] if len(tagged) == 1 else ""
