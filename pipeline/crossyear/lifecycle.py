"""Follow a named policy document across one issuer's plans (→ ``policy_lifecycle``).

Plans announce a document one year (出台《…实施意见》) and implement it the next
(落实《…》), so the references of all of an issuer's documents are lined up by
``ref_key`` and by the year of the event. That year is the one the sentence itself
names when it names one: the 1997 report's 1990年七届全国人大三次会议通过《香港特别行政区
基本法》 is a 1990 event, told in retrospect, not a 1997 issue. Whose act it was matters
too: 美国制定了所谓《与台湾关系法》 is another government's law, and 中共十一届三中全会
通过的《…决定（草案）》 another body's decision, so an event whose clause names an actor
other than the issuer before its verb has ``actor = 'other'``. A short form the document
does not resolve itself (《纲要》, 《建议》) takes the key of the issuer's latest full title
ending with it, and a draft the issuer "issues" (国务院制定了《…纲要（草案）》，提请大会审议)
is a ``draft``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pandas as pd
import regex

from extractors.language_data import PIPELINE_DATA, OneOf, Record, Strings, load, register
from extractors.policy_refs import load_policy_actions
from extractors.records import ACTIONS, LABELS
from pipeline.tables.schemas import ACTORS, POLICY_LIFECYCLE

DATA_FILE = PIPELINE_DATA / "lifecycle.yaml"
register(
    "lifecycle",
    DATA_FILE,
    Record(
        clause_marks=Strings(allow_empty=False),
        other_actor_cues=Strings(allow_empty=False),
        self_names=Strings(allow_empty=False),
        actor_labels=Strings(OneOf(*LABELS), allow_empty=False),
        draft_marks=Strings(allow_empty=False),
    ),
    used_by="pipeline/crossyear/lifecycle.py",
)

# When one year holds several events of a document, the row keeps the issuer's own,
# current one before a retrospective or another actor's, then the strongest action: a
# plan that both issues and implements a document (出台并实施) is first of all the year
# it is issued, and a bare citation (根据《…》) says least about its stage.
ACTION_STRENGTH = ACTIONS  # the value set is written strongest first
ISSUER, OTHER = ACTORS

COLUMNS = POLICY_LIFECYCLE.names


@dataclass(frozen=True, slots=True)
class LifecycleWords:
    clause: regex.Pattern
    other_cues: tuple[str, ...]
    self_names: frozenset[str]
    actor_labels: frozenset[str]
    draft_marks: tuple[str, ...]


@cache
def lifecycle_words() -> LifecycleWords:
    """The words of ``pipeline/data/lifecycle.yaml``."""
    data = load("lifecycle")
    return LifecycleWords(
        regex.compile("[" + "".join(regex.escape(c) for c in data["clause_marks"]) + "]"),
        tuple(data["other_actor_cues"]),
        frozenset(data["self_names"]),
        frozenset(data["actor_labels"]),
        tuple(data["draft_marks"]),
    )


def build_policy_lifecycle(
    policy_refs: pd.DataFrame,
    documents: pd.DataFrame,
    times: pd.DataFrame | None = None,
    entities: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per (issuer, ref_key, year of the event), with the year's main event.

    ``year`` is the event's year: a time expression of the mention's own clause (or
    one opening its sentence), else the year a review speaks of (the document's year
    − 1) or the document's year. ``doc_year`` is the year of the mentioning document;
    ``retrospective`` marks an event dated before the period the document covers
    (1990 told in 1997, 过去五年); ``actor`` is ``other`` when another body or
    government acts. Every mention counts, ``other`` actions included, so a year that
    only cites a document still shows it alive; failed documents are left out.
    ``first_year`` and ``n_years`` are per (issuer, ref_key), over event years.
    """
    docs = documents.loc[documents["status"] == "ok"]
    cols = [
        c
        for c in (
            "doc_id",
            "task_id",
            "part",
            "title",
            "qualifier",
            "action",
            "action_text",
            "ref_key",
            "char_start",
            "char_end",
            "sentence",
            "text",
        )
        if c in policy_refs
    ]
    df = policy_refs[cols].merge(docs[["doc_id", "issuer", "issuer_slug", "year"]], on="doc_id", how="inner")
    df = df[df["ref_key"].notna() & (df["ref_key"] != "")]
    if df.empty:
        return _empty()
    df = df.rename(columns={"year": "doc_year"})
    df = _resolve_short_forms(df)
    texts = dict(zip(docs["doc_id"], docs["text"])) if "text" in docs else {}
    words = lifecycle_words()
    wanted = set(df["doc_id"])
    by_sentence = {}
    if times is not None and not times.empty:
        # only the sentences that mention a document: grouping every sentence's times
        # (a corpus has thousands) cost more than the rest of the table
        dated = times[times["doc_id"].isin(wanted) & times["start"].notna() & times["end"].notna()]
        dated = dated.merge(df[["doc_id", "sentence"]].drop_duplicates(), on=["doc_id", "sentence"])
        by_sentence = {key: g for key, g in dated.groupby(["doc_id", "sentence"], sort=False)}
    by_doc = (
        {}
        if entities is None or entities.empty
        else {d: g for d, g in entities[entities["doc_id"].isin(wanted)].groupby("doc_id")}
    )
    years, retro, actors = [], [], []
    for r in df.itertuples(index=False):
        text = texts.get(r.doc_id)
        span = _own_time(r, text, by_sentence.get((r.doc_id, r.sentence)), words)
        doc_year = int(r.doc_year)
        context = doc_year - 1 if getattr(r, "part", None) == "review" else doc_year
        if span is None:
            years.append(context)
            retro.append(False)
        else:
            start, end = span
            years.append(min(max(context, start), end))
            retro.append(end < doc_year and start < doc_year - 1)
        actors.append(_actor(r, text, by_doc.get(r.doc_id), words))
    df = df.assign(year=years, retrospective=retro, actor=actors)
    named = df["title"].fillna("") + (df["qualifier"].fillna("") if "qualifier" in df else "")
    drafts = named.map(lambda t: any(m in t for m in words.draft_marks))
    df.loc[drafts & (df["action"] == "issue") & (df["actor"] == ISSUER), "action"] = "draft"

    rank = {a: i for i, a in enumerate(ACTION_STRENGTH)}
    df = df.assign(
        _rank=df["action"].map(rank).fillna(len(rank)),
        _aside=(df["retrospective"] | (df["actor"] != ISSUER)).astype(int),
    )
    df = df.sort_values(
        ["issuer_slug", "ref_key", "year", "_aside", "_rank", "doc_year", "doc_id", "char_start"], kind="mergesort"
    )
    keys = ["issuer_slug", "ref_key"]
    best = df.drop_duplicates(keys + ["year"], keep="first").copy()
    per_key = best.groupby(keys)["year"]
    best["first_year"] = per_key.transform("min")
    best["n_years"] = per_key.transform("nunique")
    if "task_id" not in best:
        best["task_id"] = None
    out = best[COLUMNS].reset_index(drop=True)
    out["task_id"] = out["task_id"].astype(object).where(out["task_id"].notna(), None)
    return out.astype(
        {"year": "int64", "doc_year": "int64", "first_year": "int64", "n_years": "int64", "retrospective": bool}
    )


def build_policy_lifecycle_from(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """:func:`build_policy_lifecycle` on a run's tables (the cross-year builder interface)."""
    return build_policy_lifecycle(
        tables["policy_refs"], tables["documents"], tables.get("times"), tables.get("entities")
    )


def _clause_start(text: str, pos: int, words: LifecycleWords) -> int:
    """Where the clause holding ``pos`` starts (after the last clause mark before it)."""
    start = max(text.rfind("\n", 0, pos) + 1, pos - 300)  # no clause runs 300 characters
    for mark in words.clause.finditer(text, start, pos):
        start = mark.end()
    return start


def _own_time(r, text: str | None, same: pd.DataFrame | None, words: LifecycleWords) -> tuple[int, int] | None:
    """(first, last year) of the time that dates the mention, from the times table rows
    of its sentence (``same``).

    A time of the same sentence in the mention's own clause, the nearest before it or
    else the first after it (继《香港特别行政区基本法》由1990年的人代会通过…); else a time
    opening the sentence (2017年，我们出台了《…》).
    """
    if same is None or same.empty or text is None or not isinstance(r.sentence, str):
        return None
    sent_start = text.rfind(r.sentence, max(0, r.char_start - len(r.sentence)), r.char_end + len(r.sentence))
    if sent_start < 0:
        return None
    sent_end = sent_start + len(r.sentence)
    same = same[(same["char_start"] >= sent_start) & (same["char_start"] < sent_end)].sort_values("char_start")
    clause_lo = _clause_start(text, r.char_start, words)
    nxt = words.clause.search(text, r.char_end, sent_end)
    clause_hi = nxt.start() if nxt else sent_end
    starts = same["char_start"].tolist()
    spans = [(pd.Timestamp(s).year, pd.Timestamp(e).year) for s, e in zip(same["start"], same["end"])]
    own = [i for i, s in enumerate(starts) if clause_lo <= s < clause_hi]
    before = [i for i in own if starts[i] < r.char_start]
    if before:
        return spans[before[-1]]
    if own:
        return spans[own[0]]
    # a time that opens the sentence in a clause of its own frames all of it (2017年，…);
    # one inside an earlier clause (继《A》由1990年…通过之后，《B》…) dates that clause only
    first = words.clause.search(text, sent_start, sent_end)
    if (
        starts
        and first
        and first.start() < r.char_start
        and starts[0] <= sent_start + 1
        and same["char_end"].iloc[0] >= first.start() - 1
    ):
        return spans[0]
    return None


def _actor(r, text: str | None, entities: pd.DataFrame | None, words: LifecycleWords) -> str:
    """``other`` when the mention's clause names another actor before its verb, or disowns it (所谓)."""
    qualifier = getattr(r, "qualifier", None)
    if isinstance(qualifier, str) and any(c in qualifier for c in words.other_cues):
        return OTHER
    if text is None:
        return ISSUER
    lo = _clause_start(text, r.char_start, words)
    before = text[lo : r.char_start]
    if any(c in before for c in words.other_cues):
        return OTHER
    if entities is None or entities.empty:
        return ISSUER
    verb = before.rfind(r.action_text) if isinstance(r.action_text, str) and r.action_text else -1
    hi = lo + verb if verb >= 0 else r.char_start
    ents = entities[
        (entities["char_start"] >= lo) & (entities["char_end"] <= hi) & entities["label"].isin(words.actor_labels)
    ]
    issuer = r.issuer if isinstance(r.issuer, str) else ""
    for name in ents["text"]:
        if name in words.self_names or name in issuer or (issuer and issuer in name):
            continue
        return OTHER
    return ISSUER


def _resolve_short_forms(df: pd.DataFrame) -> pd.DataFrame:
    """A bare short form (《纲要》, 《建议》) left unresolved by its document takes the key of
    the issuer's latest full title ending with it in the same or an earlier document."""
    short = load_policy_actions().short_forms
    if not df["ref_key"].isin(short).any():
        return df
    df = df.sort_values(["issuer_slug", "doc_year", "char_start"], kind="mergesort")
    keys = df["ref_key"].tolist()
    seen: dict[str, list[str]] = {}
    for i, (slug, key) in enumerate(zip(df["issuer_slug"], keys)):
        full = seen.setdefault(slug, [])
        if key in short:
            match = next((k for k in reversed(full) if k != key and k.endswith(key)), None)
            if match:
                keys[i] = match
        else:
            full.append(key)
    return df.assign(ref_key=keys)


def _empty() -> pd.DataFrame:
    return POLICY_LIFECYCLE.empty_table().to_pandas()
