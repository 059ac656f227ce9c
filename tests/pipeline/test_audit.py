"""Audits: a sheet drawn at random from a run, judged, then scored against the run."""

from __future__ import annotations

import json

from pipeline.evaluation.audit import format_score, judged_starts, main, sample, score


def test_audit_sample_is_reproducible_and_scores(corpus_outputs, tmp_path):
    docs = ["gov-report-2018", "dalian-edu-2018"]
    sheet = sample(corpus_outputs, "targets", docs, 20, seed=3)
    assert sheet == sample(corpus_outputs, "targets", docs, 20, seed=3)
    assert len(sheet["rows"]) == 20 and {r["doc_id"] for r in sheet["rows"]} <= set(docs)
    # judge: first row a false mention, second with a wrong unit, the rest right
    for r in sheet["rows"]:
        r["mention_ok"] = True
    sheet["rows"][0]["mention_ok"] = False
    sheet["rows"][1]["fields_ok"] = {"unit": False}
    sheet["rows"][1]["expected"] = {"unit": "not-this"}
    s = score(sheet, corpus_outputs)
    assert (s.judged, s.mention_right, s.every_field_right, s.missing) == (20, 19, 18, 0)
    assert s.field_right["unit"] == 18 and s.field_total["unit"] == 19


def test_audit_cli_writes_a_sheet(corpus_outputs, tmp_path):
    path = tmp_path / "sheet.json"
    assert (
        main(
            [
                "sample",
                "targets",
                "--out",
                str(corpus_outputs),
                "--documents",
                "gov-report-2019",
                "-n",
                "5",
                "--sheet",
                str(path),
            ]
        )
        == 0
    )
    sheet = json.loads(path.read_text(encoding="utf-8"))
    assert len(sheet["rows"]) == 5 and all(r["mention_ok"] is None for r in sheet["rows"])


def test_audit_rows_no_longer_produced_are_told_apart(corpus_outputs):
    # a judged row the run no longer produces: a lost real mention, or a lost error
    sheet = sample(corpus_outputs, "targets", ["gov-report-2018"], 4, seed=5)
    for r in sheet["rows"]:
        r["mention_ok"] = True
    gone_real, gone_false = dict(sheet["rows"][0]), dict(sheet["rows"][1])
    gone_real["char_start"] = gone_false["char_start"] = -10
    gone_false["mention_ok"] = False
    sheet["rows"] = sheet["rows"][2:] + [gone_real, gone_false]
    s = score(sheet, corpus_outputs)
    assert (s.judged, s.missing, s.dropped_false) == (2, 2, 1)


def test_audit_row_whose_end_moved_is_the_same_row(corpus_outputs):
    # 5小时 judged, the run now reads 5小时内: same start, end moved — still that row
    sheet = sample(corpus_outputs, "targets", ["gov-report-2018"], 3, seed=7)
    for r in sheet["rows"]:
        r["mention_ok"] = True
    sheet["rows"][0]["char_end"] -= 1
    moved_start = dict(sheet["rows"][1])
    moved_start["char_start"] += 1  # a different start is a different mention
    sheet["rows"][1] = moved_start
    s = score(sheet, corpus_outputs)
    assert (s.judged, s.missing, s.mention_right) == (2, 1, 2)


def test_a_new_audit_draws_rows_nobody_judged(corpus_outputs, tmp_path):
    docs = ["gov-report-2019"]
    first = sample(corpus_outputs, "targets", docs, 10, seed=5)
    path = tmp_path / "first.json"
    path.write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")
    skip = judged_starts([path], "targets")
    assert len(skip) == 10
    second = sample(corpus_outputs, "targets", docs, 10, seed=5, skip=skip)
    assert len(second["rows"]) == 10
    assert not {(r["doc_id"], r["char_start"]) for r in second["rows"]} & skip
    # a sheet of another table leaves the draw alone
    assert judged_starts([path], "entities") == set()


def test_audit_counts_targets_that_are_no_commitment_and_label_precision(corpus_outputs):
    targets = sample(corpus_outputs, "targets", ["gov-report-2019"], 30, seed=7)
    for r in targets["rows"]:
        r["mention_ok"] = True
    committed = [r for r in targets["rows"] if r["got"]["kind"] == "target"]
    assert len(committed) >= 2
    committed[0]["fields_ok"] = {"kind": False}
    committed[0]["expected"] = {"kind": "fact"}
    committed[1]["mention_ok"] = False
    s = score(targets, corpus_outputs)
    assert (s.targets, s.no_commitment) == (len(committed), 2)
    assert "no commitment  2/" in format_score(s)
    entities = sample(corpus_outputs, "entities", ["gov-report-2019"], 20, seed=7)
    for r in entities["rows"]:
        r["mention_ok"] = True
    entities["rows"][0]["mention_ok"] = False
    s = score(entities, corpus_outputs)
    assert sum(s.label_rows.values()) == 20 and sum(s.label_right.values()) == 19


def test_audit_row_grown_at_its_start_is_the_same_row(corpus_outputs):
    # 高于10% judged, the run now reads 达到或略高于10%: same end, the judged text ends the new one
    sheet = sample(corpus_outputs, "targets", ["gov-report-2018"], 3, seed=7)
    for r in sheet["rows"]:
        r["mention_ok"] = True
    shorter = dict(sheet["rows"][0])
    shorter["char_start"] += 1
    shorter["text"] = shorter["text"][1:]
    sheet["rows"][0] = shorter
    s = score(sheet, corpus_outputs)
    assert (s.judged, s.missing) == (3, 0)
