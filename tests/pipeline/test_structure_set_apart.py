"""Run-in headings the source set on lines of their own (docs/annotation.md, "Unnumbered
run-in headings"): Wikisource keeps a report's bold run-in (积极推进国有企业改革。) as the
first line of its paragraph, after a line of indentation only. Normalisation rejoins the
paragraph, so the text no longer shows it; the evidence travels as the offsets of those
sentences' stops (``normalise_with_layout``) to the structure step, where such sentences
are the run-in level whatever their length or shape (gov-report 1993–2002; 1995 is the
fourth set's gold, 1997–2002 have none).
"""

from __future__ import annotations

from pathlib import Path

from pipeline.extract.document import process_document
from pipeline.ingest.corpus import DocumentSpec
from pipeline.ingest.normalise import SET_APART, normalise, normalise_with_layout
from pipeline.structure.parse import parse_structure

_BODY = "要完善相关政策措施，加大工作力度，推动各项任务落到实处，切实提高工作质量和效益，让人民群众得到更多实惠。"
_RUNINS = [
    "积极推进国有企业改革。",
    "进行以养老和失业保险为主要内容的社会保障体制改革。",
    "巩固和完善已出台的各项宏观管理体制改革措施。",
]


def _wikisource(runins: list[str], indent: str = "\u3000\u3000") -> str:
    head = "各位代表：\n\n现在，我代表国务院，向大会作政府工作报告，请予审议。\n\n一、1994年国内工作的回顾\n\n"
    intro = "过去的一年，经济体制改革迈出决定性步伐。\n" + _BODY + "\n\n三、以国有企业为重点深化经济体制改革\n\n"
    paras = "".join(f"{indent}\n{r}\n{_BODY}\n{_BODY}\n\n" for r in runins)
    return head + intro + "\u3000\u3000今年的经济体制改革，要以国有企业改革为重点。\n\n" + paras


def test_layout_marks_the_stops_of_sentences_set_apart():
    raw = _wikisource(_RUNINS)
    text, apart = normalise_with_layout(raw)
    assert text == normalise(raw)  # the text itself is the same: offsets do not move
    assert SET_APART not in text
    assert sorted(text[i] for i in apart) == ["。"] * 3
    assert [text[text.rfind("\n", 0, i) + 1 : i + 1] for i in sorted(apart)] == _RUNINS


def test_only_a_whole_sentence_after_a_line_of_indentation_counts():
    # an empty line before (not indentation) or a line going on past its stop are the
    # text's own breaks, no evidence
    assert not normalise_with_layout(_wikisource(_RUNINS, indent=""))[1]
    assert not normalise_with_layout(_wikisource([r + "国有企业是支柱。" for r in _RUNINS]))[1]
    # a long sentence set apart is evidence, but too long for a heading: structure judges
    long = [_BODY, _BODY.replace("要完善", "要健全")]
    text, apart = normalise_with_layout(_wikisource(long))
    assert len(apart) == 2
    titles = [t.title for t in parse_structure(text, "x-1995", 1995, apart).tasks]
    assert not any(t.startswith(("要完善", "要健全")) for t in titles)
    # a private-use mark already in the source is no evidence either
    assert not normalise_with_layout("一、总体要求\n\n" + SET_APART + "加强领导。\n" + _BODY)[1]


def test_set_apart_sentences_are_the_run_in_level():
    text, apart = normalise_with_layout(_wikisource(_RUNINS))
    titles = [t.title for t in parse_structure(text, "x-1995", 1995, apart).tasks]
    assert titles[-3:] == [r.rstrip("。") for r in _RUNINS]
    # without the evidence the long ones are sentences of text, as before
    assert [t.title for t in parse_structure(text, "x-1995", 1995).tasks][-3:] != titles[-3:]


def test_a_report_set_out_so_gets_its_run_ins_end_to_end():
    # gov-report 1995 三、: four run-ins set apart, two of them too long for a plain level
    root = Path(__file__).resolve().parents[2] / "corpus" / "gov-report" / "1995.txt"
    result = process_document(DocumentSpec(path=root, issuer="国务院", issuer_slug="gov-report", year=1995))
    titles = [t["title"] for t in result.tables["tasks"]]
    assert "进行以养老和失业保险为主要内容的社会保障体制改革" in titles
    assert "巩固和完善已出台的各项宏观管理体制改革措施" in titles
    assert "发展卫生、体育事业，提高国民身体素质" in titles


def test_a_level_set_apart_stands_without_its_sibling_chapters():
    # gov-report 1999 一、 (no gold): its four review run-ins are set apart while most
    # sibling chapters have none; the layout is evidence enough for that chapter
    head = "各位代表：\n\n现在，我代表国务院，向大会作政府工作报告，请予审议。\n\n"
    review = "一、1998年工作回顾\n\n" + "".join(f"\u3000\u3000\n{r}\n{_BODY}\n{_BODY}\n\n" for r in _RUNINS[:2])
    others = "".join(
        f"{n}、{h}\n\n\u3000\u3000{_BODY}\n\n" for n, h in zip("二三四", ["扩大内需", "发展农业", "推进改革"])
    )
    text, apart = normalise_with_layout(head + review + others)
    tasks = parse_structure(text, "x-1999", 1999, apart).tasks
    assert [t.title for t in tasks][:2] == [r.rstrip("。") for r in _RUNINS[:2]]
    assert [t.part for t in tasks][:2] == ["review", "review"]


def test_a_chapter_named_by_its_achievements_reviews():
    # gov-report 1993 一、改革开放和现代化建设取得伟大成就的五年 (no gold): a heading ending in
    # the achievements it reports is a review (parts: review_patterns)
    head = "各位代表：\n\n现在，我代表国务院，向大会作政府工作报告，请予审议。\n\n"
    chapters = [("一", "改革开放和现代化建设取得伟大成就的五年"), ("二", "争取国民经济再上一个新台阶")]
    text = head + "".join(f"{n}、{h}\n\n\u3000\u3000{_BODY}\n\n" for n, h in chapters)
    parts = [t.part for t in parse_structure(normalise(text), "x-1993", 1993).tasks]
    assert parts == ["review", "plan"]


def test_a_part_line_holds_the_run_ins_set_apart_under_it():
    # gov-report 2002 (no gold): the review part line 首先报告2001年的工作 has four run-ins
    # set apart (国民经济保持良好发展势头。…); they are its tasks, in the review
    root = Path(__file__).resolve().parents[2] / "corpus" / "gov-report" / "2002.txt"
    result = process_document(DocumentSpec(path=root, issuer="国务院", issuer_slug="gov-report", year=2002))
    review = [(t["title"], t["part"]) for t in result.tables["tasks"] if t["part"] == "review"]
    assert review[:2] == [("国民经济保持良好发展势头", "review"), ("经济体制改革进一步深化", "review")]
    assert len(review) == 4


def test_statements_set_apart_join_the_run_in_level():
    # gov-report 1997 二、 (development gold of the thirtieth round): 加强水利建设是一项迫切任务。
    # is a statement, and 积极促进乡镇企业、特别是…的发展。 holds 是, yet each is set apart over its
    # text like the verb phrases around it: all are run-ins; an enumeration item set apart
    # (二要努力节省开支。) is none
    runins = [
        "继续把加强农业放在经济工作的首位。",
        "加强水利建设是一项迫切任务。",
        "二要努力节省开支。",
        "积极促进乡镇企业、特别是中西部地区乡镇企业的发展。",
    ]
    text, apart = normalise_with_layout(_wikisource(runins))
    titles = [t.title for t in parse_structure(text, "x-1997", 1997, apart).tasks]
    assert titles[-3:] == [r.rstrip("。") for r in runins if not r.startswith("二要")]
    # without the layout a statement is text
    assert "加强水利建设是一项迫切任务" not in [t.title for t in parse_structure(text, "x-1997", 1997).tasks]


def test_run_ins_of_the_text_stay_beside_those_set_apart():
    # gov-report 1993 一、 (no gold): results opening paragraphs (国民经济持续发展。…) and then
    # lessons set apart over their text (必须紧紧抓住经济建设这个中心。…): one level of both
    head = "各位代表：\n\n现在，我代表国务院，向大会作政府工作报告，请予审议。\n\n一、过去五年的回顾\n\n"
    plain = ["国民经济持续发展。", "改革开放迈出重要步伐。", "人民生活进一步改善。"]
    lessons = ["必须紧紧抓住经济建设这个中心。", "必须坚持深化改革和扩大开放。"]
    body = "".join(f"\u3000\u3000{r}{_BODY}\n\n" for r in plain)
    body += "".join(f"\u3000\u3000\n{r}\n{_BODY}\n\n" for r in lessons)
    body += "二、今年的任务\n\n\u3000\u3000" + _BODY + "\n"
    text, apart = normalise_with_layout(head + body)
    titles = [t.title for t in parse_structure(text, "x-1993", 1993, apart).tasks]
    assert titles[:5] == [r.rstrip("。") for r in plain + lessons]


def test_results_set_apart_before_numbered_lessons_are_tasks_beside_them():
    # gov-report 1998 一、 (the thirty-first round's held-out gold, in-sample since its
    # measurement): the review's results set apart over their text, the first opening with
    # a time (过去的五年，…), then the lessons 第一，…第二，…: one level of tasks, results first
    head = "各位代表：\n\n现在，我代表国务院，向大会作政府工作报告，请予审议。\n\n一、关于过去五年的政府工作\n\n"
    results = ["过去的五年，经济发展保持良好势头，国家经济实力显著增强。", "对外开放继续扩大，形成了全方位开放格局。"]
    body = "\u3000\u3000五年来，我国各族人民团结奋斗，取得了巨大成就。\n\n"
    body += "".join(f"\u3000\u3000\n{r}\n{_BODY}\n\n" for r in results)
    body += "\u3000\u3000五年来的实践，使我们取得了以下几点重要经验：\n\n"
    body += "第一，坚持解放思想、实事求是的思想路线。" + _BODY + "\n\n"
    body += "第二，妥善处理改革、发展、稳定三者之间的关系。" + _BODY + "\n\n"
    body += "二、关于今年政府工作的建议\n\n\u3000\u3000" + _BODY + "\n"
    text, apart = normalise_with_layout(head + body)
    st = parse_structure(text, "x-1998", 1998, apart)
    review = [t.title for t in st.tasks if t.part == "review"]
    assert review == [r.rstrip("。") for r in results] + [
        "坚持解放思想、实事求是的思想路线",
        "妥善处理改革、发展、稳定三者之间的关系",
    ]
    # without the layout the results stay text of the chapter before its lessons
    st = parse_structure(text, "x-1998", 1998)
    assert [t.title for t in st.tasks if t.part == "review"][0] == "坚持解放思想、实事求是的思想路线"
    # the same results not set apart and opening with a time (五年来，…) are a review's
    # parallel result sentences, text (docs/annotation.md)


def test_a_heading_alone_in_its_paragraph_is_set_apart():
    # gov-report 2001 六、: 促进科技进步和创新，为结构调整和经济发展提供强大动力。 on a line of its
    # own after a line of indentation, its text in the paragraphs below (一要…, 二要…)
    raw = _wikisource(_RUNINS)
    first = _RUNINS[0]
    raw = raw.replace(f"{first}\n{_BODY}\n{_BODY}\n\n", f"{first}\n\n一要{_BODY}\n\n二要{_BODY}\n\n")
    text, apart = normalise_with_layout(raw)
    assert [text[text.rfind("\n", 0, i) + 1 : i + 1] for i in sorted(apart)] == _RUNINS
    titles = [t.title for t in parse_structure(text, "x-1995", 1995, apart).tasks]
    assert titles[-3:] == [r.rstrip("。") for r in _RUNINS]
    # a paragraph of one sentence after an empty line (no indentation) is no evidence
    raw = raw.replace(f"\u3000\u3000\n{first}\n\n", f"\n{first}\n\n")
    assert len(normalise_with_layout(raw)[1]) == 2


def test_the_first_paragraphs_verb_phrase_joins_a_level_set_apart():
    # gov-report 2001 十、: the chapter's first paragraph opens with 大力加强社会主义精神文明建设。
    # run into its text, the run-ins after it are set apart (积极推进社会主义民主法制建设。…)
    head = "各位代表：\n\n现在，我代表国务院，向大会作政府工作报告，请予审议。\n\n一、过去一年的工作\n\n"
    head += "\u3000\u3000" + _BODY + "\n\n二、加强精神文明和民主法制建设\n\n"
    body = "\u3000\u3000大力加强社会主义精神文明建设。" + _BODY + "\n\n"
    body += "".join(f"\u3000\u3000\n{r}\n{_BODY}\n\n" for r in _RUNINS[:2])
    text, apart = normalise_with_layout(head + body)
    titles = [t.title for t in parse_structure(text, "x-2001", 2001, apart).tasks]
    assert titles[-3:] == ["大力加强社会主义精神文明建设"] + [r.rstrip("。") for r in _RUNINS[:2]]


def test_a_top_level_chapter_of_topic_frames_has_them_as_run_ins():
    # gov-report 1997 四、: 在科技工作方面，… 在教育工作方面，… open four of its seven paragraphs (the
    # thirtieth round's development gold); frames here and there in a chapter's text are text
    # (1956 三、: six of 26 paragraphs)
    frames = ["在科技工作方面", "在教育工作方面", "在文化工作方面", "在卫生体育工作方面"]
    raw = _wikisource(_RUNINS)
    raw += "四、积极发展科技教育文化和各项社会事业\n\n\u3000\u3000" + _BODY + "\n\n"
    raw += "".join(f"\u3000\u3000\n{f}，\n{_BODY}\n\n" for f in frames)
    raw += "\u3000\u3000" + _BODY + "\n\n五、其他工作\n\n"
    raw += "".join(f"\u3000\u3000{f}，{_BODY}\n\n" for f in frames[:2])
    raw += "".join(f"\u3000\u3000{_BODY}\n\n" for _ in range(8))
    text, apart = normalise_with_layout(raw)
    st = parse_structure(text, "x-1997", 1997, apart)
    titles = [t.title for t in st.tasks]
    assert titles[-len(frames) :] == frames
    assert titles.count("在科技工作方面") == 1  # 五、's two frames stay its text
