"""The target and achievement rows of measures that the cross-year tables compare.

``target_series`` and ``fulfilment`` need three things about every row of a measure:
which years it speaks of (``period_start``..``period_end``: 2019–2019 for an annual
target of the 2019 plan, 2016–2020 for a 十三五 goal, 2018–2018 for last year's result in
the 2019 review), whether it stands in the plan's headline list (今年发展的主要预期目标是：…),
and its issuer and document year. The targets table carries ``period_start``,
``period_end`` and ``headline`` once the extractors fill them, and they are then used
as they are. A run whose targets table lacks them gets them from :func:`derive_periods`
(the times and sections tables, words of ``pipeline/data/periods.yaml``) and
:func:`derive_headline` (the structure's headline cues of ``pipeline/data/structure.yaml``).
PROVISIONAL: those two derivations go once every run's targets table has the columns.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

import pandas as pd
import regex

from extractors.language_data import PIPELINE_DATA, Record, Strings, load, longest_first, register
from pipeline.crossyear.measures import is_measure

DATA_FILE = PIPELINE_DATA / "periods.yaml"
register("periods", DATA_FILE,
         Record(multi_year=Strings(allow_empty=False), comparison_before=Strings(allow_empty=False)),
         used_by="pipeline/crossyear/target_rows.py")

KINDS = ("target", "achievement")


@dataclass(frozen=True, slots=True)
class SeriesWords:
    headline: regex.Pattern
    lead_in: tuple[str, ...]
    multi_year: regex.Pattern
    comparison_before: tuple[str, ...]


@cache
def series_words() -> SeriesWords:
    """The headline cues of the structure rules and the period words of ``periods.yaml``."""
    from pipeline.structure.rules import load_rules

    structure = load_rules()
    data = load("periods")
    return SeriesWords(structure.headline, structure.lead_in, regex.compile(longest_first(data["multi_year"])),
                       tuple(sorted(data["comparison_before"], key=len, reverse=True)))


def target_rows(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Target and achievement rows of measures in ``ok`` documents, with their context.

    Adds ``issuer``, ``issuer_slug``, ``year`` (the document's), ``period_start`` and
    ``period_end`` (nullable ints; null when the years cannot be told) and ``headline``.
    Rows of indicators that are not measures (fragments such as 县 or 底线是严守) and
    rows without a value are left out.
    """
    documents = tables["documents"]
    docs = documents.loc[documents["status"] == "ok", ["doc_id", "issuer", "issuer_slug", "year"]]
    targets = tables["targets"]
    rows = targets[targets["kind"].isin(KINDS) & targets["value"].notna()
                   & targets["indicator"].map(is_measure).astype(bool)]
    rows = rows.merge(docs, on="doc_id", how="inner")
    if "period_start" not in rows or "period_end" not in rows:
        rows = derive_periods(rows, tables)
    if "headline" not in rows:
        rows = derive_headline(rows, tables)
    rows = rows.astype({"period_start": "Int64", "period_end": "Int64"})
    rows["headline"] = rows["headline"].fillna(False).astype(bool)
    return rows.reset_index(drop=True)


# ---------------------------------------------------------------- PROVISIONAL derivations


def derive_headline(rows: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """``headline``: the row stands in a headline list (PROVISIONAL, see the module docstring).

    The list runs from a headline cue of ``structure.yaml`` (主要预期目标) to the end of its
    line, or of the next line when the cue's line ends in a colon (2011, 2012), and
    never past the start of the next section: the page dumps of other issuers hold a
    whole report on one line.
    """
    words = series_words()
    documents, sections = tables["documents"], tables.get("sections")
    starts_of = {} if sections is None else \
        {d: sorted(g["char_start"].astype(int)) for d, g in sections.groupby("doc_id")}
    spans: dict[str, list[tuple[int, int]]] = {}
    wanted = set(rows["doc_id"])
    for doc_id, text in zip(documents["doc_id"], documents["text"]):
        if not isinstance(text, str) or doc_id not in wanted:
            continue
        starts = starts_of.get(doc_id, [])
        for hit in words.headline.finditer(text):
            pos = hit.start()
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            if text[pos:end].rstrip().endswith(words.lead_in) and end < len(text):
                following = text.find("\n", end + 1)
                end = len(text) if following < 0 else following
            i = bisect.bisect_right(starts, pos)
            if i < len(starts):
                end = min(end, starts[i])
            spans.setdefault(doc_id, []).append((pos, end))
    flags = [any(s <= pos < e for s, e in spans.get(doc, ()))
             for doc, pos in zip(rows["doc_id"], rows["char_start"])]
    return rows.assign(headline=flags)


def derive_periods(rows: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """``period_start``/``period_end`` of each row (PROVISIONAL, see the module docstring).

    In order: a time expression before the row in its own sentence, else the last one
    before it in its paragraph and section (刚刚过去的2017年，…增长6.9%; 十三五 … 5000万人);
    else the first time in its section's heading, then the parent's (2015年工作回顾,
    2021年和过去五年工作回顾 → 2021); else the year before the document's for a review,
    the document's year otherwise. A multi-year word in the sentence (年均, 累计) with no
    time spanning several years leaves the period unknown: 年均增长7.1% is no one year's
    figure. A time right after a comparison word (比上年) is a base, not the period.
    """
    words = series_words()
    documents = tables["documents"].set_index("doc_id")
    times = tables.get("times")
    sections = tables.get("sections")
    starts = pd.Series(pd.NA, index=rows.index, dtype="Int64")
    ends = pd.Series(pd.NA, index=rows.index, dtype="Int64")
    for doc_id, group in rows.groupby("doc_id"):
        text = documents.at[doc_id, "text"]
        year = int(documents.at[doc_id, "year"])
        doc_times = _DocTimes.build(text, _of(times, doc_id), _of(sections, doc_id), words)
        for idx, r in zip(group.index, group.itertuples(index=False)):
            span = doc_times.period(int(r.char_start), r.sentence, r.part, r.section_id, year, words)
            if span is not None:
                starts[idx], ends[idx] = span
    return rows.assign(period_start=starts, period_end=ends)


def _of(frame: pd.DataFrame | None, doc_id: str) -> pd.DataFrame | None:
    return None if frame is None or frame.empty else frame[frame["doc_id"] == doc_id]


@dataclass(frozen=True, slots=True)
class _DocTimes:
    text: str
    starts: list[int]  # char_start of each time expression, sorted
    spans: list[tuple[int, int]]  # its first and last year
    sections: dict[str, tuple[int, int, str | None]]  # section_id -> start, heading end, parent

    @classmethod
    def build(cls, text: str, times: pd.DataFrame | None, sections: pd.DataFrame | None,
              words: SeriesWords) -> "_DocTimes":
        starts, spans = [], []
        if times is not None:
            for t in times.sort_values("char_start").itertuples(index=False):
                if pd.isna(t.start) or pd.isna(t.end):
                    continue
                if any(text[max(0, t.char_start - len(w)):t.char_start] == w for w in words.comparison_before):
                    continue  # 比上年: a base of comparison, not the period spoken of
                starts.append(int(t.char_start))
                spans.append((pd.Timestamp(t.start).year, pd.Timestamp(t.end).year))
        heads = {}
        if sections is not None:
            for s in sections.itertuples(index=False):
                start = int(s.char_start)
                heading = s.heading if isinstance(s.heading, str) else ""
                at = text.find(heading, start) if heading else -1
                head_end = at + len(heading) if at >= 0 else text.find("\n", start)
                heads[s.section_id] = (start, len(text) if head_end < 0 else head_end,
                                       s.parent_id if isinstance(s.parent_id, str) else None)
        return cls(text, starts, spans, heads)

    def _times_in(self, lo: int, hi: int) -> list[tuple[int, int]]:
        i, j = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        return self.spans[i:j]

    def period(self, pos: int, sentence: str | None, part: str | None, section_id: str | None,
               year: int, words: SeriesWords) -> tuple[int, int] | None:
        multi = bool(sentence) and words.multi_year.search(sentence) is not None
        found = self._before(pos, sentence, section_id)
        if found is None:
            found = self._heading(section_id)
        if found is None:
            found = (year - 1, year - 1) if part == "review" else (year, year)
        if multi and found[0] == found[1]:
            return None
        return found

    def _before(self, pos: int, sentence: str | None, section_id: str | None) -> tuple[int, int] | None:
        lo = self.text.rfind("\n", 0, pos) + 1
        if sentence:
            at = self.text.rfind(sentence, max(0, pos - len(sentence)), pos + len(sentence))
            if at >= 0:
                own = self._times_in(at, pos)
                if own:
                    return own[-1]
        if isinstance(section_id, str) and section_id in self.sections:
            lo = max(lo, self.sections[section_id][1])
        found = self._times_in(lo, pos)
        return found[-1] if found else None

    def _heading(self, section_id: str | None) -> tuple[int, int] | None:
        seen = set()
        while isinstance(section_id, str) and section_id in self.sections and section_id not in seen:
            seen.add(section_id)
            start, head_end, parent = self.sections[section_id]
            found = self._times_in(start, head_end)
            single = [s for s in found if s[0] == s[1]]
            if single:
                return single[0]  # 2021年和过去五年工作回顾: the one year comes first
            if found:
                return found[0]
            section_id = parent
        return None
