"""Stable row keys for the writers that update an existing output (Excel tracker, SQLite store): the names
of :mod:`extract.rowkeys`, where they are defined (linking across reports uses them too)."""

from __future__ import annotations

from ..rowkeys import (
    ID_LENGTH,
    SAME_TEXT,
    KeyedRow,
    file_hash,
    keyed_rows,
    normalise_text,
    paper_id,
    paper_of,
    result_keys,
    row_keys,
)

__all__ = [
    "ID_LENGTH",
    "SAME_TEXT",
    "KeyedRow",
    "file_hash",
    "keyed_rows",
    "normalise_text",
    "paper_id",
    "paper_of",
    "result_keys",
    "row_keys",
]
