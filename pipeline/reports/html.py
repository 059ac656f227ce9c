"""The HTML report of ``plantasks compare``: one self-contained file, charts as inline SVG.

The report must open in a browser without a network (#8), so it carries no script, font
or style sheet from elsewhere: the charts are SVG drawn here, the style is inline. Each
chart is one indicator's target series; a target point is filled green when the next
year's outcome met it and red when it missed, with the outcome drawn beside it (#11).
"""

from __future__ import annotations

import math
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from pipeline.reports.compare import Comparison

MAX_CHARTS = 24
STATUS_COLOUR = {"met": "#2e7d32", "missed": "#c62828", "unknown": "#ffffff"}
STATUS_MARK = {"met": "✓", "missed": "✗", "unknown": "?"}
OUTCOME_COLOUR = "#1f4e99"
W, H = 540, 240
ML, MR, MT, MB = 78, 24, 22, 36


# ---------------------------------------------------------------- formatting


def _missing(x: object) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA


def format_amount(value: float | None, unit: str | None) -> str:
    """A value in base units the way the reports write it: 13610000 人 → 1361万人."""
    if _missing(value):
        return "—"
    from extractors.units import registry

    unit = unit if isinstance(unit, str) else ""
    if unit != "%":
        # the reports scale large amounts by 万 and 亿, never by 千 or 百
        scales = sorted(((float(m.factor), w) for w, m in registry().multipliers.items()
                         if m.factor >= 10_000), reverse=True)
        for f, word in scales:
            if abs(value) >= f:
                value /= f
                # 1.3e12 is written 1.3万亿 (万 × 亿), not 13000亿
                for g, inner in scales:
                    if g < f and abs(value) >= g:
                        return f"{value / g:.6g}{inner}{word}{unit}"
                return f"{value:.6g}{word}{unit}"
    return f"{value:.6g}{unit}"


def format_target(value: float, value_max: float | None, comparator: str | None, unit: str | None) -> str:
    """6.5 ~ % → ≈6.5%; 6 range 6.5 % → 6%–6.5%; 1.1e7 >= 人 → ≥1100万人."""
    if not _missing(value_max):
        return f"{format_amount(value, unit)}–{format_amount(value_max, unit)}"
    signs = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "~": "≈"}
    return f"{signs.get(comparator, '')}{format_amount(value, unit)}"


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


def chart_svg(indicator: str, unit: str | None, direction: str | None,
              targets: list[dict], judged: dict[int, dict]) -> str:
    """One indicator: target points (ranges as bars, 左右 with its slack) and outcomes beside.

    ``targets``: dicts with year, value, value_max, comparator, text; ``judged``: year →
    fulfilment row (status, outcome_value, outcome_doc_id, tolerance, rule).
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
    pad = (y1 - y0) * 0.1 or abs(y1) * 0.1 or 1.0
    y0, y1 = y0 - pad, y1 + pad
    if min(values) >= 0 > y0:
        y0 = 0.0
    pw, ph = W - ML - MR, H - MT - MB

    def x(year: float) -> float:
        return ML + (year - x0) / (x1 - x0) * pw

    def y(v: float) -> float:
        return MT + (y1 - v) / (y1 - y0) * ph

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}" '
             f'role="img" aria-label="{escape(indicator)}: targets and outcomes">']
    for t in _ticks(y0, y1):
        parts.append(f'<line x1="{ML}" x2="{W - MR}" y1="{y(t):.1f}" y2="{y(t):.1f}" class="grid"/>'
                     f'<text x="{ML - 6}" y="{y(t) + 4:.1f}" class="ytick">{escape(format_amount(t, unit))}</text>')
    step = max(1, math.ceil((x1 - x0 + 1) / 12))
    for yr in range(int(x0), int(x1) + 1):
        if (yr - int(x0)) % step == 0:
            parts.append(f'<text x="{x(yr):.1f}" y="{H - MB + 18}" class="xtick">{yr}</text>')
    parts.append(f'<line x1="{ML}" x2="{W - MR}" y1="{H - MB}" y2="{H - MB}" class="axis"/>')

    ordered = sorted(targets, key=lambda t: t["year"])
    line = " ".join(f"{x(t['year']):.1f},{y(_mid(t)):.1f}" for t in ordered)
    if len(ordered) > 1:
        parts.append(f'<polyline points="{line}" class="series"/>')
    for t in ordered:
        cx, cy = x(t["year"]), y(_mid(t))
        f = judged.get(t["year"])
        status = f["status"] if f else None
        fill = STATUS_COLOUR.get(status, "#ffffff")
        stroke = STATUS_COLOUR[status] if status in ("met", "missed") else "#757575"
        target_text = format_target(t["value"], t.get("value_max"), t.get("comparator"), unit)
        tip = f"{t['year']} target {t.get('text') or target_text}"
        if f is not None:
            tip += (f" — outcome {format_amount(f.get('outcome_value'), unit)} ({f.get('outcome_doc_id') or 'none found'}): "
                    f"{status}; {f.get('rule')}")
        parts.append(f'<g class="target {status or "unjudged"}"><title>{escape(tip)}</title>')
        if not _missing(t.get("value_max")):
            top, bottom = y(t["value_max"]), y(t["value"])
            parts.append(f'<rect x="{cx - 4:.1f}" y="{top:.1f}" width="8" height="{max(bottom - top, 1):.1f}" '
                         f'fill="{stroke}" fill-opacity="0.25" stroke="{stroke}"/>')
        elif f is not None and not _missing(f.get("tolerance")) and f["tolerance"]:
            lo_, hi_ = y(t["value"] - f["tolerance"]), y(t["value"] + f["tolerance"])
            parts.append(f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{lo_:.1f}" y2="{hi_:.1f}" class="slack" stroke="{stroke}"/>'
                         f'<line x1="{cx - 4:.1f}" x2="{cx + 4:.1f}" y1="{lo_:.1f}" y2="{lo_:.1f}" stroke="{stroke}"/>'
                         f'<line x1="{cx - 4:.1f}" x2="{cx + 4:.1f}" y1="{hi_:.1f}" y2="{hi_:.1f}" stroke="{stroke}"/>')
        parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>')
        if status in STATUS_MARK:
            parts.append(f'<text x="{cx:.1f}" y="{cy - 9:.1f}" class="mark" fill="{stroke}">{STATUS_MARK[status]}</text>')
        if f is not None and not _missing(f.get("outcome_value")):
            ox, oy = cx + 11, y(f["outcome_value"])
            parts.append(f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{ox:.1f}" y2="{oy:.1f}" class="link"/>'
                         f'<path d="M{ox:.1f},{oy - 5:.1f} l5,5 l-5,5 l-5,-5 z" fill="{OUTCOME_COLOUR}"/>'
                         f'<text x="{ox + 7:.1f}" y="{oy + 4:.1f}" class="olabel">'
                         f'{escape(format_amount(f["outcome_value"], unit))}</text>')
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def _mid(t: dict) -> float:
    return t["value"] if _missing(t.get("value_max")) else (t["value"] + t["value_max"]) / 2


def _judged_target(f: dict) -> dict:
    return {"value": f["target_value"], "value_max": f["target_value_max"],
            "comparator": f["target_comparator"], "text": f["target_text"]}


def _chart_data(c: Comparison) -> list[tuple[str, str | None, str | None, list[dict], dict[int, dict]]]:
    """(indicator, unit, direction, targets, judged) for the indicators worth a chart.

    Indicators whose targets were judged against an outcome come first (most judged
    first), then those with a target in two or more plans; each is drawn in its most
    common unit. Targets come from ``target_series``, or from ``fulfilment`` when the run
    has no series yet.
    """
    series = c.series
    if not series.empty:
        present = series[~series["absent"].fillna(False).astype(bool) & series["value"].notna()]
        targets = present[["indicator", "year", "value", "value_max", "comparator", "unit", "text"]]
    else:
        f = c.fulfilment
        targets = f.rename(columns={"target_value": "value", "target_value_max": "value_max",
                                    "target_comparator": "comparator", "target_unit": "unit",
                                    "target_text": "text"})[["indicator", "year", "value", "value_max",
                                                             "comparator", "unit", "text"]]
    fulfil = c.fulfilment
    n_judged = fulfil[fulfil["status"] != "unknown"].groupby("indicator").size()
    n_years = targets.groupby("indicator")["year"].nunique()
    ranked = sorted(set(n_judged.index) | set(n_years[n_years >= 2].index),
                    key=lambda i: (-n_judged.get(i, 0), -n_years.get(i, 0), i))
    out = []
    for ind in ranked[:MAX_CHARTS]:
        tg = targets[targets["indicator"] == ind]
        if tg.empty:
            continue
        unit = tg["unit"].fillna("").mode().iloc[0]
        tg = tg[tg["unit"].fillna("") == unit]
        fg = fulfil[(fulfil["indicator"] == ind) & (fulfil["target_unit"].fillna("") == unit)]
        judged = {int(r["year"]): r for r in fg.to_dict("records")}
        # The point marked met or missed is the target that was judged, should the series
        # have chosen another mention of the indicator that year.
        tg = [{**t, **_judged_target(judged[t["year"]])} if t["year"] in judged else t
              for t in tg.to_dict("records")]
        tg += [_judged_target(f) | {"year": y} for y, f in judged.items()
               if y not in {t["year"] for t in tg}]
        direction = fg["direction"].dropna().iloc[0] if fg["direction"].notna().any() else None
        out.append((ind, unit, direction, tg, judged))
    return out


# ---------------------------------------------------------------- page

CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:24px auto;max-width:1180px;color:#212121;line-height:1.45}
h1{font-size:1.5em;margin-bottom:0}h2{border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:2em}
.sub{color:#616161;margin-top:4px}
table{border-collapse:collapse;font-size:.9em;margin:8px 0}th,td{border-bottom:1px solid #e0e0e0;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f5f5f5}td.num{text-align:right;white-space:nowrap}
.status{font-weight:bold;white-space:nowrap}.missed{color:#c62828}.met{color:#2e7d32}.unknown{color:#757575}
.charts{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0;border:1px solid #e0e0e0;padding:6px}
figcaption{font-weight:bold;margin-bottom:2px}
svg .grid{stroke:#eeeeee}svg .axis{stroke:#9e9e9e}svg .series{fill:none;stroke:#9e9e9e;stroke-dasharray:4 3}
svg .ytick{font-size:11px;text-anchor:end;fill:#616161}svg .xtick{font-size:11px;text-anchor:middle;fill:#616161}
svg .mark{font-size:11px;text-anchor:middle;font-weight:bold}svg .olabel{font-size:10px;fill:#1f4e99}
svg .link{stroke:#1f4e99;stroke-dasharray:2 2}svg .slack{stroke-width:1.5}
.legend span{margin-right:18px}.na{color:#757575;font-style:italic}
.small{font-size:.85em;color:#616161}
"""

LEGEND = (
    '<p class="legend small"><span><svg width="12" height="12"><circle cx="6" cy="6" r="5" fill="#2e7d32"/></svg> '
    'target met</span><span><svg width="12" height="12"><circle cx="6" cy="6" r="5" fill="#c62828"/></svg> target missed'
    '</span><span><svg width="12" height="12"><circle cx="6" cy="6" r="5" fill="#fff" stroke="#757575"/></svg> no outcome '
    'found</span><span><svg width="12" height="12"><path d="M6,1 l5,5 l-5,5 l-5,-5 z" fill="#1f4e99"/></svg> outcome '
    'reported the next year</span><span>bar: target range; whisker: the slack allowed for 左右</span></p>'
)


def _table(headers: list[str], rows: list[list[str]], raw: set[int] = frozenset()) -> str:
    """An HTML table; cells are escaped except the columns listed in ``raw``."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{cell if i in raw else escape(str(cell))}</td>" for i, cell in enumerate(r)) + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _na(table: str) -> str:
    return f'<p class="na">Not available: the outputs have no {escape(table)} table yet.</p>'


def _task_details(c: Comparison) -> str:
    """Per pair of plans, the tasks behind the counts (folded: a plan has dozens)."""
    links = c.task_links
    year_of = dict(zip(c.documents["doc_id"], c.documents["year"]))
    out = []
    for r in c.tasks.itertuples(index=False):
        forward = links[(links["direction"] == "next") & (links["doc_id_a"].map(year_of) == r.year_a)]
        backward = links[(links["direction"] == "previous") & (links["doc_id_a"].map(year_of) == r.year_b)]
        rows = [[escape(str(t.status)), escape(str(t.title_a)), escape(str(t.title_b or "—")),
                 "" if _missing(t.score) else f"{t.score:.2f}"]
                for t in forward.sort_values("task_id_a").itertuples(index=False)]
        rows += [["new", "—", escape(str(t.title_a)), ""]
                 for t in backward[backward["status"] == "new"].sort_values("task_id_a").itertuples(index=False)]
        if rows:
            out.append(f"<details><summary>{r.year_a} → {r.year_b}: the tasks</summary>"
                       + _table(["status", f"task in {r.year_a}", f"best match in {r.year_b}", "score"],
                                rows, raw={0, 1, 2}) + "</details>")
    return "".join(out)


def render_report(c: Comparison) -> str:
    """The whole report as one HTML string."""
    years = c.years
    out = [
        "<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{escape(c.issuer)} {c.year_from}–{c.year_to}: plans compared</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{escape(c.issuer)} <span class='small'>({escape(c.issuer_slug)})</span></h1>",
        f"<p class='sub'>Plans {c.year_from}–{c.year_to}: {len(c.documents)} documents"
        + (f" ({', '.join(map(str, years))})" if years else "") + "</p>",
    ]

    out.append("<h2>Target series</h2>")
    charts = _chart_data(c)
    if not c.available.get("target_series"):
        out.append(_na("target_series") + "<p class='small'>The charts below show the targets "
                   "of the fulfilment table instead.</p>")
    if charts:
        out.append(LEGEND + "<div class='charts'>")
        for ind, unit, direction, targets, judged_rows in charts:
            cap = escape(ind) + (f" <span class='small'>({escape(unit or 'no unit')}; {escape(direction)})</span>"
                                 if direction else f" <span class='small'>({escape(unit or 'no unit')})</span>")
            out.append(f"<figure><figcaption>{cap}</figcaption>"
                       f"{chart_svg(ind, unit, direction, targets, judged_rows)}</figure>")
        out.append("</div>")
    else:
        out.append("<p class='na'>No indicator has targets to chart in this range.</p>")

    f = c.fulfilment
    out.append("<h2>Targets met and missed</h2>")
    if not c.available.get("fulfilment"):
        out.append(_na("fulfilment"))
    else:
        counts = f["status"].value_counts()
        out.append("<p>" + ", ".join(
            f"<span class='status {s}'>{counts.get(s, 0)} {s}</span>" for s in ("missed", "met", "unknown")
        ) + ". A target of year Y is judged against the outcome a later document of the issuer "
            "reports for Y; five-year reviews (年均, 累计) are never taken as one year's outcome.</p>")
        judged = f[f["status"] != "unknown"]
        rows = [[
            f"<span class='status {r.status}'>{STATUS_MARK[r.status]} {r.status}</span>", r.year, escape(r.indicator),
            escape(f"{r.target_text} ({r.target_doc_id})"),
            escape(f"{r.outcome_text} ({r.outcome_doc_id})"),
            f"<span class='small'>{escape(r.outcome_sentence or '')}</span>",
            f"<span class='small'>{escape(r.rule)}</span>",
        ] for r in judged.itertuples(index=False)]
        if rows:
            out.append(_table(["status", "year", "indicator", "target", "outcome", "outcome sentence", "rule"],
                              rows, raw={0, 2, 3, 4, 5, 6}))

    out.append("<h2>Targets from one plan to the next</h2>")
    if not c.available.get("target_series"):
        out.append(_na("target_series"))
    elif c.changes.empty:
        out.append("<p class='na'>No targets to compare.</p>")
    else:
        rows = []
        for (a, b), g in c.changes.groupby(["year_a", "year_b"], sort=True):
            n = g["change"].value_counts()
            moved = g[g["change"].isin(["raised", "lowered", "changed"])]
            detail = "<br>".join(f"<b>{escape(r.change)}</b> {escape(r.indicator)}: {escape(str(r.from_text))} → "
                                 f"{escape(str(r.to_text))}" for r in moved.itertuples(index=False))
            new = ", ".join(g.loc[g["change"] == "new", "indicator"])
            dropped = ", ".join(g.loc[g["change"] == "dropped", "indicator"])
            rows.append([f"{a} → {b}", n.get("raised", 0), n.get("lowered", 0), n.get("same", 0),
                         n.get("new", 0), n.get("dropped", 0), detail,
                         f"<span class='small'><b>new:</b> {escape(new) or '—'}<br><b>dropped:</b> {escape(dropped) or '—'}</span>"])
        out.append(_table(["plans", "raised", "lowered", "same", "new", "dropped", "raised / lowered", "new and dropped"],
                          rows, raw={6, 7}))

    out.append("<h2>Tasks from one plan to the next</h2>")
    if not c.available.get("task_links"):
        out.append(_na("task_links"))
    else:
        out.append(_table(["plans", "continued", "new", "dropped"],
                          [[f"{r.year_a} → {r.year_b}", r.continued, r.new, r.dropped]
                           for r in c.tasks.itertuples(index=False)]))
        out.append(_task_details(c))

    out.append("<h2>Documents issued, then implemented</h2>")
    if not c.available.get("policy_lifecycle"):
        out.append(_na("policy_lifecycle"))
    elif c.lifecycle.empty:
        out.append("<p class='na'>None in this range.</p>")
    else:
        out.append(_table(["document", "announced", "year", "implemented in"],
                          [[f"《{r.title}》", r.action, r.issued, r.implemented]
                           for r in c.lifecycle.itertuples(index=False)]))

    out.append("<h2>Documents</h2>")
    out.append(_table(["year", "doc_id", "genre", "title"],
                      [[r.year, r.doc_id, r.genre, r.title] for r in c.documents.itertuples(index=False)]))
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
