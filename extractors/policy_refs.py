"""Named policy documents (《…》) with the action taken on them (→ ``policy_refs``).

Plans announce a document one year (出台《…实施意见》) and implement it the next
(落实《…》, 大连 2018), so every 《…》 is kept with the verb that governs it and a
``ref_key`` that stays the same when the title is written differently.

Rules, all words and patterns from ``extractors/data/policy_actions.yaml``:

* One reference per outermost 《…》; nested 《》 or 〈〉 stay inside the title. A title the
  source broke across one line break is rejoined (the break is not part of the title).
* Lists (《A》《B》, 《A》和《B》, 《A》、《B》) share the verb before their first item.
* The action comes, in this order of preference, from: the verb chain written right
  before the 《 (出台《, 制定了《, 修订大连市中小学《 — a qualifier may stand between); a
  verb earlier in the clause when a list joiner stands before the 《 (贯彻落实…精神和《);
  a pattern after the last 》 of the list (《…》的制定, 《…》将提请本次大会审议); a verb
  before an attributive phrase (根据…通过的《 → 根据), or else the attributive verb itself
  (全会通过的《 → 通过); otherwise ``other`` with no action_text. A suffix right after an
  item (修订草案, 草案) overrides the verb for the items up to it (gov-report 2005). A weak
  verb (启动) yields to the next verb of its chain or to a pattern after the list.
* A chain (出台并实施, 学习贯彻) takes the action of its first verb that is not ``other``.
* The verb is data, and the action does not depend on the part: 颁布了《…》 in a review is
  ``issue`` as in a plan. 审议 and 提请…审议 are ``draft`` (the document is not yet adopted);
  通过 and 审议通过 are ``issue``; 根据/按照/加入/签署/推动 are ``other``.
* action_text is the verb chain as written, manner adverbs included (全面实施, 出台并实施,
  扎实实施), as tests/gold/README.md decides.
* A qualifier outside the brackets (我市, 国务院, 大连市中小学, “十五”计划) goes in
  ``qualifier``, never in the title; before the first title of a list it applies to
  every title of the list (修订大连市中小学《A》和《B》).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

from extractors import language_data as ld
from extractors.char_classes import CLAUSE_STOPS, char_class
from extractors.context import Context
from extractors.records import ACTIONS, PolicyRef
from extractors.sentences import SentenceIndex

_WORDS = ld.Strings()
_ACTION_PATTERNS = ld.ListOf(ld.Record(pattern=ld.Pattern(), action=ld.OneOf(ACTIONS)))
POLICY_ACTIONS = ld.register(
    "policy_actions",
    ld.EXTRACTORS_DATA / "policy_actions.yaml",
    used_by="extractors/policy_refs.py",
    spec=ld.Record(
        actions=ld.Record(**{a: _WORDS for a in ACTIONS}),
        adverbs=_WORDS,
        prepositions=_WORDS,
        verb_links=_WORDS,
        verb_fillers=_WORDS,
        verb_particles=_WORDS,
        tense_markers=_WORDS,
        weak_verbs=_WORDS,
        alias_markers=_WORDS,
        qualifiers=ld.Strings(ld.Pattern()),
        list_joiners=ld.Strings(ld.Text(allow_empty=True)),
        item_suffixes=_ACTION_PATTERNS,
        postfix=_ACTION_PATTERNS,
        key=ld.Record(
            before_guanyu=ld.Pattern(),
            prefixes=ld.Strings(ld.Pattern()),
            strip=ld.Strings(ld.Pattern()),
            short_forms=_WORDS,
        ),
    ),
)

# How far back from a 《 the governing verb may stand, and how long a title may be.
_WINDOW = 40
_TAIL = 40
_MAX_TITLE = 200
# A clause ends at these; the verb governing a 《 stands in its clause.
_CLAUSE_END = regex.compile(char_class(CLAUSE_STOPS + "\n"))


@dataclass(frozen=True, slots=True)
class PolicyActions:
    """Compiled contents of ``policy_actions.yaml``."""

    verb_action: dict[str, str]
    verbs: tuple[str, ...]  # longest first
    adverbs: tuple[str, ...]  # longest first
    chain: regex.Pattern  # a verb chain anywhere (look-back)
    pre_verb: regex.Pattern  # chain [了] [qualifier] at the end of a window
    attributive: regex.Pattern  # chain [了] 的 [qualifier] at the end of a window
    qualifier: regex.Pattern  # qualifier at the end of a window
    joiner: regex.Pattern  # the gap between two items of one list
    item_suffixes: tuple[tuple[regex.Pattern, str], ...]
    postfix: tuple[tuple[regex.Pattern, str], ...]
    link_words: tuple[str, ...]
    weak_verbs: frozenset[str]
    prepositions: frozenset[str]
    joined: regex.Pattern  # a window ending in a list joiner (…精神和《)
    alias: regex.Pattern  # the gap 》（以下简称《
    key_guanyu: regex.Pattern
    key_prefix: regex.Pattern
    key_strip: tuple[regex.Pattern, ...]
    short_forms: frozenset[str]


_alt = ld.longest_first


def _compile(path: Path, where: str, pattern: str) -> regex.Pattern:
    try:
        return regex.compile(pattern)
    except regex.error as exc:
        raise ld.fail(path, where, f"bad pattern {pattern!r}: {exc}") from exc


def _action_patterns(path: Path, items: list[dict]) -> tuple[tuple[regex.Pattern, str], ...]:
    return tuple((regex.compile(item["pattern"]), item["action"]) for item in items)


def build_policy_actions(data: dict, path: Path = POLICY_ACTIONS.path) -> PolicyActions:
    """Compile the checked content of ``policy_actions.yaml`` (a verb under one action
    only; weak verbs and prepositions are verbs of the list)."""
    actions = data["actions"]
    verb_action: dict[str, str] = {}
    for action in ACTIONS:
        for verb in actions[action]:
            if verb in verb_action:
                raise ld.fail(path, f"actions.{action}", f"verb {verb} listed under {verb_action[verb]} and {action}")
            verb_action[verb] = action
    verbs = tuple(sorted(verb_action, key=lambda w: (-len(w), w)))
    if not verbs:
        raise ld.fail(path, "actions", "lists no verb")
    links, fillers, particles = data["verb_links"], data["verb_fillers"], data["verb_particles"]
    tense, weak, adverbs, preps = data["tense_markers"], data["weak_verbs"], data["adverbs"], data["prepositions"]
    for key, words in (("weak_verbs", weak), ("prepositions", preps)):
        for w in words:
            if w not in verb_action:
                raise ld.fail(path, key, f"{w} is not a verb under actions")
    alias, quals, joiners = data["alias_markers"], data["qualifiers"], data["list_joiners"]
    key = data["key"]

    verb = f"(?:{_alt(verbs)})"
    chain = (
        rf"(?P<chain>(?:{_alt(adverbs)})*(?P<first>{verb})(?:(?:{_alt(links)})?(?:{_alt(fillers)})?{verb})*"
        rf"(?:{_alt(particles)})?)"
    )
    tense_alt = _alt(tense)
    qual = "(?:" + ("|".join(f"(?:{q})" for q in quals) or "(?!)") + ")"
    item_suffixes = _action_patterns(path, data["item_suffixes"])
    suffix_alt = "|".join(f"(?:{p.pattern})" for p, _ in item_suffixes)
    return PolicyActions(
        verb_action=verb_action,
        verbs=verbs,
        adverbs=tuple(sorted(set(adverbs), key=lambda w: (-len(w), w))),
        chain=_compile(path, "actions", chain),
        pre_verb=_compile(path, "actions", rf"{chain}(?:{tense_alt})?(?P<qual>{qual})?\Z"),
        attributive=_compile(path, "actions", rf"{chain}(?:{tense_alt})?的(?P<qual>{qual})?\Z"),
        qualifier=_compile(path, "qualifiers", rf"(?P<qual>{qual})\Z"),
        joiner=_compile(path, "list_joiners", rf"(?:{suffix_alt or '(?!)'})?(?:{_alt(joiners)})?(?P<qual>{qual})?"),
        item_suffixes=item_suffixes,
        postfix=_action_patterns(path, data["postfix"]),
        link_words=tuple(sorted(set(links) | set(fillers), key=len, reverse=True)),
        weak_verbs=frozenset(weak),
        prepositions=frozenset(preps),
        joined=_compile(path, "list_joiners", rf"(?:{_alt(j for j in joiners if j)})\Z"),
        alias=_compile(path, "alias_markers", rf"[（(，,]?\s*(?:{_alt(alias)})[：:]?[“\"]?"),
        key_guanyu=_compile(path, "key.before_guanyu", rf"^(?:{key['before_guanyu']})?关于"),
        key_prefix=_compile(path, "key.prefixes", "^(?:" + "|".join(f"(?:{p})" for p in key["prefixes"]) + ")"),
        key_strip=tuple(_compile(path, "key.strip", s) for s in key["strip"]),
        short_forms=frozenset(key["short_forms"]),
    )


@cache
def load_policy_actions() -> PolicyActions:
    """The project's verb, qualifier and key data (read and checked once per process)."""
    return build_policy_actions(ld.load("policy_actions"))


def ref_key(title: str) -> str:
    """A key that is the same for one document written differently.

    Drops year spans ((2017-2020年)), （草案）, brackets, quotes and spaces; then an issuer
    with 关于 (国务院办公厅关于…的意见 → …的意见: 大连 2018 cites
    《全面深化新时代教师队伍建设改革的意见》 without either) and a leading
    中华人民共和国/大连市 (laws and city plans are named with and without them).
    """
    data = load_policy_actions()
    key = title
    for pattern in data.key_strip:
        key = pattern.sub("", key)
    for pattern in (data.key_guanyu, data.key_prefix):
        stripped = pattern.sub("", key, count=1)
        if stripped:
            key = stripped
    return key


def resolve_ref_keys(refs: list[PolicyRef]) -> list[PolicyRef]:
    """Give short forms (《纲要》, 《建议》, 《纲要草案》) the key of the full title before them.

    Called once per document on all its references: the 2001/2006/2016 reports name
    the plan in full once, then write 《纲要（草案）》 or 《建议》. A name the extractor
    linked to another (《A》（以下简称《B》）) links every later 《B》 too; otherwise a
    short form (a bare document type from the data file: 纲要, 建议) takes the key of
    the latest earlier reference whose longer key ends with it. Short law names
    (《公司法》) are not short forms: they are full names. Order is kept.
    """
    short_forms = load_policy_actions().short_forms
    order = sorted(range(len(refs)), key=lambda i: refs[i].char_start)
    out = list(refs)
    full: list[str] = []
    aliases: dict[str, str] = {}
    for i in order:
        ref = refs[i]
        key = ref.ref_key
        own = ref_key(ref.title)
        if key != own:  # an alias the extractor resolved
            aliases[own] = key
            continue
        if key in aliases:
            out[i] = dataclasses.replace(ref, ref_key=aliases[key])
            continue
        if key not in short_forms:
            full.append(key)
            continue
        for candidate in reversed(full):
            if candidate != key and candidate.endswith(key):
                out[i] = dataclasses.replace(ref, ref_key=candidate)
                break
    return out


@dataclass(slots=True)
class _Item:
    start: int  # of 《, in the passage
    end: int  # after 》
    title: str
    key: str
    qualifier: str | None = None
    action: str = "other"
    action_text: str | None = None
    alias: bool = False


def _bracket_spans(text: str) -> list[tuple[int, int]]:
    """Outermost 《…》 spans; an unclosed 《 is skipped, one line break may stand inside."""
    spans = []
    i = text.find("《")
    while i != -1:
        depth, j, breaks, end = 0, i, 0, -1
        while j < len(text) and j - i <= _MAX_TITLE:
            c = text[j]
            if c == "《":
                depth += 1
            elif c == "》":
                depth -= 1
                if depth == 0:
                    end = j + 1
                    break
            elif c == "\n":
                breaks += 1
                if breaks > 1:
                    break
            j += 1
        if end == -1:
            i = text.find("《", i + 1)
        else:
            spans.append((i, end))
            i = text.find("《", end)
    return spans


def _window_start(text: str, pos: int, floor: int) -> int:
    """Start of the clause before ``pos``, not before ``floor`` nor ``_WINDOW`` back."""
    lo = max(floor, pos - _WINDOW)
    for k in range(pos - 1, lo - 1, -1):
        if _CLAUSE_END.match(text, k):
            return k + 1
    return lo


def _chain_verbs(data: PolicyActions, chain: str) -> list[tuple[int, str]]:
    """(position, verb) of each verb of a chain, longest verb first at each step."""
    out, pos = [], 0
    while pos < len(chain):
        for word in data.link_words:
            if chain.startswith(word, pos):
                pos += len(word)
                break
        for verb in data.verbs:
            if chain.startswith(verb, pos):
                out.append((pos, verb))
                pos += len(verb)
                break
        else:
            break
    return out


def _chain_action(data: PolicyActions, m: regex.Match) -> tuple[str, str]:
    """Action and action_text of a matched verb chain.

    The action is that of the first verb that is not ``other`` (学习贯彻 → implement)
    nor a weak verb with another verb after it (启动修订 → revise);
    action_text is the chain with its adverbs (全面实施, 出台并实施).
    A leading preposition-verb followed by another verb is dropped (通过实施《…》 means
    "by implementing", not "adopt").
    """
    chain = m.group("chain")
    lead = m.start("first") - m.start("chain")  # adverbs before the first verb
    verbs = _chain_verbs(data, chain[lead:])
    if len(verbs) > 1 and verbs[0][1] in data.prepositions:
        verbs = verbs[1:]
        chain = chain[lead + verbs[0][0] :]
    if not verbs:
        return data.verb_action.get(m.group("first"), "other"), chain
    for k, (_, verb) in enumerate(verbs):
        if verb in data.weak_verbs and k + 1 < len(verbs):  # 启动修订 → revise
            continue
        if data.verb_action[verb] != "other":
            return data.verb_action[verb], chain
    return "other", chain


def _groups(text: str, data: PolicyActions, spans: list[tuple[int, int]]) -> list[list[_Item]]:
    """Items joined by list joiners (《A》、《B》, 《A》和《B》, 《A》《B》) form one group."""
    groups: list[list[_Item]] = []
    for start, end in spans:
        title = regex.sub(r"\s*\n\s*", "", text[start + 1 : end - 1])
        item = _Item(start, end, title, key=ref_key(title))
        if groups:
            prev = groups[-1][-1]
            gap = data.joiner.fullmatch(text, prev.end, start)
            if gap is not None:
                item.qualifier = gap.group("qual") or None
                groups[-1].append(item)
                continue
            if data.alias.fullmatch(text, prev.end, start):
                item.key = prev.key
                item.alias = True
        groups.append([item])
    return groups


def _postfix(data: PolicyActions, tail: str) -> tuple[str, str | None] | None:
    for pattern, act in data.postfix:
        m = pattern.search(tail)
        if m is not None:
            return act, (m.group("verb") if "verb" in pattern.groupindex else None)
    return None


def _assign(text: str, data: PolicyActions, group: list[_Item], floor: int) -> None:
    """Set action, action_text and qualifiers of one list (see the module docstring)."""
    first, last = group[0], group[-1]
    ws = _window_start(text, first.start, floor)
    window = text[ws : first.start]
    tail = text[last.end : last.end + _TAIL]
    action, action_text = "other", None
    direct = data.pre_verb.search(window)
    if first.alias:
        pass  # （以下简称《B》）: a name, not an action
    elif direct is not None:
        action, action_text = _chain_action(data, direct)
        first.qualifier = direct.group("qual") or None
        if direct.group("first") in data.weak_verbs and direct.end("first") == direct.end("chain"):
            # 启动《…》修订工作 → revise
            action, action_text = _postfix(data, tail) or (action, action_text)
    else:
        q = data.qualifier.search(window)
        first.qualifier = (q.group("qual") or None) if q else None
        found: tuple[str, str | None] | None = None
        if data.joined.search(window):  # 贯彻落实…精神和《…》: the verb governs the list
            back = data.chain.search(window)
            if back is not None:
                found = _chain_action(data, back)
        found = found or _postfix(data, tail)
        if found is None:
            attr = data.attributive.search(window)
            if attr is not None:
                if attr.group("qual"):
                    first.qualifier = attr.group("qual")
                back = data.chain.search(window, 0, attr.start())
                m = back if back is not None else attr
                found = _chain_action(data, m)
        if found is not None:
            action, action_text = found
    for item in group:
        item.action, item.action_text = action, action_text
        item.qualifier = item.qualifier or first.qualifier
    # A suffix (修订草案, 草案) overrides the verb for the items up to it.
    done = 0
    for k, item in enumerate(group):
        for pattern, act in data.item_suffixes:
            m = pattern.match(text, item.end)
            if m is not None:
                for earlier in group[done : k + 1]:
                    earlier.action, earlier.action_text = act, m.group()
                done = k + 1
                break


def extract_policy_refs(text: str, *, offset: int = 0, context: Context = Context()) -> list[PolicyRef]:
    """Every 《…》 in ``text`` as a :class:`PolicyRef` with document offsets.

    ``ref_key`` is per title; call :func:`resolve_ref_keys` on a whole document's refs
    to link short forms to the full title.
    """
    data = load_policy_actions()
    spans = _bracket_spans(text)
    if not spans:
        return []
    sentences = SentenceIndex(text)
    refs: list[PolicyRef] = []
    floor = 0
    for group in _groups(text, data, spans):
        _assign(text, data, group, floor)
        floor = group[-1].end
        for item in group:
            refs.append(
                PolicyRef(
                    text=text[item.start : item.end],
                    char_start=offset + item.start,
                    char_end=offset + item.end,
                    sentence=sentences.sentence_at(item.start),
                    title=item.title,
                    qualifier=item.qualifier,
                    action=item.action,
                    action_text=item.action_text,
                    ref_key=item.key,
                )
            )
    return refs
