"""Pure extractors: normalised text in, typed records out (no I/O, no Prefect)."""
