"""plantasks pipeline: reading, normalising, structure, orchestration, tables, CLI."""

__version__ = "0.1.0"
