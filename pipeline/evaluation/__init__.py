"""Scoring the outputs against the hand-made gold files."""
