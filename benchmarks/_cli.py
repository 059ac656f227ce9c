"""Run ``plantasks run`` as a user does, in a fresh process, and time what they wait for."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from _corpus import ROOT


def cli_run(corpus: Path, out: Path, *args: str, env: dict | None = None, code: Path = ROOT) -> float:
    """Wall seconds of ``python -m pipeline.cli run CORPUS --out OUT --quiet ARGS`` from the
    checkout ``code``; raises with its stderr if it fails."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "run", str(corpus), "--out", str(out), "--quiet", *args],
        cwd=code,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(
            f"plantasks run {corpus} {' '.join(args)} exited {done.returncode}: {done.stderr.strip()[-2000:]}"
        )
    return seconds


def one_document_corpus(document: str, dest: Path, source: Path = ROOT / "corpus") -> Path:
    """A corpus folder holding only ``document`` (a path like ``pingtan-haitan/2022.txt``)."""
    target = dest / document
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes((source / document).read_bytes())
    return dest


def median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
