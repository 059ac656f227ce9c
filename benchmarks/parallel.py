"""Parallelism: the same corpus processed serially and on N local processes, side by side.

    python benchmarks/parallel.py [--workers 2] [--copies 2] [--prefect]

Runs the corpus (``--copies`` times it, as distinct documents) with the local engine in
this process (extractors loaded beforehand) and with ``--workers`` processes (their
start-up and loading included), cache off, and prints the speed-up, and the speed-up
when the serial side also counts its loading (as a fresh serial run would). ``--prefect`` adds
the Prefect flow on a process pool of the same size. Goal: at least 1.7x on 2 cores.
Needs a quiet machine: anything else running takes cores from the pool.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from _corpus import Timer, scaled_corpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--copies", type=int, default=2)
    ap.add_argument("--prefect", action="store_true")
    args = ap.parse_args()

    from pipeline.orchestrate.engines import run_corpus
    from pipeline.orchestrate.pool import warm_up

    tmp = Path(tempfile.mkdtemp(prefix="plantasks-parallel-"))
    try:
        corpus = scaled_corpus(48 * args.copies, tmp / "corpus")
        print(f"{48 * args.copies} documents, {os.cpu_count()} cores")
        with Timer() as warm:
            warm_up()
        with Timer() as serial:
            s = run_corpus(corpus, tmp / "serial", cache=False)
        print(
            f"serial (1 process):      {serial.seconds:7.2f} s (+ {warm.seconds:.2f} s loading the extractors, "
            f"done beforehand)"
        )
        with Timer() as pooled:
            p = run_corpus(corpus, tmp / "pooled", cache=False, workers=args.workers)
        assert (s.documents_ok, s.rows) == (p.documents_ok, p.rows)
        print(
            f"local, {args.workers} processes:      {pooled.seconds:7.2f} s, "
            f"speed-up {serial.seconds / pooled.seconds:.2f}x (goal >= 1.7x on 2 cores); "
            f"{(serial.seconds + warm.seconds) / pooled.seconds:.2f}x counting the loading on both sides"
        )
        if args.prefect:
            with Timer() as flow:
                f = run_corpus(corpus, tmp / "prefect", engine="prefect", cache=False, workers=args.workers)
            assert (s.documents_ok, s.rows) == (f.documents_ok, f.rows)
            print(
                f"prefect, {args.workers} processes:    {flow.seconds:7.2f} s, "
                f"speed-up {serial.seconds / flow.seconds:.2f}x (server start-up included)"
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
