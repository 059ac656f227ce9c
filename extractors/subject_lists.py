"""Subjects across a list: the items of A、B…分别 X、Y, and the items of a list of clauses.

The single amount's subject comes from :mod:`extractors.subjects`; here the subjects of
the amounts of one sentence are read together. Items listed before 分别 take one amount
each (单位国内生产总值能耗和二氧化碳排放分别降低13.5%、18% → 单位国内生产总值二氧化碳排放降低
for the second), and a bare item of a list of clauses is completed by the item before it
(原煤产量达到7.7亿吨，原油达到1.1亿吨 → 原油产量). The words are data:
``data/subject_words.yaml`` (list_words, shared_tails, distributive, list_heads,
list_leads, measure_ends).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import regex

from extractors.char_classes import (
    CLAUSE_STOP,
    CLAUSE_STOPS,
    COLONS,
    COMMAS,
    FULL_STOP,
    LIST_COMMA,
    LONG_SENTENCE_STOPS,
    ROUND_BRACKETS,
    SEMICOLONS,
    SENTENCE_STOPS,
    SPACES,
    char_class,
)
from extractors.indicators import before_base
from extractors.numerals import DIGIT_CHARS, PLACE_CHARS
from extractors.segmentation import cut, tag
from extractors.subjects import (
    NOUNISH,
    SHORT_ITEM,
    SubjectWords,
    bare_noun,
    done_only,
    has_verb,
    is_measure,
    level,
    starts_with_verb,
    subject_words,
    trim,
    without_opening_time,
)
from extractors.target_kinds import kind_words


def distribute(
    text: str,
    subjects: list[str],
    starts: list[int],
    respectively_before: list[bool],
    explicit: list[bool] | None = None,
) -> list[str]:
    """Give each of A、B…分别 X、Y its own subject.

    ``subjects`` are the subjects found for a run of amounts of one sentence that share
    one subject; the amounts take the listed items in order when the items and amounts
    are as many. Items that are modifiers of one head share it, aligned by length
    (城镇和农村居民人均可支配收入 → 城镇居民…, 农村居民…; 进口、出口通关时间); a qualifier
    that opens the first item is shared by the others (单位国内生产总值能耗和二氧化碳排放 →
    单位国内生产总值二氧化碳排放); the change word after the list goes to every item
    (二氧化硫、氮氧化物排放减少 → 二氧化硫排放减少, 氮氧化物排放减少). A word naming two groups
    (城乡) is shared out only where ``explicit`` says 分别 is written out (not the 均 of 平均).
    """
    words = subject_words()
    out = list(subjects)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and subjects[j + 1] == subjects[i]:
            j += 1
        run = range(i, j + 1)
        i = j + 1
        if len(run) < 2 or not subjects[run[0]] or not respectively_before[run[0]]:
            continue
        items = _split_items(subjects[run[0]], words)
        if items is None:
            written = explicit[run[0]] if explicit is not None else True
            paired = _paired(subjects[run[0]], len(run), words) if written else None
            if paired is not None:
                for k, subject in zip(run, paired):
                    out[k] = subject
            continue
        if len(items[0]) != len(run):
            continue
        for k, subject in zip(run, _expand(items[0], items[1], words)):
            out[k] = subject
    return out


def _paired(subject: str, n: int, words: SubjectWords) -> list[str] | None:
    """城乡低保标准 over two amounts → 城市低保标准, 农村低保标准: a word naming as many groups as
    there are amounts, opening a word of the subject, is read once per group."""
    bounds = _bounds(subject)
    for word, groups in words.paired_groups:
        at = subject.find(word)
        if at >= 0 and len(groups) == n and at in bounds:
            return [subject[:at] + g + subject[at + len(word) :] for g in groups]
    return None


def _split_items(subject: str, words: SubjectWords) -> tuple[list[str], str] | None:
    """(items, change word after them) of 二氧化硫、氮氧化物排放减少, or None if no list."""
    base, tail = _base_and_change(subject)
    groups: list[list[str]] = [[]]
    for w in cut(base):
        if w in words.list_words:
            groups.append([])
        else:
            groups[-1].append(w)
    if len(groups) < 2 or not all(groups):
        return None
    return ["".join(g) for g in groups], tail


def _expand(items: list[str], tail: str, words: SubjectWords) -> list[str]:
    items = _qualified(items, words)
    first, last = items[0], items[-1]
    prefix = next((p for p in words.distributive if first.startswith(p) and len(first) > len(p)), "")
    if prefix:
        # parallel nouns after a shared qualifier share the measure word ending the last
        # (限上住宿业、餐饮业营业额 → 限上住宿业营业额, 限上餐饮业营业额)
        last_words = cut(last)
        ends = tuple(words.measure_ends)
        if len(last_words) > 1 and last_words[-1].endswith(ends):
            sectors = tuple(words.sector_ends)
            items = [it + last_words[-1] if it.endswith(sectors) else it for it in items[:-1]] + [last]
    if not prefix:
        prefix = _verb_lead(first, items[1:])
        if prefix:
            # 中央财政用于科技、教育、卫生和文化事业的支出: the items are the objects of the
            # verb that opens the first; its head (事业的支出) is read as for the others
            return [prefix + it for it in _expand([first[len(prefix) :], *items[1:]], tail, words)]
    if prefix:
        return [(it if it.startswith(prefix) else prefix + it) + tail for it in items]
    # the shared tail that starts at the first shared-tail word of the last item
    # (化学需氧量、二氧化硫排放量 → 化学需氧量排放量)
    tokens = cut(last)
    at = next((k for k in range(1, len(tokens)) if tokens[k] in words.shared_tails), None)
    if at is not None and not any(it.endswith(tuple(words.shared_tails)) for it in items[:-1]):
        head = "".join(tokens[at:])
        items = items[:-1] + ["".join(tokens[:at])]
        return [it + head + tail for it in items]
    tagged = tag(last)
    if (
        len(tagged) > 1
        and tagged[0][1].startswith("n")
        and (tagged[1][1].startswith("v") or tagged[1][0] in words.verbs)
        and all(tag(it)[-1][1].startswith("n") for it in items[:-1])
    ):
        # nouns that each do what the verb phrase after the last says (煤炭、电解铝分别淘汰落后
        # 生产能力 → 煤炭淘汰落后生产能力, 电解铝淘汰落后生产能力)
        phrase = last[len(tagged[0][0]) :]
        return [it + phrase + tail for it in items[:-1]] + [last + tail]
    parallel = _parallel(first, last)
    if parallel is not None:
        lead, head = parallel
        return [
            (it if it.startswith(lead) else lead + it) + (head if not it.endswith(head) else "") + tail for it in items
        ]
    if len(last) > 2 and all(len(it) == 1 for it in items[:-1]):
        # one-character modifiers share what follows the last's first character (中、高等职业
        # 教育在校生 → 中等职业教育在校生; 大、中城市 → 大城市)
        return [it + last[1:] + tail for it in items[:-1]] + [last + tail]
    head = ""
    if all(len(it) < len(last) for it in items[:-1]):
        # modifiers of one head, parallel in length: 城镇和农村居民人均可支配收入; a longer
        # modifier must end where a word of the last item ends
        n = len(items[-2])
        bounds = {sum(len(t) for t in tokens[:k]) for k in range(len(tokens) + 1)}
        head = last[n:] if n >= 2 and len(last) - n >= 2 and (n in bounds or n <= 3) else ""
        if head and any(it.endswith(cut(head)[-1]) for it in items[:-1]):
            head = ""  # 农村居民人均纯收入和城镇居民人均可支配收入: each item is whole
    return [it + head + tail for it in items[:-1]] + [last + tail]


def _qualified(items: list[str], words: SubjectWords) -> list[str]:
    """A bare measure word listed after a qualified one of its kind takes its qualifier
    (学前教育公办率、普惠率、义务教育公办率 → 学前教育普惠率)."""
    out = list(items)
    ends = tuple(words.measure_ends)
    for i in range(1, len(out)):
        own, before = out[i], out[i - 1]
        end = next((e for e in ends if own.endswith(e)), "")
        if not end or len(own) > 3 or len(before) <= len(own) or not before.endswith(end):
            continue
        qualifier = before[: len(before) - len(own)]
        # not one measure of the vocabulary (森林覆盖率、绿化率: 绿化率 is a measure of its own)
        if len(qualifier) >= 2 and len(qualifier) in _bounds(before) and not is_measure(before):
            out[i] = qualifier + own
    return out


def _bounds(phrase: str) -> set[int]:
    out, at = {0}, 0
    for w in cut(phrase):
        at += len(w)
        out.add(at)
    return out


def _parallel(first: str, last: str) -> tuple[str, str] | None:
    """(qualifier, head) shared by parallel items whose first opens with the qualifier and
    whose last ends with the head (城镇职工基本养老保险、基本医疗保险参保人数 → 城镇职工,
    参保人数): the last holds the two characters that end the first, and the first the two
    that open the last, each at a word boundary (no qualifier when the first does not hold
    them); None when the last does not hold the end of the first."""
    if len(first) < 4 or len(last) < 4:
        return None
    k = last.rfind(first[-2:], 0, len(last) - 2)
    p = first.find(last[:2], 2)
    if k < 2 or k + 2 not in _bounds(last):
        return None
    return (first[:p] if p >= 2 and p in _bounds(first) else ""), last[k + 2 :]


def _verb_lead(first: str, others: list[str]) -> str:
    """The agent and verb that open the first item when the others are bare nouns as long
    as what follows the verb (中央财政用于科技 beside 教育、卫生 → 中央财政用于), else ""."""
    tokens = tag(first)
    at = max((k for k, (_, f) in enumerate(tokens) if f.startswith(("v", "p"))), default=None)
    if at is None or at == 0 or at + 1 == len(tokens):
        return ""
    lead = "".join(w for w, _ in tokens[: at + 1])
    rest = first[len(lead) :]
    short = others[:-1] or others
    if not all(f.startswith("n") for _, f in tokens[at + 1 :]):
        return ""
    if any(abs(len(it) - len(rest)) > 1 or any(f in ("v", "p") for _, f in tag(it)) for it in short):
        return ""
    return lead


# --------------------------------------------------------------------------- lists after a colon

_COLON = regex.compile(char_class(COLONS))


@lru_cache(maxsize=4)
def _having_pattern(measure_ends: tuple[str, ...], having: tuple[str, ...]) -> regex.Pattern:
    ends, verbs = (sorted(w, key=len, reverse=True) for w in (measure_ends, having))
    return regex.compile(
        f"(?:{'|'.join(map(regex.escape, ends))})(?:{'|'.join(map(regex.escape, verbs))})(?=\\p{{Han}})"
    )


def _having_list(words: SubjectWords) -> regex.Pattern:
    """A measure word and the verb of having that opens a list of items after it (生产能力有煤炭…;
    the verbs are target_kinds.yaml's ``existential``)."""
    return _having_pattern(tuple(words.measure_ends), tuple(kind_words().existential))


_REACH = 200  # how far back a colon may open a list (the long sentence stops bound it anyway)


def after_a_colon(
    text: str, amounts: list[tuple[tuple[int, int], int, str | None, str]], subjects: list[str], lead: str = ""
) -> list[str]:
    """Items listed after a measure and a colon share it: 冶金工业新增加的生产能力有：生铁188万吨，
    钢116万吨 → 冶金工业新增加的生铁生产能力, …的钢生产能力; 主要产品产量增长的情况是：…钢材增长46%
    → 钢材产量增长; 年产能力如下：抚顺矿务局所属煤矿为九百三十万吨 → 抚顺矿务局所属煤矿年产能力.
    An item is a bare noun right before its amount, or before a change word or a link (为); the
    share after it (工业部门为…，占百分之五十八点二) is its too. The measure is the clause before
    the colon (see ``_colon_measure``), and it must end in a measure word."""
    words = subject_words()
    having = _having_list(words)
    out = list(subjects)
    done: dict[int, tuple[str, str]] = {}  # colon → (item, its subject) just completed
    for k, (clause, start, _, subject) in enumerate(amounts):
        if not subject:
            continue
        opening = text[clause[0] : start].strip()
        colon, at = None, -1
        for m in _COLON.finditer(text, max(0, clause[0] - _REACH), clause[0]):
            colon, at = m, m.start()
        for m in having.finditer(text, max(0, clause[0] - _REACH), start):
            first = next((a[1] for a in amounts if a[1] >= m.end()), None)
            if (
                first is not None
                and m.end() > (colon.end() if colon is not None else -1)
                and not CLAUSE_STOP.search(text, m.end(), first)
            ):
                # 当年新增加的主要生产能力有煤炭2714万吨，石油1491万吨: a measure and 有 open the
                # list as a colon does, also in the first item's own clause
                colon, at = m, m.end()
        label = item_label(text) if lead else None
        if label is not None and colon is not None and colon.end() == label[1]:
            # an item line of the list the passage before opened (…增长的情况如下列：⏎钢：从…
            # 增加到…，增长二点一倍 → 钢产量, 钢产量增长): its item is the line's label
            measure = _colon_measure(lead, len(lead) - 1, words)
            base, tail = _base_and_change(subject)
            if measure is not None and base == label[0]:
                verb, qualifier, head = measure
                if _a_measure_item(base, words):
                    qualifier = head = ""  # 发电量 is a measure of its own
                out[k] = verb + base + qualifier + head + tail
            elif label[0] not in subject and base.endswith(tuple(words.measure_ends)):
                # the line names the measure after its item (…的数字如下列：⏎机制纸：全部建成后增加的
                # 年产能力将为十八万六千吨 → 机制纸…增加的年产能力, gov-report-1955; not 电：…增加的发电能力,
                # which names it): the item's
                out[k] = label[0] + subject
            continue
        if colon is not None and colon.end() > clause[0]:
            opening = subject = text[colon.end() : start].strip()
        if colon is not None:
            opened, source = colon.end(), text
        elif lead:  # the list opened in the passage before (Context.lead)
            opened, source, at = 0, lead, len(lead) - 1
        else:
            continue
        if not _list_runs_on(text, opened, clause[0]):
            continue  # the colon must open the sentence part the item is in
        key = at if source is text else -1
        item, tail = _colon_item(opening, subject, words)
        if not item:
            last = done.get(key)
            if last is not None and subject == last[0] and opening in kind_words().share_of:
                out[k] = last[1]  # 工业部门为二百四十八亿五千万元，占[百分之五十八点二]
            continue
        measure = _colon_measure(source, at, words)
        if measure is None:
            continue
        verb, qualifier, head = measure
        if _a_measure_item(item, words):
            qualifier = head = ""  # 新增加的发电机组容量, not …容量生产能力
        out[k] = verb + item + qualifier + head + tail
        done[key] = (subject, out[k])
    return out


_LINE_END = regex.compile(r"\n")


def _list_runs_on(text: str, start: int, end: int) -> bool:
    """Does the list opened by a colon run on from ``start`` to ``end``: no sentence ends
    between, and a line break there ends an item with ； (…是这样分配的：⏎工业部门为…；⏎农业…)?"""
    if FULL_STOP.search(text, start, end):
        return False
    for m in _LINE_END.finditer(text, start, end):
        before = text[start : m.start()].rstrip()
        if before and before[-1] not in SENTENCE_STOPS + COLONS:
            return False
    return True


def list_leads(passages: list[str]) -> list[str]:
    """The lead of the list each passage goes on (``Context.lead``): the last sentence of the
    passage before when it ends with a colon, kept while the passages after it are items ending with ；
    (…是这样分配的：⏎工业部门为…，占百分之五十八点二；⏎农业、林业和水利部门为…) or item lines, each
    opened by its item and a colon (…增长的情况如下列：⏎钢：从…增加到…。⏎发电量：…); else ""."""
    out, lead = [], ""
    for before, passage in zip(["", *(p.rstrip() for p in passages)], passages):
        if before.endswith(tuple(COLONS)):
            lead = before[_last_sentence_start(before) :]  # what opens the list, not the paragraph
        elif not (lead and (before.endswith(tuple(SEMICOLONS)) or (item_label(before) and item_label(passage)))):
            lead = ""
        out.append(lead)
    return out


_LABEL_LONGEST = 12  # an item line's label, items joined by 和 included (冶金机械和矿山机械：)
_LABEL = regex.compile(
    rf"[{regex.escape(SPACES)}]*([^{regex.escape(CLAUSE_STOPS + COLONS + SPACES)}]{{1,{_LABEL_LONGEST}}})"
    rf"({char_class(COLONS)})"
)


def item_label(passage: str) -> tuple[str, int] | None:
    """(item, end of its colon) of an item line: a passage opened by a thing or a measure named
    alone and a colon (钢：从…增加到四百十二万吨; 黄麻、洋麻：达到…; 发电量：…), else None."""
    m = _LABEL.match(passage)
    words = subject_words()
    if m is None:
        return None
    label = m.group(1)
    # items joined by 和 may run longer than one item (冶金机械和矿山机械：, gov-report-1955)
    if not (bare_noun(label, words, _LABEL_LONGEST, joined=True) or _a_measure_item(label, words)):
        return None
    return label, m.end()


def _last_sentence_start(text: str) -> int:
    ends = list(FULL_STOP.finditer(text))
    return ends[-1].end() if ends else 0


def _colon_item(opening: str, subject: str, words: SubjectWords) -> tuple[str, str]:
    """(item, change words after it) when the clause before an amount is a bare item of a
    list, alone (生铁), with its change (钢材增长) or with a link (…煤矿为); else ("", "")."""
    base, tail = _base_and_change(subject)
    if opening == subject and bare_noun(subject, words, joined=True):
        return subject, ""
    if opening == subject and _a_measure_item(subject, words):
        return subject, ""  # 发电机组容量[1184万千瓦]: an item that is a measure of its own
    if tail and opening == subject and bare_noun(base, words, joined=True):
        return base, tail
    link = opening[len(subject) :]
    if opening.startswith(subject) and link in words.item_links and bare_noun(subject, words, 10, joined=True):
        return subject, ""
    return "", ""


def _a_measure_item(item: str, words: SubjectWords) -> bool:
    """Is a list item a short noun phrase that names a measure of its own (发电机组容量)?"""
    return (
        len(item) <= SHORT_ITEM * 2
        and item.endswith(tuple(words.measure_ends))
        and all(f.startswith(NOUNISH) for _, f in tag(item))
    )


def _colon_measure(text: str, colon: int, words: SubjectWords) -> tuple[str, str, str] | None:
    """(lead, qualifier, head) of the measure the clause before a colon names: 冶金工业新增加的
    生产能力有 → (新增加的, "", 生产能力); 主要产品产量增长的情况是 → ("", "", 产量); 新增生产能力举其
    重要的来说，有 → (新增, "", 生产能力); 五年基本建设的投资四百二十七亿元，是这样分配的 →
    ("", 基本建设, 投资); …在一九五七年将达到的年产能力如下 → ("", "", 年产能力). None when it names
    no measure."""
    end = colon
    for _ in range(2):  # the clause before, when the one before the colon only introduces
        start = max(text.rfind(c, 0, end) for c in CLAUSE_STOPS) + 1
        phrase = text[start:end].rstrip()
        intro = max((w for w in words.colon_intros if phrase.endswith(w)), key=len, default="")
        phrase = phrase[: len(phrase) - len(intro)]
        having = next((w for w in kind_words().existential if phrase.endswith(w)), "")  # longest first
        phrase = trim(_AMOUNT_AT_END.sub("", phrase[: len(phrase) - len(having)]))
        # a comparison the list adds (…的计划产量及其比一九五二年增长的情况如下列) is no part of the measure
        joins, marks = ("|".join(map(regex.escape, w)) for w in (words.comparison_joins, words.comparison_marks))
        phrase = regex.sub(f"(?:{joins})(?:{marks}).*$", "", phrase)
        # and so is one right after the measure (…产量比1954年有所减少：棉纱减少14% → 棉纱产量减少,
        # gov-report-1956): 比 as a word of its own, not of 比重
        at = 0
        for token, _ in tag(phrase):
            if token in words.comparison_marks and phrase[:at].endswith(tuple(words.measure_ends)):
                phrase = phrase[:at]
                break
            at += len(token)
        if phrase or start == 0:
            break
        end = start - 1
    phrase, _ = _base_and_change(phrase) if phrase else ("", "")
    if not phrase.endswith(tuple(words.measure_ends)):
        return None
    lead, particle, head = phrase.rpartition(words.particle)
    head = head[next((len(q) for q in words.colon_head_qualifiers if head.startswith(q) and len(head) > len(q)), 0) :]
    if particle:
        verb = _verb_phrase_end(lead)
        while verb and tag(verb)[0][1] in ("d", "ad"):
            verb = verb[len(tag(verb)[0][0]) :]  # 将达到 → 达到
        if verb and verb not in kind_words().level_reached:
            return verb + particle, "", head  # 新增加的生铁生产能力
        tokens = tag(without_opening_time(lead))
        qualifier = "".join(t for t, _ in tokens)
        if verb or not tokens or len(qualifier) > 6 or not all(f.startswith(NOUNISH) for _, f in tokens):
            qualifier = ""
        return "", qualifier, head  # 工业部门基本建设投资
    tokens = tag(phrase)
    lead_verb = tokens[0][0] if len(tokens) > 1 and tokens[0][0] in words.list_leads else ""
    head = max((h for h in words.list_heads if phrase.endswith(h)), key=len, default=tokens[-1][0])
    return lead_verb, "", head  # 主要产品产量 → 产量


def _verb_phrase_end(phrase: str) -> str:
    """The verb phrase that ends ``phrase`` (冶金工业在今年内新增加 → 新增加): what the items
    share besides the measure, without the frame and the agent before it."""
    tokens = tag(phrase)
    i = len(tokens)
    while i > 0 and tokens[i - 1][1] in ("v", "a", "d", "ad", "vd"):
        i -= 1
    return "".join(w for w, _ in tokens[i:])


_BRACKETED = regex.compile(r"[（(][^（()）]*[）)]")
_AMOUNT_AT_END = regex.compile(f"[0-9０-９.{DIGIT_CHARS}{PLACE_CHARS}]+\\p{{Han}}{{0,3}}$")


# --------------------------------------------------------------------------- lists of clauses

_LONG_STOP = regex.compile(char_class(LONG_SENTENCE_STOPS))


def carry_through_list(text: str, amounts: list[tuple[tuple[int, int], int, str | None, str]]) -> list[str]:
    """The subjects of a list of parallel clauses, each item completed by the first.

    ``amounts``: (clause, start, unit dimension, subject) of each amount of a passage, in
    order. A bare item — a clause opening with a noun and nothing but it, 原油达到1.1亿吨 —
    shares the measure word that ends the item before it of the same dimension (原煤产量达到
    7.7亿吨 → 原油产量) and the verb that opens it (新增发电装机容量1950万千瓦，采煤能力8000万吨
    → 新增采煤能力); the amounts whose subject restated the item (增长31.1%) follow it. The
    items run over ；, not over a sentence's end.
    """
    words = subject_words()
    out = [s for *_, s in amounts]
    renamed: dict[str, str] = {}
    passage = scanned = -1
    for k, (clause, _, _, subject) in enumerate(amounts):
        # the last stop before the clause, scanning each stretch of text once
        for m in _LONG_STOP.finditer(text, max(scanned, 0), clause[0]):
            if m.start() != passage:
                passage, renamed = m.start(), {}
        scanned = max(scanned, clause[0])
        if not subject:
            continue
        if (
            k
            and amounts[k - 1][0] == clause
            and amounts[k - 1][2] == amounts[k][2]
            and text.endswith(LIST_COMMA + subject, 0, amounts[k][1])
            and done_only(subject)
        ):
            thing = _topic_of(_base_and_change(out[k - 1])[0], words)
            if thing:
                out[k] = subject + thing  # 城镇保障性住房基本建成470万套、新开工630万套
                continue
        opening = text[clause[0] : clause[1]].lstrip()
        opener = next((w for w in words.item_openers if opening.startswith(w)), "")
        opening = opening[len(opener) :]  # 其中高速公路由4771公里…: a part of the measure before
        if not renamed and not opening.startswith(subject[:1]):
            continue
        base, tail = _base_and_change(subject)
        if base in renamed:
            out[k] = renamed[base] + tail
            continue
        if not base or not opening.startswith(base):
            continue
        new = _completed(text, amounts, out, k, base, passage, words, part=bool(opener))
        if tail and new.endswith(tuple(words.share_heads)):
            new = base  # 台资企业增长10% after …比重达…: a change of the things, not of a share
        if new != base:
            renamed[base] = new
            out[k] = new + tail
    return out


@lru_cache(maxsize=4096)
def _base_and_change(subject: str) -> tuple[str, str]:
    """A subject without the change words at its end, and those words (棉花增长 → 棉花, 增长)."""
    words = subject_words()
    tokens = cut(subject)
    tail = ""
    while len(tokens) > 1 and tokens[-1] in words.change | words.to_level:
        tail = tokens.pop() + tail
    return "".join(tokens), tail


def _completed(
    text: str, amounts, out: list, k: int, base: str, passage: int, words: SubjectWords, part: bool = False
) -> str:
    """``base`` with the lead verb of the item right before it, or the measure word of the
    nearest item before it of the same dimension; ``part``: the item opens with 其中, a part
    of the measure before, which it takes even where the item is no bare noun (水产品总产量
    77292吨，其中海洋捕捞35862吨 → 海洋捕捞总产量)."""
    clause, start, dimension, _ = amounts[k]
    nearest = True
    for j in range(k - 1, -1, -1):
        other, _, other_dim, _ = amounts[j]
        if other[1] > clause[0] or other == clause:
            continue
        if other[0] <= passage or not out[j]:
            break
        before, _ = _base_and_change(out[j])
        if nearest and dimension in words.counted_dimensions and other_dim == dimension:
            thing = _object_of(before)
            if thing and (_lone_verb(base) or (len(tag(base)) > 1 and done_only(base))):
                # 清理涉外规章和有关政策规定2300件，废止830件 → 废止涉外规章和有关政策规定
                return base + thing
            thing = _topic_of(before, words)
            if thing and done_only(base):
                # 城镇保障性住房基本建成470万套、新开工630万套 → 新开工城镇保障性住房
                return base + thing
        divided = next((h for h in sorted(words.divided_heads, key=len, reverse=True) if before.endswith(h)), "")
        if (
            nearest
            and divided
            and len(before) > len(divided)
            and not base.endswith(divided)
            and _divides(text, clause, base, words)
            and (_divides(text, other, before, words) or _divides(text, other, before[: -len(divided)], words))
        ):
            # items dividing one whole share its measure word (…社会事业投资占43.7%，重大基础设施
            # 建设占23.6% → 重大基础设施建设投资; the item before may have taken it so)
            return base + divided
        if nearest:
            nearest = False
            lead = next((x for x in words.list_leads if before.startswith(x) and len(before) > len(x)), None)
            shared = lead is not None and not before.startswith(LIST_COMMA, len(lead))
            if shared and _takes_lead(text, amounts[k], base, other_dim, words):
                # and the measure word ending the item, where the dimension is the same
                # (新增铁路里程…，其中高速铁路8951公里 → 新增高速铁路里程)
                shared_heads = sorted(words.list_heads, key=len, reverse=True) if other_dim == dimension else []
                word = next((h for h in shared_heads if before.endswith(h) and not base.endswith(h)), "")
                return f"{lead}{base}{word}"
        output = {dimension, other_dim} <= words.output_dimensions  # 糖260万吨；自行车1，484万辆
        alike = other_dim == dimension or {dimension, other_dim} <= words.change_dimensions  # 倍 and %
        if dimension is not None and (alike or output):
            # the item before as its measure, without a base of comparison written with a
            # year (棉纱产量比1980年预计增加9万吨；纸520万吨 → 纸产量), unless a topic frame
            # between names another (…的总产值增长23.3%；以产量说，粮食增长… → 粮食产量增长);
            # output in another measure word only takes an output head (自行车产量)
            topic = _topic_between(text, other[1], clause[0], words)
            measure = before_base(before) if topic is None else topic
            heads = words.list_heads if alike else words.output_heads
            bare = _BRACKETED.sub("", base)  # 农业（包括农村副业）: the item without its note
            if part and alike and bare and bare in measure:
                heads = heads | words.part_heads  # 进出口总额…，其中出口… → 出口总额
            head = next((h for h in sorted(heads, key=len, reverse=True) if measure.endswith(h)), None)
            longer = len(measure) > len(head or "") or topic is not None
            named = bare_noun(bare, words) or (part and _names_a_part(bare, words))
            if head and longer and not base.endswith(head) and bare and named:
                return base + head
            of_products = any(w in text[max(passage, 0) : clause[0]] for w in words.product_words)
            if alike and not (topic is None and head is None and len(tag(measure)) == 1 and of_products):
                return base
            # in a list of products' output, past an item of one word with no head of its own
            # (主要产品的产量都有大幅度增长，…发电量增长两倍，化肥增长三点三倍 →
            # 化肥产量增长, gov-report-1975; 发电增长…，煤增长… → 煤产量增长, 1955), or with no output
            # head in another measure word, the item before it may have one (原油由…吨…，发电量由…度…，
            # 钢由…吨 → 钢产量)
    return base


def _divides(text: str, clause: tuple[int, int], item: str, words: SubjectWords) -> bool:
    """Does ``clause`` open with ``item`` and a verb of share right after it (重大基础设施建设
    占23.6%): an item of a list dividing one whole?"""
    opening = text[clause[0] : clause[1]].lstrip()
    return bool(item) and opening.startswith(item) and opening.startswith(tuple(words.dividing_verbs), len(item))


def _topic_between(text: str, start: int, end: int, words: SubjectWords) -> str | None:
    """The measure a topic frame between ``start`` and ``end`` names (以产量说， → 产量; 拿煤来说
    → 煤), or None when there is none."""
    found = None
    for m in words.topic_re.finditer(text, start, end):
        found = m.group(1)
    return found


def _lone_verb(phrase: str) -> bool:
    """A verb of two or more characters and nothing else but an adverb before it (废止, 修订,
    基本建成); not one of having (已有, 共有: what is had is counted, not acted on)."""
    tokens = tag(phrase)
    having = kind_words().existential
    if len(tokens) == 2 and (tokens[0][1] == "d" or tokens[0][0] in subject_words().verb_manners):
        tokens = tokens[1:]
    return len(tokens) == 1 and tokens[0][1] == "v" and len(tokens[0][0]) >= 2 and not phrase.endswith(having)


def _topic_of(phrase: str, words: SubjectWords) -> str:
    """The things a phrase names before what is done to them (城镇保障性住房[基本建成] →
    城镇保障性住房), or "" when it does not open with them."""
    tokens = [(w, f) for w, f in tag(phrase) if w.strip()]
    for i in range(1, len(tokens)):
        rest = "".join(w for w, _ in tokens[i:])
        if done_only(rest):
            head = tokens[:i]
            nounish = all(
                f[:1] in ("n", "x", "j", "b") and w not in words.verbs and w not in words.verb_manners for w, f in head
            )
            return phrase[: len(phrase) - len(rest)] if nounish and head[-1][1][:1] in ("n", "x", "j") else ""
    return ""


def _object_of(phrase: str) -> str:
    """What the first verb of ``phrase`` acts on (国务院各部门共清理涉外规章和有关政策规定 →
    涉外规章和有关政策规定), or "" when no noun follows it."""
    words = subject_words()
    light = next((phrase.find(v) for v in words.light_verbs if phrase.find(v) > 0), -1)
    if light > 0:
        # 发布的行政法规进行全面清理 → 行政法规: the things before a light verb, after their 的
        things = phrase[:light].rsplit(words.particle, 1)[-1]
        return things if len(things) >= 2 and not has_verb(things) else ""
    tokens = tag(phrase)
    verbs = words.verbs
    at = 0
    for i, (w, f) in enumerate(tokens):
        at += len(w)
        if f in ("v", "vn") or w in verbs:
            rest = tokens[i + 1 :]
            return phrase[at:] if rest and rest[-1][1].startswith("n") else ""
    return ""


def _names_a_part(phrase: str, words: SubjectWords) -> bool:
    """A short item of a list of parts opened by 其中, which need not be a bare noun (海洋捕捞,
    海水养殖): anything but a measure of its own."""
    return len(phrase) <= SHORT_ITEM and not phrase.endswith(tuple(words.measure_ends))


def _takes_lead(text: str, amount, base: str, lead_dimension: str | None, words: SubjectWords) -> bool:
    """Does the item ``base`` (nothing between it and its amount) share the verb of the item
    before? Not a rate, not an item with a verb of its own (基本建成, 再就业, 新聘…), not an
    attribute of the things counted before it (新增注册企业2509家，注册资本1077亿元)."""
    clause, start, dimension, _ = amount
    said = text[clause[0] : start].strip()
    # not a part of a count: parts_of_a_count reads those
    opener = next((w for w in words.item_openers if said.startswith(w)), "")
    if dimension in words.counted_dimensions:
        opener = ""
    if said[len(opener) :] != base:  # 新增公路…，其中高速公路2.8万公里: a part takes the verb too
        return False
    if dimension in words.rate_dimensions or lead_dimension in words.rate_dimensions:
        return False
    counted = lead_dimension in words.counted_dimensions
    if counted and (dimension in words.attribute_dimensions or base.endswith(tuple(words.attributes))):
        return False
    if base.startswith(tuple(words.own_leads)) or any(x in base for x in words.list_leads):
        return False
    tokens = tag(base)
    for i, (w, f) in enumerate(tokens):
        if w.endswith(tuple(words.verb_ends)) or w in words.verbs or w in words.change or f == "d":
            return False
        if f.startswith("v") and (i + 1 == len(tokens) or not tokens[i + 1][1].startswith("n")):
            return False
    return True


# ------------------------------------------------------------------ parts of a count (其中)

# what may stand between a count and 其中: commas, colons, an opening bracket, spaces
_PUNCT_ONLY = regex.compile(char_class(COMMAS + LIST_COMMA + COLONS + "".join(ROUND_BRACKETS) + SPACES) + "*")


def shared_list_head(text: str, amounts: list[tuple[int, int, str | None]], subjects: list[str]) -> list[str]:
    """What the items of a list joined by 、 share with the one opening it, in the same
    dimension: a bare item takes its measure word (淘汰落后炼钢炼铁产能9000多万吨、水泥2.3亿吨 →
    淘汰落后水泥产能), an item naming its own measure its list lead (新增…铁路通车里程…、复线里程
    → 新增复线里程), a verb alone what it counts (产业项目策划218个、签约137个 → 产业项目签约).

    ``amounts``: (start, end, unit dimension) of each amount, in order; the subject of the
    item must already end with its bare noun (the verb carried to it before, or not)."""
    words = subject_words()
    heads = sorted(words.list_heads, key=len, reverse=True)
    out = list(subjects)
    head, head_dimension, parts = "", None, False  # the measure word of the list run so far, its dimension
    thing = ""  # what the run's first item counts before its verb (产业项目 of 产业项目策划218个)
    for k in range(len(amounts)):
        start, _, dimension = amounts[k]
        between = text[amounts[k - 1][1] : start] if k else ""
        if not between.startswith(LIST_COMMA):
            # a new run: its first item's measure word (炼钢炼铁产能 → 产能)
            first = out[k] or ""
            head = next((h for h in heads if first.endswith(h) and len(first) > len(h)), "")
            head_dimension = dimension
            # a head the first item took from the measure it is part of (其中海洋捕捞35862吨 →
            # 海洋捕捞总产量): its list goes on with parts that need not be bare nouns
            written = text[max(0, amounts[k][0] - len(head) - SHORT_ITEM) : amounts[k][0]].rstrip()
            parts = bool(head) and not written.endswith(head)
            thing = _counted_before_verb(first) if dimension in words.counted_dimensions else ""
            continue
        item = between[len(LIST_COMMA) :].strip()
        subject = out[k]
        if thing and dimension == head_dimension and _verbs_only(item) and thing not in (subject or ""):
            # 产业项目策划218个、签约137个、开工建设23个 → 产业项目签约, 产业项目开工建设: a
            # verb alone counts what the first item counts, worded like it (the blind gold)
            out[k] = thing + item
            continue
        if (
            head
            and subject
            and dimension is not None
            and dimension == head_dimension
            and item
            and subject.endswith(item)
            and not item.endswith(head)
            and (bare_noun(item, words) or (parts and _names_a_part(item, words)))
        ):
            if subject == item:
                # nothing carried to the item yet: the lead of the item before it (新增发电装机容量
                # …，其中水电9601万千瓦、核电384万千瓦 → 新增核电发电装机容量)
                subject = _lead_of(text, amounts[k - 1][0], out[k - 1], head) + item
            out[k] = subject + head  # …、电解铝100多万吨 after …、平板玻璃7600多万重量箱 too
        elif subject and subject == item and dimension is not None and dimension == head_dimension:
            # an item naming its own measure takes the list lead of the item before it (新增…铁路
            # 通车里程一千五百公里、复线里程一千五百公里 → 新增复线里程)
            lead = _lead_of(text, amounts[k - 1][0], out[k - 1], "")
            if lead in words.list_leads:
                out[k] = lead + item
    return out


_NOUN_AFTER_EXAMPLES = regex.compile(r"\p{Han}{1,10}")


def examples_of_a_kind(text: str, amounts: list[tuple[int, int, str | None]], subjects: list[str]) -> list[str]:
    """Items of a list closed by 等 and a noun are kinds of that noun, each its measure:
    淘汰钢铁2700万吨、水泥4200万吨、平板玻璃3500万标准箱等落后产能 → 淘汰钢铁落后产能,
    淘汰水泥落后产能, 淘汰平板玻璃落后产能 (the last amount had taken the noun alone).

    ``amounts``: (start, end, unit dimension) of each amount, in order."""
    words = subject_words()
    out = list(subjects)
    run: list[int] = []
    for k in range(len(amounts) + 1):
        joined = k < len(amounts) and k > 0 and text[amounts[k - 1][1] : amounts[k][0]].startswith(LIST_COMMA)
        if joined:
            run.append(k)
            continue
        if len(run) >= 2:
            _close_examples(text, amounts, out, run, words)
        run = [k]
    return out


def _close_examples(text: str, amounts, out: list[str], run: list[int], words: SubjectWords) -> None:
    """Give the items ``run`` of one 、-list the kind named after its closing 等, in place."""
    end = amounts[run[-1]][1]
    mark = next((m for m in sorted(words.examples_end, key=len, reverse=True) if text.startswith(m, end)), "")
    if not mark:
        return
    found = _NOUN_AFTER_EXAMPLES.match(text, end + len(mark))
    noun = trim(found.group()) if found else ""
    if not noun or out[run[-1]] != noun:
        return  # the last amount took the kind as its subject: 3500万标准箱[等落后产能]
    items = [text[amounts[k - 1][1] : amounts[k][0]][len(LIST_COMMA) :].strip() for k in run[1:]]
    first = out[run[0]]
    lead = _lead_of(text, amounts[run[0]][0], first, "") or starts_with_verb(first)
    if not lead or not all(items) or not all(bare_noun(i, words) for i in items):
        return
    out[run[0]] = first + noun
    for k, item in zip(run[1:], items):
        out[k] = lead + item + noun


def _counted_before_verb(subject: str) -> str:
    """The nouns before the last word of a subject (产业项目策划 → 产业项目): what it counts
    when the items after it are verbs alone (jieba tags 策划 a noun; the list says it is done
    to the projects like 签约 and 开工建设), or ''."""
    tokens = tag(subject)
    if len(tokens) < 2 or len(tokens[-1][0]) < 2 or tokens[-1][1] not in ("v", "vn", "n"):
        return ""
    noun = subject[: len(subject) - len(tokens[-1][0])]
    return noun if all(f.startswith("n") for _, f in tokens[:-1]) else ""


def _verbs_only(phrase: str) -> bool:
    """A verb of two or more characters and verbs or a stage after it (签约, 开工建设, 竣工投产,
    加快前期): what is done, with nothing named it is done to."""
    tokens = tag(phrase)
    return (
        bool(tokens)
        and tokens[0][1] == "v"
        and len(tokens[0][0]) >= 2
        and all(f in ("v", "vn", "f") for _, f in tokens[1:])
    )


def _lead_of(text: str, start: int, subject: str, head: str) -> str:
    """What ``subject`` (of the amount at ``start``, ending with ``head``) has before the item
    written right before the amount: 新增 of 新增水电发电装机容量 after …其中水电."""
    if not subject.endswith(head):
        return ""
    core = subject[: len(subject) - len(head)]
    written = next((n for n in range(min(len(core), start), 0, -1) if core.endswith(text[start - n : start])), 0)
    return core[: len(core) - written] if written else ""


def parts_of_a_count(
    text: str, amounts: list[tuple[tuple[int, int], int, int, str | None, bool]], subjects: list[str]
) -> list[str]:
    """Items opened by 其中 after a count are parts of what it counts: 新增注册企业5235家（其中
    外资企业500家） → 新增注册外资企业; 省重点项目51个，其中在建项目40个、预备项目11个 →
    省重点预备项目; 推出28项创新举措，其中全国首创15项 → 全国首创创新举措.

    ``amounts``: (sentence, amount start, amount end, unit, classifier) of each amount. An
    item takes the words before the head noun it shares with the count (企业, 项目); an item
    that is only a verb phrase takes the count's subject after it. Counts in a classifier unit
    only (家, 个, 项): money and amounts with a head of their own (其中中央预算内投资) are parts
    of another kind."""
    words = subject_words()
    out = list(subjects)
    for k, (sentence, start, _, unit, classifier) in enumerate(amounts):
        item = subjects[k]
        if not item or not unit or not classifier:
            continue
        lead = text[sentence[0] : start]
        at = max(lead.rfind(o) for o in words.item_openers)
        if at < 0:
            continue
        opener = sentence[0] + at
        whole = next((j for j in range(k - 1, -1, -1) if amounts[j][2] <= opener), None)
        if whole is None or amounts[whole][0] != sentence or amounts[whole][3] != unit:
            continue
        counted = subjects[whole]
        if not counted or any(amounts[j][3] != unit for j in range(whole + 1, k)):
            continue
        between = text[amounts[whole][2] : opener]
        rest = _PUNCT_ONLY.sub("", between)
        if rest and not counted.endswith(rest):
            continue  # the opener must follow the count (and the noun counted after it)
        out[k] = _part_of(counted, item) or item
    return out


@dataclass(frozen=True, slots=True)
class Turn:
    """A change turned into another (由上年下降2.3%转为增长8.5%), found once for the subject and
    the period rules: where its 由 stands, the amounts between it and the turn word (the change
    turned from), those listed right after the turn (the change turned into), by their index
    among the passage's amounts, and the change word after the turn ('' in 增速由10%转为8%)."""

    fro: int
    before: tuple[int, ...]
    after: tuple[int, ...]
    now: str
    to_level: bool  # 降为 with no change after it: a change to a level, the subjects' own case


def turns_of(text: str, spans: list[tuple[int, int]]) -> list[Turn]:
    """The changes turned into others in ``text``; ``spans``: (start, end) of each amount, in
    order. 降为 before a level is marked: a change to it (由…的百分之六十点三到…下降为…), which the
    subject rules read as such; where it starts is still of the year after 由."""
    words = subject_words()
    turns = kind_words().turns
    if not any(t in text for t in turns):
        return []
    turned, _ = _turn_patterns(turns, words.change, kind_words().perfective)
    # where the turn is → its change word, whether it turns to a level, the amounts after it
    runs: dict[int, tuple[str, bool, list[int]]] = {}
    for k, (start, _) in enumerate(spans):
        m = turned.search(text, _sentence_start(text, start), start)
        if m is not None:
            to_level = not m.group("c") and m.group("t") in words.to_level
            runs.setdefault(m.start(), (m.group("c") or "", to_level, []))[2].append(k)
            for j in range(k + 1, len(spans)):  # 转为下降1%和2%: the amounts listed after it
                joined = text[spans[j - 1][1] : spans[j][0]]
                if not joined or any(ch not in LIST_COMMA and joined not in words.list_words for ch in joined):
                    break
                runs[m.start()][2].append(j)
    out = []
    for turn, (now, to_level, after) in runs.items():
        begin = _sentence_start(text, turn)
        fro = max(text.rfind(x, begin, turn) for x in words.baseline_from)
        before = tuple(j for j, (start, _) in enumerate(spans) if fro >= 0 and fro < start < turn)
        if before:
            out.append(Turn(fro, before, tuple(after), now, to_level))
    return out


def turned_changes(text: str, spans: list[tuple[int, int]], turns: list[Turn], subjects: list[str]) -> list[str]:
    """The subjects of changes turned into others (``turns``, of :func:`turns_of`):
    工业企业利润由上年下降2.3%转为增长8.5% → 工业企业利润下降, 工业企业利润增长;
    化学需氧量、二氧化硫排放量由上年分别增长5.6%和13.1%转为下降 → each measure's 增长 before the
    turn and 下降 after it (paired in order when the counts agree, else the last measure before
    the turn); 单位国内生产总值能耗由前三年分别上升4.9%、5.5%、0.2%，转为下降1.2% →
    单位国内生产总值能耗下降."""
    if not turns:
        return subjects
    words = subject_words()
    _, change_word = _turn_patterns(kind_words().turns, words.change, kind_words().perfective)
    out = list(subjects)
    for t in turns:
        if t.to_level:
            continue  # 由…的百分之六十点三…下降为…: a change to a level, read as such
        bases = [j for j in t.before if subjects[j]]
        if not bases:
            continue
        before_first = list(change_word.finditer(text, t.fro, spans[bases[0]][0]))
        was = before_first[-1].group() if before_first else ""  # none: 增速由10%转为8%, levels
        measures = [_without_turn(level(subjects[j]), kind_words().turns) for j in bases]
        for j, measure in zip(bases, measures, strict=True):
            if measure and not (was and subjects[j].endswith(was)):
                out[j] = measure + was
        if bool(t.now) != bool(was):
            continue  # 由上年增长5%转为8%: a change turned into what, unsaid
        for i, k in enumerate(t.after):
            measure = measures[i] if len(t.after) == len(bases) else measures[-1]
            if measure:
                out[k] = measure + t.now
    return out


@lru_cache(maxsize=4)
def _turn_patterns(turns: tuple[str, ...], change: frozenset[str], done: str) -> tuple[regex.Pattern, regex.Pattern]:
    """(a turn word and the change after it, ending where an amount starts; a change word)."""
    changes = "|".join(map(regex.escape, sorted(change, key=len, reverse=True)))
    turn = "|".join(map(regex.escape, sorted(turns, key=len, reverse=True)))
    return regex.compile(f"(?P<t>{turn})(?P<c>{changes})?{regex.escape(done)}?$"), regex.compile(changes)


def _without_turn(measure: str, turns: tuple[str, ...]) -> str:
    """The measure without a turn word the subject took from after its amount (增速转为 → 增速)."""
    return next((measure[: -len(t)] for t in turns if measure.endswith(t) and len(measure) > len(t)), measure)


def parts_after_a_total(
    text: str,
    amounts: list[tuple[tuple[int, int], int, int, str | None, bool]],
    values: Sequence[object],
    subjects: list[str],
) -> list[str]:
    """Items of a sentence opened by 其中, and of the sentences it goes on into after ；, that
    break down a count of the sentence before: 实施重点建设项目245个，…。其中，农林水利项目13个，…；
    交通项目27个，… → 实施重点建设农林水利项目, 实施重点建设交通项目. The total is the count in
    the same unit that the items add up to, so that a count beside it (新开工建设项目64个) is not
    taken for it."""
    words = subject_words()
    out = list(subjects)
    runs: dict[int, list[int]] = {}  # the start of the 其中 sentence → the counts of its run
    for k, (sentence, _, _, unit, classifier) in enumerate(amounts):
        if not unit or not classifier or not subjects[k]:
            continue
        start = sentence[0]
        while start > 0 and text[start - 1] in SEMICOLONS:
            start = _sentence_start(text, start - 1)
        if text[start:].lstrip(SPACES).startswith(tuple(words.item_openers)):
            runs.setdefault(start, []).append(k)
    for start, run in runs.items():
        if start == 0 or text[start - 1] not in LONG_SENTENCE_STOPS or len({amounts[k][3] for k in run}) != 1:
            continue
        if any(values[k] is None for k in run):
            continue
        before = _sentence_start(text, start - 1)
        total = sum(Decimal(str(values[k])) for k in run)
        whole = next(
            (
                j
                for j, (_, begin, end, unit, classifier) in enumerate(amounts)
                if before <= begin
                and end <= start
                and unit == amounts[run[0]][3]
                and classifier
                and subjects[j]
                and values[j] is not None
                and Decimal(str(values[j])) == total
            ),
            None,
        )
        if whole is not None:
            for k in run:
                out[k] = _part_of(subjects[whole], subjects[k]) or subjects[k]
    return out


def _sentence_start(text: str, end: int) -> int:
    """Where the sentence ending at ``end`` (its stop) begins."""
    return max(text.rfind(c, 0, end) for c in SENTENCE_STOPS + LONG_SENTENCE_STOPS) + 1


@lru_cache(maxsize=4096)
def _part_of(counted: str, item: str) -> str:
    """The item of a count as a part of it (see :func:`parts_of_a_count`), or ""."""
    if item in counted:
        return ""
    words = subject_words()
    if words.particle in item and item.rpartition(words.particle)[2] == counted.rpartition(words.particle)[2]:
        return ""  # 投入生产的限额以上的…工矿企业: the item names the things of the whole already
    n = 0
    while n < min(len(counted), len(item)) and counted[-1 - n] == item[-1 - n]:
        n += 1
    if n and n < len(item) and n < len(counted) and (n > 1 or cut(counted)[-1] == counted[-1]):
        return counted[:-n] + item  # 新增注册企业 + 外资企业 → 新增注册外资企业
    tokens = cut(counted)
    lead = 1 if len(tokens) > 1 and has_verb(tokens[0]) else 0
    things = "".join(tokens[lead:])
    if (
        not n
        and has_verb(cut(item)[-1])
        and not item.endswith(tuple(words.change))
        and words.particle not in item + counted
        and len(things) <= _THINGS_MAX
    ):
        return item + things  # 推出创新举措 + 全国首创 → 全国首创创新举措: the things, not the verb
    leads = sorted(words.list_leads, key=len, reverse=True)
    lead_verb = next((x for x in leads if counted.startswith(x) or counted.endswith(x)), "")
    if not n and lead_verb and not has_verb(item) and not item.startswith(lead_verb):
        # 新开工保障性住房 (or 保障性安居工程新开工) + 各类棚户区 → 新开工各类棚户区: other things,
        # the same verb
        return lead_verb + item
    described, particle, head = counted.rpartition(words.particle)
    if not n and item.endswith(tuple(words.bound_qualifiers)) and words.particle not in item:
        # 五年内施工的工矿建设单位有一万多个，其中限额以上的有九百二十一个 → 施工的限额以上的工矿
        # 建设单位 (gov-report-1959): a bound before 的 qualifies the things counted
        return f"{described}{particle}{item}{words.particle}{head}"
    if not n and described and len(head) <= _HEAD_MAX and not has_verb(item) and particle not in item:
        # 在今年进行建设的限额以上的项目共有一千零九十二个，其中包括五十一个钢铁企业 → 进行建设的
        # 限额以上的钢铁企业 (gov-report-1959): the words that describe the whole describe its parts
        return described + particle + item
    return ""


# the head noun of a whole described before 的 (项目, 建设单位) whose description its parts share
_HEAD_MAX = 4

# a verb-phrase item takes the things counted before only when they are a short noun phrase
# (创新举措, 惠台举措), not a description of their own (…举办的限额以上的新建和扩建的工矿企业)
_THINGS_MAX = 8
