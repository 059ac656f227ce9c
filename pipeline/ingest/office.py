"""What the .docx and .xlsx readers share: an Office file is a zip of XML parts, each read in
pieces within a budget (``docx_xml_megabytes``), so that a part expanding to gigabytes (a zip
bomb) fails its document alone before it is held whole, and a broken file fails with a
one-line reason."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree

from pipeline.errors import DocumentError
from pipeline.limits import MB

CHUNK = 1 << 16  # 64 KiB: the elements of one piece are all alive at once
# what reading a broken or truncated Office file raises
BROKEN = (
    zipfile.BadZipFile,
    KeyError,
    ElementTree.ParseError,
    EOFError,
    ValueError,
    NotImplementedError,
    RuntimeError,
)


def pieces(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, path: str, kind: str) -> Iterator[bytes]:
    """The bytes of one part, a piece at a time; past ``budget`` (declared or read: the
    declared size can lie) the document fails as a possible zip bomb."""
    if info.file_size > budget:
        raise DocumentError(path, expands(kind, info.file_size, budget))
    total = 0
    with zf.open(info) as member:
        while chunk := member.read(CHUNK):
            total += len(chunk)
            if total > budget:
                raise DocumentError(path, expands(kind, total, budget))
            yield chunk


def expands(kind: str, size: int, limit: int) -> str:
    return (
        f"the {kind} expands to more than {limit / MB:g} MB of XML ({size / MB:.0f} MB or more): "
        "refused as a possible zip bomb (raise docx_xml_megabytes in pipeline/data/limits.yaml "
        "if the document is real)"
    )
