"""The extractors type-check: ``python -m mypy`` (configured in pyproject.toml) finds no error.

Types that say the truth are how a reader of ``extractors/`` knows what a function takes
and gives (a time without dates frames nothing; a unit matched by the unit pattern has a
definition); this keeps them checked, not just written.
"""

from __future__ import annotations

import os
from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parents[1]


def test_types_extractors_pass_mypy(request):
    cache = request.config.cache.mkdir("mypy")  # warm runs take a fraction of a second
    cwd = os.getcwd()
    os.chdir(ROOT)  # the [tool.mypy] of pyproject.toml: files, python_version, untyped libraries
    try:
        out, err, status = api.run(["--cache-dir", str(cache), "--no-error-summary"])
    finally:
        os.chdir(cwd)
    assert status == 0, out + err  # notes (an unchecked annotation in an untyped function) do not fail it
