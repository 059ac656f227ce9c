"""Builders of generated language data (not part of the installed package)."""
