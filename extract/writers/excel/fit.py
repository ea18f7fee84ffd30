"""Widths and heights from content (no program fits them on opening: LibreOffice overlaps wrapped rows)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .layout import Layout
from .styles import DEFAULT_WIDTH, LINE_HEIGHT, MAX_ROW_HEIGHT
from .values import canon


def _header_height(sheet: Worksheet, width: int) -> float:
    """Row 1 tall enough for the longest wrapped header (bold text is a little wider)."""
    lines = 1
    for col in range(1, width + 1):
        text = canon(sheet.cell(1, col).value)
        per_line = max(1, int(_column_width(sheet, col) * 1.05) - 1)
        lines = max(lines, _wrapped_lines(text, per_line))
    return min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 4)


def _wrapped_lines(text: str, per_line: int) -> int:
    """Lines ``text`` takes when wrapped at word boundaries in ``per_line`` characters."""
    import textwrap

    return sum(max(1, len(textwrap.wrap(part, per_line) or [""])) for part in text.splitlines() or [""])


def _fit_widths(sheet: Worksheet, layout: Layout) -> None:
    """Widths to suit the content, for columns this run created (the analyst's widths are kept)."""
    for column in layout.added:
        col = layout.columns[column.id]
        lengths = [len(column.title)]
        for row in range(2, min(layout.last_row, 500) + 1):
            value = sheet.cell(row, col).value
            text = "31 Dec 2024" if isinstance(value, (date, datetime)) else canon(value)
            lengths.append(max((len(line) for line in text.splitlines()), default=0))
        sheet.column_dimensions[get_column_letter(col)].width = min(column.max_width, max(lengths) + 2)


def _column_width(sheet: Worksheet, col: int) -> float:
    """The column's width, without creating a dimension entry (they may cover ranges of columns)."""
    own = sheet.column_dimensions.get(get_column_letter(col))
    if own is not None and own.width:
        return own.width
    for dimension in sheet.column_dimensions.values():
        if dimension.min and dimension.max and dimension.min <= col <= dimension.max and dimension.width:
            return dimension.width
    return DEFAULT_WIDTH


def _row_height(sheet: Worksheet, layout: Layout, row: int) -> float:
    """A height that shows the row's wrapped text (spreadsheet programs do not all fit heights on opening)."""
    lines = 1
    for column in layout.ours:
        col = layout.columns[column.id]
        text = canon(sheet.cell(row, col).value)
        if column.kind == "date" or not text:
            continue
        # characters of 10 pt Arial per line: about 1.35 a unit of width; 1.25 leaves room for wider fallback fonts
        per_line = max(1, int(_column_width(sheet, col) * 1.25) - 1)
        lines = max(lines, _wrapped_lines(text, per_line))
    return min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 3)


def _text_width(value: object) -> int:
    """Characters of the longest line of a cell as shown."""
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 11
    return max((len(line) for line in canon(value).splitlines()), default=0)


def _fit_sheet(
    ws: Worksheet,
    caps: dict[int, float],
    *,
    header_rows: Iterable[int] = (1,),
    skip_rows: Iterable[int] = (),
    cap: float = 30,
) -> None:
    """Column widths from content (the longest line up to the column's cap, and never less than the longest
    word, so no word is cut); headers wrap at word boundaries. Then every row's height from its wrapped cells.
    ``skip_rows``: titles and notes that run across empty cells (no width, no wrap)."""
    headers, skip = set(header_rows), set(skip_rows)
    longest: dict[int, float] = defaultdict(float)
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None or cell.row in skip:
                continue
            bold = 1.1 if cell.font is not None and cell.font.b else 1.0
            words = max((len(w) for w in canon(cell.value).split()), default=0)
            wanted = 0 if cell.row in headers else min(caps.get(cell.column, cap), _text_width(cell.value))
            longest[cell.column] = max(longest[cell.column], bold * max(words, wanted) + 2)
    for col, width in longest.items():
        ws.column_dimensions[get_column_letter(col)].width = max(6.0, width)
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None and cell.row not in skip and not isinstance(cell.value, (int, float)):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    _fit_rows(ws, skip_rows=skip)


def _fit_rows(ws: Worksheet, *, skip_rows: Iterable[int] = ()) -> None:
    """Each row tall enough for its wrapped cells."""
    skip = set(skip_rows)
    for row in ws.iter_rows():
        lines = 0
        for cell in row:
            if cell.value is None or cell.row in skip:
                continue
            if not (cell.alignment and cell.alignment.wrap_text):
                lines = max(lines, 1)
                continue
            per_line = max(1, int(_column_width(ws, cell.column) * 1.1) - 1)
            lines = max(lines, _wrapped_lines(canon(cell.value), per_line))
        if lines:
            ws.row_dimensions[row[0].row].height = min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 4)
