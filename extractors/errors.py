"""Errors raised while loading language data; extractors never raise on text."""

from __future__ import annotations


class PlantasksError(Exception):
    """Base of every error plantasks raises on purpose."""


class FileProblem(PlantasksError):
    """An error about one file: keeps ``path`` and ``problem`` as fields and pickles
    (the Dask runner ships errors between processes). Message: ``path: problem``."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    def __reduce__(self):
        return (type(self), (self.path, self.problem))


class DataFileError(FileProblem):
    """A language-data file is missing, malformed or inconsistent."""
