"""Tests for pipeline/reports/compare.py and pipeline/reports/html.py: the terminal summary and the HTML report."""

from __future__ import annotations

import re
import shutil

import pandas as pd
import pytest

from pipeline.reports.compare import (
    CompareError,
    build_comparison,
    issued_then_implemented,
    main,
    resolve_issuer,
    target_changes,
    task_changes,
)
from pipeline.reports.html import W, chart_svg, format_amount, format_gap, format_target, render_report, text_width

# ---------------------------------------------------------------- formatting


@pytest.mark.parametrize(
    "value, unit, expected",
    [
        (1.361e7, "人", "1361万人"),  # 城镇新增就业1361万人 (gov-report 2019)
        (6.6, "%", "6.6%"),
        (2.76e12, "元", "2.76万亿元"),  # 赤字2.76万亿元 (gov-report 2019)
        (8.3e11, "元", "8300亿元"),
        (15, "所", "15所"),  # 新开办公办幼儿园15所 (dalian-edu 2018)
        (None, "%", "—"),
        (float("nan"), None, "—"),
    ],
)
def test_compare_format_amount(value, unit, expected):
    assert format_amount(value, unit) == expected


@pytest.mark.parametrize(
    "value, value_max, comparator, unit, expected",
    [
        (6.0, 6.5, "range", "%", "6%–6.5%"),
        (6.5, None, "~", "%", "≈6.5%"),
        (1.1e7, None, ">=", "人", "≥1100万人"),
        (4.5, None, "<=", "%", "≤4.5%"),
        (7.5, float("nan"), "=", "%", "7.5%"),
    ],
)
def test_compare_format_target(value, value_max, comparator, unit, expected):
    assert format_target(value, value_max, comparator, unit) == expected


@pytest.mark.parametrize(
    "gap, unit, expected",
    [
        (0.2, "%", "+0.2个百分点"),  # 7.5%左右 → 7.7% (gov-report 2013 → 2014)
        (-0.9, "%", "−0.9个百分点"),
        (4.1e6, "人", "+410万人"),  # 900万人以上 → 1310万人
        (0.0, "套", "±0套"),
        (None, "%", "—"),
    ],
)
def test_compare_format_gap(gap, unit, expected):
    assert format_gap(gap, unit) == expected


# ---------------------------------------------------------------- comparisons on small tables


def _series(rows):
    cols = ["indicator", "year", "value", "value_max", "comparator", "unit", "text", "absent"]
    return pd.DataFrame(rows, columns=cols)


def test_compare_target_changes():
    series = _series(
        [
            ("国内生产总值增长", 2018, 6.5, None, "~", "%", "6.5%左右", False),
            ("国内生产总值增长", 2019, 6.0, 6.5, "range", "%", "6%－6.5%", False),  # middle 6.25 < 6.5
            ("城镇新增就业", 2016, 1e7, None, ">=", "人", "1000万人以上", False),
            ("城镇新增就业", 2018, 1.1e7, None, ">=", "人", "1100万人以上", False),
            ("城镇新增就业", 2019, 1.1e7, None, ">=", "人", "1100万人以上", False),
            ("城镇调查失业率", 2019, 5.5, None, "~", "%", "5.5%左右", False),
            ("居民消费价格涨幅", 2018, 3.0, None, "~", "%", "3%左右", False),
            ("居民消费价格涨幅", 2019, None, None, None, None, None, True),
            ("财政赤字", 2018, 2.38e12, None, "=", "元", "2.38万亿元", False),
            ("财政赤字", 2019, 2.8, None, "=", "%", "2.8%", False),
        ]
    )
    out = target_changes(series, [2016, 2018, 2019])
    got = {(r.year_a, r.year_b, r.indicator): r.change for r in out.itertuples()}
    # a goal over several years is no year's target: it moves nothing (棚户区住房改造 2016)
    goals = series.assign(period_start=series["year"], period_end=series["year"])
    goals = pd.concat(
        [
            goals,
            pd.DataFrame(
                [
                    {
                        "indicator": "城镇新增就业",
                        "year": 2018,
                        "period_start": 2016,
                        "period_end": 2020,
                        "value": 5e7,
                        "unit": "人",
                        "text": "5000万人以上",
                        "absent": False,
                    }
                ]
            ),
        ],
        ignore_index=True,
    )
    assert target_changes(goals, [2016, 2018, 2019]).equals(out)
    assert got == {
        (2016, 2018, "城镇新增就业"): "raised",  # 2017 is not in the corpus range: 2016 → 2018
        (2016, 2018, "国内生产总值增长"): "new",
        (2016, 2018, "居民消费价格涨幅"): "new",
        (2016, 2018, "财政赤字"): "new",
        (2018, 2019, "国内生产总值增长"): "lowered",
        (2018, 2019, "城镇新增就业"): "same",
        (2018, 2019, "城镇调查失业率"): "new",
        (2018, 2019, "居民消费价格涨幅"): "dropped",  # absent = true
        (2018, 2019, "财政赤字"): "changed",  # 元 → %: not comparable
    }


def test_compare_task_changes_counts_each_task_once():
    docs = pd.DataFrame({"doc_id": ["d-2018", "d-2019"], "year": [2018, 2019]})
    links = pd.DataFrame(
        {
            "doc_id_a": ["d-2018", "d-2018", "d-2018", "d-2019", "d-2019", "d-2019"],
            "direction": ["next", "next", "next", "previous", "previous", "previous"],
            "status": ["continued", "continued", "dropped", "continued", "continued", "new"],
        }
    )
    out = task_changes(links, docs, [2018, 2019])
    assert out.to_dict("records") == [{"year_a": 2018, "year_b": 2019, "continued": 2, "new": 1, "dropped": 1}]


def test_compare_issued_then_implemented():
    lifecycle = pd.DataFrame(
        {
            "ref_key": ["学前教育行动计划", "学前教育行动计划", "学前教育行动计划", "只提一次"],
            "title": ["第三期学前教育行动计划"] * 3 + ["只提一次"],
            "year": [2018, 2019, 2020, 2018],
            "action": ["issue", "implement", "implement", "issue"],
        }
    )
    out = issued_then_implemented(lifecycle)
    assert out.to_dict("records") == [
        {
            "ref_key": "学前教育行动计划",
            "title": "第三期学前教育行动计划",
            "issued": 2018,
            "action": "issue",
            "implemented": "2019, 2020",
        }
    ]


def test_compare_resolve_issuer():
    docs = pd.DataFrame(
        {"issuer": ["国务院", "大连市教育局"], "issuer_slug": ["gov-report", "dalian-edu"], "status": ["ok", "ok"]}
    )
    assert resolve_issuer(docs, "gov-report") == ("国务院", "gov-report")
    assert resolve_issuer(docs, "大连市教育局") == ("大连市教育局", "dalian-edu")
    with pytest.raises(CompareError, match="known issuers: dalian-edu"):
        resolve_issuer(docs, "beijing-edu")


def test_compare_error_pickles():
    import pickle

    err = CompareError("no documents of issuer 'nobody' in the outputs")
    assert str(pickle.loads(pickle.dumps(err))) == str(err)


def test_report_chart_marks_points_and_outcomes():
    targets = [
        {"year": 2016, "value": 6.5, "value_max": 7.0, "comparator": "range", "text": "6.5%－7%"},
        {"year": 2017, "value": 6.5, "value_max": None, "comparator": "~", "text": "6.5%左右"},
        {"year": 2019, "value": 6.0, "value_max": 6.5, "comparator": "range", "text": "6%－6.5%"},
    ]
    judged = {
        2016: {
            "status": "met",
            "outcome_value": 6.7,
            "outcome_doc_id": "gov-report-2017",
            "tolerance": 0.0,
            "rule": "point range → within: 6.5 ≤ 6.7 ≤ 7",
        },
        2017: {
            "status": "exceeded",
            "outcome_value": 7.2,
            "outcome_doc_id": "gov-report-2018",
            "tolerance": 0.5,
            "rule": "point ~ → within: 6.5% − 0.5% ≤ 7.2% ≤ 6.5% + 0.5% fails: above",
            "estimated": True,
        },
        2019: {
            "status": "unknown",
            "outcome_value": None,
            "outcome_doc_id": None,
            "tolerance": 0.0,
            "rule": "no outcome found",
        },
    }
    svg = chart_svg("国内生产总值增长", "%", "point", targets, judged)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert svg.count("<circle") == 3
    assert svg.count('class="target met"') == 1 and svg.count('class="target exceeded"') == 1
    assert svg.count("<rect") == 2  # the two ranges
    assert svg.count('class="olabel"') == 2  # two outcomes drawn beside their targets
    assert "outcome 7.2% (estimate) (gov-report-2018): exceeded" in svg
    assert ">7.2%*</text>" in svg  # an estimate is starred


@pytest.mark.issue(18)
def test_report_chart_labels_stay_inside():
    # gov-report 2016: 广义货币M2增长13%左右 → 11.3%, the last year of the chart: the label
    # was cut to "1" at the right edge; it now goes on the left of the point
    targets = [
        {"year": 2015, "value": 12.0, "value_max": None, "comparator": "~", "text": "12%左右"},
        {"year": 2016, "value": 13.0, "value_max": None, "comparator": "~", "text": "13%左右"},
    ]
    judged = {
        2016: {
            "status": "fell_short",
            "outcome_value": 11.3,
            "outcome_doc_id": "gov-report-2017",
            "tolerance": 0.5,
            "rule": "…",
        }
    }
    svg = chart_svg("广义货币M2增长", "%", "point", targets, judged)
    label = re.search(r'<text x="([\d.]+)" y="[\d.]+" class="olabel" text-anchor="(\w+)">11.3%</text>', svg)
    x, anchor = float(label.group(1)), label.group(2)
    right = x if anchor == "end" else x + text_width("11.3%")
    assert right <= W
    # the y-axis labels of large amounts fit the left margin (1.55万亿元)
    big = [
        {"year": 2017, "value": 1.55e12, "value_max": None, "comparator": "=", "text": "1.55万亿元"},
        {"year": 2018, "value": 1.83e12, "value_max": None, "comparator": "=", "text": "1.83万亿元"},
    ]
    svg = chart_svg("中央财政赤字", "元", "ceiling", big, {})
    for x, text in re.findall(r'<text x="([\d.]+)" y="[\d.]+" class="ytick">([^<]+)</text>', svg):
        assert float(x) - text_width(text) >= 0, text


# ---------------------------------------------------------------- the command on a real run


def test_compare_main_on_corpus(corpus_outputs, capsys):
    assert main(["gov-report", "--from", "2013", "--to", "2019", "--out", str(corpus_outputs)]) == 0
    out = capsys.readouterr().out
    assert "国务院 (gov-report), 2013–2019: 7 documents" in out
    assert "国内生产总值增长" in out and "2016 → 2017" in out
    # targets fallen short of and exceeded are listed before met ones
    lines = out.splitlines()
    statuses = [m.group(1) for ln in lines if (m := re.match(r"^(fell short|exceeded|met)\s+│", ln))]
    assert {"met", "exceeded", "fell short"} <= set(statuses)
    order = {"fell short": 0, "exceeded": 1, "met": 2}
    assert statuses == sorted(statuses, key=order.get)
    assert "1310万人" in out and "13100000" not in out
    report = corpus_outputs / "reports" / "gov-report-2013-2019.html"
    assert f"Report: {report}" in out.replace("\n", "")
    assert report.is_file()


def test_compare_by_issuer_name_and_default_years(corpus_outputs, capsys):
    assert main(["大连市教育局", "--out", str(corpus_outputs), "--no-report"]) == 0
    out = capsys.readouterr().out
    assert "大连市教育局 (dalian-edu), 2018–2018: 1 documents" in out
    assert "Only one plan" in out


@pytest.mark.parametrize(
    "argv, message",
    [(["nobody"], "no documents of issuer 'nobody'"), (["gov-report", "--from", "2019", "--to", "2013"], "is after")],
)
def test_compare_main_errors(corpus_outputs, capsys, argv, message):
    assert main(argv + ["--out", str(corpus_outputs)]) == 2
    assert message in capsys.readouterr().err


def test_compare_main_without_outputs(tmp_path, capsys):
    assert main(["gov-report", "--out", str(tmp_path)]) == 2
    assert "run `plantasks run" in capsys.readouterr().err


def test_compare_degrades_without_cross_year_tables(corpus_outputs, tmp_path, capsys):
    shutil.copytree(corpus_outputs / "documents", tmp_path / "documents")
    assert main(["gov-report", "--from", "2017", "--to", "2019", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    for table in ("fulfilment", "target_series", "task_links", "policy_lifecycle"):
        assert f"not available: the outputs have no {table} table" in out
    html = (tmp_path / "reports" / "gov-report-2017-2019.html").read_text(encoding="utf-8")
    assert "Not available: the outputs have no target_series table yet." in html


@pytest.fixture(scope="module")
def report_html(corpus_outputs) -> str:
    return render_report(build_comparison(corpus_outputs, "gov-report", 2012, 2019))


def test_report_is_self_contained(report_html):
    # nothing fetched from elsewhere: no scripts, style sheets, images or fonts by URL
    assert "<script" not in report_html and "<link" not in report_html and "<img" not in report_html
    assert "@import" not in report_html and "url(" not in report_html
    urls = set(re.findall(r"https?://[^\s\"'<>]+", report_html))
    assert urls <= {"http://www.w3.org/2000/svg"}


def test_report_marks_gdp_targets_met_with_outcomes(report_html):
    charts = re.findall(r"<figure>(.*?)</figure>", report_html, flags=re.S)
    gdp = next(c for c in charts if c.startswith("<figcaption>国内生产总值增长 "))
    for year, outcome in [
        (2013, "7.7%"),
        (2014, "7.4%"),
        (2015, "6.9%"),
        (2016, "6.7%"),
        (2017, "6.9%"),
        (2018, "6.6%"),
    ]:
        tip = re.search(rf"<title>{year} target [^<]*</title>", gdp).group(0)
        assert f"outcome {outcome} (gov-report-{year + 1}): met" in tip
    assert gdp.count('class="target met"') >= 6
    # jobs and prices are charted too
    captions = [re.match(r"<figcaption>(\S+)", c).group(1) for c in charts]
    assert {"城镇新增就业", "居民消费价格涨幅"} <= set(captions)


def test_report_lists_shortfalls_first_in_display_units(report_html):
    section = report_html.split("<h2>Targets met, exceeded and fell short</h2>")[1].split("<h2>")[0]
    table = section.split("<table>")[1]
    statuses = re.findall(r"<span class='status (fell_short|exceeded|met)'>", table)
    assert {"met", "exceeded", "fell_short"} <= set(statuses)
    order = {"fell_short": 0, "exceeded": 1, "met": 2}
    assert statuses == sorted(statuses, key=order.get)
    # rules and amounts as the plans write them: 1310万人 ≥ 900万人, never 13100000 ≥ 9000000
    assert "1310万人 ≥ 900万人" in table and "13100000" not in table
    assert "+410万人" in table


def test_report_tasks_section(corpus_outputs):
    c = build_comparison(corpus_outputs, "gov-report", 2016, 2019)
    section = render_report(c).split("<h2>Tasks from one plan to the next</h2>")[1].split("<h2>")[0]
    if c.available["task_links"]:
        assert list(c.tasks["year_a"]) == [2016, 2017, 2018]
        assert c.tasks[["continued", "new", "dropped"]].to_numpy().sum() > 0
        assert "<details><summary>2016 → 2017: the tasks</summary>" in section
    else:  # task_links not built by this checkout yet
        assert "Not available: the outputs have no task_links table yet." in section
