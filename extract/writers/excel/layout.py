"""Where rectrack's columns are: the fixed columns, then the papers' other columns, found by header on
the sheet (added after the last column when missing), the table's extent and the rows' keys."""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.utils import range_boundaries
from openpyxl.worksheet.table import Table
from openpyxl.worksheet.worksheet import Worksheet

from . import extra
from .cells import put
from .run import Run
from .values import canon


@dataclass(frozen=True, slots=True)
class Column:
    """A column rectrack fills. ``id`` is stable (the hidden sheet uses it); ``title`` is the header."""

    id: str
    title: str
    max_width: float = 30
    kind: str = "text"  # text | date | key | link | history | number
    tracked: bool = True  # False: bookkeeping rectrack always sets, never treated as the analyst's


# The first screen is what the analyst works on (the recommendation, its progress, owner, timescale and status);
# the paper, provenance and bookkeeping columns follow. Re-runs find columns by header, never by position, so a
# tracker written with another order keeps its own.
COLUMNS: tuple[Column, ...] = (
    Column("rec_id", "Ref", 6),
    Column("recommendation", "Recommendation", 50),
    Column("progress", "Progress", 55),
    Column("responsible", "Responsible", 20),
    Column("timescale", "Timescale", 14),
    Column("due_date", "Due date", 12, "date"),
    Column("status", "Status", 13),
    Column("rag", "RAG", 7),
    Column("overdue", "Overdue", 9, tracked=False),  # recomputed on every run from the Status as it stands
    # how sure rectrack is of the row (extract.confidence): set every run; the reason is a comment on Check
    Column("check", "Check", 8, tracked=False),
    Column("confidence", "Confidence", 11, "number", tracked=False),
    # the recommendation across reports: its history_id, linked to its row on the History sheet (set every run)
    Column("history_id", "History", 15, "history", tracked=False),
    Column("status_paper", "Status in paper", 18),
    Column("accepted", "Accepted", 12),
    Column("owners", "Owners", 25),
    Column("key", "Key", 14, "key", tracked=False),
    Column("committee", "Committee", 30),
    Column("meeting_date", "Meeting date", 13, "date"),
    Column("title", "Paper", 40),
    Column("section", "Section", 25),
    Column("source", "Source", 35, "link"),
    Column("other_sources", "Also in", 35),
    Column("in_source", "Still in source", 10, tracked=False),
    Column("first_seen", "First seen", 12, "date", tracked=False),
    Column("last_seen", "Last seen", 12, "date", tracked=False),
)
FIRST_SCREEN = (
    "rec_id",
    "recommendation",
    "progress",
    "responsible",
    "timescale",
    "due_date",
    "status",
    "rag",
    "overdue",
)
EXTRA_WIDTH = 30  # widest fitted width of a column holding one of the papers' other columns (extra)


@dataclass
class Layout:
    """Where rectrack's columns are on the sheet (1-based), how wide the table is, the last used row."""

    columns: dict[str, int]
    width: int
    last_row: int
    ours: list[Column] = field(default_factory=lambda: list(COLUMNS))  # rectrack's columns: fixed, then extra
    added: list[Column] = field(default_factory=list)  # rectrack columns created by this run
    touched: set[int] = field(default_factory=set)  # rows whose text rectrack wrote (their height is re-fitted)


def _headers(sheet: Worksheet) -> list[str]:
    return [canon(c.value).strip() for c in next(sheet.iter_rows(min_row=1, max_row=1), ())]


def _table_width(sheet: Worksheet) -> int:
    """Columns the table spans: its current width, or the run of headers from A1, whichever is wider."""
    headers = _headers(sheet)
    run = next((i for i, h in enumerate(headers) if not h), len(headers))
    table = _find_table(sheet)
    current = range_boundaries(table.ref)[2] if table is not None else 0
    return max(run, current)


def _last_row(sheet: Worksheet, width: int) -> int:
    for row in range(sheet.max_row, 1, -1):
        if any(sheet.cell(row, col).value not in (None, "") for col in range(1, width + 1)):
            return row
    return 1


def _layout(sheet: Worksheet, run: Run, extra_titles: dict[str, str], *, fresh: bool) -> Layout:
    """Find rectrack's columns by their headers; add any that are missing after the last column.

    Then the extra columns (the papers' other columns): those of earlier runs where they are, new ones added
    after the last column."""
    found: dict[str, int] = {}
    if fresh:
        width = 0
    else:
        lowered = [h.casefold() for h in _headers(sheet)]
        for column in COLUMNS:
            if column.title.casefold() in lowered:
                found[column.id] = lowered.index(column.title.casefold()) + 1
        width = max(_table_width(sheet), *found.values())
    layout = Layout(found, width, _last_row(sheet, width) if width else 1)
    for column in COLUMNS:
        if column.id not in found:
            _add_column(sheet, layout, column)
    headers = extra.run_headers(item.row for item in run.tracked)
    for column_id, title, col in extra.place(headers, extra_titles, _headers(sheet)):
        column = Column(column_id, title, EXTRA_WIDTH)
        layout.ours.append(column)
        if col is None:
            _add_column(sheet, layout, column)
        else:
            layout.columns[column_id] = col
            layout.width = max(layout.width, col)
    return layout


def _add_column(sheet: Worksheet, layout: Layout, column: Column) -> None:
    layout.width += 1
    layout.columns[column.id] = layout.width
    layout.added.append(column)
    put(sheet.cell(1, layout.width), column.title)


def _existing_rows(sheet: Worksheet, layout: Layout) -> dict[str, int]:
    """Sheet row of each key (the first, if the analyst copied a row)."""
    rows: dict[str, int] = {}
    key_col = layout.columns["key"]
    for row in range(2, layout.last_row + 1):
        key = canon(sheet.cell(row, key_col).value).strip()
        if key:
            rows.setdefault(key, row)
    return rows


def _find_table(sheet: Worksheet) -> Table | None:
    """The tracker's table: the one anchored at A1 (any other table on the sheet is the analyst's)."""
    return next((t for t in sheet.tables.values() if t.ref.split(":")[0] == "A1"), None)


def _keys_in_sheet(sheet: Worksheet, layout: Layout) -> set[str]:
    return set(_existing_rows(sheet, layout))
