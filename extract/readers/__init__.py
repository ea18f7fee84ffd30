"""Readers: one per format, each returning the common :class:`~extract.model.Document`.

To add a format, write ``read_<fmt>(path) -> Document`` and add its suffixes to ``READERS``.
"""

from __future__ import annotations

import os
import zipfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import EncryptedDocument, UnreadableDocument, UnsupportedFormat
from ..model import Document

# Each reader's module (and its libraries: pdfplumber, python-docx, Beautiful Soup) is imported when a file of
# its format is read, not when rectrack starts.


def read_pdf(path: Path, *, password: str | None = None) -> Document:
    from .pdf_reader import read_pdf

    return read_pdf(path, password=password)


def read_docx(path: Path) -> Document:
    from .docx_reader import read_docx

    return read_docx(path)


def read_doc(path: Path) -> Document:
    from .convert import read_doc

    return read_doc(path)


def read_rtf(path: Path) -> Document:
    from .convert import read_rtf

    return read_rtf(path)


def read_odt(path: Path) -> Document:
    from .convert import read_odt

    return read_odt(path)


def read_html(path: Path) -> Document:
    from .html_reader import read_html

    return read_html(path)


def read_txt(path: Path) -> Document:
    from .txt_reader import read_txt

    return read_txt(path)


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


# What reading each format imports: a batch imports these once before it starts its worker processes, which
# then share them (and need no memory of their own for them under their address-space limit).
_LIBRARIES = {
    "pdf": ("extract.readers.pdf_reader", "pdfplumber", "pypdfium2"),
    "docx": ("extract.readers.docx_reader",),
    "html": ("extract.readers.html_reader", "bs4", "lxml.etree"),
    "txt": ("extract.readers.txt_reader", "bs4", "lxml.etree"),
}


def preload(paths: Iterable[str | os.PathLike[str]]) -> None:
    """Import the readers (and their libraries) that reading ``paths`` needs, by their suffixes."""
    import contextlib
    import importlib

    wanted = {format_of(Path(p)) for p in paths}
    for fmt in sorted(f for f in wanted if f):
        for module in _LIBRARIES.get(fmt, ()):
            with contextlib.suppress(ImportError):  # reading the file reports it
                importlib.import_module(module)


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
    refuse_encrypted(path, actual)
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
    """The format the file's content shows: "pdf", "docx", "odt", "doc", "rtf", or None (text-like or unknown)."""
    try:
        with open(path, "rb") as f:
            head = f.read(1024)
    except OSError:
        return None
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(path, head)
    if head.startswith(_OLE2):  # OLE2 compound file: legacy Word (or an encrypted .docx, see refuse_encrypted)
        return "doc"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    return None


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODF_MIMETYPE = b"application/vnd.oasis.opendocument."
_ZIP_ERRORS = (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError, RuntimeError)


def _zip_format(path: Path, head: bytes) -> str:
    """ "odt" for an OpenDocument package, else "docx", told by the entries the zip holds, not by their order:
    an ODF ``mimetype`` entry or META-INF/manifest.xml against OOXML's [Content_Types].xml."""
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            if "mimetype" in names:
                with package.open("mimetype") as entry:
                    if entry.read(len(_ODF_MIMETYPE)) == _ODF_MIMETYPE:
                        return "odt"
            return "odt" if "META-INF/manifest.xml" in names and "[Content_Types].xml" not in names else "docx"
    except _ZIP_ERRORS:  # damaged: a stored mimetype first in the zip still shows an ODF file
        return "odt" if b"mimetype" + _ODF_MIMETYPE in head else "docx"


_ENCRYPTED = "password-protected {} file (rectrack cannot read encrypted Office documents; save an unprotected copy)"


def refuse_encrypted(path: Path, fmt: str | None) -> None:
    """Raise EncryptedDocument for a password-protected Word or OpenDocument file, before any reader or
    LibreOffice is started: LibreOffice only says that it could not load the file, and an encrypted .docx, an
    OLE2 file like a .doc, would be reported as a .doc."""
    kind = None
    if fmt == "doc":
        kind = _ole_encryption(path)
    elif fmt == "odt" and _odf_encrypted(path):
        kind = "OpenDocument"
    if kind:
        raise EncryptedDocument(_ENCRYPTED.format(kind))


def _ole_encryption(path: Path) -> str | None:
    """ "Word (.docx)" for an encrypted OOXML package (an OLE2 file holding an EncryptedPackage stream),
    "Word (.doc)" for a legacy Word file whose FIB sets fEncrypted, else None."""
    import olefile

    try:
        with olefile.OleFileIO(str(path), raise_defects=olefile.DEFECT_INCORRECT) as ole:  # strict: no odd sizes
            if ole.exists("EncryptedPackage"):
                return "Word (.docx)"
            if not ole.exists("WordDocument"):
                return None
            fib = ole.openstream("WordDocument").read(12)
    except (OSError, ValueError, IndexError, EOFError):  # damaged: LibreOffice says so
        return None
    encrypted = fib[:2] == b"\xec\xa5" and int.from_bytes(fib[10:12], "little") & 0x0100  # wIdent; fEncrypted
    return "Word (.doc)" if encrypted else None


def _odf_encrypted(path: Path) -> bool:
    """True when META-INF/manifest.xml gives any entry encryption data (an ODF saved with a password)."""
    try:
        with zipfile.ZipFile(path) as package, package.open("META-INF/manifest.xml") as manifest:
            return b"encryption-data" in manifest.read(4 * 2**20)
    except (KeyError, *_ZIP_ERRORS):
        return False
