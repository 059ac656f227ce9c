"""Rewrite the generated part of ``extractors/data/userdict.txt`` from corpus and gazetteers.

The segmenters cut policy language apart (立德树人 → 立德/树人, 不忘初心 → 不/忘/初/心),
which splits names the entity rules and the other extractors look for. The domain user
dictionary keeps them whole. This script harvests, from the normalised text of every
document in ``corpus/``:

- titles inside 《…》 (up to 25 characters);
- names inside “…” (up to 12 characters, no punctuation);
- recurring policy terms: 3-6 character Han strings, seen in at least three documents,
  that jieba's own dictionary cuts apart but that hold together and stand free (see
  ``harvest_terms``), e.g. 普惠性, 脱贫攻坚, 节能减排;

and adds every name of the entity gazetteers (``gazetteer_*.jsonl``, string patterns),
and, with frequency 0 (jieba's way to delete a word), the words of jieba's dictionary
that glue a name to a common word (台湾同胞, 中国政府; see ``glued_words``).
Lines before the ``#plantasks-generated-begin`` marker are kept as written (other
extractors' hand-added terms: 城镇新增就业, 国内生产总值, …); everything after it is
regenerated. Run ``python -m tools.build_userdict`` after the corpus or a
gazetteer changes; ``test_entities_userdict_up_to_date`` fails when it is stale.
"""

from __future__ import annotations

import csv
import logging
import math
from collections import Counter, defaultdict
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parents[1] / "extractors"
ROOT = HERE.parent
USER_DICT = HERE / "data" / "userdict.txt"
CORPUS = ROOT / "corpus"
BEGIN = "#plantasks-generated-begin"
END = "#plantasks-generated-end"

_TITLE = regex.compile(r"《([^《》\n]{2,25})》")
_QUOTED = regex.compile(r"“([\p{Han}A-Za-z0-9+]{2,12})”")
_HAN_RUN = regex.compile(r"\p{Han}{3,}")
_GAZETTEERS = ("gazetteer_gpe.jsonl", "gazetteer_gpe_extra.jsonl", "gazetteer_org.jsonl", "gazetteer_person.jsonl")
# Frequencies given to jieba: high enough that the word wins over its pieces.
_FREQ = {"title": 500, "quoted": 2000, "term": 2000, "gazetteer": 3000}
_MIN_DOCS = 3
_MIN_FREQ = 5
_MIN_COHESION = 100.0
_MIN_ENTROPY = 1.2
_MAX_TERMS = 1000
# words that make a gram a phrase of the prose rather than a term (这种情况, 中央关于)
_PHRASE_WORDS = frozenset(
    "关于 这种 这个 这样 这次 这场 这些 他们 我们 以下 还有 不少 已经 应当 应该 能够 可以 "
    "不能 没有 过去 各种 同志 通过 需要 预计 仍然 绝对 给予 根据 主张 曾经 开始 真正 "
    "不仅 不但 上述 那种 得到 受到".split()
)
# numbers and dates belong to the quantity and time extractors: no term may hold one
_NUMERAL = regex.compile(r"[零一二两三四五六七八九十百千万亿点多余几年月日]")
# one-character pieces that show a gram is a phrase, not a term (还没有, 存在着, 特别是)
_FUNCTION_CHARS = set(
    "了着过的地得是还和与及或等在对为把被从向以有更很将已不其也都就又才所这那之而并但要会能可到比上下内中个批拟"
)


def corpus_texts() -> list[str]:
    """Normalised text of every document listed in ``corpus/MANIFEST.csv``."""
    from pipeline.ingest.normalise import normalise  # build script only: extractors never import pipeline

    with open(CORPUS / "MANIFEST.csv", encoding="utf-8") as fh:
        paths = [row["path"] for row in csv.DictReader(fh)]
    return [normalise((CORPUS / p).read_text(encoding="utf-8")) for p in paths]


def _jieba_dict() -> dict[str, str]:
    """jieba's main dictionary: word → part-of-speech tag."""
    import os

    import jieba

    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as fh:
        return {parts[0]: parts[-1] for parts in (line.split() for line in fh) if parts}


def glued_words(names: set[str], known: dict[str, str]) -> set[str]:
    """jieba dictionary words that glue a gazetteer name to a common word.

    台湾同胞, 中国政府, 雷锋精神, 亚太地区 are single words to jieba, so the name inside
    them is no token and no rule can find it; the gold marks 台湾, 中国, 雷锋, 亚太 there.
    Listing such a word with frequency 0 makes jieba cut it (its ``del_word``). Only a
    name plus a common noun of jieba's counts (长治久安 is 长治 + 久安, a person's name
    to jieba, so it stays); names themselves (中国共产党) and ethnic groups (蒙古族) stay.
    """

    def noun(part: str) -> bool:
        tag = known.get(part, "")
        return tag.startswith("n") and not tag.startswith("nr")

    glued = set()
    for word in known:
        if word in names or len(word) < 3 or word.endswith("族"):
            continue
        for n in range(2, len(word)):
            if (word[:n] in names and noun(word[n:])) or (word[-n:] in names and noun(word[:-n])):
                glued.add(word)
                break
    return glued


def harvest_terms(texts: list[str], known: set[str], names: set[str]) -> set[str]:
    """Recurring 3-6 character terms that jieba cuts apart and that hold together.

    A classic new-word test: seen at least ``_MIN_FREQ`` times in ``_MIN_DOCS``
    documents, its parts co-occur far more than chance (pointwise cohesion), and it
    stands free (varied characters on both sides, by entropy). Grams that hold a
    gazetteer name (邓小平同志) or cut off a function word (还没有, 存在着) are left out.
    """
    import jieba

    jieba.setLogLevel(logging.WARNING)
    freq: Counter[str] = Counter()
    docs: defaultdict[str, set[int]] = defaultdict(set)
    left: defaultdict[str, Counter[str]] = defaultdict(Counter)
    right: defaultdict[str, Counter[str]] = defaultdict(Counter)
    total = 0
    for i, text in enumerate(texts):
        for m in _HAN_RUN.finditer(text):
            run = m.group()
            total += len(run)
            for n in range(1, 7):
                for j in range(len(run) - n + 1):
                    gram = run[j : j + n]
                    freq[gram] += 1
                    if n >= 3:
                        docs[gram].add(i)
                        left[gram][run[j - 1] if j > 0 else "^"] += 1
                        right[gram][run[j + n] if j + n < len(run) else "$"] += 1
    scored = []
    for gram, count in freq.items():
        if len(gram) < 3 or count < _MIN_FREQ or len(docs[gram]) < _MIN_DOCS or gram in known:
            continue
        if _NUMERAL.search(gram) or any(name in gram for name in names):
            continue
        cohesion = min(count * total / (freq[gram[:k]] * freq[gram[k:]]) for k in range(1, len(gram)))
        free = min(_entropy(left[gram]), _entropy(right[gram]))
        if cohesion < _MIN_COHESION or free < _MIN_ENTROPY:
            continue
        pieces = jieba.lcut(gram, HMM=False)
        if len(pieces) < 2 or any(len(p) == 1 and p in _FUNCTION_CHARS for p in pieces):
            continue
        if any(p in _PHRASE_WORDS for p in pieces) or gram[0] in "族省市县区":
            continue
        scored.append((math.log(cohesion) * free, gram))
    scored.sort(reverse=True)
    return {gram for _, gram in scored[:_MAX_TERMS]}


def _entropy(counts: Counter[str]) -> float:
    size = sum(counts.values())
    return -sum(c / size * math.log(c / size) for c in counts.values())


def gazetteer_names() -> set[str]:
    """Every name of the entity gazetteers written as a string (not a token pattern)."""
    from extractors.entities import load_ruler_patterns

    return {
        p["pattern"]
        for name in _GAZETTEERS
        for p in load_ruler_patterns(name)
        if isinstance(p["pattern"], str) and len(p["pattern"]) >= 2
    }


def generated_lines(texts: list[str]) -> list[str]:
    """The generated dictionary lines, sorted (deterministic)."""
    titles: Counter[str] = Counter()
    quoted: Counter[str] = Counter()
    for text in texts:
        titles.update(_TITLE.findall(text))
        quoted.update(_QUOTED.findall(text))
    jieba_dict = _jieba_dict()
    known = set(jieba_dict)
    names = gazetteer_names()
    entries: dict[str, int] = {}
    for name in names:
        entries[name] = _FREQ["gazetteer"]
    for term in harvest_terms(texts, known, names):
        entries.setdefault(term, _FREQ["term"])
    # a title or quote that holds a gazetteer name stays cut, so the name is found
    # (国务院办公厅 in 《国务院办公厅关于深化产教融合的若干意见》)
    for name in quoted:
        if not any(n in name for n in names):
            entries.setdefault(name, _FREQ["quoted"])
    for title in titles:
        if " " not in title and not any(n in title for n in names):
            entries.setdefault(title, _FREQ["title"])
    for word in glued_words(names, jieba_dict):
        entries.setdefault(word, 0)
    return [f"{word} {freq}" for word, freq in sorted(entries.items())]


def hand_lines(path: Path = USER_DICT) -> list[str]:
    """The lines of the dictionary outside the generated block, as written."""
    if not path.exists():
        return []
    out, inside = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() == BEGIN:
            inside = True
        elif line.strip() == END:
            inside = False
        elif not inside:
            out.append(line)
    return out


def render(texts: list[str] | None = None, path: Path = USER_DICT) -> str:
    """The full new text of ``userdict.txt``."""
    texts = corpus_texts() if texts is None else texts
    hand = hand_lines(path)
    hand_words = {line.split()[0] for line in hand if line.split()}
    generated = [line for line in generated_lines(texts) if line.split()[0] not in hand_words]
    return "\n".join([*hand, BEGIN, *generated, END]) + "\n"


def main() -> None:
    USER_DICT.write_text(render(), encoding="utf-8")


if __name__ == "__main__":
    main()
