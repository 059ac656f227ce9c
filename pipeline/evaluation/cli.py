"""``plantasks evaluate``: score a run's tables against a gold folder and print the result."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline import defaults
from pipeline.evaluation.evaluate import evaluate
from pipeline.evaluation.gold import GoldFileError
from pipeline.evaluation.report import format_markdown, format_report

DEFAULT_GOLD = defaults.GOLD


def main(argv: list[str] | None = None) -> int:
    """``plantasks evaluate [--gold DIR] [--out DIR] [--markdown] [--misses N]``."""
    p = argparse.ArgumentParser(
        prog="plantasks evaluate", description="Score the output tables against the hand-made gold files."
    )
    p.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold folder (default: tests/gold)")
    p.add_argument("--out", type=Path, default=defaults.OUT, help="the run's output folder (default: outputs/)")
    p.add_argument("--markdown", action="store_true", help="print the README Quality table instead")
    p.add_argument("--misses", type=int, default=20, help="problems shown per table (default: 20)")
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["--"]:  # `plantasks evaluate -- --out DIR` passes the separator on
        argv = argv[1:]
    args = p.parse_args(argv)
    if not (args.out / "documents").exists():
        print(f"error: {args.out}/documents: no outputs; run `plantasks run` first", file=sys.stderr)
        return 2
    try:
        ev = evaluate(args.gold, args.out)
    except GoldFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(format_markdown(ev, gold=args.gold) if args.markdown else format_report(ev, args.misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
