"""The HTML report of ``plantasks compare`` rendered in a real browser (headless Chromium).

Checked from the rendered page, not from the HTML source: no chart label overflows its
chart (the M2 chart once cut the outcome 11.3% of 2016 to "1" at its right edge) and no
table column is narrower than its longest word (the raised/lowered column once squeezed
to one character, so the table ran four screens). A screenshot of each report is saved
beside it under the run's ``reports/`` folder.

``scripts/test.sh`` installs Debian's ``chromium`` when it is missing; a machine without
a Chromium fails here rather than skipping, so CI cannot pass without the check.
"""

from __future__ import annotations

import html as html_module
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.reports.compare import build_comparison, report_path
from pipeline.reports.html import write_report

CHECK_SCRIPT = Path(__file__).with_name("layout_check.js")
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--disable-dev-shm-usage",
    "--force-device-scale-factor=1",
]


@pytest.fixture(scope="module")
def chromium() -> str:
    for name in (os.environ.get("PLANTASKS_CHROMIUM"), *BROWSERS):
        path = name and shutil.which(name)
        if path:
            return path
    pytest.fail(
        "no Chromium found (looked for " + ", ".join(BROWSERS) + "); "
        "scripts/test.sh installs it with apt-get install chromium"
    )


def _run(chromium: str, profile: Path, *args: str) -> str:
    proc = subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True, timeout=180
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def render(chromium: str, report: Path, tmp_path: Path) -> dict:
    """The layout findings of ``report`` (tests/pipeline/layout_check.js run on a copy of it)."""
    page = tmp_path / f"{report.stem}-check.html"
    html = report.read_text(encoding="utf-8")
    script = f"<script>{CHECK_SCRIPT.read_text(encoding='utf-8')}</script>"
    page.write_text(html.replace("</body>", script + "</body>"), encoding="utf-8")
    dom = _run(
        chromium,
        tmp_path / "profile-check",
        "--window-size=1280,900",
        "--virtual-time-budget=10000",
        "--dump-dom",
        page.as_uri(),
    )
    found = re.findall(r'<pre id="layout-check">([^<]*)</pre>', dom)
    assert found, dom[-2000:]
    return json.loads(html_module.unescape(found[-1]))


def screenshot(chromium: str, report: Path, height: int, tmp_path: Path) -> Path:
    """A PNG of the whole report, saved beside it."""
    png = report.with_suffix(".png")
    _run(
        chromium,
        tmp_path / "profile-shot",
        f"--window-size=1280,{min(max(height, 900), 16000)}",
        "--virtual-time-budget=10000",
        f"--screenshot={png}",
        report.as_uri(),
    )
    return png


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "issuer, year_from, year_to",
    [
        ("gov-report", 2013, 2019),  # the M2 chart, the raised/lowered table
        ("gov-report", 1978, 1999),  # two decades on one axis, amounts in 亿 and 万亿 (no held-out year)
        ("pingtan-gov-report", 2020, 2021),  # a county-level issuer; outcomes from 2021, 2022 (development)
    ],
)
def test_report_renders_without_overflow(chromium, corpus_outputs, tmp_path, issuer, year_from, year_to):
    c = build_comparison(corpus_outputs, issuer, year_from, year_to)
    report = write_report(c, report_path(corpus_outputs, c))
    result = render(chromium, report, tmp_path)
    png = screenshot(chromium, report, result["height"], tmp_path)
    assert png.is_file() and png.stat().st_size > 10_000
    assert result["cells"] > 10
    if issuer == "gov-report":
        assert result["charts"] >= 3 and result["labels"] > 50
    assert result["problems"] == []
    assert result["width"] <= 1280, "the page scrolls sideways"
