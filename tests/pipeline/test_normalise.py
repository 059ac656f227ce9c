"""Normalisation: the text every offset points into."""

from __future__ import annotations

import pytest

from pipeline.ingest.normalise import normalise


def test_normalise_folds_full_width_digits_and_letters():
    # gov-report 1994: １９９３年 … ６．５％
    assert normalise("１９９３年增长６．５％，ＧＤＰ") == "1993年增长6.5%，GDP"


def test_normalise_keeps_full_width_punctuation():
    assert normalise("（一）继续创新，确保经济运行。") == "（一）继续创新，确保经济运行。"


def test_normalise_drops_zero_width():
    assert normalise("新开\u200b办\ufeff公办") == "新开办公办"


def test_normalise_rejoins_wikisource_links():
    # gov-report 2019: 细颗粒物（PM\n2.5\n）浓度继续下降
    raw = "各位代表：\n\n污染防治得到加强，细颗粒物（PM\n2.5\n）浓度继续下降。\n\n二、总体要求\n"
    assert normalise(raw) == "各位代表：\n污染防治得到加强，细颗粒物（PM2.5）浓度继续下降。\n二、总体要求"


def test_normalise_rejoins_broken_policy_titles():
    # gov-report 2006: 制定了《\n国家中长期科学和技术发展规划纲要\n》。
    raw = "甲。\n\n制定了《\n国家中长期科学和技术发展规划纲要\n》。\n\n乙。"
    assert "制定了《国家中长期科学和技术发展规划纲要》。" in normalise(raw)


def test_normalise_keeps_one_paragraph_per_line_sources():
    # dalian-edu 2018: one paragraph per line, indented
    raw = "2018年工作要点\n  一、聚焦根本保证\n  1.持续推动。以学习为主线。\n"
    assert normalise(raw) == "2018年工作要点\n一、聚焦根本保证\n1.持续推动。以学习为主线。"


def test_normalise_drops_web_page_footer():
    raw = "  31.凝聚教育发展合力。各项工作。\n编辑: yy\n打印 关闭\n\n上一篇:\n\n下一篇:\n\nProduced By 大汉网络 大汉版通发布系统"
    assert normalise(raw) == "31.凝聚教育发展合力。各项工作。"


def test_normalise_converts_traditional():
    # gov-report 1954
    assert normalise("我們第一屆全國人民代表大會") == "我们第一届全国人民代表大会"


def test_normalise_joins_spaced_digits():
    # gov-report 1998 heading: 关于1 9 9 8 年政府工作的建议
    assert normalise("二、关于1 9 9 8 年政府工作的建议") == "二、关于1998 年政府工作的建议"
    # the digit after a decimal point joins too (gov-report 1998: 1 0 ．0 6 ‰ was read as
    # 6‰ with "10.0" left in the subject; the second audit, in-sample), not the first digit
    # of the next number of a flattened table
    assert normalise("人口自然增长率下降到1 0 ．0 6 ‰。") == "人口自然增长率下降到10 .06 ‰。"
    assert normalise("1.5 2.3 4.1") == "1.5 2.3 4.1"
    assert normalise("1 .5 2.3") == "1 .5 2.3"


@pytest.mark.parametrize("doc_id", ["gov-report-1954", "gov-report-1994", "gov-report-2019", "dalian-edu-2018"])
def test_normalise_is_idempotent_on_corpus(normalised_texts, doc_id):
    text = normalised_texts[doc_id]
    assert normalise(text) == text
    assert "\u200b" not in text and "１" not in text
