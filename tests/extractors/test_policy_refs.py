"""Tests for extractors/policy_refs.py: 《…》 references, their action, qualifier and key."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import language_data as ld
from extractors.errors import DataFileError
from extractors.policy_refs import (
    ACTIONS,
    POLICY_ACTIONS,
    build_policy_actions,
    extract_policy_refs,
    load_policy_actions,
    ref_key,
    resolve_ref_keys,
)

GOLD = Path(__file__).resolve().parents[1] / "gold"


def _refs(text: str) -> list[tuple[str, str | None, str, str | None]]:
    return [(r.title, r.qualifier, r.action, r.action_text) for r in extract_policy_refs(text)]


# (sentence, [(title, qualifier, action, action_text), ...])
CASES = [
    # dalian-edu 2018
    (
        "落实《关于加强中小学校党的建设工作的意见》,深入实施“一线筑垒”工程",
        [("关于加强中小学校党的建设工作的意见", None, "implement", "落实")],
    ),
    (
        "实施好《中小学德育工作指南》,不断丰富中小学德育工作实施途径",
        [("中小学德育工作指南", None, "implement", "实施好")],
    ),
    (
        "启动编制《大连教育现代化2035》。出台我市《关于深化教育体制机制改革的实施意见》。",
        [
            ("大连教育现代化2035", None, "draft", "启动编制"),
            ("关于深化教育体制机制改革的实施意见", "我市", "issue", "出台"),
        ],
    ),
    (
        "扎实实施《大连市第三期学前教育行动计划(2017-2020年)》。新开办公办幼儿园15所",
        [("大连市第三期学前教育行动计划(2017-2020年)", None, "implement", "扎实实施")],
    ),
    (
        "贯彻《幼儿园工作规程》,规范幼儿园办园行为。深入落实《3-6岁儿童学习与发展指南》,",
        [("幼儿园工作规程", None, "implement", "贯彻"), ("3-6岁儿童学习与发展指南", None, "implement", "深入落实")],
    ),
    (
        "17.扩增普通高中优质资源出台《大连市高中阶段教育普及攻坚计划实施方案(2018-2020年)》。",
        [("大连市高中阶段教育普及攻坚计划实施方案(2018-2020年)", None, "issue", "出台")],
    ),
    (
        "出台并实施《大连市第二期特殊教育提升计划实施方案》,推进市级融合教育改革试点项目",
        [("大连市第二期特殊教育提升计划实施方案", None, "issue", "出台并实施")],
    ),
    (
        "修订大连市中小学《学生学业质量标准》和《课堂教学评价标准》。",
        [
            ("学生学业质量标准", "大连市中小学", "revise", "修订"),
            ("课堂教学评价标准", "大连市中小学", "revise", "修订"),
        ],
    ),
    (
        "贯彻落实《国务院办公厅关于深化产教融合的若干意见》。",
        [("国务院办公厅关于深化产教融合的若干意见", None, "implement", "贯彻落实")],
    ),
    (
        "落实《大连市教育信息化发展规划(2016—2020年)》《大连市智慧校园建设标准》建设任务。",
        [
            ("大连市教育信息化发展规划(2016—2020年)", None, "implement", "落实"),
            ("大连市智慧校园建设标准", None, "implement", "落实"),
        ],
    ),
    (
        "落实《中共中央政治局贯彻落实中央八项规定实施细则》和省委、市委实施办法",
        [("中共中央政治局贯彻落实中央八项规定实施细则", None, "implement", "落实")],
    ),
    # gov-report 2004: one compound verb governs a 和-list
    (
        "制定并组织实施《国家公共卫生监测信息体系建设规划》和《突发公共卫生事件医疗救治体系建设规划》，",
        [
            ("国家公共卫生监测信息体系建设规划", None, "issue", "制定并组织实施"),
            ("突发公共卫生事件医疗救治体系建设规划", None, "issue", "制定并组织实施"),
        ],
    ),
    # gov-report 2000: a 、-list
    (
        "严格执行《建筑法》、《招标投标法》，建立健全和严格执行项目法人责任制",
        [("建筑法", None, "implement", "严格执行"), ("招标投标法", None, "implement", "严格执行")],
    ),
    # gov-report 2006: review part, 颁布 is issue as in a plan
    (
        "制定并颁布了《重大动物疫情应急条例》、《关于预防煤矿生产安全事故的特别规定》等22部行政法规。",
        [
            ("重大动物疫情应急条例", None, "issue", "制定并颁布"),
            ("关于预防煤矿生产安全事故的特别规定", None, "issue", "制定并颁布"),
        ],
    ),
    # gov-report 2005: suffixes after the items override the verb
    (
        "提出了《公司法》、《传染病防治法》修订草案和《公务员法》草案等7部法律议案",
        [
            ("公司法", None, "revise", "修订草案"),
            ("传染病防治法", None, "revise", "修订草案"),
            ("公务员法", None, "draft", "草案"),
        ],
    ),
    # gov-report 2005: 审议 of a draft law is draft (not yet adopted)
    (
        "这次大会将要审议的《反分裂国家法（草案）》，充分体现我们以最大的诚意",
        [("反分裂国家法（草案）", None, "draft", "审议")],
    ),
    # gov-report 1979: nominal 的制定 after the title; 提请…审议 after it
    (
        "全国科学大会的召开和《一九七八——一九八五年全国科学技术发展规划纲要（草案）》的制定，推动了",
        [("一九七八——一九八五年全国科学技术发展规划纲要（草案）", None, "issue", "制定")],
    ),
    (
        "《中华人民共和国中外合资经营企业法》已经由人大常委会提请本次会议审议；",
        [("中华人民共和国中外合资经营企业法", None, "draft", "提请")],
    ),
    # gov-report 1984: 根据 governs an attributive phrase with its own verb
    (
        "根据一九八三年九月人大常委会第二次会议通过的《关于严惩严重危害社会治安的犯罪分子的决定》，",
        [("关于严惩严重危害社会治安的犯罪分子的决定", None, "other", "根据")],
    ),
    # gov-report 2006: 通过 by a plenum is issue
    (
        "党的十六届五中全会通过的《中共中央关于制定国民经济和社会发展第十一个五年规划的建议》，提出了",
        [("中共中央关于制定国民经济和社会发展第十一个五年规划的建议", None, "issue", "通过")],
    ),
    # gov-report 1981 and 2005: issuer written outside the brackets is the qualifier
    (
        "我们必须认真执行中共中央和国务院《关于加强职工教育工作的决定》，",
        [("关于加强职工教育工作的决定", "中共中央和国务院", "implement", "认真执行")],
    ),
    (
        "继续抓紧落实国务院《关于推进资本市场改革开放和稳定发展的若干意见》，",
        [("关于推进资本市场改革开放和稳定发展的若干意见", "国务院", "implement", "继续抓紧落实")],
    ),
    # gov-report 2001: plan-period qualifier before a short form
    ("“十五”计划《纲要》，体现了以下重要指导方针。", [("纲要", "“十五”计划", "other", None)]),
    # gov-report 2004: 实施新一轮《…》
    (
        "实施新一轮《教育振兴行动计划》，重点加强义务教育特别是农村教育。",
        [("教育振兴行动计划", "新一轮", "implement", "实施")],
    ),
    # gov-report 1998
    (
        "我国已经加入1 7 个国际人权公约，签署了联合国《经济、社会与文化权利国际公约》，并且正在研究加入《公民权利和政治权利国际公约》。",
        [
            ("经济、社会与文化权利国际公约", "联合国", "other", "签署"),
            ("公民权利和政治权利国际公约", None, "other", "加入"),
        ],
    ),
    ("我国第一部《国防法》开始实施。", [("国防法", None, "implement", "开始实施")]),
    # gov-report 2016/2017/2018/2019 (gold)
    ("启动实施《中国制造2025》，设立国家新兴产业创业投资引导基金", [("中国制造2025", None, "implement", "启动实施")]),
    ("享受《中国制造2025》政策等方面，对内外资企业一视同仁。", [("中国制造2025", None, "other", "享受")]),
    ("制定实施《中国教育现代化2030》。", [("中国教育现代化2030", None, "issue", "制定实施")]),
    ("积极推动《巴黎协定》签署生效，", [("巴黎协定", None, "other", "积极推动")]),
    (
        "全面贯彻落实习近平总书记在《告台湾同胞书》发表40周年纪念会上的重要讲话精神，",
        [("告台湾同胞书", None, "other", None)],
    ),
    # gov-report 1988
    (
        "尽快制定《国家公务员条例》，研究制定《国家公务员法》，开办行政学院",
        [("国家公务员条例", None, "issue", "尽快制定"), ("国家公务员法", None, "draft", "研究制定")],
    ),
]


@pytest.mark.parametrize("sentence,expected", CASES)
def test_policy_refs_corpus_sentences(sentence, expected):
    assert _refs(sentence) == expected


# Patterns common in work plans that this corpus lacks (invented around corpus titles).
EDGE_CASES = [
    ("落实好《中小学德育工作指南》。", [("中小学德育工作指南", None, "implement", "落实好")]),
    # 通过 before another verb is "by": 通过实施 is implement; alone it is adopt (gov-report 1997)
    ("通过实施《中国制造2025》，推动传统产业改造提升。", [("中国制造2025", None, "implement", "实施")]),
    (
        "七届全国人大三次会议通过《中华人民共和国香港特别行政区基本法》。",
        [("中华人民共和国香港特别行政区基本法", None, "issue", "通过")],
    ),
    # a weak verb yields to the nominal after the title
    ("启动《大连市教育信息化发展规划》修订工作。", [("大连市教育信息化发展规划", None, "revise", "修订")]),
    # a verb before a list that starts with a non-title item governs the title too
    (
        "深入学习贯彻党的十九大精神和《中国教育现代化2035》，",
        [("中国教育现代化2035", None, "implement", "深入学习贯彻")],
    ),
    ("做好《义务教育法》宣传贯彻工作。", [("义务教育法", None, "implement", "贯彻")]),
    ("启动修订《大连市智慧校园建设标准》。", [("大连市智慧校园建设标准", None, "revise", "启动修订")]),
    ("组织编制《大连市教育设施布局规划》。", [("大连市教育设施布局规划", None, "draft", "组织编制")]),
    (
        "对《大连市第三期学前教育行动计划》实施情况开展督导检查。",
        [("大连市第三期学前教育行动计划", None, "evaluate", "督导")],
    ),
    (
        "开展《大连市第三期学前教育行动计划》实施情况督查。",
        [("大连市第三期学前教育行动计划", None, "evaluate", "督查")],
    ),
    (
        "落实教育部《关于加强中小学校党的建设工作的意见》。",
        [("关于加强中小学校党的建设工作的意见", "教育部", "implement", "落实")],
    ),
    (
        "出台了《大连市智慧校园建设标准》，颁布了《幼儿园工作规程》",
        [("大连市智慧校园建设标准", None, "issue", "出台"), ("幼儿园工作规程", None, "issue", "颁布")],
    ),
]


@pytest.mark.parametrize("sentence,expected", EDGE_CASES)
def test_policy_refs_edge_cases(sentence, expected):
    assert _refs(sentence) == expected


def test_policy_refs_alias_takes_key_of_full_title():
    text = "印发《国家中长期教育改革和发展规划纲要（2010-2020年）》（以下简称《教育规划纲要》）。落实《教育规划纲要》。"
    refs = resolve_ref_keys(extract_policy_refs(text))
    assert [(r.title, r.action) for r in refs] == [
        ("国家中长期教育改革和发展规划纲要（2010-2020年）", "issue"),
        ("教育规划纲要", "other"),
        ("教育规划纲要", "implement"),
    ]
    assert {r.ref_key for r in refs} == {"国家中长期教育改革和发展规划纲要"}


@pytest.mark.parametrize(
    "sentence,title",
    [
        # nested brackets stay in the title (edge case the corpus lacks)
        ("印发《关于〈中华人民共和国教育法〉修正案的决定》。", "关于〈中华人民共和国教育法〉修正案的决定"),
        ("印发《关于《学前教育法》的说明》。", "关于《学前教育法》的说明"),
    ],
)
def test_policy_refs_nested_brackets_one_reference(sentence, title):
    refs = extract_policy_refs(sentence)
    assert [(r.title, r.action) for r in refs] == [(title, "issue")]
    assert refs[0].text == f"《{title}》"


def test_policy_refs_title_broken_across_a_line_is_rejoined():
    text = "深入落实《3-6岁儿童学习\n与发展指南》,规范幼儿园课程管理。"
    (ref,) = extract_policy_refs(text, offset=7)
    assert ref.title == "3-6岁儿童学习与发展指南"
    assert text[ref.char_start - 7 : ref.char_end - 7] == ref.text
    assert ref.action == "implement"


@pytest.mark.parametrize("text", ["出台《没有结束", "》《", "《", "》》《《", "落实《》"])
def test_policy_refs_unclosed_or_empty(text):
    refs = extract_policy_refs(text)
    assert all(text[r.char_start : r.char_end] == r.text for r in refs)
    assert all(r.text.startswith("《") and r.text.endswith("》") for r in refs)


def test_policy_refs_offsets_and_sentence():
    # dalian-edu 2018, item 19
    text = "19.提升基础教育质量。出台《大连市义务教育学校管理标准达标评估细则》,创评管理标准化示范学校。"
    (ref,) = extract_policy_refs(text, offset=1000)
    assert (ref.char_start, ref.char_end) == (1000 + text.index("《"), 1000 + text.index("》") + 1)
    assert ref.sentence == "出台《大连市义务教育学校管理标准达标评估细则》,创评管理标准化示范学校。"


@pytest.mark.parametrize(
    "title,key",
    [
        ("大连市第三期学前教育行动计划(2017-2020年)", "第三期学前教育行动计划"),
        ("大连市教育信息化发展规划(2016—2020年)", "教育信息化发展规划"),
        ("国务院办公厅关于深化产教融合的若干意见", "深化产教融合的若干意见"),
        (
            "大连市人民政府关于鼓励社会力量兴办教育促进民办教育健康发展的实施意见",
            "鼓励社会力量兴办教育促进民办教育健康发展的实施意见",
        ),
        # dalian-edu 2018 cites 中共中央 国务院关于全面深化… without issuer and 关于
        ("中共中央 国务院关于全面深化新时代教师队伍建设改革的意见", "全面深化新时代教师队伍建设改革的意见"),
        ("教育部等九部门关于印发中小学生减负措施的通知", "印发中小学生减负措施的通知"),
        ("中华人民共和国公司法", "公司法"),
        ("中华人民共和国澳门特别行政区基本法", "澳门特别行政区基本法"),
        ("澳门特别行政区基本法（草案）", "澳门特别行政区基本法"),
        ("国民经济和社会发展第十三个五年规划纲要（草案）", "国民经济和社会发展第十三个五年规划纲要"),
        ("纲要草案", "纲要"),
        ("关于〈中华人民共和国教育法〉修正案的决定", "教育法修正案的决定"),
        # an issuer that is part of the name, not before 关于, stays
        ("中共中央政治局贯彻落实中央八项规定实施细则", "中共中央政治局贯彻落实中央八项规定实施细则"),
        ("中国制造2025", "中国制造2025"),
    ],
)
def test_policy_refs_ref_key(title, key):
    assert ref_key(title) == key


def test_policy_refs_same_document_written_differently_same_key():
    assert ref_key("中华人民共和国香港特别行政区基本法") == ref_key("香港特别行政区基本法")
    assert ref_key("中共中央关于制定国民经济和社会发展第十个五年计划的建议") == ref_key(
        "关于制定国民经济和社会发展第十个五年计划的建议"
    )


def test_policy_refs_resolve_short_forms_to_earlier_full_title():
    # gov-report 2016
    text = (
        "根据《中共中央关于制定国民经济和社会发展第十三个五年规划的建议》，国务院编制了"
        "《国民经济和社会发展第十三个五年规划纲要（草案）》，提交大会审查。\n"
        "《纲要草案》紧紧围绕全面建成小康社会奋斗目标"
    )
    refs = resolve_ref_keys(extract_policy_refs(text))
    assert [r.ref_key for r in refs] == [
        "制定国民经济和社会发展第十三个五年规划的建议",
        "国民经济和社会发展第十三个五年规划纲要",
        "国民经济和社会发展第十三个五年规划纲要",
    ]
    assert refs[1].action == "draft"


def test_policy_refs_resolve_keeps_order_and_unmatched_short_forms():
    refs = extract_policy_refs("根据《建议》精神。落实《关于加强中小学校党的建设工作的意见》。")
    resolved = resolve_ref_keys(list(reversed(refs)))
    # no full title before 《建议》: it keeps its own key
    assert [r.ref_key for r in resolved] == ["加强中小学校党的建设工作的意见", "建议"]


def test_policy_refs_short_law_names_are_not_short_forms():
    # 《建筑法》 (gov-report 1999/2000) names a law in full; it must not take the key of an
    # earlier title that merely ends with it
    refs = resolve_ref_keys(extract_policy_refs("制定《村镇建筑法》。严格执行《建筑法》。"))
    assert [r.ref_key for r in refs] == ["村镇建筑法", "建筑法"]


def test_policy_refs_whole_documents_resolve(normalised_texts):
    # gov-report 2001: every 《纲要》 after the full title links to it
    text = normalised_texts["gov-report-2001"]
    refs = resolve_ref_keys(extract_policy_refs(text))
    short = [r for r in refs if r.title in ("纲要", "纲要（草案）")]
    assert len(short) == 5
    assert {r.ref_key for r in short} == {"国民经济和社会发展第十个五年计划纲要"}


def test_policy_refs_verbs_longest_first():
    data = load_policy_actions()
    assert {"出台", "出台并实施", "落实", "修订", "启动编制", "根据"} <= set(data.verbs)
    assert [len(v) for v in data.verbs] == sorted((len(v) for v in data.verbs), reverse=True)
    assert {"深入", "扎实", "进一步"} <= set(data.adverbs)
    assert [len(a) for a in data.adverbs] == sorted((len(a) for a in data.adverbs), reverse=True)
    assert not set(data.adverbs) & set(data.verbs)


def test_policy_refs_data_file_loads():
    data = load_policy_actions()
    assert set(data.verb_action.values()) <= set(ACTIONS)
    assert data.verb_action["出台"] == "issue"
    assert data.verb_action["审议"] == "draft"


@pytest.mark.parametrize(
    "content,problem",
    [
        ("actions: [", "cannot read"),
        ("- 1\n", "mapping"),
        ("actions: {}\n", "missing"),
    ],
)
def test_policy_refs_bad_data_file(tmp_path, content, problem):
    path = tmp_path / "policy_actions.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=problem) as info:
        build_policy_actions(ld.check_file(POLICY_ACTIONS, path), path)
    err = pickle.loads(pickle.dumps(info.value))
    assert err.path == str(path) and problem in err.problem


def test_policy_refs_bad_action_and_pattern(tmp_path):
    good = POLICY_ACTIONS.path.read_text(encoding="utf-8")
    bad_action = good.replace("action: issue}", "action: publish}", 1)
    path = tmp_path / "a.yaml"
    path.write_text(bad_action, encoding="utf-8")
    with pytest.raises(DataFileError, match="'publish' is not one of"):
        build_policy_actions(ld.check_file(POLICY_ACTIONS, path), path)
    bad_pattern = good.replace('  - "新的|新一轮', '  - "(新的|新一轮', 1)
    path = tmp_path / "b.yaml"
    path.write_text(bad_pattern, encoding="utf-8")
    with pytest.raises(DataFileError, match="bad pattern"):
        build_policy_actions(ld.check_file(POLICY_ACTIONS, path), path)
    dup = good.replace("    - 签订\n", "    - 签订\n    - 出台\n", 1)
    path = tmp_path / "c.yaml"
    path.write_text(dup, encoding="utf-8")
    with pytest.raises(DataFileError, match="verb 出台 listed under issue and other"):
        build_policy_actions(ld.check_file(POLICY_ACTIONS, path), path)


@pytest.mark.slow
def test_policy_refs_offsets_invariant_whole_corpus(normalised_texts):
    n = 0
    for doc_id, text in normalised_texts.items():
        pos = 0
        for par in text.split("\n"):
            for r in extract_policy_refs(par, offset=pos):
                assert text[r.char_start : r.char_end] == r.text, (doc_id, r)
                assert r.text == f"《{r.title}》"
                assert r.action in ACTIONS
                assert r.sentence and r.text in r.sentence
                n += 1
            pos += len(par) + 1
        assert text.count("《") >= len(extract_policy_refs(text))
    # every 《 of the corpus is closed on its line, none nested: one reference each
    assert n == sum(t.count("《") for t in normalised_texts.values())


def _gold_refs(texts: dict[str, str]):
    """(doc_id, gold ref, span) for every gold file that annotates all refs of its document."""
    out = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold.get("complete", {}).get("policy_refs") != "document":
            continue
        text = texts[gold["doc_id"]]
        lines, pos, starts = text.split("\n"), 0, []
        for line in lines:
            starts.append(pos)
            pos += len(line) + 1
        for par in gold["paragraphs"]:
            hits = [i for i, line in enumerate(lines) if line.startswith(par["anchor"])]
            assert len(hits) == 1, (path.name, par["anchor"])
            line, base = lines[hits[0]], starts[hits[0]]
            for ref in par.get("policy_refs", []):
                k = -1
                for _ in range(ref["occurrence"]):
                    k = line.index(ref["text"], k + 1)
                out.append((gold["doc_id"], ref, (base + k, base + k + len(ref["text"]))))
    return out


@pytest.mark.issue(6)
def test_policy_refs_against_gold(normalised_texts):
    gold = _gold_refs(normalised_texts)
    if not gold:
        pytest.xfail("no gold file annotates policy_refs for a whole document yet")
    predicted = {}
    for doc_id in {d for d, _, _ in gold}:
        text = normalised_texts[doc_id]
        pos = 0
        for par in text.split("\n"):
            for r in extract_policy_refs(par, offset=pos):
                predicted[(doc_id, r.char_start, r.char_end)] = r
            pos += len(par) + 1
    titles = actions = details = 0
    for doc_id, ref, (s, e) in gold:
        got = predicted.get((doc_id, s, e))
        titles += got is not None and got.title == ref["title"]
        actions += got is not None and got.action == ref["action"]
        details += got is not None and (got.action_text, got.qualifier) == (ref["action_text"], ref["qualifier"])
    n_gold_docs = {d for d, _, _ in gold}
    n_pred = sum(1 for k in predicted if k[0] in n_gold_docs)
    assert titles == len(gold), "every gold title exact"
    assert actions >= 0.95 * len(gold)
    assert details >= 0.9 * len(gold), "action_text and qualifier as the gold writes them"
    assert n_pred == len(gold), "no reference the gold does not have"


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("《》〈〉出台落实修订和、的了在根据我市国务院草案，。\n 提请审议(2018-2020年)"))
        | st.characters(),
        max_size=80,
    ),
    st.integers(min_value=0, max_value=10_000),
)
def test_policy_refs_random_text_never_raises(text, offset):
    for r in extract_policy_refs(text, offset=offset):
        assert text[r.char_start - offset : r.char_end - offset] == r.text
        assert r.action in ACTIONS
    resolve_ref_keys(extract_policy_refs(text, offset=offset))
