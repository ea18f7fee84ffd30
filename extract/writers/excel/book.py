"""Opening, saving and backing up the tracker: refused while a spreadsheet program has it open, written
atomically, the previous file kept as ``<name>.bak.xlsx``."""

from __future__ import annotations

import shutil
from pathlib import Path

from openpyxl import Workbook, load_workbook

from ...errors import WriterError
from .._atomic import atomic_path
from ..changes import backup_path
from .layout import _headers
from .styles import ROWS_SHEET


def _refuse_if_open(path: Path) -> None:
    """Stop if Excel or LibreOffice has the tracker open: saving there later would undo this run."""
    for lock in (path.with_name(f"~${path.name}"), path.with_name(f".~lock.{path.name}#")):
        if lock.exists():
            raise WriterError(
                f"{path}: the tracker is open in a spreadsheet program (lock file {lock.name}); "
                f"close it and run again (if it is not open, delete {lock.name})"
            )


def _open_tracker(path: Path) -> Workbook:
    try:
        book = load_workbook(path, rich_text=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise WriterError(
            f"{path}: cannot open the existing workbook to update it ({type(exc).__name__}: {exc}); "
            "it was left as it was: move it aside or choose another output name"
        ) from exc
    if ROWS_SHEET not in book.sheetnames or "key" not in {h.casefold() for h in _headers(book[ROWS_SHEET])}:
        raise WriterError(
            f"{path}: this workbook is not a rectrack tracker (no '{ROWS_SHEET}' sheet with a "
            "'Key' column); it was left as it was: choose another output name, or restore the "
            "'Key' column from the .bak.xlsx copy"
        )
    return book


def _new_tracker() -> Workbook:
    book = Workbook()
    book.active.title = ROWS_SHEET
    return book


def _save(book: Workbook, path: Path) -> None:
    """Save atomically; the file being replaced is first copied (atomically too) to the backup."""
    with atomic_path(path) as tmp:
        try:
            book.save(tmp)
        except (ValueError, TypeError, KeyError) as exc:  # content openpyxl cannot serialise
            raise WriterError(
                f"{path}: could not build the workbook ({type(exc).__name__}: {exc}); the previous file is unchanged"
            ) from exc
        if path.exists():
            with atomic_path(backup_path(path)) as copy:
                shutil.copy2(path, copy)
