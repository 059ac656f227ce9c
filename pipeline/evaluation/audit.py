"""Audits: rows sampled at random from a run's outputs and judged by hand, field by field.

Span-matched gold (``evaluate``) answers "did we find what the gold lists, with the right
fields"; an audit answers what an analyst meets: of the rows the table holds, how many are
right in every field. ``sample`` draws rows of a table from chosen documents (a fixed
seed, so the sheet can be re-drawn) and writes a judging sheet; the judge fills in, per
row, whether the mention is right and, per field, whether its value is right (and the
right value when it is not). ``score`` compares a run's rows with a judged sheet: a row
is right when the mention was judged right and every field equals the value judged
right. Rows of the sheet the run no longer produces are counted apart; an amount that
starts where a judged one did, alone, is that row with its end moved (and one that ends where
it did and whose text ends with the judged text, alone, that row grown at its start: 高于10% →
达到或略高于10%). ``agree`` compares two
judges of the same drawn rows (how finely an audit can tell two figures apart).

Sheet format (JSON)::

    {"table": "targets", "seed": 7, "documents": [...], "judged_by": "...", "fields": [...],
     "rows": [{"doc_id": …, "char_start": …, "char_end": …, "text": …, "context": …,
               "got": {field: value, …},
               "mention_ok": true | false | null,
               "fields_ok": {field: true | false},
               "expected": {field: right value, …}   # only for fields judged wrong
               "note": "…"}]}
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.evaluation.evaluate import _plain, context_of
from pipeline.tables.read import read_table

# The fields judged per table (what an analyst groups and filters by).
AUDIT_FIELDS: dict[str, tuple[str, ...]] = {
    "targets": (
        "value",
        "value_max",
        "unit",
        "comparator",
        "kind",
        "subject",
        "indicator",
        "period_start",
        "period_end",
    ),
    "entities": ("label",),
}


def judged_starts(sheets: list[Path], table: str) -> set[tuple[str, int]]:
    """Where the rows of ``table`` judged in ``sheets`` start: a new audit draws elsewhere."""
    starts: set[tuple[str, int]] = set()
    for path in sheets:
        sheet = json.loads(path.read_text(encoding="utf-8"))
        if sheet["table"] == table:
            starts.update((r["doc_id"], int(r["char_start"])) for r in sheet["rows"])
    return starts


def sample(
    out_dir: Path,
    table: str,
    doc_ids: list[str],
    n: int,
    seed: int,
    skip: Collection[tuple[str, int]] = (),
) -> dict:
    """A judging sheet of ``n`` rows of ``table`` drawn at random from ``doc_ids``, leaving
    out rows that start where ``skip`` holds (rows an earlier audit judged)."""
    rows = read_table(out_dir, table)
    rows = rows[rows["doc_id"].isin(doc_ids)].sort_values(["doc_id", "char_start", "char_end"])
    records = [r for r in rows.to_dict("records") if (r["doc_id"], int(r["char_start"])) not in skip]
    chosen = random.Random(seed).sample(records, min(n, len(records)))
    chosen.sort(key=lambda r: (r["doc_id"], r["char_start"]))
    docs = read_table(out_dir, "documents").set_index("doc_id")["text"]
    fields = AUDIT_FIELDS[table]
    return {
        "table": table,
        "seed": seed,
        "documents": sorted(doc_ids),
        "judged_by": None,
        "fields": list(fields),
        "rows": [
            {
                "doc_id": r["doc_id"],
                "char_start": int(r["char_start"]),
                "char_end": int(r["char_end"]),
                "text": r["text"],
                "context": context_of(docs[r["doc_id"]], int(r["char_start"]), int(r["char_end"]), 40),
                "sentence": r.get("sentence"),
                "part": r.get("part"),
                "got": {f: _plain(r.get(f)) for f in fields},
                "mention_ok": None,
                "fields_ok": {},
                "expected": {},
                "note": "",
            }
            for r in chosen
        ],
    }


@dataclass
class AuditScore:
    table: str
    judged: int = 0
    mention_right: int = 0
    every_field_right: int = 0
    missing: int = 0  # judged rows the run no longer produces
    dropped_false: int = 0  # of those, rows judged no real mention: the error is gone
    field_right: dict[str, int] = field(default_factory=dict)
    field_total: dict[str, int] = field(default_factory=dict)
    wrong: list[dict] = field(default_factory=list)
    # targets: rows the run gives kind = 'target', and those of them that are no commitment
    # (judged no mention, or judged another kind): issue 17's "at most 2 %"
    targets: int = 0
    no_commitment: int = 0
    # entities: per label the run gives, rows and rows right (mention and label)
    label_rows: dict[str, int] = field(default_factory=dict)
    label_right: dict[str, int] = field(default_factory=dict)

    @property
    def every_field_share(self) -> float:
        return self.every_field_right / self.judged if self.judged else 0.0


def _same(a: Any, b: Any) -> bool:
    a, b = _plain(a), _plain(b)
    a = None if a == "" else a
    b = None if b == "" else b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))
    return a == b


def right_value(row: dict, name: str) -> Any:
    """The value judged right for field ``name`` of a sheet row."""
    if name in row.get("expected", {}):
        return row["expected"][name]
    return row["got"].get(name)


def score(sheet: dict, out_dir: Path) -> AuditScore:
    """How a run's rows fare against a judged sheet (see the module docstring)."""
    table = sheet["table"]
    rows = read_table(out_dir, table)
    records = rows.to_dict("records")
    index = {(r["doc_id"], int(r["char_start"]), int(r["char_end"])): r for r in records}
    # an amount whose end moved (5小时 → 5小时内 once 内 is read as a ceiling) is the same
    # amount when it starts where it did and no other row starts there; an entity is not
    # (北京 of 北京奥运会 judged no place is not the 北京奥运会 found later)
    starts: dict[tuple[str, int], list[dict]] = {}
    ends: dict[tuple[str, int], list[dict]] = {}  # …and one whose start moved (高于10% → 达到或略高于10%)
    for r in records:
        starts.setdefault((r["doc_id"], int(r["char_start"])), []).append(r)
        ends.setdefault((r["doc_id"], int(r["char_end"])), []).append(r)
    result = AuditScore(table)
    for judged in sheet["rows"]:
        if judged.get("mention_ok") is None:
            raise ValueError(f"{table} audit: row {judged['doc_id']} {judged['text']!r} is not judged")
        got = index.get((judged["doc_id"], judged["char_start"], judged["char_end"]))
        if got is None and table == "targets":
            same_start = starts.get((judged["doc_id"], judged["char_start"]), [])
            # a start moved back over a comparator word: the judged text ends the new one
            grown = [
                r
                for r in ends.get((judged["doc_id"], judged["char_end"]), [])
                if int(r["char_start"]) < judged["char_start"]
                and len(str(r["text"])) > len(judged["text"])
                and str(r["text"]).endswith(judged["text"])
            ]
            got = same_start[0] if len(same_start) == 1 else grown[0] if len(grown) == 1 else None
        if got is None:
            result.missing += 1
            result.dropped_false += not judged["mention_ok"]
            continue
        result.judged += 1
        if table == "targets" and got.get("kind") == "target":
            result.targets += 1
            result.no_commitment += not judged["mention_ok"] or right_value(judged, "kind") != "target"
        if table == "entities":
            label = str(got.get("label"))
            result.label_rows[label] = result.label_rows.get(label, 0) + 1
            ok = bool(judged["mention_ok"]) and _same(got.get("label"), right_value(judged, "label"))
            result.label_right[label] = result.label_right.get(label, 0) + ok
        if not judged["mention_ok"]:
            result.wrong.append({**judged, "now": None})
            continue
        result.mention_right += 1
        all_right = True
        for name in sheet["fields"]:
            ok = _same(got.get(name), right_value(judged, name))
            result.field_total[name] = result.field_total.get(name, 0) + 1
            result.field_right[name] = result.field_right.get(name, 0) + ok
            all_right &= ok
        if all_right:
            result.every_field_right += 1
        else:
            result.wrong.append({**judged, "now": {n: _plain(got.get(n)) for n in sheet["fields"]}})
    return result


@dataclass
class Agreement:
    """How two judges of the same rows (as drawn, the same outputs) agree."""

    rows: int = 0
    mention: int = 0  # rows whose mention both judged alike
    every_field: int = 0  # rows both judged all right, or both not
    right: tuple[int, int] = (0, 0)  # rows each judge found right in every field
    fields: dict[str, int] = field(default_factory=dict)  # rows of both-right mentions judged alike
    both_mentions: int = 0
    both_wrong: dict[str, int] = field(default_factory=dict)  # a field both judged wrong …
    same_fix: dict[str, int] = field(default_factory=dict)  # … and gave the same right value


def _all_right(row: dict, fields: Collection[str]) -> bool:
    return bool(row.get("mention_ok")) and all((row.get("fields_ok") or {}).get(f, False) for f in fields)


def agree(first: dict, second: dict) -> Agreement:
    """Compare two sheets judging the same drawn rows: how often the judges agree that a row is
    right in every field, and per field; an audit cannot tell figures apart more finely."""
    if [(r["doc_id"], r["char_start"]) for r in first["rows"]] != [
        (r["doc_id"], r["char_start"]) for r in second["rows"]
    ]:
        raise ValueError("the two sheets do not judge the same rows in the same order")
    fields = first["fields"]
    a = Agreement()
    right = [0, 0]
    for x, y in zip(first["rows"], second["rows"]):
        a.rows += 1
        a.mention += x.get("mention_ok") == y.get("mention_ok")
        rx, ry = _all_right(x, fields), _all_right(y, fields)
        a.every_field += rx == ry
        right[0] += rx
        right[1] += ry
        if not (x.get("mention_ok") and y.get("mention_ok")):
            continue
        a.both_mentions += 1
        for f in fields:
            fx, fy = (x.get("fields_ok") or {}).get(f), (y.get("fields_ok") or {}).get(f)
            a.fields[f] = a.fields.get(f, 0) + (fx == fy)
            if fx is False and fy is False:
                a.both_wrong[f] = a.both_wrong.get(f, 0) + 1
                a.same_fix[f] = a.same_fix.get(f, 0) + _same(right_value(x, f), right_value(y, f))
    a.right = (right[0], right[1])
    return a


def format_agreement(a: Agreement) -> str:
    lines = [
        f"{a.rows} rows judged twice",
        f"  mention judged alike              {a.mention}/{a.rows}",
        f"  every field right, judged alike   {a.every_field}/{a.rows} = {a.every_field / max(a.rows, 1):.3f}",
        f"  right in every field              first {a.right[0]}, second {a.right[1]}",
    ]
    for f, n in a.fields.items():
        fixes = f"; both wrong {a.both_wrong[f]}, same right value {a.same_fix[f]}" if f in a.both_wrong else ""
        lines.append(f"  {f:<18} alike {n}/{a.both_mentions}{fixes}")
    return "\n".join(lines)


def format_score(s: AuditScore) -> str:
    lines = [
        f"{s.table} audit: {s.judged} judged rows in this run ({s.missing} no longer produced,"
        f" {s.dropped_false} of them judged no real mention)",
        f"  mention right       {s.mention_right}/{s.judged}",
        f"  every field right   {s.every_field_right}/{s.judged} = {s.every_field_share:.3f}",
    ]
    for name, total in s.field_total.items():
        lines.append(f"  {name:<18}  {s.field_right[name]}/{total}")
    if s.targets:
        share = s.no_commitment / s.targets
        lines.append(f"  kind = target, no commitment  {s.no_commitment}/{s.targets} = {share:.3f}")
    if s.label_rows:
        shares = (f"{k} {s.label_right[k]}/{n} = {s.label_right[k] / n:.3f}" for k, n in sorted(s.label_rows.items()))
        lines.append("  precision per label  " + ", ".join(shares))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m pipeline.evaluation.audit sample|score|agree …``."""
    p = argparse.ArgumentParser(
        prog="python -m pipeline.evaluation.audit",
        description="Sample output rows for a hand audit, or score a run against a judged sheet.",
    )
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample", help="write a judging sheet of rows drawn at random")
    s.add_argument("table", choices=sorted(AUDIT_FIELDS))
    s.add_argument("--out", type=Path, default=Path("outputs"), help="the run's output folder")
    s.add_argument("--documents", nargs="+", required=True, help="doc_ids to draw from")
    s.add_argument("-n", type=int, default=150)
    s.add_argument("--seed", type=int, default=1)
    s.add_argument("--sheet", type=Path, required=True, help="where to write the sheet (JSON)")
    s.add_argument(
        "--skip-judged",
        type=Path,
        nargs="*",
        default=[],
        help="judged sheets whose rows are not drawn again (a new audit judges rows nobody judged)",
    )
    c = sub.add_parser("score", help="score a run against a judged sheet")
    c.add_argument("sheet", type=Path)
    c.add_argument("--out", type=Path, default=Path("outputs"))
    g = sub.add_parser("agree", help="how two judges of the same drawn rows agree")
    g.add_argument("first", type=Path)
    g.add_argument("second", type=Path)
    args = p.parse_args(argv)
    if args.command == "agree":
        sheets = [json.loads(path.read_text(encoding="utf-8")) for path in (args.first, args.second)]
        print(format_agreement(agree(*sheets)))
        return 0
    if args.command == "sample":
        skip = judged_starts(args.skip_judged, args.table)
        sheet = sample(args.out, args.table, args.documents, args.n, args.seed, skip)
        args.sheet.write_text(json.dumps(sheet, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{len(sheet['rows'])} rows → {args.sheet}")
        return 0
    sheet = json.loads(args.sheet.read_text(encoding="utf-8"))
    print(format_score(score(sheet, args.out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
