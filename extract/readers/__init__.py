"""Readers: one per format, each returning the common :class:`~extract.model.Document`.

To add a format, write ``read_<fmt>(path) -> Document`` and add its suffixes to ``READERS``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..errors import UnreadableDocument, UnsupportedFormat
from ..model import Document
from .convert import read_doc, read_odt, read_rtf
from .docx_reader import read_docx
from .html_reader import read_html
from .pdf_reader import read_pdf
from .txt_reader import read_txt

READERS: dict[str, tuple[str, Callable[..., Document]]] = {
    ".pdf": ("pdf", read_pdf),
    ".docx": ("docx", read_docx),
    ".doc": ("doc", read_doc),  # .doc, .rtf, .odt: converted to .docx with LibreOffice
    ".rtf": ("rtf", read_rtf),
    ".odt": ("odt", read_odt),
    ".html": ("html", read_html),
    ".htm": ("html", read_html),
    ".txt": ("txt", read_txt),
}


def format_of(path: Path) -> str | None:
    entry = READERS.get(path.suffix.lower())
    return entry[0] if entry else None


def read(path: str | os.PathLike[str], *, password: str | None = None) -> Document:
    """Read any supported paper. Raises UnsupportedFormat or UnreadableDocument."""
    path = Path(path)
    entry = READERS.get(path.suffix.lower())
    if entry is None:
        known = ", ".join(sorted(READERS))
        raise UnsupportedFormat(f"unsupported file type '{path.suffix or '(none)'}' (rectrack reads {known})")
    if not path.exists():
        raise UnreadableDocument("file not found")
    if path.is_dir():
        raise UnreadableDocument("is a folder, not a file")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableDocument(f"cannot read file ({exc.strerror})") from exc
    if size == 0:
        raise UnreadableDocument("empty file")
    fmt, reader = entry
    actual = sniff(path)
    warning = ""
    if actual is not None and actual != fmt:
        warning = f"file content is {actual.upper()}, not {fmt.upper()} as its name says; read as {actual.upper()}"
        fmt, reader = actual, _BY_FORMAT[actual]
    try:
        doc = reader(path, password=password) if fmt == "pdf" else reader(path)
    except PermissionError as exc:
        raise UnreadableDocument("permission denied") from exc
    except OSError as exc:
        raise UnreadableDocument(f"cannot read file ({exc.strerror or exc})") from exc
    if warning:
        doc.warnings.insert(0, warning)
    return doc


_BY_FORMAT = dict(READERS.values())


def sniff(path: Path) -> str | None:
    """The format the file's first bytes show: "pdf", "docx", "odt", "doc", "rtf", or None (text-like or unknown)."""
    try:
        with open(path, "rb") as f:
            head = f.read(1024)
    except OSError:
        return None
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "odt" if b"mimetypeapplication/vnd.oasis.opendocument.text" in head else "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2 compound file: legacy Word
        return "doc"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    return None
