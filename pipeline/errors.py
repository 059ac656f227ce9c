"""Errors about one input document or the output folder; each names the file and the problem."""

from __future__ import annotations

from extractors.errors import PlantasksError


class DocumentError(PlantasksError):
    """One document cannot be processed; the run records it as ``failed`` and goes on."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    def __reduce__(self):
        return (type(self), (self.path, self.problem))


class OutputError(PlantasksError):
    """The output folder cannot be written (unwritable, full, or not a folder)."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    def __reduce__(self):
        return (type(self), (self.path, self.problem))
