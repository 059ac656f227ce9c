#!/usr/bin/env bash
# Set up a virtual environment with the test extras and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
# The PDF tests render corpus texts with a CJK font (Debian package fonts-noto-cjk).
if ! ls /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq && apt-get install -y -qq fonts-noto-cjk >/dev/null
    else
        echo "warning: no CJK font and no apt-get: tests/pipeline/test_pdf.py will fail" >&2
    fi
fi
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
bash scripts/install_pkuseg.sh .venv   # the optional segmenter backend is tested too
# tests/pipeline/test_report_browser.py renders the HTML report in headless Chromium: install
# Debian's chromium (and CJK fonts for the screenshots) when missing. If this fails the test
# fails too; it never skips.
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        chromium fonts-noto-cjk; } || echo "scripts/test.sh: could not install chromium; the browser test will fail" >&2
fi
.venv/bin/python -m pytest -q "$@"
