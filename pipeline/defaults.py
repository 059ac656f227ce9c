"""The folders every ``plantasks`` command uses when none is given, defined once.

``outputs/`` and ``corpus/`` are relative to the current folder, as the help texts and
the README's pandas and DuckDB snippets (``pd.read_parquet("outputs/targets")``) read
them, so ``plantasks run`` and then ``plantasks export``/``compare``/``evaluate`` in the
same folder meet the same tables whether plantasks is installed editable or not.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path("corpus")
OUT = Path("outputs")
# The hand-made gold ships with the repository, so it is found from any folder.
GOLD = ROOT / "tests" / "gold"
