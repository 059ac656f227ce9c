"""Prefect flows only: they sequence the tasks of ``pipeline/tasks.py`` and nothing else."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from pipeline import prefect_env

prefect_env.configure()

from prefect import flow  # noqa: E402

from pipeline.process import DocumentResult  # noqa: E402
from pipeline.run import Prepared, RunSummary, failed_result, run_documents  # noqa: E402
from pipeline.tasks import process_document_task  # noqa: E402


def _submit_all(prepared: Iterable[Prepared]) -> Iterator[DocumentResult]:
    """One task per document; results are yielded in input order as they finish."""
    pending = []
    for p in prepared:
        pending.append((p, None if p.error else process_document_task.submit(p.spec)))
    for p, future in pending:
        if future is None:
            yield failed_result(p)
            continue
        try:
            yield future.result()
        except Exception as exc:  # noqa: BLE001 - a crashed task fails its document only
            yield failed_result(Prepared(p.spec, f"{p.spec.path}: task crashed ({type(exc).__name__}: {exc})"))


@flow(name="plantasks-run", log_prints=False, validate_parameters=False)
def corpus_flow(corpus: Path, out_dir: Path) -> RunSummary:
    """Process a corpus folder: one task per document, then the cross-year tables."""
    return run_documents(Path(corpus), Path(out_dir), _submit_all)


def run_flow(corpus: Path, out_dir: Path) -> RunSummary:
    with prefect_env.no_heartbeat():
        return corpus_flow(corpus, out_dir)
