"""Write the Parquet tables of a run: per-document parts as the run goes, swapped in whole at the end.

Every part is written into a staging folder inside the output root, so nothing a reader
sees is ever half-written and memory stays flat however many documents there are. At
commit each table folder is replaced by a rename (``outputs/targets`` → the new one); the
previous folder is kept under ``.previous/`` until the new one is in place, so a crash or
kill at any moment leaves every table either old or new, and the next run restores any
table a crash left missing.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import time
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.errors import OutputError
from pipeline.registry import ALL_TABLES
from pipeline.tables import datapackage

STAGING_PREFIX = ".staging-"
PREVIOUS = ".previous"


def to_table(rows: list[dict], schema: pa.Schema) -> pa.Table:
    """Rows (dicts keyed by column) as an Arrow table of exactly ``schema``.

    An empty string is written as null: a missing subject, unit or title is null in
    every table, so ``isna()`` and SQL's ``IS NULL`` find it (extractors may use ``""``
    for "none" internally).
    """
    columns = {}
    for field in schema:
        values = [row.get(field.name) for row in rows]
        if field.type == pa.string():
            values = [None if v == "" else v for v in values]
        columns[field.name] = values
    return pa.Table.from_pydict(columns, schema=schema)


def _explain(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "not writable (permission denied or read-only)"
    return exc.strerror or str(exc)


class RunWriter:
    """Stages the tables of one run and publishes them atomically with ``commit``."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = Path(out_dir)
        try:
            if self.out_dir.exists() and not self.out_dir.is_dir():
                raise OutputError(str(self.out_dir), "exists and is not a folder")
            self.out_dir.mkdir(parents=True, exist_ok=True)
            recover(self.out_dir)
            self.staging = self.out_dir / f"{STAGING_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}"
            self.staging.mkdir()
            probe = self.staging / ".probe"
            probe.write_bytes(b"ok")
            probe.unlink()
        except OutputError:
            raise
        except OSError as exc:
            raise OutputError(str(self.out_dir), f"cannot write the output folder: {_explain(exc)}") from exc
        self.rows_written: dict[str, int] = {}

    def _part_path(self, table: str, name: str) -> Path:
        folder = self.staging / table
        path = (folder / f"{name}.parquet").resolve()
        # ids come from input files: never let one write outside its table folder
        if path.parent != folder.resolve():
            raise OutputError(str(path), "refusing to write outside the output folder")
        return path

    def write_part(self, table: str, name: str, rows: list[dict]) -> None:
        """Write one part (usually one document's rows) of ``table``."""
        if not rows:
            return
        schema = ALL_TABLES[table]
        path = self._part_path(table, name)
        try:
            path.parent.mkdir(exist_ok=True)
            tmp = path.with_suffix(".tmp")
            pq.write_table(to_table(rows, schema), tmp)
            os.replace(tmp, path)
        except OSError as exc:
            raise OutputError(str(self.out_dir), f"cannot write table {table}: {_explain(exc)}") from exc
        self.rows_written[table] = self.rows_written.get(table, 0) + len(rows)

    def adopt_part(self, table: str, name: str, source: Path) -> None:
        """Reuse an already written part (incremental runs) by hard link or copy."""
        path = self._part_path(table, name)
        try:
            path.parent.mkdir(exist_ok=True)
            try:
                os.link(source, path)
            except OSError:
                shutil.copy2(source, path)
        except OSError as exc:
            raise OutputError(str(self.out_dir), f"cannot write table {table}: {_explain(exc)}") from exc
        self.rows_written[table] = self.rows_written.get(table, 0) + pq.read_metadata(path).num_rows

    def staged_part(self, table: str, name: str) -> Path | None:
        path = self._part_path(table, name)
        return path if path.exists() else None

    def commit(self, tables: list[str], run_info: dict | None = None) -> None:
        """Publish ``tables``: each becomes ``out_dir/<table>/`` in one rename."""
        try:
            for table in tables:
                folder = self.staging / table
                folder.mkdir(exist_ok=True)
                if not any(folder.glob("*.parquet")):
                    pq.write_table(to_table([], ALL_TABLES[table]), folder / "empty.parquet")
            previous = self.out_dir / PREVIOUS
            previous.mkdir(exist_ok=True)
            for table in tables:
                target = self.out_dir / table
                old = previous / f"{table}-{uuid.uuid4().hex[:8]}"
                if target.exists():
                    os.replace(target, old)
                os.replace(self.staging / table, target)
                shutil.rmtree(old, ignore_errors=True)
            try:
                previous.rmdir()
            except OSError:
                pass
            # the run's summary and the Data Package describing its tables, beside them
            # (a versioned output folder writes both into the version it switches to)
            metadata = {datapackage.FILE_NAME: datapackage.descriptor()}
            if run_info is not None:
                metadata["_run.json"] = run_info
            for name, content in metadata.items():
                path = self.out_dir / name
                tmp = path.with_suffix(".tmp")
                tmp.write_text(json.dumps(content, ensure_ascii=False, indent=2, default=str) + "\n",
                               encoding="utf-8")
                os.replace(tmp, path)
        except OSError as exc:
            raise OutputError(str(self.out_dir), f"cannot publish the tables: {_explain(exc)}") from exc
        finally:
            shutil.rmtree(self.staging, ignore_errors=True)

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def recover(out_dir: Path) -> None:
    """Undo what a killed run left: restore tables it had moved away, drop its staging."""
    previous = out_dir / PREVIOUS
    if previous.is_dir():
        for old in sorted(previous.iterdir()):
            table = old.name.rsplit("-", 1)[0]
            if table in ALL_TABLES and not (out_dir / table).exists():
                os.replace(old, out_dir / table)
            else:
                shutil.rmtree(old, ignore_errors=True)
    for stale in out_dir.glob(f"{STAGING_PREFIX}*"):
        pid = stale.name[len(STAGING_PREFIX):].split("-")[0]
        if not pid.isdigit() or not _alive(int(pid)) or time.time() - stale.stat().st_mtime > 86400:
            shutil.rmtree(stale, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
