"""``plantasks export``: one output table as CSV, JSON or XLSX for tools that do not read Parquet.

The Parquet datasets under ``outputs/`` stay the reference; an export is a copy with the
schema's columns in the schema's order (``pipeline/tables/schemas.py``), nulls kept as nulls
(empty CSV fields, JSON ``null``, empty cells).

Format notes:

- CSV is UTF-8 without a byte-order mark, comma-separated; the header and strings are
  in double quotes, numbers bare; dates are ``YYYY-MM-DD``, booleans ``true``/``false``,
  nulls empty fields. Excel users should export ``xlsx`` instead.
- JSON is one array of objects (one per row), UTF-8, non-ASCII characters as written;
  numbers that are not finite (NaN, an overflow to infinity) are written as null.
- XLSX holds one sheet named after the table. An Excel cell holds at most 32,767
  characters, which ``documents.text`` exceeds for most 政府工作报告, so longer strings
  are cut and end with :data:`TRUNCATION_NOTE`; characters XML forbids (control
  characters other than tab and newline) are dropped. Use CSV, JSON or Parquet for
  the full text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.dataset as pads

from pipeline import defaults
from pipeline.errors import OutputError
from pipeline.registry import ALL_TABLES

FORMATS = ("csv", "json", "xlsx")
EXCEL_CELL_LIMIT = 32_767
TRUNCATION_NOTE = "…[truncated for Excel: {n} characters in full; see the CSV, JSON or Parquet export]"
# XML 1.0 forbids these; openpyxl refuses to write them.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def read_table(out_dir: Path, table: str) -> pa.Table:
    """The Parquet dataset ``out_dir/table`` (hive partitions allowed), in schema column order."""
    if table not in ALL_TABLES:
        raise OutputError(table, f"unknown table; choose one of {', '.join(ALL_TABLES)}")
    folder = Path(out_dir) / table
    if not folder.is_dir():
        raise OutputError(
            folder, "no such table folder; run `plantasks run` first or pass the run's output folder with --out"
        )
    schema = ALL_TABLES[table]
    if not any(folder.rglob("*.parquet")):
        return schema.empty_table()  # a table with no rows in this run
    data = pads.dataset(folder, format="parquet", partitioning="hive").to_table()
    missing = [name for name in schema.names if name not in data.column_names]
    if missing:
        raise OutputError(folder, f"columns missing: {', '.join(missing)} (written by an older run?)")
    return data.select(schema.names)


def export_table(table: str, fmt: str, *, out_dir: Path = defaults.OUT, dest: Path | None = None) -> Path:
    """Write ``table`` of the run in ``out_dir`` as ``fmt`` to ``dest``; return the path written.

    ``dest`` defaults to ``out_dir/exports/<table>.<fmt>``.
    """
    if fmt not in FORMATS:
        raise OutputError(str(dest or table), f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    data = read_table(out_dir, table)
    dest = Path(dest) if dest else Path(out_dir) / "exports" / f"{table}.{fmt}"
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        {"csv": _write_csv, "json": _write_json, "xlsx": _write_xlsx}[fmt](data, dest, table)
    except OSError as exc:
        raise OutputError(dest, f"cannot write: {exc.strerror or exc}") from exc
    return dest


def excel_safe(value):
    """A cell value Excel accepts: strings cut to the cell limit (with a note), no XML-illegal characters."""
    if not isinstance(value, str):
        return value
    value = _ILLEGAL_XML.sub("", value)
    if len(value) > EXCEL_CELL_LIMIT:
        note = TRUNCATION_NOTE.format(n=len(value))
        value = value[: EXCEL_CELL_LIMIT - len(note)] + note
    return value


def _write_csv(data: pa.Table, dest: Path, table: str) -> None:
    # Arrow's writer keeps integer columns integers when they hold nulls (pandas would
    # turn them into floats) and writes dates as YYYY-MM-DD, booleans as true/false.
    pacsv.write_csv(data, dest, pacsv.WriteOptions(quoting_style="needed"))


def _write_json(data: pa.Table, dest: Path, table: str) -> None:
    rows = [{k: _json_value(v) for k, v in row.items()} for row in data.to_pylist()]
    with dest.open("w", encoding="utf-8") as f:
        json.dump(rows, f, ensure_ascii=False, indent=1, allow_nan=False)
        f.write("\n")


def _json_value(value):
    # JSON has no NaN or Infinity: json.dump would write them bare (invalid JSON) for a
    # value that overflowed; null says "no number" to every reader
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _write_xlsx(data: pa.Table, dest: Path, table: str) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=table[:31])
    ws.append(data.column_names)
    for row in data.to_pylist():
        ws.append([_cell(v) for v in row.values()])
    wb.save(dest)


def _cell(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return excel_safe(value)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="plantasks export",
        description="Export one output table as CSV, JSON or XLSX. XLSX cuts strings longer than "
        f"Excel's {EXCEL_CELL_LIMIT:,} characters per cell (documents.text) and marks them.",
    )
    p.add_argument("table", choices=list(ALL_TABLES), metavar="TABLE", help=f"one of: {', '.join(ALL_TABLES)}")
    p.add_argument("--format", choices=FORMATS, default="csv", dest="fmt", help="csv (default), json or xlsx")
    p.add_argument(
        "--out",
        type=Path,
        default=defaults.OUT,
        help="the run's output folder to read, as given to plantasks run (default: outputs/)",
    )
    p.add_argument(
        "--dest", type=Path, default=None, metavar="FILE", help="file to write (default: OUT/exports/TABLE.FORMAT)"
    )
    # the name of --out before every command used one name for the output folder
    p.add_argument("--out-dir", type=Path, dest="out_dir_old", help=argparse.SUPPRESS)
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.out_dir_old is not None:
        print("note: --out-dir is now --out (the run's output folder, as in every command)", file=sys.stderr)
        args.out = args.out_dir_old
    try:
        dest = export_table(args.table, args.fmt, out_dir=args.out, dest=args.dest)
    except OutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(dest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
