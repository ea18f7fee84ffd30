"""Opening and closing a PDF for the reader, the errors it reports, and what the PDF libraries say meanwhile.

pdfplumber (pdfminer) opens the file. When pdfminer refuses it for its encryption but PDFium opens it
(an empty user password pdfminer does not accept, only the attachments encrypted, a broken encryption
entry), PDFium writes a copy without the encryption into memory and pdfplumber reads that; only when
PDFium too needs a password is the file reported as encrypted.

A library's failure becomes one of rectrack's errors: running out of memory is never blamed on the
file (:class:`~extract.errors.OutOfMemory`, which the batch runner does not cache), a password problem
is :class:`~extract.errors.EncryptedDocument`, anything else a damaged PDF with a one-line reason.
Closing never raises, and the file itself is closed whatever happens.

The libraries' log lines and Python warnings are kept while one file is read instead of reaching
stderr without a file name: the harmless ones are dropped, the others become one warning of the file.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import EncryptedDocument, OutOfMemory, RectrackError, UnreadableDocument, short_reason

LIBRARY_LOGGERS = ("pdfminer", "pdfplumber", "pypdf", "pypdfium2")
# Log lines about faults the libraries repair without losing text: a default page size, a skipped loop, font metrics.
HARMLESS = (
    "Could not get FontBBox",
    "Refusing to execute circular reference",
    "MediaBox missing",
    "Invalid MediaBox",
    "Invalid CropBox",
    "Skipping invalid font width",
    "should not allow text extraction",
    "could not be parsed due to exception",  # a metadata value
    "Execute called on non-indirect object",
)
# Python warnings meant for programmers, not about the file.
DEVELOPER_WARNINGS = (
    DeprecationWarning,
    PendingDeprecationWarning,
    FutureWarning,
    ImportWarning,
    ResourceWarning,
    SyntaxWarning,
)


def open_pdf(path: Path, password: str | None):
    """``path`` opened with pdfplumber, or through an unencrypted copy when only pdfminer needs a password."""
    import pdfplumber

    try:
        return pdfplumber.open(path, password=password or "")
    except Exception as exc:  # pdfminer raises many unrelated types for damaged files
        if _out_of_memory(exc) or not _password_problem(exc):
            raise failure(exc, password, "not a readable PDF") from exc
        data = _unlocked_copy(path, password)
    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        raise failure(exc, password, "not a readable PDF") from exc


def _unlocked_copy(path: Path, password: str | None) -> bytes:
    """The PDF without its encryption, written by PDFium into memory; EncryptedDocument when PDFium needs a
    password too."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(str(path), password=password or None)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise encrypted(password) from exc
        raise EncryptedDocument(f"PDF is encrypted in a way rectrack cannot open ({reason(exc)})") from exc
    try:
        buffer = io.BytesIO()
        pdf.save(buffer, flags=pdfium_c.FPDF_REMOVE_SECURITY)
        return buffer.getvalue()
    except pdfium.PdfiumError as exc:
        raise encrypted(password) from exc
    finally:
        pdf.close()


def close_pdf(pdf) -> None:
    """Close ``pdf`` and its file: the pages built so far let go of their objects, then the file is closed.

    Not pdfplumber's ``close()``: that forgets the pages built, then builds every page again (the whole page tree
    walked, every page's resources and contents looked up) to close each; in a damaged tree it fails again.
    """
    try:
        for page in vars(pdf).get("_pages") or ():
            page.close()
        pdf.flush_cache()
    except Exception:  # noqa: BLE001 - a page that cannot be let go of is not worth a failure
        pass
    finally:
        pdf.stream.close()


def encrypted(password: str | None) -> EncryptedDocument:
    if password:
        return EncryptedDocument("PDF is encrypted and the password given is wrong")
    return EncryptedDocument("PDF is encrypted and needs a password (give it with --password)")


def failure(exc: BaseException, password: str | None, what: str = "damaged PDF") -> RectrackError:
    """The error to report for a library's exception: out of memory, a password needed, or ``what`` (reason)."""
    if _out_of_memory(exc):
        return OutOfMemory()
    if _password_problem(exc):
        return encrypted(password)
    return UnreadableDocument(f"{what} ({reason(exc)})")


def _causes(exc: BaseException):
    """``exc``, the exceptions it wraps (pdfplumber puts pdfminer's in ``args``), and its causes."""
    seen: set[int] = set()
    stack = [exc]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        stack.extend(a for a in current.args if isinstance(a, BaseException))
        stack.extend(c for c in (current.__cause__, current.__context__) if c is not None)


def _out_of_memory(exc: BaseException) -> bool:
    """A MemoryError (numpy's "Unable to allocate …" is one), however deeply wrapped."""
    return any(isinstance(e, MemoryError) or str(e).startswith("Unable to allocate") for e in _causes(exc))


def _password_problem(exc: BaseException) -> bool:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    return any(isinstance(e, (PDFPasswordIncorrect, PDFEncryptionError)) for e in _causes(exc))


def reason(exc: BaseException) -> str:
    """The innermost message of ``exc``, on one line, cut between words."""
    inner = [e for e in _causes(exc) if str(e).strip() and not isinstance(e.args[0] if e.args else None, BaseException)]
    chosen = inner[-1] if inner else exc
    return short_reason(str(chosen).strip() or type(chosen).__name__)


class LibraryMessages(logging.Handler):
    """What the PDF libraries log or warn while one file is read: how many messages were not harmless, and the
    first of them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.first = ""
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.note(record.getMessage())
        except Exception:  # noqa: BLE001 - a message that cannot be formatted is not worth a failure
            self.note(str(record.msg))

    def show(self, message, category, *args, **kwargs) -> None:
        """Stands in for ``warnings.showwarning`` while the file is read."""
        if not issubclass(category, DEVELOPER_WARNINGS):
            self.note(str(message))

    def note(self, text: str) -> None:
        if any(marker in text for marker in HARMLESS):
            return
        self.count += 1
        self.first = self.first or short_reason(text, 100)

    def summary(self) -> list[str]:
        """At most one warning for the document."""
        if not self.count:
            return []
        more = f" (and {self.count - 1} more)" if self.count > 1 else ""
        return [f"faults in the PDF worked around while reading: {self.first}{more}"]


@contextmanager
def library_messages() -> Iterator[LibraryMessages]:
    """Keep the PDF libraries' log lines and Python warnings in a LibraryMessages instead of printing them."""
    handler = LibraryMessages()
    loggers = [logging.getLogger(name) for name in LIBRARY_LOGGERS]
    saved = [(logger.propagate, logger.level) for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.propagate = False
        logger.setLevel(max(logger.level, logging.WARNING))  # their many debug lines are slow even when not shown
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.showwarning = handler.show
            yield handler
    finally:
        for logger, (propagate, level) in zip(loggers, saved, strict=True):
            logger.removeHandler(handler)
            logger.propagate = propagate
            logger.setLevel(level)
