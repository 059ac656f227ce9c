"""Hand-labelled task links keyed by anchors, read against a run's tasks (``tests/data/task_link_gold_plans.json``).

The gold of work plans names each task by its anchor: the first characters of the
normalised text where the task starts (``（一）积极发挥“两个窗口”作用``, ``1.全面公开省级``),
so it does not depend on how a run splits the documents. To score a run, each anchor is
found in ``documents.text`` and mapped to the run's task that starts there
(:func:`resolve_anchors`); a gold task the run did not split out keeps a placeholder id,
so its links count against recall. To score the linking alone, :func:`gold_tasks`
builds the tasks from the anchors themselves (text from one anchor to the next).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from pipeline.evaluation.gold import GoldFileError

# A run's task may start a few characters from the anchor: the gold anchors a heading
# at its label (（一）), a run may start the task at its title, or the other way round.
SLACK = 6
MISSING = "gold:"


GOLD_FILE = "tests/data/task_link_gold_plans.json"


def _positions(text: str, anchors: Iterable[str], doc_id: str) -> dict[str, int]:
    out = {}
    for anchor in anchors:
        pos = text.find(anchor)
        if pos < 0:
            raise GoldFileError(GOLD_FILE, f"{doc_id}: task anchor {anchor!r} is not in the normalised text")
        out[anchor] = pos
    return out


def _texts(documents: pd.DataFrame) -> dict[str, str]:
    return dict(zip(documents["doc_id"], documents["text"]))


def select_pairs(gold: dict, sets: Iterable[str] | None = None) -> dict:
    """The gold with only the pairs of the named sets (``dev``, ``heldout``); None keeps all."""
    if sets is None:
        return gold
    wanted = set(sets)
    return {**gold, "pairs": [p for p in gold["pairs"] if p.get("set") in wanted]}


def resolve_anchors(gold: dict, documents: pd.DataFrame, tasks: pd.DataFrame) -> dict:
    """The gold with every anchor replaced by the id of the run's task that starts there.

    An anchor maps to the plan task of its document whose ``char_start`` is nearest to
    the anchor's position, within :data:`SLACK` characters; an anchor no task starts at
    becomes ``gold:<anchor>``, a task the run cannot have linked.
    """
    texts = _texts(documents)
    plan = tasks[tasks["part"] == "plan"]
    starts = {doc: list(zip(g["char_start"], g["task_id"])) for doc, g in plan.groupby("doc_id")}

    def mapper(doc_id: str, anchors: Iterable[str]) -> dict[str, str]:
        if doc_id not in texts:
            raise GoldFileError(GOLD_FILE, f"{doc_id}: a gold pair names a document the run does not have")
        out = {}
        for anchor, pos in _positions(texts[doc_id], anchors, doc_id).items():
            near = [(abs(int(s) - pos), tid) for s, tid in starts.get(doc_id, []) if abs(int(s) - pos) <= SLACK]
            out[anchor] = min(near)[1] if near else f"{MISSING}{anchor}"
        return out

    pairs = []
    for p in gold["pairs"]:
        ma, mb = mapper(p["doc_a"], p["tasks_a"]), mapper(p["doc_b"], p["tasks_b"])
        pairs.append(
            {
                **p,
                "tasks_a": {ma[a]: t for a, t in p["tasks_a"].items()},
                "tasks_b": {mb[b]: t for b, t in p["tasks_b"].items()},
                "links": [[ma[a], mb[b]] for a, b in p["links"]],
            }
        )
    return {**gold, "pairs": pairs}


def gold_tasks(gold: dict, documents: pd.DataFrame) -> pd.DataFrame:
    """A tasks table made of the gold's own tasks: each from its anchor to the next one's.

    ``task_id`` is the anchor itself, so the gold needs no mapping; the last task of a
    document runs to its end.
    """
    texts = _texts(documents)
    anchors: dict[str, dict[str, str]] = {}
    for p in gold["pairs"]:
        anchors.setdefault(p["doc_a"], {}).update(p["tasks_a"])
        anchors.setdefault(p["doc_b"], {}).update(p["tasks_b"])
    rows = []
    for doc_id, titles in anchors.items():
        text = texts[doc_id]
        order = sorted(_positions(text, titles, doc_id).items(), key=lambda kv: kv[1])
        for i, (anchor, pos) in enumerate(order):
            end = order[i + 1][1] if i + 1 < len(order) else len(text)
            rows.append(
                {
                    "doc_id": doc_id,
                    "task_id": anchor,
                    "section_id": None,
                    "number": i + 1,
                    "title": titles[anchor],
                    "text": text[pos:end],
                    "part": "plan",
                    "char_start": pos,
                    "char_end": end,
                }
            )
    return pd.DataFrame(
        rows, columns=["doc_id", "task_id", "section_id", "number", "title", "text", "part", "char_start", "char_end"]
    )


def gold_units(gold: dict, tasks: pd.DataFrame, sections: pd.DataFrame) -> dict[str, str]:
    """Each run task that lies inside a gold unit the run split further → that unit.

    The report gold (``tests/data/task_link_gold.json``) names tasks by id as the run had
    them when labelled. Where the run now splits such a task into run-in tasks, the id
    names a section (``gov-report-2004/2.6`` → section ``gov-report-2004/s2.6`` holding
    tasks ``2.6.1`` … ``2.6.6``); links are then judged between units
    (:func:`pipeline.crossyear.links.link_scores`). Ids still naming a task map to
    themselves (they are left out of the mapping).
    """
    task_ids = set(tasks["task_id"])
    section_of = dict(zip(tasks["task_id"], tasks["section_id"]))
    parent_of = dict(zip(sections["section_id"], sections["parent_id"]))
    wanted: dict[str, str] = {}
    for p in gold["pairs"]:
        for side in ("tasks_a", "tasks_b"):
            for tid in p[side]:
                if tid not in task_ids:
                    doc, _, path = tid.partition("/")
                    wanted[f"{doc}/s{path}"] = tid
    out: dict[str, str] = {}
    for tid, sid in section_of.items():
        while isinstance(sid, str):
            if sid in wanted:
                out[tid] = wanted[sid]
                break
            sid = parent_of.get(sid)
    return out


def names_unit(gold_id: str, title: str, tasks: pd.DataFrame, sections: pd.DataFrame) -> bool:
    """Does ``gold_id`` still name the run's task of that title, or the section of that
    heading that the run split into run-in tasks?"""
    doc, _, path = gold_id.partition("/")
    task = tasks[tasks["task_id"] == gold_id]
    if len(task):
        return bool(task["title"].iloc[0] == title)
    sec = sections[sections["section_id"] == f"{doc}/s{path}"]
    return bool(len(sec)) and sec["heading"].iloc[0] == title
