"""Execute notebooks/compare_plans.ipynb against this session's run so it never rots."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "compare_plans.ipynb"


@pytest.fixture(scope="module")
def executed(corpus_outputs, monkeypatch_module) -> nbformat.NotebookNode:
    monkeypatch_module.setenv("PLANTASKS_OUT", str(corpus_outputs))
    monkeypatch_module.setenv("PLANTASKS_ISSUER", "gov-report")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # raises CellExecutionError, naming the cell, if any cell fails
    NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    ).execute()
    return nb


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


def _outputs(nb):
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]


def test_notebook_is_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_notebook_runs_and_plots(executed):
    outputs = _outputs(executed)
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 2  # target against outcome, and the target series


def test_notebook_shows_headline_pairs(executed):
    text = "\n".join(o.get("data", {}).get("text/plain", "") for o in _outputs(executed))
    # the GDP, CPI and jobs pairs of 2013–2018, as the fulfilment table has them
    for piece in ("≈7.5%", "7.7%", "6.5%–7%", "6.7%", "≥1100万人", "1361万人", "2.1%"):
        assert piece in text, piece
    assert "met" in text
