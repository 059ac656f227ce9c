"""The code passes its own checks: ruff's lint and format, and mypy on ``extractors/``.

All three are configured in pyproject.toml, so a contributor runs the same checks with
``ruff check .``, ``ruff format --check .`` and ``mypy``. Types that say the truth are how
a reader of ``extractors/`` knows what a function takes and gives (a time without dates
frames nothing; a unit matched by the unit pattern has a definition); this keeps them
checked, not just written.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parents[1]


def _ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True)


def test_code_checks_ruff_lint_passes():
    done = _ruff("check", "--no-cache", "--output-format", "concise", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_code_checks_ruff_format_leaves_every_file_unchanged():
    done = _ruff("format", "--no-cache", "--check", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_code_checks_extractors_pass_mypy(tmp_path_factory):
    cache = tmp_path_factory.mktemp("mypy")
    cwd = os.getcwd()
    os.chdir(ROOT)  # the [tool.mypy] of pyproject.toml: files, python_version, untyped libraries
    try:
        out, err, status = api.run(["--cache-dir", str(cache), "--no-error-summary"])
    finally:
        os.chdir(cwd)
    assert status == 0, out + err  # notes (an unchecked annotation in an untyped function) do not fail it
