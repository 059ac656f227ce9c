"""Registers the plantasks tokenizer and components for ``spacy train --code``."""

import extractors.entities  # noqa: F401  (registers plantasks.zh_tokenizer.v1 and the rulers)
