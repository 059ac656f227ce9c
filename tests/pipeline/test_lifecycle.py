"""Tests for pipeline/crossyear/lifecycle.py: one row per (issuer, ref_key, year of the event)."""

from __future__ import annotations

from dataclasses import asdict

import pandas as pd
import pytest

from extractors.context import Context
from extractors.policy_refs import extract_policy_refs, resolve_ref_keys
from extractors.times import extract_times
from pipeline.crossyear.lifecycle import COLUMNS, build_policy_lifecycle, build_policy_lifecycle_from
from pipeline.reports.compare import issued_then_implemented


def _documents(*rows, texts=None) -> pd.DataFrame:
    texts = texts or {}
    return pd.DataFrame(
        [
            {"doc_id": d, "issuer": i, "issuer_slug": s, "year": y, "status": st, "text": texts.get(d, "")}
            for d, i, s, y, st in rows
        ]
    )


def _ref(doc_id, text, *, task_id=None, offset=0, part="plan") -> list[dict]:
    """Rows as the pipeline writes them: the extractor's records plus where they stand."""
    return [
        {"doc_id": doc_id, "task_id": task_id, "section_id": None, "part": part, **asdict(r)}
        for r in resolve_ref_keys(extract_policy_refs(text, offset=offset))
    ]


def _times(doc_id, text, year) -> pd.DataFrame:
    return pd.DataFrame([{"doc_id": doc_id, **asdict(t)} for t in extract_times(text, context=Context(year=year))])


def _entities(doc_id, text, *names) -> pd.DataFrame:
    """Entity rows for ``names`` (label, surface) as the entity rules tag them in ``text``."""
    return pd.DataFrame(
        [
            {
                "doc_id": doc_id,
                "text": n,
                "label": label,
                "char_start": text.index(n),
                "char_end": text.index(n) + len(n),
                "sentence": text,
            }
            for label, n in names
        ]
    )


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
    assert out[
        ["year", "doc_year", "action", "actor", "retrospective", "task_id", "first_year", "n_years"]
    ].values.tolist() == [
        [2018, 2018, "issue", "issuer", False, "dalian-edu-2018/2/10", 2018, 2],
        [2019, 2019, "implement", "issuer", False, "dalian-edu-2019/1/3", 2018, 2],
    ]
    assert set(out["ref_key"]) == {"深化教育体制机制改革的实施意见"}
    assert set(out["issuer"]) == {"大连市教育局"}
    assert issued_then_implemented(out)[["issued", "implemented"]].values.tolist() == [[2018, "2019"]]


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
    assert sorted(zip(out["issuer_slug"], out["action"])) == [("dalian-edu", "implement"), ("gov-report", "other")]
    assert out["n_years"].tolist() == [1, 1]


def test_lifecycle_from_run_tables():
    refs = pd.DataFrame(_ref("dalian-edu-2018", "贯彻《幼儿园工作规程》。"))
    out = build_policy_lifecycle_from({"policy_refs": refs, "documents": DOCS, "tasks": pd.DataFrame()})
    assert out[["ref_key", "year", "action"]].values.tolist() == [["幼儿园工作规程", 2018, "implement"]]


def test_lifecycle_empty():
    empty = pd.DataFrame(
        columns=[
            "doc_id",
            "task_id",
            "section_id",
            "text",
            "char_start",
            "char_end",
            "sentence",
            "title",
            "qualifier",
            "action",
            "action_text",
            "ref_key",
        ]
    )
    out = build_policy_lifecycle(empty, DOCS)
    assert list(out.columns) == COLUMNS and out.empty
    assert out["year"].dtype == "int64"


# ---------------------------------------------------------------- dating and actors

GOV = "国务院"


@pytest.mark.issue(18)
def test_lifecycle_retrospective_event_dated_by_its_own_time():
    # gov-report 1997: the 1990 adoption of the Basic Law, told in retrospect, is no 1997 issue
    text = "1990年七届全国人大三次会议通过《中华人民共和国香港特别行政区基本法》。"
    docs = _documents(("g-1997", GOV, "g", 1997, "ok"), texts={"g-1997": text})
    out = build_policy_lifecycle(
        pd.DataFrame(_ref("g-1997", text)),
        docs,
        _times("g-1997", text, 1997),
        _entities("g-1997", text, ("ORG", "全国人大")),
    )
    (row,) = out.to_dict("records")
    assert (row["ref_key"], row["year"], row["doc_year"]) == ("香港特别行政区基本法", 1990, 1997)
    assert (row["action"], row["actor"], row["retrospective"]) == ("issue", "other", True)
    assert issued_then_implemented(out).empty


@pytest.mark.issue(18)
def test_lifecycle_another_governments_law():
    # gov-report 1983: 美国制定了所谓《与台湾关系法》 — the qualifier 所谓 and the actor 美国
    text = "美国制定了所谓《与台湾关系法》，继续向台湾出售武器。"
    docs = _documents(("g-1983", GOV, "g", 1983, "ok"), texts={"g-1983": text})
    refs = pd.DataFrame(_ref("g-1983", text))
    out = build_policy_lifecycle(refs, docs, _times("g-1983", text, 1983), _entities("g-1983", text, ("GPE", "美国")))
    assert out[["action", "actor"]].values.tolist() == [["issue", "other"]]
    # the actor alone says it, without the qualifier
    refs["qualifier"] = None
    out = build_policy_lifecycle(refs, docs, None, _entities("g-1983", text, ("GPE", "美国")))
    assert out["actor"].tolist() == ["other"]


def test_lifecycle_the_issuer_itself_is_no_other_actor():
    # gov-report 2006: 国务院制定了《国民经济和社会发展第十一个五年规划纲要（草案）》，已提请大会审议:
    # the issuer's own act, and a draft (草案) rather than an issued document
    text = "根据《建议》精神，国务院制定了《国民经济和社会发展第十一个五年规划纲要（草案）》，已提请大会审议。"
    docs = _documents(("g-2006", GOV, "g", 2006, "ok"), texts={"g-2006": text})
    refs = pd.DataFrame(_ref("g-2006", text))
    refs = refs[refs["title"].str.contains("纲要")]
    out = build_policy_lifecycle(refs, docs, None, _entities("g-2006", text, ("ORG", "国务院")))
    assert out[["ref_key", "action", "actor"]].values.tolist() == [
        ["国民经济和社会发展第十一个五年规划纲要", "draft", "issuer"]
    ]


@pytest.mark.issue(18)
def test_lifecycle_time_of_another_clause_dates_nothing():
    # gov-report 1992: 1990年 dates the Hong Kong Basic Law of the first clause, not the
    # Macao draft of the second
    text = (
        "继《香港特别行政区基本法》由1990年的人代会通过并颁布之后，《澳门特别行政区基本法（草案）》"
        "已经全国人大常委会审议公布，将在澳门和内地进一步广泛征求意见。"
    )
    docs = _documents(("g-1992", GOV, "g", 1992, "ok"), texts={"g-1992": text})
    out = build_policy_lifecycle(pd.DataFrame(_ref("g-1992", text)), docs, _times("g-1992", text, 1992))
    got = {r["ref_key"]: (r["year"], r["retrospective"]) for r in out.to_dict("records")}
    assert got == {"香港特别行政区基本法": (1990, True), "澳门特别行政区基本法": (1992, False)}


def test_lifecycle_sentence_opening_time_and_review_year():
    # 2017年，我们出台了《…》 is dated 2017 in a 2019 plan: told in retrospect
    text = "2017年，我们出台了《关于深化教育体制机制改革的实施意见》。"
    docs = _documents(("d-2019", "大连市教育局", "d", 2019, "ok"), texts={"d-2019": text})
    out = build_policy_lifecycle(pd.DataFrame(_ref("d-2019", text)), docs, _times("d-2019", text, 2019))
    assert out[["year", "retrospective"]].values.tolist() == [[2017, True]]
    # without a time, a review speaks of the year before the document (gov-report 2016:
    # 启动实施《中国制造2025》 is a 2015 event)
    text = "启动实施《中国制造2025》。"
    docs = _documents(("g-2016", GOV, "g", 2016, "ok"), texts={"g-2016": text})
    out = build_policy_lifecycle(pd.DataFrame(_ref("g-2016", text, part="review")), docs)
    assert out[["year", "doc_year", "retrospective"]].values.tolist() == [[2015, 2016, False]]


@pytest.mark.issue(18)
def test_lifecycle_short_form_resolved_across_documents():
    # 2016 names the plan in full; a later report writes only 《纲要》
    t1 = "国务院编制了《国民经济和社会发展第十三个五年规划纲要（草案）》，提交大会审查。"
    t2 = "认真实施《纲要》确定的各项任务。"
    docs = _documents(
        ("g-2016", GOV, "g", 2016, "ok"), ("g-2017", GOV, "g", 2017, "ok"), texts={"g-2016": t1, "g-2017": t2}
    )
    out = build_policy_lifecycle(pd.DataFrame(_ref("g-2016", t1) + _ref("g-2017", t2)), docs)
    assert out[["ref_key", "year", "action"]].values.tolist() == [
        ["国民经济和社会发展第十三个五年规划纲要", 2016, "draft"],
        ["国民经济和社会发展第十三个五年规划纲要", 2017, "implement"],
    ]
    assert issued_then_implemented(out)[["issued", "action", "implemented"]].values.tolist() == [
        [2016, "draft", "2017"]
    ]


# ---------------------------------------------------------------- the corpus

HELD_OUT = {"gov-report-2001", "gov-report-2003", "gov-report-2007"}


@pytest.fixture(scope="module")
def lifecycle(corpus_outputs) -> pd.DataFrame:
    return pd.read_parquet(corpus_outputs / "policy_lifecycle")


@pytest.mark.issue(18)
def test_lifecycle_corpus_chains_checked_by_hand(lifecycle):
    # The issue → implement chains of the development reports, read one by one (README):
    # 公务员法: 2005 report 提出了…《公务员法》草案 (2004) → 2006 report 认真做好实施《中华人民共和国
    # 公务员法》的准备工作 (2005); 国家中长期科学和技术发展规划纲要: 2006 report 制定了 (2005) →
    # 全面实施 (2006 plan).
    gov = lifecycle[(lifecycle["issuer_slug"] == "gov-report") & ~lifecycle["doc_id"].isin(HELD_OUT)]
    chains = issued_then_implemented(gov)
    got = {(r.ref_key, r.issued, r.action, r.implemented) for r in chains.itertuples(index=False)}
    assert {("公务员法", 2004, "draft", "2005"), ("国家中长期科学和技术发展规划纲要", 2005, "issue", "2006")} <= got


@pytest.mark.issue(18)
def test_lifecycle_corpus_marks_foreign_and_retrospective(lifecycle):
    taiwan = lifecycle[lifecycle["ref_key"] == "与台湾关系法"]
    assert taiwan[["year", "action", "actor"]].values.tolist() == [[1983, "issue", "other"]]
    basic = lifecycle[(lifecycle["ref_key"] == "香港特别行政区基本法") & (lifecycle["action"] == "issue")]
    assert basic[["year", "retrospective"]].values.tolist() == [[1990, True]]
    assert not (lifecycle["year"] > lifecycle["doc_year"] + 5).any()
    assert set(lifecycle["actor"]) <= {"issuer", "other"}
    assert not lifecycle.duplicated(["issuer_slug", "ref_key", "year"]).any()


@pytest.mark.slow
def test_lifecycle_gov_reports_made_in_china_2025(normalised_texts):
    # 《中国制造2025》: 2016 启动实施 (a 2015 event in the review), 2017 全面实施/深入实施
    rows, docs = [], []
    for year in (2015, 2016, 2017):
        doc_id = f"gov-report-{year}"
        text = normalised_texts[doc_id]
        pos, recs = 0, []
        for par in text.split("\n"):
            recs += extract_policy_refs(par, offset=pos)
            pos += len(par) + 1
        rows += [{"doc_id": doc_id, "task_id": None, "section_id": None, **asdict(r)} for r in resolve_ref_keys(recs)]
        docs.append((doc_id, "国务院", "gov-report", year, "ok"))
    out = build_policy_lifecycle(pd.DataFrame(rows), _documents(*docs))
    made = out[out["ref_key"] == "中国制造2025"]
    assert made[["year", "action", "first_year", "n_years"]].values.tolist() == [
        [2016, "implement", 2016, 2],
        [2017, "implement", 2016, 2],
    ]
    plan = out[out["ref_key"] == "国民经济和社会发展第十三个五年规划纲要"]
    assert plan[["year", "action"]].values.tolist() == [[2016, "draft"]]
