"""``plantasks compare``: one issuer's plans side by side across years.

Reads the tables of a run (never reruns extractors) and prints what changed from one
plan to the next — each measure's annual target raised, lowered, new and dropped; targets
met, exceeded or fallen short of by the outcome a later report states; tasks continued,
new and dropped; documents issued one year and implemented later — then writes a
self-contained HTML report with charts of the target series to ``<out>/reports/``. Only
measures are compared, never fragments of one sentence (``target_series`` holds no
others). Cross-year tables a run has not built yet are reported as not available rather
than failing the command.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from extractors.errors import PlantasksError
from pipeline import defaults
from pipeline.crossyear.amounts import format_amount, format_gap, format_period, format_target
from pipeline.reports.html import STATUS_LABEL, write_report
from pipeline.tables.read import read_table

# Tables the comparison reads; the others are per-document details it does not need.
TABLES = ("documents", "target_series", "task_links", "policy_lifecycle", "fulfilment")
# Actions that bring a document into being, and the one that shows it in force.
ISSUING = ("issue", "draft")
IMPLEMENTING = "implement"
# Order of fulfilment statuses in every listing: what went wrong first.
STATUS_ORDER = {"fell_short": 0, "exceeded": 1, "met": 2, "unknown": 3}
# How many new/dropped indicators the terminal names per year before summing up.
NAMES_SHOWN = 8


class CompareError(PlantasksError):
    """The command cannot run: no outputs, or an issuer the outputs do not hold."""


def read_outputs(out: Path, tables: tuple[str, ...] = TABLES) -> dict[str, pd.DataFrame]:
    """The tables of a run under ``out``; a missing or empty table is an empty frame."""
    return {table: read_table(out, table) for table in tables}


@dataclass
class Comparison:
    """Everything the terminal summary and the HTML report show for one issuer."""

    issuer: str
    issuer_slug: str
    year_from: int
    year_to: int
    documents: pd.DataFrame  # doc_id, year, genre, title of the issuer's ok documents
    series: pd.DataFrame  # target_series rows in range (annual targets and goals)
    changes: pd.DataFrame  # year_a, year_b, indicator, change, from_text, to_text, unit
    fulfilment: pd.DataFrame  # fulfilment rows in range, fallen short first
    tasks: pd.DataFrame  # year_a, year_b, continued, new, dropped
    task_links: pd.DataFrame  # the issuer's task_links rows between plans in range
    lifecycle: pd.DataFrame  # ref_key, title, issued, issue_doc, implemented (years)
    available: dict[str, bool] = field(default_factory=dict)

    @property
    def years(self) -> list[int]:
        return sorted(int(y) for y in self.documents["year"].unique())


def resolve_issuer(documents: pd.DataFrame, issuer: str) -> tuple[str, str]:
    """(issuer name, issuer_slug) for a slug (gov-report) or a name (国务院)."""
    docs = documents[documents["status"] == "ok"]
    by_slug = docs[docs["issuer_slug"] == issuer]
    if by_slug.empty:
        by_slug = docs[docs["issuer"] == issuer]
    slugs = sorted(by_slug["issuer_slug"].unique())
    if len(slugs) == 1:
        return str(by_slug["issuer"].iloc[0]), slugs[0]
    known = ", ".join(
        f"{s} ({n})" for s, n in docs[["issuer_slug", "issuer"]].drop_duplicates().sort_values("issuer_slug").values
    )
    if not slugs:
        raise CompareError(
            f"no documents of issuer {issuer!r} in the outputs; known issuers: "
            f"{known or 'none (run `plantasks run` first)'}"
        )
    raise CompareError(f"issuer name {issuer!r} has several slugs ({', '.join(slugs)}); pass one of them")


def _unit(unit: object) -> str:
    return unit if isinstance(unit, str) else ""


def _mid(value: float, value_max: float | None) -> float:
    return value if value_max is None or pd.isna(value_max) else (value + value_max) / 2


def target_changes(series: pd.DataFrame, years: list[int]) -> pd.DataFrame:
    """How each measure's annual target moved between consecutive plans of the issuer.

    Plans are consecutive in the issuer's documents, not in the calendar (1988 → 1992
    when the corpus has no report in between). Only a year's own targets are compared
    (a goal over several years, such as 十三五 棚户区住房改造2000万套, is no year's target).
    A target stated in both plans in one unit is ``raised``, ``lowered`` or ``same`` by
    its value (a range by its middle); in two units it is ``changed``; stated only in the
    later plan ``new``, only in the earlier ``dropped``.
    """
    if "period_start" in series:
        series = series[(series["period_start"] == series["year"]) & (series["period_end"] == series["year"])]
    present = series[~series["absent"].fillna(False).astype(bool) & series["value"].notna()]
    present = present.drop_duplicates(["year", "indicator"])
    by_year = {y: g.set_index("indicator") for y, g in present.groupby("year")}
    rows = []
    for a, b in zip(years, years[1:]):
        ga, gb = by_year.get(a), by_year.get(b)
        ia = set() if ga is None else set(ga.index)
        ib = set() if gb is None else set(gb.index)
        for ind in sorted(ia | ib):
            ra = ga.loc[ind] if ind in ia else None
            rb = gb.loc[ind] if ind in ib else None
            if ra is None:
                change = "new"
            elif rb is None:
                change = "dropped"
            elif _unit(ra["unit"]) != _unit(rb["unit"]):
                change = "changed"
            else:
                va, vb = _mid(ra["value"], ra["value_max"]), _mid(rb["value"], rb["value_max"])
                change = "raised" if vb > va else "lowered" if vb < va else "same"
            rows.append(
                {
                    "year_a": a,
                    "year_b": b,
                    "indicator": ind,
                    "change": change,
                    "from_text": None if ra is None else ra["text"],
                    "to_text": None if rb is None else rb["text"],
                }
            )
    return pd.DataFrame(rows, columns=["year_a", "year_b", "indicator", "change", "from_text", "to_text"])


def task_changes(links: pd.DataFrame, documents: pd.DataFrame, years: list[int]) -> pd.DataFrame:
    """Per pair of consecutive plans: tasks continued, new in the later one, dropped from the earlier.

    Continued and dropped are read from the earlier plan's links to its next plan, new
    from the later plan's links to its previous one, so no task is counted twice.
    """
    year_of = dict(zip(documents["doc_id"], documents["year"]))
    links = links.assign(year=links["doc_id_a"].map(year_of))
    rows = []
    for a, b in zip(years, years[1:]):
        forward = links[(links["year"] == a) & (links["direction"] == "next")]
        backward = links[(links["year"] == b) & (links["direction"] == "previous")]
        rows.append(
            {
                "year_a": a,
                "year_b": b,
                "continued": int((forward["status"] == "continued").sum()),
                "new": int((backward["status"] == "new").sum()),
                "dropped": int((forward["status"] == "dropped").sum()),
            }
        )
    return pd.DataFrame(rows, columns=["year_a", "year_b", "continued", "new", "dropped"])


def issued_then_implemented(lifecycle: pd.DataFrame) -> pd.DataFrame:
    """Documents an issuer announced (出台, 制定) one year and implemented (落实) in a later one.

    Only the issuer's own events of their time count: another government's law
    (美国制定了所谓《与台湾关系法》) or an event told in retrospect (1990年…通过《香港特别行政区
    基本法》, in the 1997 report) starts no chain.
    """
    if "actor" in lifecycle:
        lifecycle = lifecycle[(lifecycle["actor"] == "issuer") & ~lifecycle["retrospective"].astype(bool)]
    rows = []
    for key, g in lifecycle.groupby("ref_key", sort=True):
        issued = g[g["action"].isin(ISSUING)].sort_values("year")
        if issued.empty:
            continue
        first = issued.iloc[0]
        later = g[(g["action"] == IMPLEMENTING) & (g["year"] > first["year"])].sort_values("year")
        if later.empty:
            continue
        rows.append(
            {
                "ref_key": key,
                "title": first["title"],
                "issued": int(first["year"]),
                "action": first["action"],
                "implemented": ", ".join(str(int(y)) for y in later["year"]),
            }
        )
    return pd.DataFrame(rows, columns=["ref_key", "title", "issued", "action", "implemented"])


def build_comparison(out: Path, issuer: str, year_from: int | None = None, year_to: int | None = None) -> Comparison:
    """Gather one issuer's comparison from the tables under ``out``."""
    tables = read_outputs(out)
    documents = tables["documents"]
    if documents.empty:
        raise CompareError(f"{out}: no documents table; run `plantasks run --out {out}` first")
    name, slug = resolve_issuer(documents, issuer)
    docs = documents[(documents["issuer_slug"] == slug) & (documents["status"] == "ok")]
    lo = int(docs["year"].min()) if year_from is None else year_from
    hi = int(docs["year"].max()) if year_to is None else year_to
    if lo > hi:
        raise CompareError(f"--from {lo} is after --to {hi}")
    docs = docs[docs["year"].between(lo, hi)].sort_values(["year", "doc_id"])
    docs = docs[["doc_id", "year", "genre", "title"]].reset_index(drop=True)
    years = sorted(int(y) for y in docs["year"].unique())

    def mine(table: str) -> pd.DataFrame:
        t = tables[table]
        return t[(t["issuer_slug"] == slug) & t["year"].between(lo, hi)] if "year" in t else t[t["issuer_slug"] == slug]

    series = mine("target_series").sort_values(["indicator", "year"]).reset_index(drop=True)
    fulfil = mine("fulfilment")
    fulfil = fulfil.assign(_order=fulfil["status"].map(STATUS_ORDER).fillna(len(STATUS_ORDER)))
    fulfil = fulfil.sort_values(["_order", "indicator", "year"], kind="mergesort").drop(columns="_order")
    links = tables["task_links"]
    in_range = set(docs["doc_id"])
    links = links[
        (links["issuer_slug"] == slug)
        & links["doc_id_a"].isin(in_range)
        & (links["doc_id_b"].isin(in_range) | links["doc_id_b"].isna())
    ]
    lifecycle = mine("policy_lifecycle")
    return Comparison(
        issuer=name,
        issuer_slug=slug,
        year_from=lo,
        year_to=hi,
        documents=docs,
        series=series,
        changes=target_changes(series, years),
        fulfilment=fulfil.reset_index(drop=True),
        tasks=task_changes(links, documents, years),
        task_links=links.reset_index(drop=True),
        lifecycle=issued_then_implemented(lifecycle),
        available={t: not tables[t].empty for t in TABLES},
    )


# ---------------------------------------------------------------- terminal


def print_summary(c: Comparison, report: Path | None, file=None) -> None:
    """The readable terminal summary of a comparison."""
    from rich.console import Console
    from rich.table import Table

    console = Console(file=file or sys.stdout, width=120, highlight=False, soft_wrap=True)
    years = c.years
    console.print(
        f"[bold]{c.issuer}[/bold] ({c.issuer_slug}), {c.year_from}–{c.year_to}: "
        f"{len(c.documents)} documents"
        + (
            f" ({', '.join(map(str, years))})"
            if 0 < len(years) <= 12
            else f" ({years[0]}…{years[-1]})"
            if years
            else ""
        )
    )
    if not years:
        console.print("No plan of this issuer in this range.")
    elif len(years) < 2:
        console.print("Only one plan in this range: nothing to compare across years.")

    console.print("\n[bold]Targets met, exceeded and fell short[/bold] (outcome reported by a later document)")
    if not c.available.get("fulfilment"):
        console.print("  not available: the outputs have no fulfilment table")
    elif c.fulfilment.empty:
        console.print("  no targets in this range")
    else:
        counts = c.fulfilment["status"].value_counts()
        console.print("  " + ", ".join(f"{STATUS_LABEL[s]}: {counts.get(s, 0)}" for s in STATUS_ORDER))
        judged = c.fulfilment[c.fulfilment["status"] != "unknown"]
        if not judged.empty:
            t = Table(show_edge=False, pad_edge=False)
            for col in ("status", "period", "measure", "target", "outcome", "gap", "reported in"):
                t.add_column(col)
            styles = {"fell_short": "red", "exceeded": "dark_orange", "met": "green"}
            for r in judged.itertuples(index=False):
                style = styles.get(r.status, "")
                period = format_period(r.year, r.period_start, r.period_end)
                outcome = format_amount(r.outcome_value, r.outcome_unit) + (" (est.)" if r.estimated else "")
                t.add_row(
                    f"[{style}]{STATUS_LABEL[r.status]}[/{style}]",
                    period,
                    r.indicator,
                    format_target(r.target_value, r.target_value_max, r.target_comparator, r.target_unit),
                    outcome,
                    format_gap(r.gap, r.target_unit),
                    r.outcome_doc_id or "",
                )
            console.print(t)

    console.print("\n[bold]Targets from one plan to the next[/bold]")
    if not c.available.get("target_series"):
        console.print("  not available: the outputs have no target_series table")
    elif c.changes.empty:
        console.print("  no targets to compare")
    else:
        for (a, b), g in c.changes.groupby(["year_a", "year_b"], sort=True):
            n = g["change"].value_counts()
            console.print(
                f"  {a} → {b}: raised {n.get('raised', 0)}, lowered {n.get('lowered', 0)}, "
                f"same {n.get('same', 0)}, new {n.get('new', 0)}, dropped {n.get('dropped', 0)}"
                + (f", unit changed {n['changed']}" if n.get("changed") else "")
            )
            for r in g[g["change"].isin(["raised", "lowered"])].itertuples(index=False):
                console.print(f"      {r.change:<8} {r.indicator}: {r.from_text} → {r.to_text}")
            for kind in ("new", "dropped"):
                names = g.loc[g["change"] == kind, "indicator"].tolist()
                if names:
                    more = f" … and {len(names) - NAMES_SHOWN} more" if len(names) > NAMES_SHOWN else ""
                    console.print(f"      {kind:<8} {', '.join(names[:NAMES_SHOWN])}{more}")

    console.print("\n[bold]Tasks from one plan to the next[/bold]")
    if not c.available.get("task_links"):
        console.print("  not available: the outputs have no task_links table")
    else:
        for r in c.tasks.itertuples(index=False):
            console.print(f"  {r.year_a} → {r.year_b}: continued {r.continued}, new {r.new}, dropped {r.dropped}")

    console.print("\n[bold]Documents issued, then implemented[/bold]")
    if not c.available.get("policy_lifecycle"):
        console.print("  not available: the outputs have no policy_lifecycle table")
    elif c.lifecycle.empty:
        console.print("  none in this range")
    else:
        for r in c.lifecycle.itertuples(index=False):
            console.print(f"  《{r.title}》 {r.action} {r.issued} → implemented {r.implemented}")
    if report is not None:
        console.print(f"\nReport: {report}")


def report_path(out: Path, c: Comparison) -> Path:
    return Path(out) / "reports" / f"{c.issuer_slug}-{c.year_from}-{c.year_to}.html"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="plantasks compare",
        description="Compare one issuer's plans across years: targets raised, lowered, new and "
        "dropped; targets met, exceeded or fallen short of; tasks continued, new and dropped; documents "
        "issued then implemented. Writes an HTML report with charts to OUT/reports/.",
    )
    p.add_argument("issuer", help="issuer slug (gov-report) or name (国务院)")
    p.add_argument("--from", dest="year_from", type=int, metavar="YEAR", help="first year (default: earliest)")
    p.add_argument("--to", dest="year_to", type=int, metavar="YEAR", help="last year (default: latest)")
    p.add_argument("--out", type=Path, default=defaults.OUT, help="the run's output folder (default: outputs/)")
    p.add_argument("--no-report", action="store_true", help="print the summary only")
    args = p.parse_args(argv)
    try:
        c = build_comparison(args.out, args.issuer, args.year_from, args.year_to)
    except CompareError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    path = None
    if not args.no_report:
        path = write_report(c, report_path(args.out, c))
    print_summary(c, path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
