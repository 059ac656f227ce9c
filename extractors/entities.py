"""Named entities (→ ``entities``): programmes, organisations, places and people.

A spaCy pipeline built from ``spacy.blank("zh")`` and ``extractors/entities.cfg``: a
word segmenter that knows the domain user dictionary (jieba by default, pkuseg as an
optional backend), rule components fed from ``extractors/data/*.jsonl`` (quoted
programme names, a GPE gazetteer generated from the cpca package, an ORG gazetteer of
government bodies, people), and, when ``use_model``, the small statistical ``ner``
trained by ``training/ner/train.py``, if one is shipped in ``extractors/models/ner/``
(none is: it did not beat the rules on gold it never saw). The
model runs after the rules and keeps their entities; what it adds has source
``model``. Nothing is downloaded: every file the pipeline reads is in the repo or in
an installed package.
"""

from __future__ import annotations

import contextlib
import io
import logging
from functools import cache
from pathlib import Path

import regex
import spacy
from spacy.lang.zh import ChineseTokenizer, Segmenter
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, registry

from extractors.char_classes import COMMAS, TITLE, char_class
from extractors.context import Context
from extractors.errors import DataFileError
from extractors.language_data import (
    Integer,
    OneOf,
    Optional,
    Pattern,
    Record,
    Spec,
    Strings,
    Text,
    fail,
    read_jsonl,
    register,
)
from extractors.pattern_gate import PatternGate
from extractors.quotes import PROGRAMME, QUOTED, THING, judge
from extractors.records import Entity
from extractors.sentences import SentenceIndex

HERE = Path(__file__).parent
DATA_DIR = HERE / "data"
CONFIG_PATH = HERE / "entities.cfg"
MODEL_DIR = HERE / "models" / "ner"
USER_DICT = DATA_DIR / "userdict.txt"

LABELS = ("PROGRAM", "ORG", "GPE", "PERSON")
SEGMENTERS = ("jieba", "pkuseg")
RULE_SPANS_KEY = "plantasks_rules"

ENTITY_DATA_USER = "extractors/entities.py"


# --- language data -----------------------------------------------------------------


TEXT_KEY = "plantasks_text"


def doc_text(doc: Doc) -> str:
    """The passage text, kept by the tokenizer (``Doc.text`` rebuilds it on every read)."""
    return doc.user_data.get(TEXT_KEY) or doc.text


class TokenPattern(Spec):
    """An entity_ruler / Matcher pattern: the name as a string, or a list of token objects."""

    def check(self, value, path, where):
        if isinstance(value, str):
            if not value:
                raise fail(path, where, "empty pattern")
            return value
        if not (isinstance(value, list) and value and all(isinstance(t, dict) for t in value)):
            raise fail(path, where, "pattern must be a string or a list of token objects")
        return value


class OneOfShapes(Spec):
    """A line that is one of several records, told apart by a key only one of them has
    (``{"exclude": …}`` beside a pattern line)."""

    def __init__(self, default: Spec, **by_key: Spec) -> None:
        self.default, self.by_key = default, by_key

    def check(self, value, path, where):
        if isinstance(value, dict):
            for key, spec in self.by_key.items():
                if key in value:
                    return spec.check(value, path, where)
        return self.default.check(value, path, where)


_LABEL = OneOf(*LABELS)
RULER_LINE = OneOfShapes(
    Record(
        label=_LABEL,
        pattern=TokenPattern(),
        id=Optional(Text()),
        level=Optional(OneOf("province", "prefecture", "county")),
        form=Optional(OneOf("full", "short")),
    ),
    # read by tools/build_gazetteer.py: a generated name to leave out
    exclude=Record(exclude=Text()),
)
CONTEXT_LINE = OneOfShapes(
    Record(
        label=_LABEL,
        id=Optional(Text()),
        pattern=Optional(TokenPattern()),
        text_regex=Optional(Pattern()),
        merge_adjacent=Optional(_LABEL),
        trim_left=Optional(Integer(0), 0),
        trim_right=Optional(Integer(0), 0),
        followed_by=Optional(Pattern()),
        preceded_by=Optional(Pattern()),
        name_regex=Optional(Pattern()),
        first_token=Optional(Pattern()),
        requires=Optional(Strings(), []),
    ),
    exclude_regex=Record(exclude_regex=Pattern()),
)
FILTER_LINE = Record(
    id=Text(),
    label=_LABEL,
    action=OneOf("drop", "extend"),
    to=Optional(_LABEL),
    followed_by=Optional(Pattern()),
    preceded_by=Optional(Pattern()),
    name_regex=Optional(Pattern()),
    followed_by_label=Optional(_LABEL),
)

RULER_FILES = ("gazetteer_gpe.jsonl", "gazetteer_gpe_extra.jsonl", "gazetteer_org.jsonl", "gazetteer_person.jsonl")
CONTEXT_FILES = (
    "program_patterns.jsonl",
    "gpe_context_patterns.jsonl",
    "org_context_patterns.jsonl",
    "person_patterns.jsonl",
)
FILTER_FILES = ("entity_context.jsonl",)
# registered under the file's stem (gazetteer_gpe); the spaCy config names the files
for _files, _spec in ((RULER_FILES, RULER_LINE), (CONTEXT_FILES, CONTEXT_LINE), (FILTER_FILES, FILTER_LINE)):
    for _name in _files:
        register(Path(_name).stem, DATA_DIR / _name, _spec, ENTITY_DATA_USER, kind="jsonl")


def _read(name: str, spec: Spec) -> tuple[Path, list[tuple[int, dict]]]:
    """``(path, [(line, object)])`` of ``DATA_DIR/name``, each line checked against ``spec``."""
    path = DATA_DIR / name
    return path, read_jsonl(path, spec)


@cache
def load_ruler_patterns(name: str) -> tuple[dict, ...]:
    """entity_ruler patterns from ``extractors/data/<name>``, validated."""
    path, lines = _read(name, RULER_LINE)
    patterns = tuple(
        {k: obj[k] for k in ("label", "pattern", "id") if obj.get(k) is not None}
        for _, obj in lines
        if "exclude" not in obj
    )
    if not patterns:
        raise fail(path, "", "no patterns")
    return patterns


@cache
def load_context_rules(name: str) -> tuple[tuple[dict, ...], tuple[regex.Pattern, ...]]:
    """Rules and exclusions for ``plantasks_context_ruler_v1`` from ``extractors/data/<name>``."""
    path, lines = _read(name, CONTEXT_LINE)
    rules, excludes = [], []
    for n, obj in lines:
        if "exclude_regex" in obj:
            excludes.append(regex.compile(obj["exclude_regex"]))
            continue
        kinds = [k for k in ("pattern", "text_regex", "merge_adjacent") if obj[k] is not None]
        if len(kinds) != 1:
            raise fail(path, f"line {n}", "a rule has one of pattern, text_regex, merge_adjacent")
        rule = {k: v for k, v in obj.items() if v is not None}
        if "text_regex" in rule:
            rule["text_regex"] = regex.compile(rule["text_regex"])
        if isinstance(rule.get("pattern"), str):
            rule["pattern"] = [{"ORTH": rule["pattern"]}]
        for key, template in (
            ("followed_by", "(?:{})"),
            ("preceded_by", "(?:{})$"),
            ("name_regex", "(?:{})"),
            ("first_token", "(?:{})"),
        ):
            if key in rule:
                rule[key] = regex.compile(template.format(rule[key]))
        rules.append({**rule, "line": n})
    return tuple(rules), tuple(excludes)


@cache
def load_filter_rules(name: str) -> tuple[dict, ...]:
    """Rules of ``plantasks_entity_filter_v1`` from ``extractors/data/<name>``."""
    path, lines = _read(name, FILTER_LINE)
    rules = []
    for n, obj in lines:
        if obj["followed_by"] is None and obj["preceded_by"] is None and obj["followed_by_label"] is None:
            raise fail(path, f"line {n}", "a filter rule needs followed_by, preceded_by or followed_by_label")
        if obj["followed_by_label"] is not None and (obj["action"] != "extend" or obj["followed_by"] is not None):
            raise fail(path, f"line {n}", "followed_by_label extends through the next entity, without followed_by")
        if obj["action"] == "extend" and obj["followed_by"] and obj["preceded_by"]:
            raise fail(path, f"line {n}", "an extend rule extends to one side: followed_by or preceded_by")
        rule = {k: v for k, v in obj.items() if v is not None}
        for key, template in (("followed_by", "(?:{})"), ("preceded_by", "(?:{})$"), ("name_regex", "(?:{})")):
            if key in rule:
                rule[key] = regex.compile(template.format(rule[key]))
        rules.append({**rule, "line": n})
    return tuple(rules)


@cache
def load_user_words() -> tuple[str, ...]:
    """Words of the domain user dictionary (jieba format ``word [freq] [tag]``)."""
    try:
        lines = USER_DICT.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(str(USER_DICT), f"cannot read: {exc}") from exc
    words = []
    for line in lines:
        parts = line.split()
        if parts and not parts[0].startswith("#"):
            words.append(parts[0])
    return tuple(words)


@registry.misc("plantasks.patterns.v1")
def read_patterns(files: list[str]) -> list[dict]:
    """entity_ruler patterns from pattern files in ``extractors/data/`` (config helper)."""
    return [p for name in files for p in load_ruler_patterns(name)]


# --- tokenizer ---------------------------------------------------------------------


class _JiebaCut:
    """jieba with the domain user dictionary, in the shape spaCy's tokenizer calls.

    Precise mode without HMM, like ``extractors.segmentation.cut``: unknown words fall
    apart into characters rather than being guessed, which keeps names from the
    gazetteers whole (they are in the user dictionary) and is faster.
    """

    def __init__(self) -> None:
        from extractors.segmentation import tokenizer

        self._tok = tokenizer()

    def cut(self, text: str, cut_all: bool = False):
        return self._tok.cut(text, HMM=False)


def words_and_spaces(words: list[str], text: str) -> tuple[list[str], list[bool]]:
    """``spacy.util.get_words_and_spaces`` for words that are the text cut in pieces.

    spaCy's version searches each word in the rest of the text (``text[pos:].index``),
    which copies the rest for every word: quadratic in a page dump that holds the whole
    plan on one line, and a seventh of the corpus's entity time. A segmenter that keeps
    every character gives each word's offset by addition; anything else goes to spaCy's.
    Same result: whitespace between words becomes a token of its own, except one space
    right after a word, which becomes that word's trailing space.
    """
    if sum(map(len, words)) != len(text) or "".join(words) != text:
        return spacy.util.get_words_and_spaces(words, text)
    out_words: list[str] = []
    out_spaces: list[bool] = []
    pos = offset = 0
    for word in words:
        start = offset
        offset += len(word)
        if word.isspace():
            continue
        if start > pos:
            out_words.append(text[pos:start])
            out_spaces.append(False)
        out_words.append(word)
        out_spaces.append(False)
        pos = offset
        if pos < len(text) and text[pos] == " ":
            out_spaces[-1] = True
            pos += 1
    if pos < len(text):
        out_words.append(text[pos:])
        out_spaces.append(False)
    return out_words, out_spaces


def _pkuseg_default_model() -> str:
    try:
        import pkuseg
    except ImportError as exc:
        raise DataFileError(
            "pkuseg", "segmenter 'pkuseg' needs the optional extra: pip install plantasks[pkuseg]"
        ) from exc
    model = Path(pkuseg.__file__).parent / "models" / "default"
    if not model.is_dir():
        raise DataFileError(str(model), "pkuseg's bundled default model is missing")
    return str(model)


class PlantasksTokenizer(ChineseTokenizer):
    """spaCy's Chinese tokenizer with the plantasks user dictionary; never raises on text."""

    def __init__(self, vocab, segmenter: str = "jieba") -> None:
        if segmenter not in SEGMENTERS:
            raise DataFileError(str(CONFIG_PATH), f"segmenter {segmenter!r} not one of {SEGMENTERS}")
        super().__init__(vocab, segmenter=Segmenter.char)
        self.segmenter = segmenter
        if segmenter == "jieba":
            self.jieba_seg = _JiebaCut()

    def initialize(self, get_examples=None, *, nlp=None, pkuseg_model=None, pkuseg_user_dict="default"):
        if self.segmenter == "pkuseg":
            if self.pkuseg_seg is not None:
                return
            try:
                import spacy_pkuseg
            except ImportError as exc:
                raise DataFileError(
                    "spacy_pkuseg",
                    "segmenter 'pkuseg' needs the optional extra: pip install plantasks[pkuseg]",
                ) from exc
            # spacy_pkuseg prints a notice (to stderr) when it falls back to features.pkl
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                self.pkuseg_seg = spacy_pkuseg.pkuseg(
                    pkuseg_model or _pkuseg_default_model(), user_dict=list(load_user_words())
                )

    def __call__(self, text: str) -> Doc:
        try:
            if self.segmenter == "jieba" and self.jieba_seg is not None:
                words, spaces = words_and_spaces([w for w in self.jieba_seg.cut(text) if w], text)
                doc = Doc(self.vocab, words=words, spaces=spaces)
            else:
                doc = super().__call__(text)
        except ValueError:
            # A segmenter that drops or alters characters: fall back to characters.
            words, spaces = spacy.util.get_words_and_spaces(list(text), text)
            doc = Doc(self.vocab, words=words, spaces=spaces)
        # Doc.text joins every token each time it is read; the rule components read it
        # several times per passage (the largest item of the profile)
        doc.user_data[TEXT_KEY] = text
        return doc

    def _get_config(self):
        return {"segmenter": self.segmenter}

    def _set_config(self, config=None):
        self.segmenter = (config or {}).get("segmenter", self.segmenter)
        if self.segmenter == "jieba" and self.jieba_seg is None:
            self.jieba_seg = _JiebaCut()


@registry.tokenizers("plantasks.zh_tokenizer.v1")
def create_tokenizer(segmenter: str = "jieba"):
    def make(nlp: Language) -> PlantasksTokenizer:
        return PlantasksTokenizer(nlp.vocab, segmenter=segmenter)

    return make


# --- components ----------------------------------------------------------------------


class ContextRuler:
    """Matcher rules that also look at the characters around the match.

    “一线筑垒”工程 is a programme because of the 工程 after it, but the entity is “一线筑垒”
    (ANNOTATION.md); 沪连 is a place only before 合作. The context is checked on the
    text, not on tokens, so it holds whatever the segmenter made of 巡讲活动:
    ``followed_by`` must match right after the match, ``preceded_by`` right before it,
    ``name_regex`` the whole entity text, ``first_token`` its first token (省 of
    省财政厅, not the 区域 of 区域发展新格局); ``trim_left``/``trim_right`` drop context
    tokens that a token pattern had to include. Exclusions drop matches by their text
    (“十三五” is a time). A rule with ``text_regex`` instead of a token ``pattern``
    matches the text itself (group ``name``, if any, is the entity) and keeps only hits
    on token boundaries: Matcher predicates such as NOT_IN over long optional runs cost
    more than the segmenter, a regex over the paragraph almost nothing; ``requires``
    (substrings, one of which must occur) skips the regex on most paragraphs.
    """

    def __init__(self, nlp: Language, name: str, patterns_file: str, overwrite: bool) -> None:
        self.name = name
        self.overwrite = overwrite
        self.rules, self.excludes = load_context_rules(patterns_file)
        self.matcher = Matcher(nlp.vocab, validate=True)
        self._by_key: dict[int, dict] = {}
        self._text_rules = [rule for rule in self.rules if "text_regex" in rule]
        self._merge_rules = [rule for rule in self.rules if "merge_adjacent" in rule]
        for i, rule in enumerate(self.rules):
            if "pattern" not in rule:
                continue
            key = f"{name}:{i}:{rule.get('id', '')}"
            try:
                self.matcher.add(key, [rule["pattern"]])
            except (ValueError, KeyError) as exc:
                raise DataFileError(str(DATA_DIR / patterns_file), f"line {rule['line']}: bad pattern: {exc}") from exc
            self._by_key[nlp.vocab.strings[key]] = rule

    def _candidates(self, doc: Doc, text: str):
        """(rule, span) for every match: token patterns, text regexes, merges."""
        if self._by_key:
            for key, start, end in self.matcher(doc):
                rule = self._by_key[key]
                start += rule.get("trim_left", 0)
                end -= rule.get("trim_right", 0)
                if start < end:
                    yield rule, Span(doc, start, end, label=rule["label"])
        for rule in self._text_rules:
            if rule.get("requires") and not any(r in text for r in rule["requires"]):
                continue
            for m in rule["text_regex"].finditer(text):
                start, end = m.span("name") if "name" in m.groupdict() else m.span()
                # whole tokens only: a regex hit inside a word is no name
                span = doc.char_span(start, end, label=rule["label"])
                if span is not None:
                    yield rule, span
        for rule in self._merge_rules:
            ents = [e for e in doc.ents if e.label_ == rule["merge_adjacent"]]
            for first, second in zip(ents, ents[1:]):
                if first.end == second.start:
                    yield rule, Span(doc, first.start, second.end, label=rule["label"])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = doc_text(doc)
        for rule, span in self._candidates(doc, text):
            if "followed_by" in rule and not rule["followed_by"].match(text, span.end_char):
                continue
            if "preceded_by" in rule and not rule["preceded_by"].search(
                text, max(0, span.start_char - 12), span.start_char
            ):
                continue
            if "name_regex" in rule and not rule["name_regex"].fullmatch(span.text):
                continue
            if "first_token" in rule and not rule["first_token"].fullmatch(span[0].text):
                continue
            if any(x.fullmatch(span.text) for x in self.excludes):
                continue
            spans.append(span)
        if spans:
            doc.ents = _merge(list(doc.ents), spans, self.overwrite)
        return doc


class PatternRuler(EntityRuler):
    """spaCy's entity_ruler, less two per-document costs.

    ``EntityRuler.match`` recounts every pattern on each call to warn about an empty
    ruler, which with the 3,800-name GPE gazetteer took as long as the matching; the
    patterns are fixed after ``initialize``, so the check runs there once. And its token
    ``Matcher`` walks every token of a passage whatever the patterns need: it runs only on
    passages that hold the words and entity labels some pattern requires
    (:class:`extractors.pattern_gate.PatternGate`), which skips it on most passages.
    """

    _gate: PatternGate | None = None

    def initialize(self, get_examples, *, nlp=None, patterns=None):
        super().initialize(get_examples, nlp=nlp, patterns=patterns)
        super()._require_patterns()

    def add_patterns(self, patterns) -> None:
        super().add_patterns(patterns)
        self._gate = None  # derived again from the patterns on the next match

    def _require_patterns(self) -> None:
        return None

    def match(self, doc: Doc):
        if self._gate is None:
            self._gate = PatternGate(p for ps in self.token_patterns.values() for p in ps)
        if len(self.matcher) and self._gate.could_match(doc_text(doc), (e.label_ for e in doc.ents)):
            matches = list(self.matcher(doc)) + list(self.phrase_matcher(doc))
        else:
            matches = list(self.phrase_matcher(doc))
        final = {(m_id, start, end) for m_id, start, end in matches if start != end}
        # as EntityRuler.match: longest first, then earliest
        return sorted(final, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)


@Language.factory(
    "plantasks_entity_ruler_v1",
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    default_config={"overwrite_ents": False, "validate": False},
)
def make_pattern_ruler(nlp: Language, name: str, overwrite_ents: bool, validate: bool):
    return PatternRuler(nlp, name, overwrite_ents=overwrite_ents, validate=validate)


def _merge(existing: list[Span], new: list[Span], overwrite: bool) -> list[Span]:
    new = filter_spans(new)
    if overwrite:
        kept = [e for e in existing if not any(e.start < n.end and n.start < e.end for n in new)]
        return sorted(kept + new)
    taken = {i for e in existing for i in range(e.start, e.end)}
    added = [n for n in new if not any(i in taken for i in range(n.start, n.end))]
    return sorted(existing + added)


@Language.factory(
    "plantasks_context_ruler_v1",
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
    default_config={"patterns_file": "program_patterns.jsonl", "overwrite": False},
)
def make_context_ruler(nlp: Language, name: str, patterns_file: str, overwrite: bool):
    return ContextRuler(nlp, name, patterns_file, overwrite)


_COMMA = regex.compile(char_class(COMMAS))


@Language.factory("plantasks_title_filter_v1", assigns=["doc.ents"])
def make_title_filter(nlp: Language, name: str):
    """Drop entities inside a 《…》 title: the title is the mention (policy_refs), and the
    gold leaves the names inside it optional (tests/gold/README.md). Drop too a place or
    body inside a quoted term that is more than its name (反对“两个中国”: the term is the
    mention, as “数字福建” is of a programme)."""

    def drop_in_titles(doc: Doc) -> Doc:
        text = doc_text(doc)
        if not doc.ents or ("《" not in text and "“" not in text):
            return doc
        titles = [(m.start(), m.end()) for m in TITLE.finditer(text)]
        # a quoted term, not a quoted sentence with its clauses (“没有一个…的中国，不可能发展工业。”)
        quotes = [(m.start(), m.end()) for m in QUOTED.finditer(text) if not _COMMA.search(m.group())]
        doc.ents = [
            e
            for e in doc.ents
            if not any(s <= e.start_char and e.end_char <= t for s, t in titles)
            and not (
                e.label_ in ("GPE", "ORG")
                and any(a < e.start_char and e.end_char < b and b - a - 2 > len(e.text) for a, b in quotes)
            )
        ]
        return doc

    return drop_in_titles


# A quoted name of a ship, typhoon, product or honour: not an entity of ours, but it
# holds what is inside it (the 辽宁 of “辽宁舰” is no place mention). Dropped on output.
QUOTED_THING = "QUOTED_THING"


@Language.factory("plantasks_quote_filter_v1", assigns=["doc.ents"])
def make_quote_filter(nlp: Language, name: str):
    """Keep a quoted PROGRAM only when the quote names a programme (extractors/quotes.py):
    quoted idioms, metaphors, problem words and single words (不搞“一刀切”, 最大“富矿”,
    反对“台独”, “稳”) are dropped, names of things and honours (“辽宁舰”) become
    :data:`QUOTED_THING`."""

    def judge_quotes(doc: Doc) -> Doc:
        if not doc.ents:
            return doc
        text = doc_text(doc)
        kept = []
        for ent in doc.ents:
            if ent.label_ == "PROGRAM" and text.startswith("“", ent.start_char):
                verdict, _ = judge(text, ent.start_char, ent.end_char)
                if verdict == PROGRAMME:
                    kept.append(ent)
                elif verdict == THING:
                    kept.append(Span(doc, ent.start, ent.end, label=QUOTED_THING))
            else:
                kept.append(ent)
        doc.ents = kept
        return doc

    return judge_quotes


class _Reach:
    """Where an extension ends, like a regex match's end (the next entity's end)."""

    def __init__(self, end: int) -> None:
        self._end = end

    def end(self) -> int:
        return self._end


@Language.factory(
    "plantasks_entity_filter_v1",
    assigns=["doc.ents"],
    default_config={"rules_file": "entity_context.jsonl"},
)
def make_entity_filter(nlp: Language, name: str, rules_file: str):
    """Entities judged by the characters next to them (``extractors/data/<rules_file>``).

    ``drop``: 中国 in a derived word (中国化, 中国特色) or a name (中国国际进口博览会) is no
    place mention, 马克思 in 马克思主义 no person; ``extend``: the entity is the start of a
    longer name (平潭县 + 人民政府 is one ORG, 健康 + 中国 one PROGRAM). Rules run in file
    order, each over the entities the ones before it left.
    """
    rules = load_filter_rules(rules_file)
    labels = {rule["label"] for rule in rules}

    def apply(doc: Doc) -> Doc:
        if not doc.ents or not any(ent.label_ in labels for ent in doc.ents):
            return doc
        text = doc_text(doc)
        ents = list(doc.ents)
        for rule in rules:
            out, extended = [], False
            for ent in ents:
                if ent.label_ != rule["label"]:
                    out.append(ent)
                    continue
                after = before = None
                if "followed_by_label" in rule:
                    # 中国 + 外交部: the entity right after it, of that label, is the rest of the name
                    nxt = next(
                        (e for e in ents if e.start_char == ent.end_char and e.label_ == rule["followed_by_label"]),
                        None,
                    )
                    if nxt is None:
                        out.append(ent)
                        continue
                    after = _Reach(nxt.end_char)
                if "followed_by" in rule:
                    after = rule["followed_by"].match(text, ent.end_char)
                    if after is None:
                        out.append(ent)
                        continue
                if "preceded_by" in rule:
                    before = rule["preceded_by"].search(text, max(0, ent.start_char - 12), ent.start_char)
                    if before is None:
                        out.append(ent)
                        continue
                if "name_regex" in rule and not rule["name_regex"].fullmatch(ent.text):
                    out.append(ent)
                    continue
                if rule["action"] == "drop":
                    continue
                span = doc.char_span(
                    before.start() if before else ent.start_char,
                    after.end() if after else ent.end_char,
                    label=rule.get("to", ent.label_),
                    alignment_mode="expand",
                )
                out.append(span if span is not None else ent)
                extended = True
            ents = filter_spans(out) if extended else out
        doc.ents = sorted(ents)
        return doc

    return apply


@Language.factory("plantasks_rule_marker_v1", assigns=["doc.spans"])
def make_rule_marker(nlp: Language, name: str):
    """Remember which entities the rules found, so later ones are source ``model``."""

    def mark(doc: Doc) -> Doc:
        doc.spans[RULE_SPANS_KEY] = list(doc.ents)
        return doc

    return mark


# --- the pipeline ------------------------------------------------------------------------


def load_config(segmenter: str = "jieba"):
    """``extractors/entities.cfg`` with the chosen segmenter."""
    if segmenter not in SEGMENTERS:
        raise DataFileError(str(CONFIG_PATH), f"segmenter {segmenter!r} not one of {SEGMENTERS}")
    try:
        config = spacy.util.load_config(CONFIG_PATH)
    except (OSError, ValueError) as exc:
        raise DataFileError(str(CONFIG_PATH), f"cannot read: {exc}") from exc
    config["nlp"]["tokenizer"]["segmenter"] = segmenter
    return config


@cache
def build_nlp(segmenter: str = "jieba", use_model: bool = True) -> Language:
    """The entity pipeline, built once per process and per (segmenter, use_model).

    With ``use_model`` the trained ``ner`` from ``extractors/models/ner/`` joins after
    the rules; it is skipped (rules only) when no model has been shipped.
    """
    return load_nlp(segmenter, MODEL_DIR if use_model else None)


def load_nlp(segmenter: str = "jieba", model_dir: Path | None = None) -> Language:
    """A new entity pipeline; ``model_dir``: a trained pipeline whose ``ner`` to add."""
    logging.getLogger("jieba").setLevel(logging.WARNING)
    nlp = spacy.util.load_model_from_config(load_config(segmenter), auto_fill=True)
    nlp.initialize()
    if model_dir is not None and (Path(model_dir) / "config.cfg").exists():
        try:
            trained = spacy.load(model_dir, exclude=["tokenizer"])
        except (OSError, ValueError) as exc:
            raise DataFileError(str(model_dir), f"cannot load the trained ner: {exc}") from exc
        nlp.add_pipe("ner", source=trained, after="rule_marker")
    return nlp


def _entities(doc: Doc, text: str, offset: int) -> list[Entity]:
    if not doc.ents:
        return []
    index = SentenceIndex(text)
    rules = {(s.start, s.end, s.label_) for s in doc.spans.get(RULE_SPANS_KEY, [])}
    out = []
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        s, e = index.span_at(ent.start_char)
        out.append(
            Entity(
                text=ent.text,
                char_start=offset + ent.start_char,
                char_end=offset + ent.end_char,
                sentence=text[s:e],
                label=ent.label_,
                source="rule" if (ent.start, ent.end, ent.label_) in rules else "model",
            )
        )
    return out


def extract_entities(
    text: str, *, offset: int = 0, context: Context = Context(), nlp: Language | None = None
) -> list[Entity]:
    """Entities in one passage, with document offsets (``offset`` is its start)."""
    return extract_entities_batch([(text, offset)], context, nlp=nlp)[0]


def extract_entities_batch(
    passages: list[tuple[str, int]], context: Context = Context(), nlp: Language | None = None
) -> list[list[Entity]]:
    """Entities of many ``(text, offset)`` passages in one ``nlp.pipe`` (the fast path)."""
    nlp = nlp or build_nlp()
    texts = [t if isinstance(t, str) else "" for t, _ in passages]
    out = []
    for (text, offset), doc in zip(passages, nlp.pipe(texts), strict=True):
        out.append(_entities(doc, text, offset) if isinstance(text, str) else [])
    return out
