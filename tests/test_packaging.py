"""pyproject.toml declares the licence the way setuptools ≥ 77 wants it.

setuptools warned on every install that ``project.license`` as a table
(``{ text = "MIT" }``) stops working in February 2027. This test checks the fields that
decide the warning; it does not run ``pip install`` (that needs the network for the
isolated build environment). Checked by hand with ``pip install -v -e .``: no
``SetuptoolsDeprecationWarning`` with these fields, three with the table.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_packaging_license_is_an_spdx_expression_with_its_file():
    project = _pyproject()["project"]
    assert project["license"] == "MIT"
    for pattern in project["license-files"]:
        assert list(ROOT.glob(pattern)), f"license-files: {pattern} matches no file"
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    # PEP 639: a licence classifier beside an SPDX expression is an error
    assert not [c for c in project.get("classifiers", []) if c.startswith("License ::")]


def test_packaging_build_needs_a_setuptools_that_reads_spdx():
    requires = _pyproject()["build-system"]["requires"]
    setuptools = [r for r in requires if r.startswith("setuptools")]
    assert len(setuptools) == 1
    minimum = re.fullmatch(r"setuptools>=(\d+)(?:\.\d+)*", setuptools[0])
    assert minimum and int(minimum.group(1)) >= 77, setuptools[0]


def test_packaging_frictionless_is_a_test_dependency():
    # the datapackage.json of every run is validated with it (tests/pipeline/test_datapackage.py)
    assert any(r.startswith("frictionless") for r in _pyproject()["project"]["optional-dependencies"]["test"])
