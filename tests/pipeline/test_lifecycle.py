"""Tests for pipeline/crossyear/lifecycle.py: one row per (issuer, ref_key, year) (#6)."""

from __future__ import annotations

from dataclasses import asdict

import pandas as pd
import pytest

from extractors.policy_refs import extract_policy_refs, resolve_ref_keys
from pipeline.crossyear.lifecycle import COLUMNS, build_policy_lifecycle, build_policy_lifecycle_from


def _documents(*rows) -> pd.DataFrame:
    return pd.DataFrame(
        [{"doc_id": d, "issuer": i, "issuer_slug": s, "year": y, "status": st} for d, i, s, y, st in rows]
    )


def _ref(doc_id, text, *, task_id=None, offset=0) -> list[dict]:
    """Rows as the pipeline writes them: the extractor's records plus where they stand."""
    return [
        {"doc_id": doc_id, "task_id": task_id, "section_id": None, **asdict(r)}
        for r in extract_policy_refs(text, offset=offset)
    ]


DOCS = _documents(
    ("dalian-edu-2018", "大连市教育局", "dalian-edu", 2018, "ok"),
    ("dalian-edu-2019", "大连市教育局", "dalian-edu", 2019, "ok"),
    ("dalian-edu-2020", "大连市教育局", "dalian-edu", 2020, "failed"),
)


def test_lifecycle_issue_then_implement():
    # 2018 announces (dalian-edu 2018, item 10), 2019 implements (invented follow-up year)
    refs = pd.DataFrame(
        _ref("dalian-edu-2018", "出台我市《关于深化教育体制机制改革的实施意见》。", task_id="dalian-edu-2018/2/10")
        + _ref("dalian-edu-2019", "深入落实《关于深化教育体制机制改革的实施意见》。", task_id="dalian-edu-2019/1/3")
    )
    out = build_policy_lifecycle(refs, DOCS)
    assert list(out.columns) == COLUMNS
    assert out[["year", "action", "task_id", "first_year", "n_years"]].values.tolist() == [
        [2018, "issue", "dalian-edu-2018/2/10", 2018, 2],
        [2019, "implement", "dalian-edu-2019/1/3", 2018, 2],
    ]
    assert set(out["ref_key"]) == {"深化教育体制机制改革的实施意见"}
    assert set(out["issuer"]) == {"大连市教育局"}


def test_lifecycle_strongest_action_of_the_year_wins():
    text = "根据《中国制造2025》。深入实施《中国制造2025》。制定《中国制造2025》。"
    refs = pd.DataFrame(_ref("dalian-edu-2018", text))
    out = build_policy_lifecycle(refs, DOCS)
    assert len(out) == 1
    assert out.loc[0, "action"] == "issue"
    assert out.loc[0, "n_years"] == 1


def test_lifecycle_tie_goes_to_first_mention():
    text = "落实《幼儿园工作规程》。贯彻《幼儿园工作规程》。"
    refs = pd.DataFrame(_ref("dalian-edu-2018", text, task_id=None))
    refs.loc[1, "task_id"] = "later"
    out = build_policy_lifecycle(refs, DOCS)
    assert out.loc[0, "task_id"] is None


def test_lifecycle_failed_documents_and_year_span_keys():
    refs = pd.DataFrame(
        _ref("dalian-edu-2018", "扎实实施《大连市第三期学前教育行动计划(2017-2020年)》。")
        + _ref("dalian-edu-2019", "落实《第三期学前教育行动计划》。")
        + _ref("dalian-edu-2020", "评估《大连市第三期学前教育行动计划》。")
    )
    out = build_policy_lifecycle(refs, DOCS)
    assert out["year"].tolist() == [2018, 2019]  # 2020 failed
    assert out["n_years"].tolist() == [2, 2]
    assert out["title"].tolist() == ["大连市第三期学前教育行动计划(2017-2020年)", "第三期学前教育行动计划"]


def test_lifecycle_issuers_kept_apart():
    docs = pd.concat([DOCS, _documents(("gov-report-2018", "国务院", "gov-report", 2018, "ok"))])
    refs = pd.DataFrame(
        _ref("dalian-edu-2018", "落实《巴黎协定》。") + _ref("gov-report-2018", "积极推动《巴黎协定》签署生效")
    )
    out = build_policy_lifecycle(refs, docs)
    assert sorted(zip(out["issuer_slug"], out["action"])) == [
        ("dalian-edu", "implement"), ("gov-report", "other")]
    assert out["n_years"].tolist() == [1, 1]


def test_lifecycle_from_run_tables():
    refs = pd.DataFrame(_ref("dalian-edu-2018", "贯彻《幼儿园工作规程》。"))
    out = build_policy_lifecycle_from({"policy_refs": refs, "documents": DOCS, "tasks": pd.DataFrame()})
    assert out[["ref_key", "year", "action"]].values.tolist() == [["幼儿园工作规程", 2018, "implement"]]


def test_lifecycle_empty():
    empty = pd.DataFrame(columns=["doc_id", "task_id", "section_id", "text", "char_start", "char_end",
                                  "sentence", "title", "qualifier", "action", "action_text", "ref_key"])
    out = build_policy_lifecycle(empty, DOCS)
    assert list(out.columns) == COLUMNS and out.empty
    assert out["year"].dtype == "int64"


@pytest.mark.slow
def test_lifecycle_gov_reports_made_in_china_2025(normalised_texts):
    # 《中国制造2025》: 2016 启动实施, 2017 全面实施/深入实施/享受 → implement both years
    rows, docs = [], []
    for year in (2015, 2016, 2017):
        doc_id = f"gov-report-{year}"
        text = normalised_texts[doc_id]
        pos, recs = 0, []
        for par in text.split("\n"):
            recs += extract_policy_refs(par, offset=pos)
            pos += len(par) + 1
        rows += [{"doc_id": doc_id, "task_id": None, "section_id": None, **asdict(r)}
                 for r in resolve_ref_keys(recs)]
        docs.append((doc_id, "国务院", "gov-report", year, "ok"))
    out = build_policy_lifecycle(pd.DataFrame(rows), _documents(*docs))
    made = out[out["ref_key"] == "中国制造2025"]
    assert made[["year", "action", "first_year", "n_years"]].values.tolist() == [
        [2016, "implement", 2016, 2], [2017, "implement", 2016, 2]]
    plan = out[out["ref_key"] == "国民经济和社会发展第十三个五年规划纲要"]
    assert plan[["year", "action"]].values.tolist() == [[2016, "draft"]]
