"""Document structure: sections, tasks and the part (plan/review/other) of every passage."""
