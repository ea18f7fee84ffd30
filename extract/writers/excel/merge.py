"""The merge with the analyst's edits: rows updated (except cells the analyst changed), appended or marked
gone, Overdue recomputed; the hidden sheet holding what rectrack last wrote, so edits can be told apart."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from ..keys import KeyedRow, paper_of
from .cells import DATE_FORMAT, hidden_sheet, put
from .layout import Column, Layout, _existing_rows
from .run import Run, TrackerReport
from .styles import BODY_FONT, DATE_ALIGN, KEY_FONT, LINK_FONT, OVERDUE_TEXT, STATE_SHEET, WRAP
from .values import _cell_date, _same, _status_bucket, canon, link_target, row_values


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
    from ...enrich import is_overdue

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


def _style(cell: Cell, column: Column) -> None:
    cell.alignment = DATE_ALIGN if column.kind == "date" else WRAP
    cell.font = {"key": KEY_FONT, "link": LINK_FONT, "history": LINK_FONT}.get(column.kind, BODY_FONT)
    if column.kind == "date":
        cell.number_format = DATE_FORMAT


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
    ids = ["key", *(c.id for c in layout.ours if c.tracked)]
    records = (
        [key if name == "key" else state[key].get(name, "") for name in ids] for key in sorted(keys & state.keys())
    )
    hidden_sheet(book, STATE_SHEET, [ids, *records])
