"""Shared set-up of the benchmarks: the corpus, its specs and a scaled copy of it."""

from __future__ import annotations

import csv
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
sys.path.insert(0, str(ROOT))

# Prefect, if a benchmark imports it, must see the hermetic settings first.
os.environ.setdefault("PLANTASKS_PREFECT_HOME", str(Path(tempfile.gettempdir()) / "plantasks-prefect-bench"))
from pipeline.orchestrate import prefect_env  # noqa: E402

prefect_env.configure()


def scaled_corpus(n_docs: int, dest: Path, source: Path = CORPUS) -> Path:
    """A corpus of ``n_docs`` documents: copies of the real ones under new issuers (ids).

    Copy k of a document goes to issuer ``<slug>-c<k>``, so every copy is a distinct
    document with a unique doc_id and the cross-year tables see as many issuers as copies.
    """
    with (source / "MANIFEST.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    dest.mkdir(parents=True, exist_ok=True)
    out_rows = []
    for i in range(n_docs):
        row = dict(rows[i % len(rows)])
        k = i // len(rows)
        src = source / row["path"]
        rel = Path(f"c{k}") / row["path"]
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        target = dest / rel
        if not target.exists():
            try:
                os.link(src, target)
            except OSError:
                shutil.copy(src, target)
        row["path"] = str(rel)
        if k:
            row["issuer_slug"] = f"{row['issuer_slug']}-c{k}"
            row["issuer"] = f"{row['issuer']}（副本{k}）"
        out_rows.append(row)
    with (dest / "MANIFEST.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(out_rows[0]))
        writer.writeheader()
        writer.writerows(out_rows)
    return dest


class Timer:
    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start


def peak_rss_mb() -> float:
    """Peak resident memory of this process (ru_maxrss, Linux kilobytes)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
