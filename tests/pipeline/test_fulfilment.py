"""Tests for pipeline/crossyear/fulfilment.py: targets paired with later outcomes, verdicts that say which way."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pandas as pd
import pytest
import yaml

from extractors.errors import DataFileError
from extractors.indicators import indicator_for
from pipeline.crossyear.fulfilment import COLUMNS, DATA_FILE, STATUSES, build_fulfilment, judge, load_rules, rules
from pipeline.crossyear.measures import is_measure
from pipeline.crossyear.target_rows import target_rows
from pipeline.tables.schemas import FULFILMENT

GDP, CPI, JOBS = "国内生产总值增长", "居民消费价格涨幅", "城镇新增就业"
GOLD = Path(__file__).resolve().parents[1] / "gold"
HELD_OUT = {
    "gov-report-2001",
    "gov-report-2003",
    "gov-report-2007",
    "pingtan-gov-report-2019",
    "pingtan-gov-report-2023",
    "pingtan-haitan-2023",
    "pingtan-suping-2023",
    "pingtan-junshan-2023",
    "pingtan-invest-2025",
    "fujian-zwgk-tasks-2017",
}


# ---------------------------------------------------------------- judging (data rules)


@pytest.mark.parametrize(
    "value, value_max, comparator, unit, indicator, outcome, status",
    [
        # 国内生产总值增长6.5%左右 (gov-report 2017) → 6.9% (2018): point ± 0.5
        (6.5, None, "~", "%", GDP, 6.9, "met"),
        (6.5, None, "~", "%", GDP, 7.0, "met"),  # the edge of the slack counts
        (6.5, None, "~", "%", GDP, 7.01, "exceeded"),
        # 2010: 8%左右, reached 10.3%: a point far above its target is exceeded, not missed
        (8.0, None, "~", "%", GDP, 10.3, "exceeded"),
        # 国内生产总值增长6.5%－7% (gov-report 2016) → 6.7% (2017): a range, no slack
        (6.5, 7.0, "range", "%", GDP, 6.7, "met"),
        (6.5, 7.0, "range", "%", GDP, 7.2, "exceeded"),
        (6.5, 7.0, "range", "%", GDP, 6.2, "fell_short"),
        # 广义货币M2增长13%左右 (2016) → 11.3% (2017): below a point
        (13.0, None, "~", "%", "广义货币M2增长", 11.3, "fell_short"),
        # 居民消费价格涨幅3%左右 (2018) → 2.1% (2019): a ceiling with slack
        (3.0, None, "~", "%", CPI, 2.1, "met"),
        (3.0, None, "~", "%", CPI, 3.5, "met"),
        (3.0, None, "<=", "%", CPI, 4.8, "exceeded"),  # 3%以内 → 4.8%: above a ceiling
        # 城镇新增就业1100万人以上 (2018) → 1361万人 (2019): a floor over-achieved is met
        (1.1e7, None, ">=", "人", JOBS, 1.361e7, "met"),
        (1.1e7, None, ">=", "人", JOBS, 1.0e7, "fell_short"),
        # 城镇新增就业900万人 (2005, no 以上): still a floor, = is the bound
        (9e6, None, "=", "人", JOBS, 8.9e6, "fell_short"),
        (9e6, None, "~", "人", JOBS, 8.6e6, "met"),  # 左右 on a count: 5% slack
        # 农村贫困人口减少1000万人以上 → 1232万人 (2014 → 2015)
        (1e7, None, ">=", "人", "农村贫困人口减少", 1.232e7, "met"),
        # a measure the vocabulary gives no direction takes it from 以上
        (20.0, None, ">=", "公里", "某某新建道路", 23.0, "met"),
        (20.0, None, ">=", "公里", "某某新建道路", None, "unknown"),
    ],
)
def test_fulfilment_judge(value, value_max, comparator, unit, indicator, outcome, status):
    verdict = judge(value, value_max, comparator, unit, indicator, outcome)
    assert verdict.status == status, verdict.rule
    assert verdict.rule


@pytest.mark.issue(18)
def test_fulfilment_judge_floor_over_achieved_is_never_short():
    # gov-report 2015: 解决6000万农村人口饮水安全问题 → 2016: 又解决6434万农村人口饮水安全问题;
    # 2008: 3200万 → 4800多万. On a floor, more is met, whatever the comparator.
    for comparator in ("=", "~", ">=", ">"):
        v = judge(6e7, None, comparator, "人", "农村贫困人口减少", 6.434e7)
        assert (v.status, v.direction, v.gap) == ("met", "floor", pytest.approx(4.34e6)), comparator


def test_fulfilment_judge_gap_and_rule_in_display_units():
    v = judge(9e6, None, ">=", "人", JOBS, 1.31e7)
    assert (v.status, v.direction, v.tolerance, v.gap) == ("met", "floor", 0.0, 4.1e6)
    assert "1310万人 ≥ 900万人" in v.rule and "13100000" not in v.rule
    v = judge(6.5, None, "~", "%", GDP, 6.9)
    assert (v.direction, v.tolerance, v.gap) == ("point", 0.5, pytest.approx(0.4))
    assert "6.5% − 0.5% ≤ 6.9% ≤ 6.5% + 0.5%" in v.rule
    v = judge(8.0, None, "~", "%", GDP, 10.3)
    assert v.gap == pytest.approx(2.3) and "above" in v.rule
    v = judge(6.5, 7.0, "range", "%", GDP, 6.7)
    assert v.gap == 0.0
    v = judge(3.0, None, "~", "%", CPI, 2.1)
    assert v.gap == pytest.approx(-0.9)
    assert judge(9e6, None, "~", "人", JOBS, 9e6).tolerance == pytest.approx(450000.0)


def test_fulfilment_every_direction_and_comparator_has_a_rule():
    table = rules()
    for direction in ("floor", "ceiling", "point"):
        for comparator in ("=", "~", ">=", ">", "<=", "<", "range"):
            assert (direction, comparator) in table.rules


# ---------------------------------------------------------------- the data file


def _write(tmp_path: Path, data: dict) -> Path:
    p = tmp_path / "fulfilment.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return p


def _data() -> dict:
    return yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))


def test_fulfilment_data_file_loads():
    table = load_rules()
    assert table.abs_tolerance["%"] == 0.5
    assert table.estimate_re.search("预计全年地区生产总值增长2%左右")


@pytest.mark.parametrize(
    "edit, problem",
    [
        (lambda d: d["rules"]["point"].update({"~": {"test": "close_to"}}), "'close_to' is not one of"),
        (lambda d: d["rules"]["floor"].pop("range"), "rules.floor: must have one entry per comparator"),
        (lambda d: d["direction_by_comparator"].update({">=": "upward"}), "'upward' is not one of"),
        (lambda d: d["tolerance"].update({"relative": -1}), "tolerance.relative: must be a number >= 0"),
        (lambda d: d.update({"estimate_cues": "预计"}), "estimate_cues: expected a list"),
        (lambda d: d.pop("estimate_cues"), "estimate_cues: missing"),
        (lambda d: d.update({"period": {}}), "period: unknown key"),
    ],
)
def test_fulfilment_data_file_errors(tmp_path, edit, problem):
    data = _data()
    edit(data)
    with pytest.raises(DataFileError) as info:
        load_rules(_write(tmp_path, data))
    assert problem in str(info.value)
    assert str(tmp_path) in str(info.value)


def test_fulfilment_data_file_unreadable(tmp_path):
    p = tmp_path / "fulfilment.yaml"
    p.write_text("rules: [unclosed", encoding="utf-8")
    with pytest.raises(DataFileError, match="cannot read"):
        load_rules(p)
    with pytest.raises(DataFileError, match="cannot read"):
        load_rules(tmp_path / "missing.yaml")


def test_fulfilment_data_error_pickles(tmp_path):
    data = _data()
    data["rules"]["point"]["~"] = {"test": "nearby"}
    with pytest.raises(DataFileError) as info:
        load_rules(_write(tmp_path, data))
    again = pickle.loads(pickle.dumps(info.value))
    assert (again.path, again.problem) == (info.value.path, info.value.problem)


# ---------------------------------------------------------------- small tables


def _tables(docs, targets, times=(), sections=()):
    target_cols = [
        "doc_id",
        "task_id",
        "section_id",
        "part",
        "text",
        "char_start",
        "char_end",
        "sentence",
        "value",
        "value_max",
        "unit",
        "comparator",
        "subject",
        "indicator",
        "kind",
        "period_start",
        "period_end",
        "headline",
    ]
    return {
        "documents": pd.DataFrame(docs, columns=["doc_id", "issuer", "issuer_slug", "year", "text", "status"]),
        "targets": pd.DataFrame(targets, columns=target_cols),
        "times": pd.DataFrame(list(times), columns=["doc_id", "char_start", "text", "start", "end"]),
        "sections": pd.DataFrame(
            list(sections), columns=["doc_id", "section_id", "parent_id", "char_start", "heading"]
        ),
    }


def _row(
    doc_id,
    text,
    paragraph_start,
    sentence,
    value,
    unit,
    comparator,
    indicator,
    kind,
    part,
    section_id=None,
    period=None,
    headline=False,
):
    """A targets row; ``period`` defaults to the year of ``doc_id`` (r-2017 → 2017) for a
    plan's target and the year before for a review's achievement, as the extractor dates them."""
    start = paragraph_start + sentence.index(text)
    if period is None:
        year = int(doc_id.rsplit("-", 1)[1])
        period = (year, year) if part == "plan" else (year - 1, year - 1)
    return [
        doc_id,
        None,
        section_id,
        part,
        text,
        start,
        start + len(text),
        sentence,
        value,
        None,
        unit,
        comparator,
        indicator,
        indicator,
        kind,
        *period,
        headline,
    ]


# gov-report 2018, paragraphs 5 and 11 (shortened) and the target of 2017
P2018 = (
    "五年来，经济实力跃上新台阶。城镇新增就业6600万人以上，13亿多人口的大国实现了比较充分就业。\n"
    "刚刚过去的2017年，国内生产总值增长6.9%，增速均比上年有所加快；城镇新增就业1351万人，失业率为多年来最低；"
)
P2017 = "今年发展的主要预期目标是：城镇新增就业1100万人以上，城镇登记失业率4.5%以内；"


def _five_year_review_tables():
    second = P2018.index("\n") + 1
    targets = [
        _row("r-2017", "1100万人以上", 0, P2017, 1.1e7, "人", ">=", JOBS, "target", "plan"),
        _row(
            "r-2018",
            "6600万人以上",
            0,
            "城镇新增就业6600万人以上，13亿多人口的大国实现了比较充分就业。",
            6.6e7,
            "人",
            ">=",
            JOBS,
            "achievement",
            "review",
            period=(2013, 2017),
        ),
        _row(
            "r-2018",
            "1351万人",
            second,
            "城镇新增就业1351万人，失业率为多年来最低；",
            1.351e7,
            "人",
            "=",
            JOBS,
            "achievement",
            "review",
        ),
    ]
    times = [
        ("r-2017", 0, "今年", "2017-01-01", "2017-12-31"),
        ("r-2018", 0, "五年来", "2013-01-01", "2017-12-31"),
        ("r-2018", second + 5, "2017年", "2017-01-01", "2017-12-31"),
        ("r-2018", P2018.index("上年"), "上年", "2016-01-01", "2016-12-31"),
    ]
    docs = [("r-2017", "国务院", "r", 2017, P2017, "ok"), ("r-2018", "国务院", "r", 2018, P2018, "ok")]
    return _tables(docs, targets, times)


def test_fulfilment_five_year_review_is_not_an_outcome():
    tables = _five_year_review_tables()
    dated = target_rows(tables)  # the periods are the extractor's, passed on as they are
    by_text = {t: (s, e) for t, s, e in zip(dated["text"], dated["period_start"], dated["period_end"])}
    assert by_text["6600万人以上"] == (2013, 2017) and by_text["1351万人"] == (2017, 2017)
    out = build_fulfilment(tables)
    assert list(out.columns) == list(COLUMNS)
    (row,) = out.to_dict("records")
    assert (row["year"], row["outcome_value"], row["outcome_doc_id"], row["status"]) == (2017, 1.351e7, "r-2018", "met")
    assert row["gap"] == 2.51e6 and not row["estimated"]


def test_fulfilment_multi_year_word_in_sentence():
    # gov-report 2008: 平均每年城镇新增就业1000多万人 reviews 2003–2007, not 2007
    s = "统筹做好就业再就业工作，全面加强职业技能培训，平均每年城镇新增就业1000多万人、农村劳动力转移就业800万人。"
    tables = _tables(
        [("r-2007", "国务院", "r", 2007, P2017, "ok"), ("r-2008", "国务院", "r", 2008, s, "ok")],
        [
            _row("r-2007", "1100万人以上", 0, P2017, 1.1e7, "人", ">=", JOBS, "target", "plan"),
            _row("r-2008", "1000多万人", 0, s, 1e7, "人", ">", JOBS, "achievement", "review", period=(2003, 2007)),
        ],
    )
    (row,) = build_fulfilment(tables).to_dict("records")
    assert row["status"] == "unknown" and pd.isna(row["outcome_value"])
    assert "no later document states a figure for 2007" in row["rule"]


@pytest.mark.issue(18)
def test_fulfilment_review_heading_of_a_year_and_this_year_so_far():
    # pingtan-gov-report 2022: 一、2021年和过去五年工作回顾 … 预计完成地区生产总值328.63亿元，增长7.8%;
    # the 2020 report of the 国务院 reviews “2019年和今年以来”: the year is the one named first
    heading = "一、2021年和过去五年工作回顾"
    body = "预计完成地区生产总值328.63亿元，增长7.8%；"
    text = heading + body
    target = "今年经济社会发展的主要预期目标是：地区生产总值增长7.8%；"
    tables = _tables(
        [("p-2021", "平潭", "p", 2021, target, "ok"), ("p-2022", "平潭", "p", 2022, text, "ok")],
        [
            _row("p-2021", "7.8%", 0, target, 7.8, "%", "=", GDP, "target", "plan"),
            _row(
                "p-2022",
                "7.8%",
                len(heading),
                body,
                7.8,
                "%",
                "=",
                GDP,
                "achievement",
                "review",
                "s1",
                period=(2021, 2021),
            ),
        ],
        times=[
            ("p-2021", 0, "今年", "2021-01-01", "2021-12-31"),
            ("p-2022", 2, "2021年", "2021-01-01", "2021-12-31"),
            ("p-2022", 8, "过去五年", "2017-01-01", "2021-12-31"),
        ],
        sections=[("p-2022", "s1", None, 0, heading[2:])],
    )
    (row,) = build_fulfilment(tables).to_dict("records")
    assert (row["outcome_value"], row["status"], row["estimated"]) == (7.8, "met", True)


def test_fulfilment_converts_units_and_never_pairs_fragments():
    # 粮食产量稳定在1.1万亿斤以上 → 6.5亿吨 the next year: compared in one unit; the amounts
    # of the fragment 中央财政 (109亿元 for 再就业, 219亿元 for 企业破产) are never paired
    t1 = "粮食产量稳定在1.1万亿斤以上，中央财政安排109亿元支持再就业。"
    t2 = "粮食产量6.5亿吨。中央财政安排219亿元支持企业破产。"
    tables = _tables(
        [("r-2012", "国务院", "r", 2012, t1, "ok"), ("r-2013", "国务院", "r", 2013, t2, "ok")],
        [
            _row("r-2012", "1.1万亿斤以上", 0, t1, 1.1e12, "斤", ">=", "粮食产量", "target", "plan"),
            _row("r-2012", "109亿元", 0, t1, 1.09e10, "元", "=", "中央财政", "target", "plan"),
            _row("r-2013", "6.5亿吨", 0, t2, 6.5e8, "吨", "=", "粮食产量", "achievement", "review"),
            _row("r-2013", "219亿元", 0, t2, 2.19e10, "元", "=", "中央财政", "achievement", "review"),
        ],
    )
    out = build_fulfilment(tables)
    assert out["indicator"].tolist() == ["粮食产量"]
    (row,) = out.to_dict("records")
    assert (row["target_unit"], row["outcome_unit"]) == ("斤", "斤")
    assert (row["outcome_value"], row["status"]) == (pytest.approx(1.3e12), "met")


def test_fulfilment_failed_documents_and_empty_tables():
    tables = _five_year_review_tables()
    tables["documents"].loc[tables["documents"]["doc_id"] == "r-2018", "status"] = "failed"
    (row,) = build_fulfilment(tables).to_dict("records")
    assert row["status"] == "unknown"
    assert "no later document" in row["rule"]
    empty = build_fulfilment(_tables([], []))
    assert list(empty.columns) == FULFILMENT.names and empty.empty


# ---------------------------------------------------------------- the corpus


@pytest.fixture(scope="module")
def fulfilment(corpus_outputs) -> pd.DataFrame:
    return pd.read_parquet(corpus_outputs / "fulfilment")


def _pick(fulfilment, indicator, year, slug="gov-report") -> dict:
    rows = fulfilment[
        (fulfilment["issuer_slug"] == slug)
        & (fulfilment["indicator"] == indicator)
        & (fulfilment["year"] == year)
        & (fulfilment["period_start"] == year)
        & (fulfilment["period_end"] == year)
    ]
    assert len(rows) == 1, f"{indicator} {year}: {len(rows)} rows"
    return rows.iloc[0].to_dict()


@pytest.mark.parametrize(
    "year, target, outcome",
    [(2013, 7.5, 7.7), (2014, 7.5, 7.4), (2015, 7.0, 6.9), (2016, 6.5, 6.7), (2017, 6.5, 6.9), (2018, 6.5, 6.6)],
)
def test_fulfilment_gdp_growth_2013_2018(fulfilment, year, target, outcome):
    row = _pick(fulfilment, GDP, year)
    assert (row["target_value"], row["outcome_value"], row["status"]) == (target, outcome, "met")
    assert row["target_doc_id"] == f"gov-report-{year}"
    assert row["outcome_doc_id"] == f"gov-report-{year + 1}"
    assert row["direction"] == "point" and row["tolerance"] in (0.0, 0.5)


@pytest.mark.issue(18)
@pytest.mark.parametrize("year, outcome", [(2010, 10.3), (2011, 9.2)])
def test_fulfilment_gdp_far_above_target_is_exceeded(fulfilment, year, outcome):
    # gov-report 2010, 2011: 国内生产总值增长8%左右 → 10.3%, 9.2%: above, not short of it
    row = _pick(fulfilment, GDP, year)
    assert (row["target_value"], row["outcome_value"], row["status"]) == (8.0, outcome, "exceeded")
    assert row["gap"] == pytest.approx(outcome - 8.0)


@pytest.mark.parametrize(
    "year, target, outcome, status",
    [
        (2013, 3.5, 2.6, "met"),  # 2014: 居民消费价格涨幅控制在2.6%
        (2014, 3.5, 2.0, "met"),  # 2015: 价格稳，居民消费价格上涨2%
        # 2016 reports only 居民消费价格涨幅保持较低水平: no figure for 2015
        (2015, 3.0, None, "unknown"),
        (2016, 3.0, 2.0, "met"),  # 2017: 居民消费价格上涨2%
        # 2018 reviews five years: 居民消费价格年均上涨1.9% is not 2017's figure
        (2017, 3.0, None, "unknown"),
        (2018, 3.0, 2.1, "met"),  # 2019: 居民消费价格上涨2.1%
    ],
)
def test_fulfilment_cpi_2013_2018(fulfilment, year, target, outcome, status):
    row = _pick(fulfilment, CPI, year)
    assert row["target_value"] == target and row["target_comparator"] == "~"
    got = None if pd.isna(row["outcome_value"]) else row["outcome_value"]
    assert (got, row["status"]) == (outcome, status), row["rule"]
    assert row["direction"] == "ceiling" and row["tolerance"] == 0.5


@pytest.mark.parametrize(
    "year, target, outcome",
    [
        (2013, 900, 1310),
        (2014, 1000, 1322),
        (2015, 1000, 1312),
        (2016, 1000, 1314),
        (2017, 1100, 1351),
        (2018, 1100, 1361),
    ],
)
def test_fulfilment_new_urban_jobs_2013_2018(fulfilment, year, target, outcome):
    # 2016 also reports 城镇新增就业人数超过6400万人 and 2018 6600万人以上: five years each
    row = _pick(fulfilment, JOBS, year)
    assert row["target_value"] == target * 1e4 and row["target_comparator"] == ">="
    assert row["outcome_value"] == outcome * 1e4 and row["status"] == "met"
    assert row["outcome_doc_id"] == f"gov-report-{year + 1}" and row["direction"] == "floor"
    assert row["gap"] == (outcome - target) * 1e4
    assert f"{outcome}万人 ≥ {target}万人" in row["rule"]


def test_fulfilment_twelfth_five_year_jobs_goal_against_its_five_year_outcome(fulfilment):
    # gov-report 2011: 十二五 城镇新增就业4500万人 → 2016: 城镇新增就业人数超过6400万人 (2011–2015)
    rows = fulfilment[
        (fulfilment["indicator"] == JOBS) & (fulfilment["year"] == 2011) & (fulfilment["period_end"] == 2015)
    ]
    assert rows[["period_start", "target_value", "outcome_value", "status"]].values.tolist() == [
        [2011, 4.5e7, 6.4e7, "met"]
    ]


def test_fulfilment_table_shape(fulfilment, corpus_tables):
    assert list(fulfilment.columns) == FULFILMENT.names
    assert not fulfilment.duplicated(["issuer_slug", "indicator", "year", "period_start", "period_end"]).any()
    assert set(fulfilment["status"]) <= set(STATUSES)
    assert "missed" not in set(fulfilment["status"])
    assert fulfilment["rule"].notna().all() and (fulfilment["rule"] != "").all()
    found = fulfilment[fulfilment["outcome_value"].notna()]
    assert (found["status"] != "unknown").all() and found["gap"].notna().all()
    assert (fulfilment.loc[fulfilment["outcome_value"].isna(), "status"] == "unknown").all()
    assert (found["outcome_unit"].fillna("") == found["target_unit"].fillna("")).all()
    # every outcome comes from a document later than the period it reports on
    years = corpus_tables["documents"].set_index("doc_id")["year"]
    assert (found["outcome_doc_id"].map(years) > found["period_end"]).all()
    # the table has rows for every issuer with a plan target of a measure in a year followed
    # by another document of the issuer (a report of last year's work only, such as
    # pingtan-junshan's 2022年度工作报告, sets no targets)
    docs = corpus_tables["documents"]
    targets = corpus_tables["targets"]
    planned = targets[(targets["kind"] == "target") & targets["indicator"].map(is_measure).astype(bool)]
    years_of = docs.groupby("issuer_slug")["year"].apply(set)
    for slug, group in planned.merge(docs[["doc_id", "issuer_slug", "year"]], on="doc_id").groupby("issuer_slug"):
        if any(y + 1 in years_of[slug] for y in group["year"]):
            assert (fulfilment["issuer_slug"] == slug).any(), slug


@pytest.mark.issue(18)
def test_fulfilment_never_pairs_two_measures(fulfilment, corpus_tables):
    """On every issuer: target and outcome are rows of one measure of the vocabulary."""
    targets = corpus_tables["targets"].set_index(["doc_id", "text", "sentence"])["indicator"]
    targets = targets[~targets.index.duplicated()]
    assert fulfilment["indicator"].map(is_measure).all()
    found = fulfilment[fulfilment["outcome_value"].notna()]
    outcome_keys = list(zip(found["outcome_doc_id"], found["outcome_text"], found["outcome_sentence"]))
    bad = [
        (slug, ind)
        for (slug, ind), key in zip(zip(found["issuer_slug"], found["indicator"]), outcome_keys)
        if targets.get(key) != ind
    ]
    # counts only: the message must not print rows of held-out documents
    assert not bad, (
        f"{len(bad)} rows pair two measures, per issuer: {pd.Series([b[0] for b in bad]).value_counts().to_dict()}"
    )
    assert len(found) >= 40


# Paragraphs of the hand-made gold of the 政府工作报告 that review the one year before the
# report (the others review the 十二五 period or the crisis years): their achievements
# are the outcomes the later report states. The gold files of other issuers give the
# period of every achievement, so no list is needed for them.
GOV_REVIEW_OF_LAST_YEAR = {
    "gov-report-2013": {"prices"},
    "gov-report-2014": {"review-economy"},
    "gov-report-2015": {"review"},
    "gov-report-2016": {"review-economy"},
    "gov-report-2017": {"review-economy", "review-employment"},
    "gov-report-2018": {"review-2017"},
    "gov-report-2019": {"review-economy"},
}


def _stated_outcomes(slug: str):
    """(year, indicator, value) the gold of ``slug``'s reports states for the year before."""
    out = []
    for path in sorted(GOLD.glob(f"{slug}-*.json")) + sorted((GOLD / "plans").glob(f"{slug}-*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc_year = int(gold["doc_id"].rsplit("-", 1)[1])
        if gold["doc_id"] in HELD_OUT or f"{slug}-{doc_year - 1}" in HELD_OUT:
            continue
        for para in gold["paragraphs"]:
            for t in para.get("targets", []):
                if t["kind"] != "achievement":
                    continue
                if "period_start" in t:
                    if (t["period_start"], t["period_end"]) != (doc_year - 1, doc_year - 1):
                        continue
                elif para["id"] not in GOV_REVIEW_OF_LAST_YEAR.get(gold["doc_id"], ()):
                    continue
                out.append((doc_year - 1, indicator_for(t["subject"]), float(t["value"])))
    return out


# The 平潭 reports need the measure vocabulary of the targets work (地区生产总值增长,
# 一般公共预算总收入增长 …); until it is in, the case is a known gap, and it runs strictly
# as soon as the vocabulary names the county measures.
PINGTAN = pytest.param(
    "pingtan-gov-report",
    6,
    marks=pytest.mark.xfail(
        not is_measure("地区生产总值增长"),
        strict=True,
        reason="the measure vocabulary does not know the county measures (地区生产总值增长) yet",
    ),
)


@pytest.mark.issue(18)
@pytest.mark.parametrize("slug, at_least", [("gov-report", 20), PINGTAN])
def test_fulfilment_finds_every_stated_outcome_of_a_headline_measure(fulfilment, corpus_tables, slug, at_least):
    """Per issuer with consecutive reports: each outcome the later report states (by the
    gold) for a measure of the earlier plan's headline list is the row's outcome."""
    series = corpus_tables["target_series"]
    headline = series[
        (series["issuer_slug"] == slug)
        & series["headline"]
        & ~series["absent"]
        & (series["period_start"] == series["year"])
        & (series["period_end"] == series["year"])
    ]
    headline = set(zip(headline["year"], headline["indicator"]))
    checked = []
    for year, indicator, value in _stated_outcomes(slug):
        if (year, indicator) not in headline:
            continue
        row = _pick(fulfilment, indicator, year, slug)
        checked.append((year, indicator, value, row["outcome_value"], row["status"]))
    wrong = [c for c in checked if c[3] != pytest.approx(c[2])]
    assert not wrong
    assert len(checked) >= at_least, checked


def test_fulfilment_a_yearly_average_is_judged_by_the_periods_yearly_average():
    """gov-report 2001 set 年均经济增长速度 7%左右 for 2001–2005; the 2006 review gives both the
    growth over the five years (57.3%) and its yearly average (9.5%). The target is judged by
    the average, where it was judged "exceeded" by the total."""
    plan = "“十五”期间年均经济增长速度7%左右。"
    review = "2005年与2000年相比，国内生产总值增长57.3%，年均增长9.5%；"
    gdp = indicator_for("国内生产总值增长")
    rows = [
        _row("r-2001", "7%左右", 0, plan, 7.0, "%", "~", gdp, "target", "plan", period=(2001, 2005)),
        _row("r-2006", "57.3%", 0, review, 57.3, "%", "=", gdp, "achievement", "review", period=(2001, 2005)),
        _row("r-2006", "9.5%", 0, review, 9.5, "%", "=", gdp, "achievement", "review", period=(2001, 2005)),
    ]
    subjects = ["年均经济增长速度", "国内生产总值增长", "国内生产总值年均增长"]
    for row, subject in zip(rows, subjects, strict=True):
        row[12] = subject  # the subject column (_row repeats the indicator there)
    tables = _tables([("r-2001", "国务院", "r", 2001, plan, "ok"), ("r-2006", "国务院", "r", 2006, review, "ok")], rows)
    (row,) = [r for r in build_fulfilment(tables).to_dict("records") if r["year"] == 2001]
    assert (row["outcome_value"], row["outcome_text"], row["status"]) == (9.5, "9.5%", "exceeded")
