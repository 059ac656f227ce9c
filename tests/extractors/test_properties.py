"""Every extractor on arbitrary and mutated text: never raises, offsets always hold."""

from __future__ import annotations

import importlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.context import Context

EXTRACTORS = [
    ("extractors.quantities", "extract_quantities"),
    ("extractors.times", "extract_times"),
    ("extractors.policy_refs", "extract_policy_refs"),
    ("extractors.entities", "extract_entities"),
]

# Sentences from the corpus (dalian-edu 2018, gov-report 2019/1994), mutated below.
SEEDS = [
    "新开办公办幼儿园15所，完成暖校舍改造3万平方米。",
    "国内生产总值增长6%－6.5%；城镇新增就业1100万人以上，城镇调查失业率5.5%左右。",
    "扩增普通高中优质资源出台《大连市高中阶段教育普及攻坚计划实施方案(2018-2020年)》。",
    "今年计划国内生产总值增长百分之九，到2020年底前完成“十三五”规划目标。",
    "深入推进“两学一做”学习教育常态化制度化，落实教育部“2018年教育系统党建质量年”工作部署。",
]


def _extractor(module, name):
    try:
        return getattr(importlib.import_module(module), name)
    except ModuleNotFoundError:
        pytest.fail(f"{module} is missing")


def _check(extract, text, offset, context):
    for rec in extract(text, offset=offset, context=context):
        assert offset <= rec.char_start <= rec.char_end <= offset + len(text)
        assert text[rec.char_start - offset : rec.char_end - offset] == rec.text
        assert rec.sentence is None or isinstance(rec.sentence, str)


_mutation = st.tuples(st.integers(0, 200), st.integers(0, 200), st.text(max_size=6))


@pytest.mark.parametrize("module,name", EXTRACTORS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(max_size=120),
    offset=st.integers(0, 10_000),
    year=st.one_of(st.none(), st.integers(1949, 2100)),
    part=st.sampled_from(["plan", "review", "other"]),
)
def test_properties_random_unicode_never_raises(module, name, text, offset, year, part):
    _check(_extractor(module, name), text, offset, Context(year=year, part=part))


@pytest.mark.parametrize("module,name", EXTRACTORS)
@settings(max_examples=150, deadline=None)
@given(seed=st.sampled_from(SEEDS), mutations=st.lists(_mutation, max_size=4))
def test_properties_mutated_corpus_sentences(module, name, seed, mutations):
    text = seed
    for a, b, insert in mutations:
        a, b = sorted((a % (len(text) + 1), b % (len(text) + 1)))
        text = text[:a] + insert + text[b:]
    _check(_extractor(module, name), text, 7, Context(year=2018))
