"""Normalisation: the text every offset points into."""

from __future__ import annotations

import pytest

from pipeline.ingest.cells import display_width
from pipeline.ingest.normalise import LineLayout, normalise, normalise_with_layout


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


def test_normalise_drops_an_article_page_s_particulars():
    # a plan printed from a government site or saved with it: a line of date, source, hits
    # and the font-size switch under the title (the third blind PDF set's browser pages)
    for line in [
        "日期：2006年07月28日\t来源：国务院办公厅\t浏览次数：81742\t【字体：大 中 小】",
        "发布日期：2007-04-10 信息来源：国务院办公厅 字号：[ 大 中 小 ]",
        "2008-11-03 09:59来源：人民网\t【字体：大 中 小】\t【打印】",
    ]:
        assert normalise(f"政府工作报告\n{line}\n各位代表：") == "政府工作报告\n各位代表："
    kept = "二是调整字号和字体，做到大中小学校教材统一。"  # words of a plan stay
    assert normalise(kept) == kept


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


def _wrapped(paragraphs: list[str], width: int = 40, indent: str = "\u3000\u3000") -> str:
    """Paragraphs broken into lines at ``width`` display columns, as text copied out of a PDF."""
    from pipeline.evaluation.input_formats import as_wrapped

    return as_wrapped("\n".join(paragraphs), width=width, indent=indent).decode("utf-8")


_PLAN = [
    "某市2024年政府工作报告",
    "一、2023年工作回顾",
    "2023年，全市地区生产总值增长5.2%，一般公共预算收入增长6%，城镇新增就业3.1万人，居民人均可支配收入增长5.5%。",
    "二、2024年重点工作",
    "（一）坚持创新驱动，加快建设现代化产业体系",
    "实施先进制造业强市行动，新培育国家级专精特新“小巨人”企业10家，高新技术企业总数突破1200家，规模以上工业增加值增长6%。",
    "（二）深入实施扩大内需战略，着力稳定和扩大有效投资，推动消费持续恢复",
    "实施重点项目100个，完成投资500亿元，社会消费品零售总额增长6%，新建5G基站1000个，新增城市停车位2万个。",
]


@pytest.mark.parametrize("width", [40, 56, 72])
def test_lines_wrapped_at_a_margin_rejoin_into_their_paragraphs(width):
    # a line reaching the margin goes on in the next (一般公|共预算收入 used to stay broken,
    # the measure lost); an indented line opens a paragraph, a short one ends it
    assert normalise(_wrapped(_PLAN, width)) == "\n".join(_PLAN)


def test_a_margin_needs_lines_that_end_inside_sentences():
    # lines of one length that each end a sentence are paragraphs, not a margin
    sentence = "要完善相关政策措施，加大工作力度，推动各项任务落到实处，切实提高工作质量和效益。"
    raw = "\n".join(["一、总体要求", sentence, sentence, sentence, "二、重点工作", sentence, sentence])
    assert normalise(raw) == raw


_ITEMS = "推进学前教育普惠发展深化义务教育集团化办学加强教师队伍建设完善职业教育体系提升高等教育质量"


@pytest.mark.parametrize("numbered", [True, False])
def test_lines_of_about_one_length_without_stops_are_no_wrapped_text(numbered):
    # a list of task titles of 24–28 characters, without stops, one a line (1.推进… or
    # unnumbered): the longest lines end at about one width, inside no sentence, yet each is
    # a paragraph — the next opens with a marker, and no short line ends a sentence
    lines = ["某市教育局2024年工作要点"]
    for i in range(60):
        n = 24 + i % 5
        start = (7 * i) % (len(_ITEMS) - n)
        lines.append((f"{i + 1}." if numbered else "") + _ITEMS[start : start + n])
    assert normalise("\n".join(lines)) == "\n".join(lines)


def test_flush_wrapped_lines_rejoin_where_a_paragraph_ends_short():
    # no indentation: a short last line still ends its paragraph, and a numbered line after
    # a sentence's end opens one
    assert normalise(_wrapped(_PLAN, 40, indent="")) == "\n".join(_PLAN)


def test_flush_wrapped_paragraph_ending_at_the_margin_before_a_run_in_heading():
    # a paragraph whose last line fills the margin looks wrapped; when the next line opens
    # with a short whole sentence (a run-in heading, 扩大有效投资。) the stop at the margin
    # ends the paragraph. Without indentation only: an indented text shows its paragraphs.
    first = "推进产业升级。加快建设先进制造业基地，全年新培育高新技术企业两百家。"  # 34 wide characters
    assert display_width(first) == 68
    rest = [
        "扩大有效投资。实施重点项目一百个，完成投资五百亿元，带动社会投资持续增长，推进交通、水利、能源等重大基础设施建设，"
        "加快城市更新和老旧小区改造，新开工保障性租赁住房五千套。",
        "保障改善民生。",
    ]
    paragraphs = ["二、重点工作", first, *rest]
    assert normalise(_wrapped(paragraphs, 68, indent="")) == "\n".join(paragraphs)
    # a sentence ending at the margin inside a paragraph, a longer one after it: one paragraph
    long = first + "围绕产业链部署创新链，推动科技成果就地转化，培育一批专精特新企业。"
    assert normalise(_wrapped(["二、重点工作", long, *rest], 68, indent="")).split("\n")[1] == long


def _copied_pages(paragraphs: list[str], width: int = 60, page_lines: int = 8, header: str = "某市人民政府文件") -> str:
    """What a PDF viewer copies of ``paragraphs`` set in pages: lines broken at ``width``,
    each paragraph's first line indented two characters in the PDF (the copy keeps the
    narrower line, not the indentation), a running header atop each page and its number at
    the foot."""
    lines: list[str] = []
    for paragraph in paragraphs:
        indented = _wrapped([paragraph], width, indent="\u3000\u3000").split("\n")
        lines += [line.lstrip("\u3000") for line in indented]
    pages = [lines[i : i + page_lines] for i in range(0, len(lines), page_lines)]
    return "\n".join("\n".join([header, *page, f"- {k} -"]) for k, page in enumerate(pages, 1))


_REPORT = [
    "各位代表！",
    "过去一年，我们坚持稳中求进工作总基调，全市地区生产总值增长5.2%，一般公共预算收入增长6%，城镇新增就业3.1万人，"
    "居民人均可支配收入增长5.5%，“放管服”改革持续深化，营商环境不断优化，民生福祉持续增进。",
    "各位代表！",
    "今年是全面贯彻落实党的二十大精神的关键之年。做好政府工作，要坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，"
    "加快构建新发展格局，着力推动高质量发展，更好统筹发展和安全，推动经济实现质的有效提升和量的合理增长。",
    "主要预期目标是：地区生产总值增长5.5%左右，一般公共预算收入增长5%，城镇新增就业3万人以上，居民消费价格涨幅3%左右。",
    "各位代表！",
    "实施先进制造业强市行动，新培育国家级专精特新“小巨人”企业10家，高新技术企业总数突破1200家，规模以上工业增加值增长6%，"
    "数字经济核心产业增加值占地区生产总值比重提高到10%，新建5G基站1000个，建成省级以上工业互联网平台5个。",
    "实施重点项目100个，完成投资500亿元，社会消费品零售总额增长6%，推进交通、水利、能源等重大基础设施建设，"
    "加快城市更新和老旧小区改造，新开工保障性租赁住房五千套，新增城市停车位两万个，新建改建农村公路二百公里。",
]


def test_text_copied_out_of_a_pdf_loses_its_page_furniture_and_keeps_its_paragraphs():
    # the running header and the page numbers stand inside paragraphs that go on across
    # the page break; 各位代表！ recurs too, but after paragraph ends and at no page's distance
    copied = _copied_pages(_REPORT)
    assert copied.count("某市人民政府文件") >= 3 and "- 2 -" in copied
    assert normalise(copied) == "\n".join(_REPORT)


def test_the_first_lines_of_paragraphs_copied_without_their_indentation_go_on():
    # twelve two-line paragraphs and three long ones: the first lines, two characters short
    # of the margin (their indentation is not copied), outnumber the lines reaching it; the
    # margin is still the wider width, and a first line that falls short by its indentation
    # goes on
    short = [p[start : start + 48] + "。" for start in (0, 7, 15) for p in _REPORT if len(p) > 70]
    text = "".join(p for p in _REPORT if len(p) > 70)
    long = [text[k : k + 130] + "。" for k in (0, 140, 280)]
    paragraphs = short[:6] + long + short[6:]
    lines = _copied_pages(paragraphs, page_lines=1000, header="").split("\n")[:-1]
    widths = [display_width(line) for line in lines]
    full = sum(w >= 57 for w in widths)
    assert widths.count(56) > full >= 9  # first lines outnumber the lines reaching the margin
    assert normalise("\n".join(lines)) == "\n".join(paragraphs)


_HAN_TEXT = (
    "坚持稳中求进工作总基调完整准确全面贯彻新发展理念加快构建新发展格局着力推动高质量发展更好统筹发展和安全"
    "推动经济实现质的有效提升和量的合理增长持续改善民生保持社会大局稳定深化重点领域改革扩大高水平对外开放"
)


def _han(n: int, start: int = 0) -> str:
    """``n`` wide characters of plan text (no stop), from ``start`` on."""
    return (_HAN_TEXT * 3)[start : start + n]


def test_a_paragraph_ending_at_the_margin_ends_where_the_next_first_line_falls_short():
    # a PDF's copy at 60 columns: the first paragraph's last line fills the margin with its
    # stop. The next line, short by the two characters of indentation the copy lost and
    # ending inside a sentence, is a first line: the paragraph before ended at the margin
    # (it opens with no short whole sentence, the run-in sign, which no longer decides)
    filled = _han(27) + "，" + _han(29, 5) + "。"  # 4 + 56 columns, then 60
    paragraphs = [*_REPORT[:2], filled, "推进" + _han(60, 9) + "，" + _han(20, 3) + "。", *_REPORT[4:]]
    copied = _copied_pages(paragraphs, page_lines=1000, header="")
    assert any(display_width(line) == 60 and line.endswith("。") for line in copied.split("\n"))
    assert normalise(copied) == "\n".join(paragraphs)


def test_a_sentence_ending_at_the_margin_inside_a_pdf_copys_paragraph_goes_on():
    # a line of a paragraph fills the margin with a stop and the next opens with a short
    # whole sentence; it is a full line, not a first one short by its indentation: the
    # paragraph goes on (in a copy whose first lines lost their indentation the run-in sign
    # is not needed, and it broke paragraphs)
    inner = _han(27) + "，" + _han(29, 5) + "。" + "稳住外贸。" + _han(40, 7) + "。"
    paragraphs = [*_REPORT[:2], inner, *_REPORT[3:]]
    copied = _copied_pages(paragraphs, page_lines=1000, header="")
    assert "\n稳住外贸。" in copied
    assert normalise(copied) == "\n".join(paragraphs)


def test_a_line_ending_a_sentence_goes_on_only_if_the_next_word_would_not_have_fit():
    # a one-line paragraph ending two columns short of the margin after its lost indentation:
    # one more character would have fit, so the paragraph ended there (it was joined to
    # the next: a first line within seven columns of the margin went on)
    one_line = _han(26) + "。"  # 4 + 54 columns
    paragraphs = [*_REPORT[:2], one_line, _REPORT[3], *_REPORT[4:]]
    copied = _copied_pages(paragraphs, page_lines=1000, header="")
    assert one_line in copied.split("\n")
    assert normalise(copied) == "\n".join(paragraphs)


def test_a_numbered_first_line_short_by_its_lost_indentation_goes_on():
    # （4）… filling its line but for the indentation the copy lost is no heading on a line
    # of its own (gov-report 1958 copied out of a PDF: the item was cut after 吸收)
    item = "（4）" + _han(25, 2) + "，" + _han(40, 11) + "。"
    paragraphs = [*_REPORT[:2], item, *_REPORT[3:]]
    copied = _copied_pages(paragraphs, page_lines=1000, header="")
    assert normalise(copied) == "\n".join(paragraphs)


def test_a_running_header_after_first_lines_and_open_lines_is_dropped():
    # paragraphs of three lines, four lines a page: the page breaks fall after first lines
    # (short by their lost indentation) and inside sentences, seldom after a line reaching
    # the margin — the header still stands inside paragraphs
    paragraphs = [_han(28, k) + "，" + _han(29, k + 3) + "。" + _han(12, k + 5) + "。" for k in range(12)]
    copied = _copied_pages(paragraphs, page_lines=4)
    assert copied.count("某市人民政府文件") >= 8
    assert normalise(copied) == "\n".join(paragraphs)


def test_a_line_broken_before_a_stop_or_after_an_opening_quote_goes_on():
    # a layout that sets a stop at a line's head, or moves a quoted name to the next line,
    # leaves the line before it short, yet the paragraph goes on: no paragraph opens with
    # a comma, and none ends in an opening quote
    lines = _copied_pages(_REPORT, page_lines=1000, header="").split("\n")[:-1]
    broken = [_han(20) + "“", "放管服”改革持续深化" + _han(20, 4) + "。", _han(24, 6), "，" + _han(10, 8) + "。"]
    text = normalise("\n".join([*lines[:3], *broken, *lines[3:]]))
    assert _han(20) + "“放管服”改革持续深化" + _han(20, 4) + "。" + _han(24, 6) + "，" in text


def test_a_page_dump_printed_and_copied_is_rejoined_into_its_one_paragraph():
    # a scraped page's body on one line, printed and copied: header lines above it (标题:,
    # 文号:, none ending a sentence), then the body wrapped at the margin across pages with a
    # running header and page numbers. Its paragraph ends are too few to judge the margin
    # by (the lines short of it after lines reaching it are page furniture): the body is
    # one paragraph again
    body = "".join(
        f"（{n}）" + _han(40, k) + "，" + _han(30, k + 2) + "。" for k, n in enumerate("一二三四五六七八九十")
    )
    head = ["标题: 某区2024年工作计划", "文号:", "栏目: 年度计划"]
    copied = _copied_pages([*head, body], page_lines=9)
    assert copied.count("- ") >= 3
    assert normalise(copied) == "\n".join([*head, body])


@pytest.mark.parametrize("stop_after", [False, True])
def test_a_heading_without_a_stop_filling_its_line_stands_alone(stop_after):
    # a PDF's copy at 60 columns: a run-in heading without a stop fills its first line but
    # for the indentation the copy lost (gov-report 1980 第三，…各方面的经济效果提高了). The
    # next line is its text's first line, short by that indentation too: it ends inside a
    # sentence, or ends one and the line after it reaches the margin as a continuation does
    heading = "第三，" + _han(25, 4)  # 4 + 56 columns
    opening = _han(27, 7) + "。" if stop_after else _han(28, 7)
    text = opening + _han(30, 2) + "，" + _han(29, 9) + "，" + _han(10, 1) + "。"
    paragraphs = [*_REPORT[:2], heading, text, *_REPORT[3:]]
    copied = _copied_pages(paragraphs, page_lines=1000, header="")
    assert heading in copied.split("\n") and opening in copied.split("\n")
    assert normalise(copied) == "\n".join(paragraphs)


def test_a_heading_of_two_lines_its_last_short_by_an_indentation_stays_whole():
    # a heading without a stop over two lines of a narrow column (gov-report 1982 in a
    # gazette's copy: 第一、…，切|实保证…按计划完成), its second line as short as a first line
    # that lost its indentation; the paragraph after it opens with such a line too, so the
    # second line is the heading's last, not its text's first
    heading = "第一、" + _han(23, 4) + "，" + _han(1, 2) + _han(28, 5)  # 4 + 56, then 56 columns
    text = _han(28, 7) + _han(29, 2) + "，" + _han(10, 1) + "。"  # 4 + 56, 60, then 24 columns
    paragraphs = [*_REPORT[:2], heading, text, *_REPORT[3:]]
    copied = _copied_pages(paragraphs, page_lines=1000, header="")
    assert _han(28, 5) in copied.split("\n")
    assert normalise(copied) == "\n".join(paragraphs)


def test_a_running_header_before_its_page_number_is_dropped():
    # a viewer copies a page's header and footer where the page drew them, both atop its
    # text (第 N 页 共 M 页 right under the header); pages break between paragraphs, so the
    # header never stands inside one and no page number precedes it
    paragraphs = [_han(29, k) + "，" + _han(12, k + 5) + "。" for k in range(12)]
    body = _copied_pages(paragraphs, page_lines=1000, header="").split("\n")[1:-1]
    pages = [body[i : i + 4] for i in range(0, len(body), 4)]
    copied = "\n".join(
        "\n".join(["某市2024年政府工作报告", f"第 {k} 页 共 {len(pages)} 页", *page]) for k, page in enumerate(pages, 1)
    )
    seen: list[LineLayout] = []
    assert normalise_with_layout(copied, seen)[0] == "\n".join(paragraphs)
    assert seen[0].running == (("某市2024年政府工作报告", 6),) and seen[0].page_numbers == 6


@pytest.mark.parametrize("heading", ["过去五年的回顾", "三、" + _han(8, 3)])
def test_a_heading_on_its_own_line_after_a_paragraph_ending_at_the_margin_stands_alone(heading):
    # a one-line paragraph filling its line but for the indentation the copy lost, ending
    # a sentence, then a heading without a stop (gov-report 1983 copied: …请予审议。|过去五年的
    # 回顾): the heading ends short of the margin, so joined to the line before it would end
    # that paragraph without a stop — it stands alone
    opening = "我代表" + _han(24, 3) + "。"  # 4 + 56 columns
    paragraphs = [*_REPORT[:1], opening, heading, *_REPORT[3:]]
    copied = _copied_pages(paragraphs, page_lines=1000, header="")
    assert opening in copied.split("\n") and heading in copied.split("\n")
    assert normalise(copied) == "\n".join(paragraphs)


def test_a_line_cut_at_a_space_after_a_sentence_is_no_heading():
    # a layout breaking only at spaces cuts a paragraph short before a long unbroken run
    # (坚持 “米袋子”…): the short line after a sentence ending at the margin holds a sentence's
    # end itself, so it is no heading of its own but the end of the paragraph before
    lines = _copied_pages(_REPORT, page_lines=1000, header="").split("\n")[:-1]
    cut = [_han(29, 2) + "。", "做好" + _han(10, 4) + "。坚持", "“" + _han(28, 5) + "，", _han(10, 6) + "。"]
    text = normalise("\n".join([*lines[:3], *cut, *lines[3:]]))
    assert _han(29, 2) + "。做好" + _han(10, 4) + "。坚持\n" in text


def test_a_line_of_percentages_short_by_their_width_goes_on():
    # a proportional font sets % nearly a character wide, though a copy counts it half: a
    # line of five figures in per cent reaching the margin counts five columns short of it,
    # ending inside a sentence, and its paragraph goes on (gov-report 1956 copied: 12%，原油
    # 增长22%，…硫酸增长|9%，烧碱增长18%…)
    lines = _copied_pages(_REPORT, page_lines=1000, header="").split("\n")[:-1]
    figures = "增长10%，" + "".join(f"增长{k}%，" for k in range(2, 6)) + _han(7, 6)  # 55 columns
    assert display_width(figures) == 55
    paragraph = [_han(28, 1), figures, _han(10, 2) + "。"]
    text = normalise("\n".join([*lines[:3], *paragraph, *lines[3:]]))
    assert "".join(paragraph) in text.split("\n")


def test_a_line_of_wide_characters_a_character_short_of_the_grid_ends_its_paragraph():
    # a heading without a stop over two lines (gov-report 1987 in a gazette's column:
    # 第六，…|发展，必须坚定不移地全面推进经济体制改革), its last line one character short:
    # a line of wide characters only is set on the grid exactly, so the next character
    # would have fit and the heading ends there, though a line holding digits may end that
    # much short inside its paragraph
    heading = "第六，" + _han(25, 4) + _han(29, 5)  # 4 + 56, then 58 columns
    text = _han(28, 7) + _han(30, 2) + _han(30, 3) + _han(30, 6) + _han(10, 1) + "。"
    paragraphs = [*_REPORT[:2], heading, text, *_REPORT[3:]]
    copied = _copied_pages(paragraphs, page_lines=1000, header="")
    assert _han(29, 5) in copied.split("\n")
    assert normalise(copied) == "\n".join(paragraphs)


def test_the_grid_is_where_lines_of_wide_characters_end():
    # half-width commas let a line hold more characters than the grid (坚持,推进: the 大连
    # plan's punctuation), so those lines set the margin two columns past it; a line of
    # wide characters only, ending inside a sentence on the grid, still goes on
    lines = []
    for k in range(12):
        lines += [_han(28, k), _han(15, k + 1) + ",,,," + _han(14, k + 4), _han(30, k + 2), _han(10, k + 3) + "。"]
    paragraphs = ["".join(lines[i : i + 4]) for i in range(0, len(lines), 4)]
    assert max(display_width(line) for line in lines) == 62
    assert normalise("\n".join(lines)) == "\n".join(paragraphs)


@pytest.mark.parametrize("room", [2, 10])
def test_an_opening_quote_moved_down_leaves_its_line_short_by_itself(room):
    # a layout keeps an opening quote off a line's end: it goes down with the character
    # after it, and the line before ends that short inside its paragraph; a line ending far
    # shorter before a quote is a heading's end (…的主要目标|“十一五”时期是…)
    lines = _copied_pages(_REPORT, page_lines=1000, header="").split("\n")[:-1]
    before = _han(28 - room // 2, 1)  # a first line: 4 columns of lost indentation
    quoted = ["“" + _han(29, 2), _han(10, 3) + "。"]
    assert lines[5].endswith("。")  # the end of a paragraph
    text = normalise("\n".join([*lines[:6], before, *quoted, *lines[6:]])).split("\n")
    joined = before + "".join(quoted)
    assert (joined in text) == (room == 2) and (before in text) == (room == 10)


def test_a_number_opening_the_next_line_may_not_have_fit():
    # a sentence ends two columns short of the grid, and the next line opens with 44: two
    # digits count two columns, but a proportional font sets them a little wider — the
    # layout broke the line there, and the paragraph goes on
    lines = _copied_pages(_REPORT, page_lines=1000, header="").split("\n")[:-1]
    for number, short in (("44个", 2), ("54%。", 4)):
        # 54%: the per cent sign nearly a character wide, the digits a little over one
        paragraph = [_han(28, 1), _han(29 - short // 2, 2) + "。", number + _han(27, 3), _han(5, 4) + "。"]
        text = normalise("\n".join([*lines[:6], *paragraph, *lines[6:]]))
        assert "".join(paragraph) in text.split("\n")


def test_a_heading_of_two_lines_filling_both_stands_alone():
    # a numbered heading without a stop over two lines, the second filling its line too
    # (gov-report 1988 in a gazette's column: 一、…基|础设施的建设，以保持国民经济的持续稳定
    # 增长), then its text's first line, short by the lost indentation and ending inside a
    # sentence: were it the heading's continuation, it would end short inside a sentence
    heading = "一、" + _han(26, 4) + _han(30, 5)  # 4 + 56, then 60 columns
    text = _han(28, 7) + _han(30, 2) + _han(30, 3) + _han(10, 1) + "。"
    paragraphs = [*_REPORT[:2], heading, text, *_REPORT[3:]]
    copied = _copied_pages(paragraphs, page_lines=1000, header="")
    assert _han(30, 5) in copied.split("\n") and _han(28, 7) in copied.split("\n")
    assert normalise(copied) == "\n".join(paragraphs)


def test_a_sentence_ending_with_figures_a_character_short_goes_on_when_the_next_line_is_full():
    # 1994年 in a line ending a sentence two columns short of the margin: four digits set a
    # little wider than they count, so the next character may not have fit, and the line
    # after, reaching the margin as a continuation does, shows the paragraph goes on
    # (gov-report 1994 copied from a ragged PDF: …1994年是…的重要一年。|今年的经济工作…)
    lines = _copied_pages(_REPORT, page_lines=1000, header="").split("\n")[:-1]
    paragraph = [_han(28, 1), "1994年" + _han(25, 2) + "。", _han(30, 3), _han(5, 4) + "。"]
    text = normalise("\n".join([*lines[:6], *paragraph, *lines[6:]]))
    assert "".join(paragraph) in text.split("\n")


def test_a_first_line_before_a_comma_opening_a_line_shows_the_paragraph_before_ended():
    # a layout that lets a comma open a line broke before it because it did not fit: after
    # a first line short by its lost indentation, not after a line with room for it — so a
    # paragraph ending a sentence at the margin ends there
    ended = _han(28, 1) + _han(29, 2) + "。"  # 56, then 60 columns
    comma = _han(28, 3) + "，" + _han(20, 4) + "。"  # 56 columns, then ，… on the next line
    filler = _han(28, 5) + _han(30, 6) + _han(30, 7) + _han(10, 8) + "。"
    paragraphs = [*_REPORT[:2], filler, ended, comma, filler]
    copied = _copied_pages(paragraphs, page_lines=1000, header="")
    assert "，" + _han(20, 4) + "。" in copied.split("\n")
    assert normalise(copied) == "\n".join(paragraphs)


def test_a_layout_squeezing_its_stops_has_no_grid():
    # WPS squeezes stops (标点挤压) and fits a character more into lines holding several, so
    # lines a character short of the widest are many: a line of wide characters that much
    # short is no paragraph's end there (a 公文 export copied: …第五次会议，提出|关于…)
    from pipeline.ingest.normalise import _grid

    squeezed = [_han(29, k) for k in range(30)] + [_han(28, k) for k in range(20)]
    assert _grid(squeezed, 58) is None
    exact = [_han(29, k) for k in range(45)] + [_han(28, k) for k in range(5)]
    assert _grid(exact, 58) == 58


def test_a_chapter_header_in_a_copy_goes_and_the_chapter_heading_stays():
    # a book's header names the chapter: the copy holds its words by every page number and
    # once more where the chapter opens, between paragraphs; only the header goes
    heading = "一、过去一年工作回顾"
    paragraphs = ["各位代表：", heading]
    paragraphs += [_han(28, k) + _han(29, k + 1) + "，" + _han(10, k + 2) + "。" for k in range(16)]
    body = _copied_pages(paragraphs, page_lines=1000, header="").split("\n")[1:-1]
    assert len(body) == 50
    pages = [body[i : i + 10] for i in range(0, len(body), 10)]
    copied = "\n".join("\n".join([*page, heading, f"- {k} -"]) for k, page in enumerate(pages, 1))
    assert copied.count(heading) == len(pages) + 1
    assert normalise(copied) == "\n".join(paragraphs)


def test_a_running_header_whose_parts_change_sides_is_dropped():
    # a gazette's header: its name and issue on odd pages, the issue and name on even ones;
    # each order recurs on every other page, the header on every page
    odd, even = "某省人民政府公报 2024年第3期", "2024年第3期 某省人民政府公报"
    copied = _copied_pages(_REPORT, page_lines=6, header="@")
    copied = "\n".join(
        (odd if k % 2 else even) if line == "@" else line
        for k, line in zip(_accumulate_headers(copied.split("\n")), copied.split("\n"))
    )
    assert copied.count(odd) == 2 and copied.count(even) == 2
    seen: list[LineLayout] = []
    assert normalise_with_layout(copied, seen)[0] == "\n".join(_REPORT)
    assert seen[0].running == ((odd, 4),)


def _accumulate_headers(lines: list[str]) -> list[int]:
    """The page each line stands on (a header ``@`` opens a page)."""
    pages, k = [], 0
    for line in lines:
        k += line == "@"
        pages.append(k)
    return pages


def test_a_paragraph_of_two_lines_ending_a_sentence_short_by_an_indentation_stays_whole():
    # the same lines but the last: a paragraph whose first line fills its line and whose
    # second ends a sentence four columns short of the margin, the next paragraph opening
    # below. The second line could be a first line, but the line after it is one as well:
    # nothing shows the first line stood alone, and the paragraph stays whole
    paragraph = "推进" + _han(26, 4) + _han(27, 7) + "。"  # 4 + 56, then 56 columns
    paragraphs = [*_REPORT[:2], paragraph, *_REPORT[3:]]
    copied = _copied_pages(paragraphs, page_lines=1000, header="")
    assert (_han(27, 7) + "。") in copied.split("\n")
    assert normalise(copied) == "\n".join(paragraphs)


def test_a_running_header_of_pages_breaking_between_paragraphs_is_dropped():
    # paragraphs of two lines, four lines a page: every page breaks between paragraphs, so
    # the header never stands inside one; the page number right before it shows it is the
    # page's furniture (gov-report 1998 set as Chinese and copied kept two headers)
    paragraphs = [_han(29, k) + "，" + _han(12, k + 5) + "。" for k in range(12)]
    copied = _copied_pages(paragraphs, page_lines=4)
    assert copied.count("某市人民政府文件") >= 5
    assert normalise(copied) == "\n".join(paragraphs)


@pytest.mark.parametrize("copied", [False, True])
def test_stops_hanging_past_the_margin_leave_it_where_the_lines_end(copied):
    # set as Chinese word processors set a text: a stop or a comma that would open a line
    # hangs past the margin, an opening quote goes down with the next character. The lines
    # holding a hung stop are no margin of their own (they are many: a text's stops and
    # commas are many), and the paragraphs come back, their first lines' indentation copied
    # or lost
    from pipeline.evaluation.input_formats import as_wrapped

    # clauses as long as a line, so that their commas fall at the margin and hang
    hung = [
        "".join(_han(28 if k == 0 else 30, 3 * k + j) + "，" for k in range(4)) + _han(12, j) + "。" for j in range(4)
    ]
    # and a sentence ending right at the margin inside a paragraph: it goes on
    inner = _han(27, 5) + "。" + _han(29, 8) + "。" + _han(20, 2) + "。"
    paragraphs = [*_REPORT[:4], *hung, inner, *_REPORT[4:]]
    printed = as_wrapped("\n".join(paragraphs), width=60, kinsoku=True, copied=copied).decode("utf-8")
    widths = [display_width(line) for line in printed.split("\n")]
    assert widths.count(62) * 20 > len(widths)  # more than one line in twenty hangs a stop
    assert normalise(printed) == "\n".join(paragraphs)


def test_a_stray_space_at_a_lines_head_is_no_indentation():
    # a source that spaced its figures (gov-report 1998: 1655 亿美元) can have a copied line
    # open with that space: the copy is still flush, the line goes on in its paragraph, and
    # the first lines' lost indentation still shows where paragraphs end
    lines = _copied_pages(_REPORT, page_lines=1000, header="").split("\n")[:-1]
    k = next(i for i, line in enumerate(lines) if i and display_width(line) == 60 and not lines[i - 1].endswith("。"))
    lines[k] = " " + lines[k]
    assert normalise("\n".join(lines)) == "\n".join(_REPORT)


def test_marks_of_ambiguous_width_are_wide_in_chinese_text():
    assert display_width("“放管服”") == 10
    assert display_width("a、b—c") == 7


def test_a_numbered_heading_line_keeps_its_line_in_a_blank_line_separated_text():
    # blank lines between paragraphs, but a heading right above its text: 三、… used to be
    # joined to its first sentence (三、2024年重点工作2024年，…) and the next item run into
    # the one before
    raw = (
        "一、2023年工作回顾\n2023年，全市地区生产总值增长5.2%。\n\n"
        "三、2024年重点工作\n（一）推进产业升级。新建5G基站1000个。\n（二）扩大有效投资。实施重点项目100个。\n"
    )
    assert normalise(raw).split("\n") == [
        "一、2023年工作回顾",
        "2023年，全市地区生产总值增长5.2%。",
        "三、2024年重点工作",
        "（一）推进产业升级。新建5G基站1000个。",
        "（二）扩大有效投资。实施重点项目100个。",
    ]
    # a bare marker over its text (gov-report 1955 一、 / 我国人民…) and a line broken inside
    # a clause still rejoin
    assert normalise("甲。\n\n一、\n我国人民已经推翻了帝国主义者在中国的统治。\n\n乙。").split("\n")[1] == (
        "一、我国人民已经推翻了帝国主义者在中国的统治。"
    )
    assert normalise("甲。\n\n四、所有确定进行建设的项目，\n一律实行“五定”。\n\n乙。").split("\n")[1] == (
        "四、所有确定进行建设的项目，一律实行“五定”。"
    )


@pytest.mark.parametrize("doc_id", ["gov-report-1954", "gov-report-1994", "gov-report-2019", "dalian-edu-2018"])
def test_normalise_is_idempotent_on_corpus(normalised_texts, doc_id):
    text = normalised_texts[doc_id]
    assert normalise(text) == text
    assert "\u200b" not in text and "１" not in text


def test_the_room_a_producer_left_around_figures_is_no_space_in_a_copy():
    # Word, WPS and LibreOffice leave room where Han text meets a figure or a Latin word, and a
    # viewer copies it as a space (2009 年主要任务: the fourth blind PDF set's copies); where
    # it stands at nearly every such seam of a copied text it goes, and the headings read as
    # written. A source that spaced a few of its figures (gov-report 1998) keeps them.
    from extractors.char_classes import seam_room

    spaced = [seam_room("").sub(" ", p) for p in _REPORT]
    assert spaced != _REPORT
    assert normalise(_copied_pages(spaced)) == "\n".join(_REPORT)
    few = [_REPORT[0], _REPORT[1].replace("5.2%", " 5.2%"), *_REPORT[2:]]
    assert normalise(_copied_pages(few)) == "\n".join(few)


def test_a_running_header_repeating_the_text_s_first_line_is_dropped():
    # LibreOffice's default header holds the document's first line, here the salutation: the
    # copy shows it atop every page, once more atop the first page over the text's own line,
    # which breaks the header's page rhythm once (the fourth blind PDF set's office defaults)
    paragraphs = ["各位代表：", *(_han(29, k) + "，" + _han(12, k + 5) + "。" for k in range(14))]
    copied = _copied_pages(paragraphs, page_lines=5, header="各位代表：")
    assert copied.count("各位代表：") > 5
    assert normalise(copied) == "\n".join(paragraphs)


def test_a_copy_set_in_a_font_with_narrow_quotes_keeps_its_paragraphs():
    # a font that sets “ ” half width (WenQuanYi Zen Hei, Microsoft YaHei: the fourth blind
    # PDF set's outline-numbered layout): counted full width, a copied line holding a pair of
    # quotes ends two columns past the margin, one holding two pairs four; too many pass it
    # for a margin to show, so every line stood alone. Measured as the font set them, it shows.
    paragraphs, lines = [], []
    for k in range(12):
        pairs = 2 if k % 3 == 0 else 1 if k % 3 == 1 else 0
        first, second, third = _han(28, k), _han(30 - pairs, k + 1), _han(30, k + 2)
        if pairs:
            second = second[:5] + "“" + second[5:9] + "”" + second[9:]
        if pairs == 2:
            second = second[:15] + "“" + second[15:18] + "”" + second[18:]
        last = _han(10, k + 3) + "。"
        paragraphs.append(first + second + third + last)
        lines += [first, second, third, last]
    assert {display_width(line) for line in lines} == {56, 60, 62, 64, 22}
    assert normalise("\n".join(lines)) == "\n".join(paragraphs)
