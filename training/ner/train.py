"""Train the entity pipeline's statistical ``ner`` on silver labels from the rules.

Reproducible training, from the repo root:

    python training/ner/train.py                      # silver data, train, compare
    python training/ner/train.py --ship               # ... and ship it if it wins
    python training/ner/train.py --gold-train dalian-edu-2018   # gold corrects silver

Steps:
1. Silver data: every paragraph of every corpus document (``corpus/MANIFEST.csv``,
   normalised) runs through the rules (``build_nlp(use_model=False)``); their entities
   are the labels. Documents that have entity gold are left out, so the comparison
   below is on gold the model never saw; ``--gold-train DOC`` puts a gold document back
   in with its gold paragraphs corrected (gold spans; optional mentions marked missing,
   so they teach nothing). Paragraphs without entities are sampled (1 in 4): they
   teach "no entity" but dominate otherwise. 1 paragraph in 10 goes to dev, by hash.
2. ``python -m spacy train training/ner/config.cfg`` (a small ner with its own tok2vec,
   width 64) into ``training/ner/build/output``.
3. Compare rules alone with rules + the new ner on the held-out gold
   (``training/ner/evaluate.py``); with ``--ship`` copy ``model-best`` to
   ``extractors/models/ner/`` only when it raises the micro F1 over PROGRAM, ORG and GPE.

Deterministic for a given corpus, rules and seed (``[system] seed = 0``).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from spacy.tokens import DocBin  # noqa: E402

from extractors.entities import LABELS, MODEL_DIR, load_nlp  # noqa: E402
from pipeline.evaluation.cli import DEFAULT_GOLD  # noqa: E402
from pipeline.evaluation.gold import gold_files, load_gold, locate, paragraph_spans  # noqa: E402
from pipeline.ingest.normalise import normalise  # noqa: E402

HERE = Path(__file__).parent
BUILD = HERE / "build"
CONFIG = HERE / "config.cfg"
SCORED = ("PROGRAM", "ORG", "GPE")
EMPTY_KEEP = 4  # keep 1 in EMPTY_KEEP paragraphs without entities


def corpus_docs() -> list[tuple[str, str]]:
    """(doc_id, normalised text) for every document in the manifest."""
    with open(ROOT / "corpus" / "MANIFEST.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [
        (f"{r['issuer_slug']}-{r['year']}", normalise((ROOT / "corpus" / r["path"]).read_text(encoding="utf-8")))
        for r in rows
    ]


def entity_gold(gold_dirs=(DEFAULT_GOLD, DEFAULT_GOLD / "heldout")) -> dict[str, list]:
    """doc_id → list of (located gold mentions, paragraph spans) with entity gold."""
    out: dict[str, list] = {}
    texts = dict(corpus_docs())
    for path in [p for d in gold_dirs if Path(d).is_dir() for p in gold_files(d)]:
        gold = load_gold(path)
        if "entities" in gold.complete and gold.doc_id in texts:
            mentions, spans = locate(gold, texts[gold.doc_id])
            out.setdefault(gold.doc_id, []).append((mentions["entities"], spans))
    return out


def _bucket(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16)


def make_silver(gold_train: set[str], held_out: set[str]) -> tuple[DocBin, DocBin, dict]:
    nlp = load_nlp("jieba", None)
    gold = entity_gold()
    train, dev = DocBin(store_user_data=False), DocBin(store_user_data=False)
    stats = {"paragraphs": 0, "entities": 0, "gold_paragraphs": 0, "docs": []}
    for doc_id, text in corpus_docs():
        if doc_id in held_out:
            continue
        stats["docs"].append(doc_id)
        lines = [(s, e) for s, e in paragraph_spans(text) if e > s]
        corrected = {}
        if doc_id in gold_train:
            for mentions, spans in gold.get(doc_id, []):
                for start, end in spans.values():
                    corrected[start] = [m for m in mentions if start <= m.char_start < end]
        for (start, _end), doc in zip(lines, nlp.pipe(text[s:e] for s, e in lines)):
            if start in corrected:
                ents, missing = [], []
                for m in corrected[start]:
                    span = doc.char_span(
                        m.char_start - start, m.char_end - start, label=m.fields["label"], alignment_mode="expand"
                    )
                    if span is not None:
                        (missing if m.optional else ents).append(span)
                doc.set_ents([], default="outside")
                doc.set_ents(_no_overlap(ents), missing=_no_overlap(missing), default="unmodified")
                stats["gold_paragraphs"] += 1
            else:
                # the rules mark quoted names of things (QUOTED_THING): no label to learn
                doc.ents = [e for e in doc.ents if e.label_ in LABELS]
                if not doc.ents and _bucket(doc.text) % EMPTY_KEEP:
                    continue
            doc.spans.clear()
            stats["paragraphs"] += 1
            stats["entities"] += len(doc.ents)
            (dev if _bucket(doc.text) % 10 == 0 else train).add(doc)
    return train, dev, stats


def _no_overlap(spans):
    from spacy.util import filter_spans

    return filter_spans(spans)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--gold-train", nargs="*", default=[], help="gold documents whose corrected paragraphs join the training data"
    )
    ap.add_argument(
        "--ship", action="store_true", help="copy the model to extractors/models/ner/ if it beats the rules"
    )
    ap.add_argument("--skip-train", action="store_true", help="only compare an existing build")
    ap.add_argument("--build", type=Path, default=BUILD, help="where data and output go")
    args = ap.parse_args(argv)
    build = args.build
    gold_docs = set(entity_gold())
    held_out = gold_docs - set(args.gold_train)
    output = build / "output"
    if not args.skip_train:
        build.mkdir(parents=True, exist_ok=True)
        train, dev, stats = make_silver(set(args.gold_train), held_out)
        train.to_disk(build / "train.spacy")
        dev.to_disk(build / "dev.spacy")
        print(json.dumps({k: v for k, v in stats.items() if k != "docs"}))
        cmd = [
            sys.executable,
            "-m",
            "spacy",
            "train",
            str(CONFIG),
            "--code",
            str(HERE / "functions.py"),
            "--paths.train",
            str(build / "train.spacy"),
            "--paths.dev",
            str(build / "dev.spacy"),
            "--output",
            str(output),
        ]
        print(" ".join(cmd))
        subprocess.run(cmd, check=True, cwd=ROOT)
    candidate = output / "model-best"
    cmd = [sys.executable, str(HERE / "evaluate.py"), "--model", str(candidate), "--docs", *sorted(held_out)]
    result = subprocess.run(cmd, check=True, cwd=ROOT, capture_output=True, text=True)
    print(result.stdout)
    summary = json.loads(result.stdout.strip().splitlines()[-1])

    def micro(name: str) -> float:
        tp = sum(summary[name][label]["tp"] for label in SCORED)
        fp = sum(summary[name][label]["fp"] for label in SCORED)
        fn = sum(summary[name][label]["fn"] for label in SCORED)
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    rules, model = micro("rules"), micro("rules+model")
    print(f"micro F1 (PROGRAM, ORG, GPE) on held-out gold: rules {rules:.3f}, rules+model {model:.3f}")
    if args.ship:
        if model > rules:
            if MODEL_DIR.exists():
                shutil.rmtree(MODEL_DIR)
            shutil.copytree(candidate, MODEL_DIR, ignore=shutil.ignore_patterns("tokenizer"))
            print(f"shipped to {MODEL_DIR}")
        else:
            print("not shipped: the model does not beat the rules")


if __name__ == "__main__":
    main()
