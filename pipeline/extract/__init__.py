"""One document end to end: read, normalise, structure, then every registered extractor."""
