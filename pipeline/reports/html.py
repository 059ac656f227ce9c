"""The HTML report of ``plantasks compare``: one self-contained file, charts as inline SVG.

The report must open in a browser without a network, so it carries no script, font or
style sheet from elsewhere: the charts are SVG drawn here, the style is inline. Each
chart is one measure's annual targets, a point coloured by the verdict on it (met,
exceeded, fell short) with the reported outcome beside it as a diamond. Every label is
placed inside its chart (an outcome near the right edge is labelled on its left), and
every amount is written the way the plans write it (1310万人, never 13100000).
``tests/pipeline/test_report_browser.py`` renders the report in headless Chromium and
checks both from the rendered page.
"""

from __future__ import annotations

import math
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from pipeline.crossyear.amounts import format_amount, format_gap, format_period, format_target, missing

if TYPE_CHECKING:
    from pipeline.reports.compare import Comparison

__all__ = ["chart_svg", "format_amount", "format_gap", "format_target", "render_report", "write_report"]

MAX_CHARTS = 24
STATUS_COLOUR = {"met": "#2e7d32", "exceeded": "#ef6c00", "fell_short": "#c62828"}
UNJUDGED = "#757575"
STATUS_MARK = {"met": "✓", "exceeded": "▲", "fell_short": "▼"}
STATUS_LABEL = {"met": "met", "exceeded": "exceeded", "fell_short": "fell short", "unknown": "no outcome"}
OUTCOME_COLOUR = "#1f4e99"
W, H = 560, 250
MR, MT, MB = 12, 24, 36
FONT = 11  # px: tick and outcome labels
PAD = 6  # px between a label and the edge of its chart


def _missing(x: object) -> bool:
    return missing(x)


def text_width(text: str, size: float = FONT) -> float:
    """An upper estimate of ``text``'s width in px: a Han character is one em, others 0.62 em."""
    return sum(size if ord(ch) > 0x2E80 else size * 0.62 for ch in text)


# ---------------------------------------------------------------- charts


def _ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    """Round tick values covering [lo, hi] (steps of 1, 2 or 5 × 10^k)."""
    span = hi - lo
    raw = span / max(n, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    first = math.ceil(lo / step) * step
    out, t = [], first
    while t <= hi + step * 1e-9:
        out.append(round(t, 10))
        t += step
    return out


def chart_svg(
    indicator: str, unit: str | None, direction: str | None, targets: list[dict], judged: dict[int, dict]
) -> str:
    """One measure: target points (ranges as bars, 左右 with its slack) and outcomes beside.

    ``targets``: dicts with year, value, value_max, comparator, text; ``judged``: year →
    fulfilment row (status, outcome_value, outcome_doc_id, estimated, tolerance, rule).
    Every text element stays inside the drawing: the left margin fits the longest tick
    label, and an outcome label that would pass the right edge goes on the left.
    """
    years = [t["year"] for t in targets] + list(judged)
    values: list[float] = []
    for t in targets:
        values.append(t["value"])
        if not _missing(t.get("value_max")):
            values.append(t["value_max"])
        f = judged.get(t["year"])
        if f and not _missing(f.get("tolerance")) and f["tolerance"]:
            values += [t["value"] - f["tolerance"], t["value"] + f["tolerance"]]
    values += [f["outcome_value"] for f in judged.values() if not _missing(f.get("outcome_value"))]
    x0, x1 = min(years), max(years)
    if x0 == x1:
        x0, x1 = x0 - 1, x1 + 1
    y0, y1 = min(values), max(values)
    pad = (y1 - y0) * 0.12 or abs(y1) * 0.1 or 1.0
    y0, y1 = y0 - pad, y1 + pad
    if min(values) >= 0 > y0:
        y0 = 0.0
    ticks = _ticks(y0, y1)
    tick_labels = [format_amount(t, unit) for t in ticks]
    ml = PAD + max(text_width(s) for s in tick_labels) + 8
    # room on both sides of the first and last year for the point and its marks
    inner_l, inner_r = ml + 14, W - MR - 14
    pw, ph = inner_r - inner_l, H - MT - MB

    def x(year: float) -> float:
        return inner_l + (year - x0) / (x1 - x0) * pw

    def y(v: float) -> float:
        return MT + (y1 - v) / (y1 - y0) * ph

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}" '
        f'role="img" aria-label="{escape(indicator)}: targets and outcomes">'
    ]
    for t, label in zip(ticks, tick_labels):
        parts.append(
            f'<line x1="{ml:.1f}" x2="{W - MR}" y1="{y(t):.1f}" y2="{y(t):.1f}" class="grid"/>'
            f'<text x="{ml - 6:.1f}" y="{y(t) + 4:.1f}" class="ytick">{escape(label)}</text>'
        )
    span = int(x1) - int(x0) + 1
    step = max(1, math.ceil(span / max(1, int(pw // 44))))
    for yr in range(int(x0), int(x1) + 1):
        if (yr - int(x0)) % step == 0:
            parts.append(f'<text x="{x(yr):.1f}" y="{H - MB + 18}" class="xtick">{yr}</text>')
    parts.append(f'<line x1="{ml:.1f}" x2="{W - MR}" y1="{H - MB}" y2="{H - MB}" class="axis"/>')

    ordered = sorted(targets, key=lambda t: t["year"])
    line = " ".join(f"{x(t['year']):.1f},{y(_mid(t)):.1f}" for t in ordered)
    if len(ordered) > 1:
        parts.append(f'<polyline points="{line}" class="series"/>')
    for t in ordered:
        cx, cy = x(t["year"]), y(_mid(t))
        f = judged.get(t["year"])
        status = f["status"] if f else None
        colour = STATUS_COLOUR.get(status)
        stroke = colour or UNJUDGED
        target_text = format_target(t["value"], t.get("value_max"), t.get("comparator"), unit)
        tip = f"{t['year']} target {t.get('text') or target_text}"
        if f is not None:
            outcome = format_amount(f.get("outcome_value"), unit)
            est = " (estimate)" if f.get("estimated") else ""
            tip += (
                f" — outcome {outcome}{est} ({f.get('outcome_doc_id') or 'none found'}): "
                f"{STATUS_LABEL.get(status, status)}; {f.get('rule')}"
            )
        parts.append(f'<g class="target {status or "unjudged"}"><title>{escape(tip)}</title>')
        if not _missing(t.get("value_max")):
            top, bottom = y(t["value_max"]), y(t["value"])
            parts.append(
                f'<rect x="{cx - 4:.1f}" y="{top:.1f}" width="8" height="{max(bottom - top, 1):.1f}" '
                f'fill="{stroke}" fill-opacity="0.25" stroke="{stroke}"/>'
            )
        elif f is not None and not _missing(f.get("tolerance")) and f["tolerance"]:
            lo_, hi_ = y(t["value"] - f["tolerance"]), y(t["value"] + f["tolerance"])
            parts.append(
                f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{lo_:.1f}" y2="{hi_:.1f}" class="slack" stroke="{stroke}"/>'
                f'<line x1="{cx - 4:.1f}" x2="{cx + 4:.1f}" y1="{lo_:.1f}" y2="{lo_:.1f}" stroke="{stroke}"/>'
                f'<line x1="{cx - 4:.1f}" x2="{cx + 4:.1f}" y1="{hi_:.1f}" y2="{hi_:.1f}" stroke="{stroke}"/>'
            )
        parts.append(
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="{colour or "#ffffff"}" '
            f'stroke="{stroke}" stroke-width="1.5"/>'
        )
        if status in STATUS_MARK:
            my = cy - 9 if cy - 9 - FONT > 0 else cy + 9 + FONT
            parts.append(f'<text x="{cx:.1f}" y="{my:.1f}" class="mark" fill="{stroke}">{STATUS_MARK[status]}</text>')
        if f is not None and not _missing(f.get("outcome_value")):
            ox, oy = cx + 11, y(f["outcome_value"])
            label = format_amount(f["outcome_value"], unit) + ("*" if f.get("estimated") else "")
            lx, anchor = ox + 7, "start"
            if lx + text_width(label) > W - PAD:  # near the right edge: label on the left
                lx, anchor = cx - 9, "end"
            ly = min(max(oy + 4, MT + FONT), H - MB - 2)
            parts.append(
                f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{ox:.1f}" y2="{oy:.1f}" class="link"/>'
                f'<path d="M{ox:.1f},{oy - 5:.1f} l5,5 l-5,5 l-5,-5 z" fill="{OUTCOME_COLOUR}"/>'
                f'<text x="{lx:.1f}" y="{ly:.1f}" class="olabel" text-anchor="{anchor}">'
                f"{escape(label)}</text>"
            )
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def _mid(t: dict) -> float:
    return t["value"] if _missing(t.get("value_max")) else (t["value"] + t["value_max"]) / 2


def _judged_target(f: dict) -> dict:
    return {
        "value": f["target_value"],
        "value_max": f["target_value_max"],
        "comparator": f["target_comparator"],
        "text": f["target_text"],
    }


def _annual(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[(frame["period_start"] == frame["year"]) & (frame["period_end"] == frame["year"])]


def _chart_data(c: Comparison) -> list[tuple[str, str | None, str | None, list[dict], dict[int, dict]]]:
    """(measure, unit, direction, targets, judged) for the measures worth a chart.

    Measures whose targets were judged against an outcome come first (most judged
    first), then those with an annual target in two or more plans. Targets come from
    ``target_series``, or from ``fulfilment`` when the run has no series yet.
    """
    series = c.series
    if not series.empty:
        present = _annual(series)
        present = present[~present["absent"].fillna(False).astype(bool) & present["value"].notna()]
        targets = present[["indicator", "year", "value", "value_max", "comparator", "unit", "text"]]
    else:
        f = _annual(c.fulfilment)
        targets = f.rename(
            columns={
                "target_value": "value",
                "target_value_max": "value_max",
                "target_comparator": "comparator",
                "target_unit": "unit",
                "target_text": "text",
            }
        )[["indicator", "year", "value", "value_max", "comparator", "unit", "text"]]
    fulfil = _annual(c.fulfilment)
    n_judged = fulfil[fulfil["status"] != "unknown"].groupby("indicator").size()
    n_years = targets.groupby("indicator")["year"].nunique()
    ranked = sorted(
        set(n_judged.index) | set(n_years[n_years >= 2].index),
        key=lambda i: (-n_judged.get(i, 0), -n_years.get(i, 0), i),
    )
    out = []
    for ind in ranked[:MAX_CHARTS]:
        tg = targets[targets["indicator"] == ind]
        if tg.empty:
            continue
        unit = tg["unit"].fillna("").mode().iloc[0]
        fg = fulfil[fulfil["indicator"] == ind]
        judged = {int(r["year"]): r for r in fg.to_dict("records")}
        # The point marked is the target that was judged.
        tg = [{**t, **_judged_target(judged[t["year"]])} if t["year"] in judged else t for t in tg.to_dict("records")]
        tg += [_judged_target(f) | {"year": y} for y, f in judged.items() if y not in {t["year"] for t in tg}]
        direction = fg["direction"].dropna().iloc[0] if fg["direction"].notna().any() else None
        out.append((ind, unit, direction, tg, judged))
    return out


def _goals(c: Comparison, indicator: str) -> str:
    """The goals over several years the plans set for a measure, as one line under its chart."""
    s = c.series
    if s.empty:
        return ""
    g = s[(s["indicator"] == indicator) & (s["period_end"] > s["period_start"]) & ~s["absent"]]
    if g.empty:
        return ""
    items = [
        f"{int(r.period_start)}–{int(r.period_end)}: {format_target(r.value, r.value_max, r.comparator, r.unit)}"
        f" (set in {int(r.year)})"
        for r in g.itertuples(index=False)
    ]
    return f"<p class='small goals'>Goals over several years: {escape('; '.join(items))}</p>"


# ---------------------------------------------------------------- page

CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:24px auto;max-width:1200px;padding:0 16px;color:#212121;line-height:1.45}
h1{font-size:1.5em;margin-bottom:0}h2{border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:2em}
.sub{color:#616161;margin-top:4px}
table{border-collapse:collapse;font-size:.9em;margin:8px 0}th,td{border-bottom:1px solid #e0e0e0;padding:4px 8px;text-align:left;vertical-align:top;word-break:keep-all}
th{background:#f5f5f5;white-space:nowrap}td.num{text-align:right;white-space:nowrap}td.nowrap{white-space:nowrap}
td.prose{word-break:normal;min-width:12em}
.status{font-weight:bold;white-space:nowrap}.fell_short{color:#c62828}.exceeded{color:#ef6c00}.met{color:#2e7d32}.unknown{color:#757575}
.charts{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0;border:1px solid #e0e0e0;padding:6px;width:560px}
figcaption{font-weight:bold;margin-bottom:2px}
svg{display:block}svg .grid{stroke:#eeeeee}svg .axis{stroke:#9e9e9e}svg .series{fill:none;stroke:#9e9e9e;stroke-dasharray:4 3}
svg text{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif}
svg .ytick{font-size:11px;text-anchor:end;fill:#616161}svg .xtick{font-size:11px;text-anchor:middle;fill:#616161}
svg .mark{font-size:11px;text-anchor:middle;font-weight:bold}svg .olabel{font-size:11px;fill:#1f4e99}
svg .link{stroke:#1f4e99;stroke-dasharray:2 2}svg .slack{stroke-width:1.5}
.legend span{margin-right:18px;white-space:nowrap}.na{color:#757575;font-style:italic}
.small{font-size:.85em;color:#616161}.goals{margin:2px 0 0}
"""

LEGEND = (
    '<p class="legend small">'
    + "".join(
        f'<span><svg width="12" height="12" style="display:inline"><circle cx="6" cy="6" r="5" fill="{c}"/></svg> '
        f"target {STATUS_LABEL[s]}</span>"
        for s, c in STATUS_COLOUR.items()
    )
    + '<span><svg width="12" height="12" style="display:inline"><circle cx="6" cy="6" r="5" fill="#fff" stroke="#757575"/>'
    '</svg> no outcome found</span><span><svg width="12" height="12" style="display:inline"><path d="M6,1 l5,5 l-5,5 '
    'l-5,-5 z" fill="#1f4e99"/></svg> outcome reported later (* an estimate)</span><span>bar: target range; whisker: '
    "the slack allowed for 左右</span></p>"
)


def _table(
    headers: list[str], rows: list[list[str]], raw: set[int] = frozenset(), classes: dict[int, str] | None = None
) -> str:
    """An HTML table; cells are escaped except the columns in ``raw``; ``classes`` per column."""
    classes = classes or {}
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)

    def cell(i: int, value: object) -> str:
        cls = f' class="{classes[i]}"' if i in classes else ""
        return f"<td{cls}>{value if i in raw else escape(str(value))}</td>"

    body = "".join("<tr>" + "".join(cell(i, v) for i, v in enumerate(r)) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _na(table: str) -> str:
    return f'<p class="na">Not available: the outputs have no {escape(table)} table yet.</p>'


def _status(status: str) -> str:
    return f"<span class='status {status}'>{STATUS_MARK.get(status, '·')} {STATUS_LABEL.get(status, status)}</span>"


def _task_details(c: Comparison) -> str:
    """Per pair of plans, the tasks behind the counts (folded: a plan has dozens)."""
    links = c.task_links
    year_of = dict(zip(c.documents["doc_id"], c.documents["year"]))
    out = []
    for r in c.tasks.itertuples(index=False):
        forward = links[(links["direction"] == "next") & (links["doc_id_a"].map(year_of) == r.year_a)]
        backward = links[(links["direction"] == "previous") & (links["doc_id_a"].map(year_of) == r.year_b)]
        rows = [
            [
                escape(str(t.status)),
                escape(str(t.title_a)),
                escape(str(t.title_b or "—")),
                "" if _missing(t.score) else f"{t.score:.2f}",
            ]
            for t in forward.sort_values("task_id_a").itertuples(index=False)
        ]
        rows += [
            ["new", "—", escape(str(t.title_a)), ""]
            for t in backward[backward["status"] == "new"].sort_values("task_id_a").itertuples(index=False)
        ]
        if rows:
            out.append(
                f"<details><summary>{r.year_a} → {r.year_b}: the tasks</summary>"
                + _table(
                    ["status", f"task in {r.year_a}", f"best match in {r.year_b}", "score"],
                    rows,
                    raw={0, 1, 2},
                    classes={1: "prose", 2: "prose", 3: "num"},
                )
                + "</details>"
            )
    return "".join(out)


def _fulfilment_rows(f: pd.DataFrame) -> list[list[str]]:
    rows = []
    for r in f.itertuples(index=False):
        period = format_period(r.year, r.period_start, r.period_end)
        target = format_target(r.target_value, r.target_value_max, r.target_comparator, r.target_unit)
        outcome = format_amount(r.outcome_value, r.outcome_unit)
        if r.estimated:
            outcome += " (estimate)"
        sentence = escape(r.outcome_sentence or "", quote=True)
        rows.append(
            [
                _status(r.status),
                escape(period),
                escape(r.indicator),
                f"<span title='{escape(r.target_text or '', quote=True)}'>{escape(target)}</span>",
                f"<span title='{sentence}'>{escape(outcome)}</span>",
                escape(format_gap(r.gap, r.target_unit)),
                escape(r.outcome_doc_id or "—"),
                f"<span class='small'>{escape(r.rule)}</span>",
            ]
        )
    return rows


def render_report(c: Comparison) -> str:
    """The whole report as one HTML string."""
    years = c.years
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{escape(c.issuer)} {c.year_from}–{c.year_to}: plans compared</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{escape(c.issuer)} <span class='small'>({escape(c.issuer_slug)})</span></h1>",
        f"<p class='sub'>Plans {c.year_from}–{c.year_to}: {len(c.documents)} documents"
        + (f" ({', '.join(map(str, years))})" if years else "")
        + "</p>",
    ]

    out.append("<h2>Target series</h2>")
    charts = _chart_data(c)
    if not c.available.get("target_series"):
        out.append(
            _na("target_series") + "<p class='small'>The charts below show the targets "
            "of the fulfilment table instead.</p>"
        )
    if charts:
        out.append(LEGEND + "<div class='charts'>")
        for ind, unit, direction, targets, judged_rows in charts:
            detail = f"{unit or 'no unit'}; {direction}" if direction else (unit or "no unit")
            cap = escape(ind) + f" <span class='small'>({escape(detail)})</span>"
            out.append(
                f"<figure><figcaption>{cap}</figcaption>"
                f"{chart_svg(ind, unit, direction, targets, judged_rows)}{_goals(c, ind)}</figure>"
            )
        out.append("</div>")
    else:
        out.append("<p class='na'>No measure has targets to chart in this range.</p>")

    f = c.fulfilment
    out.append("<h2>Targets met, exceeded and fell short</h2>")
    if not c.available.get("fulfilment"):
        out.append(_na("fulfilment"))
    else:
        counts = f["status"].value_counts()
        out.append(
            "<p>"
            + ", ".join(
                f"<span class='status {s}'>{counts.get(s, 0)} {STATUS_LABEL[s]}</span>"
                for s in ("fell_short", "exceeded", "met", "unknown")
            )
            + ". A target for a period is judged against the outcome a later document of the issuer "
            "reports for that period, in the target's unit; a floor over-achieved is met, a point target "
            "far exceeded is <i>exceeded</i>. Gap: outcome minus target. Hover over an outcome for the "
            "sentence that states it.</p>"
        )
        judged = f[f["status"] != "unknown"]
        if not judged.empty:
            out.append(
                _table(
                    ["status", "period", "measure", "target", "outcome", "gap", "reported in", "rule"],
                    _fulfilment_rows(judged),
                    raw=set(range(8)),
                    classes={0: "nowrap", 1: "nowrap", 3: "num", 4: "num", 5: "num", 6: "nowrap", 7: "prose"},
                )
            )
        unknown = f[f["status"] == "unknown"]
        if not unknown.empty:
            names = sorted(f"{r.indicator} {r.year}" for r in unknown.itertuples(index=False))
            out.append(
                f"<details><summary>No outcome stated later for {len(names)} targets</summary>"
                f"<p class='small'>{escape('; '.join(names))}.</p></details>"
            )

    out.append("<h2>Targets from one plan to the next</h2>")
    if not c.available.get("target_series"):
        out.append(_na("target_series"))
    elif c.changes.empty:
        out.append("<p class='na'>No targets to compare.</p>")
    else:
        summary = []
        for (a, b), g in c.changes.groupby(["year_a", "year_b"], sort=True):
            n = g["change"].value_counts()
            summary.append(
                [
                    f"{a} → {b}",
                    n.get("raised", 0),
                    n.get("lowered", 0),
                    n.get("same", 0),
                    n.get("new", 0),
                    n.get("dropped", 0),
                ]
            )
        out.append(
            _table(
                ["plans", "raised", "lowered", "same", "new", "dropped"],
                summary,
                classes={0: "nowrap", 1: "num", 2: "num", 3: "num", 4: "num", 5: "num"},
            )
        )
        moved = c.changes[c.changes["change"] != "same"]
        if not moved.empty:
            order = {"raised": 0, "lowered": 1, "changed": 2, "new": 3, "dropped": 4}
            moved = moved.assign(_o=moved["change"].map(order)).sort_values(["year_a", "_o", "indicator"])
            out.append(
                "<details open><summary>Each measure that moved</summary>"
                + _table(
                    ["plans", "change", "measure", "from", "to"],
                    [
                        [
                            f"{r.year_a} → {r.year_b}",
                            r.change,
                            r.indicator,
                            "—" if _missing(r.from_text) else r.from_text,
                            "—" if _missing(r.to_text) else r.to_text,
                        ]
                        for r in moved.itertuples(index=False)
                    ],
                    classes={0: "nowrap", 1: "nowrap", 3: "num", 4: "num"},
                )
                + "</details>"
            )

    out.append("<h2>Tasks from one plan to the next</h2>")
    if not c.available.get("task_links"):
        out.append(_na("task_links"))
    else:
        out.append(
            _table(
                ["plans", "continued", "new", "dropped"],
                [[f"{r.year_a} → {r.year_b}", r.continued, r.new, r.dropped] for r in c.tasks.itertuples(index=False)],
                classes={0: "nowrap", 1: "num", 2: "num", 3: "num"},
            )
        )
        out.append(_task_details(c))

    out.append("<h2>Documents issued, then implemented</h2>")
    if not c.available.get("policy_lifecycle"):
        out.append(_na("policy_lifecycle"))
    elif c.lifecycle.empty:
        out.append("<p class='na'>None in this range.</p>")
    else:
        out.append(
            _table(
                ["document", "announced", "year", "implemented in"],
                [[f"《{r.title}》", r.action, r.issued, r.implemented] for r in c.lifecycle.itertuples(index=False)],
                classes={0: "prose", 2: "num"},
            )
        )

    out.append("<h2>Documents</h2>")
    out.append(
        _table(
            ["year", "doc_id", "genre", "title"],
            [[r.year, r.doc_id, r.genre, r.title] for r in c.documents.itertuples(index=False)],
            classes={0: "num", 1: "nowrap", 3: "prose"},
        )
    )
    out.append("</body></html>")
    return "\n".join(out)


def write_report(c: Comparison, path: Path) -> Path:
    """Write the report to ``path`` whole (a temporary file renamed into place)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(render_report(c), encoding="utf-8")
    tmp.replace(path)
    return path
