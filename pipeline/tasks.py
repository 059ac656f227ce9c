"""Prefect tasks: each wraps one plain function (one task per document, never per sentence)."""

from __future__ import annotations

from pipeline import prefect_env

prefect_env.configure()

from prefect import task  # noqa: E402
from prefect.cache_policies import NONE  # noqa: E402

from pipeline.corpus import DocumentSpec  # noqa: E402
from pipeline.process import DocumentResult, process_document  # noqa: E402


@task(name="process-document", cache_policy=NONE, persist_result=False)
def process_document_task(spec: DocumentSpec) -> DocumentResult:
    """Read, normalise, structure and extract one document."""
    return process_document(spec)
