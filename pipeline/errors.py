"""Errors about one input document or the output folder; each names the file and the problem."""

from __future__ import annotations

from extractors.errors import FileProblem


class DocumentError(FileProblem):
    """One document cannot be processed; the run records it as ``failed`` and goes on."""


class OutputError(FileProblem):
    """The output folder cannot be written (unwritable, full, or not a folder)."""


class PrefectServerError(FileProblem):
    """The Prefect server of a run did not start; ``path`` is its log file."""
