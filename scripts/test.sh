#!/usr/bin/env bash
# Set up a virtual environment with the test extras, check lint, format and types, and run
# the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
# System packages the tests need, installed when missing: a CJK font and a Latin one
# (tests/pipeline/test_pdf.py renders corpus texts into PDFs; the browser test's screenshots) and Debian's chromium
# (tests/pipeline/test_report_browser.py renders the HTML report headless). If they cannot be
# installed those tests fail: they never skip.
missing=()
ls /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
# a Latin font beside it: a PDF test sets a quote in a Latin face, as Word does
ls /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
        --no-install-recommends "${missing[@]}" >/dev/null; } \
        || echo "scripts/test.sh: could not install ${missing[*]}; the tests that need them will fail" >&2
fi
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
bash scripts/install_pkuseg.sh .venv   # the optional segmenter backend is tested too
.venv/bin/python -m pytest -q "$@"
