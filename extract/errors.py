"""Exceptions raised by rectrack.

The tree::

    RectrackError                 base class: catch this to handle any rectrack failure
    ├── UnsupportedFormat         the file's type is not one rectrack reads
    ├── UnreadableDocument        the file exists but cannot be read (missing, empty, corrupt)
    │   ├── EncryptedDocument     password-protected: a PDF (pass the password with --password), or an
    │   │                         Office file (Word .docx/.doc, OpenDocument .odt): save an unprotected copy
    │   ├── LimitReached *        reading stopped at a limit of the run (LibreOffice's conversion time)
    │   └── ToolMissing *         an outside program the format needs (LibreOffice, Tesseract or its
    │                             language data) is not installed or cannot be started
    ├── WriterError               an output file could not be written
    ├── MissingDependency *       an optional library (an extra such as rectrack[dask]) is not installed
    └── OutOfMemory *             reading needed more memory than a worker may use (raise --max-memory);
                                  a limit of the run, never blamed on the file

Every message is meant to be shown to a user as it is: it names the reason and,
where there is one, what to do about it. The CLI prefixes it with the file path.

The kinds marked * say more about this run than about the file: their ``cacheable`` is False, and the
result cache never keeps a failure of such a kind, so a re-run with a higher limit, or after installing the
program, reads the file again. The failure carries that across the worker boundary as
:attr:`extract.records.Issue.cacheable`.
"""

from __future__ import annotations


class RectrackError(Exception):
    """Base class of every error rectrack raises on purpose."""

    #: Whether a failure of this kind comes from the file itself, so the result cache may keep it (False: a
    #: limit of the run or a missing program; the next run must try again).
    cacheable = True


class UnsupportedFormat(RectrackError):
    """The file's extension is not one of the formats rectrack reads."""


class UnreadableDocument(RectrackError):
    """The file could not be opened or parsed."""


class EncryptedDocument(UnreadableDocument):
    """The file is password-protected: a PDF with a user password (pass it with --password), or an encrypted
    Word (.docx, .doc) or OpenDocument file, which rectrack cannot decrypt."""


class LimitReached(UnreadableDocument):
    """Reading stopped at a limit of this run (LibreOffice took longer than its conversion time): not a fault
    of the file, so never cached."""

    cacheable = False


class ToolMissing(UnreadableDocument):
    """An outside program the format needs (LibreOffice, LibreOffice Writer, Tesseract or its language data) is
    not installed or cannot be started; the message says how to install it. Never cached: once the program is
    installed the file is read."""

    cacheable = False


class WriterError(RectrackError):
    """An output could not be written."""


class MissingDependency(RectrackError):
    """An optional feature's library is not installed; the message names the extra that brings it."""

    cacheable = False


class OutOfMemory(RectrackError):
    """Reading the file needed more memory than a worker may use: a limit of this run, not a fault of the file,
    so it is never blamed on the file nor cached. The message is the batch runner's own."""

    cacheable = False

    def __init__(self, message: str = "ran out of memory (per-worker limit; raise it with --max-memory)") -> None:
        super().__init__(message)


def short_reason(text: str, limit: int = 160) -> str:
    """The first line of ``text``, at most ``limit`` characters, cut between words (with "…") rather than mid-word."""
    line = (text.strip().splitlines() or [""])[0].strip()
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:  # one very long word (a path, a hex string) is cut where it must be
        cut = cut[:space]
    return cut.rstrip(" ,;:.-([{") + "…"
