"""Document structure: where the plan is, its sections and tasks, and what each part is for."""

from pipeline.structure.checks import structure_warnings  # noqa: F401
