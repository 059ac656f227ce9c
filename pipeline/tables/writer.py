"""Write the Parquet tables of a run: per-document parts as the run goes, published whole at the end.

Every part is written into a new version folder inside plantasks' area of the output
folder (``pipeline/tables/output_folder.py``), so nothing a reader sees is ever
half-written and memory stays flat however many documents there are. ``commit``
publishes every table at once by one rename; a crash or kill at any moment leaves the
previous run's tables whole, and the next run deletes what the killed one left. The
writer holds the output folder's lock from its creation to ``commit`` or ``abort``.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.errors import OutputError
from pipeline.registry import ALL_TABLES
from pipeline.tables import datapackage
from pipeline.tables.output_folder import RUN_INFO, OutputFolder, explain

# A part's file name: ``<name>.parquet``, and ``<name>.tmp`` while written. Names come
# from documents (doc_id, issuer slug); the file system refuses more than 255 bytes.
MAX_PART_NAME_BYTES = 200


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


class RunWriter:
    """Stages the tables of one run and publishes them atomically with ``commit``."""

    def __init__(self, out_dir: Path, corpus: Path | None = None) -> None:
        """Open a run in ``out_dir``: refuses folders plantasks must not write into (the
        corpus, or one holding the user's own ``tasks/``), or one another run is writing."""
        self.out_dir = Path(out_dir)
        self.folder = OutputFolder(self.out_dir, corpus)
        self.staging = self.folder.open_run()
        self.rows_written: dict[str, int] = {}
        self._folders: dict[str, Path] = {}
        # rows of each staged part, by (table, part name): the cache records them unread
        self.part_rows: dict[tuple[str, str], int] = {}

    def _part_path(self, table: str, name: str) -> Path:
        if len(name.encode("utf-8")) > MAX_PART_NAME_BYTES:
            raise OutputError(
                str(self.out_dir),
                f"part name too long for a file name ({name[:40]}…): "
                "ids are shortened by pipeline.ingest.corpus.slugify",
            )
        # ids come from input files: never let one write outside its table folder. A name
        # without a separator or NUL is one entry of the folder (``..`` + ``.parquet`` is a
        # file name too), which the folder's own resolved path, checked once, then holds.
        if "/" in name or "\0" in name or (os.altsep and os.altsep in name):
            raise OutputError(str(self.staging / table / name), "refusing to write outside the output folder")
        return self._table_folder(table) / f"{name}.parquet"

    def _table_folder(self, table: str) -> Path:
        folder = self._folders.get(table)
        if folder is None:
            folder = (self.staging / table).resolve()
            if folder.parent != self.staging.resolve():
                raise OutputError(str(folder), "refusing to write outside the output folder")
            self._folders[table] = folder
        return folder

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
            raise OutputError(str(self.out_dir), f"cannot write table {table}: {explain(exc)}") from exc
        self.rows_written[table] = self.rows_written.get(table, 0) + len(rows)
        self.part_rows[table, name] = len(rows)

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
            raise OutputError(str(self.out_dir), f"cannot write table {table}: {explain(exc)}") from exc
        rows = pq.read_metadata(path).num_rows
        self.rows_written[table] = self.rows_written.get(table, 0) + rows
        self.part_rows[table, name] = rows

    def staged_part(self, table: str, name: str) -> Path | None:
        path = self._part_path(table, name)
        return path if path.exists() else None

    def commit(self, tables: list[str], run_info: dict | None = None) -> None:
        """Publish ``tables`` (and ``run_info`` as ``_run.json``) in one switch; release the folder."""
        try:
            self._carry_over([t for t in ALL_TABLES if t not in tables])
            for table in tables:
                folder = self.staging / table
                folder.mkdir(exist_ok=True)
                if not any(folder.glob("*.parquet")):
                    pq.write_table(to_table([], ALL_TABLES[table]), folder / "empty.parquet")
            # the run's summary and the Data Package describing its tables, beside them
            metadata = {datapackage.FILE_NAME: datapackage.descriptor()}
            if run_info is not None:
                metadata[RUN_INFO] = run_info
            for name, content in metadata.items():
                (self.staging / name).write_text(
                    json.dumps(content, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8"
                )
            self.folder.publish(self.staging)
        except OSError as exc:
            self.abort()
            raise OutputError(str(self.out_dir), f"cannot publish the tables: {explain(exc)}") from exc
        except BaseException:
            self.abort()
            raise
        self.folder.release()

    def _carry_over(self, tables: list[str]) -> None:
        """Tables this run does not write keep their published parts (linked, not copied)."""
        published = self.folder.published_version()
        if published is None:
            return
        for table in tables:
            source = self.folder.versions / published / table
            if not source.is_dir() or (self.staging / table).exists():
                continue
            (self.staging / table).mkdir()
            for part in source.glob("*.parquet"):
                try:
                    os.link(part, self.staging / table / part.name)
                except OSError:
                    shutil.copy2(part, self.staging / table / part.name)

    def abort(self) -> None:
        """Drop the run's parts and release the folder; the published tables stay."""
        if self.folder.locked and self.folder.published_version() != self.staging.name:
            shutil.rmtree(self.staging, ignore_errors=True)
        self.folder.release()
