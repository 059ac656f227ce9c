"""Score the entity pipeline per label on the gold files (rules alone vs rules + model).

Uses the project's gold reader and span matcher (``pipeline/evaluation/evaluate.py``): a
prediction matches a gold mention of the same label when their spans overlap, one to
one, largest overlap first; predictions overlapping an ``optional`` gold mention are
neither credit nor fault; for a ``"paragraphs"`` gold only predictions inside the
listed paragraphs count. ``exact`` counts only matches with identical spans.

    python training/ner/evaluate.py [--segmenter jieba|pkuseg] [--docs ID ...]

Prints one line per (setting, label) and a JSON summary on the last line.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from extractors.entities import LABELS, MODEL_DIR, extract_entities_batch, load_nlp  # noqa: E402
from pipeline.evaluation.cli import DEFAULT_GOLD  # noqa: E402
from pipeline.evaluation.evaluate import match_spans  # noqa: E402
from pipeline.evaluation.gold import gold_files, load_gold, locate, paragraph_spans  # noqa: E402
from pipeline.ingest.normalise import normalise  # noqa: E402


def corpus_text(doc_id: str) -> str:
    issuer, year = doc_id.rsplit("-", 1)
    return normalise((ROOT / "corpus" / issuer / f"{year}.txt").read_text(encoding="utf-8"))


GOLD_DIRS = (DEFAULT_GOLD, DEFAULT_GOLD / "heldout")


def entity_golds(gold_dirs=GOLD_DIRS, only: set[str] | None = None):
    """(doc_id, text, gold mentions, listed paragraph spans or None) per gold document.

    Reads the shared gold and the ``heldout/`` gold that rule authors never look at.
    """
    out = []
    for path in [p for d in gold_dirs if Path(d).is_dir() for p in gold_files(d)]:
        gold = load_gold(path)
        if "entities" not in gold.complete or (only and gold.doc_id not in only):
            continue
        text = corpus_text(gold.doc_id)
        mentions, spans = locate(gold, text)
        listed = None if gold.complete["entities"] == "document" else list(spans.values())
        out.append((gold.doc_id, text, mentions["entities"], listed))
    return out


def predict(text: str, nlp) -> list:
    passages = [(text[s:e], s) for s, e in paragraph_spans(text)]
    return [ent for ents in extract_entities_batch(passages, nlp=nlp) for ent in ents]


def score(golds, nlp) -> dict:
    """Per label: tp, fp, fn (overlap matching) and exact-span tp."""
    counts = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0, "exact": 0})
    for _doc_id, text, gold, listed in golds:
        preds = predict(text, nlp)
        if listed is not None:
            preds = [p for p in preds if any(s <= p.char_start < e for s, e in listed)]
        optional = [g for g in gold if g.optional]
        for label in LABELS:
            g_l = [g for g in gold if g.fields.get("label") == label]
            p_l = [p for p in preds if p.label == label]
            pairs = match_spans([(g.char_start, g.char_end) for g in g_l], [(p.char_start, p.char_end) for p in p_l])
            c = counts[label]
            mg, mp = set(), set()
            for gi, pi in pairs:
                mg.add(gi)
                mp.add(pi)
                if g_l[gi].optional:
                    continue
                c["tp"] += 1
                c["exact"] += (g_l[gi].char_start, g_l[gi].char_end) == (p_l[pi].char_start, p_l[pi].char_end)
            c["fn"] += sum(1 for gi, g in enumerate(g_l) if gi not in mg and not g.optional)
            for pi, p in enumerate(p_l):
                if pi in mp:
                    continue
                if any(min(p.char_end, o.char_end) > max(p.char_start, o.char_start) for o in optional):
                    continue
                # a prediction overlapping gold of another label is a label error, counted here
                c["fp"] += 1
    return dict(counts)


def prf(c: dict) -> tuple[float, float, float]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(name: str, counts: dict) -> dict:
    out = {}
    for label in LABELS:
        c = counts.get(label, {"tp": 0, "fp": 0, "fn": 0, "exact": 0})
        p, r, f = prf(c)
        out[label] = {**c, "p": round(p, 3), "r": round(r, 3), "f1": round(f, 3)}
        print(
            f"{name:<14} {label:<8} P {p:.3f} R {r:.3f} F1 {f:.3f}  "
            f"(tp {c['tp']} fp {c['fp']} fn {c['fn']} exact {c['exact']})"
        )
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--segmenter", default="jieba")
    ap.add_argument("--docs", nargs="*", help="gold doc_ids to score (default: all)")
    ap.add_argument(
        "--gold",
        nargs="*",
        type=Path,
        default=list(GOLD_DIRS),
        help="gold folders (default: tests/gold and tests/gold/heldout)",
    )
    ap.add_argument("--no-model", action="store_true", help="score the rules only")
    ap.add_argument("--model", type=Path, default=MODEL_DIR, help="trained pipeline whose ner to add")
    args = ap.parse_args(argv)
    golds = entity_golds(args.gold, only=set(args.docs) if args.docs else None)
    summary = {"docs": [g[0] for g in golds], "segmenter": args.segmenter}
    settings = [("rules", False)] + ([] if args.no_model else [("rules+model", True)])
    for name, use_model in settings:
        nlp = load_nlp(args.segmenter, args.model if use_model else None)
        if use_model and "ner" not in nlp.pipe_names:
            print(f"{name}: no trained model in {args.model}; skipped")
            continue
        t = time.perf_counter()
        summary[name] = report(name, score(golds, nlp))
        summary[name]["seconds"] = round(time.perf_counter() - t, 2)
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
