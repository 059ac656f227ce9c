"""The thing a bare measure belongs to, named earlier in its sentence.

Plans name a programme or a body once and then give its figures in clauses of their own:
整合城乡居民基本医保制度，财政补助由每人每年380元提高到420元; 国有企业效益明显好转，去年利润
增长23.5%; 高等教育在学人数2500万人，毛入学率提高到22%. A subject that is only a measure of
something (``owner_needed`` in subject_words.yaml) groups nothing by itself, so it takes the
thing an earlier clause of the sentence is about: an earlier amount's measure without its
measure word, the noun phrase a clause opens with before its verb, or the system a clause's
verb acts on without the word 制度 (docs/annotation.md, "subject").
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from extractors.char_classes import CLAUSE_STOP, CLAUSE_STOPS, LIST_COMMA, ROUND_BRACKETS, char_class
from extractors.indicators import before_base
from extractors.numerals import ARABIC_DIGIT_CHARS
from extractors.segmentation import tag, word_tag
from extractors.subjects import (
    SubjectWords,
    done_only,
    joined_once,
    level,
    starts_with_verb,
    subject_words,
    what_a_group_does,
)

_LOOK_BACK = 3  # clauses: a figure's thing is named close before it
_WINDOW = 160  # characters before the clause that the look-back reads
_LONGEST_LIST = 12  # items a rate after a list of counts is shared by
_NOUN_FLAGS = ("n", "j", "l", "x", "vn")  # jieba tags words of the user dictionary x
_PREDICATE_FLAGS = ("v", "d", "ad", "a", "p", "c", "i")


def owners_named_before(
    text: str, amounts: list[tuple[tuple[int, int], int, int, int]], subjects: Sequence[str]
) -> list[str]:
    """``amounts``: (sentence span, clause start, amount start, amount end) of each amount, in
    order; ``subjects`` as found so far. Returns the subjects, a bare measure's with its owner
    and a rate after a list of counts with every item of the list."""
    words = subject_words()
    out = _kinds_sharing_a_head(text, amounts, list(subjects), words)
    out = _counts_sharing_a_head(text, amounts, out, words)
    out = _adjacent_counts_doing(text, amounts, out)
    out = _listed_counts_doing(text, amounts, out, words)
    out = _what_people_need(text, amounts, out, words)
    out = _rates_of_a_list(text, amounts, out, words)
    out = _respectively_the_same_verb(text, amounts, out, words)
    for k, (sentence, clause_start, _, _) in enumerate(amounts):
        subject = out[k]
        reach = bool(subject) and _reached(subject, words) and not _needs_owner(subject, words)
        if not subject or not (reach or _needs_owner(subject, words)):
            continue
        window = max(sentence[0], clause_start - _WINDOW)
        earlier = []
        for j in range(k - 1, -1, -1):  # back to the window's start only: linear in the sentence
            if amounts[j][0] != sentence or amounts[j][2] < window:
                break
            if amounts[j][1] < clause_start:
                earlier.append((amounts[j][2], out[j]))
        own = _scheme_opening(text[clause_start : amounts[k][2]], words) if reach else ""
        if own:
            out[k] = own + subject  # 远程教育已覆盖36万所农村中小学: the clause names what reaches them
            continue
        owner = _owner_before(text, window, clause_start, earlier, words, whole=window == sentence[0], reach=reach)
        if owner and not (reach and owner in words.non_naming):  # 走向全国，受益台胞…: no scheme
            out[k] = joined_once(owner, subject)
    return out


def _what_people_need(
    text: str, amounts: list[tuple[tuple[int, int], int, int, int]], out: list[str], words: SubjectWords
) -> list[str]:
    """解决3200万农村人口的安全饮水问题 → 解决农村人口的安全饮水问题: a count of people followed
    by 的 and what is done for them names it, up to the end of its clause or list item."""
    for k, (sentence, _, _, end) in enumerate(amounts):
        subject = out[k]
        if not subject or not starts_with_verb(subject):
            continue
        people = next((p for p in words.population if subject.endswith(p) and text.startswith(p, end)), "")
        if not people:
            continue
        after = end + len(people)
        if not text.startswith(words.particle, after):
            continue
        m = _NEED.match(text, after + len(words.particle), sentence[1])
        need = ""
        for w, f in tag(m.group() if m else ""):
            if need and (f.startswith("d") or w in words.modals or w in words.item_links):
                break  # …的吃饭问题[始终是头等大事]: the predicate after it
            need += w
        for word in words.list_words:
            need = need.split(word)[0]  # …的饮水安全和无电区445万人的用电问题: its own item
        if len(need) >= 2:
            out[k] = subject + words.particle + need
    return out


_NEED = regex.compile(r"\p{Han}{2,12}")


def _kinds_sharing_a_head(
    text: str, amounts: list[tuple[tuple[int, int], int, int, int]], out: list[str], words: SubjectWords
) -> list[str]:
    """1410个县级和250个省、市（地）级疾病预防控制中心 → 县级疾病预防控制中心: a count of a
    kind (``kind_ends``) joined by a list word to the count of another kind shares the head
    that follows the other."""
    for k in range(len(amounts) - 1):
        subject, following = out[k], out[k + 1]
        if not subject or not following or amounts[k][0] != amounts[k + 1][0]:
            continue
        between = text[amounts[k][3] : amounts[k + 1][2]]
        kind = next((between[: -len(w)] for w in words.list_words if between.endswith(w)), "")
        if not kind or not subject.endswith(kind) or not kind.endswith(tuple(words.kind_ends)):
            continue
        at = following.rfind(kind[-1])
        head = following[at + 1 :] if at >= 0 else ""
        if len(head) >= 2:
            out[k] = subject + head
    return out


_DIGIT = regex.compile(char_class(ARABIC_DIGIT_CHARS))


def _adjacent_counts_doing(
    text: str, amounts: list[tuple[tuple[int, int], int, int, int]], out: list[str]
) -> list[str]:
    """区定扶贫开发对象241户838人全部脱贫 → 区定扶贫开发对象脱贫 for both counts: counts
    written one right after the other share a subject, and what the group does after the last
    is theirs too."""
    k = 0
    while k < len(amounts):
        run = k
        while run + 1 < len(amounts) and amounts[run + 1][2] == amounts[run][3] and out[run + 1] == out[k]:
            run += 1
        if run > k and out[k]:
            end = amounts[run][3]
            stop = CLAUSE_STOP.search(text, end)
            after = text[end : stop.start() if stop else len(text)]
            does = "" if _DIGIT.search(after) else what_a_group_does(out[k], after)
            if does:
                doing = out[k] + does
                for j in range(k, run + 1):
                    out[j] = doing
        k = run + 1
    return out


def _listed_counts_doing(
    text: str, amounts: list[tuple[tuple[int, int], int, int, int]], out: list[str], words: SubjectWords
) -> list[str]:
    """50多家台湾相关机构和100多名执业人员落地从业 → 台湾相关机构落地从业: counts of groups joined
    by a list word share what the last group does (28个省（区、市）、2300个县（市）已初步建立…)."""
    for k in range(len(amounts) - 2, -1, -1):
        group, last = out[k], out[k + 1]
        if not group or not last or amounts[k][0] != amounts[k + 1][0] or group in last:
            continue
        between = text[amounts[k][3] : amounts[k + 1][2]]
        if not any(between == group + w for w in words.list_words) or not _group_noun(group):
            continue
        does = _group_does(last, words)
        if does and not group.endswith(does):
            out[k] = group + does
    return out


def _group_noun(phrase: str) -> bool:
    """A noun phrase naming a group (台湾相关机构, 省（区、市）): it ends in a noun or a bracket
    and opens with no verb."""
    tokens = [(w, f) for w, f in tag(phrase) if w.strip()]
    return (
        bool(tokens)
        and not starts_with_verb(phrase)
        and (tokens[-1][1][:1] in ("n", "j") or tokens[-1][0] in ROUND_BRACKETS.values() or tokens[-1][1] == "x")
    )


def _group_does(subject: str, words: SubjectWords) -> str:
    """What the group a subject opens with does (执业人员落地从业 → 落地从业; 县（市）已初步建立… →
    已初步建立…), or '': the rest from the first verb or adverb after a group noun."""
    tokens = [(w, f) for w, f in tag(subject) if w.strip()]
    for i in range(1, len(tokens)):
        w, f = tokens[i]
        if f[:1] in ("v", "d") or w in words.verbs:
            head = "".join(x for x, _ in tokens[:i])
            does = subject[len(head) :]
            # 农户和…手工业者的个体经济已经变为…: a group's thing does it, not the group; 受益 names
            # no measure of its own
            named = _group_noun(head) and words.particle not in head and does not in words.non_naming
            return does if named else ""
    return ""


def _counts_sharing_a_head(
    text: str, amounts: list[tuple[tuple[int, int], int, int, int]], out: list[str], words: SubjectWords
) -> list[str]:
    """新开工90个、建成或投产80个项目 → 新开工项目: the count of what is done, with no noun of its
    own, joined by a list word to a count in the same measure word of what else is done to a
    named thing, counts that thing too."""
    for k in range(len(amounts) - 1):
        subject, following = out[k], out[k + 1]
        if not subject or not following or amounts[k][0] != amounts[k + 1][0]:
            continue
        if text[amounts[k][3] - 1] != text[amounts[k + 1][3] - 1]:
            continue  # another measure word: 90个、80家
        between = text[amounts[k][3] : amounts[k + 1][2]]
        joined = next((w for w in words.list_words if between.startswith(w)), "")
        item = between[len(joined) :]
        if not joined or not item or not following.startswith(item) or not done_only(subject):
            continue
        head = following[len(item) :]
        if len(head) >= 2 and done_only(item) and all(f.startswith(_NOUN_FLAGS) for _, f in tag(head)):
            out[k] = subject + head
    return out


def _respectively_the_same_verb(
    text: str, amounts: list[tuple[tuple[int, int], int, int, int]], out: list[str], words: SubjectWords
) -> list[str]:
    """五年淘汰落后炼铁产能1亿吨、落后炼钢产能5500万吨，今年力争分别淘汰3000万吨和3500万吨 →
    淘汰落后炼铁产能, 淘汰落后炼钢产能: amounts of a lone verb after 分别 pair, in order, with as
    many amounts just before them in the sentence whose subjects that verb opens."""
    k = 0
    while k < len(amounts):
        verb = out[k]
        run = k
        while run + 1 < len(amounts) and out[run + 1] == verb and amounts[run + 1][1] == amounts[k][1]:
            run += 1
        n = run - k + 1
        clause = text[amounts[k][1] : amounts[k][2]]
        if (
            verb
            and n >= 2
            and k >= n
            and all(f.startswith("v") for _, f in tag(verb))
            and any(r in clause for r in words.respectively)
            and all(amounts[j][0] == amounts[k][0] and (out[j] or "").startswith(verb) for j in range(k - n, k))
            and all(out[j] != verb for j in range(k - n, k))
        ):
            for i in range(n):
                out[k + i] = out[k - n + i]
        k = run + 1
    return out


def _rates_of_a_list(
    text: str, amounts: list[tuple[tuple[int, int], int, int, int]], out: list[str], words: SubjectWords
) -> list[str]:
    """办理人大代表建议77件、政协委员提案138件，办结率100% → 人大代表建议、政协委员提案办结率: a
    rate after a list of counts is the rate of every item (the rule that gives a rate the thing
    counted before it found the last item only)."""
    shared = ("", "")  # the last item of a list and the list, once a rate took it
    for k in range(1, len(amounts)):
        subject, last = out[k], out[k - 1]
        if not subject or not last or not subject.endswith(tuple(words.rate_ends)):
            continue
        item, listed = shared
        if item and subject.startswith(item) and subject[len(item) :] in words.attributes:
            out[k] = listed + subject[len(item) :]  # …，办结率100%，满意率100%: the same list's
            continue
        verb = starts_with_verb(last)
        item = last[last.find(verb) + len(verb) :] if verb else last  # 新认定…: after 新 and the verb
        if not item or not subject.startswith(item) or subject[len(item) :] not in words.attributes:
            continue
        items = [item]
        j = k - 1
        while j > 0 and amounts[j - 1][0] == amounts[k][0] and len(items) < _LONGEST_LIST:
            between = text[amounts[j - 1][3] : amounts[j][2]]
            before = out[j - 1] or ""
            if not between.startswith(LIST_COMMA) or not before.startswith(verb):
                break
            items.insert(0, before[len(verb) :])
            j -= 1
        if len(items) > 1 and all(items):
            shared = (item, LIST_COMMA.join(items))
            out[k] = shared[1] + subject[len(item) :]
    return out


def _reached(subject: str, words: SubjectWords) -> bool:
    """Does the subject only say whom something reaches (惠及农民, 覆盖农村中小学, 参保, 领取
    养老金), not what reaches them?"""
    return subject.startswith(tuple(words.reach_verbs))


def _reaching(subject: str, words: SubjectWords) -> str:
    """What reaches the people of a subject (新型农村社会养老保险试点参保 → 新型农村社会养老保险
    试点), or '': the list of an earlier figure goes on (3.58亿人参保，9880万人领取养老金)."""
    at = min((i for v in words.reach_verbs if (i := subject.find(v)) >= 2), default=-1)
    return subject[:at] if at >= 2 else ""


def _scheme_opening(clause: str, words: SubjectWords) -> str:
    """The noun phrase a clause opens with, up to its first adverb, verb or number
    (农村中小学现代远程教育工程[已投入…], 远程教育[已覆盖]), or '' when it opens with none."""
    tokens = [(w, f) for w, f in tag(clause.strip()) if w.strip()]
    n = 0
    while n < len(tokens) and not (
        tokens[n][1][:1] in ("d", "p", "m", "c", "u") or (tokens[n][1].startswith("v") and tokens[n][1] != "vn")
    ):
        n += 1
    phrase = "".join(w for w, _ in tokens[:n])
    if n == len(tokens) or len(phrase) < 2 or not _nounish(*tokens[n - 1], words) or _reached(phrase, words):
        return ""
    return phrase


def _needs_owner(subject: str, words: SubjectWords) -> bool:
    """Is the subject only a measure of something (利润增长, 新投产里程, 已积累资金, 参保人数比
    2002年增加: its base of comparison read out)?"""
    tokens = list(tag(before_base(level(subject)) or level(subject)))
    while tokens:
        if "".join(w for w, _ in tokens) in words.owner_needed:
            return True
        if tokens[0][1] not in (*_PREDICATE_FLAGS, "vn"):
            return False
        tokens.pop(0)  # 新投产里程: what was done to it, then the measure
    return False


def _owner_before(
    text: str,
    sentence_start: int,
    clause_start: int,
    earlier: list[tuple[int, str]],
    words: SubjectWords,
    whole: bool = True,
    reach: bool = False,
) -> str:
    """The thing the nearest earlier clause names that is not itself a bare measure; the
    text read starts at ``sentence_start``, a clause's start only when ``whole``. With
    ``reach`` (惠及农民), a clause with a figure of its own that names no measure's thing gives
    the scheme it is about (新型农村合作医疗制度试点已扩大到671个县，惠及…)."""
    before = text[sentence_start:clause_start]
    stops = [m.end() for m in CLAUSE_STOP.finditer(before)]
    bounds = [0, *stops] if whole else stops
    for i in range(len(bounds) - 2, max(-1, len(bounds) - 2 - _LOOK_BACK), -1):
        start, end = sentence_start + bounds[i], sentence_start + bounds[i + 1]
        clause = text[start:end].rstrip("".join(CLAUSE_STOPS)).strip()
        if not clause:
            continue
        measured = [s for at, s in earlier if start <= at < end]
        if measured:
            # a clause with a figure of its own: its thing or none (新引进…3家集成电路企业落地平潭，
            # 力争产值增长…: the clause before it is not searched)
            owner = _without_measure(before_base(level(measured[-1] or "")), words)
            if not owner and reach:
                owner = _reaching(measured[-1] or "", words) or _scheme_opening(clause, words)
                owner = owner or _clause_owner(clause, words)
            return "" if not owner or _needs_owner(owner, words) or _reached(owner, words) else owner
        owner = _clause_owner(clause, words)
        if owner and not _needs_owner(owner, words):
            return owner
    return ""


def _without_measure(measure: str, words: SubjectWords) -> str:
    """高等教育在学人数 → 高等教育, 铁路投资 → 铁路: an earlier measure's thing, when it ends in
    a measure word of something; '' for a measure of its own (国内生产总值)."""
    ends = sorted(words.owner_needed | words.attributes, key=len, reverse=True)
    end = next((e for e in ends if measure.endswith(e) and len(measure) - len(e) >= 2), "")
    if not end:
        return ""
    owner = measure[: -len(end)]
    tokens = tag(owner)
    if not tokens or not _nounish(*tokens[-1], words) or tokens[0][1] in _PREDICATE_FLAGS:
        return ""  # 吸纳农村劳动力, 开工项目: a verb's object is no owner
    return owner


def _modifies(token: tuple[str, str], words: SubjectWords) -> bool:
    return token[1] == "b" or _nounish(*token, words)


def _idiom_predicate(token: tuple[str, str], words: SubjectWords) -> bool:
    """大幅度提高, 不断完善 (jieba's l): an idiom that is a predicate, of change or opening with an
    adverb."""
    if token[1] != "l":
        return False
    return token[0].endswith(tuple(words.change | words.to_level)) or word_tag(token[0][:2]) == "d"


def _nounish(word: str, flag: str, words: SubjectWords) -> bool:
    if flag == "x" and not word.isalpha():
        return False  # punctuation and quotes
    if word in words.verbs or word in words.trailing or word in words.leading or word in words.inside:
        return False  # 建立健全 (tagged a name), 全面 (a noun to jieba)
    if _idiom_predicate((word, flag), words):
        return False  # 大幅度提高, 不断完善: an idiom that is a predicate
    return flag.startswith(_NOUN_FLAGS)


def _verb_like(tokens: list[tuple[str, str]], i: int, words: SubjectWords) -> bool:
    word, flag = tokens[i]
    if word in words.verbs or (flag.startswith("v") and flag != "vn"):
        return True
    # 降低并统一大病保险起付线: a verbal noun after a conjunction or a verb is a verb
    return flag == "vn" and (i == 0 or tokens[i - 1][1] in ("c", "v"))


def _clause_owner(clause: str, words: SubjectWords) -> str:
    """The noun phrase a clause opens with before its predicate (国有企业[效益]明显好转), else
    the system or thing its verb acts on (整合[城乡居民基本医保]制度, 降低并统一[大病保险]起付线)."""
    tokens = [(w, f) for w, f in tag(clause) if w.strip()]
    lead = 0
    while lead < len(tokens) and (
        _nounish(*tokens[lead], words)
        # 国有及国有控股工业企业: nouns joined by a list word, modifiers (国有: jieba's b) and a
        # verb inside the name (控股) before a noun
        or (0 < lead < len(tokens) - 1 and tokens[lead][0] in words.list_words and _modifies(tokens[lead + 1], words))
        or (tokens[lead][1] == "b" and lead < len(tokens) - 1)
        or (0 < lead < len(tokens) - 1 and tokens[lead - 1][1] == "b" and _nounish(*tokens[lead + 1], words))
    ):
        lead += 1
    if 0 < lead < len(tokens) and not _nounish(*tokens[lead - 1], words):
        lead = 0  # a phrase ends with its noun
    if 0 < lead < len(tokens) and (
        tokens[lead][1] in _PREDICATE_FLAGS or _verb_like(tokens, lead, words) or _idiom_predicate(tokens[lead], words)
    ):
        phrase = "".join(w for w, _ in tokens[:lead])
        system = next((e for e in sorted(words.system_ends, key=len, reverse=True) if phrase.endswith(e)), "")
        if system and len(phrase) - len(system) >= 2:
            phrase = phrase[: -len(system)]  # 城镇职工基本养老保险制度不断完善: the scheme, not 制度
        return (_without_measure(phrase, words) or phrase) if len(phrase) >= 2 else ""
    for i in range(len(tokens) - 2, -1, -1):
        if not _verb_like(tokens, i, words):
            continue
        tail = tokens[i + 1 :]
        while tail and tail[0][1].startswith("u"):
            tail = tail[1:]  # 建立了全国社会保障基金: the aspect particle
        if not tail or not (_nounish(*tail[0], words) and _nounish(*tail[-1], words)):
            continue
        phrase = "".join(w for w, _ in tail)
        for word in words.list_words:
            phrase = phrase.split(word)[0]  # 种粮农民补贴制度和主产区利益补偿机制: the first system
        system = next((e for e in sorted(words.system_ends, key=len, reverse=True) if phrase.endswith(e)), "")
        if system:
            phrase = phrase[: -len(system)]
        else:
            phrase = _without_measure(phrase, words) or phrase
        if len(phrase) >= 2:
            return phrase
    return ""
