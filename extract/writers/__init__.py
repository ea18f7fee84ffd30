"""Writers: the output file's extension picks one.

``write(results, dest)`` writes every row of ``results`` atomically. To add a
format, add a function taking ``(rows, stream)`` for text formats (or
``(results, path)`` for binary ones) and list its suffix in ``WRITERS``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ..errors import WriterError
from ..records import FileResult
from ._atomic import atomic_path
from .csv_writer import write_csv
from .jsonl import write_jsonl

TEXT_WRITERS: dict[str, Callable] = {".jsonl": write_jsonl, ".csv": write_csv}
# Binary formats: module and function, imported only when used (keeps start-up light).
FILE_WRITERS: dict[str, tuple[str, str]] = {
    ".xlsx": ("excel", "write_xlsx"),
    ".parquet": ("parquet", "write_parquet"),
    ".sqlite": ("sqlite", "write_sqlite"),
    ".db": ("sqlite", "write_sqlite"),
}
SUFFIXES = tuple(sorted({*TEXT_WRITERS, *FILE_WRITERS}))


def _file_writer(suffix: str) -> Callable:
    import importlib

    module, name = FILE_WRITERS[suffix]
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


def check_destination(dest: str) -> None:
    """Raise WriterError if rectrack cannot write this kind of file (checked before any work)."""
    if dest == "-":
        return
    suffix = Path(dest).suffix.lower()
    if suffix not in TEXT_WRITERS and suffix not in FILE_WRITERS:
        raise WriterError(
            f"{dest}: unknown output type '{suffix or '(none)'}' "
            f"(use one of {', '.join(SUFFIXES)}, or - for JSON Lines on stdout)"
        )


def write(results: Sequence[FileResult], dest: str | os.PathLike, **options) -> int:
    """Write all rows of ``results`` to ``dest`` ("-" = JSON Lines on stdout). Returns the row count.

    ``options`` go to the binary writers: ``command`` (the command line that made the output, for the
    Excel tracker's About sheet). Rows without a ``history_id`` are linked across reports over ``results``
    first (:mod:`extract.history`); the tracker and the SQLite store link again with the rows they hold.
    """
    dest = str(dest)
    check_destination(dest)
    from ..history import link_results, linked

    if not linked(results):  # rows not yet followed across reports: link them over this batch
        results = link_results(results)
    rows = [row for result in results for row in result.rows]
    if dest == "-":
        return write_jsonl(rows, sys.stdout)
    suffix = Path(dest).suffix.lower()
    if suffix in FILE_WRITERS:
        return _file_writer(suffix)(results, dest, **options)
    with atomic_path(dest) as tmp:
        encoding = "utf-8-sig" if suffix == ".csv" else "utf-8"
        newline = "" if suffix == ".csv" else "\n"
        try:
            with open(tmp, "w", encoding=encoding, newline=newline) as stream:
                return TEXT_WRITERS[suffix](rows, stream)
        except OSError as exc:
            raise WriterError(f"{dest}: write failed ({exc.strerror or exc})") from exc
