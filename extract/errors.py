"""Exceptions raised by rectrack.

The tree::

    RectrackError                 base class: catch this to handle any rectrack failure
    ├── UnsupportedFormat         the file's type is not one rectrack reads
    ├── UnreadableDocument        the file exists but cannot be read (missing, empty, corrupt)
    │   └── EncryptedDocument     password-protected: a PDF (pass the password with --password), or an
    │                             Office file (Word .docx/.doc, OpenDocument .odt): save an unprotected copy
    ├── WriterError               an output file could not be written
    ├── MissingDependency         an optional library (an extra such as rectrack[dask]) is not installed
    └── OutOfMemory               reading needed more memory than a worker may use (raise --max-memory);
                                  a limit of the run, never blamed on the file nor cached

Every message is meant to be shown to a user as it is: it names the reason and,
where there is one, what to do about it. The CLI prefixes it with the file path.
"""

from __future__ import annotations


class RectrackError(Exception):
    """Base class of every error rectrack raises on purpose."""


class UnsupportedFormat(RectrackError):
    """The file's extension is not one of the formats rectrack reads."""


class UnreadableDocument(RectrackError):
    """The file could not be opened or parsed."""


class EncryptedDocument(UnreadableDocument):
    """The file is password-protected: a PDF with a user password (pass it with --password), or an encrypted
    Word (.docx, .doc) or OpenDocument file, which rectrack cannot decrypt."""


class WriterError(RectrackError):
    """An output could not be written."""


class MissingDependency(RectrackError):
    """An optional feature's library is not installed; the message names the extra that brings it."""


class OutOfMemory(RectrackError):
    """Reading the file needed more memory than a worker may use: a limit of this run, not a fault of the file,
    so it is never blamed on the file nor cached. The message is the batch runner's own."""

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
