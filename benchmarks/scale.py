"""Scale: generated corpora of copies of the real documents, time and peak memory per size.

    python benchmarks/scale.py [--sizes 500,1000,2000] [--workers 2]

Each size runs ``plantasks run --engine local`` semantics (``run_corpus``, cold: fresh
output folder) in a fresh process, so its peak memory is its own. Prints seconds,
seconds per document (flat when time grows linearly), the peak resident memory of the
main process (which writes every table and builds the cross-year tables) and of the
largest worker. Goal: linear time; peak memory under 1.5 GB whatever the size.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _corpus import ROOT, scaled_corpus

ONE = """
import json, os, resource, sys, threading, time
sys.path.insert(0, {root!r})
from pipeline.orchestrate.engines import run_corpus
worker_peak = [0]

def descendants_peak_kb():
    parent = {{}}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            status = open(f"/proc/{{pid}}/status").read()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        parent[int(pid)] = (int(fields["PPid"]), int(fields.get("VmHWM", "0 kB").split()[0]))
    mine, peak, changed = {{os.getpid()}}, 0, True
    while changed:
        changed = False
        for pid, (ppid, hwm) in parent.items():
            if ppid in mine and pid not in mine:
                mine.add(pid); changed = True; peak = max(peak, hwm)
    return peak

def watch():
    while True:
        worker_peak[0] = max(worker_peak[0], descendants_peak_kb())
        time.sleep(0.5)

threading.Thread(target=watch, daemon=True).start()
t = time.perf_counter()
s = run_corpus({corpus!r}, {out!r}, engine="local", workers={workers})
seconds = time.perf_counter() - t
print(json.dumps({{"seconds": seconds, "ok": s.documents_ok, "failed": s.documents_failed,
    "rows": sum(s.rows.values()),
    "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "worker_mb": worker_peak[0] / 1024}}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="500,1000,2000")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="plantasks-scale-"))
    try:
        rows = []
        for size in map(int, args.sizes.split(",")):
            corpus = scaled_corpus(size, tmp / f"corpus-{size}")
            code = ONE.format(root=str(ROOT), corpus=str(corpus), out=str(tmp / f"out-{size}"), workers=args.workers)
            done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
            if done.returncode:
                sys.exit(f"size {size} failed:\n{done.stderr[-3000:]}")
            r = json.loads(done.stdout.strip().splitlines()[-1])
            rows.append((size, r))
            print(
                f"{size:5d} documents: {r['seconds']:7.1f} s, {r['seconds'] / size * 1000:6.1f} ms/document, "
                f"{r['ok']} ok, {r['failed']} failed, {r['rows']:,} rows; peak memory main "
                f"{r['main_mb']:.0f} MB, largest worker {r['worker_mb']:.0f} MB",
                flush=True,
            )
            shutil.rmtree(tmp / f"out-{size}", ignore_errors=True)
        (s0, r0), (s1, r1) = rows[0], rows[-1]
        print(
            f"time per document, largest / smallest size ({s1} / {s0}): "
            f"{(r1['seconds'] / s1) / (r0['seconds'] / s0):.2f} (1.00 = linear)"
        )
        peak = max(max(r["main_mb"], r["worker_mb"]) for _, r in rows)
        print(f"peak memory of any one process: {peak:.0f} MB (goal < 1536 MB)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
