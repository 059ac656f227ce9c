#!/usr/bin/env bash
# Install the optional pkuseg segmenter backend into a virtual environment (default .venv).
# pkuseg 0.0.25 is an sdist whose setup.py imports numpy, and spacy-pkuseg's wheels are
# built against numpy 1, so both are built here against the installed numpy.
set -euo pipefail
venv="${1:-.venv}"
"$venv/bin/python" -m pip install -q wheel numpy cython
"$venv/bin/python" -m pip install -q --no-build-isolation pkuseg==0.0.25
"$venv/bin/python" -m pip install -q --no-build-isolation --no-binary spacy-pkuseg "spacy-pkuseg>=0.0.27,<0.1.0"
