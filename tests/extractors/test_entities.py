"""Tests for extractors/entities.py: the spaCy entity pipeline (#7)."""

from __future__ import annotations

import csv
import importlib.util
import json
import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import entities
from extractors.context import Context
from extractors.entities import (
    build_nlp, extract_entities, extract_entities_batch, load_context_rules, load_ruler_patterns,
)
from extractors.errors import DataFileError

ROOT = Path(__file__).resolve().parents[2]


def found(sentence: str) -> set[tuple[str, str]]:
    return {(e.text, e.label) for e in extract_entities(sentence, nlp=build_nlp(use_model=False))}


# (sentence, entities that must be found); sources in comments.
FOUND = [
    # dalian-edu-2018
    ("深入实施“一线筑垒”工程,组织广大党员教师亮明身份", {("“一线筑垒”", "PROGRAM")}),
    ("推进“满天星”校园足球精英训练营布局与建设。", {("“满天星”", "PROGRAM")}),
    ("推行“互联网+”政务服务,推进教育政务信息系统整合共享", {("“互联网+”", "PROGRAM")}),
    ("紧紧围绕统筹推进“五位一体”总体布局和协调推进“四个全面”战略布局",
     {("“五位一体”", "PROGRAM"), ("“四个全面”", "PROGRAM")}),
    ("开展“不忘初心、牢记使命”主题教育。", {("“不忘初心、牢记使命”", "PROGRAM")}),
    ("依托市委宣讲团,深入开展面对面宣讲", {("市委宣讲团", "ORG")}),
    ("落实教育部“2018年教育系统党建质量年”工作部署。",
     {("教育部", "ORG"), ("“2018年教育系统党建质量年”", "PROGRAM")}),
    ("以大职院为牵动,加快发展中高职贯通学历教育。", {("大职院", "ORG")}),
    ("组建国家老年开放大学大连分院。", {("国家老年开放大学大连分院", "ORG")}),
    ("适应辽宁省新高考改革方案", {("辽宁省", "GPE")}),
    ("与贵州六盘水市开展教育协作。", {("贵州", "GPE"), ("六盘水市", "GPE")}),
    ("每个区市县至少要建设2个示范性资源教室(花园口、长兴岛除外)",
     {("花园口", "GPE"), ("长兴岛", "GPE")}),
    ("对照大连未来城市发展构想", {("大连", "GPE")}),
    ("深化沪连教育合作", {("沪连", "GPE")}),
    ("深入学习宣传全国“时代楷模”曲建武先进事迹", {("曲建武", "PERSON")}),
    # gov-report-2018: a place glued to a noun by jieba (台湾同胞) is still found
    ("向香港特别行政区同胞、澳门特别行政区同胞、台湾同胞和海外侨胞", {("台湾", "GPE")}),
    # gov-report-1994
    ("组建国家开发银行，为基础性重点建设", {("国家开发银行", "ORG")}),
    ("进一步搞好经济特区、上海浦东新区、沿海开放城市", {("上海浦东新区", "GPE")}),
]


@pytest.mark.parametrize("sentence, expected", FOUND)
def test_entities_found(sentence, expected):
    assert expected <= found(sentence)


# (sentence, (text, label) pairs that must NOT be found); ANNOTATION.md / gold README
NOT_FOUND = [
    # generic nouns (dalian-edu-2018)
    ("将全面从严治党要求落实到每所学校、每个党支部和教师党员。", {("学校", "ORG"), ("党支部", "ORG")}),
    # 我国 is no name (gov-report-2018)
    ("我国经济实力跃上新台阶", {("我国", "GPE")}),
    # a plan period is a time, not a programme (dalian-edu-2018)
    ("扎实推进大连教育“十三五”规划实施", {("“十三五”", "PROGRAM")}),
    # X政府: the place is the entity (gov-report-1994)
    ("中国政府将一如既往", {("中国政府", "ORG")}),
    # names inside a 《…》 title belong to the title (gov-report-1994)
    ("认真落实《中国教育改革和发展纲要》", {("中国", "GPE")}),
    # 长治久安 is an idiom, not the city 长治 (gov-report-1994)
    ("是社会稳定和国家长治久安的基础", {("长治", "GPE")}),
]


@pytest.mark.parametrize("sentence, unwanted", NOT_FOUND)
def test_entities_not_found(sentence, unwanted):
    assert not unwanted & found(sentence)


def test_entities_program_text_is_the_quoted_name():
    # dalian-edu-2018: the suffix 工程 is context, the quotes are part of the name
    (ent,) = [e for e in extract_entities("深入实施“一线筑垒”工程", nlp=build_nlp(use_model=False))
              if e.label == "PROGRAM"]
    assert ent.text == "“一线筑垒”"
    assert (ent.char_start, ent.char_end) == (4, 10)


def test_entities_offsets_and_sentence():
    text = "依托市委宣讲团,深入开展面对面宣讲。落实教育部部署。"
    ents = extract_entities(text, offset=100, nlp=build_nlp(use_model=False))
    org = [e for e in ents if e.text == "教育部"][0]
    assert (org.char_start, org.char_end) == (100 + text.index("教育部"), 100 + text.index("教育部") + 3)
    assert org.sentence == "落实教育部部署。"
    assert org.source == "rule"


def test_entities_batch_matches_single():
    passages = [("依托市委宣讲团", 0), ("", 7), ("与贵州六盘水市开展教育协作。", 8)]
    nlp = build_nlp(use_model=False)
    batch = extract_entities_batch(passages, Context(), nlp=nlp)
    assert batch == [extract_entities(t, offset=o, nlp=nlp) for t, o in passages]
    assert batch[1] == []


def _corpus_paragraphs():
    from pipeline.ingest.normalise import normalise

    with open(ROOT / "corpus" / "MANIFEST.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        text = normalise((ROOT / "corpus" / row["path"]).read_text(encoding="utf-8"))
        start = 0
        for line in text.split("\n"):
            yield text, line, start
            start += len(line) + 1


@pytest.mark.slow
def test_entities_offsets_invariant_whole_corpus():
    items = list(_corpus_paragraphs())
    results = extract_entities_batch([(line, start) for _, line, start in items], Context())
    seen = 0
    for (text, line, start), ents in zip(items, results, strict=True):
        for e in ents:
            assert text[e.char_start:e.char_end] == e.text
            assert e.label in entities.LABELS and e.source in ("rule", "model")
            assert e.text in e.sentence and e.sentence in line
            seen += 1
    assert seen > 3000


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=80))
def test_entities_never_raise_on_random_text(text):
    for e in extract_entities(text, offset=5, nlp=build_nlp(use_model=False)):
        assert text[e.char_start - 5:e.char_end - 5] == e.text


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet="“”《》大连市教育部国务院两学一做沪连合作、，。 \n\t\u3000", max_size=60))
def test_entities_never_raise_on_entity_like_text(text):
    for e in extract_entities(text, nlp=build_nlp(use_model=False)):
        assert text[e.char_start:e.char_end] == e.text


# --- data files -----------------------------------------------------------------------

@pytest.mark.parametrize("name", ["gazetteer_gpe.jsonl", "gazetteer_gpe_extra.jsonl", "gazetteer_org.jsonl",
                                  "gazetteer_person.jsonl"])
def test_entities_ruler_files_load(name):
    patterns = load_ruler_patterns(name)
    assert patterns and all(p["label"] in entities.LABELS for p in patterns)


@pytest.mark.parametrize("name", ["program_patterns.jsonl", "gpe_context_patterns.jsonl", "person_patterns.jsonl"])
def test_entities_context_files_load(name):
    rules, _ = load_context_rules(name)
    assert rules


@pytest.mark.parametrize("content, problem", [
    ('{"label": "PLACE", "pattern": "大连"}\n', "label"),
    ('{"label": "GPE", "pattern": "大连", "colour": 1}\n', "colour: unknown key"),
    ("not json\n", "not JSON"),
    ('{"label": "GPE", "pattern": ""}\n', "empty pattern"),
    ("// only a comment\n", "no patterns"),
])
def test_entities_bad_ruler_file_raises(tmp_path, monkeypatch, content, problem):
    (tmp_path / "bad.jsonl").write_text(content, encoding="utf-8")
    monkeypatch.setattr(entities, "DATA_DIR", tmp_path)
    with pytest.raises(DataFileError, match=problem) as info:
        entities.load_ruler_patterns.__wrapped__("bad.jsonl")
    assert "bad.jsonl" in info.value.path
    assert pickle.loads(pickle.dumps(info.value)).problem == info.value.problem


@pytest.mark.parametrize("content, problem", [
    ('{"label": "PROGRAM", "pattern": "x", "trim_left": -1}\n', "trim_left"),
    ('{"label": "PROGRAM", "pattern": "x", "followed_by": "("}\n', "followed_by"),
    ('{"exclude_regex": "x", "label": "PROGRAM"}\n', "label: unknown key"),
])
def test_entities_bad_context_file_raises(tmp_path, monkeypatch, content, problem):
    (tmp_path / "bad.jsonl").write_text(content, encoding="utf-8")
    monkeypatch.setattr(entities, "DATA_DIR", tmp_path)
    with pytest.raises(DataFileError, match=problem):
        entities.load_context_rules.__wrapped__("bad.jsonl")


def test_entities_unknown_segmenter_raises():
    with pytest.raises(DataFileError, match="segmenter"):
        entities.load_config("char")


def test_entities_gazetteer_up_to_date():
    """The committed GPE gazetteer is what build_gazetteer.py makes from cpca."""
    if importlib.util.find_spec("cpca") is None:
        pytest.skip("cpca (the gazetteer extra) is not installed: cannot regenerate")
    from tools import build_gazetteer

    committed = (ROOT / "extractors" / "data" / "gazetteer_gpe.jsonl").read_text(encoding="utf-8")
    assert committed == build_gazetteer.render(), "run: python -m tools.build_gazetteer"


def test_entities_gazetteer_short_forms():
    rows = [json.loads(line) for line in
            (ROOT / "extractors" / "data" / "gazetteer_gpe.jsonl").read_text(encoding="utf-8").splitlines()
            if line.startswith("{")]
    names = {r["pattern"] for r in rows}
    assert {"大连市", "大连", "辽宁省", "辽宁", "广西壮族自治区", "广西", "六盘水"} <= names
    assert not {"和平", "新建", "郊区", "市辖区"} & names  # common words, no places


@pytest.mark.slow
def test_entities_userdict_up_to_date():
    """The generated block of userdict.txt is what build_userdict.py makes of the corpus."""
    from tools import build_userdict

    path = ROOT / "extractors" / "data" / "userdict.txt"
    assert path.read_text(encoding="utf-8") == build_userdict.render(path=path), \
        "run: python -m tools.build_userdict"


def test_entities_userdict_keeps_hand_lines(tmp_path):
    from tools import build_userdict

    path = tmp_path / "userdict.txt"
    path.write_text(f"城镇新增就业 3000 n\n{build_userdict.BEGIN}\n旧词 1\n{build_userdict.END}\n国内生产总值 3000 n\n",
                    encoding="utf-8")
    assert build_userdict.hand_lines(path) == ["城镇新增就业 3000 n", "国内生产总值 3000 n"]


# --- model and segmenters ---------------------------------------------------------------

def test_entities_model_entities_marked():
    nlp = build_nlp()
    ents = extract_entities("组建国家开发银行，深化沪连教育合作。", nlp=nlp)
    assert {e.source for e in ents} <= {"rule", "model"}
    assert ("国家开发银行", "rule") in {(e.text, e.source) for e in ents}


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    """A ner trained in seconds from training/ner/config.cfg on one corpus sentence.

    The shipped pipeline may have no model (it ships only when it beats the rules), so
    the loading code is tested on a small model made here.
    """
    import spacy
    from spacy.training import Example

    config = spacy.util.load_config(ROOT / "training" / "ner" / "config.cfg")
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    # gov-report-1994: 徐洪刚 has no cue the rules know
    text = "学习徐洪刚见义勇为、不畏强暴的精神"
    doc = nlp.make_doc(text)
    example = Example.from_dict(doc, {"entities": [(2, 5, "PERSON")]})
    nlp.initialize(lambda: [example])
    for _ in range(40):
        nlp.update([example], sgd=None, drop=0.0)
    out = tmp_path_factory.mktemp("ner")
    nlp.to_disk(out)
    return out, text


def test_entities_model_adds_model_entities(tiny_model):
    path, text = tiny_model
    nlp = entities.load_nlp("jieba", path)
    assert nlp.pipe_names[-1] == "ner"
    got = {(e.text, e.label, e.source) for e in extract_entities(text, nlp=nlp)}
    assert ("徐洪刚", "PERSON", "model") in got
    # the rules' entities stay, marked as theirs
    got = {(e.text, e.source) for e in extract_entities("落实教育部部署。" + text, nlp=nlp)}
    assert ("教育部", "rule") in got


def test_entities_bad_model_dir_raises(tmp_path):
    (tmp_path / "config.cfg").write_text("[nlp]\nlang = \"zh\"\npipeline = [\"ner\"]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="trained ner"):
        entities.load_nlp("jieba", tmp_path)


def test_entities_pkuseg_backend():
    if importlib.util.find_spec("spacy_pkuseg") is None or importlib.util.find_spec("pkuseg") is None:
        pytest.skip("pkuseg backend (optional extra) is not installed")
    nlp = build_nlp("pkuseg", use_model=False)
    got = {(e.text, e.label) for e in extract_entities("落实教育部“2018年教育系统党建质量年”工作部署。", nlp=nlp)}
    assert ("教育部", "ORG") in got and ("“2018年教育系统党建质量年”", "PROGRAM") in got
