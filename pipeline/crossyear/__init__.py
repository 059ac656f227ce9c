"""Cross-year tables built from the per-document tables of one issuer."""
