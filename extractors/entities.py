"""Named entities (→ ``entities``): programmes, organisations, places and people.

A spaCy pipeline built from ``spacy.blank("zh")`` and ``extractors/entities.cfg``: a
word segmenter that knows the domain user dictionary (jieba by default, pkuseg as an
optional backend), rule components fed from ``extractors/data/*.jsonl`` (quoted
programme names, a GPE gazetteer generated from the cpca package, an ORG gazetteer of
government bodies, people), and, when ``use_model``, the small statistical ``ner``
trained by ``training/ner/train.py`` and shipped in ``extractors/models/ner/``. The
model runs after the rules and keeps their entities; what it adds has source
``model``. Nothing is downloaded: every file the pipeline reads is in the repo or in
an installed package.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import regex
import spacy
from spacy.lang.zh import ChineseTokenizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, registry

from extractors.context import Context
from extractors.errors import DataFileError
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

_RULER_KEYS = {"label", "pattern", "id", "level", "form"}
_CONTEXT_KEYS = {"label", "pattern", "text_regex", "merge_adjacent", "id", "trim_left",
                 "trim_right", "followed_by", "preceded_by", "name_regex", "requires"}


# --- language data -----------------------------------------------------------------


TEXT_KEY = "plantasks_text"


def doc_text(doc: Doc) -> str:
    """The passage text, kept by the tokenizer (``Doc.text`` rebuilds it on every read)."""
    return doc.user_data.get(TEXT_KEY) or doc.text


def _read_jsonl(path: Path) -> list[tuple[int, dict]]:
    """``(line number, object)`` for every non-comment line; ``//`` starts a comment."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(str(path), f"cannot read: {exc}") from exc
    out = []
    for n, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("//"):
            continue
        try:
            obj = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise DataFileError(str(path), f"line {n}: not JSON: {exc}") from exc
        if not isinstance(obj, dict):
            raise DataFileError(str(path), f"line {n}: expected a JSON object")
        out.append((n, obj))
    return out


def _check_pattern(path: Path, n: int, obj: dict) -> None:
    if obj.get("label") not in LABELS:
        raise DataFileError(str(path), f"line {n}: label {obj.get('label')!r} not one of {LABELS}")
    pattern = obj.get("pattern")
    if isinstance(pattern, str):
        if not pattern:
            raise DataFileError(str(path), f"line {n}: empty pattern")
    elif not (isinstance(pattern, list) and pattern and all(isinstance(t, dict) for t in pattern)):
        raise DataFileError(str(path), f"line {n}: pattern must be a string or a list of token objects")


@cache
def load_ruler_patterns(name: str) -> tuple[dict, ...]:
    """entity_ruler patterns from ``extractors/data/<name>``, validated."""
    path = DATA_DIR / name
    patterns = []
    for n, obj in _read_jsonl(path):
        if set(obj) == {"exclude"} and isinstance(obj["exclude"], str):
            continue  # read by build_gazetteer.py: a generated name to leave out
        unknown = set(obj) - _RULER_KEYS
        if unknown:
            raise DataFileError(str(path), f"line {n}: unknown keys {sorted(unknown)}")
        _check_pattern(path, n, obj)
        patterns.append({k: obj[k] for k in ("label", "pattern", "id") if k in obj})
    if not patterns:
        raise DataFileError(str(path), "no patterns")
    return tuple(patterns)


@cache
def load_context_rules(name: str) -> tuple[tuple[dict, ...], tuple[regex.Pattern, ...]]:
    """Rules and exclusions for ``plantasks_context_ruler_v1`` from ``extractors/data/<name>``."""
    path = DATA_DIR / name
    rules, excludes = [], []
    for n, obj in _read_jsonl(path):
        if "exclude_regex" in obj:
            if set(obj) != {"exclude_regex"}:
                raise DataFileError(str(path), f"line {n}: an exclusion has only exclude_regex")
            try:
                excludes.append(regex.compile(obj["exclude_regex"]))
            except regex.error as exc:
                raise DataFileError(str(path), f"line {n}: bad exclude_regex: {exc}") from exc
            continue
        unknown = set(obj) - _CONTEXT_KEYS
        if unknown:
            raise DataFileError(str(path), f"line {n}: unknown keys {sorted(unknown)}")
        if sum(k in obj for k in ("pattern", "text_regex", "merge_adjacent")) != 1:
            raise DataFileError(
                str(path), f"line {n}: a rule has one of pattern, text_regex, merge_adjacent"
            )
        if "merge_adjacent" in obj and obj["merge_adjacent"] not in LABELS:
            raise DataFileError(str(path), f"line {n}: merge_adjacent must be a label")
        requires = obj.get("requires", [])
        if not (isinstance(requires, list) and all(isinstance(r, str) and r for r in requires)):
            raise DataFileError(str(path), f"line {n}: requires must be a list of strings")
        if "text_regex" in obj or "merge_adjacent" in obj:
            if obj.get("label") not in LABELS:
                raise DataFileError(str(path), f"line {n}: label {obj.get('label')!r} not one of {LABELS}")
            try:
                if "text_regex" in obj:
                    obj = {**obj, "text_regex": regex.compile(obj["text_regex"])}
            except (regex.error, TypeError) as exc:
                raise DataFileError(str(path), f"line {n}: bad text_regex: {exc}") from exc
        else:
            _check_pattern(path, n, obj)
        if isinstance(obj.get("pattern"), str):
            obj = {**obj, "pattern": [{"ORTH": obj["pattern"]}]}
        for key in ("trim_left", "trim_right"):
            value = obj.get(key, 0)
            if not isinstance(value, int) or value < 0:
                raise DataFileError(str(path), f"line {n}: {key} must be a non-negative integer")
        compiled = {}
        for key, template in (("followed_by", "(?:{})"), ("preceded_by", "(?:{})$"),
                              ("name_regex", "(?:{})")):
            if key in obj:
                try:
                    compiled[key] = regex.compile(template.format(obj[key]))
                except (regex.error, TypeError) as exc:
                    raise DataFileError(str(path), f"line {n}: bad {key}: {exc}") from exc
        rules.append({**obj, **compiled, "line": n})
    return tuple(rules), tuple(excludes)


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
        super().__init__(vocab, segmenter="char")
        self.segmenter = segmenter
        if segmenter == "jieba":
            self.jieba_seg = _JiebaCut()

    def initialize(self, get_examples=None, *, nlp=None, pkuseg_model=None,
                   pkuseg_user_dict="default"):
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
            doc = super().__call__(text)
        except ValueError:
            # A segmenter that drops or alters characters: fall back to characters.
            words, spaces = spacy.util.get_words_and_spaces(list(text), text)
            doc = Doc(self.vocab, words=words, spaces=spaces)
        # Doc.text joins every token each time it is read; the rule components read it
        # several times per passage (the largest item of the profile, #10)
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
    ``name_regex`` the whole entity text; ``trim_left``/``trim_right`` drop context
    tokens that a token pattern had to include. Exclusions drop matches by their text
    (“十三五” is a time, #7). A rule with ``text_regex`` instead of a token ``pattern``
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
                raise DataFileError(
                    str(DATA_DIR / patterns_file), f"line {rule['line']}: bad pattern: {exc}"
                ) from exc
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
            if "requires" in rule and not any(r in text for r in rule["requires"]):
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
            if any(x.fullmatch(span.text) for x in self.excludes):
                continue
            spans.append(span)
        if spans:
            doc.ents = _merge(list(doc.ents), spans, self.overwrite)
        return doc


class PatternRuler(EntityRuler):
    """spaCy's entity_ruler, less a per-document cost.

    ``EntityRuler.match`` recounts every pattern on each call to warn about an empty
    ruler, which with the 3,800-name GPE gazetteer took as long as the matching; the
    patterns are fixed after ``initialize``, so the check runs there once.
    """

    def initialize(self, get_examples, *, nlp=None, patterns=None):
        super().initialize(get_examples, nlp=nlp, patterns=patterns)
        super()._require_patterns()

    def _require_patterns(self) -> None:
        return None


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


_TITLE = regex.compile(r"《[^《》\n]*》")


@Language.factory("plantasks_title_filter_v1", assigns=["doc.ents"])
def make_title_filter(nlp: Language, name: str):
    """Drop entities inside a 《…》 title: the title is the mention (policy_refs), and the
    gold leaves the names inside it optional (tests/gold/README.md)."""

    def drop_in_titles(doc: Doc) -> Doc:
        text = doc_text(doc)
        if "《" not in text or not doc.ents:
            return doc
        titles = [(m.start(), m.end()) for m in _TITLE.finditer(text)]
        if titles:
            doc.ents = [e for e in doc.ents
                        if not any(s <= e.start_char and e.end_char <= t for s, t in titles)]
        return doc

    return drop_in_titles


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
        out.append(Entity(
            text=ent.text,
            char_start=offset + ent.start_char,
            char_end=offset + ent.end_char,
            sentence=text[s:e],
            label=ent.label_,
            source="rule" if (ent.start, ent.end, ent.label_) in rules else "model",
        ))
    return out


def extract_entities(text: str, *, offset: int = 0, context: Context = Context(),
                     nlp: Language | None = None) -> list[Entity]:
    """Entities in one passage, with document offsets (``offset`` is its start)."""
    return extract_entities_batch([(text, offset)], context, nlp=nlp)[0]


def extract_entities_batch(passages: list[tuple[str, int]], context: Context = Context(),
                           nlp: Language | None = None) -> list[list[Entity]]:
    """Entities of many ``(text, offset)`` passages in one ``nlp.pipe`` (the fast path)."""
    nlp = nlp or build_nlp()
    texts = [t if isinstance(t, str) else "" for t, _ in passages]
    out = []
    for (text, offset), doc in zip(passages, nlp.pipe(texts), strict=True):
        out.append(_entities(doc, text, offset) if isinstance(text, str) else [])
    return out


def pipe_docs(texts: Iterable[str], nlp: Language | None = None) -> Iterable[Doc]:
    """spaCy ``Doc``s with entities, for training and evaluation scripts."""
    return (nlp or build_nlp()).pipe(texts)
