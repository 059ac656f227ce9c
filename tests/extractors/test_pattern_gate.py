"""The pattern gate: a passage skips the token Matcher only when no pattern could match it."""

from __future__ import annotations

import pytest

from extractors.pattern_gate import PatternGate, requirement

GPE_BODY = [{"ENT_TYPE": "GPE", "OP": "+"}, {"ORTH": {"IN": ["教育局", "财政局"]}}]
NATIONAL = [
    {"ORTH": "国家"},
    {"IS_ALPHA": True, "OP": "{1,3}"},
    {"ORTH": {"IN": ["银行", "总局"]}},
]


def test_pattern_gate_requirements_read_off_the_pattern():
    r = requirement(GPE_BODY)
    assert r.words == (frozenset({"教育局", "财政局"}),) and r.labels == frozenset({"GPE"})
    r = requirement(NATIONAL)
    assert r.words == (frozenset({"国家"}), frozenset({"银行", "总局"})) and not r.labels
    # optional and negated tokens require nothing; lower-case keys are spaCy's too
    r = requirement([{"orth": "市", "OP": "?"}, {"ORTH": "委", "OP": "!"}, {"text": "委员会", "OP": "{0,2}"}])
    assert not r.checkable


@pytest.mark.parametrize(
    "text,labels,expected",
    [
        ("大连市教育局印发通知。", ["GPE"], True),
        ("大连市教育局印发通知。", [], False),  # the GPE the first token needs was not found
        ("全市教育系统开展活动。", ["GPE"], False),  # no body word
        ("国家开发银行提供贷款。", [], True),
        ("国家支持银行业改革。", [], True),  # both words occur: the Matcher decides
        ("国家重视发展。", [], False),
    ],
)
def test_pattern_gate_could_match(text, labels, expected):
    assert PatternGate([GPE_BODY, NATIONAL]).could_match(text, labels) is expected


def test_pattern_gate_opens_for_every_passage_when_a_pattern_requires_nothing_checkable():
    gate = PatternGate([GPE_BODY, [{"IS_DIGIT": True}, {"LENGTH": 2}]])
    assert gate.always and gate.could_match("毫无关系的句子。", [])


@pytest.mark.slow
def test_pattern_gate_the_org_ruler_finds_the_same_entities_with_and_without_it(normalised_texts):
    """Every passage of the corpus: the gated ruler matches exactly what spaCy's would."""
    from spacy.pipeline import EntityRuler

    from extractors.entities import build_nlp

    nlp = build_nlp()
    ruler = nlp.get_pipe("org_ruler")
    before = nlp.pipe_names[: nlp.pipe_names.index("org_ruler")]
    passages = [line for text in normalised_texts.values() for line in text.split("\n") if line.strip()]
    skipped = 0
    with nlp.select_pipes(enable=before):
        for doc in nlp.pipe(passages):
            gated = ruler.match(doc)
            assert gated == EntityRuler.match(ruler, doc), doc.text
            skipped += not ruler._gate.could_match(doc.text, (e.label_ for e in doc.ents))
    assert skipped > len(passages) / 2  # the gate does skip most passages
