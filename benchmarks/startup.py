"""The fixed cost of a run: a one-document ``plantasks run``, Prefect against local, cold and warm.

    python benchmarks/startup.py [--rounds 3] [--document pingtan-haitan/2022.txt] [--baseline DIR]

Each measurement is a fresh process running the command line on a corpus of one short
document, timed from outside (what the user waits for). In every round, alternated:

- local, cold (new output folder) and unchanged (the same folder again);
- Prefect, first start (a new Prefect home: the server creates its database);
- Prefect, cold (new output folder, database already there) and unchanged;
- Prefect with a running server (``PREFECT_API_URL`` set to a server started here);
- with ``--baseline DIR``, a checkout of an earlier commit (``git archive C | tar -x -C DIR``;
  it needs no install of its own), Prefect cold and unchanged: before against after.

Prints each round and the median and best of each. Goal: the default engine's
one-document run takes at most 6 s cold and 3 s when nothing changed.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from _cli import cli_run, median, one_document_corpus
from _corpus import ROOT


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument(
        "--document",
        default="pingtan-haitan/2022.txt",
        help="corpus path of the one document (default: the shortest in the corpus)",
    )
    ap.add_argument("--baseline", type=Path, help="a checkout of an earlier commit to compare with")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="plantasks-startup-"))
    try:
        run(args, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(args, tmp: Path) -> None:
    from pipeline.orchestrate.prefect_server import PrefectServer

    corpus = one_document_corpus(args.document, tmp / "corpus")
    home = {"PLANTASKS_PREFECT_HOME": str(tmp / "home")}
    times: dict[str, list[float]] = {}

    def measure(name: str, out: Path, *cli_args: str, env: dict | None = None, code: Path = ROOT) -> None:
        seconds = cli_run(corpus, out, *cli_args, env={**home, **(env or {})}, code=code)
        times.setdefault(name, []).append(seconds)
        print(f"  {name:<34} {seconds:6.2f} s", flush=True)

    # a server that keeps running between runs, as `prefect server start` would
    import os

    os.environ["PLANTASKS_PREFECT_HOME"] = str(tmp / "running-home")
    running = PrefectServer()
    running_url = running.wait()
    try:
        for r in range(args.rounds):
            print(f"round {r + 1}")
            measure("local, cold", tmp / f"local-{r}", "--engine", "local")
            measure("local, unchanged", tmp / f"local-{r}", "--engine", "local")
            shutil.rmtree(tmp / "home", ignore_errors=True)
            measure("prefect, first start (new database)", tmp / f"first-{r}", "--engine", "prefect")
            measure("prefect, cold", tmp / f"prefect-{r}", "--engine", "prefect")
            measure("prefect, unchanged", tmp / f"prefect-{r}", "--engine", "prefect")
            measure(
                "prefect, server already running",
                tmp / f"running-{r}",
                "--engine",
                "prefect",
                env={"PREFECT_API_URL": running_url},
            )
            if args.baseline:
                measure("baseline prefect, cold", tmp / f"base-{r}", "--engine", "prefect", code=args.baseline)
                measure("baseline prefect, unchanged", tmp / f"base-{r}", "--engine", "prefect", code=args.baseline)
    finally:
        running.stop()
    print(f"\none-document run of {args.document}, {args.rounds} rounds: median (best)")
    for name, values in times.items():
        print(f"  {name:<34} {median(values):6.2f} s ({min(values):.2f} s)")
    for state in ("cold", "unchanged"):
        prefect, local = median(times[f"prefect, {state}"]), median(times[f"local, {state}"])
        print(f"Prefect's share, {state}: {prefect - local:.2f} s (median prefect − median local)")
    print("goal: prefect cold <= 6 s, unchanged <= 3 s")


if __name__ == "__main__":
    main()
