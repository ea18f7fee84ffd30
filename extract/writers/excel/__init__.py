"""The Excel tracker: a workbook analysts work in, which re-runs update without losing their work.

Sheets:

- **Recommendations**: one row per recommendation in an Excel Table anchored at A1 (banded, with
  filters), frozen header, wrapped text, real dates, a Status drop-down, conditional formatting
  (status, overdue, RAG) and a link from each row to its source file. After rectrack's columns, one
  column per other column of the papers' tables ("Meeting Date", "Outcome", ...: :mod:`.extra`). Check says
  "yes" for rows whose Confidence is under 0.9 (:mod:`extract.confidence`), the reason in a cell comment.
  Every value is a constant: text is always stored as text, so nothing from a paper can run as a formula.
- **History**: one row per recommendation followed across successive reports (:mod:`extract.history`):
  review, latest wording and owner, first and last meeting, the status at each report, latest status, days
  to complete. The Recommendations sheet's History column links each row to its line here. Linking runs
  over every row the tracker holds (a very hidden sheet keeps what it needs from each), so a report added
  by a later run links to the reports already in the tracker.
- **Summary**: counts by status per committee and per paper (plain numbers, with the rows to check) and a chart.
- **Sources**: every input file of the last run, with what was found in it or why it failed.
- **About**: the rectrack version, when and how the file was made and how to regenerate it.

Writing into an existing tracker updates it in place. Rows are matched on their ``Key`` column
(:mod:`extract.writers.keys`); columns the analyst added, rows they typed, their formatting, sorting,
filters and column widths stay. rectrack's own cells are refreshed from the papers unless the analyst
changed them: a hidden sheet holds what rectrack last wrote, and a cell that differs from it is the
analyst's and is kept. New rows are appended; rows no longer in their paper are kept and marked
"no" in "Still in source". The previous file is copied to ``<name>.bak.xlsx``, and every file is
written to a temporary name first and renamed over the old one, so a crash never leaves a broken
tracker.

This module runs the steps; each concern has its own module: ``book`` (opening, the lock check, saving and
the backup), ``values`` (cell values), ``layout`` (rectrack's columns on the sheet), ``merge`` (the merge
with the analyst's edits and the hidden sheet of what rectrack last wrote), ``table`` (the table,
validation, conditional formatting and print setup), ``fit`` (widths and heights), ``summary``,
``sources`` and ``about`` (the sheets rewritten on every run), ``extra`` (the papers' other columns),
``cells`` (storing a value in a cell) and ``styles`` (names, fonts and colours).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from copy import copy
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from ...records import FileResult
from . import extra
from .about import _fill_about, _read_runs, _run_record, _write_runs
from .book import _new_tracker, _open_tracker, _refuse_if_open, _save, backup_path
from .checks import set_checks
from .histories import fill_history, set_history_links, tracker_histories, write_entries
from .layout import COLUMNS, Column, _keys_in_sheet, _layout
from .merge import _merge_rows, _read_state, _set_overdue, _write_state
from .run import Run, TrackerReport
from .sources import _fill_sources, _previous_sources
from .styles import (
    ABOUT_SHEET,
    FONT_NAME,
    FONT_SIZE,
    HISTORY_SHEET,
    ROWS_SHEET,
    SOURCES_SHEET,
    STATUSES,
    SUMMARY_SHEET,
)
from .summary import _fill_summary, _sheet_records
from .table import _finish_rows_sheet, _print_setup
from .values import canon, display_status, link_target, row_values, source_label

__all__ = [
    "COLUMNS",
    "STATUSES",
    "Column",
    "Run",
    "TrackerReport",
    "backup_path",
    "canon",
    "display_status",
    "link_target",
    "row_values",
    "source_label",
    "write_xlsx",
]


def write_xlsx(
    results: Sequence[FileResult],
    dest: str,
    *,
    command: str = "",
    as_of: date | None = None,
    report: Callable[[TrackerReport], None] | None = None,
    **_options,
) -> int:
    """Write or update the tracker at ``dest``; returns the number of distinct rows found this run.

    ``as_of``: the date Overdue is judged on (default: each row's meeting date). ``report`` is called with
    what the run did once the file is saved."""
    path = Path(dest)
    _refuse_if_open(path)
    existed = path.exists()
    run = Run(
        results=list(results),
        command=command,
        when=datetime.now().replace(microsecond=0),
        folder=path.parent.resolve(),
        as_of=as_of,
    )
    book = _open_tracker(path) if path.exists() else _new_tracker()
    sheet = book[ROWS_SHEET]
    state = _read_state(book)
    layout = _layout(sheet, run, extra.read_titles(book), fresh=not path.exists())
    written_before = {key: dict(values) for key, values in state.items()}
    changes = _merge_rows(sheet, layout, run, state)
    _set_overdue(sheet, layout, run, written_before)
    set_checks(sheet, layout, run)
    entries, found = tracker_histories(book, run)
    set_history_links(sheet, layout, found)
    _finish_rows_sheet(sheet, layout)
    _write_state(book, state, _keys_in_sheet(sheet, layout), layout)
    extra.write_titles(book, {c.id: c.title for c in layout.ours if extra.is_extra(c.id)})
    tracker_rows = _sheet_records(sheet, layout)
    sources = _previous_sources(book)
    runs = _read_runs(book) + [_run_record(run, changes)]
    _replace_sheet(book, SUMMARY_SHEET, 1, lambda ws: _fill_summary(ws, tracker_rows, run))
    _replace_sheet(book, SOURCES_SHEET, 2, lambda ws: _fill_sources(ws, run, sources))
    _replace_sheet(book, ABOUT_SHEET, 3, lambda ws: _fill_about(ws, run, path, len(tracker_rows), runs))
    _write_runs(book, runs)
    _replace_sheet(book, HISTORY_SHEET, 1, lambda ws: fill_history(ws, found))
    write_entries(book, entries)
    book.active = book.sheetnames.index(ROWS_SHEET)
    _save(book, path)
    if existed:
        changes.backup = backup_path(path)
    if report is not None:
        report(changes)
    return len(run.tracked)


def _replace_sheet(book: Workbook, title: str, position: int, fill: Callable[[Worksheet], None]) -> None:
    if title in book.sheetnames:
        position = book.sheetnames.index(title)
        del book[title]
    ws = book.create_sheet(title, position)
    fill(ws)
    _name_fonts(ws)
    _print_setup(ws)


def _name_fonts(ws: Worksheet) -> None:
    """Give every written cell the tracker's font by name, keeping its weight, size and colour."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            font = copy(cell.font)
            font.name = FONT_NAME
            if font.sz is None or font.sz == 11:
                font.sz = FONT_SIZE
            cell.font = font
