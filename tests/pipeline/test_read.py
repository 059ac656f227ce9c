"""Decoding and reading of whatever users saved: encodings, HTML, .docx, bad files."""

from __future__ import annotations

import codecs
import io
import os
import zipfile

import pytest

import pipeline.ingest.read as read_module
from pipeline.errors import DocumentError
from pipeline.ingest.read import decode, read_document

SENTENCE = "新开办公办幼儿园15所，年底前完成。"  # dalian-edu 2018


@pytest.mark.parametrize("raw,encoding", [
    (SENTENCE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "utf-8-sig"),
    (SENTENCE.encode("gb18030"), "gb18030"),
    (SENTENCE.encode("gbk"), "gb18030"),
    (codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "utf-16"),
    (("2018年工作要点 plan " * 5).encode("utf-16-le"), "utf-16-le"),
])
def test_read_decode_encodings(raw, encoding):
    text, used = decode(raw, "x.txt")
    assert used == encoding
    assert SENTENCE in text or "2018年工作要点" in text


def test_read_empty_file(tmp_path):
    p = tmp_path / "2018.txt"
    p.write_bytes(b"")
    with pytest.raises(DocumentError, match=r"2018.txt: empty file"):
        read_document(p)


def test_read_whitespace_only(tmp_path):
    p = tmp_path / "2018.txt"
    p.write_text(" \n\t\u3000\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="only whitespace"):
        read_document(p)


def test_read_binary_with_txt_name(tmp_path):
    p = tmp_path / "2018.txt"
    p.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(DocumentError, match="2018.txt: (binary data|not UTF-8)"):
        read_document(p)


def test_read_invalid_utf8_in_the_middle_falls_back_or_fails_clearly(tmp_path):
    p = tmp_path / "2018.txt"
    good = SENTENCE.encode("utf-8")
    p.write_bytes(good * 50 + b"\xff\xfe\xfa" + good * 50)
    with pytest.raises(DocumentError, match=rf"2018.txt: not UTF-8, GB18030 or UTF-16 \(invalid UTF-8 at byte {len(good) * 50}\)"):
        read_document(p)


def test_read_html_page_keeps_main_text(tmp_path):
    p = tmp_path / "2018.html"
    p.write_text(
        "<html><head><title>t</title><script>var a=1;</script></head><body>"
        "<nav><a>首页</a><a>机构</a></nav><div><p>1.新开办公办幼儿园15所，年底前完成。</p>"
        "<p>2.出台《大连市中小学管理办法》。</p></div><footer>打印 关闭</footer></body></html>",
        encoding="utf-8")
    _, text = read_document(p)
    assert "新开办公办幼儿园15所" in text and "出台《大连市中小学管理办法》" in text
    assert "首页" not in text and "var a" not in text and "打印" not in text


def test_read_docx_paragraphs(tmp_path):
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = (f'<w:document xmlns:w="{ns}"><w:body>'
           f"<w:p><w:r><w:t>2018年工作要点</w:t></w:r></w:p>"
           f"<w:p><w:r><w:t>1.新开办</w:t></w:r><w:r><w:t>公办幼儿园15所。</w:t></w:r></w:p>"
           f"</w:body></w:document>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", xml)
    p = tmp_path / "2018.docx"
    p.write_bytes(buf.getvalue())
    _, text = read_document(p)
    assert text.split("\n") == ["2018年工作要点", "1.新开办公办幼儿园15所。"]


def test_read_pdf_is_unsupported_with_advice(tmp_path):
    p = tmp_path / "2018.pdf"
    p.write_bytes(b"%PDF-1.4\n...")
    with pytest.raises(DocumentError, match="2018.pdf: PDF is not supported: convert it to text"):
        read_document(p)


def test_read_pdf_bytes_with_txt_name(tmp_path):
    p = tmp_path / "2018.txt"
    p.write_bytes(b"%PDF-1.4\n...")
    with pytest.raises(DocumentError, match="PDF is not supported"):
        read_document(p)


def test_read_missing_file(tmp_path):
    with pytest.raises(DocumentError, match="file not found"):
        read_document(tmp_path / "nope.txt")


def test_read_unreadable_file(tmp_path, monkeypatch):
    p = tmp_path / "2018.txt"
    p.write_text(SENTENCE, encoding="utf-8")
    p.chmod(0)
    if os.geteuid() == 0:  # root reads whatever the mode: make the read fail as it would for a user
        def denied(path):
            raise PermissionError(13, "Permission denied", str(path))

        monkeypatch.setattr(read_module, "_open_fd", denied)
    with pytest.raises(DocumentError, match="2018.txt: cannot read the file: permission denied"):
        read_document(p)


def test_read_directory_named_like_a_file(tmp_path):
    p = tmp_path / "2018.txt"
    p.mkdir()
    with pytest.raises(DocumentError, match="is a folder"):
        read_document(p)
