"""The History sheet: one row per recommendation followed across reports (:mod:`extract.history`), the
Recommendations sheet's History column linking to it, and the very hidden sheet that keeps what linking needs
from every row ever written, so a later run's report links to the reports already in the tracker."""

from __future__ import annotations

from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from ...history import ENTRY_FIELDS, Entry, History, entries_of, histories
from ...palette import STATUSES, status_label
from .cells import hidden_sheet, put
from .fit import _fit_sheet
from .layout import Layout
from .run import Run
from .styles import HISTORY_SHEET, LINK_FONT, WRAP, _header_style
from .table import band_rule
from .values import _as_date, canon

CENTRED = Alignment(horizontal="center", vertical="top", wrap_text=True)
CENTRED_COLUMNS = frozenset({9, 11, 12, 13})  # Reports, Latest status, Days to complete, Stalled
TRAIL_WIDTH = 36

ENTRIES_SHEET = "_rectrack_history"  # very hidden: what linking needs from each row, by key
HISTORY_HEADER = (
    "History",
    "Review",
    "Committee",
    "Ref",
    "Recommendation",
    "Responsible",
    "First reported",
    "Last reported",
    "Reports",
    "Status at each report",
    "Latest status",
    "Days to complete",
    "Stalled",
)


def read_entries(book: Workbook) -> dict[str, Entry]:
    """The entries kept by earlier runs, by key."""
    if ENTRIES_SHEET not in book.sheetnames:
        return {}
    rows = book[ENTRIES_SHEET].iter_rows(values_only=True)
    header = [canon(v) for v in next(rows, ())]
    if "key" not in header:
        return {}
    out: dict[str, Entry] = {}
    for values in rows:
        record = {name: canon(v) for name, v in zip(header, values, strict=False) if name in ENTRY_FIELDS}
        if not record.get("key"):
            continue
        fields: dict[str, object] = {name: record.get(name, "") for name in ENTRY_FIELDS}
        for number in ("table_index", "position"):
            try:
                fields[number] = int(str(fields[number]) or 0)
            except ValueError:
                fields[number] = 0
        fields["status"] = fields["status"] or "unknown"
        out[record["key"]] = Entry(**fields)  # type: ignore[arg-type]
    return out


def write_entries(book: Workbook, entries: Iterable[Entry]) -> None:
    records = ([getattr(entry, name) for name in ENTRY_FIELDS] for entry in sorted(entries, key=lambda e: e.key))
    hidden_sheet(book, ENTRIES_SHEET, [ENTRY_FIELDS, *records])


def tracker_histories(book: Workbook, run: Run) -> tuple[list[Entry], list[History]]:
    """Every entry the tracker holds after this run (earlier runs' rows, with the papers read again replaced by
    this run's rows) and their histories."""
    entries = {key: e for key, e in read_entries(book).items() if e.paper not in run.papers}
    fresh, _keys = entries_of(run.results)
    entries.update((e.key, e) for e in fresh)
    everything = list(entries.values())
    return everything, histories(everything)


def history_rows(found: list[History]) -> dict[str, int]:
    """The History sheet's row of each history_id."""
    return {h.history_id: row for row, h in enumerate(found, 2)}


def set_history_links(sheet: Worksheet, layout: Layout, found: list[History]) -> None:
    """The Recommendations sheet's History column: each row's history_id, linked to its row on the History
    sheet (rows typed by hand, without a key, are left alone)."""
    if "history_id" not in layout.columns:
        return
    ids = {key: h.history_id for h in found for key in h.keys}
    rows = history_rows(found)
    col = layout.columns["history_id"]
    key_col = layout.columns["key"]
    for row in range(2, layout.last_row + 1):
        key = canon(sheet.cell(row, key_col).value).strip()
        cell = sheet.cell(row, col)
        if not key:
            continue
        identity = ids.get(key, "")
        put(cell, identity)
        cell.hyperlink = (
            Hyperlink(ref=cell.coordinate, location=f"'{HISTORY_SHEET}'!A{rows[identity]}") if identity else None
        )
        cell.font = LINK_FONT


def readable_trail(trail: str) -> str:
    """ "2023-04 in_progress → 2024-04 complete" as "2023-04 In progress → 2024-04 Complete": each report's status
    by its label (words that are not a status name are left as they are)."""
    steps = []
    for step in trail.split(" → "):
        when, _, status = step.rpartition(" ")
        steps.append(f"{when} {status_label(status)}".strip() if status in STATUSES else step)
    return " → ".join(steps)


def _values(history: History) -> list[object]:
    days = history.days_to_complete
    return [
        history.history_id,
        history.review,
        history.committee,
        history.rec_id,
        history.recommendation,
        history.responsible,
        _as_date(history.first_meeting),
        _as_date(history.last_meeting),
        history.reports,
        readable_trail(history.trail),
        status_label(history.latest_status),
        "" if days is None else days,
        "yes" if history.stalled else "no",
    ]


def fill_history(ws: Worksheet, found: list[History]) -> None:
    """Header in row 1, then one row per history_id: plain values, no formulas."""
    for col, name in enumerate(HISTORY_HEADER, 1):
        _header_style(ws.cell(1, col))
        put(ws.cell(1, col), name)
    for row, history in enumerate(found, 2):
        for col, value in enumerate(_values(history), 1):
            cell = ws.cell(row, col)
            put(cell, value)
            cell.alignment = WRAP
    last = max(len(found) + 1, 2)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(HISTORY_HEADER))}{last}"
    ws.freeze_panes = "C2"
    # the trail wraps at about two reports a line ("2023-04 In progress → 2023-10 Complete")
    _fit_sheet(ws, {2: 30, 3: 30, 4: 6, 5: 60, 6: 25, 10: TRAIL_WIDTH}, cap=16)
    for row in ws.iter_rows(min_row=2):  # counts, statuses and flags: centred, clear of the text beside them
        for cell in row:
            if cell.column in CENTRED_COLUMNS:
                cell.alignment = CENTRED
    if found:  # every other visible row shaded, as on Recommendations (LibreOffice draws no table styles)
        ws.conditional_formatting.add(f"A2:{get_column_letter(len(HISTORY_HEADER))}{last}", band_rule("A"))
