"""Cell values for the Excel tracker: text Excel can hold, stored as constants (never formulas), dates formatted;
the hidden sheets that hold the tracker's own bookkeeping.

Used by every module of the tracker; imports none of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

DATE_FORMAT = "d mmm yyyy"
EXCEL_MAX_TEXT = 32767


def _clean_text(text: str) -> str:
    """Text Excel can hold: no XML-illegal control characters, at most 32,767 characters."""
    text = ILLEGAL_CHARACTERS_RE.sub(" ", text)
    if len(text) > EXCEL_MAX_TEXT:
        marker = " … [cut: longer than an Excel cell holds]"
        text = text[: EXCEL_MAX_TEXT - len(marker)] + marker
    return text


def put(cell: Cell, value: object) -> None:
    """Store ``value`` as a constant. Strings are always text (never a formula, whatever they start with)."""
    if isinstance(value, str):
        if not value:
            cell.value = None
            return
        cell.value = _clean_text(value)
        cell.data_type = "s"
        return
    cell.value = value
    if isinstance(value, (date, datetime)):
        cell.number_format = DATE_FORMAT if not isinstance(value, datetime) else "yyyy-mm-dd hh:mm"


def hidden_sheet(book: Workbook, name: str, rows: Iterable[Sequence[object]]) -> None:
    """Replace sheet ``name`` with a very hidden one (Excel's Unhide does not list it) holding ``rows`` from A1,
    each value stored by :func:`put`: the tracker's own bookkeeping (runs, row keys, titles, state)."""
    if name in book.sheetnames:
        del book[name]
    sheet = book.create_sheet(name)
    sheet.sheet_state = "veryHidden"
    for row, values in enumerate(rows, 1):
        for col, value in enumerate(values, 1):
            put(sheet.cell(row, col), value)
