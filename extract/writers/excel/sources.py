"""The Sources sheet: every file ever read into the tracker, with what was found in it or why it failed."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..keys import paper_id
from .cells import put
from .fit import _fit_sheet
from .run import Run
from .styles import LINK_FONT, SOURCES_SHEET, WRAP, _header_style
from .values import canon, link_target

CENTRED = Alignment(horizontal="center", vertical="top", wrap_text=True)
NUMBER_COLUMNS = frozenset({3, 4, 5})  # Pages, Tracking tables, Rows: centred, clear of the text either side
SOURCES_HEADER = (
    "File",
    "Format",
    "Pages",
    "Tracking tables",
    "Rows",
    "Paper ID",
    "Error",
    "Warnings and notes",
    "Last read",
)


def _previous_sources(book: Workbook) -> dict[str, dict[str, object]]:
    """The files listed on the tracker's Sources sheet (found by header), by path: they stay listed."""
    if SOURCES_SHEET not in book.sheetnames:
        return {}
    rows = book[SOURCES_SHEET].iter_rows(values_only=True)
    header = [canon(v).strip() for v in next(rows, ())]
    if "File" not in header:
        return {}
    listed: dict[str, dict[str, object]] = {}
    for values in rows:
        record = {name: value for name, value in zip(header, values, strict=False) if name in SOURCES_HEADER}
        if canon(record.get("File")).strip():
            listed[canon(record["File"]).strip()] = record
    return listed


def _fill_sources(ws: Worksheet, run: Run, previous: dict[str, dict[str, object]]) -> None:
    """Every file ever read into the tracker: this run's results, and the files of earlier runs as listed then."""
    for col, name in enumerate(SOURCES_HEADER, 1):
        _header_style(ws.cell(1, col))
        put(ws.cell(1, col), name)
    listed = dict(previous)
    for result in run.results:
        notes = "\n".join(i.reason for i in result.issues if i.level != "error")
        values = (
            result.path,
            result.format,
            result.pages,
            result.tables,
            len(result.rows),
            paper_id(result),
            result.error,
            notes,
            run.when,
        )
        listed[result.path] = dict(zip(SOURCES_HEADER, values, strict=True))
    for row, file in enumerate(sorted(listed), 2):
        record = listed[file]
        for col, name in enumerate(SOURCES_HEADER, 1):
            value = record.get(name)
            put(ws.cell(row, col), "" if value is None else value)
            ws.cell(row, col).alignment = CENTRED if col in NUMBER_COLUMNS else WRAP
        link = ws.cell(row, 1)
        link.hyperlink = link_target(file, run.folder)
        link.data_type, link.font = "s", LINK_FONT
    last = max(len(listed) + 1, 2)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(SOURCES_HEADER))}{last}"
    ws.freeze_panes = "B2"
    _fit_sheet(ws, {1: 60, 6: 16, 7: 45, 8: 50})
