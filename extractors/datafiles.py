"""Reading the language-data files: one place turns I/O and YAML errors into DataFileError."""

from __future__ import annotations

from pathlib import Path

import yaml

from extractors.errors import DataFileError


def read_yaml(path: Path | str) -> object:
    """The parsed content of a YAML data file, or DataFileError naming the file."""
    path = Path(path)
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), f"cannot read: {exc}") from exc
