"""docs/tables.md is generated from the schemas and the registry, and kept in sync."""

from __future__ import annotations

from pipeline import registry
from tools import write_table_docs


def test_table_docs_up_to_date():
    committed = write_table_docs.DOCS.read_text(encoding="utf-8")
    assert committed == write_table_docs.render(), "docs/tables.md is stale: run python -m tools.write_table_docs"


def test_table_docs_name_every_table_and_column():
    text = write_table_docs.render()
    for t in registry.TABLES:
        section = text.split(f"### `{t.name}`\n", 1)[1].split("\n### ", 1)[0]
        for name in t.schema.names:
            assert f"| `{name}` |" in section, f"{t.name}.{name}"


def test_table_docs_check_option(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(write_table_docs, "DOCS", tmp_path / "tables.md")
    (tmp_path / "tables.md").write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(write_table_docs, "ROOT", tmp_path)
    assert write_table_docs.main(["--check"]) == 1
    assert "tables.md: stale" in capsys.readouterr().err
    assert write_table_docs.main([]) == 0
    assert write_table_docs.main(["--check"]) == 0
