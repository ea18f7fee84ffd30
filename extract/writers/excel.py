"""The Excel tracker: a workbook analysts work in, which re-runs update without losing their work.

Sheets:

- **Recommendations**: one row per recommendation in an Excel Table anchored at A1 (banded, with
  filters), frozen header, wrapped text, real dates, a Status drop-down, conditional formatting
  (status, overdue, RAG) and a link from each row to its source file. After rectrack's columns, one
  column per other column of the papers' tables ("Meeting Date", "Outcome", ...: :mod:`.excel_extra`).
  Every value is a constant: text is always stored as text, so nothing from a paper can run as a formula.
- **Summary**: counts by status per committee and per paper (plain numbers) and a chart.
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
"""

from __future__ import annotations

import os
import re
import shutil
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from copy import copy
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.formatting import ConditionalFormattingList
from openpyxl.formatting.rule import CellIsRule, FormulaRule, Rule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from ..errors import WriterError
from ..records import FileResult, Recommendation
from . import excel_extra as extra
from ._atomic import atomic_path
from .excel_cells import DATE_FORMAT, _clean_text, put
from .keys import KeyedRow, keyed_rows, paper_id, paper_of

ROWS_SHEET, SUMMARY_SHEET, SOURCES_SHEET, ABOUT_SHEET = "Recommendations", "Summary", "Sources", "About"
STATE_SHEET = "_rectrack"  # very hidden: what rectrack last wrote in each of its cells, by key
TABLE_NAME = "Recommendations"
STATUSES = ("complete", "in_progress", "ongoing", "delayed", "not_started", "not_accepted", "unknown")
LINE_HEIGHT, MAX_ROW_HEIGHT = 13.5, 409.0  # points: one line of 10 pt text; Excel's largest row
DEFAULT_WIDTH = 13.0

WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
# Every cell rectrack writes names its font: a cell without one is drawn in LibreOffice's fallback (often serif).
# Arial is in every copy of Excel and LibreOffice maps it to a metric-compatible sans serif.
FONT_NAME, FONT_SIZE = "Arial", 10
BODY_FONT = Font(name=FONT_NAME, size=FONT_SIZE)
KEY_FONT = Font(name=FONT_NAME, color="808080", size=9)
LINK_FONT = Font(name=FONT_NAME, size=FONT_SIZE, color="0563C1", underline="single")
BOLD = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
HEADER_FONT = Font(name=FONT_NAME, size=FONT_SIZE, bold=True, color="FFFFFF")
HEADER_FILL = PatternFill(start_color="1F4E78", end_color="1F4E78", fill_type="solid")  # drawn without the table style


@dataclass(frozen=True, slots=True)
class Column:
    """A column rectrack fills. ``id`` is stable (the hidden sheet uses it); ``title`` is the header."""

    id: str
    title: str
    max_width: float = 30
    kind: str = "text"  # text | date | key | link
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
EXTRA_WIDTH = 30  # widest fitted width of a column holding one of the papers' other columns (excel_extra)

# Conditional formatting: (fill, font colour) per value. Status colours never borrow a RAG colour for a status
# that is not that rating (in_progress may be rated Green or Amber, so it is blue, not amber): the Status cell
# and the RAG cell never contradict each other.
STATUS_COLOURS = {
    "complete": ("C6EFCE", "006100"),
    "in_progress": ("DDEBF7", "1F4E78"),
    "ongoing": ("DDEBF7", "1F4E78"),
    "delayed": ("FFC7CE", "9C0006"),
    "not_started": ("E4DFEC", "5B3F86"),
    "not_accepted": ("EDEDED", "595959"),
}
RAG_COLOURS = {"red": ("FFC7CE", "9C0006"), "amber": ("FFEB9C", "9C5700"), "green": ("C6EFCE", "006100")}
OVERDUE_COLOURS = ("FFC7CE", "9C0006")
UNKNOWN_FONT = "808080"  # Overdue "unknown": grey text, no fill
OVERDUE_TEXT = {True: "yes", False: "no", None: "unknown"}
STATUS_LIST = '"' + ",".join(STATUSES) + '"'
_OUR_CELL_VALUES = {f'"{v}"' for v in (*STATUS_COLOURS, *RAG_COLOURS, "yes", "unknown")}
_OUR_EXPRESSION = re.compile(r'^\$[A-Z]{1,3}2="(?:yes|no)"$')


# ---------------------------------------------------------------------------------------------------
# Entry point


@dataclass
class TrackerReport:
    """What a run did to the tracker: rows added, updated (a cell refreshed), unchanged, gone; the backup."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    gone: int = 0  # rows of the papers read in this run that are no longer in them
    backup: Path | None = None  # None: there was no tracker before

    def __str__(self) -> str:
        backup = f"backup {self.backup.name}" if self.backup else "new tracker"
        return f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged, {self.gone} gone, {backup}"


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
    book.active = book.sheetnames.index(ROWS_SHEET)
    _save(book, path)
    if existed:
        changes.backup = backup_path(path)
    if report is not None:
        report(changes)
    return len(run.tracked)


@dataclass
class Run:
    """This run: its results, their keyed rows and the papers they came from."""

    results: list[FileResult]
    command: str
    when: datetime
    folder: Path  # the tracker's folder, for relative links to sources
    as_of: date | None = None  # the date Overdue is judged on (None: each row's meeting date)
    tracked: list[KeyedRow] = field(init=False)
    papers: set[str] = field(init=False)

    def __post_init__(self) -> None:
        self.tracked = keyed_rows(self.results)
        self.papers = {item.paper for item in self.tracked}

    @property
    def today(self) -> date:
        return self.when.date()


# ---------------------------------------------------------------------------------------------------
# Opening, saving, backup


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


def backup_path(path: Path) -> Path:
    """Where the previous tracker is kept: ``tracker.xlsx`` → ``tracker.bak.xlsx``."""
    return path.with_name(f"{path.stem}.bak{path.suffix}")


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


# ---------------------------------------------------------------------------------------------------
# Cell values


def canon(value: object) -> str:
    """A cell value as comparable text (what the hidden sheet stores)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _same(a: str, b: str) -> bool:
    """Equal but for spacing and line ends (which spreadsheet programs may change on saving)."""
    return a.split() == b.split()


def _as_date(text: str | None) -> date | str | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return text


def display_status(row: Recommendation) -> str:
    """The normalised status: always one of the drop-down's values (the paper's words are in "Status in paper")."""
    return row.status_norm if row.status_norm in STATUSES else "unknown"


def _pages(row: Recommendation) -> str:
    if row.page_first is None:
        return ""
    if row.page_last is None or row.page_last == row.page_first:
        return f", p. {row.page_first}"
    return f", pp. {row.page_first}–{row.page_last}"


def source_label(row: Recommendation) -> str:
    return Path(row.source).name + _pages(row)


def link_target(source: str, folder: Path) -> str:
    """A link to ``source`` relative to the tracker's folder (so the two can move together)."""
    target = Path(source).resolve()
    try:
        relative = os.path.relpath(target, folder)
    except ValueError:  # another drive (Windows)
        return target.as_uri()
    return quote(Path(relative).as_posix(), safe="/")


def row_values(item: KeyedRow) -> dict[str, object]:
    """The values rectrack writes in its tracked columns for one row."""
    row = item.row
    values = {
        "committee": row.committee,
        "meeting_date": _as_date(row.meeting_date),
        "title": row.title,
        "section": row.section,
        "rec_id": row.rec_id,
        "recommendation": row.recommendation,
        "progress": row.progress,
        "responsible": row.responsible,
        "timescale": row.timescale,
        "due_date": _as_date(row.due_date),
        "status": display_status(row),
        "status_paper": row.status,
        "accepted": row.accepted,
        "rag": row.rag,
        "overdue": OVERDUE_TEXT[row.overdue],
        "owners": "; ".join(str(o.get("name", "")) for o in row.owners if o.get("name")),
        "source": source_label(row),
        "other_sources": "\n".join(source_label(v) for v in item.variants[1:]),
        **extra.row_extra(row),
    }
    return {name: _clean_text(v) if isinstance(v, str) else v for name, v in values.items()}


# ---------------------------------------------------------------------------------------------------
# The Recommendations sheet


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


def _merge_rows(sheet: Worksheet, layout: Layout, run: Run, state: dict[str, dict[str, str]]) -> TrackerReport:
    """Update rows found again, append new ones, mark rows gone from papers read in this run."""
    existing = _existing_rows(sheet, layout)
    found: set[str] = set()
    changes = TrackerReport()
    for item in run.tracked:
        values = {**dict.fromkeys(layout.columns, ""), **row_values(item)}  # blank where the row has no extra cell
        row = existing.get(item.key)
        if row is None:
            layout.last_row += 1
            row = layout.last_row
            _write_new_row(sheet, layout, row, item, values, run)
            layout.touched.add(row)
            changes.added += 1
        else:
            was_touched = row in layout.touched
            _update_row(sheet, layout, row, item, values, run, state.get(item.key))
            if row in layout.touched and not was_touched:
                changes.updated += 1
            else:
                changes.unchanged += 1
        state[item.key] = {c.id: canon(values[c.id]) for c in layout.ours if c.tracked}
        found.add(item.key)
    for key, row in existing.items():
        if key not in found and paper_of(key) in run.papers:
            put(sheet.cell(row, layout.columns["in_source"]), "no")
            changes.gone += 1
    return changes


def _write_cell(
    sheet: Worksheet, layout: Layout, row: int, column: Column, value: object, item: KeyedRow, run: Run
) -> None:
    cell = sheet.cell(row, layout.columns[column.id])
    put(cell, value)
    if column.kind == "link":
        cell.hyperlink = link_target(item.row.source, run.folder)
        cell.data_type = "s"


def _write_new_row(
    sheet: Worksheet, layout: Layout, row: int, item: KeyedRow, values: dict[str, object], run: Run
) -> None:
    cells = {**values, "key": item.key, "in_source": "yes", "first_seen": run.today, "last_seen": run.today}
    for column in layout.ours:
        _write_cell(sheet, layout, row, column, cells[column.id], item, run)
        _style(sheet.cell(row, layout.columns[column.id]), column)


def _update_row(
    sheet: Worksheet,
    layout: Layout,
    row: int,
    item: KeyedRow,
    values: dict[str, object],
    run: Run,
    last_written: dict[str, str] | None,
) -> None:
    """Refresh rectrack's cells, except those the analyst changed since rectrack last wrote them."""
    for column in (c for c in layout.ours if c.tracked):
        cell = sheet.cell(row, layout.columns[column.id])
        current = canon(cell.value)
        analyst_changed = last_written is not None and not _same(current, last_written.get(column.id, current))
        if not analyst_changed and current != canon(values[column.id]):
            _write_cell(sheet, layout, row, column, values[column.id], item, run)
            layout.touched.add(row)
        elif not analyst_changed and column.kind == "link":
            cell.hyperlink = link_target(item.row.source, run.folder)
    put(sheet.cell(row, layout.columns["in_source"]), "yes")
    put(sheet.cell(row, layout.columns["last_seen"]), run.today)
    for column in layout.added:  # a column new to this tracker: fill it on old rows too
        if column.id == "first_seen":
            put(sheet.cell(row, layout.columns[column.id]), run.today)
        _style(sheet.cell(row, layout.columns[column.id]), column)


def _set_overdue(sheet: Worksheet, layout: Layout, run: Run, written_before: dict[str, dict[str, str]]) -> None:
    """Fill Overdue on every row from the row as it stands: the analyst's Status (or due or meeting date) wins.

    A row whose Status, Due date and Meeting date are rectrack's own gets rectrack's reading; a row where the
    analyst changed one of them is judged again from the cells (a row marked complete is not overdue). Rows
    of papers not read in this run keep their value when open and untouched (an unknown status is always
    "unknown", a closed one "no")."""
    from ..enrich import is_overdue

    by_key = {item.key: item for item in run.tracked}
    col = layout.columns
    for row in range(2, layout.last_row + 1):
        key = canon(sheet.cell(row, col["key"]).value).strip()
        cells = {name: canon(sheet.cell(row, col[name]).value) for name in ("status", "due_date", "meeting_date")}
        item = by_key.get(key)
        if item is not None:
            ours = row_values(item)
            if all(_same(cells[name], canon(ours[name])) for name in cells):
                put(sheet.cell(row, col["overdue"]), OVERDUE_TEXT[item.row.overdue])
                continue
        elif (
            key
            and key in written_before
            and _status_bucket(cells["status"]) in OPEN
            and all(_same(cells[name], written_before[key].get(name, cells[name])) for name in cells)
        ):
            continue  # another paper's open row, untouched: its Overdue stays as last written
        elif not key and not cells["status"].strip():
            continue  # a row typed by hand with no status
        status = _status_bucket(cells["status"])
        reference = run.as_of or _cell_date(sheet.cell(row, col["meeting_date"]).value)
        value = is_overdue(status, _cell_date(sheet.cell(row, col["due_date"]).value), reference)
        put(sheet.cell(row, col["overdue"]), OVERDUE_TEXT[value])


OPEN = frozenset({"in_progress", "delayed", "not_started"})  # the statuses whose Overdue depends on dates


def _cell_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _style(cell: Cell, column: Column) -> None:
    cell.alignment = TOP if column.kind == "date" else WRAP
    cell.font = {"key": KEY_FONT, "link": LINK_FONT}.get(column.kind, BODY_FONT)
    if column.kind == "date":
        cell.number_format = DATE_FORMAT


def _finish_rows_sheet(sheet: Worksheet, layout: Layout) -> None:
    """Headers, table, validation, formatting and widths over the sheet's final extent."""
    _unique_headers(sheet, layout.width)
    for col in range(1, layout.width + 1):
        _header_style(sheet.cell(1, col))
    _set_table(sheet, layout)
    _set_validation(sheet, layout)
    _set_conditional_formats(sheet, layout)
    if sheet.freeze_panes is None:  # below the header and, when Ref is the first column, right of it
        sheet.freeze_panes = "B2" if layout.columns["rec_id"] == 1 else "A2"
    _fit_widths(sheet, layout)
    for row in sorted(layout.touched):
        sheet.row_dimensions[row].height = _row_height(sheet, layout, row)
    sheet.row_dimensions[1].height = _header_height(sheet, layout.width)
    first_screen = max(layout.columns[c] for c in FIRST_SCREEN)
    _print_setup(sheet, f"A1:{get_column_letter(max(first_screen, 1))}{max(layout.last_row, 2)}")


def _header_style(cell: Cell) -> None:
    cell.alignment = WRAP
    cell.font, cell.fill = HEADER_FONT, HEADER_FILL


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


def _print_setup(ws: Worksheet, area: str | None = None, title_rows: str | None = "1:1") -> None:
    """Landscape, one page wide (as many tall as needed), the header row on every page, modest margins."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.oddFooter.center.text = "&A: page &P of &N"
    if title_rows:
        ws.print_title_rows = title_rows
    if area:
        ws.print_area = area


def _unique_headers(sheet: Worksheet, width: int) -> None:
    """Excel tables need distinct, non-empty text headers: name blanks and number repeats as Excel does."""
    seen: set[str] = set()
    for col in range(1, width + 1):
        cell = sheet.cell(1, col)
        name = canon(cell.value).strip() or f"Column{col}"
        base, n = name, 1
        while name.casefold() in seen:
            n += 1
            name = f"{base}{n}"
        seen.add(name.casefold())
        if canon(cell.value) != name or cell.data_type != "s":
            put(cell, name)


def _find_table(sheet: Worksheet) -> Table | None:
    """The tracker's table: the one anchored at A1 (any other table on the sheet is the analyst's)."""
    return next((t for t in sheet.tables.values() if t.ref.split(":")[0] == "A1"), None)


def _stretch(ref: str, last_row: int, max_col: int | None = None) -> str:
    """``ref`` with its last row (and optionally last column) moved."""
    min_col, min_row, old_max_col, _ = range_boundaries(ref)
    end_col = max_col or old_max_col
    return f"{get_column_letter(min_col)}{min_row}:{get_column_letter(end_col)}{max(last_row, min_row)}"


def _table_name(sheet: Worksheet) -> str:
    taken = {name.casefold() for ws in sheet.parent.worksheets for name in ws.tables}
    name, n = TABLE_NAME, 1
    while name.casefold() in taken:
        n += 1
        name = f"{TABLE_NAME}{n}"
    return name


def _set_table(sheet: Worksheet, layout: Layout) -> None:
    last = max(layout.last_row, 2)
    ref = f"A1:{get_column_letter(layout.width)}{last}"
    table = _find_table(sheet)
    if table is None:
        table = Table(displayName=_table_name(sheet), ref=ref)
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        sheet.add_table(table)
    for other in sheet.tables.values():
        if other is not table and _overlaps(other.ref, ref):
            raise WriterError(
                f"{sheet.title}: the table '{other.displayName}' at {other.ref} is in the way of the "
                f"tracker's table ({ref}); move it to another sheet and run again"
            )
    table.ref = ref
    if table.autoFilter is None:
        table.autoFilter = AutoFilter(ref=ref)
    table.autoFilter.ref = ref
    if table.sortState is not None:  # keep the analyst's sort, over the new extent
        table.sortState.ref = _stretch(table.sortState.ref, last, layout.width)
        for condition in table.sortState.sortCondition:
            condition.ref = _stretch(condition.ref, last)
    existing = {c.name: c for c in table.tableColumns}
    table.tableColumns = [_table_column(existing, sheet.cell(1, col).value, col) for col in range(1, layout.width + 1)]


def _table_column(existing: dict[str, TableColumn], header: object, index: int) -> TableColumn:
    column = existing.get(str(header)) or TableColumn(id=index, name=str(header))
    column.id = index
    return column


def _overlaps(a: str, b: str) -> bool:
    a1, a2, a3, a4 = range_boundaries(a)
    b1, b2, b3, b4 = range_boundaries(b)
    return a1 <= b3 and b1 <= a3 and a2 <= b4 and b2 <= a4


def _column_range(layout: Layout, column_id: str) -> str:
    letter = get_column_letter(layout.columns[column_id])
    return f"{letter}2:{letter}{max(layout.last_row, 2)}"


def _set_validation(sheet: Worksheet, layout: Layout) -> None:
    """A drop-down of the status vocabulary on Status (other words are allowed after a warning)."""
    sheet.data_validations.dataValidation = [
        dv for dv in sheet.data_validations.dataValidation if not (dv.type == "list" and dv.formula1 == STATUS_LIST)
    ]
    validation = DataValidation(
        type="list",
        formula1=STATUS_LIST,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle="Status",
        error="Not one of rectrack's statuses: keep it anyway?",
        showInputMessage=True,
        promptTitle="Status",
        prompt="Pick a status, or keep the paper's own words",
    )
    validation.add(_column_range(layout, "status"))
    sheet.add_data_validation(validation)


def _is_our_rule(rule: Rule) -> bool:
    formula = list(rule.formula or [])
    if rule.type == "cellIs" and rule.operator == "equal":
        return len(formula) == 1 and formula[0] in _OUR_CELL_VALUES
    return rule.type == "expression" and len(formula) == 1 and bool(_OUR_EXPRESSION.match(formula[0]))


def _colour_rule(
    fill: str,
    font: str,
    *,
    value: str | None = None,
    formula: str | None = None,
    bold: bool = False,
    stop: bool = False,
) -> Rule:
    style = {
        "fill": PatternFill(start_color=fill, end_color=fill, fill_type="solid"),
        "font": Font(color=font, bold=bold),
    }
    if formula is not None:
        return FormulaRule(formula=[formula], stopIfTrue=stop, **style)
    return CellIsRule(operator="equal", formula=[f'"{value}"'], stopIfTrue=stop, **style)


def _set_conditional_formats(sheet: Worksheet, layout: Layout) -> None:
    """Replace rectrack's formatting rules (the analyst's own rules stay) over the current extent."""
    kept = ConditionalFormattingList()
    for formatting in sheet.conditional_formatting:
        for rule in formatting.rules:
            if not _is_our_rule(rule):
                kept.add(str(formatting.sqref), rule)
    kept.max_priority = max((r.priority or 0 for f in kept for r in f.rules), default=0)
    sheet.conditional_formatting = kept

    overdue = f'${get_column_letter(layout.columns["overdue"])}2="yes"'
    gone = f'${get_column_letter(layout.columns["in_source"])}2="no"'
    status, due, rag = (_column_range(layout, c) for c in ("status", "due_date", "rag"))
    # Overdue paints the due date and the Overdue cell; the Status cell keeps its status colour
    kept.add(due, _colour_rule(*OVERDUE_COLOURS, formula=overdue, bold=True, stop=True))
    for value, colours in STATUS_COLOURS.items():
        kept.add(status, _colour_rule(*colours, value=value))
    for value, colours in RAG_COLOURS.items():
        kept.add(rag, _colour_rule(*colours, value=value))
    overdue_range = _column_range(layout, "overdue")
    kept.add(overdue_range, _colour_rule(*OVERDUE_COLOURS, value="yes", bold=True))
    kept.add(
        overdue_range, CellIsRule(operator="equal", formula=['"unknown"'], font=Font(color=UNKNOWN_FONT, italic=True))
    )
    everything = f"A2:{get_column_letter(layout.width)}{max(layout.last_row, 2)}"
    kept.add(everything, FormulaRule(formula=[gone], font=Font(color="808080", italic=True)))


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
        per_line = max(1, int(_column_width(sheet, col) * 1.15) - 1)  # characters of 11 pt text per line
        lines = max(lines, _wrapped_lines(text, per_line))
    return min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 3)


def _keys_in_sheet(sheet: Worksheet, layout: Layout) -> set[str]:
    return set(_existing_rows(sheet, layout))


# ---------------------------------------------------------------------------------------------------
# The hidden sheet: what rectrack last wrote, so the analyst's edits can be told apart


def _read_state(book: Workbook) -> dict[str, dict[str, str]]:
    if STATE_SHEET not in book.sheetnames:
        return {}
    rows = book[STATE_SHEET].iter_rows(values_only=True)
    header = [canon(v) for v in next(rows, ())]
    state: dict[str, dict[str, str]] = {}
    for values in rows:
        record = {name: canon(v) for name, v in zip(header, values, strict=False)}
        if record.get("key"):
            state[record.pop("key")] = record
    return state


def _write_state(book: Workbook, state: dict[str, dict[str, str]], keys: set[str], layout: Layout) -> None:
    if STATE_SHEET in book.sheetnames:
        del book[STATE_SHEET]
    sheet = book.create_sheet(STATE_SHEET)
    sheet.sheet_state = "veryHidden"
    ids = ["key", *(c.id for c in layout.ours if c.tracked)]
    for col, name in enumerate(ids, 1):
        put(sheet.cell(1, col), name)
    row = 1
    for key in sorted(keys & state.keys()):
        row += 1
        for col, name in enumerate(ids, 1):
            put(sheet.cell(row, col), key if name == "key" else state[key].get(name, ""))


# ---------------------------------------------------------------------------------------------------
# Summary, Sources and About (rewritten on every run)


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


@dataclass(frozen=True, slots=True)
class TrackerRow:
    """What the Summary needs from one row of the Recommendations sheet (as it stands after the merge)."""

    paper: str
    committee: str
    meeting_date: object
    title: str
    status: str
    overdue: bool
    in_source: bool


def _status_bucket(value: str) -> str:
    token = re.sub(r"[\s-]+", "_", value.strip().casefold())
    return token if token in STATUSES else "unknown"


def _sheet_records(sheet: Worksheet, layout: Layout) -> list[TrackerRow]:
    def text(row: int, column_id: str) -> str:
        return canon(sheet.cell(row, layout.columns[column_id]).value).strip()

    records = []
    for row in range(2, layout.last_row + 1):
        key = text(row, "key")
        records.append(
            TrackerRow(
                paper=paper_of(key) if key else "",
                committee=text(row, "committee"),
                meeting_date=sheet.cell(row, layout.columns["meeting_date"]).value,
                title=text(row, "title"),
                status=_status_bucket(text(row, "status")),
                overdue=text(row, "overdue").casefold() == "yes",
                in_source=text(row, "in_source").casefold() != "no",
            )
        )
    return records


COUNT_HEADERS = (*STATUSES, "Total", "Overdue", "No longer in source")


def _counts(rows: Iterable[TrackerRow]) -> list[int]:
    rows = list(rows)
    by_status = Counter(r.status for r in rows)
    return [
        *(by_status[s] for s in STATUSES),
        len(rows),
        sum(r.overdue for r in rows),
        sum(not r.in_source for r in rows),
    ]


def _write_block(ws: Worksheet, top: int, title: str, header: Sequence[str], body: Iterable[Sequence[object]]) -> int:
    """A titled block of plain values; returns the last row written."""
    put(ws.cell(top, 1), title)
    ws.cell(top, 1).font = Font(name=FONT_NAME, bold=True, size=12)
    for col, name in enumerate(header, 1):
        _header_style(ws.cell(top + 1, col))
        put(ws.cell(top + 1, col), name)
    row = top + 1
    for values in body:
        row += 1
        for col, value in enumerate(values, 1):
            put(ws.cell(row, col), value)
    return row


def _fill_summary(ws: Worksheet, rows: list[TrackerRow], run: Run) -> None:
    put(ws.cell(1, 1), "Recommendations by status")
    ws.cell(1, 1).font = Font(name=FONT_NAME, bold=True, size=14)
    put(
        ws.cell(2, 1),
        f"Counted from the {ROWS_SHEET} sheet (including your edits) when this file was written, "
        f"{run.when:%Y-%m-%d %H:%M}. A status outside the drop-down list counts as unknown.",
    )
    by_committee: dict[str, list[TrackerRow]] = defaultdict(list)
    by_paper: dict[str, list[TrackerRow]] = defaultdict(list)
    for row in rows:
        by_committee[row.committee or "(no committee)"].append(row)
        by_paper[row.paper].append(row)
    committees = sorted(by_committee)
    body = [[name, *_counts(by_committee[name])] for name in committees] + [["All", *_counts(rows)]]
    first = 4
    last = _write_block(ws, first, "By committee", ["Committee", *COUNT_HEADERS], body)
    ws.cell(last, 1).font = BOLD
    papers = sorted(by_paper, key=lambda p: _paper_sort_key(by_paper[p]))
    paper_body = [_paper_line(p, by_paper[p]) for p in papers]
    # the same columns in both blocks (counts, then the paper's date and title): no column does two jobs
    paper_header = ["Committee", *COUNT_HEADERS, "Meeting date", "Paper"]
    _write_block(ws, last + 3, "By paper", paper_header, paper_body)
    _fit_sheet(ws, {1: 40, len(paper_header): 60}, header_rows={first + 1, last + 4}, skip_rows={1, 2, first, last + 3})
    if committees:
        _add_chart(ws, first + 1, first + 1 + len(committees), anchor_col=len(paper_header) + 2)
    ws.freeze_panes = "B4"


def _paper_sort_key(rows: list[TrackerRow]) -> tuple:
    first = rows[0]
    when = canon(first.meeting_date)
    return (not first.paper, first.committee.casefold(), when, first.title.casefold())


def _paper_line(paper: str, rows: list[TrackerRow]) -> list[object]:
    first = rows[0]
    if not paper:
        return ["", *_counts(rows), None, "(rows added by hand)"]
    return [first.committee, *_counts(rows), first.meeting_date, first.title or "(untitled paper)"]


def _add_chart(ws: Worksheet, header_row: int, last_row: int, anchor_col: int) -> None:
    """A stacked bar per committee, one colour per status."""
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "bar", "stacked", 100
    chart.title = "Recommendations by status and committee"
    chart.y_axis.title = "Recommendations"
    data = Reference(ws, min_col=2, max_col=1 + len(STATUSES), min_row=header_row, max_row=last_row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=header_row + 1, max_row=last_row))
    palette = {
        **{k: v[0] for k, v in STATUS_COLOURS.items()},
        "in_progress": "FFC000",
        "ongoing": "FFE699",
        "complete": "70AD47",
        "delayed": "C00000",
        "not_started": "5B9BD5",
        "unknown": "BFBFBF",
    }
    for series, status in zip(chart.series, STATUSES, strict=False):
        series.graphicalProperties.solidFill = palette.get(status, "BFBFBF")
        series.graphicalProperties.line.solidFill = palette.get(status, "BFBFBF")
    chart.width, chart.height = 22, max(7.5, 1.2 * (last_row - header_row) + 4)
    ws.add_chart(chart, f"{get_column_letter(anchor_col)}{header_row}")


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
            ws.cell(row, col).alignment = WRAP
        link = ws.cell(row, 1)
        link.hyperlink = link_target(file, run.folder)
        link.data_type, link.font = "s", LINK_FONT
    last = max(len(listed) + 1, 2)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(SOURCES_HEADER))}{last}"
    ws.freeze_panes = "B2"
    _fit_sheet(ws, {1: 60, 6: 16, 7: 45, 8: 50})


RUNS_SHEET = "_rectrack_runs"  # very hidden: one row per run that wrote the tracker
RUNS_HEADER = ("written", "command", "files", "added", "updated", "unchanged", "gone")


def _run_record(run: Run, changes: TrackerReport) -> dict[str, object]:
    return {
        "written": run.when,
        "command": run.command or "(written from Python, not the rectrack command)",
        "files": len(run.results),
        "added": changes.added,
        "updated": changes.updated,
        "unchanged": changes.unchanged,
        "gone": changes.gone,
    }


def _read_runs(book: Workbook) -> list[dict[str, object]]:
    """The runs recorded before; a tracker from before runs were recorded gives its About sheet's last command."""
    if RUNS_SHEET in book.sheetnames:
        rows = book[RUNS_SHEET].iter_rows(values_only=True)
        header = [canon(v) for v in next(rows, ())]
        return [dict(zip(header, values, strict=False)) for values in rows if any(v is not None for v in values)]
    if ABOUT_SHEET in book.sheetnames:
        about = {canon(r[0]): r[1] for r in book[ABOUT_SHEET].iter_rows(max_col=2, values_only=True) if r[0]}
        if about.get("Command"):
            return [{"written": about.get("Written"), "command": about["Command"], "files": about.get("Input files")}]
    return []


def _write_runs(book: Workbook, runs: list[dict[str, object]]) -> None:
    if RUNS_SHEET in book.sheetnames:
        del book[RUNS_SHEET]
    sheet = book.create_sheet(RUNS_SHEET)
    sheet.sheet_state = "veryHidden"
    for col, name in enumerate(RUNS_HEADER, 1):
        put(sheet.cell(1, col), name)
    for row, record in enumerate(runs, 2):
        for col, name in enumerate(RUNS_HEADER, 1):
            value = record.get(name)
            put(sheet.cell(row, col), "" if value is None else value)


def _run_line(record: dict[str, object]) -> str:
    counts = [f"{record[n]} {n}" for n in ("added", "updated", "unchanged", "gone") if record.get(n) is not None]
    files = f"{record['files']} files" if record.get("files") is not None else ""
    summary = "; ".join(part for part in (files, ", ".join(counts)) if part)
    return f"{record.get('command')}\n{summary}" if summary else str(record.get("command"))


def _fill_about(ws: Worksheet, run: Run, path: Path, row_count: int, runs: list[dict[str, object]]) -> None:
    from .. import __version__

    command = run.command or "(not recorded: the tracker was written from Python, not the rectrack command)"
    lines: list[tuple[str, object]] = [
        ("rectrack version", __version__),
        ("Written", run.when),
        ("Command", command),
        ("Input files", len(run.results)),
        ("Rows found in this run", len(run.tracked)),
        ("Rows in the tracker", row_count),
        ("Files ever read", f"{len(_sources_listed(run, ws))} (listed on the {SOURCES_SHEET} sheet)"),
        (
            "How to regenerate",
            "Run the commands under Runs below again, in order, from the same folder (or one command "
            f"with all the files listed on {SOURCES_SHEET}). rectrack updates this file in place "
            "(close it in Excel first).",
        ),
        (
            "What a re-run keeps",
            "Rows are matched on the Key column, so keep it. Columns you add, rows you type, "
            "your formatting, sorting, filters and column widths stay. A rectrack cell you "
            "edited keeps your value; the others are refreshed from the papers. New rows are "
            "added at the bottom; rows no longer in their paper stay, marked 'no' in "
            "'Still in source'. A row you delete comes back if it is still in a paper.",
        ),
        (
            "What a re-run replaces",
            f"The {SUMMARY_SHEET} and {ABOUT_SHEET} sheets are rewritten every time: keep your own notes on "
            f"other sheets. {SOURCES_SHEET} keeps every file read before and refreshes those read again.",
        ),
        ("Backup", f"The file as it was before the last run is kept as {backup_path(path).name}."),
        (
            "Row key",
            "Paper (committee, meeting date and title, or the file's content when those are missing), "
            "table number and recommendation number: the same paper as PDF and Word gives one row.",
        ),
        (
            "Printing",
            f"{ROWS_SHEET} prints its first columns (Ref to Overdue) landscape, one page wide, with the header "
            "on every page; widen the print area in your spreadsheet program to print more.",
        ),
    ]
    for number, record in enumerate(runs, 1):
        when = record.get("written")
        label = f"Run {number}" + (f", {canon(when)[:16].replace('T', ' ')}" if when else "")
        lines.append((label, _run_line(record)))
    for row, (name, value) in enumerate(lines, 1):
        put(ws.cell(row, 1), name)
        ws.cell(row, 1).font = BOLD
        ws.cell(row, 1).alignment = TOP
        put(ws.cell(row, 2), value)
        ws.cell(row, 2).alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 100
    _fit_rows(ws)


def _sources_listed(run: Run, ws: Worksheet) -> set[str]:
    sources = ws.parent[SOURCES_SHEET] if SOURCES_SHEET in ws.parent.sheetnames else None
    listed = {r.path for r in run.results}
    if sources is not None:
        listed |= {canon(v).strip() for (v,) in sources.iter_rows(min_row=2, max_col=1, values_only=True) if v}
    return listed


# ---------------------------------------------------------------------------------------------------
# Widths and heights from content (no program fits them on opening: LibreOffice overlaps wrapped rows)


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
