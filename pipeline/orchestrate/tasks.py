"""Prefect tasks: each wraps one plain function (one task per document, never per sentence)."""

from __future__ import annotations

from pipeline.orchestrate import prefect_env

prefect_env.configure()

from prefect import task  # noqa: E402
from prefect.cache_policies import NONE  # noqa: E402

from pipeline.extract.document import DocumentResult, process_document  # noqa: E402
from pipeline.ingest.corpus import DocumentSpec  # noqa: E402
from pipeline.orchestrate.pool import process_on_active_pool  # noqa: E402
from pipeline.orchestrate.run import Prepared  # noqa: E402


@task(name="process-document", cache_policy=NONE, persist_result=False)
def process_document_task(spec: DocumentSpec, raw: bytes | None = None) -> DocumentResult:
    """Normalise, structure and extract one document (its bytes read by the run)."""
    return process_document(spec, raw)


@task(name="process-document", cache_policy=NONE, persist_result=False)
def process_document_on_pool_task(spec: DocumentSpec, raw: bytes | None = None) -> DocumentResult:
    """The same, on a worker of the run's local process pool (``flows.run_flow`` opens it).

    The task itself runs in a thread of the flow's process, so its states reach the
    flow's Prefect server directly; only the work crosses to the worker process.
    """
    return process_on_active_pool(Prepared(spec, raw=raw))
