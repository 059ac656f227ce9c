"""Every command block of the README runs as written, and prints what the README shows.

The README's "Contributing" section documents the marker convention this test reads:
an HTML comment on the line before a fenced block, ``<!-- test: run [NAME] -->``,
``<!-- test: output [starts] -->`` or ``<!-- test: skip REASON -->``. Blocks are found by
their markers, never by position, so the README can be rewritten freely; a ``bash``,
``sh``, ``python`` or ``sql`` block without a marker fails the test.

Run blocks execute in order in one scratch folder (``readme_folder``): ``outputs/`` is a
copy of the session's corpus run, ``corpus/`` the repository's corpus, and
``.venv/bin/plantasks``, ``.venv/bin/python`` and ``.venv/bin/frictionless`` run this
checkout's code with the test's Python. ``PATH`` holds only the system folders, so a
command written as bare ``plantasks`` fails as it would for a user after ``scripts/run.sh``.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"

RUNNERS = {"bash": "shell", "sh": "shell", "shell": "shell", "python": "python", "sql": "sql"}
_MARKER = re.compile(r"^\s*<!--\s*test:\s*(?P<mode>run|output|skip)\b\s*(?P<arg>.*?)\s*-->\s*$")
_FENCE = re.compile(r"^(?P<indent>\s*)```(?P<lang>[\w-]*)\s*$")
# `plantasks` called as a command, not as .venv/bin/plantasks (start of a line or after ; && | $( )
_BARE = re.compile(r"(?:^|[;&|(]\s*|\$\(\s*)plantasks\b")
WILDCARD = "…"


@dataclass
class Block:
    """A fenced block (or, for shown output, a Markdown table) of the README."""

    line: int  # 1-based line of the opening fence
    lang: str
    text: str
    mode: str | None = None  # run | skip | output, from the marker before it
    arg: str = ""  # run: the block's name; skip: the reason; output: "starts" or ""
    table: bool = False  # a Markdown table rather than a fenced block
    output: Block | None = field(default=None, repr=False)

    @property
    def runner(self) -> str | None:
        return RUNNERS.get(self.lang)

    @property
    def id(self) -> str:
        first = next((x for x in self.text.splitlines() if x.strip()), "")
        return f"README.md:{self.line} {self.arg if self.mode == 'run' and self.arg else first[:40]}"


class ReadmeError(ValueError):
    """The README breaks the marker convention."""


def parse(text: str) -> list[Block]:
    """The README's fenced blocks and marked output tables, with their markers attached."""
    lines = text.splitlines()
    blocks: list[Block] = []
    marker: tuple[str, str, int] | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _MARKER.match(line)
        if m:
            if marker is not None:
                raise ReadmeError(f"README.md:{marker[2]}: marker not followed by a block")
            marker = (m["mode"], m["arg"], i + 1)
            i += 1
            continue
        fence = _FENCE.match(line)
        if fence:
            indent = len(fence["indent"])
            end = i + 1
            while end < len(lines) and lines[end].strip() != "```":
                end += 1
            body = "\n".join(x[indent:] if x[:indent].strip() == "" else x for x in lines[i + 1 : end])
            block = Block(i + 1, fence["lang"], body + "\n")
            i = end + 1
        elif marker is not None and marker[0] == "output" and line.lstrip().startswith("|"):
            end = i
            while end < len(lines) and lines[end].lstrip().startswith("|"):
                end += 1
            block = Block(i + 1, "table", "\n".join(lines[i:end]) + "\n", table=True)
            i = end
        else:
            if marker is not None and line.strip():
                raise ReadmeError(f"README.md:{marker[2]}: marker not followed by a block")
            i += 1
            continue
        if marker is not None:
            block.mode, block.arg = marker[0], marker[1]
            marker = None
        blocks.append(block)
    if marker is not None:
        raise ReadmeError(f"README.md:{marker[2]}: marker at the end of the file")
    return link_outputs(blocks)


def link_outputs(blocks: list[Block]) -> list[Block]:
    """Attach each output block to the run block before it; check every runnable block is marked."""
    previous: Block | None = None
    for b in blocks:
        if b.mode == "output":
            if previous is None or previous.mode != "run" or previous.output is not None:
                raise ReadmeError(f"README.md:{b.line}: output shown without a run block right before it")
            if b.arg not in ("", "starts"):
                raise ReadmeError(f"README.md:{b.line}: unknown output option {b.arg!r} (expected starts)")
            previous.output = b
            continue
        if b.runner is None:
            if b.mode in ("run", "skip"):
                raise ReadmeError(f"README.md:{b.line}: cannot run a {b.lang or 'plain'} block")
            continue
        if b.mode is None:
            raise ReadmeError(
                f"README.md:{b.line}: {b.lang} block without a test marker "
                "(<!-- test: run --> or <!-- test: skip REASON -->)"
            )
        if b.mode == "skip" and not b.arg:
            raise ReadmeError(f"README.md:{b.line}: skip marker without a reason")
        previous = b
    return blocks


def readme_blocks() -> list[Block]:
    return [b for b in parse(README.read_text(encoding="utf-8")) if b.mode in ("run", "skip")]


def named_block(name: str) -> Block:
    found = [b for b in readme_blocks() if b.mode == "run" and b.arg == name]
    assert len(found) == 1, f"README: {len(found)} blocks named {name!r}"
    return found[0]


# ------------------------------------------------------------------ comparing output


def _line_pattern(expected: str) -> re.Pattern:
    parts = [re.escape(tok) for tok in expected.split()]
    return re.compile(r"\s*" + r"\s+".join(parts).replace(re.escape(WILDCARD), ".*?") + r"\s*")


def lines_match(expected: list[str], got: list[str], *, starts: bool) -> str | None:
    """None when ``got`` shows ``expected`` (all of it, or its start); else what differs."""
    got = [x for x in got if x.strip()] if starts else [x for x in got]
    while got and not got[-1].strip():
        got.pop()
    if not starts and len(got) != len(expected):
        return f"{len(got)} lines printed, {len(expected)} shown:\n" + "\n".join(got)
    for k, want in enumerate(expected):
        if k >= len(got):
            return f"line {k + 1}: expected {want!r}, got nothing"
        if not _line_pattern(want).fullmatch(got[k]):
            return f"line {k + 1}: expected {want!r}, got {got[k]!r}"
    return None


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.strip().strip("|").split("|")]


def _same_cell(shown: str, value) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return shown in ("", "NULL", "NaN")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return math.isclose(float(shown), float(value), rel_tol=1e-9, abs_tol=1e-9)
        except ValueError:
            return False
    return shown == str(value)


def table_matches(shown: str, columns: list[str], rows: list[tuple], *, starts: bool) -> str | None:
    """None when a Markdown table shows the query result (all rows, or its first ones)."""
    lines = [x for x in shown.splitlines() if x.strip()]
    header, body = _cells(lines[0]), [_cells(x) for x in lines[2:]]
    if header != columns:
        return f"columns {columns}, shown {header}"
    if not starts and len(body) != len(rows):
        return f"{len(rows)} rows returned, {len(body)} shown"
    if len(body) > len(rows):
        return f"{len(rows)} rows returned, {len(body)} shown"
    for k, (cells, row) in enumerate(zip(body, rows)):
        if len(cells) != len(row) or not all(_same_cell(c, v) for c, v in zip(cells, row)):
            return f"row {k + 1}: shown {cells}, returned {list(row)}"
    return None


def test_readme_line_matching():
    assert lines_match(["documents: 1 ok; … s → dalian"], ["documents: 1 ok;  4.2 s → dalian"], starts=False) is None
    assert lines_match(["a  b"], ["a b", "c"], starts=False) is not None
    assert lines_match(["a b"], ["a b", "c"], starts=True) is None
    assert lines_match(["7.5%左右 7.5"], ["7.5%左右 7.0"], starts=False) is not None


def test_readme_table_matching():
    shown = "| year | value |\n|---|---|\n| 2013 | 9000000 |\n"
    assert table_matches(shown, ["year", "value"], [(2013, 9e6), (2014, 1e7)], starts=True) is None
    assert table_matches(shown, ["year", "value"], [(2013, 9e6), (2014, 1e7)], starts=False) is not None
    assert table_matches(shown, ["year", "value"], [(2013, 9.1e6)], starts=False) is not None
    assert table_matches(shown, ["year", "amount"], [(2013, 9e6)], starts=False) is not None


def test_readme_parse_convention():
    text = (
        "<!-- test: run jobs -->\n```sql\nSELECT 1 AS x;\n```\n\n<!-- test: output -->\n| x |\n|---|\n| 1 |\n\n"
        "```text\nnot run\n```\n  <!-- test: skip no cluster here -->\n  ```bash\n  dask scheduler\n  ```\n"
    )
    blocks = parse(text)
    assert [(b.mode, b.lang, b.arg) for b in blocks] == [
        ("run", "sql", "jobs"),
        ("output", "table", ""),
        (None, "text", ""),
        ("skip", "bash", "no cluster here"),
    ]
    assert blocks[0].output is blocks[1] and blocks[3].text == "dask scheduler\n"
    with pytest.raises(ReadmeError, match="README.md:1: python block without a test marker"):
        parse("```python\nprint(1)\n```\n")
    with pytest.raises(ReadmeError, match="without a run block"):
        parse("<!-- test: output -->\n```text\n1\n```\n")
    with pytest.raises(ReadmeError, match="skip marker without a reason"):
        parse("<!-- test: skip -->\n```bash\nls\n```\n")
    with pytest.raises(ReadmeError, match="marker not followed by a block"):
        parse("<!-- test: run -->\nsome prose\n```bash\nls\n```\n")


# ------------------------------------------------------------------ the README itself


def test_readme_every_command_block_is_marked():
    blocks = readme_blocks()  # raises, naming the line, when the convention is broken
    assert any(b.mode == "run" and b.runner == "shell" for b in blocks)
    assert any(b.mode == "run" and b.runner == "python" for b in blocks)
    assert any(b.mode == "run" and b.runner == "sql" and b.output is not None for b in blocks)


def test_readme_commands_call_the_venv_plantasks():
    # the export lines called bare `plantasks`, which is not on PATH after scripts/run.sh
    for b in readme_blocks():
        if b.runner != "shell":
            continue
        for k, line in enumerate(b.text.splitlines()):
            code = line.split("#", 1)[0]
            assert not _BARE.search(code.strip()), f"README.md:{b.line + 1 + k}: {line.strip()}"


@pytest.fixture(scope="session")
def readme_folder(corpus_outputs, tmp_path_factory) -> Path:
    """The scratch folder the README's blocks run in (see the module docstring)."""
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(
        corpus_outputs,
        folder / "outputs",
        symlinks=True,
        ignore=shutil.ignore_patterns(".cache", "cache", "exports", "reports"),
    )
    (folder / "corpus").symlink_to(ROOT / "corpus", target_is_directory=True)
    bin_dir = folder / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    commands = {"plantasks": "-m pipeline.cli", "python": "", "frictionless": "-m frictionless"}
    for name, args in commands.items():
        shim = bin_dir / name
        shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" {args} "$@"\n', encoding="utf-8")
        shim.chmod(0o755)
    return folder


def _environment() -> dict:
    env = dict(os.environ)
    env["PATH"] = "/usr/local/bin:/usr/bin:/bin"
    env["PYTHONPATH"] = str(ROOT)
    env.pop("VIRTUAL_ENV", None)
    return env


def _run_process(block: Block, folder: Path) -> str:
    argv = (
        ["bash", "-euo", "pipefail", "-c", block.text]
        if block.runner == "shell"
        else [sys.executable, "-c", block.text]
    )
    res = subprocess.run(argv, cwd=folder, env=_environment(), capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, (
        f"{block.id} failed (exit {res.returncode}):\n"
        f"--- stdout\n{res.stdout[-3000:]}\n--- stderr\n{res.stderr[-3000:]}"
    )
    return res.stdout


def run_sql(sql: str, folder: Path) -> tuple[list[str], list[tuple]]:
    import duckdb  # test dependency

    cwd = os.getcwd()
    os.chdir(folder)  # the README's paths are relative: outputs/…
    try:
        with duckdb.connect() as con:
            rel = con.sql(sql)
            return list(rel.columns), rel.fetchall()
    finally:
        os.chdir(cwd)


def _cases():
    try:
        return [pytest.param(b, id=b.id) for b in readme_blocks()]
    except ReadmeError:
        return []  # test_readme_every_command_block_is_marked names the problem


@pytest.mark.issue(19)
@pytest.mark.parametrize("block", _cases())
def test_readme_block_runs_as_written(block, readme_folder):
    if block.mode == "skip":
        pytest.skip(f"README.md:{block.line}: {block.arg}")
    shown = block.output
    if block.runner == "sql":
        columns, rows = run_sql(block.text, readme_folder)
        assert rows, f"{block.id}: the query returned no rows"
        if shown is not None:
            assert shown.table, f"README.md:{shown.line}: show a query's result as a Markdown table"
            problem = table_matches(shown.text, columns, rows, starts=shown.arg == "starts")
            assert problem is None, f"README.md:{shown.line}: {problem}"
        return
    stdout = _run_process(block, readme_folder)
    if shown is not None:
        expected = [x for x in shown.text.splitlines() if x.strip()]
        problem = lines_match(expected, stdout.splitlines(), starts=shown.arg == "starts")
        assert problem is None, f"README.md:{shown.line}: {problem}"


def test_readme_duckdb_change_query_values(corpus_outputs, readme_folder):
    # the change query's full result, beyond the rows the README shows
    columns, rows = run_sql(named_block("duckdb-change").text, readme_folder)
    got = [dict(zip(columns, r)) for r in rows]
    gdp = [(r["year"], r["previous_target"], r["target"]) for r in got if r["indicator"] == "国内生产总值增长"]
    assert gdp == [
        (2014, "7.5%左右", "7.5%左右"),
        (2015, "7.5%左右", "7%左右"),
        (2016, "7%左右", "6.5%－7%"),
        (2017, "6.5%－7%", "6.5%左右"),
        (2018, "6.5%左右", "6.5%左右"),
        (2019, "6.5%左右", "6%－6.5%"),
    ]
    jobs = [r["change"] for r in got if r["indicator"] == "城镇新增就业"]
    assert jobs == [1e6, 0.0, 0.0, 1e6, 0.0, 0.0]


def test_readme_jobs_query_takes_one_target_a_year(readme_folder):
    # it read `targets` and mixed the 2016 five-year goal 5000万人以上 into the years
    columns, rows = run_sql(named_block("duckdb-jobs").text, readme_folder)
    years = [r[columns.index("year")] for r in rows]
    assert years == list(range(2013, 2020))
    assert max(r[columns.index("value")] for r in rows) == 1.1e7
